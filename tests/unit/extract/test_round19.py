"""Round 19 of the extraction rules (issue 17): counts of units out of all written as
fractions, plans set after a dash, and the other rules of round 19, each as a general rule
of report wording, tested on invented text (never the evaluation set's figures or
sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import claimed_pairs as _pairs
from reading import claims, find

BILLION = Decimal(10) ** 9


# --------------------------------------------------------------------------- wrong claims


def test_a_count_of_units_out_of_all_is_no_result_against_a_target() -> None:
    text = (
        "Trong quý, 7/9 công ty niêm yết báo doanh thu tăng. Năm qua, có 5/9 doanh nghiệp "
        "có lãi cao hơn năm trước, 3 doanh nghiệp lãi thấp hơn."
    )
    assert _pairs(text) == []


def test_a_fraction_of_members_or_with_a_verb_stays_a_pair() -> None:
    assert _pairs("Xã Bình An kết nạp 14/12 đảng viên.") == [(Decimal(14), Decimal(12))]
    assert _pairs("Năm nay tỉnh thành lập mới 1.250/1.200 doanh nghiệp.") == [
        (Decimal(1250), Decimal(1200))
    ]


def test_a_fraction_of_units_with_its_percentage_keeps_its_reading() -> None:
    [s] = find("Cả nước có 600/800 xã (75%) đạt chuẩn.", money=True)
    assert (s.actual, s.target, s.stated_percent) == (Decimal(600), Decimal(800), Decimal(75))


_DASHED = "Doanh thu năm 2025 của công ty đạt 8,6 tỷ USD (tăng {}% so với kế hoạch - 8 tỷ USD)."


def test_a_plan_after_a_dash_is_the_target_of_its_excess() -> None:
    [s] = claims(_DASHED.format("7,5"), money=True)
    assert (s.actual, s.target, s.stated_kind, s.verdict) == (
        Decimal("8.6") * BILLION,
        8 * BILLION,
        "excess",
        "consistent",
    )


def test_a_plan_after_a_dash_that_the_excess_nearly_fits_is_flagged() -> None:
    # round 104: 8,55 to 8,65 (which round to 8,6) give 6,9 to 8,1 %, so 6,5 is flagged
    [s] = claims(_DASHED.format("6,5"), money=True)
    assert (s.target, s.verdict) == (8 * BILLION, "inconsistent")


def test_a_plan_after_a_dash_far_from_the_percentage_is_not_its_target() -> None:
    [s] = claims(_DASHED.format("30"), money=True)
    assert s.target is None


# --------------------------------------------------------------------------- misses


def test_an_attainment_said_with_thuc_hien_is_the_amount_s() -> None:
    for verb in ("thực hiện", "thực hiện được"):
        [s] = claims(f"Doanh thu 9 tháng đạt 900 tỷ đồng, {verb} 45% kế hoạch năm.", money=True)
        assert (s.actual, s.stated_percent) == (900 * BILLION, Decimal(45))


def test_an_attainment_said_with_thuc_hien_in_a_clause_of_another_subject_stays_alone() -> None:
    text = "Doanh thu 9 tháng đạt 900 tỷ đồng, công ty mẹ thực hiện 45% kế hoạch năm."
    assert [(s.actual, s.stated_percent) for s in claims(text, money=True)] == [(None, Decimal(45))]


def test_commas_written_as_thousands_separators_are_read_so() -> None:
    text = (
        "Công ty báo doanh thu cả năm đạt 12,480 tỷ đồng, bằng 76% kế hoạch. Lợi nhuận đạt "
        "1,250 tỷ đồng, vượt 12% kế hoạch."
    )
    assert [s.actual for s in claims(text, money=True)] == [12480 * BILLION, 1250 * BILLION]


def test_decimal_commas_stay_decimal() -> None:
    # no figure ends in a zero: three decimals are decimals
    text = "Sản lượng đạt 2,615 triệu tấn, vượt 8% kế hoạch; vụ mùa 4,731 triệu tấn."
    assert claims(text, money=True)[0].actual == Decimal(2615000)
    # a decimal comma elsewhere in the text: every comma is a decimal one
    text = "Lợi nhuận 1,250 tỷ đồng, vượt 12,5% kế hoạch; doanh thu 12,480 tỷ đồng."
    assert claims(text, money=True)[0].actual == Decimal(1250000000)


_FALL = (
    "Sản lượng đánh bắt năm 2024 đạt 2,61 triệu tấn, vượt 8,75% kế hoạch. Về đánh bắt, {}giảm "
    "6% để còn 2,4 triệu tấn."
)


def test_a_plan_set_as_a_fall_to_an_amount_is_the_target_of_the_excess() -> None:
    [s] = claims(_FALL.format("chỉ tiêu đề ra là "), money=True)
    assert (s.actual, s.target, s.verdict) == (Decimal(2610000), Decimal(2400000), "consistent")


def test_a_fall_to_an_amount_with_no_plan_word_is_no_plan() -> None:
    [s] = claims(_FALL.format("năm sau dự báo "), money=True)
    assert (s.actual, s.target) == (Decimal(2610000), None)


def _joined(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.stated_percent) for s in claims(text, money=True)]


def test_a_percentage_after_a_dash_or_a_slight_growth_is_the_amount_s() -> None:
    text = "Năm 2024, sản lượng than đạt 41,2 triệu tấn - vượt 3,1% so với kế hoạch."
    assert _joined(text) == [(Decimal(41200000), Decimal("3.1"))]
    text = (
        "Lợi nhuận của công ty đạt 1.300 tỷ đồng, tăng nhẹ so với cùng kỳ và hoàn thành 104% "
        "kế hoạch."
    )
    assert _joined(text) == [(1300 * BILLION, Decimal(104))]


def test_a_percentage_after_a_dash_and_another_subject_stays_alone() -> None:
    text = "Năm 2024, sản lượng than đạt 41,2 triệu tấn - ngành điện vượt 3,1% kế hoạch."
    assert _joined(text) == [(None, Decimal("3.1"))]


_ACHIEVED = (
    "Lũy kế 6 tháng, lợi nhuận sau thuế đạt 1.000 tỷ đồng, gấp 1,5 lần cùng kỳ. Năm nay, công "
    "ty đặt mục tiêu lợi nhuận 800 tỷ đồng, {}, công ty vượt 25% so với kế hoạch năm."
)


def test_the_result_achieved_named_before_a_percentage_is_the_amount_before() -> None:
    [s] = claims(_ACHIEVED.format("với kết quả đạt được"), money=True)
    assert (s.actual, s.target, s.verdict) == (1000 * BILLION, 800 * BILLION, "consistent")


def test_a_result_named_otherwise_is_not_referred_to() -> None:
    [s] = claims(_ACHIEVED.format("với kết quả kinh doanh khả quan"), money=True)
    assert (s.actual, s.target) == (None, None)


def test_a_growth_after_a_fronted_comparison_with_a_plan_is_an_excess() -> None:
    text = "So với kế hoạch năm 2025, doanh thu của công ty đạt 840 tỷ đồng, tăng 5%."
    [s] = find(text, money=True)
    assert (s.actual, s.stated_percent, s.stated_kind) == (840 * BILLION, Decimal(5), "excess")


def test_a_growth_after_a_fronted_comparison_with_last_year_stays_a_growth() -> None:
    text = "So với năm 2024, doanh thu của công ty đạt 840 tỷ đồng, tăng 5%."
    [s] = find(text, money=True)
    assert s.stated_kind == "growth"
    # another base named after the fronted plan: the growth is of that base
    text = "So với kế hoạch, doanh thu đạt 840 tỷ đồng, tăng 5% so với cùng kỳ."
    assert [s.stated_kind for s in find(text, money=True)] == ["growth"]


# --------------------------------------------------------------------------- audit

_GROWTH = "Sản lượng cá nuôi đạt 650 nghìn tấn, tăng {}% so với năm 2023 ({} nghìn tấn)."


def test_a_growth_over_a_named_year_is_checked_against_its_base_in_brackets() -> None:
    [s] = find(_GROWTH.format("8,3", "600"), money=True)
    assert (s.stated_kind, s.verdict) == ("growth", "consistent")
    [s] = find(_GROWTH.format("6,0", "600"), money=True)
    assert s.verdict == "inconsistent"


def test_a_base_counting_something_else_is_not_checked() -> None:
    text = "Sản lượng cá nuôi đạt 650 nghìn tấn, tăng 6,0% so với năm 2023 (600 nghìn ha)."
    [s] = find(text, money=True)
    assert s.verdict == "unchecked"


_RESPECTIVELY = (
    "Năm 2025, công ty ghi nhận doanh thu đạt 5.200 tỷ đồng, lợi nhuận trước thuế đạt 410 tỷ "
    "đồng, lần lượt {}vượt 4% và 17% so với kế hoạch đề ra cho năm 2025."
)


def test_two_amounts_with_their_own_verbs_take_two_excesses_said_respectively() -> None:
    for growths in ("", "tăng 12% và 25% so với cùng kỳ năm trước, tương ứng "):
        found = [
            (s.actual, s.stated_percent, s.stated_kind)
            for s in claims(_RESPECTIVELY.format(growths), money=True)
        ]
        assert found == [
            (5200 * BILLION, Decimal(4), "excess"),
            (410 * BILLION, Decimal(17), "excess"),
        ]


def test_two_amounts_and_one_excess_are_no_respective_run() -> None:
    text = (
        "Năm 2025, công ty ghi nhận doanh thu đạt 5.200 tỷ đồng, lợi nhuận trước thuế đạt 410 "
        "tỷ đồng, vượt 17% so với kế hoạch đề ra cho năm 2025."
    )
    found = [(s.actual, s.stated_percent) for s in claims(text, money=True)]
    assert found == [(410 * BILLION, Decimal(17))]


def test_a_growth_to_an_amount_is_that_amount_s_growth_and_its_result_links() -> None:
    text = (
        "Lũy kế 6 tháng, lợi nhuận trước thuế tăng 18% lên 300 tỷ đồng. Công ty đã thực hiện "
        "được 55% mục tiêu lợi nhuận."
    )
    found = [(s.actual, s.stated_percent, s.stated_kind) for s in find(text, money=True)]
    assert found == [
        (300 * BILLION, Decimal(18), "growth"),
        (300 * BILLION, Decimal(55), "attainment"),
    ]


def test_an_amount_after_other_words_is_not_the_growth_s() -> None:
    text = "Lũy kế 6 tháng, lợi nhuận tăng 18% và doanh thu lên 300 tỷ đồng."
    assert [(s.actual, s.stated_percent) for s in find(text, money=True)] == [(None, Decimal(18))]


def test_two_amounts_take_two_growths_said_respectively() -> None:
    text = (
        "Lợi nhuận trước thuế đạt 620 tỷ đồng và lợi nhuận sau thuế ghi nhận 540 tỷ đồng, "
        "tương ứng tăng 11% và 19% so với cùng kỳ."
    )
    found = [(s.actual, s.stated_percent, s.stated_kind) for s in find(text, money=True)]
    assert found == [
        (620 * BILLION, Decimal(11), "growth"),
        (540 * BILLION, Decimal(19), "growth"),
    ]


def test_growths_not_said_respectively_stay_with_the_nearest_amount() -> None:
    text = (
        "Lợi nhuận trước thuế đạt 620 tỷ đồng và lợi nhuận sau thuế ghi nhận 540 tỷ đồng, "
        "tăng 11% so với cùng kỳ."
    )
    found = [(s.actual, s.stated_percent) for s in find(text, money=True)]
    assert found == [(540 * BILLION, Decimal(11))]


_PARALLEL = (
    "Vốn do địa phương quản lý ước đạt 120 nghìn tỷ đồng, bằng 20% {} và tăng 8% so với cùng kỳ "
    "năm trước.\nVốn ngân sách cấp huyện đạt 30 nghìn tỷ đồng, bằng 22% và tăng 9%."
)


def test_a_part_said_as_its_whole_was_takes_the_plan_word_left_out() -> None:
    found = [
        (s.actual, s.stated_percent, s.stated_kind)
        for s in find(_PARALLEL.format("kế hoạch năm"), money=True)
        if s.stated_kind == "attainment"
    ]
    assert found == [
        (120 * 1000 * BILLION, Decimal(20), "attainment"),
        (30 * 1000 * BILLION, Decimal(22), "attainment"),
    ]


def test_a_bare_percentage_after_a_whole_of_no_plan_is_no_attainment() -> None:
    found = find(_PARALLEL.format("tổng vốn cả nước"), money=True)
    assert [s for s in found if s.stated_kind == "attainment"] == []
