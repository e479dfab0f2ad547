"""A percentage of a plan that the passage's one plan, written before it, contradicts.

``Năm 2041, huyện được giao kế hoạch trồng 52.000 cây phân tán. … Đến hết quý III, toàn
huyện trồng được 31.000 cây, đạt 71% kế hoạch.`` and ``Quý I, công ty đạt doanh thu 180 tỷ
đồng. … Năm nay, công ty đặt kế hoạch doanh thu 600 tỷ đồng. … Như vậy, công ty đã hoàn thành
35% kế hoạch doanh thu năm.``: the statement pass links a percentage to a plan written apart
only when the figures give it (precision first), so a percentage the figures contradict
stays unlinked and the audit never sees it. Two kinds are read: a result's percentage of an
unnamed plan (the plan: the one amount of the result's unit, and for money of its named
measure, set out as the whole year's plan of the same count) and a named plan's bare
percentage (the measure's one result and one plan, :mod:`kpitools.extract.measure_results`).
When the passage leaves no choice — one result of the percentage's period and one plan, both
exact, the plan written before the percentage, of the same year, neither revised nor a part's
— and the two are more than :data:`~kpitools.extract.bare_plans.TRIPLE_SPREAD` from it, the
percentage is flagged (31.000 of 52.000 is 59,6 %). The statement keeps its figures: the
audit reads further than the statements.
"""

from __future__ import annotations

import bisect
import dataclasses
import json
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.amounts import (
    APART_MEASURES,
    COMPARED,
    MONEY_WORDS,
    PART_OF_YEAR,
    PLAN_AMOUNT_WINDOW,
    YEAR,
    Amount,
    after_percent,
    amounts_in,
    clause_head,
    has_qualifier,
    measure_kind,
    part_opened,
    plan_measure,
    sentence_span,
    sets_out_plan,
    thing_counted,
)
from kpitools.extract.bare_plans import TRIPLE_SPREAD, triple_fits
from kpitools.extract.linking import flagged_statement, percent_of
from kpitools.extract.measure_results import (
    measure_figures,
    named_percentage,
    percent_head,
    plan_apart,
    plan_of_other_standing,
)
from kpitools.extract.past_bases import COMPARE_WITH_WORDS, LAST_YEAR, SAME_PERIOD, YEAR_DIGITS
from kpitools.extract.text import PLAN_NOUNS
from kpitools.textfold import fold, rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement

# "ước đạt", "dự kiến", "khoảng": a forecast or an estimate is no figure to hold a report to
_ESTIMATED = rx(r"(?<!\w)(?:ước|dự\s+kiến|dự\s+báo|khoảng|xấp\s+xỉ|gần|hơn|trên)(?!\w)")
# "Năm tới, huyện đặt kế hoạch …": the next year, not the one named before
_NEXT_YEAR = rx(r"(?<!\w)(?:năm\s+(?:tới|sau|kế\s+tiếp)|sang\s+năm)(?!\w)")
# "kế hoạch điều chỉnh", "điều chỉnh giảm kế hoạch": a revised plan may be another figure;
# in the plan's, result's or percentage's sentence any "điều chỉnh", elsewhere in the window
# only one with a plan noun (not "điều chỉnh quy hoạch khu dân cư")
_REVISED = rx(r"(?<!\w)điều\s+chỉnh(?!\w)")
_PLAN_REVISED = rx(
    rf"(?<!\w)(?:điều\s+chỉnh(?:\s+[^\W\d_]+){{0,2}}?\s+{PLAN_NOUNS}"
    rf"|{PLAN_NOUNS}(?:\s+[^\W_]+){{0,5}}?\s+điều\s+chỉnh)(?!\w)"
)
# "đạt 95% kế hoạch của huyện", "44% kế hoạch lợi nhuận điều chỉnh": a plan of its own
# unit, or a revised one, not the one the passage sets out
_ANOTHER_PLAN_AFTER = rx(
    rf"^\s*(?:so\s+(?:với\s+)?)?{PLAN_NOUNS}(?:\s+[^\W\d_]+){{0,4}}?\s+(?:của|điều\s+chỉnh)(?!\w)"
)
# "đạt 71% kế hoạch quý", "… kế hoạch 9 tháng", "… kế hoạch nửa đầu năm": a part's plan
_PART_PLAN_AFTER = rx(
    rf"^\s*(?:so\s+(?:với\s+)?)?{PLAN_NOUNS}\s+(?:quý|tháng|\d{{1,2}}\s+tháng|nửa)(?!\w)"
)
# "Trong quý III, …", "Trong tháng 10, …": the result is one part's, not the year's to date
_ONE_PART_RESULT = rx(r"(?<!\w)trong\s+(?:quý|tháng)\s+(?:iv|i{1,3}|\d{1,2})(?!\w)")
# "vượt kế hoạch quý 3.000 cây", "kế hoạch còn lại của năm là 21.000 cây": a margin or what
# is left, no plan
_NOT_THE_PLAN = rx(r"(?<!\w)(?:vượt|còn\s+lại)(?!\w)")
# "300 căn nhà cho hộ nghèo": the plan of a part, unless the result names the same part
_PART_NAMED = rx(r"[^,;.\n\d]{0,30}?(?<!\w)(?:cho|của|tại|ở|thuộc)\s+[^\W\d_]+(?:\s+[^\W\d_]+)?")
# words between a result's verb and its amount: "trồng được 31.000 cây"
_VERB_FILLERS = frozenset(fold(w) for w in ("được", "cho", "là", "đạt", "đã", "có", "thêm"))
_FLAGGED = ("inconsistent", "truncated")


def check_contradicted_plans(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, a bare percentage of a plan flagged when the only figures deny it.

    ``s`` states an attainment of a plan with no target and no qualifier: either a named
    plan's (``35% kế hoạch doanh thu``, its measure's figures read by
    :func:`~kpitools.extract.measure_results.measure_figures`, see :func:`_lone_pair`) or its
    result's own percentage of an unnamed plan (see :func:`_lone_plan`). When there is exactly
    one result and one plan, neither written with a qualifier, the plan set out before the
    percentage, of its year and level, not revised and no part's (:func:`_checked_pair`), no
    estimate in the result's or the percentage's sentence, and 100 × result / plan more than
    :data:`~kpitools.extract.bare_plans.TRIPLE_SPREAD` points from the percentage, ``s`` is
    flagged (``plan_of_measure``: the plan of its measure, or of its unit alone).
    """
    out = list(statements)
    # where each measure's percentages of a plan are: a result one of several is a part's
    said: dict[str, list[int]] = {}
    for s in statements:
        if s.stated_kind == "attainment" and s.stated is not None:
            said.setdefault(_unit_word(s), []).append(s.start)
    measures: dict[int, str | None] = {}
    for i, s in enumerate(statements):
        if not _unlinked(s) or s.qualifier is not None or s.verdict in _FLAGGED:
            continue
        if named_percentage(s):
            pair = _lone_pair(s, text)
        else:
            near = _others_near(said.get(_unit_word(s), []), s.start)
            if near and _apart_measures(s, near, statements, text, measures):
                near = []
            pair = None if near else _lone_plan(s, text)
        if pair is not None:
            out[i] = _flagged(s, *pair)
    out = [_checked_growth(s, text) for s in out]
    return _with_read_pairs(out)


# "…, tăng 14,9% so với năm trước", "giảm 70% so với thực hiện năm 2019", "… so với cùng kỳ":
# a growth over the year before, or over a year named
_OVER_YEAR = rx(
    rf"^\s*{COMPARE_WITH_WORDS}(?:(?:thực\s+hiện|kết\s+quả)\s+)?(?:{LAST_YEAR}(?!\s+\d)"
    rf"|{SAME_PERIOD}(?:\s+{LAST_YEAR})?|(?:năm\s+)?(?P<year>{YEAR_DIGITS}))(?!\w)"
)
# a part of a year (a quarter, months, a half) or a forecast: no whole year's figure
_NOT_A_YEAR = rx(
    r"(?<!\w)(?:quý|tháng|tuần|nửa|bán\s+niên|lũy\s+kế|luỹ\s+kế|ước|dự\s+kiến|dự\s+báo"
    r"|khoảng|gần|hơn|trên|công\s+ty\s+mẹ|riêng\s+lẻ)(?!\w)"
)


def _checked_growth(s: LinkableStatement, text: str) -> LinkableStatement:
    """``s``, a growth over the year before flagged when the year before's one figure denies it.

    ``Năm 2041 doanh thu của công ty đạt 16.900 tỷ đồng. … kế hoạch năm 2042 với chỉ tiêu
    doanh thu 20.150 tỷ đồng, tăng 9,5% so với năm trước``: the growth's amount is a whole
    year's money amount of a named measure and kind, and the passage writes that measure's
    figure of the year compared with (the year before its own, or the one named) once, in
    another sentence before it, a result (no plan word), exact and no part's or forecast; when
    the two give a growth more than :data:`~kpitools.extract.bare_plans.TRIPLE_SPREAD` points
    from the one stated, ``s`` is flagged (``growth_of_year``).
    """
    if (
        s.stated_kind != "growth"
        or s.verdict != "unchecked"
        or s.qualifier is not None
        or s.stated_percent is None
        or '"growth_base"' not in (s.note_data or "")
    ):
        return s
    over = _OVER_YEAR.match(after_percent(s, text))
    low = max(0, s.start - PLAN_AMOUNT_WINDOW)
    folded = fold(text[low : s.end])
    at = s.start - low
    percent = folded.find("%", at)
    own = [a for a in amounts_in(folded, at, percent) if a.unit[1] in MONEY_WORDS]
    if over is None or percent < 0 or len(own) != 1:
        return s
    amount = own[0]
    year = _year_upto(folded, amount.start)
    head, _ = sentence_span(folded, amount)
    if year is None or not year.isdigit() or _NOT_A_YEAR.search(folded, head, percent):
        return s
    base_year = over.group("year") or str(int(year) - 1)
    measure = _measure_of(folded, amount)
    if measure[0] is None or base_year == year:
        return s
    bases = [
        a
        for a in amounts_in(folded, 0, head)
        if a.unit[1] == amount.unit[1]
        and _measure_of(folded, a) == measure
        and _year_upto(folded, a.start) == base_year
        and not has_qualifier(folded, a)
        and not _PLAN_WORD.search(folded, sentence_span(folded, a)[0], a.start)
        and not _NOT_A_YEAR.search(folded, sentence_span(folded, a)[0], a.end)
        and not COMPARED.search(folded, max(0, a.start - 40), a.start)
    ]
    if len({a.value for a in bases}) != 1 or bases[0].value <= 0:
        return s
    base = bases[0].value
    exact = 100 * (amount.value / base - 1)
    if abs(exact - s.stated_percent) <= TRIPLE_SPREAD:
        return s
    words = " ".join(text[low + sentence_span(folded, bases[0])[0] : low + bases[0].end].split())
    fields = {"a": f"{amount.value:f}", "base": f"{base:f}", "exact": f"{exact:.6g}"}
    return flagged_statement(s, "growth_of_year", **fields, text=words)


def _with_read_pairs(statements: list[LinkableStatement]) -> list[LinkableStatement]:
    """``statements``, a flagged percentage given the result and plan another read as a pair.

    ``Quý I, doanh thu thuần giảm 38,5% về còn 474 tỷ đồng. … đã thực hiện được 26% mục
    tiêu doanh thu`` with the plan of 1.280 tỷ đồng read for 474 (no percentage): the pair
    and the percentage the figures deny are one statement, the percentage's, with both
    figures; the pair is dropped. Only a pair of exactly the flagged result and plan.
    """
    dropped: set[int] = set()
    out = list(statements)
    for i, s in enumerate(statements):
        if s.verdict != "inconsistent" or not s.note_data or "plan_of_measure" not in s.note_data:
            continue
        if s.target is not None or (note := _flagged_figures(s)) is None:
            continue
        result, plan = note
        pairs = [
            j
            for j, o in enumerate(statements)
            if j not in dropped
            and o.stated is None
            and o.actual == result
            and o.target == plan
            and o.end <= s.start
        ]
        if len(pairs) != 1:
            continue
        dropped.add(pairs[0])
        out[i] = dataclasses.replace(
            s, actual=result, target=plan, computed_percent=round(100 * result / plan, 2)
        )
    return [c for j, c in enumerate(out) if j not in dropped]


def _flagged_figures(s: LinkableStatement) -> tuple[Decimal, Decimal] | None:
    """The result and plan a ``plan_of_measure`` flag of ``s`` set against its percentage."""
    for name, fields in json.loads(s.note_data or "[]"):
        if name == "plan_of_measure":
            return Decimal(fields["a"]), Decimal(fields["t"])
    return None


def _unit_word(s: LinkableStatement) -> str:
    """The unit word of ``s``'s measure, its scale left out (``tỷ đồng`` and ``triệu đồng``)."""
    return (s.measure or "").rpartition(" ")[2]


def _others_near(starts: list[int], start: int) -> list[int]:
    """The starts of ``starts`` (sorted) other than ``start`` within the plans' window."""
    low = bisect.bisect_left(starts, start - PLAN_AMOUNT_WINDOW)
    high = bisect.bisect_right(starts, start + PLAN_AMOUNT_WINDOW)
    return [x for x in starts[low:high] if x != start]


def _apart_measures(
    s: LinkableStatement,
    near: list[int],
    statements: Sequence[LinkableStatement],
    text: str,
    memo: dict[int, str | None],
) -> bool:
    """Whether the percentages of a plan at ``near`` are all of measures apart from ``s``'s.

    Money measures that are never each other's part or whole
    (:data:`~kpitools.extract.amounts.APART_MEASURES`): ``doanh thu … hoàn thành 39,3% kế
    hoạch năm. Lợi nhuận sau thuế … hoàn thành 26,7% kế hoạch năm`` are a revenue's and a
    profit's, each of its own plan, not parts' beside a whole's.
    """
    mine = _result_measure(s, text, memo)
    if mine not in APART_MEASURES:
        return False
    by_start = {o.start: o for o in statements if o.stated_kind == "attainment"}
    theirs = [_result_measure(by_start[x], text, memo) if x in by_start else None for x in near]
    return all(m in APART_MEASURES and m != mine for m in theirs)


def _result_measure(s: LinkableStatement, text: str, memo: dict[int, str | None]) -> str | None:
    """The money measure named for ``s``'s result (``doanh thu``, ``lợi nhuận``), if any."""
    if s.start in memo:
        return memo[s.start]
    memo[s.start] = None
    if isinstance(s.actual, Decimal):
        low = max(0, s.start - PLAN_AMOUNT_WINDOW)
        folded = fold(text[low : s.end])
        at = s.start - low
        mine = [a for a in amounts_in(folded, at, len(folded)) if a.value == s.actual]
        mine = mine or _result_before(folded, at, s.actual)
        if len(mine) == 1 and mine[0].unit[1] in MONEY_WORDS:
            memo[s.start] = measure_kind(folded, mine[0])[0]
    return memo[s.start]


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
    if plan_apart(folded, (result, plan), s.start - low, s.qualifier) or not sets_out_plan(
        folded, plan, 0
    ):
        return None
    return _checked_pair(s, folded, low, (result, plan), text)


def _checked_pair(
    s: LinkableStatement, folded: str, low: int, pair: tuple[Amount, Amount], text: str
) -> tuple[Amount, Amount, str] | None:
    """``pair`` (a result and a plan) with the plan's sentence, unless the plan may be another.

    ``folded`` is the window of ``text`` from ``low``. None when the plan is written after the
    percentage, a plan is revised in the plan's, result's or percentage's sentence (``điều
    chỉnh``; not ``điều chỉnh quy hoạch`` elsewhere), the percentage's plan is a part's
    (``kế hoạch quý``, ``kế hoạch 9 tháng``) or the result one quarter's or month's
    (``Trong quý III``), the percentage's plan is a
    unit's own or revised (``kế hoạch của huyện``, ``kế hoạch điều chỉnh``), the percentage's
    sentence opens on a part (``Trong đó``), the plan is of another standing or year (``năm
    tới``), or a figure is an estimate.
    """
    result, plan = pair
    at = s.start - low
    after = after_percent(s, text)
    result_at, plan_at = sentence_span(folded, result), sentence_span(folded, plan)
    if (
        plan.start > at
        or _PLAN_REVISED.search(folded)
        or any(_REVISED.search(folded, *span) for span in (plan_at, result_at))
        or _REVISED.search(folded, percent_head(folded, at), at)
        or _REVISED.search(after.split(".", 1)[0])
        or _ANOTHER_PLAN_AFTER.match(after)
        or _PART_PLAN_AFTER.match(after)
        or _ONE_PART_RESULT.search(folded, result_at[0], result.start)
        or part_opened(s, text)
        or plan_of_other_standing(folded, pair, s.qualifier)
    ):
        return None
    if _year_upto(folded, plan.start) != _year_upto(folded, result.start):
        return None
    if _ESTIMATED.search(folded, result_at[0], result.start) or _ESTIMATED.search(
        folded, percent_head(folded, at), at
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
_PLAN_WORD = rx(rf"(?<!\w)(?<!theo\s){PLAN_NOUNS}(?:\s+[^\W\d_]+){{0,8}}\s+(?:là\s+)?$")


# "đạt 27,6% kế hoạch.", "bằng 40,9% so với kế hoạch": the percentage is of a plan
_PLAN_AFTER = rx(rf"^\s*(?:so\s+(?:với\s+)?)?{PLAN_NOUNS}(?!\w)")


def _lone_plan(s: LinkableStatement, text: str) -> tuple[Amount, Amount, str] | None:
    """The result of ``s`` (in its span) and the one plan of its measure written apart.

    ``s``'s percentage is of a plan, unnamed or named (``kế hoạch doanh thu``). A plan: an
    amount of the result's unit after a plan word in its sentence, within
    :data:`~kpitools.extract.amounts.PLAN_AMOUNT_WINDOW` characters either side of ``s``,
    that sets out a whole year's plan (:func:`_whole_plan`) of the result's measure and kind
    (money of a named measure), or for any other amount of the same count
    (:func:`_same_count`). None when the percentage's plan names another measure, when its
    own sentence holds a plan amount (the statement pass read it), or when the plans hold
    more than one value.
    """
    if not _PLAN_AFTER.match(after_percent(s, text)):
        return None
    low = max(0, s.start - PLAN_AMOUNT_WINDOW)
    folded = fold(text[low : s.end + PLAN_AMOUNT_WINDOW])
    at, end = s.start - low, s.end - low
    mine = [a for a in amounts_in(folded, at, end) if a.value == s.actual]
    if not mine:
        mine = _result_before(folded, at, s.actual)
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
        and _whole_plan(folded, a)
        and (measure[0] is not None or _same_count(folded, result, a))
    ]
    if not plans or len({a.value for a in plans}) != 1:
        return None
    if any(own[0] <= a.start < own[1] for a in plans):
        return None
    return _checked_pair(s, folded, low, (result, plans[0]), text)


def _result_before(folded: str, at: int, actual: object) -> list[Amount]:
    """The amounts of ``actual`` written before the percentage at ``at`` in its sentence.

    ``doanh thu đạt 301,5 tỷ đồng, tăng 12,2% so với cùng kỳ và hoàn thành 39,3% kế hoạch
    năm``: the statement pass gave the percentage its result across the growth between, so
    the statement's span starts at the percentage and the result is read before it.
    """
    head = clause_head(folded, at, 0)
    return [a for a in amounts_in(folded, head, at) if a.value == actual]


def _whole_plan(folded: str, a: Amount) -> bool:
    """Whether ``a`` sets out a plan of the whole year: not a margin, a remainder or a part's.

    ``vượt kế hoạch quý 3.000 cây``, ``Kế hoạch còn lại của năm là 21.000 cây``, ``trong quý
    IV, huyện được giao chỉ tiêu trồng 10.000 cây``: none.
    """
    head = sentence_span(folded, a)[0]
    lead = folded[head : a.start]
    return (
        sets_out_plan(folded, a, 0)
        and not _NOT_THE_PLAN.search(lead)
        and not PART_OF_YEAR.search(lead)
    )


def _same_count(folded: str, result: Amount, plan: Amount) -> bool:
    """Whether ``plan`` counts what ``result`` counts: the result's verb before it, no other thing.

    ``kế hoạch trồng 52.000 cây phân tán`` for ``trồng được 31.000 cây``; not ``đào tạo nghề
    cho 2.000 người`` for ``giải quyết việc làm cho 3.100 người``, nor ``300 căn nhà cho hộ
    nghèo`` (a part) for ``820 căn nhà``.
    """
    result_at, plan_at = sentence_span(folded, result), sentence_span(folded, plan)
    words = [w for w in folded[result_at[0] : result.start].split() if w.isalpha()]
    while words and words[-1] in _VERB_FILLERS:
        words.pop()
    if not words or not rx(rf"(?<!\w){words[-1]}(?!\w)").search(folded, plan_at[0], plan.start):
        return False
    mine, theirs = thing_counted(folded, result), thing_counted(folded, plan)
    if mine is not None and theirs is not None and mine != theirs:
        return False
    part = _PART_NAMED.match(folded, plan.end)
    return part is None or " ".join(part.group().split()) in " ".join(
        folded[result_at[0] : result_at[1]].split()
    )


def _measure_of(folded: str, a: Amount) -> tuple[str | None, str | None]:
    """What ``a`` measures: a money amount's named measure and kind (none when unnamed).

    Any other amount is told by its unit alone.
    """
    return measure_kind(folded, a) if a.unit[1] in MONEY_WORDS else (None, None)


def _year_upto(folded: str, pos: int) -> str | None:
    """The last year named before ``pos`` in the window, not one compared with in its clause.

    ``năm tới``, ``sang năm`` name the next year (``next``).
    """
    years = [
        (m.start(), m.group())
        for m in YEAR.finditer(folded, 0, pos)
        if not COMPARED.search(
            folded, clause_head(folded, m.start(), max(0, m.start() - 25)), m.start()
        )
    ]
    years += [(m.start(), "next") for m in _NEXT_YEAR.finditer(folded, 0, pos)]
    return max(years)[1] if years else None


def _flagged(s: LinkableStatement, result: Amount, plan: Amount, words: str) -> LinkableStatement:
    """``s`` flagged when ``result`` of ``plan`` is further than the spread from its percentage."""
    p = percent_of(s)
    if (
        p is None
        or plan.value <= 0
        or triple_fits(dataclasses.replace(s, actual=result.value), plan.value, approximate=True)
    ):
        return s
    exact = 100 * result.value / plan.value
    return flagged_statement(
        s,
        "plan_of_measure",
        a=f"{result.value:f}",
        t=f"{plan.value:f}",
        exact=f"{exact:.6g}",
        text=words,
    )
