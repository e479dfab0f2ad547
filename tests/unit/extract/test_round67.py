"""Round 67 of the extraction rules (issue 17): indicator tables written a row a line, and
more, each with a positive and a negative case on invented text (never the evaluation set's
figures or sentences)."""

from __future__ import annotations

from reading import find

ROW_A_LINE = (
    "Tình hình cấp nước năm 2041.\n"
    "Chỉ tiêu\nThực hiện\nNăm\n2040\nNăm 2041\nKế\nhoạch\n \nƯớc TH\n \n"
    "6 tháng So cùng kỳ (%)\n"
    "I. Số hộ được cấp nước sạch (hộ) 1.250 1.400 820 104,3\n"
    "Số giếng khoan mới (giếng) 36 40 22 95,0\n"
    "Thời gian chờ bình quân (ngày/hộ) 2,5 2,0 2,2 90,1\n"
)
TWO_PLANS = (
    "Chỉ tiêu\nKế hoạch năm 2040\nKế hoạch năm 2041\nƯớc TH\n"
    "Số hộ được cấp nước sạch (hộ) 1.250 1.400 820\n"
)
SHORT_ROW = "Chỉ tiêu\nKế hoạch\nƯớc TH\nTỷ lệ (%)\nSố giếng khoan mới (giếng) 40 22\n"
WITH_PERCENT = "Chỉ tiêu\nKế hoạch\nƯớc TH\nTỷ lệ (%)\nSố giếng khoan mới (giếng) 40 22 55\n"


def test_a_row_a_line_gives_its_plan_and_the_result_after_it() -> None:
    found = sorted((s.actual, s.target) for s in find(ROW_A_LINE) if s.target is not None)
    assert found == [(22, 40), (820, 1400)]  # the rate of two (days per household) left out
    assert {s.year for s in find(ROW_A_LINE) if s.target is not None} == {2041}


def test_a_row_a_line_checks_the_plans_percentage() -> None:
    (s,) = find(WITH_PERCENT)
    assert (s.actual, s.target, s.stated_percent, s.verdict) == (22, 40, 55, "consistent")


def test_a_header_of_two_plans_or_a_row_of_fewer_figures_is_not_read() -> None:
    assert not [s for s in find(TWO_PLANS) if s.target is not None]
    assert not [s for s in find(SHORT_ROW) if s.target is not None]
