"""Round 72 of the extraction rules (issue 17): results with no percentage whose year's plan
is written in another sentence; a positive and a negative case for each rule on invented text
(never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

BILLION = Decimal(10) ** 9

TWO_PROFITS = (
    "Quý II/2041, lợi nhuận trước thuế của công ty đạt 210 tỷ đồng, tăng 12% so với cùng kỳ."
    "\n\nNăm 2041, công ty đặt mục tiêu lợi nhuận trước thuế hợp nhất là 640 tỷ đồng, lợi "
    "nhuận công ty mẹ là 415 tỷ đồng."
)

LISTED_PLAN = (
    "Sáu tháng đầu năm 2041, lợi nhuận sau thuế của công ty đạt 95 tỷ đồng, tăng 18% so với "
    "cùng kỳ.\n\nĐại hội đồng cổ đông đã thông qua kế hoạch kinh doanh năm 2041 với doanh thu "
    "thuần đạt 1.300 tỷ đồng và lợi nhuận sau thuế đạt 240 tỷ đồng."
)


def _pairs(text: str) -> set[tuple[object, object]]:
    return {(s.actual, s.target) for s in find(text) if s.actual is not None and s.target}


def test_of_two_plans_of_a_measure_the_one_of_the_results_kind_is_taken() -> None:
    assert (210 * BILLION, 640 * BILLION) in _pairs(TWO_PROFITS)


def test_a_result_of_no_kind_or_another_measure_takes_neither_plan() -> None:
    # on the rule's boundary: the kind must be written with the result, and the measure be
    # the plans' (a revenue is set against no profit's plan)
    assert (210 * BILLION, 640 * BILLION) in _pairs(TWO_PROFITS)
    no_kind = TWO_PROFITS.replace("lợi nhuận trước thuế của", "lợi nhuận của")
    assert not [t for a, t in _pairs(no_kind) if a == 210 * BILLION]
    revenue = TWO_PROFITS.replace("lợi nhuận trước thuế của", "doanh thu thuần của")
    assert not [t for a, t in _pairs(revenue) if a == 210 * BILLION]


def test_a_later_item_of_a_plans_list_is_the_results_plan() -> None:
    pairs = _pairs(LISTED_PLAN)
    assert (95 * BILLION, 240 * BILLION) in pairs
    aimed = LISTED_PLAN.replace(
        "Đại hội đồng cổ đông đã thông qua kế hoạch kinh doanh năm 2041 với",
        "Năm 2041, công ty đặt mục tiêu",
    ).replace("đạt 1.300 tỷ đồng và", "đạt 1.300 tỷ đồng, tăng 9% so với năm 2040, và")
    assert (95 * BILLION, 240 * BILLION) in _pairs(aimed)


def test_another_years_plan_or_a_past_result_listed_alike_is_not_linked() -> None:
    # on the rule's boundary: the same list for another year, the same list written as last
    # year's result (no plan word), and a result after the plan's amount (no measure named
    # right after the joint) stay unlinked
    assert (95 * BILLION, 240 * BILLION) in _pairs(LISTED_PLAN)
    other_year = LISTED_PLAN.replace("kế hoạch kinh doanh năm 2041", "kế hoạch kinh doanh năm 2040")
    past = LISTED_PLAN.replace(
        "Đại hội đồng cổ đông đã thông qua kế hoạch kinh doanh năm 2041 với", "Năm 2040,"
    )
    after = LISTED_PLAN.replace(
        "và lợi nhuận sau thuế đạt 240 tỷ đồng", "và sáu tháng đã thu về 240 tỷ đồng"
    )
    for text in (other_year, past, after):
        assert not [t for a, t in _pairs(text) if a == 95 * BILLION]


def test_another_units_listed_plan_is_not_linked() -> None:
    aimed = (
        "Sáu tháng đầu năm 2041, lợi nhuận sau thuế của công ty đạt 95 tỷ đồng, tăng 18% so "
        "với cùng kỳ.\n\nNăm 2041, {p} đặt mục tiêu doanh thu thuần đạt 1.300 tỷ đồng và lợi "
        "nhuận sau thuế đạt 240 tỷ đồng."
    )
    assert (95 * BILLION, 240 * BILLION) in _pairs(aimed.format(p="công ty"))
    assert not [t for a, t in _pairs(aimed.format(p="huyện Tân Lập")) if a == 95 * BILLION]


SEMICOLON = (
    "Trong quý II/2041, doanh thu thuần của công ty đạt 400 tỷ đồng, tăng 9% so với cùng kỳ; "
    "lợi nhuận sau thuế đạt 52 tỷ đồng.\n\nNăm 2041, công ty đặt mục tiêu lợi nhuận sau thuế "
    "230 tỷ đồng."
)


def test_a_clause_after_a_semicolon_goes_on_with_the_quarter_before_it() -> None:
    assert (52 * BILLION, 230 * BILLION) in _pairs(SEMICOLON)


def test_a_clause_of_its_own_year_or_of_two_alike_amounts_is_not_linked() -> None:
    # on the rule's boundary: a year named in the clause and a second amount of the measure
    # and kind in the sentence leave it unlinked
    assert (52 * BILLION, 230 * BILLION) in _pairs(SEMICOLON)
    own_year = SEMICOLON.replace("; lợi nhuận sau thuế đạt", "; năm 2040 lợi nhuận sau thuế đạt")
    two = SEMICOLON.replace("đạt 52 tỷ đồng.", "đạt 52 tỷ đồng; lãi ròng 49 tỷ đồng.")
    stop = SEMICOLON.replace("cùng kỳ; lợi nhuận", "cùng kỳ. Lợi nhuận")
    for text in (own_year, two):
        assert not [t for a, t in _pairs(text) if a == 52 * BILLION]
    # since round 106 the next sentence goes on with the quarter too (carried_periods)
    assert (52 * BILLION, 230 * BILLION) in _pairs(stop)
