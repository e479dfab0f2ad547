"""The views across a change of structure: the comparability table and the bridge table."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

import kpitools as kt
from kpitools.bridge import bridge_table, comparability_table
from kpitools.comparability import bridge_figures, comparable_groups
from kpitools.display import stylesheet
from kpitools.links import Links, read_links

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = '<img src=x onerror="alert(1)">'


def _links(rows: list[tuple[str, str, str]]) -> Links:
    old, new, relation = zip(*rows, strict=True)
    return Links.from_frame(
        pl.DataFrame(
            {
                "old_code": list(old),
                "new_code": list(new),
                "relation": list(relation),
                "effective": ["2025-07-01"] * len(rows),
                "source": ["NQ"] * len(rows),
            }
        )
    )


LINKS = _links(
    [("A", "X", "full"), ("B", "X", "partial"), ("B", "Y", "partial"), ("C", "Z", "full")]
)
NAMES = {"A": "Phúc Xá", "B": HOSTILE, "X": "Phường Hồng Hà", "Y": "Phường Tây Hồ"}


def _kpis(source: str = "report") -> pl.DataFrame:
    rows = [("A", 2024, 10.0), ("B", 2024, 30.0), ("C", 2024, 4.0),
            ("X", 2026, 26.0), ("Y", 2026, 15.0), ("Z", 2026, 5.0)]  # fmt: skip
    return pl.DataFrame(rows, schema=["unit_code", "year", "actual"], orient="row").with_columns(
        metric=pl.lit("admissions"), source=pl.lit(source), year=pl.col("year").cast(pl.Int32)
    )


def test_the_comparability_table_in_vietnamese() -> None:
    table = comparability_table(comparable_groups(LINKS, by="new"), names=NAMES)
    assert table.frame.columns == [
        "Nhóm", "Đơn vị cũ", "Đơn vị mới", "So sánh chính xác", "Thay đổi", "Vì sao"
    ]  # fmt: skip
    assert table.caption == (
        "Các nhóm đơn vị so sánh được qua lần sắp xếp ngày 01/07/2025: 1/3 chính xác"
    )
    assert table.frame.row(0) == (
        "1",
        f"A Phúc Xá, B {HOSTILE}",
        "X Phường Hồng Hà",
        "✗",
        "bị cắt ngang",
        f"X Phường Hồng Hà nhận một phần của B {HOSTILE}, phần còn lại thuộc Y Phường Tây Hồ",
    )
    assert table.frame.row(2)[3:] == ("✓", "giữ nguyên / đổi tên", "")
    assert table.status == ("inconsistent", "inconsistent", "consistent")


def test_text_from_data_is_shown_never_run() -> None:
    html = comparability_table(comparable_groups(LINKS, by="new"), names=NAMES)._repr_html_()
    assert "<img" not in html and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    figures = bridge_figures(_kpis(), LINKS, old_year=2024, new_year=2026)
    assert "<img" not in bridge_table(figures, names=NAMES)._repr_html_()


def test_exact_and_not_exact_rows_are_styled_by_the_stylesheet() -> None:
    for status in ("consistent", "inconsistent", "unchecked"):
        assert f"tr.kt-status-{status} td" in stylesheet()


def test_the_bridge_table_of_exact_groups() -> None:
    figures = bridge_figures(_kpis(), LINKS, old_year=2024, new_year=2026)
    table = bridge_table(figures, lang="en")
    assert table.frame.columns == [
        "Group", "Old units", "New units", "2024 (old units)", "2026 (new units)", "Change",
        "Estimated", "Note", "Source",
    ]  # fmt: skip
    assert table.frame.rows() == [
        ("1", "A, B", "X, Y", "40", "41", "+1", "", "", "sum of units"),
        ("2", "C", "Z", "4", "5", "+1", "", "", "sum of units"),
    ]
    assert table.caption == (
        "2024 by old units (2024-01-01–2024-12-31) against 2026 by new units "
        "(2026-01-01–2026-12-31); change of 2025-07-01"
    )
    assert table.status == ("consistent", "consistent")


def test_estimates_are_marked_wherever_shown() -> None:
    shares = pl.DataFrame({"old_code": ["B", "B"], "new_code": ["X", "Y"], "share": [0.5, 0.5]})
    figures = bridge_figures(_kpis(), LINKS, old_year=2024, new_year=2026, by="new", shares=shares)
    assert figures["estimated"].to_list() == [True, True, False]
    table = bridge_table(figures, names=NAMES)
    x = table.frame.row(0)
    assert x[3:7] == ("≈ 25", "26", "≈ +1", "ước tính")
    assert x[7] == "số của đơn vị cũ ước tính theo tỷ lệ do người dùng cung cấp"
    assert x[8] == "ước tính theo tỷ lệ"
    assert "Có số ước tính (≈)" in table.caption
    assert table.status == ("unchecked", "unchecked", "consistent")
    assert table.frame.row(2)[3:7] == ("4", "5", "+1", "")


def test_synthetic_figures_stay_marked() -> None:
    figures = bridge_figures(_kpis("synthetic"), LINKS, old_year=2024, new_year=2026)
    table = bridge_table(figures)
    assert table.synthetic == (True, True)
    assert table.frame["Nguồn"].to_list() == ["tổng hợp (synthetic)"] * 2
    assert 'class="kt-status-consistent kt-synthetic"' in table._repr_html_()


def test_missing_figures_and_several_metrics() -> None:
    kpis = pl.concat(
        [_kpis().filter(pl.col("unit_code") != "B"),
         _kpis().with_columns(metric=pl.lit("members"))]
    )  # fmt: skip
    catalog = kt.read_catalog(ROOT / "data" / "metrics.csv")
    figures = bridge_figures(kpis, LINKS, old_year=2024, new_year=2026)
    table = bridge_table(figures, catalog=catalog, names=NAMES, lang="en")
    assert table.frame.columns[3] == "Metric"
    first = table.frame.row(0)
    assert first[3] == catalog.label("admissions", lang="en")
    assert first[8] == f"no figures of B {HOSTILE}"


def test_views_need_the_frames_they_draw() -> None:
    with pytest.raises(ValueError, match="columns of comparable_groups"):
        comparability_table(pl.DataFrame({"group": [1]}))
    with pytest.raises(ValueError, match="columns of bridge_figures"):
        bridge_table(comparable_groups(LINKS))
    with pytest.raises(kt.ParameterError):
        bridge_table(bridge_figures(_kpis(), LINKS, old_year=2024, new_year=2026), lang="fr")


@pytest.mark.skipif(
    not (ROOT / "data" / "reference" / "hanoi_units.csv").exists(), reason="no reference data"
)
def test_hanoi_groups_named_by_the_registry_of_the_day() -> None:
    registry = kt.read_registry(ROOT / "data" / "reference" / "hanoi_units.csv")
    links = read_links(ROOT / "data" / "reference" / "hanoi_links.csv")
    table = comparability_table(comparable_groups(links, by=[["00097"]]), names=registry)
    _, olds, news, exact, _, why = table.frame.row(0)
    assert news.startswith("00097") and exact == "✗"
    # the old 00097 (Tứ Liên) and the new 00097 (Hồng Hà) are told apart by the date
    assert "00097 Tứ Liên" in olds and "00097 Tứ Liên" not in news
    assert why.startswith(news + " nhận một phần của")
    assert dt.date(2025, 7, 1) == links.effective()


# --- the member backcast section (the notebook's former inline `if backcast`) ---

_CATALOG_ROWS = {
    "code": ["admissions"],
    "label_vi": ["Kết nạp"],
    "label_en": ["Admissions"],
    "unit_vi": ["người"],
    "unit_en": ["people"],
    "kind": ["count"],
}


def _backcast_file(tmp_path: Path) -> Path:
    table = tmp_path / "backcast.csv"
    rows = [
        f"{code},{name},commune,{year},{year}-12-31,admissions,,{n + year},synthetic,,backcast"
        for code, name, n in (("00376", "Sóc Sơn", 80), ("00382", HOSTILE.replace(",", " "), 60))
        for year in (2023, 2024)
    ]
    header = "unit_code,unit_name,level,year,as_of,metric,target,actual,source,stated_percent,note"
    table.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return table


@pytest.mark.parametrize("none", [None, ""])
def test_no_backcast_is_a_table_that_says_so(none: str | None) -> None:
    from kpitools.bridge import backcast_view, read_backcast
    from kpitools.catalog import MetricCatalog

    catalog = MetricCatalog.from_frame(pl.DataFrame(_CATALOG_ROWS))
    assert read_backcast(none) is None
    view = backcast_view(none, catalog=catalog, metric="admissions", lang="en")
    assert isinstance(view, kt.Table)
    html = view._repr_html_()
    assert "kt-empty" in html and "No member backcast table given" in html


def test_a_backcast_file_is_read_with_its_codes_and_drawn(tmp_path: Path) -> None:
    from kpitools.bridge import backcast_view, read_backcast
    from kpitools.catalog import MetricCatalog
    from kpitools.charts import trend_chart

    catalog = MetricCatalog.from_frame(pl.DataFrame(_CATALOG_ROWS))
    path = _backcast_file(tmp_path)
    frame = read_backcast(path)
    assert frame is not None
    assert frame["unit_code"].unique().sort().to_list() == ["00376", "00382"]  # zeros kept
    assert read_backcast(str(path)) is not None  # a notebook parameter is text
    view = backcast_view(str(path), catalog=catalog, metric="admissions")
    # the same chart the notebook drew inline before
    expected = trend_chart(frame, catalog=catalog, metric="admissions")
    assert view.to_dict() == expected.to_dict()
    # a frame already read is drawn as it is
    assert backcast_view(frame, catalog=catalog, metric="admissions").to_dict() == view.to_dict()
    # parquet is read too
    frame.write_parquet(tmp_path / "b.parquet")
    assert read_backcast(tmp_path / "b.parquet").equals(frame)  # type: ignore[union-attr]
