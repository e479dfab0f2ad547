"""Round 23 of the extraction rules (issue 17): the amount of a plan named by its measure
right after a percentage of it, a plan's percentage said after a growth, the forecast figures
of a plan drawn up, financial income apart from revenue, ranges of money, and a pair stated
again by a later percentage — each as a general rule of report wording, tested on invented
text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import checked, find

BILLION = Decimal(10) ** 9


# ------------------------------------------------------------- a plan named by its measure


def test_the_amount_after_a_plan_named_by_its_measure_is_the_percentage_s_plan() -> None:
    text = "Doanh thu quý này của nhà máy ước 45 tỷ đồng, bằng 30% kế hoạch doanh thu 150 tỷ đồng."
    assert checked(text) == [(45 * BILLION, 150 * BILLION, Decimal(30), "consistent")]


def test_an_interest_rate_plan_is_not_a_plan_of_profit() -> None:
    text = "Trong năm, quỹ đạt 60% so với kế hoạch lãi suất cho vay 2.000 tỷ đồng."
    assert checked(text) == []
    assert all(s.target is None for s in find(text, money=True))


def test_an_amount_of_another_measure_after_the_plan_is_no_target() -> None:
    text = "Doanh thu đạt 640 tỷ đồng, hoàn thành 80% kế hoạch doanh thu, lợi nhuận đạt 70 tỷ đồng."
    assert all(s.target is None for s in find(text, money=True))


def test_a_pronoun_gives_the_result_to_a_percentage_written_with_its_named_plan() -> None:
    text = (
        "Năm qua, thu nội địa đạt 330 tỷ đồng, tăng 6% so với cùng kỳ. "
        "Con số này tương ứng 110% dự toán thu nội địa 300 tỷ đồng."
    )
    assert checked(text) == [(330 * BILLION, 300 * BILLION, Decimal(110), "consistent")]


def test_a_bare_plan_amount_after_a_percentage_is_left_to_its_own_result() -> None:
    # no measure named between the plan and its amount: the amount is not the percentage's
    # plan, nor is the result before taken for it
    text = (
        "Năm qua, thu nội địa đạt 330 tỷ đồng, tăng 6% so với cùng kỳ. "
        "Con số này tương ứng 110% dự toán 300 tỷ đồng."
    )
    assert all(t is None or a is None for a, t, _, _ in checked(text))


def test_the_result_of_the_plan_s_measure_is_taken_over_a_paragraph() -> None:
    text = (
        "Trang trại có doanh thu 84 tỷ đồng trong ba quý đầu.\n\n"
        "Như vậy, trang trại mới đạt 70% mục tiêu doanh thu 120 tỷ đồng của cả năm."
    )
    assert checked(text) == [(84 * BILLION, 120 * BILLION, Decimal(70), "consistent")]


def test_a_result_of_another_measure_is_not_taken_for_the_plan() -> None:
    text = (
        "Trang trại có lợi nhuận 84 tỷ đồng trong ba quý đầu.\n\n"
        "Như vậy, trang trại mới đạt 70% mục tiêu doanh thu 120 tỷ đồng của cả năm."
    )
    assert checked(text) == []
    plans = [s for s in find(text, money=True) if s.stated_percent == Decimal(70)]
    assert [(s.actual, s.target) for s in plans] == [(None, 120 * BILLION)]


# ------------------------------------------------- a plan's percentage after a growth beside it


def test_the_excess_after_a_growth_is_of_the_result_and_its_plan() -> None:
    text = (
        "Năm qua, doanh thu của trang trại đạt 360 tỷ đồng, tăng 8% so với cùng kỳ và vượt "
        "12,5% so với kế hoạch 320 tỷ đồng."
    )
    assert checked(text) == [(360 * BILLION, 320 * BILLION, Decimal("12.5"), "consistent")]


def test_an_excess_after_a_growth_its_figures_contradict_is_flagged() -> None:
    text = (
        "Năm qua, doanh thu của trang trại đạt 360 tỷ đồng, tăng 8% so với cùng kỳ và vượt "
        "20% so với kế hoạch 320 tỷ đồng."
    )
    assert checked(text) == [(360 * BILLION, 320 * BILLION, Decimal(20), "inconsistent")]


def test_a_second_growth_after_a_growth_is_not_the_plan_s_percentage() -> None:
    text = (
        "Năm qua, doanh thu của trang trại đạt 360 tỷ đồng, tăng 8% so với cùng kỳ và tăng 3% "
        "so với quý trước; kế hoạch năm là 320 tỷ đồng."
    )
    assert all(p is None for _, _, p, _ in checked(text))


# ------------------------------------------------------------------- a plan drawn up


_DRAWN = (
    "Đại hội cổ đông đã thông qua kế hoạch với sản lượng dự kiến là 90 nghìn tấn và doanh "
    "thu ước tính 700 tỷ đồng, cao hơn mức đã thực hiện năm trước."
)


def test_the_forecast_figures_of_a_plan_drawn_up_are_targets() -> None:
    found = find(_DRAWN + " Như vậy, sau quý I, nhà máy đã đạt 20% kế hoạch doanh thu.", money=True)
    assert 700 * BILLION in {s.target for s in found}
    assert all(s.actual is None for s in found)


def test_a_figure_reached_after_the_plan_drawn_up_is_a_result() -> None:
    text = (
        "Nhà máy đã thông qua kế hoạch với doanh thu dự kiến đạt 700 tỷ đồng; "
        "đến nay đã ước đạt 350 tỷ đồng, bằng 50% kế hoạch."
    )
    assert checked(text) == [(350 * BILLION, 700 * BILLION, Decimal(50), "consistent")]


# ------------------------------------------------------- financial income is no revenue


_REVENUE_PLAN = (
    "\nKế hoạch doanh thu năm nay là 500 tỷ đồng. Tính đến hết quý III, nhà máy đạt 62% kế "
    "hoạch doanh thu cả năm."
)


def test_financial_income_is_not_the_result_of_a_revenue_plan() -> None:
    text = "Quý này, nhà máy có doanh thu tài chính 31 tỷ đồng, giảm 2%." + _REVENUE_PLAN
    found = [s for s in find(text, money=True) if s.stated_percent == Decimal(62)]
    assert [s.actual for s in found] == [None]


def test_revenue_is_the_result_of_a_revenue_plan() -> None:
    text = "Quý này, nhà máy có doanh thu 310 tỷ đồng." + _REVENUE_PLAN
    assert checked(text) == [(310 * BILLION, 500 * BILLION, Decimal(62), "consistent")]


# ------------------------------------------------------------- a range of money, both units


def test_a_range_of_money_written_with_both_units_is_one_plan() -> None:
    text = "Doanh thu đạt 1.650 tỷ đồng, bằng 75% kế hoạch từ 2.000 tỷ đồng đến 2.400 tỷ đồng."
    found = [s for s in find(text, money=True) if s.actual is not None]
    assert [(s.actual, s.target) for s in found] == [
        (1650 * BILLION, (2000 * BILLION, 2400 * BILLION))
    ]


def test_a_change_from_one_amount_to_another_is_no_range() -> None:
    text = "Doanh thu tăng từ 2.000 tỷ đồng lên 2.400 tỷ đồng, đạt 80% kế hoạch."
    found = find(text, money=True)
    assert [s.actual for s in found] == [2400 * BILLION]
    assert all(not isinstance(s.target, tuple) for s in found)


# ------------------------------------------- a pair a later percentage states again

_HALF = (
    "Quý 2/2025, Công ty Đồng Xanh ghi nhận 240 tỷ đồng doanh thu. Sau 6 tháng, công ty đạt "
    "doanh thu hơn 450 tỷ đồng, lợi nhuận sau thuế đạt hơn 36 tỷ đồng, tăng lần lượt 4% và "
    "9% so với cùng kỳ.\n\n"
    "Công ty dự kiến đưa kho lạnh mới vào vận hành trong tháng 10/2025.\n\n"
    "Cho năm 2025, Đồng Xanh đặt kế hoạch 900 tỷ đồng doanh thu và 80 tỷ đồng lợi nhuận sau "
    "thuế. "
)


def _pairs(text: str) -> list[tuple[object, object, str | None]]:
    return [
        (s.actual, s.target, s.stated)
        for s in find(text, money=True)
        if s.actual is not None and s.target is not None
    ]


def test_a_pair_a_later_percentage_refers_back_to_is_stated_once() -> None:
    text = _HALF + (
        "Từ kết quả trên, công ty đạt 50% kế hoạch doanh thu và 45% kế hoạch lợi nhuận sau thuế."
    )
    pairs = _pairs(text)
    assert (450 * BILLION, 900 * BILLION, None) not in pairs
    assert (36 * BILLION, 80 * BILLION, None) not in pairs
    assert (450 * BILLION, 900 * BILLION, "50%") in pairs


def test_a_pair_whose_result_the_percentage_writes_again_stays() -> None:
    text = _HALF + (
        "Tính đến cuối tháng 6, doanh thu của công ty đạt hơn 450 tỷ đồng, bằng 50% kế hoạch "
        "doanh thu."
    )
    pairs = _pairs(text)
    assert (450 * BILLION, 900 * BILLION, None) in pairs
    assert (450 * BILLION, 900 * BILLION, "50%") in pairs


# ------------------------------------------- the months to date before a year's plan

_QUARTER = (
    "Riêng quý III, lợi nhuận sau thuế của xí nghiệp đạt 30 tỷ đồng, tăng 5% so với cùng kỳ.\n"
)
_TO_DATE = (
    "Doanh thu 9 tháng đạt 700 tỷ đồng. Lợi nhuận sau thuế 9 tháng là 76 tỷ đồng, cao hơn "
    "11% so với cùng kỳ. Như vậy, xí nghiệp đã đạt 70% kế hoạch doanh thu và 80% chỉ tiêu "
    "lợi nhuận năm."
)


def _profit_share(text: str) -> list[object]:
    return [s.actual for s in find(text, money=True) if s.stated_percent == Decimal(80)]


def test_the_cumulative_result_after_a_quarter_s_meets_the_year_s_plan() -> None:
    assert _profit_share(
        _QUARTER + "Cộng dồn từ đầu năm, " + _TO_DATE[0].lower() + _TO_DATE[1:]
    ) == [76 * BILLION]


def test_two_results_in_one_paragraph_leave_the_plan_s_percentage_bare() -> None:
    assert _profit_share(_QUARTER.rstrip("\n") + " " + _TO_DATE) == [None]
