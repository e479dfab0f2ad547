"""Review fixes F of session 38: rounds 164–166 probed on invented text.

``của`` and a name the plan's sentence names (round 166, :mod:`kpitools.extract.segment_owners`)
is the plan's firm only when the plan's sentence does not name it as another's: owned (``MWG,
đơn vị sở hữu Bách Hóa Xanh, …``), a parent's (``công ty mẹ của …``) or compared (``gấp đôi
PNJ``). A part of the year named before a firm's code (round 166,
:mod:`kpitools.extract.ticker_clauses`) is of the plan's year only when no other year is named
with it (``Trong quý IV/2040, CTCP … (HoSE: SMA) …`` is no part of 2041).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from reading import find

B = Decimal(10) ** 9


def _pairs(text: str) -> set[tuple[object, object]]:
    return {
        (s.actual, s.target) for s in find(text, money=True) if None not in (s.actual, s.target)
    }


def _quarter_of(name: str, plan_sentence: str) -> str:
    return f"Doanh thu quý 2 của {name} đạt 2.000 tỷ đồng.\n\n" + plan_sentence


@pytest.mark.parametrize(
    "plan_sentence",
    [
        "Năm 2041, MWG, đơn vị sở hữu Bách Hóa Xanh, đặt mục tiêu doanh thu 12.000 tỷ đồng.",
        "Năm 2041, Tập đoàn MWG, công ty mẹ của Bách Hóa Xanh, đặt mục tiêu doanh thu 12.000 "
        "tỷ đồng.",
        "Năm 2041, Thế Giới Số đặt mục tiêu doanh thu 12.000 tỷ đồng, gấp đôi Bách Hóa Xanh.",
        "Năm 2041, Thế Giới Số đặt mục tiêu doanh thu 12.000 tỷ đồng, cao hơn Bách Hóa Xanh.",
        "Năm 2041, Thế Giới Số sau khi mua lại Bách Hóa Xanh đặt mục tiêu doanh thu 12.000 tỷ "
        "đồng.",
    ],
)
def test_a_name_the_plan_s_sentence_names_as_another_s_is_no_plan_s_firm(
    plan_sentence: str,
) -> None:
    assert not _pairs(_quarter_of("Bách Hóa Xanh", plan_sentence))


@pytest.mark.parametrize(
    "plan_sentence",
    [
        "Năm 2041, Bách Hóa Xanh đặt mục tiêu doanh thu 12.000 tỷ đồng.",
        "Năm 2041, Bách Hóa Xanh đặt mục tiêu doanh thu 12.000 tỷ đồng, gấp đôi năm trước.",
        "Năm 2041, công ty đặt mục tiêu doanh thu 12.000 tỷ đồng của Bách Hóa Xanh.",
    ],
)
def test_the_plan_s_own_firm_after_cua_still_takes_its_plan(plan_sentence: str) -> None:
    assert (2000 * B, 12000 * B) in _pairs(_quarter_of("Bách Hóa Xanh", plan_sentence))


_PLAN = " Năm 2041, công ty đặt mục tiêu doanh thu thuần 9.000 tỷ đồng."


def test_a_quarter_of_another_year_before_a_code_is_no_part_of_the_plan_s_year() -> None:
    text = (
        "Trong quý IV/2040, CTCP Sao Mai (HoSE: SMA) ghi nhận doanh thu thuần đạt 2.500 tỷ đồng."
        + _PLAN
    )
    assert not _pairs(text)


@pytest.mark.parametrize("quarter", ["quý II", "quý II/2041"])
def test_a_quarter_of_the_plan_s_year_before_a_code_is_still_read(quarter: str) -> None:
    text = (
        f"Theo báo cáo tài chính {quarter}, CTCP Sao Mai (HoSE: SMA) ghi nhận doanh thu thuần "
        "đạt 2.500 tỷ đồng." + _PLAN
    )
    assert (2500 * B, 9000 * B) in _pairs(text)


def _attained(text: str) -> set[tuple[object, object]]:
    return {(s.actual, s.target) for s in find(text) if s.stated_kind == "attainment"}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Nghị quyết Đại hội Đảng bộ huyện nhiệm kỳ 2020-2025 đề ra mục tiêu trồng mới 600 ha "
            "rừng. Đến năm 2023, huyện đã trồng được 480 ha rừng, đạt 80%.",
            (480, 600),
        ),
        (
            "Giai đoạn 2021 – 2025, tỉnh phấn đấu xây dựng 50 xã đạt chuẩn nông thôn mới. Đến "
            "hết năm 2023, toàn tỉnh có 40 xã đạt chuẩn, đạt 80%.",
            (40, 50),
        ),
    ],
)
def test_a_year_within_the_plan_s_span_of_years_is_of_that_plan(
    text: str, pair: tuple[int, int]
) -> None:
    assert (Decimal(pair[0]), Decimal(pair[1])) in _attained(text)


def test_a_year_after_the_plan_s_span_is_still_of_another_plan() -> None:
    text = (
        "Giai đoạn 2021-2025, tỉnh phấn đấu xây dựng 50 xã đạt chuẩn nông thôn mới. Năm 2027, "
        "toàn tỉnh có 40 xã đạt chuẩn, đạt 80%."
    )
    assert (Decimal(40), Decimal(50)) not in _attained(text)
