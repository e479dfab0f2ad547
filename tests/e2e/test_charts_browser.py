"""Charts in a real browser: offline, interactive where Vega can be without a kernel."""

from __future__ import annotations

import re

import pytest

import kpitools as kt
from kpitools import charts

LONG_NAME = "Đảng bộ " + "Khối các cơ quan và doanh nghiệp ngoài nhà nước " * 3


LONG_NAME = LONG_NAME[:120]


@pytest.mark.slow
def test_dropdowns_work_offline_in_a_static_page(dataset: kt.Dataset, browser, tmp_path) -> None:
    kpis, cat = dataset.kpis, dataset.catalog
    cases = [
        # the bundled panel splits 2025 at 1 July: the menu lists periods (Kỳ), halves apart
        (
            charts.ranked_chart(kpis, catalog=cat, metric="admissions"),
            "Kỳ",
            {"value": "1/1–30/6/2025"},
        ),
        (
            charts.heatmap_chart(kpis, catalog=cat),
            "Chỉ số",
            {"label": cat.label("party_orgs_nonstate")},
        ),
    ]
    page = browser.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    try:
        for i, (chart, name, option) in enumerate(cases):
            path = tmp_path / f"chart{i}.html"
            path.write_text(
                chart.to_html(inline=True, embed_options={"renderer": "svg"}), encoding="utf-8"
            )
            page.goto(path.as_uri())
            page.wait_for_selector("g.mark-text.role-mark text")
            assert name in page.inner_text(".vega-bindings")
            labels = page.locator("g.mark-text.role-mark text")
            before = labels.all_text_contents()
            assert any(re.fullmatch(r"\d+(,\d)?%", t) for t in before)  # 107,1% in Vietnamese
            page.select_option(".vega-bindings select", **option)
            page.wait_for_function(
                "n => document.querySelectorAll('g.mark-text.role-mark text').length > 0"
                " && [...document.querySelectorAll('g.mark-text.role-mark text')]"
                ".map(t => t.textContent).join() !== n",
                arg=",".join(before),
            )
    finally:
        page.close()
