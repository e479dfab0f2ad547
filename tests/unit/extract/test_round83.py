"""Round 83 of the extraction rules (issue 17): each rule with a positive and a negative case
on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

from kpitools.extract import audit_statements, statements_frame

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


OUTPUT = "Năm 2041, nhà máy Bắc Sơn sản xuất được 12,4 triệu kWh, đạt 103% kế hoạch. Trong đó, "
ANOTHER_TOTALS_PART = OUTPUT + "điện thương phẩm toàn tỉnh là 860,5 triệu kWh, đạt 97% kế hoạch."
A_PART_OVER_ITS_TOTAL = OUTPUT + "điện mặt trời là 13,5 triệu kWh."


def _part_checks(text: str) -> list[str]:
    audit = audit_statements(statements_frame(find(text)))
    return audit.filter(audit["check"] == "part")["verdict"].to_list()


def test_parts_far_over_a_total_are_another_totals() -> None:
    assert _part_checks(ANOTHER_TOTALS_PART) == []


def test_a_part_a_little_over_its_total_is_still_flagged() -> None:
    assert _part_checks(A_PART_OVER_ITS_TOTAL) == ["inconsistent"]
