"""Round 38 of the extraction rules (issue 17): a headline's qualified figure that the body
writes with the same digits and no qualifier is not contradicted; … — each a general rule of
report wording, tested on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

import pytest
from reading import find


def flagged(text: str) -> list[str]:
    """The texts of the statements of ``text`` the extractor flags inconsistent."""
    return [s.text for s in find(text, money=True) if s.verdict == "inconsistent"]


# ------------------------------- a headline's figure written again without its qualifier


@pytest.mark.parametrize(
    "text",
    [
        "Trên 3 nghìn hội viên mới trong năm\nCả năm, các chi hội kết nạp 3 nghìn hội viên, "
        "vượt 7% kế hoạch.",
        "Thu ngân sách quý II đạt hơn 2,6 nghìn tỷ đồng\nQuý II, thu ngân sách đạt 2,6 nghìn "
        "tỷ đồng, bằng 31% dự toán.",
    ],
)
def test_the_headlines_digits_written_plainly_are_no_contradiction(text: str) -> None:
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Trên 3 nghìn hội viên mới trong năm\nCả năm, các chi hội kết nạp 2.940 hội viên, "
        "vượt 7% kế hoạch.",
        "Thu ngân sách quý II đạt hơn 2,6 nghìn tỷ đồng\nQuý II, thu ngân sách đạt 2.570 tỷ "
        "đồng, bằng 31% dự toán.",
    ],
)
def test_a_body_figure_below_the_headlines_floor_is_still_flagged(text: str) -> None:
    [headline] = flagged(text)
    assert headline.startswith(("Trên", "hơn"))
