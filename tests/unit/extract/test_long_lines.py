"""Text with no sentence end for thousands of characters (a table flattened onto one line, a
list run together): read in bounded pieces, so that its reading grows with its length only."""

from __future__ import annotations

import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kpitools.extract.statements import extract_statements
from kpitools.extract.table_rows import _ROW_LINE, ROW_COLUMNS, ROW_LABEL_CHARS
from kpitools.extract.text import (
    MAX_SENTENCE_CHARS,
    MAX_SENTENCE_NUMBERS,
    _split_sentences,
    prepare,
)

from .test_text import steps

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def numbers_line(n: int) -> str:
    return "Số hộ được hỗ trợ " + " ".join(str(7 + i % 90) for i in range(n)) + " hộ\n"


def test_a_line_of_hundreds_of_numbers_is_read_in_pieces_of_bounded_size() -> None:
    doc = prepare(numbers_line(1000))
    pieces = [doc.text[s.start : s.end] for s in doc.sentences]
    assert (MAX_SENTENCE_CHARS, MAX_SENTENCE_NUMBERS) == (2000, 120)  # as docs/extract.md says
    assert len(pieces) >= 1000 // 120
    assert all(len(NUMBER.findall(p)) <= MAX_SENTENCE_NUMBERS for p in pieces)
    assert all(len(p) <= MAX_SENTENCE_CHARS for p in pieces)
    # cut at spaces: no number is split, and every number is in a piece
    assert sum(len(NUMBER.findall(p)) for p in pieces) == len(NUMBER.findall(doc.text))


def test_a_long_sentence_of_a_real_report_stays_whole() -> None:
    clause = "xã Bình An{} kết nạp {} đảng viên, đạt {}% kế hoạch; "
    body = "Năm 2041, " + "".join(clause.format(i, 10 + i, 80 + i) for i in range(30))
    text = body.rstrip("; ") + ".\n"
    assert 1_500 < len(text) < MAX_SENTENCE_CHARS
    assert len(prepare(text).sentences) == 1
    found = extract_statements(text)
    assert len(found) == 30, len(found)  # every unit's statement, as in one sentence


def test_the_work_on_a_long_line_of_numbers_grows_with_its_length_only() -> None:
    # before the bound, 2 000 numbers on a line took 4 times the steps of 1 000 per number
    small, large = steps(numbers_line(600)), steps(numbers_line(1200))
    assert large <= 2.2 * small, (small, large)


def test_a_row_of_a_table_written_a_line_has_a_bounded_label_and_columns() -> None:
    # the bounds keep the row's pattern from trying every split of a long line of figures
    # (work in the regular-expression engine, which the step count above does not see;
    # benchmarks/extract_long_lines.py times it)
    head = "Chỉ tiêu\nKế hoạch\nThực hiện\n"
    assert _ROW_LINE.search(head + "Số hộ 1.250 1.300\n") is not None
    assert _ROW_LINE.search(head + "Số hộ " + "x" * (ROW_LABEL_CHARS + 5) + " 1 2\n") is None
    long = _ROW_LINE.search(head + "Số hộ " + "1 " * (ROW_COLUMNS + 10) + "\n")
    assert long is not None and len(long.group("figs").split()) == ROW_COLUMNS
    assert (ROW_LABEL_CHARS, ROW_COLUMNS) == (300, 24)


words = st.sampled_from(["kế hoạch", "đạt", "xã", "12", "1.250", "45,5%", "3/4", "\n", " "])


@settings(max_examples=60, deadline=None)
@given(st.lists(words, min_size=1, max_size=600))
def test_the_pieces_of_any_text_cover_it_in_order_within_the_bounds(parts: list[str]) -> None:
    text = " ".join(parts)
    spans = _split_sentences(text, text.lower(), 0, len(text))
    assert all(s < e for s, e in spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    assert all(e - s <= MAX_SENTENCE_CHARS for s, e in spans)
    assert all(len(NUMBER.findall(text[s:e])) <= MAX_SENTENCE_NUMBERS for s, e in spans)
    covered = "".join(text[s:e] for s, e in spans)
    assert "".join(covered.split()) == "".join(text[spans[0][0] :].split()) if spans else True
