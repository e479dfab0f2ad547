"""Round 84 of the extraction rules (issue 17): each rule with a positive and a negative case
on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

RATE_PER_PEOPLE = (
    "Năm 2041, tỷ lệ mắc sốt rét của huyện Tân Hòa là 27,45/100.000 dân, giảm 3% so với năm "
    "2040; tỷ suất tử vong trẻ dưới 1 tuổi là 12/1.000 trẻ đẻ sống."
)
CHILDREN_OUT_OF_A_ROUND_PLAN = (
    "Năm 2041, trạm y tế xã Tân Hòa đã tiêm cho 980/1.000 trẻ, đạt 98% kế hoạch."
)


def _pairs(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.target) for s in find(text) if s.actual is not None]


def test_a_rate_per_a_round_number_of_people_is_no_pair() -> None:
    assert all(target is None for _, target in _pairs(RATE_PER_PEOPLE))


def test_people_done_out_of_a_round_plan_stay_a_pair() -> None:
    assert (Decimal(980), Decimal(1000)) in _pairs(CHILDREN_OUT_OF_A_ROUND_PLAN)
