"""Plans named in the sentence that speaks of the results just stated, no percentage.

``Năm 2041, công ty đạt doanh thu 3.260 tỷ đồng, lợi nhuận trước thuế 215 tỷ đồng. Kết quả
trên vượt mục tiêu đề ra doanh thu 3.000 tỷ đồng và lợi nhuận trước thuế 180 tỷ đồng.``: the
second sentence opens on the results (``Kết quả trên``, ``Kết quả này``, ``Với kết quả này``,
``Con số này``, ``Kết quả năm 2041``), says they passed, missed or reached a plan (``vượt``,
``thấp hơn``, ``chưa đạt``, ``cán đích`` … ``kế hoạch / mục tiêu / chỉ tiêu / dự toán``) and
gives the plan's amounts by their measures: each is set against the one amount of its measure
(and kind) in the sentence before. :func:`link_plans_said_of_results` runs in
:func:`kpitools.extract.statements.extract_statements`, with money read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.amounts import (
    FULL_STOP,
    MONEY_WORDS,
    Amount,
    amounts_in,
    as_result,
    head_of_sentence,
    measure_kind,
)
from kpitools.extract.linking import against_plan
from kpitools.extract.plans_after import bare_statement
from kpitools.extract.text import NAMED_YEAR, PLAN_NOUNS
from kpitools.textfold import rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement

# "Kết quả trên", "Với kết quả này", "Những con số này", "Kết quả năm 2041": the sentence
# opens on the results the sentence before states
_REFERS_BACK = rx(
    r"(?<!\w)(?:với\s+)?(?:kết\s+quả|(?:những\s+|các\s+)?con\s+số|số\s+liệu)"
    r"(?:\s+(?:này|trên|đó)|\s+năm\s+(?:19|20)\d\d)(?!\w)"
)
# "vượt (xa / nhẹ) mục tiêu", "thấp hơn kế hoạch", "chưa đạt chỉ tiêu", "cán đích mục tiêu":
# the results against a plan, with no percentage between
_AGAINST = rx(
    r"(?<!\w)(?:vượt(?:\s+(?:xa|nhẹ|qua))?|thấp\s+hơn|cao\s+hơn|chưa\s+(?:đạt|hoàn\s+thành)"
    r"|không\s+đạt|hoàn\s+thành|cán\s+đích|về\s+đích|tiệm\s+cận)"
    rf"(?:\s+(?:so\s+với|các|chỉ\s+tiêu))?\s+{PLAN_NOUNS}(?!\w)"
)
# where the plan's list ends: a clause's comma or semicolon, the sentence's end
_LIST_END = re.compile(r"[,;]\s|[.!?]\s|\n")
# "tăng 500 tỷ đồng", "giảm 20 tỷ đồng": a change, not a result
_CHANGE_BEFORE = rx(r"(?<!\w)(?:tăng|giảm|thêm|hụt|chênh|kỷ\s+lục)(?:\s+\w+)?\s*$")
# a plan, forecast or aim in the result's sentence: no result
_NO_RESULT = rx(rf"(?<!\w)(?:{PLAN_NOUNS}|dự\s+kiến|dự\s+báo|phấn\s+đấu|kỳ\s+vọng)(?!\w)")
_REACH = 600
"""How far (characters) before the referring sentence the sentence of the results may start."""
_SPAN = (Decimal("0.2"), Decimal("5"))
"""How far from the plan (shares of it) its result may be: further, it is of another scope."""

_Named = tuple[str | None, str | None]


def _money(folded: str, start: int, end: int) -> list[tuple[Amount, _Named]]:
    return [
        (a, measure_kind(folded, a))
        for a in amounts_in(folded, start, end)
        if a.unit[1] in MONEY_WORDS
    ]


def _same_measure(plan: _Named, result: _Named) -> bool:
    if plan[0] is None or plan[0] != result[0]:
        return False
    return plan[1] is None or result[1] is None or plan[1] == result[1]


def _years(folded: str, start: int, end: int) -> set[str]:
    return {m.group(1) for m in NAMED_YEAR.finditer(folded, start, end)}


def _sentence_end(folded: str, pos: int) -> int:
    """Where the sentence around ``pos`` ends (read at most :data:`_REACH` on)."""
    stop = FULL_STOP.search(folded, pos, pos + _REACH)
    return stop.start() if stop else min(len(folded), pos + _REACH)


def _opens_sentence(folded: str, pos: int) -> bool:
    """Whether ``pos`` opens a sentence (read at most 20 characters back).

    Only white space stands between it and a full stop, a line's end or the text's start.
    """
    before = folded[max(0, pos - 20) : pos].rstrip(" \t")
    return (not before and pos <= 20) or before.endswith((".", "!", "?", "\n"))


def _plans(folded: str, head: int) -> list[tuple[Amount, _Named]] | None:
    """The plan's amounts of the sentence opening at ``head``, or None when it is no such one.

    The sentence refers back to the results (:data:`_REFERS_BACK`), sets them against a plan
    (:data:`_AGAINST`) with no percentage before it; the plan's amounts are those after the plan's
    noun up to the clause's end, each of a named measure.
    """
    end = _sentence_end(folded, head)
    m = _AGAINST.search(folded, head, end)
    if m is None or "%" in folded[head : m.start()]:
        return None  # "thực hiện được 77% kế hoạch doanh thu nhưng …": the percentages' passes
    last = _LIST_END.search(folded, m.end(), end + 1)
    plans = _money(folded, m.end(), last.start() if last else end)
    if not plans or any(n[0] is None for _, n in plans):
        return None
    if len({n for _, n in plans}) != len(plans):
        return None  # one measure's plan written twice: which is meant is not said
    return plans


def _results(folded: str, head: int, plans: list[tuple[Amount, _Named]]) -> list[Amount] | None:
    """The amount of each plan's measure in the sentence that ends at ``head``, in order."""
    low = max(0, head - _REACH)
    stops = [m.end() for m in FULL_STOP.finditer(folded, low, head - 1)]
    if not stops and low > 0:
        return None  # the sentence before is not wholly in the reach
    start = stops[-1] if stops else 0
    if _NO_RESULT.search(folded, start, head):
        return None  # a plan or forecast is stated there too
    found = _money(folded, start, head)
    plan_years = _years(folded, head, _sentence_end(folded, head))
    own = _years(folded, start, min((a.start for a, _ in found), default=head))
    if plan_years and not own <= plan_years:
        return None  # the results of another year than the plan's (not a base after them)
    out = []
    for plan, named in plans:
        same = [a for a, n in found if _same_measure(named, n)]
        if len({a.value for a in same}) != 1:
            return None
        a = same[0]
        low_share, high_share = _SPAN
        if (
            _CHANGE_BEFORE.search(folded, max(start, a.start - 30), a.start)
            or (a.unit[1] == "usd") != (plan.unit[1] == "usd")
            or not low_share * plan.value <= a.value <= high_share * plan.value
        ):
            return None
        out.append(a)
    return out


def _year(folded: str, head: int, result: Amount) -> int | None:
    """The year of the plan and its result; None when none or several are named.

    The one year the plan's sentence (opening at ``head``) names, else the one the result's
    sentence names before ``result``.
    """
    years = _years(folded, head, _sentence_end(folded, head)) or _years(
        folded, head_of_sentence(folded, result.start), result.start
    )
    return int(next(iter(years))) if len(years) == 1 else None


def _claimed(c: LinkableStatement, r: Amount) -> bool:
    """Whether ``c`` reads the amount ``r`` against a plan already (its growth alone is not)."""
    return c.start <= r.start < c.end and (
        c.target is not None or c.stated_kind not in (None, "growth")
    )


def link_plans_said_of_results(
    statements: Sequence[LinkableStatement], text: str, folded: str, *, end: int, file: str
) -> list[LinkableStatement]:
    """The statements, with each plan said of the results before set against its result.

    See the module's text. Nothing is added when a statement already reads one of the
    results with a target or a percentage; a statement that reads a plan's amount as a
    target alone gives way. ``folded`` is ``text`` folded; only what starts before ``end``
    is read.
    """
    out = list(statements)
    for m in _REFERS_BACK.finditer(folded, 0, end):
        head = m.start()
        if not _opens_sentence(folded, head):
            continue
        plans = _plans(folded, head)
        if plans is None:
            continue
        results = _results(folded, head, plans)
        if results is None:
            continue
        if any(_claimed(c, r) for r in results for c in out):
            continue
        spans = {(p.start, p.end) for p, _ in plans}
        out = [c for c in out if (c.start, c.end) not in spans or c.actual is not None]
        year = _year(folded, head, results[0])
        for (plan, _), result in zip(plans, results, strict=True):
            s = bare_statement(file, text, (plan.start, plan.end), target=plan.value, year=year)
            noun = " ".join(w for w in measure_kind(folded, result) if w)
            c = as_result(s, result, folded, 0, text, noun)
            linked = against_plan(c, plan, text, year=year, target=plan.value)
            at = next((i for i, x in enumerate(out) if x.start > result.start), len(out))
            out.insert(at, linked)
    return out
