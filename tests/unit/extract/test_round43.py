"""Round 43 of the extraction rules (issue 17), each tested on invented text (never the
evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import checked, find

# ------------------------------- a target of members written with no verb is of admissions


def test_a_target_of_members_assigned_with_no_verb_is_one_of_admissions() -> None:
    text = (
        "Chỉ tiêu năm 2031 giao cho xã Vân Khê là 25 đảng viên. Đến hết quý III, Đảng bộ "
        "xã Vân Khê đã kết nạp 15 đảng viên, đạt 60% kế hoạch năm."
    )
    assert checked(text) == [(Decimal("15"), Decimal("25"), Decimal("60"), "consistent")]
    assert {s.metric for s in find(text)} == {"admissions"}


def test_a_target_of_the_members_a_unit_has_stays_no_target_of_admissions() -> None:
    text = (
        "Mục tiêu đến năm 2031, Đảng bộ xã Vân Khê có tổng số 900 đảng viên. Năm 2031, xã "
        "Vân Khê kết nạp 15 đảng viên, đạt 60% kế hoạch năm."
    )
    assert checked(text) == []
    assert [s.metric for s in find(text) if s.target is not None] == []


# ----------------------- a unit written as a bare noun of its level after its named unit


def test_a_bare_level_noun_takes_the_one_unit_of_that_level_named_before() -> None:
    text = (
        "Đảng ủy phường Kim Đường giao chỉ tiêu kết nạp 50 đảng viên trong năm 2031. Đến "
        "ngày 30/9/2031, phường đã kết nạp 35 đảng viên, đạt 70% chỉ tiêu."
    )
    [s] = [s for s in find(text) if s.actual is not None]
    assert s.unit == "Đảng ủy phường Kim Đường"
    assert (s.actual, s.target, s.verdict) == (Decimal("35"), Decimal("50"), "consistent")


def test_a_bare_level_noun_after_two_units_of_that_level_is_left_without_a_unit() -> None:
    text = (
        "Phường Kim Đường và phường Ngọc Khê được giao kết nạp 50 đảng viên trong năm 2031. "
        "Đến ngày 30/9/2031, phường đã kết nạp 35 đảng viên."
    )
    assert [s.unit for s in find(text) if s.actual is not None] == [None]


# ----------------------------- a whole term's target is no target of one year's result


def test_a_term_target_in_the_sentence_before_is_not_paired_with_one_years_result() -> None:
    text = (
        "Nhiệm kỳ 2030-2035, Đảng bộ xã Vân Khê phấn đấu kết nạp 260 đảng viên. Năm 2032, "
        "Đảng bộ xã Vân Khê kết nạp 57 đảng viên, đạt 114% chỉ tiêu năm."
    )
    assert checked(text) == []
    assert not [s for s in find(text) if s.verdict == "inconsistent"]


def test_a_yearly_target_in_the_sentence_before_is_still_paired() -> None:
    text = (
        "Nhiệm kỳ 2030-2035, Đảng bộ xã Vân Khê phấn đấu mỗi năm kết nạp 50 đảng viên. Năm "
        "2032, Đảng bộ xã Vân Khê kết nạp 57 đảng viên, đạt 114% chỉ tiêu năm."
    )
    assert checked(text) == [(Decimal("57"), Decimal("50"), Decimal("114"), "consistent")]


# --------------------- two unit names ending in the same word are no series of labels


def test_fractions_after_names_ending_in_the_same_word_are_each_read() -> None:
    text = (
        "Năm 2032, một số đảng bộ kết nạp vượt chỉ tiêu: xã Yên Sơn 19/16, phường Tây "
        "Giang 24/21, xã Hòa Giang 11/9."
    )
    assert [(s.unit, s.actual, s.target) for s in find(text)] == [
        ("xã Yên Sơn", Decimal("19"), Decimal("16")),
        ("phường Tây Giang", Decimal("24"), Decimal("21")),
        ("xã Hòa Giang", Decimal("11"), Decimal("9")),
    ]


def test_numbers_after_one_capitalised_label_word_stay_names() -> None:
    text = "Năm 2032, khu đô thị có các lô đất Lô 14, Lô 15/16 và Lô 17 đã giao cho nhà đầu tư."
    assert [s for s in find(text) if s.actual is not None and s.target is not None] == []


# ------------------------------------ members admitted counted as comrades are admissions


def test_comrades_admitted_against_a_target_of_comrades_are_admissions() -> None:
    text = (
        "Chỉ tiêu phát triển đảng viên năm 2032 của Đảng bộ xã Yên Sơn là 30 đồng chí. Đến "
        "nay, xã đã kết nạp 33 đồng chí, đạt 110% chỉ tiêu."
    )
    assert checked(text) == [(Decimal("33"), Decimal("30"), Decimal("110"), "consistent")]
    assert {s.metric for s in find(text)} == {"admissions"}


def test_comrades_proposed_for_admission_are_no_admissions() -> None:
    text = "Năm 2032, chi bộ đề nghị kết nạp 4 đồng chí, giới thiệu 6 đồng chí học lớp cảm tình."
    assert [s.metric for s in find(text) if s.metric == "admissions"] == []


# ------------------------------------------- a founding verb ends a unit written before it


def test_a_unit_written_before_a_founding_verb_ends_before_it() -> None:
    text = (
        "Năm 2032, Đảng ủy Khối Cơ quan tỉnh thành lập mới 6 tổ chức cơ sở đảng trong doanh "
        "nghiệp ngoài nhà nước, đạt 120% chỉ tiêu (5 tổ chức cơ sở đảng)."
    )
    assert [(s.unit, s.actual, s.target) for s in find(text)] == [
        ("Đảng ủy Khối Cơ quan tỉnh", Decimal("6"), Decimal("5"))
    ]


def test_a_unit_whose_name_holds_a_city_word_keeps_it() -> None:
    text = "Năm 2032, Đảng bộ Công an thành phố kết nạp 24 đảng viên, đạt 120% chỉ tiêu."
    assert [s.unit for s in find(text)] == ["Đảng bộ Công an thành phố"]


# ---------------------------------------------- a name's numeral before an adverb is no result


def test_the_numeral_of_a_name_before_an_adverb_is_no_result() -> None:
    text = "Năm 2032, nhà máy Sông Lam 2 đã đạt 104% kế hoạch sản lượng điện."
    assert [s.actual for s in find(text) if s.actual is not None] == []


def test_counts_after_unit_names_in_a_list_are_still_read() -> None:
    text = "Năm 2032, huyện giao chỉ tiêu kết nạp đảng viên: xã Yên Sơn 12, xã Hòa Giang 9."
    assert [(s.unit, s.target) for s in find(text)] == [
        ("xã Yên Sơn", Decimal("12")),
        ("xã Hòa Giang", Decimal("9")),
    ]


# ------------------------- a later clause's words are no context of a figure's metric


def test_a_parts_qualifier_in_a_later_clause_leaves_the_whole_as_all_admissions() -> None:
    text = (
        "Năm 2032, Đảng ủy xã được giao chỉ tiêu kết nạp 40 đảng viên. Đến ngày 20/12/2032, "
        "Đảng bộ xã đã kết nạp 46 đảng viên, đạt 115% chỉ tiêu, trong đó 5 đảng viên là công "
        "nhân trong doanh nghiệp ngoài nhà nước."
    )
    [whole] = [s for s in find(text) if s.stated == "115%"]
    assert whole.metric == "admissions"
    assert (whole.actual, whole.target, whole.verdict) == (
        Decimal("46"),
        Decimal("40"),
        "consistent",
    )


def test_a_qualifier_in_the_figures_own_clause_still_names_the_metric() -> None:
    text = "Năm 2032, xã kết nạp 7 đảng viên trong doanh nghiệp ngoài nhà nước, đạt 140% chỉ tiêu."
    assert [s.metric for s in find(text)] == ["admissions_nonstate"]


# ------------------------------------ who assigned a target in the passive is not its unit


def test_the_committee_that_assigned_a_target_in_the_passive_is_not_its_unit() -> None:
    text = "Năm 2032, Đảng ủy phường được Thành ủy giao chỉ tiêu kết nạp 40 đảng viên."
    assert [(s.unit, s.target) for s in find(text)] == [(None, Decimal("40"))]


def test_a_unit_named_before_an_active_assigning_verb_is_kept() -> None:
    text = "Năm 2032, Đảng bộ xã Yên Sơn được giao chỉ tiêu kết nạp 40 đảng viên."
    assert [(s.unit, s.target) for s in find(text)] == [("Đảng bộ xã Yên Sơn", Decimal("40"))]


# ------------------------------------------ a part's bare share is checked against its whole


def _shares_checked(text: str) -> list[tuple[object, object]]:
    return [(s.stated, s.verdict) for s in find(text) if s.stated_kind == "share"]


def test_a_parts_bare_share_that_its_whole_does_not_give_is_flagged() -> None:
    text = "Năm 2032, xã kết nạp 40 đảng viên, trong đó 26 đảng viên là đoàn viên, chiếm 75%."
    assert _shares_checked(text) == [("75%", "inconsistent")]


def test_a_parts_share_that_fits_or_names_another_whole_is_not_flagged() -> None:
    fits = "Năm 2032, xã kết nạp 40 đảng viên, trong đó 26 đảng viên là đoàn viên, chiếm 65%."
    assert _shares_checked(fits) == [("65%", "consistent")]
    other = (
        "Năm 2032, xã kết nạp 40 đảng viên, trong đó 26 đảng viên là đoàn viên, chiếm 75% "
        "số đoàn viên ưu tú được giới thiệu."
    )
    assert [v for _, v in _shares_checked(other)] != ["inconsistent"]


# -------------------------------- the number a thing is named by after "số" is no figure


def test_the_number_of_a_named_cell_is_no_figure_and_stays_in_its_name() -> None:
    text = (
        "Năm 2032, các chi bộ kết nạp 19 đảng viên; trong đó, Chi bộ Tổ dân phố số 7 kết nạp "
        "3 đảng viên."
    )
    assert [(s.unit, s.actual) for s in find(text)] == [
        (None, Decimal("19")),
        ("Chi bộ Tổ dân phố số 7", Decimal("3")),
    ]


def test_a_count_after_a_total_word_and_so_is_still_read() -> None:
    text = "Năm 2032, xã kết nạp tổng số 19 đảng viên, đạt 95% chỉ tiêu."
    assert [(s.actual, s.stated) for s in find(text)] == [(Decimal("19"), "95%")]


# ------------------------------- a result written after the attainment of its plan is its own


def test_a_count_after_the_plan_an_opening_attainment_names_is_its_result() -> None:
    text = (
        "Năm 2032, công tác phát triển đảng viên của xã đạt 115% chỉ tiêu với 23 đảng viên "
        "được kết nạp."
    )
    assert [(s.actual, s.stated, s.stated_kind) for s in find(text)] == [
        (Decimal("23"), "115%", "attainment")
    ]


def test_plans_counted_after_an_opening_attainment_are_no_result() -> None:
    text = "Năm 2032, xã hoàn thành 100% kế hoạch với 14 chỉ tiêu đạt và vượt."
    assert [s.actual for s in find(text) if s.actual is not None] == []


# ----------------------------------------- a unit's name before a colon heads its list item


def test_each_bulleted_item_takes_the_unit_named_before_its_colon() -> None:
    text = (
        "Kết quả kết nạp đảng viên năm 2032 của một số đảng bộ:\n"
        "- Đảng bộ xã Yên Sơn: kết nạp 21 đảng viên, đạt 105% chỉ tiêu;\n"
        "- Đảng bộ phường Tây Giang: kết nạp 18 đảng viên, đạt 90% chỉ tiêu."
    )
    assert [(s.unit, s.actual) for s in find(text)] == [
        ("Đảng bộ xã Yên Sơn", Decimal("21")),
        ("Đảng bộ phường Tây Giang", Decimal("18")),
    ]


def test_a_heading_before_a_colon_that_names_no_unit_gives_none() -> None:
    text = "Kết quả cụ thể năm 2032: kết nạp 21 đảng viên, đạt 105% chỉ tiêu."
    assert [s.unit for s in find(text)] == [None]


# ------------------------------------ aims listed after a target word and a colon are targets


def test_aims_listed_after_a_target_word_and_a_colon_are_targets() -> None:
    text = "Chỉ tiêu năm 2034: kết nạp 27 đảng viên; thành lập mới 2 chi bộ."
    assert [(s.actual, s.target) for s in find(text)] == [(None, Decimal("27"))]
    strive = "Năm 2034, xã phấn đấu: kết nạp 27 đảng viên; thành lập mới 2 chi bộ."
    assert [(s.actual, s.target) for s in find(strive)] == [(None, Decimal("27"))]


def test_a_result_after_striving_against_hardship_stays_a_result() -> None:
    text = "Năm 2034, xã phấn đấu vượt khó, kết nạp 27 đảng viên."
    assert [(s.actual, s.target) for s in find(text)] == [(Decimal("27"), None)]


# ------------------------ a count said with an amount of money leaves it the plan's percentage


def test_a_plans_percentage_after_clients_said_with_the_amount_is_the_amounts() -> None:
    text = "Năm 2032, quỹ tín dụng cho vay 88,4 tỷ đồng với 310 khách hàng, đạt 52% kế hoạch."
    assert [(s.actual, s.stated) for s in find(text, money=True) if s.stated] == [
        (Decimal("88400000000"), "52%")
    ]


def test_a_plans_percentage_after_two_counts_joined_by_with_stays_the_second_ones() -> None:
    text = "Năm 2032, xã có 12 hợp tác xã với khoảng 800 thành viên, đạt 104% kế hoạch."
    assert [s.actual for s in find(text, money=True) if s.stated] == [Decimal("800")]
