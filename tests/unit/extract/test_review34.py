"""Review fixes of session 34 (fixer A): a later sentence's percentage of a named plan (round
131) takes only a result that may be the plan's — of its kind, of no measure named apart, of
its year and its owner, and not when the percentage is aimed at. Invented sentences (never
the evaluation set's figures or wording)."""

from __future__ import annotations

from reading import find

_BN = 1_000_000_000


def _rows(text: str) -> list[tuple[object, object, object, object, object]]:
    """(actual, target, stated percentage, kind, verdict) of the statements with a percentage."""
    return [
        (s.actual, s.target, s.stated_percent, s.stated_kind, s.verdict)
        for s in find(text, money=True)
        if s.stated_percent is not None
    ]


def test_a_pre_tax_result_is_not_given_to_an_after_tax_plan() -> None:
    text = (
        "Lũy kế 9 tháng đầu năm 2041, lợi nhuận trước thuế của xưởng đạt 48 tỷ đồng. Năm "
        "2041, xưởng đặt mục tiêu lợi nhuận sau thuế 60 tỷ đồng. Như vậy, xưởng đã hoàn thành "
        "80% kế hoạch lợi nhuận năm."
    )
    assert _rows(text) == [(None, None, 80, "attainment", "unchecked")]


def test_a_result_of_the_plans_kind_is_still_given_to_it() -> None:
    text = (
        "Lũy kế 9 tháng đầu năm 2041, lợi nhuận sau thuế của xưởng đạt 48 tỷ đồng. Năm "
        "2041, xưởng đặt mục tiêu lợi nhuận sau thuế 60 tỷ đồng. Như vậy, xưởng đã hoàn thành "
        "80% kế hoạch lợi nhuận năm."
    )
    assert _rows(text) == [(48 * _BN, 60 * _BN, 80, "attainment", "consistent")]


def test_financial_revenue_is_no_result_of_a_revenue_plan() -> None:
    text = (
        "Lũy kế 9 tháng, doanh thu tài chính của xưởng đạt 630 tỷ đồng. Quý III, doanh thu "
        "của xưởng đạt 240 tỷ đồng. Năm 2041, xưởng đặt mục tiêu doanh thu 900 tỷ đồng. Như "
        "vậy, xưởng đã hoàn thành 70% doanh thu kế hoạch năm."
    )
    rows = _rows(text)
    assert rows == [(None, None, 70, "attainment", "unchecked")]


def test_an_earlier_years_result_is_not_taken() -> None:
    text = (
        "Năm 2040, doanh thu của xưởng đạt 630 tỷ đồng. Quý III/2041, doanh thu của xưởng đạt "
        "240 tỷ đồng. Năm nay, xưởng đặt mục tiêu doanh thu 900 tỷ đồng. Như vậy, xưởng đã "
        "hoàn thành 70% doanh thu kế hoạch năm."
    )
    assert not [r for r in _rows(text) if r[0] == 630 * _BN]
    assert (None, None, 70, "attainment", "unchecked") in _rows(text)


def test_a_subsidiarys_result_is_not_the_groups() -> None:
    text = (
        "Lũy kế 9 tháng, doanh thu của công ty con Phú Hưng đạt 630 tỷ đồng. Quý III, doanh "
        "thu của tập đoàn đạt 240 tỷ đồng. Năm 2041, tập đoàn đặt mục tiêu doanh thu 900 tỷ "
        "đồng. Như vậy, tập đoàn đã hoàn thành 70% doanh thu kế hoạch năm."
    )
    assert not [r for r in _rows(text) if r[0] == 630 * _BN]
    assert (None, None, 70, "attainment", "unchecked") in _rows(text)


def test_a_subsidiarys_own_percentage_takes_its_result() -> None:
    # the percentage's sentence names the subsidiary: its figure is the one
    text = (
        "Lũy kế 9 tháng, doanh thu của công ty con Phú Hưng đạt 630 tỷ đồng. Năm 2041, công "
        "ty con Phú Hưng đặt mục tiêu doanh thu 900 tỷ đồng. Như vậy, công ty con Phú Hưng đã "
        "hoàn thành 70% doanh thu kế hoạch năm."
    )
    assert (630 * _BN, 900 * _BN, 70, "attainment", "consistent") in _rows(text)


def test_a_percentage_aimed_at_takes_no_result() -> None:
    text = (
        "Lũy kế 9 tháng, doanh thu của xưởng đạt 630 tỷ đồng. Quý III, doanh thu của xưởng "
        "đạt 240 tỷ đồng. Năm 2041, xưởng đặt mục tiêu doanh thu 900 tỷ đồng. Quý IV, xưởng "
        "phấn đấu hoàn thành 27% doanh thu kế hoạch năm."
    )
    assert not [r for r in _rows(text) if r[0] is not None and r[2] == 27]


def test_the_cumulative_result_of_the_plans_year_is_still_taken() -> None:
    # round 131's reading stays: 630 of 900 is 70 %, the quarter's 240 is not taken
    text = (
        "Quý III/2041, xưởng đạt doanh thu 240 tỷ đồng. Lũy kế 9 tháng đầu năm 2041, doanh "
        "thu của xưởng đạt 630 tỷ đồng. Năm 2041, xưởng đặt mục tiêu doanh thu 900 tỷ đồng. "
        "Như vậy, xưởng đã hoàn thành 70% doanh thu kế hoạch năm."
    )
    assert (630 * _BN, 900 * _BN, 70, "attainment", "consistent") in _rows(text)
