"""Checks for notebook and report parameters, so a bad value stops a notebook at once."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import polars as pl

from kpitools.catalog import MetricCatalog
from kpitools.errors import ParameterError
from kpitools.registry import UnitRegistry, UnknownUnitError
from kpitools.vocab import check_lang

__all__ = [
    "check_lang",  # the one check of a language, from kpitools.vocab
    "check_metrics",
    "check_unit",
    "check_year",
    "check_years",
]


def check_year(kpis: pl.DataFrame, year: object) -> int:
    """Return ``year`` if the data has rows for it, else raise ``ParameterError``.

    Examples
    --------
    >>> check_year(pl.DataFrame({"year": [2022, 2023]}), 2023)
    2023
    """
    if isinstance(year, bool) or not isinstance(year, int):
        raise ParameterError(f"year must be a whole number like 2023, not {year!r}")
    years = sorted(set(kpis["year"].to_list()))
    if year not in years:
        have = f"{years[0]}–{years[-1]}" if years else "none"
        raise ParameterError(f"year {year} has no data; years with data: {have}")
    return year


def check_unit(
    registry: UnitRegistry,
    unit: object,
    *,
    year: int | Sequence[int] | None = None,
    at: date | str | None = None,
) -> str:
    """Resolve a unit given by code or by any form of its name to its code, on a date.

    A name may belong to two units of different periods ("Đông Anh": district 017 to
    2025-06-30, xã 00454 from 2025-07-01), so the name is resolved on the day ``at`` or, for
    a report of ``year`` (or of several years: the latest), on 31 December of that year.
    Without either, a name must name one unit at all times.

    Raises ``ParameterError`` for text that names no unit (with the closest names), for a
    name still ambiguous on the day (listing the candidates), for a unit not in force on
    the day (saying when it ceased or starts), and for a bad ``year`` or ``at``.

    Examples
    --------
    >>> reg = read_registry("data/units.csv")
    >>> check_unit(reg, "dong anh", year=2023), check_unit(reg, "dong anh", year=[2025, 2026])
    ('017', '00454')
    >>> check_unit(reg, "017"), check_unit(reg, "huyen Dong Anh")
    ('017', '017')
    >>> try:
    ...     check_unit(reg, "Dong Ang", year=2023)
    ... except ParameterError as exc:
    ...     print(exc)
    unknown unit 'Dong Ang'; did you mean 017 Đông Anh, 00454 Đông Anh or 00602 Đông Ngạc?
    """
    if not isinstance(unit, str):
        raise ParameterError(
            f'unit must be text (a code like "017" or a name like "Đông Anh"), not {unit!r}'
        )
    day = _day_of(year, at)
    try:
        return registry.resolve(unit, at=day)
    except UnknownUnitError as exc:
        raise ParameterError(str(exc)) from None


def _day_of(year: object, at: date | str | None) -> date | str | None:
    """The day a unit is resolved on: ``at``, else 31 December of the (latest) year."""
    if at is not None and year is not None:
        raise ParameterError("give the unit's date as year or as at, not both")
    if year is None:
        return at
    years = [year] if isinstance(year, int) else year
    if not isinstance(years, list | tuple) or not years:
        raise ParameterError(f"year must be a year like 2023 or a list of years, not {year!r}")
    if any(isinstance(y, bool) or not isinstance(y, int) or not 1 <= y <= 9999 for y in years):
        raise ParameterError(f"year must be a year like 2023 or a list of years, not {year!r}")
    return date(max(years), 12, 31)


def check_metrics(catalog: MetricCatalog, metrics: object) -> list[str]:
    """Resolve a list of metric codes or labels (an empty list means every metric).

    Examples
    --------
    >>> cat = read_catalog("data/metrics.csv")
    >>> check_metrics(cat, ["admissions", "Women admitted"])
    ['admissions', 'admissions_female']
    >>> check_metrics(cat, []) == cat.codes
    True
    """
    if isinstance(metrics, str) or not isinstance(metrics, list | tuple):
        raise ParameterError(f"metrics must be a list of metric codes, not {metrics!r}")
    if not metrics:
        return catalog.codes
    try:
        return [catalog.resolve(str(m)) for m in metrics]
    except KeyError as exc:
        raise ParameterError(str(exc)) from None


def check_years(kpis: pl.DataFrame, years: object) -> list[int]:
    """Check a list of years (an empty list means every year with data), sorted.

    Examples
    --------
    >>> kpis = pl.DataFrame({"year": [2021, 2022, 2023]})
    >>> check_years(kpis, [2023, 2021])
    [2021, 2023]
    >>> check_years(kpis, [])
    [2021, 2022, 2023]
    """
    if isinstance(years, str) or not isinstance(years, list | tuple):
        raise ParameterError(f"years must be a list of years like [2022, 2023], not {years!r}")
    if not years:
        have = sorted(set(kpis["year"].to_list()))
        if not have:
            raise ParameterError("the KPI table is empty: no years to show")
        return have
    return sorted({check_year(kpis, y) for y in years})
