"""KPI rows on their dates: names resolved on as_of, units not in force, period_start."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

import kpitools as kt
from kpitools.io import PERIOD_START, load_dataset, read_kpi_file, read_kpis, with_period_start
from kpitools.io.readers import _read_file

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "data"


@pytest.fixture(scope="module")
def registry() -> kt.UnitRegistry:
    """The bundled registry (districts to 2025-06-30, the 126 new units from 2025-07-01)
    with the district → new unit links."""
    links = pl.read_csv(DATA / "links.csv", infer_schema=False)
    return kt.read_registry(DATA / "units.csv").with_links(links)


def write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def both(path: Path, registry: kt.UnitRegistry, catalog: kt.MetricCatalog) -> pl.DataFrame:
    """The table both readings give (they must agree), or the problems they both report."""
    out: list[pl.DataFrame | kt.KpiDataError] = []
    for fast in (True, False):
        try:
            out.append(_read_file(path, registry=registry, catalog=catalog, fast=fast)[0])
        except kt.KpiDataError as exc:
            out.append(exc)
    fast_read, exact = out
    if isinstance(exact, kt.KpiDataError):
        assert isinstance(fast_read, kt.KpiDataError)
        assert [str(i) for i in fast_read.issues] == [str(i) for i in exact.issues]
        raise exact
    assert isinstance(fast_read, pl.DataFrame)
    assert_frame_equal(fast_read, exact)
    return exact


def problems(path: Path, registry: kt.UnitRegistry, catalog: kt.MetricCatalog) -> list[str]:
    with pytest.raises(kt.KpiDataError) as info:
        both(path, registry, catalog)
    return [i.message for i in info.value.issues]


HEADER = ["Tên đơn vị", "Năm", "Tính đến", "Nội dung", "Thực hiện"]


def test_a_name_is_the_unit_of_the_rows_day(tmp_path, registry, catalog) -> None:
    path = write(tmp_path / "k.csv", [
        HEADER,
        ["Đông Anh", "2023", "", "admissions", "10"],
        ["Đông Anh", "2025", "30/06/2025", "admissions", "11"],
        ["Đông Anh", "2026", "", "admissions", "12"],
        ["xã Đông Anh", "2025", "", "admissions", "13"],
        ["Phường Ba Đình", "2026", "", "admissions", "14"],
        ["Ba Dinh", "2024", "", "admissions", "15"],
    ])  # fmt: skip
    kpis = both(path, registry, catalog)
    assert kpis.select("unit_code", "year", "unit_name", "level").rows() == [
        ("017", 2023, "Đông Anh", "district"),
        ("017", 2025, "Đông Anh", "district"),
        ("00454", 2026, "Đông Anh", "commune"),
        ("00454", 2025, "Đông Anh", "commune"),
        ("00004", 2026, "Ba Đình", "commune"),
        ("001", 2024, "Ba Đình", "district"),
    ]
    assert PERIOD_START not in kpis.columns  # a file without it: the table as before


def test_a_row_for_a_unit_that_ceased_names_its_successors(tmp_path, registry, catalog) -> None:
    path = write(tmp_path / "k.csv", [
        ["Mã đơn vị", "Năm", "Tính đến", "Nội dung", "Thực hiện"],
        ["017", "2026", "", "admissions", "1"],
        ["017", "2025", "", "admissions", "2"],
        ["250", "2025", "31/12/2025", "admissions", "3"],
        ["00454", "2024", "", "admissions", "4"],
    ])  # fmt: skip
    with pytest.raises(kt.KpiDataError) as info:
        read_kpi_file(path, registry=registry, catalog=catalog)
    issues = info.value.issues
    assert [(i.row, i.column, i.value) for i in issues] == [
        (2, "Mã đơn vị", None), (3, "Mã đơn vị", None), (4, "Mã đơn vị", None),
        (5, "Mã đơn vị", None),
    ]  # fmt: skip
    messages = [i.message for i in issues]
    assert messages[0].startswith(
        "unit 017 (Đông Anh) did not exist in 2026: it ceased on 2025-06-30; its area is now "
        "in 00454 Đông Anh (part), "
    )
    assert messages[1].startswith(
        "unit 017 (Đông Anh) did not exist on 2025-12-31 (the row gives no as_of, so 31 "
        "December): it ceased on 2025-06-30; its area is now in 00454 Đông Anh (part)"
    )
    assert messages[2].startswith(
        "unit 250 (Mê Linh) did not exist on 2025-12-31: it ceased on 2025-06-30; its area is "
        "now in "
    )
    assert messages[3] == (
        "unit 00454 (Đông Anh) did not exist in 2024: it starts on 2025-07-01; before, its "
        "area was in 017 Đông Anh (part)"
    )
    assert problems(path, registry, catalog) == messages


def test_a_type_prefix_of_a_ceased_unit_is_an_error_on_the_name(tmp_path, registry, catalog):
    path = write(tmp_path / "k.csv", [HEADER, ["huyện Đông Anh", "2026", "", "admissions", "1"]])
    with pytest.raises(kt.KpiDataError) as info:
        read_kpi_file(path, registry=registry, catalog=catalog)
    (issue,) = info.value.issues
    assert (issue.row, issue.column) == (2, "Tên đơn vị")
    assert issue.message.startswith(
        "unit 017 (Đông Anh) did not exist in 2026: it ceased on 2025-06-30; its area is now "
        "in 00454 Đông Anh (part)"
    )


def test_a_name_without_a_readable_date_is_only_the_date_problem(tmp_path, registry, catalog):
    path = write(tmp_path / "k.csv", [HEADER, ["Đông Anh", "năm", "", "admissions", "1"]])
    assert problems(path, registry, catalog) == ["year must be a whole number like 2023"]


PERIODS = ["Tên đơn vị", "Năm", "Từ ngày", "Tính đến", "Nội dung", "Thực hiện"]


def test_2025_by_district_then_by_new_unit(tmp_path, registry, catalog) -> None:
    path = write(tmp_path / "k.csv", [
        PERIODS,
        ["Đông Anh", "2025", "01/01/2025", "30/06/2025", "admissions", "10"],
        ["Đông Anh", "2025", "2025-07-01", "31/12/2025", "admissions", "7"],
        ["Hà Nội", "2025", "", "30/06/2025", "admissions", "500"],
        ["Hà Nội", "2025", "01/07/2025", "", "admissions", "600"],
        ["Phúc Thịnh", "2025", "", "", "admissions", "3"],  # a new unit's whole first year
    ])  # fmt: skip
    kpis = both(path, registry, catalog)
    assert kpis.columns[:6] == ["unit_code", "unit_name", "level", "year", "as_of", PERIOD_START]
    assert kpis.select("unit_code", PERIOD_START, "as_of", "actual").rows() == [
        ("017", dt.date(2025, 1, 1), dt.date(2025, 6, 30), 10.0),
        ("00454", dt.date(2025, 7, 1), dt.date(2025, 12, 31), 7.0),
        ("01", dt.date(2025, 1, 1), dt.date(2025, 6, 30), 500.0),
        ("01", dt.date(2025, 7, 1), dt.date(2025, 12, 31), 600.0),
        ("00466", dt.date(2025, 1, 1), dt.date(2025, 12, 31), 3.0),
    ]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (["Hà Nội", "2025", "01/08/2025", "30/06/2025"],
         "period_start is after as_of (2025-06-30)"),
        (["Hà Nội", "2025", "31/12/2024", ""], "period_start is before the start of 2025"),
        (["Hà Nội", "2025", "1 July", ""], "not a date (use 2023-11-30 or 30/11/2023): '1 July'"),
        (["Đông Anh", "2025", "01/01/2025", "31/12/2025"],
         "unit 00454 (Đông Anh) did not exist on 2025-01-01, the period's start: it starts on "
         "2025-07-01; before, its area was in 017 Đông Anh (part)"),
    ],
)  # fmt: skip
def test_period_start_problems_name_file_row_and_column(tmp_path, registry, catalog, row, message):
    path = write(tmp_path / "k.csv", [PERIODS, [*row, "admissions", "1"]])
    with pytest.raises(kt.KpiDataError) as info:
        read_kpi_file(path, registry=registry, catalog=catalog)
    (issue,) = info.value.issues
    assert (issue.file, issue.row, issue.column) == (str(path), 2, "Từ ngày")
    assert issue.message == message
    assert problems(path, registry, catalog) == [message]


def test_one_unit_year_and_metric_once_per_period(tmp_path, registry, catalog) -> None:
    path = write(tmp_path / "k.csv", [
        PERIODS,
        ["Hà Nội", "2025", "", "30/06/2025", "admissions", "1"],
        ["Hà Nội", "2025", "01/01/2025", "", "admissions", "2"],
    ])  # fmt: skip
    assert problems(path, registry, catalog) == [
        "duplicate unit × year × metric 01 × 2025 × admissions (first on row 2)"
    ]


def test_files_with_and_without_periods_read_together(tmp_path, registry, catalog) -> None:
    plain = write(tmp_path / "a.csv", [HEADER, ["Hà Nội", "2024", "", "admissions", "9"]])
    halves = write(tmp_path / "b.csv", [
        PERIODS,
        ["Hà Nội", "2025", "", "30/06/2025", "admissions", "1"],
        ["Hà Nội", "2025", "2025-07-01", "", "admissions", "2"],
    ])  # fmt: skip
    kpis = read_kpis([plain, halves], registry=registry, catalog=catalog)
    assert kpis.select("year", PERIOD_START).rows() == [
        (2024, dt.date(2024, 1, 1)), (2025, dt.date(2025, 1, 1)), (2025, dt.date(2025, 7, 1)),
    ]  # fmt: skip
    alone = read_kpis([plain], registry=registry, catalog=catalog)
    assert PERIOD_START not in alone.columns
    assert_frame_equal(with_period_start(alone), kpis.head(1))
    again = write(
        tmp_path / "c.csv", [PERIODS, ["Hà Nội", "2025", "01/07/2025", "", "admissions", "3"]]
    )
    with pytest.raises(kt.KpiDataError, match=r"also in .*b\.csv, row 3"):
        read_kpis([halves, again], registry=registry, catalog=catalog)


def test_load_dataset_takes_the_links_beside_the_registry(tmp_path, catalog) -> None:
    ds = load_dataset([DATA / "hanoi_2023_seed.csv"], units=DATA / "units.csv",
                      catalog=DATA / "metrics.csv")  # fmt: skip
    assert ds.registry.links is not None
    assert ds.registry.successors("017")[0] == ("00454", "partial")
    bare = load_dataset([DATA / "hanoi_2023_seed.csv"], units=DATA / "units.csv",
                        catalog=DATA / "metrics.csv", links=False)  # fmt: skip
    assert bare.registry.links is None
    frame = pl.DataFrame({"old_code": ["017"], "new_code": ["00454"], "relation": ["full"],
                          "effective": [dt.date(2025, 7, 1)]})  # fmt: skip
    given = load_dataset([DATA / "hanoi_2023_seed.csv"], units=DATA / "units.csv",
                         catalog=DATA / "metrics.csv", links=frame)  # fmt: skip
    assert given.registry.successors("017") == [("00454", "full")]
    alone = tmp_path / "units.csv"
    alone.write_bytes((DATA / "units.csv").read_bytes())
    assert load_dataset([DATA / "hanoi_2023_seed.csv"], units=alone,
                        catalog=DATA / "metrics.csv").registry.links is None  # fmt: skip


def test_the_bundled_demo_loads(dataset) -> None:
    assert dataset.kpis.height > 900
    assert set(dataset.kpis["unit_code"]) >= {"01", "017"}
