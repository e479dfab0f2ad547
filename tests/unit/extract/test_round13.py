"""Round 13 of the extraction rules (issue 17): the wrong claims and the misses of batch
``2026-12-04c`` (companies' results against their shareholders' plans, among others), each as
a general rule of report wording, tested on invented text (never the evaluation set's
figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import attainments, claims, find

BILLION = Decimal(10) ** 9


# --------------------------------------------------------------------------- wrong claims


def test_a_year_plan_percentage_takes_the_cumulative_figure_after_the_quarter_s() -> None:
    text = (
        "Quý IV, công ty ghi nhận doanh thu thuần đạt 120 tỷ đồng, tăng 10% so với cùng kỳ. "
        "Lũy kế cả năm, công ty đạt doanh thu thuần 450 tỷ đồng và lợi nhuận sau thuế 36 tỷ "
        "đồng. Với kết quả này, công ty đã hoàn thành 90% kế hoạch doanh thu năm."
    )
    assert attainments(text) == [(450 * BILLION, None, "90%", "unchecked")]


def test_a_later_figure_named_after_its_amount_is_the_result() -> None:
    text = (
        "Quý IV, lợi nhuận sau thuế đạt 30 tỷ đồng (tăng 5% so với cùng kỳ). Cả năm, công ty "
        "thu về 400 tỷ đồng doanh thu thuần và 72 tỷ đồng lợi nhuận sau thuế. Như vậy, công ty "
        "đã hoàn thành 120% kế hoạch lợi nhuận cả năm."
    )
    assert attainments(text) == [(72 * BILLION, None, "120%", "unchecked")]


def test_the_quarter_s_figure_stays_the_result_when_no_later_one_is_written() -> None:
    text = (
        "Quý IV, công ty ghi nhận doanh thu thuần đạt 120 tỷ đồng, tăng 10% so với cùng kỳ và "
        "lợi nhuận sau thuế 9 tỷ đồng. Công ty đã hoàn thành 30% kế hoạch doanh thu năm."
    )
    assert attainments(text) == [(120 * BILLION, None, "30%", "unchecked")]


def test_two_later_figures_of_the_measure_leave_the_percentage_without_a_result() -> None:
    text = (
        "Quý IV, công ty ghi nhận doanh thu thuần đạt 120 tỷ đồng, tăng 10% so với cùng kỳ. "
        "Lũy kế 9 tháng, doanh thu đạt 330 tỷ đồng; cả năm, doanh thu đạt 450 tỷ đồng. Công "
        "ty đã hoàn thành 90% kế hoạch doanh thu năm."
    )
    assert [(a, st) for a, _, st, _ in attainments(text)] == [(None, "90%")]


def test_a_revenue_plan_is_no_target_of_the_profit_after_it() -> None:
    text = "Năm 2026, công ty phấn đấu tổng doanh thu đạt 800 tỷ đồng, đạt lợi nhuận 90 tỷ đồng."
    assert [s for s in find(text, money=True) if s.actual is not None] == []
    # one plan of one measure, then its result, still pair
    [s] = claims("Năm 2026, công ty đặt kế hoạch doanh thu 800 tỷ đồng, doanh thu đạt 820 tỷ đồng.")
    assert (s.actual, s.target) == (820 * BILLION, 800 * BILLION)


def test_a_disbursement_pairs_with_the_capital_planned_in_its_sentence() -> None:
    text = (
        "Năm 2026, huyện được giao vốn đầu tư công 900 tỷ đồng, đến hết tháng 2 giải ngân "
        "được 45 tỷ đồng (đạt 5%)."
    )
    assert attainments(text) == [(45 * BILLION, 900 * BILLION, "5%", "consistent")]


_TWO_PLANS = (
    "9 tháng năm 2025, công ty ghi nhận doanh thu thuần đạt 250 tỷ đồng, giảm 3% so với cùng "
    "kỳ và hơn thành 80% so với kế hoạch (312 tỷ đồng) và lợi nhuận sau thuế đạt 41 tỷ đồng, "
    "tăng 5% so với cùng kỳ, hoàn thành {p} kế hoạch năm (50 tỷ đồng)."
)


def test_the_plan_in_brackets_after_a_percentage_is_its_own_among_several() -> None:
    text = _TWO_PLANS.format(p="82,1%")
    got = [(a, t, st) for a, t, st, _ in attainments(f"{text}\n\n{text}")]
    assert got == [(41 * BILLION, 50 * BILLION, "82,1%")] * 2


def test_a_plan_in_brackets_elsewhere_is_not_taken_among_several() -> None:
    text = _TWO_PLANS.format(p="82,1%").replace(
        " (50 tỷ đồng).", ". Năm nay công ty đặt kế hoạch 50 tỷ đồng."
    )
    got = [(a, t, st) for a, t, st, _ in attainments(f"{text}\n\n{text}")]
    assert all(t is None for _, t, _ in got)


def test_a_base_fitting_only_the_second_of_two_percentages_is_that_one_s() -> None:
    text = (
        "Năm 2025, hải quan thu 500 tỷ đồng, đạt 125% chỉ tiêu được giao cả năm và đạt 80% "
        "(trong số 625 tỷ đồng theo chỉ tiêu bổ sung)."
    )
    assert attainments(text) == [
        (500 * BILLION, None, "125%", "unchecked"),
        (500 * BILLION, 625 * BILLION, "80%", "consistent"),
    ]


def test_a_cut_second_percentage_of_its_base_is_flagged_on_it() -> None:
    text = (
        "Năm 2025, hải quan thu 700 tỷ đồng, đạt 140% chỉ tiêu được giao cả năm và đạt 58% "
        "(trong số 1.190 tỷ đồng theo chỉ tiêu bổ sung)."
    )
    got = attainments(text)
    assert got[0][:3] == (700 * BILLION, None, "140%")
    assert got[1] == (700 * BILLION, 1190 * BILLION, "58%", "truncated")


def test_a_base_fitting_the_first_percentage_stays_the_result_s_whole() -> None:
    text = "Năm 2025, hải quan thu 500 tỷ đồng, đạt 80% và tăng 12% (trong số 625 tỷ đồng)."
    assert all(t != 625 * BILLION or st == "80%" for _, t, st, _ in attainments(text))


def test_a_disbursement_rate_with_its_fraction_in_brackets_is_an_attainment() -> None:
    text = "Năm 2025, tỷ lệ giải ngân đến ngày 30-10 là 40% (200/500 tỷ đồng)."
    assert attainments(text) == [(200, 500, "40%", "consistent")]
    # round 104: 199,5 tỷ (which rounds to 200) gives 41,07 %, so 41,17 % is no finding
    within = "Năm 2025, tỷ lệ giải ngân đến ngày 30-10 là 41,17% (200/485,7 tỷ đồng)."
    assert attainments(within) == [(200, Decimal("485.7"), "41,17%", "unchecked")]
    cut = "Năm 2025, tỷ lệ giải ngân đến ngày 30-10 là 41,17% (20.000/48.570 tỷ đồng)."
    assert attainments(cut) == [(20000, 48570, "41,17%", "truncated")]


def test_a_rate_of_people_with_its_fraction_in_brackets_stays_a_rate() -> None:
    text = "Năm 2025, huyện kết nạp 30 đảng viên, tỷ lệ đảng viên trẻ là 40% (12/30 người)."
    assert attainments(text) == []
    [s] = [s for s in find(text, money=True) if s.stated == "40%"]
    assert (s.actual, s.target, s.stated_kind) == (12, 30, "rate")


def _rate_pairs(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.target) for s in find(text, money=True) if s.measure == "%"]


def test_a_growth_whose_stated_margin_misses_the_scenario_is_not_set_against_it() -> None:
    text = (
        "Năm 2025, khu vực công nghiệp có giá trị tăng thêm 6,5% so cùng kỳ, cũng như thấp "
        "hơn 3,1% so với kịch bản tăng trưởng 9%, đóng góp 2 điểm phần trăm."
    )
    assert _rate_pairs(text) == []


def test_a_growth_whose_stated_margin_fits_the_scenario_is_set_against_it() -> None:
    text = (
        "Năm 2025, khu vực công nghiệp có giá trị tăng thêm 6,5% so cùng kỳ, thấp hơn 2,5% "
        "so với kịch bản tăng trưởng 9%."
    )
    assert _rate_pairs(text) == [(Decimal("6.5"), 9)]
    # another rate between (not a margin of the plan) leaves the pair as it was
    other = "Năm 2025, GRDP tăng 7,4% – cao hơn mức cả nước 7,1% và vượt kịch bản tăng trưởng 7,3%."
    assert _rate_pairs(other) == [(Decimal("7.4"), Decimal("7.3"))]


_YEAR_PLAN = (
    "Năm 2025, công ty ghi nhận doanh thu thuần đạt 520 tỷ đồng và lợi nhuận sau thuế 39 tỷ "
    "đồng. Như vậy, công ty đã vượt 4% kế hoạch doanh thu và vượt 30% mục tiêu lợi nhuận cả "
    "năm. Năm 2025, công ty đặt mục tiêu doanh thu đạt 500 tỷ{sep}lợi nhuận sau thuế 30 tỷ "
    "đồng."
)


def test_a_currency_written_once_after_two_amounts_is_both_s() -> None:
    got = sorted((a, t, st) for a, t, st, _ in attainments(_YEAR_PLAN.format(sep=" và ")))
    assert got == [(39 * BILLION, 30 * BILLION, "30%"), (520 * BILLION, 500 * BILLION, "4%")]


def test_an_amount_without_currency_far_from_the_next_does_not_take_it() -> None:
    text = _YEAR_PLAN.format(sep=". Còn ")
    got = sorted((a, t, st) for a, t, st, _ in attainments(text))
    assert (520 * BILLION, 500 * BILLION, "4%") not in got


def test_an_amount_of_another_measure_in_the_clause_is_not_the_plan_s_result() -> None:
    text = (
        "Năm 2025, công ty ghi nhận doanh thu thuần đạt 520 tỷ đồng và lãi trước thuế 39 tỷ "
        "đồng. Công ty đã thực hiện được 80% kế hoạch doanh thu và 60% kế hoạch lợi nhuận."
    )
    got = sorted((a, st) for a, _, st, _ in attainments(text))
    assert got == [(39 * BILLION, "60%"), (520 * BILLION, "80%")]


def test_two_amounts_and_two_attainments_said_respectively_pair_in_order() -> None:
    text = (
        "Năm 2025, doanh thu và lãi sau thuế của công ty đạt lần lượt 500 tỷ đồng và 40 tỷ "
        "đồng, lần lượt hoàn thành 80% và 50% kế hoạch năm."
    )
    got = [(a, st, k) for a, _, st, k in attainments(text)]
    assert got == [(500 * BILLION, "80%", "unchecked"), (40 * BILLION, "50%", "unchecked")]


def test_two_amounts_and_two_percentages_not_said_respectively_stay_apart() -> None:
    text = (
        "Năm 2025, doanh thu và lợi nhuận của công ty đạt 500 tỷ đồng và 40 tỷ đồng, hoàn "
        "thành 80% và 50% kế hoạch năm."
    )
    assert all(a is None for a, _, _, _ in attainments(text))


def test_a_plan_set_out_with_what_it_counts_is_a_target() -> None:
    text = (
        "Năm 2025, công ty đặt kế hoạch kinh doanh với tổng doanh thu 500 tỷ đồng, tăng 27% so "
        "với năm 2024."
    )
    [s] = find(text, money=True)
    assert (s.actual, s.target) == (None, 500 * BILLION)
    # a result said after a plan was set, with no "với" naming what the plan counts
    result = (
        "Năm 2025, sau khi đặt kế hoạch, công ty đạt tổng doanh thu 520 tỷ đồng, tăng 10% so "
        "với năm 2024."
    )
    [r] = find(result, money=True)
    assert (r.actual, r.target) == (520 * BILLION, None)


def test_a_result_named_by_the_measure_after_it_is_not_another_measure_s() -> None:
    text = (
        "Quý III, công ty ghi nhận 120 tỷ đồng doanh thu và 9 tỷ đồng lợi nhuận sau thuế, "
        "tương ứng tăng 7% và 3%. Lũy kế 9 tháng, công ty đạt doanh thu 360 tỷ đồng, tăng 5%. "
        "Như vậy, công ty đã hoàn thành 60% kế hoạch doanh thu."
    )
    assert [(a, st) for a, _, st, _ in attainments(text)] == [(360 * BILLION, "60%")]
    # with no figure of the measure but the one the clause names, none is taken
    alone = (
        "Quý III, công ty ghi nhận 120 tỷ đồng doanh thu và 9 tỷ đồng lợi nhuận sau thuế, "
        "tương ứng tăng 7% và 3%. Công ty đã hoàn thành 30% kế hoạch lợi nhuận."
    )
    assert all(a != 120 * BILLION for a, _, _, _ in attainments(alone))


def test_percentages_completed_of_measures_take_their_results_and_plans() -> None:
    text = (
        "Năm 2025, công ty đặt kế hoạch kinh doanh 500 tỷ đồng doanh thu và 40 tỷ đồng lợi "
        "nhuận sau thuế. Lũy kế 9 tháng, công ty đạt doanh thu 300 tỷ đồng, tăng 5% và lợi "
        "nhuận sau thuế là 28 tỷ đồng, tăng 6%. Với kết quả trên, công ty đã hoàn thành tương "
        "ứng 60% doanh thu và 70% lợi nhuận sau thuế sau 9 tháng."
    )
    assert attainments(text) == [
        (300 * BILLION, 500 * BILLION, "60%", "consistent"),
        (28 * BILLION, 40 * BILLION, "70%", "consistent"),
    ]


def test_shares_of_a_measure_contributed_are_no_attainments() -> None:
    text = (
        "Năm 2025, công ty đạt doanh thu 300 tỷ đồng, tăng 5%. Nhóm thép đóng góp 60% doanh "
        "thu và 70% lợi nhuận sau thuế."
    )
    assert attainments(text) == []


_BACK = (
    "Lũy kế 9 tháng, công ty đạt doanh thu thuần 300 tỷ đồng và lợi nhuận sau thuế đạt 28 tỷ "
    "đồng, tương đương tăng trưởng lần lượt 12% và 6% so với cùng kỳ.\n\n"
    "{lead}công ty đã hoàn thành 75% kế hoạch doanh thu và vượt 5% mục tiêu lợi nhuận trước "
    "thuế đề ra."
)


def test_a_paragraph_referring_back_takes_its_result_from_the_paragraph_before() -> None:
    got = attainments(_BACK.format(lead="Với kết quả có được, "))
    assert [(a, st) for a, _, st, _ in got] == [(300 * BILLION, "75%"), (None, "5%")]


def test_a_paragraph_not_referring_back_takes_no_result_from_the_one_before() -> None:
    got = attainments(_BACK.format(lead="Năm nay, "))
    assert all(a is None for a, _, _, _ in got)


def test_a_fraction_of_amounts_each_with_its_unit_is_a_result_and_its_plan() -> None:
    text = (
        "Năm 2025, tổng thu ngân sách 6 tháng đầu năm là 300 tỷ đồng, đạt 60% (300 tỷ "
        "đồng/500 tỷ đồng) so với dự toán Trung ương giao, đạt 50% (300 tỷ đồng/600 tỷ đồng) so "
        "với dự toán HĐND giao."
    )
    assert attainments(text) == [
        (300 * BILLION, 500 * BILLION, "60%", "consistent"),
        (300 * BILLION, 600 * BILLION, "50%", "consistent"),
    ]


def test_amounts_of_two_scales_across_a_slash_are_no_fraction() -> None:
    text = "Năm 2025, thu ngân sách đạt 300 tỷ đồng/500 triệu đồng, đạt 60% dự toán."
    assert all(t is None for _, t, _, _ in attainments(text))


def test_budget_items_set_out_with_la_are_targets_not_results() -> None:
    text = (
        "Năm 2025, tổng dự toán thu là 6.700 tỷ đồng. Trong đó, dự toán thu dầu thô là 400 tỷ "
        "đồng; dự toán thu xuất nhập khẩu là 1.600 tỷ đồng và dự toán thu ngân sách nhà nước "
        "nội địa là 4.700 tỷ đồng."
    )
    got = find(text, money=True)
    assert got and all(s.actual is None for s in got)
    # a result after the plan word keeps its verb
    done = "Năm 2025, kế hoạch thu là 500 tỷ đồng; kết quả thu được là 520 tỷ đồng."
    assert [(s.actual, s.target) for s in claims(done, money=True)] == [
        (520 * BILLION, 500 * BILLION)
    ]


def test_an_amount_a_plan_is_higher_by_is_no_result() -> None:
    text = (
        "Năm 2025, sau khi điều chỉnh, kế hoạch vốn cập nhật của tỉnh là 1.200 tỷ đồng, cao hơn "
        "150 tỷ đồng so với mức được giao đầu năm."
    )
    assert claims(text, money=True) == []
