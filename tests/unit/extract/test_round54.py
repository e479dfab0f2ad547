"""Round 54 of the extraction rules (issue 17): amounts written as a change or as a plan read
as the result, plans and results read the wrong way round, and parts and growths the audit
checks; each rule with a positive and a negative case on invented text (never the evaluation
set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

import polars as pl
from reading import claimed_pairs, claims, find

from kpitools.extract import audit_statements, statements_frame

B = Decimal(10) ** 9


def _claimed(text: str) -> list[tuple[object, object, object]]:
    """(actual, target, stated percent) of the claims of ``text``, money read."""
    return [(s.actual, s.target, s.stated_percent) for s in claims(text, money=True)]


# ------------------------------------------------------------------- a change is no result

CHANGES_OVER_MONTH = (
    "Tính đến hết tháng 9/2041, số hội viên quỹ tín dụng đạt 7,25 triệu người, tăng 120,5 "
    "nghìn người so với {base} và tăng 310 nghìn người so với năm 2040, đạt 91,3% kế hoạch."
)
CHANGE_AS_RESULT = (
    "Năm 2041, số hội viên quỹ tín dụng tăng 120,5 nghìn người, đạt 91,3% kế hoạch năm 2041."
)


def test_an_attainment_after_changes_over_a_named_month_is_the_level_s() -> None:
    for base in ("tháng 8", "tháng 8/2041", "cuối quý II"):
        found = _claimed(CHANGES_OVER_MONTH.format(base=base))
        assert [a for a, _, _ in found] == [Decimal(7_250_000)], base


def test_an_increase_with_no_base_keeps_its_attainment() -> None:
    assert [a for a, _, _ in _claimed(CHANGE_AS_RESULT)] == [Decimal(120_500)]


# ------------------------------------------------------------------- done against a plan

ALLOCATED = (
    "Năm 2041, tổng vốn ngân sách trung ương của chương trình là 8.450 tỷ đồng; Bộ Tài chính "
    "{verb} 8.120 tỷ đồng, tương đương 96,1% kế hoạch."
)


def test_an_amount_given_with_its_share_of_the_plan_is_the_result() -> None:
    found = _claimed(ALLOCATED.format(verb="đã giao"))
    assert [(a, t) for a, t, _ in found] == [(8120 * B, None)]


GIVEN_THEN_PAID = (
    "Năm 2041, Bộ Tài chính đã giao 8.120 tỷ đồng cho chương trình; đến nay đã giải ngân "
    "4.060 tỷ đồng, đạt 50% kế hoạch vốn."
)


def test_an_amount_given_with_no_share_of_its_own_is_still_the_plan() -> None:
    assert claimed_pairs(GIVEN_THEN_PAID) == [(4060 * B, 8120 * B)]


# ------------------------------------------------------------------- parts that are the whole

LISTED_PARTS = (
    "Sáu tháng đầu năm 2041, tỉnh Đông Hà đón 842.310 lượt khách, trong đó khách nội địa là "
    "{home} lượt, khách quốc tế 41.110 lượt, tăng 12% so với cùng kỳ năm 2040, đạt 61,5% "
    "so với kế hoạch năm 2041."
)


def _attainments(text: str) -> list[object]:
    return [a for a, _, p in _claimed(text) if p == Decimal("61.5")]


def test_a_percentage_after_parts_that_add_up_to_the_whole_is_the_whole_s() -> None:
    assert _attainments(LISTED_PARTS.format(home="801.200")) == [Decimal(842_310)]


def test_a_percentage_after_parts_short_of_the_whole_stays_the_last_part_s() -> None:
    assert _attainments(LISTED_PARTS.format(home="701.200")) == [Decimal(41_110)]


# ------------------------------------------------------------------- an expected whole

AMONG_EXPECTED = (
    "Đến nay, huyện Tân An đã thu mua gần 2.350 tấn trong tổng số sản lượng 2.500 tấn chè "
    "{said} trong năm 2041, bằng 94% kế hoạch đề ra."
)


def test_a_whole_named_as_expected_is_the_base_of_the_result_before_it() -> None:
    assert [(a, t) for a, t, _ in _claimed(AMONG_EXPECTED.format(said="ước thu"))] == [
        (Decimal(2350), Decimal(2500))
    ]


def test_a_whole_not_named_as_expected_is_left_as_it_was_read() -> None:
    found = _claimed(AMONG_EXPECTED.format(said="đã thu hoạch"))
    assert (Decimal(2350), Decimal(2500)) not in [(a, t) for a, t, _ in found]


# ------------------------------------------------------------------- the plan as written

TWO_PLANS_FIT = (
    "Trong 4 tháng đầu năm 2041, toàn tỉnh đã giải ngân vốn đầu tư công được khoảng 250,5 tỷ "
    "đồng, đạt khoảng {p}% so với kế hoạch vốn trung ương giao.\n\n"
    "Tổng kế hoạch vốn đầu tư công năm 2041 của tỉnh là 3.000 tỷ đồng, gồm vốn ngân sách địa "
    "phương là 1.520 tỷ đồng và vốn ngân sách trung ương là 1.480 tỷ đồng."
)


def test_of_two_plans_met_within_the_hedge_the_one_the_percentage_rounds_is_taken() -> None:
    assert claimed_pairs(TWO_PLANS_FIT.format(p="17")) == [(Decimal("250.5") * B, 1480 * B)]


def test_of_two_plans_neither_given_as_written_none_is_taken() -> None:
    assert claimed_pairs(TWO_PLANS_FIT.format(p="16,6")) == [(Decimal("250.5") * B, None)]


# ------------------------------------------------------------------- a hedged pair restated

HEDGED_TWICE = (
    "Trong 4 tháng đầu năm 2041, tỉnh Đông Sơn đã giải ngân được khoảng 250,5 tỷ đồng, đạt "
    "khoảng 17% so với kế hoạch vốn.\n\n"
    + "Các sở, ngành tiếp tục rà soát, đôn đốc các dự án trọng điểm của tỉnh. "
    * 20
    + "\n\nTính đến ngày 20/4/2041, toàn tỉnh đã giải ngân được {again} tỷ đồng, đạt khoảng "
    "17% so với kế hoạch vốn. Kế hoạch vốn đầu tư công năm 2041 của tỉnh Đông Sơn là "
    "1.480,25 tỷ đồng."
)


def test_a_hedged_pair_written_again_takes_the_plan_of_its_restatement() -> None:
    pairs = claimed_pairs(HEDGED_TWICE.format(again="khoảng 250,5"))
    assert pairs == [(Decimal("250.5") * B, Decimal("1480.25") * B)] * 2


def test_a_pair_hedged_otherwise_takes_no_plan_from_the_restatement() -> None:
    pairs = claimed_pairs(HEDGED_TWICE.format(again="hơn 250,5"))
    assert (Decimal("250.5") * B, None) in pairs


# ------------------------------------------------------------------- a resolution's figures

RATE_OVER_RESOLUTION = (
    "Năm 2041, giá trị sản xuất công nghiệp ước tăng 8,47% so với năm 2040, {cmp} kế hoạch "
    "đề ra (NQ tăng 8,24%)."
)


def test_a_growth_said_higher_than_the_resolution_s_rate_is_set_against_it() -> None:
    assert claimed_pairs(RATE_OVER_RESOLUTION.format(cmp="cao hơn")) == [
        (Decimal("8.47"), Decimal("8.24"))
    ]


def test_a_growth_said_lower_than_a_higher_rate_is_not_set_against_it() -> None:
    assert claimed_pairs(RATE_OVER_RESOLUTION.format(cmp="thấp hơn")) == []


BUDGET_WITH_RESOLUTION = (
    "Năm 2041, tổng thu ngân sách ước đạt 9.290 tỷ đồng, đạt 104,9% dự toán ({aside} "
    "8.859 tỷ đồng), bằng 92,9% so với năm 2040."
)


def test_the_resolution_s_year_amount_in_brackets_is_the_plan() -> None:
    assert claimed_pairs(BUDGET_WITH_RESOLUTION.format(aside="NQ cả năm")) == [(9290 * B, 8859 * B)]


def test_a_past_year_s_amount_in_brackets_is_not_the_plan() -> None:
    assert claimed_pairs(BUDGET_WITH_RESOLUTION.format(aside="năm 2040 đạt")) == [(9290 * B, None)]


# ------------------------------------------------------------------- billions with no currency

PLAN_IN_BARE_BILLIONS = (
    "Năm 2041, công ty đã hoàn thành chỉ tiêu lợi nhuận năm (45 tỷ) trước 2 tháng. Dự kiến "
    "đến hết năm 2041, lợi nhuận của công ty sẽ đạt 50 {currency} (111,1% kế hoạch năm)."
)


def test_bare_billions_in_a_plan_s_bracket_take_the_one_currency_of_the_text() -> None:
    assert claimed_pairs(PLAN_IN_BARE_BILLIONS.format(currency="tỷ đồng")) == [(50 * B, 45 * B)]


def test_bare_billions_beside_two_currencies_stay_unread() -> None:
    text = PLAN_IN_BARE_BILLIONS.format(currency="tỷ đồng") + " Xuất khẩu đạt 2 tỷ USD."
    assert claimed_pairs(text) == [(50 * B, None)]


# ------------------------------------------------------------------- a plan after adjustment

ADJUSTED = (
    "Năm 2041, sau khi điều chỉnh giảm 1.200 tỷ đồng, tổng vốn ngân sách trung ương còn "
    "8.450 tỷ đồng; Bộ Tài chính đã giao 8.120 tỷ đồng, tương đương 96,1% kế hoạch{named}."
)


def test_what_is_left_after_an_adjustment_is_the_adjusted_plan() -> None:
    assert claimed_pairs(ADJUSTED.format(named=" sau điều chỉnh")) == [(8120 * B, 8450 * B)]


def test_what_is_left_is_not_a_plan_the_percentage_does_not_name_adjusted() -> None:
    assert claimed_pairs(ADJUSTED.format(named="")) == [(8120 * B, None)]


# ------------------------------------------------------------------- a budget's duty

SPENDING_DUTY = (
    "Bốn tháng đầu năm 2041, chi ngân sách địa phương ước thực hiện là 2.450 tỷ đồng, đạt "
    "31,2% so với {plan}."
)


def test_a_percentage_of_the_spending_duty_is_an_attainment() -> None:
    assert _claimed(SPENDING_DUTY.format(plan="nhiệm vụ chi")) == [
        (2450 * B, None, Decimal("31.2"))
    ]


def test_a_percentage_of_another_duty_is_not_read_as_one() -> None:
    assert _claimed(SPENDING_DUTY.format(plan="nhiệm vụ năm")) == []


YEAR_AFTER_PAIR = (
    "Chi ngân sách địa phương 10 tháng đầu năm 2041 là 6.200,5/11.500,25 tỷ đồng, đạt 53,9%; "
    "ước thực hiện cả năm 9.800 tỷ đồng, đạt {p}% nhiệm vụ chi."
)


def test_the_year_s_estimate_takes_the_plan_of_the_pair_before_it_that_fits() -> None:
    assert (9800 * B, Decimal("11500.25") * B) in claimed_pairs(YEAR_AFTER_PAIR.format(p="85,22"))


def test_the_year_s_estimate_takes_no_plan_the_percentage_does_not_fit() -> None:
    assert (9800 * B, None) in claimed_pairs(YEAR_AFTER_PAIR.format(p="84,22"))


# ------------------------------------------------------------------- a second plan named first

SECOND_PLAN_FIRST = (
    "Năm 2041, thu ngân sách của tỉnh Đông Sơn được khoảng 1.100 tỷ đồng, đạt 34% dự toán "
    "Trung ương giao và so {base} đạt {p}%; chi ngân sách địa phương khoảng 2.300 tỷ đồng."
)


def test_a_second_plan_named_before_its_percentage_gives_an_attainment() -> None:
    found = _claimed(SECOND_PLAN_FIRST.format(base="dự toán địa phương giao", p="22,5"))
    assert [p for _, _, p in found] == [Decimal(34), Decimal("22.5")]


def test_a_past_period_named_before_a_percentage_gives_none() -> None:
    found = _claimed(SECOND_PLAN_FIRST.format(base="cùng kỳ", p="122,5"))
    assert [p for _, _, p in found] == [Decimal(34)]


# ------------------------------------------------------------------- part of the year after

HALF_YEAR_PROFIT = (
    "Công ty Thủy sản Bình An lãi {kind} 86 tỷ đồng trong 6 tháng đầu năm 2041, gấp đôi cùng "
    "kỳ.\n\nNăm 2041, công ty đặt mục tiêu doanh thu 5.200 tỷ đồng và lãi sau thuế 310 tỷ "
    "đồng."
)


def test_an_amount_with_its_months_named_after_it_is_set_against_the_year_s_plan() -> None:
    assert (86 * B, 310 * B) in claimed_pairs(HALF_YEAR_PROFIT.format(kind="sau thuế"))


def test_a_profit_of_another_kind_is_not_set_against_the_plan() -> None:
    assert (86 * B, 310 * B) not in claimed_pairs(HALF_YEAR_PROFIT.format(kind="trước thuế"))


# ------------------------------------------------------------------- how a change went

GROWTH_WITH_ADVERB = (
    "Sáu tháng đầu năm 2041, khách quốc tế đến tỉnh đạt 5.800 lượt, tăng {how} 76,8% so với "
    "cùng kỳ, đạt 28,9% kế hoạch."
)


def test_an_attainment_after_a_growth_said_with_an_adverb_is_the_result_s() -> None:
    for how in ("ngoạn mục", "đột biến"):
        found = _claimed(GROWTH_WITH_ADVERB.format(how=how))
        assert found == [(Decimal(5800), None, Decimal("28.9"))], how


def test_an_attainment_after_another_subject_s_growth_is_not_the_result_s() -> None:
    text = GROWTH_WITH_ADVERB.replace("tăng {how}", "khách châu Âu tăng")
    assert [a for a, _, _ in _claimed(text)] == [None]


# ------------------------------------------------------------------- every kind, exactly

ALL_VISITORS = (
    "Sáu tháng đầu năm 2041, tỉnh Đông Hà đón {whole} lượt khách, trong đó khách nội địa là "
    "801.200 lượt, khách quốc tế 41.109 lượt, tăng 12% so với cùng kỳ năm 2040."
)


def _sum_findings(text: str) -> list[str]:
    audit = audit_statements(statements_frame(find(text, money=True)))
    return audit.filter(pl.col("check") == "sum")["verdict"].to_list()


def test_international_and_domestic_visitors_that_miss_the_whole_are_flagged() -> None:
    assert _sum_findings(ALL_VISITORS.format(whole="842.310")) == ["inconsistent"]


def test_visitors_that_add_up_or_a_hedged_whole_are_not_flagged() -> None:
    assert _sum_findings(ALL_VISITORS.format(whole="842.309")) == []
    assert _sum_findings(ALL_VISITORS.format(whole="gần 842.310")) == []


# ------------------------------------------------------------------- a rise over a month

OVER_MONTH = (
    "Kim ngạch xuất khẩu tháng 4-2041 của tỉnh ước đạt 312 triệu USD, tăng 1,7% so với tháng "
    "trước. Sang tháng 5, con số này tăng lên {may} triệu USD, tăng {rise}% so với tháng 4."
)


def _growth_verdicts(text: str) -> list[str | None]:
    return [s.verdict for s in find(text, money=True) if s.stated_kind == "growth"][1:]


def test_a_rise_over_a_month_is_checked_against_that_month_s_amount() -> None:
    assert _growth_verdicts(OVER_MONTH.format(may="327,6", rise="5")) == ["consistent"]
    assert _growth_verdicts(OVER_MONTH.format(may="337,6", rise="5")) == ["inconsistent"]


def test_a_hedged_rise_over_a_month_is_flagged_only_when_far_off() -> None:
    assert _growth_verdicts(OVER_MONTH.format(may="hơn 470", rise="khoảng 50")) == ["unchecked"]
    assert _growth_verdicts(OVER_MONTH.format(may="hơn 470", rise="khoảng 5")) == ["inconsistent"]


def test_a_rise_over_the_months_to_date_is_not_checked_against_them() -> None:
    text = OVER_MONTH.format(may="337,6", rise="5").replace(
        "tháng 4-2041", "từ đầu năm đến tháng 4"
    )
    assert _growth_verdicts(text) == ["unchecked"]


# ------------------------------------------------------------------- an attainment in brackets

TARGET_MET = "Năm 2041, chỉ tiêu sản lượng của cảng đạt 4.250.300 tấn ({after})."


def test_a_figure_after_a_target_word_with_its_attainment_in_brackets_is_the_result() -> None:
    found = _claimed(TARGET_MET.format(after="100,05% kế hoạch"))
    assert [(a, t) for a, t, _ in found] == [(Decimal(4_250_300), None)]


def test_a_figure_after_a_target_word_with_a_bracket_of_no_plan_is_not() -> None:
    found = find(TARGET_MET.format(after="tăng 5% so với năm 2040"), money=True)
    assert [s.actual for s in found] == [None]
