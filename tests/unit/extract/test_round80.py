"""Round 80 of the extraction rules (issue 17): patterns behind the misses and wrong claims of
the batches scored once in session 24, each with a positive and a negative case on invented
text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

GROWTH_RESTATED_IN_BRACKET = (
    "Doanh thu dịch vụ 6 tháng năm 2041 ước đạt 4.210 tỷ đồng, tăng 5,4% (215 tỷ đồng), đạt "
    "51,2% kế hoạch năm."
)
PART_IN_BRACKET = (
    "Doanh thu dịch vụ 6 tháng năm 2041 ước đạt 4.210 tỷ đồng, tăng 5,4% (trong đó vận tải 215 "
    "tỷ đồng, đạt 51,2% kế hoạch năm)."
)


def _attainments(text: str) -> list[tuple[Decimal | None, Decimal | None]]:
    return [
        (s.actual, s.stated_percent)
        for s in find(text)
        if s.stated_kind in ("attainment", "excess")
    ]


def test_an_amount_in_brackets_after_a_growth_restates_the_growth() -> None:
    assert _attainments(GROWTH_RESTATED_IN_BRACKET) == [(Decimal("4210000000000"), Decimal("51.2"))]


def test_a_part_named_in_brackets_after_a_growth_keeps_its_attainment() -> None:
    assert _attainments(PART_IN_BRACKET) == [(Decimal("215000000000"), Decimal("51.2"))]
