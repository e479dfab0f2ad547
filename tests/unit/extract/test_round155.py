"""Round 155: a stated percentage in a later sentence than its amount.

Invented texts (other firms, figures and measures than the evaluation passages). A second
attainment listed after a first of a named plan, with no verb of its own (``… đã hoàn thành
62% kế hoạch doanh thu, 48% mục tiêu lợi nhuận năm``, ``…, và gần 43% …``, a bracket of words
between), shares the first's verb and is read, its result taken from the sentences before.
A result read against its written plan with no percentage takes the percentage of that plan
stated in a later sentence when exactly one such pair gives it as written; two percentages
said ``lần lượt`` with no amount of their own take the last two pairs, in order, when each
gives its own. Near-misses: a bracket with the plan's amount between the two percentages, a
second percentage that is a growth, a percentage no pair gives, two pairs that both give it,
percentages said respectively in the other order.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from reading import claim_set

B = Decimal(10) ** 9

RESULTS = (
    "Lũy kế 9 tháng năm 2041, doanh thu thuần của công ty đạt 1.250 tỷ đồng, tăng 8% so với "
    "cùng kỳ; lợi nhuận trước thuế đạt 96 tỷ đồng, tăng 15%.\n\n"
)


def test_a_second_attainment_after_a_comma_shares_the_first_s_verb() -> None:
    text = RESULTS + (
        "Như vậy, sau 9 tháng, công ty đã hoàn thành 62% kế hoạch doanh thu, 48% mục tiêu lợi "
        "nhuận năm."
    )
    claims = claim_set(text)
    assert (1250 * B, None, 62, "attainment") in claims
    assert (96 * B, None, 48, "attainment") in claims


def test_a_second_attainment_after_comma_and_va_with_a_qualifier() -> None:
    text = RESULTS + (
        "Với kết quả này, công ty đã thực hiện được 62% kế hoạch doanh thu, và gần 48% mục tiêu "
        "lợi nhuận trước thuế cả năm."
    )
    assert (96 * B, None, 48, "attainment") in claim_set(text)


def test_a_second_attainment_after_a_bracket_of_words() -> None:
    text = RESULTS + (
        "Như vậy, công ty đã hoàn thành 62% kế hoạch doanh thu (phương án cơ sở) và 48% kế "
        "hoạch lợi nhuận năm."
    )
    assert (96 * B, None, 48, "attainment") in claim_set(text)


def test_second_percentages_that_are_not_listed_attainments_read_nothing_new() -> None:
    # the plan's amount in brackets between: the second's own plan may be meant, unread
    text = RESULTS + (
        "Như vậy, công ty đã hoàn thành 62% kế hoạch doanh thu (2.016 tỷ đồng) và 48% kế hoạch "
        "lợi nhuận năm."
    )
    assert not any(c[2] == 48 for c in claim_set(text))
    # a growth after the comma, no plan word after it
    text = RESULTS + "Như vậy, công ty đã hoàn thành 62% kế hoạch doanh thu, 15% so với cùng kỳ."
    assert not any(c[2] == 15 and c[3] == "attainment" for c in claim_set(text))


PAIRS = (
    "Sáu tháng đầu năm, tổng công ty ghi nhận doanh thu 3.150 tỷ đồng, lợi nhuận sau thuế 212 "
    "tỷ đồng. Năm nay, tổng công ty đặt kế hoạch doanh thu 7.000 tỷ đồng và lợi nhuận sau thuế "
    "530 tỷ đồng. "
)


def _half_year(revenue: int, plan: int) -> str:
    """A quarter's and the half year's results, each read against the year's plan after."""
    rev, pl = f"{revenue:,}".replace(",", "."), f"{plan:,}".replace(",", ".")
    return (
        "Riêng quý 2/2041, doanh thu thuần đạt 820 tỷ đồng, lợi nhuận sau thuế là 12 tỷ đồng. "
        f"Lũy kế 6 tháng đầu năm 2041, công ty ghi nhận doanh thu là {rev} tỷ đồng, lợi nhuận "
        f"sau thuế 21 tỷ đồng.\nNăm 2041, công ty đặt mục tiêu tổng doanh thu đạt {pl} tỷ đồng, "
        "tăng 10% so với thực hiện năm 2040. Lợi nhuận trước thuế đạt 90 tỷ đồng, tăng 50% so "
        "với thực hiện năm 2040. "
    )


def test_a_pair_takes_the_percentage_of_its_plan_stated_later() -> None:
    text = (
        _half_year(1530, 3400)
        + "Như vậy, công ty mới chỉ hoàn thành được 45% mục tiêu về doanh thu."
    )
    claims = claim_set(text)
    assert (1530 * B, 3400 * B, 45, "attainment") in claims
    assert (1530 * B, 3400 * B, None, None) not in claims


def test_two_pairs_take_the_percentages_said_respectively() -> None:
    text = PAIRS + "Như vậy, tổng công ty đã hoàn thành lần lượt 45% và 40% kế hoạch năm."
    claims = claim_set(text)
    assert (3150 * B, 7000 * B, 45, "attainment") in claims
    assert (212 * B, 530 * B, 40, "attainment") in claims


def test_percentages_no_pair_gives_or_in_the_other_order_read_nothing() -> None:
    # the arithmetic gives neither (3.150 / 7.000 is 45 %, 212 / 530 is 40 %)
    for tail in (
        "Như vậy, tổng công ty đã thực hiện được 52% kế hoạch năm.",
        "Như vậy, tổng công ty đã hoàn thành lần lượt 40% và 45% kế hoạch năm.",
    ):
        claims = claim_set(PAIRS + tail)
        assert (3150 * B, 7000 * B, None, None) in claims, tail
        assert not any(c[2] in (40, 45, 52) for c in claims if c[0] is not None), tail


def test_two_pairs_giving_the_percentage_leave_it_unread() -> None:
    text = (
        "Sáu tháng đầu năm, tổng công ty ghi nhận doanh thu 3.150 tỷ đồng, lợi nhuận sau thuế "
        "238,5 tỷ đồng. Năm nay, tổng công ty đặt kế hoạch doanh thu 7.000 tỷ đồng và lợi nhuận "
        "sau thuế 530 tỷ đồng. Như vậy, tổng công ty đã thực hiện được 45% kế hoạch năm."
    )
    assert not any(c[2] == 45 and c[1] is not None for c in claim_set(text))


@settings(max_examples=25, deadline=None)
@given(
    revenue=st.integers(min_value=1200, max_value=2800),
    share=st.integers(min_value=35, max_value=90),
)
def test_the_later_percentage_is_read_only_when_the_pair_gives_it(revenue: int, share: int) -> None:
    """A percentage the pair gives is read with it; one two points off is not."""
    plan = int((Decimal(revenue) * 100 / share).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    stated = (Decimal(revenue) * 100 / plan).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    lead = _half_year(revenue, plan) + "Như vậy, công ty mới chỉ hoàn thành được "
    right = claim_set(lead + f"{stated}% mục tiêu về doanh thu.")
    assert (revenue * B, plan * B, stated, "attainment") in right
    off = stated + 2
    wrong = claim_set(lead + f"{off}% mục tiêu về doanh thu.")
    assert not any(c[2] == off and c[0] is not None for c in wrong)
