"""Benchmark: the unit column of a large long CSV, resolved all at once or one name at a time.

Builds a long CSV of ``--rows`` rows (default 300 000) over the bundled Hà Nội registry
(``data/units.csv``: the 30 districts to 2025-06-30, the 126 new units from 2025-07-01), or
with ``--national`` the country's (``data/reference/vn_units.parquet``, 14 172 rows), and the
bundled catalog's count metrics: each row a unit in force on its ``as_of`` day, by code and
name (the name with or without its ``phường`` / ``xã`` / ``quận`` prefix, sometimes in
capitals; both cells are resolved and must agree) and ``as_of`` a day of 2019–2026, so that
there are many distinct (name, day) pairs. The file is read with
:func:`kpitools.read_kpi_file` (a fresh registry and catalog each time, so nothing is
remembered from an earlier read) in two ways, in the same run:

* ``resolve_many``: the column-wise reading as shipped — the distinct (name, day) pairs are
  resolved in one :meth:`UnitRegistry.resolve_many` call (``Parser.prime``);
* ``one by one``: the same reading with ``prime`` switched off, so that every distinct
  (name, code, year, as_of) row calls :meth:`UnitRegistry.resolve` for itself (the reading
  before).

Prints the CPU time of each (the best of ``--repeat``; ``time.process_time``, all threads),
the distinct pairs and the ratio, and checks that both give the same table.

    python benchmarks/columnar_units.py
    python benchmarks/columnar_units.py --rows 30000 --repeat 3
    python benchmarks/columnar_units.py --national    # the country's registry, 300 000 rows
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import random
import tempfile
import time
from pathlib import Path
from unittest import mock

import polars as pl

import kpitools.io.columnar as columnar
from kpitools.catalog import read_catalog
from kpitools.io.readers import read_kpi_file
from kpitools.registry import UnitRegistry, read_registry

ROOT = Path(__file__).resolve().parents[1]
UNITS, CATALOG = ROOT / "data" / "units.csv", ROOT / "data" / "metrics.csv"
NATIONAL = ROOT / "data" / "reference" / "vn_units.parquet"
NATIONAL_LINKS = ROOT / "data" / "reference" / "vn_links.parquet"
_SOURCE = {"registry": "hanoi"}


def registry() -> UnitRegistry:
    """A fresh registry: the bundled Hà Nội one, or with --national the country's."""
    if _SOURCE["registry"] == "national":
        return UnitRegistry.from_frame(
            pl.read_parquet(NATIONAL), links=pl.read_parquet(NATIONAL_LINKS)
        )
    return read_registry(UNITS)


def build(path: Path, rows: int, seed: int = 7) -> tuple[int, int]:
    """Write the CSV (at most one row per unit, year and metric); return its rows and its
    distinct (name, as_of) pairs."""
    rng = random.Random(seed)
    reg = registry()
    units = reg.units.filter(pl.col("level").is_in(["district", "commune", "city", "province"]))
    metrics = pl.read_csv(CATALOG).filter(pl.col("kind") == "count")["code"].to_list()
    combos = []
    for code, name, kind, start, end in units.select(
        "code", "name", "type", "valid_from", "valid_to"
    ).iter_rows():
        for year in range(2019, 2027):
            first = max(dt.date(year, 1, 1), start or dt.date.min)
            last = min(dt.date(year, 12, 31), end or dt.date.max)
            if first <= last:
                combos += [(code, name, kind, year, first, last, m) for m in metrics]
    rng.shuffle(combos)
    once: set[tuple[str, int, str]] = set()  # a reused code: one row per unit, year, metric
    combos = [
        c for c in combos if (c[0], c[3], c[6]) not in once and not once.add((c[0], c[3], c[6]))
    ]
    lines = ["unit_code,unit_name,year,as_of,metric,target,actual"]
    seen: set[tuple[str, dt.date]] = set()
    for code, name, kind, year, first, last, metric in combos[:rows]:
        day = first + dt.timedelta(days=rng.randint(0, (last - first).days))
        shown = name
        if kind and rng.random() < 0.3:
            shown = f"{kind} {name}"
        if rng.random() < 0.2:
            shown = shown.upper()
        seen.add((shown, day))
        target = rng.randint(10, 500)
        lines.append(
            f'{code},"{shown}",{year},{day.isoformat()},{metric},{target},{rng.randint(0, 600)}'
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines) - 1, len(seen)


def read(path: Path, *, bulk: bool) -> tuple[float, pl.DataFrame | Exception]:
    reg, cat = registry(), read_catalog(CATALOG)
    patch = (
        mock.patch.object(
            columnar,
            "parsers",
            lambda *a, **k: [dataclasses.replace(p, prime=None) for p in columnar_parsers(*a, **k)],
        )
        if not bulk
        else mock.patch.object(columnar, "parsers", columnar_parsers)
    )
    with patch:
        start = time.process_time()  # CPU time of every thread: a shared machine's wall
        try:  # times vary with its load
            out: pl.DataFrame | Exception = read_kpi_file(path, registry=reg, catalog=cat)
        except Exception as exc:  # a problem is a result too: both readings must agree
            out = exc
        return time.process_time() - start, out


columnar_parsers = columnar.parsers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--rows", type=int, default=300_000, help="at most (one row per unit, year, metric)"
    )
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument(
        "--national",
        action="store_true",
        help="the national registry (data/reference/vn_units.parquet) instead of Hà Nội's",
    )
    args = parser.parse_args()
    _SOURCE["registry"] = "national" if args.national else "hanoi"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.csv"
        rows, pairs = build(path, args.rows)
        print(
            f"{rows:,} rows, {pairs:,} distinct (name, as_of) pairs, {path.stat().st_size:,} bytes"
        )
        best: dict[str, float] = {}
        results = {}
        for _ in range(args.repeat):
            for label, bulk in (("resolve_many", True), ("one by one", False)):
                seconds, out = read(path, bulk=bulk)
                best[label] = min(best.get(label, seconds), seconds)
                results[label] = out
        a, b = results["resolve_many"], results["one by one"]
        same = (
            a.equals(b)
            if isinstance(a, pl.DataFrame) and isinstance(b, pl.DataFrame)
            else str(a) == str(b)
        )
        for label, seconds in best.items():
            print(f"{label:>13}: {seconds:.3f} s CPU")
        print(f"ratio one by one / resolve_many: {best['one by one'] / best['resolve_many']:.2f}×")
        print(
            f"same result: {same}"
            + ("" if isinstance(a, pl.DataFrame) else f" ({type(a).__name__})")
        )


if __name__ == "__main__":
    main()
