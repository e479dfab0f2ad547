"""Round 140: a year's plan written with a floor or an approximation, set against a part's amount.

Invented sentences (other wording, figures, measures and units than the evaluation passages):
a money plan with ``gần``, ``hơn`` or ``khoảng`` before its amount, a quarter's or some
months' amount with no percentage in another sentence, and the readings that must not happen.
"""

from __future__ import annotations

from decimal import Decimal

from reading import money_pairs as _pairs

B = Decimal(10) ** 9


def test_a_qualified_money_plan_takes_a_part_s_amount() -> None:
    assert _pairs(
        "Năm 2044, Công ty Phú Khang đặt mục tiêu doanh thu gần 4.800 tỷ đồng.\nQuý I, doanh thu"
        " của công ty đạt 1.050 tỷ đồng."
    ) == {(1050 * B, 4800 * B, None, None)}
    assert _pairs(
        "Lũy kế 9 tháng đầu năm, lãi trước thuế của Công ty Minh Long đạt 310 tỷ đồng.\nNăm nay,"
        " công ty đặt kế hoạch lãi trước thuế hơn 520 tỷ đồng."
    ) == {(310 * B, 520 * B, None, None)}
    assert _pairs(
        "Năm 2044, công ty đặt mục tiêu kim ngạch xuất khẩu khoảng 2,4 tỷ USD.\nTrong 5 tháng đầu"
        " năm, kim ngạch xuất khẩu của công ty đạt 0,9 tỷ USD."
    ) == {(Decimal("0.9") * B, Decimal("2.4") * B, None, None)}


def test_no_pair_with_a_qualified_plan_where_the_text_says_otherwise() -> None:
    for text in (
        # another year's plan
        "Năm 2045, công ty đặt mục tiêu doanh thu gần 4.800 tỷ đồng.\nQuý I năm 2044, doanh thu"
        " của công ty đạt 1.050 tỷ đồng.",
        # another measure's plan
        "Năm 2044, công ty đặt mục tiêu doanh thu gần 4.800 tỷ đồng.\nQuý I, lợi nhuận sau thuế"
        " của công ty đạt 150 tỷ đồng.",
        # two plans of the measure, each with a floor: rivals
        "Năm 2044, dự toán thu ngân sách của tỉnh là hơn 9.000 tỷ đồng. Tỉnh phấn đấu thu ngân"
        " sách năm 2044 đạt hơn 9.600 tỷ đồng.\nQuý I, thu ngân sách của tỉnh đạt 2.100 tỷ đồng.",
        # a sub-measure
        "Năm 2044, công ty đặt kế hoạch lợi nhuận sau thuế gần 600 tỷ đồng.\nQuý I, lợi nhuận sau"
        " thuế của công ty mẹ đạt 130 tỷ đồng.",
        # last year's quarter
        "Năm 2044, công ty đặt kế hoạch doanh thu gần 3.000 tỷ đồng.\nQuý I năm 2043, doanh thu"
        " của công ty đạt 640 tỷ đồng.",
        # a growth
        "Năm 2044, công ty đặt kế hoạch doanh thu gần 3.000 tỷ đồng.\nQuý I, doanh thu tăng 140"
        " tỷ đồng so với cùng kỳ.",
        # a count's plan with a floor: not loosened
        "Năm 2044, tỉnh đặt mục tiêu đón trên 6 triệu lượt khách.\nRiêng tháng 4, tỉnh đón"
        " 480.000 lượt khách.",
        # more than the plan
        "Năm 2044, công ty đặt kế hoạch lãi trước thuế hơn 90 tỷ đồng.\nQuý I, lãi trước thuế"
        " của công ty đạt 120 tỷ đồng.",
    ):
        assert _pairs(text) == set(), text
    # a part's amount with its own percentage keeps it, no second pair
    assert _pairs(
        "Năm 2044, công ty đặt kế hoạch doanh thu gần 3.000 tỷ đồng.\nQuý I, doanh thu đạt 720 tỷ"
        " đồng, hoàn thành 24% kế hoạch năm."
    ) == {(720 * B, 3000 * B, Decimal(24), "attainment")}


def test_a_part_s_amount_with_a_comma_before_three_digits_is_not_paired() -> None:
    # "1,310 tỷ": a decimal as read, or thousands: the pair would stand on that guess
    assert (
        _pairs(
            "Năm 2044, công ty đặt kế hoạch doanh thu 5.200 tỷ đồng.\nQuý I, doanh thu của công"
            " ty đạt 1,310 tỷ đồng."
        )
        == set()
    )
