"""End to end: notebooks executed by papermill in a real kernel, HTML opened in Chromium."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent


def run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def batch(root: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("reports")
    proc = run([str(BIN / "kpitools"), "run", "--out", str(out)], cwd=root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out, proc.stdout


def visible_text(html: str) -> str:
    """The report's text as a reader sees it (scripts and tags removed)."""
    html = re.sub(r"<script.*?</script>|<style.*?</style>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_plain_papermill_with_a_parameter_file(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.ipynb"
    proc = run(
        [
            str(BIN / "papermill"),
            "notebooks/city_overview.ipynb",
            str(out),
            "-f",
            "parameters/city-2023.yaml",
        ],
        cwd=root,
    )
    assert proc.returncode == 0, proc.stderr
    nb = json.loads(out.read_text(encoding="utf-8"))
    html = "".join(
        "".join(o.get("data", {}).get("text/html", ""))
        for c in nb["cells"]
        if c["cell_type"] == "code"
        for o in c["outputs"]
    )
    text = visible_text(html)
    for figure in ("109", "69", "158%", "852", "453", "188,1%", "10.479", "9.810", "106,82%"):
        assert f" {figure} " in text, figure
    assert not any(
        o.get("output_type") == "error" for c in nb["cells"] for o in c.get("outputs", [])
    )


def test_batch_writes_every_report_and_an_index(root: Path, batch: tuple[Path, str]) -> None:
    from kpitools.report import discover

    out, stdout = batch
    expected = {r.html_name for r in discover(root / "parameters", root / "notebooks")}
    assert len(expected) >= 33  # city overview, comparison, a profile per district...
    assert {p.name for p in out.glob("*.html")} == expected | {"index.html"}
    index = (out / "index.html").read_text(encoding="utf-8")
    for name in expected:
        assert f'href="{name}"' in index
    for group in ("Tổng quan thành phố / City overview — 2023", "Hồ sơ đơn vị / District profile"):
        assert group in index
    assert f"{len(expected)} written, 0 unchanged, 0 failed, 0 invalid" in stdout


def test_every_district_has_a_profile_that_names_it(batch: tuple[Path, str], dataset) -> None:
    for code in dataset.registry.codes(level="district", year=2023):
        page = (batch[0] / f"profile-{code}.html").read_text(encoding="utf-8")
        assert f"{dataset.registry.name(code)} — 2019–2023" in visible_text(page)


def test_comparison_says_who_is_furthest_behind(batch: tuple[Path, str]) -> None:
    text = visible_text((batch[0] / "comparison-2023.html").read_text(encoding="utf-8"))
    assert re.search(r"Kết nạp đảng viên mới: chậm nhất là [^(]+ \(\d+,\d%", text)
    en = visible_text((batch[0] / "comparison-2023-en.html").read_text(encoding="utf-8"))
    assert re.search(r"New Party members admitted: furthest behind is [^(]+ \(\d+\.\d%", en)


def test_city_2023_report_shows_the_seed_figures_and_checks(batch: tuple[Path, str]) -> None:
    text = visible_text((batch[0] / "city-2023.html").read_text(encoding="utf-8"))
    assert re.search(r"\b109 69 158% \S+ vượt 158% ✓", text), text[:3000]
    assert re.search(r"\b852 453 188,1% 399 vượt 188,1% ✓", text)
    assert re.search(r"\b10\.479 9\.810 106,82% 669 đạt 106\.82% ✓ 30/11/2023", text)
    # the table holds real figures only; the district views below it are synthetic, and the
    # report says so at the top
    results = text.index("Kết quả so với chỉ tiêu Tỷ lệ đạt")  # the section, not the intro
    table = text[results : text.index("Tiến độ Số liệu lấy trước cuối năm")]
    assert "synthetic" not in table
    assert "dữ liệu tổng hợp (synthetic)" in text[:results]


def test_reports_built_on_synthetic_rows_say_so(batch: tuple[Path, str]) -> None:
    text = visible_text((batch[0] / "city-2024.html").read_text(encoding="utf-8"))
    assert "dữ liệu tổng hợp (synthetic)" in text
    assert "tổng hợp (synthetic)" in text.split("Kết quả so với chỉ tiêu Tỷ lệ đạt")[1]


def test_english_report(batch: tuple[Path, str]) -> None:
    text = visible_text((batch[0] / "city-2023-en.html").read_text(encoding="utf-8"))
    assert "Attainment" in text
    assert re.search(r"\b852 453 188\.1% 399 exceeded 188,1% ✓", text)
    assert "46,148" in text


def test_reports_are_offline_and_hide_code(batch: tuple[Path, str]) -> None:
    html = (batch[0] / "city-2023.html").read_text(encoding="utf-8")
    assert not re.search(r"<(script|link)[^>]+(src|href)=\"?https?:", html)
    assert "import kpitools" not in html  # code cells hidden
    assert "injected-parameters" not in html


@pytest.mark.parametrize(
    ("report", "charts"),
    [("city-2023", 4), ("city-2024", 4), ("comparison-2023", 4), ("profile-017", 2)],
)
def test_reports_draw_every_chart_offline(
    batch, browser, report, charts, open_page, wait_for_charts
) -> None:
    page = open_page(batch[0] / f"{report}.html")
    assert wait_for_charts(page) == charts
    assert page.blocked == []
    assert page.errors == []
    page.close()


def test_index_opens_offline_and_links_work(batch, browser, open_page, wait_for_charts) -> None:
    page = open_page(batch[0] / "index.html")
    page.click("text=profile-017")
    page.wait_for_load_state()
    assert page.url.endswith("profile-017.html")
    wait_for_charts(page)
    assert page.blocked == [] and page.errors == []
    page.close()


def test_dropdowns_work_without_a_kernel(batch, browser, open_page, wait_for_charts) -> None:
    page = open_page(batch[0] / "comparison-2023.html")
    wait_for_charts(page)
    heatmap = page.locator(".vega-embed").nth(1)
    before = heatmap.locator("svg.marks").inner_html()
    select = heatmap.locator("select")
    select.select_option(index=2)
    page.wait_for_function(
        "([el, before]) => el.querySelector('svg.marks').innerHTML !== before",
        arg=[heatmap.element_handle(), before],
        timeout=10_000,
    )
    assert page.errors == []
    page.close()


def test_hostile_unit_names_are_shown_as_text(
    root: Path, tmp_path: Path, browser, open_page, wait_for_charts
) -> None:
    import polars as pl

    hostile = '<img src=x onerror="window.__xss=1">Đông Anh'
    units = pl.read_csv(root / "data" / "units.csv", infer_schema=False).with_columns(
        pl.when(pl.col("code") == "017").then(pl.lit(hostile)).otherwise("name").alias("name")
    )
    units.write_csv(tmp_path / "units.csv")
    pl.read_csv(root / "data" / "demo_panel.csv", infer_schema=False).drop("unit_name").write_csv(
        tmp_path / "panel.csv"
    )
    params = tmp_path / "parameters"
    params.mkdir()
    (params / "profile-x.yaml").write_text(
        f"unit: '017'\ndata: ['{tmp_path / 'panel.csv'}']\nunits: '{tmp_path / 'units.csv'}'\n"
    )
    out = tmp_path / "out"
    proc = run(
        [str(BIN / "kpitools"), "run", "--parameters", str(params), "--out", str(out)], cwd=root
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    page = open_page(out / "profile-x.html")
    wait_for_charts(page)
    assert page.evaluate("window.__xss") is None
    assert page.locator("img[src=x]").count() == 0
    assert hostile in page.locator("body").inner_text()
    assert page.errors == [] and page.blocked == []
    page.close()


def test_a_failing_report_does_not_stop_the_others(root: Path, tmp_path: Path) -> None:
    params = tmp_path / "parameters"
    params.mkdir()
    (params / "city-2023.yaml").write_text("year: 2023\n")
    (params / "city-1999.yaml").write_text("year: 1999\n")
    out = tmp_path / "out"
    proc = run(
        [str(BIN / "kpitools"), "run", "--parameters", str(params), "--out", str(out)],
        cwd=root,
    )
    assert proc.returncode == 1
    assert (out / "city-2023.html").exists()
    assert not (out / "city-1999.html").exists()
    assert "year 1999 has no data; years with data: 2019–2026" in proc.stdout
    assert "1 written, 0 unchanged, 1 failed" in proc.stdout
    # the executed notebook is kept for reading the error
    assert (out / "notebooks" / "city-1999.ipynb").exists()


def test_a_parameter_file_for_an_unknown_report_kind(root: Path, tmp_path: Path) -> None:
    (tmp_path / "atlas-2023.yaml").write_text("year: 2023\n")
    proc = run([str(BIN / "kpitools"), "run", "--parameters", str(tmp_path)], cwd=root)
    assert proc.returncode == 2
    assert "atlas-2023.yaml" in proc.stderr and "report kind 'atlas'" in proc.stderr


def test_show_code_keeps_the_code_cells(root: Path, tmp_path: Path) -> None:
    params = tmp_path / "parameters"
    params.mkdir()
    (params / "city-2023.yaml").write_text("year: 2023\n")
    out = tmp_path / "out"
    proc = run(
        [
            str(BIN / "kpitools"),
            "run",
            "--parameters",
            str(params),
            "--out",
            str(out),
            "--show-code",
            "--workers",
            "1",
        ],
        cwd=root,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    html = (out / "city-2023.html").read_text(encoding="utf-8")
    assert "load_dataset" in visible_text(html) and "jp-InputArea" in html
    assert "injected-parameters" not in html


def test_footer_names_data_files_with_hashes_and_version(batch: tuple[Path, str]) -> None:
    import hashlib

    import kpitools

    text = visible_text((batch[0] / "profile-017.html").read_text(encoding="utf-8"))
    footer = text[text.rindex("Hồ sơ đơn vị") :]
    for name in ("hanoi_2023_seed.csv", "demo_panel.csv", "units.csv", "metrics.csv"):
        path = next(Path(__file__).resolve().parents[2].glob(f"data/{name}"))
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
        assert f"{name} (sha256 {digest})" in footer
    assert f"kpitools {kpitools.__version__}" in footer


def test_every_report_of_the_batch_draws_offline(
    batch: tuple[Path, str], browser, open_page, wait_for_charts
) -> None:
    for path in sorted(batch[0].glob("*.html")):
        if path.name == "index.html":
            continue
        page = open_page(path)
        wait_for_charts(page)
        assert page.blocked == [] and page.errors == [], path.name
        page.close()


# --- one language per report, readable by everyone, small (issue 18, points 4 and 5) -----

#: English words that no sentence of a Vietnamese report may hold (parameter names and file
#: names, shown as code, are left out before looking).
ENGLISH = re.compile(
    r"\b(the|of|and|with|which|is|are|not|by|from|behind|ahead|highest|lowest|chart|rows?"
    r"|results?|targets?|attainment|year|units?|figures?|metric|pace|rank(ing)?)\b",
    re.I,
)
VIETNAMESE_REPORTS = ("city-2023", "comparison-2023", "profile-017")
#: Vega's own English words for a chart's parts, and how to read the ones a screen reader gets
VEGA_ENGLISH = re.compile(r"\b(mark|container|axis|legend|title|visualization|bar|point|tick)\b")
ROLES = """() => [...new Set([...document.querySelectorAll('.kt-chart [aria-roledescription]')]
    .filter(e => !e.closest('[aria-hidden=true]'))
    .map(e => e.getAttribute('aria-roledescription')))]"""
MAX_BYTES = 800_000


def reader_text(page) -> str:
    """What a reader of the page gets: its text, chart captions and the charts' own labels,
    without code (parameter names) and file names."""
    return page.evaluate(
        """() => {
            const body = document.body.cloneNode(true);
            body.querySelectorAll('code, footer, script, style').forEach(e => e.remove());
            const labels = [...document.querySelectorAll('.kt-chart [aria-label]')]
                .map(e => e.getAttribute('aria-label'));
            return [body.innerText, ...labels].join('\\n');
        }"""
    )


@pytest.mark.parametrize("report", VIETNAMESE_REPORTS)
def test_a_vietnamese_report_is_wholly_vietnamese(
    batch, browser, open_page, wait_for_charts, report
) -> None:
    page = open_page(batch[0] / f"{report}.html")
    wait_for_charts(page)
    assert page.evaluate("document.documentElement.lang") == "vi"
    text = reader_text(page)
    text = re.sub(r"\S+\.(csv|txt)\b", " ", text)  # file names
    found = sorted({m.group(0) for m in ENGLISH.finditer(text)})
    assert found == [], [
        text[max(0, m.start() - 60) : m.end() + 60] for m in ENGLISH.finditer(text)
    ][:5]
    assert "106,82%" in text or report != "city-2023"
    # what Vega tells screen readers each part is ("rect mark container"): Vietnamese too,
    # also after the charts are drawn again at another width
    for width in (1280, 700):
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_timeout(300)
        roles = page.evaluate(ROLES)
        assert "cột" in roles or "ô" in roles, roles
        assert [r for r in roles if VEGA_ENGLISH.search(r)] == [], roles
    page.close()


def test_an_english_report_is_english(batch, browser, open_page, wait_for_charts) -> None:
    page = open_page(batch[0] / "city-2023-en.html")
    wait_for_charts(page)
    assert page.evaluate("document.documentElement.lang") == "en"
    text = reader_text(page)
    for vi in ("Kết quả so với chỉ tiêu", "Tiến độ", "Biểu đồ", "cao nhất", "Tham số", "dữ liệu:"):
        assert vi not in text
    assert "Results against targets" in text and "Attainment = actual / target" in text
    assert re.search(r"highest [^;]+ \d+\.\d%", text)  # a chart's description, English numbers
    page.close()


def test_charts_are_svg_with_labelled_marks_and_described(
    batch, browser, open_page, wait_for_charts
) -> None:
    page = open_page(batch[0] / "comparison-2023.html")
    n = wait_for_charts(page)
    assert page.locator(".kt-chart canvas").count() == 0
    assert page.locator("figure.kt-figure figcaption").count() == n
    labels = page.evaluate(
        """() => [...document.querySelectorAll('.kt-chart')].map(c => [
            c.querySelector('[role=graphics-document]')?.getAttribute('aria-label') || '',
            [...c.querySelectorAll('svg.marks [role=graphics-symbol][aria-label]')].length,
            c.parentElement.querySelector('figcaption').textContent])"""
    )
    for description, marks, caption in labels:
        assert marks > 0
        assert description == caption and description.startswith(("Biểu đồ", "Bản đồ nhiệt"))
    # the ranking names its extremes with Vietnamese numbers
    assert any(re.search(r"cao nhất .+ \d+,\d%, thấp nhất .+ \d+,\d%", c) for _, _, c in labels)
    page.close()


def test_table_headers_have_a_scope(batch: tuple[Path, str]) -> None:
    html = (batch[0] / "city-2023.html").read_text(encoding="utf-8")
    assert '<th scope="col">' in html and not re.search(r"<th>(?!<)", html.split("<main>")[1])


def test_printed_tables_keep_every_column_and_charts_lose_their_menus(
    batch, browser, open_page, wait_for_charts
) -> None:
    page = open_page(batch[0] / "comparison-2026.html")  # the widest tables: 127 units
    wait_for_charts(page)
    page.set_viewport_size({"width": 680, "height": 1000})  # A4 less its margins, at 96 dpi
    page.emulate_media(media="print")
    widths = page.evaluate(
        """() => [...document.querySelectorAll('table.kt-table')].map(t => [
            t.getBoundingClientRect().right, document.documentElement.clientWidth,
            t.scrollWidth, t.parentElement.clientWidth])"""
    )
    assert widths
    for right, page_width, table, box in widths:
        assert right <= page_width and table <= box
    menus = page.locator(".vega-embed details")
    assert menus.count() > 0 and all(not menus.nth(i).is_visible() for i in range(menus.count()))
    breaks = page.evaluate(
        "[...document.querySelectorAll('.kt-section')].map(s => getComputedStyle(s).breakBefore)"
    )
    assert breaks and set(breaks) == {"page"}
    page.close()


@pytest.mark.parametrize("report", ["city-2023", "comparison-2026", "audit-seed"])
def test_a_phone_wide_page_does_not_scroll_sideways(
    batch, browser, report, open_page, wait_for_charts
) -> None:
    page = open_page(batch[0] / f"{report}.html")
    page.set_viewport_size({"width": 375, "height": 800})
    wait_for_charts(page)
    page.wait_for_timeout(200)  # one-view charts redraw at the new width
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    boxes = page.evaluate(
        """() => [...document.querySelectorAll('.kt-table-box')].map(b =>
            [b.getBoundingClientRect().right, getComputedStyle(b).overflowX])"""
    )
    assert all(right <= 375 and overflow == "auto" for right, overflow in boxes)
    # a chart of one view is drawn at its box's width, not shrunk or cut
    sizes = page.evaluate(
        """() => [...document.querySelectorAll('.kt-chart')].map(c =>
            [c.getBoundingClientRect().right, c.scrollWidth <= c.clientWidth + 1])"""
    )
    assert all(right <= 375 for right, _ in sizes)
    assert page.errors == []
    page.close()


def test_every_report_is_small_and_carries_one_compressed_bundle(batch: tuple[Path, str]) -> None:
    sizes = {}
    for path in batch[0].glob("*.html"):
        if path.name == "index.html":
            continue
        html = path.read_text(encoding="utf-8")
        sizes[path.name] = path.stat().st_size
        charts = html.count('class="kt-vega-spec"')
        assert html.count('id="kt-vega-js"') == (1 if charts else 0), path.name
        assert "vegaEmbed=" not in html  # the bundle only travels compressed
        # each dataset once: a chart's block names the datasets it uses, holds none
        for block in re.findall(r'class="kt-vega-spec"[^>]*>(.*?)</script>', html, re.S):
            assert "datasets" not in json.loads(block)["spec"]
    assert max(sizes.values()) <= MAX_BYTES, sorted(sizes.items(), key=lambda kv: -kv[1])[:3]


def test_pdf_of_a_report(root: Path, tmp_path: Path) -> None:
    params = tmp_path / "parameters"
    params.mkdir()
    (params / "profile-017.yaml").write_text("unit: '017'\nyears: [2022, 2023]\n")
    out = tmp_path / "out"
    env = {**__import__("os").environ, "KPITOOLS_CHROMIUM": "/usr/bin/chromium"}
    proc = subprocess.run(
        [str(BIN / "kpitools"), "run", "--parameters", str(params), "--out", str(out), "--pdf"],
        cwd=root, capture_output=True, text=True, timeout=600, env=env,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    pdf = (out / "profile-017.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
    # the header and the latest year's section, the city, the rank: a page per section
    assert pages >= 4, pages
    assert "1 PDF(s)" in proc.stdout


def test_pdf_without_a_chromium_says_how_to_get_one(root: Path, tmp_path: Path) -> None:
    params = tmp_path / "parameters"
    params.mkdir()
    (params / "audit-seed.yaml").write_text("text: data/seed/000_75537393c0b30eb1.txt\n")
    env = {**__import__("os").environ, "KPITOOLS_CHROMIUM": str(tmp_path / "no-chromium")}
    proc = subprocess.run(
        [str(BIN / "kpitools"), "run", "--parameters", str(params), "--out", str(tmp_path / "o"),
         "--pdf"],
        cwd=root, capture_output=True, text=True, timeout=600, env=env,
    )  # fmt: skip
    assert proc.returncode == 1
    assert "playwright install chromium" in proc.stderr and "kpitools[pdf]" in proc.stderr
    assert (tmp_path / "o" / "audit-seed.html").exists()
