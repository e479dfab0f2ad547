"""Issue 17, round 2: growth over last year, plans stated in another sentence, synonyms.

Every example is invented (marked ``# invented``); the real passages are in
tests/eval/extract/ and scored by scripts/eval_extract.py. Precision first: where a reading
is ambiguous, the tests check that nothing wrong is said.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kpitools.extract import Statement, extract_statements

D = Decimal


def claims(text: str) -> list[Statement]:
    """The statements that claim an attainment or excess, or pair an actual with a target."""
    return [
        s
        for s in extract_statements(text)
        if s.stated_kind in ("attainment", "excess", "excess_count")
        or (s.actual is not None and s.target is not None)
    ]


# --------------------------------------------------------------------------- growth


@pytest.mark.parametrize(
    "text",
    [
        # invented: every way of naming last year after "vượt"
        "Lũy kế 5 tháng, sản lượng đạt 17,7 triệu tấn, vượt 5% so với cùng kỳ năm 2024.",
        "Sản lượng đạt 17,7 triệu tấn, vượt 5% so với năm trước.",
        "Sản lượng đạt 17,7 triệu tấn, vượt 5% cùng kỳ năm ngoái.",
        "Sản lượng đạt 17,7 triệu tấn, vượt 5% so với cùng kỳ.",
        "Năm 2024 huyện kết nạp 120 đảng viên, vượt 6,5% so với năm 2023.",
        "Năm 2024 huyện kết nạp 120 đảng viên, vượt 20 đảng viên so với cùng kỳ năm 2023.",
    ],
)
def test_excess_over_last_year_is_growth(text: str) -> None:
    assert claims(text) == []  # invented


def test_excess_over_last_year_kind() -> None:
    found = extract_statements("Sản lượng đạt 17,7 triệu tấn, vượt 5% so với cùng kỳ năm 2024.")
    assert [(s.actual, s.stated_kind) for s in found] == [(D(17_700_000), "growth")]  # invented


def test_index_to_last_year_is_no_attainment() -> None:
    found = extract_statements("Huyện kết nạp 120 đảng viên, đạt 105% cùng kỳ năm ngoái.")
    assert [s.stated_kind for s in found] == ["growth"]  # invented


def test_plan_and_last_year_both_named_is_unread() -> None:
    # invented: "vượt kế hoạch 5% so với cùng kỳ" — which one is it of? Nothing is claimed.
    assert claims("Kết nạp 120 đảng viên, vượt kế hoạch 5% so với cùng kỳ.") == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # negative: an excess over the plan stays an excess (invented)
        ("Kết nạp 120 đảng viên, vượt 5% so với kế hoạch năm.", "excess"),
        ("Kết nạp 126/120 đảng viên, vượt 5% kế hoạch, tăng 8% so với cùng kỳ.", "excess"),
    ],
)
def test_excess_over_plan_stays(text: str, kind: str) -> None:
    assert kind in [s.stated_kind for s in extract_statements(text)]


def test_excess_count_over_plan_stays() -> None:
    found = extract_statements(
        "Năm 2024 huyện kết nạp 120 đảng viên, vượt 20 đảng viên so với kế hoạch."
    )
    assert [(s.actual, s.target) for s in found] == [(D(120), D(100))]  # invented


@settings(max_examples=40, deadline=None)
@given(
    st.integers(min_value=2, max_value=9_999),
    st.integers(min_value=1, max_value=99),
    st.sampled_from(
        [
            "so với cùng kỳ",
            "so với cùng kỳ năm 2024",
            "so với năm trước",
            "cùng kỳ năm ngoái",
            "so với năm ngoái",
        ]
    ),
)
def test_any_excess_over_last_year_claims_nothing(actual: int, pct: int, tail: str) -> None:
    text = f"Năm 2025, xã kết nạp {actual} đảng viên, vượt {pct}% {tail}."
    assert claims(text) == []
