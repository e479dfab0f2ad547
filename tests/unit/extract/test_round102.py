"""Round 102: the year's plans set out in the text, read as targets of part-year amounts.

Invented sentences (other wording, figures and measures than the evaluation passages).
"""

from __future__ import annotations

from decimal import Decimal

from reading import bare_pairs

B = Decimal(10) ** 9


def test_a_plan_list_said_respectively_gives_each_measure_its_amount() -> None:
    text = (
        "Quý II/2041, lợi nhuận sau thuế đạt 52 tỷ đồng, tăng 9% so với cùng kỳ. "
        "Năm 2041, công ty đặt kế hoạch doanh thu và lợi nhuận sau thuế tương ứng là "
        "1.100 tỷ đồng và 210 tỷ đồng."
    )
    pairs = bare_pairs(text)
    assert (52 * B, 210 * B, None, None) in pairs
    assert not any(p[1] == 1100 * B for p in pairs)  # revenue's plan, not profit's


def test_a_plan_list_with_lan_luot_and_a_growth_of_the_plan_after_it() -> None:
    text = (
        "Trong 6 tháng đầu năm 2041, doanh thu thuần của công ty đạt 3.150 tỷ đồng. "
        "Năm 2041, công ty lên kế hoạch doanh thu thuần và lãi ròng lần lượt đạt 7.400 tỷ đồng "
        "và 640 tỷ đồng, tăng 12% và 18% so với thực hiện năm 2040."
    )
    pairs = bare_pairs(text)
    assert (3150 * B, 7400 * B, None, None) in pairs
    assert not any(p[1] == 640 * B for p in pairs)
    assert not any(p[2] in (12, 18) and p[3] in ("attainment", "excess") for p in pairs)


def test_next_years_plan_is_no_plan_of_this_years_quarter() -> None:
    text = (
        "Quý IV/2040, doanh thu thuần của công ty đạt 520 tỷ đồng, tăng 5% so với cùng kỳ. "
        "Năm 2041, công ty đặt kế hoạch doanh thu thuần và lợi nhuận sau thuế tương ứng là "
        "2.100 tỷ đồng và 210 tỷ đồng."
    )
    assert not bare_pairs(text)
    this_year = text.replace("IV/2040", "IV/2041")
    assert bare_pairs(this_year) == {(520 * B, 2100 * B, None, None)}
    # the quarter's sentence names no year; the lead names last year
    led = "Công ty khép lại năm 2040 với nhiều kết quả khả quan.\n" + text.replace(
        "Quý IV/2040, doanh", "Trong quý IV, doanh"
    )
    assert not bare_pairs(led)


def test_a_forecast_of_the_quarter_is_no_result() -> None:
    text = (
        "Năm 2041, tỉnh đặt kế hoạch doanh thu và lợi nhuận tương ứng là 9.000 tỷ đồng và "
        "700 tỷ đồng. Trong quý IV, tỉnh kỳ vọng doanh thu đạt 2.600 tỷ đồng, tăng 15% so với "
        "cùng kỳ."
    )
    assert not any(p[0] == 2600 * B for p in bare_pairs(text))


def test_a_plan_whose_sentence_states_its_percentages_after_it_is_left() -> None:
    text = (
        "Trong 9 tháng năm 2041, doanh thu thuần của công ty đạt 4.100 tỷ đồng, tăng 6% so với "
        "cùng kỳ. Năm 2041, công ty đặt kế hoạch doanh thu và lợi nhuận tương ứng là 6.000 tỷ "
        "đồng và 500 tỷ đồng, và đến nay đã đạt 72% kế hoạch doanh thu."
    )
    assert not any(p == (4100 * B, 6000 * B, None, None) for p in bare_pairs(text))


def test_a_list_of_results_said_respectively_is_no_plan() -> None:
    text = (
        "Quý I/2041, doanh thu thuần của công ty đạt 800 tỷ đồng, tăng 5% so với cùng kỳ. "
        "Kế hoạch năm 2041 đã "
        "được thông qua; trước đó, doanh thu và lợi nhuận thực hiện năm 2040 tương ứng là "
        "3.000 tỷ đồng và 250 tỷ đồng."
    )
    assert not any(p[1] == 3000 * B for p in bare_pairs(text))


def test_a_plan_of_the_parent_company_is_no_plan_of_the_groups_quarter() -> None:
    text = (
        "Quý II/2041, lợi nhuận sau thuế đạt 52 tỷ đồng, tăng 9% so với cùng kỳ. Năm 2041, "
        "công ty đặt kế hoạch doanh thu và lợi nhuận sau thuế của công ty mẹ tương ứng là "
        "1.100 tỷ đồng và 210 tỷ đồng."
    )
    assert not bare_pairs(text)
