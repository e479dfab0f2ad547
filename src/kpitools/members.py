"""KPIs counted straight from a member-registry export (one row per Party member).

:func:`member_kpis` turns an export — CSV, Parquet or Excel, Vietnamese or English headers
(:data:`MEMBER_COLUMNS`) — into rows of the long table (:data:`kpitools.io.LONG_SCHEMA`):
admissions per unit and year with breakdowns (non-state enterprises, business owners,
upper-secondary students, sex, age band), members at year end (the denominator of coverage
metrics) and departures (deaths, removals, transfers out), for the units of the registry at
the chosen levels and every unit above them. Joined with a targets file, the rows work with
every measure, chart and notebook of kpitools unchanged.

How members are counted
-----------------------
* A member counts in the unit of their row (any level: a basic organization, a district...)
  and in every unit above it, but only in the years when that unit and every unit between
  the two existed (the registry's ``valid_from`` / ``valid_to``): a unit's figure is the sum
  of its parts, and a unit has no figure for a year it did not exist. Events that fall
  outside are counted in :attr:`MemberKpis.unattributed`, never dropped silently.
* ``admissions``: members admitted in the year, up to ``as_of`` in the ``as_of`` year.
  Age bands use completed years at admission (``age_edges`` (30, 45, 60) give under 30,
  30–44, 45–59 and 60 or over); with only a year of birth, admission year − birth year.
* ``members``: admitted on or before the end of the year (or ``as_of``) and not died,
  removed or transferred out by then — the export's status and status date.
* ``deaths``, ``removals``, ``transfers_out``: by the year of the status date.
* A crosswalk (:func:`read_crosswalk`) moves every member to the unit that took theirs over
  by a chosen date, so a series over years compares like with like across merges, splits,
  renames and the 2025 abolition of the district level.

Bad rows (:data:`BAD_ROW_KINDS`) are counted per kind and the first rows of each are shown
with their row number; by default they stop the computation (``bad_rows="stop"``), or the
computation goes on without them and says so (``"skip"``). Member ids never appear in a
message, a result or a log: only counts leave the query.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import warnings
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

import polars as pl

from kpitools import _members_read as _r
from kpitools._members_read import BAD_ROW_KINDS, MEMBER_COLUMNS
from kpitools.catalog import MetricCatalog
from kpitools.errors import DataIssue, KpiDataError
from kpitools.io import LONG_SCHEMA, parse_date, read_targets
from kpitools.names import LEVELS, UnitRegistry, _lifetime_years

__all__ = [
    "BAD_ROW_KINDS",
    "DEFAULT_AGE_EDGES",
    "MEMBER_COLUMNS",
    "BadRows",
    "Crosswalk",
    "MemberExportError",
    "MemberKpis",
    "member_kpis",
    "member_metrics",
    "read_crosswalk",
    "read_targets",
    "structure_registry",
    "suppress_small",
]

PathLike = str | os.PathLike[str]

#: Age bands of admissions: under 30, 30–44, 45–59, 60 or over.
DEFAULT_AGE_EDGES: tuple[int, ...] = (30, 45, 60)
_EXAMPLES = 5
_STREAMING_SHARE = 8  # CSV files over 1/8 of the machine's memory are read by streaming
CHANGES = ("merged", "split", "renamed", "moved")


def _band_codes(edges: Sequence[int]) -> list[str]:
    bounds = [None, *edges, None]
    out = []
    for lo, hi in itertools.pairwise(bounds):
        if lo is None:
            out.append(f"admissions_age_under_{hi}")
        elif hi is None:
            out.append(f"admissions_age_{lo}_plus")
        else:
            out.append(f"admissions_age_{lo}_{hi - 1}")
    return out


def member_metrics(*, age_edges: Sequence[int] = DEFAULT_AGE_EDGES) -> dict[str, str]:
    """The metrics :func:`member_kpis` can count, each with what it needs of the export.

    The value is ``""`` (member id, unit and admission date suffice), a column
    (``nonstate``, ``business_owner``, ``hs_student``, ``sex``, ``status``) or ``age``
    (a date or year of birth). A ``group`` column can stand for the three yes/no columns.

    Examples
    --------
    >>> list(member_metrics(age_edges=(30,)))[-6:]
    ['admissions_age_under_30', 'admissions_age_30_plus', 'members', 'deaths', 'removals', 'transfers_out']
    """  # noqa: E501
    metrics = {
        "admissions": "",
        "admissions_nonstate": "nonstate",
        "admissions_business_owners": "business_owner",
        "admissions_hs_students": "hs_student",
        "admissions_female": "sex",
        "admissions_male": "sex",
    }
    metrics |= dict.fromkeys(_band_codes(age_edges), "age")
    metrics |= dict.fromkeys(("members", "deaths", "removals", "transfers_out"), "status")
    return metrics


_FLAG_BITS = {
    "admissions_nonstate": _r.NONSTATE,
    "admissions_business_owners": _r.OWNER,
    "admissions_hs_students": _r.STUDENT,
    "admissions_female": _r.FEMALE,
    "admissions_male": _r.MALE,
}
_EXITS = {"deaths": "deceased", "removals": "removed", "transfers_out": "transferred"}


# --------------------------------------------------------------------------- bad rows


@dataclass(frozen=True)
class BadRows:
    """The rows of an export that cannot be used: how many of each kind, and the first ones.

    ``examples`` holds, per kind, :class:`~kpitools.errors.DataIssue` objects naming the
    file, the row number (header = row 1) and the column; member ids are never shown.
    """

    file: str
    rows: int  # rows read
    counts: dict[str, int] = field(default_factory=dict)
    examples: dict[str, tuple[DataIssue, ...]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """Rows with at least one problem (a row may have several kinds)."""
        return self.counts.get("_rows", 0)

    def __bool__(self) -> bool:
        return self.total > 0

    def kinds(self) -> dict[str, int]:
        """Rows per kind, in the order of :data:`BAD_ROW_KINDS`."""
        return {k: self.counts[k] for k in BAD_ROW_KINDS if self.counts.get(k)}

    def issues(self) -> list[DataIssue]:
        """The example problems, kind by kind."""
        return [issue for kind in self.kinds() for issue in self.examples.get(kind, ())]

    def __str__(self) -> str:
        if not self:
            return f"{self.file}: no bad rows in {self.rows:,} rows"
        kinds = ", ".join(f"{n:,} {kind}" for kind, n in self.kinds().items())
        lines = [f"{self.file}: {self.total:,} of {self.rows:,} rows cannot be used ({kinds})"]
        for kind, n in self.kinds().items():
            shown = self.examples.get(kind, ())
            lines.append(f"  {kind} — {BAD_ROW_KINDS[kind]}: {n:,} rows; first {len(shown)}:")
            lines += [f"    {issue}" for issue in shown]
        return "\n".join(lines)


class MemberExportError(KpiDataError):
    """Raised when an export has bad rows and ``bad_rows="stop"``; ``report`` says which."""

    def __init__(self, report: BadRows):
        self.report = report
        super().__init__(report.issues())

    def _render(self) -> str:
        return (
            str(self.report)
            + "\nFix these rows, or pass bad_rows='skip' to count without them (they are "
            "then reported, not used)."
        )


# Which column a kind is about, to name it in messages (never the member id's value).
_KIND_COLUMN = {
    "missing_id": "member_id",
    "duplicate_id": "member_id",
    "missing_unit": "unit_code",
    "unknown_unit": "unit_code",
    "unmapped_unit": "unit_code",
    "missing_admission_date": "admission_date",
    "unreadable_admission_date": "admission_date",
    "future_admission": "admission_date",
    "admission_before_1930": "admission_date",
    "missing_birth": "birth_date",
    "unreadable_birth": "birth_date",
    "implausible_age": "birth_date",
    "bad_sex": "sex",
    "bad_flag": None,
    "bad_status": "status",
    "status_without_date": "status_date",
    "unreadable_status_date": "status_date",
    "status_before_admission": "status_date",
    "future_status": "status_date",
}


def _flag_bit(bit: int) -> pl.Expr:
    return (pl.col("key") // pl.lit(bit, pl.UInt64)) % 2 == 1


def _report(src: _r.Source, counts: pl.DataFrame, flagged: pl.DataFrame | None) -> BadRows:
    # Every row gives one admission key (counted, after as_of, or bad): that is the row count.
    rows = int(counts.filter(~_flag_bit(_r.EXIT))["n"].sum() or 0)
    if flagged is None or flagged.is_empty():
        return BadRows(src.name, rows)
    by_kind: dict[str, int] = {}
    for mask, n in flagged.group_by("mask").len().iter_rows():
        for kind in _r.kinds_of(int(mask)):
            by_kind[kind] = by_kind.get(kind, 0) + int(n)
    by_kind["_rows"] = flagged.height
    shown: dict[str, tuple[DataIssue, ...]] = {}
    for kind, found in _r.bad_examples(src, flagged, per_kind=_EXAMPLES).items():
        column = _KIND_COLUMN[kind]
        if column == "birth_date" and "birth_date" not in src.columns:
            column = "birth_year"
        issues = []
        for row, cells in found:
            value = None if column in (None, "member_id") else cells.get(column)
            where = None if column is None else src.columns.get(column, column)
            issues.append(
                DataIssue(BAD_ROW_KINDS[kind], file=src.name, row=row, column=where, value=value)
            )
        shown[kind] = tuple(issues)
    return BadRows(src.name, rows, by_kind, shown)


# --------------------------------------------------------------------------- crosswalk


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
        day = _date(at, "at")
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
    """Read a crosswalk CSV (``old_code, new_code, effective, change, note``).

    Codes must be codes of ``registry`` (read as text, leading zeros kept); ``effective``
    is a date as :func:`kpitools.io.parse_date` reads it; ``change`` is one of merged,
    split, renamed, moved. See ``data/README.md`` and ``data/crosswalk_example.csv``.

    Raises
    ------
    KpiDataError
        Naming file, row and column of every problem: a missing column, an unknown code,
        an unreadable date, a code handed over twice, a loop.
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
        for column in ("old_code", "new_code"):
            code = (r[column] or "").strip()
            if not code:
                issues.append(DataIssue("empty code", file=name, row=row, column=column))
            elif code not in registry:
                issues.append(
                    DataIssue(
                        "not a code of the unit registry",
                        file=name,
                        row=row,
                        column=column,
                        value=code,
                    )
                )
            out[column].append(code)
        try:
            out["effective"].append(parse_date((r["effective"] or "").strip()))
        except ValueError as exc:
            issues.append(DataIssue(str(exc), file=name, row=row, column="effective"))
            out["effective"].append(None)
        change = (r.get("change") or "").strip() or None
        if change is not None and change not in CHANGES:
            issues.append(
                DataIssue(
                    f"change must be one of {', '.join(CHANGES)}",
                    file=name,
                    row=row,
                    column="change",
                    value=change,
                )
            )
        out["change"].append(change)
        out["note"].append((r.get("note") or "").strip() or None)
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


def _in_force(units: pl.DataFrame, day: dt.date) -> pl.Expr:
    return (pl.col("valid_from").is_null() | (pl.col("valid_from") <= day)) & (
        pl.col("valid_to").is_null() | (pl.col("valid_to") >= day)
    )


def structure_registry(
    registry: UnitRegistry, crosswalk: Crosswalk | None = None, *, at: dt.date | str
) -> UnitRegistry:
    """The registry as if the units in force on ``at`` had always existed.

    A series over years in the structure of ``at`` needs a figure for a unit in years
    before it was founded (a ward formed on 2025-07-01 from the basic organizations that
    now make it up): the units in force on ``at`` lose their ``valid_from``, everything else
    is kept. Pass the result as the ``units`` of the notebooks (``registry.units.write_csv``)
    together with KPI rows made with the same crosswalk and date. ``crosswalk`` is checked
    against the registry: its new codes must be in force on ``at``.
    """
    day = _date(at, "at")
    units = registry.units
    if crosswalk is not None:
        force = set(units.filter(_in_force(units, day))["code"])
        issues = [
            DataIssue(f"the crosswalk hands members to {new}, which is not in force on {day}")
            for new in sorted(set(crosswalk.mapping(at=day).values()) - force)
        ]
        if issues:
            raise KpiDataError(issues)
    note = f"as if in force since before the registry's horizon (structure of {day})"
    changed = units.with_columns(
        pl.when(_in_force(units, day) & pl.col("valid_from").is_not_null())
        .then(pl.lit(None, pl.Date))
        .otherwise(pl.col("valid_from"))
        .alias("valid_from"),
        pl.when(_in_force(units, day) & pl.col("valid_from").is_not_null())
        .then(pl.concat_str(pl.col("note").fill_null(""), pl.lit(f" [{note}]")).str.strip_chars())
        .otherwise(pl.col("note"))
        .alias("note"),
    )
    return UnitRegistry.from_frame(changed)


# --------------------------------------------------------------------------- targets


# --------------------------------------------------------------------------- the counts


@dataclass(frozen=True)
class MemberKpis:
    """What :func:`member_kpis` found.

    Attributes
    ----------
    kpis
        The long table (:data:`~kpitools.io.LONG_SCHEMA`), sorted by year, metric, unit.
    registry
        The registry the rows are valid against: the one given, or with a crosswalk the
        :func:`structure_registry` of the structure date.
    bad_rows
        The bad rows found (skipped when ``bad_rows="skip"``; none otherwise).
    unattributed
        Events not counted in any row, by reason: ``outside`` (a unit outside the chosen
        units or levels), ``not existing`` (a unit that did not exist in the event's year),
        ``after as_of``.
    """

    kpis: pl.DataFrame
    registry: UnitRegistry
    bad_rows: BadRows
    unattributed: dict[str, int]


def _date(value: object, name: str) -> dt.date:
    try:
        return parse_date(value)
    except (ValueError, OverflowError):
        raise ValueError(f"{name} must be a date like 2023-11-30, not {value!r}") from None


def _years_of(units: pl.DataFrame) -> tuple[list[int], list[int]]:
    first, last = units.select(*_lifetime_years())
    return first.to_list(), last.to_list()


@dataclass(frozen=True)
class _Structure:
    codes: list[str]  # registry codes, by index (the export's codes resolve to these)
    slots: pl.Series  # per code index: slot (0 = outside the selection), null = unmapped
    slot_units: pl.DataFrame  # slot, unit (lowest output unit), first, last
    pairs: pl.DataFrame  # unit, ancestor (output units, self included), first, last
    outputs: pl.DataFrame  # unit, first, last of the output units, by code
    # Units are numbered by their row in the registry (``codes``); years are Int32.


def _structure(
    registry: UnitRegistry,
    *,
    levels: Sequence[str],
    within: Sequence[str] | None,
    mapping: Mapping[str, str],
    force: set[str] | None,
) -> _Structure:
    units = registry.units
    codes = units["code"].to_list()
    parent = dict(zip(codes, units["parent"].to_list(), strict=True))
    level = dict(zip(codes, units["level"].to_list(), strict=True))
    first_y, last_y = _years_of(units)
    first = dict(zip(codes, first_y, strict=True))
    last = dict(zip(codes, last_y, strict=True))

    def chain(code: str) -> list[str]:
        out = [code]
        while parent[out[-1]] is not None:
            out.append(parent[out[-1]])
        return out

    roots = set(within) if within is not None else None
    selected = {c for c in codes if level[c] in levels and (roots is None or roots & set(chain(c)))}
    # For each code: the lowest selected unit at or above it, and the years when it and
    # every unit up to that one existed (None: no selected unit above). Filled top down.
    lowest: dict[str, tuple[str, int, int] | None] = {}

    def lowest_of(code: str) -> tuple[str, int, int] | None:
        path = []
        at: str | None = code
        while at is not None and at not in lowest:
            if at in selected:
                lowest[at] = (at, first[at], last[at])
                break
            path.append(at)
            at = parent[at]
        found = lowest.get(at) if at is not None else None
        for c in reversed(path):
            if found is not None:
                found = (found[0], max(first[c], found[1]), min(last[c], found[2]))
            lowest[c] = found
        return lowest[code]

    slot_of: dict[tuple[str, int, int], int] = {}
    slots: list[int | None] = []
    for code in codes:
        if force is not None and code not in mapping and code not in force:
            slots.append(None)  # gone by the structure date and not handed over
            continue
        key = lowest_of(mapping.get(code, code))
        slots.append(0 if key is None else slot_of.setdefault(key, len(slot_of) + 1))
    number = {code: i for i, code in enumerate(codes)}
    schema = {"unit": pl.UInt32, "first": pl.Int32, "last": pl.Int32}
    slot_units = pl.DataFrame(
        {
            "slot": list(slot_of.values()),
            "unit": [number[k[0]] for k in slot_of],
            "first": [k[1] for k in slot_of],
            "last": [k[2] for k in slot_of],
        },
        schema={"slot": pl.UInt32, **schema},
    )
    pair_rows = []
    for unit in sorted(selected):
        path = chain(unit)
        for i, ancestor in enumerate(path):
            if ancestor in selected:
                span = path[: i + 1]
                pair_rows.append(
                    (
                        number[unit],
                        number[ancestor],
                        max(first[c] for c in span),
                        min(last[c] for c in span),
                    )
                )
    pairs = pl.DataFrame(
        pair_rows, schema={"unit": pl.UInt32, "ancestor": pl.UInt32, **schema}, orient="row"
    )
    outputs = pl.DataFrame(
        [(number[c], first[c], last[c]) for c in sorted(selected)], schema=schema, orient="row"
    )
    return _Structure(codes, pl.Series(slots, dtype=pl.UInt32), slot_units, pairs, outputs)


def _needs(metrics: Sequence[str], age_edges: Sequence[int]) -> set[str]:
    known = member_metrics(age_edges=age_edges)
    needs: set[str] = set()
    for m in metrics:
        need = known[m]
        if need:
            needs.add(need)
    return needs


def _available(src: _r.Source) -> set[str]:
    have = set(src.columns)
    out = {""}
    for flag in ("nonstate", "business_owner", "hs_student"):
        if flag in have or "group" in have:
            out.add(flag)
    if "sex" in have:
        out.add("sex")
    if "birth_date" in have or "birth_year" in have:
        out.add("age")
    if "status" in have:
        out.add("status")
    return out


def _flows(counts: pl.DataFrame, metrics: Sequence[str], age_edges: Sequence[int]) -> pl.DataFrame:
    """Counts by slot × year, one column per metric (flows; ``_net`` = admitted − left)."""
    counted = counts.filter(~_flag_bit(_r.BAD) & ~_flag_bit(_r.AFTER))
    combo = (pl.col("key") % 256).cast(pl.UInt8)
    n = pl.col("n").cast(pl.UInt32)  # a count of rows; half the memory of Int64
    zero = pl.lit(0, pl.UInt32)
    bands = _band_codes(age_edges)
    admitted: list[pl.Expr] = []
    left: list[pl.Expr] = []
    for metric in metrics:
        if metric == "admissions":
            admitted.append(n.alias(metric))
        elif metric in _FLAG_BITS:
            bit = (combo & _FLAG_BITS[metric]) != 0
            admitted.append(pl.when(bit).then(n).otherwise(zero).alias(metric))
        elif metric in bands:
            band = combo // _r.BAND_SHIFT == bands.index(metric) + 1
            admitted.append(pl.when(band).then(n).otherwise(zero).alias(metric))
        elif metric in _EXITS:
            kind = combo == _r.EXIT_KINDS.index(_EXITS[metric])
            left.append(pl.when(kind).then(n).otherwise(zero).alias(metric))
    # Each key's count in the metric columns it belongs to, then one sum per column, grouped
    # by slot and year together (one integer: the key without its breakdown byte).
    slot_year = ((pl.col("key") % pl.lit(1 << 48, pl.UInt64)) // 256).alias("_slot_year")
    is_exit = _flag_bit(_r.EXIT)
    ins, outs = (
        counted.filter(which)
        .select(slot_year, *columns, pl.col("n").alias(name))
        .group_by("_slot_year")
        .agg(pl.all().sum())
        for which, columns, name in ((~is_exit, admitted, "_in"), (is_exit, left, "_out"))
    )
    return (
        ins.join(outs, on="_slot_year", how="full", coalesce=True)
        .fill_null(0)
        .select(
            (pl.col("_slot_year") // 256).cast(pl.UInt32).alias("slot"),
            (pl.col("_slot_year") % 256).cast(pl.Int32).add(_r.FIRST_YEAR).alias("year"),
            pl.exclude("_slot_year", "_in", "_out"),
            (pl.col("_in") - pl.col("_out")).alias("_net"),
            (pl.col("_in") + pl.col("_out")).alias("_events"),
        )
    )


def member_kpis(
    export: PathLike | pl.DataFrame | pl.LazyFrame,
    *,
    registry: UnitRegistry,
    years: Iterable[int] | None = None,
    as_of: dt.date | str | None = None,
    exported: dt.date | str | None = None,
    levels: Sequence[str] = ("district", "city"),
    within: Sequence[str] | None = None,
    metrics: Sequence[str] | None = None,
    age_edges: Sequence[int] = DEFAULT_AGE_EDGES,
    crosswalk: Crosswalk | None = None,
    structure: dt.date | str | None = None,
    targets: PathLike | pl.DataFrame | None = None,
    catalog: MetricCatalog | None = None,
    source: str | None = None,
    bad_rows: Literal["stop", "skip"] = "stop",
    sheet: str | int | None = None,
    streaming: bool | None = None,
) -> MemberKpis:
    """Count KPIs from a member export into the long table.

    Parameters
    ----------
    export
        ``.csv`` (UTF-8), ``.parquet`` or ``.xlsx`` path, or a polars frame; headers as in
        :data:`MEMBER_COLUMNS` (member id, unit code and admission date are required).
    registry
        The units the export's codes belong to (codes, parents, lifetimes).
    years
        Years to report (default: from the first admission to ``as_of``'s year).
    as_of
        Count up to this date (default: ``exported``); rows of ``as_of``'s year carry it.
    exported
        When the export was taken (default: today); a later admission or status date is a
        bad row.
    levels, within
        Report the units of these levels (and every unit above them at these levels),
        optionally only under the codes of ``within``.
    metrics
        Codes of :func:`member_metrics` (default: every one the export has columns for).
    age_edges
        Lower bounds of the age bands but the first.
    crosswalk, structure
        Count every member in the unit that holds theirs on ``structure`` (a date), and
        report in that structure over all years (see :func:`structure_registry`).
    targets
        A targets file or frame (:func:`read_targets`) joined to the counts; a target for
        a unit, year or metric that was not counted is an error.
    catalog
        When given, every counted metric must be in it (and targets' metrics resolve in it).
    source
        The ``source`` of the rows (default: the export's file name; ``synthetic`` when any
        row of the export has ``synthetic`` in a ``source`` column).
    bad_rows
        ``"stop"``: raise :class:`MemberExportError` if any row cannot be used; ``"skip"``:
        count without those rows, warn, and report them in :attr:`MemberKpis.bad_rows`.
    sheet
        Excel sheet by name or 0-based position.
    streaming
        Keep memory bounded: every pass is streamed and keys are counted batch by batch
        rather than kept and sorted, which is slower (default: for CSV files larger than an
        eighth of the machine's memory, so exports larger than memory work).

    Examples
    --------
    >>> reg = UnitRegistry.from_frame(pl.DataFrame({"code": ["01", "001"],
    ...     "name": ["Hà Nội", "Ba Đình"], "level": ["city", "district"],
    ...     "parent": [None, "01"]}))
    >>> export = pl.DataFrame({"Mã đảng viên": ["a1", "a2", "a3"],
    ...     "Mã đơn vị": ["001", "001", "01"],
    ...     "Ngày vào Đảng": ["03/02/2023", "30-11-2023", "2022-05-19"]})
    >>> out = member_kpis(export, registry=reg, years=[2023], exported="2023-12-31")
    >>> out.kpis.select("unit_code", "metric", "actual").rows()
    [('001', 'admissions', 2.0), ('01', 'admissions', 2.0)]
    """
    if bad_rows not in ("stop", "skip"):
        raise ValueError(f"bad_rows must be 'stop' or 'skip', not {bad_rows!r}")
    for lv in levels:
        if lv not in LEVELS:
            raise ValueError(f"unknown level {lv!r}; expected some of {', '.join(LEVELS)}")
    if list(age_edges) != sorted(set(age_edges)) or any(e <= _r.MIN_AGE for e in age_edges):
        raise ValueError(f"age_edges must increase and be above {_r.MIN_AGE}, got {age_edges}")
    exported_day = _date(exported, "exported") if exported is not None else dt.date.today()
    as_of_day = _date(as_of, "as_of") if as_of is not None else exported_day
    if as_of_day > exported_day:
        raise ValueError(f"as_of {as_of_day} is after the export was taken ({exported_day})")
    if not (as_of_day >= _r.PARTY_FOUNDED and exported_day.year <= _r.FIRST_YEAR + 255):
        raise ValueError(
            f"as_of and exported must be between {_r.PARTY_FOUNDED} and {_r.FIRST_YEAR + 255}-12-31"
        )
    if (crosswalk is None) != (structure is None):
        raise ValueError("crosswalk and structure go together: pass both or neither")
    if within is not None:
        unknown = [c for c in within if c not in registry]
        if unknown:
            raise ValueError(f"within: not codes of the registry: {', '.join(unknown)}")

    wanted = sorted(set(years)) if years is not None else None
    if wanted and wanted[-1] > as_of_day.year:
        raise ValueError(f"years after as_of ({as_of_day}) cannot be counted: {wanted[-1]}")

    src = _r.open_source(export, sheet=sheet)
    known = member_metrics(age_edges=age_edges)
    available = _available(src)
    if metrics is None:
        chosen = [m for m, need in known.items() if need in available]
    else:
        chosen = list(dict.fromkeys(metrics))
        unknown_m = [m for m in chosen if m not in known]
        if unknown_m:
            raise ValueError(
                f"unknown member metric(s) {', '.join(unknown_m)}; known: {', '.join(known)}"
            )
        lacking = {m: known[m] for m in chosen if known[m] not in available}
        if lacking:
            detail = ", ".join(f"{m} needs {need}" for m, need in lacking.items())
            raise KpiDataError(DataIssue(f"the export lacks columns: {detail}", file=src.name))
    if catalog is not None:
        missing = [m for m in chosen if m not in catalog]
        if missing:
            raise KpiDataError(
                DataIssue(
                    f"metrics not in the catalog: {', '.join(missing)}; add them to the "
                    "metric catalog (see data/README.md)"
                )
            )
    needs = _needs(chosen, age_edges)

    if streaming is None:
        streaming = (
            src.kind == "csv" and Path(src.name).stat().st_size > _memory() // _STREAMING_SHARE
        )
    # The member ids are checked on a second thread: in bounded memory from the start, else
    # by count_keys once the keys are read (see there).
    with ThreadPoolExecutor(1) as pool:
        checking = pool.submit(_r.check_ids, src, streaming=True) if streaming else None
        mapping: dict[str, str] = {}
        force = None
        structure_day = None
        reg = registry
        if crosswalk is not None:
            structure_day = _date(structure, "structure")
            reg = structure_registry(registry, crosswalk, at=structure_day)
            mapping = crosswalk.mapping(at=structure_day)
            units = registry.units
            force = set(units.filter(_in_force(units, structure_day))["code"])
        shape = _structure(reg, levels=levels, within=within, mapping=mapping, force=force)
        parsers = _r.Parsers.for_source(src, _r.UnitVocab(shape.codes, registry.resolve))
        plan = _r.Plan(
            frozenset(needs), shape.slots, as_of_day, exported_day, tuple(age_edges), None, False
        )
        counts, hashed = _r.count_keys(
            src, parsers, plan, streaming=streaming, ids=None if streaming else pool
        )
        checking = checking if checking is not None else hashed
        assert checking is not None

        def tally(counts: pl.DataFrame) -> tuple[pl.DataFrame, dict[str, int]]:
            return _tally(counts, shape, reg, chosen, age_edges, wanted, as_of_day)

        # Tally while the id check ends; the tally is kept if the counts stay the same.
        early = (counts, tally(counts))
        clash, no_id, synthetic = checking.result()
    if no_id and src.dtypes["member_id"] == pl.String:
        parsers.blanks.add("")  # empty text is a missing value, in every column
    if clash or no_id:
        duplicates = _r.duplicate_rows(src) if clash else None
        plan = replace(plan, duplicates=duplicates, missing_ids=no_id > 0)
        counts, _ = _r.count_keys(src, parsers, plan, streaming=streaming)
    if _has_bad(counts):
        failing = _r.failing_values(src, parsers, plan, streaming=streaming)
        if _r.learn(parsers, failing):
            counts, _ = _r.count_keys(src, parsers, plan, streaming=streaming)
    flagged = None
    if _has_bad(counts):
        flagged = _r.bad_rows(src, parsers, plan, streaming=streaming)
        found = int(counts.filter(_flag_bit(_r.BAD))["n"].sum())
        if flagged.height != found:  # the two ways of checking rows must agree
            raise AssertionError(f"{found} bad rows by the fast check, {flagged.height} in detail")
    report = _report(src, counts, flagged)
    if report and bad_rows == "stop":
        raise MemberExportError(report)
    if report:
        warnings.warn(str(report), UserWarning, stacklevel=2)

    kpis, unattributed = early[1] if early[0] is counts else tally(counts)
    name = source or ("synthetic" if synthetic else Path(src.name).name)
    note = f"units as on {structure_day} (crosswalk)" if structure_day else None
    kpis = kpis.with_columns(source=pl.lit(name), note=pl.lit(note, pl.String))
    if targets is not None:
        frame = (
            targets
            if isinstance(targets, pl.DataFrame)
            and "target" in targets.columns
            and targets.schema.get("year") == pl.Int32
            else read_targets(targets, registry=reg, catalog=catalog)
        )
        kpis = _join_targets(kpis, frame)
    return MemberKpis(
        kpis.select(list(LONG_SCHEMA)).cast(LONG_SCHEMA),  # type: ignore[arg-type]
        reg,
        report,
        unattributed,
    )


def _tally(
    counts: pl.DataFrame,
    shape: _Structure,
    reg: UnitRegistry,
    chosen: Sequence[str],
    age_edges: Sequence[int],
    years: Sequence[int] | None,
    as_of: dt.date,
) -> tuple[pl.DataFrame, dict[str, int]]:
    """The long table and the unattributed events from the key counts."""
    flows = _flows(counts, chosen, age_edges)
    first_year = int(flows["year"].min()) if flows.height else as_of.year  # type: ignore[arg-type]
    wanted = list(years) if years is not None else list(range(first_year, as_of.year + 1))
    kpis, unattributed = _long_rows(
        flows,
        shape,
        reg,
        chosen=chosen,
        years=wanted,
        as_of=as_of,
        first_year=min([first_year, *wanted]) if wanted else first_year,
    )
    unattributed["after as_of"] = int(counts.filter(_flag_bit(_r.AFTER))["n"].sum() or 0)
    return kpis, unattributed


def _memory() -> int:
    """Physical memory in bytes (4 GiB when the system does not say)."""
    try:
        return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return 4 << 30


def _has_bad(counts: pl.DataFrame) -> bool:
    return bool(counts.filter(_flag_bit(_r.BAD)).height)


def _long_rows(
    flows: pl.DataFrame,
    shape: _Structure,
    reg: UnitRegistry,
    *,
    chosen: Sequence[str],
    years: Sequence[int],
    as_of: dt.date,
    first_year: int,
) -> tuple[pl.DataFrame, dict[str, int]]:
    """The long table from slot flows: running sums, lifetimes, roll-up, then one row each."""
    unattributed = {"outside": int(flows.filter(pl.col("slot") == 0)["_events"].sum() or 0)}
    span = pl.DataFrame({"year": range(first_year, as_of.year + 1)}, schema={"year": pl.Int32})
    # Every slot × year, in that order, so that members (a running sum) are known every year.
    dense = (
        shape.slot_units.select("slot")
        .join(span, how="cross", maintain_order="left_right")
        .join(flows, on=["slot", "year"], how="left", maintain_order="left")
        .with_columns(pl.exclude("slot", "year").fill_null(0))
    )
    if "members" in chosen:
        dense = dense.with_columns(pl.col("_net").cum_sum().over("slot").alias("members"))
    placed = dense.join(shape.slot_units, on="slot")
    inside = pl.col("year").is_between(pl.col("first"), pl.col("last"))
    unattributed["not existing"] = int(placed.filter(~inside)["_events"].sum() or 0)
    lowest = placed.filter(inside).select("unit", "year", *chosen)
    if not shape.slot_units["unit"].is_unique().all():  # a unit with parts of several lifetimes
        lowest = lowest.group_by("unit", "year").agg(pl.col(list(chosen)).sum())
    rolled = (
        lowest.join(shape.pairs, on="unit")
        .filter(pl.col("year").is_between(pl.col("first"), pl.col("last")))
        .group_by("ancestor", "year")
        .agg(pl.col(list(chosen)).sum())
        .rename({"ancestor": "unit"})
    )
    # Year by year, units by code: the order of the long table.
    grid = (
        pl.DataFrame({"year": sorted(years)}, schema={"year": pl.Int32})
        .join(shape.outputs, how="cross", maintain_order="left_right")
        .filter(pl.col("year").is_between(pl.col("first"), pl.col("last")))
        .select("unit", "year")
    )
    end = pl.date(pl.col("year"), 12, 31)
    wide = grid.join(rolled, on=["unit", "year"], how="left", maintain_order="left").with_columns(
        pl.col(list(chosen)).fill_null(0).cast(pl.Float64),
        pl.when(pl.col("year") == as_of.year).then(pl.lit(as_of)).otherwise(end).alias("as_of"),
    )
    # Metrics in order within each year: the rows come out sorted without sorting them all.
    long = [
        part.unpivot(
            on=sorted(chosen),
            index=["unit", "year", "as_of"],
            variable_name="metric",
            value_name="actual",
        )
        for part in wide.partition_by("year", maintain_order=True)
    ]
    schema = {
        "unit": pl.UInt32,
        "year": pl.Int32,
        "as_of": pl.Date,
        "metric": pl.String,
        "actual": pl.Float64,
    }
    rows = pl.concat(long) if long else pl.DataFrame(schema=schema)
    unit = rows["unit"]
    out = rows.select(
        reg.units["code"].gather(unit).alias("unit_code"),
        reg.units["name"].gather(unit).alias("unit_name"),
        reg.units["level"].gather(unit).alias("level"),
        "year",
        "as_of",
        "metric",
        pl.lit(None, pl.Float64).alias("target"),
        "actual",
        pl.lit(None, pl.String).alias("stated_percent"),
    )
    return out, unattributed


def _join_targets(kpis: pl.DataFrame, targets: pl.DataFrame) -> pl.DataFrame:
    keys = ["unit_code", "year", "metric"]
    t = targets.select(*keys, pl.col("target").alias("_target")).cast(
        {"year": pl.Int32, "_target": pl.Float64}
    )
    orphans = t.join(kpis.select(keys), on=keys, how="anti")
    if orphans.height:
        shown = ", ".join(f"{u} × {y} × {m}" for u, y, m, _ in orphans.head(10).iter_rows())
        raise KpiDataError(
            DataIssue(
                f"{orphans.height} target(s) for a unit, year or metric that was not counted: "
                f"{shown}"
            )
        )
    return (
        kpis.join(t, on=keys, how="left", maintain_order="left")
        .with_columns(pl.coalesce("_target", "target").alias("target"))
        .drop("_target")
    )


# --------------------------------------------------------------------------- privacy


def suppress_small(
    kpis: pl.DataFrame,
    *,
    threshold: int,
    registry: UnitRegistry | None = None,
    metrics: Iterable[str] | None = None,
) -> pl.DataFrame:
    """Hide counts from 1 to ``threshold - 1`` so that a shared report cannot single anyone out.

    A hidden ``actual`` becomes null and ``note`` says ``fewer than {threshold}
    (suppressed)``; zeros stay. So that a hidden count cannot be recovered by subtraction,
    more counts are hidden (secondary suppression) until none is alone in its group:
    the units under one parent (with ``registry``), and the breakdowns that add up to
    admissions (women + men; the age bands). ``metrics`` limits which metrics are
    suppressed (default: the counts of people, i.e. every metric of
    :func:`member_metrics`).

    Examples
    --------
    >>> df = pl.DataFrame({"unit_code": ["a", "b"], "year": [2024, 2024],
    ...                    "metric": ["admissions"] * 2, "actual": [3.0, 40.0],
    ...                    "note": [None, None]})
    >>> suppress_small(df, threshold=5)["actual"].to_list()
    [None, 40.0]
    """
    if isinstance(threshold, bool) or not isinstance(threshold, int) or threshold < 1:
        raise ValueError(f"threshold must be a whole number ≥ 1, not {threshold!r}")
    people = (
        set(metrics)
        if metrics is not None
        else set(member_metrics(age_edges=DEFAULT_AGE_EDGES))
        | {m for m in kpis["metric"].unique().to_list() if m.startswith("admissions_age_")}
    )
    frame = kpis.with_row_index("_i")
    actual = frame["actual"].to_list()
    rows = frame.select("_i", "unit_code", "year", "metric").rows()
    hide = {
        i
        for (i, _, _, m), a in zip(rows, actual, strict=True)
        if m in people and a is not None and 0 < a < threshold
    }
    groups: dict[tuple[Any, ...], list[int]] = {}
    parent_of = (lambda c: registry.parent(c) if c in registry else None) if registry else None
    for i, unit, year, metric in rows:
        if metric not in people:
            continue
        if parent_of is not None and parent_of(unit) is not None:
            groups.setdefault(("siblings", parent_of(unit), year, metric), []).append(i)
        if metric in ("admissions_female", "admissions_male"):
            groups.setdefault(("sex", unit, year), []).append(i)
        if metric.startswith("admissions_age_"):
            groups.setdefault(("age", unit, year), []).append(i)
    changed = True
    while changed:
        changed = False
        for members in groups.values():
            hidden = [i for i in members if i in hide]
            if len(hidden) != 1:
                continue
            others = [i for i in members if i not in hide and actual[i]]
            if others:
                hide.add(min(others, key=lambda i: (actual[i], i)))
                changed = True
    note = f"fewer than {threshold} (suppressed)"
    mark = pl.col("_i").is_in(sorted(hide))
    if "note" not in frame.columns:
        frame = frame.with_columns(note=pl.lit(None, pl.String))
    return frame.with_columns(
        pl.when(mark).then(None).otherwise(pl.col("actual")).alias("actual"),
        pl.when(mark).then(pl.lit(note)).otherwise(pl.col("note")).alias("note"),
    ).drop("_i")
