"""Round 45 of the extraction rules (issue 17), each tested on invented text (never the
evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import attained, checked

# ------------------------------ a plan's amounts spread over its measures ("lần lượt đạt")


def test_a_plans_amounts_spread_over_its_measures_are_no_result() -> None:
    text = (
        "Năm 2031, công ty Sao Mai đặt kế hoạch doanh thu và lãi ròng lần lượt đạt 8.000 tỷ "
        "đồng và 420 tỷ đồng, tăng 3% và 12% so với năm trước. Với kết quả này, công ty đã "
        "thực hiện được 35% kế hoạch doanh thu và 48% chỉ tiêu lợi nhuận cả năm."
    )
    assert [a for a, _, _, _ in attained(text)] == [None, None]


def test_results_spread_over_measures_after_no_plan_word_stay_results() -> None:
    text = (
        "Quý này, công ty Sao Mai ghi nhận doanh thu và lãi ròng lần lượt đạt 2.800 tỷ đồng. "
        "Với kết quả này, công ty đã thực hiện được 35% kế hoạch năm."
    )
    assert [a for a, _, _, _ in attained(text)] == [Decimal("2800000000000")]


# ------------------------------ a dot inside a name ("Sao.Viet") does not end a clause


def test_a_result_whose_owner_has_a_dot_in_its_name_is_named_by_its_measure() -> None:
    text = (
        "Quý III, doanh thu cả quý của Sao.Viet đạt 16 tỷ đồng, giảm 2% so với cùng kỳ.\n\n"
        "Tính chung 9 tháng, doanh thu Sao.Viet đạt 60 tỷ đồng, giảm 20% so với cùng kỳ.\n\n"
        "Năm nay công ty đặt mục tiêu 40 tỷ đồng doanh thu. Như vậy, sau 9 tháng, Sao.Viet "
        "đã vượt 50% kế hoạch doanh thu."
    )
    assert checked(text) == [
        (Decimal("60000000000"), Decimal("40000000000"), Decimal("50"), "consistent")
    ]


def test_a_dotted_name_beside_another_measure_gives_no_result() -> None:
    text = (
        "Quý III, doanh thu cả quý của Sao Viet đạt 16 tỷ đồng, giảm 2% so với cùng kỳ.\n\n"
        "Tính chung 9 tháng, lãi của Sao.Viet đạt 60 tỷ đồng, giảm 20% so với cùng kỳ.\n\n"
        "Năm nay công ty đặt mục tiêu 40 tỷ đồng doanh thu. Như vậy, sau 9 tháng, Sao.Viet "
        "đã vượt 50% kế hoạch doanh thu."
    )
    assert checked(text) == []


# ------------------------------ a plan's figure in brackets right after its name, a growth
# between: its target when the percentage implies a plan within 5 % of it, then audited


def test_a_bracketed_plan_near_the_implied_one_is_the_target_and_is_flagged() -> None:
    text = (
        "Số thu của huyện đạt 20 tỷ đồng, tăng 10% so với cùng kỳ năm 2029 (18 tỷ đồng) và "
        "đạt 42% kế hoạch năm (50 tỷ đồng)."  # round 104: 19,5 to 20,5 give 39 to 41 %
    )
    assert checked(text) == [
        (Decimal("20000000000"), Decimal("50000000000"), Decimal("42"), "inconsistent")
    ]


def test_a_bracketed_plan_far_from_the_implied_one_is_not_the_target() -> None:
    text = (
        "Số thu của huyện đạt 20 tỷ đồng, tăng 10% so với cùng kỳ năm 2029 (18 tỷ đồng) và "
        "đạt 45% kế hoạch năm (50 tỷ đồng)."
    )
    assert checked(text) == []


# ------------------------------ a result referred back to, the plan in brackets after the
# plan's name: its target when near the plan the percentage implies


_VISITORS = (
    "Cả năm, tỉnh Bình Yên đón 4,2 triệu lượt du khách, cao hơn 20% so với năm trước. Với "
    "con số này, tỉnh đã thực hiện {} kế hoạch năm 2031 (9 triệu {})."
)


def test_a_referred_result_takes_the_bracketed_plan_and_is_audited() -> None:
    assert checked(_VISITORS.format("45%", "lượt")) == [
        (Decimal("4200000"), Decimal("9000000"), Decimal("45"), "inconsistent")
    ]


def test_a_rounded_referred_result_against_the_bracketed_plan_is_not_flagged() -> None:
    assert checked(_VISITORS.format("46,6%", "lượt")) == [
        (Decimal("4200000"), Decimal("9000000"), Decimal("46.6"), "unchecked")
    ]


def test_a_bracketed_plan_of_another_unit_or_far_off_is_not_the_target() -> None:
    assert checked(_VISITORS.format("45%", "USD")) == []
    assert checked(_VISITORS.format("40%", "lượt")) == []


# ------------------------------ a plan named with its giver after it ("dự toán tỉnh giao"):
# the measure is the one named before the verb; "Cụ thể, …" reads the paragraph before


_BUDGET = (
    "Tổng {} ngân sách 6 tháng đầu năm 2031 đạt 540 tỷ đồng.\n{}tổng thu ngân sách đạt 60% "
    "dự toán tỉnh giao và tăng 10% so với cùng kỳ."
)


def test_a_plan_with_its_giver_takes_the_result_of_the_measure_before_it() -> None:
    assert attained(_BUDGET.format("thu", "Cụ thể, ")) == [
        (Decimal("540000000000"), None, Decimal("60"), "unchecked")
    ]


def test_a_plan_with_its_giver_takes_no_result_of_another_measure_or_paragraph() -> None:
    assert attained(_BUDGET.format("chi", "Cụ thể, ")) == [(None, None, Decimal("60"), "unchecked")]
    assert attained(_BUDGET.format("thu", "")) == [(None, None, Decimal("60"), "unchecked")]


# ------------------------------ another name of the same measure ("tổng doanh thu"); a plan
# written as a range ("từ … đến …") is the target as a range


_RANGE = (
    "Lũy kế 9 tháng đầu năm 2031, công ty Bình Minh đạt {} 3.300 tỷ đồng, giảm 2% so với "
    "cùng kỳ. Năm 2031, công ty đặt kế hoạch doanh thu thuần {}. Như vậy sau 9 tháng, công "
    "ty đã hoàn thành 66% mục tiêu doanh thu năm."
)


def test_a_plan_range_is_the_target_of_a_result_named_by_another_name() -> None:
    text = _RANGE.format("tổng doanh thu", "từ 5.000 tỷ đồng đến 5.500 tỷ đồng")
    assert attained(text) == [
        (
            Decimal("3300000000000"),
            (Decimal("5000000000000"), Decimal("5500000000000")),
            Decimal("66"),
            "consistent",
        )
    ]


def test_a_single_plan_stays_one_figure_and_another_measure_is_not_taken() -> None:
    text = _RANGE.format("tổng doanh thu", "5.000 tỷ đồng")
    assert attained(text) == [
        (Decimal("3300000000000"), Decimal("5000000000000"), Decimal("66"), "consistent")
    ]
    text = _RANGE.format("lợi nhuận", "từ 5.000 tỷ đồng đến 5.500 tỷ đồng")
    assert [a for a, _, _, _ in attained(text)] == [None]


# ------------------------------ a plan named by its measure, two amounts of it before (a
# quarter's, then the months to date in a paragraph that opens on cumulative figures)


_HALF_YEAR = (
    "Quý II, công ty Thành Công ghi nhận doanh thu đạt 900 tỷ đồng, lợi nhuận sau thuế đạt "
    "60 tỷ đồng, lần lượt tăng 5% và 8% so với cùng kỳ.{}Lũy kế 6 tháng đầu năm, công ty ghi "
    "nhận doanh thu đạt 1.700 tỷ đồng, lợi nhuận sau thuế đạt 110 tỷ đồng, lần lượt tăng 4% "
    "và 6% so với cùng kỳ.\n\nNăm nay, công ty đặt kế hoạch lợi nhuận sau thuế là 200 tỷ "
    "đồng. Như vậy, sau 6 tháng, công ty hoàn thành được 55% kế hoạch lợi nhuận năm."
)


def test_the_cumulative_amount_of_a_later_paragraph_is_the_plans_result() -> None:
    assert attained(_HALF_YEAR.format("\n\n")) == [
        (Decimal("110000000000"), Decimal("200000000000"), Decimal("55"), "consistent")
    ]


def test_two_amounts_of_the_measure_in_one_paragraph_give_the_periods_result() -> None:
    # round 99: the percentage's sentence names the half year ("sau 6 tháng"), so of the
    # quarter's 60 and the half year's 110 only 110 is of its period, and 110 / 200 = 55 %
    assert attained(_HALF_YEAR.format(" ")) == [
        (Decimal("110000000000"), Decimal("200000000000"), Decimal("55"), "consistent")
    ]


# ------------------------------ a group's consolidated result is not set against its parent
# company's plan


_GROUP = (
    "Tổng công ty Ánh Dương công bố lợi nhuận trước thuế hợp nhất quý I đạt 300 tỷ đồng.\n\n"
    "Trước đó, {} đặt mục tiêu lợi nhuận trước thuế {}đạt 900 tỷ đồng, tăng 5% so với năm "
    "trước."
)


def test_a_consolidated_result_is_not_set_against_the_parents_plan() -> None:
    assert checked(_GROUP.format("công ty mẹ", "")) == []


def test_a_consolidated_result_is_set_against_the_groups_plan() -> None:
    expected = [(Decimal("300000000000"), Decimal("900000000000"), None, "unchecked")]
    assert checked(_GROUP.format("tổng công ty", "")) == expected
    assert checked(_GROUP.format("tổng công ty", "hợp nhất ")) == expected


# ------------------------------ a plan's amount after another plan's ("kế hoạch lợi nhuận
# ước tính đạt …") is no result of the first


def test_a_second_plan_amount_is_not_the_result_of_the_first() -> None:
    text = (
        "Năm 2031 Công ty Hải Âu đặt mục tiêu đạt 7.000 tỷ đồng tổng doanh thu, kế hoạch lợi "
        "nhuận sau thuế ước tính đạt 1.500 tỷ đồng."
    )
    assert checked(text) == []


def test_a_result_written_after_its_plan_stays_paired() -> None:
    text = (
        "Năm 2031 Công ty Hải Âu đặt kế hoạch doanh thu 7.000 tỷ đồng, cả năm doanh thu ước "
        "đạt 7.200 tỷ đồng."
    )
    assert checked(text) == [(Decimal("7200000000000"), Decimal("7000000000000"), None, None)]
