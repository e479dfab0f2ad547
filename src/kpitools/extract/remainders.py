"""A remainder written to reach a plan, set against the result it completes.

:func:`link_remainders`: ``… huyện phải huy động thêm 7.500 tỷ đồng để đạt dự toán`` after the
plan and the result so far. Moved out of :mod:`kpitools.extract.plans`, whose pass helpers it
uses.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.amounts import Amount, amounts_in, part_opened, same_unit, shifted
from kpitools.extract.compared import COMPARED_CHUNK, measures_apart, with_unpaired
from kpitools.extract.linking import NO_PERCENT, covering_statement
from kpitools.extract.notes import noted, seg
from kpitools.extract.text import PLAN_NOUNS
from kpitools.textfold import fold, rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement


# "Từ nay tới cuối năm, huyện phải huy động thêm 2.000 tỷ đồng để đạt dự toán": the amount
# still to reach a plan, which is the plan less the result so far
REMAINDER = rx(
    r"(?<!\w)(?:cần|phải)\s+(?:[^\W\d_]+\s+){0,3}?thêm\s+"
    r"(?:(?P<q>khoảng|gần|hơn|trên)\s+)?(?=\d)"
)
_REMAINDER_GOAL = rx(
    r"[^.;!?\n\d%]{0,60}?(?<!\w)để\s+(?:có\s+thể\s+)?(?:hoàn\s+thành|đạt|về\s+đích)"
    rf"(?:\s+(?:được|vượt|mức))*\s+{PLAN_NOUNS}(?!\w)"
)
REMAINDER_WINDOW = 1200
"""How far (characters) before a remainder its plan and result may be."""


def _remainders(text: str) -> list[tuple[int, re.Match[str]]]:
    """Each :data:`REMAINDER` of ``text``, with the offset its match is relative to.

    ``text`` is read in folded chunks that overlap: no folded copy of the whole text is kept.
    """
    out: list[tuple[int, re.Match[str]]] = []
    for low in range(0, len(text), COMPARED_CHUNK):
        folded = fold(text[low : low + COMPARED_CHUNK + 400])
        out.extend((low, m) for m in REMAINDER.finditer(folded) if m.start() < COMPARED_CHUNK)
    return out


def _remainder_plan(
    amounts: Sequence[tuple[Amount, LinkableStatement | None]], rest: Amount
) -> Amount | None:
    """The one plan amount (a target of its own) before the remainder ``rest``, if any."""
    plans = [
        a
        for a, c in amounts
        if c is not None
        and c.actual is None
        and c.stated_kind is None
        and c.target == a.value
        and same_unit(a, rest)
        and a.value > rest.value
    ]
    return plans[-1] if len({a.value for a in plans}) == 1 else None


def _remainder_result(
    amounts: Sequence[tuple[Amount, LinkableStatement | None]],
    plan: Amount,
    rest: Amount,
    window: tuple[str, str],
) -> tuple[LinkableStatement, bool] | None:
    """The result the remainder ``rest`` to ``plan`` is counted from, and whether it fits.

    The result that with the remainder makes up the plan; else the one result (not a part,
    ``Trong đó`` / ``Riêng``) of the same unit word below the plan, when there is one. A
    result whose measure is named and differs from the plan's (``lợi nhuận`` against a plan
    of ``doanh thu``) is none. ``window``: the text and the folded window of the amounts.
    """
    text, folded = window
    results: dict[Decimal, LinkableStatement] = {}
    for a, c in amounts:
        if c is None or c.actual != a.value or c.target is not None or a.start > plan.start:
            continue
        if not same_unit(a, plan) or a.value >= plan.value or part_opened(c, text):
            continue
        if measures_apart(folded, a, plan):
            continue
        results.setdefault(a.value, c)
    fitting = [c for v, c in results.items() if v + rest.value == plan.value]
    if len(fitting) == 1:
        return fitting[0], True
    if len(results) == 1 and not fitting:
        return next(iter(results.values())), False
    return None


def _remainder_statement(
    text: str,
    low: int,
    m: re.Match[str],
    scope: tuple[Sequence[LinkableStatement], list[int]],
) -> LinkableStatement | None:
    """The result-versus-plan statement a remainder at ``low + m.start()`` states, if read."""
    start = low + m.start()
    wlow = max(0, start - REMAINDER_WINDOW)
    folded = fold(text[wlow : low + m.end() + 120])
    at = start - wlow + (m.end() - m.start())
    rests = [a for a in amounts_in(folded, at, min(len(folded), at + 40)) if a.start == at]
    if not rests or not rests[0].unit[1] or not _REMAINDER_GOAL.match(folded, rests[0].end):
        return None
    rest = rests[0]
    amounts = [(a, covering_statement(*scope, shifted(a, wlow))) for a in amounts_in(folded, 0, at)]
    plan = _remainder_plan(amounts, rest)
    found = None if plan is None else _remainder_result(amounts, plan, rest, (text, folded))
    if plan is None or found is None:
        return None
    c, fits = found
    assert isinstance(c.actual, Decimal)
    span = shifted(plan, wlow)
    exact = c.exact and m.group("q") is None
    verdict = "consistent" if fits else ("inconsistent" if exact else "unchecked")
    stated = text[wlow + rest.start : wlow + rest.end]
    note = noted(
        seg("linked", t=f"{plan.value:f}", text=text[span.start : span.end]),
        seg("no_percent"),
    )
    if verdict != "unchecked":
        note = noted(
            seg(
                "remainder",
                t=f"{plan.value:f}",
                a=f"{c.actual:f}",
                computed=f"{plan.value - c.actual:f}",
                stated=stated,
            )
        )
    return dataclasses.replace(
        c,
        start=start,
        end=wlow + rest.end,
        text=" ".join(text[start : wlow + rest.end].split()),
        target=plan.value,
        target_period="annual",
        **{**NO_PERCENT, "stated": stated if verdict != "unchecked" else None},
        consistent=None if verdict == "unchecked" else fits,
        verdict=verdict,
        link_start=span.start,
        link_end=span.end,
        link_text=text[span.start : span.end],
        note=note["note"],
        note_data=note["note_data"],
    )


def link_remainders(statements: Sequence[LinkableStatement], text: str) -> list[LinkableStatement]:
    """The statements, with a result set against the plan a remainder to it is written for.

    ``Quý I, huyện thu 2.500 tỷ đồng. … Dự toán năm nay của huyện là 10.000 tỷ đồng. Từ nay
    tới cuối năm, huyện phải huy động thêm 7.500 tỷ đồng để đạt dự toán``
    adds 2.500 against 10.000 billion, no percentage, and checks the remainder: the plan
    is the one amount set out as a target up to :data:`REMAINDER_WINDOW` characters before
    it, counted in the same word and larger than the remainder; the result, the figure
    before the plan that with the remainder makes it up — or, when none does, the one
    result there below the plan (not a part opened by ``Trong đó`` or ``Riêng``), and then
    the remainder written is flagged. Nothing is added when the two figures are already
    paired, or when the result is one of several that do not fit.
    """
    return with_unpaired(statements, text, _remainders(text), _remainder_statement)
