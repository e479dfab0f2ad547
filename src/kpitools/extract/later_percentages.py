"""Percentages of a plan stated in a later sentence than the result and plan they are of.

``Sau 6 tháng, công ty đạt doanh thu 2.340 tỷ đồng, lợi nhuận 556 tỷ đồng. Với kế hoạch doanh
thu 5.000 tỷ đồng và lợi nhuận 1.200 tỷ đồng, công ty đã hoàn thành lần lượt 46,8% và 46,3%
kế hoạch``: the passes before read each result against its plan (2.340 of 5.000, 556 of
1.200) with no percentage; the percentages the report states of them, in a later sentence,
are read with them by :func:`link_later_pair_percentages` when the report's own arithmetic
gives each, at the precision it is written.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.amounts import (
    FULL_STOP,
    MEASURE_NAMES,
    MEASURE_NAMES_RX,
    MONEY_WORDS,
    PLAN_MEASURES,
    amounts_in,
    measures_named,
)
from kpitools.extract.linking import StartIndex, percent_of, unit_key, with_result
from kpitools.extract.named_plans import same_currency
from kpitools.extract.past_bases import LAST_YEAR, SAME_PERIOD
from kpitools.extract.plans import parts_named, sentence_around
from kpitools.extract.text import PLAN_NOUNS
from kpitools.extract.undated_results import proper_names
from kpitools.numbers import Percent, check_percent, parse_percent
from kpitools.textfold import fold, rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement

PAIR_REACH = 1200
"""How far (characters) before a percentage the result it is of may be stated."""

PAIR_SENTENCES = 3
"""How many sentence ends may stand between a result and the percentage of it (one at least)."""

_SENTENCE_END = re.compile(rf"(?:{FULL_STOP.pattern})+")
"""A sentence end (:data:`amounts.FULL_STOP`), a run of them (a full stop and blank lines) once."""

_PERCENT_WORDS = 60
"""How far (characters) after its ``%`` a percentage's words may name its measure."""

# "… đã hoàn thành lần lượt 46,8% và 46,3% kế hoạch", "thực hiện được lần lượt 47% chỉ tiêu
# doanh thu và gần 59%": two attainments of plans said respectively, with no amount between;
# "đã thực hiện được 76% và 84% kế hoạch": the same without ``lần lượt`` (round 160)
_QUALIFIER = r"(?:(?P<{}>gần|hơn|khoảng|trên)\s+)?"
_RESPECTIVE = re.compile(
    r"(?<!\w)(?:hoàn thành|thực hiện(?: được)?|đạt(?: được)?)(?: được)?\s+"
    r"(?:(?P<said>lần lượt)\s+)?(?:là\s+)?"
    + _QUALIFIER.format("qp")
    + r"(?P<p>\d{1,3}(?:,\d{1,2})?)\s?%(?P<mid>[^\d%.;:()\n]{0,40}?)\s+và\s+"
    + _QUALIFIER.format("qq")
    + r"(?P<q>\d{1,3}(?:,\d{1,2})?)\s?%"
)

_PLAN_WORDS = rx(rf"(?<!\w){PLAN_NOUNS}(?!\w)")


def _sentence_ends(text: str, low: int, high: int) -> int:
    return sum(1 for _ in _SENTENCE_END.finditer(text, low, high))


_SENTENCE_BACK = 600
"""How far (characters) before a percentage the end of the sentence before it is looked for."""


def _sentence_start(text: str, pos: int) -> int | None:
    """Where the sentence of ``pos`` starts: after the last sentence end of the reach.

    None when there is none (the text's first sentence, or one longer than the reach): no
    result stands before it in another sentence, so there is nothing to read, and the
    sentence is not folded whole for each of its percentages (quadratic on a long one).
    """
    start = None
    for m in _SENTENCE_END.finditer(text, max(0, pos - _SENTENCE_BACK), pos):
        start = m.end()
    return start


def _is_pair(c: LinkableStatement) -> bool:
    """A result read against its written plan, with no percentage stated."""
    return (
        isinstance(c.actual, Decimal)
        and isinstance(c.target, Decimal)
        and c.target != 0
        and c.stated_percent is None
        and c.stated_kind is None
    )


def _pairs_before(
    statements: Sequence[LinkableStatement], index: StartIndex, text: str, pos: int
) -> list[tuple[int, LinkableStatement]]:
    """The pairs stated before ``pos`` in an earlier sentence, within the reach, by start."""
    return [
        (j, statements[j])
        for j in index.between(pos - PAIR_REACH, pos)
        if _is_pair(statements[j])
        and statements[j].end <= pos
        and 1 <= _sentence_ends(text, statements[j].end, pos) <= PAIR_SENTENCES
    ]


def _fits(stated: str | Percent, c: LinkableStatement) -> bool:
    """Whether ``c``'s actual of its target is ``stated`` at the precision it is written."""
    if not isinstance(c.actual, Decimal) or not isinstance(c.target, Decimal):
        return False
    return _gives(stated, c.actual, c.target)


def _gives(stated: str | Percent, actual: Decimal, target: Decimal) -> bool:
    """Whether ``actual`` of ``target`` is ``stated`` at the precision it is written."""
    if isinstance(stated, str):
        stated = parse_percent(f"{stated}%", decimal=",")
    return target != 0 and check_percent(stated, actual, target).consistent is True


def _measures_after(text: str, pos: int) -> set[str]:
    """The measures named in the words right after a percentage's ``%`` at ``pos``."""
    words = fold(text[pos : pos + _PERCENT_WORDS])
    stop = re.search(r"[,;.()\n:]|(?<!\w)và(?!\w)", words)
    words = words[: stop.start()] if stop else words
    return {MEASURE_NAMES[" ".join(m.group().split())] for m in MEASURE_NAMES_RX.finditer(words)}


def _other_measure(named: set[str], text: str, c: LinkableStatement) -> bool:
    """Whether ``c``'s own words name measures, none of them one the percentage names."""
    own = _own_measures(text, c)
    return bool(named and own) and not named & own


def _own_measures(text: str, c: LinkableStatement) -> set[str]:
    """The measures ``c``'s own words name."""
    return measures_named(fold(text[c.start : c.end]), 0, c.end - c.start)


def _with_percent(
    c: LinkableStatement, stated: str, qualifier: str | None = None
) -> LinkableStatement:
    """The pair ``c`` with the attainment ``stated`` read with it, and its check.

    ``qualifier``: the word before the percentage (``gần 55%``), kept, so the check notes the
    percentage approximate.
    """
    value = Decimal(stated.replace(",", "."))
    bare = dataclasses.replace(
        c,
        stated=f"{stated}%",
        stated_percent=value,
        stated_kind="attainment",
        qualifier=qualifier or c.qualifier,
    )
    assert isinstance(c.target, Decimal)
    return with_result(bare, c, c.target)


@dataclasses.dataclass(frozen=True)
class _Said:
    """Two percentages said respectively (``m``), their sentence's ``start``, and the text."""

    statements: Sequence[LinkableStatement]
    index: StartIndex
    text: str
    m: re.Match[str]
    start: int
    named: tuple[set[str], set[str]]
    """The measures each names (:func:`_respective_measures`)."""


def _link_respective(
    statements: Sequence[LinkableStatement],
    text: str,
    out: list[LinkableStatement],
    added: list[LinkableStatement],
) -> None:
    """Read two attainments said ``lần lượt`` with the two pairs, or figures, before them.

    In a sentence of no amount of its own, the last two pairs of the reach, in their order,
    each when it gives its percentage; else the results and plans before it
    (:func:`_respective_by_figures`).
    """
    index = StartIndex(statements)
    for m in _RESPECTIVE.finditer(text):
        start = _sentence_start(text, m.start())
        if start is None:
            continue
        sentence = text[start : m.end() + _PERCENT_WORDS]
        if not _PLAN_WORDS.search(fold(sentence)):
            continue
        if any(
            statements[j].actual is not None and statements[j].end > start
            for j in index.between(start, m.end())
        ):
            continue  # an amount of its own sentence: the sentence grammar's
        said = _Said(statements, index, text, m, start, _respective_measures(text, m))
        if not (m["said"] and _respective_pairs(said, out)):
            _respective_by_figures(said, out, added)


def _respective_measures(text: str, m: re.Match[str]) -> tuple[set[str], set[str]]:
    """The measures each of two percentages said ``lần lượt`` names.

    When the first names none and the words after the second list two (``46% và 47% các
    chỉ tiêu doanh thu và lợi nhuận``), the first and the second of those; else each its own
    words' (``47% kế hoạch doanh thu và 52% mục tiêu lợi nhuận``).
    """
    named_p = _measures_after(text, m.end("p"))
    if not named_p:
        words = fold(text[m.end("q") : m.end("q") + _PERCENT_WORDS])
        stop = re.search(r"[,;.()\n:]", words)
        listed = [
            MEASURE_NAMES[" ".join(n.group().split())]
            for n in MEASURE_NAMES_RX.finditer(words, 0, stop.start() if stop else len(words))
        ]
        if len(listed) == 2 and listed[0] != listed[1]:
            return {listed[0]}, {listed[1]}
    return named_p, _measures_after(text, m.end("q"))


def _respective_pairs(said: _Said, out: list[LinkableStatement]) -> bool:
    """Read the two percentages with the last two pairs before their sentence; whether read."""
    m, text = said.m, said.text
    pairs = _pairs_before(said.statements, said.index, text, said.start)
    if len(pairs) < 2:
        return False
    (i, c), (k, d) = pairs[-2:]
    if not (_fits(m["p"], c) and _fits(m["q"], d)):
        return False
    if len({unit_key(c), unit_key(d)} - {None}) > 1:
        return False
    if _other_measure(said.named[0], text, c) or _other_measure(said.named[1], text, d):
        return False
    if any(_other_time(text, m.span(), x) for x in (c, d)):
        return False
    out[i] = _with_percent(c, m["p"], m["qp"])
    out[k] = _with_percent(d, m["q"], m["qq"])
    return True


@dataclasses.dataclass(frozen=True)
class _Reading:
    """A result and the plan it may be read against: a pair already read, or two statements."""

    result: LinkableStatement
    target: Decimal
    plan: LinkableStatement | None  # None: ``result`` is a pair, its own target
    index: int  # the pair's, or the result's


def _readings_before(
    statements: Sequence[LinkableStatement], index: StartIndex, text: str, start: int
) -> list[_Reading]:
    """The pairs before ``start`` within the reach, and each result there with each plan.

    A result and a plan a pair already reads are that pair.
    """
    pairs = [
        _Reading(c, c.target, None, j)
        for j, c in _pairs_before(statements, index, text, start)
        if isinstance(c.target, Decimal)
    ]
    near = [
        (j, statements[j])
        for j in index.between(start - PAIR_REACH, start)
        if statements[j].end <= start and statements[j].stated_kind in (None, "growth")
    ]
    results = [(j, c) for j, c in near if isinstance(c.actual, Decimal) and c.target is None]
    plans = [c for _, c in near if c.actual is None and isinstance(c.target, Decimal)]
    read = {(r.result.actual, r.target) for r in pairs}
    return pairs + [
        _Reading(c, t.target, t, j)
        for j, c in results
        for t in plans
        if isinstance(t.target, Decimal)
        and t.target != 0
        and (c.actual, t.target) not in read
        and _one_statement(text, c, t)
    ]


def _one_statement(text: str, c: LinkableStatement, t: LinkableStatement) -> bool:
    """Whether the result ``c`` and the plan ``t`` may be one statement.

    One currency and one measure named (or the measure its plan is named by), no two units
    and no two years.
    """
    if not same_currency(c.measure, t.measure):
        return False
    if len({unit_key(c), unit_key(t)} - {None}) > 1 or len({c.year, t.year} - {None}) > 1:
        return False
    own = _own_measures(text, c)
    planned = _own_measures(text, t)
    if not own or not planned:
        own = _clause_measures(text, c)
        planned = _clause_measures(text, t)
    return bool(planned & (own | {PLAN_MEASURES[n] for n in own if n in PLAN_MEASURES}))


_CLAUSE_BACK = 120
"""How far (characters) before a statement the words of its clause may name its measure."""


def _clause_measures(text: str, c: LinkableStatement) -> set[str]:
    """The measures the clause of ``c`` names, its words before it looked at too."""
    low = max(0, c.start - _CLAUSE_BACK)
    return measures_named(fold(text[low : c.end]), c.start - low, c.end - low)


_SAME_PART = {"q1": "first3"}
"""Parts of a year named two ways (:func:`plans.parts_named`): ``quý I``, ``3 tháng đầu năm``."""


def _names_other(named: set[str], text: str, c: LinkableStatement) -> bool:
    """Whether ``c``'s words, else its clause's, name measures, none of them one of ``named``."""
    own = _own_measures(text, c) or _clause_measures(text, c)
    return bool(named and own) and not named & own


def _other_period(text: str, at: tuple[int, int], c: LinkableStatement) -> bool:
    """Whether the percentages' sentence (at ``at``) and the result's name parts, none alike."""
    low = max(0, c.start - PAIR_REACH)
    folded = fold(text[low : at[1]])
    mine, theirs = (
        {_SAME_PART.get(k, k) for k in parts_named(folded, *sentence_around(folded, a, b))}
        for a, b in ((at[0] - low, at[1] - low), (c.start - low, c.end - low))
    )
    return bool(mine) and bool(theirs) and mine.isdisjoint(theirs)


# "Cùng kỳ năm 2040, công ty hoàn thành lần lượt …", "Năm trước, …": the percentages of an
# earlier time (not "so với cùng kỳ", a comparison)
_EARLIER = rx(rf"(?<!với\s)(?<!\w)(?:{SAME_PERIOD}|{LAST_YEAR})(?!\w)")
_YEAR_DIGITS = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _other_time(text: str, at: tuple[int, int], c: LinkableStatement) -> bool:
    """Whether the percentages at ``at`` are said of another time than the result ``c``.

    Said of an earlier time (:data:`_EARLIER` before the percentages in their sentence), of
    another part of the year (:func:`_other_period`), or naming years before the percentages,
    none of those ``c``'s sentence names (round 164: round 155's pairs had no period check).
    """
    start = _sentence_start(text, at[0])
    lead = fold(text[at[0] if start is None else start : at[0]])
    if _EARLIER.search(lead) or _other_period(text, at, c):
        return True
    years = set(_YEAR_DIGITS.findall(lead))
    head = _sentence_start(text, c.start)
    theirs = set(_YEAR_DIGITS.findall(text, c.start if head is None else head, c.end))
    return bool(years) and bool(theirs) and years.isdisjoint(theirs)


def _giving(
    stated: str | Percent,
    named: set[str],
    readings: list[_Reading],
    text: str,
    at: tuple[int, int],
) -> list[_Reading]:
    """The readings that give ``stated``, of no measure other than ``named``, nor period."""
    return [
        r
        for r in readings
        if isinstance(r.result.actual, Decimal)
        and _gives(stated, r.result.actual, r.target)
        and not _names_other(named, text, r.result)
        and not (r.plan is not None and _names_other(named, text, r.plan))
        and not _other_time(text, at, r.result)
    ]


def _respective_by_figures(
    said: _Said, out: list[LinkableStatement], added: list[LinkableStatement]
) -> None:
    """Read each of two percentages said ``lần lượt`` with the one reading that gives it.

    The readings are the pairs before them and each result before them with each plan
    before them (:func:`_readings_before`); a percentage is read only when exactly one
    gives it, and the two, when both are read, take two results and two plans in the order
    the report states them.
    """
    m, text = said.m, said.text
    readings = _readings_before(said.statements, said.index, text, said.start)
    gp = _giving(m["p"], said.named[0], readings, text, m.span())
    gq = _giving(m["q"], said.named[1], readings, text, m.span())
    if len(gp) > 1 or len(gq) > 1 or not (m["said"] or (gp and gq)):
        return  # not said respectively: both given, or neither read
    if gp and gq and not _in_order(gp[0], gq[0]):
        return
    if bool(gp) != bool(gq) and _out_of_place(said, gp, gq):
        return
    for found, key in ((gp, "p"), (gq, "q")):
        if found:
            _read(found[0], said, key, out, added)


def _out_of_place(said: _Said, gp: list[_Reading], gq: list[_Reading]) -> bool:
    """Whether the one percentage read alone, naming no measure, is of a plan not in its place.

    With no measure named, the order alone says which plan each is of (``lần lượt 22,6% và
    25% kế hoạch năm`` after a revenue plan and a profit plan in one sentence: 25 % of the
    revenue's plan is not the second's); round 161.
    """
    slot, found = (0, gp) if gp else (1, gq)
    return not said.named[slot] and _plan_slot(said.text, found[0]) != slot


_PLAN_SENTENCE_REACH = 400
"""How far (characters) before a plan's amount the head of its sentence is looked for."""


def _plan_slot(text: str, r: _Reading) -> int | None:
    """Which money amount of its sentence the plan of ``r`` is (0 the first), or None.

    The plan is the amount a pair links to as its target, or the plan statement's amount of
    the target's value (``… kế hoạch doanh thu 1.800 tỷ đồng …; lợi nhuận 230 tỷ đồng``: the
    revenue's plan 0, the profit's 1); two percentages said respectively are of the plans in
    the order their sentence states them.
    """
    if r.plan is None:
        if r.result.link_start is None:
            return None
        low_at, high_at = r.result.link_start, r.result.link_start + 1
    else:
        low_at, high_at = r.plan.start, r.plan.end
    low = max(0, low_at - _PLAN_SENTENCE_REACH)
    folded = fold(text[low : high_at + _PERCENT_WORDS])
    head = max((m.end() for m in FULL_STOP.finditer(folded, 0, low_at - low)), default=0)
    money = [a for a in amounts_in(folded, head, len(folded)) if a.unit[1] in MONEY_WORDS]
    return next(
        (
            k
            for k, a in enumerate(money)
            if low_at - low <= a.start < high_at - low and a.value == r.target
        ),
        None,
    )


def _in_order(first: _Reading, second: _Reading) -> bool:
    """Whether two readings are of two results and two plans, the first's stated first."""
    if first.result.start >= second.result.start or first.target == second.target:
        return False
    return first.plan is None or second.plan is None or first.plan.start < second.plan.start


_OWN_REACH = 600
"""How far (characters) before a percentage a statement that reads it may start."""


def _read(
    r: _Reading,
    said: _Said,
    key: str,
    out: list[LinkableStatement],
    added: list[LinkableStatement],
) -> None:
    """The reading ``r`` with the percentage ``said.m[key]`` read with it.

    A pair takes it; a result and a plan make a statement of the percentage, in place of
    the grammar's reading of it with neither result nor target (none when it has one).
    """
    statements, text, m = said.statements, said.text, said.m
    pos = m.start(key)
    own = [
        j
        for j in said.index.between(pos - _OWN_REACH, pos)
        if pos < statements[j].end and statements[j].stated_percent is not None
    ]
    if any(statements[j].actual is not None or statements[j].target is not None for j in own):
        return  # the percentage read with figures already
    if r.plan is None:
        out[r.index] = _with_percent(r.result, m[key], m["q" + key])
        return
    bare = _bare(r.result, text, (m.start(), m.end(key) + 1), (m[key], "attainment", m["q" + key]))
    read = with_result(bare, r.result, r.target)
    if len(own) == 1 and statements[own[0]].stated_kind == "attainment":
        out[own[0]] = read
    else:
        added.append(read)


def _one_reading(
    statements: Sequence[LinkableStatement],
    index: StartIndex,
    text: str,
    s: LinkableStatement,
    where: tuple[int, set[str]],
) -> _Reading | None:
    """The one result and plan before the sentence of ``s`` that give its percentage (round 167).

    ``where``: the sentence's start and the measures the percentage names. A result and a
    plan each read alone (no pair), of one measure (:func:`_readings_before`), within
    :data:`PAIR_REACH` and one to three sentences back: the one whose arithmetic gives the
    percentage at the precision it is written, of no measure other than the percentage's (named
    after it, else before it in its sentence: ``lợi nhuận … chỉ bằng 70% kế hoạch``) and no
    other part of the year. A percentage naming no measure takes them only when they are
    the only result and plan there. The same two figures read twice are one reading.
    """
    start, named = where
    p = percent_of(s)
    if p is None:
        return None
    if not named:  # the measure named before it in its sentence (``lợi nhuận … bằng 70%``)
        pos = s.start + s.text.rfind("%")
        named = measures_named(fold(text[start:pos]), 0, pos - start)
    readings = [
        r
        for r in _readings_before(statements, index, text, start)
        if r.plan is not None and 1 <= _sentence_ends(text, r.result.end, start) <= PAIR_SENTENCES
    ]
    if not named and len({(r.result.actual, r.target) for r in readings}) != 1:
        return None
    found = _giving(p, named, readings, text, (s.start, s.end))
    if len({(r.result.actual, r.target) for r in found}) != 1:
        return None
    plan = found[0].plan
    if len({r.result.actual for r in readings if r.plan is plan}) > 1:
        return None  # two results of the plan's measure: the arithmetic may choose wrong
    if _said_of_another(text, (start, s.start + s.text.rfind("%")), (s.start, s.end), found[0]):
        return None
    return found[0]


# "Như vậy, công ty con Sông Lam Hà Nội đã thực hiện …": a subsidiary's percentage
_SUBSIDIARY = rx(r"(?<!\w)(?:công\s+ty\s+con|(?:đơn\s+vị\s+)?thành\s+viên|chi\s+nhánh)(?!\w)")


def _said_of_another(text: str, lead: tuple[int, int], at: tuple[int, int], r: _Reading) -> bool:
    """Whether the percentage at ``at`` is of another time or firm (``lead``: its sentence to it).

    Said of another year than the plan's sentence names (:func:`_other_time`), of a subsidiary
    or branch the result's and plan's sentences do not name, or of a firm named by a proper
    name none of theirs shares (``Như vậy, Bảo hiểm Bắc Hà đã thực hiện được 45,5% kế
    hoạch`` after Sông Lam's result and plan). Review 38G: round 167 asked neither.
    """
    plan = r.plan
    if plan is None or _other_time(text, at, plan):
        return plan is not None
    spans = [(_sentence_start(text, c.start) or c.start, c.end) for c in (r.result, plan)]
    theirs = "\n".join(fold(text[a:b]) for a, b in spans)
    if _SUBSIDIARY.search(fold(text[lead[0] : lead[1]])) and not _SUBSIDIARY.search(theirs):
        return True
    mine = proper_names(text, *lead)
    names = set().union(*(proper_names(text, a, b) for a, b in spans))
    return bool(mine) and bool(names) and mine.isdisjoint(names)


def _bare(
    c: LinkableStatement,
    text: str,
    span: tuple[int, int],
    said: tuple[str, str, str | None],
) -> LinkableStatement:
    """A statement of a percentage alone over ``span``, on the fields of the result ``c``.

    ``said``: the percentage as written (``52,5``), its kind and the qualifier before it.
    """
    stated, kind, qualifier = said
    return dataclasses.replace(
        c,
        start=span[0],
        end=span[1],
        text=" ".join(text[span[0] : span[1]].split()),
        target=None,
        stated=f"{stated}%",
        stated_percent=Decimal(stated.replace(",", ".")),
        stated_kind=kind,
        qualifier=qualifier,
    )


def link_later_pair_percentages(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, each pair read with the percentage of it stated in a later sentence.

    A percentage of a plan with neither result nor target (``Như vậy, công ty đã thực hiện
    được 43% kế hoạch doanh thu``) takes the pair before it, one to three sentences back
    within :data:`PAIR_REACH`, that gives it at the precision it is written, when exactly
    one pair there does and the pair's words name no measure other than the percentage's;
    the pair is then read with the percentage (one statement, at the percentage). Two
    percentages said ``lần lượt`` with no amount in their sentence (``… hoàn thành lần lượt
    46,8% và 46,3% kế hoạch``) take the last two pairs before them, in order, when each gives
    its own.
    """
    out: list[LinkableStatement] = list(statements)
    added: list[LinkableStatement] = []
    _link_respective(statements, text, out, added)
    index = StartIndex(statements)
    taken: set[int] = {j for j, s in enumerate(out) if s is not statements[j]}
    drop: set[int] = set()
    for i, s in enumerate(statements):
        if s.actual is not None or s.target is not None or s.stated_kind != "attainment":
            continue
        if out[i] is not s:
            continue  # read with two percentages said respectively
        p = percent_of(s)
        if p is None or "%" not in s.text:
            continue
        named = _measures_after(text, s.start + s.text.rfind("%") + 1)
        start = _sentence_start(text, s.start)
        if start is None:
            continue
        giving = [
            (j, c)
            for j, c in _pairs_before(statements, index, text, start)
            if j not in taken and _fits(p, c) and s.qualifier is None
        ]
        if not giving:
            r = _one_reading(statements, index, text, s, (start, named))
            if r is not None and r.index not in taken and unit_key(r.result) in (None, unit_key(s)):
                out[i] = with_result(s, r.result, r.target)
                taken.add(r.index)
            continue
        if len(giving) != 1:
            continue
        j, c = giving[0]
        if _other_measure(named, text, c) or unit_key(c) not in (None, unit_key(s)):
            continue
        assert isinstance(c.target, Decimal)
        out[i] = with_result(s, c, c.target)
        taken.add(j)
        drop.add(j)
    kept = [s for j, s in enumerate(out) if j not in drop]
    return sorted([*kept, *added], key=lambda s: s.start) if added else kept
