"""Round 166: a part of the year's result of ``của`` the plan's own firm.

Invented texts (other firms, figures and measures than the evaluation passages). ``Doanh thu
thuần quý 2/2041 của Sao Mai đạt …`` names, after ``của``, the firm whose plan for the year
is set out below (``HĐQT Sao Mai đã thông qua kế hoạch năm 2041 với doanh thu thuần …``): the
quarter's amount is the firm's whole result, set against that plan with no percentage.
Near-misses: another firm after ``của``, a longer name of which the result's is the start
(``Sao Mai Xanh``), a segment word before the firm (``của mảng bán lẻ Sao Mai``), a
percentage of the plan written for the pair (the pair is that percentage's), a name in lower
case.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from reading import find

B = Decimal(10) ** 9

PLAN = (
    "\n\nMới đây, HĐQT {plan_firm} đã thông qua kế hoạch năm 2041 với doanh thu thuần đạt "
    "{plan} tỷ đồng và lợi nhuận sau thuế đạt 900 tỷ đồng."
)


def _pairs(text: str) -> set[tuple[object, object]]:
    return {
        (s.actual, s.target) for s in find(text, money=True) if None not in (s.actual, s.target)
    }


def _quarter(firm: str, plan_firm: str, revenue: str = "1.750", plan: str = "6.200") -> str:
    return (
        f"Cụ thể, doanh thu thuần quý 2/2041 của {firm} đạt {revenue} tỷ đồng, tăng 20% so "
        "với cùng kỳ năm trước." + PLAN.format(plan_firm=plan_firm, plan=plan)
    )


def test_the_quarter_of_the_plan_s_own_firm_is_set_against_its_plan() -> None:
    assert (1750 * B, 6200 * B) in _pairs(_quarter("Sao Mai", "Sao Mai"))


def test_a_measure_of_the_firm_named_with_the_quarter_after_it() -> None:
    text = (
        "Theo báo cáo tài chính, doanh thu bán hàng của Dược phẩm Hòa An quý 2/2041 đạt 310 "
        "tỷ đồng, giá vốn 180 tỷ đồng, tăng lần lượt 20% và 25% so với cùng kỳ.\n\nNăm 2041, "
        "Dược phẩm Hòa An đặt mục tiêu doanh thu đạt 1.400 tỷ đồng, lợi nhuận trước thuế 200 "
        "tỷ đồng."
    )
    assert (310 * B, 1400 * B) in _pairs(text)


def test_another_firm_after_cua_is_a_part_s_or_another_s() -> None:
    assert not _pairs(_quarter("Bình Minh", "Sao Mai"))


def test_the_start_of_a_longer_name_is_another_firm() -> None:
    assert not _pairs(_quarter("Sao Mai", "Sao Mai Xanh"))


def test_a_segment_of_the_firm_is_no_whole_result() -> None:
    assert not _pairs(_quarter("mảng bán lẻ Sao Mai", "Sao Mai"))


def test_a_name_in_lower_case_is_no_firm_s_name() -> None:
    assert not _pairs(_quarter("chuỗi cửa hàng", "Sao Mai"))


def test_a_percentage_of_the_plan_written_for_the_pair_keeps_it_unread() -> None:
    text = (
        "Lợi nhuận trước thuế 9 tháng của Hòa An đạt 1.150 tỷ đồng, lợi nhuận sau thuế 920 tỷ "
        "đồng.\n\nNhư vậy, với kế hoạch năm 2041 là doanh thu 12.000 tỷ đồng, lợi nhuận trước "
        "thuế 1.600 tỷ đồng, Hòa An đã hoàn thành 70% và 72% mục tiêu đề ra."
    )
    assert (1150 * B, 1600 * B) not in _pairs(text)


@settings(max_examples=25, deadline=None)
@given(revenue=st.integers(min_value=101, max_value=5_999), plan=st.integers(6_000, 60_000))
def test_any_smaller_quarter_pairs_with_the_plan_alone(revenue: int, plan: int) -> None:
    def written(n: int) -> str:
        return f"{n:,}".replace(",", ".")

    pairs = _pairs(_quarter("Sao Mai", "Sao Mai", written(revenue), written(plan)))
    assert (revenue * B, plan * B) in pairs
    assert all(target == plan * B for _, target in pairs)
