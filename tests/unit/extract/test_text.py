"""kpitools.extract.text: normalization with its offsets, where reading stops, and linear work."""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path
from types import FrameType
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from kpitools.catalog import read_catalog
from kpitools.extract import extract_statements, read_phrases
from kpitools.extract.text import _table_tabs, normalize, prepare
from kpitools.registry import read_registry
from kpitools.textfold import INVISIBLE, LINE_BREAKS, LOOKALIKES, SPACE_LIKE

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "data"
SEED = (DATA / "seed" / "000_75537393c0b30eb1.txt").read_text(encoding="utf-8")
BODY = SEED[: SEED.index("Ý kiến bạn đọc")]


def spans(text: str) -> tuple[str, list[int], list[int]]:
    """Normalization one character at a time: the text and each character's original span
    (a tab between the cells of a table's row is a line break: ``_table_tabs``; blank lines
    joined: ``_blank_lines_joined``)."""
    tabs = _table_tabs(text)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i = 0
    while i < len(text):
        char, j = text[i], i + 1
        if char == "\r" or char in LINE_BREAKS or i in tabs:
            j += char == "\r" and text[j : j + 1] == "\n"
            chunk = "\n"
        else:
            while j < len(text) and unicodedata.combining(text[j]):
                j += 1
            if char in INVISIBLE:
                i = j
                continue
            space = char in SPACE_LIKE or char.isspace()
            marks = LOOKALIKES.get(char, char) + text[i + 1 : j]
            chunk = " " if space else unicodedata.normalize("NFC", marks)
        if chunk == " " and out and out[-1] == " ":
            ends[-1] = j
        else:
            for c in chunk:
                out.append(c)
                starts.append(i)
                ends.append(j)
        i = j
    return _blank_lines_joined(text, out, starts, ends)


def _blank_lines_joined(
    text: str, out: list[str], starts: list[int], ends: list[int]
) -> tuple[str, list[int], list[int]]:
    """Two line ends or more with only white space (or invisible characters) between them
    are one blank line: the first ``\\n`` spans the original up to the last line end, the
    second the last line end."""

    def line_end(k: int) -> bool:
        return out[k] == "\n" and (text[starts[k]] == "\r" or text[starts[k]] in LINE_BREAKS)

    def blank(k: int) -> bool:  # the character and what was dropped before it
        return all(c.isspace() or c in INVISIBLE for c in text[ends[k - 1] : ends[k]])

    text_out: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    k = 0
    while k < len(out):
        last = k
        if line_end(k):
            b = k + 1
            while b < len(out) and out[b] in " \n" and blank(b):
                if line_end(b):
                    last = b
                b += 1
        if last > k:
            text_out += ["\n", "\n"]
            new_starts += [starts[k], starts[last]]
            new_ends += [starts[last], ends[last]]
            k = last + 1
        else:
            text_out.append(out[k])
            new_starts.append(starts[k])
            new_ends.append(ends[k])
            k += 1
    return "".join(text_out), new_starts, new_ends


CHARS = " \n\r\t\u00a0\u200b\u00ad\u2028aAđĐ\u00d0\u0301\u0300\u0323\u0958\u212b.,%/ệởằ"


@settings(deadline=None)  # timing is no part of the property: a loaded machine is slow
@given(st.text(alphabet=CHARS, max_size=16).map(lambda t: t + unicodedata.normalize("NFD", t)))
def test_normalized_offsets_are_those_of_each_character(text: str) -> None:
    norm = normalize(text)
    expected, starts, ends = spans(text)
    assert norm.text == expected
    assert [norm.original(k, k + 1) for k in range(len(expected))] == list(
        zip(starts, ends, strict=True)
    )
    for k in range(len(expected) + 1):
        at = starts[k] if k < len(starts) else len(text)
        assert norm.original(k, k) == (at, at)
    assert [norm.position(i) for i in range(len(text) + 1)] == [
        next((k for k, s in enumerate(starts) if s >= i), len(starts)) for i in range(len(text) + 1)
    ]


def test_a_plain_text_needs_one_piece_of_offsets() -> None:
    norm = normalize(BODY)
    assert norm.text == spans(BODY)[0]
    assert len(norm.keys) <= 3  # a doubled space is a piece: not one entry per character


def test_reading_stops_at_the_trailer_and_says_where() -> None:
    text = "Năm 2023 kết nạp 10/8 đảng viên.\r\n\r\nTin cùng chuyên mục\r\nHuyện A: 5/5."
    doc = prepare(text)
    assert doc.stopped_at is not None
    assert doc.stopped_at.offset == text.index("Tin cùng")
    assert (doc.stopped_at.line, doc.stopped_at.heading) == (3, "Tin cùng chuyên mục")
    assert doc.limit == doc.text.index("Tin cùng")
    assert prepare("Năm 2023 kết nạp 10/8 đảng viên.").stopped_at is None


# --------------------------------------------------------------------------- linear work


REGISTRY = read_registry(DATA / "units.csv")
CATALOG = read_catalog(DATA / "metrics.csv")
PHRASES = read_phrases(DATA / "metric_phrases.csv", catalog=CATALOG)


def report(copies: int) -> str:
    """The seed's body ``copies`` times, each with its numbers moved so statements differ."""
    return "".join(moved(BODY, k) for k in range(copies))


def moved(text: str, by: int) -> str:
    return re.sub(r"\d+", lambda m: str(int(m.group()) + by), text)


def steps(text: str) -> int:
    """Lines of kpitools.extract's Python run to extract ``text`` (calls and loops count)."""
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        count += 1
        return local

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:
        return local if "kpitools/extract" in frame.f_code.co_filename.replace("\\", "/") else None

    sys.settrace(tracer)
    try:
        extract_statements(text, registry=REGISTRY, phrases=PHRASES, catalog=CATALOG)
    finally:
        sys.settrace(None)
    return count


def test_the_work_per_sentence_does_not_grow_with_the_text() -> None:
    # before issue 13 each sentence looked over every unit, time and draft of the document:
    # 4 838 steps per sentence for one copy of the seed, 6 863 for eight
    one, eight = report(1), report(8)
    per_sentence = [steps(t) / len(prepare(t).sentences) for t in (one, eight)]
    assert per_sentence[1] <= 1.05 * per_sentence[0], per_sentence


def test_a_unit_name_with_line_separators_is_found_like_any_other(tmp_path: Path) -> None:
    # a registry name "A\u2028B\u2029C" (hostile text): the text's match is looked up with
    # its spaces made one, so the name's key must be made the same way (it was a KeyError)
    import polars as pl

    from kpitools.extract.text import find_units
    from kpitools.registry import UnitRegistry

    registry = UnitRegistry.from_frame(
        pl.DataFrame(
            {
                "code": ["01", "001"],
                "name": ["Hà Nội", "A\u2028B\u2029C"],
                "level": ["city", "district"],
                "parent": [None, "01"],
            }
        )
    )
    doc = prepare("Đảng bộ A B  C kết nạp 40 đảng viên.")
    [mention] = [u for u in find_units(doc, registry) if u.text != "Hà Nội"]
    assert mention.text.split() == ["A", "B", "C"]
