"""Round 129 of the extraction rules (issue 17): wrong claims of full article bodies (a plan
in brackets whose bound is said to be about, a rate of one part counted on its own, a plan
set out as a range, a level approached after an excess of another plan, a percentage of the
plan left after a cut), on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find


def _claims(text: str) -> list[tuple[object, object, object, object]]:
    """(actual, target, stated percentage, kind) of the statements with a result."""
    return [
        (s.actual, s.target, s.stated_percent, s.stated_kind)
        for s in find(text)
        if s.actual is not None
    ]


# ---------------------------------------------- a plan in brackets, its bound said to be about


def test_a_bracketed_plan_with_about_and_a_bound_is_the_percentage_s_plan() -> None:
    text = (
        "Quý I/2041, doanh thu của công ty đạt 1.210 tỷ đồng, bằng 24% kế hoạch năm "
        "(khoảng hơn 5.000 tỷ đồng)."
    )
    assert _claims(text) == [(1_210_000_000_000, 5_000_000_000_000, 24, "attainment")]
    visitors = (
        "Sáu tháng, huyện thu hút 4,1 triệu lượt khách, đạt 41% kế hoạch năm "
        "(khoảng gần 10 triệu lượt)."
    )
    assert _claims(visitors) == [(4_100_000, 10_000_000, 41, "attainment")]


def test_a_bracketed_bound_said_to_be_about_that_the_percentage_does_not_fit_is_no_plan() -> None:
    # 30.200 of 90.000 is 33,6 %, not 50 %: the bracket is not that percentage's plan
    text = (
        "Năm tháng, thu ngân sách đạt 30.200 tỷ đồng, đạt 50% dự toán (khoảng trên 90.000 tỷ đồng)."
    )
    assert _claims(text) == [(30_200_000_000_000, None, 50, "attainment")]
    # last year's figure in brackets after a growth: no plan
    growth = (
        "Năm tháng, thu ngân sách đạt 30.200 tỷ đồng, tăng 12% so với cùng kỳ "
        "(khoảng trên 27.000 tỷ đồng)."
    )
    assert _claims(growth) == [(30_200_000_000_000, None, 12, "growth")]


# ------------------------------------------------ a rate of one part counted on its own


_WHOLE = (
    "Tổng kế hoạch vốn đầu tư công năm 2041 của tỉnh (gồm vốn năm 2040 chuyển sang) là 8.200 "
    "tỷ đồng. Đến ngày 15/8, toàn tỉnh đã giải ngân 3.120 tỷ đồng, đạt 38% kế hoạch."
)


def test_a_rate_of_one_part_counted_on_its_own_takes_no_result_of_the_whole() -> None:
    for condition, rate in (
        ("Nếu chỉ tính riêng kế hoạch vốn năm 2041", 45),
        ("Chỉ tính riêng vốn ngân sách trung ương", 52),
        ("Nếu tính riêng nguồn vốn ngân sách tỉnh", 31),
    ):
        text = f"{_WHOLE} {condition}, tỷ lệ giải ngân đạt {rate}%."
        assert _claims(text) == [(3_120_000_000_000, 8_200_000_000_000, 38, "attainment")]


def test_a_rate_with_a_plan_left_out_keeps_the_result() -> None:
    # the plan made smaller, not the amount: the set's reading (round 14's docstring)
    for condition in ("Nếu không tính kế hoạch bổ sung", "Nếu loại trừ phần vốn giao bổ sung"):
        text = f"{_WHOLE} {condition}, tỷ lệ giải ngân đạt 45%."
        assert _claims(text) == [
            (3_120_000_000_000, 8_200_000_000_000, 38, "attainment"),
            (3_120_000_000_000, None, 45, "attainment"),
        ]


# ------------------------------------------- a year's plan set out as a range, in a list


_QUARTER = "Quý 2/2041, lợi nhuận sau thuế của công ty đạt 380 tỷ đồng."


def test_a_plan_set_out_as_a_range_is_the_range_not_its_upper_end() -> None:
    for plan in (
        "Công ty đề xuất nâng kế hoạch năm 2041 lên 9.800 - 10.500 tỷ đồng doanh thu và "
        "1.000 - 1.150 tỷ đồng lợi nhuận sau thuế.",
        "Năm 2041, công ty đặt kế hoạch doanh thu 9.800 tỷ đồng và lợi nhuận sau thuế từ "
        "1.000 đến 1.150 tỷ đồng.",
        "Năm 2041, công ty đặt mục tiêu doanh thu 9.800 tỷ đồng, lợi nhuận sau thuế "
        "1.000–1.150 tỷ đồng.",
    ):
        assert _claims(f"{_QUARTER} {plan}") == [
            (380_000_000_000, (1_000_000_000_000, 1_150_000_000_000), None, None)
        ]


def test_a_single_plan_stays_and_a_range_no_plan_can_be_pairs_nothing() -> None:
    single = (
        f"{_QUARTER} Công ty đề xuất nâng kế hoạch năm 2041 lên 9.800 tỷ đồng doanh thu và "
        "1.150 tỷ đồng lợi nhuận sau thuế."
    )
    assert _claims(single) == [(380_000_000_000, 1_150_000_000_000, None, None)]
    # 500 to 1.150 is wider than a plan's range: its upper end is no plan of its own
    wide = single.replace("và 1.150", "và 500 - 1.150")
    assert _claims(wide) == []


# ------------------------------------- an excess of one plan, and a second level approached


_PROFIT = "Chín tháng, lãi sau thuế của công ty đạt 412 tỷ đồng"


def test_a_level_approached_after_an_excess_is_set_against_the_result_apart() -> None:
    for approached in ("tiệm cận mức", "gần chạm ngưỡng", "tiệm cận"):
        text = f"{_PROFIT}, vượt 3% so với mục tiêu cơ sở và {approached} 450 tỷ đồng."
        assert _claims(text) == [
            (412_000_000_000, None, 3, "excess"),
            (412_000_000_000, 450_000_000_000, None, None),
        ]


def test_a_level_approached_that_the_percentage_fits_stays_its_plan() -> None:
    # 412 of 450 is 91,6 %: the percentage is of the level named after it
    text = f"{_PROFIT}, bằng 92% kế hoạch năm và tiệm cận mục tiêu 450 tỷ đồng."
    assert _claims(text) == [(412_000_000_000, 450_000_000_000, 92, "attainment")]
    # the excess's own plan written: both pairs, each with its own figure
    both = f"{_PROFIT}, vượt 3% so với mục tiêu cơ sở là 400 tỷ đồng và tiệm cận mức 450 tỷ đồng."
    assert _claims(both) == [
        (412_000_000_000, 400_000_000_000, 3, "excess"),
        (412_000_000_000, 450_000_000_000, None, None),
    ]


# ----------------------------- one amount, a percentage of the plan left after a cut


_CUT = (
    "Tổng kế hoạch vốn đầu tư công năm 2041 của huyện là 1.240 tỷ đồng. Sau khi thực hiện "
    "cắt giảm 4% theo chỉ đạo của tỉnh, kế hoạch vốn còn khoảng 1.190 tỷ đồng."
)


def test_a_percentage_of_the_plan_after_a_cut_takes_the_plan_left() -> None:
    # 412 of 1.240 is 33,2 %, of 1.190 34,6 %: each percentage with its own plan
    text = (
        f"{_CUT} Đến 30/6, huyện đã giải ngân khoảng 412 tỷ đồng, đạt 33,2% kế hoạch được giao "
        "và bằng 34,6% kế hoạch sau khi thực hiện cắt giảm."
    )
    assert _claims(text) == [
        (412_000_000_000, 1_240_000_000_000, Decimal("33.2"), "attainment"),
        (412_000_000_000, 1_190_000_000_000, Decimal("34.6"), "attainment"),
    ]
    saving = (
        "Tổng kế hoạch vốn năm 2041 của huyện là 1.240 tỷ đồng. Sau khi tiết kiệm 4% chi đầu tư, "
        "kế hoạch vốn còn khoảng 1.190 tỷ đồng. Đến 30/6, huyện đã giải ngân khoảng 412 tỷ đồng, "
        "bằng 34,6% kế hoạch sau khi tiết kiệm."
    )
    assert _claims(saving) == [(412_000_000_000, 1_190_000_000_000, Decimal("34.6"), "attainment")]


def test_a_percentage_naming_no_cut_keeps_the_plan_it_fits() -> None:
    text = f"{_CUT} Đến 30/6, huyện đã giải ngân khoảng 412 tỷ đồng, đạt 33,2% kế hoạch."
    assert _claims(text) == [(412_000_000_000, 1_240_000_000_000, Decimal("33.2"), "attainment")]
