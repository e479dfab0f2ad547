"""Round 75 of the extraction rules (issue 17): each rule with a positive and a negative case
on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

from kpitools.extract import audit_statements

# a fraction's percentage compared with the year's registered number: the fraction's ratio
FRACTION_YEAR = (
    "Hết tháng 8, Đảng bộ phường Tân An đã kết nạp 320/560 quần chúng, đạt 57,1% so với số "
    "đăng ký kết nạp năm 2041."
)
# a percentage the fraction does not give, compared with a past year, stays a growth (one
# compared with the number registered is checked as the attainment since round 76)
FRACTION_OFF = (
    "Hết tháng 8, Đảng bộ phường Tân An đã kết nạp 320/560 quần chúng, đạt 67,1% so với năm 2040."
)


def test_a_fractions_own_ratio_compared_with_a_year_is_its_attainment() -> None:
    got = [(s.actual, s.target, s.stated_percent, s.stated_kind) for s in find(FRACTION_YEAR)]
    assert (320, 560, Decimal("57.1"), "attainment") in got


def test_a_percentage_the_fraction_does_not_give_is_no_attainment() -> None:
    assert all(s.stated_kind != "attainment" for s in find(FRACTION_OFF))


# a part written as a fraction names its whole: not the count of the last unit listed before
LISTS = (
    "Năm 2041, toàn tỉnh kết nạp được 640 đảng viên mới. Trong đó, Hòa An 81 đảng viên, "
    "Tân Lộc 64, Bình Sơn 52, Công an 31, Bộ đội Biên phòng tỉnh 5, Bộ Chỉ huy Quân sự tỉnh 3. "
    "Trong đó, đảng viên là học sinh 21/640, gồm: Hòa An 7, Tân Lộc 6, Công an 5, Bình Sơn 3."
)
# a fraction of the whole it follows: still its part, and a part larger than it is flagged
OWN_WHOLE = (
    "Năm 2041, toàn huyện kết nạp được 58 đảng viên, trong đó đảng viên nữ 19/58, gồm: "
    "Hòa An 7, Tân Lộc 6."
)
OVER_WHOLE = (
    "Năm 2041, toàn huyện kết nạp được 58 đảng viên, trong đó đảng viên nữ 19/58, gồm: "
    "Hòa An 70, Tân Lộc 6."
)


def _part_flags(text: str) -> list[str]:
    rows = audit_statements(find(text)).to_dicts()
    return [r["text"] for r in rows if r["check"] == "part" and r["verdict"] == "inconsistent"]


def test_a_fraction_is_no_part_of_a_whole_of_another_value() -> None:
    assert _part_flags(LISTS) == []


def test_a_fraction_of_the_whole_before_stays_its_part() -> None:
    parts = [s for s in find(OWN_WHOLE) if s.part_of is not None]
    assert [s.actual for s in parts] == [19, 7, 6]
    assert _part_flags(OVER_WHOLE) == ["70"]


# a percentage of a capital plan said of the money paid out or the work done: not the capital's
DISBURSED = (
    "Năm 2041, xã Phú Mỹ có 37 tỷ đồng vốn đầu tư công; đến hết tháng 12, khối lượng thực "
    "hiện ước đạt 100% kế hoạch vốn, còn tỷ lệ giải ngân đạt 76,2% kế hoạch vốn."
)
# the amount paid out, named in its clause: its percentage keeps it
PAID_OUT = (
    "Năm 2041, huyện đã giải ngân hơn 218 tỷ đồng vốn đầu tư công; tỷ lệ giải ngân đạt 81,4% "
    "kế hoạch vốn."
)


def test_a_disbursement_rate_is_not_the_capitals_attainment() -> None:
    assert [s.actual for s in find(DISBURSED) if s.stated_kind == "attainment"] == [None, None]


def test_a_disbursement_rate_keeps_the_amount_paid_out() -> None:
    got = [s.actual for s in find(PAID_OUT) if s.stated_kind == "attainment"]
    assert got == [218000000000]


# the shares of a structure against the plan's shares: read when the plan's shares they imply
# add up to the whole; a share whose attainment only adds up read the other way has none
def _structure(farm: str, industry: str, services: str) -> str:
    return (
        f"Cuối nhiệm kỳ, khu vực nông nghiệp chiếm 38,5% (đạt {farm}% Nghị quyết, giảm 4,1% "
        f"so với năm 2036); khu vực công nghiệp chiếm 35,6% (đạt {industry}% Nghị quyết, tăng "
        f"3,2% so với năm 2036); khu vực dịch vụ chiếm 25,9% (đạt {services}% Nghị quyết)."
    )


RISING = (
    "Năm 2041, tỷ trọng ngành nông nghiệp chiếm 41% (đạt 102,5% Nghị quyết); công nghiệp "
    "chiếm 34,2% (đạt 100,6% Nghị quyết); dịch vụ chiếm 24,8% (đạt 95,4% Nghị quyết)."
)


def _shares(text: str) -> list[object]:
    return [s.actual for s in find(text) if s.stated_kind == "attainment"]


def test_structure_shares_that_add_up_are_read() -> None:
    assert _shares(RISING) == [41, Decimal("34.2"), Decimal("24.8")]
    # farming's 109,1 % is the plan's 42 % over its 38,5 %: no result for it
    assert _shares(_structure("109,1", "107,9", "103,6")) == [
        None,
        Decimal("35.6"),
        Decimal("25.9"),
    ]


def test_structure_shares_that_add_up_no_way_are_not_read() -> None:
    assert _shares(_structure("109,1", "120", "103,6")) == [None, None, None]


# a plan's attainment right after a growth rate named by its speed: the rate is its actual
SPEED = "Năm 2041, tốc độ tăng trưởng giá trị sản xuất là 8,46%, đạt 100,7% kế hoạch."
SPEED_BRACKET = (
    "Tốc độ tăng giá trị sản xuất bình quân giai đoạn 2036-2041 đạt 8,46% (đạt 105,8% Nghị quyết)."
)
# a growth said of an amount: its attainment is the amount's, never the growth's
AMOUNT_GROWTH = "Năm 2041, doanh thu của huyện tăng 8,46%, đạt 105,8% kế hoạch."


def test_a_growth_rates_attainment_takes_the_rate() -> None:
    assert [s.actual for s in find(SPEED) if s.stated_kind == "attainment"] == [Decimal("8.46")]
    got = [s.actual for s in find(SPEED_BRACKET) if s.stated_kind == "attainment"]
    assert got == [Decimal("8.46")]


def test_an_amounts_growth_is_no_actual_of_its_attainment() -> None:
    assert [s.actual for s in find(AMOUNT_GROWTH) if s.stated_kind == "attainment"] == [None]


# a result to a date against the year's target written in the sentence before
YEAR_AIM = "Năm 2041, Đảng bộ huyện Tân Lộc phấn đấu kết nạp thêm 150 đảng viên mới."
TO_DATE = (
    YEAR_AIM + " Riêng trong 3 tháng đầu năm 2041, Đảng bộ huyện đã kết nạp được 37 quần chúng "
    "ưu tú đứng vào hàng ngũ của Đảng."
)
# a past year's result, or one of two results in its sentence: no link
PAST_YEAR = YEAR_AIM + " Trong 3 tháng đầu năm 2040, Đảng bộ huyện đã kết nạp được 137 đảng viên."
TWO_RESULTS = (
    YEAR_AIM + " Trong quý I năm 2041, Đảng bộ huyện đã kết nạp được 37 đảng viên; trong quý II "
    "năm 2041, đã kết nạp được 41 đảng viên."
)


def _paired(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.target) for s in find(text) if s.actual is not None]


def test_a_result_to_date_takes_the_years_target_before_it() -> None:
    assert _paired(TO_DATE) == [(37, 150)]


def test_a_past_years_result_or_one_of_two_takes_no_target() -> None:
    assert _paired(PAST_YEAR) == [(137, None)]
    assert _paired(TWO_RESULTS) == [(37, None), (41, None)]


# a result against a planned range written after a slash
RANGE_PLAN = (
    "Tính từ đầu nhiệm kỳ đến nay, số đảng viên mới được kết nạp là 6.214/6.000 - 6.500 đảng viên."
)
# a second number that does not rise above the first, within twice it: the fraction alone
NO_RANGE = "Năm 2041, toàn xã đã hỗ trợ được 312/300 - 250 hộ."


def test_a_slashed_result_takes_a_planned_range() -> None:
    assert _paired(RANGE_PLAN) == [(6214, (6000, 6500))]


def test_a_slashed_result_without_a_rising_range_keeps_its_fraction() -> None:
    assert _paired(NO_RANGE) == [(312, 300)]


# the figure planned in brackets right after a percentage of the plan: its target
PLANNED_BRACKET = (
    "Năm 2041, phường đã trồng 31.420 cây bóng mát, đạt tỷ lệ 142,8% so kế hoạch (dự kiến "
    "trồng 22.000 cây)."
)
# after a growth over last year, the bracket is no plan of it
PLANNED_AFTER_GROWTH = (
    "Năm 2041, phường đã trồng 31.420 cây bóng mát, tăng 12% so với cùng kỳ (dự kiến trồng "
    "22.000 cây năm 2042)."
)


def test_a_planned_figure_in_brackets_after_the_plans_percentage_is_its_target() -> None:
    assert _paired(PLANNED_BRACKET) == [(31420, 22000)]


def test_a_planned_figure_after_a_growth_is_no_target() -> None:
    assert _paired(PLANNED_AFTER_GROWTH) == [(31420, None)]
