"""Layouts: where the header is, long or wide, and the cells of each."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import polars as pl

from kpitools.catalog import MetricCatalog, UnknownMetricError
from kpitools.errors import DataIssue, KpiDataError
from kpitools.io.forms import (
    facts_rows,
    form_facts,
    is_column_numbers,
    is_group_heading,
    sheet_as_of,
    sheet_period_start,
    sheet_year,
)
from kpitools.io.rules import Cells, Problems, metric_code, parse_count, unknown_metric
from kpitools.io.schema import (
    ALIAS_OF,
    CITY_KEYS,
    COLUMN_ALIASES,
    HEADER_ROLES,
    HEADER_SEARCH_ROWS,
    MAX_HEADER_CHARS,
    PERIOD_START,
    SKIP_KEYS,
    TOTAL_KEYS,
    UNIT_KEYS,
    YEAR_KEYS,
    word_key,
)
from kpitools.io.sheets import Grid, cell_text
from kpitools.registry import UnitRegistry, UnknownUnitError


def header_label(header: object) -> str:
    """A header as a column label, shortened so a hostile header cannot flood a message."""
    text = str(header)
    return text if len(text) <= MAX_HEADER_CHARS else text[: MAX_HEADER_CHARS - 1] + "…"


def _role(text: str | None) -> str | None:
    key = word_key(text) if text else ""
    if not key:  # only punctuation: "%" is a percentage column, "-" is nothing
        return "stated_percent" if text and text.strip() == "%" else None
    return next((role for role, keys in HEADER_ROLES if key in keys), None)


def _split_header(text: str | None) -> tuple[str, str | None]:
    """``"Kết nạp đảng viên - Chỉ tiêu"`` → ``("Kết nạp đảng viên", "target")``."""
    text = text or ""
    for sep in (" - ", " – ", "|", "/", ":", "("):
        if sep in text:
            head, _, tail = text.rpartition(sep)
            role = _role(tail.rstrip(")"))
            if role and head.strip():
                return head.strip(), role
    return text.strip(), None


def _at(row: Sequence[object], j: int) -> object:
    return row[j] if j < len(row) else None


def names_a_column(value: object) -> bool:
    text = cell_text(value)
    if text is None:
        return False
    key = word_key(text)
    return key in ALIAS_OF or key in UNIT_KEYS or _split_header(text)[1] in ("target", "actual")


def header_index(grid: Grid, file: str) -> int:
    """The header row: the first that names a column; else the first non-empty row."""
    filled = [i for i, row in enumerate(grid.rows) if any(v is not None for v in row)]
    if not filled:
        raise KpiDataError(DataIssue("the file is empty", file=file))
    for i in filled[:HEADER_SEARCH_ROWS]:
        if any(names_a_column(v) for v in grid.rows[i]):
            return i
    return filled[0]


def is_wide(grid: Grid, h: int) -> bool:
    """Wide when no column holds metric codes and headers carry targets/results."""
    header = [cell_text(v) for v in grid.rows[h]]
    below = [cell_text(v) for v in grid.rows[h + 1]] if h + 1 < len(grid.rows) else []
    if any(v is not None and ALIAS_OF.get(word_key(v)) == "metric" for v in header):
        return False
    return any(_split_header(v)[1] in ("target", "actual") for v in header if v) or any(
        _role(v) in ("target", "actual") for v in below
    )


def _body(grid: Grid, start: int) -> Iterable[tuple[int, list[object]]]:
    """Non-empty rows from ``start`` on, with their row numbers."""
    for row, cells in zip(grid.numbers[start:], grid.rows[start:], strict=True):
        if any(v is not None for v in cells):
            yield row, cells


def _long_columns(
    grid: Grid, h: int, body: list[tuple[int, list[object]]], problems: Problems
) -> dict[int, str]:
    """The long-table column of each header cell; a problem for each that names none."""
    mapping: dict[int, str] = {}
    for j, header in enumerate(cell_text(v) for v in grid.rows[h]):
        col = ALIAS_OF.get(word_key(header or ""))
        label = header_label(header or grid.letter(j))
        if col is None and header is not None and word_key(header) in SKIP_KEYS:
            continue  # an STT or unit-of-measure column
        if header is None:
            if any(_at(cells, j) is not None for _, cells in body):
                problems.add("the column has values but no header", grid.numbers[h], label)
        elif col is None:
            expected = ", ".join(COLUMN_ALIASES)
            problems.add(f"unknown column; expected one of {expected}", grid.numbers[h], label)
        elif col in mapping.values():
            problems.add(f"second column for {col!r}", grid.numbers[h], label)
        else:
            mapping[j] = col
    return mapping


def long_cells(
    grid: Grid, h: int, file: str, figure: str = "actual", notes: Problems | None = None
) -> tuple[dict[str, Cells], list[int]]:
    """The cells of a long table whose header is row ``h``, per long-table column; a
    column-number line under the header is skipped (and said in ``notes``)."""
    headers = [cell_text(v) for v in grid.rows[h]]
    body = list(_body(grid, h + 1))
    if body and is_column_numbers(body[0][1]):
        if notes is not None:
            notes.add("column-number line under the header skipped", body[0][0])
        body = body[1:]
    problems = Problems(file)
    mapping = _long_columns(grid, h, body, problems)
    present = set(mapping.values())
    for col in ("year", "metric", figure):
        if col not in present:
            problems.add("missing required column", column=col)
    if not present & {"unit_code", "unit_name"}:
        problems.add("missing required column (unit_code or unit_name)", column="unit_code")
    for row, cells in body:
        extra = [v for v in cells[len(headers) :] if v is not None]
        if extra:
            problems.add(
                f"the row has {len(headers) + len(extra)} fields but the header has {len(headers)}",
                row,
                value=extra[0],
            )
    if not body:
        problems.add("the file has a header but no rows")
    problems.raise_any()
    columns = {
        col: Cells([_at(r, j) for _, r in body], [header_label(headers[j])] * len(body))
        for j, col in mapping.items()
    }
    return columns, [row for row, _ in body]


@dataclass
class Total:
    """A "Tổng cộng" row: its figures by (metric, role), checked after validation."""

    row: int
    cells: dict[tuple[str, str], tuple[object, str]]


def _wide_headers(grid: Grid, h: int) -> tuple[list[tuple[str, str | None]], int]:
    """Per column ``(label, role)``, and the index of the first body row."""
    top = [cell_text(v) for v in grid.rows[h]]
    below = [cell_text(v) for v in grid.rows[h + 1]] if h + 1 < len(grid.rows) else []
    two_rows = any(_role(v) in ("target", "actual") for v in below)
    width = max(len(top), len(below) if two_rows else 0)
    top += [None] * (width - len(top))
    below += [None] * (width - len(below))
    headers: list[tuple[str, str | None]] = []
    last_top = ""
    for head, sub in zip(top, below if two_rows else [None] * width, strict=True):
        last_top = head or last_top  # a label merged over its columns is only in the first
        role = _role(sub)
        headers.append((last_top, role) if role else _split_header(head or sub))
    return headers, h + (2 if two_rows else 1)


_COLUMN_WORDS = {
    "actual": "result column (thực hiện / kết quả)",
    "target": "target column (chỉ tiêu / kế hoạch)",
}
_WIDE_FIELDS = ("unit_name", "year", "as_of", "metric", "target", "actual", "stated_percent")


@dataclass
class _WideSheet:
    """A wide sheet's header: per column ``(label, role)``, and the columns of its year,
    its units and each metric's figures (``{metric: {role: column}}``)."""

    grid: Grid
    h: int
    headers: list[tuple[str, str | None]]
    year_col: int | None = None
    unit_col: int = 0
    metric_cols: dict[str, dict[str, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        plain = [j for j, (_, role) in enumerate(self.headers) if role is None]
        keys = {j: word_key(self.headers[j][0]) for j in plain}
        self.year_col = next((j for j in plain if keys[j] in YEAR_KEYS), None)
        unit_col = next((j for j in plain if keys[j] in UNIT_KEYS), None)
        if unit_col is None:
            named = (j for j in plain if self.headers[j][0] and keys[j] not in SKIP_KEYS)
            unit_col = next((j for j in named if j != self.year_col), 0)
        self.unit_col = unit_col

    def label(self, j: int, role: str | None = None) -> str:
        shown = f"{header_label(self.headers[j][0])}{f' / {role}' if role else ''}"
        return f"{self.grid.letter(j)} ({shown})"

    def find_metrics(self, catalog: MetricCatalog | None, figure: str, problems: Problems) -> None:
        """Fill ``metric_cols`` from the headers; a problem for each that does not fit."""
        at = self.grid.numbers[self.h]
        for j, (head, role) in enumerate(self.headers):
            if role is None:
                continue
            try:
                code = metric_code(catalog, head)
            except UnknownMetricError as exc:
                problems.add(unknown_metric(exc), at, self.label(j), head)
                continue
            if role in self.metric_cols.setdefault(code, {}):
                problems.add(f"second {role} column for metric {code}", at, self.label(j))
            self.metric_cols[code][role] = j
        for code, roles in self.metric_cols.items():
            if figure not in roles:
                problems.add(f"metric {code} has no {_COLUMN_WORDS[figure]}", at)
        if not self.metric_cols and not problems:
            problems.add(
                "no metric columns found: headers need 'chỉ tiêu'/'kế hoạch' and "
                "'thực hiện'/'kết quả'",
                at,
            )

    def total(self, row: int, line: list[object]) -> Total:
        return Total(
            row,
            {
                (code, role): (_at(line, j), self.label(j, role))
                for code, roles in self.metric_cols.items()
                for role, j in roles.items()
            },
        )

    def add_unit(
        self,
        out: dict[str, Cells],
        line: list[object],
        unit: object,
        year: object,
        as_of: object,
        start: object = None,
    ) -> None:
        """Append one row per metric of the unit on ``line`` to ``out`` (with the sheet's
        period ``start`` when ``out`` has a ``period_start`` column)."""
        year_label = "year"
        if self.year_col is not None and _at(line, self.year_col) is not None:
            year, year_label = _at(line, self.year_col), self.label(self.year_col)
        plain = {"unit_name": (unit, self.label(self.unit_col)), "year": (year, year_label),
                 "as_of": (as_of, "as_of")}  # fmt: skip
        if PERIOD_START in out:
            plain[PERIOD_START] = (start, PERIOD_START)
        for code, roles in self.metric_cols.items():
            for name, (value, column) in [*plain.items(), ("metric", (code, "metric"))]:
                out[name].values.append(value)
                out[name].columns.append(column)
            for role in ("target", "actual", "stated_percent"):
                k = roles.get(role)
                out[role].values.append(None if k is None else _at(line, k))
                out[role].columns.append(role if k is None else self.label(k, role))


def wide_cells(
    grid: Grid,
    h: int,
    *,
    file: str,
    year: int | None,
    as_of: object,
    catalog: MetricCatalog | None,
    registry: UnitRegistry,
    figure: str = "actual",
    notes: Problems | None = None,
    period_start: object = None,
) -> tuple[dict[str, Cells], list[int], list[Total]]:
    """Unpivot a wide sheet (units as rows, target/result columns per metric).

    The year and date of a sheet without a year column come from ``year`` and ``as_of``,
    else from its title and footnotes (:mod:`kpitools.io.forms`); a column-number line
    under the header and group headings are skipped. The first day of the figures' period
    comes from ``period_start``, else from the title or a footnote (``6 tháng cuối năm
    2025``, ``từ 01/7/2025``); a sheet that declares one has a ``period_start`` column
    (none for 1 January: the whole year). How is said in ``notes``.
    """
    notes = Problems(file) if notes is None else notes
    headers, start = _wide_headers(grid, h)
    sheet = _WideSheet(grid, h, headers)
    problems = Problems(file)
    sheet.find_metrics(catalog, figure, problems)
    figure_cols = [j for roles in sheet.metric_cols.values() for j in roles.values()]
    body = list(_body(grid, start))
    if body and is_column_numbers(body[0][1]):
        notes.add("column-number line under the header skipped", body[0][0])
        body = body[1:]
    lines = [(row, line, all(_at(line, j) is None for j in figure_cols)) for row, line in body]
    facts = form_facts(grid, h, [(row, line) for row, line, empty in lines if empty])
    if sheet.year_col is None:
        year = sheet_year(facts, year, problems, notes)
        if year is None and not problems:
            problems.add("a wide sheet needs a year: pass year=... or add a 'Năm' column")
    as_of = sheet_as_of(facts, as_of, problems, notes)
    first_day = sheet_period_start(facts, period_start, problems, notes)
    problems.raise_any()

    cities = registry.codes(level="city")
    out = {name: Cells() for name in _WIDE_FIELDS}
    if first_day is not None and (first_day.month, first_day.day) != (1, 1):
        out[PERIOD_START] = Cells()
    rows: list[int] = []
    totals: list[Total] = []
    for row, line, empty in lines:
        unit = cell_text(_at(line, sheet.unit_col))
        key = word_key(unit) if unit else ""
        if empty and not _is_unit(registry, unit):
            if is_group_heading(line, unit) and row not in facts_rows(facts):
                notes.add("line without figures skipped (a group heading)", row, value=unit)
            continue  # a blank line, a section heading or a note under the table
        if key in TOTAL_KEYS:
            totals.append(sheet.total(row, line))
            continue
        if key in CITY_KEYS and len(cities) == 1:
            unit = cities[0]
        rows += [row] * len(sheet.metric_cols)
        sheet.add_unit(out, line, unit, year, as_of, first_day)
    return out, rows, totals


def _is_unit(registry: UnitRegistry, text: str | None) -> bool:
    """Whether ``text`` names a unit, at some time (a name two units had is a unit's)."""
    try:
        return text is not None and bool(registry.resolve(text))
    except UnknownUnitError as exc:
        return exc.ambiguous


def check_totals(kpis: pl.DataFrame, totals: list[Total], file: str, decimal: str | None) -> None:
    """Each total row must equal the sum of the unit rows (the city's own row excluded)."""
    parts = kpis.filter(pl.col("level") != "city")
    problems = Problems(file)
    for total in totals:
        for (metric, role), (value, column) in total.cells.items():
            if value is None or role == "stated_percent":
                continue
            try:
                written = parse_count(value, decimal)
            except ValueError as exc:
                problems.add(f"total {role}: {exc}", total.row, column, value)
                continue
            expected = parts.filter(pl.col("metric") == metric)[role].sum()
            if written != expected:
                message = f"the total row does not equal the sum of the units ({expected:.0f})"
                problems.add(message, total.row, column, value)
    problems.raise_any()
