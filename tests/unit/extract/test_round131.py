"""Round 131 of the extraction rules (issue 17): a percentage of the year's plan said in a
sentence after the amounts it may belong to (a quarter's and the months to date's), given
the one amount whose ratio to the written plan gives it, on invented text (never the
evaluation set's figures or sentences)."""

from __future__ import annotations

from reading import find


def _claims(text: str) -> list[tuple[object, object, object, object]]:
    """(actual, target, stated percentage, kind) of the statements with a percentage."""
    return [
        (s.actual, s.target, s.stated_percent, s.stated_kind)
        for s in find(text)
        if s.stated_kind == "attainment"
    ]


_QUARTER = "Quý III/2041, xưởng May Bình An đạt doanh thu 240 tỷ đồng. "
_TO_DATE = "Lũy kế 9 tháng đầu năm 2041, doanh thu của xưởng đạt 630 tỷ đồng. "
_PLAN = "Năm 2041, xưởng đặt mục tiêu doanh thu 900 tỷ đồng. "
_PERCENT = "Như vậy, xưởng đã hoàn thành 70% doanh thu kế hoạch năm."


# ------------------------------------------------ the one amount the written plan gives it


def test_the_amount_whose_ratio_to_the_plan_gives_the_percentage_is_its_result() -> None:
    # 630 of 900 is 70 %; the quarter's 240 is 26,7 %
    assert _claims(_QUARTER + _TO_DATE + _PLAN + _PERCENT) == [
        (630_000_000_000, 900_000_000_000, 70, "attainment")
    ]


def test_two_percentages_of_amounts_listed_respectively_each_take_theirs() -> None:
    # "doanh thu, lợi nhuận … của xưởng lần lượt là": the measures, then whose they are;
    # the quarter's 240 (nearest naming revenue) was the 70 %'s result before
    text = (
        "Quý III/2041, xưởng May Bình An đạt doanh thu 240 tỷ đồng, lợi nhuận trước thuế 15 tỷ "
        "đồng. "
        "Lũy kế 9 tháng đầu năm 2041, doanh thu, lợi nhuận trước thuế của xưởng lần lượt là "
        "630 tỷ đồng và 48 tỷ đồng.\n\nNăm 2041, xưởng đặt mục tiêu doanh thu 900 tỷ đồng và "
        "lợi nhuận trước thuế 60 tỷ đồng. Với kết quả này, xưởng đã hoàn thành 70% doanh thu "
        "và 80% lợi nhuận kế hoạch năm."
    )
    claims = _claims(text)
    assert (630_000_000_000, 900_000_000_000, 70, "attainment") in claims
    assert (48_000_000_000, 60_000_000_000, 80, "attainment") in claims
    assert not [c for c in claims if c[0] in (240_000_000_000, 15_000_000_000)]


# ------------------------------------------------------------------------------ near-misses


def test_a_quarter_alone_that_does_not_fit_is_not_taken() -> None:
    assert _claims(_QUARTER + _PLAN + _PERCENT) == [(None, None, 70, "attainment")]


def test_an_amount_of_another_measure_is_not_taken() -> None:
    profit = _TO_DATE.replace("doanh thu của xưởng", "lợi nhuận của xưởng")
    assert _claims(_QUARTER + profit + _PLAN + _PERCENT) == [(None, None, 70, "attainment")]


def test_a_plan_of_another_year_is_not_taken() -> None:
    later = _PLAN.replace("Năm 2041", "Năm 2042")
    assert _claims(_QUARTER + _TO_DATE + later + _PERCENT) == [(None, None, 70, "attainment")]


def test_no_plan_or_two_plans_written_read_nothing() -> None:
    assert _claims(_QUARTER + _TO_DATE + _PERCENT) == [(None, None, 70, "attainment")]
    two = _PLAN.replace("900 tỷ đồng.", "900 tỷ đồng, kế hoạch điều chỉnh doanh thu 1.000 tỷ đồng.")
    assert _claims(_QUARTER + _TO_DATE + two + _PERCENT) == [(None, None, 70, "attainment")]


def test_results_of_two_currencies_read_nothing() -> None:
    dollars = _TO_DATE.replace("630 tỷ đồng", "630 triệu USD")
    assert _claims(_QUARTER + dollars + _PLAN + _PERCENT) == [(None, None, 70, "attainment")]


def test_a_list_without_respectively_keeps_its_clause_s_measure() -> None:
    # no "lần lượt": the amounts are read by their clause, the 80 % finds no profit result
    text = (
        "Lũy kế 9 tháng đầu năm 2041, xưởng May Bình An có doanh thu, lợi nhuận trước thuế "
        "tăng mạnh; doanh thu đạt 630 tỷ đồng. Năm 2041, xưởng đặt mục tiêu doanh thu 900 tỷ "
        "đồng và lợi nhuận trước thuế 60 tỷ đồng. Với kết quả này, xưởng đã hoàn thành 70% "
        "doanh thu và 80% lợi nhuận kế hoạch năm."
    )
    claims = _claims(text)
    assert (630_000_000_000, 900_000_000_000, 70, "attainment") in claims
    assert (None, None, 80, "attainment") in claims
