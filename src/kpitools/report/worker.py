"""Workers: a kernel each, reports run one after another."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from kpitools._atomic import is_write_error, write_error_message, write_text_atomic
from kpitools.report.discovery import Outcome, Report
from kpitools.report.html import export_html, exporters, footer_html, vega_assets

# jsonschema builds rfc3987-syntax's grammars when it is imported, when that package is
# installed (JupyterLab brings it): ~1 s in every process that imports Altair or nbformat
# (python-jsonschema/jsonschema#1428). Reports never check IRI formats, so workers and
# their kernels skip it.
_SKIP_SLOW_IMPORTS = 'import sys; sys.modules.setdefault("rfc3987_syntax", None)'

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

        vega_assets(), exporters()
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

        try:
            if self.kc is not None:
                self.kc.stop_channels()
            if self.km is not None and self.km.has_kernel:
                run_sync(self.km.shutdown_kernel)(now=True)
        finally:
            # An interrupt can leave the event loop unable to shut the kernel down: the kernel
            # must not outlive the worker (it would hold the run's output open).
            self._kill_kernel()
            if self._sockets:
                shutil.rmtree(self._sockets, ignore_errors=True)
            self.km = self.kc = None
            self._sockets = ""

    def _kill_kernel(self) -> None:
        process = getattr(getattr(self.km, "provisioner", None), "process", None)
        if process is not None and process.poll() is None:
            with contextlib.suppress(OSError):
                process.kill()
                process.wait(timeout=5)

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
        except (KeyboardInterrupt, SystemExit):  # Ctrl-C here, or SIGTERM in a worker process
            _cancel_pending()
            raise
        except Exception as exc:
            if is_write_error(exc):  # the disk refused the notebook: the kernel is fine
                raise
            # the kernel died or timed out: start a new one next time
            with contextlib.suppress(Exception):
                self.restart()
            return f"{type(exc).__name__}: {exc}"
        return None

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
        from kpitools.display import file_digest

        start = time.perf_counter()
        inputs = tuple((f.name, file_digest(f, length=64)) for f in files)

        def outcome(status: str, html: Path | None = None, error: str | None = None) -> Outcome:
            return Outcome(report, status, time.perf_counter() - start, html, error, inputs)

        executed = out / "notebooks" / f"{report.name}.ipynb"
        try:
            error = self.execute_into(report, executed)
        except OSError as exc:  # a full or read-only disk fails this report, not the batch
            return outcome("failed", error=write_error_message(exc, executed))
        if error is not None:
            return outcome("failed", error=error)
        try:
            page = export_html(
                executed,
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


def _cell_of(notebook: Path, source: str) -> str:
    """``cell N of name.ipynb`` for a cell's source, counted as the author sees the notebook."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    for i, cell in enumerate(cells, start=1):
        if "".join(cell["source"]) == source:
            return f"cell {i} of {notebook.name}"
    return f"a cell of {notebook.name}"


def _exit_on_term(signum: int, frame: object) -> None:
    sys.exit(128 + signum)


def _worker_main(tasks: Any, results: Any, timeout: int) -> None:
    """A worker process: one kernel, reports from ``tasks`` until ``None``, then shut down."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    # The parent ends its workers with SIGTERM: unwind, so the kernel is shut down and the
    # notebook in progress removed (SystemExit: multiprocessing prints no traceback for it).
    signal.signal(signal.SIGTERM, _exit_on_term)
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


def run_parallel(
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
