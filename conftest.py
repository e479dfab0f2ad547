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


def _member_examples() -> dict[str, Any]:
    """The small objects of the examples of :mod:`kpitools.members` (its docstring builds
    the same ones, so a reader sees what they are)."""
    import kpitools.members as members

    registry = kt.UnitRegistry.from_frame(
        pl.DataFrame(
            {
                "code": ["01", "001", "001-C01"],
                "name": ["Hà Nội", "Ba Đình", "Chi bộ A"],
                "level": ["city", "district", "basic"],
                "parent": [None, "01", "001"],
            }
        )
    )
    export = pl.DataFrame(
        {
            "Mã đảng viên": ["DV1", "DV2", "DV3"],
            "Mã tổ chức đảng": ["001-C01"] * 3,
            "Ngày vào Đảng": ["15/03/2022", "02/09/2023", "31/02/2023"],
            "Ngày sinh": ["10/05/1990"] * 3,
        }
    )
    wards = kt.UnitRegistry.from_frame(
        pl.DataFrame(
            {
                "code": ["01", "001", "001-C01", "001-C02", "01-P01"],
                "name": ["Hà Nội", "Ba Đình", "Chi bộ A", "Chi bộ B", "Phường X"],
                "level": ["city", "district", "basic", "basic", "ward"],
                "parent": [None, "01", "001", "001", "01"],
                "valid_from": [None, None, None, None, "2025-07-01"],
                "valid_to": [None, "2025-06-30", "2025-06-30", "2025-06-30", None],
            }
        )
    )
    crosswalk = members.Crosswalk(
        pl.DataFrame(
            {
                "old_code": ["001-C01", "001-C02"],
                "new_code": ["01-P01", "01-P01"],
                "effective": [dt.date(2025, 7, 1)] * 2,
                "change": ["split"] * 2,
                "note": [None] * 2,
            }
        )
    )
    return {
        "registry": registry,
        "export": export,
        "ward_registry": wards,
        "ward_crosswalk": crosswalk,
    }


@pytest.fixture(autouse=True)
def _doctest_names(
    request: pytest.FixtureRequest,
    doctest_namespace: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    doctest_namespace.update({name: getattr(kt, name) for name in kt.__all__})
    if request.node.name.startswith("kpitools.members."):
        doctest_namespace.update(_member_examples())
    doctest_namespace.update({n: getattr(kpitools.extract, n) for n in kpitools.extract.__all__})
    doctest_namespace.update(kt=kt, pl=pl, dt=dt, Path=Path)
