"""Round 159: a plan named in the sentence that speaks of the results just stated.

Invented texts (other firms, figures and measures than the evaluation passages). A sentence
opening on the results before it (``Kết quả trên``, ``Với kết quả này``, ``Kết quả năm
2041``) that says they passed, missed or reached a plan (``vượt``, ``thấp hơn``, ``chưa
đạt``, ``cán đích`` … ``kế hoạch / mục tiêu / chỉ tiêu / dự toán``) and gives the plan's
amounts by their measures sets each against the one amount of that measure in the sentence
before, no percentage. Near-misses: another measure, another year, a change (``tăng 40 tỷ
đồng``), two amounts of the measure, an amount far off the plan, a percentage of the plan
before it, a plan or forecast in the results' sentence, the words in mid-sentence, another
firm named with the plan.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from reading import find

B = Decimal(10) ** 9


def _pairs(text: str) -> set[tuple[object, object]]:
    return {(s.actual, s.target) for s in find(text, money=True) if s.target is not None}


def test_two_plans_said_of_the_results_before_are_theirs() -> None:
    text = (
        "Năm 2041, Công ty Hải Long đạt doanh thu 3.260 tỷ đồng, lợi nhuận trước thuế 215 tỷ "
        "đồng. Kết quả trên vượt mục tiêu đề ra doanh thu 3.000 tỷ đồng và lợi nhuận trước "
        "thuế 180 tỷ đồng hồi đầu năm."
    )
    pairs = _pairs(text)
    assert (3260 * B, 3000 * B) in pairs
    assert (215 * B, 180 * B) in pairs


def test_with_this_result_the_firm_passed_its_plan_of_the_year() -> None:
    text = (
        "Lũy kế cả năm 2041, tập đoàn ghi nhận lợi nhuận sau thuế gần 1.320 tỷ đồng, tăng 18% so "
        "với cùng kỳ năm 2040. Với kết quả này, tập đoàn đã vượt kế hoạch lợi nhuận 1.250 tỷ "
        "đồng được đại hội đồng cổ đông thông qua cho cả năm 2041."
    )
    found = [s for s in find(text, money=True) if s.target is not None]
    assert [(s.actual, s.target, s.qualifier) for s in found] == [(1320 * B, 1250 * B, "gần")]
    assert found[0].year == 2041


def test_a_budget_short_of_its_estimate() -> None:
    text = (
        "Năm 2041, tổng thu ngân sách trên địa bàn tỉnh đạt 8.410 tỷ đồng. Kết quả này thấp hơn "
        "dự toán thu ngân sách 8.900 tỷ đồng được giao."
    )
    assert (8410 * B, 8900 * B) in _pairs(text)


def test_a_result_of_another_measure_is_not_the_plans() -> None:
    text = (
        "Năm 2041, Công ty Hải Long đạt doanh thu 3.260 tỷ đồng. Kết quả này vượt kế hoạch lợi "
        "nhuận 180 tỷ đồng."
    )
    assert not any(a == 3260 * B for a, _ in _pairs(text))


def test_a_result_of_another_year_is_not_the_plans() -> None:
    text = (
        "Năm 2040, lợi nhuận trước thuế của công ty đạt 215 tỷ đồng. Kết quả này vượt kế hoạch "
        "lợi nhuận trước thuế năm 2041 là 180 tỷ đồng."
    )
    assert (215 * B, 180 * B) not in _pairs(text)


def test_a_change_two_amounts_or_a_far_amount_is_no_result() -> None:
    for before in (
        "Năm 2041, lợi nhuận của công ty tăng 40 tỷ đồng so với năm trước.",
        "Năm 2041, lợi nhuận hợp nhất đạt 215 tỷ đồng, lợi nhuận công ty mẹ 190 tỷ đồng.",
        "Năm 2041, lợi nhuận của công ty đạt 2.150 tỷ đồng.",
    ):
        text = before + " Kết quả này vượt kế hoạch lợi nhuận 180 tỷ đồng."
        assert not any(t == 180 * B for _, t in _pairs(text)), before


def test_a_plan_or_forecast_before_is_no_result() -> None:
    for before in (
        "Năm 2041, công ty dự kiến lợi nhuận đạt 215 tỷ đồng.",
        "Năm 2041, công ty đặt mục tiêu lợi nhuận 215 tỷ đồng.",
    ):
        text = before + " Kết quả này vượt kế hoạch lợi nhuận 180 tỷ đồng của tổng công ty."
        assert (215 * B, 180 * B) not in _pairs(text), before


def test_the_words_in_mid_sentence_or_after_a_percentage_refer_to_nothing_here() -> None:
    mid = (
        "Năm 2041, lợi nhuận của công ty đạt 215 tỷ đồng và ban lãnh đạo cho biết kết quả này "
        "vượt kế hoạch lợi nhuận 180 tỷ đồng."
    )
    percent = (
        "Năm 2041, doanh thu của công ty đạt 3.260 tỷ đồng, lợi nhuận đạt 215 tỷ đồng. Với kết "
        "quả này, công ty hoàn thành 95% kế hoạch doanh thu nhưng vượt kế hoạch lợi nhuận 180 "
        "tỷ đồng."
    )
    assert (215 * B, 180 * B) not in _pairs(percent)
    # in mid-sentence the plan is the sentence's own (read by the sentence grammar, if at all)
    assert all(s.link_start is None for s in find(mid, money=True) if s.target is not None)


def test_the_nearest_sentence_naming_the_measure_holds_the_result() -> None:
    text = (
        "Cả năm 2041, Công ty Đông Hải báo lãi sau thuế xấp xỉ 640 tỷ đồng, tăng 35% so với năm "
        "trước. Bình quân mỗi tháng công ty lãi khoảng 53 tỷ đồng.\n\nKết quả này giúp công ty "
        "cán đích mục tiêu lợi nhuận cả năm 600 tỷ đồng."
    )
    assert (640 * B, 600 * B) in _pairs(text)


def test_plans_named_first_then_met_or_missed() -> None:
    text = (
        "Năm 2041, doanh thu thuần của công ty đạt 7.120 tỷ đồng. Lợi nhuận sau thuế đạt 2.310 "
        "tỷ đồng, gấp 3 lần năm trước. Doanh thu từ mảng cho thuê kho bãi và dịch vụ hậu cần "
        "cảng đạt 2.050 tỷ đồng.\n\nTuy vậy, so với kế hoạch doanh thu 9.000 tỷ đồng và lợi "
        "nhuận sau thuế 3.000 tỷ đồng được đại hội đồng cổ đông thông qua, công ty vẫn chưa "
        "hoàn thành các chỉ tiêu."
    )
    pairs = _pairs(text)
    assert (7120 * B, 9000 * B) in pairs
    assert (2310 * B, 3000 * B) in pairs
    assert not any(a == 2050 * B for a, _ in pairs)


def test_a_plan_named_first_with_a_percentage_after_is_not_read_here() -> None:
    text = (
        "Năm 2041, lợi nhuận sau thuế đạt 2.310 tỷ đồng. So với kế hoạch lợi nhuận sau thuế "
        "3.000 tỷ đồng, công ty mới hoàn thành 77%."
    )
    assert all(s.link_start is None for s in find(text, money=True) if s.actual == 2310 * B)


def test_another_firm_s_plan_is_not_the_result_s() -> None:
    other = (
        "Năm 2041, Công ty Sao Mai đạt lợi nhuận 215 tỷ đồng. Kết quả này thấp hơn kế hoạch lợi "
        "nhuận 240 tỷ đồng của Công ty Bình Minh."
    )
    same = (
        "Năm 2041, Công ty Sao Mai đạt lợi nhuận 215 tỷ đồng. Kết quả này giúp Công ty Sao Mai "
        "vượt kế hoạch lợi nhuận 200 tỷ đồng."
    )
    assert (215 * B, 240 * B) not in _pairs(other)
    assert (215 * B, 200 * B) in _pairs(same)


@settings(max_examples=40, deadline=None)
@given(
    plan=st.integers(min_value=100, max_value=9_000),
    share=st.integers(min_value=60, max_value=180),
)
def test_any_result_near_its_plan_is_set_against_it(plan: int, share: int) -> None:
    result = plan * share // 100
    if result == plan:
        return
    text = (
        f"Năm 2041, doanh thu của công ty đạt {result:,} tỷ đồng. Kết quả này "
        f"{'vượt' if result > plan else 'thấp hơn'} kế hoạch doanh thu {plan:,} tỷ đồng."
    ).replace(",", ".")
    # "Kết quả này" opens after the result's full stop: the thousands point is no stop
    assert (result * B, plan * B) in _pairs(text)
