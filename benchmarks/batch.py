"""Benchmark: the whole report batch two ways, in one run.

1. the loop a user would write: for each report, the ``papermill`` command, then the
   ``jupyter nbconvert --to html`` command;
2. ``kpitools run --force`` (in-process HTML export) with each report in a fresh kernel
   forked from a warm template (``KPITOOLS_FRESH_KERNELS=1``), and with one kernel per
   worker reset between reports (``=0``), alternately, ``--repeat`` times each (default 3;
   it takes seconds where the loop takes minutes): the medians count, every time is printed.

Prints the times, both ratios (plain / fresh kernels, plain / reused kernel), the extra
cost per report of the fresh kernel, the time and HTML size per report, and the peak memory
of the kpitools processes (``--memory`` measures it for 1, 2 and 4 workers).

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


def kpitools_run(out: Path, workers: int | None, *, fresh: bool) -> tuple[float, float]:
    """Seconds of one ``kpitools run --force``, and the peak memory of its processes (MB)."""
    import contextlib
    import os

    import psutil

    cmd = [str(BIN / "kpitools"), "run", "--force", "--out", str(out)]
    if workers:
        cmd += ["--workers", str(workers)]
    env = {**os.environ, "KPITOOLS_FRESH_KERNELS": "1" if fresh else "0"}
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    peak = 0
    parent = psutil.Process(proc.pid)
    while proc.poll() is None:
        rss = 0
        with contextlib.suppress(psutil.Error):
            # proportional set sizes: pages a forked kernel shares with its template are
            # split between them, so the sum counts them once
            for p in [parent, *parent.children(recursive=True)]:
                with contextlib.suppress(psutil.Error, OSError):
                    rss += p.memory_full_info().pss
        peak = max(peak, rss)
        time.sleep(0.2)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"kpitools run failed ({proc.returncode})")
    return seconds, peak / 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--plain-sample",
        type=int,
        default=0,
        help="time the plain loop on this many reports and scale it up",
    )
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each kpitools mode")
    ap.add_argument(
        "--memory", action="store_true", help="peak memory with 1, 2 and 4 workers (fresh)"
    )
    args = ap.parse_args()
    reports = discover(ROOT / "parameters", ROOT / "notebooks")
    n = len(reports)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "plain").mkdir()
        sample = reports[: args.plain_sample] if args.plain_sample else reports
        plain_s, plain_sizes = plain_loop(sample, tmp / "plain")
        plain_total = plain_s * n / len(sample)
        runs: dict[bool, list[tuple[float, float]]] = {True: [], False: []}
        for _ in range(max(1, args.repeat)):  # alternate, so a busy spell hits both alike
            for fresh in (True, False):
                runs[fresh].append(kpitools_run(tmp / "kpitools", args.workers, fresh=fresh))
        sizes = [(tmp / "kpitools" / r.html_name).stat().st_size for r in reports]
        memory = {}
        if args.memory:
            for w in (1, 2, 4):
                memory[w] = kpitools_run(tmp / f"mem{w}", w, fresh=True)[1]
    fresh_s = statistics.median(t for t, _ in runs[True])
    reused_s = statistics.median(t for t, _ in runs[False])
    scaled = "" if len(sample) == n else f" (measured on {len(sample)}, scaled to {n})"
    print(f"reports: {n}")
    print(
        f"plain papermill + nbconvert loop: {plain_total:8.1f} s{scaled}, "
        f"{plain_total / n:.2f} s per report"
    )
    for label, fresh, ours in (
        ("fresh kernels (forked)", True, fresh_s),
        ("one kernel reused", False, reused_s),
    ):
        times = ", ".join(f"{t:.1f}" for t, _ in runs[fresh])
        peak = max(m for _, m in runs[fresh])
        print(
            f"kpitools run, {label + ':':<24}{ours:6.1f} s, {ours / n:.2f} s per report "
            f"(median of {len(runs[fresh])}: {times} s; peak memory {peak:.0f} MB)"
        )
    print(f"ratio plain / kpitools, fresh kernels: {plain_total / fresh_s:8.1f}x")
    print(f"ratio plain / kpitools, reused kernel: {plain_total / reused_s:8.1f}x")
    print(f"extra cost of a fresh kernel:         {(fresh_s - reused_s) / n:+8.3f} s per report")
    for w, mb in memory.items():
        print(f"peak memory, {w} worker(s), fresh kernels: {mb:6.0f} MB")
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
