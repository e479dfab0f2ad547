"""The rows a chart draws: measured, finite, ordered, picked."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import Any

import polars as pl

from kpitools.catalog import MetricCatalog
from kpitools.charts.parts import status_keys
from kpitools.measures import (
    Bands,
    with_measures,
    with_periods,
)
from kpitools.textfold import nfc, strip_diacritics


def eager(frame: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame:
    """The frame in memory (a lazy one collected)."""
    # a KPI table is small: the in-memory engine (see kpitools.measures.ratios.ENGINE)
    return frame.collect(engine="in-memory") if isinstance(frame, pl.LazyFrame) else frame


def has_synthetic(df: pl.DataFrame) -> bool:
    """Whether any row of ``df`` is synthetic (``source`` is ``"synthetic"``)."""
    return "source" in df.columns and bool((df["source"] == "synthetic").any())


def finite_number(value: Any) -> float | None:
    """A finite float, or None (for None, NaN and ±inf)."""
    if value is None:
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def finite_columns(df: pl.DataFrame, columns: Sequence[str]) -> pl.DataFrame:
    """Floats with NaN and ±inf read as missing, so no spec ever holds them."""
    return df.with_columns(
        pl.when(pl.col(c).cast(pl.Float64).is_finite()).then(pl.col(c).cast(pl.Float64)).alias(c)
        for c in columns
        if c in df.columns
    )


def metric_code(kpis: pl.DataFrame, metric: str, catalog: MetricCatalog) -> str:
    """The metric code of ``metric``: a code of the table or catalog, else a label resolved."""
    if metric in catalog or metric in set(kpis["metric"].unique().to_list()):
        return metric
    return catalog.resolve(metric)


def units_only(kpis: pl.DataFrame) -> pl.DataFrame:
    """The rows of ``kpis`` but the city's own: the city is the reference, not a unit."""
    if "level" not in kpis.columns:
        return kpis
    return kpis.filter(~(pl.col("level") == "city").fill_null(False))


def measured(kpis: pl.DataFrame, *, bands: Bands, lang: str) -> pl.DataFrame:
    """The rows with finite numbers, attainment, status and the status label in ``lang``."""
    df = finite_columns(kpis, ["actual", "target"])
    if "unit_name" not in df.columns:
        df = df.with_columns(pl.col("unit_code").alias("unit_name"))
    display = {k: bands.display(k, lang=lang) for k in status_keys(bands)}
    return eager(with_measures(df, bands=bands)).with_columns(
        pl.col("status").replace_strict(display, return_dtype=pl.String).alias("status_label"),
        pl.col("unit_name").cast(pl.String).fill_null(pl.col("unit_code")),
    )


def targeted_years(df: pl.DataFrame, keep: int | None = None) -> pl.DataFrame:
    """The rows of each metric's years in which some unit has a target (and of ``keep``).

    Attainment needs a target; a table counted over decades (from a member export) has
    targets for its last years only, and the other years would be empty columns or menus.
    """
    kept = pl.col("year").is_in([] if keep is None else [keep])
    targeted = (
        finite_columns(df.select("metric", "year", "target"), ["target"])
        .filter(pl.col("target").is_not_null() | kept)
        .select("metric", "year")
        .unique()
    )
    return df.join(targeted, on=["metric", "year"], how="semi", maintain_order="left")


def name_key(name: str) -> tuple[str, str]:
    """A sort key for a unit's name: without diacritics and case first, then as written."""
    return strip_diacritics(nfc(name)).casefold(), name


def unit_order(df: pl.DataFrame, sort: str) -> pl.DataFrame:
    """Add ``order`` (0 first) per metric: by code, by name, or by the latest attainment."""
    if sort not in ("code", "name", "latest"):
        raise ValueError(f"sort must be 'code', 'name' or 'latest', not {sort!r}")
    rows: list[dict[str, Any]] = []
    for (metric,), part in df.group_by(["metric"], maintain_order=True):
        units = part.select("unit_code", "unit_name").unique("unit_code", keep="last")
        pairs = list(units.iter_rows())
        if sort == "code":
            pairs.sort(key=lambda p: p[0])
        elif sort == "name":
            pairs.sort(key=lambda p: (name_key(p[1]), p[0]))
        else:
            last = part["year"].max()
            latest = dict(
                part.filter(pl.col("year") == last).select("unit_code", "attainment").iter_rows()
            )
            pairs.sort(key=lambda p: (latest.get(p[0]) is None, -(latest.get(p[0]) or 0.0), p[0]))
        rows += [{"metric": metric, "unit_code": c, "order": i} for i, (c, _) in enumerate(pairs)]
    order = pl.DataFrame(
        rows, schema={"metric": pl.String, "unit_code": pl.String, "order": pl.Int32}
    )
    return df.join(order, on=["metric", "unit_code"], how="left", maintain_order="left")


def metrics_in_order(df: pl.DataFrame, catalog: MetricCatalog) -> list[str]:
    """The table's metrics: the catalog's in its order, then the others sorted."""
    present = set(df["metric"].unique().to_list())
    known = [m for m in catalog.codes if m in present]
    return known + sorted(present - set(known))


def pick_units(df: pl.DataFrame, units: Sequence[str]) -> list[str]:
    """Unit codes for the codes or exact names in ``units``, in the order given."""
    if isinstance(units, str):
        raise TypeError("units must be a list of unit codes or names, not one string")
    names: dict[str, str] = {}
    for code, name in df.select("unit_code", "unit_name").unique().iter_rows():
        names.setdefault(nfc(str(name)), code)
    codes = set(df["unit_code"].to_list())
    picked, unknown = [], []
    for unit in units:
        code = unit if unit in codes else names.get(nfc(unit))
        if code is None:
            unknown.append(unit)
        elif code not in picked:
            picked.append(code)
    if unknown:
        raise ValueError(f"no rows for the unit(s) {', '.join(map(repr, unknown))} in this metric")
    return picked


def highlighted(df: pl.DataFrame, highlight: str | Sequence[str] | None) -> list[str]:
    """Unit codes of ``highlight`` (one code or exact name, or several)."""
    if highlight is None or df.is_empty():
        return []
    wanted = [highlight] if isinstance(highlight, str) else list(highlight)
    return pick_units(df.with_columns(pl.col("unit_name").fill_null("")), wanted)


def in_period(df: pl.DataFrame, start: dt.date | None) -> pl.DataFrame:
    """The rows of the period that starts on ``start`` (all rows when it is None)."""
    if start is None:
        return df
    return with_periods(df).filter(pl.col("period_from") == start)
