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
