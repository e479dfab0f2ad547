"""What name lookups are made of: close matches, candidate groups, days, remembered misses.

Close matches of a misspelt name, groups of candidate units interned as numbers, the day
a lookup asks about, and what a lookup that failed or is not yet settled keeps.
"""

from __future__ import annotations

import difflib
import functools
import heapq
import itertools
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, NamedTuple

import polars as pl

from kpitools.errors import ParameterError, show_value
from kpitools.registry.frame import ISO_DATE, Unit
from kpitools.textfold import (
    type_key,
)


class Miss(NamedTuple):
    """An unknown text, remembered: its error's suggestions and whether it was ambiguous."""

    suggestions: tuple[str, ...]
    ambiguous: bool


class Unsettled(NamedTuple):
    """Why a lookup has no one code.

    ``ambiguous`` (rows ``ids``), ``ceased`` (the one ``code`` named is not in force) or
    ``none`` (the units of rows ``ids``, none in force).
    """

    kind: str
    ids: tuple[int, ...]
    code: str = ""


class Interned:
    """Lists of candidates, each distinct one numbered once, then joined to the rows."""

    def __init__(self) -> None:
        self._ids: dict[tuple[str, ...], int] = {}

    def id(self, labels: Sequence[str]) -> int:
        """The number of the group ``labels``, a new one the first time."""
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


class CloseMatches:
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
    >>> CloseMatches(keys)("dong anhh", 3, 0.6) == difflib.get_close_matches("dong anhh", keys)
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
        """Up to ``n`` keys like ``word`` (ratio ≥ ``cutoff``), best first, as difflib says."""
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


class Lookup:
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


def day_asked(at: date | str | None) -> date | None:
    """``at`` as a date: a date, a datetime (its day) or ``YYYY-MM-DD`` text."""
    if at is None or type(at) is date:
        return at
    if isinstance(at, datetime):
        return at.date()
    if isinstance(at, date):
        return at
    if isinstance(at, str) and ISO_DATE.fullmatch(at.strip()):
        try:
            return date.fromisoformat(at.strip())
        except ValueError:
            pass
    raise ParameterError(f"at must be a date or YYYY-MM-DD text, not {show_value(at)}")


#: :func:`type_key` of a registry's type column: a handful of values, many rows.
cached_type_key = functools.lru_cache(maxsize=256)(type_key)


def bulk_queries(
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
        return pl.repeat(day_asked(at), count, dtype=pl.Date, eager=True)
    if isinstance(at, pl.Series) and at.dtype in (pl.Date, pl.Null):
        days = at.cast(pl.Date)
    elif isinstance(at, pl.Series) and isinstance(at.dtype, pl.Datetime):
        days = at.dt.date()
    elif isinstance(at, (pl.Series, Sequence)):
        values = list(at)
        parsed = {v: day_asked(v) for v in set(values)} if values else {}
        days = pl.Series([parsed[v] for v in values], dtype=pl.Date)
    else:
        raise ParameterError(f"at must be a date, dates or None, not {show_value(at)}")
    if len(days) != count:
        raise ParameterError(f"at has {len(days)} days for {count} texts; give one per text")
    return days


def unit_span(unit: Unit) -> str:
    """A row's period for a message: ``to 2025-06-30``, ``from 2025-07-01``, both, or ""."""
    start, end = unit.valid_from, unit.valid_to
    if start is not None and end is not None:
        return f"{start.isoformat()} to {end.isoformat()}"
    if end is not None:
        return f"to {end.isoformat()}"
    if start is not None:
        return f"from {start.isoformat()}"
    return ""
