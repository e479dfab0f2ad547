"""A report page: its language, its charts' data once and packed, its widgets' fallback."""

from __future__ import annotations

import base64
import gzip
import json
import re

import altair as alt
import nbformat
import polars as pl
from nbformat.v4 import new_code_cell, new_notebook, new_output

from kpitools.display import report_header
from kpitools.report.html import (
    EMBED_JS,
    chart_html,
    export_html,
    in_lang,
    inert_outputs,
    pack,
    pack_charts,
    report_lang,
    script_hash,
    used_css,
)

WIDGET = "application/vnd.jupyter.widget-view+json"


def unpack(text: str) -> str:
    return gzip.decompress(base64.b64decode(text)).decode("utf-8")


def block(page: str, id: str) -> str:
    m = re.search(rf'<script type="application/gzip" id="{id}">([^<]*)</script>', page)
    assert m is not None, id
    return m.group(1)


def chart_output(df: pl.DataFrame, title: str) -> dict:
    chart = alt.Chart(df, title=title, description=f"{title}: a bar chart").mark_bar()
    chart = chart.encode(x="n:Q", y="name:N")
    return new_output("display_data", data={"text/html": chart._repr_mimebundle_()["text/html"]})


def notebook(*outputs: dict) -> nbformat.NotebookNode:
    return nbformat.from_dict(new_notebook(cells=[new_code_cell("x", outputs=list(outputs))]))


def test_pack_round_trips_and_is_deterministic() -> None:
    text = "vega " * 1000 + "Hà Nội"
    assert unpack(pack(text)) == text
    assert pack(text) == pack(text) and len(pack(text)) < len(text) // 10


def test_a_dataset_shown_by_two_charts_is_stored_once() -> None:
    df = pl.DataFrame({"name": ["Tây Hồ", "</script><b>x</b>"], "n": [1, 2]})
    other = pl.DataFrame({"name": ["Ba Vì"], "n": [3]})
    nb = inert_outputs(
        notebook(chart_output(df, "one"), chart_output(df, "two"), chart_output(other, "three"))
    )
    page = (
        "<html><body><main>"
        + "".join(o["data"]["text/html"] for o in nb.cells[0].outputs)
        + "</main></body></html>"
    )
    packed, charts = pack_charts(page)
    assert charts
    datasets = json.loads(unpack(block(packed, "kt-datasets")))
    assert len(datasets) == 2  # the first two charts share theirs
    names = [
        json.loads(b)["datasets"]
        for b in re.findall(r'class="kt-vega-spec">(.*?)</script>', packed, re.S)
    ]
    assert names[0] == names[1] != names[2] and all(len(n) == 1 for n in names)
    assert "</script><b>" not in packed and "Tây Hồ" not in packed  # data only packed
    assert "vegaEmbed" in unpack(block(packed, "kt-vega-js"))


def test_a_page_without_charts_carries_no_bundle() -> None:
    page = "<html><body><main><table></table></main></body></html>"
    assert pack_charts(page) == (page, False)


def test_a_described_chart_is_a_figure_with_its_caption() -> None:
    out = chart_html({"mark": "bar", "description": "Biểu đồ cột: <b>x</b>"}, id="c1")
    assert out.startswith('<figure class="kt-figure"><div id="c1" class="kt-chart"></div>')
    assert out.endswith(
        '<figcaption class="kt-caption">Biểu đồ cột: &lt;b&gt;x&lt;/b&gt;</figcaption></figure>'
    )


def test_widgets_show_their_static_fallback_never_nothing() -> None:
    view = {"model_id": "abc", "version_major": 2, "version_minor": 0}
    nb = inert_outputs(
        notebook(
            new_output(
                "display_data",
                data={WIDGET: view, "text/plain": "VBox(...)", "text/html": "<p>static view</p>"},
            ),
            new_output("display_data", data={WIDGET: view, "text/plain": "IntSlider(value=3)"}),
            new_output("display_data", data={WIDGET: view}),
        )
    )
    first, second, third = (o["data"] for o in nb.cells[0].outputs)
    assert WIDGET not in first and first["text/html"] == "<p>static view</p>"
    assert second == {"text/plain": "IntSlider(value=3)"}
    assert third == {"text/plain": "(widget)"}


def test_used_css_keeps_the_rules_a_page_can_use() -> None:
    css = """/* c */ :root { --a: 1px; } .jp-A, .jp-B > p { color: red }
    .jp-C:not(.jp-D) { margin: 0 } @media print { .jp-A { display: none } .jp-E { x: y } }
    @keyframes spin { to { transform: rotate(1turn) } }"""
    out = used_css(css, {"jp-A", "jp-C"})
    assert ":root{--a: 1px;}" in out and ".jp-A{color: red}" in out
    assert ".jp-C:not(.jp-D){margin: 0}" in out
    assert "@media print{.jp-A{display: none}}" in out
    assert "jp-B" not in out and "jp-E" not in out and "@keyframes spin" in out


def test_in_lang_picks_the_half_of_a_bilingual_title() -> None:
    assert in_lang("Tổng quan thành phố / City overview", "vi") == "Tổng quan thành phố"
    assert in_lang("Tổng quan thành phố / City overview", "en") == "City overview"
    assert in_lang("a / b / c", "en") == "a / b / c"


def test_the_page_is_in_the_report_language_and_allows_only_its_loader() -> None:
    header = report_header(title="Hà Nội — 2023", params={}, lang="en", kind="city")
    df = pl.DataFrame({"name": ["Tây Hồ"], "n": [1]})
    nb = notebook(
        new_output("display_data", data={"text/html": header.html}), chart_output(df, "t")
    )
    assert report_lang(nb) == "en"
    page = export_html(nb, title="Tổng quan thành phố / City overview — city-2023-en")
    assert re.search(r'<html lang="en">', page)
    assert "<title>City overview — city-2023-en</title>" in page
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert policy is not None
    assert f"script-src {script_hash(EMBED_JS)} blob:;" in policy.group(1)
    assert "unsafe" not in policy.group(1).split("script-src")[1].split(";")[0]
    # papermill's parameters say the language when no header does
    bare = nbformat.from_dict(new_notebook(metadata={"papermill": {"parameters": {"lang": "en"}}}))
    assert report_lang(bare) == "en"
    assert re.search(r'<html lang="vi">', export_html(notebook()))
