"""Issue 17, round 3: the failure families of the fourth batch (2026-12-03d), as general rules.

Every example is invented (marked ``# invented``); the real passages are in
tests/eval/extract/ and scored by scripts/eval_extract.py. Precision first: where a reading
is ambiguous, the tests check that nothing wrong is said.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reading import find

from kpitools.extract import Statement

D = Decimal


def claims(text: str) -> list[Statement]:
    """The statements that claim an attainment or excess, or pair an actual with a target."""
    return [
        s
        for s in find(text, money=True)
        if s.stated_kind in ("attainment", "excess", "excess_count")
        or (s.actual is not None and s.target is not None)
    ]


def readings(text: str) -> list[tuple[Decimal | None, object, str | None, str | None]]:
    """(actual, target, stated percentage as written, kind) of every statement."""
    return [(s.actual, s.target, s.stated, s.stated_kind) for s in find(text, money=True)]


# --------------------------------------------------------------------------- "so" without "với"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # invented: "so kế hoạch" is "so với kế hoạch" — above the plan
        ("Công ty nộp ngân sách 120 tỷ đồng, tăng 3,1% so kế hoạch đề ra.", "excess"),
        ("Lương bình quân 9,5 triệu đồng/người/tháng, tăng 8% so kế hoạch.", "excess"),
        ("Doanh thu đạt 500 tỷ đồng, cao hơn 4% so dự toán.", "excess"),
        # negative: "so cùng kỳ", "so năm trước" stay growth, also after "vượt"
        ("Doanh thu đạt 500 tỷ đồng, tăng 4% so cùng kỳ.", "growth"),
        ("Doanh thu đạt 500 tỷ đồng, vượt 4% so cùng kỳ.", "growth"),
        ("Doanh thu đạt 500 tỷ đồng, tăng 4% so năm trước.", "growth"),
    ],
)
def test_so_without_voi(text: str, kind: str) -> None:
    assert [k for *_, k in readings(text)] == [kind]


def test_so_plan_and_so_last_year_in_one_clause() -> None:
    # invented: one figure above the plan by 8 % and above last year by 15 %
    text = "Lương bình quân 9,5 triệu đồng/người/tháng, tăng 8% so kế hoạch và 15% so cùng kỳ."
    assert [(s, k) for *_, s, k in readings(text)] == [("8%", "excess"), ("15%", "growth")]


# --------------------------------------------------------------------------- rate / target


def test_rate_slash_target_rate() -> None:
    # invented: "X%/ chỉ tiêu Y%" is a rate against its target rate
    text = (
        "Tỷ lệ hộ dùng nước sạch 79,3%/ chỉ tiêu 80%; tỷ lệ xã đạt chuẩn là 42,4%/chỉ tiêu 40%."
    )
    found = claims(text)
    assert [(s.actual, s.target, s.stated, s.measure) for s in found] == [
        (D("79.3"), D(80), None, "%"),
        (D("42.4"), D(40), None, "%"),
    ]


def test_rate_slash_target_then_growth_since_a_year() -> None:
    # invented: the growth since 2021 is a statement of its own, never an excess of the target
    text = "Tỷ lệ xã đạt chuẩn 79,3%/ chỉ tiêu 80%, tăng 10,6% so với cuối năm 2021."
    assert readings(text) == [
        (D("79.3"), D(80), None, None),
        (D("79.3"), None, "10,6%", "growth"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # negative: no rate word; a rate per year; a target of another figure (invented)
        "Kết quả 79,3%/ năm, chỉ tiêu 80% được giao.",
        "Lãi suất cho vay 6,5%/ năm, chỉ tiêu tín dụng tăng 15%.",
    ],
)
def test_rate_slash_without_target_word(text: str) -> None:
    assert claims(text) == []


@settings(max_examples=40, deadline=None)
@given(
    st.decimals(min_value=1, max_value=99, places=1),
    st.integers(min_value=1, max_value=99),
)
def test_any_rate_slash_target(rate: Decimal, target: int) -> None:
    written = f"{rate}".replace(".", ",")
    text = f"Tỷ lệ lao động qua đào tạo {written}%/ chỉ tiêu {target}%."  # invented
    found = claims(text)
    assert [(s.actual, s.target) for s in found] == [(rate, D(target))]


# --------------------------------------------------------------------------- growth since a year


@pytest.mark.parametrize(
    "tail",
    ["so với cuối năm 2021", "so với đầu nhiệm kỳ", "so với cuối kỳ trước", "so cùng kỳ"],
)
def test_growth_since_a_base_is_never_an_excess(tail: str) -> None:
    # invented: the target before it is no base of the growth
    text = f"Tỷ lệ che phủ rừng đạt 45%/ chỉ tiêu 44%, tăng 2,5% {tail}."
    assert [k for *_, k in readings(text) if k is not None] == ["growth"]
