"""The batch: shards, the manifest of what is written, and the run of every report."""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from kpitools._atomic import write_text_atomic
from kpitools.errors import ParameterError
from kpitools.report.discovery import MANIFEST, NotebookInfo, Outcome, Report, input_files, validate
from kpitools.report.html import fingerprint, vega_assets, write_index
from kpitools.report.worker import Worker, run_parallel


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


def run_batch(
    reports: Sequence[Report],
    out: Path,
    *,
    notebooks: dict[str, NotebookInfo],
    workers: int | None = None,
    force: bool = False,
    show_code: bool = False,
    timeout: int = 600,
    progress: Callable[[int, int, Outcome], None] | None = None,
) -> list[Outcome]:
    """Validate, then run every report in parallel; write the index and the manifest.

    Invalid parameter sets are not run (status ``invalid``); reports whose notebook,
    parameters and data are unchanged since the last run are ``skipped`` unless ``force``;
    a failing report does not stop the others.
    """
    out.mkdir(parents=True, exist_ok=True)
    _clean_partial_files(out)
    manifest = _read_manifest(out)
    outcomes: list[Outcome] = []
    jobs: list[tuple[Report, Path, bool, list[Path]]] = []
    hashes: dict[str, str] = {}
    total = len(reports)

    def done(o: Outcome) -> None:
        outcomes.append(o)
        if o.status in ("ok", "failed"):
            entry = {"status": o.status, "seconds": round(o.seconds, 3), "error": o.error}
            manifest[o.report.name] = {"hash": hashes.get(o.report.name), **entry}
            write_text_atomic(out / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True))
        if progress:
            progress(len(outcomes), total, o)

    for report in reports:
        info = notebooks[report.kind]
        problems = validate(report, info)
        if problems:
            done(Outcome(report, "invalid", error="; ".join(problems)))
            continue
        files = input_files(report, info)
        digest = fingerprint(report, files, show_code=show_code)
        hashes[report.name] = digest
        previous = manifest.get(report.name, {})
        if (
            not force
            and previous.get("hash") == digest
            and previous.get("status") == "ok"
            and (out / report.html_name).exists()
        ):
            done(Outcome(report, "skipped", 0.0, out / report.html_name))
            continue
        jobs.append((report, out, show_code, files))

    n = max(1, min(workers or os.cpu_count() or 1, len(jobs) or 1))
    if jobs:
        vega_assets()  # build the JavaScript bundle once, before the workers want it
    if jobs and n == 1:
        worker = Worker(timeout=timeout)
        worker.start()
        try:
            for job in jobs:
                done(worker.run(job[0], job[1], show_code=job[2], files=job[3]))
        finally:
            worker.stop()
    elif jobs:
        for outcome in run_parallel(jobs, n, timeout):
            done(outcome)
    write_index(outcomes, out)
    order = {r.name: i for i, r in enumerate(reports)}
    return sorted(outcomes, key=lambda o: order[o.report.name])
