"""A report's notes on how its data was read, in the report's language (issue 18, point 4);
kpitools.io's messages themselves stay English (the CLI, ``kpitools check``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import kpitools as kt
from kpitools.display import _READ_NOTES, _note_text, report_header
from kpitools.errors import DataIssue
from kpitools.io import read_kpi_file_with_notes

ROOT = Path(__file__).resolve().parents[2]
FORMS = ROOT / "tests" / "data" / "forms"
READ = [
    ("long_semicolon_bom.csv", {}),
    ("long_tab.csv", {}),
    ("long_nfd.csv", {}),
    ("long_cp1258.csv", {}),
    ("long_tcvn3.csv", {}),
    ("long_vni.csv", {}),
    ("long_vntime_utf8.csv", {}),
    ("long_loose_name.csv", {}),
    ("bieu_01.xlsx", {"sheet": "Biểu 01"}),
    ("bieu_6_thang.xlsx", {}),
]
ENGLISH = re.compile(
    r"\b(taken|from|the|form|title|read|as|diacritics|differ|text|converted|to|save|avoid|"
    r"this|normalized|decomposed|letters|fields|separated|by|typed|font|line|skipped|header|"
    r"without|figures|group|heading)\b"
)


def _vietnamese(note: str) -> bool:
    """No English word outside quotes and the names of columns, encodings and fonts."""
    bare = re.sub(r"'[^']*'|\([a-z_]+\)|TCVN3 \(ABC, \.VnTime\)|VNI Windows", "", note)
    return not ENGLISH.search(bare)


@pytest.fixture(scope="module")
def notes() -> list[DataIssue]:
    registry = kt.read_registry(ROOT / "data" / "units.csv")
    catalog = kt.read_catalog(ROOT / "data" / "metrics.csv")
    found: list[DataIssue] = []
    for name, options in READ:
        found += read_kpi_file_with_notes(
            FORMS / name,
            registry=registry,
            catalog=catalog,
            **options,  # type: ignore[arg-type]
        )[1]
    return found


def test_every_note_of_a_real_read_is_written_in_vietnamese(notes: list[DataIssue]) -> None:
    assert len(notes) >= 14
    keys = set()
    for note in notes:
        said = _note_text(note.message, "vi")
        assert said != note.message and _vietnamese(said), (note.message, said)
        keys |= {k for p, k in _READ_NOTES if p.fullmatch(note.message)}
    assert len(keys) == len(_READ_NOTES) - 1  # all but period_start (no fixture has one)


def test_a_vietnamese_header_says_how_the_data_was_read_in_vietnamese(
    notes: list[DataIssue],
) -> None:
    vi = report_header(title="t", params={}, notes=notes, lang="vi").html
    assert "năm 2023 lấy từ tiêu đề" in vi
    assert "ngày số liệu (as_of) 30/11/2023 lấy từ ngày ghi trên biểu mẫu" in vi
    assert "bỏ qua dòng không có số liệu (tiêu đề nhóm)" in vi
    assert "các cột phân cách bằng dấu tab" in vi
    assert "taken from" not in vi and "converted" not in vi and "separated" not in vi
    en = report_header(title="t", params={}, notes=notes, lang="en").html
    assert "year 2023 taken from the title" in en  # English as the messages are
    assert "as_of 2023-11-30 taken from the form&#x27;s stated date" in en


@pytest.mark.parametrize(
    ("message", "vi"),
    [
        ("period_start 2025-07-01 taken from the form", "ngày đầu kỳ (period_start) 01/07/2025"),
        ("as_of 2024-06-30 taken from the form's period", "30/06/2024 lấy từ kỳ báo cáo"),
        ("'Quận Ba Đinh' read as 001 Ba Đình (diacritics differ)", "được đọc là 001 Ba Đình"),
    ],
)
def test_a_note_keeps_its_fields_in_vietnamese(message: str, vi: str) -> None:
    assert vi in _note_text(message, "vi")
    assert _note_text(message, "en") == message


def test_an_unknown_note_is_shown_as_it_is() -> None:
    assert _note_text("something else happened", "vi") == "something else happened"
