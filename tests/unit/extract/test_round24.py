"""Round 24 of the extraction rules (issue 17): owners that differ, a kind that names another
measure, a bracketed aside after a measure, a later quarter's amount, and a growth written
with the growth noun — each as a general rule of report wording, tested on invented text
(never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

BILLION = Decimal(10) ** 9


def _pairs(text: str) -> list[tuple[object, object]]:
    """(actual, target) of every statement of ``text`` with both, money read."""
    return [
        (s.actual, s.target)
        for s in find(text, money=True)
        if s.target is not None and s.actual is not None
    ]


# ------------------------------------------------------- a result of another owner's plan


def _quarter_then_plan(owner: str) -> str:
    return (
        f"Quý I, doanh thu của {owner} đạt 2.000 tỷ đồng, lợi nhuận sau thuế 150 tỷ đồng. "
        "Năm nay, công ty đặt mục tiêu doanh thu 9.000 tỷ đồng và lợi nhuận sau thuế 700 tỷ "
        "đồng của Sunbank."
    )


def test_a_quarter_s_amount_is_set_against_its_own_owner_s_plan() -> None:
    # since round 166 the revenue "của Sunbank" is Sunbank's whole revenue too: the plan's
    # sentence names Sunbank (test_round166.py)
    assert _pairs(_quarter_then_plan("Sunbank")) == [
        (2000 * BILLION, 9000 * BILLION),
        (150 * BILLION, 700 * BILLION),
    ]


def test_a_quarter_s_amount_is_not_set_against_another_owner_s_plan() -> None:
    assert _pairs(_quarter_then_plan("Moonbank")) == []


# ------------------------------------------------ financial income beside a revenue plan


def _quarter_of(measure: str) -> str:
    return (
        f"Quý I, {measure} đạt 2.000 tỷ đồng. "
        "Năm nay, công ty đặt mục tiêu doanh thu 9.000 tỷ đồng."
    )


def test_a_quarter_s_revenue_is_set_against_the_year_s_revenue_plan() -> None:
    assert _pairs(_quarter_of("doanh thu")) == [(2000 * BILLION, 9000 * BILLION)]


def test_a_quarter_s_financial_income_is_not_set_against_a_revenue_plan() -> None:
    assert _pairs(_quarter_of("doanh thu tài chính")) == []


# ------------------------------------------- a bracketed aside between a measure and its amount


def test_an_amount_after_a_bracketed_aside_is_of_the_measure_before_it() -> None:
    text = (
        "Quý I, doanh thu (không gồm phí dịch vụ) đạt 2.000 tỷ đồng. "
        "Năm nay, công ty đặt mục tiêu doanh thu 9.000 tỷ đồng."
    )
    assert _pairs(text) == [(2000 * BILLION, 9000 * BILLION)]


def test_a_plan_with_a_part_after_an_aside_is_no_one_plan_for_a_result() -> None:
    text = (
        "Chín tháng năm 2026, doanh thu của xí nghiệp đạt 5.200 tỷ đồng, tăng 8% so với cùng "
        "kỳ. Năm 2026, xí nghiệp đặt kế hoạch doanh thu 9.600 tỷ đồng, gồm doanh thu chính "
        "(chưa tính phí dịch vụ) 9.100 tỷ đồng."
    )
    assert _pairs(text) == []


# ------------------------------------------ a later quarter's amount and a plan of the year


def _attainment_after(period: str) -> list[tuple[object, object]]:
    text = (
        f"Hợp tác xã Đồng Tâm có lãi 50 tỷ đồng {period}; doanh thu đã qua kế hoạch, còn "
        "lợi nhuận mới bằng 90% chỉ tiêu lợi nhuận."
    )
    return [(s.actual, s.stated_percent) for s in find(text, money=True)]


def test_the_first_quarter_s_amount_is_the_result_of_a_plan_s_percentage() -> None:
    assert _attainment_after("quý I") == [(50 * BILLION, Decimal(90))]


def test_a_later_quarter_s_amount_is_not_the_result_of_a_plan_s_percentage() -> None:
    assert _attainment_after("quý IV") == [(None, Decimal(90))]


# ------------------------------------- a growth written with the noun, then a plan's share


def test_a_growth_written_tang_truong_joins_its_amount_and_the_plan_s_share() -> None:
    text = (
        "Từ tháng 1 đến tháng 3/2026, doanh thu của xưởng đạt 5.200 tỷ đồng, tăng trưởng 12%, "
        "bằng 26% kế hoạch năm."
    )
    read = [(s.actual, s.stated_percent, s.stated_kind) for s in find(text, money=True)]
    assert read == [
        (5200 * BILLION, Decimal(12), "growth"),
        (5200 * BILLION, Decimal(26), "attainment"),
    ]


def test_a_growth_rate_of_its_own_sentence_takes_no_amount_before_it() -> None:
    text = "Năm 2026, doanh thu đạt 5.200 tỷ đồng. Tốc độ tăng trưởng 12% so với năm trước."
    read = [(s.actual, s.stated_percent) for s in find(text, money=True)]
    assert read == [(None, Decimal(12))]
