"""Periods on a chart, and the structures (sets of units) it compares.

Labels for the parts of a split year, the x axis by period and the rule where the
structure changed (the 2025 reorganization).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import altair as alt
import polars as pl

from kpitools.measures import (
    period_label,
    structures,
    whole_years,
    with_periods,
)
from kpitools.registry import UnitRegistry
from kpitools.vocab import word


def _date_text(day: dt.date, lang: str) -> str:
    if lang == "vi":
        return f"{day.day}/{day.month}/{day.year}"
    return period_label(day.year, day, day, lang=lang).split("–")[-1]


def structure_lines(
    df: pl.DataFrame, registry: UnitRegistry | None, lang: str, period: dt.date | None = None
) -> list[str]:
    """Which units the chart compares, per run of periods with one structure.

    ``30 quận, huyện, thị xã · 2019–2024``, then ``126 phường, xã · 1/7/2025–31/12/2026``:
    the reader sees where the structure changes (see :func:`kpitools.measures.structures`).
    """
    if df.is_empty() or "year" not in df.columns:
        return []
    table = structures(df, registry, lang=lang)
    if period is not None:  # one period of the table's (its dates are the whole table's)
        table = table.filter(pl.col("period_from") == period)
    lines: list[str] = []
    runs: list[list[dict[str, Any]]] = []
    for row in table.iter_rows(named=True):
        if runs and runs[-1][-1]["structure"] == row["structure"]:
            runs[-1].append(row)
        else:
            runs.append([row])
    for run in runs:
        first, last = run[0], run[-1]
        if len(run) == 1:
            when = first["label"]
        elif all(r["label"] == str(r["year"]) for r in run):
            when = f"{first['year']}–{last['year']}"
        else:
            when = (
                f"{_date_text(first['period_from'], lang)} – {_date_text(last['period_to'], lang)}"
            )
        lines.append(f"{first['structure']} · {when}")
    return lines


def with_period_labels(df: pl.DataFrame, lang: str) -> tuple[pl.DataFrame, list[str]]:
    """``period`` (its label) and ``period_index`` on each row, and the labels in order.

    The labels are empty when every row covers its whole year (no year is split): the
    charts then keep their year axis and menus as they were.
    """
    if "period_start" not in df.columns or df.is_empty():
        return df, []
    if _whole_periods(df):  # every label would be its year: nothing to work out
        return df.drop("period_from", "period_to", strict=False), []
    df = with_periods(df)
    keys = df.select("year", "period_from", "period_to").unique().sort(pl.all())
    labels = [period_label(y, a, b, lang=lang) for y, a, b in keys.iter_rows()]
    if all(label == str(y) for label, y in zip(labels, keys["year"], strict=True)):
        return df.drop("period_from", "period_to"), []
    keys = keys.with_columns(
        pl.Series("period", labels, dtype=pl.String),
        pl.int_range(pl.len(), dtype=pl.Int32).alias("period_index"),
    )
    out = df.join(keys, on=["year", "period_from", "period_to"], how="left", maintain_order="left")
    return out.drop("period_from", "period_to"), labels


def _whole_periods(df: pl.DataFrame) -> bool:
    """Whether every row's period is its whole year, as :func:`with_periods` would find.

    Periods already worked out (``period_from``, ``period_to``) are read as they are;
    otherwise every row must start its year (``kpitools.measures.whole_years``).
    False when unsure (other types, rows without a year): the periods are then worked out.
    """
    if not {"period_from", "period_to"} <= set(df.columns):
        return whole_years(df)
    if any(df.schema[c] != pl.Date for c in ("period_from", "period_to")):
        return False
    year = pl.col("year")
    whole = (pl.col("period_from") == pl.date(year, 1, 1)) & (
        pl.col("period_to") == pl.date(year, 12, 31)
    )
    return bool(df.select(whole.fill_null(False).all()).item())


_ROMAN = ("I", "II", "III", "IV", "V", "VI")


def period_axis(m: pl.DataFrame, lang: str) -> tuple[pl.DataFrame, list[str]]:
    """The trend and slope charts' x by period, when a year of ``m`` is split.

    Adds ``x_label`` (the year for a whole year, ``2025 (I)``, ``2025 (II)`` for the parts
    of a split one), ``period`` (:func:`~kpitools.measures.period_label`: ``1/7–31/12/2025``,
    named in the tooltips), ``period_index`` and ``reform`` (the first period of a new
    structure: one that starts inside its year). Returns the frame and the x labels in
    order; no labels (and the frame as it was) when every row covers its whole year.
    """
    m, labels = with_period_labels(m, lang)
    if not labels:
        return m, []
    keys = m.select("year", "period", "period_index").unique().sort("period_index")
    short: list[str] = []
    counts: dict[int, int] = {}
    split = set(keys.group_by("year").len().filter(pl.col("len") > 1)["year"].to_list())
    for year, _label, _ in keys.iter_rows():
        n = counts[year] = counts.get(year, 0) + 1
        short.append(f"{year} ({_ROMAN[min(n, len(_ROMAN)) - 1]})" if year in split else str(year))
    keys = keys.with_columns(
        pl.Series("x_label", short, dtype=pl.String),
        # a part of a year after its first: the structure changed on its first day
        (
            pl.col("year").is_in(sorted(split))
            & (pl.col("period_index") > pl.col("period_index").min().over("year"))
        ).alias("reform"),
    )
    out = m.join(keys.drop("year", "period"), on="period_index", how="left", maintain_order="left")
    return out, short


def reform_layers(
    data: pl.DataFrame, x: alt.X, lang: str, *, own_data: bool = False
) -> list[alt.Chart]:
    """A dashed rule and its date at each period where the structure changed.

    The layers carry ``data`` with ``own_data``, else they take their chart's.
    """
    if "reform" not in data.columns or not data["reform"].any():
        return []
    first = data.filter(pl.col("reform")).select("period", "year").drop_nulls()
    day = ""
    if first.height:
        head, year = first["period"][0].split("–")[0], first["year"][0]
        day = f"{head}/{year}" if lang == "vi" else f"{head} {year}"
    text = word("chart.reorganized", lang, day=day)
    source = (
        data.filter(pl.col("reform")).select("x_label", "reform").unique() if own_data else None
    )

    def chart() -> alt.Chart:
        return alt.Chart(source) if source is not None else alt.Chart()

    rule = (
        chart()
        .transform_filter("datum.reform")
        .transform_aggregate(n="count()", groupby=["x_label"])
        .mark_rule(color="#777777", strokeDash=[4, 3], strokeWidth=1.5)
        .encode(x=x)
    )
    label = (
        chart()
        .transform_filter("datum.reform")
        .transform_aggregate(n="count()", groupby=["x_label"])
        .mark_text(align="left", baseline="top", dx=3, dy=2, fontSize=10, color="#555555")
        .encode(x=x, y=alt.YValue(0), text=alt.TextValue(text))
    )
    return [rule, label]


def period_tooltip(tooltip: list[alt.Tooltip], lang: str) -> list[alt.Tooltip]:
    """The tooltip with the period (``1/7–31/12/2025``) in place of the year."""
    out = []
    for tip in tooltip:
        spec = tip.to_dict(validate=False)
        if isinstance(spec, dict) and spec.get("field") == "year":
            out.append(alt.Tooltip("period:N", title=word("chart.year", lang)))
        else:
            out.append(tip)
    return out
