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


# --------------------------------------------------------------------------- a firm's code

CODE = (
    "Theo báo cáo tài chính {part}, CTCP Dược phẩm Sao Mai (HoSE: SMA) ghi nhận doanh thu "
    "thuần đạt 633 tỷ đồng, tăng 12% so với cùng kỳ năm trước.\n\nNăm nay, doanh nghiệp đặt "
    "mục tiêu doanh thu 3.000 tỷ đồng và lợi nhuận trước thuế 500 tỷ đồng."
)


def test_the_quarter_named_before_a_firm_s_code_is_the_amount_s() -> None:
    assert (633 * B, 3000 * B) in _pairs(CODE.format(part="quý II"))


def test_the_months_named_before_a_firm_s_code_are_the_amount_s() -> None:
    assert (633 * B, 3000 * B) in _pairs(CODE.format(part="hợp nhất 6 tháng đầu năm"))


def test_no_part_of_the_year_before_the_code_reads_nothing() -> None:
    text = CODE.replace("Theo báo cáo tài chính {part}, ", "Quý II khép lại. ")
    assert (633 * B, 3000 * B) not in _pairs(text)


def test_part_before_code_asks_for_a_code_closed_right_after_the_colon() -> None:
    from kpitools.extract.amounts import amounts_in, clause_head
    from kpitools.extract.ticker_clauses import part_before_code
    from kpitools.textfold import fold

    def told(text: str) -> bool:
        folded = fold(text)
        a = amounts_in(folded, 0, len(folded))[-1]
        return part_before_code(folded, clause_head(folded, a.start, 0), a)

    assert told("Quý II, công ty (mã chứng khoán: SMA) đạt doanh thu 633 tỷ đồng")
    assert not told("Quý II, công ty (gồm: doanh thu và lãi) đạt doanh thu 633 tỷ đồng")
    assert not told("Quý II, công ty có hai mảng: doanh thu bán lẻ đạt 633 tỷ đồng")


# --------------------------------------------------------------------------- growths

GROWN = (
    "Trong quý II, doanh thu thuần của công ty đạt 600 tỷ đồng, tăng {growth}% so với cùng kỳ "
    "năm trước.\n\nNăm nay, công ty đặt mục tiêu doanh thu thuần 3.000 tỷ đồng và lợi nhuận "
    "sau thuế 400 tỷ đồng."
)


def test_a_growth_equal_to_the_share_of_the_plan_is_no_share() -> None:
    assert (600 * B, 3000 * B) in _pairs(GROWN.format(growth="20"))


def test_a_share_of_the_plan_written_keeps_its_own_pair() -> None:
    text = GROWN.format(growth="35") + " Như vậy, công ty đã hoàn thành 20% kế hoạch doanh thu."
    found = [s for s in find(text, money=True) if (s.actual, s.target) == (600 * B, 3000 * B)]
    assert found
    assert all(s.stated_percent == 20 for s in found)


def test_shares_not_grown_leaves_out_the_changes_said_with_their_verb() -> None:
    from kpitools.extract.share_percents import shares_not_grown
    from kpitools.textfold import fold

    folded = fold(
        "doanh thu tăng 21,7%, lãi lần lượt tăng 8% và 9,5%, biên lãi gộp 20,2%; kế hoạch "
        "doanh thu 7.180 tỷ đồng, tăng 20% so với thực hiện, đạt 20,3% kế hoạch"
    )
    plan_end = folded.index("7.180 tỷ đồng") + len("7.180 tỷ đồng")
    assert [m.group("a") for m in shares_not_grown(folded, plan_end)] == ["20,2", "20,3"]


# --------------------------------------------------------------------------- restated figures


def test_a_figure_rounded_restates_the_finer_one() -> None:
    from kpitools.extract.restated_figures import restates

    assert restates(1146 * B, [Decimal("1145.7") * B])
    assert restates(Decimal(246), [Decimal("245.7"), None, (Decimal(1), Decimal(2))])
    assert not restates(1146 * B, [1145 * B])  # the same place: another figure
    assert not restates(1146 * B, [Decimal("1146.5") * B])  # rounds to 1.147
    assert not restates(Decimal("1145.7") * B, [1146 * B])  # the finer is no restatement
    assert not restates(Decimal(0), [Decimal("0.2")])


@settings(max_examples=50, deadline=None)
@given(tenths=st.integers(min_value=1, max_value=10**7))
def test_any_figure_rounded_to_the_billion_restates_it(tenths: int) -> None:
    from decimal import ROUND_HALF_UP

    from kpitools.extract.restated_figures import restates

    finer = Decimal(tenths) / 10 * B
    rounded = (finer / B).quantize(Decimal(1), rounding=ROUND_HALF_UP) * B
    assert restates(rounded, [finer]) == (rounded not in (finer, 0))


# --------------------------------------------------------------------------- net, consolidated

NET = (
    "Trong quý II, {measure} của công ty đạt 291 tỷ đồng, giảm 9% so với cùng kỳ.\n\nNăm 2041, "
    "công ty lên kế hoạch kinh doanh với mục tiêu {plan} đạt 1.250 tỷ đồng."
)


def test_a_net_revenue_is_of_the_consolidated_revenue_plan() -> None:
    text = NET.format(measure="doanh thu thuần", plan="doanh thu hợp nhất")
    assert (291 * B, 1250 * B) in _pairs(text)


def test_a_consolidated_revenue_is_of_the_net_revenue_plan() -> None:
    text = NET.format(measure="doanh thu hợp nhất", plan="doanh thu thuần")
    assert (291 * B, 1250 * B) in _pairs(text)


def test_a_net_profit_is_not_of_the_consolidated_profit_plan() -> None:
    assert not _pairs(NET.format(measure="lợi nhuận thuần", plan="lợi nhuận hợp nhất"))


def test_a_financial_revenue_is_not_of_the_consolidated_revenue_plan() -> None:
    assert not _pairs(NET.format(measure="doanh thu tài chính", plan="doanh thu hợp nhất"))
