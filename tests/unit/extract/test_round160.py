"""Round 160: two percentages said ``lần lượt`` in a later sentence than their amounts.

Invented texts (other firms, figures and measures than the evaluation passages). ``Như vậy,
công ty đã thực hiện được lần lượt 46% và 40,7% các chỉ tiêu doanh thu và lợi nhuận``, in a
sentence of no amount of its own, after results and plans each read on its own (no pair of
them read): each percentage is read with the one result and plan before it that give it at
the precision written, the two in the order the report states them; one that no result and
plan give stays unread while the other is read. Near-misses: the percentages in the other
order, a quarter's result against a half year's percentages, a plan of another measure, two
results that both give the percentage.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from reading import claim_set

B = Decimal(10) ** 9

BETWEEN = "Tổng tài sản của công ty đến 30/6/2041 đạt 12.300 tỷ đồng, tăng 9% so với đầu năm.\n\n"


def _results(revenue: str = "4.416", profit: str | None = "618") -> str:
    after_tax = f"lãi sau thuế đạt {profit} tỷ đồng, tăng" if profit else "lãi sau thuế tăng"
    return (
        "Lũy kế 6 tháng đầu năm, doanh thu thuần của Công ty Sao Việt tăng 21% lên "
        f"{revenue} tỷ đồng; {after_tax} 6,2% so với cùng kỳ năm 2040.\n\n"
    )


def _plans(revenue: str = "9.600", profit: str = "1.520", measure: str = "doanh thu") -> str:
    return (
        f"Năm 2041, Sao Việt đặt mục tiêu {measure} là {revenue} tỷ đồng, tăng trưởng 11,5% so "
        f"với năm 2040. Kế hoạch lãi sau thuế của công ty là {profit} tỷ đồng, tăng trưởng 8% so "
        "với năm 2040.\n\n"
    )


def _respectively(first: str, second: str) -> str:
    return (
        f"Như vậy, công ty đã thực hiện được lần lượt {first}% và {second}% các chỉ tiêu doanh "
        "thu và lợi nhuận sau hai quý."
    )


def test_two_percentages_said_respectively_take_the_results_and_plans_before() -> None:
    text = _results() + BETWEEN + _plans() + _respectively("46", "40,7")
    claims = claim_set(text)
    assert (4416 * B, 9600 * B, 46, "attainment") in claims
    assert (618 * B, 1520 * B, Decimal("40.7"), "attainment") in claims


def test_the_one_percentage_figures_give_is_read_alone() -> None:
    # the profit's amount is not stated: the second percentage stays unread
    text = _results(profit=None) + BETWEEN + _plans() + _respectively("46", "41")
    claims = claim_set(text)
    assert (4416 * B, 9600 * B, 46, "attainment") in claims
    assert not any(c[2] == 41 for c in claims)


def test_a_quarter_s_pair_already_read_takes_its_percentage() -> None:
    text = (
        "Quý I/2042, Công ty Sông Lam ghi nhận doanh thu thuần 720 tỷ đồng, tăng 14% so với "
        "cùng kỳ; lợi nhuận trước thuế tăng 9%.\n\nNăm 2042, công ty thông qua kế hoạch kinh "
        "doanh với mục tiêu doanh thu là 2.880 tỷ đồng, tăng 10% so với năm trước; lợi nhuận "
        "trước thuế là 330 tỷ đồng. Như vậy, sau 3 tháng đầu năm, công ty đã hoàn thành lần "
        "lượt 25% và 31% kế hoạch năm."
    )
    assert (720 * B, 2880 * B, 25, "attainment") in claim_set(text)


def test_two_percentages_of_plans_without_lan_luot_both_given_are_read() -> None:
    text = (
        _results() + BETWEEN + _plans() + "Sau hai quý, công ty đã thực hiện được 46% và 40,7% "
        "kế hoạch."
    )
    claims = claim_set(text)
    assert (4416 * B, 9600 * B, 46, "attainment") in claims
    assert (618 * B, 1520 * B, Decimal("40.7"), "attainment") in claims


def test_a_qualified_second_percentage_said_respectively() -> None:
    text = (
        _results(revenue="3.900") + BETWEEN + _plans() + "Như vậy sau 6 tháng, công ty đã hoàn "
        "thành lần lượt 43% kế hoạch doanh thu và gần 41% mục tiêu lợi nhuận."
    )
    claims = claim_set(text)
    assert (618 * B, 1520 * B, 41, "attainment") in claims
    assert not any(c[2] == 43 for c in claims)


def test_without_lan_luot_one_percentage_given_alone_reads_nothing() -> None:
    text = (
        _results(profit=None) + BETWEEN + _plans() + "Sau hai quý, công ty đã thực hiện được 46% "
        "và 41% kế hoạch."
    )
    assert not any(c[2] in (46, 41) for c in claim_set(text))


def test_respective_percentages_no_reading_fits_in_order_read_nothing() -> None:
    # the other order: revenue gives the second, profit the first
    text = _results() + BETWEEN + _plans() + _respectively("40,7", "46")
    assert not any(c[2] in (46, Decimal("40.7")) for c in claim_set(text))
    # a quarter's result against the half year's percentages
    text = (
        "Riêng quý II, doanh thu thuần của Công ty Sao Việt đạt 2.208 tỷ đồng.\n\n"
        + BETWEEN
        + _plans()
        + "Như vậy, sau 6 tháng đầu năm, công ty đã thực hiện được lần lượt 23% và 40% các chỉ "
        "tiêu doanh thu và lợi nhuận."
    )
    assert not any(c[2] == 23 for c in claim_set(text))
    # a plan of another measure than the result's
    text = _results(profit=None) + BETWEEN + _plans(measure="lợi nhuận") + _respectively("46", "41")
    assert not any(c[2] == 46 for c in claim_set(text))


def test_two_results_giving_the_percentage_leave_it_unread() -> None:
    text = (
        "Lũy kế 6 tháng đầu năm, doanh thu thuần của Công ty Sao Việt tăng 21% lên 4.416 tỷ "
        "đồng; doanh thu bán lẻ đạt 4.420 tỷ đồng, tăng 7%.\n\n" + BETWEEN + _plans()
    ) + _respectively("46", "40")
    assert not any(c[2] == 46 for c in claim_set(text))


@settings(max_examples=20, deadline=None)
@given(
    revenue=st.integers(min_value=2000, max_value=6000),
    share=st.integers(min_value=30, max_value=90),
)
def test_a_respective_percentage_is_read_only_when_its_figures_give_it(
    revenue: int, share: int
) -> None:
    """The percentage the result and plan give is read with them; one three points off is not."""
    plan = int((Decimal(revenue) * 100 / share).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    stated = (Decimal(revenue) * 100 / plan).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    rev, pl = f"{revenue:,}".replace(",", "."), f"{plan:,}".replace(",", ".")
    lead = _results(revenue=rev, profit=None) + BETWEEN + _plans(revenue=pl)
    right = claim_set(lead + _respectively(f"{stated}", "7"))
    assert (revenue * B, plan * B, stated, "attainment") in right
    off = stated + 3
    wrong = claim_set(lead + _respectively(f"{off}", "7"))
    assert not any(c[2] == off and c[0] is not None for c in wrong)
