"""Review fixes of session 34, fixer G: percentages of another period (round 137).

Invented sentences (the reviewer's probes and variants of them).
"""

from __future__ import annotations

from decimal import Decimal

from reading import find

PLAN = "Sau {n} tháng, công ty đã hoàn thành 60% kế hoạch doanh thu năm."


def _given(text: str) -> set[tuple[Decimal | None, Decimal | None]]:
    return {(s.actual, s.stated_percent) for s in find(text, money=True)}


def test_a_running_total_to_the_end_of_a_month_or_quarter_keeps_its_percentage() -> None:
    for lead, n in (
        ("Lũy kế từ đầu năm đến hết tháng 8, doanh thu của công ty Minh Long", 8),
        ("Tính đến hết quý II, doanh thu lũy kế của công ty Minh Long", 6),
        ("Tính đến hết quý III, doanh thu lũy kế của công ty Minh Long", 9),
        ("Quý III, doanh thu của Minh Long đạt 90 tỷ đồng, lũy kế doanh thu", 9),
    ):
        text = f"{lead} đạt 240 tỷ đồng. " + PLAN.format(n=n)
        assert (Decimal(240_000_000_000), Decimal(60)) in _given(text), lead


def test_a_quarters_amount_still_loses_the_percentage_of_the_months() -> None:
    text = "Quý III, doanh thu của Minh Long đạt 90 tỷ đồng. " + PLAN.format(n=9)
    assert (Decimal(90_000_000_000), Decimal(60)) not in _given(text)


def test_a_quarter_in_an_earlier_paragraph_is_not_the_amounts_period() -> None:
    text = (
        "Riêng quý III, lợi nhuận của Minh Long đạt 90 tỷ đồng, tăng 5%.\n\nLũy kế từ đầu "
        "năm, doanh thu của Minh Long đạt 240 tỷ đồng. Sau 9 tháng, công ty hoàn thành 60% "
        "kế hoạch doanh thu năm."
    )
    assert (Decimal(240_000_000_000), Decimal(60)) in _given(text)


def test_a_breakdown_between_the_total_and_nhu_vay_keeps_the_totals_percentage() -> None:
    text = (
        "Tính chung 8 tháng, tỉnh Hòa Bắc đón 3,6 triệu lượt khách, tăng 9%. Trong đó, "
        "khách quốc tế đạt 1,2 triệu lượt, tăng 12%. Như vậy, tỉnh đã hoàn thành 60% mục "
        "tiêu đón 6 triệu lượt khách trong năm."
    )
    assert (Decimal(3_600_000), Decimal(60)) in _given(text)


def test_a_months_amount_before_the_total_still_loses_nhu_vay() -> None:
    text = (
        "Tháng 8, tỉnh Hòa Bắc đón 0,4 triệu lượt khách, tăng 9%. Tính chung 8 tháng, tỉnh "
        "đón 3,6 triệu lượt khách, tăng 12%. Như vậy, tỉnh đã hoàn thành 60% mục tiêu đón 6 "
        "triệu lượt khách trong năm."
    )
    assert (Decimal(400_000), Decimal(60)) not in _given(text)
