"""The crosswalk of units that changed, and the structure of units in force on a day."""

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
    split, renamed, moved) and ``note``. From ``effective`` on, the members of ``old_code``
    belong to ``new_code``. Each old code appears once, so every member lands in exactly one
    unit: a merge is several old codes with one new code; a split is written unit by unit
    one level down (each basic organization of the split district to its new unit); changes
    chain (A → B in 2010, B → C in 2025 takes A's members to C).

    Examples
    --------
    >>> cw = Crosswalk(pl.DataFrame({"old_code": ["a", "b", "c"], "new_code": ["b", "c", "d"],
    ...     "effective": [dt.date(2010, 1, 1), dt.date(2025, 7, 1), dt.date(2030, 1, 1)]}))
    >>> cw.mapping(at=dt.date(2025, 7, 1))
    {'a': 'c', 'b': 'c'}
    """

    changes: pl.DataFrame

    def __post_init__(self) -> None:
        frame = self.changes
        for column in ("change", "note"):
            if column not in frame.columns:
                frame = frame.with_columns(pl.lit(None, pl.String).alias(column))
        object.__setattr__(
            self,
            "changes",
            frame.select(
                pl.col("old_code").cast(pl.String),
                pl.col("new_code").cast(pl.String),
                pl.col("effective").cast(pl.Date),
                pl.col("change").cast(pl.String),
                pl.col("note").cast(pl.String),
            ),
        )
        problems = _crosswalk_problems(self.changes)
        if problems:
            raise KpiDataError([DataIssue(p, file="<crosswalk>") for p in problems])

    def mapping(self, *, at: dt.date | str) -> dict[str, str]:
        """Where each changed code's members are on ``at`` (unchanged codes are left out)."""
        day = date_option(at, "at")
        step = {
            o: n
            for o, n, e in self.changes.select("old_code", "new_code", "effective").iter_rows()
            if e <= day
        }
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
    first: dict[str, int] = {}
    step: dict[str, str] = {}
    for row, (old, new) in zip(
        rows, changes.select("old_code", "new_code").iter_rows(), strict=True
    ):
        if old in first:
            problems.append(
                f"row {row}: old code {old} is also on row {first[old]}; a code can be handed "
                "over once (write a split one level down, unit by unit)"
            )
        else:
            first[old] = row
            step[old] = new
        if old == new:
            problems.append(f"row {row}: old and new code are both {old}")
    for start in step:
        seen = [start]
        code = step[start]
        while code in step and code not in seen:
            seen.append(code)
            code = step[code]
        if code == start:
            problems.append(f"the changes loop: {' → '.join([*seen, start])}")
            break
    return problems


def read_crosswalk(path: PathLike, *, registry: UnitRegistry) -> Crosswalk:
    r"""Read a crosswalk CSV (``old_code, new_code, effective, change, note``).

    Codes must be codes of ``registry`` (read as text, leading zeros kept); ``effective``
    is a date as :func:`kpitools.io.parse_date` reads it; ``change`` is one of merged,
    split, renamed, moved. See ``data/README.md`` and ``data/crosswalk_example.csv``.

    Raises
    ------
    KpiDataError
        Naming file, row and column of every problem: a missing column, an unknown code,
        an unreadable date, a code handed over twice, a loop.

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
    """
    name = str(path)
    try:
        raw = pl.read_csv(Path(path), infer_schema=False, encoding="utf8")
    except (OSError, pl.exceptions.PolarsError) as exc:
        raise KpiDataError(DataIssue(f"cannot read the crosswalk: {exc}", file=name)) from None
    raw = raw.rename({c: c.strip().lstrip("\ufeff").casefold() for c in raw.columns})
    issues = [
        DataIssue("missing required column", file=name, row=1, column=c)
        for c in ("old_code", "new_code", "effective")
        if c not in raw.columns
    ]
    if issues:
        raise KpiDataError(issues)
    out: dict[str, list[Any]] = {
        c: [] for c in ("old_code", "new_code", "effective", "change", "note")
    }
    for row, r in enumerate(raw.iter_rows(named=True), start=2):
        issues += _read_change(r, out, registry=registry, file=name, row=row)
    if issues:
        raise KpiDataError(issues)
    frame = pl.DataFrame(
        out,
        schema={
            "old_code": pl.String,
            "new_code": pl.String,
            "effective": pl.Date,
            "change": pl.String,
            "note": pl.String,
        },
    )
    problems = _crosswalk_problems(frame)
    if problems:
        raise KpiDataError([DataIssue(p, file=name) for p in problems])
    return Crosswalk(frame)


def _read_change(
    r: dict[str, Any], out: dict[str, list[Any]], *, registry: UnitRegistry, file: str, row: int
) -> list[DataIssue]:
    """Append one row of a crosswalk file to the columns of ``out``; its problems, in order."""
    issues = []
    for column in ("old_code", "new_code"):
        code = (r[column] or "").strip()
        if not code:
            issues.append(DataIssue("empty code", file=file, row=row, column=column))
        elif code not in registry:
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
        out["effective"].append(parse_date((r["effective"] or "").strip()))
    except ValueError as exc:
        issues.append(DataIssue(str(exc), file=file, row=row, column="effective"))
        out["effective"].append(None)
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
    out["note"].append((r.get("note") or "").strip() or None)
    return issues


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
    note = f"as if in force since before the registry's horizon (structure of {day})"
    changed = units.with_columns(
        pl.when(in_force(units, day) & pl.col("valid_from").is_not_null())
        .then(pl.lit(None, pl.Date))
        .otherwise(pl.col("valid_from"))
        .alias("valid_from"),
        pl.when(in_force(units, day) & pl.col("valid_from").is_not_null())
        .then(pl.concat_str(pl.col("note").fill_null(""), pl.lit(f" [{note}]")).str.strip_chars())
        .otherwise(pl.col("note"))
        .alias("note"),
    )
    return UnitRegistry.from_frame(changed)
