"""The ``kpitools`` command.

Heavy libraries are imported only by the sub-command that needs them, so
``kpitools --help`` answers at once.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kpitools.vocab import LANGS

_BAR = 24
_EXIT_STATUS = """exit status:
  0  done: every report written or up to date; statements read; KPIs counted;
     check: every file read without problems
  1  run: a report failed or its parameters were invalid (the others still ran);
     extract --audit: a stated figure is inconsistent or truncated;
     members: the export, registry, crosswalk or targets cannot be used;
     check: a file has problems
  2  usage or input error: an unknown option; run: no reports, only parameter files
     that cannot be read or name no notebook (among others they are invalid and the
     others run), or an output folder that cannot be written; extract: a
     report text, registry, catalog or phrase file that cannot be read; check: a
     file missing or not a table, or a registry or catalog that cannot be read
  130, 143  run: interrupted by Ctrl-C or SIGTERM (unfinished reports are marked
     'interrupted' in index.html; run again to finish them)
"""


def _stop(signum: int, frame: object) -> None:
    # SIGTERM (a scheduler cancelling the job) unwinds like Ctrl-C: workers and kernels stop,
    # files in progress are removed, never left half-written, and the index marks the reports
    # not finished. The signal number travels along for the exit status (128 + 15).
    raise KeyboardInterrupt(signum)


def _reports_to_run(args: argparse.Namespace, out: Path) -> list[Any] | str:
    """The reports of ``kpitools run``, or why none can run (exit status 2)."""
    from kpitools.errors import ParameterError
    from kpitools.report.batch import check_output, shard
    from kpitools.report.discovery import discover

    if args.parameters is None:  # outside a project, and no --parameters
        return "no parameters: run inside a project (`kpitools init DIR`) or give --parameters"
    try:
        found = discover(Path(args.parameters), Path(args.notebooks))
        reports = shard(_in_language(found, args.project.lang), args.shard)
    except ParameterError as exc:
        return str(exc)
    if not reports:
        return f"no reports in {args.parameters}"
    if all(r.problem for r in reports):  # not one report can run: the input is wrong
        return "\n".join(r.problem or "" for r in reports)
    try:
        check_output(out)
    except ParameterError as exc:
        return str(exc)
    return reports


def _run(args: argparse.Namespace) -> int:
    signal.signal(signal.SIGTERM, _stop)
    from kpitools.report.batch import default_workers, run_batch
    from kpitools.report.discovery import INDEX, Outcome, notebooks_by_kind
    from kpitools.report.worker import kernel_mode

    out = Path(args.out)
    reports = _reports_to_run(args, out)
    if isinstance(reports, str):
        print(f"kpitools run: {reports}", file=sys.stderr)
        return 2
    workers = args.workers or default_workers()
    fresh = False if args.shared_kernel else None
    print(
        f"kpitools run: {len(reports)} report(s), {workers} worker(s), "
        f"kernels: {kernel_mode(fresh)} → {args.out}/",
        flush=True,
    )

    done: list[Outcome] = []
    unwritten: dict[Path, str] = {}  # the batch's own files (manifest, index) the disk refused

    def progress(i: int, n: int, o: Outcome) -> None:
        done.append(o)
        filled = round(_BAR * i / n)
        bar = "#" * filled + "-" * (_BAR - filled)
        secs = f" {o.seconds:.1f} s" if o.status in ("ok", "failed") else ""
        print(f"[{bar}] {i}/{n} {o.report.name}: {o.status}{secs}", flush=True)

    try:
        outcomes = run_batch(
            reports,
            out,
            notebooks=notebooks_by_kind(Path(args.notebooks)),
            workers=workers,
            force=args.force,
            show_code=args.show_code,
            timeout=args.timeout,
            report_timeout=args.report_timeout,
            fresh_kernels=fresh,
            progress=progress,
            unwritten=unwritten.__setitem__,
        )
    except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM through _stop: one line, no traceback
        signum = exc.args[0] if exc.args and isinstance(exc.args[0], int) else signal.SIGINT
        index = "not written" if out / INDEX in unwritten else str(out / INDEX)
        print(
            f"kpitools run: interrupted ({signal.Signals(signum).name}) with {len(done)} of "
            f"{len(reports)} report(s) done; the others are marked interrupted; index: {index}",
            file=sys.stderr,
        )
        return 128 + signum
    width = max(len(o.report.name) for o in outcomes)
    print(f"\n{'report':<{width}}  {'status':<8} {'seconds':>7}  output / error")
    for o in outcomes:
        where = str(o.html) if o.html else (o.error or "")
        print(f"{o.report.name:<{width}}  {o.status:<8} {o.seconds:>7.1f}  {where}")
    counts = {
        s: sum(o.status == s for o in outcomes) for s in ("ok", "skipped", "failed", "invalid")
    }
    for message in unwritten.values():
        print(f"kpitools run: {message}", file=sys.stderr)
    index = "not written" if out / INDEX in unwritten else str(out / INDEX)
    print(
        f"\n{counts['ok']} written, {counts['skipped']} unchanged, {counts['failed']} failed, "
        f"{counts['invalid']} invalid; index: {index}"
    )
    if getattr(args, "pdf", False) and not _pdfs(outcomes, out):
        return 1
    return 0 if all(o.ok for o in outcomes) else 1


def _pdfs(outcomes: list[Any], out: Path) -> bool:
    """``--pdf``: a PDF beside each report written or unchanged; False when none can be."""
    from kpitools.report.pdf import PdfUnavailable, write_pdfs

    pages = [out / o.report.html_name for o in outcomes if o.status in ("ok", "skipped")]
    pages = [p for p in pages if p.exists()]
    try:
        pdfs = write_pdfs(pages)
    except PdfUnavailable as exc:
        print(f"kpitools run --pdf: {exc}", file=sys.stderr)
        return False
    print(f"{len(pdfs)} PDF(s) beside the reports in {out}/")
    return True


def _in_language(reports: list[Any], lang: str) -> list[Any]:
    """The reports, those that do not set ``lang`` in the project's language."""
    import dataclasses

    from kpitools.report.discovery import notebooks_by_kind

    out, kinds = [], {}
    for r in reports:
        if r.notebook.parent not in kinds:
            kinds[r.notebook.parent] = notebooks_by_kind(r.notebook.parent)
        declared = kinds[r.notebook.parent].get(r.kind)
        default = declared.parameters.get("lang", {}).get("default") if declared else None
        if "lang" not in r.parameters and default is not None and default != lang:
            r = dataclasses.replace(r, parameters={**r.parameters, "lang": lang})
        out.append(r)
    return out


def _supports(value: str) -> frozenset[str]:
    """The kinds of support ``--support`` keeps: names of :data:`kpitools.extract.SUPPORTS`."""
    from kpitools.extract.phrases import SUPPORTS

    kinds = [k.strip() for k in value.split(",") if k.strip()]
    unknown = [k for k in kinds if k not in SUPPORTS]
    if unknown or not kinds:
        raise argparse.ArgumentTypeError(
            f"unknown kind {', '.join(map(repr, unknown)) or repr(value)}; "
            f"one or more of {', '.join(SUPPORTS)}, separated by commas"
        )
    return frozenset(kinds)


def _extract(args: argparse.Namespace) -> int:
    from kpitools.catalog import read_catalog
    from kpitools.errors import KpiDataError
    from kpitools.extract.audit import audit_statements
    from kpitools.extract.phrases import read_phrases
    from kpitools.extract.statements import extract_file, statements_frame
    from kpitools.io.dataset import find_path
    from kpitools.registry import read_registry

    try:
        registry = read_registry(find_path(args.units))
        catalog = read_catalog(find_path(args.catalog))
        phrases = read_phrases(find_path(args.phrases), catalog=catalog)
        found: list[Any] = []
        for file in args.files:
            ex = extract_file(
                file, units=registry, catalog=catalog, phrases=phrases, money=args.money
            )
            found.extend(ex.statements)
            if ex.stopped_at is not None:  # a news page's trailer: say where reading ended
                print(f"kpitools extract: {file}: {ex.stopped_at}", file=sys.stderr)
            for unread in ex.unread:  # a figure in no number format: said, not read
                print(f"kpitools extract: {file}: {unread}", file=sys.stderr)
    except (OSError, KpiDataError) as exc:
        print(f"kpitools extract: {exc}", file=sys.stderr)
        return 2
    frame = statements_frame(found)
    audit = audit_statements(frame)  # every statement read, kept or not
    read = len(found)
    if args.support is not None:  # a claim is kept by what backs it; the rest stay
        found = [s for s in found if s.support is None or s.support in args.support]
        frame = statements_frame(found)
    writers = {"json": _extract_json, "csv": _extract_csv, "table": _extract_table}
    writers[args.format](args, found, frame, audit, sys.stdout)
    verdicts = audit["verdict"].to_list()
    bad = sum(v in ("inconsistent", "truncated") for v in verdicts)
    if args.audit and args.format == "table":
        counts = ", ".join(
            f"{sum(v == k for v in verdicts)} {k}"
            for k in ("consistent", "inconsistent", "truncated", "unchecked")
        )
        listed = (
            f"{len(found)} statement(s)"
            if len(found) == read
            else f"{len(found)} of {read} statement(s) listed"
        )
        print(f"\n{listed}; {len(verdicts)} check(s): {counts}", file=sys.stdout)
    return 1 if args.audit and bad else 0


def _extract_json(
    args: argparse.Namespace, found: list[Any], frame: Any, audit: Any, out: Any
) -> None:
    import json

    records: list[dict[str, object]] = [s.to_dict() for s in found]
    if args.audit:
        checks: dict[tuple[str, int], list[dict[str, object]]] = {}
        for r in audit.iter_rows(named=True):
            check = {k: r[k] for k in ("check", "stated", "expected", "verdict", "note")}
            checks.setdefault((r["file"], r["start"]), []).append(check)
        for record in records:
            key = (str(record["file"]), int(str(record["start"])))
            record["checks"] = checks.get(key, [])
    json.dump(records, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _extract_csv(
    args: argparse.Namespace, found: list[Any], frame: Any, audit: Any, out: Any
) -> None:
    import csv
    import json

    from kpitools.extract.phrases import STATEMENT_SCHEMA

    writer = csv.writer(out, lineterminator="\n")
    if args.audit:
        writer.writerow(audit.columns)
        writer.writerows(audit.iter_rows())
        return
    names = list(found[0].to_dict()) if found else list(STATEMENT_SCHEMA)
    writer.writerow(names)
    for s in found:
        d = s.to_dict()
        writer.writerow([json.dumps(d[n]) if isinstance(d[n], list) else d[n] for n in names])


def _extract_table(
    args: argparse.Namespace, found: list[Any], frame: Any, audit: Any, out: Any
) -> None:
    from kpitools.catalog import read_catalog
    from kpitools.extract.display import audit_table, statements_table
    from kpitools.io.dataset import find_path

    catalog = read_catalog(find_path(args.catalog))  # read before: it labels the metrics
    table = statements_table(frame, lang=args.lang, catalog=catalog).frame
    head = ["#", *table.columns[:-1]]
    rows = [[str(i), *row[:-1]] for i, row in enumerate(table.iter_rows(), start=1)]
    _print_table(head, rows, out)
    for i, (file, start, end, text) in enumerate(
        frame.select("file", "start", "end", "text").iter_rows(), start=1
    ):
        print(f"{i:>3}  {file}:{start}-{end}  {text}", file=out)
    if args.audit:
        shown = audit_table(audit, lang=args.lang).frame
        print(file=out)
        _print_table(list(shown.columns), [list(r) for r in shown.iter_rows()], out)


def _print_table(head: list[str], rows: list[list[str]], out: object) -> None:
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(head)]
    for row in [head, *rows]:
        line = "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True))
        print(line.rstrip(), file=out)  # type: ignore[call-overload]


def _members(args: argparse.Namespace) -> int:
    import warnings

    from kpitools.catalog import read_catalog
    from kpitools.errors import KpiDataError
    from kpitools.io.dataset import find_path
    from kpitools.io.readers import write_kpis
    from kpitools.members.backcast import UnmappedOrganizationsError
    from kpitools.members.badrows import BadRowsWarning, MemberExportError
    from kpitools.members.count import member_kpis
    from kpitools.members.crosswalk import read_crosswalk
    from kpitools.members.privacy import suppress_small
    from kpitools.registry import read_registry

    try:
        registry = read_registry(find_path(args.units))
        years = None
        if args.years:
            first, _, last = args.years.partition("-")
            years = range(int(first), int(last or first) + 1)
        crosswalk = read_crosswalk(args.crosswalk, registry=registry) if args.crosswalk else None
        with warnings.catch_warnings():  # skipped bad rows are printed below, once
            warnings.simplefilter("ignore", BadRowsWarning)
            out = member_kpis(
                args.export,
                registry=registry,
                years=years,
                as_of=args.as_of,
                exported=args.exported,
                levels=tuple(args.levels.split(",")) if args.levels else None,
                within=[args.within] if args.within else None,
                crosswalk=crosswalk,
                structure=args.structure,
                backcast=args.backcast,
                unmapped=args.unmapped,
                targets=args.targets,
                catalog=read_catalog(find_path(args.catalog)),
                bad_rows="skip" if args.skip_bad_rows else "stop",
            )
    except MemberExportError as exc:
        print(f"kpitools members: {exc.explain('--skip-bad-rows')}", file=sys.stderr)
        return 1
    except UnmappedOrganizationsError as exc:
        print(f"kpitools members: {exc.explain('--unmapped row')}", file=sys.stderr)
        return 1
    except (KpiDataError, FileNotFoundError, ValueError) as exc:
        print(f"kpitools members: {exc}", file=sys.stderr)
        return 1
    kpis = out.kpis
    if args.min_count:
        kpis = suppress_small(kpis, threshold=args.min_count, registry=out.registry)
    if out.bad_rows:  # skipped (with --skip-bad-rows): say which, once
        print(f"kpitools members: {out.bad_rows}\nThese rows were not counted.", file=sys.stderr)
    if out.unmapped:  # counted in the unmapped row (--unmapped row): say which, by count
        orgs = sorted(out.unmapped.items(), key=lambda kv: (-kv[1], kv[0]))
        shown = ", ".join(f"{code} ({n:,})" for code, n in orgs[:5])
        print(
            f"kpitools members: {sum(out.unmapped.values()):,} members of {len(orgs):,} "
            f"organizations the map does not place are counted in the 'unmapped' row: {shown}"
            + (" …" if len(orgs) > 5 else ""),
            file=sys.stderr,
        )
    write_kpis(kpis, args.out)
    print(f"kpitools members: {kpis.height} KPI rows → {args.out}")
    return 0


def _check(args: argparse.Namespace) -> int:
    import json

    from kpitools.catalog import read_catalog
    from kpitools.errors import KpiDataError
    from kpitools.io.check import check_kpi_file
    from kpitools.io.dataset import find_path
    from kpitools.registry import read_registry

    try:
        registry = read_registry(find_path(args.units))
        catalog = read_catalog(find_path(args.catalog))
    except (OSError, KpiDataError) as exc:
        print(f"kpitools check: {exc}", file=sys.stderr)
        return 2
    checks = [
        check_kpi_file(
            file,
            registry=registry,
            catalog=catalog,
            year=args.year,
            as_of=args.as_of,
            sheet=args.sheet,
            period_start=args.period_start,
        )
        for file in args.files
    ]
    if args.format == "json":
        json.dump([c.to_dict() for c in checks], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        _check_text(checks)
    if not all(c.readable for c in checks):
        return 2
    return 0 if all(c.clean for c in checks) else 1


def _check_text(checks: list[Any]) -> None:
    def where(issue: Any) -> str:
        parts = [f"row {issue.row}"] if issue.row is not None else []
        parts += [f"column {issue.column!r}"] if issue.column is not None else []
        text = f"{', '.join(parts)}: {issue.message}" if parts else issue.message
        return text + (f" (value {issue.value!r})" if issue.value is not None else "")

    for c in checks:
        if c.clean:
            print(f"{c.file}: {c.rows} row(s); units {', '.join(c.units)}; metrics "
                  f"{', '.join(c.metrics)}; years {', '.join(map(str, c.years))}; as of "
                  f"{', '.join(d.isoformat() for d in c.as_of)}; periods "
                  f"{', '.join(f'{a} – {b}' for a, b in c.periods)}")  # fmt: skip
        else:
            state = "cannot be read" if not c.readable else f"{len(c.problems)} problem(s)"
            print(f"{c.file}: {state}")
        for note in c.notes:
            print(f"  note: {where(note)}")
        for problem in c.problems:
            print(f"  problem: {where(problem)}")
    clean = sum(c.clean for c in checks)
    unreadable = sum(not c.readable for c in checks)
    print(f"\n{len(checks)} file(s): {clean} clean, {len(checks) - clean - unreadable} with "
          f"problems, {unreadable} unreadable")  # fmt: skip


def _add_init(sub: Any) -> None:
    init = sub.add_parser(
        "init",
        help="make a project folder: kpitools.toml, data, example parameters, notebooks",
        description="Make a kpitools project in DIR (made if missing): the marker kpitools.toml "
        "(where data, parameters, notebooks and reports live; the default language), data/ with "
        "the reference data and a README of its columns, parameters/ with one example report "
        "of each kind, and notebooks/ with the report notebooks to change at will. Every "
        "kpitools command run in DIR or below it uses the project.",
    )
    init.add_argument("dir", metavar="DIR", help="the project's folder")
    init.add_argument(
        "--no-notebooks",
        action="store_true",
        help="copy no notebooks: use those installed with kpitools",
    )
    init.add_argument("--lang", choices=LANGS, default="vi", help="default language (vi)")


def _init(args: argparse.Namespace) -> int:
    from kpitools.errors import ParameterError
    from kpitools.project import init_project

    try:
        project = init_project(args.dir, notebooks=not args.no_notebooks, lang=args.lang)
    except (ParameterError, OSError) as exc:
        print(f"kpitools init: {exc}", file=sys.stderr)
        return 2
    examples = sorted(p.name for p in project.parameters.glob("*.yaml"))
    print(
        f"kpitools init: project in {project.root}\n"
        f"  data/        reference data and demo figures (data/README.md: the columns)\n"
        f"  parameters/  {', '.join(examples)}\n"
        + (
            "  notebooks/   the report notebooks\n"
            if project.notebooks is not None
            else "  notebooks:   those installed with kpitools\n"
        )
        + f"Next: cd {args.dir} && kpitools run"
    )
    return 0


def _explore(args: argparse.Namespace) -> int:
    from kpitools.errors import KpiToolsError
    from kpitools.explore.serve import DEFAULT_PORT, MissingExtraError, open_lab, serve

    chosen = {
        "data": args.files or None,
        "units": args.units,
        "catalog": args.catalog,
        "parent": args.parent,
        "metric": args.metric,
        "year": args.year,
        "unit": args.unit,
        "lang": args.lang,
    }
    try:
        if args.serve:
            return serve(
                args.notebook,
                chosen,
                port=args.port or DEFAULT_PORT,
                host=args.host,
                open_browser=not args.no_browser,
            )
        given = [k for k in ("data", "parent", "metric", "year", "unit") if chosen[k]]
        if given:
            print(
                f"kpitools explore: {', '.join(given)}: only with --serve; in JupyterLab the "
                "notebook's parameters cell sets them",
                file=sys.stderr,
            )
            return 2
        return open_lab(
            args.notebook, port=args.port, host=args.host, open_browser=not args.no_browser
        )
    except (KpiToolsError, MissingExtraError, FileNotFoundError) as exc:
        print(f"kpitools explore: {exc}", file=sys.stderr)
        return 2


def _project_defaults(args: argparse.Namespace) -> None:
    """Fill the options not given from the project the working directory lies in."""
    from kpitools.project import PROJECT_ENV, current_project

    project = current_project()
    if not project.packaged and args.command == "run":
        # its kernels find the project's files even from the installed notebooks
        os.environ[PROJECT_ENV] = str(project.root)
    args.project = project
    given = {o: getattr(args, o, "") for o in ("units", "catalog", "phrases", "notebooks")}
    installed = [o for o, value in given.items() if value is None] if project.packaged else []
    if installed:
        print(
            "kpitools: not in a kpitools project (no kpitools.toml here or above): using the "
            f"{', '.join(installed)} installed with kpitools; `kpitools init DIR` makes a project",
            file=sys.stderr,
        )
    for option in ("units", "catalog", "phrases"):
        if getattr(args, option, "") is None:
            setattr(args, option, str(getattr(project, option)))
    if getattr(args, "lang", "") is None:
        args.lang = project.lang
    if args.command == "run":
        if args.notebooks is None:
            args.notebooks = str(project.notebook_folder)
        if args.out is None:
            args.out = str(project.reports)
        if args.parameters is None and not project.packaged:
            args.parameters = str(project.parameters)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``kpitools`` command."""
    from kpitools._version import version

    parser = argparse.ArgumentParser(
        prog="kpitools",
        description="Targets against results: KPI reports from notebooks.",
        epilog=_EXIT_STATUS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"kpitools {version()}")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser(
        "run",
        help="execute every parameter set and write HTML reports",
        description="Run every report of the parameters folder (files <kind>-<name>.yaml and "
        "the grids of batch.yaml) and write self-contained HTML plus index.html.",
    )
    run.add_argument(
        "--parameters", help="folder of parameter files (default: the project's parameters)"
    )
    run.add_argument(
        "--notebooks", help="folder of the report notebooks (default: the project's notebooks)"
    )
    run.add_argument("--out", help="output folder (default: the project's reports)")
    run.add_argument(
        "--workers",
        type=int,
        default=None,
        help="parallel workers, each with its kernel (default: cores + 1)",
    )
    run.add_argument("--force", action="store_true", help="rerun reports that are up to date")
    run.add_argument("--shard", metavar="I/N", help="run only slice I of N (e.g. 2/4)")
    run.add_argument("--timeout", type=int, default=600, help="seconds per cell (default 600)")
    run.add_argument(
        "--report-timeout",
        type=float,
        default=None,
        metavar="SECONDS",
        help="seconds a whole report may take (default: no limit)",
    )
    run.add_argument(
        "--shared-kernel",
        action="store_true",
        help="run a worker's reports in one kernel, reset between them, not each in its own",
    )
    run.add_argument("--show-code", action="store_true", help="keep code cells in the HTML")
    run.add_argument(
        "--pdf",
        action="store_true",
        help="also print each report to a PDF beside it, with a local Chromium (extra: pdf)",
    )
    ext = sub.add_parser(
        "extract",
        help="read KPI statements out of report text and check its percentages",
        description="Find the KPI statements of Vietnamese report text files (actual, target, "
        "stated percentage, unit, year, as-of date) and, with --audit, check every stated "
        "percentage against its numbers. With --audit the exit status is 1 when a stated "
        "figure is inconsistent or truncated.",
    )
    ext.add_argument("files", nargs="+", metavar="FILE", help="report text files (UTF-8)")
    ext.add_argument("--format", choices=("table", "csv", "json"), default="table")
    ext.add_argument("--audit", action="store_true", help="check stated figures, worst first")
    ext.add_argument("--units", help="unit registry (default: the project's)")
    ext.add_argument("--catalog", help="metric catalog (default: the project's)")
    ext.add_argument("--phrases", help="metric wording (default: the project's)")
    ext.add_argument(
        "--money",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="read money amounts (38,7 tỷ đồng) as figures (default); --no-money masks them",
    )
    ext.add_argument("--lang", choices=LANGS, help="table language (default: the project's)")
    ext.add_argument(
        "--support",
        type=_supports,
        metavar="KINDS",
        help="list only the claims backed by these kinds, comma-separated (checked, "
        "percent_only, unconfirmed, target_only; see docs/extract.md); statements that make "
        "no claim are listed as before, and --audit still checks every statement read",
    )
    mem = sub.add_parser(
        "members",
        help="count KPIs from a member-registry export into the long table",
        description="Count admissions (with breakdowns), members at year end, removals... per "
        "unit and year from a member export (CSV, Parquet or Excel) and write them as a KPI "
        "file for the notebooks. Member ids are never printed.",
    )
    mem.add_argument("export", help="the member export (.csv, .parquet, .xlsx)")
    mem.add_argument("--out", required=True, help="KPI file to write (.csv, .parquet, .xlsx)")
    mem.add_argument("--units", help="unit registry (default: the project's)")
    mem.add_argument("--catalog", help="metric catalog (default: the project's)")
    mem.add_argument("--targets", help="targets in the long layout, joined to the counts")
    mem.add_argument("--years", help="years to count, e.g. 2019-2024")
    mem.add_argument("--as-of", help="count up to this date (e.g. 30/11/2023)")
    mem.add_argument("--exported", help="the day the export was taken")
    mem.add_argument(
        "--levels",
        help="levels to count at (default: district,city; with --backcast every level in "
        "force on its date but basic)",
    )
    mem.add_argument("--within", help="only units under this code")
    mem.add_argument(
        "--crosswalk",
        "--org-map",
        dest="crosswalk",
        help="unit-code crosswalk or organization map CSV (see docs/members.md)",
    )
    mem.add_argument("--structure", help="compare in the unit structure in force on this date")
    mem.add_argument(
        "--backcast",
        nargs="?",
        const="2025-07-01",
        metavar="DATE",
        help="count each member in the unit their basic organization belongs to on DATE "
        "(default 2025-07-01) by the --org-map, for the years before it; exact",
    )
    mem.add_argument(
        "--unmapped",
        choices=("error", "row"),
        default="error",
        help="with --backcast, organizations the map does not place: stop (error, the "
        "default) or count them in an 'unmapped' row",
    )
    mem.add_argument("--min-count", type=int, help="hide counts below this (shared reports)")
    mem.add_argument("--skip-bad-rows", action="store_true", help="count without bad rows")
    chk = sub.add_parser(
        "check",
        help="check KPI files without running a notebook",
        description="Read KPI files (CSV, Excel, Parquet; long or wide; official forms) as the "
        "notebooks do and report, per file, the rows, units, metrics, years, as-of dates and "
        "periods (first day – as-of) read, notes on how it was read (a year taken from the "
        "title, an encoding converted, ...) and every problem with its row and column. Exit "
        "status 1 when a file has problems, 2 when one is missing or not a table.",
    )
    chk.add_argument("files", nargs="+", metavar="FILE", help="KPI files (.csv, .xlsx, .parquet)")
    chk.add_argument("--units", help="unit registry (default: the project's)")
    chk.add_argument("--catalog", help="metric catalog (default: the project's)")
    chk.add_argument("--year", type=int, help="plan year of wide sheets without a year")
    chk.add_argument("--as-of", help="date of the figures (e.g. 30/11/2023)")
    chk.add_argument(
        "--period-start",
        help="first day of a wide sheet's period (e.g. 01/07/2025 for the second half of "
        "2025); default: what its title or footnote says, else 1 January",
    )
    chk.add_argument("--sheet", help="Excel sheet name (default: the first)")
    chk.add_argument("--format", choices=("text", "json"), default="text")
    exp = sub.add_parser(
        "explore",
        help="open the KPI explorer in JupyterLab, or with --serve as a web app (Voilà)",
        description="Open notebooks/explore.ipynb (the project's, else the installed one) in "
        "JupyterLab; with --serve, run it as a web app with Voilà instead: controls and "
        "charts only, no code, nothing loaded from the internet, on 127.0.0.1 and --port "
        "until Ctrl-C. FILE and the options below choose what the app shows first "
        "(--serve only; in JupyterLab the notebook's parameters cell does). Exit status 2 "
        "when a file or parameter cannot be used, the port is taken or Voilà (pip install "
        '"kpitools[serve]") or JupyterLab ("kpitools[explore]") is not installed.',
    )
    exp.add_argument("files", nargs="*", metavar="FILE", help="KPI files (default: the demo)")
    exp.add_argument("--serve", action="store_true", help="serve as a web app with Voilà")
    exp.add_argument("--port", type=int, help="port (default: 8866 with --serve)")
    exp.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to answer on (default 127.0.0.1: this machine only; 0.0.0.0 shares "
        "it with the network, WITHOUT a password)",
    )
    exp.add_argument("--no-browser", action="store_true", help="do not open a browser")
    exp.add_argument("--notebook", help="the explorer notebook (default: the project's)")
    exp.add_argument("--units", help="unit registry (default: the project's)")
    exp.add_argument("--catalog", help="metric catalog (default: the project's)")
    exp.add_argument("--parent", help="the unit whose units are explored (default: the city)")
    exp.add_argument("--metric", help="metric shown first (code or label)")
    exp.add_argument("--year", type=int, help="year shown first")
    exp.add_argument("--unit", help="unit selected first (code or name)")
    exp.add_argument("--lang", choices=LANGS, help="language (default: the project's)")
    _add_init(sub)
    args = parser.parse_args(argv)
    if args.command == "init":
        return _init(args)
    from kpitools.project import PROJECT_ENV

    before = os.environ.get(PROJECT_ENV)
    try:
        return _command(args)
    finally:  # a run sets it for its kernels; main() called in a process leaves it as it was
        if before is None:
            os.environ.pop(PROJECT_ENV, None)
        else:
            os.environ[PROJECT_ENV] = before


def _command(args: argparse.Namespace) -> int:
    """Run the parsed command (all but ``init``) in the project it is run in."""
    try:
        _project_defaults(args)
    except Exception as exc:  # a kpitools.toml that cannot be read: one line, no traceback
        from kpitools.errors import KpiToolsError

        if not isinstance(exc, KpiToolsError):
            raise
        print(f"kpitools {args.command}: {exc}", file=sys.stderr)
        return 2
    if args.command == "check":
        return _check(args)
    if args.command == "explore":
        return _explore(args)
    if args.command == "members":
        return _members(args)
    if args.command == "extract":
        try:
            return _extract(args)
        except BrokenPipeError:  # the reader (head, less) stopped reading
            sys.stderr.close()
            return 0
    return _run(args)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
