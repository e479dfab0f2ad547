"""Altair chart builders. They return charts and never display them."""

from __future__ import annotations

from typing import Any

import altair as alt
import polars as pl

from kpitools.catalog import MetricCatalog, check_lang
from kpitools.measures import DEFAULT_BANDS, Bands

FONT = "'Noto Sans', 'Segoe UI', Roboto, Arial, sans-serif"

#: Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
STATUS_COLORS = {
    "behind": "#D55E00",
    "near": "#E69F00",
    "met": "#009E73",
    "exceeded": "#0072B2",
    "no target": "#999999",
}

#: Number formats for Vega, by display language (``46.148``, ``188,1%`` in Vietnamese).
NUMBER_LOCALES: dict[str, dict[str, Any]] = {
    "vi": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " ₫"]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["", " VND"]},
}

SYNTHETIC_NOTE = {
    "vi": "Có dữ liệu tổng hợp (synthetic), không phải số liệu thật",
    "en": "Includes synthetic (invented) data, not real figures",
}

_TEXT = {
    "actual": {"vi": "Thực hiện", "en": "Actual"},
    "target": {"vi": "Chỉ tiêu", "en": "Target"},
    "attainment": {"vi": "Tỷ lệ đạt", "en": "Attainment"},
    "status": {"vi": "Trạng thái", "en": "Status"},
    "metric": {"vi": "Chỉ số", "en": "Metric"},
    "band": {"vi": "Ngưỡng", "en": "Band"},
    "no_data": {"vi": "Không có dữ liệu", "en": "No data"},
}


def text(key: str, lang: str) -> str:
    """A UI word in ``lang``."""
    return _TEXT[key][check_lang(lang)]


def config(chart: alt.TopLevelMixin, *, lang: str = "vi") -> alt.TopLevelMixin:
    """Apply kpitools' shared look and the number locale of ``lang`` to a chart."""
    return (
        chart.configure(
            font=FONT,
            locale=alt.Locale(number=alt.NumberLocale(**NUMBER_LOCALES[check_lang(lang)])),
        )
        .configure_axis(labelFontSize=12, titleFontSize=12)
        .configure_title(fontSize=15, subtitleFontSize=12, subtitleColor="#8a4b00", anchor="start")
        .configure_view(stroke=None)
    )


def _title(title: str, synthetic: bool, lang: str) -> alt.TitleParams:
    return alt.TitleParams(title, subtitle=[SYNTHETIC_NOTE[lang]] if synthetic else [])


def empty_chart(*, lang: str = "vi", title: str = "") -> alt.TopLevelMixin:
    """A chart that says there is nothing to show."""
    return config(
        alt.Chart(pl.DataFrame({"t": [text("no_data", lang)]}), title=title or alt.Undefined)
        .mark_text(fontSize=14, color="#666")
        .encode(text="t:N")
        .properties(width=400, height=40),
        lang=lang,
    )


def bullet_chart(
    kpis: pl.DataFrame,
    *,
    catalog: MetricCatalog,
    lang: str = "vi",
    bands: Bands = DEFAULT_BANDS,
    row: str = "metric",
    title: str = "",
    width: int = 460,
) -> alt.TopLevelMixin:
    """Bullet graphs (Stephen Few): one row per metric (or per unit with ``row="unit_name"``).

    Each row has its own scale: grey bands at the status edges (shades of one hue), a dark
    bar for the actual figure and a black tick at the target. Rows without a target show
    the bar only. Tooltips give actual, target, attainment and status.

    Examples
    --------
    >>> df = pl.DataFrame({"metric": ["party_orgs_nonstate"], "actual": [109.0],
    ...                    "target": [69.0], "source": ["seed.txt"]})
    >>> from kpitools.catalog import MetricCatalog
    >>> cat = MetricCatalog.from_frame(pl.DataFrame({"code": ["party_orgs_nonstate"],
    ...     "label_vi": ["Tổ chức Đảng"], "label_en": ["Party orgs"], "unit_vi": ["tổ chức"],
    ...     "unit_en": ["organizations"], "kind": ["count"]}))
    >>> spec = bullet_chart(df, catalog=cat).to_dict()
    >>> spec["config"]["locale"]["number"]["decimal"]
    ','
    """
    check_lang(lang)
    if kpis.is_empty():
        return empty_chart(lang=lang, title=title)
    synthetic = bool((kpis["source"] == "synthetic").any())
    shades = ["#e6e6e6", "#cccccc", "#b3b3b3", "#999999"][: len(bands.edges) + 1][::-1]
    rows = []
    for rec in kpis.iter_rows(named=True):
        actual, target = rec["actual"], rec["target"]
        label = catalog.label(rec[row], lang=lang) if row == "metric" else str(rec[row])
        att = actual / target if target else None
        data = {
            "label": label,
            "actual": actual,
            "target": target if target else None,
            "attainment": att,
            "status": bands.display(bands.band(att), lang=lang),
            "status_key": bands.band(att),
            "synthetic": rec.get("source") == "synthetic",
        }
        top = max(actual, (target or 0) * max(bands.edges[-1], 1.0)) * 1.05 or 1.0
        edges = [0.0, *[(target or 0) * e for e in bands.edges], top]
        band_rows = (
            [
                {"label": label, "start": edges[i], "end": edges[i + 1], "band": i}
                for i in range(len(edges) - 1)
            ]
            if target
            else []
        )
        base = alt.Chart(pl.DataFrame([data])).properties(width=width, height=26)
        tooltip = [
            alt.Tooltip("label:N", title=text("metric", lang)),
            alt.Tooltip("actual:Q", title=text("actual", lang), format=",.0f"),
            alt.Tooltip("target:Q", title=text("target", lang), format=",.0f"),
            alt.Tooltip("attainment:Q", title=text("attainment", lang), format=".1%"),
            alt.Tooltip("status:N", title=text("status", lang)),
        ]
        x_scale = alt.Scale(domain=[0, top], nice=False)
        layers = []
        if band_rows:
            layers.append(
                alt.Chart(pl.DataFrame(band_rows))
                .mark_bar(size=26)
                .encode(
                    x=alt.X("start:Q", scale=x_scale, title=None, axis=alt.Axis(format=",.0f")),
                    x2="end:Q",
                    color=alt.Color("band:O", scale=alt.Scale(range=shades), legend=None),
                )
            )
        layers.append(
            base.mark_bar(size=10, color="#333333").encode(
                x=alt.X("actual:Q", scale=x_scale, title=None, axis=alt.Axis(format=",.0f")),
                tooltip=tooltip,
            )
        )
        if target:
            layers.append(
                base.mark_tick(thickness=3, size=24, color="black").encode(
                    x=alt.X("target:Q", scale=x_scale), tooltip=tooltip
                )
            )
        rows.append(
            alt.layer(*layers).properties(
                title=alt.TitleParams(
                    f"{label}{' *' if data['synthetic'] else ''}", fontSize=12, fontWeight="normal"
                )
            )
        )
    chart = alt.vconcat(*rows, spacing=14).properties(title=_title(title, synthetic, lang))
    return config(chart, lang=lang)
