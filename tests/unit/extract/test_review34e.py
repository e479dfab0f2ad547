"""Review of session 34's rounds 134 and 135 (fixer E): a whole year's result against its plan
written apart, a margin over a plan in the result's unit, a planned fall beside a fall.

Invented sentences (other wording, figures, units and measures than the evaluation passages).
"""

from __future__ import annotations

from decimal import Decimal

from reading import find

PLAN = "Năm 2043, công ty đặt kế hoạch doanh thu 3.600 tỷ đồng.\n"
BN = 1_000_000_000


def _pairs(text: str, **options: object) -> set[tuple[object, object]]:
    return {
        (s.actual, s.target)
        for s in find(text, **options)
        if s.actual is not None and s.target is not None
    }


def _rows(text: str) -> set[tuple[object, object, str | None, str | None, str | None]]:
    return {
        (s.actual, s.target, s.stated, s.measure, s.target_period)
        for s in find(text, money=True)
        if s.actual is not None and s.target is not None
    }


def test_a_whole_years_result_still_meets_the_plan_written_apart() -> None:
    for text in (
        PLAN + "Năm 2043, doanh thu của công ty đạt 3.270 tỷ đồng.",
        "Năm 2043, doanh thu của công ty đạt 3.270 tỷ đồng.\n\n"
        "Năm 2043, công ty đặt kế hoạch doanh thu 3.600 tỷ đồng.",
    ):
        assert (Decimal(3270 * BN), Decimal(3600 * BN)) in _pairs(text, money=True)


def test_the_year_so_far_a_result_ahead_or_another_owners_is_no_whole_years_result() -> None:
    for sentence in (
        "Đến nay, doanh thu năm 2043 của công ty đạt 2.100 tỷ đồng.",
        "Hiện nay, doanh thu năm 2043 của công ty đạt 2.100 tỷ đồng.",
        "Lũy kế năm 2043, doanh thu của công ty đạt 3.000 tỷ đồng.",
        "Với đà này, năm 2043 doanh thu của công ty sẽ đạt 3.400 tỷ đồng.",
        "Năm 2043, doanh thu của công ty có thể đạt 3.400 tỷ đồng.",
        "Nếu thuận lợi, năm 2043 doanh thu của công ty đạt 3.400 tỷ đồng.",
        "Năm 2043, doanh thu của công ty phải đạt 3.400 tỷ đồng.",
        "Năm 2043, doanh thu của công ty cần đạt 3.400 tỷ đồng.",
        "Năm 2043, đối thủ Sao Bắc có doanh thu đạt 3.500 tỷ đồng.",
    ):
        assert _pairs(PLAN + sentence, money=True) == set(), sentence


def test_a_plan_of_a_year_not_named_is_no_plan_of_the_years_result() -> None:
    text = (
        "Năm 2043, doanh thu của công ty đạt 3.270 tỷ đồng.\n\n"
        "Năm tới, công ty đặt kế hoạch doanh thu 3.600 tỷ đồng."
    )
    assert _pairs(text, money=True) == set()


def test_a_result_set_against_a_plan_in_its_own_words_keeps_that_plan() -> None:
    # "tăng 150 tỷ đồng so với kế hoạch": its plan is 3.250 billion, not the 3.600 apart
    text = (
        PLAN
        + "Năm 2043, doanh thu của công ty đạt 3.400 tỷ đồng, tăng 150 tỷ đồng so với kế hoạch."
    )
    assert _pairs(text, money=True) == {(Decimal(3400 * BN), Decimal(3250 * BN))}


def test_a_margin_over_a_plan_still_gives_the_plan() -> None:
    assert _rows("Năm 2043, sản lượng đạt 42 triệu tấn, tăng 2 triệu tấn so với kế hoạch.") == {
        (Decimal(42_000_000), Decimal(40_000_000), "2 triệu tấn", None, "annual")
    }


def test_an_amount_assigned_revised_added_or_needed_is_no_result() -> None:
    for lead in (
        "tổng mức đầu tư của dự án được điều chỉnh lên",
        "vốn đầu tư công được giao",
        "tỉnh được bổ sung",
        "công ty cần",
    ):
        text = f"Năm 2043, {lead} 1.250 tỷ đồng, tăng 150 tỷ đồng so với kế hoạch ban đầu."
        assert _pairs(text, money=True) == set(), lead


def test_a_result_handed_over_still_gives_the_plan() -> None:
    text = "Năm 2043, nhà máy đã bàn giao 58 tàu, tăng 6 tàu so với kế hoạch."
    assert _pairs(text) == {(Decimal(58), Decimal(52))}


def test_a_margin_over_next_years_plan_gives_no_plan_of_the_result() -> None:
    for plan in ("kế hoạch năm sau", "kế hoạch năm tới"):
        text = f"Năm 2043, sản lượng đạt 42 triệu tấn, tăng 2 triệu tấn so với {plan}."
        assert _pairs(text) == set(), plan


def test_a_fall_passes_a_planned_fall_by_falling_more() -> None:
    def pairs(result: str, verdict: str) -> set[tuple[object, object]]:
        return _pairs(
            f"Năm 2043, tỷ lệ hộ nghèo giảm {result}% so với năm 2042, {verdict} kế hoạch "
            "(KH giảm 2%)."
        )

    assert pairs("3,4", "vượt") == {(Decimal("-3.4"), Decimal(-2))}
    assert pairs("1,5", "không đạt") == {(Decimal("-1.5"), Decimal(-2))}
    # the words and the figures disagree: no pair
    assert pairs("1,5", "vượt") == set()
    assert pairs("3,4", "không đạt") == set()


def test_a_thousands_dot_ends_no_sentence_before_a_margin() -> None:
    # "dự kiến" before "1.300": the sentence sets out a forecast, its figures no result
    for area in ("1.300", "1300"):
        text = (
            f"Năm 2043, dự kiến đến cuối năm trồng mới {area} ha, sản lượng đạt 1.450 tấn, "
            "tăng 150 tấn so với kế hoạch."
        )
        assert _pairs(text) == set(), area


def test_a_thousands_dot_ends_no_sentence_before_a_counted_excess() -> None:
    # "nghèo" before the dot of "1.500": the count is a fall of poor households
    text = (
        "Năm 2043, số hộ nghèo (1.500 hộ đầu năm) giảm 212 hộ so với năm 2042, vượt 40 hộ so "
        "với chỉ tiêu tỉnh giao."
    )
    assert (Decimal(212), Decimal(172)) in _pairs(text)


def test_every_scale_word_of_a_margin_counts_and_figures_are_plain() -> None:
    rows = _rows(
        "Năm 2043, thu ngân sách đạt 1,2 nghìn tỷ đồng, tăng 0,2 nghìn tỷ đồng so với dự toán."
    )
    assert rows == {
        (Decimal(1200 * BN), Decimal(1000 * BN), "0,2 nghìn tỷ đồng", "nghìn tỷ đồng", "annual")
    }
    ((actual, target, *_),) = _rows(
        "Năm 2043, thu ngân sách đạt 1.200,0 tỷ đồng, tăng 200,0 tỷ đồng so với dự toán."
    )
    assert (str(actual), str(target)) == ("1200000000000", "1000000000000")


def test_a_margins_money_measure_is_spelt_as_the_grammar_spells_it() -> None:
    assert _rows("Năm 2043, xuất khẩu đạt 42 triệu USD, tăng 2 triệu USD so với kế hoạch.") == {
        (Decimal(42_000_000), Decimal(40_000_000), "2 triệu USD", "triệu USD", "annual")
    }
    vnd = "Năm 2043, thu ngân sách đạt 420 tỷ VNĐ, tăng 20 tỷ VNĐ so với kế hoạch."
    assert _rows(vnd) == {(Decimal(420 * BN), Decimal(400 * BN), "20 tỷ VNĐ", "tỷ đồng", "annual")}
    # VNĐ is money: not read when money is not
    assert _pairs(vnd, money=False) == set()


def test_a_quarters_margin_over_a_plan_is_no_years_plan() -> None:
    rows = _rows("Quý III/2043, sản lượng đạt 12 triệu tấn, tăng 2 triệu tấn so với kế hoạch quý.")
    assert rows == {(Decimal(12_000_000), Decimal(10_000_000), "2 triệu tấn", None, None)}
