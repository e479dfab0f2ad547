"""Official report forms, CSV dialects, legacy encodings and the notes on how a file was read."""

from __future__ import annotations

import datetime as dt
import shutil
import unicodedata
from pathlib import Path

import polars as pl
import pytest
import xlsxwriter
from hypothesis import given
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

import kpitools as kt
from kpitools.io import load_dataset, read_kpi_file, read_kpi_file_with_notes
from kpitools.io.encodings import VIETNAMESE_LETTERS, decode_legacy, encode_text
from kpitools.io.schema import ALIAS_OF, word_key

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "data"
FORMS = ROOT / "tests" / "data" / "forms"
ENCODED = ["long_cp1258.csv", "long_tcvn3.csv", "long_vni.csv", "long_vntime_utf8.csv"]
DIALECTS = ["long_semicolon_bom.csv", "long_tab.csv", "long_nfd.csv"]


@pytest.fixture(scope="module")
def registry() -> kt.UnitRegistry:
    return kt.read_registry(DATA / "units.csv")


@pytest.fixture
def read(registry, catalog):
    def read(path, **options):
        return read_kpi_file_with_notes(path, registry=registry, catalog=catalog, **options)

    return read


def messages(notes) -> list[str]:
    return [note.message for note in notes]


# --------------------------------------------------------------------------- CSV files


@pytest.mark.parametrize("name", DIALECTS + ENCODED)
def test_every_dialect_and_encoding_reads_to_the_same_frame(read, name):
    expected, notes = read(FORMS / "long_utf8.csv")
    assert notes == ()
    got, notes = read(FORMS / name)
    # the source is the file name; everything else is the same
    assert_frame_equal(got.drop("source"), expected.drop("source"))
    assert len(notes) == 1 and notes[0].file == str(FORMS / name) and notes[0].row is None


@pytest.mark.parametrize(
    ("name", "note"),
    [
        ("long_semicolon_bom.csv", "fields separated by ';'"),
        ("long_tab.csv", "fields separated by tab"),
        ("long_nfd.csv", "text normalized to NFC (it had decomposed letters)"),
        ("long_cp1258.csv", "text converted from Windows-1258 to Unicode"),
        ("long_tcvn3.csv", "text converted from TCVN3 (ABC, .VnTime) to Unicode"),
        ("long_vni.csv", "text converted from VNI Windows to Unicode"),
        ("long_vntime_utf8.csv", "text typed in a TCVN3 (ABC, .VnTime) font converted"),
    ],
)
def test_notes_say_how_a_file_was_read(read, name, note):
    (found,) = read(FORMS / name)[1]
    assert found.message.startswith(note)


def test_the_fixtures_are_what_make_forms_writes(tmp_path):
    """The committed files are the script's output (regenerate with make_forms.py)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_forms", FORMS / "make_forms.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    module.HERE = tmp_path
    module.write_long_files()
    for made in tmp_path.iterdir():
        assert made.read_bytes() == (FORMS / made.name).read_bytes(), made.name


def test_long_header_wording_variants():
    variants = [("Nội dung", "metric"), ("Chỉ tiêu (nội dung)", "metric"), ("Chỉ số", "metric"),
                ("Đơn vị", "unit_name"), ("Kế hoạch", "target"), ("Chỉ tiêu", "target"),
                ("Thực hiện", "actual"), ("Kết quả", "actual"), ("KẾT QUẢ THỰC HIỆN", "actual"),
                ("Tỷ lệ đạt (%)", "stated_percent")]  # fmt: skip
    for header, column in variants:
        assert ALIAS_OF[word_key(header)] == column, header


def test_an_stt_and_a_unit_of_measure_column_are_ignored_in_the_long_layout(tmp_path, read):
    text = (FORMS / "long_utf8.csv").read_text(encoding="utf-8").splitlines()
    rows = [f"STT,ĐVT,{text[0]}"] + [f"{i},người,{line}" for i, line in enumerate(text[1:], 1)]
    path = tmp_path / "stt.csv"
    path.write_text("\n".join(rows), encoding="utf-8")
    assert read(path)[0].height == 3


def test_a_legacy_file_with_garbled_names_says_the_encoding_is_the_cause(tmp_path, read):
    # a VNI file whose name is not a unit once converted
    path = tmp_path / "bad.csv"
    path.write_bytes(encode_text("Đơn vị,Năm,Nội dung,Thực hiện\nBa Đìhn xyz,2023,admissions,1\n",
                                 "vni"))  # fmt: skip
    with pytest.raises(kt.KpiDataError) as err:
        read(path)
    assert err.value.issues[0].message.startswith(
        "text converted from VNI Windows to Unicode (save it as 'CSV UTF-8' to avoid this): "
        "the encoding is the likely cause"
    )
    assert "unknown unit 'Ba Đìhn xyz'" in str(err.value)


def test_undecodable_bytes_name_the_fix(tmp_path, read):
    path = tmp_path / "binary.csv"
    path.write_bytes(b"unit_name,year\n\x81\x8d\x90\x9d,2023\n")
    with pytest.raises(kt.KpiDataError, match="save it as 'CSV UTF-8'") as err:
        read(path)
    assert type(err.value).__name__ == "UnreadableFileError"


# --------------------------------------------------------------------------- encodings

_TCVN3_LETTERS = sorted(c for c in VIETNAMESE_LETTERS if c.islower()) + list("ĂÂĐÊÔƠƯ")
_TEXT = st.lists(
    st.sampled_from(sorted(VIETNAMESE_LETTERS) + list("abcdeghiklmnopqrstuvxyBDGHNT 0123456789,.")),
    max_size=40,
).map("".join)
_TCVN3_TEXT = st.lists(
    st.sampled_from(_TCVN3_LETTERS + list("abcdeghiklmnopqrstuvxyBDGHNT 0123456789,.")),
    max_size=40,
).map("".join)


@given(_TEXT)
def test_vni_and_cp1258_round_trip(text):
    for encoding in ("vni", "cp1258"):
        assert decode_legacy(encode_text(text, encoding), encoding) == text


@given(_TCVN3_TEXT)
def test_tcvn3_round_trip(text):
    assert decode_legacy(encode_text(text, "tcvn3"), "tcvn3") == text


def test_tcvn3_has_no_capitals_with_tones():
    with pytest.raises(UnicodeEncodeError):
        encode_text("Ứng Hòa", "tcvn3")


@pytest.mark.parametrize("encoding", ["cp1258", "tcvn3", "vni"])
def test_unit_names_round_trip(registry, encoding):
    names = [n for n in registry.units["name"] if encoding != "tcvn3" or n == n.lower() or
             all(c.isascii() or c in _TCVN3_LETTERS for c in n)]  # fmt: skip
    assert len(names) > 20
    for name in names:
        assert decode_legacy(encode_text(name, encoding), encoding) == name
    assert unicodedata.is_normalized("NFC", decode_legacy(encode_text("Hòa", "cp1258"), "cp1258"))


# --------------------------------------------------------------------------- forms


def test_official_wide_form(read):
    kpis, notes = read(FORMS / "bieu_01.xlsx", sheet="Biểu 01")
    assert kpis.select("unit_code", "year", "as_of", "metric", "target", "actual").rows() == [
        ("002", 2023, dt.date(2023, 11, 30), "admissions", 250.0, 262.0),
        ("017", 2023, dt.date(2023, 11, 30), "admissions", 1200.0, 1234.0),
        ("269", 2023, dt.date(2023, 11, 30), "admissions", 300.0, 290.0),
    ]
    assert [(n.row, n.message) for n in notes] == [
        (2, "year 2023 taken from the title"),
        (6, "column-number line under the header skipped"),
        (7, "line without figures skipped (a group heading)"),
        (9, "line without figures skipped (a group heading)"),
        (14, "as_of 2023-11-30 taken from the form's stated date"),
    ]
    assert notes[-1].value == "Ghi chú: số liệu tính đến 30/11/2023"


def test_half_year_form_and_numbered_columns(read):
    kpis, notes = read(FORMS / "bieu_6_thang.xlsx")
    assert set(kpis["year"]) == {2024} and set(kpis["as_of"]) == {dt.date(2024, 6, 30)}
    assert "as_of 2024-06-30 taken from the form's period" in messages(notes)


def test_a_given_year_wins_and_a_contradicted_one_is_a_problem(read):
    notes = read(FORMS / "bieu_01.xlsx", sheet="Biểu 01", year=2023, as_of="30/11/2023")[1]
    assert "year 2023 taken from the title" not in messages(notes)
    with pytest.raises(kt.KpiDataError) as err:
        read(FORMS / "bieu_01.xlsx", sheet="Biểu 01", year=2024, as_of="2024-12-31")
    assert [(i.row, i.message) for i in err.value.issues] == [
        (2, "the title names another year than year=2024"),
        (14, "the form states another date than as_of=2024-12-31"),
    ]


def test_a_wrong_total_is_still_a_problem(tmp_path, read):
    path = tmp_path / "total.xlsx"
    rows = [["BÁO CÁO NĂM 2023"], ["TT", "Đơn vị", "Kết nạp đảng viên mới"],
            [None, None, "Kế hoạch", "Thực hiện"], ["A", "B", 1, 2], ["I", "Khối quận"],
            [1, "Hoàn Kiếm", 250, 262], [2, "Ba Đình", 10, 10],
            [None, "Tổng cộng", 260, 999]]  # fmt: skip
    with xlsxwriter.Workbook(path) as book:
        sheet = book.add_worksheet()
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                if value is not None:
                    sheet.write(i, j, value)
    with pytest.raises(kt.KpiDataError) as err:
        read(path)
    (issue,) = err.value.issues
    assert (issue.row, issue.value) == (8, "999")
    assert issue.message == "the total row does not equal the sum of the units (272)"


def test_a_form_on_the_first_sheet_without_sheet_option_is_not_found(read):
    with pytest.raises(kt.KpiDataError):
        read(FORMS / "bieu_01.xlsx")  # the first sheet holds instructions, not a table


def test_form_title_with_two_years_needs_year(tmp_path, read):
    path = tmp_path / "two.xlsx"
    with xlsxwriter.Workbook(path) as book:
        sheet = book.add_worksheet()
        rows = [["Thực hiện Nghị quyết năm 2021 — kết quả năm 2023"],
                ["Đơn vị", "Kết nạp đảng viên mới - Thực hiện"], ["Ba Đình", 5]]  # fmt: skip
        for i, row in enumerate(rows):
            sheet.write_row(i, 0, row)
    with pytest.raises(kt.KpiDataError, match=r"several years \(2021, 2023\): pass year="):
        read(path)
    assert read(path, year=2023)[0]["year"].to_list() == [2023]


# --------------------------------------------------------------------------- names


def test_a_name_with_other_diacritics_is_read_and_noted(read):
    kpis, notes = read(FORMS / "long_loose_name.csv")
    assert kpis["unit_code"].to_list() == ["001"]
    (note,) = notes
    assert (note.row, note.column, note.value) == (2, "Đơn vị", "Quận Ba Đinh")
    assert note.message == "'Quận Ba Đinh' read as 001 Ba Đình (diacritics differ)"


def test_an_ambiguous_loose_name_is_an_error_with_the_candidates(tmp_path, registry, catalog):
    units = pl.DataFrame({"code": ["01", "011", "012"], "name": ["Tỉnh A", "Hòa An", "Hoà Ấn"],
                          "level": ["city", "district", "district"],
                          "parent": [None, "01", "01"]})  # fmt: skip
    reg = kt.UnitRegistry.from_frame(units)
    path = tmp_path / "a.csv"
    path.write_text("Đơn vị,Năm,Nội dung,Thực hiện\nHóa Ân,2023,admissions,1\n", encoding="utf-8")
    with pytest.raises(kt.KpiDataError, match="ambiguous unit 'Hóa Ân': it matches 011 Hòa An"):
        read_kpi_file(path, registry=reg, catalog=catalog)


# --------------------------------------------------------------------------- datasets


def test_load_dataset_entries_with_their_own_options(tmp_path):
    for name in ("bieu_01.xlsx", "long_vni.csv"):
        shutil.copy(FORMS / name, tmp_path / name)
    units, catalog = DATA / "units.csv", DATA / "metrics.csv"
    entries = [{"path": tmp_path / "bieu_01.xlsx", "sheet": "Biểu 01", "source": "Biểu 01"},
               {"path": tmp_path / "long_vni.csv", "year": 2024}]  # fmt: skip
    with pytest.raises(kt.KpiDataError, match="also in"):  # the same 2023 rows twice
        load_dataset(entries, units=units, catalog=catalog)
    ds = load_dataset(entries[:1], units=units, catalog=catalog)
    assert set(ds.kpis["source"]) == {"Biểu 01"}
    assert ds.kpis.height == 3 and len(ds.notes) == 5
    assert ds.replace(ds.kpis.head(1)).notes == ds.notes
    # the options are part of the cache key
    other = load_dataset([{**entries[0], "source": "khác"}], units=units, catalog=catalog)
    assert set(other.kpis["source"]) == {"khác"}
    with pytest.raises(ValueError, match="unknown keys 'sheeet'"):
        load_dataset([{"path": tmp_path / "bieu_01.xlsx", "sheeet": "x"}], units=units,
                     catalog=catalog)  # fmt: skip
    with pytest.raises(ValueError, match="no 'path'"):
        load_dataset([{"sheet": "x"}], units=units, catalog=catalog)


# --------------------------------------------------------------------------- periods


def _half_year_form(path: Path, title: str, footnote: str | None, units: list[list[object]]):
    """A form of the second half of 2025 by the new communes and wards, as the city's
    committee sends them: title lines, a two-row header, numbered columns, group headings,
    a total row and a footnote."""
    with xlsxwriter.Workbook(path) as book:
        sheet = book.add_worksheet("Biểu 02-KN")
        bold = book.add_format({"bold": True, "align": "center"})
        sheet.merge_range(0, 0, 0, 4, "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", bold)
        sheet.merge_range(1, 0, 1, 4, title, bold)
        sheet.merge_range(2, 0, 2, 4, "(Kèm theo Báo cáo số 125-BC/TU)")
        sheet.merge_range(3, 0, 4, 0, "TT", bold)
        sheet.merge_range(3, 1, 4, 1, "Đảng bộ", bold)
        sheet.merge_range(3, 2, 3, 4, "Kết nạp đảng viên mới", bold)
        for j, role in enumerate(["Kế hoạch", "Thực hiện", "Tỷ lệ (%)"], start=2):
            sheet.write(4, j, role, bold)
        total = [sum(int(str(u[k]).replace(".", "")) for u in units if len(u) > 2) for k in (2, 3)]
        body: list[list[object]] = [
            ["A", "B", "1", "2", "3"],
            ["I", "Khối phường"],
            *units,
            [None, "Tổng cộng", *total],
        ]
        if footnote:
            body += [[], [footnote]]
        for i, row in enumerate(body, start=5):
            for j, value in enumerate(row):
                if value is not None:
                    sheet.write(i, j, value)


_NEW_UNITS = [
    [1, "Phường Ba Đình", 120, 131, "109,2"],
    [2, "Phường Hoàn Kiếm", 90, 84, "93,3"],
    ["II", "Khối xã"],
    [3, "Xã Đông Anh", 150, "1.050", "700,0"],
]


@pytest.mark.parametrize(
    ("title", "footnote", "said_on"),
    [
        ("BÁO CÁO KẾT QUẢ KẾT NẠP ĐẢNG VIÊN 6 THÁNG CUỐI NĂM 2025", None, 2),
        (
            "BÁO CÁO KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2025",
            "Ghi chú: số liệu từ ngày 01/7/2025 đến ngày 31/12/2025 (đơn vị hành chính mới)",
            14,
        ),
        ("KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2025 (từ 01/7/2025)", None, 2),
    ],
)
def test_a_form_declares_its_period(tmp_path, read, title, footnote, said_on):
    path = tmp_path / "bieu_02.xlsx"
    _half_year_form(path, title, footnote, _NEW_UNITS)
    kpis, notes = read(path)
    assert kpis.select("unit_code", "year", "period_start", "as_of", "actual").rows() == [
        ("00004", 2025, dt.date(2025, 7, 1), dt.date(2025, 12, 31), 131.0),
        ("00070", 2025, dt.date(2025, 7, 1), dt.date(2025, 12, 31), 84.0),
        ("00454", 2025, dt.date(2025, 7, 1), dt.date(2025, 12, 31), 1050.0),
    ]
    said = [n for n in notes if n.message == "period_start 2025-07-01 taken from the form"]
    assert [(n.row, n.value) for n in said] == [(said_on, footnote or title)]
    # a unit that existed in the period, not before it: the new units of 1/7/2025
    assert kpis["level"].unique().to_list() == ["commune"]


def test_a_period_start_parameter_declares_it_and_must_agree_with_the_form(tmp_path, read):
    path = tmp_path / "bieu_02.xlsx"
    _half_year_form(path, "BÁO CÁO KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2025", None, _NEW_UNITS)
    # without a period the form's figures are the whole year's (no period_start column)
    assert "period_start" not in read(path)[0].columns
    kpis, notes = read(path, period_start="01/07/2025")
    assert set(kpis["period_start"]) == {dt.date(2025, 7, 1)}
    assert not any("period_start" in n.message for n in notes)  # given, not read
    _half_year_form(path, "KẾT NẠP ĐẢNG VIÊN 6 THÁNG CUỐI NĂM 2025", None, _NEW_UNITS)
    with pytest.raises(kt.KpiDataError) as err:
        read(path, period_start="2025-10-01")
    assert [(i.row, i.message) for i in err.value.issues] == [
        (2, "the form states another period start than period_start=2025-10-01")
    ]


def test_a_data_entry_of_a_parameter_file_declares_the_period(tmp_path):
    # as a parameter file writes it: {"path": ..., "period_start": ...}
    path = tmp_path / "bieu_02.xlsx"
    _half_year_form(path, "BÁO CÁO KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2025", None, _NEW_UNITS)
    ds = kt.load_dataset(
        [{"path": str(path), "period_start": "01/07/2025"}],
        units="data/units.csv",
        catalog="data/metrics.csv",
    )
    assert set(ds.kpis["period_start"]) == {dt.date(2025, 7, 1)}
    whole = kt.load_dataset([str(path)], units="data/units.csv", catalog="data/metrics.csv")
    assert "period_start" not in whole.kpis.columns


def test_a_first_half_form_by_district_stays_a_whole_year_row(tmp_path, read):
    # "6 tháng đầu năm": the period starts on 1 January (no period_start column), and ends
    # on 30 June, the districts' last day
    path = tmp_path / "bieu_01.xlsx"
    districts = [[1, "Quận Ba Đình", 100, 96, "96,0"], ["II", "Các huyện"],
                 [2, "Huyện Đông Anh", 200, 210, "105,0"]]  # fmt: skip
    _half_year_form(path, "KẾT QUẢ KẾT NẠP ĐẢNG VIÊN 6 THÁNG ĐẦU NĂM 2025", None, districts)
    kpis, _ = read(path)
    assert "period_start" not in kpis.columns
    assert set(kpis["as_of"]) == {dt.date(2025, 6, 30)}
    # both halves load together: the city's two periods never collide
    second = tmp_path / "bieu_02.xlsx"
    _half_year_form(second, "KẾT QUẢ KẾT NẠP ĐẢNG VIÊN 6 THÁNG CUỐI NĂM 2025", None, _NEW_UNITS)
    ds = load_dataset([str(path), str(second)], units=str(DATA / "units.csv"),
                      catalog=str(DATA / "metrics.csv"))  # fmt: skip
    assert sorted(set(ds.kpis["period_start"].to_list())) == [
        dt.date(2025, 1, 1),
        dt.date(2025, 7, 1),
    ]
