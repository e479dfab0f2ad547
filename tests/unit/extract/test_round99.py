"""Round 99 of the extraction rules (issue 17): each rule with a positive and a negative case
on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

# a quarter's results, the half year's, then the year's plans and two percentages of them
_REPORT = (
    "Trong quý III, xưởng cơ khí Đông Sơn ghi nhận doanh thu thuần đạt 312 tỷ đồng. Lãi "
    "ròng của xưởng đạt 41 tỷ đồng, cao nhất từ trước tới nay.\n\n"
    "Lũy kế 9 tháng, doanh thu của xưởng đạt 905 tỷ đồng. Lợi nhuận sau thuế đạt 118 tỷ "
    "đồng.\n\n"
    "Xưởng đã đặt ra các chỉ tiêu năm 2041 như doanh thu đạt 1.248 tỷ đồng với lợi nhuận "
    "sau thuế là 152 tỷ đồng. Vì vậy, với kết quả quý III/2041, xưởng đã hoàn thành 25% "
    "mục tiêu doanh thu và đạt {profit} mục tiêu lợi nhuận sau thuế."
)


def _claims(text: str) -> list[tuple[object, object, object, object]]:
    return [
        (s.actual, s.target, s.stated_percent, s.stated_kind)
        for s in find(text)
        if s.stated_kind == "attainment"
    ]


def test_a_named_plans_percentage_takes_its_measures_result_of_its_period() -> None:
    # 312 / 1.248 = 25 %, 41 / 152 = 26,97 %: the quarter's figures, the sentence's period;
    # never the plans' own amounts, nor the nine months' 905 and 118
    assert _claims(_REPORT.format(profit="27%")) == [
        (Decimal(312_000_000_000), Decimal(1_248_000_000_000), Decimal(25), "attainment"),
        (Decimal(41_000_000_000), Decimal(152_000_000_000), Decimal(27), "attainment"),
    ]


def test_a_named_plans_percentage_no_result_fits_is_left_bare() -> None:
    # 41 / 152 is no 33 %, and the nine months' 118 / 152 (77,6 %) is of another period:
    # the percentage is left with no result at all, never the plan's 152
    claims = _claims(_REPORT.format(profit="33%"))
    assert claims[0] == (
        Decimal(312_000_000_000),
        Decimal(1_248_000_000_000),
        Decimal(25),
        "attainment",
    )
    assert claims[1:] == [(None, None, Decimal(33), "attainment")]


def test_a_plans_second_item_is_no_result_of_its_percentage() -> None:
    # the pre-tax plan, the second item after "dự kiến", is no result; no pre-tax profit is
    # written for the half year, so the 64 % stays bare
    text = (
        "Lũy kế 6 tháng đầu năm 2041, hãng sơn Bắc Hà ghi nhận doanh thu thuần 1.320 tỷ "
        "đồng và lãi ròng 96 tỷ đồng.\n\n"
        "Về kế hoạch năm 2041, hãng dự kiến doanh thu 2.400 tỷ đồng, tăng 8% so với năm "
        "trước và lãi trước thuế tăng nhẹ 3%, lên 190 tỷ đồng. Như vậy, sau nửa đầu năm, "
        "hãng đã thực hiện được 55% kế hoạch doanh thu và 64% kế hoạch lãi trước thuế."
    )
    claims = _claims(text)
    assert (None, None, Decimal(64), "attainment") in claims
    assert all(actual != Decimal(190_000_000_000) for actual, *_ in claims)
    # 1.320 / 2.400 = 55 %: the revenue's percentage takes the half year's revenue
    assert (
        Decimal(1_320_000_000_000),
        Decimal(2_400_000_000_000),
        Decimal(55),
        "attainment",
    ) in claims
