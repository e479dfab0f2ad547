from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest
from hypothesis import settings

import kpitools as kt

# no test asserts a time: hypothesis's per-example deadline (200 ms by default) would fail a
# property test on a loaded machine, so it is off for every test (a test's own settings keep it)
settings.register_profile("kpitools", deadline=None)
settings.load_profile("kpitools")

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


@pytest.fixture(scope="session")
def catalog() -> kt.MetricCatalog:
    return kt.read_catalog(DATA / "metrics.csv")


@pytest.fixture(scope="session")
def member_export_generator():
    """``scripts/make_member_export.py``, loaded as a module."""
    spec = importlib.util.spec_from_file_location(
        "make_member_export", ROOT / "scripts" / "make_member_export.py"
    )
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.fixture(scope="session")
def generated(member_export_generator, tmp_path_factory) -> dict[str, Path]:
    """A small synthetic national export (20 000 members), Parquet and CSV, with its units."""
    return member_export_generator.generate(tmp_path_factory.mktemp("export"), rows=20_000)


@pytest.fixture(scope="session")
def national(generated) -> kt.UnitRegistry:
    """The unit registry of the synthetic national export."""
    return kt.read_registry(generated["units"])
