"""Round 69 of the extraction rules (issue 17): fixes from two batches of district and
congress reviews, each with a positive and a negative case on invented text (never the
evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

ONE_YEAR = (
    "Năm 2041, tổng thu ngân sách xã ước đạt 600 tỷ đồng, bằng 120% dự toán tỉnh giao. "
    "Cả năm 2041 thu ngân sách xã ước đạt 700 tỷ đồng, bằng 150% dự toán tỉnh giao."
)
TWO_YEARS = (
    "Năm 2041, tổng thu ngân sách xã ước đạt 600 tỷ đồng, bằng 120% dự toán tỉnh giao.\n\n"
    "Bước sang năm 2042, thu ngân sách xã 3 tháng đạt 180 tỷ đồng, bằng 37% dự toán tỉnh giao."
)


def _flagged(text: str) -> list[str]:
    return [s.text for s in find(text) if "one_budget" in (s.note_data or "")]


def test_two_percentages_of_one_year_budget_cannot_both_hold() -> None:
    assert _flagged(ONE_YEAR)


def test_the_budgets_of_two_years_are_two_budgets() -> None:
    assert not _flagged(TWO_YEARS)


def test_a_multiple_of_the_plan_written_so_without_voi() -> None:
    found = [
        s
        for s in find("Đến nay số thôn đạt chuẩn là 52 thôn, gấp 1,3 lần so kế hoạch năm 2041.")
        if s.stated_kind == "attainment"
    ]
    assert [(s.actual, s.stated_percent) for s in found] == [(Decimal(52), Decimal(130))]


def test_a_multiple_of_last_year_written_so_is_no_attainment() -> None:
    found = find("Đến nay số thôn đạt chuẩn là 52 thôn, gấp 1,3 lần so cùng kỳ năm 2040.")
    assert not [s for s in found if s.stated_kind == "attainment"]


def test_a_fraction_takes_its_percentage_after_a_clause_on_what_it_counts() -> None:
    text = "Năm 2041 có 9.871/3.000 lượt khách đến tham quan khu di tích bằng 329% chỉ tiêu."
    found = [s for s in find(text) if s.stated_percent is not None]
    assert [(s.actual, s.target, s.stated_percent) for s in found] == [
        (Decimal(9871), Decimal(3000), Decimal(329))
    ]


def test_a_percentage_the_fraction_does_not_give_is_not_joined_over_a_clause() -> None:
    text = "Năm 2041 có 9.871/3.000 lượt khách đến tham quan khu di tích bằng 300% chỉ tiêu."
    assert not [s for s in find(text) if s.target is not None and s.stated_percent is not None]
