"""Round 32 of the extraction rules (issue 17): a headline's qualified figure that the body's
own rounded figure agrees with is not contradicted by an exact part of it; … — each a general
rule of report wording, tested on invented text (never the evaluation set's figures or
sentences)."""

from __future__ import annotations

import pytest
from reading import find


def flagged(text: str) -> list[str]:
    """The texts of the statements of ``text`` the extractor flags inconsistent."""
    return [s.text for s in find(text, money=True) if s.verdict == "inconsistent"]


# ------------------------------- a headline the body's own rounded figure agrees with


@pytest.mark.parametrize(
    "text",
    [
        "Hơn 4 triệu lượt khách đến tỉnh trong 6 tháng\nSáu tháng, lượng khách đạt gần 4,2 "
        "triệu lượt, bằng 98,5% kế hoạch; trong đó khách quốc tế 212.100 lượt, khách nội "
        "địa 3.987.900 lượt, tăng 40% so với cùng kỳ năm trước.",
        "Trên 2 nghìn tỷ đồng thu ngân sách quý I\nQuý I, thu ngân sách đạt khoảng 2,05 nghìn "
        "tỷ đồng, bằng 26% dự toán; riêng thu nội địa 1,97 nghìn tỷ đồng, tăng 8% so với cùng "
        "kỳ.",
    ],
)
def test_a_headline_the_bodys_rounded_figure_agrees_with_is_not_flagged(text: str) -> None:
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Hơn 4 triệu lượt khách đến tỉnh trong 6 tháng\nSáu tháng, lượng khách đạt 3.987.900 "
        "lượt, bằng 98,5% kế hoạch.",
        "Gần 4 triệu lượt khách đến tỉnh trong 6 tháng\nSáu tháng, lượng khách đạt khoảng 4,1 "
        "triệu lượt, bằng 98,5% kế hoạch; khách nội địa 4.050.000 lượt, tăng 40% so với cùng "
        "kỳ năm trước.",
    ],
)
def test_a_headline_only_contradicted_figures_fit_is_still_flagged(text: str) -> None:
    [headline] = flagged(text)
    assert headline[:3] in ("Hơn", "Gần")


def pairs(text: str) -> list[tuple[object, object]]:
    """(actual, target) of the statements of ``text`` that pair two figures."""
    return [(s.actual, s.target) for s in find(text, money=True) if s.target is not None]


# ------------------------------------------------------------- a rank among units, a date


@pytest.mark.parametrize(
    "text",
    [
        "Thu hút vốn đầu tư hơn 2 tỷ USD (xếp 7/60 tỉnh, thành phố).",
        "Quy mô kinh tế đạt 40 nghìn tỷ đồng, xếp vị trí 6/40 tỉnh, thành phố.",
        "Chỉ số năng lực cạnh tranh xếp thứ 9/60 cả nước, thứ 2/11 trong vùng và 1/4 tỉnh "
        "trọng điểm.",
        "Huyện đứng vị trí 3/12 huyện, thị xã của tỉnh về thu ngân sách.",
        "Trong hai ngày 14 và 15/3 Đảng bộ xã Đông đã tổ chức đại hội.",
        "Ngày 8, 9/10 Hội Nông dân xã tổ chức hội nghị tổng kết.",
        "Các ngày 20-21/11 Chi bộ thôn Bắc sinh hoạt chuyên đề.",
    ],
)
def test_a_rank_among_units_or_a_list_of_days_is_no_pair(text: str) -> None:
    assert pairs(text) == []


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Chi bộ kết nạp 9/8 đảng viên, xếp thứ nhất huyện.", (9, 8)),
        ("Xếp loại chi bộ: đạt 14/12 đảng viên được kết nạp.", (14, 12)),
        ("Ngày 5/3, chi bộ kết nạp 9/8 đảng viên.", (9, 8)),
    ],
)
def test_a_result_near_a_rank_word_or_a_date_stays_a_pair(text: str, pair: tuple[int, int]) -> None:
    assert pairs(text) == [pair]


# ------------------------------------- a plan in brackets right after the plan's name


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "Thu ngân sách đã đạt 1.300 tỷ đồng, tăng 12,5% so với cùng kỳ năm trước và vượt "
            "7% so với chỉ tiêu được giao (1.200 tỷ đồng).",
            1200,
        ),
        (
            "Toàn ngành thu được 3.304 tỷ đồng, vượt hơn 9% chỉ tiêu pháp lệnh, đạt 97,9% so "
            "với chỉ tiêu phấn đấu (3.346 tỷ đồng), tăng 11% so với cùng kỳ.",
            3346,
        ),
    ],
)
def test_a_plan_in_brackets_after_its_name_is_the_target_of_a_near_percent(
    text: str, target: int
) -> None:
    [s] = [s for s in find(text, money=True) if s.target is not None]
    assert s.target == target * 10**9
    assert s.verdict == "inconsistent"


def test_a_bracket_far_from_what_the_percent_implies_is_no_target() -> None:
    text = (
        "Thu ngân sách đạt 1.300 tỷ đồng, tăng 12,5% so với cùng kỳ và vượt 7% so với chỉ "
        "tiêu được giao (1.100 tỷ đồng)."
    )
    assert [s for s in find(text, money=True) if s.actual and s.target] == []


# ------------------------------- a running total named with its body, after an admission


def attainment_actuals(text: str) -> list[object]:
    """The actuals of the attainments of ``text``."""
    return [s.actual for s in find(text, money=True) if s.stated_kind == "attainment"]


@pytest.mark.parametrize(
    "text",
    [
        "Nhiệm kỳ qua, Đảng bộ phường đã kết nạp 42 đảng viên mới, nâng tổng số đảng viên "
        "toàn Đảng bộ lên 310 đồng chí, đạt 105% so với nghị quyết.",
        "Năm qua, Hội kết nạp 42 hội viên, nâng tổng số hội viên của Hội Nông dân phường "
        "lên 310 người, đạt 105% kế hoạch.",
    ],
)
def test_a_percent_after_a_running_total_named_with_its_body_is_of_the_admitted(
    text: str,
) -> None:
    assert attainment_actuals(text) == [42]


def test_a_total_of_units_meeting_a_standard_keeps_its_percent() -> None:
    text = (
        "Năm nay có thêm 4 xã đạt chuẩn, nâng tổng số xã đạt chuẩn nông thôn mới của toàn "
        "huyện lên 20 xã, đạt 100% kế hoạch."
    )
    assert attainment_actuals(text) == [20]


# ----------------------------------------------- a cubic or square measure on both sides


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Khai thác 46.200 m3/80.000 m3 gỗ rừng trồng, đạt 57,8% kế hoạch.", (46200, 80000)),
        ("Đã giao 12 km2/15 km2 diện tích mặt nước, đạt 80% kế hoạch.", (12, 15)),
    ],
)
def test_a_fraction_with_a_powered_measure_on_both_sides_is_a_pair(
    text: str, pair: tuple[int, int]
) -> None:
    assert pairs(text) == [pair]


@pytest.mark.parametrize(
    "text",
    [
        "Khai thác 46.200 m3 gỗ rừng trồng, đạt 57,8% kế hoạch.",
        "Khai thác 46.200 m3/80.000 tấn gỗ rừng trồng.",
    ],
)
def test_a_powered_measure_on_one_side_only_is_no_pair(text: str) -> None:
    assert pairs(text) == []


# ------------------------------------------ a change over a past period restated as an amount


@pytest.mark.parametrize(
    ("text", "actual"),
    [
        (
            "Sản lượng lương thực năm nay ước đạt 52.300 tấn, giảm 0,5% so với năm 2023 tương "
            "đương 262 tấn, đạt 99,2% kế hoạch.",
            52300,
        ),
        (
            "Thu ngân sách đạt 1.300 tỷ đồng, tăng 9% so với cùng kỳ, tương ứng 107 tỷ đồng, "
            "đạt 104% dự toán.",
            1300 * 10**9,
        ),
    ],
)
def test_a_change_restated_as_an_amount_leaves_the_percent_to_the_result(
    text: str, actual: int
) -> None:
    assert attainment_actuals(text) == [actual]


def test_without_a_change_before_it_an_equal_amount_is_not_taken_for_one() -> None:
    text = "Toàn xã thu được 1.300 tỷ đồng, tương đương 1.250 tỷ đồng năm trước, đạt 104% dự toán."
    assert attainment_actuals(text) == [1250 * 10**9]


# --------------------------------------- millions per head with no currency, and their change


@pytest.mark.parametrize(
    ("text", "actual"),
    [
        ("Thu nhập bình quân đầu người đạt 46,2 triệu/người, đạt 84% kế hoạch.", 46_200_000),
        (
            "Thu nhập bình quân năm 2020 đạt 40 triệu/người/năm, đến năm 2023 đạt 46,2 "
            "triệu/người/năm, tăng 6,2 triệu đồng, đạt 84% so với chỉ tiêu Nghị quyết đề ra.",
            46_200_000,
        ),
        (
            "Thu nhập bình quân đạt 46,2 triệu đồng/người/năm, tăng 6,2 triệu đồng, đạt 84% "
            "so với chỉ tiêu Nghị quyết.",
            46_200_000,
        ),
    ],
)
def test_an_income_per_head_keeps_its_percent_over_its_change(text: str, actual: int) -> None:
    assert attainment_actuals(text) == [actual]


@pytest.mark.parametrize(
    ("text", "actual"),
    [
        ("Dân số đạt 46,2 nghìn người, đạt 84% kế hoạch.", 46_200),
        (
            "Thu nhập bình quân đạt 46,2 triệu đồng/người/năm; tổng thu ngân sách tăng 6,2 "
            "triệu USD, đạt 84% dự toán.",
            6_200_000,
        ),
    ],
)
def test_a_count_of_thousands_or_another_currency_stays_apart(text: str, actual: int) -> None:
    assert attainment_actuals(text) == [actual]


# ---------------------------------------------- a plan's amount written with a qualifier


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "Tổng số vốn đã giải ngân hơn 430 tỉ đồng, đạt tỷ lệ 63% so với tổng số vốn được "
            "giao là hơn 682 tỉ đồng.",
            682,
        ),
        (
            "Thu ngân sách đạt 1.210 tỉ đồng, bằng 110% dự toán được giao là khoảng 1.100 tỉ đồng.",
            1100,
        ),
    ],
)
def test_a_plans_amount_after_its_qualifier_is_still_the_plans(text: str, target: int) -> None:
    assert [s.target for s in find(text, money=True) if s.target is not None] == [target * 10**9]


def test_a_qualified_result_stays_a_result() -> None:
    text = "Vốn đã giải ngân đạt hơn 430 tỉ đồng, bằng 63% kế hoạch."
    assert [(s.actual, s.target) for s in find(text, money=True)] == [(430 * 10**9, None)]


# ------------------------------------------ units or items counted by a threshold they reach


@pytest.mark.parametrize(
    "text",
    [
        "Có 6 khoản thu, sắc thuế đạt khá (trên 25% so với dự toán), trong đó thuế môn bài "
        "đạt 30%.",
        "Có 3 xã đạt trên 90% kế hoạch thu ngân sách.",
        "Toàn tỉnh có 4 huyện chỉ đạt dưới 50% dự toán.",
    ],
)
def test_a_count_of_units_reaching_a_threshold_is_no_result(text: str) -> None:
    assert [s.actual for s in find(text, money=True) if s.actual is not None] == []


@pytest.mark.parametrize(
    ("text", "actual"),
    [
        ("Xã đã kết nạp 45 đảng viên, đạt trên 100% kế hoạch.", 45),
        ("Toàn huyện thành lập 12 xã đạt 95% kế hoạch.", 12),
    ],
)
def test_a_count_with_its_own_approximate_percent_stays_a_result(text: str, actual: int) -> None:
    assert attainment_actuals(text) == [actual]
