"""The trend chart: small multiples, one panel per unit, of a metric over the years."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import polars as pl

from kpitools.catalog import MetricCatalog
from kpitools.charts.build import layer_views, unchecked_builder
from kpitools.charts.parts import (
    COUNT_FORMAT,
    PERCENT_FORMAT,
    chart_title,
    empty_chart,
    independent,
    status_legend,
    status_scale,
    styled,
    unit_tooltip,
    year_axis,
)
from kpitools.charts.periods import period_axis, period_tooltip, reform_layers
from kpitools.charts.rows import (
    finite_columns,
    has_synthetic,
    measured,
    metric_code,
    pick_units,
    units_only,
)
from kpitools.measures import (
    DEFAULT_BANDS,
    Bands,
    attainment,
    with_periods,
)
from kpitools.vocab import check_lang, word


def _with_reference(
    m: pl.DataFrame, reference: pl.DataFrame | None, metric: str
) -> tuple[pl.DataFrame, str | None, bool]:
    """Join the reference's attainment per year; return the frame, its name, synthetic."""
    if reference is None:
        return m.with_columns(ref_attainment=pl.lit(None, pl.Float64)), None, False
    need = {"year", "metric", "actual", "target"} - set(reference.columns)
    if need:
        raise ValueError(f"the reference lacks the column(s) {', '.join(sorted(need))}")
    ref = finite_columns(reference.filter(pl.col("metric") == metric), ["actual", "target"])
    # a year split into periods (2025) is matched period by period
    keys = [
        "year",
        *(["period_start"] if {"period_start"} <= set(m.columns) & set(ref.columns) else []),
    ]
    if ref.select(keys).is_duplicated().any():
        raise ValueError("the reference has more than one row for a year of this metric")
    name = None
    if "unit_name" in ref.columns and ref["unit_name"].drop_nulls().len():
        name = str(ref["unit_name"].drop_nulls()[0])
    joined = m.join(
        ref.select(
            pl.col("year").cast(m.schema["year"]),
            *keys[1:],
            attainment().alias("ref_attainment"),
        ),
        on=keys,
        how="left",
        maintain_order="left",
    )
    return joined, name, has_synthetic(ref)


def _names_told_apart(m: pl.DataFrame) -> pl.DataFrame:
    """Two units of one name (district 017 and xã 00454 Đông Anh): "Đông Anh (017)"."""
    names = m.select("unit_code", "unit_name").unique()
    shared = names.filter(pl.col("unit_name").is_duplicated())["unit_code"]
    if not shared.len():
        return m
    return m.with_columns(
        pl.when(pl.col("unit_code").is_in(shared.implode()))
        .then(pl.format("{} ({})", "unit_name", "unit_code"))
        .otherwise(pl.col("unit_name"))
        .alias("unit_name")
    )


def _reference_label(
    reference: pl.DataFrame | None, ref_name: str | None, value: str, lang: str
) -> str | None:
    """The reference line's name in the legend and tooltips; None without a reference."""
    if reference is None:
        return None
    return word(
        "chart.at_rate" if value == "actual" else "chart.ref_attainment",
        lang,
        reference=ref_name or word("chart.reference", lang).lower(),
    )


def _trend_series(
    value: str, ref_label: str | None, lang: str
) -> tuple[list[tuple[str, str, str, list[int]]], None, str]:
    """The lines of a trend chart (field, name, colour, dash) and its y axis' title, format."""
    if value == "actual":
        series = [("actual", word("chart.actual", lang), "#444444", [1, 0])]
        series.append(("target", word("chart.target", lang), "#000000", [5, 3]))
        y_format = COUNT_FORMAT
    else:
        series = [("attainment", word("chart.attainment", lang), "#444444", [1, 0])]
        y_format = ".0%"
    if ref_label is not None:
        field = "ref_expected" if value == "actual" else "ref_attainment"
        series.append((field, ref_label, "#CC79A7", [2, 2]))
    return series, None, y_format


@unchecked_builder
def trend_chart(
    kpis: pl.DataFrame,
    *,
    catalog: MetricCatalog,
    metric: str,
    units: Sequence[str] | None = None,
    reference: pl.DataFrame | None = None,
    lang: str = "vi",
    bands: Bands = DEFAULT_BANDS,
    value: str = "actual",
    columns: int = 5,
    title: str = "",
    width: int | None = None,
    height: int = 90,
) -> alt.TopLevelMixin:
    """Small multiples, one panel per unit: how the metric moved over the years.

    With ``value="actual"`` each panel shows the actual figure (solid line, points coloured
    by status) and the target (dashed) on the panel's own scale, since units differ in
    size. The reference — e.g. the city's figures from :func:`kpitools.measures.rollup` —
    is drawn as the figure the unit would have reached at the reference's attainment
    (its target × the city's attainment), dotted: a unit above that line did better than
    the city. With ``value="attainment"`` all panels share one percentage scale with a
    rule at 100 % and the reference's own attainment, dotted. ``units`` (codes or exact
    names) picks and orders the panels; by default every unit but the city, by code.

    A year split into periods (2025: the first half by district, the second half by new
    unit, ``period_start``) is drawn period by period: x is ``2025 (I)``, ``2025 (II)``,
    tooltips name the period (``1/7–31/12/2025``), and a dashed rule marks the first
    period of the new structure (``sắp xếp 1/7``).

    Examples
    --------
    >>> from kpitools.catalog import MetricCatalog
    >>> cat = MetricCatalog.from_frame(pl.DataFrame({"code": ["m"], "label_vi": ["Chỉ số"],
    ...     "label_en": ["Metric"], "unit_vi": ["người"], "unit_en": ["people"],
    ...     "kind": ["count"]}))
    >>> df = pl.DataFrame({"unit_code": ["017", "017"], "unit_name": ["Đông Anh"] * 2,
    ...     "year": [2023, 2024], "metric": ["m", "m"], "target": [100.0, 110.0],
    ...     "actual": [120.0, 80.0], "source": ["synthetic"] * 2})
    >>> trend_chart(df, catalog=cat, metric="m").to_dict()["facet"]["field"]
    'unit_name'
    """
    check_lang(lang)
    if value not in ("actual", "attainment"):
        raise ValueError(f"value must be 'actual' or 'attainment', not {value!r}")
    if "period_start" in kpis.columns:  # a period's end is the whole table's (with_periods)
        kpis = with_periods(kpis)
    # the city's own rows are left out unless asked for by name
    df = kpis if units is not None else units_only(kpis)
    code = metric_code(df, metric, catalog)
    heading = title or catalog.label(code, lang=lang)
    df = df.filter(pl.col("metric") == code)
    if "unit_name" not in df.columns:
        df = df.with_columns(pl.col("unit_code").alias("unit_name"))
    picked = pick_units(df, units) if units is not None and not df.is_empty() else None
    if picked is not None:
        df = df.filter(pl.col("unit_code").is_in(picked))
    if df.is_empty():
        return empty_chart(lang=lang, title=heading)
    m = measured(df, bands=bands, lang=lang)
    m, ref_name, ref_synthetic = _with_reference(m, reference, code)
    m = m.with_columns(
        pl.when((pl.col("target") * pl.col("ref_attainment")).is_finite())
        .then(pl.col("target") * pl.col("ref_attainment"))
        .alias("ref_expected")
    )
    codes = picked or sorted(set(m["unit_code"].to_list()))
    m = _names_told_apart(m)
    first_name = dict(m.select("unit_code", "unit_name").iter_rows())
    facet_order = list(dict.fromkeys(first_name[c] for c in codes))
    m, x_labels = period_axis(m, lang)
    by_period = ["x_label", "period", "period_index", "reform"] if x_labels else []
    data = m.select(
        "unit_code",
        "unit_name",
        "year",
        *by_period,
        "actual",
        "target",
        "attainment",
        "status_label",
        "ref_attainment",
        "ref_expected",
    ).sort("unit_code", "period_index" if x_labels else "year")
    ref_label = _reference_label(reference, ref_name, value, lang)
    extra = (
        [alt.Tooltip("ref_attainment:Q", title=ref_label, format=PERCENT_FORMAT)]
        if ref_label is not None and value == "actual"
        else []
    )
    tooltip = unit_tooltip(lang, *extra)
    if x_labels:
        tooltip = period_tooltip(tooltip, lang)
    series, y_title, y_format = _trend_series(value, ref_label, lang)
    line_scale = alt.Scale(domain=[s[1] for s in series], range=[s[2] for s in series])
    dash_scale = alt.Scale(domain=[s[1] for s in series], range=[s[3] for s in series])
    # the years that are drawn: those with a value on one of the lines
    drawn = data.filter(pl.any_horizontal(pl.col(f).is_not_null() for f, *_ in series))["year"]
    x = alt.X("year:O", title=None, axis=year_axis(drawn.unique().sort().to_list()))
    if x_labels:  # by period: 2024, 2025 (I), 2025 (II), 2026
        x = alt.X("x_label:O", title=None, sort=x_labels, axis=alt.Axis(labelAngle=0))
    layers: list[alt.Chart] = []
    if value == "attainment":
        layers.append(
            alt.Chart()
            .transform_aggregate(n="count()", groupby=["unit_name"])
            .mark_rule(color="#999999")
            .encode(y=alt.YDatum(1.0))
        )
    # one row per unit, year and line, each with the unit's figures for the tooltip
    long = pl.concat(
        data.with_columns(
            pl.lit(key).alias("key"), pl.lit(name).alias("series"), pl.col(key).alias("value")
        )
        for key, name, _, _ in series
    )
    y = alt.Y("value:Q", title=y_title, axis=alt.Axis(format=y_format))
    layers.append(
        alt.Chart()
        .mark_line(strokeWidth=2)
        .encode(
            x=x,
            y=y,
            color=alt.Color("series:N", scale=line_scale, title=None),
            strokeDash=alt.StrokeDash("series:N", scale=dash_scale, title=None),
        )
        .transform_filter("isValid(datum.value)")
    )
    layers.append(
        alt.Chart()
        .mark_point(filled=True, size=45, opacity=1, stroke="#444444", strokeWidth=0.5)
        .encode(
            x=x,
            y=y,
            fill=alt.Fill(
                "status_label:N", scale=status_scale(bands, lang), legend=status_legend(lang)
            ),
            tooltip=tooltip,
        )
        .transform_filter(f"datum.key == '{series[0][0]}' && isValid(datum.value)")
    )
    layers += reform_layers(data, x, lang)
    step = 48 if x_labels else 34  # "2025 (II)" is wider than a year
    steps = len(x_labels) if x_labels else data["year"].n_unique()
    chart = layer_views(
        *layers, data=long, width=width or max(150, step * steps), height=height
    ).facet(
        facet=alt.Facet(
            "unit_name:N",
            title=None,
            sort=facet_order,
            header=alt.Header(labelFontWeight="bold"),
        ),
        columns=max(1, min(columns, len(facet_order))),
        title=chart_title(heading, has_synthetic(df) or ref_synthetic, lang),
        resolve=independent("y") if value == "actual" else alt.Undefined,
    )
    return styled(chart, lang)
