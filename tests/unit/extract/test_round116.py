"""Round 116: guards of the far-plan pass (round 110) and the aims written as fractions.

Invented sentences (other wording, figures and measures than the evaluation passages), read
as the extraction tests read them.
"""

from __future__ import annotations

from decimal import Decimal

from reading import far_apart, figure_set

B = Decimal(10) ** 9

_far = far_apart


def _no_pair(text: str, target: Decimal) -> bool:
    return not any(t == target and a is not None for a, t, _, _ in figure_set(text))


# --------------------------------------------------------------------------- kept


def test_a_far_plan_of_the_same_unit_verb_and_thing_is_still_taken() -> None:
    text = _far(
        "Năm 2042, thành phố đặt kế hoạch trồng mới 2.500 ha rừng tập trung.",
        "Năm 2042, thành phố đã trồng được 2.600 ha rừng tập trung, đạt 104% kế hoạch.",
    )
    assert (Decimal(2_600), Decimal(2_500), Decimal(104), "attainment") in figure_set(text)


def test_a_far_plan_is_taken_by_a_result_that_names_no_verb() -> None:
    text = _far(
        "Tính đến hết tháng 11, tổng số lao động đi làm việc ở nước ngoài là 7.320 lao động, "
        "đạt 104,6% kế hoạch năm.",
        "Trước đó, bộ đặt mục tiêu sẽ đưa khoảng 7.000 lao động đi làm việc ở nước ngoài.",
    )
    assert (Decimal(7_320), Decimal(7_000), Decimal("104.6"), "attainment") in figure_set(text)


def test_a_far_plan_of_the_same_firm_kind_and_measure_is_still_taken() -> None:
    text = _far(
        "Năm 2042, tập đoàn đạt doanh thu 1.040 tỷ đồng, đạt 104% kế hoạch năm.",
        "Năm 2042, Tập đoàn Hòa Phát đặt mục tiêu doanh thu 1.000 tỷ đồng.",
    )
    assert (1_040 * B, 1_000 * B, Decimal(104), "attainment") in figure_set(text)


# --------------------------------------------------------------------------- another unit


def test_a_far_plan_of_the_province_is_no_plan_of_a_district_s_result() -> None:
    text = _far(
        "Sau 9 tháng, huyện Tân Phú đã đưa 7.320 người đi làm việc ở nước ngoài, đạt 104,6% "
        "kế hoạch năm.",
        "Năm nay, tỉnh đặt mục tiêu đưa 7.000 người đi làm việc ở nước ngoài.",
    )
    assert (Decimal(7_320), None, Decimal("104.6"), "attainment") in figure_set(text)
    assert _no_pair(text, Decimal(7_000))


def test_a_far_plan_of_a_group_is_no_plan_of_a_company_s_result() -> None:
    text = _far(
        "Năm 2042, Công ty Thép Phú Mỹ đạt doanh thu 1.040 tỷ đồng, đạt 104% kế hoạch năm.",
        "Năm 2042, Tập đoàn Hoa Sen đặt mục tiêu doanh thu 1.000 tỷ đồng.",
    )
    assert (1_040 * B, None, Decimal(104), "attainment") in figure_set(text)
    assert _no_pair(text, 1_000 * B)


def test_a_far_plan_of_the_group_is_no_plan_of_a_segment_s_result() -> None:
    text = _far(
        "Năm 2042, mảng bán lẻ mang về doanh thu 1.040 tỷ đồng, đạt 104% kế hoạch năm.",
        "Năm 2042, tập đoàn đặt mục tiêu doanh thu 1.000 tỷ đồng.",
    )
    assert _no_pair(text, 1_000 * B)


# --------------------------------------------------------------------------- another time


def test_a_far_plan_of_the_next_year_is_no_plan_of_this_year_s_result() -> None:
    text = _far(
        "Năm nay, thành phố đã trồng được 2.600 ha rừng tập trung, đạt 104% kế hoạch.",
        "Năm tới, thành phố đặt mục tiêu trồng mới 2.500 ha rừng tập trung.",
    )
    assert (Decimal(2_600), None, Decimal(104), "attainment") in figure_set(text)
    assert _no_pair(text, Decimal(2_500))


def test_a_far_plan_of_another_year_written_first_is_no_plan() -> None:
    # held before this round by the year guard of the plan passes
    text = _far(
        "Kế hoạch năm 2041, thành phố trồng mới 2.500 ha rừng tập trung.",
        "Năm 2042, thành phố đã trồng được 2.600 ha rừng tập trung, đạt 104% kế hoạch.",
    )
    assert (Decimal(2_600), None, Decimal(104), "attainment") in figure_set(text)
    assert _no_pair(text, Decimal(2_500))


# --------------------------------------------------------------------------- another measure


def test_a_far_plan_of_another_verb_is_no_plan_though_the_figures_fit() -> None:
    text = _far(
        "Năm 2042, huyện đã giải quyết việc làm cho 1.040 lao động, đạt 104% kế hoạch.",
        "Năm 2042, huyện đặt mục tiêu đào tạo nghề cho 1.000 lao động.",
    )
    assert (Decimal(1_040), None, Decimal(104), "attainment") in figure_set(text)
    assert _no_pair(text, Decimal(1_000))
    money = _far(
        "Năm 2042, công ty đạt doanh thu 1.040 tỷ đồng, đạt 104% kế hoạch năm.",
        "Năm 2042, công ty đặt kế hoạch đầu tư 1.000 tỷ đồng vào nhà máy mới.",
    )
    assert _no_pair(money, 1_000 * B)


def test_a_far_plan_of_another_thing_counted_is_no_plan() -> None:
    text = _far(
        "Năm 2042, tỉnh đã trồng được 2.600 ha rừng, đạt 104% kế hoạch.",
        "Năm 2042, tỉnh đặt mục tiêu chuyển đổi 2.500 ha đất lúa sang cây trồng khác.",
    )
    assert (Decimal(2_600), None, Decimal(104), "attainment") in figure_set(text)
    assert _no_pair(text, Decimal(2_500))
