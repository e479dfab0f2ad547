"""The unit registry: codes, names, levels, parents and dates of the units reported on."""

from __future__ import annotations

import bisect
import csv
import difflib
import functools
import heapq
import io
import itertools
import os
import re
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, NamedTuple

import polars as pl

from kpitools.errors import DataIssue, KpiDataError, KpiToolsError, ParameterError, show_value
from kpitools.textfold import (
    DIGITS,
    PLAIN_TEXT,
    keys_of_distinct,
    name_key,
    name_keys,
    name_keys_frame,
    name_keys_typed,
    nfc,
    type_key,
)

__all__ = [
    "LEVELS",
    "LEVEL_ALIASES",
    "LINK_COLUMNS",
    "TYPES",
    "Unit",
    "UnitNotInForceError",
    "UnitRegistry",
    "UnknownUnitError",
    "lifetime_years",
    "read_registry",
]

#: Allowed values of the registry's ``level`` column, from the top down: a province and a
#: centrally-run city (Hà Nội; the same rank), the district-level units (until
#: 2025-06-30), the other committees directly under the city, the commune-level units
#: (xã, phường, thị trấn, đặc khu) and basic (grassroots) Party organizations.
LEVELS: tuple[str, ...] = ("province", "city", "district", "affiliated", "commune", "basic")
#: Older words of the ``level`` column and the level each is read as.
LEVEL_ALIASES: dict[str, str] = {"ward": "commune"}
#: Usual values of the ``type`` column (free text; these are also name prefixes).
TYPES: tuple[str, ...] = ("tỉnh", "thành phố", "quận", "huyện", "thị xã", "phường", "xã",
                          "thị trấn", "đặc khu")  # fmt: skip
#: The columns a links frame needs (:meth:`UnitRegistry.with_links`).
LINK_COLUMNS: tuple[str, ...] = ("old_code", "new_code", "relation", "effective")
_RELATIONS = ("full", "partial")
_PAD_WIDTH = 3  # numbers are padded to province (2) and district (3) codes, not further
_DAY = timedelta(days=1)
# Where a text's keys (name_keys: strict full, strict bare, loose full, loose bare) are
# looked for: (index, key). The bare loose key is also tried against full loose names
# ("Phuong Phuong Liet": Phương Liệt keeps its first word, which only looks like a prefix).
_SEARCH_ORDER = ((0, 0), (1, 1), (2, 2), (3, 3), (2, 3))

REQUIRED_COLUMNS: tuple[str, ...] = ("code", "name", "level", "parent")
_COLUMNS = ("code", "name", "level", "type", "parent", "valid_from", "valid_to", "note")
_SCHEMA: dict[str, Any] = {
    "code": pl.String,
    "name": pl.String,
    "level": pl.String,
    "type": pl.String,
    "parent": pl.String,
    "valid_from": pl.Date,
    "valid_to": pl.Date,
    "note": pl.String,
}
_DATE_COLUMNS = ("valid_from", "valid_to")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MEMO_LIMIT = 65_536
# The longest text of letters, digits and spaces that show_value quotes whole.
_QUOTED_CHARS = next(n for n in range(1000, 0, -1) if show_value("a" * n) == f"'{'a' * n}'")
# What resolve_many settles once per distinct list of groups and era (see _bulk_outcome).
_OUTCOME_SCHEMA: dict[str, Any] = {
    "sig": pl.Int64, "era": pl.Int64, "code": pl.String, "pre": pl.String,
    "shown": pl.Boolean, "mid": pl.String, "dated": pl.Boolean, "post": pl.String,
    "cid": pl.Int64, "ambiguous": pl.Boolean, "not_in_force": pl.String,
}  # fmt: skip
_GLIST_SCHEMA: dict[str, Any] = {"text": pl.String, "glist": pl.List(pl.Int64),
                                 "number": pl.Boolean}  # fmt: skip


_DEMO: dict[str, list[Any]] = {
    "code": ["01", "001", "017", "019", "00454"],
    "name": ["Hà Nội", "Ba Đình", "Đông Anh", "Nam Từ Liêm", "Đông Anh"],
    "level": ["city", "district", "district", "district", "commune"],
    "type": ["thành phố", "quận", "huyện", "quận", "xã"],
    "parent": [None, "01", "01", "01", "01"],
    "valid_from": [None, None, None, "2014-04-01", "2025-07-01"],
    "valid_to": [None, "2025-06-30", "2025-06-30", "2025-06-30", None],
}


class UnknownUnitError(KpiToolsError, KeyError):
    r"""A unit name or code that the registry cannot resolve to exactly one unit.

    Attributes
    ----------
    name
        The text as given.
    suggestions
        Close or competing units as ``"code name"`` strings.
    ambiguous
        True when the text matches several units equally well.
    hint
        What would tell the units apart (ambiguous only); by default diacritics or the code.

    Examples
    --------
    >>> print(UnknownUnitError("Dong Anhh", ["017 Đông Anh"]))
    unknown unit 'Dong Anhh'; did you mean 017 Đông Anh?
    >>> print(UnknownUnitError("a\nb"))
    unknown unit 'a\nb'
    """

    def __init__(
        self,
        name: str,
        suggestions: Iterable[str] = (),
        *,
        ambiguous: bool = False,
        hint: str | None = None,
    ) -> None:
        self.name = name
        self.suggestions = list(suggestions)
        self.ambiguous = ambiguous
        self.hint = hint
        super().__init__(name, self.suggestions)

    def __str__(self) -> str:
        shown = show_value(self.name)
        if self.ambiguous:
            hint = self.hint or "write the name with its diacritics or use the code"
            return f"ambiguous unit {shown}: it matches {' and '.join(self.suggestions)}; {hint}"
        if self.suggestions:
            *head, last = self.suggestions
            options = f"{', '.join(head)} or {last}" if head else last
            return f"unknown unit {shown}; did you mean {options}?"
        return f"unknown unit {shown}"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_unknown, (self.name, self.suggestions, self.ambiguous, self.hint))


def _rebuild_unknown(
    name: str, suggestions: list[str], ambiguous: bool, hint: str | None = None
) -> UnknownUnitError:
    return UnknownUnitError(name, suggestions, ambiguous=ambiguous, hint=hint)


class UnitNotInForceError(UnknownUnitError):
    """A unit looked up on a day when it did not exist: it had ceased, or not yet begun.

    A :class:`UnknownUnitError` (so code that catches those catches these), whose message
    says when and, with links, where the area went: "017 Đông Anh ceased on 2025-06-30;
    its area is now in …".

    Attributes
    ----------
    code
        The unit's code (None when the text named several units, none in force).
    at
        The day asked about.
    detail
        The message without the code and name ("ceased on 2025-06-30; …").
    unit
        The row the message speaks of (the last before ``at``, else the first after).
    successors
        The codes the unit's area went to, by the registry's links.

    Examples
    --------
    >>> err = UnitNotInForceError("017", "017 Đông Anh ceased on 2025-06-30", code="017")
    >>> print(err), isinstance(err, UnknownUnitError)
    017 Đông Anh ceased on 2025-06-30
    (None, True)
    """

    def __init__(
        self,
        name: str,
        message: str,
        *,
        code: str | None = None,
        at: date | None = None,
        detail: str | None = None,
        successors: Iterable[str] = (),
        unit: Unit | None = None,
    ) -> None:
        super().__init__(name, successors)
        self.message = message
        self.code = code
        self.unit = unit
        self.at = at
        self.detail = detail if detail is not None else message
        self.successors = list(successors)

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _rebuild_not_in_force,
            (self.name, self.message, self.code, self.at, self.detail, self.successors, self.unit),
        )


def _rebuild_not_in_force(
    name: str,
    message: str,
    code: str | None,
    at: date | None,
    detail: str,
    successors: list[str],
    unit: Unit | None = None,
) -> UnitNotInForceError:
    return UnitNotInForceError(
        name, message, code=code, at=at, detail=detail, successors=successors, unit=unit
    )


class _Miss(NamedTuple):
    """An unknown text, remembered: its error's suggestions and whether it was ambiguous."""

    suggestions: tuple[str, ...]
    ambiguous: bool


class _Unsettled(NamedTuple):
    """Why a lookup has no one code.

    ``ambiguous`` (rows ``ids``), ``ceased`` (the one ``code`` named is not in force) or
    ``none`` (the units of rows ``ids``, none in force).
    """

    kind: str
    ids: tuple[int, ...]
    code: str = ""


class _Interned:
    """Lists of candidates, each distinct one numbered once, then joined to the rows."""

    def __init__(self) -> None:
        self._ids: dict[tuple[str, ...], int] = {}

    def id(self, labels: Sequence[str]) -> int:
        return self._ids.setdefault(tuple(labels), len(self._ids))

    def attach(self, frame: pl.DataFrame) -> pl.DataFrame:
        """``frame`` with its ``cid`` replaced by the ``candidates`` (list of String)."""
        ids = [cid for labels, cid in self._ids.items() for _ in labels]
        flat = [label for labels in self._ids for label in labels]
        lists = (
            pl.DataFrame({"cid": ids, "candidates": flat},
                         schema={"cid": pl.Int64, "candidates": pl.String})
            .group_by("cid").agg("candidates")
        )  # fmt: skip
        empty = pl.lit([], dtype=pl.List(pl.String))
        return frame.join(lists, on="cid", how="left", maintain_order="left").select(
            pl.exclude("cid", "candidates"),
            candidates=pl.when(pl.col("cid").is_not_null())
            .then(pl.col("candidates").fill_null(empty)),
        )  # fmt: skip


class _CloseMatches:
    """``difflib.get_close_matches(word, keys, n, cutoff)`` over fixed keys, found sooner.

    The answer is difflib's. difflib computes the ratio of every key that passes its
    quick filters. Here each key's letters are a bit set (the *k*-th ``a`` of a key is one
    bit), so the letters a key has in common with the word (the bound of ``quick_ratio``)
    are an ``&`` and a bit count, done in C over the keys of one length at a time; the
    ratios are then computed from the highest bound down, stopping where the bound falls
    below the ``n``-th best ratio found.

    Examples
    --------
    >>> keys = sorted(["dong anh", "ba dinh", "tay ho", "dan phuong"])
    >>> _CloseMatches(keys)("dong anhh", 3, 0.6) == difflib.get_close_matches("dong anhh", keys)
    True
    """

    def __init__(self, keys: Sequence[str]) -> None:
        self._keys = list(keys)
        self._bits: dict[tuple[str, int], int] = {}
        by_size: dict[int, tuple[list[str], list[int]]] = {}
        for key in self._keys:
            group = by_size.setdefault(len(key), ([], []))
            group[0].append(key)
            group[1].append(self._set(key, grow=True))
        self._groups = sorted((size, *group) for size, group in by_size.items())

    def _set(self, text: str, *, grow: bool = False) -> int:
        """The letters of ``text`` as a bit set: one bit per letter and occurrence."""
        seen: dict[str, int] = {}
        bits = 0
        for char in text:
            seen[char] = k = seen.get(char, 0) + 1
            bit = self._bits.get((char, k))
            if bit is None and grow:
                bit = self._bits[char, k] = len(self._bits)
            if bit is not None:
                bits |= 1 << bit
        return bits

    def _bounds(self, word: str, cutoff: float) -> list[tuple[float, str]]:
        """(difflib's ``quick_ratio``, key) of the keys where it reaches ``cutoff``."""
        letters, length = self._set(word), len(word)
        found: list[tuple[float, str]] = []
        for size, keys, sets in self._groups:
            total = length + size
            if 2.0 * min(length, size) / total < cutoff:  # difflib's real_quick_ratio
                continue
            common = list(map(int.bit_count, map(letters.__and__, sets)))
            bound = [2.0 * c / total for c in range(max(common) + 1)]
            least = next((c for c, b in enumerate(bound) if b >= cutoff), len(bound))
            kept = itertools.compress(zip(common, keys, strict=True), map(least.__le__, common))
            found += [(bound[c], key) for c, key in kept]
        return found

    def __call__(self, word: str, n: int, cutoff: float) -> list[str]:
        if not word:  # rare, and then there is nothing to bound by: difflib's own answer
            return difflib.get_close_matches(word, self._keys, n, cutoff)
        bounds = self._bounds(word, cutoff)
        bounds.sort(key=lambda found: found[0], reverse=True)
        matcher = difflib.SequenceMatcher()
        matcher.set_seq2(word)
        best: list[tuple[float, str]] = []  # the n best (ratio, key), least first
        for bound, key in bounds:
            if len(best) == n and bound < best[0][0]:
                break  # no key left can reach the n-th best ratio, nor tie with it
            matcher.set_seq1(key)
            ratio = matcher.ratio()
            if ratio >= cutoff:
                (heapq.heappush if len(best) < n else heapq.heappushpop)(best, (ratio, key))
        return [key for _, key in sorted(best, reverse=True)]


class Unit(NamedTuple):
    """One row of a registry: a unit as it was during ``valid_from`` … ``valid_to``.

    A code may have several rows (a unit whose parent changed, or a code given to another
    unit after the first one ceased); their periods never overlap. A null ``valid_from``
    means before the registry's horizon, a null ``valid_to`` that the unit still exists.

    Examples
    --------
    >>> unit = Unit("017", "Đông Anh", "district", "huyện", "01", None, date(2025, 6, 30))
    >>> unit.valid_on(date(2025, 6, 30)), unit.valid_on(date(2025, 7, 1))
    (True, False)
    """

    code: str
    name: str
    level: str
    type: str | None
    parent: str | None
    valid_from: date | None
    valid_to: date | None

    def valid_on(self, day: date) -> bool:
        """Whether the row is in force on ``day`` (both ends included)."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    def overlaps_year(self, year: int) -> bool:
        """Whether the row is in force on some day of the calendar ``year``."""
        return (self.valid_from is None or self.valid_from.year <= year) and (
            self.valid_to is None or self.valid_to.year >= year
        )


class _Lookup:
    """What a text names, before any date: groups of candidate rows, most specific first.

    The answer on a day depends only on which of the rows' first and last days it falls
    between (its *era*): each era's answer, a code or the error, is remembered.
    """

    __slots__ = ("answers", "bounds", "groups", "number")

    def __init__(self, groups: tuple[tuple[int, ...], ...], *, number: bool = False) -> None:
        self.groups = groups
        self.number = number  # a number padded to several codes
        self.bounds: list[date] | None = None  # built on the first lookup with a date
        self.answers: dict[int, str | tuple[Any, ...]] = {}


def _day(at: date | str | None) -> date | None:
    """``at`` as a date: a date, a datetime (its day) or ``YYYY-MM-DD`` text."""
    if at is None or type(at) is date:
        return at
    if isinstance(at, datetime):
        return at.date()
    if isinstance(at, date):
        return at
    if isinstance(at, str) and _ISO_DATE.fullmatch(at.strip()):
        try:
            return date.fromisoformat(at.strip())
        except ValueError:
            pass
    raise ParameterError(f"at must be a date or YYYY-MM-DD text, not {show_value(at)}")


#: :func:`type_key` of a registry's type column: a handful of values, many rows.
_type_key = functools.lru_cache(maxsize=256)(type_key)


def _bulk_queries(
    texts: pl.Series | Sequence[str | None],
    at: pl.Series | Sequence[date | str | None] | date | str | None,
) -> pl.DataFrame:
    """The texts and their days as a frame ``text``, ``at`` (checked as :meth:`resolve`)."""
    if isinstance(texts, pl.Series):
        if texts.dtype not in (pl.String, pl.Null):
            raise TypeError(f"unit names or codes must be text, not {texts.dtype}")
        column = texts.cast(pl.String).rename("text")
    else:
        try:
            column = pl.Series("text", list(texts), dtype=pl.String, strict=True)
        except (TypeError, pl.exceptions.PolarsError):
            bad = next(t for t in texts if t is not None and not isinstance(t, str))
            raise TypeError(f"a unit name or code must be str, not {type(bad).__name__}") from None
    return pl.DataFrame([column, _bulk_days(at, len(column)).rename("at")])


def _bulk_days(at: object, count: int) -> pl.Series:
    """``at`` of :meth:`UnitRegistry.resolve_many` as a Date column of ``count`` days."""
    if at is None or isinstance(at, (date, str)):
        return pl.repeat(_day(at), count, dtype=pl.Date, eager=True)
    if isinstance(at, pl.Series) and at.dtype in (pl.Date, pl.Null):
        days = at.cast(pl.Date)
    elif isinstance(at, pl.Series) and isinstance(at.dtype, pl.Datetime):
        days = at.dt.date()
    elif isinstance(at, (pl.Series, Sequence)):
        values = list(at)
        parsed = {v: _day(v) for v in set(values)} if values else {}
        days = pl.Series([parsed[v] for v in values], dtype=pl.Date)
    else:
        raise ParameterError(f"at must be a date, dates or None, not {show_value(at)}")
    if len(days) != count:
        raise ParameterError(f"at has {len(days)} days for {count} texts; give one per text")
    return days


def _span(unit: Unit) -> str:
    """A row's period for a message: ``to 2025-06-30``, ``from 2025-07-01``, both, or ""."""
    start, end = unit.valid_from, unit.valid_to
    if start is not None and end is not None:
        return f"{start.isoformat()} to {end.isoformat()}"
    if end is not None:
        return f"to {end.isoformat()}"
    if start is not None:
        return f"from {start.isoformat()}"
    return ""


@dataclass(frozen=True, eq=False, repr=False)
class UnitRegistry:
    """The units (city, districts, communes, other committees, ...) with codes and dates.

    Build one with :func:`read_registry` or :meth:`from_frame`; constructing it directly
    validates and normalizes the frame the same way. ``units`` has the columns code, name
    (NFC), level, type, parent (str or null), valid_from, valid_to (date or null: before
    the registry's horizon / still exists) and note, followed by any extra columns of the
    source; a code may be on several rows whose periods do not overlap (see :class:`Unit`).
    ``links`` is the optional frame of links between old and new units (old_code,
    new_code, relation ``full``/``partial``, effective, ...): with it, an error about a
    unit that ceased names its successors. Lookups are precomputed, so :meth:`resolve`
    is cheap enough for every row.

    Every lookup takes an optional date ``at``: without it a code means its latest row
    and a name any unit that ever had it (so a name two units had at different times is
    ambiguous); with it, the row in force that day.

    Examples
    --------
    >>> reg = UnitRegistry.from_frame(pl.DataFrame(_DEMO))
    >>> len(reg), "017" in reg
    (5, True)
    >>> reg.resolve("huyện Đông Anh"), reg.name("017")
    ('017', 'Đông Anh')
    >>> reg.resolve("Đông Anh", at="2023-12-31"), reg.resolve("Đông Anh", at="2026-12-31")
    ('017', '00454')
    """

    units: pl.DataFrame
    links: pl.DataFrame | None = None
    # The lookups are built on first use (a registry read only for its frame costs nothing
    # more): see _rows, _by_code, _children, _folded, _names and _links_by.
    # Each text looked up (its candidates, or the error's suggestions), up to _MEMO_LIMIT.
    _memo: dict[str, _Lookup | _Miss] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "units", _normalized_or_raise(self.units, "<frame>", None))
        if self.links is not None:
            object.__setattr__(self, "links", _links_or_raise(self.links, "<links>"))
        object.__setattr__(self, "_memo", {})

    @classmethod
    def _checked(cls, units: pl.DataFrame, links: pl.DataFrame | None = None) -> UnitRegistry:
        """A registry of frames already checked (not normalized again)."""
        registry = object.__new__(cls)
        object.__setattr__(registry, "units", units)
        object.__setattr__(registry, "links", links)
        object.__setattr__(registry, "_memo", {})
        return registry

    @functools.cached_property
    def _rows(self) -> tuple[Unit, ...]:
        columns = [self.units.get_column(c).to_list() for c in _COLUMNS[:-1]]
        return tuple(map(Unit._make, zip(*columns, strict=True)))

    @functools.cached_property
    def _by_code(self) -> dict[str, tuple[int, ...]]:
        """Each code's rows, oldest first."""
        by_code: dict[str, list[int]] = {}
        for i, unit in enumerate(self._rows):
            by_code.setdefault(unit.code, []).append(i)
        rows = self._rows

        def oldest_first(ids: list[int]) -> tuple[int, ...]:
            if len(ids) == 1:
                return (ids[0],)
            return tuple(sorted(ids, key=lambda i: rows[i].valid_from or date.min))

        return {code: oldest_first(ids) for code, ids in by_code.items()}

    @functools.cached_property
    def _children(self) -> dict[str, tuple[int, ...]]:
        children: dict[str, list[int]] = {}
        for i, unit in enumerate(self._rows):
            if unit.parent is not None:
                children.setdefault(unit.parent, []).append(i)
        return {k: tuple(v) for k, v in children.items()}

    @functools.cached_property
    def _folded(self) -> dict[str, str]:
        folded: dict[str, list[str]] = {}
        for code in self._by_code:
            folded.setdefault(code.casefold(), []).append(code)
        return {k: v[0] for k, v in folded.items() if len(v) == 1}

    @functools.cached_property
    def _pad_widths(self) -> tuple[int, ...]:
        """The widths a number without leading zeros may be padded to (2 and 3).

        Those of the registry's province and district codes, never a commune's 5.
        """
        widths = {len(c) for c in self._by_code if DIGITS.fullmatch(c)}
        return tuple(sorted(w for w in widths if w <= _PAD_WIDTH))

    @functools.cached_property
    def _types(self) -> tuple[str | None, ...]:
        return tuple(_type_key(unit.type) for unit in self._rows)

    @classmethod
    def from_frame(
        cls,
        df: pl.DataFrame | pl.LazyFrame,
        *,
        source: str = "<frame>",
        links: pl.DataFrame | None = None,
    ) -> UnitRegistry:
        """Validate a registry frame and build a registry from it.

        Same rules as :func:`read_registry`; rows are numbered as in a spreadsheet
        (header row 1, first data row 2). Code and parent columns must be text. ``links``
        is a links frame as :meth:`with_links` takes it.

        Raises
        ------
        KpiDataError
            Listing every problem with ``source``, row, column and value.

        Examples
        --------
        >>> bad = pl.DataFrame({"code": ["01", "01"], "name": ["Hà Nội", "X"],
        ...                     "level": ["city", "town"], "parent": [None, None]})
        >>> UnitRegistry.from_frame(bad, source="mine")
        Traceback (most recent call last):
        ...
        kpitools.errors.KpiDataError: 2 problems in the input:
          mine, row 3, column 'code': code 01 is also on row 2, for a period that overlaps this row's (always / always); give the rows of one code periods that do not overlap (value '01')
          mine, row 3, column 'level': unknown level; expected one of province, city, district, affiliated, commune, basic (value 'town')
        """  # noqa: E501
        frame = df.collect() if isinstance(df, pl.LazyFrame) else df
        checked = _links_or_raise(links, "<links>") if links is not None else None
        return cls._checked(_normalized_or_raise(frame, source, None), checked)

    def with_links(self, links: pl.DataFrame | None) -> UnitRegistry:
        """A copy of the registry with ``links`` between old and new units (None: none).

        ``links`` is a polars frame with the columns ``old_code``, ``new_code``,
        ``relation`` (``full``: the whole old unit went into the new one; ``partial``: a
        part of it did) and ``effective`` (the first day of the new structure; a date or
        ``YYYY-MM-DD`` text), and any others (``source``, ``note``), as
        ``kpitools.links.read_links(path).frame`` gives it. The links name the successors
        of a unit that ceased in errors (:class:`UnitNotInForceError`) and
        :meth:`successors`.

        Raises
        ------
        KpiDataError
            A missing column, an unknown relation or a bad date, by row.

        Examples
        --------
        >>> reg = UnitRegistry.from_frame(pl.DataFrame(_DEMO)).with_links(pl.DataFrame({
        ...     "old_code": ["017"], "new_code": ["00454"], "relation": ["partial"],
        ...     "effective": ["2025-07-01"]}))
        >>> reg.successors("017")
        [('00454', 'partial')]
        >>> reg.resolve("huyện Đông Anh", at="2026-12-31")
        Traceback (most recent call last):
        ...
        kpitools.registry.UnitNotInForceError: 017 Đông Anh ceased on 2025-06-30; its area is now in 00454 Đông Anh (part)
        """  # noqa: E501
        checked = _links_or_raise(links, "<links>") if links is not None else None
        return UnitRegistry._checked(self.units, checked)

    def __repr__(self) -> str:
        return f"UnitRegistry({len(self)} units)"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, UnitRegistry):
            return NotImplemented
        if (self.links is None) != (other.links is None):
            return False
        same_links = self.links is None or self.links.equals(other.links)  # type: ignore[arg-type]
        return self.units.equals(other.units) and same_links

    __hash__ = None  # type: ignore[assignment]

    def __len__(self) -> int:
        return self.units.height

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._by_code

    # ------------------------------------------------------------------ resolve

    def resolve(self, text: str, *, at: date | str | None = None) -> str:
        """Return the code of the unit that ``text`` names (on the day ``at``, if given).

        Tried in order: an exact code (surrounding spaces ignored; letters in any case);
        a number without leading zeros padded to a province or district code (2 or 3
        digits: spreadsheets turn "017" into 17) when exactly one of those codes is a
        unit (on ``at``, if given) — never to a 5-digit commune code, so "4" is not
        "00004"; the name by :func:`name_key` with diacritics; then without diacritics.
        A name that equals a unit's full name (prefix included) wins over prefix removal,
        and a prefix that is a type (``huyện``, ``xã``, ``phường``, ``thị trấn``, ``đặc
        khu``, ``tỉnh``…) keeps the units of that type when some have it.

        Without ``at``, a name must name one code at some time; with ``at``, the units
        in force on that day are taken first ("Đông Anh" is district 017 on 2023-12-31
        and xã Đông Anh on 2026-12-31).

        Raises
        ------
        UnknownUnitError
            No unit matches (up to 3 close names are suggested), or the text matches
            several units (all are listed with their type and dates where these tell them
            apart; ``ambiguous`` is True).
        UnitNotInForceError
            ``at`` is given and the units the text names were not in force that day (the
            message says when they ceased or start, and their successors when the links
            are known).
        ParameterError
            ``at`` is not a date.

        Examples
        --------
        >>> reg = UnitRegistry.from_frame(pl.DataFrame(_DEMO))
        >>> [reg.resolve(t) for t in ["017", "17", "Q. Ba Đình", "nam tu liem", "01"]]
        ['017', '017', '001', '019', '01']
        >>> reg.resolve("Dong Anhh")
        Traceback (most recent call last):
        ...
        kpitools.registry.UnknownUnitError: unknown unit 'Dong Anhh'; did you mean 017 Đông Anh or 00454 Đông Anh?
        >>> reg.resolve("Đông Anh")
        Traceback (most recent call last):
        ...
        kpitools.registry.UnknownUnitError: ambiguous unit 'Đông Anh': it matches 017 huyện Đông Anh (to 2025-06-30) and 00454 xã Đông Anh (from 2025-07-01); give a date, the type (huyện, xã…) or the code
        >>> reg.resolve("xã Đông Anh"), reg.resolve("1", at="2026-12-31")
        ('00454', '01')
        >>> reg.resolve("Nam Từ Liêm", at="2026-12-31")
        Traceback (most recent call last):
        ...
        kpitools.registry.UnitNotInForceError: 019 Nam Từ Liêm ceased on 2025-06-30
        """  # noqa: E501
        if not isinstance(text, str):
            raise TypeError(f"a unit name or code must be str, not {type(text).__name__}")
        day = at if type(at) is date else _day(at)
        found = self._memo.get(text) or self._remembered(text)
        if isinstance(found, _Miss):
            raise UnknownUnitError(text, found.suggestions, ambiguous=found.ambiguous)
        if day is None:
            return self._pick(text, found, None)
        bounds = found.bounds
        if bounds is None:
            bounds = found.bounds = self._bounds(found)
        era = bisect.bisect_right(bounds, day)
        answer = found.answers.get(era)
        if answer is None:
            try:
                answer = self._pick(text, found, day)
            except UnknownUnitError as exc:
                answer = exc.__reduce__()  # how to make it again (not the error: its traceback)
            found.answers[era] = answer
        if isinstance(answer, str):
            return answer
        rebuild, args = answer
        raise rebuild(*args)

    def _remembered(self, text: str) -> _Lookup | _Miss:
        """:meth:`_lookup` of ``text``, or its error as a :class:`_Miss`, remembered."""
        try:
            found: _Lookup | _Miss = self._lookup(text)
        except UnknownUnitError as exc:
            found = _Miss(tuple(exc.suggestions), exc.ambiguous)
        if len(self._memo) < _MEMO_LIMIT:
            self._memo[text] = found
        return found

    def resolve_many(
        self,
        texts: pl.Series | Sequence[str | None],
        *,
        at: pl.Series | Sequence[date | str | None] | date | str | None = None,
    ) -> pl.DataFrame:
        """Resolve many texts at once, each on its own day: :meth:`resolve` of every row.

        The answers are :meth:`resolve`'s, row by row, without an exception per row: a
        text that resolves has its ``code``; one that does not has a null code, the
        message :meth:`resolve` would raise as ``error`` and the error's suggestions
        (close names, competing units or successors) as ``candidates``. The work is done
        once per distinct text and date range, as joins: the names are keyed in polars
        (:func:`kpitools.textfold.name_keys_frame`), matched to the name indexes, and
        each distinct list of candidates is settled once per range of days in which no
        unit of the registry begins or ends. Use it to read a column of names.

        Parameters
        ----------
        texts
            Unit names or codes, as a String column or a sequence (None or null: a null
            answer).
        at
            One day for every text, or a day per text (a Date column or a sequence of
            dates, ``YYYY-MM-DD`` texts or None), or None: any date, as :meth:`resolve`.

        Returns
        -------
        polars.DataFrame
            One row per text, in order: ``text``, ``at`` (Date), ``code``, ``error``
            (String), ``candidates`` (list of String: the error's ``suggestions``),
            ``ambiguous`` (the error's ``ambiguous``) and ``not_in_force`` (the ``code``
            of a :class:`UnitNotInForceError`: the one unit named, not in force that
            day). The last four are null where a code is found.

        Raises
        ------
        TypeError
            A text is not a str.
        ParameterError
            ``at`` is not a date, or has not one day per text.

        Examples
        --------
        >>> reg = UnitRegistry.from_frame(pl.DataFrame(_DEMO))
        >>> out = reg.resolve_many(["Đông Anh", "Đông Anh", "017", "Dong Anhh"],
        ...                        at=["2023-12-31", "2026-12-31", None, None])
        >>> out["code"].to_list()
        ['017', '00454', '017', None]
        >>> out["error"][3]
        "unknown unit 'Dong Anhh'; did you mean 017 Đông Anh or 00454 Đông Anh?"
        >>> out["candidates"][3].to_list()
        ['017 Đông Anh', '00454 Đông Anh']
        """
        frame = _bulk_queries(texts, at)
        bounds = self._era_bounds
        found = pl.Series(bounds, dtype=pl.Date).search_sorted(
            frame["at"].fill_null(date.min), side="right"
        )
        frame = frame.with_columns(
            era=pl.when(pl.col("at").is_null()).then(-1).otherwise(found.cast(pl.Int64))
        )
        pairs = frame.select("text", "era").drop_nulls("text").unique()
        said = _Interned()
        looked, sigs = self._bulk_lookups(pairs.get_column("text").unique(), said)
        answers = self._bulk_answers(pairs.join(looked, on="text"), bounds, sigs, said)
        frame = frame.join(answers, on=["text", "era"], how="left", maintain_order="left")
        days = frame.get_column("at").filter(frame["dated"].fill_null(False)).unique()
        isos = pl.Series([d.isoformat() for d in days], dtype=pl.String)
        dated = pl.concat_str("error", pl.col("at").replace_strict(days, isos), "post")
        return frame.select(
            "text",
            "at",
            "code",
            error=pl.when(pl.col("dated")).then(dated).otherwise("error"),
            candidates="candidates",
            ambiguous="ambiguous",
            not_in_force="not_in_force",
        )

    @functools.cached_property
    def _era_bounds(self) -> list[date]:
        """The days on which some unit begins or the day after one ends, sorted.

        Between two of them (an *era*) every row is in force on every day or on none, so
        every answer of :meth:`resolve` with a date is the same on all the era's days.
        """
        starts, ends = self._spans
        days = {d for d in starts if d > date.min}
        days.update(d + _DAY for d in ends if d < date.max)
        return sorted(days)

    @functools.cached_property
    def _interned(self) -> tuple[dict[tuple[int, ...], int], pl.DataFrame]:
        """Each distinct group of rows of the name indexes numbered, and the indexes.

        The indexes as one frame of ``index``, ``key``, ``gid`` (the group's number).
        """
        ids: dict[tuple[int, ...], int] = {}
        parts = []
        indexes = self._names[0]
        for index, (by_key, keys) in enumerate(zip(indexes, self._index_keys, strict=True)):
            gids = [ids.setdefault(rows, len(ids)) for rows in by_key.values()]
            parts.append(
                pl.DataFrame([keys, pl.Series("gid", gids, dtype=pl.Int64)]).with_columns(
                    index=pl.lit(index, dtype=pl.Int8)
                )
            )
        return ids, pl.concat(parts)

    def _gid(self, rows: tuple[int, ...]) -> int:
        ids = self._interned[0]
        return ids.setdefault(rows, len(ids))

    @functools.cached_property
    def _gids(self) -> list[tuple[int, ...]]:
        """The groups of :attr:`_interned` by ``gid`` (grown as groups are added)."""
        return []

    def _group(self, gid: int) -> tuple[int, ...]:
        groups = self._gids
        if gid >= len(groups):
            groups[:] = list(self._interned[0])
        return groups[gid]

    def _bulk_lookups(
        self, texts: pl.Series, said: _Interned
    ) -> tuple[pl.DataFrame, list[tuple[tuple[int, ...], bool]]]:
        """Each distinct text's groups, or why it names no unit.

        Per text: ``sig`` (its groups and number flag, numbered) or, for an unknown text,
        the ``miss`` message and its candidates' number ``miss_cid``; and the sigs.
        """
        stripped = texts.str.strip_chars(" ")
        named = texts.str.contains(PLAIN_TEXT) & ~(
            stripped.is_in(list(self._by_code))
            | stripped.str.to_lowercase().is_in(list(self._folded))
            | stripped.str.contains("^[0-9]+$")
        )  # else what _bulk_codes tells apart
        codes, others = self._bulk_codes(texts.filter(~named).to_list())
        names = texts.filter(named).extend(pl.Series(others, dtype=pl.String))
        found = pl.concat([codes, self._bulk_named(names)]).with_columns(
            sig=pl.concat_str(
                pl.col("glist").cast(pl.List(pl.String)).list.join(","), "number"
            ).rank("dense").cast(pl.Int64) - 1
        )  # fmt: skip
        sigs: list[tuple[tuple[int, ...], bool]] = [((), False)] * found["sig"].n_unique()
        for sig, glist, number in found.unique("sig").select("sig", "glist", "number").iter_rows():
            sigs[sig] = (tuple(glist), number)
        missed = texts.to_frame("text").join(found, on="text", how="anti")["text"].to_list()
        misses = [self._miss(text) for text in missed]
        missing = pl.DataFrame(
            {"text": missed, "miss": [m for m, _, _ in misses],
             "miss_cid": [said.id(c) for _, c, _ in misses],
             "miss_ambiguous": [a for _, _, a in misses]},
            schema={"text": pl.String, "miss": pl.String, "miss_cid": pl.Int64,
                    "miss_ambiguous": pl.Boolean},
        )  # fmt: skip
        frame = pl.concat([found.select("text", "sig"), missing], how="diagonal_relaxed")
        return frame, sigs

    def _miss(self, text: str) -> tuple[str, list[str], bool]:
        """The message, suggestions and ambiguity of a text that names no unit (any day)."""
        try:
            self.resolve(text)
        except UnknownUnitError as exc:
            return str(exc), exc.suggestions, exc.ambiguous
        raise AssertionError(f"{text!r} was taken for unknown")  # pragma: no cover

    def _bulk_codes(self, texts: list[str]) -> tuple[pl.DataFrame, list[str]]:
        """The texts that are codes or numbers, with their group, and the others.

        The first as a frame of ``text``, ``glist``, ``number`` (an unknown number is left
        out); the others are names (see :meth:`_lookup`).
        """
        by_code, folded = self._by_code, self._folded
        codes: list[tuple[str, list[int], bool]] = []
        named: list[str] = []
        for text in texts:
            stripped = text.strip()
            rows = by_code.get(stripped)
            if rows is None and (other := folded.get(stripped.casefold())) is not None:
                rows = by_code[other]
            if rows is not None:
                codes.append((text, [self._gid(rows)], False))
            elif DIGITS.fullmatch(stripped) and not stripped.startswith("0"):
                padded = [stripped.zfill(w) for w in self._pad_widths if w > len(stripped)]
                found = tuple(r for code in padded for r in by_code.get(code, ()))
                if found:
                    codes.append((text, [self._gid(found)], True))
            else:
                named.append(text)
        return pl.DataFrame(codes, schema=_GLIST_SCHEMA, orient="row"), named

    def _bulk_named(self, texts: pl.Series) -> pl.DataFrame:
        """:meth:`_named` of the texts that name some unit, as a frame.

        Its columns: ``text``, ``glist`` (the numbers of its groups), ``number`` (False).
        """
        index_frame = self._interned[1]
        keyed = keys_of_distinct(texts).with_row_index("tid")
        columns = ("full", "bare", "plain_full", "plain_bare")
        steps = [
            keyed.select("tid", key=pl.col(columns[key]))
            .filter(pl.col("key") != "")
            .join(index_frame.filter(pl.col("index") == index), on="key")
            .select("tid", pl.lit(step).alias("step"), "gid")
            for step, (index, key) in enumerate(_SEARCH_ORDER)
        ]  # fmt: skip
        found = (
            pl.concat(steps)
            .sort("tid", "step")
            .unique(["tid", "gid"], keep="first", maintain_order=True)
            .join(keyed.select("tid", "type"), on="tid")
        )
        lists = self._bulk_typed(found).group_by("tid", maintain_order=True).agg(glist="gid")
        return lists.join(keyed.select("tid", "text"), on="tid").select(
            "text", "glist", number=pl.lit(False)
        )

    def _bulk_typed(self, found: pl.DataFrame) -> pl.DataFrame:
        """Groups kept to the rows of the text's type, when some of them have it."""
        pairs = found.filter(pl.col("type").is_not_null()).select("gid", "type").unique()
        types = self._types
        typed_gids = []
        for gid, wanted in pairs.iter_rows():
            rows = tuple(i for i in self._group(gid) if types[i] == wanted)
            typed_gids.append(self._gid(rows) if rows else None)
        typed = pairs.with_columns(typed=pl.Series(typed_gids, dtype=pl.Int64))
        found = found.join(typed, on=["gid", "type"], how="left", maintain_order="left")
        some = pl.col("typed").is_not_null().any().over("tid")
        return found.filter(some.not_() | pl.col("typed").is_not_null()).select(
            "tid", "step", gid=pl.when(some).then("typed").otherwise("gid")
        )

    def _bulk_answers(
        self,
        frame: pl.DataFrame,
        bounds: list[date],
        sigs: list[tuple[tuple[int, ...], bool]],
        said: _Interned,
    ) -> pl.DataFrame:
        """Each distinct (groups, era) settled once; the answers of (text, era) pairs.

        ``code``, or ``error`` (the message; when ``dated``, the day and ``post`` follow
        it) and ``candidates``.
        """
        pairs = frame.filter(pl.col("sig").is_not_null()).select("sig", "era").unique()
        days = pl.DataFrame(
            {"era": [-1, *range(len(bounds) + 1)], "day": [None, date.min, *bounds]},
            schema={"era": pl.Int64, "day": pl.Date},
        )
        coded, ambiguous = self._bulk_settled(pairs.join(days, on="era"), sigs)
        outcomes = []
        known: dict[tuple[tuple[int, ...], bool], tuple[Any, ...]] = {}
        for sig, era, ids in ambiguous.iter_rows():
            key = (tuple(ids), sigs[sig][1])
            if key not in known:
                known[key] = self._bulk_ambiguous(*key, said)
            outcomes.append((sig, era, *known[key]))
        settled_pairs = pl.concat([coded.select("sig", "era"), ambiguous.select("sig", "era")])
        for sig, era in pairs.join(settled_pairs, on=["sig", "era"], how="anti").iter_rows():
            gids, number = sigs[sig]
            day = None if era < 0 else (bounds[era - 1] if era > 0 else date.min)
            groups = tuple(self._group(g) for g in gids)
            outcomes.append((sig, era, *self._bulk_outcome(groups, number, day, said)))
        settled = pl.concat(
            [
                coded,
                pl.DataFrame(
                    dict(zip(_OUTCOME_SCHEMA, zip(*outcomes, strict=True), strict=True))
                    if outcomes else None,
                    schema=_OUTCOME_SCHEMA,
                ),
            ],
            how="diagonal_relaxed",
        )  # fmt: skip
        frame = frame.join(settled, on=["sig", "era"], how="left", maintain_order="left")
        text = pl.col("text")
        quoted = text.str.contains(PLAIN_TEXT) & (text.str.len_chars() <= _QUOTED_CHARS)
        shown = (
            frame.filter(pl.col("pre").is_not_null() & ~quoted).get_column("text").unique()
        )  # show_value of the rest is "'" + text + "'"
        shows = pl.Series([show_value(t) for t in shown], dtype=pl.String)
        message = pl.concat_str(
            "pre",
            pl.when("shown").then(
                pl.when(quoted)
                .then(pl.concat_str(pl.lit("'"), text, pl.lit("'")))
                .otherwise(text.replace_strict(shown, shows, default=None))
            ),
            "mid",
            ignore_nulls=True,
        )
        frame = frame.select(
            "text",
            "era",
            "code",
            "dated",
            "post",
            error=pl.coalesce("miss", pl.when(pl.col("pre").is_not_null()).then(message)),
            cid=pl.coalesce("miss_cid", "cid"),
            ambiguous=pl.coalesce("miss_ambiguous", "ambiguous"),
            not_in_force="not_in_force",
        )
        return said.attach(frame)

    def _bulk_settled(
        self, pairs: pl.DataFrame, sigs: list[tuple[tuple[int, ...], bool]]
    ) -> tuple[pl.DataFrame, pl.DataFrame]:
        """What :meth:`_settle` says of the pairs that have rows in force, as joins.

        The first group with rows in force on the era's ``day`` (any date: the first
        group): ``sig``, ``era``, ``code`` where those rows are of one code, and ``sig``,
        ``era``, ``rows`` (in the group's order) where they are of several.
        """
        flat = [(sig, pos, gid) for sig, (gids, _) in enumerate(sigs)
                for pos, gid in enumerate(gids)]  # fmt: skip
        members = pl.DataFrame(
            dict(zip(("sig", "pos", "gid"), zip(*flat, strict=True), strict=True)) if flat
            else None,
            schema={"sig": pl.Int64, "pos": pl.Int64, "gid": pl.Int64},
        )  # fmt: skip
        used = members.get_column("gid").unique().to_list()
        groups = [self._group(g) for g in used]
        rows = pl.DataFrame(
            {"gid": [g for g, ids in zip(used, groups, strict=True) for _ in ids],
             "k": [k for ids in groups for k in range(len(ids))],
             "row": [i for ids in groups for i in ids]},
            schema={"gid": pl.Int64, "k": pl.Int64, "row": pl.Int64},
        ).join(self._row_frame, on="row")  # fmt: skip
        day = pl.col("day")
        found = (
            pairs.join(members, on="sig")
            .join(rows, on="gid")
            .filter(
                pl.when(day.is_null())
                .then(pl.col("pos") == 0)
                .otherwise((pl.col("start") <= day) & (day <= pl.col("end")))
            )
            .filter(pl.col("pos") == pl.col("pos").min().over("sig", "era"))
            .group_by("sig", "era")
            .agg(
                pl.col("code").first(),
                pl.col("row").sort_by("k").alias("rows"),
                codes=pl.col("code").n_unique(),
            )
        )
        one = pl.col("codes") == 1
        return found.filter(one).select("sig", "era", "code"), found.filter(~one).select(
            "sig", "era", "rows"
        )

    def _bulk_ambiguous(
        self, ids: tuple[int, ...], number: bool, said: _Interned
    ) -> tuple[Any, ...]:
        """:meth:`_bulk_outcome` of rows in force that are of several codes."""
        err = self._ambiguous("", ids, number)
        hint = err.hint or "write the name with its diacritics or use the code"
        mid = f": it matches {' and '.join(err.suggestions)}; {hint}"
        cid = said.id(err.suggestions)
        return (None, "ambiguous unit ", True, mid, False, "", cid, True, None)

    @functools.cached_property
    def _row_frame(self) -> pl.DataFrame:
        """``row``, ``code``, ``start``, ``end`` (the smallest and largest dates when open)."""
        starts, ends = self._spans
        return pl.DataFrame(
            {"row": range(len(starts)), "code": self._codes, "start": starts, "end": ends},
            schema={"row": pl.Int64, "code": pl.String, "start": pl.Date, "end": pl.Date},
        )

    def _bulk_outcome(
        self,
        groups: tuple[tuple[int, ...], ...],
        number: bool,
        day: date | None,
        said: _Interned,
    ) -> tuple[Any, ...]:
        """(code, pre, shown, mid, dated, post, cid, ambiguous, not_in_force) on a day.

        A code, or the pieces of the message of :meth:`_error` around the text and the
        day, its candidates' number, and what the error tells (``ambiguous``, the
        ``code`` of a :class:`UnitNotInForceError`).
        """
        answer = self._settle(groups, number, day)
        if type(answer) is str:
            return (answer, None, None, None, None, None, None, None, None)
        why: _Unsettled = answer  # type: ignore[assignment]
        if why.kind == "ambiguous":
            return self._bulk_ambiguous(why.ids, number, said)
        assert day is not None
        if why.kind == "ceased":
            ceased = self.not_in_force(why.code, day)
            cid = said.id(ceased.suggestions)
            return (None, ceased.message, False, "", False, "", cid, False, why.code)
        labels = " and ".join(self._labels(why.ids))
        post = f": it names {labels}"
        return (None, "no unit ", True, " on ", True, post, said.id([]), False, None)

    def _bounds(self, found: _Lookup) -> list[date]:
        """The days the answer for ``found`` may change on: first days, days after last.

        Of its rows and of every other row of their codes, which the message about a
        unit not in force speaks of (which row of the code ceased last, or starts next).
        """
        starts, ends = self._spans
        codes = {self._codes[i] for group in found.groups for i in group}
        ids = [i for code in codes for i in self._by_code[code]]
        days = {starts[i] for i in ids}
        days.update(ends[i] + _DAY for i in ids if ends[i] < date.max)
        days.discard(date.min)
        return sorted(days)

    def _lookup(self, text: str) -> _Lookup:
        """The candidate rows of ``text``, whatever the date; raises for an unknown text."""
        by_code = self._by_code
        stripped = text.strip()
        rows = by_code.get(stripped)
        if rows is None and (folded := self._folded.get(stripped.casefold())) is not None:
            rows = by_code[folded]
        if rows is not None:
            return _Lookup((rows,))
        if DIGITS.fullmatch(stripped) and not stripped.startswith("0"):
            padded = [stripped.zfill(w) for w in self._pad_widths if w > len(stripped)]
            found = tuple(r for code in padded for r in by_code.get(code, ()))
            if found:
                return _Lookup((found,), number=True)
            return self._unknown_number(text, stripped)
        groups = self._named(text)
        if not groups:
            return self._unknown(text)
        return _Lookup(groups)

    def _pick(self, text: str, found: _Lookup, day: date | None) -> str:
        """The one code of ``found`` (in force on ``day``, when given); raises otherwise."""
        answer = self._settle(found.groups, found.number, day)
        if type(answer) is str:
            return answer
        raise self._error(text, answer, found.number, day)  # type: ignore[arg-type]

    def _settle(
        self, groups: tuple[tuple[int, ...], ...], number: bool, day: date | None
    ) -> str | _Unsettled:
        """The one code of ``groups`` (in force on ``day``, when given), else why not."""
        codes_of = self._codes
        if day is None:
            group = groups[0]
            code = codes_of[group[0]]
            if all(codes_of[i] == code for i in group):
                return code
            return _Unsettled("ambiguous", tuple(group))
        starts, ends = self._spans
        for group in groups:
            valid = [i for i in group if starts[i] <= day <= ends[i]]
            if valid:
                code = codes_of[valid[0]]
                if all(codes_of[i] == code for i in valid):
                    return code
                return _Unsettled("ambiguous", tuple(valid))
        codes = list(dict.fromkeys(codes_of[i] for i in groups[0]))
        if len(codes) == 1:
            return _Unsettled("ceased", (), codes[0])
        return _Unsettled("none", tuple(groups[0]))

    def _error(
        self, text: str, why: _Unsettled, number: bool, day: date | None
    ) -> UnknownUnitError:
        """The error of :meth:`resolve` for ``text`` that :meth:`_settle` could not settle."""
        if why.kind == "ambiguous":
            return self._ambiguous(text, why.ids, number)
        assert day is not None  # only a dated lookup finds no unit in force
        if why.kind == "ceased":
            return self.not_in_force(why.code, day, text=text)
        labels = self._labels(why.ids)
        return UnitNotInForceError(
            text,
            f"no unit {show_value(text)} on {day.isoformat()}: it names {' and '.join(labels)}",
            at=day,
        )

    def _ambiguous(self, text: str, ids: Sequence[int], number: bool) -> UnknownUnitError:
        key = (tuple(ids), number)
        said = self._said.get(key)
        if said is None:
            said = self._said[key] = self._ambiguity(ids, number)
        return UnknownUnitError(text, said[0], ambiguous=True, hint=said[1])

    @functools.cached_property
    def _said(self) -> dict[tuple[tuple[int, ...], bool], tuple[list[str], str | None]]:
        """The candidates and hint of each ambiguity found, by its rows."""
        return {}

    @functools.cached_property
    def _codes(self) -> tuple[str, ...]:
        return tuple(unit.code for unit in self._rows)

    @functools.cached_property
    def _spans(self) -> tuple[list[date], list[date]]:
        """Each row's first and last day (the smallest and largest dates when open)."""
        rows = self._rows
        return (
            [u.valid_from or date.min for u in rows],
            [u.valid_to or date.max for u in rows],
        )

    def _ambiguity(self, ids: Sequence[int], number: bool) -> tuple[list[str], str | None]:
        rows = self._rows
        distinct = list(dict.fromkeys(ids))
        if number:
            labels = [self._label(code) for code in dict.fromkeys(rows[i].code for i in distinct)]
            return labels, "write the code with its leading zeros"
        dated = len({(rows[i].valid_from, rows[i].valid_to) for i in distinct}) > 1
        typed = len({self._types[i] for i in distinct}) > 1
        hint = None
        if dated or typed:
            words = ", ".join(dict.fromkeys(t for i in distinct if (t := rows[i].type)))
            hint = "give " + " or ".join(
                [*(["a date"] if dated else []), *([f"the type ({words}…)"] if typed else [])]
            )
            hint = hint.replace(" or the type", ", the type") + " or the code"
        return self._labels(distinct), hint

    def _named(self, text: str) -> tuple[tuple[int, ...], ...]:
        """The rows ``text`` names, grouped by key, most specific first (empty: none).

        A prefix that is a type keeps the rows of that type, if any.
        """
        indexes = self._names[0]
        known = self._keyed.get(text)
        keys, wanted = known if known is not None else name_keys_typed(text)
        groups: list[tuple[int, ...]] = []
        for index, key in _SEARCH_ORDER:
            ids = indexes[index].get(keys[key]) if keys[key] else None
            if ids is not None and ids not in groups:
                groups.append(ids)
        if not groups:
            return ()
        if wanted is not None:
            typed = [self._of_type(g, wanted) for g in groups]
            if any(typed):
                groups = [g for g in typed if g]
        return tuple(groups)

    def _of_type(self, ids: tuple[int, ...], wanted: str) -> tuple[int, ...]:
        """The rows of ``ids`` of the type ``wanted`` (remembered: many texts share rows)."""
        memo = self._typed
        key = (id(ids), wanted)  # ids are the indexes' own tuples, alive with the registry
        found = memo.get(key)
        if found is None:
            types = self._types
            found = memo[key] = tuple(i for i in ids if types[i] == wanted)
        return found

    @functools.cached_property
    def _typed(self) -> dict[tuple[int, str], tuple[int, ...]]:
        return {}

    def matched_loosely(self, text: str) -> bool:
        """Tell whether ``text`` has diacritics but names its unit only without them.

        :meth:`resolve` takes such a name when the match without diacritics is unique
        (``Quận Ba Đinh`` for Ba Đình); a reader says so in its notes. A name written with
        no diacritics at all (``Ba Dinh``) is a usual spelling and not loose.

        Examples
        --------
        >>> reg = UnitRegistry.from_frame(pl.DataFrame(_DEMO))
        >>> [reg.matched_loosely(t) for t in ["Quận Ba Đinh", "Ba Đình", "Ba Dinh", "001"]]
        [True, False, False, False]
        """
        if text.isascii() or text.strip() in self._by_code:
            return False
        indexes = self._names[0]
        keys = name_keys(text)
        if any(key and key in index for index, key in zip(indexes[:2], keys[:2], strict=True)):
            return False
        return any(key and key in index for index, key in zip(indexes[2:], keys[2:], strict=True))

    def is_name_of(self, text: str, code: str, *, at: date | str | None = None) -> bool:
        """Tell whether ``text`` names the unit ``code`` (on the day ``at``, if given).

        It does when it resolves to it, or when it is a name several units share (``Châu
        Thành`` is a district of ten provinces) and ``code`` is one of them.

        Examples
        --------
        >>> reg = UnitRegistry.from_frame(pl.DataFrame({"code": ["01", "02", "011", "021"],
        ...     "name": ["Tỉnh A", "Tỉnh B", "Châu Thành", "Châu Thành"],
        ...     "level": ["city", "city", "district", "district"],
        ...     "parent": [None, None, "01", "02"]}))
        >>> reg.is_name_of("huyện Châu Thành", "021"), reg.is_name_of("Châu Thành", "01")
        (True, False)
        """
        self._unit(code)
        try:
            return self.resolve(text, at=at) == code
        except UnitNotInForceError:
            return False
        except UnknownUnitError as exc:
            if not exc.ambiguous:
                return False
            return self._shares_name(text, code)

    def _shares_name(self, text: str, code: str) -> bool:
        """Whether ``code`` is one of the units ``text`` names (its answer is ambiguous)."""
        return any(self._rows[i].code == code for g in self._named(text) for i in g)

    @functools.cached_property
    def _names(self) -> tuple[tuple[dict[str, tuple[int, ...]], ...], list[str]]:
        """The name indexes (rows by each key of :func:`name_keys`), the sorted plain keys.

        Built on the first lookup by name, not with the registry: a registry of
        thousands of units is often used by code only.
        """
        names = self.units.get_column("name").unique(maintain_order=True)
        keys = pl.concat([names.to_frame(), name_keys_frame(names)], how="horizontal")
        keyed = self._keyed  # names repeat: each keyed once, all together
        for name, *four, kind in keys.iter_rows():
            keyed[name] = (tuple(four), kind)
        rows = (
            self.units.select("name")
            .with_row_index("row")
            .join(keys, on="name", maintain_order="left")
        )
        frozen = []
        for column in keys.columns[1:5]:
            grouped = rows.group_by(column, maintain_order=True).agg(pl.col("row").cast(pl.Int64))
            ids = map(tuple, grouped.get_column("row").to_list())
            frozen.append(dict(zip(grouped.get_column(column).to_list(), ids, strict=True)))
            self._index_keys.append(grouped.get_column(column).rename("key"))
        return tuple(frozen), sorted(frozen[3])

    @functools.cached_property
    def _index_keys(self) -> list[pl.Series]:
        """The keys of each name index as a column, in its order (filled by :attr:`_names`)."""
        return []

    @functools.cached_property
    def _keyed(self) -> dict[str, tuple[tuple[str, str, str, str], str | None]]:
        """:func:`name_keys_typed` of the registry's names, filled by :attr:`_names`.

        A text written as a unit's name is not keyed again.
        """
        return {}

    @functools.cached_property
    def _close(self) -> _CloseMatches:
        """``difflib.get_close_matches`` over the plain name keys (built on first use)."""
        return _CloseMatches(self._names[1])

    def _unknown(self, text: str) -> _Lookup:
        indexes = self._names[0]
        plain = name_key(text, diacritics=False)
        close = self._close(plain, 3, 0.6)
        codes = list(dict.fromkeys(self._rows[i].code for key in close for i in indexes[3][key]))
        raise UnknownUnitError(text, [self._label(code) for code in codes[:3]])

    def _unknown_number(self, text: str, digits: str) -> _Lookup:
        """A number that is no code; its suggestions: it with more leading zeros."""
        widths = sorted({len(c) for c in self._by_code if DIGITS.fullmatch(c)})
        codes = [c for w in widths if w > len(digits) and (c := digits.zfill(w)) in self._by_code]
        raise UnknownUnitError(text, [self._label(code) for code in codes[:3]])

    def _label(self, code: str) -> str:
        return f"{code} {self._unit(code).name}"

    def _labels(self, ids: Iterable[int]) -> list[str]:
        """``code [type] name [(dates)]`` per unit; type and dates only where they differ.

        Rows of one code with the same name and type (a parent that changed) are one unit,
        from the first's start to the last's end.
        """
        rows = self._rows
        self._names  # noqa: B018 (the names' keys, in _keyed)
        merged: dict[tuple[str, str, str | None], Unit] = {}
        for i in dict.fromkeys(ids):
            unit = rows[i]
            key = (unit.code, unit.name, unit.type)
            seen = merged.get(key)
            if seen is not None:
                starts, ends = self._spans
                start = min(starts[i], seen.valid_from or date.min)
                end = max(ends[i], seen.valid_to or date.max)
                unit = seen._replace(
                    valid_from=start if start > date.min else None,
                    valid_to=end if end < date.max else None,
                )
            merged[key] = unit
        units = list(merged.values())
        dated = len({(u.valid_from, u.valid_to) for u in units}) > 1
        typed = len({_type_key(u.type) for u in units}) > 1
        labels = []
        for unit in units:
            prefixed = self._keyed.get(unit.name, (None, None))[1] is not None
            kind = f"{unit.type} " if typed and unit.type and not prefixed else ""
            span = f" ({_span(unit)})" if dated and _span(unit) else ""
            labels.append(f"{unit.code} {kind}{unit.name}{span}")
        return labels

    # ------------------------------------------------------------------ by code

    def _unit(self, code: str) -> Unit:
        """The latest row of ``code``; raises with suggestions for an unknown code."""
        ids = self._by_code.get(code) if isinstance(code, str) else None
        if ids is not None:
            return self._rows[ids[-1]]
        try:
            suggestions = [self._label(self.resolve(code))]
        except UnknownUnitError as err:
            suggestions = err.suggestions
        except TypeError:
            suggestions = []
        raise UnknownUnitError(str(code), suggestions)

    def unit(self, code: str, *, at: date | str | None = None) -> Unit:
        """Return the row of ``code`` in force on ``at`` (without ``at``: its latest row).

        Raises
        ------
        UnknownUnitError
            ``code`` is not a code of the registry; use :meth:`resolve` for free text.
        UnitNotInForceError
            No row of ``code`` is in force on ``at``.

        Examples
        --------
        >>> reg = UnitRegistry.from_frame(pl.DataFrame(_DEMO))
        >>> reg.unit("019", at="2020-01-01").valid_from
        datetime.date(2014, 4, 1)
        >>> reg.unit("019", at="2013-01-01")
        Traceback (most recent call last):
        ...
        kpitools.registry.UnitNotInForceError: 019 Nam Từ Liêm starts on 2014-04-01
        """
        latest = self._unit(code)
        day = _day(at)
        if day is None:
            return latest
        for i in self._by_code[code]:
            if self._rows[i].valid_on(day):
                return self._rows[i]
        raise self.not_in_force(code, day)

    def versions(self, code: str) -> list[Unit]:
        """Return every row of ``code``, oldest first.

        Examples
        --------
        >>> reg = UnitRegistry.from_frame(pl.DataFrame(_DEMO))
        >>> [u.valid_to for u in reg.versions("017")]
        [datetime.date(2025, 6, 30)]
        """
        self._unit(code)
        return [self._rows[i] for i in self._by_code[code]]

    def exists_on(self, code: str, at: date | str) -> bool:
        """Tell whether a row of ``code`` is in force on the day ``at``.

        Examples
        --------
        >>> reg = UnitRegistry.from_frame(pl.DataFrame(_DEMO))
        >>> reg.exists_on("017", "2025-06-30"), reg.exists_on("017", "2025-07-01")
        (True, False)
        """
        day = _day(at)
        if day is None:
            raise ParameterError("exists_on needs a date")
        self._unit(code)
        return any(self._rows[i].valid_on(day) for i in self._by_code[code])

    def not_in_force(
        self, code: str, at: date | str, *, text: str | None = None
    ) -> UnitNotInForceError:
        """The error saying why ``code`` is not in force on ``at`` (returned, not raised).

        It says when the unit ceased and, when the registry has links, where its area went
        ("017 Đông Anh ceased on 2025-06-30; its area is now in …"), or when it starts and
        what it came from; ``detail`` is that sentence without the code and name.

        Examples
        --------
        >>> reg = UnitRegistry.from_frame(pl.DataFrame(_DEMO))
        >>> reg.not_in_force("00454", "2025-01-01").detail
        'starts on 2025-07-01'
        """
        day = _day(at)
        if day is None:
            raise ParameterError("not_in_force needs a date")
        rows = self.versions(code)
        ended = [u for u in rows if u.valid_to is not None and u.valid_to < day]
        starts = [u for u in rows if u.valid_from is not None and u.valid_from > day]
        if ended:
            unit = ended[-1]
            detail = f"ceased on {unit.valid_to.isoformat()}"  # type: ignore[union-attr]
            after = self._link_labels(self._successor_links(code, unit))
            if after:
                detail += f"; its area is now in {', '.join(after)}"
            if starts:
                detail += (
                    f"; the code is used again from {starts[0].valid_from} by {starts[0].name}"
                )
        else:
            unit = starts[0]
            detail = f"starts on {unit.valid_from.isoformat()}"  # type: ignore[union-attr]
            before = self._link_labels(self._links_by[1].get(code, ()))
            if before:
                detail += f"; before, its area was in {', '.join(before)}"
        links = self._successor_links(code, ended[-1]) if ended else []
        successors = tuple(new for new, _, _ in links)
        return UnitNotInForceError(
            text if text is not None else code,
            f"{code} {unit.name} {detail}",
            code=code,
            at=day,
            detail=detail,
            successors=successors,
            unit=unit,
        )

    @functools.cached_property
    def _links_by(
        self,
    ) -> tuple[dict[str, list[tuple[str, str, date]]], dict[str, list[tuple[str, str, date]]]]:
        """The links by old code and by new code: (other code, relation, effective)."""
        forward: dict[str, list[tuple[str, str, date]]] = {}
        backward: dict[str, list[tuple[str, str, date]]] = {}
        if self.links is not None:
            columns = [self.links.get_column(c).to_list() for c in LINK_COLUMNS]
            for old, new, relation, effective in zip(*columns, strict=True):
                forward.setdefault(old, []).append((new, relation, effective))
                backward.setdefault(new, []).append((old, relation, effective))
        return (
            {k: sorted(v) for k, v in forward.items()},
            {k: sorted(v) for k, v in backward.items()},
        )

    def _successor_links(self, code: str, unit: Unit) -> list[tuple[str, str, date]]:
        """The links from ``code``, else those derived from its children's links.

        A district's, from the communes under it when it ceased: a new unit is a ``full``
        successor when every child went wholly into it, else ``partial``.
        """
        direct = self._links_by[0].get(code)
        if direct or unit.valid_to is None:
            return direct or []
        end = unit.valid_to
        kids = {
            self._rows[i].code for i in self._children.get(code, ()) if self._rows[i].valid_on(end)
        }
        links = [link for kid in sorted(kids) for link in self._links_by[0].get(kid, ())]
        if not links:
            return []
        whole = len({new for new, _, _ in links}) == 1 and all(r == "full" for _, r, _ in links)
        whole = whole and all(kid in self._links_by[0] for kid in kids)
        firsts: dict[str, date] = {}
        for new, _, effective in links:
            firsts.setdefault(new, effective)
        return [(new, "full" if whole else "partial", day) for new, day in sorted(firsts.items())]

    def _link_labels(self, links: Iterable[tuple[str, str, date]]) -> list[str]:
        labels = []
        for other, relation, effective in links:
            name = ""
            if other in self._by_code:
                rows = [self._rows[i] for i in self._by_code[other]]
                near = [u for u in rows if u.valid_on(effective) or u.valid_on(effective - _DAY)]
                name = f" {(near or rows)[-1].name}"
            labels.append(f"{other}{name}{' (part)' if relation == 'partial' else ''}")
        return labels

    def successors(self, code: str) -> list[tuple[str, str]]:
        """Return the units that ``code``'s area went to, by the links: (code, relation).

        Empty when the registry has no links or none from ``code``; ``relation`` is
        ``full`` (all of ``code`` went there) or ``partial``.

        Examples
        --------
        >>> UnitRegistry.from_frame(pl.DataFrame(_DEMO)).successors("017")
        []
        """
        return [(new, relation) for new, relation, _ in self._links_by[0].get(code, ())]

    def predecessors(self, code: str) -> list[tuple[str, str]]:
        """Return the units whose area (all: ``full``, or a part: ``partial``) went to ``code``.

        Examples
        --------
        >>> UnitRegistry.from_frame(pl.DataFrame(_DEMO)).predecessors("00454")
        []
        """
        return [(old, relation) for old, relation, _ in self._links_by[1].get(code, ())]

    def _row_at(self, code: str, at: date | str | None) -> Unit:
        return self._unit(code) if at is None else self.unit(code, at=at)

    def name(self, code: str, *, at: date | str | None = None) -> str:
        """Return the display name (NFC, with diacritics) of the unit ``code``.

        On the day ``at`` if given (a unit may be renamed, a code reused), else of the
        code's latest row.

        Raises
        ------
        UnknownUnitError
            ``code`` is not a code of the registry; use :meth:`resolve` for free text.
        UnitNotInForceError
            ``at`` is given and no row of ``code`` is in force that day.

        Examples
        --------
        >>> UnitRegistry.from_frame(pl.DataFrame(_DEMO)).name("019")
        'Nam Từ Liêm'
        """
        return self._row_at(code, at).name

    def level(self, code: str, *, at: date | str | None = None) -> str:
        """Return the level of the unit ``code``, one of :data:`LEVELS` (see :meth:`name`).

        Examples
        --------
        >>> UnitRegistry.from_frame(pl.DataFrame(_DEMO)).level("01")
        'city'
        """
        return self._row_at(code, at).level

    def parent(self, code: str, *, at: date | str | None = None) -> str | None:
        """Return the parent's code of the unit ``code``, or None for a top unit.

        A parent can change at a date (the code then has a row for each parent): pass
        ``at`` for the parent of that day; without it, the latest row's.

        Examples
        --------
        >>> reg = UnitRegistry.from_frame(pl.DataFrame(_DEMO))
        >>> reg.parent("017"), reg.parent("01")
        ('01', None)
        """
        return self._row_at(code, at).parent

    def children(
        self, code: str, *, year: int | None = None, at: date | str | None = None
    ) -> list[str]:
        """Return the codes of the units directly under ``code``, sorted.

        Parameters
        ----------
        code
            The parent's code.
        year
            Keep only children that were under it at some time in that calendar year.
        at
            Keep only children that were under it on that day.

        Examples
        --------
        >>> reg = UnitRegistry.from_frame(pl.DataFrame(_DEMO))
        >>> reg.children("01"), reg.children("01", year=2010)
        (['001', '00454', '017', '019'], ['001', '017'])
        >>> reg.children("01", at="2025-07-01")
        ['00454']
        """
        self._unit(code)
        day = _day(at)
        rows = [self._rows[i] for i in self._children.get(code, ())]
        kept = {
            u.code
            for u in rows
            if (year is None or u.overlaps_year(year)) and (day is None or u.valid_on(day))
        }
        return sorted(kept)

    def exists(self, code: str, year: int) -> bool:
        """Tell whether the unit ``code`` existed at any time during the calendar ``year``.

        An empty valid_from means the unit existed before the registry's horizon; an empty
        valid_to that it still exists. A code on several rows exists in a year when any
        of its rows does; :meth:`exists_on` asks about one day.

        Examples
        --------
        >>> reg = UnitRegistry.from_frame(pl.DataFrame(_DEMO))
        >>> reg.exists("019", 2013), reg.exists("019", 2014), reg.exists("019", 2026)
        (False, True, False)
        """
        self._unit(code)
        return any(self._rows[i].overlaps_year(year) for i in self._by_code[code])

    def codes(
        self,
        *,
        level: str | None = None,
        year: int | None = None,
        at: date | str | None = None,
    ) -> list[str]:
        """Return the unit codes, sorted as text, optionally of one level, year or day.

        Each code once, however many rows it has; ``level`` is that of a row in force
        in ``year`` / on ``at`` when those are given.

        Raises
        ------
        ValueError
            ``level`` is not one of :data:`LEVELS`.

        Examples
        --------
        >>> reg = UnitRegistry.from_frame(pl.DataFrame(_DEMO))
        >>> reg.codes(level="district", year=2013)
        ['001', '017']
        >>> reg.codes(at="2026-01-01")
        ['00454', '01']
        """
        if level is not None and level not in LEVELS:
            raise ValueError(
                f"unknown level {show_value(level)}; expected one of {', '.join(LEVELS)}"
            )
        day = _day(at)
        return sorted(
            {
                u.code
                for u in self._rows
                if (level is None or u.level == level)
                and (year is None or u.overlaps_year(year))
                and (day is None or u.valid_on(day))
            }
        )


def lifetime_years() -> tuple[pl.Expr, pl.Expr]:
    """``first`` and ``last`` calendar year of each row of :attr:`UnitRegistry.units`.

    As expressions, 0 and 9999 when open: a row is in force in year y when
    first <= y <= last, as :meth:`UnitRegistry.exists` says. A code on several rows (a
    parent that changed, a code reused) has a lifetime per row, and two of them may touch
    the same year (2025): count the units of a year as distinct codes.

    Examples
    --------
    >>> reg = UnitRegistry.from_frame(pl.DataFrame(_DEMO))
    >>> reg.units.filter(pl.col("code") == "019").select(*lifetime_years()).row(0)
    (2014, 2025)
    """
    return (
        pl.col("valid_from").dt.year().fill_null(0).alias("first"),
        pl.col("valid_to").dt.year().fill_null(9999).alias("last"),
    )


def read_registry(
    path: str | os.PathLike[str], *, links: pl.DataFrame | None = None
) -> UnitRegistry:
    r"""Read a unit registry CSV (UTF-8) into a :class:`UnitRegistry`.

    Every cell is read as text so codes keep their leading zeros; cells are stripped and
    NFC-normalized, and empty cells are null. Columns: ``code``, ``name``, ``level``,
    ``parent`` (required; parent may be empty for a top unit), ``type``, ``valid_from``,
    ``valid_to``, ``note`` (optional); header names are matched ignoring case, other
    columns are kept. ``level`` must be one of :data:`LEVELS` (``ward``, the older word,
    is read as ``commune``); dates are ``YYYY-MM-DD``. A code may be on several rows when
    their periods [valid_from, valid_to] do not overlap: a unit whose parent changed on a
    date, or a code given to a new unit after the old one ceased (the 2025 reform reused
    commune and province codes). ``links`` is a links frame (see
    :meth:`UnitRegistry.with_links`).
    ``note`` is free text: if it is the last column and a row has extra fields because a
    note contains unquoted commas, they are joined back into the note with a warning.

    Raises
    ------
    KpiDataError
        Listing every problem with file, row (header = row 1), column and value: a missing
        required column, an empty code or name, a code on two rows whose periods overlap
        (naming both rows), an unknown level, a parent that is not a code of the file, a
        parent chain that loops, a bad date, valid_from after valid_to, a row of the
        wrong length; a bad links frame.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = Path(tmp) / "units.csv"
    ...     _ = path.write_text("code,name,level,parent\n01,Hà Nội,city,\n017,Đông Anh,"
    ...                         "district,01\n", encoding="utf-8")
    ...     reg = read_registry(path)
    >>> reg.codes(), reg.resolve("Dong Anh")
    (['01', '017'], '017')
    """
    source = os.fspath(path)
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise KpiDataError(
            DataIssue(
                f"not UTF-8 text (bad byte at offset {err.start}); save it as 'CSV UTF-8'",
                file=source,
            )
        ) from None
    try:
        records = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as err:
        raise KpiDataError(DataIssue(f"not a readable CSV file: {err}", file=source)) from None
    frame, row_numbers, issues = _frame_from_records(records, source)
    units, more = _normalize(frame, source, row_numbers)
    if issues or units is None:
        raise KpiDataError(sorted(issues + more, key=_issue_order))
    return UnitRegistry._checked(
        units, _links_or_raise(links, "<links>") if links is not None else None
    )


def _frame_from_records(
    records: list[list[str]], source: str
) -> tuple[pl.DataFrame, list[int], list[DataIssue]]:
    issues: list[DataIssue] = []
    if not records:
        issues.append(DataIssue("the file is empty; it needs a header row", file=source))
        return pl.DataFrame(), [], issues
    header = [h.strip() for h in records[0]]
    width = len(header)
    rows: list[list[str]] = []
    numbers: list[int] = []
    joined: list[int] = []
    for index, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue  # a blank line
        if len(record) > width and not any(cell.strip() for cell in record[width:]):
            record = record[:width]
        if len(record) > width and header[-1].casefold() == "note":
            record = [*record[: width - 1], ",".join(record[width - 1 :])]
            joined.append(index)
        if len(record) != width:
            issues.append(
                DataIssue(
                    f"the row has {len(record)} fields but the header has {width}; "
                    "put text that contains commas in double quotes",
                    file=source,
                    row=index,
                )
            )
            continue
        rows.append(record)
        numbers.append(index)
    if joined:
        warnings.warn(
            f"{source}: row{'s' if len(joined) > 1 else ''} {', '.join(map(str, joined))} "
            "had more fields than the header; "
            "the extra ones were joined into 'note'. Put notes that contain commas in "
            "double quotes.",
            UserWarning,
            stacklevel=3,
        )
    frame = _text_columns(header, rows, source, issues)
    return frame, numbers, issues


def _text_columns(
    header: list[str], rows: list[list[str]], source: str, issues: list[DataIssue]
) -> pl.DataFrame:
    """The rows as a frame of text columns.

    A column without a header (but with values) or a header twice is an issue, and the
    column is left out.
    """
    columns: dict[str, list[str]] = {}
    for position, name in enumerate(header):
        values = [row[position] for row in rows]
        if not name:
            if any(v.strip() for v in values):
                issues.append(DataIssue(f"column {position + 1} has no header", file=source, row=1))
            continue
        if name in columns:
            issues.append(DataIssue("the column appears twice", file=source, row=1, column=name))
            continue
        columns[name] = values
    return pl.DataFrame(columns, schema=dict.fromkeys(columns, pl.String))


def _normalized_or_raise(df: object, source: str, row_numbers: Sequence[int] | None) -> Any:
    if not isinstance(df, pl.DataFrame):
        raise TypeError(f"UnitRegistry needs a polars DataFrame, not {type(df).__name__}")
    units, issues = _normalize(df, source, row_numbers)
    if issues or units is None:
        raise KpiDataError(issues)
    return units


def _normalize(
    df: pl.DataFrame, source: str, row_numbers: Sequence[int] | None
) -> tuple[pl.DataFrame | None, list[DataIssue]]:
    """Check a registry frame; return a new, typed frame (or None) and every problem."""
    issues: list[DataIssue] = []

    def issue(message: str, row: int | None, column: str | None, value: object = None) -> None:
        issues.append(DataIssue(message, file=source, row=row, column=column, value=value))

    rows = list(row_numbers) if row_numbers is not None else list(range(2, df.height + 2))
    by_name = _header(df, issue)
    extras = [c for c in df.columns if c not in by_name.values()]
    values = _column_values(df, by_name, rows, issue)
    _check_lifetimes(values, rows, issue)
    first_row = _check_codes(values, "code" in by_name, rows, issue)
    _check_names_and_levels(values, by_name, rows, issue)
    if "code" in by_name:
        _check_parents(values, first_row, rows, issue)

    if df.height == 0 and not issues:
        issue("the registry has no units", None, None)
    if issues:
        return None, sorted(issues, key=_issue_order)
    units = pl.DataFrame(values, schema=_SCHEMA)
    if extras:
        units = units.hstack(df.select(extras))
    return units, issues


def _header(df: pl.DataFrame, issue: Callable[..., None]) -> dict[str, str]:
    """The frame's column for each registry column (its header folded).

    A column twice or a required one missing is an issue.
    """
    by_name: dict[str, str] = {}
    for column in df.columns:
        folded = column.strip().casefold()
        if folded in _SCHEMA:
            if folded in by_name:
                issue("the column appears twice", 1, column)
            by_name[folded] = column
    for column in REQUIRED_COLUMNS:
        if column not in by_name:
            issue(f"missing required column; the header has {', '.join(df.columns)}", 1, column)
    return by_name


def _column_values(
    df: pl.DataFrame, by_name: dict[str, str], rows: list[int], issue: Callable[..., None]
) -> dict[str, list[Any]]:
    """The cleaned values of every registry column (None throughout when absent or unusable)."""
    values: dict[str, list[Any]] = {}
    for column in _COLUMNS:
        if column not in by_name:
            values[column] = [None] * df.height
            continue
        series = df.get_column(by_name[column])
        if column in _DATE_COLUMNS:
            values[column] = _dates(series, column, rows, issue)
        elif series.dtype in (pl.String, pl.Null) or column not in ("code", "parent"):
            values[column] = _cleaned(series)
        else:
            issue(f"must be text so leading zeros survive, not {series.dtype}", 1, column)
            values[column] = [None] * df.height
    return values


def _check_codes(
    values: dict[str, list[Any]], has_codes: bool, rows: list[int], issue: Callable[..., None]
) -> dict[str, int]:
    """The row where each code is first defined.

    An empty code, or a code on two rows whose periods overlap, is an issue (at the later
    row, naming the other).
    """
    first_row: dict[str, int] = {}
    by_code: dict[str, list[int]] = {}
    for i, code in enumerate(values["code"]):
        if code is None:
            if has_codes:
                issue("empty code", rows[i], "code")
            continue
        first_row.setdefault(code, rows[i])
        by_code.setdefault(code, []).append(i)
    starts, ends = values["valid_from"], values["valid_to"]
    for code, ids in by_code.items():
        if len(ids) < 2:
            continue
        ordered = sorted(ids, key=lambda i: (starts[i] or date.min, i))
        latest = ordered[0]  # the row reaching furthest so far
        for i in ordered[1:]:
            end = ends[latest]
            if end is None or starts[i] is None or starts[i] <= end:
                a, b = sorted((latest, i))
                issue(
                    f"code {code} is also on row {rows[a]}, for a period that overlaps this "
                    f"row's ({_period(starts[a], ends[a])} / {_period(starts[b], ends[b])}); "
                    "give the rows of one code periods that do not overlap",
                    rows[b],
                    "code",
                    code,
                )
            if end is not None and (ends[i] is None or ends[i] > end):
                latest = i
    return first_row


def _period(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return "always"
    return f"{start.isoformat() if start else '…'} to {end.isoformat() if end else '…'}"


def _check_names_and_levels(
    values: dict[str, list[Any]],
    by_name: dict[str, str],
    rows: list[int],
    issue: Callable[..., None],
) -> None:
    levels = values["level"]
    for i, (name, level) in enumerate(zip(values["name"], levels, strict=True)):
        if name is None and "name" in by_name:
            issue("empty name", rows[i], "name")
        level = levels[i] = LEVEL_ALIASES.get(level, level)
        if level not in LEVELS and "level" in by_name:
            issue(f"unknown level; expected one of {', '.join(LEVELS)}", rows[i], "level", level)


def _check_parents(
    values: dict[str, list[Any]],
    first_row: dict[str, int],
    rows: list[int],
    issue: Callable[..., None],
) -> None:
    """Each parent must be another code of the registry, and no parent chain may loop.

    A code with several rows may have several parents: each one counts.
    """
    parents: dict[str, list[str]] = {}
    for i, (code, parent) in enumerate(zip(values["code"], values["parent"], strict=True)):
        if parent is None:
            continue
        if parent not in first_row:
            issue("parent is not a code in this registry", rows[i], "parent", parent)
        elif parent == code:
            issue("the unit is its own parent", rows[i], "parent", parent)
        elif code is not None and parent not in parents.get(code, ()):
            parents.setdefault(code, []).append(parent)
    for chain in _loops(parents):
        issue(f"the parent chain loops: {' → '.join(chain)}", first_row[chain[0]], "parent")


def _check_lifetimes(
    values: dict[str, list[Any]], rows: list[int], issue: Callable[..., None]
) -> None:
    for i, (start, end) in enumerate(zip(values["valid_from"], values["valid_to"], strict=True)):
        if start is not None and end is not None and start > end:
            issue(f"valid_from is after valid_to ({end.isoformat()})", rows[i], "valid_from", start)


def _issue_order(issue: DataIssue) -> tuple[int, int]:
    row = issue.row if issue.row is not None else 1 << 62
    column = _COLUMNS.index(issue.column) if issue.column in _COLUMNS else len(_COLUMNS)
    return row, column


def _clean_text(value: str | None) -> str | None:
    if value is None:
        return None
    cleaned = nfc(value).strip()
    return cleaned or None


def _cleaned(series: pl.Series) -> list[str | None]:
    """:func:`_clean_text` of every value of a column.

    Values of ASCII letters and digits and precomposed Vietnamese letters with no space
    at either end are already clean; the others are cleaned once per distinct value.
    """
    texts = series.cast(pl.String)
    clean = texts.str.contains(PLAIN_TEXT) & ~texts.str.contains("^ | $")
    odd = texts.filter(~clean.fill_null(True)).drop_nulls().unique()
    if odd.is_empty():
        return texts.to_list()
    cleaned = pl.Series([_clean_text(v) for v in odd.to_list()], dtype=pl.String)
    return texts.replace(odd, cleaned).to_list()


def _dates(
    series: pl.Series, column: str, rows: list[int], issue: Callable[..., None]
) -> list[date | None]:
    if series.dtype == pl.Date:
        return series.to_list()
    if isinstance(series.dtype, pl.Datetime):
        return [None if v is None else v.date() for v in series.to_list()]
    if series.dtype not in (pl.String, pl.Null):
        issue(f"must hold dates (YYYY-MM-DD), not {series.dtype}", 1, column)
        return [None] * len(series)
    out: list[date | None] = []
    for i, raw in enumerate(series.cast(pl.String).to_list()):
        text = _clean_text(raw)
        parsed: date | None = None
        if text is not None:
            try:
                if not _ISO_DATE.fullmatch(text):
                    raise ValueError(text)
                parsed = date.fromisoformat(text)  # the pattern above: YYYY-MM-DD only
            except ValueError:
                issue("not a date; write it as YYYY-MM-DD", rows[i], column, raw)
        out.append(parsed)
    return out


def _loops(parents: dict[str, list[str]]) -> list[list[str]]:
    """One chain per parent loop, ``a → b → a`` from its first code in file order."""
    order = {code: k for k, code in enumerate(parents)}
    done: set[str] = set()
    found: list[list[str]] = []
    for start in parents:
        if start in done:
            continue
        path: list[str] = []
        on_path: set[str] = set()
        stack: list[tuple[str, Iterable[str]]] = [(start, iter(parents.get(start, ())))]
        path.append(start)
        on_path.add(start)
        while stack:
            code, ahead = stack[-1]
            step = next(iter(ahead), None)
            if step is None:
                stack.pop()
                path.pop()
                on_path.discard(code)
                done.add(code)
                continue
            if step in on_path:
                loop = path[path.index(step) :]
                first = min(loop, key=order.__getitem__)
                at = loop.index(first)
                chain = [*loop[at:], *loop[:at], first]
                if chain not in found:
                    found.append(chain)
            elif step not in done:
                stack.append((step, iter(parents.get(step, ()))))
                path.append(step)
                on_path.add(step)
    return found


def _link_texts(
    links: pl.DataFrame, rows: list[int], issue: Callable[..., None]
) -> dict[str, list[str | None]]:
    """The cleaned text columns of a links frame; an empty cell or bad relation is an issue."""
    texts = {}
    for column in ("old_code", "new_code", "relation"):
        series = links.get_column(column)
        if series.dtype not in (pl.String, pl.Null):
            issue(f"must be text, not {series.dtype}", 1, column)
            continue
        texts[column] = _cleaned(series)
        for i, value in enumerate(texts[column]):
            if value is None:
                issue(f"empty {column}", rows[i], column)
            elif column == "relation" and value not in _RELATIONS:
                issue(
                    f"unknown relation; expected {' or '.join(_RELATIONS)}", rows[i], column, value
                )
    return texts


def _links_or_raise(links: object, source: str) -> pl.DataFrame:
    """A links frame checked: text codes, a known relation, a date ``effective``."""
    if not isinstance(links, pl.DataFrame):
        raise ParameterError(f"links must be a polars DataFrame, not {type(links).__name__}")
    issues: list[DataIssue] = []
    missing = [c for c in LINK_COLUMNS if c not in links.columns]
    for column in missing:
        issues.append(
            DataIssue(
                f"missing required column; the links have {', '.join(links.columns)}",
                file=source,
                row=1,
                column=column,
            )
        )
    if missing:
        raise KpiDataError(issues)
    rows = list(range(2, links.height + 2))

    def issue(message: str, row: int | None, column: str | None, value: object = None) -> None:
        issues.append(DataIssue(message, file=source, row=row, column=column, value=value))

    texts = _link_texts(links, rows, issue)
    effective = _dates(links.get_column("effective"), "effective", rows, issue)
    for i, day in enumerate(effective):
        if day is None and links.get_column("effective")[i] is None:
            issue("empty effective date", rows[i], "effective")
    if issues:
        raise KpiDataError(sorted(issues, key=lambda x: x.row or 0))
    return links.with_columns(
        *(pl.Series(c, v, dtype=pl.String) for c, v in texts.items()),
        pl.Series("effective", effective, dtype=pl.Date),
    )
