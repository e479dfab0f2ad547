"""Round 110: a percentage of a plan given the plan written elsewhere in the passage.

Invented sentences (other wording, figures and measures than the evaluation passages), each of
a shape where the actual and the stated percentage are read but the plan the text writes was
not attached, read as the extraction tests read them.
"""

from __future__ import annotations

from decimal import Decimal

from reading import far_apart, figure_set

B = Decimal(10) ** 9

# a long stretch of the report that names no amount of the result's kind (its own words)
_FILLER = (
    "Các doanh nghiệp tuyển chọn được tập huấn kỹ năng, ngoại ngữ và pháp luật của nước tiếp "
    "nhận trước khi xuất cảnh; sở phối hợp với các huyện tuyên truyền tại từng thôn, bản. "
) * 4


def _far(result: str, plan: str) -> str:
    return far_apart(result, plan, _FILLER)


def test_a_plan_written_far_after_its_percentage_is_its_plan_when_it_agrees() -> None:
    text = _far(
        "Sau 9 tháng, tỉnh đã đưa 7.320 người đi làm việc ở nước ngoài, đạt 104,6% kế hoạch năm.",
        "Năm nay, tỉnh đặt mục tiêu đưa 7.000 người đi làm việc ở nước ngoài.",
    )
    assert (Decimal(7320), Decimal(7000), Decimal("104.6"), "attainment") in figure_set(text)
    assert (Decimal(7320), None, Decimal("104.6"), "attainment") not in figure_set(text)


def test_a_far_plan_the_percentage_does_not_give_as_written_is_not_attached() -> None:
    text = _far(
        "Sau 9 tháng, tỉnh đã đưa 7.320 người đi làm việc ở nước ngoài, đạt 101,5% kế hoạch năm.",
        "Năm nay, tỉnh đặt mục tiêu đưa 7.000 người đi làm việc ở nước ngoài.",
    )
    assert (Decimal(7320), None, Decimal("101.5"), "attainment") in figure_set(text)
    assert not any(t == Decimal(7000) and a is not None for a, t, _, _ in figure_set(text))


def test_a_far_plan_is_not_attached_when_a_plan_of_its_kind_is_nearer() -> None:
    text = _far(
        "Đầu năm, tỉnh đặt kế hoạch đưa khoảng 6.500 người đi làm việc ở nước ngoài. Sau 9 "
        "tháng, tỉnh đã đưa 7.320 người đi làm việc ở nước ngoài, đạt 104,6% kế hoạch năm.",
        "Năm nay, tỉnh đặt mục tiêu đưa 7.000 người đi làm việc ở nước ngoài.",
    )
    assert not any(t == Decimal(7000) and a is not None for a, t, _, _ in figure_set(text))
    assert (Decimal(7320), None, Decimal("104.6"), "attainment") in figure_set(text)


def test_a_far_plan_is_not_attached_to_a_hedged_result() -> None:
    text = _far(
        "Sau 9 tháng, tỉnh đã đưa khoảng 7.320 người đi làm việc ở nước ngoài, đạt 104,6% kế "
        "hoạch năm.",
        "Năm nay, tỉnh đặt mục tiêu đưa 7.000 người đi làm việc ở nước ngoài.",
    )
    assert (Decimal(7320), None, Decimal("104.6"), "attainment") in figure_set(text)
    assert not any(t == Decimal(7000) and a is not None for a, t, _, _ in figure_set(text))


def test_a_plan_in_brackets_after_a_hedged_percentage_is_its_plan() -> None:
    text = (
        "Công ty đã sản xuất được hơn 5.000 tấn phân bón, đạt 16,85% kế hoạch (29.800 tấn), "
        "tiêu thụ được 2.431,5 tấn, đạt 8,16% kế hoạch năm."
    )
    claims = figure_set(text)
    assert (Decimal(5000), Decimal(29800), Decimal("16.85"), "attainment") in claims
    assert (Decimal(5000), None, Decimal("16.85"), "attainment") not in claims
    assert (Decimal("2431.5"), Decimal(29800), Decimal("8.16"), "attainment") in claims


def test_a_plan_s_amount_after_its_name_is_the_plan_of_the_percentage() -> None:
    text = "Thu ngân sách đạt 512 tỷ đồng, đạt 85,3% dự toán pháp lệnh 600 tỷ đồng được giao."
    assert figure_set(text) == {(512 * B, 600 * B, Decimal("85.3"), "attainment")}


def test_an_amount_after_the_plan_s_name_the_percentage_does_not_give_is_no_plan() -> None:
    text = "Thu ngân sách đạt 512 tỷ đồng, đạt 80,1% dự toán pháp lệnh 600 tỷ đồng được giao."
    assert (512 * B, None, Decimal("80.1"), "attainment") in figure_set(text)
    assert not any(t == 600 * B and a is not None for a, t, _, _ in figure_set(text))


def test_an_amount_after_another_verb_is_no_plan_of_the_percentage() -> None:
    text = "Thu ngân sách đạt 512 tỷ đồng, đạt 85,3% dự toán và thêm 600 tỷ đồng từ nguồn khác."
    assert not any(t == 600 * B and a is not None for a, t, _, _ in figure_set(text))
