"""The public readers and writer of KPI files."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

import polars as pl

from kpitools._typing import PathLike
from kpitools.catalog import MetricCatalog
from kpitools.errors import DataIssue, KpiDataError
from kpitools.io.columnar import fast_long
from kpitools.io.encodings import GARBLED_HINT, looks_garbled
from kpitools.io.layout import (
    Total,
    check_totals,
    header_index,
    is_wide,
    long_cells,
    wide_cells,
)
from kpitools.io.rules import Problems, validate
from kpitools.io.schema import LONG_SCHEMA, PERIOD_START
from kpitools.io.sheets import Grid, UnreadableFileError, frame_grid, read_grid
from kpitools.registry import UnitRegistry

#: How a file lays out its figures (see :func:`read_kpi_file`).
Layout = Literal["auto", "long", "wide"]


def read_kpi_file(
    path: PathLike,
    *,
    registry: UnitRegistry,
    catalog: MetricCatalog,
    layout: Layout = "auto",
    year: int | None = None,
    as_of: dt.date | str | None = None,
    source: str | None = None,
    sheet: str | int | None = None,
    decimal: str | None = None,
    period_start: dt.date | str | None = None,
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
    period_start
        For wide sheets: the first day of the figures' period (``2025-07-01`` for a form of
        the second half of 2025, by the new units); default: what the form's title or a
        footnote says (``6 tháng cuối năm 2025``, ``từ 01/7/2025``), else 1 January. A
        sheet that declares a start other than 1 January gets a ``period_start`` column.
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
    >>> reg, cat = read_registry("data/units.csv"), read_catalog("data/metrics.csv")
    >>> kpis = read_kpi_file("data/hanoi_2023_seed.csv", registry=reg, catalog=cat)
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
        period_start=period_start,
    )[0]


def read_kpi_file_with_notes(
    path: PathLike,
    *,
    registry: UnitRegistry,
    catalog: MetricCatalog,
    layout: Layout = "auto",
    year: int | None = None,
    as_of: dt.date | str | None = None,
    source: str | None = None,
    sheet: str | int | None = None,
    decimal: str | None = None,
    period_start: dt.date | str | None = None,
) -> tuple[pl.DataFrame, tuple[DataIssue, ...]]:
    """Read one KPI file like :func:`read_kpi_file`, and say how it was read.

    The notes are :class:`~kpitools.errors.DataIssue` records (file, row, column, value,
    message) that do not stop the reading: a year or an as-of date taken from a form's
    title or footnote, a column-number line or group headings skipped, a separator other
    than ``,``, text converted from a legacy encoding (Windows-1258, TCVN3, VNI) or
    normalized to NFC, a unit name matched without its diacritics.

    Examples
    --------
    >>> reg, cat = read_registry("data/units.csv"), read_catalog("data/metrics.csv")
    >>> kpis, notes = read_kpi_file_with_notes("data/hanoi_2023_seed.csv", registry=reg,
    ...                                        catalog=cat)
    >>> kpis.height, notes
    (11, ())
    """
    frame, _, notes = _read_file(
        path, registry=registry, catalog=catalog, layout=layout, year=year, as_of=as_of,
        source=source, sheet=sheet, decimal=decimal, period_start=period_start,
    )  # fmt: skip
    return frame, tuple(notes)


def _read_file(
    path: PathLike | pl.DataFrame,
    *,
    registry: UnitRegistry,
    catalog: MetricCatalog | None,
    layout: Layout = "auto",
    year: int | None = None,
    as_of: dt.date | str | None = None,
    source: str | None = None,
    sheet: str | int | None = None,
    decimal: str | None = None,
    figure: str = "actual",
    fast: bool = True,
    period_start: dt.date | str | None = None,
) -> tuple[pl.DataFrame, list[int], list[DataIssue]]:
    """Read one file: its long table, the row each row came from, the notes.

    ``figure`` is the figure every row must have a column for: ``actual`` (a KPI file) or
    ``target`` (a targets file, whose results come from elsewhere). A long file is first
    read column by column (:func:`kpitools.io.columnar.fast_long`), which also names its bad
    cells; a wide sheet, an Excel file or a file whose layout that reading cannot place is
    read cell by cell (``fast`` false: always). Both apply the same rules
    (:mod:`kpitools.io.rules`) and report the same problems in the same order.
    """
    if layout not in ("auto", "long", "wide"):
        raise ValueError(f"layout must be 'auto', 'long' or 'wide', not {layout!r}")
    if decimal not in (None, ",", "."):
        raise ValueError(f"decimal must be ',', '.' or None, not {decimal!r}")
    source_of: Path | pl.DataFrame
    if isinstance(path, pl.DataFrame):
        file, name, source_of = "<frame>", "<frame>", path
    else:
        source_of = Path(path)
        file, name = str(source_of), source_of.name
        if not source_of.is_file():
            raise UnreadableFileError(DataIssue("file not found", file=file))
    column_wise = fast and fast_long(
        source_of, registry=registry, catalog=catalog, decimal=decimal,
        default_source=source or name, figure=figure, layout=layout,
    )  # fmt: skip
    if column_wise:
        return column_wise
    grid = _grid(source_of, sheet)
    try:
        return _read_grid(
            grid, file, registry=registry, catalog=catalog, layout=layout, year=year,
            as_of=as_of, source=source or name, decimal=decimal, figure=figure,
            period_start=period_start,
        )  # fmt: skip
    except KpiDataError as exc:
        raise _with_encoding_hint(exc, grid, file) from None


def _read_grid(
    grid: Grid,
    file: str,
    *,
    registry: UnitRegistry,
    catalog: MetricCatalog | None,
    layout: Layout,
    year: int | None,
    as_of: dt.date | str | None,
    source: str,
    decimal: str | None,
    figure: str,
    period_start: dt.date | str | None = None,
) -> tuple[pl.DataFrame, list[int], list[DataIssue]]:
    """The cell-by-cell reading of a file's cells."""
    h = header_index(grid, file)
    notes = Problems(file)
    notes.extend(grid.notes)
    totals: list[Total] = []
    if layout == "wide" or (layout == "auto" and is_wide(grid, h)):
        cells, rows, totals = wide_cells(
            grid, h, file=file, year=year, as_of=as_of, catalog=catalog, registry=registry,
            figure=figure, notes=notes, period_start=period_start,
        )  # fmt: skip
    else:
        cells, rows = long_cells(grid, h, file, figure, notes)
    kpis, unit_notes = validate(
        cells, rows, file=file, registry=registry, catalog=catalog, decimal=decimal,
        default_source=source, figure=figure,
    )  # fmt: skip
    check_totals(kpis, totals, file, decimal)
    return kpis, rows, sorted([*notes, *unit_notes], key=lambda note: note.row or 0)


def _with_encoding_hint(exc: KpiDataError, grid: Grid, file: str) -> KpiDataError:
    """``exc``, with a word on the encoding when unknown names may come from it."""
    if not any(issue.message.startswith("unknown unit") for issue in exc.issues):
        return exc
    converted = [n.message for n in grid.notes if "converted" in n.message]
    texts = "\n".join(v for row in grid.rows for v in row if isinstance(v, str))
    if converted:
        hint = f"{converted[0]}: the encoding is the likely cause of the unknown names"
    elif looks_garbled(texts):
        hint = GARBLED_HINT
    else:
        return exc
    return KpiDataError([DataIssue(hint, file=file), *exc.issues])


def _grid(source: Path | pl.DataFrame, sheet: str | int | None) -> Grid:
    """The cells of a frame or a file; ``KpiDataError`` when the file cannot be read."""
    if isinstance(source, pl.DataFrame):
        return frame_grid(source)
    try:
        return read_grid(source, sheet=sheet)
    except KpiDataError:
        raise
    except Exception as exc:  # the readers raise many types; all mean "cannot parse this"
        text = str(exc).strip()
        first_line = text.splitlines()[0] if text else type(exc).__name__
        raise UnreadableFileError(
            DataIssue(f"cannot read file: {first_line}", file=str(source))
        ) from exc


def read_kpis(
    paths: PathLike | Iterable[PathLike],
    *,
    registry: UnitRegistry,
    catalog: MetricCatalog,
    layout: Layout = "auto",
    year: int | None = None,
    as_of: dt.date | str | None = None,
    source: str | None = None,
    sheet: str | int | None = None,
    decimal: str | None = None,
) -> pl.DataFrame:
    """Read and concatenate several KPI files; a unit × year × metric may appear only once.

    The options are those of :func:`read_kpi_file`, for every file. Problems of every file
    are reported together; a unit × year × metric found in two files is reported at both
    places. The result is sorted by year, metric and unit code.

    Examples
    --------
    >>> reg, cat = read_registry("data/units.csv"), read_catalog("data/metrics.csv")
    >>> kpis = read_kpis(["data/hanoi_2023_seed.csv", "data/demo_panel.csv"], registry=reg,
    ...                  catalog=cat)
    >>> kpis.height, kpis["year"].min(), kpis["year"].max()
    (2406, 2019, 2026)
    """
    files = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    options = {"layout": layout, "year": year, "as_of": as_of, "source": source,
               "sheet": sheet, "decimal": decimal}  # fmt: skip
    return read_entries([(f, options) for f in files], registry=registry, catalog=catalog)[0]


def read_entries(
    entries: Sequence[tuple[PathLike, Mapping[str, Any]]],
    *,
    registry: UnitRegistry,
    catalog: MetricCatalog,
) -> tuple[pl.DataFrame, tuple[DataIssue, ...]]:
    """Read several files, each with its own options, and say how.

    As :func:`read_kpis`, with the options of :func:`read_kpi_file` per file; returns the
    long table and the notes on how the files were read.
    """
    files = [path for path, _ in entries]
    frames: list[pl.DataFrame] = []
    notes: list[DataIssue] = []
    issues: list[list[DataIssue]] = [[] for _ in files]  # by file, in the order given
    keyed: list[pl.DataFrame] = []
    for i, (p, options) in enumerate(entries):
        try:
            frame, rows, found = _read_file(p, registry=registry, catalog=catalog, **options)
        except KpiDataError as exc:
            issues[i].extend(exc.issues)
            continue
        keys = with_period_start(frame).select("unit_code", "year", "metric", PERIOD_START)
        keyed.append(keys.with_columns(at=pl.lit(i, pl.UInt32), row=pl.Series(rows)))
        frames.append(frame)
        notes.extend(found)
    _duplicates_across(keyed, files, issues)
    if any(issues):
        raise KpiDataError([issue for found in issues for issue in found])
    if not frames:
        return pl.DataFrame(schema=LONG_SCHEMA), tuple(notes)
    order = ["year", "metric", "unit_code"]
    if any(PERIOD_START in f.columns for f in frames):
        frames = [with_period_start(f) for f in frames]
        order.append(PERIOD_START)
    return pl.concat(frames, how="vertical").sort(order), tuple(notes)


def with_period_start(kpis: pl.DataFrame) -> pl.DataFrame:
    """The long table with its ``period_start`` column (1 January of the year if none).

    A file without that column covers whole years, up to ``as_of``; a long table has the
    column only when some file gives it, and views that compare periods call this first.

    Examples
    --------
    >>> kpis = pl.DataFrame({"unit_code": ["017"], "year": [2023],
    ...                      "as_of": [dt.date(2023, 12, 31)]})
    >>> with_period_start(kpis).row(0)
    ('017', 2023, datetime.date(2023, 12, 31), datetime.date(2023, 1, 1))
    """
    if PERIOD_START in kpis.columns:
        return kpis
    columns = list(kpis.columns)
    columns.insert(columns.index("as_of") + 1 if "as_of" in columns else len(columns), PERIOD_START)
    return kpis.with_columns(pl.date(pl.col("year"), 1, 1).alias(PERIOD_START)).select(columns)


def _duplicates_across(
    keyed: list[pl.DataFrame], files: Sequence[PathLike], issues: list[list[DataIssue]]
) -> None:
    """Add to ``issues`` each unit × year × metric found in several files."""
    # A file has each key once (checked as it is read); keys in several files are looked
    # at one by one, in the order of the files.
    both = pl.concat(keyed) if keyed else pl.DataFrame()
    if both.height:
        both = both.filter(pl.struct("unit_code", "year", "metric", PERIOD_START).is_duplicated())
    first: dict[tuple[object, ...], tuple[str, int]] = {}
    for code, year, metric, start, at, row in both.iter_rows():
        key = (code, year, metric, start)
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


def read_targets(
    path: PathLike | pl.DataFrame,
    *,
    registry: UnitRegistry,
    catalog: MetricCatalog | None = None,
    layout: Layout = "auto",
    year: int | None = None,
    as_of: dt.date | str | None = None,
    source: str | None = None,
    sheet: str | int | None = None,
    decimal: str | None = None,
) -> pl.DataFrame:
    """Read a targets file: the long table's rules, with a target column instead of results.

    For results counted elsewhere (:func:`kpitools.members.member_kpis`): a long file with
    unit, year, metric and target columns, or a wide sheet with a target column per metric
    (any other long-table column, such as ``source``, is read and dropped). Without a
    ``catalog``, metric codes are taken as written. A frame is read as if it were a file.
    The other options are those of :func:`read_kpi_file`. Returns ``unit_code``, ``year``,
    ``metric``, ``target`` (null where the cell is empty).

    Raises
    ------
    KpiDataError
        Naming file, row, column and value of every bad cell, and duplicates.

    Examples
    --------
    >>> reg = read_registry("data/units.csv")
    >>> targets = pl.DataFrame({"Mã đơn vị": ["017"], "Năm": ["2024"],
    ...                         "Chỉ số": ["admissions"], "Chỉ tiêu": ["1.200"]})
    >>> read_targets(targets, registry=reg).row(0)
    ('017', 2024, 'admissions', 1200.0)
    """
    frame, _, _ = _read_file(
        path, registry=registry, catalog=catalog, layout=layout, year=year, as_of=as_of,
        source=source, sheet=sheet, decimal=decimal, figure="target",
    )  # fmt: skip
    return frame.select("unit_code", "year", "metric", "target")


def _write_csv(kpis: pl.DataFrame, tmp: Path, lang: str | None, bom: bool) -> None:
    from kpitools.io.export import csv_bytes

    tmp.write_bytes(csv_bytes(kpis, lang=lang, bom=bom))


def _write_xlsx(kpis: pl.DataFrame, tmp: Path, lang: str | None, bom: bool) -> None:
    from kpitools.io.export import write_excel

    write_excel(kpis, tmp, lang=lang, sheet="kpis")


#: Writers by suffix: (frame, temporary path, header language, BOM for CSV).
_WRITERS: dict[str, Any] = {
    ".csv": _write_csv,
    ".parquet": lambda kpis, tmp, lang, bom: kpis.write_parquet(tmp),
    ".xlsx": _write_xlsx,
}


def write_kpis(
    kpis: pl.DataFrame, path: PathLike, *, lang: str | None = None, bom: bool = True
) -> Path:
    """Write the long table as CSV, Parquet or Excel (by suffix), atomically.

    The file appears complete or not at all: it is written beside its place under a
    temporary name and moved there only when writing succeeded.

    Excel and CSV are written for spreadsheets (:mod:`kpitools.io.export`): in Excel,
    counts are whole numbers with thousands grouping, years plain numbers, dates
    ``dd/mm/yyyy``, the header row frozen and columns fitted; a CSV is UTF-8 with a BOM
    (``bom=False``: without), whole numbers without ``.0``; text a spreadsheet would run as
    a formula is never one. Headers are the column names, which read back as they are;
    ``lang="vi"`` or ``"en"`` writes them in that language (the Vietnamese ones read back too).

    Examples
    --------
    >>> import tempfile
    >>> reg, cat = read_registry("data/units.csv"), read_catalog("data/metrics.csv")
    >>> kpis = read_kpi_file("data/hanoi_2023_seed.csv", registry=reg, catalog=cat)
    >>> path = write_kpis(kpis, Path(tempfile.mkdtemp()) / "kpis.parquet")
    >>> read_kpi_file(path, registry=reg, catalog=cat).equals(kpis)
    True
    """
    from kpitools._atomic import atomic_path

    path = Path(path)
    writer = _WRITERS.get(path.suffix.lower())
    if writer is None:
        raise ValueError(f"unsupported output type {path.suffix!r}; use .csv, .parquet or .xlsx")
    with atomic_path(path) as tmp:
        writer(kpis, tmp, lang, bom)
    return path
