"""Round 21 of the extraction rules (issue 17): a plan named back by a pronoun sets no amount,
a part's own rate is not the rate of the whole before it, …, each as a general rule of report
wording, tested on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import claimed_pairs as _pairs
from reading import find

BILLION = Decimal(10) ** 9
MILLION = Decimal(10) ** 6


def _pairs_all(text: str) -> list[tuple[object, object]]:
    """(actual, target) of every statement of ``text`` with both, money read."""
    return [(s.actual, s.target) for s in find(text, money=True) if s.target is not None]


# --------------------------------------------------------------------------- wrong claims

_LAST_YEAR = (
    "Năm 2024, tỉnh đón 3 triệu lượt khách quốc tế, bằng 100% kế hoạch năm. Năm 2025 tỉnh "
    "đặt mục tiêu đón 4 triệu lượt khách quốc tế. "
)


def test_a_plan_named_back_by_a_pronoun_sets_no_amount() -> None:
    text = _LAST_YEAR + (
        "Mục tiêu rất khó này khẳng định vị thế của tỉnh, đồng thời góp vào tổng số 12 triệu "
        "lượt khách quốc tế của cả nước trong năm 2024."
    )
    assert _pairs(text) == [(3 * MILLION, None)]


def test_a_plan_named_back_with_its_own_verb_sets_its_amount() -> None:
    text = (
        "Năm 2024, tỉnh đón 3 triệu lượt khách quốc tế, bằng 100% kế hoạch năm. Mục tiêu rất "
        "khó này là đạt 3 triệu lượt khách quốc tế."
    )
    assert _pairs(text) == [(3 * MILLION, 3 * MILLION)]


_DISBURSED = (
    "Đến hết tháng 12, toàn tỉnh giải ngân được trên 900 tỷ đồng, tương đương 75% kế hoạch. "
)


def test_a_part_opening_its_sentence_keeps_its_rate_to_itself() -> None:
    text = _DISBURSED + "Trong đó, vốn ngân sách tỉnh có tỷ lệ giải ngân đạt 97%."
    assert _pairs(text) == [(900 * BILLION, None)]


def test_a_rate_of_the_whole_after_it_refers_back_to_it() -> None:
    text = _DISBURSED + "Như vậy, tỷ lệ giải ngân đạt 75% kế hoạch."
    assert _pairs(text) == [(900 * BILLION, None), (900 * BILLION, None)]


# --------------------------------------------------------------------------- misses


def test_an_aim_of_a_named_year_set_beside_a_result_is_its_target() -> None:
    text = (
        "Sáu tháng đầu năm, xuất khẩu chè đạt 1,25 tỷ USD, gần chạm mục tiêu năm 2025 là 1,3 "
        "tỷ USD."
    )
    assert _pairs_all(text) == [(Decimal("1.25") * BILLION, Decimal("1.3") * BILLION)]


def test_the_capital_of_a_year_plan_is_no_target() -> None:
    text = (
        "Đến nay, vốn đầu tư công năm 2024 kéo dài đã giải ngân 120 tỷ đồng; giải ngân vốn "
        "kế hoạch năm 2025 là 500 tỷ đồng."
    )
    assert _pairs_all(text) == []


def _attained_all(text: str) -> list[tuple[object, object, object, object]]:
    """(actual, target, stated, verdict) of the attainments and excesses of ``text``."""
    return [
        (s.actual, s.target, s.stated, s.verdict)
        for s in find(text, money=True)
        if s.stated_kind in ("attainment", "excess")
    ]


_QUARTER = (
    "Quý I, công ty đạt doanh thu 260 tỷ đồng, tăng 12% so với cùng kỳ. Năm nay công ty đặt "
    "mục tiêu doanh thu 1.000 tỷ đồng. "
)


def test_a_bare_percentage_takes_the_result_and_plan_it_fits() -> None:
    text = _QUARTER + "Như vậy, công ty mới hoàn thành 26% kế hoạch năm."
    assert _attained_all(text) == [(260 * BILLION, 1000 * BILLION, "26%", "consistent")]


def test_a_bare_percentage_the_figures_do_not_give_stays_bare() -> None:
    text = _QUARTER + "Như vậy, công ty mới hoàn thành 31% kế hoạch năm."
    assert _attained_all(text) == [(None, None, "31%", "unchecked")]


def test_a_bare_percentage_two_pairs_fit_stays_bare() -> None:
    text = (
        "Quý I, công ty đạt doanh thu 260 tỷ đồng, tăng 12%. Quý II, công ty đạt doanh thu "
        "270 tỷ đồng, tăng 10%. Năm nay công ty đặt mục tiêu doanh thu 1.000 tỷ đồng và mục "
        "tiêu doanh thu mảng bán lẻ 1.040 tỷ đồng. Như vậy, công ty hoàn thành 26% kế hoạch."
    )
    assert _attained_all(text) == [(None, None, "26%", "unchecked")]


def test_a_plan_labelled_with_a_colon_sets_its_amounts() -> None:
    text = (
        "Quý I, doanh thu thuần đạt 260 tỷ đồng, lợi nhuận sau thuế 30 tỷ đồng.\n"
        "Kế hoạch 2025: 1.000 tỷ đồng doanh thu, 120 tỷ đồng lợi nhuận sau thuế.\n"
        "Hết quý I, công ty mới hoàn thành 26% doanh thu và 25% lợi nhuận kế hoạch."
    )
    assert _attained_all(text) == [
        (260 * BILLION, 1000 * BILLION, "26%", "consistent"),
        (30 * BILLION, 120 * BILLION, "25%", "consistent"),
    ]


def test_a_bare_percentage_of_a_plan_written_as_a_floor_is_left_unchecked() -> None:
    text = (
        "Chín tháng, tỉnh đón 5,1 triệu lượt khách, tăng 10% so với cùng kỳ. Năm nay, tỉnh đề "
        "ra chỉ tiêu đón trên 6 triệu lượt khách, đến nay đạt 85% mục tiêu năm."
    )
    assert _attained_all(text) == [(Decimal("5.1") * MILLION, 6 * MILLION, "85%", "unchecked")]


def test_a_headline_repeating_a_stated_percentage_is_not_linked() -> None:
    text = (
        "Thu ngân sách vượt chỉ tiêu 42,5%\nNăm 2025, xã thu ngân sách đạt 57 tỷ đồng, vượt "
        "42,5% so với chỉ tiêu (40 tỷ đồng)."
    )
    assert _attained_all(text) == [
        (None, None, "42,5%", "unchecked"),
        (57 * BILLION, 40 * BILLION, "42,5%", "consistent"),
    ]


def test_a_paragraph_opening_on_the_figures_just_stated_reads_the_one_before() -> None:
    text = (
        "Chín tháng, tỉnh đón 5,2 triệu lượt khách, tăng 10% so với cùng kỳ.\n\n{}. Năm nay, "
        "tỉnh đề ra chỉ tiêu đón 6,5 triệu lượt khách, đến nay đạt 80% mục tiêu năm."
    )
    assert _attained_all(text.format("Đây là những con số đáng ghi nhận của ngành")) == [
        (Decimal("5.2") * MILLION, Decimal("6.5") * MILLION, "80%", "consistent")
    ]
    assert _attained_all(text.format("Ngành đã tổ chức nhiều sự kiện")) == [
        (None, None, "80%", "unchecked")
    ]


def test_a_plan_of_one_kind_takes_the_result_of_its_kind() -> None:
    text = (
        "Năm 2025, lợi nhuận gộp đạt 600 tỷ đồng, lợi nhuận sau thuế 1.950 tỷ đồng. Công ty "
        "đặt mục tiêu lợi nhuận sau thuế 3.000 tỷ đồng, đến nay đã hoàn thành 65% kế hoạch năm."
    )
    assert _attained_all(text) == [(1950 * BILLION, 3000 * BILLION, "65%", "consistent")]


def test_the_amount_an_excess_rose_to_is_its_result() -> None:
    text = "Năm 2025, thu ngân sách của tỉnh vượt 12% dự toán, lên 1.120 tỷ đồng."
    [s] = [s for s in find(text, money=True) if s.stated_kind == "excess"]
    assert (s.actual, s.target, s.stated) == (1120 * BILLION, None, "12%")


def test_the_amount_a_growth_rose_to_is_no_result_against_a_plan() -> None:
    text = "Năm 2025, tổng thu ngân sách của tỉnh tăng 12% so với năm trước, lên 1.120 tỷ đồng."
    assert _attained_all(text) == []


_APPOSED = (
    "Năm 2025, tổng thu ngân sách trên địa bàn tỉnh ước đạt gần 1.400 tỷ đồng{} một con số "
    "cao nhất từ trước tới nay khi bằng 115% dự toán."
)


def test_an_apposition_after_an_amount_names_it_for_the_percentage() -> None:
    assert _attained_all(_APPOSED.format(",")) == [(1400 * BILLION, None, "115%", "unchecked")]


def test_an_apposition_after_another_figure_names_no_amount() -> None:
    assert _attained_all(_APPOSED.format(", tăng 8%;")) == [(None, None, "115%", "unchecked")]


_QUARTER_AND_NINE_MONTHS = (
    "Năm 2025, quý 3 công ty ghi nhận {} đạt 800 tỷ đồng, tăng 10% so với cùng kỳ.\n\nLũy kế "
    "9 tháng năm 2025, doanh thu thuần đạt 2.400 tỷ đồng, giảm 5% so với cùng kỳ và hoàn "
    "thành 80% so với kế hoạch (3.000 tỷ đồng)."
)


def test_a_quarter_of_the_measure_and_kind_of_a_bracketed_plan_is_set_against_it() -> None:
    assert _pairs_all(_QUARTER_AND_NINE_MONTHS.format("doanh thu thuần")) == [
        (800 * BILLION, 3000 * BILLION),
        (2400 * BILLION, 3000 * BILLION),
    ]


def test_a_quarter_of_another_kind_is_not_set_against_a_bracketed_plan() -> None:
    assert _pairs_all(_QUARTER_AND_NINE_MONTHS.format("doanh thu tài chính")) == [
        (2400 * BILLION, 3000 * BILLION)
    ]


def _set_against(text: str) -> list[tuple[object, object]]:
    """(actual, target) of the statements of ``text`` that pair both, money read."""
    return [
        (s.actual, s.target)
        for s in find(text, money=True)
        if s.actual is not None and s.target is not None
    ]


_THREE_MONTHS = (
    "Ba tháng đầu năm, công ty thu về doanh thu 2.000 tỷ đồng, lợi nhuận sau thuế 150 tỷ đồng."
)
_YEAR_PLAN = (
    " Kế hoạch năm nay của công ty là doanh thu 9.000 tỷ đồng và lợi nhuận sau thuế 700 tỷ đồng."
)


def test_amounts_of_a_quarter_are_set_against_the_year_plan_of_their_measure() -> None:
    text = _THREE_MONTHS + _YEAR_PLAN
    assert _set_against(text) == [(2000 * BILLION, 9000 * BILLION), (150 * BILLION, 700 * BILLION)]


def test_a_change_or_another_kind_of_a_quarter_is_not_set_against_the_year_plan() -> None:
    text = "Ba tháng đầu năm, doanh thu tăng 500 tỷ đồng, lợi nhuận trước thuế 150 tỷ đồng."
    text += _YEAR_PLAN
    assert _set_against(text) == []


def test_a_quarter_amount_repeated_by_a_caption_is_one_statement() -> None:
    text = "Công ty lãi sau thuế 150 tỷ đồng trong quý I\n" + _THREE_MONTHS + _YEAR_PLAN
    assert _set_against(text) == [(2000 * BILLION, 9000 * BILLION), (150 * BILLION, 700 * BILLION)]


_MET = (
    "Năm 2025, doanh thu thuần của công ty đạt {} tỷ đồng, tăng 6% so với năm 2024. Năm 2025, "
    "công ty đặt mục tiêu doanh thu 1.000 tỷ đồng. Như vậy, công ty đã hoàn thành vượt mức kế "
    "hoạch doanh thu."
)


def test_a_plan_said_met_sets_the_result_of_its_measure_against_it() -> None:
    assert _set_against(_MET.format("1.050")) == [(1050 * BILLION, 1000 * BILLION)]


def test_a_plan_said_met_by_a_result_below_it_pairs_nothing() -> None:
    assert _set_against(_MET.format("950")) == []


def test_a_quarter_amount_of_a_segment_is_not_set_against_the_company_plan() -> None:
    text = "Trong quý I, doanh thu từ mảng bán lẻ đạt 500 tỷ đồng." + _YEAR_PLAN
    assert _set_against(text) == []


_TWO_DISTRICTS = (
    "Năm 2025, huyện Đông Anh thu ngân sách 120 tỷ đồng, tăng 5%. Dự toán năm của huyện Đông "
    "Anh là 150 tỷ đồng. Huyện {} đạt 80% dự toán."
)


def test_a_bare_percentage_of_one_unit_takes_no_result_of_another() -> None:
    assert _attained_all(_TWO_DISTRICTS.format("Gia Lâm")) == [(None, None, "80%", "unchecked")]
    assert _attained_all(_TWO_DISTRICTS.format("Đông Anh")) == [
        (120 * BILLION, 150 * BILLION, "80%", "consistent")
    ]


_TWO_DISTRICT_PLANS = (
    "Quý I, huyện Đông Anh thu ngân sách đạt 50 tỷ đồng. Năm nay, huyện {} phấn đấu thu "
    "ngân sách 300 tỷ đồng."
)


def test_a_quarter_amount_of_one_unit_is_not_set_against_another_unit_plan() -> None:
    assert _set_against(_TWO_DISTRICT_PLANS.format("Gia Lâm")) == []
    assert _set_against(_TWO_DISTRICT_PLANS.format("Đông Anh")) == [(50 * BILLION, 300 * BILLION)]


def test_a_plan_said_met_across_a_chunk_of_the_reading_is_read_once() -> None:
    met = _MET.format("1.050")
    before = (1 << 16) - (met.index("hoàn thành") + 4)  # the words cut by the chunk's end
    filler = "Hội nghị diễn ra trong không khí phấn khởi.\n\n" * (before // 40 + 1)
    text = filler[: filler.rfind("\n\n", 0, before) + 2].ljust(before) + met
    assert _set_against(text) == [(1050 * BILLION, 1000 * BILLION)]


def _pairs_and_kinds(text: str) -> list[tuple[object, object, object]]:
    """(actual, target, stated kind) of the statements of ``text`` that pair both."""
    return [
        (s.actual, s.target, s.stated_kind)
        for s in find(text, money=True)
        if s.actual is not None and s.target is not None
    ]


def test_a_growth_read_with_a_target_also_states_the_pair() -> None:
    text = (
        "Xuất khẩu cà phê 7 tháng đầu năm đạt trên 3,2 tỷ USD, tăng 7%, nhưng muốn đạt mục "
        "tiêu 6-6,5 tỷ USD trong năm nay, ngành phải tăng tốc."
    )
    actual, goal = Decimal("3.2") * BILLION, (6 * BILLION, Decimal("6.5") * BILLION)
    assert _pairs_and_kinds(text) == [(actual, goal, "growth"), (actual, goal, None)]


def test_a_growth_beside_an_attainment_of_the_same_pair_adds_nothing() -> None:
    text = (
        "Năm nay xuất khẩu cà phê đạt 6,3 tỷ USD, bằng 105% so với kế hoạch (6 tỷ USD); tăng "
        "12% so với năm 2024."
    )
    assert _pairs_and_kinds(text) == [
        (Decimal("6.3") * BILLION, 6 * BILLION, "attainment"),
        (Decimal("6.3") * BILLION, 6 * BILLION, "growth"),
    ]
