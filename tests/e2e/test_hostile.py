"""Text from data is shown, never run: hostile names through every report, in Chromium.

One project under tmp_path puts the corpus of ``tests/data/hostile/strings.json`` (plus a
NUL and a 100 kB name) in every text field at once: unit names of the registry, labels and
units of the catalog, source and note of the KPI data, string parameters and the audited
report text. Every report kind runs through the real batch; each page, the index and the
explorer's static snapshot are opened in Chromium with the network cut. No dialog may
open, no error be logged, every chart must draw and the hostile text must read as text.
"""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
import yaml

import kpitools as kt

pytestmark = pytest.mark.slow

HOSTILE: dict[str, str] = json.loads(
    (Path(__file__).parents[1] / "data" / "hostile" / "strings.json").read_text(encoding="utf-8")
)
NUL = "Nul\x00Name"  # the readers keep a NUL; a browser drops it from text
LONG = "Đông Anh " + "dài " * 25_000  # 100 kB
NAMES = [*HOSTILE.values(), NUL, LONG]


def shown(text: str) -> str:
    """``text`` as a browser's innerText gives it (NUL dropped)."""
    return text.replace("\x00", "")


def build(root: Path, tmp: Path) -> Path:
    """Hostile copies of the registry, catalog, data and report text; the parameter files."""
    units = pl.read_csv(root / "data" / "units.csv", infer_schema=False)
    districts = units.filter(pl.col("level") == "district")["code"].to_list()
    rename = dict(zip(districts, NAMES, strict=False))
    units.with_columns(
        pl.col("code").replace_strict(rename, default=pl.col("name")).alias("name"),
        pl.lit(HOSTILE["img"]).alias("note"),
    ).write_csv(tmp / "units.csv")

    catalog = {  # column: {metric: text}
        "label_vi": {"admissions": "close_script", "party_orgs_nonstate": "vega_or"},
        "label_en": {"admissions": "vega_quote", "party_orgs_nonstate": "rtl"},
        "unit_vi": {"admissions": "svg"},
        "unit_en": {"admissions": "jinja"},
    }
    pl.read_csv(root / "data" / "metrics.csv", infer_schema=False).with_columns(
        pl.col("code")
        .replace_strict({m: HOSTILE[k] for m, k in texts.items()}, default=pl.col(column))
        .alias(column)
        for column, texts in catalog.items()
    ).write_csv(tmp / "metrics.csv")
    pl.read_csv(root / "data" / "demo_panel.csv", infer_schema=False).drop("unit_name").write_csv(
        tmp / "panel.csv"
    )
    pl.read_csv(root / "data" / "hanoi_2023_seed.csv", infer_schema=False).drop(
        "unit_name"
    ).with_columns(
        pl.lit(HOSTILE["script"]).alias("source"), pl.lit(HOSTILE["amp"]).alias("note")
    ).write_csv(tmp / "seed.csv")
    seed_text = (root / "data" / "seed" / "000_75537393c0b30eb1.txt").read_text(encoding="utf-8")
    (tmp / "report.txt").write_text("\n".join([*HOSTILE.values(), seed_text]), encoding="utf-8")

    pars = tmp / "parameters"
    pars.mkdir()
    files = {
        "data": [str(tmp / "seed.csv"), str(tmp / "panel.csv")],
        "units": str(tmp / "units.csv"),
        "catalog": str(tmp / "metrics.csv"),
    }
    reports = {
        "city-2023": {"year": 2023, **files},
        "city-2023-en": {"year": 2023, "lang": "en", **files},
        "comparison-2023": {"year": 2023, **files},
        "comparison-2023-en": {"year": 2023, "lang": "en", **files},
        # string parameters: a unit and a metric named by their hostile names
        "profile-x": {"unit": HOSTILE["js_url"], "focus": HOSTILE["close_script"], **files},
        "profile-bad": {"unit": HOSTILE["close_script"] + " nowhere", **files},
        "audit-x": {
            "text": str(tmp / "report.txt"),
            "units": files["units"],
            "catalog": files["catalog"],
        },
    }
    for name, params in reports.items():
        (pars / f"{name}.yaml").write_text(
            yaml.safe_dump(params, allow_unicode=True), encoding="utf-8"
        )
    return pars


@pytest.fixture(scope="module")
def batch(root: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    from kpitools.report import discover, notebooks_by_kind, run_batch

    tmp = tmp_path_factory.mktemp("hostile")
    pars = build(root, tmp)
    out = tmp / "out"
    outcomes = run_batch(
        discover(pars, root / "notebooks"), out, notebooks=notebooks_by_kind(root / "notebooks")
    )
    return out, {o.report.name: o for o in outcomes}


def check_inert(page) -> str:
    """The page's text, after checking that nothing of the data ran."""
    page.wait_for_timeout(300)  # an onerror or onload would have fired by now
    assert page.dialogs == [] and page.errors == [] and page.blocked == []
    assert page.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
    return page.evaluate(
        "document.body ? document.body.innerText : document.documentElement.textContent"
    )


def test_the_batch_ran_every_report(batch) -> None:
    _, outcomes = batch
    bad = outcomes.pop("profile-bad")
    assert {n: o.status for n, o in outcomes.items()} == dict.fromkeys(outcomes, "ok"), {
        n: o.error for n, o in outcomes.items()
    }
    assert bad.status == "invalid" and HOSTILE["close_script"] in (bad.error or "")


@pytest.mark.parametrize(
    ("report", "charts", "texts"),
    [
        ("city-2023", 4, ["close_script", "vega_or", "script", "svg"]),
        ("city-2023-en", 4, ["vega_quote", "rtl", "script", "jinja"]),
        ("comparison-2023", 4, [*HOSTILE]),
        ("comparison-2023-en", 4, ["vega_quote", "rtl", "script", "img", "jinja"]),
        ("profile-x", 2, ["js_url", "close_script"]),
        ("audit-x", 0, [*HOSTILE]),
    ],
)
def test_reports_show_hostile_text_and_run_none(
    batch, browser, report, charts, texts, open_page, wait_for_charts
) -> None:
    out, _ = batch
    page = open_page(out / f"{report}.html")
    if charts:
        assert wait_for_charts(page) == page.locator(".kt-chart").count() >= charts
    text = check_inert(page)
    for key in texts:
        assert shown(HOSTILE[key]) in text, key
    page.close()


def test_long_and_nul_names_are_shown(batch, browser, open_page, wait_for_charts) -> None:
    page = open_page(batch[0] / "comparison-2023.html")
    wait_for_charts(page)
    text = check_inert(page)
    assert shown(NUL) in text and LONG.strip() in text
    page.close()


def test_dropdowns_still_work(batch, browser, open_page, wait_for_charts) -> None:
    page = open_page(batch[0] / "comparison-2023.html")
    wait_for_charts(page)
    heatmap = page.locator(".vega-embed").nth(1)
    before = heatmap.locator("svg.marks").inner_html()
    heatmap.locator("select").select_option(index=2)
    page.wait_for_function(
        "([el, before]) => el.querySelector('svg.marks').innerHTML !== before",
        arg=[heatmap.element_handle(), before],
        timeout=10_000,
    )
    check_inert(page)
    page.close()


def test_index_shows_hostile_parameters_and_errors(batch, browser, open_page) -> None:
    page = open_page(batch[0] / "index.html")
    text = check_inert(page)
    assert shown(HOSTILE["close_script"]) + " nowhere" in text
    assert HOSTILE["js_url"] in text
    page.close()


def test_explorer_snapshot_and_svg_export(batch, browser, tmp_path: Path, open_page) -> None:
    from kpitools.explore.state import Panel, export_files, snapshot, start_state

    src = batch[0].parent
    ds = kt.load_dataset(
        [src / "seed.csv", src / "panel.csv"],
        units=src / "units.csv",
        catalog=src / "metrics.csv",
    )
    panel = Panel.from_dataset(ds)
    state = start_state(panel, year=2023, selected=["001", "002", "003"])
    page_file = tmp_path / "snapshot.html"
    page_file.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'
        f"{snapshot(panel, state)}</body></html>",
        encoding="utf-8",
    )
    page = open_page(page_file)
    assert page.locator(".kt-snapshot svg").count() >= 2
    text = check_inert(page)
    for key in ("script", "close_script", "img"):
        assert shown(HOSTILE[key]) in text, key
    page.close()

    files = export_files(panel, state, chart="ranked", formats=["svg"])
    (name,) = files
    svg = tmp_path / name
    svg.write_bytes(files[name])
    page = open_page(svg)
    assert page.evaluate("document.documentElement.localName") == "svg"
    assert shown(HOSTILE["close_script"]) in check_inert(page)
    page.close()
