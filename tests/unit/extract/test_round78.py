"""Round 78 of the extraction rules (issue 17): patterns behind the misses of the batches
scored once in session 24, each with a positive and a negative case on invented text (never
the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

TWO_PLANS_BY_NUMBER = (
    "Đến hết tháng 9/2041, thị xã Bình An đã chi 300 tỷ đồng vốn xây dựng cơ bản, bằng 60% so "
    "với số kế hoạch tỉnh giao, bằng 50% so với số kế hoạch thị xã giao."
)
NUMBER_OF_A_PAST_YEAR = (
    "Năm 2041 xã Hòa Bình thu ngân sách đạt 15 tỷ đồng, bằng 125% so với số thực hiện năm 2040."
)
# "số" before a plan word other than "kế hoạch" or "chỉ tiêu": a past year's estimate
ESTIMATE_OF_A_PAST_YEAR = (
    "Năm 2041 xã Hòa Bình thu ngân sách 15 tỷ đồng, bằng 125% so với số dự toán năm 2040."
)


def test_a_percentage_of_the_number_planned_is_an_attainment() -> None:
    found = find(TWO_PLANS_BY_NUMBER)
    assert [(s.stated_kind, s.stated_percent) for s in found] == [
        ("attainment", Decimal("60")),
        ("attainment", Decimal("50")),
    ]
    assert [s.implied_target for s in found] == [Decimal("500000000000"), Decimal("600000000000")]


def test_a_percentage_of_a_past_years_number_is_no_attainment() -> None:
    assert [s.stated_kind for s in find(NUMBER_OF_A_PAST_YEAR)] == ["growth"]
    assert [s.stated_kind for s in find(ESTIMATE_OF_A_PAST_YEAR)] == []


POPULATION_RATES_ATTAINED = (
    "Năm 2041, toàn xã có 92,4% hộ gia đình trên địa bàn đạt danh hiệu “Gia đình văn hóa”, "
    "đạt 105% chỉ tiêu huyện giao; 90,5% thôn đạt danh hiệu “Thôn văn hóa”, đạt 120% chỉ tiêu "
    "huyện giao."
)
# the plan assigned, so that only the count before the share keeps the rate from it
RATE_AFTER_A_COUNT = (
    "Năm 2041, xã có 7.300 người tham gia bảo hiểm, chiếm 38,6% lao động trong độ tuổi, đạt "
    "104% kế hoạch huyện giao."
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


CAPACITY_LEAD = (
    "Nhà máy xử lý nước thải khu công nghiệp trong năm 2041 vận hành trung bình 18 nghìn "
    "m3/ngày, đạt 90% "
)


def test_a_percentage_of_the_planned_capacity_is_an_attainment() -> None:
    found = find(CAPACITY_LEAD + "so với công suất kế hoạch.")
    assert [(s.stated_kind, s.implied_target) for s in found] == [
        ("attainment", Decimal("20000.00"))
    ]


def test_a_percentage_of_the_designed_capacity_is_no_attainment() -> None:
    found = find(CAPACITY_LEAD + "so với công suất thiết kế.")
    assert [s.stated_kind for s in found if s.stated_kind == "attainment"] == []


def _pairs(text: str) -> list[tuple[Decimal | None, Decimal | None]]:
    return [(s.actual, s.target) for s in find(text) if s.actual is not None]


def test_a_rate_takes_the_target_of_its_year_named_after_it() -> None:
    assert _pairs("Năm 2041, tỷ lệ trạm y tế xã có bác sĩ đạt 76% (mục tiêu năm 2041 là 70%).") == [
        (Decimal("76"), Decimal("70"))
    ]
    assert _pairs("Năm 2041, tỷ lệ trạm y tế xã có bác sĩ đạt 76%, kế hoạch năm 2041: 70%.") == [
        (Decimal("76"), Decimal("70"))
    ]


def test_a_rate_of_some_months_or_a_growth_takes_no_target_of_the_year() -> None:
    assert (
        _pairs("Trong 9 tháng đầu năm 2041, tỷ lệ giải ngân đạt 63% (kế hoạch năm 2041 là 95%).")
        == []
    )
    assert (
        _pairs("Năm 2041, tốc độ tăng trưởng của huyện đạt 6,2% (kế hoạch năm 2041 là 7%).") == []
    )
