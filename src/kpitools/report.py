"""Batch runs: execute parameterized notebooks with papermill and export HTML reports.

A report is a parameter file ``parameters/<kind>-<name>.yaml``; ``<kind>`` names the
notebook whose metadata says ``{"kpitools": {"report": "<kind>"}}``. Each report is
executed into ``<out>/notebooks/<name>.ipynb`` and exported to ``<out>/<stem>.html``
with code hidden and every script inlined, so the file opens offline.
"""

from __future__ import annotations

import functools
import html
import json
import re
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from kpitools._atomic import write_text_atomic
from kpitools.errors import ParameterError

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class Report:
    """One report to make: a notebook and the parameter file that drives it."""

    name: str
    notebook: Path
    parameters_file: Path
    parameters: dict[str, object]
    title: str = ""

    @property
    def html_name(self) -> str:
        return f"{self.name}.html"


@dataclass(frozen=True)
class Outcome:
    """What happened to one report."""

    report: Report
    ok: bool
    seconds: float
    html: Path | None = None
    error: str | None = None


def notebook_kinds(notebooks: Path) -> dict[str, tuple[Path, str]]:
    """Map each report kind to its notebook and title, from the notebooks' metadata."""
    kinds: dict[str, tuple[Path, str]] = {}
    for nb in sorted(notebooks.glob("*.ipynb")):
        meta = json.loads(nb.read_text(encoding="utf-8")).get("metadata", {}).get("kpitools", {})
        if "report" in meta:
            kinds[meta["report"]] = (nb, meta.get("title", nb.stem))
    return kinds


def discover(parameters: Path, notebooks: Path) -> list[Report]:
    """Every ``<kind>-<name>.yaml`` in ``parameters`` as a report; unknown kinds are errors."""
    kinds = notebook_kinds(notebooks)
    reports, problems = [], []
    for f in sorted(parameters.glob("*.yaml")):
        kind = f.stem.split("-", 1)[0]
        if kind not in kinds:
            problems.append(
                f"{f}: no notebook in {notebooks} declares report kind {kind!r} "
                f"(known: {', '.join(sorted(kinds)) or 'none'})"
            )
            continue
        try:
            params = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            problems.append(f"{f}: not valid YAML: {exc}")
            continue
        if not isinstance(params, dict):
            problems.append(f"{f}: must be a mapping of parameter names to values")
            continue
        nb, title = kinds[kind]
        reports.append(Report(f.stem, nb, f, params, title))
    if problems:
        raise ParameterError("\n".join(problems))
    return reports


@functools.lru_cache(maxsize=1)
def _vega_assets() -> tuple[str, str]:
    """The Vega, Vega-Lite and vega-embed JavaScript, once per process."""
    import altair as alt
    import vl_convert

    vl = ".".join(alt.VEGALITE_VERSION.split(".")[:2])
    snippet = "window.vegaEmbed = vegaEmbed; window.vega = vega; window.vegaLite = vegaLite;"
    js = vl_convert.javascript_bundle(snippet, vl)
    # Altair's HTML output skips loading a library whose version VEGA_DEBUG already names.
    debug = {
        "vega_version": alt.VEGA_VERSION,
        "vegalite_version": alt.VEGALITE_VERSION,
        "vegaembed_version": alt.VEGAEMBED_VERSION,
    }
    # A closing script tag inside the bundle would end our inline <script> early.
    return json.dumps(debug), js.replace("</script", "<\\/script")


def export_html(notebook_path: Path, *, footer: str = "", show_code: bool = False) -> str:
    """Render an executed notebook as one self-contained HTML document."""
    import nbformat
    from nbconvert import HTMLExporter

    from kpitools import __version__

    nb = nbformat.read(notebook_path, as_version=4)
    # The injected-parameters cell repeats what the header says in words.
    nb.cells = [c for c in nb.cells if "injected-parameters" not in c.metadata.get("tags", [])]
    exporter = HTMLExporter(
        extra_template_basedirs=[str(TEMPLATES)],
        template_name="kpitools",
        exclude_input=not show_code,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    debug, js = _vega_assets()
    resources = {
        "kpitools": {
            "version": __version__,
            "css": (TEMPLATES / "report.css").read_text(encoding="utf-8"),
            "vega_debug": debug,
            "vega_js": js,
            "footer": footer,
        }
    }
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return body


_KERNEL_ERROR = re.compile(r"\x1b\[[0-9;]*m")


def run_report(report: Report, out: Path, *, show_code: bool = False) -> Outcome:
    """Execute one report with papermill and export it; failures are returned, not raised."""
    import papermill as pm

    from kpitools import __version__

    start = time.perf_counter()
    executed = out / "notebooks" / f"{report.name}.ipynb"
    executed.parent.mkdir(parents=True, exist_ok=True)
    error = None
    try:
        pm.execute_notebook(
            str(report.notebook),
            str(executed),
            parameters=report.parameters,
            cwd=str(report.notebook.parent),
            progress_bar=False,
            kernel_name="python3",
        )
    except pm.PapermillExecutionError as exc:
        error = f"cell {exc.exec_count}: {exc.ename}: {_KERNEL_ERROR.sub('', str(exc.evalue))}"
    except Exception as exc:  # a kernel that dies or a notebook that cannot be read
        error = f"{type(exc).__name__}: {exc}"
    target = None
    if error is None:
        stamp = time.strftime("%Y-%m-%d %H:%M %z")
        footer = f"{html.escape(report.parameters_file.name)} · kpitools {__version__} · {stamp}"
        try:
            page = export_html(executed, footer=footer, show_code=show_code)
            target = write_text_atomic(out / report.html_name, page)
        except Exception:  # exporting must not stop the batch
            error = "HTML export failed: " + traceback.format_exc(limit=3)
    return Outcome(report, error is None, time.perf_counter() - start, target, error)


def write_index(outcomes: Sequence[Outcome], out: Path) -> Path:
    """An ``index.html`` that links every report with its status."""
    e = html.escape
    rows = []
    for o in sorted(outcomes, key=lambda o: (o.report.title, o.report.name)):
        link = (
            f'<a href="{e(o.report.html_name)}">{e(o.report.name)}</a>'
            if o.ok
            else e(o.report.name)
        )
        status = "ok" if o.ok else f"failed: {e(o.error or '')}"
        rows.append(f"<tr><td>{e(o.report.title)}</td><td>{link}</td><td>{status}</td></tr>")
    page = (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>kpitools reports'
        "</title></head><body><h1>Báo cáo / Reports</h1><table><thead><tr><th>Report</th>"
        f"<th>File</th><th>Status</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        "</body></html>"
    )
    return write_text_atomic(out / "index.html", page)


def run_batch(
    reports: Sequence[Report],
    out: Path,
    *,
    show_code: bool = False,
    progress: Callable[[int, int, Outcome], None] | None = None,
) -> list[Outcome]:
    """Run every report (a failing one does not stop the others) and write the index."""
    out.mkdir(parents=True, exist_ok=True)
    outcomes = []
    for i, report in enumerate(reports, start=1):
        outcome = run_report(report, out, show_code=show_code)
        outcomes.append(outcome)
        if progress:
            progress(i, len(reports), outcome)
    write_index(outcomes, out)
    return outcomes
