"""Every KPI notebook on KPIs counted from a member export: runs, and shows no member id."""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl
import pytest

import kpitools as kt
from kpitools.members import REFORM_DATE, member_kpis, read_crosswalk, read_targets

KPI_NOTEBOOKS = {
    "district_comparison": {"year": 2024, "parent": "01", "metrics": ["admissions", "members"]},
    "city_overview": {"year": 2024, "unit": "01", "focus": "admissions"},
    "district_profile": {"unit": "huyen Dong Anh", "years": [2022, 2023, 2024], "focus": "members"},
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
    # a new one is listed here (bridge compares two structures: tested with its own data)
    assert notebooks_of(root) == set(KPI_NOTEBOOKS) | {"report_audit", "bridge"}
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


@pytest.mark.slow
def test_a_backcast_compares_the_new_units_in_2024(generated, national, tmp_path, root) -> None:
    from kpitools.report import Report, Worker, export_html

    out = member_kpis(
        generated["parquet"],
        registry=national,
        exported="2025-12-31",
        within=["01"],
        crosswalk=read_crosswalk(generated["org_map"], registry=national),
        backcast=REFORM_DATE,
        years=range(2019, 2025),
        metrics=["admissions", "admissions_female", "members"],
    )
    kpis, units = tmp_path / "backcast.parquet", tmp_path / "units.csv"
    kt.write_kpis(out.kpis, kpis)
    out.registry.units.write_csv(units)
    params = {"year": 2024, "parent": "01", "metrics": ["admissions", "members"]}
    params |= {"data": [str(kpis)], "units": str(units)}
    report = Report(
        "backcast",
        "district_comparison",
        root / "notebooks" / "district_comparison.ipynb",
        params,
        kpis,
    )
    executed = tmp_path / "backcast.ipynb"
    worker = Worker()
    worker.start()
    try:
        assert worker.execute(report, executed) is None
    finally:
        worker.stop()
    page = export_html(executed)
    assert "kt-synthetic-notice" in page and "Hồng Hà" in page  # a new unit, by name
    ids = set(pl.read_parquet(generated["parquet"], columns=["member_id"])["member_id"])
    assert not set(re.findall(r"DV\d+", executed.read_text(encoding="utf-8") + page)) & ids
