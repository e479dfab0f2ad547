"""Round 150: a part of the year's result with its growth and no year written, set against the
year's plan written after it.

Invented sentences (other firms, figures, measures and units than the evaluation passages): a
result of some months or a quarter, read with its growth but with no date (the text names no
year before it), and the year's plan of its measure in a later paragraph, no percentage; and
the readings that must not happen.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import assume, given
from hypothesis import strategies as st
from reading import money_pairs as _pairs

B = Decimal(10) ** 9


def test_an_undated_part_of_the_year_takes_the_plan_written_after_it() -> None:
    assert (640 * B, 1000 * B, None, None) in _pairs(
        "Nửa đầu năm, doanh thu của Công ty Hòa Phát Lộc đạt 640 tỷ đồng, tăng 12% so với"
        " cùng kỳ.\n\nNăm nay, công ty đặt kế hoạch doanh thu 1.000 tỷ đồng."
    )
    assert (210 * B, 760 * B, None, None) in _pairs(
        "Nửa đầu năm nay, ngân hàng lãi trước thuế hơn 210 tỷ đồng, tăng 6% so với cùng kỳ.\n"
        "Tổng tài sản của ngân hàng đạt 41.000 tỷ đồng.\nNgân hàng đặt mục tiêu năm nay lãi"
        " trước thuế 760 tỷ đồng."
    )
    assert (Decimal("3.2") * B, Decimal("7.5") * B, None, None) in _pairs(
        "Trong 5 tháng đầu năm, kim ngạch xuất khẩu của tỉnh đạt 3,2 tỷ USD, tăng 9%.\n\nNăm"
        " nay, tỉnh đặt mục tiêu kim ngạch xuất khẩu 7,5 tỷ USD."
    )


def test_no_pair_for_an_undated_result_where_the_text_says_otherwise() -> None:
    for text in (
        # the plan before the result: in a round-up, another firm's
        "Công ty Bình Minh đặt kế hoạch lợi nhuận năm 900 tỷ đồng.\n\nLũy kế 6 tháng, Công ty"
        " Sao Mai lãi 420 tỷ đồng, tăng 8%.",
        # a firm named in brackets, another named by the plan
        "Tổng công ty Thép Miền Trung (Temic) báo lãi sau thuế 130 tỷ đồng trong quý 1, tăng"
        " 20% so với cùng kỳ.\n\nKVT đặt mục tiêu lãi sau thuế 500 tỷ đồng trong năm.",
        # a percentage of a plan after the plan: which result got how far is stated there
        "Lũy kế 6 tháng, doanh thu của công ty đạt 1.150 tỷ đồng, tăng 10%.\n\nNăm nay, công"
        " ty đặt mục tiêu doanh thu 2.400 tỷ đồng. Như vậy, công ty đã thực hiện 47% kế"
        " hoạch.",
        # the figure already set against a plan by a percentage: no second plan
        "Lũy kế 6 tháng, doanh thu thuần đạt 1.150 tỷ đồng, tăng 10%.\n\nNăm nay, công ty đặt"
        " mục tiêu doanh thu hợp nhất 2.300 tỷ đồng, doanh thu công ty mẹ 1.900 tỷ đồng. Như"
        " vậy, công ty đạt 50% kế hoạch năm về doanh thu thuần.",
        # the plan of the year after
        "Nửa đầu năm nay, ngân hàng lãi trước thuế hơn 210 tỷ đồng, tăng 6% so với cùng kỳ.\n"
        "Ngân hàng đặt mục tiêu năm tới lãi trước thuế 760 tỷ đồng.",
        # another year named before the result than the plan's
        "Năm 2044 là năm khó khăn. Nửa đầu năm, ngân hàng lãi trước thuế hơn 210 tỷ đồng, tăng"
        " 6% so với cùng kỳ.\nNăm 2045, ngân hàng đặt mục tiêu lãi trước thuế 760 tỷ đồng.",
        # no part of the year named: the whole year's or any period's
        "Doanh thu của công ty đạt 1.150 tỷ đồng, tăng 10%.\n\nNăm nay, công ty đặt mục tiêu"
        " doanh thu 2.400 tỷ đồng.",
        # another measure's plan
        "Lũy kế 6 tháng, doanh thu của công ty đạt 1.150 tỷ đồng, tăng 10%.\n\nNăm nay, công"
        " ty đặt mục tiêu lợi nhuận sau thuế 2.400 tỷ đồng.",
        # a year named in the result's sentence that is not the plan's
        "6 tháng đầu năm 2043, doanh thu của công ty đạt 1.150 tỷ đồng, tăng 10%.\n\nNăm"
        " 2044, công ty đặt mục tiêu doanh thu 2.400 tỷ đồng.",
    ):
        assert not {p for p in _pairs(text) if p[2] is None}, text


@given(
    st.integers(min_value=100, max_value=899),
    st.integers(min_value=1, max_value=40),
    st.integers(min_value=1000, max_value=9000),
)
def test_the_pair_keeps_the_figures_as_written(actual: int, growth: int, plan: int) -> None:
    # a growth near the result's share of the plan may be that share (the part-year checks)
    assume(abs(growth - 100 * actual / plan) > 2)
    written = f"{plan:,}".replace(",", ".")
    text = (
        f"Nửa đầu năm nay, ngân hàng lãi trước thuế {actual} tỷ đồng, tăng {growth}% so với"
        f" cùng kỳ.\nNgân hàng đặt mục tiêu năm nay lãi trước thuế {written} tỷ đồng."
    )
    pairs = {p for p in _pairs(text) if p[2] is None}
    assert pairs == {(actual * B, plan * B, None, None)}
