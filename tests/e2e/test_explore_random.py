"""100 random interactions with the explorer in JupyterLab, each checked against Python's state.

Chromium (Playwright) clicks bars, shift-clicks, picks years and units in the lists, types
thresholds and search text, switches language and tabs, with a fixed seed. After each step
the page is waited on until every visible view marks the kernel's state number
(``data-rev``), then the outlined bars, the table rows and the unit list are compared with
the explorer's state read from the kernel, and no page or console error may have occurred.
"""

from __future__ import annotations

import contextlib
import glob
import importlib.util
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from explorer_page import run_notebook

pytestmark = pytest.mark.slow

_HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("explore_lab", _HERE / "test_explore_lab.py")
assert _spec is not None and _spec.loader is not None
_lab = sys.modules.setdefault("explore_lab", importlib.util.module_from_spec(_spec))
_spec.loader.exec_module(_lab)

STEPS = 100
SEED = 19
WAIT_MS = _lab.WAIT_MS


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    yield from _lab.start_lab(tmp_path_factory.mktemp("lab"))


class Kernel:
    """Reads the explorer's state in the notebook's kernel."""

    def __init__(self, runtime: Path) -> None:
        import jupyter_client

        (path,) = glob.glob(str(runtime / "kernel-*.json"))
        self.client = jupyter_client.BlockingKernelClient(connection_file=path)
        self.client.load_connection_file()
        self.client.start_channels()

    def state(self) -> dict[str, Any]:
        code = (
            "import json as _j\n"
            "from kpitools.explore.widgets import live_explorers as _live\n"
            "_ex = _live()[-1]\n"
            "_s = _ex.state\n"
            "_names = {c: _ex.panel.name(c) for c in _s.units}\n"
            "import polars as _pl\n"
            "_year = _ex.panel.rows(_s.metric).filter(_pl.col('year') == _s.year)\n"
            "_have = set(_year['unit_code'].to_list())\n"
            "print(_j.dumps({'rev': _ex.rev, 'units': list(_s.units), 'year': _s.year,"
            " 'lang': _s.lang, 'names': _names, 'in_year': [u for u in _s.units if u in _have],"
            " 'n_year': len(_have), 'labels': [l for l, c in _ex.controls.units.options"
            " if c in _s.units], 'tab': _ex.tabs.selected_index}))"
        )
        out: list[str] = []

        def hook(msg: dict[str, Any]) -> None:
            if msg["msg_type"] == "stream":
                out.append(msg["content"]["text"])
            elif msg["msg_type"] == "error":
                out.append("\n".join(msg["content"]["traceback"]))

        self.client.execute_interactive(code, output_hook=hook, timeout=60, store_history=False)
        return json.loads("".join(out))

    def close(self) -> None:
        self.client.stop_channels()


_VIEWS = """(rev) => {
  const views = [...document.querySelectorAll('.kt-explorer .kt-view')]
    .filter((el) => el.offsetParent !== null);
  return views.length >= 3 && views.every((el) => Number(el.dataset.rev) === rev);
}"""

_OUTLINED = """() => [...document.querySelectorAll('.kt-explorer .kt-ranked .kt-vega')]
  .filter((box) => box.style.display !== 'none')
  .flatMap((box) => [...box.querySelectorAll('.mark-rect path')])
  .filter((p) => p.getAttribute('stroke') === 'black').length"""


def test_random_interactions_keep_every_view_as_the_state_says(lab, browser) -> None:
    rng = random.Random(SEED)
    page = browser.new_page(viewport={"width": 1400, "height": 1400})
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on(
        "console",
        lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
    )
    kernel = None
    ex = ".kt-explorer"
    try:
        page.goto(f"{lab.url}/lab/tree/notebooks/explore.ipynb?token={lab.token}")
        run_notebook(page, timeout=WAIT_MS)
        page.wait_for_selector(f"{ex} .kt-ranked svg .mark-rect path", timeout=WAIT_MS)
        page.wait_for_selector(f"{ex} .kt-table-view[data-rev]", timeout=WAIT_MS)
        kernel = Kernel(lab.log.parent / "runtime")

        def bar(shift: bool) -> None:
            bars = page.locator(f"{ex} .kt-ranked svg .mark-rect path:visible")
            bars.nth(rng.randrange(bars.count())).click(
                force=True, modifiers=["Shift"] if shift else None
            )

        def select(cls: str) -> None:
            options = page.eval_on_selector_all(
                f"{ex} .{cls} select option", "os => os.map(o => o.textContent)"
            )
            page.locator(f"{ex} .{cls} select").select_option(index=rng.randrange(len(options)))

        def threshold() -> None:
            box = page.locator(f"{ex} .kt-band-{rng.randrange(3)} input")
            box.fill(str(rng.choice([80, 90, 95, 100, 110, 120, 130])))
            box.press("Tab")

        def search() -> None:
            box = page.locator(f"{ex} .kt-unit-search input")
            box.fill(rng.choice(["", "an", "thanh", "đông", ""]))
            box.press("Tab")

        actions = {
            "click": lambda: bar(False),
            "shift-click": lambda: bar(True),
            "year": lambda: select("kt-year"),
            "unit": lambda: select("kt-units"),
            "threshold": threshold,
            "search": search,
            "language": lambda: page.locator(f"{ex} .kt-lang button").nth(rng.randrange(2)).click(),
            "tab": lambda: page.locator(f"{ex} .kt-tabs .lm-TabBar-tab").nth(0).click(),
            "heatmap": lambda: page.locator(f"{ex} .kt-tabs .lm-TabBar-tab").nth(1).click(),
            "clear": lambda: page.locator(f"{ex} .kt-clear").click(),
        }
        names = list(actions)
        weights = [4, 3, 2, 3, 1, 1, 1, 1, 1, 1]
        done: list[str] = []
        for step in range(STEPS):
            what = rng.choices(names, weights)[0]
            if (
                what in ("click", "shift-click")
                and not page.locator(f"{ex} .kt-ranked svg .mark-rect path:visible").count()
            ):
                what = "tab"
            done.append(what)
            before = kernel.state()["rev"]
            actions[what]()
            # the kernel has the browser's message once its state number moves (some steps,
            # an invalid threshold or a search, change nothing: then wait a little)
            for _ in range(15):
                page.wait_for_timeout(100)
                state = kernel.state()
                if state["rev"] != before:
                    break
            page.wait_for_function(_VIEWS, arg=state["rev"], timeout=30_000)
            where = f"step {step} ({' → '.join(done[-5:])}): {state}"
            rows = page.locator(f"{ex} .kt-table-view tbody tr:not(.kt-empty)").count()
            expected_rows = len(state["in_year"]) if state["units"] else state["n_year"]
            assert rows == expected_rows, where
            chosen = page.evaluate(
                f"""() => [...document.querySelector('{ex} .kt-units select').selectedOptions]
                    .map(o => o.textContent.replace(/\\u00a0/g, ' '))"""
            )
            assert sorted(chosen) == sorted(state["labels"]), where
            if state["tab"] == 0:
                assert page.evaluate(_OUTLINED) == len(state["in_year"]), where
            assert not problems, f"{where}\n" + "\n".join(problems)
        # no chart keeps more than a few drawings (one per language and bands)
        boxes = page.evaluate(
            f"""() => [...document.querySelectorAll('{ex} .kt-view')]
                .map(v => v.querySelectorAll(':scope > .kt-vega').length)"""
        )
        assert max(boxes) <= 3, boxes
    except Exception:
        with contextlib.suppress(Exception):
            page.screenshot(path=str(_lab.ARTIFACTS / "explore-random-failure.png"), full_page=True)
        raise
    finally:
        if kernel is not None:
            kernel.close()
        page.close()
