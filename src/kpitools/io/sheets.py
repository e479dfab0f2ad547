"""Raw reading: a file or a sheet into a grid of cells, and dates as files write them."""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from kpitools.errors import DataIssue, KpiDataError, show_value
from kpitools.io.encodings import NAMES, best_legacy, decode_legacy, fix_latin1_text
from kpitools.io.schema import DMY_RE, EXCEL_EPOCH, EXCEL_SUFFIXES, INT_RE, ISO_RE
from kpitools.textfold import nfc

_SEPARATORS = (",", ";", "\t")
_SNIFF_LINES = 20
_SNIFF_CHARS = 1 << 16


class UnreadableFileError(KpiDataError):
    """A file that is not a table kpitools can read: missing, of another type, or text in
    an encoding it cannot tell.

    Examples
    --------
    >>> try:
    ...     read_kpi_file("data/nope.csv", registry=read_registry("data/units.csv"),
    ...                   catalog=read_catalog("data/metrics.csv"))
    ... except UnreadableFileError as exc:
    ...     print(exc.issues[0])
    data/nope.csv: file not found
    """


def parse_date(value: object) -> dt.date:
    """Parse a date as written in Vietnamese files.

    Accepts ``date``/``datetime`` objects, ISO ``2023-11-30``, day-first ``30/11/2023``,
    ``30-11-2023``, ``30.11.2023`` and Excel serial day numbers (``45260``).

    Examples
    --------
    >>> parse_date("30/11/2023"), parse_date("2023-11-30"), parse_date("45260")
    (datetime.date(2023, 11, 30), datetime.date(2023, 11, 30), datetime.date(2023, 11, 30))
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return EXCEL_EPOCH + dt.timedelta(days=int(value))
    text = str(value).strip()
    try:
        if m := DMY_RE.match(text):
            day, month, year = (int(g) for g in m.groups())
            return dt.date(year, month, day)
        if INT_RE.match(text) and 20000 < int(text) < 80000:
            return EXCEL_EPOCH + dt.timedelta(days=int(text))
        if m := ISO_RE.match(text):  # Excel gives "2023-11-30 00:00:00"
            return dt.date.fromisoformat(m.group(1))
    except ValueError:
        pass
    raise ValueError(f"not a date (use 2023-11-30 or 30/11/2023): {show_value(text)}")


@dataclass
class Grid:
    """A sheet as rows of cells: stripped NFC text or typed values, ``None`` when empty."""

    rows: list[list[object]]
    numbers: list[int]  # the row number a person sees, per row
    first_column: int = 0  # Excel readers drop empty leading columns; letters must not shift
    notes: list[DataIssue] = field(default_factory=list)  # how the file was read

    def letter(self, j: int) -> str:
        return _column_letter(self.first_column + j)


def clean_cell(value: object) -> object:
    if isinstance(value, str):
        return nfc(value).strip() or None
    return value


def cell_text(value: object) -> str | None:
    """A cell as text; whole floats lose their ``.0`` (typed files give 17.0 for 017)."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_grid(path: Path, *, sheet: str | int | None) -> Grid:
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt", ".tsv"):
        return _read_text(path, "\t" if suffix == ".tsv" else None)
    if suffix in EXCEL_SUFFIXES:
        return fix_fonts(_read_sheet(path, sheet), str(path))
    if suffix == ".parquet":
        return frame_grid(pl.read_parquet(path))
    raise UnreadableFileError(
        DataIssue(f"unsupported file type {suffix!r}; use .csv, .xlsx or .parquet", file=str(path))
    )


def frame_grid(frame: pl.DataFrame) -> Grid:
    """A frame as a sheet: its header, then its rows."""
    rows = [list(frame.columns), *(list(r) for r in frame.iter_rows())]
    return Grid([[clean_cell(v) for v in r] for r in rows], list(range(1, len(rows) + 1)))


def decode_bytes(data: bytes, file: str) -> tuple[str, list[DataIssue]]:
    """The text of a CSV file and notes on how it was decoded: UTF-8 (a BOM is allowed),
    else the legacy Vietnamese encoding that reads it as plausible Vietnamese."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        encoding, text, score = best_legacy(data)
        if score <= 0:
            raise UnreadableFileError(
                DataIssue(
                    f"not UTF-8 text (bad byte at offset {err.start}), and not readable as "
                    f"{NAMES[encoding]} either; open it in Excel and save it as 'CSV UTF-8'",
                    file=file,
                )
            ) from None
        name = NAMES[encoding]
        message = f"text converted from {name} to Unicode (save it as 'CSV UTF-8' to avoid this)"
        return decode_legacy(data, encoding), [DataIssue(message, file=file)]
    notes = []
    if not unicodedata.is_normalized("NFC", text):
        notes.append(DataIssue("text normalized to NFC (it had decomposed letters)", file=file))
    return text, notes


def sniff_separator(text: str) -> str:
    """The separator of CSV text: of ``,``, ``;`` and tab, the one that splits the first
    lines into the most fields (``,`` on a tie)."""
    lines = [line for line in text[:_SNIFF_CHARS].splitlines()[:_SNIFF_LINES] if line.strip()]

    def widest(separator: str) -> int:
        try:
            return max((len(r) for r in csv.reader(lines, delimiter=separator)), default=0)
        except csv.Error:
            return 0

    return max(_SEPARATORS, key=widest)


def _read_text(path: Path, separator: str | None) -> Grid:
    text, notes = decode_bytes(path.read_bytes(), str(path))
    if separator is None:
        separator = sniff_separator(text)
        if separator != ",":
            shown = "tab" if separator == "\t" else f"'{separator}'"
            notes.append(DataIssue(f"fields separated by {shown}", file=str(path)))
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    except csv.Error as err:
        raise UnreadableFileError(
            DataIssue(f"not a readable CSV file: {err}", file=str(path))
        ) from None
    rows = [[clean_cell(v) for v in record] for record in records]
    return fix_fonts(Grid(rows, list(range(1, len(rows) + 1)), notes=notes), str(path))


def fix_fonts(grid: Grid, file: str) -> Grid:
    """Text typed in a TCVN3 or VNI font and stored as Latin-1 letters, converted."""
    texts = [v for row in grid.rows for v in row if isinstance(v, str)]
    found = fix_latin1_text("\n".join(texts))
    if found is None:
        return grid
    encoding = found[0]

    def fixed(value: object) -> object:
        return decode_legacy(value.encode("latin-1"), encoding) if isinstance(value, str) else value

    grid.rows = [[fixed(v) for v in row] for row in grid.rows]
    message = f"text typed in a {NAMES[encoding]} font converted to Unicode"
    grid.notes.append(DataIssue(message, file=file))
    return grid


def open_sheet(path: Path, sheet: str | int | None) -> tuple[Any, str | int]:
    """A fastexcel reader of ``path`` and the sheet to load (by name or 0-based position,
    default the first); raises ``KpiDataError`` naming the sheets when there is no such one."""
    import fastexcel

    reader = fastexcel.read_excel(str(path))
    names = reader.sheet_names
    known = sheet in names if isinstance(sheet, str) else sheet is None or 0 <= sheet < len(names)
    if not known:
        raise UnreadableFileError(
            DataIssue(f"no sheet {sheet!r}; the file has {', '.join(names)}", file=str(path))
        )
    return reader, 0 if sheet is None else sheet


def _read_sheet(path: Path, sheet: str | int | None) -> Grid:
    reader, which = open_sheet(path, sheet)
    # Every cell as text and every row kept (skip_rows=0), so row numbers stay true.
    loaded = reader.load_sheet(which, header_row=None, skip_rows=0, dtypes="string")
    columns = loaded.available_columns()
    frame = loaded.to_polars()
    rows = [[clean_cell(v) for v in r] for r in frame.iter_rows()]
    return Grid(rows, list(range(1, len(rows) + 1)), columns[0].absolute_index if columns else 0)


def _column_letter(j: int) -> str:
    letters = ""
    j += 1
    while j:
        j, rem = divmod(j - 1, 26)
        letters = chr(65 + rem) + letters
    return letters
