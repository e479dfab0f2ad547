"""The batch: shards, the manifest of what is written, and the run of every report."""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import re
import tempfile
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from kpitools._atomic import write_error_message, write_text_atomic
from kpitools.errors import ParameterError
from kpitools.report.discovery import (
    INDEX,
    MANIFEST,
    NotebookInfo,
    Outcome,
    Report,
    input_files,
    paths_found_once,
    validate,
)
from kpitools.report.forkserver import top_imports
from kpitools.report.html import fingerprint, vega_assets, write_index
from kpitools.report.worker import Worker, Workers, kernel_mode, run_parallel

#: ``kpitools.io.dataset.SHARED_CACHE_ENV`` (a test checks), named here without importing that
#: module: it imports polars (~0.3 s), which the run's workers must not wait for.
SHARED_CACHE_ENV = "KPITOOLS_DATASET_CACHE"


def shard(reports: Sequence[Report], spec: str | None) -> list[Report]:
    """Reports of shard ``i/n`` (1-based): every n-th report by name, from the i-th.

    Examples
    --------
    >>> rs = [Report(f"r{i}", "k", Path("nb.ipynb"), {}, Path("p")) for i in range(5)]
    >>> [r.name for r in shard(rs, "2/2")]
    ['r1', 'r3']
    """
    if spec is None:
        return list(reports)
    m = re.fullmatch(r"(\d+)/(\d+)", spec)
    if not m or not 1 <= int(m.group(1)) <= int(m.group(2)):
        raise ParameterError(f"--shard must look like 1/4 (i from 1 to n), not {spec!r}")
    i, n = int(m.group(1)), int(m.group(2))
    ordered = sorted(reports, key=lambda r: r.name)
    return ordered[i - 1 :: n]


def check_output(out: Path) -> None:
    """Make ``out`` (and its ``notebooks/``) and check files can be created there.

    Raises ``ParameterError`` (the run's ``--out`` is wrong) with a one-line message
    (``cannot write to reports/: Read-only file system``), so a read-only or foreign folder
    stops a batch before any kernel starts.
    """
    for folder in (out, out / "notebooks"):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, probe = tempfile.mkstemp(prefix=".kpitools-probe.", suffix=".part", dir=folder)
            os.close(fd)
            with contextlib.suppress(FileNotFoundError):  # another shard's run cleaned it up
                os.unlink(probe)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise ParameterError(f"cannot write to {folder}{os.sep}: {reason}") from None


def _read_manifest(out: Path) -> dict[str, Any]:
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _clean_partial_files(out: Path) -> None:
    """Remove temporary files an interrupted run left (they are never read as reports)."""
    for tmp in itertools.chain(out.glob(".*.part"), out.glob("notebooks/.*.part*")):
        with contextlib.suppress(OSError):
            tmp.unlink()


def _warn(path: Path, message: str) -> None:
    warnings.warn(message, RuntimeWarning, stacklevel=4)


class _Ledger:
    """The outcomes of a batch as they come, and the manifest, saved after each report."""

    def __init__(
        self,
        out: Path,
        total: int,
        progress: Callable[[int, int, Outcome], None] | None,
        unwritten: Callable[[Path, str], None] | None,
    ) -> None:
        self.out, self.total, self.progress = out, total, progress
        self.unwritten = unwritten or _warn
        self.manifest = _read_manifest(out)
        self.outcomes: list[Outcome] = []
        self.hashes: dict[str, str] = {}
        self.manifest_error: str | None = None
        self.started_ns = time.time_ns()

    def done(self, o: Outcome) -> None:
        self.outcomes.append(o)
        if o.status in ("ok", "failed"):
            entry = {"status": o.status, "seconds": round(o.seconds, 3), "error": o.error}
            self.manifest[o.report.name] = {"hash": self.hashes.get(o.report.name), **entry}
            self.save_manifest()
        if self.progress:
            self.progress(len(self.outcomes), self.total, o)

    def save_manifest(self) -> None:
        path = self.out / MANIFEST
        try:  # the manifest only saves work next time: a disk that refuses it is no failure
            write_text_atomic(path, json.dumps(self.manifest, indent=1, sort_keys=True))
            self.manifest_error = None
        except OSError as exc:
            self.manifest_error = write_error_message(exc, path)

    def interrupted(self, reports: Sequence[Report]) -> None:
        """Mark what did not finish; keep what did, even if the interrupt beat its record.

        An interrupt can land after a report's page is renamed into place and before its
        outcome (or the manifest) is saved: a page written by this run (its hash known, its
        mtime after the start) counts as done, so the index and the next run agree with disk.
        """
        finished = {o.report.name for o in self.outcomes}
        for r in reports:
            if r.name in finished:
                continue
            html = self.out / r.html_name
            try:
                written = html.stat().st_mtime_ns >= self.started_ns
            except OSError:
                written = False
            if written and r.name in self.hashes:
                self.outcomes.append(Outcome(r, "ok", 0.0, html))
                entry = {"status": "ok", "seconds": 0.0, "error": None}
                self.manifest[r.name] = {"hash": self.hashes[r.name], **entry}
            else:
                self.outcomes.append(Outcome(r, "interrupted"))
        self.save_manifest()

    def close(self) -> None:
        """Write the index; say which of the batch's own files the disk refused."""
        if self.manifest_error:
            self.unwritten(self.out / MANIFEST, self.manifest_error)
        try:
            write_index(self.outcomes, self.out)
        except OSError as exc:
            self.unwritten(self.out / INDEX, write_error_message(exc, self.out / INDEX))


def _plan(
    reports: Sequence[Report],
    ledger: _Ledger,
    *,
    notebooks: dict[str, NotebookInfo],
    force: bool,
    show_code: bool,
) -> list[tuple[Report, Path, bool, list[Path]]]:
    """Validate every report and skip those up to date; the jobs to run."""
    out, jobs = ledger.out, []
    with paths_found_once():  # the reports name the same few files
        for report in reports:
            info = notebooks.get(report.kind)
            if report.problem is not None or info is None:  # found so by discover
                problem = report.problem or f"no notebook declares report kind {report.kind!r}"
                ledger.done(Outcome(report, "invalid", error=problem))
                continue
            problems = validate(report, info)
            if problems:
                ledger.done(Outcome(report, "invalid", error="; ".join(problems)))
                continue
            files = input_files(report, info)
            digest = fingerprint(report, files, show_code=show_code)
            ledger.hashes[report.name] = digest
            previous = ledger.manifest.get(report.name, {})
            if (
                not force
                and previous.get("hash") == digest
                and previous.get("status") == "ok"
                and (out / report.html_name).exists()
            ):
                ledger.done(Outcome(report, "skipped", 0.0, out / report.html_name))
                continue
            jobs.append((report, out, show_code, files))
    return jobs


def default_workers() -> int:
    """How many workers a run starts when not told: one more than the machine has cores.

    A worker and its kernel take turns (the worker sends a cell, the kernel runs it and
    sends its outputs back), so one worker per core leaves a core idle at each hand-over:
    on two cores about a tenth of the run. A third worker fills those gaps: measured on the
    bundled batch, 8 runs each, alternately, idle CPU fell from 11 % to 6 % and the run took
    6 % less time at the same CPU, for ~60 MB more memory (docs/performance.md).

    >>> default_workers() == (os.cpu_count() or 1) + 1
    True
    """
    return (os.cpu_count() or 1) + 1


def _run_jobs(
    jobs: list[tuple[Report, Path, bool, list[Path]]],
    ledger: _Ledger,
    *,
    workers: int | None,
    timeout: int,
    report_timeout: float | None = None,
    fresh: bool | None = None,
    started: Workers | None = None,
) -> None:
    """Run ``jobs`` on ``started`` workers, or on workers started now (one: in this process)."""
    if not jobs:
        return
    expected = kernel_mode(fresh)

    def told(mode: str) -> None:  # a worker whose template could not serve says why
        if mode != expected:
            warnings.warn(f"a worker runs its reports in kernels: {mode}", RuntimeWarning, 2)

    n = max(1, min(workers or default_workers(), len(jobs)))
    if started is not None:
        for outcome in started.run(jobs, told):
            ledger.done(outcome)
        return
    vega_assets()  # build the JavaScript bundle once, before the workers want it
    modules = _modules(job[0] for job in jobs)
    if n > 1:
        for outcome in run_parallel(jobs, n, timeout, modules, report_timeout, fresh, told):
            ledger.done(outcome)
        return
    worker = Worker(timeout=timeout, modules=modules, report_timeout=report_timeout, fresh=fresh)
    worker.start()
    told(worker.mode)
    try:
        for report, out, show_code, files in jobs:
            ledger.done(worker.run(report, out, show_code=show_code, files=files))
    finally:
        worker.stop()


def _modules(reports: Iterable[Report]) -> list[str]:
    """What the reports' notebooks import at their top: the run's template imports it once."""
    return top_imports(dict.fromkeys(r.notebook for r in reports))


def _likely(
    reports: Sequence[Report], ledger: _Ledger, notebooks: dict[str, NotebookInfo], force: bool
) -> list[Report]:
    """The reports that will run, as far as can be told before their checks.

    All that name a notebook when ``force`` or when one of them was not written by an
    earlier run; else none (a run with nothing to do starts no process before its checks).
    """
    named = [r for r in reports if r.problem is None and r.kind in notebooks]
    done = ledger.manifest
    if force or any(
        done.get(r.name, {}).get("status") != "ok" or not (ledger.out / r.html_name).exists()
        for r in named
    ):
        return named
    return []


@contextlib.contextmanager
def _started_early(
    likely: Sequence[Report],
    *,
    workers: int | None,
    timeout: int,
    report_timeout: float | None,
    fresh: bool | None,
) -> Iterator[Workers | None]:
    """Within: the run's worker processes and template, started before the reports' checks.

    They import and warm up (~1 s of CPU each) while this process checks the reports and
    their data (~0.3 s: it imports polars), so a run's first kernel comes ~0.3 s sooner.
    None where one worker or none will run (the checks first, as before). Whatever the
    checks leave to run goes to them; when nothing does, they are ended at once.
    """
    n = min(workers or default_workers(), len(likely))
    if n < 2:
        yield None
        return
    started = Workers(n, timeout, _modules(likely), report_timeout, fresh)
    try:
        yield started
    finally:
        started.end()


@contextlib.contextmanager
def _shared_datasets() -> Iterator[None]:
    """For the run, a private folder where the kernels keep the datasets they read.

    A fresh kernel per report would read the run's data files again for every report; the
    first kernel to read a file keeps the parsed dataset there (kernels that start meanwhile
    wait for it rather than read the files too) and the others load it in milliseconds
    (see ``kpitools.io.dataset.SHARED_CACHE_ENV``). The folder is removed with the run.
    """
    if os.environ.get(SHARED_CACHE_ENV):  # a caller's own folder: keep it
        yield
        return
    with tempfile.TemporaryDirectory(prefix="kpitools-datasets-") as folder:
        os.environ[SHARED_CACHE_ENV] = folder
        try:
            yield
        finally:
            os.environ.pop(SHARED_CACHE_ENV, None)


def run_batch(
    reports: Sequence[Report],
    out: Path,
    *,
    notebooks: dict[str, NotebookInfo],
    workers: int | None = None,
    force: bool = False,
    show_code: bool = False,
    timeout: int = 600,
    report_timeout: float | None = None,
    fresh_kernels: bool | None = None,
    progress: Callable[[int, int, Outcome], None] | None = None,
    unwritten: Callable[[Path, str], None] | None = None,
) -> list[Outcome]:
    """Validate, then run every report in parallel; write the index and the manifest.

    Invalid parameter sets are not run (status ``invalid``); reports whose notebook,
    parameters and data are unchanged since the last run are ``skipped`` unless ``force``;
    a failing report does not stop the others.

    Every file is written under a temporary name and renamed when complete. A write the disk
    refuses (full, read-only, no permission) fails that report with a one-line reason
    (``no space left on device writing reports/x.html``); a manifest or index it refuses is
    passed to ``unwritten(path, reason)`` (default: a ``RuntimeWarning``) and the batch goes
    on. An output folder that cannot be written raises ``ParameterError`` before any
    kernel starts.

    Each report runs in a fresh kernel (forked from a warm template where ``fork()`` exists,
    see :func:`~kpitools.report.worker.kernel_mode`); ``fresh_kernels=False`` runs them one
    after another in one kernel per worker, reset between reports (faster where reports
    read the same data, but what a report changes beyond the reset reaches the next);
    None: ``KPITOOLS_FRESH_KERNELS`` (``0`` or ``1``) or fresh. A worker that cannot fork
    its kernels warns (``RuntimeWarning``) and starts each one as papermill does.
    ``timeout`` limits each cell and ``report_timeout`` a whole report, in seconds; a
    report that runs out of either, or whose kernel dies, fails naming the cell it was in,
    and its executed notebook is kept up to that cell. On ``KeyboardInterrupt`` the index
    is written with the reports not finished marked ``interrupted``, the temporary files of
    the reports being written are removed, and the interrupt goes on.
    """
    check_output(out)
    _clean_partial_files(out)
    ledger = _Ledger(out, len(reports), progress, unwritten)
    try:
        likely = _likely(reports, ledger, notebooks, force)
        with (
            _shared_datasets(),
            _started_early(
                likely,
                workers=workers,
                timeout=timeout,
                report_timeout=report_timeout,
                fresh=fresh_kernels,
            ) as started,
        ):
            jobs = _plan(reports, ledger, notebooks=notebooks, force=force, show_code=show_code)
            _run_jobs(
                jobs,
                ledger,
                workers=workers,
                timeout=timeout,
                report_timeout=report_timeout,
                fresh=fresh_kernels,
                started=started,
            )
    except KeyboardInterrupt:
        # the workers have ended (terminated, then reaped): the temporary file one was
        # writing when it was stopped goes now, not at the next run
        _clean_partial_files(out)
        ledger.interrupted(reports)
        ledger.close()
        raise
    ledger.close()
    order = {r.name: i for i, r in enumerate(reports)}
    return sorted(ledger.outcomes, key=lambda o: order[o.report.name])
