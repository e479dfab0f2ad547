"""Tables written for people's spreadsheets: Excel with number formats, CSV with a BOM.

A Vietnamese Excel reads ``224.000`` as 224 thousand and shows a ratio ``2.094`` as
``2,094``. So a workbook here stores numbers as numbers with formats, and lets Excel show
them the reader's way: counts as whole numbers with thousands grouping (``224.000`` in a
Vietnamese Excel, ``224,000`` in an English one), ratios as percentages (``209,4%``), years
and ranks as plain numbers, dates as ``dd/mm/yyyy``. Headers and status words are in the
chosen language, columns are as wide as their text and the header row stays in view. Text
is written as text: a unit name such as ``=HYPERLINK(...)`` never becomes a formula.

A CSV is UTF-8 with a byte-order mark by default (Excel on Windows needs it to read
Vietnamese), whole numbers are written without ``.0``, and a text cell a spreadsheet would
run as a formula (``=``, ``+``, ``-``, ``@``...) starts with ``'``.

Examples
--------
>>> import polars as pl
>>> frame = pl.DataFrame({"unit_name": ["Đông Anh"], "year": [2023], "actual": [224000.0],
...                       "attainment": [2.09375], "status": ["exceeded"]})
>>> csv_bytes(frame, lang="vi").decode("utf-8-sig").splitlines()
['Đơn vị,Năm,Thực hiện,Tỷ lệ đạt,Trạng thái', 'Đông Anh,2023,224000,2.09375,vượt']
>>> excel_bytes(frame, lang="en")[:2]
b'PK'
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any

import polars as pl

from kpitools._typing import PathLike
from kpitools.vocab import check_lang, word

#: Columns holding a ratio shown as a percentage (``2.094`` is ``209,4%`` in a vi Excel).
PERCENT_COLUMNS = ("attainment", "share", "elapsed", "pace", "expected")
#: Columns holding a whole number shown without grouping (a year, a rank).
PLAIN_COLUMNS = ("year", "rank", "prev_year", "old_year", "new_year")
#: Columns whose values are status codes shown as words (``band.<code>`` of the vocabulary).
STATUS_COLUMNS = ("status",)

#: Excel number formats; Excel shows each with the reader's own separators.
COUNT_FORMAT = "#,##0"
DECIMAL_FORMAT = "#,##0.0##"
PERCENT_FORMAT = "0.0%"
PLAIN_FORMAT = "0"
DATE_FORMAT = "dd/mm/yyyy"

#: What a spreadsheet reads as the start of a formula (OWASP's CSV-injection list).
FORMULA_START = re.compile(r"^[=+\-@\t\r]")

_WIDEST = 60  # characters: a long note wraps instead of pushing every column away


def header(column: str, lang: str | None) -> str:
    """The heading of ``column`` in ``lang`` (``None``: the column's own name).

    Columns without a word of their own keep their name.

    Examples
    --------
    >>> header("unit_code", "vi"), header("attainment", "en"), header("attainment", None)
    ('Mã đơn vị', 'Attainment', 'attainment')
    """
    if lang is None:
        return column
    return word(f"table.export.{column}", check_lang(lang), default=column)


def status_word(code: str | None, lang: str | None) -> str | None:
    """A status code (``met``, ``behind``...) as the word of ``lang`` (``None``: the code).

    Examples
    --------
    >>> status_word("exceeded", "vi"), status_word("near", "en"), status_word(None, "vi")
    ('vượt', 'near', None)
    """
    if code is None or lang is None:
        return code
    return word(f"band.{code}", check_lang(lang), default=code)


def _words(frame: pl.DataFrame, lang: str | None) -> pl.DataFrame:
    """The frame with its status codes in ``lang``; a column no cell can hold is refused."""
    for name, dtype in frame.schema.items():
        flat = dtype.is_numeric() or dtype.is_temporal() or dtype == pl.Boolean
        if not (
            flat or dtype in (pl.String, pl.Null, pl.Categorical) or isinstance(dtype, pl.Enum)
        ):
            raise TypeError(f"column {name!r} holds {dtype}, which a table cell cannot hold")
    if lang is None:
        return frame
    from kpitools.vocab import WORDS

    lang = check_lang(lang)
    words = {key[len("band.") :]: WORDS[key][lang] for key in WORDS if key.startswith("band.")}
    return frame.with_columns(
        pl.col(c).replace(words)
        for c in STATUS_COLUMNS
        if c in frame.columns and frame.schema[c] == pl.String
    )


def _whole(value: float) -> bool:
    return math.isfinite(value) and value == int(value)


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        if _whole(value) and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    text = str(value)
    return "'" + text if FORMULA_START.match(text) else text


def csv_bytes(frame: pl.DataFrame, *, lang: str | None = None, bom: bool = True) -> bytes:
    r"""The frame as CSV for a spreadsheet: UTF-8 (with a BOM unless ``bom=False``).

    Whole numbers are written without ``.0`` (``224000``), others with a decimal point,
    dates as ``yyyy-mm-dd``; a text cell that a spreadsheet would run as a formula starts
    with ``'``. With ``lang``, headers and status words are in that language.

    Examples
    --------
    >>> frame = pl.DataFrame({"unit_name": ["=1+1"], "actual": [12.0], "target": [None]})
    >>> csv_bytes(frame, bom=False)
    b"unit_name,actual,target\n'=1+1,12,\n"
    >>> csv_bytes(frame)[:3]
    b'\xef\xbb\xbf'
    """
    import csv

    frame = _words(frame, lang)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([header(c, lang) for c in frame.columns])
    for row in frame.iter_rows():
        writer.writerow([_csv_cell(v) for v in row])
    return ("\ufeff" if bom else "").encode("utf-8") + out.getvalue().encode("utf-8")


def _number_format(name: str, series: pl.Series) -> str | None:
    """The Excel number format of a column, or None for text."""
    if series.dtype.is_temporal():
        return DATE_FORMAT
    if not series.dtype.is_numeric():
        return None
    if name in PERCENT_COLUMNS:
        return PERCENT_FORMAT
    if name in PLAIN_COLUMNS:
        return PLAIN_FORMAT
    if series.dtype.is_integer():
        return COUNT_FORMAT
    values = series.drop_nulls().drop_nans()
    whole = values.is_empty() or bool((values == values.round(0)).all())
    return COUNT_FORMAT if whole else DECIMAL_FORMAT


def _shown(value: Any, fmt: str | None) -> str:
    """About the text Excel shows for a cell: what column widths are fitted to."""
    if value is None:
        return ""
    if fmt == PERCENT_FORMAT:
        return f"{value * 100:,.1f}%"
    if fmt == DATE_FORMAT:
        return "00/00/0000"
    if fmt == COUNT_FORMAT:
        return f"{value:,.0f}"
    if fmt == DECIMAL_FORMAT:
        return f"{value:,.3f}"
    return str(value)


def _width(texts: Iterable[str]) -> float:
    longest = max((max(map(len, t.splitlines() or [""])) for t in texts), default=0)
    return min(longest, _WIDEST) + 2


def write_excel(
    frame: pl.DataFrame,
    target: PathLike | IO[bytes],
    *,
    lang: str | None = None,
    sheet: str = "kpis",
) -> None:
    """Write the frame as an Excel workbook to a path or a binary file object.

    Numbers stay numbers with formats (counts ``#,##0``, ratios ``0.0%``, years ``0``,
    dates ``dd/mm/yyyy``); text is written as text, never as a formula; with ``lang``,
    headers and status words are in that language; columns are fitted to their text and
    the header row is frozen. ``sheet`` is cut to Excel's 31 characters.

    Examples
    --------
    >>> import tempfile, openpyxl
    >>> path = Path(tempfile.mkdtemp()) / "t.xlsx"
    >>> write_excel(pl.DataFrame({"year": [2023], "attainment": [2.09375]}), path, lang="vi")
    >>> cells = openpyxl.load_workbook(path).active["A2":"B2"][0]
    >>> [(c.value, c.number_format) for c in cells]
    [(2023, '0'), (2.09375, '0.0%')]
    """
    import xlsxwriter

    frame = _words(frame, lang)
    book = xlsxwriter.Workbook(target, {"in_memory": True, "strings_to_formulas": False})
    try:
        _fill_sheet(book, frame, lang, _sheet_name(sheet))
    finally:
        book.close()


def _sheet_name(name: str) -> str:
    return re.sub(r"[\[\]:*?/\\]", "_", name)[:31] or "kpis"


def _fill_sheet(book: Any, frame: pl.DataFrame, lang: str | None, name: str) -> None:
    ws = book.add_worksheet(name)
    head = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    text = book.add_format({"quote_prefix": True})  # typed over, it stays text
    formats: dict[str, Any] = {}
    for col, column in enumerate(frame.columns):
        title = header(column, lang)
        ws.write_string(0, col, title, head)
        series = frame[column]
        fmt = _number_format(column, series)
        cell_format = book.add_format({"num_format": fmt}) if fmt else None
        formats[column] = cell_format
        write = _cell_writer(ws, series.dtype, cell_format, text)
        for row, value in enumerate(series.to_list(), start=1):
            if value is not None:
                write(row, col, value)
        ws.set_column(col, col, _width([title, *(_shown(v, fmt) for v in series.to_list())]))
    ws.freeze_panes(1, 0)
    if frame.width:
        ws.autofilter(0, 0, max(frame.height, 1), frame.width - 1)


def _cell_writer(ws: Any, dtype: pl.DataType, fmt: Any, text: Any) -> Callable[..., Any]:
    if dtype.is_temporal():

        def date(row: int, col: int, value: Any) -> Any:
            return ws.write_datetime(row, col, value, fmt)

        return date
    if dtype.is_numeric():

        def number(row: int, col: int, value: Any) -> Any:
            if isinstance(value, float) and not math.isfinite(value):
                return ws.write_string(row, col, str(value))
            return ws.write_number(row, col, value, fmt)

        return number

    def string(row: int, col: int, value: Any) -> Any:
        value = str(value)
        return ws.write_string(row, col, value, text if FORMULA_START.match(value) else None)

    return string


def excel_bytes(frame: pl.DataFrame, *, lang: str | None = None, sheet: str = "kpis") -> bytes:
    """The frame as an Excel workbook (the bytes of an ``.xlsx``), as :func:`write_excel`.

    Examples
    --------
    >>> import openpyxl
    >>> book = openpyxl.load_workbook(io.BytesIO(excel_bytes(
    ...     pl.DataFrame({"unit_name": ["=1+1"], "actual": [224000.0]}), lang="vi")))
    >>> [(c.value, c.data_type, c.number_format) for c in book.active[2]]
    [('=1+1', 's', 'General'), (224000, 'n', '#,##0')]
    >>> book.active.freeze_panes, [c.value for c in book.active[1]]
    ('A2', ['Đơn vị', 'Thực hiện'])
    """
    out = io.BytesIO()
    write_excel(frame, out, lang=lang, sheet=sheet)
    return out.getvalue()


def write_table(
    frame: pl.DataFrame,
    path: PathLike,
    *,
    lang: str | None = None,
    bom: bool = True,
    sheet: str = "kpis",
) -> Path:
    r"""Write the frame to ``path`` as ``.csv`` or ``.xlsx`` (by suffix), atomically.

    See :func:`csv_bytes` and :func:`write_excel`.

    Examples
    --------
    >>> import tempfile
    >>> path = write_table(pl.DataFrame({"n": [1.0]}), Path(tempfile.mkdtemp()) / "t.csv")
    >>> path.read_bytes()
    b'\xef\xbb\xbfn\n1\n'
    """
    from kpitools._atomic import atomic_path

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValueError(f"unsupported table type {path.suffix!r}; use .csv or .xlsx")
    with atomic_path(path) as tmp:
        if suffix == ".csv":
            tmp.write_bytes(csv_bytes(frame, lang=lang, bom=bom))
        else:
            write_excel(frame, tmp, lang=lang, sheet=sheet)
    return path
