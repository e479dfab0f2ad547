"""Make the synthetic report forms of tests/data/forms (run: python tests/data/forms/make_forms.py).

Every file holds the same small table (three districts, admissions of 2023) in another form:
an official wide sheet (title with the year, merged two-row header, column-number line,
group headings, total row, footnote with the as-of date), a half-year form, and long CSV
files in several dialects and legacy encodings. The figures are invented.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import xlsxwriter

from kpitools.io.encodings import encode_text

HERE = Path(__file__).resolve().parent

#: The long table: header and rows as an office would type them.
LONG = [
    ["Đơn vị", "Năm", "Chỉ tiêu (nội dung)", "Kế hoạch", "Thực hiện"],
    ["Quận Hoàn Kiếm", "2023", "Kết nạp đảng viên mới", "250", "262"],
    ["huyện Đông Anh", "2023", "Kết nạp đảng viên mới", "1.200", "1.234"],
    ["thị xã Sơn Tây", "2023", "Kết nạp đảng viên mới", "300", "290"],
]


def _csv(rows: list[list[str]], separator: str = ",") -> str:
    return "".join(separator.join(row) + "\r\n" for row in rows)


def write_long_files() -> None:
    text = _csv(LONG)
    (HERE / "long_utf8.csv").write_text(text, encoding="utf-8", newline="")
    (HERE / "long_semicolon_bom.csv").write_text(_csv(LONG, ";"), encoding="utf-8-sig", newline="")
    (HERE / "long_tab.csv").write_text(_csv(LONG, "\t"), encoding="utf-8", newline="")
    nfd = unicodedata.normalize("NFD", text)
    (HERE / "long_nfd.csv").write_text(nfd, encoding="utf-8", newline="")
    for encoding in ("cp1258", "tcvn3", "vni"):
        (HERE / f"long_{encoding}.csv").write_bytes(encode_text(text, encoding))
    # An Excel user typing in a .VnTime font, saved as CSV UTF-8: Latin-1 letters.
    vntime = encode_text(text, "tcvn3").decode("latin-1")
    (HERE / "long_vntime_utf8.csv").write_text(vntime, encoding="utf-8", newline="")
    loose = _csv([LONG[0], ["Quận Ba Đinh", "2023", "Kết nạp đảng viên mới", "283", "252"]])
    (HERE / "long_loose_name.csv").write_text(loose, encoding="utf-8", newline="")


def _form(book: xlsxwriter.Workbook, name: str, title: str, numbers: list[str],
          footnote: str | None) -> None:  # fmt: skip
    sheet = book.add_worksheet(name)
    bold = book.add_format({"bold": True, "align": "center"})
    sheet.merge_range(0, 0, 0, 4, "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", bold)
    sheet.merge_range(1, 0, 1, 4, title, bold)
    sheet.merge_range(3, 0, 4, 0, "TT", bold)
    sheet.merge_range(3, 1, 4, 1, "Đơn vị", bold)
    sheet.merge_range(3, 2, 3, 4, "Kết nạp đảng viên mới", bold)
    for j, role in enumerate(["Kế hoạch", "Thực hiện", "Tỷ lệ (%)"], start=2):
        sheet.write(4, j, role, bold)
    body: list[list[object]] = [
        numbers,
        ["I", "Khối quận"],
        [1, "Quận Hoàn Kiếm", 250, 262, "104,8"],
        ["II", "Các huyện, thị xã"],
        [2, "Huyện Đông Anh", 1200, "1.234", "102,8"],
        [3, "Thị xã Sơn Tây", 300, 290, "96,7"],
        [None, "Tổng cộng", "1.750", "1.786", "102,1"],
    ]
    if footnote:
        body += [[], [footnote]]
    for i, row in enumerate(body, start=5):
        for j, value in enumerate(row):
            if value is not None:
                sheet.write(i, j, value)


def write_forms() -> None:
    with xlsxwriter.Workbook(HERE / "bieu_01.xlsx") as book:
        book.add_worksheet("Hướng dẫn").write(0, 0, "Điền số liệu vào Biểu 01.")
        _form(book, "Biểu 01", "BÁO CÁO KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2023",
              ["A", "B", "1", "2", "3"], "Ghi chú: số liệu tính đến 30/11/2023")  # fmt: skip
    with xlsxwriter.Workbook(HERE / "bieu_6_thang.xlsx") as book:
        _form(book, "Biểu 02", "Kết quả kết nạp đảng viên 6 tháng đầu năm 2024",
              ["(1)", "(2)", "(3)", "(4)", "(5)"], None)  # fmt: skip


if __name__ == "__main__":
    write_long_files()
    write_forms()
