"""Fresh kernels forked from a warm template: a new process per report at a fork's cost.

A worker starts one *template* process: Python with ipykernel, polars, Altair, kpitools and
the modules the report notebooks import at their top level imported, and nothing started
that does not survive ``fork()``: no zmq context or socket, no event loop, no thread pool
(polars' pool starts on its first parallel operation; the template runs none). Each report
then gets a kernel forked from the template: the child sets the kernel's environment,
working directory and arguments and runs ``ipykernel`` as ``python -m ipykernel_launcher``
would; the kernel ends with its report, and with it whatever the report changed.

The template checks its own threads before it serves: on Linux every thread of the
process is listed (``/proc/self/task``) and only the main thread and polars' idle
out-of-core cleaner may exist; any other thread makes the template unfit, and the worker
falls back to starting a fresh kernel for every report (as where ``fork()`` is missing).

The worker talks to its template over a socket pair, one JSON line each way.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

#: What every template imports (a kernel, the libraries of every report).
TEMPLATE_MODULES = (
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "ipykernel.zmqshell",
    "ipykernel.comm",
    "IPython.core.interactiveshell",
    "polars",
    "altair",
    "kpitools",
    "kpitools.io",
    "kpitools.measures",
    "kpitools.tables",
    "kpitools.display",
    "kpitools.charts",
)

#: What a kernel imports as it starts or runs its first cell, beyond :data:`TEMPLATE_MODULES`
#: (ipykernel's debugger brings debugpy: ~0.1 s a kernel). Imported by the template when
#: each imports cleanly (no thread started), as the notebooks' own top imports are.
KERNEL_MODULES = (
    "ipykernel.debugger",
    "IPython.core.debugger",
    "IPython.core.completerlib",
    "IPython.core.logger",
    "IPython.extensions.storemagic",
    "IPython.core.oinspect",
    "IPython.utils.wildcard",
    "ipykernel_launcher",
    "faulthandler",
    "zmq.utils.garbage",  # a report's large outputs (its thread starts at the first)
    "tornado.gen",
    "tornado.locks",
    "tornado.queues",
    "tornado.platform.asyncio",
    "sqlite3",
    "gzip",
    "encodings.utf_8_sig",
    "tomllib",
    "kpitools._version",
    "kpitools.params",
    "kpitools.project",
    "kpitools.links",
    # what Altair imports to read a polars frame, at a report's first chart
    "narwhals._polars.dataframe",
    "narwhals._polars.namespace",
    "narwhals._polars.series",
    "narwhals._polars.expr",
    "narwhals._duration",
    "narwhals._interchange.series",
    "narwhals.stable.v1._namespace",
)

#: Threads a template may have (``/proc/self/task/*/comm``, cut to 15 bytes): the main one,
#: and the cleaner that ``import polars`` starts, which waits for spill files to remove.
_ALLOWED_THREADS = ("polars-ooc-clea",)

#: jemalloc (polars' allocator) starts background threads with its first allocation;
#: without them it purges memory as it frees it. The kernels get the worker's environment.
#: pydevd (ipykernel's debugger) warns on stderr at import that frozen modules are on, as
#: every kernel started from the default kernelspec does; the template imports it silently.
_TEMPLATE_ENV = {
    "_RJEM_MALLOC_CONF": "background_thread:false",
    "PYDEVD_DISABLE_FILE_VALIDATION": "1",
}


def without_threads(environ: Mapping[str, str], extra: Mapping[str, str] = {}) -> dict[str, str]:
    """``environ`` with :data:`_TEMPLATE_ENV` (and ``extra``) added, a caller's own kept."""
    env = dict(environ)
    for key, value in {**_TEMPLATE_ENV, **extra}.items():
        joins = key.endswith("MALLOC_CONF") and env.get(key)  # options: one more
        env[key] = f"{env[key]},{value}" if joins else env.get(key, value)
    return env


def fork_unavailable() -> str | None:
    """Why kernels cannot be forked here (None when they can)."""
    if not hasattr(os, "fork") or sys.platform == "win32":
        return "fork() is not available on this system"
    if sys.platform != "linux":
        # Only Linux lists a process's native threads; elsewhere a thread started by a
        # library could not be seen before forking.
        return f"the template's threads cannot be checked on {sys.platform}"
    return None


#: Packages whose modules a template may import for the notebooks, besides the standard
#: library. Others are imported by each report's kernel, as under papermill: a library may
#: set itself up against the kernel it is imported in (ipywidgets registers its comm
#: target, matplotlib picks its backend), which a template has not got.
TEMPLATE_PACKAGES = frozenset({"kpitools", "polars", "altair"})


def top_imports(notebooks: Iterable[Path]) -> list[str]:
    """Modules the template may import for the notebooks, in order.

    Those their code cells import at top level, from the standard library and
    :data:`TEMPLATE_PACKAGES`.
    """
    import ast

    found: dict[str, None] = {}
    for path in notebooks:
        try:
            cells = json.loads(Path(path).read_text(encoding="utf-8")).get("cells", [])
        except (OSError, ValueError):
            continue
        for cell in cells:
            if cell.get("cell_type") != "code":
                continue
            source = cell.get("source", "")
            try:
                tree = ast.parse(source if isinstance(source, str) else "".join(source))
            except (SyntaxError, ValueError):
                continue  # magics and the like: the kernel will say
            for node in tree.body:
                if isinstance(node, ast.Import):
                    found.update(dict.fromkeys(a.name for a in node.names))
                elif (
                    isinstance(node, ast.ImportFrom)
                    and node.level == 0
                    and node.module
                    and node.module != "__future__"
                ):
                    found[node.module] = None
    allowed = TEMPLATE_PACKAGES | set(getattr(sys, "stdlib_module_names", ()))
    return [m for m in found if m.split(".")[0] in allowed]


# --------------------------------------------------------------------------- the template


def _threads() -> list[str]:
    """The names of the process's other threads (Linux), or Python's own elsewhere."""
    try:
        tasks = os.listdir("/proc/self/task")
    except OSError:
        import threading

        return [t.name for t in threading.enumerate() if t is not threading.main_thread()]
    names = []
    for tid in tasks:
        if int(tid) == os.getpid():
            continue
        with contextlib.suppress(OSError):
            names.append(Path(f"/proc/self/task/{tid}/comm").read_text().strip())
    return names


def unfit_threads() -> list[str]:
    """The threads of this process a template may not have when it forks (see the module's doc)."""
    return [t for t in _threads() if t not in _ALLOWED_THREADS]


#: Modules a template left out because importing them started a thread: it starts itself
#: again without them (see :func:`_import_or_restart`)
_SKIP_ENV = "_KPITOOLS_TEMPLATE_SKIP"


def _import_or_restart(modules: Sequence[str]) -> list[str]:
    """Import ``modules`` in the template; the names of those it left out.

    A module that fails to import is left out, as is one whose import starts a thread (a
    fork would lose it): the template then starts itself again, the same program with the
    same sockets, without that module (the thread ends with the process image). Where the
    template has such threads before (it will not serve), nothing is retried.
    """
    skip = [m for m in os.environ.get(_SKIP_ENV, "").split(",") if m]
    left_out = list(skip)
    clean = not unfit_threads()
    for name in modules:
        if name in sys.modules or name in skip:
            continue
        try:
            __import__(name)
        except BaseException:
            left_out.append(name)
            continue
        if clean and unfit_threads():
            os.environ[_SKIP_ENV] = ",".join([*skip, name])
            os.execv(sys.executable, sys.orig_argv)
    return left_out


def _warm_up() -> None:
    """Load what a report's first chart needs (Altair's schema) without touching polars.

    Also what every kernel would compute once the same way (kpitools' caches of pure
    values: its version, chart configurations, stylesheet, the digest of its code).
    """
    import altair as alt

    chart = alt.Chart(alt.Data(values=[{"x": 1}])).mark_point().encode(x="x:Q")
    chart.to_dict()
    from kpitools._version import version

    version()  # read from the package metadata once (a scan of sys.path)
    with contextlib.suppress(Exception):  # private helpers: a renamed one is no error here
        from kpitools import charts, display
        from kpitools.io import dataset
        from kpitools.vocab import LANGS

        for lang in LANGS:
            charts.chart_config(lang)
        display.stylesheet()
        dataset.code_digest()


def _defer_iri_grammar() -> None:
    """Import jsonschema without building rfc3987-syntax's grammars until a kernel needs them.

    Where rfc3987-syntax is installed (JupyterLab brings it), jsonschema imports it as it
    loads, to check the ``iri`` formats, and the package builds its grammars then: ~1 s of
    CPU, which would delay every run's first kernel. jsonschema here registers those checks
    with a stand-in that imports the package at the first check and hands it on, so a
    kernel checks IRIs as under papermill, and a kernel that imports ``rfc3987_syntax``
    gets the package itself (it is not in ``sys.modules`` until then).
    """
    import importlib.util
    import types

    if "jsonschema" in sys.modules or importlib.util.find_spec("rfc3987_syntax") is None:
        return

    def is_valid_syntax(*args: Any, **kwargs: Any) -> Any:
        from rfc3987_syntax import is_valid_syntax as check

        return check(*args, **kwargs)

    stand_in = types.ModuleType("rfc3987_syntax")
    stand_in.is_valid_syntax = is_valid_syntax  # type: ignore[attr-defined]
    sys.modules["rfc3987_syntax"] = stand_in
    try:
        import jsonschema  # noqa: F401
    finally:
        if sys.modules.get("rfc3987_syntax") is stand_in:
            del sys.modules["rfc3987_syntax"]


def serve(fd: int, modules: Sequence[str], listen: int | None = None) -> None:
    """The template's main loop: import, check, then fork a kernel per request.

    ``fd`` is the socket of the process that started the template: the template ends when
    it closes. With ``listen`` (a listening Unix socket), the workers of a run connect there
    and share the template; each is greeted as the first and asks for its own kernels.
    """
    import gc

    # the template's own folder is no kernel's: ipykernel adds '' to the path itself
    if sys.path and sys.path[0] in ("", os.getcwd()):
        del sys.path[0]
    _defer_iri_grammar()
    for name in TEMPLATE_MODULES:
        __import__(name)
    _warm_up()
    skipped = _import_or_restart([*KERNEL_MODULES, *modules])
    os.environ.pop(_SKIP_ENV, None)
    conn = socket.socket(fileno=fd)
    listener = socket.socket(fileno=listen) if listen is not None else None
    unfit = unfit_threads()
    gc.freeze()  # shared with every kernel, copy-on-write: no collection walks it
    # kernels are reaped as they end (waited for, so their CPU time counts in the worker's
    # children's, as a kernel's that jupyter_client starts does)
    signal.signal(signal.SIGCHLD, _reap)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the worker ends the template...
    signal.signal(signal.SIGTERM, _exit_on_term)  # ...by closing the socket, or SIGTERM
    hello = json.dumps({"pid": os.getpid(), "unfit": unfit, "skipped": skipped}).encode()
    try:
        conn.sendall(hello + b"\n")
    except OSError:  # whoever started it is gone
        return
    if unfit:
        return
    _Server(conn, listener, hello + b"\n").run()


def leave() -> None:
    """End the template once it has served (its kernels are gone), at once.

    Without Python's teardown of its modules (~0.06 s for polars, Altair and ipykernel),
    which the end of every run waited for: the system frees its memory, and it has nothing
    else to close.
    """
    with contextlib.suppress(BaseException):
        sys.stdout.flush()
        sys.stderr.flush()
    os._exit(0)


class _Server:
    """The template's connections: the starter's and, when shared, each worker's."""

    def __init__(self, control: socket.socket, listener: socket.socket | None, hello: bytes):
        import selectors

        self.selector = selectors.DefaultSelector()
        self.control, self.listener, self.hello = control, listener, hello
        self.pending: dict[socket.socket, bytes] = {}
        self.kernels: dict[socket.socket, list[int]] = {}
        self._watch(control)
        if listener is not None:
            self.selector.register(listener, selectors.EVENT_READ)

    def _watch(self, sock: socket.socket) -> None:
        import selectors

        self.pending[sock], self.kernels[sock] = b"", []
        self.selector.register(sock, selectors.EVENT_READ)

    def run(self) -> None:
        try:
            while self.control in self.pending:
                for key, _ in self.selector.select():
                    self._event(key.fileobj)  # type: ignore[arg-type]
        finally:
            # the starter is gone (or ends us): no kernel outlives it
            for pids in self.kernels.values():
                _kill(pids)

    def _event(self, sock: socket.socket) -> None:
        if sock is self.listener:
            new, _ = sock.accept()
            new.setblocking(True)
            new.sendall(self.hello)
            self._watch(new)
            return
        if sock not in self.pending:  # dropped earlier in this round
            return
        try:
            data = sock.recv(1 << 16)
        except OSError:  # reset: the worker ended with a request unread
            data = b""
        if not data:
            self._drop(sock)
            return
        self.pending[sock] += data
        while sock in self.pending and b"\n" in self.pending[sock]:
            line, self.pending[sock] = self.pending[sock].split(b"\n", 1)
            self._fork(sock, json.loads(line))

    def _drop(self, sock: socket.socket) -> None:
        """A worker has gone: so do the kernels it asked for."""
        self.selector.unregister(sock)
        sock.close()
        self.pending.pop(sock, None)
        _kill(self.kernels.pop(sock, []))

    def _fork(self, sock: socket.socket, request: dict[str, Any]) -> None:
        try:
            pid = os.fork()
        except OSError as exc:
            with contextlib.suppress(OSError):
                sock.sendall(json.dumps({"error": str(exc)}).encode() + b"\n")
            return
        if pid == 0:
            self.selector.close()
            for other in [*self.pending, self.listener]:
                if other is not None:
                    other.close()
            _kernel(**request)  # never returns
        self.kernels[sock] = [k for k in self.kernels[sock] if _exists(k)] + [pid]
        try:
            sock.sendall(json.dumps({"pid": pid}).encode() + b"\n")
        except OSError:  # the worker is gone: so is the kernel it asked for
            self._drop(sock)


def _kill(pids: Iterable[int]) -> None:
    for pid in pids:
        with contextlib.suppress(OSError):
            os.killpg(pid, signal.SIGKILL)


def _exit_on_term(signum: int, frame: object) -> None:
    sys.exit(128 + signum)


def _reap(signum: int = 0, frame: object = None) -> None:
    """Wait for every kernel that has ended."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def _exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    return True


def _kernel(argv: list[str], env: dict[str, str], cwd: str) -> None:
    """In a forked child: become ``python -m ipykernel_launcher <argv>`` started in ``cwd``."""
    code = 1
    try:
        os.setsid()  # its own process group, as jupyter_client starts kernels
        for signum in (signal.SIGCHLD, signal.SIGTERM):
            signal.signal(signum, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.close(devnull)
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(env)
        import time

        time.tzset()
        import ipykernel_launcher

        sys.argv = [ipykernel_launcher.__file__, *argv]
        if "numpy" in sys.modules:  # a fresh process draws a fresh seed
            sys.modules["numpy"].random.seed()
        import itertools
        import threading

        # threads are named Thread-1, -2... in the order a process makes them; the
        # template's imports made some (not started): count as a new process does
        threading._counter = itertools.count(1).__next__  # type: ignore[attr-defined]
        from ipykernel import kernelapp

        # ipykernel read its parent's pid from the environment when the template imported
        # it: say it again (a kernel with no parent announces itself on the terminal)
        parent = int(env.get("JPY_PARENT_PID") or 0)
        kernelapp.launch_new_instance(argv=[*argv, f"--IPKernelApp.parent_handle={parent}"])
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:
        import traceback

        traceback.print_exc()
    finally:
        with contextlib.suppress(BaseException):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)


# --------------------------------------------------------------------------- the worker's side


class _TemplateError(RuntimeError):
    """The template could not be started or is unfit to fork kernels from."""


class Template:
    """A template process, started by a worker; ``fork`` asks it for a kernel."""

    def __init__(self, modules: Sequence[str] = (), *, shared: bool = False) -> None:
        self.modules = list(modules)
        self.process: subprocess.Popen[bytes] | None = None
        self.skipped: list[str] = []
        #: whether the workers of a run connect to it (at :attr:`address`), see :func:`serve`
        self.shared = shared
        self.address: str | None = None
        self.pid = 0
        self._stream: Any = None
        self._conn: socket.socket | None = None

    def launch(self) -> None:
        """Start the template process (it imports in the background)."""
        ours, theirs = socket.socketpair()
        env = without_threads(os.environ)
        listener = self._listen() if self.shared else None
        fds = (theirs.fileno(), *([listener.fileno()] if listener is not None else []))
        # this module alone, not the kpitools.report package (the batch, polars, nbconvert's
        # helpers): what the template imports, every kernel has
        code = (
            "import importlib.util, sys; "
            f"spec = importlib.util.spec_from_file_location('_kpitools_template', {__file__!r}); "
            "template = importlib.util.module_from_spec(spec); "
            "spec.loader.exec_module(template); "
            f"template.serve({theirs.fileno()}, sys.argv[1:], "
            f"{fds[1] if len(fds) > 1 else None}); "
            "template.leave()"
        )
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-c", code, *self.modules],
                pass_fds=fds,
                stdin=subprocess.DEVNULL,
                env=env,
            )
        finally:
            theirs.close()
            if listener is not None:
                listener.close()  # the template's copy listens; once it ends, none does
        self._conn = ours
        self._stream = ours.makefile("rwb", buffering=0)

    def _listen(self) -> socket.socket:
        """A Unix socket in a folder only this user can enter, for the run's workers."""
        import tempfile

        self.address = os.path.join(tempfile.mkdtemp(prefix="kpitools-template-"), "socket")
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.bind(self.address)
        listener.listen(64)
        return listener

    def ready(self, timeout: float = 120) -> None:
        """Wait until the template has imported; ``_TemplateError`` if it cannot serve."""
        if self._conn is None:
            raise _TemplateError("the template was not launched")
        self._conn.settimeout(timeout)
        hello = self._read()
        self._conn.settimeout(None)
        if hello is None:
            self.stop()
            raise _TemplateError("the template process ended while importing")
        self.skipped = hello.get("skipped", [])
        self.pid = int(hello.get("pid") or 0)
        if hello.get("unfit"):
            self.stop()
            raise _TemplateError(
                "the template has threads a fork would lose: " + ", ".join(hello["unfit"])
            )

    def start(self, timeout: float = 120) -> None:
        """Launch the template and wait until it serves."""
        self.launch()
        self.ready(timeout)

    def _read(self) -> dict[str, Any] | None:
        try:
            line = self._stream.readline()
        except OSError:
            return None
        return json.loads(line) if line else None

    def fork(self, argv: Sequence[str], env: dict[str, str], cwd: str) -> int:
        """Fork a kernel ``python -m ipykernel_launcher *argv`` in ``cwd``; its pid."""
        if self._stream is None:
            raise _TemplateError("the template is not running")
        request = {"argv": list(argv), "env": env, "cwd": cwd}
        try:
            self._stream.write(json.dumps(request).encode() + b"\n")
        except OSError as exc:
            raise _TemplateError(f"the template is gone: {exc}") from None
        reply = self._read()
        if reply is None:
            raise _TemplateError("the template ended")
        if "error" in reply:
            raise _TemplateError(f"fork failed: {reply['error']}")
        return int(reply["pid"])

    def alive(self) -> bool:
        """Whether the template process runs."""
        return self.process is not None and self.process.poll() is None

    def terminate(self) -> None:
        """SIGTERM to the template: it ends at once, even while it imports (see :meth:`stop`)."""
        if self.process is not None and self.process.poll() is None:
            with contextlib.suppress(OSError):
                self.process.terminate()

    def stop(self) -> None:
        """End the template (and with it every kernel it forked)."""
        for closing in (self._stream, self._conn):
            with contextlib.suppress(Exception):
                if closing is not None:
                    closing.close()
        self._stream = self._conn = None
        if self.shared and self.address:
            import shutil

            shutil.rmtree(os.path.dirname(self.address), ignore_errors=True)
        # the closed socket ends the template, which ends the kernels it forked
        if self.process is not None:
            try:
                self.process.wait(timeout=2)
            except subprocess.TimeoutExpired:
                self.process.terminate()
                try:
                    self.process.wait(timeout=2)
                except subprocess.TimeoutExpired:
                    self.process.kill()
        self.process = None


class TemplateClient(Template):
    """A worker's connection to the template of its run (a :class:`Template` ``shared``).

    Forks as a template of its own does; closing the connection ends the kernels forked
    for it, not the template.
    """

    def __init__(self, address: str) -> None:
        super().__init__()
        self.address = address

    def launch(self) -> None:
        """Connect to the template (which greets when it has imported: :meth:`ready`)."""
        conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            conn.connect(self.address or "")
        except OSError as exc:
            conn.close()
            raise _TemplateError(f"the run's template is gone: {exc}") from None
        self._conn = conn
        self._stream = conn.makefile("rwb", buffering=0)

    def alive(self) -> bool:
        """Whether the template process runs (and this worker is connected to it)."""
        return self._stream is not None and self.pid > 0 and _exists(self.pid)


class ForkedProcess:
    """A forked kernel, seen as ``subprocess.Popen`` sees a child (jupyter_client's view).

    The template, its parent, reaps it; here it is alive while its pid exists.
    """

    stdin = stdout = stderr = None

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        """None while the kernel runs, else its exit status (-1: reaped by the template)."""
        if self.returncode is None:
            try:
                os.kill(self.pid, 0)
            except ProcessLookupError:
                self.returncode = -1  # its status went to the template
            except PermissionError:  # the pid was reused by someone else's process
                self.returncode = -1
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        """Wait until the kernel has ended; its exit status."""
        import time

        deadline = None if timeout is None else time.monotonic() + timeout
        delay = 0.0005
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(f"kernel {self.pid}", timeout or 0)
            time.sleep(delay)
            delay = min(delay * 2, 0.05)
        return self.returncode if self.returncode is not None else -1

    def send_signal(self, signum: int) -> None:
        """Signal the kernel's process group (the kernel and what it started)."""
        if self.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.pid, signum)

    def kill(self) -> None:
        """SIGKILL to the kernel's process group."""
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        """SIGTERM to the kernel's process group."""
        self.send_signal(signal.SIGTERM)


def fork_provisioner(template: Template, km: Any) -> Any:
    """A kernel provisioner for ``km`` that forks its kernel from ``template``."""
    from jupyter_client.provisioning.local_provisioner import LocalProvisioner

    class ForkProvisioner(LocalProvisioner):
        async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> Any:
            # cmd is the kernelspec's: python -m ipykernel_launcher -f <file> [options]
            at = cmd.index("ipykernel_launcher") + 1
            env = dict(kwargs.get("env") or os.environ)
            env["JPY_PARENT_PID"] = str(os.getpid())
            cwd = str(kwargs.get("cwd") or Path.cwd())
            pid = template.fork(cmd[at:], env, cwd)
            self.process = ForkedProcess(pid)  # type: ignore[assignment]
            self.pid = self.pgid = pid
            self.cwd = cwd
            return self.connection_info

    return ForkProvisioner(kernel_id=km.kernel_id or "", kernel_spec=km.kernel_spec, parent=km)


def forkable(cmd: Sequence[str]) -> bool:
    """Whether a kernel command is this Python's ipykernel (so a fork of it is the same).

    ``python`` (or ``python3``, ``python3.11``) as the command is this Python, as
    jupyter_client reads a kernelspec's ``argv`` (ipykernel's own spec says ``python``).
    """
    if len(cmd) < 3 or list(cmd[1:3]) != ["-m", "ipykernel_launcher"]:
        return False
    major, minor = sys.version_info[:2]
    if cmd[0] in ("python", f"python{major}", f"python{major}.{minor}"):
        return True
    with contextlib.suppress(OSError):
        return os.path.samefile(cmd[0], sys.executable)
    return cmd[0] == sys.executable
