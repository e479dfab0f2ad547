"""One namespace for every docstring example (``--doctest-modules``).

Examples use the package's public names and a few standard modules without importing them,
and read the bundled data by paths relative to the repository (pytest runs from its root).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import polars as pl
import pytest

import kpitools as kt
import kpitools.extract

ROOT = Path(__file__).resolve().parent


@pytest.fixture(autouse=True)
def _doctest_names(doctest_namespace: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    doctest_namespace.update({name: getattr(kt, name) for name in kt.__all__})
    doctest_namespace.update({n: getattr(kpitools.extract, n) for n in kpitools.extract.__all__})
    doctest_namespace.update(kt=kt, pl=pl, dt=dt, Path=Path)
