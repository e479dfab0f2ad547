"""Round 44 of the extraction rules (issue 17), each tested on invented text (never the
evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import attained, checked

# ------------------------------ a plan named, then the next item's amount after "và … là"


def test_the_amount_of_the_next_item_after_a_plan_named_is_no_target() -> None:
    text = (
        "Vốn sự nghiệp của tỉnh là 240 tỷ đồng, đạt 80% kế hoạch giao và vốn của các xã "
        "là 30 tỷ đồng, đạt 50% kế hoạch giao."
    )
    assert checked(text) == []
    assert [(a, p) for a, _, p, _ in attained(text)] == [
        (Decimal("240000000000"), Decimal("80")),
        (Decimal("30000000000"), Decimal("50")),
    ]


def test_the_plans_amount_written_after_its_name_and_là_stays_a_target() -> None:
    text = "Thu phí đạt 45 tỷ đồng, bằng 90% kế hoạch năm của huyện là 50 tỷ đồng."
    assert checked(text) == [
        (Decimal("45000000000"), Decimal("50000000000"), Decimal("90"), "consistent")
    ]
