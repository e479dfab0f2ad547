"""Percentages of plans given the plan's amount written elsewhere, and their results.

A percentage of a plan with no target of its own takes the plan's amount written in another
sentence near it, in its paragraph or the ones around it (:func:`link_plan_amounts`): ``… ước
đạt 1,635 triệu lượt, đạt 19,2% so với kế hoạch năm. … đặt mục tiêu đón 8,5 triệu lượt …`` —
the same word (any scale), set out as a plan (or in brackets after a plan's name), of the
same unit and year, and agreeing with the percentage. A plan named by what it counts is met
by another word for the same measure (:data:`MEASURE_SYNONYMS`: ``lợi nhuận``, ``lãi``).

A percentage of a programme's aim takes the programme's amount (:func:`link_programme_targets`),
a percentage of a budget named by who assigned it the amount written for that owner
(:func:`link_budget_owners`); a bare percentage of a plan takes the result and plan it fits
in :mod:`kpitools.extract.bare_plans`. A percentage after ``So với <plan>`` takes the plan that
clause names in :mod:`kpitools.extract.compared`; a remainder written to reach a plan is set
against the result it completes in :mod:`kpitools.extract.remainders`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from kpitools.extract.amounts import (
    AMOUNT_QUALIFIER,
    COMPARED,
    FULL_STOP,
    LEAD_QUALIFIER,
    OF_A_TARGET,
    PERIOD,
    PLAN_AMOUNT_WINDOW,
    PLAN_WORD_AFTER,
    PROGRAMME_CHUNK,
    SCALES,
    YEAR,
    Amount,
    after_percent,
    amounts_in,
    clause_head,
    counts_alike,
    has_qualifier,
    kind_named_back,
    measure_beside,
    measure_completed,
    measures_named,
    noun_of,
    noun_pattern,
    of_year,
    other_sentence,
    paragraph,
    period_of,
    plan_measure,
    same_measure,
    same_period,
    same_unit,
    sentence_span,
    sets_out_plan,
    shifted,
    thing_counted,
    units_named,
)
from kpitools.extract.consistency import rounding_gives
from kpitools.extract.counted_nouns import other_noun_fit
from kpitools.extract.far_plans import far_apart
from kpitools.extract.linking import (
    FLOOR_REACH,
    PROGRAMME_TOLERANCE,
    actual_qualifier,
    agrees,
    covering_statement,
    fits_hedged,
    fits_programme,
    flagged_statement,
    percent_of,
    plan_scope,
    reaches_floor,
    scope_or_giver,
)
from kpitools.extract.notes import Segment, noted, seg, unchecked
from kpitools.extract.stated_checks import ABOUT, FLOORS, cut_above_floor, under_floor_target
from kpitools.extract.text import NUM, PLAN_NOUNS
from kpitools.numbers import Percent, check_percent, parse_number, parse_percent
from kpitools.textfold import fold, rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement


# --------------------------------------------------------------------------- plan amounts


def _other_clause(folded: str, actual: Amount, plan: Amount) -> bool:
    """Whether ``plan`` is in another sentence than ``actual``, or in a clause before it.

    The clause closed by a semicolon (``dự toán thu … năm 2025 là gần 19,7 nghìn tỷ đồng;
    trong đó, thực hiện thu 9 tháng … đạt hơn 19,2 nghìn tỷ đồng, đạt gần 98% dự toán
    năm``).
    """
    if other_sentence(folded, actual, plan):
        return True
    return plan.end <= actual.start and ";" in folded[plan.end : actual.start]


def _clause_before(folded: str, actual: Amount, plan: Amount) -> bool:
    """Whether ``plan`` is in a clause of ``actual``'s sentence before it (a comma between).

    ``theo kế hoạch, huyện đã phân bổ 800 tỷ đồng, giải ngân đạt 400 tỷ đồng, bằng 50% kế
    hoạch``: taken only when the percentage fits it (see :func:`_plan_amount`).
    """
    return plan.end <= actual.start and "," in folded[plan.end : actual.start]


def _plan_amount(
    s: LinkableStatement,
    text: str,
    scope: tuple[Sequence[LinkableStatement], list[int]],
    near: tuple[int, int] | None = None,
) -> Amount | None:
    """The one amount of the paragraph that is the plan of ``s``'s percentage.

    See :func:`link_plan_amounts`; None when no amount or several differing ones fit. Only
    the window around ``s`` is folded and read (offsets within it until the end). With
    ``near`` (the window first read, where nothing was found), the wider window of
    :func:`_far_plan` is read instead.
    """
    width = PLAN_AMOUNT_WINDOW if near is None else FAR_PLAN_WINDOW
    low, high = paragraph(text, s.start, s.end, width)
    window = text[low:high]
    folded = fold(window)
    amounts = amounts_in(folded, 0, len(folded))
    own = [a for a in amounts if a.value == s.actual and a.start < s.end - low]
    if not own:
        return None
    actual = own[-1]
    if s.measure is None and not actual.unit[1]:
        return None  # a number with no word after it: what it counts is not known
    if near is not None and not any(_may_agree(s, a.value) and agrees(s, a.value) for a in amounts):
        return None  # no far plan fits: the candidates' tests need not be read (speed)
    head = clause_head(folded, actual.start, 0)
    named = units_named(window, head, s.end - low)
    measures = measures_named(folded, actual.start, actual.end)
    candidates = [
        a
        for a in amounts
        if a.value > 0  # a plan of nothing is none (nor is a percentage of it computed)
        and (counts_alike(folded, a, actual) or other_noun_fit(s, folded, a, actual))
        and a.start != actual.start
        and _placed_as_plan(s, text, (folded, low), actual, a)
        and same_period(folded, a, (head, s.end - low))
        and not other_part_of_year(folded, a, actual)
        and of_year(folded, a, s.year)
        and same_measure(measures, folded, a)
        and _same_units(named, window, folded, a, (head, s.end - low))
        and plan_scope(
            s,
            covering_statement(*scope, shifted(a, low)),
            text,
            (window, folded, a, (head, s.end - low)),
        )
    ]
    if near is not None:
        return _far_fit(s, (folded, actual), candidates, (near[0] - low, near[1] - low), low)
    plans = [
        a
        for a in candidates
        if _other_clause(folded, actual, a)
        and scope_or_giver(s, covering_statement(*scope, shifted(a, low)), text)
    ]
    fitting = [
        a
        for a in candidates
        if _plan_fits(s, folded, a) and not _named_otherwise(s, text, folded, a)
    ]
    if not fitting:
        free = [
            a
            for a in plans
            if not _paired_with_other(s, covering_statement(*scope, shifted(a, low)), a.value)
        ]
        fitting = _unfitting(s, text, folded, actual, free)
    adjusted = [a for a in fitting if _adjusted_plan(s, text, folded, a)]
    if len({a.value for a in adjusted}) == 1:
        fitting = adjusted  # "… kế hoạch sau khi cắt giảm": what is left, not the plan before
    fitting = _exact_at_precision(s, _exact_of_restated(folded, fitting))
    if len({a.value for a in fitting}) != 1 or _share_of_plan(folded, fitting[0]):
        return None
    return shifted(fitting[0], low)


# "quý III", "tháng 9", "6 tháng đầu năm", "nửa cuối năm": a part of a year named on its own
# (not a date, "ngày 30 tháng 9"; "9 tháng" with no "đầu năm" counts months from January)
_PART_NAMED = rx(
    r"(?<!\w)(?<!\d\s)(?:quý\s+(?P<q>iv|i{1,3}|[1-4])|tháng\s+(?P<m>1[0-2]|0?[1-9])"
    r"|(?P<n>\d{1,2}|ba|sáu|chín)\s+tháng\s+(?P<side>đầu|cuối)\s+năm"
    r"|nửa\s+(?P<half>đầu|cuối)\s+năm)(?!\w)"
)
_COUNTED = {"ba": "3", "sáu": "6", "chín": "9"}
_PART_REACH = 400
"""How far back (characters) the sentence of a plan or a result is read for its period."""


def _part_key(m: re.Match[str]) -> str:
    """A part of a year named (:data:`_PART_NAMED`) as a key: ``q3``, ``m9``, ``first6``."""
    if m.group("q"):
        return "q" + {"i": "1", "ii": "2", "iii": "3", "iv": "4"}.get(m.group("q"), m.group("q"))
    if m.group("m"):
        return "m" + m.group("m").lstrip("0")
    if m.group("half"):
        return ("first" if m.group("half") == "đầu" else "last") + "6"
    n = _COUNTED.get(m.group("n"), m.group("n"))
    return ("first" if m.group("side") == "đầu" else "last") + n


def parts_named(folded: str, start: int, end: int) -> set[str]:
    """The parts of a year ``folded[start:end]`` names (:data:`_PART_NAMED`).

    Not those compared with (``so với quý I``).
    """
    return {
        _part_key(m)
        for m in _PART_NAMED.finditer(folded, start, end)
        if not COMPARED.search(folded, max(start, m.start() - 25), m.start())
    }


def other_part_of_year(folded: str, plan: Amount, actual: Amount) -> bool:
    """Whether the plan ``plan`` is set for another part of the year than the result ``actual``.

    ``… đã khai thác được 1.520,4 tấn chè (tương ứng 9,8% kế hoạch năm) trong tháng 5. Trong
    tháng 6, công ty phấn đấu khai thác 1.600 tấn`` and ``Trong 6 tháng đầu năm, dư nợ đạt
    trên 212 tỷ đồng, đạt 100% kế hoạch …. Trong 6 tháng cuối năm, … phấn đấu dư nợ đạt trên
    230 tỷ đồng``: the plan's sentence names, before the amount, a month, a quarter or a run
    of the year's first or last months, and the result's sentence names such parts, none of
    them the plan's. The next month's or the rest of the year's plan is not the one the
    result's percentage is of. A plan named the year's after its part (``Ngay từ quý I, …
    đặt kế hoạch cả năm``, ``Dự kiến 6 tháng cuối năm đạt …, phấn đấu năm 2041 đạt``) is
    the year's.
    """
    head = sentence_around(folded, plan.start, plan.end)[0]
    own = list(_PART_NAMED.finditer(folded, head, plan.start))
    if not own or _WHOLE_YEAR_NAMED.search(folded, own[-1].end(), plan.start):
        return False
    mine = parts_named(folded, head, plan.start)
    theirs = parts_named(folded, *sentence_around(folded, actual.start, actual.end))
    return bool(mine) and bool(theirs) and mine.isdisjoint(theirs)


def sentence_around(folded: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of ``folded[start:end]``, from its full stop to the next (or the end).

    At most :data:`_PART_REACH` characters back.
    """
    floor = max(0, start - _PART_REACH)
    head = max([floor, *(m.end() for m in FULL_STOP.finditer(folded, floor, start))])
    stop = FULL_STOP.search(folded, end)
    return head, stop.start() if stop else len(folded)


# "kế hoạch cả năm", "cả năm", "năm 2041", "năm nay": the plan named the year's
_WHOLE_YEAR_NAMED = rx(
    rf"(?<!\w)(?:(?:{PLAN_NOUNS}|kh)(?:\s+của)?\s+(?:cả\s+)?năm|cả\s+năm"
    r"|năm\s+(?:(?:19|20)\d\d(?!\d)|nay(?!\w)))(?!\w)"
)


def _may_agree(s: LinkableStatement, value: Decimal) -> bool:
    """Whether ``value`` is near enough to ``s``'s actual over its percentage to be asked.

    A cheap bound before :func:`agrees`, twice as wide as the percentage's rounding, so it
    never refuses a value that agrees.
    """
    p = percent_of(s)
    if p is None or value <= 0:
        return False
    assert isinstance(s.actual, Decimal)
    half = Decimal(1).scaleb(-p.decimals)  # a whole unit of the last digit: twice the rounding
    share = 100 * s.actual / value
    return p.value - half <= share <= p.value + half


FAR_PLAN_WINDOW = 2 * PLAN_AMOUNT_WINDOW
"""How far (characters) either side of a percentage of a plan its plan's amount may be written
when none is written nearer (:func:`_far_plan`)."""


def _placed_as_plan(
    s: LinkableStatement, text: str, at: tuple[str, int], actual: Amount, a: Amount
) -> bool:
    """Whether ``a`` stands where a plan of ``s``'s percentage may be written.

    Set out as a plan in another sentence or a clause before the result
    (``_other_clause``, ``_clause_before``), or written right after the plan the percentage
    names (:func:`_named_right_after`). ``at``: the folded window and where it starts in
    ``text``.
    """
    folded, low = at
    if _named_right_after(s, text, a.start + low):
        return True
    return (_other_clause(folded, actual, a) or _clause_before(folded, actual, a)) and (
        sets_out_plan(folded, a, 0, qualified=True) or _adjusted_plan(s, text, folded, a)
    )


# "đạt 92,2% dự toán pháp lệnh 115.000 tỷ đồng", "đạt 17% kế hoạch (39.600 tấn)": the plan's
# amount right after the plan the percentage names, a bracket or up to four words that name
# the plan (who set it, its year, its measure) between; any other word may be another
# result's ("đạt 70% kế hoạch năm nhưng tiêu thụ 10.000 tấn")
_PLAN_WORD = (
    r"(?:năm|cả|pháp\s+lệnh|được|đã|giao|đề\s+ra|đặt\s+ra|là|của|hđnd|ubnd|tỉnh|huyện|xã"
    r"|thành\s+phố|trung\s+ương|cấp\s+trên|nghị\s+quyết|điều\s+chỉnh|ban\s+đầu|bổ\s+sung"
    r"|(?:nộp|thu)\s+ngân\s+sách|doanh\s+thu|lợi\s+nhuận|vốn|sản\s+lượng|\d{4})(?!\w)"
)
_RIGHT_AFTER = rx(rf"\s*(?:\(\s*|(?:{_PLAN_WORD}\s*){{1,4}})?")

# a mark no stretch :data:`_RIGHT_AFTER` matches may hold, before or after folding (only
# words, spaces and a bracket opened: keep this in step with it)
_NOT_RIGHT_AFTER = re.compile(r"[^\w\s(]|_")


def _named_right_after(s: LinkableStatement, text: str, start: int) -> bool:
    """Whether an amount starting at ``start`` is written right after the plan ``s`` names.

    ``… hơn 7.000 tấn, đạt 17,74% kế hoạch (39.600 tấn), tiêu thụ …``; ``… đạt 92,2% dự
    toán pháp lệnh 115.000 tỷ đồng được giao``; ``hoàn thành 5,6% so với kế hoạch nộp ngân
    sách 256,97 tỷ đồng``: only a bracket, or up to four words naming the plan
    (:data:`_PLAN_WORD`), between the end of ``s`` (its percentage and the plan named,
    :data:`OF_A_TARGET`) and the amount; no word of another result or a change (``đạt 85% dự
    toán và thêm 600 tỷ đồng``, ``đạt 70% kế hoạch năm nhưng tiêu thụ 10.000 tấn``). Only for a
    result written in the percentage's own sentence.
    """
    if start < s.end or s.link_start is not None:
        return False
    if _NOT_RIGHT_AFTER.search(text, s.end, start):
        return False  # a figure or a mark between, which folding keeps: read no further
    if not OF_A_TARGET.search(fold(s.text)):
        return False  # a result taken from another sentence: left as round 23 leaves it
    return _RIGHT_AFTER.fullmatch(fold(text[s.end : start])) is not None


def _far_plan(
    s: LinkableStatement, text: str, scope: tuple[Sequence[LinkableStatement], list[int]]
) -> Amount | None:
    """The plan of ``s``'s percentage written further off, when none is near it.

    ``Sau 9 tháng, … đã đưa 7.320 người đi làm việc ở nước ngoài, đạt 104,6% kế hoạch năm``
    and, in the article's last paragraph well over a page on, ``Năm nay, tỉnh đặt mục tiêu
    đưa 7.000 người đi làm việc ở nước ngoài``: the one plan amount of the result's measure
    and word between :data:`~kpitools.extract.amounts.PLAN_AMOUNT_WINDOW` and
    :data:`FAR_PLAN_WINDOW` characters away, that the percentage gives as written (no hedge:
    at that distance the figures are the only evidence), for an exact result and percentage
    with no qualifier. None when any plan amount of that kind is nearer (the nearer one,
    unfitting, says the plan is another).
    """
    if s.qualifier is not None or not s.exact:
        return None  # a hedged figure fits a far amount by chance too easily
    return _plan_amount(s, text, scope, paragraph(text, s.start, s.end))


def _far_fit(
    s: LinkableStatement,
    read: tuple[str, Amount],
    candidates: list[Amount],
    near: tuple[int, int],
    low: int,
) -> Amount | None:
    """The one far candidate that ``s``'s percentage agrees with, in the text's offsets.

    None if any candidate is ``near`` (offsets in ``folded``, the window from ``low``).
    ``read``: the folded window and the result's amount in it; a candidate of another unit,
    later time or measure than the result is none (:func:`~kpitools.extract.far_plans.far_apart`).
    """
    if any(near[0] <= a.start < near[1] for a in candidates):
        return None
    folded, actual = read
    fitting = [a for a in candidates if agrees(s, a.value) and not far_apart(folded, actual, a)]
    if len({a.value for a in fitting}) != 1 or _share_of_plan(folded, fitting[0]):
        return None
    return shifted(fitting[0], low)


def _exact_at_precision(s: LinkableStatement, fitting: list[Amount]) -> list[Amount]:
    """The one plan amount among ``fitting`` that gives the percentage of ``s`` as written.

    ``đạt khoảng 18% so với kế hoạch vốn`` met within its hedge by two plans (17,8 % and
    17,3 %): the one the written percentage is the rounding of is the plan, when only one is
    (else ``fitting`` as it is). Not for a floor or a ceiling (``hơn 52%`` is met by 54 %
    as well as by 52,4 %).
    """
    if len({a.value for a in fitting}) < 2:
        return fitting
    if s.exact and s.qualifier in FLOORS:
        exact = [a for a in fitting if reaches_floor(s, a.value)]
    elif s.qualifier in (None, *ABOUT):
        exact = [a for a in fitting if agrees(s, a.value)]
    else:
        return fitting
    return exact if len({a.value for a in exact}) == 1 else fitting


# "Sau khi điều chỉnh giảm 1.200 tỷ đồng, tổng vốn còn 8.450 tỷ đồng": what is left of a
# plan after it was adjusted, and a percentage naming the plan as adjusted; so after a cut
# or a saving ("Sau khi thực hiện cắt giảm 4%, kế hoạch vốn còn …", "… 31% kế hoạch sau khi
# thực hiện tiết kiệm 4%")
_ADJUSTED = r"sau\s+(?:khi\s+)?(?:thực\s+hiện\s+)?(?:điều\s+chỉnh|cắt\s+giảm|tiết\s+kiệm)(?!\w)"
_ADJUSTED_LEFT = rx(
    rf"(?<!\w){_ADJUSTED}(?:[^.;:]|\.(?=\d))*?,\s*(?:[^\W\d_]+\s+){{1,8}}?"
    r"còn(?:\s+(?:lại|là))?\s*(?:(?:khoảng|gần|hơn|trên)\s+)?$"
)
_OF_ADJUSTED = rx(rf"^\s*(?:so\s+(?:với\s+)?)?{PLAN_NOUNS}\s+{_ADJUSTED}")


def _adjusted_plan(s: LinkableStatement, text: str, folded: str, a: Amount) -> bool:
    """Whether ``a`` is what is left of a plan after its adjustment, as ``s`` names its plan.

    ``Sau khi điều chỉnh giảm 1.200 tỷ đồng, tổng vốn còn 8.450 tỷ đồng``, and the
    percentage of ``s`` is of the plan after adjustment (``tương đương 96,1% kế hoạch sau
    điều chỉnh``).
    """
    head = clause_head(folded, a.start, max(0, a.start - 300))
    return (
        _ADJUSTED_LEFT.search(folded, head, a.start) is not None
        and _OF_ADJUSTED.match(after_percent(s, text)) is not None
    )


# "…, tăng 8% so với cùng kỳ và bằng 98% kế hoạch năm": an amount's own share of a plan
_SHARE_OF_PLAN = rx(rf"(?<!\w)(?:bằng|đạt)\s+({NUM})\s*%\s*(?:so\s+với\s+)?{PLAN_NOUNS}(?!\w)")


def _share_of_plan(folded: str, a: Amount) -> bool:
    """Whether the amount ``a`` is said, in its sentence, to be a share of a plan not whole.

    ``phấn đấu đưa giá trị sản xuất đạt 720 nghìn tỷ đồng, tăng 8% so với cùng kỳ và bằng
    98% kế hoạch năm``: an aim short of the plan, so not the plan itself (a percentage of the
    plan is of another amount). The share follows ``a`` with no amount of a unit between;
    ``đạt 100% kế hoạch`` says the amount is the plan.
    """
    if folded[a.end : a.end + 1] == ")":
        return False  # "đạt 20% kế hoạch (900 tỷ đồng), bằng 22% …": the plan, bracketed
    stop = FULL_STOP.search(folded, a.end)
    m = _SHARE_OF_PLAN.search(folded, a.end, stop.start() if stop else len(folded))
    if m is None or parse_number(m.group(1)) == 100:
        return False
    return not any(b.unit[1] for b in amounts_in(folded, a.end, m.start()))


def _paired_with_other(s: LinkableStatement, c: LinkableStatement | None, plan: Decimal) -> bool:
    """Whether the plan amount read in ``c`` is already paired there with another result.

    ``Kế hoạch năm 2023 kết nạp 120 đảng viên, kết quả kết nạp được 131`` pairs 120 with
    its own result in its own sentence: when ``kết nạp 30 đảng viên, đạt 75% chỉ tiêu``
    elsewhere does not fit it, it is no plan of that result to check against (a wrong claim
    and a false alarm). A plan that fits the percentage is still linked (one plan, its
    result of the months and of the year); a result of the same figure may take it.
    """
    return (
        c is not None
        and c is not s
        and c.target == plan
        and isinstance(c.actual, Decimal)
        and c.actual != s.actual
    )


def _unfitting(
    s: LinkableStatement, text: str, folded: str, actual: Amount, plans: list[Amount]
) -> list[Amount]:
    """The plans linked to ``s`` though its percentage fits none of them, to be checked.

    In turn: the plans of the same words (:func:`_unfitting_plans`), the plan named with who
    set it (:func:`_issued_plans`), the one plan a percentage written with decimals misses
    by one unit of its last digit (:func:`_nearly_fitting`).
    """
    if s.exact and s.qualifier is None:
        same = _unfitting_plans(s, text, folded, actual, plans)
        if same:
            return same
    return _issued_plans(s, text, folded, plans) or _nearly_fitting(s, folded, actual, plans)


def _nearly_fitting(
    s: LinkableStatement, folded: str, actual: Amount, plans: list[Amount]
) -> list[Amount]:
    """The exact plans an exact percentage with decimals misses by one unit of its last digit.

    ``đạt 41,6% kế hoạch`` of 2.080 against a plan of 5.010 set out just before the result
    (in its sentence or the one before: 41,52 %): a coincidence that close is no chance, so
    the plan is linked and the percentage, which neither rounds nor cuts from the figures,
    is checked (and flagged). A percentage written whole (``đạt 42%``) is too coarse for
    this, and a plan written after the result may be another measure's.
    """
    p = percent_of(s)
    if p is None or not p.decimals or not s.exact or s.qualifier is not None:
        return []
    assert isinstance(s.actual, Decimal)
    unit = Decimal(1).scaleb(-p.decimals)
    return [
        a
        for a in plans
        if a.value
        and a.unit == actual.unit
        and not has_qualifier(folded, a)
        and a.end <= actual.start
        and len(FULL_STOP.findall(folded, a.end, actual.start)) <= 1
        and abs(100 * s.actual / a.value - p.value) <= unit
    ]


def _unfitting_plans(
    s: LinkableStatement, text: str, folded: str, actual: Amount, plans: list[Amount]
) -> list[Amount]:
    """The plans ``s``'s exact percentage fits none of, linked on their words and checked.

    The one plan that counts the same thing in the same words (``2,5 triệu cây phân tán``
    for ``3 triệu cây phân tán``); else the plans of the measure the percentage's plan names
    written right beside them (``55% kế hoạch doanh thu …, tương ứng mục tiêu 3.000 tỷ đồng
    doanh thu``). Only amounts with no qualifier, in the result's words.
    """
    exact = [a for a in plans if a.unit == actual.unit and not has_qualifier(folded, a)]
    thing = thing_counted(folded, actual)
    same = [a for a in exact if thing is not None and thing_counted(folded, a) == thing]
    measure = plan_measure(s, text)
    if same or measure is None:
        return same
    return [a for a in exact if measure_beside(folded, a) == measure]


# "đạt 48% kế hoạch Bộ Tài chính giao": the plan and who set it, named after a percentage
_ISSUED_PLAN = rx(
    r"^\s*(?:so\s+(?:với\s+)?)?(kế\s+hoạch|dự\s+toán|chỉ\s+tiêu|mục\s+tiêu)"
    r"\s+((?:(?!giao(?!\w))[^\W\d_]+\s+){1,4}?)giao(?!\w)"
)


def _issued_plans(
    s: LinkableStatement, text: str, folded: str, plans: list[Amount]
) -> list[Amount]:
    """The plans the percentage of ``s`` fits none of, named in its plan's own words.

    ``đạt 48% kế hoạch Bộ Tài chính giao`` and, in the sentence before, ``kế hoạch vốn năm
    2025 được Bộ Tài chính giao hơn 5.000 tỷ đồng``: the plan's noun and who set it (the
    words before ``giao``) are written in the amount's own sentence before it, so the amount
    is that plan, whether or not the figures agree (they are checked). A plan set by no one
    named (``kế hoạch giao``) takes nothing this way.
    """
    m = _ISSUED_PLAN.match(after_percent(s, text))
    if m is None:
        return []
    noun = noun_pattern(" ".join(m.group(1).split()))
    issuer = rx(rf"(?<!\w){re.escape(' '.join(m.group(2).split()))}\s+giao\s*$")
    out = []
    for a in plans:
        lead = " ".join(folded[clause_head(folded, a.start, 0) : a.start].split())
        lead = AMOUNT_QUALIFIER.sub("", lead).rstrip()
        if noun.search(lead) and issuer.search(lead + " "):
            out.append(a)
    return out


def _exact_of_restated(folded: str, fitting: list[Amount]) -> list[Amount]:
    """The one exact plan among ``fitting`` when the others are it restated, rounded.

    ``phục hồi hơn 1.200 ha rừng`` in the lead and ``đặt mục tiêu trồng 1.240 ha`` in the
    body: a qualified amount within :data:`PROGRAMME_TOLERANCE` of the one exact amount is
    that plan rounded, not a second plan. Otherwise ``fitting`` as it is.
    """
    exact = {a.value for a in fitting if not has_qualifier(folded, a)}
    if len(exact) != 1:
        return fitting
    value = next(iter(exact))
    if not value or any(
        abs(a.value - value) > PROGRAMME_TOLERANCE * value
        for a in fitting
        if has_qualifier(folded, a)
    ):
        return fitting
    return [a for a in fitting if a.value == value]


def _same_units(
    named: set[str], window: str, folded: str, a: Amount, result: tuple[int, int]
) -> bool:
    """Whether the sentence of the plan amount ``a`` is of the units ``named`` by the result.

    It names the same ones by kind and name, or names them without their kind (``tỉnh Ninh
    Bình … đã đón`` and ``ngành du lịch Ninh Bình đặt mục tiêu đón``), or names none while
    no other unit is named from it to the result's sentence (``result``: its start and end)
    — a report about one province (``Sở Tài chính tỉnh Đồng Nai cho biết … đã giải ngân hơn
    7.500 tỉ đồng …. … vốn được phân bổ … gần 21.000 tỉ đồng``).
    """
    head = clause_head(folded, a.start, 0)
    own = units_named(window, head, a.start)
    if own == named:
        return True
    lead = " ".join(folded[head : a.start].split())
    if own and not named:
        # a result naming no unit, near the plan of one: the plan's unit is its topic, so
        # long as no other unit is named from the one to the other, or the result names it
        # back by its kind alone
        span = (min(head, result[0]), max(a.start, result[1]))
        return units_named(window, *span) == own or kind_named_back(window, head, a, result)
    if own:
        return False
    if all(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", lead) for n in named):
        return True
    return units_named(window, min(head, result[0]), max(a.end, result[1])) <= named


def _plan_fits(s: LinkableStatement, folded: str, a: Amount) -> bool:
    """Whether the stated percentage of ``s`` fits its actual against the plan amount ``a``.

    Exactly (as written) for exact figures; within :data:`PROGRAMME_TOLERANCE` when the
    result, its percentage or the plan is qualified (``hơn 7,2 triệu lượt, đạt gần 80%`` of
    ``trên 9,1 triệu``).
    """
    if not has_qualifier(folded, a):
        return (
            agrees(s, a.value)
            or _index_as_excess(s, a.value)
            or ((s.qualifier is not None or not s.exact) and fits_programme(s, a.value))
        )
    return fits_hedged(s, a.value)


# "Quốc hội giao", "Thủ tướng Chính phủ giao": the plan named by who set it
_SETTER = rx(r"(?:[^\W\d_]+\s+){1,4}?(?:giao|đề\s+ra|phê\s+duyệt|thông\s+qua)(?!\w)")


def _named_otherwise(s: LinkableStatement, text: str, folded: str, a: Amount) -> bool:
    """Whether ``s``'s plan, met only within a tolerance, is named by words its amount lacks.

    ``hơn 1,9 triệu tấn, bằng 53% kế hoạch điều hành`` fits ``kế hoạch khai thác 3,7 triệu
    tấn`` only by its hedge: the plan named (``điều hành``) is not the one whose amount is
    written, and a fit that loose is no evidence. An exact fit, or a plan named by no word
    (``kế hoạch năm``), by who set it (``dự toán Quốc hội giao``) or by words the amount's
    sentence holds, is taken.
    """
    if agrees(s, a.value):
        return False
    after = after_percent(s, text)
    lead = PLAN_WORD_AFTER.match(after)
    noun = noun_of(after[lead.end() :]) if lead else None
    if noun is None or (lead and _SETTER.match(after, lead.end())):
        return False  # "dự toán Quốc hội giao": who set it, not what it is of
    head, stop = sentence_span(folded, a)
    return noun not in " ".join(folded[head:stop].split())


def _index_as_excess(s: LinkableStatement, target: Decimal) -> bool:
    """Whether ``s`` states an index as an excess against the plan ``target``.

    ``vượt 103,7% dự toán`` where the actual is 103,7 % of the plan (an excess of 3,7 %): the
    plan is linked and the stated excess checked against it, so the audit flags it.
    """
    if s.stated_kind != "excess" or s.stated is None or not isinstance(s.actual, Decimal):
        return False
    try:
        p = parse_percent(s.stated)
    except ValueError:
        return False
    return p.value >= 100 and bool(target) and bool(check_percent(p, s.actual, target).consistent)


def link_plan_amounts(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, each percentage of a plan given the plan's amount written elsewhere.

    ``Khách quốc tế ước đạt 1,635 triệu lượt, đạt 19,2% so với kế hoạch năm. … Ngành đặt
    mục tiêu đón 8,5 triệu lượt khách quốc tế năm nay`` is 1,635 against 8,5 million: the
    amount, up to :data:`~kpitools.extract.amounts.PLAN_AMOUNT_WINDOW` characters either side
    (across paragraph ends:
    a plan in brackets one paragraph before, ``đạt 56,6% kế hoạch … giao (913.216,2 tỷ
    đồng)``, or stated at the end of the article), is written with the same word after it as
    the result (``lượt``, ``đồng``; the scale may differ: ``hơn 553 nghìn tỷ đồng`` against
    ``913.216,2 tỷ đồng``), is set out as a plan in its own sentence (``mục tiêu``, ``kế
    hoạch``, ``phấn đấu``, ``hướng tới``, ``dự toán`` before it, no result word between; or
    in brackets right after a plan's name), names no other year than the result's, carries
    no qualifier, and agrees with the stated percentage.

    Only an amount that agrees is linked, and only when one value does: the report's own
    percentage is the evidence that the amount is its plan (precision first; a qualified
    result, ``hơn 553 nghìn tỷ``, is linked but left unchecked). When none agrees, the one
    exact plan amount that counts the same thing in the same words (``2,5 triệu cây phân
    tán`` for ``3 triệu cây phân tán, đạt 125% kế hoạch``) is linked on those words and
    checked: its disagreement is an audit finding. A result with a target or a link to a
    target of its own is left as it is; one whose actual was linked
    (:func:`~kpitools.extract.referred.link_referred_results`) keeps that in its note.
    """
    out = list(statements)
    ordered = sorted(statements, key=lambda c: c.start)
    scope = (ordered, [c.start for c in ordered])
    for i, s in enumerate(statements):
        if (
            s.target is not None
            or (s.link_start is not None and s.link_text is None)
            or not isinstance(s.actual, Decimal)
            or s.stated_kind not in ("attainment", "excess")
            or not (
                OF_A_TARGET.search(fold(s.text))
                or measure_completed(s, fold(text[s.end : s.end + 120]))
                or _plan_beside_percent(s, text)
                or _disbursement_rate(s, text)
            )
        ):
            continue
        plan = _plan_amount(s, text, scope)
        if plan is None:
            plan = _far_plan(s, text, scope)
        if plan is not None and not _set_against_results_period(text, plan, s):
            out[i] = _as_range(with_plan(s, plan, text), _range_of(text, plan))
        elif plan is None:
            out[i] = _denied_by_part_plan(s, text) or s
    return out


# the year's plan named with nothing after it but its year ("kế hoạch năm)", "kế hoạch năm
# 2041,"): not "kế hoạch năm của tập đoàn", "kế hoạch năm điều chỉnh" (another plan)
_YEAR_PLAN_ONLY = r"(?:\s+(?P<year>(?:19|20)\d\d))?(?=\s*(?:[^\w\s]|$|(?:và|trong)(?!\w)))"
# "đạt 10,5% kế hoạch năm", "bằng 8% KH cả năm": a percentage of the year's plan
_OF_YEARS_PLAN = rx(
    rf"^\s*(?:so\s+với\s+)?(?:{PLAN_NOUNS}|kh)\s+(?:cả\s+)?năm(?!\w){_YEAR_PLAN_ONLY}"
)
# "1.600 tấn chè (tương ứng 10,3% kế hoạch năm)": an amount said to be a share of the year's
# plan, a few words of what it counts between
_SHARE_OF_YEARS_PLAN = rx(
    rf"(?P<noun>(?:\s+[^\W\d_]+){{0,5}})\s*[(,]\s*(?:tương\s+ứng|bằng|chiếm)(?:\s+với)?\s+"
    rf"(?P<p>{NUM})\s*%\s+(?:so\s+với\s+)?(?:{PLAN_NOUNS}|kh)\s+(?:cả\s+)?năm(?!\w)"
    rf"{_YEAR_PLAN_ONLY}"
)
# the words after a result's unit, up to its bracket or comma: what it counts ("mủ quy khô")
_NOUN_AFTER = rx(r"(?:\s+[^\W\d_]+){0,5}(?=\s*[(,.;]|\s*$)")
# words of a plan's sentence that say it is a plan, or when, not who or what
_PLAN_SAYING = frozenset(
    (
        *("trong", "vào", "sang", "phấn", "đấu", "đặt", "ra", "mục", "tiêu", "kế", "hoạch"),
        *("kh", "chỉ", "dự", "kiến", "đạt", "là", "được", "sẽ", "năm", "nay", "đầu", "cuối"),
    )
)


def _year_plan_bounds(amount: Decimal, p: Percent) -> tuple[Decimal, Decimal] | None:
    """The year's plans of which ``amount`` is ``p`` at the percentage's precision."""
    half = Decimal(5).scaleb(-p.decimals - 1)
    if p.value - half <= 0:
        return None
    return 100 * amount / (p.value + half), 100 * amount / (p.value - half)


def _denied_by_part_plan(s: LinkableStatement, text: str) -> LinkableStatement | None:
    """``s`` flagged when the plan of another part of the year denies its percentage.

    ``… khai thác được 1.520,4 tấn chè (tương ứng 9,8% kế hoạch năm) trong tháng 5. Trong
    tháng 6, công ty phấn đấu khai thác 1.600 tấn chè (tương ứng 10,3% kế hoạch năm)``: the
    next month's plan (:func:`other_part_of_year`) is not the result's, but it is said to be
    a share of the same year's plan, which it gives (about 15.534 tấn); 1.520,4 tấn is 9,79
    % of that, not 9,8 %, only when the two year's plans the percentages give overlap at
    their precision. Exact figures only, of the same word, with no qualifier, the year's plan
    named alone (not ``kế hoạch năm của tập đoàn``) and of one year, and the plan's one of the
    same thing (:func:`_same_thing_planned`); when the plans do not overlap, ``s`` is flagged
    (``part_plan_denies``).
    """
    p = percent_of(s)
    if (
        p is None
        or not s.exact
        or s.qualifier is not None
        or s.stated_kind != "attainment"
        or not isinstance(s.actual, Decimal)
    ):
        return None
    of_year = _OF_YEARS_PLAN.match(after_percent(s, text))
    if of_year is None:
        return None
    low, high = paragraph(text, s.start, s.end, PLAN_AMOUNT_WINDOW)
    folded = fold(text[low:high])
    amounts = amounts_in(folded, 0, len(folded))
    own = [a for a in amounts if a.value == s.actual and a.start < s.end - low]
    mine = _year_plan_bounds(s.actual, p)
    if not own or mine is None:
        return None
    actual = own[-1]
    for a in amounts:
        m = _SHARE_OF_YEARS_PLAN.match(folded, a.end, a.end + 120)
        if (
            m is None
            or a.start == actual.start
            or a.unit != actual.unit
            or (m.group("year") or of_year.group("year"))
            != (of_year.group("year") or m.group("year"))
            or has_qualifier(folded, a)
            or not sets_out_plan(folded, a, 0, qualified=True)
            or not other_part_of_year(folded, a, actual)
            or not _same_thing_planned(folded, a, m.group("noun"), actual)
        ):
            continue
        try:
            theirs = _year_plan_bounds(a.value, parse_percent(m.group("p") + "%"))
        except ValueError:
            continue
        if theirs is None or (theirs[0] <= mine[1] and mine[0] <= theirs[1]):
            return None
        plan = (theirs[0] + theirs[1]) / 2
        return flagged_statement(
            s,
            "part_plan_denies",
            stated=s.stated,
            a=f"{s.actual:f}",
            text=" ".join(
                text[low + a.start : low + m.end() + (folded[m.end() : m.end() + 1] == ")")].split()
            ),
            plan=f"{plan:.1f}",
            expected=f"{100 * s.actual / plan:.2f}",
        )
    return None


def _same_thing_planned(folded: str, plan: Amount, noun: str, actual: Amount) -> bool:
    """Whether the other part's plan ``plan`` is of what the result ``actual`` counts.

    The same words after the unit (``tấn mủ quy khô``), and the plan's sentence before it
    says nothing the result's sentence does not, but that it is a plan and when
    (``Trong tháng 9/2015, PHR phấn đấu khai thác`` against ``… PHR … đã khai thác được``):
    not another firm (``nhà máy B``, ``toàn tập đoàn``), another thing done (``tiêu thụ``
    against ``khai thác``), another measure (``lợi nhuận`` against ``doanh thu``), another
    year (``năm sau``; ``tháng 1/2042`` against ``tháng 12/2041``).
    """
    counted = _NOUN_AFTER.match(folded, actual.end)
    if counted is None or counted.group().split() != noun.split():
        return False
    head = sentence_around(folded, plan.start, plan.end)[0]
    start, stop = sentence_around(folded, actual.start, actual.end)
    theirs = folded[start:stop]
    years, their_years = set(YEAR.findall(folded, head, plan.start)), set(YEAR.findall(theirs))
    if years and their_years and years.isdisjoint(their_years):
        return False
    said = set(re.findall(r"[^\W\d_]+", theirs))
    lead = _PART_NAMED.sub(" ", folded[head : plan.start])
    return all(w in said or w in _PLAN_SAYING for w in re.findall(r"[^\W\d_]+", lead))


# "… 26 tỷ đồng lợi nhuận, lần lượt giảm 23% và 78% so với niên vụ 2040-2041": the period
# a plan is set against, named by its years
_BASE_PERIOD = rx(
    r"(?<!\w)so\s+(?:với\s+)?((?:năm|niên\s+vụ|niên\s+độ|mùa\s+vụ|giai\s+đoạn)\s+"
    r"(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?)(?![\d\w])"
)
_PERIOD_REACH = 300
"""How far (characters) after a plan's amount, and before a result, periods are read."""


def _set_against_results_period(text: str, plan: Amount, s: LinkableStatement) -> bool:
    """Whether the plan is set against the period the result ``s`` is of.

    ``Công ty đặt kế hoạch niên vụ 2041-2042 với 26 tỷ đồng lợi nhuận, giảm 78% so với niên vụ
    2040-2041.`` … ``Kết thúc niên vụ 2040-2041, …, lãi ròng đạt hơn 119 tỷ đồng. … vượt 367%
    mục tiêu lợi nhuận``: a plan written as a change from a period's figures is the plan of
    a later period, not of that period's result (round 126). The base period is read in the
    plan's sentence after its amount (at most :data:`_PERIOD_REACH` characters); the
    result's is the last period named (not as a base, ``so với cùng kỳ năm 2040``) in ``s``'s
    paragraph before it, at most :data:`_PERIOD_REACH` characters back: a later sentence's
    period (``Năm 2040, lãi ròng đạt 28 tỷ đồng. Quý I/2041, lãi ròng đạt 8 tỷ đồng``) is
    its own.
    """
    after = text[plan.end : plan.end + _PERIOD_REACH]
    stop = FULL_STOP.search(after)
    m = _BASE_PERIOD.search(fold(after[: stop.start() if stop else len(after)]))
    base = PERIOD.search(m.group(1)) if m else None
    if base is None:
        return False
    low = max(0, s.start - _PERIOD_REACH)
    para = fold(text[max(low, text.rfind("\n", low, s.start) + 1) : s.start])
    named = [
        x
        for x in PERIOD.finditer(para)
        if not COMPARED.search(para, max(0, x.start() - 25), x.start())
    ]
    return bool(named) and period_of(named[-1]) == period_of(base)


# "đã giải ngân được 120 tỷ đồng, đạt tỷ lệ 30%": the share of the capital plan disbursed
_RATE_ENDS = rx(r",\s*đạt\s+tỷ\s+lệ\s+[\d.,]+\s*%$")
_DISBURSED_BEFORE = rx(r"(?<!\w)giải\s+ngân(?!\w)[^.;:\n]*$")


def _disbursement_rate(s: LinkableStatement, text: str) -> bool:
    """Whether ``s`` is an amount disbursed and its rate, of a plan no word names.

    ``Đến ngày 31/7, xã đã giải ngân được 120 tỷ đồng, đạt tỷ lệ 30%``: the share of the
    capital plan disbursed.
    """
    if _RATE_ENDS.search(fold(s.text)) is None:
        return False
    return _DISBURSED_BEFORE.search(fold(text[max(0, s.start - 120) : s.start])) is not None


# "vượt kế hoạch đề ra khoảng 4%": the plan named between the verb and the percentage
_PLAN_BEFORE_PERCENT = rx(
    rf"(?<!\w)(?:vượt|đạt|hoàn\s+thành|bằng)\s+{PLAN_NOUNS}(?:\s+[^\W\d_]+){{0,3}}?"
    r"(?:\s+(?:khoảng|gần|hơn|trên|xấp\s+xỉ))?\s*$"
)
# "vượt 1,2 triệu tấn (vượt 12%) kế hoạch năm": the plan named after the bracket closes
_PLAN_AFTER_BRACKET = rx(rf"^\s*\)\s*(?:so\s+(?:với\s+)?)?{PLAN_NOUNS}(?!\w)")


def _plan_beside_percent(s: LinkableStatement, text: str) -> bool:
    """Whether the plan of ``s``'s percentage is named outside its text, right beside it.

    Before it, after its verb (``vượt kế hoạch đề ra khoảng 4%``), or after the bracket that
    holds it (``vượt 1,2 triệu tấn (vượt 12%) kế hoạch năm``).
    """
    if s.stated is None or not s.stated.endswith("%"):
        return False
    at = s.start + max(s.text.rfind(s.stated), 0)
    if _PLAN_BEFORE_PERCENT.search(fold(text[max(0, at - 60) : at])):
        return True
    return _PLAN_AFTER_BRACKET.match(after_percent(s, text)) is not None


# "đặt kế hoạch doanh thu từ 80 tỷ đồng đến 90 tỷ đồng": a plan written as a range
_RANGE_OPEN = rx(r"(?<!\w)từ\s*$")
_RANGE_TO = rx(r"\s*(?:đến|tới|-|–)\s*")


def _range_of(text: str, plan: Amount) -> tuple[Decimal, Decimal] | None:
    """The plan's two ends when its amount opens a range of the same unit, else None."""
    if not _RANGE_OPEN.search(fold(text[max(0, plan.start - 10) : plan.start])):
        return None
    folded = fold(text[plan.start : plan.end + 60])
    nxt = next(iter(amounts_in(folded, plan.end - plan.start, len(folded))), None)
    if nxt is None or nxt.unit != plan.unit or nxt.value <= plan.value:
        return None
    if not _RANGE_TO.fullmatch(folded, plan.end - plan.start, nxt.start):
        return None
    return plan.value, nxt.value


def _as_range(s: LinkableStatement, ends: tuple[Decimal, Decimal] | None) -> LinkableStatement:
    """``s``, checked against a range's low end, with the whole range as its target.

    A percentage that does not fit the low end is left with no verdict (it may be of the
    other end).
    """
    if ends is None:
        return s
    if s.verdict == "consistent":
        return dataclasses.replace(s, target=ends)
    return dataclasses.replace(s, target=ends, consistent=None, verdict="unchecked")


# "giải ngân 120 tỷ đồng/KH vốn năm 900 tỷ đồng, đạt 13,3%": a result, a slash, the plan named
# and its amount: the percentage after the plan's amount is of the result written before it
_SLASHED_PLAN = rx(
    r"\s*/\s*(?:kh|kế\s+hoạch|dự\s+toán|chỉ\s+tiêu)(?!\w)(?:\s+(?:[^\W\d_]+|(?:19|20)\d\d)){0,6}"
    r"\s*$"
)
_SLASH_WINDOW = 120


def link_slashed_plans(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, a percentage after a result, a slash and a plan's amount given both.

    ``đã giải ngân 120 tỷ đồng/KH vốn năm 900 tỷ đồng, đạt 13,3%``: the result, then
    ``/`` and the plan's name, then the plan's amount: the percentage right after is the
    result's against that plan. Only when the result and the plan are of the same scale and
    word (both money of one currency) and the percentage fits them (the fit is the evidence:
    precision first).
    """
    out = list(statements)
    for i, s in enumerate(statements):
        if s.target is not None or not isinstance(s.actual, Decimal):
            continue
        if s.stated_kind != "attainment" or s.start < 1:
            continue
        over = _over_its_plan(s, text)
        if over is not None:
            out[i] = _rounded_fraction(with_plan(s, over, text), over, text)
            continue
        found = _slashed_result(s, text)
        if found is not None:
            result, plan = found
            read = dataclasses.replace(
                s, start=result.start, text=text[result.start : s.end], actual=result.value
            )
            out[i] = with_plan(read, plan, text)
    return out


# "đã trồng 640 ha/800 ha, đạt 80% kế hoạch": a result, a slash and a number written in the
# same unit, then a percentage of a plan: the amount after the slash is the plan
_SLASH_NUMBER = rx(rf"\s*/\s*(?P<n>{NUM})")
_LEADING = re.compile(NUM)
_PERCENT_OF_PLAN = rx(
    rf"\s*,\s*(?:(?:đạt|bằng)\s+)?(?:{NUM})\s*%\s*(?:so\s+với\s+)?(?:{PLAN_NOUNS}|kh)(?!\w)"
)


def _over_its_plan(s: LinkableStatement, text: str) -> Amount | None:
    """The plan written after a slash right after the result of ``s``.

    ``640 ha/800 ha, đạt 80% kế hoạch``: the number after the slash written in the result's
    own unit (its scale and word), a percentage of a plan right after it. Whether the
    percentage fits is then checked (one that does not is a finding).
    """
    if s.target is not None or s.qualifier is not None or not s.exact:
        return None
    folded = fold(s.text)
    found = amounts_in(folded, 0, len(folded))
    number = _LEADING.match(folded)
    if not found or number is None or found[0].start != 0 or found[0].value != s.actual:
        return None
    result = found[0]
    unit = folded[number.end() : result.end]
    slash = _SLASH_NUMBER.match(folded, result.end)
    if not result.unit[1] or slash is None or not folded.startswith(unit, slash.end()):
        return None
    if not _PERCENT_OF_PLAN.match(folded, slash.end() + len(unit)):
        return None
    written = parse_number(number.group())
    if written <= 0:
        return None
    value = parse_number(slash.group("n")) * result.value / written
    end = s.start + slash.end() + len(unit)
    return Amount(s.start + slash.start("n"), end, value, result.unit)


def _rounded_fraction(s: LinkableStatement, plan: Amount, text: str) -> LinkableStatement:
    """``s`` left unchecked (approximate) when within the rounding of its fraction.

    ``s`` is read against the plan after its slash; its percentage is off the two figures
    as written but not off every figure they round from:
    ``30,4 triệu kWh/36,2 triệu kWh, đạt 84,2% KH``: 30,4 of 36,2 is 83,98 %, but 30,45 of
    36,15 is 84,23 %; written to one decimal, the figures give the percentage (as a fraction
    written with one unit after both numbers, ``30,4/36,2 triệu kWh``, already does).
    """
    p = percent_of(s)
    number = _LEADING.match(fold(s.text))
    written = _LEADING.match(fold(text[plan.start : plan.end]))
    if s.verdict != "inconsistent" or p is None or number is None or written is None:
        return s
    if not isinstance(s.actual, Decimal) or not isinstance(s.target, Decimal):
        return s
    # the result's rounding only, half-up: the set flags what needs the plan's or a cut
    if "," not in number.group() or not rounding_gives(p, number.group(), s.actual, s.target):
        return s
    return unchecked(s, "approximate_after")


def _slashed_result(s: LinkableStatement, text: str) -> tuple[Amount, Amount] | None:
    """The result before ``s``'s amount (a slash and a plan's name between) and the plan.

    ``s``'s amount is the plan (see :func:`link_slashed_plans`); None when there is no such
    result or the percentage does not fit them.
    """
    low = max(0, s.start - _SLASH_WINDOW)
    folded = fold(text[low : s.end])
    own = [a for a in amounts_in(folded, s.start - low, len(folded)) if a.value == s.actual]
    if not own or own[0].start != s.start - low:
        return None
    plan = own[0]
    slash = _SLASHED_PLAN.search(folded, 0, plan.start)
    before = [a for a in amounts_in(folded, 0, plan.start) if slash and a.end == slash.start()]
    if slash is None or not before or not same_unit(before[0], plan) or not plan.unit[0]:
        return None
    if not agrees(dataclasses.replace(s, actual=before[0].value), plan.value):
        return None
    return shifted(before[0], low), shifted(plan, low)


def _with_floor_plan(
    s: LinkableStatement, plan: Amount, text: str, p: Percent
) -> LinkableStatement | None:
    """``s`` with a plan written as a floor (``trên 300``) as its target, checked.

    Only when its actual is exact and its qualifier, if any, its percentage's (``đạt trên
    41%``): checked as a target stated in a later sentence is
    (:func:`~kpitools.extract.stated_checks.under_floor_target`); None for any other.
    """
    plan_qual = plan_qualifier(text, plan)
    if plan_qual not in FLOORS or s.stated_kind != "attainment" or not s.exact:
        return None
    if s.qualifier is not None and actual_qualifier(s) is not None:
        return None  # the actual's own qualifier: an approximate result
    assert isinstance(s.actual, Decimal)
    exact = s.actual * 100 / plan.value
    t = f"{plan.value:f}"
    check = check_percent(p, s.actual, plan.value)
    if s.qualifier is None and check.consistent:
        return None  # agrees with the figures as written: checked as any plan is
    bad = under_floor_target(p, s.qualifier, exact)
    so_not = seg("so_not_qual", qual=s.qualifier, percent=p.value) if s.qualifier else None
    notes = noted(
        *_actual_link_note(s),
        seg("linked_lead", t=t, text=text[plan.start : plan.end]),
        seg("percent", a=f"{s.actual:f}", t=t, exact=f"{exact:.6g}"),
        seg("target_qualified", target_qual=plan_qual, t=t),
        *((so_not or seg("so_not", percent=p.value),) if bad else ()),
    )
    return _linked_to(
        s,
        plan,
        text,
        computed_percent=check.computed,
        consistent=False if bad else None,
        verdict="inconsistent" if bad else "unchecked",
        **notes,
    )


def with_plan(s: LinkableStatement, plan: Amount, text: str) -> LinkableStatement:
    """``s`` with ``plan`` as its target, linked, and checked.

    ``s`` as it is for a plan of nothing (``712 nghìn ha/0 ha``: no plan, whichever rule
    found it).
    """
    assert isinstance(s.actual, Decimal)
    p = percent_of(s)
    assert p is not None
    if plan.value <= 0:
        return s
    if (floored := _with_floor_plan(s, plan, text, p)) is not None:
        return floored
    check = check_percent(p, s.actual, plan.value)
    assert check.exact is not None
    t = f"{plan.value:f}"
    approximate = s.qualifier is not None or not s.exact
    verdict = (
        "truncated" if check.truncated else "consistent" if check.consistent else "inconsistent"
    )
    tail = (seg("computed", computed=check.computed),)
    plan_qual = plan_qualifier(text, plan)
    if approximate and plan_qual is None and cut_above_floor(s.qualifier, s.text, check):
        approximate, verdict = False, "truncated"
    elif (verdict == "truncated" and plan_qual in FLOORS) or (
        verdict == "inconsistent" and plan_qual is not None and fits_hedged(s, plan.value)
    ):
        # "hơn 1.000 tỷ đồng": the plan is above its figure, the true share below the one
        # computed, which the percentage written may then round to; "khoảng 7 tỷ kWh": the
        # plan linked within its hedge is not flagged for missing it exactly
        verdict, tail = "unchecked", (seg("target_qualified", target_qual=plan_qual, t=t),)
    elif approximate and _beyond_bounds(s, p, plan_qual, plan.value):
        approximate, verdict = False, "inconsistent"
        tail = (
            *((seg("target_qualified", target_qual=plan_qual, t=t),) if plan_qual else ()),
            seg("so_not", percent=p.value),
        )
    notes = noted(
        *_actual_link_note(s),
        seg("linked_lead", t=t, text=text[plan.start : plan.end]),
        seg("percent", a=f"{s.actual:f}", t=t, exact=f"{check.exact:.6g}"),
        *_excess_means(s, p),
        *((seg("qualifier_approximate", qual=s.qualifier or "≈"),) if approximate else tail),
    )
    return _linked_to(
        s,
        plan,
        text,
        computed_percent=check.computed,
        consistent=None if approximate or verdict == "unchecked" else bool(check.consistent),
        verdict="unchecked" if approximate else verdict,
        **notes,
    )


def _linked_to(s: LinkableStatement, plan: Amount, text: str, **checked: Any) -> LinkableStatement:
    """``s`` with ``plan`` (read in ``text``) as its target, linked.

    ``checked`` gives its other fields: the percentage computed, the verdict and the note.
    """
    return dataclasses.replace(
        s,
        target=plan.value,
        implied_target=None,
        link_start=plan.start,
        link_end=plan.end,
        link_text=text[plan.start : plan.end],
        **checked,
    )


def plan_qualifier(text: str, plan: Amount) -> str | None:
    """The qualifier written before the plan amount (``hơn 5.000 tỷ đồng``: ``hơn``)."""
    m = LEAD_QUALIFIER.search(fold(text[max(0, plan.start - 20) : plan.start]))
    return m.group(1) if m else None


# the qualifiers that bound a figure from above (the true figure is at most it) and below
_AT_MOST = frozenset({None, "gần"})
_AT_LEAST = frozenset({None, "trên", "hơn"})


def _beyond_bounds(
    s: LinkableStatement, p: Percent, plan_qual: str | None, target: Decimal
) -> bool:
    """Whether a hedged result's percentage lies outside what its hedges allow.

    ``gần 450 tỷ đồng, đạt 52% kế hoạch`` of ``hơn 1.000 tỷ đồng``: the result is at most
    450 and the plan at least 1.000, so the share is at most 45 %; a stated 52 % is more
    than :data:`PROGRAMME_TOLERANCE` above it and cannot be. A hedge that bounds neither
    way (``khoảng``) or a range allows anything.
    """
    actual_qual = s.qualifier
    if not isinstance(s.actual, Decimal) or not target or s.stated_kind != "attainment":
        return False
    share = 100 * s.actual / target
    margin = PROGRAMME_TOLERANCE * p.value
    if actual_qual in FLOORS and plan_qual is None and actual_qualifier(s) is None:
        # "đạt hơn 40% kế hoạch": the percentage's floor, met up to a reach above it, or up
        # to its next written digit ("hơn 1%" of a share of 1,2 %: the floor cut)
        next_digit = p.value + Decimal(1).scaleb(-p.decimals)
        held = p.value <= share and (share <= FLOOR_REACH * p.value or share < next_digit)
        return abs(share - p.value) > margin and not held
    if actual_qual in _AT_MOST and plan_qual in _AT_LEAST and p.value - margin > share:
        return True
    return actual_qual in _AT_LEAST and plan_qual in _AT_MOST and p.value + margin < share


def _excess_means(s: LinkableStatement, p: Percent) -> tuple[Segment, ...]:
    """The note that an excess stated is checked as 100 + it (``vượt 3,7%`` is 103,7 %)."""
    if s.stated_kind != "excess":
        return ()
    return (seg("excess_means", percent=p.value - 100, stated=p.value),)


def _actual_link_note(s: LinkableStatement) -> tuple[Segment, ...]:
    """The note of the actual ``s`` took from a result stated before it, if it did.

    A statement without a target has a link only to its actual.
    """
    if s.link_text is None or not isinstance(s.actual, Decimal):
        return ()
    return (seg("actual_linked", a=f"{s.actual:f}", text=s.link_text),)


# --------------------------------------------------------------------------- programmes

# "Đề án “Trồng một tỷ cây xanh giai đoạn 2021-2025”", "Chương trình 1 triệu căn nhà": a
# programme named by the amount it aims at (the number in words or figures, with its scale)
_PROGRAMME = rx(
    r"(?<!\w)(?:đề\s+án|chương\s+trình)\s*[“\"«]?\s*(?:(?:trồng|xây\s+dựng|phát\s+triển)\s+)?"
    rf"(?P<n>một|{NUM})\s+(?P<scale>nghìn|ngàn|triệu|tỷ|tỉ)\s+(?P<noun>[^\W\d_]+(?:\s+[^\W\d_]+)?)"
)
# "1,4 tỷ cây xanh": a count of things written with a scale word (no money)
_SCALED_THING = rx(r"(?<!\w)(?:nghìn|ngàn|triệu|tỷ|tỉ)\s+(?!đồng|usd|đ(?!\w))[^\W\d_]+")


def _programme_names(text: str) -> list[tuple[int, re.Match[str]]]:
    """The programme names of ``text``, each with the offset its match is relative to.

    Read in folded chunks that overlap: no folded copy of the whole text is kept.
    """
    out: list[tuple[int, re.Match[str]]] = []
    seen = -1
    for low in range(0, len(text), PROGRAMME_CHUNK):
        folded = fold(text[low : low + PROGRAMME_CHUNK + 200])
        for m in _PROGRAMME.finditer(folded):
            if low + m.start() > seen:
                out.append((low, m))
                seen = low + m.start()
    return out


def _programmes(names: list[tuple[int, re.Match[str]]]) -> dict[str, set[Decimal]]:
    """The aims of the programmes named, by ``scale noun`` (folded): values in units."""
    out: dict[str, set[Decimal]] = {}
    for _, m in names:
        value = _aim_of(m)
        key = f"{m.group('scale').replace('tỉ', 'tỷ')} {' '.join(m.group('noun').split())}"
        out.setdefault(key, set()).add(value)
    return out


def link_programme_targets(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, each result against a programme's aim linked to the programme.

    ``Đề án “Trồng một tỷ cây xanh giai đoạn 2021-2025” … cả nước đã trồng được hơn 1,4 tỷ
    cây xanh, đạt 143,9% so với mục tiêu`` is 1,4 billion trees against the programme's one
    billion, a target of the whole term: a result with an attainment or excess of a
    ``mục tiêu`` (or plan) and no target of its own, whose figure is written with the same
    scale and noun as the programme's name (``tỷ cây xanh``), is linked to it when every
    programme of that noun names the same aim and the stated percentage fits it (within 5 %
    for a qualified or rounded result, which is then left unchecked).
    """
    out = list(statements)
    aims: dict[str, set[Decimal]] | None = None
    for i, s in enumerate(statements):
        if (
            s.target is not None
            or not isinstance(s.actual, Decimal)
            or s.stated_kind not in ("attainment", "excess")
            or not OF_A_TARGET.search(fold(s.text))
            or not _SCALED_THING.search(fold(s.text))
        ):
            continue
        if aims is None:
            names = _programme_names(text)
            aims = _programmes(names)
        if not aims:
            return out
        folded = " ".join(fold(s.text).replace("tỉ", "tỷ").split())
        named = [v for k, v in aims.items() if k in folded]
        if len(named) != 1 or len(named[0]) != 1:
            continue
        aim = next(iter(named[0]))
        if not fits_programme(s, aim):
            continue
        start, end = _programme_span(names, aim)
        linked = with_plan(s, Amount(start, end, aim, ("", "")), text)
        out[i] = dataclasses.replace(linked, target_period="term")
    return out


def _programme_span(names: list[tuple[int, re.Match[str]]], aim: Decimal) -> tuple[int, int]:
    """Where the first programme name of ``aim`` is."""
    low, m = next((low, m) for low, m in names if _aim_of(m) == aim)
    return low + m.start(), low + m.end()


def _aim_of(m: re.Match[str]) -> Decimal:
    n = Decimal(1) if m.group("n") == fold("một") else parse_number(m.group("n"))
    return n * SCALES[m.group("scale")]


# --------------------------------------------------------------------------- budgets by owner

# "đạt 104,24% dự toán Trung ương giao và 85,63% dự toán tỉnh giao": the budget named by who
# assigned it; "HĐND tỉnh" and "tỉnh" are one owner
# ("kế hoạch Thủ tướng Chính phủ giao": a plan of capital named by its owner likewise;
# "dự toán trung ương": the centre's budget needs no "giao", a local level's does, "dự toán
# tỉnh" being also the province's own budget)
_BUDGET_OF = rx(
    r"(?<!\w)(?:dự\s+toán|kế\s+hoạch(?:\s+vốn)?)\s+(?:do\s+)?(?:hđnd\s+)?"
    r"(?:(trung\s+ương|thủ\s+tướng)(?:\s+chính\s+phủ)?(?:\s+giao)?"
    r"|(tỉnh|thành\s+phố|huyện|xã|phường)\s+giao)(?!\w)"
)
# "(Trung ương giao: 13.398 tỷ đồng; HĐND tỉnh giao 16.310 tỷ đồng)": an owner's amount
# ("Thủ tướng Chính phủ giao 3.200 tỷ đồng vốn đầu tư công cho tỉnh": the owner's amount)
_OWNER_AMOUNT = rx(
    r"(?<!\w)(?:hđnd\s+)?(trung\s+ương|thủ\s+tướng|tỉnh|thành\s+phố|huyện|xã|phường)"
    r"(?:\s+chính\s+phủ)?\s+giao(?:\s+là)?\s*:?\s*$"
)
BUDGET_OWNER_WINDOW = 1200
"""How far (characters) from a percentage of an owner's budget the owner's amount may be."""


def link_budget_owners(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, a percentage of a budget named by its owner linked to its amount.

    ``… thực hiện 12.966 tỷ đồng, đạt 104,24% dự toán Trung ương giao và 85,63% dự toán tỉnh
    giao (Trung ương giao: 12.439 tỷ đồng; HĐND tỉnh giao 15.142 tỷ đồng)``: each percentage
    takes the amount the text gives its owner (also in a later paragraph, ``Lũy kế … 14.535
    tỷ đồng, … đạt 96% dự toán HĐND tỉnh giao``), only when exactly one amount of that owner
    within ``BUDGET_OWNER_WINDOW`` agrees with the stated percentage (precision first: an
    amount that does not agree may be another year's).
    """
    out = list(statements)
    for i, s in enumerate(out):
        owner = _budget_owner(s, text)
        if owner is None:
            continue
        lo, hi = max(0, s.start - BUDGET_OWNER_WINDOW), min(len(text), s.end + BUDGET_OWNER_WINDOW)
        folded = fold(text[lo:hi])  # the window only: memory stays linear in the text
        plans = {
            a.value: a for a in amounts_in(folded, 0, len(folded)) if _owned(folded, a, owner, s)
        }
        if len(plans) == 1:
            out[i] = with_plan(s, shifted(next(iter(plans.values())), lo), text)
    return out


# what may stand between a percentage and the owner's plan it is of, past the statement's end
_TO_OWNED_PLAN = rx(r"^\s*(?:so\s+với\s+)?$")
_OWNED_PLAN_REACH = 80


def _budget_owner(s: LinkableStatement, text: str) -> str | None:
    """The owner of the budget ``s``'s percentage is of, for a claim with no target.

    Named in the statement's words after the percentage, or right after the percentage past
    them (``đạt 36% kế hoạch Thủ tướng Chính phủ giao``).
    """
    if (
        s.target is not None
        or not isinstance(s.actual, Decimal)
        or s.stated_kind not in ("attainment", "excess")
        or s.stated is None
        or percent_of(s) is None
    ):
        return None
    own = len(s.text)
    words = fold(text[s.start : s.start + own + _OWNED_PLAN_REACH])
    at = max(0, words.rfind(fold(s.stated), 0, own))
    m = _BUDGET_OF.search(words, at)
    if m is None:
        return None
    percent_end = at + len(s.stated)
    if m.end() > own and not _TO_OWNED_PLAN.match(words[percent_end : m.start()]):
        return None
    return " ".join((m.group(1) or m.group(2)).split())


def _owned(folded: str, a: Amount, owner: str, s: LinkableStatement) -> bool:
    """Whether amount ``a`` is the one the text gives ``owner`` and agrees with ``s``.

    Not an amount whose sentence names another year than ``s``'s (``Kế hoạch vốn năm 2040
    được Thủ tướng Chính phủ giao là …`` is no plan of a result of 2041).
    """
    m = _OWNER_AMOUNT.search(folded, max(0, a.start - 40), a.start)
    return (
        m is not None
        and " ".join(m.group(1).split()) == owner
        and a.value != s.actual
        and a.unit[1] == "đồng"
        and of_year(folded, a, s.year)
        and agrees(s, a.value)
    )
