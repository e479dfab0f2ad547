"""The reconciliation chart: a parent's figure against its units' sum."""

from __future__ import annotations

from typing import Any

import altair as alt
import polars as pl

from kpitools.catalog import MetricCatalog
from kpitools.charts.build import layer_views, unchecked_builder
from kpitools.charts.parts import (
    COUNT_FORMAT,
    STATUS_COLORS,
    chart_title,
    empty_chart,
    independent,
    styled,
)
from kpitools.charts.rows import finite_columns, has_synthetic, metrics_in_order
from kpitools.vocab import check_lang, word

_RECON_COLUMNS = ("unit_code", "year", "metric", "parent_actual", "children_actual", "difference")


@unchecked_builder
def reconciliation_chart(
    recon: pl.DataFrame,
    *,
    catalog: MetricCatalog,
    lang: str = "vi",
    synthetic: bool | None = None,
    title: str = "",
    width: int = 360,
) -> alt.TopLevelMixin:
    """The parent's own figure against the sum of its units, per metric (panel) and year.

    Takes the output of :func:`kpitools.measures.reconcile`. Each year has two bars (the
    parent's figure, the sum of the units) and a label: ``Δ`` and the difference (sum −
    parent) in vermillion when they differ, "matches" when they agree, or why there is
    nothing to compare. Each metric has its own scale. ``reconcile`` does not say where
    its figures came from, so the synthetic-data note is shown unless ``synthetic=False``
    or the frame has a ``source`` column without ``synthetic`` in it.

    Examples
    --------
    >>> from kpitools.catalog import MetricCatalog
    >>> cat = MetricCatalog.from_frame(pl.DataFrame({"code": ["m"], "label_vi": ["Chỉ số"],
    ...     "label_en": ["Metric"], "unit_vi": ["người"], "unit_en": ["people"],
    ...     "kind": ["count"]}))
    >>> recon = pl.DataFrame({"unit_code": ["01"], "year": [2023], "metric": ["m"],
    ...     "parent_actual": [100.0], "children_actual": [98.0], "difference": [-2.0]})
    >>> spec = reconciliation_chart(recon, catalog=cat, synthetic=False).to_dict()
    >>> spec["spec"]["layer"][0]["mark"]["type"]
    'bar'
    """
    check_lang(lang)
    heading = title or word("chart.recon_title", lang)
    lacking = [c for c in _RECON_COLUMNS if c not in recon.columns]
    if lacking:
        raise ValueError(
            f"reconciliation_chart needs the output of reconcile(); missing {', '.join(lacking)}"
        )
    if recon.is_empty():
        return empty_chart(lang=lang, title=heading)
    if synthetic is None:
        synthetic = has_synthetic(recon) if "source" in recon.columns else True
    df = finite_columns(recon, ["parent_actual", "children_actual", "difference"])
    several = df["unit_code"].n_unique() > 1
    parent_word, children_word = word("chart.parent", lang), word("chart.children", lang)
    rows: list[dict[str, Any]] = []
    for rec in df.iter_rows(named=True):
        parent, children, diff = rec["parent_actual"], rec["children_actual"], rec["difference"]
        if parent is None:
            note = word("chart.no_parent", lang)
        elif children is None or rec.get("children_reported") == 0:
            note, children, diff = word("chart.no_children", lang), None, None
        else:
            note = word("chart.match", lang)
        common = {
            "metric": rec["metric"],
            "metric_label": catalog.label(rec["metric"], lang=lang),
            "row": f"{rec['unit_code']} · {rec['year']}" if several else str(rec["year"]),
            "year": rec["year"],
            "parent": parent,
            "children": children,
            "difference": diff,
            "note": note,
            "end": max(v for v in (parent, children, 0.0) if v is not None),
            "reported": (
                f"{rec['children_reported']}/{rec['children_expected']}"
                if rec.get("children_reported") is not None
                and rec.get("children_expected") is not None
                else None
            ),
        }
        rows.append({**common, "series": parent_word, "value": parent, "first": True})
        rows.append({**common, "series": children_word, "value": children, "first": False})
    data = pl.DataFrame(rows, infer_schema_length=None)
    order = [catalog.label(m, lang=lang) for m in metrics_in_order(df, catalog)]
    tooltip = [
        alt.Tooltip("metric_label:N", title=word("chart.metric", lang)),
        alt.Tooltip("row:N", title=word("chart.year", lang)),
        alt.Tooltip("parent:Q", title=parent_word, format=COUNT_FORMAT),
        alt.Tooltip("children:Q", title=children_word, format=COUNT_FORMAT),
        alt.Tooltip("difference:Q", title=word("chart.difference", lang), format="+,.0f"),
        alt.Tooltip("reported:N", title=word("chart.units_reported", lang)),
    ]
    y = alt.Y("row:O", title=None)
    bars = (
        alt.Chart()
        .mark_bar()
        .encode(
            x=alt.X("value:Q", title=None, axis=alt.Axis(format=COUNT_FORMAT)),
            y=y,
            yOffset=alt.YOffset("series:N", sort=[parent_word, children_word]),
            color=alt.Color(
                "series:N",
                title=None,
                scale=alt.Scale(domain=[parent_word, children_word], range=["#0072B2", "#56B4E9"]),
                legend=alt.Legend(orient="top"),
            ),
            tooltip=tooltip,
        )
        .transform_filter("isValid(datum.value)")
    )
    differs = "isValid(datum.difference) && datum.difference != 0"
    labels = [
        alt.Chart()
        .transform_filter(f"datum.first && {'' if bad else '!'}({differs})")
        .transform_calculate(
            label="'Δ ' + format(datum.difference, '+,.0f')" if bad else "datum.note"
        )
        .mark_text(
            align="left",
            dx=6,
            fontSize=11,
            fontWeight="bold" if bad else "normal",
            color=STATUS_COLORS["behind"] if bad else "#333333",
        )
        .encode(x=alt.X("end:Q"), y=y, text=alt.Text("label:N"), tooltip=tooltip)
        for bad in (False, True)
    ]
    chart = layer_views(bars, *labels, data=data, width=width, height=alt.Step(12)).facet(
        row=alt.Row(
            "metric_label:N",
            title=None,
            sort=order,
            header=alt.Header(
                labelAngle=0,
                labelOrient="top",
                labelAnchor="start",
                labelFontWeight="bold",
                labelLimit=width + 120,
            ),
        ),
        spacing=16,
        title=chart_title(heading, synthetic, lang),
        resolve=independent("x", "y"),
    )
    return styled(chart, lang)
