"""What the review of round 85 found (session 26), each with a case it mends and one it
keeps, on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

from kpitools.extract import audit_statements, statements_frame


def _pairs(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.target) for s in find(text) if s.actual is not None]


def _attained(text: str) -> list[tuple[object, object, object]]:
    return [(s.actual, s.target, s.stated_percent) for s in find(text) if s.stated_percent]


def _flagged(text: str) -> list[str]:
    frame = audit_statements(statements_frame(find(text)))
    return [v for v in frame["verdict"].to_list() if v == "inconsistent"]


# a bare "tương đương X%" is the plan's attainment only after the clause's result: the rest
# unspent, a cut or a part of the result named in the amount's clause is no result
CAPITAL_PLAN = "Kế hoạch vốn năm 2041 là 640 tỷ đồng. "
UNSPENT_EQUAL = "Đến nay đã giải ngân 400 tỷ đồng, còn lại 240 tỷ đồng, tương đương 37,5%."
CUT_EQUAL = "Trong năm, vốn bị cắt giảm 64 tỷ đồng, tương đương 10%."
PART_EQUAL = (
    "Đến nay đã giải ngân 400 tỷ đồng, trong đó vốn ngân sách tỉnh 128 tỷ đồng, tương đương 20%."
)
NOT_YET_EQUAL = "Số vốn chưa giải ngân là 240 tỷ đồng, tương đương 37,5%."
RESULT_EQUAL = "Đến nay xã Phú Lâm đã giải ngân được 400 tỷ đồng, tương đương 62,5%."


def test_an_equal_share_of_a_rest_a_cut_or_a_part_is_no_attainment() -> None:
    for text in (UNSPENT_EQUAL, CUT_EQUAL, PART_EQUAL, NOT_YET_EQUAL):
        assert _attained(CAPITAL_PLAN + text) == []
        assert all(target is None for _, target in _pairs(CAPITAL_PLAN + text))


def test_an_equal_share_of_the_result_disbursed_is_still_its_attainment() -> None:
    assert _attained(CAPITAL_PLAN + RESULT_EQUAL) == [
        (Decimal(400_000_000_000), Decimal(640_000_000_000), Decimal("62.5"))
    ]


# "chỉ tiêu" counts places of an intake only: indicators are no plan of people trained or
# given work, and "người" alone counts no one placed
INDICATORS_AND_TRAINEES = (
    "Kế hoạch năm 2041 của xã gồm 16 chỉ tiêu, đã tổ chức tập huấn cho 270 người."
)
INDICATORS_AND_WORKERS_ABROAD = (
    "Năm 2041, xã phấn đấu thực hiện 14 chỉ tiêu, đã đưa 11 người đi làm việc ở nước ngoài."
)
INDICATORS_AND_JOBS = (
    "Năm 2041, kế hoạch đề ra 19 chỉ tiêu, đã giải quyết việc làm cho 17 lao động."
)
PLACES_OF_AN_INTAKE = (
    "Năm 2041, trung tâm được giao chỉ tiêu đào tạo 720 chỉ tiêu, đã đào tạo 700 lao động."
)
PLACES_FILLED_BY_RECRUITS = (
    "Năm 2041, phường có chỉ tiêu giao quân 24 chỉ tiêu, đã tuyển 23 tân binh."
)


def test_indicators_are_no_quota_of_people() -> None:
    for text in (INDICATORS_AND_TRAINEES, INDICATORS_AND_WORKERS_ABROAD, INDICATORS_AND_JOBS):
        assert [p for p in _pairs(text) if p[1] is not None] == []


def test_places_of_an_intake_are_still_the_quota_of_people_taken_in() -> None:
    assert _pairs(PLACES_OF_AN_INTAKE) == [(Decimal(700), Decimal(720))]
    assert _pairs(PLACES_FILLED_BY_RECRUITS) == [(Decimal(23), Decimal(24))]


# a percentage listed after a rate's target undoes the pair only when it may be another
# target: not when it is the attainment, a past year's figure, or a later year's target
# after one of the rate's own year
RATE_TARGET_AND_ATTAINMENT = (
    "Năm 2041, tỷ lệ hộ được dùng điện lưới đạt 96% (mục tiêu 92%, 104,3% kế hoạch)."
)
RATE_TARGET_AND_PAST_YEAR = (
    "Năm 2041, tỷ lệ hộ được dùng điện lưới đạt 96%, vượt mục tiêu 92%; năm 2040: 93%."
)
RATE_TARGET_AND_PAST_YEAR_IN_BRACKETS = (
    "Năm 2041, tỷ lệ hộ được dùng điện lưới đạt 96% (mục tiêu 92%, năm 2040: 93%)."
)
RATE_TARGETS_OF_ITS_YEAR_AND_NEXT = (
    "Năm 2041, tỷ lệ hộ được dùng điện lưới đạt 96% (mục tiêu năm 2041: 92%; năm 2042: 97%)."
)
RATE_OF_NO_YEAR_TARGETS_OF_TWO = (
    "Tỷ lệ hộ được dùng điện lưới đạt 96% (mục tiêu năm 2041: 92%; năm 2042: 97%)."
)
RATE_TWO_TARGETS = "Năm 2041, tỷ lệ hộ được dùng điện lưới đạt 96% (mục tiêu: 92%, 88%)."


def test_an_attainment_or_a_past_year_after_a_target_rate_keeps_the_pair() -> None:
    assert _attained(RATE_TARGET_AND_ATTAINMENT) == [(Decimal(96), Decimal(92), Decimal("104.3"))]
    for text in (
        RATE_TARGET_AND_PAST_YEAR,
        RATE_TARGET_AND_PAST_YEAR_IN_BRACKETS,
        RATE_TARGETS_OF_ITS_YEAR_AND_NEXT,
    ):
        assert _pairs(text) == [(Decimal(96), Decimal(92))]
        assert not _flagged(text)


def test_targets_of_two_measures_or_of_unknown_years_still_undo_the_pair() -> None:
    for text in (RATE_TWO_TARGETS, RATE_OF_NO_YEAR_TARGETS_OF_TWO):
        assert all(target is None for _, target in _pairs(text))
        assert not _flagged(text)


# a round named before a count lists two rounds only when it has a count of its own
ROUND_BEFORE_WITHOUT_COUNT = (
    "Năm 2041, phường đã hoàn thành giao quân đợt 1, và 85 tân binh đợt 2 đạt 100% chỉ tiêu 85 "
    "tân binh."
)
TWO_COUNTED_ROUNDS = (
    "Năm 2041, phường tuyển được 70 tân binh đợt 1, và 15 tân binh đợt 2, đạt 100% chỉ tiêu 85 "
    "tân binh."
)


def test_a_round_named_before_with_no_count_lists_no_second_round() -> None:
    assert (Decimal(85), Decimal(85)) in _pairs(ROUND_BEFORE_WITHOUT_COUNT)


def test_a_count_of_one_of_two_counted_rounds_is_still_no_result() -> None:
    assert _pairs(TWO_COUNTED_ROUNDS) == []
    assert not _flagged(TWO_COUNTED_ROUNDS)


# a quota split into rounds is no plan of the whole result: no claim of 150 against one round
QUOTA_OF_TWO_ROUNDS = (
    "Năm 2041, phường đã giao đủ 85 tân binh, đạt 100% chỉ tiêu 70 tân binh đợt 1 và 15 tân "
    "binh đợt 2."
)
QUOTA_OF_ONE_ROUND = "Năm 2041, phường đã giao 68 tân binh, đạt 97,1% chỉ tiêu 70 tân binh đợt 1."


def test_a_quota_of_one_of_two_rounds_is_no_target_of_the_whole() -> None:
    assert [p for p in _pairs(QUOTA_OF_TWO_ROUNDS) if p[1] is not None] == []
    assert not _flagged(QUOTA_OF_TWO_ROUNDS)


def test_a_quota_of_one_round_alone_is_still_the_target() -> None:
    assert _attained(QUOTA_OF_ONE_ROUND) == [(Decimal(68), Decimal(70), Decimal("97.1"))]
