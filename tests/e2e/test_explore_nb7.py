"""End to end: explore.ipynb in Jupyter Notebook 7, driven by Chromium through Playwright.

One Notebook 7 server per module (token off, on a free local port) over a temporary folder
holding a copy of the explorer notebook and the data; the browser opens
``/notebooks/explore.ipynb``, runs every cell, waits for the live charts and changes the
year. As in the Voilà test, only what a reader sees is checked (live Vega charts, a year
picker, the marks' labels), so the explorer's layout may change freely.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from explorer_page import LIVE, MARKS, NOTEBOOK_READY, RANKS_YEAR, RUN_ALL, YEAR_PICKER, free_port

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
WAIT_MS = 180_000
YEAR, OTHER_YEAR = 2023, 2021  # the notebook's year, and another
#: See test_explore_serve.py: anywidget's 2 s limit for a chart's module on a loaded machine.
_SLOW_LOAD = "[anywidget] Failed to initialize model."


@pytest.fixture(scope="module")
def notebook_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    home = tmp_path_factory.mktemp("nb7")
    root = home / "root"
    root.mkdir()
    shutil.copy(ROOT / "notebooks" / "explore.ipynb", root)
    shutil.copytree(ROOT / "data", root / "data")  # "data/..." is found from the notebook
    settings = home / "settings"
    for plugin, values in {
        # every cell stays in the page (no windowing), so the outputs can be found
        "notebook-extension/tracker": {"windowingMode": "none"},
    }.items():
        path = settings / "@jupyterlab" / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_DATA_DIR": str(home / "data-dir"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(settings),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
    }
    env.pop("KPITOOLS_PROJECT", None)
    port = free_port()
    log = home / "notebook.log"
    command = [
        sys.executable,
        "-m",
        "notebook",
        "--no-browser",
        "--allow-root",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        "--IdentityProvider.token=",
        "--ServerApp.password=",
        f"--ServerApp.root_dir={root}",
        "--JupyterNotebookApp.expose_app_in_browser=True",
    ]
    url = f"http://127.0.0.1:{port}"
    with open(log, "wb") as out:
        server = subprocess.Popen(
            command, cwd=root, stdout=out, stderr=subprocess.STDOUT, env=env,
            start_new_session=True,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + WAIT_MS / 1000
        while True:
            if server.poll() is not None:
                pytest.fail(f"Notebook exited ({server.returncode}):\n{log.read_text()}")
            with (
                contextlib.suppress(OSError, urllib.error.URLError),
                urllib.request.urlopen(f"{url}/api/status", timeout=5) as response,
            ):
                if response.status == 200:
                    break
            if time.monotonic() > deadline:
                pytest.fail(f"Notebook did not answer on {url}:\n{log.read_text()}")
            time.sleep(0.25)
        yield url
    finally:
        server.send_signal(signal.SIGTERM)  # the server stops its kernels, then itself
        with contextlib.suppress(subprocess.TimeoutExpired):
            server.wait(timeout=30)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(server.pid, signal.SIGKILL)


def test_explorer_in_notebook_7(notebook_server: str, browser) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1400})
    errors: list[str] = []
    blocked: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e) + "\n" + str(e.stack)))

    def route(r: Any) -> None:
        if urlsplit(r.request.url).hostname == "127.0.0.1":
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    try:
        page.goto(f"{notebook_server}/notebooks/explore.ipynb", timeout=WAIT_MS)
        # Notebook 7 is up with the notebook open and its kernel idle
        page.wait_for_function(NOTEBOOK_READY, timeout=WAIT_MS)
        # errors so far are Notebook 7's own: it throws "Cannot read properties of undefined
        # (reading 'schema')" while loading its settings, before any cell runs
        at_start = len(errors)
        page.evaluate(RUN_ALL)

        page.wait_for_selector(f"{LIVE} .mark-rect path", timeout=WAIT_MS)
        page.wait_for_function(RANKS_YEAR, arg=YEAR, timeout=WAIT_MS)
        assert page.locator(LIVE).count() >= 2  # the ranking and the trend, at least
        before = page.evaluate(MARKS)

        assert page.evaluate(YEAR_PICKER), "no year picker in the page"
        page.locator("select[data-test=year]").select_option(label=str(OTHER_YEAR))
        page.wait_for_function(f"(before) => ({MARKS})() !== before", arg=before, timeout=WAIT_MS)
        page.wait_for_function(RANKS_YEAR, arg=OTHER_YEAR, timeout=WAIT_MS)
        # every cell ran without an error output
        page.wait_for_function(
            """() => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
                .every(p => /\\[\\d+\\]/.test(p.textContent))""",
            timeout=WAIT_MS,
        )
        assert page.locator(".jp-RenderedText[data-mime-type='application/vnd.jupyter.stderr']"
                            ).count() == 0  # fmt: skip
        assert [e for e in errors[at_start:] if not e.startswith(_SLOW_LOAD)] == []
        assert blocked == []
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "explore-nb7.png"))
    except Exception:
        with contextlib.suppress(Exception):
            page.screenshot(path=str(ARTIFACTS / "explore-nb7-failure.png"), full_page=True)
        print(f"page errors: {errors}\nblocked: {blocked}")
        raise
    finally:
        page.close()
