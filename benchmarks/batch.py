"""Benchmark: the whole report batch two ways, in one run.

1. the loop a user would write: for each report, the ``papermill`` command, then the
   ``jupyter nbconvert --to html`` command. It runs twice: in this environment as it is
   (with JupyterLab, when it is installed: its jsonschema extra ``rfc3987-syntax`` adds
   ~1.5 s to every process that imports nbformat or Altair), and as in a bare install
   (``pip install -e .``), emulated by hiding ``rfc3987_syntax`` from those processes (a
   ``sitecustomize`` on ``PYTHONPATH``), the one package of JupyterLab's that slows them;
2. ``kpitools run --force`` (in-process HTML export) with each report in a fresh kernel
   forked from a warm template (the default) and with ``--shared-kernel`` (one kernel per
   worker, reset between reports), in the same two environments: each ratio compares the
   two ways in one environment (a bare install spares the plain loop's processes the ~1.5 s
   of ``rfc3987-syntax``; kpitools' template defers that package's grammars to a kernel's
   first IRI check, and its workers do not load it).

Both are measured in ``--repeat`` rounds (default 3: the machine is shared, so one run says
little): each round times the plain loop (on its own sample with ``--plain-sample``) and
then ``kpitools run`` both ways, so each round's ratio compares times taken a minute apart;
the median of the rounds' ratios counts, and every round's is printed.

Prints the times, the ratios plain / kpitools for both environments, the extra cost per
report of the fresh kernel (wall time and CPU time: the CPU of every process of the run,
kernels included, which a busy machine disturbs less than the wall time), the HTML size
per report, and with ``--memory`` the peak memory of the run's processes (workers,
templates and kernels) for 1, 2, 3 and 4 workers, in runs of their own: sampling the memory
of a run's processes every 0.2 s costs ~0.6 s of CPU on the run's own cores and rounds its
wall time up to the next sample, so the timed runs are not sampled (until session 7 they
were, and their peak memory was printed with their times).

    python benchmarks/batch.py                   # every report of parameters/
    python benchmarks/batch.py --plain-sample 8  # time the plain loops on 8 reports only,
                                                 # spread evenly over the batch (its kinds in
                                                 # proportion: the first few are the heavier
                                                 # kinds), and scale them to the batch
    python benchmarks/batch.py --cpu-split --repeat 3  # only kpitools run: the CPU of its
                                                 # processes outside the kernels, and of the rest
    python benchmarks/batch.py --ab OLD/src --repeat 6  # only kpitools run (fresh, bare):
                                                 # OLD/src's and this checkout's in turn
    python benchmarks/batch.py --stamps --repeat 3  # only kpitools run (fresh, bare): when
                                                 # its start's steps were done
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from kpitools.report import discover
from kpitools.report.batch import default_workers

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def children_cpu() -> float:
    """CPU seconds of every waited-for descendant so far (kernels too: they are waited for)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def plain_loop(reports, out: Path, env: dict[str, str]) -> tuple[float, list[int]]:
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
            env=env,
        )
        subprocess.run(
            [str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(executed)],
            check=True,
            capture_output=True,
            env=env,
        )
        sizes.append(executed.with_suffix(".html").stat().st_size)
    return time.perf_counter() - start, sizes


def bare_env(tmp: Path) -> dict[str, str]:
    """This environment as a bare install sees it: without ``rfc3987_syntax``."""
    site = tmp / "bare-site"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(
        'import sys\nsys.modules["rfc3987_syntax"] = None  # as if not installed\n'
    )
    path = os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH", "")]))
    return {**os.environ, "PYTHONPATH": path}


def kpitools_run(
    out: Path,
    workers: int | None,
    *,
    shared: bool,
    env: dict[str, str] | None = None,
    memory: bool = False,
) -> dict[str, float]:
    """One ``kpitools run --force``: wall and CPU seconds; with ``memory``, the peak PSS and
    RSS of its processes (sampled every 0.2 s, which costs this process ~0.6 s of CPU a run
    on the run's cores and rounds the wall time up to 0.2 s: timed runs are not sampled)."""
    cmd = [str(BIN / "kpitools"), "run", "--force", "--out", str(out)]
    if workers:
        cmd += ["--workers", str(workers)]
    if shared:
        cmd.append("--shared-kernel")
    env = {k: v for k, v in (env or os.environ).items() if k != "KPITOOLS_FRESH_KERNELS"}
    cpu0 = children_cpu()
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    peak_pss = peak_rss = 0
    if memory:
        peak_pss, peak_rss = _peak_memory(proc)
    proc.wait()
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"kpitools run failed ({proc.returncode}): {' '.join(cmd)}")
    cpu = children_cpu() - cpu0
    return {"wall": seconds, "cpu": cpu, "pss": peak_pss / 1e6, "rss": peak_rss / 1e6}


def _peak_memory(proc: subprocess.Popen) -> tuple[int, int]:
    """The peak PSS and RSS summed over ``proc`` and its descendants, until it ends."""
    import psutil

    peak_pss = peak_rss = 0
    parent = psutil.Process(proc.pid)
    while proc.poll() is None:
        pss = rss = 0
        with contextlib.suppress(psutil.Error):
            for p in [parent, *parent.children(recursive=True)]:
                with contextlib.suppress(psutil.Error, OSError):
                    info = p.memory_full_info()
                    # proportional set size: pages a forked kernel shares with its template
                    # are split between them, so the sum counts them once; RSS counts them
                    # in every process that maps them
                    pss += info.pss
                    rss += info.rss
        peak_pss, peak_rss = max(peak_pss, pss), max(peak_rss, rss)
        time.sleep(0.2)
    return peak_pss, peak_rss


#: Written as ``sitecustomize`` for :func:`cpu_split`: each process of the run writes its own
#: CPU seconds (``getrusage``, its threads included) to ``$KPITOOLS_BENCH_CPU/<pid>.json``,
#: named by what it runs (``_workers_main``, ``_worker_main``; ``parent`` for the command).
CPU_SITE = """
import os, sys
_dir = os.environ.get("KPITOOLS_BENCH_CPU")
if _dir:
    import atexit, json, resource
    import multiprocessing.process as _mp

    def _dump(tag):
        ru = resource.getrusage(resource.RUSAGE_SELF)
        with open(os.path.join(_dir, f"{os.getpid()}.json"), "w") as f:
            json.dump({"tag": tag, "cpu": ru.ru_utime + ru.ru_stime}, f)

    _bootstrap = _mp.BaseProcess._bootstrap

    def _recorded(self, *args, **kwargs):
        try:
            return _bootstrap(self, *args, **kwargs)
        finally:
            _dump(getattr(self._target, "__name__", "process"))

    _mp.BaseProcess._bootstrap = _recorded
    if sys.argv and os.path.basename(sys.argv[0]) == "kpitools":
        atexit.register(_dump, "parent")
"""


#: Written as ``sitecustomize`` for :func:`stamps`: each Python process of the run appends
#: when it started and when its multiprocessing target began (``_workers_main``: the
#: workers' parent has imported; ``_worker_main``: a worker was forked) to
#: ``$KPITOOLS_BENCH_STAMPS``.
STAMP_SITE = """
import os, sys, time
_file = os.environ.get("KPITOOLS_BENCH_STAMPS")
if _file:
    import json
    import multiprocessing.process as _mp

    def _stamp(event):
        with open(_file, "a") as f:
            f.write(json.dumps({"t": time.time(), "event": event}) + "\\n")

    _stamp("process")
    _bootstrap = _mp.BaseProcess._bootstrap

    def _stamped(self, *args, **kwargs):
        _stamp(getattr(self._target, "__name__", "process"))
        return _bootstrap(self, *args, **kwargs)

    _mp.BaseProcess._bootstrap = _stamped
"""


def stamps(repeat: int, workers: int | None) -> None:
    """``kpitools run --force`` (fresh kernels, bare) ``repeat`` times: when, from its start,
    its other processes started, the workers' parent had imported, the workers were forked,
    the first and last reports were done, and the command ended."""
    import json

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        site.mkdir()
        bare = 'import sys\nsys.modules["rfc3987_syntax"] = None\n'
        (site / "sitecustomize.py").write_text(bare + STAMP_SITE)
        cmd = [str(BIN / "kpitools"), "run", "--force", "--out", str(Path(tmp) / "out")]
        cmd += ["--workers", str(workers)] if workers else []
        for i in range(repeat):
            found = Path(tmp) / f"stamps{i}.jsonl"
            path = os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH", "")]))
            env = {**os.environ, "PYTHONPATH": path, "KPITOOLS_BENCH_STAMPS": str(found)}
            start = time.time()
            proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, text=True, env=env)
            done = [time.time() - start for line in proc.stdout or () if ": ok" in line]
            proc.wait()
            ended = time.time() - start
            events = [json.loads(line) for line in found.read_text().splitlines()]
            first = {}
            for e in sorted(events, key=lambda e: e["t"])[1:]:  # [0]: the command itself
                first.setdefault(e["event"], e["t"] - start)
            print(
                f"run {i + 1}: processes started {first.get('process', 0):.2f} s, workers' "
                f"parent imported {first.get('_workers_main', 0):.2f} s, workers forked "
                f"{first.get('_worker_main', 0):.2f} s, first report done {done[0]:.2f} s, "
                f"last {done[-1]:.2f} s, ended {ended:.2f} s; load average "
                f"{os.getloadavg()[0]:.1f}"
            )


def cpu_split(repeat: int, workers: int | None) -> None:
    """``kpitools run --force`` (fresh kernels) ``repeat`` times: the CPU of its processes.

    The run outside the kernels (the command, the workers' parent, the workers) apart from
    the rest (the template and the kernels forked from it), every run printed.
    """
    import json

    names = {"parent": "command", "_workers_main": "workers' parent", "_worker_main": "workers"}
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        site.mkdir()
        (site / "sitecustomize.py").write_text(CPU_SITE)
        for i in range(repeat):
            found = Path(tmp) / f"cpu{i}"
            found.mkdir()
            path = os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH", "")]))
            env = {**os.environ, "PYTHONPATH": path, "KPITOOLS_BENCH_CPU": str(found)}
            run = kpitools_run(Path(tmp) / "out", workers, shared=False, env=env)
            parts: dict[str, float] = {}
            for f in found.glob("*.json"):
                record = json.loads(f.read_text())
                label = names.get(record["tag"], record["tag"])
                parts[label] = parts.get(label, 0.0) + record["cpu"]
            outside = sum(parts.values())
            shown = ", ".join(f"{k} {v:.2f}" for k, v in sorted(parts.items()))
            print(
                f"run {i + 1}: wall {run['wall']:.1f} s, CPU {run['cpu']:.2f} s: outside the "
                f"kernels {outside:.2f} s ({shown}), template and kernels "
                f"{run['cpu'] - outside:.2f} s; load average {os.getloadavg()[0]:.1f}"
            )


def ab(old_src: Path, repeat: int, workers: int | None) -> None:
    """``kpitools run --force`` (fresh kernels, bare) with ``old_src`` and this checkout in
    turn (old, new, then new, old: a busy spell weighs on both alike); medians printed."""
    with tempfile.TemporaryDirectory() as tmp:
        bare = bare_env(Path(tmp))
        envs = {
            "old": {**bare, "PYTHONPATH": os.pathsep.join([str(old_src), bare["PYTHONPATH"]])},
            "new": bare,
        }
        runs: dict[str, list[dict[str, float]]] = {"old": [], "new": []}
        for i in range(repeat):
            for label in ("old", "new") if i % 2 == 0 else ("new", "old"):
                run = kpitools_run(Path(tmp) / "out", workers, shared=False, env=envs[label])
                runs[label].append(run)
                print(
                    f"{label}: wall {run['wall']:.2f} s, CPU {run['cpu']:.2f} s; "
                    f"load average {os.getloadavg()[0]:.1f}",
                    flush=True,
                )
        for label, done in runs.items():
            wall = statistics.median(r["wall"] for r in done)
            cpu = statistics.median(r["cpu"] for r in done)
            print(f"{label} ({len(done)} runs): median wall {wall:.2f} s, median CPU {cpu:.2f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--plain-sample",
        type=int,
        default=0,
        help="time the plain loops on this many reports and scale them up",
    )
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each kpitools mode")
    ap.add_argument(
        "--memory", action="store_true", help="peak memory with 1, 2, 3 and 4 workers (fresh)"
    )
    ap.add_argument(
        "--cpu-split",
        action="store_true",
        help="only kpitools run (fresh kernels, this environment), --repeat times: the CPU "
        "of the command, the workers' parent and the workers apart from the kernels'",
    )
    ap.add_argument(
        "--ab",
        type=Path,
        metavar="OLD_SRC",
        help="only kpitools run (fresh kernels, bare install emulated), --repeat times each: "
        "this checkout's and OLD_SRC's (e.g. a `git archive` of a commit's src) in turn",
    )
    ap.add_argument(
        "--stamps",
        action="store_true",
        help="only kpitools run (fresh kernels, bare install emulated), --repeat times: when "
        "its processes started, the workers were forked, the first and last reports were done",
    )
    args = ap.parse_args()
    if args.stamps:
        stamps(max(1, args.repeat), args.workers)
        return
    if args.cpu_split:
        cpu_split(max(1, args.repeat), args.workers)
        return
    if args.ab:
        ab(args.ab, max(1, args.repeat), args.workers)
        return
    reports = discover(ROOT / "parameters", ROOT / "notebooks")
    show(reports, *measure(args, reports), workers=args.workers)


def spread(reports: list, k: int, shift: float = 0.0) -> list:
    """``k`` of ``reports`` spread evenly over the list (all of them when ``k`` is larger).

    Reports come sorted by name, so the first few are of the heavier kinds (audit, bridge,
    city): an even spread samples the kinds in proportion (mostly ``profile`` here).
    ``shift`` (0 to 1) moves the sample along by that part of a step: the rounds of a
    benchmark time different reports.

    >>> spread(list(range(10)), 3)
    [0, 3, 6]
    >>> spread(list(range(10)), 3, shift=0.5)
    [1, 5, 8]
    >>> spread(list(range(4)), 8)
    [0, 1, 2, 3]
    """
    if k >= len(reports):
        return list(reports)
    step = len(reports) / k
    return [reports[int((i + shift) * step)] for i in range(k)]


def measure(args: argparse.Namespace, reports) -> tuple:
    """Run the plain loops and ``kpitools run`` in rounds; what :func:`show` prints.

    Each of the ``--repeat`` rounds times the plain loop (on its own sample when
    ``--plain-sample`` is given: the rounds' samples are shifted, so they time different
    reports) and then ``kpitools run`` both ways, in each environment: a ratio is taken
    from times measured a minute apart, and a slow spell of this shared machine meets
    both sides of it.
    """
    n = len(reports)
    lab = importlib.util.find_spec("rfc3987_syntax") is not None
    rounds = max(1, args.repeat)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        envs = {"bare": bare_env(tmp)}
        if lab:
            envs = {"lab": dict(os.environ), **envs}
        plain: dict[str, list[dict[str, float]]] = {label: [] for label in envs}
        plain_sizes: list[int] = []
        samples: list[list] = []
        runs: dict[str, dict[bool, list[dict[str, float]]]] = {
            label: {False: [], True: []} for label in envs
        }
        for i in range(rounds):
            sample = (
                spread(reports, args.plain_sample, i / rounds) if args.plain_sample else reports
            )
            samples.append(sample)
            for label, env in envs.items():
                folder = tmp / f"plain-{label}-{i}"
                folder.mkdir()
                cpu0 = children_cpu()
                seconds, plain_sizes = plain_loop(sample, folder, env)
                cpu = children_cpu() - cpu0
                plain[label].append(
                    {"wall": seconds * n / len(sample), "cpu": cpu * n / len(sample)}
                )
                for shared in (False, True):
                    run = kpitools_run(tmp / "kpitools", args.workers, shared=shared, env=env)
                    runs[label][shared].append(run)
        sizes = [(tmp / "kpitools" / r.html_name).stat().st_size for r in reports]
        memory = {}
        if args.memory:
            for w in (1, 2, 3, 4):
                memory[w] = kpitools_run(tmp / f"mem{w}", w, shared=False, memory=True)
    return samples, plain, lab, runs, memory, sizes, plain_sizes


def _medians(runs: dict[bool, list[dict[str, float]]]) -> dict[bool, dict[str, float]]:
    return {
        shared: {k: statistics.median(r[k] for r in runs[shared]) for k in ("wall", "cpu")}
        for shared in runs
    }


def show(reports, samples, plain, lab, runs, memory, sizes, plain_sizes, workers=None) -> None:
    n = len(reports)
    k = len(samples[0])
    scaled = "" if k == n else f" (each round on {k} reports, scaled to {n})"
    print(
        f"reports: {n}; machine: {os.cpu_count()} cores, load average "
        f"{os.getloadavg()[0]:.1f}; kpitools run with {workers or default_workers()} workers"
        + ("" if workers else " (its default)")
        + f"; {len(samples)} round(s), each: the plain loop, then kpitools run both ways"
    )
    names = {"lab": "with JupyterLab installed", "bare": "bare install (emulated)"}
    if not lab:
        print("plain loop with JupyterLab installed: not measured (rfc3987-syntax not installed)")
    for label, rounds in plain.items():
        total = statistics.median(r["wall"] for r in rounds)
        times = ", ".join(f"{r['wall']:.1f}" for r in rounds)
        print(
            f"plain papermill + nbconvert loop, {names[label]}: {total:8.1f} s{scaled}, "
            f"{total / n:.2f} s per report (median of {len(rounds)}: {times} s)"
        )
        med = _medians(runs[label])
        for mode, shared in (("fresh kernels (default)", False), ("--shared-kernel", True)):
            times = ", ".join(f"{r['wall']:.1f}" for r in runs[label][shared])
            cpus = ", ".join(f"{r['cpu']:.1f}" for r in runs[label][shared])
            wall = med[shared]["wall"]
            print(
                f"kpitools run, {names[label]}, {mode + ':':<24}{wall:6.1f} s, "
                f"{wall / n:.2f} s per report (median of {len(runs[label][shared])}: {times} s; "
                f"CPU {cpus} s)"
            )
        for mode, shared in (("fresh kernels", False), ("shared kernel", True)):
            paired = list(zip(rounds, runs[label][shared], strict=True))
            walls = [p["wall"] / r["wall"] for p, r in paired]
            cpus = [p["cpu"] / r["cpu"] for p, r in paired]
            print(
                f"ratio plain / kpitools, {names[label]}, {mode}: "
                f"{statistics.median(walls):6.1f}x (median of the rounds': "
                f"{', '.join(f'{x:.1f}' for x in walls)}); CPU time "
                f"{statistics.median(cpus):.1f}x"
            )
        fresh_s, shared_s = med[False]["wall"], med[True]["wall"]
        extra_wall = (fresh_s - shared_s) / n
        extra_cpu = (med[False]["cpu"] - med[True]["cpu"]) / n
        print(
            f"extra cost of a fresh kernel per report, {names[label]}: {extra_wall:+.3f} s wall, "
            f"{extra_cpu:+.3f} s CPU (medians; target <= 0.1 s)"
        )
    for w, m in memory.items():
        print(
            f"peak memory, {w} worker(s), fresh kernels: {m['pss']:6.0f} MB PSS, "
            f"{m['rss']:6.0f} MB RSS summed over processes"
        )
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
