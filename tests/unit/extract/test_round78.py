"""Round 78 of the extraction rules (issue 17): patterns behind the misses of the batches
scored once in session 24, each with a positive and a negative case on invented text (never
the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

TWO_PLANS_BY_NUMBER = (
    "Lũy kế đến 30/6/2041, huyện Tân Lộc giải ngân vốn đầu tư công được 612 tỷ đồng đạt 45% "
    "so với số kế hoạch vốn tỉnh giao, đạt 36% so với số kế hoạch huyện giao."
)
NUMBER_OF_A_PAST_YEAR = "Năm 2041 xã Tân Lộc thu ngân sách 12 tỷ đồng, bằng 80% so với số năm 2040."


def test_a_percentage_of_the_number_planned_is_an_attainment() -> None:
    found = find(TWO_PLANS_BY_NUMBER)
    assert [(s.stated_kind, s.stated_percent) for s in found] == [
        ("attainment", Decimal("45")),
        ("attainment", Decimal("36")),
    ]
    assert [s.implied_target for s in found] == [Decimal("1360000000000"), Decimal("1700000000000")]


def test_a_percentage_of_a_past_years_number_is_no_attainment() -> None:
    assert [s.stated_kind for s in find(NUMBER_OF_A_PAST_YEAR)] == ["growth"]


POPULATION_RATES_ATTAINED = (
    "Năm 2041, toàn xã có 92,4% hộ gia đình trên địa bàn đạt danh hiệu “Gia đình văn hóa”, "
    "đạt 105% chỉ tiêu huyện giao; 90,5% thôn đạt danh hiệu “Thôn văn hóa”, đạt 120% chỉ tiêu "
    "huyện giao."
)
RATE_AFTER_A_COUNT = (
    "Năm 2041, xã có 9.100 người tham gia bảo hiểm, chiếm 42,4% lao động trong độ tuổi, đạt "
    "105% kế hoạch."
)
TARGET_RATE_ABOVE_WHOLE = (
    "Năm 2041, xã có 92,4% hộ gia đình đạt danh hiệu gia đình văn hóa, đạt 85% chỉ tiêu huyện giao."
)


def _rate_attainments(text: str) -> list[tuple[Decimal | None, Decimal | None]]:
    return [(s.actual, s.implied_target) for s in find(text) if s.stated_kind == "attainment"]


def test_a_rate_of_the_population_named_after_it_takes_its_attainment() -> None:
    assert _rate_attainments(POPULATION_RATES_ATTAINED) == [
        (Decimal("92.4"), Decimal("88.00")),
        (Decimal("90.5"), Decimal("75.42")),
    ]


def test_a_share_of_a_count_or_a_target_rate_above_the_whole_takes_none() -> None:
    assert _rate_attainments(RATE_AFTER_A_COUNT) == []
    assert _rate_attainments(TARGET_RATE_ABOVE_WHOLE) == []


CAPACITY_LEAD = "Công suất cấp nước bình quân quý I/2041 đạt hơn 2,4 triệu m3/ngày, bằng 96,5% "


def test_a_percentage_of_the_planned_capacity_is_an_attainment() -> None:
    found = find(CAPACITY_LEAD + "so với công suất kế hoạch năm.")
    assert [(s.stated_kind, s.implied_target) for s in found] == [
        ("attainment", Decimal("2487046.63"))
    ]


def test_a_percentage_of_the_designed_capacity_is_no_attainment() -> None:
    found = find(CAPACITY_LEAD + "so với công suất thiết kế.")
    assert [s.stated_kind for s in found if s.stated_kind == "attainment"] == []


def _pairs(text: str) -> list[tuple[Decimal | None, Decimal | None]]:
    return [(s.actual, s.target) for s in find(text) if s.actual is not None]


def test_a_rate_takes_the_target_of_its_year_named_after_it() -> None:
    assert _pairs(
        "Năm 2041, tỷ lệ thôn có nhà văn hóa đạt 83% (chỉ tiêu năm 2041 đề ra là 90%)."
    ) == [(Decimal("83"), Decimal("90"))]
    assert _pairs("Năm 2041, tỷ lệ thôn có nhà văn hóa đạt 83%, chỉ tiêu năm 2041 là 90%.") == [
        (Decimal("83"), Decimal("90"))
    ]


def test_a_rate_of_some_months_or_a_growth_takes_no_target_of_the_year() -> None:
    assert (
        _pairs("Trong 9 tháng đầu năm 2041, tỷ lệ giải ngân đạt 63% (kế hoạch năm 2041 là 95%).")
        == []
    )
    assert (
        _pairs("Năm 2041, tốc độ tăng trưởng của huyện đạt 6,2% (kế hoạch năm 2041 là 7%).") == []
    )
