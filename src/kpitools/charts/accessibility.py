"""What a chart says to a screen reader: its description in words and each mark's label."""

from __future__ import annotations

from typing import Any

import altair as alt
import polars as pl

from kpitools.charts.build import views_of
from kpitools.vocab import WORDS, word


def mark_labels(chart: Any, lang: str) -> None:
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

    views = views_of(chart)
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
