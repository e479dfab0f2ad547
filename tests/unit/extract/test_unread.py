"""Figures written in no number format (``12.723.4``): a report is read around them, they are
said where they are, and no statement rests on them. One such figure used to fail the whole
text (a real report of the older evaluation batch ``2026-12-05j`` did).

Every example is invented (real passages are in tests/eval/extract/).
"""

from __future__ import annotations

import unicodedata
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reading import find

from kpitools.cli import main
from kpitools.extract import UnreadFigureWarning, extract_file, extract_statements

BAD = "Từ đầu năm, huyện Đông Anh trồng 1.234.5/2.000 ha rừng, đạt 61,7% kế hoạch năm."
GOOD = "Huyện Sóc Sơn kết nạp 40 đảng viên, đạt 80% chỉ tiêu."


def test_a_figure_in_no_number_format_is_said_and_the_rest_is_read(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(f"Báo cáo năm 2024.\n{BAD} {GOOD}\n", encoding="utf-8")
    ex = extract_file(report, units="data/units.csv", catalog="data/metrics.csv",
                      phrases="data/metric_phrases.csv")  # fmt: skip
    [u] = ex.unread
    assert (u.line, u.written) == (2, "1.234.5")
    assert ex.text[u.offset : u.offset + len(u.written)] == "1.234.5"
    assert "groups of thousands" in u.reason and str(u).startswith("line 2 (offset ")
    # nothing rests on the unread figure; the statement beside it is read as ever
    assert [(s.actual, s.stated_percent) for s in ex.statements] == [(40, 80)]


def test_the_cli_says_file_line_and_offset_on_stderr_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "report.txt"
    report.write_text(f"{BAD}\n{GOOD}\n", encoding="utf-8")
    assert main(["extract", str(report), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert f"kpitools extract: {report}: line 1 (offset 33): '1.234.5' is not a number" in err
    assert '"actual": 40' in out and "1.234.5" not in out


def test_the_python_api_warns_with_the_file_and_place() -> None:
    with pytest.warns(UnreadFigureWarning, match=r"bc\.txt: line 1 \(offset 33\): '1\.234\.5'"):
        found = extract_statements(BAD, file="bc.txt")
    assert found == []  # the percentage's figures are unread: no claim on them


def test_offsets_are_in_the_text_as_given_nfd_too() -> None:
    nfd = unicodedata.normalize("NFD", f"{GOOD}\n{BAD}")
    with pytest.warns(UnreadFigureWarning) as caught:
        find(nfd)
    [message] = [str(w.message) for w in caught]
    offset = int(message.split("(offset ")[1].split(")")[0])
    assert nfd[offset : offset + 7] == "1.234.5" and "line 2" in message


_GROUP = st.integers(0, 999).map(str)
_SEP = st.sampled_from([".", ",", ". ", ", ", " "])


@st.composite
def numerals(draw: st.DrawFn) -> str:
    """A numeral as reports write them, or with separators no number format allows."""
    groups = draw(st.lists(_GROUP, min_size=1, max_size=4))
    return groups[0] + "".join(draw(_SEP) + g for g in groups[1:])


TEMPLATES = [
    "Huyện A kết nạp {a}/{b} đảng viên, đạt {p}% kế hoạch.",
    "Thu ngân sách đạt {a} tỷ đồng, bằng {p}% dự toán (dự toán {b} tỷ đồng).",
    "Trồng được {a}/{b}ha rừng, đạt {p}%KH.",
    "Tổng vốn {b} tỷ đồng, đã giải ngân {a} tỷ {c} triệu đồng, đạt {p}% kế hoạch.",
    "Kế hoạch năm {b} đảng viên; 6 tháng đầu năm kết nạp {a} đảng viên.",
    "Tăng trưởng {a}-{b}%, đạt {p}% chỉ tiêu.",
    "Doanh thu {a} nghìn tỷ {c} tỷ đồng, vượt {p}% kế hoạch.",
    "Sản lượng {a} ha/{b} ha, tăng {p}% so với kế hoạch.",
    "Xã C {a}/{b} tiêu chí; xã D {c}/{b}, đạt {p}%.",
]


@settings(derandomize=True, deadline=None, max_examples=150)
@given(
    st.lists(
        st.tuples(st.sampled_from(TEMPLATES), numerals(), numerals(), numerals(), numerals()),
        min_size=1,
        max_size=3,
    )
)
def test_no_numeral_fails_a_text(parts: list[tuple[str, str, str, str, str]]) -> None:
    text = " ".join(t.format(a=a, b=b, c=c, p=p) for t, a, b, c, p in parts)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        found = extract_statements(text)
    for s in found:  # every statement is a span of the text (its ``text`` normalized)
        assert 0 <= s.start < s.end <= len(text) and s.text
    for w in caught:  # every unread figure is where it says
        assert issubclass(w.category, UnreadFigureWarning)
        written = str(w.message).split("'")[1]
        offset = int(str(w.message).split("(offset ")[1].split(")")[0])
        assert text[offset : offset + len(written)] == written
