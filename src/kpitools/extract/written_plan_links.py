"""Percentages of a plan written near them, given that plan's amount and the result before.

``Năm nay công ty đặt mục tiêu lợi nhuận 500 tỷ đồng. Như vậy, sau 6 tháng, công ty đã hoàn
thành 86% kế hoạch`` after a result of 430 tỷ đồng: the plan a percentage is of is written in
its own sentence or in the two before it, and its result is stated before the plan. When
exactly one pair of such a plan and a result gives the stated percentage (at the precision it
is written, or within a point on the side its ``gần`` / ``hơn`` / ``khoảng`` says),
:func:`link_written_plan_percentages` reads the three together.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.amounts import (
    MEASURE_NAMES,
    MEASURE_NAMES_RX,
    PLAN_MEASURES,
    Amount,
    amounts_in,
    measure_beside,
    measures_named,
    sets_out_plan,
)
from kpitools.extract.linking import StartIndex, percent_of, unit_key, with_result
from kpitools.extract.named_plans import same_currency
from kpitools.extract.plans import parts_named, sentence_around
from kpitools.numbers import check_percent
from kpitools.textfold import fold

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement

_KINDS = ("attainment", "excess")

PLAN_REACH = 600
"""How far (characters) before a percentage the plan it is of may be written."""

PLAN_SENTENCES = 2
"""How many sentence ends may stand between a plan and the percentage of it."""

BRACKET_REACH = 120
"""How far (characters) after a percentage a plan of its own sentence may be written."""

RESULT_REACH = 1200
"""How far (characters) before a percentage its result may be stated."""

_SENTENCE_END = re.compile(r"(?:[.!?](?:\s|$)|\n)+")

# the side a qualifier of the percentage puts the exact figure on, in points
_SIDES = {
    "gần": (Decimal(-1), Decimal(0)),
    "hơn": (Decimal(0), Decimal(1)),
    "trên": (Decimal(0), Decimal(1)),
    "khoảng": (Decimal(-1), Decimal(1)),
    "xấp xỉ": (Decimal(-1), Decimal(1)),
}


def _sentence_ends(text: str, low: int, high: int) -> int:
    return sum(1 for _ in _SENTENCE_END.finditer(text, low, high))


@dataclass(frozen=True)
class _Window:
    """The folded text around one percentage, from ``low`` on (only what the checks read)."""

    low: int
    folded: str

    def at(self, start: int, end: int) -> tuple[int, int]:
        """The text's offsets ``start`` and ``end`` as the folded window's."""
        return start - self.low, end - self.low

    @classmethod
    def around(cls, text: str, s: LinkableStatement) -> _Window:
        low = max(0, s.start - RESULT_REACH - _CLAUSE_BACK)
        return cls(low, fold(text[low : s.end + BRACKET_REACH + _CLAUSE_BACK]))


_CLAUSE_BACK = 250
"""How far (characters) past the figures it reads a clause's words may be looked at."""


@dataclass(frozen=True)
class _Plan:
    """A plan written near a percentage: a target statement, or an amount set out as a plan."""

    start: int
    end: int
    target: Decimal
    measure: str | None
    label: str | None
    statement: LinkableStatement | None = None
    amount: Amount | None = None  # in the window's offsets


def _written_plans(
    statements: Sequence[LinkableStatement],
    index: StartIndex,
    s: LinkableStatement,
    text: str,
    window: _Window,
) -> list[_Plan]:
    """The plans written near ``s``.

    Target statements before it, in its sentence or the :data:`PLAN_SENTENCES` before;
    after it, in its own sentence, up to :data:`BRACKET_REACH` characters on (``… 10% kế
    hoạch lợi nhuận cả năm (18 tỷ đồng)``). For a percentage with no result, also the money
    amounts of those sentences before it that are set out as a plan (``đặt mục tiêu doanh
    thu 8.600 tỷ đồng và lợi nhuận 420 tỷ đồng``) and that no statement reads.
    """
    out = []
    for j in index.between(s.start - PLAN_REACH, s.end + BRACKET_REACH):
        t = statements[j]
        if t.actual is not None or not isinstance(t.target, Decimal):
            continue
        if t.end <= s.start:
            near = _sentence_ends(text, t.end, s.start) <= PLAN_SENTENCES
        else:
            near = t.start >= s.end and _sentence_ends(text, s.end, t.start) == 0
        if near:
            out.append(_Plan(t.start, t.end, t.target, t.measure, t.label, statement=t))
    floor = max(0, s.start - PLAN_REACH)
    read = {statements[j].start for j in index.between(floor, s.start)}
    low = window.low
    for a in amounts_in(window.folded, floor - low, s.start - low):
        if (
            a.unit[1] in _CURRENCIES
            and a.start + low not in read
            and _sentence_ends(text, a.end + low, s.start) <= PLAN_SENTENCES
            and sets_out_plan(window.folded, a, floor - low, qualified=True)
        ):
            measure = f"{a.unit[0]} {a.unit[1]}".strip()
            out.append(_Plan(a.start + low, a.end + low, a.value, measure, None, amount=a))
    return out


_CURRENCIES = frozenset({"đồng"})
"""The money a plan amount in no statement may be counted in (a result's ``tỷ đồng``)."""


def _of_one_kind(c: LinkableStatement, plan: _Plan) -> bool:
    """Whether ``c`` and ``plan`` count one thing: one currency, or one noun counted."""
    if c.measure is not None or plan.measure is not None:
        return same_currency(c.measure, plan.measure)
    return c.label is not None and plan.label is not None and fold(c.label) == fold(plan.label)


def _results_before(
    statements: Sequence[LinkableStatement],
    index: StartIndex,
    s: LinkableStatement,
    plan: _Plan,
) -> list[LinkableStatement]:
    """The results (an amount, no target nor attainment) stated before the plan and ``s``."""
    end = min(plan.start, s.start)
    return [
        c
        for c in (statements[j] for j in index.between(s.start - RESULT_REACH, end))
        if isinstance(c.actual, Decimal)
        and c.target is None
        and c.stated_kind in (None, "growth")
        and c.end <= end
        and _of_one_kind(c, plan)
    ]


_PERCENT_WORDS = 60
"""How far (characters) after its last ``%`` a percentage's words may name its measure."""


def _measure_of_percent(s: LinkableStatement, window: _Window) -> set[str]:
    """The measures named after the percentage of ``s`` in its clause.

    ``86% kế hoạch lợi nhuận`` names profit; ``86% kế hoạch`` names none.
    """
    if "%" not in s.text:
        return set()
    folded = window.folded
    pos = s.start + s.text.rfind("%") - window.low
    end = min(len(folded), pos + _PERCENT_WORDS)
    stop = re.search(r"[,;.()\n:]|(?<!\w)và(?!\w)", folded[pos:end])
    words = folded[pos : pos + stop.start()] if stop else folded[pos:end]
    named = {MEASURE_NAMES[" ".join(m.group().split())] for m in MEASURE_NAMES_RX.finditer(words)}
    if named:
        return named
    # none after it: the measure its own clause names before it ("lợi nhuận của công ty chỉ
    # bằng 70% kế hoạch" is the profit's, whatever revenue figures give 70 %)
    lead = folded[max(0, pos - _PERCENT_WORDS * 2) : pos]
    heads = [m.end() for m in re.finditer(r"[,;.()\n:]|(?<!\w)và(?!\w)", lead)]
    lead = lead[heads[-1] :] if heads else lead
    return {MEASURE_NAMES[" ".join(m.group().split())] for m in MEASURE_NAMES_RX.finditer(lead)}


def _parts_of_sentence(window: _Window, start: int, end: int) -> set[str]:
    """The parts of a year the sentence of ``start``–``end`` names (``quý II``, ``6 tháng``).

    See :func:`plans.parts_named`; ``start`` and ``end`` are the text's offsets.
    """
    return parts_named(window.folded, *sentence_around(window.folded, *window.at(start, end)))


def _other_part(window: _Window, s: LinkableStatement, c: LinkableStatement) -> bool:
    """Whether the percentage's sentence and the result's name parts of a year, none alike.

    ``Sáu tháng đầu năm, doanh thu đạt …`` is no result of ``Riêng quý II, công ty chỉ
    hoàn thành 70% kế hoạch``.
    """
    mine = _parts_of_sentence(window, s.start, s.end)
    theirs = _parts_of_sentence(window, c.start, c.end)
    return bool(mine) and bool(theirs) and mine.isdisjoint(theirs)


# "đạt 70% kế hoạch quý", "vượt 4% KH tháng": a percentage of a month's or a quarter's plan
_OF_PART_PLAN = re.compile(
    r"\s*(?:kế\s+hoạch|kh|chỉ\s+tiêu|mục\s+tiêu)(?:\s+của)?\s+(?:tháng|quý|\d{1,2}\s+tháng)(?!\w)"
)


def _percent_of_part_plan(s: LinkableStatement, window: _Window) -> bool:
    """Whether the percentage of ``s`` is of a month's or a quarter's plan (``70% KH quý``).

    Such a plan is no year's plan written near it: only a plan whose sentence names a part of
    the year may be it.
    """
    if "%" not in s.text:
        return False
    pos = s.start + s.text.rfind("%") + 1 - window.low
    return _OF_PART_PLAN.match(window.folded, pos) is not None


def _other_measure(named: set[str], window: _Window, c: LinkableStatement | _Plan) -> bool:
    """Whether the clause of ``c`` names measures, none of them the percentage's ``named``.

    A plan's amount with a measure right beside it (``và lợi nhuận 420 tỷ đồng``) is of that
    measure only.
    """
    folded, low = window.folded, window.low
    beside = measure_beside(folded, c.amount) if isinstance(c, _Plan) and c.amount else None
    own = {beside} if beside else measures_named(folded, c.start - low, c.end - low)
    return bool(named and own) and not named & own


def _named_alike(window: _Window, c: LinkableStatement, plan: _Plan) -> bool:
    """Whether the result ``c`` and the plan name one measure (money), or one noun (counts)."""
    if c.measure is None:
        return True  # a count: one noun counted (:func:`_of_one_kind`)
    folded, low = window.folded, window.low
    beside = measure_beside(folded, plan.amount) if plan.amount else None
    planned = {beside} if beside else measures_named(folded, plan.start - low, plan.end - low)
    own = measures_named(folded, c.start - low, c.end - low)
    return bool(planned & (own | {PLAN_MEASURES[m] for m in own if m in PLAN_MEASURES}))


def _opens_its_paragraph(text: str, c: LinkableStatement, plan: _Plan) -> bool:
    """Whether a result of an earlier paragraph may be the plan's: its paragraph opens on it.

    ``Năm nay công ty đặt mục tiêu …`` opening the paragraph after the results sets the plan
    against them; a paragraph that opens on something else (``Ngành đã tổ chức nhiều sự
    kiện. Năm nay, …``) has moved on.
    """
    if "\n" not in text[c.end : plan.start]:
        return True
    opening = text.rfind("\n", 0, plan.start) + 1
    return _sentence_ends(text, opening, plan.start) == 0


def _one_scope(*statements: LinkableStatement | None) -> bool:
    """Whether the statements name no two units and no two years.

    A plan of one district and a result of another, or last year's plan, are not one
    statement.
    """
    read = [c for c in statements if c is not None]
    return (
        len({unit_key(c) for c in read} - {None}) <= 1 and len({c.year for c in read} - {None}) <= 1
    )


def _gives(s: LinkableStatement, actual: Decimal, target: Decimal) -> bool:
    """Whether ``actual`` of ``target`` is the percentage ``s`` states."""
    p = percent_of(s)
    if p is None or target == 0:
        return False
    check = check_percent(p, actual, target)
    if check.consistent:
        return True
    side = _SIDES.get(fold(s.qualifier or ""))
    if side is None or check.exact is None:
        return False
    return p.value + side[0] <= check.exact <= p.value + side[1]


def link_written_plan_percentages(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, each percentage of a plan written near it read with that plan.

    A percentage of a plan with no target (``đã hoàn thành 86% kế hoạch``) takes a plan
    written near it (:func:`_written_plans`) and, when it has no result, a result stated
    before that plan, of one currency or noun; only when exactly one pair of figures gives
    the percentage as stated (the report's own arithmetic is the evidence that the three are
    one statement), no statement of the text reads those figures already (a repeat), and
    neither the plan's clause nor the result's names only measures other than the one the
    percentage names (``86% kế hoạch lợi nhuận`` is of no revenue plan; ``lợi nhuận … chỉ
    bằng 70% kế hoạch`` names it before), nor do the three name two units or two years; the
    result's sentence names no part of the year against another the percentage's names
    (:func:`_other_part`), and a percentage of a month's or a quarter's plan takes only a plan
    whose sentence names a part (:func:`_percent_of_part_plan`).
    """
    out = list(statements)
    index = StartIndex(statements)
    # a figure the report gives twice (the lead's, again in the body) is one statement
    stated = {
        (c.actual, c.target, c.stated_percent)
        for c in statements
        if isinstance(c.actual, Decimal) and isinstance(c.target, Decimal)
    }
    for i, s in enumerate(statements):
        if s.actual is not None or s.target is not None or s.stated_kind not in _KINDS:
            continue
        window = _Window.around(text, s)
        named = _measure_of_percent(s, window)
        of_part = _percent_of_part_plan(s, window)
        fits: dict[tuple[Decimal, Decimal], tuple[LinkableStatement, _Plan]] = {}
        for plan in _written_plans(statements, index, s, text, window):
            if _other_measure(named, window, plan) or (
                of_part and not _parts_of_sentence(window, plan.start, plan.end)
            ):
                continue
            # the plan's one result: two of its measure (a quarter's and the months', a
            # pre-tax and an after-tax profit) leave the percentage unread, whatever the
            # arithmetic says
            results: dict[Decimal, LinkableStatement] = {
                c.actual: c
                for c in _results_before(statements, index, s, plan)
                if isinstance(c.actual, Decimal)
                and not _other_measure(named, window, c)
                and _one_scope(s, c, plan.statement)
                and not _other_part(window, s, c)
                and _named_alike(window, c, plan)
                and _opens_its_paragraph(text, c, plan)
            }
            giving = [(a, c) for a, c in results.items() if _gives(s, a, plan.target)]
            for actual, c in giving:
                fits[(actual, plan.target)] = (c, plan)
            if giving and len(results) > 1:
                fits[(Decimal(-1), plan.target)] = (s, plan)  # one plan, two results: unread
        if len(fits) == 1 and (*next(iter(fits)), s.stated_percent) not in stated:
            ((c, plan),) = fits.values()
            out[i] = with_result(s, c, plan.target)
    return out
