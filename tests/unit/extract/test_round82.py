"""Round 82 of the extraction rules (issue 17): each rule with a positive and a negative case
on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

CAPITAL_OF_YEAR = (
    "Vốn sự nghiệp môi trường năm 2041: 640 tỷ đồng, đã giải ngân 160 tỷ đồng, đạt 25% kế"
    " hoạch năm 2041."
)
CAPITAL_OF_OTHER_YEAR = CAPITAL_OF_YEAR.replace("kế hoạch năm 2041", "kế hoạch năm 2040")
QUALIFIED_PLAN = (
    "Lũy kế 6 tháng đầu năm 2041, doanh thu thuần của hợp tác xã tăng 12% lên 2.345 tỷ đồng."
    " Lợi nhuận trước thuế tăng 8% lên 321 tỷ đồng. Năm nay hợp tác xã đặt mục tiêu doanh thu gần"
    " 5.000 tỷ đồng và lãi trước thuế 700 tỷ đồng. Như vậy, hợp tác xã đã thực hiện được 47%"
    " kế hoạch doanh thu và 46% mục tiêu lãi trước thuế năm."
)
QUALIFIED_PLAN_OF_OTHER_MEASURE = QUALIFIED_PLAN.replace(
    "doanh thu gần 5.000 tỷ đồng và lãi trước thuế 700 tỷ đồng",
    "doanh thu 9.000 tỷ đồng và lãi trước thuế gần 5.000 tỷ đồng",
)


def _targets(text: str, percent: int) -> list[object]:
    return [s.target for s in find(text) if s.stated_percent == Decimal(percent)]


def test_a_capital_of_the_year_the_plan_names_is_its_plan() -> None:
    (s,) = [s for s in find(CAPITAL_OF_YEAR) if s.stated_percent == Decimal(25)]
    assert (s.actual, s.target, s.verdict) == (
        Decimal(160 * 10**9),
        Decimal(640 * 10**9),
        "consistent",
    )


def test_a_capital_of_another_year_than_the_plan_is_not_its_plan() -> None:
    assert _targets(CAPITAL_OF_OTHER_YEAR, 25) == [None]


def test_a_qualified_plan_is_of_the_measure_named_right_before_it() -> None:
    assert _targets(QUALIFIED_PLAN, 47) == [Decimal(5000 * 10**9)]
    assert _targets(QUALIFIED_PLAN, 46) == [Decimal(700 * 10**9)]


def test_a_qualified_plan_of_another_measure_is_not_the_plan() -> None:
    # the revenue's own plan, which the percentage does not fit: an audit finding
    (s,) = [s for s in find(QUALIFIED_PLAN_OF_OTHER_MEASURE) if s.stated_percent == 47]
    assert (s.target, s.verdict) == (Decimal(9000 * 10**9), "inconsistent")


PLAN_CUT_TO = (
    "Lũy kế năm 2041, xí nghiệp có doanh thu 2.345 tỷ đồng, lợi nhuận sau thuế đạt 321 tỷ"
    " đồng. Năm 2041, xí nghiệp đặt mục tiêu lợi nhuận sau thuế giảm 5% xuống còn 300 tỷ"
    " đồng. Như vậy, xí nghiệp đã hoàn thành được 107% kế hoạch lợi nhuận đã đề ra."
)
RESULT_CUT_TO = PLAN_CUT_TO.replace(
    "xí nghiệp đặt mục tiêu lợi nhuận sau thuế giảm", "lợi nhuận sau thuế năm trước giảm"
)


def test_a_plan_cut_to_a_level_with_no_comma_is_that_level() -> None:
    (s,) = [s for s in find(PLAN_CUT_TO) if s.stated_percent == Decimal(107)]
    assert (s.actual, s.target, s.verdict) == (
        Decimal(321 * 10**9),
        Decimal(300 * 10**9),
        "consistent",
    )


def test_a_result_cut_to_a_level_is_no_plan() -> None:
    assert _targets(RESULT_CUT_TO, 107) == [None]
