from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from polars.testing import assert_frame_equal

import kpitools as kt
from kpitools.errors import ParameterError
from kpitools.tables import pace_table, ranking_table, ranking_tables


@pytest.fixture(scope="module")
def city_2023(dataset: kt.Dataset) -> pl.DataFrame:
    return kt.rollup(dataset.kpis, registry=dataset.registry, unit="01", year=2023)


def rows_by_metric(table: kt.Table, lang: str = "vi") -> dict[str, dict[str, str]]:
    first = table.frame.columns[0]
    return {r[first]: r for r in table.frame.iter_rows(named=True)}


def test_city_table_shows_the_seed_figures_at_the_stated_precision(
    dataset: kt.Dataset, city_2023: pl.DataFrame
) -> None:
    rows = rows_by_metric(kt.kpi_table(city_2023, catalog=dataset.catalog))
    orgs = rows[dataset.catalog.label("party_orgs_nonstate")]
    assert (orgs["Thực hiện"], orgs["Chỉ tiêu"], orgs["Tỷ lệ đạt"]) == ("109", "69", "158%")
    assert (orgs["Báo cáo ghi"], orgs["Khớp"], orgs["Trạng thái"]) == ("158%", "✓", "vượt")
    adm = rows[dataset.catalog.label("admissions_nonstate")]
    assert (adm["Thực hiện"], adm["Chỉ tiêu"], adm["Tỷ lệ đạt"]) == ("852", "453", "188,1%")
    city = rows[dataset.catalog.label("admissions")]
    assert (city["Thực hiện"], city["Tỷ lệ đạt"], city["Tính đến"]) == (
        "10.479",
        "106,82%",
        "30/11/2023",
    )
    members = rows[dataset.catalog.label("mass_org_members_nonstate")]
    assert (members["Thực hiện"], members["Chỉ tiêu"], members["Tỷ lệ đạt"]) == (
        "46.148",
        "24.320",
        "189,8%",
    )
    app = rows[dataset.catalog.label("members_app")]
    assert app["Tỷ lệ đạt"] == "không có chỉ tiêu"
    assert app["Khớp"] == "không có chỉ tiêu để kiểm tra"


def test_english_table(dataset: kt.Dataset, city_2023: pl.DataFrame) -> None:
    table = kt.kpi_table(city_2023, catalog=dataset.catalog, lang="en")
    rows = rows_by_metric(table)
    members = rows[dataset.catalog.label("mass_org_members_nonstate", lang="en")]
    assert (members["Actual"], members["Target"], members["Attainment"]) == (
        "46,148",
        "24,320",
        "189.8%",
    )
    assert members["Status"] == "exceeded"


def test_zero_and_missing_targets_say_why(dataset: kt.Dataset) -> None:
    df = pl.DataFrame(
        {
            "metric": ["admissions", "admissions"],
            "unit_name": ["A", "B"],
            "actual": [5.0, 5.0],
            "target": [0.0, None],
            "as_of": [dt.date(2023, 12, 31)] * 2,
            "source": ["x", "x"],
        }
    )
    t = kt.kpi_table(df, catalog=dataset.catalog, label="unit", columns=("attainment", "status"))
    assert t.frame.rows() == [
        ("A", "chỉ tiêu bằng 0", "không có chỉ tiêu"),
        ("B", "không có chỉ tiêu", "không có chỉ tiêu"),
    ]
    assert "inf" not in t._repr_html_() and "NaN" not in t._repr_html_()


def test_synthetic_rows_are_marked(dataset: kt.Dataset) -> None:
    city_2024 = kt.rollup(dataset.kpis, registry=dataset.registry, unit="01", year=2024)
    t = kt.kpi_table(city_2024, catalog=dataset.catalog)
    assert set(t.frame["Nguồn"]) == {"tổng hợp (synthetic)"}
    assert all(t.synthetic)
    assert t._repr_html_().count('class="kt-status-') == t.frame.height
    assert "kt-synthetic" in t._repr_html_()


def test_hostile_names_are_escaped(dataset: kt.Dataset) -> None:
    df = pl.DataFrame(
        {
            "metric": ["admissions"],
            "unit_name": ["<img src=x onerror=alert(1)>"],
            "actual": [1.0],
            "target": [2.0],
            "source": ["<script>alert(2)</script>"],
        }
    )
    html = kt.kpi_table(df, catalog=dataset.catalog, label="unit", caption="<b>x</b>")._repr_html_()
    assert "<img" not in html and "<script" not in html and "<b>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_input_is_not_changed(city_2023: pl.DataFrame, dataset: kt.Dataset) -> None:
    before = city_2023.clone()
    kt.kpi_table(city_2023, catalog=dataset.catalog)
    assert city_2023.equals(before)


def test_pace_table_for_the_november_figure(dataset: kt.Dataset, city_2023: pl.DataFrame) -> None:
    t = pace_table(city_2023, catalog=dataset.catalog)
    assert t.frame.rows() == [
        (
            dataset.catalog.label("admissions"),
            "30/11/2023",
            "10.479",
            "9.810",
            "91,5%",
            "8.977",
            "116,7%",
            "11.452",
        )
    ]


def test_a_table_without_rows_says_so(dataset: kt.Dataset) -> None:
    year_end = dataset.kpis.filter(pl.col("year") == 2022)  # no figure taken before year end
    for lang, words in (("vi", "Không có số liệu nào lấy trước cuối năm"),
                        ("en", "No figures taken before the end of the year")):  # fmt: skip
        table = kt.pace_table(year_end, catalog=dataset.catalog, lang=lang)
        assert table.frame.height == 0
        page = table._repr_html_()
        assert f'<tr class="kt-empty"><td colspan="8">{words}</td></tr>' in page
    empty = kt.Table(pl.DataFrame({"a": [], "b": []}, schema={"a": pl.String, "b": pl.String}))
    assert '<td colspan="2">Không có số liệu</td>' in empty._repr_html_()


def test_rank_history_shows_the_years_and_metrics_with_ranks(dataset: kt.Dataset) -> None:
    districts = dataset.kpis.filter(pl.col("level") == "district")
    table = kt.rank_history_table(districts, catalog=dataset.catalog, unit="017")
    years = [c for c in table.frame.columns if c.isdigit()]
    # the same units counted back to 1990, without targets before the panel's years
    none = pl.lit(None, pl.Float64)
    early = districts.filter(pl.col("year") == int(years[0])).with_columns(target=none)
    older = pl.concat(
        [early.with_columns(year=pl.lit(y, pl.Int32)) for y in range(1990, int(years[0]))]
    )
    unranked = districts.filter(pl.col("metric") == "admissions").with_columns(
        metric=pl.lit("deaths"), target=none
    )
    longer = kt.rank_history_table(
        pl.concat([older, districts, unranked]), catalog=dataset.catalog, unit="017"
    )
    assert_frame_equal(longer.frame, table.frame)
    nothing = kt.rank_history_table(unranked, catalog=dataset.catalog, unit="017")
    assert nothing.frame.height == 0 and "Không có số liệu" in nothing._repr_html_()


# --- 2025, the split year (the bundled panel: 2025 split, 2026 by new unit) -----------------

H1, H2 = dt.date(2025, 1, 1), dt.date(2025, 7, 1)


def test_a_split_year_is_never_one_ranking(dataset: kt.Dataset) -> None:
    kpis, cat, reg = dataset.kpis, dataset.catalog, dataset.registry
    units = kt.subset(kpis, level=None).filter(pl.col("level") != "city")
    with pytest.raises(ParameterError, match=r"2025 has 2 periods.*2025-01-01, 2025-07-01"):
        ranking_table(units, catalog=cat, year=2025, metric="admissions", registry=reg)
    second = ranking_table(
        units, catalog=cat, year=2025, metric="admissions", period=H2, registry=reg, lang="en"
    )
    assert second.frame.height == 127 and second.frame["Rank"][0] == "1"
    assert second.structure == (
        "126 commune-level units (51 phường, 75 xã); 1 other affiliated committees (1 khối)"
        " · 1 Jul–31 Dec 2025"
    )
    assert '<span class="kt-structure">126 commune-level units' in second._repr_html_()
    halves = ranking_tables(units, catalog=cat, year=2025, metric="admissions", registry=reg)
    assert [t.structure for t in halves] == [
        "30 quận, huyện, thị xã; 1 khối · 1/1–30/6/2025",
        "126 phường, xã; 1 khối · 1/7–31/12/2025",
    ]
    assert [t.frame.height for t in halves] == [31, 127]
    (whole,) = ranking_tables(units, catalog=cat, year=2026, metric="admissions", registry=reg)
    assert whole.structure == "126 phường, xã; 1 khối · 2026"


def test_findings_of_a_split_year_speak_of_each_structure(dataset: kt.Dataset) -> None:
    units = dataset.kpis.filter(pl.col("level") != "city")
    html = kt.findings(
        units, catalog=dataset.catalog, year=2025, metrics=["admissions"], lang="en"
    ).html
    items = html.split("<li")
    assert items[1].startswith(">30 district-level units; 1 other affiliated committees · 1 Jan")
    assert items[2].startswith(">126 commune-level units; 1 other affiliated committees · 1 Jul")
    city = dataset.kpis.filter(pl.col("unit_code") == "01", year=2025)
    assert city.height and "Hà Nội" not in html  # the city is not a unit compared here
    one = kt.findings(units, catalog=dataset.catalog, year=2024, metrics=["admissions"])
    assert '<li class="kt-structure">30 đơn vị cấp huyện; 1 đảng bộ trực thuộc khác · 2024' in (
        one.html
    )


def test_rank_history_of_a_new_unit_starts_in_the_second_half(dataset: kt.Dataset) -> None:
    table = kt.rank_history_table(dataset.kpis, catalog=dataset.catalog, unit="00004")
    assert table.frame.columns[1:] == ["1/7–31/12/2025", "2026"]
    assert all(cell.endswith("/126") for cell in table.frame.row(0)[1:])
