"""Formatted tables for notebooks and reports (numbers in Vietnamese by default)."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import polars as pl

from kpitools.catalog import MetricCatalog
from kpitools.errors import ParameterError
from kpitools.measures import (
    DEFAULT_BANDS,
    Bands,
    consistency,
    movers,
    pace,
    period_label,
    rank_within_year,
    structure_label,
    subset,
    with_measures,
    with_periods,
)

if TYPE_CHECKING:
    from kpitools.display import Html
    from kpitools.registry import UnitRegistry
from kpitools.numbers import NumberFormatError, format_number, format_percent, parse_percent
from kpitools.vocab import LANGS, check_lang, word

#: What the ``source`` column says for synthetic rows, by display language.
SYNTHETIC_LABEL = {lang: word("table.synthetic", lang) for lang in LANGS}
_MARKS = {True: "✓", False: "✗", None: ""}


@dataclass(frozen=True)
class Table:
    """A formatted table: every cell already a display string.

    Renders as escaped HTML in notebooks (``_repr_html_``); ``frame`` holds the strings,
    ``status`` the status key of each row (for colouring) and ``synthetic`` which rows are
    invented data.

    Examples
    --------
    >>> table = Table(pl.DataFrame({"Unit": ["Đông Anh"], "Attainment": ["97,4%"]}),
    ...               status=("near",), caption="Admissions 2023")
    >>> '<th scope="col">Unit</th>' in table._repr_html_()
    True
    >>> table.frame.row(0)
    ('Đông Anh', '97,4%')
    >>> html = table._repr_html_()
    >>> '<tr class="kt-status-near"><td>Đông Anh</td>' in html, "<caption>" in html
    (True, True)
    """

    frame: pl.DataFrame
    status: tuple[str | None, ...] = ()
    synthetic: tuple[bool, ...] = ()
    caption: str = ""
    lang: str = "vi"
    empty: str = ""  # what a table without rows says (default: that there is no data)
    #: A second line under the caption: which units the table compares, over which period.
    structure: str = ""

    def replace(self, **changes: object) -> Table:
        """A copy with some fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]

    def _repr_html_(self) -> str:
        e = html.escape
        head = "".join(f'<th scope="col">{e(c)}</th>' for c in self.frame.columns)
        body = []
        for i, row in enumerate(self.frame.iter_rows()):
            status = self.status[i] if i < len(self.status) else None
            synthetic = i < len(self.synthetic) and self.synthetic[i]
            classes = [f"kt-status-{e((status or 'none').replace(' ', '-'))}"]
            if synthetic:
                classes.append("kt-synthetic")
            cells = "".join(f"<td>{e(str(v))}</td>" for v in row)
            body.append(f'<tr class="{" ".join(classes)}">{cells}</tr>')
        if not body:
            said = self.empty or word("table.empty", self.lang)
            span = max(len(self.frame.columns), 1)
            body.append(f'<tr class="kt-empty"><td colspan="{span}">{e(said)}</td></tr>')
        said = e(self.caption)
        if self.structure:
            said += f'{"<br>" if said else ""}<span class="kt-structure">{e(self.structure)}</span>'
        caption = f"<caption>{said}</caption>" if said else ""
        # the box scrolls sideways on a narrow screen; the page does not
        return (
            f'<div class="kt-table-box"><table class="kt-table">{caption}<thead><tr>{head}'
            f"</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
        )


def _decimals(stated: str | None, default: int = 1) -> int:
    """Show a computed percentage at the precision the source wrote it with, if any."""
    if not stated:
        return default
    try:
        return parse_percent(stated).decimals
    except NumberFormatError:
        return default


def _fmt_num(x: float | None, lang: str) -> str:
    return format_number(x, lang=lang) if x is not None else "–"


def kpi_table(
    kpis: pl.DataFrame,
    *,
    catalog: MetricCatalog,
    lang: str = "vi",
    bands: Bands = DEFAULT_BANDS,
    label: str = "metric",
    columns: Sequence[str] = (
        "actual",
        "target",
        "attainment",
        "variance",
        "status",
        "stated",
        "check",
        "as_of",
        "source",
    ),
    caption: str = "",
) -> Table:
    """Targets against results, one row per input row, formatted for reading.

    ``label`` is ``"metric"`` (rows labelled by metric) or ``"unit"`` (by unit name).
    Attainment is shown with one decimal, or with as many as the source document used
    for its stated percentage (109/69 → ``158%`` beside a stated ``158%``); a missing or
    zero target shows its reason instead of a number. ``stated`` is the percentage the
    source document wrote and ``check`` says whether it follows from the numbers (✓ / ✗).

    Examples
    --------
    >>> from kpitools.catalog import MetricCatalog
    >>> cat = MetricCatalog.from_frame(pl.DataFrame({"code": ["m"], "label_vi": ["Kết nạp"],
    ...     "label_en": ["Admitted"], "unit_vi": ["người"], "unit_en": ["people"],
    ...     "kind": ["count"]}))
    >>> df = pl.DataFrame({"metric": ["m"], "unit_name": ["Hà Nội"], "actual": [852.0],
    ...     "target": [453.0], "as_of": [None], "source": ["seed"], "stated_percent": ["188,1%"]})
    >>> kpi_table(df, catalog=cat, columns=("actual", "target", "attainment", "check")).frame.row(0)
    ('Kết nạp', '852', '453', '188,1%', '✓')
    """
    check_lang(lang)
    df = with_measures(kpis, bands=bands)
    if "stated_percent" not in df.columns:
        df = df.with_columns(stated_percent=pl.lit(None, pl.String))
    df = consistency(df)
    out: dict[str, list[str]] = {word(f"table.{label}", lang): []}
    for c in columns:
        out[word(f"table.{c}", lang)] = []
    for r in df.iter_rows(named=True):
        first = catalog.label(r["metric"], lang=lang) if label == "metric" else r["unit_name"]
        out[word(f"table.{label}", lang)].append(first)
        cells = {
            "actual": _fmt_num(r["actual"], lang),
            "target": _fmt_num(r["target"], lang),
            "attainment": format_percent(
                r["attainment"], lang=lang, decimals=_decimals(r["stated_percent"])
            )
            if r["attainment"] is not None
            else word(f"table.note.{r['attainment_note']}", lang, default="–"),
            "variance": _fmt_num(r["variance"], lang),
            "status": bands.display(r["status"], lang=lang),
            "stated": r["stated_percent"] or "",
            "check": (
                _MARKS[r["consistent"]]
                + (
                    ""
                    if r["consistent"] or r["consistency_note"] is None
                    else f" {word('table.consistency.' + r['consistency_note'], lang)}"
                )
            ).strip(),
            "as_of": r["as_of"].strftime("%d/%m/%Y" if lang == "vi" else "%Y-%m-%d")
            if r.get("as_of") is not None
            else "",
            "source": word("table.synthetic", lang) if r["source"] == "synthetic" else r["source"],
        }
        for c in columns:
            out[word(f"table.{c}", lang)].append(cells[c])
    return Table(
        pl.DataFrame(out, schema=dict.fromkeys(out, pl.String)),
        status=tuple(df["status"].to_list()),
        synthetic=tuple((df["source"] == "synthetic").to_list()),
        caption=caption,
        lang=lang,
    )


def pace_table(
    kpis: pl.DataFrame,
    *,
    catalog: MetricCatalog,
    lang: str = "vi",
    registry: UnitRegistry | None = None,
) -> Table:
    """Figures taken before the end of their period, with their pace and projected end.

    Columns: the date, actual and target, the share of the period elapsed, the figure
    expected by then at an even pace, pace and the projected figure at the period's end.
    Periods are :func:`kpitools.measures.pace`'s; pass the ``registry`` so that a unit's
    period ends when the unit ceased (a district's first half of 2025 is complete on
    30/6/2025 even when the table holds no second-half row to say so).

    Examples
    --------
    >>> seed = load_dataset(["data/hanoi_2023_seed.csv"], units="data/units.csv",
    ...                     catalog="data/metrics.csv")
    >>> table = pace_table(seed.kpis, catalog=seed.catalog, lang="en")
    >>> table.frame.row(0)[:4]
    ('New Party members admitted', '2023-11-30', '10,479', '9,810')
    >>> table.frame.columns[4:]
    ['Year elapsed', 'Expected to date', 'Pace', 'Projected year end']
    >>> table.frame.row(0)[4:]
    ('91.5%', '8,977', '116.7%', '11,452')
    >>> ds = load_dataset(["data/demo_panel.csv"], units="data/units.csv",
    ...                   catalog="data/metrics.csv")
    >>> half = ds.kpis.filter(pl.col("unit_code") == "017", pl.col("year") == 2025)
    >>> pace_table(half, catalog=ds.catalog, registry=ds.registry).frame.height
    0
    """
    check_lang(lang)
    df = pace(kpis, registry=registry).filter(
        pl.col("elapsed") < 1.0, pl.col("target").is_not_null()
    )
    out: dict[str, list[str]] = {
        word(f"table.{k}", lang): []
        for k in ("metric", "as_of", "actual", "target", "elapsed", "expected", "pace", "projected")
    }
    for r in df.iter_rows(named=True):
        values = (
            catalog.label(r["metric"], lang=lang),
            r["as_of"].strftime("%d/%m/%Y" if lang == "vi" else "%Y-%m-%d"),
            _fmt_num(r["actual"], lang),
            _fmt_num(r["target"], lang),
            format_percent(r["elapsed"], lang=lang),
            _fmt_num(r["expected_to_date"], lang),
            format_percent(r["pace"], lang=lang),
            _fmt_num(r["projected"], lang),
        )
        for key, v in zip(out, values, strict=True):
            out[key].append(v)
    return Table(
        pl.DataFrame(out, schema=dict.fromkeys(out, pl.String)),
        synthetic=tuple((df["source"] == "synthetic").to_list()),
        lang=lang,
        empty=word("table.no_pace", lang),
    )


def _periods_of(rows: pl.DataFrame) -> list[tuple[dt.date, dt.date]]:
    """The periods (first and last day) of the rows, in order."""
    if rows.is_empty():
        return []
    return list(
        with_periods(rows).select("period_from", "period_to").unique().sort(pl.all()).rows()
    )


def ranking_table(
    kpis: pl.DataFrame,
    *,
    catalog: MetricCatalog,
    year: int,
    metric: str,
    lang: str = "vi",
    bands: Bands = DEFAULT_BANDS,
    level: str | None = None,
    period: dt.date | None = None,
    registry: UnitRegistry | None = None,
) -> Table:
    """Units ranked by attainment of ``metric`` in ``year`` (1 = best).

    Ranks all the rows given, or only those of one ``level``. Units without a target come
    last, unranked. ``structure`` (shown under the caption) says which units are ranked
    and over which period (``30 quận, huyện, thị xã · 2023``; a ``registry`` names their
    types).

    A year split into periods (2025: the first half by district, the second by new unit;
    see :func:`kpitools.measures.with_periods`) is never ranked as one: choose the period
    with ``period`` (its first day), or take one table per period from
    :func:`ranking_tables`. Without a choice such a year raises ``ParameterError``.

    Examples
    --------
    >>> ds = load_dataset(["data/demo_panel.csv"], units="data/units.csv",
    ...                   catalog="data/metrics.csv")
    >>> table = ranking_table(ds.kpis, catalog=ds.catalog, year=2023, metric="admissions",
    ...                       lang="en")
    >>> table.caption
    'New Party members admitted — 2023'
    >>> table.frame.columns
    ['Rank', 'Unit', 'Actual', 'Target', 'Attainment', 'Variance', 'Status', 'Source']
    >>> table.frame.row(0)
    ('1', 'Quốc Oai', '469', '224', '209.4%', '245', 'exceeded', 'synthetic')
    """
    check_lang(lang)
    rows = subset(with_periods(kpis), year=year, metrics=[metric], level=level)
    spans = _periods_of(rows)
    if period is None and len(spans) > 1:
        told = structure_label(rows, registry, year=year, lang="en").replace(" | ", "; ")
        raise ParameterError(
            f"{year} has {len(spans)} periods, each with its own units ({told}): a ranking "
            "takes one; pass period= (its first day: "
            f"{', '.join(a.isoformat() for a, _ in spans)}) or use ranking_tables()"
        )
    told = structure_label(rows, registry, year=year, period=period, lang=lang)
    if period is not None:
        rows = rows.filter(pl.col("period_from") == period)
    ranked = rank_within_year(with_measures(rows, bands=bands), level=False).sort(
        ["rank", "unit_code"], nulls_last=True
    )
    table = kpi_table(
        ranked,
        catalog=catalog,
        lang=lang,
        bands=bands,
        label="unit",
        columns=("actual", "target", "attainment", "variance", "status", "source"),
        caption=f"{catalog.label(metric, lang=lang)} — {year}",
    )
    ranks = [str(r) if r is not None else "–" for r in ranked["rank"].to_list()]
    return table.replace(
        frame=table.frame.insert_column(0, pl.Series(word("table.rank", lang), ranks)),
        structure=told if ranked.height else "",
    )


def ranking_tables(
    kpis: pl.DataFrame,
    *,
    catalog: MetricCatalog,
    year: int,
    metric: str,
    lang: str = "vi",
    bands: Bands = DEFAULT_BANDS,
    level: str | None = None,
    registry: UnitRegistry | None = None,
) -> list[Table]:
    """One :func:`ranking_table` per period of ``year``: two for a split 2025, else one.

    Examples
    --------
    >>> ds = load_dataset(["data/demo_panel.csv"], units="data/units.csv",
    ...                   catalog="data/metrics.csv")
    >>> [t.structure for t in ranking_tables(ds.kpis, catalog=ds.catalog, year=2023,
    ...                                      metric="admissions", registry=ds.registry)]
    ['30 quận, huyện, thị xã; 1 khối · 2023']
    """
    rows = subset(with_periods(kpis), year=year, metrics=[metric], level=level)
    spans: list[tuple[dt.date | None, dt.date | None]] = [*_periods_of(rows)] or [(None, None)]
    return [
        ranking_table(
            rows,
            catalog=catalog,
            year=year,
            metric=metric,
            lang=lang,
            bands=bands,
            period=start if len(spans) > 1 else None,
            registry=registry,
        )
        for start, _ in spans
    ]


def movers_table(
    kpis: pl.DataFrame,
    *,
    catalog: MetricCatalog,
    year: int,
    metric: str,
    n: int = 5,
    lang: str = "vi",
) -> Table:
    """The units whose attainment of ``metric`` rose and fell most since the year before.

    The ``n`` units whose attainment rose most come first, then the ``n`` whose attainment
    fell most; the change is in percentage points.

    Examples
    --------
    >>> ds = load_dataset(["data/demo_panel.csv"], units="data/units.csv",
    ...                   catalog="data/metrics.csv")
    >>> table = movers_table(ds.kpis, catalog=ds.catalog, year=2023, metric="admissions",
    ...                      n=2, lang="en")
    >>> table.caption
    'New Party members admitted: 2022 → 2023'
    >>> table.frame.columns
    ['Unit', 'Year before', 'Attainment', 'Change (pp)']
    >>> for row in table.frame.rows():
    ...     print(row)
    ('Thanh Trì', '52.1%', '156.8%', '+104.7')
    ('Quốc Oai', '105.2%', '209.4%', '+104.1')
    ('Hai Bà Trưng', '192.6%', '67.9%', '-124.7')
    ('Long Biên', '164.9%', '80.8%', '-84.1')
    """
    check_lang(lang)
    moved = movers(kpis, year=year).filter(pl.col("metric") == metric)
    top = moved.head(n)
    bottom = moved.tail(n).reverse().join(top, on="unit_code", how="anti")
    both = pl.concat([top, bottom])
    unit_h = word("table.unit", lang)
    out = {
        unit_h: both["unit_name"].to_list(),
        word("table.prev", lang): [format_percent(v, lang=lang) for v in both["attainment_prev"]],
        word("table.attainment", lang): [format_percent(v, lang=lang) for v in both["attainment"]],
        word("table.change", lang): [
            ("+" if v > 0 else "") + format_number(v * 100, lang=lang, decimals=1)
            for v in both["change"]
        ],
    }
    return Table(
        pl.DataFrame(out, schema=dict.fromkeys(out, pl.String)),
        synthetic=tuple((both["source"] == "synthetic").to_list()),
        caption=f"{catalog.label(metric, lang=lang)}: {year - 1} → {year}",
        lang=lang,
    )


def findings(
    kpis: pl.DataFrame,
    *,
    catalog: MetricCatalog,
    year: int,
    metrics: Sequence[str] | None = None,
    lang: str = "vi",
    level: str | None = None,
    registry: UnitRegistry | None = None,
) -> Html:
    """One sentence per metric: the units furthest behind and furthest ahead in ``year``.

    Units are compared by attainment; the sentences form a list (an ``Html`` block) a
    reader sees first. The list opens with the units compared and the period
    (``30 quận, huyện, thị xã · 2023``; a ``registry`` names their types). Units are
    compared only within one period: a year split into periods (2025: the first half by
    district, the second by new unit) gets one sentence per metric and period, each
    starting with its structure.

    Examples
    --------
    >>> ds = load_dataset(["data/demo_panel.csv"], units="data/units.csv",
    ...                   catalog="data/metrics.csv")
    >>> html = findings(ds.kpis, catalog=ds.catalog, year=2023, metrics=["admissions"],
    ...                 lang="en").html
    >>> "furthest behind is Hai Bà Trưng (67.9%, 567 of 835)" in html
    True
    >>> "furthest ahead is Quốc Oai (209.4%)" in html, 'class="kt-synthetic"' in html
    (True, True)
    >>> "30 district-level units; 1 other affiliated committees · 2023</li>" in html
    True
    """
    from kpitools.display import Html

    check_lang(lang)
    chosen = subset(with_periods(kpis), year=year, level=level)
    rows = with_measures(chosen).filter(pl.col("attainment").is_not_null())
    spans = _periods_of(rows)
    split = len(spans) > 1
    items = []
    for metric in metrics or catalog.codes:
        for start, end in spans:
            m = rows.filter(
                pl.col("metric") == metric,
                pl.col("period_from") == start,
                pl.col("period_to") == end,
            ).sort(["attainment", "unit_code"])
            if m.is_empty():
                continue
            worst, best = m.row(0, named=True), m.row(-1, named=True)
            text = word(
                "table.finding",
                lang,
                metric=catalog.label(metric, lang=lang),
                worst=worst["unit_name"],
                worst_att=format_percent(worst["attainment"], lang=lang),
                worst_actual=format_number(worst["actual"], lang=lang),
                worst_target=format_number(worst["target"], lang=lang),
                best=best["unit_name"],
                best_att=format_percent(best["attainment"], lang=lang),
            )
            if split:
                told = structure_label(chosen, registry, year=year, period=start, lang=lang)
                text = f"{told}: {text}"
            items.append(f"<li>{html.escape(text)}</li>")
    if items and not split:
        told = structure_label(chosen, registry, year=year, lang=lang)
        items.insert(0, f'<li class="kt-structure">{html.escape(told)}</li>')
    if items and bool((rows["source"] == "synthetic").any()):
        items.append(
            f'<li class="kt-synthetic">{html.escape(word("table.synthetic_basis", lang))}</li>'
        )
    return Html(f'<ul class="kt-findings">{"".join(items)}</ul>' if items else "")


def rank_history_table(
    kpis: pl.DataFrame,
    *,
    catalog: MetricCatalog,
    unit: str,
    lang: str = "vi",
    level: str | None = None,
) -> Table:
    """A unit's rank among the units of its level, per metric (rows) and year (columns).

    A year the table splits into periods has a column per period the unit has rows in,
    labelled with its dates, and the unit is ranked among the units of that period only.
    Each cell reads ``rank/of``; years and metrics in which the unit has no rank (no
    target) are left out.

    Examples
    --------
    >>> ds = load_dataset(["data/demo_panel.csv"], units="data/units.csv",
    ...                   catalog="data/metrics.csv")
    >>> table = rank_history_table(ds.kpis, catalog=ds.catalog, unit="017", lang="en")
    >>> table.frame.columns[1:]  # 2025: the districts' first half only
    ['2019', '2020', '2021', '2022', '2023', '2024', '1 Jan–30 Jun 2025']
    >>> table.frame.row(0)
    ('New Party members admitted', '14/30', '15/30', '24/30', '9/30', '19/30', '29/30', '5/30')
    """
    check_lang(lang)
    lvl = level or kpis.filter(pl.col("unit_code") == unit)["level"].first()
    ranked = rank_within_year(with_measures(with_periods(kpis).filter(pl.col("level") == lvl)))
    ranked = ranked.with_columns(
        pl.col("rank")
        .is_not_null()
        .sum()
        .over("year", "period_from", "period_to", "metric")
        .alias("of")
    ).filter(pl.col("unit_code") == unit)
    # Ranks need targets: years and metrics without any rank are left out (a table counted
    # from a member export spans decades, with targets for its last years only).
    ranked = ranked.filter(
        pl.col("rank").is_not_null().any().over("year"),
        pl.col("rank").is_not_null().any().over("metric"),
    )
    # a column per year, or per period of a year the unit's rows split (2025's halves)
    spans = sorted(set(ranked.select("year", "period_from", "period_to").rows()))
    heads = {span: period_label(*span, lang=lang) for span in spans}
    out: dict[str, list[str]] = {word("table.metric", lang): []}
    out.update({h: [] for h in heads.values()})
    spans_of: dict[str, dict[tuple[Any, ...], dict[str, Any]]] = {}
    for row in ranked.iter_rows(named=True):  # one pass, not a filter per metric
        spans_of.setdefault(row["metric"], {})[
            row["year"], row["period_from"], row["period_to"]
        ] = row
    for metric in [m for m in catalog.codes if m in spans_of]:
        out[word("table.metric", lang)].append(catalog.label(metric, lang=lang))
        by_span = spans_of[metric]
        for span, head in heads.items():
            r = by_span.get(span)
            out[head].append(f"{r['rank']}/{r['of']}" if r and r["rank"] is not None else "–")
    return Table(
        pl.DataFrame(out, schema=dict.fromkeys(out, pl.String)),
        synthetic=(bool((ranked["source"] == "synthetic").any()),)
        * len(out[word("table.metric", lang)]),
        lang=lang,
    )
