"""The explorer's live charts: Vega-Lite specs whose changing parts are data and parameters.

A spec here depends only on the chart, the language and the status bands; what a control
changes reaches the browser as a parameter (the year, the chosen units, the metric's label)
or as new rows (another metric, other thresholds). So the front end updates a chart in
place (``view.signal`` / ``view.data``) instead of drawing it anew. Pure functions: testable
without a kernel or a browser.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import polars as pl

from kpitools import vocab
from kpitools.measures import DEFAULT_BANDS, Bands, with_measures
from kpitools.numbers import MISSING

if TYPE_CHECKING:
    from kpitools.explore.state import ExplorerState, Panel

#: Words of the live charts and of the explorer's new controls (vi, en).
WORDS: dict[str, tuple[str, str]] = {
    "unit": ("Đơn vị", "Unit"),
    "year": ("Năm", "Year"),
    "attainment": ("Tỷ lệ đạt", "Attainment"),
    "actual": ("Thực hiện", "Actual"),
    "target": ("Chỉ tiêu", "Target"),
    "status": ("Mức", "Status"),
    "trend_title": ("Tỷ lệ đạt qua các năm", "Attainment over the years"),
    "reference": ("{name} (chung)", "{name} (overall)"),
    "search": ("Tìm đơn vị…", "Find a unit…"),
    "clear_tip": ("Bỏ chọn mọi đơn vị", "Clear the chosen units"),
    "load_tip": ("Nạp tệp theo đường dẫn", "Load the file at this path"),
    "export_tip": ("Xuất bảng và biểu đồ", "Export the table and the chart"),
    "upload_tip": ("Tải tệp lên", "Upload a file"),
    "bad_bands": (
        "Ngưỡng không hợp lệ: các ngưỡng phải tăng dần, đang là {edges}.",
        "Thresholds not valid: they must increase, they are {edges}.",
    ),
    "export_failed": ("Không xuất được: {e}", "Could not export: {e}"),
    "unknown_unit": ("đơn vị không có trong danh mục", "unit not in the registry"),
}


def say(key: str, lang: str, **fields: object) -> str:
    """A word of :data:`WORDS` in ``lang`` (``"vi"`` or ``"en"``), ``{fields}`` filled in.

    Examples
    --------
    >>> say("year", "en"), say("reference", "vi", name="Hà Nội")
    ('Year', 'Hà Nội (chung)')
    """
    text = WORDS[key][0 if vocab.check_lang(lang) == "vi" else 1]
    return text.format(**fields) if fields else text


def _labels(panel: Panel, metric: str) -> dict[str, str]:
    """Unit code → name shown in charts; a name two units share gets the code added."""
    frame = panel.rows(metric).select("unit_code", "unit_name").unique("unit_code")
    names = {c: (n or c) for c, n in frame.iter_rows()}
    seen: dict[str, int] = {}
    for n in names.values():
        seen[n] = seen.get(n, 0) + 1
    return {c: (n if seen[n] == 1 else f"{n} ({c})") for c, n in names.items()}


def _finite(value: Any) -> float | None:
    if value is None:
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def _last_period(rows: pl.DataFrame) -> pl.DataFrame:
    """One row per unit and year: of a split year (2025), the last period's."""
    order = [c for c in ("period_start", "as_of") if c in rows.columns]
    if order:
        rows = rows.sort(order, nulls_last=False)
    return rows.unique(["unit_code", "year"], keep="last", maintain_order=True)


def chart_rows(panel: Panel, metric: str, bands: Bands) -> list[dict[str, Any]]:
    """The rows the ranking and the heatmap draw: one per unit and year, texts in both languages.

    Fields: ``unit_code``, ``unit`` (name), ``year``, ``attainment`` (a ratio or None), and
    in Vietnamese (``_vi``) and English (``_en``): ``status`` (the band's name) and the
    texts of the tooltip (``actual_t``, ``target_t``, ``attainment_t``), never None. Both
    languages travel together, so a language switch sends no rows.

    Examples
    --------
    >>> ds = load_dataset(["data/demo_panel.csv"], units="data/units.csv",
    ...                   catalog="data/metrics.csv")
    >>> from kpitools.explore import Panel
    >>> rows = chart_rows(Panel.from_dataset(ds), "admissions", Bands())
    >>> rows[0]["status_vi"], rows[0]["status_en"], rows[0]["attainment_t_en"]
    ('chậm', 'behind', '89.0%')
    """
    return with_status(text_rows(panel, metric), statuses(panel, metric, bands))


def _measured(panel: Panel, metric: str, bands: Bands = DEFAULT_BANDS) -> pl.DataFrame:
    return with_measures(_last_period(panel.rows(metric)), bands=bands).sort("year", "unit_code")


def text_rows(panel: Panel, metric: str) -> list[dict[str, Any]]:
    """:func:`chart_rows` without the status: what other thresholds leave as it is.

    The rows are in the order of :func:`statuses` (by year, then unit code).
    """
    names = _labels(panel, metric)
    out = []
    for code, year, actual, target, attainment in (
        _measured(panel, metric)
        .select("unit_code", "year", "actual", "target", "attainment")
        .iter_rows()
    ):
        ratio = _finite(attainment)
        row = {"unit_code": code, "unit": names.get(code, code), "year": int(year)}
        row["attainment"] = ratio
        for field, value in (("actual", actual), ("target", target), ("attainment", ratio)):
            # the Vietnamese text is the English one with the separators swapped
            en = _text(value, "en", percent=field == "attainment")
            row[f"{field}_t_vi"] = _separators(en, "vi")
            row[f"{field}_t_en"] = en
        out.append(row)
    return out


def statuses(panel: Panel, metric: str, bands: Bands) -> list[tuple[str, str]]:
    """The status (Vietnamese, English) of each row of :func:`text_rows` under ``bands``."""
    names: dict[str | None, tuple[str, str]] = {}
    out = []
    for status in _measured(panel, metric, bands)["status"].to_list():
        said = names.get(status)
        if said is None:
            key = status or bands.missing
            said = names[status] = (bands.display(key, lang="vi"), bands.display(key, lang="en"))
        out.append(said)
    return out


def with_status(
    rows: Sequence[dict[str, Any]], status: Sequence[tuple[str, str]]
) -> list[dict[str, Any]]:
    """``rows`` of :func:`text_rows` with their status in both languages (``status_vi/_en``)."""
    return [
        {**row, "status_vi": vi, "status_en": en}
        for row, (vi, en) in zip(rows, status, strict=True)
    ]


#: The fields of the trend's rows (a part of :func:`text_rows`'s).
TREND_FIELDS = ("unit_code", "unit", "year", "attainment", "attainment_t_vi", "attainment_t_en")


#: Vietnamese separators: "." groups thousands, "," marks decimals (English's the other way).
_VI_SEPARATORS = str.maketrans({",": ".", ".": ","})


def _separators(text: str, lang: str) -> str:
    return text.translate(_VI_SEPARATORS) if lang == "vi" else text


def _text(value: Any, lang: str, *, percent: bool = False) -> str:
    """A number of a tooltip as the tables write it (fast: no Decimal); "–" when missing.

    Examples
    --------
    >>> _text(1234.5, "vi"), _text(1.0715, "en", percent=True), _text(None, "en")
    ('1.234,5', '107.2%', '–')
    """
    v = _finite(value)
    if v is None:
        return MISSING
    if percent:
        return _separators(f"{_half_up(v * 100, 1):,.1f}", lang) + "%"
    places = 0 if v == int(v) else 1
    return _separators(f"{_half_up(v, places):,.{places}f}", lang)


def _half_up(value: float, places: int) -> float:
    """Rounded half up, as the tables round (107.15 → 107.2), not to the nearest even."""
    scale = 10**places
    return math.copysign(math.floor(abs(value) * scale + 0.5 + 1e-9) / scale, value)


def trend_rows(panel: Panel, metric: str) -> list[dict[str, Any]]:
    """The rows of the trend: unit, year, attainment and its text in both languages.

    No status: other thresholds leave them as they are.
    """
    return trend_of(text_rows(panel, metric))


def trend_of(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The trend's rows (:data:`TREND_FIELDS`) of the rows of :func:`text_rows`."""
    return [{k: row[k] for k in TREND_FIELDS} for row in rows]


def reference_rows(panel: Panel, metric: str) -> list[dict[str, Any]]:
    """The parent's attainment by year (the trend's dashed line), texts in both languages."""
    ref = with_measures(_last_period(panel.reference(metric))).sort("year")
    name = panel.name(panel.parent)
    return [
        {
            "unit_vi": say("reference", "vi", name=name),
            "unit_en": say("reference", "en", name=name),
            "year": int(y),
            "attainment": _finite(a),
            "attainment_t_vi": _text(a, "vi", percent=True),
            "attainment_t_en": _text(a, "en", percent=True),
        }
        for y, a in ref.select("year", "attainment").iter_rows()
    ]


def signals(panel: Panel, state: ExplorerState) -> dict[str, Any]:
    """The parameters of the live charts for ``state``: year, chosen units, metric label."""
    catalog = panel.dataset.catalog
    return {
        "year": state.year,
        "unit_marked": list(panel.present(state.metric, state.units)),
        "metric_label": catalog.label(state.metric, lang=state.lang),
    }


_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
#: Up to this many units, the heatmap writes each cell's percentage.
HEATMAP_LABELS = 60

_MARKED = "indexof(unit_marked, datum.unit_code) >= 0"
_DIM = f"length(unit_marked) > 0 && !({_MARKED})"


def _status_color(bands: Bands, lang: str) -> dict[str, Any]:
    from kpitools.charts import status_colors, status_keys

    domain = [bands.display(k, lang=lang) for k in status_keys(bands)]
    return {
        "field": f"status_{lang}",
        "type": "nominal",
        "title": say("status", lang),
        "scale": {"domain": domain, "range": status_colors(bands)},
        "legend": {"orient": "top", "title": None, "columns": 3},
    }


def _tooltip(lang: str) -> list[dict[str, Any]]:
    return [
        {"field": "unit", "title": say("unit", lang)},
        {"field": "year", "title": say("year", lang)},
        {"field": f"actual_t_{lang}", "title": say("actual", lang)},
        {"field": f"target_t_{lang}", "title": say("target", lang)},
        {"field": f"attainment_t_{lang}", "title": say("attainment", lang)},
        {"field": f"status_{lang}", "title": say("status", lang)},
    ]


def _percent_axis(lang: str, title: str | None) -> dict[str, Any]:
    dec = "," if lang == "vi" else "."
    return {
        "title": title,
        "format": ".0%",
        "labelExpr": f"replace(format(datum.value, '.0%'), '.', '{dec}')",
    }


def _params(metric_label: str = "", year: int = 0) -> list[dict[str, Any]]:
    return [
        {"name": "year", "value": year},
        {"name": "unit_marked", "value": []},
        {"name": "metric_label", "value": metric_label},
    ]


def _base(lang: str) -> dict[str, Any]:
    return {
        "config": {
            "font": "sans-serif",
            "view": {"stroke": None},
            "axis": {"labelFontSize": 11, "titleFontSize": 12},
            "title": {"anchor": "start", "fontSize": 14},
        },
        "usermeta": {"kpitools_lang": lang},
    }


def ranked_spec(lang: str, bands: Bands, *, width: int | str = "container") -> dict[str, Any]:
    """The ranking: the year's units by attainment, chosen units outlined, others dimmed."""
    return {
        **_base(lang),
        "params": _params(),
        "title": {"text": {"expr": "metric_label + ' – ' + year"}},
        "data": {"name": "rows"},
        "transform": [{"filter": "datum.year == year"}],
        "width": width,
        "height": {"step": 16},
        "layer": [
            {
                "mark": {"type": "bar", "cursor": "pointer"},
                "encoding": {
                    "y": {
                        "field": "unit",
                        "type": "nominal",
                        "sort": {"field": "attainment", "op": "max", "order": "descending"},
                        "title": say("unit", lang),
                        "axis": {"labelLimit": 170, "title": None},
                    },
                    "x": {
                        "field": "attainment",
                        "type": "quantitative",
                        "title": say("attainment", lang),
                        "axis": _percent_axis(lang, say("attainment", lang)),
                    },
                    "color": _status_color(bands, lang),
                    "opacity": {"condition": {"test": _DIM, "value": 0.3}, "value": 1},
                    "stroke": {"condition": {"test": _MARKED, "value": "black"}, "value": None},
                    "strokeWidth": {"condition": {"test": _MARKED, "value": 2}, "value": 0},
                    "tooltip": _tooltip(lang),
                },
            },
            {
                "mark": {"type": "rule", "strokeDash": [4, 3], "color": "#555"},
                "encoding": {"x": {"datum": 1}},
            },
        ],
    }


def heatmap_spec(lang: str, bands: Bands, *, labels: bool = True) -> dict[str, Any]:
    """Attainment by unit and year, sorted by the chosen year, whose column is framed.

    ``labels`` writes the percentage in each cell (for a few units: many labels make a
    large page slow to draw; the tooltip gives them).
    """
    year_axis = {
        "title": say("year", lang),
        "orient": "top",
        "labelAngle": 0,
        "labelFontWeight": {"expr": "datum.value == year ? 'bold' : 'normal'"},
    }
    y = {
        "field": "unit",
        "type": "nominal",
        "title": say("unit", lang),
        "sort": {"field": "order", "op": "max", "order": "descending"},
        "axis": {"labelLimit": 220, "title": None},
    }
    text = {
        "mark": {"type": "text", "fontSize": 9, "cursor": "pointer"},
        "encoding": {
            "y": y,
            "text": {"field": f"attainment_t_{lang}"},
            "opacity": {"condition": {"test": _DIM, "value": 0.4}, "value": 1},
            "tooltip": _tooltip(lang),
        },
    }
    return {
        **_base(lang),
        "params": _params(),
        "title": {"text": {"expr": "metric_label"}},
        "data": {"name": "rows"},
        "transform": [
            {"calculate": "datum.year == year ? datum.attainment : null", "as": "chosen_year"},
            {
                "joinaggregate": [{"op": "max", "field": "chosen_year", "as": "order"}],
                "groupby": ["unit_code"],
            },
        ],
        "height": {"step": 18},
        "width": {"step": 52},
        "encoding": {"x": {"field": "year", "type": "ordinal", "axis": year_axis}},
        "layer": [
            {
                "mark": {"type": "rect", "cursor": "pointer"},
                "encoding": {
                    "y": y,
                    "color": _status_color(bands, lang),
                    "opacity": {"condition": {"test": _DIM, "value": 0.3}, "value": 1},
                    "stroke": {"condition": {"test": _MARKED, "value": "black"}, "value": None},
                    "strokeWidth": {"condition": {"test": _MARKED, "value": 2}, "value": 0},
                    "tooltip": _tooltip(lang),
                },
            },
            *([text] if labels else []),
            {
                "transform": [
                    {"filter": "datum.year == year"},
                    {"aggregate": [], "groupby": ["year"]},
                ],
                "mark": {"type": "rect", "fill": None, "stroke": "#222", "strokeWidth": 2},
                "encoding": {},
            },
        ],
    }


def trend_spec(lang: str, *, width: int | str = "container", height: int = 240) -> dict[str, Any]:
    """The chosen units' attainment over the years against the parent's.

    The other units are a grey band from the lowest to the highest attainment of each year.
    """
    x = {"field": "year", "type": "ordinal", "axis": {"title": say("year", lang), "labelAngle": 0}}
    y_axis = _percent_axis(lang, say("attainment", lang))
    tip = [
        {"field": "unit", "title": say("unit", lang)},
        {"field": "year", "title": say("year", lang)},
        {"field": f"attainment_t_{lang}", "title": say("attainment", lang)},
    ]
    ref_tip = [{**tip[0], "field": f"unit_{lang}"}, *tip[1:]]
    return {
        **_base(lang),
        "params": _params(),
        "title": {
            "text": {"expr": "metric_label"},
            "subtitle": say("trend_title", lang),
        },
        "width": width,
        "height": height,
        "encoding": {"x": x},
        "layer": [
            {
                # the other units as one grey band (lowest to highest each year): one shape
                # however many units the panel has
                "data": {"name": "rows"},
                "transform": [
                    {"filter": "isValid(datum.attainment)"},
                    {
                        "aggregate": [
                            {"op": "min", "field": "attainment", "as": "low"},
                            {"op": "max", "field": "attainment", "as": "high"},
                        ],
                        "groupby": ["year"],
                    },
                ],
                "mark": {"type": "area", "color": "#d9d9d9", "opacity": 0.5},
                "encoding": {
                    "y": {"field": "low", "type": "quantitative", "axis": y_axis},
                    "y2": {"field": "high"},
                },
            },
            {
                "data": {"name": "rows"},
                "transform": [{"filter": _MARKED}],
                "mark": {"type": "line", "point": True, "strokeWidth": 2.5},
                "encoding": {
                    "y": {"field": "attainment", "type": "quantitative"},
                    "color": {
                        "field": "unit",
                        "type": "nominal",
                        "title": say("unit", lang),
                        "legend": {"orient": "bottom", "labelLimit": 200},
                        "scale": {"scheme": "tableau10"},
                    },
                    "tooltip": tip,
                },
            },
            {
                "data": {"name": "reference"},
                "mark": {"type": "line", "color": "black", "strokeDash": [6, 4], "point": True},
                "encoding": {
                    "y": {"field": "attainment", "type": "quantitative"},
                    "tooltip": ref_tip,
                },
            },
            {
                "data": {"name": "reference"},
                "transform": [
                    {
                        "window": [{"op": "rank", "as": "last"}],
                        "sort": [{"field": "year", "order": "descending"}],
                    },
                    {"filter": "datum.last == 1"},
                ],
                "mark": {"type": "text", "align": "right", "dy": -10, "fontSize": 11},
                "encoding": {
                    "y": {"field": "attainment", "type": "quantitative"},
                    "text": {"field": f"unit_{lang}"},
                },
            },
            {
                "data": {"name": "reference"},
                "transform": [{"filter": "datum.year == year"}],
                "mark": {"type": "rule", "color": "#888", "strokeDash": [2, 2]},
                "encoding": {"x": {"field": "year", "type": "ordinal"}},
            },
        ],
    }


def live_spec(kind: str, lang: str, bands: Bands, *, units: int = 0) -> dict[str, Any]:
    """The spec of the live chart ``kind`` (``ranked``, ``heatmap``, ``trend``), without data.

    ``units`` (how many units the panel has) decides whether heatmap cells are labelled.
    """
    if kind == "ranked":
        return ranked_spec(lang, bands)
    if kind == "heatmap":
        return heatmap_spec(lang, bands, labels=units <= HEATMAP_LABELS)
    if kind == "trend":
        return trend_spec(lang)
    raise ValueError(f"chart must be one of ranked, heatmap, trend, not {kind!r}")


def with_data(
    spec: dict[str, Any], data: dict[str, list[dict[str, Any]]], params: dict[str, Any]
) -> dict[str, Any]:
    """``spec`` as one self-contained Vega-Lite spec: its datasets and parameter values in it."""
    return {
        **spec,
        "datasets": data,
        "params": [
            {**p, "value": params[p["name"]]} if p["name"] in params else p
            for p in spec.get("params", ())
        ],
    }


def static_svg(spec: dict[str, Any]) -> str:
    """A live chart drawn as SVG by vl-convert (no browser, no JavaScript).

    A chart as wide as its container in the page is drawn 460 px wide.
    """
    import vl_convert

    from kpitools.explore.state import drawable

    if spec.get("width") == "container":
        spec = {**spec, "width": 460}
    return str(vl_convert.vegalite_to_svg(drawable(spec)))


def names_sorted(units: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The unit list's options sorted by name (diacritics ignored), then code."""
    from kpitools.charts import name_key

    return sorted(units, key=lambda o: (name_key(o[0]), o[1]))
