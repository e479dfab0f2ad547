"""``kpitools check``: what each KPI file holds, its notes and problems, and the exit status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kpitools.cli import main

ROOT = Path(__file__).resolve().parents[2]
FORMS = ROOT / "tests" / "data" / "forms"
BAD = ROOT / "tests" / "data" / "io_many_problems.csv"
KEYS = ["file", "rows", "units", "metrics", "years", "as_of", "periods", "notes", "problems"]
OPTIONS = [
    "--units",
    str(ROOT / "data" / "units.csv"),
    "--catalog",
    str(ROOT / "data" / "metrics.csv"),
]


def check(capsys, *args: str) -> tuple[int, str]:
    status = main(["check", *OPTIONS, *args])
    return status, capsys.readouterr().out


def test_clean_files_exit_0_with_what_they_hold(capsys):
    status, out = check(capsys, str(FORMS / "bieu_6_thang.xlsx"), str(FORMS / "long_tcvn3.csv"))
    assert status == 0
    assert "bieu_6_thang.xlsx: 3 row(s); units 002, 017, 269; metrics admissions; years 2024; " \
           "as of 2024-06-30; periods 2024-01-01 – 2024-06-30" in out  # fmt: skip
    assert "note: row 2: year 2024 taken from the title" in out
    assert "note: text converted from TCVN3 (ABC, .VnTime) to Unicode" in out
    assert out.rstrip().endswith("2 file(s): 2 clean, 0 with problems, 0 unreadable")


def test_json_has_one_object_per_file(capsys):
    files = [str(FORMS / "bieu_01.xlsx"), str(BAD)]
    status, out = check(capsys, "--format", "json", "--sheet", "Biểu 01", *files)
    assert status == 1
    found = json.loads(out)
    assert [list(f) for f in found] == [KEYS, KEYS]
    form, bad = found
    assert (form["file"], form["rows"], form["units"], form["years"], form["as_of"]) == (
        files[0], 3, ["002", "017", "269"], [2023], ["2023-11-30"])  # fmt: skip
    assert form["problems"] == [] and len(form["notes"]) == 5
    assert all(list(n) == ["row", "column", "value", "message"] for n in form["notes"])
    assert form["notes"][-1] == {
        "row": 14, "column": None, "value": "Ghi chú: số liệu tính đến 30/11/2023",
        "message": "as_of 2023-11-30 taken from the form's stated date"}  # fmt: skip
    assert bad["rows"] == 0 and bad["units"] == [] and len(bad["problems"]) == 9
    first = bad["problems"][0]
    assert (first["row"], first["column"], first["value"]) == (3, "unit_name", None)
    assert first["message"].startswith("unknown unit 'Dong Anhh'; did you mean 017 Đông Anh")


def test_year_and_as_of_options(capsys):
    status, out = check(capsys, "--format", "json", "--sheet", "Biểu 01", "--year", "2024",
                        str(FORMS / "bieu_01.xlsx"))  # fmt: skip
    assert status == 1
    (problem, *_) = json.loads(out)[0]["problems"]
    assert problem["row"] == 2 and problem["message"].startswith("the title names another year")
    status, out = check(capsys, "--format", "json", "--as-of", "31/05/2024",
                        str(FORMS / "bieu_6_thang.xlsx"))  # fmt: skip
    assert status == 0 and json.loads(out)[0]["as_of"] == ["2024-05-31"]


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "file not found"), (b"not a zip file", "cannot read file")],
)
def test_unreadable_files_exit_2(tmp_path, capsys, content, message):
    path = tmp_path / "input.xlsx"
    if content is not None:
        path.write_bytes(content)
    status, out = check(capsys, "--format", "json", str(path), str(FORMS / "long_utf8.csv"))
    assert status == 2
    first, second = json.loads(out)
    assert first["problems"][0]["row"] is None
    assert first["problems"][0]["message"].startswith(message)
    assert second["problems"] == [] and second["rows"] == 3


def test_a_registry_that_cannot_be_read_exits_2(tmp_path, capsys):
    status = main(["check", "--units", str(tmp_path / "none.csv"), str(FORMS / "long_utf8.csv")])
    assert status == 2
    assert "kpitools check:" in capsys.readouterr().err


def test_help_lists_check_and_its_exit_status(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "check" in out and "check: a file has problems" in out


def test_the_periods_read_are_reported(tmp_path, capsys):
    # a form of the second half of 2025 by the new units (title "6 tháng cuối năm") and a
    # long file whose rows give their period_start
    import xlsxwriter

    form = tmp_path / "bieu_02.xlsx"
    with xlsxwriter.Workbook(form) as book:
        sheet = book.add_worksheet("Biểu 02")
        sheet.write(0, 0, "BÁO CÁO KẾT QUẢ KẾT NẠP ĐẢNG VIÊN 6 THÁNG CUỐI NĂM 2025")
        sheet.merge_range(2, 0, 3, 0, "Đơn vị")
        sheet.merge_range(2, 1, 2, 2, "Kết nạp đảng viên mới")
        sheet.write_row(3, 1, ["Kế hoạch", "Thực hiện"])
        sheet.write_row(4, 0, ["Phường Ba Đình", 120, 131])
        sheet.write_row(5, 0, ["Xã Đông Anh", 150, 140])
    long = tmp_path / "halves.csv"
    long.write_text(
        "unit_code,year,period_start,as_of,metric,actual\n"
        "01,2025,,2025-06-30,admissions,10\n"
        "01,2025,2025-07-01,2025-12-31,admissions,12\n",
        encoding="utf-8",
    )
    status, out = check(capsys, str(form), str(long))
    assert status == 0, out
    assert "as of 2025-12-31; periods 2025-07-01 – 2025-12-31" in out
    assert "note: row 1: period_start 2025-07-01 taken from the form" in out
    assert "periods 2025-01-01 – 2025-06-30, 2025-07-01 – 2025-12-31" in out
    status, out = check(capsys, "--format", "json", str(form))
    assert json.loads(out)[0]["periods"] == [["2025-07-01", "2025-12-31"]]
    # the option declares it for a form that does not say it, and must agree with one that does
    status, out = check(capsys, "--format", "json", "--period-start", "01/10/2025", str(form))
    assert status == 1
    assert json.loads(out)[0]["problems"][0]["message"] == (
        "the form states another period start than period_start=2025-10-01"
    )
