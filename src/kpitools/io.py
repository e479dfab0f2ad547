"""Read KPI files (CSV, Excel, Parquet; long or wide) into the validated long table.

Every KPI observation becomes one row of the long table (see ``LONG_SCHEMA``). Reading is
strict: a bad cell is reported with its file, row, column and value, every problem of a
file is reported at once, and no valid row is ever dropped silently.

How a file is read
------------------
* Rows are numbered as a spreadsheet shows them (the first line of a CSV is row 1, blank
  rows count); columns of a wide sheet are named by letter and header, ``"D (… / actual)"``.
* CSV must be UTF-8 (a BOM is allowed). Excel cells are read as the text they hold (a
  numeric cell 1234 is ``"1234"``) and then go through the same rules as CSV text.
* Numbers follow :func:`kpitools.numbers.parse_number` (Vietnamese first: ``1.234`` is one
  thousand two hundred thirty-four, ``12,5`` is twelve and a half); pass ``decimal`` to fix
  the separator for a whole file. Targets and actuals count people, organizations or items,
  so each must be a whole number ≥ 0: ``1,234`` (read as 1.234) is an error, not 1234.
* An empty actual is an error unless the row's ``note`` says why (a suppressed count): the
  row is kept with a null actual. :func:`read_targets` reads files of targets alone.
* The header row is the first row that names a unit column, a long-table column or a
  metric's target/result, so title lines above a table are skipped.
* Wide sheets: units as rows; per metric a target column (chỉ tiêu / kế hoạch), a result
  column (thực hiện / kết quả) and optionally a stated percentage (tỷ lệ / đạt), named
  ``"<metric label> - Chỉ tiêu"`` on one header row, or the label on one row (merged over its
  columns) and the role on the row below. An STT column is ignored. A row labelled
  "Tổng cộng" / "Tổng" / "Cộng" is a total: it is checked against the sum of the unit rows
  above it and is not kept as a row. A row labelled "Toàn thành phố" / "Toàn TP" is the
  city's own figure. A row with no figure at all whose label is not a unit (a blank line, a
  section heading, a note) is skipped; a unit with no figures is an error.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import polars as pl

from kpitools.catalog import MetricCatalog, UnknownMetricError, read_catalog
from kpitools.errors import DataIssue, KpiDataError, show_value
from kpitools.names import UnitRegistry, UnknownUnitError, name_key, nfc, read_registry
from kpitools.numbers import NumberFormatError, parse_number, parse_percent

PathLike = str | os.PathLike[str]

#: The columns of the long table and their types, in order.
LONG_SCHEMA: dict[str, pl.DataType] = {
    "unit_code": pl.String(),
    "unit_name": pl.String(),
    "level": pl.String(),
    "year": pl.Int32(),
    "as_of": pl.Date(),
    "metric": pl.String(),
    "target": pl.Float64(),
    "actual": pl.Float64(),
    "source": pl.String(),
    "stated_percent": pl.String(),
    "note": pl.String(),
}

#: Header spellings accepted for each long-table column (compared with ``name_key``).
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "unit_code": ("unit_code", "mã đơn vị", "ma_don_vi", "code", "mã"),
    "unit_name": ("unit_name", "unit", "đơn vị", "tên đơn vị"),
    "level": ("level", "cấp"),
    "year": ("year", "năm"),
    "as_of": ("as_of", "tính đến", "ngày số liệu", "date"),
    "metric": ("metric", "chỉ số", "mã chỉ số", "nội dung"),
    "target": ("target", "chỉ tiêu", "kế hoạch", "plan"),
    "actual": ("actual", "thực hiện", "kết quả", "result"),
    "source": ("source", "nguồn"),
    "stated_percent": ("stated_percent", "tỷ lệ", "tỉ lệ", "đạt", "đạt (%)", "tỷ lệ (%)"),
    "note": ("note", "ghi chú"),
}

_TARGET_WORDS = ("chỉ tiêu", "kế hoạch", "kh", "ct", "target", "plan")
_ACTUAL_WORDS = ("thực hiện", "kết quả", "th", "kq", "actual", "result")
_PERCENT_WORDS = ("tỷ lệ", "tỉ lệ", "đạt", "tỷ lệ (%)", "đạt (%)", "percent", "attainment")
_UNIT_WORDS = ("đơn vị", "tên đơn vị", "unit", "đảng bộ", "mã đơn vị", "mã", "code")
_SKIP_WORDS = ("stt", "tt", "no", "số tt", "#")
_YEAR_WORDS = ("năm", "year")
_TOTAL_WORDS = ("tổng", "tổng cộng", "cộng", "tổng số", "total")
_CITY_WORDS = ("toàn thành phố", "toàn tp", "toàn thành")
_EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
_HEADER_SEARCH_ROWS = 20
_MAX_HEADER_CHARS = 60

_INT_RE = re.compile(r"^\s*\d+\s*$")
_YEAR_RE = re.compile(r"^\d{4}$")
_ISO_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[ T][0-9:.]*)?$")
_DMY_RE = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")
_EXCEL_EPOCH = dt.date(1899, 12, 30)


def _key(text: str) -> str:
    return name_key(text, diacritics=False)


def _keys(words: Iterable[str]) -> frozenset[str]:
    return frozenset(_key(w) for w in words)


_ALIAS_OF = {_key(alias): col for col, aliases in COLUMN_ALIASES.items() for alias in aliases}
_ROLES = (
    ("target", _keys(_TARGET_WORDS)),
    ("actual", _keys(_ACTUAL_WORDS)),
    ("stated_percent", _keys(_PERCENT_WORDS)),
)
_UNIT_KEYS, _SKIP_KEYS, _YEAR_KEYS = _keys(_UNIT_WORDS), _keys(_SKIP_WORDS), _keys(_YEAR_WORDS)
_TOTAL_KEYS, _CITY_KEYS = _keys(_TOTAL_WORDS), _keys(_CITY_WORDS)


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
        return _EXCEL_EPOCH + dt.timedelta(days=int(value))
    text = str(value).strip()
    try:
        if m := _DMY_RE.match(text):
            day, month, year = (int(g) for g in m.groups())
            return dt.date(year, month, day)
        if _INT_RE.match(text) and 20000 < int(text) < 80000:
            return _EXCEL_EPOCH + dt.timedelta(days=int(text))
        if m := _ISO_RE.match(text):  # Excel gives "2023-11-30 00:00:00"
            return dt.date.fromisoformat(m.group(1))
    except ValueError:
        pass
    raise ValueError(f"not a date (use 2023-11-30 or 30/11/2023): {show_value(text)}")


# --------------------------------------------------------------------------- raw reading


@dataclass
class _Grid:
    """A sheet as rows of cells: stripped NFC text or typed values, ``None`` when empty."""

    rows: list[list[object]]
    numbers: list[int]  # the row number a person sees, per row
    first_column: int = 0  # Excel readers drop empty leading columns; letters must not shift

    def letter(self, j: int) -> str:
        return _column_letter(self.first_column + j)


def _cell(value: object) -> object:
    if isinstance(value, str):
        return nfc(value).strip() or None
    return value


def _text(value: object) -> str | None:
    """A cell as text; whole floats lose their ``.0`` (typed files give 17.0 for 017)."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_grid(path: Path, *, sheet: str | int | None) -> _Grid:
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt", ".tsv"):
        return _read_text(path, "\t" if suffix == ".tsv" else ",")
    if suffix in _EXCEL_SUFFIXES:
        return _read_sheet(path, sheet)
    if suffix == ".parquet":
        return _frame_grid(pl.read_parquet(path))
    raise KpiDataError(
        DataIssue(f"unsupported file type {suffix!r}; use .csv, .xlsx or .parquet", file=str(path))
    )


def _frame_grid(frame: pl.DataFrame) -> _Grid:
    """A frame as a sheet: its header, then its rows."""
    rows = [list(frame.columns), *(list(r) for r in frame.iter_rows())]
    return _Grid([[_cell(v) for v in r] for r in rows], list(range(1, len(rows) + 1)))


def _read_text(path: Path, separator: str) -> _Grid:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise KpiDataError(
            DataIssue(
                f"not UTF-8 text (bad byte at offset {err.start}); save it as 'CSV UTF-8'",
                file=str(path),
            )
        ) from None
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    except csv.Error as err:
        raise KpiDataError(DataIssue(f"not a readable CSV file: {err}", file=str(path))) from None
    rows = [[_cell(v) for v in record] for record in records]
    return _Grid(rows, list(range(1, len(rows) + 1)))


def _open_sheet(path: Path, sheet: str | int | None) -> tuple[Any, str | int]:
    """A fastexcel reader of ``path`` and the sheet to load (by name or 0-based position,
    default the first); raises ``KpiDataError`` naming the sheets when there is no such one."""
    import fastexcel

    reader = fastexcel.read_excel(str(path))
    names = reader.sheet_names
    known = sheet in names if isinstance(sheet, str) else sheet is None or 0 <= sheet < len(names)
    if not known:
        raise KpiDataError(
            DataIssue(f"no sheet {sheet!r}; the file has {', '.join(names)}", file=str(path))
        )
    return reader, 0 if sheet is None else sheet


def _read_sheet(path: Path, sheet: str | int | None) -> _Grid:
    reader, which = _open_sheet(path, sheet)
    # Every cell as text and every row kept (skip_rows=0), so row numbers stay true.
    loaded = reader.load_sheet(which, header_row=None, skip_rows=0, dtypes="string")
    columns = loaded.available_columns()
    frame = loaded.to_polars()
    rows = [[_cell(v) for v in r] for r in frame.iter_rows()]
    return _Grid(rows, list(range(1, len(rows) + 1)), columns[0].absolute_index if columns else 0)


# --------------------------------------------------------------------------- validation


@dataclass
class _Cells:
    """Raw values for one long-table column plus where each came from."""

    values: list[object] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)  # column label of the cell, per row


class _Problems(list[DataIssue]):
    """The problems found in one file so far."""

    def __init__(self, file: str):
        super().__init__()
        self.file = file

    def add(
        self, message: str, row: int | None = None, column: str | None = None, value: object = None
    ) -> None:
        self.append(DataIssue(message, file=self.file, row=row, column=column, value=value))

    def raise_any(self) -> None:
        if self:
            raise KpiDataError(sorted(self, key=lambda issue: issue.row or 0))


class _BadCell(Exception):
    def __init__(self, message: str, column: str, value: object = None):
        super().__init__(message)
        self.message, self.column, self.value = message, column, value


def _number(value: object, decimal: str | None) -> float:
    """A whole, non-negative count; raises ``ValueError`` saying what is wrong."""
    try:
        number = parse_number(value, decimal=decimal)  # type: ignore[arg-type]
    except NumberFormatError as exc:
        raise ValueError(f"unparseable number: {exc.reason}") from None
    if number < 0:
        raise ValueError("negative count: counts cannot be below zero")
    if number != number.to_integral_value():
        hint = (
            "; ',' is the decimal comma unless decimal='.' is passed" if "," in str(value) else ""
        )
        raise ValueError(f"not a whole number (read as {number}{hint})")
    return float(number)


def _parse_numbers(
    name: str, cells: _Cells, rows: list[int], problems: _Problems, *, decimal: str | None
) -> list[float | None]:
    out: list[float | None] = []
    for value, column, row in zip(cells.values, cells.columns, rows, strict=True):
        number = None
        if value is not None:
            try:
                number = _number(value, decimal)
            except ValueError as exc:
                problems.add(f"{name}: {exc}", row, column, value)
        out.append(number)
    return out


def _year(value: object) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and _YEAR_RE.match(value):
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= 2100:
        raise ValueError("year must be a whole number like 2023")
    return value


def _unit(registry: UnitRegistry, code: object, name: object, ccol: str, ncol: str) -> str:
    """The registry code a row's code and name cells agree on; raises ``_BadCell``."""
    code, name = _text(code), _text(name)
    if code is None and name is None:
        raise _BadCell("missing unit", ccol)
    by_name = None
    if name is not None:
        try:
            by_name = registry.resolve(name)
        except UnknownUnitError as exc:
            if code is None:
                raise _BadCell(str(exc), ncol) from None
    if code is None:
        return by_name  # type: ignore[return-value]
    if by_name is not None and code.isdigit() and code.lstrip("0") == by_name.lstrip("0"):
        return by_name  # a code that lost its leading zeros in Excel; the name says which
    try:
        by_code = registry.resolve(code)
    except UnknownUnitError as exc:
        raise _BadCell(str(exc), ccol) from None
    if name is not None and by_name != by_code and not registry.is_name_of(name, by_code):
        raise _BadCell(
            f"unit name does not match code {by_code} ({registry.name(by_code)})", ncol, name
        )
    return by_code


def _metric(catalog: MetricCatalog | None, text: str) -> str:
    """A metric's code (any code is taken as written when there is no catalog)."""
    return catalog.resolve(text) if catalog is not None else text


def _validate(
    cells: dict[str, _Cells],
    rows: list[int],
    *,
    file: str,
    registry: UnitRegistry,
    catalog: MetricCatalog | None,
    decimal: str | None,
    default_source: str,
    figure: str = "actual",
) -> pl.DataFrame:
    """Turn raw cells into the typed long table, or raise with every problem found."""
    problems = _Problems(file)
    problem = problems.add
    n = len(rows)

    def col(name: str) -> _Cells:
        return cells.get(name) or _Cells([None] * n, [name] * n)

    code_cells, name_cells = col("unit_code"), col("unit_name")
    has_code = "unit_code" in cells
    codes: list[str | None] = []
    unit_columns: list[str] = []  # where each row names its unit, for later messages
    unit_values: list[object] = []
    for code, uname, ccol, ncol, row in zip(
        code_cells.values,
        name_cells.values,
        code_cells.columns,
        name_cells.columns,
        rows,
        strict=True,
    ):
        by_code = has_code and code is not None
        unit_columns.append(ccol if by_code else ncol)
        unit_values.append(code if by_code else uname)
        try:
            codes.append(_unit(registry, code, uname, ccol if has_code else ncol, ncol))
        except _BadCell as bad:
            problem(bad.message, row, bad.column, bad.value)
            codes.append(None)

    years: list[int | None] = []
    ycells = col("year")
    for value, column, row in zip(ycells.values, ycells.columns, rows, strict=True):
        try:
            years.append(_year(value))
        except ValueError as exc:
            problem("missing year" if value is None else str(exc), row, column, value)
            years.append(None)

    for code, year, column, row in zip(codes, years, unit_columns, rows, strict=True):
        if code is not None and year is not None and not registry.exists(code, year):
            problem(f"unit {code} ({registry.name(code)}) did not exist in {year}", row, column)

    levels = col("level")
    for code, value, column, row in zip(codes, levels.values, levels.columns, rows, strict=True):
        if code is not None and value is not None and str(value) != registry.level(code):
            problem(
                f"level does not match the unit registry ({registry.level(code)})",
                row,
                column,
                value,
            )

    as_ofs: list[dt.date | None] = []
    acells = col("as_of")
    for value, column, year, row in zip(acells.values, acells.columns, years, rows, strict=True):
        day = None
        if value is None:
            day = dt.date(year, 12, 31) if year is not None else None
        else:
            try:
                day = parse_date(value)
            except (ValueError, OverflowError) as exc:
                problem(str(exc), row, column, value)
            if day is not None and year is not None and day < dt.date(year, 1, 1):
                problem(f"as_of is before the start of {year}", row, column, value)
        as_ofs.append(day)

    metrics: list[str | None] = []
    mcells = col("metric")
    for value, column, row in zip(mcells.values, mcells.columns, rows, strict=True):
        try:
            metrics.append(_metric(catalog, str(value)) if value is not None else None)
        except UnknownMetricError as exc:
            hint = f"; did you mean {' or '.join(exc.suggestions)}?" if exc.suggestions else ""
            problem(f"unknown metric{hint}", row, column, value)
            metrics.append(None)
        if value is None:
            problem("missing metric", row, column)

    targets = _parse_numbers("target", col("target"), rows, problems, decimal=decimal)
    actuals = _parse_numbers("actual", col("actual"), rows, problems, decimal=decimal)
    if figure == "actual":
        # An empty result needs a note saying why (a suppressed count, not reported yet).
        acol, notes = col("actual"), col("note").values
        for value, note, column, row in zip(acol.values, notes, acol.columns, rows, strict=True):
            if value is None and note is None:
                problem("missing actual (leave it empty only with a note saying why)", row, column)

    pcells = col("stated_percent")
    for value, column, row in zip(pcells.values, pcells.columns, rows, strict=True):
        if value is not None:
            try:
                parse_percent(_text(value), decimal=decimal)  # type: ignore[arg-type]
            except NumberFormatError as exc:
                problem(f"unparseable percentage: {exc.reason}", row, column, value)

    seen: dict[tuple[object, ...], int] = {}
    for key, column, value, row in zip(
        zip(codes, years, metrics, strict=True), unit_columns, unit_values, rows, strict=True
    ):
        if None in key:
            continue
        if key in seen:
            problem(
                f"duplicate unit × year × metric {key[0]} × {key[1]} × {key[2]} "
                f"(first on row {seen[key]})",
                row,
                column,
                value,
            )
        else:
            seen[key] = row

    problems.raise_any()

    def text(name: str, default: str | None = None) -> list[str | None]:
        return [default if v is None else _text(v) for v in col(name).values]

    return pl.DataFrame(
        {
            "unit_code": codes,
            "unit_name": [registry.name(c) for c in codes],  # type: ignore[arg-type]
            "level": [registry.level(c) for c in codes],  # type: ignore[arg-type]
            "year": years,
            "as_of": as_ofs,
            "metric": metrics,
            "target": targets,
            "actual": actuals,
            "source": text("source", default_source),
            "stated_percent": text("stated_percent"),
            "note": text("note"),
        },
        schema=LONG_SCHEMA,
    )


# --------------------------------------------------------------------------- large long files


class _NotFast(Exception):
    """The column-wise reading does not apply, or a cell is not clean: read cell by cell."""


def _distinct(frame: pl.DataFrame, rule: Callable[..., object], dtype: pl.DataType) -> pl.Series:
    """``rule`` applied once per distinct row of ``frame`` (its columns are the arguments)
    and spread back over the rows; :class:`_NotFast` if it fails for one."""
    frame = frame.rename({c: f"k{i}" for i, c in enumerate(frame.columns)})
    keys = frame.unique(maintain_order=False)
    try:
        values = [rule(*row) for row in keys.iter_rows()]
    except Exception:  # any failure is for the cell-by-cell reading to report
        raise _NotFast from None
    lookup = keys.with_columns(pl.Series("value", values, dtype=dtype))
    return frame.join(
        lookup, on=frame.columns, how="left", nulls_equal=True, maintain_order="left"
    )["value"]


def _raw_long(source: Path | pl.DataFrame) -> tuple[list[object], pl.DataFrame, int]:
    """(header cells, body frame, row number of the body's first row), for a file whose
    first row is its header: a frame, a Parquet file or a clean CSV file."""
    if isinstance(source, pl.DataFrame):
        return list(source.columns), source, 2
    suffix = source.suffix.lower()
    if suffix == ".parquet":
        try:
            frame = pl.read_parquet(source)
        except Exception:  # the cell-by-cell reading says what is wrong with the file
            raise _NotFast from None
        return list(frame.columns), frame, 2
    if suffix not in (".csv", ".tsv", ".txt"):
        raise _NotFast
    data = source.read_bytes().removeprefix(b"\xef\xbb\xbf")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        raise _NotFast from None
    if data.count(b"\r") != data.count(b"\r\n"):  # a lone CR ends a record for csv only
        raise _NotFast
    try:
        table = pl.read_csv(
            data,
            has_header=False,
            infer_schema=False,
            separator="\t" if suffix == ".tsv" else ",",
        )
    except Exception:  # ragged or malformed: the csv module's reading says where
        raise _NotFast from None
    if table.height == 0:
        raise _NotFast
    return list(table.row(0)), table.slice(1), 2


def _fast_long(
    source: Path | pl.DataFrame,
    *,
    registry: UnitRegistry,
    catalog: MetricCatalog | None,
    decimal: str | None,
    default_source: str,
    figure: str,
    layout: str,
) -> tuple[pl.DataFrame, list[int]]:
    """The long table of a clean long file, column by column: each rule of the cell-by-cell
    reading (:func:`_long_cells`, :func:`_validate`) is applied once per distinct value.

    Raises :class:`_NotFast` when the file is not a plain long table whose first row is the
    header, or when any cell breaks a rule, so that the cell-by-cell reading reports it.
    """
    if layout == "wide":
        raise _NotFast
    header, body, first_row = _raw_long(source)
    texts: list[Any] = [_text(_cell(v)) for v in header]
    if not any(_names_a_column(v) for v in texts):
        raise _NotFast  # the header is further down
    below = [_cell(v) for v in body.row(0)] if body.height else []
    if layout == "auto" and _is_wide(_Grid([texts, below], [1, 2]), 0):
        raise _NotFast
    roles = [_ALIAS_OF.get(_key(t)) if t is not None else None for t in texts]
    named = [r for r in roles if r is not None]
    present = set(named)
    if (
        len(named) != len(present)
        or any(t is not None and r is None for t, r in zip(texts, roles, strict=True))
        or not {"year", "metric", figure} <= present
        or not present & {"unit_code", "unit_name"}
    ):
        raise _NotFast
    # The cells as the cell-by-cell reading sees them: text NFC and stripped, empty = null.
    cells: dict[str, pl.Series] = {}
    blank = pl.repeat(True, body.height, eager=True)
    for column, role in zip(body.columns, roles, strict=True):
        cell = body[column]
        if cell.dtype == pl.Object:
            raise _NotFast  # Python objects cannot be grouped
        if isinstance(cell.dtype, pl.Categorical | pl.Enum):
            cell = cell.cast(pl.String)  # read as the text it holds, as cell by cell
        if cell.dtype == pl.String:
            cell = _distinct(cell.to_frame(), _cell, pl.String())
        if role is None:  # a column without a header must be empty
            if cell.is_not_null().any():
                raise _NotFast
            continue
        cells[role] = cell.alias(role)
        blank &= cell.is_null()
    frame = pl.DataFrame(list(cells.values())).filter(~blank)  # blank rows are skipped
    if frame.height == 0:
        raise _NotFast
    rows = (pl.int_range(body.height, eager=True) + first_row).filter(~blank).to_list()

    def apply(rule: Callable[..., object], dtype: pl.DataType, *columns: pl.Series) -> pl.Series:
        return _distinct(pl.DataFrame(columns), rule, dtype)

    def cells_of(role: str) -> pl.Series:
        if role in frame.columns:
            return frame[role]
        return pl.Series(role, [None] * frame.height, pl.String())

    def required(rule: Callable[[object], object]) -> Callable[[object], object]:
        def checked(value: object) -> object:
            if value is None:
                raise _NotFast
            return rule(value)

        return checked

    def optional(rule: Callable[[object], object]) -> Callable[[object], object]:
        return lambda value: None if value is None else rule(value)

    def as_of(value: object, year: int) -> dt.date:
        if value is None:
            return dt.date(year, 12, 31)
        day = parse_date(value)
        if day < dt.date(year, 1, 1):
            raise _NotFast
        return day

    def percent(value: object) -> str | None:
        shown = _text(value)
        parse_percent(shown, decimal=decimal)  # type: ignore[arg-type]
        return shown

    code_cells, name_cells = cells_of("unit_code"), cells_of("unit_name")
    codes = apply(
        lambda c, n: _unit(registry, c, n, "", ""), pl.String(), code_cells.alias("c"), name_cells
    )
    years = apply(required(_year), pl.Int32(), cells_of("year"))
    if not apply(registry.exists, pl.Boolean(), codes.alias("c"), years.alias("y")).all():
        raise _NotFast
    levels = apply(registry.level, pl.String(), codes)
    stated_levels = apply(optional(str), pl.String(), cells_of("level"))
    if (stated_levels.is_not_null() & (stated_levels != levels)).any():
        raise _NotFast
    metrics = apply(required(lambda v: _metric(catalog, str(v))), pl.String(), cells_of("metric"))
    keys = pl.DataFrame([codes.alias("c"), years.alias("y"), metrics.alias("m")])
    if keys.is_duplicated().any():
        raise _NotFast
    if figure == "actual" and (cells_of("actual").is_null() & cells_of("note").is_null()).any():
        raise _NotFast  # an empty result needs a note saying why

    def numbers(role: str) -> pl.Series:
        cells = cells_of(role)
        if not (cells.dtype.is_float() or cells.dtype.is_integer()):
            return apply(optional(lambda v: _number(v, decimal)), pl.Float64(), cells)
        # Typed numbers: _number's rules (finite, not negative, whole) on the whole column.
        values = cells.cast(pl.Float64)
        if (~values.is_finite() | (values < 0) | (values != values.floor())).any():
            raise _NotFast
        return values

    def text(role: str, default: str | None = None) -> pl.Series:
        return apply(lambda v: default if v is None else _text(v), pl.String(), cells_of(role))

    kpis = pl.DataFrame(
        {
            "unit_code": codes,
            "unit_name": apply(registry.name, pl.String(), codes),
            "level": levels,
            "year": years,
            "as_of": apply(as_of, pl.Date(), cells_of("as_of").alias("v"), years.alias("y")),
            "metric": metrics,
            "target": numbers("target"),
            "actual": numbers("actual"),
            "source": text("source", default_source),
            "stated_percent": apply(optional(percent), pl.String(), cells_of("stated_percent")),
            "note": text("note"),
        },
        schema=LONG_SCHEMA,
    )
    return kpis, rows


# --------------------------------------------------------------------------- layouts


def _shown(header: object) -> str:
    """A header as a column label, shortened so a hostile header cannot flood a message."""
    text = str(header)
    return text if len(text) <= _MAX_HEADER_CHARS else text[: _MAX_HEADER_CHARS - 1] + "…"


def _role(text: str | None) -> str | None:
    key = _key(text) if text else ""
    if not key:  # only punctuation: "%" is a percentage column, "-" is nothing
        return "stated_percent" if text and text.strip() == "%" else None
    return next((role for role, keys in _ROLES if key in keys), None)


def _split_header(text: str | None) -> tuple[str, str | None]:
    """``"Kết nạp đảng viên - Chỉ tiêu"`` → ``("Kết nạp đảng viên", "target")``."""
    text = text or ""
    for sep in (" - ", " – ", "|", "/", ":", "("):
        if sep in text:
            head, _, tail = text.rpartition(sep)
            role = _role(tail.rstrip(")"))
            if role and head.strip():
                return head.strip(), role
    return text.strip(), None


def _at(row: Sequence[object], j: int) -> object:
    return row[j] if j < len(row) else None


def _names_a_column(value: object) -> bool:
    text = _text(value)
    if text is None:
        return False
    key = _key(text)
    return key in _ALIAS_OF or key in _UNIT_KEYS or _split_header(text)[1] in ("target", "actual")


def _header_index(grid: _Grid, file: str) -> int:
    """The header row: the first that names a column; else the first non-empty row."""
    filled = [i for i, row in enumerate(grid.rows) if any(v is not None for v in row)]
    if not filled:
        raise KpiDataError(DataIssue("the file is empty", file=file))
    for i in filled[:_HEADER_SEARCH_ROWS]:
        if any(_names_a_column(v) for v in grid.rows[i]):
            return i
    return filled[0]


def _is_wide(grid: _Grid, h: int) -> bool:
    """Wide when no column holds metric codes and headers carry targets/results."""
    header = [_text(v) for v in grid.rows[h]]
    below = [_text(v) for v in grid.rows[h + 1]] if h + 1 < len(grid.rows) else []
    if any(v is not None and _ALIAS_OF.get(_key(v)) == "metric" for v in header):
        return False
    return any(_split_header(v)[1] in ("target", "actual") for v in header if v) or any(
        _role(v) in ("target", "actual") for v in below
    )


def _body(grid: _Grid, start: int) -> Iterable[tuple[int, list[object]]]:
    """Non-empty rows from ``start`` on, with their row numbers."""
    for row, cells in zip(grid.numbers[start:], grid.rows[start:], strict=True):
        if any(v is not None for v in cells):
            yield row, cells


def _long_cells(
    grid: _Grid, h: int, file: str, figure: str = "actual"
) -> tuple[dict[str, _Cells], list[int]]:
    headers = [_text(v) for v in grid.rows[h]]
    body = list(_body(grid, h + 1))
    problems = _Problems(file)
    mapping: dict[int, str] = {}
    for j, header in enumerate(headers):
        col = _ALIAS_OF.get(_key(header or ""))
        label = _shown(header or grid.letter(j))
        if header is None:
            if any(_at(cells, j) is not None for _, cells in body):
                problems.add("the column has values but no header", grid.numbers[h], label)
        elif col is None:
            expected = ", ".join(COLUMN_ALIASES)
            problems.add(f"unknown column; expected one of {expected}", grid.numbers[h], label)
        elif col in mapping.values():
            problems.add(f"second column for {col!r}", grid.numbers[h], label)
        else:
            mapping[j] = col
    present = set(mapping.values())
    for col in ("year", "metric", figure):
        if col not in present:
            problems.add("missing required column", column=col)
    if not present & {"unit_code", "unit_name"}:
        problems.add("missing required column (unit_code or unit_name)", column="unit_code")
    for row, cells in body:
        extra = [v for v in cells[len(headers) :] if v is not None]
        if extra:
            problems.add(
                f"the row has {len(headers) + len(extra)} fields but the header has {len(headers)}",
                row,
                value=extra[0],
            )
    if not body:
        problems.add("the file has a header but no rows")
    problems.raise_any()
    columns = {
        col: _Cells([_at(r, j) for _, r in body], [_shown(headers[j])] * len(body))
        for j, col in mapping.items()
    }
    return columns, [row for row, _ in body]


@dataclass
class _Total:
    """A "Tổng cộng" row: its figures by (metric, role), checked after validation."""

    row: int
    cells: dict[tuple[str, str], tuple[object, str]]


def _wide_headers(grid: _Grid, h: int) -> tuple[list[tuple[str, str | None]], int]:
    """Per column ``(label, role)``, and the index of the first body row."""
    top = [_text(v) for v in grid.rows[h]]
    below = [_text(v) for v in grid.rows[h + 1]] if h + 1 < len(grid.rows) else []
    two_rows = any(_role(v) in ("target", "actual") for v in below)
    width = max(len(top), len(below) if two_rows else 0)
    top += [None] * (width - len(top))
    below += [None] * (width - len(below))
    headers: list[tuple[str, str | None]] = []
    last_top = ""
    for head, sub in zip(top, below if two_rows else [None] * width, strict=True):
        last_top = head or last_top  # a label merged over its columns is only in the first
        role = _role(sub)
        headers.append((last_top, role) if role else _split_header(head or sub))
    return headers, h + (2 if two_rows else 1)


def _wide_cells(
    grid: _Grid,
    h: int,
    *,
    file: str,
    year: int | None,
    as_of: object,
    catalog: MetricCatalog | None,
    registry: UnitRegistry,
    figure: str = "actual",
) -> tuple[dict[str, _Cells], list[int], list[_Total]]:
    """Unpivot a wide sheet (units as rows, target/result columns per metric)."""
    headers, start = _wide_headers(grid, h)
    plain = [j for j, (_, role) in enumerate(headers) if role is None]
    year_col = next((j for j in plain if _key(headers[j][0]) in _YEAR_KEYS), None)
    unit_col = next((j for j in plain if _key(headers[j][0]) in _UNIT_KEYS), None)
    if unit_col is None:
        unit_col = next(
            (
                j
                for j in plain
                if headers[j][0] and j != year_col and _key(headers[j][0]) not in _SKIP_KEYS
            ),
            0,
        )

    def label(j: int, role: str | None = None) -> str:
        return f"{grid.letter(j)} ({_shown(headers[j][0])}{f' / {role}' if role else ''})"

    problems = _Problems(file)
    if year is None and year_col is None:
        problems.add("a wide sheet needs a year: pass year=... or add a 'Năm' column")
    metric_cols: dict[str, dict[str, int]] = {}
    for j, (head, role) in enumerate(headers):
        if role is None:
            continue
        try:
            code = _metric(catalog, head)
        except UnknownMetricError as exc:
            hint = f"; did you mean {' or '.join(exc.suggestions)}?" if exc.suggestions else ""
            problems.add(f"unknown metric{hint}", grid.numbers[h], label(j), head)
            continue
        if role in metric_cols.setdefault(code, {}):
            problems.add(f"second {role} column for metric {code}", grid.numbers[h], label(j))
        metric_cols[code][role] = j
    column_words = {
        "actual": "result column (thực hiện / kết quả)",
        "target": "target column (chỉ tiêu / kế hoạch)",
    }
    for code, roles in metric_cols.items():
        if figure not in roles:
            problems.add(f"metric {code} has no {column_words[figure]}", grid.numbers[h])
    if not metric_cols and not problems:
        problems.add(
            "no metric columns found: headers need 'chỉ tiêu'/'kế hoạch' and 'thực hiện'/'kết quả'",
            grid.numbers[h],
        )
    problems.raise_any()

    cities = registry.codes(level="city")
    figure_cols = [j for roles in metric_cols.values() for j in roles.values()]
    out = {
        c: _Cells()
        for c in ("unit_name", "year", "as_of", "metric", "target", "actual", "stated_percent")
    }
    rows: list[int] = []
    totals: list[_Total] = []
    for row, line in _body(grid, start):
        unit = _text(_at(line, unit_col))
        key = _key(unit) if unit else ""
        if all(_at(line, j) is None for j in figure_cols) and not _is_unit(registry, unit):
            continue  # a blank line, a section heading or a note under the table
        if key in _TOTAL_KEYS:
            totals.append(
                _Total(
                    row,
                    {
                        (code, role): (_at(line, j), label(j, role))
                        for code, roles in metric_cols.items()
                        for role, j in roles.items()
                    },
                )
            )
            continue
        if key in _CITY_KEYS and len(cities) == 1:
            unit = cities[0]
        row_year: object = year
        year_label = "year"
        if year_col is not None and _at(line, year_col) is not None:
            row_year, year_label = _at(line, year_col), label(year_col)
        for code, roles in metric_cols.items():
            rows.append(row)
            out["unit_name"].values.append(unit)
            out["unit_name"].columns.append(label(unit_col))
            out["year"].values.append(row_year)
            out["year"].columns.append(year_label)
            out["as_of"].values.append(as_of)
            out["as_of"].columns.append("as_of")
            out["metric"].values.append(code)
            out["metric"].columns.append("metric")
            for role in ("target", "actual", "stated_percent"):
                k = roles.get(role)
                out[role].values.append(None if k is None else _at(line, k))
                out[role].columns.append(role if k is None else label(k, role))
    return out, rows, totals


def _is_unit(registry: UnitRegistry, text: str | None) -> bool:
    try:
        return text is not None and bool(registry.resolve(text))
    except UnknownUnitError:
        return False


def _check_totals(kpis: pl.DataFrame, totals: list[_Total], file: str, decimal: str | None) -> None:
    """Each total row must equal the sum of the unit rows (the city's own row excluded)."""
    parts = kpis.filter(pl.col("level") != "city")
    problems = _Problems(file)
    for total in totals:
        for (metric, role), (value, column) in total.cells.items():
            if value is None or role == "stated_percent":
                continue
            try:
                written = _number(value, decimal)
            except ValueError as exc:
                problems.add(f"total {role}: {exc}", total.row, column, value)
                continue
            expected = parts.filter(pl.col("metric") == metric)[role].sum()
            if written != expected:
                message = f"the total row does not equal the sum of the units ({expected:.0f})"
                problems.add(message, total.row, column, value)
    problems.raise_any()


def _column_letter(j: int) -> str:
    letters = ""
    j += 1
    while j:
        j, rem = divmod(j - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


# --------------------------------------------------------------------------- public API


def read_kpi_file(
    path: PathLike,
    *,
    registry: UnitRegistry,
    catalog: MetricCatalog,
    layout: Literal["auto", "long", "wide"] = "auto",
    year: int | None = None,
    as_of: dt.date | str | None = None,
    source: str | None = None,
    sheet: str | int | None = None,
    decimal: str | None = None,
) -> pl.DataFrame:
    """Read one KPI file into the validated long table.

    Parameters
    ----------
    path
        ``.csv`` (UTF-8), ``.xlsx`` or ``.parquet``.
    registry, catalog
        The unit registry and metric catalog the rows are checked against.
    layout
        ``long`` (one row per unit × year × metric), ``wide`` (units as rows; per metric a
        target column and a result column, headers on one or two rows) or ``auto``: wide
        when no column holds metrics and the headers name targets or results.
    year, as_of
        For wide sheets that carry no year column: the plan year and the date of the figures
        (default: 31 December of the year).
    source
        The ``source`` of rows that do not name one (default: the file name).
    sheet
        The Excel sheet, by name or 0-based position (default: the first).
    decimal
        ``","`` or ``"."`` when the file's decimal separator is known; ``None`` applies the
        Vietnamese-first rules of :func:`kpitools.numbers.parse_number`.

    Raises
    ------
    KpiDataError
        listing every bad cell with file, row, column and value (see the module docstring).

    Examples
    --------
    >>> ds = load_dataset(["data/hanoi_2023_seed.csv"])
    >>> kpis = read_kpi_file(find_path("data/hanoi_2023_seed.csv"), registry=ds.registry,
    ...                      catalog=ds.catalog)
    >>> kpis.filter(pl.col("metric") == "admissions").select("as_of", "actual").row(0)
    (datetime.date(2023, 11, 30), 10479.0)
    """
    return _read_file(
        path,
        registry=registry,
        catalog=catalog,
        layout=layout,
        year=year,
        as_of=as_of,
        source=source,
        sheet=sheet,
        decimal=decimal,
    )[0]


def _read_file(
    path: PathLike | pl.DataFrame,
    *,
    registry: UnitRegistry,
    catalog: MetricCatalog | None,
    layout: str = "auto",
    year: int | None = None,
    as_of: object = None,
    source: str | None = None,
    sheet: str | int | None = None,
    decimal: str | None = None,
    figure: str = "actual",
    fast: bool = True,
) -> tuple[pl.DataFrame, list[int]]:
    """The long table of one file and the row number each of its rows came from.

    ``figure`` is the figure every row must have a column for: ``actual`` (a KPI file) or
    ``target`` (a targets file, whose results come from elsewhere). A long file is first
    read column by column (:func:`_fast_long`, the same rules once per distinct value);
    a wide sheet, an Excel file or any file with a problem is read cell by cell (``fast``
    false: always), which names every bad cell.
    """
    if layout not in ("auto", "long", "wide"):
        raise ValueError(f"layout must be 'auto', 'long' or 'wide', not {layout!r}")
    if decimal not in (None, ",", "."):
        raise ValueError(f"decimal must be ',', '.' or None, not {decimal!r}")
    if isinstance(path, pl.DataFrame):
        file, name = "<frame>", "<frame>"
    else:
        path = Path(path)
        file, name = str(path), path.name
        if not path.is_file():
            raise KpiDataError(DataIssue("file not found", file=file))
    if fast:
        try:
            return _fast_long(
                path,
                registry=registry,
                catalog=catalog,
                decimal=decimal,
                default_source=source or name,
                figure=figure,
                layout=layout,
            )
        except _NotFast:
            pass
    if isinstance(path, pl.DataFrame):
        grid = _frame_grid(path)
    else:
        try:
            grid = _read_grid(path, sheet=sheet)
        except KpiDataError:
            raise
        except Exception as exc:  # the readers raise many types; all mean "cannot parse this"
            text = str(exc).strip()
            first_line = text.splitlines()[0] if text else type(exc).__name__
            raise KpiDataError(DataIssue(f"cannot read file: {first_line}", file=file)) from exc
    h = _header_index(grid, file)
    totals: list[_Total] = []
    if layout == "wide" or (layout == "auto" and _is_wide(grid, h)):
        cells, rows, totals = _wide_cells(
            grid,
            h,
            file=file,
            year=year,
            as_of=as_of,
            catalog=catalog,
            registry=registry,
            figure=figure,
        )
    else:
        cells, rows = _long_cells(grid, h, file, figure)
    kpis = _validate(
        cells,
        rows,
        file=file,
        registry=registry,
        catalog=catalog,
        decimal=decimal,
        default_source=source or name,
        figure=figure,
    )
    _check_totals(kpis, totals, file, decimal)
    return kpis, rows


def read_kpis(
    paths: PathLike | Iterable[PathLike],
    *,
    registry: UnitRegistry,
    catalog: MetricCatalog,
    **options: object,
) -> pl.DataFrame:
    """Read and concatenate several KPI files; a unit × year × metric may appear only once.

    Options are passed to :func:`read_kpi_file`. Problems of every file are reported
    together; a unit × year × metric found in two files is reported at both places.
    The result is sorted by year, metric and unit code.
    """
    files = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    frames: list[pl.DataFrame] = []
    issues: list[list[DataIssue]] = [[] for _ in files]  # by file, in the order given
    keyed: list[pl.DataFrame] = []
    for i, p in enumerate(files):
        try:
            frame, rows = _read_file(p, registry=registry, catalog=catalog, **options)  # type: ignore[arg-type]
        except KpiDataError as exc:
            issues[i].extend(exc.issues)
            continue
        keys = frame.select("unit_code", "year", "metric")
        keyed.append(keys.with_columns(at=pl.lit(i, pl.UInt32), row=pl.Series(rows)))
        frames.append(frame)
    # A file has each key once (checked as it is read); keys in several files are looked
    # at one by one, in the order of the files.
    both = pl.concat(keyed) if keyed else pl.DataFrame()
    if both.height:
        both = both.filter(pl.struct("unit_code", "year", "metric").is_duplicated())
    first: dict[tuple[object, ...], tuple[str, int]] = {}
    for code, year, metric, at, row in both.iter_rows():
        key = (code, year, metric)
        if key in first:
            issues[at].append(
                DataIssue(
                    f"unit {code} × year {year} × metric {metric} is also in "
                    f"{first[key][0]}, row {first[key][1]}",
                    file=str(files[at]),
                    row=row,
                )
            )
        else:
            first[key] = (str(files[at]), row)
    if any(issues):
        raise KpiDataError([issue for found in issues for issue in found])
    if not frames:
        return pl.DataFrame(schema=LONG_SCHEMA)
    return pl.concat(frames, how="vertical").sort("year", "metric", "unit_code")


def read_targets(
    path: PathLike | pl.DataFrame,
    *,
    registry: UnitRegistry,
    catalog: MetricCatalog | None = None,
    **options: object,
) -> pl.DataFrame:
    """Read a targets file: the long table's rules, with a target column instead of results.

    For results counted elsewhere (:func:`kpitools.members.member_kpis`): a long file with
    unit, year, metric and target columns, or a wide sheet with a target column per metric
    (any other long-table column, such as ``source``, is read and dropped). Without a
    ``catalog``, metric codes are taken as written. A frame is read as if it were a file.
    ``options`` go to :func:`read_kpi_file`. Returns ``unit_code``, ``year``, ``metric``,
    ``target`` (null where the cell is empty).

    Raises
    ------
    KpiDataError
        Naming file, row, column and value of every bad cell, and duplicates.

    Examples
    --------
    >>> reg = read_registry(find_path("data/units.csv"))
    >>> targets = pl.DataFrame({"Mã đơn vị": ["017"], "Năm": ["2024"],
    ...                         "Chỉ số": ["admissions"], "Chỉ tiêu": ["1.200"]})
    >>> read_targets(targets, registry=reg).row(0)
    ('017', 2024, 'admissions', 1200.0)
    """
    frame, _ = _read_file(path, registry=registry, catalog=catalog, figure="target", **options)  # type: ignore[arg-type]
    return frame.select("unit_code", "year", "metric", "target")


_WRITERS = {
    ".csv": lambda kpis, tmp: kpis.write_csv(tmp),
    ".parquet": lambda kpis, tmp: kpis.write_parquet(tmp),
    ".xlsx": lambda kpis, tmp: kpis.write_excel(tmp, worksheet="kpis"),
}


def write_kpis(kpis: pl.DataFrame, path: PathLike) -> Path:
    """Write the long table as CSV, Parquet or Excel (by suffix), atomically.

    The file appears complete or not at all: it is written beside its place under a
    temporary name and moved there only when writing succeeded.
    """
    from kpitools._atomic import atomic_path

    path = Path(path)
    writer = _WRITERS.get(path.suffix.lower())
    if writer is None:
        raise ValueError(f"unsupported output type {path.suffix!r}; use .csv, .parquet or .xlsx")
    with atomic_path(path) as tmp:
        writer(kpis, tmp)
    return path


# --------------------------------------------------------------------------- datasets


@dataclass(frozen=True)
class Dataset:
    """The long table together with the registry and catalog it was checked against."""

    kpis: pl.DataFrame
    registry: UnitRegistry
    catalog: MetricCatalog
    files: tuple[Path, ...] = ()

    @property
    def synthetic(self) -> bool:
        """Whether any row is invented data (``source == "synthetic"``)."""
        return bool((self.kpis["source"] == "synthetic").any())

    def replace(self, kpis: pl.DataFrame) -> Dataset:
        """A copy of this dataset with other rows."""
        return Dataset(kpis, self.registry, self.catalog, self.files)


def find_path(path: PathLike, *, start: PathLike | None = None) -> Path:
    """Find a relative path from ``start`` (default: the working directory) or its parents.

    Notebooks run from the repository root (papermill, ``kpitools run``) and from
    ``notebooks/`` (JupyterLab); looking upwards lets ``data/units.csv`` work in both.
    Absolute paths are returned as they are.
    """
    p = Path(path).expanduser()
    if p.is_absolute():
        return p
    base = Path(start or Path.cwd()).resolve()
    for folder in (base, *base.parents):
        if (folder / p).exists():
            return folder / p
    raise FileNotFoundError(f"{str(p)!r} not found in {base} or any folder above it")


def load_dataset(
    data: PathLike | Sequence[PathLike],
    *,
    units: PathLike = "data/units.csv",
    catalog: PathLike = "data/metrics.csv",
    **options: object,
) -> Dataset:
    """Read the unit registry, the metric catalog and the KPI files.

    Relative paths are looked up with :func:`find_path`; ``options`` go to
    :func:`read_kpi_file`.

    Examples
    --------
    >>> ds = load_dataset(["data/hanoi_2023_seed.csv"])
    >>> ds.kpis.filter(pl.col("metric") == "party_orgs_nonstate").select("actual", "target").row(0)
    (109.0, 69.0)
    """
    files = [data] if isinstance(data, str | os.PathLike) else list(data)
    paths = (find_path(units), find_path(catalog), *(find_path(f) for f in files))
    # A batch worker loads the same files for report after report: keep the last few
    # datasets, keyed by the files' identity (path, size, modification time) and options.
    key = (tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in paths), repr(options))
    if (hit := _LOADED.get(key)) is not None:
        return hit.replace(hit.kpis.clone())
    registry = read_registry(paths[0])
    metric_catalog = read_catalog(paths[1])
    kpis = read_kpis(paths[2:], registry=registry, catalog=metric_catalog, **options)
    dataset = Dataset(kpis, registry, metric_catalog, paths[2:])
    _LOADED[key] = dataset
    while len(_LOADED) > 8:
        _LOADED.pop(next(iter(_LOADED)))
    return dataset.replace(kpis.clone())


_LOADED: dict[tuple[object, ...], Dataset] = {}
