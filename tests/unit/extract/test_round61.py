"""Round 61 of the extraction rules (issue 17): the audit abstains where the figures cannot be
of one plan or one unit, each rule with a positive and a negative case on invented text
(never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find, target_pairs

from kpitools.extract import audit_statements

BILLION = Decimal(10) ** 9


def _verdicts(text: str, check: str) -> list[str]:
    return [r["verdict"] for r in audit_statements(find(text)).to_dicts() if r["check"] == check]


# an excess over the plan of some months and a share of the quarter's or the year's plan:
# two plans, so the two percentages need not add up
TWO_PERIODS = (
    "Sản lượng than sạch 2 tháng đầu năm 2041 ước đạt 5,36 triệu tấn, vượt 4% kế hoạch 2 tháng "
    "và bằng 66% kế hoạch quý I."
)
HALF_AND_YEAR = (
    "Sản lượng than sạch 6 tháng đầu năm 2041 ước đạt 5,36 triệu tấn, vượt 4% kế hoạch 6 "
    "tháng, bằng 47,5% kế hoạch năm."
)
ONE_PERIOD = TWO_PERIODS.replace("kế hoạch quý I", "kế hoạch 2 tháng")


def test_an_excess_and_an_attainment_of_two_periods_plans_are_not_twins() -> None:
    assert "inconsistent" not in _verdicts(TWO_PERIODS, "attainment")
    assert "inconsistent" not in _verdicts(HALF_AND_YEAR, "attainment")


def test_an_excess_and_an_attainment_of_one_period_s_plan_still_disagree() -> None:
    assert "inconsistent" in _verdicts(ONE_PERIOD, "attainment")


# numbers with a comma before three digits, one padded with a zero, beside plain amounts of
# the same scale word: decimals, as the plain amounts' size says
AMONG_PLAIN = (
    "Năm 2041, Trung tâm Viễn thông huyện đạt tổng doanh thu 382,614 tỷ đồng, đạt 104% kế "
    "hoạch; doanh thu dịch vụ số đạt 96,250 tỷ đồng, tăng 18%. Năm 2042, đơn vị phấn đấu "
    "doanh thu đạt 400 tỷ đồng."
)
FAR_FROM_PLAIN = (
    "Năm 2041, ngân hàng có tổng tài sản 382,610 tỷ đồng, tăng 9%; lợi nhuận trước thuế đạt 12 "
    "tỷ đồng, đạt 104% kế hoạch; dư nợ cho vay 215,440 tỷ đồng, tăng 7%."
)


def test_commas_among_plain_amounts_of_their_scale_are_decimal() -> None:
    actuals = {s.actual for s in find(AMONG_PLAIN, money=True)}
    assert Decimal("382.614") * BILLION in actuals
    assert Decimal("96.25") * BILLION in actuals


def test_commas_far_above_the_plain_amounts_still_group_thousands() -> None:
    actuals = {s.actual for s in find(FAR_FROM_PLAIN, money=True)}
    assert 382610 * BILLION in actuals and 215440 * BILLION in actuals


# a total written with a fraction of a unit counted whole, its part hundreds of times larger:
# a scale word lost ("triệu"), so the part is not checked against it
SCALE_LOST = (
    "Năm 2041, huyện Đông Sơn đón hơn 4,82 lượt khách, tăng 11,3% so cùng kỳ; trong đó, khách "
    "quốc tế đạt 63.000 lượt, tăng 40% so cùng kỳ."
)
PART_TOO_LARGE = SCALE_LOST.replace("hơn 4,82 lượt", "48.200 lượt")


def test_a_part_hundreds_of_times_a_fractional_total_is_unchecked() -> None:
    assert _verdicts(SCALE_LOST, "part") == ["unchecked"]


def test_a_part_larger_than_a_whole_total_is_still_flagged() -> None:
    assert _verdicts(PART_TOO_LARGE, "part") == ["inconsistent"]


# a shortfall from the plan ("kém chỉ tiêu 9"), and a gap in percentage points after a
# comparative ("thấp hơn 0,35 điểm phần trăm so với kế hoạch"): neither a result nor a plan
SHORTFALL = (
    "Năm 2041, đoàn vận động viên của tỉnh đã giành được 46 huy chương Vàng tại Đại hội 12, và "
    "chỉ còn kém chỉ tiêu đúng 9 huy chương Vàng."
)
PLAN_AFTER = SHORTFALL.replace("và chỉ còn kém chỉ tiêu đúng 9", "so với chỉ tiêu 55")
POINTS_GAP = (
    "Năm 2041, tỷ lệ hộ nghèo của huyện giảm xuống 3,48%, thấp hơn 0,35 điểm phần trăm so với "
    "kế hoạch và 1,12 điểm phần trăm so với năm 2040."
)
POINTS_FALL = (
    "Năm 2041, tỷ lệ hộ nghèo của huyện giảm 1,2 điểm phần trăm, đạt kế hoạch 1 điểm phần trăm."
)


def test_a_shortfall_from_the_plan_is_no_plan() -> None:
    assert not any(t == 9 for _, t in target_pairs(SHORTFALL))


def test_the_plan_compared_with_is_still_the_plan() -> None:
    assert (46, 55) in target_pairs(PLAN_AFTER)


def test_a_gap_in_points_after_a_comparative_is_no_result_nor_plan() -> None:
    assert not target_pairs(POINTS_GAP)


def test_a_fall_in_points_against_its_plan_is_still_read() -> None:
    assert (Decimal("1.2"), 1) in target_pairs(POINTS_FALL)


# events of a games taken part in, of all ("thi đấu 12/30 môn"): a coverage, no result
EVENTS = (
    "Tại Đại hội thể thao khu vực năm 2041, đoàn của tỉnh thi đấu 12/30 môn thể thao, 85/260 "
    "nội dung với mục tiêu giành 4-6 huy chương Vàng."
)
MEMBERS = "Năm 2041, chi bộ thôn Đông kết nạp 12/15 đảng viên."


def test_events_taken_part_in_of_all_are_a_coverage() -> None:
    assert {s.stated_kind for s in find(EVENTS) if s.actual in (12, 85)} == {"coverage"}


def test_members_admitted_of_a_plan_stay_a_result_against_it() -> None:
    assert (12, 15) in target_pairs(MEMBERS)


# the population a share is of, in brackets after it: no result of the plans after it
SHARE_BASE = (
    "Năm 2041, tỷ lệ bao phủ bảo hiểm y tế chiếm 91,4% (dân số 612.300 người), đạt 100% kế "
    "hoạch tỉnh giao."
)
COUNT_BRACKET = (
    "Năm 2041, số người tham gia bảo hiểm y tế là 559.700 người, đạt 100% kế hoạch tỉnh giao."
)


def test_a_share_s_population_in_brackets_is_no_result() -> None:
    assert all(s.actual != 612300 for s in find(SHARE_BASE))


def test_a_count_before_its_plan_s_percentage_is_still_the_result() -> None:
    assert any(s.actual == 559700 and s.stated == "100%" for s in find(COUNT_BRACKET))


# a change per unit since a past year ("tăng 4 triệu/ha so với năm 2040") between the result
# and its plan's percentage: the percentage is the result's
PER_HA = (
    "Năm 2041, giá trị sản phẩm bình quân trên 1 ha đất trồng trọt đạt 131 triệu đồng, tăng 4 "
    "triệu/ha so với năm 2040, đạt 100% kế hoạch."
)
PER_HA_ALONE = (
    "Năm 2041, giá trị sản phẩm bình quân trên 1 ha đất trồng trọt tăng 4 triệu/ha, đạt 100% kế "
    "hoạch."
)


def test_a_change_per_unit_since_a_past_year_is_passed_over() -> None:
    (s,) = [s for s in find(PER_HA, money=True) if s.stated == "100%"]
    assert s.actual == 131 * 10**6


def test_a_change_per_unit_with_no_base_is_still_the_result() -> None:
    (s,) = [s for s in find(PER_HA_ALONE, money=True) if s.stated == "100%"]
    assert s.actual == 4


# the plan in brackets after its percentage, its word written again with a colon
# round 104: 31,55 to 31,65 nghìn tấn give an excess of 5,2 to 5,5 %, never 5,7
PLAN_COLON = (
    "Năm 2041, sản lượng lương thực ước đạt 31,6 nghìn tấn, vượt 5,7 % kế hoạch (Kế hoạch: 30 "
    "nghìn tấn)."
)
PLAN_COLON_FAR = PLAN_COLON.replace("30 nghìn", "20 nghìn")


def test_a_plan_named_again_in_brackets_is_the_percentage_s_plan() -> None:
    (s,) = [s for s in find(PLAN_COLON) if s.stated_kind == "excess"]
    assert (s.actual, s.target, s.verdict) == (31600, 30000, "inconsistent")


def test_a_plan_in_brackets_far_from_the_percentage_stays_apart() -> None:
    (s,) = [s for s in find(PLAN_COLON_FAR) if s.stated_kind == "excess"]
    assert s.target is None


# the figure compared with, named as assigned after its noun ("so với 57,9 tấn giao"): the plan
COMPARED_ASSIGNED = "Năm 2041, nông trường khai thác được 72,38 tấn so với 57,9 tấn giao, đạt 125%."
COMPARED_PAST = "Năm 2041, nông trường khai thác được 72,38 tấn so với 57,9 tấn năm 2040, tăng 25%."


def test_a_figure_compared_with_and_said_assigned_is_the_plan() -> None:
    assert (Decimal("72.38"), Decimal("57.9")) in target_pairs(COMPARED_ASSIGNED)


def test_a_figure_compared_with_of_a_past_year_is_no_plan() -> None:
    assert not target_pairs(COMPARED_PAST)


# a later result of the same thing, its percentage of a plan: the plan of the result before
LATER_RESULT = (
    "Năm 2041, đến ngày 20/11 nông trường đã khai thác 7.510/7.480 tấn mủ được giao. Dự kiến "
    "cả năm nông trường sẽ khai thác 8.040 tấn, đạt 107,5% kế hoạch."
)
LATER_UNFIT = LATER_RESULT.replace("107,5%", "112%")


def test_a_later_result_takes_the_plan_of_the_result_before() -> None:
    assert (8040, 7480) in target_pairs(LATER_RESULT)


def test_a_later_result_the_plan_does_not_fit_stays_alone() -> None:
    assert all(a != 8040 for a, _ in target_pairs(LATER_UNFIT))
