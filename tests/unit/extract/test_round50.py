"""Round 50 of the extraction rules (issue 17), each tested on invented text (never the
evaluation set's figures or sentences)."""

from __future__ import annotations

import pytest
from reading import checked, find

# ------------------------------ a heading's plan, result and percentage on label lines of
# their own are the heading's result against its plan


def test_label_lines_under_a_unit_give_its_result_against_its_plan() -> None:
    text = "Bảng tổng hợp năm 2033\nChi bộ thôn Gò Mây\nChỉ tiêu: 25\nKết quả: 27\nĐạt: 108%\n"
    assert checked(text) == [(27, 25, 108, "consistent")]
    [s] = [s for s in find(text) if s.target is not None]
    assert s.unit == "Chi bộ thôn Gò Mây"


def test_label_lines_with_the_plan_and_done_words_and_a_count_noun() -> None:
    text = "Phát triển hội viên mới\nKế hoạch: 60 hội viên\nThực hiện: 48 hội viên\nTỷ lệ: 70%\n"
    assert checked(text) == [(48, 60, 70, "inconsistent")]


def test_label_lines_without_a_percentage_pair_the_two_figures() -> None:
    text = "Xã Lạc Sơn\nChỉ tiêu: 14\nKết quả: 12\n"
    assert checked(text) == [(12, 14, None, "unchecked")]


@pytest.mark.parametrize(
    "text",
    [
        # a scale word after the figures: an amount, not read on label lines
        "Thu ngân sách xã\nKế hoạch: 3,5 tỷ đồng\nThực hiện: 3,9 tỷ đồng\n",
        # two different nouns: not one measure
        "Thôn Bến Đò\nChỉ tiêu: 30 hội viên\nKết quả: 28 đoàn viên\n",
        # the line above is a label line itself, not a heading
        "Ghi chú: số liệu tạm tính\nChỉ tiêu: 9\nKết quả: 8\n",
        # the result's line does not follow the plan's
        "Xã Hòa Bình\nChỉ tiêu: 20\nGhi chú: chưa tổng hợp\nKết quả: 21\n",
    ],
)
def test_label_lines_that_do_not_fit_are_left_out(text: str) -> None:
    assert checked(text) == []
