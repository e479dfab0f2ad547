"""A named plan's percentage its measure's one result and one plan contradict.

``Quý I, công ty đạt doanh thu 180 tỷ đồng. … Năm nay, công ty đặt kế hoạch doanh thu 600
tỷ đồng. … Như vậy, công ty đã hoàn thành 35% kế hoạch doanh thu năm.``: the statement pass
links a percentage of a plan named by its measure only when its result and plan give it
(:mod:`kpitools.extract.measure_results`, precision first), so a percentage the figures
contradict stays bare and the audit never sees it. When the passage leaves no choice — one
result of the measure, of the percentage's period, and one plan of the measure, both exact
and written before the percentage — and the two are more than
:data:`~kpitools.extract.bare_plans.TRIPLE_SPREAD` from it, the percentage is flagged (180 of
600 is 30 %). The statement keeps its figures: the audit reads further than the statements.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.amounts import (
    COMPARED,
    MONEY_WORDS,
    PLAN_AMOUNT_WINDOW,
    Amount,
    after_percent,
    amounts_in,
    clause_head,
    measure_kind,
    plan_measure,
    sentence_span,
)
from kpitools.extract.bare_plans import TRIPLE_SPREAD
from kpitools.extract.linking import flagged_statement, percent_of
from kpitools.extract.measure_results import (
    measure_figures,
    named_percentage,
    plan_apart,
    plan_of_other_standing,
)
from kpitools.extract.text import PLAN_NOUNS
from kpitools.textfold import fold, rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement

# "ước đạt", "dự kiến", "khoảng": a forecast or an estimate is no figure to hold a report to
_ESTIMATED = rx(r"(?<!\w)(?:ước|dự\s+kiến|dự\s+báo|khoảng|xấp\s+xỉ|gần|hơn|trên)(?!\w)")
_YEAR = rx(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_FLAGGED = ("inconsistent", "truncated")


def check_contradicted_plans(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, a named plan's bare percentage flagged when its only figures deny it.

    ``s`` states an attainment of a plan named by its measure (``35% kế hoạch doanh thu``)
    with no target and no qualifier. Its measure's results of its period and its measure's
    plans are those :func:`~kpitools.extract.measure_results.measure_figures` reads; when
    they hold exactly one value each (of one kind of profit), neither written with a
    qualifier, the plan of the percentage's own year and level and not revised
    (:func:`~kpitools.extract.measure_results.plan_apart`), no estimate in the result's or
    the percentage's sentence, a result linked to ``s`` the same one, and 100 × result / plan
    more than :data:`~kpitools.extract.bare_plans.TRIPLE_SPREAD` points from the percentage,
    ``s`` is flagged (``plan_of_measure``).
    """
    out = list(statements)
    # where each measure's percentages of a plan are: a result one of several is a part's
    said: dict[str, list[int]] = {}
    for s in statements:
        if s.stated_kind == "attainment" and s.stated is not None:
            said.setdefault(_unit_word(s), []).append(s.start)
    for i, s in enumerate(statements):
        if not _unlinked(s) or s.qualifier is not None or s.verdict in _FLAGGED:
            continue
        if named_percentage(s):
            pair = _lone_pair(s, text)
        else:
            pair = (
                None if _others_near(said.get(_unit_word(s), []), s.start) else _lone_plan(s, text)
            )
        if pair is not None:
            out[i] = _flagged(s, *pair)
    return out


def _unit_word(s: LinkableStatement) -> str:
    """The unit word of ``s``'s measure, its scale left out (``tỷ đồng`` and ``triệu đồng``)."""
    return (s.measure or "").rpartition(" ")[2]


def _others_near(starts: list[int], start: int) -> bool:
    """Whether ``starts`` (sorted) hold another than ``start`` within the plans' window."""
    low = bisect.bisect_left(starts, start - PLAN_AMOUNT_WINDOW)
    high = bisect.bisect_right(starts, start + PLAN_AMOUNT_WINDOW)
    return any(x != start for x in starts[low:high])


def _lone_pair(s: LinkableStatement, text: str) -> tuple[Amount, Amount, str] | None:
    """The one result and the one plan ``s``'s percentage may be of, and the plan's sentence."""
    figures = measure_figures(s, text)
    if figures is None:
        return None
    folded, low, _, kind, (results, plans) = figures
    if len({p.value for p, _ in plans}) != 1:
        return None
    plan, plan_kind = plans[-1]
    want = kind or plan_kind
    mine = [a for a, _, own in results if want is None or own in (None, want)]
    if len({a.value for a in mine}) != 1 or len(mine) != len(results):
        return None
    result = mine[-1]
    if s.actual is not None and s.actual != result.value:
        return None
    if plan_apart(folded, (result, plan), s.start - low, s.qualifier):
        return None
    return _checked_pair(s, folded, low, (result, plan), text)


def _checked_pair(
    s: LinkableStatement, folded: str, low: int, pair: tuple[Amount, Amount], text: str
) -> tuple[Amount, Amount, str] | None:
    """``pair`` (a result and a plan) with the plan's sentence, unless the plan may be another.

    ``folded`` is the window of ``text`` from ``low``. None too when a figure is an estimate.
    """
    result, plan = pair
    at = s.start - low
    if plan_of_other_standing(folded, pair, s.qualifier):
        return None
    if _year_upto(folded, plan.start) != _year_upto(folded, result.start):
        return None
    result_at, plan_at = sentence_span(folded, result), sentence_span(folded, plan)
    own_head = max(folded.rfind(". ", 0, at), folded.rfind("\n", 0, at)) + 1
    if _ESTIMATED.search(folded, result_at[0], result.start) or _ESTIMATED.search(
        folded, own_head, at
    ):
        return None
    return result, plan, " ".join(text[low + plan_at[0] : low + plan_at[1]].split())


def _unlinked(s: LinkableStatement) -> bool:
    """Whether ``s`` is an attainment with no target: a named plan's, or its result's own."""
    if named_percentage(s):
        return True
    return (
        s.stated_kind == "attainment"
        and s.stated is not None
        and s.target is None
        and isinstance(s.actual, Decimal)
        and s.link_start is None
    )


# "kế hoạch trồng 52.000 cây", "chỉ tiêu cả năm là 9 tỷ kWh": a plan noun shortly before an
# amount, only words between (not "theo kế hoạch" at a long sentence's start)
_PLAN_WORD = rx(rf"(?<!\w)(?<!theo\s){PLAN_NOUNS}(?:\s+[^\W\d_]+){{0,6}}\s+(?:là\s+)?$")


# "đạt 27,6% kế hoạch.", "bằng 40,9% so với kế hoạch": the percentage is of a plan
_PLAN_AFTER = rx(rf"^\s*(?:so\s+(?:với\s+)?)?{PLAN_NOUNS}(?!\w)")


def _lone_plan(s: LinkableStatement, text: str) -> tuple[Amount, Amount, str] | None:
    """The result of ``s`` (in its span) and the one plan of its measure written apart.

    A plan: an amount of the result's unit after a plan word in its sentence, within
    :data:`~kpitools.extract.amounts.PLAN_AMOUNT_WINDOW` characters either side of ``s``,
    of the result's measure and kind (money of a named measure; any other amount the same
    unit alone). None when the percentage's plan names another measure,
    when its own sentence holds a plan amount (the statement pass read it), or when the
    plans hold more than one value.
    """
    if not _PLAN_AFTER.match(after_percent(s, text)):
        return None
    low = max(0, s.start - PLAN_AMOUNT_WINDOW)
    folded = fold(text[low : s.end + PLAN_AMOUNT_WINDOW])
    at, end = s.start - low, s.end - low
    mine = [a for a in amounts_in(folded, at, end) if a.value == s.actual]
    if len(mine) != 1:
        return None
    result = mine[0]
    measure = _measure_of(folded, result)
    named = plan_measure(s, text)
    if named is not None and named != measure[0]:
        return None
    own = sentence_span(folded, result)
    plans = [
        a
        for a in amounts_in(folded, 0, len(folded))
        if a.unit == result.unit
        and a.start != result.start
        and _PLAN_WORD.search(folded, max(sentence_span(folded, a)[0], a.start - 60), a.start)
        and _measure_of(folded, a) == measure
    ]
    if not plans or len({a.value for a in plans}) != 1:
        return None
    if any(own[0] <= a.start < own[1] for a in plans):
        return None
    return _checked_pair(s, folded, low, (result, plans[0]), text)


def _measure_of(folded: str, a: Amount) -> tuple[str | None, str | None]:
    """What ``a`` measures: a money amount's named measure and kind (none when unnamed).

    Any other amount is told by its unit alone.
    """
    return measure_kind(folded, a) if a.unit[1] in MONEY_WORDS else (None, None)


def _year_upto(folded: str, pos: int) -> str | None:
    """The last year named before ``pos`` in the window, not one compared with in its clause."""
    years = [
        m.group(1)
        for m in _YEAR.finditer(folded, 0, pos)
        if not COMPARED.search(
            folded, clause_head(folded, m.start(), max(0, m.start() - 25)), m.start()
        )
    ]
    return years[-1] if years else None


def _flagged(s: LinkableStatement, result: Amount, plan: Amount, words: str) -> LinkableStatement:
    """``s`` flagged when ``result`` of ``plan`` is further than the spread from its percentage."""
    p = percent_of(s)
    if p is None or plan.value <= 0:
        return s
    exact = 100 * result.value / plan.value
    if abs(exact - p.value) <= TRIPLE_SPREAD:
        return s
    return flagged_statement(
        s,
        "plan_of_measure",
        a=f"{result.value:f}",
        t=f"{plan.value:f}",
        exact=f"{exact.quantize(Decimal('0.01')):f}",
        text=words,
    )
