"""Whether a result stated before a plan's percentage is of the period the percentage is of.

Used by :mod:`kpitools.extract.named_plans` when it gives a percentage of a named plan
(``hoàn thành 69% kế hoạch lợi nhuận``) the result stated before it: a figure of another
period than the percentage's is not its result, and no result is taken (precision first).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kpitools.extract.amounts import CLAUSE_MARKS, FULL_STOP, PART_OF_YEAR, last_end
from kpitools.extract.periods import one_part_named
from kpitools.textfold import fold, rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement

_SENTENCE_REACH = 400
"""How far (characters) a sentence's head or full stop is looked for: bounded, so linear."""

# "Năm 2041, công ty …": a sentence that opens on the whole year
_OPENS_ON_YEAR = rx(r"\W*năm\s+(?:19|20)\d\d\s*,")

# "quý III", "quý 4": a quarter after the first, whose amount is not the year's to date
LATER_QUARTER = rx(r"(?<!\w)quý\s+(?:ii|iii|iv|2|3|4)(?!\w)")

# "sau 9 tháng", "Lũy kế 6 tháng đầu năm", "tính chung": the months to date
MONTHS_TO_DATE = rx(
    r"(?<!\w)(?:\d+\s+tháng|lũy\s+kế|luỹ\s+kế|tính\s+chung|cộng\s+dồn|từ\s+đầu\s+năm)(?!\w)"
)

QUARTER = rx(r"(?<!\w)quý(?!\w)")


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence holding ``text[start:end]`` starts and where its full stop is."""
    head = last_end(FULL_STOP, text, start, max(0, start - _SENTENCE_REACH))
    stop = FULL_STOP.search(text, end, end + _SENTENCE_REACH)
    return head, stop.start() if stop else min(len(text), end + _SENTENCE_REACH)


def year_figure_for_part(text: str, c: LinkableStatement, s: LinkableStatement) -> bool:
    """Whether ``c`` is a figure of the whole year and ``s`` a percentage of part of it.

    ``Năm 2041, công ty lên kế hoạch doanh thu 900 tỷ đồng. Như vậy, sau 9 tháng, công ty
    đạt 70% kế hoạch doanh thu``: the sentence of ``c`` opens on the year (``Năm 2041,``)
    and names no quarter, month or week; the sentence of ``s`` names one. A figure given for
    the year (a plan, however it is worded) is not what some months have done.
    """
    head, stop = _sentence(text, c.start, c.end)
    own = fold(text[head:stop])
    if _OPENS_ON_YEAR.match(own) is None or PART_OF_YEAR.search(own):
        return False
    head, _ = _sentence(text, s.start, s.end)
    return PART_OF_YEAR.search(fold(text[head : s.end])) is not None


def quarter_before_months(text: str, c: LinkableStatement, s: LinkableStatement) -> bool:
    """Whether ``c`` is one later quarter's result and the months to date are told after it.

    ``Riêng quý III, công ty lãi 40 tỷ đồng. Lũy kế 9 tháng, lợi nhuận giữ mức năm trước.
    Như vậy, công ty đã hoàn thành 70% kế hoạch lợi nhuận năm``: a sentence between the
    quarter's result and the percentage turns to the months to date, and the percentage's
    own sentence names no quarter; the percentage is of the months to date, not of the
    quarter alone.
    """
    head, stop = _sentence(text, c.start, c.end)
    if not LATER_QUARTER.search(fold(text[head : c.end])):
        return False
    own, _ = _sentence(text, s.start, s.end)
    if stop >= own or QUARTER.search(fold(text[own : s.end])):
        return False
    return MONTHS_TO_DATE.search(fold(text[stop:own])) is not None


_CLAUSE_REACH = 80
"""How far (characters) before an amount the head of its clause is looked for."""


def one_part_for_months(text: str, c: LinkableStatement, s: LinkableStatement) -> bool:
    """Whether ``c`` is one month's or quarter's amount and ``s`` a percentage of months to date.

    ``Kết quả 7 tháng đầu năm, kim ngạch xuất khẩu chưa đạt 50% so với kế hoạch cả năm.`` …
    ``Cụ thể, kim ngạch xuất khẩu tháng 7 ước đạt 45 triệu USD``: the amount's clause names
    one month (``tháng 7``, ``quý II``), the percentage's sentence the months to date and no
    one part; the month's amount is not what the months have done.
    """
    low = max(0, c.start - _CLAUSE_REACH)
    window = fold(text[low : c.start])
    head = max(0, *(window.rfind(m) + 1 for m in CLAUSE_MARKS))
    if one_part_named(window, head, len(window)) is None:
        return False
    start, _ = _sentence(text, s.start, s.end)
    own = fold(text[start : s.end])
    return MONTHS_TO_DATE.search(own) is not None and one_part_named(own, 0, len(own)) is None
