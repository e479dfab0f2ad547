"""Round 60 of the extraction rules (issue 17): percentages of a plan in the sentence of
their amount, in company results written with signed changes (``+34% YoY``), each rule with
a positive and a negative case on invented text (never the evaluation set's figures or
sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find, read_money

from kpitools.extract import audit_statements
from kpitools.extract.text import prepare

BILLION = Decimal(10) ** 9


# a signed change in brackets, its base named after it: the amount's growth, and the plan's
# percentage after it is the amount's
SIGNED_YOY = (
    "Lũy kế 9 tháng năm 2041, lợi nhuận sau thuế của công ty đạt 512 tỷ đồng (+34% YoY), "
    "hoàn thành 83% kế hoạch năm."
)
SIGNED_FALL = (
    "Lũy kế 9 tháng năm 2041, lợi nhuận sau thuế của công ty đạt 512 tỷ đồng (- 3,6% so với "
    "cùng kỳ), hoàn thành 83% kế hoạch năm."
)
SIGNED_BARE = (
    "Lũy kế 9 tháng năm 2041, lợi nhuận sau thuế của công ty đạt 512 tỷ đồng (+34%), hoàn "
    "thành 83% kế hoạch năm."
)


def test_a_signed_change_named_year_on_year_is_the_amount_s_growth() -> None:
    read = read_money(SIGNED_YOY)
    assert (512 * BILLION, None, "34%", "growth") in read
    assert (512 * BILLION, None, "83%", "attainment") in read


def test_a_signed_fall_against_last_year_is_a_fall() -> None:
    (fall,) = [s for s in find(SIGNED_FALL, money=True) if s.stated_kind == "growth"]
    assert fall.actual == 512 * BILLION and fall.stated_percent == Decimal("-3.6")


def test_a_bare_signed_change_stays_unread() -> None:
    assert all(a != 512 * BILLION for a, *_ in read_money(SIGNED_BARE))


# commas before three digits in a text that writes its percentages' decimals with points
POINT_DECIMALS = (
    "Năm 2041, ngân hàng báo lãi quý 4 đạt 3,482 tỷ đồng, tăng 16.3% so với cùng kỳ; lũy kế cả "
    "năm đạt 12,617 tỷ đồng, hoàn thành 93% kế hoạch."
)
COMMA_DECIMALS = POINT_DECIMALS.replace("16.3", "16,3")


def test_commas_group_thousands_where_percentages_have_decimal_points() -> None:
    assert (12617 * BILLION, None, "93%", "attainment") in read_money(POINT_DECIMALS)


def test_commas_stay_decimal_where_percentages_have_decimal_commas() -> None:
    assert (Decimal("12.617") * BILLION, None, "93%", "attainment") in read_money(COMMA_DECIMALS)


# "LNST", "LNTT", "DTT": the measure's abbreviations name it as its words do
LATER_ABBREVIATED = (
    "Quý 3/2041, lợi nhuận sau thuế đạt 760 tỷ đồng, tăng 4% so với cùng kỳ.\n"
    "Lũy kế 9 tháng, doanh thu đạt 30 nghìn tỷ đồng và LNST đạt 2.450 tỷ đồng. Công ty đã "
    "hoàn thành 71% kế hoạch lợi nhuận năm."
)
LATER_OTHER_MEASURE = LATER_ABBREVIATED.replace("LNST", "DTT")


def test_a_later_amount_named_by_an_abbreviation_meets_the_plan() -> None:
    assert (2450 * BILLION, None, "71%", "attainment") in read_money(LATER_ABBREVIATED)


def test_a_later_amount_of_another_measure_does_not() -> None:
    assert all(a != 2450 * BILLION for a, *_ in read_money(LATER_OTHER_MEASURE))


# a core figure after "trong đó" is another measure of the whole, not a part of it
CORE_AFTER_WHOLE = (
    "Năm 2041, công ty đạt 1.750 tỷ đồng lợi nhuận sau thuế, vượt 41% kế hoạch năm, trong đó "
    "lợi nhuận cốt lõi đạt 2.050 tỷ đồng."
)
PART_AFTER_WHOLE = CORE_AFTER_WHOLE.replace("cốt lõi", "mảng điện")


def _flagged(text: str) -> list[str]:
    rows = audit_statements(find(text, money=True)).to_dicts()
    return [r["check"] for r in rows if r["verdict"] in ("inconsistent", "truncated")]


def test_a_core_figure_larger_than_the_whole_is_no_part() -> None:
    assert _flagged(CORE_AFTER_WHOLE) == []


def test_a_part_larger_than_the_whole_is_still_flagged() -> None:
    assert _flagged(PART_AFTER_WHOLE) != []


# an analyst's forecast: no result
ANALYST_FORECAST = (
    "XYZS dự phóng năm 2041 lợi nhuận trước thuế của công ty đạt 1.210 tỷ đồng, bằng 110% kế "
    "hoạch năm."
)
OWN_FORECAST = (
    "Dự báo cả năm 2041, thu ngân sách của tỉnh đạt 1.210 tỷ đồng, bằng 110% dự toán năm."
)


def test_an_analyst_s_forecast_states_no_result() -> None:
    assert read_money(ANALYST_FORECAST) == []


def test_a_forecast_with_no_forecaster_named_keeps_its_reading() -> None:
    assert (1210 * BILLION, None, "110%", "attainment") in read_money(OWN_FORECAST)


# "đạt X% và tăng Y%" with no plan word, after items said the same way of a plan
PARALLEL_ITEMS = (
    "Năm 2041, tổng thu ngân sách trên địa bàn đạt 410 nghìn tỷ đồng, đạt 66,2% dự toán năm và "
    "tăng 14,7% so với cùng kỳ. Trong đó, thu nội địa 388 nghìn tỷ đồng, đạt 67,1% và tăng "
    "15,2%; thu từ dầu thô 1,7 nghìn tỷ đồng, đạt 24,6% và tăng 6,3%.\n"
    "Một số khoản thu: thuế thu nhập cá nhân 31 nghìn tỷ đồng, đạt 52,4% và tăng 21,3%; thu "
    "phí và lệ phí 8,4 nghìn tỷ đồng, đạt 36,7% và giảm 1,2%."
)
PARALLEL_ALONE = "Năm 2041, thu phí và lệ phí 8,4 nghìn tỷ đồng, đạt 36,7% và giảm 1,2%."


def test_a_bare_percentage_said_as_the_plan_s_before_is_its_attainment() -> None:
    read = read_money(PARALLEL_ITEMS)
    assert (31 * BILLION * 1000, None, "52,4%", "attainment") in read
    assert (Decimal("8.4") * BILLION * 1000, None, "36,7%", "attainment") in read


def test_a_bare_percentage_with_no_plan_before_stays_unread() -> None:
    assert all(kind != "attainment" for *_, kind in read_money(PARALLEL_ALONE))


# two amounts, each with its change in brackets, then their attainments said respectively
RESPECTIVE_PAST_CHANGES = (
    "Lũy kế 9 tháng năm 2041, doanh thu và lợi nhuận sau thuế đạt 4.120 tỷ đồng (+13% so với "
    "cùng kỳ năm trước) và 512 tỷ đồng (+ 34% so với cùng kỳ năm trước), lần lượt hoàn thành "
    "71% và 81% kế hoạch năm."
)
NAMED_RESPECTIVE = (
    "Lũy kế 9 tháng năm 2041, doanh thu đạt 4.120 tỷ đồng (+13% YoY) và lợi nhuận sau thuế "
    "512 tỷ đồng (+34% YoY), hoàn thành 71% và 81% kế hoạch năm."
)
NOT_RESPECTIVE = (
    "Lũy kế 9 tháng năm 2041, doanh thu đạt 4.120 tỷ đồng (+13% YoY) và doanh thu dịch vụ "
    "512 tỷ đồng (+34% YoY), hoàn thành 71% và 81% kế hoạch năm."
)


def test_respective_attainments_past_changes_with_their_base() -> None:
    read = read_money(RESPECTIVE_PAST_CHANGES)
    assert (4120 * BILLION, None, "71%", "attainment") in read
    assert (512 * BILLION, None, "81%", "attainment") in read
    assert (512 * BILLION, None, "34%", "growth") in read


def test_no_respective_reading_without_lan_luot() -> None:
    # since round 141 two sums each named by a measure never the other's plan (revenue,
    # profit) take their attainments in order with no "lần lượt" (test_round141.py); two
    # sums of one measure still take none
    assert all(kind != "attainment" for *_, kind in read_money(NOT_RESPECTIVE))
    attained = [(a, s) for a, _, s, kind in read_money(NAMED_RESPECTIVE) if kind == "attainment"]
    assert attained == [(4_120 * 10**9, "71%"), (512 * 10**9, "81%")]


# a change since a past time between the amount and "và đạt/hoàn thành X% kế hoạch"
CHANGE_THEN_PLAN = (
    "Năm 2041, lợi nhuận trước thuế đạt 512 tỷ đồng, tăng 41 tỷ đồng so với năm 2040 và hoàn "
    "thành 104% kế hoạch."
)
CHANGE_THEN_SHARE = (
    "Năm 2041, lợi nhuận trước thuế đạt 512 tỷ đồng, tăng 41 tỷ đồng so với năm 2040 và chiếm "
    "14% tổng lợi nhuận toàn ngành."
)
GROWTH_BASE_THEN_PLAN = (
    "Năm 2041, giá trị sản xuất công nghiệp ước đạt 4.512 tỷ đồng, tăng 11,4% so với thực hiện "
    "năm 2040 và đạt 97,3% kế hoạch."
)
GROWTH_OTHER_BASE = GROWTH_BASE_THEN_PLAN.replace("thực hiện năm 2040", "mức bình quân của vùng")


def test_a_plan_s_percentage_after_a_change_since_a_past_time_and_va() -> None:
    assert (512 * BILLION, None, "104%", "attainment") in read_money(CHANGE_THEN_PLAN)


def test_a_share_after_a_change_since_a_past_time_is_not_the_amount_s() -> None:
    assert all(a != 512 * BILLION for a, *_ in read_money(CHANGE_THEN_SHARE))


def test_a_plan_s_percentage_after_a_growth_and_its_past_base() -> None:
    assert (4512 * BILLION, None, "97,3%", "attainment") in read_money(GROWTH_BASE_THEN_PLAN)


def test_a_growth_against_no_past_time_keeps_the_plan_apart() -> None:
    assert (4512 * BILLION, None, "97,3%", "attainment") not in read_money(GROWTH_OTHER_BASE)


# "9 tháng 31,4 tỷ đồng": a duration, then the amount (no month 31)
DURATION_THEN_AMOUNT = "Năm 2041, tổng thu ngân sách 9 tháng 31,4 tỷ đồng, đạt 76,2% kế hoạch."
MONTH_WITH_YEAR = "Từ tháng 7.2041 đến nay, xã kết nạp 12 đảng viên, đạt 80% kế hoạch."


def test_an_amount_after_a_duration_in_months_is_read() -> None:
    read = read_money(DURATION_THEN_AMOUNT)
    assert (Decimal("31.4") * BILLION, None, "76,2%", "attainment") in read


def test_a_month_and_its_year_after_a_point_stay_a_date() -> None:
    assert read_money(MONTH_WITH_YEAR) == [(Decimal(12), None, "80%", "attainment")]


# a full stop glued between a year and the next sentence's first word
GLUED_AFTER_YEAR = (
    "Xã phấn đấu đạt chuẩn nông thôn mới trong năm 2041.Thu ngân sách trên địa bàn đạt trên "
    "268 tỷ đồng, đạt trên 67% dự toán tỉnh giao."
)
GLUED_AFTER_CODE = "Hồ sơ được lưu theo mã số 62041.Thu ngân sách trên địa bàn đạt 268 tỷ đồng."


def test_a_stop_glued_after_a_year_ends_the_sentence() -> None:
    assert len(prepare(GLUED_AFTER_YEAR).sentences) == 2
    assert (268 * BILLION, None, "67%", "attainment") in read_money(GLUED_AFTER_YEAR)


def test_a_stop_glued_after_a_longer_number_does_not() -> None:
    assert len(prepare(GLUED_AFTER_CODE).sentences) == 1
