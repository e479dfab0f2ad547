"""The year's plans a text sets out, read as target statements for the part-year pass.

The sentence grammar reads a plan as a target statement only in the wordings it knows; a
plan's list (``kế hoạch doanh thu và lợi nhuận sau thuế tương ứng là 900 tỷ đồng và 60 tỷ
đồng``, ``đặt mục tiêu doanh thu 900 tỷ đồng, lợi nhuận trước thuế 60 tỷ đồng``) or a plan
read as the figure of its own growth (``mục tiêu lợi nhuận 60 tỷ đồng, tăng 20% so với thực
hiện năm 2040``) is none. :func:`set_out_plans` reads each money amount a plan cue sets out,
with its measure and kind, as a target statement (not in the output) that
:func:`~kpitools.extract.part_year.link_part_year_amounts` sets part-year amounts against.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from kpitools.extract.amounts import (
    AMOUNT_JOINT,
    AMOUNT_QUALIFIER,
    FULL_STOP,
    MEASURE_JOINT,
    MEASURE_KIND,
    MEASURE_NAMES,
    MEASURE_NAMES_RX,
    MONEY_WORDS,
    PART_OF_YEAR,
    PLAN_CUE,
    PROGRAMME_CHUNK,
    RESPECTIVE,
    YEAR,
    Amount,
    amounts_in,
    clause_around,
    head_of_sentence,
    measure_kind,
    sets_out_plan,
    shifted,
)
from kpitools.extract.linking import covering_statement
from kpitools.extract.plans_after import bare_statement
from kpitools.textfold import fold, rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement


class SetOutPlan(NamedTuple):
    """A plan amount set out in the text, as a target statement, with its measure and kind."""

    statement: LinkableStatement
    amount: Amount
    """The amount, in the text's coordinates."""
    measure: tuple[str | None, str | None]
    listed: tuple[int, int] | None
    """The span of the ``tương ứng`` / ``lần lượt`` list the amount is an item of, if any."""


# "giảm", "tăng", "lên", "ghi nhận", "thực hiện", "đạt được": a result's or a change's word in a
# plan's list of measures (a list of results or changes, not of plans)
_NOT_A_PLAN_LIST = rx(
    r"(?<!\w)(?:thực\s+hiện|ghi\s+nhận|tăng|giảm|lên|đạt\s+được|hoàn\s+thành|chiếm)(?!\w)"
)
_SENTENCE_REACH = 400
"""How far (characters) after a plan cue its amounts are looked for (a sentence's length)."""


def set_out_plans(statements: Sequence[LinkableStatement], text: str) -> list[SetOutPlan]:
    """The money plans of a year ``text`` sets out that no target statement holds.

    An amount after a plan cue (:data:`~kpitools.extract.amounts.PLAN_CUE`) in its sentence,
    set out as a plan (:func:`~kpitools.extract.amounts.sets_out_plan`) of a named measure,
    of no part of the year, not qualified; or an item of a list spread over the measures
    named between the cue and ``tương ứng`` / ``lần lượt`` (``kế hoạch doanh thu và lợi
    nhuận sau thuế tương ứng là 900 tỷ đồng và 60 tỷ đồng``: 900 billion of revenue, 60 of
    after-tax profit), as many amounts as measures. Its year is the first the sentence names
    before it. Not an amount read as a target statement already (the pass reads those), nor
    one a statement reads as a result set against a target.
    """
    if not statements:
        return []
    file = statements[0].file
    ordered = sorted(statements, key=lambda c: c.start)
    scope = (ordered, [c.start for c in ordered])
    out: list[SetOutPlan] = []
    seen: set[int] = set()
    for low in range(0, len(text), PROGRAMME_CHUNK):
        folded = fold(text[low : low + PROGRAMME_CHUNK + _SENTENCE_REACH])
        for cue in PLAN_CUE.finditer(folded, 0, min(len(folded), PROGRAMME_CHUNK)):
            for a, measure, listed in _plans_after(folded, cue):
                at = shifted(a, low)
                if at.start in seen:
                    continue
                c = covering_statement(*scope, at)
                if c is not None and (c.actual != a.value or c.target is not None):
                    continue  # a target statement (read by the pass), or a result
                seen.add(at.start)
                year = YEAR.search(folded, head_of_sentence(folded, a.start), a.start)
                s = bare_statement(
                    file,
                    text,
                    (at.start, at.end),
                    label=" ".join(w for w in measure if w),
                    year=int(year.group()) if year else None,
                    target=a.value,
                    target_period="annual",
                )
                span = (listed[0] + low, listed[1] + low) if listed else None
                out.append(SetOutPlan(s, at, measure, span))
    return out


def _plans_after(
    folded: str, cue: re.Match[str]
) -> list[tuple[Amount, tuple[str | None, str | None], tuple[int, int] | None]]:
    """The money plan amounts the plan cue ``cue`` sets out in its sentence, with measures.

    See :func:`set_out_plans`; the list's span with an item of a respective list.
    """
    stop = FULL_STOP.search(folded, cue.end(), cue.end() + _SENTENCE_REACH)
    end = stop.start() if stop else min(len(folded), cue.end() + _SENTENCE_REACH)
    following = PLAN_CUE.search(folded, cue.end(), end)
    if following is not None:
        end = following.start()  # the next cue reads its own amounts
    amounts = [a for a in amounts_in(folded, cue.end(), end) if a.unit[1]]
    respective = RESPECTIVE.search(folded, cue.end(), end)
    if respective is not None:
        return _respective_items(folded, cue.end(), respective, amounts)
    out: list[tuple[Amount, tuple[str | None, str | None], tuple[int, int] | None]] = []
    for a in amounts:
        if a.unit[1] not in MONEY_WORDS or not _plain_plan(folded, a, cue):
            continue
        measure = measure_kind(folded, a)
        if measure[0] is not None:
            out.append((a, measure, None))
    return out


def _plain_plan(folded: str, a: Amount, cue: re.Match[str]) -> bool:
    """Whether ``a`` is set out as a plan of the whole year, unqualified and exact.

    Not with words in brackets between the cue and it (``kế hoạch tổng doanh thu (gồm tiêu
    thụ nội bộ) 9.000 tỷ đồng``: a measure of its own).
    """
    return (
        ")" not in folded[cue.end() : a.start]
        and sets_out_plan(folded, a, 0)
        and not AMOUNT_QUALIFIER.search(folded, max(0, a.start - 20), a.start)
        and PART_OF_YEAR.search(folded, *clause_around(folded, a.start, a.end)) is None
        and not re.match(r"\s*(?:-|–|đến|tới)\s*\d", folded[a.end : a.end + 8])
    )


def _respective_items(
    folded: str, start: int, respective: re.Match[str], amounts: list[Amount]
) -> list[tuple[Amount, tuple[str | None, str | None], tuple[int, int] | None]]:
    """The items of a plan's list the measures before ``respective`` are spread over, in order.

    ``kế hoạch doanh thu và lợi nhuận trước thuế tương ứng là 900 tỷ đồng và 60 tỷ đồng``:
    only measures (:data:`~kpitools.extract.amounts.MEASURE_NAMES`, each maybe with its
    kind) and their joints between the cue and ``tương ứng``, no result's word; the amounts
    right after it, of money, joined by commas or ``và``, as many as the measures.
    """
    lead = folded[start : respective.start()]
    if _NOT_A_PLAN_LIST.search(lead) or PART_OF_YEAR.search(lead):
        return []
    names = list(MEASURE_NAMES_RX.finditer(folded, start, respective.start()))
    measures: list[tuple[str | None, str | None]] = []
    for i, m in enumerate(names):
        kind = MEASURE_KIND.match(folded, m.end())
        after = kind.end() if kind else m.end()
        if i + 1 < len(names) and not MEASURE_JOINT.fullmatch(folded, after, names[i + 1].start()):
            return []  # other words between two measures: no plain list of them
        name = " ".join(m.group().split())
        measures.append((MEASURE_NAMES[name], " ".join(kind.group(1).split()) if kind else None))
    if len(measures) < 2:
        return []
    items = [a for a in amounts if a.start >= respective.end()][: len(measures)]
    if len(items) != len(measures) or items[0].start != respective.end():
        return []
    for x, y in itertools.pairwise(items):
        if not AMOUNT_JOINT.fullmatch(folded, x.end, y.start):
            return []
    if any(a.unit[1] not in MONEY_WORDS for a in items):
        return []
    span = (items[0].start, items[-1].end)
    return [(a, m, span) for a, m in zip(items, measures, strict=True)]
