"""The explorer notebook under papermill: headless, with its first view shown statically."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import kpitools as kt
from kpitools import explore
from kpitools.explore import ExplorerState, Panel

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def panel(dataset: kt.Dataset) -> Panel:
    return Panel.from_dataset(dataset)


@pytest.mark.slow
def test_notebook_runs_headless_and_shows_the_first_view_statically(
    tmp_path, dataset: kt.Dataset
) -> None:
    from kpitools.report import Report, Worker

    worker = Worker()
    worker.start()
    try:
        out = tmp_path / "explore.ipynb"
        params = {"year": 2022, "unit": "Dong Anh", "lang": "en"}
        report = Report("t", "t", ROOT / "notebooks" / "explore.ipynb", params, tmp_path / "p.yaml")
        assert worker.execute(report, out) is None
    finally:
        worker.stop()
    nb = json.loads(out.read_text(encoding="utf-8"))
    outputs = [o for c in nb["cells"] if c["cell_type"] == "code" for o in c["outputs"]]
    kinds = [next(iter(o.get("data", {"": 0}))) for o in outputs]
    assert kinds.count("application/vnd.jupyter.widget-view+json") == 1
    html = ["".join(o["data"]["text/html"]) for o in outputs if "text/html" in o.get("data", {})]
    (still,) = [h for h in html if 'class="kt-snapshot"' in h]
    assert still.count("<svg") == 2  # ranking and trend, drawn without JavaScript
    panel = Panel.from_dataset(dataset)
    state = ExplorerState(metric="admissions", year=2022, units=("017",), lang="en")
    assert explore.view_table(panel, state)._repr_html_() in still
    assert "New Party members admitted – 2022" in still
    # issue 19 point 5: the batch HTML of the explorer shows its default views statically
    # (the live widget's static fallback), carries one packed Vega library at most and
    # stays under 1 MB
    import nbformat

    from kpitools.report import export_html

    page = export_html(nbformat.read(out, as_version=4), title="explore")
    assert len(page.encode("utf-8")) < 1_000_000
    assert page.count('class="kt-explorer-static') == 1
    static = page[page.index('class="kt-explorer-static') :]
    assert static.count("<svg") >= 2  # ranking and trend, drawn without a kernel
