"""Percentages of a plan stated in a later sentence than the result and plan they are of.

``Sau 6 tháng, công ty đạt doanh thu 2.340 tỷ đồng, lợi nhuận 556 tỷ đồng. Với kế hoạch doanh
thu 5.000 tỷ đồng và lợi nhuận 1.200 tỷ đồng, công ty đã hoàn thành lần lượt 46,8% và 46,3%
kế hoạch``: the passes before read each result against its plan (2.340 of 5.000, 556 of
1.200) with no percentage; the percentages the report states of them, in a later sentence,
are read with them by :func:`link_later_pair_percentages` when the report's own arithmetic
gives each, at the precision it is written.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.amounts import (
    FULL_STOP,
    MEASURE_NAMES,
    MEASURE_NAMES_RX,
    MONEY_WORDS,
    amounts_in,
    measures_named,
)
from kpitools.extract.linking import StartIndex, percent_of, unit_key, with_result
from kpitools.extract.text import PLAN_NOUNS
from kpitools.numbers import Percent, check_percent, parse_percent
from kpitools.textfold import fold, rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement

PAIR_REACH = 1200
"""How far (characters) before a percentage the result it is of may be stated."""

PAIR_SENTENCES = 3
"""How many sentence ends may stand between a result and the percentage of it (one at least)."""

_SENTENCE_END = re.compile(r"(?:[.!?](?:\s|$)|\n)+")

_PERCENT_WORDS = 60
"""How far (characters) after its ``%`` a percentage's words may name its measure."""

# "… đã hoàn thành lần lượt 46,8% và 46,3% kế hoạch", "thực hiện được lần lượt 47% chỉ tiêu
# doanh thu và 59%", "đã thực hiện được 76% và 84% kế hoạch" (the order alone says it): two
# attainments of plans said respectively, with no amount between
_RESPECTIVE = re.compile(
    r"(?<!\w)(?:hoàn thành|thực hiện(?: được)?|đạt(?: được)?)(?: được)?\s+(?:lần lượt\s+)?"
    r"(?:là\s+)?(?P<p>\d{1,3}(?:,\d{1,2})?)\s?%(?P<mid>[^\d%.;:()\n]{0,40}?)\s+và\s+"
    r"(?P<q>\d{1,3}(?:,\d{1,2})?)\s?%"
)

_PLAN_WORDS = rx(rf"(?<!\w){PLAN_NOUNS}(?!\w)")


def _sentence_ends(text: str, low: int, high: int) -> int:
    return sum(1 for _ in _SENTENCE_END.finditer(text, low, high))


def _sentence_start(text: str, pos: int) -> int:
    start = 0
    for m in _SENTENCE_END.finditer(text, max(0, pos - 600), pos):
        start = m.end()
    return start


def _is_pair(c: LinkableStatement) -> bool:
    """A result read against its written plan, with no percentage stated."""
    return (
        isinstance(c.actual, Decimal)
        and isinstance(c.target, Decimal)
        and c.target != 0
        and c.stated_percent is None
        and c.stated_kind is None
    )


def _pairs_before(
    statements: Sequence[LinkableStatement], index: StartIndex, text: str, pos: int
) -> list[tuple[int, LinkableStatement]]:
    """The pairs stated before ``pos`` in an earlier sentence, within the reach, by start."""
    return [
        (j, statements[j])
        for j in index.between(pos - PAIR_REACH, pos)
        if _is_pair(statements[j])
        and statements[j].end <= pos
        and 1 <= _sentence_ends(text, statements[j].end, pos) <= PAIR_SENTENCES
    ]


def _fits(stated: str | Percent, c: LinkableStatement) -> bool:
    """Whether ``c``'s actual of its target is ``stated`` at the precision it is written."""
    if not isinstance(c.actual, Decimal) or not isinstance(c.target, Decimal):
        return False
    if isinstance(stated, str):
        stated = parse_percent(f"{stated}%", decimal=",")
    return check_percent(stated, c.actual, c.target).consistent is True


def _measures_after(text: str, pos: int) -> set[str]:
    """The measures named in the words right after a percentage's ``%`` at ``pos``."""
    words = fold(text[pos : pos + _PERCENT_WORDS])
    stop = re.search(r"[,;.()\n:]|(?<!\w)và(?!\w)", words)
    words = words[: stop.start()] if stop else words
    return {MEASURE_NAMES[" ".join(m.group().split())] for m in MEASURE_NAMES_RX.finditer(words)}


def _other_measure(named: set[str], text: str, c: LinkableStatement) -> bool:
    """Whether ``c``'s own words name measures, none of them one the percentage names."""
    own = measures_named(fold(text[c.start : c.end]), 0, c.end - c.start)
    return bool(named and own) and not named & own


def _with_percent(c: LinkableStatement, stated: str) -> LinkableStatement:
    """The pair ``c`` with the attainment ``stated`` read with it, and its check."""
    value = Decimal(stated.replace(",", "."))
    bare = dataclasses.replace(
        c, stated=f"{stated}%", stated_percent=value, stated_kind="attainment"
    )
    assert isinstance(c.target, Decimal)
    return with_result(bare, c, c.target)


def _link_respective(
    statements: Sequence[LinkableStatement], text: str, out: list[LinkableStatement]
) -> None:
    """Read two attainments said ``lần lượt`` with the two pairs before them.

    In a sentence of no amount of its own, the last two pairs of the reach, in their order,
    each when it gives its percentage.
    """
    index = StartIndex(statements)
    for m in _RESPECTIVE.finditer(text):
        start = _sentence_start(text, m.start())
        sentence = text[start : m.end() + _PERCENT_WORDS]
        if not _PLAN_WORDS.search(fold(sentence)):
            continue
        if any(
            statements[j].actual is not None and statements[j].end > start
            for j in index.between(start, m.end())
        ):
            continue  # an amount of its own sentence: the sentence grammar's
        pairs = _pairs_before(statements, index, text, start)
        taken = _respective_pairs(pairs, m["p"], m["q"], text)
        if len({unit_key(c) for _, c, _ in taken} - {None}) > 1:
            continue
        if any(_other_measure(_measures_after(text, m.end(g)), text, c) for _, c, g in taken):
            continue
        for i, c, g in taken:
            out[i] = _with_percent(c, m[g])


def _respective_pairs(
    pairs: Sequence[tuple[int, LinkableStatement]], p: str, q: str, text: str
) -> list[tuple[int, LinkableStatement, str]]:
    """The pairs the two percentages ``p`` and ``q`` said respectively are of, and which.

    The last two pairs, in order, when each gives its own; else each percentage's one pair
    that gives it and not the other (``… tăng 32% so với cùng kỳ; lợi nhuận đạt 88 tỷ đồng``
    read with no plan: the first percentage alone has its pair), when its plan stands in its
    sentence in the percentage's place (the first money amount for the first percentage, the
    second for the second: :func:`_plan_slot`).
    """
    if len(pairs) >= 2 and _fits(p, pairs[-2][1]) and _fits(q, pairs[-1][1]):
        (i, c), (k, d) = pairs[-2:]
        return [(i, c, "p"), (k, d, "q")]
    fit_p = [j for j, (_, c) in enumerate(pairs) if _fits(p, c)]
    fit_q = [j for j, (_, c) in enumerate(pairs) if _fits(q, c)]
    own = [
        (fit[0], group)
        for fit, other, group, slot in ((fit_p, fit_q, "p", 0), (fit_q, fit_p, "q", 1))
        if len(fit) == 1 and fit[0] not in other and _plan_slot(text, pairs[fit[0]][1]) == slot
    ]
    return [(pairs[j][0], pairs[j][1], group) for j, group in own]


_PLAN_SENTENCE_REACH = 400
"""How far (characters) before a plan's amount the head of its sentence is looked for."""


def _plan_slot(text: str, c: LinkableStatement) -> int | None:
    """Which money amount of its sentence the plan ``c`` is read against is (0 the first).

    The plan is the amount ``c`` links to as its target (``target … linked from``); None
    when ``c`` links to no amount of its target's value.
    """
    if c.link_start is None or not isinstance(c.target, Decimal):
        return None
    low = max(0, c.link_start - _PLAN_SENTENCE_REACH)
    folded = fold(text[low : c.link_start + _PERCENT_WORDS])
    pos = c.link_start - low
    head = max((m.end() for m in FULL_STOP.finditer(folded, 0, pos)), default=0)
    money = [a for a in amounts_in(folded, head, len(folded)) if a.unit[1] in MONEY_WORDS]
    slot = next((k for k, a in enumerate(money) if a.start == pos), None)
    return slot if slot is not None and money[slot].value == c.target else None


def link_later_pair_percentages(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, each pair read with the percentage of it stated in a later sentence.

    A percentage of a plan with neither result nor target (``Như vậy, công ty đã thực hiện
    được 43% kế hoạch doanh thu``) takes the pair before it, one to three sentences back
    within :data:`PAIR_REACH`, that gives it at the precision it is written, when exactly
    one pair there does and the pair's words name no measure other than the percentage's;
    the pair is then read with the percentage (one statement, at the percentage). Two
    percentages said ``lần lượt`` with no amount in their sentence (``… hoàn thành lần lượt
    46,8% và 46,3% kế hoạch``) take the last two pairs before them, in order, when each gives
    its own.
    """
    out: list[LinkableStatement] = list(statements)
    _link_respective(statements, text, out)
    index = StartIndex(statements)
    taken: set[int] = {j for j, s in enumerate(out) if s is not statements[j]}
    drop: set[int] = set()
    for i, s in enumerate(statements):
        if s.actual is not None or s.target is not None or s.stated_kind != "attainment":
            continue
        p = percent_of(s)
        if p is None or s.qualifier is not None or "%" not in s.text:
            continue
        named = _measures_after(text, s.start + s.text.rfind("%") + 1)
        start = _sentence_start(text, s.start)
        giving = [
            (j, c)
            for j, c in _pairs_before(statements, index, text, start)
            if j not in taken and _fits(p, c)
        ]
        if len(giving) != 1:
            continue
        j, c = giving[0]
        if _other_measure(named, text, c) or unit_key(c) not in (None, unit_key(s)):
            continue
        assert isinstance(c.target, Decimal)
        out[i] = with_result(s, c, c.target)
        taken.add(j)
        drop.add(j)
    return [s for j, s in enumerate(out) if j not in drop]
