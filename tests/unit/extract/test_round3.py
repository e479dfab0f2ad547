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
    text = "Tỷ lệ hộ dùng nước sạch 79,3%/ chỉ tiêu 80%; tỷ lệ xã đạt chuẩn là 42,4%/chỉ tiêu 40%."
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


# --------------------------------------------------------------------------- change since a base


def test_change_since_a_base_year_is_no_result() -> None:
    # invented: the percentage is of the stock (2.275), the change since 2021 is no result
    text = (
        "Toàn tỉnh có 275 xã đạt chuẩn nâng cao (tăng 172 xã so với cuối năm 2021, "
        "đạt 91% mục tiêu giai đoạn 2021-2025)."
    )
    found = claims(text)
    assert [(s.actual, s.stated, s.stated_kind) for s in found] == [(D(275), "91%", "attainment")]


@pytest.mark.parametrize(
    "text",
    [
        # invented: a change over last week, last year: never the actual of an attainment
        "Giải ngân tăng 12.076 tỷ đồng so với tuần trước, đạt 57,9% kế hoạch.",
        "Huyện kết nạp tăng 35 đảng viên so với năm trước, đạt 110% kế hoạch.",
    ],
)
def test_change_is_never_the_actual(text: str) -> None:
    assert [s.actual for s in claims(text)] in ([], [None])


def test_count_after_tang_without_a_base_stays_a_result() -> None:
    # negative (invented): "tăng" with no base after it is how the result is said
    found = claims("Năm 2024 toàn tỉnh kết nạp 1.380 đảng viên, đạt 92% kế hoạch.")
    assert [(s.actual, s.stated) for s in found] == [(D(1380), "92%")]


# --------------------------------------------------------------------------- growth, aims


def test_growth_beside_a_plan_met_is_no_excess() -> None:
    # invented: "tăng 216%" has no base; ", vượt chỉ tiêu" says the plan was met, by how much
    # is not said
    text = "Tỉnh thu hút hơn 3,6 tỷ USD vốn FDI (tăng 216%, vượt chỉ tiêu kế hoạch đầu năm)."
    assert claims(text) == []
    assert [k for *_, k in readings(text)] == ["growth"]


def test_attainment_then_plan_met_stays_attainment() -> None:
    # negative (invented): "đạt 112%, vượt kế hoạch" is an attainment
    text = "Thu ngân sách đạt 560 tỷ đồng, đạt 112%, vượt kế hoạch năm."
    assert [(s.stated, s.stated_kind) for s in claims(text)] == [("112%", "attainment")]


@pytest.mark.parametrize(
    "text",
    [
        # invented: an excess aimed at or expected is no result
        "11 tháng sản xuất 35,3 triệu tấn than, hướng mốc vượt kế hoạch 2 triệu tấn.",
        "Năm nay sản xuất 35,3 triệu tấn than, dự kiến vượt kế hoạch 2 triệu tấn.",
        "Năm nay kết nạp 120 đảng viên, có thể vượt kế hoạch 20 đảng viên.",
    ],
)
def test_excess_aimed_at_is_no_result(text: str) -> None:
    assert claims(text) == []


def test_excess_done_stays() -> None:
    # negative (invented): the excess of a result stays
    found = claims("Năm 2024 huyện kết nạp 120 đảng viên, vượt kế hoạch 20 đảng viên.")
    assert [(s.actual, s.target, s.stated_kind) for s in found] == [
        (D(120), D(100), "excess_count")
    ]


# --------------------------------------------------------------------------- growth / target growth


@pytest.mark.parametrize(
    "text",
    [
        # invented: a growth rate against the rate its scenario or plan set
        "GRDP quý I tăng 7,6% – cao hơn mức bình quân cả nước 7,5% và vượt kịch bản tăng "
        "trưởng của tỉnh 7,2%.",
        "GRDP tăng 7,6% (cùng kỳ tăng 5,4%; cao hơn kịch bản đề ra đầu năm là 7,2%).",
        "Kim ngạch xuất khẩu tăng 7,6%, vượt mục tiêu tăng trưởng 7,2%.",
    ],
)
def test_growth_against_the_planned_growth(text: str) -> None:
    found = claims(text)
    assert [(s.actual, s.target, s.stated, s.measure) for s in found] == [
        (D("7.6"), D("7.2"), None, "%")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # negative (invented): an excess of the plan, a national average, a target to meet,
        # a target of another sentence
        "Doanh thu đạt 500 tỷ đồng, tăng 12%, vượt kế hoạch 5%.",
        "GRDP tăng 7,6%, cao hơn mức bình quân cả nước 7,5%.",
        "GRDP tăng 7,6%, tạo tiền đề hoàn thành mục tiêu tăng trưởng 8%.",
        "GRDP tăng 7,6%. Năm sau vượt kịch bản tăng trưởng 8%.",
        "GRDP tăng khoảng 7,6%, vượt kịch bản tăng trưởng 7,2%.",
    ],
)
def test_growth_without_its_planned_growth(text: str) -> None:
    assert [(s.actual, s.target) for s in claims(text) if s.measure == "%"] == []


@settings(max_examples=40, deadline=None)
@given(
    st.decimals(min_value=0, max_value=30, places=2),
    st.decimals(min_value=0, max_value=30, places=2),
)
def test_any_growth_against_its_scenario(growth: Decimal, planned: Decimal) -> None:
    def vn(x: Decimal) -> str:
        return f"{x}".replace(".", ",")

    text = f"GRDP tăng {vn(growth)}%, vượt kịch bản tăng trưởng {vn(planned)}%."  # invented
    found = claims(text)
    assert [(s.actual, s.target) for s in found] == [(growth, planned)]
