"""Round 9 of the extraction rules (issue 17): the families of wrong claims and misses of the
ninth batch, each as a general rule of report wording, tested on invented text (never the
evaluation set's)."""

from __future__ import annotations

from decimal import Decimal

from reading import claims


def test_a_year_before_a_comma_is_no_actual() -> None:
    text = (
        "Năm 2025, ngành du lịch tỉnh Bình An ước đón trên 12 triệu lượt khách, tăng 5,2% so "
        "với cùng kỳ 2024, đạt 102,4% kế hoạch."
    )
    [s] = claims(text)
    assert s.actual == Decimal("12000000")
    assert s.stated_percent == Decimal("102.4")


def test_a_decimal_amount_that_starts_like_a_year_is_still_read() -> None:
    [s] = claims("Sản lượng lúa của xã Tân Lộc đạt 2024,5 tấn, đạt 101% kế hoạch.")
    assert s.actual == Decimal("2024.5")
