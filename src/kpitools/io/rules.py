"""The row rules of the long table, written once for both readings (internal to ``io``).

A reading first *parses* its cells with the :class:`Parser` s of :func:`parsers` — the
cell-by-cell reading (:func:`validate`) each cell, the column-wise one
(:func:`kpitools.io.columnar.fast_long`) each distinct value — into the *parsed frame*: per
field its typed value and the problem of its cell, if any (for a unit also its name and
level in the registry). :func:`typed_frame` adds whether the unit existed in the year.
A unit is resolved on the row's date (``as_of``, else 31 December of the year), so a name
two units had at different times names the one of that day.
The :class:`Rule` s of :func:`row_rules` are polars expressions over that frame, each
applied once to every row; :func:`problems_of` maps the rows that break a rule to problems
naming file, row, column and value, and :func:`long_table` is the long table of a frame
without problems.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import polars as pl

from kpitools.catalog import MetricCatalog, UnknownMetricError
from kpitools.errors import DataIssue, KpiDataError, show_value
from kpitools.io.schema import INPUT_COLUMNS, LONG_SCHEMA, PERIOD_START, YEAR_RE
from kpitools.io.sheets import cell_text, parse_date
from kpitools.numbers import NumberFormatError, parse_number, parse_percent
from kpitools.registry import LEVEL_ALIASES, UnitNotInForceError, UnitRegistry, UnknownUnitError

# --------------------------------------------------------------------------- cells


@dataclass
class Cells:
    """Raw values for one long-table column plus where each came from."""

    values: list[object] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)  # column label of the cell, per row


class Problems(list[DataIssue]):
    """The problems found in one file so far."""

    def __init__(self, file: str):
        super().__init__()
        self.file = file

    def add(
        self, message: str, row: int | None = None, column: str | None = None, value: object = None
    ) -> None:
        self.append(DataIssue(message, file=self.file, row=row, column=column, value=value))

    def raise_any(self) -> None:
        if self:
            raise KpiDataError(sorted(self, key=lambda issue: issue.row or 0))


class _BadCell(Exception):
    """A unit that cannot be told: the message, the long-table column of the cell to name
    (``unit_code`` or ``unit_name``) and the value to show."""

    def __init__(self, message: str, column: str, value: object = None, *, ambiguous: bool = False):
        super().__init__(message)
        self.message, self.column, self.value = message, column, value
        self.ambiguous = ambiguous


# --------------------------------------------------------------------------- one cell


def parse_count(value: object, decimal: str | None) -> float:
    """A whole, non-negative count; raises ``ValueError`` saying what is wrong."""
    try:
        number = parse_number(value, decimal=decimal)  # type: ignore[arg-type]
    except NumberFormatError as exc:
        raise ValueError(f"unparseable number: {exc.reason}") from None
    if number < 0:
        raise ValueError("negative count: counts cannot be below zero")
    if number != number.to_integral_value():
        hint = (
            "; ',' is the decimal comma unless decimal='.' is passed" if "," in str(value) else ""
        )
        raise ValueError(f"not a whole number (read as {number}{hint})")
    return float(number)


def parse_year(value: object) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and YEAR_RE.match(value):
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= 2100:
        raise ValueError("year must be a whole number like 2023")
    return value


def _resolve_on(registry: UnitRegistry, text: str, day: dt.date | None) -> str:
    """The code ``text`` names on ``day``; a unit not in force then is still its code (the
    rule on the row's dates says what is wrong with it)."""
    try:
        return registry.resolve(text, at=day)
    except UnitNotInForceError as exc:
        if exc.code is None:
            raise
        return exc.code


class _Answered(UnknownUnitError):
    """:meth:`UnitRegistry.resolve_many`'s answer for a text that does not resolve, raised
    as :meth:`UnitRegistry.resolve` would raise it (the same message and ``ambiguous``)."""

    def __init__(self, text: str, message: str, *, ambiguous: bool):
        super().__init__(text, ambiguous=ambiguous)
        self.message = message

    def __str__(self) -> str:
        return self.message


Resolve = Callable[[str, dt.date | None], str]


def bulk_resolver(registry: UnitRegistry, queries: Sequence[tuple[str, dt.date | None]]) -> Resolve:
    """:func:`_resolve_on` for the (text, day) ``queries``, answered at once by
    :meth:`UnitRegistry.resolve_many` (the vectorized resolver); other queries are
    resolved one by one."""
    distinct = list(dict.fromkeys(queries))
    answers: dict[tuple[str, dt.date | None], str | UnknownUnitError] = {}
    if distinct:
        found = registry.resolve_many([t for t, _ in distinct], at=[d for _, d in distinct])
        rows = found.select("code", "not_in_force", "error", "ambiguous").iter_rows()
        for query, (code, not_in_force, error, ambiguous) in zip(distinct, rows, strict=True):
            known = code if code is not None else not_in_force  # not in force: still its code
            answers[query] = (
                known
                if known is not None
                else _Answered(query[0], str(error), ambiguous=bool(ambiguous))
            )

    def resolve(text: str, day: dt.date | None) -> str:
        answer = answers.get((text, day))
        if answer is None:
            return _resolve_on(registry, text, day)
        if isinstance(answer, str):
            return answer
        raise answer

    return resolve


def unit_code_of(
    registry: UnitRegistry,
    code: object,
    name: object,
    missing: str,
    day: dt.date | None = None,
    resolve: Resolve | None = None,
) -> str:
    """The registry code a row's code and name cells agree on, on the row's ``day``; raises
    :class:`_BadCell` (naming the cell ``missing`` when both are empty). ``resolve`` looks
    a text up on a day (default :func:`_resolve_on`; :func:`bulk_resolver` answers many)."""
    code, name = cell_text(code), cell_text(name)
    if code is None and name is None:
        raise _BadCell("missing unit", missing)
    if resolve is None:
        resolve = functools.partial(_resolve_on, registry)
    by_name = None
    if name is not None:
        try:
            by_name = resolve(name, day)
        except UnknownUnitError as exc:
            if code is None:
                raise _BadCell(str(exc), "unit_name", ambiguous=exc.ambiguous) from None
    if code is None:
        return by_name  # type: ignore[return-value]
    if by_name is not None and code.isdigit() and code.lstrip("0") == by_name.lstrip("0"):
        return by_name  # a code that lost its leading zeros in Excel; the name says which
    try:
        by_code = resolve(code, day)
    except UnknownUnitError as exc:
        raise _BadCell(str(exc), "unit_code", ambiguous=exc.ambiguous) from None
    if (
        name is not None
        and by_name != by_code
        and not _names(registry, name, by_code, day, resolve)
    ):
        shown = registry.name(by_code, at=day) if _in_force(registry, by_code, day) else None
        raise _BadCell(
            f"unit name does not match code {by_code} ({shown or registry.name(by_code)})",
            "unit_name",
            name,
        )
    return by_code


def _in_force(registry: UnitRegistry, code: str, day: dt.date | None) -> bool:
    return day is None or registry.exists_on(code, day)


def _names(
    registry: UnitRegistry, name: str, code: str, day: dt.date | None, resolve: Resolve
) -> bool:
    """Whether ``name`` names ``code``: on ``day`` when the code is in force then, else at
    any time (the row's dates are then reported on their own).

    :meth:`UnitRegistry.is_name_of`, the name looked up with ``resolve`` (one answer per
    name and day, already known in a column-wise reading).
    """
    if not _in_force(registry, code, day):
        return registry.is_name_of(name, code)
    try:
        return resolve(name, day) == code  # a unit not in force: not ``code``, which is
    except UnknownUnitError as exc:
        return exc.ambiguous and registry._shares_name(name, code)


def row_date(year: object, as_of: object) -> dt.date | None:
    """The day a row's figures are of: its ``as_of``, else 31 December of its year (None
    when neither can be read)."""
    if as_of is not None:
        try:
            return parse_date(as_of)
        except (ValueError, OverflowError):
            return None
    try:
        return dt.date(parse_year(year), 12, 31) if year is not None else None
    except ValueError:
        return None


def metric_code(catalog: MetricCatalog | None, text: str) -> str:
    """A metric's code (any code is taken as written when there is no catalog)."""
    return catalog.resolve(text) if catalog is not None else text


def unknown_metric(exc: UnknownMetricError) -> str:
    hint = f"; did you mean {' or '.join(exc.suggestions)}?" if exc.suggestions else ""
    return f"unknown metric{hint}"


# --------------------------------------------------------------------------- parsing


@dataclass(frozen=True)
class Parser:
    """Raw cells of some long-table columns → typed fields of the parsed frame.

    ``parse`` takes one raw value per column of ``cells`` and returns one value per field
    of ``fields``; a field ``<name>_error`` holds the problem of the cell, null when none.
    """

    cells: tuple[str, ...]
    parse: Callable[..., tuple[object, ...]]
    fields: Mapping[str, pl.DataType]
    # Given the distinct rows of cells to parse, a ``parse`` that has done the work they
    # share at once (the unit parser resolves every name with resolve_many); None: parse.
    prime: Callable[[pl.DataFrame], Callable[..., tuple[object, ...]]] | None = None


_TEXT, _ERROR = pl.String(), pl.String()


def _unit_parser(registry: UnitRegistry, *, has_code: bool) -> Parser:
    missing = "unit_code" if has_code else "unit_name"

    def parse(
        code: object,
        name: object,
        year: object,
        as_of: object,
        resolve: Resolve | None = None,
        loosely: Callable[[str], bool] = registry.matched_loosely,
        date_of: Callable[[object, object], dt.date | None] = row_date,
    ) -> tuple[object, ...]:
        day = date_of(year, as_of)
        try:
            unit = unit_code_of(registry, code, name, missing, day, resolve)
        except _BadCell as bad:
            if day is None and bad.ambiguous:  # a name of several dates, on a row whose
                return (None,) * 6 + (code is not None, None)  # year or date is reported
            return None, None, None, bad.message, bad.column, bad.value, code is not None, None
        row = registry.unit(unit, at=day) if _in_force(registry, unit, day) else None
        row = row or registry.unit(unit)
        shown, note = cell_text(name), None
        if shown is not None and loosely(shown):
            note = f"{show_value(shown)} read as {unit} {row.name} (diacritics differ)"
        return (unit, row.name, row.level, None, None, None, code is not None, note)

    def prime(keys: pl.DataFrame) -> Callable[..., tuple[object, ...]]:
        """``parse`` for the distinct rows ``keys``, every text resolved in one call."""
        queries: list[tuple[str, dt.date | None]] = []
        date_of = functools.cache(row_date)  # many rows share a date
        for code, name, year, as_of in keys.iter_rows():
            day = date_of(year, as_of)
            queries.extend((t, day) for t in (cell_text(name), cell_text(code)) if t is not None)
        return functools.partial(
            parse,
            resolve=bulk_resolver(registry, queries),
            loosely=functools.cache(registry.matched_loosely),  # once per name, not per day
            date_of=date_of,
        )

    fields = {"unit_code": _TEXT, "unit_name": _TEXT, "registry_level": _TEXT,
              "unit_error": _ERROR, "unit_error_cell": _TEXT, "unit_error_value": _TEXT,
              "unit_by_code": pl.Boolean(), "unit_note": _TEXT}  # fmt: skip
    return Parser(("unit_code", "unit_name", "year", "as_of"), parse, fields, prime)


def _year(value: object) -> tuple[object, ...]:
    if value is None:
        return None, "missing year"
    try:
        return parse_year(value), None
    except ValueError as exc:
        return None, str(exc)


def _date(column: str) -> Callable[[object], tuple[object, ...]]:
    """The parser of the date column ``column`` (``as_of``, ``period_start``); empty is
    null, filled in by typed_frame (31 December, 1 January of the row's year)."""

    def parse(value: object) -> tuple[object, ...]:
        if value is None:
            return None, None
        try:
            return parse_date(value), None
        except (ValueError, OverflowError) as exc:
            return None, str(exc)

    return parse


def _level(value: object) -> tuple[object, ...]:
    if value is None:
        return (None,)
    text = str(value)
    return (LEVEL_ALIASES.get(text.strip(), text),)


def _metric_parser(catalog: MetricCatalog | None) -> Parser:
    def parse(value: object) -> tuple[object, ...]:
        if value is None:
            return None, "missing metric"
        try:
            return metric_code(catalog, str(value)), None
        except UnknownMetricError as exc:
            return None, unknown_metric(exc)

    return Parser(("metric",), parse, {"metric": _TEXT, "metric_error": _ERROR})


def count_parser(name: str, decimal: str | None) -> Parser:
    """The parser of the ``target`` or ``actual`` column."""

    def parse(value: object) -> tuple[object, ...]:
        if value is None:
            return None, None, False
        try:
            return parse_count(value, decimal), None, True
        except ValueError as exc:
            return None, f"{name}: {exc}", True

    return Parser(
        (name,), parse, {name: pl.Float64(), f"{name}_error": _ERROR, f"{name}_given": pl.Boolean()}
    )


def _percent_parser(decimal: str | None) -> Parser:
    def parse(value: object) -> tuple[object, ...]:
        shown = cell_text(value)
        if shown is None:
            return None, None
        try:
            parse_percent(shown, decimal=decimal)
        except NumberFormatError as exc:
            return shown, f"unparseable percentage: {exc.reason}"
        return shown, None

    return Parser(
        ("stated_percent",), parse, {"stated_percent": _TEXT, "stated_percent_error": _ERROR}
    )


def parsers(
    registry: UnitRegistry,
    catalog: MetricCatalog | None,
    *,
    decimal: str | None,
    default_source: str,
    has_code: bool,
) -> list[Parser]:
    """The parsers of every long-table column; ``has_code``: the file has a code column."""
    return [
        _unit_parser(registry, has_code=has_code),
        Parser(("year",), _year, {"year": pl.Int32(), "year_error": _ERROR}),
        Parser(("level",), _level, {"level_text": _TEXT}),
        *(
            Parser((name,), _date(name), {name: pl.Date(), f"{name}_error": _ERROR})
            for name in ("as_of", PERIOD_START)
        ),
        _metric_parser(catalog),
        count_parser("target", decimal),
        count_parser("actual", decimal),
        _percent_parser(decimal),
        Parser(
            ("source",),
            lambda v: (default_source if v is None else cell_text(v),),
            {"source": _TEXT},
        ),
        Parser(
            ("note",),
            lambda v: (cell_text(v), v is not None),
            {"note": _TEXT, "note_given": pl.Boolean()},
        ),
    ]


def per_distinct(
    frame: pl.DataFrame,
    parse: Callable[..., tuple[object, ...]],
    fields: Mapping[str, pl.DataType],
    prime: Callable[[pl.DataFrame], Callable[..., tuple[object, ...]]] | None = None,
) -> pl.DataFrame:
    """The ``fields`` ``parse`` gives, called once per distinct row of ``frame`` (its columns
    are the arguments) and spread back over the rows; with ``prime``, ``prime(distinct
    rows)`` is the parse (see :attr:`Parser.prime`)."""
    frame = frame.rename({c: f"k{i}" for i, c in enumerate(frame.columns)})
    keys = frame.unique(maintain_order=False)
    if prime is not None:
        parse = prime(keys)
    values = pl.DataFrame([parse(*row) for row in keys.iter_rows()], schema=fields, orient="row")
    return frame.join(
        keys.hstack(values), on=frame.columns, how="left", nulls_equal=True, maintain_order="left"
    ).select(list(fields))


def _not_in_force(registry: UnitRegistry, code: str, day: dt.date, what: str) -> str | None:
    """Why the unit ``code`` is not in force on ``day`` (None when it is), for a row: ``what``
    says which day of the row that is."""
    if registry.exists_on(code, day):
        return None
    exc = registry.not_in_force(code, day)
    name = exc.unit.name if exc.unit is not None else registry.name(code)
    return f"unit {code} ({name}) did not exist {what}: it {exc.detail}"


def _dates_check(registry: UnitRegistry) -> Callable[..., tuple[object, ...]]:
    def check(
        code: object, year: object, as_of: dt.date | None, start: dt.date | None
    ) -> tuple[object, ...]:
        if code is None or year is None:
            return None, None
        unit, y = str(code), int(year)  # type: ignore[call-overload]
        if as_of is not None:
            on_end = _not_in_force(registry, unit, as_of, f"on {as_of.isoformat()}")
        elif not registry.exists(unit, y):
            on_end = _not_in_force(registry, unit, dt.date(y, 12, 31), f"in {y}")
        else:
            on_end = _not_in_force(
                registry, unit, dt.date(y, 12, 31),
                f"on {y}-12-31 (the row gives no as_of, so 31 December)",
            )  # fmt: skip
        on_start = None
        if start is not None:
            on_start = _not_in_force(
                registry, unit, start, f"on {start.isoformat()}, the period's start"
            )
        return on_end, on_start

    return check


def typed_frame(parsed: pl.DataFrame, rows: Sequence[int], registry: UnitRegistry) -> pl.DataFrame:
    """The parsed frame with each row's number, whether its unit was in force on its dates
    and its dates (as_of 31 December and period_start 1 January of the year when the file
    gives none)."""
    keys = parsed.select("unit_code", "year", "as_of", PERIOD_START)
    fields = {"end_error": _ERROR, "start_error": _ERROR}
    checked = per_distinct(keys, _dates_check(registry), fields)
    year = pl.col("year")
    return pl.concat([parsed, checked], how="horizontal").with_columns(
        pl.Series("row", rows, dtype=pl.Int64()),
        pl.when(pl.col("as_of_error").is_null())
        .then(pl.coalesce("as_of", pl.date(year, 12, 31)))
        .alias("as_of"),
        pl.col(PERIOD_START).is_not_null().alias("period_given"),
        pl.when(pl.col(f"{PERIOD_START}_error").is_null())
        .then(pl.coalesce(PERIOD_START, pl.date(year, 1, 1)))
        .alias(PERIOD_START),
    )


# --------------------------------------------------------------------------- row rules


@dataclass(frozen=True)
class Rule:
    """One rule of the rows: where it is broken, and the problem it reports there."""

    broken: pl.Expr  # true on the rows that break it (null counts as kept)
    message: pl.Expr
    column: pl.Expr  # the long-table column whose cell the problem names
    value: pl.Expr | bool = True  # the value shown: that cell's own (True), none, or this


def _parse_problem(name: str) -> Rule:
    """The cells of ``name`` that could not be parsed, with the parser's message."""
    return Rule(pl.col(f"{name}_error").is_not_null(), pl.col(f"{name}_error"), pl.lit(name))


def row_rules(figure: str = "actual") -> list[Rule]:
    """The rules, in the order their problems are listed within a row."""
    unit_column = pl.when("unit_by_code").then(pl.lit("unit_code")).otherwise(pl.lit("unit_name"))
    code, year, metric = pl.col("unit_code"), pl.col("year"), pl.col("metric")
    key = [code, year, metric]
    start = pl.col(PERIOD_START)
    rules = [
        Rule(
            pl.col("unit_error").is_not_null(),
            pl.col("unit_error"),
            pl.col("unit_error_cell"),
            pl.col("unit_error_value"),
        ),
        _parse_problem("year"),
        Rule(pl.col("end_error").is_not_null(), pl.col("end_error"), unit_column, False),
        Rule(
            pl.col("level_text") != pl.col("registry_level"),
            pl.format("level does not match the unit registry ({})", "registry_level"),
            pl.lit("level"),
        ),
        _parse_problem("as_of"),
        Rule(
            pl.col("as_of").dt.year() < year,  # before 1 January of the year
            pl.format("as_of is before the start of {}", year),
            pl.lit("as_of"),
        ),
        _parse_problem(PERIOD_START),
        Rule(
            pl.col("period_given") & (start.dt.year() < year),
            pl.format("period_start is before the start of {}", year),
            pl.lit(PERIOD_START),
        ),
        Rule(
            pl.col("period_given") & (start > pl.col("as_of")),
            pl.format("period_start is after as_of ({})", pl.col("as_of").dt.to_string("%Y-%m-%d")),
            pl.lit(PERIOD_START),
        ),
        Rule(
            pl.col("period_given")
            & pl.col("end_error").is_null()
            & pl.col("start_error").is_not_null(),
            pl.col("start_error"),
            pl.lit(PERIOD_START),
        ),
        _parse_problem("metric"),
        _parse_problem("target"),
        _parse_problem("actual"),
    ]
    if figure == "actual":  # an empty result needs a note saying why
        rules.append(
            Rule(
                ~pl.col("actual_given") & ~pl.col("note_given"),
                pl.lit("missing actual (leave it empty only with a note saying why)"),
                pl.lit("actual"),
                False,
            )
        )
    rules += [
        _parse_problem("stated_percent"),
        Rule(
            pl.all_horizontal(k.is_not_null() for k in key)
            & ~pl.struct(*key, start).is_first_distinct(),
            pl.format(
                "duplicate unit × year × metric {} × {} × {} (first on row {})",
                *key,
                pl.col("row").first().over(*key, start),
            ),
            unit_column,
        ),
    ]
    return rules


def any_broken(frame: pl.DataFrame, rules: Sequence[Rule]) -> bool:
    """Whether any row breaks any of ``rules``."""
    broken = pl.any_horizontal(rule.broken.fill_null(False) for rule in rules)
    return bool(frame.select(broken.any()).item())


def problems_of(
    frame: pl.DataFrame, rules: Sequence[Rule], cells: Mapping[str, Cells], file: str
) -> Problems:
    """The problems of the rows of ``frame`` that break ``rules``; ``cells`` are the raw
    cells, row for row, that name the column and give the value of each."""
    problems = Problems(file)
    hit = frame.select(rule.broken.fill_null(False).any().alias(f"{k}") for k, rule in
                       enumerate(rules)).row(0)  # fmt: skip
    for rule in itertools.compress(rules, hit):  # the rules no row breaks are passed by
        value = rule.value if isinstance(rule.value, pl.Expr) else pl.lit(None, pl.String)
        hits = (
            frame.with_row_index("i")
            .with_columns(message=rule.message, column=rule.column, value=value)
            .filter(rule.broken.fill_null(False))
            .select("i", "row", "message", "column", "value")
        )
        at, rows, messages, columns, shown = (hits[name].to_list() for name in hits.columns)
        if rule.value is True:
            shown = [cells[c].values[i] for c, i in zip(columns, at, strict=True)]
        labels = [cells[c].columns[i] for c, i in zip(columns, at, strict=True)]
        problems.extend(map(DataIssue, messages, itertools.repeat(file), rows, labels, shown))
    return problems


def long_table(frame: pl.DataFrame, *, periods: bool = False) -> pl.DataFrame:
    """The long table of a typed frame whose rows break no rule; with ``period_start``
    (after ``as_of``) when ``periods``: the file has that column."""
    columns = list(LONG_SCHEMA)
    if periods:
        columns.insert(columns.index("as_of") + 1, PERIOD_START)
    return frame.select(
        *(pl.col(name).cast(dtype) for name, dtype in LONG_SCHEMA.items() if name != "level"),
        level=pl.col("registry_level"),
        **({PERIOD_START: pl.col(PERIOD_START).cast(pl.Date)} if periods else {}),
    ).select(columns)


def _parse_cells(parser: Parser, values: list[list[object]]) -> pl.DataFrame:
    """The parser's fields, cell by cell (text cells alike parsed once: parsing is pure)."""
    done: dict[tuple[object, ...], tuple[object, ...]] = {}
    parsed = []
    for cells in zip(*values, strict=True):
        if all(cell is None or type(cell) is str for cell in cells):
            if (fields := done.get(cells)) is None:
                fields = done[cells] = parser.parse(*cells)
        else:
            fields = parser.parse(*cells)
        parsed.append(fields)
    return pl.DataFrame(parsed, schema=parser.fields, orient="row")


def validate(
    cells: dict[str, Cells],
    rows: list[int],
    *,
    file: str,
    registry: UnitRegistry,
    catalog: MetricCatalog | None,
    decimal: str | None,
    default_source: str,
    figure: str = "actual",
) -> tuple[pl.DataFrame, Problems]:
    """Turn raw cells into the typed long table, or raise with every problem found; the
    second item notes the unit names matched loosely."""
    n = len(rows)
    every = {name: cells.get(name) or Cells([None] * n, [name] * n) for name in INPUT_COLUMNS}
    parts = [
        _parse_cells(p, [every[c].values for c in p.cells])
        for p in parsers(
            registry,
            catalog,
            decimal=decimal,
            default_source=default_source,
            has_code="unit_code" in cells,
        )
    ]
    frame = typed_frame(pl.concat(parts, how="horizontal"), rows, registry)
    problems_of(frame, row_rules(figure), every, file).raise_any()
    return long_table(frame, periods=PERIOD_START in cells), unit_notes(frame, every, file)


def unit_notes(frame: pl.DataFrame, cells: Mapping[str, Cells], file: str) -> Problems:
    """A note for each unit name matched without its diacritics, once per name and column."""
    notes = Problems(file)
    seen: set[tuple[str, str]] = set()
    hits = frame.with_row_index("i").filter(pl.col("unit_note").is_not_null())
    for i, row, note in hits.select("i", "row", "unit_note").iter_rows():
        column = cells["unit_name"].columns[i]
        if (note, column) not in seen:
            seen.add((note, column))
            notes.add(note, row, column, cells["unit_name"].values[i])
    return notes
