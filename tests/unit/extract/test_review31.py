"""Review fixes of session 31 (fixer A): rounds 108–111's rules narrowed to what they read.

Invented sentences (other wording, figures, units and measures than the evaluation passages).
"""

from __future__ import annotations

from decimal import Decimal

from reading import paired_or_attained

B = 1_000_000_000


_claims = paired_or_attained


# ------------------------------------------------------------- "thêm": new, not added to a plan


def test_a_result_said_with_them_keeps_the_plan_it_is_compared_with() -> None:
    firms = (
        "Năm 2041, toàn tỉnh thành lập thêm 1.250 doanh nghiệp so với kế hoạch 1.200 doanh nghiệp."
    )
    assert _claims(firms) == {(Decimal(1_250), Decimal(1_200), None, None)}
    forest = "Năm 2041, huyện trồng thêm 1.350 ha rừng so với kế hoạch 1.200 ha, đạt 112,5%."
    assert _claims(forest) == {(Decimal(1_350), Decimal(1_200), Decimal("112.5"), "attainment")}


# ------------------------------------------------ the plan's amount right after: plan words only


def test_another_results_amount_after_the_plan_is_not_its_amount() -> None:
    text = "Công ty sản xuất được 7.000 tấn, đạt 70% kế hoạch năm nhưng tiêu thụ 10.000 tấn."
    assert _claims(text) == {(Decimal(7_000), None, Decimal(70), "attainment")}
    sold = "Nhà máy xuất xưởng 4.200 xe, đạt 60% kế hoạch, trong khi bán ra 7.000 xe."
    assert _claims(sold) == {(Decimal(4_200), None, Decimal(60), "attainment")}


def test_the_plans_amount_after_words_naming_the_plan_is_still_read() -> None:
    text = "Xã thu được 3,6 tỷ đồng, đạt 90% dự toán năm được giao 4 tỷ đồng."
    assert _claims(text) == {(Decimal("3.6") * B, 4 * B, Decimal(90), "attainment")}


# ------------------------------------------------- growth of the economy against its plan


def test_an_economys_growth_keeps_its_attainment_of_the_socio_economic_plan() -> None:
    text = (
        "Năm 2041, tốc độ tăng trưởng kinh tế của huyện ước đạt 7,4%, đạt 102% kế hoạch kinh "
        "tế - xã hội."
    )
    assert _claims(text) == {(Decimal("7.4"), None, Decimal(102), "attainment")}
    aims = (
        "Năm 2041, tốc độ tăng trưởng kinh tế của thị xã đạt 6,8%, đạt 97% chỉ tiêu kinh tế đề ra."
    )
    assert _claims(aims) == {(Decimal("6.8"), None, Decimal(97), "attainment")}


# ---------------------------------------------------------------------- "kỳ vọng" as a noun


def test_a_result_below_hopes_is_a_result() -> None:
    text = (
        "Năm 2041, lợi nhuận của tập đoàn dưới kỳ vọng với 720 tỷ đồng. Như vậy, tập đoàn "
        "đã hoàn thành 90% kế hoạch lợi nhuận."
    )
    assert _claims(text) == {(720 * B, None, Decimal(90), "attainment")}
    short = (
        "Năm 2041, doanh thu của hãng kém kì vọng với 950 tỷ đồng. Như vậy, hãng đã hoàn "
        "thành 95% kế hoạch doanh thu."
    )
    assert _claims(short) == {(950 * B, None, Decimal(95), "attainment")}


def test_an_amount_hoped_for_spelt_ki_vong_is_a_plan() -> None:
    text = (
        "Năm 2041, tập đoàn kì vọng lợi nhuận 640 tỷ đồng. Lũy kế 9 tháng, lợi nhuận đạt 416 "
        "tỷ đồng. Như vậy, tập đoàn mới hoàn thành 65% chỉ tiêu lợi nhuận."
    )
    assert _claims(text) == {(416 * B, 640 * B, Decimal(65), "attainment")}


# ----------------------------------------------- "3 tháng cuối năm" is a quarter, not months


def test_the_last_three_months_are_the_fourth_quarter() -> None:
    text = (
        "Trong quý IV, công ty ghi nhận lợi nhuận 820 tỷ đồng. Như vậy, trong 3 tháng cuối "
        "năm, công ty đã thực hiện được 28% chỉ tiêu lợi nhuận năm."
    )
    assert _claims(text) == {(820 * B, None, Decimal(28), "attainment")}


def test_a_date_names_no_months_counted() -> None:
    # "ngày 31 tháng 12": a day, not "31 tháng" counted against the quarter's result
    text = (
        "Trong quý IV, công ty ghi nhận lợi nhuận 820 tỷ đồng. Như vậy, tính đến ngày 31 tháng "
        "12, công ty đã thực hiện được 28% chỉ tiêu lợi nhuận quý IV."
    )
    assert _claims(text) == {(820 * B, None, Decimal(28), "attainment")}
