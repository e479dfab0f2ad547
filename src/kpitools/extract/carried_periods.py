"""The part of a year an earlier sentence names, carried to the next sentences of its paragraph.

``Trong quý II/2041, doanh thu thuần đạt 410 tỷ đồng. Lợi nhuận sau thuế đạt 36 tỷ đồng.``:
the second sentence names no period, and goes on with the first's quarter.
:func:`period_carried` says so for an amount, for
:func:`~kpitools.extract.part_year.link_part_year_amounts`.
"""

from __future__ import annotations

import functools
from decimal import Decimal

from kpitools.extract.amounts import (
    FULL_STOP,
    MEASURE_NAMES_RX,
    PLAN_CUE,
    Amount,
    head_of_sentence,
    measure_kind,
)
from kpitools.extract.numerals import PERCENT
from kpitools.extract.periods import part_key
from kpitools.extract.target_words import AIM_WORDS
from kpitools.extract.text import PLAN_NOUNS
from kpitools.numbers import try_parse_number
from kpitools.textfold import rx

CARRY_REACH = 1200
"""How far back (characters) in its paragraph an amount's period may have been named."""

# any word that names a time: a part of a year, a year, a base of comparison, a past period
_TIME = rx(
    r"(?<!\w)(?:quý|tháng|tuần|năm|kỳ|ngày|hôm|nay|vừa\s+qua|trước(?!\s+thuế)|ngoái)(?!\w)"
    r"|(?<!\d)(?:19|20)\d\d(?!\d)|\d{1,2}\s*/\s*\d{1,2}"
)
# "so với cùng kỳ năm trước", "so với 6 tháng đầu năm 2040": the base of a change, up to the
# end of its clause (it names the period the change is measured from, not the sentence's)
_BASE = rx(r"(?<!\w)so\s+với(?!\w)[^,;.()\n]*")
# the part of a year a sentence names: "quý II/2041", "6 tháng đầu năm 2041", "nửa đầu năm",
# "tháng 7 năm 2041"; its key (the quarter, the months counted, the month)
_PART = rx(
    r"(?<!\w)(?:(?:trong|lũy\s+kế|tính\s+chung|trong\s+cả)\s+)?"
    r"(?:quý\s+(?P<q>iv|i{1,3}|[1-4])|(?P<n>[1-9]|1[01])\s+tháng(?:\s+đầu\s+năm)?"
    r"|tháng\s+(?P<m>[1-9]|1[0-2])|nửa\s+đầu\s+năm)(?!\w)"
    r"(?:\s*(?:/|năm)\s*(?P<y>(?:19|20)\d\d)(?!\d))?(?:\s+(?:vừa\s+qua|năm\s+nay|này)(?!\w))?"
)
# "Trong đó, …", "Riêng mảng …": a sentence of a part of what the one before it counted;
# "dự kiến", "sẽ", "kỳ vọng": a sentence of what is to come
_PART_OPENING = rx(r"(?<!\w)(?:trong\s+đó|trong\s+số|riêng|gồm|bao\s+gồm)(?!\w)")
_TO_COME = rx(rf"(?<!\w)(?:sẽ|{AIM_WORDS}|dự\s+báo|ước\s+tính\s+cả\s+năm)(?!\w)")
# "tăng hơn 19%", "giảm 4%": the percentage of a change
_CHANGE_BEFORE = rx(r"(?<!\w)(?:tăng|giảm)(?:\s+(?:trưởng|tới|đến|khoảng|gần|hơn|trên))*\s*$")
# "gần 20% kế hoạch", "hơn 45% mục tiêu": a percentage of a plan, hedged
# (not an excess: "vượt gần 15% kế hoạch" is 115 % of it)
_HEDGE_BEFORE = rx(r"(?<!\w)(?<!vượt\s)(?:gần|hơn|khoảng|trên|xấp\s+xỉ)\s*$")
# "… lần lượt 93% và 61% kế hoạch năm": maybe in a list of percentages of plans; "70% doanh
# thu kế hoạch năm": the measure named between
_OF_PLAN_AFTER = rx(
    r"\s*(?:%(?:\s*(?:,|và)\s*\d[\d.,]*\s*%)*|phần\s+trăm)\s*(?:so\s+với\s+)?"
    rf"(?:(?:{MEASURE_NAMES_RX.pattern})\s+)?{PLAN_NOUNS}(?!\w)"
)
HEDGED_SLACK = Decimal(2)
"""How far (points) a hedged percentage of a plan (``gần 20% kế hoạch``) may be from an
amount's share of the plan and still be that amount's."""
SHARE_SLACK = Decimal(1)
"""How far (points) a percentage written in the window may be from a carried amount's share
of the plan and still be that amount's (then the pair is stated with it, and left to it)."""


def period_carried(folded: str, a: Amount, year: int | None) -> str | None:
    """The part of the year an earlier sentence names that the amount ``a`` is of, if any.

    ``Lũy kế 9 tháng, doanh thu đạt 820 tỷ đồng, tăng 6% so với cùng kỳ. Lãi sau thuế đạt 61
    tỷ đồng.``: its sentence names no time before it, nor do the sentences between it and
    the nearest earlier one of its paragraph that names one; that one names a single part of
    the year (``9 tháng``; ``quý III/2041`` with its year), and besides it only the base of a
    change (``so với cùng kỳ``); its year, if named, ``year`` (when known). A sentence naming
    a year, another period, a base or a date stops the carry (``Cùng kỳ năm trước, lãi …``,
    ``Năm 2041, công ty đặt kế hoạch …``). The part as a key: ``q3`` for a quarter,
    ``m9-`` for nine months, ``m-7`` for July.
    """
    start = head_of_sentence(folded, a.start)
    stop = FULL_STOP.search(folded, a.end)
    own = (start, stop.start() if stop else len(folded))
    if any(_TIME.search(folded, s, e) for s, e in _outside_bases(folded, *own)):
        return None  # "… đạt 20 tỷ đồng trong năm 2041": its own period, after it
    if _PART_OPENING.search(folded, start, a.start) or _to_come(folded, *own):
        return None
    line = folded.rfind("\n", 0, start) + 1
    floor = max(line, start - CARRY_REACH)
    end = start
    while end > floor:
        begin = _sentence_start(folded, end, floor)
        if any(_TIME.search(folded, s, e) for s, e in _outside_bases(folded, begin, end)):
            return None if _to_come(folded, begin, end) else _one_part(folded, begin, end, year)
        if _to_come(folded, begin, end):
            return None
        end = begin
    return None


def _sentence_start(folded: str, end: int, floor: int) -> int:
    """Where the sentence ending at ``end`` (a full stop before it) starts, not before ``floor``."""
    stops = [m.end() for m in FULL_STOP.finditer(folded, floor, max(floor, end - 2))]
    return stops[-1] if stops else floor


def _outside_bases(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of ``folded[start:end]`` outside the bases of changes (:data:`_BASE`)."""
    spans, at = [], start
    for m in _BASE.finditer(folded, start, end):
        spans.append((at, m.start()))
        at = m.end()
    spans.append((at, end))
    return spans


def _one_part(folded: str, start: int, end: int, year: int | None) -> str | None:
    """The one part of a year the sentence ``folded[start:end]`` names, and no other time.

    Bases of changes left out; the part's year, if written, ``year``. As a key (see
    :func:`period_carried`).
    """
    keys = set()
    for s, e in _outside_bases(folded, start, end):
        at = s
        for m in _PART.finditer(folded, s, e):
            if _TIME.search(folded, at, m.start()):
                return None
            if year is not None and m.group("y") is not None and int(m.group("y")) != year:
                return None
            months = m.group("n") or ("" if m.group("m") else "6")
            keys.add(part_key(m.group("q"), months, m.group("m")))
            at = m.end()
        if _TIME.search(folded, at, e):
            return None
    return keys.pop() if len(keys) == 1 else None


def _to_come(folded: str, start: int, end: int) -> bool:
    """Whether ``folded[start:end]`` sets out a plan or a forecast (no result of the period)."""
    return bool(PLAN_CUE.search(folded, start, end) or _TO_COME.search(folded, start, end))


def carried_fits(
    folded: str,
    a: Amount,
    plan: Amount,
    kind: tuple[str | None, str | None] | None = None,
) -> bool:
    """Whether ``a``, of a period carried from an earlier sentence, may take ``plan`` unstated.

    Its kind, if named, the plan's (``lợi nhuận sau thuế`` is no result of a plan written
    ``lợi nhuận`` alone when its period is not its own sentence's); no
    percentage of the window within :data:`SHARE_SLACK` of its share of the plan (``Với lãi
    sau thuế 61 tỷ đồng, công ty đã hoàn thành 24,4%``: the pair is stated with it). ``kind``:
    the plan's measure and kind when read otherwise.
    """
    own, planned = measure_kind(folded, a)[1], (kind or measure_kind(folded, plan))[1]
    if own is not None and own != planned:
        return False
    return not share_written(folded, a, plan)


def share_written(folded: str, a: Amount, plan: Amount) -> bool:
    """Whether a percentage of ``folded`` may be ``a``'s share of ``plan``.

    Within :data:`SHARE_SLACK` of it, and not a change's (``tăng 19% so với cùng kỳ``):
    ``…, trong đó lao động nữ là 312 người (đạt 39%)`` states the pair with its
    percentage, so a pair read without it would leave the percentage off. True for a plan
    of no size (no share to read).
    """
    if plan.value <= 0:
        return True
    share = 100 * a.value / plan.value
    return any(abs(p - share) <= SHARE_SLACK for p in _shares(folded))


@functools.lru_cache(maxsize=1024)
def _shares(folded: str) -> tuple[Decimal, ...]:
    """The percentages of ``folded`` that are no change's (:func:`share_written`), read once."""
    out = []
    for m in PERCENT.finditer(folded):
        if _CHANGE_BEFORE.search(folded, max(0, m.start() - 20), m.start()):
            continue  # "tăng 19% so với cùng kỳ": a change, no share of a plan
        p = try_parse_number(m.group("a"))
        if p is not None:
            out.append(p)
    return tuple(out)


def plan_share_written(
    folded: str,
    a: Amount,
    plan: Amount,
    *,
    hedged: bool = True,
    slack: Decimal = HEDGED_SLACK,
) -> bool:
    """Whether a percentage of a plan in ``folded`` may be ``a``'s share of ``plan``.

    A percentage followed by a plan's name (maybe in a list of them: ``… lần lượt 46% và
    47% kế hoạch``), within ``slack`` points of the share: the pair is stated with it, and
    an amount set against the plan without it would leave it off. With ``hedged``, only a
    percentage hedged (``gần``, ``hơn``, ``khoảng`` …, not after ``vượt``), within
    :data:`HEDGED_SLACK` (``6 tháng, … đã hoàn thành gần 20% kế hoạch lợi nhuận`` of 18,6
    %; an unhedged one within a point is joined to the pair by a later pass).
    """
    if plan.value <= 0:
        return False
    share = 100 * a.value / plan.value
    for m in PERCENT.finditer(folded):
        p = try_parse_number(m.group("a"))
        if (
            p is not None
            and abs(p - share) <= slack
            and _OF_PLAN_AFTER.match(folded, m.end("a"))
            and (not hedged or _HEDGE_BEFORE.search(folded, max(0, m.start() - 12), m.start()))
        ):
            return True
    return False
