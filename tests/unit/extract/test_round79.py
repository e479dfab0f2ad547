"""Round 79 of the extraction rules (issue 17): patterns behind the misses and wrong claims of
the batches scored once in session 24, each with a positive and a negative case on invented
text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

PLANS_NAMED_IN_ORDER = (
    "Lũy kế 6 tháng năm 2041, công ty ghi nhận doanh thu đạt 1.150 tỷ đồng và LNST đạt 61 tỷ "
    "đồng, hoàn thành 48% kế hoạch doanh thu và 47% kế hoạch lợi nhuận cả năm."
)
PLANS_NAMED_OUT_OF_ORDER = (
    "Lũy kế 6 tháng năm 2041, công ty ghi nhận doanh thu đạt 1.150 tỷ đồng và lợi nhuận đạt 61 "
    "tỷ đồng, hoàn thành 48% kế hoạch lợi nhuận và 47% kế hoạch doanh thu cả năm."
)


def _attainments(text: str) -> list[tuple[Decimal | None, Decimal | None]]:
    return [
        (s.actual, s.stated_percent)
        for s in find(text)
        if s.stated_kind in ("attainment", "excess")
    ]


def test_two_percentages_naming_the_plans_of_two_amounts_in_order() -> None:
    assert _attainments(PLANS_NAMED_IN_ORDER) == [
        (Decimal("1150000000000"), Decimal("48")),
        (Decimal("61000000000"), Decimal("47")),
    ]


def test_two_percentages_naming_the_plans_out_of_order_take_no_respective_run() -> None:
    assert (Decimal("1150000000000"), Decimal("47")) not in _attainments(PLANS_NAMED_OUT_OF_ORDER)
    assert (Decimal("1150000000000"), Decimal("48")) not in _attainments(PLANS_NAMED_OUT_OF_ORDER)
