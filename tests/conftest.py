from __future__ import annotations

import os
from pathlib import Path

import pytest

import kpitools as kt

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SEED = DATA / "hanoi_2023_seed.csv"
PANEL = DATA / "demo_panel.csv"
CHROMIUM = Path(os.environ.get("KPITOOLS_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def dataset() -> kt.Dataset:
    return kt.load_dataset([SEED, PANEL], units=DATA / "units.csv", catalog=DATA / "metrics.csv")


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium (Debian's) driven by Playwright, for opening reports."""
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (see .ci/run)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()
