"""Reading and writing the long table: layouts, Vietnamese numbers and names, bad input."""

from __future__ import annotations

import csv
import datetime as dt
import tempfile
import unicodedata
from pathlib import Path

import polars as pl
import pytest
import xlsxwriter
from hypothesis import given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

import kpitools as kt
from kpitools.io import (
    COLUMN_ALIASES,
    LONG_SCHEMA,
    load_dataset,
    read_kpi_file,
    read_kpis,
    write_kpis,
)
from kpitools.numbers import format_number
from kpitools.textfold import strip_diacritics

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "data"
TEST_DATA = Path(__file__).resolve().parents[3] / "tests" / "data"
HEADER = ["unit_code", "unit_name", "year", "metric", "target", "actual"]
BUNDLED = {"units": "data/units.csv", "catalog": "data/metrics.csv"}  # found upwards
GOOD = {"unit_code": "017", "unit_name": "Đông Anh", "year": "2023", "metric": "admissions",
        "target": "300", "actual": "250"}  # fmt: skip


@pytest.fixture(scope="module")
def registry() -> kt.UnitRegistry:
    return kt.read_registry(DATA / "units.csv")


@pytest.fixture(scope="module")
def bundled() -> kt.Dataset:
    return load_dataset(
        [DATA / "hanoi_2023_seed.csv", DATA / "demo_panel.csv"],
        units=DATA / "units.csv",
        catalog=DATA / "metrics.csv",
    )


@pytest.fixture
def read(registry, catalog):
    def read(path, **options) -> pl.DataFrame:
        return read_kpi_file(path, registry=registry, catalog=catalog, **options)

    return read


@pytest.fixture
def problems(read):
    """The KpiDataError reading ``path`` raises."""

    def problems(path, **options) -> kt.KpiDataError:
        with pytest.raises(kt.KpiDataError) as info:
            read(path, **options)
        return info.value

    return problems


def only(err: kt.KpiDataError) -> str:
    assert len(err.issues) == 1, str(err)
    return str(err.issues[0])


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def long_csv(path: Path, *overrides: dict[str, str], header: list[str] = HEADER) -> Path:
    """A long CSV: row 2 is GOOD, each further row is GOOD for Ba Đình with ``overrides``."""
    rows = [[GOOD.get(c, "") for c in header]]
    for over in overrides:
        row = {**GOOD, "unit_code": "001", "unit_name": "Ba Đình", **over}
        rows.append([row.get(c, "") for c in header])
    return write_csv(path, [header, *rows])


def write_xlsx(path: Path, rows: list[list[object]], merges: tuple[tuple, ...] = ()) -> Path:
    """An .xlsx file; ``rows`` start at A1, ``merges`` are (first_row, first_col, last_row,
    last_col, text) with 0-based indexes as xlsxwriter takes them."""
    with xlsxwriter.Workbook(path) as book:
        sheet = book.add_worksheet("Báo cáo")
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is not None:
                    sheet.write(r, c, value)
        for first_row, first_col, last_row, last_col, text in merges:
            sheet.merge_range(first_row, first_col, last_row, last_col, text)
    return path


# --------------------------------------------------------------------------- bundled data


def test_bundled_data_from_the_repository_root(monkeypatch):
    monkeypatch.chdir(ROOT)
    ds = load_dataset(["data/hanoi_2023_seed.csv", "data/demo_panel.csv"], **BUNDLED)
    kpis = ds.kpis
    columns = list(LONG_SCHEMA)
    columns.insert(columns.index("as_of") + 1, "period_start")  # the panel splits 2025
    assert kpis.schema == pl.Schema({c: LONG_SCHEMA.get(c, pl.Date()) for c in columns})
    history = kpis.filter(pl.col("year") <= 2024)
    panel = pl.read_csv(ROOT / "data" / "demo_panel.csv", infer_schema=False)
    assert kpis.height == 11 + panel.height
    assert history.filter(pl.col("source") == "synthetic").height >= 930
    assert ds.synthetic
    codes = set(history["unit_code"])
    assert {"01", "001", "017", "019", "282", "01-K"} <= codes
    assert len(codes) == 32  # the city, 30 districts and the other affiliated committees
    assert history["period_start"].dt.ordinal_day().unique().to_list() == [1]
    assert set(kpis.filter(pl.col("year") == 2026)["level"]) <= {"city", "commune", "affiliated"}
    assert kpis.filter(pl.col("unit_code") == "017")["unit_name"].unique().to_list() == ["Đông Anh"]

    seed = kpis.filter(pl.col("source") != "synthetic")
    assert seed.height == 11 and set(seed["unit_code"]) == {"01"}

    def figures(metric: str) -> tuple:
        return seed.filter(pl.col("metric") == metric).select("actual", "target", "as_of").row(0)

    dec31, nov30 = dt.date(2023, 12, 31), dt.date(2023, 11, 30)
    assert figures("party_orgs_nonstate") == (109.0, 69.0, dec31)
    assert figures("admissions_nonstate") == (852.0, 453.0, dec31)
    assert figures("admissions") == (10479.0, 9810.0, nov30)
    assert figures("mass_org_members_nonstate") == (46148.0, 24320.0, dec31)
    assert figures("members_app") == (443812.0, None, dec31)
    assert seed.filter(pl.col("metric") == "admissions_nonstate")["stated_percent"].item() == (
        "188,1%"
    )


def test_bundled_data_from_the_notebooks_folder(monkeypatch, bundled):
    monkeypatch.chdir(ROOT / "notebooks")
    ds = load_dataset(["data/hanoi_2023_seed.csv", "data/demo_panel.csv"], **BUNDLED)
    assert_frame_equal(ds.kpis, bundled.kpis)


# --------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("suffix", [".parquet", ".xlsx", ".csv"])
def test_round_trip(tmp_path, bundled, registry, catalog, suffix):
    path = write_kpis(bundled.kpis, tmp_path / f"kpis{suffix}")
    again = read_kpis(path, registry=registry, catalog=catalog)
    assert_frame_equal(again, bundled.kpis)
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_excel_codes_stored_as_numbers(tmp_path, read):
    rows = [
        ["unit_code", "unit_name", "year", "metric", "target", "actual"],
        [17, None, 2023, "admissions", 300, 250],
        [1, "Hà Nội", 2023, "admissions", 9810, 10479],  # Excel dropped the zero of "01"
        [1, "Ba Đình", 2023, "admissions", 283, 252],  # ... and the two of "001"
        [271, "huyện Ba Vì", 2023, "admissions", 150, 149],
    ]
    kpis = read(write_xlsx(tmp_path / "codes.xlsx", rows))
    assert kpis["unit_code"].to_list() == ["017", "01", "001", "271"]
    assert kpis["unit_name"].to_list() == ["Đông Anh", "Hà Nội", "Ba Đình", "Ba Vì"]
    assert kpis["actual"].to_list() == [250.0, 10479.0, 252.0, 149.0]


def test_parquet_with_typed_columns(tmp_path, read):
    frame = pl.DataFrame(
        {"unit_code": [17, 269], "year": [2023, 2024], "metric": ["admissions"] * 2,
         "target": [None, 40.0], "actual": [250, 41], "as_of": [dt.date(2023, 11, 30), None]}
    )  # fmt: skip
    frame.write_parquet(tmp_path / "typed.parquet")
    kpis = read(tmp_path / "typed.parquet")
    assert kpis.select("unit_code", "year", "as_of", "target", "actual").rows() == [
        ("017", 2023, dt.date(2023, 11, 30), None, 250.0),
        ("269", 2024, dt.date(2024, 12, 31), 40.0, 41.0),
    ]


def test_an_empty_actual_with_a_note_is_read_as_null(tmp_path, read, problems):
    header = [*HEADER, "note"]
    path = long_csv(tmp_path / "kpis.csv", {"actual": "", "note": "fewer than 5 (suppressed)"},
                    header=header)  # fmt: skip
    kpis = read(path)
    assert kpis.select("unit_code", "actual", "note").rows() == [
        ("017", 250.0, None),
        ("001", None, "fewer than 5 (suppressed)"),
    ]
    assert kt.with_measures(kpis)["attainment_note"].to_list() == [None, "no actual"]
    bare = long_csv(tmp_path / "bare.csv", {"actual": "", "note": ""}, header=header)
    assert "row 3, column 'actual': missing actual" in only(problems(bare))


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".xlsx"])
def test_suppressed_counts_round_trip(tmp_path, bundled, registry, catalog, suffix):
    kpis = bundled.kpis.filter(pl.col("year") == 2023)
    shared = kt.suppress_small(
        kpis, threshold=3, registry=registry, metrics=["party_orgs_nonstate"]
    )
    assert shared["actual"].null_count() > 0
    again = read_kpis(write_kpis(shared, tmp_path / f"shared{suffix}"), registry=registry,
                      catalog=catalog)  # fmt: skip
    assert_frame_equal(again, shared.sort("year", "metric", "unit_code"))


# --------------------------------------------------------------------------- targets only


def test_targets_file_long_wide_and_frame(tmp_path, registry, catalog):
    long = write_csv(
        tmp_path / "targets.csv",
        [["Mã đơn vị", "Năm", "Chỉ số", "Chỉ tiêu", "source"],
         ["017", "2024", "admissions", "1.200", "plan"],
         ["Ba Đình", "2024", "Kết nạp đảng viên mới", "300", "plan"],
         ["001", "2023", "admissions", "", "plan"]],
    )  # fmt: skip
    expected = [("017", 2024, "admissions", 1200.0), ("001", 2024, "admissions", 300.0),
                ("001", 2023, "admissions", None)]  # fmt: skip
    assert kt.read_targets(long, registry=registry, catalog=catalog).rows() == expected
    schema = kt.read_targets(long, registry=registry, catalog=catalog).schema
    assert list(schema.values()) == [pl.String, pl.Int32, pl.String, pl.Float64]
    wide = write_xlsx(
        tmp_path / "plan.xlsx",
        [["Kế hoạch năm 2024"], [],
         ["STT", "Đơn vị", "Kết nạp đảng viên mới - Chỉ tiêu",
          "Thành lập tổ chức Đảng trong doanh nghiệp ngoài nhà nước - Chỉ tiêu"],
         [1, "Đông Anh", 1200, 4], [2, "Ba Đình", 300, 2]],
    )  # fmt: skip
    assert sorted(kt.read_targets(wide, registry=registry, catalog=catalog, year=2024).rows()) == [
        ("001", 2024, "admissions", 300.0), ("001", 2024, "party_orgs_nonstate", 2.0),
        ("017", 2024, "admissions", 1200.0), ("017", 2024, "party_orgs_nonstate", 4.0)]  # fmt: skip
    frame = pl.DataFrame({"unit_code": [17], "year": [2024], "metric": ["admissions"],
                          "target": [1200]})  # fmt: skip
    assert kt.read_targets(frame, registry=registry).rows() == [expected[0]]


def test_targets_file_problems(tmp_path, registry, catalog):
    results_only = long_csv(tmp_path / "results.csv", header=[c for c in HEADER if c != "target"])
    with pytest.raises(kt.KpiDataError, match="column 'target': missing required column"):
        kt.read_targets(results_only, registry=registry)
    bad = write_csv(
        tmp_path / "t.csv",
        [["mã đơn vị", "năm", "chỉ số", "chỉ tiêu"], ["017", "2024", "admision", "3"],
         ["017", "2024", "admissions", "-3"]],
    )  # fmt: skip
    with pytest.raises(kt.KpiDataError) as err:
        kt.read_targets(bad, registry=registry, catalog=catalog)
    assert f"{bad}, row 2, column 'chỉ số': unknown metric" in str(err.value)
    assert f"{bad}, row 3, column 'chỉ tiêu': target: negative count" in str(err.value)
    # without a catalog the codes are taken as written
    own = write_csv(tmp_path / "own.csv", [["unit_code", "year", "metric", "target"],
                                           ["017", "2024", "my_count", "3"]])  # fmt: skip
    assert kt.read_targets(own, registry=registry).rows() == [("017", 2024, "my_count", 3.0)]
    with pytest.raises(kt.KpiDataError, match="unknown metric"):
        kt.read_targets(own, registry=registry, catalog=catalog)
    wide = write_csv(tmp_path / "w.csv", [["Đơn vị", "Kết nạp đảng viên mới - Thực hiện"],
                                          ["Đông Anh", "3"]])  # fmt: skip
    with pytest.raises(kt.KpiDataError, match="metric admissions has no target column"):
        kt.read_targets(wide, registry=registry, catalog=catalog, year=2024)


# --------------------------------------------------------------------------- wide layout


def wide_sheet(d10: object = "46.148", total_actual: object = "48.577") -> tuple[list, tuple]:
    """A report sheet: title, unit-of-measure line, two header rows with merged cells,
    section headings, a blank row, a total row and a note."""
    nfd_dong_anh = unicodedata.normalize("NFD", "Huyện Đông Anh")
    rows = [
        [None] * 7,  # row 1: the merged title
        ["Đơn vị tính: người"],
        [None] * 7,  # row 3: merged headers
        [None, None, "Chỉ tiêu", "Thực hiện", "Kế hoạch", "Kết quả", "Tỷ lệ (%)"],
        ["I", "Khối quận"],
        [1, "Quận Ba Đình", 283, "1.234", 5, 8, "160%"],
        [2, "Cau Giay", "1.000", 1100, 4, 4, "100%"],
        [],
        ["II", "Khối huyện"],
        [3, nfd_dong_anh, 300, d10, 2, 3, "150%"],
        [4, "Ứng Hoà", 120, 95, 1, 0, "0%"],
        [None, "Tổng cộng", "1.703", total_actual, 12, 15],
        ["Ghi chú: số liệu tính đến 30/11/2023"],
    ]
    merges = (
        (0, 0, 0, 6, "BÁO CÁO KẾT QUẢ CÔNG TÁC XÂY DỰNG ĐẢNG NĂM 2023"),
        (2, 0, 3, 0, "STT"),
        (2, 1, 3, 1, "Đơn vị"),
        (2, 2, 2, 3, "Kết nạp đảng viên mới"),
        (2, 4, 2, 6, "Thành lập tổ chức Đảng trong doanh nghiệp ngoài nhà nước"),
    )
    return rows, merges


def test_wide_excel_with_merged_two_row_headers(tmp_path, read):
    path = write_xlsx(tmp_path / "bao_cao.xlsx", *wide_sheet())
    kpis = read(path, year=2023, as_of="30/11/2023")
    got = kpis.select("unit_code", "metric", "target", "actual", "stated_percent").sort(
        "metric", "unit_code"
    )
    expected = pl.DataFrame(
        [
            ("001", "admissions", 283.0, 1234.0, None),
            ("005", "admissions", 1000.0, 1100.0, None),
            ("017", "admissions", 300.0, 46148.0, None),
            ("281", "admissions", 120.0, 95.0, None),
            ("001", "party_orgs_nonstate", 5.0, 8.0, "160%"),
            ("005", "party_orgs_nonstate", 4.0, 4.0, "100%"),
            ("017", "party_orgs_nonstate", 2.0, 3.0, "150%"),
            ("281", "party_orgs_nonstate", 1.0, 0.0, "0%"),
        ],
        schema={c: LONG_SCHEMA[c] for c in got.columns},
        orient="row",
    )
    assert_frame_equal(got, expected)
    assert set(kpis["year"]) == {2023} and set(kpis["as_of"]) == {dt.date(2023, 11, 30)}
    assert set(kpis["source"]) == {"bao_cao.xlsx"}
    assert set(kpis["unit_name"]) == {"Ba Đình", "Cầu Giấy", "Đông Anh", "Ứng Hòa"}


def test_wide_excel_error_names_the_sheet_cell(tmp_path, problems):
    path = write_xlsx(tmp_path / "bao_cao.xlsx", *wide_sheet(d10="-46.148"))
    message = only(problems(path, year=2023))
    assert message == (
        f"{path}, row 10, column 'D (Kết nạp đảng viên mới / actual)': actual: negative count: "
        "counts cannot be below zero (value '-46.148')"
    )


def test_wide_total_row_must_equal_the_sum(tmp_path, problems):
    path = write_xlsx(tmp_path / "bao_cao.xlsx", *wide_sheet(total_actual="48.578"))
    message = only(problems(path, year=2023))
    assert message == (
        f"{path}, row 12, column 'D (Kết nạp đảng viên mới / actual)': the total row does not "
        "equal the sum of the units (48577) (value '48.578')"
    )


def test_wide_csv_with_one_header_row(read):
    path = TEST_DATA / "io_wide_one_header.csv"
    assert unicodedata.normalize("NFD", "Mê Linh") in path.read_text(encoding="utf-8")
    kpis = read(path)
    got = kpis.select("unit_code", "year", "metric", "target", "actual", "stated_percent")
    assert got.rows() == [
        ("001", 2023, "admissions", 283.0, 252.0, "89,0%"),
        ("269", 2023, "admissions", 1234.0, 1300.0, "105,3%"),
        ("250", 2022, "admissions", 200.0, 210.0, "105%"),
    ]
    assert kpis["as_of"].to_list() == [dt.date(2023, 12, 31)] * 2 + [dt.date(2022, 12, 31)]


def test_wide_sheet_needs_a_year(tmp_path, problems):
    rows = [["Đơn vị", "Kết nạp đảng viên mới - Chỉ tiêu", "Kết nạp đảng viên mới - Thực hiện"],
            ["Ba Đình", "283", "252"]]  # fmt: skip
    path = write_csv(tmp_path / "no_year.csv", rows)
    assert "a wide sheet needs a year: pass year=..." in only(problems(path))
    assert problems(path, year=2023.5).issues[0].message == "year must be a whole number like 2023"


def test_wide_unknown_metric_header_and_unit_without_figures(tmp_path, problems):
    rows = [
        ["Đơn vị", "Kết nạp đảng viênn - Chỉ tiêu", "Kết nạp đảng viênn - Thực hiện"],
        ["Ba Đình", "283", "252"],
    ]
    err = problems(write_csv(tmp_path / "typo.csv", rows), year=2023)
    assert len(err.issues) == 2
    assert str(err.issues[0]).endswith(
        "row 1, column 'B (Kết nạp đảng viênn)': unknown metric; did you mean admissions or "
        "admissions_female or admissions_male? "
        "(value 'Kết nạp đảng viênn')"
    )
    rows = [
        ["Đơn vị", "Kết nạp đảng viên mới - Chỉ tiêu", "Kết nạp đảng viên mới - Thực hiện"],
        ["Ba Đình", "283", "252"],
        ["Tây Hồ", "", ""],  # a unit that reported nothing is not a heading
    ]
    message = only(problems(write_csv(tmp_path / "empty_unit.csv", rows), year=2023))
    assert message.endswith(
        "row 3, column 'C (Kết nạp đảng viên mới / actual)': missing actual (leave it empty only"
        " with a note saying why)"
    )


# --------------------------------------------------------------------------- bad input


BAD_CELLS = [
    pytest.param({"unit_code": "", "unit_name": "Dong Anhh"}, "unit_name",
                 "unknown unit 'Dong Anhh'; did you mean 017 Đông Anh", id="unknown-unit"),
    pytest.param({"unit_code": "017", "unit_name": "Ba Đình"}, "unit_name",
                 "unit name does not match code 017 (Đông Anh) (value 'Ba Đình')",
                 id="name-contradicts-code"),
    pytest.param({"unit_code": "019", "unit_name": "Nam Từ Liêm", "year": "2012"}, "unit_code",
                 "unit 019 (Nam Từ Liêm) did not exist in 2012", id="unit-not-yet-founded"),
    pytest.param({"unit_code": "001", "unit_name": "Ba Đình", "metric": "admision"}, "metric",
                 "unknown metric; did you mean admissions or admissions_female or admissions_male? "
        "(value 'admision')",
                 id="unknown-metric"),
    pytest.param({"actual": "-5"}, "actual",
                 "actual: negative count: counts cannot be below zero (value '-5')",
                 id="negative"),
    pytest.param({"target": "−1.234"}, "target", "target: negative count", id="negative-target"),
    pytest.param({"actual": "12,3,4"}, "actual",
                 "actual: unparseable number: groups of thousands must have 3 digits "
                 "(value '12,3,4')", id="bad-groups"),
    pytest.param({"actual": "abc"}, "actual",
                 "actual: unparseable number: unexpected character 'a' (value 'abc')",
                 id="letters"),
    pytest.param({"actual": "1,234"}, "actual",
                 "actual: not a whole number (read as 1.234; ',' is the decimal comma unless "
                 "decimal='.' is passed) (value '1,234')", id="decimal-comma"),
    pytest.param({"actual": ""}, "actual", "missing actual", id="missing-actual"),
    pytest.param({"year": "2023.5"}, "year",
                 "year must be a whole number like 2023 (value '2023.5')", id="year-fraction"),
    pytest.param({"year": "năm"}, "year", "year must be a whole number like 2023 (value 'năm')",
                 id="year-word"),
    pytest.param({"as_of": "31/02/2023"}, "as_of",
                 "not a date (use 2023-11-30 or 30/11/2023): '31/02/2023'", id="bad-date"),
    pytest.param({"as_of": "2023-11-30abc"}, "as_of", "not a date", id="date-with-junk"),
    pytest.param({"as_of": "2022-12-31"}, "as_of",
                 "as_of is before the start of 2023 (value '2022-12-31')", id="as-of-too-early"),
    pytest.param({"level": "city"}, "level",
                 "level does not match the unit registry (district) (value 'city')",
                 id="wrong-level"),
    pytest.param({"stated_percent": "abc%"}, "stated_percent",
                 "unparseable percentage: unexpected character 'a'", id="bad-percent"),
]  # fmt: skip


@pytest.mark.parametrize(("override", "column", "message"), BAD_CELLS)
def test_bad_cell_is_named_by_file_row_and_column(tmp_path, problems, override, column, message):
    header = [*HEADER, "as_of", "level", "stated_percent"]
    path = long_csv(tmp_path / "kpis.csv", override, header=header)
    got = only(problems(path))
    assert got.startswith(f"{path}, row 3, column {column!r}: "), got
    assert message in got


def test_decimal_option_reads_commas_as_thousands(tmp_path, read):
    path = long_csv(tmp_path / "en.csv", {"actual": "1,234", "target": "1,200.0"})
    kpis = read(path, decimal=".")
    assert kpis.select("target", "actual").row(1) == (1200.0, 1234.0)


def test_duplicate_within_one_file(tmp_path, problems):
    path = long_csv(tmp_path / "dup.csv", {}, {"unit_code": "17", "unit_name": "Dong Anh"})
    assert only(problems(path)) == (
        f"{path}, row 4, column 'unit_code': duplicate unit × year × metric 017 × 2023 × "
        "admissions (first on row 2) (value '17')"
    )


def test_duplicate_across_files(tmp_path, registry, catalog):
    first = long_csv(tmp_path / "a.csv", {})
    second = long_csv(tmp_path / "b.csv", {"unit_code": "002", "unit_name": "Hoàn Kiếm"})
    with pytest.raises(kt.KpiDataError) as info:
        read_kpis([first, second], registry=registry, catalog=catalog)
    assert only(info.value) == (
        f"{second}, row 2: unit 017 × year 2023 × metric admissions is also in {first}, row 2"
    )


def test_columns_missing_unknown_and_without_header(tmp_path, problems):
    rows = [
        ["unit_code", "year", "metric", "target", "actaul"],
        ["017", "2023", "admissions", "1", "2"],
    ]
    path = write_csv(tmp_path / "cols.csv", rows)
    err = problems(path)
    assert [str(i) for i in err.issues] == [
        f"{path}, column 'actual': missing required column",
        f"{path}, row 1, column 'actaul': unknown column; expected one of "
        + ", ".join(COLUMN_ALIASES),
    ]
    path = write_csv(tmp_path / "unnamed.csv", [[*HEADER, ""], [*GOOD.values(), "x"]])
    assert only(problems(path)) == (
        f"{path}, row 1, column 'G': the column has values but no header"
    )
    path = write_csv(tmp_path / "ragged.csv", [HEADER, [*GOOD.values(), "x"]])
    assert only(problems(path)) == (
        f"{path}, row 2: the row has 7 fields but the header has 6 (value 'x')"
    )


def test_row_numbers_count_blank_lines_and_bom(tmp_path, problems):
    path = tmp_path / "bom.csv"
    text = (
        ",".join(HEADER) + "\n017,Đông Anh,2023,admissions,300,250\n\n\n001,,2023,admissions,1,x\n"
    )
    path.write_bytes("\ufeff".encode() + text.encode())
    assert only(problems(path)).startswith(f"{path}, row 5, column 'actual': actual: unparseable")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.csv", b"", "the file is empty"),
        ("blank.csv", b"\n \n", "the file is empty"),
        ("header.csv", b"unit_code,year,metric,actual\n", "the file has a header but no rows"),
        ("latin.csv", b"unit_name,year,metric,actual\n\x81\x8d\x90,2023,admissions,1\n",
         "not UTF-8 text (bad byte at offset"),
        ("broken.xlsx", b"not a zip file", "cannot read file: "),
        ("kpis.json", b"[]", "unsupported file type '.json'; use .csv, .xlsx or .parquet"),
    ],
)  # fmt: skip
def test_unreadable_files(tmp_path, problems, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    got = only(problems(path))
    assert got.startswith(f"{path}: {message}"), got
    assert "\n" not in got


def test_missing_file_and_sheet(tmp_path, problems, bundled):
    assert only(problems(tmp_path / "nowhere.csv")) == f"{tmp_path / 'nowhere.csv'}: file not found"
    path = write_kpis(bundled.kpis.head(3), tmp_path / "kpis.xlsx")
    assert only(problems(path, sheet="2023")) == f"{path}: no sheet '2023'; the file has kpis"
    with pytest.raises(FileNotFoundError, match=r"'data/nowhere\.csv' not found"):
        load_dataset(["data/nowhere.csv"], units=DATA / "units.csv", catalog=DATA / "metrics.csv")


def test_many_problems_are_reported_at_once(problems):
    path = TEST_DATA / "io_many_problems.csv"
    err = problems(path)
    rows = [issue.row for issue in err.issues]
    assert rows == [3, 4, 5, 6, 6, 7, 7, 7, 8]
    assert str(err).startswith("9 problems in the input:\n")
    assert len(str(err).splitlines()) == 1 + 9
    assert all(str(issue).startswith(f"{path}, row ") for issue in err.issues)


HOSTILE = [
    pytest.param("<img src=x onerror=alert(1)>", "'<img src=x onerror=alert(1)>'", id="markup"),
    pytest.param("Ba Đình\nFAKE: all good", "'Ba Đình\\nFAKE: all good'", id="newline"),
    pytest.param("Đông Anh " * 500, "'Đông Anh Đông Anh ", id="very-long"),
]


@pytest.mark.parametrize(("text", "shown"), HOSTILE)
def test_hostile_strings_are_escaped_and_shortened(tmp_path, problems, text, shown):
    path = long_csv(tmp_path / "cells.csv", {"unit_code": "", "unit_name": text},
                    {"metric": text}, {"actual": text})  # fmt: skip
    err = problems(path)
    assert [issue.row for issue in err.issues] == [3, 4, 5]
    lines = str(err).splitlines()
    assert len(lines) == 1 + 3
    for line in lines[1:]:
        assert shown in line
        assert len(line) < 300, line
    path = write_csv(tmp_path / "header.csv", [[*HEADER, text], [*GOOD.values(), "1"]])
    message = only(problems(path))
    assert "\n" not in message and len(message) < 300
    assert message.startswith(f"{path}, row 1, column {shown}")


# --------------------------------------------------------------------------- atomic writes


def test_write_with_unsupported_suffix_leaves_nothing(tmp_path, bundled):
    with pytest.raises(ValueError, match=r"unsupported output type '\.json'"):
        write_kpis(bundled.kpis, tmp_path / "out" / "kpis.json")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_failed_write_leaves_no_part_file_and_keeps_the_old_one(tmp_path, bundled, suffix):
    path = write_kpis(bundled.kpis, tmp_path / f"kpis{suffix}")
    before = path.read_bytes()
    # Neither writer can store these, and each fails only once it has begun writing.
    lists = pl.concat_list("year", "year")
    objects = pl.Series([object()] * bundled.kpis.height, dtype=pl.Object)
    unwritable = bundled.kpis.with_columns(note=lists if suffix == ".csv" else objects)
    with pytest.raises(Exception):  # noqa: B017 - whatever the writer raises
        write_kpis(unwritable, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


# --------------------------------------------------------------------------- hypothesis


def spellings(registry: kt.UnitRegistry, code: str, year: int) -> list[str]:
    """Ways a report of ``year`` writes a unit: as in the registry, without diacritics, NFD,
    prefixed; those that name it on 31 December of the year."""
    day = dt.date(year, 12, 31)
    unit = registry.unit(code, at=day)
    name, kind = unit.name, unit.type
    out = [name, strip_diacritics(name), unicodedata.normalize("NFD", name)]
    if kind in ("quận", "huyện", "thị xã", "xã", "phường", "thị trấn"):
        out += [f"{kind} {name}", f"{kind.title()} {strip_diacritics(name)}"]
    return [text for text in out if _names_on(registry, text, day) == code]


def _names_on(registry: kt.UnitRegistry, text: str, day: dt.date) -> str | None:
    try:
        return registry.resolve(text, at=day)
    except kt.UnknownUnitError:
        return None


NUMBER_STYLES = [str, format_number, lambda n: f"{n:,}".replace(",", "\u00a0")]


@st.composite
def long_tables(draw, registry: kt.UnitRegistry, catalog: kt.MetricCatalog):
    """(csv rows with header, {(code, year, metric): (target, actual)})."""
    keys = draw(
        st.lists(
            st.integers(2019, 2026).flatmap(
                lambda year: st.tuples(
                    st.sampled_from(registry.codes(at=dt.date(year, 12, 31))),
                    st.just(year),
                    st.sampled_from(catalog.codes),
                )
            ),
            min_size=1,
            max_size=15,
            unique=True,
        )
    )
    by_code = draw(st.booleans())
    rows, expected = [], {}
    for code, year, metric in keys:
        actual = draw(st.integers(0, 10**7))
        target = draw(st.none() | st.integers(0, 10**7))
        unit = code if by_code else draw(st.sampled_from(spellings(registry, code, year) or [code]))
        write = draw(st.sampled_from(NUMBER_STYLES))
        rows.append(
            [unit, str(year), metric, "" if target is None else write(target), write(actual)]
        )
        expected[code, year, metric] = (None if target is None else float(target), float(actual))
    header = ["unit_code" if by_code else "tên đơn vị", "năm", "metric", "chỉ tiêu", "thực hiện"]
    return [header, *rows], expected


@pytest.fixture(scope="module")
def tables(registry, catalog):
    return long_tables(registry, catalog)


@settings(max_examples=60, deadline=None, database=None)
@given(data=st.data())
def test_generated_tables_read_back_exactly(registry, catalog, tables, data):
    rows, expected = data.draw(tables)
    with tempfile.TemporaryDirectory() as tmp:
        kpis = read_kpi_file(write_csv(Path(tmp) / "gen.csv", rows), registry=registry,
                             catalog=catalog)  # fmt: skip
    got = {
        (r["unit_code"], r["year"], r["metric"]): (r["target"], r["actual"])
        for r in kpis.iter_rows(named=True)
    }
    assert got == expected


@settings(max_examples=60, deadline=None, database=None)
@given(data=st.data())
def test_a_negative_cell_is_named_exactly(registry, catalog, tables, data):
    rows, _ = data.draw(tables)
    i = data.draw(st.integers(1, len(rows) - 1))
    j = data.draw(st.sampled_from([3, 4]))
    bad = "-" + data.draw(st.sampled_from(NUMBER_STYLES))(data.draw(st.integers(1, 10**7)))
    rows[i][j] = bad
    with tempfile.TemporaryDirectory() as tmp:
        path = write_csv(Path(tmp) / "gen.csv", rows)
        with pytest.raises(kt.KpiDataError) as info:
            read_kpi_file(path, registry=registry, catalog=catalog)
    (issue,) = info.value.issues
    assert (issue.file, issue.row, issue.column, issue.value) == (str(path), i + 1, rows[0][j], bad)
    assert "negative count" in issue.message


def test_load_dataset_takes_its_paths_and_the_options_of_read_kpi_file(tmp_path) -> None:
    with pytest.raises(TypeError, match="units"):
        load_dataset([DATA / "hanoi_2023_seed.csv"], catalog=DATA / "metrics.csv")
    with pytest.raises(TypeError, match="unexpected keyword argument 'sheets'"):
        load_dataset([DATA / "hanoi_2023_seed.csv"], units=DATA / "units.csv",
                     catalog=DATA / "metrics.csv", sheets=0)  # fmt: skip
    path = long_csv(tmp_path / "kpis.csv", {"actual": "1,500"})
    kw = {"units": DATA / "units.csv", "catalog": DATA / "metrics.csv"}
    ds = load_dataset([path], **kw, decimal=".", source="plan")
    assert ds.kpis.select("unit_code", "actual", "source").rows() == [
        ("001", 1500.0, "plan"),
        ("017", 250.0, "plan"),
    ]
    with pytest.raises(kt.KpiDataError, match="not a whole number"):
        load_dataset([path], **kw)  # other options: not the dataset loaded above


def test_load_dataset_reuses_unchanged_files_and_rereads_changed_ones(tmp_path) -> None:
    import os
    import shutil

    data = tmp_path / "kpis.csv"
    shutil.copy(DATA / "hanoi_2023_seed.csv", data)
    kw = {"units": DATA / "units.csv", "catalog": DATA / "metrics.csv"}
    first = load_dataset([data], **kw)
    second = load_dataset([data], **kw)
    assert_frame_equal(first.kpis, second.kpis)
    assert first.kpis is not second.kpis  # each caller gets its own frame
    text = data.read_text(encoding="utf-8").replace(",69,109,", ",70,109,")
    data.write_text(text, encoding="utf-8")
    stat = data.stat()
    os.utime(data, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    third = load_dataset([data], **kw)
    orgs = third.kpis.filter(pl.col("metric") == "party_orgs_nonstate")
    assert orgs["target"].to_list() == [70.0]


# --- the column-wise reading of large long files ----------------------------------------

# Cells a long file may hold, clean and not: every rule of the cell-by-cell reading is hit.
CELLS = {
    "unit_code": ["017", "17", "001", " 017 ", "999", "", "01", "268"],
    "unit_name": ["Đông Anh", unicodedata.normalize("NFD", "Đông Anh"), "Ba Đình", "Huyện Đông Anh",
                  "dong anh", "Hà Nội", "", "Nowhere", "xã Đông Anh", "Phường Ba Đình"],
    "level": ["district", "city", "", "ward", "commune"],
    "year": ["2023", "2024", "2007", "23", "", "2023.0", "năm", "2025", "2026"],
    "as_of": ["", "30/11/2023", "2023-11-30", "45260", "31/12/2022", "30/02/2023", "2025-06-30"],
    "period_start": ["", "2025-07-01", "01/01/2023", "abc", "2023-12-31", "2026-01-01"],
    "metric": ["admissions", "Kết nạp đảng viên", "members", "", "admission", "deaths"],
    "target": ["300", "1.200", "", "12,5", "-3", "1 200", "x"],
    "actual": ["250", "0", "", "1.234", "3,0", "7e2", "2.5"],
    "source": ["", "synthetic", "báo cáo"],
    "stated_percent": ["", "83,3%", "80", "abc"],
    "note": ["", "suppressed", "<b>x</b>"],
}  # fmt: skip


def _both_readings(source, registry, catalog, **options):
    """What the column-wise and the cell-by-cell readings give: a frame and row numbers,
    or the problems they report."""
    from kpitools.io.readers import _read_file

    out = []
    for fast in (True, False):
        try:
            read = _read_file(source, registry=registry, catalog=catalog, fast=fast, **options)
            out.append(read[:2])
        except kt.KpiDataError as exc:
            out.append([str(issue) for issue in exc.issues])
    return out


# Units as a file may name them (code, name), each pair agreeing.
UNIT_PAIRS = [("017", "Đông Anh"), ("17", "huyện đông anh"), ("001", "Ba Đình"),
              ("268", unicodedata.normalize("NFD", "Hà Đông")), ("01", "Hà Nội"),
              ("00454", "Đông Anh"), ("00004", "phường Ba Đình")]  # fmt: skip


def _assert_same(fast, exact) -> None:
    if isinstance(exact, list):
        assert fast == exact
    else:
        assert not isinstance(fast, list), fast
        assert_frame_equal(fast[0], exact[0])
        assert fast[1] == exact[1]


def _read_column_wise(source, registry, catalog):
    """The column-wise reading alone: a frame and row numbers, the problems it reports, or
    None where it gives way to the cell-by-cell one."""
    from kpitools.io.columnar import fast_long

    try:
        return fast_long(source, registry=registry, catalog=catalog, decimal=None,
                         default_source="kpis.csv", figure="actual", layout="auto")  # fmt: skip
    except kt.KpiDataError as exc:
        return [str(issue) for issue in exc.issues]


def _assert_both_paths(source, registry, catalog) -> None:
    """Both readings agree, and the file was read (or its problems reported) column-wise:
    the fast path did not quietly give way to the cell-by-cell one."""
    fast, exact = _both_readings(source, registry, catalog)
    _assert_same(fast, exact)
    column_wise = _read_column_wise(source, registry, catalog)
    assert column_wise is not None
    assert isinstance(column_wise, list) == isinstance(exact, list)


@settings(max_examples=200, deadline=None, database=None)
@given(data=st.data())
def test_the_column_wise_reading_agrees_with_the_cell_by_cell_one(
    data, registry, catalog, tmp_path_factory
) -> None:
    optional = data.draw(st.sets(st.sampled_from(["level", "as_of", "target", "source",
                                                  "stated_percent", "note",
                                                  "period_start"])))  # fmt: skip
    units = data.draw(st.sampled_from([["unit_code"], ["unit_name"], ["unit_code", "unit_name"]]))
    columns = [*units, "year", "metric", "actual", *sorted(optional)]
    columns = data.draw(st.permutations(columns))
    keys = data.draw(
        st.lists(
            st.tuples(st.sampled_from(UNIT_PAIRS), st.sampled_from(["2023", "2024", "2026"]),
                      st.sampled_from(["admissions", "members", "deaths"])),
            min_size=1, max_size=6, unique_by=lambda k: (k[0][0].zfill(3), k[1], k[2]),
        )
    )  # fmt: skip
    rows = []
    for (code, name), year, metric in keys:
        clean = {"unit_code": code, "unit_name": name, "year": year, "metric": metric,
                 "level": "", "as_of": data.draw(st.sampled_from(["", "30/11/2023"])),
                 "period_start": data.draw(st.sampled_from(["", f"01/07/{year}"])),
                 "target": data.draw(st.sampled_from(["300", "1.200", ""])),
                 "actual": data.draw(st.sampled_from(["250", "0", "1.234"])),
                 "source": "", "stated_percent": "", "note": ""}  # fmt: skip
        rows.append([clean[c] for c in columns])
    if data.draw(st.booleans()):  # one cell from the whole range of values, clean or not
        i, j = data.draw(st.integers(0, len(rows) - 1)), data.draw(st.integers(0, len(columns) - 1))
        rows[i][j] = data.draw(st.sampled_from(CELLS[columns[j]]))
    if data.draw(st.booleans()):
        rows.insert(data.draw(st.integers(0, len(rows))), [""] * len(columns))  # a blank row
    path = tmp_path_factory.mktemp("agree") / "kpis.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([columns, *rows])
    _assert_both_paths(path, registry, catalog)
    # the same cells as a frame, numbers typed where every cell is one
    frame = pl.DataFrame(rows, schema=columns, orient="row")
    for name in ("target", "actual", "year"):
        typed = frame[name].cast(pl.Float64, strict=False) if name in frame.columns else None
        if typed is not None and typed.null_count() == (frame[name] == "").sum():
            frame = frame.with_columns(typed.alias(name))
    _assert_both_paths(frame, registry, catalog)


def test_a_typed_parquet_file_is_read_column_wise(registry, catalog, tmp_path) -> None:
    from kpitools.io.columnar import fast_long

    units = registry.codes(level="district", year=2019)
    keys = [(u, y, m) for u in units for y in range(2019, 2025) for m in ("admissions", "deaths")]
    frame = pl.DataFrame(
        [(*key, float(i)) for i, key in enumerate(keys)],
        schema={"unit_code": pl.String, "year": pl.Int32, "metric": pl.String,
                "actual": pl.Float64},
        orient="row",
    )  # fmt: skip
    path = tmp_path / "counted.parquet"
    frame.write_parquet(path)
    kpis, rows, _ = fast_long(
        path, registry=registry, catalog=catalog, decimal=None, default_source="counted.parquet",
        figure="actual", layout="auto",
    )  # fmt: skip
    assert rows == list(range(2, frame.height + 2))
    assert_frame_equal(kpis.select(frame.columns), frame)
    assert kpis["unit_name"][0] == registry.name(units[0])
    assert set(kpis["source"]) == {"counted.parquet"}
    assert_frame_equal(kpis, read_kpi_file(path, registry=registry, catalog=catalog))


def test_a_name_several_units_share_is_read_with_its_code(tmp_path) -> None:
    """Real registries repeat names (Châu Thành is a district of ten provinces): a row that
    gives the code reads, and the name alone is an error that lists the units."""
    registry = kt.UnitRegistry.from_frame(
        pl.DataFrame(
            {
                "code": ["80", "82", "809", "823"],
                "name": ["Long An", "Tiền Giang", "Châu Thành", "Châu Thành"],
                "level": ["city", "city", "district", "district"],
                "parent": [None, None, "80", "82"],
            }
        )
    )
    catalog = kt.read_catalog(DATA / "metrics.csv")
    path = tmp_path / "k.csv"
    path.write_text(
        "unit_code,unit_name,year,metric,actual\n809,Châu Thành,2024,admissions,5\n"
        "823,huyện Châu Thành,2024,admissions,7\n",
        encoding="utf-8",
    )
    for fast in (True, False):
        from kpitools.io.readers import _read_file

        kpis, _, _ = _read_file(path, registry=registry, catalog=catalog, fast=fast)
        assert kpis.select("unit_code", "unit_name", "actual").rows() == [
            ("809", "Châu Thành", 5.0),
            ("823", "Châu Thành", 7.0),
        ]
    path.write_text(
        "unit_code,unit_name,year,metric,actual\n809,Tiền Giang,2024,admissions,5\n",
        encoding="utf-8",
    )
    with pytest.raises(kt.KpiDataError, match="unit name does not match code 809"):
        read_kpi_file(path, registry=registry, catalog=catalog)
    path.write_text("unit_name,year,metric,actual\nChâu Thành,2024,admissions,5\n", "utf-8")
    with pytest.raises(kt.KpiDataError, match=r"ambiguous unit 'Châu Thành'.*809.*823"):
        read_kpi_file(path, registry=registry, catalog=catalog)


def test_both_readings_agree_on_categorical_and_object_columns(registry, catalog) -> None:
    base = {"unit_code": ["001", "002"], "year": [2023, 2023], "metric": ["admissions"] * 2}
    frames = [
        pl.DataFrame(
            {**base, "actual": [None, 5],
             "note": pl.Series(["", " suppressed "], dtype=pl.Categorical)}
        ),
        pl.DataFrame(
            {**base, "actual": [1, 5],
             "source": pl.Series([" a ", ""], dtype=pl.Enum([" a ", ""]))}
        ),
        pl.DataFrame(
            {**base, "actual": [1, 5], "note": pl.Series([object(), None], dtype=pl.Object)}
        ),
    ]  # fmt: skip
    for frame in frames:
        _assert_same(*_both_readings(frame, registry, catalog))
    fast, _ = _both_readings(frames[1], registry, catalog)
    assert fast[0]["source"].to_list() == ["a", "<frame>"]


def test_a_loosely_named_unit_is_read_column_wise_with_its_note(registry, catalog) -> None:
    from kpitools.io.readers import _read_file

    path = Path(__file__).resolve().parents[3] / "tests" / "data" / "forms" / "long_loose_name.csv"
    column_wise = _read_column_wise(path, registry, catalog)
    assert column_wise is not None and not isinstance(column_wise, list)
    fast, exact = (_read_file(path, registry=registry, catalog=catalog, fast=f) for f in (1, 0))
    _assert_same(fast[:2], exact[:2])
    assert fast[2] == exact[2] and len(fast[2]) == 1


def test_every_row_bad_is_reported_column_wise_as_cell_by_cell(tmp_path, catalog) -> None:
    """A file whose every row has a bad cell is reported by the column-wise reading, with
    the cell-by-cell reading's problems, their order and the word on a garbled text."""
    registry = kt.UnitRegistry.from_frame(
        pl.DataFrame({"code": ["01", "017", "001"], "name": ["Hà Nội", "Đông Anh", "Ba Đình"],
                      "level": ["city", "district", "district"], "parent": [None, "01", "01"]})
    )  # fmt: skip
    typos = ["Tên đơn vị,Năm,Chỉ số,Thực hiện"]
    typos += [f"Đông Anhh,2023,admissionss,{i}" for i in range(3)]
    garbled = ["unit_name,year,metric,actual", "§«ng Anh,2024,deaths,-1", "Hà Nội,2024,deaths,2"]
    found = {}
    for name, text in [("typos.csv", typos), ("garbled.csv", garbled)]:
        path = tmp_path / name
        path.write_text("\n".join(text) + "\n", encoding="utf-8")
        column_wise = _read_column_wise(path, registry, catalog)
        fast, exact = _both_readings(path, registry, catalog)
        assert column_wise == fast == exact
        found[name] = [line.removeprefix(f"{path}, ") for line in exact]
    assert found["typos.csv"][:2] == [
        "row 2, column 'Tên đơn vị': unknown unit 'Đông Anhh'; did you mean 017 Đông Anh?",
        "row 2, column 'Chỉ số': unknown metric; did you mean admissions or admissions_male or "
        "admissions_nonstate? (value 'admissionss')",
    ]
    assert len(found["typos.csv"]) == 2 * 3
    assert found["garbled.csv"] == [
        f"{tmp_path / 'garbled.csv'}: the text looks garbled (letters of a TCVN3 or VNI font?): "
        "the encoding is the likely cause of the unknown names; save the file as 'CSV UTF-8'",
        "row 2, column 'unit_name': unknown unit '§«ng Anh'; did you mean 017 Đông Anh?",
        "row 2, column 'actual': actual: negative count: counts cannot be below zero (value '-1')",
    ]


def test_the_column_wise_reading_resolves_units_with_resolve_many(tmp_path, monkeypatch) -> None:
    # every distinct name and code on its day in one resolve_many call; names of two
    # periods ("Đông Anh" in 2024 and 2026) and an error named by file, row and column
    registry = kt.read_registry(ROOT / "data" / "units.csv")
    catalog = kt.read_catalog(ROOT / "data" / "metrics.csv")
    calls: list[int] = []
    many = kt.UnitRegistry.resolve_many

    def counted(self, texts, *, at=None):
        calls.append(len(texts))
        return many(self, texts, at=at)

    monkeypatch.setattr(kt.UnitRegistry, "resolve_many", counted)
    path = tmp_path / "kpis.csv"
    rows = [f"Đông Anh,{y},admissions,{10 + y % 10}" for y in (2023, 2024)]
    rows += ["Xã Đông Anh,2026,admissions,5", "Phường Hồng Hà,2026,admissions,7"]
    path.write_text("unit_name,year,metric,actual\n" + "\n".join(rows) + "\n", encoding="utf-8")
    kpis = kt.read_kpi_file(path, registry=registry, catalog=catalog)
    assert len(calls) == 1 and calls[0] == 4  # four distinct (name, day) pairs
    assert kpis["unit_code"].to_list()[:2] == ["017", "017"]
    assert kpis["unit_code"][2] != "017" and kpis["unit_code"][2] == registry.resolve(
        "Xã Đông Anh", at="2026-12-31"
    )
    # a district after it ceased: the error names file, row, column, as cell by cell
    path.write_text("unit_code,year,metric,actual\n017,2024,admissions,1\n"
                    "017,2026,admissions,1\n", encoding="utf-8")  # fmt: skip
    with pytest.raises(kt.KpiDataError) as caught:
        kt.read_kpi_file(path, registry=registry, catalog=catalog)
    assert f"{path}, row 3, column 'unit_code'" in str(caught.value)
    assert "ceased on 2025-06-30" in str(caught.value)
    _assert_both_paths(path, registry, catalog)
