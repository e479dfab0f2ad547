"""Round 138: a half year's amount named by its half, set against the year's plan apart.

Invented sentences (other wording, figures, measures and units than the evaluation passages):
``nửa đầu năm`` / ``nửa năm`` before an amount with no percentage, the year's plan of its
measure in another sentence or paragraph, and the readings that must not happen.
"""

from __future__ import annotations

from decimal import Decimal

from reading import money_pairs as _pairs

B = Decimal(10) ** 9


def test_a_half_year_s_amount_takes_the_year_s_plan_written_apart() -> None:
    # a list of the half year's measures, the plan's list in the next paragraph
    assert _pairs(
        "Lũy kế nửa đầu năm, Công ty Thành Đạt có hơn 1.250 tỷ đồng doanh thu và gần 48 tỷ"
        " đồng lợi nhuận sau thuế.\nNăm 2043, công ty đặt kế hoạch doanh thu 3.100 tỷ đồng và"
        " lợi nhuận sau thuế 120 tỷ đồng."
    ) == {(1250 * B, 3100 * B, None, None), (48 * B, 120 * B, None, None)}
    # the plan first, the half year with its year
    assert _pairs(
        "Năm 2043, Công ty Hải Minh đặt mục tiêu lợi nhuận trước thuế 260 tỷ đồng.\nTrong nửa"
        " đầu năm 2043, lợi nhuận trước thuế của công ty đạt 97 tỷ đồng."
    ) == {(97 * B, 260 * B, None, None)}
    # "nửa năm", the plan in the next sentence
    assert _pairs(
        "Nửa năm qua, tổng công ty ghi nhận doanh thu 5.420 tỷ đồng. Năm nay, tổng công ty đặt"
        " kế hoạch doanh thu 12.000 tỷ đồng."
    ) == {(5420 * B, 12000 * B, None, None)}
    # near the plan, as "6 tháng đầu năm" is read (round 135 had it as no whole year's)
    assert _pairs(
        "Năm 2043, công ty đặt kế hoạch doanh thu 3.600 tỷ đồng.\nNửa đầu năm 2043, doanh thu"
        " của công ty đạt 3.450 tỷ đồng."
    ) == {(3450 * B, 3600 * B, None, None)}


def test_no_half_year_pair_where_the_text_says_otherwise() -> None:
    for text in (
        # another year's half
        "Năm 2043, công ty đặt mục tiêu lợi nhuận sau thuế 300 tỷ đồng.\nTrong nửa đầu năm"
        " 2042, lợi nhuận sau thuế của công ty đạt 110 tỷ đồng.",
        # another measure's plan
        "Năm 2043, công ty đặt mục tiêu doanh thu 900 tỷ đồng.\nLũy kế nửa đầu năm, lợi nhuận"
        " sau thuế của công ty đạt 40 tỷ đồng.",
        # a sub-measure: the parent company's profit
        "Năm 2043, công ty đặt kế hoạch lợi nhuận sau thuế 500 tỷ đồng.\nLũy kế nửa đầu năm,"
        " lợi nhuận sau thuế của công ty mẹ đạt 180 tỷ đồng.",
        # last year's half
        "Năm 2043, công ty đặt kế hoạch doanh thu 2.000 tỷ đồng.\nNửa đầu năm 2042, doanh thu"
        " của công ty đạt 760 tỷ đồng.",
        # a growth, not a result
        "Năm 2043, công ty đặt kế hoạch doanh thu 2.000 tỷ đồng.\nNửa đầu năm, doanh thu tăng"
        " 150 tỷ đồng so với cùng kỳ.",
        # a half of another year's figure, no period
        "Năm 2043, công ty đặt kế hoạch lợi nhuận 80 tỷ đồng. Năm 2042, lợi nhuận chỉ bằng một"
        " nửa năm 2041, đạt 35 tỷ đồng.",
        # the second half: a forecast
        "Năm 2043, công ty đặt kế hoạch doanh thu 2.000 tỷ đồng.\nNửa cuối năm, doanh thu của"
        " công ty có thể đạt 1.100 tỷ đồng.",
        # more than the year's plan
        "Năm 2043, công ty đặt kế hoạch lợi nhuận 80 tỷ đồng.\nNửa đầu năm, lợi nhuận của công"
        " ty đạt 95 tỷ đồng.",
        # two plans of the measure
        "Năm 2043, công ty đặt hai kịch bản: doanh thu 1.000 tỷ đồng hoặc doanh thu 1.200 tỷ"
        " đồng.\nNửa đầu năm, doanh thu đạt 520 tỷ đồng.",
    ):
        assert _pairs(text) == set(), text
    # a half year's amount with its own percentage keeps it, no second pair
    assert _pairs(
        "Năm 2043, công ty đặt kế hoạch doanh thu 2.000 tỷ đồng.\nNửa đầu năm, doanh thu đạt"
        " 900 tỷ đồng, hoàn thành 45% kế hoạch năm."
    ) == {(900 * B, 2000 * B, Decimal(45), "attainment")}


def test_a_half_year_named_after_the_amount_with_sau() -> None:
    plan = "Năm 2043, công ty đặt kế hoạch lợi nhuận sau thuế 150 tỷ đồng.\n"
    assert _pairs(plan + "Công ty lãi sau thuế 64 tỷ đồng sau nửa đầu năm.") == {
        (64 * B, 150 * B, None, None)
    }
    assert _pairs(plan + "Lợi nhuận sau thuế của công ty đạt 102 tỷ đồng sau 9 tháng đầu năm.") == {
        (102 * B, 150 * B, None, None)
    }
    for result in (
        # after a quarter, or some months of what is not said
        "Lợi nhuận sau thuế của công ty đạt 64 tỷ đồng sau quý I.",
        "Lợi nhuận sau thuế của công ty đạt 64 tỷ đồng sau 6 tháng.",
        # another year's half, named after the amount
        "Lợi nhuận sau thuế của công ty đạt 64 tỷ đồng sau nửa đầu năm 2042.",
        # a growth, a sub-measure, another measure
        "Lợi nhuận sau thuế của công ty tăng 30 tỷ đồng sau nửa đầu năm.",
        "Lợi nhuận sau thuế của công ty mẹ đạt 64 tỷ đồng sau nửa đầu năm.",
        "Doanh thu của công ty đạt 64 tỷ đồng sau nửa đầu năm.",
        # last year's result
        "Năm 2042, lợi nhuận sau thuế của công ty đạt 64 tỷ đồng sau nửa đầu năm.",
    ):
        assert _pairs(plan + result) == set(), result
