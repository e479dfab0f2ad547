"""Round 22 of the extraction rules (issue 17): a plan compared in the clause that opens a
sentence, a share checked against the whole before it, a remainder to a plan, a pronoun before
percentages of plans named by their measures — each as a general rule of report wording,
tested on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import checked, find

from kpitools.extract import audit_statements

MILLION = Decimal(10) ** 6
BILLION = Decimal(10) ** 9


# --------------------------------------------------------------------------- compared plans

_VISITORS = "Thành phố đã thu hút 12 triệu lượt du khách trong 9 tháng, tăng 8% so với cùng kỳ. "


def test_a_plan_opening_the_sentence_is_the_target_of_the_figure_named_back() -> None:
    text = (
        _VISITORS
        + "So với kế hoạch thu hút 30 triệu lượt du khách cả năm, kết quả trên tương đương 40%."
    )
    assert checked(text) == [(12 * MILLION, 30 * MILLION, Decimal(40), "consistent")]


def test_a_percentage_the_compared_plan_does_not_give_is_flagged() -> None:
    text = (
        _VISITORS
        + "So với kế hoạch thu hút 30 triệu lượt du khách cả năm, kết quả trên tương đương 45%."
    )
    assert checked(text) == [(12 * MILLION, 30 * MILLION, Decimal(45), "inconsistent")]
    found = find(text, money=True)
    audit = audit_statements(found).filter(stated="45%")
    assert audit["verdict"].to_list() == ["inconsistent"]


def test_two_figures_before_a_compared_plan_leave_it_unread() -> None:
    text = (
        "Thành phố đã thu hút 12 triệu lượt du khách trong 9 tháng, riêng quý III 5 triệu lượt. "
        "So với kế hoạch thu hút 30 triệu lượt du khách cả năm, kết quả trên tương đương 40%."
    )
    assert checked(text) == []


def test_a_compared_plan_in_another_unit_word_is_not_the_target() -> None:
    text = (
        "Thành phố thu 12 nghìn tỷ đồng từ du lịch trong 9 tháng, tăng 8% so với cùng kỳ. "
        "So với kế hoạch thu hút 30 triệu lượt du khách cả năm, kết quả trên tương đương 40%."
    )
    assert checked(text) == []


def test_a_compared_plan_written_with_thousands_is_read() -> None:
    text = (
        "Năm nay tỉnh thu ngân sách 12.000 tỷ đồng, tăng 8%. So với kế hoạch thu ngân sách "
        "30.000 tỷ đồng cả năm, con số này bằng 45%."
    )
    assert checked(text) == [(12000 * BILLION, 30000 * BILLION, Decimal(45), "inconsistent")]


def test_a_figure_of_another_measure_is_not_named_back_for_a_compared_plan() -> None:
    text = (
        "Năm nay tỉnh thu 12.000 tỷ đồng doanh thu du lịch, tăng 8%. So với kế hoạch thu ngân "
        "sách 30.000 tỷ đồng cả năm, con số này bằng 45%."
    )
    assert checked(text) == []


_REGIONS = (
    "Tám tháng qua, thành phố đón 9 triệu lượt du khách, tăng 8% so với cùng kỳ. Trong đó, "
    "khách đường bộ đạt 5 triệu lượt, khách đường không đạt 4 triệu lượt.\n"
)


def test_a_compared_plan_takes_the_one_result_its_percentage_fits() -> None:
    text = _REGIONS + (
        "So với chỉ tiêu 20 triệu lượt du khách giao cho ngành, sau 8 tháng ngành du lịch "
        "thành phố đã hoàn thành 45%."
    )
    assert checked(text) == [(9 * MILLION, 20 * MILLION, Decimal(45), "consistent")]


def test_a_compared_range_takes_the_result_its_percentage_fits_at_either_end() -> None:
    text = _REGIONS + (
        "So với chỉ tiêu 19-20 triệu lượt du khách giao cho ngành, sau 8 tháng ngành du lịch "
        "thành phố đã hoàn thành gần 47%."
    )
    found = [s for s in find(text, money=True) if s.stated_percent == Decimal(47)]
    assert [(s.actual, s.target, s.verdict) for s in found] == [
        (9 * MILLION, (19 * MILLION, 20 * MILLION), "unchecked")
    ]


def test_a_compared_plan_no_result_fits_is_left_unread() -> None:
    text = _REGIONS + (
        "So với chỉ tiêu 20 triệu lượt du khách giao cho ngành, sau 8 tháng ngành du lịch "
        "thành phố đã hoàn thành 60%."
    )
    assert checked(text) == []


# --------------------------------------------------------------------------- measures named back

_HALF_YEAR = (
    "Sáu tháng đầu năm, đơn vị thu về 3.000 tỷ đồng doanh thu thuần cùng 240 tỷ đồng lợi nhuận "
    "sau thuế, tăng lần lượt 10% và 12% so với cùng kỳ. "
)


def test_a_pronoun_names_the_amount_of_each_plan_s_measure() -> None:
    text = _HALF_YEAR + (
        "Qua số liệu trên, đơn vị thực hiện được 50% kế hoạch doanh thu và 60% kế hoạch lợi "
        "nhuận năm."
    )
    found = [
        (s.actual, s.stated_percent)
        for s in find(text, money=True)
        if s.stated_kind == "attainment"
    ]
    assert found == [(3000 * BILLION, Decimal(50)), (240 * BILLION, Decimal(60))]


def test_a_plan_of_a_measure_no_amount_is_named_beside_takes_none() -> None:
    text = _HALF_YEAR + "Qua số liệu trên, đơn vị thực hiện được 50% kế hoạch xuất khẩu."
    found = [s.actual for s in find(text, money=True) if s.stated_kind == "attainment"]
    assert found == [None]


# --------------------------------------------------------------------------- rates met

_RATE = "Cuối năm 2025, tỷ lệ hộ dân được dùng điện lưới trên địa bàn huyện đạt 97,4%"


def test_a_rate_said_to_complete_its_plan_is_the_result_of_that_attainment() -> None:
    found = [
        (s.actual, s.target, s.stated_percent)
        for s in find(_RATE + ", hoàn thành 100% kế hoạch năm.", money=True)
        if s.stated_kind == "attainment"
    ]
    assert found == [(Decimal("97.4"), None, Decimal(100))]


def test_a_rate_completed_with_no_plan_named_is_no_attainment() -> None:
    found = find(_RATE + ", hoàn thành 100% nhiệm vụ của năm.", money=True)
    assert [s for s in found if s.stated_kind == "attainment"] == []


# --------------------------------------------------------------------------- shares
_REVENUE = "Năm nay, huyện thu ngân sách đạt 4.000 tỷ đồng, bằng 110% dự toán. "


def _share_verdicts(text: str) -> list[tuple[object, object, str | None]]:
    """(part, whole, verdict) of every share of ``text``."""
    return [
        (s.actual, s.target, s.verdict) for s in find(text, money=True) if s.stated_kind == "share"
    ]


def test_a_share_with_its_part_before_it_is_checked_against_the_whole_before() -> None:
    text = (
        _REVENUE + "Trong đó, nguồn thu từ thuế là 3.000 tỷ đồng, đóng góp 75% tổng thu của huyện."
    )
    assert _share_verdicts(text) == [(3000 * BILLION, 4000 * BILLION, "consistent")]


def test_a_share_its_part_and_whole_do_not_give_is_flagged() -> None:
    text = (
        _REVENUE + "Trong đó, nguồn thu từ thuế là 3.000 tỷ đồng, đóng góp 65% tổng thu của huyện."
    )
    assert _share_verdicts(text) == [(3000 * BILLION, 4000 * BILLION, "inconsistent")]


def test_a_share_with_two_amounts_before_it_is_left_alone() -> None:
    text = _REVENUE + (
        "Trong đó, thu nội địa 3.000 tỷ đồng, thu từ đất 900 tỷ đồng, chiếm 97% tổng thu."
    )
    assert all(v != "inconsistent" for _, _, v in _share_verdicts(text))


def test_nearly_a_share_is_never_above_it() -> None:
    nearly = (
        _REVENUE
        + "Trong đó, nguồn thu từ thuế là 3.120 tỷ đồng, đóng góp gần 75% tổng thu của huyện."
    )
    assert _share_verdicts(nearly) == [(3120 * BILLION, 4000 * BILLION, "inconsistent")]
    below = (
        _REVENUE
        + "Trong đó, nguồn thu từ thuế là 2.880 tỷ đồng, đóng góp gần 75% tổng thu của huyện."
    )
    assert _share_verdicts(below) == [(2880 * BILLION, 4000 * BILLION, "consistent")]


def test_over_a_share_is_never_below_it() -> None:
    over = _REVENUE + "Trong đó, thu nội địa đạt 2.880 tỷ đồng, chiếm hơn 75% tổng thu."
    assert _share_verdicts(over) == [(2880 * BILLION, 4000 * BILLION, "inconsistent")]
    above = _REVENUE + "Trong đó, thu nội địa đạt 3.120 tỷ đồng, chiếm hơn 75% tổng thu."
    assert _share_verdicts(above) == [(3120 * BILLION, 4000 * BILLION, "consistent")]


# --------------------------------------------------------------------------- remainders

_QUARTER = (
    "Quý I, huyện thu ngân sách đạt 2.500 tỷ đồng, tăng 12% so với cùng kỳ. Trong đó, thu từ "
    "thuế đạt 1.900 tỷ đồng. Dự toán thu ngân sách năm nay của huyện là 10.000 tỷ đồng. "
)


def _remainder_rows(text: str) -> list[tuple[object, object, str | None]]:
    """(actual, target, verdict) of each statement of ``text`` read from a remainder."""
    return [
        (s.actual, s.target, s.verdict)
        for s in find(text, money=True)
        if s.target is not None and "thêm" in s.text
    ]


def test_a_remainder_to_the_plan_sets_the_result_against_it() -> None:
    text = _QUARTER + "Từ nay tới cuối năm, huyện phải huy động thêm 7.500 tỷ đồng để đạt dự toán."
    assert _remainder_rows(text) == [(2500 * BILLION, 10000 * BILLION, "consistent")]


def test_a_remainder_the_plan_and_result_do_not_give_is_flagged() -> None:
    text = _QUARTER + "Từ nay tới cuối năm, huyện phải huy động thêm 6.500 tỷ đồng để đạt dự toán."
    assert _remainder_rows(text) == [(2500 * BILLION, 10000 * BILLION, "inconsistent")]
    audit = audit_statements(find(text, money=True)).filter(stated="6.500 tỷ đồng")
    assert audit["verdict"].to_list() == ["inconsistent"]


def test_an_amount_still_needed_for_no_plan_is_no_remainder() -> None:
    text = _QUARTER + "Huyện phải huy động thêm 6.500 tỷ đồng để đầu tư hạ tầng giao thông."
    assert _remainder_rows(text) == []


def test_a_remainder_after_two_results_that_do_not_fit_is_left_alone() -> None:
    text = (
        "Quý I, huyện thu ngân sách đạt 2.500 tỷ đồng, tăng 12% so với cùng kỳ; quý IV năm "
        "trước thu ngân sách đạt 2.000 tỷ đồng, tăng 5%. Dự toán thu ngân sách năm nay của "
        "huyện là 10.000 tỷ đồng. Từ nay tới cuối năm, huyện phải huy động thêm 6.500 tỷ đồng "
        "để đạt dự toán."
    )
    assert _remainder_rows(text) == []


def test_a_remainder_of_another_measure_than_the_result_flags_nothing() -> None:
    text = (
        "Quý I, lợi nhuận của hãng đạt 30 tỷ đồng, tăng 5% so với cùng kỳ. Kế hoạch doanh thu "
        "năm nay của hãng là 1.000 tỷ đồng. Từ nay tới cuối năm, hãng phải bán thêm 600 tỷ "
        "đồng doanh thu để đạt kế hoạch."
    )
    assert _remainder_rows(text) == []


# --------------------------------------------------------------------------- shares of a measure

_GROUP = "Năm nay tập đoàn ghi nhận doanh thu 2.000 tỷ đồng, tăng 9% so với năm trước. "


def _measure_shares(text: str) -> list[tuple[object, object, str | None]]:
    """(part, whole, verdict) of each share of ``text`` read with both figures."""
    return [
        (s.actual, s.target, s.verdict)
        for s in find(text, money=True)
        if s.stated_kind == "share" and s.target is not None
    ]


def test_a_share_of_a_measure_is_checked_against_its_whole_before() -> None:
    text = _GROUP + "Khối bán lẻ góp 40% doanh thu của tập đoàn, tương ứng doanh thu 790 tỷ đồng."
    assert _measure_shares(text) == [(790 * BILLION, 2000 * BILLION, "consistent")]


def test_a_share_of_a_measure_its_figures_give_only_when_cut_is_flagged() -> None:
    text = _GROUP + "Khối bán lẻ góp 39% doanh thu của tập đoàn, tương ứng doanh thu 790 tỷ đồng."
    assert _measure_shares(text) == [(790 * BILLION, 2000 * BILLION, "truncated")]


def test_a_share_of_a_measure_with_two_wholes_before_is_left_alone() -> None:
    text = (
        _GROUP
        + "Riêng quý IV, doanh thu đạt 600 tỷ đồng, tăng 5% so với cùng kỳ. "
        + "Khối bán lẻ góp 30% doanh thu của tập đoàn, tương ứng doanh thu 590 tỷ đồng."
    )
    assert _measure_shares(text) == []


def test_a_share_of_another_measure_than_the_amount_is_left_alone() -> None:
    text = _GROUP + "Khối bán lẻ góp 40% lợi nhuận của tập đoàn, tương ứng doanh thu 790 tỷ đồng."
    assert _measure_shares(text) == []


# --------------------------------------------------------------------------- plans not met

_YEAR_SALES = (
    "Cả năm, doanh thu thuần của hãng đạt 920 tỷ đồng, tăng 4% so với năm ngoái. Đầu năm, "
    "hãng đặt mục tiêu doanh thu 1.000 tỷ đồng. "
)


def _pairs_no_percent(text: str) -> list[tuple[object, object]]:
    return [
        (s.actual, s.target)
        for s in find(text, money=True)
        if s.actual is not None and s.target is not None and s.stated is None
    ]


def test_a_plan_said_not_met_pairs_the_result_below_it() -> None:
    text = _YEAR_SALES + "Như thế, hãng vẫn chưa hoàn thành kế hoạch doanh thu đã đề ra."
    assert _pairs_no_percent(text) == [(920 * BILLION, 1000 * BILLION)]


def test_a_plan_said_not_met_pairs_no_result_above_it() -> None:
    text = _YEAR_SALES.replace("920", "1.020") + (
        "Như thế, hãng vẫn chưa hoàn thành kế hoạch doanh thu đã đề ra."
    )
    assert _pairs_no_percent(text) == []


# --------------------------------------------------------------------------- labelled items


def _labelled(label: str) -> str:
    return (
        "Kết quả kinh doanh 9 tháng của đơn vị như sau:\n"
        f"+ {label}: khoảng 900 tỷ đồng, tăng 7% so với cùng kỳ.\n"
        "Qua số liệu trên, đơn vị thực hiện được 45% kế hoạch doanh thu năm (2.000 tỷ đồng)."
    )


def test_a_measure_labelling_a_list_item_names_its_figure() -> None:
    found = [
        (s.actual, s.target)
        for s in find(_labelled("Doanh thu"), money=True)
        if s.stated_kind == "attainment"
    ]
    assert found == [(900 * BILLION, 2000 * BILLION)]


def test_a_label_of_another_measure_names_no_figure_of_the_plan() -> None:
    found = [
        s.actual for s in find(_labelled("Lợi nhuận"), money=True) if s.stated_kind == "attainment"
    ]
    assert found == [None]


def test_a_share_of_a_wider_whole_or_of_a_change_is_not_of_the_whole_before() -> None:
    exports = "Năm nay xuất khẩu của huyện đạt 10 tỷ USD, tăng 12%. Trong đó, khu vực FDI "
    growth = exports + "xuất khẩu 7 tỷ USD, đóng góp 40% vào mức tăng chung."
    wider = exports + "xuất khẩu 7 tỷ USD, chiếm 40% kim ngạch cả nước."
    own = exports + "xuất khẩu 7 tỷ USD, chiếm 40% tổng kim ngạch."
    assert _share_verdicts(growth) + _share_verdicts(wider) == [(None, None, "unchecked")]
    assert _share_verdicts(own) == [(7 * BILLION, 10 * BILLION, "inconsistent")]


def test_a_share_of_a_measure_of_a_wider_whole_is_left_alone() -> None:
    text = _GROUP + "Khối bán lẻ góp 39% doanh thu cả nước, tương ứng doanh thu 790 tỷ đồng."
    assert _measure_shares(text) == []


def test_a_share_of_a_count_is_not_of_the_money_before() -> None:
    text = (
        "Năm nay tỉnh thu hút 2 tỷ USD vốn đầu tư, tăng 5%. Trong đó, có 50 dự án mới với "
        "tổng vốn 1,2 tỷ USD, chiếm 55% tổng số dự án."
    )
    assert all(v != "inconsistent" for _, _, v in _share_verdicts(text))
