"""Round 35 of the extraction rules (issue 17): each a general rule of report wording, tested
on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import checked, find

# ------------------------------- money written as a fraction, the plan in another scale


def test_an_amount_in_full_over_a_plan_in_billions_is_read_in_one_scale() -> None:
    text = "Năm 2024, quỹ của xã vận động được 3.120.450.000/2,5 tỷ đồng, đạt 124,8% kế hoạch."
    assert checked(text) == [(3_120_450_000, 2_500_000_000, Decimal("124.8"), "consistent")]


def test_an_amount_in_full_over_a_plan_too_far_in_scale_is_not_read() -> None:
    text = "Năm 2024, quỹ vận động được 3.120.450.000/2,5 triệu đồng, đạt 124,8% kế hoạch."
    assert checked(text) == []
    assert all(s.verdict != "inconsistent" for s in find(text, money=True))


def test_an_amount_over_its_plan_with_the_currency_after_both_is_a_pair() -> None:
    text = "Năm 2024, hội vận động quỹ được 12.500.000đ/10.000.000đ, đạt 125% chỉ tiêu."
    assert checked(text) == [(12_500_000, 10_000_000, 125, "consistent")]


def test_two_amounts_in_different_currencies_are_no_pair() -> None:
    text = "Năm 2024, hội vận động quỹ được 12.500.000đ/10.000 USD, đạt 125% chỉ tiêu."
    assert checked(text) == []


# ------------------------------- the amount after the plan beaten may be the excess


def test_an_amount_after_the_plan_beaten_that_the_attainment_denies_is_the_excess() -> None:
    text = (
        "Quỹ của huyện vận động được 540.000.000 đồng, đạt 135%, vượt chỉ tiêu được giao "
        "là 140.000.000 đồng."
    )
    assert checked(text) == [(540_000_000, 400_000_000, 135, "consistent")]


def test_an_amount_after_the_plan_beaten_that_the_attainment_gives_is_the_plan() -> None:
    text = (
        "Quỹ của huyện vận động được 540.000.000 đồng, đạt 135%, vượt chỉ tiêu được giao "
        "là 400.000.000 đồng."
    )
    assert checked(text) == [(540_000_000, 400_000_000, 135, "consistent")]


# ------------------------------- a plan exceeded by one item, a percentage of another


def test_a_percentage_under_100_of_another_subject_after_a_plan_exceeded_is_no_alarm() -> None:
    text = "Đàn trâu, đàn bò đều vượt kế hoạch, đàn vịt đạt 93% kế hoạch."
    assert all(s.verdict != "inconsistent" for s in find(text, money=True))


def test_a_percentage_under_100_of_the_same_result_after_a_plan_exceeded_is_flagged() -> None:
    text = "Năm nay thu ngân sách của huyện đạt 500 tỷ đồng, vượt kế hoạch năm, đạt 93%."
    assert [s.verdict for s in find(text, money=True)] == ["inconsistent"]
