"""Read KPI files (CSV, Excel, Parquet; long or wide) into the validated long table.

Every KPI observation becomes one row of the long table (see ``LONG_SCHEMA``). Reading is
strict: a bad cell is reported with its file, row, column and value, every problem of a
file is reported at once, and no valid row is ever dropped silently.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import polars as pl

from kpitools.catalog import MetricCatalog, UnknownMetricError, read_catalog
from kpitools.errors import DataIssue, KpiDataError
from kpitools.names import UnitRegistry, UnknownUnitError, name_key, read_registry
from kpitools.numbers import NumberFormatError, parse_number

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
_PERCENT_WORDS = ("tỷ lệ", "tỉ lệ", "đạt", "%", "tỷ lệ (%)", "đạt (%)", "percent", "attainment")
_UNIT_WORDS = ("đơn vị", "tên đơn vị", "unit", "đảng bộ", "mã đơn vị", "mã", "code")
_SKIP_WORDS = ("stt", "tt", "no", "số tt", "#")
_TOTAL_WORDS = ("tổng", "tổng cộng", "cộng", "toàn thành phố", "total", "toàn tp")

_INT_RE = re.compile(r"^\s*\d+\s*$")
_DMY_RE = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")
_EXCEL_EPOCH = dt.date(1899, 12, 30)


def _key(text: str) -> str:
    return name_key(text, diacritics=False)


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
    if m := _DMY_RE.match(text):
        day, month, year = (int(g) for g in m.groups())
        return dt.date(year, month, day)
    if _INT_RE.match(text) and 20000 < int(text) < 80000:
        return _EXCEL_EPOCH + dt.timedelta(days=int(text))
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise ValueError(f"not a date (use 2023-11-30 or 30/11/2023): {text!r}") from None


# --------------------------------------------------------------------------- raw reading


def _read_grid(path: Path, *, sheet: str | int | None, header: bool) -> pl.DataFrame:
    """Read a file into a frame; strings for text files, native types where the file has them."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt", ".tsv"):
        sep = "\t" if suffix == ".tsv" else ","
        return pl.read_csv(
            path,
            has_header=header,
            infer_schema=False,
            separator=sep,
            encoding="utf8-lossy",
            truncate_ragged_lines=False,
        )
    if suffix == ".parquet":
        return pl.read_parquet(path)
    if suffix in (".xlsx", ".xlsm", ".xls"):
        kwargs: dict[str, object] = {"has_header": header, "drop_empty_rows": False}
        if isinstance(sheet, int):
            kwargs["sheet_id"] = sheet
        elif sheet is not None:
            kwargs["sheet_name"] = sheet
        return pl.read_excel(path, **kwargs)  # type: ignore[arg-type]
    raise KpiDataError(
        DataIssue(f"unsupported file type {suffix!r}; use .csv, .xlsx or .parquet", file=str(path))
    )


def _as_text(series: pl.Series) -> pl.Series:
    """A column as strings, keeping integers integral (Excel gives 17.0 for 017)."""
    if series.dtype.is_float():
        as_int = series.cast(pl.Int64, strict=False)
        whole = series.is_not_null() & (as_int.cast(pl.Float64) == series)
        return pl.select(
            pl.when(whole).then(as_int.cast(pl.String)).otherwise(series.cast(pl.String))
        ).to_series().alias(series.name)
    if series.dtype == pl.String:
        return series
    return series.cast(pl.String)


# --------------------------------------------------------------------------- validation


@dataclass
class _Cells:
    """Raw values for one long-table column plus where each came from."""

    values: list[object]
    columns: list[str]  # header text of the cell, per row


def _parse_numbers(
    cells: _Cells,
    *,
    name: str,
    rows: list[int],
    file: str,
    decimal: str | None,
    required: bool,
    issues: list[DataIssue],
) -> list[float | None]:
    out: list[float | None] = []
    for value, column, row in zip(cells.values, cells.columns, rows, strict=True):
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                issues.append(DataIssue(f"missing {name}", file=file, row=row, column=column))
            out.append(None)
            continue
        if isinstance(value, float) and value != value:  # NaN from a typed file
            issues.append(DataIssue(f"{name} is NaN", file=file, row=row, column=column))
            out.append(None)
            continue
        try:
            number = float(value) if isinstance(value, int | float) else float(
                parse_number(str(value), decimal=decimal)
            )
        except NumberFormatError as exc:
            issues.append(
                DataIssue(f"unparseable number: {exc}", file=file, row=row, column=column, value=value)
            )
            out.append(None)
            continue
        if number < 0:
            issues.append(
                DataIssue(f"negative {name}", file=file, row=row, column=column, value=value)
            )
        out.append(number)
    return out


def _validate(
    cells: dict[str, _Cells],
    rows: list[int],
    *,
    file: str,
    registry: UnitRegistry,
    catalog: MetricCatalog,
    decimal: str | None,
    default_source: str,
) -> pl.DataFrame:
    """Turn raw cells into the typed long table, or raise with every problem found."""
    issues: list[DataIssue] = []
    n = len(rows)

    def col(name: str) -> _Cells:
        return cells.get(name) or _Cells([None] * n, [name] * n)

    codes: list[str | None] = []
    code_cells, name_cells = col("unit_code"), col("unit_name")
    for code, uname, ccol, ncol, row in zip(
        code_cells.values, name_cells.values, code_cells.columns, name_cells.columns, rows,
        strict=True,
    ):
        text, column = (code, ccol) if code not in (None, "") else (uname, ncol)
        if text in (None, ""):
            issues.append(DataIssue("missing unit", file=file, row=row, column=column))
            codes.append(None)
            continue
        try:
            resolved = registry.resolve(str(text))
        except UnknownUnitError as exc:
            issues.append(DataIssue(str(exc), file=file, row=row, column=column))
            codes.append(None)
            continue
        if code not in (None, "") and uname not in (None, ""):
            try:
                by_name = registry.resolve(str(uname))
            except UnknownUnitError:
                by_name = None
            if by_name != resolved:
                issues.append(
                    DataIssue(
                        f"unit name does not match code {resolved} "
                        f"({registry.name(resolved)})",
                        file=file, row=row, column=ncol, value=uname,
                    )
                )
        codes.append(resolved)

    years: list[int | None] = []
    ycells = col("year")
    for value, column, row in zip(ycells.values, ycells.columns, rows, strict=True):
        try:
            year = int(float(value)) if isinstance(value, int | float) else int(str(value).strip())
            if not 1900 <= year <= 2100 or (isinstance(value, float) and value != int(value)):
                raise ValueError
            years.append(year)
        except (TypeError, ValueError):
            msg = "missing year" if value in (None, "") else "year must be a whole number like 2023"
            issues.append(DataIssue(msg, file=file, row=row, column=column,
                                    value=None if value in (None, "") else value))
            years.append(None)

    for code, year, row in zip(codes, years, rows, strict=True):
        if code is not None and year is not None and not registry.exists(code, year):
            issues.append(
                DataIssue(
                    f"unit {code} ({registry.name(code)}) did not exist in {year}",
                    file=file, row=row, column=code_cells.columns[0],
                )
            )

    levels = col("level")
    for code, value, column, row in zip(codes, levels.values, levels.columns, rows, strict=True):
        if code is not None and value not in (None, "") and str(value) != registry.level(code):
            issues.append(
                DataIssue(
                    f"level does not match the unit registry ({registry.level(code)})",
                    file=file, row=row, column=column, value=value,
                )
            )

    as_ofs: list[dt.date | None] = []
    acells = col("as_of")
    for value, column, year, row in zip(acells.values, acells.columns, years, rows, strict=True):
        if value in (None, ""):
            as_ofs.append(dt.date(year, 12, 31) if year is not None else None)
            continue
        try:
            day = parse_date(value)
        except (ValueError, OverflowError) as exc:
            issues.append(DataIssue(str(exc), file=file, row=row, column=column, value=value))
            as_ofs.append(None)
            continue
        if year is not None and day < dt.date(year, 1, 1):
            issues.append(
                DataIssue(f"as_of is before the start of {year}", file=file, row=row,
                          column=column, value=value)
            )
        as_ofs.append(day)

    metrics: list[str | None] = []
    mcells = col("metric")
    for value, column, row in zip(mcells.values, mcells.columns, rows, strict=True):
        if value in (None, ""):
            issues.append(DataIssue("missing metric", file=file, row=row, column=column))
            metrics.append(None)
            continue
        try:
            metrics.append(catalog.resolve(str(value)))
        except UnknownMetricError as exc:
            issues.append(DataIssue(str(exc), file=file, row=row, column=column))
            metrics.append(None)

    common = {"rows": rows, "file": file, "decimal": decimal, "issues": issues}
    targets = _parse_numbers(col("target"), name="target", required=False, **common)  # type: ignore[arg-type]
    actuals = _parse_numbers(col("actual"), name="actual", required=True, **common)  # type: ignore[arg-type]

    seen: dict[tuple[object, ...], int] = {}
    for key, row in zip(zip(codes, years, metrics, strict=True), rows, strict=True):
        if None in key:
            continue
        if key in seen:
            issues.append(
                DataIssue(
                    f"duplicate unit × year × metric {key[0]} × {key[1]} × {key[2]} "
                    f"(first on row {seen[key]})",
                    file=file, row=row,
                )
            )
        else:
            seen[key] = row

    if issues:
        raise KpiDataError(issues)

    def text(name: str, default: str | None = None) -> list[str | None]:
        return [
            default if v in (None, "") else str(v).strip() for v in col(name).values
        ]

    return pl.DataFrame(
        {
            "unit_code": codes,
            "unit_name": [registry.name(c) for c in codes if c is not None],
            "level": [registry.level(c) for c in codes if c is not None],
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


# --------------------------------------------------------------------------- layouts


def _match_columns(headers: Sequence[str], file: str) -> dict[str, str]:
    """Map each header of a long file to a long-table column, or raise."""
    lookup = {_key(alias): col for col, aliases in COLUMN_ALIASES.items() for alias in aliases}
    mapping: dict[str, str] = {}
    issues = []
    for header in headers:
        col = lookup.get(_key(str(header)))
        if col is None:
            issues.append(
                DataIssue(
                    "unknown column; expected one of " + ", ".join(COLUMN_ALIASES),
                    file=file, column=str(header),
                )
            )
        elif col in mapping.values():
            issues.append(DataIssue(f"second column for {col!r}", file=file, column=str(header)))
        else:
            mapping[str(header)] = col
    present = set(mapping.values())
    for col in ("year", "metric", "actual"):
        if col not in present:
            issues.append(DataIssue("missing required column", file=file, column=col))
    if not present & {"unit_code", "unit_name"}:
        issues.append(DataIssue("missing required column", file=file, column="unit_code"))
    if issues:
        raise KpiDataError(issues)
    return mapping


def _long_cells(df: pl.DataFrame, file: str) -> tuple[dict[str, _Cells], list[int]]:
    mapping = _match_columns(df.columns, file)
    n = df.height
    cells = {}
    for header, col in mapping.items():
        series = df[header]
        if col in ("target", "actual") and series.dtype.is_numeric():
            values: list[object] = series.to_list()
        elif col == "as_of" and series.dtype in (pl.Date, pl.Datetime):
            values = series.to_list()
        else:
            values = _as_text(series).to_list()
        cells[col] = _Cells(values, [header] * n)
    return cells, list(range(2, n + 2))


def _role(text: str) -> str | None:
    key = _key(text)
    for role, words in (
        ("target", _TARGET_WORDS),
        ("actual", _ACTUAL_WORDS),
        ("stated_percent", _PERCENT_WORDS),
    ):
        if key in {_key(w) for w in words}:
            return role
    return None


def _split_header(text: str) -> tuple[str, str | None]:
    """``"Kết nạp đảng viên - Chỉ tiêu"`` → ``("Kết nạp đảng viên", "target")``."""
    for sep in (" - ", " – ", "|", "/", ":", "("):
        if sep in text:
            head, _, tail = text.rpartition(sep)
            role = _role(tail.rstrip(")"))
            if role and head.strip():
                return head.strip(), role
    return text.strip(), None


def _wide_cells(
    grid: pl.DataFrame, *, file: str, year: int | None, as_of: object, catalog: MetricCatalog,
    registry: UnitRegistry,
) -> tuple[dict[str, _Cells], list[int]]:
    """Unpivot a wide sheet (units as rows, target/actual columns per metric)."""
    raw = [[None if v is None else str(v).strip() for v in row] for row in grid.iter_rows()]
    if not raw:
        raise KpiDataError(DataIssue("the sheet is empty", file=file))
    width = len(raw[0])
    top = raw[0]
    two_rows = len(raw) > 1 and sum(1 for v in raw[1] if v and _role(v)) >= 1
    headers: list[tuple[str, str | None]] = []
    last_top = ""
    for j in range(width):
        if two_rows:
            last_top = top[j] or last_top
            sub = raw[1][j]
            role = _role(sub) if sub else None
            headers.append(((top[j] or last_top) if role else (top[j] or sub or ""), role))
        else:
            headers.append(_split_header(top[j] or ""))
    body_start = 2 if two_rows else 1
    letters = [_column_letter(j) for j in range(width)]

    unit_col = next(
        (j for j, (h, r) in enumerate(headers) if r is None and _key(h) in {_key(w) for w in _UNIT_WORDS}),
        None,
    )
    if unit_col is None:
        unit_col = next(
            (j for j, (h, r) in enumerate(headers) if r is None and _key(h) not in {_key(w) for w in _SKIP_WORDS}),
            0,
        )
    year_col = next((j for j, (h, r) in enumerate(headers) if r is None and _key(h) in {"nam", "year"}), None)
    if year is None and year_col is None:
        raise KpiDataError(DataIssue("a wide sheet needs a year: pass year=... or add a 'Năm' column", file=file))

    issues: list[DataIssue] = []
    metric_cols: dict[str, dict[str, int]] = {}
    for j, (head, role) in enumerate(headers):
        if role is None:
            continue
        try:
            code = catalog.resolve(head)
        except UnknownMetricError as exc:
            issues.append(DataIssue(str(exc), file=file, row=1, column=f"{letters[j]} ({head})"))
            continue
        if role in metric_cols.setdefault(code, {}):
            issues.append(DataIssue(f"second {role} column for metric {code}", file=file, row=1,
                                    column=f"{letters[j]} ({head})"))
        metric_cols[code][role] = j
    for code, roles in metric_cols.items():
        if "actual" not in roles:
            issues.append(DataIssue(f"metric {code} has no result column (thực hiện / kết quả)", file=file))
    if not metric_cols and not issues:
        issues.append(DataIssue("no metric columns found: headers need 'chỉ tiêu'/'kế hoạch' and "
                                "'thực hiện'/'kết quả'", file=file, row=1))
    if issues:
        raise KpiDataError(issues)

    parents = {registry.parent(c) for c in registry.codes()} - {None}
    top_unit = next(iter(sorted(p for p in parents if registry.parent(p) is None)), None)
    out: dict[str, _Cells] = {c: _Cells([], []) for c in ("unit_name", "year", "as_of", "metric",
                                                           "target", "actual", "stated_percent")}
    rows: list[int] = []
    unit_header = f"{letters[unit_col]} ({headers[unit_col][0]})"
    for i in range(body_start, len(raw)):
        line = raw[i]
        if not any(line):
            continue
        unit = line[unit_col]
        if unit and _key(unit) in {_key(w) for w in _TOTAL_WORDS} and top_unit:
            unit = top_unit
        for code, roles in metric_cols.items():
            rows.append(i + 1)
            out["unit_name"].values.append(unit)
            out["unit_name"].columns.append(unit_header)
            if year_col is not None and line[year_col]:
                out["year"].values.append(line[year_col])
            else:
                out["year"].values.append(year)
            out["year"].columns.append(letters[year_col] if year_col is not None else "year")
            out["as_of"].values.append(as_of)
            out["as_of"].columns.append("as_of")
            out["metric"].values.append(code)
            out["metric"].columns.append("metric")
            for role in ("target", "actual", "stated_percent"):
                j = roles.get(role)
                out[role].values.append(line[j] if j is not None else None)
                out[role].columns.append(f"{letters[j]} ({headers[j][0]} / {role})" if j is not None else role)
    return out, rows


def _column_letter(j: int) -> str:
    letters = ""
    j += 1
    while j:
        j, rem = divmod(j - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _looks_wide(df: pl.DataFrame) -> bool:
    lookup = {_key(a) for aliases in COLUMN_ALIASES.values() for a in aliases}
    return not all(_key(str(c)) in lookup for c in df.columns)


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
        ``.csv``, ``.xlsx`` or ``.parquet``.
    registry, catalog
        The unit registry and metric catalog the rows are checked against.
    layout
        ``long`` (one row per unit × year × metric), ``wide`` (units as rows; per metric a
        target column and a result column, headers on one or two rows) or ``auto``.
    year, as_of
        For wide sheets that carry no year column: the plan year and the date of the figures.
    source
        The ``source`` of rows that do not name one (default: the file name).
    decimal
        ``","`` or ``"."`` when the file's decimal separator is known; ``None`` applies the
        Vietnamese-first rules of :func:`kpitools.numbers.parse_number`.

    Raises
    ------
    KpiDataError
        listing every bad cell with file, row, column and value.
    """
    path = Path(path)
    file = str(path)
    if not path.is_file():
        raise KpiDataError(DataIssue("file not found", file=file))
    default_source = source or path.name
    try:
        frame = _read_grid(path, sheet=sheet, header=True)
    except KpiDataError:
        raise
    except Exception as exc:  # the readers raise many types; all mean "cannot parse this file"
        raise KpiDataError(DataIssue(f"cannot read file: {exc}", file=file)) from exc
    if layout == "auto":
        layout = "wide" if _looks_wide(frame) else "long"
    if layout == "long":
        cells, rows = _long_cells(frame, file)
    else:
        grid = frame if path.suffix.lower() == ".parquet" else _read_grid(path, sheet=sheet, header=False)
        cells, rows = _wide_cells(grid, file=file, year=year, as_of=as_of, catalog=catalog,
                                  registry=registry)
    return _validate(cells, rows, file=file, registry=registry, catalog=catalog, decimal=decimal,
                     default_source=default_source)


def read_kpis(
    paths: PathLike | Iterable[PathLike],
    *,
    registry: UnitRegistry,
    catalog: MetricCatalog,
    **options: object,
) -> pl.DataFrame:
    """Read and concatenate several KPI files; a unit × year × metric may appear only once.

    Options are passed to :func:`read_kpi_file`. Problems of every file are reported together.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    frames, issues = [], []
    for p in paths:
        try:
            frames.append(read_kpi_file(p, registry=registry, catalog=catalog, **options))  # type: ignore[arg-type]
        except KpiDataError as exc:
            issues.extend(exc.issues)
    if issues:
        raise KpiDataError(issues)
    if not frames:
        return pl.DataFrame(schema=LONG_SCHEMA)
    kpis = pl.concat(frames, how="vertical")
    dup = kpis.filter(pl.struct("unit_code", "year", "metric").is_duplicated())
    if dup.height:
        raise KpiDataError(
            DataIssue(
                f"unit {r['unit_code']} × year {r['year']} × metric {r['metric']} appears in "
                "more than one file",
                file=r["source"],
            )
            for r in dup.iter_rows(named=True)
        )
    return kpis.sort("year", "metric", "unit_code")


def write_kpis(kpis: pl.DataFrame, path: PathLike) -> Path:
    """Write the long table as CSV, Parquet or Excel (by suffix), atomically."""
    from kpitools._atomic import atomic_path

    path = Path(path)
    suffix = path.suffix.lower()
    with atomic_path(path) as tmp:
        if suffix == ".csv":
            kpis.write_csv(tmp)
        elif suffix == ".parquet":
            kpis.write_parquet(tmp)
        elif suffix == ".xlsx":
            kpis.write_excel(tmp, worksheet="kpis")
        else:
            raise ValueError(f"unsupported output type {suffix!r}; use .csv, .parquet or .xlsx")
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
    metrics: PathLike = "data/metrics.csv",
    **options: object,
) -> Dataset:
    """Read the registry, the catalog and the KPI files (relative paths via :func:`find_path`).

    Examples
    --------
    >>> ds = load_dataset(["data/hanoi_2023_seed.csv"])
    >>> ds.kpis.filter(pl.col("metric") == "party_orgs_nonstate").select("actual", "target").row(0)
    (109.0, 69.0)
    """
    registry = read_registry(find_path(units))
    catalog = read_catalog(find_path(metrics))
    files = [data] if isinstance(data, str | os.PathLike) else list(data)
    found = tuple(find_path(f) for f in files)
    kpis = read_kpis(found, registry=registry, catalog=catalog, **options)
    return Dataset(kpis, registry, catalog, found)
