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


# --------------------------------------------------------------------------- aliases

ALIASES = HEADER.rstrip("\n") + ",aliases\n"


def write_aliases(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "metrics.csv"
    path.write_text(ALIASES + body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Kết nạp đảng viên", "admissions"),
        ("Phát triển đảng viên", "admissions"),
        ("kết nạp ĐV", "admissions"),
        ("KET NAP DV", "admissions"),
        ("Thành lập TCĐ trong doanh nghiệp ngoài khu vực nhà nước", "party_orgs_nonstate"),
        ("TCCS đảng trong DN ngoài nhà nước", "party_orgs_nonstate"),
        ("tccs dang trong dn ngoai khu vuc nha nuoc", "party_orgs_nonstate"),
        ("thành lập tổ chức đảng trong DN ngoài quốc doanh", "party_orgs_nonstate"),
        ("Thành lập tổ chức CT-XH trong DN ngoài nhà nước", "mass_orgs_nonstate"),
        ("Kết nạp ĐV trong DN ngoài khu vực nhà nước", "admissions_nonstate"),
        ("Nội dung trình BTV Thành uỷ", "items_submitted"),
        ("Kết nạp học sinh trung học phổ thông", "admissions_hs_students"),
    ],
)
def test_the_bundled_aliases_and_abbreviations_resolve(root: Path, text: str, code: str) -> None:
    assert kt.read_catalog(root / "data" / "metrics.csv").resolve(text) == code


def test_every_bundled_metric_has_aliases(root: Path) -> None:
    frame = kt.read_catalog(root / "data" / "metrics.csv").metrics
    assert frame.filter(pl.col("aliases").is_null()).is_empty()


def test_a_catalog_without_aliases_still_reads(tmp_path: Path) -> None:
    catalog = kt.read_catalog(write(tmp_path, "a,Kết nạp đảng viên mới,Admitted,x,x,count,\n"))
    assert catalog.resolve("ket nap dang vien moi") == "a"
    assert catalog.metrics["aliases"].to_list() == [None]
    with pytest.raises(kt.UnknownMetricError):
        catalog.resolve("Phát triển đảng viên")


def test_an_alias_naming_two_metrics_is_an_error(tmp_path: Path) -> None:
    path = write_aliases(
        tmp_path,
        "a,Kết nạp đảng viên mới,Admitted,x,x,count,,Phát triển đảng viên|kết nạp ĐV\n"
        "b,Kết nạp đảng viên nữ,Women admitted,x,x,count,,Kết nạp đảng viên\n"  # = a's alias
        "c,Đảng viên cuối kỳ,Members,x,x,count,,Kết nạp đảng viên mới\n"  # = a's label
        "d,Đảng viên từ trần,Deaths,x,x,count,,Phát triển đảng viên\n"  # = a's alias
        "e,Đảng viên chuyển đi,Out,x,x,count,,Phat trien dang vien\n"  # without diacritics
        "f,Xóa tên,Removed,x,x,count,,xoá tên|a||\n",  # empty; a's code
    )
    with pytest.raises(kt.KpiDataError) as info:
        kt.read_catalog(path)
    found = {(i.row, i.column, i.value, i.message) for i in info.value.issues}
    assert found == {
        (3, "aliases", "Kết nạp đảng viên", "alias also names metric a (row 2)"),
        (4, "aliases", "Kết nạp đảng viên mới", "alias also names metric a (row 2)"),
        (5, "aliases", "Phát triển đảng viên", "alias also names metric a (row 2)"),
        (6, "aliases", "Phat trien dang vien", "alias also names metric a (row 2)"),
        (7, "aliases", "a", "alias also names metric a (row 2)"),
        (7, "aliases", "", "empty alias (two | in a row, or one at an end)"),
    }
    assert all(i.file == str(path) for i in info.value.issues)


def test_an_unknown_wording_suggests_the_metrics_of_the_closest_wordings(root: Path) -> None:
    catalog = kt.read_catalog(root / "data" / "metrics.csv")
    with pytest.raises(kt.UnknownMetricError) as info:
        catalog.resolve("Thành lập TCĐ trong DN ngoài nhà nươc mới")
    assert "party_orgs_nonstate" in info.value.suggestions
    assert str(info.value).startswith("unknown metric 'Thành lập TCĐ")
    assert "; did you mean " in str(info.value)


def test_suggestions_are_computed_once_per_distinct_text(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog = kt.read_catalog(root / "data" / "metrics.csv")
    calls: list[str] = []
    suggest = kt.MetricCatalog._suggest

    def counted(self: kt.MetricCatalog, key: str) -> tuple[str, ...]:
        calls.append(key)
        return suggest(self, key)

    monkeypatch.setattr(kt.MetricCatalog, "_suggest", counted)
    for _ in range(50):
        for text in ("admision", "Kết nạp ĐVV"):
            with pytest.raises(kt.UnknownMetricError) as info:
                catalog.resolve(text)
            assert info.value.text == text and info.value.suggestions
    assert len(calls) == 2
    info.value.suggestions.clear()  # a caller's copy: the next error has them all again
    with pytest.raises(kt.UnknownMetricError) as again:
        catalog.resolve("Kết nạp ĐVV")
    assert again.value.suggestions
