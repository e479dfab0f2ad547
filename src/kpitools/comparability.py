"""What can be compared across a change of structure, and the figures that can.

Figures of an old structure (districts, to 30 June 2025) and of a new one (communes and
wards, from 1 July 2025) compare exactly only where a set of new units is the union of whole
old units: the old units' figures added up then count the same area as the new units'. The
smallest such sets are the *groups*: the connected parts of the graph whose edges are the
links (an old unit split between two new units ties them together, and so does a new unit
made of parts of two old ones). The city total is always one group or a union of groups.

* :func:`comparable_groups` lists the groups (or asks, new unit by new unit or old unit by
  old unit, whether each is comparable alone, and what breaks it);
* :func:`is_comparable` says whether a given set of old units and a given set of new units
  can be compared, and names the links that break it when they cannot;
* :func:`bridge_figures` adds up the old units' and the new units' figures per group, side
  by side. It refuses a group cut by a link unless given the *shares* of the old units that
  went into each new unit; then the figures derived from shares are marked ``estimated``.
  kpitools never apportions a figure on its own.

Examples
--------
>>> links = Links.from_frame(pl.DataFrame({
...     "old_code": ["A", "B", "B", "C", "D"], "new_code": ["X", "X", "Y", "Y", "Z"],
...     "relation": ["full", "partial", "partial", "full", "full"],
...     "effective": ["2025-07-01"] * 5, "source": ["NQ"] * 5}))
>>> comparable_groups(links).select("old_codes", "new_codes", "exact", "kind").rows()
[(['A', 'B', 'C'], ['X', 'Y'], True, 'regrouped'), (['D'], ['Z'], True, 'same')]
>>> print(is_comparable(links, ["A", "B"], ["X"]))
not comparable: X takes a part of B, which is split with Y
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, NamedTuple

import polars as pl

from kpitools._typing import PathLike
from kpitools.errors import DataIssue, KpiDataError, ParameterError
from kpitools.io.sheets import cell_text, read_grid
from kpitools.links import Links, names_at
from kpitools.registry import UnitRegistry
from kpitools.vocab import word

__all__ = [
    "BREAK_PROBLEMS",
    "ESTIMATED_SOURCE",
    "GROUP_KINDS",
    "Comparability",
    "bridge_figures",
    "comparable_groups",
    "describe_breaks",
    "is_comparable",
]

#: What a group is: exact (``same``, ``merged``, ``split``, ``regrouped``) or not (``cut``: a
#: link leaves the group; ``incomplete``: a unit without a link, or only a part linked).
GROUP_KINDS: tuple[str, ...] = ("same", "merged", "split", "regrouped", "cut", "incomplete")
#: Why a set cannot be compared, one value a broken link (``problem`` of
#: :attr:`Comparability.breaks`): an old unit of the set that also went (wholly or in part)
#: into a new unit outside the set; a new unit of the set that also took from an old unit
#: outside it; a unit with no link; an old unit with one ``partial`` link only (where the rest
#: went is not known); a unit of the group outside the units given.
BREAK_PROBLEMS: tuple[str, ...] = (
    "goes elsewhere",
    "takes from elsewhere",
    "no link",
    "rest unknown",
    "not given",
)
_BREAK_SCHEMA: dict[str, Any] = {
    "old_code": pl.String,
    "new_code": pl.String,
    "relation": pl.String,
    "problem": pl.String,
    "via": pl.List(pl.String),
}
_GROUP_SCHEMA: dict[str, Any] = {
    "group": pl.Int32,
    "effective": pl.Date,
    "old_codes": pl.List(pl.String),
    "new_codes": pl.List(pl.String),
    "exact": pl.Boolean,
    "kind": pl.String,
    "why": pl.String,
    "breaks": pl.List(pl.Struct(_BREAK_SCHEMA)),
}
_LISTED = 6  # units named in a message before "… and n more"
_SHARE_TOLERANCE = Decimal("1e-9")  # shares of one old unit may miss 1 by this (1/3 as 0.333…)


class _Graph(NamedTuple):
    """The links of one date as adjacency: old → {new: relation} and new → {old: relation}."""

    day: dt.date
    succ: dict[str, dict[str, str]]
    pred: dict[str, dict[str, str]]


def _graph(links: Links, effective: dt.date | str | None) -> _Graph:
    if not isinstance(links, Links):
        raise TypeError(f"links must be Links (see read_links), not {type(links).__name__}")
    day = links.effective(effective)
    succ: dict[str, dict[str, str]] = {}
    pred: dict[str, dict[str, str]] = {}
    frame = links.frame.filter(pl.col("effective") == day)
    for old, new, relation in frame.select("old_code", "new_code", "relation").iter_rows():
        succ.setdefault(old, {})[new] = relation
        pred.setdefault(new, {})[old] = relation
    return _Graph(day, succ, pred)


_Break = dict[str, Any]


def _break(
    old: str | None, new: str | None, relation: str | None, problem: str, via: Iterable[str] = ()
) -> _Break:
    return {
        "old_code": old,
        "new_code": new,
        "relation": relation,
        "problem": problem,
        "via": sorted(via),
    }


def _breaks(
    graph: _Graph,
    old: Iterable[str],
    new: Iterable[str],
    scope: tuple[frozenset[str] | None, frozenset[str] | None] = (None, None),
) -> list[_Break]:
    """The links that keep the old units ``old`` from covering the new units ``new`` exactly.

    A link from an old unit of the set to a new unit outside it carries (``via``) the new
    units of the set that the old unit also went into.
    """
    olds, news = set(old), set(new)
    out: list[_Break] = []
    for o in sorted(olds):
        links = graph.succ.get(o)
        if links is None:
            out.append(_break(o, None, None, "no link"))
            continue
        via = [n for n in links if n in news]
        out += [
            _break(o, n, r, "goes elsewhere", via)
            for n, r in sorted(links.items())
            if n not in news
        ]
        if len(links) == 1 and "partial" in links.values():
            out.append(_break(o, *next(iter(links.items())), "rest unknown"))
        if scope[0] is not None and o not in scope[0]:
            out.append(_break(o, None, None, "not given"))
    for n in sorted(news):
        links = graph.pred.get(n)
        if links is None:
            out.append(_break(None, n, None, "no link"))
            continue
        out += [
            _break(o, n, r, "takes from elsewhere")
            for o, r in sorted(links.items())
            if o not in olds
        ]
        if scope[1] is not None and n not in scope[1]:
            out.append(_break(None, n, None, "not given"))
    return out


def _kind(old: Sequence[str], new: Sequence[str], breaks: Sequence[_Break]) -> str:
    if breaks:
        cut = any(b["problem"] in ("goes elsewhere", "takes from elsewhere") for b in breaks)
        return "cut" if cut else "incomplete"
    if len(old) == 1:
        return "same" if len(new) == 1 else "split"
    return "merged" if len(new) == 1 else "regrouped"


def _listed(labels: Sequence[str], lang: str = "en") -> str:
    """``a, b and c`` (``a, b và c``), or the first few and how many more."""
    shown = list(labels[:_LISTED])
    more = len(labels) - len(shown)
    if more:
        return word("table.bridge.more", lang, listed=", ".join(shown), n=more)
    if len(shown) == 1:
        return shown[0]
    return f"{', '.join(shown[:-1])} {word('table.bridge.and', lang)} {shown[-1]}"


def _number(items: Sequence[object]) -> str:
    return "one" if len(items) == 1 else "many"


_Label = Callable[[str], str]


def _split_parts(
    rows: list[Mapping[str, Any]], old_label: _Label, new_label: _Label, lang: str
) -> list[str]:
    """Old units of the set that also went into new units outside it, in words."""
    parts: list[str] = []
    away: dict[str, list[str]] = {}  # old unit of the set -> its new units outside the set
    inside_of: dict[str, list[str]] = {}  # new unit of the set -> its old units split away
    whole: dict[str, bool] = {}
    for b in rows:
        if b["problem"] == "goes elsewhere":
            o = b["old_code"]
            if o not in away:
                for n in b["via"] or ():
                    inside_of.setdefault(n, []).append(o)
            away.setdefault(o, []).append(b["new_code"])
            whole[o] = b["relation"] == "full"
    split = {o for olds in inside_of.values() for o in olds}
    for o, outside in away.items():
        if o not in split:
            key = f"table.bridge.why.away.{'full' if whole[o] else 'partial'}.{_number(outside)}"
            news = _listed([new_label(n) for n in outside], lang)
            parts.append(word(key, lang, old=old_label(o), news=news))
    for n, olds in sorted(inside_of.items()):
        outside = sorted({m for o in olds for m in away[o]})
        parts.append(
            word(
                f"table.bridge.why.split.{_number(olds)}",
                lang,
                new=new_label(n),
                olds=_listed([old_label(o) for o in olds], lang),
                others=_listed([new_label(m) for m in outside], lang),
            )
        )
    return parts


def _taken_parts(
    rows: list[Mapping[str, Any]], old_label: _Label, new_label: _Label, lang: str
) -> list[str]:
    """New units of the set that also took from old units outside it, in words."""
    taken: dict[str, list[tuple[str, str]]] = {}
    for b in rows:
        if b["problem"] == "takes from elsewhere":
            taken.setdefault(b["new_code"], []).append((b["old_code"], b["relation"]))
    parts = []
    for n, links in taken.items():
        full = "full" if all(r == "full" for _, r in links) else "partial"
        olds = _listed([old_label(o) for o, _ in links], lang)
        parts.append(
            word(
                f"table.bridge.why.taken.{full}.{_number(links)}", lang, new=new_label(n), olds=olds
            )
        )
    return parts


def describe_breaks(
    breaks: Iterable[Mapping[str, Any]],
    *,
    lang: str = "en",
    names: Mapping[str, str] | UnitRegistry | None = None,
    effective: dt.date | None = None,
) -> str:
    """The links that break a comparison, in words: who takes parts of whom, split with whom.

    ``breaks`` are the rows of :attr:`Comparability.breaks` or of a ``breaks`` cell of
    :func:`comparable_groups` (mappings with old_code, new_code, relation, problem and via);
    ``names`` (with ``effective``, the date of the links) puts names beside the codes.
    No breaks: ``exact``.

    Examples
    --------
    >>> describe_breaks([{"old_code": "B", "new_code": "Y", "relation": "partial",
    ...                   "problem": "goes elsewhere", "via": ["X"]}], lang="vi")
    'X nhận một phần của B, phần còn lại thuộc Y'
    """
    rows = list(breaks)
    if not rows:
        return word("table.bridge.why.exact", lang)
    if effective is None:
        old_label = new_label = names_at(names, None)
    else:
        old_label, new_label = _labels(names, effective)
    parts = _split_parts(rows, old_label, new_label, lang)
    parts += _taken_parts(rows, old_label, new_label, lang)
    for b in rows:
        o, n = b["old_code"], b["new_code"]
        unit = old_label(o) if o is not None else new_label(n)
        if b["problem"] == "no link":
            parts.append(word("table.bridge.why.no_link", lang, unit=unit))
        elif b["problem"] == "rest unknown":
            parts.append(word("table.bridge.why.rest", lang, old=unit, new=new_label(n)))
        elif b["problem"] == "not given":
            parts.append(word("table.bridge.why.not_given", lang, unit=unit))
    return "; ".join(parts)


@dataclass(frozen=True, eq=False)
class Comparability:
    """Whether figures of the old units ``old`` compare exactly with those of ``new``.

    True (``exact``) when the new units are the union of the whole old units. Otherwise
    ``breaks`` lists the links that cut the sets (columns ``old_code``, ``new_code``,
    ``relation`` and ``problem``, one of :data:`BREAK_PROBLEMS`) and ``message`` says it in
    words. ``bool(c)`` is ``c.exact``.

    Examples
    --------
    >>> links = Links.from_frame(pl.DataFrame({"old_code": ["A", "A", "B"],
    ...     "new_code": ["X", "Y", "Y"], "relation": ["partial", "partial", "full"],
    ...     "effective": ["2025-07-01"] * 3, "source": ["NQ"] * 3}))
    >>> ok = is_comparable(links, ["A", "B"], ["X", "Y"])
    >>> bool(ok), ok.message
    (True, 'exact')
    >>> no = is_comparable(links, ["B"], ["Y"])
    >>> no.breaks.rows()
    [('A', 'Y', 'partial', 'takes from elsewhere', [])]
    >>> print(no)
    not comparable: Y takes a part of A, which is not among the old units
    """

    old: tuple[str, ...]
    new: tuple[str, ...]
    effective: dt.date
    breaks: pl.DataFrame
    message: str

    @property
    def exact(self) -> bool:
        """True when the figures compare exactly (nothing breaks the sets)."""
        return self.breaks.is_empty()

    def __bool__(self) -> bool:
        return self.exact

    def __str__(self) -> str:
        return "exact" if self.exact else f"not comparable: {self.message}"


def is_comparable(
    links: Links,
    old: Iterable[str],
    new: Iterable[str],
    *,
    effective: dt.date | str | None = None,
    names: Mapping[str, str] | UnitRegistry | None = None,
    lang: str = "en",
) -> Comparability:
    """Tell whether the old units ``old`` and the new units ``new`` cover the same area.

    They do when every link of an old unit of the set leads into the set of new units and
    every link of a new unit of the set comes from the set of old units, and no unit is
    without a link or linked only in part. ``effective`` picks the links of one date (needed
    when they have several). ``names`` (a registry or a mapping code → name) puts names
    beside the codes in the message; a registry names old units as they were the day before
    the links take effect and new units as on that day. ``lang`` is the language of the
    message (``"en"`` or ``"vi"``).

    Examples
    --------
    >>> links = Links.from_frame(pl.DataFrame({
    ...     "old_code": ["00001", "00004", "00004", "00007"],
    ...     "new_code": ["10001", "10001", "10002", "10002"],
    ...     "relation": ["full", "partial", "partial", "full"],
    ...     "effective": ["2025-07-01"] * 4, "source": ["NQ"] * 4}))
    >>> names = {"00001": "Phúc Xá", "00004": "Trúc Bạch", "10001": "Phường Ba Đình"}
    >>> print(is_comparable(links, ["00001", "00004"], ["10001"], names=names))
    not comparable: 10001 Phường Ba Đình takes a part of 00004 Trúc Bạch, which is split with 10002
    >>> is_comparable(links, ["00001", "00004", "00007"], ["10001", "10002"]).exact
    True
    """
    graph = _graph(links, effective)
    olds, news = _codes(old, "old"), _codes(new, "new")
    breaks = _breaks(graph, olds, news)
    message = describe_breaks(breaks, lang=lang, names=names, effective=graph.day)
    frame = pl.DataFrame(breaks, schema=_BREAK_SCHEMA)
    return Comparability(tuple(olds), tuple(news), graph.day, frame, message)


def _codes(codes: Iterable[str], side: str) -> list[str]:
    if isinstance(codes, str):
        raise ParameterError(f"{side} must be a list of codes, not the text {codes!r}")
    out = sorted(set(codes))
    if bad := [c for c in out if not isinstance(c, str)]:
        raise ParameterError(f"{side}: codes must be text, not {bad[0]!r}")
    return out


def _labels(
    names: Mapping[str, str] | UnitRegistry | None, day: dt.date
) -> tuple[Callable[[str], str], Callable[[str], str]]:
    return names_at(names, day - dt.timedelta(days=1)), names_at(names, day)


def comparable_groups(
    links: Links,
    *,
    by: str | Sequence[Sequence[str]] = "group",
    old: Iterable[str] | None = None,
    new: Iterable[str] | None = None,
    effective: dt.date | str | None = None,
    names: Mapping[str, str] | UnitRegistry | None = None,
    lang: str = "en",
) -> pl.DataFrame:
    """The sets of old and new units whose figures compare exactly, and those that do not.

    ``by`` says which sets:

    * ``"group"`` — the smallest exactly comparable groups: the connected parts of the
      links (a new unit with all the old units it takes from, and all the new units those
      go into, and so on). Every union of groups compares exactly too; the city total is
      the union of all of them.
    * ``"new"`` — each new unit with the old units it takes from: exact only when those
      went into it whole (a merger, or a unit renamed).
    * ``"old"`` — each old unit with the new units it went into: exact only when they took
      nothing else (a district that maps onto whole new units).
    * a list of sets of new codes — each with the old units they take from.

    ``old`` and ``new`` (codes) are the units of interest: groups touching none of them are
    left out, a unit of interest without any link is a group of its own (not exact), and a
    group that also holds units outside them is not exact (their figures are not there).

    Returns one row per set: ``group`` (1, 2, …), ``effective``, ``old_codes``,
    ``new_codes``, ``exact``, ``kind`` (one of :data:`GROUP_KINDS`), ``why`` (``exact``,
    or the links that break it, in words) and ``breaks`` (those links: old_code, new_code,
    relation, problem, via). ``names`` and ``lang`` as in :func:`is_comparable`: the
    views (:mod:`kpitools.bridge`) write ``breaks`` again in their own language.

    Examples
    --------
    >>> links = Links.from_frame(pl.DataFrame({
    ...     "old_code": ["A", "B", "B", "C", "D"], "new_code": ["X", "X", "Y", "Y", "Z"],
    ...     "relation": ["full", "partial", "partial", "full", "full"],
    ...     "effective": ["2025-07-01"] * 5, "source": ["NQ"] * 5}))
    >>> comparable_groups(links, by="new").select("new_codes", "exact", "why").rows()
    [(['X'], False, 'X takes a part of B, which is split with Y'), (['Y'], False, 'Y takes a part of B, which is split with X'), (['Z'], True, 'exact')]
    >>> comparable_groups(links, by="old").filter("exact")["old_codes"].to_list()
    [['D']]
    >>> comparable_groups(links, by=[["X", "Y"]])["exact"].item()
    True
    """  # noqa: E501
    graph = _graph(links, effective)
    scope = (
        frozenset(_codes(old, "old")) if old is not None else None,
        frozenset(_codes(new, "new")) if new is not None else None,
    )
    sets = _sets(graph, by, scope)
    rows = []
    for olds, news in sets:
        breaks = _breaks(graph, olds, news, scope)
        rows.append(
            {
                "effective": graph.day,
                "old_codes": olds,
                "new_codes": news,
                "exact": not breaks,
                "kind": _kind(olds, news, breaks),
                "why": describe_breaks(breaks, lang=lang, names=names, effective=graph.day),
                "breaks": breaks,
            }
        )
    for i, row in enumerate(rows, start=1):
        row["group"] = i
    return pl.DataFrame(rows, schema=_GROUP_SCHEMA)


def _sets(
    graph: _Graph,
    by: str | Sequence[Sequence[str]],
    scope: tuple[frozenset[str] | None, frozenset[str] | None],
) -> list[tuple[list[str], list[str]]]:
    """The (old codes, new codes) of each set ``by`` asks for, in a stable order."""
    old_scope, new_scope = scope
    if isinstance(by, str):
        if by not in ("group", "new", "old"):
            raise ParameterError(
                f"by must be 'group', 'new', 'old' or sets of new codes, not {by!r}"
            )
        if by == "new":
            codes = sorted(graph.pred.keys() | (new_scope or set()))
            return [(sorted(graph.pred.get(n, ())), [n]) for n in codes if _wanted(n, new_scope)]
        if by == "old":
            codes = sorted(graph.succ.keys() | (old_scope or set()))
            return [([o], sorted(graph.succ.get(o, ()))) for o in codes if _wanted(o, old_scope)]
        return _components(graph, scope)
    sets = []
    for group in by:
        news = _codes(group, "by")
        olds = sorted({o for n in news for o in graph.pred.get(n, ())})
        sets.append((olds, news))
    return sets


def _wanted(code: str, scope: frozenset[str] | None) -> bool:
    return scope is None or code in scope


def _components(
    graph: _Graph, scope: tuple[frozenset[str] | None, frozenset[str] | None]
) -> list[tuple[list[str], list[str]]]:
    """The connected parts of the link graph, and each unit of interest without a link.

    Old and new codes are apart: a code reused across the reform is two nodes.
    """
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def root(node: tuple[str, str]) -> tuple[str, str]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for o, targets in graph.succ.items():
        for n in targets:
            a, b = root(("o", o)), root(("n", n))
            if a != b:
                parent[max(a, b)] = min(a, b)
    parts: dict[tuple[str, str], tuple[list[str], list[str]]] = {}
    for node in list(parent):
        olds, news = parts.setdefault(root(node), ([], []))
        (olds if node[0] == "o" else news).append(node[1])
    old_scope, new_scope = scope
    found = [
        (sorted(olds), sorted(news))
        for olds, news in parts.values()
        if (old_scope is None and new_scope is None)
        or (old_scope is not None and not old_scope.isdisjoint(olds))
        or (new_scope is not None and not new_scope.isdisjoint(news))
    ]
    found += [([o], []) for o in sorted((old_scope or set()) - graph.succ.keys())]
    found += [([], [n]) for n in sorted((new_scope or set()) - graph.pred.keys())]
    return sorted(found, key=lambda s: (s[0][:1] or s[1][:1], s[1][:1]))


def _shares_frame(shares: pl.DataFrame | PathLike) -> tuple[str, pl.DataFrame, list[int]]:
    """A shares frame or file as (file name, frame of its cells, row numbers)."""
    if isinstance(shares, pl.DataFrame):
        return "<shares>", shares, list(range(2, shares.height + 2))
    grid = read_grid(Path(shares), sheet=None)
    header, *body = [[cell_text(v) for v in r] for r in grid.rows if any(r)] or [[]]
    columns = {h: [r[j] if j < len(r) else None for r in body] for j, h in enumerate(header) if h}
    rows = [n for n, r in zip(grid.numbers, grid.rows, strict=True) if any(r)][1:]
    return str(shares), pl.DataFrame(columns, schema=dict.fromkeys(columns, pl.String)), rows


def _read_shares(shares: pl.DataFrame | PathLike, graph: _Graph) -> dict[tuple[str, str], Decimal]:
    """The share of each link ``(old, new)``, checked; ``KpiDataError`` with every problem."""
    file, frame, rows = _shares_frame(shares)
    issues: list[DataIssue] = []

    def issue(message: str, row: int | None, column: str | None, value: object = None) -> None:
        issues.append(DataIssue(message, file=file, row=row, column=column, value=value))

    columns = _share_columns(frame, issue)
    if issues:
        raise KpiDataError(issues)
    out: dict[tuple[str, str], Decimal] = {}
    first: dict[tuple[str, str], int] = {}
    texts = frame.select(columns["old_code"], columns["new_code"], columns["share"])
    for row, (old, new, raw) in zip(rows, texts.iter_rows(), strict=True):
        key = ((old or "").strip(), (new or "").strip())
        share = _share(raw)
        problems = _share_problems(key, share, graph)
        if key in first:
            problems.append((f"the same link is on row {first[key]}", "new_code"))
        for message, column in problems:
            issue(message, row, column, raw if column == "share" else key[1])
        first.setdefault(key, row)
        if share is not None and not problems:
            out[key] = share
    _check_totals(out, issue)
    if issues:
        raise KpiDataError(issues)
    return out


def _check_totals(shares: dict[tuple[str, str], Decimal], issue: Callable[..., None]) -> None:
    """The shares of each old unit must add up to 1 (to within :data:`_SHARE_TOLERANCE`)."""
    totals: dict[str, Decimal] = {}
    for (old, _), share in shares.items():
        totals[old] = totals.get(old, Decimal(0)) + share
    for old, total in sorted(totals.items()):
        if abs(total - 1) > _SHARE_TOLERANCE:
            issue(f"the shares of {old} add up to {total}, not 1", None, "share")


def _share_columns(frame: pl.DataFrame, issue: Callable[..., None]) -> dict[str, str]:
    """The frame's column of each of old_code, new_code and share (a problem if missing)."""
    columns = {c.strip().casefold(): c for c in frame.columns}
    for column in ("old_code", "new_code", "share"):
        if column not in columns:
            issue(f"missing required column; the header has {', '.join(frame.columns)}", 1, column)
        elif column != "share" and frame[columns[column]].dtype not in (pl.String, pl.Null):
            issue("must be text so leading zeros survive", 1, column)
    return columns


def _share_problems(
    key: tuple[str, str], share: Decimal | None, graph: _Graph
) -> list[tuple[str, str]]:
    """What is wrong with one share: (message, column) pairs."""
    problems = []
    if share is None or not Decimal(0) <= share <= Decimal(1):
        problems.append(("share must be a number from 0 to 1", "share"))
    relation = graph.succ.get(key[0], {}).get(key[1])
    if relation is None:
        problems.append((f"{key[0]} → {key[1]} is not a link", "new_code"))
    elif relation == "full" and share is not None and share != 1:
        problems.append((f"the whole of {key[0]} went into {key[1]}: its share is 1", "share"))
    return problems


def _share(raw: object) -> Decimal | None:
    if raw is None or isinstance(raw, bool):
        return None
    text = repr(raw) if isinstance(raw, float) else str(raw).strip().replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


_BRIDGE_SCHEMA: dict[str, Any] = {
    "group": pl.Int32,
    "effective": pl.Date,
    "old_codes": pl.List(pl.String),
    "new_codes": pl.List(pl.String),
    "metric": pl.String,
    "old_year": pl.Int32,
    "old_period_start": pl.Date,
    "old_as_of": pl.Date,
    "old_actual": pl.Float64,
    "old_target": pl.Float64,
    "old_missing": pl.List(pl.String),
    "new_year": pl.Int32,
    "new_period_start": pl.Date,
    "new_as_of": pl.Date,
    "new_actual": pl.Float64,
    "new_target": pl.Float64,
    "new_missing": pl.List(pl.String),
    "change": pl.Float64,
    "exact": pl.Boolean,
    "estimated": pl.Boolean,
    "source": pl.String,
    "note": pl.String,
}
#: What ``source`` says of a figure derived from shares (unless a part is synthetic).
ESTIMATED_SOURCE = "estimated from shares"


class _Figure(NamedTuple):
    actual: Decimal | None
    target: Decimal | None
    synthetic: bool


class _Side(NamedTuple):
    """The rows of one structure: each (metric, unit)'s figure and each metric's period."""

    figures: dict[tuple[str, str], _Figure]
    periods: dict[str, tuple[dt.date, dt.date]]


def bridge_figures(
    kpis: pl.DataFrame | pl.LazyFrame,
    links: Links,
    *,
    old_year: int,
    new_year: int,
    by: str | Sequence[Sequence[str]] = "group",
    shares: pl.DataFrame | PathLike | None = None,
    effective: dt.date | str | None = None,
) -> pl.DataFrame:
    """The old units' figures of ``old_year`` beside the new units' of ``new_year``, per group.

    The groups are those of :func:`comparable_groups` (``by`` as there). For each group and
    metric, ``old_actual`` / ``old_target`` add up the figures of the group's old units
    (rows of ``old_year`` dated before the links take effect) and ``new_actual`` /
    ``new_target`` those of its new units (rows of ``new_year`` dated from then on), in
    exact decimal arithmetic; a target sum is null unless every unit has one.
    ``change`` is new − old. ``*_missing`` lists the units of a side without a row,
    ``*_period_start`` / ``*_as_of`` the period a side's figures cover (one per side and
    metric: rows of several periods are refused, not mixed).

    A group that is not exact (a new unit of it takes a part of an old unit split with a
    new unit outside it) is refused, with the links that break it, unless ``shares`` gives
    the share of each such old unit that went into each new unit (columns ``old_code``,
    ``new_code``, ``share``; a frame or a CSV/Excel file; the shares of one old unit add up
    to 1; a ``full`` link's share is 1). Then the group's old figures are the old units'
    figures times their shares, ``estimated`` is True and ``source`` says
    ``estimated from shares`` (``synthetic`` when a part is synthetic: ``estimated`` and
    ``note`` still say it). Exact groups are never estimated.

    Returns the columns group, effective, old_codes, new_codes, metric, old_year, old_period_start,
    old_as_of, old_actual, old_target, old_missing, new_year, new_period_start,
    new_as_of, new_actual, new_target, new_missing, change, exact, estimated, source and
    note; one row per group and metric with a figure on either side.

    Raises
    ------
    ParameterError
        A group is not exact and no shares are given (the message names the parts that
        break it), a share is missing, or the years or periods cannot be told apart.
    KpiDataError
        The shares are wrong (naming row, column and value).

    Examples
    --------
    >>> links = Links.from_frame(pl.DataFrame({
    ...     "old_code": ["017", "018", "018", "019"], "new_code": ["N1", "N1", "N2", "N2"],
    ...     "relation": ["full", "partial", "partial", "full"],
    ...     "effective": ["2025-07-01"] * 4, "source": ["NQ"] * 4}))
    >>> kpis = pl.DataFrame({"unit_code": ["017", "018", "019", "N1", "N2"],
    ...     "year": [2024, 2024, 2024, 2026, 2026], "metric": ["admissions"] * 5,
    ...     "actual": [100.0, 50.0, 30.0, 120.0, 70.0], "target": [90.0, 60.0, 30.0, None, 80.0],
    ...     "as_of": [None] * 5, "source": ["report"] * 5})
    >>> bridge = bridge_figures(kpis, links, old_year=2024, new_year=2026)
    >>> bridge.select("old_codes", "new_codes", "old_actual", "new_actual", "change").row(0)
    (['017', '018', '019'], ['N1', 'N2'], 180.0, 190.0, 10.0)
    >>> bridge_figures(kpis, links, old_year=2024, new_year=2026, by="new")
    Traceback (most recent call last):
    ...
    kpitools.errors.ParameterError: 2 groups cannot be compared exactly:
      N1: N1 takes a part of 018, which is split with N2
      N2: N2 takes a part of 018, which is split with N1
    pass shares= (old_code, new_code, share) to estimate them, or compare by="group"
    >>> shares = pl.DataFrame({"old_code": ["018", "018"], "new_code": ["N1", "N2"],
    ...                        "share": [0.6, 0.4]})
    >>> est = bridge_figures(kpis, links, old_year=2024, new_year=2026, by="new", shares=shares)
    >>> est.select("new_codes", "old_actual", "new_actual", "estimated", "source").rows()
    [(['N1'], 130.0, 120.0, True, 'estimated from shares'), (['N2'], 50.0, 70.0, True, 'estimated from shares')]
    """  # noqa: E501
    graph = _graph(links, effective)
    day = graph.day
    for name, year, ok in (
        ("old_year", old_year, old_year <= day.year),
        ("new_year", new_year, new_year >= day.year),
    ):
        if isinstance(year, bool) or not isinstance(year, int) or not ok:
            side = "before" if name == "old_year" else "from"
            raise ParameterError(
                f"{name} must be a year {side} the change of {day.isoformat()}, not {year!r}"
            )
    groups = comparable_groups(links, by=by, effective=day)
    weights = _weights(groups, graph, shares, by)
    frame = kpis.collect() if isinstance(kpis, pl.LazyFrame) else kpis
    old_codes = {c for g in groups["old_codes"].to_list() for c in g}
    new_codes = {c for g in groups["new_codes"].to_list() for c in g}
    old = _side(frame, "old", old_year, old_codes, pl.col("_end") < day)
    new = _side(frame, "new", new_year, new_codes, pl.col("_end") >= day)
    metrics = sorted({m for m, _ in old.figures} | {m for m, _ in new.figures})
    rows = []
    for group, olds, news, exact in groups.select(
        "group", "old_codes", "new_codes", "exact"
    ).iter_rows():
        weight = weights.get(group, {})
        for metric in metrics:
            o = _total(old, metric, olds, weight)
            n = _total(new, metric, news, {})
            if o is None and n is None:
                continue
            sides = ((old_year, old, o), (new_year, new, n))
            rows.append(_bridge_row(group, olds, news, metric, exact, *sides) | {"effective": day})
    return pl.DataFrame(rows, schema=_BRIDGE_SCHEMA)


def _weights(
    groups: pl.DataFrame,
    graph: _Graph,
    shares: pl.DataFrame | PathLike | None,
    by: str | Sequence[Sequence[str]],
) -> dict[int, dict[str, Decimal]]:
    """Per group that is not exact, the share of each of its old units that it took."""
    inexact = groups.filter(~pl.col("exact"))
    if inexact.is_empty():
        return {}
    if shares is None:
        raise _refusal(inexact, by)
    share_of = _read_shares(shares, graph)
    out: dict[int, dict[str, Decimal]] = {}
    missing: list[str] = []
    for group, olds, news, breaks in inexact.select(
        "group", "old_codes", "new_codes", "breaks"
    ).iter_rows():
        if unlinked := [b for b in breaks if b["problem"] in ("no link", "not given")]:
            code = unlinked[0]["old_code"] or unlinked[0]["new_code"]
            raise ParameterError(f"group {group} cannot be estimated: {code} has no link")
        out[group] = {o: _weight(graph, o, news, share_of, missing) for o in olds}
    if missing:
        raise ParameterError(f"no share is given for the partial links {_listed(missing)}")
    return out


def _refusal(inexact: pl.DataFrame, by: str | Sequence[Sequence[str]]) -> ParameterError:
    """Why the groups that are not exact cannot be bridged without shares."""
    n = inexact.height
    lines = [
        f"  {', '.join(news) or ', '.join(olds)}: {why}"
        for olds, news, why in inexact.head(5).select("old_codes", "new_codes", "why").rows()
    ]
    if n > 5:
        lines.append(f"  … and {n - 5} more")
    return ParameterError(
        f"{n} group{'s' if n != 1 else ''} cannot be compared exactly:\n"
        + "\n".join(lines)
        + "\npass shares= (old_code, new_code, share) to estimate them"
        + ("" if by == "group" else ', or compare by="group"')
    )


def _weight(
    graph: _Graph,
    old: str,
    news: Sequence[str],
    share_of: dict[tuple[str, str], Decimal],
    missing: list[str],
) -> Decimal:
    """The share of ``old`` that went into the new units ``news`` (missing shares noted)."""
    total = Decimal(0)
    for new in news:
        relation = graph.succ[old].get(new)
        if relation == "full":
            total += 1
        elif relation == "partial":
            if (old, new) not in share_of:
                missing.append(f"{old} → {new}")
            total += share_of.get((old, new), Decimal(0))
    return total


def _side(frame: pl.DataFrame, side: str, year: int, codes: set[str], dated: pl.Expr) -> _Side:
    """The rows of one side: ``year``, the side's codes, dated on the side's side of the change."""
    need = [c for c in ("unit_code", "year", "metric", "actual") if c not in frame.columns]
    if need:
        raise ParameterError(f"the KPI table has no column {', '.join(need)}")

    def column(name: str, dtype: Any) -> pl.Expr:
        return pl.col(name) if name in frame.columns else pl.lit(None, dtype)

    rows = (
        frame.filter(pl.col("year") == year, pl.col("unit_code").is_in(sorted(codes)))
        .with_columns(
            pl.coalesce(column("as_of", pl.Date), pl.date(pl.col("year"), 12, 31)).alias("_end"),
            pl.coalesce(column("period_start", pl.Date), pl.date(pl.col("year"), 1, 1)).alias(
                "_start"
            ),
            column("target", pl.Float64).alias("_target"),
            (column("source", pl.String) == "synthetic").fill_null(False).alias("_synthetic"),
        )
        .filter(dated)
    )
    periods: dict[str, tuple[dt.date, dt.date]] = {}
    for (metric,), part in rows.group_by("metric", maintain_order=True):
        found = part.select("_start", "_end").unique().sort("_start", "_end").rows()
        if len(found) > 1:
            shown = ", ".join(f"{a.isoformat()} – {b.isoformat()}" for a, b in found)
            raise ParameterError(
                f"the {side} units' rows of {metric} in {year} cover several periods ({shown}); "
                "keep the rows of one period"
            )
        periods[str(metric)] = found[0]
    figures: dict[tuple[str, str], _Figure] = {}
    for code, metric, actual, target, synthetic in rows.select(
        "unit_code", "metric", "actual", "_target", "_synthetic"
    ).iter_rows():
        if (metric, code) in figures:
            raise ParameterError(f"{code} has two rows of {metric} in {year}")
        figures[metric, code] = _Figure(_dec(actual), _dec(target), synthetic)
    return _Side(figures, periods)


def _dec(x: float | None) -> Decimal | None:
    return None if x is None or x != x else Decimal(repr(x))


class _Total(NamedTuple):
    actual: Decimal | None
    target: Decimal | None
    missing: list[str]
    synthetic: bool


def _total(
    side: _Side, metric: str, codes: Sequence[str], weight: dict[str, Decimal]
) -> _Total | None:
    """The (weighted) sum of the figures of ``codes``; None when none of them has a figure.

    A unit without a row, or whose actual is missing, is listed as missing.
    """
    found = [(c, side.figures.get((metric, c))) for c in codes if weight.get(c, 1) != 0]
    present = [(c, f) for c, f in found if f is not None and f.actual is not None]
    if not present:
        return None
    missing = [c for c, f in found if f is None or f.actual is None]
    share = {c: weight.get(c, Decimal(1)) for c, _ in present}
    actual = sum((share[c] * f.actual for c, f in present if f.actual is not None), Decimal(0))
    target = None
    if not missing and all(f.target is not None for _, f in present):
        target = sum((share[c] * (f.target or 0) for c, f in present), Decimal(0))
    return _Total(actual, target, missing, any(f.synthetic for _, f in present))


def _bridge_row(
    group: int,
    olds: list[str],
    news: list[str],
    metric: str,
    exact: bool,
    old: tuple[int, _Side, _Total | None],
    new: tuple[int, _Side, _Total | None],
) -> dict[str, Any]:
    row: dict[str, Any] = {
        "group": group,
        "old_codes": olds,
        "new_codes": news,
        "metric": metric,
        "exact": exact,
        "estimated": not exact,
    }
    notes = [] if exact else ["old figures estimated from shares"]
    synthetic = False
    for prefix, (year, side, total) in (("old", old), ("new", new)):
        start, end = side.periods.get(metric, (None, None))
        row |= {f"{prefix}_year": year, f"{prefix}_period_start": start, f"{prefix}_as_of": end}
        if total is None:
            row |= {f"{prefix}_actual": None, f"{prefix}_target": None, f"{prefix}_missing": []}
            notes.append(f"no figures of the {prefix} units")
            continue
        row |= {
            f"{prefix}_actual": _float(total.actual),
            f"{prefix}_target": _float(total.target),
            f"{prefix}_missing": total.missing,
        }
        if total.missing:
            notes.append(f"no figures of {_listed(total.missing)}")
        synthetic = synthetic or total.synthetic
    before, after = old[2].actual if old[2] else None, new[2].actual if new[2] else None
    row["change"] = _float(after - before if after is not None and before is not None else None)
    row["source"] = "synthetic" if synthetic else ("sum of units" if exact else ESTIMATED_SOURCE)
    row["note"] = "; ".join(notes) or None
    return row


def _float(x: Decimal | None) -> float | None:
    return None if x is None else float(x)
