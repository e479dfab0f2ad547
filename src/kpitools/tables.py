"""Formatted tables for notebooks and reports (numbers in Vietnamese by default)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import polars as pl

from kpitools.catalog import MetricCatalog
from kpitools.measures import (
    DEFAULT_BANDS,
    Bands,
    consistency,
    movers,
    pace,
    rank_within_year,
    subset,
    with_measures,
)

if TYPE_CHECKING:
    from kpitools.display import Html
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

    def replace(self, **changes: object) -> Table:
        """A copy with some fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]

    def _repr_html_(self) -> str:
        e = html.escape
        head = "".join(f"<th>{e(c)}</th>" for c in self.frame.columns)
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
        caption = f"<caption>{e(self.caption)}</caption>" if self.caption else ""
        return (
            f'<table class="kt-table">{caption}<thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>"
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


def pace_table(kpis: pl.DataFrame, *, catalog: MetricCatalog, lang: str = "vi") -> Table:
    """Figures taken before the end of their year, with their pace and projected year end.

    Columns: the date, actual and target, the share of the year elapsed, the figure
    expected by then at an even pace, pace and the projected year-end figure.

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
    """
    check_lang(lang)
    df = pace(kpis).filter(pl.col("elapsed") < 1.0, pl.col("target").is_not_null())
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


def ranking_table(
    kpis: pl.DataFrame,
    *,
    catalog: MetricCatalog,
    year: int,
    metric: str,
    lang: str = "vi",
    bands: Bands = DEFAULT_BANDS,
    level: str | None = None,
) -> Table:
    """Units ranked by attainment of ``metric`` in ``year`` (1 = best).

    Ranks all the rows given, or only those of one ``level``. Units without a target come
    last, unranked.

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
    rows = with_measures(subset(kpis, year=year, metrics=[metric], level=level), bands=bands)
    ranked = rank_within_year(rows, level=False).sort(["rank", "unit_code"], nulls_last=True)
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
        frame=table.frame.insert_column(0, pl.Series(word("table.rank", lang), ranks))
    )


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
) -> Html:
    """One sentence per metric: the units furthest behind and furthest ahead in ``year``.

    Units are compared by attainment; the sentences form a list (an ``Html`` block) a
    reader sees first.

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
    """
    from kpitools.display import Html

    check_lang(lang)
    rows = with_measures(subset(kpis, year=year, level=level)).filter(
        pl.col("attainment").is_not_null()
    )
    items = []
    for metric in metrics or catalog.codes:
        m = rows.filter(pl.col("metric") == metric).sort(["attainment", "unit_code"])
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
        items.append(f"<li>{html.escape(text)}</li>")
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

    Each cell reads ``rank/of``; years and metrics in which the unit has no rank (no
    target) are left out.

    Examples
    --------
    >>> ds = load_dataset(["data/demo_panel.csv"], units="data/units.csv",
    ...                   catalog="data/metrics.csv")
    >>> table = rank_history_table(ds.kpis, catalog=ds.catalog, unit="017", lang="en")
    >>> table.frame.columns
    ['Metric', '2019', '2020', '2021', '2022', '2023', '2024']
    >>> table.frame.row(0)
    ('New Party members admitted', '14/30', '15/30', '24/30', '9/30', '19/30', '29/30')
    """
    check_lang(lang)
    lvl = level or kpis.filter(pl.col("unit_code") == unit)["level"].first()
    ranked = rank_within_year(with_measures(kpis.filter(pl.col("level") == lvl)))
    ranked = ranked.with_columns(
        pl.col("rank").is_not_null().sum().over("year", "metric").alias("of")
    ).filter(pl.col("unit_code") == unit)
    # Ranks need targets: years and metrics without any rank are left out (a table counted
    # from a member export spans decades, with targets for its last years only).
    ranked = ranked.filter(
        pl.col("rank").is_not_null().any().over("year"),
        pl.col("rank").is_not_null().any().over("metric"),
    )
    years = sorted(set(ranked["year"].to_list()))
    out: dict[str, list[str]] = {word("table.metric", lang): []}
    out.update({str(y): [] for y in years})
    for metric in [m for m in catalog.codes if m in set(ranked["metric"].to_list())]:
        out[word("table.metric", lang)].append(catalog.label(metric, lang=lang))
        by_year = {
            r["year"]: r for r in ranked.filter(pl.col("metric") == metric).iter_rows(named=True)
        }
        for y in years:
            r = by_year.get(y)
            out[str(y)].append(f"{r['rank']}/{r['of']}" if r and r["rank"] is not None else "–")
    return Table(
        pl.DataFrame(out, schema=dict.fromkeys(out, pl.String)),
        synthetic=(bool((ranked["source"] == "synthetic").any()),)
        * len(out[word("table.metric", lang)]),
        lang=lang,
    )
