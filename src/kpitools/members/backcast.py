"""Backcast: every member counted in the unit of a later date that holds their organization.

On 2025-07-01 Hà Nội's districts gave way to 126 commune-level units, often formed from parts
of several districts, so a district's figures cannot be split between new units without
guessing. A member export can do better: each member belongs to a basic Party organization,
and each basic organization was moved, by a decision of the city committee, to one new unit.
With that *organization map* (a crosswalk, :func:`~kpitools.members.read_crosswalk`) the
admissions of 2019–2024 are counted again in the new units, exactly: every member of an
organization is counted in the new unit the organization belongs to on the reference date.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import polars as pl

from kpitools.errors import DataIssue, KpiDataError
from kpitools.members.crosswalk import Crosswalk, backdated, in_force
from kpitools.registry import LEVELS, UnitRegistry

#: The day the district level was abolished and the new commune-level units began.
REFORM_DATE = dt.date(2025, 7, 1)
#: The code of the row that counts members whose organization the map does not place.
UNMAPPED = "unmapped"
UNMAPPED_NAME = "Tổ chức chưa có trong bảng chuyển (unmapped)"
_SHOWN = 5  # organizations named in an error


def backcast_note(day: dt.date) -> str:
    """The ``note`` of every row of a backcast."""
    return (
        f"backcast: counted in the units of {day.isoformat()} by each member's basic "
        "organization (organization map; exact, not apportioned)"
    )


class UnmappedOrganizationsError(KpiDataError):
    """Raised by a backcast when organizations of the export are not in the organization map.

    ``organizations`` gives each such organization's code and its members in the export
    (rows: counts only, never a member); ``day`` is the reference date.

    Examples
    --------
    >>> err = UnmappedOrganizationsError({"001-C03": 12, "001-C04": 3}, dt.date(2025, 7, 1))
    >>> print(err.explain("--unmapped row"))  # doctest: +NORMALIZE_WHITESPACE
    2 organizations of the export (15 members) are not placed in a unit in force on
    2025-07-01 by the organization map: 001-C03 (12), 001-C04 (3). Add them to the map
    (org_code,new_unit_code,effective,source), or pass --unmapped row to count them in an
    'unmapped' row.
    """

    def __init__(self, organizations: dict[str, int], day: dt.date):
        self.organizations = dict(organizations)
        self.day = day
        super().__init__(DataIssue(self.explain()))

    def explain(self, row: str = "unmapped='row'") -> str:
        """The problem and what to do, with ``row`` the way to count them in a row."""
        orgs = sorted(self.organizations.items(), key=lambda kv: (-kv[1], kv[0]))
        shown = ", ".join(f"{code} ({n:,})" for code, n in orgs[:_SHOWN])
        more = f" and {len(orgs) - _SHOWN:,} more" if len(orgs) > _SHOWN else ""
        members = sum(self.organizations.values())
        return (
            f"{len(orgs):,} organization{'s' if len(orgs) != 1 else ''} of the export "
            f"({members:,} member{'s' if members != 1 else ''}) "
            f"{'are' if len(orgs) != 1 else 'is'} not placed in a unit in force on "
            f"{self.day.isoformat()} by the organization map: {shown}{more}. Add them to the "
            f"map (org_code,new_unit_code,effective,source), or pass {row} to count them in an "
            f"'{UNMAPPED}' row."
        )

    def _render(self) -> str:
        return self.explain()


@dataclass(frozen=True)
class BackcastPlan:
    """How a backcast counts: in which registry, and where each code's members go.

    Attributes
    ----------
    registry
        The units in force on ``day`` whose every parent is in force too (their
        ``valid_from`` dropped, so they have a series back in time), and the
        :data:`UNMAPPED` row.
    mapping
        For each code that is not counted as itself: the code of ``registry`` its members
        are counted in (:data:`UNMAPPED` when the map does not place it), or ``""`` for a
        code outside ``within``.
    extra
        Codes that ``registry`` does not hold but an export may use: the old units and the
        organizations of the map.
    levels
        The levels reported by default: those of the units in force but basic organizations.
    """

    registry: UnitRegistry
    mapping: dict[str, str]
    extra: list[str]
    levels: tuple[str, ...]
    day: dt.date


def backcast_plan(
    registry: UnitRegistry,
    crosswalk: Crosswalk,
    *,
    at: dt.date,
    within: Sequence[str] | None = None,
) -> BackcastPlan:
    """Where every code of ``registry`` and of ``crosswalk`` counts on ``at``.

    Raises
    ------
    ValueError
        A code of ``within`` is not in force on ``at``.

    Examples
    --------
    With the example ``ward_registry`` and ``ward_crosswalk`` of :mod:`kpitools.members`:

    >>> plan = backcast_plan(ward_registry, ward_crosswalk, at=dt.date(2025, 7, 1))
    >>> plan.registry.codes(), plan.mapping
    (['01', '01-P01', 'unmapped'], {'001': 'unmapped', '001-C01': '01-P01', '001-C02': '01-P01'})
    """
    units = registry.units
    now = units.filter(in_force(units, at))
    force = _kept(dict(zip(now["code"], now["parent"], strict=True)))
    missing = [c for c in within or () if c not in force]
    if missing:
        raise ValueError(f"within: not in force on {at}: {', '.join(missing)}")
    moved = crosswalk.mapping(at=at)
    inside = _inside(dict(zip(units["code"], units["parent"], strict=True)), within)
    mapping: dict[str, str] = {}
    for code in dict.fromkeys([*units["code"], *crosswalk.codes]):
        target = moved.get(code, code)
        if target not in force:
            mapping[code] = UNMAPPED if inside(code) else ""
        elif target != code:
            mapping[code] = target
    present = {lv for c, lv in zip(now["code"], now["level"], strict=True) if c in force}
    present.discard("basic")
    levels = (*(lv for lv in LEVELS if lv in present), *sorted(present - set(LEVELS)))
    frame = _frame(now.filter(pl.col("code").is_in(sorted(force))), at, mapping)
    return BackcastPlan(
        UnitRegistry.from_frame(frame, source=f"<units in force on {at}>"),
        mapping,
        sorted(c for c in mapping if c not in force),
        levels,
        at,
    )


def _kept(parent: dict[str, str | None]) -> set[str]:
    """The codes of ``parent`` (the units in force on a day) whose every parent is too."""
    kept: dict[str, bool] = {}
    for code in parent:
        path = []
        up: str | None = code
        while up is not None and up not in kept and up in parent:
            path.append(up)
            up = parent[up]
        ok = up is None or kept.get(up, False)
        kept.update(dict.fromkeys(path, ok))
    return {c for c, ok in kept.items() if ok}


def _inside(parent: dict[str, str | None], within: Sequence[str] | None) -> Callable[[str], bool]:
    """Whether a code is under a code of ``within`` by ``parent``.

    Always without ``within``, and for a code that ``parent`` does not know (an
    organization known only to the map).
    """
    roots = set(within or ())

    def inside(code: str) -> bool:
        seen = set()
        up: str | None = code
        while up is not None and up not in seen and up in parent:
            if up in roots:
                return True
            seen.add(up)
            up = parent[up]
        return within is None or up in roots or code not in parent

    return inside


def _frame(units: pl.DataFrame, at: dt.date, mapping: dict[str, str]) -> pl.DataFrame:
    """The registry rows of a backcast: the units in force, and the unmapped row."""
    rows = backdated(units, at, f"backcast to {at}")
    # The unmapped row sits beside the units the map places organizations in, so that the
    # parent's figure stays the sum of its parts.
    level_of = dict(zip(units["code"], units["level"], strict=True))
    parent_of = dict(zip(units["code"], units["parent"], strict=True))
    targets = Counter(t for t in mapping.values() if t in level_of)
    if targets:
        top = targets.most_common(1)[0][0]
        level, parent = level_of[top], parent_of[top]
    else:
        roots = [c for c, p in parent_of.items() if p is None]
        level, parent = "basic", (roots[0] if len(roots) == 1 else None)
    unmapped = pl.DataFrame(
        {
            "code": [UNMAPPED],
            "name": [UNMAPPED_NAME],
            "level": [level],
            "type": [None],
            "parent": [parent],
            "valid_from": [None],
            "valid_to": [None],
            "note": ["members whose basic organization the organization map does not place"],
        },
        schema=rows.schema,
    )
    return pl.concat([rows, unmapped])
