"""PDFs of written reports, printed by a local Chromium through Playwright (extra ``pdf``).

A report prints as the reader's browser would print it: the page's print stylesheet
(A4 pages, every column of a table kept, no chart menus, a page break before each
section) after every chart is drawn. Nothing is fetched from the network: the browser
may open the report's own file and nothing else.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kpitools._atomic import atomic_path
from kpitools.errors import KpiToolsError

#: What to do when no Chromium can be found (printed by ``kpitools run --pdf``).
HOW_TO_GET_CHROMIUM = (
    "PDFs need Playwright and a Chromium: pip install 'kpitools[pdf]' and then "
    "`playwright install chromium` (conda: conda install -c conda-forge playwright-python, "
    "then the same command), or point KPITOOLS_CHROMIUM at an installed Chromium or Chrome"
)

#: Arguments for a headless Chromium that prints local files (no sandbox inside containers).
CHROMIUM_ARGS = ("--no-sandbox", "--disable-gpu", "--disable-background-networking")

#: Most a report may take to draw its charts before it is printed as it is (ms).
DRAW_TIMEOUT_MS = 60_000

_DRAWN = """() => [...document.querySelectorAll('.kt-chart')].every(
    e => e.querySelector('svg.marks') || e.textContent.startsWith('Chart error'))"""


class PdfUnavailable(KpiToolsError, RuntimeError):
    """No Playwright or no Chromium: the message says how to get them.

    Examples
    --------
    >>> import os, tempfile
    >>> page = Path(tempfile.mkdtemp()) / "report.html"
    >>> _ = page.write_text("<html><body>Báo cáo</body></html>", encoding="utf-8")
    >>> os.environ["KPITOOLS_CHROMIUM"] = "/no/such/chromium"
    >>> try:
    ...     write_pdfs([page])
    ... except PdfUnavailable as exc:
    ...     print(str(exc).split(".")[0])
    no Chromium found
    >>> del os.environ["KPITOOLS_CHROMIUM"]
    """


def find_chromium() -> str | None:
    """The Chromium to print with: ``$KPITOOLS_CHROMIUM``, Playwright's own, or one on PATH.

    Returns None when there is none (or Playwright is not installed); Playwright's own
    browser is found without starting it.
    """
    if env := os.environ.get("KPITOOLS_CHROMIUM"):
        return env if Path(env).exists() else None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    try:
        with sync_playwright() as p:
            own = p.chromium.executable_path
    except Exception:  # a broken Playwright install: look on PATH instead
        own = ""
    if own and Path(own).exists():
        return own
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if found := shutil.which(name):
            return found
    return None


@contextmanager
def _browser(executable: str | None) -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise PdfUnavailable(f"Playwright is not installed. {HOW_TO_GET_CHROMIUM}") from exc
    chromium = executable or find_chromium()
    if chromium is None:
        raise PdfUnavailable(f"no Chromium found. {HOW_TO_GET_CHROMIUM}")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=list(CHROMIUM_ARGS))
        try:
            yield browser
        finally:
            browser.close()


def write_pdfs(pages: Iterable[Path], *, chromium: str | None = None) -> list[Path]:
    """Print each HTML report in ``pages`` to a PDF beside it (same name, ``.pdf``).

    One browser prints them all; each page is printed once its charts are drawn (or
    after :data:`DRAW_TIMEOUT_MS`), with the print stylesheet, on A4, backgrounds kept (the
    status colours of table rows). A PDF newer than its HTML is kept as it is. Each file
    is written atomically. Raises :class:`PdfUnavailable` (saying how to get one) when
    Playwright or a Chromium is missing.

    Returns the PDFs, in the order of ``pages``.
    """
    pages = [Path(p) for p in pages]
    out = [p.with_suffix(".pdf") for p in pages]
    todo = [
        (html, pdf)
        for html, pdf in zip(pages, out, strict=True)
        if not (pdf.exists() and pdf.stat().st_mtime >= html.stat().st_mtime)
    ]
    if not todo:
        return out
    with _browser(chromium) as browser:
        for html, pdf in todo:
            print_pdf(browser, html, pdf)
    return out


def print_pdf(browser: Any, html: Path, pdf: Path) -> Path:
    """Print one report with an open Playwright ``browser``; see :func:`write_pdfs`."""
    page = browser.new_page()
    try:
        page.route(
            "**/*",
            lambda route: (
                route.continue_() if route.request.url.startswith("file:") else route.abort()
            ),
        )
        page.goto(html.resolve().as_uri())
        with contextlib.suppress(Exception):  # a chart that does not draw: print what there is
            page.wait_for_function(_DRAWN, timeout=DRAW_TIMEOUT_MS)
        page.emulate_media(media="print")
        with atomic_path(pdf) as tmp:
            page.pdf(path=str(tmp), format="A4", print_background=True, prefer_css_page_size=True)
    finally:
        page.close()
    return pdf
