"""Review of session 33's rounds (fixer B): plans read from the next sentence, a plan's base
period, a capital carried over.

Invented sentences (other wording, figures, units and measures than the evaluation passages).
"""

from __future__ import annotations

from decimal import Decimal

from reading import find


def _rows(text: str) -> set[tuple[object, object, str | None, str | None]]:
    return {(s.actual, s.target, s.stated, s.stated_kind) for s in find(text, money=True)}


def test_a_result_compared_with_last_years_period_is_no_item_of_the_plans_list() -> None:
    # "so với cùng kỳ": a result's comparison; the sentence goes on with no plan's list
    for growth in ("tăng 9% so với cùng kỳ năm trước", "tăng 9% so với cùng kỳ"):
        for verb in (" là", ""):
            rows = _rows(
                "Quý I/2041, lợi nhuận trước thuế đạt 12 tỷ đồng. Năm 2041, công ty đặt kế "
                f"hoạch doanh thu 1.500 tỷ đồng. Lợi nhuận trước thuế{verb} 42 tỷ đồng, "
                f"{growth}."
            )
            assert (Decimal(42_000_000_000), None, "9%", "growth") in rows
            assert not any(r[1] == Decimal(42_000_000_000) for r in rows)


def test_a_plans_growth_in_the_next_sentence_still_goes_on_with_its_list() -> None:
    rows = _rows(
        "Quý I/2041, lợi nhuận trước thuế đạt 12 tỷ đồng. Năm 2041, công ty đặt kế hoạch "
        "doanh thu 1.500 tỷ đồng. Lợi nhuận trước thuế 42 tỷ đồng, tăng 9%."
    )
    assert (Decimal(12_000_000_000), Decimal(42_000_000_000), None, None) in rows


def test_a_base_year_another_sentence_names_leaves_the_plan_of_the_result() -> None:
    rows = _rows(
        "Hợp tác xã Bình An đặt kế hoạch năm 2041 với 31 tỷ đồng lợi nhuận, tăng 10% so với "
        "năm 2040.\n\nNăm 2040, lãi ròng của hợp tác xã đạt 28 tỷ đồng. Quý I/2041, lãi ròng "
        "của hợp tác xã đạt hơn 8 tỷ đồng, tương đương 26% mục tiêu lợi nhuận năm 2041."
    )
    assert (Decimal(8_000_000_000), Decimal(31_000_000_000), "26%", "attainment") in rows


def test_a_base_year_the_results_own_sentence_names_still_parts_them() -> None:
    rows = _rows(
        "Hợp tác xã Bình An đặt kế hoạch năm 2042 với 31 tỷ đồng lợi nhuận, giảm 10% so với "
        "năm 2041.\n\nKết thúc năm 2041, lãi ròng của hợp tác xã đạt hơn 34 tỷ đồng, vượt 10% "
        "mục tiêu lợi nhuận."
    )
    assert not any(r[1] == Decimal(31_000_000_000) for r in rows)


def test_a_capital_carried_over_or_another_years_plan_is_no_plan_of_the_disbursed() -> None:
    for text in (
        "Năm 2041, nguồn vốn năm 2040 chuyển sang 10 tỷ đồng thực hiện 8 công trình, giải "
        "ngân 8 tỷ đồng, đạt 80% KH.",
        "Năm 2041, nguồn vốn chuyển nguồn 10 tỷ đồng, giải ngân 8 tỷ đồng, đạt 80% KH.",
        "Năm 2041, nguồn vốn Chương trình 135 là 10 tỷ đồng thực hiện 8 công trình, giải "
        "ngân 8 tỷ đồng, đạt 80% KH năm 2040.",
    ):
        rows = _rows(text)
        assert (Decimal(8_000_000_000), None, "80%", "attainment") in rows, text
        assert not any(r[1] == Decimal(10_000_000_000) for r in rows), text


def test_the_years_capital_of_works_is_still_read() -> None:
    for tail in ("đạt 80% KH.", "đạt 80% KH năm 2041."):
        rows = _rows(
            "Năm 2041, nguồn vốn Chương trình 135 là 10 tỷ đồng thực hiện 8 công trình, giải "
            f"ngân 8 tỷ đồng, {tail}"
        )
        assert (Decimal(8_000_000_000), Decimal(10_000_000_000), "80%", "attainment") in rows
