"""Round 11 of the extraction rules (issue 17): the wrong claims and the misses of batch
``2026-12-04a``, each as a general rule of report wording, tested on invented text (never the
evaluation set's)."""

from __future__ import annotations

from decimal import Decimal

from reading import claims, find, money_claims

BILLION = Decimal(10) ** 9


def test_a_figure_reached_in_an_area_assigned_is_a_result() -> None:
    # "được giao" names the area, "đạt" the figure reached: no target to set a part against
    text = (
        "Tổng kim ngạch xuất nhập khẩu toàn địa bàn được giao đạt 12,3 tỷ USD, tăng 4,1% so "
        "với năm 2024; kim ngạch có thuế đạt 6,2 tỷ USD."
    )
    assert money_claims(text) == []
    [growth] = [s for s in find(text, money=True) if s.stated_kind == "growth"]
    assert growth.actual == Decimal("12.3") * BILLION


def test_a_plan_assigned_then_reached_stays_a_target() -> None:
    text = "Tỉnh được giao kế hoạch đạt 150 tỷ đồng thu ngân sách; kết quả thu được 171 tỷ đồng."
    [s] = money_claims(text)
    assert (s.actual, s.target) == (171 * BILLION, 150 * BILLION)


def test_a_day_after_the_time_of_day_is_no_fraction() -> None:
    text = "Chiều 15/10, huyện Tân Phú tổng kết; lũy kế đến sáng 29/12 thu được gần 640 tỷ đồng."
    assert claims(text) == []
    assert claims("Năm 2025, huyện Tân Phú kết nạp 12/10 đảng viên.")[0].actual == 12


def test_a_plan_named_at_length_before_its_bracket_is_the_target() -> None:
    text = (
        "Năm 2025, số thu của Chi cục đạt 3.100 tỷ đồng, bằng 112,3% chỉ tiêu Pháp lệnh Thủ "
        "tướng Chính phủ giao (2.760 tỷ đồng)."
    )
    [s] = money_claims(text)
    assert (s.actual, s.target, s.verdict) == (3100 * BILLION, 2760 * BILLION, "consistent")


def test_a_planned_range_in_brackets_is_the_target_the_percentage_fits() -> None:
    text = (
        "Lượng khách quốc tế đạt 5,3 triệu lượt (tăng 10% so với cùng kỳ năm 2024), đạt 48,2% "
        "so với kế hoạch năm 2025 (11-12 triệu lượt khách)."
    )
    [s] = claims(text)
    million = Decimal(10) ** 6
    assert (s.actual, s.target, s.verdict) == (
        Decimal("5.3") * million,
        (11 * million, 12 * million),
        "consistent",
    )


def test_a_percentage_cut_from_a_range_s_low_end_is_flagged() -> None:
    # 31 / 47 = 65,96 %: written 65,9 % (cut, not rounded)
    text = "Khách nội địa đạt 31 triệu lượt, đạt 65,9% so với kế hoạch năm 2025 (47-50 triệu lượt)."
    [s] = claims(text)
    assert s.verdict == "truncated"


def test_a_range_the_percentage_does_not_fit_is_no_target_of_it() -> None:
    text = "Khách nội địa đạt 31 triệu lượt, đạt 70% so với kế hoạch năm 2025 (47-50 triệu lượt)."
    [s] = claims(text)
    assert (s.target, s.verdict) == (None, "unchecked")


def test_a_plan_of_the_province_before_a_result_naming_no_unit_is_its_target() -> None:
    text = (
        "Giám đốc Sở Tài chính tỉnh Hòa Bình cho biết, tổng kế hoạch vốn đầu tư công năm 2025 "
        "của tỉnh là 5.400 tỷ đồng. Đến cuối tháng 4 đã giải ngân đạt hơn 864 tỷ đồng, đạt "
        "16,01% kế hoạch."
    )
    [s] = money_claims(text)
    assert (s.actual, s.target) == (864 * BILLION, 5400 * BILLION)


def test_a_plan_of_another_unit_named_between_is_not_linked() -> None:
    text = (
        "Tổng kế hoạch vốn đầu tư công năm 2025 của tỉnh Hòa Bình là 5.400 tỷ đồng. Tỉnh Sơn "
        "La được giao 4.000 tỷ đồng. Đến cuối tháng 4 đã giải ngân đạt 864 tỷ đồng, đạt 16% kế "
        "hoạch."
    )
    assert [s.target for s in money_claims(text)] == [None]


FOREST = (
    "Theo kế hoạch năm 2025, toàn tỉnh Tân An trồng mới tập trung 12.400ha rừng sản xuất; 2,5 "
    "triệu cây phân tán. Đến nay, các chỉ tiêu này đều đạt và vượt kế hoạch đề ra, trong đó "
    "diện tích trồng rừng tập trung đạt 13.020ha, đạt 105% kế hoạch và 3 triệu cây phân tán, "
    "đạt {trees} kế hoạch."
)


def test_a_list_of_plans_is_the_target_of_the_results_in_its_order() -> None:
    # the plan's area is glued to its unit (12.400ha); the second plan is the list's next
    # item after a semicolon; "đạt 105% kế hoạch và 3 triệu cây" is no plan of 3 triệu
    text = FOREST.format(trees="120%")
    got = [(s.actual, s.target, s.verdict) for s in claims(text)]
    assert got == [
        (13020, 12400, "consistent"),
        (3 * 10**6, Decimal("2.5") * 10**6, "consistent"),
    ]


def test_a_result_after_a_semicolon_is_no_item_of_the_plans_before() -> None:
    # 100ha done is no plan: the 100 % is of the 120ha plan, which it does not fit
    text = (
        "Theo kế hoạch năm 2025, xã Tân Lộc trồng mới 120ha rừng; 100ha đã trồng xong. Đến "
        "nay diện tích trồng rừng đạt 100ha, đạt 100% kế hoạch."
    )
    assert [s.target for s in claims(text)] == [None]


def test_the_worth_of_projects_is_the_result_of_an_investment_goal() -> None:
    text = (
        "Về thu hút đầu tư, 5 dự án mới trị giá 41,2 triệu USD đã được cấp phép, đạt 12,4% "
        "mục tiêu năm."
    )
    [s] = money_claims(text)
    assert (s.actual, s.stated) == (Decimal("41.2") * 10**6, "12,4%")
    # the worth of other things counted stays aside (round 6: the count is the result)
    [house] = claims(
        "Năm 2024, xây dựng 15 nhà tình nghĩa trị giá 750 triệu đồng, đạt 150% kế hoạch."
    )
    assert house.actual == 15


BUDGET_AND_GOAL = (
    "Trong đó, thu từ hoạt động xuất nhập khẩu lũy kế 5 tháng đầu năm 2025 là hơn 9.100 tỷ "
    "đồng, thu nội địa là hơn 21.400 tỷ đồng (đạt 61,4% dự toán Trung ương và HĐND tỉnh "
    "giao).\n\nTheo kế hoạch, thu ngân sách trên địa bàn tỉnh Hòa Bình năm 2025 là hơn 48.300 "
    "tỷ đồng, trong đó, thu nội địa là 34.850 tỷ đồng, thu từ hoạt động xuất nhập khẩu là "
    "12.000 tỷ đồng. Tuy nhiên, tỉnh Hòa Bình đề ra mục tiêu phấn đấu tổng thu ngân sách năm "
    "2025 đạt hơn 52.000 tỷ đồng gồm thu nội địa 38.000 tỷ đồng, thu từ hoạt động xuất nhập "
    "khẩu 13.000 tỷ đồng."
)


def test_a_percentage_of_the_budget_takes_the_budget_s_part_not_the_goal_s() -> None:
    # 21.400 / 38.000 = 56,3 %, not 61,4 %: the goal's part is no plan of the budget's
    # percentage; the budget's own part, stated after the result in a paragraph of the
    # province (the result names no unit), fits it
    [s] = [s for s in money_claims(BUDGET_AND_GOAL) if s.stated == "61,4%"]
    assert (s.actual, s.target) == (21400 * BILLION, 34850 * BILLION)


def test_a_goal_s_part_the_budget_percentage_does_not_fit_is_refused() -> None:
    text = BUDGET_AND_GOAL.replace("thu nội địa là 34.850 tỷ đồng, ", "")
    [s] = [s for s in money_claims(text) if s.stated == "61,4%"]
    assert s.target is None


def test_a_second_percentage_of_a_plan_joined_by_and_is_an_attainment() -> None:
    text = (
        "Tổng thu ngân sách nhà nước đạt khoảng 41.200 tỷ đồng, đạt tỷ lệ 81% dự toán Thủ tướng "
        "Chính phủ giao và 77% dự toán Hội đồng nhân dân tỉnh giao."
    )
    got = [(s.actual, s.stated, s.stated_kind) for s in money_claims(text)]
    assert got == [
        (41200 * BILLION, "81%", "attainment"),
        (41200 * BILLION, "77%", "attainment"),
    ]


def test_a_percentage_after_a_scenario_s_period_and_the_aim_it_fits() -> None:
    # the second percentage keeps its result past "kịch bản tăng trưởng 9 tháng đầu năm
    # 2025"; the aim after it ("phấn đấu <measure> đạt N") is its plan when it fits
    text = (
        "Doanh thu du lịch của tỉnh ước đạt 30.150 tỷ đồng (tăng 12,5% so với cùng kỳ năm "
        "2024), đạt 110,2% so với kịch bản tăng trưởng 9 tháng đầu năm 2025 và đạt 80,4% so "
        "với kế hoạch năm 2025. Theo đó, đến hết năm 2025 phấn đấu doanh thu từ hoạt động du "
        "lịch đạt 37.500 tỷ đồng."
    )
    got = {(s.stated, s.target, s.verdict) for s in money_claims(text)}
    assert got == {("110,2%", None, "unchecked"), ("80,4%", 37500 * BILLION, "consistent")}


def test_an_amount_reached_after_an_aim_is_no_plan() -> None:
    text = (
        "Doanh thu du lịch của tỉnh ước đạt 30.000 tỷ đồng, đạt 80% so với kế hoạch năm. Với "
        "mục tiêu tăng trưởng nhanh, ngành du lịch đã thu đạt 37.500 tỷ đồng."
    )
    assert [s.target for s in money_claims(text)] == [None]


def test_a_spaced_dash_after_an_amount_opens_a_clause_of_its_own() -> None:
    text = (
        "Trong quý I năm 2025, thu ngân sách của tỉnh Bình An đạt kết quả tốt, với tổng thu cân "
        "đối đạt 2.150 tỷ đồng – tăng 31% so với cùng kỳ năm 2024. Kết quả này tương đương 35,2% "
        "dự toán Trung ương và 30,1% dự toán HĐND tỉnh giao. Riêng tiền sử dụng đất đóng góp "
        "640 tỷ đồng – đạt 28,4% kế hoạch HĐND tỉnh."
    )
    got = [(s.actual, s.stated) for s in money_claims(text)]
    assert got == [
        (2150 * BILLION, "35,2%"),
        (2150 * BILLION, "30,1%"),
        (640 * BILLION, "28,4%"),
    ]


def test_a_dash_between_years_or_numbers_stays_a_range() -> None:
    [s] = find("Nhiệm kỳ 2020 – 2025, huyện Tân Phú phấn đấu kết nạp từ 150 – 170 đảng viên.")
    assert s.target == (150, 170)


GROWTHS = (
    "Tổng lượng khách đến tỉnh trong quý I đạt 1.052.300 lượt khách, bằng 25% so với kế hoạch "
    "năm 2025 (4.200.000 lượt), tăng 40% so với lũy kế cùng kỳ năm 2024 (811.400 lượt). Tổng "
    "doanh thu đạt 4.120 tỷ đồng, bằng 20% so với kế hoạch năm (20.600 tỷ đồng), tăng 30% so "
    "với lũy kế cùng kỳ năm 2024 (3.170 tỷ đồng)."
)


def test_a_growth_is_checked_against_its_base_in_brackets() -> None:
    growths = {s.stated: s.verdict for s in find(GROWTHS) if s.stated_kind == "growth"}
    # 1.052.300 / 811.400 is 29,7 % more, not 40 %; 4.120 / 3.170 is 30,0 % more
    assert growths == {"40%": "inconsistent", "30%": "consistent"}


def test_a_growth_without_a_base_of_the_same_count_stays_unchecked() -> None:
    text = GROWTHS.replace("(811.400 lượt)", "(811.400 khách)").replace(
        "(3.170 tỷ đồng)", "(tăng 950 tỷ đồng)"
    )
    growths = {s.stated: s.verdict for s in find(text) if s.stated_kind == "growth"}
    # the bracket is no base; since round 115 an increase after the growth's period is read
    # as its change (950 on 4.120 − 950 = 3.170 is 29,97 %)
    assert growths == {"40%": "unchecked", "30%": "consistent"}


LEAD_AND_BODY = (
    "Trong 9 tháng đầu năm 2025, doanh thu từ hoạt động du lịch của tỉnh Bình An ước đạt "
    "30.150 tỷ đồng (tăng 12,5% so với cùng kỳ năm 2024). Đến hết năm 2025 phấn đấu doanh thu "
    "từ hoạt động du lịch của tỉnh đạt 37.500 tỷ đồng.\n"
    "Doanh thu từ hoạt động du lịch của tỉnh ước đạt 30.150 tỷ đồng, đạt 80,4% so với kế hoạch "
    "năm 2025."
)


def test_a_lead_s_result_is_set_against_the_aim_that_names_its_measure() -> None:
    # the lead (no percentage) and the body (80,4 %) are two statements, both against the
    # year's aim, whose measure ("doanh thu từ hoạt động du lịch") the result's words name
    got = sorted((s.stated or "", s.target) for s in money_claims(LEAD_AND_BODY))
    assert got == [("", 37500 * BILLION), ("80,4%", 37500 * BILLION)]


def test_an_aim_naming_another_measure_is_no_plan_of_a_result_without_percentage() -> None:
    text = LEAD_AND_BODY.replace(
        "phấn đấu doanh thu từ hoạt động du lịch của tỉnh đạt",
        "phấn đấu tổng thu ngân sách nhà nước của tỉnh đạt",
    )
    assert [s.stated for s in money_claims(text)] == ["80,4%"]


def test_a_growth_above_a_goal_rate_the_government_set_is_set_against_it() -> None:
    # "Chính phủ giao" after the goal's rate names who set it, no population of a rate
    text = (
        "Tổng sản phẩm trên địa bàn tỉnh (GRDP) 9 tháng đầu năm ước tăng 8,76% so với cùng kỳ "
        "năm 2024, cao hơn mục tiêu 8% Chính phủ giao."
    )
    [s] = claims(text)
    assert (s.actual, s.target) == (Decimal("8.76"), 8)
    # a population after a percentage is still read as one
    [rate] = find("Năm 2025, 98% chi bộ được giao nhiệm vụ đã hoàn thành.")
    assert (rate.stated, rate.stated_kind) == ("98%", "rate")


def test_a_plan_counting_the_same_thing_in_the_same_words_is_checked_when_it_disagrees() -> None:
    # 3 / 2,5 = 120 %, not 125 %: the plan names the same thing (triệu cây phân tán), so the
    # link stands on the words and the audit flags the percentage
    text = FOREST.format(trees="125%")
    got = [(s.actual, s.target, s.verdict) for s in claims(text)]
    assert got[1] == (3 * 10**6, Decimal("2.5") * 10**6, "inconsistent")


def test_a_plan_counting_another_thing_is_not_linked_when_it_disagrees() -> None:
    text = (
        "Theo kế hoạch năm 2025, xã Tân Lộc trồng mới 2,5 triệu cây keo. Đến nay, xã đã trồng "
        "3 triệu cây phân tán, đạt 125% kế hoạch."
    )
    [s] = claims(text)
    assert (s.target, s.verdict) == (None, "unchecked")


def test_a_growth_is_checked_against_the_increase_written_after_it() -> None:
    # 150 on a base of 60 is 250 %; 53 (written to the unit: 52,5 to 53,5) on a base of
    # about 65,4 gives 79,6-82,4 %, so 80 % holds (53 / 65,45 alone is 81 %); 300 on 110 is
    # 273 % (270-276 % within the digits), not 280 %
    text = (
        "Trong đó nổi bật là thu từ công tác phân loại hàng hóa đạt 210 tỉ đồng, tăng đến 250% "
        "(tăng 150 tỉ đồng); thu phạt đạt 118,45 tỉ đồng, tăng 80% (tương đương tăng 53 tỉ "
        "đồng). Thu từ kiểm tra sau thông quan đạt 410 tỉ đồng, tăng đến 280% (tăng 300 tỉ đồng)."
    )
    growths = {s.stated: s.verdict for s in find(text) if s.stated_kind == "growth"}
    assert growths == {"250%": "consistent", "80%": "consistent", "280%": "inconsistent"}


def test_a_qualified_increase_leaves_the_growth_unchecked() -> None:
    text = "Thu phạt đạt 118,45 tỉ đồng, tăng 90% (tương đương tăng gần 53 tỉ đồng)."
    [s] = [s for s in find(text) if s.stated_kind == "growth"]
    assert s.verdict == "unchecked"


def test_a_sector_two_sentences_after_the_growth_it_is_of_takes_its_scenario() -> None:
    text = (
        "Tăng trưởng GRDP 9 tháng ước đạt 7,1% (kịch bản tăng trưởng (KBTT): 7,6%). Trong đó: "
        "khu vực công nghiệp và xây dựng ước đạt 9,2% (KBTT: 10,1%); xây dựng ước đạt 6,4% "
        "(KBTT: 9,9%). Khu vực dịch vụ ước đạt 6,8% (KBTT: 7,5%)."
    )
    got = {(s.actual, s.target) for s in claims(text)}
    assert (Decimal("6.8"), Decimal("7.5")) in got


def test_a_rate_two_sentences_after_a_growth_without_its_list_is_not_a_growth() -> None:
    text = (
        "Tăng trưởng GRDP 9 tháng ước đạt 7,1% (KBTT: 7,6%). Năm nay, tỉnh tổ chức nhiều hội "
        "nghị xúc tiến. Khu vực dịch vụ ước đạt 6,8% (KBTT: 7,5%)."
    )
    got = {(s.actual, s.target) for s in claims(text)}
    assert (Decimal("6.8"), Decimal("7.5")) not in got


def test_the_result_written_again_in_brackets_is_no_base_of_its_growth() -> None:
    text = "Tổng thu đạt 5.600 tỷ đồng, tăng 12% so với cùng kỳ năm trước (đạt 5.600 tỷ đồng)."
    [s] = [s for s in find(text) if s.stated_kind == "growth"]
    assert s.verdict == "unchecked"


def test_a_planned_range_of_money_in_brackets_is_read_in_dong() -> None:
    for plan in ("(1.000-1.100 nghìn tỷ đồng)", "(từ 1.000 đến 1.100 nghìn tỷ đồng)"):
        text = (
            "Tổng thu từ khách du lịch ước đạt 520 nghìn tỷ đồng, đạt 52% so với kế hoạch năm "
            f"{plan}."
        )
        [s] = money_claims(text)
        assert (s.target, s.verdict) == ((1000 * 10**12, 1100 * 10**12), "consistent")


def test_a_plan_abbreviated_in_its_bracket_is_the_target() -> None:
    [s] = claims("Khách quốc tế đạt 5,3 triệu lượt, đạt 48,2% kế hoạch (KH: 11 triệu lượt).")
    assert s.target == 11 * 10**6
