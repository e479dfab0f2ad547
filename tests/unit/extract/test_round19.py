"""Round 19 of the extraction rules (issue 17): counts of units out of all written as
fractions, plans set after a dash, and the other rules of round 19, each as a general rule
of report wording, tested on invented text (never the evaluation set's figures or
sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import claims, find

BILLION = Decimal(10) ** 9


def _pairs(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.target) for s in claims(text, money=True)]


# --------------------------------------------------------------------------- wrong claims


def test_a_count_of_units_out_of_all_is_no_result_against_a_target() -> None:
    text = (
        "Theo thống kê, 7/9 công ty trên sàn ghi nhận doanh thu tăng trưởng. Quý 2, có 5/9 "
        "doanh nghiệp đạt lãi tăng trưởng, 3 doanh nghiệp giảm lãi."
    )
    assert _pairs(text) == []


def test_a_fraction_of_members_or_with_a_verb_stays_a_pair() -> None:
    assert _pairs("Xã Bình An kết nạp 14/12 đảng viên.") == [(Decimal(14), Decimal(12))]
    assert _pairs("Năm nay tỉnh thành lập mới 1.250/1.200 doanh nghiệp.") == [
        (Decimal(1250), Decimal(1200))
    ]


def test_a_fraction_of_units_with_its_percentage_keeps_its_reading() -> None:
    [s] = find("Cả nước có 600/800 xã (75%) đạt chuẩn.", money=True)
    assert (s.actual, s.target, s.stated_percent) == (Decimal(600), Decimal(800), Decimal(75))


_DASHED = "Doanh thu năm 2025 của công ty đạt 8,6 tỷ USD (tăng {}% so với kế hoạch - 8 tỷ USD)."


def test_a_plan_after_a_dash_is_the_target_of_its_excess() -> None:
    [s] = claims(_DASHED.format("7,5"), money=True)
    assert (s.actual, s.target, s.stated_kind, s.verdict) == (
        Decimal("8.6") * BILLION,
        8 * BILLION,
        "excess",
        "consistent",
    )


def test_a_plan_after_a_dash_that_the_excess_nearly_fits_is_flagged() -> None:
    [s] = claims(_DASHED.format("7,2"), money=True)
    assert (s.target, s.verdict) == (8 * BILLION, "inconsistent")


def test_a_plan_after_a_dash_far_from_the_percentage_is_not_its_target() -> None:
    [s] = claims(_DASHED.format("30"), money=True)
    assert s.target is None
