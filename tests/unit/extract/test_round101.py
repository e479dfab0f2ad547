"""Round 101 of the extraction rules (issue 17): a comma before three digits read the way the
page or the figures beside it say, on invented text (never the evaluation set's figures or
sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

_BILLION = Decimal(1_000_000_000)


def _claims(text: str) -> list[tuple[object, object, object, object, object]]:
    return [
        (s.actual, s.target, s.stated_percent, s.stated_kind, s.verdict)
        for s in find(text)
        if s.stated_kind == "attainment"
    ]


# one amount with a comma before three digits and an attainment with no plan written
_ONE_COMMA = "Năm 2041, nhà máy có 2,481 tỷ đồng doanh thu, đạt 62% kế hoạch. Lợi nhuận đạt {tail}"


def test_a_page_writing_its_decimals_with_points_groups_thousands_with_its_one_comma() -> None:
    # "61.25 tỷ", "1.4 lần": decimals with points, so "2,481 tỷ" is 2.481 billion
    text = _ONE_COMMA.format(tail="61.25 tỷ đồng, gấp 1.4 lần cùng kỳ.")
    assert _claims(text) == [
        (2481 * _BILLION, None, Decimal(62), "attainment", "unchecked"),
    ]


def test_a_page_with_a_decimal_comma_or_one_point_decimal_keeps_the_vietnamese_comma() -> None:
    # a decimal comma elsewhere ("1,4 lần"), or a single decimal point: 2,481 billion
    for tail in ("61.25 tỷ đồng, gấp 1,4 lần cùng kỳ.", "61 tỷ đồng, gấp 1.4 lần cùng kỳ."):
        assert _claims(_ONE_COMMA.format(tail=tail)) == [
            (Decimal("2.481") * _BILLION, None, Decimal(62), "attainment", "unchecked"),
        ]


def test_the_percentage_reads_a_plans_comma_as_thousands_when_only_that_fits() -> None:
    # 925 / 4.625 = 20 %; read as a decimal the plan gives 20.000 %. The page's decimal
    # comma ("61,25 tỷ") does not outweigh the fit
    text = (
        "Năm 2041, nhà máy đạt doanh thu 925 tỷ đồng, bằng 20% kế hoạch năm (4,625 tỷ "
        "đồng). Lợi nhuận sau thuế đạt 61,25 tỷ đồng."
    )
    [s] = [s for s in find(text) if s.stated_kind == "attainment"]
    assert (s.actual, s.target, s.stated_percent, s.verdict) == (
        925 * _BILLION,
        4625 * _BILLION,
        Decimal(20),
        "consistent",
    )
    assert s.note is not None and "“4,625” read with a thousands comma" in s.note


def test_the_percentage_reads_a_results_comma_as_thousands_beside_a_dotted_plan() -> None:
    # 3.237 / 4.625 = 69,99 % → 70 %: the result, not the plan grouped with a point
    text = (
        "Năm 2041, xưởng đạt doanh thu 3,237 tỷ đồng, đạt 70% kế hoạch năm (4.625 tỷ "
        "đồng). Lợi nhuận tăng 12,5%."
    )
    assert _claims(text) == [
        (3237 * _BILLION, 4625 * _BILLION, Decimal(70), "attainment", "consistent"),
    ]


def test_no_fit_or_both_figures_with_commas_keep_the_decimal_reading() -> None:
    # 35 % fits neither 925 / 4,625 nor 925 / 4.625: the decimal reading and its finding
    # stay; both figures with a comma give one ratio (40 %), the 45 % decides nothing
    assert _claims(
        "Năm 2041, nhà máy đạt doanh thu 925 tỷ đồng, bằng 35% kế hoạch năm (4,625 tỷ đồng)."
    ) == [(925 * _BILLION, Decimal("4.625") * _BILLION, Decimal(35), "attainment", "inconsistent")]
    assert _claims(
        "Năm 2041, nhà máy đạt doanh thu 1,851 tỷ đồng, bằng 45% kế hoạch năm (4,627 tỷ đồng)."
    ) == [
        (
            Decimal("1.851") * _BILLION,
            Decimal("4.627") * _BILLION,
            Decimal(45),
            "attainment",
            "inconsistent",
        )
    ]


def test_a_thousands_reading_that_fits_only_cut_leaves_the_percentage_unchecked() -> None:
    # 929 / 4.625 = 20,09 %: "20,0%" is that cut, not rounded; neither reading is sure
    [s] = [
        s
        for s in find(
            "Năm 2041, nhà máy đạt doanh thu 929 tỷ đồng, bằng 20,0% kế hoạch năm (4,625 tỷ đồng)."
        )
        if s.stated_kind == "attainment"
    ]
    assert (s.actual, s.target, s.verdict) == (
        929 * _BILLION,
        Decimal("4.625") * _BILLION,
        "unchecked",
    )
    assert s.note is not None and "two readings" in s.note
