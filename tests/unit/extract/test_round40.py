"""Round 40 of the extraction rules (issue 17), each tested on invented text (never the
evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from reading import checked, find

# ---------------------------- a rate said short of a target whose rate an earlier sentence sets


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Nghị quyết Đại hội Đảng bộ phường đề ra chỉ tiêu mỗi năm kết nạp đảng viên mới đạt "
            "tỷ lệ 3% trở lên so với tổng số đảng viên. Năm 2026, tỷ lệ đảng viên mới kết nạp "
            "chỉ đạt 2,4%, thấp hơn so với chỉ tiêu Nghị quyết đề ra.",
            (Decimal("2.4"), Decimal("3")),
        ),
        (
            "Hội Nông dân xã có 1 trong 9 chỉ tiêu là mỗi năm kết nạp hội viên mới đạt tỷ lệ 5% "
            "so với tổng số hội viên. Năm qua, tỷ lệ hội viên mới kết nạp đạt 6,5%, vượt chỉ "
            "tiêu đề ra.",
            (Decimal("6.5"), Decimal("5")),
        ),
    ],
)
def test_a_rate_compared_with_an_unwritten_target_takes_the_target_rate_set_before(
    text: str, pair: tuple[Decimal, Decimal]
) -> None:
    found = [s for s in find(text, money=True) if s.actual is not None and s.target is not None]
    assert [(s.actual, s.target) for s in found] == [pair]
    assert found[0].link_text is not None and "tỷ lệ" in found[0].link_text


@pytest.mark.parametrize(
    "text",
    [
        # the words say below, the figures say above: no pair
        "Nghị quyết đề ra chỉ tiêu mỗi năm kết nạp đảng viên mới đạt tỷ lệ 3% trở lên. Năm "
        "2026, tỷ lệ đảng viên mới kết nạp đạt 3,6%, thấp hơn so với chỉ tiêu Nghị quyết.",
        # the earlier rate is of something else
        "Nghị quyết đề ra chỉ tiêu tỷ lệ hộ dùng nước sạch đạt 95%. Năm 2026, tỷ lệ đảng viên "
        "mới kết nạp chỉ đạt 2,4%, thấp hơn so với chỉ tiêu Nghị quyết.",
        # another paragraph
        "Nghị quyết đề ra chỉ tiêu mỗi năm kết nạp đảng viên mới đạt tỷ lệ 3% trở lên.\n\n"
        "Năm 2026, tỷ lệ đảng viên mới kết nạp chỉ đạt 2,4%, thấp hơn so với chỉ tiêu.",
    ],
)
def test_no_earlier_target_rate_is_taken_against_the_words_or_of_another_thing(
    text: str,
) -> None:
    assert checked(text) == []
