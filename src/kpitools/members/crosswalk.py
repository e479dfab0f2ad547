"""The crosswalk of units that changed, and the structure of units in force on a day.

One file format serves two purposes: a crosswalk of unit codes (a merge, a split, a new
code) and the *organization map* of a backcast (each basic Party organization and the new
commune-level unit it belongs to from a date). Both say where the members of a code are
counted from a date; the map's headers ``org_code`` / ``new_unit_code`` are the crosswalk's
``old_code`` / ``new_code``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from kpitools._typing import PathLike
from kpitools.errors import DataIssue, KpiDataError
from kpitools.io.sheets import parse_date
from kpitools.registry import UnitRegistry

CHANGES = ("merged", "split", "renamed", "moved")
COLUMNS = ("old_code", "new_code", "effective", "change", "source", "note")
#: Other header spellings of the crosswalk's columns (an organization map's names).
HEADER_ALIASES = {"org_code": "old_code", "new_unit_code": "new_code"}


def date_option(value: object, name: str) -> dt.date:
    """The date an option (``name``) was given as, or a ValueError naming the option."""
    try:
        return parse_date(value)
    except (ValueError, OverflowError):
        raise ValueError(f"{name} must be a date like 2023-11-30, not {value!r}") from None


@dataclass(frozen=True)
class Crosswalk:
    """Changes of unit codes with the date each took effect.

    ``changes`` has ``old_code``, ``new_code``, ``effective`` (date), ``change`` (merged,
    split, renamed, moved), ``source`` (where the change is decided, e.g. a transfer
    decision) and ``note``. From ``effective`` on, the members of ``old_code`` belong to
    ``new_code``. A code is handed over once on a given day, so every member lands in
    exactly one unit: a merge is several old codes with one new code; a split is written
    unit by unit one level down (each basic organization of the split district to its new
    unit). A code may be handed over again on a later day (a basic organization that moves
    twice): the latest change on or before a date holds. Changes chain (A → B in 2010,
    B → C in 2025 takes A's members to C).

    Examples
    --------
    >>> cw = Crosswalk(pl.DataFrame({"old_code": ["a", "b", "c"], "new_code": ["b", "c", "d"],
    ...     "effective": [dt.date(2010, 1, 1), dt.date(2025, 7, 1), dt.date(2030, 1, 1)]}))
    >>> cw.mapping(at=dt.date(2025, 7, 1))
    {'a': 'c', 'b': 'c'}

    An organization that moves twice:

    >>> moves = Crosswalk(pl.DataFrame({"old_code": ["C1", "C1"], "new_code": ["P1", "P2"],
    ...     "effective": [dt.date(2025, 7, 1), dt.date(2026, 1, 1)]}))
    >>> moves.mapping(at="2025-07-01"), moves.mapping(at="2026-03-31")
    ({'C1': 'P1'}, {'C1': 'P2'})
    """

    changes: pl.DataFrame

    def __post_init__(self) -> None:
        frame = self.changes
        for column in ("change", "source", "note"):
            if column not in frame.columns:
                frame = frame.with_columns(pl.lit(None, pl.String).alias(column))
        object.__setattr__(
            self,
            "changes",
            frame.select(
                pl.col("old_code").cast(pl.String),
                pl.col("new_code").cast(pl.String),
                pl.col("effective").cast(pl.Date),
                *(pl.col(c).cast(pl.String) for c in COLUMNS[3:]),
            ),
        )
        problems = _crosswalk_problems(self.changes)
        if problems:
            raise KpiDataError([DataIssue(p, file="<crosswalk>") for p in problems])

    def mapping(self, *, at: dt.date | str) -> dict[str, str]:
        """Where each changed code's members are on ``at`` (unchanged codes are left out)."""
        day = date_option(at, "at")
        return _chained(_steps(self.changes.select("old_code", "new_code", "effective"), day))

    @property
    def codes(self) -> list[str]:
        """Every old code (each basic organization of an organization map), sorted."""
        return sorted(set(self.changes["old_code"]))


def _steps(changes: pl.DataFrame, day: dt.date) -> dict[str, str]:
    """Each old code's new code by the latest of its changes on or before ``day``."""
    step: dict[str, tuple[dt.date, str]] = {}
    for old, new, effective in changes.iter_rows():
        if effective <= day and (old not in step or step[old][0] < effective):
            step[old] = (effective, new)
    return {old: new for old, (_, new) in step.items()}


def _chained(step: dict[str, str]) -> dict[str, str]:
    """Where each code of ``step`` ends up, following the steps (no loop in ``step``)."""
    out = {}
    for code in step:
        target = code
        while target in step:
            target = step[target]
        out[code] = target
    return out


def _crosswalk_problems(changes: pl.DataFrame, rows: Sequence[int] | None = None) -> list[str]:
    problems = []
    rows = list(rows) if rows is not None else list(range(2, changes.height + 2))
    first: dict[tuple[str, dt.date | None], int] = {}
    for row, (old, new, effective) in zip(
        rows, changes.select("old_code", "new_code", "effective").iter_rows(), strict=True
    ):
        if (old, effective) in first:
            problems.append(
                f"row {row}: old code {old} is also on row {first[old, effective]} with the "
                "same effective date; a code can be handed over once on a day (write a split "
                "one level down, unit by unit)"
            )
        else:
            first[old, effective] = row
        if old == new:
            problems.append(f"row {row}: old and new code are both {old}")
    # The steps in force change only on effective dates: a loop shows on one of them.
    valid = changes.select("old_code", "new_code", "effective").filter(
        pl.col("effective").is_not_null() & (pl.col("old_code") != pl.col("new_code"))
    )
    for day in sorted(set(valid["effective"])):
        loop = _loop(_steps(valid, day))
        if loop:
            problems.append(f"the changes loop from {day}: {' → '.join(loop)}")
            break
    return problems


def _loop(step: dict[str, str]) -> list[str]:
    """The codes of a loop of ``step`` (first code repeated at the end), or []."""
    for start in step:
        seen = [start]
        code = step[start]
        while code in step and code not in seen:
            seen.append(code)
            code = step[code]
        if code == start:
            return [*seen, start]
    return []


def read_crosswalk(path: PathLike, *, registry: UnitRegistry) -> Crosswalk:
    r"""Read a crosswalk or organization map CSV.

    Columns ``old_code, new_code, effective`` and optionally ``change``, ``source`` and
    ``note``; an organization map may call the first two ``org_code`` and
    ``new_unit_code``. ``new_code`` must be a code of ``registry`` in force on
    ``effective``; ``old_code`` may be a code the registry does not list (a basic
    organization known only to the member export). Codes are read as text, leading zeros
    kept; ``effective`` is a date as :func:`kpitools.io.parse_date` reads it; ``change`` is
    one of merged, split, renamed, moved. See ``docs/members.md``, ``data/README.md`` and
    ``data/crosswalk_example.csv``.

    Raises
    ------
    KpiDataError
        Naming file, row and column of every problem: a missing column, an empty or unknown
        code, a new unit not in force on the effective date, an unreadable date, a code
        handed over twice on one day, a loop.

    Examples
    --------
    With the example ``ward_registry`` of :mod:`kpitools.members`:

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = Path(tmp) / "crosswalk.csv"
    ...     _ = path.write_text("old_code,new_code,effective,change\n"
    ...                         "001-C01,01-P01,2025-07-01,split\n"
    ...                         "001-C02,01-P01,2025-07-01,split\n", encoding="utf-8")
    ...     crosswalk = read_crosswalk(path, registry=ward_registry)
    >>> crosswalk.mapping(at="2025-07-01"), crosswalk.mapping(at="2024-01-01")
    ({'001-C01': '01-P01', '001-C02': '01-P01'}, {})

    An organization map, with an organization the registry does not list:

    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = Path(tmp) / "org_map.csv"
    ...     _ = path.write_text("org_code,new_unit_code,effective,source\n"
    ...                         "CB-77,01-P01,2025-07-01,QĐ 123-QĐ/TU\n", encoding="utf-8")
    ...     read_crosswalk(path, registry=ward_registry).mapping(at="2025-07-01")
    {'CB-77': '01-P01'}
    """
    name = str(path)
    try:
        raw = pl.read_csv(Path(path), infer_schema=False, encoding="utf8")
    except (OSError, pl.exceptions.PolarsError) as exc:
        raise KpiDataError(DataIssue(f"cannot read the crosswalk: {exc}", file=name)) from None
    header = {c: c.strip().lstrip("\ufeff").casefold() for c in raw.columns}
    header = {c: HEADER_ALIASES.get(h, h) for c, h in header.items()}
    issues = [
        DataIssue(f"two columns for {h!r}", file=name, row=1, column=c)
        for c, h in header.items()
        if h in COLUMNS and list(header.values()).count(h) > 1
    ]
    if issues:
        raise KpiDataError(issues)
    raw = raw.rename(header)
    issues = [
        DataIssue("missing required column", file=name, row=1, column=c)
        for c in COLUMNS[:3]
        if c not in raw.columns
    ]
    if issues:
        raise KpiDataError(issues)
    out: dict[str, list[Any]] = {c: [] for c in COLUMNS}
    lifetimes = _lifetimes(registry)
    for row, r in enumerate(raw.iter_rows(named=True), start=2):
        issues += _read_change(r, out, lifetimes=lifetimes, file=name, row=row)
    if issues:
        raise KpiDataError(issues)
    frame = pl.DataFrame(
        out, schema={c: pl.Date if c == "effective" else pl.String for c in COLUMNS}
    )
    problems = _crosswalk_problems(frame)
    if problems:
        raise KpiDataError([DataIssue(p, file=name) for p in problems])
    return Crosswalk(frame)


def _lifetimes(registry: UnitRegistry) -> dict[str, list[tuple[dt.date | None, dt.date | None]]]:
    """Each code's periods of validity (a code may have several, one per row)."""
    out: dict[str, list[tuple[dt.date | None, dt.date | None]]] = {}
    for code, start, end in registry.units.select("code", "valid_from", "valid_to").iter_rows():
        out.setdefault(code, []).append((start, end))
    return out


def _read_change(
    r: dict[str, Any],
    out: dict[str, list[Any]],
    *,
    lifetimes: dict[str, list[tuple[dt.date | None, dt.date | None]]],
    file: str,
    row: int,
) -> list[DataIssue]:
    """Append one row of a crosswalk file to the columns of ``out``; its problems, in order."""
    issues = []
    for column in ("old_code", "new_code"):
        code = (r[column] or "").strip()
        if not code:
            issues.append(DataIssue("empty code", file=file, row=row, column=column))
        elif column == "new_code" and code not in lifetimes:
            issues.append(
                DataIssue(
                    "not a code of the unit registry",
                    file=file,
                    row=row,
                    column=column,
                    value=code,
                )
            )
        out[column].append(code)
    try:
        effective = parse_date((r["effective"] or "").strip())
    except ValueError as exc:
        issues.append(DataIssue(str(exc), file=file, row=row, column="effective"))
        effective = None
    out["effective"].append(effective)
    new = out["new_code"][-1]
    if effective is not None and new in lifetimes and not _valid_on(lifetimes[new], effective):
        periods = ", ".join(f"{start or '…'} – {end or '…'}" for start, end in lifetimes[new])
        issues.append(
            DataIssue(
                f"the unit is not in force on the effective date {effective} (it is in force "
                f"{periods})",
                file=file,
                row=row,
                column="new_code",
                value=new,
            )
        )
    change = (r.get("change") or "").strip() or None
    if change is not None and change not in CHANGES:
        issues.append(
            DataIssue(
                f"change must be one of {', '.join(CHANGES)}",
                file=file,
                row=row,
                column="change",
                value=change,
            )
        )
    out["change"].append(change)
    for column in ("source", "note"):
        out[column].append((r.get(column) or "").strip() or None)
    return issues


def _valid_on(periods: list[tuple[dt.date | None, dt.date | None]], day: dt.date) -> bool:
    return any(
        (start is None or start <= day) and (end is None or day <= end) for start, end in periods
    )


def in_force(units: pl.DataFrame, day: dt.date) -> pl.Expr:
    """True for the units (rows of :attr:`UnitRegistry.units`) that exist on ``day``."""
    return (pl.col("valid_from").is_null() | (pl.col("valid_from") <= day)) & (
        pl.col("valid_to").is_null() | (pl.col("valid_to") >= day)
    )


def structure_registry(
    registry: UnitRegistry, crosswalk: Crosswalk | None = None, *, at: dt.date | str
) -> UnitRegistry:
    r"""The registry as if the units in force on ``at`` had always existed.

    A series over years in the structure of ``at`` needs a figure for a unit in years
    before it was founded (a ward formed on 2025-07-01 from the basic organizations that
    now make it up): the units in force on ``at`` lose their ``valid_from``, everything else
    is kept. Pass the result as the ``units`` of the notebooks (``registry.units.write_csv``)
    together with KPI rows made with the same crosswalk and date. ``crosswalk`` is checked
    against the registry: its new codes must be in force on ``at``.

    Examples
    --------
    With the example ``ward_registry`` and ``ward_crosswalk`` of :mod:`kpitools.members`:

    >>> ward_registry.exists("01-P01", 2020)
    False
    >>> structure_registry(ward_registry, ward_crosswalk, at="2025-07-01").exists("01-P01", 2020)
    True
    """
    day = date_option(at, "at")
    units = registry.units
    if crosswalk is not None:
        force = set(units.filter(in_force(units, day))["code"])
        issues = [
            DataIssue(f"the crosswalk hands members to {new}, which is not in force on {day}")
            for new in sorted(set(crosswalk.mapping(at=day).values()) - force)
        ]
        if issues:
            raise KpiDataError(issues)
    return UnitRegistry.from_frame(backdated(units, day, f"structure of {day}"))


def backdated(units: pl.DataFrame, day: dt.date, why: str) -> pl.DataFrame:
    """The rows of :attr:`UnitRegistry.units`, the units in force on ``day`` backdated.

    Those units lose their ``valid_from``, as if they had always been; their note says so
    (and ``why``).
    """
    note = f"as if in force since before the registry's horizon ({why})"
    moved = in_force(units, day) & pl.col("valid_from").is_not_null()
    return units.with_columns(
        pl.when(moved)
        .then(pl.lit(None, pl.Date))
        .otherwise(pl.col("valid_from"))
        .alias("valid_from"),
        pl.when(moved)
        .then(pl.concat_str(pl.col("note").fill_null(""), pl.lit(f" [{note}]")).str.strip_chars())
        .otherwise(pl.col("note"))
        .alias("note"),
    )
