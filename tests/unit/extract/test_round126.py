"""Round 126: a later sentence that sums up (``Như vậy, …``, ``Với kết quả này, …``).

Invented sentences (other wording, figures, measures and units than the evaluation passages),
each of a family of wording the extractor missed or misread, read as the extraction tests
read them: the exact claims each gives, and the readings that must not happen.
"""

from __future__ import annotations

from decimal import Decimal

from reading import find

B = Decimal(10) ** 9


def _claims(text: str) -> set[tuple[object, object, object, object]]:
    """(actual, target, stated percent, kind) of each attainment or excess with a result."""
    return {
        (s.actual, s.target, s.stated_percent, s.stated_kind)
        for s in find(text, money=True)
        if s.stated_kind in ("attainment", "excess") and s.actual is not None
    }


def test_the_amount_a_measure_reached_after_its_change_is_its_result() -> None:
    assert _claims(
        "Cả năm 2041, lợi nhuận sau thuế của công ty giảm 21%, đạt 134 tỷ đồng. Như vậy, công "
        "ty mới thực hiện được 67% kế hoạch lợi nhuận năm."
    ) == {(134 * B, None, 67, "attainment")}
    assert _claims(
        "Năm 2041, công ty ghi nhận doanh thu thuần đạt 388 tỷ đồng, tăng 9%. Tuy nhiên, lợi "
        "nhuận sau thuế lại giảm 17%, đạt 41 tỷ đồng. Với kết quả đạt được, công ty mới thực "
        "hiện được 86% kế hoạch doanh thu và 72% mục tiêu lợi nhuận cả năm."
    ) == {(388 * B, None, 86, "attainment"), (41 * B, None, 72, "attainment")}


def test_a_change_of_another_measure_or_of_a_plan_gives_no_result() -> None:
    # the measure changed is not the plan's
    assert not _claims(
        "Năm 2041, lợi nhuận sau thuế của công ty giảm 21%, đạt 134 tỷ đồng. Như vậy, công ty "
        "mới thực hiện được 67% kế hoạch doanh thu năm."
    )
    # another measure reached after the change
    assert not _claims(
        "Năm 2041, doanh thu của công ty tăng 9%, lợi nhuận đạt 41 tỷ đồng. Như vậy, công ty "
        "đã hoàn thành 88% kế hoạch doanh thu năm."
    )
    # two amounts the measure reached: which one is not said
    assert not _claims(
        "Quý IV, doanh thu của công ty tăng 9%, đạt 41 tỷ đồng. Cả năm, doanh thu giảm 3%, đạt "
        "150 tỷ đồng. Như vậy, công ty đã hoàn thành 88% kế hoạch doanh thu năm."
    )
    # the change and the level are the plan's
    assert not _claims(
        "Năm 2041, hãng đặt kế hoạch doanh thu hợp nhất chỉ tăng 1%, đạt mức 3.100 tỷ đồng nhưng "
        "lợi nhuận ở mức 120 tỷ đồng. Như vậy, doanh thu quý I của hãng chỉ bằng 6% chỉ tiêu kế "
        "hoạch đề ra."
    )


def test_a_plan_set_against_the_results_period_is_not_its_plan() -> None:
    # the plans of the next season, written as a fall from this season's figures
    assert _claims(
        "Hợp tác xã Tân Phú đặt kế hoạch niên vụ 2041-2042 với 540 tỷ đồng doanh thu và 31 tỷ "
        "đồng lợi nhuận, lần lượt giảm 12% và 70% so với niên vụ 2040-2041.\n\n"
        "Kết thúc niên vụ 2040-2041, hợp tác xã ghi nhận doanh thu 610 tỷ đồng. Nhờ vậy, lãi "
        "ròng tăng 64%, đạt hơn 140 tỷ đồng. So với kế hoạch đã đề ra, hợp tác xã vượt 9% chỉ "
        "tiêu doanh thu và vượt 345% mục tiêu lợi nhuận."
    ) == {(610 * B, None, 9, "excess"), (140 * B, None, 345, "excess")}
    # the year the plan is set against named only as the base of the result's growth
    assert _claims(
        "Hợp tác xã Tân Phú đặt kế hoạch năm 2041 với 31 tỷ đồng lợi nhuận, tăng 10% so với năm "
        "2040.\n\nQuý I/2041, lãi ròng của hợp tác xã tăng 5% so với cùng kỳ năm 2040, đạt hơn "
        "8 tỷ đồng, tương đương 26% mục tiêu lợi nhuận năm 2041."
    ) == {(8 * B, 31 * B, 26, "attainment")}
