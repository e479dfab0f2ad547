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

from decimal import Decimal

from hypothesis import given, settings
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
