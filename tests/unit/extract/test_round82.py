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
