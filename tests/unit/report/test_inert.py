"""Text from data is shown, never run: JSON in HTML, chart outputs, the pages' policy."""

from __future__ import annotations

import json
import re
from pathlib import Path

import altair as alt
import nbformat
from hypothesis import given, settings
from hypothesis import strategies as st
from nbformat.v4 import new_code_cell, new_notebook, new_output

from kpitools.report.discovery import Outcome, Report
from kpitools.report.html import (
    EMBED_JS,
    altair_chart,
    chart_html,
    inert_outputs,
    json_for_html,
    script_hash,
    with_csp,
    write_index,
)

HOSTILE = json.loads(
    (Path(__file__).parents[2] / "data" / "hostile" / "strings.json").read_text(encoding="utf-8")
)
FORBIDDEN = ("<", ">", "&", "\u2028", "\u2029")

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
    | st.sampled_from(list(HOSTILE.values())),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(json_values)
def test_json_for_html_round_trips_and_holds_no_markup(value) -> None:
    out = json_for_html(value)
    assert json.loads(out) == value
    assert not any(c in out for c in FORBIDDEN)


@given(st.text())
def test_json_for_html_of_any_text(text: str) -> None:
    out = json_for_html({text: [text]})
    assert json.loads(out) == {text: [text]}
    assert not any(c in out for c in FORBIDDEN)


def test_json_for_html_writes_nan_and_infinity_as_null() -> None:
    assert json.loads(json_for_html([float("nan"), {"x": float("-inf")}])) == [None, {"x": None}]


def altair_html(values: list[dict]) -> str:
    chart = alt.Chart(alt.Data(values=values)).mark_text().encode(text="n:N")
    return chart._repr_mimebundle_()["text/html"]


@settings(deadline=None, max_examples=40)  # Altair builds each chart in ~10 ms
@given(st.text() | st.sampled_from(list(HOSTILE.values())))
def test_altair_output_becomes_a_data_block_with_the_same_spec(text: str) -> None:
    found = altair_chart(altair_html([{"n": text}]))
    assert found is not None
    chart_id, spec, options = found
    assert spec["data"] == {"values": [{"n": text}]} and options == {"mode": "vega-lite"}
    out = chart_html(spec, options, id=chart_id)
    # one element, a data block: nothing in it can end it or start another
    assert out.count("<script") == 1 and out.count("</script") == 1
    assert '<script type="application/json" class="kt-vega-spec">' in out
    block = out.split('class="kt-vega-spec">', 1)[1].removesuffix("</script>")
    assert json.loads(block) == {"spec": spec, "options": options}


def test_altair_chart_refuses_what_it_does_not_know() -> None:
    assert altair_chart("<table><tr><td>1</td></tr></table>") is None
    html = altair_html([{"n": "x"}])
    assert altair_chart(html.replace("</script>", "</script><script>alert(1)</script>")) is None
    assert altair_chart(html.replace('{"mode": "vega-lite"}', '{"mode": "vega-lite"} + 1')) is None


def test_inert_outputs_rewrites_altair_html_and_vega_mime_outputs() -> None:
    hostile = HOSTILE["close_script"]
    vegalite = {"mark": "point", "data": {"values": [{"n": hostile}]}}
    nb = new_notebook(
        cells=[
            new_code_cell(
                "chart",
                outputs=[
                    new_output("display_data", data={"text/html": altair_html([{"n": hostile}])}),
                    new_output(
                        "display_data",
                        data={"application/vnd.vegalite.v6+json": vegalite, "text/plain": "x"},
                    ),
                    new_output("display_data", data={"text/html": "<b>table</b>"}),
                ],
            )
        ]
    )
    outputs = inert_outputs(nbformat.from_dict(nb)).cells[0].outputs
    first, second, third = (o["data"]["text/html"] for o in outputs)
    for out in (first, second):
        assert out.count("<script") == 1 and hostile not in out
        assert re.match(r'<div id="altair-viz-[0-9a-z]+" class="kt-chart"></div>', out)
    assert json.loads(second.split('"kt-vega-spec">')[1][:-9])["spec"] == vegalite
    assert third == "<b>table</b>"


def test_the_policy_allows_only_the_scripts_kpitools_ships() -> None:
    page = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"/><title>&lt;script&gt;</title>'
        "<script>vega()</script></head><body>"
        '<script type="application/json" class="kt-vega-spec">{}</script>'
        f"<script>alert(1)</script><script>{EMBED_JS}</script></body></html>"
    )
    out = with_csp(page, ["vega()", EMBED_JS])
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', out)
    assert meta is not None and meta.start() < out.index("<title>")
    policy = dict(d.strip().partition(" ")[::2] for d in meta.group(1).split(";"))
    assert policy["default-src"] == "'none'"
    assert set(policy["script-src"].split()) == {script_hash("vega()"), script_hash(EMBED_JS)}
    assert "unsafe" not in policy["script-src"]
    assert with_csp("<html><head></head></html>", []).startswith(
        '<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "script-src 'none';"
    )


def test_index_escapes_every_field_and_runs_no_script(tmp_path: Path) -> None:
    bad = HOSTILE["close_script"]
    report = Report(
        name="profile-x",
        kind="profile",
        notebook=tmp_path / "profile.ipynb",
        parameters={"unit": bad, "year": HOSTILE["img"]},
        origin=tmp_path / "profile-x.yaml",
        title=HOSTILE["svg"],
    )
    outcomes = [
        Outcome(report, "invalid", error=f"unknown unit {bad!r}"),
        Outcome(report, "ok", html=tmp_path / "profile-x.html"),
    ]
    page = write_index(outcomes, tmp_path).read_text(encoding="utf-8")
    assert "<script" not in page.lower() and "<img" not in page and "<svg" not in page
    assert "script-src 'none'" in page
    assert "&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;" in page
