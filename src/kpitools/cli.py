"""The ``kpitools`` command. Heavy libraries are imported only by the sub-command that needs
them, so ``kpitools --help`` answers at once."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

_BAR = 24


def _stop(signum: int, frame: object) -> None:
    # SIGTERM (a scheduler cancelling the job) unwinds like Ctrl-C: workers and kernels stop,
    # and files in progress are removed, never left half-written.
    raise KeyboardInterrupt


def _run(args: argparse.Namespace) -> int:
    signal.signal(signal.SIGTERM, _stop)
    from kpitools.errors import ParameterError
    from kpitools.report import Outcome, discover, notebooks_by_kind, run_batch, shard

    try:
        reports = shard(discover(Path(args.parameters), Path(args.notebooks)), args.shard)
    except ParameterError as exc:
        print(f"kpitools run: {exc}", file=sys.stderr)
        return 2
    if not reports:
        print(f"kpitools run: no reports in {args.parameters}", file=sys.stderr)
        return 2
    workers = args.workers or os.cpu_count() or 1
    print(f"kpitools run: {len(reports)} report(s), {workers} worker(s) → {args.out}/", flush=True)

    def progress(i: int, n: int, o: Outcome) -> None:
        filled = round(_BAR * i / n)
        bar = "#" * filled + "-" * (_BAR - filled)
        secs = f" {o.seconds:.1f} s" if o.status in ("ok", "failed") else ""
        print(f"[{bar}] {i}/{n} {o.report.name}: {o.status}{secs}", flush=True)

    outcomes = run_batch(
        reports,
        Path(args.out),
        notebooks=notebooks_by_kind(Path(args.notebooks)),
        workers=workers,
        force=args.force,
        show_code=args.show_code,
        timeout=args.timeout,
        progress=progress,
    )
    width = max(len(o.report.name) for o in outcomes)
    print(f"\n{'report':<{width}}  {'status':<8} {'seconds':>7}  output / error")
    for o in outcomes:
        where = str(o.html) if o.html else (o.error or "")
        print(f"{o.report.name:<{width}}  {o.status:<8} {o.seconds:>7.1f}  {where}")
    counts = {
        s: sum(o.status == s for o in outcomes) for s in ("ok", "skipped", "failed", "invalid")
    }
    print(
        f"\n{counts['ok']} written, {counts['skipped']} unchanged, {counts['failed']} failed, "
        f"{counts['invalid']} invalid; index: {Path(args.out) / 'index.html'}"
    )
    return 0 if all(o.ok for o in outcomes) else 1


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``kpitools`` command."""
    from kpitools import __version__

    parser = argparse.ArgumentParser(
        prog="kpitools", description="Targets against results: KPI reports from notebooks."
    )
    parser.add_argument("--version", action="version", version=f"kpitools {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser(
        "run",
        help="execute every parameter set and write HTML reports",
        description="Run every report of the parameters folder (files <kind>-<name>.yaml and "
        "the grids of batch.yaml) and write self-contained HTML plus index.html.",
    )
    run.add_argument("--parameters", default="parameters", help="folder of parameter files")
    run.add_argument("--notebooks", default="notebooks", help="folder of the report notebooks")
    run.add_argument("--out", default="reports", help="output folder (default: reports)")
    run.add_argument("--workers", type=int, default=None, help="parallel kernels (default: cores)")
    run.add_argument("--force", action="store_true", help="rerun reports that are up to date")
    run.add_argument("--shard", metavar="I/N", help="run only slice I of N (e.g. 2/4)")
    run.add_argument("--timeout", type=int, default=600, help="seconds per cell (default 600)")
    run.add_argument("--show-code", action="store_true", help="keep code cells in the HTML")
    args = parser.parse_args(argv)
    return _run(args)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
