"""Views across a change of structure: which groups of units compare, and their figures.

Both views take a frame that :mod:`kpitools.comparability` already measured and draw it
as a :class:`~kpitools.tables.Table` (escaped HTML, styled by kpitools' stylesheet), in
Vietnamese or English:

* :func:`comparability_table` — the groups of :func:`~kpitools.comparability.comparable_groups`:
  old and new units, whether they compare exactly, and what breaks those that do not;
* :func:`bridge_table` — the figures of :func:`~kpitools.comparability.bridge_figures`:
  the old units' total beside the new units', per group, estimates marked ``≈``;
* :func:`backcast_view` — a member backcast table (``kpitools members --backcast``) as
  a trend chart, or, without one, a table that says none was given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import polars as pl

from kpitools._typing import PathLike
from kpitools.catalog import MetricCatalog
from kpitools.comparability import ESTIMATED_SOURCE, describe_breaks
from kpitools.links import names_at
from kpitools.numbers import format_number
from kpitools.registry import UnitRegistry
from kpitools.tables import Table
from kpitools.vocab import check_lang, word

__all__ = ["backcast_view", "bridge_table", "comparability_table", "read_backcast"]

_NO_BACKCAST = (
    "Không có bảng tính lại (backcast) — tham số backcast để trống / "
    "No member backcast table given (the backcast parameter is empty)"
)
_SHOWN = 8  # units named in a cell before "… and n more"
_MARKS = {True: "✓", False: "✗"}


def _units(codes: Sequence[str], label: Callable[[str], str], lang: str) -> str:
    shown = ", ".join(label(c) for c in codes[:_SHOWN])
    more = len(codes) - _SHOWN
    return word("table.bridge.more", lang, listed=shown, n=more) if more > 0 else shown


def _labels(
    names: Mapping[str, str] | UnitRegistry | None, day: dt.date
) -> tuple[Callable[[str], str], Callable[[str], str]]:
    return names_at(names, day - dt.timedelta(days=1)), names_at(names, day)


def _day(day: dt.date, lang: str) -> str:
    return day.strftime("%d/%m/%Y" if lang == "vi" else "%Y-%m-%d")


def _check(frame: pl.DataFrame, columns: Sequence[str], made_by: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"the frame needs the columns of {made_by}; missing {', '.join(missing)}")


def comparability_table(
    groups: pl.DataFrame,
    *,
    names: Mapping[str, str] | UnitRegistry | None = None,
    lang: str = "vi",
    caption: str | None = None,
) -> Table:
    """The groups of :func:`~kpitools.comparability.comparable_groups`, one row each.

    Columns: the group, its old and new units (named by ``names``, a registry or a mapping
    code → name; long lists are cut after 8), whether they compare exactly (✓ / ✗), the
    kind of change and why a group does not compare, written from its ``breaks`` in
    ``lang``. Exact rows are styled as consistent, the others as inconsistent. The caption
    says the date of the change and how many groups are exact.

    Examples
    --------
    >>> from kpitools.comparability import comparable_groups
    >>> from kpitools.links import Links
    >>> links = Links.from_frame(pl.DataFrame({
    ...     "old_code": ["A", "B", "B", "C"], "new_code": ["X", "X", "Y", "Z"],
    ...     "relation": ["full", "partial", "partial", "full"],
    ...     "effective": ["2025-07-01"] * 4, "source": ["NQ"] * 4}))
    >>> table = comparability_table(comparable_groups(links, by="new"), lang="en",
    ...                             names={"B": "<b>Bạch</b>"})
    >>> table.caption
    'Groups of units across the change of 2025-07-01: 1 of 3 exact'
    >>> table.frame.row(0)
    ('1', 'A, B <b>Bạch</b>', 'X', '✗', 'cut by a link', 'X takes a part of B <b>Bạch</b>, which is split with Y')
    >>> "&lt;b&gt;Bạch" in table._repr_html_(), table.status
    (True, ('inconsistent', 'inconsistent', 'consistent'))
    """  # noqa: E501
    check_lang(lang)
    _check(groups, ("group", "effective", "old_codes", "new_codes", "exact", "kind", "breaks"),
           "comparable_groups")  # fmt: skip
    headers = [
        word(f"table.bridge.{k}", lang)
        for k in ("group", "old_units", "new_units", "comparable", "kind", "why")
    ]
    out: dict[str, list[str]] = {h: [] for h in headers}
    days = set()
    for group, day, olds, news, exact, kind, breaks in groups.select(
        "group", "effective", "old_codes", "new_codes", "exact", "kind", "breaks"
    ).iter_rows():
        days.add(day)
        old_label, new_label = _labels(names, day)
        why = describe_breaks(breaks, lang=lang, names=names, effective=day) if breaks else ""
        cells = (
            str(group),
            _units(olds, old_label, lang),
            _units(news, new_label, lang),
            _MARKS[bool(exact)],
            word(f"table.bridge.kind.{kind}", lang, default=kind),
            why,
        )
        for header, cell in zip(headers, cells, strict=True):
            out[header].append(cell)
    if caption is None:
        shown = ", ".join(_day(d, lang) for d in sorted(days))
        exact = int(groups["exact"].sum())
        caption = word(
            "table.bridge.groups_caption", lang, date=shown, exact=exact, n=groups.height
        )
    return Table(
        pl.DataFrame(out, schema=dict.fromkeys(out, pl.String)),
        status=tuple("consistent" if e else "inconsistent" for e in groups["exact"]),
        caption=caption,
        lang=lang,
    )


_BRIDGE_COLUMNS = (
    "group", "effective", "old_codes", "new_codes", "metric", "old_year", "old_period_start",
    "old_as_of", "old_actual", "old_missing", "new_year", "new_period_start", "new_as_of",
    "new_actual", "new_missing", "change", "estimated", "source",
)  # fmt: skip


def bridge_table(
    bridge: pl.DataFrame,
    *,
    catalog: MetricCatalog | None = None,
    names: Mapping[str, str] | UnitRegistry | None = None,
    lang: str = "vi",
    caption: str | None = None,
) -> Table:
    """The figures of :func:`~kpitools.comparability.bridge_figures`, one row per group.

    Columns: the group, its old and new units, the metric (``catalog`` labels it; left
    out when there is one metric), the old units' total, the new units' total, the change,
    whether the old total is an estimate, a note (estimated from shares, units without
    figures) and the source. An estimate is written ``≈ 1.234``, its row is styled as
    unchecked and the caption says that the table holds estimates; synthetic rows are
    marked as everywhere. The caption names the two years, the periods they cover and the
    date of the change.

    Examples
    --------
    >>> from kpitools.comparability import bridge_figures
    >>> from kpitools.links import Links
    >>> links = Links.from_frame(pl.DataFrame({
    ...     "old_code": ["017", "018", "018"], "new_code": ["N1", "N1", "N2"],
    ...     "relation": ["full", "partial", "partial"],
    ...     "effective": ["2025-07-01"] * 3, "source": ["NQ"] * 3}))
    >>> kpis = pl.DataFrame({"unit_code": ["017", "018", "N1", "N2"],
    ...     "year": [2024, 2024, 2026, 2026], "metric": ["admissions"] * 4,
    ...     "actual": [1000.0, 500.0, 1320.0, 190.0], "as_of": [None] * 4,
    ...     "source": ["report"] * 4})
    >>> shares = pl.DataFrame({"old_code": ["018", "018"], "new_code": ["N1", "N2"],
    ...                        "share": [0.7, 0.3]})
    >>> figures = bridge_figures(kpis, links, old_year=2024, new_year=2026, by="new",
    ...                          shares=shares)
    >>> table = bridge_table(figures, lang="en")
    >>> table.frame.columns
    ['Group', 'Old units', 'New units', '2024 (old units)', '2026 (new units)', 'Change', 'Estimated', 'Note', 'Source']
    >>> table.frame.row(0)
    ('1', '017, 018', 'N1', '≈ 1,350', '1,320', '≈ -30', 'estimated', 'old figures estimated from user-supplied shares', 'estimated from shares')
    >>> table.caption.endswith("Includes estimates (≈): apportioned by user-supplied shares, not reported figures.")
    True
    """  # noqa: E501
    check_lang(lang)
    _check(bridge, _BRIDGE_COLUMNS, "bridge_figures")
    metrics = bridge["metric"].unique().to_list()
    keys = ["group", "old_units", "new_units", *(["metric"] if len(metrics) > 1 else [])]
    headers = [word(f"table.bridge.{k}", lang) for k in keys]
    years = bridge.select("old_year", "new_year").unique().rows()
    old_year, new_year = years[0] if len(years) == 1 else ("…", "…")
    headers += [
        word("table.bridge.old_figure", lang, year=old_year),
        word("table.bridge.new_figure", lang, year=new_year),
        *(word(f"table.bridge.{k}", lang) for k in ("change", "estimated", "note", "source")),
    ]
    out: dict[str, list[str]] = {h: [] for h in headers}
    for row in bridge.iter_rows(named=True):
        cells = _bridge_cells(row, catalog, names, lang, keys)
        for header, cell in zip(headers, cells, strict=True):
            out[header].append(cell)
    if caption is None:
        caption = _bridge_caption(bridge, lang, (old_year, new_year))
    return Table(
        pl.DataFrame(out, schema=dict.fromkeys(out, pl.String)),
        status=tuple("unchecked" if e else "consistent" for e in bridge["estimated"]),
        synthetic=tuple((bridge["source"] == "synthetic").to_list()),
        caption=caption,
        lang=lang,
    )


def _bridge_cells(
    row: dict[str, Any],
    catalog: MetricCatalog | None,
    names: Mapping[str, str] | UnitRegistry | None,
    lang: str,
    keys: Sequence[str],
) -> list[str]:
    old_label, new_label = _labels(names, row["effective"])
    estimated = bool(row["estimated"])
    old = format_number(row["old_actual"], lang=lang)
    if estimated and row["old_actual"] is not None:
        old = f"≈ {old}"
    change = row["change"]
    change_text = format_number(change, lang=lang)
    if change is not None and change > 0:
        change_text = f"+{change_text}"
    if estimated and change is not None:
        change_text = f"≈ {change_text}"
    notes = [word("table.bridge.estimated_note", lang)] if estimated else []
    for side, label in (("old", old_label), ("new", new_label)):
        if missing := row[f"{side}_missing"]:
            notes.append(word("table.bridge.missing", lang, units=_units(missing, label, lang)))
    source = row["source"]
    shown_source = {
        "synthetic": word("table.synthetic", lang),
        ESTIMATED_SOURCE: word("table.bridge.estimated_source", lang),
        "sum of units": word("table.bridge.sum_source", lang),
    }.get(source, source or "")
    metric = row["metric"]
    first = {
        "group": str(row["group"]),
        "old_units": _units(row["old_codes"], old_label, lang),
        "new_units": _units(row["new_codes"], new_label, lang),
        "metric": catalog.label(metric, lang=lang) if catalog is not None else metric,
    }
    return [
        *(first[k] for k in keys),
        old,
        format_number(row["new_actual"], lang=lang),
        change_text,
        word("table.bridge.estimated_mark", lang) if estimated else "",
        "; ".join(notes),
        shown_source,
    ]


def _period(frame: pl.DataFrame, side: str, lang: str) -> str:
    periods = (
        frame.select(f"{side}_period_start", f"{side}_as_of")
        .drop_nulls()
        .unique()
        .sort(f"{side}_period_start")
    )
    fmt = "%d/%m/%Y" if lang == "vi" else "%Y-%m-%d"
    return ", ".join(f"{a.strftime(fmt)}–{b.strftime(fmt)}" for a, b in periods.rows()) or "–"


def _bridge_caption(bridge: pl.DataFrame, lang: str, years: tuple[object, object]) -> str:
    days = ", ".join(_day(d, lang) for d in sorted(set(bridge["effective"].to_list())))
    caption = word(
        "table.bridge.caption",
        lang,
        old_year=years[0],
        old_period=_period(bridge, "old", lang),
        new_year=years[1],
        new_period=_period(bridge, "new", lang),
        date=days or "–",
    )
    if bool(bridge["estimated"].any()):
        caption += ". " + word("table.bridge.caption_estimated", lang)
    return caption


def read_backcast(backcast: PathLike | None) -> pl.DataFrame | None:
    """A member backcast table, or None when none is given (``None`` or ``""``).

    Parameters
    ----------
    backcast
        The table ``kpitools members --backcast --out …`` wrote (``.csv`` or ``.parquet``);
        a relative path is looked up from the working folder upwards
        (:func:`~kpitools.io.dataset.find_path`). ``None`` or an empty string: none.

    Returns
    -------
    polars.DataFrame or None
        The long table as written (unit codes as text, leading zeros kept), or None.

    Examples
    --------
    >>> read_backcast("") is None and read_backcast(None) is None
    True
    """
    if backcast is None or str(backcast) == "":
        return None
    from kpitools.io.dataset import find_path

    path = find_path(backcast)
    if path.suffix.lower() == ".parquet":
        return pl.read_parquet(path)
    return pl.read_csv(path, schema_overrides={"unit_code": pl.String})


def backcast_view(
    backcast: PathLike | pl.DataFrame | None,
    *,
    catalog: MetricCatalog,
    metric: str,
    lang: str = "vi",
) -> Any:
    """The member backcast as a trend chart of the new units, or a table saying there is none.

    Parameters
    ----------
    backcast
        A backcast table (path, see :func:`read_backcast`, or a frame already read);
        ``None`` or ``""``: none given.
    catalog, metric
        The metric catalog and the metric drawn.
    lang
        ``"vi"`` or ``"en"``.

    Returns
    -------
    altair.TopLevelMixin or Table
        :func:`~kpitools.charts.trend_chart` of the table, or an empty
        :class:`~kpitools.tables.Table` whose text says that no backcast was given.

    Examples
    --------
    >>> from kpitools.catalog import MetricCatalog
    >>> cat = MetricCatalog.from_frame(pl.DataFrame({"code": ["m"], "label_vi": ["Chỉ số"],
    ...     "label_en": ["Metric"], "unit_vi": ["người"], "unit_en": ["people"],
    ...     "kind": ["count"]}))
    >>> "No member backcast" in backcast_view(None, catalog=cat, metric="m", lang="en").empty
    True
    """
    check_lang(lang)
    frame = backcast if isinstance(backcast, pl.DataFrame) else read_backcast(backcast)
    if frame is None:
        return Table(pl.DataFrame({"backcast": []}), empty=_NO_BACKCAST, lang=lang)
    from kpitools.charts import trend_chart

    return trend_chart(frame, catalog=catalog, metric=metric, lang=lang)
