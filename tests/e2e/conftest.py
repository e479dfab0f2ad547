"""Pages opened in the browser: offline, with what they tried to do recorded."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

# the browser tests' shared helpers (explorer_page.py) are imported by name
sys.path.insert(0, str(Path(__file__).resolve().parent))

_MARKS = ", ".join(
    f"svg.marks .mark-{kind}" for kind in ("rect", "symbol", "line", "text", "rule", "tick")
)


@pytest.fixture
def open_page(browser) -> Iterator[Callable[[Path], Any]]:
    """Open a local file with the network cut; the page records in ``dialogs`` every dialog
    (dismissed), in ``errors`` every console error and page error, in ``blocked`` every
    request to anything but a file."""
    pages: list[Any] = []

    def open_(path: Path) -> Any:
        page = browser.new_page()
        page.dialogs, page.errors, page.blocked = [], [], []

        def dialog(d: Any) -> None:
            page.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)
        page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.route(
            "**/*",
            lambda route: (
                route.continue_()
                if route.request.url.startswith("file:")
                else (page.blocked.append(route.request.url), route.abort())
            ),
        )
        page.goto(path.as_uri())
        pages.append(page)
        return page

    yield open_
    for page in pages:
        page.close()


def charts_drawn(page: Any) -> int:
    """Wait until every chart of the page holds an SVG with marks; return how many."""
    page.wait_for_function(
        f"""() => [...document.querySelectorAll('.kt-chart')].every(
                e => e.querySelector('{_MARKS}'))""",
        timeout=20_000,
    )
    return page.locator(".kt-chart svg.marks").count()


@pytest.fixture
def wait_for_charts() -> Callable[[Any], int]:
    """:func:`charts_drawn`, for tests."""
    return charts_drawn
