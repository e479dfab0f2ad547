"""Round 156: a part of the year's result is not paired with a plan its words set apart.

Invented texts (other firms, figures and measures than the review's). A result of some
months or a quarter is not set against the plan that follows when the plan's sentence names
another firm (``Công ty Phú Hưng đặt kế hoạch …`` after ``Công ty Thành Đạt có doanh thu …``;
``Sabena đặt kế hoạch …`` after ``Vitaco``), is a goal of a later year or of several
(``Đến năm 2037``, ``Giai đoạn 2027-2031``), is one of two plans of a profit's kinds
(``trước thuế`` and ``sau thuế``) the result does not name, or is the parent company's
against a consolidated result. The right pairings (same firm, a plan of the year, the same
kind, the same scope) are kept.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from reading import money_pairs

B = Decimal(10) ** 9


def pairs(text: str) -> set[tuple[object, object]]:
    """(actual, target) of each pair of ``text`` with both, money read."""
    return {(a, t) for a, t, _, _ in money_pairs(text)}


def months(subject: str, figure: int = 470) -> str:
    return f"Lũy kế 9 tháng, {subject} có doanh thu {figure} tỷ đồng, tăng 11% so với cùng kỳ.\n\n"


def test_another_firm_named_in_words_keeps_the_months_from_its_plan() -> None:
    text = months("Công ty Thành Đạt") + (
        "Công ty Phú Hưng đặt kế hoạch doanh thu 900 tỷ đồng cho năm nay."
    )
    assert (470 * B, 900 * B) not in pairs(text)


def test_another_firm_opening_the_plan_s_sentence_keeps_the_months_from_its_plan() -> None:
    text = months("Vitaco") + "Sabena đặt kế hoạch doanh thu 900 tỷ đồng cho năm nay."
    assert (470 * B, 900 * B) not in pairs(text)


def test_the_same_firm_s_plan_is_paired() -> None:
    assert (470 * B, 900 * B) in pairs(
        months("Công ty Thành Đạt")
        + "Công ty Thành Đạt đặt kế hoạch doanh thu 900 tỷ đồng cho năm nay."
    )
    assert (470 * B, 900 * B) in pairs(
        months("Vitaco") + "Vitaco đặt kế hoạch doanh thu 900 tỷ đồng cho năm nay."
    )
    assert (470 * B, 900 * B) in pairs(
        months("công ty") + "Công ty đặt kế hoạch doanh thu 900 tỷ đồng cho năm nay."
    )


RESULT = "9 tháng, doanh thu của công ty đạt 610 tỷ đồng, tăng 7% so với cùng kỳ.\n\n"


def test_a_goal_of_a_later_year_or_of_several_is_no_plan_of_the_months() -> None:
    for lead in ("Đến năm 2037", "Giai đoạn 2027-2031", "Trong nhiệm kỳ tới"):
        text = RESULT + f"{lead}, công ty đặt mục tiêu doanh thu 3.600 tỷ đồng."
        assert (610 * B, 3600 * B) not in pairs(text), lead


def test_the_year_s_plan_is_paired() -> None:
    text = RESULT + "Năm nay, công ty đặt kế hoạch doanh thu 1.050 tỷ đồng."
    assert (610 * B, 1050 * B) in pairs(text)


PLANS = (
    "Năm nay, công ty đặt kế hoạch lợi nhuận trước thuế 330 tỷ đồng và lợi nhuận sau thuế "
    "265 tỷ đồng."
)


def test_a_profit_of_no_kind_is_not_paired_with_plans_of_two_kinds() -> None:
    text = "Quý 2, lợi nhuận của công ty đạt 95 tỷ đồng, tăng 6% so với cùng kỳ.\n\n" + PLANS
    found = pairs(text)
    assert (95 * B, 330 * B) not in found
    assert (95 * B, 265 * B) not in found


def test_a_profit_of_a_named_kind_is_paired_with_its_kind_s_plan() -> None:
    for kind, plan in (("trước thuế", 330), ("sau thuế", 265)):
        text = f"Quý 2, lợi nhuận {kind} của công ty đạt 95 tỷ đồng, tăng 6%.\n\n" + PLANS
        found = pairs(text)
        assert (95 * B, plan * B) in found, kind
        assert len([p for p in found if p[0] == 95 * B]) == 1, kind


def test_a_profit_of_no_kind_is_paired_with_one_plan_of_profit() -> None:
    text = (
        "Quý 2, lợi nhuận của công ty đạt 95 tỷ đồng, tăng 6% so với cùng kỳ.\n\n"
        "Năm nay, công ty đặt kế hoạch lợi nhuận sau thuế 265 tỷ đồng."
    )
    assert (95 * B, 265 * B) in pairs(text)


def test_a_consolidated_result_is_not_set_against_the_parent_s_plan() -> None:
    text = (
        "Nửa đầu năm, doanh thu hợp nhất đạt 720 tỷ đồng, tăng 9% so với cùng kỳ.\n\n"
        "Năm nay, công ty mẹ đặt kế hoạch doanh thu 1.400 tỷ đồng."
    )
    assert (720 * B, 1400 * B) not in pairs(text)


def test_a_consolidated_result_is_set_against_a_consolidated_plan() -> None:
    text = (
        "Nửa đầu năm, doanh thu hợp nhất đạt 720 tỷ đồng, tăng 9% so với cùng kỳ.\n\n"
        "Năm nay, công ty đặt kế hoạch doanh thu hợp nhất 1.400 tỷ đồng."
    )
    assert (720 * B, 1400 * B) in pairs(text)


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=100, max_value=800), st.integers(min_value=2031, max_value=2045))
def test_no_figure_of_the_months_is_paired_with_a_goal_of_a_later_year(
    figure: int, year: int
) -> None:
    text = (
        f"9 tháng, doanh thu của công ty đạt {figure} tỷ đồng, tăng 7% so với cùng kỳ.\n\n"
        f"Đến năm {year}, công ty đặt mục tiêu doanh thu 5.000 tỷ đồng."
    )
    assert not any(t == 5000 * B for _, t in pairs(text))


def test_letters_a_person_and_a_fiscal_year_keep_the_dated_pairing() -> None:
    plan = "\n\nNăm 2041, {} đặt kế hoạch doanh thu 1.900 tỷ đồng."
    for text in (
        # a ticker may abbreviate the plan's name in words
        "Quý I/2041, doanh thu thuần KTV đạt 480 tỷ đồng, tăng 5% so với cùng kỳ."
        + plan.format("Thủy sản Kiên Tâm"),
        # a person named is no firm
        "Quý I/2041, Tổng giám đốc Lê Văn An cho biết doanh thu đạt 480 tỷ đồng."
        + plan.format("Vitaco"),
        # two years in a row: one fiscal year, no period of several
        "Quý I niên độ tài chính 2040 - 2041, doanh thu của công ty đạt 480 tỷ đồng, tăng 5% "
        "so với cùng kỳ.\n\nĐầu niên độ tài chính 2040 - 2041, công ty đặt mục tiêu doanh thu "
        "1.900 tỷ đồng.",
    ):
        assert (480 * B, 1900 * B) in pairs(text), text
