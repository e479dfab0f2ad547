"""What the review of round 89 found (session 27), each with a case it mends and one it
keeps, on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

from kpitools.extract import audit_statements, statements_frame


def _flags(text: str) -> list[str]:
    audit = audit_statements(statements_frame(find(text)))
    return [r["note"] for r in audit.iter_rows(named=True) if r["verdict"] == "inconsistent"]


def _pairs(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.target) for s in find(text) if s.target is not None]


def _results(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.stated_percent) for s in find(text) if s.stated_percent is not None]


# B1: a rate is checked against a fraction only when no other figure stands between them
RATE_AFTER_A_SECOND_FRACTION = (
    "Năm 2043, huyện có 11/12 trạm đạt chuẩn, đạt tỷ lệ 91,7%, 4/5 trường đạt chuẩn, đạt tỷ lệ 80%."
)
RATE_RIGHT_AFTER_ITS_FRACTION = "Năm 2043, huyện có 11/12 trạm đạt chuẩn, đạt tỷ lệ 95%."


def test_a_rate_after_a_second_fraction_is_not_checked_against_the_first() -> None:
    assert _flags(RATE_AFTER_A_SECOND_FRACTION) == []


def test_a_rate_right_after_its_fraction_is_still_checked() -> None:
    (note,) = _flags(RATE_RIGHT_AFTER_ITS_FRACTION)
    assert "11 / 12" in note
    assert _flags(RATE_RIGHT_AFTER_ITS_FRACTION.replace("95%", "91,7%")) == []


# B2: a plan named by its verb is the target of money counted at another scale, and of a
# percentage with no figure before it
FEES_AT_ANOTHER_SCALE = "Thu phí đạt 1.200 tỷ đồng, đạt 40% kế hoạch thu 3 nghìn tỷ đồng."
FEES_AT_ANOTHER_SCALE_BEFORE = "Thu phí đạt 1,2 nghìn tỷ đồng, đạt 40% kế hoạch thu 3.000 tỷ đồng."
PLAN_ALONE = "Huy động đạt 40% kế hoạch huy động 3.000 tỷ đồng."
PLAN_OF_SEASONS = "Huyện thu 900 tấn chè, đạt 30% kế hoạch thu 3 vụ."


def test_a_plan_of_money_at_another_scale_is_the_target() -> None:
    for text in (FEES_AT_ANOTHER_SCALE, FEES_AT_ANOTHER_SCALE_BEFORE):
        assert _pairs(text) == [(Decimal("1.2e12"), Decimal("3e12"))], text


def test_a_plan_named_by_its_verb_with_no_figure_before_is_the_target() -> None:
    assert [s.target for s in find(PLAN_ALONE)] == [Decimal("3e12")]


def test_a_plan_of_another_unit_is_still_no_target() -> None:
    assert _pairs(PLAN_OF_SEASONS) == []


# B3: only a year other than the quota's own, and no date's year, parts a quota from intake
QUOTA_OF_ITS_YEAR = "Phường giao 45 chỉ tiêu tuyển sinh năm 2042, đã tuyển được 41 học viên."
QUOTA_AND_A_DATE = "Phường giao 45 chỉ tiêu tuyển sinh, đến 20/3/2042 đã tuyển được 41 học viên."
QUOTA_AND_ANOTHER_YEAR = (
    "Phường được giao 45 chỉ tiêu tuyển sinh cho năm 2043; năm 2042 phường đã tuyển được 41 "
    "học viên."
)


def test_a_quota_with_its_own_year_or_a_date_is_still_the_intakes_plan() -> None:
    for text in (QUOTA_OF_ITS_YEAR, QUOTA_AND_A_DATE):
        assert _pairs(text) == [(41, 45)], text


def test_a_quota_and_an_intake_of_another_year_are_no_pair() -> None:
    assert _pairs(QUOTA_AND_ANOTHER_YEAR) == []


# B4: money listed after a bare "gồm" that adds up to the whole; a part with its own verb
MONEY_PARTS = (
    "Năm 2042, xã giải ngân 80 tỷ đồng, gồm 50 tỷ đồng vốn tỉnh và 30 tỷ đồng vốn xã, đạt 90% "
    "kế hoạch."
)
ONE_MONEY_PART_WITH_ITS_PLAN = (
    "Năm 2042, quỹ cho vay 60 tỷ đồng, gồm 45 tỷ đồng cho vay hộ nghèo, đạt 75% kế hoạch cho "
    "vay hộ nghèo."
)
PART_WITH_ITS_OWN_VERB = (
    "Năm 2042, xã trồng 900 ha keo, gồm 400 ha keo lai và 500 ha keo tai tượng đạt 105% kế hoạch."
)
PARTS_THEN_A_COMMA = PART_WITH_ITS_OWN_VERB.replace("tượng đạt", "tượng, đạt")


def test_money_listed_after_gom_that_adds_up_leaves_the_percentage_to_the_whole() -> None:
    assert _results(MONEY_PARTS) == [(Decimal("8e10"), 90)]


def test_one_money_part_after_gom_keeps_the_percentage_of_its_plan() -> None:
    assert _results(ONE_MONEY_PART_WITH_ITS_PLAN) == [(Decimal("4.5e10"), 75)]


def test_a_part_with_its_own_verb_keeps_its_percentage() -> None:
    assert _results(PART_WITH_ITS_OWN_VERB) == [(500, 105)]
    assert _results(PARTS_THEN_A_COMMA) == [(900, 105)]


# B5: a verb of intake denied takes no one in
QUOTA_NOT_FILLED = "Xã giao 30 chỉ tiêu tuyển quân, không tuyển được 12 thanh niên."
QUOTA_FILLED = "Xã giao 30 chỉ tiêu tuyển quân, đã tuyển được 27 thanh niên."


def test_people_not_taken_in_fill_no_quota() -> None:
    assert _pairs(QUOTA_NOT_FILLED) == []
    assert _pairs(QUOTA_FILLED) == [(27, 30)]
