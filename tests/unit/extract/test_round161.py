"""Round 161: wrong claims — a named plan's percentage given a result of another period.

Invented texts (other firms, figures and measures than the evaluation passages). A
percentage of a plan named by its measure (``thực hiện được 11% kế hoạch doanh thu``) takes
the result stated before it; not when that figure is given for the whole year (its sentence
opens on ``Năm 2041,`` and names no quarter, month or week) while the percentage's sentence
names part of the year (``sau quý I``, ``sau 9 tháng``): a plan however worded, not what
some months have done. Nor a later quarter's result when a sentence between it and the
percentage turns to the months to date (``lũy kế 9 tháng``) and the percentage names no
quarter. Near-misses that keep their result: a year's result for a percentage naming no
part of the year, a year's sentence that names the months too, a quarter's result with
nothing between, a percentage that names the quarter itself.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from reading import find

B = Decimal(10) ** 9


def _links(text: str) -> list[tuple[object, str | None]]:
    """(actual, stated) of the attainments of ``text`` (money read)."""
    return [(s.actual, s.stated) for s in find(text, money=True) if s.stated_kind == "attainment"]


def _year_figure(amount: int, percent: int) -> str:
    return (
        "Quý I/2041, Công ty Hoa Sen ghi nhận doanh thu thuần 210 tỷ đồng, tăng 18%. "
        f"Năm 2041, Hoa Sen lên hoạch doanh thu đạt {amount} tỷ đồng, gấp 2 lần năm trước. "
        f"Như vậy, sau quý I/2041, công ty thực hiện được {percent}% kế hoạch doanh thu năm."
    )


def test_a_figure_given_for_the_year_is_no_result_of_a_quarter_s_percentage() -> None:
    assert _links(_year_figure(1900, 11)) == [(None, "11%")]


def test_a_year_s_plan_misspelt_is_no_result_of_nine_months() -> None:
    text = (
        "Lũy kế 9 tháng, Công ty Bắc Hà ghi nhận doanh thu 700 tỷ đồng và lợi nhuận sau thuế "
        "đạt 95 tỷ đồng, tăng 30% so với cùng kỳ.\n\nNăm 2041, Bắc Hà đặt mục tiu doanh thu "
        "1.000 tỷ đồng và lợi nhuận sau thuế 80 tỷ đồng. Vậy sau 9 tháng công ty thực hiện "
        "được 70% mục tiêu doanh thu và 119% mục tiêu lợi nhuận năm."
    )
    actuals = {a for a, _ in _links(text)}
    assert 1000 * B not in actuals
    assert 80 * B not in actuals


def test_a_year_s_result_keeps_a_percentage_of_no_part_of_the_year() -> None:
    text = (
        "Năm 2041, công ty đạt doanh thu 950 tỷ đồng, tăng 10%. Như vậy, công ty đã hoàn "
        "thành 95% kế hoạch doanh thu năm."
    )
    assert _links(text) == [(950 * B, "95%")]


def test_a_sentence_opening_on_the_year_and_naming_the_months_keeps_its_result() -> None:
    text = (
        "Năm 2041, trong 9 tháng đầu năm công ty đạt doanh thu 650 tỷ đồng, tăng 10%. Như "
        "vậy, sau 9 tháng công ty đã hoàn thành 65% kế hoạch doanh thu năm."
    )
    assert _links(text) == [(650 * B, "65%")]


QUARTER = (
    "Riêng trong quý III, Công ty Minh Long ghi nhận doanh thu thuần 1.200 tỷ đồng và lợi "
    "nhuận sau thuế đạt 80 tỷ đồng (tăng 3% so với cùng kỳ). "
)


def test_a_later_quarter_s_result_is_not_the_months_to_date_told_after_it() -> None:
    text = QUARTER + (
        "Theo đó, lũy kế 9 tháng, doanh thu thuần đạt 3.900 tỷ đồng và lợi nhuận sau thuế "
        "giữ mức tương đương năm trước (đạt 410 tỷ đồng).\nNhư vậy, Minh Long đã hoàn thành "
        "68% kế hoạch lợi nhuận năm."
    )
    assert (80 * B, "68%") not in _links(text)


def test_a_quarter_s_result_with_nothing_between_keeps_its_percentage() -> None:
    text = QUARTER + "Như vậy, Minh Long đã hoàn thành 20% kế hoạch lợi nhuận năm."
    assert (80 * B, "20%") in _links(text)


def test_a_percentage_naming_the_quarter_keeps_the_quarter_s_result() -> None:
    text = QUARTER + (
        "Lũy kế 9 tháng, doanh thu đạt 3.900 tỷ đồng. Như vậy, trong quý III, Minh Long đã "
        "hoàn thành 20% kế hoạch lợi nhuận năm."
    )
    assert (80 * B, "20%") in _links(text)


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=300, max_value=9000), st.integers(min_value=5, max_value=60))
def test_no_figure_of_the_year_is_taken_whatever_the_figures(amount: int, percent: int) -> None:
    assert all(a is None for a, _ in _links(_year_figure(amount, percent)))


def _plan_after_quarter(first: str, second: str) -> str:
    return (
        "Quý I/2041, Công ty Thái Hòa ghi nhận doanh thu thuần hợp nhất đạt 450 tỷ đồng, tăng "
        "21,5% so với cùng kỳ năm ngoái; lợi nhuận sau thuế đạt 52 tỷ đồng, tăng 40%.\n\n"
        "Năm 2041, Công ty thông qua kế hoạch kinh doanh với mục tiêu doanh thu hợp nhất là "
        "1.800 tỷ đồng, tăng 10% so với 2040; lợi nhuận hợp nhất sau thuế là 230 tỷ đồng, tăng "
        f"7%. Như vậy, sau 3 tháng đầu năm, Công ty đã hoàn thành lần lượt {first}% và "
        f"{second}% kế hoạch năm."
    )


def _pairs(text: str) -> set[tuple[object, object, str | None]]:
    return {(s.actual, s.target, s.stated) for s in find(text, money=True) if s.target}


def test_one_pair_read_takes_its_own_of_two_percentages_said_respectively() -> None:
    assert (450 * B, 1800 * B, "25%") in _pairs(_plan_after_quarter("25", "22,6"))


def test_the_percentage_in_the_other_place_than_its_plan_is_not_taken() -> None:
    rows = _pairs(_plan_after_quarter("22,6", "25"))
    assert (450 * B, 1800 * B, None) in rows
    assert (450 * B, 1800 * B, "25%") not in rows


def test_a_percentage_the_pair_does_not_give_is_not_taken() -> None:
    rows = _pairs(_plan_after_quarter("27", "22,6"))
    assert (450 * B, 1800 * B, None) in rows


def test_two_percentages_in_order_without_lan_luot_are_said_respectively() -> None:
    text = (
        "Tính chung 9 tháng, Công ty Phú An ước đạt tổng doanh thu 3.150 tỷ đồng và lãi sau "
        "thuế 410 tỷ đồng, đều tăng 5% so cùng kỳ.\n\nNăm 2041, cổ đông Phú An đã thông qua kế "
        "hoạch doanh thu 4.200 tỷ đồng và lãi trước thuế 600 tỷ đồng. Sau 3 quý đầu năm, Công "
        "ty đã thực hiện được 75% và 68% kế hoạch."
    )
    assert (3150 * B, 4200 * B, "75%") in _pairs(text)


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=100, max_value=1700))
def test_a_respective_percentage_is_taken_only_when_the_pair_gives_it(actual: int) -> None:
    assume(actual not in (52, 230))  # the text's other amounts: which is which, not said
    exact = Decimal(actual) * 100 / 1800
    assume(abs(exact % 1 - Decimal("0.5")) > Decimal("0.01"))  # no half to round either way
    share = exact.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    text = _plan_after_quarter(str(share), "22,6").replace("450 tỷ", f"{actual} tỷ")
    stated = {s for a, t, s in _pairs(text) if a == actual * B and t == 1800 * B}
    also_second = Decimal("22.55") <= Decimal(actual) * 100 / 1800 < Decimal("22.65")
    assert stated == ({None} if also_second else {f"{share}%"})


def test_a_plan_s_own_growth_is_no_share_of_it_stated_for_the_quarter() -> None:
    text = (
        "Doanh thu thuần quý 1/2041 của Công ty Nam Việt đạt 1.512 tỷ đồng, tăng 9% so với cùng "
        "kỳ.\n\nNăm 2041, Nam Việt lập kế hoạch kinh doanh với doanh thu thuần hơn 7.450 tỷ "
        "đồng, tăng 20% so với thực hiện năm 2040."
    )
    assert (1512 * B, 7450 * B, None) in _pairs(text)


def test_shares_written_leaves_out_only_the_plan_s_own_change() -> None:
    from kpitools.extract.share_percents import shares_written
    from kpitools.textfold import fold

    folded = fold(
        "lãi gộp tăng 21,7%; kế hoạch doanh thu 7.180 tỷ đồng, tăng 20% so với thực hiện, "
        "đạt 20,3% kế hoạch"
    )
    plan_end = folded.index("7.180 tỷ đồng") + len("7.180 tỷ đồng")
    assert [m.group("a") for m in shares_written(folded, plan_end)] == ["21,7", "20,3"]


KINDS = (
    "Sáu tháng đầu năm, Công ty Đông Á ghi nhận doanh thu thuần đạt 640 tỷ đồng và lợi nhuận "
    "trước thuế 92 tỷ đồng, lần lượt tăng 12% và 8% so với cùng kỳ. Lợi nhuận sau thuế cũng "
    "tăng 8% lên 74 tỷ đồng. Với kết quả đạt được, công ty đã thực hiện được 48% kế hoạch "
    "doanh thu và 41% mục tiêu lợi nhuận{kind} cả năm đề ra."
)


def test_a_profit_plan_of_no_kind_takes_neither_of_two_kinds_stated_before() -> None:
    links = _links(KINDS.format(kind=""))
    assert (640 * B, "48%") in links
    assert (74 * B, "41%") not in links
    assert (92 * B, "41%") not in links


def test_a_profit_plan_naming_its_kind_keeps_the_result_of_that_kind() -> None:
    assert (74 * B, "41%") in _links(KINDS.format(kind=" sau thuế"))


def test_one_kind_of_profit_stated_keeps_its_result() -> None:
    text = KINDS.format(kind="").replace("lợi nhuận trước thuế 92", "lợi nhuận gần 92")
    assert (74 * B, "41%") in _links(text)


LEAD = (
    "Tỉnh Hòa Bình: 8 tháng đầu năm, kim ngạch xuất khẩu {verb} {percent}% so với kế hoạch cả "
    "năm.\nCụ thể, {body}\n"
)


def test_one_month_s_amount_is_not_the_lead_s_months_to_date() -> None:
    text = LEAD.format(
        verb="chưa đạt",
        percent=60,
        body="kim ngạch xuất khẩu tháng 8 ước đạt 52 triệu USD, tính chung 8 tháng đạt hơn 410 "
        "triệu USD, bằng 58,2% kế hoạch, tăng 3% so với cùng kỳ.",
    )
    assert (52 * 10**6, "60%") not in _links(text)


def test_the_months_to_date_amount_keeps_the_lead_s_percentage() -> None:
    text = LEAD.format(
        verb="đạt",
        percent=58,
        body="tính chung 8 tháng, kim ngạch xuất khẩu đạt hơn 410 triệu USD, tăng 3% so với "
        "cùng kỳ.",
    )
    assert (410 * 10**6, "58%") in _links(text)
