"""Altair chart builders. They return charts and never display them.

Every builder takes the long KPI table (or, for :func:`reconciliation_chart`, the output of
:func:`kpitools.measures.reconcile`) first and its options keyword-only; ``lang`` (``"vi"``
or ``"en"``) picks the labels from the metric catalog and the number locale Vega formats
with (``46.148`` and ``188,1%`` in Vietnamese). A chart that shows a synthetic row carries
:data:`SYNTHETIC_NOTE` as its subtitle; an empty selection gives :func:`empty_chart`.
Charts that compare units (heatmap, ranked, trend, slope) leave out rows of level
``city``: the city is the reference, not one of the units compared.

Where the reader may choose (the metric of :func:`heatmap_chart` with ``metric=None``, the
year of :func:`ranked_chart` with ``year=None``) the choice is a Vega parameter bound to a
dropdown, so it works in a static HTML file with no kernel.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import numbers
import re
from collections.abc import Callable, Sequence
from typing import Any, Literal, ParamSpec, TypeVar

import altair as alt
import polars as pl
from altair.utils.schemapi import SchemaBase, debug_mode
from altair.vegalite.v6.schema.channels import FieldChannelMixin

from kpitools.catalog import MetricCatalog
from kpitools.measures import (
    DEFAULT_BANDS,
    Bands,
    attainment,
    period_label,
    rank_within_year,
    share_of_parent,
    status,
    structures,
    whole_years,
    with_measures,
    with_periods,
)
from kpitools.registry import UnitRegistry
from kpitools.textfold import nfc, strip_diacritics
from kpitools.vocab import LANGS, WORDS, check_lang, word

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


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _unchecked(build: Callable[_P, _R]) -> Callable[_P, _R]:
    """A builder whose Altair objects are not each checked against the schema as made.

    Altair checks every object it makes (an axis, a tooltip, a mark) against its part of
    the Vega-Lite schema (~0.3 ms each, ~5 ms a chart). A builder's arguments are typed
    and its charts are checked whole by the tests, and by ``to_dict(validate=True)``.
    """

    @functools.wraps(build)
    def unchecked(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        _check_sizes(build.__name__, kwargs)
        with debug_mode(False):
            return build(*args, **kwargs)

    return unchecked


_SIZES = ("width", "height", "columns")


def _check_sizes(builder: str, kwargs: dict[str, Any]) -> None:
    """Refuse a size that is not a positive whole number, as Altair's part checks did.

    The builders skip Altair's check of each part, so without this a ``width="wide"``
    would pass the builder and draw a broken chart.
    """
    for name in _SIZES:
        value = kwargs.get(name)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise TypeError(f"{builder}: {name} must be a whole number of pixels, not {value!r}")
        if value <= 0:
            raise ValueError(f"{builder}: {name} must be positive, not {value!r}")


def config(chart: alt.TopLevelMixin, *, lang: str = "vi") -> alt.TopLevelMixin:
    """Apply kpitools' shared look and the number locale of ``lang`` to a chart."""
    # One Config in one step: every ``configure_*`` call would copy the whole chart again.
    return chart.properties(config=chart_config(check_lang(lang)).copy())


def _styled(chart: Any, lang: str) -> Any:
    """:func:`config` for a chart this module has just built: set in place, not copied.

    A copy of a layered or faceted chart rebuilds every layer, ~5 ms each time. The chart
    also gets its :func:`describe` as ``description`` (what screen readers announce), and
    it and every view inside it become :class:`_Built`: shown without Altair's check
    against the schema, copied shallowly as they are.
    """
    chart.config = chart_config(check_lang(lang)).copy()
    chart.description = describe(chart, lang=lang)
    views = _views(chart)
    for view in views:
        _spell_out(view)
    _mark_labels(chart, lang)
    for view in views:
        _become(view, _Built)
    return chart


#: A field channel's shorthand that names a field, and maybe its type (``"actual:Q"``).
_SHORTHAND = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)(?::([QNOT]))?")
_TYPES = {"Q": "quantitative", "N": "nominal", "O": "ordinal", "T": "temporal"}


def _spell_out(view: Any) -> None:
    """The view's channels written ``field=``, ``type=`` where the builder wrote a shorthand.

    Altair parses a shorthand (``"actual:Q"``) every time it draws the chart, with
    regular expressions and a look at the data's columns (~0.1 ms a channel, ~2 ms a
    chart); the spec it writes is the same.
    """
    for holder in (getattr(view, "encoding", None), getattr(view, "facet", None)):
        if not isinstance(holder, SchemaBase):
            continue
        values = [holder] if isinstance(holder, FieldChannelMixin) else holder._kwds.values()
        for value in values:
            for channel in value if isinstance(value, list) else [value]:
                if isinstance(channel, FieldChannelMixin):
                    _spelled(channel._kwds)  # type: ignore[attr-defined]


def _spelled(kwds: dict[str, Any]) -> None:
    """A channel's properties with its shorthand as Altair would read it, if that is plain.

    A channel that takes a type gets the shorthand's (a shorthand without one is left for
    Altair to infer from the data); one that takes none (``x2``) gets the field alone.
    """
    shorthand = kwds.get("shorthand")
    found = _SHORTHAND.fullmatch(shorthand) if isinstance(shorthand, str) else None
    if found is None or kwds.get("field", alt.Undefined) is not alt.Undefined:
        return
    if "type" in kwds and (found[2] is None or kwds["type"] is not alt.Undefined):
        return
    kwds.update(shorthand=alt.Undefined, field=found[1])
    if "type" in kwds:
        kwds["type"] = _TYPES[found[2]]


def _become(chart: Any, kind: type) -> Any:
    """``chart`` as ``kind`` (:class:`_Built` or :class:`_Fresh`) of its Altair class, in place.

    Altair keeps a chart's properties in its ``_kwds``, not as attributes: only the class
    changes (its name stays the Altair class's, which Altair hashes into view names).
    """
    altair = getattr(type(chart), "_altair", type(chart))
    made = _KINDS.get((kind, altair))
    if made is None:
        made = _KINDS[kind, altair] = type(altair.__name__, (kind, altair), {"_altair": altair})
    object.__setattr__(chart, "__class__", made)
    return chart


class _Built:
    """A chart as a builder here returns it: ``to_dict`` does not validate unless asked.

    Altair checks a spec against the Vega-Lite schema each time it is shown (~0.05 s a
    chart, the largest part of drawing one); the tests check every kind of chart this module
    builds against the schema instead (``tests/unit/test_charts.py``). Any change makes a
    copy, which is the plain Altair chart again and is checked as every chart is.

    Its shallow copy (which ``to_dict`` and every change make) takes the chart's properties
    as they are: Altair builds a layered or faceted chart again from them, merging the
    layers' parameters and data anew (~10 ms), which a chart built here has had.
    """

    _altair: type

    def to_dict(self, validate: bool = False, **kwargs: Any) -> Any:
        with debug_mode(False):  # parts made on the way (the named data) unchecked
            return super().to_dict(validate, **kwargs)  # type: ignore[misc]

    def copy(self, deep: Any = True, ignore: Any = None) -> Any:
        if deep is False:
            return _shallow(self, self._altair)
        out = super().copy(deep, ignore)  # type: ignore[misc]
        object.__setattr__(out, "__class__", self._altair)
        return out


class _Fresh:
    """A view this module is building, not yet returned: Altair's copies of it are shallow.

    Altair copies every part deeply each time it layers, facets or stacks charts (each
    layer ~4 times for a faceted layer chart, ~1 ms a copy: most of a chart's building).
    A view made here for the chart being built is referenced by nothing else, so its copy
    need only be new at the top, where Altair changes it; Altair still builds the copy
    (merging a layered chart's parameters, as ``LayerChart.add_params`` relies on).
    :func:`_styled` makes the views :class:`_Built` before the chart is returned.
    """

    def copy(self, deep: Any = True, ignore: Any = None) -> Any:
        return super().copy(deep if isinstance(deep, list) else False, ignore)  # type: ignore[misc]

    def __deepcopy__(self, memo: Any = None) -> Any:  # what Altair's deep copy asks first
        return self.copy(False)


def _shallow(chart: Any, cls: type) -> Any:
    out: Any = object.__new__(cls)
    object.__setattr__(out, "_args", chart._args)
    object.__setattr__(out, "_kwds", dict(chart._kwds))
    return out


_KINDS: dict[tuple[type, type], type] = {}


def _fresh(chart: Any) -> Any:
    """``chart`` and every view inside it :class:`_Fresh` (see there), in place."""
    for view in _views(chart):
        _become(view, _Fresh)
    return chart


def _layer(*layers: Any, **kwargs: Any) -> Any:
    """``alt.layer`` of views built here, without Altair's deep copies of them."""
    return _fresh(alt.layer(*(_fresh(layer) for layer in layers), **kwargs))


def _mark_labels(chart: Any, lang: str) -> None:
    """Each mark's label for screen readers: its tooltip's words and figures, in ``lang``.

    Vega-Lite would label a mark with the raw field names of channels without a title
    (``target: 9810``); a mark that shows data gets an ``aria`` description made of its
    tooltip (titles from the vocabulary, numbers in the chart's locale), and a mark without
    a tooltip (bands, rules, labels that repeat a neighbour) is left out of the reading.
    """
    known = {words[lang] for words in WORDS.values()}
    said: dict[int, list[str]] = {}  # layers share their chart's tooltip: read it once
    stack: list[tuple[Any, Any]] = [(chart, alt.Undefined)]
    while stack:
        view, inherited = stack.pop()
        encoding = getattr(view, "encoding", alt.Undefined)
        tooltip = (
            getattr(encoding, "tooltip", alt.Undefined)
            if encoding is not alt.Undefined
            else alt.Undefined
        )
        tooltip = inherited if tooltip is alt.Undefined else tooltip
        for attr in ("layer", "vconcat", "hconcat", "concat"):
            inners = getattr(view, attr, alt.Undefined)
            if isinstance(inners, list):
                stack.extend((inner, tooltip) for inner in inners)
        inner = getattr(view, "spec", alt.Undefined)
        if inner is not alt.Undefined and not isinstance(inner, dict):
            stack.append((inner, tooltip))
        mark: Any = getattr(view, "mark", alt.Undefined)
        if mark is alt.Undefined:
            continue
        parts = said.get(id(tooltip))
        if parts is None:
            parts = said[id(tooltip)] = _tooltip_words(tooltip, known)
        # a new mark of its own (the mark may be shared); only its top level changes
        view.mark = alt.MarkDef(type=mark) if isinstance(mark, str) else mark.copy(deep=False)  # type: ignore[arg-type]
        if parts:  # an expression of the mark's datum: no transform, no extra field
            view.mark.description = alt.ExprRef(" + '; ' + ".join(parts))
        else:
            view.mark.aria = False


def _tooltip_words(tooltip: Any, known: set[str]) -> list[str]:
    """Vega expressions that say a tooltip's titled fields (those with words of ours)."""
    import json

    parts = []
    for tip in tooltip if isinstance(tooltip, list) else []:
        spec = tip.to_dict(validate=False) if hasattr(tip, "to_dict") else tip
        field, title, fmt = spec.get("field"), spec.get("title"), spec.get("format")
        if not isinstance(field, str) or not isinstance(title, str) or title not in known:
            continue
        value = f"datum[{json.dumps(field)}]"
        shown = f"format({value}, {json.dumps(fmt)})" if isinstance(fmt, str) else f"'' + {value}"
        parts.append(f"{json.dumps(title + ': ')} + ({value} == null ? '–' : {shown})")
    return parts


def _views(chart: Any) -> list[Any]:
    """``chart`` and every view inside it (layers, concatenations, a facet's spec)."""
    views, stack = [], [chart]
    while stack:
        view = stack.pop(0)
        views.append(view)
        for attr in ("layer", "vconcat", "hconcat", "concat"):
            inner = getattr(view, attr, alt.Undefined)
            if isinstance(inner, list):
                stack.extend(inner)
        inner = getattr(view, "spec", alt.Undefined)
        if inner is not alt.Undefined and not isinstance(inner, dict):
            stack.append(inner)
    return views


def describe(chart: Any, *, lang: str = "vi") -> str:
    """What ``chart`` shows, in words of ``lang``, from its own data: kind, title, extremes.

    A chart of units' attainment names the highest and the lowest unit of its latest year
    (numbers written as in ``lang``); a chart of a unit's figures names them. Vega-Lite
    puts the text into the chart's ``description`` (the SVG's ``aria-label``) and reports
    show it under the chart.

    Examples
    --------
    >>> df = pl.DataFrame({"unit_name": ["Tây Hồ", "Ba Vì"], "year": [2023, 2023],
    ...                    "attainment": [2.094, 0.85]})
    >>> describe(alt.Chart(df, title="Tỷ lệ đạt").mark_bar(), lang="vi")
    'Biểu đồ cột: Tỷ lệ đạt; năm 2023: cao nhất Tây Hồ 209,4%, thấp nhất Ba Vì 85,0%'
    >>> describe(alt.Chart(df).mark_bar(), lang="en")
    'Bar chart; 2023: highest Tây Hồ 209.4%, lowest Ba Vì 85.0%'
    """
    from kpitools.numbers import format_number

    views = _views(chart)
    said = [_kind_and_title(chart, views, lang)]
    frames = [v.data for v in views if isinstance(getattr(v, "data", None), pl.DataFrame)]
    df = max(frames, key=lambda f: f.height) if frames else pl.DataFrame()
    name = "label" if "label" in df.columns else "unit_name"
    if {name, "attainment"} <= set(df.columns):
        said += _extremes(_first_shown(chart, df), name, lang)
    elif {"label", "actual", "target"} <= set(df.columns):
        for row in df.head(6).iter_rows(named=True):
            said.append(
                word(
                    "display.describe.figures",
                    lang,
                    label=row["label"],
                    actual=format_number(row["actual"], lang=lang),
                    target=format_number(row["target"], lang=lang),
                )
            )
    elif df.height:
        said.append(word("display.describe.rows", lang, n=df.height))
    return "; ".join(said)


def _kind_and_title(chart: Any, views: list[Any], lang: str) -> str:
    """The kind of chart and its title for :func:`describe`: "Bar chart: <title>"."""
    marks = [getattr(v, "mark", alt.Undefined) for v in views]
    marks = [m if isinstance(m, str) else getattr(m, "type", None) for m in marks]
    mark = next((m for m in marks if isinstance(m, str) and m != "rule"), "other")
    kind = word(f"display.describe.kind.{mark}", lang, default="")
    kind = kind or word("display.describe.kind.other", lang)
    title = getattr(chart, "title", alt.Undefined)
    text = getattr(title, "text", title)
    text = " ".join(text) if isinstance(text, list) else text
    return f"{kind}: {text.strip()}" if isinstance(text, str) and text.strip() else kind


def _first_shown(chart: Any, df: pl.DataFrame) -> pl.DataFrame:
    """The rows with a finite attainment that the chart's dropdowns (metric, year) show first."""
    rows = df.filter(pl.col("attainment").is_not_null() & pl.col("attainment").is_finite())
    params = getattr(chart, "params", alt.Undefined)
    for param in params if isinstance(params, list) else []:
        value = getattr(param, "value", alt.Undefined)
        for column in ("metric", "year"):
            if column in rows.columns and isinstance(value, str | int):
                chosen = pl.col(column).cast(pl.String) == str(value)
                if rows.filter(chosen).height:
                    rows = rows.filter(chosen)
    return rows


def _extremes(rows: pl.DataFrame, name: str, lang: str) -> list[str]:
    """The years shown and the highest and lowest unit of the latest year that compares units.

    Read in Python from the chart's few rows: a fresh kernel pays for each kind of polars
    query the first time it runs one (~0.5 ms), more than these rows take.
    """
    from kpitools.numbers import format_percent

    said: list[str] = []
    year = None
    has_year = "year" in rows.columns
    table = rows.select(name, "attainment", *(["year"] if has_year else [])).rows()
    if has_year and table:
        years = sorted({r[2] for r in table}, key=lambda y: (y is not None, y or 0))
        if len(years) > 1:
            said.append(word("display.describe.years", lang, years=f"{years[0]}–{years[-1]}"))
        year = _latest_compared(table, years)
        table = [r for r in table if r[2] == year]
    if table:
        best = max(table, key=lambda r: r[1])  # the first of equals, as a stable sort
        worst = min(table, key=lambda r: r[1])
        fields = {
            "year": year if year is not None else "",
            "best": best[0],
            "best_att": format_percent(best[1], lang=lang),
            "worst": worst[0],
            "worst_att": format_percent(worst[1], lang=lang),
        }
        key = "extremes" if len({r[0] for r in table}) > 1 else "one"
        said.append(word(f"display.describe.{key}", lang, **fields))
    return said


def _latest_compared(table: list[tuple[Any, ...]], years: list[Any]) -> Any:
    """The latest year with rows of several units (not one left alone after a reform)."""
    names: dict[Any, set[Any]] = {}
    for r in table:
        names.setdefault(r[2], set()).add(r[0])
    several = [y for y, seen in names.items() if len(seen) > 1 and y is not None]
    return max(several) if several else years[-1]


def _independent(*channels: str) -> alt.Resolve:
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


def _title(title: str, synthetic: bool, lang: str, notes: Sequence[str] = ()) -> alt.TitleParams:
    # Vega draws no subtitle under an empty title, so the notes get a blank one.
    subtitle = [word("chart.synthetic", lang)] if synthetic else []
    subtitle += list(notes)
    return alt.TitleParams(title or (" " if subtitle else ""), subtitle=subtitle)


# --- periods and structures ----------------------------------------------------------------


def _date_text(day: dt.date, lang: str) -> str:
    if lang == "vi":
        return f"{day.day}/{day.month}/{day.year}"
    return period_label(day.year, day, day, lang=lang).split("–")[-1]


def _structure_lines(
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


def _with_period_labels(df: pl.DataFrame, lang: str) -> tuple[pl.DataFrame, list[str]]:
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


@_unchecked
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


# --- shared pieces -----------------------------------------------------------------------


def _eager(frame: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame:
    # a KPI table is small: the in-memory engine (see kpitools.measures._ENGINE)
    return frame.collect(engine="in-memory") if isinstance(frame, pl.LazyFrame) else frame


def _synthetic(df: pl.DataFrame) -> bool:
    return "source" in df.columns and bool((df["source"] == "synthetic").any())


def _num(value: Any) -> float | None:
    """A finite float, or None (for None, NaN and ±inf)."""
    if value is None:
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def _finite_columns(df: pl.DataFrame, columns: Sequence[str]) -> pl.DataFrame:
    """Floats with NaN and ±inf read as missing, so no spec ever holds them."""
    return df.with_columns(
        pl.when(pl.col(c).cast(pl.Float64).is_finite()).then(pl.col(c).cast(pl.Float64)).alias(c)
        for c in columns
        if c in df.columns
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


def _status_scale(bands: Bands, lang: str) -> alt.Scale:
    """The status colours, every band in the domain so colours agree from chart to chart."""
    domain = [bands.display(k, lang=lang) for k in status_keys(bands)]
    return alt.Scale(domain=domain, range=status_colors(bands))


def _status_legend(lang: str) -> alt.Legend:
    return alt.Legend(title=word("chart.status", lang), orient="right")


def _metric_code(kpis: pl.DataFrame, metric: str, catalog: MetricCatalog) -> str:
    if metric in catalog or metric in set(kpis["metric"].unique().to_list()):
        return metric
    return catalog.resolve(metric)


def _units_only(kpis: pl.DataFrame) -> pl.DataFrame:
    if "level" not in kpis.columns:
        return kpis
    return kpis.filter(~(pl.col("level") == "city").fill_null(False))


def _measured(kpis: pl.DataFrame, *, bands: Bands, lang: str) -> pl.DataFrame:
    """The rows with finite numbers, attainment, status and the status label in ``lang``."""
    df = _finite_columns(kpis, ["actual", "target"])
    if "unit_name" not in df.columns:
        df = df.with_columns(pl.col("unit_code").alias("unit_name"))
    display = {k: bands.display(k, lang=lang) for k in status_keys(bands)}
    return _eager(with_measures(df, bands=bands)).with_columns(
        pl.col("status").replace_strict(display, return_dtype=pl.String).alias("status_label"),
        pl.col("unit_name").cast(pl.String).fill_null(pl.col("unit_code")),
    )


def _year_axis(years: list[int]) -> alt.Axis:
    """Every year labelled, or for a long series every fifth or tenth one.

    A long series (a member export counted over decades) labels only every fifth or tenth
    year, so that the labels do not run into each other.
    """
    if len(years) <= 20:
        return alt.Axis(labelAngle=0)
    step = 5 if len(years) <= 60 else 10
    return alt.Axis(labelAngle=0, values=[y for y in years if y % step == 0])


def _targeted_years(df: pl.DataFrame, keep: int | None = None) -> pl.DataFrame:
    """The rows of each metric's years in which some unit has a target (and of ``keep``).

    Attainment needs a target; a table counted over decades (from a member export) has
    targets for its last years only, and the other years would be empty columns or menus.
    """
    kept = pl.col("year").is_in([] if keep is None else [keep])
    targeted = (
        _finite_columns(df.select("metric", "year", "target"), ["target"])
        .filter(pl.col("target").is_not_null() | kept)
        .select("metric", "year")
        .unique()
    )
    return df.join(targeted, on=["metric", "year"], how="semi", maintain_order="left")


def _tooltip(lang: str, *extra: alt.Tooltip) -> list[alt.Tooltip]:
    return [
        alt.Tooltip("unit_name:N", title=word("chart.unit", lang)),
        alt.Tooltip("year:O", title=word("chart.year", lang)),
        alt.Tooltip("actual:Q", title=word("chart.actual", lang), format=COUNT_FORMAT),
        alt.Tooltip("target:Q", title=word("chart.target", lang), format=COUNT_FORMAT),
        alt.Tooltip("attainment:Q", title=word("chart.attainment", lang), format=PERCENT_FORMAT),
        alt.Tooltip("status_label:N", title=word("chart.status", lang)),
        *extra,
    ]


def name_key(name: str) -> tuple[str, str]:
    """A sort key for a unit's name: without diacritics and case first, then as written."""
    return strip_diacritics(nfc(name)).casefold(), name


def _unit_order(df: pl.DataFrame, sort: str) -> pl.DataFrame:
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


def _metric_dropdown(
    name: str, metrics: list[str], catalog: MetricCatalog, lang: str
) -> alt.Parameter:
    return alt.param(
        name=name,
        value=metrics[0],
        bind=alt.binding_select(
            options=metrics,
            labels=[catalog.label(m, lang=lang) for m in metrics],
            name=f"{word('chart.metric', lang)}: ",
        ),
    )


def _year_dropdown(
    name: str, years: list[int], lang: str, start: int | None = None
) -> alt.Parameter:
    return alt.param(
        name=name,
        value=start if start in years else years[-1],
        bind=alt.binding_select(
            options=years, labels=[str(y) for y in years], name=f"{word('chart.year', lang)}: "
        ),
    )


def _metrics_in_order(df: pl.DataFrame, catalog: MetricCatalog) -> list[str]:
    present = set(df["metric"].unique().to_list())
    known = [m for m in catalog.codes if m in present]
    return known + sorted(present - set(known))


def _rule_at_one(axis: str) -> alt.Chart:
    """A rule at 100 %, with its own one-row data so it is drawn once."""
    rule = alt.Chart(pl.DataFrame({"one": [1.0]})).mark_rule(color="#333333", strokeDash=[4, 3])
    return rule.encode(x=alt.XDatum(1.0)) if axis == "x" else rule.encode(y=alt.YDatum(1.0))


def _pick_units(df: pl.DataFrame, units: Sequence[str]) -> list[str]:
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


def _highlighted(df: pl.DataFrame, highlight: str | Sequence[str] | None) -> list[str]:
    """Unit codes of ``highlight`` (one code or exact name, or several)."""
    if highlight is None or df.is_empty():
        return []
    wanted = [highlight] if isinstance(highlight, str) else list(highlight)
    return _pick_units(df.with_columns(pl.col("unit_name").fill_null("")), wanted)


def _unit_picker(select: str, chosen: list[str]) -> tuple[list[alt.Parameter], str]:
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


def _when(channel: Any, test: str, yes: object, no: object) -> Any:
    """A value channel that depends on ``test``.

    Typed rather than ``alt.condition``: Altair turns a plain dict into a channel through a
    schema lookup costing ~2 ms each.
    """
    return channel(condition={"test": test, "value": yes}, value=no)


# --- bullet -----------------------------------------------------------------------------


def _prior_values(kpis: pl.DataFrame, prior: pl.DataFrame | str | None) -> list[float | None]:
    if prior is None:
        return [None] * kpis.height
    if isinstance(prior, str):
        if prior not in kpis.columns:
            raise ValueError(f"prior={prior!r} is not a column of the table")
        return [_num(v) for v in kpis[prior].to_list()]
    keys = [k for k in ("unit_code", "metric") if k in kpis.columns and k in prior.columns]
    if not keys or "actual" not in prior.columns:
        raise ValueError("a prior frame needs 'actual' and the key columns unit_code or metric")
    prev = prior.select(*keys, pl.col("actual").alias("_prior"))
    if prev.select(keys).is_duplicated().any():
        raise ValueError(f"the prior frame has more than one row for some {' and '.join(keys)}")
    joined = kpis.select(keys).join(prev, on=keys, how="left", maintain_order="left")
    return [_num(v) for v in joined["_prior"].to_list()]


def _bullet_data(
    kpis: pl.DataFrame,
    priors: list[float | None],
    *,
    catalog: MetricCatalog,
    lang: str,
    bands: Bands,
    row: str,
) -> pl.DataFrame:
    """One row per bullet: its figures, band edges, the end of its scale and its heading.

    Columns: the figures, the band edges ``b0``…``bN`` (null without a target), the end
    ``top`` of the row's scale and its ``heading``.
    """
    if row not in kpis.columns:
        raise ValueError(f"row={row!r} is not a column of the table")
    df = _finite_columns(kpis, ["actual", "target"]).with_columns(
        pl.when(pl.col("target") != 0).then(pl.col("target")).alias("target"),
        pl.Series("prior", priors, dtype=pl.Float64),
    )
    target = pl.col("target")
    most = pl.max_horizontal(
        pl.col("actual").fill_null(0.0),
        pl.col("prior").fill_null(0.0),
        target.fill_null(0.0) * max(bands.edges[-1], 1.0),
    )
    edges = [f"b{i}" for i in range(len(bands.edges) + 1)]
    display = {k: bands.display(k, lang=lang) for k in status_keys(bands)}
    texts = {c: pl.col(c).cast(pl.String).fill_null("") for c in df.columns}
    if "metric" in df.columns:
        names = {m: catalog.label(m, lang=lang) for m in df["metric"].unique().drop_nulls()}
        texts["metric"] = pl.col("metric").replace_strict(names, default="", return_dtype=pl.String)
    context = [c for c in ("metric", "unit_name", "year") if c in df.columns and c != row]
    df = df.with_columns(attainment(), texts[row].alias("label")).with_columns(
        status(bands=bands).replace_strict(display, return_dtype=pl.String),
        pl.when(target.is_not_null()).then(pl.lit(0.0)).alias("b0"),
        *[(target * edge).alias(f"b{i}") for i, edge in enumerate(bands.edges, 1)],
        pl.when(most > 0).then(most * 1.05).otherwise(pl.lit(1.0)).alias("top"),
    )
    headings = _headings(
        df["label"].to_list(),
        list(df.select(texts[c] for c in context).iter_rows()) if context else [()] * df.height,
        _synthetic_rows(df),
    )
    shown = [c for c in ("unit_name", "year") if c in df.columns and c != row]
    numbers = ["actual", "target", "prior", "attainment", *edges, "top"]
    return _finite_columns(df.select("label", *shown, *numbers, "status"), numbers).with_columns(
        pl.Series("heading", headings, dtype=pl.String)
    )


def _headings(
    labels: list[str], contexts: list[tuple[str, ...]], synthetic: list[bool]
) -> list[str]:
    """Distinct row headings (a facet draws one row per heading).

    Each is the label, then, for rows that share it, the metric, unit or year that tell
    them apart, and `` *`` if synthetic.
    """
    groups: dict[str, list[int]] = {}
    for i, label in enumerate(labels):
        groups.setdefault(label, []).append(i)
    headings: list[str] = []
    for i, label in enumerate(labels):
        same = groups[label]
        parts = [
            part
            for j, part in enumerate(contexts[i])
            if part and len({contexts[k][j] for k in same}) > 1
        ]
        heading = " · ".join([label, *parts])
        star = " *" if synthetic[i] else ""
        final, n = heading + star, 2
        while final in headings:
            final, n = f"{heading} ({n}){star}", n + 1
        headings.append(final)
    return headings


def _greys(n: int) -> list[str]:
    """``n`` shades of grey, darkest first (the band furthest below target)."""
    steps = [round(0x99 + (0xE6 - 0x99) * i / max(n - 1, 1)) for i in range(n)]
    return [f"#{s:02x}{s:02x}{s:02x}" for s in steps]


def _synthetic_rows(df: pl.DataFrame) -> list[bool]:
    if "source" not in df.columns:
        return [False] * df.height
    return (df["source"] == "synthetic").fill_null(False).to_list()


@_unchecked
def bullet_chart(
    kpis: pl.DataFrame,
    *,
    catalog: MetricCatalog,
    lang: str = "vi",
    bands: Bands = DEFAULT_BANDS,
    row: str = "metric",
    prior: pl.DataFrame | str | None = None,
    title: str = "",
    width: int = 460,
) -> alt.TopLevelMixin:
    """Bullet graphs (Stephen Few): one row per metric (or per unit with ``row="unit_name"``).

    Each row has its own scale: grey bands at the status edges (shades of one hue), a dark
    bar for the actual figure and a black tick at the target. Rows without a target (or
    with a target of 0) show the bar only. ``prior`` adds a white diamond at last year's
    figure: the name of a column of ``kpis`` (e.g. ``actual_prev`` from
    :func:`kpitools.measures.yoy_change`) or a frame of last year's rows, matched on
    ``unit_code`` and ``metric``. Tooltips give unit, year, actual, target, attainment and
    status. Rows are kept in the order given; a synthetic row's label ends in `` *``.

    The chart is one layered chart over one dataset, faceted by row with independent x
    scales, so the spec stays small however many rows there are.

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
    >>> [r["b1"] for r in spec["datasets"][spec["data"]["name"]]]
    [62.1]
    """
    check_lang(lang)
    if kpis.is_empty():
        return empty_chart(lang=lang, title=title)
    synthetic = _synthetic(kpis) or (isinstance(prior, pl.DataFrame) and _synthetic(prior))
    data = _bullet_data(
        kpis, _prior_values(kpis, prior), catalog=catalog, lang=lang, bands=bands, row=row
    )
    tooltip = [
        alt.Tooltip(
            "label:N", title=word("chart.metric" if row == "metric" else "chart.unit", lang)
        )
    ]
    tooltip += [
        alt.Tooltip(f"{column}:N", title=word(f"chart.{key}", lang))
        for column, key in (("unit_name", "unit"), ("year", "year"))
        if column in data.columns
    ]
    tooltip += [
        alt.Tooltip("actual:Q", title=word("chart.actual", lang), format=COUNT_FORMAT),
        alt.Tooltip("target:Q", title=word("chart.target", lang), format=COUNT_FORMAT),
        alt.Tooltip("attainment:Q", title=word("chart.attainment", lang), format=PERCENT_FORMAT),
        alt.Tooltip("status:N", title=word("chart.status", lang)),
    ]
    if prior is not None:
        tooltip.append(alt.Tooltip("prior:Q", title=word("chart.prior", lang), format=COUNT_FORMAT))

    # One scale per row from 0 to ``top``; the invisible point at ``top`` sets its end.
    scale = alt.Scale(zero=True, nice=False)
    axis = alt.Axis(format=COUNT_FORMAT, tickMinStep=1)

    def x(field: str) -> alt.X:
        return alt.X(f"{field}:Q", title=None, scale=scale, axis=axis)

    edges = [f"b{i}" for i in range(len(bands.edges) + 1)]
    layers = [
        # Null edges (no target) are not drawn: Vega-Lite filters invalid x values.
        alt.Chart().mark_bar(size=26, color=shade).encode(x=x(start), x2=alt.X2(end))
        for start, end, shade in zip(edges, [*edges[1:], "top"], _greys(len(edges)), strict=True)
    ]
    layers.append(alt.Chart().mark_bar(size=10, color="#333333").encode(x=x("actual")))
    layers.append(alt.Chart().mark_tick(thickness=3, size=24, color="black").encode(x=x("target")))
    if prior is not None:
        layers.append(
            alt.Chart()
            .mark_point(
                shape="diamond", filled=True, fill="white", stroke="black", size=70, opacity=1
            )
            .encode(x=x("prior"))
        )
    layers.append(alt.Chart().mark_point(opacity=0).encode(x=x("top")))
    chart = _layer(
        *layers, data=data, width=width, height=26, encoding=alt.SharedEncoding(tooltip=tooltip)
    ).facet(
        row=alt.Row(
            "heading:N",
            title=None,
            sort=data["heading"].to_list(),
            header=alt.Header(
                labelAngle=0,
                labelOrient="top",
                labelAnchor="start",
                labelAlign="left",
                labelLimit=width,
                labelPadding=-6,  # the label sits just above its bar
            ),
        ),
        spacing=14,
        title=_title(title, synthetic, lang),
        resolve=_independent("x"),
    )
    return _styled(chart, lang)


# --- heatmap ----------------------------------------------------------------------------


def _attainment_domain(values: pl.Series) -> list[float]:
    """A colour domain around 100 %: at least 80–120 %, at most 0–200 % (beyond is clamped)."""
    finite = values.drop_nulls()
    lo = min(float(finite.min()), 0.8) if len(finite) else 0.8  # type: ignore[arg-type]
    hi = max(float(finite.max()), 1.2) if len(finite) else 1.2  # type: ignore[arg-type]
    return [round(max(lo, 0.0), 4), round(min(hi, 2.0), 4)]


@_unchecked
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
    df = _units_only(with_periods(kpis) if "period_start" in kpis.columns else kpis)
    code = None if metric is None else _metric_code(df, metric, catalog)
    heading = title or (
        word("chart.heat_title", lang) if code is None else catalog.label(code, lang=lang)
    )
    if code is not None:
        df = df.filter(pl.col("metric") == code)
    if df.is_empty():
        return empty_chart(lang=lang, title=heading)
    chosen = _highlighted(df, highlight)  # a unit may have rows only in untargeted years
    df = _targeted_years(df)
    if df.is_empty():
        return empty_chart(lang=lang, title=heading, message="no_targets")
    df, period_labels = _with_period_labels(df, lang)
    m = _unit_order(_measured(df, bands=bands, lang=lang), sort)
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
        picker, marked = _unit_picker(select, chosen)
    elif chosen:
        data = data.with_columns(pl.col("unit_code").is_in(chosen).alias("highlight"))
    if period_labels:
        x = alt.X(
            "period:O", title=None, sort=period_labels, axis=alt.Axis(orient="top", labelAngle=0)
        )
    else:
        x = alt.X("year:O", title=None, axis=alt.Axis(orient="top", labelAngle=0))
    y = alt.Y("unit_name:N", title=None, sort=alt.EncodingSortField("order", op="min"))
    tooltip = _tooltip(lang)
    has_target = "isValid(datum.attainment)"
    outline: dict[str, Any] = {}
    if picker or chosen:
        outline = {
            "stroke": _when(alt.StrokeValue, marked, "black", "white"),
            "strokeWidth": _when(alt.StrokeWidthValue, marked, 2, 1),
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
            color=_when(
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
    chart = _layer(
        cells,
        labels,
        blanks,
        dashes,
        data=data,
        width=alt.Step(96 if period_labels else 52),
        height=alt.Step(20),
        title=_title(heading, _synthetic(df), lang, _structure_lines(df, registry, lang)),
    )
    if code is None:
        choice = _metric_dropdown("heatmap_metric", _metrics_in_order(data, catalog), catalog, lang)
        chart = chart.add_params(choice).transform_filter(alt.datum.metric == choice)
    return _styled(chart, lang)


# --- ranked -----------------------------------------------------------------------------


def _in_period(df: pl.DataFrame, start: dt.date | None) -> pl.DataFrame:
    """The rows of the period that starts on ``start`` (all rows when it is None)."""
    if start is None:
        return df
    return with_periods(df).filter(pl.col("period_from") == start)


def _stacked(parts: list[Any], heading: str, lang: str) -> alt.TopLevelMixin:
    """Charts one above the other under one title (the config goes on the whole only)."""
    for part in parts:
        part.config = alt.Undefined
    stacked = alt.vconcat(*map(_fresh, parts), spacing=24, title=_title(heading, False, lang))
    return _styled(stacked, lang)


def _ranked_menu(
    data: pl.DataFrame, period_labels: list[str], year: int | None, lang: str
) -> tuple[alt.Parameter, str]:
    """The dropdown of :func:`ranked_chart` and the field it filters: years, or periods."""
    if not period_labels:
        years = sorted(set(data["year"].to_list()))
        return _year_dropdown("ranked_year", years, lang, year), "year"
    shown = [p for p in period_labels if p in set(data["period"].to_list())]
    latest = [p for p in shown if p.endswith(str(year))] if year is not None else []
    choice = alt.param(
        name="ranked_year",
        value=(latest or shown)[-1],
        bind=alt.binding_select(
            options=shown, labels=shown, name=f"{word('table.period', lang)}: "
        ),
    )
    return choice, "period"


@_unchecked
def ranked_chart(
    kpis: pl.DataFrame,
    *,
    catalog: MetricCatalog,
    metric: str,
    year: int | None = None,
    lang: str = "vi",
    bands: Bands = DEFAULT_BANDS,
    highlight: str | Sequence[str] | None = None,
    title: str = "",
    width: int = 420,
    menu: bool | None = None,
    select: str | None = None,
    period: dt.date | None = None,
    registry: UnitRegistry | None = None,
) -> alt.TopLevelMixin:
    """Units ranked by attainment in one year, best first, with a dashed rule at 100 %.

    Bars are coloured by status and labelled with the attainment; units without a target
    are listed last with the words "no target" in place of a bar. ``highlight`` (a unit
    code or exact name, or several) outlines that unit's bar and writes its label in bold.
    With ``menu=True`` (the default when ``year`` is None) a dropdown chooses among the
    years in which some unit has a target, starting at ``year`` (or the latest).

    ``select`` makes the chart report clicks to Python (``alt.JupyterChart``): a point
    selection of that name over ``unit_code`` (click a bar, shift-click adds one,
    double-click clears), and the outlined units become the list parameter
    ``<select>_marked``, which a front end may set (see :mod:`kpitools.explore`).

    Units are ranked only against units of the same period (see
    :func:`kpitools.measures.with_periods`): a year split into periods (2025: the first
    half by district, the second by new unit) is drawn as one ranking per period, one
    above the other, unless ``period`` (the first day of one) chooses one; the menu then
    lists the periods rather than the years. The subtitle says which units are ranked
    (``30 quận, huyện, thị xã · 2023``); a ``registry`` lets it name their types.

    Examples
    --------
    >>> from kpitools.catalog import MetricCatalog
    >>> cat = MetricCatalog.from_frame(pl.DataFrame({"code": ["m"], "label_vi": ["Chỉ số"],
    ...     "label_en": ["Metric"], "unit_vi": ["người"], "unit_en": ["people"],
    ...     "kind": ["count"]}))
    >>> df = pl.DataFrame({"unit_code": ["001", "017"], "unit_name": ["Ba Đình", "Đông Anh"],
    ...     "year": [2023, 2023], "metric": ["m", "m"], "target": [100.0, 100.0],
    ...     "actual": [95.0, 120.0], "source": ["synthetic"] * 2})
    >>> spec = ranked_chart(df, catalog=cat, metric="m", year=2023).to_dict()
    >>> spec["layer"][-1]["encoding"]["x"]["datum"]
    1.0
    """
    check_lang(lang)
    df = _units_only(with_periods(kpis) if "period_start" in kpis.columns else kpis)
    code = _metric_code(df, metric, catalog)
    label = catalog.label(code, lang=lang)
    menu = year is None if menu is None else menu
    heading = title or (label if menu else f"{label} – {year}")
    df = df.filter(pl.col("metric") == code)
    chosen = _highlighted(df, highlight)
    lines = _structure_lines(
        df if year is None or menu else df.filter(pl.col("year") == year), registry, lang, period
    )
    df = _in_period(df, period)
    if year is not None and not menu:
        df = df.filter(pl.col("year") == year)
        starts = with_periods(df)["period_from"].unique().sort().to_list() if df.height else []
        if len(starts) > 1:
            options: dict[str, Any] = {"catalog": catalog, "metric": code, "year": year}
            options |= {"lang": lang, "bands": bands, "width": width, "registry": registry}
            parts = [
                # a selection's name is defined once: the first ranking carries it
                ranked_chart(
                    df,
                    **options,
                    highlight=chosen or None,
                    title=" ",
                    menu=False,
                    select=select if n == 0 else None,
                    period=start,
                )
                for n, start in enumerate(starts)
            ]
            return _stacked(parts, heading, lang)
    elif df.height:
        df = _targeted_years(df, keep=year)  # a year nobody has a target for ranks nothing
        if df.is_empty():
            return empty_chart(lang=lang, title=heading, message="no_targets")
    if df.is_empty():
        return empty_chart(lang=lang, title=heading)
    df, period_labels = _with_period_labels(df, lang)
    groups = ["year", *(["period"] if period_labels else [])]
    m = _eager(rank_within_year(_measured(df, bands=bands, lang=lang), level=False))
    m = m.sort(*groups, pl.col("attainment").is_null(), "rank", "unit_code").with_columns(
        pl.int_range(pl.len()).over(groups).cast(pl.Int32).alias("order"),
        pl.col("unit_code").is_in(chosen).alias("highlight"),
    )
    data = m.select(
        "unit_code",
        "unit_name",
        "year",
        "actual",
        "target",
        "attainment",
        "status_label",
        "rank",
        "order",
        "highlight",
        *(["period"] if period_labels else []),
    )
    top = max(1.1, float(data["attainment"].max() or 0.0) * 1.18)  # type: ignore[arg-type]
    x_scale = alt.Scale(domain=[0, round(top, 4)], nice=False)
    y = alt.Y("unit_name:N", title=None, sort=alt.EncodingSortField("order", op="min"))
    tooltip = _tooltip(lang, alt.Tooltip("rank:O", title=word("chart.rank", lang)))
    picker: list[alt.Parameter] = []
    marked = "datum.highlight"
    if select is not None:
        picker, marked = _unit_picker(select, chosen)
    bars = (
        alt.Chart(data)
        .mark_bar(height={"band": 0.75})
        .encode(
            x=alt.X(
                "attainment:Q",
                scale=x_scale,
                title=word("chart.attainment", lang),
                axis=alt.Axis(format=".0%", grid=True),
            ),
            y=y,
            color=alt.Color(
                "status_label:N", scale=_status_scale(bands, lang), legend=_status_legend(lang)
            ),
            stroke=_when(alt.StrokeValue, marked, "black", None),
            strokeWidth=_when(alt.StrokeWidthValue, marked, 2, 0),
            tooltip=tooltip,
        )
        .transform_filter("isValid(datum.attainment)")
        .add_params(*picker)
    )

    def labels(bold: bool) -> list[alt.Chart]:
        weight: Literal["bold", "normal"] = "bold" if bold else "normal"
        which = marked if bold else ("!datum.highlight" if select is None else f"!({marked})")
        values = (
            alt.Chart(data)
            .mark_text(align="left", dx=4, fontSize=11, fontWeight=weight)
            .encode(
                x=alt.X("attainment:Q", scale=x_scale),
                y=y,
                text=alt.Text("attainment:Q", format=PERCENT_FORMAT),
                tooltip=tooltip,
            )
            .transform_filter(f"isValid(datum.attainment) && {which}")
        )
        no_target = (
            alt.Chart(data)
            .mark_text(
                align="left",
                dx=4,
                fontSize=11,
                color="#666666",
                fontStyle="italic",
                fontWeight=weight,
            )
            .encode(x=alt.XDatum(0), y=y, text=alt.Text("status_label:N"), tooltip=tooltip)
            .transform_filter(f"!isValid(datum.attainment) && {which}")
        )
        return [values, no_target]

    layers = [bars, *labels(bold=False), *labels(bold=True)]
    if menu:
        choice, field = _ranked_menu(data, period_labels, year, lang)
        layers = [layer.transform_filter(getattr(alt.datum, field) == choice) for layer in layers]
    chart = _layer(
        *layers,
        _rule_at_one("x"),
        width=width,
        height=alt.Step(18),
        title=_title(heading, _synthetic(df), lang, lines),
    )
    if menu:
        chart = chart.add_params(choice)
    return _styled(chart, lang)


# --- trend ------------------------------------------------------------------------------


def _with_reference(
    m: pl.DataFrame, reference: pl.DataFrame | None, metric: str
) -> tuple[pl.DataFrame, str | None, bool]:
    """Join the reference's attainment per year; return the frame, its name, synthetic."""
    if reference is None:
        return m.with_columns(ref_attainment=pl.lit(None, pl.Float64)), None, False
    need = {"year", "metric", "actual", "target"} - set(reference.columns)
    if need:
        raise ValueError(f"the reference lacks the column(s) {', '.join(sorted(need))}")
    ref = _finite_columns(reference.filter(pl.col("metric") == metric), ["actual", "target"])
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
    return joined, name, _synthetic(ref)


_ROMAN = ("I", "II", "III", "IV", "V", "VI")


def _period_axis(m: pl.DataFrame, lang: str) -> tuple[pl.DataFrame, list[str]]:
    """The trend and slope charts' x by period, when a year of ``m`` is split.

    Adds ``x_label`` (the year for a whole year, ``2025 (I)``, ``2025 (II)`` for the parts
    of a split one), ``period`` (:func:`~kpitools.measures.period_label`: ``1/7–31/12/2025``,
    named in the tooltips), ``period_index`` and ``reform`` (the first period of a new
    structure: one that starts inside its year). Returns the frame and the x labels in
    order; no labels (and the frame as it was) when every row covers its whole year.
    """
    m, labels = _with_period_labels(m, lang)
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


def _reform_layers(
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


def _period_tooltip(tooltip: list[alt.Tooltip], lang: str) -> list[alt.Tooltip]:
    """The tooltip with the period (``1/7–31/12/2025``) in place of the year."""
    out = []
    for tip in tooltip:
        spec = tip.to_dict(validate=False)
        if isinstance(spec, dict) and spec.get("field") == "year":
            out.append(alt.Tooltip("period:N", title=word("chart.year", lang)))
        else:
            out.append(tip)
    return out


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


@_unchecked
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
    df = kpis if units is not None else _units_only(kpis)
    code = _metric_code(df, metric, catalog)
    heading = title or catalog.label(code, lang=lang)
    df = df.filter(pl.col("metric") == code)
    if "unit_name" not in df.columns:
        df = df.with_columns(pl.col("unit_code").alias("unit_name"))
    picked = _pick_units(df, units) if units is not None and not df.is_empty() else None
    if picked is not None:
        df = df.filter(pl.col("unit_code").is_in(picked))
    if df.is_empty():
        return empty_chart(lang=lang, title=heading)
    m = _measured(df, bands=bands, lang=lang)
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
    m, x_labels = _period_axis(m, lang)
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
    tooltip = _tooltip(lang, *extra)
    if x_labels:
        tooltip = _period_tooltip(tooltip, lang)
    series, y_title, y_format = _trend_series(value, ref_label, lang)
    line_scale = alt.Scale(domain=[s[1] for s in series], range=[s[2] for s in series])
    dash_scale = alt.Scale(domain=[s[1] for s in series], range=[s[3] for s in series])
    # the years that are drawn: those with a value on one of the lines
    drawn = data.filter(pl.any_horizontal(pl.col(f).is_not_null() for f, *_ in series))["year"]
    x = alt.X("year:O", title=None, axis=_year_axis(drawn.unique().sort().to_list()))
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
                "status_label:N", scale=_status_scale(bands, lang), legend=_status_legend(lang)
            ),
            tooltip=tooltip,
        )
        .transform_filter(f"datum.key == '{series[0][0]}' && isValid(datum.value)")
    )
    layers += _reform_layers(data, x, lang)
    step = 48 if x_labels else 34  # "2025 (II)" is wider than a year
    steps = len(x_labels) if x_labels else data["year"].n_unique()
    chart = _layer(*layers, data=long, width=width or max(150, step * steps), height=height).facet(
        facet=alt.Facet(
            "unit_name:N",
            title=None,
            sort=facet_order,
            header=alt.Header(labelFontWeight="bold"),
        ),
        columns=max(1, min(columns, len(facet_order))),
        title=_title(heading, _synthetic(df) or ref_synthetic, lang),
        resolve=_independent("y") if value == "actual" else alt.Undefined,
    )
    return _styled(chart, lang)


# --- slope ------------------------------------------------------------------------------


@_unchecked
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
    df = _units_only(kpis)
    code = _metric_code(df, metric, catalog)
    heading = title or f"{catalog.label(code, lang=lang)}: {start} → {end}"
    df = df.filter(pl.col("metric") == code, pl.col("year").is_in([start, end]))
    chosen = None
    if highlight is not None and not df.is_empty():
        chosen = _pick_units(df.with_columns(pl.col("unit_name").fill_null("")), [highlight])[0]
    if df.is_empty():
        return empty_chart(lang=lang, title=heading)
    m = _measured(df, bands=bands, lang=lang).with_columns(pl.col(value).alias("value"))
    m, x_labels = _period_axis(m, lang)
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
    opacity = _when(alt.OpacityValue, "datum.highlight", 1, 0.35 if chosen else 0.9)
    layers: list[alt.Chart] = []
    if value == "attainment":
        layers.append(_rule_at_one("y"))
    base = alt.Chart(data).transform_filter("isValid(datum.value)")
    layers.append(
        base.mark_line().encode(
            x=x,
            y=y,
            detail=alt.Detail("unit_code:N"),
            color=color,
            opacity=opacity,
            strokeWidth=_when(alt.StrokeWidthValue, "datum.highlight", 3.5, 1.5),
        )
    )
    tooltip = _period_tooltip(_tooltip(lang), lang) if x_labels else _tooltip(lang)
    layers.append(
        base.mark_point(filled=True, size=40).encode(
            x=x, y=y, color=color, opacity=opacity, tooltip=tooltip
        )
    )
    layers += _reform_layers(data, x, lang, own_data=True)
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
    chart = _layer(*layers, width=width, height=height, title=_title(heading, _synthetic(df), lang))
    return _styled(chart, lang)


# --- reconciliation ---------------------------------------------------------------------

_RECON_COLUMNS = ("unit_code", "year", "metric", "parent_actual", "children_actual", "difference")


@_unchecked
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
        synthetic = _synthetic(recon) if "source" in recon.columns else True
    df = _finite_columns(recon, ["parent_actual", "children_actual", "difference"])
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
    order = [catalog.label(m, lang=lang) for m in _metrics_in_order(df, catalog)]
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
    chart = _layer(bars, *labels, data=data, width=width, height=alt.Step(12)).facet(
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
        title=_title(heading, synthetic, lang),
        resolve=_independent("x", "y"),
    )
    return _styled(chart, lang)


# --- composition --------------------------------------------------------------------------


@_unchecked
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
    code = _metric_code(kpis, metric, catalog)
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
            return _stacked(parts, heading, lang)
        df = _in_period(df, period)
    units = df.filter(pl.col("unit_code").is_in(registry.children(parent, year=year)))
    if units.is_empty():
        return empty_chart(lang=lang, title=heading)
    shared = share_of_parent(df, registry=registry).filter(
        pl.col("unit_code").is_in(units["unit_code"].implode())
    )
    data = (
        _measured(shared, bands=bands, lang=lang)
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
    data = _finite_columns(data, ["share"])
    y = alt.Y(
        "unit_name:N",
        title=None,
        sort=alt.EncodingSortField("actual", order="descending"),
        axis=alt.Axis(labelLimit=220),
    )
    tooltip = _tooltip(lang, alt.Tooltip("share:Q", title=word("chart.share", lang), format=".1%"))
    bars = (
        alt.Chart(data)
        .mark_bar(height={"band": 0.75})
        .encode(
            x=alt.X(
                "actual:Q", title=word("chart.actual", lang), axis=alt.Axis(format=COUNT_FORMAT)
            ),
            y=y,
            color=alt.Color(
                "status_label:N", scale=_status_scale(bands, lang), legend=_status_legend(lang)
            ),
            tooltip=tooltip,
        )
    )
    shares = (
        alt.Chart(data)
        .mark_text(align="left", dx=4, fontSize=11)
        .encode(x=alt.X("actual:Q"), y=y, text=alt.Text("share:Q", format=".1%"), tooltip=tooltip)
    )
    chart = _layer(
        bars,
        shares,
        width=width,
        height=alt.Step(18),
        title=_title(heading, _synthetic(units), lang, _structure_lines(units, registry, lang)),
    )
    return _styled(chart, lang)
