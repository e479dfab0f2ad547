"""What a review of round 79 found (session 24), each with a case it mends and one it keeps,
on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

import polars as pl
from reading import find

from kpitools.extract import audit_statements, statements_frame


def _readings(text: str) -> list[tuple[Decimal | None, object, Decimal | None]]:
    return [(s.actual, s.target, s.stated_percent) for s in find(text) if s.actual is not None]


def _implied(text: str) -> list[Decimal | None]:
    return [s.implied_target for s in find(text) if s.stated_kind == "attainment"]


# a range after "kế hoạch và tăng" is a change's, no plan's
RANGE_OF_A_CHANGE = (
    "Năm 2041, huyện trồng 520 ha rừng, đạt 104% kế hoạch và tăng 30-40 ha so với năm 2040."
)
RANGE_OF_A_CHANGE_IN_HOUSEHOLDS = (
    "Năm 2041, xã có 72 hộ thoát nghèo, đạt 100% kế hoạch và tăng 10-12 hộ so với năm 2040."
)
RANGE_OF_A_PLAN_NAMED = (
    "Năm 2041, nhà máy bán 36,4 nghìn tấn phân bón, đạt 100% kế hoạch bán hàng từ 35-37 "
    "nghìn tấn của cả năm."
)


def test_a_range_of_a_change_after_a_plans_percentage_is_no_plan() -> None:
    assert _readings(RANGE_OF_A_CHANGE) == [(Decimal("520"), None, Decimal("104"))]
    assert _readings(RANGE_OF_A_CHANGE_IN_HOUSEHOLDS) == [(Decimal("72"), None, Decimal("100"))]


def test_a_range_of_the_plan_a_percentage_names_is_still_its_target() -> None:
    found = [(a, t) for a, t, _ in _readings(RANGE_OF_A_PLAN_NAMED)]
    assert (Decimal("36400"), (Decimal("35000"), Decimal("37000"))) in found


# "không còn", "thoát nghèo": a rate good when it rises, attaining its plan over it
RATE_OF_NO_MAKESHIFT_HOMES = (
    "Năm 2041, phường có 94% hộ gia đình không còn nhà tạm, đạt 104% chỉ tiêu thành phố giao."
)
RATE_OUT_OF_POVERTY = "Năm 2041, xã có 85% hộ thoát nghèo bền vững, đạt 106% chỉ tiêu huyện giao."
RATE_OF_POOR = "Năm 2041, xã còn 4% hộ nghèo, đạt 125% chỉ tiêu huyện giao."


def test_a_rate_of_households_out_of_want_attains_its_plan() -> None:
    assert _readings(RATE_OF_NO_MAKESHIFT_HOMES) == [(Decimal("94"), None, Decimal("104"))]
    assert _readings(RATE_OUT_OF_POVERTY) == [(Decimal("85"), None, Decimal("106"))]


def test_a_rate_of_poor_households_still_attains_no_plan_below_it() -> None:
    assert _readings(RATE_OF_POOR) == []


# who set the plan of a rate: a resolution, a department, "của|do" a body
RATE_OF_CLEAN_WATER = "Năm 2041, xã có 91% hộ dân dùng nước sạch, đạt 107% chỉ tiêu {}."


def test_a_rates_plan_set_by_a_resolution_a_department_or_of_a_body_is_read() -> None:
    for setter in (
        "Nghị quyết đề ra",
        "Sở Nông nghiệp giao",
        "năm 2041 của huyện giao",
        "năm 2041 do huyện giao",
        "Đảng bộ đề ra",
    ):
        found = _readings(RATE_OF_CLEAN_WATER.format(setter))
        assert found == [(Decimal("91"), None, Decimal("107"))], setter


def test_a_plan_of_another_measure_set_by_a_body_is_still_not_the_rates() -> None:
    assert _readings(RATE_OF_CLEAN_WATER.format("kế hoạch vốn huyện giao")) == []


# a rate naming no year keeps the target of the year in brackets; one of another year not
RATE_WITH_YEARS_TARGET = "{}ỷ lệ trẻ em được tiêm chủng đạt 97% (chỉ tiêu năm 2041 đề ra là 95%)."


def test_a_rate_naming_no_year_takes_the_target_of_a_year() -> None:
    for lead in ("T", "Trong năm, t"):
        found = _readings(RATE_WITH_YEARS_TARGET.format(lead))
        assert found == [(Decimal("97"), Decimal("95"), None)], lead


def test_a_rate_of_another_year_still_takes_no_target_of_the_year() -> None:
    assert _readings(RATE_WITH_YEARS_TARGET.format("Năm 2040, t")) == []


# a part naming no measure after a total whose sentence lists results of several measures
LISTED_OF_TWO_MEASURES = (
    "Năm 2041, kết quả của Tập đoàn: doanh thu 75 tỷ đồng, đạt 103% kế hoạch năm; lợi nhuận "
    "9 tỷ đồng, đạt 96% kế hoạch năm. Trong đó, Nhà máy số 1 đạt 52 tỷ đồng, đạt 88% kế hoạch "
    "năm."
)
ONE_RESULT = (
    "Năm 2041, Tập đoàn đạt doanh thu 75 tỷ đồng, đạt 103% kế hoạch năm. Trong đó, Nhà máy số "
    "1 đạt 80 tỷ đồng, đạt 88% kế hoạch năm."
)


def _part_verdicts(text: str) -> list[str]:
    rows = audit_statements(statements_frame(find(text)))
    return rows.filter(pl.col("check") == "part")["verdict"].to_list()


def test_a_part_naming_no_measure_after_a_list_of_measures_is_part_of_no_total() -> None:
    assert _part_verdicts(LISTED_OF_TWO_MEASURES) == []


def test_a_part_naming_no_measure_after_a_total_of_one_result_is_still_checked() -> None:
    assert _part_verdicts(ONE_RESULT) == ["inconsistent"]


# "đã có 30 hộ được …", "có 25 xã đạt …": counted results, no sizes, before an amount
COUNT_OF_RESULTS = [
    "Năm 2041, phường đã có 34 hộ được hỗ trợ sửa nhà, với kinh phí 510 triệu đồng, đạt 94% "
    "kế hoạch.",
    "Năm 2041, tỉnh có 31 xã đạt chuẩn nông thôn mới nâng cao, với tổng kinh phí 84 tỷ đồng, "
    "đạt 103% kế hoạch.",
]
COUNT_OF_SIZE = (
    "Năm 2041, toàn huyện có 19 xã, với tổng thu ngân sách 84 tỷ đồng, đạt 103% kế hoạch."
)


def test_an_amount_after_a_count_of_results_takes_no_attainment() -> None:
    for text in COUNT_OF_RESULTS:
        assert _readings(text) == [], text


def test_an_amount_after_a_count_giving_a_size_still_takes_its_attainment() -> None:
    assert _readings(COUNT_OF_SIZE) == [(Decimal("84000000000"), None, Decimal("103"))]


# plans named in order, of a year the amounts' sentence does not name
PLANS_OF_ANOTHER_YEAR = (
    "Trong 9 tháng năm 2041, hợp tác xã có doanh thu đạt 46 tỷ đồng và lợi nhuận đạt 5 tỷ "
    "đồng, bằng 71% kế hoạch doanh thu và 66% kế hoạch lợi nhuận năm {}."
)


def _attainments(text: str) -> list[tuple[Decimal | None, Decimal | None]]:
    return [(s.actual, s.stated_percent) for s in find(text) if s.stated_kind == "attainment"]


def test_plans_named_in_order_of_another_year_are_not_the_amounts() -> None:
    found = _attainments(PLANS_OF_ANOTHER_YEAR.format("2040"))
    assert (Decimal("46000000000"), Decimal("71")) not in found


def test_plans_named_in_order_of_the_amounts_year_are_still_theirs() -> None:
    found = _attainments(PLANS_OF_ANOTHER_YEAR.format("2041"))
    assert found == [
        (Decimal("46000000000"), Decimal("71")),
        (Decimal("5000000000"), Decimal("66")),
    ]
