"""What the review of round 82 found (session 25), each with a case it mends and one it
keeps, on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

from kpitools.extract import capital_plans
from kpitools.textfold import fold


def _attainment(text: str, percent: int) -> tuple[object, object, str | None]:
    (s,) = [s for s in find(text) if s.stated_percent == Decimal(percent)]
    return s.actual, s.target, s.verdict


# a result that fell to a level, the plan missed because of it: the level is no plan, and
# the plan set out before is the attainment's again (a cause word between the plan word and
# the fall)
PLAN_MISSED_BY_A_FALL = (
    "Năm 2041, công ty đặt kế hoạch lợi nhuận 400 tỷ đồng. Công ty không hoàn thành kế hoạch"
    " do lợi nhuận sau thuế giảm 5% xuống còn 300 tỷ đồng. Như vậy, công ty chỉ thực hiện được"
    " 75% kế hoạch lợi nhuận."
)
BUDGET_MISSED_BY_A_FALL = (
    "Năm 2041, dự toán thu nội địa của tỉnh là 2.500 tỷ đồng. Tỉnh không đạt dự toán do thu"
    " nội địa giảm 8% xuống còn 2.000 tỷ đồng. Như vậy, thu nội địa chỉ đạt 80% dự toán."
)
# a plan itself cut to a level, with or without a comma: still that level
PLAN_ITSELF_CUT = (
    "Năm 2041, hiệp hội có doanh thu 1.830 tỷ đồng, lãi gộp đạt 132 tỷ đồng. Năm nay, hiệp"
    " hội đặt mục tiêu lãi gộp giảm 4% xuống còn 120 tỷ đồng. Như vậy, hiệp hội đã hoàn thành"
    " 110% kế hoạch lãi gộp."
)
PLAN_ITSELF_CUT_AFTER_A_COMMA = PLAN_ITSELF_CUT.replace(
    "hiệp hội đặt mục tiêu lãi gộp giảm 4% xuống", "kế hoạch lãi gộp của hiệp hội giảm 4%,"
)


def test_a_result_that_fell_to_a_level_is_no_plan_when_a_cause_comes_between() -> None:
    assert _attainment(PLAN_MISSED_BY_A_FALL, 75) == (
        Decimal(300 * 10**9),
        Decimal(400 * 10**9),
        "consistent",
    )
    assert _attainment(BUDGET_MISSED_BY_A_FALL, 80) == (
        Decimal(2000 * 10**9),
        Decimal(2500 * 10**9),
        "consistent",
    )


def test_a_plan_cut_to_a_level_is_still_that_level() -> None:
    for text in (PLAN_ITSELF_CUT, PLAN_ITSELF_CUT_AFTER_A_COMMA):
        assert _attainment(text, 110) == (
            Decimal(132 * 10**9),
            Decimal(120 * 10**9),
            "consistent",
        )


# the words of a capital before its colon: the amount after the colon is none of them (they
# kept the amount's first two characters, the match ending with a comma and a space)
def test_a_capitals_name_ends_at_its_amount() -> None:
    folded = fold("Vốn sự nghiệp năm 2041: 64 tỷ đồng, đã giải ngân 16 tỷ đồng")
    m = capital_plans._CAPITAL_COLON.search(folded)
    assert m is not None
    assert capital_plans._capital_name(folded, m) == fold("Vốn sự nghiệp năm 2041: ")


# a plan word, then a link word and a growth to a level: the level is the result's, not a
# plan raised to it; a plan adjusted up to a level with no link word still is one
GROWTHS_AFTER_PLANS_WORDS = (
    "Năm 2041, các chỉ tiêu sản xuất đều vượt dự báo khi sản lượng tăng 9% lên 720 nghìn tấn.",
    "Năm 2041, các chỉ tiêu kinh doanh của hợp tác xã đều khả quan khi lợi nhuận tăng 14% lên"
    " 86 tỷ đồng.",
)
PLAN_RAISED = (
    "Năm 2041, tỉnh điều chỉnh chỉ tiêu thu nội địa lên 3.600 tỷ đồng, tăng thêm 400 tỷ đồng."
)


def _targets(text: str) -> list[object]:
    return [s.target for s in find(text) if s.target is not None]


def test_a_level_grown_to_after_a_link_word_is_no_plan() -> None:
    for text in GROWTHS_AFTER_PLANS_WORDS:
        assert _targets(text) == []


def test_a_plan_raised_to_a_level_still_is_one() -> None:
    assert _targets(PLAN_RAISED) == [Decimal(3600 * 10**9)]
