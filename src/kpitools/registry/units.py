"""The unit registry itself: :class:`UnitRegistry`, its lookups by name, code and date."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import polars as pl

from kpitools.errors import ParameterError, show_value
from kpitools.registry.frame import (
    LEVELS,
    LINK_COLUMNS,
    UNIT_COLUMNS,
    Unit,
    links_or_raise,
    normalized_or_raise,
)
from kpitools.registry.matching import (
    CloseMatches,
    Interned,
    Lookup,
    Miss,
    Unsettled,
    bulk_queries,
    cached_type_key,
    day_asked,
    unit_span,
)
from kpitools.registry.unknown import UnitNotInForceError, UnknownUnitError
from kpitools.textfold import (
    DIGITS,
    PLAIN_TEXT,
    keys_of_distinct,
    name_key,
    name_keys,
    name_keys_frame,
    name_keys_typed,
)

_PAD_WIDTH = 3  # numbers are padded to province (2) and district (3) codes, not further


_DAY = timedelta(days=1)


# Where a text's keys (name_keys: strict full, strict bare, loose full, loose bare) are
# looked for: (index, key). The bare loose key is also tried against full loose names
# ("Phuong Phuong Liet": Phương Liệt keeps its first word, which only looks like a prefix).
_SEARCH_ORDER = ((0, 0), (1, 1), (2, 2), (3, 3), (2, 3))


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
    _memo: dict[str, Lookup | Miss] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "units", normalized_or_raise(self.units, "<frame>", None))
        if self.links is not None:
            object.__setattr__(self, "links", links_or_raise(self.links, "<links>"))
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
        columns = [self.units.get_column(c).to_list() for c in UNIT_COLUMNS[:-1]]
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
        return tuple(cached_type_key(unit.type) for unit in self._rows)

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
        checked = links_or_raise(links, "<links>") if links is not None else None
        return cls._checked(normalized_or_raise(frame, source, None), checked)

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
        checked = links_or_raise(links, "<links>") if links is not None else None
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
        day = at if type(at) is date else day_asked(at)
        found = self._memo.get(text) or self._remembered(text)
        if isinstance(found, Miss):
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

    def _remembered(self, text: str) -> Lookup | Miss:
        """:meth:`_lookup` of ``text``, or its error as a :class:`Miss`, remembered."""
        try:
            found: Lookup | Miss = self._lookup(text)
        except UnknownUnitError as exc:
            found = Miss(tuple(exc.suggestions), exc.ambiguous)
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
        frame = bulk_queries(texts, at)
        bounds = self._era_bounds
        found = pl.Series(bounds, dtype=pl.Date).search_sorted(
            frame["at"].fill_null(date.min), side="right"
        )
        frame = frame.with_columns(
            era=pl.when(pl.col("at").is_null()).then(-1).otherwise(found.cast(pl.Int64))
        )
        pairs = frame.select("text", "era").drop_nulls("text").unique()
        said = Interned()
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
        self, texts: pl.Series, said: Interned
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
        said: Interned,
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
        self, ids: tuple[int, ...], number: bool, said: Interned
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
        said: Interned,
    ) -> tuple[Any, ...]:
        """(code, pre, shown, mid, dated, post, cid, ambiguous, not_in_force) on a day.

        A code, or the pieces of the message of :meth:`_error` around the text and the
        day, its candidates' number, and what the error tells (``ambiguous``, the
        ``code`` of a :class:`UnitNotInForceError`).
        """
        answer = self._settle(groups, number, day)
        if type(answer) is str:
            return (answer, None, None, None, None, None, None, None, None)
        why: Unsettled = answer  # type: ignore[assignment]
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

    def _bounds(self, found: Lookup) -> list[date]:
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

    def _lookup(self, text: str) -> Lookup:
        """The candidate rows of ``text``, whatever the date; raises for an unknown text."""
        by_code = self._by_code
        stripped = text.strip()
        rows = by_code.get(stripped)
        if rows is None and (folded := self._folded.get(stripped.casefold())) is not None:
            rows = by_code[folded]
        if rows is not None:
            return Lookup((rows,))
        if DIGITS.fullmatch(stripped) and not stripped.startswith("0"):
            padded = [stripped.zfill(w) for w in self._pad_widths if w > len(stripped)]
            found = tuple(r for code in padded for r in by_code.get(code, ()))
            if found:
                return Lookup((found,), number=True)
            return self._unknown_number(text, stripped)
        groups = self._named(text)
        if not groups:
            return self._unknown(text)
        return Lookup(groups)

    def _pick(self, text: str, found: Lookup, day: date | None) -> str:
        """The one code of ``found`` (in force on ``day``, when given); raises otherwise."""
        answer = self._settle(found.groups, found.number, day)
        if type(answer) is str:
            return answer
        raise self._error(text, answer, found.number, day)  # type: ignore[arg-type]

    def _settle(
        self, groups: tuple[tuple[int, ...], ...], number: bool, day: date | None
    ) -> str | Unsettled:
        """The one code of ``groups`` (in force on ``day``, when given), else why not."""
        codes_of = self._codes
        if day is None:
            group = groups[0]
            code = codes_of[group[0]]
            if all(codes_of[i] == code for i in group):
                return code
            return Unsettled("ambiguous", tuple(group))
        starts, ends = self._spans
        for group in groups:
            valid = [i for i in group if starts[i] <= day <= ends[i]]
            if valid:
                code = codes_of[valid[0]]
                if all(codes_of[i] == code for i in valid):
                    return code
                return Unsettled("ambiguous", tuple(valid))
        codes = list(dict.fromkeys(codes_of[i] for i in groups[0]))
        if len(codes) == 1:
            return Unsettled("ceased", (), codes[0])
        return Unsettled("none", tuple(groups[0]))

    def _error(self, text: str, why: Unsettled, number: bool, day: date | None) -> UnknownUnitError:
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
    def _close(self) -> CloseMatches:
        """``difflib.get_close_matches`` over the plain name keys (built on first use)."""
        return CloseMatches(self._names[1])

    def _unknown(self, text: str) -> Lookup:
        indexes = self._names[0]
        plain = name_key(text, diacritics=False)
        close = self._close(plain, 3, 0.6)
        codes = list(dict.fromkeys(self._rows[i].code for key in close for i in indexes[3][key]))
        raise UnknownUnitError(text, [self._label(code) for code in codes[:3]])

    def _unknown_number(self, text: str, digits: str) -> Lookup:
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
        typed = len({cached_type_key(u.type) for u in units}) > 1
        labels = []
        for unit in units:
            prefixed = self._keyed.get(unit.name, (None, None))[1] is not None
            kind = f"{unit.type} " if typed and unit.type and not prefixed else ""
            span = f" ({unit_span(unit)})" if dated and unit_span(unit) else ""
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
        day = day_asked(at)
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
        day = day_asked(at)
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
        day = day_asked(at)
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
        day = day_asked(at)
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
        day = day_asked(at)
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
