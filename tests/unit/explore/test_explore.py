"""The explorer: its pure views and, driven from Python without a browser, its widgets."""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

import kpitools as kt
from kpitools import explore
from kpitools.errors import ParameterError
from kpitools.explore import ExplorerState, Panel

ROOT = Path(__file__).resolve().parents[3]
BAD_FILE = ROOT / "tests" / "data" / "io_many_problems.csv"


@pytest.fixture(scope="module")
def panel(dataset: kt.Dataset) -> Panel:
    return Panel.from_dataset(dataset)


@pytest.fixture
def ex(dataset: kt.Dataset) -> explore.Explorer:
    # offline=False: the browser bundle is not needed without a browser
    return explore.explorer(dataset, metric="admissions", year=2023, offline=False)


def data_rows(spec: dict) -> list[dict]:
    """The rows of a spec's (only) inline dataset."""
    (rows,) = [r for name, r in spec["datasets"].items() if len(r) > 1]
    return rows


def facets(spec: dict) -> list[str]:
    return spec["facet"]["sort"]


# --------------------------------------------------------------------------- pure layer


def test_import_does_not_load_ipywidgets() -> None:
    code = "import sys, kpitools.explore; print('ipywidgets' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_missing_widget_packages_give_a_clear_message(monkeypatch, dataset) -> None:
    monkeypatch.setitem(sys.modules, "ipywidgets", None)
    with pytest.raises(ImportError, match=r"pip install 'ipywidgets>=8.1' 'anywidget>=0.9'"):
        explore.explorer(dataset)


def test_panel_holds_the_units_of_the_parent(panel: Panel, dataset: kt.Dataset) -> None:
    assert panel.parent == "01"
    assert [code for _, code in panel.units] == dataset.registry.children("01")
    assert panel.metrics[0] == "admissions"
    assert panel.years("admissions") == tuple(range(2019, 2027))
    assert set(panel.rows("admissions")["metric"]) == {"admissions"}
    assert "01" not in set(panel.rows("admissions")["unit_code"])
    # the reference is the city's own figure where the seed has one
    ref = panel.reference("admissions").filter(pl.col("year") == 2023)
    assert ref.select("actual", "target").row(0) == (10479.0, 9810.0)


def test_a_parent_without_rows_is_a_data_error(dataset: kt.Dataset) -> None:
    with pytest.raises(kt.KpiDataError, match="no rows for the units of Đông Anh"):
        Panel.from_dataset(dataset, parent="017")


def test_start_state_resolves_names_and_defaults(panel: Panel) -> None:
    state = explore.start_state(
        panel, metric="New Party members admitted", year=2024, selected=["Đông Anh", "Ba Dinh"]
    )
    assert state == ExplorerState(metric="admissions", year=2024, units=("017", "001"))
    assert explore.start_state(panel, selected="").units == ()
    # a name means the unit of that name in the chosen year: the latest is 2026
    latest = explore.start_state(panel, selected=["Đông Anh"])
    assert (latest.year, latest.units) == (2026, ("00454",))
    with pytest.raises(kt.ParameterError, match="017 Đông Anh ceased on 2025-06-30; its area"):
        explore.start_state(panel, selected=["huyện Đông Anh"])


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"metric": "admision"}, "unknown metric"),
        ({"year": 2030}, "year 2030 has no rows of 'admissions'; years with data: 2019–2026"),
        ({"year": "2023"}, "year '2023' has no rows"),
        ({"selected": ["Dong Anhh"]}, "unknown unit 'Dong Anhh'; did you mean 017"),
        ({"lang": "fr"}, "lang must be one of vi, en"),
    ],
)
def test_start_state_rejects_bad_choices(panel: Panel, options, message) -> None:
    with pytest.raises(ParameterError, match=message):
        explore.start_state(panel, **options)


def test_fit_state_keeps_what_the_panel_has(panel: Panel) -> None:
    state = ExplorerState(metric="admissions", year=2023, units=("017",))
    assert explore.fit_state(panel, state) is state
    fitted = explore.fit_state(panel, state.replace(metric="nope", year=2031, units=("x", "001")))
    assert (fitted.metric, fitted.year, fitted.units) == ("admissions", 2026, ("001",))
    assert explore.fit_state(panel, state.replace(year=1990)).year == 2019


def test_state_is_frozen_and_checked() -> None:
    state = ExplorerState(metric="m", year=2023, units=["017", "017"])
    assert state.units == ("017",)
    with pytest.raises(AttributeError):
        state.year = 2024  # type: ignore[misc]
    with pytest.raises(TypeError, match="tuple of unit codes"):
        ExplorerState(metric="m", year=2023, units="017")  # type: ignore[arg-type]


def test_ranked_view_is_the_year_with_a_unit_selection(panel: Panel) -> None:
    state = explore.start_state(panel, year=2022, selected=["017"])
    spec = explore.view_chart(panel, state, "ranked").to_dict()
    params = {p["name"]: p for p in spec["params"]}
    assert params["unit"]["select"] == {
        "type": "point",
        "fields": ["unit_code"],
        "on": "click",
        "clear": "dblclick",
    }
    assert params["unit_marked"]["value"] == ["017"]
    rows = data_rows(spec)
    assert {r["year"] for r in rows} == {2022}
    assert len(rows) == 31
    bars = spec["layer"][0]["encoding"]
    assert bars["stroke"]["condition"]["test"] == "indexof(unit_marked, datum.unit_code) >= 0"


def test_heatmap_view_marks_the_selected_units(panel: Panel) -> None:
    state = explore.start_state(panel, year=2024, selected=["017", "001"])
    spec = explore.view_chart(panel, state, "heatmap").to_dict()
    assert {p["name"]: p.get("value") for p in spec["params"]}["unit_marked"] == ["017", "001"]
    cells = spec["layer"][0]["encoding"]
    assert cells["strokeWidth"] == {
        "condition": {"test": "indexof(unit_marked, datum.unit_code) >= 0", "value": 2},
        "value": 1,
    }
    assert {r["year"] for r in data_rows(spec)} == set(range(2019, 2027))


def test_trend_view_shows_the_selected_units_or_else_the_parent(panel: Panel) -> None:
    none = explore.start_state(panel)
    assert facets(explore.view_chart(panel, none, "trend").to_dict()) == ["Hà Nội"]
    two = none.replace(units=("017", "001"))
    spec = explore.view_chart(panel, two, "trend").to_dict()
    assert facets(spec) == ["Đông Anh", "Ba Đình"]
    # the parent is the reference line: the figure at the city's rate
    assert {r["series"] for r in spec["datasets"][spec["data"]["name"]]} >= {
        "Theo tỷ lệ đạt của Hà Nội"
    }
    with pytest.raises(ValueError, match="chart must be one of ranked, heatmap, trend"):
        explore.view_chart(panel, none, "pie")


def test_table_view_keeps_the_rank_among_all_units(panel: Panel) -> None:
    state = explore.start_state(panel, year=2023)
    full = explore.view_table(panel, state)
    assert full.frame.height == 31
    only = explore.view_table(panel, state.replace(units=("017",)))
    assert only.frame.height == 1
    row = only.frame.row(0, named=True)
    assert row == full.frame.filter(pl.col("Đơn vị") == "Đông Anh").row(0, named=True)
    assert only.synthetic == (True,)
    english = explore.view_table(panel, state.replace(lang="en", units=("017",)))
    assert english.frame.columns[:3] == ["Rank", "Unit", "Actual"]


def test_table_frame_has_numbers_for_export(panel: Panel, dataset: kt.Dataset) -> None:
    state = explore.start_state(panel, year=2023, selected=["017", "001"])
    frame = explore.table_frame(panel, state)
    assert frame.columns[:3] == ["rank", "unit_code", "unit_name"]
    assert frame["unit_code"].to_list() == ["017", "001"]  # by rank
    source = dataset.kpis.filter(
        pl.col("unit_code") == "017", pl.col("year") == 2023, pl.col("metric") == "admissions"
    )
    assert frame.row(0, named=True)["actual"] == source["actual"].item()
    assert frame["attainment"][0] == pytest.approx(
        source["actual"].item() / source["target"].item()
    )


def test_export_files_writes_table_and_chart(panel: Panel, tmp_path: Path) -> None:
    state = explore.start_state(panel, year=2023, selected=["017"])
    files = explore.export_files(panel, state, chart="trend", formats=["csv", "xlsx", "png", "svg"])
    assert sorted(files) == [
        "admissions-2023-017.csv",
        "admissions-2023-017.xlsx",
        "trend-admissions-2023-017.png",
        "trend-admissions-2023-017.svg",
    ]
    csv = files["admissions-2023-017.csv"].decode("utf-8")
    ranked = kt.rank_within_year(kt.subset(panel.rows("admissions"), year=2023), level=False)
    rank = ranked.filter(pl.col("unit_code") == "017")["rank"].item()
    assert csv.splitlines()[1].startswith(f"{rank},017,Đông Anh,district,2023,admissions,")
    assert files["admissions-2023-017.xlsx"][:2] == b"PK"
    assert files["trend-admissions-2023-017.png"][:8] == b"\x89PNG\r\n\x1a\n"
    svg = files["trend-admissions-2023-017.svg"].decode("utf-8")
    assert svg.startswith("<svg") and "Đông Anh" in svg
    saved = explore.save_files(files, tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(files)
    assert saved[0].read_bytes() == files[saved[0].name]
    assert pl.read_excel(tmp_path / "out" / "admissions-2023-017.xlsx")["Mã đơn vị"].to_list() == [
        "017"
    ]
    with pytest.raises(ValueError, match="unknown export format"):
        explore.export_files(panel, state, formats=["pdf"])


def test_problems_are_listed_readably_and_escaped() -> None:
    issues = [
        kt.DataIssue("unknown unit", file="/tmp/x/a.csv", row=3, column="unit_name", value="<b>"),
        kt.DataIssue("file not found", file="b.csv"),
    ]
    out = explore.problems_html(issues, lang="en")
    assert "2 problem(s) in a.csv, b.csv" in out
    assert "<td>a.csv</td><td>3</td><td>unit_name</td><td><code>&#x27;&lt;b&gt;&#x27;</code>" in out
    assert "<b>" not in out.replace("<b>", "", 0) or out.count("<b>") == 0
    many = explore.problems_html(issues * 30, lang="vi", limit=50)
    assert "… và 10 lỗi khác" in many


# --------------------------------------------------------------------------- widgets


def test_explorer_shows_the_first_state(ex: explore.Explorer) -> None:
    assert ex.state == ExplorerState(metric="admissions", year=2023)
    c = ex.controls
    assert (c.metric.value, c.year.value, c.units.value, c.lang.value) == (
        "admissions",
        2023,
        (),
        "vi",
    )
    assert [b.value for b in c.bands] == [90.0, 100.0, 120.0]
    ranked = ex.charts["ranked"]
    assert ranked.signals == {
        "year": 2023,
        "unit_marked": [],
        "metric_label": "Kết nạp đảng viên mới",
    }
    # every year travels once: another year is only a parameter
    assert {r["year"] for r in ranked.rows()} == set(ex.panel.years("admissions"))
    assert ranked.spec["transform"] == [{"filter": "datum.year == year"}]
    assert ex.charts["trend"].rows("reference")[0]["unit_vi"] == "Hà Nội (chung)"
    assert ex.table.value.count("<tr class=") == 31
    assert 'class="kt-synthetic-notice"' in ex.notice.value
    bundle = ex._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    # the heatmap in the closed tab is sent the same rows (the page draws it when idle)
    heatmap = ex.charts["heatmap"]
    assert heatmap.spec["title"] == {"text": {"expr": "metric_label"}}
    assert heatmap.data["rows"] == ranked.data["rows"]
    assert (heatmap.rev, ranked.rev) == (ex.rev, ex.rev)
    ex.tabs.selected_index = 1
    assert heatmap.signals["year"] == 2023 and heatmap.rev == ex.rev
    # no view carries the Vega library (the page asks for it once)
    assert all(len(chart._esm) < 20_000 for chart in ex.charts.values())


def test_static_fallback_is_small_html_without_javascript(ex: explore.Explorer) -> None:
    static = ex._repr_mimebundle_()["text/html"]
    assert static.count("<svg") >= 2 and "<script" not in static
    assert "Kết nạp đảng viên mới – 2023" in static
    assert len(static.encode("utf-8")) < 1_000_000


def test_the_browser_asks_once_for_the_vega_library(ex: explore.Explorer) -> None:
    sent: list[dict] = []
    chart = ex.charts["ranked"]
    chart.send = lambda content, buffers=None: sent.append(content)  # type: ignore[method-assign]
    chart._message(chart, {"type": "lib"}, [])
    (reply,) = sent
    assert reply["type"] == "lib" and "__kpitoolsVega" in reply["code"]


def test_explorer_takes_files_or_a_frame(dataset: kt.Dataset) -> None:
    data = ROOT / "data"
    from_files = explore.explorer(
        [data / "demo_panel.csv"],
        units=data / "units.csv",
        catalog=data / "metrics.csv",
        selected=["Đông Anh"],
        lang="en",
        offline=False,
    )
    # the latest year is 2026: "Đông Anh" is then the xã, not the former huyện
    assert from_files.state.units == ("00454",) and from_files.state.year == 2026
    frame = dataset.kpis.filter(pl.col("metric") == "party_orgs_nonstate")
    from_frame = explore.explorer(
        frame, units=data / "units.csv", catalog=data / "metrics.csv", offline=False
    )
    assert from_frame.panel.metrics == ("party_orgs_nonstate",)
    with pytest.raises(ParameterError, match="unknown unit 'nowhere'"):
        explore.explorer(dataset, parent="nowhere", offline=False)


def click(ex: explore.Explorer, kind: str, code: str, *, shift: bool = False) -> None:
    """What the chart's JavaScript sends on a click (shift: a shift-click)."""
    chart = ex.charts[kind]
    chart._message(chart, {"type": "pick", "unit": code, "add": shift}, [])


def test_year_control_changes_a_parameter_and_the_table(ex: explore.Explorer) -> None:
    data = ex.charts["ranked"].data
    trend = ex.charts["trend"].data
    ex.controls.year.value = 2021
    assert ex.state.year == 2021
    assert ex.charts["ranked"].signals["year"] == 2021
    assert "Kết nạp đảng viên mới — 2021" in ex.table.value
    # no rows sent again: the chart filters them by its year parameter
    assert ex.charts["ranked"].data is data and ex.charts["trend"].data is trend


def test_unit_control_marks_the_charts_and_filters_the_table(ex: explore.Explorer) -> None:
    data, rev = ex.charts["ranked"].data, ex.rev
    ex.controls.units.value = ("017", "269")
    assert ex.state.units == ("017", "269")
    assert ex.charts["trend"].signals["unit_marked"] == ["017", "269"]
    assert ex.charts["ranked"].signals["unit_marked"] == ["017", "269"]
    assert ex.table.value.count("<tr class=") == 2
    assert ">Đông Anh<" in ex.table.value and ">Ba Đình<" not in ex.table.value
    assert ex.charts["ranked"].data is data
    # every view in sight is told the new state's number
    assert ex.rev == rev + 1
    assert ex.charts["ranked"].rev == ex.charts["trend"].rev == ex.table.rev == ex.rev
    ex.controls.clear.click()
    assert ex.state.units == () and ex.controls.units.value == ()
    assert ex.charts["trend"].signals["unit_marked"] == []


def test_clicking_a_unit_in_a_chart_selects_it_everywhere(ex: explore.Explorer) -> None:
    click(ex, "ranked", "005")
    assert ex.state.units == ("005",)
    assert ex.controls.units.value == ("005",)
    assert ex.charts["ranked"].signals["unit_marked"] == ["005"]
    # shift-click adds a unit, and takes it out again
    click(ex, "ranked", "017", shift=True)
    assert ex.controls.units.value == ("005", "017")
    click(ex, "ranked", "005", shift=True)
    assert ex.state.units == ("017",)
    # from the heatmap too
    ex.tabs.selected_index = 1
    click(ex, "heatmap", "250")
    assert ex.controls.units.value == ("250",)
    assert ex.charts["heatmap"].signals["unit_marked"] == ["250"]


@pytest.mark.parametrize(
    "steps",
    [
        # the sequences of issue 19: whatever the order, the marks are the state
        [("click", "003"), ("shift", "001"), ("list", ("003",))],
        [("list", ("017",)), ("click", "005"), ("click", "005"), ("list", ("005", "017"))],
        [("click", "005"), ("list", ()), ("click", "005"), ("shift", "005")],
    ],
)
def test_the_marks_always_follow_the_state(ex: explore.Explorer, steps) -> None:
    for what, value in steps:
        if what == "list":
            ex.controls.units.value = value
        else:
            click(ex, "ranked", value, shift=what == "shift")
        for kind in ("ranked", "trend"):
            assert ex.charts[kind].signals["unit_marked"] == list(ex.state.units)
        assert ex.controls.units.value == ex.state.units


def test_the_unit_list_is_sorted_by_name_and_searchable(ex: explore.Explorer) -> None:
    c = ex.controls
    from kpitools.charts import name_key

    labels = [label for label, _ in c.units.options]
    assert labels == sorted(labels, key=name_key) and "Đông Anh (017)" in labels
    c.units.value = ("017",)
    c.search.value = "thanh"  # diacritics and case ignored
    shown = [label for label, _ in c.units.options]
    assert "Thanh Xuân (009)" in shown and "Thanh Trì (020)" in shown
    assert "Đông Anh (017)" in shown  # a chosen unit stays in the list
    c.units.value = ("017", "009")
    assert ex.state.units == ("017", "009")
    c.search.value = ""
    assert len(c.units.options) == len(ex.panel.units)


def test_buttons_have_tooltips(ex: explore.Explorer) -> None:
    c = ex.controls
    for button in (c.clear, c.load, c.export):
        assert button.tooltip


def test_metric_control_redraws_everything_and_keeps_a_valid_year(
    ex: explore.Explorer,
) -> None:
    ex.controls.units.value = ("017",)
    ex.controls.metric.value = "party_orgs_nonstate"
    assert ex.state.metric == "party_orgs_nonstate"
    assert ex.state.units == ("017",)
    assert [o[1] for o in ex.controls.year.options] == list(ex.panel.years("party_orgs_nonstate"))
    assert ex.charts["ranked"].signals["metric_label"] == ex.panel.dataset.catalog.label(
        "party_orgs_nonstate", lang="vi"
    )
    assert {r["unit_code"] for r in ex.charts["trend"].rows()} >= {"017"}
    assert {r["unit_code"] for r in ex.charts["ranked"].rows()} == set(
        ex.panel.rows("party_orgs_nonstate")["unit_code"]
    )


def test_language_control_relabels_controls_charts_and_table(ex: explore.Explorer) -> None:
    ex.controls.lang.value = "en"
    c = ex.controls
    assert c.year.description == "Year"
    assert dict(c.metric.options)["New Party members admitted"] == "admissions"
    assert c.bands[0].description == "near ≥"
    assert ex.tabs.titles == ("Ranking", "Heatmap")
    assert '<th scope="col">Rank</th><th scope="col">Unit</th>' in ex.table.value
    assert ex.charts["ranked"].rows()[0]["attainment_t_en"].count(".") == 1
    assert ex.charts["ranked"].spec["usermeta"]["kpitools_lang"] == "en"
    tip = ex.charts["ranked"].spec["layer"][0]["encoding"]["tooltip"]
    assert {"field": "attainment_t_en", "title": "Attainment"} in tip
    # both languages travel with the rows: switching back sends no rows
    data = ex.charts["ranked"].data
    ex.controls.lang.value = "vi"
    assert ex.charts["ranked"].data is data


def test_threshold_controls_change_the_bands(ex: explore.Explorer) -> None:
    before = ex.table.value
    ex.controls.bands[0].value = 99.0
    assert ex.state.bands.edges == (0.99, 1.0, 1.2)
    assert ex.table.value != before
    # a threshold above the next one is refused with a message, the bands stay
    spec = ex.charts["ranked"].spec
    ex.controls.bands[1].value = 130.0
    # beside the thresholds, in the language shown, as typed (percentages)
    assert "Ngưỡng không hợp lệ" in ex.band_note.value
    assert "99%, 130%, 120%" in ex.band_note.value
    assert ex.messages.value == ""
    assert ex.state.bands.edges == (0.99, 1.0, 1.2)
    ex.controls.lang.value = "en"
    assert "Thresholds not valid: they must increase, they are 99%, 130%, 120%" in (
        ex.band_note.value
    )
    # the next threshold makes them increase again: taken, and the message goes
    ex.controls.bands[2].value = 150.0
    assert ex.state.bands.edges == (0.99, 1.3, 1.5)
    assert ex.band_note.value == ""
    # other thresholds: new statuses in the rows, the same spec (no new drawing)
    assert ex.charts["ranked"].spec["usermeta"] == {"kpitools_lang": "en"}
    assert (
        spec["layer"][0]["encoding"]["color"]["scale"]["range"]
        == (ex.charts["ranked"].spec["layer"][0]["encoding"]["color"]["scale"]["range"])
    )


def test_an_invalid_file_lists_its_problems_and_keeps_the_data(ex: explore.Explorer) -> None:
    ex.controls.units.value = ("017",)
    panel, state, data = ex.panel, ex.state, ex.charts["trend"].data
    ex.controls.path.value = str(BAD_FILE)
    ex.controls.load.click()
    shown = ex.messages.value
    assert "9 lỗi trong io_many_problems.csv" in shown
    # file, row, column and value of each problem
    # the unknown unit's value is the name as written in the file
    assert (
        "<td>io_many_problems.csv</td><td>3</td><td>unit_name</td>"
        "<td><code>&#x27;Dong Anhh&#x27;</code></td>" in shown
    )
    assert "unknown unit &#x27;Dong Anhh&#x27;; did you mean 017 Đông Anh" in shown
    assert "<td>7</td><td>target</td><td><code>&#x27;12,3,4&#x27;</code></td>" in shown
    assert ex.panel is panel and ex.state == state
    assert ex.charts["trend"].data is data


def test_a_missing_file_is_a_problem_too(ex: explore.Explorer) -> None:
    assert not ex.load("no/such/file.csv")
    assert "file not found" in ex.messages.value


def test_a_good_file_replaces_the_data(ex: explore.Explorer, dataset: kt.Dataset, tmp_path) -> None:
    ex.controls.units.value = ("017",)
    mine = dataset.kpis.filter(
        pl.col("unit_code").is_in(["017", "018"]), pl.col("metric") == "admissions"
    ).with_columns(pl.lit("my report").alias("source"))
    path = tmp_path / "mine.parquet"
    kt.write_kpis(mine, path)
    assert ex.load(path)
    assert "Đã nạp 14 dòng từ mine.parquet" in ex.messages.value
    assert [code for _, code in ex.controls.units.options] == ["017", "018"]
    assert ex.state.units == ("017",)
    assert ex.table.value.count("<tr class=") == 1
    assert 'class="kt-synthetic-notice"' not in ex.notice.value
    assert {r["unit_code"] for r in ex.charts["ranked"].rows()} == {"017", "018"}


def test_an_uploaded_file_is_checked_the_same_way(ex: explore.Explorer) -> None:
    content = BAD_FILE.read_bytes()
    ex.controls.upload.value = (
        {
            "name": "upload.csv",
            "type": "text/csv",
            "size": len(content),
            "content": memoryview(content),
            "last_modified": datetime.datetime.now(datetime.UTC),
        },
    )
    shown = ex.messages.value
    assert "9 lỗi trong upload.csv" in shown
    assert "kpitools-upload-" not in shown  # the uploaded name, not the temporary copy
    assert ex.panel.dataset.files != ()
    # emptied after each upload: the same file uploaded again loads again
    assert ex.controls.upload.value == ()
    ex.messages.value = ""
    ex.controls.upload.value = (
        {
            "name": "upload.csv",
            "type": "text/csv",
            "size": len(content),
            "content": memoryview(content),
            "last_modified": datetime.datetime.now(datetime.UTC),
        },
    )
    assert "9 lỗi trong upload.csv" in ex.messages.value


def test_export_button_saves_and_offers_downloads(ex: explore.Explorer, tmp_path) -> None:
    c = ex.controls
    ex.controls.units.value = ("017",)
    c.chart.value = "ranked"
    c.formats["xlsx"].value = True
    c.formats["svg"].value = True
    c.folder.value = str(tmp_path / "exports")
    c.export.click()
    names = sorted(p.name for p in (tmp_path / "exports").iterdir())
    assert names == [
        "admissions-2023-017.csv",
        "admissions-2023-017.xlsx",
        "ranked-admissions-2023-017.png",
        "ranked-admissions-2023-017.svg",
    ]
    assert ex.exported.value.count('<a download="') == 4
    assert 'href="data:text/csv;base64,' in ex.exported.value
    for box in c.formats.values():
        box.value = False
    c.folder.value = ""
    c.export.click()
    assert "Chưa chọn định dạng nào" in ex.exported.value
    # a folder that cannot be written: said beside the export button, in the language shown
    blocker = tmp_path / "file"
    blocker.write_text("x")
    c.formats["csv"].value = True
    c.folder.value = str(blocker / "sub")
    c.export.click()
    assert "Không xuất được" in ex.exported.value
    assert "kt-failed" not in ex.messages.value
    ex.controls.lang.value = "en"
    assert "Could not export" in ex.exported.value


def test_a_failing_update_shows_a_message_and_keeps_the_view(
    ex: explore.Explorer, monkeypatch
) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(explore.widgets, "year_ranking", broken)
    ex.controls.year.value = 2020
    assert "Không cập nhật được (RuntimeError: boom)" in ex.messages.value
    assert ex.state.year == 2023 and ex.controls.year.value == 2023
    monkeypatch.undo()
    ex.controls.year.value = 2020
    assert ex.state.year == 2020 and ex.messages.value == ""


def test_update_changes_state_like_the_controls(ex: explore.Explorer) -> None:
    state = ex.update(year=2020, units=("017",), lang="en")
    assert state == ex.state
    assert (ex.controls.year.value, ex.controls.units.value, ex.controls.lang.value) == (
        2020,
        ("017",),
        "en",
    )


def test_a_new_explorer_replaces_and_frees_the_old_one(dataset: kt.Dataset) -> None:
    import gc
    import weakref

    first = explore.explorer(dataset, offline=False)
    chart = weakref.ref(first.charts["ranked"])
    second = explore.explorer(dataset, offline=False)
    assert first.closed and not second.closed
    assert explore.widgets.live_explorers() == [second]
    assert first.charts["ranked"].comm is None  # closed: the page lets it go
    del first
    gc.collect()
    assert chart() is None


# --------------------------------------------------------------------------- notebook


def test_notebook_is_not_a_batch_report(root: Path) -> None:
    from kpitools.report import notebooks_by_kind

    assert "explore" not in {
        info.path.stem for info in notebooks_by_kind(root / "notebooks").values()
    }


def test_files_without_a_registry_and_catalog_are_a_clear_error(root) -> None:
    with pytest.raises(ParameterError, match="give units= and catalog="):
        explore.explorer([root / "data" / "demo_panel.csv"], offline=False)


def test_exported_tables_never_hold_a_live_spreadsheet_formula(dataset: kt.Dataset) -> None:
    hostile = '=HYPERLINK("http://example.invalid","click")'
    rename = pl.when(pl.col("unit_code") == "017").then(pl.lit(hostile))
    units = dataset.registry.units.with_columns(
        name=pl.when(pl.col("code") == "017").then(pl.lit(hostile)).otherwise(pl.col("name"))
    )
    kpis = dataset.kpis.with_columns(unit_name=rename.otherwise(pl.col("unit_name")))
    ds = kt.Dataset(kpis, kt.UnitRegistry.from_frame(units), dataset.catalog)
    panel = Panel.from_dataset(ds)
    state = explore.start_state(panel, year=2023)
    files = explore.export_files(panel, state, formats=["csv", "xlsx"])
    csv = next(v for k, v in files.items() if k.endswith(".csv")).decode("utf-8")
    import csv as csv_module
    import io as io_module

    cells = [c for row in csv_module.reader(io_module.StringIO(csv)) for c in row]
    assert "'" + hostile in cells and hostile not in cells
    xlsx = next(v for k, v in files.items() if k.endswith(".xlsx"))
    sheet = pl.read_excel(xlsx)
    assert hostile in sheet["Đơn vị"].to_list()
    assert b"<f>" not in xlsx  # no formula element in the workbook


def test_an_idle_kernel_prepares_the_language_switch_and_the_other_metrics(
    ex: explore.Explorer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kpitools.explore import live, widgets

    # no event loop running (a plain script): nothing is scheduled, the explorer works as
    # before. (Under a browser test's Playwright, a loop runs in this thread: the explorer
    # made above may have scheduled its warm-up there, so that is cancelled first.)
    if ex._warming is not None:
        ex._warming.cancel()
        ex._warming = None

    def no_loop() -> None:
        raise RuntimeError("no running event loop")

    monkeypatch.setattr(widgets.asyncio, "get_running_loop", no_loop)
    ex._warm_later()
    assert ex._warming is None
    monkeypatch.undo()
    for _ in range(len(ex.panel.metrics) + 2):  # what the kernel's idle turns do
        ex._warm()
    made: list[str] = []
    monkeypatch.setattr(widgets, "year_ranking", lambda *a: made.append("ranking"))
    monkeypatch.setattr(live, "text_rows", lambda *a: made.append("texts"))
    ex.update(lang="en")
    other = next(m for m in ex.panel.metrics if m != ex.state.metric)
    rows = ex._packed(("rows", ex._data, other, ex.state.bands))  # made while idle
    assert made == [] and '"n":' in rows
    assert ex.table.value.count("<tr class=") == 31 and "Unit" in ex.table.value
