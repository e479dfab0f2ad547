"""Links between two structures of units: which old units went, wholly or in part, where.

In the 2025 reform Hà Nội's 526 wards and communes went into 126 new units.

A link file has the columns ``old_code, new_code, relation, effective, source`` and an
optional ``note``:

* ``relation`` is ``full`` (the whole of ``old_code`` went into ``new_code``) or ``partial``
  (a part of it did); an old unit with a ``full`` link has no other link of that date;
* ``effective`` is the first day of the new structure (2025-07-01): ``old_code`` is valid on
  the day before, ``new_code`` on the day itself — so a code reused across the reform is
  two different units on the two sides of a link;
* ``source`` says where the link comes from (``1656/NQ-UBTVQH15 Điều 1 khoản 14``).

:func:`read_links` reads one (CSV, Excel or Parquet); :meth:`Links.rolled_up` derives the
links of a higher level (district → new unit) from those of a lower one (commune → new
unit). What can be compared across the links is decided in :mod:`kpitools.comparability`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from kpitools._typing import PathLike
from kpitools.errors import DataIssue, KpiDataError, ParameterError
from kpitools.io.sheets import UnreadableFileError, cell_text, parse_date, read_grid
from kpitools.registry import UnitRegistry
from kpitools.textfold import nfc

__all__ = ["LINK_COLUMNS", "RELATIONS", "Links", "read_links"]

#: The values of a link's ``relation``.
RELATIONS: tuple[str, ...] = ("full", "partial")
#: The columns of :attr:`Links.frame`, in order.
LINK_COLUMNS: tuple[str, ...] = ("old_code", "new_code", "relation", "effective", "source", "note")
_REQUIRED = LINK_COLUMNS[:-1]
_SCHEMA: dict[str, Any] = {
    "old_code": pl.String,
    "new_code": pl.String,
    "relation": pl.String,
    "effective": pl.Date,
    "source": pl.String,
    "note": pl.String,
}
_CODES = ("old_code", "new_code")
_ROLLED_SOURCES = 3  # sources named in a derived link before "…"
_BAD = object()  # a date that could not be read (reported once, not again as empty)


@dataclass(frozen=True, eq=False, repr=False)
class Links:
    """Links from the units of an old structure to those of a new one.

    Build them with :func:`read_links` or :meth:`from_frame`; constructing one directly
    checks the frame the same way. ``frame`` has the columns of :data:`LINK_COLUMNS`
    (codes and text NFC, ``relation`` lower case, ``effective`` a date), sorted by date,
    old and new code.

    Examples
    --------
    >>> links = Links.from_frame(pl.DataFrame({
    ...     "old_code": ["00001", "00004", "00004"], "new_code": ["00004", "00004", "00008"],
    ...     "relation": ["full", "partial", "Partial"], "effective": ["2025-07-01"] * 3,
    ...     "source": ["1656/NQ-UBTVQH15"] * 3}))
    >>> len(links), links.successors("00004"), links.predecessors("00004")
    (3, ['00004', '00008'], ['00001', '00004'])
    >>> links.frame.row(2)
    ('00004', '00008', 'partial', datetime.date(2025, 7, 1), '1656/NQ-UBTVQH15', None)
    """

    frame: pl.DataFrame

    def __post_init__(self) -> None:
        if not isinstance(self.frame, pl.DataFrame):
            raise TypeError(f"Links needs a polars DataFrame, not {type(self.frame).__name__}")
        object.__setattr__(self, "frame", _checked(self.frame, "<frame>", None))

    @classmethod
    def _of(cls, frame: pl.DataFrame) -> Links:
        """Links of a frame that :func:`_checked` returned (not checked again)."""
        links = object.__new__(cls)
        object.__setattr__(links, "frame", frame)
        return links

    @classmethod
    def from_frame(
        cls,
        df: pl.DataFrame | pl.LazyFrame,
        *,
        source: str = "<frame>",
        registry: UnitRegistry | None = None,
    ) -> Links:
        """Check a frame of links and build :class:`Links` from it.

        Same rules as :func:`read_links`; rows are numbered as in a spreadsheet (header row
        1, first data row 2). Codes must be text (leading zeros); ``effective`` may be a
        date or text (``2025-07-01``, ``01/07/2025``).

        Raises
        ------
        KpiDataError
            Listing every problem with ``source``, row, column and value.

        Examples
        --------
        >>> Links.from_frame(pl.DataFrame({"old_code": ["017", "017"],
        ...     "new_code": ["00001", "00002"], "relation": ["full", "whole"],
        ...     "effective": ["2025-07-01", "1/7/25"], "source": ["NQ", "NQ"]}), source="mine")
        Traceback (most recent call last):
        ...
        kpitools.errors.KpiDataError: 2 problems in the input:
          mine, row 3, column 'relation': relation must be full or partial (value 'whole')
          mine, row 3, column 'effective': not a date; write it as 2025-07-01 or 01/07/2025 (value '1/7/25')
        """  # noqa: E501
        frame = df.collect() if isinstance(df, pl.LazyFrame) else df
        return cls._of(_checked(frame, source, None, registry))

    def __repr__(self) -> str:
        dates = ", ".join(d.isoformat() for d in self.effective_dates)
        return f"Links({len(self)} links, effective {dates or '–'})"

    def __len__(self) -> int:
        return self.frame.height

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Links):
            return NotImplemented
        return self.frame.equals(other.frame)

    __hash__ = None  # type: ignore[assignment]

    @property
    def effective_dates(self) -> tuple[dt.date, ...]:
        """The dates the links take effect, oldest first.

        Examples
        --------
        >>> Links.from_frame(pl.DataFrame({"old_code": ["a"], "new_code": ["b"],
        ...     "relation": ["full"], "effective": ["2025-07-01"], "source": ["s"]})
        ...     ).effective_dates
        (datetime.date(2025, 7, 1),)
        """
        return tuple(self.frame["effective"].unique().sort().to_list())

    def at(self, effective: dt.date | str | None = None) -> Links:
        """The links of one effective date (``None``: the only one there is).

        Raises
        ------
        ParameterError
            ``effective`` is not a date of the links, or is None while there are several.

        Examples
        --------
        >>> links = Links.from_frame(pl.DataFrame({"old_code": ["a", "b"],
        ...     "new_code": ["b", "c"], "relation": ["full", "full"],
        ...     "effective": ["2010-01-01", "2025-07-01"], "source": ["s", "s"]}))
        >>> len(links.at("2025-07-01"))
        1
        >>> links.at()
        Traceback (most recent call last):
        ...
        kpitools.errors.ParameterError: the links take effect on 2010-01-01, 2025-07-01: say which with effective=
        """  # noqa: E501
        return Links._of(self.frame.filter(pl.col("effective") == self.effective(effective)))

    def effective(self, effective: dt.date | str | None = None) -> dt.date:
        """The one effective date meant: ``effective`` checked, or the only date there is.

        Raises
        ------
        ParameterError
            As :meth:`at`.

        Examples
        --------
        >>> Links.from_frame(pl.DataFrame({"old_code": ["a"], "new_code": ["b"],
        ...     "relation": ["full"], "effective": ["01/07/2025"], "source": ["s"]})
        ...     ).effective()
        datetime.date(2025, 7, 1)
        """
        dates = self.effective_dates
        shown = ", ".join(d.isoformat() for d in dates) or "no date (there are no links)"
        if effective is None:
            if len(dates) == 1:
                return dates[0]
            raise ParameterError(f"the links take effect on {shown}: say which with effective=")
        try:
            day = parse_date(effective)
        except (ValueError, OverflowError):
            raise ParameterError(f"effective must be a date, not {effective!r}") from None
        if day not in dates:
            raise ParameterError(f"no links take effect on {day.isoformat()}; they do on {shown}")
        return day

    def successors(self, code: str, *, effective: dt.date | str | None = None) -> list[str]:
        """The new units that took the whole or a part of the old unit ``code``, sorted.

        ``effective`` keeps the links of one date (default: all). An unknown code has none.

        Examples
        --------
        >>> links = Links.from_frame(pl.DataFrame({"old_code": ["017", "017"],
        ...     "new_code": ["00001", "00002"], "relation": ["partial", "partial"],
        ...     "effective": ["2025-07-01"] * 2, "source": ["NQ"] * 2}))
        >>> links.successors("017"), links.successors("999")
        (['00001', '00002'], [])
        """
        return self._related(code, "old_code", "new_code", effective)

    def predecessors(self, code: str, *, effective: dt.date | str | None = None) -> list[str]:
        """The old units that the new unit ``code`` took the whole or a part of, sorted.

        Examples
        --------
        >>> links = Links.from_frame(pl.DataFrame({"old_code": ["017", "018"],
        ...     "new_code": ["00001", "00001"], "relation": ["partial", "full"],
        ...     "effective": ["2025-07-01"] * 2, "source": ["NQ"] * 2}))
        >>> links.predecessors("00001")
        ['017', '018']
        """
        return self._related(code, "new_code", "old_code", effective)

    def _related(
        self, code: str, side: str, other: str, effective: dt.date | str | None
    ) -> list[str]:
        frame = self.frame if effective is None else self.at(effective).frame
        found = frame.filter(pl.col(side) == code)[other]
        return sorted(set(found.to_list()))

    def rolled_up(
        self, parents: Mapping[str, str] | UnitRegistry, *, source: str | None = None
    ) -> Links:
        """Links of the old units' parents (district → new unit), derived from these.

        A parent P is linked to every new unit N that one of its children is linked to,
        ``full`` exactly when every child of P has only ``full`` links, all of them to N;
        otherwise ``partial``. The children of P are every code ``parents`` gives P as
        parent — a child with no link of that date leaves P's links ``partial`` (where its
        area went is not known). ``parents`` maps an old code to its parent's code, or is
        a :class:`~kpitools.registry.UnitRegistry`: then the parent of each unit valid on
        the day before a link takes effect, of the levels of the linked units (a district's
        basic organizations are not among its communes). A derived link's ``source`` names
        the sources of the links it comes from (or is ``source`` when given), its ``note``
        the children.

        Raises
        ------
        ParameterError
            Some old codes have no parent: they are listed.

        Examples
        --------
        >>> links = Links.from_frame(pl.DataFrame({
        ...     "old_code": ["00001", "00004", "00007", "00007"],
        ...     "new_code": ["10001", "10001", "10001", "10002"],
        ...     "relation": ["full", "full", "partial", "partial"],
        ...     "effective": ["2025-07-01"] * 4, "source": ["NQ 1656"] * 4}))
        >>> up = links.rolled_up({"00001": "001", "00004": "001", "00007": "002"})
        >>> up.frame.select("old_code", "new_code", "relation", "source").rows()
        [('001', '10001', 'full', 'derived from 2 links (NQ 1656)'), ('002', '10001', 'partial', 'derived from 1 link (NQ 1656)'), ('002', '10002', 'partial', 'derived from 1 link (NQ 1656)')]
        """  # noqa: E501
        out: list[dict[str, Any]] = []
        for day in self.effective_dates:
            links = self.frame.filter(pl.col("effective") == day)
            olds = set(links["old_code"])
            parent_of = _parents_at(parents, day - dt.timedelta(days=1), olds)
            out += _rolled(links, parent_of, day, source)
        return Links._of(_sorted(pl.DataFrame(out, schema=_SCHEMA)))


def read_links(
    path: PathLike, *, sheet: str | int | None = None, registry: UnitRegistry | None = None
) -> Links:
    r"""Read a file of links between two structures (CSV, Excel or Parquet).

    Columns ``old_code, new_code, relation, effective, source`` (required) and ``note``
    (optional), matched ignoring case; other columns are left out. Every cell is read as
    text, so codes keep their leading zeros; text is stripped and NFC-normalized.
    ``relation`` is ``full`` or ``partial`` in any case; ``effective`` a date
    (``2025-07-01``, ``01/07/2025`` or an Excel date). ``sheet`` picks an Excel sheet
    (default the first). With a ``registry``, every old code must be a unit of it valid on
    the day before its link takes effect, and every new code one valid on that day.

    Raises
    ------
    KpiDataError
        Listing every problem with file, row (header = row 1), column and value: a missing
        column, an empty code or source, an unknown relation, a date that cannot be read,
        the same link twice (and where it first was), a ``full`` link of an old unit that
        has another link of the same date, a code the ``registry`` does not have on its day.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = Path(tmp) / "links.csv"
    ...     _ = path.write_text("old_code,new_code,relation,effective,source\n"
    ...         "00001,00004,full,2025-07-01,NQ 1656\n"
    ...         "00001,00008,partial,2025-07-01,NQ 1656\n", encoding="utf-8")
    ...     read_links(path)
    Traceback (most recent call last):
    ...
    kpitools.errors.KpiDataError: 1 problem in the input:
      ..., row 2, column 'relation': the whole of 00001 cannot go into 00004 when a part of it also goes elsewhere (row 3, 00008) (value 'full')
    """  # noqa: E501
    name = str(path)
    file = Path(path)
    if not file.is_file():
        raise UnreadableFileError(DataIssue("file not found", file=name))
    if file.suffix.lower() == ".parquet":
        try:
            frame = pl.read_parquet(file)
        except Exception as exc:  # polars raises several types; all mean "not parquet"
            raise UnreadableFileError(
                DataIssue(f"cannot read file: {str(exc).splitlines()[0]}", file=name)
            ) from None
        return Links._of(_checked(frame, name, None, registry))
    grid = read_grid(file, sheet=sheet)
    rows = [(n, r) for n, r in zip(grid.numbers, grid.rows, strict=True) if any(r)]
    if not rows:
        raise KpiDataError(DataIssue("the file is empty; it needs a header row", file=name))
    (_, header), body = rows[0], rows[1:]
    columns: dict[str, list[str | None]] = {}
    twice = []
    for j, title in enumerate(header):
        text = cell_text(title)
        if text is not None and text in columns:
            twice.append(DataIssue("the column appears twice", file=name, row=1, column=text))
        elif text is not None:
            columns[text] = [cell_text(r[j]) if j < len(r) else None for _, r in body]
    frame = pl.DataFrame(columns, schema=dict.fromkeys(columns, pl.String))
    try:
        checked = _checked(frame, name, [n for n, _ in body], registry)
    except KpiDataError as exc:
        raise KpiDataError([*twice, *exc.issues]) from None
    if twice:
        raise KpiDataError(twice)
    return Links._of(checked)


def _checked(
    df: pl.DataFrame,
    source: str,
    row_numbers: Sequence[int] | None,
    registry: UnitRegistry | None = None,
) -> pl.DataFrame:
    """The links of ``df``, typed, cleaned and sorted; ``KpiDataError`` with every problem."""
    issues: list[DataIssue] = []

    def issue(message: str, row: int | None, column: str | None, value: object = None) -> None:
        issues.append(DataIssue(message, file=source, row=row, column=column, value=value))

    rows = list(row_numbers) if row_numbers is not None else list(range(2, df.height + 2))
    by_name: dict[str, str] = {}
    for column in df.columns:
        folded = column.strip().lstrip("\ufeff").casefold()
        if folded in _SCHEMA:
            if folded in by_name:
                issue("the column appears twice", 1, column)
            by_name[folded] = column
    for column in _REQUIRED:
        if column not in by_name:
            issue(f"missing required column; the header has {', '.join(df.columns)}", 1, column)
    if issues:
        raise KpiDataError(issues)
    values = {c: _column(df, by_name.get(c), c, rows, issue) for c in LINK_COLUMNS}
    _check_links(values, rows, issue)
    if registry is not None:
        _check_units(values, rows, registry, issue)
    if issues:
        raise KpiDataError(sorted(issues, key=_order))
    return _sorted(pl.DataFrame(values, schema=_SCHEMA))


def _column(
    df: pl.DataFrame,
    name: str | None,
    column: str,
    rows: list[int],
    issue: Callable[..., None],
) -> list[Any]:
    if name is None:
        return [None] * df.height
    series = df.get_column(name)
    if column == "effective":
        return _dates(series, rows, issue)
    if column in _CODES and series.dtype not in (pl.String, pl.Null):
        issue(f"must be text so leading zeros survive, not {series.dtype}", 1, column)
        return [None] * df.height
    texts = [_clean(v) for v in series.cast(pl.String).to_list()]
    if column == "relation":
        return [v.casefold() if v is not None else None for v in texts]
    return texts


def _clean(value: str | None) -> str | None:
    return (nfc(value).strip() or None) if value is not None else None


def _dates(series: pl.Series, rows: list[int], issue: Callable[..., None]) -> list[Any]:
    if series.dtype == pl.Date:
        days = series.to_list()
    elif isinstance(series.dtype, pl.Datetime):
        days = [v.date() if v is not None else None for v in series.to_list()]
    else:
        days = []
        for row, raw in zip(rows, series.cast(pl.String).to_list(), strict=True):
            text = _clean(raw)
            try:
                days.append(parse_date(text) if text is not None else None)
            except (ValueError, OverflowError):
                issue("not a date; write it as 2025-07-01 or 01/07/2025", row, "effective", raw)
                days.append(_BAD)
    for row, day in zip(rows, days, strict=True):
        if day is None:
            issue("empty date; write the first day of the new structure", row, "effective")
    return [None if day is _BAD else day for day in days]


def _check_links(values: dict[str, list[Any]], rows: list[int], issue: Callable[..., None]) -> None:
    """Empty cells, unknown relations, repeated links and a full link beside another."""
    first: dict[tuple[str, str, dt.date], int] = {}
    by_old: dict[tuple[str, dt.date], list[tuple[int, str, str]]] = {}
    columns = [values[c] for c in ("old_code", "new_code", "relation", "effective", "source")]
    for row, cells in zip(rows, zip(*columns, strict=True), strict=True):
        old, new, relation, day, _ = cells
        _check_cells(row, cells, issue)
        if old is None or new is None or day is None:
            continue
        key = (old, new, day)
        if key in first:
            issue(f"the same link is on row {first[key]}", row, "new_code", new)
            continue
        first[key] = row
        by_old.setdefault((old, day), []).append((row, new, relation))
    for (old, _), links in by_old.items():
        _check_full(old, links, issue)


def _check_cells(row: int, cells: tuple[Any, ...], issue: Callable[..., None]) -> None:
    """Empty cells and an unknown relation on one row."""
    old, new, relation, _, source = cells
    for column, value in (("old_code", old), ("new_code", new), ("relation", relation)):
        if value is None:
            issue(f"empty {column.replace('_', ' ')}", row, column)
    if source is None:
        issue("empty source; say where the link comes from", row, "source")
    if relation is not None and relation not in RELATIONS:
        issue("relation must be full or partial", row, "relation", relation)


def _check_full(old: str, links: list[tuple[int, str, str]], issue: Callable[..., None]) -> None:
    """A ``full`` link of ``old`` beside another link of the same date."""
    if len(links) < 2:
        return
    for row, new, relation in links:
        if relation == "full":
            others = ", ".join(f"row {r}, {n}" for r, n, _ in links if r != row)
            issue(
                f"the whole of {old} cannot go into {new} when a part of it also goes "
                f"elsewhere ({others})",
                row,
                "relation",
                relation,
            )


def _check_units(
    values: dict[str, list[Any]],
    rows: list[int],
    registry: UnitRegistry,
    issue: Callable[..., None],
) -> None:
    """Old codes valid on the day before their link, new codes on its day, in ``registry``."""
    known = set(registry.units["code"])
    valid: dict[dt.date, set[str]] = {}
    for row, old, new, day in zip(
        rows, values["old_code"], values["new_code"], values["effective"], strict=True
    ):
        if day is None:
            continue
        for column, code, when in (
            ("old_code", old, day - dt.timedelta(days=1)),
            ("new_code", new, day),
        ):
            if code is None:
                continue
            if when not in valid:
                units = registry.units.filter(_valid_on(when))
                valid[when] = set(units["code"])
            if code not in valid[when]:
                said = "not a unit of the registry" if code not in known else "not in force"
                issue(f"{said} on {when.isoformat()}", row, column, code)


def _order(issue: DataIssue) -> tuple[int, int]:
    row = issue.row if issue.row is not None else 1 << 62
    column = LINK_COLUMNS.index(issue.column) if issue.column in LINK_COLUMNS else 99
    return row, column


def _sorted(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.sort("effective", "old_code", "new_code")


def _parents_at(
    parents: Mapping[str, str] | UnitRegistry, day: dt.date, olds: set[str]
) -> dict[str, str]:
    """Each code's parent: from a mapping, or the registry's units valid on ``day``.

    From a registry, only units of the levels of the linked old units ``olds`` count as
    children (a district's basic organizations are not its communes).
    """
    if not isinstance(parents, UnitRegistry):
        if not isinstance(parents, Mapping):
            raise TypeError(
                f"parents must be a mapping or a UnitRegistry, not {type(parents).__name__}"
            )
        return {str(k): str(v) for k, v in parents.items() if v is not None}
    units = parents.units.filter(_valid_on(day), pl.col("parent").is_not_null())
    levels = units.filter(pl.col("code").is_in(sorted(olds)))["level"].unique().to_list()
    return dict(units.filter(pl.col("level").is_in(levels)).select("code", "parent").iter_rows())


def _rolled(
    links: pl.DataFrame, parent_of: dict[str, str], day: dt.date, source: str | None
) -> list[dict[str, Any]]:
    orphans = sorted(set(links["old_code"]) - parent_of.keys())
    if orphans:
        shown = ", ".join(orphans[:10]) + (f" and {len(orphans) - 10} more" if orphans[10:] else "")
        raise ParameterError(f"no parent is given for the old units {shown}")
    children: dict[str, set[str]] = {}
    for child, parent in parent_of.items():
        children.setdefault(parent, set()).add(child)
    linked: dict[str, list[tuple[str, str, str]]] = {}  # child -> (new, relation, source)
    for old, new, relation, src in links.select(
        "old_code", "new_code", "relation", "source"
    ).rows():
        linked.setdefault(old, []).append((new, relation, src))
    out = []
    for parent in sorted({parent_of[c] for c in linked}):
        kids = sorted(children[parent])
        by_new: dict[str, list[tuple[str, str, str]]] = {}
        for kid in kids:
            for new, relation, src in linked.get(kid, ()):
                by_new.setdefault(new, []).append((kid, relation, src))
        for new, parts in sorted(by_new.items()):
            whole = len(parts) == len(kids) and all(
                len(linked[kid]) == 1 and relation == "full" for kid, relation, _ in parts
            )
            out.append(
                {
                    "old_code": parent,
                    "new_code": new,
                    "relation": "full" if whole else "partial",
                    "effective": day,
                    "source": source or _derived_source([src for *_, src in parts]),
                    "note": "from " + ", ".join(f"{kid} ({rel})" for kid, rel, _ in parts),
                }
            )
    return out


def _derived_source(sources: list[str]) -> str:
    distinct = sorted(set(sources))
    n = len(sources)
    shown = "; ".join(distinct[:_ROLLED_SOURCES]) + ("; …" if distinct[_ROLLED_SOURCES:] else "")
    return f"derived from {n} link{'s' if n != 1 else ''} ({shown})"


def names_at(
    names: Mapping[str, str] | UnitRegistry | None, day: dt.date | None
) -> Callable[[str], str]:
    """A function giving ``"code name"`` of a unit valid on ``day`` (None: any day).

    The code alone when ``names`` does not know it.
    """
    if names is None:
        return str
    if isinstance(names, UnitRegistry):
        units = names.units if day is None else names.units.filter(_valid_on(day))
        known = dict(units.select("code", "name").iter_rows())
    else:
        known = dict(names)
    return lambda code: f"{code} {known[code]}" if code in known else code


def _valid_on(day: dt.date) -> pl.Expr:
    """True for the rows of :attr:`UnitRegistry.units` valid on ``day``."""
    return (pl.col("valid_from").is_null() | (pl.col("valid_from") <= day)) & (
        pl.col("valid_to").is_null() | (pl.col("valid_to") >= day)
    )
