"""Picking rows of the long table (year, unit, metric, level); its metrics and latest year."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from kpitools.measures.ratios import FrameT


def latest_year(kpis: pl.DataFrame) -> int:
    """The most recent year in the table (``ValueError`` when it is empty)."""
    if kpis.is_empty():
        raise ValueError("the KPI table is empty")
    return int(kpis["year"].max())  # type: ignore[arg-type]


def subset(
    kpis: FrameT,
    *,
    year: int | None = None,
    years: Sequence[int] | None = None,
    units: Sequence[str] | None = None,
    metrics: Sequence[str] | None = None,
    level: str | None = None,
) -> FrameT:
    """The rows of the given year(s), unit codes, metric codes and level (``None`` = all).

    Examples
    --------
    >>> df = pl.DataFrame({"unit_code": ["001", "017"], "year": [2023, 2024],
    ...                    "metric": ["admissions"] * 2, "level": ["district"] * 2})
    >>> subset(df, year=2024)["unit_code"].to_list()
    ['017']
    """
    conditions = []
    if year is not None:
        conditions.append(pl.col("year") == year)
    if years is not None:
        conditions.append(pl.col("year").is_in(list(years)))
    if units is not None:
        conditions.append(pl.col("unit_code").is_in(list(units)))
    if metrics is not None:
        conditions.append(pl.col("metric").is_in(list(metrics)))
    if level is not None:
        conditions.append(pl.col("level") == level)
    return kpis.filter(*conditions) if conditions else kpis


def metrics_in(kpis: pl.DataFrame, *, order: Sequence[str] = ()) -> list[str]:
    """The metric codes present, in ``order`` (e.g. the catalog's) and then alphabetically.

    Examples
    --------
    >>> df = pl.DataFrame({"metric": ["members", "deaths", "admissions", "members"]})
    >>> metrics_in(df, order=["admissions", "members", "removals"])
    ['admissions', 'members', 'deaths']
    """
    present = set(kpis["metric"].unique().to_list())
    known = [m for m in order if m in present]
    return known + sorted(present - set(known))
