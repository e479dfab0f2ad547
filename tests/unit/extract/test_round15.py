"""Round 15 of the extraction rules (issue 17): the wrong claims and the misses of batch
``2026-12-04e`` (tourism, company and mass-organization reports, among others), each as a
general rule of report wording, tested on invented text (never the evaluation set's figures
or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import attainments, find

BILLION = Decimal(10) ** 9


# --------------------------------------------------------------------------- wrong claims


def test_the_base_of_a_growth_in_brackets_is_not_the_actual_of_the_plan_after_it() -> None:
    text = (
        "Quý I, lượng khách đạt khoảng 2,4 triệu lượt, tăng 12% so với cùng kỳ năm 2024 "
        "(2,1 triệu lượt), đạt 22% so với kế hoạch năm."
    )
    assert attainments(text) == [(Decimal(2_400_000), None, "22%", "unchecked")]


def test_a_bracket_that_is_no_base_of_a_growth_keeps_its_reading() -> None:
    # a part in brackets after the result, no growth before it: the bracket is no base
    text = (
        "Quý I, lượng khách đạt 2.400 lượt (trong đó khách quốc tế 300 lượt), đạt 22% "
        "so với kế hoạch năm."
    )
    assert attainments(text) == [(Decimal(2400), None, "22%", "unchecked")]


def _pairs(text: str) -> list[tuple[object, object, object]]:
    return [(s.actual, s.target, s.stated_percent) for s in find(text) if s.target is not None]


def test_a_counted_plan_in_brackets_after_vuot_ke_hoach_is_the_plan() -> None:
    text = "Năm nay, tỉnh đã hoàn thành 5.150 căn nhà, vượt kế hoạch đề ra (5.000 căn)."
    assert _pairs(text) == [(Decimal(5150), Decimal(5000), None)]
    text = (
        "Năm nay, tỉnh đã hoàn thành 5.150 căn nhà, vượt kế hoạch đề ra (5.000 căn), tương "
        "đương hơn 103%."
    )
    assert _pairs(text) == [(Decimal(5150), Decimal(5000), Decimal(103))]


def test_a_percentage_the_bracketed_plan_does_not_give_keeps_it_apart() -> None:
    text = (
        "Năm nay, tỉnh đã hoàn thành 5.150 căn nhà, vượt kế hoạch đề ra (5.000 căn), tương "
        "đương hơn 110%."
    )
    # the plan stays a target of its own, the result keeps no target
    assert _pairs(text) == [(None, Decimal(5000), None)]


# --------------------------------------------------------------------------- misses


def test_an_attainment_joined_to_a_growth_by_va_thuc_hien_is_the_amounts() -> None:
    text = (
        "Chín tháng, lợi nhuận trước thuế đạt 1.500 tỷ đồng, tăng 20% so với cùng kỳ và "
        "thực hiện 75% kế hoạch năm."
    )
    assert attainments(text) == [(1500 * BILLION, None, "75%", "unchecked")]


def test_thuc_hien_without_va_after_a_growth_is_the_amounts_too() -> None:
    # "thực hiện" after a comma alone connects as "và thực hiện" does (since round 19)
    text = (
        "Chín tháng, lợi nhuận trước thuế đạt 1.500 tỷ đồng, tăng 20% so với cùng kỳ, "
        "thực hiện 75% kế hoạch năm."
    )
    assert attainments(text) == [(1500 * BILLION, None, "75%", "unchecked")]


def test_the_plan_in_the_quoted_name_of_the_scheme_a_percentage_is_of() -> None:
    text = (
        "Tính lũy kế, các dự án đạt quy mô 4.100 căn, bằng 41% mục tiêu của Đề án "
        "“Xây dựng ít nhất 10.000 căn hộ cho công nhân”."
    )
    assert attainments(text) == [(Decimal(4100), Decimal(10000), "41%", "consistent")]


def test_a_quoted_figure_of_another_noun_or_not_after_the_plan_is_no_target() -> None:
    text = (
        "Tính lũy kế, các dự án đạt quy mô 4.100 căn, bằng 41% mục tiêu của Đề án "
        "“Xây dựng 200 khu nhà ở”."
    )
    assert attainments(text) == [(Decimal(4100), None, "41%", "unchecked")]
    text = (
        "Tính lũy kế, các dự án đạt quy mô 4.100 căn, bằng 41% kế hoạch năm, theo Đề án "
        "“Xây dựng ít nhất 10.000 căn hộ”."
    )
    assert attainments(text) == [(Decimal(4100), None, "41%", "unchecked")]


def test_respective_attainments_past_signed_changes_in_brackets() -> None:
    text = (
        "Lũy kế 9 tháng, doanh thu và lợi nhuận của công ty đạt lần lượt 1.200 tỷ đồng (+5%) "
        "và 300 tỷ đồng (+26%), tương ứng hoàn thành 65% và 78% kế hoạch năm."
    )
    assert attainments(text) == [
        (1200 * BILLION, None, "65%", "unchecked"),
        (300 * BILLION, None, "78%", "unchecked"),
    ]


def test_no_respective_reading_without_lan_luot_or_with_unsigned_brackets() -> None:
    text = (
        "Chín tháng, doanh thu và lợi nhuận của công ty đạt 1.200 tỷ đồng (+5%) và 300 tỷ "
        "đồng (+26%), hoàn thành 65% và 78% kế hoạch năm."
    )
    assert attainments(text) == []
    text = (
        "Chín tháng, doanh thu và lợi nhuận của công ty đạt lần lượt 1.200 tỷ đồng (5%) và "
        "300 tỷ đồng (26%), tương ứng hoàn thành 65% và 78% kế hoạch năm."
    )
    assert attainments(text) == []


def test_the_plan_after_la_and_its_verb_and_a_result_opening_with_voi() -> None:
    text = (
        "Với kết quả 2,1 triệu lượt khách, ngành du lịch đã đạt 48% kế hoạch đề ra cho năm "
        "2025 là đón 4,3-4,5 triệu lượt khách."
    )
    assert attainments(text) == [
        (Decimal(2_100_000), (Decimal(4_300_000), Decimal(4_500_000)), "48%", "truncated")
    ]
    text = "Với 2.100 tỷ đồng, tỉnh đã hoàn thành 48% dự toán năm."
    assert attainments(text) == [(2100 * BILLION, None, "48%", "unchecked")]


def test_no_join_when_voi_opens_no_result_or_a_result_word_follows_la() -> None:
    # "với" not opening the sentence: the percentage keeps no actual
    text = "Tỉnh làm việc với 2.100 doanh nghiệp, ngành du lịch đã đạt 48% kế hoạch năm."
    assert attainments(text) == [(None, None, "48%", "unchecked")]
    # "là đạt …" after the plan is no plan's verb: the figure is not linked as the target
    text = "Ngành du lịch đón 2,1 triệu lượt khách, đạt 48% kế hoạch năm là đạt 4,3 triệu lượt."
    assert attainments(text) == [(Decimal(2_100_000), None, "48%", "unchecked")]


def test_an_amount_restated_per_day_leaves_the_percentages_to_the_amount() -> None:
    text = (
        "Doanh thu đạt 1.500 tỷ đồng (gần 60 triệu USD), tương đương thu về 4 tỷ đồng mỗi "
        "ngày - tăng 16% so với năm trước và vượt 4% kế hoạch năm."
    )
    assert attainments(text) == [(1500 * BILLION, None, "4%", "unchecked")]


def test_a_per_day_figure_that_restates_nothing_keeps_its_percentage() -> None:
    # no "tương đương" before it: not read as a restatement, the rule leaves it as it was
    text = "Doanh thu đạt 1.500 tỷ đồng, chi 4 tỷ đồng mỗi ngày, vượt 4% kế hoạch năm."
    assert attainments(text) == [(4 * BILLION, None, "4%", "unchecked")]


def test_a_second_excess_of_another_plan_shares_the_verb_vuot() -> None:
    text = (
        "Tổng thu ngân sách đạt 7.200 tỷ đồng, vượt 32% dự toán Trung ương giao và 27% dự "
        "toán tỉnh giao."
    )
    found = [(s.actual, s.stated_percent, s.stated_kind) for s in find(text)]
    assert found == [(7200 * BILLION, 32, "excess"), (7200 * BILLION, 27, "excess")]


def test_a_growth_after_vuot_and_va_is_no_second_excess() -> None:
    text = (
        "Tổng thu ngân sách đạt 7.200 tỷ đồng, vượt 32% dự toán Trung ương giao và tăng 27% "
        "so với cùng kỳ."
    )
    found = [(s.actual, s.stated_percent, s.stated_kind) for s in find(text)]
    assert found == [(7200 * BILLION, 32, "excess"), (7200 * BILLION, 27, "growth")]


def test_a_bare_attainment_after_a_siblings_excess_of_a_plan() -> None:
    text = (
        "Thu nội địa đạt 5.000 tỷ đồng, vượt 20% dự toán và tăng 40%; thu từ dầu thô đạt 250 "
        "tỷ đồng, đạt 59,1% và bằng 65,4%."
    )
    found = [(s.actual, s.stated_percent, s.stated_kind) for s in find(text)]
    assert (250 * BILLION, Decimal("59.1"), "attainment") in found
    # the amount's second bare percentage is not of the plan again
    assert (250 * BILLION, Decimal("65.4"), "attainment") not in found


def test_no_bare_attainment_without_a_sibling_of_a_plan() -> None:
    text = (
        "Thu nội địa đạt 5.000 tỷ đồng, tăng 40%; thu từ dầu thô đạt 250 tỷ đồng, đạt 59,1% "
        "và giảm 34,6%."
    )
    assert attainments(text) == []


def test_a_plan_written_after_a_slash() -> None:
    text = (
        "Đến nay, tỉnh đã giải ngân 1.624,2 tỷ đồng, đạt 38,64%/tổng kế hoạch và đạt "
        "43,15%/kế hoạch đã giao đầu năm."
    )
    amount = Decimal("1624.2") * BILLION
    assert attainments(text) == [
        (amount, None, "38,64%", "unchecked"),
        (amount, None, "43,15%", "unchecked"),
    ]


def test_a_slash_before_a_whole_that_is_no_plan_is_no_attainment() -> None:
    text = "Đến nay, tỉnh đã giải ngân 1.624,2 tỷ đồng, đạt 38,64%/tổng số."
    assert attainments(text) == []


def test_cham_moc_a_percentage_of_a_plan_is_an_attainment() -> None:
    text = "Tổng thu ngân sách trên địa bàn đạt 24,5 tỉ đồng, chạm mốc 132,17% so với dự toán."
    amount = Decimal("24.5") * BILLION
    assert attainments(text) == [(amount, None, "132,17%", "unchecked")]


def test_cham_moc_a_percentage_of_no_plan_is_no_attainment() -> None:
    text = "Tổng thu ngân sách trên địa bàn đạt 24,5 tỉ đồng, chạm mốc 13% tổng thu của vùng."
    assert attainments(text) == []


# --------------------------------------------------------------------------- audit


def test_a_hedged_figure_written_to_the_unit_is_checked_at_the_percentages_precision() -> None:
    text = "Lũy kế, toàn tỉnh đạt khoảng 45.731 căn, bằng gần 41% mục tiêu 100.000 căn."
    assert attainments(text) == [(Decimal(45731), Decimal(100000), "41%", "inconsistent")]


def test_a_hedged_round_figure_stays_approximate() -> None:
    text = "Lũy kế, toàn tỉnh đạt khoảng 45.700 căn, bằng gần 41% mục tiêu 100.000 căn."
    assert attainments(text) == [(Decimal(45700), Decimal(100000), "41%", "unchecked")]
