"""Workers: reports run one after another, each in a fresh kernel (forked from a template).

See :func:`kernel_mode` for the ways a worker can run its reports: a fresh kernel forked
from its warm template (the default where ``fork()`` exists), a fresh kernel started as
papermill starts one, or one shared kernel reset between reports (``--shared-kernel``).
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

from kpitools._atomic import is_write_error, write_error_message, write_text_atomic
from kpitools.report.discovery import Outcome, Report
from kpitools.report.forkserver import (
    ForkedProcess,
    Template,
    TemplateClient,
    _TemplateError,
    fork_provisioner,
    fork_unavailable,
    forkable,
    without_threads,
)
from kpitools.report.html import export_html, exporters, file_digest, footer_html, vega_assets

# jsonschema builds rfc3987-syntax's grammars when it is imported, when that package is
# installed (JupyterLab brings it): ~1 s in every process that imports Altair or nbformat
# (python-jsonschema/jsonschema#1428). Reports never check IRI formats, so workers and
# their kernels skip it.
_SKIP_SLOW_IMPORTS = 'import sys; sys.modules.setdefault("rfc3987_syntax", None)'

#: Whether each report runs in a fresh kernel (forked from a warm template where the system
#: allows it) rather than in the worker's one kernel, reset between reports (``--shared-kernel``).
#: ``KPITOOLS_FRESH_KERNELS=0`` (or ``1``) chooses for a run when the caller does not.
FRESH_KERNELS = True


def fresh_kernels() -> bool:
    """Whether reports run in fresh kernels (:data:`FRESH_KERNELS`, or the environment's say)."""
    value = os.environ.get("KPITOOLS_FRESH_KERNELS", "").strip()
    return FRESH_KERNELS if value not in ("0", "1") else value == "1"


def kernel_mode(fresh: bool | None = None) -> str:
    """How a worker will run reports: ``forked``, ``fresh (<why not forked>)`` or ``shared``.

    ``forked``: a fresh kernel per report, forked from the worker's warm template;
    ``fresh``: a fresh kernel per report, started as papermill starts one (where ``fork()`` is
    missing); ``shared``: one kernel per worker, reset between reports. A worker whose
    template cannot serve falls back to ``fresh`` and says so (:attr:`Worker.mode`).
    """
    if not (fresh_kernels() if fresh is None else fresh):
        return "shared"
    reason = fork_unavailable()
    return "forked" if reason is None else f"fresh ({reason})"


# The reused kernel (FRESH_KERNELS false): libraries imported once, the namespace, working
# directory and a few library settings reset before each report.
_WARM_UP = (
    _SKIP_SLOW_IMPORTS
    + """
import kpitools, kpitools.io, kpitools.measures, kpitools.tables, kpitools.display
import kpitools.charts, polars, altair
altair.Chart(polars.DataFrame({"x": [1]})).mark_point().encode(x="x")._repr_mimebundle_()
import gc
gc.collect()
gc.freeze()  # the libraries' objects live as long as the kernel: no collection walks them
"""
)

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

#: What nbclient (papermill's executor) gives every kernel it starts: input history kept
#: in memory, so ``In`` and ``_i`` work and nothing is written to disk.
_KERNEL_ARGUMENTS = ["--HistoryManager.hist_file=:memory:"]


@functools.lru_cache(maxsize=1)
def _manager_class() -> Any:
    from jupyter_client.manager import AsyncKernelManager

    class SharedClientManager(AsyncKernelManager):
        """Hands papermill the one client the worker already connected to the kernel."""

        shared_client: Any = None

        def client(self, **kwargs: Any) -> Any:
            return self.shared_client

        def own_client(self) -> Any:
            # on the worker's zmq context: a client's own context would start two threads
            # for each report and wait for them at its end (~8 ms a report)
            return AsyncKernelManager.client(self, context=self.context)

    return SharedClientManager


class Worker:
    """Runs reports one after another, each in a fresh kernel (see the module docstring).

    With a template (``fork`` true where the system allows it) each kernel is forked from
    it; otherwise each report starts a kernel of its own, and :attr:`mode` says why.
    """

    def __init__(
        self,
        *,
        kernel_name: str = "python3",
        timeout: int = 600,
        fork: bool = True,
        modules: Sequence[str] = (),
        fresh: bool | None = None,
        report_timeout: float | None = None,
        template: str | None = None,
    ):
        self.kernel_name = kernel_name
        #: the address of the run's template (shared by its workers), or None: one of its own
        self.template_address = template
        self.timeout = timeout
        self.fork = fork
        self.fresh = fresh_kernels() if fresh is None else fresh
        #: seconds a whole report may take (None: no limit)
        self.report_timeout = report_timeout
        self._timed_out: Any = None
        self.modules = list(modules)
        self.template: Template | None = None
        self.mode = ""
        self.km: Any = None
        self.kc: Any = None
        self._cwd: Path | None = None
        self._kernel: str = kernel_name
        self._context: Any = None
        self._sockets = ""
        #: the notebook the last report executed to its end, as written (None otherwise)
        self.executed: Any = None

    # ----------------------------------------------------------------- the worker

    def start(self) -> None:
        """Start the template (or find that there is none) and a kernel for the first report."""
        import zmq.asyncio

        reason = fork_unavailable() if self.fork else "forking was turned off"
        template: Template | None = None
        if reason is None and self.fresh:
            address = self.template_address
            template = TemplateClient(address) if address else Template(self.modules)
            try:
                template.launch()
            except _TemplateError as exc:
                reason, template = str(exc), None
        # While the template imports, import and build what every report's export needs.
        _import_papermill()
        _warm_export()
        if template is not None:
            try:
                template.ready()
                self.template = template
            except _TemplateError as exc:
                reason = str(exc)
        if not self.fresh:
            self.mode = "shared"
        elif reason is None:
            self.mode = "forked"
        else:
            self.mode = f"fresh ({reason})"
        self._context = zmq.asyncio.Context()
        self._sockets = tempfile.mkdtemp(prefix="kpitools-kernel-")
        if not self.fresh:  # fresh kernels start in the folder of their report
            self._launch(Path.cwd(), self.kernel_name)

    def stop(self) -> None:
        try:
            # a fresh kernel ends as after each report, at once (the one forked in advance
            # ran nothing); a shared one is asked to shut down
            self._retire(graceful=not self.fresh)
        finally:
            if self.template is not None:
                self.template.stop()
                self.template = None
            if self._context is not None:
                self._context.destroy(linger=0)
                self._context = None
            if self._sockets:
                shutil.rmtree(self._sockets, ignore_errors=True)
                self._sockets = ""

    def restart(self) -> None:
        self.stop()
        self.start()

    # ----------------------------------------------------------------- one kernel per report

    def _launch(self, cwd: Path, kernel_name: str) -> None:
        """Start (fork) the kernel for the next report, in ``cwd``; do not wait for it."""
        import uuid

        from jupyter_core.utils import run_sync

        transport = "tcp" if sys.platform == "win32" else "ipc"  # pyzmq has no ipc on Windows
        kernel_id = str(uuid.uuid4())
        ip = os.path.join(self._sockets, kernel_id[:8]) if transport == "ipc" else "127.0.0.1"
        km = _manager_class()(
            kernel_name=kernel_name, transport=transport, ip=ip, context=self._context
        )
        km.kernel_id = kernel_id
        if self.template is not None and forkable(km.kernel_spec.argv):
            km.provisioner = fork_provisioner(self.template, km)
        # any other kernel (another language, another Python) starts as papermill starts it
        self.km, self._cwd, self._kernel = km, cwd, kernel_name
        run_sync(km.start_kernel)(cwd=str(cwd), extra_arguments=list(_KERNEL_ARGUMENTS))
        self.kc = km.own_client()
        km.shared_client = self.kc
        # the channels connect when the report starts: by then the kernel listens (a client
        # that connects earlier waits for zmq's next attempt, 0.1 s later)
        started, ready = self.kc.start_channels, self.kc.wait_for_ready
        # nbclient starts the channels of the client it is given and waits until the kernel
        # answers, then drains IOPub until it stays quiet for 0.2 s. Ours already run and
        # the kernel is known to answer before the report starts.
        # No heartbeat channel (a thread and an event loop for each report): the client asks
        # the kernel manager whether its kernel is alive, as nbclient's checks do.
        self.kc.start_channels = lambda *a, **k: (
            None if self.kc.channels_running else started(hb=False)
        )
        self.kc.wait_for_ready = lambda *a, **k: (
            None if self.kc.channels_running else ready(*a, **k)
        )
        if not self.fresh and kernel_name == self.kernel_name:
            from jupyter_core.utils import run_sync

            self.kc.start_channels()
            run_sync(self._until_ready)(timeout=120)
            self._execute(_WARM_UP)

    def _execute(self, code: str) -> None:
        from jupyter_core.utils import run_sync

        reply = run_sync(self.kc.execute_interactive)(
            code, timeout=120, store_history=False, silent=True, output_hook=lambda msg: None
        )
        if reply["content"]["status"] != "ok":
            c = reply["content"]
            raise RuntimeError(f"kernel set-up failed: {c.get('ename')}: {c.get('evalue')}")

    def _retire(self, *, graceful: bool = False) -> None:
        """End the current kernel and everything it started (its process group)."""
        from jupyter_core.utils import run_sync

        km, kc = self.km, self.kc
        if km is None:
            return
        try:
            if kc is not None:
                kc.stop_channels()
            if graceful and km.has_kernel:
                run_sync(km.shutdown_kernel)(now=True)
        finally:
            # An interrupt can leave the event loop unable to shut the kernel down: the kernel
            # must not outlive the worker (it would hold the run's output open).
            process = getattr(km.provisioner, "process", None)
            pgid = getattr(km.provisioner, "pgid", None)
            if process is not None and process.poll() is None:
                with contextlib.suppress(OSError):
                    if pgid and hasattr(os, "killpg"):
                        os.killpg(pgid, signal.SIGKILL)
                    else:
                        process.kill()
                if not isinstance(process, ForkedProcess):  # the template reaps its kernels
                    with contextlib.suppress(Exception):
                        process.wait(timeout=5)
            with contextlib.suppress(Exception):
                run_sync(km.cleanup_resources)()
            self.km = self.kc = None
            self._cwd = None

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

    def alive(self) -> bool:
        from jupyter_core.utils import run_sync

        return self.km is not None and bool(run_sync(self.km.is_alive)())

    def _kernel_for(self, report: Report) -> None:
        """Have a fresh kernel for ``report`` started, answering, in the notebook's folder."""
        from jupyter_core.utils import run_sync

        cwd, name = report.notebook.parent, _kernel_name(report.notebook, self.kernel_name)
        if not self.fresh and name == self.kernel_name:
            if self.km is None or self._kernel != name or not self.alive():
                self._retire()
                self._launch(Path.cwd(), self.kernel_name)
            self._execute(_RESET.format(cwd=str(cwd)))
            return
        # a fresh kernel: always, or in a shared worker for a notebook of another kernel
        if self.km is None or self._cwd != cwd or self._kernel != name or not self.alive():
            self._retire()
            self._launch(cwd, name)
        if not self.kc.channels_running:
            self.kc.start_channels()
        run_sync(self._until_ready)(timeout=120)

    def prepare(self, report: Report) -> None:
        """End the kernel of the report just run; start one for the next (in the same folder)."""
        if not self.fresh:
            if self._kernel != self.kernel_name:  # a notebook's own kernel ends with it
                self._retire()
            return
        self._retire()
        if self._context is not None:
            with contextlib.suppress(Exception):
                self._launch(
                    report.notebook.parent, _kernel_name(report.notebook, self.kernel_name)
                )

    def execute(self, report: Report, output: Path) -> str | None:
        """Execute one report into ``output`` (.ipynb); the error text, or None when it ran."""
        import papermill as pm

        watchdog = None
        self.executed = None
        try:
            self._kernel_for(report)
            if self.report_timeout:
                # ending the kernel ends the report where it is (a shared kernel is replaced)
                import threading

                watchdog = threading.Timer(self.report_timeout, self._time_out, (self.km,))
                watchdog.daemon = True
                watchdog.start()
            self.executed = pm.execute_notebook(
                str(report.notebook),
                str(output),
                parameters=report.parameters,
                kernel_name=self._kernel,
                progress_bar=False,
                request_save_on_cell_execute=False,
                execution_timeout=self.timeout,
                km=self.km,
                engine_name=_keeping_engine(),
            )
        except pm.PapermillExecutionError as exc:
            evalue = re.sub(r"\x1b\[[0-9;]*m", "", str(exc.evalue))
            return f"{_cell_of(report.notebook, exc.source)}: {exc.ename}: {evalue}"
        except (KeyboardInterrupt, SystemExit):  # Ctrl-C here, or SIGTERM in a worker process
            _cancel_pending()
            raise
        except Exception as exc:
            if is_write_error(exc):  # the disk refused the notebook
                raise
            if not self.fresh:  # the kernel died or timed out: a new one for the next report
                with contextlib.suppress(Exception):
                    self._retire()
            ran = getattr(exc, "kpitools_notebook", None)
            if ran is not None:  # keep the notebook up to the cell it stopped in
                from papermill.iorw import write_ipynb

                write_ipynb(ran, str(output))
            cell = _running_cell(output, report.notebook)
            where = f"{cell}: " if cell else ""
            if watchdog is not None and self._timed_out is not None:
                return (
                    f"{where}the report ran longer than its time limit "
                    f"({self.report_timeout:g} s) and was stopped"
                )
            return f"{where}{type(exc).__name__}: {exc}"
        finally:
            if watchdog is not None:
                watchdog.cancel()
            self._timed_out = None
        return None

    def _time_out(self, km: Any) -> None:
        """End a report's kernel (and what it started) when the report runs out of time."""
        self._timed_out = km
        pgid = getattr(km.provisioner, "pgid", None)
        with contextlib.suppress(Exception):
            if pgid and hasattr(os, "killpg"):
                os.killpg(pgid, signal.SIGKILL)
            else:
                km.provisioner.process.kill()

    def execute_into(self, report: Report, executed: Path) -> str | None:
        """Execute one report into ``executed``, never leaving half a notebook under that name.

        papermill writes a temporary file beside it, moved into place when papermill's last
        write succeeded; it is kept for failed reports too: it shows the failing cell. A write
        the disk refuses raises ``OSError``.
        """
        executed.parent.mkdir(parents=True, exist_ok=True)
        # papermill picks its writer by extension, so the temporary name ends in .ipynb
        partial = executed.with_name(f".{executed.name}.{os.getpid()}.part.ipynb")
        try:
            error = self.execute(report, partial)
            if partial.exists():
                os.replace(partial, executed)
        finally:  # a refused write or an interrupt: the temporary file goes
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)
        return error

    def run(self, report: Report, out: Path, *, show_code: bool, files: Sequence[Path]) -> Outcome:
        """Execute and export one report; failures are returned, never raised."""
        start = time.perf_counter()
        inputs = tuple((f.name, file_digest(f, length=64)) for f in files)

        def outcome(status: str, html: Path | None = None, error: str | None = None) -> Outcome:
            return Outcome(report, status, time.perf_counter() - start, html, error, inputs)

        executed = out / "notebooks" / f"{report.name}.ipynb"
        try:
            error = self.execute_into(report, executed)
        except OSError as exc:  # a full or read-only disk fails this report, not the batch
            return outcome("failed", error=write_error_message(exc, executed))
        finally:
            # the report's kernel ends with it; the next one starts while this one exports
            self.prepare(report)
        if error is not None:
            return outcome("failed", error=error)
        try:
            page = export_html(
                self.executed if self.executed is not None else executed,
                footer=footer_html(report, inputs),
                show_code=show_code,
                title=f"{report.title} — {report.name}",
            )
        except Exception as exc:  # exporting one report must not stop the batch
            return outcome("failed", error=f"HTML export failed: {type(exc).__name__}: {exc}")
        target = out / report.html_name
        try:
            write_text_atomic(target, page)
        except OSError as exc:
            return outcome("failed", error=write_error_message(exc, target))
        return outcome("ok", target)


def _cancel_pending() -> None:
    """Cancel what an interrupt left running on this thread's event loop.

    Left alone, the interrupted cell's task sees the kernel shut down and prints a
    ``DeadKernelError`` traceback when the program exits.
    """
    import asyncio

    from jupyter_core.utils import ensure_event_loop

    loop = ensure_event_loop()
    tasks = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for task in tasks:
        task.cancel()
    with contextlib.suppress(Exception):
        loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))


@functools.lru_cache(maxsize=1)
def _keeping_engine() -> str:
    """papermill's engine, but a run cut short keeps the notebook as far as it ran.

    papermill writes the executed notebook when it ends or a cell raises; when the kernel
    dies or the report runs out of time it writes nothing (without a save after every
    cell). This engine hands the notebook, as far as it ran, to the exception.
    """
    from papermill.engines import NBClientEngine, papermill_engines

    class KeepingEngine(NBClientEngine):
        @classmethod
        def execute_notebook(cls, nb: Any, kernel_name: str, **kwargs: Any) -> Any:
            try:
                return super().execute_notebook(nb, kernel_name, **kwargs)
            except Exception as exc:
                exc.kpitools_notebook = nb  # type: ignore[attr-defined]
                raise

    papermill_engines.register("kpitools", KeepingEngine)
    return "kpitools"


@functools.lru_cache(maxsize=64)
def _kernel_name(notebook: Path, default: str) -> str:
    """The kernel a notebook asks for in its metadata (as papermill reads it), or ``default``."""
    try:
        meta = json.loads(notebook.read_text(encoding="utf-8")).get("metadata", {})
    except (OSError, ValueError):
        return default
    name = (meta.get("kernelspec") or {}).get("name")
    return name if isinstance(name, str) and name else default


def _running_cell(executed: Path, notebook: Path) -> str | None:
    """Which cell a report stopped in (the last papermill started), as :func:`_cell_of` says.

    None when no executed notebook was written (the report stopped before papermill ran).
    """
    try:
        cells = json.loads(executed.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError):
        return None
    started = [c for c in cells if c.get("metadata", {}).get("papermill", {}).get("start_time")]
    if not started:
        return f"before the first cell of {notebook.name}"
    source = started[-1].get("source", "")
    return _cell_of(notebook, source if isinstance(source, str) else "".join(source))


def _cell_of(notebook: Path, source: str) -> str:
    """``cell N of name.ipynb`` for a cell's source, counted as the author sees the notebook."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    for i, cell in enumerate(cells, start=1):
        if "".join(cell["source"]) == source:
            return f"cell {i} of {notebook.name}"
    return f"a cell of {notebook.name}"


def _exit_on_term(signum: int, frame: object) -> None:
    sys.exit(128 + signum)


def _worker_main(
    tasks: Any,
    results: Any,
    timeout: int,
    modules: Sequence[str] = (),
    report_timeout: float | None = None,
    fresh: bool | None = None,
    template: str | None = None,
) -> None:
    """A worker process: reports from ``tasks`` until ``None``, then shut down.

    Its first message on ``results`` is its :attr:`Worker.mode` (a string). ``template``:
    the address of the run's template, which its kernels are forked from.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    # The parent ends its workers with SIGTERM: unwind, so the kernel is shut down and the
    # notebook in progress removed (SystemExit: multiprocessing prints no traceback for it).
    signal.signal(signal.SIGTERM, _exit_on_term)
    exec(_SKIP_SLOW_IMPORTS)
    _fast_output_checks()  # (done already where the workers were forked)
    worker = Worker(
        timeout=timeout,
        modules=modules,
        report_timeout=report_timeout,
        fresh=fresh,
        template=template,
    )
    try:
        try:
            worker.start()
            failure = None
        except Exception as exc:
            failure = f"could not start a kernel: {type(exc).__name__}: {exc}"
        _put(results, worker.mode)
        for report, out, show_code, files in iter(tasks.get, None):
            if failure:
                _put(results, Outcome(report, "failed", error=failure))
            else:
                _put(results, worker.run(report, out, show_code=show_code, files=files))
    finally:
        worker.stop()


def _put(queue: Any, item: Any) -> None:
    """``queue.put(item)``, not cut by SIGTERM or Ctrl-C (they come after it).

    A process's first put starts the queue's feeder thread, then registers what stops it at
    exit: a SIGTERM between the two left a process waiting for that thread at its exit, for
    ever (and with it the processes that wait for it: the run).
    """
    signals = {signal.SIGTERM, signal.SIGINT}
    if not hasattr(signal, "pthread_sigmask"):  # Windows
        queue.put(item)
        return
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, signals)
    try:
        queue.put(item)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)


#: For the libraries :func:`_preload` loads, besides the template's settings: no allocator
#: or BLAS threads (without them the libraries work as well, in the calling thread).
_PRELOAD_ENV = {"JE_ARROW_MALLOC_CONF": "background_thread:false", "OPENBLAS_NUM_THREADS": "1"}


@contextlib.contextmanager
def _environment(env: dict[str, str]) -> Iterator[None]:
    """``os.environ`` is ``env`` within (for a process started there), then as it was."""
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def _preload() -> None:
    """Import and build, once, what every report of a worker needs (papermill, nbconvert's
    exporters, the Vega bundle, the kernel manager, zmq), so forked workers share it."""
    import jupyter_client.manager  # noqa: F401
    import jupyter_core.utils  # noqa: F401
    import zmq.asyncio  # noqa: F401

    _import_papermill()
    _fast_output_checks()
    _warm_export()
    _keeping_engine(), _manager_class()


def _import_papermill() -> None:
    """Import papermill (its I/O too) in a worker, without pyarrow.

    ``papermill.iorw`` imports ``pyarrow.fs`` (and with it numpy) for ``hdfs://`` paths,
    which a worker never writes to: ~0.12 s of CPU at every run's start. Hidden while
    papermill loads, pyarrow makes papermill register its stand-in, which says that
    ``hdfs://`` needs pyarrow; pyarrow stays importable afterwards.
    """
    if "papermill.iorw" in sys.modules:
        return
    hidden = {name: sys.modules.get(name) for name in ("pyarrow", "pyarrow.fs")}
    if any(hidden.values()):  # loaded already: nothing to spare
        hidden = {}
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        import papermill.iorw  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name, ...) is None:
                del sys.modules[name]


@functools.lru_cache(maxsize=1)
def _fast_output_checks() -> None:
    """Outputs and cells checked against nbformat's schema by compiled checks, in a worker.

    nbclient checks every output a kernel sends with nbformat's ``validate(output,
    "output")`` (papermill its injected cell with ``validate(cell, "code_cell")``), which
    uses jsonschema for a part of the schema (nbformat's compiled fastjsonschema check
    covers whole notebooks only): ~0.35 ms an output, 0.19 s of CPU for the 52 reports of
    the bundled project; compiled, 0.01 s. A node a compiled check refuses is checked by
    nbformat's own ``validate`` as before, which raises its own error; the checks add no
    defaults to a node.
    """
    try:
        import fastjsonschema
    except ImportError:  # nbformat's own check only
        return
    from nbformat.v4 import nbbase, nbformat_minor, nbformat_schema

    name = nbformat_schema.get((4, nbformat_minor), nbformat_schema[(None, None)])
    schema = json.loads((Path(nbbase.__file__).parent / name).read_text(encoding="utf-8"))
    validate = nbbase.validate

    @functools.cache
    def compiled(ref: str) -> Any:
        part = {"definitions": schema["definitions"], "$ref": f"#/definitions/{ref}"}
        if "$schema" in schema:
            part["$schema"] = schema["$schema"]
        return fastjsonschema.compile(part, use_default=False)

    def checked(node: Any, ref: str | None = None) -> Any:
        if ref in schema["definitions"]:
            with contextlib.suppress(fastjsonschema.JsonSchemaException):
                compiled(ref)(node)
                return None
        return validate(node, ref=ref)

    compiled("output")
    nbbase.validate = checked


@functools.lru_cache(maxsize=1)
def _warm_export() -> None:
    """Build what a report's export builds at its first use, on a small notebook (once).

    nbconvert compiles its templates, kpitools reads the stylesheets' rules and checks its
    writing of nbconvert's last pass: ~0.4 s of CPU at a process's first report, ~0.02 s
    after. Done where the workers are forked from, it is done once for all of them.
    """
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

    vega_assets(), exporters()
    chart = {"data": {"name": "d"}, "mark": "point", "datasets": {"d": [{"x": 1}]}}
    outputs = [
        new_output("stream", name="stdout", text="1"),
        new_output("display_data", data={"text/html": "<table><tr><td>1</td></tr></table>"}),
        new_output("display_data", data={"application/vnd.vegalite.v5+json": chart}),
    ]
    nb = new_notebook(cells=[new_markdown_cell("# 1"), new_code_cell("1", outputs=outputs)])
    export_html(nb)  # code hidden, as reports are unless --show-code


def _workers_main(n: int, environ: dict[str, str], *args: Any) -> None:
    """The parent of a run's ``n`` workers where ``fork()`` exists.

    It imports what every worker needs once (:func:`_preload`: ~1 s of CPU a worker
    spawned on its own) and forks the workers from it (``args``: :func:`_worker_main`'s),
    with the run's environment ``environ``; then it waits for them, and ends them when it
    is ended. Started with :data:`_PRELOAD_ENV`, so that the libraries it loads start no
    thread; should one have started all the same (a fork would lose it), the workers are
    spawned instead, each importing for itself.
    """
    import atexit
    import gc
    import multiprocessing

    from kpitools.report.forkserver import leave, unfit_threads

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    signal.signal(signal.SIGTERM, _exit_on_term)
    exec(_SKIP_SLOW_IMPORTS)
    _preload()
    # started with :data:`_PRELOAD_ENV`: the workers and their kernels get the run's own
    os.environ.clear()
    os.environ.update(environ)
    gc.collect()
    gc.freeze()  # shared with the workers, copy-on-write: no collection walks it
    ctx: Any = multiprocessing.get_context("spawn" if unfit_threads() else "fork")
    procs = [ctx.Process(target=_worker_main, args=args) for _ in range(n)]
    try:
        for proc in procs:
            proc.start()
        for proc in procs:
            proc.join()
        # its workers are done: at its exit (multiprocessing's own exit work done first),
        # no teardown of papermill's and nbconvert's modules (~0.04 s the run waited for)
        atexit.register(leave)
    finally:  # ended (SIGTERM): so are the workers, which shut their kernels down
        for proc in procs:
            if proc.is_alive():
                proc.terminate()
        _reap(procs)


def _reap(procs: Sequence[Any], timeout: float = 5) -> None:
    """Wait up to ``timeout`` s for each process to end, then kill it (its exit must not
    hang ours)."""
    for proc in procs:
        with contextlib.suppress(Exception):
            proc.join(timeout=timeout)
            if proc.is_alive():
                proc.kill()
                proc.join(timeout=5)


def _receive(
    results: Any, procs: Sequence[Any], on_mode: Callable[[str], None] | None
) -> Outcome | Literal[False] | None:
    """The workers' next outcome; None when none came within a second (or a worker told its
    mode, passed to ``on_mode``); False when every worker is gone."""
    import queue

    try:
        message = results.get(timeout=1.0)
    except queue.Empty:
        return None if any(proc.is_alive() for proc in procs) else False
    if isinstance(message, str):  # a worker's mode, as it starts
        if on_mode is not None:
            on_mode(message)
        return None
    return message


class Workers:
    """A run's worker processes and their template, started before the run's jobs are known.

    They import and warm up while the caller checks the reports (the command's checks and
    the workers' start then share the cores); :meth:`run` hands them the jobs, :meth:`end`
    ends them (at once when they got none: a run with nothing to do waits for nothing).
    """

    def __init__(
        self,
        n: int,
        timeout: int,
        modules: Sequence[str] = (),
        report_timeout: float | None = None,
        fresh: bool | None = None,
    ) -> None:
        import multiprocessing

        ctx = multiprocessing.get_context("spawn")
        self.n, self.ran = n, False
        self.tasks, self.results = ctx.Queue(), ctx.Queue()
        self.procs: list[Any] = []
        # one template for the run: it imports while the workers do, and every worker's
        # kernels are forked from it
        self.template = _run_template(modules, fresh)
        # The JavaScript bundle, once, before the workers want it (the template does not):
        # built the first time on a machine (~2 s), and building it starts vl-convert's
        # threads, with which the workers' parent could not fork them.
        vega_assets()
        address = getattr(self.template, "address", None)
        args = (self.tasks, self.results, timeout, list(modules), report_timeout, fresh, address)
        if fork_unavailable() is None:
            # one process imports what every worker needs, then forks the workers (see
            # _workers_main); elsewhere each worker is spawned and imports it all itself
            self.procs = [ctx.Process(target=_workers_main, args=(n, dict(os.environ), *args))]
            with _environment(without_threads(os.environ, _PRELOAD_ENV)):
                self.procs[0].start()  # its libraries read their settings as they load
        else:
            self.procs = [ctx.Process(target=_worker_main, args=args) for _ in range(n)]
            for proc in self.procs:
                proc.start()

    def run(
        self,
        jobs: Sequence[tuple[Report, Path, bool, list[Path]]],
        on_mode: Callable[[str], None] | None = None,
    ) -> Iterator[Outcome]:
        """Run ``jobs``; yield outcomes as they finish (``on_mode``: each worker's mode)."""
        self.ran = True
        for job in jobs:
            _put(self.tasks, job)
        for _ in range(self.n):
            _put(self.tasks, None)
        pending = {job[0].name: job[0] for job in jobs}
        while pending:
            outcome = _receive(self.results, self.procs, on_mode)
            if outcome is False:  # every worker is gone
                for report in pending.values():
                    yield Outcome(report, "failed", error="the worker process died")
                return
            if outcome is None:
                continue
            pending.pop(outcome.report.name, None)
            yield outcome
        for proc in self.procs:
            proc.join(timeout=10)

    def end(self) -> None:
        """End the workers still running, then the template (and with it any kernel)."""
        if not self.ran and self.template is not None:
            self.template.terminate()  # still importing, maybe: it would finish first
        _end(self.procs, self.template)


def run_parallel(
    jobs: Sequence[tuple[Report, Path, bool, list[Path]]],
    n: int,
    timeout: int,
    modules: Sequence[str] = (),
    report_timeout: float | None = None,
    fresh: bool | None = None,
    on_mode: Callable[[str], None] | None = None,
) -> Iterator[Outcome]:
    """Run jobs on ``n`` worker processes; yield outcomes as they finish.

    ``on_mode`` is told each worker's :attr:`Worker.mode` as it starts.
    """
    workers = Workers(n, timeout, modules, report_timeout, fresh)
    try:
        yield from workers.run(jobs, on_mode)
    finally:
        workers.end()


def _end(procs: Sequence[Any], template: Template | None) -> None:
    """End the workers still running, then the run's template (and with it any kernel)."""
    for proc in procs:
        if proc.is_alive():
            proc.terminate()
    _reap(procs, timeout=15)  # the workers' parent gives its own 5 s, then kills them
    if template is not None:
        template.stop()


def _run_template(modules: Sequence[str], fresh: bool | None) -> Template | None:
    """The template a run's workers share, started; None where kernels are not forked.

    A worker that cannot use it (it ended, or found threads a fork would lose) starts each
    kernel as papermill does, and says why.
    """
    if not (fresh_kernels() if fresh is None else fresh) or fork_unavailable() is not None:
        return None
    template = Template(modules, shared=True)
    try:
        template.launch()
    except OSError:
        template.stop()
        return None
    return template
