"""Flags: statements another reading of the text contradicts, kept and flagged.

A headline qualifier the body contradicts (:func:`check_headline_qualifiers`), a month's amount
larger than the months that hold it (:func:`check_month_amounts`), a month's percentage of a
plan that the months' own denies (:func:`check_month_percentages`), two percentages of one
named budget that cannot both hold (:func:`check_one_budget`), a floor a list's own items
contradict (:func:`check_listed_floors`) and a remainder that does not make up a result's plan
(:func:`check_written_remainders`). What another reading leaves out is in
:mod:`kpitools.extract.checks`.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.amounts import (
    FULL_STOP,
    MEASURE_NAMES,
    MEASURE_NAMES_RX,
    PLAN_MEASURES,
    Amount,
    amounts_in,
    clause_head,
    last_end,
)
from kpitools.extract.context_kinds import PART_OPENS
from kpitools.extract.linking import NO_PERCENT, amount, flagged_statement, percent_of
from kpitools.extract.notes import noted, seg
from kpitools.extract.text import PLAN_NOUNS
from kpitools.numbers import parse_number, parse_percent
from kpitools.textfold import fold, rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement


# --------------------------------------------------------------------------- a month and its months

_IN_MONTH = rx(r"(?<!\w)(?:trong|của)\s+tháng(?!\w)(?!\s+(?:đầu|qua))")

_MONTHS = rx(r"(?<!\w)(\d{1,2})\s+tháng(?!\w)")

_MONTH_WINDOW = 1200


def _lead_of(text: str, s: LinkableStatement, floor: int) -> str:
    """The folded words of the sentence of ``s`` before its figure (from ``floor``)."""
    return fold(text[last_end(FULL_STOP, text, s.start, floor) : s.start])


def _line_floor(text: str, pos: int, reach: int) -> int:
    """The start of the line of ``pos``, or ``reach`` characters before it.

    The later of the two: a long line's start is no floor (linear in the text).
    """
    low = max(0, pos - reach)
    return text.rfind("\n", low, pos) + 1 or low


def _months_of(text: str, s: LinkableStatement) -> int | None:
    """The number of months a cumulative amount ``s`` is of, or None.

    Named earlier in its paragraph (``Tính chung 10 tháng …``).
    """
    floor = _line_floor(text, s.start, _MONTH_WINDOW)
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
    amounts = [(i, c) for i, c in enumerate(statements) if amount(c)]
    for i, s in amounts:
        floor = _line_floor(text, s.start, 300)
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
            out[i] = flagged_statement(
                s,
                "month_above_months",
                a=f"{s.actual:f}",
                t=f"{whole.actual:f}",
                months=months,
                text=whole.text,
            )
    return out


# "xuất khẩu tháng 4 ước đạt …": one month named before the figure (not "4 tháng")
_ONE_MONTH = rx(r"(?<![\w,.])tháng\s+(?:\d{1,2}|này)(?![\w/])")

_PLAN_AFTER = rx(
    rf"^\s*(?:so\s+(?:với\s+)?)?({PLAN_NOUNS}"
    r"(?:\s+(?:cả\s+)?năm)?)(?!\w)"
)

MONTH_PERCENT_FACTOR = Decimal(2)
"""How far (a factor) a month's percentage of the year's plan must be from the one the
months to date give it before it is flagged (both figures may be approximate)."""


def check_month_percentages(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, a month's percentage of a plan its months' percentage denies flagged.

    ``Doanh thu du lịch tháng 5 ước đạt 200 tỷ đồng, bằng 25% kế hoạch năm. Tính chung 5
    tháng, doanh thu du lịch đạt 800 tỷ đồng, bằng 25,5% kế hoạch năm``: of one plan, the
    month's 200 can only be a quarter of the months' percentage (about 6,4 %), not 25 %. Both
    are attainments of the same plan words, of the same measure named before them and the
    same unit of count, in one paragraph; the month's sentence names one month (``tháng 5``),
    the other's a number of months; the month's amount is the smaller and its percentage off
    by more than :data:`MONTH_PERCENT_FACTOR` either way. The month's statement is flagged.
    """
    out = list(statements)
    attained = sorted(
        ((c.start, i) for i, c in enumerate(statements) if _month_percent_key(c, text)),
    )
    starts = [start for start, _ in attained]
    for _, i in attained:
        s = statements[i]
        if _months_of_sentence(text, s) is not None or not _ONE_MONTH.search(_own_lead(text, s)):
            continue
        low = bisect.bisect_left(starts, s.start - _MONTH_WINDOW)
        high = bisect.bisect_right(starts, s.start + _MONTH_WINDOW)
        for _, j in attained[low:high]:  # neighbours only: linear in the text
            found = _months_denying(text, s, statements[j])
            if found is not None:
                out[i] = found
                break
    return out


def _own_lead(text: str, s: LinkableStatement) -> str:
    return _lead_of(text, s, _line_floor(text, s.start, 300))


def _months_of_sentence(text: str, s: LinkableStatement) -> int | None:
    months = [int(m.group(1)) for m in _MONTHS.finditer(_own_lead(text, s))]
    return months[-1] if months and months[-1] >= 2 else None


def _month_percent_key(s: LinkableStatement, text: str) -> str | None:
    """The plan words after the percentage of an attainment of an amount, or None."""
    if s.stated_kind != "attainment" or not isinstance(s.actual, Decimal) or not s.stated:
        return None
    at = s.text.rfind(s.stated)
    if at < 0 or s.actual <= 0:
        return None
    pos = s.start + at + len(s.stated)
    m = _PLAN_AFTER.match(fold(text[pos : pos + 40]))
    return " ".join(m.group(1).split()) if m else None


def _months_denying(
    text: str, s: LinkableStatement, c: LinkableStatement
) -> LinkableStatement | None:
    """``s`` flagged when the months' attainment ``c`` denies its percentage (see above)."""
    months = _months_of_sentence(text, c)
    if (
        months is None
        or abs(c.start - s.start) > _MONTH_WINDOW
        or "\n" in text[min(s.end, c.end) : max(s.start, c.start)]
        or c.measure != s.measure
        or _month_percent_key(c, text) != _month_percent_key(s, text)
        or not _measures_before(text, s)
        or _measures_before(text, s) != _measures_before(text, c)
    ):
        return None
    assert isinstance(s.actual, Decimal) and isinstance(c.actual, Decimal)
    mine, theirs = percent_of(s), percent_of(c)
    if mine is None or theirs is None or not s.actual < c.actual or theirs.value <= 0:
        return None
    expected = theirs.value * s.actual / c.actual
    if expected / MONTH_PERCENT_FACTOR <= mine.value <= expected * MONTH_PERCENT_FACTOR:
        return None
    return flagged_statement(
        s,
        "month_percent_of_months",
        stated=s.stated,
        a=f"{s.actual:f}",
        months=months,
        text=c.text,
        t=f"{c.actual:f}",
        stated2=c.stated,
        expected=f"{expected:.1f}",
    )


_SUBJECT_END = rx(r"(?<!\w)(?:trong\s+tháng|ước|đạt|là|được|có|tăng|giảm)(?!\w)")


def _subject(text: str, s: LinkableStatement) -> str:
    """The words that name what the amount ``s`` is of, folded.

    Its sentence's words before the first verb or ``trong tháng`` (``tổng thu từ hoạt động
    du lịch``).
    """
    floor = _line_floor(text, s.start, 300)
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
    figure, rounded), and no qualified figure of the body (``khoảng 2,06 nghìn hội viên``
    under ``Trên 2 nghìn hội viên``) agrees with it: the headline then repeats that one, and
    an exact figure near it is a part or another measure; and no figure of the body is the
    headline's own digits written without the qualifier (``trên 38 nghìn tỷ`` and ``38 nghìn
    tỷ``: the body rounds the same figure, it does not contradict it); the nearest is cited. The
    headline's figure becomes a statement of its own, ``inconsistent``, with no percentage
    (it claims no attainment).
    """
    line = text.find("\n")
    if not 0 < line <= HEADLINE_LINE:
        return list(statements)
    folded = fold(text[:line])
    body = [s for s in statements if s.start > line and _exact_amount(s)]
    rounded = [s for s in statements if s.start > line and _rounded_amount(s)]
    found: list[LinkableStatement] = []
    for a in amounts_in(folded, 0, line):
        q = _HEADLINE_QUALIFIER.search(folded, max(0, a.start - 8), a.start)
        if q is None or not a.unit[1]:
            continue
        same = [
            s
            for s in body
            if _same_headline_figure(text, s, a)
            and not _other_company(text, line, s)
            and not _other_period(folded, text, line, s)
            and not _part_of_whole(text, line, s)
        ]
        near = [s for s in rounded if _same_headline_figure(text, s, a)]
        if any(_agrees_with(q.group(1), s.actual, a.value) for s in near):
            continue  # the body's own rounded figure agrees: the headline repeats that one
        if any(s.actual == a.value for s in same):
            continue  # the same digits written plainly: the body rounds them as well
        if same and not any(_agrees_with(q.group(1), s.actual, a.value) for s in same):
            nearest = min(same, key=lambda s: abs(s.actual - a.value))  # type: ignore[operator]
            found.append(_contradicted(nearest, a, q, text))
    return sorted([*statements, *found], key=lambda s: s.start) if found else list(statements)


# "MB", "BIDV", "FPT": a company or bank named by capitals (two or more)
_CAPITALS = re.compile(r"(?<!\w)[A-ZĐ]{2,}(?!\w)")

_OWN_SENTENCE = 300


def _other_company(text: str, line: int, s: LinkableStatement) -> bool:
    """Whether the sentence of ``s`` names another company than the headline's.

    By capitals: it names only companies the headline (up to ``line``) does not, while the
    headline names one.
    """
    own = set(_CAPITALS.findall(text[:line]))
    low = max(line, s.start - _OWN_SENTENCE)
    stop = max(text.rfind(". ", low, s.start), text.rfind("\n", low, s.start))
    named = set(_CAPITALS.findall(text[max(low, stop) : s.start]))
    return bool(own) and bool(named) and not named & own


def _part_of_whole(text: str, line: int, s: LinkableStatement) -> bool:
    """Whether ``s`` is a part of a whole, not the headline's figure.

    Its sentence names ``trong đó`` before it (``Trong đó, vốn A giải ngân 412,5 tỷ đồng``),
    or its paragraph opens with ``Trong đó,`` and its sentence names no total (``tổng``).
    """
    low = max(line, s.start - _OWN_SENTENCE)
    stop = max(text.rfind(". ", low, s.start), text.rfind("\n", low, s.start))
    own = fold(text[max(low, stop) : s.start])
    if PART_OPENS.search(own) is not None:
        return True
    # a paragraph that opens with "Trong đó," lists parts: a sentence of it that names no
    # total ("Tổng thu …") is one
    opening = text.rfind("\n", max(line, s.start - _OWN_PARAGRAPH), s.start)
    return (
        opening >= 0
        and _PART_OPENING.match(fold(text[opening + 1 : s.start])) is not None
        and _TOTAL.search(own) is None
    )


_PART_OPENING = rx(r"\s*trong\s+đó\s*,")
_TOTAL = rx(r"(?<!\w)tổng(?!\w)")


# "quý II", "quý 3": a quarter named; "lũy kế", "6 tháng", "sáu tháng", "nửa đầu năm": a
# period of several quarters. Not :data:`~kpitools.extract.periods.MONTHS_COUNTED`: this
# headline check reads any number before "tháng" (a date's too) and no "2 quý" or "ba
# tháng"; the two give other answers on such text, so they stay apart (session 32's clean-up
# changed no behaviour)
_QUARTER = rx(r"(?<!\w)quý\s+(?:[ivx]+|\d)(?!\w)")

_SEVERAL_QUARTERS = rx(r"(?<!\w)(?:l[uũ][yỹ]\s+kế|(?:\d+|sáu|chín)\s+tháng|nửa\s+đầu\s+năm)(?!\w)")

_OWN_PARAGRAPH = 600


def _other_period(folded: str, text: str, line: int, s: LinkableStatement) -> bool:
    """Whether ``s`` is of a longer period than the quarter the headline names.

    The headline (``folded``) names a quarter, and the paragraph of ``s``, up to it, names a
    run of months or an accumulation and no quarter: the body's figure is of another period.
    """
    if _QUARTER.search(folded) is None:
        return False
    low = max(line, s.start - _OWN_PARAGRAPH)
    own = fold(text[max(low, text.rfind("\n", low, s.start)) : s.start])
    return _SEVERAL_QUARTERS.search(own) is not None and _QUARTER.search(own) is None


def _exact_amount(s: LinkableStatement) -> bool:
    return isinstance(s.actual, Decimal) and s.qualifier is None and s.actual > 0


def _rounded_amount(s: LinkableStatement) -> bool:
    return isinstance(s.actual, Decimal) and s.qualifier is not None and s.actual > 0


def _same_headline_figure(text: str, s: LinkableStatement, a: Amount) -> bool:
    """Whether ``s``'s actual is the headline amount ``a``, said exactly.

    Within :data:`SAME_HEADLINE_FIGURE` of it, and written with the same word after it.
    """
    assert isinstance(s.actual, Decimal)
    if abs(s.actual - a.value) > SAME_HEADLINE_FIGURE * a.value:
        return False
    words = fold(text[s.start : s.end])
    own = [b for b in amounts_in(words, 0, len(words)) if b.value == s.actual]
    return bool(own) and own[0].unit[1] == a.unit[1]


def _agrees_with(qualifier: str, actual: object, written: Decimal) -> bool:
    """Whether an exact figure agrees with ``qualifier written`` (``trên 38`` and 38,1)."""
    assert isinstance(actual, Decimal)
    return actual < written if qualifier == fold("gần") else actual > written


def _contradicted(
    s: LinkableStatement, a: Amount, q: re.Match[str], text: str
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
        **NO_PERCENT,
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
    measure, of one year (each year has its own plan), and budgets within
    :data:`ONE_BUDGET_SPREAD`; not when another percentage of either figure of that budget
    fits the other (a second reading of the budget, such as the plan without its later
    supplements). The later statement is flagged, unless a plan written in the text (a target
    of its own, of that currency) gives the later percentage and not the earlier: then the
    earlier is the one its figures deny (:func:`_written_plan_of`).
    """
    out = list(statements)
    written = named_plan_leads(statements, text)
    plans: dict[tuple[str, str], list[Decimal]] = {}
    groups: dict[tuple[str, str], list[_Implied]] = {}
    for i, s in enumerate(statements):
        key = named_budget_key(s, text)
        if key is not None:
            groups.setdefault(key, []).append((i, *implied_budget(s)))
    for key, members in groups.items():
        members.sort(key=lambda m: statements[m[0]].start)
        starts = [statements[m[0]].start for m in members]
        for k, later in enumerate(members):
            near = members[bisect.bisect_left(starts, starts[k] - ONE_BUDGET_WINDOW) : k + 1]
            earlier = next(
                (e for e in near if _cannot_both(statements, text, near, e, later)), None
            )
            if earlier is None:
                continue
            if key not in plans:
                plans[key] = _written_plans(written, key)
            plan = _written_plan_of(plans[key], later, earlier)
            if plan is None:
                out[later[0]] = _two_budgets(
                    statements[later[0]], statements[earlier[0]], later, earlier
                )
            else:
                out[earlier[0]] = _two_budgets(
                    statements[earlier[0]], statements[later[0]], earlier, later, plan
                )
    return out


def _written_plans(
    written: Sequence[tuple[int, LinkableStatement, str]], key: tuple[str, str]
) -> list[Decimal]:
    """The plans of the currency of ``key`` whose clause names its budget, sorted.

    Of ``written`` (:func:`named_plan_leads`), by :func:`named_plan_pattern`.
    """
    name = named_plan_pattern(key[0])
    if name is None:
        return []
    return sorted(
        t.target
        for _, t, lead in written
        if isinstance(t.target, Decimal)
        and t.measure is not None
        and t.measure.split()[-1] == key[1]
        and name.search(lead) is not None
    )


def _written_plan_of(values: list[Decimal], later: _Implied, earlier: _Implied) -> Decimal | None:
    """A written plan the ``later`` percentage rounds from and the ``earlier`` does not.

    ``… 1.026.662,1 tỷ đồng`` written, then ``264.224,7 tỷ đồng, đạt 24,2% kế hoạch …``
    (a plan of 1.089.586 to 1.094.098) and ``299.501 tỷ đồng, đạt 29,2% kế hoạch …`` (of
    1.023.935 to 1.027.448): the plan written is the later's, the earlier's figures deny it.
    A plan of another measure or assigner (``kế hoạch thu ngân sách … là …``) decides nothing.
    """

    def within(low: Decimal, high: Decimal) -> Decimal | None:
        at = bisect.bisect_left(values, low)
        return values[at] if at < len(values) and values[at] <= high else None

    plan = within(later[1], later[2])
    return plan if plan is not None and within(earlier[1], earlier[2]) is None else None


_PLAN_LEAD_REACH = 300
"""How far before a plan's figure (characters) its sentence's words are read."""

# a sentence's end, or a clause's: "… là 1.026,1 tỷ đồng; bao gồm: vốn A là 376,4 tỷ đồng"
# names its parts after the plan's own clause
_CLAUSE_END = re.compile(r"[.!?]\s|\n|[;:]")

# words of a named plan that say nothing of who assigned it
_NOT_NAMES = frozenset(("đã", "được", "vốn"))


def named_plan_leads(
    statements: Sequence[LinkableStatement], text: str
) -> list[tuple[int, LinkableStatement, str]]:
    """The plans written as targets of their own, with their clause's folded words before.

    Sorted by where they start.
    """
    out = []
    for t in statements:
        if t.actual is None and isinstance(t.target, Decimal) and t.measure and t.target > 0:
            floor = max(0, t.start - _PLAN_LEAD_REACH)
            lead = fold(text[last_end(_CLAUSE_END, text, t.start, floor) : t.start])
            out.append((t.start, t, lead))
    out.sort(key=lambda p: p[0])
    return out


_NAME_PATTERNS: dict[str, re.Pattern[str] | None] = {}


def named_plan_pattern(name: str) -> re.Pattern[str] | None:
    """The plan noun, then who assigned it and ``giao``, as a plan's sentence writes them.

    ``kế hoạch thủ tướng chính phủ giao`` finds ``kế hoạch … đã được thủ tướng chính phủ
    giao``; None when the name says no one (``dự toán giao``).
    """
    if name not in _NAME_PATTERNS:
        words = name.split()
        who = [w for w in words[2:] if w not in _NOT_NAMES]
        if len(who) < 2 or who[-1] != "giao":
            _NAME_PATTERNS[name] = None
        else:
            between = r"\s+(?:(?:đã|được)\s+)*"
            _NAME_PATTERNS[name] = re.compile(
                rf"(?<!\w){re.escape(' '.join(words[:2]))}(?!\w).{{0,150}}?(?<!\w)"
                + between.join(re.escape(w) for w in who)
                + r"(?!\w)"
            )
    return _NAME_PATTERNS[name]


def named_budget_key(s: LinkableStatement, text: str) -> tuple[str, str] | None:
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


def implied_budget(s: LinkableStatement) -> tuple[Decimal, Decimal]:
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
    if first.year is not None and second.year is not None and first.year != second.year:
        return False  # a plan of each year, assigned by the same level
    if not (e[2] < later[1] or later[2] < e[1]):
        return False  # the ranges meet: one budget gives both
    if abs(e[1] - later[1]) > ONE_BUDGET_SPREAD * e[1] or not same_measures(text, first, second):
        return False
    return not any(
        statements[m[0]].actual == statements[a[0]].actual
        and m is not a
        and not (m[2] < b[1] or b[2] < m[1])
        for a, b in ((e, later), (later, e))
        for m in members
    )


def same_measures(text: str, a: LinkableStatement, b: LinkableStatement) -> bool:
    """Whether the sentences of ``a`` and ``b`` name no differing measure before them."""
    x, y = _measures_before(text, a), _measures_before(text, b)
    return not x or not y or x == y


def _measures_before(text: str, s: LinkableStatement) -> set[str]:
    """The measures named in the sentence of ``s`` before it.

    A total revenue is the budget's revenue (:data:`PLAN_MEASURES`).
    """
    low = max(0, s.start - 300)
    folded = fold(text[low : s.start])  # the window only: memory stays linear in the text
    head = clause_head(folded, len(folded), 0)
    named = (
        MEASURE_NAMES[" ".join(m.group().split())] for m in MEASURE_NAMES_RX.finditer(folded, head)
    )
    return {PLAN_MEASURES.get(m, m) if m == "tổng thu" else m for m in named}


def _two_budgets(
    s: LinkableStatement,
    other: LinkableStatement,
    mine: _Implied,
    theirs: _Implied,
    plan: Decimal | None = None,
) -> LinkableStatement:
    """``s`` flagged: its percentage and ``other``'s imply two budgets.

    ``plan``: the plan written in the text that ``other``'s percentage gives, when one does.
    """
    fields = {
        "stated": s.stated,
        "low": f"{mine[1]:.0f}",
        "high": f"{mine[2]:.0f}",
        "text": other.text,
        "low2": f"{theirs[1]:.0f}",
        "high2": f"{theirs[2]:.0f}",
    }
    if plan is None:
        return flagged_statement(s, "one_budget", **fields)
    return flagged_statement(s, "one_budget_written", plan=f"{plan:f}", **fields)


# --------------------------------------------------------------------------- floors of lists

# "… ba đảng bộ hoàn thành trên 60% chỉ tiêu kết nạp, gồm: …": a list opens after it
_LIST_OPENS = rx(r"^[^.;:]{0,60}?(?:bao\s+gồm|gồm|như|cụ\s+thể)?\s*:")

# "riêng …", "còn …": an item set apart from the list, not one of it
_SET_APART = rx(r"(?<!\w)(?:riêng|còn|ngoài\s+ra|trừ)(?!\w)[^;]*$")

_FLOORS = frozenset(("trên", "hơn"))

_LIST_ITEMS = 30
"""How many statements after a floor its list is looked for in (keeps the pass linear)."""


def check_listed_floors(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, a floor a list's own items contradict flagged.

    ``Ba đảng bộ hoàn thành trên 60% chỉ tiêu kết nạp, gồm: … Đảng bộ A kết nạp 6 đảng
    viên, đạt 60%; …``: ``trên 60%`` says every listed unit is above 60 %, and an item at
    60 % or below says otherwise (the finding is the floor's statement). The list opens with
    a colon right after the floor and runs to the end of its sentence; an item set apart
    (``riêng …``) is not one of it.
    """
    out = list(statements)
    for i, h in enumerate(statements):
        p = percent_of(h)
        if (
            h.stated_kind != "attainment"
            or h.actual is not None
            or h.qualifier not in _FLOORS
            or p is None
        ):
            continue
        opens = _LIST_OPENS.match(fold(text[h.end : h.end + 120]))
        if opens is None:
            continue
        low = h.end + opens.end()
        high = _sentence_end(text, low)
        below = [
            s
            for s in statements[i + 1 : i + 1 + _LIST_ITEMS]
            if low <= s.start < high and _at_most(s, p.value, text, low)
        ]
        if below:
            out[i] = flagged_statement(
                h,
                "floor_listed",
                percent=p.value,
                n=len(below),
                items="; ".join(text[s.start : s.end] for s in below[:3]),
            )
    return out


def _sentence_end(text: str, start: int) -> int:
    ends = [e for e in (text.find(". ", start), text.find("\n", start)) if e >= 0]
    return min(ends) if ends else len(text)


def _at_most(s: LinkableStatement, floor: Decimal, text: str, low: int) -> bool:
    """Whether the listed item ``s`` states an exact attainment not above ``floor``."""
    q = percent_of(s)
    return (
        s.stated_kind == "attainment"
        and s.qualifier is None
        and q is not None
        and q.value <= floor
        and _SET_APART.search(fold(text[max(low, s.start - 80) : s.start])) is None
    )


# "…, đạt 88%, còn lại 70 tỷ đồng chưa giao": what is left of the plan, written right after
# the result's attainment
_LEFT_AFTER = rx(r"\s*,\s*còn\s+lại\s+(?=\d)")

_NUMERAL = re.compile(r"\d[\d.,]*\d|\d")


def check_written_remainders(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, a remainder that does not make up a result's plan flagged.

    ``… là 500 tỷ đồng, … đã giao … là 440 tỷ đồng, đạt 88%, còn lại 70 tỷ đồng chưa giao``
    (the remainder written right after the result and its percentage): 440 + 70 is not
    500, so the remainder (the finding's span) or a figure is wrong. Only
    after an exact result with a single plan of its own sentence, the remainder counted in
    the result's words; the figures are compared to their last written digits.
    """
    out = list(statements)
    for i, s in enumerate(statements):
        if not _remainder_checkable(s):
            continue
        left = _LEFT_AFTER.match(fold(text[s.end : s.end + 40]))
        if left is None:
            continue
        low = s.end + left.end()
        window = fold(text[low : low + 40])
        rest = next(iter(amounts_in(window, 0, 40)), None)
        own_text = fold(text[s.start : s.end])
        own = {a.value: a for a in amounts_in(own_text, 0, len(own_text))}
        actual, plan = own.get(s.actual), own.get(s.target)  # type: ignore[arg-type]
        if rest is None or rest.start != 0 or actual is None or plan is None:
            continue
        if rest.unit != actual.unit:
            continue
        written = (_last_digit(own_text, actual), _last_digit(window, rest))
        slack = (sum(written) + _last_digit(own_text, plan)) / 2
        if abs(actual.value + rest.value - plan.value) > slack:
            out[i] = _remainder_flagged(s, plan.value, text, (low, low + rest.end))
    return out


def _remainder_flagged(
    s: LinkableStatement, plan: Decimal, text: str, rest: tuple[int, int]
) -> LinkableStatement:
    """``s`` flagged, its span run on to the remainder at ``rest``.

    The remainder and ``s``'s result do not make up the plan.
    """
    assert isinstance(s.actual, Decimal)
    flagged = flagged_statement(
        s,
        "remainder",
        t=f"{plan:f}",
        a=f"{s.actual:f}",
        computed=f"{plan - s.actual:f}",
        stated=text[rest[0] : rest[1]],
    )
    return dataclasses.replace(flagged, end=rest[1], text=" ".join(text[s.start : rest[1]].split()))


def _last_digit(folded: str, a: Amount) -> Decimal:
    """The value of the last written digit of the amount ``a`` (``27,5 tỷ`` → 0,1 tỷ)."""
    numeral = _NUMERAL.match(folded, a.start)
    if numeral is None:
        return Decimal(0)
    try:
        written = parse_number(numeral.group())
    except ValueError:
        return Decimal(0)
    digits = numeral.group().rsplit(",", 1)
    decimals = len(digits[1]) if len(digits) == 2 and len(digits[1]) != 3 else 0
    scale = a.value / written if written else Decimal(1)
    return scale * Decimal(1).scaleb(-decimals)


def _remainder_checkable(s: LinkableStatement) -> bool:
    """Whether ``s`` is an exact result against one plan of its own sentence.

    Its stated percentage, if any, agrees with the two.
    """
    return (
        isinstance(s.actual, Decimal)
        and isinstance(s.target, Decimal)
        and s.exact
        and s.link_start is None
        and s.verdict in (None, "consistent")
    )
