"""Round 135: a whole year's result with no percentage, set against the year's plan apart.

Invented sentences (other wording, figures, measures and units than the evaluation passages):
the whole year's result set against the plan of its year written in another sentence or
paragraph, no percentage, and the readings that must not happen.
"""

from __future__ import annotations

from decimal import Decimal

from reading import money_pairs as _pairs

B = Decimal(10) ** 9


def test_a_whole_year_s_result_takes_the_year_s_plan_written_apart() -> None:
    # the plan in the paragraph before, the result above it
    assert _pairs(
        "Năm 2043, công ty đặt kế hoạch lợi nhuận sau thuế 95 tỷ đồng.\nKết thúc năm 2043,"
        " lợi nhuận sau thuế của công ty đạt 101 tỷ đồng."
    ) == {(101 * B, 95 * B, None, None)}
    # the plan a paragraph after, the result under it, "trong năm"
    assert _pairs(
        "Trong năm 2043, doanh thu thuần của công ty đạt 4.480 tỷ đồng.\nNăm 2043, công ty đặt"
        " mục tiêu doanh thu thuần 5.100 tỷ đồng."
    ) == {(4480 * B, 5100 * B, None, None)}
    # a list of the plan's measures: each result its own plan
    assert _pairs(
        "Lũy kế trong năm 2043, doanh thu đạt 812 tỷ đồng và lợi nhuận sau thuế đạt 61 tỷ"
        " đồng.\n\nNăm 2043, công ty đặt kế hoạch kinh doanh với doanh thu là 900 tỷ đồng, lợi"
        " nhuận sau thuế là 70 tỷ đồng."
    ) == {(812 * B, 900 * B, None, None), (61 * B, 70 * B, None, None)}


def test_no_whole_year_pair_where_the_sentence_says_otherwise() -> None:
    plan = "Năm 2043, công ty đặt kế hoạch doanh thu 3.600 tỷ đồng.\n"
    for result in (
        # a forecast of the year, not its result
        "Công ty ước cả năm 2043 doanh thu đạt 3.450 tỷ đồng.",
        "Cả năm 2043, doanh thu dự kiến đạt 3.450 tỷ đồng.",
        # last year's result, or another year's
        "Năm 2042, doanh thu của công ty đạt 3.300 tỷ đồng.",
        # another measure, another currency, a growth
        "Năm 2043, lợi nhuận của công ty đạt 3.400 tỷ đồng.",
        "Năm 2043, doanh thu của công ty đạt 150 triệu USD.",
        "Năm 2043, doanh thu của công ty tăng 3.500 tỷ đồng.",
        # far from the plan: of another scope
        "Năm 2043, doanh thu của công ty đạt 900 tỷ đồng.",
        # the plan said again, rounded
        "Quy mô doanh thu năm 2043 lên tới hơn 3.600 tỷ đồng.",
        # a base, part of the year
        "So với năm 2043, doanh thu của công ty đạt 3.450 tỷ đồng.",
        "Nửa đầu năm 2043, doanh thu của công ty đạt 3.450 tỷ đồng.",
    ):
        assert _pairs(plan + result) == set(), result
    # two plans of the measure: which, unknown
    assert (
        _pairs(
            plan + "Ban lãnh đạo phấn đấu doanh thu năm 2043 đạt 4.000 tỷ đồng.\nKết thúc năm"
            " 2043, doanh thu của công ty đạt 3.800 tỷ đồng."
        )
        == set()
    )
    # a province's plan, a district's result; a sub-measure of the plan's
    assert (
        _pairs(
            "Năm 2043, tỉnh phấn đấu thu ngân sách 9.800 tỷ đồng.\nNăm 2043, huyện Tân Lập thu"
            " ngân sách đạt 9.100 tỷ đồng."
        )
        == set()
    )
    assert (
        _pairs(
            "Dự toán tổng thu ngân sách năm 2043 là 12.000 tỷ đồng.\nNăm 2043, thu nội địa của"
            " tỉnh đạt 11.400 tỷ đồng."
        )
        == set()
    )
    # an aim still ahead: the year's figure is one to date
    assert (
        _pairs(
            "Năm 2043, doanh thu của công ty đạt 3.100 tỷ đồng.\nĐể hoàn thành kế hoạch doanh thu"
            " 3.600 tỷ đồng năm 2043, công ty mở thêm cửa hàng."
        )
        == set()
    )
    # the result with its own percentage keeps it
    assert _pairs(
        plan + "Năm 2043, doanh thu của công ty đạt 3.420 tỷ đồng, hoàn thành 95% kế hoạch."
    ) == {(3420 * B, 3600 * B, Decimal(95), "attainment")}
