"""The look and the Vega parts every builder shares.

Fonts, colours, number locales, titles, tooltips, axes, dropdowns and unit pickers, and
the chart that shows nothing.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import altair as alt
import polars as pl

from kpitools.catalog import MetricCatalog
from kpitools.charts.accessibility import describe, mark_labels
from kpitools.charts.build import Built, become, fresh, spell_out, unchecked_builder, views_of
from kpitools.measures import (
    Bands,
)
from kpitools.vocab import LANGS, check_lang, word

#: Fonts that carry every Vietnamese letter, on Windows, macOS, Linux and Android.
FONT = "'Noto Sans', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif"


#: Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
STATUS_COLORS = {
    "behind": "#D55E00",
    "near": "#E69F00",
    "met": "#009E73",
    "exceeded": "#0072B2",
    "no target": "#999999",
}


#: Colours for bands with other names than the default ones, lowest band first.
_FALLBACK_COLORS = ("#D55E00", "#E69F00", "#F0E442", "#009E73", "#56B4E9", "#0072B2", "#CC79A7")


#: Number formats for Vega, by display language (``46.148``, ``188,1%`` in Vietnamese).
NUMBER_LOCALES: dict[str, dict[str, Any]] = {
    "vi": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " ₫"]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["", " VND"]},
}


#: The subtitle of a chart that shows synthetic rows, by display language.
SYNTHETIC_NOTE = {lang: word("chart.synthetic", lang) for lang in LANGS}


#: Longest label (in pixels) before Vega cuts it with an ellipsis; the full text stays
#: in the tooltip.
LABEL_LIMIT = 220


COUNT_FORMAT = ",.0f"


PERCENT_FORMAT = ".1%"


def config(chart: alt.TopLevelMixin, *, lang: str = "vi") -> alt.TopLevelMixin:
    """Apply kpitools' shared look and the number locale of ``lang`` to a chart."""
    # One Config in one step: every ``configure_*`` call would copy the whole chart again.
    return chart.properties(config=chart_config(check_lang(lang)).copy())


def styled(chart: Any, lang: str) -> Any:
    """:func:`config` for a chart a builder has just built: set in place, not copied.

    A copy of a layered or faceted chart rebuilds every layer, ~5 ms each time. The chart
    also gets its :func:`describe` as ``description`` (what screen readers announce), and
    it and every view inside it become :class:`Built`: shown without Altair's check
    against the schema, copied shallowly as they are.
    """
    chart.config = chart_config(check_lang(lang)).copy()
    chart.description = describe(chart, lang=lang)
    views = views_of(chart)
    for view in views:
        spell_out(view)
    mark_labels(chart, lang)
    for view in views:
        become(view, Built)
    return chart


def independent(*channels: str) -> alt.Resolve:
    """``resolve`` for a facet whose rows each get their own scale on ``channels``."""
    scales: dict[str, Any] = dict.fromkeys(channels, "independent")
    return alt.Resolve(scale=alt.ScaleResolveMap(**scales))


@functools.cache
def chart_config(lang: str) -> alt.Config:
    """The configuration of every chart in ``lang``: font, number locale, axes and legends."""
    # built once per language (a copy goes into each chart): building costs ~3 ms
    sizes: dict[str, Any] = {"labelFontSize": 12, "titleFontSize": 12, "labelLimit": LABEL_LIMIT}
    return alt.Config(
        font=FONT,
        locale=alt.Locale(number=alt.NumberLocale(**NUMBER_LOCALES[lang])),
        # Vega describes axes and legends to screen readers in English only: in a
        # Vietnamese chart the marks' own labels (in Vietnamese) speak for them
        axis=alt.AxisConfig(**sizes, aria=lang != "vi"),
        legend=alt.LegendConfig(**sizes, titleLimit=LABEL_LIMIT, aria=lang != "vi"),
        header=alt.HeaderConfig(**sizes, titleLimit=LABEL_LIMIT),
        title=alt.TitleConfig(
            fontSize=15, subtitleFontSize=12, subtitleColor="#8a4b00", anchor="start"
        ),
        view=alt.ViewConfig(stroke=None),
    )


def chart_title(
    title: str, synthetic: bool, lang: str, notes: Sequence[str] = ()
) -> alt.TitleParams:
    """A chart's title, with the synthetic-data note and ``notes`` as its subtitle."""
    # Vega draws no subtitle under an empty title, so the notes get a blank one.
    subtitle = [word("chart.synthetic", lang)] if synthetic else []
    subtitle += list(notes)
    return alt.TitleParams(title or (" " if subtitle else ""), subtitle=subtitle)


@unchecked_builder
def empty_chart(
    *, lang: str = "vi", title: str = "", message: str = "no_data"
) -> alt.TopLevelMixin:
    """A chart that says there is nothing to show (``message``: ``no_data`` or ``no_targets``).

    Examples
    --------
    >>> empty_chart(lang="en").to_dict()["mark"]["type"]
    'text'
    """
    return config(
        alt.Chart(
            pl.DataFrame({"t": [word(f"chart.{message}", lang)]}), title=title or alt.Undefined
        )
        .mark_text(fontSize=14, color="#666")
        .encode(text=alt.Text("t:N"))
        .properties(width=400, height=40),
        lang=lang,
    )


def status_keys(bands: Bands) -> list[str]:
    """The statuses of ``bands`` in legend order: its labels, then the one for a missing value."""
    return [*bands.labels, bands.missing]


def status_colors(bands: Bands) -> list[str]:
    """The colour of each of :func:`status_keys`: its named colour, else one spread over a scale."""
    n = len(bands.labels)
    picks = [
        _FALLBACK_COLORS[round(i * (len(_FALLBACK_COLORS) - 1) / max(n - 1, 1))] for i in range(n)
    ]
    colors = [
        STATUS_COLORS.get(label, pick) for label, pick in zip(bands.labels, picks, strict=True)
    ]
    return [*colors, STATUS_COLORS["no target"]]


def status_scale(bands: Bands, lang: str) -> alt.Scale:
    """The status colours, every band in the domain so colours agree from chart to chart."""
    domain = [bands.display(k, lang=lang) for k in status_keys(bands)]
    return alt.Scale(domain=domain, range=status_colors(bands))


def status_legend(lang: str) -> alt.Legend:
    """The legend of the status colours, titled in ``lang``."""
    return alt.Legend(title=word("chart.status", lang), orient="right")


def year_axis(years: list[int]) -> alt.Axis:
    """Every year labelled, or for a long series every fifth or tenth one.

    A long series (a member export counted over decades) labels only every fifth or tenth
    year, so that the labels do not run into each other.
    """
    if len(years) <= 20:
        return alt.Axis(labelAngle=0)
    step = 5 if len(years) <= 60 else 10
    return alt.Axis(labelAngle=0, values=[y for y in years if y % step == 0])


def unit_tooltip(lang: str, *extra: alt.Tooltip) -> list[alt.Tooltip]:
    """The tooltip of a unit's row in ``lang``: its figures and status, then ``extra``."""
    return [
        alt.Tooltip("unit_name:N", title=word("chart.unit", lang)),
        alt.Tooltip("year:O", title=word("chart.year", lang)),
        alt.Tooltip("actual:Q", title=word("chart.actual", lang), format=COUNT_FORMAT),
        alt.Tooltip("target:Q", title=word("chart.target", lang), format=COUNT_FORMAT),
        alt.Tooltip("attainment:Q", title=word("chart.attainment", lang), format=PERCENT_FORMAT),
        alt.Tooltip("status_label:N", title=word("chart.status", lang)),
        *extra,
    ]


def metric_dropdown(
    name: str, metrics: list[str], catalog: MetricCatalog, lang: str
) -> alt.Parameter:
    """A parameter ``name`` bound to a dropdown of ``metrics``, labelled in ``lang``."""
    return alt.param(
        name=name,
        value=metrics[0],
        bind=alt.binding_select(
            options=metrics,
            labels=[catalog.label(m, lang=lang) for m in metrics],
            name=f"{word('chart.metric', lang)}: ",
        ),
    )


def year_dropdown(
    name: str, years: list[int], lang: str, start: int | None = None
) -> alt.Parameter:
    """A parameter ``name`` bound to a dropdown of ``years`` (``start``, else the last)."""
    return alt.param(
        name=name,
        value=start if start in years else years[-1],
        bind=alt.binding_select(
            options=years, labels=[str(y) for y in years], name=f"{word('chart.year', lang)}: "
        ),
    )


def rule_at_one(axis: str) -> alt.Chart:
    """A rule at 100 %, with its own one-row data so it is drawn once."""
    rule = alt.Chart(pl.DataFrame({"one": [1.0]})).mark_rule(color="#333333", strokeDash=[4, 3])
    return rule.encode(x=alt.XDatum(1.0)) if axis == "x" else rule.encode(y=alt.YDatum(1.0))


def unit_picker(select: str, chosen: list[str]) -> tuple[list[alt.Parameter], str]:
    """The parameters behind ``select=`` and the Vega expression true for a chosen unit.

    The parameters are a point selection over ``unit_code`` (click a unit, shift-click adds
    one, double-click clears) that a front end reads, and the list ``<select>_marked`` of
    the unit codes drawn as chosen, which a front end may set.
    """
    marked = f"{select}_marked"
    params = [
        alt.selection_point(name=select, fields=["unit_code"], on="click", clear="dblclick"),
        alt.param(name=marked, value=chosen),
    ]
    return params, f"indexof({marked}, datum.unit_code) >= 0"


def when_test(channel: Any, test: str, yes: object, no: object) -> Any:
    """A value channel that depends on ``test``.

    Typed rather than ``alt.condition``: Altair turns a plain dict into a channel through a
    schema lookup costing ~2 ms each.
    """
    return channel(condition={"test": test, "value": yes}, value=no)


def stacked_parts(parts: list[Any], heading: str, lang: str) -> alt.TopLevelMixin:
    """Charts one above the other under one title (the config goes on the whole only)."""
    for part in parts:
        part.config = alt.Undefined
    stacked = alt.vconcat(*map(fresh, parts), spacing=24, title=chart_title(heading, False, lang))
    return styled(stacked, lang)
