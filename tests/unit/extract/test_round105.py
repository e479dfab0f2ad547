"""Round 105: the kinds and plans of amounts in lists, for the percentage and part-year passes.

Invented sentences (other wording, figures and measures than the evaluation passages).
"""

from __future__ import annotations

from decimal import Decimal

from reading import bare_pairs

from kpitools.extract.amounts import amounts_in, listed_measure, measure_kind
from kpitools.textfold import fold

B = Decimal(10) ** 9


def _kinds(text: str) -> list[tuple[Decimal, tuple[str | None, str | None]]]:
    folded = fold(text)
    return [(a.value, measure_kind(folded, a)) for a in amounts_in(folded, 0, len(folded))]


def test_a_list_of_results_said_respectively_gives_each_amount_its_places_kind() -> None:
    text = (
        "Hết quý III/2041, lãi gộp đạt 96 tỷ đồng; lãi trước thuế và lãi sau thuế lần lượt "
        "ở mức 41,2 tỷ đồng và 33,5 tỷ đồng. Năm 2041, xí nghiệp đặt mục tiêu 52 tỷ đồng lãi "
        "trước thuế."
    )
    kinds = dict(_kinds(text))
    assert kinds[Decimal("41.2") * B] == ("lợi nhuận", "trước thuế")
    assert kinds[Decimal("33.5") * B] == ("lợi nhuận", "sau thuế")
    pairs = bare_pairs(text)
    assert (Decimal("41.2") * B, 52 * B, None, None) in pairs
    assert not any(p[0] == Decimal("33.5") * B for p in pairs)  # after tax: not the plan's


def test_a_plan_list_said_respectively_gives_a_percentage_its_plan() -> None:
    text = (
        "Nửa đầu năm 2041, hãng ghi nhận doanh thu 1.260 tỷ đồng, lợi nhuận trước thuế "
        "128 tỷ đồng.\n\nNăm 2041, hãng đặt kế hoạch doanh thu và lợi nhuận trước thuế tương "
        "ứng là 3.000 tỷ đồng và 400 tỷ đồng. Như vậy, hãng mới hoàn thành 32% kế hoạch "
        "lợi nhuận năm."
    )
    kinds = dict(_kinds(text))
    assert kinds[3000 * B] == ("doanh thu", None)  # not the last measure named before it
    assert kinds[400 * B] == ("lợi nhuận", "trước thuế")
    assert (128 * B, 400 * B, Decimal(32), "attainment") in bare_pairs(text)


def test_no_list_when_amounts_and_measures_do_not_pair_up() -> None:
    folded = fold(
        "Doanh thu, lợi nhuận trước thuế và lợi nhuận sau thuế lần lượt đạt 900 tỷ đồng và "
        "70 tỷ đồng."
    )
    amounts = amounts_in(folded, 0, len(folded))
    assert [listed_measure(folded, a) for a in amounts] == [None, None]
    # other words between the measures and "lần lượt": no plain list
    folded = fold(
        "Doanh thu và lãi ròng của cổ đông công ty lần lượt đạt 900 tỷ đồng và 70 tỷ đồng."
    )
    assert [listed_measure(folded, a) for a in amounts_in(folded, 0, len(folded))] == [None, None]
    # one measure with two kinds is read by its pair of kinds, as before
    folded = fold("Lợi nhuận trước thuế và sau thuế lần lượt đạt 90 tỷ đồng và 72 tỷ đồng.")
    assert [measure_kind(folded, a) for a in amounts_in(folded, 0, len(folded))] == [
        ("lợi nhuận", "trước thuế"),
        ("lợi nhuận", "sau thuế"),
    ]
