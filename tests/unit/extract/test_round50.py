"""Round 50 of the extraction rules (issue 17), each tested on invented text (never the
evaluation set's figures or sentences)."""

from __future__ import annotations

import warnings
from decimal import Decimal

import pytest
from reading import checked, find

from kpitools.extract import UnreadFigureWarning
from kpitools.extract.numerals import AMBIGUOUS_COMMA

D = Decimal

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


# ------------------------------ an amount with a comma before three digits, the last a zero,
# beside an amount of its scale word grouped with points: two readings, left unread and said


def _read_with_warnings(text: str) -> tuple[list[object], list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        found = [s.actual for s in find(text, money=True) if s.actual is not None]
    return found, [str(w.message) for w in caught if w.category is UnreadFigureWarning]


def test_a_padded_comma_beside_point_thousands_is_left_unread_and_said() -> None:
    text = (
        "Ngành chế biến đạt 21.300 triệu đồng, bằng 61% kế hoạch. "
        "Ngành dệt may đạt 4,870 triệu đồng, bằng 52% kế hoạch."
    )
    found, said = _read_with_warnings(text)
    assert found == [D("21300000000")]
    assert len(said) == 1 and "'4,870'" in said[0] and AMBIGUOUS_COMMA in said[0]


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # no zero last: a decimal, as the points of the document say
        (
            "Ngành chế biến đạt 21.300 triệu đồng. Ngành dệt may đạt 4,875 triệu đồng, bằng 52% kế"
            " hoạch.",
            D("4875000"),
        ),
        # no neighbour grouped with points: read as ever
        ("Ngành dệt may đạt 4,870 triệu đồng, bằng 52% kế hoạch.", D("4870000")),
        # the neighbour in another currency
        (
            "Nhập khẩu 2.950 tỷ đồng. Xuất khẩu đạt 3,410 tỷ USD, bằng 81% kế hoạch.",
            D("3410000000"),
        ),
        # the neighbour far from it in size: the decimal is no thousandth of a like amount
        (
            "Tổng vốn 95.000 tỷ đồng. Gói thầu B giải ngân 2,150 tỷ đồng, đạt 43% kế hoạch.",
            D("2150000000"),
        ),
    ],
)
def test_other_commas_are_read_as_the_document_writes_them(text: str, amount: Decimal) -> None:
    found, said = _read_with_warnings(text)
    assert amount in found
    assert said == []


# ------------------------------ a list of fractions with no noun after each: the first item
# is kept as the later ones that follow it are


def _pairs(text: str) -> list[tuple[object, object, object]]:
    return [(s.unit, s.actual, s.target) for s in find(text) if s.target is not None]


def test_every_fraction_of_a_list_with_no_noun_is_read() -> None:
    text = "Còn chậm tiến độ: chi bộ thôn Đá Bạc 3/5; chi bộ thôn Suối Mơ 2/4."
    assert _pairs(text) == [("chi bộ thôn Đá Bạc", 3, 5), ("chi bộ thôn Suối Mơ", 2, 4)]


def test_a_lone_fraction_with_no_noun_is_still_no_statement() -> None:
    assert _pairs("Còn chậm tiến độ: chi bộ thôn Đá Bạc 3/5.") == []
