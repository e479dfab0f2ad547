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
