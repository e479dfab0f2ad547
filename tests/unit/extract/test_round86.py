"""Round 86 of the extraction rules (issue 17): each rule with a positive and a negative case
on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

from kpitools.extract import audit_statements, statements_frame


def _pairs(text: str) -> list[tuple[object, object, object]]:
    return [(s.actual, s.target, s.stated_percent) for s in find(text) if s.actual is not None]


PLAN_OF_THE_YEAR_NAMED = (
    "Năm 2041, xã trồng mới 1.530 cây xanh, bằng 85% kế hoạch; dự toán giao của năm 2041 là "
    "1.800 cây."
)
# no "là" between the year and the figure: the figure is no plan's
PLAN_OF_THE_YEAR_NO_IS = "Năm 2041, xã thực hiện dự toán giao năm 2041 1.530 cây xanh, đạt 85%."


def test_a_plan_given_for_a_named_year_is_the_target() -> None:
    assert _pairs(PLAN_OF_THE_YEAR_NAMED) == [(Decimal(1530), Decimal(1800), Decimal(85))]


def test_a_plan_of_a_named_year_with_no_is_before_the_figure_gives_no_target() -> None:
    assert all(s.target != Decimal(1530) for s in find(PLAN_OF_THE_YEAR_NO_IS))


def _forecast(plan: str, share: str = "100") -> str:
    return (
        "Quý III năm 2041, công ty xuất khẩu 12.400 tấn gạo, bằng 62% kế hoạch năm; ước tính "
        f"sẽ đạt {share}% chỉ tiêu (chỉ tiêu: {plan} tấn)."
    )


def test_a_result_takes_the_plan_of_the_forecast_after_it() -> None:
    (s,) = [s for s in find(_forecast("20.000")) if s.actual is not None]
    assert (s.actual, s.target, s.stated_percent) == (Decimal(12400), Decimal(20000), Decimal(62))
    assert s.verdict == "consistent"


def test_a_forecast_plan_the_percentage_does_not_fit_or_not_met_in_full_is_not_linked() -> None:
    for text in (_forecast("24.000"), _forecast("20.000", share="95")):
        (s,) = [s for s in find(text) if s.actual is not None]
        assert s.target is None


STOCK_THEN_PLANNED_CUT = (
    "Toàn tỉnh đang rà soát hơn 5.300 thủ tục hành chính, các sở trong tỉnh có kế hoạch cắt "
    "giảm 3.140 thủ tục."
)
STOCK_THEN_EXPECTED_CUT = "Sở Giao thông (khoảng 5.300 hồ sơ, dự kiến bãi bỏ 3.140)."
CUTS_DONE_AGAINST_THE_PLAN = (
    "Năm 2041, toàn tỉnh đã bãi bỏ 2.900 thủ tục, kế hoạch bãi bỏ 3.140 thủ tục."
)


def test_a_stock_before_a_planned_cut_is_no_result_of_it() -> None:
    for text in (STOCK_THEN_PLANNED_CUT, STOCK_THEN_EXPECTED_CUT):
        assert _pairs(text) == []


def test_cuts_done_before_the_planned_cut_stay_its_result() -> None:
    assert _pairs(CUTS_DONE_AGAINST_THE_PLAN) == [(Decimal(2900), Decimal(3140), None)]


def _margin(points: str) -> str:
    return (
        f"Năm 2041, tỷ lệ hộ đạt chuẩn “Hộ kiểu mẫu” đạt 91,3% (cao hơn {points}% so với chỉ "
        "tiêu mà Ban Chấp hành Đảng bộ xã đã thống nhất đề ra là 86%)."
    )


def test_a_margin_in_points_over_a_long_named_target_rate_pairs_the_rate_with_it() -> None:
    assert _pairs(_margin("5,3")) == [(Decimal("91.3"), Decimal(86), None)]


def test_a_margin_that_fits_no_reading_of_the_target_rate_gives_no_claim() -> None:
    assert _pairs(_margin("8")) == []


YIELD_AGAINST_TARGET_PAST_YEAR_BETWEEN = (
    "Năm 2041, năng suất lúa đạt 6,4 tấn/ha (so với năm trước là 5,9 tấn/ha, cao hơn chỉ tiêu "
    "đề ra là 6,1 tấn/ha)."
)
# read as a result, the past year's value would take the attainment after it
PAST_YEAR_VALUE_BEFORE_AN_ATTAINMENT = (
    "Năm 2041, năng suất lúa đạt 6,4 tấn/ha, so với năm trước là 5,9 tấn/ha, đạt 105% kế hoạch."
)


def test_a_past_year_value_between_a_result_and_its_target_is_no_result() -> None:
    assert _pairs(YIELD_AGAINST_TARGET_PAST_YEAR_BETWEEN) == [
        (Decimal("6.4"), Decimal("6.1"), None)
    ]


def test_a_past_year_value_takes_no_claim() -> None:
    assert _pairs(PAST_YEAR_VALUE_BEFORE_AN_ATTAINMENT) == [(Decimal("6.4"), None, Decimal(105))]


PLANNED_CUTS_OUT_OF_A_WHOLE = (
    "Năm 2041, sở dự kiến đơn giản hóa 86 thủ tục trên tổng số 190 thủ tục đang áp dụng, bằng "
    "45,3% kế hoạch."
)
CUTS_DONE_OUT_OF_A_WHOLE = (
    "Năm 2041, sở đã cắt giảm 86 thủ tục trên tổng số 190 thủ tục đang áp dụng, bằng 45,3% kế "
    "hoạch."
)


def test_a_planned_cut_out_of_a_whole_is_no_attainment() -> None:
    assert _pairs(PLANNED_CUTS_OUT_OF_A_WHOLE) == []


def test_cuts_done_out_of_a_whole_stay_a_result() -> None:
    assert [a for a, _, _ in _pairs(CUTS_DONE_OUT_OF_A_WHOLE)] == [Decimal(86)]


def _crops(first: str, second: str, last: str) -> str:
    return (
        "Tổng diện tích gieo trồng của huyện Tân Hòa đạt 41.250 ha, đạt 91,2% so với kế hoạch. "
        "Trong đó, diện tích cây hàng năm 9.820 ha, đạt 60,4% so kế hoạch năm; diện tích cây "
        f"lâu năm 31.430 ha, đạt 100,3% so với kế hoạch năm, bao gồm {first}, {second}, {last}."
    )


def _sums_flagged(text: str) -> list[str]:
    frame = audit_statements(statements_frame(find(text)))
    flagged = frame.filter((frame["check"] == "sum") & (frame["verdict"] == "inconsistent"))
    return flagged["stated"].to_list()


def test_parts_well_above_a_part_and_within_the_whole_are_not_checked_against_the_part() -> None:
    text = _crops("2.140 ha lúa, 1.360 ha ngô", "4.210 ha rau, 22.580 ha cà phê", "3.150 ha chè")
    assert _sums_flagged(text) == []


def test_parts_just_above_their_part_are_still_flagged() -> None:
    text = _crops("24.580 ha cà phê", "5.150 ha chè", "3.210 ha điều")
    assert _sums_flagged(text) == ["31.430"]


DIGITISED_AGAINST_REQUIRED = "Năm 2041, huyện đã số hóa 1.240 hồ sơ, đạt 41% so với yêu cầu."
DIGITISED_AGAINST_PLANNED = "Năm 2041, huyện đã số hóa 1.240 hồ sơ (bằng 33,5% so dự kiến)."
DIGITISED_ABOVE_THE_EXPECTED = "Năm 2041, huyện đã số hóa 1.240 hồ sơ, tăng 12% so với dự kiến."
DIGITISED_BELOW_THE_REQUIRED = "Năm 2041, huyện đã số hóa 1.240 hồ sơ, thấp hơn 9% so yêu cầu."


def test_a_percentage_of_what_was_required_or_planned_is_an_attainment() -> None:
    cases = (
        (DIGITISED_AGAINST_REQUIRED, Decimal(41)),
        (DIGITISED_AGAINST_PLANNED, Decimal("33.5")),
    )
    for text, percent in cases:
        (s,) = [s for s in find(text) if s.actual is not None]
        assert (s.actual, s.stated_percent, s.stated_kind) == (Decimal(1240), percent, "attainment")


def test_a_change_against_what_was_expected_or_required_is_a_growth() -> None:
    kinds = [
        (s.stated_percent, s.stated_kind)
        for text in (DIGITISED_ABOVE_THE_EXPECTED, DIGITISED_BELOW_THE_REQUIRED)
        for s in find(text)
    ]
    assert kinds == [(Decimal(12), "growth"), (Decimal(-9), "growth")]


def _works(base: str) -> str:
    return (
        f"Kết quả thực hiện một số công trình tương ứng với {base} là: 14 km đường giao thông "
        "(57,5%); 320 ha rừng trồng (80%)."
    )


def test_amounts_listed_after_a_comparison_with_the_plan_are_its_attainments() -> None:
    statements = [s for s in find(_works("kế hoạch")) if s.actual is not None]
    assert [(s.actual, s.stated_percent, s.stated_kind) for s in statements] == [
        (Decimal(14), Decimal("57.5"), "attainment"),
        (Decimal(320), Decimal(80), "attainment"),
    ]


def test_amounts_listed_after_a_comparison_with_last_year_are_no_attainments() -> None:
    assert all(s.stated_kind != "attainment" for s in find(_works("cùng kỳ")))
