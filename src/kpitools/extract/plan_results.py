"""A named plan's percentage left bare when the result linked to it cannot be its result.

``Năm 2039, xưởng đặt mục tiêu doanh thu 900 tỷ đồng và lãi trước thuế 60 tỷ đồng. … Như
vậy, xưởng đã hoàn thành 75% kế hoạch doanh thu và 90% kế hoạch lợi nhuận``: a percentage
of a plan named by its measure takes, from the sentences before it, the nearest amount that
names the measure (:mod:`kpitools.extract.named_plans`), and that may be the plan itself (60
tỷ), or a result of another period that the plan written for that measure disproves (a
quarter's 20 tỷ against the year's 60 tỷ, for 90 %). The report's own figures are the
evidence: such a percentage is left bare (no actual, no target), on its own measure, so
that :func:`~kpitools.extract.bare_plans.link_fitting_results` may give it the result and
plan it fits — or nothing. :func:`unlink_unfit_results` runs in
:func:`kpitools.extract.document.link_document`, before the fitting results are looked for.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.amounts import (
    BACK_REFERENCE,
    COMPARED,
    MEASURE_NAMES,
    MEASURE_NAMES_RX,
    MONEY_WORDS,
    PERIOD,
    PLAN_AMOUNT_WINDOW,
    PLAN_WORD_AFTER,
    Amount,
    after_percent,
    amounts_in,
    as_result,
    clause_head,
    clause_names,
    has_qualifier,
    head_of_sentence,
    listed_measure,
    measure_completed,
    measure_kind,
    paragraph,
    period_of,
    plan_measure,
    sets_out_plan,
    shifted,
)
from kpitools.extract.bare_plans import BLANK_LINE, names_measure, triple_fits
from kpitools.extract.disproved import bare_percentage
from kpitools.extract.linking import StartIndex, covering_statement, percent_of, with_result
from kpitools.extract.named_plans import expected_in_plan, may_be_result, same_currency
from kpitools.extract.notes import noted, seg
from kpitools.extract.target_words import AIM_WORDS
from kpitools.textfold import fold, rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement


def unlink_unfit_results(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, each named plan's percentage bare whose linked result cannot be its.

    ``s`` states an attainment (or excess) of a plan named by its measure (``90% kế hoạch
    lợi nhuận``; ``kế hoạch lãi`` is profit too), its actual linked from another sentence
    and no target. It is left bare when the amount linked is set out as a plan (or read as
    one: a target with no result), or when the plans of that measure written before it (up
    to :data:`~kpitools.extract.amounts.PLAN_AMOUNT_WINDOW` characters: targets with no
    result and amounts set out as plans, whose clause names the measure, in the result's
    currency) give one amount that the percentage does not fit with the result linked —
    within :data:`PLAN_SLACK` of it either way when the plan is qualified (``gần 2.000``).
    Not when a plan's sentence names a period the result's and the percentage's do not
    (``Năm 2040, … đặt mục tiêu …`` before ``9 tháng đầu năm 2039, …``).
    """
    index = StartIndex(statements)
    ordered = sorted(statements, key=lambda c: c.start)
    scope = (ordered, [c.start for c in ordered])
    out = list(statements)
    for i, s in enumerate(statements):
        if not _linked_named(s):
            continue
        measure = _measure(s, text)
        if measure is None:
            continue
        if (
            _plan_linked(s, statements, index, text)
            or _disproved(s, statements, index, text, measure)
            or _fits_another(s, _fitting_result(s, statements, index, scope, text, measure))
        ):
            out[i] = unlinked_percentage(s)
    return out


def _fits_another(s: LinkableStatement, found: tuple[LinkableStatement, Decimal] | None) -> bool:
    """Whether ``found``, the one result ``s``'s percentage fits, is not the one linked.

    ``hoàn thành 70% doanh thu …`` linked to a quarter's 240 when the months to date's 630
    of the plan 900 give 70 % and 240 does not (see :func:`_fitting_result`).
    """
    return found is not None and found[0].actual != s.actual


def unlinked_percentage(s: LinkableStatement) -> LinkableStatement:
    """``s`` as read in its sentence: no result, no target, no link, unchecked."""
    return dataclasses.replace(
        bare_percentage(s),
        exact=True,
        link_start=None,
        link_end=None,
        link_text=None,
        verdict="unchecked",
        **noted(seg("no_target")),  # type: ignore[arg-type]
    )


def _linked_named(s: LinkableStatement) -> bool:
    """Whether ``s`` is a plan's percentage, its result linked from elsewhere, no target."""
    return (
        s.stated_kind in ("attainment", "excess")
        and s.stated is not None
        and isinstance(s.actual, Decimal)
        and s.target is None
        and s.link_start is not None
        and s.link_end is not None
        and "actual_linked" in (s.note_data or "")
    )


def _plan_linked(
    s: LinkableStatement, statements: Sequence[LinkableStatement], index: StartIndex, text: str
) -> bool:
    """Whether the amount linked to ``s`` as its result is a plan's amount."""
    assert s.link_start is not None and s.link_end is not None
    for j in index.between(max(0, s.link_start - 40), s.link_end):
        t = statements[j]
        if t.actual is None and t.target == s.actual and t.start <= s.link_start < t.end + 40:
            return True  # read as a target with no result
    low, high = paragraph(text, s.link_start, s.link_end, width=300)
    folded = fold(text[low:high])
    own = [
        a for a in amounts_in(folded, s.link_start - low, s.link_end - low) if a.value == s.actual
    ]
    return bool(own) and (
        sets_out_plan(folded, own[0], 0, qualified=True) or expected_in_plan(folded, own[0])
    )


def _disproved(
    s: LinkableStatement,
    statements: Sequence[LinkableStatement],
    index: StartIndex,
    text: str,
    measure: str,
) -> bool:
    """Whether the one plan of ``measure`` written before ``s`` does not fit its figures."""
    plan = _written_plan(s, statements, index, text, measure)
    return plan is not None and not _fits(s, plan[0], qualified=plan[1])


def _written_plan(
    s: LinkableStatement,
    statements: Sequence[LinkableStatement],
    index: StartIndex,
    text: str,
    measure: str,
    *,
    strict: bool = False,
) -> tuple[Decimal, bool] | None:
    """The one plan of ``measure`` written before ``s``, with whether it is qualified.

    The plans are the targets with no result and the amounts set out as plans (or expected
    in a plan's sentence) whose clause names the measure, before ``s`` in its window. None
    is read when a plan's sentence names a period (a year, a season ``2040-2041``) that the
    result's (if linked) and the percentage's sentences do not: the plan may be of another
    year. ``strict``: a plan is of the measure it is an amount of (:func:`_amount_of`), not
    of any its clause names (``mục tiêu doanh thu 900 tỷ đồng và lợi nhuận 60 tỷ đồng``).
    """
    linked = (s.link_start, s.link_end) if s.link_start is not None else (s.start, s.end)
    assert linked[0] is not None and linked[1] is not None
    low = max(0, min(s.start - PLAN_AMOUNT_WINDOW, linked[0] - 200))
    folded = fold(text[low : s.end])
    plans: dict[int, tuple[Decimal, bool]] = {}
    for j in index.between(max(0, s.start - PLAN_AMOUNT_WINDOW), s.start):
        t = statements[j]
        if (
            t.actual is None
            and isinstance(t.target, Decimal)
            and t.stated is None
            and t.end <= s.start
            and (t.measure is None or same_currency(t.measure, s.measure))
            and (
                _own_measure(folded, t, low) == measure
                if strict
                else names_measure(t, text, measure)
            )
        ):
            plans[t.start - low] = (t.target, t.qualifier is not None)
    currency = (s.measure or "").split()[-1:]
    for a in amounts_in(folded, 0, s.start - low):
        if (
            currency
            and a.unit[1] == fold(currency[0])
            and (sets_out_plan(folded, a, 0, qualified=True) or expected_in_plan(folded, a))
            and (
                _amount_of(folded, a) == measure
                if strict
                else clause_names(text, low + a.start, measure)
            )
        ):
            plans[a.start] = (a.value, has_qualifier(folded, a))
    if len({value for value, _ in plans.values()}) != 1:
        return None
    ours = _periods(folded, linked[0] - low, linked[1] - low) | _periods(
        folded, s.start - low, s.end - low
    )
    if not ours and s.year is not None:
        ours = {str(s.year)}  # no period named: the report's year
    for at in plans:
        theirs = _periods(folded, at, at)
        if theirs and theirs.isdisjoint(ours):
            return None
    plan, qualified = next(iter(plans.values()))
    return plan, qualified or any(q for _, q in plans.values())


PLAN_SLACK = Decimal("0.1")
"""How far (a share of it) a plan written with a qualifier (``gần 2.000``, ``hơn 38``) may
be from the amount written, either way, when a percentage is checked against it."""


def _fits(s: LinkableStatement, plan: Decimal, *, qualified: bool) -> bool:
    """Whether ``s``'s percentage may be its actual against ``plan`` (or near it, qualified)."""
    if not qualified:
        return triple_fits(s, plan, approximate=True)
    low, high = plan * (1 - PLAN_SLACK), plan * (1 + PLAN_SLACK)
    return any(triple_fits(s, bound, approximate=True) for bound in (low, high)) or _between(
        s, low, high
    )


def _between(s: LinkableStatement, low: Decimal, high: Decimal) -> bool:
    """Whether ``s``'s percentage lies between its actual against ``high`` and ``low``."""
    p = percent_of(s)
    assert isinstance(s.actual, Decimal)
    return p is not None and 100 * s.actual / high <= p.value <= 100 * s.actual / low


def _periods(folded: str, start: int, end: int) -> set[str]:
    """The periods named from the head of the sentence at ``start`` to ``end``.

    A year or a span of years (one period), not one compared with (``so với năm 2039``).
    """
    head = clause_head(folded, start, 0)
    return {
        period_of(m)
        for m in PERIOD.finditer(folded, head, end)
        if not COMPARED.search(folded, max(head, m.start() - 25), m.start())
    }


# "107% chỉ tiêu lãi cả năm": profit named by its short word
_PROFIT_AFTER = rx(r"lãi(?!\s+(?:suất|vay|tiền|tức|phạt))(?!\w)")


def _measure(s: LinkableStatement, text: str) -> str | None:
    """The measure the plan of ``s``'s percentage names (``lãi`` alone is profit)."""
    measure = plan_measure(s, text)
    if measure is not None:
        return measure
    after = after_percent(s, text)
    lead = PLAN_WORD_AFTER.match(after)
    if lead and _PROFIT_AFTER.match(after, lead.end()):
        return "lợi nhuận"
    # "hoàn thành 52% doanh thu và …": the plan named by its measure after a bare percentage
    named = MEASURE_NAMES_RX.match(after, 1) if measure_completed(s, after) else None
    return MEASURE_NAMES[" ".join(named.group().split())] if named else None


def link_later_named_plan_percentages(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, each bare percentage of a named plan given the one amount that fits it.

    ``Quý III, xưởng đạt doanh thu 240 tỷ đồng. Lũy kế 9 tháng, doanh thu của xưởng đạt 630
    tỷ đồng. Năm nay, xưởng đặt mục tiêu doanh thu 900 tỷ đồng. Như vậy, xưởng đã hoàn thành
    70% doanh thu kế hoạch năm``: a percentage of a plan named by its measure, left with no
    figure (by the sentence grammar, or by :func:`unlink_unfit_results`), takes, of the
    results before it that name the measure (:func:`_results_of`), the one whose ratio to
    the one plan of that measure written before it gives the percentage (630 of 900 is 70 %;
    the quarter's 240 is 27 %), with that plan. Nothing when no plan or several are written
    (or one of another period than the result's, see :func:`_written_plan`), when the
    results are of two currencies, when none or two results of differing figures fit, or
    when the percentage is aimed at (``phấn đấu hoàn thành 27% …``). Not
    :func:`~kpitools.extract.bare_plans.link_fitting_results`, which runs before it and gives
    a bare percentage of any plan the result and plan set out near it that fit it.
    """
    index = StartIndex(statements)
    ordered = sorted(statements, key=lambda c: c.start)
    scope = (ordered, [c.start for c in ordered])
    out = list(statements)
    for i, s in enumerate(statements):
        if not (
            s.stated_kind == "attainment"
            and s.actual is None
            and s.target is None
            and percent_of(s) is not None
            and not _aimed(s, text)
        ):
            continue
        measure = _measure(s, text)
        if measure is None:
            continue
        found = _fitting_result(s, statements, index, scope, text, measure)
        if found is not None:
            out[i] = with_result(s, *found)
    return out


# "Quý IV, xưởng phấn đấu hoàn thành 27% …": a percentage aimed at or expected, not done
_AIMED = rx(rf"(?<!\w)(?:phấn\s+đấu|{AIM_WORDS})(?!\w)")


def _aimed(s: LinkableStatement, text: str) -> bool:
    """Whether the clause of ``s``'s percentage names an aim before it (``phấn đấu``)."""
    at = s.start + max(0, s.text.find(s.stated or ""))
    low = max(0, at - 120)  # a bounded look back
    folded = fold(text[low:at])
    return _AIMED.search(folded, clause_head(folded, len(folded), 0)) is not None


def _fitting_result(
    s: LinkableStatement,
    statements: Sequence[LinkableStatement],
    index: StartIndex,
    scope: tuple[Sequence[LinkableStatement], list[int]],
    text: str,
    measure: str,
) -> tuple[LinkableStatement, Decimal] | None:
    """The one result of ``measure`` before ``s`` and its plan that ``s``'s percentage fits.

    See :func:`link_later_named_plan_percentages`; the plan is of the measure it is an
    amount of, and a result of a kind named (``trước thuế``) other than the plan's
    (``sau thuế``) is not its result.
    """
    results = _results_of(s, statements, index, scope, text, measure)
    if len({(c.measure or "").split()[-1] for c, _ in results}) != 1:
        return None
    fitting: dict[Decimal, tuple[LinkableStatement, Decimal]] = {}
    for c, kind in results:
        placed = dataclasses.replace(
            s, actual=c.actual, measure=c.measure, link_start=c.start, link_end=c.end
        )
        plan = _written_plan(placed, statements, index, text, measure, strict=True)
        if plan is None or c.actual == plan[0] or not isinstance(c.actual, Decimal):
            continue
        if kind is not None and kind != _plan_kind(s, text, plan[0]):
            continue  # a pre-tax result of an after-tax plan (or one of no kind)
        if _fits(placed, plan[0], qualified=plan[1]):
            fitting.setdefault(c.actual, (c, plan[0]))
    return next(iter(fitting.values())) if len(fitting) == 1 else None


def _plan_kind(s: LinkableStatement, text: str, plan: Decimal) -> str | None:
    """The kind named for the last amount ``plan`` written before ``s`` (``sau thuế``)."""
    low = max(0, s.start - PLAN_AMOUNT_WINDOW)
    folded = fold(text[low : s.start])
    own = [a for a in amounts_in(folded, 0, len(folded)) if a.value == plan]
    return measure_kind(folded, own[-1])[1] if own else None


def _results_of(
    s: LinkableStatement,
    statements: Sequence[LinkableStatement],
    index: StartIndex,
    scope: tuple[Sequence[LinkableStatement], list[int]],
    text: str,
    measure: str,
) -> list[tuple[LinkableStatement, str | None]]:
    """The results of ``measure`` before ``s``, each with its kind if named.

    Statements' figures (with a measure: a unit) and money amounts in none, in its window
    (up to :data:`~kpitools.extract.amounts.PLAN_AMOUNT_WINDOW` characters) and its
    paragraph, or the one before too when its sentence opens on the figures just stated
    (``Như vậy, …``, ``Với kết quả này, …``), that name the measure (in their clause, or by
    their place in a list said ``lần lượt``) and may be its result
    (:func:`~kpitools.extract.named_plans.may_be_result`: not set out as plans nor compared
    with, no ``doanh thu tài chính`` for revenue …), not of a year before a later one named
    (:func:`_of_an_earlier_year`) nor of a subsidiary (``công ty con``) when the
    percentage's sentence names none. Empty when they are of two kinds (``trước thuế``,
    ``sau thuế``) and the plan's is not read here (round 16).
    """
    low = max(0, s.start - PLAN_AMOUNT_WINDOW)
    folded = fold(text[low : s.start])
    heads = [0, 0, *(m.end() for m in BLANK_LINE.finditer(folded))]
    back = BACK_REFERENCE.match(folded[head_of_sentence(folded, len(folded)) :]) is not None
    floor = low + heads[-2 if back else -1]
    found: list[tuple[LinkableStatement, Amount]] = []
    for j in index.between(floor, s.start):
        c = statements[j]
        if isinstance(c.actual, Decimal) and c.target is None and c.end <= s.start and c.measure:
            own = [a for a in amounts_in(folded, c.start - low, c.end - low) if a.value == c.actual]
            if own and (
                listed_measure(folded, own[0]) is not None or names_measure(c, text, measure)
            ):
                found.append((c, own[0]))
    for a in amounts_in(folded, floor - low, len(folded)):
        if (
            a.unit[1] in MONEY_WORDS
            and covering_statement(*scope, shifted(a, low)) is None
            and _amount_of(folded, a) == measure
        ):
            found.append((as_result(s, a, folded, low, text, measure), a))
    subsidiary = _SUBSIDIARY.search(folded, head_of_sentence(folded, len(folded))) is not None
    results = [
        (c, kind)
        for c, a in found
        for named, kind in (measure_kind(folded, a),)
        if named in (measure, None)
        and may_be_result(s, text, (low, folded), a, measure)
        and not _of_an_earlier_year(folded, a)
        and (subsidiary or not _SUBSIDIARY.search(folded, clause_head(folded, a.start, 0), a.start))
    ]
    if len({kind for _, kind in results} - {None}) > 1:
        return []
    return results


# "doanh thu của công ty con Phú Hưng đạt …": a figure of a subsidiary, not the group's
_SUBSIDIARY = rx(r"(?<!\w)(?:công\s+ty\s+con|thành\s+viên)(?!\w)")


def _of_an_earlier_year(folded: str, a: Amount) -> bool:
    """Whether the sentence of ``a`` names only years before one named after it.

    ``Năm 2040, doanh thu đạt 630 tỷ đồng. Quý III/2041, …``: the year before is no result
    of the plan of the year named later (years compared with are not counted).
    """
    own = _years_in(folded, clause_head(folded, a.start, 0), a.start)
    later = _years_in(folded, a.end, len(folded))
    return bool(own) and bool(later) and max(own) < max(later)


def _years_in(folded: str, start: int, end: int) -> set[int]:
    """The years named in ``folded[start:end]``, not compared with (``so với năm 2039``)."""
    return {
        int(year)
        for m in PERIOD.finditer(folded, start, end)
        if not COMPARED.search(folded, max(start, m.start() - 25), m.start())
        for year in m.groups()
        if year
    }


def _amount_of(folded: str, a: Amount) -> str | None:
    """The measure of the amount ``a`` (:func:`~kpitools.extract.amounts.measure_kind`)."""
    return measure_kind(folded, a)[0]


def _own_measure(folded: str, t: LinkableStatement, low: int) -> str | None:
    """The measure of the amount of the statement ``t`` (``folded`` is the text from ``low``)."""
    own = [a for a in amounts_in(folded, t.start - low, t.end - low) if a.value == t.target]
    return _amount_of(folded, own[0]) if own else None
