"""Drafts and their assembly for :mod:`kpitools.extract.grammar`: :func:`assemble` joins the
targets, wholes, excesses and percentages of a sentence's figures to the actual they belong
to; the roles of the figures are settled first in :mod:`kpitools.extract.sentence_roles`, and
figures said respectively (``lần lượt``) are joined in :mod:`kpitools.extract.respective`.
"""

from __future__ import annotations

import bisect
import itertools
import re
from decimal import Decimal

from kpitools.extract.amounts import (
    APART_MEASURES,
    MEASURE_NAMES,
    SCALES,
    TERM_YEARS,
    plan_kind,
)
from kpitools.extract.figure_roles import (
    PERCENT_OF_MEASURE_PLAN,
    RESULT_AFTER_TARGET,
    attained_after,
)
from kpitools.extract.figures import (
    COMPARE_NEXT,
    FALLING,
    K_PLAN_NAMED_TAIL,
    K_PLAN_TAIL,
    MEASURE_WORDS,
    PART_MARKER,
    PLAN_IN_BRACKET,
    Draft,
    Figure,
    single,
)
from kpitools.extract.growth_targets import growth_against_bracket, growth_by_margin
from kpitools.extract.numerals import PERCENT
from kpitools.extract.percentages import (
    AMOUNT_LAST,
    SENTENCE_END,
    attach_percent,
    bracketed_part,
    fits_percent,
    same_measure,
)
from kpitools.extract.periods import one_part_named, period_named
from kpitools.extract.plan_items import one_more_plan
from kpitools.extract.respective import respective_attainments, respective_growths
from kpitools.extract.sentence_roles import (
    amounts_of_counts,
    change_amounts,
    excess_as_qualifier,
    within_targets,
)
from kpitools.extract.target_words import MET_WORDS, STRIVE
from kpitools.extract.text import GROWTH_VERB_END, PLAN_NOUNS, Doc, Sentence
from kpitools.numbers import check_percent, round_half_up, try_parse_number
from kpitools.textfold import fold, rx

# --------------------------------------------------------------------------- statements


def nouns_agree(doc: Doc, a: Figure, b: Figure) -> bool:
    if not same_measure(a, b):
        return False
    if a.noun_start is None or b.noun_start is None or a.noun_end is None or b.noun_end is None:
        return True
    x = doc.fold[a.noun_start : a.noun_end].split()
    y = doc.fold[b.noun_start : b.noun_end].split()
    n = min(len(x), len(y), 2)
    return (
        x[:n] == y[:n]
        or (_of_workers(x) and _of_workers(y))
        or _admitted_members(x, y)
        or _places_of_people(doc, (a, x), (b, y))
    )


_PERSON = fold("người")
_WORKER = fold("lao động").split()
_MEMBER = fold("đảng viên").split()
_COMRADE = fold("đồng chí").split()


def _admitted_members(x: list[str], y: list[str]) -> bool:
    """Whether one noun counts Party members and the other counts them as comrades (``chỉ
    tiêu 9 đảng viên … kết nạp được 12 đồng chí``)."""
    return {tuple(x[:2]), tuple(y[:2])} == {tuple(_MEMBER), tuple(_COMRADE)}


_PLACES = fold("chỉ tiêu").split()
# people a quota of places is filled with: learners, recruits, members admitted
_PLACED_PEOPLE = frozenset(
    tuple(fold(w).split())
    for w in (
        "học viên",
        "học sinh",
        "sinh viên",
        "thí sinh",
        "tân binh",
        "công dân",
        "thanh niên",
        "đảng viên",
        "đoàn viên",
        "hội viên",
        "lao động",
    )
)
# "chỉ tiêu" counts places only when the people's own verb takes them in (``tuyển được``,
# ``kết nạp``, ``nhập ngũ``, ``bàn giao``): people who apply, or are examined, fill none
_TAKEN_IN = rx(r"(?<!\w)(?:tuyển|kết\s+nạp|nhập\s+ngũ|bàn\s+giao|(?P<trained>đào\s+tạo))(?!\w)")
# a verb of intake denied (``không tuyển được 64 thanh niên``) takes no one in
_DENIED = rx(r"(?<!\w)(?:không|chưa)\s+$")
# ``đào tạo`` takes people in only to a quota of training (``chỉ tiêu đào tạo``)
_TRAINING = rx(r"(?<!\w)đào\s+tạo(?!\w)")
_CLAUSE_MARK = re.compile(r"[,;.:]")
# a year between the quota and the people other than the quota's own: the two are of
# different years (a date's year, after its "/", is no such year)
_YEAR = re.compile(r"(?<![\d/])(?:19|20)\d{2}(?!\d)")


def _years_between(doc: Doc, quota: Figure, people: Figure) -> set[int]:
    """The years written between ``quota`` and ``people`` that are not the quota's own (one
    in its clause, else the year its text reports on)."""
    found = _YEAR.finditer(doc.fold, min(quota.end, people.end), max(quota.start, people.start))
    years = {int(m.group()) for m in found}
    if not years:
        return years
    stop = _CLAUSE_MARK.search(doc.fold, quota.end, quota.sentence.end)
    own = {
        int(m.group())
        for m in _YEAR.finditer(
            doc.fold, quota.clause, stop.start() if stop else quota.sentence.end
        )
    }
    if not own:
        last = bisect.bisect_left(doc.report_years, (quota.start, -1)) - 1
        own = {doc.report_years[last][1]} if last >= 0 else set()
    return years - own


def _places_of_people(
    doc: Doc, first: tuple[Figure, list[str]], second: tuple[Figure, list[str]]
) -> bool:
    """Whether one noun counts the places of a quota (``chỉ tiêu``, alone or of an intake) and
    the other the people a verb of intake takes in to fill them, in the same year (``giao 70
    chỉ tiêu … tuyển được 64 học viên``)."""
    for (f, places), (g, people) in ((first, second), (second, first)):
        if places[:2] != _PLACES or not (
            tuple(people[:2]) in _PLACED_PEOPLE or tuple(people[:1]) in _PLACED_PEOPLE
        ):
            continue
        if _years_between(doc, f, g):
            continue
        if _taken_in(doc, f, g):
            return True
    return False


def _taken_in(doc: Doc, quota: Figure, people: Figure) -> bool:
    """Whether a verb of intake takes ``people`` in to fill ``quota`` (training only to a
    quota of training)."""
    verb = _TAKEN_IN.search(doc.fold, people.clause, people.start)
    if verb is not None and _DENIED.search(doc.fold, people.clause, verb.start()):
        return False
    if verb is None or not verb.group("trained"):
        return verb is not None
    stop = _CLAUSE_MARK.search(doc.fold, quota.end, quota.sentence.end)
    return bool(_TRAINING.search(doc.fold, quota.clause, stop.start() if stop else quota.end))


def _of_workers(words: list[str]) -> bool:
    """Whether a noun counts workers: ``lao động``, ``người lao động``, or ``người`` alone
    (``2.460 lao động … chỉ tiêu 2.000 người``)."""
    if words[:1] == [_PERSON]:
        words = words[1:] or _WORKER
    return words[:2] == _WORKER


def _unit_before(doc: Doc, sentence: Sentence, pos: int) -> str | None:
    """The unit named last before ``pos`` in the sentence (its code, else its text)."""
    names = doc.units_in(sentence.start, pos)
    return (names[-1].code or names[-1].text) if names else None


def assemble(doc: Doc, figures: list[Figure]) -> list[Draft]:
    """Join the figures of each sentence into drafts of statements."""
    drafts: list[Draft] = []
    by_sentence: dict[int, list[Figure]] = {}
    for f in figures:
        by_sentence.setdefault(f.sentence.start, []).append(f)
    previous: list[Figure] = []
    for figs in by_sentence.values():
        drafts.extend(_assemble_sentence(doc, figs, previous))
        previous = figs
    return drafts


def _assemble_sentence(doc: Doc, figs: list[Figure], previous: list[Figure]) -> list[Draft]:
    sentence = figs[0].sentence
    excess_as_qualifier(doc, figs)
    amounts_of_counts(doc, figs)
    change_amounts(doc, figs)
    within_targets(doc, figs)
    drafts = _actual_drafts(doc, sentence, figs)
    # targets stated apart from their actual join the nearest actual counting the same thing
    for f in figs:
        if f.role == "target":
            _attach_target(doc, sentence, f, drafts, figs)
    drafts.sort(key=lambda d: d.anchor)
    for f in figs:
        if f.role in ("whole", "excess") and not _part_among_whole(doc, f):
            _attach_whole_or_excess(f, drafts, figs)
    for f in figs:
        if f.role == "percent" and not _growth_statement(doc, f, figs, previous, drafts):
            attach_percent(doc, f, figs, drafts)
        elif f.role == "rate_range":
            _rate_against_range(doc, f, figs, drafts)
    _attach_plans_after(doc, figs, drafts)
    respective_attainments(doc, figs, drafts)
    respective_growths(doc, figs, drafts)
    _amount_said_last(doc, figs, drafts)
    _growth_to_amount(doc, figs, drafts)
    _attach_exceeded_plans(doc, figs, drafts)
    _split_other_plans(doc, figs, drafts)
    _plan_after_bare_percent(doc, drafts)
    _plan_of_pair_before(doc, figs, drafts)
    return sorted(drafts, key=lambda d: d.anchor)


def _plan_of_pair_before(doc: Doc, figs: list[Figure], drafts: list[Draft]) -> None:
    """Give a result's percentage of a plan the plan of the pair before it in its sentence.

    ``Chi ngân sách 10 tháng là 6.200/11.500 tỷ đồng, đạt 53,9%; ước cả năm 9.800 tỷ đồng,
    đạt 85,22% dự toán``: a result in a clause after a semicolon with a percentage of a plan
    and no plan of its own, after a result-over-plan pair of the same measure, is set against
    the pair's plan when that plan gives the percentage at the precision written.
    """
    pairs = [f for f in figs if f.kind == "pair" and f.role == "actual"]
    for d in drafts:
        a, p = d.actual_fig, d.percent_fig
        if a is None or p is None or d.target is not None or not isinstance(d.actual, Decimal):
            continue
        if a.kind == "pair" or not K_PLAN_TAIL.match(doc.fold[p.end : p.end + 80]):
            continue
        before = [g for g in pairs if g.end <= a.start and ";" in doc.fold[g.end : a.start]]
        plan = _pair_plan_in(doc, before[-1], a) if before else None
        if plan is not None and fits_percent(p, d.actual, plan):
            d.target = plan


def _pair_plan_in(doc: Doc, g: Figure, a: Figure) -> Decimal | None:
    """The plan of the pair ``g`` in the units of the amount ``a`` (``6.200/11.500 tỷ đồng``
    beside ``9.800 tỷ đồng``: 11.500 billion), when the pair's noun is ``a``'s measure."""
    if a.measure is None or g.noun_start is None or g.noun_end is None:
        return None
    noun = " ".join(doc.fold[g.noun_start : g.noun_end].split())
    if noun != " ".join(fold(a.measure).split()):
        return None
    plan = g.values[1] * SCALES.get(noun.split()[0], 1)
    return round_half_up(plan, 0) if plan == plan.to_integral_value() else plan


def _plan_after_bare_percent(doc: Doc, drafts: list[Draft]) -> None:
    """Give a bare percentage the amount of its plan named by its measure right after it.

    ``Như vậy, công ty đạt 60% kế hoạch lợi nhuận 2.000 tỷ đồng``
    (:data:`PERCENT_OF_MEASURE_PLAN`): a percentage with neither result nor plan of its own
    takes the amount that stands alone as a draft of a target; its result is looked for
    before the sentence (:func:`~kpitools.extract.named_plans.link_named_plans`).
    """
    alone = [t for t in drafts if t.target_fig is not None and len(t.figures) == 1]
    for d in [d for d in drafts if d.percent_fig is not None]:
        p = d.percent_fig
        if p is None or d.actual is not None or d.target is not None or d.rate_of:
            continue
        t = next((t for t in alone if t.anchor > p.end), None)
        if t is None or t.target_fig is None:
            continue
        f = t.target_fig
        if not PERCENT_OF_MEASURE_PLAN.fullmatch(doc.fold, p.end - 1, f.qual_start or f.start):
            continue
        d.target_fig, d.target, f.owner = f, t.target, d
        drafts.remove(t)
        alone.remove(t)


def _growth_statement(
    doc: Doc, f: Figure, figs: list[Figure], previous: list[Figure], drafts: list[Draft]
) -> bool:
    """Whether the percentage ``f`` was taken as a growth set against a plan's rate: against
    the rate in brackets after it, by the margin written between them, or against the plan
    opening the next sentence (each made its statement)."""
    return (
        growth_against_bracket(doc, f, figs, previous)
        or growth_by_margin(doc, f, figs, previous)
        or _plan_of_growth_before(doc, f, previous, drafts)
    )


# "So với mục tiêu được giao là 7% thì …": a sentence opening with the plan's rate the growth of
# the sentence before is set against
_COMPARED_PLAN_OPENING = rx(
    r"^\W*so\s+(?:với\s+)?(?:mức\s+)?(?:mục\s+tiêu|kế\s+hoạch|kịch\s+bản|chỉ\s+tiêu)"
    r"(?:\s+(?!đạt|vượt|tăng(?!\s+trưởng)|giảm)[^\W\d_]+){0,6}\s*(?:là|:)\s*$"
)
# "tăng 7,8%", "…, tăng 14%/KH tăng 8-10%": a growth, its figure right after the verb
_GROWTH_LEAD = rx(r"(?<!\w)tăng\s*$")


def _plan_of_growth_before(
    doc: Doc, f: Figure, previous: list[Figure], drafts: list[Draft]
) -> bool:
    """A plan's rate opening a sentence (``So với mục tiêu được giao là 7% thì …``) set against
    the one percentage of the sentence before in the paragraph when that is a growth (``tăng
    7,8% so với năm trước``) of the same size (half to twice the plan's): a statement of the
    growth against the plan; whether it made one."""
    if f.kind != "percent" or f.qualifier is not None or f.clause != f.sentence.start:
        return False
    if not _COMPARED_PLAN_OPENING.match(doc.fold[f.sentence.start : f.span_start]):
        return False
    rates = [g for g in previous if g.kind == "percent"]
    if len(rates) != 1 or rates[0].sentence.paragraph != f.sentence.paragraph:
        return False
    growth = rates[0]
    if growth.qualifier is not None or not _GROWTH_LEAD.search(
        doc.fold, growth.clause, growth.span_start
    ):
        return False
    if not f.values[0] / 2 < growth.values[0] < f.values[0] * 2:
        return False
    d = Draft(growth.sentence, actual_fig=growth, actual=growth.value, target_fig=f, target=f.value)
    f.owner = d
    growth.measure = f.measure = "%"
    drafts.append(d)
    return True


def _attach_plans_after(doc: Doc, figs: list[Figure], drafts: list[Draft]) -> None:
    """Plans in brackets, joined after the percentages are placed (see the two below)."""
    for f in figs:
        if f.role == "bracket_plan":
            f.role = "target"
            _attach_bracket_plan(doc, f, figs, drafts)
        elif f.role == "beaten_plan":
            f.role = "target"
            _attach_beaten_plan(doc, f, figs, drafts)
        elif f.role == "named_plan":
            f.role = "target"
            _attach_named_plan(doc, f, figs, drafts)


def _second_named_plan(doc: Doc, f: Figure, figs: list[Figure]) -> Figure | None:
    """The percentage whose plan's words name the target ``f`` with ``là`` right after
    them (:data:`_IS_AFTER_PLAN`), when another percentage comes before it in the sentence
    (``đạt 81% kế hoạch tỉnh giao và đạt 65% mục tiêu doanh thu là 8.000 tỷ đồng``: the
    plan of the second percentage, not of the first); else None."""
    ps = [g for g in figs if g.sentence is f.sentence and g.end <= f.start and g.kind == "percent"]
    if len(ps) < 2 or not _IS_AFTER_PLAN.match(doc.fold[ps[-1].end : f.start]):
        return None
    return ps[-1]


def _attach_named_plan(doc: Doc, f: Figure, figs: list[Figure], drafts: list[Draft]) -> None:
    """A plan named after the second percentage of a result (:func:`_second_named_plan`) is
    the target of that percentage's statement when it has a result of the same measure and
    no target (the audit then checks the percentage against it); else a target on its own."""
    p = _second_named_plan(doc, f, figs)
    d = p.owner if p is not None else None
    if (
        d is not None
        and d.percent_fig is p
        and d.actual_fig is not None
        and d.target is None
        and len(f.values) == 1
        and same_measure(d.actual_fig, f)
    ):
        _target_of(f, d, drafts)
    else:
        _target_of(f, None, drafts)


def _attach_beaten_plan(doc: Doc, f: Figure, figs: list[Figure], drafts: list[Draft]) -> None:
    """A plan in brackets after ``vượt mục tiêu …`` is the target of the count before it.

    ``chỉ số SAIDI … chỉ còn 230 phút, vượt mục tiêu kế hoạch đầu năm (233 phút)``: 230
    against 233, when the count before it is a result of no target or percentage, counts the
    same thing (the same noun, neither or both money) and beats the plan as the words say
    (above it; below it for a figure that fell, ``còn``, ``giảm``). Else a target on its own.
    """
    a = next((g for g in reversed(figs) if g.start < f.start and g.role == "actual"), None)
    d = a.owner if a is not None else None
    if (
        a is not None
        and d is not None
        and d.actual_fig is a
        and d.target is None
        and (d.percent_fig is None or _percent_of_beaten(d.percent_fig, a, f))
        and _beats(doc, a, f)
    ):
        _target_of(f, d, drafts)
    else:
        _target_of(f, None, drafts)


def _percent_of_beaten(p: Figure, a: Figure, f: Figure) -> bool:
    """Whether the percentage ``p``, after the plan ``f`` in brackets, is the result ``a``
    against it ("vượt kế hoạch đề ra (5.000 căn), tương đương hơn 103%", or "(5.000 căn,
    tăng trên 3%)"): it comes after the plan and the figures give it, within a unit of its
    last whole digit on the side its qualifier allows."""
    if p.start < f.end or p.percent is None or p.qualifier not in (None, "hơn", "trên", "gần"):
        return False
    a_value, t_value = single(a.value), single(f.value)
    if a_value is None or not t_value:
        return False
    exact = a_value * 100 / t_value
    low = p.percent.value - (1 if p.qualifier == "gần" else 0)
    high = p.percent.value + (0 if p.qualifier == "gần" else 1)
    # as an attainment (103 %) or as the excess over the plan (3 %)
    return low <= exact < high or low <= exact - 100 < high


def _target_of(f: Figure, d: Draft | None, drafts: list[Draft]) -> None:
    """The plan figure ``f`` as the target of ``d``, or (None) as a target on its own."""
    if d is None:
        d = Draft(f.sentence)
        drafts.append(d)
    d.target_fig, d.target = f, f.value
    f.owner = d


def _beats(doc: Doc, a: Figure, f: Figure) -> bool:
    """Whether the count ``a`` beats the plan ``f`` as ``vượt`` says (see above)."""
    if a.kind != "count" or f.kind != "count" or not same_measure(a, f):
        return False
    if a.noun_start is None or f.noun_start is None:
        return False
    mine, plan = (doc.fold[g.noun_start : g.noun_end].split() for g in (a, f))
    if mine[: len(plan)] != plan:
        return False  # "1.250 doanh nghiệp thành lập mới" and "(1.100 doanh nghiệp)" agree
    falling = FALLING.search(doc.fold, a.clause, a.start) is not None
    return a.values[0] < f.values[0] if falling else a.values[0] > f.values[0]


def _attach_bracket_plan(doc: Doc, f: Figure, figs: list[Figure], drafts: list[Draft]) -> None:
    """A plan's figure in brackets after the percentage of that plan ("đạt 121.190 người …,
    bằng 93,2% kế hoạch năm 2025 (130.000 lao động)") is the target of the percentage's
    result (of the same measure: no amount for a count) when the percentage fits them; else
    it is a target on its own."""
    d = _bracket_plan_owner(doc, f, figs)
    if d is not None:
        _target_of(f, d, drafts)
        d.rate_of = False  # "đạt 80% (trong số 625 tỷ đồng …)": of the plan, not a population
    else:
        # not the plan of that percentage (last year's figure, a fraction): on its own
        _target_of(f, None, drafts)


def _bracket_plan_owner(doc: Doc, f: Figure, figs: list[Figure]) -> Draft | None:
    """The draft whose percentage right before the plan's figure ``f`` (in brackets) fits
    its result against ``f``, when that draft has no target yet; else None."""
    p = next((g for g in reversed(figs) if g.start < f.start and g.kind == "percent"), None)
    d = p.owner if p is not None else None
    if (
        d is not None
        and p is not None
        and d.percent_fig is p
        and d.actual_fig is not None
        and d.target is None
        and d.actual_fig.kind == "count"
        and f.kind in ("count", "range")
        and same_measure(d.actual_fig, f)
        and (
            fitted_end(p, d.actual_fig.values[0], f) is not None
            or _dashed_plan_near(doc, p, d.actual_fig.values[0], f)
        )
    ):
        return d
    return None


def _second_bracket_plan(doc: Doc, f: Figure) -> bool:
    """Whether ``f``, a target no result before it took, is a plan's figure in brackets
    right after the percentage of that plan (``bằng 95% kế hoạch tỉnh giao (526 tỷ đồng),
    bằng 90% kế hoạch huyện giao (555 tỷ đồng)``): joined once the percentages are placed."""
    low = max(f.sentence.start, f.start - 120)
    return f.kind == "count" and PLAN_IN_BRACKET.search(doc.fold, low, f.start) is not None


_DASH_BEFORE = re.compile(r"\s[-–]\s+$")
_NEAR_PLAN = Decimal("0.02")


def _dashed_plan_near(doc: Doc, p: Figure, actual: Decimal, plan: Figure) -> bool:
    """Whether ``plan``, set after its plan's name with a dash (``tăng 6% so với kế hoạch -
    50 tỷ đồng``) or in brackets right after it (``vượt 4% so với kế hoạch quận giao (62 tỷ
    đồng)``), is the plan of the percentage ``p`` though the percentage does not quite fit
    it: the plan the percentage implies (as an attainment or as an excess) is within 2 % of
    it (5 % for a bracket right after the plan's name, ``kế hoạch năm (2,8 tỷ USD)`` or
    ``kế hoạch năm (thu hút 2,8 tỷ USD)``), so the audit, not the pairing, says the
    percentage is off."""
    if p.percent is None or plan.kind != "count" or not plan.values[0] or not actual:
        return False
    dashed = _DASH_BEFORE.search(doc.fold, max(p.end, plan.start - 4), plan.start)
    between = doc.fold[p.end : plan.start]
    bracketed = _VERBED_PLAN.match(between) or _BRACKET_AFTER_PLAN.match(between)
    if not dashed and not bracketed:
        return False
    near = _NEAR_BRACKETED_PLAN if bracketed else _NEAR_PLAN
    written = plan.values[0]
    for share in (p.percent.value, p.percent.value + 100):
        if share and abs(actual * 100 / share - written) <= written * near:
            return True
    return False


# "đạt 40% kế hoạch năm (thu hút 2,8 tỷ USD)": the bracket names the plan by its own verb
_VERBED_PLAN = rx(
    rf"^\s*(?:so\s+với\s+)?{PLAN_NOUNS}"
    r"(?:[^(),;.\d]|(?<!\d)(?:19|20)\d\d(?!\d)){0,40}\(\s*(?:thu\s+hút|thu|đón|kết\s+nạp|phát\s+triển|giải\s+ngân|xuất\s+khẩu)\s+$"
)
_NEAR_BRACKETED_PLAN = Decimal("0.05")


def fitted_end(p: Figure, actual: Decimal, plan: Figure) -> Decimal | None:
    """The figure of the plan ``plan`` the percentage ``p`` is of: its one figure when the
    percentage fits it; of a range (``kế hoạch năm (11-12 triệu lượt)``) the end it fits,
    rounded or cut at its last digit (the audit then says which), the low end first."""
    if plan.kind != "range":
        if p.percent is None or not plan.values[0]:
            return None
        check = check_percent(p.percent, actual, plan.values[0])
        fits = check.fits or fits_percent(p, actual, plan.values[0])
        return plan.values[0] if fits else None
    if p.percent is None:
        return None
    for end in plan.values:
        check = check_percent(p.percent, actual, end)
        if end and check.fits:
            return end
    return None


# "khu vực dịch vụ tăng 7,2% (kế hoạch tăng 9 - 10%)", "(chỉ tiêu được giao tăng 8 - 8,5%)",
# "chiếm 43,8% (kế hoạch từ 36,1 - 36,6%)", "tăng 5,3% so với kế hoạch, tăng từ 7,2 - 7,8%",
# "đạt 21% cao hơn so với kế hoạch là 6 - 7%": the planned range of the rate just stated
_RANGE_TARGET_LEAD = rx(
    r"^(?:\s*/\s*năm)?\s*[,;/]?\s*(?P<cmp>cao\s+hơn|thấp\s+hơn|vượt|tiệm\s+cận)?\s*\(?\s*"
    r"(?:so\s+với\s+)?(?:kế\s+hoạch|kh(?!\w)|mục\s+tiêu|chỉ\s+tiêu|kịch\s+bản|nghị\s+quyết)"
    r"(?:\s+(?:tăng\s+trưởng|(?:đã\s+)?đề\s+ra|đặt\s+ra|(?:được\s+)?giao))?"
    r"\s*(?:,\s*)?(?:là|:|tăng|giảm)?\s*$"
)


def _rate_against_range(doc: Doc, r: Figure, figs: list[Figure], drafts: list[Draft]) -> None:
    """A planned range of rates right after a rate stated on its own (a growth, share or
    rate with no result, no target and no other figure between): the rate becomes the
    actual (``measure`` ``%``) and the range its target, when the figures fit the words
    (``cao hơn``, ``vượt`` above the range, ``thấp hơn`` below it). A growth said of an
    amount (``thu 90 tỷ đồng, tăng 14%/KH tăng 8-10%``) leaves the amount for a statement of
    its own."""
    previous = [f for f in figs if f.start < r.start]
    if not previous or previous[-1].kind != "percent" or previous[-1].owner is None:
        return
    rate = previous[-1]
    d = rate.owner
    assert d is not None
    if d.target is not None or d.percent_fig is not rate:
        return
    if d.actual is not None:
        if not _GROWTH_LEAD.search(doc.fold, rate.clause, rate.start):
            return
        d.percent_fig = None
        d = Draft(sentence=rate.sentence, percent_fig=rate)
        drafts.append(d)
    # "bằng 28,5% GRDP (kế hoạch …)": after the population the rate is of, if it has one
    m = _RANGE_TARGET_LEAD.match(doc.fold[rate.end : r.start])
    if m is None and d.rate_of and d.subject:
        m = _RANGE_TARGET_LEAD.match(doc.fold[max(rate.end, d.subject[1]) : r.start])
    if m is None or not r.values[0] < r.values[1]:
        return
    cmp = " ".join((m.group("cmp") or "").split())
    value = rate.values[0]
    if (cmp in (fold("cao hơn"), fold("vượt")) and value <= r.values[1]) or (
        cmp == fold("thấp hơn") and value >= r.values[0]
    ):
        return
    d.actual_fig, d.actual, d.percent_fig = rate, rate.value, None
    d.target_fig, d.target = r, r.value
    r.owner = d
    rate.measure = r.measure = "%"


def _actual_drafts(doc: Doc, sentence: Sentence, figs: list[Figure]) -> list[Draft]:
    """A draft for each actual of the sentence (a pair states the target too)."""
    drafts: list[Draft] = []
    for f in figs:
        if f.role != "actual":
            continue
        d = Draft(sentence, actual_fig=f)
        f.owner = d
        if f.kind == "pair":
            d.actual, d.target = f.values[0], f.values[1]
            if len(f.values) == 3:  # "7.150/7.000 - 7.500": a planned range
                d.target = (f.values[1], f.values[2])
            d.target_fig = None
        else:
            d.actual = f.value
        if f.noun_start is None and f.measure is None and not COMPARE_NEXT.match(doc.fold, f.end):
            previous = [x for x in drafts if x.anchor < f.start]
            d.inherit = previous[-1] if previous else None
        drafts.append(d)
    return drafts


# the words of a figure, then a bracket opened and not closed: "40 đảng viên (mỗi năm 8-10"
_OPEN_BRACKET_AFTER = re.compile(r"[^\d()]*\([^()]*")


def _in_bracket_after(doc: Doc, f: Figure, a: Figure) -> bool:
    """Whether ``a`` is inside a bracket opened right after the target ``f``'s words: ``chỉ
    tiêu kết nạp 40 đảng viên (bình quân mỗi năm 8-10 đảng viên)`` explains the target, no
    result of it."""
    return f.end <= a.start and _OPEN_BRACKET_AFTER.fullmatch(doc.fold, f.end, a.start) is not None


def _attach_target(
    doc: Doc, sentence: Sentence, f: Figure, drafts: list[Draft], figs: list[Figure]
) -> None:
    """A target joins the one nearest actual without a target that counts the same thing
    in the same unit; else it is a draft of its own. After ``vượt``, a figure half such an
    actual or less is that actual's excess (:func:`_beaten_far_below`)."""
    unit = _unit_before(doc, sentence, f.start)
    candidates = [
        d
        for d in drafts
        if d.target is None
        and d.actual_fig is not None
        and d.actual_fig.kind != "pair"
        and (
            nouns_agree(doc, d.actual_fig, f)
            or _people_fit(doc, d.actual_fig, f, figs)
            or _members_fit(doc, d.actual_fig, f, figs)
        )
        and _unit_before(doc, sentence, d.anchor) in (unit, None)
        and not _apart_by_semicolon(doc, d, f)
        and not bracketed_part(doc, d.actual_fig, f.start)
        and not _in_bracket_after(doc, f, d.actual_fig)
        and not _listed_part(doc, f, d.actual_fig)
        and _plan_beyond_percent(doc, d.actual_fig, f, figs) is None
        and _later_percent_plan(doc, d.actual_fig, f, figs) is None
        and not _other_year_or_kind(doc, d.actual_fig, f, figs)
        and not _other_measure(doc, d.actual_fig, f)
        and not one_more_plan(doc.fold, f, d.actual_fig)
        and not _beaten_far_below(doc, d.actual_fig, f)
        and not _floor_of_another(doc, f)
        and not (
            _listed_with_target(doc, d.actual_fig, f)
            and not _own_percent_fits(doc, d.actual_fig, f, figs)
        )
    ]
    if candidates:
        distances = sorted((abs(d.anchor - f.start), i) for i, d in enumerate(candidates))
        if len(distances) == 1 or distances[0][0] != distances[1][0]:
            d = candidates[distances[0][1]]
            d.target_fig, d.target = f, f.value
            f.owner = d
            return
    if (
        f.qualifier is None
        and not _after_floor(doc, f)
        and any(
            d.target is None
            and d.actual_fig is not None
            and _beaten_far_below(doc, d.actual_fig, f, assigned=True)
            for d in drafts
        )
    ):
        f.role = "excess"  # "đạt 832 triệu đồng, vượt chỉ tiêu được giao là 192 triệu đồng"
        _attach_whole_or_excess(f, drafts, figs)
        return
    if _second_bracket_plan(doc, f):
        f.role = "bracket_plan"  # joined after the percentages are placed
        return
    if _second_named_plan(doc, f, figs) is not None:
        f.role = "named_plan"  # joined after the percentages are placed
        return
    d = Draft(sentence, target_fig=f, target=f.value)
    f.owner = d
    drafts.append(d)


# "vượt", not "vượt xa" (far beyond: "đạt 3,1 tỷ USD, vượt xa mục tiêu đề ra là 1,2 tỷ USD"),
# nor "không vượt", "chưa vượt" (no excess)
_BEAT = rx(r"(?<!\w)(?<!không\s)(?<!chưa\s)vượt(?!\w)(?!\s+xa(?!\w))")
_DIGIT = re.compile(r"\d")
_SET_BY = rx(r"(?<!\w)(?:giao|đề\s+ra|đặt\s+ra|phê\s+duyệt|thông\s+qua)(?!\w)")


def _beaten_far_below(doc: Doc, a: Figure, f: Figure, *, assigned: bool = False) -> bool:
    """Whether ``f``, after ``vượt`` following the result ``a``, is half ``a`` or less: by
    how much ``a`` beat its plan, not the plan (``đạt 5.400 tỷ đồng, vượt mục tiêu Chính phủ
    giao 400 tỷ đồng``), as :mod:`kpitools.extract.target_rates` reads a rate after
    ``vượt``; :func:`_attach_target` then reads ``f`` as the excess (unless a floor) when
    the plan is named with who set it (``assigned``: ``giao``, ``đề ra`` … before ``f``;
    ``vượt so với kế hoạch 540 cây`` is left unread, as round 91 reads it)."""
    if f.start < a.end or "percent" in (a.kind, f.kind) or not f.values or not a.values:
        return False
    beats = list(_BEAT.finditer(doc.fold, a.span_end, f.start))
    if not beats or _DIGIT.search(doc.fold, beats[-1].end(), f.start):
        return False  # "vượt 36% (kế hoạch 688 ngàn tấn)": the excess is the percentage
    if assigned and _SET_BY.search(doc.fold, beats[-1].end(), f.start) is None:
        return False
    return a.values[0] >= 2 * f.values[-1]


# "vượt chỉ tiêu đặt ra là ít nhất …": a floor after the target's copula ...
_FLOOR_LEAD = rx(r"(?:(?<!\w)là|:)\s*(?:ít\s+nhất|tối\s+thiểu)\s*$")
# ... "… 20 hộ mỗi xã", "… 20 hộ/xã", "… 1.000 hộ so với năm trước": of each unit, or a
# change, not the result's whole
_PER_UNIT_OR_CHANGE = rx(r"\s*(?:[^\W\d_]+\s*){0,3}?(?:/|(?:mỗi|một|so\s+với)(?!\w))")


def _after_floor(doc: Doc, f: Figure) -> bool:
    """Whether ``f`` is a floor after a target's copula (``… là ít nhất 20 hộ``)."""
    return _FLOOR_LEAD.search(doc.fold, max(f.sentence.start, f.start - 40), f.start) is not None


def _floor_of_another(doc: Doc, f: Figure) -> bool:
    """Whether the floor ``f`` a plan set (``… là ít nhất 20 hộ mỗi xã``) is per unit or a
    change (``so với``), not a level of the result's whole."""
    return (
        _after_floor(doc, f) and _PER_UNIT_OR_CHANGE.match(doc.fold, f.end, f.end + 40) is not None
    )


_SEMICOLON_OR_STOP = re.compile(r";|\.(?!\d)")
_CLAUSE_STOP = re.compile(r"[;,:(]|\.(?!\d)")
_ALONG_WITH = rx(r"(?<!\w)cùng(?:\s+với)?\s*$")
_AND_NEXT = rx(r"(?<!\w)và\s*$")
_TWO_WORDS_BEFORE = rx(r"([^\W\d_]+\s+[^\W\d_]+)\s*$")


def _listed_with_target(doc: Doc, a: Figure, f: Figure) -> bool:
    """Whether ``a``, after the target ``f`` in its sentence, is another figure of the plan.

    ``đặt mục tiêu khai thác 3,4 triệu tấn than, than tiêu thụ trên 3 triệu tấn`` and ``kế
    hoạch khai thác 3,4 triệu tấn, cùng 80.000 tấn …`` list a second planned figure: with
    no word of a result between the two (``đạt``, ``được``, ``đã``, ``kết quả``, ``ước`` …), and
    ``cùng`` right before ``a`` or the verb before the target not said again (``kế hoạch
    kết nạp 150, toàn tỉnh kết nạp 171`` states a result), ``a`` is not its result; nor is a
    figure of the same thing joined to the target by ``và`` in its clause (``được giao 30
    đoàn viên đi tình nguyện và 6 đoàn viên …``), whatever words of the target's stand between.
    """
    if f.end > a.start:
        return False
    between = doc.fold[f.span_end : a.span_start]
    if _AND_NEXT.search(between) and not _CLAUSE_STOP.search(between) and nouns_agree(doc, a, f):
        return True  # "được giao 30 đoàn viên … và 6 đoàn viên …": the list's next item
    if MET_WORDS.search(between) or RESULT_AFTER_TARGET.search(between):
        return False
    if _ALONG_WITH.search(between):
        return True  # "…, cùng 80.000 tấn than lộ vỉa": one more figure of the plan
    low = max(f.sentence.start, f.span_start - 40)
    verb = _TWO_WORDS_BEFORE.search(doc.fold, low, f.span_start)
    return verb is None or " ".join(verb.group(1).split()) not in " ".join(between.split())


# the generic counter of persons: a count of persons of any kind may be written with it
_PERSONS = rx(r"người(?!\w)")


def _people_fit(doc: Doc, a: Figure, f: Figure, figs: list[Figure]) -> bool:
    """Whether a result ``a`` counted in persons (``người``) and a target ``f`` before it
    counted in a noun of its own (``kế hoạch tuyển 500 học viên; … tuyển được 540 người,
    đạt 108% kế hoạch``) count the same thing by the report's own figures: the result's
    percentage of its plan is ``a`` of ``f`` at the precision written."""
    if a.noun_start is None or a.noun_end is None or f.noun_start is None:
        return False
    if not _PERSONS.match(doc.fold, a.noun_start, a.noun_end):
        return False
    return same_measure(a, f) and _own_percent_fits(doc, a, f, figs)


# the nouns Party admissions are counted in: the masses admitted, comrades, members
_ADMITTED_NOUN = rx(r"(?:quần\s+chúng|đồng\s+chí|đảng\s+viên)(?!\w)")


def _members_fit(doc: Doc, a: Figure, f: Figure, figs: list[Figure]) -> bool:
    """Whether a result ``a`` and a target ``f`` counted in two of the nouns admissions are
    written with (``kết nạp 15 quần chúng …, so với chỉ tiêu 12 đồng chí (đạt
    125%)``) count the same thing by the report's own figures: the percentage right
    after the later of them is ``a`` of ``f`` at the precision written."""
    if a.noun_start is None or f.noun_start is None or len(a.values) + len(f.values) != 2:
        return False
    if not (
        _ADMITTED_NOUN.match(doc.fold, a.noun_start)
        and _ADMITTED_NOUN.match(doc.fold, f.noun_start)
    ):
        return False
    later = max(a.span_end, f.span_end)
    p = next((g for g in figs if g.kind == "percent" and g.start >= later), None)
    return p is not None and p.start - later < 20 and fits_percent(p, a.values[0], f.values[0])


def _own_percent_fits(doc: Doc, a: Figure, f: Figure, figs: list[Figure]) -> bool:
    """Whether the result ``a``, after the target ``f``, is followed by its own percentage of
    a plan (:func:`attained_after`) that is ``a`` of ``f`` at the precision written
    (``kế hoạch vốn … 1.200 tỷ đồng, giải ngân 300 tỷ đồng, đạt 25% kế hoạch``): the
    report's own figures pair them, however the words between read."""
    if f.end > a.start or len(a.values) != 1 or len(f.values) != 1:
        return False
    if not attained_after(doc.fold, a):
        return False
    p = next((g for g in figs if g.kind == "percent" and g.start >= a.end), None)
    return p is not None and fits_percent(p, a.values[0], f.values[0])


# ", vượt mục tiêu phấn đấu thu 100.000 tỉ đồng": a plan exceeded in a clause of its own
_EXCEEDED_PLAN_CLAUSE = rx(
    r",\s*(?:và\s+)?(?:đã\s+)?(?:vượt|hoàn\s+thành)\s+(?:mức\s+)?"
    r"(?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu|nghị\s+quyết)(?:\s+[^\W\d_]+){0,4}\s*(?:(?:là|:)\s*)?$"
    # "vượt 3% so với mục tiêu cơ sở và tiệm cận mức 450 tỷ đồng": a second level, approached
    r"|(?<!\w)và\s+(?:đã\s+)?(?:tiệm\s+cận|tiến\s+sát|gần\s+chạm)"
    r"(?:\s+(?:mức|mốc|ngưỡng))?(?:\s+(?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu)(?:\s+[^\W\d_]+){0,4})?"
    r"\s*(?:(?:là|:)\s*)?$"
)


def _plan_beyond_percent(doc: Doc, a: Figure, f: Figure, figs: list[Figure]) -> Figure | None:
    """The percentage between the result ``a`` and a target ``f`` after it that names a
    plan of its own, when ``f`` is the object of a verb of its own and the percentage does
    not fit ``f`` (``đạt 5.200 tỉ đồng, đạt 130% dự toán … giao …, vượt mục tiêu phấn đấu
    thu 5.000 tỉ đồng``: 130 % is of the budget, 5.000 is the goal exceeded); else None.
    Such a target is no plan of that percentage: the result is set against it apart."""
    if f.start < a.start or len(f.values) != 1 or len(a.values) != 1:
        return None
    fold_ = doc.fold
    for p in figs:
        if not (a.end <= p.start and p.end <= f.start and p.kind == "percent"):
            continue
        if not K_PLAN_NAMED_TAIL.match(fold_[p.end : f.start]) or p.percent is None:
            continue
        lead = fold_[p.end : (f.qual_start if f.qual_start is not None else f.start)]
        if _EXCEEDED_PLAN_CLAUSE.search(lead) and not fits_percent(p, a.values[0], f.values[0]):
            return p
    return None


# "… và bằng 25% kế hoạch năm (8.000 tỷ đồng)": the plan in brackets after its words
_BRACKET_AFTER_PLAN = rx(
    # "được 44% chỉ tiêu năm 2040 còn lại (gần 600 căn hộ)": a plan of a year named, left
    # over, its figure rounded
    rf"^\s*(?:so\s+(?:với\s+)?|theo\s+)?{PLAN_NOUNS}"
    r"(?:[^(),;.\d]|(?<!\d)(?:19|20)\d\d(?!\d)){0,40}\(\s*"
    # "vượt 5% kế hoạch (Kế hoạch: 30 nghìn tấn)": the plan's word again, and a colon
    r"(?:(?:kế\s+hoạch|chỉ\s+tiêu|kh|ct)\s*:\s*)?(?:(?:trên|hơn|gần|khoảng)\s+)?$"
)


# "… và đạt 58% mục tiêu thu của tỉnh là 9.000 tỷ đồng": the plan's amount given after its
# words with "là" (round 120)
_IS_AFTER_PLAN = rx(
    rf"^\s*(?:so\s+(?:với\s+)?)?{PLAN_NOUNS}"
    r"(?:[^(),;.\d]|(?<=\w)\.(?=\w)|(?<!\d)(?:19|20)\d\d(?!\d)){0,60}?(?<!\w)là\s*"
    r"(?:(?:trên|hơn|gần|khoảng)\s+)?$"
)


def _later_percent_plan(doc: Doc, a: Figure, f: Figure, figs: list[Figure]) -> Figure | None:
    """The last of two or more percentages between the result ``a`` and a target ``f`` in
    brackets right after that percentage's plan (``đạt 105% kế hoạch quý và bằng 25% kế
    hoạch năm (8.000 tỷ đồng)``) or given after its words with ``là`` (``đạt 81% kế hoạch
    tỉnh giao và 65% mục tiêu doanh thu là 8.000 tỷ đồng``): the plan of that percentage,
    not of the first; else None."""
    ps = [p for p in figs if a.end <= p.start and p.end <= f.start and p.kind == "percent"]
    if len(ps) < 2:
        return None
    tail = doc.fold[ps[-1].end : f.start]
    if not (_BRACKET_AFTER_PLAN.match(tail) or _IS_AFTER_PLAN.match(tail)):
        return None
    return ps[-1]


# a year the words before a figure give it ("năm 2026 phấn đấu đón", "mục tiêu năm 2030");
# not the year compared with ("so với năm 2024", "cùng kỳ năm 2024")
_OWN_YEAR = rx(r"(?<!với\s)(?<!kỳ\s)(?<!\w)năm\s+(20\d\d)(?!\d)")


# the origin a count of visitors, goods or capital names: two origins are two things
_ORIGIN = rx(r"(?<!\w)(?:quốc\s+tế|nội\s+địa|trong\s+nước|nước\s+ngoài)(?!\w)")


# a place written with its kind and a capitalised name ("huyện Long Hải"); not the one that
# assigned a plan ("chỉ tiêu tỉnh Bình An giao")
_PLACE_KIND = re.compile(
    r"(?<!\w)(?:huyện|quận|thị xã|thành phố|tỉnh|xã|phường|thị trấn|đặc khu)((?:\s+\w+){1,4})"
)
_ASSIGNED = rx(r"^\s*(?:đã\s+)?giao(?!\w)")


def _place_before(text: str, start: int, end: int) -> str | None:
    """The last place named with its kind in ``text[start:end]`` (see above), its name."""
    names = []
    for m in _PLACE_KIND.finditer(text, start, end):
        words = list(itertools.takewhile(lambda w: w[:1].isupper(), m.group(1).split()))
        after = m.start(1) + len(" ".join(words)) + 1
        if words and not _ASSIGNED.match(fold(text[after : after + 12])):
            names.append(" ".join(words))
    return names[-1] if names else None


def _year_before(doc: Doc, start: int, end: int) -> str | None:
    """The last year named in ``doc.fold[start:end]`` as the year of what follows."""
    years = _OWN_YEAR.findall(doc.fold, start, end)
    return years[-1] if years else None


# "4 tỷ USD vào năm 2040", "900 triệu USD của năm 2026": the year a figure is of, right after it
_YEAR_AFTER = rx(r"\s*(?:vào|của|trong|đến)?\s*năm\s+(20\d\d)(?!\d)")


def _year_after(doc: Doc, f: Figure) -> str | None:
    """The year written right after the figure ``f`` (its noun or unit between), if any."""
    m = _YEAR_AFTER.match(doc.fold, f.noun_end or f.span_end, f.sentence.end)
    return m.group(1) if m else None


# "… mục tiêu khoảng 1.000 tỷ đồng trong năm nay": a year named by the time of writing
_NOW_YEAR_AFTER = rx(r"\s*(?:vào|của|trong|cho)?\s*năm\s+(?:nay|tới|sau)(?!\w)")


def _this_year_after(doc: Doc, f: Figure) -> bool:
    """Whether ``năm nay`` (``năm tới``, ``năm sau``) is written right after ``f``."""
    return _NOW_YEAR_AFTER.match(doc.fold, f.noun_end or f.span_end, f.sentence.end) is not None


def _own_year_after(doc: Doc, a: Figure) -> bool:
    """Whether a year is written right after ``a`` (``500 tỷ đồng năm 2041``: the figure's
    noun may have taken ``năm``)."""
    return any(
        _YEAR_AFTER.match(doc.fold, at, a.sentence.end) is not None
        for at in {a.end, a.span_end, a.noun_end or a.span_end}
    )


def _other_year_or_kind(doc: Doc, a: Figure, f: Figure, figs: list[Figure]) -> bool:
    """Whether the target ``f`` is of another year than the result ``a`` (``Năm 2025, … đón
    5 triệu lượt khách, năm 2026 phấn đấu đón 6 triệu``; ``đạt 4 tỷ USD vào năm 2040, …
    so với mục tiêu 900 triệu USD của năm 2026``: the year right after a figure is its own)
    or counts another kind of the same thing (``5 triệu lượt khách quốc tế, mục tiêu đón 20
    triệu lượt khách nội địa``): no target of that result."""
    if _added_to_plan(doc, a):
        return True
    before = [g for g in figs if g.end <= f.start and g is not a]
    floor = max([g.span_end for g in before if g.start > a.start] or [a.span_end])
    low = f.sentence.start if f.start < a.start else floor
    if _other_period(doc, a, f, low):
        return True
    place = _place_before(doc.text, low, f.start)
    own = _place_before(doc.text, a.sentence.start, a.start)
    if place is not None and own is not None and place != own:
        return True
    if a.noun_end is None or f.noun_end is None:
        return False
    x = _ORIGIN.search(doc.fold, a.start, a.noun_end)
    y = _ORIGIN.search(doc.fold, f.start, f.noun_end)
    return x is not None and y is not None and x.group() != y.group()


# "bổ sung 1.200 tỷ đồng so với kế hoạch vốn đã giao, nâng tổng kế hoạch vốn … lên 9.800 tỷ
# đồng": an amount added to a plan, no result against it or the plan it raises
_ADDED_LEAD = rx(r"(?<!\w)(?:thêm|bổ\s+sung)(?:\s+(?:khoảng|gần|hơn|trên))?\s*$")
_TO_PLAN_AFTER = rx(rf"\s*so\s+với\s+{PLAN_NOUNS}(?!\w)")
# "…, nâng tổng chỉ tiêu … lên 3.200 ha": the plan the amount added raises
_RAISED_TO = rx(r"(?<!\w)nâng(?!\w)[^.;]*?(?<!\w)lên(?!\w)")


def _added_to_plan(doc: Doc, a: Figure) -> bool:
    """Whether ``a`` is an amount added to a plan (``thêm 500 ha so với chỉ tiêu được
    giao, nâng tổng chỉ tiêu … lên 3.200 ha``): :data:`_ADDED_LEAD` right before it, a plan
    compared with right after it, and that plan raised (:data:`_RAISED_TO`) or given no
    amount of its own in its clause. ``thành lập thêm 1.250 doanh nghiệp so với kế hoạch
    1.200 doanh nghiệp`` is a result ("thêm": new) against its plan."""
    if _ADDED_LEAD.search(doc.fold, a.clause, a.span_start) is None:
        return False
    plan = _TO_PLAN_AFTER.match(doc.fold, a.noun_end or a.span_end)
    if plan is None:
        return False
    if _RAISED_TO.search(doc.fold, plan.end(), a.sentence.end) is not None:
        return True
    clause_end = min(
        [i for i in (doc.fold.find(c, plan.end(), a.sentence.end) for c in ",;") if i >= 0]
        or [a.sentence.end]
    )
    return not any(c.isdigit() for c in doc.fold[plan.end() : clause_end])


_TERM_REACH = 40


def _term_of(doc: Doc, f: Figure, low: int) -> tuple[str, str] | None:
    """The term (its two years) written right after ``f`` or last before it from ``low``."""
    after = TERM_YEARS.search(doc.fold, f.span_end, min(f.sentence.end, f.span_end + _TERM_REACH))
    if after is not None:
        return after.group(1), after.group(2)
    before = list(TERM_YEARS.finditer(doc.fold, low, f.start))
    return (before[-1].group(1), before[-1].group(2)) if before else None


# "… đến năm 2035 là 60 triệu đồng", "đến hết năm 2035": the year a target is set for
BY_YEAR = rx(r"(?<!\w)đến\s+(?:hết\s+|cuối\s+)?năm\s+(20\d\d)(?!\d)")

# the target compared with the result before it: "vượt (xa) (so với) mục tiêu …", "(mục tiêu
# …", "đạt / chưa đạt mục tiêu …", "so với mục tiêu …"
_COMPARED_WITH_PLAN = rx(
    r"^[^.;]*?(?:(?<!\w)(?:vượt(?:\s+xa)?|(?:chưa|không)\s+đạt|đạt|so\s+với)|\()"
    rf"\s*(?:so\s+với\s+)?(?:{PLAN_NOUNS}|nghị\s+quyết)(?!\w)"
)

# a change the goal sets, not the level the result is measured against: "tăng thêm",
# "giảm", "gấp đôi", "nâng lên"
_CHANGE_WORD = rx(r"(?<!\w)(?:tăng(?!\s+trưởng)|giảm|thêm|gấp|nâng|lên|xuống)(?!\w)")


def _deadline_compared(doc: Doc, a: Figure, f: Figure, low: int, mine: int) -> bool:
    """Whether the target ``f`` is set for a later year (``đến năm 2035``) that the result
    ``a`` of ``mine``, before it, is measured against on the way.

    ``Năm 2034, thu nhập … đạt 52 triệu đồng (mục tiêu Nghị quyết đến năm 2035 đạt 60
    triệu đồng)``, ``… xuất khẩu hơn 3 tỷ USD, vượt xa mục tiêu … đến năm 2035 là 2,4 tỷ
    USD``: a goal for the end of a term, set beside a result before it by a word comparing
    the two; the goal's year is the last named before it, after ``đến năm``. Not a plan
    for a next year (``năm 2035 phấn đấu đón 6 triệu``), a year before the result's, or a
    goal not compared with it (``…; đến năm 2035 phấn đấu …``), nor a change the goal sets
    after its year (``mục tiêu đến năm 2035 tăng thêm 10 triệu đồng``).
    """
    if f.start < a.end:
        return False
    lead = doc.fold[low : f.start]
    by_year = list(BY_YEAR.finditer(lead))
    if not by_year or int(by_year[-1].group(1)) <= mine:
        return False
    if _OWN_YEAR.search(lead, by_year[-1].end()) is not None:
        return False
    if _CHANGE_WORD.search(lead, by_year[-1].end()) is not None:
        return False  # "(mục tiêu đến năm 2035 tăng thêm 10 triệu đồng)": a rise, no level
    return _COMPARED_WITH_PLAN.search(doc.fold[a.span_end : f.start]) is not None


def _other_period(doc: Doc, a: Figure, f: Figure, low: int) -> bool:
    """Whether the target ``f`` is of another year or term than the result ``a`` (words
    after ``low`` before ``f``, or right after it), or of one quarter or month while ``a``'s
    words before it name another period (the whole year, some months counted, another part)."""
    theirs = _year_after(doc, f) or _year_before(doc, low, f.start)
    mine = _year_after(doc, a) or _year_before(doc, a.sentence.start, a.start)
    if theirs is not None and mine is not None and theirs != mine:
        return not _deadline_compared(doc, a, f, low, int(mine))
    if _this_year_after(doc, f) and _own_year_after(doc, a):
        return True  # "lãi 500 tỷ đồng năm 2041 và đặt mục tiêu 900 tỷ đồng trong năm nay"
    their_part = one_part_named(doc.fold, low, f.start)
    my_period = period_named(doc.fold, a.sentence.start, a.start)
    if their_part is not None and my_period is not None and their_part != my_period:
        return True  # "Cả năm ước đón 21 triệu lượt khách, quý IV phấn đấu đón 5 triệu"
    their_term, my_term = _term_of(doc, f, low), _term_of(doc, a, a.sentence.start)
    return their_term is not None and my_term is not None and their_term != my_term


def _measure_named(doc: Doc, f: Figure) -> str | None:
    """The measure (:data:`MEASURE_NAMES`) named last before ``f`` in its sentence."""
    named = list(MEASURE_WORDS.finditer(doc.fold, f.sentence.start, f.span_start))
    return MEASURE_NAMES[" ".join(named[-1].group().split())] if named else None


def _other_measure(doc: Doc, a: Figure, f: Figure) -> bool:
    """Whether the money amounts ``a`` (a result) and ``f`` (a target) are of two measures
    that are never each other's plan (:data:`APART_MEASURES`).

    Each is of the measure named last before it in its sentence: ``phấn đấu doanh thu đạt
    800 tỷ đồng, đạt lợi nhuận 90 tỷ đồng`` sets two plans, and ``doanh thu đạt 500 tỷ đồng,
    bằng 80% kế hoạch (625 tỷ đồng) và lợi nhuận đạt 40 tỷ đồng`` puts the revenue plan
    before the profit: no amount of one measure is the target of another's.
    """
    if a.measure is None or f.measure is None:
        return False
    mine, theirs = _measure_named(doc, a), _measure_named(doc, f)
    return mine != theirs and {mine, theirs} <= APART_MEASURES


def _attach_exceeded_plans(doc: Doc, figs: list[Figure], drafts: list[Draft]) -> None:
    """A target left on its own by :func:`_plan_beyond_percent` is set against the result
    before its percentages, in a statement with no percentage; one left by
    :func:`_later_percent_plan` is the target of that percentage's statement when the
    percentage fits it."""
    for d in list(drafts):
        f = d.target_fig
        if f is None or d.actual_fig is not None or d.percent_fig is not None:
            continue
        for a in reversed([g for g in figs if g.end <= f.start and g.role == "actual"]):
            if a.owner is None:
                continue
            if _plan_beyond_percent(doc, a, f, figs) is not None:
                d.actual_fig, d.actual = a, a.value
                break
            p = _later_percent_plan(doc, a, f, figs)
            if p is not None:
                _join_later_percent(p, f, d, drafts)
                break


def _join_later_percent(p: Figure, f: Figure, d: Draft, drafts: list[Draft]) -> None:
    """The target ``f`` (alone in ``d``) joins the statement of the percentage ``p`` when
    that statement has a result and no target, and ``p`` fits them."""
    owner = p.owner
    if owner is None or owner.target is not None or owner.percent_fig is not p:
        return
    actual = single(owner.actual)
    if actual is None or len(f.values) != 1 or not fits_percent(p, actual, f.values[0]):
        return
    owner.target_fig, owner.target, f.owner = f, f.value, owner
    drafts.remove(d)


# the kinds of plan the words before a target or after a percentage name: a budget
# assigned (dự toán) and a goal striven for (mục tiêu phấn đấu) are two plans
def _split_other_plans(doc: Doc, figs: list[Figure], drafts: list[Draft]) -> None:
    """A target named as another kind of plan than its statement's percentage, which the
    percentage does not fit, is set against the result apart.

    ``đạt 6.000 tỷ đồng, bằng 130% dự toán Trung ương giao (mục tiêu phấn đấu 5.000 tỷ
    đồng)``: 130 % is of the budget, 5.000 the goal; the link is uncertain, so the audit
    does not check the percentage against the goal: two statements, the result with its
    percentage and the result against the goal.
    """
    for d in list(drafts):
        a, t, p = d.actual_fig, d.target_fig, d.percent_fig
        if a is None or t is None or p is None or p.percent is None or d.twin_of is not None:
            continue
        if not (a.sentence is t.sentence is p.sentence) or len(t.values) != 1:
            continue
        if len(a.values) != 1 or fits_percent(p, a.values[0], t.values[0]):
            continue
        before = [g for g in figs if g.end <= t.start and g is not t]
        lead = doc.fold[before[-1].span_end if before else t.sentence.start : t.start]
        high = t.start if t.start > p.end else p.sentence.end
        tail = re.split(r"[(,;.]", doc.fold[p.end : min(high, p.end + 40)], maxsplit=1)[0]
        mine, theirs = plan_kind(tail), plan_kind(lead)
        if mine is None or theirs is None or mine == theirs:
            continue
        d.target_fig, d.target = None, None
        drafts.append(Draft(d.sentence, actual_fig=a, actual=a.value, target_fig=t, target=t.value))
        t.owner = drafts[-1]


# "dự toán … là 900 tỷ đồng, trong đó …", "…, với những khoản chủ yếu: …": the parts follow
_PARTS_FOLLOW = rx(
    r"(?<!\w)(?:bao\s+gồm|gồm|trong\s+đó|(?:các|những)\s+khoản(?:\s+[^\W\d_]+){0,3}\s*:)"
)


def _listed_part(doc: Doc, target: Figure, a: Figure) -> bool:
    """Whether ``a`` is an item of the parts listed after the target ``target`` of its
    sentence (``dự toán năm là 900 tỷ đồng, với những khoản chủ yếu: thuế đạt 300 tỷ đồng``):
    a part of a whole, whatever its verb, is no result against it. Nor is a whole the
    result of a plan named as its part after it (``được cấp 900 tỷ đồng, trong đó, vốn
    tỉnh giao 700 tỷ đồng``: the part of the whole that one level assigned)."""
    if a.end <= target.start:
        return PART_MARKER.search(doc.fold, a.end, target.start) is not None
    return target.end <= a.start and _PARTS_FOLLOW.search(doc.fold, target.end, a.start) is not None


# a result word after a sentence's "phấn đấu" ("…; kết quả kết nạp được 171")
_RESULT_AFTER_STRIVE = rx(r"(?<!\w)(?:kết\s+quả|thực\s+hiện\s+được|đã|ước)(?!\w)")


def _striven_list(doc: Doc, start: int, target: int, actual: int) -> bool:
    """Whether a figure after a ``;`` is one more item of a list of targets striven for
    ("phấn đấu thu ngân sách đạt hơn 340 tỷ đồng, …; thu nhập bình quân đầu người đạt 85
    triệu đồng"), not the result of the target before it: a ``phấn đấu`` in the sentence
    (from ``start``) before the target and no result word since."""
    ends = [m.end() for m in STRIVE.finditer(doc.fold, start, target)]
    return bool(ends) and not _RESULT_AFTER_STRIVE.search(doc.fold, ends[-1], actual)


def _apart_by_semicolon(doc: Doc, d: Draft, f: Figure) -> bool:
    """Whether a target ``f`` in another clause (a ``;`` between) is not the target of the
    actual of ``d``, whose clause states a percentage of its own that ``f`` puts off by more
    than half ("Mục tiêu … 2 tháng cuối năm 13.049 tỷ đồng; cả năm ước đạt 82.166 tỷ đồng,
    bằng 151% dự toán": 630 %, so the percentage names another plan). A target that comes
    near the percentage stays, so that the audit can check it."""
    lo, hi = sorted((d.anchor, f.start))
    if ";" not in doc.text[lo:hi]:
        return False
    if f.start < d.anchor and _striven_list(doc, d.sentence.start, f.start, d.anchor):
        return True
    actual, target = single(d.actual), f.values[0] if len(f.values) == 1 else None
    if f.start < d.anchor:
        # "… là 300 ha, đạt 40% kế hoạch; dân tự trồng 900 ha": the target's clause states
        # a percentage the figure after the semicolon puts off: that figure is another's
        own = PERCENT.search(doc.fold, f.end, doc.text.index(";", f.end, hi))
        if own is not None and not _percent_near(own, actual, target):
            return True
    after = doc.fold[d.anchor : d.sentence.end]
    end = _SEMICOLON_OR_STOP.search(after)
    stated = PERCENT.search(after, 0, end.start() if end else len(after))
    if stated is None or actual is None or not target:
        return stated is not None
    return not _percent_near(stated, actual, target)


def _percent_near(stated: re.Match[str], actual: Decimal | None, target: Decimal | None) -> bool:
    """Whether the percentage ``stated`` is within half of 100 × ``actual`` / ``target``
    (a third under to a half over); not when it is in no number format."""
    percent = try_parse_number(stated.group("a"))
    if not percent or actual is None or not target:
        return False
    return Decimal("0.67") <= 100 * actual / target / percent <= Decimal("1.5")


# "7 giải nhất trong tổng số 20 giải mà đội giành được": a part among a whole that was won,
# not a result against a plan (unless the whole is named as planned after it: "trong tổng số
# 30 công trình dự kiến", "trong số 40 chỉ tiêu")
_AMONG_WHOLE = rx(r"(?<!\w)trong\s+(?:tổng\s+)?số\s*$")
_PLANNED_WHOLE = rx(
    r"(?<!\w)(?:kế\s+hoạch|dự\s+toán|chỉ\s+tiêu|mục\s+tiêu|dự\s+kiến|đề\s+ra|được\s+giao|"
    r"phải|cần)(?!\w)"
)


def _part_among_whole(doc: Doc, f: Figure) -> bool:
    """Whether the whole ``f`` follows ``trong (tổng) số`` with no plan named in its clause
    after it (:data:`_AMONG_WHOLE`): the part before it is counted among a whole of results."""
    if f.role != "whole" or not _AMONG_WHOLE.search(doc.fold, max(0, f.start - 20), f.start):
        return False
    after = doc.fold[f.end : f.sentence.end]
    stop = _CLAUSE_STOP.search(after)
    return _PLANNED_WHOLE.search(after, 0, stop.start() if stop else len(after)) is None


def _attach_whole_or_excess(f: Figure, drafts: list[Draft], figs: list[Figure]) -> None:
    """A whole (as the target) or an excess joins the last draft with an actual before it.

    Not a whole that only the last of two percentages after that actual fits (``thu 500 tỷ
    đồng, đạt 125% chỉ tiêu năm và đạt 80% (trong số 625 tỷ đồng …``): it is the base of
    that percentage, not of the first.
    """
    before = [d for d in drafts if d.anchor < f.start and d.actual is not None]
    if not before or (
        before[-1].actual_fig
        and not same_measure(before[-1].actual_fig, f)
        and not _excess_per_head(before[-1].actual_fig, f)
    ):
        return
    d = before[-1]
    if f.role == "whole" and d.actual_fig is not None and _later_base(d.actual_fig, f, figs):
        f.role = "bracket_plan"  # joined after the percentages are placed
        return
    if f.role == "whole" and d.target is None:
        d.target_fig, d.target = f, f.value
        f.owner = d
    elif f.role == "excess" and d.excess_fig is None:
        d.excess_fig = f
        f.owner = d


def _excess_per_head(a: Figure, f: Figure) -> bool:
    """Whether the excess ``f`` is of the amount per something ``a`` with the per left out
    (``95 triệu đồng/người, vượt 4 triệu đồng so với chỉ tiêu``): the same money before the
    slash."""
    return (
        f.role == "excess"
        and a.measure is not None
        and "/" in a.measure
        and a.measure.split("/")[0].strip() == f.measure
    )


def _later_base(a: Figure, f: Figure, figs: list[Figure]) -> bool:
    """Whether of two or more percentages between the result ``a`` and the figure ``f``,
    only the last fits ``a`` against ``f`` (the report's own figures say whose base it is)."""
    ps = [p for p in figs if a.end <= p.start and p.end <= f.start and p.kind == "percent"]
    if len(ps) < 2 or len(a.values) != 1 or len(f.values) != 1:
        return False
    actual, target = a.values[0], f.values[0]
    last = ps[-1].percent
    if last is None or not target:
        return False
    check = check_percent(last, actual, target)  # rounded or cut, as reports write it
    return check.fits and not any(fits_percent(p, actual, target) for p in ps[:-1])


# "… vượt 4% kế hoạch với 2,6 triệu tấn.": the figure the percentage of the plan was of,
# said right after it
_WITH_LAST = rx(
    rf"\s*(?:so\s+với\s+)?{PLAN_NOUNS}(?:\s+năm)?"
    r"\s+với\s+(?:khoảng|gần|hơn|trên)?\s*$"
)


# a unit of physical measure a figure may be written in (mass, area, volume, energy)
_PHYSICAL_UNIT = rx(
    r"(?:(?:nghìn|ngàn|triệu|tỷ|tỉ)\s+)?(?:tấn|tạ|ha|héc\s*ta|m3|km|kwh|mw|lít|thùng)(?!\w)"
)


def _said_last(doc: Doc, p: Figure, last: Figure) -> str | None:
    """How the words from the percentage ``p`` to the figure ``last`` make ``last`` the
    result ``p`` is of: ``verb``, a verb of a result before an amount of money; ``with``,
    ``với`` right after the plan ``p`` names, before a figure with no noun of its own (a unit
    of measure only); else None."""
    if last.measure is not None and AMOUNT_LAST.search(doc.fold, p.span_end, last.span_start):
        return "verb"
    # "… với 2,6 triệu tấn" names a unit of measure; "… với 120 công nhân" a count of
    # something else
    if (
        last.noun_start is not None
        and last.measure is None
        and not _PHYSICAL_UNIT.match(doc.fold, last.noun_start, last.noun_end or last.end)
    ):
        return None
    return "with" if _WITH_LAST.fullmatch(doc.fold, p.end, last.span_start) else None


# ", là một trong …", "; …": the amount's clause ends, the sentence goes on
_CLAUSE_AFTER = re.compile(r"\s*[,;]")


def _amount_said_last(doc: Doc, figs: list[Figure], drafts: list[Draft]) -> None:
    """The amount said last in a sentence whose subject is a measure of plans (``Thu ngân
    sách 9 tháng vượt 2% dự toán và tăng 30% so với cùng kỳ, đạt 1.020 tỷ đồng.``) is the
    result of the percentage of a plan stated with that subject before it, when only
    percentages stand between them. The amount's clause may end before the sentence does
    (``…, đạt 103% dự toán, đạt trên 12.515 tỷ đồng, là một trong những quận …``): the first
    figure after the percentages, alone in its statement, then a comma or a semicolon."""
    k = next((i for i, f in enumerate(figs) if f.kind != "percent"), len(figs))
    if k == 0 or k == len(figs):
        return
    last = figs[k]
    if last.kind != "count" or last.owner is None:
        return
    own = last.owner
    if own.figures != [last]:
        return
    if not SENTENCE_END.match(doc.fold, last.span_end) and not _CLAUSE_AFTER.match(
        doc.fold, last.span_end
    ):
        return
    percents = figs[:k]
    said = _said_last(doc, percents[-1], last)
    if said is None:
        return
    for d in {id(p.owner): p.owner for p in percents if p.owner is not None}.values():
        if (
            d.actual_fig is None
            and d.target is None
            and d.subject
            and (said == "with" or _said_of_plan(doc, d))
        ):
            d.actual_fig, d.actual = last, last.value
            if own in drafts:
                drafts.remove(own)
            last.owner = d


# "lợi nhuận tăng 18% lên 300 tỷ đồng": the amount a growth brought the measure to
_TO_AMOUNT = rx(r"\s+(?:lên|xuống)(?:\s+(?:mức|khoảng|gần|hơn|trên))*\s*")


def _growth_to_amount(doc: Doc, figs: list[Figure], drafts: list[Draft]) -> None:
    """A growth followed by the amount it brought the measure to (``lợi nhuận tăng 18% lên
    300 tỷ đồng``) is that amount's growth: the amount, in no statement of its own with a
    percentage or a target, is the growth's result."""
    for p, f in itertools.pairwise(figs):
        own, d = p.owner, f.owner
        if p.kind != "percent" or f.kind != "count" or f.measure is None:
            continue
        if own is None or d is None or own is d or own.actual is not None or own.target is not None:
            continue
        if d.actual_fig is not f or d.percent_fig is not None or d.target is not None:
            continue
        to = _TO_AMOUNT.match(doc.fold, p.end, f.start)
        if (
            to is None
            or to.end() != f.start
            or not GROWTH_VERB_END.search(doc.fold, p.clause, p.start)
        ):
            continue
        d.percent_fig, p.owner = p, d
        if own in drafts and own.figures == [p]:
            drafts.remove(own)


def _said_of_plan(doc: Doc, d: Draft) -> bool:
    """Whether the draft's subject names a measure of plans and its percentage a plan."""
    assert d.subject is not None and d.percent_fig is not None
    named = MEASURE_WORDS.search(doc.fold, *d.subject)
    tail = doc.fold[d.percent_fig.end : d.percent_fig.end + 80]
    return named is not None and bool(K_PLAN_TAIL.match(tail))
