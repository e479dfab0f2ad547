"""The metric catalog: read, validated with file/row/column, and looked up by code or label."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

import kpitools as kt

HEADER = "code,label_vi,label_en,unit_vi,unit_en,kind,breakdown_of\n"


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "metrics.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_the_bundled_catalog_reads_and_resolves_labels_in_both_languages(root: Path) -> None:
    catalog = kt.read_catalog(root / "data" / "metrics.csv")
    assert "admissions" in catalog and "nope" not in catalog
    assert catalog.resolve("New Party members admitted") == "admissions"
    assert catalog.resolve("ket nap dang vien moi") == "admissions"
    assert catalog.label("admissions", lang="en") == "New Party members admitted"
    assert catalog.unit("admissions", lang="vi") == "đảng viên"
    assert catalog.kind("admissions") == "count"


def test_every_problem_is_listed_with_its_row_and_column(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "a,A,A,x,x,count,\n"
        "a,B,B,x,x,count,\n"  # duplicate code
        ",C,C,x,x,count,\n"  # empty code
        "d,,D,x,x,ratio,\n"  # empty label, unknown kind
        "e,E,E,x,x,count,zzz\n",  # breakdown of nothing
    )
    with pytest.raises(kt.KpiDataError) as info:
        kt.read_catalog(path)
    found = {(i.row, i.column, i.message) for i in info.value.issues}
    assert (3, "code", "duplicate metric code (first on row 2)") in found
    assert (4, "code", "empty metric code") in found
    assert (5, "label_vi", "empty label") in found
    assert (5, "kind", "kind must be one of count, coverage") in found
    assert (6, "breakdown_of", "breakdown_of names no metric code of this catalog") in found
    assert all(i.file == str(path) for i in info.value.issues)


def test_a_missing_column_or_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(kt.KpiDataError, match="missing required column"):
        kt.MetricCatalog.from_frame(pl.DataFrame({"code": ["a"]}))
    with pytest.raises(kt.KpiDataError, match="cannot read metric catalog"):
        kt.read_catalog(tmp_path / "missing.csv")


def test_an_unknown_metric_suggests_the_closest_codes(root: Path) -> None:
    catalog = kt.read_catalog(root / "data" / "metrics.csv")
    with pytest.raises(kt.UnknownMetricError, match="did you mean admissions") as info:
        catalog.resolve("admisions")
    assert isinstance(info.value, KeyError) and isinstance(info.value, kt.KpiToolsError)
