"""Percentages of a plan named by who assigned it, linked to that plan written earlier.

``Tổng kế hoạch vốn năm 2030 đã được Thủ tướng Chính phủ giao là 82.748,6 tỷ đồng`` and,
paragraphs later, ``số giải ngân … là 30.120,5 tỷ đồng, đạt 36,4% kế hoạch Thủ tướng Chính phủ
giao``: the percentage names the plan by who assigned it, and the text writes that plan once,
with the same words, before it. :func:`link_named_budget_plans` reads the result against it
when the written plan gives the percentage at the precision written, or when another
percentage of the same named plan in the text does (then a percentage the plan does not give,
implying a plan within 10 % of it, is read against it too, and the check flags it).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.flags import (
    ONE_BUDGET_SPREAD,
    implied_budget,
    named_budget_key,
    named_plan_leads,
    named_plan_pattern,
    same_measures,
)
from kpitools.extract.targets import linked_to

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement


NAMED_PLAN_REACH = 2000
"""How far (characters) before a percentage the plan it names may be written."""

_Key = tuple[str, str]


def link_named_budget_plans(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, a percentage of a named plan with no target linked to it when written.

    A result with an exact attainment of money of a plan named by who assigned it (the
    :func:`~kpitools.extract.flags.named_budget_key` of one-budget checks) and no target takes
    the one plan value written as a target of its own, of that currency, up to
    :data:`NAMED_PLAN_REACH` before it, in a sentence naming the plan noun and who assigned it
    with ``giao`` (``kế hoạch … đã được Thủ tướng Chính phủ giao là …``), of no other year;
    when that plan gives its percentage, or gives another percentage of the same named plan
    within :data:`NAMED_PLAN_REACH` of it (read against it here or before) and this
    percentage's implied plan is within :data:`~kpitools.extract.flags.ONE_BUDGET_SPREAD` of
    it (further off, the words may name another unit's plan, a component's, or the plan
    adjusted later) and the sentences of the
    two percentages name no differing measure (``Thu nội địa … bằng 85% dự toán Trung ương
    giao`` after ``Tổng thu … bằng 90% dự toán Trung ương giao``: a part's own budget).
    """
    plans = named_plan_leads(statements, text)
    if not plans:
        return list(statements)
    starts = [p[0] for p in plans]
    found: dict[int, tuple[LinkableStatement, bool, _Key]] = {}
    confirmed: dict[tuple[object, object], list[LinkableStatement]] = {}
    for i, s in enumerate(statements):
        key = named_budget_key(s, text)
        if key is None:
            continue
        low, high = implied_budget(s)
        if isinstance(s.target, Decimal) and low <= s.target <= high:
            confirmed.setdefault((key, s.target), []).append(s)  # linked, and the plan gives it
        plan = _plan_of(s, key, plans, starts) if s.target is None else None
        if plan is None:
            continue
        assert isinstance(plan.target, Decimal)
        gives = low <= plan.target <= high
        if gives or _near(plan.target, low):
            found[i] = (plan, gives, key)
        if gives:
            confirmed.setdefault((key, plan.target), []).append(s)
    out = list(statements)
    near = {k: _by_start(v) for k, v in confirmed.items()}
    for i, (plan, gives, key) in found.items():
        others = _within_reach(near.get((key, plan.target)), statements[i].start)
        if gives or any(same_measures(text, c, statements[i]) for c in others):
            out[i] = linked_to(statements[i], plan, text)
    return out


def _by_start(
    found: list[LinkableStatement],
) -> tuple[list[int], list[LinkableStatement]]:
    """``found`` in the text's order, with where each starts (for :func:`_within_reach`)."""
    ordered = sorted(found, key=lambda c: c.start)
    return [c.start for c in ordered], ordered


def _within_reach(
    near: tuple[list[int], list[LinkableStatement]] | None, at: int
) -> list[LinkableStatement]:
    """The percentages of ``near`` starting within :data:`NAMED_PLAN_REACH` of ``at``.

    Another percentage confirms the plan only near it (a text of many such plans asked each
    of all the others: quadratic, 2.6, 6.5 and 19.3 s for 21, 42 and 83 kB).
    """
    if near is None:
        return []
    starts, ordered = near
    low = bisect.bisect_left(starts, at - NAMED_PLAN_REACH)
    high = bisect.bisect_right(starts, at + NAMED_PLAN_REACH)
    return ordered[low:high]


def _near(plan: Decimal, low: Decimal) -> bool:
    """Whether a percentage's implied plan (from ``low``) is within the one-budget spread.

    Further off, the words may name another plan (another unit's, a component's, the plan
    adjusted later): ``check_one_budget`` compares no such two percentages either.
    """
    return abs(low - plan) <= ONE_BUDGET_SPREAD * plan


def _plan_of(
    s: LinkableStatement,
    key: _Key,
    plans: list[tuple[int, LinkableStatement, str]],
    starts: list[int],
) -> LinkableStatement | None:
    """The one plan value written before ``s`` with the name ``key`` gives, or None.

    ``starts``: where ``plans`` start (computed once: no work over all plans per percentage).
    """
    name = named_plan_pattern(key[0])
    if name is None:
        return None
    low = bisect.bisect_left(starts, s.start - NAMED_PLAN_REACH)
    high = bisect.bisect_left(starts, s.start)
    named = [
        t
        for _, t, lead in plans[low:high]
        if t.measure is not None
        and t.measure.split()[-1] == key[1]
        and (s.year is None or t.year is None or s.year == t.year)
        and name.search(lead) is not None
    ]
    return named[-1] if named and len({t.target for t in named}) == 1 else None
