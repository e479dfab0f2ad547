"""Round 108: precision on text not yet seen (the causes of the wrong claims made once, unseen).

Invented sentences (other wording, figures and measures than the evaluation passages), each of
the shape of a cause the once-only scorings counted, read as the extraction tests read them.
"""

from __future__ import annotations

from decimal import Decimal

from reading import figure_set

B = Decimal(10) ** 9


def test_a_quarter_s_amount_is_no_result_of_a_percentage_of_months_counted() -> None:
    text = (
        "Trong quý III, hãng ghi nhận doanh thu 410 tỷ đồng, lãi ròng 36 tỷ đồng. Sau 9 tháng, "
        "hãng đã thực hiện được 66% chỉ tiêu doanh thu năm."
    )
    assert figure_set(text) == {(None, None, Decimal(66), "attainment")}


def test_a_quarter_s_amount_and_half_a_year_s_percentage() -> None:
    text = (
        "Riêng quý II, công ty đạt doanh thu 730 tỷ đồng. Như vậy, sau 6 tháng đầu năm, công ty "
        "đã hoàn thành 52% kế hoạch doanh thu năm."
    )
    assert figure_set(text) == {(None, None, Decimal(52), "attainment")}


def test_the_cumulative_amount_and_the_quarter_s_own_percentage_keep_their_result() -> None:
    months = (
        "Lũy kế 9 tháng, doanh thu đạt 1.120 tỷ đồng. Như vậy, sau 9 tháng, công ty đã hoàn thành "
        "70% kế hoạch doanh thu."
    )
    assert figure_set(months) == {(1_120 * B, None, Decimal(70), "attainment")}
    quarter = (
        "Quý I/2041, doanh thu đạt 410 tỷ đồng. Như vậy, sau quý I, công ty đã hoàn thành 20% "
        "kế hoạch doanh thu."
    )
    assert figure_set(quarter) == {(410 * B, None, Decimal(20), "attainment")}


def test_a_quarter_s_goal_is_no_target_of_the_year_s_amount() -> None:
    text = (
        "Cả năm ước đón 21 triệu lượt khách, trong quý IV tỉnh phấn đấu thu hút 5,5 triệu lượt "
        "khách."
    )
    assert not any(t is not None and a is not None for a, t, _, _ in figure_set(text))
    assert (None, Decimal(5_500_000), None, None) in figure_set(text)


def test_a_month_s_goal_is_no_target_of_months_counted_or_of_the_year() -> None:
    months = (
        "Lũy kế 11 tháng, doanh thu đạt 3.300 tỷ đồng; trong tháng 12, đơn vị đặt mục tiêu "
        "doanh thu 420 tỷ đồng."
    )
    assert (3_300 * B, 420 * B, None, None) not in figure_set(months)
    year = (
        "Năm 2041, sản lượng ước đạt 8,4 triệu tấn; riêng tháng 12 công ty phấn đấu sản xuất "
        "0,9 triệu tấn."
    )
    assert not any(t is not None and a is not None for a, t, _, _ in figure_set(year))


def test_a_quarter_s_result_keeps_the_same_quarter_s_target() -> None:
    text = "Trong quý IV, tỉnh đón 5,8 triệu lượt khách, mục tiêu quý IV là 5,5 triệu lượt khách."
    assert figure_set(text) == {(Decimal(5_800_000), Decimal(5_500_000), None, None)}
    year = "Cả năm ước đón 21 triệu lượt khách, mục tiêu cả năm là 20 triệu lượt khách."
    assert figure_set(year) == {(Decimal(21_000_000), Decimal(20_000_000), None, None)}
