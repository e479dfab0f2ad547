"""Round 12 of the extraction rules (issue 17): the wrong claims, the false alarm and the
misses of batch ``2026-12-04b``, each as a general rule of report wording, tested on invented
text (never the evaluation set's)."""

from __future__ import annotations

from decimal import Decimal

import polars as pl
from reading import claims, find

from kpitools.extract import Statement, audit_statements

BILLION = Decimal(10) ** 9


def test_a_share_written_as_a_fraction_is_no_result() -> None:
    text = "Năm 2025, quy mô kinh tế của tỉnh Bình Lâm chiếm khoảng 1/5 vùng."
    assert claims(text) == []
    # a fraction read with its verb stays a result against its target
    [s] = claims("Năm 2025, huyện Tân Phú kết nạp 12/10 đảng viên.")
    assert (s.actual, s.target) == (12, 10)


def test_a_fraction_in_brackets_after_a_plan_is_that_percentage_s() -> None:
    text = (
        "Giải ngân vốn đầu tư công 9 tháng của tỉnh là 300 tỷ đồng, đạt 40% kế hoạch vốn giao "
        "(300/750 tỷ đồng) và đạt tỷ lệ 50% kế hoạch vốn Trung ương giao (300/600 tỷ đồng)."
    )
    got = sorted((s.actual, s.target, s.stated, s.verdict) for s in claims(text))
    assert got == [
        (300, 600, "50%", "consistent"),
        (300, 750, "40%", "consistent"),
    ]


def test_a_fraction_in_brackets_the_percentage_does_not_fit_is_not_its() -> None:
    text = (
        "Giải ngân vốn đầu tư công của tỉnh là 300 tỷ đồng, đạt 45% kế hoạch vốn giao "
        "(300/750 tỷ đồng)."
    )
    assert all(s.stated != "45%" or s.target != 750 for s in claims(text))


def test_the_plan_of_a_total_revenue_is_the_budget_s_revenue() -> None:
    text = (
        "Năm 2025, ngành Thuế được giao dự toán thu ngân sách là 400 tỷ đồng. Đến ngày 15/12, "
        "tổng thu đạt 500 tỷ đồng, vượt 25% dự toán."
    )
    [s] = claims(text)
    assert (s.actual, s.target, s.verdict) == (500 * BILLION, 400 * BILLION, "consistent")


def test_a_plan_of_another_measure_is_no_plan_of_a_total_revenue() -> None:
    text = (
        "Năm 2025, ngành Thuế đặt kế hoạch lợi nhuận là 400 tỷ đồng. Đến ngày 15/12, tổng thu "
        "đạt 500 tỷ đồng, vượt 25% dự toán."
    )
    [s] = claims(text)
    assert (s.actual, s.target) == (500 * BILLION, None)


def test_a_part_listed_after_a_budget_is_no_result_against_it() -> None:
    text = (
        "Năm 2025, dự toán thu ngân sách được giao là 900 tỷ đồng, với các khoản thu chính: "
        "thuế phí đạt 300 tỷ đồng, thu từ đất 200 tỷ đồng."
    )
    assert claims(text) == []
    text = "Năm 2025, dự toán thu ngân sách được giao là 900 tỷ đồng, kết quả thu đạt 950 tỷ đồng."
    [s] = claims(text)
    assert (s.actual, s.target) == (950 * BILLION, 900 * BILLION)


_INDEX_AS_EXCESS = (
    "Thuế tỉnh Bình Lâm cho biết, dự toán năm 2025 được giao là 1.000 tỷ đồng.\n\n"
    "Lũy kế 8 tháng năm 2025, tổng thu ngân sách đạt 1.025 tỷ đồng, vượt {} dự toán và tăng "
    "20% so với cùng kỳ."
)


def test_an_index_written_as_an_excess_is_linked_to_its_plan_and_flagged() -> None:
    [s] = claims(_INDEX_AS_EXCESS.format("102,5%"))
    assert (s.actual, s.target, s.stated_kind, s.verdict) == (
        1025 * BILLION,
        1000 * BILLION,
        "excess",
        "inconsistent",
    )
    assert "vượt 102.5% means 202.5%" in (s.note or "")


def test_an_excess_the_plan_fits_in_no_way_is_not_linked() -> None:
    [s] = claims(_INDEX_AS_EXCESS.format("105%"))
    assert (s.actual, s.target, s.verdict) == (1025 * BILLION, None, "unchecked")


_MIXED_RANGE = (
    "Năm 2025, tổng thu từ khách du lịch ước đạt 660 nghìn tỷ đồng, đạt 66% so với kế hoạch "
    "năm 2025 ({} nghìn tỷ đồng)."
)


def test_a_range_s_low_end_written_a_scale_down_is_read_in_that_scale() -> None:
    [s] = claims(_MIXED_RANGE.format("1.000.000-1.100"))
    assert (s.target, s.verdict) == ((1000 * 1000 * BILLION, 1100 * 1000 * BILLION), "consistent")


def test_a_range_s_low_end_far_above_its_high_end_is_not_rescaled() -> None:
    [s] = claims(_MIXED_RANGE.format("100.000-1.100"))
    assert (s.actual, s.target) == (660 * 1000 * BILLION, None)


def _growth(text: str) -> Statement:
    [s] = [s for s in find(text, money=True) if s.stated_kind == "growth"]
    return s


def test_an_index_written_as_a_growth_with_its_increase_after_it_is_flagged() -> None:
    text = (
        "Trong tháng 8/2025, toàn tỉnh thu được 2.400 tỷ đồng, tăng 200% so với cùng kỳ, "
        "tương ứng thêm 800 tỷ đồng."
    )
    assert _growth(text).verdict == "inconsistent"
    # after an attainment of the plan in the same clause, too
    text = (
        "Lũy kế 8 tháng, tổng thu đạt 1.200 tỷ đồng, vượt 20% dự toán và tăng 150% so với cùng "
        "kỳ, tương ứng thêm 400 tỷ đồng."
    )
    assert _growth(text).verdict == "inconsistent"


def test_a_growth_its_increase_gives_holds() -> None:
    text = (
        "Lũy kế 8 tháng, tổng thu đạt 1.200 tỷ đồng, vượt 20% dự toán và tăng 50% so với cùng "
        "kỳ, tương ứng thêm 400 tỷ đồng."
    )
    assert _growth(text).verdict == "consistent"
    assert _growth(
        "Thu nội địa đạt 1.400 tỷ đồng, tăng 40%, tương đương thêm 400 tỷ đồng."
    ).verdict == ("consistent")


def _attained(text: str) -> list[tuple[object, str | None]]:
    return [(s.actual, s.stated) for s in claims(text) if s.stated_kind == "attainment"]


def test_a_second_attainment_after_a_comma_and_và_keeps_the_result() -> None:
    text = (
        "Năm 2025, thu nội địa đạt 1.030 tỷ đồng, đạt 103% dự toán Trung ương giao, và 101% "
        "dự toán tỉnh giao, tăng 5% so với cùng kỳ."
    )
    assert _attained(text) == [(1030 * BILLION, "103%"), (1030 * BILLION, "101%")]
    # not when the words name another measure: another result, not this one's
    text = (
        "Năm 2025, công ty đạt doanh thu 420 tỷ đồng, đạt 42% kế hoạch doanh thu, và 66% kế "
        "hoạch lợi nhuận."
    )
    assert _attained(text) == [(420 * BILLION, "42%")]


def test_a_second_attainment_after_a_long_plan_name_keeps_the_result() -> None:
    text = (
        "Tính đến ngày 1/10, vốn đầu tư đã giải ngân là 400 tỷ đồng, đạt 40% so với kế hoạch "
        "vốn được Ủy ban nhân dân tỉnh phân bổ và đạt 50% kế hoạch vốn Thủ tướng Chính phủ giao."
    )
    assert _attained(text) == [(400 * BILLION, "40%"), (400 * BILLION, "50%")]


def test_an_attainment_said_again_as_an_excess_of_a_plan_is_an_attainment() -> None:
    text = "Tổng thu ngân sách năm 2025 đạt 1.200 tỷ đồng, đạt 112%, vượt 12% so với dự toán."
    assert _attained(text) == [(1200 * BILLION, "112%")]


def test_a_bare_percentage_whose_excess_after_it_differs_is_unread() -> None:
    text = "Tổng thu ngân sách năm 2025 đạt 1.200 tỷ đồng, đạt 130%, vượt 12% so với dự toán."
    assert _attained(text) == []
    assert claims("Tổng thu ngân sách năm 2025 đạt 85 tỷ đồng, đạt 108%.") == []


def test_the_amount_said_last_is_the_result_of_the_plan_s_percentage() -> None:
    text = (
        "Thu ngân sách nhà nước 8 tháng đầu năm 2025 đạt 68% dự toán và tăng 30% so với cùng "
        "kỳ, đạt 1.020 tỷ đồng."
    )
    assert _attained(text) == [(1020 * BILLION, "68%")]


def test_the_amount_said_last_is_not_taken_by_another_measure_or_across_a_figure() -> None:
    text = (
        "Giá trị sản xuất 8 tháng đầu năm 2025 đạt 68% kế hoạch và tăng 30% so với cùng kỳ, "
        "đạt 1.020 tỷ đồng."
    )
    assert _attained(text) == [(None, "68%")]
    text = (
        "Thu ngân sách nhà nước 8 tháng đầu năm 2025 đạt 68% dự toán; toàn tỉnh có 30 xã, đạt "
        "1.020 tỷ đồng."
    )
    assert _attained(text) == [(None, "68%")]


def _verdicts(text: str) -> list[str | None]:
    return [s.verdict for s in claims(text)]


def test_a_count_of_enterprises_needs_a_whole_plan() -> None:
    # 30 / 19 is an excess of 57,89 %, 30 / 20 of 50 %: no whole plan gives 57,8 %
    text = "Năm 2025, xã Tân Phú thành lập mới 30 doanh nghiệp, vượt 57,8% kế hoạch."
    assert _verdicts(text) == ["inconsistent"]


def test_a_count_a_whole_plan_gives_or_a_weight_is_not_flagged() -> None:
    assert _verdicts("Năm 2025, xã Tân Phú thành lập mới 30 doanh nghiệp, vượt 50% kế hoạch.") == [
        "unchecked"
    ]
    assert _verdicts("Năm 2025, xã Tân Phú thu hoạch 30 tấn cá, vượt 57,8% kế hoạch.") == [
        "unchecked"
    ]


_HEADLINE = (
    "Năm 2025, du lịch tỉnh Bình Lâm thu {}\n"
    "Năm 2025, tổng thu du lịch ước đạt {} tỷ đồng, tăng 30% so với cùng kỳ, đạt 100,2% kế "
    "hoạch."
)


def test_a_headline_qualifier_the_body_s_exact_figure_contradicts_is_flagged() -> None:
    found = find(_HEADLINE.format("trên 46 nghìn tỷ đồng", "45.780"), money=True)
    audit = audit_statements(found).filter(pl.col("verdict") == "inconsistent")
    assert audit.select("check", "text").rows() == [("qualifier", "trên 46 nghìn tỷ đồng")]
    # "gần" needs the figure below the one written
    found = find(_HEADLINE.format("gần 45 nghìn tỷ đồng", "45.780"), money=True)
    assert [s.verdict for s in found if s.qualifier == "gần"] == ["inconsistent"]
    # a headline's figure claims no attainment
    assert all(
        s.qualifier is None for s in claims(_HEADLINE.format("trên 46 nghìn tỷ đồng", "45.780"))
    )


def test_a_headline_qualifier_the_body_agrees_with_is_not_flagged() -> None:
    for written, body in (("trên 46 nghìn tỷ đồng", "46.120"), ("gần 46 nghìn tỷ đồng", "45.780")):
        found = find(_HEADLINE.format(written, body), money=True)
        assert "inconsistent" not in [s.verdict for s in found]


def test_a_growth_s_base_after_its_bracketed_increase_checks_it() -> None:
    text = (
        "Năm 2025, số thu của Chi cục đạt 1.800 tỉ đồng, tăng 5% (tăng 86 tỉ đồng) so với cùng "
        "kỳ năm trước (đạt 1.300 tỉ đồng)."
    )
    assert _growth(text).verdict == "inconsistent"
    text = (
        "Năm 2025, số thu của Chi cục đạt 1.800 tỉ đồng, tăng 5% (tăng 86 tỉ đồng) so với cùng "
        "kỳ năm trước (đạt 1.714 tỉ đồng)."
    )
    assert _growth(text).verdict == "consistent"


def test_a_plan_beaten_after_a_growth_of_a_pronoun_takes_the_amount_before() -> None:
    # the amount in another currency in brackets is the same amount, not a second one
    text = (
        "Về lợi nhuận, tập đoàn ghi nhận 12.000 tỷ đồng (gần 0,5 tỷ USD). Con số trên tăng 10% "
        "so với cùng kỳ, vượt 20% kế hoạch năm."
    )
    assert [(s.actual, s.stated, s.stated_kind) for s in claims(text)] == [
        (12000 * BILLION, "20%", "excess")
    ]


def test_a_pronoun_before_two_amounts_takes_neither() -> None:
    text = (
        "Về lợi nhuận, tập đoàn ghi nhận 12.000 tỷ đồng, công ty con 3.000 tỷ đồng. Con số trên "
        "tăng 10% so với cùng kỳ, vượt 20% kế hoạch năm."
    )
    assert [(s.actual, s.stated) for s in claims(text)] == [(None, "20%")]


def test_a_result_after_the_target_a_clause_opens_with_is_its_result() -> None:
    text = (
        "Chỉ tiêu tổng mức đầu tư toàn xã hội có mục tiêu là 300 tỷ đồng nhưng thành phố đã "
        "thực hiện được 320 tỷ đồng."
    )
    assert [(s.actual, s.target) for s in claims(text)] == [(320 * BILLION, 300 * BILLION)]


def test_two_targets_a_clause_opens_with_stay_targets() -> None:
    text = "Chỉ tiêu tổng mức đầu tư toàn xã hội năm 2025 là 300 tỷ đồng, năm 2026 là 320 tỷ đồng."
    assert claims(text) == []


def test_a_share_of_a_plan_or_allocation_is_an_attainment() -> None:
    text = (
        "Năm 2025, chi ngân sách quý I là 400 tỷ đồng, chiếm 25% khoản phân bổ của bộ và 20% kế "
        "hoạch của tỉnh."
    )
    assert _attained(text) == [(400 * BILLION, "25%"), (400 * BILLION, "20%")]


def test_a_share_of_a_total_is_no_attainment() -> None:
    assert claims("Năm 2025, thu nội địa đạt 400 tỷ đồng, chiếm 48% tổng thu ngân sách.") == []
