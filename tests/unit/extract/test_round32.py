"""Round 32 of the extraction rules (issue 17): a headline's qualified figure that the body's
own rounded figure agrees with is not contradicted by an exact part of it; … — each a general
rule of report wording, tested on invented text (never the evaluation set's figures or
sentences)."""

from __future__ import annotations

import pytest
from reading import find


def flagged(text: str) -> list[str]:
    """The texts of the statements of ``text`` the extractor flags inconsistent."""
    return [s.text for s in find(text, money=True) if s.verdict == "inconsistent"]


# ------------------------------- a headline the body's own rounded figure agrees with


@pytest.mark.parametrize(
    "text",
    [
        "Hơn 4 triệu lượt khách đến tỉnh trong 6 tháng\nSáu tháng, lượng khách đạt gần 4,2 "
        "triệu lượt, bằng 98,5% kế hoạch; trong đó khách quốc tế 212.100 lượt, khách nội "
        "địa 3.987.900 lượt, tăng 40% so với cùng kỳ năm trước.",
        "Trên 2 nghìn tỷ đồng thu ngân sách quý I\nQuý I, thu ngân sách đạt khoảng 2,05 nghìn "
        "tỷ đồng, bằng 26% dự toán; riêng thu nội địa 1,97 nghìn tỷ đồng, tăng 8% so với cùng "
        "kỳ.",
    ],
)
def test_a_headline_the_bodys_rounded_figure_agrees_with_is_not_flagged(text: str) -> None:
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Hơn 4 triệu lượt khách đến tỉnh trong 6 tháng\nSáu tháng, lượng khách đạt 3.987.900 "
        "lượt, bằng 98,5% kế hoạch.",
        "Gần 4 triệu lượt khách đến tỉnh trong 6 tháng\nSáu tháng, lượng khách đạt khoảng 4,1 "
        "triệu lượt, bằng 98,5% kế hoạch; khách nội địa 4.050.000 lượt, tăng 40% so với cùng "
        "kỳ năm trước.",
    ],
)
def test_a_headline_only_contradicted_figures_fit_is_still_flagged(text: str) -> None:
    [headline] = flagged(text)
    assert headline[:3] in ("Hơn", "Gần")
