"""Round 16 of the extraction rules (issue 17): the wrong claims of company and budget
reports (batches ``2026-12-04c``, ``2026-12-04e`` and ``2026-12-04f``), each as a general rule
of report wording, tested on invented text (never the evaluation set's figures or
sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

BILLION = Decimal(10) ** 9


def _attained(text: str) -> list[tuple[object, object, object]]:
    return [
        (s.actual, s.target, s.stated_percent) for s in find(text) if s.stated_kind == "attainment"
    ]


# --------------------------------------------------------------------------- wrong claims


def test_each_plan_amount_is_of_the_measure_written_right_before_it() -> None:
    text = (
        "Cụ thể, doanh thu hợp nhất của công ty đạt 9.800 tỷ đồng, tăng 11% so với cùng kỳ. "
        "Lợi nhuận trước thuế đạt 1.020 tỷ đồng, tăng 8%. Năm 2025, công ty đặt mục tiêu "
        "doanh thu 21.000 tỷ đồng và lợi nhuận trước thuế 2.100 tỷ đồng. Với kết quả hiện "
        "tại, công ty đã thực hiện được 47% kế hoạch doanh thu và 49% kế hoạch lợi nhuận."
    )
    assert _attained(text) == [
        (9800 * BILLION, 21000 * BILLION, Decimal(47)),
        (1020 * BILLION, 2100 * BILLION, Decimal(49)),
    ]


def test_a_plan_amount_with_another_measure_right_before_it_is_not_linked() -> None:
    # the only plan written is of profit: the revenue's percentage keeps no target
    text = (
        "Cụ thể, doanh thu hợp nhất của công ty đạt 9.800 tỷ đồng, tăng 11% so với cùng kỳ. "
        "Năm 2025, công ty đặt mục tiêu doanh thu tăng 10% và lợi nhuận trước thuế "
        "21.000 tỷ đồng. Với kết quả hiện tại, công ty đã thực hiện được 47% kế hoạch "
        "doanh thu."
    )
    assert all(t is None for _, t, _ in _attained(text))


_LEAD = "Tỉnh đặt mục tiêu phát triển rừng bền vững, đẩy nhanh trồng mới {} ha rừng trong năm 2025."
_BODY = (
    "Năm 2025, toàn tỉnh đặt mục tiêu trồng mới 12.400 ha rừng. Đến hết tháng 8, tỉnh đã "
    "trồng được 6.500 ha, đạt hơn 52% kế hoạch năm."
)


def test_a_qualified_plan_in_the_lead_is_the_exact_plan_rounded() -> None:
    text = _LEAD.format("hơn 12.000") + "\n\n" + _BODY
    assert _attained(text) == [(Decimal(6500), Decimal(12400), Decimal(52))]


def test_two_exact_plans_that_both_fit_leave_the_percentage_without_a_target() -> None:
    text = _LEAD.format("12.000") + "\n\n" + _BODY
    assert _attained(text) == [(Decimal(6500), None, Decimal(52))]


_QUARTER = (
    "Trong quý 2, lợi nhuận ròng của công ty đạt 40 tỷ đồng, tăng 3%. Tính chung 6 tháng, "
    "doanh thu thuần đạt 1.500 tỷ đồng. Tuy nhiên, {} chỉ giảm nhẹ 4%, đạt 110 tỷ đồng. "
    "Với kết quả này, công ty đã hoàn thành 50% kế hoạch doanh thu và 55% kế hoạch lợi "
    "nhuận năm 2025, tương ứng mục tiêu 3.000 tỷ đồng doanh thu và 200 tỷ đồng lợi nhuận."
)


def _of_profit_plan(text: str) -> list[object]:
    return [s.actual for s in find(text) if s.stated_percent == Decimal(55)]


def test_a_clause_of_a_result_verb_alone_is_of_the_measure_its_sentence_changes() -> None:
    # "lợi nhuận ròng chỉ giảm nhẹ 4%, đạt 110": the half year's profit, not the quarter's 40
    assert _of_profit_plan(_QUARTER.format("lợi nhuận ròng")) == [110 * BILLION]


def test_a_part_of_a_measure_before_the_change_does_not_name_the_amount() -> None:
    # "lợi nhuận từ hoạt động tài chính giảm …, đạt 110": a part; the percentage is left as
    # it was read (never the part's 110)
    assert 110 * BILLION not in _of_profit_plan(_QUARTER.format("lợi nhuận từ hoạt động tài chính"))


_PLAN_AFTER = (
    "Tính chung 6 tháng, doanh thu thuần của công ty đạt 1.620 tỷ đồng, giảm 5% so với "
    "cùng kỳ. Với kết quả này, công ty đã hoàn thành 55% kế hoạch doanh thu năm 2025, "
    "tương ứng mục tiêu 3.000 tỷ đồng {}."
)


def test_a_plan_with_its_measure_beside_it_is_linked_and_checked_though_it_disagrees() -> None:
    # 1.620 / 3.000 = 54 %: the 55 % written is linked to the plan of its measure and flagged
    found = [s for s in find(_PLAN_AFTER.format("doanh thu")) if s.stated_percent == 55]
    assert [(s.actual, s.target, s.consistent) for s in found] == [
        (1620 * BILLION, 3000 * BILLION, False)
    ]


def test_a_plan_of_another_measure_beside_it_is_not_linked() -> None:
    found = [s for s in find(_PLAN_AFTER.format("lợi nhuận")) if s.stated_percent == 55]
    assert [s.target for s in found] == [None]


_KINDS = (
    "Cụ thể, doanh thu của công ty đạt 900 tỷ đồng, tăng 11%. Lợi nhuận trước thuế đạt 140 "
    "tỷ đồng, tăng 18%. Lợi nhuận sau thuế đạt 110 tỷ đồng, tăng 20%. Năm 2025, công ty "
    "đặt mục tiêu doanh thu 2.000 tỷ đồng và lợi nhuận {} 300 tỷ đồng. Với kết quả hiện "
    "tại, công ty đã thực hiện được 45% kế hoạch doanh thu và 47% kế hoạch lợi nhuận."
)


def _of_47(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.target) for s in find(text) if s.stated_percent == 47]


def test_a_percentage_of_profit_takes_the_kind_of_the_profit_plan_written_before() -> None:
    # the plan is pre-tax: the pre-tax 140 is its result, not the after-tax 110 beside it
    assert _of_47(_KINDS.format("trước thuế")) == [(140 * BILLION, 300 * BILLION)]


def test_a_profit_plan_of_no_kind_leaves_two_kinds_of_result_unpaired() -> None:
    assert _of_47(_KINDS.format("")) == [(None, None)]


_FAR = (
    "Công ty vừa công bố kết quả 9 tháng với doanh thu gần 1.300 tỷ đồng và lợi nhuận "
    "trước thuế 250 tỷ đồng, lần lượt tăng 10% và 18% so với cùng kỳ.\n\nBan lãnh đạo "
    "cho biết thị trường còn nhiều khó khăn.\n\nNăm 2025, công ty "
    "lên kế hoạch với mục tiêu doanh thu 2.000 tỷ đồng. {}, công ty đã hoàn thành 65% mục "
    "tiêu doanh thu."
)


def _of_65(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.target) for s in find(text) if s.stated_percent == 65]


def test_a_sentence_referring_back_inside_a_paragraph_of_plans_reads_the_results_before() -> None:
    assert _of_65(_FAR.format("Với kết quả đạt được sau 9 tháng")) == [
        (1300 * BILLION, 2000 * BILLION)
    ]


def test_a_sentence_not_referring_back_keeps_to_its_paragraph() -> None:
    # results of no period named: no part-year pair carries the plan to them (round 53)
    text = _FAR.format("Đến nay").replace("kết quả 9 tháng", "kết quả kinh doanh")
    assert _of_65(text) == [(None, None)]


def _of_450(text: str) -> list[object]:
    return [s.stated for s in find(text) if s.actual == 450 * BILLION and s.stated]


def test_a_qualified_second_percentage_of_another_plan_is_the_same_results() -> None:
    text = (
        "Giá trị giải ngân vốn đầu tư công 6 tháng ước đạt 450 tỷ đồng, đạt hơn 53% so với "
        "kế hoạch Thủ tướng giao và hơn 47% so với kế hoạch HĐND tỉnh giao."
    )
    assert _of_450(text) == ["53%", "47%"]


def test_a_qualified_second_percentage_of_another_measure_is_not_the_same_results() -> None:
    text = (
        "Doanh thu 6 tháng ước đạt 450 tỷ đồng, đạt hơn 53% so với kế hoạch doanh thu và "
        "hơn 47% so với kế hoạch lợi nhuận."
    )
    assert _of_450(text) == ["53%"]


_OVER = (
    "Doanh thu hợp nhất 6 tháng đạt trên 900 tỷ đồng, {} vượt 70 tỷ đồng, tăng lần lượt 5% "
    "và 20% so với cùng kỳ. Với kết quả này, công ty đã hoàn thành 44% kế hoạch doanh thu."
)


def test_another_measure_over_an_amount_is_no_excess_of_the_amount_before() -> None:
    # "lợi nhuận sau thuế vượt 70 tỷ đồng": profit of more than 70, not revenue over plan by 70
    found = [(s.actual, s.stated_kind) for s in find(_OVER.format("lợi nhuận sau thuế"))]
    assert (900 * BILLION, "attainment") in found
    assert all(k != "excess_count" for _, k in found)


def test_an_excess_with_no_measure_before_it_stays_an_excess() -> None:
    found = [(s.actual, s.stated_kind) for s in find(_OVER.format("tức là"))]
    assert (900 * BILLION, "excess_count") in found


def _pairs_of(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.stated) for s in find(text) if s.stated_kind == "attainment"]


def test_amounts_said_respectively_take_their_percentages_without_a_second_lan_luot() -> None:
    text = (
        "Sau 6 tháng, doanh thu và lãi sau thuế tập đoàn đạt lần lượt 900 tỷ đồng và 70 tỷ "
        "đồng, hoàn thành 44% và 51% kế hoạch năm."
    )
    assert _pairs_of(text) == [(900 * BILLION, "44%"), (70 * BILLION, "51%")]


def test_amounts_not_said_respectively_are_not_paired_in_order() -> None:
    text = (
        "Sau 6 tháng, doanh thu và lãi sau thuế tập đoàn đạt 900 tỷ đồng và 70 tỷ đồng, "
        "hoàn thành 44% và 51% kế hoạch năm."
    )
    assert (900 * BILLION, "44%") not in _pairs_of(text)
