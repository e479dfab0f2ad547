"""Review of rounds 133–138 (session 34), fixer H: a half year named as a length of time, a
part's plan under the audit, place and road names taken for plan words, a revised plan
elsewhere in the window; on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from reading import audit_rows, money_pairs

B = Decimal(10) ** 9

_LENGTHS = {
    "ago": "Năm 2041, công ty đặt kế hoạch lợi nhuận sau thuế 42 tỷ đồng.\n\nDự án khởi công "
    "cách đây nửa năm, công ty lãi sau thuế 31 tỷ đồng từ dự án này.",
    "more_than": "Năm 2041, công ty đặt kế hoạch doanh thu 420 tỷ đồng.\n\nChỉ trong hơn nửa năm"
    " hoạt động, nhà máy mới đạt doanh thu 310 tỷ đồng.",
    "nearly": "Năm 2042, tập đoàn đặt kế hoạch doanh thu 880 tỷ đồng.\n\nSau gần nửa năm vận "
    "hành, cửa hàng mới có doanh thu 270 tỷ đồng.",
    "within": "Năm 2042, tập đoàn đặt kế hoạch doanh thu 880 tỷ đồng.\n\nTrong vòng nửa năm, "
    "chuỗi cửa hàng mới có doanh thu 270 tỷ đồng.",
}


@pytest.mark.parametrize("text", _LENGTHS.values(), ids=_LENGTHS.keys())
def test_half_a_year_as_a_length_of_time_is_no_half_year(text: str) -> None:
    assert money_pairs(text) == set()


def test_the_half_year_named_still_takes_the_year_s_plan() -> None:
    assert money_pairs(
        "Năm 2042, tập đoàn đặt kế hoạch doanh thu 880 tỷ đồng.\n\nNửa đầu năm, chuỗi cửa hàng"
        " có doanh thu 270 tỷ đồng."
    ) == {(270 * B, 880 * B, None, None)}
    assert money_pairs(
        "Năm 2042, tập đoàn đặt kế hoạch doanh thu 880 tỷ đồng.\n\nNửa năm nay, chuỗi cửa hàng"
        " có doanh thu 270 tỷ đồng."
    ) == {(270 * B, 880 * B, None, None)}


_TREES = (
    "Năm 2041, huyện được giao kế hoạch trồng 52.000 cây phân tán. Các xã đã chuẩn bị cây "
    "giống từ đầu năm.\n\n"
)
_PARTS_PLANS = {
    "quarter": _TREES + "Trong quý III, toàn huyện trồng được 31.000 cây, đạt 71% kế hoạch quý.",
    "nine_months": _TREES
    + "Đến hết quý III, toàn huyện trồng được 31.000 cây, đạt 71% kế hoạch 9 tháng.",
    "month": _TREES + "Trong tháng 10, toàn huyện trồng được 31.000 cây, đạt 71% kế hoạch tháng.",
}


@pytest.mark.parametrize("text", _PARTS_PLANS.values(), ids=_PARTS_PLANS.keys())
def test_a_part_s_plan_is_not_the_year_s(text: str) -> None:
    verdicts = [v for _, v, _ in audit_rows(text)]
    assert "inconsistent" not in verdicts


def test_the_year_s_plan_still_flagged() -> None:
    assert audit_rows(
        _TREES + "Đến hết quý III, toàn huyện trồng được 31.000 cây, đạt 71% kế hoạch."
    ) == [("71%", "inconsistent", None)]


def test_a_revised_zoning_elsewhere_keeps_the_check() -> None:
    text = (
        "Năm 2041, huyện được giao kế hoạch trồng 52.000 cây phân tán. Huyện cũng điều chỉnh "
        "quy hoạch khu dân cư.\n\nĐến hết quý III, toàn huyện trồng được 31.000 cây, đạt 71% "
        "kế hoạch."
    )
    assert audit_rows(text) == [("71%", "inconsistent", None)]
    # the plan's own sentence revised: no check
    revised = text.replace("Huyện cũng điều chỉnh quy hoạch khu dân cư.", "").replace(
        "được giao kế hoạch", "điều chỉnh kế hoạch"
    )
    assert "inconsistent" not in [v for _, v, _ in audit_rows(revised)]


_M = Decimal(10) ** 6
_MARGINS = {
    "can_tho": (
        "Năm 2041, sản lượng lúa của Cần Thơ đạt 42 triệu tấn, tăng 2 triệu tấn so với kế hoạch.",
        (42 * _M, 40 * _M),
    ),
    "giao_thong": (
        "Năm 2041, vốn đầu tư giao thông đạt 420 tỷ đồng, tăng 20 tỷ đồng so với kế hoạch.",
        (420 * B, 400 * B),
    ),
}


@pytest.mark.parametrize(("text", "pair"), _MARGINS.values(), ids=_MARGINS.keys())
def test_a_place_or_road_word_is_no_plan_word(text: str, pair: tuple[Decimal, Decimal]) -> None:
    assert {(a, t) for a, t, _, _ in money_pairs(text)} == {pair}


def test_one_quarter_s_result_is_not_set_against_the_year_s_plan() -> None:
    # "Trong quý III": the quarter's own trees; "71% kế hoạch" may be the quarter's plan
    text = _TREES + "Trong quý III, toàn huyện trồng được 31.000 cây, đạt 71% kế hoạch."
    assert "inconsistent" not in [v for _, v, _ in audit_rows(text)]
