"""The ``kpitools`` command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path


def _run(args: argparse.Namespace) -> int:
    from kpitools.errors import ParameterError
    from kpitools.report import Outcome, discover, run_batch

    try:
        reports = discover(Path(args.parameters), Path(args.notebooks))
    except ParameterError as exc:
        print(f"kpitools run: {exc}", file=sys.stderr)
        return 2
    if not reports:
        print(f"kpitools run: no parameter files in {args.parameters}", file=sys.stderr)
        return 2
    print(f"kpitools run: {len(reports)} report(s) → {args.out}/", flush=True)

    def progress(i: int, n: int, o: Outcome) -> None:
        mark = "ok" if o.ok else "FAILED"
        print(f"[{i}/{n}] {o.report.name}: {mark} ({o.seconds:.1f} s)", flush=True)

    outcomes = run_batch(reports, Path(args.out), show_code=args.show_code, progress=progress)
    failed = [o for o in outcomes if not o.ok]
    total = sum(o.seconds for o in outcomes)
    print(f"\n{'report':<32} {'status':<8} {'seconds':>8}  output / error")
    for o in outcomes:
        where = str(o.html) if o.ok else (o.error or "").splitlines()[0]
        print(f"{o.report.name:<32} {'ok' if o.ok else 'FAILED':<8} {o.seconds:>8.1f}  {where}")
    print(
        f"\n{len(outcomes) - len(failed)} written, {len(failed)} failed in {total:.1f} s; "
        f"index: {Path(args.out) / 'index.html'}"
    )
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``kpitools`` command."""
    from kpitools import __version__

    parser = argparse.ArgumentParser(
        prog="kpitools", description="Targets against results: KPI reports from notebooks."
    )
    parser.add_argument("--version", action="version", version=f"kpitools {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="execute every parameter set and write HTML reports")
    run.add_argument("--parameters", default="parameters", help="folder of <kind>-<name>.yaml")
    run.add_argument("--notebooks", default="notebooks", help="folder of the report notebooks")
    run.add_argument("--out", default="reports", help="output folder (default: reports)")
    run.add_argument("--show-code", action="store_true", help="keep code cells in the HTML")
    args = parser.parse_args(argv)
    return _run(args)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
