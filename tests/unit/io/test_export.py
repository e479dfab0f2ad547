"""Exports for people's spreadsheets: Excel number formats, CSV with a BOM, inert text.

The written files are opened with openpyxl, as a spreadsheet would read them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

import kpitools as kt
from kpitools.explore.state import Panel, export_files, start_state
from kpitools.io.export import (
    COUNT_FORMAT,
    PERCENT_FORMAT,
    csv_bytes,
    excel_bytes,
    write_excel,
    write_table,
)

ROOT = Path(__file__).resolve().parents[3]
HOSTILE = json.loads((ROOT / "tests" / "data" / "hostile" / "strings.json").read_text("utf-8"))
FORMULAS = [
    "=1+1",
    '=HYPERLINK("http://x","y")',
    "+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "=cmd|' /C calc'!A0",
]


@pytest.fixture(scope="module")
def panel(dataset: kt.Dataset) -> Panel:
    return Panel.from_dataset(dataset)


def sheet_of(data: bytes | Path):
    book = openpyxl.load_workbook(io.BytesIO(data) if isinstance(data, bytes) else data)
    return book.active


def rows_of(ws) -> list[list[object]]:
    return [[c.value for c in row] for row in ws.iter_rows()]


# ---------------------------------------------------------------------------- explorer


def test_explorer_excel_is_formatted_for_a_vietnamese_office(panel: Panel) -> None:
    state = start_state(panel, year=2023, selected=["275"], lang="vi")
    files = export_files(panel, state, formats=["xlsx"])
    ws = sheet_of(files["admissions-2023-275.xlsx"])
    head = [c.value for c in ws[1]]
    assert head == ["Hạng", "Mã đơn vị", "Đơn vị", "Cấp", "Năm", "Chỉ số", "Chỉ tiêu",
                    "Thực hiện", "Tỷ lệ đạt", "Chênh lệch", "Trạng thái", "Nguồn"]  # fmt: skip
    cells = {h: c for h, c in zip(head, ws[2], strict=True)}
    row = (
        kt.with_measures(panel.rows("admissions"))
        .filter(pl.col("year") == 2023, pl.col("unit_code") == "275")
        .row(0, named=True)
    )
    # the year a plain number (2023, not 2.023), counts whole numbers grouped by thousands,
    # attainment a ratio shown as a percentage: 209,4% in a Vietnamese Excel
    assert (cells["Năm"].value, cells["Năm"].number_format) == (2023, "0")
    assert cells["Thực hiện"].value == row["actual"] and cells["Thực hiện"].data_type == "n"
    assert cells["Thực hiện"].number_format == COUNT_FORMAT == "#,##0"
    assert cells["Chỉ tiêu"].number_format == "#,##0"
    assert cells["Tỷ lệ đạt"].value == pytest.approx(row["attainment"])
    assert cells["Tỷ lệ đạt"].number_format == PERCENT_FORMAT == "0.0%"
    assert f"{cells['Tỷ lệ đạt'].value * 100:.1f}" == "209.4"  # shown as 209,4% in vi
    assert cells["Trạng thái"].value == "vượt"  # the status word, not the code "exceeded"
    assert cells["Mã đơn vị"].value == "275" and cells["Mã đơn vị"].data_type == "s"
    assert ws.freeze_panes == "A2"
    widths = {col: ws.column_dimensions[col].width for col in "ABCDEFGHIJKL"}
    assert widths["C"] >= len("Đơn vị") and widths["B"] >= len("Mã đơn vị")
    assert all(w <= 62 for w in widths.values())


def test_explorer_exports_in_english_and_csv_with_bom(panel: Panel) -> None:
    state = start_state(panel, year=2023, selected=["275"], lang="en")
    files = export_files(panel, state, formats=["csv", "xlsx"])
    ws = sheet_of(files["admissions-2023-275.xlsx"])
    assert [c.value for c in ws[1]][:3] == ["Rank", "Unit code", "Unit"]
    assert ws["K2"].value == "exceeded"
    data = files["admissions-2023-275.csv"]
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Rank", "Unit code", "Unit"]
    target, actual = rows[1][6], rows[1][7]
    assert "." not in target and "." not in actual  # counts without ".0"
    assert int(actual) == int(ws["H2"].value)
    plain = export_files(panel, state, formats=["csv"], bom=False)
    assert plain["admissions-2023-275.csv"] == data[3:]


def test_explorer_exports_hold_no_live_formula(dataset: kt.Dataset) -> None:
    hostile = FORMULAS[1]
    kpis = dataset.kpis.with_columns(
        unit_name=pl.when(pl.col("unit_code") == "017")
        .then(pl.lit(hostile))
        .otherwise(pl.col("unit_name"))
    )
    units = dataset.registry.units.with_columns(
        name=pl.when(pl.col("code") == "017").then(pl.lit(hostile)).otherwise(pl.col("name"))
    )
    panel = Panel.from_dataset(kt.Dataset(kpis, kt.UnitRegistry.from_frame(units), dataset.catalog))
    files = export_files(panel, start_state(panel, year=2023), formats=["csv", "xlsx"])
    xlsx = next(v for k, v in files.items() if k.endswith(".xlsx"))
    assert b"<f>" not in xlsx
    names = [r[2] for r in rows_of(sheet_of(xlsx))]
    assert hostile in names  # kept as written, as text
    text = next(v for k, v in files.items() if k.endswith(".csv")).decode("utf-8-sig")
    cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
    assert "'" + hostile in cells and hostile not in cells


# ---------------------------------------------------------------------------- write_kpis


@pytest.mark.parametrize("lang", [None, "vi"])
def test_write_kpis_excel_formats_and_reads_back(
    tmp_path: Path, dataset: kt.Dataset, lang: str | None
) -> None:
    kpis = dataset.kpis
    path = kt.write_kpis(kpis, tmp_path / "kpis.xlsx", lang=lang)
    ws = sheet_of(path)
    head = [c.value for c in ws[1]]
    if lang is None:
        assert head == kpis.columns
    else:
        assert head[:4] == ["Mã đơn vị", "Đơn vị", "Cấp", "Năm"]
    col = {name: i for i, name in enumerate(kpis.columns)}
    seed = kpis.with_row_index().filter(
        pl.col("metric") == "mass_org_members_nonstate", pl.col("source") != "synthetic"
    )
    r = seed["index"].item() + 2  # the sheet's row: a header, then 1-based
    row = ws[r]
    assert row[col["actual"]].value == 46148 and row[col["actual"]].number_format == "#,##0"
    assert row[col["target"]].value == 24320
    assert row[col["year"]].value == 2023 and row[col["year"]].number_format == "0"
    assert row[col["as_of"]].value == dt.datetime(2023, 12, 31)
    assert row[col["as_of"]].number_format == "dd/mm/yyyy"
    assert ws.freeze_panes == "A2"
    again = kt.read_kpis(path, registry=dataset.registry, catalog=dataset.catalog)
    assert again.equals(kpis)


def test_write_kpis_csv_has_a_bom_whole_numbers_and_reads_back(
    tmp_path: Path, dataset: kt.Dataset
) -> None:
    path = kt.write_kpis(dataset.kpis, tmp_path / "kpis.csv")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfunit_code,")
    assert b".0," not in data and b".0\n" not in data
    assert b",46148," in data
    again = kt.read_kpis(path, registry=dataset.registry, catalog=dataset.catalog)
    assert again.equals(dataset.kpis)
    assert (
        not kt.write_kpis(dataset.kpis, tmp_path / "b.csv", bom=False)
        .read_bytes()
        .startswith(b"\xef")
    )


# ---------------------------------------------------------------------------- the writers


@pytest.mark.parametrize("text", FORMULAS + list(HOSTILE.values()))
def test_hostile_text_is_text_in_excel_and_inert_in_csv(text: str) -> None:
    frame = pl.DataFrame({"unit_name": [text], "note": [text], "actual": [1.0]})
    ws = sheet_of(excel_bytes(frame))
    for cell in ws[2][:2]:
        assert cell.data_type == "s"
        assert cell.value == text.replace("\r\n", "\n") or cell.value == text
    rows = list(csv.reader(io.StringIO(csv_bytes(frame).decode("utf-8-sig"))))
    cells = rows[1][:2]
    if text[0] in "=+-@\t\r":
        assert cells == ["'" + text] * 2
    else:
        assert cells == [text] * 2


def test_excel_has_no_formula_element_for_formula_text() -> None:
    frame = pl.DataFrame({"x": FORMULAS})
    data = excel_bytes(frame)
    assert b"<f>" not in data and b"<f " not in data
    assert [r[0] for r in rows_of(sheet_of(data))[1:]] == FORMULAS


def test_fractions_counts_and_empty_cells(tmp_path: Path) -> None:
    frame = pl.DataFrame(
        {
            "metric": ["a", "b", "c"],
            "actual": [1234567.0, 0.5, None],
            "share": [0.25, None, 1.0],
            "rank": [1, 2, None],
        },
        schema_overrides={"rank": pl.Int32},
    )
    ws = sheet_of(excel_bytes(frame, lang="en"))
    assert ws["B2"].number_format == "#,##0.0##"  # a column with a fraction keeps it
    assert (ws["B3"].value, ws["B4"].value) == (0.5, None)
    assert ws["C2"].number_format == "0.0%" and ws["D2"].number_format == "0"
    assert [c.value for c in ws[1]] == ["Metric", "Actual", "Share", "Rank"]
    text = csv_bytes(frame, bom=False).decode()
    assert text.splitlines() == ["metric,actual,share,rank", "a,1234567,0.25,1", "b,0.5,,2",
                                 "c,,1,"]  # fmt: skip


def test_sheet_names_and_columns_a_cell_cannot_hold(tmp_path: Path) -> None:
    write_excel(pl.DataFrame({"n": [1]}), tmp_path / "a.xlsx", sheet="a/b:c" * 10)
    assert openpyxl.load_workbook(tmp_path / "a.xlsx").sheetnames == [("a_b_c" * 10)[:31]]
    with pytest.raises(TypeError, match="column 'l'"):
        csv_bytes(pl.DataFrame({"l": [[1, 2]]}))
    with pytest.raises(ValueError, match=r"use \.csv or \.xlsx"):
        write_table(pl.DataFrame({"n": [1]}), tmp_path / "t.json")
    assert not list(tmp_path.glob(".*part"))


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e14, max_value=1e14))
def test_csv_numbers_read_back_exactly_and_whole_ones_have_no_point(value: float) -> None:
    text = csv_bytes(pl.DataFrame({"x": [value]}), bom=False).decode().splitlines()[1]
    assert float(text) == value
    assert ("." in text or "e" in text) == (value != int(value))


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(kt.ParameterError, match="lang must be one of vi, en"):
        csv_bytes(pl.DataFrame({"status": ["met"]}), lang="fr")
