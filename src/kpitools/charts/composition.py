"""The composition chart: what each unit of a parent contributed to a metric in a year."""

from __future__ import annotations

import datetime as dt
from typing import Any

import altair as alt
import polars as pl

from kpitools.catalog import MetricCatalog
from kpitools.charts.build import layer_views, unchecked_builder
from kpitools.charts.parts import (
    COUNT_FORMAT,
    chart_title,
    empty_chart,
    stacked_parts,
    status_legend,
    status_scale,
    styled,
    unit_tooltip,
)
from kpitools.charts.periods import structure_lines
from kpitools.charts.rows import finite_columns, has_synthetic, in_period, measured, metric_code
from kpitools.measures import (
    DEFAULT_BANDS,
    Bands,
    share_of_parent,
    with_periods,
)
from kpitools.registry import UnitRegistry
from kpitools.vocab import check_lang, word


@unchecked_builder
def composition_chart(
    kpis: pl.DataFrame,
    *,
    catalog: MetricCatalog,
    registry: UnitRegistry,
    parent: str,
    metric: str,
    year: int,
    lang: str = "vi",
    bands: Bands = DEFAULT_BANDS,
    title: str = "",
    width: int = 420,
    period: dt.date | None = None,
) -> alt.TopLevelMixin:
    """What each unit of ``parent`` contributed to its ``metric`` in ``year``, as bars.

    The units' actual figures are drawn as bars, largest first, labelled with their share
    of the parent's own figure (or of the units' sum when the parent has none; see
    :func:`kpitools.measures.share_of_parent`). Bars are coloured by status. A year split
    into periods (2025) is drawn as one chart per period, one above the other, unless
    ``period`` (its first day) chooses one; the subtitle says which units are drawn.

    Examples
    --------
    >>> ds = load_dataset(["data/demo_panel.csv"], units="data/units.csv",
    ...                   catalog="data/metrics.csv")
    >>> spec = composition_chart(ds.kpis, catalog=ds.catalog, registry=ds.registry,
    ...                          parent="01", metric="admissions", year=2023,
    ...                          lang="en").to_dict()
    >>> "layer" in spec and "datasets" in spec
    True
    >>> [layer["mark"]["type"] for layer in spec["layer"]]
    ['bar', 'text']
    >>> spec["title"]["text"]
    'New Party members admitted – 2023'
    >>> rows = next(iter(spec["datasets"].values()))
    >>> len(rows), rows[0]["unit_name"], round(rows[0]["share"], 3)
    (31, 'Các đảng bộ trực thuộc khác', 0.152)
    """
    check_lang(lang)
    code = metric_code(kpis, metric, catalog)
    label = catalog.label(code, lang=lang)
    heading = title or f"{label} – {year}"
    df = kpis.filter(pl.col("metric") == code, pl.col("year") == year)
    if "period_start" in df.columns and df.height:
        df = with_periods(df)
        starts = df["period_from"].unique().sort().to_list()
        if period is None and len(starts) > 1:  # never the districts beside the new units
            options: dict[str, Any] = {"catalog": catalog, "registry": registry, "parent": parent}
            options |= {"metric": code, "year": year, "lang": lang, "bands": bands}
            parts = [
                composition_chart(df, **options, title=" ", width=width, period=start)
                for start in starts
            ]
            return stacked_parts(parts, heading, lang)
        df = in_period(df, period)
    units = df.filter(pl.col("unit_code").is_in(registry.children(parent, year=year)))
    if units.is_empty():
        return empty_chart(lang=lang, title=heading)
    shared = share_of_parent(df, registry=registry).filter(
        pl.col("unit_code").is_in(units["unit_code"].implode())
    )
    data = (
        measured(shared, bands=bands, lang=lang)
        .select(
            "unit_code",
            "unit_name",
            "year",
            "actual",
            "target",
            "attainment",
            "status_label",
            pl.col("share").cast(pl.Float64),
        )
        .sort("actual", "unit_code", descending=[True, False])
    )
    data = finite_columns(data, ["share"])
    y = alt.Y(
        "unit_name:N",
        title=None,
        sort=alt.EncodingSortField("actual", order="descending"),
        axis=alt.Axis(labelLimit=220),
    )
    tooltip = unit_tooltip(
        lang, alt.Tooltip("share:Q", title=word("chart.share", lang), format=".1%")
    )
    bars = (
        alt.Chart(data)
        .mark_bar(height={"band": 0.75})
        .encode(
            x=alt.X(
                "actual:Q", title=word("chart.actual", lang), axis=alt.Axis(format=COUNT_FORMAT)
            ),
            y=y,
            color=alt.Color(
                "status_label:N", scale=status_scale(bands, lang), legend=status_legend(lang)
            ),
            tooltip=tooltip,
        )
    )
    shares = (
        alt.Chart(data)
        .mark_text(align="left", dx=4, fontSize=11)
        .encode(x=alt.X("actual:Q"), y=y, text=alt.Text("share:Q", format=".1%"), tooltip=tooltip)
    )
    chart = layer_views(
        bars,
        shares,
        width=width,
        height=alt.Step(18),
        title=chart_title(
            heading, has_synthetic(units), lang, structure_lines(units, registry, lang)
        ),
    )
    return styled(chart, lang)
