"""The registry's table: columns, levels, types, rows (:class:`Unit`) and the checks on it.

A frame of units or of links passes these checks before a registry is made of it; every
problem is reported at once, with its row, column and value.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any, NamedTuple

import polars as pl

from kpitools.errors import DataIssue, KpiDataError, ParameterError
from kpitools.textfold import (
    PLAIN_TEXT,
    nfc,
)

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


REQUIRED_COLUMNS: tuple[str, ...] = ("code", "name", "level", "parent")


UNIT_COLUMNS = ("code", "name", "level", "type", "parent", "valid_from", "valid_to", "note")


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


ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


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


def frame_from_records(
    records: list[list[str]], source: str
) -> tuple[pl.DataFrame, list[int], list[DataIssue]]:
    """A frame of the CSV's records (header first), their row numbers and the problems found."""
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


def normalized_or_raise(df: object, source: str, row_numbers: Sequence[int] | None) -> Any:
    """``df`` checked and normalized as a registry's units, or a KpiDataError of its problems."""
    if not isinstance(df, pl.DataFrame):
        raise TypeError(f"UnitRegistry needs a polars DataFrame, not {type(df).__name__}")
    units, issues = normalize(df, source, row_numbers)
    if issues or units is None:
        raise KpiDataError(issues)
    return units


def normalize(
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
        return None, sorted(issues, key=issue_order)
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
    for column in UNIT_COLUMNS:
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


def issue_order(issue: DataIssue) -> tuple[int, int]:
    """A problem's place in a report: by row, then by column in the registry's order."""
    row = issue.row if issue.row is not None else 1 << 62
    column = UNIT_COLUMNS.index(issue.column) if issue.column in UNIT_COLUMNS else len(UNIT_COLUMNS)
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
                if not ISO_DATE.fullmatch(text):
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


def links_or_raise(links: object, source: str) -> pl.DataFrame:
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
