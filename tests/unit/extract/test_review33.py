"""Review of session 33's rounds (fixer A): round 127's audit of a result's rounding, on
invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import audit_rows, find

from kpitools.extract.consistency import rounding_gives, written_half
from kpitools.numbers import parse_percent

# ------------------------------------------------------------------- a result written zero


def test_a_result_written_zero_with_decimals_is_checked_not_a_crash() -> None:
    # the rounding of a written 0,0 has no scale to widen by: the figures as written
    fraction = "Năm 2042, hợp tác xã thu được 0,0 tỷ đồng/48,6 tỷ đồng, đạt 4% kế hoạch năm."
    (s,) = find(fraction)
    assert (s.actual, s.target, s.stated_kind) == (0, 48_600_000_000, "attainment")
    assert audit_rows(fraction) == [("4%", "inconsistent", 0.0)]
    bracket = "Năm 2042, doanh thu của hợp tác xã đạt 0,0 tỷ đồng, bằng 6% kế hoạch (41 tỷ đồng)."
    assert audit_rows(bracket) == [("6%", "inconsistent", 0.0)]
    assert written_half("0,0", Decimal(0)) is None


# ---------------------------------------------------- an amount written in parts, its digit


def test_an_amount_in_parts_is_widened_by_its_last_number_s_digit() -> None:
    # 3 tỷ 614 triệu of 7 tỷ 900 triệu is 45,75 %: half a triệu either way gives 45,74 to
    # 45,75 %, never 41 % (half a tỷ, the first number's digit, would give 39 to 52 %)
    text = (
        "Năm 2042, doanh thu của hợp tác xã đạt 3 tỷ 614 triệu đồng, bằng 41% kế hoạch "
        "(7 tỷ 900 triệu đồng)."
    )
    (s,) = find(text)
    assert (s.actual, s.target, s.stated_kind) == (3_614_000_000, 7_900_000_000, "attainment")
    assert audit_rows(text) == [("41%", "inconsistent", 46.0)]
    assert written_half("3 tỷ 614 triệu đồng", Decimal(3_614_000_000)) == 500_000
    # within the last number's rounding: 3.614,5 triệu of 7.900 triệu is 45,753 %
    assert rounding_gives(parse_percent("45,75%"), "3 tỷ 614 triệu", s.actual, s.target)


def test_a_measure_linked_cut_of_an_amount_in_parts_is_truncated() -> None:
    text = (
        "Sáu tháng đầu năm 2042, doanh thu thuần của xưởng đạt 3 tỷ 127 triệu đồng, chi phí "
        "tăng nhẹ.\nLãi vay giảm 8%. Lợi nhuận sau thuế đạt 95 triệu đồng.\nKế hoạch năm 2042 "
        "của xưởng gồm doanh thu là 6 tỷ 800 triệu đồng và lợi nhuận sau thuế là 380 triệu "
        "đồng. Sau sáu tháng, xưởng mới thực hiện được 45,9% kế hoạch doanh thu và 25% kế hoạch "
        "lợi nhuận."
    )
    revenue, profit = [s for s in find(text) if s.stated_kind == "attainment"]
    assert (revenue.actual, revenue.target) == (3_127_000_000, 6_800_000_000)
    assert (profit.actual, profit.target) == (95_000_000, 380_000_000)
    # 45,985 % is 45,9 only cut; 3.126,5 to 3.127,5 triệu give 45,978 to 45,993 %: 46,0
    # half-up throughout (half a tỷ, the first number's digit, would give 38,6 to 53,3 %)
    assert sorted(audit_rows(text)) == [("25%", "consistent", 25.0), ("45,9%", "truncated", 46.0)]


# ----------------------------------------------------------- one rounding predicate, its edge


def test_the_rounding_predicate_takes_the_result_s_digit_and_leaves_its_upper_end_out() -> None:
    p = parse_percent("90,8%")
    # 7,3 of 8,1: 7,25 to 7,35 give 89,51 to 90,74 %; 90,8 needs 90,75, i.e. 7,35 itself,
    # which rounds to 7,4: no fit
    assert not rounding_gives(p, "7,3", Decimal("7.3"), Decimal("8.1"))
    assert rounding_gives(parse_percent("90,7%"), "7,3", Decimal("7.3"), Decimal("8.1"))
    assert not rounding_gives(p, "7,3", Decimal("7.3"), Decimal(0))


# ------------------------------------------------------------------- an estimate (``ước``)


def test_an_estimated_result_is_read_with_both_figures_rounding() -> None:
    # 41,7 of 57,4 is 72,65 %; 41,65 to 41,75 of 57,4 give 72,56 to 72,74 %: 72,5 needs the
    # plan's rounding too (41,65 / 57,45 = 72,50 %), which an estimate's hedge covers
    base = "Năm 2042, quỹ thu được 41,7 tỷ đồng/57,4 tỷ đồng, đạt 72,5% dự toán cả năm."
    assert audit_rows(base) == [("72,5%", "inconsistent", 72.6)]
    for text in (
        base.replace("đạt 72,5%", "ước đạt 72,5%"),
        base.replace("quỹ thu được", "quỹ ước thu được"),
        base.replace("quỹ thu được", "quỹ dự kiến thu được"),
    ):
        assert audit_rows(text) == [("72,5%", "unchecked", None)], text


def test_an_estimated_result_linked_to_a_plan_elsewhere_is_read_as_hedged() -> None:
    # 14,6 of 27 is 54,07 %; 14,55 to 14,65 give 53,89 to 54,26 %: 53,8 only as a cut of
    # 53,89, which a hedge's reading allows
    text = (
        "Năm 2042, hợp tác xã đặt kế hoạch doanh thu 27 tỷ đồng. Cuối năm, doanh thu của hợp "
        "tác xã đạt 14,6 tỷ đồng, bằng 53,8% kế hoạch."
    )
    assert audit_rows(text) == [("53,8%", "inconsistent", 54.1)]
    estimated = text.replace("hợp tác xã đạt", "hợp tác xã ước đạt")
    (_, s) = find(estimated)
    assert (s.actual, s.target) == (14_600_000_000, 27_000_000_000)
    assert audit_rows(estimated) == [("53,8%", "unchecked", 54.1)]
    # its note reads as a sentence: the reason after the figures, not glued to them
    assert s.note.endswith("= 54.0741 (the figures are approximate)")
    # an estimate of another figure in a later clause is not the result's
    other = text.replace("kế hoạch.", "kế hoạch; lợi nhuận ước đạt 3 tỷ đồng.")
    assert audit_rows(other) == [("53,8%", "inconsistent", 54.1)]
