"""Round 58 of the extraction rules (issue 17): rules for the batch scored just before the
round, each with a positive and a negative case on invented text (never the evaluation set's
figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find, read_money

from kpitools.extract import audit_statements, statements_frame

# ------------------------------------------------- a plan's percentage after a rough worth

ROUGH_WORTH = (
    "Quý I năm 2041, sản lượng khai thác thủy sản của huyện đạt 4.250 tấn, giá trị ước "
    "khoảng 96 tỷ đồng, bằng 21,35% so với kế hoạch năm."
)
EXACT_WORTH = ROUGH_WORTH.replace("ước khoảng", "ước đạt")
ROUND_PERCENT = ROUGH_WORTH.replace("21,35%", "21,5%")


def test_a_precise_plan_percentage_after_a_rough_worth_is_the_quantity_s() -> None:
    assert (Decimal(4250), None, "21,35%", "attainment") in read_money(ROUGH_WORTH)
    assert not any(a == Decimal(96_000_000_000) for a, *_ in read_money(ROUGH_WORTH))


def test_a_plan_percentage_after_an_exact_or_roughly_cut_worth_stays_the_worth_s() -> None:
    for text in (EXACT_WORTH, ROUND_PERCENT):
        read = read_money(text)
        assert read and all(a == Decimal(96_000_000_000) for a, *_ in read)


# ------------------------------------------------ a fraction of units, then a plan's percentage

UNITS_DONE = (
    "- Thành lập mới 02 hợp tác xã, 11/17 tổ hợp tác, đạt 65% KH; 7/19 doanh nghiệp, đạt 36,84%KH."
)
UNITS_OUT_OF_ALL = "Năm 2041, 7/19 doanh nghiệp có lãi, đạt 36,84%."


def test_a_fraction_of_units_with_a_plan_s_percentage_after_is_read() -> None:
    assert (Decimal(7), Decimal(19), "36,84%", "attainment") in read_money(UNITS_DONE)


def test_a_fraction_of_units_with_no_plan_named_stays_unread() -> None:
    assert not any(a == Decimal(7) for a, *_ in read_money(UNITS_OUT_OF_ALL))


UNITS_CUT = "Năm 2041 thành lập mới 02 hợp tác xã; 5/7 doanh nghiệp, đạt 71,42% kế hoạch."


def test_a_fraction_s_percentage_cut_at_two_decimals_is_flagged() -> None:
    (s,) = [s for s in find(UNITS_CUT) if s.actual == Decimal(5)]
    assert s.verdict == "truncated"
    assert len(audit_statements(statements_frame([s]))) == 1


# ------------------------------------------------------- things built against the plan

BUILT = "- Xây dựng 03/04 trường đạt chuẩn quốc gia, đạt 75%KH."
BUILT_NO_PLAN = "- Xây dựng 03/04 trường đạt chuẩn quốc gia, đạt 75%."


def test_a_fraction_built_against_a_named_plan_is_an_attainment() -> None:
    assert read_money(BUILT) == [(Decimal(3), Decimal(4), "75%", "attainment")]


def test_a_fraction_built_with_no_plan_named_stays_a_coverage() -> None:
    assert read_money(BUILT_NO_PLAN) == [(Decimal(3), Decimal(4), "75%", "coverage")]


# ------------------------------------------------------------- a plan after a slash

SLASH_PLAN = (
    "Tuy nhiên, do thời tiết xấu nên nhiều chỉ tiêu sản xuất không đảm bảo chỉ tiêu kế "
    "hoạch của nghị quyết như: tổng sản lượng cây có hạt 31.420 tấn/KH 33.000 tấn, đạt "
    "95,21% KH; diện tích lúa giảm."
)
PER_YEAR_TARGET = "Năm 2041 phấn đấu tổng sản lượng cây có hạt đạt 33.000 tấn/năm."


def test_a_figure_with_its_plan_after_a_slash_is_the_result_after_plan_words() -> None:
    assert read_money(SLASH_PLAN) == [(Decimal(31420), Decimal(33000), "95,21%", "attainment")]


def test_a_target_per_year_after_a_slash_stays_a_target() -> None:
    assert read_money(PER_YEAR_TARGET) == [(None, Decimal(33000), None, None)]


# ------------------------------------------------------- a rate's fall against its plan

FALL_OVER_PLAN = "Năm 2041 tỷ lệ hộ nghèo 4,2%, giảm 3,15% so với cuối năm 2040, đạt 210% KH."
FALL_UNDER_PLAN = FALL_OVER_PLAN.replace("210%", "90%")


def test_a_rate_s_fall_with_a_plan_s_percentage_over_100_attains_the_planned_fall() -> None:
    assert (Decimal("3.15"), None, "210%", "attainment") in read_money(FALL_OVER_PLAN)


def test_a_rate_s_fall_with_a_plan_s_percentage_under_100_is_left_unpaired() -> None:
    assert (None, None, "90%", "attainment") in read_money(FALL_UNDER_PLAN)
    assert not any(a == Decimal("3.15") for a, *_ in read_money(FALL_UNDER_PLAN))


# ------------------------------------------- a passive clause between a count and its plan

PASSIVE = "Năm 2041 toàn tỉnh có 4.000 lao động được tạo việc làm mới đạt 44,44% kế hoạch."
PASSIVE_NO_PLAN = PASSIVE.replace(" kế hoạch", "")


def test_a_count_s_passive_clause_then_a_plan_s_percentage_is_its_attainment() -> None:
    assert read_money(PASSIVE) == [(Decimal(4000), None, "44,44%", "attainment")]


def test_a_count_s_passive_clause_then_a_bare_percentage_is_not_joined() -> None:
    assert not any(a == Decimal(4000) for a, *_ in read_money(PASSIVE_NO_PLAN))


# ------------------------------------------------- a rate beyond its plan written "KH"

GROWTH_BEYOND_KH = "Năm 2041 tốc độ tăng trưởng kinh tế đạt 9,35% vượt KH là 9% so với nghị quyết."
RATE_BEYOND_KH = "Năm 2041 tỷ lệ che phủ rừng đạt 42,6% vượt KH là 42%."
MARGIN_OVER_KH = "Năm 2041 tốc độ tăng trưởng kinh tế đạt 9,35%, vượt KH 0,35%."


def test_a_rate_beyond_its_plan_abbreviated_kh_is_read_against_it() -> None:
    assert read_money(GROWTH_BEYOND_KH) == [(Decimal("9.35"), Decimal(9), None, None)]
    assert read_money(RATE_BEYOND_KH) == [(Decimal("42.6"), Decimal(42), None, None)]


def test_a_margin_over_a_plan_abbreviated_kh_is_no_target() -> None:
    assert not any(t is not None for _, t, *_ in read_money(MARGIN_OVER_KH))


# ------------------------------------------------------------ a programme named "mục tiêu"

PROGRAMME = (
    "Trong đó, Chương trình Mục tiêu quốc gia là 935,1 tỷ đồng, đạt 22,47% kế hoạch "
    "Thủ tướng Chính phủ giao."
)
NATIONAL_TARGET = "Năm 2041, mục tiêu quốc gia là 935,1 tỷ đồng."


def test_a_programme_named_for_its_targets_is_no_target_word() -> None:
    assert read_money(PROGRAMME) == [(Decimal("935.1E9"), None, "22,47%", "attainment")]


def test_a_target_said_with_mục_tiêu_alone_stays_a_target() -> None:
    assert read_money(NATIONAL_TARGET) == [(None, Decimal("935.1E9"), None, None)]
