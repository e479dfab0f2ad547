"""What the review of round 91 found (session 27), each with a case it mends and one it keeps,
on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from reading import find

from kpitools.extract import audit_statements, statements_frame

SEEDLINGS = "Năm 2041, Hợp tác xã Đồng Lâm ươm được 9.640 cây giống, {}."


def _claims(tail: str) -> list[tuple[object, object, str | None]]:
    return [(s.actual, s.target, s.stated_kind) for s in find(SEEDLINGS.format(tail))]


# B1: after "vượt so với", a plan figure is the plan itself, not a margin over it
def test_a_plan_compared_with_is_the_plan_not_a_margin() -> None:
    assert _claims("vượt so với kế hoạch 9.100 cây") == [(9640, 9100, None)]
    assert _claims("vượt so với kế hoạch được giao 9.100 cây") == [(9640, 9100, None)]


def test_a_figure_compared_with_and_no_plan_named_gives_no_target() -> None:
    assert all(t is None for _, t, _ in _claims("vượt so với 540 cây của năm trước"))


def test_a_margin_over_a_plan_set_by_someone_is_still_an_excess() -> None:
    assert _claims("vượt so với kế hoạch được huyện giao 540 cây") == [(9640, 9100, "excess_count")]
    assert _claims("vượt kế hoạch 540 cây") == [(9640, 9100, "excess_count")]


# B2: a negated "vượt" states no excess: no margin, no plan derived from it
def test_a_negated_excess_states_no_margin() -> None:
    for tail in ("không vượt so với KH được huyện giao 540 cây", "chưa vượt KH được giao 540 cây"):
        assert all(k != "excess_count" and t != 9100 for _, t, k in _claims(tail))
    plan = "Năm 2041, Hợp tác xã Đồng Lâm ươm được 8.950 cây giống, chưa vượt kế hoạch 9.100 cây."
    assert [(s.target, s.stated_kind) for s in find(plan)] == [(9100, None)]


# B3: a rate off the pair's ratio may be of another day or base: no proof of an error, so it
# is read with the pair but left unchecked, never flagged
PLAN_AND_PART = (
    "Năm 2041, Hợp tác xã Đồng Lâm có kế hoạch 4.800 cây giống, đến hết tháng 9 đã đạt "
    "3.960 cây, tỷ lệ {}%."
)


def test_a_rate_a_little_off_the_pair_is_not_flagged() -> None:
    statements = find(PLAN_AND_PART.format("82,1"))
    (s,) = [s for s in statements if s.stated is not None]
    assert (s.target, s.stated_kind, s.verdict) == (4800, "attainment", "unchecked")
    audit = audit_statements(statements_frame(statements))
    assert "inconsistent" not in audit["verdict"].to_list()


def test_the_pairs_own_rate_is_still_its_attainment() -> None:
    (s,) = [s for s in find(PLAN_AND_PART.format("82,5")) if s.stated is not None]
    assert (s.actual, s.target, s.stated_kind, s.verdict) == (
        3960,
        4800,
        "attainment",
        "consistent",
    )


# the margin's and the "&" rules hold for any giver and any office's abbreviation
def test_a_margin_over_a_plan_any_body_set_is_an_excess() -> None:
    for giver in ("chỉ tiêu được UBND tỉnh giao", "dự toán giao"):
        assert _claims(f"vượt so với {giver} 540 cây") == [(9640, 9100, "excess_count")]


RECORDS_CHECKED = (
    "Đến hết quý IV/2041, Trung tâm Khuyến nông thẩm định được 1.236 hồ sơ, bằng 103% kế "
    "hoạch do Sở KH&CN giao ({})."
)


def test_a_plan_in_brackets_after_another_office_joined_by_and_is_taken() -> None:
    assert [s.target for s in find(RECORDS_CHECKED.format("1.200 hồ sơ"))] == [1200]
    assert [s.target for s in find(RECORDS_CHECKED.format("năm 2040 là 1.100 hồ sơ"))] == [None]
