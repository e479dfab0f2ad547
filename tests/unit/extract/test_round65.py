"""Round 65 of the extraction rules (issue 17): each with a positive and a negative case on
invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

ASSIGNED_WORK = (
    "Năm 2041, huyện Đông Lâm được giao{} trồng 420ha rừng. Đến nay, toàn huyện đã trồng "
    "được 504ha, đạt 120% kế hoạch giao."
)


def _planted(text: str) -> list[object]:
    return [s.target for s in find(text) if s.stated_percent == Decimal(120)]


def test_work_assigned_to_be_done_is_the_plan() -> None:
    assert _planted(ASSIGNED_WORK.format(" thực hiện")) == [Decimal(420)]


def test_work_done_after_the_assignment_is_no_plan() -> None:
    assert _planted(ASSIGNED_WORK.format(", đã thực hiện")) == [None]


FLOOR = (
    "Năm 2041, công ty đặt mục tiêu sản xuất 40 triệu tấn muối, muối tiêu thụ {} triệu tấn. "
    "Kết quả, hết tháng 9, công ty đã sản xuất 30 triệu tấn muối, đạt trên 75% kế hoạch năm."
)


def _salt_plan(text: str) -> list[object]:
    return [s.target for s in find(text) if s.stated_percent == Decimal(75)]


def test_a_plan_below_a_stated_floor_is_not_the_plan() -> None:
    # 30 of 42 is 71,4 %, under "trên 75%": only 40 is left
    assert _salt_plan(FLOOR.format(42)) == [Decimal("40e6")]


def test_two_plans_that_both_reach_the_floor_stay_unlinked() -> None:
    # 30 of 39 is 76,9 %: above the floor as well, so nothing tells the two apart
    assert _salt_plan(FLOOR.format(39)) == [None]


OPENING_YEAR = (
    "Năm 2040, công ty đặt kế hoạch lợi nhuận sau thuế 900 tỷ đồng.\n\n{} Riêng quý 1 lãi "
    "sau thuế đạt 400 tỷ đồng, đã hoàn thành 25% chỉ tiêu lợi nhuận được giao cho cả năm."
)


def _profit_year(text: str) -> list[tuple[object, object]]:
    return [(s.year, s.target) for s in find(text) if s.stated_percent == Decimal(25)]


def test_a_sentence_opening_with_its_year_sets_the_year_without_a_comma() -> None:
    plan = "Năm 2041 công ty đặt kế hoạch lợi nhuận sau thuế 1.600 tỷ đồng."
    assert _profit_year(OPENING_YEAR.format(plan)) == [(2041, Decimal("1600e9"))]


def test_a_year_inside_a_sentence_does_not_set_the_year() -> None:
    said = "Công ty đã trình phương án năm 2041 lên hội đồng quản trị."
    assert _profit_year(OPENING_YEAR.format(said)) == [(2040, None)]
    clause = "Doanh thu tăng mạnh, năm 2041 công ty dự kiến mở thêm 12 cửa hàng."
    assert _profit_year(OPENING_YEAR.format(clause)) == [(2040, None)]
