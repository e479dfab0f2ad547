"""Every KPI notebook on KPIs counted from a member export: runs, and shows no member id."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
from pathlib import Path

import polars as pl
import pytest
from hypothesis import strategies as st

import kpitools as kt
from kpitools.members import (
    member_kpis,
    read_targets,
)
from kpitools.registry import read_registry

ROOT = Path(__file__).resolve().parents[2]


DATA = Path(__file__).resolve().parents[2] / "tests" / "data"


UNITS = DATA / "members_units.csv"


def _generator():
    spec = importlib.util.spec_from_file_location(
        "make_member_export", ROOT / "scripts" / "make_member_export.py"
    )
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.fixture(scope="module")
def registry() -> kt.UnitRegistry:
    return read_registry(UNITS)


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> dict[str, Path]:
    """A small synthetic national export (20 000 members), Parquet and CSV."""
    out = tmp_path_factory.mktemp("export")
    return _generator().generate(out, rows=20_000)


@pytest.fixture(scope="module")
def national(generated) -> kt.UnitRegistry:
    return read_registry(generated["units"])


@pytest.fixture(scope="module")
def catalog() -> kt.MetricCatalog:
    return kt.read_catalog(ROOT / "data" / "metrics.csv")


HAND = {
    # unit: {metric: (2022, 2023, 2024)}
    "001": {
        "admissions": (2, 2, 0),
        "admissions_nonstate": (1, 1, 0),  # T01; T03
        "admissions_business_owners": (0, 1, 0),  # T03
        "admissions_hs_students": (1, 0, 0),  # T02
        "admissions_female": (1, 1, 0),  # T02; T04
        "admissions_male": (1, 1, 0),  # T01; T03
        "admissions_age_under_30": (1, 1, 0),  # T02 (18, born 30/11/2004); T04 (28)
        "admissions_age_30_44": (1, 0, 0),  # T01 (31)
        "admissions_age_45_59": (0, 1, 0),  # T03 (47: turns 48 the day after)
        "admissions_age_60_plus": (0, 0, 0),
        "members": (3, 5, 4),  # T01 T02 T09 | + T03 T04 | − T03
        "deaths": (0, 0, 0),
        "removals": (0, 0, 1),  # T03
        "transfers_out": (1, 0, 0),  # T07
    },
    "268": {
        "admissions": (0, 0, 1),  # T06
        "admissions_nonstate": (0, 0, 1),
        "admissions_business_owners": (0, 0, 0),
        "admissions_hs_students": (0, 0, 0),
        "admissions_female": (0, 0, 1),
        "admissions_male": (0, 0, 0),
        "admissions_age_under_30": (0, 0, 0),
        "admissions_age_30_44": (0, 0, 1),  # T06: 30 on the day
        "admissions_age_45_59": (0, 0, 0),
        "admissions_age_60_plus": (0, 0, 0),
        "members": (1, 0, 1),  # T05 | died | T06
        "deaths": (0, 1, 0),  # T05
        "removals": (1, 0, 0),  # T10 (khai trừ)
        "transfers_out": (0, 0, 0),
    },
}


HAND["01"] = {
    m: tuple(a + b for a, b in zip(HAND["001"][m], HAND["268"][m], strict=True))
    for m in HAND["001"]
}


for _metric, _extra in {
    "admissions": 1,
    "admissions_male": 1,
    "admissions_age_60_plus": 1,
    "members": 1,
}.items():  # T08, at the city itself, admitted 20/02/2024 aged 60
    a, b, c = HAND["01"][_metric]
    HAND["01"][_metric] = (a, b, c + _extra)


LEAVES = ["001-C01", "001-C02", "268-C01"]


member = st.tuples(
    st.sampled_from(LEAVES),
    st.dates(dt.date(1995, 1, 1), dt.date(2024, 12, 31)),
    st.integers(18, 70),
    st.sampled_from(["Nam", "Nữ"]),
    st.booleans(),
    st.sampled_from(["Đang sinh hoạt", "Từ trần", "Xóa tên", "Chuyển sinh hoạt đi"]),
    st.integers(0, 4000),
)


KPI_NOTEBOOKS = {
    "district_comparison": {"year": 2024, "parent": "01", "metrics": ["admissions", "members"]},
    "city_overview": {"year": 2024, "unit": "01", "focus": "admissions"},
    "district_profile": {"unit": "Dong Anh", "years": [2022, 2023, 2024], "focus": "members"},
    "explore": {"parent": "01", "metric": "admissions_female", "year": 2024, "unit": "017"},
}


def notebooks_of(root: Path) -> set[str]:
    return {p.stem for p in (root / "notebooks").glob("*.ipynb")}


@pytest.mark.slow
def test_every_notebook_runs_on_member_kpis_and_shows_no_member_id(
    generated, national, catalog, tmp_path, root
) -> None:
    from kpitools.report import Report, Worker, export_html

    # The whole country over decades, targets for the last years only: as counted from a
    # national export, every chart must still fit (Altair refuses data over 5000 rows).
    targets = read_targets(generated["targets"], registry=national, catalog=catalog).filter(
        pl.col("year") <= 2024
    )
    out = member_kpis(
        generated["parquet"],
        registry=national,
        exported="2025-12-31",
        years=range(1975, 2025),
        targets=targets,
        catalog=catalog,
    )
    assert out.kpis.height > 300_000
    kpis = tmp_path / "member_kpis.parquet"
    kt.write_kpis(out.kpis, kpis)
    shared = {"data": [str(kpis)], "units": str(generated["units"])}
    ids = set(pl.read_parquet(generated["parquet"], columns=["member_id"])["member_id"])
    assert notebooks_of(root) == set(KPI_NOTEBOOKS) | {"report_audit"}  # a new one is listed
    worker = Worker()
    worker.start()
    try:
        for name, params in KPI_NOTEBOOKS.items():
            shows = "Đông Anh" if name == "district_profile" else "Hà Nội"
            report = Report(name, name, root / "notebooks" / f"{name}.ipynb", shared | params, kpis)
            executed = tmp_path / f"{name}.ipynb"
            error = worker.execute(report, executed)
            assert error is None, f"{name}: {error}"
            text = executed.read_text(encoding="utf-8")
            page = export_html(executed)
            for shown in (text, page):
                assert "kt-synthetic-notice" in shown, name
                assert re.search(r"DV\d{20}", shown) is None, name
            assert not set(re.findall(r"DV\d+", text + page)) & ids, name
            assert shows in page, name  # the counted unit, by name
    finally:
        worker.stop()
