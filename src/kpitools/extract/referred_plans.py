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
    MEASURE_NAMES_RX,
    Amount,
    as_result,
    end_of_sentence,
    head_of_sentence,
    measure_kind,
)
from kpitools.extract.linking import against_plan
from kpitools.extract.past_bases import LAST_YEAR
from kpitools.extract.periods import one_part_named
from kpitools.extract.plans_after import Named, bare_statement, money_named, same_measure
from kpitools.extract.text import PLAN_NOUNS, years_named
from kpitools.extract.undated_results import firms_apart
from kpitools.textfold import rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement

# "Kết quả trên", "Với kết quả này", "Những con số này", "Kết quả năm 2041": the sentence
# opens on the results the sentence before states
_REFERS_BACK = rx(
    r"(?<!\w)(?:với\s+)?(?:kết\s+quả|(?:những\s+|các\s+)?con\s+số|số\s+liệu)"
    r"(?:\s+(?:này|trên|đó)|\s+năm\s+(?:19|20)\d\d)(?!\w)"
)
# "Đây là mức lợi nhuận cao nhất …, đồng thời vượt xa kế hoạch gần 89 tỷ đồng": the sentence
# opens on the level just stated and names its measure (round 168); what comes before the
# plan's words is the record it sets, not the plan's year
_LEVEL_BACK = rx(r"(?<!\w)đây\s+(?:cũng\s+)?là\s+(?:mức|con\s+số)\s+")
# "vượt (xa / nhẹ) mục tiêu", "thấp hơn kế hoạch", "chưa đạt chỉ tiêu", "cán đích mục tiêu":
# the results against a plan, with no percentage between
_AGAINST = rx(
    r"(?<!\w)(?:vượt(?:\s+(?:xa|nhẹ|qua))?|thấp\s+hơn|cao\s+hơn|chưa\s+(?:đạt|hoàn\s+thành)"
    r"|không\s+đạt|hoàn\s+thành|cán\s+đích|về\s+đích|tiệm\s+cận)"
    rf"(?:\s+(?:so\s+với|các|chỉ\s+tiêu))?\s+{PLAN_NOUNS}(?!\w)"
)
# "Tuy vậy, so với kế hoạch doanh thu A và lợi nhuận B …, công ty vẫn chưa hoàn thành …": the
# plans named first, the results before them said to meet or miss them
_COMPARED = rx(rf"(?:(?:tuy\s+vậy|tuy\s+nhiên|như\s+vậy)\s*,\s*)?so\s+với\s+{PLAN_NOUNS}(?!\w)")
_MET = rx(r"(?<!\w)(?:chưa\s+(?:hoàn\s+thành|đạt)|không\s+đạt|hoàn\s+thành|vượt)(?!\w)")
# where the plan's list ends: a clause's comma or semicolon, the sentence's end
_LIST_END = re.compile(r"[,;]\s|[.!?]\s|\n")
# "tăng 500 tỷ đồng", "giảm 20 tỷ đồng": a change, not a result
_CHANGE_BEFORE = rx(r"(?<!\w)(?:tăng|giảm|thêm|hụt|chênh|kỷ\s+lục)(?:\s+\w+)?\s*$")
# a plan, forecast or aim in the result's sentence: no result
_NO_RESULT = rx(rf"(?<!\w)(?:{PLAN_NOUNS}|dự\s+kiến|dự\s+báo|phấn\s+đấu|kỳ\s+vọng)(?!\w)")
# "… vượt kế hoạch doanh thu 3.000 tỷ đồng của năm trước", "… đề ra cho giai đoạn 2041-2045":
# last year's plan or a term's, not the year's results' (review D)
_OTHER_YEARS = rx(
    rf"(?<!\w)(?:{LAST_YEAR}|giai\s+đoạn|nhiệm\s+kỳ|(?:19|20)\d\d\s*[-–—]\s*(?:19|20)\d\d)(?!\w)"
)
# "vượt", "cán đích" / "thấp hơn", "chưa đạt": the results said above or below the plans
_PASSED = rx(r"(?<!\w)(?:vượt|cao\s+hơn|cán\s+đích|về\s+đích)(?!\w)")
_SHORT = rx(r"(?<!\w)(?:thấp\s+hơn|chưa\s+(?:đạt|hoàn\s+thành)|không\s+đạt|tiệm\s+cận)(?!\w)")
_REACH = 600
"""How far (characters) before the referring sentence the sentence of the results may start."""
_NAME_GAP = 5
"""How many words may stand between a result's measure and its amount (``sau thuế chín tháng
xấp xỉ``)."""
_SPAN = (Decimal("0.2"), Decimal("5"))
"""How far from the plan (shares of it) its result may be: further, it is of another scope."""


def _opens_sentence(folded: str, pos: int) -> bool:
    """Whether ``pos`` opens a sentence (read at most 20 characters back).

    Only white space stands between it and a full stop, a line's end or the text's start.
    """
    before = folded[max(0, pos - 20) : pos].rstrip(" \t")
    return (not before and pos <= 20) or before.endswith((".", "!", "?", "\n"))


def _plans(folded: str, head: int) -> list[tuple[Amount, Named]] | None:
    """The plan's amounts of the sentence opening at ``head``, or None when it is no such one.

    The sentence refers back to the results (:data:`_REFERS_BACK`), sets them against a plan
    (:data:`_AGAINST`) with no percentage before it; the plan's amounts are those after the plan's
    noun up to the clause's end, each of a named measure.
    """
    end = end_of_sentence(folded, head, _REACH)
    m = _AGAINST.search(folded, head, end)
    if m is None or "%" in folded[head : m.start()]:
        return None  # "thực hiện được 77% kế hoạch doanh thu nhưng …": the percentages' passes
    last = _LIST_END.search(folded, m.end(), end + 1)
    return _named_plans(money_named(folded, m.end(), last.start() if last else end))


def _level_plans(folded: str, m: re.Match[str]) -> tuple[int, list[tuple[Amount, Named]]] | None:
    """The plan's clause and amount of a sentence opening on ``Đây là mức <measure>``.

    Where the clause starts, and its one plan amount, of the measure the opening names when
    it names none of its own: ``Đây là mức lợi nhuận cao nhất …, đồng thời vượt xa kế
    hoạch gần 89 tỷ đồng đã trình …``: one amount after the plan's words (:data:`_AGAINST`),
    no percentage before them.
    """
    name = MEASURE_NAMES_RX.match(folded, m.end())
    if name is None:
        return None
    end = end_of_sentence(folded, m.start(), _REACH)
    against = _AGAINST.search(folded, name.end(), end)
    if against is None or "%" in folded[m.start() : against.start()]:
        return None
    last = _LIST_END.search(folded, against.end(), end + 1)
    plans = money_named(folded, against.end(), last.start() if last else end)
    if len(plans) != 1 or plans[0][1][0] not in (None, name.group()):
        return None
    amount, (_, kind) = plans[0]
    return against.start(), [(amount, (name.group(), kind))]


def _compared_plans(folded: str, m: re.Match[str]) -> list[tuple[Amount, Named]] | None:
    """The plan's amounts of a sentence opening on ``So với kế hoạch …`` (:data:`_COMPARED`).

    They stand before the clause's comma, each of a named measure, and the clause after it
    says the plan met or missed (:data:`_MET`) with no figure: ``…, công ty vẫn chưa hoàn
    thành các chỉ tiêu``.
    """
    end = end_of_sentence(folded, m.start(), _REACH)
    comma = _LIST_END.search(folded, m.end(), end + 1)
    if comma is None or folded[comma.start()] != ",":
        return None
    after = folded[comma.end() : end]
    if _MET.search(after) is None or re.search(r"\d", after):
        return None
    return _named_plans(money_named(folded, m.end(), comma.start()))


def _named_plans(plans: list[tuple[Amount, Named]]) -> list[tuple[Amount, Named]] | None:
    """``plans`` when each names its measure, one amount each; else None."""
    if not plans or any(n[0] is None for _, n in plans):
        return None
    if len({n for _, n in plans}) != len(plans):
        return None  # one measure's plan written twice: which is meant is not said
    return plans


def _plans_said(folded: str, end: int) -> list[tuple[int, list[tuple[Amount, Named]]]]:
    """Where each sentence setting the results before against a plan opens, and its plans."""
    out = []
    for m in _REFERS_BACK.finditer(folded, 0, end):
        plans = _plans(folded, m.start()) if _opens_sentence(folded, m.start()) else None
        if plans is not None:
            out.append((m.start(), plans))
    for m in _COMPARED.finditer(folded, 0, end):
        plans = _compared_plans(folded, m) if _opens_sentence(folded, m.start()) else None
        if plans is not None:
            out.append((m.start(), plans))
    for m in _LEVEL_BACK.finditer(folded, 0, end):
        level = _level_plans(folded, m) if _opens_sentence(folded, m.start()) else None
        if level is not None:
            out.append(level)  # read from the plan's words: the record's years are not its
    return sorted(out, key=lambda p: p[0])


def _narrowed(folded: str, start: int, a: Amount) -> bool:
    """Whether the amount ``a`` is of a narrower measure than the one named before it.

    More than :data:`_NAME_GAP` words stand between it and the measure's name in its
    sentence (from ``start``): ``doanh thu cho thuê đất và hạ tầng khu công nghiệp đạt …``.
    """
    named = list(MEASURE_NAMES_RX.finditer(folded, max(start, a.start - 200), a.start))
    return bool(named) and len(folded[named[-1].end() : a.start].split()) > _NAME_GAP


def _sentences_before(folded: str, head: int) -> list[tuple[int, int]]:
    """The sentences of the paragraph before ``head``, nearest first (read :data:`_REACH` back).

    A sentence cut by the reach is not one of them.
    """
    low = max(0, head - _REACH)
    out = []
    end = head
    for m in reversed(list(FULL_STOP.finditer(folded, low, head - 1))):
        if folded[m.end() : end].strip():
            out.append((m.end(), end))
            if "\n" in m.group():
                return out  # the paragraph's first sentence (the plan's may open the next)
        end = m.start() + 1
    return [*out, (0, end)] if low == 0 else out


def _result(
    folded: str, head: int, plan: tuple[Amount, Named], plan_years: set[str]
) -> Amount | None:
    """The amount of the plan's measure in the nearest sentence before ``head`` naming one.

    None when that sentence names two of its amounts, states a plan or forecast, or names
    another year before them than the plan's, or one quarter or month (``Quý IV/2041, …``,
    ``Tháng 11, …``: not the result the year's plan is said of; ``Lũy kế 9 tháng …`` is); or
    when the amount is a change or far off the plan (:data:`_SPAN`).
    """
    amount, named = plan
    for start, end in _sentences_before(folded, head):
        found = [
            a
            for a, n in money_named(folded, start, end)
            if same_measure(named, n) and not _narrowed(folded, start, a)
        ]
        if not found:
            continue
        a = found[0]
        own = years_named(folded, start, a.start)
        low_share, high_share = _SPAN
        if (
            len({b.value for b in found}) != 1
            or _NO_RESULT.search(folded, start, end)
            or (plan_years and not own <= plan_years)
            or one_part_named(folded, start, a.start) is not None
            or _CHANGE_BEFORE.search(folded, max(start, a.start - 30), a.start)
            or (a.unit[1] == "usd") != (amount.unit[1] == "usd")
            or not low_share * amount.value <= a.value <= high_share * amount.value
        ):
            return None
        return a
    return None


def _results(folded: str, head: int, plans: list[tuple[Amount, Named]]) -> list[Amount] | None:
    """The result of each plan (:func:`_result`), in order; None when one has none.

    None too when the plans' sentence names last year or a term (``… của năm trước``, ``… cho
    giai đoạn 2041-2045``, ``nhiệm kỳ``): not the plans of the results'.
    """
    plan_years = years_named(folded, head, end_of_sentence(folded, head, _REACH))
    if _OTHER_YEARS.search(folded, head, end_of_sentence(folded, head, _REACH)):
        return None
    out = [_result(folded, head, plan, plan_years) for plan in plans]
    found = [a for a in out if a is not None]
    return found if len(found) == len(out) and len({a.start for a in found}) == len(found) else None


def _contradicted(
    folded: str, head: int, plans: list[tuple[Amount, Named]], results: list[Amount]
) -> bool:
    """Whether the plans' sentence (at ``head``) says the results passed or missed, and one did not.

    Passed (``vượt``, ``cán đích``) with a result below its plan, or fell short (``chưa
    đạt``, ``thấp hơn``) with one above it (review D).

    ``Quý IV/2041, … 300 tỷ đồng. Kết quả này giúp công ty vượt kế hoạch … 1.000 tỷ đồng``:
    the result passed is another (the year's sum). A sentence saying both is not read so.
    """
    end = end_of_sentence(folded, head, _REACH)
    passed, short = _PASSED.search(folded, head, end), _SHORT.search(folded, head, end)
    if bool(passed) == bool(short):
        return False
    pairs = [(r.value, p.value) for (p, _), r in zip(plans, results, strict=True)]
    return any(r < p if passed else r > p for r, p in pairs)


def _year(folded: str, head: int, result: Amount) -> int | None:
    """The year of the plan and its result; None when none or several are named.

    The one year the plan's sentence (opening at ``head``) names, else the one the result's
    sentence names before ``result``.
    """
    years = years_named(folded, head, end_of_sentence(folded, head, _REACH)) or years_named(
        folded, head_of_sentence(folded, result.start), result.start
    )
    return int(next(iter(years))) if len(years) == 1 else None


def _of_another_firm(text: str, folded: str, head: int, results: list[Amount]) -> bool:
    """Whether a result's sentence and the plan's (opening at ``head``) name two firms."""
    plan = (head, end_of_sentence(folded, head, _REACH))
    return any(firms_apart(text, (head_of_sentence(folded, r.start), r.end), plan) for r in results)


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
    for head, plans in _plans_said(folded, end):
        results = _results(folded, head, plans)
        if results is None or _of_another_firm(text, folded, head, results):
            continue
        if _contradicted(folded, head, plans, results):
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
