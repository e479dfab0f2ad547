"""Round 48 of the extraction rules (issue 17), each tested on invented text (never the
evaluation set's figures or sentences)."""

from __future__ import annotations

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
