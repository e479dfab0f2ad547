"""Review of round 133 (session 34), fixer D: a percentage of a plan that the passage's one
plan written apart contradicts, flagged only when that plan is the percentage's own; on
invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

import pytest
from reading import audit_rows

_PLAN = (
    "Năm 2041, huyện được giao kế hoạch trồng 52.000 cây phân tán. Các xã đã chuẩn bị cây "
    "giống từ đầu năm.\n\n"
)
_RESULT = "Đến hết quý III, toàn huyện trồng được 31.000 cây, đạt 59,6% kế hoạch."
_NAMED = (
    "Sáu tháng đầu năm 2041, lợi nhuận trước thuế của ngân hàng đạt 1.450 tỷ đồng. Ngân hàng "
    "đặt mục tiêu lợi nhuận trước thuế 4.000 tỷ đồng cho cả năm. Với kết quả này, ngân hàng đã "
    "thực hiện được 44% kế hoạch lợi nhuận năm."
)


def _not_flagged(text: str) -> None:
    verdicts = [v for _, v, _ in audit_rows(text)]
    assert verdicts
    assert "inconsistent" not in verdicts


def test_the_flags_the_round_reads_stay() -> None:
    assert audit_rows(_PLAN + _RESULT.replace("59,6%", "71%")) == [("71%", "inconsistent", None)]
    assert audit_rows(_NAMED) == [("44%", "inconsistent", None)]


_NO_PLANS = {
    "margin": "Trong quý II, huyện trồng 20.000 cây, vượt kế hoạch quý 3.000 cây. Các "
    "xã đã chuẩn bị cây giống từ đầu năm.\n\n" + _RESULT,
    "margin of the year": "Năm 2041, huyện trồng 20.000 cây, vượt kế hoạch 3.000 cây. Các xã "
    "đã chuẩn bị cây giống từ đầu năm.\n\n" + _RESULT,
    "remainder": _RESULT + " Kế hoạch còn lại của năm là 21.000 cây.",
    "remainder before": "Năm 2041, kế hoạch còn lại là trồng 21.000 cây. Các xã đã chuẩn bị "
    "cây giống từ đầu năm.\n\n" + _RESULT,
    "still to plant": "Năm 2041, theo kế hoạch, huyện cần trồng thêm 21.000 cây để hoàn thành "
    "kế hoạch. Các xã đã chuẩn bị.\n\n" + _RESULT,
    "some communes": "Năm 2041, huyện đặt kế hoạch trồng 30.000 cây tại các xã ven biển. Các "
    "xã đã chuẩn bị cây giống.\n\n" + _RESULT,
    "quarter": "Năm 2041, trong quý IV, huyện được giao chỉ tiêu trồng 10.000 cây. Các "
    "xã đã chuẩn bị cây giống.\n\nCả năm 2041, toàn huyện trồng được 55.000 cây, đạt "
    "105,8% kế hoạch năm.",
    "part": "Năm 2041, huyện đặt kế hoạch xây mới 300 căn nhà cho hộ nghèo. Các xã đã "
    "rà soát danh sách.\n\nĐến hết năm 2041, toàn huyện xây mới 820 căn nhà, đạt 95% "
    "kế hoạch.",
}


@pytest.mark.parametrize(
    "text",
    _NO_PLANS.values(),
    ids=_NO_PLANS.keys(),
)
def test_a_margin_a_remainder_a_quarter_s_or_a_part_s_plan_is_not_the_plan(text: str) -> None:
    _not_flagged(text)


_OTHER_COUNTS = {
    "people": "Năm 2041, huyện đặt kế hoạch đào tạo nghề cho 2.000 người. Các lớp học "
    "mở từ tháng 3.\n\nTrong năm, huyện giải quyết việc làm cho 3.100 người, đạt 103% "
    "kế hoạch.",
    "tonnes": "Năm 2041, nhà máy đặt kế hoạch sản xuất 8.400 tấn phân bón. Giá nguyên "
    "liệu ổn định.\n\nSáu tháng đầu năm 2041, nhà máy xuất khẩu được 1.150 tấn gạo, "
    "bằng 52% kế hoạch.",
}


@pytest.mark.parametrize(
    "text",
    _OTHER_COUNTS.values(),
    ids=_OTHER_COUNTS.keys(),
)
def test_a_plan_of_another_count_in_the_same_unit_is_not_the_plan(text: str) -> None:
    _not_flagged(text)


_REVISED = "Đến hết quý III, toàn huyện trồng được 31.000 cây, đạt 77,5% kế hoạch"
_OTHER_PLANS = {
    "revised": _PLAN + _REVISED + " điều chỉnh.",
    "revised before": _PLAN + "Tháng 6, UBND huyện điều chỉnh giảm kế hoạch. " + _REVISED + ".",
    "district": "Năm 2041, tỉnh giao kế hoạch trồng 52.000 cây phân tán. Các huyện đã "
    "chuẩn bị cây giống.\n\nĐến hết quý III, huyện Tân Lập trồng được 9.000 cây, đạt "
    "95% kế hoạch của huyện.",
    "part": _PLAN + "Đến hết quý III, toàn huyện đã trồng 31.000 cây. Trong đó, xã "
    "Đông trồng 9.000 cây, đạt 90% kế hoạch của xã.",
    "part, plan unnamed": _PLAN + "Đến hết quý III, toàn huyện đã trồng 31.000 cây. "
    "Trong đó, xã Đông trồng 9.000 cây, đạt 90% kế hoạch.",
    "named revised": _NAMED.replace("lợi nhuận năm", "lợi nhuận điều chỉnh"),
}


@pytest.mark.parametrize(
    "text",
    _OTHER_PLANS.values(),
    ids=_OTHER_PLANS.keys(),
)
def test_a_revised_a_unit_s_own_or_a_part_s_plan_is_not_read(text: str) -> None:
    _not_flagged(text)


_LATER_PLANS = {
    "next year": "Đến hết năm 2041, toàn huyện trồng được 55.000 cây, đạt 110% kế "
    "hoạch. Các xã đã chuẩn bị cây giống.\n\nNăm tới, huyện đặt kế hoạch trồng 60.000 "
    "cây phân tán.",
    "named, next year": "Năm 2041, lợi nhuận trước thuế của ngân hàng đạt 4.400 tỷ "
    "đồng. Năm tới, ngân hàng đặt mục tiêu lợi nhuận trước thuế 5.000 tỷ đồng. Năm "
    "2041, ngân hàng đã thực hiện được 110% kế hoạch lợi nhuận năm.",
    "after": "Đến hết năm 2041, toàn huyện trồng được 55.000 cây, đạt 110% kế hoạch. "
    "Các xã đã chuẩn bị cây giống.\n\nNăm 2041, huyện được giao kế hoạch trồng 60.000 "
    "cây phân tán.",
}


@pytest.mark.parametrize(
    "text",
    _LATER_PLANS.values(),
    ids=_LATER_PLANS.keys(),
)
def test_next_year_s_plan_or_one_written_after_is_not_read(text: str) -> None:
    _not_flagged(text)


_GROWTHS = {
    "growth": _NAMED.replace(
        "thuế 4.000 tỷ đồng cho cả năm", "thuế tăng 4.000 tỷ đồng so với năm trước"
    )
}


@pytest.mark.parametrize("text", _GROWTHS.values(), ids=_GROWTHS.keys())
def test_a_named_plan_s_growth_is_no_plan(text: str) -> None:
    _not_flagged(text)


def test_a_huge_ratio_is_shown_not_raised() -> None:
    text = (
        "Năm 2041, huyện được giao kế hoạch trồng 1 cây phân tán. Các xã chuẩn bị.\n\nĐến hết "
        "quý III, toàn huyện trồng được 31.000.000.000.000.000.000.000.000.000 cây, đạt 71% "
        "kế hoạch."
    )
    assert audit_rows(text) == [("71%", "inconsistent", None)]
