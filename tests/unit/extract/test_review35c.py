"""Review 35, fixer C: linear time on hostile white space.

A text made of runs of ``" \\n"`` (blank lines with spaces on them) took minutes: patterns
that start with ``\\s*`` and are searched at every offset (``parts._PARTS_MARK``,
``figure_roles._TARGET_END`` …) read each run again from each of its offsets. Normalization
now makes any run of blank lines one blank line (the spaces on them dropped), so a run of
white space in the normalized text is four characters at most (``" \\n\\n "``), and every
offset still maps back to the text as given. These tests check what the text becomes, not
how long it takes. All texts are invented.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from reading import DATA, find

from kpitools.extract import UnreadFigureWarning, extract_file
from kpitools.extract.text import normalize, prepare

_RUNS = (
    " \n" * 60,
    "\n \n" * 40,
    "\r\n \r\n" * 30,
    "\u00a0\n\t" * 50,
    "\n" * 90,
    "\r\n\t\r\n\u00a0\r\n\u200b\n  ",
)


def _longest_blank(text: str) -> int:
    return max((len(m.group()) for m in re.finditer(r"\s+", text)), default=0)


def test_a_run_of_blank_lines_is_one_blank_line() -> None:
    head, tail = "Kết nạp 12 đảng viên.", "Đạt 120% kế hoạch."
    for run in _RUNS:
        text = head + run + tail
        norm = normalize(text)
        # the space that ends the line before and the one that opens the line after stay
        assert re.fullmatch(rf"{re.escape(head)} ?\n\n ?{re.escape(tail)}", norm.text), repr(run)
        assert _longest_blank(norm.text) <= 4
        # every character maps back, the joined blank lines to the whole run
        at = norm.text.index("Đạt")
        assert text[slice(*norm.original(at, len(norm.text)))] == tail
        assert norm.original(len(head), at) == (len(head), text.index("Đạt"))


def test_a_line_end_and_one_blank_line_stay_but_the_blank_line_s_spaces() -> None:
    for text, normalized in (
        ("a\nb", "a\nb"),
        ("a \n b", "a \n b"),
        ("a\n\nb", "a\n\nb"),
        ("a\r\n\r\nb", "a\n\nb"),
        ("a \n \t \n b", "a \n\n b"),
    ):
        norm = normalize(text)
        assert norm.text == normalized
        assert norm.line(len(norm.text) - 1) == norm.text.count("\n") + 1
        assert norm.original(0, len(norm.text)) == (0, len(text))


def test_lines_are_counted_in_the_text_as_given() -> None:
    text = "Kết nạp 10/8 đảng viên.\n \n\t\n\n\nÝ kiến bạn đọc\nHay quá: 5/5."
    doc = prepare(text)
    assert doc.stopped_at is not None
    assert (doc.stopped_at.line, doc.stopped_at.offset) == (6, text.index("Ý"))


def test_an_unread_figure_s_line_counts_the_joined_blank_lines(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    text = "Báo cáo năm 2030.\r\n\r\n \r\n\r\nKết nạp 1.234.5 đảng viên.\r\n"
    report.write_bytes(text.encode("utf-8"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UnreadFigureWarning)
        ex = extract_file(report, units=DATA / "units.csv", catalog=DATA / "metrics.csv",
                          phrases=DATA / "metric_phrases.csv")  # fmt: skip
    [u] = ex.unread
    assert (u.line, u.written) == (5, "1.234.5")
    assert ex.text[u.offset : u.offset + len(u.written)] == "1.234.5"


_PIECES = st.lists(
    st.sampled_from(["kế hoạch", "đạt", "150", "92%", " ", "\n", "\r\n", "\t", "\u00a0", ".", "x"]),
    max_size=60,
)


@given(_PIECES)
def test_normalized_white_space_is_short_and_every_character_maps_back(pieces: list[str]) -> None:
    text = "".join(pieces)
    norm = normalize(text)
    assert _longest_blank(norm.text) <= 4
    if norm.text:
        assert norm.original(0, len(norm.text)) == (0, len(text))
        for k in range(1, len(norm.text)):
            assert norm.end_of(k - 1) == norm.start_of(k)


_REPORT = (
    "Năm 2031, toàn huyện kết nạp 214/200 đảng viên mới, đạt 107% kế hoạch.\n"
    "Tổng thu ngân sách trên địa bàn đạt 1.240 tỷ đồng, bằng 103,3% dự toán, tăng 8,2% so với"
    " cùng kỳ.\n"
    "Tỷ lệ hộ dân dùng nước sạch đạt 96%, mục tiêu là 95%.\n"
    "Số doanh nghiệp thành lập mới 315, vượt chỉ tiêu 15 doanh nghiệp."
)


def _reading(text: str) -> list[tuple[object, ...]]:
    return [
        (s.text, s.actual, s.target, s.stated_percent, s.stated_kind, s.year, s.unit)
        for s in find(text, money=True)
    ]


def test_the_statements_are_the_same_when_paragraphs_are_parted_by_hostile_runs() -> None:
    plain = _reading(_REPORT)
    assert len(plain) >= 4
    for run in _RUNS:
        hostile = _REPORT.replace("\n", run)
        assert _reading(hostile) == plain, repr(run)
        for s in find(hostile, money=True):
            # the span is the statement's in the text as given
            assert hostile[s.start : s.end].split() == s.text.split()


def test_a_long_hostile_text_is_read_as_nothing() -> None:
    text = "Năm 2046, sản lượng đạt 5 tấn" + " \n" * 2000 + "x."
    assert len(normalize(text).text) < 40
    assert find(text, money=True) == []
    mixed = "kế hoạch \n \n 150 \n \n \n đạt \n \n \n 92%" * 100
    assert _longest_blank(normalize(mixed).text) <= 4
