"""Round 79 of the extraction rules (issue 17): patterns behind the misses and wrong claims of
the batches scored once in session 24, each with a positive and a negative case on invented
text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import polars as pl
from reading import find

from kpitools.extract import audit_statements, statements_frame

PLANS_NAMED_IN_ORDER = (
    "Lũy kế 6 tháng năm 2041, công ty ghi nhận doanh thu đạt 1.150 tỷ đồng và LNST đạt 61 tỷ "
    "đồng, hoàn thành 48% kế hoạch doanh thu và 47% kế hoạch lợi nhuận cả năm."
)
PLANS_NAMED_OUT_OF_ORDER = (
    "Lũy kế 6 tháng năm 2041, công ty ghi nhận doanh thu đạt 1.150 tỷ đồng và lợi nhuận đạt 61 "
    "tỷ đồng, hoàn thành 48% kế hoạch lợi nhuận và 47% kế hoạch doanh thu cả năm."
)


def _attainments(text: str) -> list[tuple[Decimal | None, Decimal | None]]:
    return [
        (s.actual, s.stated_percent)
        for s in find(text)
        if s.stated_kind in ("attainment", "excess")
    ]


def test_two_percentages_naming_the_plans_of_two_amounts_in_order() -> None:
    assert _attainments(PLANS_NAMED_IN_ORDER) == [
        (Decimal("1150000000000"), Decimal("48")),
        (Decimal("61000000000"), Decimal("47")),
    ]


def test_two_percentages_naming_the_plans_out_of_order_take_no_respective_run() -> None:
    assert (Decimal("1150000000000"), Decimal("47")) not in _attainments(PLANS_NAMED_OUT_OF_ORDER)
    assert (Decimal("1150000000000"), Decimal("48")) not in _attainments(PLANS_NAMED_OUT_OF_ORDER)


YEAR_PLAN = "Công ty đặt mục tiêu năm 2041 có doanh thu 3.100 tỷ đồng. "


def _pairs(text: str) -> list[tuple[Decimal | None, Decimal | None]]:
    return [(s.actual, s.target) for s in find(text) if s.actual is not None]


def test_a_months_amount_in_dollars_is_set_against_the_plan_by_its_dong_equal() -> None:
    for written in ("12,5 triệu USD, tương đương 290 tỷ đồng.", "12,5 triệu USD (290 tỷ đồng)."):
        found = _pairs(YEAR_PLAN + "Doanh thu tháng 6 của công ty xấp xỉ " + written)
        assert found == [(Decimal("290000000000"), Decimal("3100000000000"))]


def test_a_months_amount_in_dollars_alone_is_not_set_against_a_plan_in_dong() -> None:
    assert _pairs(YEAR_PLAN + "Doanh thu tháng 6 của công ty xấp xỉ 12,5 triệu USD.") == []


LISTED_RESULTS = (
    "Năm 2041, kết quả của Tổng công ty: doanh thu 1.400 tỷ đồng, đạt 80% kế hoạch năm; nộp "
    "ngân sách 42 tỷ đồng, đạt 101% kế hoạch năm. Trong đó, Công ty mẹ "
)


def _part_verdicts(text: str) -> list[str]:
    rows = audit_statements(statements_frame(find(text)))
    return rows.filter(pl.col("check") == "part")["verdict"].to_list()


def test_a_part_naming_a_measure_listed_before_its_total_is_no_part_of_it() -> None:
    assert _part_verdicts(LISTED_RESULTS + "doanh thu 960 tỷ đồng, đạt 78% kế hoạch năm.") == []


def test_a_part_of_the_last_items_measure_is_still_checked_against_it() -> None:
    text = LISTED_RESULTS + "nộp ngân sách 46 tỷ đồng, đạt 78% kế hoạch năm."
    assert _part_verdicts(text) == ["inconsistent"]


EXCESS_IN_TONNES = (
    "Năm 2041, công ty khai thác 18.400 tấn mủ, vượt 1.400 tấn so với chỉ tiêu kế hoạch, "
)


def _excesses(text: str) -> list[tuple[Decimal | None, Decimal | None]]:
    return [(s.actual, s.target) for s in find(text) if s.stated_kind == "excess"]


def test_an_excess_in_tonnes_and_a_fitting_percent_give_the_plan() -> None:
    found = _excesses(EXCESS_IN_TONNES + "vượt khoảng 8% kế hoạch Tổng công ty giao.")
    assert found == [(Decimal("18400"), Decimal("17000"))]


def test_an_excess_in_tonnes_and_a_percent_that_does_not_fit_give_no_plan() -> None:
    assert _excesses(EXCESS_IN_TONNES + "vượt 12% kế hoạch.") == [(Decimal("18400"), None)]


LATER_RESULT = (
    "Năm 2041, công ty khai thác 18.400 tấn mủ, đạt 115% kế hoạch (16.000 tấn). Tính đến "
    "ngày 30/11, công ty đã khai thác 16.020 tấn mủ, đạt {} kế hoạch năm."
)


def test_a_later_result_takes_the_plan_its_percent_rounds_to() -> None:
    assert (Decimal("16020"), Decimal("16000")) in _pairs(LATER_RESULT.format("100%"))


def test_a_later_result_does_not_take_a_plan_its_percent_is_raised_from() -> None:
    assert (Decimal("16020"), Decimal("16000")) not in _pairs(LATER_RESULT.format("101%"))


SOLD = "Năm 2041, cả nước tiêu thụ xi măng 10 tháng khoảng 72,5 triệu tấn, tăng 8% so với cùng kỳ"


def test_a_range_after_the_plan_a_percentage_names_is_that_plans() -> None:
    text = SOLD + " và đạt 100% kế hoạch tiêu thụ từ 71-73 triệu tấn của cả năm."
    assert (Decimal("72500000"), (Decimal("71000000"), Decimal("73000000"))) in _pairs(text)


def test_a_range_of_a_change_after_a_bare_plan_is_no_plan() -> None:
    text = "Năm 2041, xã có 72 hộ thoát nghèo, đạt 100% kế hoạch, tăng 10-12 hộ so với năm 2040."
    assert [t for _, t in _pairs(text)] == [None]


QUARTER_PROFIT = (
    "Theo đó, doanh thu quý 2/2041 của công ty đạt 210 tỷ đồng, tăng 9% so với cùng kỳ. {} "
    "của công ty đạt mức 34 tỷ đồng, tăng 18% so với cùng kỳ năm trước. Năm 2041, công ty đặt "
    "kế hoạch doanh thu 900 tỷ đồng và thu về 52 tỷ đồng LNST."
)


def test_a_quarters_profit_after_tax_is_set_against_the_years_plan() -> None:
    found = _pairs(QUARTER_PROFIT.format("Lợi nhuận sau thuế"))
    assert (Decimal("34000000000"), Decimal("52000000000")) in found


def test_a_quarters_gross_profit_is_not_set_against_the_profit_plan() -> None:
    found = _pairs(QUARTER_PROFIT.format("Lợi nhuận gộp"))
    assert (Decimal("34000000000"), Decimal("52000000000")) not in found
    assert (Decimal("210000000000"), Decimal("900000000000")) in found


HALF_YEAR = (
    "{}, Công ty Hòa Lạc ghi nhận doanh thu thuần đạt 3.200 tỉ đồng, tăng trưởng 6,5% so với "
    "cùng kỳ. Doanh thu ngành hàng phụ kiện là 410 tỉ đồng, tăng trưởng 12% so với cùng kỳ.\n\n"
    "Năm 2041, Công ty Hòa Lạc đặt kế hoạch doanh thu 7.100 tỉ đồng."
)


def test_the_end_of_a_month_with_its_year_after_a_dot_dates_the_result() -> None:
    found = find(HALF_YEAR.format("Kết thúc tháng 6.2041"))
    assert {s.as_of for s in found if s.actual is not None} == {dt.date(2041, 6, 30)}
    assert (Decimal("3200000000000"), Decimal("7100000000000")) in _pairs(
        HALF_YEAR.format("Kết thúc tháng 6.2041")
    )


def test_a_line_of_goods_amount_is_not_set_against_the_companys_plan() -> None:
    found = _pairs(HALF_YEAR.format("Kết thúc tháng 6.2041"))
    assert (Decimal("410000000000"), Decimal("7100000000000")) not in found


ELEVEN_MONTHS = (
    "Lũy kế tổng doanh thu tính đến hết tháng 11/2041 là 2.310,4 tỷ đồng, giảm 3,1% so với 11 "
    "tháng của {} và bằng 81,5% so với kế hoạch năm."
)


def test_a_plans_percentage_after_a_fall_from_the_months_of_a_past_year_is_the_amounts() -> None:
    found = _attainments(ELEVEN_MONTHS.format("năm 2040"))
    assert found == [(Decimal("2310400000000"), Decimal("81.5"))]


def test_a_plans_percentage_after_a_comparison_with_another_body_is_not_joined() -> None:
    assert _attainments(ELEVEN_MONTHS.format("Công ty Hòa Lạc")) == [(None, Decimal("81.5"))]
