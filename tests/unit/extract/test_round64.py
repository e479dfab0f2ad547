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


OTHER_PROFIT = (
    "Năm 2041, công ty đạt doanh thu 920 tỷ đồng, lợi nhuận trước thuế 130 tỷ đồng. Trong kỳ, "
    "chi phí bán hàng tăng 5% lên 12 tỷ đồng nhưng có thêm lợi nhuận{} gần 600 triệu đồng."
    "\n\nNhư vậy, lợi nhuận trước thuế đạt gần 52% kế hoạch năm."
)


def _profit_attained(text: str) -> list[object]:
    return [s.actual for s in find(text) if s.stated_percent == Decimal(52)]


def test_an_other_profit_is_no_profit_before_tax() -> None:
    assert _profit_attained(OTHER_PROFIT.format(" khác")) == [Decimal("130e9")]


def test_two_profits_of_one_name_leave_the_percentage_alone() -> None:
    assert _profit_attained(OTHER_PROFIT.format("")) == [None]
