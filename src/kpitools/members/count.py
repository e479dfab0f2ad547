"""The counts: admissions, exits and members per unit and year from one export."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

import polars as pl

from kpitools._typing import PathLike
from kpitools.catalog import MetricCatalog
from kpitools.errors import DataIssue, KpiDataError
from kpitools.io.readers import read_targets
from kpitools.io.schema import LONG_SCHEMA, PERIOD_START
from kpitools.members import read
from kpitools.members.backcast import (
    UNMAPPED,
    UnmappedOrganizationsError,
    backcast_note,
    backcast_plan,
)
from kpitools.members.badrows import (
    BadRows,
    BadRowsWarning,
    MemberExportError,
    flag_bit,
    report_bad_rows,
)
from kpitools.members.crosswalk import Crosswalk, date_option, in_force, structure_registry
from kpitools.registry import (
    LEVEL_ALIASES,
    LEVELS,
    UnitRegistry,
    UnknownUnitError,
)

#: Age bands of admissions: under 30, 30–44, 45–59, 60 or over.
DEFAULT_AGE_EDGES: tuple[int, ...] = (30, 45, 60)
_EXAMPLES = 5
_STREAMING_SHARE = 8  # CSV files over 1/8 of the machine's memory are read by streaming


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
    "admissions_nonstate": read.NONSTATE,
    "admissions_business_owners": read.OWNER,
    "admissions_hs_students": read.STUDENT,
    "admissions_female": read.FEMALE,
    "admissions_male": read.MALE,
}
_EXITS = {"deaths": "deceased", "removals": "removed", "transfers_out": "transferred"}


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
    unmapped
        In a backcast, the organizations (codes as in the export) that the organization map
        does not place in a unit in force on the reference date, with their members in the
        export (counted in the :data:`UNMAPPED` row with ``unmapped="row"``).

    Examples
    --------
    With the example registry and export of :mod:`kpitools.members`, its bad row left out:

    >>> good = export.filter(pl.col("Ngày vào Đảng") != "31/02/2023")
    >>> out = kt.members.member_kpis(good, registry=registry, exported="2024-12-31",
    ...                              years=[2022, 2023])
    >>> admissions = out.kpis.filter(pl.col("metric") == "admissions")
    >>> admissions.select("unit_code", "year", "actual").rows()
    [('001', 2022, 1.0), ('01', 2022, 1.0), ('001', 2023, 1.0), ('01', 2023, 1.0)]
    >>> bool(out.bad_rows), out.unattributed
    (False, {'outside': 0, 'not existing': 0, 'after as_of': 0})
    """

    kpis: pl.DataFrame
    registry: UnitRegistry
    bad_rows: BadRows
    unattributed: dict[str, int]
    unmapped: dict[str, int] = field(default_factory=dict)


_OPEN = 1 << 20  # the period "index" of an open start or end of a lifetime


@dataclass(frozen=True)
class _Periods:
    """The periods counted: calendar years, cut where a unit starts or ends mid-year.

    ``splits`` are the first days of the periods that start inside a year (2025-07-01:
    the districts end on 30 June, the new communes and wards start on 1 July). Periods
    are numbered as the keys number them (:func:`read.period_index`); without splits a
    period is a year.
    """

    splits: tuple[dt.date, ...] = ()

    def index(self, day: dt.date) -> int:
        return read.period_index(day, self.splits)

    def index_expr(self, column: str, open_as: int) -> pl.Expr:
        """The period of a date column's days (``open_as`` for an empty cell)."""
        splits = pl.Series(self.splits, dtype=pl.Date)
        day = pl.col(column)
        index = (day.dt.year().cast(pl.Int64) - read.FIRST_YEAR) + pl.lit(splits).search_sorted(
            day, side="right"
        ).cast(pl.Int64)
        return pl.when(day.is_null()).then(open_as).otherwise(index).cast(pl.Int32)

    def table(self) -> pl.DataFrame:
        """period, year, start, end and ``part`` (whether the period is part of a year)."""
        rows: list[tuple[int, int, dt.date, dt.date, bool]] = []
        year = read.FIRST_YEAR
        while len(rows) < 256:
            starts = [dt.date(year, 1, 1), *(d for d in self.splits if d.year == year)]
            ends = [*(d - dt.timedelta(days=1) for d in starts[1:]), dt.date(year, 12, 31)]
            for start, end in zip(starts, ends, strict=True):
                rows.append((len(rows), year, start, end, len(starts) > 1))
            year += 1
        return pl.DataFrame(
            rows[:256],
            schema={
                "period": pl.Int32,
                "year": pl.Int32,
                "_start": pl.Date,
                "_end": pl.Date,
                "_part": pl.Boolean,
            },
            orient="row",
        )


def period_splits(registry: UnitRegistry, *, until: dt.date | None = None) -> tuple[dt.date, ...]:
    """The days inside a year on which a unit of ``registry`` starts, or the day after one ends.

    Members are counted over the part of such a year each unit existed: with the districts
    ending on 2025-06-30 and the new communes and wards starting on 2025-07-01 (the reform,
    :data:`~kpitools.members.REFORM_DATE`), 2025 has two periods, 1/1–30/6 and 1/7–31/12.

    Parameters
    ----------
    registry
        The units counted in.
    until
        Leave out days after this one (the export day: nothing is counted after it).

    Returns
    -------
    tuple of datetime.date
        Sorted, without 1 January (a unit that starts with a year needs no split).

    Examples
    --------
    >>> reg = UnitRegistry.from_frame(pl.DataFrame({"code": ["01", "017", "00454"],
    ...     "name": ["Hà Nội", "Đông Anh", "Xã Đông Anh"], "level": ["city", "district", "commune"],
    ...     "parent": [None, "01", "01"], "valid_from": [None, None, "2025-07-01"],
    ...     "valid_to": [None, "2025-06-30", None]}))
    >>> period_splits(reg)
    (datetime.date(2025, 7, 1),)
    """
    units = registry.units
    days = pl.concat(
        [
            units["valid_from"].cast(pl.Date),
            (units["valid_to"].cast(pl.Date) + dt.timedelta(days=1)),
        ]
    ).drop_nulls()
    keep = (days.dt.month() != 1) | (days.dt.day() != 1)
    keep &= days.dt.year() >= read.FIRST_YEAR
    if until is not None:
        keep &= days <= until
    return tuple(sorted(set(days.filter(keep).to_list())))


def _per_code(units: pl.DataFrame, periods: _Periods = _Periods()) -> pl.DataFrame:
    """One row per code of :attr:`UnitRegistry.units`, in the order codes first appear.

    A code may be on several rows (a renamed unit, one whose validity has a gap): its
    ``first`` period (:class:`_Periods`) is the earliest of its rows, ``last`` the latest,
    and name, level and
    parent are its latest row's (as :meth:`UnitRegistry.parent` without a date). Codes
    whose rows disagree on parent or level are refused before (:func:`_check_per_code`),
    except in a backcast, whose registry has one row per code.
    """
    return (
        units.with_columns(
            periods.index_expr("valid_from", -_OPEN).alias("first"),
            periods.index_expr("valid_to", _OPEN).alias("last"),
        )
        .group_by("code", maintain_order=True)
        .agg(
            pl.col("name", "level", "parent").sort_by("valid_from", nulls_last=False).last(),
            pl.col("first").min(),
            pl.col("last").max(),
        )
    )


@dataclass(frozen=True)
class _Structure:
    codes: list[str]  # registry codes, by index (the export's codes resolve to these)
    names: pl.Series  # per code index: the name and level of its latest row (null: extra)
    levels: pl.Series
    slots: pl.Series  # per code index: slot (0 = outside the selection), null = unmapped
    slot_units: pl.DataFrame  # slot, unit (lowest output unit), first, last
    pairs: pl.DataFrame  # unit, ancestor (output units, self included), first, last
    outputs: pl.DataFrame  # unit, first, last of the output units, by code
    periods: _Periods
    # Units are numbered by their code's place in the registry (``codes``; a code on
    # several rows once, see _per_code), then the extra codes; first and last are
    # periods (_Periods), Int32.


def _structure(
    registry: UnitRegistry,
    *,
    levels: Sequence[str],
    within: Sequence[str] | None,
    mapping: Mapping[str, str],
    force: set[str] | None,
    extra: Sequence[str] = (),
    always: Sequence[str] = (),
    periods: _Periods = _Periods(),
) -> _Structure:
    """The slots and output units of ``registry``.

    ``extra`` are codes an export may use that ``registry`` does not hold (``mapping`` says
    where their members go); ``always`` are units reported whatever their level. Lifetimes
    (``first``, ``last``) are in ``periods``.
    """
    units = _per_code(registry.units, periods)
    codes = units["code"].to_list()
    level = dict(zip(codes, units["level"].to_list(), strict=True))
    tree = _Tree(
        dict(zip(codes, units["parent"].to_list(), strict=True)),
        dict(zip(codes, units["first"].to_list(), strict=True)),
        dict(zip(codes, units["last"].to_list(), strict=True)),
    )
    roots = set(within) if within is not None else None
    selected = {
        c for c in codes if level[c] in levels and (roots is None or roots & set(tree.chain(c)))
    } | set(always)
    codes = [*codes, *extra]
    slots, slot_of = _slots(codes, tree, selected, mapping, force)
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
    pairs = pl.DataFrame(
        _pair_rows(tree, selected, number),
        schema={"unit": pl.UInt32, "ancestor": pl.UInt32, **schema},
        orient="row",
    )
    first, last = tree.first, tree.last
    outputs = pl.DataFrame(
        [(number[c], first[c], last[c]) for c in sorted(selected)], schema=schema, orient="row"
    )
    extras = pl.Series([None] * len(extra), dtype=pl.String)
    return _Structure(
        codes,
        units["name"].append(extras),
        units["level"].append(extras),
        pl.Series(slots, dtype=pl.UInt32),
        slot_units,
        pairs,
        outputs,
        periods,
    )


@dataclass(frozen=True)
class _Tree:
    """The registry's units by code: parent, first and last year."""

    parent: dict[str, str | None]
    first: dict[str, int]
    last: dict[str, int]

    def chain(self, code: str) -> list[str]:
        """The unit and every unit above it, bottom up."""
        out = [code]
        up = self.parent[code]
        while up is not None:
            out.append(up)
            up = self.parent[up]
        return out


def _slots(
    codes: list[str],
    tree: _Tree,
    selected: set[str],
    mapping: Mapping[str, str],
    force: set[str] | None,
) -> tuple[list[int | None], dict[tuple[str, int, int], int]]:
    """Per code, the slot its members are counted in, and the slot of each lowest unit.

    A slot is 0 for a code with no selected unit above it (or mapped to a code that is not
    a unit, such as ``""``), None for one gone by the structure date and not handed over;
    ``slot_of`` numbers the (lowest selected unit, first year, last year) met, from 1.
    """
    parent, first, last = tree.parent, tree.first, tree.last
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
        target = mapping.get(code, code)
        key = lowest_of(target) if target in parent else None
        slots.append(0 if key is None else slot_of.setdefault(key, len(slot_of) + 1))
    return slots, slot_of


def _pair_rows(
    tree: _Tree, selected: set[str], number: dict[str, int]
) -> list[tuple[int, int, int, int]]:
    """(unit, ancestor, first, last) for each selected unit and each selected unit above.

    The ancestors include the unit itself; first and last are the years when both and
    every unit between them existed.
    """
    pair_rows = []
    for unit in sorted(selected):
        path = tree.chain(unit)
        for i, ancestor in enumerate(path):
            if ancestor in selected:
                span = path[: i + 1]
                pair_rows.append(
                    (
                        number[unit],
                        number[ancestor],
                        max(tree.first[c] for c in span),
                        min(tree.last[c] for c in span),
                    )
                )
    return pair_rows


def _needs(metrics: Sequence[str], age_edges: Sequence[int]) -> set[str]:
    known = member_metrics(age_edges=age_edges)
    needs: set[str] = set()
    for m in metrics:
        need = known[m]
        if need:
            needs.add(need)
    return needs


def _available(src: read.Source) -> set[str]:
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
    """Counts by slot × period, one column per metric (flows; ``_net`` = admitted − left)."""
    counted = counts.filter(~flag_bit(read.BAD) & ~flag_bit(read.AFTER))
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
            band = combo // read.BAND_SHIFT == bands.index(metric) + 1
            admitted.append(pl.when(band).then(n).otherwise(zero).alias(metric))
        elif metric in _EXITS:
            kind = combo == read.EXIT_KINDS.index(_EXITS[metric])
            left.append(pl.when(kind).then(n).otherwise(zero).alias(metric))
    # Each key's count in the metric columns it belongs to, then one sum per column, grouped
    # by slot and year together (one integer: the key without its breakdown byte).
    slot_year = ((pl.col("key") % pl.lit(1 << 48, pl.UInt64)) // 256).alias("_slot_year")
    is_exit = flag_bit(read.EXIT)
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
            (pl.col("_slot_year") % 256).cast(pl.Int32).alias("period"),
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
    levels: Sequence[str] | None = None,
    within: Sequence[str] | None = None,
    metrics: Sequence[str] | None = None,
    age_edges: Sequence[int] = DEFAULT_AGE_EDGES,
    crosswalk: Crosswalk | None = None,
    structure: dt.date | str | None = None,
    backcast: dt.date | str | None = None,
    unmapped: Literal["error", "row"] = "error",
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
        optionally only under the codes of ``within``. Default: district and city; in a
        backcast, every level of the units in force on the reference date but basic
        organizations.
    metrics
        Codes of :func:`member_metrics` (default: every one the export has columns for).
    age_edges
        Lower bounds of the age bands but the first.
    crosswalk, structure
        Count every member in the unit that holds theirs on ``structure`` (a date), and
        report in that structure over all years (see :func:`structure_registry`).
    backcast
        A reference date (:data:`REFORM_DATE`, 2025-07-01, for the abolition of the
        districts): count every member in the unit that their basic organization belongs to
        on that date, by the organization map given as ``crosswalk`` (see
        :func:`read_crosswalk`), and report only the units in force that day, over all years
        — an exact re-count of the years before the reform in the new units. Every row's
        ``note`` says it is a backcast. Years default to those before the reference date's.
    unmapped
        In a backcast, what to do with members whose organization the map does not place
        in a unit in force on the reference date (an organization missing from the map, a
        code of an abolished unit): ``"error"`` raises
        :class:`~kpitools.members.UnmappedOrganizationsError` with their number and the
        first organizations' codes; ``"row"`` counts them in a unit :data:`UNMAPPED` beside
        the new units, so that the units still add up to the city.
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
        count without those rows, warn (a :class:`~kpitools.members.badrows.BadRowsWarning`)
        and report them in :attr:`MemberKpis.bad_rows`.
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

    A backcast, with the example ``ward_registry`` and ``ward_crosswalk`` of
    :mod:`kpitools.members`:

    >>> two = pl.DataFrame({"Mã đảng viên": ["a1", "a2"], "Mã tổ chức đảng": ["001-C01", "001-C02"],
    ...     "Ngày vào Đảng": ["03/02/2023", "30/11/2024"]})
    >>> out = member_kpis(two, registry=ward_registry, exported="2025-12-31",
    ...                   crosswalk=ward_crosswalk, backcast="2025-07-01")
    >>> out.kpis.filter(pl.col("metric") == "admissions").select("unit_code", "year", "actual").rows()
    [('01', 2023, 1.0), ('01-P01', 2023, 1.0), ('01', 2024, 1.0), ('01-P01', 2024, 1.0)]
    >>> print(out.kpis["note"][0])
    backcast: counted in the units of 2025-07-01 by each member's basic organization (organization map; exact, not apportioned)
    """  # noqa: E501
    levels = _check_options(bad_rows, levels, age_edges, unmapped)
    exported_day, as_of_day = _days(exported, as_of)
    _check_scope(registry, crosswalk, structure, within, backcast)
    wanted = _wanted_years(years, as_of_day)
    backcast_day = date_option(backcast, "backcast") if backcast is not None else None

    src = read.open_source(export, sheet=sheet)
    chosen = _chosen_metrics(src, metrics, age_edges, catalog)
    needs = _needs(chosen, age_edges)

    if streaming is None:
        streaming = _streams(src)
    # The member ids are checked on a second thread: in bounded memory from the start, else
    # by count_keys once the keys are read (see there).
    with ThreadPoolExecutor(1) as pool:
        checking = pool.submit(read.check_ids, src, streaming=True) if streaming else None
        setup = _setup(
            registry,
            crosswalk,
            structure,
            backcast_day,
            levels=levels,
            within=within,
            exported=exported_day,
        )
        reg, shape = setup.reg, setup.shape
        parsers = read.Parsers.for_source(src, read.UnitVocab(shape.codes, setup.resolve))
        plan = read.Plan(
            frozenset(needs),
            shape.slots,
            as_of_day,
            exported_day,
            tuple(age_edges),
            None,
            False,
            shape.periods.splits,
        )
        counts, hashed = read.count_keys(
            src, parsers, plan, streaming=streaming, ids=None if streaming else pool
        )
        checking = checking if checking is not None else hashed
        assert checking is not None

        def tally(counts: pl.DataFrame) -> tuple[pl.DataFrame, dict[str, int]]:
            return _tally(counts, shape, reg, chosen, age_edges, wanted, as_of_day, setup.last_year)

        # Tally while the id check ends; the tally is kept if the counts stay the same.
        early = (counts, tally(counts))
        clash, no_id, synthetic = checking.result()
    if no_id and src.dtypes["member_id"] == pl.String:
        parsers.blanks.add("")  # empty text is a missing value, in every column
    counts, flagged = _final_counts(
        src, parsers, plan, counts, clash=clash, no_id=no_id, streaming=streaming
    )
    report = report_bad_rows(src, counts, flagged)
    if report and bad_rows == "stop":
        raise MemberExportError(report)
    if report:
        warnings.warn(str(report), BadRowsWarning, stacklevel=2)

    kpis, unattributed = early[1] if early[0] is counts else tally(counts)
    orgs: dict[str, int] = {}
    if backcast_day is not None:
        kpis, reg, orgs = _placed(
            kpis, setup, src, parsers, counts, unmapped=unmapped, streaming=streaming
        )
    name = source or ("synthetic" if synthetic else Path(src.name).name)
    kpis = kpis.with_columns(source=pl.lit(name), note=pl.lit(setup.note, pl.String))
    if targets is not None:
        kpis = _join_targets(kpis, _target_frame(targets, reg, catalog))
    # A period_start column only where a year is counted in parts (as the readers have it)
    split = kpis[PERIOD_START].is_not_null().any()
    columns = {**LONG_SCHEMA, PERIOD_START: pl.Date()} if split else LONG_SCHEMA
    return MemberKpis(
        kpis.select(list(columns)).cast(columns),  # type: ignore[arg-type]
        reg,
        report,
        unattributed,
        orgs,
    )


def _check_options(
    bad_rows: str, levels: Sequence[str] | None, age_edges: Sequence[int], unmapped: str
) -> list[str] | None:
    """The levels, older words (ward) replaced by the level they mean.

    ValueError for a ``bad_rows``, level, age edges or ``unmapped`` that
    :func:`member_kpis` does not know.
    """
    if bad_rows not in ("stop", "skip"):
        raise ValueError(f"bad_rows must be 'stop' or 'skip', not {bad_rows!r}")
    if unmapped not in ("error", "row"):
        raise ValueError(f"unmapped must be 'error' or 'row', not {unmapped!r}")
    named = [LEVEL_ALIASES.get(lv, lv) for lv in levels] if levels is not None else None
    for lv, level in zip(levels or (), named or (), strict=True):
        if level not in LEVELS:
            raise ValueError(f"unknown level {lv!r}; expected some of {', '.join(LEVELS)}")
    if list(age_edges) != sorted(set(age_edges)) or any(e <= read.MIN_AGE for e in age_edges):
        raise ValueError(f"age_edges must increase and be above {read.MIN_AGE}, got {age_edges}")
    return named


@dataclass(frozen=True)
class _Setup:
    """What a count runs in.

    The registry of its rows, its slots, how unknown codes are read, the note of its rows,
    the last year by default, the backcast's date.
    """

    reg: UnitRegistry
    shape: _Structure
    resolve: Callable[[str], str]
    note: str | None
    last_year: int | None
    backcast: dt.date | None


def _setup(
    registry: UnitRegistry,
    crosswalk: Crosswalk | None,
    structure: dt.date | str | None,
    backcast: dt.date | None,
    *,
    levels: Sequence[str] | None,
    within: Sequence[str] | None,
    exported: dt.date,
) -> _Setup:
    """The registry and slots of a count: as it is, in a structure, or in a backcast.

    Unit names of the export that name units of two periods are read on ``exported``.
    """
    resolve = _dated_resolve(registry, exported)
    if backcast is not None:
        assert crosswalk is not None
        plan = backcast_plan(registry, crosswalk, at=backcast, within=within)
        shape = _structure(
            plan.registry,
            levels=levels or plan.levels,
            within=within,
            mapping=plan.mapping,
            force=None,
            extra=plan.extra,
            always=(UNMAPPED,),
            periods=_periods(plan.registry, exported),
        )
        # by default, the years before the reform
        return _Setup(
            plan.registry,
            shape,
            _or_unmapped(resolve),
            backcast_note(backcast),
            backcast.year - 1,
            backcast,
        )
    reg, mapping, force, structure_day = _in_structure(registry, crosswalk, structure)
    shape = _structure(
        reg,
        levels=levels or ("district", "city"),
        within=within,
        mapping=mapping,
        force=force,
        extra=[c for c in crosswalk.codes if c not in registry] if crosswalk else [],
        periods=_periods(reg, exported),
    )
    note = f"units as on {structure_day} (crosswalk)" if structure_day else None
    return _Setup(reg, shape, resolve, note, None, None)


def _periods(registry: UnitRegistry, exported: dt.date) -> _Periods:
    """The periods of a count in ``registry`` (:func:`period_splits`).

    ValueError when the export day falls beyond the 256 periods a key holds.
    """
    periods = _Periods(period_splits(registry, until=exported))
    if periods.index(exported) > 255:
        raise ValueError(
            f"exported ({exported}) is too late: from {read.FIRST_YEAR} on, with "
            f"{len(periods.splits)} year(s) cut in periods, a count holds 256 periods"
        )
    return periods


def _placed(
    kpis: pl.DataFrame,
    setup: _Setup,
    src: read.Source,
    parsers: read.Parsers,
    counts: pl.DataFrame,
    *,
    unmapped: str,
    streaming: bool,
) -> tuple[pl.DataFrame, UnitRegistry, dict[str, int]]:
    """A backcast's rows and registry, and the organizations the map does not place.

    UnmappedOrganizationsError when there are some and ``unmapped`` is ``"error"``; the
    unmapped row is kept only with ``"row"``.
    """
    assert setup.backcast is not None
    orgs = _unmapped_orgs(src, parsers, setup.shape, counts, streaming=streaming)
    if unmapped == "row":
        return kpis, setup.reg, orgs
    if orgs:
        raise UnmappedOrganizationsError(orgs, setup.backcast)
    reg = UnitRegistry.from_frame(setup.reg.units.filter(pl.col("code") != UNMAPPED))
    return kpis.filter(pl.col("unit_code") != UNMAPPED), reg, orgs


def _days(exported: dt.date | str | None, as_of: dt.date | str | None) -> tuple[dt.date, dt.date]:
    """The export day (default today) and the ``as_of`` day (default the export day)."""
    exported_day = date_option(exported, "exported") if exported is not None else dt.date.today()
    as_of_day = date_option(as_of, "as_of") if as_of is not None else exported_day
    if as_of_day > exported_day:
        raise ValueError(f"as_of {as_of_day} is after the export was taken ({exported_day})")
    if not (as_of_day >= read.PARTY_FOUNDED and exported_day.year <= read.FIRST_YEAR + 255):
        raise ValueError(
            f"as_of and exported must be between {read.PARTY_FOUNDED} and "
            f"{read.FIRST_YEAR + 255}-12-31"
        )
    return exported_day, as_of_day


def _check_scope(
    registry: UnitRegistry,
    crosswalk: Crosswalk | None,
    structure: dt.date | str | None,
    within: Sequence[str] | None,
    backcast: dt.date | str | None = None,
) -> None:
    """ValueError for options that do not go together, or an unknown ``within``.

    A crosswalk goes with a structure date or a backcast date; a backcast needs one.
    """
    if structure is not None and backcast is not None:
        raise ValueError("structure and backcast are two ways of counting: pass one of them")
    if backcast is not None and crosswalk is None:
        raise ValueError("a backcast needs the organization map: pass it as crosswalk (--org-map)")
    if backcast is None and (crosswalk is None) != (structure is None):
        raise ValueError("crosswalk and structure go together: pass both or neither")
    if backcast is None:
        _check_per_code(registry)
    if within is not None:
        unknown = [c for c in within if c not in registry]
        if unknown:
            raise ValueError(f"within: not codes of the registry: {', '.join(unknown)}")


def _check_per_code(registry: UnitRegistry) -> None:
    """KpiDataError for a code whose rows differ in parent or level, unless in a backcast.

    A unit whose parent changes at a date (a basic organization that joins a new ward), or
    a code reused for another unit, is two rows of one code with two parents; counting
    over years needs one parent per code, which only a backcast picks (the row in force on
    its date). Rows that differ only in name or dates (a renamed unit) count as one unit,
    over all their years (see :func:`_per_code`).
    """
    units = registry.units
    codes = units["code"]
    if not codes.is_duplicated().any():
        return
    differ = (
        units.filter(codes.is_duplicated())
        .group_by("code", maintain_order=True)
        .agg(
            (pl.col("parent").n_unique() > 1) | (pl.col("level").n_unique() > 1),
        )
        .filter(pl.col("parent"))["code"]
        .to_list()
    )
    if differ:
        shown = ", ".join(differ[:5]) + (" …" if len(differ) > 5 else "")
        raise KpiDataError(
            DataIssue(
                f"{len(differ)} code(s) of the unit registry are on several rows with another "
                f"parent or level (a parent that changes at a date, a code reused): {shown}. "
                "Members are counted with one parent per code: count in the structure of one "
                "date with backcast=<date> (--backcast), or use a registry of one structure"
            )
        )


def _wanted_years(years: Iterable[int] | None, as_of_day: dt.date) -> list[int] | None:
    """The years asked for, sorted (None: every year); none may be after ``as_of``."""
    wanted = sorted(set(years)) if years is not None else None
    if wanted and wanted[-1] > as_of_day.year:
        raise ValueError(f"years after as_of ({as_of_day}) cannot be counted: {wanted[-1]}")
    return wanted


def _chosen_metrics(
    src: read.Source,
    metrics: Sequence[str] | None,
    age_edges: Sequence[int],
    catalog: MetricCatalog | None,
) -> list[str]:
    """The metrics to count.

    Those asked for (known, with the columns they need), or every one the export has
    columns for; all in ``catalog`` when one is given.
    """
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
    return chosen


def _streams(src: read.Source) -> bool:
    """Whether to read by streaming by default: CSV files over a share of the memory."""
    return src.kind == "csv" and Path(src.name).stat().st_size > _memory() // _STREAMING_SHARE


def _in_structure(
    registry: UnitRegistry, crosswalk: Crosswalk | None, structure: dt.date | str | None
) -> tuple[UnitRegistry, dict[str, str], set[str] | None, dt.date | None]:
    """The registry to count in, code moves, codes in force and the structure day.

    With a crosswalk: the structure registry on the structure day, where the crosswalk
    moves codes by then and the codes in force that day; without: the registry as it is,
    no move.
    """
    if crosswalk is None:
        return registry, {}, None, None
    structure_day = date_option(structure, "structure")
    reg = structure_registry(registry, crosswalk, at=structure_day)
    mapping = crosswalk.mapping(at=structure_day)
    units = registry.units
    force = set(units.filter(in_force(units, structure_day))["code"])
    return reg, mapping, force, structure_day


def _final_counts(
    src: read.Source,
    parsers: read.Parsers,
    plan: read.Plan,
    counts: pl.DataFrame,
    *,
    clash: bool,
    no_id: int,
    streaming: bool,
) -> tuple[pl.DataFrame, pl.DataFrame | None]:
    """The final key counts, and the bad rows in detail (None when there are none).

    The keys are counted again when duplicate or missing ids were found, and when the
    parsers learn to read values that failed.
    """
    if clash or no_id:
        duplicates = read.duplicate_rows(src) if clash else None
        plan = replace(plan, duplicates=duplicates, missing_ids=no_id > 0)
        counts, _ = read.count_keys(src, parsers, plan, streaming=streaming)
    if _has_bad(counts):
        failing = read.failing_values(src, parsers, plan, streaming=streaming)
        if read.learn(parsers, failing):
            counts, _ = read.count_keys(src, parsers, plan, streaming=streaming)
    if not _has_bad(counts):
        return counts, None
    flagged = read.bad_rows(src, parsers, plan, streaming=streaming)
    found = int(counts.filter(flag_bit(read.BAD))["n"].sum())
    if flagged.height != found:  # the two ways of checking rows must agree
        raise AssertionError(f"{found} bad rows by the fast check, {flagged.height} in detail")
    return counts, flagged


def _target_frame(
    targets: PathLike | pl.DataFrame, reg: UnitRegistry, catalog: MetricCatalog | None
) -> pl.DataFrame:
    """The targets as read by :func:`read_targets` (a frame already read is kept)."""
    if (
        isinstance(targets, pl.DataFrame)
        and "target" in targets.columns
        and targets.schema.get("year") == pl.Int32
    ):
        return targets
    return read_targets(targets, registry=reg, catalog=catalog)


def _tally(
    counts: pl.DataFrame,
    shape: _Structure,
    reg: UnitRegistry,
    chosen: Sequence[str],
    age_edges: Sequence[int],
    years: Sequence[int] | None,
    as_of: dt.date,
    last_year: int | None = None,
) -> tuple[pl.DataFrame, dict[str, int]]:
    """The long table and the unattributed events from the key counts.

    Without ``years``: every year from the first event to ``as_of`` (or ``last_year``).
    Each year is counted in its periods (:class:`_Periods`): one, or, in a year where a
    unit starts or ends mid-year, the parts between those days.
    """
    flows = _flows(counts, chosen, age_edges)
    table = shape.periods.table()
    year_of = dict(zip(table["period"].to_list(), table["year"].to_list(), strict=True))
    first_year = year_of[int(flows["period"].min())] if flows.height else as_of.year  # type: ignore[arg-type]
    end = as_of.year if last_year is None else min(as_of.year, last_year)
    wanted_years = set(years) if years is not None else set(range(first_year, end + 1))
    last = shape.periods.index(as_of)
    wanted = [p for p in range(last + 1) if year_of[p] in wanted_years]
    first_period = shape.periods.index(dt.date(min([first_year, *wanted_years]), 1, 1))
    kpis, unattributed = _long_rows(
        flows,
        shape,
        reg,
        chosen=chosen,
        periods=wanted,
        as_of=as_of,
        first_period=max(first_period, 0),
        table=table,
    )
    unattributed["after as_of"] = int(counts.filter(flag_bit(read.AFTER))["n"].sum() or 0)
    return kpis, unattributed


def _memory() -> int:
    """Physical memory in bytes (4 GiB when the system does not say)."""
    try:
        return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return 4 << 30


def _dated_resolve(registry: UnitRegistry, day: dt.date) -> Callable[[str], str]:
    """:meth:`UnitRegistry.resolve`, a name of units of two periods read as on ``day``.

    An export lists each member's organization as it is when the export is taken: "Đông
    Anh" in an export of 2024 is district 017, in one of 2026 xã 00454. A name still
    ambiguous on ``day``, or of no unit then, stays unknown (a bad row).
    """

    def resolve(text: str) -> str:
        try:
            return registry.resolve(text)
        except UnknownUnitError as exc:
            if not exc.ambiguous:
                raise
            return registry.resolve(text, at=day)

    return resolve


def _or_unmapped(resolve: Callable[[str], str]) -> Callable[[str], str]:
    """``resolve``, with :data:`UNMAPPED` for a code it does not know.

    A backcast counts an organization it cannot place; it does not reject its members.
    """

    def placed(text: str) -> str:
        try:
            return resolve(text)
        except (KeyError, TypeError):
            return UNMAPPED

    return placed


def _unmapped_orgs(
    src: read.Source,
    parsers: read.Parsers,
    shape: _Structure,
    counts: pl.DataFrame,
    *,
    streaming: bool,
) -> dict[str, int]:
    """The organizations counted in the unmapped row, with their rows in the export.

    Read in one more pass of the unit column, made only when the key counts show such
    members.
    """
    index = shape.codes.index(UNMAPPED)
    slot = shape.slots[index]
    slot_of_key = (pl.col("key") % pl.lit(1 << 48, pl.UInt64)) // (1 << 16)
    placed = ~flag_bit(read.BAD) & ~flag_bit(read.EXIT) & (slot_of_key == slot)
    found = counts.filter(placed)["n"].sum()
    if not found:
        return {}
    raw, dtype = src.raw("unit_code"), src.dtypes["unit_code"]
    code = parsers.units.expr(raw, dtype)
    text = (raw if dtype == pl.String else raw.cast(pl.String)).str.strip_chars()
    org = pl.when(code == index).then(text).otherwise(pl.lit(pl.Series(shape.codes)).gather(code))
    per_org = (
        src.frame.select(org.alias("org"), pl.lit(shape.slots).gather(code).alias("slot"))
        .filter(pl.col("slot") == slot)
        .group_by("org")
        .len()
        .collect(engine="streaming" if streaming else "auto")
    )
    return {o: int(n) for o, n in per_org.sort("org").iter_rows()}


def _has_bad(counts: pl.DataFrame) -> bool:
    return bool(counts.filter(flag_bit(read.BAD)).height)


def _long_rows(
    flows: pl.DataFrame,
    shape: _Structure,
    reg: UnitRegistry,
    *,
    chosen: Sequence[str],
    periods: Sequence[int],
    as_of: dt.date,
    first_period: int,
    table: pl.DataFrame,
) -> tuple[pl.DataFrame, dict[str, int]]:
    """The long table from slot flows: running sums, lifetimes, roll-up, then one row each.

    Flows and lifetimes are by period (:class:`_Periods`); a row of a period that is part
    of a year has the period's first day as ``period_start`` (empty for a whole year).
    """
    unattributed = {"outside": int(flows.filter(pl.col("slot") == 0)["_events"].sum() or 0)}
    last_period = shape.periods.index(as_of)
    span = pl.DataFrame(
        {"period": range(first_period, last_period + 1)}, schema={"period": pl.Int32}
    )
    # Every slot × period, in that order, so that members (a running sum) are known in each.
    dense = (
        shape.slot_units.select("slot")
        .join(span, how="cross", maintain_order="left_right")
        .join(flows, on=["slot", "period"], how="left", maintain_order="left")
        .with_columns(pl.exclude("slot", "period").fill_null(0))
    )
    if "members" in chosen:
        dense = dense.with_columns(pl.col("_net").cum_sum().over("slot").alias("members"))
    placed = dense.join(shape.slot_units, on="slot")
    inside = pl.col("period").is_between(pl.col("first"), pl.col("last"))
    unattributed["not existing"] = int(placed.filter(~inside)["_events"].sum() or 0)
    lowest = placed.filter(inside).select("unit", "period", *chosen)
    if not shape.slot_units["unit"].is_unique().all():  # a unit with parts of several lifetimes
        lowest = lowest.group_by("unit", "period").agg(pl.col(list(chosen)).sum())
    rolled = (
        lowest.join(shape.pairs, on="unit")
        .filter(pl.col("period").is_between(pl.col("first"), pl.col("last")))
        .group_by("ancestor", "period")
        .agg(pl.col(list(chosen)).sum())
        .rename({"ancestor": "unit"})
    )
    # Period by period, units by code: the order of the long table.
    grid = (
        pl.DataFrame({"period": sorted(periods)}, schema={"period": pl.Int32})
        .join(shape.outputs, how="cross", maintain_order="left_right")
        .filter(pl.col("period").is_between(pl.col("first"), pl.col("last")))
        .select("unit", "period")
    )
    wide = (
        grid.join(rolled, on=["unit", "period"], how="left", maintain_order="left")
        .join(table, on="period", how="left", maintain_order="left")
        .with_columns(
            pl.col(list(chosen)).fill_null(0).cast(pl.Float64),
            pl.when(pl.col("period") == last_period)
            .then(pl.lit(as_of))
            .otherwise(pl.col("_end"))
            .alias("as_of"),
            pl.when(pl.col("_part")).then(pl.col("_start")).alias(PERIOD_START),
        )
    )
    # Metrics in order within each period: the rows come out sorted without sorting them all.
    long = [
        part.unpivot(
            on=sorted(chosen),
            index=["unit", "year", "as_of", PERIOD_START],
            variable_name="metric",
            value_name="actual",
        )
        for part in wide.partition_by("period", maintain_order=True)
    ]
    schema = {
        "unit": pl.UInt32,
        "year": pl.Int32,
        "as_of": pl.Date,
        PERIOD_START: pl.Date,
        "metric": pl.String,
        "actual": pl.Float64,
    }
    rows = pl.concat(long) if long else pl.DataFrame(schema=schema)
    unit = rows["unit"]
    out = rows.select(
        pl.Series(shape.codes, dtype=pl.String).gather(unit).alias("unit_code"),
        shape.names.gather(unit).alias("unit_name"),
        shape.levels.gather(unit).alias("level"),
        "year",
        "as_of",
        "metric",
        pl.lit(None, pl.Float64).alias("target"),
        "actual",
        pl.lit(None, pl.String).alias("stated_percent"),
        PERIOD_START,
    )
    return out, unattributed


def _join_targets(kpis: pl.DataFrame, targets: pl.DataFrame) -> pl.DataFrame:
    keys = ["unit_code", "year", "metric"]
    t = targets.select(*keys, pl.col("target").alias("_target")).cast(
        {"year": pl.Int32, "_target": pl.Float64}
    )
    if PERIOD_START in kpis.columns:  # a year's target is not a half's: never given to both
        parts = kpis.group_by(keys).len().filter(pl.col("len") > 1).drop("len")
        split = t.join(parts, on=keys, how="semi")
        if split.height:
            shown = ", ".join(f"{u} × {y} × {m}" for u, y, m, _ in split.head(10).iter_rows())
            raise KpiDataError(
                DataIssue(
                    f"{split.height} target(s) for a year counted in periods (a unit that "
                    f"starts or ends mid-year): {shown}. A year's target is not a period's; "
                    "join targets per period to the rows yourself"
                )
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
