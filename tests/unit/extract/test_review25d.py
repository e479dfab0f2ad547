"""What a review of the last part of round 84 found (session 25), each with a case it mends and
one it keeps, on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from reading import find


def _kinds(text: str) -> list[str | None]:
    return [s.stated_kind for s in find(text)]


# a clause comparing with the plan makes a bare percentage after it an attainment, but not a
# rate's, nor a share of a total, nor one past a ";"
PLAN_THEN_RATES = (
    "Năm 2041, so với kế hoạch đề ra, tỷ lệ trẻ em suy dinh dưỡng giảm còn 8%, "
    "tỷ lệ bao phủ bảo hiểm y tế đạt 92%."
)
PLAN_THEN_RATE = "Năm 2041, so với chỉ tiêu Nghị quyết, tỷ lệ hộ dùng nước sạch đạt 95%."
PLAN_THEN_SHARE = "So với kế hoạch đề ra, xã có 500 hộ dùng nước sạch, đạt 60% tổng số hộ."
PLAN_BEFORE_A_SEMICOLON = (
    "Năm 2041, so với kế hoạch đề ra, các chỉ tiêu cơ bản hoàn thành; "
    "xã nạo vét được 40 nghìn m3, đạt 80%."
)
PLAN_THEN_DREDGED = "Năm 2041, so với kế hoạch năm, xã nạo vét được 40 nghìn m3, đạt 80%."


def test_a_rate_after_a_clause_comparing_with_the_plan_stays_a_rate() -> None:
    assert _kinds(PLAN_THEN_RATES) == ["rate", "rate"]
    assert _kinds(PLAN_THEN_RATE) == ["rate"]


def test_a_share_of_a_total_after_a_clause_comparing_with_the_plan_stays_coverage() -> None:
    assert _kinds(PLAN_THEN_SHARE) == ["coverage"]


def test_a_clause_comparing_with_the_plan_does_not_reach_past_a_semicolon() -> None:
    assert "attainment" not in _kinds(PLAN_BEFORE_A_SEMICOLON)


def test_a_bare_percentage_after_a_clause_comparing_with_the_plan_is_still_its_attainment() -> None:
    (s,) = find(PLAN_THEN_DREDGED)
    assert (s.actual, s.stated_kind) == (40_000, "attainment")


# a day named by what happens on it, then its date, is no fraction; a count named after "ngày
# hội", or a fraction with its counted noun or its attainment after it, is one
COUNT_ON_A_FAIR_DAY = "Năm 2041, trong ngày hội số thôn tham gia là 9/12, đạt 75% kế hoạch."
COUNT_ON_A_LAUNCH_DAY = "Năm 2041, trong ngày ra quân số xã tham gia là 10/12, đạt 83% kế hoạch."
FAIR_DAY_IN_VILLAGES = "Năm 2041, số xã tổ chức ngày hội đại đoàn kết vào 10/12 thôn."
TWO_NAMED_DAYS = "Năm 2041, ngày đóng sổ đăng ký dự thi là 7/10 và ngày công bố kết quả là 9/10."


def test_a_count_after_a_named_day_is_still_a_pair() -> None:
    (s,) = find(COUNT_ON_A_FAIR_DAY)
    assert (s.actual, s.target, s.stated_kind) == (9, 12, "attainment")
    (s,) = find(COUNT_ON_A_LAUNCH_DAY)
    assert (s.actual, s.target) == (10, 12)


def test_a_fraction_with_its_counted_noun_after_a_named_day_is_still_a_pair() -> None:
    (s,) = find(FAIR_DAY_IN_VILLAGES)
    assert (s.actual, s.target, s.stated_kind) == (10, 12, "coverage")


def test_days_named_by_what_happens_on_them_are_still_dates() -> None:
    assert find(TWO_NAMED_DAYS) == []
