"""Round 167: a percentage of a plan in a later sentence whose result and plan are read apart.

Invented texts (other firms, figures and measures than the evaluation passages). A quarter's
profit first (the passes pair it with the year's plan), then the half year's profit, then the
plan: ``Như vậy, qua 6 tháng, công ty đã thực hiện được hơn 45,5% kế hoạch hợp nhất``. The
pair before the percentage's sentence does not give it, so the percentage is read with the one
result and plan before it (one to three sentences back) that give it at the precision written,
qualified or not. Near-misses: a percentage of another measure, one the figures do not give.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from reading import claim_set

B = Decimal(10) ** 9

QUARTER = (
    "Riêng quý II/2041, Bảo hiểm Sông Lam đạt lợi nhuận trước thuế 310 tỷ đồng, tăng 41,5% so "
    "với cùng kỳ năm trước.\n\n"
)


def _text(percent: str, words: str = "kế hoạch hợp nhất", profit: str = "536,8") -> str:
    return (
        QUARTER + "Lũy kế 6 tháng đầu năm, Sông Lam ghi nhận doanh thu hợp nhất 7.150 tỷ đồng, "
        "tăng 21,4% so với cùng kỳ năm trước. "
        f"Lợi nhuận trước thuế đạt {profit} tỷ đồng, tăng gần 17%.\n\n"
        "Năm 2041, Sông Lam đặt mục tiêu lợi nhuận trước thuế hợp nhất là 1.180 tỷ đồng, lợi "
        "nhuận công ty mẹ là 690 tỷ đồng. "
        f"Như vậy, qua 6 tháng, công ty đã thực hiện được {percent}% {words} và 31,2% kế hoạch "
        "riêng lẻ."
    )


def test_a_qualified_percentage_takes_the_result_and_plan_that_give_it() -> None:
    claims = claim_set(_text("hơn 45,5"))
    assert (Decimal("536.8") * B, 1180 * B, Decimal("45.5"), "attainment") in claims


def test_a_percentage_the_pair_before_does_not_give_takes_the_result_and_plan() -> None:
    claims = claim_set(_text("45,5"))
    assert (Decimal("536.8") * B, 1180 * B, Decimal("45.5"), "attainment") in claims


def test_the_same_figure_stated_twice_is_one_result() -> None:
    text = _text("hơn 45,5").replace(
        "536,8 tỷ đồng, tăng", "536,8 tỷ đồng; lợi nhuận sau thuế cũng là 536,8 tỷ đồng, tăng"
    )
    claims = claim_set(text)
    assert (Decimal("536.8") * B, 1180 * B, Decimal("45.5"), "attainment") in claims


def test_a_percentage_of_another_measure_takes_neither() -> None:
    claims = claim_set(_text("hơn 45,5", words="kế hoạch doanh thu"))
    assert not any(c[1] == 1180 * B and c[2] == Decimal("45.5") for c in claims)


def test_a_percentage_the_figures_do_not_give_is_read_alone() -> None:
    claims = claim_set(_text("hơn 47,5"))
    assert not any(c[1] == 1180 * B and c[2] == Decimal("47.5") for c in claims)


@settings(max_examples=25, deadline=None)
@given(
    profit=st.integers(min_value=4_500, max_value=11_000),
    qualifier=st.sampled_from(["hơn", "gần", "khoảng"]),
)
def test_the_written_percentage_of_any_half_year_profit_is_read(
    profit: int, qualifier: str
) -> None:
    actual = Decimal(profit) / 10
    percent = (actual / 1180 * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    written = f"{qualifier} " + str(percent).replace(".", ",")
    claims = claim_set(_text(written, profit=str(actual).replace(".", ",")))
    assert (actual * B, 1180 * B, percent, "attainment") in claims
