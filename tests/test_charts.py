from __future__ import annotations

import json

import altair as alt
import polars as pl
import pytest

import kpitools as kt


@pytest.fixture(scope="module")
def city_2023(dataset: kt.Dataset) -> pl.DataFrame:
    return kt.rollup(dataset.kpis, registry=dataset.registry, unit="01", year=2023)


def layers(spec: dict) -> list[list[dict]]:
    return [row["layer"] for row in spec["vconcat"]]


def test_bullet_chart_has_a_row_per_metric_with_bar_tick_and_bands(
    dataset: kt.Dataset, city_2023: pl.DataFrame
) -> None:
    spec = kt.bullet_chart(city_2023, catalog=dataset.catalog).to_dict()  # validates the schema
    rows = layers(spec)
    assert len(rows) == city_2023.height
    by_title = {r["title"]["text"]: r["layer"] for r in spec["vconcat"]}
    orgs = by_title[dataset.catalog.label("party_orgs_nonstate")]
    marks = [layer["mark"]["type"] for layer in orgs]
    assert marks == ["bar", "bar", "tick"]
    tick = orgs[2]
    assert tick["encoding"]["x"]["field"] == "target"
    data = spec["datasets"][tick["data"]["name"]]
    assert data[0]["target"] == 69 and data[0]["actual"] == 109
    bands = spec["datasets"][orgs[0]["data"]["name"]]
    assert [b["end"] for b in bands][:3] == pytest.approx([69 * 0.9, 69, 69 * 1.2])
    # tooltips carry actual, target, attainment and status
    fields = {t["field"] for t in orgs[1]["encoding"]["tooltip"]}
    assert {"actual", "target", "attainment", "status"} <= fields


def test_rows_without_target_draw_the_bar_only(dataset: kt.Dataset, city_2023) -> None:
    spec = kt.bullet_chart(city_2023, catalog=dataset.catalog).to_dict()
    by_title = {r["title"]["text"]: r["layer"] for r in spec["vconcat"]}
    app = by_title[dataset.catalog.label("members_app")]
    assert [layer["mark"]["type"] for layer in app] == ["bar"]
    domain = app[0]["encoding"]["x"]["scale"]["domain"]
    assert domain[1] == pytest.approx(443812 * 1.05)


def test_zero_target_is_not_drawn_to_infinity(dataset: kt.Dataset) -> None:
    df = pl.DataFrame({"metric": ["admissions"], "actual": [0.0], "target": [0.0], "source": ["x"]})
    spec = kt.bullet_chart(df, catalog=dataset.catalog).to_dict()
    text = json.dumps(spec)
    assert "Infinity" not in text and "NaN" not in text


def test_number_locale_follows_the_language(dataset: kt.Dataset, city_2023) -> None:
    vi = kt.bullet_chart(city_2023, catalog=dataset.catalog).to_dict()["config"]["locale"]
    en = kt.bullet_chart(city_2023, catalog=dataset.catalog, lang="en").to_dict()["config"]
    assert (vi["number"]["decimal"], vi["number"]["thousands"]) == (",", ".")
    assert (en["locale"]["number"]["decimal"], en["locale"]["number"]["thousands"]) == (".", ",")
    en_titles = [r["title"]["text"] for r in layers_with_titles(city_2023, dataset, "en")]
    assert dataset.catalog.label("admissions", lang="en") in en_titles


def layers_with_titles(df, dataset, lang):
    return kt.bullet_chart(df, catalog=dataset.catalog, lang=lang).to_dict()["vconcat"]


def test_synthetic_data_is_named_in_the_chart(dataset: kt.Dataset) -> None:
    city_2024 = kt.rollup(dataset.kpis, registry=dataset.registry, unit="01", year=2024)
    spec = kt.bullet_chart(city_2024, catalog=dataset.catalog).to_dict()
    assert "synthetic" in spec["title"]["subtitle"][0]
    real = kt.bullet_chart(
        kt.rollup(dataset.kpis, registry=dataset.registry, unit="01", year=2023),
        catalog=dataset.catalog,
    ).to_dict()
    assert real["title"].get("subtitle", []) == []


def test_empty_input_gives_a_clear_empty_chart(dataset: kt.Dataset) -> None:
    empty = dataset.kpis.clear()
    spec = kt.bullet_chart(empty, catalog=dataset.catalog).to_dict()
    assert spec["mark"]["type"] == "text"
    assert "Không có dữ liệu" in json.dumps(spec, ensure_ascii=False)


def test_chart_is_not_displayed_and_is_an_altair_chart(dataset: kt.Dataset, city_2023) -> None:
    chart = kt.bullet_chart(city_2023, catalog=dataset.catalog)
    assert isinstance(chart, alt.VConcatChart)


def test_bullet_chart_spec_snapshot(dataset: kt.Dataset, city_2023, snapshot) -> None:
    assert kt.bullet_chart(city_2023, catalog=dataset.catalog).to_dict() == snapshot
