"""The document-level pass: targets stated in one place linked to results stated in another.

A report often states a target once — ``Nghị quyết Đại hội đề ra mỗi năm kết nạp 1.500 đảng
viên``, ``Năm 2023 phấn đấu kết nạp trên 300 đảng viên`` — and the result elsewhere, with a
percentage *of that target*: ``… kết nạp 1.380 đảng viên, đạt 92% so với nghị quyết``. After
the sentence grammar, :func:`link_targets` gives such a result the target it refers to and
checks the percentage against it; the target's span is kept as the link's evidence
(``link_start``, ``link_end``, ``link_text``) beside the result's own span.

A result is linked only when

* it has an exact actual, an ``attainment`` or ``excess`` percentage, no target of its own,
  and its words name what the percentage is of (``nghị quyết``, ``kế hoạch``, ``chỉ tiêu``,
  ``mục tiêu``, ``dự toán``);
* a target-only statement of the same metric and the same unit (the same registry code, the
  same name as written, or both the document's own unit) fits its time: a yearly target
  (``mỗi năm``) any year's result, a target of a year that year's, a term target a
  whole-term result;
* the fitting targets nearest to it (up to three each side) agree: when they differ, the one
  the stated percentage gives is taken, and when none or several do, nothing is linked —
  precision first.

A percentage of a plan named by what it counts, with no result of its own, takes the result
stated before it that names the same thing (:func:`link_named_plans`): ``Doanh thu lũy kế đạt
17.565 tỷ đồng … đã hoàn thành khoảng 46% mục tiêu doanh thu (38.185 tỷ đồng)`` is 17.565
against 38.185 billion, with the result's span as the link's evidence.

A percentage of a plan with no target of its own takes the plan's amount written in another
sentence near it, in its paragraph or the ones around it (:func:`link_plan_amounts`): ``… ước
đạt 1,635 triệu lượt, đạt 19,2% so với kế hoạch năm. … đặt mục tiêu đón 8,5 triệu lượt …`` —
the same word (any scale), set out as a plan (or in brackets after a plan's name), of the
same unit and year, and agreeing with the percentage. A plan named by what it counts is met
by another word for the same measure (:data:`MEASURE_SYNONYMS`: ``lợi nhuận``, ``lãi``).

A percentage that refers back to the result just stated — by a pronoun (``Con số này tương
ứng 60,6% kế hoạch``) or as the rate of what it measures (``tỷ lệ giải ngân … đạt 59,7%``) —
takes that result (:func:`link_referred_results`).

The passes look at a bounded number of neighbours, or a bounded window of text, per result,
so they stay linear in the length of the text.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.amounts import (
    _APART_KINDS,
    _FULL_STOP,
    _MEASURE_NAMES,
    _MONEY_WORDS,
    _PART_OF_YEAR,
    _PLAN_CUE,
    _PROGRAMME_CHUNK,
    MEASURE_NAMES,
    PLAN_AMOUNT_WINDOW,
    PLAN_MEASURES,
    _Amount,
    _amounts,
    _as_result,
    _clause_around,
    _head,
    _measure_beside,
    _measure_kind,
    _measure_of_amount,
    _measures_named,
    _of_year,
    _other_sentence,
    _paragraph,
    _qualified,
    _same_measure,
    _same_period,
    _sentence_span,
    _sets_plan,
    _shifted,
    _thing,
    _units_named,
)
from kpitools.extract.linking import (
    _NO_PERCENT,
    _against_plan,
    _amount,
    _covering,
    _flagged,
    _percent_of,
    _same_scope,
)
from kpitools.extract.notes import noted, seg
from kpitools.extract.text import NUM
from kpitools.numbers import check_percent, parse_number, parse_percent
from kpitools.textfold import fold, rx, words_rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement


# "của Sunrise", "của ABC": an owner named by one word of Latin letters with a capital
_OWNER_NAMED = re.compile(r"(?<!\w)của\s+([A-Z][A-Za-z0-9]*)(?![^\W_])")


def _owners_named(text: str, start: int, end: int) -> set[str]:
    """The owners ``text[start:end]`` names after ``của`` (:data:`_OWNER_NAMED`)."""
    return {m.group(1) for m in _OWNER_NAMED.finditer(text, start, end)}


def _owners_agree(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether the sentences at spans ``a`` and ``b`` of ``text`` may be of one owner.

    ``Lợi nhuận của Sunrise đạt 300 tỷ đồng … Mục tiêu lợi nhuận năm của Moonbay là 900 tỷ
    đồng``: two owners, so no result of one against the other's plan. One naming none, or
    both one in common, agree.
    """
    x, y = _owners_named(text, *a), _owners_named(text, *b)
    return not (x and y) or bool(x & y)


# --------------------------------------------------------------------------- unstated plans

_YEAR_WORD = rx(r"(?<!\w)năm(?!\w)")
UNSTATED_PLAN_WINDOW = 1600
"""How far (characters, cut at a line end) from a result with no percentage the year's plan
set against it may be (reports state the year's goals at the end of an article)."""


def _of_part_of_year(folded: str, a: _Amount) -> bool:
    """Whether the clause of the amount ``a`` names a quarter, a month or a week.

    ``kế hoạch đón 4,09 triệu lượt khách trong quý IV``: no plan of the whole year.
    """
    return _PART_OF_YEAR.search(folded, *_clause_around(folded, a.start, a.end)) is not None


def _unstated_plan(
    s: LinkableStatement,
    text: str,
    scope: tuple[Sequence[LinkableStatement], list[int]],
) -> _Amount | None:
    """The one yearly plan amount near ``s`` that counts what ``s`` counts, or None.

    See :func:`link_unstated_plans`.
    """
    low, high = _paragraph(text, s.start, s.end, UNSTATED_PLAN_WINDOW)
    window = text[low:high]
    folded = fold(window)
    amounts = _amounts(folded, 0, len(folded))
    own = [a for a in amounts if a.value == s.actual and s.start - low <= a.start < s.end - low]
    if not own or not own[0].unit[1]:
        return None
    actual = own[0]
    thing = _thing(folded, actual)
    if thing is None and actual.unit[1] not in _MONEY_WORDS:
        return None
    named = _units_named(window, _head(folded, actual.start, 0), s.end - low)
    measures = _measures_named(folded, actual.start, actual.end)
    found = [
        a
        for a in amounts
        if a.unit == actual.unit
        and _same_thing(folded, actual, thing, a)
        and a.value > actual.value
        and _other_sentence(folded, actual, a)
        and _same_period(folded, a, (_head(folded, actual.start, 0), s.end - low))
        and _of_year(folded, a, s.year)
        and _sets_plan(folded, a, 0)
        and not _qualified(folded, a)
        and not _range_end(folded, a)
        and not _of_part_of_year(folded, a)
        and _YEAR_WORD.search(folded, *_sentence_span(folded, a))
        and _same_measure(measures, folded, a)
        and _units_named(window, *_sentence_span(folded, a)) <= named
        and _owners_agree(window, _sentence_span(folded, actual), _sentence_span(folded, a))
        and _same_scope(s, _covering(*scope, _shifted(a, low)))
    ]
    if len({a.value for a in found}) != 1:
        return None
    return _shifted(found[0], low)


# "từ 2.000 tỷ đồng đến 2.400 tỷ đồng": an end of a range, no plan amount of its own
_RANGE_NEXT = rx(r"\s*(?:đến|tới|[-–—])\s*\d")
_RANGE_BEFORE = rx(r"(?<!\w)từ\s+\d[\d.,]*[^\d,;.]{0,25}?\s(?:đến|tới)\s*$")


def _range_end(folded: str, a: _Amount) -> bool:
    """Whether the amount ``a`` is an end of a range (the plan is the range, read apart)."""
    return bool(
        _RANGE_NEXT.match(folded, a.end)
        or _RANGE_BEFORE.search(folded, max(0, a.start - 60), a.start)
    )


def _same_thing(folded: str, actual: _Amount, thing: str | None, a: _Amount) -> bool:
    """Whether the plan amount ``a`` counts what ``actual`` counts (``thing``, its words).

    The same words after the unit word (``triệu lượt khách``); for money, whose unit word
    ends the figure, the plan's words after it (``6 tỷ USD vốn FDI``) all named in the
    result's sentence before it (``thu hút 245 dự án FDI mới với tổng vốn đăng ký hơn 4,68
    tỷ USD``).
    """
    own = _thing(folded, a)
    if thing is not None:
        return own == thing
    if _same_measure_kind(folded, actual, a):
        return True
    lead = set(folded[_head(folded, actual.start, 0) : actual.start].split())
    if own is None:
        # "phấn đấu doanh thu du lịch của tỉnh đạt 37.500 tỷ đồng": the measure named
        # between the aim and the amount, every word of it in the result's sentence
        named = _aimed_measure(folded, a)
        return len(named) >= _AIMED_MEASURE_WORDS and named <= lead
    return set(own.split()) <= lead


def _same_measure_kind(folded: str, actual: _Amount, plan: _Amount) -> bool:
    """Whether two money amounts are of one named measure and kind (:func:`_measure_kind`).

    ``doanh thu thuần đạt 8.000 tỷ đồng`` and ``kế hoạch doanh thu thuần (30.000 tỷ
    đồng)``; a kind written on one side only (``lợi nhuận`` and ``lợi nhuận sau thuế``)
    fits, unless it names another measure (:data:`_APART_KINDS`: ``doanh thu tài chính`` is
    no revenue); two different kinds do not.
    """
    m, k = _measure_kind(folded, actual)
    n, j = _measure_kind(folded, plan)
    one_side = None in (k, j) and not {k, j} & _APART_KINDS
    return m is not None and m == n and (k == j or one_side)


_AIMED_MEASURE_WORDS = 3
_AIM_FILLER = frozenset(fold(w) for w in ("đạt", "là", "sẽ", "trên", "hơn", "gần", "khoảng"))


def _aimed_measure(folded: str, a: _Amount) -> set[str]:
    """The words between the last plan cue of ``a``'s sentence and ``a`` (no filler)."""
    head = _head(folded, a.start, 0)
    cues = list(_PLAN_CUE.finditer(folded, head, a.start))
    if not cues:
        return set()
    return set(folded[cues[-1].end() : a.start].split()) - _AIM_FILLER


def link_unstated_plans(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, each result of part of a year also set against the year's plan.

    The plan is one stated near it, when no percentage says how far the result got.

    ``Trong 9 tháng, tỉnh đón 17,11 triệu lượt khách, tăng 9% so với cùng kỳ … Để đạt mục
    tiêu đón 21,2 triệu lượt khách cả năm …`` adds 17,11 against 21,2 million (the growth
    statement stays). Only a result taken before the year's end (``as_of`` before December)
    whose figure is in a growth statement or none, and only one plan amount: written with the
    same scale, unit word and thing counted (``triệu lượt khách``), set out as a plan of a year
    in another sentence up to :data:`PLAN_AMOUNT_WINDOW` characters away, exact, larger than
    the result, of the same unit, measure and year, and not already set against that plan by
    a percentage of the same figure in the plan's own sentence (``So với kế hoạch cả năm là
    900 tỷ đồng doanh thu, công ty đã hoàn thành 46% mục tiêu doanh thu``). Nothing
    confirms the link (no percentage), so the words must match exactly: precision first.
    """
    out: list[LinkableStatement] = []
    ordered = sorted(statements, key=lambda c: c.start)
    scope = (ordered, [c.start for c in ordered])
    # a figure a percentage of a plan or a target is already stated against, in its
    # paragraph (a lead that repeats the body's figure is a statement of its own)
    line_ends = [m.start() for m in re.finditer("\n", text)]
    placed = {
        (c.actual, bisect.bisect(line_ends, c.start))
        for c in statements
        if c.target is not None or c.stated_kind in ("attainment", "excess")
    }
    # the figures percentages are stated of, and where
    stated = [(c.actual, c.start) for c in statements if c.stated_percent is not None]
    for s in statements:
        out.append(s)
        if (
            (s.actual, bisect.bisect(line_ends, s.start)) in placed
            or s.target is not None
            or s.link_start is not None
            or not isinstance(s.actual, Decimal)
            or s.stated_kind not in (None, "growth")
            or s.as_of is None
            or s.as_of.month == 12
            or s.term is not None
        ):
            continue
        plan = _unstated_plan(s, text, scope)
        if plan is not None and not _stated_beside(stated, s, plan, text):
            out.append(_against_plan(s, plan, text))
    return out


# "tăng 500 tỷ đồng", "thêm 56 tỷ đồng": a change by the amount, not a result
_CHANGE_BY = rx(r"(?<!\w)(?:tăng|giảm|thêm|hụt|chênh)(?:\s+(?:khoảng|gần|hơn|trên))?\s*$")


# "doanh thu từ mảng bán lẻ", "doanh thu của khối công nghệ": a segment's measure
_SEGMENT = rx(
    r"(?<!\w)(?:từ|mảng|khối|nhóm|của|tại|thuộc|ngành|lĩnh\s+vực|sản\s+phẩm|công\s+ty\s+con"
    r"|trong\s+đó|riêng)(?!\w)"
)


def _of_segment(folded: str, a: _Amount) -> bool:
    """Whether the measure named before the amount ``a`` is narrowed to a segment between.

    ``doanh thu từ mảng bán lẻ đạt 500 tỷ đồng``: a part of the company's revenue, no result
    against the company's plan.
    """
    head = _head(folded, a.start, max(0, a.start - 200))
    named = list(_MEASURE_NAMES.finditer(folded, head, a.start))
    if not named:
        return False
    return _SEGMENT.search(folded, named[-1].end(), a.start) is not None


def _part_year_amounts(
    window: tuple[str, str], plan: _Amount, year: int | None, covered: Callable[[_Amount], bool]
) -> list[_Amount]:
    """The money amounts of part of a year in ``window`` that the year's ``plan`` is of.

    ``window`` is the text and its folded form. See :func:`link_part_year_amounts`: in no
    statement and set against no plan yet (``covered``), in another sentence, of the plan's
    measure and kind, smaller than it, of its year, of a quarter or some months named before
    it in its sentence, and of no other unit named (``Quý I, huyện A thu …`` and ``huyện B
    đặt mục tiêu …``); the last of equal ones (a lead or a caption repeating an amount is
    not a statement of its own).
    """
    raw, folded = window
    units = _units_named(raw, *_sentence_span(folded, plan))
    found: dict[Decimal, _Amount] = {}
    for a in _amounts(folded, 0, len(folded)):
        head = _head(folded, a.start, 0)
        if (
            a.unit[1] in _MONEY_WORDS
            and a.value < plan.value
            and _PART_OF_YEAR.search(folded, head, a.start)
            and _other_sentence(folded, a, plan)
            and _same_measure_kind(folded, a, plan)
            and not _of_segment(folded, a)
            and not _CHANGE_BY.search(folded, max(head, a.start - 20), a.start)
            and not _sets_plan(folded, a, 0, qualified=True)
            and _same_period(folded, a, (a.start, a.start))
            and _of_year(folded, a, year)
            and not covered(a)
            and _units_agree(units, _units_named(raw, *_sentence_span(folded, a)))
            and _owners_agree(raw, _sentence_span(folded, a), _sentence_span(folded, plan))
        ):
            found[a.value] = a
    return list(found.values())


def _units_agree(a: set[str], b: set[str]) -> bool:
    """Whether sentences naming the units ``a`` and ``b`` may be of one unit.

    One names none, or both name the same.
    """
    return not (a and b) or a == b


def link_part_year_amounts(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, with money amounts of part of a year set against the year's plan.

    ``Quý I, doanh thu đạt 2.000 tỷ đồng, lợi nhuận sau thuế 150 tỷ đồng. Năm nay, công ty
    đặt mục tiêu doanh thu 9.000 tỷ đồng và lợi nhuận sau thuế 700 tỷ đồng`` adds 2.000
    against 9.000 and 150 against 700 billion, no percentage: an amount in no statement,
    up to :data:`UNSTATED_PLAN_WINDOW` characters from a plan set out for a year (a target
    of its own, of a named measure), of that measure and kind (:func:`_same_measure_kind`),
    smaller, of a quarter or some months named in its sentence, not a change (``tăng 500 tỷ
    đồng``) nor of a past period, is that plan's part-year result (as
    :func:`link_unstated_plans` does for the results read as statements).
    """
    out = list(statements)
    ordered = sorted(statements, key=lambda c: c.start)
    scope = (ordered, [c.start for c in ordered])
    # figures already set against a plan or said to attain one (linked from a percentage)
    claimed = {
        c.actual
        for c in statements
        if c.target is not None or c.stated_kind in ("attainment", "excess")
    }
    for t in statements:
        if t.actual is not None or not isinstance(t.target, Decimal) or t.term is not None:
            continue
        low, high = _paragraph(text, t.start, t.end, UNSTATED_PLAN_WINDOW)
        folded = fold(text[low:high])
        plan = next((a for a in _amounts(folded, t.start - low, t.end - low)), None)
        if plan is None or plan.value != t.target or not _sets_plan(folded, plan, 0):
            continue

        def covered(a: _Amount, low: int = low) -> bool:
            return a.value in claimed or _covering(*scope, _shifted(a, low)) is not None

        for a in _part_year_amounts((text[low:high], folded), plan, t.year, covered):
            c = _as_result(t, a, folded, low, text, _measure_kind(folded, a)[0] or "")
            out.append(_against_plan(c, _shifted(plan, low), text, year=t.year))
    return out


# "đã về đích kế hoạch doanh thu", "hoàn thành vượt mức chỉ tiêu lợi nhuận": a plan met,
# named by its measure, with no figure of its own
_PLAN_MET = rx(
    r"(?<!\w)(?P<not>(?:chưa|không)\s+)?(?:hoàn\s+thành|về\s+đích)(?:\s+(?:vượt(?:\s+mức)?|sớm))?\s+"
    r"(?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu)\s+(?=\S)"
)
_FIGURE_AFTER = rx(r"^[^,;.\n]{0,40}?\d")
MET_PLAN_WINDOW = 800
"""How far (characters) before a plan said met its result and its plan's amount may be."""


def _met_pair(
    folded: str,
    at: int,
    scope: tuple[Sequence[LinkableStatement], list[int]],
    low: int,
    met: bool = True,
) -> tuple[LinkableStatement, _Amount, _Amount] | None:
    """The one result and plan amount of the measure a plan said met at ``at`` names.

    See :func:`link_met_plans`: the plan set out before ``at``, in another sentence than the
    result, which is at least the plan (``hoàn thành`` is reaching it) and the only figure
    of its measure and kind before ``at``.
    """
    named = _MEASURE_NAMES.match(folded, at)
    if named is None or _FIGURE_AFTER.match(folded, named.end()):
        return None
    measure = MEASURE_NAMES[" ".join(named.group().split())]
    amounts = [
        a
        for a in _amounts(folded, 0, at)
        if a.unit[1] in _MONEY_WORDS and _measure_kind(folded, a)[0] == measure
    ]
    plans = {a.value: a for a in amounts if _sets_plan(folded, a, 0)}
    results = {}
    for a in amounts:
        c = _covering(*scope, _shifted(a, low))
        if a.value not in plans and c is not None and c.actual == a.value:
            results[a.value] = (c, a)
    if any(
        c.target is not None or c.stated_kind not in (None, "growth") for c, _ in results.values()
    ):
        return None  # a result already set against a plan or said how far it got
    if len(plans) != 1 or len(results) != 1:
        return None
    (plan,), ((c, actual),) = plans.values(), results.values()
    if not (_same_measure_kind(folded, actual, plan) and _other_sentence(folded, actual, plan)):
        return None
    return (c, actual, plan) if (actual.value >= plan.value) == met else None


def link_met_plans(statements: Sequence[LinkableStatement], text: str) -> list[LinkableStatement]:
    """The statements, with a result set against the plan a sentence says it met.

    ``Doanh thu thuần đạt 1.050 tỷ đồng, tăng 6%. … Năm 2025, công ty đặt mục tiêu doanh
    thu 1.000 tỷ đồng. Như vậy, công ty đã hoàn thành vượt mức kế hoạch doanh thu``
    adds 1.050 against 1.000 billion, no percentage: the plan said met is named by its
    measure (:data:`MEASURE_NAMES`) and no figure follows it; its amount is the one plan of
    that measure set out up to :data:`MET_PLAN_WINDOW` characters before, and the result
    the one figure of that measure and kind read there (a statement with no target), at
    least the plan. A plan said not met (``chưa hoàn thành kế hoạch doanh thu``) pairs the
    one result below it the same way. Several plans or results of the measure leave it
    unread.
    """
    out = list(statements)
    ordered = sorted(statements, key=lambda c: c.start)
    scope = (ordered, [c.start for c in ordered])
    for at, met in _plans_met(text):
        low = max(0, at - MET_PLAN_WINDOW)
        folded = fold(text[low : at + 80])
        found = _met_pair(folded, at - low, scope, low, met)
        if found is not None:
            c, _, plan = found
            out.append(_against_plan(c, _shifted(plan, low), text))
    return out


def _plans_met(text: str) -> list[tuple[int, bool]]:
    """Where the measure's name begins after each plan said met or not (:data:`_PLAN_MET`).

    With whether it is said met (False after ``chưa`` / ``không``: not met).
    ``text`` is read in folded chunks that overlap: no folded copy of the whole text is kept.
    """
    out: list[tuple[int, bool]] = []
    for low in range(0, len(text), _PROGRAMME_CHUNK):
        folded = fold(text[low : low + _PROGRAMME_CHUNK + 200])
        out.extend(
            (low + m.end(), m.group("not") is None)
            for m in _PLAN_MET.finditer(folded)
            if m.start() < _PROGRAMME_CHUNK and (not out or low + m.end() > out[-1][0])
        )
    return out


def split_growth_pairs(statements: Sequence[LinkableStatement]) -> list[LinkableStatement]:
    """The statements, each growth read with a target also given as the pair it states.

    ``Xuất khẩu 7 tháng đạt trên 3,2 tỷ USD, tăng 7%, nhưng muốn đạt mục tiêu 6-6,5 tỷ USD …``:
    the growth is over last year, not of the target, so the result against its target is a
    statement of its own, with no percentage (the growth statement stays). Not when another
    statement already pairs the same figures (``bằng 105% so với kế hoạch (6 tỷ USD); tăng
    12% so với năm trước``).
    """
    out = list(statements)
    paired: set[tuple[object, object]] = {
        (c.actual, c.target)
        for c in statements
        if c.stated_kind != "growth" and c.actual is not None and c.target is not None
    }
    for s in statements:
        pair: tuple[object, object] = (s.actual, s.target)
        if s.stated_kind != "growth" or None in pair or pair in paired:
            continue
        paired.add(pair)
        fields = {**_NO_PERCENT, **noted(seg("no_percent"))}
        out.append(dataclasses.replace(s, consistent=None, verdict="unchecked", **fields))
    return out


def _stated_beside(
    stated: Sequence[tuple[object, int]], s: LinkableStatement, plan: _Amount, text: str
) -> bool:
    """Whether a percentage of ``s``'s figure is stated in the sentence of ``plan``."""
    low = max(0, plan.start - PLAN_AMOUNT_WINDOW)
    folded = fold(text[low : plan.end + PLAN_AMOUNT_WINDOW])
    head, stop = _sentence_span(folded, _shifted(plan, -low))
    return any(a == s.actual and low + head <= at < low + stop for a, at in stated)


# --------------------------------------------------------------------------- headlines

_HEADLINE_LENGTH = 250


def _claim(s: LinkableStatement) -> bool:
    return isinstance(s.actual, Decimal) and s.stated_kind in ("attainment", "excess")


def drop_mispaired_headlines(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements without a headline's pairing of one figure with another's percentage.

    A headline (the first line, short, with no full stop at its end) that states ``đón 22,7
    triệu lượt khách, đạt 135% kế hoạch năm`` while the body says the 22,7 million ``vượt
    8% kế hoạch năm`` and gives the 135 % to another figure (``gần 1,59 triệu lượt khách
    quốc tế … đạt 135% kế hoạch năm``) pairs what the body does not: its statement is left
    out (precision first). A headline the body agrees with, or does not contradict, stays.
    """
    end = text.find("\n")
    if end < 0 or end > _HEADLINE_LENGTH or text[:end].rstrip().endswith((".", "!", "?")):
        return list(statements)
    body = [c for c in statements if c.start > end and _claim(c)]
    out = []
    for s in statements:
        if s.end <= end and _claim(s) and _mispaired(s, body):
            continue
        out.append(s)
    return out


# the qualifiers of a rounded amount and on which side of it the exact amount lies
_ROUNDED_SIDE = {"hơn": 1, "trên": 1, "gần": -1, "khoảng": 0}
_ROUNDING = Decimal("0.01")


def drop_repeated_pairs(statements: Sequence[LinkableStatement]) -> list[LinkableStatement]:
    """The statements without a result-and-plan pair a later percentage states again.

    ``… doanh thu đạt 900 tỷ đồng, tăng 5% so với cùng kỳ. … kế hoạch doanh thu 2.000 tỷ
    đồng … Như vậy, công ty đã hoàn thành 45% kế hoạch doanh thu``: the pair read with no
    percentage (900 against 2.000) is the attainment that refers back to its result, and is
    left out — unless the result is written again between them (a lead's pair, then the
    body's own figure and its percentage, are two statements). Statements are indexed by
    their figures, so the pass stays linear.
    """
    stated: dict[tuple[object, object], list[int]] = {}
    mentions: dict[object, list[int]] = {}
    for c in statements:
        if c.actual is not None:
            mentions.setdefault(c.actual, []).append(c.start)
        if c.actual is not None and c.stated is not None and c.stated_kind in _PLAN_KINDS:
            # a percentage that writes its result itself is a statement of its own
            own = any(a.value == c.actual for a in _amounts(fold(c.text), 0, len(c.text)))
            stated.setdefault((c.actual, c.target), []).append(-1 if own else c.start)
    return [s for s in statements if not _restated_later(s, stated, mentions)]


_PLAN_KINDS = ("attainment", "excess")


def _restated_later(
    s: LinkableStatement,
    stated: dict[tuple[object, object], list[int]],
    mentions: dict[object, list[int]],
) -> bool:
    """Whether the pair ``s`` (no percentage) is stated again by a later percentage.

    With no other statement of its result between (see :func:`drop_repeated_pairs`).
    """
    if s.stated is not None or s.actual is None or s.target is None:
        return False
    starts = stated.get((s.actual, s.target), [])
    later = [p for p in starts if p > s.end]
    if not later or -1 in starts:
        return False
    first = min(later)
    return not any(s.end < m < first for m in mentions[s.actual])


def drop_rounded_restatements(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements without a rounded amount the text restates exactly with its percentages.

    A lead that says ``thu ngân sách đạt hơn 5.000 tỷ đồng, đạt 61,5% dự toán`` and a body
    that says ``… là 5.012,37 tỷ đồng, đạt 61,5% dự toán`` state one result twice: the
    rounded claim (qualified, no target) is left out when another claim states the same
    percentage, as written and of the same kind, of an exact amount of the same measure
    within 1 % of it, on the side its qualifier says. Claims are indexed by their stated
    percentage, so the pass stays linear in the text.
    """
    del text  # the statements carry what the rule reads
    exact: dict[tuple[str | None, str | None], list[LinkableStatement]] = {}
    for c in statements:
        if _claim(c) and c.qualifier is None and c.exact:
            exact.setdefault((c.stated, c.stated_kind), []).append(c)
    return [s for s in statements if not _restated_exactly(s, exact)]


def _restated_exactly(
    s: LinkableStatement,
    exact: dict[tuple[str | None, str | None], list[LinkableStatement]],
) -> bool:
    side = _ROUNDED_SIDE.get(s.qualifier or "")
    if side is None or not _claim(s) or s.target is not None or not isinstance(s.actual, Decimal):
        return False
    rounded = s.actual
    for c in exact.get((s.stated, s.stated_kind), []):
        if not isinstance(c.actual, Decimal) or c.measure != s.measure or c.actual <= 0:
            continue
        gap = c.actual - rounded
        if gap != 0 and abs(gap) <= _ROUNDING * c.actual and gap * side >= 0:
            return True
    return False


_LEADING_NUMBER = re.compile(NUM)


def drop_unfitting_counts(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, a count's percentage no whole plan gives left without the count.

    Only when another figure of its clause may be what it is of.

    ``khoan được 9.100 m, hoàn thành 5 giếng (đạt 118,6% kế hoạch)``: a plan of wells is a
    whole number, and no whole number gives 5 wells 118,6 % of it (4 gives 125 %), so the
    percentage is of the other figure of the clause (no percentage between them); its
    result is dropped (precision first) and the percentage stays, unchecked. Only a count
    written as it is (no scale word, no decimals, no hedge) with its own percentage and no
    plan is tested: 5 wells at 125 % stay, and a count alone in its clause keeps the
    percentage (the audit's finding when no whole plan gives it).
    """
    return [
        _without_result(s) if _no_whole_plan(s) and _figure_before(s, text) else s
        for s in statements
    ]


# a figure with its unit word ("9.100 m"), not a year
_UNIT_FIGURE = rx(rf"(?<![\d.,])(?!(?:19|20)\d\d(?!\d))(?:{NUM})\s*[^\W\d_]")


def _figure_before(s: LinkableStatement, text: str) -> bool:
    """Whether the clause of ``s`` holds another figure before it, no percentage between.

    The clause reaches back to a semicolon, a colon, a bracket or the sentence's start.
    """
    floor = max(0, s.start - 200)
    low = max(floor, *(text.rfind(c, floor, s.start) + 1 for c in ".;:(\n"))
    lead = text[low : s.start]
    figures = list(_UNIT_FIGURE.finditer(fold(lead)))
    return bool(figures) and "%" not in lead[figures[-1].end() :]


def _no_whole_plan(s: LinkableStatement) -> bool:
    """Whether ``s`` is a count whose stated percentage no whole plan gives (see above)."""
    if (
        s.stated_kind not in ("attainment", "excess")
        or s.target is not None
        or s.link_text is not None
        or s.measure is not None
        or s.qualifier is not None
        or not isinstance(s.actual, Decimal)
        or s.actual <= 0
    ):
        return False
    m = _LEADING_NUMBER.match(s.text)
    p = _percent_of(s)
    if m is None or p is None or p.value <= 0 or parse_number(m.group()) != s.actual:
        return False
    unit = Decimal(10) ** -p.decimals
    low, high = p.value - unit / 2, p.value + unit  # rounded half up, or cut
    most = int(100 * s.actual / low) if low > 0 else 0
    return most < 1 or 100 * s.actual / most >= high


def _without_result(s: LinkableStatement) -> LinkableStatement:
    """The percentage ``s`` with no result: nothing to check it against."""
    return dataclasses.replace(
        s,
        actual=None,
        implied_target=None,
        computed_percent=None,
        consistent=None,
        verdict="unchecked",
        **noted(seg("no_target")),  # type: ignore[arg-type]
    )


def _mispaired(s: LinkableStatement, body: Sequence[LinkableStatement]) -> bool:
    """Whether the body gives ``s``'s figure another percentage, and ``s``'s to another."""
    other_percent = any(c.actual == s.actual and c.stated_percent != s.stated_percent for c in body)
    other_figure = any(c.stated_percent == s.stated_percent and c.actual != s.actual for c in body)
    return other_percent and other_figure


_IN_MONTH = rx(r"(?<!\w)(?:trong|của)\s+tháng(?!\w)(?!\s+(?:đầu|qua))")
_MONTHS = rx(r"(?<!\w)(\d{1,2})\s+tháng(?!\w)")
_MONTH_WINDOW = 1200


def _lead_of(text: str, s: LinkableStatement, floor: int) -> str:
    """The folded words of the sentence of ``s`` before its figure (from ``floor``)."""
    head = max(floor, *(m.end() for m in _FULL_STOP.finditer(text, floor, s.start)), floor)
    return fold(text[head : s.start])


def _months_of(text: str, s: LinkableStatement) -> int | None:
    """The number of months a cumulative amount ``s`` is of, or None.

    Named earlier in its paragraph (``Tính chung 10 tháng …``).
    """
    floor = max(0, text.rfind("\n", max(0, s.start - _MONTH_WINDOW), s.start) + 1)
    if _IN_MONTH.search(_lead_of(text, s, floor)):
        return None
    months = [int(m.group(1)) for m in _MONTHS.finditer(fold(text[floor : s.start]))]
    return months[-1] if months and months[-1] >= 2 else None


def check_month_amounts(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, a month's amount larger than the months that hold it flagged.

    ``Tổng thu … trong tháng ước đạt 783.700 tỷ đồng`` and, a paragraph on, ``Tính chung 10
    tháng đầu năm … Tổng thu … đạt 43.380,7 tỷ đồng``: one month cannot exceed the ten that
    hold it (a decimal comma printed as a thousands dot). The amounts have the same label and
    measure, are up to 1.200 characters apart, and the month's is larger (by more than
    :data:`kpitools.extract.grammar.APPROXIMATE_FACTOR` when either is approximate); the
    month's statement becomes inconsistent, with the cumulative amount in its note.
    """
    out = list(statements)
    amounts = [(i, c) for i, c in enumerate(statements) if _amount(c)]
    for i, s in amounts:
        floor = max(0, text.rfind("\n", max(0, s.start - 300), s.start) + 1)
        if not _IN_MONTH.search(_lead_of(text, s, floor)):
            continue
        whole = next(
            (
                c
                for _, c in amounts
                if c is not s
                and abs(c.start - s.start) <= _MONTH_WINDOW
                and c.label == s.label
                and c.measure == s.measure
                and _subject(text, c) == _subject(text, s)
                and _months_of(text, c) is not None
                and _larger(s, c)
            ),
            None,
        )
        if whole is not None:
            assert isinstance(s.actual, Decimal) and isinstance(whole.actual, Decimal)
            months = _months_of(text, whole)
            out[i] = _flagged(
                s,
                "month_above_months",
                a=f"{s.actual:f}",
                t=f"{whole.actual:f}",
                months=months,
                text=whole.text,
            )
    return out


_SUBJECT_END = rx(r"(?<!\w)(?:trong\s+tháng|ước|đạt|là|được|có|tăng|giảm)(?!\w)")


def _subject(text: str, s: LinkableStatement) -> str:
    """The words that name what the amount ``s`` is of, folded.

    Its sentence's words before the first verb or ``trong tháng`` (``tổng thu từ hoạt động
    du lịch``).
    """
    floor = max(0, text.rfind("\n", max(0, s.start - 300), s.start) + 1)
    lead = _lead_of(text, s, floor)
    end = _SUBJECT_END.search(lead)
    return " ".join(lead[: end.start() if end else len(lead)].split())


def _larger(month: LinkableStatement, whole: LinkableStatement) -> bool:
    """Whether the month's amount exceeds the cumulative one.

    By a factor of 2 when either is approximate.
    """
    assert isinstance(month.actual, Decimal) and isinstance(whole.actual, Decimal)
    factor = 1 if month.exact and whole.exact else 2
    return month.actual > whole.actual * factor


SHARE_WINDOW = 1500
"""How far (characters) before a share its whole may be stated."""
_QUALIFIER_SPREAD = Decimal("0.02")
"""How far an approximate amount (``khoảng``, ``hơn`` …) is taken to be from its figure."""
_OPENING_QUALIFIER = rx(r"^\W*(trên|hơn|gần|khoảng|ước)(?!\w)")
_SHARE_APPROXIMATE = rx(r"(?<!\w)(khoảng|gần|hơn|trên|xấp\s+xỉ)\s*$")
# how many units of its last digit a qualified share may be below and above the figure:
# "gần 30%" is nearly, so just under, 30 % (never above it beyond rounding); "hơn 30%" above
_SHARE_SLACK = {fold("gần"): (3, 0), fold("hơn"): (0, 3), fold("trên"): (0, 3)}


def _bounds(text: str, s: LinkableStatement) -> tuple[Decimal, Decimal]:
    """The amount of ``s`` as a range, by the word before it.

    ``hơn``/``trên``: up to 2 % more; ``gần``: up to 2 % less; ``khoảng``/``ước``: either way.
    """
    assert isinstance(s.actual, Decimal)
    a, spread = s.actual, s.actual * _QUALIFIER_SPREAD
    m = _OPENING_QUALIFIER.match(fold(s.text))
    word = m.group(1) if m else None
    low = a - spread if word in (fold("gần"), fold("khoảng"), fold("ước")) else a
    high = a + spread if word in (fold("hơn"), fold("trên"), fold("khoảng"), fold("ước")) else a
    return low, high


def _share_fits(text: str, part: LinkableStatement, whole: LinkableStatement) -> bool:
    """Whether the share ``part`` states of ``whole`` can be its share.

    Rounded or cut at the percentage's decimals (one more unit either way when the
    percentage is approximate), the amounts' qualifiers respected (:func:`_bounds`).
    """
    assert part.stated is not None and part.stated_percent is not None
    p = parse_percent(part.stated)
    unit = Decimal(1).scaleb(-p.decimals)
    approximate = _SHARE_APPROXIMATE.search(
        fold(part.text[: max(0, part.text.find(part.stated.split("%")[0]))])
    )
    word = " ".join(approximate.group(1).split()) if approximate else None
    below, above = _SHARE_SLACK.get(word, (1, 1)) if word else (0, 0)
    low_p = p.value - unit / 2 - below * unit
    high_p = p.value + unit + above * unit
    a_low, a_high = _bounds(text, part)
    w_low, w_high = _bounds(text, whole)
    if w_low <= 0:
        return True
    return 100 * a_low / w_high < high_p and 100 * a_high / w_low > low_p


def _shares(statements: Sequence[LinkableStatement]) -> list[int]:
    return [
        i
        for i, s in enumerate(statements)
        if s.stated_kind == "share"
        and s.target is None
        and _amount(s)
        and s.stated is not None
        and s.stated_percent is not None
    ]


def check_shares_of_whole(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, a share that cannot be of the whole its siblings are of flagged.

    ``Tổng thu đạt 50.000 tỷ đồng …; thu nội địa đạt 30.000 tỷ đồng, chiếm 60%; thu từ dầu
    thô 12.500 tỷ đồng (chiếm 25%) và thu xuất nhập khẩu 7.000 tỷ đồng (chiếm 16%)``: two
    shares fit the 50.000 stated before them (rounded, qualifiers respected), so it is their
    whole, and 7.000 of it is 14 %, not 16 %. Only amounts of one measure; the whole is the
    one larger amount stated before the shares (up to :data:`SHARE_WINDOW` characters) that
    two of the other shares fit; none is flagged when two amounts would do.
    """
    out = list(statements)
    shares = _shares(statements)
    for i in shares:
        s = statements[i]
        siblings = [
            statements[j]
            for j in shares
            if j != i
            and statements[j].measure == s.measure
            and abs(statements[j].start - s.start) <= SHARE_WINDOW
        ]
        wholes = {
            c.actual: c
            for c in statements
            if _amount(c)
            and c.measure == s.measure
            and c.stated_kind != "share"
            and s.start - SHARE_WINDOW <= c.start < min([s.start, *(t.start for t in siblings)])
            and isinstance(c.actual, Decimal)
            and isinstance(s.actual, Decimal)
            and c.actual > s.actual
        }
        fitting = [
            w for w in wholes.values() if sum(_share_fits(text, t, w) for t in siblings) >= 2
        ]
        if len(fitting) == 1 and not _share_fits(text, s, fitting[0]):
            whole = fitting[0]
            assert isinstance(whole.actual, Decimal) and isinstance(s.actual, Decimal)
            out[i] = _flagged(
                s,
                "share_of_whole",
                stated=s.stated,
                a=f"{s.actual:f}",
                t=f"{whole.actual:f}",
                text=whole.text,
                computed=f"{100 * s.actual / whole.actual:.2f}",
            )
    return out


# "chiếm 60% với 30.000 tỷ đồng", "chiếm 60%, tương đương 30.000 tỷ đồng": the part's
# amount written after its share
_SHARE_AMOUNT = rx(r"\s*,?\s*(?:với|là|tương\s+đương|tương\s+ứng)\s+(?:khoảng\s+|gần\s+|hơn\s+)?")
_OPENS_PARTS = rx(r"\W*trong\s+đó(?!\w)")


def check_shares_after_whole(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, a share opening ``Trong đó`` checked against the sentence before.

    ``Thu ngân sách đạt 50.000 tỷ đồng, bằng 104% dự toán. Trong đó, thu nội địa chiếm 80%
    với 41.000 tỷ đồng``: the share's amount written after it (``với``, ``tương đương``) is its
    part, and the one amount of the sentence before (of a statement, in the same currency,
    larger) is its whole: 41.000 of 50.000 is 82 %, not 80 %, so it is flagged; a share the
    figures give (qualifiers respected) is marked consistent. A sentence before with two
    amounts, or none, leaves the share as it is.
    """
    out = list(statements)
    ordered = sorted(statements, key=lambda c: c.start)
    starts = [c.start for c in ordered]
    for i, s in enumerate(statements):
        if s.stated_kind != "share" or s.target is not None or s.stated is None:
            continue
        # the window only is folded: memory stays linear in the text
        low = max(0, s.start - 2 * SHARE_WINDOW)
        folded = fold(text[low : s.end + _SHARE_AMOUNT_REACH])
        head = _head(folded, s.start - low, max(0, s.start - low - SHARE_WINDOW))
        part = _share_part(folded, head, s, low)
        if part is None or not _OPENS_PARTS.match(folded, head, s.start - low):
            continue
        if _of_another_whole(folded, s, low):
            continue
        whole = _whole_before(ordered, starts, (folded, low), head, part)
        if whole is None:
            continue
        assert isinstance(whole.actual, Decimal)
        shared = dataclasses.replace(
            s, actual=part.value, target=whole.actual, measure=whole.measure
        )
        if _share_fits(text, shared, whole):
            out[i] = dataclasses.replace(shared, consistent=True, verdict="consistent")
            continue
        out[i] = _flagged(
            shared,
            "share_of_whole",
            stated=s.stated,
            a=f"{part.value:f}",
            t=f"{whole.actual:f}",
            text=whole.text,
            computed=f"{100 * part.value / whole.actual:.2f}",
        )
    return out


# "chiếm 40% kim ngạch cả nước", "đóng góp 40% vào mức tăng chung": the share of a wider
# whole, or of a change, not of the whole the sentence before states
_WIDER_WHOLE = rx(
    r"[^.;:!?\n]{0,40}?(?<!\w)(?:cả\s+nước|toàn\s+quốc|thế\s+giới|toàn\s+cầu"
    r"|(?:vào|cho)\s+(?:mức\s+|tốc\s+độ\s+)?tăng)(?!\w)"
)
# "chiếm 55% tổng số dự án": the share of a count, not of the money before it
_COUNT_WHOLE = rx(r"\s*(?:tổng\s+)?số(?:\s+lượng)?\s+(?!vốn|tiền|thu|chi)[^\W\d_]")


def _of_another_whole(folded: str, s: LinkableStatement, low: int) -> bool:
    """Whether the words after the share ``s`` name a wider whole, a change or a count.

    ``chiếm 40% kim ngạch cả nước``, ``đóng góp 40% vào mức tăng chung``, ``chiếm 55% tổng
    số dự án``: not the whole the sentence before states (``folded`` starts at ``low``).
    """
    assert s.stated is not None
    at = max(0, s.text.find(s.stated.split("%")[0]))
    pct = folded.find("%", s.start - low + at)
    if pct < 0:
        return False
    return bool(_WIDER_WHOLE.match(folded, pct + 1) or _COUNT_WHOLE.match(folded, pct + 1))


_SHARE_AMOUNT_REACH = 80
"""How far (characters) after a share its amount may end."""


def _share_amount(folded: str, end: int) -> _Amount | None:
    """The money amount right after a share ending at ``end``, in ``folded``'s offsets.

    ``… chiếm 80% với 41.000 tỷ đồng``.
    """
    m = _SHARE_AMOUNT.match(folded, end)
    if m is None:
        return None
    amounts = _amounts(folded, m.end(), min(len(folded), m.end() + 40))
    if not amounts or amounts[0].start != m.end() or amounts[0].unit[1] not in _MONEY_WORDS:
        return None
    return amounts[0]


def _share_part(folded: str, head: int, s: LinkableStatement, low: int) -> _Amount | None:
    """The money amount the share ``s`` is of, in the window ``folded`` from ``low``.

    Its own result when the sentence grammar read one (``thu nội địa đạt 4.100 tỷ đồng, chiếm
    82%``), else the amount written right after it (:func:`_share_amount`), else the one
    money amount of its sentence before it (``Trong đó, nguồn thu từ thuế là 4.100 tỷ đồng,
    đóng góp 82% tổng thu của huyện``). None when there is none, or when its sentence gives two
    money amounts before it (the share may be of both).
    """
    found = [a for a in _amounts(folded, head, s.end - low) if a.unit[1] in _MONEY_WORDS]
    if len(found) > 1:
        return None  # two parts before it: the share may be of both
    if s.actual is not None:
        word = fold(s.measure.split()[-1]) if s.measure else ""
        if not isinstance(s.actual, Decimal) or word not in _MONEY_WORDS:
            return None
        return _Amount(s.start - low, s.start - low, s.actual, ("", word))
    return _share_amount(folded, s.end - low) or (found[0] if found else None)


def _whole_before(
    ordered: Sequence[LinkableStatement],
    starts: list[int],
    window: tuple[str, int],
    head: int,
    part: _Amount,
) -> LinkableStatement | None:
    """The one amount of statements in the sentence ending at ``head``, if it may be whole.

    Larger than ``part`` and in its currency. ``window``: the folded window and where it
    starts in the text (``head`` is in its offsets).
    """
    folded, off = window
    low = _head(folded, max(0, head - 2), max(0, head - SHARE_WINDOW)) + off
    currency = _MONEY_WORDS[part.unit[1]]
    found = [
        c
        for c in ordered[bisect.bisect_left(starts, low) : bisect.bisect_left(starts, head + off)]
        if isinstance(c.actual, Decimal) and c.measure is not None and c.measure.endswith(currency)
    ]
    values = {c.actual for c in found}
    if len(values) != 1 or not any(isinstance(v, Decimal) and v > part.value for v in values):
        return None
    return found[0]


# --------------------------------------------------------------------------- headline qualifiers

HEADLINE_LINE = 400
"""The longest first line read as a headline (a title, or a lead run into one line)."""
SAME_HEADLINE_FIGURE = Decimal("0.05")
"""A headline's qualified figure and an exact one of the body are of the same figure when
they differ by at most 5 %."""
_HEADLINE_QUALIFIER = rx(r"(?<!\w)(trên|hơn|gần)\s*$")


def check_headline_qualifiers(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, and a flagged one for each headline qualifier the body contradicts.

    The first line (a title, or a lead) says ``doanh thu trên 38 nghìn tỷ đồng`` while the body
    gives the exact figure of the same unit word, ``37.850 tỷ đồng``: ``trên`` (and ``hơn``)
    needs the figure above the one written, ``gần`` below it. Only when every exact result
    of the body within :data:`SAME_HEADLINE_FIGURE` of the headline's figure, with the same
    word after it, contradicts the qualifier (one that agrees makes it the headline's
    figure, rounded); the nearest is cited. The headline's figure becomes a statement of its
    own, ``inconsistent``, with no percentage (it claims no attainment).
    """
    line = text.find("\n")
    if not 0 < line <= HEADLINE_LINE:
        return list(statements)
    folded = fold(text[:line])
    body = [s for s in statements if s.start > line and _exact_amount(s)]
    found: list[LinkableStatement] = []
    for a in _amounts(folded, 0, line):
        q = _HEADLINE_QUALIFIER.search(folded, max(0, a.start - 8), a.start)
        if q is None or not a.unit[1]:
            continue
        same = [s for s in body if _same_headline_figure(text, s, a)]
        if same and not any(_agrees_with(q.group(1), s.actual, a.value) for s in same):
            nearest = min(same, key=lambda s: abs(s.actual - a.value))  # type: ignore[operator]
            found.append(_contradicted(nearest, a, q, text))
    return sorted([*statements, *found], key=lambda s: s.start) if found else list(statements)


def _exact_amount(s: LinkableStatement) -> bool:
    return isinstance(s.actual, Decimal) and s.qualifier is None and s.actual > 0


def _same_headline_figure(text: str, s: LinkableStatement, a: _Amount) -> bool:
    """Whether ``s``'s actual is the headline amount ``a``, said exactly.

    Within :data:`SAME_HEADLINE_FIGURE` of it, and written with the same word after it.
    """
    assert isinstance(s.actual, Decimal)
    if abs(s.actual - a.value) > SAME_HEADLINE_FIGURE * a.value:
        return False
    words = fold(text[s.start : s.end])
    own = [b for b in _amounts(words, 0, len(words)) if b.value == s.actual]
    return bool(own) and own[0].unit[1] == a.unit[1]


def _agrees_with(qualifier: str, actual: object, written: Decimal) -> bool:
    """Whether an exact figure agrees with ``qualifier written`` (``trên 38`` and 38,1)."""
    assert isinstance(actual, Decimal)
    return actual < written if qualifier == fold("gần") else actual > written


def _contradicted(
    s: LinkableStatement, a: _Amount, q: re.Match[str], text: str
) -> LinkableStatement:
    """The headline's figure ``a`` as a statement, flagged against the body's ``s``."""
    start = q.start(1)
    qual = text[start : q.end(1)]
    shown = text[a.start : a.end]
    assert isinstance(s.actual, Decimal)
    return dataclasses.replace(
        s,
        start=start,
        end=a.end,
        text=" ".join(text[start : a.end].split()),
        actual=a.value,
        target=None,
        qualifier=qual.lower(),
        exact=False,
        **_NO_PERCENT,
        part_of=None,
        part_rule=None,
        consistent=False,
        verdict="inconsistent",
        link_start=s.start,
        link_end=s.end,
        link_text=s.text,
        **noted(  # type: ignore[arg-type]
            seg("qualifier_contradicted", qual=qual, n=shown, text=s.text, a=f"{s.actual:f}")
        ),
    )


# --------------------------------------------------------------------------- one budget, two

ONE_BUDGET_WINDOW = 1200
"""How far (characters) before a percentage of a named budget the earlier one may be."""
ONE_BUDGET_SPREAD = Decimal("0.1")
"""Two percentages of one named budget are compared only when the budgets they imply are
within 10 % of each other (further apart, the words may name two budgets)."""
# "bằng 125% dự toán Trung ương giao": a budget named by who assigned it ("kế hoạch được
# giao" names no one: a company's plans of every measure are so written)
_NAMED_BUDGET = rx(
    r"^\s*(?:so\s+(?:với\s+)?)?((?:dự\s+toán|kế\s+hoạch|chỉ\s+tiêu)"
    r"(?:\s+(?!(?:đã\s+)?được\s+giao(?!\w))[^\W\d_]+){1,5}?\s+giao)(?!\w)"
)
_Implied = tuple[int, Decimal, Decimal]


def check_one_budget(statements: Sequence[LinkableStatement], text: str) -> list[LinkableStatement]:
    """The statements, a second percentage of one named budget that cannot hold flagged.

    ``Tổng thu 10 tháng đạt 6.000 tỷ đồng, bằng 120% dự toán Trung ương giao`` and later
    ``cả năm ước đạt 7.000 tỷ đồng, bằng 150% dự toán Trung ương giao``: the first puts the
    budget between 4.979 and 5.021 tỷ đồng, the second between 4.651 and 4.682; one budget
    cannot be both. Only for exact amounts of one currency, attainments of a budget named with
    who assigned it (``… giao``), in words the same, whose sentences name no differing
    measure, and budgets within :data:`ONE_BUDGET_SPREAD`; not when another percentage of
    either figure of that budget fits the other (a second reading of the budget, such as the
    plan without its later supplements). The later statement is flagged.
    """
    out = list(statements)
    groups: dict[tuple[str, str], list[_Implied]] = {}
    for i, s in enumerate(statements):
        key = _budget_key(s, text)
        if key is not None:
            groups.setdefault(key, []).append((i, *_implied_budget(s)))
    for members in groups.values():
        members.sort(key=lambda m: statements[m[0]].start)
        starts = [statements[m[0]].start for m in members]
        for k, later in enumerate(members):
            near = members[bisect.bisect_left(starts, starts[k] - ONE_BUDGET_WINDOW) : k + 1]
            earlier = next(
                (e for e in near if _cannot_both(statements, text, near, e, later)), None
            )
            if earlier is not None:
                out[later[0]] = _two_budgets(
                    statements[later[0]], statements[earlier[0]], later, earlier
                )
    return out


def _budget_key(s: LinkableStatement, text: str) -> tuple[str, str] | None:
    """The named budget and currency of an exact attainment of money, or None."""
    if (
        s.stated_kind != "attainment"
        or not isinstance(s.actual, Decimal)
        or not s.actual
        or s.qualifier is not None
        or not s.exact
        or s.measure is None
        or s.stated is None
        or not s.stated.endswith("%")
    ):
        return None
    at = s.text.rfind(s.stated)
    pos = s.start + (at if at >= 0 else 0) + len(s.stated)
    m = _NAMED_BUDGET.match(fold(text[pos : pos + 80]))
    return (" ".join(m.group(1).split()), s.measure.split()[-1]) if m else None


def _implied_budget(s: LinkableStatement) -> tuple[Decimal, Decimal]:
    """The budgets the stated percentage of ``s`` can round from (low, high)."""
    assert isinstance(s.actual, Decimal) and s.stated is not None
    p = parse_percent(s.stated)
    half = Decimal(5).scaleb(-p.decimals - 1)
    return s.actual * 100 / (p.value + half), s.actual * 100 / (p.value - half)


def _cannot_both(
    statements: Sequence[LinkableStatement],
    text: str,
    members: list[_Implied],
    e: _Implied,
    later: _Implied,
) -> bool:
    """Whether the earlier ``e`` and ``later`` imply budgets that cannot be one (see above)."""
    first, second = statements[e[0]], statements[later[0]]
    if first.start >= second.start or first.actual == second.actual:
        return False
    if not (e[2] < later[1] or later[2] < e[1]):
        return False  # the ranges meet: one budget gives both
    if abs(e[1] - later[1]) > ONE_BUDGET_SPREAD * e[1] or not _same_measures(text, first, second):
        return False
    return not any(
        statements[m[0]].actual == statements[a[0]].actual
        and m is not a
        and not (m[2] < b[1] or b[2] < m[1])
        for a, b in ((e, later), (later, e))
        for m in members
    )


def _same_measures(text: str, a: LinkableStatement, b: LinkableStatement) -> bool:
    """Whether the sentences of ``a`` and ``b`` name no differing measure before them."""
    x, y = _measures_before(text, a), _measures_before(text, b)
    return not x or not y or x == y


def _measures_before(text: str, s: LinkableStatement) -> set[str]:
    """The measures named in the sentence of ``s`` before it.

    A total revenue is the budget's revenue (:data:`PLAN_MEASURES`).
    """
    low = max(0, s.start - 300)
    folded = fold(text[low : s.start])  # the window only: memory stays linear in the text
    head = _head(folded, len(folded), 0)
    named = (
        MEASURE_NAMES[" ".join(m.group().split())] for m in _MEASURE_NAMES.finditer(folded, head)
    )
    return {PLAN_MEASURES.get(m, m) if m == "tổng thu" else m for m in named}


def _two_budgets(
    s: LinkableStatement, other: LinkableStatement, mine: _Implied, theirs: _Implied
) -> LinkableStatement:
    """``s`` flagged: its percentage and ``other``'s imply two budgets."""
    return _flagged(
        s,
        "one_budget",
        stated=s.stated,
        low=f"{mine[1]:.0f}",
        high=f"{mine[2]:.0f}",
        text=other.text,
        low2=f"{theirs[1]:.0f}",
        high2=f"{theirs[2]:.0f}",
    )


# --------------------------------------------------------------------------- listed parts

# the mark after a whole that opens the list of its parts: ", trong đó", ". Trong đó,", "("
_PARTS_MARK = rx(r"(?:[,;.:]\s*trong\s+đó\s*[,:]?|\s*\()\s*")
# the words between a whole and the mark: a noun of a few words, no figure
_WHOLE_NOUN = rx(r"^(?:\s+[^\W\d_]+){0,6}$")
# a comma between items, not in a number ("1,5 triệu")
_PART_SEPARATOR = rx(r"\s*(?:[,;](?!\d)\s*(?:và\s+)?|\s+và\s+)")
_PARTS_END = re.compile(r"[.!?)]\s|[.!?)]$|\)|\n")
_PART_QUALIFIER = rx(r"(?<!\w)(trên|hơn|gần|khoảng|xấp\s+xỉ|ước|dưới)\s*$")
_PARTS_WINDOW = 400

PART_FAMILIES: tuple[tuple[tuple[str, ...], ...], ...] = (
    # budget revenue by source
    (("thu nội địa",), ("xuất nhập khẩu", "xuất khẩu, nhập khẩu", "hải quan"), ("dầu thô",)),
    # investment capital by ownership ("ngoài nhà nước" before "nhà nước")
    (("ngoài nhà nước",), ("khu vực nhà nước", "vốn nhà nước"), ("fdi", "nước ngoài")),
    # economic units by their form
    (("doanh nghiệp",), ("hộ kinh doanh",), ("hợp tác xã",)),
    # visitors by origin
    (
        ("khách quốc tế", "khách du lịch quốc tế", "khách nước ngoài"),
        ("khách nội địa", "khách du lịch nội địa", "khách trong nước"),
    ),
)
"""Families of categories that never overlap: the sources of budget revenue, the owners of
investment capital, the forms of economic units, visitors by origin. Parts listed under a
whole, each of a different category of one family, are disjoint, so they cannot add up to
more than the whole (parts named otherwise, ``trong đó 400 nữ, 300 đoàn viên``, may overlap
and are not added)."""
_FAMILY_WORDS = tuple(tuple(words_rx(names) for names in family) for family in PART_FAMILIES)


@dataclasses.dataclass(frozen=True)
class ListedParts:
    """A whole amount and the disjoint parts listed after it, which add up to more."""

    start: int
    end: int
    whole_end: int
    """Where the whole's amount ends (``start``–``whole_end`` is the whole as written)."""
    whole: Decimal
    parts: tuple[Decimal, ...]
    measure: str | None
    """The money unit as written (``tỷ đồng``), None for counts."""


def _category(folded: str, start: int, end: int) -> tuple[int, int] | None:
    """(family, category) of the item ``folded[start:end]``: the one category it names."""
    found = {
        (f, c)
        for f, family in enumerate(_FAMILY_WORDS)
        for c, words in enumerate(family)
        if words.search(folded, start, end)
    }
    if len(found) == 2 and len({f for f, _ in found}) == 1 and {c for _, c in found} == {0, 1}:
        found = {(f, 0) for f, _ in found}  # "ngoài nhà nước" names "nhà nước" too
    return next(iter(found)) if len(found) == 1 else None


def _item_ends(folded: str, start: int, stop: int) -> list[tuple[int, int]]:
    """The items of a list from ``start`` to ``stop``: split at commas, semicolons and và."""
    out, at = [], start
    for m in _PART_SEPARATOR.finditer(folded, start, stop):
        out.append((at, m.start()))
        at = m.end()
    out.append((at, stop))
    return [(a, b) for a, b in out if b > a]


def _parts_of(
    folded: str, whole: _Amount, start: int, stop: int
) -> list[tuple[_Amount, tuple[int, int]]] | None:
    """The parts listed from ``start`` to ``stop``, or None when an item is not a part.

    A part: one amount of ``whole``'s kind and one category, not hedged downwards; it ends
    where its item ends.
    """
    parts = []
    for a, b in _item_ends(folded, start, stop):
        amounts = _amounts(folded, a, b)
        category = _category(folded, a, b)
        if len(amounts) != 1 or category is None:
            return None
        x = amounts[0]
        hedge = _PART_QUALIFIER.search(folded, max(0, x.start - 12), x.start)
        if hedge and hedge.group(1) not in ("trên", "hơn", "ước"):
            return None
        if not _same_kind_of_amount(whole, x):
            return None
        parts.append((dataclasses.replace(x, end=b), category))
    return parts


def _same_kind_of_amount(whole: _Amount, part: _Amount) -> bool:
    """Money of one currency, or counts (no scale word) of things, or the same word."""
    money = whole.unit[1] in _MONEY_WORDS or part.unit[1] in _MONEY_WORDS
    if money:
        return whole.unit[1] == part.unit[1] and bool(whole.unit[0]) and bool(part.unit[0])
    if not whole.unit[0] and not part.unit[0]:
        return True
    return whole.unit[1] == part.unit[1]


def _listed_after(folded: str, whole: _Amount, m: re.Match[str]) -> ListedParts | None:
    """The parts listed after the mark ``m`` following ``whole``, if they add up to more."""
    end = _PARTS_END.search(folded, m.end(), m.end() + _PARTS_WINDOW)
    stop = end.start() if end else min(len(folded), m.end() + _PARTS_WINDOW)
    parts = _parts_of(folded, whole, m.end(), stop)
    if parts is None or len(parts) < 2:
        return None
    categories = [c for _, c in parts]
    if len({f for f, _ in categories}) != 1 or len(set(categories)) != len(categories):
        return None
    values = tuple(x.value for x, _ in parts)
    if sum(values) <= whole.value:
        return None
    money = _MONEY_WORDS.get(whole.unit[1])
    measure = " ".join(w for w in (whole.unit[0], money) if w) if money else None
    return ListedParts(whole.start, parts[-1][0].end, whole.end, whole.value, values, measure)


def listed_parts_over(text: str, end: int | None = None) -> list[ListedParts]:
    """The wholes whose listed parts add up to more than them.

    ``Xã có 1.200 cơ sở kinh tế, trong đó 350 doanh nghiệp, 880 hộ kinh doanh`` (1.230 >
    1.200), ``thu 2.400 tỷ đồng, trong đó thu nội địa 2.100 tỷ đồng và thu từ xuất nhập khẩu
    320 tỷ đồng``, ``vốn đầu tư 9.000 tỷ đồng (vốn nhà nước hơn 2.500 tỷ đồng, vốn ngoài nhà
    nước hơn 6.600 tỷ đồng)``: a whole written exactly (or ``gần`` it), followed by ``trong
    đó`` or a bracket and two parts or more, each an amount of the whole's kind naming a
    different category of one family of :data:`PART_FAMILIES` (which never overlap), none
    hedged downwards (``gần``, ``khoảng``); only wholes before ``end`` (where reading
    stopped; None: the text's end). Read from the text, not from statements: such
    figures carry no plan or percentage. Each mark is read once, in a bounded window:
    linear in the text.
    """
    out: list[ListedParts] = []
    margin = 2 * _PARTS_WINDOW + 20
    stop = len(text) if end is None else min(end, len(text))
    for at in range(0, stop, _PARTS_CHUNK):
        # a chunk folded at a time, with the windows around its marks: memory stays linear
        low = max(0, at - margin)
        folded = fold(text[low : min(stop, at + _PARTS_CHUNK + margin)])
        for m in _PARTS_MARK.finditer(folded, at - low):
            if m.start() >= at + _PARTS_CHUNK - low:
                break  # the next chunk's
            found = _parts_over_at(folded, m)
            if found is not None and (not out or out[-1].start != found.start + low):
                out.append(
                    dataclasses.replace(
                        found,
                        start=found.start + low,
                        end=found.end + low,
                        whole_end=found.whole_end + low,
                    )
                )
    return out


_PARTS_CHUNK = 1 << 15


def _parts_over_at(folded: str, m: re.Match[str]) -> ListedParts | None:
    """The whole before the mark ``m`` and its parts after it, if they add up to more."""
    head = _head(folded, m.start(), max(0, m.start() - _PARTS_WINDOW))
    before = _amounts(folded, head, m.start())
    if not before:
        return None
    whole = before[-1]
    if not whole.unit[1]:
        return None  # a number with no word after it ("năm 2024. Trong đó, …"): no whole
    gap = folded[whole.end : m.start()]
    hedge = _PART_QUALIFIER.search(folded, max(0, whole.start - 12), whole.start)
    if not _WHOLE_NOUN.match(gap) or (hedge and hedge.group(1) not in ("gần", "ước")):
        return None
    return _listed_after(folded, whole, m)


# --------------------------------------------------------------------------- parts of plans

# the parts of a figure listed after it: in its sentence after a comma, or opening the next
# ("… 2,4 triệu lượt khách, tăng 12%. Trong đó, khách quốc tế đạt …"); a dot between digits
# is a number's
_PARTS_LEAD = rx(
    r"(?:[^.!?\n]|\.(?=\d)){0,200}?(?:[,;]\s*|[.!?]\s+)trong\s+đó(?:\s+có)?\s*[,:]?\s*"
)
_PARTS_LEAD_REACH = 240
"""How far (characters) after a figure the mark of its parts may end."""
_PART_HEDGE = rx(r"(?<!\w)(trên|hơn|gần|khoảng|xấp\s+xỉ)\s*$")


def _categorised(folded: str, whole: _Amount) -> dict[tuple[int, int], _Amount]:
    """The parts listed after ``whole``, by category (see :data:`PART_FAMILIES`).

    An item names its category before or after its one amount, or in the item before it
    that has no amount (``khách quốc tế tiếp tục tăng mạnh, ước đạt 1,2 triệu lượt``);
    items of no category are passed over, and a category named twice is dropped.
    """
    m = _PARTS_LEAD.match(folded, whole.end)
    if m is None:
        return {}
    end = _PARTS_END.search(folded, m.end(), m.end() + _PARTS_WINDOW)
    stop = end.start() if end else min(len(folded), m.end() + _PARTS_WINDOW)
    found: dict[tuple[int, int], list[_Amount]] = {}
    carried = None
    for a, b in _item_ends(folded, m.end(), stop):
        amounts = _amounts(folded, a, b)
        category = _category(folded, a, b) or (carried if len(amounts) == 1 else None)
        carried = category if not amounts else None
        if len(amounts) == 1 and category is not None and _of_whole(folded, whole, amounts[0]):
            found.setdefault(category, []).append(amounts[0])
    return {c: xs[0] for c, xs in found.items() if len(xs) == 1}


def _of_whole(folded: str, whole: _Amount, part: _Amount) -> bool:
    """Whether ``part`` counts what ``whole`` counts.

    The same currency, or a word of the two after the whole's scale (``2 triệu khách`` of
    ``9 triệu lượt khách``).
    """
    if whole.unit[1] in _MONEY_WORDS or part.unit[1] in _MONEY_WORDS:
        return whole.unit[1] == part.unit[1]
    after = re.findall(r"\w+", folded[whole.end - len(whole.unit[1]) : whole.end + 12])[:2]
    return bool(part.unit[1]) and part.unit[1] in after


def _parts_listed(
    text: str, start: int, end: int, value: Decimal
) -> dict[tuple[int, int], tuple[_Amount, str | None]]:
    """The parts listed after the amount of ``value`` in ``text[start:end]``, by category.

    Each with its hedge (``trên``, ``gần`` …), in the text's offsets. Only the window from
    the amount to the end of its list is folded: memory stays linear in the text.
    """
    low = max(0, start - 20)
    folded = fold(text[low : end + _PARTS_LEAD_REACH + _PARTS_WINDOW])
    own = [a for a in _amounts(folded, start - low, end - low) if a.value == value]
    if not own:
        return {}
    out = {}
    for category, part in _categorised(folded, own[0]).items():
        hedge = _PART_HEDGE.search(folded, max(0, part.start - 12), part.start)
        out[category] = (_shifted(part, low), hedge.group(1) if hedge else None)
    return out


def _part_against(
    s: LinkableStatement, listed: tuple[_Amount, str | None], plan: _Amount, text: str
) -> LinkableStatement:
    """A result-versus-target statement of a listed part and the plan's part of its kind."""
    part, hedge = listed
    return _against_plan(
        s,
        plan,
        text,
        start=part.start,
        end=part.end,
        text=" ".join(text[part.start : part.end].split()),
        actual=part.value,
        target_period="annual" if s.term is None else "term",
        qualifier=hedge,
        exact=hedge is None,
        part_of=None,
        part_rule=None,
    )


def link_listed_parts(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, and the listed parts of a result linked to a plan against its parts.

    The plan written elsewhere lists its parts of the same kinds as the result's.
    ``… đã đón 3,1 triệu lượt khách, đạt 40% kế hoạch năm. Trong đó, khách quốc tế đạt 0,9
    triệu lượt …`` with ``Năm 2025, tỉnh đặt mục tiêu đón 7,8 triệu lượt khách, trong đó có
    2,4 triệu lượt khách quốc tế``: 0,9 against 2,4 million. The result is linked to the plan
    already (by its percentage or by its words), and each part names one category of a
    family of :data:`PART_FAMILIES` that the plan's parts name once too; no percentage
    confirms the part's pair, so only parts listed right after both figures (``trong đó``)
    are read. Each result is read once, in a bounded window: linear in the text.
    """
    out = list(statements)
    done: set[tuple[int, int]] = set()
    for s in statements:
        if (
            s.link_start is None
            or s.link_end is None
            or not isinstance(s.target, Decimal)
            or not isinstance(s.actual, Decimal)
        ):
            continue
        planned = _parts_listed(text, s.link_start, s.link_end, s.target)
        if not planned:
            continue
        for category, listed in _parts_listed(text, s.start, s.end, s.actual).items():
            target = planned.get(category)
            if target is None or (listed[0].start, target[0].start) in done:
                continue
            done.add((listed[0].start, target[0].start))
            out.append(_part_against(s, listed, target[0], text))
    return out


# --------------------------------------------------------------------------- shares of a measure

# "Khối bán lẻ góp 40% doanh thu của công ty, tương ứng doanh thu 400 tỷ đồng": a percentage
# followed by the name of a measure, the share of that measure's whole
_SHARE_OF_MEASURE = rx(r"\s*%\s*(?:tổng\s+)?")
MEASURE_SHARE_WINDOW = 1200
"""How far (characters) before a share of a measure the whole of that measure may be."""


def _measure_share_parts(
    s: LinkableStatement, text: str, scope: tuple[Sequence[LinkableStatement], list[int]]
) -> tuple[Decimal, LinkableStatement] | None:
    """The part and the whole a bare rate of a named measure is the share of, if read.

    The part: the one money amount of the rate's sentence of that measure (none of another
    statement's). The whole: the one figure of that measure stated before the sentence (up
    to :data:`MEASURE_SHARE_WINDOW` characters), larger than the part.
    """
    assert s.stated is not None
    at = max(0, s.text.find(s.stated.split("%")[0]))
    # the words right after the percentage first: the wide window only for a measure named
    near = fold(text[s.start : s.end + 60])
    m = _SHARE_OF_MEASURE.match(near, near.find("%", at)) if "%" in near[at:] else None
    named = _MEASURE_NAMES.match(near, m.end()) if m else None
    if named is None or _WIDER_WHOLE.match(near, named.end()):
        return None  # none, or the share of a wider whole ("… doanh thu cả nước")
    measure = MEASURE_NAMES[" ".join(named.group().split())]
    low = max(0, s.start - MEASURE_SHARE_WINDOW)
    folded = fold(text[low : min(len(text), s.end + 200)])
    pct = folded.find("%", s.start - low + at)
    head = _head(folded, s.start - low, 0)
    stop = _FULL_STOP.search(folded, pct)
    end = stop.start() if stop else len(folded)
    parts = [
        a
        for a in _amounts(folded, head, end)
        if a.unit[1] in _MONEY_WORDS and _measure_beside(folded, a) == measure
    ]
    if len(parts) != 1 or _qualified(folded, parts[0]):
        return None
    part = parts[0].value
    wholes: dict[object, LinkableStatement] = {}
    ordered, starts = scope
    for c in ordered[bisect.bisect_left(starts, low) : bisect.bisect_left(starts, low + head)]:
        if c.end > low + head or not isinstance(c.actual, Decimal):
            continue
        own = [a for a in _amounts(folded, c.start - low, c.end - low) if a.value == c.actual]
        if not own or own[0].unit[1] != parts[0].unit[1] or c.actual <= part:
            continue
        if _measure_of_amount(folded, own[0]) in _names_of(measure):
            wholes.setdefault(c.actual, c)
    if len(wholes) != 1:
        return None
    whole = next(iter(wholes.values()))
    return (part, whole) if whole.exact and not whole.qualifier else None


def _names_of(measure: str) -> set[str]:
    """The names (folded) of :data:`MEASURE_NAMES` that name ``measure``."""
    return {fold(n) for n, m in MEASURE_NAMES.items() if m == measure}


def check_measure_shares(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, each bare rate of a named measure checked as a share of its whole.

    ``Năm nay công ty đạt doanh thu 2.000 tỷ đồng. … Khối bán lẻ góp 40% doanh thu của
    công ty, tương ứng doanh thu 790 tỷ đồng``: the percentage followed by a measure's name is a
    share of that measure; its part is the one amount of the measure in its sentence, its
    whole the one figure of the measure stated before (exact), and the share is checked at
    its precision: 790 of 2.000 is 39,5 %, so 40 % is consistent, 39 % cut (flagged). Rates
    with a result of their own, qualified amounts, or two wholes are left as they are.
    """
    out = list(statements)
    ordered = sorted(statements, key=lambda c: c.start)
    scope = (ordered, [c.start for c in ordered])
    for i, s in enumerate(statements):
        if s.stated_kind != "rate" or s.actual is not None or s.stated is None or s.qualifier:
            continue
        found = _measure_share_parts(s, text, scope)
        if found is None:
            continue
        part, whole = found
        assert isinstance(whole.actual, Decimal)
        c = check_percent(parse_percent(s.stated), part, whole.actual)
        verdict = "truncated" if c.truncated else ("consistent" if c.consistent else "inconsistent")
        note = noted(
            seg("share_of_measure", a=f"{part:f}", t=f"{whole.actual:f}", text=whole.text),
            seg("computed", computed=c.computed),
        )
        out[i] = dataclasses.replace(
            s,
            stated_kind="share",
            actual=part,
            target=whole.actual,
            measure=whole.measure,
            computed_percent=c.computed,
            consistent=c.consistent,
            truncated=c.truncated,
            verdict=verdict,
            note=note["note"],
            note_data=note["note_data"],
        )
    return out
