"""Round 48 of the extraction rules (issue 17), each tested on invented text (never the
evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

# ------------------------------ a headline's qualified figure of a quarter is not contradicted
# by a body figure of several months


def _flagged(text: str) -> list[str]:
    return [s.text for s in find(text, money=True) if s.verdict == "inconsistent"]


def test_a_figure_of_several_months_does_not_contradict_a_quarter_s_headline() -> None:
    text = (
        "Hãng XYZ lãi quý III hơn 70 tỷ đồng\nTheo báo cáo, hãng có thêm nhiều khách mới.\n\n"
        "Tính đến hết 9 tháng, hãng có lợi nhuận trước thuế đạt 68 tỷ đồng, bằng 80% kế hoạch."
    )
    assert _flagged(text) == []


def test_a_figure_of_the_same_quarter_still_contradicts_the_headline() -> None:
    text = (
        "Hãng XYZ lãi quý III hơn 70 tỷ đồng\nTheo báo cáo, hãng có thêm nhiều khách mới.\n\n"
        "Riêng quý III, hãng có lợi nhuận trước thuế đạt 68 tỷ đồng, bằng 30% kế hoạch."
    )
    assert _flagged(text) == ["hơn 70 tỷ đồng"]


# ------------------------------ a later amount of the measure's total ("tổng doanh thu") is
# the months-to-date result of a percentage of the measure's plan


def _attainments(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.stated) for s in find(text, money=True) if s.stated_kind == "attainment"]


def test_a_later_total_of_the_measure_is_the_result_of_its_plan() -> None:
    text = (
        "Quý II, hợp tác xã có doanh thu thuần đạt 300 tỷ đồng, tăng 10%. Cộng dồn 6 tháng, "
        "hợp tác xã đạt 560 tỷ đồng tổng doanh thu và 40 tỷ đồng lợi nhuận. Như vậy, hợp tác "
        "xã đã hoàn thành 56% kế hoạch doanh thu và 50% kế hoạch lợi nhuận."
    )
    assert (Decimal("560e9"), "56%") in _attainments(text)
    assert (Decimal("300e9"), "56%") not in _attainments(text)


def test_a_later_total_of_another_measure_is_not_taken() -> None:
    text = (
        "Quý II, hợp tác xã có doanh thu thuần đạt 300 tỷ đồng, tăng 10%. Cộng dồn 6 tháng, "
        "hợp tác xã có 560 tỷ đồng tổng chi phí. Như vậy, hợp tác xã đã hoàn thành 56% kế "
        "hoạch doanh thu."
    )
    assert (Decimal("560e9"), "56%") not in _attainments(text)
