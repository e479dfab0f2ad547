"""Batch runs: execute parameterized notebooks with papermill and export offline HTML.

A report is a notebook plus a set of parameters. Parameter sets come from
``parameters/<kind>-<name>.yaml`` (``<kind>`` is declared in the notebook's metadata:
``{"kpitools": {"report": "<kind>"}}``) and from the optional ``parameters/batch.yaml``,
which expands grids such as every district × year.

Starting a kernel and importing polars and Altair costs seconds; the KPI work of a report
costs a fraction of that. So each worker process starts one kernel, imports once, and runs
its reports one after another in that kernel, resetting it between reports: the user
namespace is cleared, the working directory restored and the library settings a notebook
may change (polars' display config, Altair's renderer, data transformer and theme) are
put back to their defaults. A kernel that dies is replaced.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import html
import itertools
import json
import os
import re
import shutil
import signal
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kpitools._atomic import write_text_atomic
from kpitools.errors import KpiDataError, ParameterError

TEMPLATES = Path(__file__).parent / "templates"
BATCH_FILE = "batch.yaml"
MANIFEST = ".kpitools-manifest.json"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._\-]*")
#: Parameters whose values are files the report reads (their content is part of its hash).
FILE_PARAMETERS = ("data", "units", "catalog", "text", "phrases")
#: Parameters that name a unit (checked against the registry before any kernel starts).
UNIT_PARAMETERS = ("unit", "parent")


@dataclass(frozen=True)
class Report:
    """One report to make: a notebook and the parameters that drive it."""

    name: str
    kind: str
    notebook: Path
    parameters: dict[str, Any]
    origin: Path
    title: str = ""

    @property
    def html_name(self) -> str:
        return f"{self.name}.html"


@dataclass(frozen=True)
class Outcome:
    """What happened to one report: ``status`` is ok, failed, invalid or skipped."""

    report: Report
    status: str
    seconds: float = 0.0
    html: Path | None = None
    error: str | None = None
    inputs: tuple[tuple[str, str], ...] = ()

    @property
    def ok(self) -> bool:
        return self.status in ("ok", "skipped")


# --------------------------------------------------------------------------- discovery


@dataclass(frozen=True)
class NotebookInfo:
    """A report notebook: its kind, title and declared parameters (from papermill)."""

    path: Path
    kind: str
    title: str
    parameters: dict[str, dict[str, Any]] = field(default_factory=dict)


def notebooks_by_kind(notebooks: Path) -> dict[str, NotebookInfo]:
    """Every notebook in ``notebooks`` that declares a report kind in its metadata."""
    found = {}
    for nb in sorted(notebooks.resolve().glob("*.ipynb")):
        doc = json.loads(nb.read_text(encoding="utf-8"))
        meta = doc.get("metadata", {}).get("kpitools", {})
        if "report" in meta:
            found[meta["report"]] = NotebookInfo(
                nb, meta["report"], meta.get("title", nb.stem), _declared_parameters(doc)
            )
    return found


_PARAM_LINE = re.compile(r"^(\w+)\s*(?::\s*([\w\[\], ]+?))?\s*=\s*(.+?)\s*(?:#\s*(.*))?$")


def _declared_parameters(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Names, types, defaults and help of the ``parameters`` cell (``name: type = value  # help``).

    papermill's ``inspect_notebook`` does the same, but importing papermill costs ~2 s and
    this runs before any worker starts.
    """
    import ast

    for cell in doc.get("cells", []):
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            out = {}
            for line in "".join(cell["source"]).splitlines():
                m = _PARAM_LINE.match(line.strip())
                if m:
                    name, typ, value, help_ = m.groups()
                    try:
                        default = ast.literal_eval(value)
                    except (ValueError, SyntaxError):
                        default = None
                    out[name] = {"type": (typ or "").strip(), "default": default, "help": help_}
            return out
    return {}


def _load_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ParameterError(f"{path}: not valid YAML: {exc}") from None


def _expand_batch(path: Path, kinds: dict[str, NotebookInfo]) -> Iterator[Report]:
    """Reports of a batch file: a list of ``{report, name, grid, parameters}`` entries.

    ``grid`` maps parameter names to lists; every combination is one report, named by the
    ``name`` template (``"profile-{unit}-{year}"``); ``parameters`` are shared by all.
    """
    doc = _load_yaml(path) or []
    entries = doc.get("reports", []) if isinstance(doc, dict) else doc
    if not isinstance(entries, list):
        raise ParameterError(f"{path}: expected a list of reports (or 'reports: [...]')")
    for i, entry in enumerate(entries, start=1):
        where = f"{path}, entry {i}"
        if not isinstance(entry, dict) or "report" not in entry or "name" not in entry:
            raise ParameterError(f"{where}: each entry needs 'report' (a kind) and 'name'")
        kind = entry["report"]
        if kind not in kinds:
            raise ParameterError(
                f"{where}: no notebook declares report kind {kind!r} "
                f"(known: {', '.join(sorted(kinds)) or 'none'})"
            )
        grid = entry.get("grid") or {}
        shared = entry.get("parameters") or {}
        if not isinstance(grid, dict) or not all(isinstance(v, list) for v in grid.values()):
            raise ParameterError(f"{where}: 'grid' must map parameter names to lists")
        if not isinstance(shared, dict):
            raise ParameterError(f"{where}: 'parameters' must be a mapping")
        keys = list(grid)
        for combo in itertools.product(*(grid[k] for k in keys)):
            params = {**shared, **dict(zip(keys, combo, strict=True))}
            try:
                name = str(entry["name"]).format(**params)
            except (KeyError, IndexError, ValueError) as exc:
                raise ParameterError(f"{where}: name template {entry['name']!r}: {exc}") from None
            info = kinds[kind]
            yield Report(name, kind, info.path, params, path, info.title)


def discover(parameters: Path, notebooks: Path) -> list[Report]:
    """Every report of ``parameters`` (files and batch grids), sorted by name.

    Raises ``ParameterError`` naming the file for unreadable files, unknown kinds and
    duplicate report names.
    """
    kinds = notebooks_by_kind(notebooks)
    reports: list[Report] = []
    problems: list[str] = []
    for f in sorted(parameters.glob("*.yaml")):
        if f.name == BATCH_FILE:
            try:
                reports.extend(_expand_batch(f, kinds))
            except ParameterError as exc:
                problems.append(str(exc))
            continue
        kind = f.stem.split("-", 1)[0]
        if kind not in kinds:
            problems.append(
                f"{f}: no notebook in {notebooks} declares report kind {kind!r} "
                f"(known: {', '.join(sorted(kinds)) or 'none'})"
            )
            continue
        try:
            params = _load_yaml(f) or {}
        except ParameterError as exc:
            problems.append(str(exc))
            continue
        if not isinstance(params, dict):
            problems.append(f"{f}: must be a mapping of parameter names to values")
            continue
        info = kinds[kind]
        reports.append(Report(f.stem, kind, info.path, params, f, info.title))
    seen: dict[str, Report] = {}
    for r in reports:
        if r.name in seen:
            problems.append(
                f"{r.origin}: report name {r.name!r} is also made by {seen[r.name].origin}"
            )
        seen[r.name] = r
    if problems:
        raise ParameterError("\n".join(problems))
    return sorted(reports, key=lambda r: r.name)


# --------------------------------------------------------------------------- validation

_TYPES: dict[str, tuple[type, ...]] = {
    "int": (int,),
    "float": (int, float),
    "str": (str,),
    "bool": (bool,),
    "list": (list,),
    "dict": (dict,),
}


def _effective(report: Report, info: NotebookInfo) -> dict[str, Any]:
    defaults = {k: v["default"] for k, v in info.parameters.items()}
    return {**defaults, **report.parameters}


def input_files(report: Report, info: NotebookInfo) -> list[Path]:
    """The files a report reads, resolved as the notebook will resolve them."""
    from kpitools.io import find_path

    params = _effective(report, info)
    files: list[Path] = []
    for key in FILE_PARAMETERS:
        value = params.get(key)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str | os.PathLike):
                files.append(find_path(item, start=report.notebook.parent))
    return files


def validate(report: Report, info: NotebookInfo) -> list[str]:
    """Problems of one parameter set, found before any kernel starts."""
    where = str(report.origin) + ("" if report.origin.stem == report.name else f" [{report.name}]")
    problems = []
    if not _NAME.fullmatch(report.name):
        problems.append(
            f"{where}: report name {report.name!r} would be written outside the output folder "
            "(use letters, digits, '.', '-' and '_' only)"
        )
    declared = info.parameters
    for key, value in report.parameters.items():
        if key not in declared:
            problems.append(
                f"{where}: unknown parameter {key!r} for {info.path.name} "
                f"(it takes: {', '.join(declared)})"
            )
            continue
        typ = declared[key]["type"]
        allowed = _TYPES.get(typ)
        bad = allowed is not None and (
            not isinstance(value, allowed) or (typ in ("int", "float") and isinstance(value, bool))
        )
        if bad:
            hint = ""
            if key == "unit" and isinstance(value, int):
                hint = ' (unit codes are text: write them in quotes, e.g. "017")'
            problems.append(
                f"{where}: parameter {key!r} must be {typ}, not {type(value).__name__} "
                f"{value!r}{hint}"
            )
    if problems:
        return problems
    params = _effective(report, info)
    named = [k for k in UNIT_PARAMETERS if k in params]
    try:
        input_files(report, info)
        if named and isinstance(params.get("units"), str):
            from kpitools.io import find_path
            from kpitools.names import UnknownUnitError

            registry = _registry(str(find_path(params["units"], start=report.notebook.parent)))
            for key in named:
                try:
                    registry.resolve(str(params[key]))
                except UnknownUnitError as exc:
                    problems.append(f"{where}: parameter {key!r}: {exc}")
    except (FileNotFoundError, KpiDataError) as exc:
        return [f"{where}: {exc}"]
    if params.get("lang") not in (None, "vi", "en"):
        problems.append(f"{where}: parameter 'lang' must be 'vi' or 'en', not {params['lang']!r}")
    return problems


@functools.lru_cache(maxsize=8)
def _registry(path: str) -> Any:
    from kpitools.names import read_registry

    return read_registry(path)


# --------------------------------------------------------------------------- fingerprints


def _digest(path: Path) -> str:
    from kpitools.notebook import file_digest

    return file_digest(path, length=64)


def fingerprint(report: Report, files: Sequence[Path], *, show_code: bool) -> str:
    """A hash of everything a report depends on: notebook, parameters, data, version."""
    from kpitools import __version__

    h = hashlib.sha256()
    h.update(_digest(report.notebook).encode())
    h.update(json.dumps(report.parameters, sort_keys=True, default=str).encode())
    for f in files:
        h.update(f"{f.name}:{_digest(f)}".encode())
    h.update(f"{__version__}:{show_code}".encode())
    return h.hexdigest()


# --------------------------------------------------------------------------- HTML


def cache_dir() -> Path:
    """Where kpitools keeps files it can rebuild: ``$KPITOOLS_CACHE``, else the user cache."""
    if env := os.environ.get("KPITOOLS_CACHE"):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kpitools"


@functools.lru_cache(maxsize=1)
def _vega_assets() -> tuple[str, str]:
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
def _exporters() -> tuple[Any, Any]:
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

    from kpitools import __version__

    if not isinstance(nb, nbformat.NotebookNode):
        nb = nbformat.read(nb, as_version=4)
    nb = nbformat.from_dict(nb)  # a copy: the caller's notebook keeps every cell
    # The injected-parameters cell repeats what the header says in words.
    nb.cells = [c for c in nb.cells if "injected-parameters" not in c.metadata.get("tags", [])]
    if title:
        nb.metadata["title"] = title
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
    body, _ = _exporters()[bool(show_code)].from_notebook_node(nb, resources=resources)
    return str(body)


def _footer(report: Report, inputs: Iterable[tuple[str, str]]) -> str:
    from kpitools import __version__

    e = html.escape
    files = ", ".join(f"{e(name)} (sha256 {e(digest[:12])})" for name, digest in inputs)
    stamp = time.strftime("%Y-%m-%d %H:%M %z")
    return (
        f"{e(report.title)} · {e(report.origin.name)} · data: {files or '–'} · "
        f"kpitools {e(__version__)} · {e(stamp)}"
    )


# --------------------------------------------------------------------------- workers

# jsonschema builds rfc3987-syntax's grammars when it is imported, when that package is
# installed (JupyterLab brings it): ~1 s in every process that imports Altair or nbformat
# (python-jsonschema/jsonschema#1428). Reports never check IRI formats, so workers and
# their kernels skip it.
_SKIP_SLOW_IMPORTS = 'import sys; sys.modules.setdefault("rfc3987_syntax", None)'

_WARM_UP = (
    _SKIP_SLOW_IMPORTS
    + """
import kpitools, kpitools.io, kpitools.measures, kpitools.tables, kpitools.notebook
import kpitools.charts, polars, altair
altair.Chart(polars.DataFrame({"x": [1]})).mark_point().encode(x="x")._repr_mimebundle_()
import gc
gc.collect()
gc.freeze()  # the libraries' objects live as long as the kernel: no collection walks them
"""
)

# Run before each report: a clean namespace, working directory and library settings.
_RESET = """
get_ipython().run_line_magic("reset", "-f")
import os as _kt_os, polars as _kt_pl, altair as _kt_alt
_kt_os.chdir({cwd!r})
_kt_pl.Config.restore_defaults()
_kt_alt.renderers.enable("default")
_kt_alt.data_transformers.enable("default")
_kt_alt.theme.enable("default")
del _kt_os, _kt_pl, _kt_alt
"""


class Worker:
    """One kernel that runs reports one after another (see the module docstring)."""

    def __init__(self, *, kernel_name: str = "python3", timeout: int = 600):
        self.kernel_name = kernel_name
        self.timeout = timeout
        self.km: Any = None
        self.kc: Any = None
        self._sockets = ""
        self.reports_run = 0

    def start(self) -> None:
        from jupyter_client.manager import AsyncKernelManager
        from jupyter_core.utils import run_sync

        worker = self

        class _SharedClientManager(AsyncKernelManager):
            # papermill asks the manager for a client per notebook; hand out the one
            # client this worker keeps, so no sockets pile up over a batch.
            def client(self, **kwargs: Any) -> Any:
                return worker.kc

        # ipc sockets, each kernel in a folder of its own (the default path is shared)
        self._sockets = tempfile.mkdtemp(prefix="kpitools-kernel-")
        self.km = _SharedClientManager(
            kernel_name=self.kernel_name, transport="ipc", ip=os.path.join(self._sockets, "k")
        )
        # Reports need no input history: skip IPython's SQLite writes (~5 % of kernel time).
        run_sync(self.km.start_kernel)(
            cwd=str(Path.cwd()), extra_arguments=["--HistoryManager.enabled=False"]
        )
        # While the kernel boots, import and build what every report's export needs.
        import papermill  # noqa: F401

        _vega_assets(), _exporters()
        self.kc = AsyncKernelManager.client(self.km)
        self.kc.start_channels()
        started, ready = self.kc.start_channels, self.kc.wait_for_ready
        run_sync(self._until_ready)(timeout=120)
        # nbclient starts the channels of the client it is given and waits until the kernel
        # answers, then drains IOPub until it stays quiet for 0.2 s: once per notebook.
        # Ours already run and the kernel is known to be alive before each report.
        self.kc.start_channels = lambda *a, **k: None if self.kc.channels_running else started()
        self.kc.wait_for_ready = lambda *a, **k: (
            None if self.kc.channels_running else ready(*a, **k)
        )
        self._execute(_WARM_UP)

    async def _until_ready(self, timeout: float) -> None:
        """Wait until the kernel answers on its shell and IOPub channels.

        As the client's ``wait_for_ready``, without its closing wait for IOPub to stay
        quiet for 0.2 s: replies are matched to requests, so stray messages do no harm.
        """
        import queue

        deadline = time.monotonic() + timeout
        while True:
            self.kc.kernel_info()
            with contextlib.suppress(queue.Empty):
                reply = await self.kc.shell_channel.get_msg(timeout=1)
                if reply["msg_type"] == "kernel_info_reply":
                    await self.kc.iopub_channel.get_msg(timeout=0.2)  # IOPub is connected
                    return
            if not await self.km.is_alive():
                raise RuntimeError("the kernel died while starting")
            if time.monotonic() > deadline:
                raise RuntimeError(f"the kernel did not answer within {timeout} s")

    def _execute(self, code: str) -> None:
        from jupyter_core.utils import run_sync

        reply = run_sync(self.kc.execute_interactive)(
            code, timeout=120, store_history=False, silent=True, output_hook=lambda msg: None
        )
        if reply["content"]["status"] != "ok":
            c = reply["content"]
            raise RuntimeError(f"kernel set-up failed: {c.get('ename')}: {c.get('evalue')}")

    def alive(self) -> bool:
        from jupyter_core.utils import run_sync

        return self.km is not None and bool(run_sync(self.km.is_alive)())

    def stop(self) -> None:
        from jupyter_core.utils import run_sync

        if self.kc is not None:
            self.kc.stop_channels()
        if self.km is not None and self.km.has_kernel:
            run_sync(self.km.shutdown_kernel)(now=True)
        if self._sockets:
            shutil.rmtree(self._sockets, ignore_errors=True)
        self.km = self.kc = None
        self._sockets = ""

    def restart(self) -> None:
        self.stop()
        self.start()

    def execute(self, report: Report, output: Path) -> str | None:
        """Execute one report into ``output`` (.ipynb); the error text, or None when it ran."""
        import papermill as pm

        if not self.alive():
            self.restart()
        try:
            self._execute(_RESET.format(cwd=str(report.notebook.parent)))
            pm.execute_notebook(
                str(report.notebook),
                str(output),
                parameters=report.parameters,
                kernel_name=self.kernel_name,
                progress_bar=False,
                request_save_on_cell_execute=False,
                execution_timeout=self.timeout,
                km=self.km,
            )
        except pm.PapermillExecutionError as exc:
            evalue = re.sub(r"\x1b\[[0-9;]*m", "", str(exc.evalue))
            return f"{_cell_of(report.notebook, exc.source)}: {exc.ename}: {evalue}"
        except Exception as exc:  # the kernel died or timed out: start a new one next time
            with contextlib.suppress(Exception):
                self.restart()
            return f"{type(exc).__name__}: {exc}"
        finally:
            self.reports_run += 1
        return None

    def run(self, report: Report, out: Path, *, show_code: bool, files: Sequence[Path]) -> Outcome:
        """Execute and export one report; failures are returned, never raised."""
        start = time.perf_counter()
        inputs = tuple((f.name, _digest(f)) for f in files)
        executed = out / "notebooks" / f"{report.name}.ipynb"
        executed.parent.mkdir(parents=True, exist_ok=True)
        # papermill picks its writer by extension, so the temporary name ends in .ipynb
        partial = executed.with_name(f".{executed.name}.{os.getpid()}.part.ipynb")
        error = self.execute(report, partial)
        if partial.exists():  # kept for failed reports too: it shows the failing cell
            os.replace(partial, executed)
        if error is not None:
            return Outcome(report, "failed", time.perf_counter() - start, None, error, inputs)
        try:
            page = export_html(
                executed,
                footer=_footer(report, inputs),
                show_code=show_code,
                title=f"{report.title} — {report.name}",
            )
            target = write_text_atomic(out / report.html_name, page)
        except Exception as exc:  # exporting one report must not stop the batch
            return Outcome(
                report,
                "failed",
                time.perf_counter() - start,
                None,
                f"HTML export failed: {type(exc).__name__}: {exc}",
                inputs,
            )
        return Outcome(report, "ok", time.perf_counter() - start, target, None, inputs)


def _cell_of(notebook: Path, source: str) -> str:
    """``cell N of name.ipynb`` for a cell's source, counted as the author sees the notebook."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    for i, cell in enumerate(cells, start=1):
        if "".join(cell["source"]) == source:
            return f"cell {i} of {notebook.name}"
    return f"a cell of {notebook.name}"


def _worker_main(tasks: Any, results: Any, timeout: int) -> None:
    """A worker process: one kernel, reports from ``tasks`` until ``None``, then shut down."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    exec(_SKIP_SLOW_IMPORTS)
    worker = Worker(timeout=timeout)
    try:
        try:
            worker.start()
            failure = None
        except Exception as exc:
            failure = f"could not start a kernel: {type(exc).__name__}: {exc}"
        for report, out, show_code, files in iter(tasks.get, None):
            if failure:
                results.put(Outcome(report, "failed", error=failure))
            else:
                results.put(worker.run(report, out, show_code=show_code, files=files))
    finally:
        worker.stop()


def _run_parallel(
    jobs: Sequence[tuple[Report, Path, bool, list[Path]]], n: int, timeout: int
) -> Iterator[Outcome]:
    """Run jobs on ``n`` worker processes; yield outcomes as they finish."""
    import multiprocessing
    import queue

    ctx = multiprocessing.get_context("spawn")
    tasks, results = ctx.Queue(), ctx.Queue()
    for job in jobs:
        tasks.put(job)
    for _ in range(n):
        tasks.put(None)
    procs = [ctx.Process(target=_worker_main, args=(tasks, results, timeout)) for _ in range(n)]
    for proc in procs:
        proc.start()
    pending = {job[0].name: job[0] for job in jobs}
    try:
        while pending:
            try:
                outcome = results.get(timeout=1.0)
            except queue.Empty:
                if not any(proc.is_alive() for proc in procs):
                    for report in pending.values():
                        yield Outcome(report, "failed", error="the worker process died")
                    return
                continue
            pending.pop(outcome.report.name, None)
            yield outcome
        for proc in procs:
            proc.join(timeout=10)
    finally:
        for proc in procs:
            if proc.is_alive():
                proc.terminate()
                proc.join(timeout=5)


# --------------------------------------------------------------------------- the batch


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
        _vega_assets()  # build the JavaScript bundle once, before the workers want it
    if jobs and n == 1:
        worker = Worker(timeout=timeout)
        worker.start()
        try:
            for job in jobs:
                done(worker.run(job[0], job[1], show_code=job[2], files=job[3]))
        finally:
            worker.stop()
    elif jobs:
        for outcome in _run_parallel(jobs, n, timeout):
            done(outcome)
    write_index(outcomes, out)
    order = {r.name: i for i, r in enumerate(reports)}
    return sorted(outcomes, key=lambda o: order[o.report.name])


def write_index(outcomes: Sequence[Outcome], out: Path) -> Path:
    """``index.html``: every report with its status, grouped by report kind and year."""
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
        "<title>kpitools — báo cáo / reports</title><style>"
        "body{font-family:'Noto Sans','Segoe UI',Roboto,Arial,sans-serif;max-width:1100px;"
        "margin:0 auto;padding:1rem}table{border-collapse:collapse;width:100%}"
        "td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left}"
        "tr.kt-failed td,tr.kt-invalid td{background:#fbe3d6}"
        "</style></head><body><h1>Báo cáo / Reports</h1>"
        f"<p>{ok} of {len(outcomes)} ok.</p>{''.join(sections)}</body></html>"
    )
    return write_text_atomic(out / "index.html", page)


__all__ = [
    "Outcome",
    "Report",
    "Worker",
    "discover",
    "export_html",
    "fingerprint",
    "notebooks_by_kind",
    "run_batch",
    "shard",
    "validate",
]
