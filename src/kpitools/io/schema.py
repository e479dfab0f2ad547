"""The long table's columns, and the words that name columns and rows in KPI files."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

import polars as pl

from kpitools.textfold import name_key

#: The columns of the long table and their types, in order.
LONG_SCHEMA: dict[str, pl.DataType] = {
    "unit_code": pl.String(),
    "unit_name": pl.String(),
    "level": pl.String(),
    "year": pl.Int32(),
    "as_of": pl.Date(),
    "metric": pl.String(),
    "target": pl.Float64(),
    "actual": pl.Float64(),
    "source": pl.String(),
    "stated_percent": pl.String(),
    "note": pl.String(),
}

#: The optional column of the first day a row's figures cover (empty: 1 January of the
#: year); a long table has it only when a file gives it (see :func:`with_period_start`).
PERIOD_START = "period_start"
#: The long-table columns a file may give: those of ``LONG_SCHEMA`` and ``period_start``.
INPUT_COLUMNS: tuple[str, ...] = (*LONG_SCHEMA, PERIOD_START)

#: Header spellings accepted for each long-table column (compared with ``name_key``).
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "unit_code": ("unit_code", "mã đơn vị", "ma_don_vi", "code", "mã"),
    "unit_name": ("unit_name", "unit", "đơn vị", "tên đơn vị", "đảng bộ", "tên đảng bộ"),
    "level": ("level", "cấp"),
    "year": ("year", "năm", "năm kế hoạch"),
    "as_of": ("as_of", "tính đến", "tính đến ngày", "ngày số liệu", "số liệu đến ngày", "date"),
    "metric": (
        "metric",
        "chỉ số",
        "mã chỉ số",
        "nội dung",
        "chỉ tiêu (nội dung)",
        "nội dung chỉ tiêu",
        "tên chỉ tiêu",
        "tên chỉ số",
    ),
    "target": ("target", "chỉ tiêu", "kế hoạch", "kế hoạch năm", "chỉ tiêu giao", "plan"),
    "actual": ("actual", "thực hiện", "kết quả", "kết quả thực hiện", "số thực hiện", "result"),
    "source": ("source", "nguồn"),
    "stated_percent": (
        "stated_percent",
        "tỷ lệ",
        "tỉ lệ",
        "đạt",
        "đạt (%)",
        "tỷ lệ (%)",
        "tỷ lệ đạt",
        "tỷ lệ đạt (%)",
        "tỷ lệ so với kế hoạch",
    ),
    "note": ("note", "ghi chú"),
    PERIOD_START: (
        PERIOD_START,
        "period start",
        "từ ngày",
        "kỳ từ",
        "kỳ từ ngày",
        "kỳ báo cáo từ",
        "kỳ báo cáo từ ngày",
        "ngày bắt đầu",
        "số liệu từ ngày",
    ),
}

_TARGET_WORDS = ("chỉ tiêu", "kế hoạch", "kh", "ct", "target", "plan", "kế hoạch năm",
                 "chỉ tiêu giao")  # fmt: skip
_ACTUAL_WORDS = ("thực hiện", "kết quả", "th", "kq", "actual", "result", "kết quả thực hiện",
                 "số thực hiện")  # fmt: skip
_PERCENT_WORDS = ("tỷ lệ", "tỉ lệ", "đạt", "tỷ lệ (%)", "đạt (%)", "percent", "attainment",
                  "tỷ lệ đạt", "tỷ lệ đạt (%)", "tỷ lệ so với kế hoạch")  # fmt: skip
_UNIT_WORDS = ("đơn vị", "tên đơn vị", "unit", "đảng bộ", "mã đơn vị", "mã", "code")
_SKIP_WORDS = ("stt", "tt", "no", "số tt", "#", "đơn vị tính", "đvt")
_YEAR_WORDS = ("năm", "year")
_TOTAL_WORDS = ("tổng", "tổng cộng", "cộng", "tổng số", "total")
_CITY_WORDS = ("toàn thành phố", "toàn tp", "toàn thành")
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
HEADER_SEARCH_ROWS = 20
MAX_HEADER_CHARS = 60

INT_RE = re.compile(r"^\s*\d+\s*$")
YEAR_RE = re.compile(r"^\d{4}$")
ISO_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[ T][0-9:.]*)?$")
DMY_RE = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")
EXCEL_EPOCH = dt.date(1899, 12, 30)


def word_key(text: str) -> str:
    return name_key(text, diacritics=False)


def _keys(words: Iterable[str]) -> frozenset[str]:
    return frozenset(word_key(w) for w in words)


ALIAS_OF = {word_key(alias): col for col, aliases in COLUMN_ALIASES.items() for alias in aliases}
HEADER_ROLES = (
    ("target", _keys(_TARGET_WORDS)),
    ("actual", _keys(_ACTUAL_WORDS)),
    ("stated_percent", _keys(_PERCENT_WORDS)),
)
UNIT_KEYS, SKIP_KEYS, YEAR_KEYS = _keys(_UNIT_WORDS), _keys(_SKIP_WORDS), _keys(_YEAR_WORDS)
TOTAL_KEYS, CITY_KEYS = _keys(_TOTAL_WORDS), _keys(_CITY_WORDS)
