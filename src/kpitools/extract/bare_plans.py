"""Bare percentages of a plan given their result and plan from the text around them.

For :mod:`kpitools.extract.document`: a bare percentage of a plan given the one result and plan
amount it fits (:func:`link_fitting_results`), a pair already made
(:func:`link_paired_percentages`), the plan of the attainment before it
(:func:`link_repeated_plans`) or the plan of a result set again later
(:func:`link_later_results`); an amount disbursed given the capital written right before it
(:func:`link_disbursed_capital`).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.amounts import (
    BACK_REFERENCE,
    CLAUSE_MARK,
    FULL_STOP,
    MONEY_WORDS,
    OF_A_TARGET,
    PLAN_AMOUNT_WINDOW,
    Amount,
    after_percent,
    amounts_in,
    as_result,
    clause_names,
    has_qualifier,
    measure_completed,
    measure_kind,
    measure_of_amount,
    measures_named,
    noun_pattern,
    paragraph,
    plan_measure,
    same_measure,
    same_period,
    same_unit,
    sets_out_plan,
    shifted,
)
from kpitools.extract.linking import (
    covering_statement,
    percent_of,
    unit_key,
    with_result,
)
from kpitools.extract.notes import unchecked
from kpitools.extract.plans import plan_qualifier, with_plan
from kpitools.extract.text import NUM, PLAN_NOUNS
from kpitools.numbers import check_percent
from kpitools.textfold import fold, rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement


# --------------------------------------------------------------------------- fitting results


def _bare_plan_percent(s: LinkableStatement, text: str) -> bool:
    """Whether ``s`` is a percentage of a plan with no figure of its own.

    ``đến nay đạt 85% mục tiêu năm``, ``thực hiện được 26% doanh thu``.
    """
    return (
        s.actual is None
        and s.target is None
        and s.stated_kind == "attainment"
        and (
            OF_A_TARGET.search(fold(s.text)) is not None
            or measure_completed(s, fold(text[s.end : s.end + 120]))
        )
    )


def _result_amounts(
    s: LinkableStatement,
    text: str,
    window: tuple[int, str],
    scope: tuple[Sequence[LinkableStatement], list[int]],
) -> list[tuple[LinkableStatement, Amount]]:
    """The results before ``s`` in ``window`` (its start in ``text``, its folded text).

    Each with its amount in the window's offsets: the statements' figures, and the money
    amounts in no statement that name their measure (``lợi nhuận sau thuế 2.000 tỷ
    đồng``), set out no plan and compare with no past period. Only from the percentage's
    paragraph (:func:`_results_floor`).
    """
    ordered, starts = scope
    low, folded = window
    out = []
    floor = _results_floor(folded, s.start - low)
    for c in ordered[bisect.bisect_left(starts, low + floor) : bisect.bisect_left(starts, s.start)]:
        if not isinstance(c.actual, Decimal) or c.end > s.start or c.term is not None:
            continue
        own = [a for a in amounts_in(folded, c.start - low, c.end - low) if a.value == c.actual]
        if own and own[0].unit[1]:
            out.append((c, own[0]))
    for a in amounts_in(folded, floor, s.start - low):
        measure = measure_of_amount(folded, a) if a.unit[1] in MONEY_WORDS else None
        if (
            measure is not None
            and covering_statement(*scope, shifted(a, low)) is None
            and not sets_out_plan(folded, a, 0, qualified=True)
            and same_period(folded, a, (a.start, a.start))
        ):
            out.append((as_result(s, a, folded, low, text, measure), a))
    return out


BLANK_LINE = re.compile(r"\n[^\S\n]*\n")

# "Đây là những con số đáng ghi nhận …": a paragraph opening on the figures just stated
_FIGURES_BACK = rx(r"^\W*đây\s+là\s+(?:những\s+)?(?:con\s+số|kết\s+quả)(?!\w)")


def _results_floor(folded: str, pos: int) -> int:
    """Where the results a bare percentage at ``pos`` may take begin in ``folded``.

    Its paragraph (blank lines apart); the one before too when it opens by referring back
    to the figures just stated (``Như vậy, …``, ``Đây là những con số …``).
    """
    heads = [m.end() for m in BLANK_LINE.finditer(folded, 0, pos)]
    if not heads:
        return 0
    opening = folded[heads[-1] : pos]
    if BACK_REFERENCE.match(opening) or _FIGURES_BACK.match(opening):
        return heads[-2] if len(heads) > 1 else 0
    return heads[-1]


def _fitting_triple(
    s: LinkableStatement,
    text: str,
    scope: tuple[Sequence[LinkableStatement], list[int]],
) -> tuple[LinkableStatement, Decimal, bool] | None:
    """The one result and plan amount near the bare percentage ``s`` that it fits.

    With whether the plan is written approximately (``trên 6 triệu``).

    See :func:`link_fitting_results`. None when none or several pairs of figures fit.
    """
    low, high = paragraph(text, s.start, s.end)
    window = text[low:high]
    folded = fold(window)
    plans = [
        a for a in amounts_in(folded, 0, len(folded)) if sets_out_plan(folded, a, 0, qualified=True)
    ]
    measure = plan_measure(s, text)
    results = [
        (c, a)
        for c, a in _result_amounts(s, text, (low, folded), scope)
        if (measure is None or clause_names(text, c.start, measure))
        and unit_key(s) in (None, unit_key(c))
    ]
    kinds = [(c.actual, *measure_kind(folded, a)) for c, a in results]
    fitting: dict[tuple[object, Decimal], tuple[LinkableStatement, bool]] = {}
    for c, actual in results:
        m, kind = measure_kind(folded, actual)
        for a in _plans_fitting(s, c, actual, plans, folded):
            wanted = measure_kind(folded, a)[1] if m else None
            rivals = {v for v, n, k in kinds if n == m and (wanted is None or k in (None, wanted))}
            if m is not None and (rivals != {c.actual} or wanted not in (None, kind)):
                continue  # two results of the measure (pre-tax and after-tax): which?
            fitting.setdefault((c.actual, a.value), (c, has_qualifier(folded, a)))
    if len(fitting) != 1:
        return None
    (_, value), (c, qualified) = next(iter(fitting.items()))
    return c, value, qualified


def _plans_fitting(
    s: LinkableStatement, c: LinkableStatement, actual: Amount, plans: list[Amount], folded: str
) -> list[Amount]:
    """The plan amounts that the result ``c`` (its amount ``actual``) and ``s``'s percentage fit.

    Of the same unit word and of no other measure; see :func:`triple_fits`.
    """
    named = measures_named(folded, actual.start, actual.end)
    approximate = s.qualifier is not None or c.qualifier is not None or not c.exact
    placed = dataclasses.replace(s, actual=c.actual)
    return [
        a
        for a in plans
        if same_unit(a, actual)
        and same_measure(named, folded, a)
        and triple_fits(placed, a.value, approximate=approximate or has_qualifier(folded, a))
    ]


TRIPLE_SPREAD = Decimal(1)
"""How far (percentage points) a percentage, its result or its plan written approximately
(``khoảng 65%``, ``gần 2.400``, ``trên 6 triệu``) may be from the figures' own ratio."""


def triple_fits(s: LinkableStatement, plan: Decimal, *, approximate: bool) -> bool:
    """Whether the stated percentage of ``s`` fits its actual against ``plan``.

    As written (rounded or cut) when every figure is exact; within :data:`TRIPLE_SPREAD`
    when one is approximate.
    """
    p = percent_of(s)
    if p is None or plan <= 0 or not isinstance(s.actual, Decimal):
        return False
    if not approximate:
        return bool(check_percent(p, s.actual, plan).consistent)
    return abs(100 * s.actual / plan - p.value) <= TRIPLE_SPREAD


def link_fitting_results(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, each bare percentage of a plan given the result and plan it fits.

    ``Quý I, doanh thu đạt 260 tỷ đồng. … Kế hoạch năm: 1.000 tỷ đồng doanh thu. … Công ty
    mới hoàn thành 26% kế hoạch``: a percentage of a plan with no figure of its own takes
    the result stated before it and the plan set out near it (up to
    :data:`PLAN_AMOUNT_WINDOW` characters either side) when the two, counted in the same
    unit word and of no other measure, give the stated percentage — and only when one pair
    of figures does: the three figures agreeing are the evidence (precision first). A
    percentage whose plan names a measure (``26% kế hoạch doanh thu``) takes only a result
    whose clause names it. The result is in the percentage's paragraph, or the one before
    when it opens on the figures just stated (``Như vậy, …``, ``Đây là những con số …``); a
    result of a measure another result of the paragraph also gives, of the plan's kind or
    of none (``lợi nhuận trước thuế`` and ``sau thuế`` for a plan of ``lợi nhuận``), is not
    taken; nor is an excess (``vượt 42%`` is written for an index as well). Runs before
    :func:`~kpitools.extract.plan_results.link_later_named_plan_percentages`, which gives a
    percentage of a plan named by its measure, still bare, the result its written plan fits.
    """
    out = list(statements)
    ordered = sorted(statements, key=lambda c: c.start)
    scope = (ordered, [c.start for c in ordered])
    # percentages already stated with their figures: a bare one repeating them is a headline
    claimed = {c.stated for c in statements if c.actual is not None and c.stated is not None}
    for i, s in enumerate(statements):
        if not _bare_plan_percent(s, text) or percent_of(s) is None or s.stated in claimed:
            continue
        found = _fitting_triple(s, text, scope)
        if found is None:
            continue
        c, plan, qualified = found
        out[i] = with_result(s, c, plan)
        if qualified and out[i].verdict != "unchecked":
            out[i] = unchecked(out[i], "target_approximate")
    return out


def link_paired_percentages(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, each bare percentage of a plan given a pair already made of that plan.

    ``Quý I và quý II, doanh thu đạt 340 tỷ đồng. … Năm nay, công ty đặt mục tiêu doanh thu
    800 tỷ đồng. Như vậy, công ty đã hoàn thành khoảng 42% kế hoạch``: the result was set
    against the plan with no percentage (:func:`~kpitools.extract.part_year.
    link_unstated_plans`), and the percentage, with no figure of its own, is written in the
    plan's sentence or the next one. When it fits one such pair's figures (as
    :func:`triple_fits` reads them) and the plan it names, if any, is of the pair's measure,
    the percentage takes the pair's result and plan, and the pair, which says less, is
    dropped. Another pair of the same plan (a quarter's amount) stays as it is.
    """
    out: list[LinkableStatement | None] = list(statements)
    claimed = {c.stated for c in statements if c.actual is not None and c.stated is not None}
    for i, s in enumerate(statements):
        if not _bare_plan_percent(s, text) or percent_of(s) is None or s.stated in claimed:
            continue
        fitting = [j for j, c in enumerate(statements) if _pair_fits(s, c, text)]
        if len(fitting) != 1:
            continue
        c = statements[fitting[0]]
        assert isinstance(c.target, Decimal)
        out[i] = with_result(s, c, c.target)
        out[fitting[0]] = None
    return [s for s in out if s is not None]


def _pair_fits(s: LinkableStatement, c: LinkableStatement, text: str) -> bool:
    """Whether ``c`` is a result set against a plan with no percentage that ``s`` fits.

    ``s`` is a bare percentage of a plan; see :func:`link_paired_percentages`.
    """
    if not (
        c.stated is None
        and c.link_text is not None
        and c.link_start is not None
        and isinstance(c.actual, Decimal)
        and isinstance(c.target, Decimal)
        and c.end <= s.start
    ):
        return False
    low = max(0, s.start - PLAN_AMOUNT_WINDOW)
    stops = [m.end() for m in FULL_STOP.finditer(fold(text[low : s.start]))]
    if not low + (stops[-2] if len(stops) > 1 else 0) <= c.link_start < s.end:
        return False  # the plan is in the percentage's sentence or the one before
    measure = plan_measure(s, text)
    if measure is not None and not names_measure(c, text, measure):
        return False
    approximate = s.qualifier is not None or c.qualifier is not None or not c.exact
    return triple_fits(dataclasses.replace(s, actual=c.actual), c.target, approximate=approximate)


def names_measure(c: LinkableStatement, text: str, measure: str) -> bool:
    """Whether the clause of ``c``'s figure names ``measure``, before it or right after it.

    ``doanh thu đạt 3.000 tỷ đồng``, ``đạt 3.000 tỷ đồng doanh thu thuần``.
    """
    after = fold(text[c.end : c.end + 60])
    cut = CLAUSE_MARK.search(after)
    return clause_names(text, c.start, measure) or bool(
        noun_pattern(measure).search(after[: cut.start() if cut else len(after)])
    )


# --------------------------------------------------------------------------- a plan named again

# "đạt 91% kế hoạch vốn": the plan a percentage names, up to the clause's end (four words)
_PLAN_NAMED = rx(
    rf"^\s*(?:so\s+(?:với\s+)?)?{PLAN_NOUNS}(?:\s+[^\W\d_]+){{0,3}}?(?=\s*(?:[,;.()]|và(?!\w)|$))"
)


def link_repeated_plans(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, each bare attainment given the plan of the one before naming it.

    The attainment before it in its sentence names the same plan in the same words:
    ``Kế hoạch vốn năm là 3.400 triệu đồng; đến tháng 12 giải ngân 3.100 triệu đồng, đạt 91%
    kế hoạch vốn, ước đến hết tháng 1 giải ngân 3.230 triệu đồng, đạt 95% kế hoạch vốn``:
    the second percentage names the plan the first was checked against (consistent), its
    result is counted in the same unit, and the three figures agree — the evidence that the
    plan is the same (precision first: only then is it linked).
    """
    out = list(statements)
    prev: LinkableStatement | None = None
    for i, s in enumerate(statements):
        if prev is not None and _repeats_plan(s, prev, text):
            assert isinstance(prev.target, Decimal)
            start, end = (
                (prev.link_start, prev.link_end)
                if prev.link_start is not None and prev.link_end is not None
                else (prev.start, prev.end)
            )
            out[i] = with_plan(s, Amount(start, end, prev.target, ("", "")), text)
        if s.stated_kind == "attainment" and s.target is not None:
            prev = s
    return out


def _plan_named(s: LinkableStatement, text: str) -> str | None:
    """The plan the stated percentage of ``s`` names, folded, one space apart; None for none."""
    m = _PLAN_NAMED.match(after_percent(s, text))
    return " ".join(m.group(0).split()) if m else None


def _repeats_plan(s: LinkableStatement, prev: LinkableStatement, text: str) -> bool:
    """Whether the bare attainment ``s`` is of the plan ``prev`` was checked against.

    In the same sentence, the same plan named, the same unit word, another exact result, and
    the percentage agrees with that plan.
    """
    p = percent_of(s)
    if (
        s.target is not None
        or s.link_start is not None
        or s.stated_kind != "attainment"
        or not isinstance(s.actual, Decimal)
        or s.actual == prev.actual
        or s.qualifier is not None
        or not s.exact
        or p is None
        or prev.verdict not in ("consistent", "truncated")
        or s.measure != prev.measure
        or FULL_STOP.search(text, prev.end, s.start)
    ):
        return False
    named = _plan_named(s, text)
    if named is None or named != _plan_named(prev, text):
        return False
    assert isinstance(prev.target, Decimal)
    return bool(check_percent(p, s.actual, prev.target).consistent)


LATER_RESULT_REACH = 600
"""How far (characters) after a result set against its plan a later result of that plan may
start (:func:`link_later_results`)."""

_UNIT_AFTER = rx(rf"(?:{NUM})(?:\s*/\s*(?:{NUM}))?\s+([^\W\d_]+)")


def link_later_results(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, a bare percentage of a plan given the plan of the result before it.

    ``đến ngày 20/11 đã khai thác 7.510/7.480 tấn giao. … Dự kiến cả năm sẽ khai thác 8.040
    tấn, đạt 107,5% kế hoạch``: a later result of the same thing (counted in the same unit
    word, of no money) with a percentage of a plan and no plan of its own takes the plan of
    the nearest result before it set against one, within :data:`LATER_RESULT_REACH`
    characters and with no other plan between — when the percentage fits the two figures to
    a unit of its last digit (rounded or cut): the fit is the evidence (precision first).
    """
    out = list(statements)
    prev: LinkableStatement | None = None
    for i, s in enumerate(statements):
        if prev is not None and _later_of_plan(s, prev, text):
            assert isinstance(prev.target, Decimal)
            out[i] = with_plan(s, Amount(prev.start, prev.end, prev.target, ("", "")), text)
        if s.target is not None:
            prev = s if isinstance(s.actual, Decimal) and isinstance(s.target, Decimal) else None
    return out


def _unit_word(s: LinkableStatement) -> str | None:
    """The word after the first figure of ``s`` (``tấn``), folded; None for none."""
    m = _UNIT_AFTER.search(fold(s.text))
    return m.group(1) if m else None


def _later_of_plan(s: LinkableStatement, prev: LinkableStatement, text: str) -> bool:
    """Whether the bare percentage ``s`` is of the plan ``prev`` is set against.

    See :func:`link_later_results`.
    """
    p = percent_of(s)
    if (
        s.target is not None
        or s.link_start is not None
        or s.stated_kind not in ("attainment", "excess")
        or not isinstance(s.actual, Decimal)
        or s.actual == prev.actual
        or p is None
        or s.measure is not None
        or prev.measure is not None
        or not 0 < s.start - prev.end <= LATER_RESULT_REACH
        or prev.stated_kind not in (None, "attainment", "excess")
        or _plan_named(s, text) is None
    ):
        return False
    unit = _unit_word(s)
    if unit is None or unit != _unit_word(prev):
        return False
    assert isinstance(prev.target, Decimal)
    if prev.target <= 0:
        return False
    # rounded or cut to its last digit, never raised (100,13 % is no 101 %)
    fit = check_percent(p, s.actual, prev.target)
    return fit.fits


# --------------------------------------------------------------------------- capital disbursed

# "tổng vốn", "kế hoạch vốn", "nguồn vốn", "vốn được giao": a capital's name; its amount after
# the words of its name, maybe "là" and a qualifier
_CAPITAL = r"(?<!\w)(?:tổng\s+(?:nguồn\s+)?vốn|kế\s+hoạch\s+vốn|nguồn\s+vốn|vốn\s+(?:được\s+)?giao)"
_CAPITAL_AMOUNT = r"\s*(?:là|:|có)?\s*(?:khoảng|gần|hơn|trên)?\s*$"
# "nguồn vốn đầu tư của phường năm 2024 là 40 tỷ đồng, đã giải ngân được 18,2 tỷ đồng, đạt
# 45,5% kế hoạch": the capital named, its amount, then the amount disbursed of it
_CAPITAL_NAMED = rx(
    _CAPITAL
    + r"(?:\s+[^\W\d_]+){0,8}?(?:\s+(?:19|20)\d{2})?(?:\s+[^\W\d_]+){0,4}?"
    + _CAPITAL_AMOUNT
)

# "số thu giao các thôn thu là 9.800 triệu đồng, thực hiện đạt 9.200 triệu đồng, đạt 94%":
# an amount set out, then what was done of it
_DONE_AFTER = rx(r"^\s*,\s*(?:kết\s+quả\s+)?thực\s+hiện(?:\s+(?:đạt|được))?\s*$")

_DISBURSED_AFTER = rx(
    r"^\s*,\s*(?:(?:đã|mới|ước)\s+)*giải\s+ngân(?:\s+được)?\s*(?:khoảng|gần|hơn|trên)?\s*$"
)

# "nguồn vốn Chương trình 135 trên 2 tỷ 400 triệu đồng thực hiện 6 công trình, giải ngân
# …": the works the capital is for, written between its amount and the amount disbursed
_FOR_WORKS = rx(
    r"\s*,?\s*(?:để\s+)?(?:thực\s+hiện|cho)\s+\d{1,4}\s+"
    r"(?:công\s+trình|dự\s+án|hạng\s+mục|gói\s+thầu)(?!\w)"
)
# the capital of works named: as :data:`_CAPITAL_NAMED`, a programme's number or code in its
# name ("Chương trình 135", "Chương trình 30a"), or a revenue set aside for the works
# ("nguồn thu tiền sử dụng đất của tỉnh bổ sung")
_CAPITAL_OF_WORKS = rx(
    rf"(?:{_CAPITAL}|(?<!\w)nguồn\s+thu)"
    r"(?:\s+(?:[^\W\d_]+|\d{1,4}[^\W\d_]?(?!\w))){0,12}?" + _CAPITAL_AMOUNT
)
# "nguồn vốn năm 2040 chuyển sang 10 tỷ đồng", "vốn chuyển nguồn": capital carried over from
# another year, no plan of the year's
_CARRIED_OVER = rx(r"(?<!\w)chuyển\s+(?:sang|nguồn)(?!\w)")
# "đạt 80% KH năm 2040": the plan of a year named after the percentage; "Năm 2041, nguồn vốn
# năm 2040 …": a capital of another year than the sentence's
_YEAR_AFTER = re.compile(r"\s*((?:19|20)\d\d)(?!\d)")
_A_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?![\d\w])")
# "đạt 100% KH", "đạt 80% kế hoạch vốn giao": a plan the percentage names by no other giver
# or measure than the capital's
_OF_THE_CAPITAL = rx(
    r"%\s*(?:so\s+với\s+)?(?:kế\s+hoạch|kh)(?:\s+(?:vốn|năm|được\s+giao|giao))*\s*$"
)


def _capital_of_works(
    folded: str, before: list[Amount], own: Amount, s: LinkableStatement
) -> Amount | None:
    """The capital written before the works it is for, then the amount disbursed of ``s``.

    ``Nguồn vốn Chương trình 135 trên 2 tỷ 400 triệu đồng thực hiện 6 công trình, giải ngân
    2 tỷ 400 triệu đồng, đạt 100% KH``: the count of works (``công trình``, ``dự án``,
    ``hạng mục``, ``gói thầu``) is the last amount before the one disbursed; the capital is the
    amount before it, of the disbursed amount's unit, named as a capital. Only for a
    percentage of a bare plan (``KH``, ``kế hoạch vốn``): one of a giver or another measure
    (``dự toán HĐND huyện giao``) may be another amount's.
    """
    if len(before) < 2 or not _OF_THE_CAPITAL.search(fold(s.text)):
        return None
    capital, works = before[-2], before[-1]
    m = _FOR_WORKS.match(folded, capital.end)
    if m is None or not capital.end <= works.start < m.end() <= works.end + 16:
        return None
    if not same_unit(capital, own) or not _DISBURSED_AFTER.match(folded[m.end() :]):
        return None
    if not _CAPITAL_OF_WORKS.search(folded, 0, capital.start):
        return None
    return capital


def _capital_before(s: LinkableStatement, text: str) -> Amount | None:
    """The capital written right before the amount disbursed of ``s``, in its sentence.

    See :func:`link_disbursed_capital`; in the text's coordinates, None when none fits.
    """
    low = max(0, s.start - 400)
    head = max([low, *(m.end() for m in FULL_STOP.finditer(text, low, s.start))])
    folded = fold(text[head : s.start])
    before = amounts_in(folded, 0, len(folded))
    own = amounts_in(fold(s.text), 0, len(s.text))
    if not before or not own or own[0].value != s.actual or not isinstance(s.actual, Decimal):
        return None
    if _CARRIED_OVER.search(folded):
        return None  # carried over from another year: no plan of the year's
    years = {int(y) for y in _A_YEAR.findall(folded)}
    if (after := _YEAR_AFTER.match(text, s.end)) is not None:
        years.add(int(after.group(1)))
    if years and s.year is not None:
        years.add(s.year)
    if len(years) > 1:
        return None  # two years named: a capital or a plan of another year's
    capital = _capital_of_works(folded, before, own[0], s)
    plan = before[-1] if capital is None else capital
    if not same_unit(plan, own[0]) or plan.value < s.actual:
        return None  # all of it disbursed (100 %) is read; more than it is no capital's
    done = _DONE_AFTER.match(folded[plan.end :])
    if capital is None and not (done or _DISBURSED_AFTER.match(folded[plan.end :])):
        return None
    if capital is None and not (done or _CAPITAL_NAMED.search(folded, 0, plan.start)):
        return None
    approximate = has_qualifier(folded, plan) or s.qualifier is not None or not s.exact
    fits = triple_fits(s, plan.value, approximate=approximate)
    return shifted(plan, head) if fits else None


def link_disbursed_capital(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, an amount disbursed given the capital written right before it.

    ``Tổng vốn đầu tư công năm 2024 là 40 tỷ đồng, đã giải ngân được 18,2 tỷ đồng, đạt 45,5%
    kế hoạch``: the capital named (``tổng vốn``, ``kế hoạch vốn``, ``nguồn vốn``, ``vốn
    giao``), its amount, then ``đã giải ngân`` and the amount disbursed with its percentage
    of the plan, in one sentence (or an amount set out, then ``thực hiện đạt`` and what was
    done of it): the capital is the plan, linked and checked, when the
    three figures agree (within a point when one is approximate; a capital written
    approximately, ``gần 40 tỷ đồng``, leaves it unchecked). Round 125: the works the capital
    is for may stand between (``nguồn vốn Chương trình 135 trên 2 tỷ 400 triệu đồng thực hiện 6
    công trình, giải ngân …``, :func:`_capital_of_works`), and all of it disbursed (100 %) is
    read. Only a percentage with no target of its own.
    """
    out = list(statements)
    for i, s in enumerate(statements):
        if (
            s.target is not None
            or s.link_start is not None
            or s.stated_kind != "attainment"
            or not isinstance(s.actual, Decimal)
            or s.measure is None
        ):
            continue
        plan = _capital_before(s, text)
        if plan is None:
            continue
        out[i] = with_plan(s, plan, text)
        if plan_qualifier(text, plan) is not None and out[i].verdict != "unchecked":
            # "gần 40 tỷ đồng": the plan written approximately
            out[i] = unchecked(out[i], "target_approximate")
    return out
