"""Round 78 of the extraction rules (issue 17): patterns behind the misses of the batches
scored once in session 24, each with a positive and a negative case on invented text (never
the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

TWO_PLANS_BY_NUMBER = (
    "Lũy kế đến 30/6/2041, huyện Tân Lộc giải ngân vốn đầu tư công được 612 tỷ đồng đạt 45% "
    "so với số kế hoạch vốn tỉnh giao, đạt 36% so với số kế hoạch huyện giao."
)
NUMBER_OF_A_PAST_YEAR = "Năm 2041 xã Tân Lộc thu ngân sách 12 tỷ đồng, bằng 80% so với số năm 2040."


def test_a_percentage_of_the_number_planned_is_an_attainment() -> None:
    found = find(TWO_PLANS_BY_NUMBER)
    assert [(s.stated_kind, s.stated_percent) for s in found] == [
        ("attainment", Decimal("45")),
        ("attainment", Decimal("36")),
    ]
    assert [s.implied_target for s in found] == [Decimal("1360000000000"), Decimal("1700000000000")]


def test_a_percentage_of_a_past_years_number_is_no_attainment() -> None:
    assert [s.stated_kind for s in find(NUMBER_OF_A_PAST_YEAR)] == ["growth"]
