"""Large long files read column by column: every rule once per distinct value."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl

from kpitools.catalog import MetricCatalog
from kpitools.io.layout import _is_wide, _names_a_column
from kpitools.io.rules import _metric, _number, _unit, _year
from kpitools.io.schema import _ALIAS_OF, LONG_SCHEMA, _key
from kpitools.io.sheets import _cell, _Grid, _text, parse_date
from kpitools.numbers import parse_percent
from kpitools.registry import UnitRegistry

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
