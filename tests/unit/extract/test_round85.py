"""Round 85 of the extraction rules (issue 17): each rule with a positive and a negative case
on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

from kpitools.extract import audit_statements, statements_frame

RATE_AGAINST_LISTED_TARGETS = (
    "Năm 2041, tỷ lệ che phủ rừng của huyện Tân Hòa đạt 47% (mục tiêu: 45%, 42%)."
)
RATE_AGAINST_TARGETS_OF_YEARS = (
    "Tỷ lệ che phủ rừng của huyện Tân Hòa đạt 47% (mục tiêu năm 2041: 45%; năm 2042: 49%)."
)
RATE_AGAINST_ONE_TARGET = (
    "Năm 2041, tỷ lệ che phủ rừng của huyện Tân Hòa đạt 47% (mục tiêu 45%), đạt 104,4% kế hoạch."
)


def _pairs(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.target) for s in find(text) if s.actual is not None]


def _flagged(text: str) -> list[str]:
    frame = audit_statements(statements_frame(find(text)))
    return [v for v in frame["verdict"].to_list() if v == "inconsistent"]


def test_a_rate_against_a_list_of_target_rates_is_no_attainment() -> None:
    for text in (RATE_AGAINST_LISTED_TARGETS, RATE_AGAINST_TARGETS_OF_YEARS):
        assert all(s.stated_percent is None for s in find(text))
        assert not _flagged(text)
        assert all(target is None for _, target in _pairs(text))


def test_a_rate_against_one_target_rate_keeps_its_pair_and_attainment() -> None:
    statements = find(RATE_AGAINST_ONE_TARGET)
    assert [(s.actual, s.target, s.stated_percent) for s in statements] == [
        (Decimal(47), Decimal(45), Decimal("104.4"))
    ]
    assert not _flagged(RATE_AGAINST_ONE_TARGET)


PEOPLE_AGAINST_PLACES = (
    "Năm 2041, trung tâm có chỉ tiêu đào tạo trên 860 chỉ tiêu, đến nay đã tuyển được 845 học viên."
)
PERCENT_OF_PLACES = (
    "Năm 2041, trung tâm tuyển được 845 học viên, đạt 98,3% so với chỉ tiêu 860 chỉ tiêu."
)
TONNES_AGAINST_PLACES = (
    "Năm 2041, trung tâm có chỉ tiêu đào tạo 860 chỉ tiêu, đến nay đã tuyển được 845 tấn."
)


def test_people_enrolled_count_against_a_quota_of_places() -> None:
    (s,) = [s for s in find(PEOPLE_AGAINST_PLACES) if s.actual is not None]
    assert (s.actual, s.target, s.qualifier) == (Decimal(845), Decimal(860), "trên")
    (s,) = [s for s in find(PERCENT_OF_PLACES) if s.actual is not None]
    assert (s.actual, s.target, s.verdict) == (Decimal(845), Decimal(860), "consistent")


def test_a_quota_of_places_is_no_plan_of_other_things() -> None:
    assert all(target is None for _, target in _pairs(TONNES_AGAINST_PLACES))


TWO_ROUNDS = (
    "Năm 2041, huyện tuyển được 120 tân binh đợt 1 và 30 tân binh đợt bổ sung, đạt 100% chỉ "
    "tiêu 150 tân binh."
)
TWO_ROUNDS_AND_TOTAL = (
    "Năm 2041, huyện giao 120 tân binh đợt 1 và 30 tân binh đợt bổ sung, tổng cộng 150 tân "
    "binh, đạt 100% chỉ tiêu."
)
ONE_ROUND = "Năm 2041, huyện tuyển được 140 tân binh đợt 1, đạt 93,3% chỉ tiêu 150 tân binh."


def test_one_of_two_rounds_listed_is_no_result_of_the_plan() -> None:
    assert not [s for s in find(TWO_ROUNDS) if s.actual is not None]
    assert not _flagged(TWO_ROUNDS)
    statements = [s for s in find(TWO_ROUNDS_AND_TOTAL) if s.actual is not None]
    assert [(s.actual, s.stated_percent) for s in statements] == [(Decimal(150), Decimal(100))]


def test_a_round_alone_keeps_its_pair() -> None:
    assert (Decimal(140), Decimal(150)) in _pairs(ONE_ROUND)


EQUAL_SHARE_OF_PLAN_BEFORE = (
    "Kế hoạch vốn năm 2041 là 725 tỷ đồng. Đến hết tháng 10, xã Phú Lâm giải ngân được 290 tỷ "
    "đồng, tương đương 40%."
)
EQUAL_SHARE_OF_NO_PLAN = (
    "Kế hoạch vốn năm 2041 là 725 tỷ đồng. Đến hết tháng 10, xã Phú Lâm giải ngân được 290 tỷ "
    "đồng, tương đương 52%."
)


def test_an_equal_share_of_a_plan_set_out_before_is_its_attainment() -> None:
    (s,) = [s for s in find(EQUAL_SHARE_OF_PLAN_BEFORE) if s.actual is not None]
    assert (s.actual, s.target, s.stated_kind, s.verdict) == (
        Decimal(290_000_000_000),
        Decimal(725_000_000_000),
        "attainment",
        "consistent",
    )


def test_an_equal_share_no_plan_fits_is_no_attainment() -> None:
    assert not [s for s in find(EQUAL_SHARE_OF_NO_PLAN) if s.stated_percent is not None]


RATE_MEETS_TARGET = "Năm 2041, tỷ lệ hộ dùng nước sạch của xã đạt 83%, đạt chỉ tiêu đề ra là 80%."
RATE_MEETS_AND_BEATS_TARGET = (
    "Năm 2041, tỷ lệ hộ dùng nước sạch của xã đạt 83%, đạt và vượt chỉ tiêu Nghị quyết (80%)."
)
# said met, a target above the rate or at half of it or below (for a falling rate, below it
# or at twice it or above) is none the rule pairs
RATE_MET_BELOW_TARGET = (
    "Năm 2041, tỷ lệ hộ sử dụng nước sạch của xã đạt 71%, đạt chỉ tiêu đề ra là 78%."
)
RATE_MET_FAR_ABOVE_TARGET = (
    "Năm 2041, tỷ lệ hộ sử dụng nước sạch của xã đạt 71%, đạt chỉ tiêu đề ra là 30%."
)
FALLING_RATE_MEETS_CEILING = "Năm 2041, tỷ lệ hộ nghèo giảm còn 2%, đạt mục tiêu đề ra là 3,5%."
FALLING_RATE_ABOVE_CEILING = "Năm 2041, tỷ lệ hộ nghèo giảm còn 3%, đạt mục tiêu đề ra là 2,5%."
FALLING_RATE_FAR_BELOW_CEILING = "Năm 2041, tỷ lệ hộ nghèo giảm còn 2%, đạt mục tiêu đề ra là 4,5%."
RATE_AND_ITS_ATTAINMENT = "Năm 2041, tỷ lệ hộ dùng nước sạch của xã đạt 83%, đạt 101% kế hoạch."


def test_a_rate_said_to_meet_its_target_rate_a_clause_away() -> None:
    for text in (RATE_MEETS_TARGET, RATE_MEETS_AND_BEATS_TARGET):
        statements = find(text)
        assert [(s.actual, s.target, s.stated_percent) for s in statements] == [
            (Decimal(83), Decimal(80), None)
        ]


def _one_pair(text: str) -> list[tuple[object, object, object]] | None:
    """The rate against its target, when the text reads as that one statement alone."""
    statements = [(s.actual, s.target, s.stated_percent) for s in find(text)]
    return statements if len(statements) == 1 else None


def test_a_percentage_said_met_stays_an_attainment_and_a_target_off_the_rate_no_pair() -> None:
    assert [
        (s.actual, s.target, s.stated_percent, s.stated_kind)
        for s in find(RATE_AND_ITS_ATTAINMENT)
        if s.stated_percent is not None and s.actual is not None
    ] == [(Decimal(83), None, Decimal(101), "attainment")]
    assert _one_pair(FALLING_RATE_MEETS_CEILING) == [(Decimal(2), Decimal("3.5"), None)]
    for text in (
        RATE_MET_BELOW_TARGET,
        RATE_MET_FAR_ABOVE_TARGET,
        FALLING_RATE_ABOVE_CEILING,
        FALLING_RATE_FAR_BELOW_CEILING,
    ):
        assert _one_pair(text) is None
