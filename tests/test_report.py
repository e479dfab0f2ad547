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


def test_batch_writes_every_report_and_an_index(batch: tuple[Path, str]) -> None:
    out, stdout = batch
    names = sorted(p.name for p in out.glob("*.html"))
    assert names == ["city-2023-en.html", "city-2023.html", "city-2024.html", "index.html"]
    index = (out / "index.html").read_text(encoding="utf-8")
    for name in names[:-1]:
        assert f'href="{name}"' in index
    assert "3 written, 0 unchanged, 0 failed, 0 invalid" in stdout


def test_city_2023_report_shows_the_seed_figures_and_checks(batch: tuple[Path, str]) -> None:
    text = visible_text((batch[0] / "city-2023.html").read_text(encoding="utf-8"))
    assert re.search(r"\b109 69 158% \S+ vượt 158% ✓", text), text[:3000]
    assert re.search(r"\b852 453 188,1% 399 vượt 188,1% ✓", text)
    assert re.search(r"\b10\.479 9\.810 106,82% 669 đạt 106\.82% ✓ 30/11/2023", text)
    # real figures only: no synthetic notice
    assert "synthetic" not in text


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


def test_report_draws_in_a_browser_with_the_network_blocked(
    batch: tuple[Path, str], browser
) -> None:
    page = browser.new_page()
    blocked, errors = [], []
    page.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith("file:")
            else (blocked.append(route.request.url), route.abort())
        ),
    )
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((batch[0] / "city-2023.html").as_uri())
    page.wait_for_selector(".vega-embed svg, .vega-embed canvas", timeout=15_000)
    marks = page.locator(".vega-embed .mark-rect path, .vega-embed .mark-rect, canvas").count()
    assert marks > 0
    assert blocked == []
    assert errors == []
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
    assert "year 1999 has no data; years with data: 2019–2024" in proc.stdout
    assert "1 written, 0 unchanged, 1 failed" in proc.stdout
    # the executed notebook is kept for reading the error
    assert (out / "notebooks" / "city-1999.ipynb").exists()


def test_a_parameter_file_for_an_unknown_report_kind(root: Path, tmp_path: Path) -> None:
    (tmp_path / "atlas-2023.yaml").write_text("year: 2023\n")
    proc = run([str(BIN / "kpitools"), "run", "--parameters", str(tmp_path)], cwd=root)
    assert proc.returncode == 2
    assert "atlas-2023.yaml" in proc.stderr and "report kind 'atlas'" in proc.stderr
