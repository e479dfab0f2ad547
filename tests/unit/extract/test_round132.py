"""Round 132: two scenario plans, each named by its word.

Invented sentences (other wording, figures, measures and units than the evaluation passages):
a plan set out under a named scenario (``Theo kịch bản thận trọng, doanh thu dự kiến đạt …``)
and one statement per scenario for a part of the year's amount, and the readings that must not
happen.
"""

from __future__ import annotations

from decimal import Decimal

from reading import money_pairs as _pairs

B = Decimal(10) ** 9

_QUARTER = "Quý III/2043, doanh thu thuần đạt 1.240 tỷ đồng, giảm 8% so với cùng kỳ. "
_CAUTIOUS = "Theo kịch bản thận trọng, doanh thu thuần dự kiến đạt 4.600 tỷ đồng."
_AMBITIOUS = "Theo kịch bản tham vọng, doanh thu thuần dự kiến đạt 5.100 tỷ đồng."


def test_a_plan_set_out_under_a_named_scenario() -> None:
    assert _pairs(f"{_QUARTER}Năm 2043, công ty đưa ra hai kịch bản. {_CAUTIOUS}") == {
        (1240 * B, 4600 * B, None, None)
    }
    # the excess of the year's result fits one scenario's plan only
    assert _pairs(
        "Cả năm 2043, hợp tác xã đạt 3.900 tỷ đồng doanh thu thuần, giảm 4%. Lợi nhuận sau thuế"
        " đạt 286 tỷ đồng, tăng 18%.\nNăm 2043, hợp tác xã đặt ra 2 phương án kinh doanh. Trong"
        " phương án thận trọng, doanh thu thuần dự kiến đạt 4.100 tỷ đồng và lợi nhuận sau thuế"
        " 180 tỷ đồng. Trong phương án tích cực, doanh thu thuần dự kiến đạt 4.500 tỷ đồng và"
        " lợi nhuận sau thuế 220 tỷ đồng.\nNhư vậy, hợp tác xã không hoàn thành kế hoạch doanh"
        " thu, còn lợi nhuận sau thuế vượt 30% kế hoạch năm."
    ) == {(286 * B, 220 * B, Decimal(30), "excess")}


def test_two_scenarios_one_pair_each() -> None:
    assert _pairs(f"{_QUARTER}Năm 2043, công ty đưa ra hai kịch bản. {_CAUTIOUS} {_AMBITIOUS}") == {
        (1240 * B, 4600 * B, None, None),
        (1240 * B, 5100 * B, None, None),
    }
    # "phương án …", a profit, the scenarios in the next paragraph, no year in their sentences
    assert _pairs(
        "Trong 6 tháng đầu năm, lãi trước thuế của tổng công ty đạt 95 tỷ đồng, tăng 6% so với"
        " cùng kỳ.\nNăm nay, tổng công ty xây dựng hai phương án. Trong phương án cơ sở, lãi"
        " trước thuế dự kiến đạt 240 tỷ đồng. Trong phương án khả quan, lãi trước thuế dự kiến"
        " đạt 275 tỷ đồng."
    ) == {(95 * B, 240 * B, None, None), (95 * B, 275 * B, None, None)}


def test_no_scenario_pair_where_the_sentence_says_otherwise() -> None:
    # a scenario of another year: the year's own scenario only
    assert _pairs(
        f"{_QUARTER}Năm 2043, theo kịch bản thận trọng, doanh thu thuần dự kiến đạt 4.600 tỷ"
        " đồng. Năm 2044, theo kịch bản tham vọng, doanh thu thuần dự kiến đạt 5.100 tỷ đồng."
    ) == {(1240 * B, 4600 * B, None, None)}
    # a forecaster's scenario is no plan
    for forecast in (
        "Năm 2043, chuyên gia dự báo theo kịch bản tích cực, doanh thu thuần dự kiến đạt 5.100"
        " tỷ đồng.",
        "Năm 2043, Chứng khoán XYZ dự phóng trong kịch bản cơ sở, doanh thu thuần dự kiến đạt"
        " 5.100 tỷ đồng.",
    ):
        assert _pairs(_QUARTER + forecast) == set(), forecast
    # beside the company's scenario: a forecaster's is no second plan either
    assert _pairs(
        f"{_QUARTER}Năm 2043, {_CAUTIOUS[0].lower()}{_CAUTIOUS[1:]} Chứng khoán XYZ dự báo trong"
        " kịch bản tích cực, doanh thu thuần năm 2043 dự kiến đạt 5.100 tỷ đồng."
    ) == {(1240 * B, 4600 * B, None, None)}
    # a plan and its revision are no scenarios; since round 164 the plan first written is
    # not read either (which one the quarter is set against, unknown)
    assert (
        _pairs(
            f"{_QUARTER}Năm 2043, công ty đặt kế hoạch doanh thu thuần 4.600 tỷ đồng. Sau đó,"
            " công ty điều chỉnh kế hoạch doanh thu thuần thành 5.100 tỷ đồng."
        )
        == set()
    )
    # a percentage of the quarter's: no scenario is set against it unstated
    assert (
        _pairs(
            "Quý III/2043, doanh thu thuần đạt 1.240 tỷ đồng, hoàn thành 26% kế hoạch năm. Năm"
            " 2043, công ty đưa ra hai kịch bản. Theo kịch bản thận trọng, doanh thu thuần dự"
            " kiến đạt 4.700 tỷ đồng. Theo kịch bản tham vọng, doanh thu thuần dự kiến đạt 4.800"
            " tỷ đồng."
        )
        == set()
    )
    # an excess that fits both scenarios' plans: neither
    assert (
        _pairs(
            "Cả năm 2043, hợp tác xã đạt 3.900 tỷ đồng doanh thu thuần, giảm 4%. Lợi nhuận sau"
            " thuế đạt 300 tỷ đồng, tăng 18%.\nNăm 2043, hợp tác xã đặt ra 2 phương án kinh"
            " doanh. Trong phương án thận trọng, doanh thu thuần dự kiến đạt 4.100 tỷ đồng và"
            " lợi nhuận sau thuế 230,5 tỷ đồng. Trong phương án tích cực, doanh thu thuần dự"
            " kiến đạt 4.500 tỷ đồng và lợi nhuận sau thuế 231 tỷ đồng.\nNhư vậy, hợp tác xã"
            " không hoàn thành kế hoạch doanh thu, còn lợi nhuận sau thuế vượt 30% kế hoạch năm."
        )
        == set()
    )
    # another measure's scenario is no rival, and no plan of the revenue
    assert _pairs(
        f"{_QUARTER}Năm 2043, công ty đưa ra hai kịch bản. Theo kịch bản thận trọng, lợi nhuận"
        f" sau thuế dự kiến đạt 120 tỷ đồng. {_AMBITIOUS}"
    ) == {(1240 * B, 5100 * B, None, None)}
