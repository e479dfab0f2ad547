"""Round 147: a percentage in a later sentence than its amount, the plan's measure after ``về``.

Invented sentences (other firms, figures and measures than the evaluation passages): a
sentence that refers back (``Như vậy, …``, ``Với kết quả này, …``) and names each plan by its
measure after ``về`` (``… 71% mục tiêu về doanh thu``, ``… 83% kế hoạch năm về doanh thu
thuần``) gives each percentage the amount of that measure stated before, as ``mục tiêu doanh
thu`` does. Near-misses: ``về`` before no measure (``kế hoạch về đích``), a measure no amount
before is of, and another period's amount.
"""

from __future__ import annotations

from decimal import Decimal

from reading import claim_set

B = Decimal(10) ** 9

_RESULTS = (
    "Lũy kế 9 tháng năm 2041, doanh thu của công ty đạt 4.150 tỷ đồng, tăng 12% so với cùng "
    "kỳ. Lợi nhuận sau thuế đạt 386 tỷ đồng, tăng 8%. "
)


def test_a_plan_named_by_its_measure_after_ve_takes_that_measure_s_amount() -> None:
    text = (
        _RESULTS + "Như vậy, sau 9 tháng, công ty đã hoàn thành 71% mục tiêu về doanh thu và "
        "64% mục tiêu về lợi nhuận."
    )
    assert claim_set(text) == {
        (4150 * B, None, 71, "attainment"),
        (386 * B, None, 64, "attainment"),
    }


def test_the_year_s_plan_named_by_its_measure_after_ve() -> None:
    text = (
        "Năm 2041, tổng công ty ghi nhận doanh thu thuần 912 tỷ đồng và lợi nhuận trước thuế "
        "58 tỷ đồng. Như vậy, công ty đã thực hiện được 83% kế hoạch năm về doanh thu thuần "
        "và vượt 16% kế hoạch năm về lợi nhuận."
    )
    assert claim_set(text) == {
        (912 * B, None, 83, "attainment"),
        (58 * B, None, 16, "excess"),
    }


def test_one_plan_after_ve_in_a_sentence_of_its_own() -> None:
    text = _RESULTS + "Với kết quả này, công ty đã thực hiện được 58% chỉ tiêu về lợi nhuận."
    assert claim_set(text) == {(386 * B, None, 58, "attainment")}


def test_ve_before_no_measure_or_a_measure_not_stated_reads_nothing() -> None:
    for text in (
        # "về đích": reaching the goal, no measure
        "Năm 2041, công ty ghi nhận doanh thu thuần 912 tỷ đồng. Như vậy, công ty đã hoàn "
        "thành 83% kế hoạch về đích.",
        # a measure no amount before is of
        "Năm 2041, công ty ghi nhận doanh thu thuần 912 tỷ đồng. Như vậy, công ty đã hoàn "
        "thành 83% kế hoạch năm về sản lượng.",
    ):
        assert claim_set(text) == set(), text


def test_a_quarter_s_amount_takes_no_percentage_of_months_after_ve() -> None:
    text = (
        "Riêng quý III năm 2041, doanh thu của công ty đạt 1.350 tỷ đồng. Như vậy, sau 9 "
        "tháng, công ty đã hoàn thành 71% mục tiêu về doanh thu."
    )
    assert claim_set(text) == set()


def test_a_plan_s_figure_in_the_sentence_after_it_is_set_out_is_no_result() -> None:
    text = (
        "Lũy kế 6 tháng năm 2041, công ty ghi nhận doanh thu 1.830 tỷ đồng, lợi nhuận sau thuế "
        "24,5 tỷ đồng. Năm 2041, công ty đặt mục tiêu doanh thu 4.100 tỷ đồng, tăng 11% so với "
        "thực hiện năm 2040. Lợi nhuận trước thuế đạt 120 tỷ đồng, tăng 90% so với thực hiện "
        "năm 2040. Như vậy, công ty mới hoàn thành 45% mục tiêu về doanh thu và 20% mục tiêu "
        "về lợi nhuận."
    )
    assert (120 * B, None, 20, "attainment") not in claim_set(text)


def test_a_percentage_whose_words_name_another_year_takes_no_result() -> None:
    text = (
        "Lũy kế năm 2040, doanh thu thuần của công ty đạt 7.150 tỷ đồng, giảm 6% so năm "
        "trước. Năm 2040, công ty đặt kế hoạch tổng doanh thu là 5.500 tỷ đồng. Theo đó mặc "
        "dù kết quả kinh doanh thấp hơn năm 2039 tuy nhiên công ty vẫn hoàn thành vượt 30% "
        "mục tiêu về doanh thu."
    )
    assert claim_set(text) == set()
