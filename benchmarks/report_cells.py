"""Benchmark: the CPU time of each cell of a report, in a kernel-like process forked fresh.

``kpitools run`` runs each report in a kernel forked from a template process that has
imported the libraries and computed kpitools' pure caches (``kpitools.report.forkserver``).
This script does what the template does (its module lists and its warm-up, so it follows
them), then forks one child per report; the child makes an IPython shell (not timed) and
runs the report's cells as a kernel does: the parameters papermill injects, then each code
cell, its result formatted by IPython's display formatter for every mimetype and packed
into a message as ipykernel does (``json_clean``, the session's packer). Each cell's CPU
time (``time.process_time``: the child's every thread, polars' pool included) is sent back
to the parent, which prints the median per cell over the reports.

    python benchmarks/report_cells.py                    # the profile reports (16 of them)
    python benchmarks/report_cells.py --kind city -n 4   # another kind, 4 reports
    python benchmarks/report_cells.py --profile 6        # cProfile of cell 6 in one child
    python benchmarks/report_cells.py --again            # each cell's second run: the cost
                                                         # without first uses in the process
    python benchmarks/report_cells.py --compare A B      # two `kpitools run --out` folders:
                                                         # same pages, charts and outputs?
    python benchmarks/report_cells.py --ab OLD/src       # this checkout against another's
                                                         # src (e.g. `git archive` of a
                                                         # commit), report by report

``--ab`` starts two templates, one importing kpitools from ``OLD/src`` and one from this
checkout, and forks each report's child from them in turn (A, B, then B, A for the next):
the other work on a shared machine then weighs on both alike. It prints each cell's
median for both and the median of the paired differences of whole reports.

CPU time, not wall time: the machine is shared. ``--compare`` checks that two runs of
``kpitools run --force --out A`` / ``--out B`` made the same HTML pages and executed
notebooks, once chart ids and the times of the run are normalised.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

from kpitools.io.dataset import SHARED_CACHE_ENV

ROOT = Path(__file__).resolve().parents[1]


# --------------------------------------------------------------------------- the template


def template() -> None:
    """Import and warm up as ``forkserver.serve`` does before it forks kernels."""
    from kpitools.report import forkserver as fs

    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    for name in fs.TEMPLATE_MODULES:
        __import__(name)
    fs._warm_up()
    for name in [*fs.KERNEL_MODULES, *fs.top_imports(notebooks)]:
        with contextlib.suppress(BaseException):
            __import__(name)
    gc.collect()
    gc.freeze()


def reports(kind: str, count: int) -> list[tuple[str, list[str]]]:
    """(name, code cells with papermill's parameters injected) of ``count`` reports."""
    from papermill.translators import translate_parameters

    from kpitools.report import discover

    found = [
        r
        for r in discover(ROOT / "parameters", ROOT / "notebooks")
        if r.kind == kind and r.problem is None
    ][:count]
    out = []
    for r in found:
        doc = json.loads(r.notebook.read_text(encoding="utf-8"))
        cells = [
            "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
            for c in doc["cells"]
            if c["cell_type"] == "code"
        ]
        injected = translate_parameters("python", "python", r.parameters, "Parameters")
        out.append((r.name, [cells[0], injected, *cells[1:]]))
    return out


# --------------------------------------------------------------------------- a child


def _shell():  # type: ignore[no-untyped-def]
    """An IPython shell whose results are formatted and packed as a kernel's are."""
    from ipykernel.jsonutil import encode_images, json_clean
    from IPython.core.interactiveshell import InteractiveShell
    from jupyter_client.session import Session
    from traitlets.config import Config

    config = Config()
    # input history in memory, as `kpitools run` (and nbclient) start their kernels
    config.HistoryManager.hist_file = ":memory:"
    shell = InteractiveShell.instance(config=config)
    session = Session(key=b"")
    hook = shell.displayhook

    def write_format_data(format_dict, md_dict=None):  # type: ignore[no-untyped-def]
        session.pack({"data": json_clean(encode_images(format_dict)), "metadata": md_dict})

    hook.write_format_data = write_format_data
    hook.write_output_prompt = lambda: None
    return shell


def child(cells: list[str], cwd: Path, profile: int | None, again: bool = False) -> list[float]:
    """Run ``cells`` in a new shell; the CPU seconds of each (``again``: of its second run)."""
    os.chdir(cwd)
    shell = _shell()
    times = []
    devnull = open(os.devnull, "w")  # noqa: SIM115
    for i, code in enumerate(cells):
        if again:
            with contextlib.redirect_stdout(devnull):
                shell.run_cell(code, store_history=True)
        prof = None
        if i == profile:
            import cProfile

            prof = cProfile.Profile()
            prof.enable()
        start = time.process_time()
        with contextlib.redirect_stdout(devnull):
            result = shell.run_cell(code, store_history=True)
        times.append(time.process_time() - start)
        if prof is not None:
            prof.disable()
            import pstats

            stats = pstats.Stats(prof, stream=sys.stderr)
            stats.sort_stats("cumulative").print_stats(45)
            stats.sort_stats("tottime").print_stats(30)
        if not result.success:
            raise SystemExit(f"cell {i} failed: {result.error_in_exec or result.error_before_exec}")
    return times


def run_forked(
    cells: list[str], cwd: Path, profile: int | None, again: bool = False
) -> list[float]:
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        code = 1
        try:
            times = child(cells, cwd, profile, again)
            with os.fdopen(write, "w") as out:
                out.write(json.dumps(times))
            code = 0
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    os.close(write)
    with os.fdopen(read) as got:
        text = got.read()
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0 or not text:
        raise SystemExit("a report's child failed")
    return json.loads(text)


def _label(code: str) -> str:
    lines = [ln for ln in code.splitlines() if ln.strip() and not ln.startswith("#")]
    first = lines[0] if lines else ""
    if first.startswith(("import ", "from ")) and len(lines) > 1:
        first = next((ln for ln in lines if "load_dataset" in ln), first)
    return first.strip()[:60]


def measure(args: argparse.Namespace) -> None:
    chosen = reports(args.kind, args.n)
    if not chosen:
        raise SystemExit(f"no report of kind {args.kind!r}")
    start = time.process_time()
    template()
    print(f"template: {time.process_time() - start:.2f} s CPU; {len(chosen)} reports")
    cwd = ROOT / "notebooks"
    # as `kpitools run` does: the first report reads the files, the others its pickle
    import tempfile

    os.environ[SHARED_CACHE_ENV] = tempfile.mkdtemp(prefix="kpitools-cells-")
    run_forked(chosen[0][1], cwd, None)  # fills the run's dataset cache: not counted
    rows: list[list[float]] = []
    for i, (_, cells) in enumerate(chosen):
        rows.append(run_forked(cells, cwd, args.profile if i == 0 else None, args.again))
    cells = chosen[0][1]
    print(f"{'cell':>4}  {'median ms':>9}  {'min ms':>7}  code")
    total = [sum(r) for r in rows]
    for i, code in enumerate(cells):
        column = [r[i] * 1000 for r in rows]
        print(
            f"{i:>4}  {statistics.median(column):9.1f}  {min(column):7.1f}  "
            f"{'(parameters)' if i < 2 else _label(code)}"
        )
    print(
        f"all cells: median {statistics.median(total) * 1000:.1f} ms CPU a report "
        f"(lowest {min(total) * 1000:.1f}: least disturbed by other work)"
    )
    import shutil

    shutil.rmtree(os.environ[SHARED_CACHE_ENV], ignore_errors=True)


# --------------------------------------------------------------------------- A/B


def serve(args: argparse.Namespace) -> None:
    """``--serve``: a template that runs report ``i`` in a fresh child for each line ``i``.

    The first line read is the run's dataset cache folder; each answer is one JSON line,
    the CPU seconds of each cell of that report.
    """
    chosen = reports(args.kind, args.n)
    template()
    os.environ[SHARED_CACHE_ENV] = sys.stdin.readline().strip()
    print(json.dumps(len(chosen)), flush=True)
    for line in sys.stdin:
        cells = chosen[int(line)][1]
        print(json.dumps(run_forked(cells, ROOT / "notebooks", None)), flush=True)


def _server(kind: str, n: int, src: Path, cache: str):  # type: ignore[no-untyped-def]
    import subprocess

    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(src), os.environ.get("PYTHONPATH", "")]),
    }
    proc = subprocess.Popen(
        [sys.executable, __file__, "--serve", "--kind", kind, "-n", str(n)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    proc.stdin.write(cache + "\n")  # type: ignore[union-attr]
    proc.stdin.flush()  # type: ignore[union-attr]
    return proc, int(proc.stdout.readline())  # type: ignore[union-attr]


def _ask(proc, i: int) -> list[float]:  # type: ignore[no-untyped-def]
    proc.stdin.write(f"{i}\n")
    proc.stdin.flush()
    line = proc.stdout.readline()
    if not line:
        raise SystemExit("a template of --ab ended")
    return json.loads(line)


def ab(args: argparse.Namespace) -> None:
    """``--ab OLD_SRC``: each report run from OLD_SRC's kpitools (A) and this one's (B)."""
    import shutil
    import tempfile

    cache = tempfile.mkdtemp(prefix="kpitools-ab-")
    for sub in ("a", "b"):  # a dataset cache each: a side's own code reads its files
        os.makedirs(os.path.join(cache, sub))
    sides = {
        "A": _server(args.kind, args.n, args.ab.resolve(), cache + "/a"),
        "B": _server(args.kind, args.n, ROOT / "src", cache + "/b"),
    }
    count = min(n for _, n in sides.values())
    if count < 2:
        raise SystemExit(f"--ab needs at least 2 reports of kind {args.kind!r}")
    times: dict[str, list[list[float]]] = {"A": [], "B": []}
    try:
        for side in ("A", "B"):  # the first report fills each side's dataset cache
            _ask(sides[side][0], 0)
        for i in range(1, count):
            for side in ("A", "B") if i % 2 else ("B", "A"):
                times[side].append(_ask(sides[side][0], i))
    finally:
        for proc, _ in sides.values():
            proc.stdin.close()
            proc.wait()
        shutil.rmtree(cache, ignore_errors=True)
    _print_ab(times)


def _print_ab(times: dict[str, list[list[float]]]) -> None:
    a, b = times["A"], times["B"]
    print(f"{'cell':>4}  {'A ms':>7}  {'B ms':>7}  {'B - A':>6}")
    for i in range(min(len(a[0]), len(b[0]))):
        x = statistics.median(r[i] for r in a) * 1000
        y = statistics.median(r[i] for r in b) * 1000
        print(f"{i:>4}  {x:7.1f}  {y:7.1f}  {y - x:+6.1f}")
    diffs = [(sum(q) - sum(p)) * 1000 for p, q in zip(a, b, strict=True)]
    print(
        f"all cells: A {statistics.median(sum(r) for r in a) * 1000:.1f} ms, "
        f"B {statistics.median(sum(r) for r in b) * 1000:.1f} ms a report (medians); "
        f"B - A, paired: median {statistics.median(diffs):+.1f} ms over {len(diffs)} reports"
    )


# --------------------------------------------------------------------------- compare


_IDS = re.compile(
    r"(altair-viz-|view_)[0-9a-f]{6,32}|\b\d{4}-\d\d-\d\d[ T]\d\d:\d\d(:\d\d(\.\d+)?)?"
)


def _normal_html(text: str) -> str:
    return _IDS.sub("#", text)


def _normal_notebook(text: str) -> str:
    doc = json.loads(text)
    doc.get("metadata", {}).pop("papermill", None)
    for cell in doc.get("cells", []):
        cell.get("metadata", {}).pop("papermill", None)
        cell.get("metadata", {}).pop("execution", None)
        if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
            cell.pop("id", None)  # papermill draws it
    return _IDS.sub("#", json.dumps(doc, sort_keys=True, ensure_ascii=False))


def compare(a: Path, b: Path) -> None:
    differ = 0
    pairs = [(p, b / p.relative_to(a)) for p in sorted(a.rglob("*.html"))]
    pairs += [(p, b / p.relative_to(a)) for p in sorted(a.rglob("*.ipynb"))]
    for left, right in pairs:
        if not right.exists():
            print(f"missing: {right}")
            differ += 1
            continue
        norm = _normal_notebook if left.suffix == ".ipynb" else _normal_html
        x = norm(left.read_text(encoding="utf-8"))
        y = norm(right.read_text(encoding="utf-8"))
        if x != y:
            at = (
                next(i for i, (p, q) in enumerate(zip(x, y, strict=False)) if p != q)
                if x[: len(y)] != y[: len(x)]
                else min(len(x), len(y))
            )
            where = slice(max(at - 80, 0), at + 80)
            print(f"differ: {left.relative_to(a)} at {at}: {x[where]!r} / {y[where]!r}")
            differ += 1
    print(f"{len(pairs)} files compared, {differ} differ")
    if differ:
        raise SystemExit(1)


def main() -> None:
    from kpitools.report.forkserver import _TEMPLATE_ENV

    if any(os.environ.get(k) is None for k in _TEMPLATE_ENV):  # as the template starts
        env = {**_TEMPLATE_ENV, **os.environ}
        os.execve(sys.executable, [sys.executable, *sys.argv], env)
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kind", default="profile", help="report kind (default profile)")
    parser.add_argument("-n", type=int, default=16, help="reports (default 16)")
    parser.add_argument("--profile", type=int, help="cProfile this cell in the first report")
    parser.add_argument(
        "--again", action="store_true", help="time each cell's second run (first uses done)"
    )
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("A", "B"))
    parser.add_argument("--ab", type=Path, metavar="OLD_SRC", help="compare with OLD_SRC")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.compare:
        compare(*args.compare)
    elif args.serve:
        serve(args)
    elif args.ab:
        ab(args)
    else:
        measure(args)


if __name__ == "__main__":
    main()
