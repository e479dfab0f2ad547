"""Read KPI files (CSV, Excel, Parquet; long or wide) into the validated long table.

Every KPI observation becomes one row of the long table (see ``LONG_SCHEMA``). Reading is
strict: a bad cell is reported with its file, row, column and value, every problem of a
file is reported at once, and no valid row is ever dropped silently.

How a file is read
------------------
* Rows are numbered as a spreadsheet shows them (the first line of a CSV is row 1, blank
  rows count); columns of a wide sheet are named by letter and header, ``"D (… / actual)"``.
* CSV should be UTF-8 (a BOM is allowed; decomposed letters are normalized to NFC); its
  separator (``,``, ``;`` or tab) is told from its first lines. Text in a legacy Vietnamese
  encoding — Windows-1258, TCVN3 (ABC, ``.VnTime``) or VNI — is converted, and so are
  Excel cells typed in a TCVN3 or VNI font; text that reads as none of them is refused
  with a word on how to save it ("CSV UTF-8"). Excel cells are read as the text they hold
  (a numeric cell 1234 is ``"1234"``) and then go through the same rules as CSV text.
* Numbers follow :func:`kpitools.numbers.parse_number` (Vietnamese first: ``1.234`` is one
  thousand two hundred thirty-four, ``12,5`` is twelve and a half); pass ``decimal`` to fix
  the separator for a whole file. Targets and actuals count people, organizations or items,
  so each must be a whole number ≥ 0: ``1,234`` (read as 1.234) is an error, not 1234.
* An empty actual is an error unless the row's ``note`` says why (a suppressed count): the
  row is kept with a null actual. :func:`read_targets` reads files of targets alone.
* The header row is the first row that names a unit column, a long-table column or a
  metric's target/result, so title lines above a table are skipped.
* Wide sheets: units as rows; per metric a target column (chỉ tiêu / kế hoạch), a result
  column (thực hiện / kết quả) and optionally a stated percentage (tỷ lệ / đạt), named
  ``"<metric label> - Chỉ tiêu"`` on one header row, or the label on one row (merged over its
  columns) and the role on the row below. An STT column is ignored. A row labelled
  "Tổng cộng" / "Tổng" / "Cộng" is a total: it is checked against the sum of the unit rows
  above it and is not kept as a row. A row labelled "Toàn thành phố" / "Toàn TP" is the
  city's own figure. A row with no figure at all whose label is not a unit (a blank line, a
  section heading, a note) is skipped; a unit with no figures is an error.
* Official forms: a sheet without a year column and without ``year=`` takes its year from
  its title (``NĂM 2023``; ``6 tháng đầu năm 2024`` also gives ``as_of`` 2024-06-30); a
  title or footnote ``số liệu tính đến 30/11/2023`` gives ``as_of``. A given ``year`` or
  ``as_of`` wins, and one that the form contradicts is a problem. A column-number line
  under the header (``A, B, 1, 2, …`` or ``(1), (2), …``) is skipped.
* A unit name whose diacritics differ from the registry's (``Quận Ba Đinh``) is taken
  only when the name without diacritics names one unit.
* Units are resolved on the row's date, ``as_of`` (empty: 31 December of ``year``): a
  name two units had at different times ("Đông Anh": district 017 to 2025-06-30, xã Đông
  Anh from 2025-07-01) is the one of that day, and a unit not in force that day is an
  error saying when it ceased (and, with the registry's links, where its area went).
* An optional ``period_start`` column ("từ ngày", "kỳ từ") gives the first day the
  figures cover, read like ``as_of``; empty means 1 January of the year. It may not be
  after ``as_of`` nor before the year, and a unit must exist on the period_start a row
  gives (an empty one is not checked: a new unit may report its whole first year). The
  long table has the column only when a file gives it (:func:`with_period_start` adds
  it), and a unit × year × metric may then appear once per period.
* How a file was read (each of the above, and group headings skipped) is said in notes
  that do not stop the reading: :func:`read_kpi_file_with_notes` returns them with the
  table, and :class:`Dataset` keeps them in ``notes``.
"""

from __future__ import annotations

from kpitools.io.dataset import Dataset, find_path, load_dataset
from kpitools.io.export import csv_bytes, excel_bytes, write_excel, write_table
from kpitools.io.readers import (
    read_kpi_file,
    read_kpi_file_with_notes,
    read_kpis,
    read_targets,
    with_period_start,
    write_kpis,
)
from kpitools.io.schema import COLUMN_ALIASES, LONG_SCHEMA, PERIOD_START
from kpitools.io.sheets import parse_date

__all__ = [
    "COLUMN_ALIASES",
    "LONG_SCHEMA",
    "PERIOD_START",
    "Dataset",
    "csv_bytes",
    "excel_bytes",
    "find_path",
    "load_dataset",
    "parse_date",
    "read_kpi_file",
    "read_kpi_file_with_notes",
    "read_kpis",
    "read_targets",
    "with_period_start",
    "write_excel",
    "write_kpis",
    "write_table",
]
