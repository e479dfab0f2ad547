"""Round 67 of the extraction rules (issue 17): indicator tables written a row a line, and
more, each with a positive and a negative case on invented text (never the evaluation set's
figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

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


AIM_NAMED_BY_KIND = (
    "Đến hết tháng 9, tỉnh Bắc Hà đã đón gần 52 nghìn lượt khách, đạt trên 65% kế hoạch năm. "
    "Các lễ hội được tổ chức chu đáo.\n\nNgành du lịch tỉnh phấn đấu trong năm 2041, đón trên "
    "78 nghìn lượt khách du lịch, với doanh thu đạt trên 135 tỷ đồng."
)


def test_a_plan_no_statement_reads_is_linked_to_a_result_of_a_named_unit() -> None:
    (s,) = find(AIM_NAMED_BY_KIND)
    assert (s.actual, s.target) == (52000, 78000)


def test_a_plan_of_another_named_unit_is_not_linked() -> None:
    (s,) = find(AIM_NAMED_BY_KIND.replace("du lịch tỉnh", "du lịch tỉnh Nam Hà"))
    assert s.target is None


KIND_NAMED_BACK = (
    "Theo kế hoạch, năm 2041, thị xã Bình Lâm sẽ bố trí khoảng 310 tỷ đồng đầu tư xây dựng "
    "các công trình, gồm đường liên xã Tân Hòa - Tân Mỹ và trường học xã Tân Phú. Đến nay, "
    "thị xã đã giải ngân được 62 tỷ đồng, đạt 20% kế hoạch."
)


def test_a_result_naming_the_plans_unit_back_by_its_kind_takes_the_plan() -> None:
    (s,) = find(KIND_NAMED_BACK)
    assert (s.actual, s.target) == (62 * 10**9, 310 * 10**9)


def test_a_result_naming_another_kind_does_not_take_the_plan() -> None:
    (s,) = find(KIND_NAMED_BACK.replace("Đến nay, thị xã đã", "Đến nay, huyện đã"))
    assert s.target is None


YEAR_ESTIMATE_AFTER_OWN = (
    "Năm 2041, trồng rừng tập trung được 1.820 ha, đạt 91% kế hoạch năm, ước cả năm đạt "
    "100% kế hoạch."
)


def test_the_years_estimate_after_a_results_own_percentage_is_not_the_results() -> None:
    found = [(s.actual, s.stated) for s in find(YEAR_ESTIMATE_AFTER_OWN)]
    assert (1820, "91%") in found and (1820, "100%") not in found


def test_the_years_percentage_with_no_percentage_before_it_stays_the_results() -> None:
    text = "Năm 2041, trồng rừng tập trung được 1.820 ha, ước cả năm đạt 100% kế hoạch."
    assert [(s.actual, s.stated) for s in find(text)] == [(1820, "100%")]


QUOTA_PER_MACHINE = (
    "Giám đốc Sở đã giao chỉ tiêu cho các đơn vị phải đạt tiến độ 200 hồ sơ/máy/ngày, hiện "
    "mỗi đơn vị có 3 máy nên phải đạt chỉ tiêu 600 hồ sơ."
)


def test_an_amount_per_something_is_not_paired_with_a_plan_of_no_such_rate() -> None:
    assert not [s for s in find(QUOTA_PER_MACHINE) if s.actual == 200 and s.target == 600]


def test_rates_per_the_same_and_a_plan_after_a_slash_stay_paired() -> None:
    (s,) = find("Năm 2041, năng suất lúa đạt 6,2 tấn/ha, kế hoạch 6 tấn/ha.")
    assert (s.actual, s.target) == (Decimal("6.2"), 6)
    text = "Năm 2041 diện tích gieo trồng ước đạt 5.020 ha/KH 4.900 ha, đạt 102,4% kế hoạch."
    (s,) = find(text)
    assert (s.actual, s.target) == (5020, 4900)


LISTED_AIM = (
    "Đến hết tháng 9, tỉnh Bắc Hà đạt doanh thu du lịch 82 tỷ đồng, đạt 61% kế hoạch. Năm "
    "2041, ngành du lịch tỉnh phấn đấu đón trên 78 nghìn lượt khách du lịch, với doanh thu "
    "đạt trên 135 tỷ đồng."
)


def test_a_later_item_of_an_aims_list_is_a_plan() -> None:
    (s,) = [s for s in find(LISTED_AIM) if s.actual is not None]
    assert (s.actual, s.target) == (82 * 10**9, 135 * 10**9)


def test_an_item_after_a_result_in_an_aims_sentence_is_no_plan() -> None:
    text = LISTED_AIM.replace("phấn đấu đón", "phấn đấu tăng trưởng khá, đã đón")
    (s,) = [s for s in find(text) if s.actual is not None]
    assert s.target is None


PEOPLE_LIST = (
    "Năm 2041 tỷ lệ bao phủ đạt 91,2% dân số. Có 5 tỉnh vượt kế hoạch, trong đó: tỉnh A với "
    "517,215 người, đạt 101.4% kế hoạch; tỉnh B là 1.417,981, đạt 102.3% kế hoạch; tỉnh C là "
    "1,388,505 người đạt 101.1% kế hoạch."
)


def test_a_bare_figure_between_counts_of_people_grouped_by_commas_is_whole() -> None:
    assert 1417981 in [s.actual for s in find(PEOPLE_LIST)]


def test_a_bare_figure_after_the_last_count_of_people_keeps_its_decimal_comma() -> None:
    text = PEOPLE_LIST[: PEOPLE_LIST.index("; tỉnh C")] + "."
    assert Decimal("1417.981") in [s.actual for s in find(text)]
