"""Review 38G: near-misses of rounds 167 (a later percentage read with the result and plan
before it) and 168 (a multiple of the plan in words, a plan exceeded N times over).

Invented texts (other firms, figures and measures than the evaluation passages). Each
near-miss was read wrongly before the review's fixes; the readings kept are asserted beside.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import pytest
from reading import claim_set

import kpitools.extract.plan_multiples as plan_multiples_module
from kpitools.textfold import fold

if TYPE_CHECKING:
    from kpitools.extract.amounts import Amount

B = Decimal(10) ** 9

QUARTER = (
    "Riêng quý II/2041, Bảo hiểm Sông Lam đạt lợi nhuận trước thuế 310 tỷ đồng, tăng 41,5% so "
    "với cùng kỳ năm trước.\n\n"
)


def _later(lead: str = "Như vậy, qua 6 tháng, công ty") -> str:
    return (
        QUARTER + "Lũy kế 6 tháng đầu năm, Sông Lam ghi nhận doanh thu hợp nhất 7.150 tỷ đồng, "
        "tăng 21,4% so với cùng kỳ năm trước. "
        "Lợi nhuận trước thuế đạt 536,8 tỷ đồng, tăng gần 17%.\n\n"
        "Năm 2041, Sông Lam đặt mục tiêu lợi nhuận trước thuế hợp nhất là 1.180 tỷ đồng, lợi "
        "nhuận công ty mẹ là 690 tỷ đồng. "
        f"{lead} đã thực hiện được hơn 45,5% kế hoạch hợp nhất và 31,2% kế hoạch riêng lẻ."
    )


READ = (Decimal("536.8") * B, 1180 * B, Decimal("45.5"), "attainment")


def test_the_later_percentage_of_the_result_s_firm_is_still_read() -> None:
    assert READ in claim_set(_later())


@pytest.mark.parametrize(
    "lead",
    [
        "Như vậy, qua 6 tháng, công ty con Sông Lam Hà Nội",  # a subsidiary, named
        "Như vậy, qua 6 tháng, một công ty con của Sông Lam",  # a subsidiary, unnamed
        "Trong khi đó, Bảo hiểm Bắc Hà",  # another firm
        "Năm 2040, công ty",  # another year than the plan's
    ],
)
def test_a_later_percentage_of_another_firm_or_year_takes_no_result(lead: str) -> None:
    claims = claim_set(_later(lead))
    assert not any(c[1] == 1180 * B and c[2] == Decimal("45.5") for c in claims)


@pytest.mark.parametrize(
    "text",
    [
        # a plan of another measure
        "Doanh thu đạt 5.120 tỷ đồng, gấp đôi kế hoạch lợi nhuận.",
        "Doanh thu đạt 5.120 tỷ đồng, gấp 2 lần kế hoạch lợi nhuận.",
        # a plan of another year
        "Năm 2041, lợi nhuận đạt 512 tỷ đồng, gấp đôi kế hoạch năm 2040.",
        "Lợi nhuận đạt 512 tỷ đồng, vượt 5 lần so với kế hoạch năm trước.",
        "Lợi nhuận đạt 512 tỷ đồng, gấp 3 lần kế hoạch trước đó.",
        # a forecast
        "Công ty dự kiến lợi nhuận năm nay đạt 512 tỷ đồng, gấp đôi kế hoạch.",
        "Công ty chứng khoán dự báo lợi nhuận năm nay đạt 512 tỷ đồng, vượt 2 lần kế hoạch.",
    ],
)
def test_a_multiple_of_another_plan_or_of_a_forecast_is_no_attainment(text: str) -> None:
    assert not any(c[2] is not None and c[2] >= 100 for c in claim_set(text))


@pytest.mark.parametrize(
    ("text", "percent"),
    [
        ("Năm 2041, lợi nhuận đạt 512 tỷ đồng, gấp đôi kế hoạch năm 2041.", 200),
        ("Lợi nhuận trước thuế đạt 512 tỷ đồng, gấp đôi kế hoạch lợi nhuận năm.", 200),
        ("Lợi nhuận đạt 512 tỷ đồng, vượt 3 lần kế hoạch.", 300),
    ],
)
def test_a_multiple_of_the_result_s_own_plan_is_still_read(text: str, percent: int) -> None:
    assert any(c[2] == percent and c[3] == "attainment" for c in claim_set(text))


def test_a_multiple_looks_back_for_a_plan_within_a_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """The plan set out before a multiple's amount is looked for in a window, not from the
    text's start: in a text with no full stop every multiple read the whole text before it
    (quadratic; 88 kB of repeated multiples took 7 s)."""
    floors: list[tuple[int, int]] = []

    def seen(folded: str, a: Amount, floor: int, *, qualified: bool = False) -> bool:
        floors.append((a.start, floor))
        return False

    monkeypatch.setattr(plan_multiples_module, "sets_out_plan", seen)
    text = "Lợi nhuận đạt 512 tỷ đồng, gấp đôi kế hoạch " * 40
    plan_multiples_module.plan_multiples(text, fold(text), len(text))
    assert floors
    assert all(start - floor <= 400 for start, floor in floors)


def test_the_multiple_s_currency_is_the_noun_s_first_word() -> None:
    text = "Lợi nhuận đạt 512 tỷ đồng lãi ròng, gấp đôi kế hoạch. Doanh thu 900 tỷ."
    found = plan_multiples_module.plan_multiples(text, fold(text), len(text))
    assert [(p.measure, p.times) for p in found] == [("tỷ đồng", Decimal(2))]


@pytest.mark.parametrize(
    "text",
    [
        "Số vốn chưa phân bổ chi tiết là 5.120,4 tỷ đồng của 9 bộ, cơ quan trung ương và 7 địa "
        "phương (chiếm 4,1% kế hoạch vốn được giao) do chưa hoàn thiện thủ tục đầu tư.",
        "Số vốn chưa giải ngân là 830 tỷ đồng của 6 bộ, ngành và 11 tỉnh (chiếm 3,5% kế hoạch).",
    ],
)
def test_a_count_of_the_holders_of_an_amount_is_no_result_of_its_plan(text: str) -> None:
    assert not any(c[0] in (Decimal(7), Decimal(11)) for c in claim_set(text))


def test_a_count_with_its_own_percentage_is_still_read() -> None:
    claims = claim_set("Đã có 9 địa phương (chiếm 14% kế hoạch) hoàn thành phân bổ vốn.")
    assert (Decimal(9), None, Decimal(14), "attainment") in claims
