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
    "Sau 6 tháng năm 2041, hợp tác xã có doanh thu 870 tỷ đồng và lợi nhuận sau thuế 44 tỷ "
    "đồng, bằng 52% kế hoạch doanh thu và 49% kế hoạch lợi nhuận năm."
)
PLANS_NAMED_OUT_OF_ORDER = (
    "Sau 6 tháng năm 2041, hợp tác xã có doanh thu 870 tỷ đồng và lợi nhuận 44 tỷ đồng, bằng "
    "52% kế hoạch lợi nhuận và 49% kế hoạch doanh thu năm."
)


def _attainments(text: str) -> list[tuple[Decimal | None, Decimal | None]]:
    return [
        (s.actual, s.stated_percent)
        for s in find(text)
        if s.stated_kind in ("attainment", "excess")
    ]


def test_two_percentages_naming_the_plans_of_two_amounts_in_order() -> None:
    assert _attainments(PLANS_NAMED_IN_ORDER) == [
        (Decimal("870000000000"), Decimal("52")),
        (Decimal("44000000000"), Decimal("49")),
    ]


def test_two_percentages_naming_the_plans_out_of_order_take_no_respective_run() -> None:
    assert (Decimal("870000000000"), Decimal("49")) not in _attainments(PLANS_NAMED_OUT_OF_ORDER)
    assert (Decimal("870000000000"), Decimal("52")) not in _attainments(PLANS_NAMED_OUT_OF_ORDER)


YEAR_PLAN = "Năm 2041, tập đoàn đặt kế hoạch doanh thu 1.800 tỷ đồng. "


def _pairs(text: str) -> list[tuple[Decimal | None, Decimal | None]]:
    return [(s.actual, s.target) for s in find(text) if s.actual is not None]


def test_a_months_amount_in_dollars_is_set_against_the_plan_by_its_dong_equal() -> None:
    for written in ("3,4 triệu USD, tương đương 82 tỷ đồng.", "3,4 triệu USD (82 tỷ đồng)."):
        found = _pairs(YEAR_PLAN + "Doanh thu tháng 9 của tập đoàn ước khoảng " + written)
        assert found == [(Decimal("82000000000"), Decimal("1800000000000"))]


def test_a_months_amount_in_dollars_alone_is_not_set_against_a_plan_in_dong() -> None:
    assert _pairs(YEAR_PLAN + "Doanh thu tháng 9 của tập đoàn ước khoảng 3,4 triệu USD.") == []


LISTED_RESULTS = (
    "Kết quả năm 2041 của Tập đoàn Sông Mây: doanh thu 2.300 tỷ đồng, bằng 92% kế hoạch; nộp "
    "thuế 57 tỷ đồng, bằng 104% kế hoạch. Trong đó, Nhà máy Bến Lức "
)


def _part_verdicts(text: str) -> list[str]:
    rows = audit_statements(statements_frame(find(text)))
    return rows.filter(pl.col("check") == "part")["verdict"].to_list()


def test_a_part_naming_a_measure_listed_before_its_total_is_no_part_of_it() -> None:
    assert _part_verdicts(LISTED_RESULTS + "doanh thu 1.700 tỷ đồng, bằng 90% kế hoạch.") == []


def test_a_part_of_the_last_items_measure_is_still_checked_against_it() -> None:
    text = LISTED_RESULTS + "nộp thuế 61 tỷ đồng, bằng 90% kế hoạch."
    assert _part_verdicts(text) == ["inconsistent"]


EXCESS_IN_TONNES = (
    "Năm 2041, nông trường thu hoạch 9.180 tấn chè búp, vượt 680 tấn so với kế hoạch, "
)


def _excesses(text: str) -> list[tuple[Decimal | None, Decimal | None]]:
    return [(s.actual, s.target) for s in find(text) if s.stated_kind == "excess"]


def test_an_excess_in_tonnes_and_a_fitting_percent_give_the_plan() -> None:
    found = _excesses(EXCESS_IN_TONNES + "vượt khoảng 8% kế hoạch đề ra.")
    assert found == [(Decimal("9180"), Decimal("8500"))]


def test_an_excess_in_tonnes_and_a_percent_that_does_not_fit_give_no_plan() -> None:
    assert _excesses(EXCESS_IN_TONNES + "vượt 12% kế hoạch.") == [(Decimal("9180"), None)]


LATER_RESULT = (
    "Năm 2041, nông trường thu hoạch 9.180 tấn chè búp, đạt 115% kế hoạch (8.000 tấn). Tính "
    "đến ngày 30/11, nông trường đã thu hoạch 8.010 tấn chè búp, đạt {} kế hoạch năm."
)


def test_a_later_result_takes_the_plan_its_percent_rounds_to() -> None:
    assert (Decimal("8010"), Decimal("8000")) in _pairs(LATER_RESULT.format("100%"))


def test_a_later_result_does_not_take_a_plan_its_percent_is_raised_from() -> None:
    assert (Decimal("8010"), Decimal("8000")) not in _pairs(LATER_RESULT.format("101%"))


QUARRIED = "Trong 11 tháng năm 2041, mỏ khai thác khoảng 4,6 triệu m3 đá, "


def test_a_range_after_the_plan_a_percentage_names_is_that_plans() -> None:
    text = QUARRIED + "bằng 100% kế hoạch khai thác 4,5-4,7 triệu m3 của năm."
    assert (Decimal("4600000"), (Decimal("4500000"), Decimal("4700000"))) in _pairs(text)


def test_a_range_of_a_change_after_a_plan_is_no_plan() -> None:
    # no comma between: only the words allowed between the plan and the range keep it apart
    text = "Năm 2041, xã trồng 64 ha chè, đạt 100% kế hoạch và tăng 8-9 ha so với năm 2040."
    assert [t for _, t in _pairs(text)] == [None]


QUARTER_PROFIT = (
    "Quý 3/2041, doanh thu của tập đoàn đạt 260 tỷ đồng, tăng 7% so với cùng kỳ. {} của tập "
    "đoàn là 29 tỷ đồng, tăng 11% so với quý 3/2040. Năm 2041, tập đoàn đề ra kế hoạch doanh "
    "thu 1.100 tỷ đồng và lợi nhuận 47 tỷ đồng."
)


def test_a_quarters_profit_after_tax_is_set_against_the_years_plan() -> None:
    found = _pairs(QUARTER_PROFIT.format("Lợi nhuận sau thuế"))
    assert (Decimal("29000000000"), Decimal("47000000000")) in found


def test_a_quarters_gross_profit_is_not_set_against_the_profit_plan() -> None:
    # the plan names no kind of profit: only "gộp" among the kinds apart keeps them apart
    found = _pairs(QUARTER_PROFIT.format("Lợi nhuận gộp"))
    assert (Decimal("29000000000"), Decimal("47000000000")) not in found
    assert (Decimal("260000000000"), Decimal("1100000000000")) in found


NINE_MONTHS = (
    "{}, Tập đoàn Phú Điền có doanh thu thuần 2.450 tỉ đồng, tăng 4,2% so với cùng kỳ. Doanh "
    "thu mảng đồ gia dụng đạt 380 tỉ đồng, tăng 9% so với cùng kỳ.\n\n"
    "Năm 2041, Tập đoàn Phú Điền đề ra kế hoạch doanh thu 3.900 tỉ đồng."
)


def test_the_end_of_a_month_with_its_year_after_a_dot_dates_the_result() -> None:
    found = find(NINE_MONTHS.format("Tính đến hết tháng 9.2041"))
    assert {s.as_of for s in found if s.actual is not None} == {dt.date(2041, 9, 30)}
    assert (Decimal("2450000000000"), Decimal("3900000000000")) in _pairs(
        NINE_MONTHS.format("Tính đến hết tháng 9.2041")
    )


def test_a_line_of_goods_amount_is_not_set_against_the_companys_plan() -> None:
    found = _pairs(NINE_MONTHS.format("Tính đến hết tháng 9.2041"))
    assert (Decimal("380000000000"), Decimal("3900000000000")) not in found


TEN_MONTHS = (
    "Tính chung 10 tháng năm 2041, doanh thu toàn tập đoàn ước 1.940 tỷ đồng, tăng 2,6% so với "
    "10 tháng của {} và đạt 78,4% so với kế hoạch năm."
)


def test_a_plans_percentage_after_a_fall_from_the_months_of_a_past_year_is_the_amounts() -> None:
    found = _attainments(TEN_MONTHS.format("năm 2040"))
    assert found == [(Decimal("1940000000000"), Decimal("78.4"))]


def test_a_plans_percentage_after_a_comparison_with_another_body_is_not_joined() -> None:
    # a year after the body, so that only the guard keeps the comparison from the base
    found = _attainments(TEN_MONTHS.format("Tập đoàn Phú Điền năm 2040"))
    assert found == [(None, Decimal("78.4"))]
