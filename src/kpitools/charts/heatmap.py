"""The heatmap: attainment of units by year."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import altair as alt
import polars as pl

from kpitools.catalog import MetricCatalog
from kpitools.charts.build import layer_views, unchecked_builder
from kpitools.charts.parts import (
    STATUS_COLORS,
    chart_title,
    empty_chart,
    metric_dropdown,
    styled,
    unit_picker,
    unit_tooltip,
    when_test,
)
from kpitools.charts.periods import structure_lines, with_period_labels
from kpitools.charts.rows import (
    has_synthetic,
    highlighted,
    measured,
    metric_code,
    metrics_in_order,
    targeted_years,
    unit_order,
    units_only,
)
from kpitools.measures import (
    DEFAULT_BANDS,
    Bands,
    with_periods,
)
from kpitools.registry import UnitRegistry
from kpitools.vocab import check_lang, word


def _attainment_domain(values: pl.Series) -> list[float]:
    """A colour domain around 100 %: at least 80–120 %, at most 0–200 % (beyond is clamped)."""
    finite = values.drop_nulls()
    lo = min(float(finite.min()), 0.8) if len(finite) else 0.8  # type: ignore[arg-type]
    hi = max(float(finite.max()), 1.2) if len(finite) else 1.2  # type: ignore[arg-type]
    return [round(max(lo, 0.0), 4), round(min(hi, 2.0), 4)]


@unchecked_builder
def heatmap_chart(
    kpis: pl.DataFrame,
    *,
    catalog: MetricCatalog,
    metric: str | None = None,
    lang: str = "vi",
    bands: Bands = DEFAULT_BANDS,
    sort: str = "code",
    title: str = "",
    highlight: str | Sequence[str] | None = None,
    select: str | None = None,
    registry: UnitRegistry | None = None,
) -> alt.TopLevelMixin:
    """Attainment of every unit (rows) in every year (columns) for one metric.

    The colour is attainment on a diverging scale centred on 100 % (vermillion below, blue
    above, clamped at 0 % and 200 %) with the percentage written in the cell; cells without
    a target (or with a target of 0) are grey with a dash; a year in which no unit has a
    target for the metric is left out. Units are sorted by ``code``,
    ``name`` (diacritics ignored) or ``latest`` (attainment in the metric's latest year,
    highest first, units without one last; the latest year shown). With ``metric=None`` a
    dropdown above the chart chooses among the metrics of the table that have a target
    (catalog order, labels in ``lang``).
    ``highlight`` (unit codes or exact names) outlines those units' cells in black.

    ``select`` makes the chart report clicks to Python (``alt.JupyterChart``): a point
    selection of that name over ``unit_code`` (click a cell, shift-click adds one,
    double-click clears), and the outlined units become the list parameter
    ``<select>_marked``, which a front end may set (see :mod:`kpitools.explore`).

    A year split into periods (2025: the first half by district, the second by new unit;
    see :func:`kpitools.measures.with_periods`) has a column per period, labelled with its
    dates, and the units of each structure form their own block of rows, in the order of
    their first period: no cell holds figures of two periods. The subtitle says which
    units each run of years compares (``30 quận, huyện, thị xã · 2019–2024``); a
    ``registry`` lets it name their types.

    Examples
    --------
    >>> from kpitools.catalog import MetricCatalog
    >>> cat = MetricCatalog.from_frame(pl.DataFrame({"code": ["m"], "label_vi": ["Chỉ số"],
    ...     "label_en": ["Metric"], "unit_vi": ["người"], "unit_en": ["people"],
    ...     "kind": ["count"]}))
    >>> df = pl.DataFrame({"unit_code": ["017", "017"], "unit_name": ["Đông Anh"] * 2,
    ...     "year": [2023, 2024], "metric": ["m", "m"], "target": [100.0, None],
    ...     "actual": [120.0, 80.0], "source": ["synthetic"] * 2})
    >>> spec = heatmap_chart(df, catalog=cat, metric="m").to_dict()
    >>> spec["layer"][0]["encoding"]["color"]["scale"]["domainMid"]
    1
    >>> spec["title"]["subtitle"][-1]
    '1 đơn vị · 2023'
    """
    check_lang(lang)
    df = units_only(with_periods(kpis) if "period_start" in kpis.columns else kpis)
    code = None if metric is None else metric_code(df, metric, catalog)
    heading = title or (
        word("chart.heat_title", lang) if code is None else catalog.label(code, lang=lang)
    )
    if code is not None:
        df = df.filter(pl.col("metric") == code)
    if df.is_empty():
        return empty_chart(lang=lang, title=heading)
    chosen = highlighted(df, highlight)  # a unit may have rows only in untargeted years
    df = targeted_years(df)
    if df.is_empty():
        return empty_chart(lang=lang, title=heading, message="no_targets")
    df, period_labels = with_period_labels(df, lang)
    m = unit_order(measured(df, bands=bands, lang=lang), sort)
    if period_labels:
        # units of each structure together, in the order of their first period
        m = m.with_columns(
            pl.struct(pl.col("period_index").min().over("metric", "unit_code"), "order")
            .rank("dense")
            .over("metric")
            .cast(pl.Int32)
            .alias("order")
        )
    domain = _attainment_domain(m["attainment"])
    dark_low = domain[0] + (1 - domain[0]) * 0.3
    dark_high = 1 + (domain[1] - 1) * 0.7
    data = m.select(
        "metric",
        "unit_code",
        "unit_name",
        "year",
        "actual",
        "target",
        "attainment",
        "status_label",
        "order",
        *(["period"] if period_labels else []),
    )
    picker: list[alt.Parameter] = []
    marked = "datum.highlight"
    if select is not None:
        picker, marked = unit_picker(select, chosen)
    elif chosen:
        data = data.with_columns(pl.col("unit_code").is_in(chosen).alias("highlight"))
    if period_labels:
        x = alt.X(
            "period:O", title=None, sort=period_labels, axis=alt.Axis(orient="top", labelAngle=0)
        )
    else:
        x = alt.X("year:O", title=None, axis=alt.Axis(orient="top", labelAngle=0))
    y = alt.Y("unit_name:N", title=None, sort=alt.EncodingSortField("order", op="min"))
    tooltip = unit_tooltip(lang)
    has_target = "isValid(datum.attainment)"
    outline: dict[str, Any] = {}
    if picker or chosen:
        outline = {
            "stroke": when_test(alt.StrokeValue, marked, "black", "white"),
            "strokeWidth": when_test(alt.StrokeWidthValue, marked, 2, 1),
        }
    cells = (
        alt.Chart()
        .mark_rect(stroke="white", strokeWidth=1)
        .encode(
            **outline,
            x=x,
            y=y,
            color=alt.Color(
                "attainment:Q",
                title=word("chart.attainment", lang),
                scale=alt.Scale(
                    domain=domain,
                    domainMid=1,
                    range=[STATUS_COLORS["behind"], "#f7f7f7", STATUS_COLORS["exceeded"]],
                    interpolate="lab",
                    clamp=True,
                ),
                legend=alt.Legend(format=".0%", orient="right"),
            ),
            tooltip=tooltip,
        )
        .transform_filter(has_target)
        .add_params(*picker)
    )
    labels = (
        alt.Chart()
        .mark_text(fontSize=11)
        .encode(
            x=x,
            y=y,
            text=alt.Text("attainment:Q", format=".0%"),
            color=when_test(
                alt.ColorValue,
                f"datum.attainment <= {dark_low:.4f} || datum.attainment >= {dark_high:.4f}",
                "white",
                "#222222",
            ),
            tooltip=tooltip,
        )
        .transform_filter(has_target)
    )
    missing = bands.display(bands.missing, lang=lang)
    blanks = (
        alt.Chart()
        .mark_rect(stroke="white", strokeWidth=1)
        .encode(
            **outline,
            x=x,
            y=y,
            fill=alt.Fill(
                "status_label:N",
                scale=alt.Scale(domain=[missing], range=["#d9d9d9"]),
                legend=alt.Legend(title=None, orient="right"),
            ),
            tooltip=tooltip,
        )
        .transform_filter(f"!({has_target})")
    )
    dashes = (
        alt.Chart()
        .mark_text(fontSize=11, color="#555555", text="–")
        .encode(x=x, y=y, tooltip=tooltip)
        .transform_filter(f"!({has_target})")
    )
    chart = layer_views(
        cells,
        labels,
        blanks,
        dashes,
        data=data,
        width=alt.Step(96 if period_labels else 52),
        height=alt.Step(20),
        title=chart_title(heading, has_synthetic(df), lang, structure_lines(df, registry, lang)),
    )
    if code is None:
        choice = metric_dropdown("heatmap_metric", metrics_in_order(data, catalog), catalog, lang)
        chart = chart.add_params(choice).transform_filter(alt.datum.metric == choice)
    return styled(chart, lang)
