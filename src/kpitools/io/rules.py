"""The row rules of the long table, applied to parsed cells: units, metrics, years, numbers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import polars as pl

from kpitools.catalog import MetricCatalog, UnknownMetricError
from kpitools.errors import DataIssue, KpiDataError
from kpitools.io.schema import _YEAR_RE, LONG_SCHEMA
from kpitools.io.sheets import _text, parse_date
from kpitools.numbers import NumberFormatError, parse_number, parse_percent
from kpitools.registry import UnitRegistry, UnknownUnitError

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
