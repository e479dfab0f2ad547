"""Every notebook, executed by papermill in a real kernel with several parameter sets; the
figures it shows are the library's."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
from notebook_outputs import html_outputs

import kpitools as kt
from kpitools.report import Report, Worker

pytestmark = pytest.mark.slow

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"


@pytest.fixture(scope="module")
def worker():
    w = Worker()
    w.start()
    yield w
    w.stop()


def execute(worker: Worker, tmp_path: Path, notebook: str, **params) -> dict:
    out = tmp_path / f"{notebook}.ipynb"
    report = Report("t", "t", NOTEBOOKS / f"{notebook}.ipynb", params, tmp_path / "p.yaml")
    error = worker.execute(report, out)
    assert error is None, error
    return json.loads(out.read_text(encoding="utf-8"))


def charts(nb: dict) -> int:
    return sum("vegaEmbed" in h for h in html_outputs(nb))


def test_every_notebook_is_executed_by_a_test() -> None:
    tests = "".join(
        p.read_text(encoding="utf-8")
        for p in Path(__file__).resolve().parents[1].rglob("test_*.py")
    )
    for nb in NOTEBOOKS.glob("*.ipynb"):
        assert f'"{nb.stem}"' in tests or f"{nb.stem}.ipynb" in tests, nb.name


REPORTS = ("city_overview", "district_comparison", "district_profile", "report_audit")


@pytest.mark.parametrize("notebook", REPORTS)
def test_report_notebooks_hold_no_prose(notebook: str) -> None:
    """Words come from kpitools in the report's language, not from Markdown cells."""
    nb = json.loads((NOTEBOOKS / f"{notebook}.ipynb").read_text(encoding="utf-8"))
    assert [c["cell_type"] for c in nb["cells"]].count("markdown") == 0
    assert "parameters" in nb["cells"][0]["metadata"]["tags"]
    sources = ["".join(c["source"]) for c in nb["cells"]]
    assert sum(s.startswith("report_section(") for s in sources) >= 3
    assert any('kind="' in s for s in sources if "report_header(" in s)


@pytest.mark.parametrize(
    "params",
    [
        {"year": 2023},
        {"year": 2021, "lang": "en", "unit": "ha noi", "focus": "party_orgs_nonstate"},
        {"year": 2026},  # by the 126 commune-level units
    ],
)
def test_city_overview(worker, tmp_path, dataset: kt.Dataset, params) -> None:
    nb = execute(worker, tmp_path, "city_overview", **params)
    unit = dataset.registry.resolve(params.get("unit", "01"))
    figures = kt.rollup(dataset.kpis, registry=dataset.registry, unit=unit, year=params["year"])
    table = kt.kpi_table(figures, catalog=dataset.catalog, lang=params.get("lang", "vi"))
    outputs = html_outputs(nb)
    assert table._repr_html_() in outputs
    assert charts(nb) == 4  # bullet, trend, heatmap, composition
    # the district views use the synthetic panel, so every city report says so
    assert any("kt-synthetic-notice" in h for h in outputs)


@pytest.mark.parametrize(
    "params",
    [
        {"year": 2023},
        {"year": 2022, "lang": "en", "metrics": ["party_orgs_nonstate"]},
        {"year": 2026},  # the 126 new units and the other committees
    ],
)
def test_district_comparison(worker, tmp_path, dataset: kt.Dataset, params) -> None:
    nb = execute(worker, tmp_path, "district_comparison", **params)
    lang = params.get("lang", "vi")
    units = dataset.registry.children("01", year=params["year"])
    panel = kt.subset(dataset.kpis, units=units)
    metric = params.get("metrics", ["admissions"])[0]
    if "metrics" in params:
        panel = kt.subset(panel, metrics=params["metrics"])
    (ranking,) = kt.ranking_tables(
        panel,
        catalog=dataset.catalog,
        year=params["year"],
        metric=metric,
        lang=lang,
        registry=dataset.registry,
    )
    outputs = html_outputs(nb)
    assert ranking._repr_html_() in outputs
    # the reader is told who is furthest behind, and it is the last of the ranking
    last = ranking.frame.filter(pl.col(ranking.frame.columns[0]) != "–").row(-1)[1]
    shown = params.get("metrics") or kt.metrics_in(panel, order=dataset.catalog.codes)
    found = kt.findings(
        kt.subset(panel, metrics=shown),
        catalog=dataset.catalog,
        year=params["year"],
        metrics=shown,
        lang=lang,
        registry=dataset.registry,
    )
    assert str(found) in outputs
    assert last in str(found)
    assert charts(nb) == 4  # ranked, heatmap, slope, reconciliation
    assert any("kt-synthetic-notice" in h for h in outputs)
    # the units compared are those of the year's structure, never both: the 30 districts or
    # the 126 new units, and the other committees
    assert ranking.frame.height == (31 if params["year"] < 2025 else 127)


@pytest.mark.parametrize(
    "params",
    [
        {"unit": "huyen Dong Anh"},  # no diacritics; the type tells the huyện from the xã
        {"unit": "quận Hoàn Kiếm", "years": [2020, 2021, 2022], "lang": "en"},
        {"unit": "269"},
        {"unit": "00376"},  # xã Sóc Sơn, from 1 July 2025: 2025 (second half) and 2026
    ],
)
def test_district_profile(worker, tmp_path, dataset: kt.Dataset, params) -> None:
    nb = execute(worker, tmp_path, "district_profile", **params)
    code = dataset.registry.resolve(params["unit"])
    # by default, the years in which the unit has figures
    own = kt.subset(dataset.kpis, units=[code])
    years = params.get("years") or sorted(set(own["year"].to_list()))
    mine = kt.subset(dataset.kpis, units=[code], year=max(years))
    table = kt.kpi_table(mine, catalog=dataset.catalog, lang=params.get("lang", "vi"))
    outputs = html_outputs(nb)
    assert table._repr_html_() in outputs
    assert dataset.registry.name(code) in outputs[0]  # the header names the unit
    assert charts(nb) == 2  # bullets, trend


@pytest.mark.parametrize(
    ("notebook", "params", "message"),
    [
        ("district_profile", {"unit": "Dong Anhh"}, "unknown unit 'Dong Anhh'; did you mean 017"),
        ("city_overview", {"year": 2030}, "year 2030 has no data; years with data: 2019–2026"),
        ("district_comparison", {"year": 2023, "lang": "fr"}, "lang must be one of vi, en"),
        ("district_comparison", {"year": 2023, "metrics": ["admission"]}, "unknown metric"),
        ("district_profile", {"unit": 17}, "unit must be text"),
    ],
)
def test_bad_parameters_stop_the_notebook_in_its_second_cell(
    worker, tmp_path, notebook, params, message
) -> None:
    report = Report("t", "t", NOTEBOOKS / f"{notebook}.ipynb", params, tmp_path / "p.yaml")
    error = worker.execute(report, tmp_path / "out.ipynb")
    assert error is not None and message in error
    assert error.startswith(f"cell 2 of {notebook}.ipynb: ParameterError")


def test_a_report_says_how_its_data_was_read(worker, tmp_path, root: Path) -> None:
    form = tmp_path / "bieu.csv"
    form.write_text(
        "Đơn vị;Năm;Chỉ tiêu (nội dung);Kế hoạch;Thực hiện\n"
        "Quận Ba Đinh;2023;Kết nạp đảng viên;300;320\n"
        "Đông Anh;2023;Kết nạp đảng viên;400;380\n",
        encoding="utf-8",
    )
    nb = execute(
        worker,
        tmp_path,
        "district_comparison",
        data=[str(form)],
        units=str(root / "data" / "units.csv"),
        catalog=str(root / "data" / "metrics.csv"),
        year=2023,
        lang="en",
    )
    header = next(h for h in html_outputs(nb) if "kt-header" in h)
    assert "How the data was read" in header
    assert "&#x27;Quận Ba Đinh&#x27; read as 001 Ba Đình" in header
    assert str(tmp_path) not in header  # files are named without their folder


def test_bridge_without_a_backcast(worker, tmp_path, dataset: kt.Dataset, root: Path) -> None:
    from kpitools.bridge import bridge_table, comparability_table
    from kpitools.comparability import bridge_figures, comparable_groups
    from kpitools.links import read_links

    nb = execute(worker, tmp_path, "bridge")
    outputs = html_outputs(nb)
    links = read_links(root / "data" / "links.csv")
    groups = comparable_groups(links, names=dataset.registry)
    assert comparability_table(groups, names=dataset.registry)._repr_html_() in outputs
    figures = bridge_figures(
        kt.subset(dataset.kpis, metrics=["admissions"]), links, old_year=2024, new_year=2026
    )
    table = bridge_table(figures, catalog=dataset.catalog, names=dataset.registry)
    assert table._repr_html_() in outputs
    # Hà Nội's district links: Sóc Sơn, Phúc Thọ, Ứng Hòa alone, four western districts,
    # and the other 23 together; every group exact
    assert groups.height == 5 and groups["exact"].all()
    # the city 2019-2026, in both structures
    city = kt.rollup(dataset.kpis, registry=dataset.registry, unit="01")
    table = kt.kpi_table(kt.subset(city, metrics=["admissions"]), catalog=dataset.catalog)
    assert table._repr_html_() in outputs
    assert {2019, 2025, 2026} <= set(city["year"].to_list())
    halves = city.filter(pl.col("year") == 2025, pl.col("metric") == "admissions")
    assert halves.height == 2  # one row per half, never added up
    assert charts(nb) == 1  # the city trend
    assert any("kt-synthetic-notice" in h for h in outputs)
    # no backcast given: the section says so, visibly
    assert any("kt-empty" in h and "No member backcast table given" in h for h in outputs)


def test_bridge_refuses_a_year_without_data(worker, tmp_path) -> None:
    report = Report("t", "t", NOTEBOOKS / "bridge.ipynb", {"old_year": 2018}, tmp_path / "p.yaml")
    error = worker.execute(report, tmp_path / "out.ipynb")
    assert error is not None and "year 2018 has no data" in error
    assert error.startswith("cell 3 of bridge.ipynb: ParameterError")


def test_bridge_with_a_backcast(worker, tmp_path) -> None:
    # a member backcast as `kpitools members --backcast` writes it: new units, 2019-2024
    table = tmp_path / "backcast.csv"
    rows = [
        f"{code},{name},commune,{year},{year}-12-31,admissions,,{n + year - 2019},synthetic,,"
        "backcast: counted in the units of 2025-07-01"
        for code, name, n in (("00376", "Sóc Sơn", 80), ("00382", "Kim Anh", 60))
        for year in range(2019, 2025)
    ]
    table.write_text(
        "unit_code,unit_name,level,year,as_of,metric,target,actual,source,stated_percent,note\n"
        + "\n".join(rows)
        + "\n",
        encoding="utf-8",
    )
    nb = execute(worker, tmp_path, "bridge", backcast=str(table), lang="en")
    outputs = html_outputs(nb)
    assert not any("No member backcast table given" in h for h in outputs)
    assert charts(nb) == 2  # the city trend, and the re-counted units


def test_comparison_of_the_split_year_keeps_its_halves_apart(
    worker, tmp_path, dataset: kt.Dataset
) -> None:
    nb = execute(worker, tmp_path, "district_comparison", year=2025, lang="en")
    panel = kt.subset(dataset.kpis, units=dataset.registry.children("01", year=2025))
    first, second = kt.ranking_tables(
        panel,
        catalog=dataset.catalog,
        year=2025,
        metric="admissions",
        lang="en",
        registry=dataset.registry,
    )
    outputs = html_outputs(nb)
    assert first._repr_html_() in outputs and second._repr_html_() in outputs
    assert first.frame.height == 31 and second.frame.height == 127  # districts, new units
    assert "1 Jan–30 Jun 2025" in first.structure and "1 Jul–31 Dec 2025" in second.structure
