"""Round 83 of the extraction rules (issue 17): each rule with a positive and a negative case
on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

TWO_SCALES = "Năm 2041, nhà máy sản xuất được 3 tỷ 412,5 triệu kWh, đạt trên 95% kế hoạch đề ra."
TWO_SCALES_OF_MONEY = "Năm 2041, công ty nộp ngân sách 3 tỷ 412 triệu đồng, đạt 95% kế hoạch."


def test_a_count_in_two_scales_is_one_amount() -> None:
    (s,) = find(TWO_SCALES)
    assert s.actual == Decimal("3412500000")
    assert s.text.startswith("3 tỷ 412,5 triệu kWh")


def test_money_in_two_scales_is_no_count() -> None:
    (s,) = find(TWO_SCALES_OF_MONEY)
    assert s.actual == Decimal("3412000000")
    assert find(TWO_SCALES_OF_MONEY, money=False) == []
