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
    "Chín tháng năm 2041, tổng công ty có doanh thu 3.120 tỷ đồng, tăng 6% so với cùng kỳ, và"
    " lợi nhuận trước thuế 264 tỷ đồng. Năm 2041, tổng công ty đặt mục tiêu doanh thu khoảng"
    " 4.800 tỷ đồng và lãi trước thuế 330 tỷ đồng. Tính đến hết quý III, tổng công ty mới thực"
    " hiện 65% mục tiêu doanh thu và 80% kế hoạch lãi trước thuế."
)
# the qualified plan is of imports, named right before it: no plan of exports, though the
# exports' percentage fits it (it passes on the code before the qualifier rule too, which
# only gives an amount of no one measure the measure right before it; it guards the
# measure check that rule feeds: with that check off for such an amount, exports take it)
QUALIFIED_PLAN_OF_OTHER_MEASURE = (
    "Chín tháng năm 2041, kim ngạch xuất khẩu của tỉnh đạt 3.120 triệu USD, nhập khẩu đạt"
    " 2.640 triệu USD. Năm 2041, tỉnh đặt mục tiêu nhập khẩu khoảng 4.800 triệu USD. Như vậy,"
    " sau chín tháng tỉnh mới thực hiện 65% kế hoạch xuất khẩu."
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
    assert _targets(QUALIFIED_PLAN, 65) == [Decimal(4800 * 10**9)]
    assert _targets(QUALIFIED_PLAN, 80) == [Decimal(330 * 10**9)]


def test_a_qualified_plan_of_another_measure_is_not_the_plan() -> None:
    assert _targets(QUALIFIED_PLAN_OF_OTHER_MEASURE, 65) == [None]


PLAN_CUT_TO = (
    "Sau khi thị trường chững lại, năm 2041 liên doanh hạ kế hoạch doanh thu dự kiến giảm 15%"
    " xuống còn 850 tỷ đồng. Cả năm, liên doanh thu về 901 tỷ đồng, bằng 106% kế hoạch."
)
# the plan missed, a cause between its word and the fall: the level fallen to is a result
RESULT_CUT_TO = (
    "Năm 2041, hợp tác xã đặt mục tiêu doanh thu 150 tỷ đồng. Hợp tác xã không đạt mục tiêu"
    " vì doanh thu giảm 6% xuống còn 120 tỷ đồng. Tính ra, doanh thu chỉ bằng 80% mục tiêu."
)


def test_a_plan_cut_to_a_level_with_no_comma_is_that_level() -> None:
    (s,) = [s for s in find(PLAN_CUT_TO) if s.stated_percent == Decimal(106)]
    assert (s.actual, s.target, s.verdict) == (
        Decimal(901 * 10**9),
        Decimal(850 * 10**9),
        "consistent",
    )


def test_a_result_cut_to_a_level_is_no_plan() -> None:
    (s,) = [s for s in find(RESULT_CUT_TO) if s.stated_percent == Decimal(80)]
    assert (s.actual, s.target, s.verdict) == (
        Decimal(120 * 10**9),
        Decimal(150 * 10**9),
        "consistent",
    )
