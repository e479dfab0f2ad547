"""Round 134: plans never read as plans.

Invented sentences (other wording, figures, measures and units than the evaluation passages):
a growth with its planned growth in brackets under an abbreviated plan's name or a fall's, and
a result's margin over its plan written in the result's own unit after ``tăng``; and the
readings that must not happen.
"""

from __future__ import annotations

from decimal import Decimal

from reading import money_pairs as _pairs

B = Decimal(10) ** 9
M = Decimal(10) ** 6


def _rates(text: str) -> set[tuple[object, object]]:
    """(actual, target) of each pair of rates (no percentage stated) of ``text``."""
    return {(a, t) for a, t, p, k in _pairs(text) if p is None and k is None}


def test_a_growth_with_its_planned_growth_in_brackets() -> None:
    # the plan's name abbreviated, a resolution's or a plan's, with or without "tăng"
    assert _rates(
        "Năm 2043, doanh thu vận tải ước khoảng 2.100 tỷ đồng, tăng 6,3% (NQ 5,5%); doanh thu"
        " bán lẻ ước khoảng 9.400 tỷ đồng, tăng 11,2% (KH tăng 12%)."
    ) == {(Decimal("6.3"), Decimal("5.5")), (Decimal("11.2"), Decimal(12))}
    # a fall with the fall planned, both negative
    assert _rates(
        "Tháng 3/2043, chỉ số sản xuất ước giảm 3,4% so cùng kỳ năm trước (kế hoạch giảm 2%)."
    ) == {(Decimal("-3.4"), Decimal(-2))}
    # past words that say the growth is below or above the plan, as the figures say
    assert _rates(
        "Năm 2043, kim ngạch nhập khẩu đạt 1.900 tỷ đồng, tăng 7,2% so với năm trước, không đạt"
        " kế hoạch đề ra (kế hoạch tăng 9%)."
    ) == {(Decimal("7.2"), Decimal(9))}
    assert _rates(
        "Năm 2043, giá trị sản xuất ước tăng 8,1% so với năm 2042, cao hơn kế hoạch đề ra (NQ"
        " tăng 7,6%)."
    ) == {(Decimal("8.1"), Decimal("7.6"))}


def test_no_planned_growth_where_the_bracket_says_otherwise() -> None:
    for text in (
        # "cao hơn" the plan, the growth below it: the words and the figures disagree
        "Năm 2043, giá trị sản xuất ước tăng 8,1% so với năm 2042, cao hơn kế hoạch đề ra (NQ"
        " tăng 8,6%).",
        # a fall against a planned rise: which sign, unknown
        "Tháng 3/2043, chỉ số sản xuất ước giảm 3,4% so cùng kỳ năm trước (kế hoạch tăng 2%).",
        # last year's growth, a share, another year's plan in the bracket
        "Năm 2043, doanh thu vận tải đạt 2.100 tỷ đồng, tăng 6,3% (năm 2042 tăng 5,5%).",
        "Năm 2043, doanh thu vận tải đạt 2.100 tỷ đồng, tăng 6,3% (chiếm 5,5% GRDP).",
        "Năm 2043, doanh thu vận tải đạt 2.100 tỷ đồng, tăng 6,3% (KH năm 2044 tăng 7%).",
        # the whole year's plan beside a half year's growth
        "6 tháng đầu năm 2043, giá trị sản xuất công nghiệp tăng 4,4% (KH cả năm 6,5%).",
    ):
        assert _rates(text) == set(), text


def test_a_margin_over_the_plan_in_the_results_unit() -> None:
    assert _pairs(
        "Năm 2043, nhà máy sản xuất 42 triệu lít nước sạch, tăng 2 triệu lít so với kế hoạch."
    ) == {(42 * M, 40 * M, None, "excess_count")}
    assert _pairs(
        "Năm 2043, tổng thu của quỹ đạt 1.250 tỷ đồng, tăng 150 tỷ đồng so với dự toán."
    ) == {(1250 * B, 1100 * B, None, "excess_count")}
    # a count, its margin in the first word of its unit
    assert _pairs(
        "Năm 2043, huyện xây mới 27 cây cầu dân sinh, tăng 3 cây cầu so với kế hoạch đề ra."
    ) == {(27, 24, None, "excess_count")}
    # past a comparison with last year
    assert _pairs(
        "Năm 2043, giá bán bình quân đạt 2.140,5 đồng/kWh, tăng 61,2 đồng/kWh so với năm 2042,"
        " cao hơn 20,5 đồng/kWh so với kế hoạch được giao."
    ) == {(Decimal("2140.5"), Decimal("2120.0"), None, "excess_count")}


def test_no_margin_where_the_sentence_says_otherwise() -> None:
    for text in (
        # a margin over last year, not the plan
        "Năm 2043, lợi nhuận trước thuế của hãng đạt 860 tỷ đồng, cao hơn cùng kỳ 60 tỷ đồng.",
        "Năm 2043, lợi nhuận trước thuế của hãng đạt 860 tỷ đồng, tăng 60 tỷ đồng so với năm 2042.",
        # another measure's margin, another unit
        "Năm 2043, lợi nhuận trước thuế đạt 860 tỷ đồng, doanh thu tăng 60 tỷ đồng so với kế"
        " hoạch.",
        "Năm 2043, lợi nhuận trước thuế đạt 860 tỷ đồng, tăng 60 triệu USD so với kế hoạch.",
        # a plan over another year's plan; a plan set out; another year's plan
        "Kế hoạch năm 2044 là 900 tỷ đồng, tăng 60 tỷ đồng so với kế hoạch năm 2043.",
        "Năm 2043, hãng đặt mục tiêu lợi nhuận 900 tỷ đồng, tăng 60 tỷ đồng so với kế hoạch.",
        "Năm 2043, lợi nhuận trước thuế đạt 860 tỷ đồng, tăng 60 tỷ đồng so với kế hoạch năm"
        " trước.",
        "Năm 2043, huyện xây mới 27 cây cầu, tăng 3 cây cầu so với kế hoạch năm 2042.",
        # a forecast by analysts; a loose result
        "Năm 2043, các chuyên gia dự báo lợi nhuận đạt 860 tỷ đồng, tăng 60 tỷ đồng so với kế"
        " hoạch.",
        "Năm 2043, lợi nhuận trước thuế đạt hơn 860 tỷ đồng, tăng 60 tỷ đồng so với kế hoạch.",
        # indicators counted, no result's margin
        "Năm 2043, tỉnh đạt 18 chỉ tiêu, tăng 2 chỉ tiêu so với kế hoạch.",
    ):
        assert _pairs(text) == set(), text
