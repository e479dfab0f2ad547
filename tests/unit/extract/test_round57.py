"""Round 57 of the extraction rules (issue 17): reading never fails on mangled text (found by
fuzzing), then rules for the batches scored just before the round, each with a positive and a
negative case on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

import warnings
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reading import find

from kpitools.extract import audit_statements, statements_frame

# ------------------------------------------------------------------- never a crash

SENTENCES = (
    "Năm 2041, thu ngân sách trên địa bàn xã Tân Hòa đạt 38,7 tỷ đồng, bằng 154% dự toán.",
    "Lũy kế đến 30/6/2041, huyện giải ngân 412 tỷ đồng, đạt 41,6% kế hoạch vốn năm 2041.",
    "6 tháng đầu năm 2041, xã đón 1,2 triệu lượt khách, tăng 9% so với cùng kỳ.",
    "Mục tiêu năm 2041 là đón 2,5 triệu lượt khách.",
    "Hội Nông dân kết nạp 260 hội viên, vượt 4% chỉ tiêu, trong đó nữ 120 hội viên.",
    "Cả năm trồng 1.450 ha rừng, đạt 96,7% kế hoạch 1.500 ha; trồng 2,1 triệu cây phân tán.",
    "Kim ngạch xuất khẩu ước đạt 730 triệu USD, gấp 1,6 lần kế hoạch năm 2041.",
    "Chi cục Thuế khu vực 3 thu được 85 tỷ đồng (chiếm 12,5% tổng thu), đạt trên 60% dự toán.",
)
JUNK = (
    "9" * 30,
    "9" * 30 + " tỷ đồng",
    "2041tấn",
    "2040-2045tấn",
    "00",
    "00 ha",
    "kế hoạch năm 2041 00 ha",
    "%",
    "(",
    ")",
    "/",
    "-",
    ",",
    "\u0301",  # a combining acute accent
    "\u0323",  # a combining dot below
    "\u200b",  # a zero-width space
    "0%",
    "gấp 0 lần",
    "đạt",
    "kế hoạch",
    "tỷ đồng",
    "\n",
    "1700.000",
    "0000",
)


@st.composite
def mangled(draw: st.DrawFn) -> str:
    """Two or three invented report sentences with junk pieces put in at random places."""
    text = " ".join(draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3)))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        piece = draw(st.sampled_from(JUNK))
        text = text[:at] + piece + text[at:]
    return text


def _read_and_audit(text: str, *, money: bool = True) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # an unread figure is a warning, not a failure
        statements = find(text, money=money)
    if statements:
        audit_statements(statements_frame(statements))


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(text=mangled(), money=st.booleans())
def test_mangled_report_text_is_read_and_audited_without_failing(text: str, money: bool) -> None:
    _read_and_audit(text, money=money)


def test_a_figure_too_long_for_decimal_precision_is_read() -> None:
    huge = "9" * 30 + "7"
    text = f"Năm 2041, thu ngân sách xã đạt {huge} tỷ đồng, đạt 150% dự toán."
    _read_and_audit(text)
    (s,) = [s for s in find(text) if s.stated_percent is not None]
    assert s.implied_target is not None and s.implied_target > 10**30


def test_an_implied_target_is_still_rounded_half_up() -> None:
    (s,) = find("Năm 2041, xã kết nạp 25 đảng viên, đạt 80% kế hoạch.")
    assert str(s.implied_target) == "31.25"


def test_a_multiple_of_a_long_figure_is_read() -> None:
    _read_and_audit(f"Năm 2041, xuất khẩu đạt {'9' * 31} triệu USD, gấp 1,5 lần kế hoạch.")


def test_a_number_glued_to_its_unit_ends_no_range() -> None:
    text = (
        "Tính đến tháng 6/2041, giá cà phê đạt 130.000 đồng/kg, tăng 3% so với tháng trước, "
        "xuất khẩu 2040-2045tấn."
    )
    _read_and_audit(text)
    assert [s.stated_kind for s in find(text)] == ["growth"]


def test_a_plan_of_nothing_is_no_plan() -> None:
    text = (
        "Năm 2041 cả huyện trồng 1.250 ha rừng, đạt 41,6% kế hoạch. "
        "Dự kiến theo kế hoạch năm 2041 00 ha rừng."
    )
    _read_and_audit(text)
    (s,) = [s for s in find(text) if s.stated_percent is not None]
    assert s.target is None and s.implied_target is not None


def test_a_plan_written_as_its_figure_is_still_linked() -> None:
    text = (
        "Năm 2041 cả huyện trồng 1.250 ha rừng, đạt 41,6% kế hoạch. "
        "Kế hoạch năm 2041 là trồng 3.005 ha rừng."
    )
    (s,) = [s for s in find(text) if s.stated_percent is not None]
    assert s.target == 3005


def test_a_long_figure_against_a_month_before_is_read() -> None:
    text = (
        "Doanh thu tháng 3/2041 của hợp tác xã đạt 48 tỷ đồng. Sang tháng 4, doanh thu đạt hơn "
        f"{'7' * 32} tỷ đồng, tăng khoảng 6% so với tháng 3."
    )
    _read_and_audit(text)


def test_digits_of_another_script_are_read_as_digits() -> None:
    (s,) = find("Năm 2041 xã kết nạp ２５ đảng viên, đạt ８０% kế hoạch.")
    assert (s.actual, s.stated_percent) == (25, 80)
    _read_and_audit("Năm 2041 xã kết nạp 2٣5 đảng viên, đạt 9５,１２% kế hoạch.")


def test_ascii_digits_are_read_as_before() -> None:
    (s,) = find("Năm 2041 xã kết nạp 25 đảng viên, đạt 80% kế hoạch.")
    assert (s.actual, s.stated_percent) == (25, 80)


def test_a_slashed_plan_of_nothing_is_no_plan() -> None:
    text = "Đến 30/9/2041 xã gieo sạ 7,5 nghìn ha/0,0 nghìn ha, đạt 87,5% so với kế hoạch."
    _read_and_audit(text)
    assert all(s.target is None for s in find(text))


def test_a_whole_in_no_number_format_is_no_whole_of_a_share() -> None:
    _read_and_audit(
        "Toàn xã có 0000240.000 hộ đăng ký thi đua. Kết quả có 150 hộ đạt danh hiệu (bằng "
        "62,5% so với hộ đăng ký)."
    )


def test_a_bracketed_plan_in_no_number_format_is_no_amount() -> None:
    _read_and_audit(
        "Doanh thu 6 tháng năm 2041 của công ty đạt 820 tỷ đồng. Với kết quả này, công ty đã "
        "hoàn thành 41% chỉ tiêu doanh thu (2000.000 tỷ đồng) và 52% chỉ tiêu lợi nhuận (90 tỷ "
        "đồng) cả năm 2041."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Doanh thu dịch vụ năm 2041 tăng 12,4% so với năm 2040 (kế hoạch 1700.000%).",
        "Tỷ lệ hộ nghèo năm 2041 còn 2,5%, thấp hơn mục tiêu đề ra là 1700.000%.",
        "Năm 2041 năng suất lúa đạt 48,2 tạ/ha, giảm 4% (-2000.000 tạ/ha).",
        "Toàn xã có 240 hộ đăng ký thi đua. Kết quả có 150 hộ đạt danh hiệu (bằng 1700.000% "
        "so với hộ đăng ký).",
    ],
)
def test_a_target_change_or_share_in_no_number_format_is_not_read(text: str) -> None:
    _read_and_audit(text)


# ------------------------------------------------------------------- the batches' rules

LEVEL_GROWTH_PLAN = (
    "Tổng dư nợ của quỹ đạt 1.250 tỷ đồng, tăng 120 tỷ đồng so với năm 2040, tỷ lệ tăng "
    "trưởng 10,6%, hoàn thành 100% kế hoạch được giao."
)
RATE_PLAN = (
    "Tổng dư nợ của quỹ đạt 1.250 tỷ đồng, tỷ lệ nợ xấu 1,6%, hoàn thành 100% kế hoạch giao."
)


def test_a_growth_rate_after_its_level_is_not_the_plans_result() -> None:
    assert not [s for s in find(LEVEL_GROWTH_PLAN) if s.actual == Decimal("10.6")]


def test_a_rate_of_its_own_before_a_plan_is_still_its_result() -> None:
    (s,) = [s for s in find(RATE_PLAN) if s.stated_kind == "attainment"]
    assert s.actual == Decimal("1.6")


YEARLY_PACE = (
    "Nhiệm kỳ 2040 – 2045, Đảng bộ xã phấn đấu kết nạp 600 đảng viên mới. Trong đó mỗi năm "
    "các chi bộ xem xét, giới thiệu, kết nạp 120 đảng viên."
)
PART_OF_TERM = (
    "Nhiệm kỳ 2040 – 2045, Đảng bộ xã phấn đấu kết nạp 600 đảng viên mới. Trong đó các chi "
    "bộ đã kết nạp 120 đảng viên."
)


def test_a_count_said_of_every_year_is_no_result_of_the_plan_before() -> None:
    assert [(s.actual, s.target) for s in find(YEARLY_PACE)] == [(None, 600), (120, None)]


def test_a_count_of_no_pace_still_takes_the_plan_before() -> None:
    assert [(s.actual, s.target) for s in find(PART_OF_TERM)] == [(120, 600)]


CAPITAL_PLAN = (
    "Năm 2041, tổng kế hoạch vốn đầu tư công của huyện đã giao là 900 tỷ đồng, phân bổ cho "
    "30 dự án.\n"
)


def _disbursed(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.target) for s in find(text) if s.stated_kind == "attainment"]


def test_a_disbursement_rate_takes_the_capital_plan_it_fits() -> None:
    text = CAPITAL_PLAN + (
        "Đến ngày 31/7, huyện đã giải ngân được 270 tỷ đồng, đạt tỷ lệ 30%; khả năng giải ngân "
        "đến 30/9 là 500 tỷ đồng."
    )
    assert _disbursed(text) == [(270 * 10**9, 900 * 10**9)]


def test_a_disbursement_rate_the_plan_does_not_fit_stays_alone() -> None:
    text = CAPITAL_PLAN + (
        "Đến ngày 31/7, huyện đã giải ngân được 270 tỷ đồng, đạt tỷ lệ 45%; khả năng giải ngân "
        "đến 30/9 là 500 tỷ đồng."
    )
    assert _disbursed(text) == [(270 * 10**9, None)]


QUARTER_OF_PLAN = (
    "(TX) - Theo chỉ tiêu đã phân bổ, năm 2041 Đảng ủy xã Tân Hòa sẽ kết nạp mới 40 đảng viên. "
    "Kết quả, ngay trong quý I, Đảng ủy xã Tân Hòa đã kết nạp được 18 đảng viên mới."
)


def test_what_will_be_done_by_the_plan_opening_a_sentence_is_the_target() -> None:
    assert [(s.actual, s.target) for s in find(QUARTER_OF_PLAN)] == [(18, 40)]


def test_what_was_done_by_the_plan_opening_a_sentence_is_a_result() -> None:
    text = "Theo chỉ tiêu đã giao, năm 2041 Đảng ủy xã Tân Hòa đã kết nạp 40 đảng viên."
    assert [(s.actual, s.target) for s in find(text)] == [(40, None)]


def _rate_pairs(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.target) for s in find(text) if s.stated_kind is None]


def test_a_fractions_rate_beside_the_resolutions_rate_is_a_pair() -> None:
    text = (
        "Trong nhiệm kỳ, Đoàn xã được kết nạp 24/36 tổng số đảng viên mới của Đảng bộ, đạt tỷ "
        "lệ 66,67%, so với nghị quyết đề ra là 60%."
    )
    assert _rate_pairs(text) == [(Decimal("66.67"), 60)]


def test_a_rate_its_fraction_does_not_give_is_no_pair() -> None:
    text = (
        "Trong nhiệm kỳ, Đoàn xã được kết nạp 24/36 tổng số đảng viên mới của Đảng bộ, đạt tỷ "
        "lệ 80%, so với nghị quyết đề ra là 60%."
    )
    assert _rate_pairs(text) == []


def test_the_plans_percentage_after_a_growth_rate_is_its_levels() -> None:
    (s,) = [s for s in find(LEVEL_GROWTH_PLAN) if s.stated_kind == "attainment"]
    assert (s.actual, s.stated_percent) == (1250 * 10**9, 100)
