"""What a review of rounds 77–78 found (session 24), each with a case it mends and one it
keeps, on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find


def _claims(text: str) -> list[tuple[object, object, object, object]]:
    return [(s.actual, s.target, s.stated, s.stated_kind) for s in find(text)]


def _attainments(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.implied_target) for s in find(text) if s.stated_kind == "attainment"]


# a fraction's rate "so với kế hoạch" with a figure after the plan: compared with the plan's
# rate (or another plan), no attainment of the fraction
FRACTION_RATE_AND_PLANS_RATE = (
    "Năm 2041, phường tiêm phòng 14/35 đàn tỷ lệ 40% so với kế hoạch 55%."
)


def test_a_fractions_rate_with_a_figure_after_its_plan_is_no_attainment() -> None:
    claims = _claims(FRACTION_RATE_AND_PLANS_RATE)
    assert all(kind != "attainment" for *_, kind in claims)
    assert (40, 55, None, None) in claims
    said_is = "Năm 2041, phường tiêm phòng 14/35 đàn tỷ lệ 40% kế hoạch là 55%."
    assert all(kind != "attainment" for *_, kind in _claims(said_is))
    other_plan = "Năm 2041, phường tiêm phòng 14/35 đàn tỷ lệ 40% kế hoạch 30 đàn."
    assert all(kind != "attainment" for *_, kind in _claims(other_plan))


def test_a_fractions_rate_against_its_plan_of_a_year_is_still_its_attainment() -> None:
    text = "Năm 2041, phường tiêm phòng 14/35 đàn tỷ lệ 40% so với kế hoạch năm 2041."
    assert (14, 35, "40%", "attainment") in _claims(text)


# a rate good when it falls attains its plan by being below it: no target rate from it
FALLING_RATE_ATTAINED = "Năm 2041, phường còn 4% hộ cận nghèo, đạt 125% chỉ tiêu thành phố giao."
FALLING_POPULATION_ATTAINED = (
    "Năm 2041, phường có 6% học sinh bỏ học giữa chừng, đạt 115% kế hoạch thành phố giao."
)
# "kế hoạch kinh phí … giao": another measure's plan, not the rate's
ANOTHER_MEASURES_PLAN = (
    "Năm 2041, phường có 88% hộ dân dùng nước sạch, đạt 104% kế hoạch kinh phí thành phố giao."
)


def test_a_falling_rate_or_another_measures_plan_gives_the_rate_no_attainment() -> None:
    assert _attainments(FALLING_RATE_ATTAINED) == []
    assert _attainments(FALLING_POPULATION_ATTAINED) == []
    assert _attainments(ANOTHER_MEASURES_PLAN) == []


def test_a_rising_rate_with_its_plans_year_and_setter_keeps_its_attainment() -> None:
    text = (
        "Năm 2041, phường có 88% hộ dân dùng nước sạch, đạt 110% chỉ tiêu năm 2041 thành phố giao."
    )
    assert _attainments(text) == [(Decimal("88"), Decimal("80.00"))]


def _pairs(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.target) for s in find(text) if s.target is not None]


def test_a_rate_takes_no_target_of_another_year() -> None:
    lead = "Năm 2041, tỷ lệ hộ dùng điện an toàn đạt 86% "
    assert _pairs(lead + "(mục tiêu đến năm 2046 là 95%).") == []
    assert _pairs(lead + "(chỉ tiêu năm 2039 là 81%).") == []
    assert _pairs(lead + "(mục tiêu đến năm 2041 là 95%).") == []


def test_a_rate_still_takes_the_target_of_its_own_year() -> None:
    text = "Năm 2041, tỷ lệ hộ dùng điện an toàn đạt 86% (kế hoạch năm 2041 đề ra là 84%)."
    assert _pairs(text) == [(86, 84)]


# a count that only gives a size ("có 30 tổ") leaves the amount's attainment; so does a plan
# of money only ("dự toán")
SIZE_THEN_AMOUNT = (
    "Năm 2041, làng nghề có 30 tổ sản xuất, với doanh thu 7 tỷ đồng, đạt 112% kế hoạch."
)
COUNT_THEN_AMOUNT_OF_ESTIMATE = (
    "Năm 2041, quỹ đã hỗ trợ 45 lao động học nghề, với kinh phí 600 triệu đồng, đạt 96% dự toán."
)


def test_an_amount_after_a_size_or_against_an_estimate_keeps_its_attainment() -> None:
    assert (7_000_000_000, None, "112%", "attainment") in _claims(SIZE_THEN_AMOUNT)
    assert (600_000_000, None, "96%", "attainment") in _claims(COUNT_THEN_AMOUNT_OF_ESTIMATE)


def test_an_amount_after_a_count_of_results_against_a_plan_still_takes_none() -> None:
    text = (
        "Năm 2041, quỹ đã hỗ trợ 45 lao động học nghề, với kinh phí 600 triệu đồng, đạt 96% "
        "kế hoạch."
    )
    assert all(s.stated is None for s in find(text))


# a year, a date or a range's end before "trên" is no count out of a whole
def test_a_period_before_tren_is_no_count_out_of_a_whole() -> None:
    lead = "Thị xã có 17 trường trung cấp, quy mô đào tạo "
    for period in ("giai đoạn 2036-2040", "năm học 2041-2042", "tháng 9/2041", "đến 2041"):
        assert _pairs(lead + period + " trên 6.400 học viên.") == [], period


def test_a_count_with_thousands_before_tren_is_still_out_of_its_whole() -> None:
    assert _pairs("Năm 2041 xã có 1.730 trên 2.100 hộ dùng nước sạch.") == [(1730, 2100)]
