"""Round 130: a plan list's later item after the first item's verb, in the plan's sentence.

Invented sentences (other wording, figures, measures and units than the evaluation passages):
the part-year result set against the year's plan the list's later item gives, and the
readings that must not happen.
"""

from __future__ import annotations

from decimal import Decimal

from reading import money_pairs as _pairs

B = Decimal(10) ** 9


def test_a_plan_list_s_later_item_after_the_first_item_s_verb() -> None:
    assert _pairs(
        "Quý II/2043, lợi nhuận sau thuế của công ty đạt 14 tỷ đồng. Năm 2043, công ty đặt kế"
        " hoạch doanh thu đạt 640 tỷ đồng và lợi nhuận sau thuế đạt 52 tỷ đồng."
    ) == {(14 * B, 52 * B, None, None)}
    # "kế hoạch kinh doanh với …", the result after the plan
    assert _pairs(
        "Năm 2043, hợp tác xã đặt kế hoạch kinh doanh với doanh thu đạt 310 tỷ đồng và lợi"
        " nhuận trước thuế đạt 27 tỷ đồng. Trong quý I/2043, lợi nhuận trước thuế đạt 6 tỷ đồng."
    ) == {(6 * B, 27 * B, None, None)}
    # a comma for the joint, "chỉ tiêu", another measure's name
    assert _pairs(
        "6 tháng đầu năm 2043, lãi ròng của ngân hàng đạt 380 tỷ đồng. Năm nay, ngân hàng đặt"
        " chỉ tiêu doanh thu đạt 5.200 tỷ đồng, lãi ròng đạt 1.150 tỷ đồng."
    ) == {(380 * B, 1150 * B, None, None)}
    # dollars
    assert _pairs(
        "Quý II/2043, lợi nhuận sau thuế đạt 3,1 triệu USD. Năm 2043, công ty đặt kế hoạch doanh"
        " thu đạt 140 triệu USD và lợi nhuận sau thuế đạt 12 triệu USD."
    ) == {(Decimal("3.1") * 10**6, 12 * 10**6, None, None)}


def test_no_later_item_where_the_sentence_says_otherwise() -> None:
    result = "Quý II/2043, lợi nhuận sau thuế đạt 14 tỷ đồng. "
    for plan in (
        # a forecast, an estimate, analysts' hopes: no plan cue
        "Năm 2043, các chuyên gia dự báo doanh thu của công ty đạt 640 tỷ đồng và lợi nhuận sau"
        " thuế đạt 52 tỷ đồng.",
        "Năm 2043, công ty ước doanh thu đạt 640 tỷ đồng và lợi nhuận sau thuế đạt 52 tỷ đồng.",
        "Công ty chứng khoán kỳ vọng năm 2043 doanh thu đạt 640 tỷ đồng và lợi nhuận sau thuế"
        " đạt 52 tỷ đồng.",
        # next year's plan
        "Năm 2044, công ty đặt kế hoạch doanh thu đạt 640 tỷ đồng và lợi nhuận sau thuế đạt 52"
        " tỷ đồng.",
        # a past year's result after the plan
        "Năm 2043, công ty đặt kế hoạch doanh thu đạt 640 tỷ đồng, trong khi lợi nhuận sau thuế"
        " năm 2042 đạt 52 tỷ đồng.",
        # a range, a floor, a quarter, a segment
        "Năm 2043, công ty đặt kế hoạch doanh thu đạt 640 tỷ đồng và lợi nhuận sau thuế đạt 50 -"
        " 52 tỷ đồng.",
        "Năm 2043, công ty đặt kế hoạch doanh thu đạt 640 tỷ đồng và lợi nhuận sau thuế đạt hơn"
        " 52 tỷ đồng.",
        "Năm 2043, công ty đặt kế hoạch doanh thu đạt 640 tỷ đồng và lợi nhuận sau thuế quý III"
        " đạt 52 tỷ đồng.",
        "Năm 2043, công ty đặt kế hoạch doanh thu đạt 640 tỷ đồng và lợi nhuận sau thuế của công"
        " ty mẹ đạt 52 tỷ đồng.",
    ):
        assert not any(t == 52 * B for _, t, _, _ in _pairs(result + plan)), plan


def test_no_pair_left_without_the_percentage_a_later_sentence_states() -> None:
    # "Như vậy, … lần lượt 70% và 60% kế hoạch năm": the pair is stated with its percentage
    # (31 of 52 is 59,6 %), so the part-year pass does not set it out without one
    text = (
        "Lũy kế 9 tháng năm 2043, lợi nhuận sau thuế giảm 8%, còn 31 tỷ đồng. Năm 2043, công ty"
        " đặt kế hoạch doanh thu đạt 640 tỷ đồng và lợi nhuận sau thuế đạt 52 tỷ đồng. Như vậy,"
        " công ty đã hoàn thành lần lượt 70% và 60% kế hoạch năm."
    )
    assert (31 * B, 52 * B, None, None) not in _pairs(text)
