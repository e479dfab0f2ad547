"""Generate the SYNTHETIC demo panel ``data/demo_panel.csv``.

Every figure written here is invented, and every row says so (``source = synthetic``). Only the
2023 city totals are real: they are read from ``data/hanoi_2023_seed.csv`` and the 31 units
(30 districts plus ``01-K``, the other committees directly under the city) add up to them
exactly, for target and actual alike. Real data a user brings replaces this file.

Standard library only, and only exact IEEE arithmetic (``random.random``, ``+ - * /``,
``sqrt``), so the output is byte-identical on every platform for a given ``--seed``.

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

REPO = Path(__file__).resolve().parent.parent
UNITS_CSV = REPO / "data" / "units.csv"
SEED_CSV = REPO / "data" / "hanoi_2023_seed.csv"
DEFAULT_OUT = REPO / "data" / "demo_panel.csv"
DEFAULT_SEED = 20231130

HEADER = [
    "unit_code",
    "unit_name",
    "level",
    "year",
    "as_of",
    "metric",
    "target",
    "actual",
    "source",
]
YEARS = range(2019, 2025)
REAL_YEAR = 2023
ADMISSIONS = "admissions"
ADMISSIONS_NONSTATE = "admissions_nonstate"
PARTY_ORGS = "party_orgs_nonstate"
MASS_ORGS = "mass_orgs_nonstate"
MASS_MEMBERS = "mass_org_members_nonstate"
METRICS = (ADMISSIONS, ADMISSIONS_NONSTATE, PARTY_ORGS, MASS_ORGS, MASS_MEMBERS)
# The real city admissions figure was taken on 30 Nov 2023; the panel keeps that date.
AS_OF_EXCEPTIONS = {(ADMISSIONS, REAL_YEAR): datetime.date(2023, 11, 30)}

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


def read_units(path: Path) -> list[dict[str, str]]:
    """The 30 districts and ``01-K`` from the registry, sorted by code."""
    with path.open(encoding="utf-8", newline="") as fh:
        units = [
            {k: unicodedata.normalize("NFC", row[k]) for k in ("code", "name", "level")}
            for row in csv.DictReader(fh)
            if row["level"] == "district" or row["code"] == "01-K"
        ]
    codes = {u["code"] for u in units}
    if codes != set(WEIGHTS):
        raise ValueError(f"{path}: units {sorted(codes ^ set(WEIGHTS))} lack or have no weight")
    return sorted(units, key=lambda u: u["code"])


def read_real(path: Path) -> dict[str, tuple[int, int]]:
    """(target, actual) of each panel metric for the city in 2023, from the seed file."""
    real: dict[str, tuple[int, int]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            is_city = row["unit_code"] == "01" and row["year"] == str(REAL_YEAR)
            if is_city and row["metric"] in METRICS:
                real[row["metric"]] = (int(row["target"]), int(row["actual"]))
    missing = [m for m in METRICS if m not in real]
    if missing:
        raise ValueError(f"{path}: no city {REAL_YEAR} target/actual for {missing}")
    return real


def city_actuals(real: dict[str, tuple[int, int]]) -> dict[str, dict[int, int]]:
    """Invented city actual totals for 2018-2024 (2018 only seeds the 2019 targets)."""
    out: dict[str, dict[int, int]] = {}
    for m in METRICS:
        target, actual = real[m]
        base = target / MEAN_STRETCH
        totals = {y: round(base * f) for y, f in DRIFT[m].items() if y < REAL_YEAR}
        totals[REAL_YEAR - 1] = round(base)
        totals[REAL_YEAR] = actual
        totals[2024] = round(actual * DRIFT[m][2024])
        out[m] = totals
    return out


def generate(seed: int, units_csv: Path = UNITS_CSV, seed_csv: Path = SEED_CSV) -> list[list[str]]:
    """Build the panel rows (header excluded), sorted by year, metric, unit_code."""
    rng = random.Random(seed)
    units = read_units(units_csv)
    real = read_real(seed_csv)
    panel = Panel(rng, [u["code"] for u in units], real, city_actuals(real))
    # 2018 is never written: its actuals only seed the 2019 targets.
    panel.actuals_of_year(YEARS[0] - 1)
    for year in YEARS:
        panel.targets_of_year(year)
        panel.actuals_of_year(year)
    rows = panel_rows(units, panel.target, panel.actual)
    check(rows, real)
    return rows


class Panel:
    """The panel being drawn: targets and actuals per (metric, year) and unit, all from one
    random stream (the order of the draws fixes the output, so keep it)."""

    def __init__(
        self,
        rng: random.Random,
        codes: list[str],
        real: dict[str, tuple[int, int]],
        totals: dict[str, dict[int, int]],
    ) -> None:
        self.rng = rng
        self.codes = codes
        self.real = real
        self.totals = totals
        size = [WEIGHTS[c][0] for c in codes]
        nonstate = [WEIGHTS[c][0] * WEIGHTS[c][1] for c in codes]
        self.base = {
            ADMISSIONS: size,
            ADMISSIONS_NONSTATE: nonstate,
            PARTY_ORGS: nonstate,
            MASS_ORGS: nonstate,
        }
        self.per_org = [rng.uniform(*MEMBERS_PER_ORG) for _ in codes]
        self.picks: dict[str, list[set[int]]] = {m: [] for m in self.base}
        self.actual: dict[tuple[str, int], list[int]] = {}
        self.target: dict[tuple[str, int], list[int]] = {}

    def members(self, orgs: list[int], total: int, size: list[float], jitter: float) -> list[int]:
        rng = self.rng
        weights = [
            o * p * (1 + rng.uniform(-jitter, jitter)) for o, p in zip(orgs, size, strict=True)
        ]
        return apportion(total, weights, minimum=1 if min(orgs) > 0 else 0)

    def targets_of_year(self, year: int) -> None:
        """Each unit's targets: last year's actuals stretched, in the city's real target in
        the real year."""
        rng = self.rng
        for m in METRICS:
            prev = self.actual[m, year - 1]
            raw = [a * rng.uniform(*STRETCH) for a in prev]
            total = self.real[m][0] if year == REAL_YEAR else max(round(sum(raw)), len(prev))
            if m == MASS_MEMBERS:
                # Keep last year's members per organization in each unit.
                orgs = self.actual[MASS_ORGS, year - 1]
                last = [p / o if o else s for p, o, s in zip(prev, orgs, self.per_org, strict=True)]
                self.target[m, year] = self.members(self.target[MASS_ORGS, year], total, last, 0)
            else:
                self.target[m, year] = apportion(total, [max(r, 0.5) for r in raw], minimum=1)

    def actuals_of_year(self, year: int) -> None:
        for m in self.base:
            caps = self.nonstate_caps(year) if m == ADMISSIONS_NONSTATE else None
            self.actual[m, year] = self.actuals(m, year, self.target.get((m, year), []), caps)
        self.actual[MASS_MEMBERS, year] = self.members(
            self.actual[MASS_ORGS, year], self.totals[MASS_MEMBERS][year], self.per_org, 0.1
        )

    def nonstate_caps(self, year: int) -> list[int]:
        return [int(NONSTATE_CAP * a) for a in self.actual[ADMISSIONS, year]]

    def actuals(self, m: str, year: int, tgt: list[int], caps: list[int] | None) -> list[int]:
        # Ordinary units land halfway (geometric mean) between their target scaled to the
        # city's result and their structural share, give or take NOISE, so shares neither
        # random-walk away nor snap back. A few units are picked to be far ahead or behind;
        # never 01-K (an aggregate of 20 committees evens out) nor a unit picked in the last
        # two years.
        rng = self.rng
        total = self.totals[m][year]
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
        pool = [i for i, c in enumerate(self.codes) if c != "01-K" and i not in recent]
        picked = rng.sample(pool, N_AHEAD + N_BEHIND)
        for i in picked[:N_AHEAD]:
            weights[i] = tgt[i] * rng.uniform(*AHEAD)
        for i in picked[N_AHEAD:]:
            weights[i] = tgt[i] * rng.uniform(*BEHIND)
        self.picks[m].append(set(picked))


def panel_rows(
    units: list[dict[str, str]],
    target: dict[tuple[str, int], list[int]],
    actual: dict[tuple[str, int], list[int]],
) -> list[list[str]]:
    """The CSV rows of the written years, by year, metric and unit."""
    rows: list[list[str]] = []
    for year in YEARS:
        for m in sorted(METRICS):
            as_of = AS_OF_EXCEPTIONS.get((m, year), datetime.date(year, 12, 31))
            for i, u in enumerate(units):
                rows.append(
                    [
                        u["code"],
                        u["name"],
                        u["level"],
                        str(year),
                        as_of.isoformat(),
                        m,
                        str(target[m, year][i]),
                        str(actual[m, year][i]),
                        "synthetic",
                    ]
                )
    return rows


def check(rows: list[list[str]], real: dict[str, tuple[int, int]]) -> None:
    """Fail loudly if the panel breaks a promise the data dictionary makes about it."""
    by_key = {(r[0], int(r[3]), r[5]): (int(r[6]), int(r[7])) for r in rows}
    problems: list[str] = []
    for m in METRICS:
        sums = [
            sum(v[k] for (_, y, mm), v in by_key.items() if y == REAL_YEAR and mm == m)
            for k in (0, 1)
        ]
        if tuple(sums) != real[m]:
            problems.append(f"{m} {REAL_YEAR}: sums {tuple(sums)} != real {real[m]}")
    for key, figures in by_key.items():
        problems += cell_problems(key, figures, by_key)
    for year in YEARS:
        att = [a / t for (_, y, _), (t, a) in by_key.items() if y == year]
        if not any(x < 0.9 for x in att) or not any(x > 1.5 for x in att):
            problems.append(f"{year}: no unit behind (< 90 %) or none far ahead (> 150 %)")
    if problems:
        raise SystemExit("demo panel fails its checks:\n  " + "\n  ".join(problems))


def cell_problems(
    key: tuple[str, int, str],
    figures: tuple[int, int],
    by_key: dict[tuple[str, int, str], tuple[int, int]],
) -> list[str]:
    """What is wrong with one unit's target and actual of a metric and year."""
    code, year, m = key
    tgt, act = figures
    problems = []
    if tgt < 1:
        problems.append(f"{code} {year} {m}: target {tgt} < 1")
    if m == ADMISSIONS_NONSTATE:
        total = by_key[code, year, ADMISSIONS]
        if tgt > total[0] or act > total[1]:
            problems.append(f"{code} {year}: non-state admissions exceed admissions")
    if m == MASS_MEMBERS:
        orgs = by_key[code, year, MASS_ORGS]
        if tgt < 20 * orgs[0] or act < 20 * orgs[1]:
            problems.append(f"{code} {year}: fewer than 20 members per mass organization")
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
