"""Benchmark: reading a long table whose every row has a bad cell, against the same file clean.

Builds three long CSV files of ``--rows`` rows (default 300 000) for a synthetic registry of
``--units`` units (default 1 000: invented Vietnamese names, no lifetimes) and the bundled
metric catalog: the file clean; the same with every metric cell misspelled (one misspelling
per metric code, so as many distinct bad texts as metrics); and the same with every unit name
misspelled (one per unit). Each is read with :func:`kpitools.read_kpis` (a fresh registry and
catalog each time, so nothing is remembered from an earlier read), catching
:class:`kpitools.KpiDataError`. Prints the time of each read (the best of ``--repeat``), the
problems found and the ratio bad / clean: the goal is at most 3×.

    python benchmarks/bad_cells.py                  # 300 000 rows
    python benchmarks/bad_cells.py --rows 30000 --units 200 --repeat 3
    python benchmarks/bad_cells.py --profile unit   # where the time of one read goes
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import math
import pstats
import tempfile
import time
from pathlib import Path

import polars as pl

import kpitools as kt

ROOT = Path(__file__).resolve().parents[1]
CATALOG = ROOT / "data" / "metrics.csv"
FIRST = "An Bình Cẩm Chánh Diên Đông Gia Hà Hòa Hưng Khánh Lạc Long Minh Mỹ Nam Ninh Phú"
FIRST += " Phúc Phước Quang Sơn Tân Thạch Thanh Thành Thịnh Thuận Thủy Tiến Trung Vĩnh Xuân Yên"
LAST = "An Bắc Châu Đức Giang Hải Hiệp Hòa Hồng Hợp Khê Lâm Lộc Lợi Mai Nghĩa Phong Quý"
LAST += " Sơn Tây Thắng Thọ Thượng Tiên Trạch Trường Tú Vân Viên Vinh Xá Xương"


def registry_frame(units: int) -> pl.DataFrame:
    """A city and ``units`` districts with two-syllable names, all distinct."""
    first, last = FIRST.split(), LAST.split()
    if units > len(first) * len(last):
        raise SystemExit(f"--units: at most {len(first) * len(last)}")
    names = [f"{first[i % len(first)]} {last[i // len(first)]}" for i in range(units)]
    codes = [f"{i + 1:04d}" for i in range(units)]
    return pl.DataFrame(
        {
            "code": ["01", *codes],
            "name": ["Thành phố", *names],
            "level": ["city", *["district"] * units],
            "parent": [None, *["01"] * units],
        }
    )


def long_frame(registry: pl.DataFrame, metrics: list[str], rows: int) -> pl.DataFrame:
    """``rows`` rows of unit × year × metric (each once), from 2024 backwards."""
    names = registry["name"].to_list()[1:]
    years = math.ceil(rows / (len(names) * len(metrics)))
    grid = (
        pl.DataFrame({"unit_name": names})
        .join(pl.DataFrame({"year": list(range(2025 - years, 2025))}), how="cross")
        .join(pl.DataFrame({"metric": metrics}), how="cross")
        .head(rows)
    )
    n = pl.int_range(pl.len())
    return grid.with_columns(target=(n % 97 + 10), actual=(n % 89 + 5))


def misspell(text: str) -> str:
    """One typing slip: the last letter doubled (``admissions`` → ``admissionss``)."""
    return text + text[-1]


def timed_read(path: Path, units: Path, repeat: int) -> tuple[float, int, int]:
    """The best time of ``repeat`` reads, the rows read and the problems reported."""
    best, height, problems = math.inf, 0, 0
    for _ in range(repeat):
        registry, catalog = kt.read_registry(units), kt.read_catalog(CATALOG)
        start = time.perf_counter()
        try:
            height = kt.read_kpis(path, registry=registry, catalog=catalog).height
            problems = 0
        except kt.KpiDataError as exc:
            problems = len(exc.issues)
        best = min(best, time.perf_counter() - start)
    return best, height, problems


def write_files(folder: Path, rows: int, units: int) -> dict[str, Path]:
    """The registry and the three long files; returns their paths by name."""
    registry = registry_frame(units)
    metrics = kt.read_catalog(CATALOG).codes
    clean = long_frame(registry, metrics, rows)
    files = {
        "units": folder / "units.csv",
        "clean": folder / "clean.csv",
        "bad metric": folder / "bad_metric.csv",
        "bad unit": folder / "bad_unit.csv",
    }
    registry.write_csv(files["units"])
    clean.write_csv(files["clean"])
    bad_metric = clean.with_columns(pl.col("metric").map_elements(misspell, pl.String))
    bad_metric.write_csv(files["bad metric"])
    bad_unit = clean.with_columns(pl.col("unit_name").map_elements(misspell, pl.String))
    bad_unit.write_csv(files["bad unit"])
    return files


def profile(path: Path, units: Path) -> None:
    """Print the 25 functions where one read of ``path`` spends the most time."""
    registry, catalog = kt.read_registry(units), kt.read_catalog(CATALOG)
    profiler = cProfile.Profile()
    profiler.enable()
    with contextlib.suppress(kt.KpiDataError):
        kt.read_kpis(path, registry=registry, catalog=catalog)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=300_000, help="rows per file")
    parser.add_argument("--units", type=int, default=1_000, help="units of the registry")
    parser.add_argument("--repeat", type=int, default=1, help="reads per file (best counts)")
    parser.add_argument(
        "--profile", choices=("clean", "metric", "unit"), help="profile one read instead"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = write_files(Path(tmp), args.rows, args.units)
        if args.profile:
            name = "clean" if args.profile == "clean" else f"bad {args.profile}"
            profile(files[name], files["units"])
            return
        print(f"{args.rows:,} rows, {args.units:,} units, best of {args.repeat}")
        times = {}
        for name in ("clean", "bad metric", "bad unit"):
            seconds, height, problems = timed_read(files[name], files["units"], args.repeat)
            times[name] = seconds
            print(f"  {name:<10} {seconds:8.2f} s  {height:>9,} rows read  {problems:>9,} problems")
        for name in ("bad metric", "bad unit"):
            ratio = times[name] / times["clean"]
            verdict = "ok" if ratio <= 3 else "ABOVE the goal of 3x"
            print(f"  {name} / clean: {ratio:.2f}x ({verdict})")


if __name__ == "__main__":
    main()
