"""Offline HTML: fingerprints, export of an executed notebook, the index of a batch."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import html
import json
import os
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from kpitools._atomic import write_text_atomic
from kpitools.report.discovery import Outcome, Report

TEMPLATES = Path(__file__).parent / "templates"


def fingerprint(report: Report, files: Sequence[Path], *, show_code: bool) -> str:
    """A hash of everything a report depends on: notebook, parameters, data, version."""
    from kpitools._version import version
    from kpitools.display import file_digest  # imports polars: not before a report runs

    h = hashlib.sha256()
    h.update(file_digest(report.notebook, length=64).encode())
    h.update(json.dumps(report.parameters, sort_keys=True, default=str).encode())
    for f in files:
        h.update(f"{f.name}:{file_digest(f, length=64)}".encode())
    h.update(f"{version()}:{show_code}".encode())
    return h.hexdigest()


def cache_dir() -> Path:
    """Where kpitools keeps files it can rebuild: ``$KPITOOLS_CACHE``, else the user cache."""
    if env := os.environ.get("KPITOOLS_CACHE"):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kpitools"


@functools.lru_cache(maxsize=1)
def vega_assets() -> tuple[str, str]:
    """The Vega, Vega-Lite and vega-embed JavaScript, built once per machine and version.

    Returns the ``VEGA_DEBUG`` object (as JSON) that tells Altair's HTML output the
    libraries are already loaded, and the bundle. A cache hit imports neither Altair nor
    vl-convert.
    """
    from importlib.metadata import version

    key = f"{version('altair')}-{version('vl-convert-python')}"
    cached = cache_dir() / f"vega-bundle-{key}.json"
    try:
        assets = json.loads(cached.read_text(encoding="utf-8"))
        debug, js = assets["debug"], assets["js"]
    except (OSError, ValueError, KeyError):
        import altair as alt
        import vl_convert

        debug = {
            "vega_version": alt.VEGA_VERSION,
            "vegalite_version": alt.VEGALITE_VERSION,
            "vegaembed_version": alt.VEGAEMBED_VERSION,
        }
        vl = ".".join(alt.VEGALITE_VERSION.split(".")[:2])
        snippet = "window.vegaEmbed = vegaEmbed; window.vega = vega; window.vegaLite = vegaLite;"
        # bundling takes ~1 s; keep the result (a cache that cannot be written is no error)
        js = vl_convert.javascript_bundle(snippet, vl)
        with contextlib.suppress(OSError):
            write_text_atomic(cached, json.dumps({"debug": debug, "js": js}))
    # A closing script tag inside the bundle would end our inline <script> early.
    return json.dumps(debug), js.replace("</script", "<\\/script")


@functools.lru_cache(maxsize=1)
def exporters() -> tuple[Any, Any]:
    """The two nbconvert HTML exporters (code hidden, code shown), built once per process."""
    from nbconvert import HTMLExporter

    def make(show_code: bool) -> Any:
        return HTMLExporter(
            extra_template_basedirs=[str(TEMPLATES)],
            template_name="kpitools",
            exclude_input=not show_code,
            exclude_input_prompt=True,
            exclude_output_prompt=True,
        )

    return make(False), make(True)


def export_html(nb: Any, *, footer: str = "", show_code: bool = False, title: str = "") -> str:
    """Render an executed notebook (a path or a NotebookNode) as one self-contained page."""
    import nbformat

    from kpitools._version import version
    from kpitools.display import stylesheet

    if not isinstance(nb, nbformat.NotebookNode):
        nb = nbformat.read(nb, as_version=4)
    nb = nbformat.from_dict(nb)  # a copy: the caller's notebook keeps every cell
    # The injected-parameters cell repeats what the header says in words.
    nb.cells = [c for c in nb.cells if "injected-parameters" not in c.metadata.get("tags", [])]
    if title:
        nb.metadata["title"] = title
    debug, js = vega_assets()
    resources = {
        "kpitools": {
            "version": version(),
            "css": stylesheet(),
            "vega_debug": debug,
            "vega_js": js,
            "footer": footer,
        }
    }
    body, _ = exporters()[bool(show_code)].from_notebook_node(nb, resources=resources)
    return str(body)


def footer_html(report: Report, inputs: Iterable[tuple[str, str]]) -> str:
    """The footer of a report: which data and parameters made it, and with which kpitools."""
    from kpitools._version import version

    e = html.escape
    files = ", ".join(f"{e(name)} (sha256 {e(digest[:12])})" for name, digest in inputs)
    stamp = time.strftime("%Y-%m-%d %H:%M %z")
    return (
        f"{e(report.title)} · {e(report.origin.name)} · data: {files or '–'} · "
        f"kpitools {e(version())} · {e(stamp)}"
    )


def write_index(outcomes: Sequence[Outcome], out: Path) -> Path:
    """``index.html``: every report with its status, grouped by report kind and year."""
    from kpitools.display import stylesheet

    e = html.escape
    groups: dict[tuple[str, str], list[Outcome]] = {}
    for o in outcomes:
        year = o.report.parameters.get("year", "")
        groups.setdefault((o.report.title, str(year)), []).append(o)
    sections = []
    for (title, year), items in sorted(groups.items()):
        rows = []
        for o in sorted(items, key=lambda o: o.report.name):
            params = ", ".join(f"{k} = {v}" for k, v in o.report.parameters.items())
            link = (
                f'<a href="{e(o.report.html_name)}">{e(o.report.name)}</a>'
                if o.html is not None
                else e(o.report.name)
            )
            status = e(o.status) + (f": {e(o.error)}" if o.error else "")
            rows.append(
                f'<tr class="kt-{e(o.status)}"><td>{link}</td><td>{e(params)}</td>'
                f"<td>{status}</td></tr>"
            )
        heading = f"{e(title)}" + (f" — {e(year)}" if year else "")
        sections.append(
            f"<section><h2>{heading}</h2><table><thead><tr><th>Báo cáo / Report</th>"
            "<th>Tham số / Parameters</th><th>Trạng thái / Status</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></section>"
        )
    ok = sum(o.ok for o in outcomes)
    page = (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>kpitools — báo cáo / reports</title><style>{stylesheet()}</style></head>"
        '<body class="kt-page kt-index"><h1>Báo cáo / Reports</h1>'
        f"<p>{ok} of {len(outcomes)} ok.</p>{''.join(sections)}</body></html>"
    )
    return write_text_atomic(out / "index.html", page)
