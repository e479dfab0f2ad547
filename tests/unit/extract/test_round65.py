"""Round 65 of the extraction rules (issue 17): each with a positive and a negative case on
invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

ASSIGNED_WORK = (
    "Năm 2041, huyện Đông Lâm được giao{} trồng 420ha rừng. Đến nay, toàn huyện đã trồng "
    "được 504ha, đạt 120% kế hoạch giao."
)


def _planted(text: str) -> list[object]:
    return [s.target for s in find(text) if s.stated_percent == Decimal(120)]


def test_work_assigned_to_be_done_is_the_plan() -> None:
    assert _planted(ASSIGNED_WORK.format(" thực hiện")) == [Decimal(420)]


def test_work_done_after_the_assignment_is_no_plan() -> None:
    assert _planted(ASSIGNED_WORK.format(", đã thực hiện")) == [None]


FLOOR = (
    "Năm 2041, công ty đặt mục tiêu sản xuất 40 triệu tấn muối, muối tiêu thụ {} triệu tấn. "
    "Kết quả, hết tháng 9, công ty đã sản xuất 30 triệu tấn muối, đạt trên 75% kế hoạch năm."
)


def _salt_plan(text: str) -> list[object]:
    return [s.target for s in find(text) if s.stated_percent == Decimal(75)]


def test_a_plan_below_a_stated_floor_is_not_the_plan() -> None:
    # 30 of 42 is 71,4 %, under "trên 75%": only 40 is left
    assert _salt_plan(FLOOR.format(42)) == [Decimal("40e6")]


def test_two_plans_that_both_reach_the_floor_stay_unlinked() -> None:
    # 30 of 39 is 76,9 %: above the floor as well, so nothing tells the two apart
    assert _salt_plan(FLOOR.format(39)) == [None]
