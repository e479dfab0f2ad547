"""Round 42 of the extraction rules (issue 17), each tested on invented text (never the
evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import checked, find

from kpitools.extract import audit_statements


def _sum_checks(text: str) -> list[tuple[str, str]]:
    """(check, verdict) of the audit's checks of parts against their whole, money read."""
    audit = audit_statements(find(text, money=True))
    return [(c, v) for c, v in audit.select("check", "verdict").rows() if c in ("part", "sum")]


# ------------------- a plan named in two words is the percentage's, no plan of a later part


def test_a_part_after_a_percent_of_a_two_word_plan_is_no_plan_of_a_later_result() -> None:
    text = (
        "Năm 2030, phường tiêm cho 940 người cao tuổi, đạt 104% mục tiêu kế hoạch thành phố "
        "giao, trong đó có 212 người cao tuổi sống một mình. Từ đầu năm đến nay, phường tiêm "
        "cho 530 người cao tuổi, đạt 55% kế hoạch thành phố giao."
    )
    assert [(s.actual, s.target) for s in find(text) if s.stated == "55%"] == [
        (Decimal("530"), None)
    ]
    assert not [s for s in find(text) if s.verdict == "inconsistent"]


def test_a_plan_named_in_two_words_in_its_own_sentence_is_still_linked() -> None:
    text = (
        "Chỉ tiêu kế hoạch năm 2030 của phường là tiêm cho 1.000 người cao tuổi. Đến nay, "
        "phường tiêm cho 530 người cao tuổi, đạt 53% kế hoạch."
    )
    assert checked(text) == [(Decimal("530"), Decimal("1000"), Decimal("53"), "consistent")]


# -------------------- a count's change with its percent in brackets is no result of its own


def test_a_change_with_its_percent_in_brackets_leaves_the_total_as_the_result() -> None:
    text = (
        "Hết quý III, chi hội có 2.460 hội viên, so với cùng kỳ năm trước (2.200 hội viên) "
        "tăng 260 (12%), so với kế hoạch năm (3.000 hội viên) đạt 82%."
    )
    assert checked(text) == [(Decimal("2460"), Decimal("3000"), Decimal("82"), "consistent")]


def test_a_change_without_a_bracketed_percent_is_read_as_before() -> None:
    text = (
        "Năm 2030, xã kết nạp 40 hội viên mới, đạt 80% chỉ tiêu; tăng 12 hội viên so với năm trước."
    )
    assert [(s.actual, s.stated) for s in find(text) if s.stated_kind == "attainment"] == [
        (Decimal("40"), "80%")
    ]


def test_a_bracketed_percent_after_a_money_change_is_no_attainment() -> None:
    text = (
        "Quỹ của hội đạt 830 triệu đồng, tăng 50 triệu đồng (6%), so với kế hoạch năm (1.000 "
        "triệu đồng) đạt 83%."
    )
    assert checked(text) == [
        (Decimal("830000000"), Decimal("1000000000"), Decimal("83"), "consistent")
    ]


# ------------------------------------ a figure compared with, in brackets, is no result


def test_a_base_in_brackets_after_the_period_compared_takes_no_excess() -> None:
    text = (
        "Số đoàn viên là 1.250 người so với cùng kỳ năm 2029 (1.100 người), đạt 125% chỉ "
        "tiêu (1.000 người)."
    )
    assert checked(text) == [(Decimal("1250"), Decimal("1000"), Decimal("125"), "consistent")]


def test_a_bracket_after_other_words_is_still_a_result() -> None:
    text = "Số đoàn viên mới của xã (1.250 người) đạt 125% chỉ tiêu."
    assert [(s.actual, s.stated) for s in find(text) if s.stated_kind == "attainment"] == [
        (Decimal("1250"), "125%")
    ]


# ---------------------------- a plan that assigns the work sets its amount as a plan


def test_a_plan_assigning_the_work_is_linked_to_a_later_percent_of_it() -> None:
    text = (
        "Năm 2031, kế hoạch huyện giao thực hiện nạo vét kênh mương của xã là 40 km. Đến nay, "
        "xã đã nạo vét được 46 km kênh mương, đạt 115% kế hoạch."
    )
    assert checked(text) == [(Decimal("46"), Decimal("40"), Decimal("115"), "consistent")]


def test_work_done_after_a_plan_word_is_still_a_result_not_a_plan() -> None:
    text = (
        "Năm 2031, theo kế hoạch, xã thực hiện nạo vét kênh mương 40 km. Đến nay, xã đã nạo "
        "vét được 46 km kênh mương, đạt 115% kế hoạch."
    )
    assert checked(text) == []


# ---------------------------------- workers counted with or without the word for persons


def test_workers_written_with_the_person_word_take_the_plan_of_workers() -> None:
    text = (
        "Kế hoạch năm 2031 đưa 600 lao động đi làm việc ở nước ngoài. Sáu tháng đầu năm, "
        "huyện đã đưa 330 người lao động đi làm việc ở nước ngoài, đạt 55% kế hoạch."
    )
    assert checked(text) == [(Decimal("330"), Decimal("600"), Decimal("55"), "consistent")]


def test_persons_of_no_named_kind_take_no_plan_of_workers() -> None:
    text = (
        "Kế hoạch năm 2031 đưa 600 lao động đi làm việc ở nước ngoài. Sáu tháng đầu năm, "
        "huyện đã đưa 330 người đi làm việc ở nước ngoài, đạt 55% kế hoạch."
    )
    assert checked(text) == []


# -------------------------- a rate and its excess in points are no attainment of the count


def test_a_rate_and_its_excess_in_points_claim_nothing_of_the_count() -> None:
    text = "Năm 2030, xã kết nạp 9 đoàn viên, đạt 2,4%, vượt 0,4% so với chỉ tiêu."
    assert [s for s in find(text) if s.stated_kind in ("attainment", "excess")] == []


def test_an_excess_after_an_attainment_over_the_whole_plan_is_kept() -> None:
    text = "Năm 2030, xã kết nạp 28 đoàn viên, đạt 112%, vượt 12% so với chỉ tiêu."
    assert [(s.actual, s.stated_kind) for s in find(text) if s.stated] == [
        (Decimal("28"), "attainment"),
        (Decimal("28"), "excess"),
    ]


# ------------------------ a percentage after bare parts listed in the sentence is the whole's


def test_a_percent_after_bare_listed_parts_is_the_wholes() -> None:
    text = "Chi đoàn kết nạp 64 đoàn viên, trong đó có 20 nữ và 9 người dân tộc, đạt 128% chỉ tiêu."
    assert [(s.actual, s.stated, s.verdict) for s in find(text) if s.stated] == [
        (Decimal("64"), "128%", "unchecked")
    ]


def test_a_percent_after_a_part_with_a_verb_of_its_own_is_not_moved_to_the_whole() -> None:
    text = "Xã tổ chức 46 buổi, trong đó tổ chức trực tuyến được 12 buổi, đạt 115% kế hoạch."
    assert [s.actual for s in find(text) if s.stated == "115%"] == [None]


# --------------------------------------------- workers counted as persons against a target


def test_workers_take_a_target_written_in_persons() -> None:
    text = (
        "Năm 2029, huyện giải quyết việc làm cho 2.460 lao động (bằng 123% chỉ tiêu 2.000 người)."
    )
    assert checked(text) == [(Decimal("2460"), Decimal("2000"), Decimal("123"), "consistent")]


def test_members_take_no_target_written_in_persons() -> None:
    text = "Năm 2029, chi hội kết nạp 46 hội viên (bằng 115% chỉ tiêu 40 người)."
    assert [s for s in checked(text) if s[1] == Decimal("40") and s[0] == Decimal("46")] == []


# ----------------------------------------- two targets written as a pair, one for each figure


def test_a_pair_after_respective_targets_is_no_result_against_a_target() -> None:
    text = (
        "Năm 2029, huyện tạo việc làm cho 960 lao động, trong đó 85 người đi làm việc ở nước "
        "ngoài (kế hoạch lần lượt là 900/80 người)."
    )
    assert checked(text) == []


def test_a_pair_after_a_result_verb_is_still_a_result_against_its_target() -> None:
    text = "Năm 2029, xã kết nạp 45/40 đảng viên, đạt 112,5%."
    assert checked(text) == [(Decimal("45"), Decimal("40"), Decimal("112.5"), "consistent")]


# ------------------------------- a plan read with its giver as unit, the giver named again


def test_a_plan_named_by_its_giver_is_linked_to_the_percent_naming_that_giver() -> None:
    text = (
        "Năm 2029, trung tâm được giao kế hoạch thu 600 tỷ đồng; huyện Hòa Lâm giao mục tiêu "
        "800 tỷ đồng. Đến hết tháng 10, trung tâm thu được 480 tỷ đồng, bằng 80% kế hoạch "
        "được giao và 60% mục tiêu huyện Hòa Lâm giao."
    )
    pairs = [(a, t, p) for a, t, p, _ in checked(text)]
    assert (Decimal("480000000000"), Decimal("800000000000"), Decimal("60")) in pairs


def test_a_plan_of_another_unit_is_not_linked_when_its_giver_is_not_named() -> None:
    text = (
        "Năm 2029, trung tâm được giao kế hoạch thu 600 tỷ đồng; huyện Hòa Lâm giao mục tiêu "
        "800 tỷ đồng. Đến hết tháng 10, trung tâm thu được 480 tỷ đồng, bằng 80% kế hoạch "
        "được giao và 60% mục tiêu."
    )
    pairs = [(a, t) for a, t, _, _ in checked(text)]
    assert (Decimal("480000000000"), Decimal("800000000000")) not in pairs


# ----------------------------------- a second figure joined to a target by "và" is a target


def test_a_figure_joined_to_a_target_by_and_is_no_result_of_it() -> None:
    text = (
        "Năm 2029, xã được giao tuyển chọn 30 đoàn viên lên đường thực hiện nhiệm vụ tình "
        "nguyện và 6 đoàn viên vào đội xung kích."
    )
    assert checked(text) == []


def test_a_result_after_its_target_in_another_clause_is_still_paired() -> None:
    text = "Kế hoạch năm 2029 kết nạp 150 đảng viên, kết quả đã kết nạp được 171 đảng viên."
    assert [(a, t) for a, t, _, _ in checked(text)] == [(Decimal("171"), Decimal("150"))]


# ------------------------- a month's count beside the year's target counting the same thing


def test_a_months_count_of_the_same_thing_is_set_beside_the_years_target() -> None:
    text = (
        "Trong tháng 3 năm 2029, huyện đã đào tạo nghề cho 410 lao động. Kế hoạch năm 2029, "
        "chỉ tiêu của huyện là đào tạo nghề cho 5.000 lao động."
    )
    assert [(a, t) for a, t, _, _ in checked(text)] == [(Decimal("410"), Decimal("5000"))]


def test_a_months_count_of_another_thing_is_not_set_beside_the_target() -> None:
    text = (
        "Trong tháng 3 năm 2029, huyện đã hỗ trợ vay vốn cho 410 lao động. Kế hoạch năm 2029, "
        "chỉ tiêu của huyện là đào tạo nghề cho 5.000 lao động."
    )
    assert checked(text) == []


# --------------------- a whole and the parts it consists of that do not add up are audited


def test_parts_a_whole_consists_of_that_miss_its_sum_are_audited() -> None:
    text = (
        "Năm 2029, câu lạc bộ có tổng số 730 người (gồm 210 người ở tổ một, 480 người ở tổ "
        "hai và 30 người ở tổ ba)."
    )
    assert _sum_checks(text) == [("sum", "inconsistent")]


def test_parts_written_without_their_noun_are_not_summed() -> None:
    text = (
        "Năm 2029, xã có thêm 5 câu lạc bộ, gồm bóng bàn, cầu lông (2) và cờ tướng (1). Tổng "
        "cộng xã có 40 câu lạc bộ."
    )
    assert _sum_checks(text) == []


# ---------------------------------- a result, a slash and the plan's amount, then a percent


def test_a_result_slash_plan_amount_takes_the_percent_after_them() -> None:
    text = "Đến ngày 15/3/2029, huyện đã giải ngân 120 tỷ đồng/KH vốn năm 900 tỷ đồng, đạt 13,3%."
    assert checked(text) == [
        (Decimal("120000000000"), Decimal("900000000000"), Decimal("13.3"), "consistent")
    ]


def test_a_slashed_plan_the_percent_does_not_fit_is_not_linked() -> None:
    text = "Đến ngày 15/3/2029, huyện đã giải ngân 120 tỷ đồng/KH vốn năm 900 tỷ đồng, đạt 30%."
    assert checked(text) == []


# ----------------------------------------------- a level's digit after a noun is no result


def test_a_level_digit_after_a_noun_is_no_result() -> None:
    text = "Đến nay, phường có 1.300 hồ sơ dịch vụ công mức 4, đạt 65% kế hoạch."
    assert [(s.actual, s.stated) for s in find(text) if s.stated] == [(Decimal("1300"), "65%")]


def test_an_amount_after_a_verb_and_the_level_word_is_still_a_result() -> None:
    text = "Năm 2029, lợi nhuận của hợp tác xã ở mức 2 tỷ đồng, đạt 80% kế hoạch."
    assert [(s.actual, s.stated) for s in find(text, money=True) if s.stated] == [
        (Decimal("2000000000"), "80%")
    ]


# ---------------------------------- members admitted counted as comrades, never as money


def test_members_admitted_counted_as_comrades_take_the_members_target() -> None:
    text = (
        "Năm 2029, Đảng bộ phường Tân Lập phấn đấu kết nạp 9 đảng viên; đến tháng 10 đã kết "
        "nạp được 12 đồng chí."
    )
    assert [(a, t) for a, t, _, _ in checked(text)] == [(Decimal("12"), Decimal("9"))]


def test_comrades_take_no_target_of_another_kind_and_money_stays_money() -> None:
    text = (
        "Năm 2029, chi hội phấn đấu kết nạp 9 hội viên; đến tháng 10 đã kết nạp được 12 đồng chí."
    )
    assert checked(text) == []
    [s] = find("Năm 2029, xã thu được 12 triệu đồng, đạt 80% kế hoạch.", money=True)
    assert (s.actual, s.measure) == (Decimal("12000000"), "triệu đồng")


# ------------------------------ two amounts, then the plan named and their two percentages


def test_respective_percents_after_the_plan_named_go_to_the_amounts_in_order() -> None:
    text = (
        "Hợp tác xã có doanh số và lãi gộp lần lượt là 900 tỷ đồng và 120 tỷ đồng, so với dự "
        "toán năm bằng 104,5% và 98,2%."
    )
    assert [(s.actual, s.stated) for s in find(text, money=True) if s.stated] == [
        (Decimal("900000000000"), "104,5%"),
        (Decimal("120000000000"), "98,2%"),
    ]


def test_respective_percents_with_no_plan_named_are_not_attainments() -> None:
    text = (
        "Hợp tác xã có doanh số và lãi gộp lần lượt là 900 tỷ đồng và 120 tỷ đồng, bằng "
        "104,5% và 98,2%."
    )
    assert [s for s in find(text, money=True) if s.stated_kind == "attainment"] == []
