"""End to end: explore.ipynb in a real JupyterLab, driven by Chromium through Playwright.

A JupyterLab server is started on a free local port with a token, over a temporary copy
of the notebooks and data; the browser opens explore.ipynb, runs every cell, changes the
unit control and clicks a unit in the ranking, and checks that the charts, the table and
the control follow. A screenshot is kept in ``tests/artifacts/``.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from explorer_page import free_port, run_notebook

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
#: Generous: a cold JupyterLab, a kernel start and the first imports on a busy CI machine.
WAIT_MS = 180_000


@dataclass(frozen=True)
class Lab:
    url: str
    token: str
    log: Path


def _request(url: str, token: str, method: str = "GET") -> int:
    req = urllib.request.Request(url, method=method, headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(req, timeout=10) as response:
        return int(response.status)


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    yield from start_lab(tmp_path_factory.mktemp("lab"))


def start_lab(tmp_path: Path) -> Iterator[Lab]:
    """A JupyterLab over a copy of explore.ipynb and the data (shared by a module's tests)."""
    root = tmp_path / "root"
    (root / "notebooks").mkdir(parents=True)
    shutil.copy(ROOT / "notebooks" / "explore.ipynb", root / "notebooks")
    shutil.copytree(ROOT / "data", root / "data")
    settings = tmp_path / "settings"
    tracker = settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
    tracker.parent.mkdir(parents=True)
    # every cell stays in the page (no windowing), so the outputs can be found
    tracker.write_text(json.dumps({"windowingMode": "none"}), encoding="utf-8")
    notices = settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    notices.parent.mkdir(parents=True)
    notices.write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(tmp_path / "config"),
        "JUPYTER_DATA_DIR": str(tmp_path / "data-dir"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(settings),
        "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "workspaces"),
    }
    port, token = free_port(), secrets.token_hex(16)
    log = tmp_path / "jupyterlab.log"
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--allow-root",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        "--LabApp.expose_app_in_browser=True",
        "--LabApp.news_url=",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    url = f"http://127.0.0.1:{port}"
    with open(log, "wb") as out:
        server = subprocess.Popen(
            command, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True
        )
    try:
        deadline = time.monotonic() + WAIT_MS / 1000
        while True:
            if server.poll() is not None:
                pytest.fail(f"JupyterLab exited ({server.returncode}):\n{log.read_text()}")
            with contextlib.suppress(OSError, urllib.error.URLError):
                if _request(f"{url}/api/status", token) == 200:
                    break
            if time.monotonic() > deadline:
                pytest.fail(f"JupyterLab did not answer on {url}:\n{log.read_text()}")
            time.sleep(0.25)
        yield Lab(url, token, log)
    finally:
        _stop(server, url, token)


def _stop(server: subprocess.Popen[bytes], url: str, token: str) -> None:
    """Ask the server to shut down (it stops its kernels), then insist."""
    with contextlib.suppress(OSError, urllib.error.URLError):
        _request(f"{url}/api/shutdown", token, method="POST")
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)
    # the kernel runs in the server's session: nothing of it may outlive the test
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(server.pid, signal.SIGKILL)


_TEXTS = """(selector) => [...document.querySelectorAll(selector + ' svg text')]
    .map(t => t.textContent)"""


def _svg_texts(page, selector: str) -> list[str]:
    return page.evaluate(_TEXTS, selector)


def _wait_for_text(page, selector: str, text: str) -> None:
    """Wait until a chart (SVG) under ``selector`` writes ``text``."""
    page.wait_for_function(
        """([selector, text]) => [...document.querySelectorAll(selector + ' svg text')]
            .some(t => t.textContent === text)""",
        arg=[selector, text],
        timeout=WAIT_MS,
    )


#: The unit list's chosen entries (ipywidgets writes their spaces as no-break spaces).
_SELECTED = """() => [...document.querySelector('.kt-explorer .kt-units select').selectedOptions]
    .map(o => o.textContent.replace(/\\u00a0/g, ' '))"""


def _selected_units(page) -> list[str]:
    return page.evaluate(_SELECTED)


def test_explorer_in_jupyterlab(lab: Lab, browser) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1600, "height": 1500})
    messages: list[str] = []
    page.on("console", lambda m: messages.append(f"{m.type}: {m.text}"))
    try:
        page.goto(f"{lab.url}/lab/tree/notebooks/explore.ipynb?token={lab.token}")
        run_notebook(page, timeout=WAIT_MS)

        # the explorer is drawn: ranking of 2023 and the city's trend (no unit selected)
        page.wait_for_selector(".kt-explorer .kt-ranked svg .mark-rect path", timeout=WAIT_MS)
        _wait_for_text(page, ".kt-explorer .kt-trend", "Hà Nội (chung)")
        assert "Kết nạp đảng viên mới – 2023" in _svg_texts(page, ".kt-explorer .kt-ranked")
        rows = page.locator(".kt-explorer .kt-table-view tbody tr")
        assert rows.count() == 31

        # a unit chosen in the list: the trend shows its figures, the table its row and
        # the ranking outlines its bar
        page.locator(".kt-explorer .kt-units select").select_option(label="Đông Anh (017)")
        _wait_for_text(page, ".kt-explorer .kt-trend", "Đông Anh (017)")
        assert _selected_units(page) == ["Đông Anh (017)"]
        page.wait_for_function(
            """() => document.querySelectorAll('.kt-explorer .kt-table-view tbody tr')
                .length === 1""",
            timeout=WAIT_MS,
        )
        assert "Đông Anh" in rows.first.inner_text()
        page.wait_for_function(
            """() => [...document.querySelectorAll(
                    '.kt-explorer .kt-ranked svg .mark-rect path[aria-label*="Đông Anh"]')]
                .some(p => p.getAttribute('stroke') === 'black')""",
            timeout=WAIT_MS,
        )

        # a click on a bar selects that unit in the list, the trend and the table
        bar = page.locator(
            '.kt-explorer .kt-ranked svg .mark-rect path[aria-label*="Ba Đình (001)"]:visible'
        )
        bar.first.click()
        _wait_for_text(page, ".kt-explorer .kt-trend", "Ba Đình (001)")
        page.wait_for_function(f"() => ({_SELECTED})().join() === 'Ba Đình (001)'", timeout=WAIT_MS)
        assert "Ba Đình" in rows.first.inner_text()

        # another year: the ranking is redrawn with that year's figures
        page.locator(".kt-explorer .kt-year select").select_option(label="2021")
        _wait_for_text(page, ".kt-explorer .kt-ranked", "Kết nạp đảng viên mới – 2021")
        page.wait_for_function(
            """() => document.querySelector('.kt-explorer .kt-table-view caption')
                .textContent.endsWith('2021')""",
            timeout=WAIT_MS,
        )

        # the heatmap, drawn when its tab opens, selects a unit on a click too
        page.locator(".kt-explorer .kt-tabs .lm-TabBar-tab", has_text="Bản đồ nhiệt").click()
        cell = page.locator(
            '.kt-explorer .kt-heatmap svg .mark-rect path[aria-label*="Sóc Sơn (016)"]:visible'
        )
        cell.first.wait_for(timeout=WAIT_MS)
        # where a reader clicks: the middle of the cell, on its percentage label
        cell.first.click(force=True)
        page.wait_for_function(f"() => ({_SELECTED})().join() === 'Sóc Sơn (016)'", timeout=WAIT_MS)
        _wait_for_text(page, ".kt-explorer .kt-trend", "Sóc Sơn (016)")

        # a dashboard: the ranking beside the trend and the table, at 1 600 and 1 150 px
        # (the file browser closed, as an analyst does to make room)
        page.evaluate("() => window.jupyterapp.commands.execute('application:toggle-left-area')")
        for width in (1600, 1150):
            page.set_viewport_size({"width": width, "height": 1500})
            page.locator(".kt-explorer .kt-tabs .lm-TabBar-tab").first.click()
            page.wait_for_timeout(500)
            tabs = page.locator(".kt-explorer .kt-tabs").bounding_box()
            trend = page.locator(".kt-explorer .kt-trend svg:visible").first.bounding_box()
            table = page.locator(".kt-explorer .kt-table-view").bounding_box()
            assert tabs and trend and table
            assert trend["x"] >= tabs["x"] + tabs["width"] - 2, (width, tabs, trend)
            assert abs(trend["y"] - tabs["y"]) < 120, (width, tabs, trend)
            assert table["y"] > trend["y"] and trend["width"] >= 420 and trend["height"] >= 220
            overflow = page.evaluate(
                "() => { const e = document.querySelector('.kt-explorer');"
                " return e.scrollWidth - e.clientWidth; }"
            )
            assert overflow <= 1, (width, overflow)
            shot = ARTIFACTS / f"explore-lab-{width}.png"
            page.locator(".kt-explorer").screenshot(path=str(shot))

        # the still snapshot below the explorer is there too (what papermill keeps)
        assert page.locator(".kt-snapshot svg").count() == 2

        page.locator(".kt-explorer").screenshot(path=str(ARTIFACTS / "explore-lab.png"))
    except Exception:
        with contextlib.suppress(Exception):
            page.screenshot(path=str(ARTIFACTS / "explore-lab-failure.png"), full_page=True)
        with contextlib.suppress(Exception):
            messages.append(f"selected units: {_selected_units(page)}")
        console = "\n".join(messages[-40:])
        server = lab.log.read_text(errors="replace")[-4000:]
        print(f"browser console:\n{console}\n\nserver log:\n{server}")
        raise
    finally:
        page.close()
