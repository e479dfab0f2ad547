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
    text = "Năm 2024, hội vận động quỹ được 12.500.000đ/10.000.000đ, đạt 125% kế hoạch."
    assert checked(text) == [(12_500_000, 10_000_000, 125, "consistent")]


def test_two_amounts_in_different_currencies_are_no_pair() -> None:
    text = "Năm 2024, hội vận động quỹ được 12.500.000đ/10.000 USD, đạt 125% kế hoạch."
    assert checked(text) == []


# ------------------------------- the amount after the plan beaten may be the excess


def test_an_amount_after_the_plan_beaten_that_the_attainment_denies_is_the_excess() -> None:
    text = (
        "Quỹ khuyến học của xã vận động được 540.000.000 đồng, đạt 135%, vượt kế hoạch đề ra "
        "là 140.000.000 đồng."
    )
    assert checked(text) == [(540_000_000, 400_000_000, 135, "consistent")]


def test_an_amount_after_the_plan_beaten_that_the_attainment_gives_is_the_plan() -> None:
    text = (
        "Quỹ khuyến học của xã vận động được 540.000.000 đồng, đạt 135%, vượt kế hoạch đề ra "
        "là 400.000.000 đồng."
    )
    assert checked(text) == [(540_000_000, 400_000_000, 135, "consistent")]


# ------------------------------- a plan exceeded by one item, a percentage of another


def test_a_percentage_under_100_of_another_subject_after_a_plan_exceeded_is_no_alarm() -> None:
    text = "Diện tích chè và cà phê đều vượt kế hoạch, diện tích tiêu đạt 93% kế hoạch."
    assert all(s.verdict != "inconsistent" for s in find(text, money=True))


def test_a_percentage_under_100_of_the_same_result_after_a_plan_exceeded_is_flagged() -> None:
    text = "Năm nay thu ngân sách của huyện đạt 500 tỷ đồng, vượt kế hoạch năm, đạt 93%."
    assert [s.verdict for s in find(text, money=True)] == ["inconsistent"]


# ------------------------------- an increment that brings a total is no target of the total


def test_a_total_brought_by_an_increment_is_no_result_against_it() -> None:
    text = (
        "Huyện phấn đấu thu thêm 120 tỷ đồng trong quý IV, nâng số thu của năm đạt khoảng "
        "2.400 tỷ đồng."
    )
    assert checked(text) == []


def test_a_figure_after_a_target_with_no_increment_is_still_its_result() -> None:
    text = "Huyện phấn đấu thu 120 tỷ đồng trong quý IV, nâng số thu đạt 130 tỷ đồng."
    assert checked(text) == [(130_000_000_000, 120_000_000_000, None, None)]


# ------------------------------- a plan set against another measure is not linked again


_INVESTMENT = (
    "Trong 6 tháng đầu năm 2024, tổng vốn đầu tư trên địa bàn đạt khoảng 20.500 tỷ đồng, "
    "tăng 8,2% so với cùng kỳ năm 2023.\n\n"
)


def test_a_year_plan_a_percentage_gives_to_another_measure_is_not_linked() -> None:
    text = _INVESTMENT + (
        "Vốn đầu tư của khu vực tư nhân tính đến ngày 25/6/2024 đạt trên 4.120 tỷ đồng, bằng "
        "16,2% kế hoạch năm (25.400 tỷ đồng)."
    )
    assert [(a, t) for a, t, _, _ in checked(text)] == [(4_120_000_000_000, 25_400_000_000_000)]


def test_a_year_plan_of_the_same_measure_with_no_percentage_is_still_linked() -> None:
    text = _INVESTMENT + (
        "Năm 2024, tỉnh đặt mục tiêu tổng vốn đầu tư trên địa bàn đạt 45.000 tỷ đồng."
    )
    assert [(a, t) for a, t, _, _ in checked(text)] == [(20_500_000_000_000, 45_000_000_000_000)]


# ------------------------------- a plan in brackets named by its verb, the percentage off


def test_a_bracketed_plan_named_by_its_verb_is_joined_and_a_near_miss_flagged() -> None:
    text = (
        "Chín tháng năm 2024, vốn FDI thu hút vào tỉnh đạt 1,18 tỷ USD, đạt 44% kế hoạch cả "
        "năm (thu hút 2,8 tỷ USD)."
    )
    # 44 %, not 41 %: since round 74 the amounts' rounding is allowed (1,18 of 2,85 is 41,4 %)
    assert checked(text) == [(1_180_000_000, 2_800_000_000, 44, "inconsistent")]


def test_a_bracketed_plan_far_from_what_the_percentage_implies_stays_apart() -> None:
    text = (
        "Chín tháng năm 2024, vốn FDI thu hút vào tỉnh đạt 1,18 tỷ USD, đạt 35% kế hoạch cả "
        "năm (thu hút 2,8 tỷ USD)."
    )
    assert checked(text) == []


# ------------------------------- bodies founded written short, money raised for a fund


def _attained_pairs(text: str) -> list[tuple[object, str | None]]:
    return [(s.actual, s.stated) for s in find(text, money=True) if s.stated_kind == "attainment"]


def test_grassroots_unions_written_short_and_founded_take_a_bare_attainment() -> None:
    text = "Năm 2024, công đoàn huyện thành lập được 24 CĐ cơ sở, đạt 120%."
    assert _attained_pairs(text) == [(24, "120%")]


def test_grassroots_unions_written_short_and_only_counted_take_none() -> None:
    assert _attained_pairs("Năm 2024, toàn huyện có 24 CĐ cơ sở, đạt 120%.") == []


def test_money_raised_for_a_named_fund_takes_a_bare_attainment() -> None:
    text = "Năm 2024, hội đã vận động quỹ khuyến học được 35.400.000 đồng, đạt 118%."
    assert _attained_pairs(text) == [(35_400_000, "118%")]


def test_money_raised_with_no_fund_named_takes_a_bare_attainment_too() -> None:
    # unread until round 141 (test_round141.py): a bare đạt X% ending its clause after a sum
    text = "Năm 2024, hội đã vận động được 35.400.000 đồng, đạt 118%."
    assert _attained_pairs(text) == [(35_400_000, "118%")]


# ------------------------------- a capital plan named by what it is for


def test_a_capital_plan_named_by_what_it_is_for_is_the_plan_of_the_next_clause() -> None:
    text = (
        "Kế hoạch vốn thực hiện ba dự án giao thông năm 2024 là 400 tỷ đồng; đến cuối tháng 5 "
        "đã giải ngân 30 tỷ đồng, bằng 7,5% kế hoạch vốn năm."
    )
    assert checked(text) == [(30_000_000_000, 400_000_000_000, Decimal("7.5"), "consistent")]


def test_a_capital_plan_said_already_carried_out_is_no_plan() -> None:
    text = (
        "Phần kế hoạch vốn đã thực hiện ba dự án giao thông năm 2024 là 400 tỷ đồng; đến cuối "
        "tháng 5 đã giải ngân 30 tỷ đồng, bằng 7,5% kế hoạch vốn năm."
    )
    assert checked(text) == []


# ------------------------------- a plan named by the government that gave it


_GIVEN = (
    "Hết tháng 6 năm 2024, tỉnh giải ngân được 1.150 tỷ đồng vốn đầu tư công, đạt 36% kế "
    "hoạch Thủ tướng Chính phủ giao.\n\nNăm 2024, Thủ tướng Chính phủ giao {} tỷ đồng vốn "
    "đầu tư công cho tỉnh."
)


def test_a_plan_named_by_the_government_takes_the_amount_it_gave() -> None:
    assert checked(_GIVEN.format("3.200")) == [
        (1_150_000_000_000, 3_200_000_000_000, 36, "consistent")
    ]


def test_an_amount_the_government_gave_that_the_percentage_denies_is_not_taken() -> None:
    assert checked(_GIVEN.format("4.200")) == []


# ------------------------------- a rise with the rise planned for it in brackets


def _rate_pairs(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.target) for s in find(text, money=True) if s.support == "target_only"]


def test_a_rise_with_its_planned_rise_in_brackets_is_read_against_it() -> None:
    text = "Năm 2023, doanh thu dịch vụ lưu trú tăng 12,4% so với năm 2022 (kế hoạch 10%)."
    assert _rate_pairs(text) == [(Decimal("12.4"), 10)]


def test_a_rise_with_a_planned_range_after_words_that_it_beat_the_plan() -> None:
    text = (
        "Năm 2023, kim ngạch xuất khẩu tăng 8,2% so với cùng kỳ, cao hơn kế hoạch năm (kế "
        "hoạch tăng 7-7,5%)."
    )
    assert _rate_pairs(text) == [(Decimal("8.2"), (7, Decimal("7.5")))]


def test_a_rise_with_last_years_rise_in_brackets_is_no_pair() -> None:
    text = "Năm 2023, doanh thu dịch vụ lưu trú tăng 12,4% so với năm 2022 (năm 2022 tăng 10%)."
    assert _rate_pairs(text) == []


# ------------------------------- a rate named as the speed of a rise, its plan in brackets


def test_the_speed_of_a_rise_named_before_an_abbreviation_takes_its_bracketed_plan() -> None:
    text = (
        "Năm 2023, tốc độ tăng doanh thu bán lẻ trên địa bàn (TMBL) ước đạt 9,3% (kế hoạch là 9%)."
    )
    assert _rate_pairs(text) == [(Decimal("9.3"), 9)]


def test_the_speed_of_a_rise_with_last_years_rate_in_brackets_takes_no_plan() -> None:
    text = (
        "Năm 2023, tốc độ tăng doanh thu bán lẻ trên địa bàn (TMBL) ước đạt 9,3% (năm 2022 là 9%)."
    )
    assert _rate_pairs(text) == []
