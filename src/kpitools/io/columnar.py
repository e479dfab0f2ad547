"""Large long files read column by column (internal to ``io``): each cell rule once per
distinct value, then the row rules of :mod:`kpitools.io.rules` once over the whole frame.

A file whose rows break rules is reported from here too, with the problems (and their
order) of the cell-by-cell reading; only what this reading cannot place is left to that
one (see :func:`fast_long`)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import polars as pl

from kpitools.catalog import MetricCatalog
from kpitools.errors import DataIssue, KpiDataError
from kpitools.io.encodings import GARBLED_HINT, fix_latin1_text, plausibility
from kpitools.io.forms import is_column_numbers
from kpitools.io.layout import header_label, is_wide, names_a_column
from kpitools.io.rules import (
    Cells,
    Parser,
    any_broken,
    long_table,
    parsers,
    per_distinct,
    problems_of,
    row_rules,
    typed_frame,
    unit_notes,
)
from kpitools.io.schema import ALIAS_OF, INPUT_COLUMNS, PERIOD_START, word_key
from kpitools.io.sheets import Grid, cell_text, clean_cell, decode_bytes, sniff_separator
from kpitools.registry import UnitRegistry
from kpitools.textfold import nfc


class _NotFast(Exception):
    """The column-wise reading does not apply, or a cell is not clean: read cell by cell."""


_Raw = tuple[list[object], pl.DataFrame, int, list[DataIssue]]


def _raw_long(source: Path | pl.DataFrame) -> _Raw:
    """(header cells, body frame, row number of the body's first row, notes), for a file
    whose first row is its header: a frame, a Parquet file or a clean UTF-8 CSV file."""
    if isinstance(source, pl.DataFrame):
        return list(source.columns), source, 2, []
    suffix = source.suffix.lower()
    if suffix == ".parquet":
        try:
            frame = pl.read_parquet(source)
        except Exception:  # the cell-by-cell reading says what is wrong with the file
            raise _NotFast from None
        return list(frame.columns), frame, 2, []
    if suffix not in (".csv", ".tsv", ".txt"):
        raise _NotFast
    return _raw_csv(source.read_bytes(), "\t" if suffix == ".tsv" else None, str(source))


def _raw_csv(data: bytes, separator: str | None, file: str) -> _Raw:
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise _NotFast from None  # a legacy encoding: the cell-by-cell reading converts it
    notes = decode_bytes(data, file)[1]
    if separator is None:
        separator = sniff_separator(text)
        if separator != ",":
            raise _NotFast  # the cell-by-cell reading says how it read the file
    if data.count(b"\r") != data.count(b"\r\n"):  # a lone CR ends a record for csv only
        raise _NotFast
    if _in_a_font(text if not notes else nfc(text)):
        raise _NotFast  # the cell-by-cell reading converts it (and says so)
    try:
        table = pl.read_csv(data, has_header=False, infer_schema=False, separator=separator)
    except Exception:  # ragged or malformed: the csv module's reading says where
        raise _NotFast from None
    if table.height == 0:
        raise _NotFast
    return list(table.row(0)), table.slice(1), 2, notes


def _in_a_font(text: str) -> bool:
    """Whether the cell-by-cell reading converts the text from a TCVN3 or VNI font
    (:func:`kpitools.io.sheets.fix_fonts`): only text of Latin-1 letters can be."""
    try:
        text.encode("latin-1")  # fails at once on most Vietnamese text in Unicode
    except UnicodeEncodeError:
        return False
    return not text.isascii() and fix_latin1_text(text) is not None


def _roles(header: list[object], body: pl.DataFrame, *, figure: str, layout: str) -> list[Any]:
    """The long-table column of each column; :class:`_NotFast` unless the header is the
    first row, names every column once and has the required ones."""
    texts: list[Any] = [cell_text(clean_cell(v)) for v in header]
    if not any(names_a_column(v) for v in texts):
        raise _NotFast  # the header is further down
    below = [clean_cell(v) for v in body.row(0)] if body.height else []
    if layout == "auto" and is_wide(Grid([texts, below], [1, 2]), 0):
        raise _NotFast
    roles = [ALIAS_OF.get(word_key(t)) if t is not None else None for t in texts]
    named = [r for r in roles if r is not None]
    present = set(named)
    if (
        len(named) != len(present)
        or any(t is not None and r is None for t, r in zip(texts, roles, strict=True))
        or not {"year", "metric", figure} <= present
        or not present & {"unit_code", "unit_name"}
    ):
        raise _NotFast
    return roles


def _clean(cell: pl.Series) -> pl.Series:
    """A column as the cell-by-cell reading sees it: text NFC and stripped, empty = null."""
    if cell.dtype == pl.Object:
        raise _NotFast  # Python objects cannot be grouped
    if isinstance(cell.dtype, pl.Categorical | pl.Enum):
        cell = cell.cast(pl.String)  # read as the text it holds, as cell by cell
    if cell.dtype == pl.String:
        fields = {cell.name: pl.String()}
        return per_distinct(cell.to_frame(), lambda v: (clean_cell(v),), fields)[cell.name]
    return cell


def _cells(body: pl.DataFrame, roles: list[str | None]) -> tuple[pl.DataFrame, pl.Series]:
    """The cells of every long-table column (null where the file has none) and the rows
    of the body that are blank."""
    cells: dict[str, pl.Series] = {}
    blank = pl.repeat(True, body.height, eager=True)
    for column, role in zip(body.columns, roles, strict=True):
        cell = _clean(body[column])
        if role is None:  # a column without a header must be empty
            if cell.is_not_null().any():
                raise _NotFast
            continue
        cells[role] = cell.alias(role)
        blank &= cell.is_null()
    absent = [pl.repeat(None, body.height, dtype=pl.String, eager=True).alias(name)
              for name in INPUT_COLUMNS if name not in cells]  # fmt: skip
    return pl.DataFrame([*cells.values(), *absent]), blank


def _parse(cells: pl.DataFrame, parser: Parser) -> pl.DataFrame:
    """The parser's fields, each distinct value parsed once; typed numbers at once; unit
    names and codes resolved all at once (:meth:`UnitRegistry.resolve_many`, by the unit
    parser's :attr:`Parser.prime`)."""
    inputs = cells.select(parser.cells)
    (first, dtype) = next(iter(inputs.schema.items()))
    if first in ("target", "actual") and (dtype.is_float() or dtype.is_integer()):
        # Typed counts: parse_count's rules (finite, not negative, whole) on the column.
        values = inputs[first].cast(pl.Float64)
        if not (~values.is_finite() | (values < 0) | (values != values.floor())).any():
            return pl.DataFrame(
                [values, pl.repeat(None, len(values), dtype=pl.String, eager=True),
                 values.is_not_null()],
                schema=parser.fields,
            )  # fmt: skip
        # else each distinct number is parsed, as cell by cell, to say what is wrong with it
    try:
        return per_distinct(inputs, parser.parse, parser.fields, parser.prime)
    except Exception:  # any failure is for the cell-by-cell reading to report
        raise _NotFast from None


def fast_long(
    source: Path | pl.DataFrame,
    *,
    registry: UnitRegistry,
    catalog: MetricCatalog | None,
    decimal: str | None,
    default_source: str,
    figure: str,
    layout: str,
) -> tuple[pl.DataFrame, list[int], list[DataIssue]] | None:
    """The long table of a long file, column by column: the parsers and row rules of the
    cell-by-cell reading (:func:`kpitools.io.rules.validate`), each cell rule once per
    distinct value.

    ``None`` when the file is not a plain long table whose first row is the header (then
    the cell-by-cell reading reads it, or names what is wrong with it). The third item is
    the notes on how the file was read.

    Raises
    ------
    KpiDataError
        When rows break rules: the problems the cell-by-cell reading reports, in its order.
    """
    if layout == "wide":
        return None
    try:
        return _fast_long(
            source, registry=registry, catalog=catalog, decimal=decimal,
            default_source=default_source, figure=figure, layout=layout,
        )  # fmt: skip
    except _NotFast:
        return None


class _Columns(Mapping[str, Cells]):
    """The cells of a long-table frame as :func:`kpitools.io.rules.problems_of` reads them
    (values and column labels, row for row), each column listed when first asked for."""

    def __init__(self, cells: pl.DataFrame, labels: Mapping[str, str]):
        self._cells, self._labels = cells, labels
        self._done: dict[str, Cells] = {}

    def __getitem__(self, name: str) -> Cells:
        if name not in self._done:
            label = self._labels.get(name, name)
            self._done[name] = Cells(self._cells[name].to_list(), [label] * self._cells.height)
        return self._done[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._cells.columns)

    def __len__(self) -> int:
        return self._cells.width


def _garbled(header: list[Any], cells: pl.DataFrame) -> bool:
    """:func:`kpitools.io.encodings.looks_garbled` of every text cell of the file, as the
    cell-by-cell reading asks it (the score adds up over cells: once per distinct text)."""
    score = sum(plausibility(t) for t in header if isinstance(t, str))
    for name, dtype in cells.schema.items():
        if dtype == pl.String:
            counts = cells[name].drop_nulls().value_counts()
            score += sum(plausibility(text) * n for text, n in counts.iter_rows())
    return score < 0


def _skips_a_line(body: pl.DataFrame, blank: pl.Series) -> bool:
    """Whether the cell-by-cell reading skips the first line under the header: a line
    numbering the columns."""
    first = blank.arg_min()
    return first is not None and is_column_numbers([clean_cell(v) for v in body.row(first)])


def _fast_long(
    source: Path | pl.DataFrame,
    *,
    registry: UnitRegistry,
    catalog: MetricCatalog | None,
    decimal: str | None,
    default_source: str,
    figure: str,
    layout: str,
) -> tuple[pl.DataFrame, list[int], list[DataIssue]]:
    header, body, first_row, notes = _raw_long(source)
    roles = _roles(header, body, figure=figure, layout=layout)
    cells, blank = _cells(body, roles)
    if blank.all() or _skips_a_line(body, blank):
        raise _NotFast
    cells = cells.filter(~blank)  # blank rows are skipped
    rows = (pl.int_range(body.height, eager=True) + first_row).filter(~blank).to_list()
    every = parsers(
        registry,
        catalog,
        decimal=decimal,
        default_source=default_source,
        has_code="unit_code" in roles,
    )
    parsed = pl.concat([_parse(cells, p) for p in every], how="horizontal")
    frame = typed_frame(parsed, rows, registry)
    file = "<frame>" if isinstance(source, pl.DataFrame) else str(source)
    texts = [cell_text(clean_cell(v)) for v in header]
    labels = {role: header_label(t) for role, t in zip(roles, texts, strict=True) if role}
    columns = _Columns(cells, labels)
    rules = row_rules(figure)
    if any_broken(frame, rules):
        issues = sorted(problems_of(frame, rules, columns, file), key=lambda i: i.row or 0)
        if any(i.message.startswith("unknown unit") for i in issues) and _garbled(texts, cells):
            issues.insert(0, DataIssue(GARBLED_HINT, file=file))
        raise KpiDataError(issues)
    found = unit_notes(frame, columns, file)
    table = long_table(frame, periods=PERIOD_START in roles)
    return table, rows, sorted([*notes, *found], key=lambda note: note.row or 0)
