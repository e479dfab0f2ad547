"""The unit registry: codes, names, levels, parents and dates of the units reported on."""

from __future__ import annotations

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
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

import polars as pl

from kpitools.errors import DataIssue, KpiDataError, KpiToolsError, show_value
from kpitools.textfold import DIGITS, name_key, name_keys, nfc

__all__ = [
    "LEVELS",
    "UnitRegistry",
    "UnknownUnitError",
    "read_registry",
]

#: Allowed values of the registry's ``level`` column, from the top down: the city, its
#: district-level units, the other committees directly under the city, wards/communes and
#: basic (grassroots) Party organizations.
LEVELS: tuple[str, ...] = ("city", "district", "affiliated", "ward", "basic")

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


_DEMO: dict[str, list[Any]] = {
    "code": ["01", "001", "017", "019"],
    "name": ["Hà Nội", "Ba Đình", "Đông Anh", "Nam Từ Liêm"],
    "level": ["city", "district", "district", "district"],
    "type": ["thành phố", "quận", "huyện", "quận"],
    "parent": [None, "01", "01", "01"],
    "valid_from": [None, None, None, "2014-04-01"],
    "valid_to": [None, "2025-06-30", "2025-06-30", "2025-06-30"],
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

    Examples
    --------
    >>> print(UnknownUnitError("Dong Anhh", ["017 Đông Anh"]))
    unknown unit 'Dong Anhh'; did you mean 017 Đông Anh?
    >>> print(UnknownUnitError("a\nb"))
    unknown unit 'a\nb'
    """

    def __init__(
        self, name: str, suggestions: Iterable[str] = (), *, ambiguous: bool = False
    ) -> None:
        self.name = name
        self.suggestions = list(suggestions)
        self.ambiguous = ambiguous
        super().__init__(name, self.suggestions)

    def __str__(self) -> str:
        shown = show_value(self.name)
        if self.ambiguous:
            return (
                f"ambiguous unit {shown}: it matches {' and '.join(self.suggestions)}; "
                "write the name with its diacritics or use the code"
            )
        if self.suggestions:
            *head, last = self.suggestions
            options = f"{', '.join(head)} or {last}" if head else last
            return f"unknown unit {shown}; did you mean {options}?"
        return f"unknown unit {shown}"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_unknown, (self.name, self.suggestions, self.ambiguous))


def _rebuild_unknown(name: str, suggestions: list[str], ambiguous: bool) -> UnknownUnitError:
    return UnknownUnitError(name, suggestions, ambiguous=ambiguous)


class _Miss(NamedTuple):
    """An unknown text, remembered: its error's suggestions and whether it was ambiguous."""

    suggestions: tuple[str, ...]
    ambiguous: bool


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


class _Unit(NamedTuple):
    name: str
    level: str
    type: str | None
    parent: str | None
    valid_from: date | None
    valid_to: date | None


@dataclass(frozen=True, eq=False, repr=False)
class UnitRegistry:
    """The units (city, districts, other committees, ...) with codes, names and lifetimes.

    Build one with :func:`read_registry` or :meth:`from_frame`; constructing it directly
    validates and normalizes the frame the same way. ``units`` has the columns code, name
    (NFC), level, type, parent (str or null), valid_from, valid_to (date or null: before
    the registry's horizon / still exists) and note, followed by any extra columns of the
    source. Lookups are precomputed, so :meth:`resolve` is cheap enough for every row.

    Examples
    --------
    >>> reg = UnitRegistry.from_frame(pl.DataFrame(_DEMO))
    >>> len(reg), "017" in reg
    (4, True)
    >>> reg.resolve("huyện Đông Anh"), reg.name("017")
    ('017', 'Đông Anh')
    """

    units: pl.DataFrame
    # The lookups are built on first use (a registry read only for its frame costs nothing
    # more): see _info, _children, _folded, _widths and _names.
    # Each text resolved (its code) or not (the error's suggestions), up to _MEMO_LIMIT.
    _memo: dict[str, str | _Miss] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "units", _normalized_or_raise(self.units, "<frame>", None))
        object.__setattr__(self, "_memo", {})

    @classmethod
    def _checked(cls, units: pl.DataFrame) -> UnitRegistry:
        """A registry of a frame that :func:`_normalize` returned (not normalized again)."""
        registry = object.__new__(cls)
        object.__setattr__(registry, "units", units)
        object.__setattr__(registry, "_memo", {})
        return registry

    @functools.cached_property
    def _info(self) -> dict[str, _Unit]:
        return {row[0]: _Unit(*row[1:]) for row in self.units.select(_COLUMNS[:-1]).iter_rows()}

    @functools.cached_property
    def _children(self) -> dict[str, tuple[str, ...]]:
        children: dict[str, list[str]] = {}
        for code, unit in self._info.items():
            if unit.parent is not None:
                children.setdefault(unit.parent, []).append(code)
        return {k: tuple(sorted(v)) for k, v in children.items()}

    @functools.cached_property
    def _folded(self) -> dict[str, str]:
        folded: dict[str, list[str]] = {}
        for code in self._info:
            folded.setdefault(code.casefold(), []).append(code)
        return {k: v[0] for k, v in folded.items() if len(v) == 1}

    @functools.cached_property
    def _widths(self) -> tuple[int, ...]:
        return tuple(sorted({len(c) for c in self._info if DIGITS.fullmatch(c)}, reverse=True))

    @classmethod
    def from_frame(
        cls, df: pl.DataFrame | pl.LazyFrame, *, source: str = "<frame>"
    ) -> UnitRegistry:
        """Validate a registry frame and build a registry from it.

        Same rules as :func:`read_registry`; rows are numbered as in a spreadsheet
        (header row 1, first data row 2). Code and parent columns must be text.

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
          mine, row 3, column 'code': duplicate code, first defined in row 2 (value '01')
          mine, row 3, column 'level': unknown level; expected one of city, district, affiliated, ward, basic (value 'town')
        """  # noqa: E501
        frame = df.collect() if isinstance(df, pl.LazyFrame) else df
        return cls._checked(_normalized_or_raise(frame, source, None))

    def __repr__(self) -> str:
        return f"UnitRegistry({len(self)} units)"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, UnitRegistry):
            return NotImplemented
        return self.units.equals(other.units)

    __hash__ = None  # type: ignore[assignment]

    def __len__(self) -> int:
        return len(self._info)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._info

    def resolve(self, text: str) -> str:
        """Return the code of the unit that ``text`` names.

        Tried in order: an exact code (surrounding spaces ignored; letters in any case);
        digits without a leading zero padded with zeros to a code's width, widest width
        first, because spreadsheets turn "017" into 17 (so "17" → "017" and "1" → "001",
        not the city "01": write the city as "01"); the name by :func:`name_key` with
        diacritics; then without diacritics, if only one unit has that key. A name that
        equals a unit's full name (prefix included) wins over prefix removal.

        Raises
        ------
        UnknownUnitError
            No unit matches (up to 3 close names are suggested), or the text matches
            several units (all are listed, ``ambiguous`` is True).

        Examples
        --------
        >>> reg = UnitRegistry.from_frame(pl.DataFrame(_DEMO))
        >>> [reg.resolve(t) for t in ["017", "17", "Q. Ba Đình", "nam tu liem", "01"]]
        ['017', '017', '001', '019', '01']
        >>> reg.resolve("Dong Anhh")
        Traceback (most recent call last):
        ...
        kpitools.registry.UnknownUnitError: unknown unit 'Dong Anhh'; did you mean 017 Đông Anh?
        """
        if not isinstance(text, str):
            raise TypeError(f"a unit name or code must be str, not {type(text).__name__}")
        memo: dict[str, str | _Miss] = self._memo
        found = memo.get(text)
        if found is None:
            try:
                found = self._resolve(text)
            except UnknownUnitError as exc:
                found = _Miss(tuple(exc.suggestions), exc.ambiguous)
            if len(memo) < _MEMO_LIMIT:
                memo[text] = found
        if isinstance(found, str):
            return found
        raise UnknownUnitError(text, found.suggestions, ambiguous=found.ambiguous)

    def _resolve(self, text: str) -> str:
        info = self._info
        stripped = text.strip()
        if stripped in info:
            return stripped
        folded = self._folded.get(stripped.casefold())
        if folded is not None:
            return folded
        if DIGITS.fullmatch(stripped) and not stripped.startswith("0"):
            for width in self._widths:
                padded = stripped.zfill(width)
                if padded in info:
                    return padded
        codes = self._named(text)
        if codes is None:
            return self._unknown(text)
        if len(codes) == 1:
            return codes[0]
        raise UnknownUnitError(text, self._labels(codes), ambiguous=True)

    def _named(self, text: str) -> tuple[str, ...] | None:
        """The codes of the units ``text`` names, by the most specific key that finds any."""
        for index, key in zip(self._names[0], name_keys(text), strict=True):
            codes = index.get(key)
            if codes is not None and key:
                return codes
        return None

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
        if text.isascii() or text.strip() in self._info:
            return False
        indexes = self._names[0]
        keys = name_keys(text)
        if any(key and key in index for index, key in zip(indexes[:2], keys[:2], strict=True)):
            return False
        return any(key and key in index for index, key in zip(indexes[2:], keys[2:], strict=True))

    def is_name_of(self, text: str, code: str) -> bool:
        """Tell whether ``text`` names the unit ``code``.

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
            return self.resolve(text) == code
        except UnknownUnitError as exc:
            return exc.ambiguous and code in (self._named(text) or ())

    @functools.cached_property
    def _names(self) -> tuple[tuple[dict[str, tuple[str, ...]], ...], list[str]]:
        """The name indexes (by each key of :func:`name_keys`) and the sorted plain keys.

        Built on the first lookup by name, not with the registry: keying a name costs
        ~0.2 ms, and a registry of thousands of units is often used by code only.
        """
        indexes: tuple[dict[str, list[str]], ...] = ({}, {}, {}, {})
        for code, unit in self._info.items():
            for index, key in zip(indexes, name_keys(unit.name), strict=True):
                index.setdefault(key, []).append(code)
        frozen = tuple({k: tuple(v) for k, v in ix.items()} for ix in indexes)
        return frozen, sorted(indexes[3])

    @functools.cached_property
    def _close(self) -> _CloseMatches:
        """``difflib.get_close_matches`` over the plain name keys (built on first use)."""
        return _CloseMatches(self._names[1])

    def _unknown(self, text: str) -> str:
        indexes = self._names[0]
        plain = name_key(text, diacritics=False)
        close = self._close(plain, 3, 0.6)
        codes = [code for key in close for code in indexes[3][key]]
        raise UnknownUnitError(text, self._labels(codes[:3]))

    def _labels(self, codes: Iterable[str]) -> list[str]:
        return [f"{code} {self._info[code].name}" for code in codes]

    def _unit(self, code: str) -> _Unit:
        unit = self._info.get(code) if isinstance(code, str) else None
        if unit is not None:
            return unit
        try:
            suggestions = self._labels([self.resolve(code)])
        except UnknownUnitError as err:
            suggestions = err.suggestions
        except TypeError:
            suggestions = []
        raise UnknownUnitError(str(code), suggestions)

    def name(self, code: str) -> str:
        """Return the display name (NFC, with diacritics) of the unit ``code``.

        Raises
        ------
        UnknownUnitError
            ``code`` is not a code of the registry; use :meth:`resolve` for free text.

        Examples
        --------
        >>> UnitRegistry.from_frame(pl.DataFrame(_DEMO)).name("019")
        'Nam Từ Liêm'
        """
        return self._unit(code).name

    def level(self, code: str) -> str:
        """Return the level of the unit ``code``, one of :data:`LEVELS`.

        Examples
        --------
        >>> UnitRegistry.from_frame(pl.DataFrame(_DEMO)).level("01")
        'city'
        """
        return self._unit(code).level

    def parent(self, code: str) -> str | None:
        """Return the parent's code of the unit ``code``, or None for a top unit.

        Examples
        --------
        >>> reg = UnitRegistry.from_frame(pl.DataFrame(_DEMO))
        >>> reg.parent("017"), reg.parent("01")
        ('01', None)
        """
        return self._unit(code).parent

    def children(self, code: str, *, year: int | None = None) -> list[str]:
        """Return the codes of the units directly under ``code``, sorted.

        Parameters
        ----------
        code
            The parent's code.
        year
            Keep only children that existed at some time in that calendar year.

        Examples
        --------
        >>> reg = UnitRegistry.from_frame(pl.DataFrame(_DEMO))
        >>> reg.children("01"), reg.children("01", year=2010)
        (['001', '017', '019'], ['001', '017'])
        """
        self._unit(code)
        kids = self._children.get(code, ())
        if year is None:
            return list(kids)
        return [kid for kid in kids if self.exists(kid, year)]

    def exists(self, code: str, year: int) -> bool:
        """Tell whether the unit ``code`` existed at any time during the calendar ``year``.

        An empty valid_from means the unit existed before the registry's horizon; an empty
        valid_to that it still exists.

        Examples
        --------
        >>> reg = UnitRegistry.from_frame(pl.DataFrame(_DEMO))
        >>> reg.exists("019", 2013), reg.exists("019", 2014), reg.exists("019", 2026)
        (False, True, False)
        """
        unit = self._unit(code)
        starts_in_time = unit.valid_from is None or unit.valid_from <= date(year, 12, 31)
        ends_in_time = unit.valid_to is None or unit.valid_to >= date(year, 1, 1)
        return starts_in_time and ends_in_time

    def codes(self, *, level: str | None = None, year: int | None = None) -> list[str]:
        """Return the unit codes, sorted as text, optionally of one level or one year.

        Raises
        ------
        ValueError
            ``level`` is not one of :data:`LEVELS`.

        Examples
        --------
        >>> reg = UnitRegistry.from_frame(pl.DataFrame(_DEMO))
        >>> reg.codes(level="district", year=2013)
        ['001', '017']
        """
        if level is not None and level not in LEVELS:
            raise ValueError(
                f"unknown level {show_value(level)}; expected one of {', '.join(LEVELS)}"
            )
        return sorted(
            code
            for code, unit in self._info.items()
            if (level is None or unit.level == level) and (year is None or self.exists(code, year))
        )


def lifetime_years() -> tuple[pl.Expr, pl.Expr]:
    """``first`` and ``last`` calendar year of each unit of :attr:`UnitRegistry.units`.

    As expressions, 0 and 9999 when open: a unit exists in year y when first <= y <= last,
    as :meth:`UnitRegistry.exists` says.

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


def read_registry(path: str | os.PathLike[str]) -> UnitRegistry:
    r"""Read a unit registry CSV (UTF-8) into a :class:`UnitRegistry`.

    Every cell is read as text so codes keep their leading zeros; cells are stripped and
    NFC-normalized, and empty cells are null. Columns: ``code``, ``name``, ``level``,
    ``parent`` (required; parent may be empty for a top unit), ``type``, ``valid_from``,
    ``valid_to``, ``note`` (optional); header names are matched ignoring case, other
    columns are kept. ``level`` must be one of :data:`LEVELS`; dates are ``YYYY-MM-DD``.
    ``note`` is free text: if it is the last column and a row has extra fields because a
    note contains unquoted commas, they are joined back into the note with a warning.

    Raises
    ------
    KpiDataError
        Listing every problem with file, row (header = row 1), column and value: a missing
        required column, an empty code or name, a duplicate code (and where it was first
        defined), an unknown level, a parent that is not a code of the file, a parent chain
        that loops, a bad date, valid_from after valid_to, a row of the wrong length.

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
    return UnitRegistry._checked(units)


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
    first_row = _check_codes(values["code"], "code" in by_name, rows, issue)
    _check_names_and_levels(values, by_name, rows, issue)
    if "code" in by_name:
        _check_parents(values, first_row, rows, issue)
    _check_lifetimes(values, rows, issue)

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
            texts = series.cast(pl.String).to_list()
            values[column] = [_clean_text(v) for v in texts]
        else:
            issue(f"must be text so leading zeros survive, not {series.dtype}", 1, column)
            values[column] = [None] * df.height
    return values


def _check_codes(
    codes: list[str | None], has_codes: bool, rows: list[int], issue: Callable[..., None]
) -> dict[str, int]:
    """The row where each code is first defined; an empty or repeated code is an issue."""
    first_row: dict[str, int] = {}
    for i, code in enumerate(codes):
        if code is None:
            if has_codes:
                issue("empty code", rows[i], "code")
        elif code in first_row:
            issue(f"duplicate code, first defined in row {first_row[code]}", rows[i], "code", code)
        else:
            first_row[code] = rows[i]
    return first_row


def _check_names_and_levels(
    values: dict[str, list[Any]],
    by_name: dict[str, str],
    rows: list[int],
    issue: Callable[..., None],
) -> None:
    for i, (name, level) in enumerate(zip(values["name"], values["level"], strict=True)):
        if name is None and "name" in by_name:
            issue("empty name", rows[i], "name")
        if level not in LEVELS and "level" in by_name:
            issue(f"unknown level; expected one of {', '.join(LEVELS)}", rows[i], "level", level)


def _check_parents(
    values: dict[str, list[Any]],
    first_row: dict[str, int],
    rows: list[int],
    issue: Callable[..., None],
) -> None:
    """Each parent must be another code of the registry, and no parent chain may loop."""
    parents: dict[str, str] = {}
    for i, (code, parent) in enumerate(zip(values["code"], values["parent"], strict=True)):
        if parent is None:
            continue
        if parent not in first_row:
            issue("parent is not a code in this registry", rows[i], "parent", parent)
        elif parent == code:
            issue("the unit is its own parent", rows[i], "parent", parent)
        elif code is not None and first_row.get(code) == rows[i]:
            parents[code] = parent
    for code in _codes_in_loops(parents):
        chain = _chain(code, parents)
        issue(f"the parent chain loops: {' → '.join(chain)}", first_row[code], "parent")


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


def _codes_in_loops(parents: dict[str, str]) -> list[str]:
    """One code per parent loop (the first in file order), for reporting each loop once."""
    reported: set[str] = set()
    found: list[str] = []
    for start in parents:
        seen: list[str] = []
        code: str | None = start
        while code is not None and code not in seen and code not in reported:
            seen.append(code)
            code = parents.get(code)
        if code is not None and code in seen:
            loop = seen[seen.index(code) :]
            reported.update(loop)
            found.append(min(loop, key=list(parents).index))
        reported.update(seen)
    return found


def _chain(code: str, parents: dict[str, str]) -> list[str]:
    chain = [code]
    current = parents[code]
    while current != code:
        chain.append(current)
        current = parents[current]
    return [*chain, code]
