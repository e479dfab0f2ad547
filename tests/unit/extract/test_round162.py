"""Round 162: a sentence opening ``Theo kế hoạch …,`` that says what ``sẽ`` be done sets a plan.

Invented texts (other units, figures and measures than the evaluation passages). ``Theo kế
hoạch năm 2041, huyện sẽ thực hiện các giải pháp giới thiệu việc làm mới cho 4.000 lao
động``: the figure after any verb is the plan's when ``sẽ`` (will) stands between the opening
and the figure and no word of a result does, so a later bare ``đạt X%`` of a result takes
it as its target. Near-misses: a result word after the opening (``đã trồng``), ``sẽ`` with
no plan opening (a forecast), an ordinal (``vị khách thứ 9 triệu``).
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from reading import find, is_claim


def _vn(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _rows(text: str) -> set[tuple[object, object, str | None, object]]:
    return {(s.actual, s.target, s.stated_kind, s.stated_percent) for s in find(text)}


def test_a_plan_opening_with_se_sets_the_target_of_a_later_bare_percent() -> None:
    text = (
        "Theo kế hoạch năm 2041, huyện Tân Phước sẽ thực hiện các giải pháp giới thiệu việc "
        "làm mới cho 4.000 lao động. Từ đầu năm đến nay, huyện đã giới thiệu được 3.100 lao "
        "động có việc làm (đạt 77,5%)."
    )
    assert (3100, 4000, "attainment", Decimal("77.5")) in _rows(text)


def test_other_verbs_after_se_alike() -> None:
    text = (
        "Theo kế hoạch năm 2041, toàn tỉnh sẽ tuyển sinh đào tạo nghề cho 12.000 người. Đến nay, "
        "toàn tỉnh đã tuyển sinh được 9.360 người, đạt 78%."
    )
    assert (9360, 12000, "attainment", 78) in _rows(text)
    text = (
        "Theo kế hoạch, năm 2041 xã Hòa Bình sẽ trồng mới 500 ha rừng. Đến nay, xã đã trồng "
        "được 400 ha, đạt 80%."
    )
    assert (400, 500, "attainment", 80) in _rows(text)


def test_a_result_word_after_the_opening_sets_no_plan() -> None:
    text = (
        "Theo kế hoạch năm 2041, huyện đã trồng 500 ha rừng. Đến nay, huyện trồng được 400 ha, "
        "đạt 80%."
    )
    assert not any(s.target == 500 for s in find(text))


def test_se_without_a_plan_opening_is_no_target() -> None:
    text = "Năm 2041, huyện sẽ trồng 500 ha rừng. Đến nay, huyện đã trồng được 400 ha, đạt 80%."
    assert not any(is_claim(s) for s in find(text))


def test_an_ordinal_after_se_is_no_target() -> None:
    text = (
        "Theo kế hoạch, ngày 1/10/2041 tỉnh sẽ đón vị khách thứ 9 triệu. Đến nay, tỉnh đã đón "
        "được 7,2 triệu lượt khách, đạt 80%."
    )
    assert not any(s.target is not None for s in find(text))


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=200, max_value=9000), st.integers(min_value=20, max_value=95))
def test_the_plan_and_the_result_agree_with_the_percent(plan: int, percent: int) -> None:
    actual = plan * percent // 100
    if actual * 100 != plan * percent:
        return  # only figures whose percent is whole
    text = (
        f"Theo kế hoạch năm 2041, huyện Long Điền sẽ hỗ trợ việc làm cho {_vn(plan)} lao động. "
        f"Đến nay, huyện đã hỗ trợ được {_vn(actual)} lao động, đạt {percent}%."
    )
    rows = _rows(text)
    assert (actual, plan, "attainment", percent) in rows
