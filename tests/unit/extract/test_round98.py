"""Round 98 of the extraction rules (issue 17): each rule with a positive and a negative case
on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find


def test_a_fraction_after_a_growth_on_a_past_base_is_no_result_against_a_plan() -> None:
    # the bracket's 96,4/80,2 is this year's output over last year's: no plan in it
    text = (
        "Sản lượng nước sạch 5 tháng của nhà máy Tân Hiệp là 96,4 triệu m3, đạt 41,2% kế "
        "hoạch năm, tăng 15% so với năm trước (96,4/80,2 triệu m3)."
    )
    statements = find(text)
    assert [(s.actual, s.target, s.stated_percent, s.stated_kind) for s in statements] == [
        (96_400_000, None, Decimal("41.2"), "attainment"),
        (96_400_000, None, Decimal(15), "growth"),
    ]


def test_a_fraction_that_gives_the_growth_beside_it_is_no_result_against_a_plan() -> None:
    # 96,4 / 80,2 − 1 = 20,2 %: the growth on the first quarter, written beside the fraction
    text = (
        "Sản lượng nước sạch quý II của nhà máy Tân Hiệp là 96,4 triệu m3, đạt 26% kế hoạch "
        "năm, tăng 20,2% so với quý I (96,4/80,2 triệu m3)."
    )
    statements = find(text)
    assert all(s.target is None for s in statements)
    assert [s.stated_percent for s in statements] == [Decimal(26), Decimal("20.2")]


def test_a_fraction_a_growth_does_not_give_or_a_plan_names_stays() -> None:
    # 7 % is not what 96,4/80,2 gives and no past base is named: the fraction stays
    kept = find(
        "Sản lượng nước sạch quý II của nhà máy Tân Hiệp là 96,4 triệu m3, đạt 26% kế "
        "hoạch năm, tăng 7% so với quý I (96,4/80,2 triệu m3)."
    )
    assert [(s.actual, s.target) for s in kept if s.target is not None] == [
        (Decimal("96.4"), Decimal("80.2"))
    ]
    # a growth said against the plan is the plan's: the fraction stays
    plan = find(
        "Sản lượng nước sạch 5 tháng của nhà máy Tân Hiệp là 96,4 triệu m3, tăng 15% so với "
        "kế hoạch năm (96,4/80,2 triệu m3)."
    )
    assert [(s.actual, s.target) for s in plan if s.target is not None] == [
        (Decimal("96.4"), Decimal("80.2"))
    ]
    # a fraction that takes the growth as its own percentage is a margin over the plan
    (margin,) = find("Năm 2041, diện tích chè của xã Phú Lộc đạt 62,4/60 ha, tăng 4%.")
    assert (margin.actual, margin.target, margin.stated_kind) == (
        Decimal("62.4"),
        Decimal(60),
        "excess",
    )
