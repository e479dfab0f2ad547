"""Round 22 of the extraction rules (issue 17): a percentage of a plan named in the clause
that opens its sentence, …, each as a general rule of report wording, tested on invented text
(never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

from kpitools.extract import audit_statements

MILLION = Decimal(10) ** 6
BILLION = Decimal(10) ** 9


def _checked(text: str) -> list[tuple[object, object, object, str | None]]:
    """(actual, target, stated percent, verdict) of every statement of ``text`` with both."""
    return [
        (s.actual, s.target, s.stated_percent, s.verdict)
        for s in find(text, money=True)
        if s.target is not None and s.actual is not None
    ]


# --------------------------------------------------------------------------- compared plans

_VISITORS = "Chín tháng qua, thành phố đón 12 triệu lượt du khách, tăng 8% so với cùng kỳ. "


def test_a_plan_opening_the_sentence_is_the_target_of_the_figure_named_back() -> None:
    text = _VISITORS + "So với mục tiêu đón 30 triệu lượt du khách năm nay, con số này mới đạt 40%."
    assert _checked(text) == [(12 * MILLION, 30 * MILLION, Decimal(40), "consistent")]


def test_a_percentage_the_compared_plan_does_not_give_is_flagged() -> None:
    text = _VISITORS + "So với mục tiêu đón 30 triệu lượt du khách năm nay, con số này mới đạt 45%."
    assert _checked(text) == [(12 * MILLION, 30 * MILLION, Decimal(45), "inconsistent")]
    found = find(text, money=True)
    audit = audit_statements(found).filter(stated="45%")
    assert audit["verdict"].to_list() == ["inconsistent"]


def test_two_figures_before_a_compared_plan_leave_it_unread() -> None:
    text = (
        "Chín tháng qua, thành phố đón 12 triệu lượt du khách, riêng quý III đón 5 triệu lượt. "
        "So với mục tiêu đón 30 triệu lượt du khách năm nay, con số này mới đạt 40%."
    )
    assert _checked(text) == []


def test_a_compared_plan_in_another_unit_word_is_not_the_target() -> None:
    text = (
        "Chín tháng qua, doanh thu du lịch đạt 12 nghìn tỷ đồng, tăng 8% so với cùng kỳ. "
        "So với mục tiêu đón 30 triệu lượt du khách năm nay, con số này mới đạt 40%."
    )
    assert _checked(text) == []


_REGIONS = (
    "Tám tháng qua, thành phố đón 9 triệu lượt du khách, tăng 8% so với cùng kỳ. Trong đó, "
    "khách đường bộ đạt 5 triệu lượt, khách đường không đạt 4 triệu lượt.\n"
)


def test_a_compared_plan_takes_the_one_result_its_percentage_fits() -> None:
    text = _REGIONS + (
        "So với mục tiêu đón 20 triệu lượt du khách năm nay, 8 tháng qua lượng du khách mới "
        "đạt 45%."
    )
    assert _checked(text) == [(9 * MILLION, 20 * MILLION, Decimal(45), "consistent")]


def test_a_compared_range_takes_the_result_its_percentage_fits_at_either_end() -> None:
    text = _REGIONS + (
        "So với mục tiêu đón 19-20 triệu lượt du khách năm nay, 8 tháng qua lượng du khách mới "
        "đạt gần 47%."
    )
    found = [s for s in find(text, money=True) if s.stated_percent == Decimal(47)]
    assert [(s.actual, s.target, s.verdict) for s in found] == [
        (9 * MILLION, (19 * MILLION, 20 * MILLION), "unchecked")
    ]


def test_a_compared_plan_no_result_fits_is_left_unread() -> None:
    text = _REGIONS + (
        "So với mục tiêu đón 20 triệu lượt du khách năm nay, 8 tháng qua lượng du khách mới "
        "đạt 60%."
    )
    assert _checked(text) == []


# --------------------------------------------------------------------------- measures named back

_HALF_YEAR = (
    "Sáu tháng đầu năm, công ty đạt 3.000 tỷ đồng doanh thu thuần và 240 tỷ đồng lợi nhuận "
    "sau thuế, tăng lần lượt 10% và 12% so với cùng kỳ. "
)


def test_a_pronoun_names_the_amount_of_each_plan_s_measure() -> None:
    text = _HALF_YEAR + (
        "Với kết quả này, công ty đã hoàn thành 50% kế hoạch doanh thu và 60% kế hoạch lợi "
        "nhuận năm."
    )
    found = [
        (s.actual, s.stated_percent)
        for s in find(text, money=True)
        if s.stated_kind == "attainment"
    ]
    assert found == [(3000 * BILLION, Decimal(50)), (240 * BILLION, Decimal(60))]


def test_a_plan_of_a_measure_no_amount_is_named_beside_takes_none() -> None:
    text = _HALF_YEAR + "Với kết quả này, công ty đã hoàn thành 50% kế hoạch xuất khẩu."
    found = [s.actual for s in find(text, money=True) if s.stated_kind == "attainment"]
    assert found == [None]


# --------------------------------------------------------------------------- shares
_REVENUE = "Năm nay, huyện thu ngân sách đạt 4.000 tỷ đồng, bằng 110% dự toán. "


def _share_verdicts(text: str) -> list[tuple[object, object, str | None]]:
    """(part, whole, verdict) of every share of ``text``."""
    return [
        (s.actual, s.target, s.verdict) for s in find(text, money=True) if s.stated_kind == "share"
    ]


def test_a_share_with_its_part_before_it_is_checked_against_the_whole_before() -> None:
    text = _REVENUE + "Trong đó, thu nội địa đạt 3.000 tỷ đồng, tăng 9% và đóng góp 75% tổng thu."
    assert _share_verdicts(text) == [(3000 * BILLION, 4000 * BILLION, "consistent")]


def test_a_share_its_part_and_whole_do_not_give_is_flagged() -> None:
    text = _REVENUE + "Trong đó, thu nội địa đạt 3.000 tỷ đồng, tăng 9% và đóng góp 65% tổng thu."
    assert _share_verdicts(text) == [(3000 * BILLION, 4000 * BILLION, "inconsistent")]


def test_a_share_with_two_amounts_before_it_is_left_alone() -> None:
    text = _REVENUE + (
        "Trong đó, thu nội địa 3.000 tỷ đồng, thu từ đất 900 tỷ đồng, chiếm 97% tổng thu."
    )
    assert all(v != "inconsistent" for _, _, v in _share_verdicts(text))


def test_nearly_a_share_is_never_above_it() -> None:
    nearly = _REVENUE + "Trong đó, thu nội địa đạt 3.120 tỷ đồng và đóng góp gần 75% tổng thu."
    assert _share_verdicts(nearly) == [(3120 * BILLION, 4000 * BILLION, "inconsistent")]
    below = _REVENUE + "Trong đó, thu nội địa đạt 2.880 tỷ đồng và đóng góp gần 75% tổng thu."
    assert _share_verdicts(below) == [(2880 * BILLION, 4000 * BILLION, "consistent")]


def test_over_a_share_is_never_below_it() -> None:
    over = _REVENUE + "Trong đó, thu nội địa đạt 2.880 tỷ đồng, chiếm hơn 75% tổng thu."
    assert _share_verdicts(over) == [(2880 * BILLION, 4000 * BILLION, "inconsistent")]
    above = _REVENUE + "Trong đó, thu nội địa đạt 3.120 tỷ đồng, chiếm hơn 75% tổng thu."
    assert _share_verdicts(above) == [(3120 * BILLION, 4000 * BILLION, "consistent")]


# --------------------------------------------------------------------------- remainders

_QUARTER = (
    "Quý I, huyện thu ngân sách đạt 2.500 tỷ đồng, tăng 12% so với cùng kỳ. Trong đó, thu nội "
    "địa đạt 1.900 tỷ đồng. Năm nay huyện đặt mục tiêu thu ngân sách đạt 10.000 tỷ đồng. "
)


def _remainder_rows(text: str) -> list[tuple[object, object, str | None]]:
    """(actual, target, verdict) of each statement of ``text`` read from a remainder."""
    return [
        (s.actual, s.target, s.verdict)
        for s in find(text, money=True)
        if s.target is not None and "thêm" in s.text
    ]


def test_a_remainder_to_the_plan_sets_the_result_against_it() -> None:
    text = (
        _QUARTER
        + "Như vậy, ba quý còn lại huyện cần thu thêm 7.500 tỷ đồng để hoàn thành kế hoạch."
    )
    assert _remainder_rows(text) == [(2500 * BILLION, 10000 * BILLION, "consistent")]


def test_a_remainder_the_plan_and_result_do_not_give_is_flagged() -> None:
    text = (
        _QUARTER
        + "Như vậy, ba quý còn lại huyện cần thu thêm 6.500 tỷ đồng để hoàn thành kế hoạch."
    )
    assert _remainder_rows(text) == [(2500 * BILLION, 10000 * BILLION, "inconsistent")]
    audit = audit_statements(find(text, money=True)).filter(stated="6.500 tỷ đồng")
    assert audit["verdict"].to_list() == ["inconsistent"]


def test_an_amount_still_needed_for_no_plan_is_no_remainder() -> None:
    text = _QUARTER + "Huyện cần thu thêm 6.500 tỷ đồng để đầu tư hạ tầng giao thông."
    assert _remainder_rows(text) == []


def test_a_remainder_after_two_results_that_do_not_fit_is_left_alone() -> None:
    text = (
        "Quý I, huyện thu ngân sách đạt 2.500 tỷ đồng, tăng 12% so với cùng kỳ; chi ngân sách "
        "đạt 2.000 tỷ đồng, tăng 5% so với cùng kỳ. Năm nay huyện đặt mục tiêu thu ngân sách "
        "đạt 10.000 tỷ đồng. Như vậy, huyện cần thu thêm 6.500 tỷ đồng để hoàn thành kế hoạch."
    )
    assert _remainder_rows(text) == []
