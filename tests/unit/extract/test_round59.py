"""Round 59 of the extraction rules (issue 17): a rule for the wrong claims left, with a
positive and a negative case on invented text (never the evaluation set's figures or
sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import read_money

# a list item's bare percentage under 100, then "vượt chỉ tiêu": not the plan's attainment
BELOW_YET_PAST = (
    "Công tác khuyến nông đạt 104,2% so với chỉ tiêu nghị quyết huyện giao; số hộ được tập "
    "huấn là 2.374 hộ (đạt 41,85%), vượt chỉ tiêu. Năm 2041 tiếp tục triển khai."
)
OVER_AND_PAST = (
    "Công tác khuyến nông đạt 104,2% so với chỉ tiêu nghị quyết huyện giao; số hộ được tập "
    "huấn là 2.374 hộ (đạt 118,5%), vượt chỉ tiêu. Năm 2041 tiếp tục triển khai."
)


def test_a_bare_percentage_under_100_before_vuot_chi_tieu_is_not_the_plan_s() -> None:
    assert all(a != Decimal(2374) for a, *_ in read_money(BELOW_YET_PAST))


def test_a_bare_percentage_over_100_before_vuot_chi_tieu_stays_the_plan_s() -> None:
    assert (Decimal(2374), None, "118,5%", "attainment") in read_money(OVER_AND_PAST)
