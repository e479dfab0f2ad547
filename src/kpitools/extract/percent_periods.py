"""Percentages of one period given to an amount of another.

A percentage written in a sentence after its amount's (``Sau 6 tháng, công ty hoàn thành 40%
kế hoạch``) is of the period its sentence names or of the figures just stated; when the amount
it was given to is of a shorter period written before it (a quarter's, a month's), or the
sentence right before the percentage states another amount of the same measure and the
percentage points back to it (``Với kết quả này, …``, ``Như vậy, …``), the pairing is
wrong and :func:`drop_other_period_percentages` takes the statement out.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.amounts import BACK_REFERENCE, FULL_STOP, last_end, part_opened
from kpitools.textfold import fold, rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement


# "Sau 6 tháng", "Tính chung 7 tháng đầu năm", "nửa đầu năm": months to date; not a date
# ("ngày 31 tháng 12")
_MONTHS = rx(r"(?<!\w)(?<!ngày\s)(\d{1,2})\s+tháng(?!\w)(?!\s*\d)")
_HALF = rx(r"(?<!\w)nửa\s+(?:đầu\s+)?năm(?!\w)")
# "quý II", "quý 3": a quarter; "tháng 7", "tháng này": one month
_QUARTER = rx(r"(?<!\w)quý\s+(?:iv|i{1,3}|[1-4])(?!\w)")
_ONE_MONTH = rx(r"(?<![\w,.])tháng\s+(?:\d{1,2}|này)(?![\w/])")
# "(Tính) đến hết tháng 8", "đến cuối quý II": the months to its end, no shorter period
_UP_TO = rx(
    r"(?<!\w)đến\s+(?:hết\s+|cuối\s+)?(?:quý|tháng)\s+(?:iv|i{1,3}|[1-4]|\d{1,2}|này)(?!\w)"
)
# "doanh thu lũy kế", "lũy kế đạt …", "từ đầu năm" after a quarter's words: the running total
_RUNNING = rx(r"(?<!\w)(?:lũy\s+kế|từ\s+đầu\s+năm)(?!\w)")

_AMOUNT_REACH = 400
"""How far before an amount (characters) the period it is of is looked for."""


def _months_named(folded: str) -> int | None:
    """The months to date the words name (the last written), or None."""
    found = [(m.start(), int(m.group(1))) for m in _MONTHS.finditer(folded)]
    found += [(m.start(), 6) for m in _HALF.finditer(folded)]
    if not found:
        return None
    months = max(found)[1]
    return months if months >= 2 else None


def _shorter_only(folded: str, months: int) -> bool:
    """Whether the words name a shorter period than ``months`` and none as long.

    A quarter, one month or fewer months; ``Lũy kế 7 tháng`` before a month's words keeps
    the amount after them of the seven months, and so do ``đến hết tháng 8`` (the months to
    its end) and ``lũy kế`` after the shorter period's words (``Tính đến hết quý II, doanh
    thu lũy kế …``).
    """
    folded = _UP_TO.sub(lambda m: " " * len(m.group()), folded)
    counted = [(m.end(), int(m.group(1))) for m in _MONTHS.finditer(folded)]
    counted += [(m.end(), 6) for m in _HALF.finditer(folded)]
    if any(n >= months for _, n in counted):
        return False
    shorter = [end for end, n in counted if n < months]
    if months > 3:
        shorter += [m.end() for m in _QUARTER.finditer(folded)]
    shorter += [m.end() for m in _ONE_MONTH.finditer(folded)]
    return bool(shorter) and _RUNNING.search(folded, max(shorter)) is None


def _amount_period(text: str, at: int) -> str:
    """The folded words before the amount at ``at`` that name the period it is of.

    Its own sentence when that names a period or a running total (``Lũy kế từ đầu năm, …``:
    a quarter a paragraph before is another figure's), else up to :data:`_AMOUNT_REACH`
    characters back (``Trong quý III, … lỗ 4 tỷ đồng.``, then a paragraph ``Doanh thu …
    đạt 61,5 tỷ đồng``: the quarter's).
    """
    floor = max(0, at - _AMOUNT_REACH)
    own = fold(text[last_end(FULL_STOP, text, at, floor) : at])
    named = (_MONTHS, _HALF, _QUARTER, _ONE_MONTH, _RUNNING)
    if any(p.search(own) for p in named):
        return own
    return fold(text[floor:at])


def _result_at(s: LinkableStatement, text: str) -> int | None:
    """Where the result linked to the percentage ``s`` from an earlier sentence is written."""
    for name, fields in json.loads(s.note_data or "[]"):
        if name == "actual_linked" and fields.get("text"):
            at = text.rfind(fields["text"], 0, s.start)
            return at if at >= 0 else None
    return None


def _of_another_period(
    s: LinkableStatement, text: str, ordered: Sequence[LinkableStatement], starts: list[int]
) -> bool:
    """Whether the percentage of ``s`` is of another period than its amount.

    Only a percentage in a later sentence than its amount (see the module).
    """
    if s.stated_kind not in ("attainment", "excess") or s.actual is None:
        return False
    at = _result_at(s, text)
    if at is None or FULL_STOP.search(text, at, s.start) is None:
        return False
    head = last_end(FULL_STOP, text, s.start, at)
    own = fold(text[head : s.start])
    months = _months_named(own)
    if months is not None:
        return _shorter_only(_amount_period(text, at), months)
    if not BACK_REFERENCE.match(own):
        return False
    # the sentence right before the percentage's: the figures "Với kết quả này" points at
    ends = [m.end() for m in FULL_STOP.finditer(text, at, max(at, head - 1))]
    if not ends:
        return False
    low, high = bisect.bisect_left(starts, ends[-1]), bisect.bisect_left(starts, head)
    return any(_restates(c, s, text) for c in ordered[low:high])


def _restates(c: LinkableStatement, s: LinkableStatement, text: str) -> bool:
    """Whether ``c``, in the sentence before the percentage of ``s``, is the figure it is of.

    Not a part (``Trong đó, khách quốc tế đạt 1,2 triệu lượt``) nor a smaller amount than the
    result linked to ``s``: the total before the breakdown keeps its percentage.
    """
    if c is s or c.actual is None or not _same_kind(c, s):
        return False
    smaller = (
        isinstance(c.actual, Decimal) and isinstance(s.actual, Decimal) and c.actual < s.actual
    )
    return not smaller and not part_opened(c, text)


def _same_kind(c: LinkableStatement, s: LinkableStatement) -> bool:
    """Whether two amounts are in one currency or count one thing.

    ``lượt`` and ``lượt khách quốc tế``: the same unit, one named more fully.
    """
    return c.measure == s.measure and c.label.split()[:1] == s.label.split()[:1]


def drop_other_period_percentages(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, those whose percentage is of another period than their amount out.

    ``Quý III, doanh thu đạt 120 tỷ đồng. … Sau 9 tháng, công ty hoàn thành 70% kế hoạch
    năm``: 70 % is of the nine months, not of the quarter's 120; ``Tháng 8, tỉnh đón 0,4
    triệu lượt khách. Tính chung 8 tháng, tỉnh đón 3,6 triệu lượt. Với kết quả này, tỉnh
    hoàn thành 60% kế hoạch năm``: of the eight months' 3,6. A percentage whose sentence
    names no period nor points back, or of the amount's own sentence, keeps its reading.
    """
    ordered = sorted(statements, key=lambda c: c.start)
    starts = [c.start for c in ordered]
    return [s for s in statements if not _of_another_period(s, text, ordered, starts)]
