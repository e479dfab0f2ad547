"""Round 12 of the extraction rules (issue 17): the wrong claims, the false alarm and the
misses of batch ``2026-12-04b``, each as a general rule of report wording, tested on invented
text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

import polars as pl
from reading import claims, find

from kpitools.extract import Statement, audit_statements

BILLION = Decimal(10) ** 9


def _attained(text: str) -> list[tuple[object, str | None]]:
    return [(s.actual, s.stated) for s in claims(text) if s.stated_kind == "attainment"]


def _growth(text: str) -> Statement:
    [s] = [s for s in find(text, money=True) if s.stated_kind == "growth"]
    return s


def _verdicts(text: str) -> list[str | None]:
    return [s.verdict for s in claims(text)]


# --------------------------------------------------------------------------- wrong claims


def test_a_share_written_as_a_fraction_is_no_result() -> None:
    assert claims("Năm 2025, sản lượng lúa của huyện chiếm khoảng 1/3 toàn tỉnh.") == []
    # a fraction read with its verb stays a result against its target
    [s] = claims("Năm 2025, huyện Tân Phú kết nạp 12/10 đảng viên.")
    assert (s.actual, s.target) == (12, 10)


def test_a_fraction_in_brackets_after_a_plan_is_that_percentage_s() -> None:
    text = (
        "Hết quý III, huyện giải ngân vốn đầu tư công 300 tỷ đồng, đạt 40% kế hoạch vốn năm "
        "(300/750 tỷ đồng), đạt 50% kế hoạch vốn tỉnh giao (300/600 tỷ đồng)."
    )
    got = sorted((s.actual, s.target, s.stated, s.verdict) for s in claims(text))
    assert got == [(300, 600, "50%", "consistent"), (300, 750, "40%", "consistent")]


def test_a_fraction_in_brackets_the_percentage_does_not_fit_is_not_its() -> None:
    text = (
        "Hết quý III, huyện giải ngân vốn đầu tư công 300 tỷ đồng, đạt 45% kế hoạch vốn năm "
        "(300/750 tỷ đồng)."
    )
    assert all(s.stated != "45%" or s.target != 750 for s in claims(text))


def test_the_plan_of_a_total_revenue_is_the_budget_s_revenue() -> None:
    text = (
        "Năm 2025, Chi cục Thuế huyện được giao dự toán thu ngân sách là 480 tỷ đồng. Hết tháng "
        "11, tổng thu đạt 552 tỷ đồng, vượt 15% dự toán."
    )
    [s] = claims(text)
    assert (s.actual, s.target, s.verdict) == (552 * BILLION, 480 * BILLION, "consistent")


def test_a_plan_of_another_measure_is_no_plan_of_a_total_revenue() -> None:
    text = (
        "Năm 2025, Chi cục Thuế huyện đặt kế hoạch lợi nhuận là 480 tỷ đồng. Hết tháng 11, "
        "tổng thu đạt 552 tỷ đồng, vượt 15% dự toán."
    )
    [s] = claims(text)
    assert (s.actual, s.target) == (552 * BILLION, None)


def test_a_part_listed_after_a_budget_is_no_result_against_it() -> None:
    text = (
        "Năm 2025, huyện được giao dự toán 900 tỷ đồng, với những khoản chủ yếu: thuế phí đạt "
        "300 tỷ đồng, thu từ đất 200 tỷ đồng."
    )
    assert claims(text) == []
    text = "Năm 2025, huyện được giao dự toán 900 tỷ đồng, kết quả thu đạt 950 tỷ đồng."
    [s] = claims(text)
    assert (s.actual, s.target) == (950 * BILLION, 900 * BILLION)


_INDEX_AS_EXCESS = (
    "Theo Sở Tài chính, dự toán thu ngân sách năm 2025 của huyện là 1.000 tỷ đồng.\n\n"
    "Hết quý III/2025, thu ngân sách của huyện đạt 1.064 tỷ đồng, vượt {} dự toán và tăng 12% "
    "so với cùng kỳ."
)


def test_an_index_written_as_an_excess_is_linked_to_its_plan_and_flagged() -> None:
    [s] = claims(_INDEX_AS_EXCESS.format("106,4%"))
    assert (s.actual, s.target, s.stated_kind, s.verdict) == (
        1064 * BILLION,
        1000 * BILLION,
        "excess",
        "inconsistent",
    )
    assert "vượt 106.4% means 206.4%" in (s.note or "")


def test_an_excess_the_plan_fits_in_no_way_is_not_linked() -> None:
    [s] = claims(_INDEX_AS_EXCESS.format("109%"))
    assert (s.actual, s.target, s.verdict) == (1064 * BILLION, None, "unchecked")
    [s] = claims(_INDEX_AS_EXCESS.format("6,4%"))
    assert (s.target, s.verdict) == (1000 * BILLION, "consistent")


_MIXED_RANGE = (
    "Doanh thu du lịch cả nước ước đạt 720 nghìn tỷ đồng, đạt 72% so với mục tiêu năm "
    "({} nghìn tỷ đồng)."
)
_THOUSAND_BILLION = 1000 * BILLION


def test_a_range_s_low_end_written_a_scale_down_is_read_in_that_scale() -> None:
    [s] = claims(_MIXED_RANGE.format("1.000.000-1.200"))
    assert (s.target, s.verdict) == (
        (1000 * _THOUSAND_BILLION, 1200 * _THOUSAND_BILLION),
        "consistent",
    )


def test_a_range_s_low_end_far_above_its_high_end_is_not_rescaled() -> None:
    [s] = claims(_MIXED_RANGE.format("100.000-1.200"))
    assert isinstance(s.target, tuple) and s.target[0] == 100_000 * _THOUSAND_BILLION


# --------------------------------------------------------------------------- growth checks


def test_an_index_written_as_a_growth_with_its_increase_after_it_is_flagged() -> None:
    text = (
        "Riêng tháng 9, huyện thu 240 tỷ đồng, tăng 200% so với cùng kỳ, tương ứng thêm 80 tỷ đồng."
    )
    assert _growth(text).verdict == "inconsistent"
    # after an attainment of the plan in the same clause, too
    text = (
        "Hết quý III, thu ngân sách của huyện đạt 690 tỷ đồng, vượt 15% dự toán và tăng 230% so "
        "với cùng kỳ, tương ứng thêm 390 tỷ đồng."
    )
    assert _growth(text).verdict == "inconsistent"


def test_a_growth_its_increase_gives_holds() -> None:
    text = (
        "Hết quý III, thu ngân sách của huyện đạt 690 tỷ đồng, vượt 15% dự toán và tăng 130% so "
        "với cùng kỳ, tương ứng thêm 390 tỷ đồng."
    )
    assert _growth(text).verdict == "consistent"
    text = "Thu từ đất đạt 350 tỷ đồng, tăng 40%, tương đương thêm 100 tỷ đồng."
    assert _growth(text).verdict == "consistent"


def test_a_growth_s_base_after_its_bracketed_increase_checks_it() -> None:
    text = (
        "Năm 2025, số thu của cảng vụ đạt 2.860 tỷ đồng, tăng 10% (tăng 260 tỷ đồng) so với "
        "cùng kỳ năm trước (đạt {} tỷ đồng)."
    )
    assert _growth(text.format("2.000")).verdict == "inconsistent"
    assert _growth(text.format("2.600")).verdict == "consistent"


# --------------------------------------------------------------------------- attainments


def test_a_second_attainment_after_a_comma_and_và_keeps_the_result() -> None:
    text = (
        "Năm 2025, thu nội địa đạt 870 tỷ đồng, đạt 96% dự toán Trung ương giao, và 92% dự toán "
        "tỉnh giao, tăng 5% so với cùng kỳ."
    )
    assert _attained(text) == [(870 * BILLION, "96%"), (870 * BILLION, "92%")]
    # not when the words name another measure: another result, not this one's
    text = (
        "Năm 2025, công ty đạt doanh thu 310 tỷ đồng, đạt 62% kế hoạch doanh thu, và 71% kế "
        "hoạch lợi nhuận."
    )
    assert _attained(text) == [(310 * BILLION, "62%")]


def test_a_second_attainment_after_a_long_plan_name_keeps_the_result() -> None:
    text = (
        "Hết tháng 10, huyện đã giải ngân 400 tỷ đồng, đạt 40% so với kế hoạch vốn được Hội đồng "
        "nhân dân huyện thông qua và đạt 50% kế hoạch vốn tỉnh giao."
    )
    assert _attained(text) == [(400 * BILLION, "40%"), (400 * BILLION, "50%")]


def test_an_attainment_said_again_as_an_excess_of_a_plan_is_an_attainment() -> None:
    text = "Năm 2025, thu ngân sách của huyện đạt 640 tỷ đồng, đạt 107%, vượt 7% so với dự toán."
    assert _attained(text) == [(640 * BILLION, "107%")]


def test_a_bare_percentage_whose_excess_after_it_differs_is_unread() -> None:
    text = "Năm 2025, thu ngân sách của huyện đạt 640 tỷ đồng, đạt 130%, vượt 7% so với dự toán."
    assert _attained(text) == []
    # since round 141 a bare đạt X% ending the clause after a sum is its plan's attainment
    # (test_round141.py), unless an excess of the plan after it differs, as here
    text = "Năm 2025, thu ngân sách của huyện đạt 85 tỷ đồng, đạt 118%, vượt 9% dự toán."
    assert _attained(text) == []


def test_the_amount_said_last_is_the_result_of_the_plan_s_percentage() -> None:
    text = (
        "Thu ngân sách 9 tháng của huyện đạt 71% dự toán và tăng 18% so với cùng kỳ, đạt 355 tỷ "
        "đồng."
    )
    assert _attained(text) == [(355 * BILLION, "71%")]


def test_the_amount_said_last_is_not_taken_by_another_measure_or_across_a_figure() -> None:
    text = (
        "Giá trị sản xuất 9 tháng của huyện đạt 71% kế hoạch và tăng 18% so với cùng kỳ, đạt 355 "
        "tỷ đồng."
    )
    assert _attained(text) == [(None, "71%")]
    text = "Thu ngân sách 9 tháng của huyện đạt 71% dự toán; toàn huyện có 30 xã, đạt 355 tỷ đồng."
    assert _attained(text) == [(None, "71%")]


def test_a_share_of_a_plan_or_allocation_is_an_attainment() -> None:
    text = (
        "Quý I, chi thường xuyên của huyện là 400 tỷ đồng, chiếm 25% khoản phân bổ của tỉnh và "
        "20% kế hoạch năm."
    )
    assert _attained(text) == [(400 * BILLION, "25%"), (400 * BILLION, "20%")]


def test_a_share_of_a_total_is_no_attainment() -> None:
    assert claims("Năm 2025, thu nội địa đạt 400 tỷ đồng, chiếm 63% tổng thu ngân sách.") == []


def test_a_plan_beaten_after_a_growth_of_a_pronoun_takes_the_amount_before() -> None:
    # the amount in another currency in brackets is the same amount, not a second one
    text = (
        "Lãi sau thuế của tổng công ty đạt 8.400 tỷ đồng (khoảng 0,33 tỷ USD). Con số trên tăng "
        "9% so với cùng kỳ, vượt 15% kế hoạch năm."
    )
    assert [(s.actual, s.stated, s.stated_kind) for s in claims(text)] == [
        (8400 * BILLION, "15%", "excess")
    ]


def test_a_pronoun_before_two_amounts_takes_neither() -> None:
    text = (
        "Lãi sau thuế của tổng công ty đạt 8.400 tỷ đồng, công ty con 1.900 tỷ đồng. Con số trên "
        "tăng 9% so với cùng kỳ, vượt 15% kế hoạch năm."
    )
    assert [(s.actual, s.stated) for s in claims(text)] == [(None, "15%")]


def test_a_result_after_the_target_a_clause_opens_with_is_its_result() -> None:
    text = (
        "Chỉ tiêu vốn đầu tư phát triển có mục tiêu là 450 tỷ đồng nhưng huyện đã thực hiện "
        "được 470 tỷ đồng."
    )
    assert [(s.actual, s.target) for s in claims(text)] == [(470 * BILLION, 450 * BILLION)]


def test_two_targets_a_clause_opens_with_stay_targets() -> None:
    text = "Chỉ tiêu vốn đầu tư phát triển năm 2025 là 450 tỷ đồng, năm 2026 là 470 tỷ đồng."
    assert claims(text) == []


# --------------------------------------------------------------------------- audit


def test_a_count_of_cooperatives_needs_a_whole_plan() -> None:
    # 26 / 18 is an excess of 44,4 %, 26 / 19 of 36,8 %: no whole plan gives 44,2 %
    text = "Năm 2025, xã Tân Phú thành lập mới 26 hợp tác xã, vượt 44,2% kế hoạch."
    assert _verdicts(text) == ["inconsistent"]


def test_a_count_a_whole_plan_gives_or_a_weight_is_not_flagged() -> None:
    text = "Năm 2025, xã Tân Phú thành lập mới 26 hợp tác xã, vượt 44,4% kế hoạch."
    assert _verdicts(text) == ["unchecked"]
    assert _verdicts("Năm 2025, xã Tân Phú thu hoạch 26 tấn cá, vượt 44,2% kế hoạch.") == [
        "unchecked"
    ]


_HEADLINE = (
    "Năm 2025, doanh thu cảng biển của tỉnh đạt {}\n"
    "Năm 2025, doanh thu cảng biển ước đạt {} tỷ đồng, tăng 12% so với cùng kỳ, đạt 101,7% kế "
    "hoạch."
)


def test_a_headline_qualifier_the_body_s_exact_figure_contradicts_is_flagged() -> None:
    found = find(_HEADLINE.format("trên 38 nghìn tỷ đồng", "37.850"), money=True)
    audit = audit_statements(found).filter(pl.col("verdict") == "inconsistent")
    assert audit.select("check", "text").rows() == [("qualifier", "trên 38 nghìn tỷ đồng")]
    # "gần" needs the figure below the one written
    found = find(_HEADLINE.format("gần 37 nghìn tỷ đồng", "37.850"), money=True)
    assert [s.verdict for s in found if s.qualifier == "gần"] == ["inconsistent"]
    # a headline's figure claims no attainment
    text = _HEADLINE.format("trên 38 nghìn tỷ đồng", "37.850")
    assert all(s.qualifier is None for s in claims(text))


def test_a_headline_qualifier_the_body_agrees_with_is_not_flagged() -> None:
    for written, body in (("trên 38 nghìn tỷ đồng", "38.140"), ("gần 38 nghìn tỷ đồng", "37.850")):
        found = find(_HEADLINE.format(written, body), money=True)
        assert "inconsistent" not in [s.verdict for s in found]


def test_a_rate_right_after_an_amount_disbursed_is_its_attainment() -> None:
    text = "Quý III, giải ngân vốn đầu tư công của huyện đạt 2,4 nghìn tỷ đồng, đạt tỷ lệ 31%."
    assert _attained(text) == [(2400 * BILLION, "31%")]


def test_a_rate_after_another_amount_or_of_something_named_stays_a_rate() -> None:
    assert claims("Quý III, doanh thu của công ty đạt 2,4 nghìn tỷ đồng, đạt tỷ lệ 31%.") == []
    text = (
        "Quý III, giải ngân vốn đầu tư công của huyện đạt 2,4 nghìn tỷ đồng, đạt tỷ lệ 31% số dự "
        "án."
    )
    assert claims(text) == []


_ONE_BUDGET = (
    "Năm 2025, tổng thu ngân sách 10 tháng đạt 6.000 tỷ đồng, bằng 120% dự toán Trung ương giao. {}"
)


def _flagged(text: str) -> list[tuple[object, str | None]]:
    found = find(text, money=True)
    audit = audit_statements(found).filter(pl.col("verdict") == "inconsistent")
    return audit.select("check", "stated").rows()


def test_two_percentages_of_one_named_budget_that_imply_two_budgets_are_flagged() -> None:
    later = "Dự kiến cả năm ước đạt 7.000 tỷ đồng, bằng 150% dự toán Trung ương giao."
    assert _flagged(_ONE_BUDGET.format(later)) == [("attainment", "150%")]


def test_one_budget_both_percentages_fit_or_two_measures_are_not_flagged() -> None:
    for later in (
        "Dự kiến cả năm ước đạt 7.000 tỷ đồng, bằng 140% dự toán Trung ương giao.",
        # a second percentage of the figure fits the first: the budget is read two ways
        "Dự kiến cả năm ước đạt 7.000 tỷ đồng, bằng 140% dự toán Trung ương giao, bằng 150% "
        "dự toán Trung ương giao đầu năm.",
        "Chi ngân sách đạt 7.000 tỷ đồng, bằng 150% dự toán Trung ương giao.",
    ):
        assert _flagged(_ONE_BUDGET.format(later)) == []
