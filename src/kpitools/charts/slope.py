"""The slope chart: each unit's attainment (or actual) at a start and an end, joined."""

from __future__ import annotations

import altair as alt
import polars as pl

from kpitools.catalog import MetricCatalog
from kpitools.charts.build import layer_views, unchecked_builder
from kpitools.charts.parts import (
    COUNT_FORMAT,
    LABEL_LIMIT,
    STATUS_COLORS,
    chart_title,
    empty_chart,
    rule_at_one,
    styled,
    unit_tooltip,
    when_test,
)
from kpitools.charts.periods import period_axis, period_tooltip, reform_layers
from kpitools.charts.rows import has_synthetic, measured, metric_code, pick_units, units_only
from kpitools.measures import (
    DEFAULT_BANDS,
    Bands,
    with_periods,
)
from kpitools.vocab import check_lang, word


@unchecked_builder
def slope_chart(
    kpis: pl.DataFrame,
    *,
    catalog: MetricCatalog,
    metric: str,
    start: int,
    end: int,
    value: str = "attainment",
    lang: str = "vi",
    bands: Bands = DEFAULT_BANDS,
    highlight: str | None = None,
    label_movers: int = 3,
    title: str = "",
    width: int = 320,
    height: int = 420,
) -> alt.TopLevelMixin:
    """Each unit's ``attainment`` (or ``actual``) in ``start`` and in ``end``, joined by a line.

    A year split into periods (2025, ``period_start``) is drawn period by period
    (``2025 (I)``, ``2025 (II)``, tooltips naming the period, a dashed rule at the first
    period of the new structure): a line runs from a unit's first period of ``start`` to
    its last of ``end``, and its label is at its last point.

    Lines are blue when the value went up, vermillion when it went down and grey when it
    did not change; a unit missing a value in one of the years shows a point only. Points
    carry the full tooltip. Names and end values are written on the right for every unit
    when there are at most 12, else for the ``label_movers`` biggest rises and falls and
    the ``highlight`` (a unit code or exact name), whose line is drawn thick and the
    others faint. Attainment has a rule at 100 %.

    Examples
    --------
    >>> from kpitools.catalog import MetricCatalog
    >>> cat = MetricCatalog.from_frame(pl.DataFrame({"code": ["m"], "label_vi": ["Chỉ số"],
    ...     "label_en": ["Metric"], "unit_vi": ["người"], "unit_en": ["people"],
    ...     "kind": ["count"]}))
    >>> df = pl.DataFrame({"unit_code": ["017", "017"], "unit_name": ["Đông Anh"] * 2,
    ...     "year": [2019, 2024], "metric": ["m", "m"], "target": [100.0, 110.0],
    ...     "actual": [120.0, 80.0], "source": ["synthetic"] * 2})
    >>> spec = slope_chart(df, catalog=cat, metric="m", start=2019, end=2024).to_dict()
    >>> spec["layer"][1]["encoding"]["color"]["scale"]["domain"][:2]
    ['tăng', 'giảm']
    """
    check_lang(lang)
    if value not in ("actual", "attainment"):
        raise ValueError(f"value must be 'actual' or 'attainment', not {value!r}")
    if start >= end:
        raise ValueError(f"start must be before end, got {start} and {end}")
    if "period_start" in kpis.columns:  # a period's end is the whole table's (with_periods)
        kpis = with_periods(kpis)
    df = units_only(kpis)
    code = metric_code(df, metric, catalog)
    heading = title or f"{catalog.label(code, lang=lang)}: {start} → {end}"
    df = df.filter(pl.col("metric") == code, pl.col("year").is_in([start, end]))
    chosen = None
    if highlight is not None and not df.is_empty():
        chosen = pick_units(df.with_columns(pl.col("unit_name").fill_null("")), [highlight])[0]
    if df.is_empty():
        return empty_chart(lang=lang, title=heading)
    m = measured(df, bands=bands, lang=lang).with_columns(pl.col(value).alias("value"))
    m, x_labels = period_axis(m, lang)
    if x_labels:  # a split year: from the first period of start to the last of end
        m = m.sort("unit_code", "period_index").with_columns(
            (pl.col("period_index") == pl.col("period_index").max().over("unit_code")).alias(
                "is_last"
            )
        )
    ends = m.group_by("unit_code", maintain_order=True).agg(
        pl.col("value").filter(pl.col("year") == start).first().alias("_from"),
        pl.col("value").filter(pl.col("year") == end).last().alias("_to"),
    )
    words = {k: word(f"chart.{k}", lang) for k in ("up", "down", "same", "incomparable")}
    ends = ends.with_columns(
        pl.when(pl.col("_from").is_null() | pl.col("_to").is_null())
        .then(pl.lit(words["incomparable"]))
        .when(pl.col("_to") > pl.col("_from"))
        .then(pl.lit(words["up"]))
        .when(pl.col("_to") < pl.col("_from"))
        .then(pl.lit(words["down"]))
        .otherwise(pl.lit(words["same"]))
        .alias("change")
    )
    moved = (pl.col("_to") - pl.col("_from")).alias("_moved")
    rises = ends.filter(moved > 0).sort(moved, descending=True)["unit_code"].head(label_movers)
    falls = ends.filter(moved < 0).sort(moved)["unit_code"].head(label_movers)
    few = ends.height <= 12
    data = (
        m.join(ends.select("unit_code", "change"), on="unit_code", how="left")
        .with_columns((pl.col("unit_code") == (chosen or "")).alias("highlight"))
        .with_columns(
            (
                pl.lit(few)
                | pl.col("highlight")
                | pl.col("unit_code").is_in(rises.to_list() + falls.to_list())
            ).alias("labelled")
        )
        .select(
            "labelled",
            "unit_code",
            "unit_name",
            "year",
            *(["x_label", "period", "period_index", "reform", "is_last"] if x_labels else []),
            "actual",
            "target",
            "attainment",
            "status_label",
            "value",
            "change",
            "highlight",
        )
        .sort("unit_code", "period_index" if x_labels else "year")
    )
    fmt = ".0%" if value == "attainment" else COUNT_FORMAT
    x = alt.X(
        "year:O",
        title=None,
        scale=alt.Scale(domain=[start, end], padding=0.1),
        axis=alt.Axis(labelAngle=0, orient="top"),
    )
    if x_labels:  # by period: 2024, 2025 (I), 2025 (II)
        x = alt.X(
            "x_label:O",
            title=None,
            scale=alt.Scale(domain=x_labels, padding=0.1),
            axis=alt.Axis(labelAngle=0, orient="top"),
        )
    y = alt.Y("value:Q", title=word(f"chart.{value}", lang), axis=alt.Axis(format=fmt))
    color = alt.Color(
        "change:N",
        title=word("chart.change", lang),
        legend=alt.Legend(orient="bottom", direction="horizontal"),
        scale=alt.Scale(
            domain=list(words.values()),
            range=[STATUS_COLORS["exceeded"], STATUS_COLORS["behind"], "#999999", "#cccccc"],
        ),
    )
    opacity = when_test(alt.OpacityValue, "datum.highlight", 1, 0.35 if chosen else 0.9)
    layers: list[alt.Chart] = []
    if value == "attainment":
        layers.append(rule_at_one("y"))
    base = alt.Chart(data).transform_filter("isValid(datum.value)")
    layers.append(
        base.mark_line().encode(
            x=x,
            y=y,
            detail=alt.Detail("unit_code:N"),
            color=color,
            opacity=opacity,
            strokeWidth=when_test(alt.StrokeWidthValue, "datum.highlight", 3.5, 1.5),
        )
    )
    tooltip = period_tooltip(unit_tooltip(lang), lang) if x_labels else unit_tooltip(lang)
    layers.append(
        base.mark_point(filled=True, size=40).encode(
            x=x, y=y, color=color, opacity=opacity, tooltip=tooltip
        )
    )
    layers += reform_layers(data, x, lang, own_data=True)
    for bold in (False, True):
        layers.append(
            base.transform_filter("datum.is_last" if x_labels else alt.datum.year == end)
            .transform_filter("datum.highlight" if bold else "!datum.highlight && datum.labelled")
            .transform_calculate(label=f"datum.unit_name + '  ' + format(datum.value, '{fmt}')")
            .mark_text(
                align="left",
                dx=8,
                fontSize=11,
                limit=LABEL_LIMIT,
                fontWeight="bold" if bold else "normal",
            )
            .encode(x=x, y=y, text=alt.Text("label:N"), opacity=opacity)
        )
    chart = layer_views(
        *layers, width=width, height=height, title=chart_title(heading, has_synthetic(df), lang)
    )
    return styled(chart, lang)
