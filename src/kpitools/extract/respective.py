"""Figures said respectively (``lần lượt``), for :mod:`kpitools.extract.assembly`.

Two amounts and then their two attainments of a plan (:func:`respective_attainments`) or their
two growths (:func:`respective_growths`): each percentage joins the draft of its own amount,
a second draft made where one amount takes both.
"""

from __future__ import annotations

import itertools

from kpitools.extract.amounts import (
    APART_MEASURES,
    MEASURE_NAMES,
    MEASURE_NAMES_RX,
)
from kpitools.extract.figures import (
    K_GROWTH_TAIL,
    Draft,
    Figure,
)
from kpitools.extract.past_bases import (
    COMPARE_WITH_WORDS,
    LAST_PERIOD,
    OF_YEAR,
    SAME_PERIOD,
    SHORT_BASES,
)
from kpitools.extract.percentages import (
    same_measure,
)
from kpitools.extract.text import NAMED_YEAR, NUM, PLAN_NOUNS, Doc
from kpitools.textfold import fold, rx

# "… đạt lần lượt 500 tỷ đồng và 40 tỷ đồng, lần lượt hoàn thành 80% và 50% kế hoạch năm"
# "… 500 tỷ đồng (+5%) và 40 tỷ đồng (+26%), tương ứng hoàn thành …": a signed change in
# brackets right after each amount, its base maybe named ("(+26% YoY)", "(+26% so với cùng kỳ)")
_CHANGE_BASE = rf"(?:\s*(?:{SHORT_BASES}|{COMPARE_WITH_WORDS}{LAST_PERIOD}{OF_YEAR}))?"

# "(+5%)", or said in words: "(giảm 7,5% so với cùng kỳ)", "(tăng trưởng 33,9%)"
_CHANGE_SIGN = r"(?:[+\-−]|(?:tăng(?:\s+trưởng)?|giảm)(?!\w))"

_SIGNED_CHANGE = rf"(?:\s*\(\s*{_CHANGE_SIGN}\s*[\d.,]+\s*%{_CHANGE_BASE}\s*\))?"

_CHANGE_CLOSES = rx(rf"{_CHANGE_BASE}\s*\)")

_JOINED = rx(rf"^{_SIGNED_CHANGE}\s*(?:,|và)\s*$")

_RESPECTIVE = rx(r"(?<!\w)lần\s+lượt(?!\w)")

# "doanh thu đạt 500 tỷ đồng, lợi nhuận đạt 40 tỷ đồng, lần lượt …": the second amount with
# its own measure and verb
_NEXT_AMOUNT = rx(
    r"^\s*(?:,|và|,\s*và)\s*(?:[^\W\d_]+\s+){1,6}?(?:ước\s+)?(?:đạt|là|ghi\s+nhận)\s*$"
)

# "…, lợi nhuận sau thuế 150 tỷ đồng, lần lượt hoàn thành …": the measure alone before it
# ("… 3 công đoàn cơ sở tại doanh nghiệp tư nhân, kết nạp 310 đoàn viên": a place of the first)
_NEXT_MEASURE = rx(
    rf"^{_SIGNED_CHANGE}(?:\s+(?:tại|trong|ở)(?:\s+[^\W\d_]+){{1,5}})?"
    r"\s*(?:,|và|,\s*và)\s*(?!trong\s+đó)(?:[^\W\d_]+\s+){1,6}?$"
)

# "lần lượt tăng 12% và 25% so với cùng kỳ": two growths said respectively, between the
# amounts and their attainments
# ("tăng tương ứng 26% và 44%,", "tăng 13% và 9% cùng kỳ năm trước": the base left unsaid, or
# named with no "so với")
_GROWTH_PAIR = rx(
    rf"(?:(?:lần\s+lượt|tương\s+ứng)\s+)?(?:tăng|giảm)(?:\s+(?:lần\s+lượt|tương\s+ứng))?\s+(?:{NUM})\s*%\s+và\s+(?:{NUM})\s*%"
    rf"(?:\s+(?:{COMPARE_WITH_WORDS})?{LAST_PERIOD}{OF_YEAR})?"
)

_RESPECTIVE_VERB = rx(
    rf"^{_SIGNED_CHANGE}\s*+(?:,\s*+)?(?:{_GROWTH_PAIR.pattern}\s*,\s*)?(?:và\s+)?(?:đã\s+)?"
    # "…, so với dự toán năm bằng 104% và 98%": the plan named before the verb
    rf"(?P<plan>(?:so\s+với\s+)?{PLAN_NOUNS}(?:\s+năm)?\s+)?"
    r"(?:(?:lần\s+lượt|tương\s+ứng)\s+)?(?P<verb>hoàn\s+thành|đạt|thực\s+hiện|bằng|vượt"
    # "…, tương đương 104% và 112% kế hoạch năm": the amounts' equivalents as the verb
    r"|tương\s+đương(?:\s+với)?)"
    # "…, vượt lần lượt là 6% và 21% so với kế hoạch"
    r"(?:\s+được)?(?:\s+(?:lần\s+lượt|tương\s+ứng)(?:\s+là)?)?\s*$"
)

_PLAN_NEXT = rx(rf"^\s*(?:so\s+(?:với\s+)?)?{PLAN_NOUNS}(?!\w)")

# "…, tương ứng hoàn thành 58% và 61% kế hoạch năm", "…, tăng tương ứng 26% và 44%, hoàn thành
# …": "tương ứng" said of the verb before two percentages is "lần lượt" (respectively); the
# words from the second amount to the first percentage (:data:`_RESPECTIVE_VERB`) hold no
# other "tương ứng" (an equivalent amount, "tương ứng 7.300 tỷ đồng", ends the match)
_CORRESPONDINGLY = rx(r"(?<!\w)tương\s+ứng(?!\w)")


def respective_attainments(doc: Doc, figs: list[Figure], drafts: list[Draft]) -> None:
    """Two amounts and then two attainments of a plan, said ``lần lượt`` (respectively):
    each amount takes the percentage in its place (``doanh thu và lợi nhuận đạt lần lượt 500
    tỷ đồng và 40 tỷ đồng, lần lượt hoàn thành 80% và 50% kế hoạch năm``)."""
    figs = [f for f in figs if not _signed_change(doc, f) and not _in_growth_pair(doc, f)]
    for i, (a1, a2, p1, p2) in enumerate(zip(figs, figs[1:], figs[2:], figs[3:], strict=False)):
        if not _respective_run(doc, a1, a2, p1, p2) or (i and _listed_before(doc, figs[i - 1], a1)):
            continue
        verb = _RESPECTIVE_VERB.match(doc.fold[_past_noun(a2) : p1.span_start])
        kind = "excess" if verb and verb.group("verb") == fold("vượt") else "attainment"
        second = _SECOND_VERB.match(doc.fold[p1.end : p2.span_start])
        kinds = (kind, _verb_kind(second.group("verb")) if second else kind)
        for a, p, k in ((a1, p1, kinds[0]), (a2, p2, kinds[1])):
            d, own = a.owner, p.owner
            assert d is not None
            if d.percent_fig is not None and _change_beside(doc, d.percent_fig):
                d = _twin(d, drafts)  # the amount keeps its change: the attainment beside it
            d.percent_fig, p.owner, d.respective, d.respective_kind = p, d, True, k
            if own is not None and own in drafts and own is not a1.owner and own is not a2.owner:
                drafts.remove(own)


def _listed_before(doc: Doc, prev: Figure, a1: Figure) -> bool:
    """Whether ``prev``, the figure before ``a1``, is an amount of its sentence listed right
    before it (``… lần lượt đạt 820 tỷ đồng, 96 tỷ đồng và 80 tỷ đồng, lần lượt hoàn thành
    104% và 112%``): three amounts for two percentages, whose they are unknown."""
    return (
        prev.sentence is a1.sentence
        and prev.kind == "count"
        and _amounts_joined(doc.fold, prev, a1, _past_noun(prev))
    )


# "… lần lượt bằng 95% và vượt 20% kế hoạch": the second percentage with a verb
# of its own, its kind told by that verb
_SECOND_VERB = rx(r"^\s*(?:,|và|,\s*và)\s*(?P<verb>vượt|hoàn\s+thành|đạt|bằng)\s*$")


def _twin(d: Draft, drafts: list[Draft]) -> Draft:
    """A second draft of ``d``'s figures (for another percentage), added to ``drafts``."""
    twin = Draft(d.sentence, actual_fig=d.actual_fig, actual=d.actual, inherit=d.inherit)
    twin.twin_of = d
    drafts.append(twin)
    return twin


def _verb_kind(verb: str) -> str:
    return "excess" if verb == fold("vượt") else "attainment"


_SIGNED_CHANGE_AT = rx(rf"\(\s*{_CHANGE_SIGN}\s*$")


_RESPECTIVE_GROWTH = rx(
    r"^\s*,\s*(?:(?:lần\s+lượt|tương\s+ứng)\s+tăng|tăng\s+(?:lần\s+lượt|tương\s+ứng))\s*$"
)

# "…, tăng 12% và 15% so với cùng kỳ.": two growths with no "lần lượt", over one base that
# closes the clause ("… so với cùng kỳ và năm 2040": two bases, both the one amount's)
_BARE_GROWTH = rx(r"^\s*,\s*(?P<verb>tăng|giảm)\s*$")
_ONE_BASE = rx(
    rf"^\s*{COMPARE_WITH_WORDS}{LAST_PERIOD}{OF_YEAR}"
    rf"\s*(?:$|[.;]|,(?!\s*(?:và\s+)?(?:so\s+với|năm|{SAME_PERIOD})(?!\w)))"
)


def respective_growths(doc: Doc, figs: list[Figure], drafts: list[Draft]) -> None:
    """Two amounts and then two growths said respectively (``lợi nhuận trước thuế đạt 620 tỷ
    đồng và lợi nhuận sau thuế 540 tỷ đồng, tương ứng tăng 11% và 19% so với cùng kỳ``):
    each amount takes the growth in its place (the second amount had taken both)."""
    figs = [f for f in figs if not _signed_change(doc, f)]
    for i, (a1, a2, g1, g2) in enumerate(zip(figs, figs[1:], figs[2:], figs[3:], strict=False)):
        if not _respective_growth_run(doc, a1, a2, g1, g2) or (
            i and _listed_before(doc, figs[i - 1], a1)
        ):
            continue
        olds, holders = (g1.owner, g2.owner), []
        for a, g in ((a1, g1), (a2, g2)):
            d = a.owner
            assert d is not None
            if d.percent_fig not in (None, g1, g2):  # its attainment of the run after them
                d = _twin(d, drafts)
            d.percent_fig, g.owner, d.respective, d.respective_kind = g, d, True, "growth"
            holders.append(d)
        for old in olds:  # the growths' drafts of before, other than the amounts'
            if (
                old is not None
                and old not in holders
                and old in drafts
                and (old is olds[1] or (old.actual_fig is None and old.target_fig is None))
            ):
                drafts.remove(old)
    _two_growths_of_one(doc, figs, drafts)


def _two_growths_of_one(doc: Doc, figs: list[Figure], drafts: list[Draft]) -> None:
    """Two growths over one base with no ``lần lượt`` (``…, tăng 12% và 15% so với cùng kỳ``)
    that no run of two amounts took in order: never both one amount's (one amount, one base,
    one growth), so neither is read."""
    for g1, g2 in itertools.pairwise(figs):
        if not _bare_growth_pair(doc, g1, g2) or (g1.owner is not None and g1.owner.respective):
            continue
        for g in (g1, g2):
            d, g.owner = g.owner, None
            if d is None or d.percent_fig is not g or d not in drafts:
                continue
            if d.twin_of is not None or d.actual_fig is None:
                drafts.remove(d)
            else:
                d.percent_fig = None


def _bare_growth_pair(doc: Doc, g1: Figure, g2: Figure) -> bool:
    """Whether ``g1 g2`` are two percentages said ``, tăng X% và Y%`` over one base."""
    fold_ = doc.fold
    if g1.kind != "percent" or g2.kind != "percent" or g2.sentence is not g1.sentence:
        return False
    comma = fold_.rfind(",", max(g1.sentence.start, g1.span_start - 12), g1.span_start)
    return bool(
        comma >= 0
        and _BARE_GROWTH.match(fold_[comma : g1.span_start])
        and _JOINED.match(fold_[g1.end : g2.span_start])
        and _ONE_BASE.match(fold_[g2.end : g2.sentence.end])
    )


def _amounts_joined(fold_: str, a1: Figure, a2: Figure, end: int | None = None) -> bool:
    """Whether two amounts of a respective run follow each other: joined by a conjunction,
    or the second right after the first (its own measure and verb between); with ``end``
    (past the first's noun: a run of attainments), its measure alone between too."""
    between = fold_[a1.end if end is None else end : a2.span_start]
    if end is not None and _NEXT_MEASURE.match(between):
        return True
    return bool(_JOINED.match(between) or _NEXT_AMOUNT.match(between))


# "75% kế hoạch bán hàng và 80% …": each percentage with its plan named
_PLANS_JOINED = rx(
    rf"^\s*(?:so\s+với\s+)?{PLAN_NOUNS}(?:\s+[^\W\d_]+){{0,3}}"
    r"\s*(?:,|và)\s*$"
)


def _past_noun(f: Figure) -> int:
    """Where the amount ``f`` ends with the noun written right after it (``60 tỷ đồng
    tiền bán hàng``: after ``tiền bán hàng``), else where its number ends."""
    if f.noun_start is not None and f.noun_end is not None and f.noun_start - f.end <= 2:
        return f.noun_end
    return f.end


def _respective_growth_run(doc: Doc, a1: Figure, a2: Figure, g1: Figure, g2: Figure) -> bool:
    """Whether ``a1 a2 g1 g2`` are two amounts and their growths said respectively."""
    fold_ = doc.fold
    if not all(f.sentence is a1.sentence for f in (a2, g1, g2)):
        return False
    if (a1.kind, a2.kind, g1.kind, g2.kind) != ("count", "count", "percent", "percent"):
        return False
    if a1.measure is None or not same_measure(a1, a2) or g1.qualifier or g2.qualifier:
        return False
    d1, d2 = a1.owner, a2.owner
    if d1 is None or d2 is None or d1 is d2 or d1.actual_fig is not a1 or d2.actual_fig is not a2:
        return False
    if d1.target is not None or d2.target is not None:
        return False
    # "…, lần lượt tăng 12% và 15% so với cùng kỳ, lần lượt hoàn thành 61% và 58% kế hoạch":
    # each amount may hold its attainment of the run after the growths, none other
    if not _attained_after(d1, g2) or not (d2.percent_fig in (g1, g2) or _attained_after(d2, g2)):
        return False
    return bool(
        _amounts_joined(fold_, a1, a2)
        and _JOINED.match(fold_[g1.end : g2.span_start])
        and (
            (
                _RESPECTIVE_GROWTH.match(fold_[a2.end : g1.span_start])
                and K_GROWTH_TAIL.match(fold_[g2.end : g2.sentence.end])
            )
            # "…, tăng 12% và 15% so với cùng kỳ": two amounts, two growths, one base
            or (
                (bare := _BARE_GROWTH.match(fold_[a2.end : g1.span_start])) is not None
                and bare.group("verb") == fold("tăng")
                and _ONE_BASE.match(fold_[g2.end : g2.sentence.end])
            )
        )
    )


def _attained_after(d: Draft, g2: Figure) -> bool:
    """Whether the amount's draft ``d`` holds no percentage, or its attainment of a respective
    run written after the growth ``g2`` (:func:`respective_attainments`)."""
    p = d.percent_fig
    return p is None or (d.respective and d.respective_kind != "growth" and p.start > g2.end)


def _in_growth_pair(doc: Doc, f: Figure) -> bool:
    """Whether the percentage ``f`` is one of two growths said respectively
    (:data:`_GROWTH_PAIR`), skipped in a respective run of attainments after them."""
    if f.kind != "percent":
        return False
    low = max(f.sentence.start, f.start - 40)
    m = _GROWTH_PAIR.search(doc.fold, low, min(f.sentence.end, f.end + 80))
    return m is not None and m.start() <= f.start < m.end()


def _change_beside(doc: Doc, f: Figure) -> bool:
    """Whether the percentage ``f`` an amount holds is its change, in brackets with its sign
    (:func:`_signed_change`) or one of two growths said respectively (:func:`_in_growth_pair`):
    the amount's attainment of a run after it goes to a twin."""
    return _signed_change(doc, f) or _in_growth_pair(doc, f)


def _signed_change(doc: Doc, f: Figure) -> bool:
    """Whether ``f`` is a percentage in brackets with its sign, right after an amount
    (``500 tỷ đồng (+5%)``): a change beside the amount, skipped in a respective run."""
    return (
        f.kind == "percent"
        and _SIGNED_CHANGE_AT.search(doc.fold, max(0, f.start - 16), f.start) is not None
        and _CHANGE_CLOSES.match(doc.fold, f.end) is not None
    )


def _took_first(d2: Draft, p1: Figure, e1: Draft) -> bool:
    """Whether the second amount's draft ``d2`` took the first percentage ``p1`` as its own.

    ``đạt lần lượt 500 tỷ đồng và 40 tỷ đồng, hoàn thành 80% và 50%``: with no ``lần
    lượt`` after the amounts, 80 % was read as the nearest amount's; the run gives it back.
    """
    return e1.percent_fig is p1 and (
        e1 is d2 or e1.twin_of is d2 or (e1.actual_fig is d2.actual_fig is not None)
    )


def _respective_run(doc: Doc, a1: Figure, a2: Figure, p1: Figure, p2: Figure) -> bool:
    """Whether ``a1 a2 p1 p2`` are two amounts and their attainments said respectively."""
    fold_ = doc.fold
    if not all(f.sentence is a1.sentence for f in (a2, p1, p2)):
        return False
    if a1.kind != "count" or a2.kind != "count" or p1.kind != "percent" or p2.kind != "percent":
        return False
    if _plan_of_another_year(fold_, a1, p2):
        return False  # with or without "lần lượt" (review 35a)
    # two amounts, or two counts each with its own noun ("1.200 đoàn viên, … 15 công đoàn")
    counted = a1.measure is None and None not in (a1.noun_start, a2.noun_start)
    if not (a1.measure or counted) or not same_measure(a1, a2) or p1.qualifier or p2.qualifier:
        return False
    d1, d2, e1, e2 = a1.owner, a2.owner, p1.owner, p2.owner  # the second may be unplaced
    # each percentage naming its amount's plan: the first may be unplaced too
    named = _plans_name_amounts(fold_, a1, a2, p1, p2)
    if d1 is None or d2 is None or d1 is d2 or e1 is e2 or (e1 is None and not named):
        return False
    took = e1 is not None and _took_first(d2, p1, e1)
    for d, f in ((d1, a1), (d2, a2)):
        if d.actual_fig is not f or d.target is not None:
            return False
        own = d.percent_fig  # a change beside the amount: the attainment a twin
        if own is not None and not ((took and d is d2) or _change_beside(doc, own)):
            return False
    if (e1 is not None and e1.actual is not None and not took) or (
        e2 is not None and e2.actual is not None and not (took and e2.actual_fig is a2)
    ):
        return False
    verb = _RESPECTIVE_VERB.match(fold_[_past_noun(a2) : p1.span_start])
    return bool(
        _amounts_joined(fold_, a1, a2, _past_noun(a1))
        and (
            _JOINED.match(fold_[p1.end : p2.span_start])
            or _PLANS_JOINED.match(fold_[p1.end : p2.span_start])
            or _SECOND_VERB.match(fold_[p1.end : p2.span_start])
        )
        and verb
        and (
            _RESPECTIVE.search(fold_, a1.sentence.start, p1.start)
            or _CORRESPONDINGLY.search(verb.group())
            or named
            or _apart_measures_named(fold_, a1, a2, p1, p2)
        )
        and (verb.group("plan") or _PLAN_NEXT.match(fold_[p2.end : p2.end + 40]))
    )


_NAMED_PLAN = rx(r"\s*(?:kế\s+hoạch|chỉ\s+tiêu)\s+")


def _plans_name_amounts(fold_: str, a1: Figure, a2: Figure, p1: Figure, p2: Figure) -> bool:
    """Whether each of two percentages names the plan of its amount's measure, in the
    amounts' order (``doanh thu đạt 500 tỷ đồng và lợi nhuận đạt 40 tỷ đồng, hoàn thành 52%
    kế hoạch doanh thu và 61% kế hoạch lợi nhuận``): the respective run without ``lần lượt``.
    Two measures never each other's plan (:data:`APART_MEASURES`), each named once; plans of
    a year (``… kế hoạch lợi nhuận năm 2040``) only when the amounts' sentence names it
    (:func:`_plan_of_another_year`, in :func:`_respective_run`)."""
    planned = _plans_named(fold_, p1, p2)
    return (
        planned[0] != planned[1]
        and set(planned) <= APART_MEASURES
        and _measures_named(fold_, a1, a2) == [[planned[0]], [planned[1]]]
    )


def _plan_of_another_year(fold_: str, a1: Figure, p2: Figure) -> bool:
    """Whether the clause after the second percentage names a year the amounts' sentence
    does not name before them (``… hoàn thành 102% và 95% kế hoạch năm 2045``, a term's
    plan; ``so với kế hoạch năm 2040``, last year's)."""
    tail = fold_[p2.end : p2.sentence.end].split(";")[0].split(",")[0]
    years = {y.group(1) for y in NAMED_YEAR.finditer(tail)}
    return bool(
        years - {y.group(1) for y in NAMED_YEAR.finditer(fold_, a1.sentence.start, a1.start)}
    )


def _measures_named(fold_: str, a1: Figure, a2: Figure) -> list[list[str]]:
    """The measures (:data:`MEASURE_NAMES`) named before each of two amounts: in the
    sentence before the first, between the first and the second."""
    return [
        [
            MEASURE_NAMES[" ".join(m.group().split())]
            for m in MEASURE_NAMES_RX.finditer(fold_, lo, hi)
        ]
        for lo, hi in ((a1.sentence.start, a1.start), (a1.end, a2.start))
    ]


def _apart_measures_named(fold_: str, a1: Figure, a2: Figure, p1: Figure, p2: Figure) -> bool:
    """Whether each of two amounts is named by a measure of its own, two that are never each
    other's plan (``doanh thu đạt 820 tỷ đồng và lợi nhuận 61 tỷ đồng, hoàn thành 102% và
    95% kế hoạch năm``): the percentages after them are theirs in order, as with ``lần
    lượt``; not when a percentage names the plan of another measure than its amount's
    (``… bằng 52% kế hoạch lợi nhuận và 49% kế hoạch doanh thu``), nor a plan of a year the
    sentence does not name before the amounts (:func:`_plan_of_another_year`, checked for
    every run)."""
    named = _measures_named(fold_, a1, a2)
    if not (all(len(n) == 1 for n in named) and named[0] != named[1]):
        return False
    if not {named[0][0], named[1][0]} <= APART_MEASURES:
        return False
    return all(
        plan in (None, n[0]) for plan, n in zip(_plans_named(fold_, p1, p2), named, strict=True)
    )


def _plans_named(fold_: str, p1: Figure, p2: Figure) -> list[str | None]:
    """The measure (:data:`MEASURE_NAMES`) of the plan each percentage names right after it
    (``52% kế hoạch lợi nhuận``), else None; a plan of two measures after the second
    (``98,8% và 97,2% kế hoạch DTT và LN``) names each percentage's in order."""
    planned: list[str | None] = []
    for p in (p1, p2):
        m = _NAMED_PLAN.match(fold_, p.end)
        name = m and MEASURE_NAMES_RX.match(fold_, m.end())
        planned.append(MEASURE_NAMES[" ".join(name.group().split())] if name else None)
        if name and p is p2 and planned[0] is None and (joint := _JOINT.match(fold_, name.end())):
            # the second of the two may be a short form the phrase book lacks ("LN")
            second = MEASURE_NAMES_RX.match(fold_, joint.end())
            other = MEASURE_NAMES[" ".join(second.group().split())] if second else None
            planned = [planned[1], other]
    return planned


_JOINT = rx(r"\s*(?:và|,)\s*(?=[^\W\d_])")
