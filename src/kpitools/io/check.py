"""Check KPI files without running a notebook: what each holds, how it was read, what is wrong.

:func:`check_kpi_file` is what ``kpitools check`` prints for each file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from kpitools._typing import PathLike
from kpitools.catalog import MetricCatalog
from kpitools.errors import DataIssue, KpiDataError
from kpitools.io.readers import Layout, read_kpi_file_with_notes, with_period_start
from kpitools.io.schema import PERIOD_START
from kpitools.io.sheets import UnreadableFileError
from kpitools.registry import UnitRegistry


@dataclass(frozen=True)
class FileCheck:
    """What one KPI file holds, the notes on how it was read and its problems.

    ``periods`` are the distinct (first day, ``as_of``) the rows cover: the first day is
    the row's ``period_start``, else 1 January of its year (``2025-07-01 – 2025-12-31``
    for a form of the second half of 2025). ``readable`` is false when the file is missing
    or not a table (then ``problems`` says why); the lists are empty when the file has
    problems.
    """

    file: str
    rows: int = 0
    units: tuple[str, ...] = ()
    metrics: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    as_of: tuple[dt.date, ...] = ()
    periods: tuple[tuple[dt.date, dt.date], ...] = ()
    notes: tuple[DataIssue, ...] = ()
    problems: tuple[DataIssue, ...] = ()
    readable: bool = True

    @property
    def clean(self) -> bool:
        """Whether the file was read without problems."""
        return self.readable and not self.problems

    def to_dict(self) -> dict[str, object]:
        """The check as JSON-ready values.

        Dates are in ISO form; each note and problem has ``row``, ``column``, ``value`` and
        ``message``.

        Examples
        --------
        >>> FileCheck("a.csv", problems=(DataIssue("file not found", file="a.csv"),),
        ...           readable=False).to_dict()["problems"]
        [{'row': None, 'column': None, 'value': None, 'message': 'file not found'}]
        """
        return {
            "file": self.file,
            "rows": self.rows,
            "units": list(self.units),
            "metrics": list(self.metrics),
            "years": list(self.years),
            "as_of": [d.isoformat() for d in self.as_of],
            "periods": [[a.isoformat(), b.isoformat()] for a, b in self.periods],
            "notes": [issue_dict(n) for n in self.notes],
            "problems": [issue_dict(p) for p in self.problems],
        }


def issue_dict(issue: DataIssue) -> dict[str, object]:
    """A note or problem as ``row``, ``column``, ``value`` (JSON-ready) and ``message``."""
    value = issue.value
    if value is not None and not isinstance(value, str | int | float | bool):
        value = str(value)
    return {"row": issue.row, "column": issue.column, "value": value, "message": issue.message}


def check_kpi_file(
    path: PathLike,
    *,
    registry: UnitRegistry,
    catalog: MetricCatalog,
    layout: Layout = "auto",
    year: int | None = None,
    as_of: dt.date | str | None = None,
    sheet: str | int | None = None,
    period_start: dt.date | str | None = None,
) -> FileCheck:
    """Read one KPI file as :func:`read_kpi_file` does and say what it holds.

    Never raises for bad data: the problems are in the result. ``period_start`` is
    :func:`read_kpi_file`'s (the first day of a wide sheet's period).

    Examples
    --------
    >>> reg, cat = read_registry("data/units.csv"), read_catalog("data/metrics.csv")
    >>> found = check_kpi_file("data/hanoi_2023_seed.csv", registry=reg, catalog=cat)
    >>> found.rows, found.units, found.years, found.clean
    (11, ('01',), (2023,), True)
    >>> found.periods[0]
    (datetime.date(2023, 1, 1), datetime.date(2023, 11, 30))
    >>> check_kpi_file("missing.csv", registry=reg, catalog=cat).readable
    False
    """
    file = str(path)
    try:
        kpis, notes = read_kpi_file_with_notes(
            path, registry=registry, catalog=catalog, layout=layout, year=year, as_of=as_of,
            sheet=sheet, period_start=period_start,
        )  # fmt: skip
    except UnreadableFileError as exc:
        return FileCheck(file, problems=exc.issues, readable=False)
    except KpiDataError as exc:
        return FileCheck(file, problems=exc.issues)

    def distinct(column: str) -> tuple[Any, ...]:
        return tuple(kpis[column].drop_nulls().unique().sort().to_list())

    return FileCheck(
        file,
        rows=kpis.height,
        units=distinct("unit_code"),
        metrics=distinct("metric"),
        years=distinct("year"),
        as_of=distinct("as_of"),
        periods=tuple(
            with_period_start(kpis)
            .select(PERIOD_START, "as_of")
            .unique()
            .sort(PERIOD_START, "as_of")
            .iter_rows()
        ),
        notes=notes,
    )
