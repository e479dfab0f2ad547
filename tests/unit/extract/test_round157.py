"""Round 157: a plan set out ``lập kế hoạch … với …`` and the sentence going on with it.

Invented texts (other firms, figures and measures than the evaluation passages). A plan set
out by ``lập``, ``xây dựng``, ``đề ra`` or ``đưa ra`` (as by ``đặt``) ``kế hoạch … với`` and
its measure is a target; a money amount opening the next sentence after its measure only,
its growth over the realized figure of a named year right after it (``…, tăng 30% so với
thực hiện năm 2040``), goes on with that plan: a target, which the part-year pass sets the
quarter's result against. Near-misses: the same sentence after a sentence of results, a year
or part of the year named before the amount, a growth over the same period (``cùng kỳ``),
another paragraph, a plan sentence two sentences back. A figure going on with a plan set out
by ``lập`` is no result of the plan's percentage stated later.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from reading import find

B = Decimal(10) ** 9

QUARTER = (
    "Quý I/2041, doanh thu thuần của Công ty Sao Mai đạt 612 tỷ đồng, tăng 11% so với cùng kỳ. "
    "Lợi nhuận trước thuế đạt 48 tỷ đồng, tăng 6% so với quý I/2040.\n\n"
)


def _rows(text: str) -> set[tuple[object, object, str | None]]:
    return {(s.actual, s.target, s.stated_kind) for s in find(text, money=True)}


def test_a_plan_set_out_with_lap_ke_hoach_voi_is_a_target() -> None:
    text = QUARTER + (
        "Năm 2041, công ty lập kế hoạch kinh doanh với doanh thu thuần 2.900 tỷ đồng, tăng 15% "
        "so với thực hiện năm 2040."
    )
    rows = _rows(text)
    assert (None, 2900 * B, "growth") in rows
    assert (612 * B, 2900 * B, None) in rows


def test_xay_dung_and_de_ra_set_out_plans_alike() -> None:
    for verb in ("xây dựng", "đề ra", "đưa ra"):
        text = QUARTER + (
            f"Năm 2041, công ty {verb} kế hoạch kinh doanh với doanh thu thuần 2.900 tỷ đồng, "
            "tăng 15% so với thực hiện năm 2040."
        )
        rows = _rows(text)
        assert (None, 2900 * B, "growth") in rows, verb
        assert (2900 * B, None, "growth") not in rows, verb


def test_the_next_sentence_compared_with_the_past_year_s_result_goes_on_with_the_plan() -> None:
    text = QUARTER + (
        "Năm 2041, công ty lập kế hoạch kinh doanh với doanh thu thuần 2.900 tỷ đồng, tăng 15% "
        "so với thực hiện năm 2040. Lợi nhuận trước thuế đạt 230 tỷ đồng, tăng 12% so với thực "
        "hiện năm 2040."
    )
    rows = _rows(text)
    assert (None, 230 * B, "growth") in rows
    assert (230 * B, None, "growth") not in rows
    assert (48 * B, 230 * B, None) in rows


def test_a_qualified_next_item_goes_on_too() -> None:
    text = QUARTER + (
        "Năm 2041, công ty đặt kế hoạch doanh thu thuần 2.900 tỷ đồng. Lợi nhuận trước thuế "
        "gần 230 tỷ đồng, tăng 12% so với thực hiện năm 2040."
    )
    assert (None, 230 * B, "growth") in _rows(text)


def test_near_misses_stay_results() -> None:
    # a sentence of results before: the year's result compared with the year before's
    results = (
        "Năm 2040, doanh thu thuần của Công ty Sao Mai đạt 2.520 tỷ đồng. Lợi nhuận trước thuế "
        "đạt 205 tỷ đồng, tăng 12% so với thực hiện năm 2039."
    )
    assert (205 * B, None, "growth") in _rows(results)
    plan = "Năm 2041, công ty lập kế hoạch kinh doanh với doanh thu thuần 2.900 tỷ đồng. "
    for after in (
        # a year or a part of the year named before the amount: a result of its own
        "Lợi nhuận trước thuế năm 2040 đạt 205 tỷ đồng, tăng 12% so với thực hiện năm 2039.",
        "Lợi nhuận trước thuế quý I đạt 48 tỷ đồng, tăng 12% so với thực hiện năm 2040.",
        # a growth over the same period: no past year's realized figure
        "Lợi nhuận trước thuế đạt 205 tỷ đồng, tăng 12% so với cùng kỳ.",
        # an estimate
        "Lợi nhuận trước thuế ước đạt 205 tỷ đồng, tăng 12% so với thực hiện năm 2040.",
    ):
        assert (205 * B, None, "growth") in _rows(plan + after) or (48 * B, None, "growth") in (
            _rows(plan + after)
        ), after
    # another paragraph: no plan's sentence right before
    text = plan + "\n\nLợi nhuận trước thuế đạt 205 tỷ đồng, tăng 12% so với thực hiện năm 2040."
    assert (205 * B, None, "growth") in _rows(text)
    # the plan two sentences back
    text = (
        plan + "Công ty có 12 nhà máy. Lợi nhuận trước thuế đạt 205 tỷ đồng, tăng 12% so với "
        "thực hiện năm 2040."
    )
    assert (205 * B, None, "growth") in _rows(text)


def test_a_plan_going_on_after_lap_ke_hoach_is_no_named_plan_s_result() -> None:
    # the figure compared with a past result after a plan set out by "lập": the plan's, so
    # the later percentage of the profit plan takes no result
    text = (
        "Năm 2041, công ty lập kế hoạch doanh thu 900 tỷ đồng. Lợi nhuận trước thuế đạt 60 tỷ "
        "đồng, tăng 20% so với thực hiện.\n\nNhư vậy, công ty đã hoàn thành 45% kế hoạch lợi "
        "nhuận năm."
    )
    percents = [s for s in find(text, money=True) if s.stated_kind == "attainment"]
    assert percents
    assert all(s.actual is None for s in percents)


@settings(max_examples=25, deadline=None)
@given(
    plan=st.integers(min_value=200, max_value=900),
    growth=st.integers(min_value=1, max_value=60),
)
def test_any_next_item_of_a_plan_is_its_target(plan: int, growth: int) -> None:
    text = (
        "Năm 2041, công ty lập kế hoạch kinh doanh với doanh thu thuần 9.000 tỷ đồng. Lợi "
        f"nhuận sau thuế đạt {plan} tỷ đồng, tăng {growth}% so với thực hiện năm 2040."
    )
    rows = _rows(text)
    assert (None, plan * B, "growth") in rows
    assert (plan * B, None, "growth") not in rows
