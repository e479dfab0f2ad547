"""The audit's notes in the report's language (issue 18, point 4): kept as data, written in
Vietnamese or English with that language's number format; the ``note`` column stays English."""

from __future__ import annotations

import ast
import json
import re
from decimal import Decimal
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kpitools.catalog import read_catalog
from kpitools.cli import main
from kpitools.extract.audit import audit_statements
from kpitools.extract.display import audit_table
from kpitools.extract.notes import note_data, note_text, seg
from kpitools.extract.phrases import read_phrases
from kpitools.extract.statements import extract_statements, statements_frame
from kpitools.numbers import format_number, parse_number
from kpitools.registry import read_registry
from kpitools.vocab import WORDS

ROOT = Path(__file__).resolve().parents[3]
EXTRACT = ROOT / "src" / "kpitools" / "extract"

#: One text that gives a note of every sort: rounded, truncated, qualified, an excess, a
#: count excess, a target linked from another sentence, parts of a total, unchecked kinds.
TEXT = (
    "Năm 2023, toàn thành phố kết nạp 852/453 đảng viên (đạt 188,0%). Tính đến 30/11/2023, "
    "Đảng bộ thành phố đã kết nạp 10.479/9.810 đảng viên mới (đạt 106.82% so với kế hoạch "
    "năm), trong đó có 88 đảng viên là học sinh THPT. Năm 2023, toàn thành phố kết nạp 1.000 "
    "đảng viên, trong đó huyện Đông Anh 600 đảng viên, huyện Gia Lâm 500 đảng viên. "
    "Kết nạp 1.236/1.200 đảng viên, đạt 103%. Kết nạp 1.155/1.000 đảng viên, "
    "vượt 15,5% kế hoạch. Kết nạp 520/400 đảng viên, đạt trên 130%. Kết nạp 119/120 đảng "
    "viên, đạt gần 100%. Kết nạp 320 đảng viên, vượt 20 đảng viên so với chỉ tiêu. Số đảng "
    "viên tăng 5,2% so với năm trước."
)
#: Targets stated in another sentence than their results.
LINKED = (
    "Nghị quyết Đại hội đề ra mỗi năm kết nạp 1.500 đảng viên.\n\n"
    "Năm 2022 toàn Đảng bộ kết nạp 1.380 đảng viên, đạt 92,5% so với nghị quyết.",
    "Năm 2023, toàn Đảng bộ kết nạp 120 đảng viên, đạt trên 41,2% so với kế hoạch.\n\n"
    "Năm 2023 phấn đấu kết nạp trên 300 đảng viên.",
)
ENGLISH = re.compile(
    r"\b(the|of|a|an|is|not|no|to|total|target|means|linked|from|approximate|larger|part|"
    r"whole|rate|share|growth|figures?|kind|unknown|under|derived|its|than|so)\b"
)


@pytest.fixture(scope="module")
def audit() -> pl.DataFrame:
    data = ROOT / "data"
    catalog = read_catalog(data / "metrics.csv")
    registry = read_registry(data / "units.csv")
    phrases = read_phrases(data / "metric_phrases.csv", catalog=catalog)
    found = [
        s
        for i, text in enumerate((TEXT, *LINKED))
        for s in extract_statements(
            text, file=f"t{i}", registry=registry, catalog=catalog, phrases=phrases
        )
    ]
    return audit_statements(found)


def _notes(audit: pl.DataFrame, lang: str) -> list[str]:
    table = audit_table(audit, lang=lang).frame
    return table[table.columns[-1]].to_list()


def test_a_vietnamese_audit_table_writes_its_notes_in_vietnamese_with_decimal_commas() -> None:
    found = audit_statements(extract_statements("kết nạp 852/453 đảng viên (đạt 188,0%)"))
    assert _notes(found, "vi")[0] == "100 × 852 / 453 = 188,079 → 188,1"
    assert _notes(found, "en")[0] == "100 × 852 / 453 = 188.079 → 188.1"  # as before
    assert found["note"].to_list() == _notes(found, "en")  # the frame's note: English


def test_no_vietnamese_note_has_an_english_word(audit: pl.DataFrame) -> None:
    notes = [n for n in _notes(audit, "vi") if n]
    kinds = set(audit["check"].to_list())
    assert {"attainment", "excess", "excess_count", "growth", "part", "sum"} <= kinds
    assert sum("lấy từ" in n for n in notes) == 2  # the linked targets
    for note in notes:
        assert not ENGLISH.search(re.sub(r"“[^”]*”", "", note)), note  # quotes are the text's


def test_every_number_of_a_note_is_written_in_each_languages_format(audit: pl.DataFrame) -> None:
    """The Vietnamese note has the English note's numbers, in order, in Vietnamese format."""
    number = r"(?<![\w.,])\d+(?:[.,]\d+)*"
    for en, vi in zip(_notes(audit, "en"), _notes(audit, "vi"), strict=True):
        en, vi = (re.sub(r"“[^”]*”", "“”", n) for n in (en, vi))
        plain = re.findall(number, en)
        assert [format_number(Decimal(x), lang="vi", decimals=_decimals(x)) for x in plain] == (
            re.findall(number, vi)
        ), (en, vi)


def _decimals(x: str) -> int:
    return len(x.partition(".")[2])


def test_the_english_table_shows_the_frames_note(audit: pl.DataFrame) -> None:
    assert _notes(audit, "en") == [n or "" for n in audit["note"].to_list()]
    assert audit["note_data"].null_count() == audit["note"].null_count()


def test_a_frame_without_note_data_shows_its_notes_as_written() -> None:
    """Frames written by an older kpitools (no ``note_data``) still read and display."""
    found = statements_frame(extract_statements("kết nạp 852/453 đảng viên (đạt 188,0%)"))
    old = audit_statements(found.drop("note_data"))
    assert _notes(old, "vi") == ["100 × 852 / 453 = 188.079 → 188.1"]
    assert _notes(old.drop("note_data"), "vi") == ["100 × 852 / 453 = 188.079 → 188.1"]


def test_every_note_word_used_is_in_the_vocabulary() -> None:
    used: set[str] = set()
    for path in EXTRACT.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "seg":
                used |= _names(node.args[0])
    used |= {"growth_base", "share_whole", "rate_whole", "target_percent", "kind_unknown"}
    used |= {"sum_equal", "sum_at_most"}  # named by the part rule
    assert len(used) > 20
    assert sorted(u for u in used if f"extract.note.{u}" not in WORDS) == []


def _names(node: ast.expr) -> set[str]:
    """The words a ``seg(...)`` first argument can name: a string, either branch of an
    ``a if c else b``, the default of ``reasons.get(kind, default)``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _names(node.body) | _names(node.orelse)
    if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "get":
        return _names(node.args[1])
    return set()


@settings(deadline=None)  # timing is no part of the property: a loaded machine is slow
@given(
    st.decimals(min_value=-(10**9), max_value=10**9, allow_nan=False, places=3)
    | st.integers(-(10**9), 10**9).map(Decimal)
)
def test_a_number_in_a_note_reads_back_as_itself_in_either_language(x: Decimal) -> None:
    data = note_data(seg("difference", a=x, t=x, diff=x))
    for lang, decimal in (("vi", ","), ("en", ".")):
        a, _, _ = note_text(data, lang).partition(" − ")
        assert parse_number(a, decimal=decimal) == x


def test_kpitools_extract_audit_writes_the_notes_in_the_language_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "r.txt"
    report.write_text("Năm 2023, toàn thành phố kết nạp 852/453 đảng viên (đạt 188,0%).\n")
    data = ROOT / "data"
    options = ["--units", str(data / "units.csv"), "--catalog", str(data / "metrics.csv")]
    options += ["--phrases", str(data / "metric_phrases.csv"), "--audit"]
    assert main(["extract", str(report), *options, "--lang", "vi"]) == 1
    assert "188,079 → 188,1" in capsys.readouterr().out
    assert main(["extract", str(report), *options, "--lang", "en"]) == 1
    assert "188.079 → 188.1" in capsys.readouterr().out
    assert main(["extract", str(report), *options, "--format", "json"]) == 1
    [record] = json.loads(capsys.readouterr().out)
    assert record["checks"][0]["note"] == "100 × 852 / 453 = 188.079 → 188.1"  # data: English


# --------------------------------------------------------------------------- unplaced reasons

UNPLACED = (
    "Huyện Mê Linh kết nạp 520/400 đảng viên.\n\n"
    "Năm 2026, huyện Đông Anh kết nạp 120/100 đảng viên. "
    "Tính đến 31/12/2025, huyện Đông Anh kết nạp 120/100 đảng viên. "
    "Năm 2005, quận Nam Từ Liêm kết nạp 120/100 đảng viên. "
    "Năm 2023, xã Minh Phú kết nạp 120/100 đảng viên. "
    "Năm 2023, huyện Gia Lâm kết nạp hơn 300 đảng viên. "
    "Năm 2023, huyện Gia Lâm kết nạp từ 150 đến 170 đảng viên. "
    "Năm 2023, huyện Sóc Sơn kết nạp 520/400 đảng viên. "
    "Năm 2023, huyện Sóc Sơn kết nạp 520/400 đảng viên. "
    "Năm 2023, huyện Đông Anh trồng 520/400 cây xanh."
)


def test_why_a_statement_is_not_placed_is_said_in_the_tables_language() -> None:
    from kpitools.extract.display import statements_table
    from kpitools.extract.statements import statements_to_kpis
    from kpitools.links import read_links

    data = ROOT / "data"
    catalog = read_catalog(data / "metrics.csv")
    registry = read_registry(data / "units.csv", links=read_links(data / "links.csv").frame)
    found = extract_statements(
        UNPLACED,
        registry=registry,
        catalog=catalog,
        phrases=read_phrases(data / "metric_phrases.csv", catalog=catalog),
    )
    unplaced = statements_to_kpis(found, registry=registry).unplaced
    en = statements_table(unplaced, lang="en").frame["Reason"].to_list()
    vi = statements_table(unplaced, lang="vi").frame["Lý do"].to_list()
    assert en == unplaced["reason"].to_list()  # English: the frame's reason, as before
    said = " ".join(en)
    reasons = ["did not exist in 2026", "did not exist on 2025-12-31", "starts on", "no year"]
    reasons += ["its area is now in", "names no single unit", "an approximate figure (hơn)"]
    reasons += ["a range", "the same unit, year and metric", "no metric"]
    assert [r for r in reasons if r not in said] == []
    gone = "đơn vị 017 (Đông Anh) không tồn tại vào ngày 31/12/2025: chấm dứt ngày 30/06/2025; "
    assert any(r.startswith(gone + "địa bàn nay thuộc 00454 Đông Anh (một phần), ") for r in vi)
    for reason in vi:
        assert not ENGLISH.search(re.sub(r"'[^']*'", "", reason)), reason
