"""Round 162: a sentence opening ``Theo kế hoạch …,`` that says what ``sẽ`` be done sets a plan.

Invented texts (other units, figures and measures than the evaluation passages). ``Theo kế
hoạch năm 2041, huyện sẽ thực hiện các giải pháp giới thiệu việc làm mới cho 4.000 lao
động``: the figure after any verb is the plan's when ``sẽ`` (will) stands between the opening
and the figure and no word of a result does, so a later bare ``đạt X%`` of a result takes
it as its target. Near-misses: a result word after the opening (``đã trồng``), ``sẽ`` with
no plan opening (a forecast), an ordinal (``vị khách thứ 9 triệu``).

A fraction with its rate or share listed right after an attainment of a fraction (``triệt sản
thực hiện 9/20 tỷ lệ 45% so với kế hoạch; đặt vòng thực hiện 90/160 tỷ lệ 56,25%``; ``… chiếm
50% so với kế hoạch năm. Trong đó: triệt sản: 45/90 người, chiếm 50%; …``) is an attainment
too when its own figures give its percentage. Near-misses: a share of the whole just stated
(``300/400 …, đạt 75% kế hoạch; 120/300 đảng viên mới là nữ, chiếm 40%``), another thing
counted (``… đảng viên …; 30/60 trường …``), a list with no attainment before.

A pair of a quota read with its own rate after a comma (``Chỉ tiêu … là 960, nhưng mới tuyển
được 720 chỉ tiêu, đạt tỉ lệ 75%``) is an attainment, as the rate in brackets was; a fraction
with no plan word (``602/683 trường … đạt chuẩn, đạt tỷ lệ 88,14%``) stays a rate.
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


def test_a_fraction_rate_listed_after_an_attainment_is_one() -> None:
    text = (
        "Năm 2041, huyện Đông Sơn thực hiện các biện pháp tránh thai: triệt sản thực hiện 9/20 "
        "tỷ lệ 45% so với kế hoạch; đặt vòng tránh thai thực hiện 90/160 tỷ lệ 56,25%."
    )
    assert (90, 160, "attainment", Decimal("56.25")) in _rows(text)


def test_parts_after_trong_do_follow_the_headline_attainment() -> None:
    text = (
        "Sáu tháng đầu năm 2041, toàn tỉnh thực hiện 30.000/60.000 người, chiếm 50% so với kế "
        "hoạch năm. Trong đó: triệt sản: 45/90 người, chiếm 50%; vòng tránh thai có "
        "4.400/8.800 người, chiếm 50%."
    )
    rows = _rows(text)
    assert (45, 90, "attainment", 50) in rows
    assert (4400, 8800, "attainment", 50) in rows


def test_shares_of_the_whole_or_of_another_thing_stay_shares() -> None:
    text = (
        "Năm 2041, toàn tỉnh kết nạp 300/400 đảng viên, đạt 75% kế hoạch; 120/300 đảng viên "
        "mới là nữ, chiếm 40%."
    )
    assert (120, 300, "share", 40) in _rows(text)
    text = (
        "Năm 2041, xã Tân An kết nạp 40/50 đảng viên, đạt 80% kế hoạch; xã Tân Bình có 30/60 "
        "trường đạt chuẩn, chiếm 50%."
    )
    assert (30, 60, "share", 50) in _rows(text)


def test_a_list_of_shares_with_no_attainment_before_stays_shares() -> None:
    text = (
        "Năm 2041, toàn huyện có 30/60 trường đạt chuẩn, chiếm 50%; 45/90 thôn có nhà văn hóa, "
        "chiếm 50%."
    )
    assert not any(s.stated_kind == "attainment" for s in find(text))


def test_a_quota_pair_with_its_own_rate_after_a_comma_is_an_attainment() -> None:
    text = (
        "Chỉ tiêu đào tạo nghề năm 2041 của tỉnh là 960, nhưng mới tuyển được 720 chỉ tiêu, "
        "đạt tỉ lệ 75%."
    )
    assert (720, 960, "attainment", 75) in _rows(text)
    text = (
        "Chỉ tiêu đào tạo nghề năm 2041 của tỉnh là 960 nhưng đã tuyển vượt lên 1.008 chỉ "
        "tiêu, đạt tỉ lệ 105%."
    )
    assert (1008, 960, "attainment", 105) in _rows(text)


def test_a_fraction_with_no_plan_keeps_its_rate() -> None:
    text = "Đến năm 2041, toàn tỉnh có 602/683 trường học đạt chuẩn quốc gia, đạt tỷ lệ 88,14%."
    assert not any(s.stated_kind == "attainment" for s in find(text))
