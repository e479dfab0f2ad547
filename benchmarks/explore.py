"""Benchmark: how long the explorer takes to answer a control change.

Measures, in Python and without a front end, the time from setting a control (metric,
year, units, a click on a unit in a chart, language, a status threshold) to the moment
every view that depends on it has its new data, parameters and table (what goes to the
browser). Every change is measured cold: the explorer's caches of earlier rows and
rankings are turned off, so each one pays for building them. The browser's side is
measured by ``benchmarks/explore_browser.py``.

Two panels: the bundled demo (31 units × 6 years × 5 metrics with unit rows, plus the
seed's real city figures) and a synthetic panel ten times larger (300 units × 6 years ×
8 metrics), generated here with a registry and catalog built in memory.

    python benchmarks/explore.py            # both panels, 3 rounds of changes
    python benchmarks/explore.py --rounds 5
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import polars as pl

from kpitools.catalog import MetricCatalog
from kpitools.explore import Explorer, explorer
from kpitools.io import Dataset, load_dataset
from kpitools.registry import UnitRegistry

ROOT = Path(__file__).resolve().parents[1]
TARGET_MS = 100.0


def large_dataset(units: int = 300, years: int = 6, metrics: int = 8, seed: int = 7) -> Dataset:
    """A synthetic panel: ``units`` districts under one city, every year and metric."""
    rng = random.Random(seed)
    codes = [f"{i:03d}" for i in range(1, units + 1)]
    registry = UnitRegistry.from_frame(
        pl.DataFrame(
            {
                "code": ["01", *codes],
                "name": ["Thành phố", *[f"Đơn vị {c}" for c in codes]],
                "level": ["city", *["district"] * units],
                "parent": [None, *["01"] * units],
            }
        )
    )
    metric_codes = [f"m{i}" for i in range(1, metrics + 1)]
    catalog = MetricCatalog.from_frame(
        pl.DataFrame(
            {
                "code": metric_codes,
                "label_vi": [f"Chỉ số {i}" for i in range(1, metrics + 1)],
                "label_en": [f"Metric {i}" for i in range(1, metrics + 1)],
                "unit_vi": ["người"] * metrics,
                "unit_en": ["people"] * metrics,
                "kind": ["count"] * metrics,
            }
        )
    )
    rows = []
    for year in range(2019, 2019 + years):
        for metric in metric_codes:
            for code in codes:
                target = None if rng.random() < 0.03 else float(rng.randint(20, 900))
                actual = float(rng.randint(0, 1000))
                rows.append((code, f"Đơn vị {code}", "district", year, metric, target, actual))
    kpis = pl.DataFrame(
        rows,
        schema={
            "unit_code": pl.String,
            "unit_name": pl.String,
            "level": pl.String,
            "year": pl.Int64,
            "metric": pl.String,
            "target": pl.Float64,
            "actual": pl.Float64,
        },
        orient="row",
    ).with_columns(
        pl.date(pl.col("year"), 12, 31).alias("as_of"),
        pl.lit("synthetic").alias("source"),
    )
    return Dataset(kpis, registry, catalog)


def changes(ex: Explorer, rounds: int, seed: int = 1) -> list[tuple[str, Callable[[], None]]]:
    """A realistic mix of control changes, each to a value other than the current one."""
    rng = random.Random(seed)
    c = ex.controls
    codes = [code for _, code in ex.panel.units]

    def other(values: list, now: object) -> object:
        return rng.choice([v for v in values if v != now])

    def metric() -> None:
        c.metric.value = other(list(ex.panel.metrics), ex.state.metric)

    def year() -> None:
        c.year.value = other(list(ex.panel.years(ex.state.metric)), ex.state.year)

    def units() -> None:
        c.units.value = (other(codes, ex.state.units[0] if ex.state.units else None),)

    def click() -> None:
        # what a click on a bar of the ranked chart sends from the browser
        code = other(codes, ex.state.units[0] if ex.state.units else None)
        chart = ex.charts["ranked"]
        chart._message(chart, {"type": "pick", "unit": code, "add": False}, [])

    def lang() -> None:
        c.lang.value = "en" if ex.state.lang == "vi" else "vi"

    def threshold() -> None:
        c.bands[0].value = 85.0 if c.bands[0].value == 90.0 else 90.0

    out: list[tuple[str, Callable[[], None]]] = []
    for _ in range(rounds):
        for _ in ex.panel.metrics:
            out += [("metric", metric), ("year", year), ("year", year), ("year", year)]
            out += [("units", units), ("units", units), ("click", click)]
        out += [("lang", lang), ("lang", lang), ("threshold", threshold), ("threshold", threshold)]
    return out


def run(name: str, ex: Explorer, rounds: int) -> dict[str, list[float]]:
    ex.cache_size = 0  # every change cold
    times: dict[str, list[float]] = defaultdict(list)
    for kind, act in changes(ex, rounds):
        before = ex.state
        start = time.perf_counter()
        act()
        times[kind].append((time.perf_counter() - start) * 1000)
        assert ex.state != before, f"{kind} changed nothing"
        assert not ex.messages.value or "kt-problems" not in ex.messages.value, ex.messages.value
    every = [t for ts in times.values() for t in ts]
    print(f"\n{name}: {ex.panel.dataset.kpis.height} rows, {len(ex.panel.units)} units")
    print(f"  {'change':<10} {'n':>4} {'median ms':>10} {'p95 ms':>8}")
    for kind, ts in [*times.items(), ("all", every)]:
        print(f"  {kind:<10} {len(ts):>4} {statistics.median(ts):>10.1f} {p95(ts):>8.1f}")
    return dict(times)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    demo = load_dataset(
        [ROOT / "data/hanoi_2023_seed.csv", ROOT / "data/demo_panel.csv"],
        units=ROOT / "data/units.csv",
        catalog=ROOT / "data/metrics.csv",
    )
    start = time.perf_counter()
    small = explorer(demo, offline=False)
    print(f"demo explorer built in {time.perf_counter() - start:.2f} s")
    results = {"demo panel": run("demo panel", small, args.rounds)}
    start = time.perf_counter()
    big = explorer(large_dataset(), offline=False)
    print(f"\n10× explorer built in {time.perf_counter() - start:.2f} s")
    results["10× panel"] = run("10× panel (300 units × 6 years × 8 metrics)", big, args.rounds)
    print(f"\ntarget: ≤ {TARGET_MS:.0f} ms for every kind of change (its p95)")
    for name, times in results.items():
        every = [t for ts in times.values() for t in ts]
        worst = max(times, key=lambda kind: p95(times[kind]))
        verdict = "meets" if p95(times[worst]) <= TARGET_MS else "MISSES"
        print(
            f"  {name}: all changes median {statistics.median(every):.1f} ms, "
            f"p95 {p95(every):.1f} ms; slowest kind {worst} p95 {p95(times[worst]):.1f} ms"
            f" — {verdict}"
        )


if __name__ == "__main__":
    main()
