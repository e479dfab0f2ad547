"""Issue 17, round 6: the audit's misses of the seventh batch (2026-12-03g), as general rules.

Every example is invented (marked ``# invented``); the real passages are in
tests/eval/extract/ and scored by scripts/eval_extract.py. False alarms are worse than
misses: every positive test has a negative twin.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from kpitools.extract import audit_statements, extract_statements
from kpitools.extract.grammar import APPROXIMATE_FACTOR, far_off

D = Decimal


def verdicts(text: str) -> list[tuple[str, str]]:
    """(check, verdict) of every audit row of ``text``."""
    audit = audit_statements(extract_statements(text))
    return [(r["check"], r["verdict"]) for r in audit.iter_rows(named=True)]


# --------------------------------------------------------------------------- far off


def test_an_approximate_result_far_from_its_percentage_is_flagged() -> None:
    # invented: "khoảng 420" of 600.000 is 0,07 %, not 2 %
    text = "Kế hoạch trồng 600.000 cây, kết quả mới đạt khoảng 420 cây, tương đương 2% kế hoạch."
    assert ("attainment", "inconsistent") in verdicts(text)


def test_an_approximate_result_near_its_percentage_stays_unchecked() -> None:
    # invented: "khoảng 12.100" of 600.000 is about 2 %
    text = "Kế hoạch trồng 600.000 cây, kết quả đạt khoảng 12.100 cây, tương đương 2% kế hoạch."
    assert verdicts(text) == [("attainment", "unchecked")]
    # invented: within a factor of 2 ("gần 9.000" of 600.000 is 1,5 %, said 2 %) stays unchecked
    text = "Kế hoạch trồng 600.000 cây, kết quả đạt gần 9.000 cây, tương đương 2% kế hoạch."
    assert verdicts(text) == [("attainment", "unchecked")]


@settings(max_examples=200, deadline=None)
@given(
    stated=st.integers(min_value=1, max_value=300),
    ratio=st.decimals(min_value=D("0.5"), max_value=D("2"), places=3),
    qual=st.sampled_from([None, "khoảng", "gần", "trên", "hơn", "trở lên"]),
)
def test_far_off_never_flags_within_the_factor(
    stated: int, ratio: Decimal, qual: str | None
) -> None:
    # figures within APPROXIMATE_FACTOR of the stated percentage are never contradicted
    assert APPROXIMATE_FACTOR == 2
    assert not far_off(D(stated), 0, qual, D(stated) * ratio)


@settings(max_examples=200, deadline=None)
@given(
    stated=st.integers(min_value=1, max_value=300),
    ratio=st.decimals(min_value=D("2.1"), max_value=D("1000"), places=2),
    qual=st.sampled_from([None, "khoảng", "gần", "trên", "hơn", "trở lên"]),
)
def test_far_off_flags_beyond_the_factor(stated: int, ratio: Decimal, qual: str | None) -> None:
    # far under: always flagged; far over: flagged unless the percentage is a lower bound
    assert far_off(D(stated), 0, qual, D(stated) / ratio - D("0.5") / ratio)
    over = far_off(D(stated), 0, qual, (D(stated) + D("0.5")) * ratio)
    assert over == (qual not in ("trên", "hơn", "trở lên"))


def test_far_off_ignores_zero_and_rounded_to_nothing() -> None:
    assert not far_off(D(0), 0, None, D("0.01"))
    assert not far_off(D(5), 0, None, D(0))


# --------------------------------------------------------------------------- two year plans


def flagged(text: str) -> list[dict[str, object]]:
    audit = audit_statements(extract_statements(text))
    return [r for r in audit.iter_rows(named=True) if r["verdict"] == "inconsistent"]


def test_one_figure_with_two_attainments_of_the_year_plan_is_flagged() -> None:
    # invented: 4,2 triệu "vượt 120% kế hoạch năm" (220 %) and "vượt khoảng 6% mục tiêu năm"
    text = (
        "Trong 10 tháng, huyện đón khoảng 4,2 triệu lượt khách, vượt 120% kế hoạch năm. "
        "Theo Sở Du lịch, huyện đón khoảng 4,2 triệu lượt khách, vượt khoảng 6% mục tiêu năm."
    )
    rows = flagged(text)
    assert len(rows) == 1
    assert rows[0]["start"] < text.index("120%") < rows[0]["end"]


def test_two_attainments_close_together_or_of_other_figures_are_not_flagged() -> None:
    # invented: 112 % and vượt 10 % (110 %) of one figure: near enough, not this check's
    near = (
        "Trong 10 tháng, huyện đón khoảng 4,2 triệu lượt khách, đạt 112% kế hoạch năm. "
        "Theo Sở Du lịch, huyện đón khoảng 4,2 triệu lượt khách, vượt 10% mục tiêu năm."
    )
    assert flagged(near) == []
    # invented: two different figures (4,2 and 1,1 triệu) with their own attainments
    other = (
        "Trong 10 tháng, huyện đón khoảng 4,2 triệu lượt khách, vượt 120% kế hoạch năm. "
        "Khách quốc tế đạt khoảng 1,1 triệu lượt khách, vượt 6% mục tiêu năm."
    )
    assert flagged(other) == []
    # invented: not of the year's plan (a quarter's plan and the year's)
    quarter = (
        "Trong quý III, huyện đón khoảng 4,2 triệu lượt khách, vượt 120% kế hoạch quý. "
        "Huyện đón khoảng 4,2 triệu lượt khách, vượt 6% kế hoạch năm."
    )
    assert flagged(quarter) == []


@settings(max_examples=200, deadline=None)
@given(
    low=st.decimals(min_value=D(1), max_value=D(500), places=1),
    spread=st.decimals(min_value=D(1), max_value=D(3), places=2),
)
def test_plans_disagree_beyond_the_spread_only(low: Decimal, spread: Decimal) -> None:
    from kpitools.extract.audit import YEAR_PLAN_SPREAD, plans_disagree

    high = low * spread
    assert plans_disagree(low, high) == (high > low * YEAR_PLAN_SPREAD)
    assert plans_disagree(high, low) == plans_disagree(low, high)


# --------------------------------------------------------------------------- a plan aimed at


def test_a_plan_aimed_at_is_a_target_not_a_result() -> None:
    # invented: "Để đạt mục tiêu đón 9,5 triệu …": 9,5 triệu is the year's target, and the
    # quarter's 2,1 triệu is no target of it
    text = (
        "Để đạt mục tiêu đón 9,5 triệu lượt khách cả năm, trong quý IV huyện phấn đấu "
        "thu hút 2,1 triệu lượt khách."
    )
    assert all(s.actual is None for s in extract_statements(text))


def test_a_plan_met_stays_a_result() -> None:
    # invented: "đã đạt mục tiêu đón 9,5 triệu": met, the figure is a result
    text = "Năm 2025, huyện đã đạt mục tiêu đón 9,5 triệu lượt khách, đạt 100% kế hoạch."
    assert [s.actual for s in extract_statements(text)] == [9_500_000]


# --------------------------------------------------------------------------- a striven list


def test_items_of_a_striven_list_are_not_each_others_results() -> None:
    # invented: "phấn đấu thu ngân sách hơn 120 tỷ đồng; thu nhập bình quân đạt 70 triệu đồng"
    text = (
        "Năm 2026, xã phấn đấu thu ngân sách đạt hơn 120 tỷ đồng, tăng trưởng từ 9-10% ; "
        "thu nhập bình quân đầu người đạt 70 triệu đồng."
    )
    assert not [s for s in extract_statements(text) if s.actual is not None and s.target]


def test_a_result_after_a_striven_target_still_pairs() -> None:
    # invented: the target striven for, then "kết quả" after the ";"
    text = "Năm 2025, xã phấn đấu kết nạp 150 đảng viên; kết quả kết nạp được 171 đảng viên."
    assert [(s.actual, s.target) for s in extract_statements(text) if s.actual] == [(171, 150)]
