"""A named plan's percentage given the result and plan of its own measure and period.

``Quý III, doanh thu thuần đạt 310 tỷ đồng; lãi ròng 41 tỷ đồng. … Năm nay, xưởng đặt mục
tiêu doanh thu 1.240 tỷ đồng và lợi nhuận sau thuế 150 tỷ đồng. Như vậy, sau quý III, xưởng
đã hoàn thành 25% mục tiêu doanh thu và đạt 27,3% mục tiêu lợi nhuận``: each percentage of
a plan named by its measure takes, as its result, the amount of that measure (a profit after
tax for ``lợi nhuận sau thuế``, ``lãi ròng`` too) of the period its sentence names, and the
plan of that measure as its target — when the three figures agree, and only one pair of
them does. A plan's amount is never a result. :func:`link_measure_results` runs in
:func:`kpitools.extract.document.link_document`, right after the named plans' results that
cannot be theirs are unlinked (:mod:`kpitools.extract.plan_results`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.amounts import (
    APART_KINDS,
    COMPARED,
    MEASURE_KIND,
    MONEY_WORDS,
    PERCENT_BEFORE,
    PLAN_AMOUNT_WINDOW,
    PLAN_WORD_AFTER,
    SENTENCE_END,
    YEAR,
    Amount,
    after_percent,
    amounts_in,
    as_result,
    has_qualifier,
    measure_kind,
    plan_measure,
    sentence_span,
)
from kpitools.extract.bare_plans import BLANK_LINE, triple_fits
from kpitools.extract.consistency import rounding_gives
from kpitools.extract.linking import percent_of, with_result
from kpitools.extract.notes import unchecked
from kpitools.extract.periods import HALF_YEAR_WORDS, part_key
from kpitools.extract.plan_results import unlinked_percentage
from kpitools.extract.text import NUM
from kpitools.numbers import check_percent
from kpitools.textfold import fold, rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement


# words that set out a plan: an amount after them in its sentence is the plan's, not a result
_PLAN_WORDS = rx(
    r"(?<!\w)(?:mục\s+tiêu|kế\s+hoạch|đặt\s+ra|đề\s+ra|dự\s+trình|phấn\s+đấu"
    # "dự kiến doanh thu 900 tỷ đồng" sets a plan out; "doanh thu dự kiến đạt 900 tỷ đồng",
    # with no plan word before it, forecasts a result
    r"|dự\s+kiến(?!\s+(?:là\s+)?(?:đạt|ở\s+mức)))(?!\w)"
)
# "đạt 35% mục tiêu": a plan word right after a percentage names the plan a result is of
# the period a sentence is of: a quarter, a half year, nine months, a year
_QUARTER = rx(r"(?<!\w)quý\s+(iv|i{1,3}|[1-4])(?!\w)")
_HALF = rx(rf"(?<!\w)(?:(?:6|sáu)\s+tháng|{HALF_YEAR_WORDS}|bán\s+niên)(?!\w)")
_NINE = rx(r"(?<!\w)(?:9|chín)\s+tháng(?!\w)")
# "từ 137 tỷ lên 380 tỷ đồng": the amount a change starts from is a past one
_CHANGE_FROM = rx(r"(?<!\w)từ\s*$")
_PROFIT_KINDS = {fold("lãi ròng"): fold("sau thuế"), fold("lnst"): fold("sau thuế")}


def link_measure_results(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, each named plan's percentage given its measure's result and plan.

    ``s`` states an attainment of a plan named by its measure (``35% mục tiêu doanh thu``,
    ``62% kế hoạch lãi trước thuế``), with no target: bare, or its result linked from
    another sentence. In the :data:`~kpitools.extract.amounts.PLAN_AMOUNT_WINDOW` characters
    before it, the money amounts of that measure (a kind named on both sides agrees: before
    tax, after tax) are plans when a plan word comes before them in their sentence (``mục
    tiêu``, ``kế hoạch``, ``đặt ra``, ``phấn đấu``, ``dự kiến`` with no verb after it),
    results otherwise (not one compared with, nor the start of a change, ``từ 137 tỷ lên
    …``). A result is of the period (a quarter, a half year, nine months, a year) its
    sentence names, or the last sentence before it that names one; when the percentage's
    sentence names one, only results of it are read (else only the one result of its
    paragraph, if it holds one of the measure). When exactly one result and one plan fit the
    percentage (as written, rounded or cut; within a point when a figure is approximate; a
    plan written with a qualifier within a tenth of it), they are linked; a fit only as cut
    is truncated, unless the result's own rounding gives it (then unchecked:
    :func:`_cut_or_rounded`), and a pair already stated with its percentage is not read
    again.
    Otherwise a percentage whose linked result is a plan's amount is left bare: a plan is no
    result.
    """
    out = list(statements)
    # pairs already stated with their percentage: a percentage repeating one is a restatement
    stated = {
        (c.actual, c.target) for c in statements if c.target is not None and c.stated is not None
    }
    for i, s in enumerate(statements):
        if not named_percentage(s):
            continue
        figures = measure_figures(s, text)
        if figures is None:
            continue
        folded, low, measure, kind, (results, plans) = figures
        pairs = _fitting_pairs(s, folded, (results, plans), kind)
        if len(pairs) == 1:
            a, p = next(iter(pairs.values()))
            if (a.value, p.value) in stated:
                continue
            c = as_result(s, a, folded, low, text, measure)
            linked = with_result(s, c, p.value)
            out[i] = _cut_or_rounded(linked, folded, (a, p), s.start - low)
        elif s.actual is not None and any(p.value == s.actual for p, _ in plans):
            out[i] = unlinked_percentage(s)
    return out


_Result = tuple[Amount, str | None, str | None]
"""A result's amount, its period and its kind."""


MeasureFigures = tuple[
    str, int, str, str | None, tuple[list[_Result], list[tuple[Amount, str | None]]]
]
"""The window before a percentage (folded) and where it begins in the text, the plan's
measure and kind, and the results of the percentage's period and the plans of the measure."""


def measure_figures(s: LinkableStatement, text: str) -> MeasureFigures | None:
    """The results and plans of the measure a percentage of a named plan is of (see above).

    None when ``s``'s plan names no measure.
    """
    measure = plan_measure(s, text)
    if measure is None:
        return None
    low = max(0, s.start - PLAN_AMOUNT_WINDOW)
    folded = fold(text[low : s.end])
    kind = _plan_kind(after_percent(s, text), measure)
    results, plans = _measure_amounts(folded, measure, kind, s.start - low)
    return folded, low, measure, kind, (_of_its_period(folded, results, s.start - low), plans)


def _of_its_period(folded: str, results: list[_Result], pos: int) -> list[_Result]:
    """The results a percentage at ``pos`` may be of: those of the period its sentence names.

    When it names none, the one result of its paragraph, if it holds only one.
    """
    ours = _period(folded, _sentence_head(folded, pos), len(folded))
    if ours is not None:
        return [r for r in results if r[1] == ours]
    floor = max((m.end() for m in BLANK_LINE.finditer(folded, 0, pos)), default=0)
    mine = [r for r in results if r[0].start >= floor]
    return mine if len({a.value for a, _, _ in mine}) <= 1 else []


def _fitting_pairs(
    s: LinkableStatement,
    folded: str,
    figures: tuple[list[_Result], list[tuple[Amount, str | None]]],
    kind: str | None,
) -> dict[tuple[Decimal, Decimal], tuple[Amount, Amount]]:
    """The results and plans (``figures``) that fit ``s``'s percentage, by their values.

    A result of another kind than the plan's (or the percentage's, ``kind``) is not read;
    a plan of no kind against results both before and after tax gives none: which?
    """
    results, plans = figures
    pairs: dict[tuple[Decimal, Decimal], tuple[Amount, Amount]] = {}
    for p, plan_kind in plans:
        want = kind or plan_kind
        if want is None and len({own for _, _, own in results if own is not None}) > 1:
            continue
        mine = [a for a, _, own in results if None in (want, own) or own == want]
        pairs.update({(a.value, p.value): (a, p) for a in mine if _fits(s, a, p, folded)})
    return pairs


def named_percentage(s: LinkableStatement) -> bool:
    """Whether ``s`` is an attainment of a plan with no target: bare or linked from afar."""
    return (
        s.stated_kind == "attainment"
        and s.stated is not None
        and s.target is None
        and (s.actual is None or (s.link_start is not None and s.link_start < s.start))
    )


def _plan_kind(after: str, measure: str) -> str | None:
    """The kind of profit (``trước thuế``, ``sau thuế``) the plan after a percentage names."""
    lead = PLAN_WORD_AFTER.match(after)
    if lead is None:
        return None
    rest = after[lead.end() :]
    for name, kind in _PROFIT_KINDS.items():
        if rest.startswith(name):
            return kind
    at = rest.find(fold(measure))
    k = MEASURE_KIND.match(rest, at + len(fold(measure))) if at == 0 else None
    return " ".join(k.group(1).split()) if k else None


def _measure_amounts(
    folded: str, measure: str, kind: str | None, end: int
) -> tuple[list[_Result], list[tuple[Amount, str | None]]]:
    """The results and the plans of ``measure`` before ``end``, each with its kind.

    A result with its period too.
    """
    results: list[_Result] = []
    plans: list[tuple[Amount, str | None]] = []
    for a in amounts_in(folded, 0, end):
        if a.unit[1] not in MONEY_WORDS:
            continue
        name, own = measure_kind(folded, a)
        if name != measure or own in APART_KINDS or (own == fold("thuần") and name != "doanh thu"):
            continue
        if kind is not None and own is not None and own != kind:
            continue
        head = _sentence_head(folded, a.start)
        if any(
            not PERCENT_BEFORE.search(folded, max(head, m.start() - 12), m.start())
            for m in _PLAN_WORDS.finditer(folded, head, a.start)
        ):
            plans.append((a, own))
        elif not (
            COMPARED.search(folded, max(head, a.start - 40), a.start)
            or _CHANGE_FROM.search(folded, max(head, a.start - 8), a.start)
        ):
            results.append((a, _period_before(folded, a.start), own))
    return results, plans


def _sentence_head(folded: str, pos: int) -> int:
    """Where the sentence holding ``pos`` begins."""
    floor = max(0, pos - 400)
    return max([floor, *(m.end() for m in SENTENCE_END.finditer(folded, floor, pos))])


def _period(folded: str, start: int, end: int) -> str | None:
    """The period ``folded[start:end]`` names: a part of a year first, then a year.

    A part as its key (:func:`~kpitools.extract.periods.part_key`: ``q2``, ``m6-`` for a
    half year, ``m9-``), a year as its digits.
    """
    for m in _QUARTER.finditer(folded, start, end):
        if not COMPARED.search(folded, max(start, m.start() - 25), m.start()):
            return part_key(m.group(1), None, None)
    for pattern, name in ((_HALF, part_key(None, "6", None)), (_NINE, part_key(None, "9", None))):
        for m in pattern.finditer(folded, start, end):
            if not COMPARED.search(folded, max(start, m.start() - 25), m.start()):
                return name
    for m in YEAR.finditer(folded, start, end):
        if not COMPARED.search(folded, max(start, m.start() - 25), m.start()):
            return m.group()
    return None


def _period_before(folded: str, pos: int) -> str | None:
    """The period of an amount at ``pos``: its sentence's, or the last one named before."""
    end = pos
    for _ in range(12):  # a bounded walk back over sentences
        head = _sentence_head(folded, end)
        found = _period(folded, head, end)
        if found is not None or head == 0:
            return found
        end = head - 1
    return None


PLAN_SLACK = Decimal("0.1")
"""How far (a share of it) a plan written with a qualifier may be from its amount."""


def _fits(s: LinkableStatement, a: Amount, p: Amount, folded: str) -> bool:
    """Whether ``s``'s percentage is the result ``a`` of the plan ``p`` (see above)."""
    placed = dataclasses.replace(s, actual=a.value)
    pct = percent_of(s)
    if pct is None or p.value <= 0:
        return False
    if has_qualifier(folded, p):
        low, high = p.value * (1 - PLAN_SLACK), p.value * (1 + PLAN_SLACK)
        return 100 * a.value / high - 1 <= pct.value <= 100 * a.value / low + 1
    if s.qualifier is not None or has_qualifier(folded, a):
        return triple_fits(placed, p.value, approximate=True)
    return bool(check_percent(pct, a.value, p.value).fits)


# a plan revised, or a figure of one level of a group (the parent's, the consolidated one)
_REVISED = rx(r"(?<!\w)(?:điều\s+chỉnh|sửa\s+đổi|bổ\s+sung)(?!\w)")
_LEVELS = rx(r"(?<!\w)(?:công\s+ty\s+mẹ|công\s+ty\s+con|hợp\s+nhất|riêng\s+lẻ|tập\s+đoàn)(?!\w)")


def _cut_or_rounded(
    linked: LinkableStatement, folded: str, pair: tuple[Amount, Amount], at: int
) -> LinkableStatement:
    """``linked``, truncated when its result and plan give its percentage only cut.

    The set flags a cut, unless the result's own rounding gives the percentage rounded
    (``58 tỷ đồng`` of ``60,5 tỷ``, ``95,8%``: 57,5 to 58,5 give 95,04 to 96,69 %,
    :func:`~kpitools.extract.consistency.rounding_gives`). Left unchecked as well:
    a cut of any other kind than an attainment, and one whose link may be another plan's
    (:func:`plan_apart`): a figure with a qualifier, a plan revised (``điều chỉnh``), of a
    year the result's and the percentage's sentences do not name, or of another level of a
    group (``công ty mẹ``, ``hợp nhất``) than the result's.
    """
    if linked.verdict != "truncated":
        return linked
    a, plan = pair
    p, number, value = percent_of(linked), re.match(NUM, folded[a.start : a.end]), linked.actual
    if linked.stated_kind != "attainment" or p is None or number is None:
        return unchecked(linked, "approximate")
    if not isinstance(value, Decimal) or plan_apart(folded, pair, at, linked.qualifier):
        return unchecked(linked, "approximate")
    if rounding_gives(p, folded[a.start : a.end], value, plan.value):
        return unchecked(linked, "approximate")
    return linked


def plan_of_other_standing(folded: str, pair: tuple[Amount, Amount], qual: str | None) -> bool:
    """Whether a figure of ``pair`` (a result, a plan) is approximate, or the plan another.

    The plan revised, or the two of other levels of a group (see :func:`_cut_or_rounded`);
    ``qual``: the percentage's qualifier.
    """
    a, plan = pair
    if qual is not None or has_qualifier(folded, a) or has_qualifier(folded, plan):
        return True
    plan_at, result_at = sentence_span(folded, plan), sentence_span(folded, a)
    plan_words = folded[plan_at[0] : plan_at[1]]
    result_words = folded[result_at[0] : result_at[1]]
    if _REVISED.search(plan_words):
        return True
    return {m.group() for m in _LEVELS.finditer(plan_words)} != {
        m.group() for m in _LEVELS.finditer(result_words)
    }


def percent_head(folded: str, at: int) -> int:
    """Where the sentence (or line) of the percentage at ``at`` starts."""
    return max(folded.rfind(". ", 0, at), folded.rfind("\n", 0, at)) + 1


def plan_apart(folded: str, pair: tuple[Amount, Amount], at: int, qual: str | None) -> bool:
    """Whether the plan linked to a result may be another one than the percentage's.

    ``pair``: the result and the plan; ``at``: where the percentage is (see
    :func:`_cut_or_rounded`).
    """
    if plan_of_other_standing(folded, pair, qual):
        return True
    a, plan = pair
    plan_at, result_at = sentence_span(folded, plan), sentence_span(folded, a)
    plan_words = folded[plan_at[0] : plan_at[1]]
    result_words = folded[result_at[0] : result_at[1]]
    percent_words = folded[percent_head(folded, at) : at]
    named = set(YEAR.findall(result_words)) | set(YEAR.findall(percent_words))
    before = YEAR.findall(folded, 0, plan_at[0])
    if not named and before:
        named = {before[-1]}
    return not set(YEAR.findall(plan_words)) <= named
