"""Round 64 of the extraction rules (issue 17): each with a positive and a negative case on
invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

SPACED_ATTAINMENT = (
    "Năm 2041 sản lượng muối đạt 12,6 triệu tấn. Con số này đạt 64, 37% so với kế hoạch năm."
)
SPACED_SHARE = "Năm 2041 xã có 312 hộ nghèo, chiếm tỷ lệ 12, 48%, giảm 1,2% so với năm trước."
LISTED = "Năm 2041 các tổ 3, 15% hộ đạt chuẩn."


def test_a_percentage_with_a_space_after_its_decimal_comma_is_read_whole() -> None:
    (s,) = [s for s in find(SPACED_ATTAINMENT) if s.stated_kind == "attainment"]
    assert (s.stated_percent, s.actual) == (Decimal("64.37"), None)
    shares = [s for s in find(SPACED_SHARE) if s.stated_kind == "share"]
    assert [s.stated_percent for s in shares] == [Decimal("12.48")]


def test_a_number_listed_before_a_percentage_stays_apart() -> None:
    assert [s.stated_percent for s in find(LISTED)] == [Decimal("15")]
