"""Percentages of a plan named in a clause that opens their sentence (``So với <plan>, …``).

``Thành phố đã thu hút 12 triệu lượt du khách. So với kế hoạch thu hút 30 triệu lượt du khách
cả năm, kết quả trên tương đương 40%.``: the plan is the one amount of the opening clause, the
result the figure before it counted in the same word (:func:`link_compared_plans`). The
helpers that add a statement read at a match only when its figures are not yet paired
(:func:`with_unpaired`) and that tell two named measures apart (:func:`measures_apart`) serve
:mod:`kpitools.extract.remainders` too.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.amounts import (
    FULL_STOP,
    LEAD_QUALIFIER,
    MEASURE_NAMES,
    PLAN_AMOUNT_WINDOW,
    PLAN_MEASURES,
    Amount,
    amounts_in,
    measure_of_amount,
    same_unit,
    shifted,
)
from kpitools.extract.linking import StartIndex, covering_statement, with_result
from kpitools.extract.notes import noted, seg
from kpitools.extract.text import NUM, PLAN_NOUNS
from kpitools.numbers import NumberFormatError, parse_percent, percent_of
from kpitools.textfold import fold, rx

if TYPE_CHECKING:
    from kpitools.extract.grammar import Value
    from kpitools.extract.statements import Statement as LinkableStatement


# "So với kế hoạch thu hút 30 triệu lượt du khách cả năm, kết quả trên tương đương 40%.": a
# plan named in a clause that opens the sentence, then the result's subject (a pronoun, or
# words and a period: "sau 8 tháng ngành du lịch đã hoàn thành 40%"), the percentage bare
_COMPARED_PLAN = rx(
    rf"(?<!\w)so\s+với\s+{PLAN_NOUNS}(?!\w)(?P<plan>(?:[^.;:!?\n%]|\.(?=\d)){{0,160}}?),\s*"
    r"(?P<subj>(?:[^\d.;:!?\n%]|\d{1,2}(?=\s+tháng)){0,100}?)"
    r"(?:\s+(?:mới|chỉ|đã|vừa|cũng))*\s+"
    r"(?P<verb>đạt|bằng|tương\s+đương|hoàn\s+thành|vượt)(?:\s+(?:được|mức))?\s+"
    rf"(?:(?P<q>khoảng|gần|hơn|trên)\s+)?(?P<p>{NUM})\s*%(?=\s*(?:[.!?;\n]|$))"
)
_PRONOUN_SUBJECT = rx(r"^(?:thì\s+)?(?:con\s+số|kết\s+quả|số\s+liệu|mức)\s+(?:này|trên|đó)(?!\w)")
COMPARED_CHUNK = 1 << 16


def _compared_plans(text: str) -> list[tuple[int, re.Match[str]]]:
    """Each :data:`_COMPARED_PLAN` of ``text`` that opens its sentence, with its offset.

    ``text`` is read in folded chunks that overlap: no folded copy of the whole text is kept.
    """
    out: list[tuple[int, re.Match[str]]] = []
    for low in range(0, len(text), COMPARED_CHUNK):
        folded = fold(text[low : low + COMPARED_CHUNK + 400])
        for m in _COMPARED_PLAN.finditer(folded, 0, len(folded)):
            before = folded[max(0, m.start() - 80) : m.start()].rstrip(" \t-–(")
            opens = (low + m.start() < 80 and not before.strip()) or before[-1:] in ".!?\n"
            if m.start() < COMPARED_CHUNK and opens:
                out.append((low, m))
    return out


def _result_before(folded: str, head: int, plan: Amount, floor_known: bool) -> Amount | None:
    """The one figure of the sentence before ``head`` counted as ``plan`` is, if any.

    Not one of another named measure than the plan's (:func:`measures_apart`).

    ``floor_known``: whether ``folded`` starts at the text's start (the sentence before is
    then whole even with no full stop before it).
    """
    stop = len(folded[:head].rstrip())
    stops = [m.end() for m in FULL_STOP.finditer(folded, 0, stop)]
    if not stops and not floor_known:
        return None  # the sentence before is not wholly in the window
    prev = stops[-1] if stops else 0
    found = [
        a
        for a in amounts_in(folded, prev, stop)
        if same_unit(a, plan) and a.value != plan.value and not measures_apart(folded, a, plan)
    ]
    values = {a.value for a in found}
    return found[-1] if len(values) == 1 else None


def _fits_plan(value: Decimal, plan: Value, p: Decimal, slack: Decimal) -> bool:
    """Whether ``value`` is about ``p`` % of ``plan`` (either end of a range, or between)."""
    ends = plan if isinstance(plan, tuple) else (plan,)
    computed = [100 * value / t for t in ends if t]
    if not computed:
        return False
    return min(computed) - slack <= p <= max(computed) + slack


def _fitting_before(
    window: tuple[str, int],
    head: int,
    plan: tuple[Amount, Value],
    percent: tuple[Decimal, Decimal],
    scope: tuple[Sequence[LinkableStatement], list[int]],
) -> Amount | None:
    """The one result before ``head`` that the stated percentage of the plan fits, if any.

    A figure of a statement (its result), counted in the plan's word. ``window`` is the
    folded text and where it starts; ``percent`` the stated value and the slack allowed.
    """
    folded, wlow = window
    amount, target = plan
    values = target if isinstance(target, tuple) else (target,)
    found = []
    for a in amounts_in(folded, 0, head):
        if not same_unit(a, amount) or a.value in values or measures_apart(folded, a, amount):
            continue
        c = covering_statement(*scope, shifted(a, wlow))
        if c is not None and c.actual == a.value and _fits_plan(a.value, target, *percent):
            found.append(a)
    return found[-1] if len({a.value for a in found}) == 1 else None


def _compared_plan(
    folded: str,
    span: tuple[int, int],
    wlow: int,
    scope: tuple[Sequence[LinkableStatement], list[int]],
) -> tuple[Amount, LinkableStatement] | None:
    """The one plan amount of the opening clause ``folded[span]`` and its target statement."""
    plans = [a for a in amounts_in(folded, *span) if a.unit[0] or a.unit[1]]
    if len(plans) != 1:
        return None
    t = covering_statement(*scope, shifted(plans[0], wlow))
    if t is None or t.actual is not None or t.stated_kind is not None:
        return None
    own = t.target == plans[0].value
    if not (own or (isinstance(t.target, tuple) and plans[0].value in t.target)):
        return None
    return plans[0], t


def _compared_result(
    window: tuple[str, int],
    m: re.Match[str],
    shift: int,
    plan: tuple[Amount, Value],
    scope: tuple[Sequence[LinkableStatement], list[int]],
) -> Amount | None:
    """The result a :data:`_COMPARED_PLAN` match's percentage is of, if one is read.

    After a pronoun, the one figure of the sentence before counted in the plan's word; else
    (or when that sentence has none or two) the one result before that the percentage fits.
    """
    folded, wlow = window
    head = m.start() + shift
    if _PRONOUN_SUBJECT.match(m.group("subj")):
        a = _result_before(folded, head, plan[0], wlow == 0)
        if a is not None:
            return a
    try:
        p = parse_percent(m.group("p") + "%")
    except NumberFormatError:
        return None  # "đạt 1700.000%": in no number format
    unit = Decimal(1).scaleb(-p.decimals)
    slack = Decimal(1) if m.group("q") else unit
    return _fitting_before(window, head, plan, (p.value, slack), scope)


def _compared_statement(
    text: str,
    low: int,
    m: re.Match[str],
    scope: tuple[Sequence[LinkableStatement], list[int]],
) -> LinkableStatement | None:
    """The statement a :data:`_COMPARED_PLAN` match at ``low`` states, if its figures are read.

    The plan is the one amount (or range) of the opening clause, read as a target of its
    own; the result, see :func:`_compared_result`.
    """
    start = low + m.start()
    wlow = max(0, start - PLAN_AMOUNT_WINDOW)
    folded = fold(text[wlow : low + m.end()])
    shift = low - wlow
    found = _compared_plan(folded, (m.start("plan") + shift, m.end("plan") + shift), wlow, scope)
    if found is None:
        return None
    plan, t = found
    assert t.target is not None
    a = _compared_result((folded, wlow), m, shift, (plan, t.target), scope)
    if a is None:
        return None
    q = LEAD_QUALIFIER.search(folded, max(0, a.start - 12), a.start)
    r = shifted(a, wlow)
    c = dataclasses.replace(
        t,
        start=r.start,
        end=r.end,
        text=text[r.start : r.end],
        actual=a.value,
        target=None,
        qualifier=q.group(1) if q else None,
        exact=q is None,
    )
    p_start, p_end = low + m.start("verb"), low + m.end()
    stated = text[low + m.start("p") : p_end].strip()
    s = dataclasses.replace(
        t,
        start=p_start,
        end=p_end,
        text=" ".join(text[p_start:p_end].split()),
        actual=None,
        target=None,
        stated=stated,
        stated_percent=parse_percent(stated).value,
        stated_kind="excess" if m.group("verb") == "vượt" else "attainment",
        qualifier=m.group("q"),
    )
    if isinstance(t.target, tuple):
        note = noted(seg("actual_linked", a=f"{a.value:f}", text=c.text), seg("a_range"))
        return dataclasses.replace(
            with_result(s, c, None),
            target=t.target,
            note=note["note"],
            note_data=note["note_data"],
        )
    return with_result(s, c, t.target)


if TYPE_CHECKING:  # what reads a statement at a match (the statements in order, starts)
    _StatementAt = Callable[
        [str, int, re.Match[str], tuple[Sequence[LinkableStatement], list[int]]],
        LinkableStatement | None,
    ]


def with_unpaired(
    statements: Sequence[LinkableStatement],
    text: str,
    matches: Sequence[tuple[int, re.Match[str]]],
    statement_at: _StatementAt,
) -> list[LinkableStatement]:
    """The statements, with what ``statement_at`` reads at each match, if not yet paired.

    A statement read at a match (``low``, ``m``) is added when its actual and target are not
    paired already, by a statement or an earlier match. ``statement_at`` gets the statements
    in order of position with their starts.
    """
    out = list(statements)
    ordered = sorted(statements, key=lambda c: c.start)
    scope = (ordered, [c.start for c in ordered])
    paired: set[tuple[object, object]] = {
        (c.actual, c.target) for c in statements if c.target is not None
    }
    for low, m in matches:
        s = statement_at(text, low, m, scope)
        if s is not None and (s.actual, s.target) not in paired:
            paired.add((s.actual, s.target))
            out.append(s)
    return out


def link_compared_plans(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, with a percentage of a plan named in the clause that opens its sentence.

    ``Thành phố đã thu hút 12 triệu lượt du khách. So với kế hoạch thu hút 30 triệu lượt du
    khách cả năm, kết quả trên tương đương 40%.``: the plan is the one amount of the ``So
    với <plan>`` clause (read as a target), the result the one figure of the sentence before
    counted in the same word (a pronoun names it back), and the percentage is checked
    against the two. With another subject (``sau 8 tháng ngành du lịch đã hoàn thành 40%``),
    or when the sentence before gives no such figure or two, the result is the one figure of
    a statement before it, counted in the plan's word, whose ratio to the plan fits the
    percentage (:func:`_compared_result`); a plan written as a range is fitted at either end
    and leaves the statement unchecked. Nothing is added when the percentage is followed by
    more words (the sentence grammar reads ``đạt 40% kế hoạch``), or when the two figures
    are already paired.
    """
    return with_unpaired(statements, text, _compared_plans(text), _compared_statement)


def measures_apart(folded: str, a: Amount, b: Amount) -> bool:
    """Whether the amounts ``a`` and ``b`` are of two different named measures.

    Not when either names none, nor when one is the other's plan measure
    (:data:`PLAN_MEASURES`: ``tổng thu`` and ``thu ngân sách``).
    """
    m, n = measure_of_amount(folded, a), measure_of_amount(folded, b)
    if m is None or n is None:
        return False
    m, n = MEASURE_NAMES[" ".join(m.split())], MEASURE_NAMES[" ".join(n.split())]
    return m != n and PLAN_MEASURES.get(m) != n and PLAN_MEASURES.get(n) != m


# ------------------------------------------------- a rate, then its points over the plan's

# "đạt 96,4% (vượt 0,4% so với chỉ tiêu đề ra là 96%)": a rate, then in brackets the points
# it passes its plan's rate by and that rate
_POINTS_OVER_PLAN = rx(
    rf"(?<![\d.,])(?P<r>{NUM})\s*%\s*\(\s*vượt\s+(?P<x>{NUM})\s*%\s+(?:so\s+với|theo)\s+"
    rf"{PLAN_NOUNS}(?:\s+[^\W\d_]+){{0,3}}?\s+(?:là\s+)?(?P<t>{NUM})\s*%\s*\)"
)


_POINTS_OPEN = re.compile(r"\s*%\s*\(\s*vượt(?!\w)", re.IGNORECASE)


def link_points_over_plan(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, a rate followed by its plan's rate and the points between, paired.

    ``… đạt 96,4% (vượt 0,4% so với chỉ tiêu đề ra là 96%)``: 96,4 % against the plan of
    96 %, when the rate less the plan's is the points written (the excess statement read
    there becomes the pair; the bare rate and plan read beside it are dropped).
    """
    out, dropped = list(statements), set()
    for o in _POINTS_OPEN.finditer(text):  # fold only a window round each bracket
        low = max(0, o.start() - 20)
        m = _POINTS_OVER_PLAN.search(fold(text[low : o.end() + 160]))
        if m is None or m.end("r") + low != o.start():
            continue
        try:
            r, x, t = (parse_percent(m.group(n) + "%").value for n in ("r", "x", "t"))
        except NumberFormatError:
            continue
        start, end = m.start() + low, m.end() + low
        inside = [i for i, s in enumerate(out) if s.start < end and start < s.end]
        excess = [i for i in inside if out[i].stated_kind == "excess" and out[i].actual is None]
        if r - t != x or len(excess) != 1 or out[excess[0]].stated_percent != x:
            continue
        bare = [
            i
            for i in inside
            if out[i].stated_kind in ("rate", "target")
            and out[i].actual is None
            and out[i].stated_percent in (r, t)
        ]
        s = out[excess[0]]
        start = min([s.start, *(out[i].start for i in bare)])
        label = next((out[i].label for i in bare if out[i].stated_kind == "rate"), s.label)
        out[excess[0]] = _rate_claim(s, text, (start, end), (r, t), label=label)
        dropped.update(bare)
    return [s for i, s in enumerate(out) if i not in dropped]


# ---------------------------------------------------- a rate, then its margin over its plan

# "đạt 92,4% (tăng 1,2% so với chỉ tiêu)", "đạt tỷ lệ 92,4%, vượt chỉ tiêu giao 1,2%", "đạt
# tỷ lệ 71%; còn thiếu 4% so với chỉ tiêu": the margin of the rate before it over (or under)
# its plan's rate, with the plan's rate perhaps written after it ("… (trên 91%)")
_MARGIN_BEFORE = rx(
    r"(?<!\w)(?:(?P<short>(?:còn\s+)?thiếu)|tăng|vượt|cao\s+hơn)\s+"
    rf"(?P<q>(?:hơn|trên|gần|khoảng)\s+)?(?P<x>{NUM})\s*%\s*\)?\s*(?:so\s+với\s+)?"
    rf"(?P<p>{PLAN_NOUNS})"
)
_MARGIN_AFTER = rx(
    rf"(?<!\w)(?:vượt|cao\s+hơn)\s+(?:so\s+với\s+)?(?P<p>{PLAN_NOUNS})(?:\s+[^\W\d_]+){{0,6}}?\s+"
    rf"(?P<q>(?:hơn|trên|gần|khoảng)\s+)?(?P<x>{NUM})\s*%"
)
# the plan's rate right after the margin: "… giao trên 91%", "… (trên 91%)", "… chỉ tiêu mà
# Ban Chấp hành Đảng bộ xã đã thống nhất đề ra là 91%" (a longer name of who set it, then "là")
_PLAN_RATE_AFTER = rx(
    r"(?:(?:\s+[^\W\d_]+){0,6}?|(?:\s+[^\W\d_]+){7,16}?\s+(?:đề\s+ra|giao)\s+(?=là))"
    rf"\s*\(?\s*(?:là\s+)?(?:trên\s+|ít\s+nhất\s+)?(?P<t>{NUM})\s*%"
)
# the rate the margin is of: "đạt (tỷ lệ) R%", a plain rate (no plan nor period after it)
_RATE_BEFORE_MARGIN = rx(
    rf"(?<!\w)đạt\s+(?:(?:tỷ|tỉ)\s+lệ\s+)?(?P<r>{NUM})\s*%"
    rf"(?!\s*(?:so\s+với|{PLAN_NOUNS}|cùng\s+kỳ|kh(?!\w)))"
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n|(?<!\w)đạt\s")
_MARGIN_LEAD = 200
_MARGIN_TAIL = 120
_MARGIN_PLAN = re.compile(r"(?:chỉ|kế|mục)\s+(?:tiêu|hoạch)", re.IGNORECASE)


def link_rate_margins(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, a rate's margin over its plan read as the rate's, not another figure's.

    ``… giải quyết xong 2.470 vụ, đạt 86,4% (tăng 2,4% so với chỉ tiêu)``: the margin is of
    the rate (86,4 % against a plan's rate), never an excess of the count or amount before
    it. The excess read there becomes the rate's: against the plan's rate when it is written
    after the margin and the two agree (in points or as a relative excess, within 1 %); with
    no plan's rate, as a relative excess when the points reading ``R − X`` and the relative
    one ``R / (1 + X/100)`` lie within 1 % of each other; a shortfall (``còn thiếu 3%``) in
    points. Otherwise (a qualified margin, readings apart) the rate gets no claim and the
    misread excess is dropped.
    """
    out: list[LinkableStatement | None] = list(statements)
    by_start = StartIndex(statements)
    added: list[LinkableStatement] = []
    for o in _MARGIN_PLAN.finditer(text):
        low = max(0, o.start() - _MARGIN_LEAD)
        window = fold(text[low : o.end() + _MARGIN_TAIL])
        margin = _margin_at(window, o.start() - low)
        if margin is None:
            continue
        start, end = margin.start() + low, margin.end() + low
        if added and added[-1].end > start:
            continue
        rate = _rate_before(window, margin)
        if rate is None or _percent(rate.group("r")) >= 100:
            continue  # "đạt 112%, vượt 12% so với kế hoạch": an attainment, as read
        near = by_start.between(low - _MARGIN_LEAD, end)
        misread = [i for i in near if _stated_within(out[i], text, start, end)]
        claim = _rate_margin_claim(rate, margin, window)
        for i in misread:  # the margin read alone (no actual) stays when no claim is made
            if claim is not None or statements[i].actual is not None:
                out[i] = None
        if claim is None:
            continue
        r, target, x = claim
        rate_at = rate.start("r") + low
        bases = [i for i in near if statements[i].stated_percent == r]
        # the rate's own reading, else the misread excess, lends the claim its other fields
        base = next(
            (statements[i] for i in bases if statements[i].start <= rate_at < statements[i].end),
            statements[misread[0]] if misread else None,
        )
        if base is None:
            continue
        t_end = end if target is None or x is not None else _plan_rate_end(window, margin) + low
        excess = None if x is None else (x, margin.group("x") + "%")
        added.append(_rate_claim(base, text, (rate.start() + low, t_end), (r, target), excess))
    kept = [s for s in out if s is not None]
    return _merged(kept, sorted(added, key=lambda s: s.start)) if added else kept


def _merged(
    kept: list[LinkableStatement], added: list[LinkableStatement]
) -> list[LinkableStatement]:
    """``kept`` in its order, each of ``added`` (by start) before the first that starts later."""
    out: list[LinkableStatement] = []
    j = 0
    for s in kept:
        while j < len(added) and added[j].start < s.start:
            out.append(added[j])
            j += 1
        out.append(s)
    return [*out, *added[j:]]


def _margin_at(window: str, at: int) -> re.Match[str] | None:
    """The margin whose plan noun starts at ``at`` of the folded ``window``, if any."""
    for pattern in (_MARGIN_BEFORE, _MARGIN_AFTER):
        for m in pattern.finditer(window):
            if m.start("p") == at:
                return m
    return None


def _rate_before(window: str, margin: re.Match[str]) -> re.Match[str] | None:
    """The plain rate the margin is of, if any.

    The last one before it in its sentence, no other result (``đạt``) between; a semicolon
    only right before the margin (``…; còn thiếu``).
    """
    lead = window[: margin.start()]
    rate = None
    for found in _RATE_BEFORE_MARGIN.finditer(lead):
        rate = found
    if rate is None or _SENTENCE_END.search(lead, rate.end()):
        return None
    between = lead[rate.end() :]
    return rate if ";" not in between.rstrip().rstrip(";") else None


def _rate_margin_claim(
    rate: re.Match[str], margin: re.Match[str], window: str
) -> tuple[Decimal, Decimal | None, Decimal | None] | None:
    """The rate, its plan's rate and its margin as an excess, or None when no pair holds.

    See :func:`link_rate_margins`.
    """
    r, x = _percent(rate.group("r")), _percent(margin.group("x"))
    short = margin.groupdict().get("short") is not None
    sign = -1 if short else 1
    if not 0 < x < 100:
        return None
    relative = r / (1 + sign * x / 100)
    written = (
        _PLAN_RATE_AFTER.match(window, margin.end()) if "short" in margin.groupdict() else None
    )
    if written is not None:
        t = _percent(written.group("t"))
        agrees = r - sign * x == t or abs(relative - t) <= t / 100
        return (r, t, None) if agrees else None
    if margin.group("q"):
        return None
    points = r - sign * x
    if abs(points - relative) > relative / 100:
        return None
    return (r, points, None) if short else (r, None, x)


def _plan_rate_end(window: str, margin: re.Match[str]) -> int:
    """Where the plan's rate written after ``margin`` ends in ``window``."""
    written = _PLAN_RATE_AFTER.match(window, margin.end())
    return margin.end() if written is None else written.end()


def _percent(number: str) -> Decimal:
    """The value of a percentage's number; 100 (no rate) when it is no number."""
    try:
        return parse_percent(number + "%").value
    except NumberFormatError:
        return Decimal(100)


def _stated_within(s: LinkableStatement | None, text: str, start: int, end: int) -> bool:
    """Whether ``s`` reads its percentage (an excess, plan or attainment) in ``start:end``."""
    return (
        s is not None
        and s.stated_kind in ("excess", "target", "attainment")
        and s.stated is not None
        and start <= text.find(s.stated, s.start, s.end) < end
    )


# ------------------------------------------------------ rates with their plans' rates after

# "đạt tỷ lệ 91,5% (chỉ tiêu 90%)", "… 94% …, 88% … (chỉ tiêu tương ứng là 90%, 85%)": the
# plans' rates in brackets right after the rates, in their order
_PLAN_RATES = rx(
    rf"\(\s*{PLAN_NOUNS}(?P<each>\s+(?:tương\s+ứng|lần\s+lượt))?(?:\s+(?:là|đề\s+ra|giao))?"
    rf"\s*:?\s*(?P<rates>(?:trên\s+)?(?:{NUM})\s*%(?:\s*(?:,|và)\s*(?:trên\s+)?(?:{NUM})\s*%)*)\s*\)"
)
_PLAN_RATE = rx(rf"(?P<t>{NUM})\s*%")
_PLAN_RATES_OPEN = re.compile(r"\(\s*(?:chỉ|kế|mục)\s+(?:tiêu|hoạch)", re.IGNORECASE)
_RATES_LEAD = 300


def link_listed_plan_rates(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, rates paired with the plans' rates in brackets right after them.

    ``đạt tỷ lệ 91,5% (chỉ tiêu 90%)``: 91,5 % against 90 %, the rate right before the
    bracket; ``94% chi bộ …, 88% đảng viên … (chỉ tiêu tương ứng là 90%, 85%)``: the last rates
    of the sentence before the bracket, as many as the plans' rates and in their order (the
    words ``tương ứng`` or ``lần lượt`` needed for more than one). The plans' rates read alone
    there are dropped; a rate read of a count keeps that reading beside the pair.
    """
    out: list[LinkableStatement | None] = list(statements)
    added: list[LinkableStatement] = []
    by_start = StartIndex(statements)
    for o in _PLAN_RATES_OPEN.finditer(text):
        m = _PLAN_RATES.match(fold(text[o.start() : o.start() + 200]))
        if m is None:
            continue
        targets = [_percent(t.group("t")) for t in _PLAN_RATE.finditer(m.group("rates"))]
        if len(targets) > 1 and m.group("each") is None:
            continue
        low = _sentence_start(text, o.start())
        near = by_start.between(low - _RATES_LEAD, o.start())
        # the rates written before the bracket, each with its percentage, in order
        written = [
            (i, pct)
            for i in near
            if _rate_written(statements[i], text, low, o.start())
            and (pct := statements[i].stated_percent) is not None
        ]
        if len(targets) > 1 and any(pct >= 100 for _, pct in written[-len(targets) :]):
            continue  # "92% …; 90% …, 100% … (chỉ tiêu tương ứng là 85%, 95%)": not in order
        rates = [i for i, pct in written if pct < 100]
        if len(rates) < len(targets) or (
            len(targets) == 1 and not _right_before(statements[rates[-1]], text, o.start())
            if rates
            else True
        ):
            continue
        end = o.start() + m.end()
        for i, t in zip(rates[-len(targets) :], targets, strict=True):
            s = statements[i]
            pair = _rate_pair(s, t, text, end)
            if s.actual is None:
                out[i] = pair
            else:
                added.append(pair)
        for i in by_start.between(o.start() - _RATES_LEAD, end):
            if (
                _stated_within(out[i], text, o.start(), end)
                and statements[i].stated_kind == "target"
            ):
                out[i] = None
    kept = [s for s in out if s is not None]
    return _merged(kept, sorted(added, key=lambda s: s.start)) if added else kept


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding ``at`` starts, at most :data:`_RATES_LEAD` back."""
    low = max(0, at - _RATES_LEAD)
    ends = list(FULL_STOP.finditer(text, low, at))
    return ends[-1].end() if ends else low


def _rate_written(s: LinkableStatement, text: str, low: int, at: int) -> bool:
    """Whether ``s`` reads a rate written between ``low`` and ``at``."""
    if s.stated_kind != "rate" or s.stated is None or s.stated_percent is None:
        return False
    return low <= text.find(s.stated, s.start, s.end) < at


def _right_before(s: LinkableStatement, text: str, at: int) -> bool:
    """Whether the rate ``s`` reads is written right before ``at`` (a bracket)."""
    assert s.stated is not None
    return text.find(s.stated, s.start, s.end) + len(s.stated) >= len(text[:at].rstrip())


def _rate_pair(s: LinkableStatement, t: Decimal, text: str, end: int) -> LinkableStatement:
    """The rate ``s`` reads against the plan's rate ``t``, its span to ``end``."""
    assert s.stated_percent is not None and s.stated is not None
    start = text.find(s.stated, s.start, s.end)
    return _rate_claim(s, text, (start, end), (s.stated_percent, t))


def _rate_claim(
    s: LinkableStatement,
    text: str,
    span: tuple[int, int],
    pair: tuple[Decimal, Decimal | None],
    excess: tuple[Decimal, str] | None = None,
    label: str | None = None,
) -> LinkableStatement:
    """``s`` made the claim of a rate against the plan's rate, over ``span`` of ``text``.

    ``pair``: the rate and the plan's rate (None: implied by ``excess``, its percentage and
    the text of it).
    """
    (start, end), (r, t) = span, pair
    return dataclasses.replace(
        s,
        start=start,
        end=end,
        text=text[start:end].strip(),
        actual=r,
        target=t,
        measure="%",
        stated_percent=None if excess is None else excess[0],
        stated_kind=None if excess is None else "excess",
        stated=None if excess is None else excess[1],
        computed_percent=None if t is None else percent_of(r, t, 1),
        verdict=None,
        note=None,
        note_data=None,
        label=s.label if label is None else label,
    )
