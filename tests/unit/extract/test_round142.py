"""Round 142: whole-year results against a plan written in the sentence, in other wordings.

Invented sentences (other wording, figures, measures and units than the evaluation passages):
a rate's plan rate with ``đề ra`` after its figure or the plan named again in its bracket, a
plan ``đặt ra là``, a margin in the result's unit with no comma before it, a growth short of
its plan's rate, the forest cover as a rate, a rate's plan compared after ``vượt so với``;
and the readings that must not happen.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st
from reading import money_pairs as _pairs

B = Decimal(10) ** 9


def _d(text: str) -> Decimal:
    return Decimal(text)


def test_a_rate_s_plan_rate_with_de_ra_after_its_figure() -> None:
    assert _pairs(
        "Năm 2046, tỷ lệ hộ dùng nước hợp vệ sinh của huyện đạt 97%, vượt chỉ tiêu 95% đề ra."
    ) == {(Decimal(97), Decimal(95), None, None)}
    assert _pairs(
        "Năm 2046, tỷ lệ trường đạt chuẩn của huyện đạt 71%, vượt chỉ tiêu 68% đã đặt ra."
    ) == {(Decimal(71), Decimal(68), None, None)}


def test_a_rate_s_plan_named_again_in_its_bracket() -> None:
    assert _pairs(
        "Tốc độ tăng trưởng GRDP năm 2046 của tỉnh ước đạt 9,1%, vượt kế hoạch (kế hoạch 8-8,5%)."
    ) == {(_d("9.1"), (Decimal(8), _d("8.5")), None, None)}
    assert _pairs(
        "Năm 2046, tỷ lệ tăng trưởng của ngành đạt 4,2%, vượt chỉ tiêu đề ra (Chỉ tiêu năm 2046:"
        " 3,5-4%)."
    ) == {(_d("4.2"), (_d("3.5"), Decimal(4)), None, None)}


def test_a_plan_set_out_with_dat_ra_la() -> None:
    assert _pairs("Năm 2046, xã trồng được 860 ha rừng, vượt chỉ tiêu đặt ra là 800 ha.") == {
        (Decimal(860), Decimal(800), None, None)
    }


def test_a_margin_in_the_result_s_unit_with_no_comma_before_it() -> None:
    assert _pairs(
        "Năm 2046, năng suất lúa cả năm của huyện đạt 63,4 tạ/ha tăng 0,9 tạ/ha so với kế hoạch,"
        " tăng 1,3 tạ/ha so với cùng kỳ."
    ) == {(_d("63.4"), _d("62.5"), None, "excess_count")}


def test_a_growth_short_of_its_plan_s_rate() -> None:
    assert _pairs(
        "Năm 2046, tăng trưởng kinh tế cả năm của tỉnh là 6,2%, không đạt được mục tiêu tăng"
        " trưởng 7% mà HĐND tỉnh đề ra."
    ) == {(_d("6.2"), Decimal(7), None, None)}
    assert _pairs("Năm 2046, GRDP của huyện tăng 8,4%, chưa đạt mục tiêu tăng trưởng 9%.") == {
        (_d("8.4"), Decimal(9), None, None)
    }


def test_the_forest_cover_is_a_rate() -> None:
    assert _pairs(
        "Năm 2046, độ che phủ rừng của huyện chỉ đạt hơn 44,6%, trong khi chỉ tiêu đặt ra là 45%."
    ) == {(_d("44.6"), Decimal(45), None, None)}


def test_a_rate_s_plan_compared_after_vuot_so_voi() -> None:
    assert _pairs(
        "Năm 2046, GRDP của tỉnh tăng 9,3%, vượt so với kế hoạch HĐND tỉnh giao (8 - 8,5%)."
    ) == {(_d("9.3"), (Decimal(8), _d("8.5")), None, None)}


_TABLE = (
    "Năm 2046, kết quả các chỉ tiêu chủ yếu như sau:\n\nSTT\n\nChỉ tiêu chủ yếu\n\n{past}\n\n"
    "KH năm 2046\n\nƯớc TH năm 2046\n\nGhi chú\n\n1\n\nTốc độ tăng trưởng kinh tế (%)\n\n"
    "6,4\n\n7-7,5\n\n7,6\n\nVượt\n\n2\n\nTỷ lệ hộ nghèo (%)\n\n3,1\n\n2,6\n\n2,4\n\n"
    "Đạt\n\n3\n\nTỷ lệ trẻ suy dinh dưỡng:\n\n-Theo cân nặng (%)\n\n-Theo chiều cao (%)\n\n"
    "8,3\n\n11,4\n\n< 8\n\n<11\n\n7,8\n\n10,8\n\nĐạt\n"
)


def test_a_table_with_last_year_s_results_before_the_plan() -> None:
    assert _pairs(_TABLE.format(past="TH năm 2045")) == {
        (_d("7.6"), (Decimal(7), _d("7.5")), None, None),
        (_d("2.4"), _d("2.6"), None, None),
    }


def test_no_row_of_a_table_whose_earlier_column_is_not_an_earlier_year() -> None:
    # results of the plan's own year before the plan, or of a later year: no shape known
    assert _pairs(_TABLE.format(past="TH năm 2046")) == set()
    assert _pairs(_TABLE.format(past="TH năm 2047")) == set()


def test_no_pair_where_the_words_or_figures_say_otherwise() -> None:
    for text in (
        # a margin, not the plan's rate
        "Năm 2046, GRDP của tỉnh tăng 9,3%, vượt so với kế hoạch là 0,8%.",
        # a plan's rate far under the growth, after "vượt so với": a margin or another figure
        "Năm 2046, GRDP của tỉnh tăng 9,3%, vượt so với kế hoạch HĐND tỉnh giao (3%).",
        # a growth above the rate it is said to fall short of
        "Năm 2046, GRDP của huyện tăng 9,4%, chưa đạt mục tiêu tăng trưởng 9%.",
        # next year's plan
        "Năm 2046, GRDP của huyện tăng 8,4%, chưa đạt mục tiêu tăng trưởng năm 2047 là 9%.",
        # a margin or a result written loosely: the plan it gives would be loose too
        "Năm 2046, lợi nhuận của tổng công ty đạt 2.600 tỷ đồng tăng hơn 400 tỷ đồng so với kế"
        " hoạch.",
        "Năm 2046, lợi nhuận của tổng công ty đạt trên 2.600 tỷ đồng tăng 400 tỷ đồng so với kế"
        " hoạch.",
        # a forecast, no result
        "Năm 2046, lợi nhuận của tổng công ty dự kiến đạt 2.600 tỷ đồng tăng 400 tỷ đồng so với"
        " kế hoạch.",
        # a rise over last year's plan
        "Năm 2046, năng suất lúa của huyện đạt 63,4 tạ/ha tăng 0,9 tạ/ha so với kế hoạch năm"
        " trước.",
        # a rise over last year, no plan
        "Năm 2046, năng suất lúa của huyện đạt 63,4 tạ/ha tăng 0,9 tạ/ha so với cùng kỳ.",
        # a plan word with "đề ra" but no rate before it
        "Năm 2046, huyện đề ra chỉ tiêu 95% đề ra cho các xã.",
    ):
        assert _pairs(text) == set(), text


@given(
    result=st.integers(min_value=1_001, max_value=9_000),
    margin=st.integers(min_value=1, max_value=1_000),
)
def test_a_result_less_its_margin_is_the_plan(result: int, margin: int) -> None:
    grouped = f"{result:,}".replace(",", ".")
    text = (
        f"Năm 2046, lợi nhuận của tổng công ty đạt {grouped} tỷ đồng tăng {margin} tỷ đồng so"
        " với kế hoạch."
    )
    assert _pairs(text) == {(result * B, (result - margin) * B, None, "excess_count")}
