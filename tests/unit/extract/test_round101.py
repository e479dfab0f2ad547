"""Round 101 of the extraction rules (issue 17): a comma before three digits read the way the
page or the figures beside it say, on invented text (never the evaluation set's figures or
sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

_BILLION = Decimal(1_000_000_000)


def _claims(text: str) -> list[tuple[object, object, object, object, object]]:
    return [
        (s.actual, s.target, s.stated_percent, s.stated_kind, s.verdict)
        for s in find(text)
        if s.stated_kind == "attainment"
    ]


# one amount with a comma before three digits and an attainment with no plan written
_ONE_COMMA = "Năm 2041, nhà máy có 2,481 tỷ đồng doanh thu, đạt 62% kế hoạch. Lợi nhuận đạt {tail}"


def test_a_page_writing_its_decimals_with_points_groups_thousands_with_its_one_comma() -> None:
    # "61.25 tỷ", "1.4 lần": decimals with points, so "2,481 tỷ" is 2.481 billion
    text = _ONE_COMMA.format(tail="61.25 tỷ đồng, gấp 1.4 lần cùng kỳ.")
    assert _claims(text) == [
        (2481 * _BILLION, None, Decimal(62), "attainment", "unchecked"),
    ]


def test_a_page_with_a_decimal_comma_or_one_point_decimal_keeps_the_vietnamese_comma() -> None:
    # a decimal comma elsewhere ("1,4 lần"), or a single decimal point: 2,481 billion
    for tail in ("61.25 tỷ đồng, gấp 1,4 lần cùng kỳ.", "61 tỷ đồng, gấp 1.4 lần cùng kỳ."):
        assert _claims(_ONE_COMMA.format(tail=tail)) == [
            (Decimal("2.481") * _BILLION, None, Decimal(62), "attainment", "unchecked"),
        ]
