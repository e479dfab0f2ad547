"""Results of part of a year set against the year's plan where no percentage says so.

A result with no percentage of its own takes the year's plan stated near it
(:func:`link_unstated_plans`); money amounts of a quarter or some months, the plan of their
measure (:func:`link_part_year_amounts`); a plan a sentence says was met, the result of its
measure (:func:`link_met_plans`). A growth read with a target is also given as the pair it
states (:func:`split_growth_pairs`). A rate set against the rate aimed for it is in
:mod:`kpitools.extract.target_rates`.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.amounts import (
    APART_KINDS,
    FULL_STOP,
    MEASURE_KIND,
    MEASURE_NAMES,
    MEASURE_NAMES_RX,
    MONEY_WORDS,
    OF_A_TARGET,
    PART_OF_YEAR,
    PLAN_AMOUNT_WINDOW,
    PLAN_CUE,
    PROGRAMME_CHUNK,
    YEAR,
    Amount,
    amounts_in,
    as_result,
    clause_around,
    clause_head,
    group_scope,
    has_qualifier,
    head_of_sentence,
    measure_kind,
    measures_named,
    of_year,
    other_sentence,
    paragraph,
    part_opened,
    plan_measure,
    same_measure,
    same_period,
    scenario_of,
    sentence_span,
    sets_out_plan,
    shifted,
    thing_counted,
    units_named,
)
from kpitools.extract.carried_periods import (
    carried_fits,
    period_carried,
    plan_share_written,
)
from kpitools.extract.continued_plans import plan_going_on
from kpitools.extract.half_year import part_named_with_half
from kpitools.extract.linking import (
    NO_PERCENT,
    against_plan,
    covering_statement,
    percent_of,
    same_scope,
    with_result,
)
from kpitools.extract.notes import noted, seg
from kpitools.extract.part_counts import is_count, same_counted
from kpitools.extract.past_bases import LAST_YEAR
from kpitools.extract.periods import HALF_YEAR_WORDS, part_key
from kpitools.extract.plan_subjects import levels_apart, part_named_first
from kpitools.extract.plans_above import one_firm_above, plan_above_fits
from kpitools.extract.remainders import REMAINDER
from kpitools.extract.restated_figures import restates
from kpitools.extract.segment_owners import alike, segment_words, whole_firm_s
from kpitools.extract.share_percents import shares_not_grown
from kpitools.extract.target_words import AIM_WORDS, FORECAST_WORDS
from kpitools.extract.text import PLAN_NOUNS
from kpitools.extract.ticker_clauses import part_before_code
from kpitools.extract.undated_results import firms_agree, firms_apart, long_term, one_period
from kpitools.extract.whole_year import whole_year_result
from kpitools.extract.year_plans import NO_RANGE, RANGE_NEXT, range_low, set_out_plans
from kpitools.numbers import check_percent, try_parse_number
from kpitools.textfold import fold, rx

if TYPE_CHECKING:
    from kpitools.extract.grammar import Value
    from kpitools.extract.statements import Statement as LinkableStatement

MeasureKind = tuple[str | None, str | None]
"""A money amount's measure and kind (:func:`~kpitools.extract.amounts.measure_kind`)."""
Span = tuple[int, int]


# --------------------------------------------------------------------------- unstated plans

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
    if x and y and not x & y:
        return False
    return _listed_companies_agree(text, a, b) and one_firm_above(text, b[0], a[0])


# "(HoSE: VCB)", "mã chứng khoán: FOX", "(mã: DBC, sàn HoSE)": a listed company's ticker
_TICKER = re.compile(
    r"(?:\b(?:HoSE|HOSE|HNX|UPCoM|UPCOM)|[Mm]ã(?:\s+(?:chứng\s+khoán|CK|cổ\s+phiếu))?)"
    r"\s*:\s*([A-Z]{3})\b"
)


def _listed_companies_agree(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether the paragraphs of spans ``a`` and ``b`` may be of one listed company.

    ``Đứng thứ nhất là Ngân hàng A (HoSE: AAA) … lãi quý IV 9.000 tỷ đồng.`` and, in another
    paragraph, ``Thứ hai là Ngân hàng B (HoSE: BBB) … so với kế hoạch lợi nhuận 20.000 tỷ
    đồng``: two companies named by their tickers, so no result of one against the other's
    plan. One paragraph naming none, or both one in common, agree.
    """
    x, y = (_tickers(text, *_paragraph_of(text, *span)) for span in (a, b))
    return not (x and y) or bool(x & y)


def _paragraph_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The line ``text[start:end]`` is on (its first line's start to its last line's end)."""
    stop = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, stop if stop >= 0 else len(text)


@functools.lru_cache(maxsize=1024)  # asked of one paragraph for each of its amounts
def _tickers(text: str, start: int, end: int) -> frozenset[str]:
    """The tickers ``text[start:end]`` names (:data:`_TICKER`)."""
    return frozenset(m.group(1) for m in _TICKER.finditer(text, start, end))


def _scopes_agree(folded: str, a: Amount, plan: Amount) -> bool:
    """Whether ``a`` and ``plan`` may be of one scope of a group.

    ``Lợi nhuận hợp nhất quý I đạt 300 tỷ đồng … Công ty mẹ đặt mục tiêu lợi nhuận 900 tỷ
    đồng``: the consolidated result is not the parent's. Each is read in its own sentence
    up to its amount; one naming neither agrees.
    """
    x = group_scope(folded, clause_head(folded, a.start, 0), a.start)
    y = group_scope(folded, clause_head(folded, plan.start, 0), plan.start)
    return x is None or y is None or x == y


_YEAR_WORD = rx(r"(?<!\w)năm(?!\w)")
UNSTATED_PLAN_WINDOW = 1600
"""How far (characters, cut at a line end) from a result with no percentage the year's plan
set against it may be (reports state the year's goals at the end of an article)."""


def _part_named(folded: str, a: Amount) -> bool:
    """Whether the sentence of the amount ``a`` names a part of the year before it (or right after).

    ``Lũy kế 9 tháng, doanh thu đạt 640 tỷ đồng, tăng 12%``: a result of some months whose
    year the text leaves to the reader (the statement has no date), read as the part-year
    amounts of :func:`_part_year_amounts` are.
    """
    head = clause_head(folded, a.start, 0)
    return (
        PART_OF_YEAR.search(folded, head, a.start) is not None
        or part_named_with_half(folded, head, a)
        or _PERIOD_AFTER.match(folded, a.end) is not None
    )


_UNDATED_PLAN_REACH = 600
"""How far after a plan a percentage of a plan read with no figure keeps an undated result
from it (characters)."""


def _plan_percent_unread(
    folded: str,
    plan: Amount,
    scope: tuple[Sequence[LinkableStatement], list[int]],
    low: int,
) -> bool:
    """Whether a percentage of a plan read with no figure follows ``plan`` closely.

    ``… đặt mục tiêu doanh thu 2.400 tỷ đồng. Như vậy, công ty đã thực hiện 47% kế hoạch``:
    how far some result got against the plan is stated, and of which result is not read (no
    statement holds the percentage, or an attainment or excess with no figure does); an
    undated result (its year unwritten, so its period only guessed) is then not set against
    the plan with no percentage. Within :data:`_UNDATED_PLAN_REACH` after the plan; in the
    plan's own sentence, any percentage of a plan (its plans are that percentage's: round
    18's ``So với kế hoạch cả năm là … công ty đã hoàn thành 45% mục tiêu doanh thu``).
    """
    if _PERCENT_OF_PLAN.search(folded, *sentence_span(folded, plan)):
        return True  # "So với kế hoạch …, công ty đã hoàn thành 45% mục tiêu doanh thu"
    for m in _PERCENT_OF_PLAN.finditer(folded, plan.end, plan.end + _UNDATED_PLAN_REACH):
        at = Amount(low + m.start(), low + m.end(), Decimal(0), plan.unit)
        c = covering_statement(*scope, at)
        if c is None or (c.actual is None and c.stated_kind in _OF_PLAN_KINDS):
            return True
    return False


def _undated_plans(
    found: list[tuple[Amount, Value]],
    window: tuple[str, str, Sequence[Amount]],
    actual: Amount,
    scope: tuple[tuple[Sequence[LinkableStatement], list[int]], int],
) -> list[tuple[Amount, Value]]:
    """The plans of ``found`` an undated result ``actual`` may be set against.

    A result of some months or a quarter whose year the text does not write, read with its
    growth: the plan comes after it (the year the report goes on to plan; a plan before it
    may be another firm's in a round-up), passes the part-year amounts' check of a growth's
    amount (:func:`_one_of_period`), is no next year's (``năm tới``) nor of another year
    than the last named before the result (:func:`_result_of_plan_year`), is followed by
    no percentage of a plan read with no figure (:func:`_plan_percent_unread`), names no
    other firm (:func:`~kpitools.extract.undated_results.firms_agree`), and is of the
    result's period and whole (:func:`_undated_fits`: no past period named before the result,
    no plan of a part of the year nor of years ahead, neither measure a segment's). The cheap
    checks first: :func:`_one_of_period` reads every amount of the window.
    """
    raw, folded, amounts = window
    (ordered, low) = scope
    read: dict[int, tuple[MeasureKind, str | None]] = {}
    return [
        (a, value)
        for a, value in found
        if a.start > actual.end
        and not REMAINDER.search(folded, a.end)  # a remainder pairs it there, and checks it
        and not _NEXT_YEAR.search(folded, *sentence_span(folded, a))
        and _result_of_plan_year(folded, actual, _plan_year(ordered, a, low))
        and not _plan_percent_unread(folded, a, ordered, low)
        and firms_agree(raw, sentence_span(folded, actual), sentence_span(folded, a))
        and not firms_apart(raw, sentence_span(folded, actual), sentence_span(folded, a))
        and _undated_fits(folded, actual, a)
        and _one_of_period(folded, actual, a, (amounts, read))
    ]


def _undated_fits(folded: str, actual: Amount, plan: Amount) -> bool:
    """Whether the undated result ``actual`` and the year's ``plan`` are of one period and whole.

    Of one period (:func:`~kpitools.extract.undated_results.one_period`), and neither measure
    narrowed to a segment, a branch or another owner, nor widened to the sector (``doanh thu
    mảng bán lẻ``, ``doanh thu của chi nhánh Hà Nội``, ``doanh thu toàn ngành``).
    """
    return (
        one_period(folded, actual, plan)
        and _scopes_agree(folded, actual, plan)
        and not _of_segment(folded, actual, _NARROWED)
        and not _of_segment(folded, plan, _NARROWED)
    )


# "doanh thu mảng bán lẻ", "doanh thu của chi nhánh Hà Nội", "doanh thu toàn ngành", "lợi
# nhuận công ty mẹ": a measure narrowed to a part (or widened to a whole) of the firm's
_NARROWED = rx(
    r"(?<!\w)(?:mảng|ngành\s+hàng|phân\s+khúc|khối|chi\s+nhánh|công\s+ty\s+(?:con|mẹ)"
    r"|toàn\s+(?:ngành|tập\s+đoàn|hệ\s+thống)|riêng)(?!\w)"
)


# "Năm tới, công ty đặt kế hoạch …": the plan of the year after the result's
_NEXT_YEAR = rx(r"(?<!\w)năm\s+(?:tới|sau|kế\s+tiếp|mới)(?!\w)")


def _one_of_period(
    folded: str,
    actual: Amount,
    plan: Amount,
    window: tuple[Sequence[Amount], dict[int, tuple[MeasureKind, str | None]]],
) -> bool:
    """Whether ``actual`` is the one value of the plan's measure and kind for its period.

    And its own clause names no plan after it (``…, vượt kế hoạch quý``).

    ``Quý I, Công ty A … doanh thu thuần đạt 1.900 tỷ đồng … Cũng trong quý I, Công ty B có
    doanh thu thuần đạt 760 tỷ đồng … Công ty B đặt mục tiêu …``: whose plan, not known (the
    check :func:`_growth_amount_fits` makes of the part-year amounts; the plan's own value,
    which an unkeyed period such as the half year's would count, left out). ``window``: the
    amounts of the window and the measure, kind and period of each read so far (by start),
    each read once for all the plans of one result (:func:`_alike` reads them per pair).
    """
    amounts, read = window

    def of(b: Amount) -> tuple[MeasureKind, str | None]:
        if b.start not in read:
            read[b.start] = (measure_kind(folded, b), _period_key(folded, b))
        return read[b.start]

    stop = min([b.start for b in amounts if b.start > actual.start] + [len(folded)])
    end = _CLAUSE_END.search(folded, actual.end, stop)
    if OF_A_TARGET.search(folded, actual.end, end.start() if end else stop):
        return False  # "…, vượt kế hoạch quý": its own clause sets it against a plan
    key = of(actual)[1]
    money = actual.unit[1] in MONEY_WORDS
    alike = {
        b.value
        for b in amounts
        if b.value != plan.value
        and (
            (b.unit == actual.unit and _kinds_fit(of(b)[0], of(plan)[0]))
            if money
            else (b.unit[1] == actual.unit[1] and b.start != plan.start)
        )
        and of(b)[1] == key
    }
    return alike == {actual.value}


_CLAUSE_END = re.compile(r"[;.\n]")


def _plan_year(
    scope: tuple[Sequence[LinkableStatement], list[int]], plan: Amount, low: int
) -> int | None:
    """The year of the statement that reads ``plan`` (of a window from ``low``), if any."""
    c = covering_statement(*scope, shifted(plan, low))
    return None if c is None else c.year


def _of_part_of_year(folded: str, a: Amount) -> bool:
    """Whether the clause of the amount ``a`` names a quarter, a month or a week.

    ``kế hoạch đón 4,09 triệu lượt khách trong quý IV``: no plan of the whole year.
    """
    return PART_OF_YEAR.search(folded, *clause_around(folded, a.start, a.end)) is not None


def _unstated_plan(
    s: LinkableStatement,
    text: str,
    scope: tuple[Sequence[LinkableStatement], list[int]],
) -> tuple[Amount, Value] | None:
    """The one yearly plan amount near ``s`` that counts what ``s`` counts, or None.

    With its value: the amount's, or for a range (``đặt mục tiêu đón 1,5-1,6 triệu lượt
    khách``) its two ends, the amount then spanning both. See :func:`link_unstated_plans`.
    """
    low, high = paragraph(text, s.start, s.end, UNSTATED_PLAN_WINDOW)
    window = text[low:high]
    folded = fold(window)
    amounts = amounts_in(folded, 0, len(folded))
    own = [a for a in amounts if a.value == s.actual and s.start - low <= a.start < s.end - low]
    if not own or not own[0].unit[1]:
        return None
    actual = own[0]
    if s.as_of is None and not _part_named(folded, actual):
        return None
    thing = thing_counted(folded, actual)
    if (thing is None and actual.unit[1] not in MONEY_WORDS) or _of_segment(
        folded, actual, _LINE_OF_GOODS
    ):
        return None  # a line of goods' amount is no result of the company's plan
    named = units_named(window, clause_head(folded, actual.start, 0), s.end - low)
    measures = measures_named(folded, actual.start, actual.end)
    found = [
        (a, value)
        for a, value in _plan_amounts(folded, amounts)
        if a.unit == actual.unit
        and _same_thing(folded, actual, thing, a)
        and (value[0] if isinstance(value, tuple) else value) > actual.value
        and other_sentence(folded, actual, a)
        and same_period(folded, a, (clause_head(folded, actual.start, 0), s.end - low))
        and of_year(folded, a, s.year)
        and (sets_out_plan(folded, a, 0) or _listed_plan(folded, a, amounts))
        and not has_qualifier(folded, a)
        and (isinstance(value, tuple) or not _range_end(folded, a))
        and not _of_part_of_year(folded, a)
        and _YEAR_WORD.search(folded, *sentence_span(folded, a))
        and same_measure(measures, folded, a)
        and units_named(window, *sentence_span(folded, a)) <= named
        and _owners_agree(window, sentence_span(folded, actual), sentence_span(folded, a))
        and same_scope(s, covering_statement(*scope, shifted(a, low)))
    ]
    if s.as_of is None:
        found = _undated_plans(found, (window, folded, amounts), actual, (scope, low))
    if len({value for _, value in found}) > 1:
        found = _of_its_kind(folded, actual, found)
    if len({value for _, value in found}) != 1:
        return None
    return shifted(found[0][0], low), found[0][1]


def _of_its_kind(
    folded: str, actual: Amount, found: list[tuple[Amount, Value]]
) -> list[tuple[Amount, Value]]:
    """The plans of ``found`` of the money result ``actual``'s own measure and kind.

    ``Quý II, lợi nhuận trước thuế đạt 415 tỷ đồng. … Năm 2041, công ty đặt mục tiêu lợi
    nhuận trước thuế 1.160 tỷ đồng, lợi nhuận công ty mẹ 842 tỷ đồng``: both plans are of
    profit, one of the result's kind (``trước thuế``) written on both sides; the other, of
    no kind or another, is not the result's plan. None when the result names no kind.
    """
    measure, kind = measure_kind(folded, actual)
    if measure is None or kind is None or actual.unit[1] not in MONEY_WORDS:
        return []
    return [(a, value) for a, value in found if measure_kind(folded, a) == (measure, kind)]


# "… doanh thu đạt 900 tỷ đồng trong năm 2041, tăng 9% so với năm 2040, và lợi nhuận sau
# thuế đạt 70 tỷ đồng": what may stand between a plan's amount and the next item of its
# list, up to that item's measure (its name, its kinds and its verb follow)
_ITEM_JOIN = rx(
    r"(?:\s+trong\s+năm\s+\d{4})?(?:\s*,\s*(?:tăng|giảm)\s[^,;:.()]{1,40}?)?"
    r"(?:\s*,\s*(?:và\s+)?|\s+và\s+)"
)
_ITEM_VERB = rx(r"(?:\s+(?:dự\s+kiến\s+)?(?:là|đạt))?\s*")


def _listed_plan(folded: str, a: Amount, amounts: Sequence[Amount]) -> bool:
    """Whether the amount ``a`` is a later item of a plan's list, named by its measure.

    ``Năm 2041, công ty đặt mục tiêu doanh thu đạt 900 tỷ đồng, tăng 9%, và lợi nhuận sau
    thuế đạt 70 tỷ đồng``: the amount before ``a`` in its sentence sets out a plan
    (:func:`sets_out_plan`, or is such an item itself), and only a list's joint (``và``, a
    comma; a growth of the item before), a measure's name (:data:`MEASURE_NAMES`) with its
    kinds and a plan's verb stand between. A result after the plan (``…, quý I đã thu
    120 tỷ đồng``) names no measure right after the joint and is none.
    """
    head = clause_head(folded, a.start, 0)
    before = [b for b in amounts if head <= b.start and b.end <= a.start and b.unit[1]]
    if not before:
        return False
    b = before[-1]
    join = _ITEM_JOIN.match(folded, b.end)
    named = MEASURE_NAMES_RX.match(folded, join.end()) if join else None
    if named is None:
        return False
    at = named.end()
    for _ in range(2):
        kind = MEASURE_KIND.match(folded, at)
        at = kind.end() if kind else at
    verb = _ITEM_VERB.match(folded, at)
    if verb is None or verb.end() != a.start:
        return False
    return sets_out_plan(folded, b, 0) or _listed_plan(folded, b, before[:-1])


def _plan_amounts(folded: str, amounts: list[Amount]) -> list[tuple[Amount, Value]]:
    """The amounts that may be plans, each with its value.

    A range's upper end spans the range and has both ends as its value
    (:func:`~kpitools.extract.year_plans.range_low`); an end of a range that cannot be a
    plan's is left out.
    """
    out: list[tuple[Amount, Value]] = []
    for a in amounts:
        lower = range_low(folded, a)
        if lower is None:
            out.append((a, a.value))
        elif lower != NO_RANGE:
            out.append((Amount(lower[0], a.end, a.value, a.unit), (lower[1], a.value)))
    return out


# "từ 2.000 tỷ đồng đến 2.400 tỷ đồng": the last end of a range (the first: RANGE_NEXT)
_RANGE_BEFORE = rx(r"(?<!\w)từ\s+\d[\d.,]*[^\d,;.]{0,25}?\s(?:đến|tới)\s*$")


def _range_end(folded: str, a: Amount) -> bool:
    """Whether the amount ``a`` is an end of a range (the plan is the range, read apart)."""
    return bool(
        RANGE_NEXT.match(folded, a.end)
        or _RANGE_BEFORE.search(folded, max(0, a.start - 60), a.start)
    )


def _same_thing(folded: str, actual: Amount, thing: str | None, a: Amount) -> bool:
    """Whether the plan amount ``a`` counts what ``actual`` counts (``thing``, its words).

    The same words after the unit word (``triệu lượt khách``); for money, whose unit word
    ends the figure, the plan's words after it (``6 tỷ USD vốn FDI``) all named in the
    result's sentence before it (``thu hút 245 dự án FDI mới với tổng vốn đăng ký hơn 4,68
    tỷ USD``).
    """
    own = thing_counted(folded, a)
    if thing is not None:
        return own == thing
    if _same_measure_kind(folded, actual, a):
        return True
    lead = set(folded[clause_head(folded, actual.start, 0) : actual.start].split())
    if own is None:
        # "phấn đấu doanh thu du lịch của tỉnh đạt 37.500 tỷ đồng": the measure named
        # between the aim and the amount, every word of it in the result's sentence
        named = _aimed_measure(folded, a)
        return len(named) >= _AIMED_MEASURE_WORDS and named <= lead
    return set(own.split()) <= lead


def _same_measure_kind(
    folded: str, actual: Amount, plan: Amount, kind: MeasureKind | None = None
) -> bool:
    """Whether two money amounts are of one named measure and kind (:func:`measure_kind`).

    ``doanh thu thuần đạt 8.000 tỷ đồng`` and ``kế hoạch doanh thu thuần (30.000 tỷ đồng)``; a
    kind on one side only (``lợi nhuận``, ``lợi nhuận sau thuế``) fits unless it names another
    measure (:data:`APART_KINDS`: ``doanh thu tài chính``); two kinds do not (but see
    :func:`alike`). ``kind``: the plan's, when read otherwise (an item of a plan's list).
    """
    return _kinds_fit(measure_kind(folded, actual), kind or measure_kind(folded, plan))


def _kinds_fit(first: MeasureKind, second: MeasureKind) -> bool:
    """Whether two measures and kinds read are one (see :func:`_same_measure_kind`)."""
    (m, k), (n, j) = first, second
    one_side = None in (k, j) and not {k, j} & APART_KINDS
    return m is not None and m == n and (k == j or one_side)


_AIMED_MEASURE_WORDS = 3
_AIM_FILLER = frozenset(fold(w) for w in ("đạt", "là", "sẽ", "trên", "hơn", "gần", "khoảng"))


def _aimed_measure(folded: str, a: Amount) -> set[str]:
    """The words between the last plan cue of ``a``'s sentence and ``a`` (no filler)."""
    head = clause_head(folded, a.start, 0)
    cues = list(PLAN_CUE.finditer(folded, head, a.start))
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
    900 tỷ đồng doanh thu, công ty đã hoàn thành 46% mục tiêu doanh thu``), nor by one left
    with no result there (of which result, unknown). Nothing confirms the link (no
    percentage), so the words must match exactly: precision first. A result with no date
    (its text names no year) is taken when its sentence names a quarter, some months or the
    half year, its figure is set against no plan yet, and the plan comes after it
    (:func:`_undated_plans`).
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
    # the figures percentages are stated of, and where; None for a percentage of a plan
    # whose figure was not read
    stated = [
        (c.actual, c.start)
        for c in statements
        if c.stated_percent is not None
        and (c.actual is not None or c.stated_kind in ("attainment", "excess"))
    ]
    # the plans stated, by a percentage, against a measure: (its label, plan, where)
    attained = [
        (c.label, c.target, c.start)
        for c in statements
        if c.stated_kind in _OF_PLAN_KINDS and c.target is not None
    ]
    paired: dict[str | None, list[Decimal]] = {}  # figures set against a plan, by growth
    # figures set against a plan anywhere (an undated result is kept from a second plan, as
    # the part-year amounts are in link_part_year_amounts)
    claimed = {c.actual for c in statements if c.target is not None}
    for s in statements:
        out.append(s)
        if (
            (s.actual, bisect.bisect(line_ends, s.start)) in placed
            or s.target is not None
            or s.link_start is not None
            or not isinstance(s.actual, Decimal)
            or s.stated_kind not in (None, "growth")
            or (s.as_of is None and (s.year is not None or s.actual in claimed))
            or (s.as_of is not None and s.as_of.month == 12)
            or s.term is not None
        ):
            continue
        found = None if _part_not_of_period(s, text) else _unstated_plan(s, text, scope)
        if (
            found is not None
            and not _stated_beside(stated, s, found[0], text)
            and not _plan_of_another(attained, s, found, text)
            and not _restates_paired(paired, s)
        ):
            out.append(against_plan(s, found[0], text, target=found[1]))
            paired.setdefault(s.stated, []).append(s.actual)
    return out


def _part_not_of_period(s: LinkableStatement, text: str) -> bool:
    """Whether ``s`` is a part of a result just stated that is no quarter, month or week.

    ``Trong đó, riêng dịp Tết, công ty có doanh thu 40 tỷ đồng``: a share of the months'
    result, not the months' result set against the year's plan (``Trong đó, quý II …`` is
    one, and stays).
    """
    if not part_opened(s, text):
        return False
    lead = fold(text[max(0, s.start - 200) : s.start])
    return PART_OF_YEAR.search(lead, clause_head(lead, len(lead), 0)) is None


_RESTATED_SHARE = Decimal("0.005")
"""How close (a share of the first) a figure restating a result, with the same growth, is."""


def _restates_paired(paired: dict[str | None, list[Decimal]], s: LinkableStatement) -> bool:
    """Whether ``s`` restates, rounded, a result already set against a plan.

    The same growth stated (``tăng 8%``) and a figure within :data:`_RESTATED_SHARE` of it
    (``245,7`` then ``246 tỷ đồng``): one result, paired once.
    """
    if s.stated is None or not isinstance(s.actual, Decimal):
        return False
    return any(abs(a - s.actual) <= _RESTATED_SHARE * a for a in paired.get(s.stated, ()))


_OF_PLAN_KINDS = ("attainment", "excess")


def _stated_beside(
    stated: Sequence[tuple[object, int]], s: LinkableStatement, plan: Amount, text: str
) -> bool:
    """Whether a percentage of ``s``'s figure, or of no figure read, is in ``plan``'s sentence.

    ``So với kế hoạch năm (900 tỷ đồng doanh thu và 60 tỷ đồng lợi nhuận), công ty đạt 52%
    kế hoạch doanh thu và 71% kế hoạch lợi nhuận``: a percentage left with no result says
    how far some result got against the plan; the one it is of is not known, so no result
    is set against that plan with no percentage.
    """
    low = max(0, plan.start - PLAN_AMOUNT_WINDOW)
    folded = fold(text[low : plan.end + PLAN_AMOUNT_WINDOW])
    head, stop = sentence_span(folded, shifted(plan, -low))
    return any(a in (s.actual, None) and low + head <= at < low + stop for a, at in stated)


def _plan_of_another(
    attained: Sequence[tuple[object, object, int]],
    s: LinkableStatement,
    found: tuple[Amount, Value],
    text: str,
) -> bool:
    """Whether the plan ``found`` is already set against another measure than ``s``'s.

    A percentage in the plan's own sentence sets it against a measure labelled otherwise
    (``vốn trong nước đạt 300 tỷ đồng, bằng 15% kế hoạch năm (2.000 tỷ đồng)``): the plan is
    that measure's, not that of a result of another measure written before it (the same
    measure's quarter and half year may share it).
    """
    plan, value = found
    low = max(0, plan.start - PLAN_AMOUNT_WINDOW)
    folded = fold(text[low : plan.end + PLAN_AMOUNT_WINDOW])
    head, stop = sentence_span(folded, shifted(plan, -low))
    return any(
        _named_apart(a, s.label) and t == value and low + head <= at < low + stop
        for a, t, at in attained
    )


def _named_apart(a: object, b: object) -> bool:
    """Whether two statements' labels both name a measure, and different ones.

    A label names its measure before its unit (``vốn đầu tư trên địa bàn (tỷ đồng)``); a
    label of a unit alone names none.
    """
    names = [
        x.split("(", 1)[0].strip().lower() if isinstance(x, str) and "(" in x else ""
        for x in (a, b)
    ]
    return all(names) and names[0] != names[1]


# --------------------------------------------------------------------------- part-year amounts

# "tăng 500 tỷ đồng", "thêm 56 tỷ đồng": a change by the amount, not a result
_CHANGE_BY = rx(r"(?<!\w)(?:tăng|giảm|thêm|hụt|chênh)(?:\s+(?:khoảng|gần|hơn|trên))?\s*$")


# "doanh thu từ mảng bán lẻ", "doanh thu của khối công nghệ": a segment's measure; "của
# công ty", "của Tập đoàn …", "của ngân hàng" name the whole owner, no segment
_SEGMENT = rx(
    r"(?<!\w)(?:từ|mảng|khối|nhóm|tại|thuộc|ngành|lĩnh\s+vực|sản\s+phẩm|công\s+ty\s+(?:con|mẹ)"
    r"|trong\s+đó|riêng"
    r"|của(?!\s+(?:(?:tổng\s+)?công\s+ty(?!\s+(?:con|mẹ))|tập\s+đoàn|ngân\s+hàng|doanh\s+nghiệp)"
    r"(?!\w)))"
    r"(?!\w)"
)


# "doanh thu ngành hàng phụ kiện là 40 tỷ đồng", "doanh thu mảng bán lẻ": a line of goods or
# business, never the company's whole
_LINE_OF_GOODS = rx(r"(?<!\w)(?:mảng|ngành\s+hàng|phân\s+khúc)(?!\w)")


def _of_segment(folded: str, a: Amount, segment: re.Pattern[str] = _SEGMENT) -> bool:
    """Whether the measure named before the amount ``a`` is narrowed to a segment between.

    ``doanh thu từ mảng bán lẻ đạt 500 tỷ đồng``: a part of the company's revenue, no result
    against the company's plan; likewise a subsidiary's or the parent company's alone
    (``công ty con``, ``công ty mẹ``), against the group's. ``segment``: the words that
    narrow it.
    """
    return bool(segment_words(folded, a, segment))


# "… doanh thu bán hàng tăng và khoản thu nhập khác khoảng 120 tỷ đồng": an item named right
# before the amount (``khoản …``), not the measure named before it in its clause
_ITEM_BEFORE = rx(
    r"(?<!\w)khoản\s+[^\W\d_]+(?:\s+[^\W\d_]+){0,4}?\s*(?:(?:là|đạt|gần|hơn|khoảng|trên)\s*)*$"
)


def _part_year_amounts(
    window: tuple[str, str, Sequence[Amount]],
    planned: tuple[Amount, Decimal | None],
    year: int | None,
    covered: Callable[[Amount], bool],
    kind: MeasureKind | None = None,
) -> list[Amount]:
    """The amounts of part of a year in ``window`` that the year's ``plan`` is of.

    ``window`` is the text, its folded form and the amounts of that (read once for all the
    window's plans). See :func:`link_part_year_amounts`: in no statement and set against no
    plan yet (``covered``), in another sentence, of the plan's
    measure and kind (money) or counting what it counts (:func:`_same_count`), smaller than
    it, of its year, of a quarter or some months named before it in its sentence (or right
    after it: ``lãi 177 tỷ đồng trong 6 tháng đầu năm``), and of no
    other unit named (``Quý I, huyện A thu …`` and ``huyện B
    đặt mục tiêu …``); the last of equal ones (a lead or a caption repeating an amount is
    not a statement of its own).
    """
    raw, folded, amounts = window
    plan, floor = planned
    if floor is None:  # a plan with no figure sets no part of it
        return []
    units = units_named(raw, *sentence_span(folded, plan))
    found: dict[Decimal, Amount] = {}
    for a in amounts:
        head = clause_head(folded, a.start, 0)
        if (
            (
                _same_count(folded, a, plan)
                or same_counted(folded, a, plan, amounts, _period_key)
                or (
                    a.unit[1] in MONEY_WORDS
                    and (_same_measure_kind(folded, a, plan, kind) or alike(folded, a, plan, kind))
                    and (a.unit[1] == "usd") == (plan.unit[1] == "usd")  # one currency
                )
            )
            and (
                (
                    a.value < floor
                    and (
                        PART_OF_YEAR.search(folded, head, a.start)
                        or part_before_code(folded, head, a, year)  # "quý II, … (HoSE: SMA) …"
                        or part_named_with_half(folded, head, a)
                        or _PERIOD_AFTER.match(folded, a.end)
                        or _part_before_semicolon(folded, head, a)
                        or (
                            a.value not in found
                            and period_carried(folded, a, year) is not None
                            and carried_fits(folded, a, plan, kind)
                        )
                    )
                )
                or whole_year_result(folded, a, (plan, floor), year)
            )
            and other_sentence(folded, a, plan)
            and whole_firm_s((raw, folded), a, plan, _SEGMENT)  # "lãi quý 4 của MWG"
            and not part_named_first(folded, a)
            and not levels_apart(folded, a, plan)
            and not _CHANGE_BY.search(folded, max(head, a.start - 20), a.start)
            and not _ITEM_BEFORE.search(folded, max(head, a.start - 60), a.start)
            and not sets_out_plan(folded, a, 0, qualified=True)
            and same_period(folded, a, (a.start, a.start))
            and of_year(folded, a, year)
            and not covered(a)
            and _units_agree(units, units_named(raw, *sentence_span(folded, a)))
            and _owners_agree(raw, sentence_span(folded, a), sentence_span(folded, plan))
            and _scopes_agree(folded, a, plan)
        ):
            found[a.value] = a
    return list(found.values())


def _part_before_semicolon(folded: str, head: int, a: Amount) -> bool:
    """Whether the clause of ``a`` follows a semicolon after a part of the year is named.

    ``Trong quý II/2041, doanh thu đạt 400 tỷ đồng; lợi nhuận sau thuế đạt 52 tỷ đồng``: the
    second clause goes on with the first's quarter. Not when its own words name a year
    (``…; cả năm 2040 lãi 180 tỷ đồng``), nor when the sentence has another amount of its
    measure and kind (``…; lãi sau thuế 52 tỷ đồng; lãi ròng 49 tỷ đồng``: which is the
    plan's, unknown).
    """
    if head < 2 or folded[head - 2] != ";":
        return False
    if _YEAR_WORD.search(folded, head, a.start):
        return False
    start = head_of_sentence(folded, head)
    if PART_OF_YEAR.search(folded, start, head) is None:
        return False
    alike = [
        b
        for b in amounts_in(folded, start, sentence_span(folded, a)[1])
        if b.unit == a.unit and measure_kind(folded, b) == measure_kind(folded, a)
    ]
    return len(alike) == 1


# "lãi 177 tỷ đồng trong 6 tháng đầu năm": the part of the year named right after the amount
_PERIOD_AFTER = rx(rf"\s+(?:trong|của)\s+(?:quý|\d{{1,2}}\s+tháng|{HALF_YEAR_WORDS})(?!\w)")


_COUNT_LEAD_WORDS = 3
"""How many words before a count and its plan must be the same for the two to count one
thing (``đào tạo nghề cho 300 lao động`` and ``đào tạo nghề cho 4.000 lao động``)."""


def _same_count(folded: str, a: Amount, plan: Amount) -> bool:
    """Whether the count ``a`` counts what the plan's count does.

    The same unit word after both, and the same :data:`_COUNT_LEAD_WORDS` words right before
    both.
    """
    if not a.unit[1] or a.unit != plan.unit:
        return False
    before, planned = _words_before(folded, a), _words_before(folded, plan)
    if len(before) == _COUNT_LEAD_WORDS and before == planned:
        return True
    # "mục tiêu thành lập mới 300 doanh nghiệp" and "chỉ thành lập được 120 doanh nghiệp":
    # the plan word, then the verb of two words both say, its particles left out
    verb = _words_before(folded, plan, particles=False)
    return (
        len(verb) == _COUNT_LEAD_WORDS
        and verb[0] in _PLAN_WORD_LAST
        and not set(verb[1:]) & _WEAK_VERB_WORDS
        and _words_before(folded, a, particles=False)[1:] == verb[1:]
    )


# the last words of "mục tiêu", "chỉ tiêu", "kế hoạch", "phấn đấu"; particles of aspect
# ("thành lập mới", "thành lập được"); words of a verb too weak to say what is counted
_PLAN_WORD_LAST = frozenset({"tiêu", "hoạch", "đấu"})
_PARTICLES = frozenset({"mới", "được", "đã", "chỉ"})
_WEAK_VERB_WORDS = frozenset({"có", "là", "đạt", "với", "cho", "của", "và", "trên", "tổng"})


def _words_before(folded: str, a: Amount, *, particles: bool = True) -> list[str]:
    """The last :data:`_COUNT_LEAD_WORDS` words of the clause before ``a`` (no figure).

    Without particles of aspect (:data:`_PARTICLES`) when ``particles`` is False.
    """
    lead = folded[max(clause_head(folded, a.start, 0), a.start - 60) : a.start]
    words = re.sub(r"[^\w\s]", " . ", lead).split()
    if not particles:
        words = [w for w in words if w not in _PARTICLES]
    words = words[-_COUNT_LEAD_WORDS:]
    return [] if any(not w.isalpha() for w in words) else words


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
    windows: dict[tuple[int, int], tuple[str, _MoneyPlans]] = {}
    paired: set[tuple[int, object]] = set()  # (where the result is, its plan's value)
    unnamed: dict[int, list[tuple[int, str | None, str | None]]] = {}  # results' kinds, plans'
    plans: list[tuple[LinkableStatement, Amount | None, MeasureKind | None, Span | None]] = [
        (t, None, None, None)
        for t in statements
        if t.actual is None and t.target is not None and t.term is None
    ]
    plans += [(p.statement, p.amount, p.measure, p.listed) for p in set_out_plans(statements, text)]
    for t, written, kind, listed in plans:
        low, high = paragraph(text, t.start, t.end, UNSTATED_PLAN_WINDOW)
        if (low, high) not in windows:  # several plans of one paragraph: read it once
            folded = fold(text[low:high])
            windows[low, high] = (folded, _MoneyPlans(folded))
        folded, money_plans = windows[low, high]
        plan = _window_plan(folded, t, low, written)
        if plan is None or long_term(folded, plan):
            continue  # "Đến năm 2035, …", "Giai đoạn 2026-2030, …": no year's plan
        own = (listed[0] - low, listed[1] - low) if listed else (plan.start, plan.end)
        if _rival_plans(folded, (plan, own, kind), t.year, money_plans):
            continue

        def covered(a: Amount, low: int = low) -> bool:
            if a.value in claimed or restates(a.value, claimed):  # 1.145,7 then 1.146
                return True
            c = covering_statement(*scope, shifted(a, low))
            return c is not None and not _growth_of(c, a)

        def grown(a: Amount, low: int = low) -> bool:
            return covering_statement(*scope, shifted(a, low)) is not None

        floor = t.target[0] if isinstance(t.target, tuple) else t.target
        window = (text[low:high], folded, money_plans.every)
        for a in _part_year_amounts(window, (plan, floor), t.year, covered, kind):
            if (
                _pair_refused(window[0], folded, (a, plan), written is not None, t.year)
                or (grown(a) and not _growth_amount_fits(window, a, plan, kind))
                or (low + a.start, t.target) in paired  # the plan written twice: one pair
            ):
                continue
            paired.add((low + a.start, t.target))
            read = measure_kind(folded, a)
            c = as_result(t, a, folded, low, text, read[0] or "")
            out.append(against_plan(c, shifted(plan, low), text, year=t.year, target=t.target))
            # a result of no kind named: which plan's, if plans of two kinds pair it
            plan_kind = (kind or measure_kind(folded, plan))[1]
            unnamed.setdefault(low + a.start, []).append((len(out) - 1, read[1], plan_kind))
    return _one_kind_each(out, unnamed)


def _pair_refused(
    raw: str, folded: str, pair: tuple[Amount, Amount], written: bool, year: int | None
) -> bool:
    """Whether the window's words refuse a part of the year's amount as the plan's result.

    ``pair``: the amount and the plan (``written``, not implied). Refused: another year than the
    plan's, firms named apart, a share of the plan, a plan of part of the year, a comma of
    thousands.
    """
    a, plan = pair
    return (
        (written and not _result_of_plan_year(folded, a, year))
        or firms_apart(raw, sentence_span(folded, a), sentence_span(folded, plan))
        or plan_share_written(folded, a, plan)
        or (
            written and plan_share_written(folded, a, plan, hedged=False, slack=_PLAN_PERCENT_SLACK)
        )
        or _plan_of_part(folded, plan, a)
        or _comma_thousandth(folded, a)
    )


def _one_kind_each(
    out: list[LinkableStatement], kinds: dict[int, list[tuple[int, str | None, str | None]]]
) -> list[LinkableStatement]:
    """``out`` without the pairs of a result of an unnamed kind to plans of two kinds.

    ``Quý 1, lợi nhuận đạt 140 tỷ đồng`` and ``kế hoạch lợi nhuận trước thuế 500 tỷ đồng
    và lợi nhuận sau thuế 400 tỷ đồng``: before or after tax, the text does not say; one
    figure is no result of both. ``kinds``: by where the result is, the index in ``out`` of
    each pair, the kind the result names (None: none) and its plan's kind.
    """
    unnamed = [[(i, k) for i, named, k in pairs if named is None] for pairs in kinds.values()]
    drop = {i for pairs in unnamed if len({k for _, k in pairs}) > 1 for i, _ in pairs}
    return [s for i, s in enumerate(out) if i not in drop]


# "1,404 tỷ đồng": one comma before three digits, read as a decimal
_COMMA_THREE = rx(r"(?<![\d.,])\d{1,3},\d{3}(?![\d]|[.,]\d)")


def _comma_thousandth(folded: str, a: Amount) -> bool:
    """Whether ``a`` is written with one comma before three digits (``1,404 tỷ đồng``).

    Read as a decimal (the house style), it may as well group thousands: a thousand times
    more. Set against a plan unstated, the pair's figures would stand on that guess alone.
    """
    return _COMMA_THREE.match(folded, a.start) is not None


# "Quý II/2041, công ty đặt kế hoạch doanh thu …": a plan of a quarter, named before it
_YEAR_NAMED = rx(r"(?<!\w)(?:năm\s+(?:19|20)\d\d|cả\s+năm)(?!\w)")
_PART_PLAN = rx(r"(?<!\w)(?:quý\s+(?:i{1,3}|iv|[1-4])|\d{1,2}\s+tháng|tháng\s+\d{1,2})(?!\w)")


def _plan_of_part(folded: str, plan: Amount, a: Amount) -> bool:
    """Whether ``plan`` is a part of the year's, ``a`` of another sentence.

    Its sentence names a quarter or some months before it, and no year after that (``Quý
    II/2041, công ty đặt kế hoạch lợi nhuận 80 tỷ đồng``; not ``Với hơn 4 tỷ USD trong 8
    tháng, chắc chắn trong năm 2041 … sẽ vượt kế hoạch … 5,2 tỷ USD``), no percentage
    between (``Lũy kế 6 tháng, công ty đã hoàn thành 46% mục tiêu doanh thu (38.185 tỷ
    đồng)``: the months are the percentage's): no amount of another sentence is set against
    it unstated.
    """
    head = head_of_sentence(folded, plan.start)
    parts = list(_PART_PLAN.finditer(folded, head, plan.start))
    return (
        bool(parts)
        and _YEAR_NAMED.search(folded, parts[-1].end(), plan.start) is None
        and "%" not in folded[parts[-1].end() : plan.start]
        and head_of_sentence(folded, a.start) != head
    )


def _window_plan(
    folded: str, t: LinkableStatement, low: int, written: Amount | None
) -> Amount | None:
    """The plan amount of ``t`` in the window ``folded`` (from ``low``), if it may be one.

    A target statement's amount set out as a plan (a money one with a floor or an
    approximation too: ``đặt mục tiêu doanh thu gần 4.800 tỷ đồng``; the rival plans of
    :func:`_rival_plans` are read so as well); a plan read by :mod:`.year_plans`
    (``written``) of no segment (``lãi sau thuế của công ty mẹ đạt …``: a part's plan) and
    with no percentage of a plan after it in its sentence.
    """
    if written is None:
        plan = _target_amount(folded, t, low)
        if plan is None:
            return None
        money = plan.unit[1] in MONEY_WORDS  # a count's plan with a floor: not loosened
        going_on = money and plan_going_on(folded, plan.start, plan.end)  # a plan's next item
        return plan if going_on or sets_out_plan(folded, plan, 0, qualified=money) else None
    plan = shifted(written, -low)
    if _of_segment(folded, plan) or _percent_of_plan_after(folded, plan):
        return None
    return plan


# "kỳ vọng doanh thu đạt …", "tổng thu dự kiến …": a figure forecast or aimed at, no result
_FORECAST_AHEAD = rx(rf"(?<!\w)(?:{AIM_WORDS}|{FORECAST_WORDS}|ước\s+tính\s+cả\s+năm)(?!\w)")


def _result_of_plan_year(folded: str, a: Amount, year: int | None) -> bool:
    """Whether ``a`` is a result, and of the year of a plan read by :mod:`.year_plans`.

    No plan cue nor forecast word before it in its sentence (``đặt kế hoạch đón 4 triệu
    lượt khách trong quý IV, với kỳ vọng doanh thu đạt 1.200 tỷ đồng``: a quarter's plan);
    the last year named before it, in the window, the plan's (``Quý IV/2040, lợi nhuận đạt
    120 tỷ đồng. … Năm 2041, công ty đặt mục tiêu lợi nhuận 500 tỷ đồng``: next year's plan,
    though the quarter's clause names no year). None named, or no year of the plan, fits.
    """
    head = head_of_sentence(folded, a.start)
    if PLAN_CUE.search(folded, head, a.start) or _FORECAST_AHEAD.search(folded, head, a.start):
        return False
    if year is None:
        return True
    named = None
    for m in YEAR.finditer(folded, 0, a.start):
        named = m
    return named is None or int(named.group()) == year


# "…, công ty đã đạt được 61% kế hoạch năm về doanh thu": a percentage of a plan
_PERCENT_OF_PLAN = rx(rf"%\s*(?:\S+\s+){{0,3}}?{PLAN_NOUNS}(?!\w)")


def _percent_of_plan_after(folded: str, plan: Amount) -> bool:
    """Whether the plan's sentence states a percentage of a plan after the plan's amount.

    ``So với kế hoạch năm (1.500 tỷ đồng doanh thu và 30 tỷ đồng lợi nhuận), công ty đạt 61%
    kế hoạch doanh thu và 74% kế hoạch lợi nhuận``: the result the plan is set against is the
    one of that percentage, stated or not; a part-year amount with none is not it.
    """
    stop = FULL_STOP.search(folded, plan.end)
    end = stop.start() if stop else len(folded)
    return _PERCENT_OF_PLAN.search(folded, plan.end, end) is not None


def _growth_of(c: LinkableStatement, a: Amount) -> bool:
    """Whether ``c`` reads the amount ``a`` as a result and only its growth over the past.

    ``Quý II, lãi trước thuế đạt 9,5 tỷ đồng, tăng 22% so với cùng kỳ``: the growth is no
    claim against the year's plan, so the amount is still that plan's part-year result.
    """
    return c.stated_kind == "growth" and c.target is None and c.actual == a.value


# "quý 2", "quý II", "6 tháng", "tháng 7": the part of the year an amount is of
_PERIOD_KEY = rx(r"(?<!\w)(?:quý\s+(\w+)|(\d{1,2})\s+tháng|tháng\s+(\d{1,2}))(?!\w)")
# "quý IV năm trước", "cùng kỳ năm ngoái": a past period named before an amount
_PAST_BEFORE = rx(rf"(?<!\w){LAST_YEAR}(?!\w)")
_PLAN_PERCENT_SLACK = Decimal(1)
"""How far (points) a percentage written near a plan may be from a result's share of it and
still be that result's (a writer rounds or cuts)."""


def _growth_amount_fits(
    window: tuple[str, str, Sequence[Amount]],
    a: Amount,
    plan: Amount,
    kind: MeasureKind | None = None,
) -> bool:
    """Whether ``a``, read with its growth, may be set against the year's ``plan`` unstated.

    ``Quý II, lãi trước thuế đạt 9,5 tỷ đồng, tăng 22% so với cùng kỳ. … Năm nay công ty
    đặt kế hoạch lãi trước thuế 40 tỷ đồng``: a money amount, with no plan named after it in
    its clause (``…, hoàn thành 81% so với kế hoạch (…)``: its own sentence sets it against
    a plan), no percentage of the window its share of the plan (``… đã hoàn thành lần lượt
    46% và 47% kế hoạch``: the pair is stated with a percentage not linked), a plan before
    it of one firm and year (:func:`plan_above_fits`), the one value of the plan's measure
    and kind for its period in the ``window`` (text, folded, amounts; ``Công ty A … doanh
    thu quý I đạt 4.200 tỷ đồng … Công ty B … quý I đạt 1.000 tỷ đồng``: whose, not known).
    """
    raw, folded, amounts = window
    if not (a.unit[1] in MONEY_WORDS or is_count(a)) or plan.value <= 0:
        return False
    if _PAST_BEFORE.search(folded, clause_head(folded, a.start, 0), a.start):
        return False  # "quý IV năm trước thu 2.000 tỷ đồng": last year's
    if REMAINDER.search(folded, plan.end):
        return False  # a remainder to the plan pairs it there, and checks it
    stop = min([b.start for b in amounts if b.start > a.start] + [len(folded)])
    end = re.compile(r"[;.\n]").search(folded, a.end, stop)
    if OF_A_TARGET.search(folded, a.end, end.start() if end else stop):
        return False
    if _share_stated(folded, a, plan):
        return False
    key = _period_key(folded, a)  # a part of the year's: a plan above of one firm fits
    if not plan_above_fits(raw, plan.start, a.start, part=key is not None):
        return False
    alike = {
        b.value
        for b in amounts
        if _alike(folded, (a, b), plan, kind) and _period_key(folded, b) == key
    }
    return alike == {a.value}


def _share_stated(folded: str, a: Amount, plan: Amount) -> bool:
    """Whether a percentage in the window ``folded`` may be ``a``'s share of ``plan``.

    Within :data:`_PLAN_PERCENT_SLACK` of it (``… đã hoàn thành lần lượt 46% và 47% kế
    hoạch``): the pair is stated with a percentage, which a pair set unstated would leave off.
    Any but a change said as one (:func:`shares_not_grown`), unlike :func:`plan_share_written`.
    """
    share = 100 * a.value / plan.value
    for m in shares_not_grown(folded, plan.end):
        p = try_parse_number(m.group("a"))
        if p is not None and abs(p - share) <= _PLAN_PERCENT_SLACK:
            return True
    return False


def _alike(
    folded: str, pair: tuple[Amount, Amount], plan: Amount, kind: MeasureKind | None
) -> bool:
    """Whether the amount ``b`` of ``pair`` may be of the measure of ``a`` and ``plan``.

    Money: the same unit and the plan's measure and kind; a count: the same unit word, the
    plan's own amount aside.
    """
    a, b = pair
    if a.unit[1] not in MONEY_WORDS:
        return b.unit[1] == a.unit[1] and b.start != plan.start
    fits = _same_measure_kind(folded, b, plan, kind) or alike(folded, b, plan, kind)
    return b.unit == a.unit and fits


def _period_key(folded: str, a: Amount) -> str | None:
    """The part of the year the clause of ``a`` names last before it (``quý 2``), if any.

    Or the one an earlier sentence names and ``a``'s goes on with (:func:`period_carried`).
    """
    found = list(_PERIOD_KEY.finditer(folded, head_of_sentence(folded, a.start), a.start))
    if not found:
        return period_carried(folded, a, None)
    m = found[-1]
    return part_key(m.group(1), m.group(2), m.group(3))


class _MoneyPlans:
    """The amounts of ``folded``, its money ones, and which of those it sets out as plans.

    :func:`sets_out_plan` reads a long stretch of the sentence before each amount, so it is
    asked only of the amounts the cheaper checks of :func:`_rival_plans` leave, each once
    for all the plans of the window.
    """

    def __init__(self, folded: str) -> None:
        self.folded = folded
        self.every = amounts_in(folded, 0, len(folded))
        self.amounts = [a for a in self.every if a.unit[1] in MONEY_WORDS]
        self._sets: dict[tuple[int, int], bool] = {}

    def sets_plan(self, a: Amount) -> bool:
        """Whether ``a`` is set out as a plan (:func:`sets_out_plan`), read once."""
        key = (a.start, a.end)
        if key not in self._sets:
            self._sets[key] = sets_out_plan(self.folded, a, 0, qualified=True)
        return self._sets[key]


def _rival_plans(
    folded: str,
    planned: tuple[Amount, Span, MeasureKind | None],
    year: int | None,
    money_plans: _MoneyPlans,
) -> bool:
    """Whether ``folded`` sets out another plan amount of the plan's measure and kind.

    ``Theo kế hoạch, thu nội địa là 51.000 tỷ đồng … Thành phố phấn đấu năm 2041 thu nội
    địa 55.000 tỷ đồng``: a plan and a higher aim of one measure; a quarter's amount with
    no percentage may be set against either, so against neither (as
    :func:`link_unstated_plans` takes one plan value only). ``planned``: the plan's amount,
    the span of its own writing (a range's, or its list's: no rival of its own) and its
    measure and kind when read otherwise; ``money_plans``: the money amounts of ``folded``
    (:class:`_MoneyPlans`). Another named scenario's plan (:func:`scenario_of`: ``kịch bản
    thận trọng`` and ``kịch bản tham vọng``) is no rival: the amount goes with each.
    """
    plan, own, kind = planned
    if plan.unit[1] not in MONEY_WORDS:
        return False
    scenario = scenario_of(folded, plan.start)
    return any(
        a.value != plan.value
        and not own[0] <= a.start < own[1]  # the other end of a range, an item of its list
        # "Theo kịch bản thận trọng, … 4.600 tỷ đồng. Theo kịch bản tham vọng, … 5.100 tỷ
        # đồng": two named scenarios, each the result's plan (one pair a scenario), no rivals
        and (scenario is None or scenario_of(folded, a.start) in (None, scenario))
        and _same_measure_kind(folded, a, plan, kind)
        and of_year(folded, a, year)
        and not _of_part_of_year(folded, a)
        and money_plans.sets_plan(a)
        for a in money_plans.amounts
    )


def _target_amount(folded: str, t: LinkableStatement, low: int) -> Amount | None:
    """The amount of the target statement ``t`` (``folded`` starts at ``low``).

    Its first, or for a range (:func:`_plan_amounts`) the one spanning both ends.
    """
    amounts = amounts_in(folded, t.start - low, t.end - low)
    if isinstance(t.target, Decimal):
        first = next(iter(amounts), None)
        return first if first is not None and first.value == t.target else None
    return next((a for a, value in _plan_amounts(folded, amounts) if value == t.target), None)


# --------------------------------------------------------------------------- met plans

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
) -> tuple[LinkableStatement, Amount, Amount] | None:
    """The one result and plan amount of the measure a plan said met at ``at`` names.

    See :func:`link_met_plans`: the plan set out before ``at``, in another sentence than the
    result, which is at least the plan (``hoàn thành`` is reaching it) and the only figure
    of its measure and kind before ``at``.
    """
    named = MEASURE_NAMES_RX.match(folded, at)
    if named is None or _FIGURE_AFTER.match(folded, named.end()):
        return None
    measure = MEASURE_NAMES[" ".join(named.group().split())]
    amounts = [
        a
        for a in amounts_in(folded, 0, at)
        if a.unit[1] in MONEY_WORDS and measure_kind(folded, a)[0] == measure
    ]
    plans = {a.value: a for a in amounts if sets_out_plan(folded, a, 0)}
    results = {}
    for a in amounts:
        c = covering_statement(*scope, shifted(a, low))
        if a.value not in plans and c is not None and c.actual == a.value:
            results[a.value] = (c, a)
    if any(
        c.target is not None or c.stated_kind not in (None, "growth") for c, _ in results.values()
    ):
        return None  # a result already set against a plan or said how far it got
    if len(plans) != 1 or len(results) != 1:
        return None
    (plan,), ((c, actual),) = plans.values(), results.values()
    if not (_same_measure_kind(folded, actual, plan) and other_sentence(folded, actual, plan)):
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
            out.append(against_plan(c, shifted(plan, low), text))
    return out


def _plans_met(text: str) -> list[tuple[int, bool]]:
    """Where the measure's name begins after each plan said met or not (:data:`_PLAN_MET`).

    With whether it is said met (False after ``chưa`` / ``không``: not met).
    ``text`` is read in folded chunks that overlap: no folded copy of the whole text is kept.
    """
    out: list[tuple[int, bool]] = []
    for low in range(0, len(text), PROGRAMME_CHUNK):
        folded = fold(text[low : low + PROGRAMME_CHUNK + 200])
        out.extend(
            (low + m.end(), m.group("not") is None)
            for m in _PLAN_MET.finditer(folded)
            if m.start() < PROGRAMME_CHUNK and (not out or low + m.end() > out[-1][0])
        )
    return out


# --------------------------------------------------------------------------- growth pairs


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
        fields = {**NO_PERCENT, **noted(seg("no_percent"))}
        out.append(dataclasses.replace(s, consistent=None, verdict="unchecked", **fields))
    return out


# ------------------------------------------------------------- a percentage of the whole plan

_PLAN_WORD_ENDS = rx(
    rf"%\s*(?:so\s+với\s+)?{PLAN_NOUNS}(?:\s+(?:đề\s+ra|đặt\s+ra|được\s+giao))?\s*$"
)
_WHOLE_PLAN_WINDOW = 1200
"""How far (characters) before a percentage of the whole plan its pairs are looked for."""


def link_whole_plan_percentages(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, a percentage of the plan as a whole given to every pair it fits.

    ``Nửa năm, công ty thu 500 tỷ đồng và lãi 60 tỷ đồng. Năm nay công ty đặt kế hoạch thu
    1.000 tỷ đồng, lãi 120 tỷ đồng. Như vậy công ty đã làm được 50% kế hoạch.``: a bare
    percentage of a plan that names no measure, after at least two results already set
    against plans written elsewhere with no percentage, which it fits exactly, is the percentage
    of each of them (the business plan as a whole, every one of its figures); one pair
    fitting, 100 % (any result equal to its plan fits it), or a pair or percentage written
    approximately, is left as it is. A percentage whose plan names a measure (``12% kế hoạch
    doanh thu``) goes to the one pair of that measure near it, when it fits exactly.
    """
    ordered = sorted(range(len(statements)), key=lambda i: statements[i].start)
    starts = [statements[i].start for i in ordered]
    given: dict[int, LinkableStatement] = {}
    dropped: set[int] = set()
    for i, s in enumerate(statements):
        if not _whole_plan_percent(s, text):
            continue
        low = bisect.bisect_left(starts, s.start - _WHOLE_PLAN_WINDOW)
        high = bisect.bisect_left(starts, s.start)
        measure = plan_measure(s, text)
        fits = [
            j for j in ordered[low:high] if j not in given and _fits_pair(s, statements[j], measure)
        ]
        if len({statements[j].target for j in fits}) < (2 if measure is None else 1):
            continue
        if measure is not None and not _only_pair_of(statements, ordered[low:high], measure):
            continue
        for j in fits:
            c = statements[j]
            assert isinstance(c.target, Decimal)
            given[j] = with_result(s, c, c.target)
        dropped.add(i)
    return [given.get(i, s) for i, s in enumerate(statements) if i not in dropped]


def _whole_plan_percent(s: LinkableStatement, text: str) -> bool:
    return (
        s.stated_kind == "attainment"
        and s.actual is None
        and s.target is None
        and s.qualifier is None
        and _PLAN_WORD_ENDS.search(fold(s.text)) is not None
    )


def _names_measure(c: LinkableStatement, measure: str | None) -> bool:
    return measure is None or fold(measure) in fold(c.label or "")


def _only_pair_of(statements: Sequence[LinkableStatement], near: list[int], measure: str) -> bool:
    """Whether one pair only of ``near`` names the measure.

    A pair: a result and its plan, no percentage.
    """
    pairs = [
        statements[j]
        for j in near
        if statements[j].stated is None
        and statements[j].target is not None
        and statements[j].actual is not None
        and _names_measure(statements[j], measure)
    ]
    return len(pairs) == 1


def _fits_pair(s: LinkableStatement, c: LinkableStatement, measure: str | None) -> bool:
    """Whether ``c`` is a result set against its plan, no percentage, that ``s`` fits.

    When the plan of ``s`` names a measure, ``c`` names it too.
    """
    p = percent_of(s)
    if not _names_measure(c, measure):
        return False
    if (
        p is None
        or p.value == 100  # any result equal to its plan fits it: no evidence
        or c.link_start is None  # a pair within its sentence (a fraction) is no plan's figure
        or c.stated is not None
        or c.qualifier is not None
        or not c.exact
        or not isinstance(c.actual, Decimal)
        or not isinstance(c.target, Decimal)
        or c.target <= 0
    ):
        return False
    return bool(check_percent(p, c.actual, c.target).consistent)
