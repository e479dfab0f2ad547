"""Generate the SYNTHETIC demo panel ``data/demo_panel.csv``.

Every figure written here is invented, and every row says so (``source = synthetic``). Only the
2023 city totals are real: they are read from ``data/hanoi_2023_seed.csv`` and the 31 units
(30 districts plus ``01-K``, the other committees directly under the city) add up to them
exactly, for target and actual alike. Real data a user brings replaces this file.

The panel follows Hà Nội's structures (see ``data/README.md``):

- 2019–2024, one row per district-level unit and ``01-K`` per year;
- 2025 is split: the first half (``period_start`` 2025-01-01, ``as_of`` 2025-06-30) by the
  30 districts and ``01-K``, the second half (2025-07-01 to 2025-12-31) by the 126
  commune-level units of ``data/units.csv`` (level ``commune``, valid from 2025-07-01) and
  ``01-K``; a half's target is the plan for that half;
- 2026, one row per new unit and ``01-K``.

Every period but 2023 also has a row for the city (``01``, synthetic), the exact sum of its
units' rows; in 2023 the city's row is the real one of the seed file. The new units' sizes
come from the districts they were formed from (``data/links.csv``, district → new unit);
a district's weight is shared equally by the new units it links to. A new unit's target can
be 0 where the city's target for the half is smaller than the number of units (organizations
founded in non-state enterprises); elsewhere every target is at least 1.

Standard library only, and only exact IEEE arithmetic (``random.random``, ``+ - * /``,
``sqrt``), so the output is byte-identical on every platform for a given ``--seed``. The draws
of 2019–2024 come first, so the figures of those years do not depend on the later periods.

Usage::

    python scripts/make_demo_panel.py [--out PATH] [--seed N]
"""

from __future__ import annotations

import argparse
import csv
import datetime
import math
import os
import random
import tempfile
import unicodedata
from pathlib import Path
from typing import NamedTuple

REPO = Path(__file__).resolve().parent.parent
UNITS_CSV = REPO / "data" / "units.csv"
LINKS_CSV = REPO / "data" / "links.csv"
SEED_CSV = REPO / "data" / "hanoi_2023_seed.csv"
DEFAULT_OUT = REPO / "data" / "demo_panel.csv"
DEFAULT_SEED = 20231130

HEADER = [
    "unit_code",
    "unit_name",
    "level",
    "year",
    "period_start",
    "as_of",
    "metric",
    "target",
    "actual",
    "source",
]
YEARS = range(2019, 2025)
REAL_YEAR = 2023
CITY = "01"
OTHERS = "01-K"  # the other committees directly under the city, in both structures
REFORM = datetime.date(2025, 7, 1)  # first day of the 126 commune-level units
ADMISSIONS = "admissions"
ADMISSIONS_NONSTATE = "admissions_nonstate"
PARTY_ORGS = "party_orgs_nonstate"
MASS_ORGS = "mass_orgs_nonstate"
MASS_MEMBERS = "mass_org_members_nonstate"
METRICS = (ADMISSIONS, ADMISSIONS_NONSTATE, PARTY_ORGS, MASS_ORGS, MASS_MEMBERS)
# The real city admissions figure was taken on 30 Nov 2023; the panel keeps that date.
AS_OF_EXCEPTIONS = {(ADMISSIONS, REAL_YEAR): datetime.date(2023, 11, 30)}


class Period(NamedTuple):
    """A period of the panel: a whole year, or a part of one (``start`` written)."""

    key: int | str  # the key of its figures in a Panel
    year: int
    start: datetime.date | None  # None: 1 January (written as an empty cell)
    end: datetime.date

    def as_of(self, metric: str) -> datetime.date:
        return (
            AS_OF_EXCEPTIONS.get((metric, self.key), self.end) if self.start is None else self.end
        )


def whole_year(year: int) -> Period:
    return Period(year, year, None, datetime.date(year, 12, 31))


FIRST_HALF = Period("2025-H1", 2025, datetime.date(2025, 1, 1), datetime.date(2025, 6, 30))
SECOND_HALF = Period("2025-H2", 2025, REFORM, datetime.date(2025, 12, 31))
DISTRICT_PERIODS = (*(whole_year(y) for y in YEARS), FIRST_HALF)
NEW_UNIT_PERIODS = (SECOND_HALF, whole_year(2026))
PERIODS = (*DISTRICT_PERIODS, *NEW_UNIT_PERIODS)
# INVENTED share of a year's figures made in its first half (admissions gather towards the
# year's end), and the later years' drift.
FIRST_HALF_SHARE = 0.44
DRIFT_LATER: dict[str, dict[int, float]] = {
    "admissions": {2025: 1.01, 2026: 1.03},
    "admissions_nonstate": {2025: 1.05, 2026: 1.06},
    "party_orgs_nonstate": {2025: 0.97, 2026: 1.02},
    "mass_orgs_nonstate": {2025: 1.01, 2026: 1.03},
    "mass_org_members_nonstate": {2025: 1.01, 2026: 1.03},
}

# INVENTED weights for synthetic data -- rough relative sizes, not statistics.
# code: (size, nonstate). `size` scales admissions; `nonstate` multiplies it for the non-state
# enterprise metrics: huyện with large industrial zones (Đông Anh, Sóc Sơn, Mê Linh, Thạch Thất,
# Quốc Oai, Gia Lâm...) and office-heavy quận get more, rural huyện and 01-K (mostly state-sector
# blocs and the armed forces) less. 01-K is ~17 % of admissions.
WEIGHTS: dict[str, tuple[float, float]] = {
    "001": (2.6, 0.8),
    "002": (2.0, 0.9),
    "003": (1.6, 0.9),
    "004": (3.0, 1.3),
    "005": (2.6, 1.4),
    "006": (3.4, 1.0),
    "007": (3.0, 1.0),
    "008": (3.4, 1.0),
    "009": (2.4, 1.0),
    "016": (3.2, 1.6),
    "017": (3.6, 1.8),
    "018": (2.8, 1.4),
    "019": (2.6, 1.5),
    "020": (2.4, 1.3),
    "021": (2.6, 1.2),
    "250": (2.4, 1.8),
    "268": (3.4, 1.1),
    "269": (1.6, 0.8),
    "271": (3.0, 0.6),
    "272": (1.8, 0.7),
    "273": (1.6, 1.0),
    "274": (2.4, 1.3),
    "275": (2.0, 1.4),
    "276": (2.2, 1.6),
    "277": (3.0, 1.0),
    "278": (2.0, 0.9),
    "279": (2.4, 1.3),
    "280": (2.2, 1.2),
    "281": (2.0, 0.6),
    "282": (1.8, 0.6),
    "01-K": (16.0, 0.5),
}

# INVENTED city trajectory. The 2022 city actual is the real 2023 target divided by the mean
# target stretch, so 2023 targets sit near 2022 results; earlier years are factors of 2022
# (2020-2021 dip for COVID-19), 2024 a factor of the real 2023 actual.
STRETCH = (0.90, 1.15)
MEAN_STRETCH = (STRETCH[0] + STRETCH[1]) / 2
DRIFT: dict[str, dict[int, float]] = {
    ADMISSIONS: {2018: 1.02, 2019: 1.06, 2020: 0.97, 2021: 0.95, 2024: 1.02},
    ADMISSIONS_NONSTATE: {2018: 0.97, 2019: 0.95, 2020: 0.85, 2021: 0.78, 2024: 1.04},
    PARTY_ORGS: {2018: 0.92, 2019: 0.90, 2020: 0.80, 2021: 0.75, 2024: 0.95},
    MASS_ORGS: {2018: 0.94, 2019: 0.92, 2020: 0.82, 2021: 0.76, 2024: 1.00},
    MASS_MEMBERS: {2018: 0.94, 2019: 0.92, 2020: 0.82, 2021: 0.76, 2024: 1.00},
}
# Spread of ordinary units' results (a multiplier drawn uniformly in 1 +- NOISE).
NOISE = {ADMISSIONS: 0.12, ADMISSIONS_NONSTATE: 0.35, PARTY_ORGS: 0.5, MASS_ORGS: 0.35}
N_AHEAD, AHEAD = 2, (1.65, 2.2)  # units per metric-year far ahead (attainment, absolute)
N_BEHIND, BEHIND = 3, (0.50, 0.82)  # units per metric-year behind
MEMBERS_PER_ORG = (50.0, 80.0)  # per-unit typical size of a new mass organization
NONSTATE_CAP = 0.35  # at most this share of a unit's admissions is in non-state enterprises


def apportion(
    total: int, weights: list[float], minimum: int = 0, caps: list[int] | None = None
) -> list[int]:
    """Split ``total`` into integers proportional to ``weights`` (largest remainder).

    Every share is at least ``minimum`` and at most its ``caps`` entry; a unit that would
    exceed its cap is held there and the rest is split again among the others. Ties go to the
    earlier unit.
    """
    n = len(weights)
    caps = [total] * n if caps is None else caps
    if total < minimum * n or total > sum(caps):
        raise ValueError(f"cannot split {total} over {n} units within the bounds")
    shares = [minimum] * n
    free = list(range(n))
    while True:
        spare = total - sum(shares[i] for i in range(n) if i not in free) - minimum * len(free)
        wsum = sum(weights[i] for i in free)
        if wsum <= 0:
            raise ValueError("weights must have a positive sum")
        quotas = {i: spare * weights[i] / wsum for i in free}
        for i in free:
            shares[i] = int(quotas[i])
        order = sorted(free, key=lambda i: (-(quotas[i] - shares[i]), i))
        for i in order[: spare - sum(shares[i] for i in free)]:
            shares[i] += 1
        for i in free:
            shares[i] += minimum
        over = [i for i in free if shares[i] > caps[i]]
        if not over:
            return shares
        for i in over:
            shares[i] = caps[i]
        free = [i for i in free if i not in over]


Key = int | str  # a period's key: the year, or "2025-H1" / "2025-H2" / "seed"


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [
            {k: unicodedata.normalize("NFC", v or "") for k, v in row.items()}
            for row in csv.DictReader(fh)
        ]


def read_units(path: Path) -> list[dict[str, str]]:
    """The 30 districts and ``01-K`` from the registry, sorted by code."""
    units = [
        {k: row[k] for k in ("code", "name", "level")}
        for row in _read_csv(path)
        if row["level"] == "district" or row["code"] == OTHERS
    ]
    codes = {u["code"] for u in units}
    if codes != set(WEIGHTS):
        raise ValueError(f"{path}: units {sorted(codes ^ set(WEIGHTS))} lack or have no weight")
    return sorted(units, key=lambda u: u["code"])


def read_new_units(path: Path) -> list[dict[str, str]]:
    """The commune-level units under the city from 1 July 2025, and ``01-K``, by code."""
    rows = _read_csv(path)
    units = [
        {k: row[k] for k in ("code", "name", "level")}
        for row in rows
        if row["level"] == "commune"
        and row.get("parent") == CITY
        and row.get("valid_from") == REFORM.isoformat()
    ]
    if not units:
        raise ValueError(f"{path}: no commune-level unit of {CITY} valid from {REFORM}")
    units += [
        {k: row[k] for k in ("code", "name", "level")} for row in rows if row["code"] == OTHERS
    ]
    return sorted(units, key=lambda u: u["code"])


def new_unit_weights(links_csv: Path, new: list[dict[str, str]]) -> dict[str, tuple[float, float]]:
    """INVENTED (size, nonstate) of each new unit from the districts it was formed from.

    Each district's size is shared equally by the new units it links to (full or partial);
    a new unit's non-state factor is the size-weighted mean of its districts'. ``01-K`` keeps
    its weight. A new unit no district links to gets the mean district share."""
    codes = {u["code"] for u in new} - {OTHERS}
    targets: dict[str, list[str]] = {}
    if links_csv.exists():
        for row in _read_csv(links_csv):
            if row["old_code"] in WEIGHTS and row["new_code"] in codes:
                targets.setdefault(row["old_code"], []).append(row["new_code"])
    size: dict[str, float] = {}
    ns: dict[str, float] = {}
    for district in sorted(targets):
        parts = sorted(set(targets[district]))
        d_size, d_ns = WEIGHTS[district]
        for code in parts:
            size[code] = size.get(code, 0.0) + d_size / len(parts)
            ns[code] = ns.get(code, 0.0) + d_size / len(parts) * d_ns
    districts = [c for c in WEIGHTS if c != OTHERS]
    mean = sum(WEIGHTS[c][0] for c in districts) / len(codes)
    out = {c: (size[c], ns[c] / size[c]) if c in size else (mean, 1.0) for c in sorted(codes)}
    out[OTHERS] = WEIGHTS[OTHERS]
    return out


def read_real(path: Path) -> dict[str, tuple[int, int]]:
    """(target, actual) of each panel metric for the city in 2023, from the seed file."""
    real: dict[str, tuple[int, int]] = {}
    for row in _read_csv(path):
        is_city = row["unit_code"] == CITY and row["year"] == str(REAL_YEAR)
        if is_city and row["metric"] in METRICS:
            real[row["metric"]] = (int(row["target"]), int(row["actual"]))
    missing = [m for m in METRICS if m not in real]
    if missing:
        raise ValueError(f"{path}: no city {REAL_YEAR} target/actual for {missing}")
    return real


def city_actuals(real: dict[str, tuple[int, int]]) -> dict[str, dict[Key, int]]:
    """Invented city actual totals: 2018-2024 (2018 only seeds the 2019 targets), the two
    halves of 2025, 2026, and ``seed`` (seeds the second half's targets by new unit)."""
    out: dict[str, dict[Key, int]] = {}
    for m in METRICS:
        target, actual = real[m]
        base = target / MEAN_STRETCH
        totals: dict[Key, int] = {y: round(base * f) for y, f in DRIFT[m].items() if y < REAL_YEAR}
        totals[REAL_YEAR - 1] = round(base)
        totals[REAL_YEAR] = actual
        totals[2024] = round(actual * DRIFT[m][2024])
        year_2025 = round(totals[2024] * DRIFT_LATER[m][2025])
        totals[FIRST_HALF.key] = round(year_2025 * FIRST_HALF_SHARE)
        totals[SECOND_HALF.key] = year_2025 - totals[FIRST_HALF.key]
        totals["seed"] = round(totals[2024] * (1 - FIRST_HALF_SHARE))
        totals[2026] = round(year_2025 * DRIFT_LATER[m][2026])
        out[m] = totals
    return out


def generate(
    seed: int,
    units_csv: Path = UNITS_CSV,
    seed_csv: Path = SEED_CSV,
    links_csv: Path = LINKS_CSV,
) -> list[list[str]]:
    """Build the panel rows (header excluded), by period, metric and unit_code."""
    rng = random.Random(seed)
    units = read_units(units_csv)
    real = read_real(seed_csv)
    totals = city_actuals(real)
    districts = Panel(rng, [u["code"] for u in units], real, totals, WEIGHTS)
    # 2018 is never written: its actuals only seed the 2019 targets.
    districts.actuals_of_year(YEARS[0] - 1)
    for year in YEARS:
        districts.targets_of_year(year)
        districts.actuals_of_year(year)
    # The first half of 2025: last year's actuals, stretched, times the half's share.
    districts.targets_of_year(FIRST_HALF.key, prev=2024, factor=FIRST_HALF_SHARE)
    districts.actuals_of_year(FIRST_HALF.key)
    # The new units have no history: a never-written `seed` half seeds their first targets.
    new = read_new_units(units_csv)
    weights = new_unit_weights(links_csv, new)
    communes = Panel(rng, [u["code"] for u in new], real, totals, weights, every_target=False)
    communes.actuals_of_year("seed")
    communes.targets_of_year(SECOND_HALF.key, prev="seed")
    communes.actuals_of_year(SECOND_HALF.key)
    communes.targets_of_year(2026, prev=SECOND_HALF.key, factor=1 / (1 - FIRST_HALF_SHARE))
    communes.actuals_of_year(2026)
    city = {
        "code": CITY,
        "name": next(r["name"] for r in _read_csv(units_csv) if r["code"] == CITY),
        "level": "city",
    }
    rows = panel_rows(units, districts, DISTRICT_PERIODS, city)
    rows += panel_rows(new, communes, NEW_UNIT_PERIODS, city)
    check(rows, real)
    return rows


class Panel:
    """The panel being drawn for one structure (the districts, or the new units): targets and
    actuals per (metric, period) and unit, all from one random stream (the order of the
    draws fixes the output, so keep it)."""

    def __init__(
        self,
        rng: random.Random,
        codes: list[str],
        real: dict[str, tuple[int, int]],
        totals: dict[str, dict[Key, int]],
        weights: dict[str, tuple[float, float]],
        *,
        every_target: bool = True,
    ) -> None:
        self.rng = rng
        self.codes = codes
        self.real = real
        self.totals = totals
        # Districts: every unit has a target of at least 1 (the city's target is raised if
        # need be). New units: only where the city's target covers every unit.
        self.every_target = every_target
        size = [weights[c][0] for c in codes]
        nonstate = [weights[c][0] * weights[c][1] for c in codes]
        self.base = {
            ADMISSIONS: size,
            ADMISSIONS_NONSTATE: nonstate,
            PARTY_ORGS: nonstate,
            MASS_ORGS: nonstate,
        }
        self.per_org = [rng.uniform(*MEMBERS_PER_ORG) for _ in codes]
        self.picks: dict[str, list[set[int]]] = {m: [] for m in self.base}
        self.actual: dict[tuple[str, Key], list[int]] = {}
        self.target: dict[tuple[str, Key], list[int]] = {}

    def members(self, orgs: list[int], total: int, size: list[float], jitter: float) -> list[int]:
        rng = self.rng
        weights = [
            o * p * (1 + rng.uniform(-jitter, jitter)) for o, p in zip(orgs, size, strict=True)
        ]
        return apportion(total, weights, minimum=1 if min(orgs) > 0 else 0)

    def targets_of_year(self, key: Key, *, prev: Key | None = None, factor: float = 1.0) -> None:
        """Each unit's targets: the previous period's actuals stretched (times ``factor``,
        the new period's length against the old), in the city's real target in the real
        year."""
        rng = self.rng
        prev_key = key - 1 if prev is None and isinstance(key, int) else prev
        assert prev_key is not None
        for m in METRICS:
            last = self.actual[m, prev_key]
            raw = [a * rng.uniform(*STRETCH) * factor for a in last]
            if key == REAL_YEAR:
                total = self.real[m][0]
            elif self.every_target:
                total = max(round(sum(raw)), len(last))
            else:
                total = round(sum(raw))
            if m == MASS_MEMBERS:
                # Keep last period's members per organization in each unit.
                orgs = self.actual[MASS_ORGS, prev_key]
                size = [p / o if o else s for p, o, s in zip(last, orgs, self.per_org, strict=True)]
                self.target[m, key] = self.members(self.target[MASS_ORGS, key], total, size, 0)
            else:
                minimum = 1 if total >= len(last) else 0
                self.target[m, key] = apportion(total, [max(r, 0.5) for r in raw], minimum=minimum)

    def actuals_of_year(self, key: Key) -> None:
        for m in self.base:
            caps = self.nonstate_caps(key) if m == ADMISSIONS_NONSTATE else None
            self.actual[m, key] = self.actuals(m, key, self.target.get((m, key), []), caps)
        self.actual[MASS_MEMBERS, key] = self.members(
            self.actual[MASS_ORGS, key], self.totals[MASS_MEMBERS][key], self.per_org, 0.1
        )

    def nonstate_caps(self, key: Key) -> list[int]:
        return [int(NONSTATE_CAP * a) for a in self.actual[ADMISSIONS, key]]

    def actuals(self, m: str, key: Key, tgt: list[int], caps: list[int] | None) -> list[int]:
        # Ordinary units land halfway (geometric mean) between their target scaled to the
        # city's result and their structural share, give or take NOISE, so shares neither
        # random-walk away nor snap back. A few units are picked to be far ahead or behind;
        # never 01-K (an aggregate of 20 committees evens out) nor a unit picked in the last
        # two periods.
        rng = self.rng
        total = self.totals[m][key]
        w = self.base[m]
        weights = [total * x / sum(w) for x in w]
        if tgt:
            city = total / sum(tgt)
            weights = [math.sqrt(e * t * city) for e, t in zip(weights, tgt, strict=True)]
        weights = [e * (1 + rng.uniform(-NOISE[m], NOISE[m])) for e in weights]
        if tgt:
            self.pick_ahead_and_behind(m, tgt, weights)
        return apportion(total, weights, caps=caps)

    def pick_ahead_and_behind(self, m: str, tgt: list[int], weights: list[float]) -> None:
        """Set the weights of a few units far ahead of their target and a few far behind."""
        rng = self.rng
        recent = set().union(*self.picks[m][-2:])
        pool = [i for i, c in enumerate(self.codes) if c != OTHERS and i not in recent]
        picked = rng.sample(pool, N_AHEAD + N_BEHIND)
        for i in picked[:N_AHEAD]:
            weights[i] = tgt[i] * rng.uniform(*AHEAD)
        for i in picked[N_AHEAD:]:
            weights[i] = tgt[i] * rng.uniform(*BEHIND)
        self.picks[m].append(set(picked))


def panel_rows(
    units: list[dict[str, str]],
    panel: Panel,
    periods: tuple[Period, ...],
    city: dict[str, str],
) -> list[list[str]]:
    """The CSV rows of the written periods, by period, metric and unit code; every period
    but the real year has the city's row, the sum of its units'."""
    rows: list[list[str]] = []
    for period in periods:
        for m in sorted(METRICS):
            as_of = period.as_of(m).isoformat()
            start = "" if period.start is None else period.start.isoformat()
            target, actual = panel.target[m, period.key], panel.actual[m, period.key]
            figures = [(u, target[i], actual[i]) for i, u in enumerate(units)]
            if period.key != REAL_YEAR:
                figures.append((city, sum(target), sum(actual)))
            for u, t, a in sorted(figures, key=lambda f: f[0]["code"]):
                rows.append(
                    [
                        u["code"],
                        u["name"],
                        u["level"],
                        str(period.year),
                        start,
                        as_of,
                        m,
                        str(t),
                        str(a),
                        "synthetic",
                    ]
                )
    return rows


def check(rows: list[list[str]], real: dict[str, tuple[int, int]]) -> None:
    """Fail loudly if the panel breaks a promise the data dictionary makes about it."""
    by_key = {(r[0], (r[3], r[4]), r[6]): (int(r[7]), int(r[8])) for r in rows}
    problems: list[str] = []
    periods = sorted({p for _, p, _ in by_key})
    for period in periods:
        for m in METRICS:
            sums = tuple(
                sum(
                    v[k] for (c, p, mm), v in by_key.items() if (p, mm) == (period, m) and c != CITY
                )
                for k in (0, 1)
            )
            city = real[m] if period == (str(REAL_YEAR), "") else by_key[CITY, period, m]
            if sums != city:
                problems.append(f"{m} {period}: sums {sums} != city {city}")
        att = [a / t for (c, p, _), (t, a) in by_key.items() if p == period and t > 0 and c != CITY]
        if not any(x < 0.9 for x in att) or not any(x > 1.5 for x in att):
            problems.append(f"{period}: no unit behind (< 90 %) or none far ahead (> 150 %)")
    for key, figures in by_key.items():
        problems += cell_problems(key, figures, by_key)
    if problems:
        raise SystemExit("demo panel fails its checks:\n  " + "\n  ".join(problems))


def cell_problems(
    key: tuple[str, tuple[str, str], str],
    figures: tuple[int, int],
    by_key: dict[tuple[str, tuple[str, str], str], tuple[int, int]],
) -> list[str]:
    """What is wrong with one unit's target and actual of a metric and period."""
    code, period, m = key
    tgt, act = figures
    problems = []
    # A new unit's target may be 0 where the city's is below the number of units.
    if tgt < (0 if m == PARTY_ORGS and period >= ("2025", REFORM.isoformat()) else 1):
        problems.append(f"{code} {period} {m}: target {tgt} too small")
    if m == ADMISSIONS_NONSTATE:
        total = by_key[code, period, ADMISSIONS]
        if tgt > total[0] or act > total[1]:
            problems.append(f"{code} {period}: non-state admissions exceed admissions")
    if m == MASS_MEMBERS:
        orgs = by_key[code, period, MASS_ORGS]
        if tgt < 20 * orgs[0] or act < 20 * orgs[1]:
            problems.append(f"{code} {period}: fewer than 20 members per mass organization")
    return problems


def write_atomic(rows: list[list[str]], out: Path) -> None:
    """Write header and rows to ``out`` via a temporary file in the same folder."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(HEADER)
            writer.writerows(rows)
        umask = os.umask(0)  # mkstemp makes the file private; give it the usual mode
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="CSV to write (default: %(default)s)"
    )
    parser.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help="random seed (default: %(default)s)"
    )
    args = parser.parse_args(argv)
    rows = generate(args.seed)
    write_atomic(rows, args.out)
    print(f"wrote {len(rows)} synthetic rows to {args.out}")


if __name__ == "__main__":
    main()
