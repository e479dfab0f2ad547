"""A named plan's percentage left bare when the result linked to it cannot be its result.

``Năm 2039, xưởng đặt mục tiêu doanh thu 900 tỷ đồng và lãi trước thuế 60 tỷ đồng. … Như
vậy, xưởng đã hoàn thành 75% kế hoạch doanh thu và 90% kế hoạch lợi nhuận``: a percentage
of a plan named by its measure takes, from the sentences before it, the nearest amount that
names the measure (:mod:`kpitools.extract.named_plans`), and that may be the plan itself (60
tỷ), or a result of another period that the plan written for that measure disproves (a
quarter's 20 tỷ against the year's 60 tỷ, for 90 %). The report's own figures are the
evidence: such a percentage is left bare (no actual, no target), on its own measure, so
that :func:`~kpitools.extract.bare_plans.link_fitting_results` may give it the result and
plan it fits — or nothing. :func:`unlink_unfit_results` runs in
:func:`kpitools.extract.document.link_document`, before the fitting results are looked for.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.amounts import (
    COMPARED,
    PERIOD,
    PLAN_AMOUNT_WINDOW,
    PLAN_WORD_AFTER,
    after_percent,
    amounts_in,
    clause_head,
    clause_names,
    has_qualifier,
    paragraph,
    period_of,
    plan_measure,
    sets_out_plan,
)
from kpitools.extract.bare_plans import names_measure, triple_fits
from kpitools.extract.disproved import bare_percentage
from kpitools.extract.linking import StartIndex, percent_of
from kpitools.extract.named_plans import expected_in_plan, same_currency
from kpitools.extract.notes import noted, seg
from kpitools.textfold import fold, rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement


def unlink_unfit_results(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, each named plan's percentage bare whose linked result cannot be its.

    ``s`` states an attainment (or excess) of a plan named by its measure (``90% kế hoạch
    lợi nhuận``; ``kế hoạch lãi`` is profit too), its actual linked from another sentence
    and no target. It is left bare when the amount linked is set out as a plan (or read as
    one: a target with no result), or when the plans of that measure written before it (up
    to :data:`~kpitools.extract.amounts.PLAN_AMOUNT_WINDOW` characters: targets with no
    result and amounts set out as plans, whose clause names the measure, in the result's
    currency) give one amount that the percentage does not fit with the result linked —
    within :data:`PLAN_SLACK` of it either way when the plan is qualified (``gần 2.000``).
    Not when a plan's sentence names a period the result's and the percentage's do not
    (``Năm 2040, … đặt mục tiêu …`` before ``9 tháng đầu năm 2039, …``).
    """
    index = StartIndex(statements)
    out = list(statements)
    for i, s in enumerate(statements):
        if not _linked_named(s):
            continue
        measure = _measure(s, text)
        if measure is None:
            continue
        if _plan_linked(s, statements, index, text) or _disproved(
            s, statements, index, text, measure
        ):
            out[i] = unlinked_percentage(s)
    return out


def unlinked_percentage(s: LinkableStatement) -> LinkableStatement:
    """``s`` as read in its sentence: no result, no target, no link, unchecked."""
    return dataclasses.replace(
        bare_percentage(s),
        exact=True,
        link_start=None,
        link_end=None,
        link_text=None,
        verdict="unchecked",
        **noted(seg("no_target")),  # type: ignore[arg-type]
    )


def _linked_named(s: LinkableStatement) -> bool:
    """Whether ``s`` is a plan's percentage, its result linked from elsewhere, no target."""
    return (
        s.stated_kind in ("attainment", "excess")
        and s.stated is not None
        and isinstance(s.actual, Decimal)
        and s.target is None
        and s.link_start is not None
        and s.link_end is not None
        and "actual_linked" in (s.note_data or "")
    )


def _plan_linked(
    s: LinkableStatement, statements: Sequence[LinkableStatement], index: StartIndex, text: str
) -> bool:
    """Whether the amount linked to ``s`` as its result is a plan's amount."""
    assert s.link_start is not None and s.link_end is not None
    for j in index.between(max(0, s.link_start - 40), s.link_end):
        t = statements[j]
        if t.actual is None and t.target == s.actual and t.start <= s.link_start < t.end + 40:
            return True  # read as a target with no result
    low, high = paragraph(text, s.link_start, s.link_end, width=300)
    folded = fold(text[low:high])
    own = [
        a for a in amounts_in(folded, s.link_start - low, s.link_end - low) if a.value == s.actual
    ]
    return bool(own) and (
        sets_out_plan(folded, own[0], 0, qualified=True) or expected_in_plan(folded, own[0])
    )


def _disproved(
    s: LinkableStatement,
    statements: Sequence[LinkableStatement],
    index: StartIndex,
    text: str,
    measure: str,
) -> bool:
    """Whether the one plan of ``measure`` written before ``s`` does not fit its figures.

    The plans are the targets with no result and the amounts set out as plans (or expected
    in a plan's sentence) whose clause names the measure, before ``s`` in its window. None
    is read when a plan's sentence names a period (a year, a season ``2040-2041``) that the
    result's and the percentage's sentences do not: the plan may be of another year.
    """
    assert s.link_start is not None and s.link_end is not None
    low = max(0, min(s.start - PLAN_AMOUNT_WINDOW, s.link_start - 200))
    folded = fold(text[low : s.end])
    plans: dict[int, tuple[Decimal, bool]] = {}
    for j in index.between(max(0, s.start - PLAN_AMOUNT_WINDOW), s.start):
        t = statements[j]
        if (
            t.actual is None
            and isinstance(t.target, Decimal)
            and t.stated is None
            and t.end <= s.start
            and (t.measure is None or same_currency(t.measure, s.measure))
            and names_measure(t, text, measure)
        ):
            plans[t.start - low] = (t.target, t.qualifier is not None)
    currency = (s.measure or "").split()[-1:]
    for a in amounts_in(folded, 0, s.start - low):
        if (
            currency
            and a.unit[1] == fold(currency[0])
            and (sets_out_plan(folded, a, 0, qualified=True) or expected_in_plan(folded, a))
            and clause_names(text, low + a.start, measure)
        ):
            plans[a.start] = (a.value, has_qualifier(folded, a))
    if len({value for value, _ in plans.values()}) != 1:
        return False
    ours = _periods(folded, s.link_start - low, s.link_end - low) | _periods(
        folded, s.start - low, s.end - low
    )
    if not ours and s.year is not None:
        ours = {str(s.year)}  # no period named: the report's year
    for at in plans:
        theirs = _periods(folded, at, at)
        if theirs and theirs.isdisjoint(ours):
            return False
    plan, qualified = next(iter(plans.values()))
    return not _fits(s, plan, qualified=qualified or any(q for _, q in plans.values()))


PLAN_SLACK = Decimal("0.1")
"""How far (a share of it) a plan written with a qualifier (``gần 2.000``, ``hơn 38``) may
be from the amount written, either way, when a percentage is checked against it."""


def _fits(s: LinkableStatement, plan: Decimal, *, qualified: bool) -> bool:
    """Whether ``s``'s percentage may be its actual against ``plan`` (or near it, qualified)."""
    if not qualified:
        return triple_fits(s, plan, approximate=True)
    low, high = plan * (1 - PLAN_SLACK), plan * (1 + PLAN_SLACK)
    return any(triple_fits(s, bound, approximate=True) for bound in (low, high)) or _between(
        s, low, high
    )


def _between(s: LinkableStatement, low: Decimal, high: Decimal) -> bool:
    """Whether ``s``'s percentage lies between its actual against ``high`` and ``low``."""
    p = percent_of(s)
    assert isinstance(s.actual, Decimal)
    return p is not None and 100 * s.actual / high <= p.value <= 100 * s.actual / low


def _periods(folded: str, start: int, end: int) -> set[str]:
    """The periods named from the head of the sentence at ``start`` to ``end``.

    A year or a span of years (one period), not one compared with (``so với năm 2039``).
    """
    head = clause_head(folded, start, 0)
    return {
        period_of(m)
        for m in PERIOD.finditer(folded, head, end)
        if not COMPARED.search(folded, max(head, m.start() - 25), m.start())
    }


# "107% chỉ tiêu lãi cả năm": profit named by its short word
_PROFIT_AFTER = rx(r"lãi(?!\s+(?:suất|vay|tiền|tức|phạt))(?!\w)")


def _measure(s: LinkableStatement, text: str) -> str | None:
    """The measure the plan of ``s``'s percentage names (``lãi`` alone is profit)."""
    measure = plan_measure(s, text)
    if measure is not None:
        return measure
    after = after_percent(s, text)
    lead = PLAN_WORD_AFTER.match(after)
    return "lợi nhuận" if lead and _PROFIT_AFTER.match(after, lead.end()) else None
