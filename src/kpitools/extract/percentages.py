"""The percentages of a sentence joined to their drafts, for :mod:`kpitools.extract.assembly`:
:func:`attach_percent` takes a percentage to the result it is of (a result's own attainment
or excess, a rate set against its target, a growth against a plan's rate or by the margin
between, a second plan, a result before a bracketed part or a restatement), and the helpers
it shares with the assembly (:func:`same_measure`, :func:`fits_percent`).

A growth against the rate a plan set is read in :mod:`kpitools.extract.growth_targets`; a
percentage said of a rate (its target, the gap to it, a plan after its fall or rise) in
:mod:`kpitools.extract.rate_percents`.
"""

from __future__ import annotations

import re
from decimal import Decimal

from kpitools.extract.amounts import MEASURE_NAMES
from kpitools.extract.figures import (
    AIMED,
    BARE_SECOND_LEAD,
    COMPARED_YEAR,
    CONNECTOR_SUFFIX,
    CONNECTORS,
    GROWTH_BASE,
    K_ACHIEVED,
    K_EXCESS,
    K_GROWTH,
    K_PLAN_TAIL,
    K_RISE_TAIL,
    K_TOTAL_TAIL,
    MEASURE_WORDS,
    NUMBERED_PLAN_PERIOD,
    PLANNED_MEASURE,
    SUBJECT_TRIM,
    TAIL,
    THEREBY,
    YEAR_WORD_END,
    Draft,
    Figure,
    bracketed_plan_after,
    compared_plan_next,
    plan_of,
    signed_growth,
)
from kpitools.extract.increases import increase_draft
from kpitools.extract.listed_parts import (
    past_accompanying_count,
    past_bracketed_part,
    past_listed_part,
)
from kpitools.extract.numerals import MONEY
from kpitools.extract.periods import one_part_named
from kpitools.extract.rate_percents import of_a_rate_or_growth, rate_of_draft
from kpitools.extract.stated_checks import ABOUT
from kpitools.extract.target_words import PLAN_WORD
from kpitools.extract.text import NAMED_YEAR, PLAN_NOUNS, Doc
from kpitools.numbers import Percent, check_percent
from kpitools.textfold import fold, rx


def same_measure(a: Figure, b: Figure) -> bool:
    """Whether two figures count in the same way: both money of one currency, or neither
    money (an amount never pairs with a count of people or things)."""
    if a.measure is None or b.measure is None:
        return a.measure is None and b.measure is None
    return a.measure.split()[-1] == b.measure.split()[-1]


def fits_percent(p: Figure, actual: Decimal, target: Decimal) -> bool:
    """Whether the percentage ``p`` is ``actual`` of ``target`` (or the excess over it) at
    the precision it was written: the report's own figure is the evidence of the pairing."""
    if p.percent is None or not target:
        return False
    excess = Percent(p.percent.value + 100, p.percent.decimals, p.percent.text)
    return any(bool(check_percent(q, actual, target).consistent) for q in (p.percent, excess))


# "15 nhà đại đoàn kết trị giá 750 triệu đồng": the worth of the things counted before it
WORTH = rx(
    r"(?<!\w)(?:(?:tổng\s+)?(?:trị\s+giá|kinh\s+phí|số\s+tiền|giá\s+trị)|với)"
    r"(?:\s+(?:là|khoảng|gần|hơn|trên|hỗ\s+trợ))?\s*$"
)


def bracketed_part(doc: Doc, a: Figure, before: int) -> bool:
    """Whether ``a`` is in brackets after a figure of its sentence, closed before
    ``before`` ("121.190 người (40.938 lao động nữ), … (130.000 lao động)": a part, whose
    plan the later figure is not)."""
    text, start = doc.text, a.sentence.start
    opened = text.rfind("(", start, a.start)
    if opened == -1 or text.find(")", opened, a.start) != -1:
        return False
    closed = text.find(")", a.end, before)
    return closed != -1 and any(c.isdigit() for c in text[start:opened])


# "đã hoàn thành tương ứng 60% doanh thu và 70% lợi nhuận": the plans named by their measure
_COMPLETED_LEAD = rx(
    r"(?<!\w)hoàn\s+thành(?:\s+(?:được|tương\s+ứng|lần\s+lượt))*\s*(?:khoảng|gần|hơn|trên)?\s*$"
)
_AND_LEAD = rx(r"^\s*(?:,|và)\s*(?:khoảng|gần|hơn|trên)?\s*$")


def _completed_measure(doc: Doc, p: Figure, figs: list[Figure], drafts: list[Draft]) -> bool:
    """A percentage completed of a measure named right after it, with no plan word
    (``đã hoàn thành tương ứng 60% doanh thu và 70% lợi nhuận sau thuế``): the attainment of
    that measure's plan, a draft of its own (its result and plan are linked later); also the
    next percentage joined by ``và`` to such a one. Whether it made one."""
    if not MEASURE_WORDS.match(doc.fold, p.end + 1) or doc.fold[p.end : p.end + 1] != " ":
        return False
    lead = doc.fold[p.clause : p.span_start]
    before = [f for f in figs if f.end <= p.start and f.sentence is p.sentence]
    prior = before[-1] if before else None
    joined = (
        prior is not None
        and prior.owner is not None
        and prior.owner.respective
        and prior.owner.actual is None
        and _AND_LEAD.match(_past_measure(doc, prior, p.span_start))
    )
    if not (joined or _COMPLETED_LEAD.search(lead)):
        return False
    d = Draft(p.sentence, percent_fig=p)
    d.respective = True  # an attainment, read as one whatever the words before
    p.owner = d
    drafts.append(d)
    return True


def _past_measure(doc: Doc, f: Figure, end: int) -> str:
    """The folded words between the measure named right after ``f`` and ``end``."""
    m = MEASURE_WORDS.match(doc.fold, f.end + 1)
    start = m.end() if m else f.end
    kind = _MEASURE_KIND_AFTER.match(doc.fold, start)
    return doc.fold[kind.end() if kind else start : end]


_MEASURE_KIND_AFTER = rx(r"\s*(?:trước\s+thuế|sau\s+thuế|gộp|thuần|hợp\s+nhất)(?!\w)")


# "Với kết quả gần 2,1 triệu lượt khách, ngành du lịch đã đạt 48% kế hoạch …": the result
# opening the sentence after "với", the attainment in the clause after it
_OPENING_WITH = rx(r"^[\s(]*với\s+(?:kết\s+quả\s+|tổng\s+số\s+)?(?:(?:khoảng|gần|hơn|trên)\s+)?$")
_MET_AFTER_OPENING = rx(
    r"^\s*,(?:\s+[^\W\d_]+){0,6}?\s+(?:đã\s+|mới\s+|chỉ\s+)*(?:đạt|hoàn\s+thành|bằng)"
    r"(?:\s+(?:khoảng|gần|hơn|trên))?\s*$"
)


def _join_opening_with(doc: Doc, p: Figure, figs: list[Figure]) -> bool:
    """Join an attainment of a plan to the result that opens its sentence after ``với``
    (:data:`_OPENING_WITH`) when only the subject and the verb of the attainment stand
    between them and the result has no percentage yet; whether it did."""
    before = [f for f in figs if f.start < p.start]
    if not before or not K_PLAN_TAIL.match(doc.fold[p.end : p.end + 60]):
        return False
    f, d = before[0], before[0].owner
    if len(before) > 1 and not (len(before) == 2 and before[1].owner is d):
        return False
    if d is None or d.actual_fig is not f or d.percent_fig is not None or f.kind == "percent":
        return False
    fold_ = doc.fold
    if not _OPENING_WITH.match(fold_[p.sentence.start : f.start]):
        return False
    if not _MET_AFTER_OPENING.match(fold_[f.span_end : p.start]):
        return False
    d.percent_fig, p.owner = p, d
    return True


# "đạt 112% chỉ tiêu với 56 đảng viên mới", "hoàn thành 105% kế hoạch, kết nạp 42 đảng
# viên": the result written after the attainment of its plan, which opens the sentence
_RESULT_AFTER_PLAN = rx(
    r"^\s*(?:so\s+với\s+)?(?:chỉ\s+tiêu|kế\s+hoạch|mục\s+tiêu|nghị\s+quyết)(?:\s+[^\W\d_]+){0,6}?"
    r"\s*+(?:,\s*+)?(?:(?P<with>với)|(?:đã\s+)?(?:kết\s+nạp|phát\s+triển|thành\s+lập)(?:\s+(?:được|mới))*)"
    r"\s+(?:(?:khoảng|gần|hơn|trên)\s+)?$"
)
_PLANS_COUNTED = rx(r"(?:chỉ\s+tiêu|tiêu\s+chí|nhiệm\s+vụ|mục\s+tiêu)(?!\w)")


def _join_result_after(doc: Doc, p: Figure, figs: list[Figure]) -> bool:
    """Join an attainment of a plan that comes first in its sentence (no figure before it)
    to the count written right after the plan's name (:data:`_RESULT_AFTER_PLAN`), when
    that count has no percentage yet and counts no plans; whether it did."""
    if any(f.start < p.start for f in figs) or p.percent is None:
        return False
    g = next((f for f in figs if f.start >= p.end), None)
    d = g.owner if g is not None else None
    if g is None or d is None or d.actual_fig is not g or d.percent_fig is not None:
        return False
    if g.kind != "count" or g.measure is not None or g.noun_start is None:
        return False
    fold_ = doc.fold
    if not K_ACHIEVED.search(fold_[p.clause : p.start]) or _PLANS_COUNTED.match(
        fold_, g.noun_start
    ):
        return False
    between = _RESULT_AFTER_PLAN.match(fold_[p.end : g.start])
    if between is None:
        return False
    if between.group("with") and not _noun_named_before(doc, g, p.sentence.start):
        return False  # "đạt 105% kế hoạch với 120 công nhân": a count of something else
    d.percent_fig, p.owner = p, d
    return True


def _noun_named_before(doc: Doc, g: Figure, start: int) -> bool:
    """Whether the first two words of ``g``'s noun are written before it from ``start``."""
    assert g.noun_start is not None
    words = re.findall(r"[^\W\d_]+", doc.fold[g.noun_start : g.noun_start + 40])[:2]
    if not words:
        return False
    return (
        re.search(
            r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)", doc.fold[start : g.start]
        )
        is not None
    )


# "22.733,2 tỷ đồng của 13 bộ, cơ quan trung ương và 12 địa phương": the units that hold
# the amount, counted after it ("của" between), a list of counts after the first
_HOLDERS_LEAD = rx(r"^\s*của\s+(?:(?:khoảng|gần|hơn|trên)\s+)?$")
_HOLDERS_JOINT = rx(r"^[^\d%;.]*$")


def _count_of_holders(doc: Doc, p: Figure, figs: list[Figure]) -> bool:
    """Whether the figures right before ``p`` in its sentence count the holders of an amount.

    ``Số vốn chưa phân bổ là 22.733,2 tỷ đồng của 13 bộ, cơ quan trung ương và 12 địa phương
    (chiếm 2,2% kế hoạch vốn …)``: a count of the units that hold an amount of money is no
    result of the plan the percentage after them names (review 38G, the unseen batch's
    ``bcp-5682``).
    """
    before = [f for f in figs if f.end <= p.start and f.sentence is p.sentence]
    counts: list[Figure] = []
    while before and before[-1].kind == "count" and before[-1].measure is None:
        counts.insert(0, before.pop())
    if not counts or not before or before[-1].measure in (None, "%"):
        return False
    amount, first = before[-1], counts[0]
    return bool(
        _HOLDERS_LEAD.match(doc.fold[amount.span_end : first.span_start])
        and _HOLDERS_JOINT.match(doc.fold[counts[-1].span_end : p.span_start])
    )


def attach_percent(doc: Doc, p: Figure, figs: list[Figure], drafts: list[Draft]) -> None:
    # "chiếm khoảng 48% tổng thu": a share of a total, not the share of a population
    tail = doc.fold[p.end : p.end + 60]
    if (
        _completed_measure(doc, p, figs, drafts)
        or _plan_of_another_measure(doc, p, figs)
        or _count_of_holders(doc, p, figs)
    ):
        return
    if not (TAIL.match(doc.fold, p.end) or K_TOTAL_TAIL.match(tail) or K_PLAN_TAIL.match(tail)):
        # "gần 100% chi bộ hoàn thành nhiệm vụ": the share of the population named after it
        d = rate_of_draft(doc, p)
        if d is not None:
            drafts.append(d)
            return
    if of_a_rate_or_growth(doc, p, figs, drafts) or _listed_target_rate(doc, p, figs, drafts):
        return
    if _bracket_fraction(doc, p, figs):
        return
    if _after_bracketed_plan(p, figs) and _second_plan(doc, p, figs, drafts):
        return  # "… (693 tỷ đồng) và 76,4% dự toán …": not of the bracket's amount
    if _join_previous(doc, p, figs, drafts) or _second_plan(doc, p, figs, drafts):
        return
    if _join_opening_with(doc, p, figs) or _join_result_after(doc, p, figs):
        return
    # a percentage with a subject of its own: "tỷ lệ đảng viên trẻ chiếm 40,2%"
    d = _own_subject_draft(doc, p) or _listed_attainment_draft(doc, p, figs)
    if d is not None:
        drafts.append(d)


# "(mục tiêu: 85%, 80%)", "(kế hoạch năm 2041: 85%; năm 2042: 90%)": a second rate listed
# after a target rate, nothing but a list's joint and a year (group 1) between
_LISTED_RATE_LEAD = rx(r"^\s*(?:[,;]\s*(?:và\s+)?|và\s+)(?:năm\s+((?:19|20)\d\d)\s*:?\s*)?$")
# "(mục tiêu 65%, 108% kế hoạch)": an attainment, a plan word after it
_PLAN_AFTER = rx(
    r"^\s*(?:so\s+với\s+)?(?:dự\s+toán|kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu|nghị\s+quyết|kh)(?!\w)"
)


def _listed_target_rate(doc: Doc, p: Figure, figs: list[Figure], drafts: list[Draft]) -> bool:
    """Whether ``p`` is a rate listed right after the target rate a rate was paired with
    (``tỷ lệ bao phủ đạt 88% (mục tiêu: 85%, 80%)``, see :data:`_LISTED_RATE_LEAD`): the
    targets of two measures or two years, which of them the rate's unknown, so the pair is
    undone and ``p`` read as nothing (no attainment of either). A past year's figure, or a
    later year's target after one of the rate's own year, leaves the pair and is read as
    nothing; an attainment (:func:`_attainment_listed`) is read as one."""
    before = [f for f in figs if f.start < p.start and f.sentence is p.sentence]
    if not before or before[-1].kind != "percent" or p.kind != "percent":
        return False
    t = before[-1]
    d = t.owner
    if d is None or d.target_fig is not t or d.actual_fig is None or d.percent_fig is not None:
        return False
    m = _LISTED_RATE_LEAD.match(doc.fold[t.end : p.span_start])
    if d.actual_fig.kind != "percent" or m is None or _attainment_listed(doc, d, p):
        return False
    if m.group(1) is None or _another_years_target(doc, d, m.group(1)):
        d.actual_fig.owner = t.owner = None
        drafts.remove(d)
    return True


def _attainment_listed(doc: Doc, d: Draft, p: Figure) -> bool:
    """Whether ``p``, listed after the target of the rate pair ``d``, is its attainment: a
    plan word after it (``(mục tiêu 65%, 108% kế hoạch)``) or the rate over the target."""
    a, t = d.actual_fig, d.target_fig
    if _PLAN_AFTER.match(doc.fold, p.end):
        return True
    if a is None or t is None or a.percent is None or t.percent is None:
        return False
    return fits_percent(p, a.percent.value, t.percent.value)


def _another_years_target(doc: Doc, d: Draft, year: str) -> bool:
    """Whether a rate listed as ``năm <year>: X%`` after the target of the rate pair ``d``
    is another year's target the rate may be of: the first target names a year too, and
    ``year`` is later than the rate's (when its sentence names one), the first target's
    year not the rate's own (``mục tiêu 90%; năm 2040: 92%``: a past year's figure)."""
    a, t = d.actual_fig, d.target_fig
    assert a is not None and t is not None
    named = NAMED_YEAR.findall(doc.fold, a.end, t.start)
    own = NAMED_YEAR.findall(doc.fold, a.sentence.start, a.start)
    if not named:
        return False
    return not own or (int(year) > int(own[-1]) and named[-1] != own[-1])


# "tỷ lệ giải ngân là 40% (20/50 tỷ đồng)": the fraction in brackets right after the percent
_OPEN_BRACKET = re.compile(r"^\s*\(\s*$")
# "đạt 40% kế hoạch vốn giao (20/50 tỷ đồng)": the fraction in brackets after the plan named
_FRACTION_AFTER_PLAN = rx(
    r"^\s*(?:so\s+(?:với\s+)?)?(?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu|dự\s+toán|nghị\s+quyết"
    r"|(?:tổng\s+|nguồn\s+)?vốn)(?:\s+[^\W\d_]+){0,9}\s*\(\s*$"
)


def _bracket_fraction(doc: Doc, p: Figure, figs: list[Figure]) -> bool:
    """Join the percentage of a plan to the fraction in brackets right after the plan's name
    (``đạt 40% kế hoạch vốn giao (20/50 tỷ đồng) và đạt 50% kế hoạch Trung ương giao (20/40
    tỷ đồng)``) or right after the percentage (``tỷ lệ giải ngân là 40% (20/50 tỷ đồng)``)
    when the fraction gives it: the fraction is the percentage's result and plan,
    written as evidence; whether it did. The figure stated before the percentage keeps no
    percentage of a plan the fraction names."""
    g = next((f for f in figs if f.start >= p.end), None)
    if g is None or g.kind != "pair" or g.owner is None or g.owner.actual_fig is not g:
        return False
    between = doc.fold[p.end : g.start]
    if g.owner.percent_fig is not None or not (
        _FRACTION_AFTER_PLAN.match(between) or _OPEN_BRACKET.match(between)
    ):
        return False
    if p.percent is None or not g.values[1]:
        return False
    check = check_percent(p.percent, g.values[0], g.values[1])  # rounded or cut: the audit's
    if not (check.fits or fits_percent(p, g.values[0], g.values[1])):
        # "thu được 63% (2.140/3.270 triệu đồng tiền phí)": a bracket right after the
        # percentage is its evidence even when it gives another percentage near it (the
        # audit's finding)
        near = abs(100 * g.values[0] / g.values[1] - p.percent.value) <= p.percent.value / 4
        if not (near and _OPEN_BRACKET.match(between)):
            return False
    g.owner.percent_fig, p.owner = p, g.owner
    return True


_SECOND_PLAN_LEAD = rx(
    rf"^\s*(?:/\s*(?:tổng\s+)?)?(?:so\s+(?:với\s+)?)?{PLANNED_MEASURE}?"
    r"(?:kế\s+hoạch|dự\s+toán|chỉ\s+tiêu|mục\s+tiêu|nghị\s+quyết|kh|kịch\s+bản"
    rf"|khoản\s+(?:được\s+)?phân\s+bổ)(?:(?:\s+(?!{AIMED}(?!\w))[^\W\d_]+){{0,9}}?"
    # the period the plan is of: "kịch bản tăng trưởng 9 tháng đầu năm 2025"
    rf"(?:\s+\d{{1,2}}\s+tháng(?:\s+đầu\s+năm)?(?:\s+(?:19|20)\d\d)?)?|{NUMBERED_PLAN_PERIOD})"
    r"\s*[,;]?\s*(?:(?:và\s+)?(?:đạt|bằng|vượt)|và)"
    # "đạt hơn 53% so với kế hoạch … giao và hơn 47% so với kế hoạch …": its qualifier
    r"(?:\s+(?:khoảng|gần|hơn|trên))?\s*$"
)


_BRACKETED = re.compile(r"\s*\([^()]*\)")


# "… 80% kế hoạch lợi nhuận": a plan named by the measure it counts
_PLAN_MEASURE_TAIL = rx(
    rf"\s*(?:so\s+(?:với\s+)?)?{PLAN_NOUNS}\s+(?=" + MEASURE_WORDS.pattern + ")"
)


#: measures of a business result that are never one another (revenue is no profit); the
#: capital disbursed and the capital planned, the budget and its parts are left alone
_APART_MEASURES = frozenset({fold("doanh thu"), fold("lợi nhuận")})


def _plan_of_another_measure(doc: Doc, p: Figure, figs: list[Figure]) -> bool:
    """Whether ``p`` is a percentage of a plan named by a measure (``… và đạt 80% kế hoạch
    lợi nhuận``) that the money result before it in its sentence is not of (the measure
    last named before it is ``doanh thu``; both of :data:`_APART_MEASURES`): the percentage
    is of another result, none here."""
    m = _PLAN_MEASURE_TAIL.match(doc.fold, p.end)
    if m is None:
        return False
    named = MEASURE_WORDS.match(doc.fold, m.end())
    assert named is not None
    results = [
        f
        for f in figs
        if f.start < p.start and f.sentence is p.sentence and f.role == "actual" and f.measure
    ]
    if not results:
        return False
    a = results[-1]  # the measure last named before it in its sentence is its own
    own = {
        MEASURE_NAMES.get(" ".join(w.group().split()))
        for w in list(MEASURE_WORDS.finditer(doc.fold, a.sentence.start, a.start))[-1:]
    }
    plan = MEASURE_NAMES.get(" ".join(named.group().split()))
    return plan in _APART_MEASURES and bool(own & _APART_MEASURES) and plan not in own


def _after_bracketed_plan(p: Figure, figs: list[Figure]) -> bool:
    """Whether the figure right before ``p`` in its sentence is a plan's amount in brackets
    (``bracket_plan`` or ``target``) after a percentage."""
    previous = [f for f in figs if f.start < p.start and f.sentence is p.sentence]
    return (
        len(previous) > 1
        and previous[-1].role in ("bracket_plan", "target")
        and previous[-2].kind == "percent"
    )


def _first_percent(doc: Doc, previous: list[Figure]) -> Figure | None:
    """The percentage a second attainment follows: the last figure before it, or the one
    before a plan's amount in brackets right after it (``đạt 97,7% dự toán Trung ương giao
    (693 tỷ đồng) và 76,4% dự toán …``)."""
    if not previous:
        return None
    last = previous[-1]
    if last.kind == "percent":
        return last
    if len(previous) < 2 or previous[-2].kind != "percent":
        return None
    q, text = previous[-2], doc.text
    opened = text.rfind("(", q.end, last.start)
    closed = text.find(")", last.end)
    if opened == -1 or closed == -1 or ")" in text[q.end : last.start]:
        return None
    words = text[q.end : opened] + text[last.end : closed]
    return None if any(c.isdigit() for c in words) else q


def _bare_second_plan(doc: Doc, between: str, p: Figure) -> bool:
    """Whether ``p`` follows the first plan's name with no word of its own and is compared
    with another plan (``… so với nghị quyết HĐND xã 131% so với kế hoạch huyện giao``)."""
    return BARE_SECOND_LEAD.match(between) is not None and compared_plan_next(doc, p)


def _second_plan(doc: Doc, p: Figure, figs: list[Figure], drafts: list[Draft]) -> bool:
    """A second attainment of the same result, of another plan named after the first, with a
    verb of its own ("đạt 72,5% kế hoạch … giao và đạt 68,1% kế hoạch vốn tỉnh giao"): a
    statement with the result and no target; whether it made one. Not when the words name
    a measure (``… kế hoạch doanh thu và đạt 66% kế hoạch lợi nhuận``: another result)."""
    previous = [f for f in figs if f.start < p.start and f.sentence is p.sentence]
    q = _first_percent(doc, previous)
    if q is None or q.owner is None:
        return False
    owner = q.owner
    if owner.actual is None or owner.percent_fig is not q:
        return False
    if owner.target is not None and owner.target_fig is not previous[-1]:
        return False
    between = _BRACKETED.sub(" ", doc.fold[q.end : p.start])
    led = _SECOND_PLAN_LEAD.match(between) or _bare_second_plan(doc, between, p)
    if not led or MEASURE_WORDS.search(between):
        return False
    if not K_PLAN_TAIL.match(doc.fold[p.end : p.sentence.end]):
        return False
    d = Draft(owner.sentence, actual_fig=owner.actual_fig, actual=owner.actual, percent_fig=p)
    d.twin_of = owner
    p.owner = d
    drafts.append(d)
    return True


# "1.500 tỷ đồng, tương đương 4 tỷ đồng mỗi ngày, tăng 16%": the amount restated per day
_RESTATED_LEAD = rx(r"(?<!\w)(?:tương\s+đương|tương\s+ứng|bình\s+quân)(?:\s+[^\W\d_]+){0,2}\s*$")
_PER_PERIOD = rx(r"\s*(?:/|(?:mỗi|một|trên)\s+)(?:ngày|tuần|tháng)(?!\w)\s*[-–,]?")


def _past_per_period(doc: Doc, placed: list[Figure], p: Figure) -> tuple[list[Figure], int]:
    """``placed`` without its last figure when that figure restates the amount before it per
    day, week or month (``tương đương 4 tỷ đồng mỗi ngày``): a percentage after it is the
    amount's; and where the words before ``p`` start then (0 when nothing was left out)."""
    if len(placed) < 2 or placed[-1].kind == "percent" or placed[-2].kind == "percent":
        return placed, 0
    f = placed[-1]
    m = _PER_PERIOD.match(doc.fold, f.span_end)
    if m is None or m.end() > p.start or not _RESTATED_LEAD.search(doc.fold, f.clause, f.start):
        return placed, 0
    # the amount restated: the figure before, past one in brackets ("(gần 60 triệu USD)")
    g = next((h for h in reversed(placed[:-1]) if not bracketed_part(doc, h, f.start)), f)
    if not same_measure(g, f) or g.sentence is not p.sentence:
        return placed, 0
    return placed[:-1], m.end()


def _past_restatement(doc: Doc, placed: list[Figure], p: Figure) -> tuple[list[Figure], int]:
    """``placed`` past a restatement of its last amount (:func:`_past_per_period`, else
    :func:`_past_population_share`), and where the words before ``p`` start then."""
    placed, cut = _past_per_period(doc, placed, p)
    if not cut:
        placed, cut = _past_population_share(doc, placed, p)
    if not cut:
        placed, cut = _past_other_currency(doc, placed, p)
    return (placed, cut) if cut else _past_rough_worth(doc, placed, p)


# "26.000 tỷ đồng, tương đương 1,1 tỷ USD, vượt 14% kế hoạch": the amount restated in
# another currency, between the amount and its percentage
_EQUIVALENT_LEAD = rx(r"^\s*,\s*(?:tương\s+đương|tương\s+ứng|quy\s+đổi)(?:\s+với)?\s*$")
_PERCENT_VERB_LEAD = rx(r"^\s*,\s*(?:và\s+)?(?:đạt|bằng|vượt|hoàn\s+thành)(?:\s+được)?\s*$")


def _past_other_currency(doc: Doc, placed: list[Figure], p: Figure) -> tuple[list[Figure], int]:
    """``placed`` without its last figure when it restates the amount before it in another
    currency and only a verb stands between it and ``p`` (the percentage is the amount's as
    written first); and where the words before ``p`` start then (0 when nothing was left out)."""
    if len(placed) < 2 or p.percent is None:
        return placed, 0
    f, g = placed[-1], placed[-2]
    if f.measure is None or g.measure is None or same_measure(f, g):
        return placed, 0  # not two sums of money in two currencies
    if not f.sentence is g.sentence is p.sentence or (f.owner and f.owner.percent_fig):
        return placed, 0
    if g.owner is None or g.owner.actual_fig is not g or g.owner.percent_fig is not None:
        return placed, 0
    if not _EQUIVALENT_LEAD.match(doc.fold[g.span_end : f.qual_start or f.start]):
        return placed, 0
    if not _PERCENT_VERB_LEAD.match(doc.fold[f.span_end : p.start]):
        return placed, 0
    return placed[:-1], doc.fold.find(",", f.span_end, p.start) + 1


# "sản lượng đạt 4.250 tấn, giá trị ước khoảng 96 tỷ đồng, bằng 21,35% kế hoạch năm": the
# rough worth of the quantity before it, said in a clause of its own
_WORTH_LEAD = rx(r"^\s*,\s*(?:tổng\s+)?giá\s+trị(?:\s+[^\W\d_]+){0,2}?(?:\s+ước)?(?:\s+đạt)?\s*$")
_PLAN_VERB_LEAD = rx(r"^\s*,\s*(?:đạt|bằng)\s*$")


def _past_rough_worth(doc: Doc, placed: list[Figure], p: Figure) -> tuple[list[Figure], int]:
    """``placed`` without its last figure when it is the rough worth in money (``khoảng``,
    ``gần``) of the quantity before it (:data:`_WORTH_LEAD`) and ``p``, a percentage of a plan
    written to the hundredth, follows it: a percentage that precise is of the exact quantity;
    and where the words before ``p`` start then (0 when nothing was left out)."""
    if len(placed) < 2 or p.percent is None or p.percent.decimals < 2:
        return placed, 0
    f, g = placed[-1], placed[-2]
    if f.qualifier not in (*ABOUT, "gần") or f.measure is None or g.measure is not None:
        return placed, 0
    own = g.owner
    if g.kind != "count" or own is None or own.actual_fig is not g or own.percent_fig is not None:
        return placed, 0
    if not f.sentence is g.sentence is p.sentence or (f.owner and f.owner.percent_fig):
        return placed, 0
    if not _WORTH_LEAD.match(doc.fold[g.span_end : f.qual_start or f.start]):
        return placed, 0
    if not (
        _PLAN_VERB_LEAD.match(doc.fold[f.span_end : p.start])
        and K_PLAN_TAIL.match(doc.fold[p.end : p.sentence.end])
    ):
        return placed, 0
    return placed[:-1], doc.fold.find(",", f.span_end, p.start) + 1


# "210.500 người, tương đương 21,5% lực lượng lao động": a figure said as a share of its
# population right after it
_SHARE_LEAD = rx(
    r"^\s*+(?:,\s*+)?(?:tương\s+đương|tương\s+ứng|bằng|chiếm)(?:\s+(?:khoảng|gần|hơn|trên))?\s*$"
)


def _past_population_share(doc: Doc, placed: list[Figure], p: Figure) -> tuple[list[Figure], int]:
    """``placed`` without its last figure when that figure restates the count before it as a
    share of a population, in a clause of its own (``đạt 210.500 người, tương đương 21,5%
    lực lượng lao động trong độ tuổi, đạt 102,4% kế hoạch``): the attainment after it is
    the count's; and where the words before ``p`` start then (0 when nothing was left out).
    """
    if len(placed) < 2 or placed[-1].kind != "percent":
        return placed, 0
    rate, g = placed[-1], placed[-2]
    owner, own = rate.owner, g.owner
    if owner is None or not owner.rate_of or own is None or own.actual_fig is not g:
        return placed, 0
    if own.percent_fig is not None or not _SHARE_LEAD.match(doc.fold[g.span_end : rate.start]):
        return placed, 0
    comma = doc.fold.find(",", rate.end, p.start)
    if comma < 0 or not K_PLAN_TAIL.match(doc.fold[p.end : p.sentence.end]):
        return placed, 0
    return placed[:-1], comma + 1


def _past_growth_base(doc: Doc, previous: list[Figure], p: Figure) -> tuple[list[Figure], int]:
    """``previous`` without its last figure when that figure is the base of the growth
    before it, in brackets after the period it is of (:data:`GROWTH_BASE`: "đạt 1,2 triệu
    lượt, tăng 10% so với cùng kỳ (1,1 triệu lượt), đạt 30% kế hoạch": the percentage after
    the bracket is the result's, never the base's), and where the words before ``p`` start."""
    floor = p.clause
    if len(previous) >= 2 and previous[-2].kind == "percent":
        m = GROWTH_BASE.match(doc.fold, previous[-2].end, p.start)
        if m is not None and m.start("n") == previous[-1].start and m.end() <= p.start:
            return previous[:-1], max(floor, m.end())
    if previous and previous[-1].span_end > floor:
        floor = min(previous[-1].span_end, p.start)
    return previous, floor


# "đạt 90 triệu đồng tăng 12 triệu đồng so với đầu nhiệm kỳ đạt 103% KH": the change since a
# past time, written with no comma, between a result and its plan's percentage
_CHANGE_SINCE = rx(
    r"\s*(?:tăng|giảm)(?:\s+thêm)?(?:\s+(?:khoảng|gần|hơn|trên))?\s+\d[\d.,]*(?:\s+[^\W\d_]+){0,3}"
    r"\s+so\s+với"
    r"(?:\s+(?:[^\W\d_]+|(?:19|20)\d\d)){1,5}\s*+(?:,\s*+)?(?:và\s+)?(?P<verb>đạt|bằng|hoàn\s+thành)\s*"
)


# "…, tăng 12% so với thực hiện năm 2040 và đạt 98% kế hoạch": the base of the growth before,
# named in a few words (no plan's), then the verb of the plan's percentage
_BASE_THEN_VERB = rx(
    r"\s*so\s+với\s+(?:(?!(?:kế|chỉ|mục|dự|nghị|tổng|kh|ct)(?!\w))[^\W\d_]+\s+){1,6}?"
    r"(?:năm\s+(?:trước|ngoái|(?:19|20)\d\d))\s*+(?:,\s*+)?(?:và\s+)?(?P<verb>đạt|bằng|hoàn\s+thành)\s*"
)
# "có 4.000 lao động được tạo việc làm mới đạt 44% kế hoạch": what was done for the people
# or things counted, said in the passive after their noun, then the plan's percentage
_PASSIVE_OF_COUNTED = rx(
    r"\s*được(?:\s+(?!đạt|bằng)[^\W\d_]+){1,5}\s*+(?:,\s*+)?(?=(?:đạt|bằng)\s*$)"
)
# "có 9.871/3.000 lượt khách đến tham quan khu di tích bằng 329% chỉ tiêu": what the things
# counted of a fraction did, in a few words with no comma, then the plan's percentage
_CLAUSE_OF_COUNTED = rx(
    r"(?:\s+(?!(?:đạt|bằng|so|vượt|tăng|giảm|và|trong|riêng)(?!\w))[^\W\d_]+){1,8}\s*"
    r"(?=(?:đạt|bằng)\s*$)"
)


def _verb_of(doc: Doc, lead: str, p: Figure) -> str:
    """``lead``, the words between a figure and the percentage ``p``, cut to the verb of
    ``p`` (``đạt``, ``bằng``) after a change since a past time (:data:`_CHANGE_SINCE`) or,
    when a plan is named after ``p``, after a passive clause on the things counted
    (:data:`_PASSIVE_OF_COUNTED`)."""
    if m := _CHANGE_SINCE.fullmatch(lead) or _BASE_THEN_VERB.fullmatch(lead):
        return lead[m.start("verb") :]
    if signed_growth(doc, p) and lead.strip(" (+-−") == "":
        return "("
    m = _PASSIVE_OF_COUNTED.match(lead)
    if m and K_PLAN_TAIL.match(doc.fold[p.end : p.sentence.end]):
        return lead[m.end() :]
    return lead


def _fraction_clause(doc: Doc, previous: list[Figure], p: Figure, lead: str) -> str:
    """``lead`` cut to the verb of ``p`` after a clause on the things a fraction counts
    (:data:`_CLAUSE_OF_COUNTED`), when ``p`` names a plan and is the fraction's ratio to its
    last written digit (cut or rounded); else ``lead``."""
    f = previous[-1] if previous else None
    m = None if CONNECTORS.fullmatch(lead) else _CLAUSE_OF_COUNTED.match(lead)
    if f is None or f.kind != "pair" or len(f.values) < 2 or m is None or f.values[1] <= 0:
        return lead
    if not K_PLAN_TAIL.match(doc.fold[p.end : p.sentence.end]):
        return lead
    stated = p.values[0]
    exponent = stated.as_tuple().exponent
    unit = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
    fits = abs(f.values[0] * 100 / f.values[1] - stated) < unit
    return lead[m.end() :] if fits else lead


# "vượt chỉ tiêu giao 5%": the plan given named by no level that gave it
_PLAN_GIVEN = rx(rf"(?<!\w){PLAN_NOUNS}\s+giao(?!\w)")


_THEREBY = rx(rf"(?<!\w){THEREBY}(?!\w)")


def _thereby_of_one_part(doc: Doc, previous: list[Figure], lead: str) -> bool:
    """Whether ``lead`` says what a quarter's or month's amount brought about (``Lãi quý III
    lên 210 tỷ đồng, qua đó hoàn thành 78% kế hoạch năm``): the months counted so far meet
    the plan, not that quarter's amount."""
    if _THEREBY.search(lead) is None:
        return False
    start, end = previous[-1].sentence.start, previous[-1].start
    # "Tính đến tháng 9, …": the months up to it, no month alone
    start = max((m.end() for m in _UNTIL_PART.finditer(doc.fold, start, end)), default=start)
    return one_part_named(doc.fold, start, end) is not None


_UNTIL_PART = rx(r"(?<!\w)đến\s+(?:hết\s+)?(?:quý|tháng)(?!\w)")


# "79 tỷ đồng trong 9 tháng và đạt 88% kế hoạch năm": the period of the amount, written right
# after it (no comma), before the plan's percentage (round 120)
_PERIOD_AFTER = rx(
    r"\s+(?:trong|sau)\s+(?:(?:\d{1,2}|sáu|chín)\s+tháng(?:\s+đầu)?(?:\s+năm)?|quý\s+[ivx]{1,3}"
    r"|(?:nửa|6\s+tháng)\s+đầu\s+năm|năm)(?:\s*/\s*(?:19|20)\d\d|\s+(?:năm\s+)?(?:19|20)\d\d)?(?!\w|[.,]\d)"
    r"(?=\s*+(?:,\s*+)?(?:và\s+)?(?:đạt|bằng|hoàn\s+thành|vượt)(?!\w))"
)


def _past_period(doc: Doc, previous: list[Figure], floor: int, p: Figure) -> int:
    """Where the words before ``p`` start: after the period written right after the last
    figure of ``previous`` when they start there (:data:`_PERIOD_AFTER`), else ``floor``."""
    if not previous or floor != previous[-1].span_end:
        return floor
    m = _PERIOD_AFTER.match(doc.fold, floor, p.start)
    return m.end() if m else floor


def _join_previous(doc: Doc, p: Figure, figs: list[Figure], drafts: list[Draft]) -> bool:
    """Join the percentage to the draft of the figure just before it when only connecting
    words, or a change since a past time or a passive clause (:func:`_verb_of`), stand
    between them (a second percentage makes a twin draft); whether it did."""
    placed = [f for f in figs if f.start < p.start and f.owner is not None]
    placed, cut = _past_restatement(doc, placed, p)
    placed = past_listed_part(doc, placed, p)
    placed = past_accompanying_count(doc, placed, p)
    previous, floor = _past_growth_base(doc, past_bracketed_part(doc, placed, p), p)
    floor = _past_period(doc, previous, max(floor, cut), p)
    lead = _verb_of(doc, _lead_from(doc, floor, p.start), p)
    lead = _fraction_clause(doc, previous, p, lead)
    if not (previous and CONNECTORS.fullmatch(lead)) or _thereby_of_one_part(doc, previous, lead):
        return False
    owner = previous[-1].owner
    assert owner is not None
    if _apart(doc, previous[-1], p, figs) or _after_parts_listed(doc, owner, p, figs):
        return False
    if owner.percent_fig is not None and _PLAN_GIVEN.search(lead):
        return False  # "đạt tỷ lệ 23% (vượt chỉ tiêu giao 2%)": above the rate given, in points
    if _growth_beside_pair(doc, p, owner, lead):
        # "79,3%/ chỉ tiêu 80%, tăng 10,6% so với cuối năm 2021": a growth of the result,
        # a statement of its own — not the percentage of the pair
        d = Draft(owner.sentence, actual_fig=owner.actual_fig, actual=owner.actual, percent_fig=p)
        d.beside = owner
        p.owner = d
        drafts.append(d)
        return True
    if (
        _plan_percent_after_growth(doc, owner, p, lead)
        or _join_fitting_pair(doc, p, figs)
        or _join_increase(doc, owner, p, figs, drafts)
    ):
        return True
    if owner.percent_fig is None:
        owner.percent_fig = p
        p.owner = owner
        return True
    if owner.actual is None:
        if (
            owner.subject is not None
            and not owner.rate_of
            and (K_GROWTH.search(lead) or _plan_after_growth(doc, owner, p, lead))
        ):
            # "thu ngân sách đạt 103,4% kế hoạch, tăng 6,2% so với năm trước": the growth
            # of the same subject beside its attainment, a statement of its own
            d = Draft(owner.sentence, percent_fig=p)
            d.subject = owner.subject
            p.owner = d
            drafts.append(d)
            return True
        return False
    if (
        _rate_after_fraction(doc, owner, p)
        or _new_item(doc, owner, p)
        or _full_of_another(doc, owner.percent_fig, p)
    ):
        return False
    # a second percentage about the same figures; of another plan than the first one's
    # ("104% dự toán Trung ương giao (500 tỷ đồng) và đạt 98% dự toán tỉnh giao"), not of
    # the first plan's amount
    first = owner.percent_fig
    own_plan = first is None or "" in (plan_of(doc, first), plan_of(doc, p))
    own_plan = own_plan or (first is not None and plan_of(doc, first) == plan_of(doc, p))
    own_plan = own_plan and not bracketed_plan_after(doc, p)
    twin = Draft(
        owner.sentence,
        actual_fig=owner.actual_fig,
        target_fig=owner.target_fig if own_plan else None,
        actual=owner.actual,
        target=owner.target if own_plan else None,
        inherit=owner.inherit,
        percent_fig=p,
    )
    twin.twin_of = owner
    p.owner = twin
    drafts.append(twin)
    return True


# what may follow a plan's word and still name the same plan: its year, period, giver
_PLAN_OWN_TAIL = rx(
    r"(?:\s+(?:năm|cả|quý|tháng|đầu|cuối|đề|ra|được|giao|đã|của|trung|ương|hđnd|ubnd|tỉnh|thành"
    r"|phố|huyện|quận|thị|xã|phường|chính|phủ|cấp|trên|[ivx]{1,4}|\d+(?:/\d+)?)(?!\w))*\s*(?:[,;.()]|$)"
)


def _full_of_another(doc: Doc, first: Figure | None, p: Figure) -> bool:
    """Whether ``p``, a second percentage of a result, is a full 100 % of a plan its words
    name as another measure's (``đạt 80% dự toán và hoàn thành 100% chỉ tiêu thu nợ
    đọng``) while the first percentage, of a plan too, is not 100 %: one amount is not
    both (round 120). Words after the plan's word that name its year, period or giver, a
    bracket (its amount) or the clause's end name no other measure."""
    if first is None or first.percent is None or p.percent is None or p.percent.value != 100:
        return False
    if first.percent.value == 100 or not _names_plan(doc, first) or not _names_plan(doc, p):
        return False
    return not _PLAN_OWN_TAIL.match(doc.fold[p.span_end : p.sentence.end])


def _names_plan(doc: Doc, p: Figure) -> bool:
    return PLAN_WORD.search(doc.fold, p.end, p.span_end) is not None


# "Trong đó, …": a sentence that lists the parts of a whole stated before it
_OPENS_WITH_PARTS = rx(r"\s*trong\s+đó(?!\w)")


# "có 14/22 xã được công nhận an toàn thực phẩm (đạt trên 80% kế hoạch)": after a clause on
# the things a fraction counts, the bound in brackets they met, not the fraction's percentage
_THRESHOLD_BRACKET = rx(
    r"(?:\s+[^\W\d_]+){2,12}\s*\(\s*(?:(?:đạt|có|với)\s+)?(?:tỷ\s+lệ\s+)?"
    r"(?:trên|dưới|từ|hơn|ít\s+nhất|tối\s+thiểu)\s*"
)


def _threshold_of_counted(doc: Doc, f: Figure, p: Figure) -> bool:
    """Whether ``p`` is the bound the things the fraction ``f`` counts met, in brackets after
    a clause on them (:data:`_THRESHOLD_BRACKET`), not the fraction's attainment: never when
    the fraction gives ``p``, rounded or cut (``11/19 xã … (đạt trên 57%)``: 57,9 %, its own
    rate qualified)."""
    if f.kind != "pair" or p.percent is None or len(f.values) < 2:
        return False
    if _THRESHOLD_BRACKET.fullmatch(doc.fold, f.end, p.start) is None:
        return False
    return not check_percent(p.percent, f.values[0], f.values[1]).fits


def _join_increase(
    doc: Doc, owner: Draft, p: Figure, figs: list[Figure], drafts: list[Draft]
) -> bool:
    """Give ``p`` to the increase between the stock of ``owner`` and it when it is the
    increase's (:func:`~kpitools.extract.increases.increase_draft`: "…, tăng 12 tỷ so với đầu
    năm, hoàn thành 315% KH"); whether it did."""
    if owner.percent_fig is not None or owner.actual_fig is None:
        return False
    d = increase_draft(doc, owner.actual_fig, p, figs)
    if d is not None:
        drafts.append(d)
    return d is not None


def _after_parts_listed(doc: Doc, owner: Draft, p: Figure, figs: list[Figure]) -> bool:
    """Whether ``p`` stands after a semicolon that ends a list of bare parts in a sentence
    opening with ``Trong đó`` (``… 900 tấn hàng. Trong đó, hàng xuất 100 tấn, hàng nhập
    800 tấn; tăng 5%, bằng 12% kế hoạch năm``): of the whole of the sentence
    before, not of the last part."""
    a = owner.actual_fig
    if a is None or a.sentence is not p.sentence or a.kind != "count":
        return False
    cut = doc.fold.rfind(";", a.end, p.start)
    if cut < 0 or not _OPENS_WITH_PARTS.match(doc.fold, p.sentence.start):
        return False
    listed = [f for f in figs if f.start < cut]
    return len(listed) >= 2 and all(f.kind == "count" for f in listed)


# "(cùng kỳ năm 2040 bằng 64% kế hoạch)": the same period of a past year and its percentage
_PAST_PERIOD_BRACKET = rx(
    r"\(\s*(?:so\s+với\s+)?cùng\s+kỳ(?:\s+năm\s+(?:trước|ngoái|(?:19|20)\d\d))?\s+(?:đạt|bằng)\s*$"
)


def _new_item(doc: Doc, owner: Draft, p: Figure) -> bool:
    """Whether ``p`` opens an item of a list after a semicolon, its result's own percentage
    of another plan written before it: ``… giải quyết việc làm cho 900 lao động, đạt 60%
    kế hoạch; hoàn thành 100% chỉ tiêu tuyển quân``: the second item's percentage is of
    what it names, not a second percentage of the 900 (``…, bằng 71% dự toán; ước cả năm
    đạt 102% dự toán``, of the same plan, stays the result's); or in brackets of the same
    period of a past year (``thu 77 tỷ, được 58% kế hoạch (cùng kỳ năm 2040 bằng 64%
    kế hoạch)``), that year's percentage."""
    first = owner.percent_fig
    if first is not None and _PAST_PERIOD_BRACKET.search(doc.fold, first.end, p.start):
        return True
    return (
        first is not None
        and ";" in doc.text[first.end : p.start]
        and K_PLAN_TAIL.match(doc.fold[p.end : p.end + 60]) is not None
        and "" not in (plan_of(doc, first), plan_of(doc, p))
        and plan_of(doc, first) != plan_of(doc, p)
    )


def _plan_percent_after_growth(doc: Doc, owner: Draft, p: Figure, lead: str) -> bool:
    """Give the pair of a result and its plan the attainment or excess said after the growth
    beside it (:func:`_growth_beside_pair`); whether it did.

    ``Lãi đạt 336 tỷ đồng, tăng 8% so với năm trước và vượt 12% so với kế hoạch 300 tỷ
    đồng``: the 12 % is of the pair (336 against 300), not of the growth's statement.
    """
    pair = owner.beside
    if pair is None or pair.percent_fig is not None or pair.target is None:
        return False
    if not (K_EXCESS.search(lead) or K_ACHIEVED.search(lead)):
        return False
    if not K_PLAN_TAIL.match(doc.fold[p.end : p.end + 80]):
        return False
    pair.percent_fig, p.owner = p, pair
    return True


def _plan_after_growth(doc: Doc, owner: Draft, p: Figure, lead: str) -> bool:
    """Whether ``p`` is an excess or attainment of a plan said right after a growth of the
    same subject (``Con số trên tăng 9% so với cùng kỳ, vượt 12% kế hoạch năm``)."""
    q = owner.percent_fig
    if q is None or not K_GROWTH.search(doc.fold, q.clause, q.start):
        return False
    verb = K_EXCESS.search(lead) or K_ACHIEVED.search(lead)
    return verb is not None and bool(K_PLAN_TAIL.match(doc.fold[p.end : p.end + 80]))


def _lead_from(doc: Doc, floor: int, end: int) -> str:
    """The folded text from ``floor`` to ``end`` without the year of a comparison cut at
    ``floor`` ("… so với cùng kỳ năm| 2024 và đạt 107,9%")."""
    year = COMPARED_YEAR.match(doc.fold, floor, end)
    if year and YEAR_WORD_END.search(doc.fold, max(0, floor - 30), floor):
        floor = year.end()
    return doc.fold[floor:end]


# a comparison with another's figure ("cao hơn bình quân chung cả nước (73,5%)")
_COMPARED_WITH = rx(r"(?<!\w)(?:cao\s+hơn|thấp\s+hơn|bình\s+quân|trung\s+bình|mức\s+chung)(?!\w)")


def _share_of_figure(doc: Doc, f: Figure, g: Figure) -> bool:
    """Whether the percentage ``g`` restates ``f`` right before it as a share of a population
    (``210.500 người, tương đương 21,5% lực lượng lao động``): read, and no bar between."""
    owner = g.owner
    return (
        owner is not None
        and owner.rate_of
        and bool(_SHARE_LEAD.match(doc.fold[f.span_end : g.start]))
    )


def _apart(doc: Doc, f: Figure, p: Figure, figs: list[Figure]) -> bool:
    """Whether something stands between ``f`` and the percentage ``p`` that makes them no
    statement together: a percentage left unread, a comparison with another's figure, or an
    amount masked (money not read:
    "400 lao động với mức lương 16,6 triệu đồng/người/tháng, tăng 8% so kế hoạch") that is
    not the worth of ``f``."""
    if any(
        g.kind == "percent" and f.start < g.start < p.start and not _share_of_figure(doc, f, g)
        for g in figs
    ):
        return True
    if _with_amount_of_count(doc, f, p, figs):
        return True
    bracket = p.clause > 0 and doc.text[p.clause - 1] == "("
    if bracket and _COMPARED_WITH.search(doc.fold, f.span_end, p.clause):
        return True  # "…, cao hơn bình quân chung cả nước (73,5%)": another's figure
    if bracket and _item_named_before(doc, f, p):
        return True
    if _next_item(doc, f, p) or _whole_year_after_part(doc, f, p):
        return True
    if _threshold_of_counted(doc, f, p):
        return True  # "có 14/22 xã … (đạt trên 80% …)": the bound the things counted met
    m = None if doc.money else MONEY.search(doc.fold, f.start, p.start)
    if m is not None and _TOTAL_SUM.search(doc.fold, f.start, m.start()):
        return True  # the total sum masked, whose the percentage is (total_sum_of_count)
    # the worth of the count ("15 nhà trị giá 750 triệu đồng, đạt 150%") stands aside
    return m is not None and WORTH.search(doc.fold, f.start, m.start()) is None


def _join_fitting_pair(doc: Doc, p: Figure, figs: list[Figure]) -> bool:
    """Join a percentage of a plan to the result-over-plan pair earlier in its item when the
    pair gives it at the precision written and a figure with no plan stands between them
    (``cây chè 25/20 ha, thu 310 tấn, tăng 25% so với kế hoạch``: 25 of 20 is 25 % above
    the plan, the tonnes have none); whether it did."""
    before = [f for f in figs if f.start < p.start]
    if (
        len(before) < 2
        or before[-1].kind == "pair"
        or not K_PLAN_TAIL.match(doc.fold[p.end : p.end + 60])
    ):
        return False
    g = before[-2]
    d = g.owner
    if g.kind != "pair" or d is None or d.actual_fig is not g or d.percent_fig is not None:
        return False
    if ";" in doc.fold[g.end : p.start] or not fits_percent(p, g.values[0], g.values[1]):
        return False
    d.percent_fig, p.owner = p, d
    return True


# "…; ước cả năm đạt 100% dự toán": the whole year's estimate in a clause of its own
_WHOLE_YEAR = rx(r"(?<!\w)cả\s+năm(?!\w)")
# "9 tháng đầu năm", "quý II": a part of the year
_PART_OF_YEAR = rx(r"(?<!\w)(?:\d{1,2}\s+tháng|quý\s+(?:[ivx]+|\d)(?!\w))")


def _whole_year_after_part(doc: Doc, f: Figure, p: Figure) -> bool:
    """Whether the percentage ``p``, in a clause of its own that names the whole year
    (``Thu 9 tháng đạt 700 tỷ đồng, bằng 80% dự toán; ước cả năm đạt 100% dự toán``), is of
    the year's estimate, not of ``f``, a figure its sentence gives for a part of the year,
    or one that already has its own percentage before ``p`` in the same run of clauses
    (``trồng được 1.820 ha, đạt 91% kế hoạch năm, ước cả năm đạt 100% kế hoạch``: one
    figure is not two shares of a plan)."""
    if p.clause <= f.span_end or not _WHOLE_YEAR.search(doc.fold, p.clause, p.start):
        return False
    own = f.owner.percent_fig if f.owner is not None else None
    if own is not None and own.start < p.clause and ";" not in doc.fold[own.end : p.start]:
        return True  # after a semicolon, an item of its own may go on with the same figure
    return _PART_OF_YEAR.search(doc.fold, f.sentence.start, f.start) is not None


# "có 3/5 phường đạt kế hoạch là phường A (104%), phường B (110%)": items named after "là",
# "gồm" or ":", each with its own percentage in brackets
_ITEM_NAMED = rx(r"(?:(?<!\w)(?:là|gồm|như)\s+|:\s*)[^\W\d_]")


def _item_named_before(doc: Doc, f: Figure, p: Figure) -> bool:
    """Whether the bracketed percentage ``p`` follows an item named after ``f`` (after
    ``là``, ``gồm``, ``như`` or a colon): the item's own percentage, not ``f``'s. A fraction
    that gives the percentage keeps it (``12/15 xã là xã đạt chuẩn (80%)``)."""
    if not _ITEM_NAMED.search(doc.fold, f.span_end, p.clause - 1):
        return False
    if f.kind == "pair" and len(f.values) == 2:
        return not fits_percent(p, f.values[0], f.values[1])
    return True


def _next_item(doc: Doc, f: Figure, p: Figure) -> bool:
    """Whether ``p`` is in another item of a list than ``f``, a subject of its own named
    after the semicolon between them (``…, đạt 80% kế hoạch; tỷ lệ hộ B: ước đạt 75%``);
    ``…; đạt 102% dự toán`` goes on with the same figure, and so does a semicolon inside a
    bracket closed before ``p`` (``150 tỷ đồng (vốn mới: 90 tỷ đồng; vốn thêm: 60 tỷ đồng),
    đạt 95% kế hoạch``: a breakdown of ``f``)."""
    text = doc.text
    semicolon = text.rfind(";", f.end, p.start)
    opened = text.rfind("(", f.end, semicolon) if semicolon != -1 else -1
    if opened != -1 and text.find(")", opened, semicolon) == -1:
        closed = text.find(")", semicolon, p.start)
        if closed != -1:
            semicolon = text.rfind(";", closed, p.start)
            if semicolon == -1:
                semicolon = text.rfind(";", f.end, opened)
    return semicolon != -1 and not CONNECTORS.fullmatch(doc.fold[semicolon + 1 : p.start])


# "đón 5 triệu lượt khách với doanh thu 7.000 tỷ đồng": an amount said with a count (its noun
# right before "với"; not a rank, "Xếp hạng số 5 là tỉnh A với …")
_COUNTED_NOUN = re.compile(r"(?:\s+[^\W\d_]+){1,3}\s+")
# "sửa 7 cây cầu dân sinh ở các thôn vùng cao, với 350 triệu đồng", "trợ cấp cho 260 học
# sinh, với tổng kinh phí gần 1 tỷ đồng": the count's noun and words of what or whom it is
# for, then a comma
_COUNTED_FOR = re.compile(r"(?:\s+[^\W\d_]+){1,16}\s*,\s*")
_RANK_BEFORE = rx(r"(?<!\w)(?:số|thứ|hạng|top)\s*$")
# "huyện có 25 xã, với …", "Hội gồm 1.200 hội viên": a count giving a size, no result
_SIZE_BEFORE = rx(r"(?<!\w)(?<!đã\s)(?:có|gồm)\s*$")
# "xã đã có 30 hộ được hỗ trợ …", "huyện có 25 xã đạt chuẩn …": a count of results, no size
_RESULT_OF_COUNT = rx(r"(?<!\w)(?:được|đạt|thoát|hoàn\s+thành|đã)(?!\w)")


def _gives_size(doc: Doc, g: Figure, end: int) -> bool:
    """Whether the count ``g`` gives a size (:data:`_SIZE_BEFORE`), no verb of a result
    between its noun and ``end``."""
    return bool(_SIZE_BEFORE.search(doc.fold, g.clause, g.span_start)) and not (
        _RESULT_OF_COUNT.search(doc.fold, g.end, end)
    )


_MONEY_PLAN = rx(r"\s*(?:so\s+với\s+)?dự\s+toán(?!\w)")
_WITH_AMOUNT = rx(
    r"(?<!\w)với\s+(?:(?:tổng\s+)?(?:doanh\s+thu|tổng\s+thu|giá\s+trị|số\s+tiền|kinh\s+phí)"
    r"(?:\s+[^\W\d_]+){0,3}?\s*(?:(?:ước\s+)?(?:đạt|là)\s*)?)?(?:khoảng|gần|hơn|trên)?\s*$"
)


# "xử phạt 80 trường hợp với tổng số tiền 95 triệu đồng": the total sum of the cases counted
_TOTAL_SUM = rx(r"(?<!\w)với\s+tổng\s+số\s+tiền(?:\s+(?:là|khoảng|gần|hơn|trên))?\s*$")


def total_sum_of_count(doc: Doc, f: Figure, figs: list[Figure]) -> bool:
    """Whether the amount ``f`` is the total sum said with a count right before it in its
    clause (``xử phạt 80 trường hợp với tổng số tiền 95 triệu đồng, vượt 20% chỉ tiêu``): a
    measure of its own, as the set reads it, that takes a percentage of a plan after it; not
    the worth of what is counted (``với tổng kinh phí``, ``với số tiền``), nor a sum after a
    comma (``chi trả cho 4.100 người, với tổng số tiền …``)."""
    m = _TOTAL_SUM.search(doc.fold, f.clause, f.span_start)
    return (
        f.measure is not None
        and m is not None
        and any(
            g.kind == "count"
            and g.measure is None
            and g.clause == f.clause
            and _COUNTED_NOUN.fullmatch(doc.fold, g.end, m.start()) is not None
            for g in figs
        )
    )


def _with_amount_of_count(doc: Doc, f: Figure, p: Figure, figs: list[Figure]) -> bool:
    """Whether ``f`` is an amount said with a count before it in its clause (``đón 5 triệu
    lượt khách với doanh thu hơn 7.000 tỷ đồng, đạt 80% kế hoạch năm``): a percentage ``p``
    after it may be the count's as well as the amount's, so it is neither's. Not when the
    plan is an estimate of money (``dự toán``), nor for a count that gives a size
    (``toàn huyện có 25 xã, với tổng thu …``)."""
    m = _WITH_AMOUNT.search(doc.fold, f.clause, f.span_start)
    if f.measure is None or m is None or _MONEY_PLAN.match(doc.fold, p.end):
        return False
    if total_sum_of_count(doc, f, figs):
        return False
    return any(
        g.kind == "count"
        and g.measure is None
        and g.sentence is f.sentence
        and (
            (g.clause == f.clause and _COUNTED_NOUN.fullmatch(doc.fold, g.end, m.start()))
            or _COUNTED_FOR.fullmatch(doc.fold, g.end, m.start()) is not None
        )
        and not _RANK_BEFORE.search(doc.fold, g.clause, g.span_start)
        and not _gives_size(doc, g, m.start())
        for g in figs
    )


def _rate_after_fraction(doc: Doc, owner: Draft, p: Figure) -> bool:
    """Whether a plan is named up to ``p`` after a fraction whose own percentage named none
    ("98/120 xã (đạt 81,7%), vượt 1,7% so với mục tiêu (80%)", "… (89,7%), vượt mục tiêu đề
    ra (85%)"): the fraction's ratio is its
    percentage, the further one is about the rate and a target rate, not about the whole
    ("43/40 đảng viên, đạt 107,5% kế hoạch, vượt 7,5%" stays a twin)."""
    first = owner.percent_fig
    if owner.actual_fig is None or owner.actual_fig.kind != "pair" or first is None:
        return False
    named = PLAN_WORD.search(doc.fold, first.span_end, p.span_end)
    return plan_of(doc, first) == "" and named is not None


def _growth_beside_pair(doc: Doc, p: Figure, owner: Draft, lead: str) -> bool:
    """Whether ``p`` is a growth over a past time (``tăng 10,6% so với cuối năm 2021``)
    joined to a result that already has its target and no percentage."""
    if owner.percent_fig is not None or owner.actual is None or owner.target is None:
        return False
    tail = doc.fold[p.end : p.sentence.end]
    return bool(K_GROWTH.search(lead)) and bool(K_RISE_TAIL.match(tail))


# "…, đạt 2.500 tỷ đồng.": the amount reached, said last in its sentence
AMOUNT_LAST = rx(r",\s*(?:ước\s+)?(?:đạt|thu\s+được)\s*(?:khoảng|gần|hơn|trên)?\s*$")
SENTENCE_END = rx(r"\s*(?:[.;!]|$)")


def _own_subject_draft(doc: Doc, p: Figure) -> Draft | None:
    """A draft of the percentage whose subject is the words before its verb in its clause
    (None when they hold no word)."""
    clause_lead = doc.fold[p.clause : p.start]
    verb = CONNECTOR_SUFFIX.search(clause_lead)
    cut = verb.start() if verb else len(clause_lead)
    trimmed = SUBJECT_TRIM.match(clause_lead[:cut])
    skip = trimmed.end() if trimmed else 0
    while skip < cut and clause_lead[skip] in " (":
        skip += 1
    if not re.search(r"[^\W\d_]", clause_lead[skip:cut]):
        return _bracketed_subject_draft(doc, p)
    d = Draft(p.sentence, percent_fig=p)
    d.subject = (p.clause + skip, p.clause + len(clause_lead[:cut].rstrip()))
    p.owner = d
    return d


# "… đã hoàn thành 87% kế hoạch doanh thu, 78% mục tiêu lợi nhuận", "… 84% kế hoạch doanh thu
# (mức thấp) và gần 92% kế hoạch lợi nhuận": the plan word and its words after the first
# percentage (a bracket of words dropped), then a comma or "và" and no word of the second's
# own; a bracket with a figure (the plan's amount) leaves the second unread, its own plan's
# amount unlinked
_LISTED_ATTAINMENT_LEAD = rx(
    rf"^\s*(?:so\s+với\s+)?{PLAN_NOUNS}(?!\w)(?:\s+[^\W\d_]+){{0,6}}"
    r"\s*(?:,\s*(?:và\s+)?|và\s+)$"
)
_WORDS_BRACKETED = re.compile(r"\s*\([^()\d]*\)")


def _listed_attainment_draft(doc: Doc, p: Figure, figs: list[Figure]) -> Draft | None:
    """A draft of a percentage listed after an attainment of a named plan with no result of
    its own in the sentence, sharing its verb and subject (``Như vậy, công ty đã hoàn thành
    87% kế hoạch doanh thu, 78% mục tiêu lợi nhuận``): the second percentage has no word of
    its own before it and a plan word after it. None otherwise."""
    previous = [f for f in figs if f.start < p.start and f.sentence is p.sentence]
    q = _first_percent(doc, previous)
    if q is None or q.owner is None or q.kind != "percent":
        return None
    first = q.owner
    if first.percent_fig is not q or first.actual_fig is not None or first.subject is None:
        return None
    if first.target_fig is not None and first.target_fig is not previous[-1]:
        return None
    if not K_ACHIEVED.search(doc.fold, q.clause, q.span_start):
        return None
    lead = _WORDS_BRACKETED.sub(" ", doc.fold[q.end : p.span_start])
    tail = doc.fold[p.end : p.sentence.end]
    if not _LISTED_ATTAINMENT_LEAD.match(lead) or not K_PLAN_TAIL.match(tail):
        return None
    d = Draft(p.sentence, percent_fig=p)
    d.subject = first.subject
    d.respective = True  # an attainment, as the first is, whatever the words before
    p.owner = d
    return d


def _bracketed_subject_draft(doc: Doc, p: Figure) -> Draft | None:
    """A draft of a percentage that opens a bracket after the name of what it measures
    (``tỷ lệ hộ có nước sạch (đạt 91% so với kế hoạch là 95%)``): the subject is the words
    of the clause before the bracket; None when the bracket does not open the percentage's
    clause or no word stands before it."""
    before = doc.fold[p.sentence.start : p.clause].rstrip()
    if not before.endswith("("):
        return None
    close = p.sentence.start + len(before) - 1
    start = doc.clause_start(close, p.sentence.start)
    lead = doc.fold[start:close]
    trimmed = SUBJECT_TRIM.match(lead)
    skip = trimmed.end() if trimmed else 0
    if not re.search(r"[^\W\d_]", lead[skip:]):
        return None
    d = Draft(p.sentence, percent_fig=p)
    d.subject = (start + skip, start + len(lead.rstrip()))
    p.owner = d
    return d
