"""How big a report is and how long Chromium takes to draw every chart: before and after.

"Before" is the code as it was before reports packed their JavaScript and data (the parent
of the commit that did it, or ``--old REF``), checked out with ``git worktree`` into a
temporary folder; "after" is this working tree. Both make the same reports from the same
parameter files with ``kpitools run``; then each page is opened ``--repeat`` times in a
headless Chromium (offline: only ``file:`` requests) and timed from navigation to the
moment every chart holds its SVG marks.

    .venv/bin/python benchmarks/report_size.py [--old REF] [--repeat 5]

Prints a table per report and the ratios of the medians (before / after).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]

#: The reports measured: a city overview in each language, both comparisons (the 2026 one
#: ranks 127 units), a district profile and the audit (no charts).
PARAMETERS = {
    "city-2023": "year: 2023\n",
    "city-2023-en": "year: 2023\nlang: en\n",
    "comparison-2023": "year: 2023\n",
    "comparison-2026": "year: 2026\n",
    "profile-017": "unit: '017'\nyears: [2019, 2020, 2021, 2022, 2023]\n",
    "audit-seed": "text: data/seed/000_75537393c0b30eb1.txt\n",
}

_DRAWN = """() => [...document.querySelectorAll('.kt-chart')].every(
    e => e.querySelector('svg.marks'))"""


def git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.strip()


def old_ref() -> str:
    """The parent of the commit that packed the reports' JavaScript and data."""
    packed = git("log", "--format=%H", "-1", "--grep", "^report html: Vega bundle and chart")
    if not packed:
        sys.exit("cannot find the commit that packed reports; give --old REF")
    return f"{packed}^"


def make_reports(tree: Path, params: Path, out: Path) -> None:
    """``kpitools run`` of ``tree``'s code (its src first on the path, kernels included)."""
    env = {**os.environ, "PYTHONPATH": str(tree / "src"), "KPITOOLS_CACHE": str(out.parent)}
    cmd = [sys.executable, "-m", "kpitools.cli", "run", "--parameters", str(params)]
    cmd += ["--out", str(out), "--force"]
    proc = subprocess.run(cmd, cwd=tree, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"kpitools run failed in {tree}:\n{proc.stdout}\n{proc.stderr}")


def draw_times(browser: object, page_file: Path, repeat: int) -> list[float]:
    """Milliseconds from navigation to every chart drawn, ``repeat`` times."""
    times = []
    for _ in range(repeat):
        page = browser.new_page()  # type: ignore[attr-defined]
        page.route(
            "**/*",
            lambda route: (
                route.continue_() if route.request.url.startswith("file:") else route.abort()
            ),
        )
        page.goto(page_file.as_uri(), wait_until="commit")
        page.wait_for_function(_DRAWN, timeout=60_000, polling="raf")
        times.append(page.evaluate("performance.now()"))
        page.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", help="the code before (default: before reports were packed)")
    parser.add_argument("--repeat", type=int, default=5, help="page loads per report")
    args = parser.parse_args()
    ref = args.old or old_ref()

    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="kpitools-size-"))
    old_tree = work / "old"
    git("worktree", "add", "--detach", str(old_tree), ref)
    try:
        params = work / "parameters"
        params.mkdir()
        for name, text in PARAMETERS.items():
            (params / f"{name}.yaml").write_text(text, encoding="utf-8")
        outs = {"before": work / "before" / "reports", "after": work / "after" / "reports"}
        for label, tree in (("before", old_tree), ("after", ROOT)):
            start = time.perf_counter()
            make_reports(tree, params, outs[label])
            print(f"{label}: reports made in {time.perf_counter() - start:.0f} s ({tree})")

        rows = []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name in PARAMETERS:
                row = {"report": name}
                for label, out in outs.items():
                    page = out / f"{name}.html"
                    row[f"{label} kB"] = page.stat().st_size / 1000
                    row[f"{label} ms"] = statistics.median(draw_times(browser, page, args.repeat))
                rows.append(row)
            browser.close()
    finally:
        git("worktree", "remove", "--force", str(old_tree))
        shutil.rmtree(work, ignore_errors=True)

    print(f"\nbefore: {ref} ({git('rev-parse', '--short', ref)}); after: this working tree")
    print(f"median of {args.repeat} loads in Chromium, navigation to every chart drawn\n")
    head = f"{'report':<16} {'before kB':>10} {'after kB':>9} {'ratio':>6}"
    head += f" {'before ms':>10} {'after ms':>9} {'ratio':>6}"
    print(head)
    for r in rows:
        print(
            f"{r['report']:<16} {r['before kB']:>10.0f} {r['after kB']:>9.0f} "
            f"{r['before kB'] / r['after kB']:>6.2f} {r['before ms']:>10.0f} "
            f"{r['after ms']:>9.0f} {r['before ms'] / r['after ms']:>6.2f}"
        )
    for key in ("kB", "ms"):
        before = [r[f"before {key}"] for r in rows]
        after = [r[f"after {key}"] for r in rows]
        print(
            f"{key}: median {statistics.median(before):.0f} -> {statistics.median(after):.0f} "
            f"(x{statistics.median(before) / statistics.median(after):.2f} smaller/faster), "
            f"max {max(before):.0f} -> {max(after):.0f}"
        )


if __name__ == "__main__":
    main()
