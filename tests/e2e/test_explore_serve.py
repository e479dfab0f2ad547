"""End to end: ``kpitools explore --serve`` (Voilà) in Chromium, offline, code hidden.

One server per module: ``kpitools explore --serve --port P --no-browser --year 2022`` is
started as a subprocess, over the repository's data; the page is opened with every request
to a host other than this machine aborted and recorded. The tests look at what a reader
sees, not at the explorer's layout: live Vega charts (``.vega-embed svg.marks``), a year
picker (the ``<select>`` whose options are years) and the marks' labels. The last test
stops the server with Ctrl-C (SIGINT) and checks that its kernel and files go with it.

The fast tests at the end check the command's messages without starting a server.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from explorer_page import LIVE, MARKS, RANKS_YEAR, YEAR_PICKER, free_port

from kpitools import cli
from kpitools.explore import serve

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
#: Generous: a kernel start, the first imports and the notebook's cells on a busy machine.
WAIT_MS = 180_000
YEAR, OTHER_YEAR = 2022, 2021
#: anywidget gives a chart's model 2 s to load its module and rejects after that, which a
#: loaded 2-core machine can exceed with each chart's 0.9 MB Vega bundle (issue 19, point 1);
#: the chart is still drawn and followed, which is what these tests check.
_SLOW_LOAD = "[anywidget] Failed to initialize model."


def _listening(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) == 0


def _kill(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=10)


@dataclass
class Served:
    url: str
    port: int
    process: subprocess.Popen[bytes]
    log: Path

    def output(self) -> str:
        return self.log.read_text(errors="replace")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    home = tmp_path_factory.mktemp("serve")
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_DATA_DIR": str(home / "data-dir"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "PYTHONUNBUFFERED": "1",
    }
    port = free_port()
    log = home / "serve.log"
    command = [sys.executable, "-m", "kpitools.cli", "explore", "--serve"]
    command += ["--port", str(port), "--no-browser", "--year", str(YEAR)]
    with open(log, "wb") as out:
        process = subprocess.Popen(
            command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=env,
            start_new_session=True,
        )  # fmt: skip
    app = Served(f"http://127.0.0.1:{port}/", port, process, log)
    try:
        deadline = time.monotonic() + WAIT_MS / 1000
        while not _listening(port):  # not a GET: each page view starts a kernel
            if process.poll() is not None:
                pytest.fail(f"kpitools explore exited ({process.returncode}):\n{app.output()}")
            if time.monotonic() > deadline:
                pytest.fail(f"kpitools explore did not answer on {app.url}:\n{app.output()}")
            time.sleep(0.25)
        yield app
    finally:
        _kill(process)


@dataclass
class Opened:
    page: Any
    blocked: list[str]
    errors: list[str]


@pytest.fixture(scope="module")
def opened(served: Served, browser) -> Iterator[Opened]:
    """The app in Chromium, every request to a host other than this machine aborted."""
    page = browser.new_page(viewport={"width": 1600, "height": 1400})
    seen = Opened(page, [], [])

    def route(r: Any) -> None:
        if urlsplit(r.request.url).hostname in ("127.0.0.1", "localhost"):
            r.continue_()
        else:
            seen.blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    # web sockets do not go through routes: their addresses are checked too
    page.on("websocket", lambda ws: None if urlsplit(ws.url).hostname == "127.0.0.1"
            else seen.blocked.append(ws.url))  # fmt: skip
    page.on("pageerror", lambda e: seen.errors.append(str(e)))
    try:
        page.goto(served.url, wait_until="commit", timeout=WAIT_MS)
        page.wait_for_selector(f"{LIVE} .mark-rect path", timeout=WAIT_MS)
        yield seen
    except Exception:
        with contextlib.suppress(Exception):
            page.screenshot(path=str(ARTIFACTS / "explore-serve-failure.png"), full_page=True)
        print(f"page errors: {seen.errors}\n\nserver:\n{served.output()[-4000:]}")
        raise
    finally:
        page.close()


@pytest.mark.slow
def test_served_explorer_draws_and_follows_a_control(opened: Opened) -> None:
    page = opened.page
    assert page.locator(LIVE).count() >= 2  # the ranking and the trend, at least
    page.wait_for_function(RANKS_YEAR, arg=YEAR, timeout=WAIT_MS)  # --year reached the app
    before = page.evaluate(MARKS)

    assert page.evaluate(YEAR_PICKER), "no year picker in the page"
    page.locator("select[data-test=year]").select_option(label=str(OTHER_YEAR))
    page.wait_for_function(f"(before) => ({MARKS})() !== before", arg=before, timeout=WAIT_MS)
    page.wait_for_function(RANKS_YEAR, arg=OTHER_YEAR, timeout=WAIT_MS)
    assert page.locator("select[data-test=year]").input_value() == str(OTHER_YEAR)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "explore-serve.png"))


@pytest.mark.slow
def test_served_explorer_hides_code_and_stays_offline(opened: Opened, served: Served) -> None:
    page = opened.page
    html = page.content()
    # no code: not the cells' source, not the injected parameters (the server's paths)
    for code in ("import kpitools", "explore.Explorer(", "# Parameters", str(ROOT / "data")):
        assert code not in html
    assert page.locator(".cm-editor, .jp-InputArea-editor, .CodeMirror").count() == 0
    # nothing asked of another host: Voilà's and anywidget's files and the Vega bundle are
    # served by the app itself, and the page works (it drew and followed, above)
    assert opened.blocked == []
    assert [e for e in opened.errors if e != _SLOW_LOAD] == []
    assert "Traceback" not in served.output()


@pytest.mark.slow
def test_server_stops_cleanly_on_ctrl_c(opened: Opened, served: Served) -> None:
    import psutil

    server = psutil.Process(served.process.pid)
    kernels = [p for p in server.children(recursive=True) if "ipykernel" in " ".join(p.cmdline())]
    assert kernels, "the page's kernel is not a child of the server"
    app_folders = {Path(k.cwd()) for k in kernels}  # the served copy's folder
    assert all(f.name == "app" and f.parent.name.startswith("kpitools-explore-")
               for f in app_folders)  # fmt: skip

    served.process.send_signal(signal.SIGINT)
    assert served.process.wait(timeout=60) == 0, served.output()[-3000:]
    assert served.output().rstrip().endswith("kpitools explore: stopped")
    _gone, alive = psutil.wait_procs(kernels, timeout=10)
    assert alive == []
    assert not any(f.parent.exists() for f in app_folders)
    assert not _listening(served.port)


# ----------------------------------------------------------------- messages (no server)


def test_missing_voila_says_what_to_install(monkeypatch, capsys) -> None:
    find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "voila" else find_spec(name, *a),
    )
    assert cli.main(["explore", "--serve", "--no-browser"]) == 2
    assert 'pip install "kpitools[serve]"' in capsys.readouterr().err


def test_a_port_in_use_is_refused_before_starting(capsys) -> None:
    if importlib.util.find_spec("voila") is None:
        pytest.skip("voila is not installed")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert cli.main(["explore", "--serve", "--no-browser", "--port", str(port)]) == 2
    assert f"port {port} on 127.0.0.1 is in use; choose another with --port" in (
        capsys.readouterr().err
    )


def test_bad_parameters_stop_before_the_server(capsys) -> None:
    if importlib.util.find_spec("voila") is None:
        pytest.skip("voila is not installed")
    assert cli.main(["explore", "--serve", "--no-browser", "--year", "1999"]) == 2
    err = capsys.readouterr().err
    assert re.search(r"kpitools explore: year 1999 has no .*; years with data: 2019", err), err
    assert cli.main(["explore", "--serve", "--no-browser", "nowhere.csv"]) == 2
    assert "nowhere.csv" in capsys.readouterr().err


def test_options_of_the_app_are_refused_for_jupyterlab(capsys) -> None:
    assert cli.main(["explore", "--year", "2022", "--metric", "admissions"]) == 2
    assert "metric, year: only with --serve" in capsys.readouterr().err


def test_the_app_is_a_parameterized_copy_with_an_offline_template(tmp_path: Path) -> None:
    nb = serve.find_notebook()
    params = serve.app_parameters(nb, {"year": 2021, "lang": "en", "unit": None})
    app = serve.write_app(nb, params, tmp_path)
    assert app == tmp_path / "app" / "explore.ipynb"
    text = app.read_text(encoding="utf-8")
    assert '"injected-parameters"' in text and "year = 2021" in text and 'lang = \\"en\\"' in text
    assert str((ROOT / "data" / "units.csv").resolve()) in text  # absolute: the kernel's
    # folder is the copy's
    template = tmp_path / "jupyter" / "voila" / "templates" / "kpitools" / "index.html.j2"
    assert "http" not in template.read_text(encoding="utf-8")
    argv = serve.voila_argv(app, port=9000, open_browser=False)
    assert "--Voila.ip=127.0.0.1" in argv and "--Voila.open_browser=False" in argv
    shutil.rmtree(tmp_path / "app")


def test_serve_wires_voila_and_cleans_up(monkeypatch) -> None:
    """serve() with Voilà's launch replaced: what it is given, what is said, what is left."""
    pytest.importorskip("voila")
    from voila.app import Voila

    seen: dict[str, Any] = {}

    def launch(argv: list[str]) -> None:
        seen["argv"] = argv
        seen["app"] = Path(argv[0])
        seen["app text"] = seen["app"].read_text(encoding="utf-8")
        seen["JUPYTER_PATH"] = os.environ["JUPYTER_PATH"]
        seen["KPITOOLS_PROJECT"] = os.environ.get("KPITOOLS_PROJECT")

    monkeypatch.setattr(Voila, "launch_instance", launch)
    monkeypatch.delenv("JUPYTER_PATH", raising=False)
    said: list[str] = []
    port = free_port()
    status = serve.serve(
        parameters={"year": 2021}, port=port, host="0.0.0.0", open_browser=False, say=said.append
    )
    assert status == 0
    assert f"--port={port}" in seen["argv"] and "--Voila.ip=0.0.0.0" in seen["argv"]
    assert "year = 2021" in seen["app text"]
    template_root = Path(seen["JUPYTER_PATH"].split(os.pathsep)[0])
    assert template_root.name == "jupyter" and template_root.parent == seen["app"].parents[1]
    assert seen["KPITOOLS_PROJECT"] == str(ROOT)  # a typed path is found in the project
    # said: where, the warning (another host: no password), and the end
    assert said[0].startswith("kpitools explore: the explorer at http://")
    assert "WARNING" in said[1] and "no password" in said[1]
    assert said[-1] == "kpitools explore: stopped"
    # nothing left: the folder is removed, the environment as it was
    assert not seen["app"].exists() and not template_root.exists()
    assert "JUPYTER_PATH" not in os.environ


def test_cells_for_static_readers_are_left_out_of_the_app(tmp_path: Path) -> None:
    import nbformat

    nb = nbformat.read(serve.find_notebook(), as_version=4)
    for cell in nb.cells[-2:]:
        cell.metadata["tags"] = [serve.STATIC_TAG]
    tagged = tmp_path / "explore.ipynb"
    nbformat.write(nb, tagged)
    app = serve.write_app(tagged, {"year": 2021}, tmp_path / "out")
    served = nbformat.read(app, as_version=4)
    assert len(served.cells) == len(nb.cells) - 2 + 1  # the injected parameters added
    assert not any(serve.STATIC_TAG in c.metadata.get("tags", []) for c in served.cells)
