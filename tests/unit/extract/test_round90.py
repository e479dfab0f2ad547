"""Round 90 of the extraction rules (issue 17): each rule with a positive and a negative case
on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from reading import find

MONTH_PLAN = (
    "Tháng 2 năm 2041, Tổng công ty Gốm An Phú cho biết đã sản xuất vượt mức với 7.315 tấn "
    "gạch (bằng 103% kế hoạch tháng, 108% so với cùng kỳ). Năm 2041 khối sản xuất phía bắc "
    "có mục tiêu sản xuất là 88.000 tấn gạch và 40.000 tấn men."
)


def test_a_percentage_of_a_months_plan_takes_no_years_amount() -> None:
    (s,) = [s for s in find(MONTH_PLAN) if s.stated_kind == "attainment"]
    assert s.actual == 7315 and s.target is None


def test_a_percentage_of_the_years_plan_still_takes_it() -> None:
    text = MONTH_PLAN.replace("kế hoạch tháng", "kế hoạch năm")
    (s,) = [s for s in find(text) if s.stated_kind == "attainment"]
    assert s.actual == 7315 and s.target == 88000
