"""Read KPI files (CSV, Excel, Parquet; long or wide) into the validated long table.

Every KPI observation becomes one row of the long table (see ``LONG_SCHEMA``). Reading is
strict: a bad cell is reported with its file, row, column and value, every problem of a
file is reported at once, and no valid row is ever dropped silently.

How a file is read
------------------
* Rows are numbered as a spreadsheet shows them (the first line of a CSV is row 1, blank
  rows count); columns of a wide sheet are named by letter and header, ``"D (… / actual)"``.
* CSV must be UTF-8 (a BOM is allowed). Excel cells are read as the text they hold (a
  numeric cell 1234 is ``"1234"``) and then go through the same rules as CSV text.
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
"""

from __future__ import annotations

from kpitools.io.dataset import Dataset, find_path, load_dataset
from kpitools.io.readers import read_kpi_file, read_kpis, read_targets, write_kpis
from kpitools.io.schema import COLUMN_ALIASES, LONG_SCHEMA
from kpitools.io.sheets import parse_date

__all__ = [
    "COLUMN_ALIASES",
    "LONG_SCHEMA",
    "Dataset",
    "find_path",
    "load_dataset",
    "parse_date",
    "read_kpi_file",
    "read_kpis",
    "read_targets",
    "write_kpis",
]
