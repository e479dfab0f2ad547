"""Benchmark: the whole report batch two ways, in one run.

1. the loop a user would write: for each report, the ``papermill`` command, then the
   ``jupyter nbconvert --to html`` command;
2. ``kpitools run --force`` (warm kernels reused per worker, in-process HTML export),
   ``--repeat`` times (default 3; it takes seconds where the loop takes minutes): the median
   counts, and every time is printed.

Prints both times, their ratio, the time per report and the HTML size per report.

    python benchmarks/batch.py                 # every report of parameters/
    python benchmarks/batch.py --plain-sample 6  # time the plain loop on 6 reports only and
                                                 # scale it to the batch (said in the output)
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from kpitools.report import discover

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def plain_loop(reports, out: Path) -> tuple[float, list[int]]:
    sizes = []
    start = time.perf_counter()
    for r in reports:
        params = out / f"{r.name}.yaml"
        params.write_text(yaml.safe_dump(r.parameters, allow_unicode=True), encoding="utf-8")
        executed = out / f"{r.name}.ipynb"
        subprocess.run(
            [
                str(BIN / "papermill"),
                str(r.notebook),
                str(executed),
                "-f",
                str(params),
                "--cwd",
                str(r.notebook.parent),
                "--no-progress-bar",
            ],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(executed)],
            check=True,
            capture_output=True,
        )
        sizes.append(executed.with_suffix(".html").stat().st_size)
    return time.perf_counter() - start, sizes


def kpitools_run(out: Path, workers: int | None) -> float:
    cmd = [str(BIN / "kpitools"), "run", "--force", "--out", str(out)]
    if workers:
        cmd += ["--workers", str(workers)]
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--plain-sample",
        type=int,
        default=0,
        help="time the plain loop on this many reports and scale it up",
    )
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--repeat", type=int, default=3, help="runs of kpitools (the median counts)")
    args = ap.parse_args()
    reports = discover(ROOT / "parameters", ROOT / "notebooks")
    n = len(reports)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "plain").mkdir()
        sample = reports[: args.plain_sample] if args.plain_sample else reports
        plain_s, plain_sizes = plain_loop(sample, tmp / "plain")
        plain_total = plain_s * n / len(sample)
        runs = [kpitools_run(tmp / "kpitools", args.workers) for _ in range(max(1, args.repeat))]
        ours = statistics.median(runs)
        sizes = [(tmp / "kpitools" / r.html_name).stat().st_size for r in reports]
    scaled = "" if len(sample) == n else f" (measured on {len(sample)}, scaled to {n})"
    print(f"reports: {n}")
    print(
        f"plain papermill + nbconvert loop: {plain_total:8.1f} s{scaled}, "
        f"{plain_total / n:.2f} s per report"
    )
    times = ", ".join(f"{t:.1f}" for t in runs)
    print(
        f"kpitools run:                     {ours:8.1f} s, {ours / n:.2f} s per report "
        f"(median of {len(runs)}: {times} s)"
    )
    print(f"ratio (plain / kpitools):         {plain_total / ours:8.1f}x")
    print(
        f"kpitools HTML per report: median {statistics.median(sizes) / 1e6:.2f} MB, "
        f"max {max(sizes) / 1e6:.2f} MB (self-contained)"
    )
    print(
        f"plain nbconvert HTML per report: median {statistics.median(plain_sizes) / 1e6:.2f}"
        " MB (loads Vega from a CDN: blank charts offline)"
    )


if __name__ == "__main__":
    main()
