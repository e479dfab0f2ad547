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
    table = text[text.index("Kết quả so với chỉ tiêu") : text.index("Tiến độ / Pace")]
    assert "synthetic" not in table
    assert "dữ liệu tổng hợp (synthetic)" in text[: text.index("Kết quả so với chỉ tiêu")]


def test_reports_built_on_synthetic_rows_say_so(batch: tuple[Path, str]) -> None:
    text = visible_text((batch[0] / "city-2024.html").read_text(encoding="utf-8"))
    assert "dữ liệu tổng hợp (synthetic)" in text
    assert "tổng hợp (synthetic)" in text.split("Kết quả so với chỉ tiêu")[1]


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
