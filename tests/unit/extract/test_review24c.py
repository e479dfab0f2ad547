"""What the review of rounds 80–81 found (session 24), each with a case it mends and one it
keeps, on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find


def _claims(text: str) -> list[tuple[Decimal | None, Decimal | None, str | None]]:
    return [(s.actual, s.target, s.verdict) for s in find(text) if s.actual is not None]


def _pairs(text: str) -> list[tuple[Decimal | None, Decimal | None]]:
    return [(s.actual, s.target) for s in find(text) if None not in (s.actual, s.target)]


# a: parts set against goals of another year, horizon or season
PARTS_THEN_NEXT_YEAR = (
    "Năm 2041, toàn xã nuôi 930 lồng cá, trong đó cá rô 510 lồng, cá trắm 420 lồng. Kế hoạch"
    " năm 2042 nuôi 990 lồng cá, trong đó cá rô 560 lồng, cá trắm 430 lồng."
)
PARTS_THEN_HORIZON = (
    "Đàn gia cầm có 7.300 con, trong đó vịt 2.100 con, ngan 5.200 con. Mục tiêu đến năm 2047"
    " tổng đàn 9.000 con, trong đó vịt 2.600 con, ngan 6.400 con."
)
PARTS_THEN_OTHER_SEASON = (
    "Vụ chiêm xuân gieo cấy 470 ha, trong đó lúa nếp 130 ha, lúa tẻ 340 ha. Kế hoạch vụ thu"
    " gieo cấy 490 ha, trong đó lúa nếp 150 ha, lúa tẻ 340 ha."
)
TWO_SEASONS_THEN_YEAR = (
    "Vụ chiêm xuân gieo cấy 470 ha, trong đó lúa nếp 130 ha, lúa tẻ 340 ha. Vụ thu gieo cấy"
    " 450 ha, trong đó lúa nếp 120 ha, lúa tẻ 330 ha. Kế hoạch năm 2041 gieo cấy 950 ha,"
    " trong đó lúa nếp 260 ha, lúa tẻ 690 ha."
)
PARTS_THEN_SAME_YEAR = (
    "Năm 2041, toàn xã nuôi 930 lồng cá, trong đó cá rô 510 lồng, cá trắm 420 lồng. Kế hoạch"
    " năm 2041 nuôi 990 lồng cá, trong đó cá rô 560 lồng, cá trắm 430 lồng."
)


def test_parts_are_not_set_against_goals_of_another_period() -> None:
    for text in (
        PARTS_THEN_NEXT_YEAR,
        PARTS_THEN_HORIZON,
        PARTS_THEN_OTHER_SEASON,
        TWO_SEASONS_THEN_YEAR,
    ):
        assert _pairs(text) == [], text


def test_parts_are_still_set_against_goals_of_their_own_year() -> None:
    assert (Decimal(510), Decimal(560)) in _pairs(PARTS_THEN_SAME_YEAR)


# the year named once, paragraphs before the parts, is still theirs
YEAR_AT_THE_HEAD = (
    "Quý I năm 2041, diện tích trồng nấm của huyện đạt 64 ha.\n\nẢnh: nhà nấm.\n\nTrong đó, nấm"
    " rơm 41 ha, nấm sò 23 ha.\n\nMục tiêu năm 2041 trồng nấm 80 ha, trong đó nấm sò 30 ha và"
    " nấm rơm 50 ha."
)


def test_parts_take_the_goals_of_the_year_named_at_the_reports_head() -> None:
    assert sorted(_pairs(YEAR_AT_THE_HEAD)) == [
        (Decimal(23), Decimal(30)),
        (Decimal(41), Decimal(50)),
    ]


# b: a rate's excess after "vượt mức" is no level beaten
EXCESS_OF_A_RATE = "Năng suất ngô bình quân đạt 71,4 tạ/ha, vượt mức 3,4 tạ/ha."
EXCESS_OF_BEDS = "Số bác sĩ đạt 17 bác sĩ/vạn dân, vượt mức 1 bác sĩ/vạn dân."
LEVEL_OF_A_RATE = "Số bác sĩ đạt 17 bác sĩ/vạn dân, vượt mức 15 bác sĩ/vạn dân."


def test_a_rates_excess_after_vuot_muc_is_no_target() -> None:
    # the excess is read as one: the target is the result less it
    assert _pairs(EXCESS_OF_A_RATE) == [(Decimal("71.4"), Decimal(68))]
    assert _pairs(EXCESS_OF_BEDS) == [(Decimal(17), Decimal(16))]


def test_a_level_a_rate_beat_is_still_its_target() -> None:
    assert _pairs(LEVEL_OF_A_RATE) == [(Decimal(17), Decimal(15))]


# c: a level expected is no plan of a percentage that names the plan
EXPECTED_BESIDE_PLAN = (
    "Doanh thu dịch vụ đạt 73 tỷ đồng, thấp hơn mức kỳ vọng là 78 tỷ đồng, bằng 81% kế hoạch năm."
)
INVESTORS_EXPECTED = (
    "Lãi ròng đạt 73 tỷ đồng, trong khi cổ đông kỳ vọng đạt 78 tỷ đồng, hoàn thành 81% kế"
    " hoạch năm."
)
EXPECTED_ALONE = "Lãi ròng đạt 73 tỷ đồng, trong khi cổ đông kỳ vọng đạt 78 tỷ đồng."


def test_a_level_expected_is_no_plan_of_a_percentage_naming_the_plan() -> None:
    for text in (EXPECTED_BESIDE_PLAN, INVESTORS_EXPECTED):
        claims = _claims(text)
        assert all(t is None for _, t, _ in claims), text
        assert "inconsistent" not in [v for _, _, v in claims], text


def test_a_level_expected_alone_is_still_the_target() -> None:
    assert _pairs(EXPECTED_ALONE) == [(Decimal(73 * 10**9), Decimal(78 * 10**9))]


# d: percentages said in turn after plans, of another order or subject, or with a change after
PLANS_THEN_TURNS = (
    "Năm 2041, xí nghiệp đạt doanh thu 714 tỷ đồng, lợi nhuận 52 tỷ đồng. So với kế hoạch năm"
    " 2041 là doanh thu 840 tỷ đồng và lợi nhuận 65 tỷ đồng, xí nghiệp hoàn thành lần lượt 85%"
    " và 80%"
)
MEASURES_IN_ANOTHER_ORDER = PLANS_THEN_TURNS.replace(
    "xí nghiệp hoàn thành lần lượt 85% và 80%", "lợi nhuận và doanh thu lần lượt đạt 80% và 85%"
)
OTHER_SUBJECT = PLANS_THEN_TURNS.replace(
    "xí nghiệp hoàn thành lần lượt 85% và 80%", "các phân xưởng hoàn thành lần lượt 61% và 67%"
)


def test_percentages_in_turn_of_measures_reordered_or_another_subject_are_not_linked() -> None:
    for text in (MEASURES_IN_ANOTHER_ORDER + ".", OTHER_SUBJECT + "."):
        assert _pairs(text) == [], text


def test_percentages_in_turn_with_a_change_after_them_are_linked() -> None:
    text = PLANS_THEN_TURNS + ", tăng lần lượt 9% và 11% so với năm trước."
    assert _pairs(text) == [
        (Decimal(714 * 10**9), Decimal(840 * 10**9)),
        (Decimal(52 * 10**9), Decimal(65 * 10**9)),
    ]
    assert _pairs(PLANS_THEN_TURNS + ".") == _pairs(text)


# e: the capital's amount is the plan of a capital spent, in its clause, of no other measure
CAPITAL_THEN_LOANS = "Nguồn vốn huy động: 730 tỷ đồng, dư nợ cho vay 511 tỷ đồng, đạt 70% kế hoạch."
CAPITAL_THEN_SEMICOLON = (
    "Vốn huy động năm 2041: 730 tỷ đồng, tăng 9% so với năm trước; dư nợ đạt 511 tỷ đồng,"
    " đạt 70% kế hoạch."
)
CAPITAL_THEN_REVENUE = "Vốn điều lệ: 730 tỷ đồng, doanh thu 511 tỷ đồng, đạt 70% kế hoạch."
CAPITAL_SPENT = "Vốn đầu tư công năm 2041: 730 tỷ đồng, đã giải ngân 511 tỷ đồng, đạt 70% kế hoạch."


def test_a_capitals_amount_is_no_plan_of_another_measure_or_clause() -> None:
    for text in (CAPITAL_THEN_LOANS, CAPITAL_THEN_SEMICOLON, CAPITAL_THEN_REVENUE):
        assert all(t is None for _, t, _ in _claims(text)), text


def test_a_capitals_amount_is_still_the_plan_of_the_capital_spent() -> None:
    assert _pairs(CAPITAL_SPENT) == [(Decimal(511 * 10**9), Decimal(730 * 10**9))]
