"""Round 128: a plan's list going on in the next sentence, with no plan word of its own.

Invented sentences (other wording, figures, measures and units than the evaluation passages):
the part-year result set against the year's plan the second sentence gives, and the readings
that must not happen.
"""

from __future__ import annotations

from decimal import Decimal

from reading import money_pairs as _pairs

B = Decimal(10) ** 9


def test_a_plan_s_list_going_on_in_the_next_sentence() -> None:
    assert _pairs(
        "Quý II/2041, doanh thu thuần của công ty đạt 310 tỷ đồng, lợi nhuận trước thuế đạt 42"
        " tỷ đồng. Năm 2041, công ty đặt kế hoạch doanh thu thuần 1.500 tỷ đồng, tăng 12% so"
        " với năm 2040. Lợi nhuận trước thuế 180 tỷ đồng, tăng 9%."
    ) == {(310 * B, 1500 * B, None, None), (42 * B, 180 * B, None, None)}
    # two items, no growth; a verb "là"; "dự kiến đạt" with a growth over a past year
    assert _pairs(
        "Trong 6 tháng đầu năm 2041, lợi nhuận trước thuế của tổng công ty đạt 64 tỷ đồng, lợi"
        " nhuận sau thuế đạt 51 tỷ đồng. Năm 2041, tổng công ty đặt mục tiêu doanh thu 2.600 tỷ"
        " đồng. Lợi nhuận trước thuế 150 tỷ đồng, lợi nhuận sau thuế 120 tỷ đồng."
    ) == {(64 * B, 150 * B, None, None), (51 * B, 120 * B, None, None)}
    assert _pairs(
        "6 tháng đầu năm 2041, Công ty Sông Lam ghi nhận doanh thu 520 tỷ đồng và lợi nhuận sau"
        " thuế 38 tỷ đồng. Năm 2041, Sông Lam đặt chỉ tiêu doanh thu 1.300 tỷ đồng. Lợi nhuận"
        " sau thuế là 95 tỷ đồng."
    ) == {(520 * B, 1300 * B, None, None), (38 * B, 95 * B, None, None)}
    assert _pairs(
        "Quý I/2041, lợi nhuận trước thuế đạt 27 tỷ đồng. Năm 2041, hãng đặt kế hoạch doanh"
        " thu 980 tỷ đồng, giảm 3% so với năm 2040. Lợi nhuận trước thuế dự kiến đạt 95 tỷ"
        " đồng, tăng 6% so với năm 2040."
    ) == {(27 * B, 95 * B, None, None)}


def test_no_item_of_the_list_where_the_next_sentence_says_otherwise() -> None:
    plan = "Năm 2041, công ty đặt kế hoạch doanh thu 1.500 tỷ đồng."
    result = "Quý I/2041, lợi nhuận trước thuế đạt 12 tỷ đồng. "
    for after in (
        " Lợi nhuận trước thuế đạt 42 tỷ đồng, tăng 9% so với cùng kỳ.",  # a result's verb
        " Lợi nhuận trước thuế ước đạt 170 tỷ đồng, tăng 8%.",  # an estimate
        " Năm 2040, lợi nhuận trước thuế 150 tỷ đồng.",  # a year named
        " Lợi nhuận trước thuế quý I 40 tỷ đồng.",  # a part of the year
        "\n\nLợi nhuận trước thuế 42 tỷ đồng, tăng 9%.",  # another paragraph
        " Còn lại 180 tỷ đồng, tăng 9%.",  # no measure named
        " Lợi nhuận trước thuế 180 tỷ đồng, đạt 110% kế hoạch.",  # a result with its percent
        " Lợi nhuận trước thuế 180 - 200 tỷ đồng.",  # a range
    ):
        assert not any(t == 180 * B or t == 42 * B for _, t, _, _ in _pairs(result + plan + after))
    # a plan's sentence with no plan amount: nothing goes on
    assert (
        _pairs(result + "Công ty đã hoàn thành 20% kế hoạch năm. Lợi nhuận trước thuế 42 tỷ đồng.")
        == set()
    )
    # the plan's sentence names the measure's plan already: two plans, neither taken
    assert (
        _pairs(
            result + "Năm 2041, công ty đặt mục tiêu doanh thu 1.500 tỷ đồng, tăng 15%, lợi nhuận"
            " trước thuế 240 tỷ đồng. Lợi nhuận trước thuế 260 tỷ đồng."
        )
        == set()
    )
    # another year's plan
    assert (
        _pairs(
            result + "Năm 2042, công ty đặt kế hoạch doanh thu 1.500 tỷ đồng. Lợi nhuận trước thuế"
            " 180 tỷ đồng, tăng 9%."
        )
        == set()
    )
