"""Rows of indicator tables written one cell a line: the plan's and the result's columns.

A report's table of indicators, copied from a page, often comes out one cell a line::

    Chỉ tiêu
    Đơn vị
    Kế hoạch năm 2030
    Ước thực hiện năm 2030
    Tỷ lệ %
    1
    Số hội viên mới
    người
    120
    126
    105

The header names the plan's column and, right after it, the result's (a column of their
percentage may follow); each row that has a label, then as many cells as the header has
between the label's column and the plan's (the unit's), then a plan and a result written as
figures is a statement of the result against the plan. What does not fit is left out:
precision first. Lines holding only spaces are empty cells and are skipped, so a row whose
cells do not line up with the header (an empty unit, a result in words) does not fit.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

from kpitools.extract.notes import noted, seg
from kpitools.extract.stated_checks import stated_checks
from kpitools.extract.text import COUNTED_NOUNS, NUM, PLAN_NOUNS, written_qualifier
from kpitools.numbers import Percent, check_percent, parse_number, parse_percent
from kpitools.textfold import fold, rx

if TYPE_CHECKING:
    from kpitools.extract.phrases import PhraseBook

_YEAR = r"(?:\s+(?:năm\s+)?(?P<{}>(?:19|20)\d{{2}}))?"
_PLAN_HEAD = (
    r"(?:kế\s+hoạch|kh|mục\s+tiêu|dự\s+toán)(?:\s+(?:năm|giao|được\s+giao|đề\s+ra))?"
    + _YEAR.format("plan_year")
)
# "Thực hiện năm 2030", "Ước TH 6 tháng", "Thực hiện 9 tháng đầu năm", "Ước kết quả thực
# hiện", "Kết quả tuyển sinh": the result's column (a result named by the work's two words)
_DONE_HEAD = (
    r"(?:(?:ước\s+)?(?:thực\s+hiện|th|kết\s+quả(?:[ \t]+(?!năm(?!\w))[^\W\d_]+[ \t]+[^\W\d_]+)?)"
    r"|ước\s+đạt)"
    r"(?:\s+\d{1,2}\s+tháng(?:\s+đầu\s+năm)?|\s+năm)?" + _YEAR.format("done_year")
)
_DONE_CELL = rx(_DONE_HEAD)
# the header of a plan's column and, on the next line that is not empty, the result's
_HEADER = rx(
    rf"(?m)^[ \t]*(?P<plan>{_PLAN_HEAD})[ \t]*\n(?:[ \t]*\n)*[ \t]*(?P<done>{_DONE_HEAD})[ \t]*$"
)
# a table of units: "Đơn vị", "Địa phương", then the plan's column ("Chỉ tiêu", "Kế hoạch
# giao", "KH") and the result's, each row a unit's name, its plan and its result (and their
# percentage)
_UNIT_KIND = r"(?:huyện|quận|thị\s+xã|thành\s+phố|xã|phường|thị\s+trấn)"
_UNIT_HEADER = rx(
    # the column of units named by their kinds ("Quận, phường"): any name a unit
    rf"(?m)^[ \t]*(?:(?:tên\s+)?(?:đơn\s+vị|địa\s+phương)"
    rf"|(?P<kinds>{_UNIT_KIND}(?:\s*[,/]\s*{_UNIT_KIND})+))"
    r"[ \t]*\n(?:[ \t]*\n)*[ \t]*"
    r"(?P<plan>(?:chỉ\s+tiêu|kế\s+hoạch|kh)(?:\s+(?:năm|giao|được\s+giao))?"
    + _YEAR.format("plan_year")
    + rf")[ \t]*\n(?:[ \t]*\n)*[ \t]*(?P<done>{_DONE_HEAD})[ \t]*$"
)
# a row's label that names a unit: a committee, a level of government, an organisation
_UNIT_LABEL = rx(
    r"(?:đảng\s+bộ|đảng\s+ủy|đảng\s+uỷ|chi\s+bộ|xã|phường|huyện|quận|thị\s+xã|thị\s+trấn"
    r"|thành\s+phố|công\s+đoàn|hội|đoàn)(?!\w)"
)
# the header of the column of labels ("Các chỉ tiêu cơ bản", "Chỉ tiêu chủ yếu")
_LABEL_HEAD = rx(
    r"(?:(?:các\s+)?(?:tên\s+)?chỉ\s+tiêu(?:\s+(?:cơ\s+bản|chủ\s+yếu))?)|nội\s+dung|danh\s+mục"
    r"|hạng\s+mục"
)
# "Tỷ lệ %", "Tỉ lệ (%)", "Tỷ lệ đạt", "% so KH", "So với kế hoạch (%)", "TH/KH (%)", "Tỷ lệ
# TH/KH": the percentage of the plan
_PERCENT_HEAD = rx(
    r"(?:t[ỷỉ]\s+lệ\s*(?:đạt\s*)?)?(?:th\s*/\s*kh)?\s*(?:\(?%\)?)?"
    r"|%\s*so\s+(?:với\s+)?(?:kế\s+hoạch|kh)"
    r"|so\s+(?:với\s+)?(?:kế\s+hoạch|kh)\s*\(?%\)?"
)
# a heading's figures on label lines of their own: the plan's ("Chỉ tiêu: 30"), the result's
# ("Kết quả: 33"), and their percentage ("Đạt: 110%") optional; a count's noun may follow
# each figure, the same noun on both lines
_LABEL_LINES = rx(
    rf"(?m)^[ \t]*(?:chỉ\s+tiêu|kế\s+hoạch)[ \t]*:[ \t]*(?P<plan>{NUM})"
    rf"(?:[ \t]+(?P<noun>{COUNTED_NOUNS}))?[ \t]*\n(?:[ \t]*\n)*"
    rf"[ \t]*(?:kết\s+quả|thực\s+hiện)[ \t]*:[ \t]*(?P<done>{NUM})"
    rf"(?:[ \t]+(?P<noun2>{COUNTED_NOUNS}))?[ \t]*"
    rf"(?:\n(?:[ \t]*\n)*[ \t]*(?:đạt|tỷ\s+lệ)[ \t]*:[ \t]*(?P<pct>{NUM})[ \t]*%"
    rf"(?:[ \t]+(?:so\s+với\s+)?{PLAN_NOUNS})?[ \t]*)?$"
)
_HEAD_YEAR = rx(r"năm\s+((?:19|20)\d{2})(?!\d)")
_VALUE = rx(rf"(?:(?P<q>khoảng|dưới|trên|hơn|gần)\s+)?(?P<a>{NUM})(?:\s*[-–]\s*(?P<b>{NUM}))?\s*%?")
_PLAIN = rx(rf"(?P<a>{NUM})\s*%?")
# "812 tỷ 405 triệu đồng", "530 tỷ đồng", "31 triệu đồng/người/năm": an amount of money in a
# cell, its larger and smaller scale words read as one amount
_MONEY_CELL = rx(
    rf"(?:(?P<q>khoảng|dưới|trên|hơn|gần)\s+)?(?P<a>{NUM})\s*(?P<s>tỷ|tỉ|triệu|nghìn|ngàn)"
    r"(?:\s+(?P<m>\d{1,3})\s*(?P<s2>triệu|nghìn|ngàn))?\s+(?P<tail>đồng(?:\s*/\s*[^\W\d_]+){0,2})"
)
_CELL_SCALES = {"nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}
# "So" and "Kế hoạch" on lines of their own: the column of the plan's percentage
_SO_CELL = rx(r"so(?:\s+với)?")
_PLAN_CELL = rx(r"(?:kế\s+hoạch|kh)\s*(?:\(?%\)?)?")
_WORD = rx(r"[^\W\d_]{2,}")

LABEL_HEAD_REACH = 4
"""How many cells before the plan's column the column of labels may be."""
PROSE_CELL = 300
"""A cell this long (characters) or longer is prose: the table has ended."""
TABLE_REACH = 20_000
"""How far (characters) after its header a table's rows are read."""


class TableRow(NamedTuple):
    """One row of an indicator table: its label, the plan and the result it gives."""

    start: int
    end: int
    label: str
    actual: Decimal
    actual_qualifier: str | None
    target: Decimal | tuple[Decimal, Decimal]
    target_qualifier: str | None
    percent: Percent | None
    year: int | None
    yearly: bool
    unit: bool = False  # the label names a unit (a table of units), not an indicator
    measure: str | None = None  # money's unit as a cell writes it ("tỷ đồng"); values in đồng


class _Cell(NamedTuple):
    start: int
    end: int


def _cells(folded: str, start: int, end: int) -> Iterator[_Cell]:
    """The cells (lines that hold more than spaces) of ``folded[start:end]``, trimmed."""
    at = start
    while at < end:
        stop = folded.find("\n", at, end)
        stop = end if stop < 0 else stop
        line = folded[at:stop]
        if line.strip():
            lead = len(line) - len(line.lstrip())
            yield _Cell(at + lead, at + len(line.rstrip()))
        at = stop + 1


def _cells_before(folded: str, at: int, n: int) -> list[str]:
    """The ``n`` cells (or fewer) that end before ``at``, nearest first."""
    out: list[str] = []
    lo = max(0, at - 100 * n)
    for c in _cells(folded, lo, at):
        out.append(folded[c.start : c.end])
    return out[::-1][:n]


def _cell_before(folded: str, at: int) -> _Cell | None:
    """The cell that ends nearest before ``at`` (a whole line within a cell's reach), if any."""
    lo = max(0, at - PROSE_CELL)
    if lo > 0 and folded[lo - 1] != "\n":  # a line cut by the reach: start after it
        lo = folded.find("\n", lo, at) + 1
        if lo == 0:
            return None
    last = None
    for c in _cells(folded, lo, at):
        last = c
    return last


def _is_label(cell: str) -> bool:
    """Whether ``cell`` may be a row's label: two words of letters at least, no figure."""
    return (
        len(cell) < PROSE_CELL and len(_WORD.findall(cell)) >= 2 and _VALUE.fullmatch(cell) is None
    )


def table_rows(text: str, folded: str, end: int) -> list[TableRow]:
    """The rows of the indicator tables of ``text`` (see the module docstring), before ``end``.

    ``folded`` is ``text`` folded (:func:`kpitools.textfold.fold`), offsets alike.
    """
    out: list[TableRow] = []
    at = 0
    for m in _HEADER.finditer(folded, 0, end):
        if m.start() < at:
            continue
        rows = _rows_after(text, folded, m, end, _header_shape(folded, m))
        out.extend(rows)
        if rows:
            at = rows[-1].end
    return (
        out
        + _unit_rows(text, folded, end, at)
        + _label_line_rows(text, folded, end)
        + _row_line_rows(text, folded, end)
    )


def _label_line_rows(text: str, folded: str, end: int) -> list[TableRow]:
    """A heading's plan and result on label lines of their own, their percentage optional.

    As in::

        Chi bộ thôn Gò Mây
        Chỉ tiêu: 30
        Kết quả: 33
        Đạt: 110%

    The heading is the line above the plan's (a unit's name or a measure's, two words at
    least, no colon but at its end); the figures are plain or followed by the same count's
    noun (never a scale word: no amount of money is read here). What does not fit is left out.
    """
    out: list[TableRow] = []
    for m in _LABEL_LINES.finditer(folded, 0, end):
        if (m.group("noun") or "") != (m.group("noun2") or ""):
            continue
        head = _cell_before(folded, m.start())
        label = folded[head.start : head.end].rstrip(":").rstrip() if head else ""
        if head is None or ":" in label or not _is_label(label):
            continue
        year = _HEAD_YEAR.search(label)
        pct = m.group("pct")
        out.append(
            TableRow(
                start=m.start("plan"),
                end=m.end(),
                label=" ".join(text[head.start : head.start + len(label)].split()),
                actual=parse_number(m.group("done")),
                actual_qualifier=None,
                target=parse_number(m.group("plan")),
                target_qualifier=None,
                percent=parse_percent(pct + "%") if pct else None,
                year=int(year.group(1)) if year else None,
                yearly=False,
                unit=_UNIT_LABEL.match(label) is not None,
            )
        )
    return out


# "Chi bộ thôn Gò Mây - kết nạp đảng viên năm 2030": a unit's name, a dash, what it counts
_HEADING_DASH = rx(r"\s[-–]\s")


def unit_and_metric(heading: str) -> tuple[str, str]:
    """A heading's unit's name and the words after it that name what is counted.

    Only a heading that opens with a unit and has one dash between spaces is cut there
    (``Chi bộ thôn Gò Mây - kết nạp đảng viên năm 2030``); any other is kept whole.
    """
    folded = fold(heading)
    cuts = list(_HEADING_DASH.finditer(folded))
    if len(cuts) != 1 or _UNIT_LABEL.match(folded) is None:
        return heading, ""
    return heading[: cuts[0].start()].strip(), heading[cuts[0].end() :].strip()


def heading_metric(words: str, phrases: PhraseBook) -> str | None:
    """The metric the words of a heading name, read by the phrase book as in a sentence.

    Its noun at the start of a word of theirs, its near and context words among them.
    """
    folded = fold(words)
    for m in _WORD.finditer(folded):
        found = phrases.match(folded[m.start() :], folded, folded)
        if found is not None:
            return found[0]
    return None


def _unit_rows(text: str, folded: str, end: int, at: int) -> list[TableRow]:
    """The rows of the tables of units of ``text`` after ``at``.

    Each row's label is a unit's name, the plan's column right after it.
    """
    out: list[TableRow] = []
    for m in _UNIT_HEADER.finditer(folded, at, end):
        if m.start() < at:
            continue
        numbered = _STT.fullmatch(" ".join(_cells_before(folded, m.start(), 1)))
        rows = [
            r._replace(unit=True)
            for r in _rows_after(text, folded, m, end, (1, _percent_follows(folded, m), False))
            if (m.group("kinds") or _UNIT_LABEL.match(fold(r.label)))
            # a numbered table's row with no number is a group's total, left out
            and not (numbered and not _numbered_row(folded, r.start))
        ]
        out.extend(rows)
        if rows:
            at = rows[-1].end
    return out


_STT = rx(r"stt|số\s+tt|tt")
_ROW_NUMBER = re.compile(r"\d{1,3}\.?")


def _numbered_row(folded: str, start: int) -> bool:
    """Whether the row at ``start`` has its number in the cell before it."""
    c = _cell_before(folded, start)
    return c is not None and _ROW_NUMBER.fullmatch(folded[c.start : c.end]) is not None


def _header_shape(folded: str, m: re.Match[str]) -> tuple[int, bool, bool] | None:
    """The header's shape: cells between a row's label and its plan, a percentage column.

    How many cells lie between the label and the plan, whether a column of percentages
    follows the result's, and whether the cells between are an earlier year's results
    (``TH năm 2040``, ``KH năm 2041``, ``Ước TH năm 2041``: figures, no units); None when no
    column of labels heads the table.
    """
    plan_year, done_year = m.group("plan_year"), m.group("done_year")
    if plan_year and done_year and plan_year != done_year:
        return None
    before = _cells_before(folded, m.start("plan"), LABEL_HEAD_REACH)
    gap = next((i + 1 for i, c in enumerate(before) if _LABEL_HEAD.fullmatch(c)), None)
    if gap is None:
        return None
    between = before[: gap - 1]
    past = bool(between) and all(_earlier_results(c, plan_year) for c in between)
    if not past and any(_DONE_CELL.fullmatch(c) for c in between):
        return None  # a column of results before the plan's: no column of units between
    return gap, _percent_follows(folded, m), past


def _earlier_results(cell: str, plan_year: str | None) -> bool:
    """Whether ``cell`` heads the results of a year before the plan's (``TH năm 2040``)."""
    d = _DONE_CELL.fullmatch(cell)
    year = d.group("done_year") if d is not None else None
    return year is not None and plan_year is not None and int(year) < int(plan_year)


def _percent_follows(folded: str, m: re.Match[str]) -> bool:
    """Whether a column of percentages follows the result's in the header ``m`` matched.

    Its name may be broken over two lines: ``So`` and ``Kế hoạch``.
    """
    cells = _cells(folded, m.end() + 1, min(len(folded), m.end() + 200))
    names = [folded[c.start : c.end] for c in itertools.islice(cells, 2)]
    if not names:
        return False
    if _SO_CELL.fullmatch(names[0]):
        return len(names) == 2 and _PLAN_CELL.fullmatch(names[1]) is not None
    return _PERCENT_HEAD.fullmatch(names[0]) is not None


def _rows_after(
    text: str, folded: str, m: re.Match[str], end: int, shape: tuple[int, bool, bool] | None
) -> list[TableRow]:
    """The rows of the table whose header ``m`` matched, of the shape given.

    The shape: how many cells lie between a row's label and its plan, whether a column of
    percentages follows, and whether the cells between are earlier results (figures); None
    when there is no table.
    """
    if shape is None:
        return []
    gap, percent, past = shape
    width = gap + 2 + percent
    year = m.group("plan_year") or m.group("done_year")
    yearly = "năm" in m.group("plan")
    cells: list[_Cell] = []
    out: list[TableRow] = []
    for c in _cells(folded, m.end(), min(end, m.end() + TABLE_REACH)):
        if c.end - c.start >= PROSE_CELL:
            break
        cells.append(c)
    i = 0
    while i < len(cells):
        row = _row(text, folded, cells[i : i + width], gap, percent, past=past)
        if row is None:
            i += 1
            continue
        out.append(row._replace(year=int(year) if year else None, yearly=yearly))
        i += width
    return out


def _row(
    text: str, folded: str, cells: list[_Cell], gap: int, percent: bool, *, past: bool = False
) -> TableRow | None:
    """The row that starts at ``cells[0]``, when its cells fit the header's shape.

    The cells between the label and the plan are units, or figures when ``past`` (an earlier
    year's results).
    """
    if len(cells) < gap + 2 + percent:
        return None
    words = [folded[c.start : c.end] for c in cells]
    if not _is_label(words[0]):
        return None
    between = [_VALUE.fullmatch(w) is not None for w in words[1:gap]]
    if (past and not all(between)) or (not past and any(between)):
        return None
    plan, done = _VALUE.fullmatch(words[gap]), _VALUE.fullmatch(words[gap + 1])
    if plan is None or done is None:
        return None if past else _money_row(text, cells, words, gap, percent)
    if done.group("b"):
        return None
    stated = None
    if percent:
        p = _PLAIN.fullmatch(words[gap + 2])
        if p is None:
            return None
        stated = parse_percent(p.group("a") + "%")
    low = parse_number(plan.group("a"))
    target = (low, parse_number(plan.group("b"))) if plan.group("b") else low
    return TableRow(
        start=cells[0].start,
        end=cells[-1].end,
        label=" ".join(text[cells[0].start : cells[0].end].split()),
        actual=parse_number(done.group("a")),
        actual_qualifier=written_qualifier(text, done, "q", cells[gap + 1].start),
        target=target,
        target_qualifier=written_qualifier(text, plan, "q", cells[gap].start),
        percent=stated,
        year=None,
        yearly=False,
    )


def _money(text: str, cell: str, at: int) -> tuple[Decimal, str, str | None] | None:
    """A cell's amount of money in đồng, its unit after the number and its qualifier.

    The folded ``cell`` starts at ``at``; the qualifier is taken as ``text`` writes it.

    ``812 tỷ 405 triệu đồng`` is one amount, 812.405 billion; the smaller scale word must be
    below the larger and its figure under a thousand of it, else the cell is not read.
    """
    m = _MONEY_CELL.fullmatch(cell)
    if m is None:
        return None
    scale = _CELL_SCALES[m.group("s")]
    value = parse_number(m.group("a")) * scale
    if m.group("m"):
        small = _CELL_SCALES[m.group("s2")]
        if small >= scale:
            return None
        value += int(m.group("m")) * small
    unit = m.group("s") + " " + " ".join(m.group("tail").split())
    return value, unit, written_qualifier(text, m, "q", at)


def _money_row(
    text: str, cells: list[_Cell], words: list[str], gap: int, percent: bool
) -> TableRow | None:
    """The row of amounts of money (the plan's and the result's in one unit) at ``cells[0]``."""
    plan = _money(text, words[gap], cells[gap].start)
    done = _money(text, words[gap + 1], cells[gap + 1].start)
    if plan is None or done is None or plan[1].split()[1:] != done[1].split()[1:]:
        return None
    p = _PLAIN.fullmatch(words[gap + 2]) if percent else None
    if percent and p is None:
        return None
    return TableRow(
        start=cells[0].start,
        end=cells[-1].end,
        label=" ".join(text[cells[0].start : cells[0].end].split()),
        actual=done[0],
        actual_qualifier=done[2],
        target=plan[0],
        target_qualifier=plan[2],
        percent=parse_percent(p.group("a") + "%") if p else None,
        year=None,
        yearly=False,
        measure=plan[1],
    )


def row_checks(r: TableRow) -> dict[str, Any]:
    """The verdict and note of a row.

    Its percentage checked against its figures when the plan is one figure written plainly
    and the result has no qualifier; else unchecked.
    """
    lead = seg("table_row")
    none: dict[str, Any] = {"computed_percent": None, "consistent": None, "verdict": "unchecked"}
    if r.percent is None:
        return {**none, **noted(lead, seg("no_percent"))}
    t = r.target
    if not isinstance(t, Decimal) or t == 0 or r.target_qualifier or r.actual_qualifier:
        return {**none, **noted(lead, seg("target_approximate"))}
    check = check_percent(r.percent, r.actual, t)
    assert check.exact is not None
    said = seg("percent", a=f"{r.actual:f}", t=f"{t:f}", exact=f"{check.exact:.6g}")
    return {
        "computed_percent": check.computed,
        **stated_checks((seg("table_row_checked"), said), None, check, r.percent.value),
    }


# the header of a table written a row a line: the column of labels opens a line, the
# columns' names follow on it or on the lines below, up to the first row
# ("STT Tên đơn vị": a table of units, each row a unit's plan and result)
# ("Chỉ tiêuĐơn vị tínhƯớc đạtDự toán": a header pasted with its cells run together)
_LINE_HEAD = rx(
    r"(?m)^[ \t]*(?:(?:tên\s+)?chỉ\s+tiêu|nội\s+dung|danh\s+mục"
    r"|(?P<units>(?:stt\s+)?tên\s+đơn\s+vị))(?:(?!\w)|(?=đơn\s+vị))"
)
# a row written a line: its label (two words at least, at most ROW_LABEL_CHARS characters),
# then its figures, one a column (at most ROW_COLUMNS): bounded, so that a long line of
# figures costs no more than a short one per character
ROW_LABEL_CHARS = 300
ROW_COLUMNS = 24
_ROW_LINE = rx(
    rf"(?m)^[ \t]*(?P<label>\S[^\n]{{0,{ROW_LABEL_CHARS}}}?)"
    rf"(?P<figs>(?:[ \t]+(?:{NUM})){{2,{ROW_COLUMNS}}})[ \t]*$"
)
_FIG = rx(NUM)
# the columns a header names, in the order written; a name not below is no column
_COLUMN = rx(
    r"(?<!\w)(?:"
    r"(?P<growth>(?:tỷ\s+lệ\s*)?(?:\(?%\)?\s*)?so\s+(?:với\s+)?cùng\s+kỳ(?:\s*\(%\)|\s*%)?"
    r"|tăng\s*[/,]\s*giảm(?:\s*\(%\)|\s*%)?)"
    r"|(?P<pct>(?:tỷ\s+lệ\s*(?:\(%\)|%)?\s*)?(?:th\s*/\s*kh|(?:%\s*)?so\s+(?:với\s+)?"
    r"(?:kế\s+hoạch|kh))(?:\s*\(%\)|\s*%)?|tỷ\s+lệ(?:\s*\(%\)|\s*%)?)"
    r"|(?P<plan>kế\s+hoạch|kh|mục\s+tiêu|dự\s+toán)"
    r"|(?P<done>(?:ước\s+)?(?:thực\s+hiện|th)|ước\s+đạt|kết\s+quả|thực\s+đạt)"
    r"|(?P<other>cùng\s+kỳ|đơn\s+vị(?:\s+tính)?|đvt)"
    r")(?!\w)"
)
HEADER_LINES = 12
"""How many lines a header written a row a line may take, up to its first row."""
# a label's unit that is a rate of two (days per visitor, tonnes per hectare)
_RATE_UNIT = rx(r"\([^()]*\w\s*/\s*\w[^()]*\)\s*$")


def _line_columns(header: str) -> list[str] | None:
    """The kinds of the columns ``header`` names, in order; None when it names none."""
    kinds: list[str] = []
    at = 0
    for m in _COLUMN.finditer(header):
        if header[at : m.start()].strip(" \t\n()") and not kinds:
            return None  # words before the first column's name: not a header read here
        kinds.append(next(k for k, v in m.groupdict().items() if v is not None))
        at = m.end()
    return kinds or None


def _row_line_rows(text: str, folded: str, end: int) -> list[TableRow]:
    """The rows of the indicator tables of ``text`` written a row a line, before ``end``.

    As in::

        Chỉ tiêu
        Thực hiện năm 2040
        Kế hoạch năm 2041
        Ước TH 6 tháng So cùng kỳ (%)
        Số hộ được cấp nước sạch (hộ) 1.250 1.400 820 104,3

    The header names each column (a result, the plan, a result, a growth or the percentage of
    the plan); a row is its label and as many figures as the header has columns. The plan is
    the one column named a plan, the result the first column named a result after it, the
    percentage the column named the plan's percentage. A header with a column of units, two
    plans or no result after its plan is not read, nor a row whose unit is a rate of two.
    """
    out: list[TableRow] = []
    at = 0
    for m in _LINE_HEAD.finditer(folded, 0, end):
        if m.start() < at:
            continue
        first = _ROW_LINE.search(folded, m.end(), end)
        if first is None or folded.count("\n", m.end(), first.start()) > HEADER_LINES:
            continue
        kinds, names = _header_columns(text, folded, (m.end(), first.start()))
        if kinds is not None and m.group("units"):
            kinds = _under_title(folded[m.end() : first.start()], kinds)
        if kinds is None or "other" in kinds or kinds.count("plan") != 1:
            continue
        cols = _plan_and_done(kinds, names)
        if cols is None:
            continue
        head = folded[m.start() : first.start()]
        rows = _line_rows(text, folded, (first.start(), end), kinds, cols)
        years = [int(y) for y in _HEAD_YEAR_ANY.findall(head)]
        if m.group("units"):
            rows = [_unit_row(r, head) for r in rows]
        out.extend(
            r._replace(year=max(years) if years else None, yearly="năm" in head) for r in rows
        )
        if rows:
            at = rows[-1].end
    return out


_HEAD_YEAR_ANY = rx(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def _header_columns(text: str, folded: str, span: tuple[int, int]) -> tuple[list[str] | None, str]:
    """The kinds of a header's columns and its names as read (folded).

    A header run together (:func:`_glued_names`) is read by its cells, else as written.
    """
    glued = _glued_names(text[span[0] : span[1]])
    kinds = _line_columns(glued) if glued is not None else None
    if kinds is not None and glued is not None:
        return kinds, glued
    return _line_columns(folded[span[0] : span[1]]), folded[span[0] : span[1]]


# a header's words once its columns' names are taken out: at most the word "năm"
_BARE_CELLS = rx(r"[\s()]*(?:năm[\s()]*)?")


def _plan_and_done(kinds: list[str], header: str) -> tuple[int, int] | None:
    """The plan's column and the result's, or None.

    The result is the first column named one after the plan; or, in a header of a result and
    a plan alone whose cells are bare (``Thực hiện | Kế hoạch năm``), the one before it. A
    cell that names its period (``Thực hiện 2040 | Kế hoạch 2041``, ``Thực hiện năm nay |
    Kế hoạch năm sau``) may be a past result beside a later plan: no pair.
    """
    plan = kinds.index("plan")
    done = next((i for i in range(plan + 1, len(kinds)) if kinds[i] == "done"), None)
    if (
        done is None
        and kinds == ["done", "plan"]
        and _BARE_CELLS.fullmatch(_COLUMN.sub(" ", header))
    ):
        done = 0
    return None if done is None else (plan, done)


# a column of units first in a header run together, its cells words in the rows' labels
_UNIT_COLUMN = rx(r"^\s*(?:đơn\s+vị(?:\s+tính)?|đvt)(?!\w)")


def _glued_names(header: str) -> str | None:
    """The names of a header pasted with its cells run together (folded, spaced), or None.

    ``Đơn vị tínhƯớc đạtDự toán``, ``Ước đạt 2040Dự toán 2041``: a capital right
    after a small letter or a digit opens a cell; a first column of units is left out (the
    rows write its cells in their labels). None when no cells run together.
    """
    opens = [
        i
        for i in range(1, len(header))
        if header[i].isupper() and (header[i - 1].islower() or header[i - 1].isdigit())
    ]
    if not opens:
        return None
    names = fold(" ".join(header[i:j] for i, j in itertools.pairwise([0, *opens, len(header)])))
    unit = _UNIT_COLUMN.match(names)
    return names[unit.end() :] if unit else names


# "Kết quả năm 2041" on the line of "STT Tên đơn vị", above "Kế hoạch" and "Thực hiện": the
# title of the columns below, no column of its own
_LINE_END = re.compile(r"\n")
# "(1.000 đồng)", "(nghìn đồng)": the scale of a column of money
_THOUSANDS_HEAD = rx(r"\(\s*(?:1\.000|nghìn|ngàn)\s*(?:đồng|đ)\s*\)")
_MONEY_HEAD = rx(r"\([^()]*(?:đồng|đ)\s*\)")
_ORDINAL = re.compile(r"\d{1,3}\.?\s+")


def _under_title(header: str, kinds: list[str]) -> list[str]:
    """The columns of a table of units, without a title over them.

    The title is the one column name on the line of the units' column (``Kết quả năm
    2041``), when the lines below name both the plan's column and the result's.
    """
    line_end = _LINE_END.search(header)
    if line_end is None:
        return kinds
    on_head = list(_COLUMN.finditer(header, 0, line_end.start()))
    below = kinds[len(on_head) :]
    if len(on_head) == 1 and "plan" in below and "done" in below:
        return below
    return kinds


def _unit_row(r: TableRow, head: str) -> TableRow:
    """A row of a table of units, its label without its ordinal (``1 Huyện Bắc Sơn``).

    Its amounts are in đồng when every column of money the header names is in thousands.
    """
    label = _ORDINAL.sub("", r.label, count=1) if _ORDINAL.match(r.label) else r.label
    r = r._replace(label=label, unit=True)
    money = _MONEY_HEAD.findall(head)
    if not money or not all(_THOUSANDS_HEAD.fullmatch(c) for c in money):
        return r
    target = r.target * 1000 if isinstance(r.target, Decimal) else r.target
    if not isinstance(target, Decimal):
        return r
    return r._replace(actual=r.actual * 1000, target=target, measure="nghìn đồng")


def _line_rows(
    text: str, folded: str, span: tuple[int, int], kinds: list[str], cols: tuple[int, int]
) -> list[TableRow]:
    """The rows from ``span[0]`` on, each a line, until a line that is no row nor label."""
    out: list[TableRow] = []
    plan, done = cols
    pct = kinds.index("pct") if "pct" in kinds else None
    for c in _cells(folded, span[0], min(span[1], span[0] + TABLE_REACH)):
        line = folded[c.start : c.end]
        m = _ROW_LINE.fullmatch(line)
        if m is None:
            if len(line) < 120 and _is_label(line) and not _FIG.search(line):
                continue  # a section's heading between rows
            break
        figs = [f.group() for f in _FIG.finditer(m.group("figs"))]
        label = m.group("label").strip()
        if len(figs) != len(kinds) or not _is_label(label) or _RATE_UNIT.search(label):
            continue
        out.append(
            TableRow(
                start=c.start,
                end=c.end,
                label=" ".join(text[c.start : c.start + len(label)].split()),
                actual=parse_number(figs[done]),
                actual_qualifier=None,
                target=parse_number(figs[plan]),
                target_qualifier=None,
                percent=parse_percent(figs[pct] + "%") if pct is not None else None,
                year=None,
                yearly=False,
            )
        )
    return out
