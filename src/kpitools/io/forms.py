"""Official report forms (internal to ``io``): what the lines around a wide table say.

A form (biểu) states its year in its title (``BÁO CÁO ... NĂM 2023``, ``6 tháng đầu năm
2024``), the date of its figures in the title or a footnote (``số liệu tính đến
30/11/2023``), the first day of its period when that is not 1 January (``6 tháng cuối năm
2025``, ``từ 01/7/2025``, ``kỳ báo cáo từ ngày 01/7/2025 đến 31/12/2025``: the split year of
the 2025 reorganization), numbers its columns on a line under the header (``A, B, 1, 2, …``) and
groups its units under heading lines (``I. Khối quận``). These helpers read those lines;
each use is said in the notes.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from kpitools.io.rules import Problems
from kpitools.io.schema import word_key
from kpitools.io.sheets import Grid, cell_text, parse_date

_YEAR_RE = re.compile(r"\bnam (\d{4})\b")
_PERIOD_RE = re.compile(r"\b(\d{1,2}) thang (?:dau )?nam (\d{4})\b")
_AS_OF_RE = re.compile(
    r"\btinh den (?:het )?(?:ngay )?"
    r"(?:(\d{1,2}[/.-]\d{1,2}[/.-]\d{4})|(\d{1,2}) thang (\d{1,2}) nam (\d{4}))"
)
_DAY = r"(?:(\d{1,2}[/.-]\d{1,2}[/.-]\d{4})|(\d{1,2}) thang (\d{1,2}) nam (\d{4}))"
# "từ (ngày) 01/7/2025 (đến (ngày) 31/12/2025)": the first (and last) day of the period
_FROM_RE = re.compile(rf"\btu (?:ngay )?{_DAY}(?: (?:den|toi) (?:het )?(?:ngay )?{_DAY})?")
# "6 tháng cuối năm 2025": the last months of the year
_LAST_MONTHS_RE = re.compile(r"\b(\d{1,2}) thang cuoi nam (\d{4})\b")
_COLUMN_NUMBER_RE = re.compile(r"^\(?([A-Za-z]|\d{1,2})\)?$")
_ROMAN_RE = re.compile(r"^[IVX]{1,5}[.)]?$")


@dataclass
class FormFacts:
    """What a form's title and footnotes say.

    Years, period ends and as-of dates, each with the row and text that say it.
    """

    years: dict[int, tuple[int, str]] = field(default_factory=dict)
    period_ends: dict[dt.date, tuple[int, str]] = field(default_factory=dict)
    dates: dict[dt.date, tuple[int, str]] = field(default_factory=dict)
    period_starts: dict[dt.date, tuple[int, str]] = field(default_factory=dict)


def _day(groups: Sequence[str | None]) -> dt.date:
    """The day of a ``_DAY`` match's four groups (a d/m/y text, or day, month, year)."""
    if groups[0]:
        return parse_date(groups[0])
    return dt.date(int(groups[3]), int(groups[2]), int(groups[1]))  # type: ignore[arg-type]


def _line(cells: Sequence[object]) -> str:
    return " ".join(t for t in (cell_text(v) for v in cells) if t)


def read_facts(facts: FormFacts, row: int, text: str, *, title: bool) -> None:
    """Add what the line ``text`` (on ``row``) says; years and periods only in a title."""
    key = word_key(text)
    for m in _AS_OF_RE.finditer(key):
        try:
            date = (
                parse_date(m.group(1))
                if m.group(1)
                else dt.date(int(m.group(4)), int(m.group(3)), int(m.group(2)))
            )
        except ValueError:
            continue
        facts.dates.setdefault(date, (row, text))
    _read_period(facts, row, text, key)
    if not title:
        return
    for m in _PERIOD_RE.finditer(key):
        month, year = int(m.group(1)), int(m.group(2))
        if 1 <= month <= 12:
            end = dt.date(year, month, calendar.monthrange(year, month)[1])
            facts.period_ends.setdefault(end, (row, text))
    for m in _YEAR_RE.finditer(key):
        facts.years.setdefault(int(m.group(1)), (row, text))


def _read_period(facts: FormFacts, row: int, text: str, key: str) -> None:
    """The period a line declares: ``từ <day> (đến <day>)``, ``N tháng cuối năm Y``."""
    for m in _FROM_RE.finditer(key):
        try:
            start = _day(m.groups()[:4])
            end = _day(m.groups()[4:]) if any(m.groups()[4:]) else None
        except ValueError:
            continue
        facts.period_starts.setdefault(start, (row, text))
        if end is not None:
            facts.period_ends.setdefault(end, (row, text))
    for m in _LAST_MONTHS_RE.finditer(key):
        months, year = int(m.group(1)), int(m.group(2))
        if 1 <= months <= 11:
            facts.period_starts.setdefault(dt.date(year, 13 - months, 1), (row, text))
            facts.period_ends.setdefault(dt.date(year, 12, 31), (row, text))


def form_facts(grid: Grid, h: int, footnotes: Sequence[tuple[int, Sequence[object]]]) -> FormFacts:
    """The facts of the title lines and of the footnotes.

    The title lines are those above the header row ``h``; ``footnotes`` are the lines
    below it without figures.
    """
    facts = FormFacts()
    for row, line in zip(grid.numbers[:h], grid.rows[:h], strict=True):
        if text := _line(line):
            read_facts(facts, row, text, title=True)
    for row, cells in footnotes:
        if text := _line(cells):
            read_facts(facts, row, text, title=False)
    return facts


def sheet_year(
    facts: FormFacts, year: int | None, problems: Problems, notes: Problems
) -> int | None:
    """The year of a sheet without a year column.

    ``year`` when given (the title must not name another), else the one year its title
    names.
    """
    if year is not None:
        if facts.years and year not in facts.years:
            row, text = next(iter(facts.years.values()))
            problems.add(f"the title names another year than year={year}", row, value=text)
        return year
    if len(facts.years) > 1:
        shown = ", ".join(map(str, facts.years))
        problems.add(f"the title names several years ({shown}): pass year=...")
        return None
    for found, (row, text) in facts.years.items():
        notes.add(f"year {found} taken from the title", row, value=text)
        return found
    return None


def sheet_as_of(facts: FormFacts, as_of: object, problems: Problems, notes: Problems) -> object:
    """The date of the figures.

    ``as_of`` when given (the form must not state another), else the one the form states
    (``tính đến``), else the end of the period its title names (``6 tháng đầu năm 2024``:
    30 June 2024), else ``None``.
    """
    if as_of is not None:
        given = parse_date(as_of)
        for date, (row, text) in facts.dates.items():
            if date != given:
                problems.add(f"the form states another date than as_of={given}", row, value=text)
        return as_of
    for found, what in ((facts.dates, "stated date"), (facts.period_ends, "period")):
        if len(found) > 1:
            shown = ", ".join(d.isoformat() for d in found)
            problems.add(f"the form states several dates ({shown}): pass as_of=...")
            return None
        for date, (row, text) in found.items():
            notes.add(f"as_of {date.isoformat()} taken from the form's {what}", row, value=text)
            return date
    return None


def sheet_period_start(
    facts: FormFacts, period_start: object, problems: Problems, notes: Problems
) -> dt.date | None:
    """The first day of the figures' period, or None for the whole year (1 January).

    ``period_start`` when given (the form must not state another), else the one the form
    states in its title or a footnote (``6 tháng cuối năm 2025``: 1 July 2025; ``từ
    01/7/2025``), else None.
    """
    if period_start is not None:
        try:
            given = parse_date(period_start)
        except (ValueError, OverflowError) as exc:
            problems.add(f"period_start: {exc}", value=str(period_start))
            return None
        for date, (row, text) in facts.period_starts.items():
            if date != given:
                problems.add(
                    f"the form states another period start than period_start={given}",
                    row,
                    value=text,
                )
        return given
    if len(facts.period_starts) > 1:
        shown = ", ".join(d.isoformat() for d in facts.period_starts)
        problems.add(f"the form states several period starts ({shown}): pass period_start=...")
        return None
    for date, (row, text) in facts.period_starts.items():
        notes.add(f"period_start {date.isoformat()} taken from the form", row, value=text)
        return date
    return None


def is_column_numbers(cells: Sequence[object]) -> bool:
    """Whether a line numbers the columns: ``A, B, 1, 2, 3`` or ``(1), (2), (3)``."""
    texts = [t for t in (cell_text(v) for v in cells) if t is not None]
    found = [_COLUMN_NUMBER_RE.match(t) for t in texts]
    if len(texts) < 3 or not all(found):
        return False
    numbers = [int(m.group(1)) for m in found if m and m.group(1).isdigit()]
    return len(numbers) >= 2 and numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def is_group_heading(cells: Sequence[object], label: str | None) -> bool:
    """Whether a line without figures heads a group of units.

    It does when it has a label, or a roman numeral alone (``I``, ``II``).
    """
    texts = [t for t in (cell_text(v) for v in cells) if t is not None]
    return bool(texts) and (label is not None or all(_ROMAN_RE.match(t) for t in texts))


def facts_rows(facts: FormFacts) -> set[int]:
    """The rows whose text gave a fact (noted as such, not as group headings)."""
    found = (facts.years, facts.period_ends, facts.dates, facts.period_starts)
    return {row for facts_of in found for row, _ in facts_of.values()}
