"""The explorer as a web app (Voilà) or in JupyterLab: what ``kpitools explore`` runs.

Voilà runs a notebook and shows its outputs without the code, so a colleague without
JupyterLab uses the explorer in a browser. Voilà does not read papermill parameters, so
:func:`write_app` writes a copy of ``explore.ipynb`` with papermill's injected-parameters
cell (data files as absolute paths: Voilà's kernel runs in the copy's folder) into a
temporary folder, together with a Voilà template that loads nothing from a CDN (Voilà's
own ``lab`` template links Font Awesome from jsDelivr; Voilà bundles it). :func:`serve`
checks the parameters as the notebook would, then runs Voilà in this process on
``127.0.0.1`` and the given port until Ctrl-C, and removes the folder.

Nothing here imports Voilà or JupyterLab until a server is started, and both are optional
(extras ``serve`` and ``explore``): :func:`serve` and :func:`open_lab` raise
:class:`MissingExtraError` with the ``pip install`` line when they are not installed.
"""

from __future__ import annotations

import contextlib
import errno
import importlib.util
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from kpitools._typing import PathLike
from kpitools.errors import KpiToolsError, ParameterError

__all__ = [
    "APP_NAME",
    "DEFAULT_HOST",
    "DEFAULT_PORT",
    "STATIC_TAG",
    "MissingExtraError",
    "app_parameters",
    "check_parameters",
    "check_port",
    "find_notebook",
    "lab_command",
    "open_lab",
    "serve",
    "voila_argv",
    "write_app",
]

#: Voilà answers only this machine unless told otherwise: the app has no password.
DEFAULT_HOST = "127.0.0.1"
#: Voilà's usual port.
DEFAULT_PORT = 8866
#: The file name of the served copy (its folder is Voilà's root and the kernel's folder).
APP_NAME = "explore.ipynb"
#: The explorer notebook's parameters that name files (resolved to absolute paths).
FILE_PARAMETERS = ("data", "units", "catalog")
#: Cells with this tag are left out of the served copy: what the notebook shows for readers
#: without a kernel (the still snapshot), which a live app repeats and each visitor's kernel
#: would render again (vl-convert's first picture costs seconds of CPU).
STATIC_TAG = "static-only"
#: Voilà's federated extension that the explorer does not use (the Notebook 7 shell).
_UNUSED_EXTENSIONS = ("@jupyter-notebook/lab-extension",)
_TEMPLATE = "kpitools"
#: Voilà's lab template without its two CDN stylesheets (Font Awesome, which Voilà's own
#: bundle carries) and without nbconvert's Mermaid loader (it imports from cdnjs).
_INDEX = """{%- extends 'voila/templates/lab/index.html.j2' -%}
{%- block notebook_css -%}
  {% if frontend == "voila" %}
    {{ resources.include_js("static/voila-style.js") }}
  {% endif %}
  {{ spinner.css() }}
  <style>
    .jp-mod-noOutputs.jp-mod-noInput { display: none; }
  </style>
  {{ super.super() }}
{%- endblock notebook_css -%}
{%- block html_head_js_mermaidjs -%}
{%- endblock html_head_js_mermaidjs -%}
"""


class MissingExtraError(KpiToolsError, ImportError):
    """An optional part of kpitools (Voilà, JupyterLab) is not installed; says what to run.

    It is an ``ImportError`` too, so code that already catches a missing module catches it.

    Examples
    --------
    >>> try:
    ...     _need("no_such_module_kt", "serve", "the app")
    ... except ImportError as exc:
    ...     print(exc)
    the app needs no_such_module_kt, which is not installed: pip install "kpitools[serve]"
    """


def find_notebook(notebook: PathLike | None = None) -> Path:
    """The explorer notebook: ``notebook``, else ``explore.ipynb`` of the current project.

    ``notebook`` is looked for from the working folder up to the project's folder; without
    it, the project's notebook folder is used (the installed notebooks outside a project or
    in one made with ``--no-notebooks``). Raises ``ParameterError`` when there is none.

    Examples
    --------
    >>> find_notebook().relative_to(Path.cwd()).as_posix()  # from the repository root
    'notebooks/explore.ipynb'
    """
    from kpitools.io.dataset import find_path
    from kpitools.project import current_project

    if notebook is None:
        found = current_project().notebook_folder / APP_NAME
        if not found.is_file():
            raise ParameterError(f"explorer notebook: {found} not found (give --notebook)")
        return found.resolve()
    try:
        found = find_path(notebook)
    except FileNotFoundError as exc:
        raise ParameterError(f"explorer notebook: {exc}") from None
    if not found.is_file():
        raise ParameterError(f"explorer notebook: {found} is not a file")
    return found.resolve()


def _declared(notebook: Path) -> dict[str, dict[str, Any]]:
    from kpitools.report.discovery import declared_parameters

    try:
        return declared_parameters(json.loads(notebook.read_text(encoding="utf-8")))
    except (OSError, ValueError, SyntaxError) as exc:
        raise ParameterError(f"explorer notebook {notebook}: cannot be read: {exc}") from None


def app_parameters(notebook: PathLike, given: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The parameters to inject into the served copy of ``notebook``.

    ``given`` values (``None`` = not given) override the notebook's defaults; names the
    notebook does not declare raise ``ParameterError``. Files are made absolute, as the
    kernel runs in another folder: given ones are found from the working folder (or a
    folder above it), the notebook's defaults from the notebook's folder, as JupyterLab
    would. A missing file raises ``ParameterError`` naming it.

    Examples
    --------
    >>> p = app_parameters(find_notebook(), {"year": 2022, "metric": None})
    >>> p["year"], Path(p["units"]).is_absolute(), "metric" in p
    (2022, True, False)
    """
    from kpitools.io.dataset import find_path

    notebook = Path(notebook)
    declared = _declared(notebook)
    given = {k: v for k, v in (given or {}).items() if v is not None}
    unknown = sorted(set(given) - set(declared))
    if unknown:
        raise ParameterError(
            f"{notebook.name} has no parameter {', '.join(unknown)}; "
            f"its parameters: {', '.join(declared)}"
        )
    out: dict[str, Any] = dict(given)
    for name in FILE_PARAMETERS:
        if name not in declared:
            continue
        value, start = (
            (given[name], None) if name in given else (declared[name]["default"], notebook.parent)
        )
        paths = value if isinstance(value, list | tuple) else [value]
        try:
            found = [str(find_path(p, start=start)) for p in paths]
        except FileNotFoundError as exc:
            raise ParameterError(f"{name}: {exc}") from None
        out[name] = found if isinstance(value, list | tuple) else found[0]
    return out


def check_parameters(parameters: Mapping[str, Any]) -> None:
    """Load the data and choose the first view as the notebook will.

    So a bad file, unit, metric, year or language stops ``kpitools explore`` with its
    message (``KpiDataError``, ``ParameterError``) rather than in the browser.
    """
    import kpitools as kt
    from kpitools import explore

    ds = kt.load_dataset(
        parameters["data"], units=parameters["units"], catalog=parameters["catalog"]
    )
    parent = kt.check_unit(ds.registry, parameters.get("parent", "01"))
    panel = explore.Panel.from_dataset(ds, parent=parent)
    explore.start_state(
        panel,
        metric=parameters.get("metric"),
        year=parameters.get("year"),
        selected=parameters.get("unit") or (),
        lang=parameters.get("lang", "vi"),
    )


def write_app(notebook: PathLike, parameters: Mapping[str, Any], folder: PathLike) -> Path:
    """Write the app into ``folder``; return the path of its notebook.

    That is ``app/explore.ipynb`` (``notebook`` with papermill's injected-parameters
    cell, without the cells tagged ``static-only``) and the offline Voilà template (under
    ``jupyter/voila/templates/``).

    The folder is meant for ``JUPYTER_PATH`` (the template is in ``jupyter/voila``) and
    Voilà's root (``app/``), and is removed when the server stops.
    """
    import nbformat
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    from kpitools._atomic import write_text_atomic

    folder = Path(folder)
    nb = load_notebook_node(str(notebook))
    nb = parameterize_notebook(nb, dict(parameters), kernel_name="python3", language="python")
    nb.cells = [c for c in nb.cells if STATIC_TAG not in c.metadata.get("tags", [])]
    app = folder / "app" / APP_NAME
    app.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(app, nbformat.writes(nb))
    template = _template_root(folder) / "voila" / "templates" / _TEMPLATE
    template.mkdir(parents=True, exist_ok=True)
    write_text_atomic(template / "conf.json", json.dumps({"base_template": "lab"}))
    write_text_atomic(template / "index.html.j2", _INDEX)
    return app


def _template_root(folder: Path) -> Path:
    return folder / "jupyter"


def voila_argv(
    app: PathLike,
    *,
    port: int = DEFAULT_PORT,
    host: str = DEFAULT_HOST,
    open_browser: bool = True,
) -> list[str]:
    """Voilà's arguments for the app notebook written by :func:`write_app`.

    Code hidden (Voilà's default), the offline template, on exactly ``port`` (no other
    port tried) and ``host``.

    Examples
    --------
    >>> voila_argv("/tmp/x/app/explore.ipynb", port=9000, open_browser=False)[:3]
    ['/tmp/x/app/explore.ipynb', '--port=9000', '--Voila.port_retries=0']
    """
    return [
        str(app),
        f"--port={port}",
        "--Voila.port_retries=0",
        f"--Voila.ip={host}",
        f"--Voila.root_dir={Path(app).parent}",
        f"--Voila.open_browser={open_browser}",
        f"--template={_TEMPLATE}",
        "--VoilaConfiguration.strip_sources=True",
        *(f"--VoilaConfiguration.extension_denylist={name}" for name in _UNUSED_EXTENSIONS),
    ]


def check_port(host: str, port: int) -> None:
    """Raise ``ParameterError`` when ``port`` cannot be listened on at ``host``.

    That is when it is in use, not allowed, or ``host`` is not an address of this machine.
    """
    if not 0 < port < 65536:
        raise ParameterError(f"port {port}: a port is a number from 1 to 65535")
    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind((host, port))
    except OSError as exc:
        if exc.errno == errno.EADDRNOTAVAIL:
            raise ParameterError(
                f"{host} is not an address of this machine; choose another with --host"
            ) from None
        why = "is in use" if exc.errno == errno.EADDRINUSE else f"cannot be used ({exc.strerror})"
        raise ParameterError(f"port {port} on {host} {why}; choose another with --port") from None


def _need(module: str, extra: str, what: str) -> None:
    if importlib.util.find_spec(module) is None:
        raise MissingExtraError(
            f'{what} needs {module}, which is not installed: pip install "kpitools[{extra}]"'
        )


def _is_local(host: str) -> bool:
    return host in ("localhost", "::1") or host.startswith("127.")


@contextlib.contextmanager
def _environment(values: Mapping[str, str]) -> Iterator[None]:
    """Set environment variables (Voilà and its kernels read them) and restore them after."""
    before = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _address(host: str, port: int) -> str:
    if host in ("0.0.0.0", "::", ""):  # every interface: the name colleagues can use
        host = socket.gethostname()
    return f"http://{f'[{host}]' if ':' in host else host}:{port}/"


def serve(
    notebook: PathLike | None = None,
    parameters: Mapping[str, Any] | None = None,
    *,
    port: int = DEFAULT_PORT,
    host: str = DEFAULT_HOST,
    open_browser: bool = True,
    say: Callable[[str], object] = print,
) -> int:
    """Serve the explorer with Voilà until Ctrl-C (or SIGTERM); return the exit status.

    Parameters
    ----------
    notebook
        The explorer notebook (default: ``explore.ipynb`` of the current project, see
        :func:`find_notebook`).
    parameters
        Values for the notebook's parameters (``data``, ``units``, ``catalog``, ``parent``,
        ``metric``, ``year``, ``unit``, ``lang``); ``None`` keeps the notebook's default.
        They are checked before the server starts, as is the port.
    port, host
        Where the app answers: exactly that port (no other is tried); ``127.0.0.1`` (this
        machine only) by default. Another host (``0.0.0.0``: every network of this
        machine) is announced with a warning, as the app has no password and whoever
        opens it can load KPI files of this machine by path.
    open_browser
        Open the app in the default browser once it answers.
    say
        Where the messages go (the address, the warning, "stopped").

    Returns
    -------
    int
        0 once stopped; Voilà's status when it could not start.

    Raises
    ------
    MissingExtraError
        Voilà is not installed (``pip install "kpitools[serve]"``).
    ParameterError, KpiDataError
        A parameter, a data file or the port cannot be used.
    """
    from kpitools.project import PROJECT_ENV, current_project

    _need("voila", "serve", "kpitools explore --serve")
    nb = find_notebook(notebook)
    params = app_parameters(nb, parameters)
    check_parameters({**{k: v["default"] for k, v in _declared(nb).items()}, **params})
    check_port(host, port)
    env = {}
    project = current_project()
    if not project.packaged:  # a path typed in the explorer is looked up in the project too
        env[PROJECT_ENV] = str(project.root)
    folder = Path(tempfile.mkdtemp(prefix="kpitools-explore-"))
    try:
        app = write_app(nb, params, folder)
        roots = os.environ.get("JUPYTER_PATH")
        env["JUPYTER_PATH"] = os.pathsep.join([str(_template_root(folder)), *filter(None, [roots])])
        say(f"kpitools explore: the explorer at {_address(host, port)} (Ctrl-C stops it)")
        if not _is_local(host):
            say(
                f"kpitools explore: WARNING: it answers on {host}: anyone who can reach this "
                f"machine on port {port} can use it and load its files; there is no password"
            )
        from voila.app import Voila

        argv = voila_argv(app, port=port, host=host, open_browser=open_browser)
        with _environment(env):
            try:
                Voila.launch_instance(argv=argv)
            except SystemExit as exc:  # Voilà exits so when it cannot start
                return exc.code if isinstance(exc.code, int) else 1
            finally:
                Voila.clear_instance()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    say("kpitools explore: stopped")
    return 0


def lab_command(
    notebook: PathLike,
    *,
    port: int | None = None,
    host: str = DEFAULT_HOST,
    open_browser: bool = True,
) -> list[str]:
    """The command that opens ``notebook`` in JupyterLab, its project folder as the root.

    Examples
    --------
    >>> cmd = lab_command("/p/notebooks/explore.ipynb", port=8900, open_browser=False)
    >>> cmd[1:4], cmd[-1]
    (['-m', 'jupyterlab', '--ServerApp.root_dir=/p'], '--no-browser')
    """
    nb = Path(notebook)
    root = nb.parent.parent if nb.parent.name == "notebooks" else nb.parent
    cmd = [
        sys.executable,
        "-m",
        "jupyterlab",
        f"--ServerApp.root_dir={root}",
        f"--ServerApp.ip={host}",
        f"--LabApp.default_url=/lab/tree/{nb.relative_to(root).as_posix()}",
    ]
    if port is not None:
        cmd += [f"--ServerApp.port={port}", "--ServerApp.port_retries=0"]
    if not open_browser:
        cmd.append("--no-browser")
    return cmd


def open_lab(
    notebook: PathLike | None = None,
    *,
    port: int | None = None,
    host: str = DEFAULT_HOST,
    open_browser: bool = True,
    say: Callable[[str], object] = print,
) -> int:
    """Run JupyterLab on the explorer notebook until it stops; return its exit status.

    Raises :class:`MissingExtraError` when JupyterLab is not installed.
    """
    _need("jupyterlab", "explore", "kpitools explore")
    nb = find_notebook(notebook)
    cmd = lab_command(nb, port=port, host=host, open_browser=open_browser)
    say(f"kpitools explore: {' '.join(cmd)}")
    lab = subprocess.Popen(cmd)
    # SIGTERM stops JupyterLab too (it stops its kernels); Ctrl-C reaches it by itself
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: lab.terminate())
    try:
        while True:
            try:
                return lab.wait()
            except KeyboardInterrupt:  # JupyterLab got the Ctrl-C too: it asks, or stops
                continue
    finally:
        signal.signal(signal.SIGTERM, previous)
