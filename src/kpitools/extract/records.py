"""Interpretation into records for :mod:`kpitools.extract.grammar`: :func:`interpret` turns
drafts into statement records, with their metric, kind, unit, time, label and the parts
linked to their totals (:mod:`kpitools.extract.part_links`).
"""

from __future__ import annotations

import itertools
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from kpitools.extract.amounts import PERIOD
from kpitools.extract.assembly import BY_YEAR, nouns_agree
from kpitools.extract.consistency import APPROXIMATE_FACTOR, draft_checks, near_scope
from kpitools.extract.context_kinds import INTAKE_BEFORE
from kpitools.extract.excess_counts import excess_count_beside_percent, plan_compared_with
from kpitools.extract.figures import (
    CONGRESS_TERM,
    K_ACHIEVED,
    K_CORRESPONDS,
    K_PLAN_TAIL,
    LABEL_VERBS,
    STOP,
    TERM,
    Draft,
    Figure,
    Matcher,
    Value,
    plan_of,
    single,
)
from kpitools.extract.kinds import (
    PLACE,
    QUOTA_AFTER,
    bare_in_index_list,
    pair_above_all,
    percent_kind,
    time_for,
    topics,
    unit_for,
    unit_named_before,
)
from kpitools.extract.non_results import aimed_fraction
from kpitools.extract.part_links import link_parts, same_kind
from kpitools.extract.past_bases import COMPARE_WORDS, LAST_YEAR, SAME_PERIOD
from kpitools.extract.percentages import same_measure
from kpitools.extract.target_words import (
    COUNT_HELD,
    MEMBERS_DEVELOPED,
    MET_STRICT,
    PLAN_WORD,
    STRIVE_OPENING,
    TARGET_CUE,
    YEARLY,
)
from kpitools.extract.text import PLAN_NOUNS, Doc
from kpitools.numbers import percent_of
from kpitools.textfold import fold, rx

if TYPE_CHECKING:
    from kpitools.catalog import MetricCatalog


def interpret(
    doc: Doc,
    figures: list[Figure],
    drafts: list[Draft],
    *,
    phrases: Matcher | None,
    catalog: MetricCatalog | None,
) -> list[dict[str, Any]]:
    """Give each draft its metric, unit, time, kind and checks; drop what is not a KPI."""
    topic_of = topics(doc, figures)
    link_parts(doc, drafts, lambda total, part: same_kind(doc, total, part))
    for d in drafts:
        _find_metric(doc, d, topic_of, phrases)
    _totals_take_metric(drafts)
    _list_metrics(doc, drafts, topic_of, phrases)
    breakdown = _breakdowns(catalog)
    link_parts(
        doc,
        drafts,
        lambda total, part: (
            total.metric is not None and breakdown.get(part.metric or "") == total.metric
        ),
    )
    _merge_early_targets(doc, drafts, topic_of)
    kept = [d for d in drafts if not d.merged]
    for d in kept:
        _find_kind(doc, d, catalog)
        _unnamed_excess_of_another(doc, d)
    _fraction_takes_its_percent(kept)
    _elliptic_plans(doc, kept)
    _elliptic_plans(doc, kept[::-1], ahead=True)
    _fitting_plans_before(doc, kept)
    _unpair_rates(doc, kept)
    out: list[dict[str, Any]] = []
    unsummed = _unsummed_wholes(kept)
    heads = _fraction_list_heads(kept)
    past = _past_fractions(doc, kept)
    for d in kept:
        if id(d) in past or _aimed(doc, d):
            continue
        if (
            _keeps(d, plan_amount=_plan_amount(doc, d), list_head=id(d) in heads)
            or _exceeds_whole(d)
            or id(d) in unsummed
            or id(d.part_of) in unsummed
        ):
            out.append(_record(doc, d, topic_of.get(d.sentence.start, d.sentence.start), catalog))
    return out


_ELLIPSIS_END = rx(r"^\s*(?:[,;.)…]|và(?!\w)|$)")


def _elliptic_plans(doc: Doc, drafts: list[Draft], *, ahead: bool = False) -> None:
    """An amount's "bằng X%" with no plan written, after an amount's attainment (or excess:
    "vượt 20% dự toán …; thu từ dầu thô đạt 250 tỷ đồng, đạt 59,1%") of a plan in the same
    paragraph, is of the same kind of plan ("tổng thu … đạt 61,4% dự toán. Trong
    đó, thu nội địa đạt 297,9 nghìn tỷ đồng, bằng 62,9% và tăng 59,9%"). With ``ahead``
    (``drafts`` in reverse order), one before such an attainment in the same sentence, as
    the first item of a list ("Thu ngân sách được trên 6 tỷ, đạt 180%; giá trị sản xuất đạt
    75 tỷ đồng, bằng 100,4% kế hoạch; …")."""
    last: Draft | None = None
    # amounts with an attainment or excess already: a second bare percentage of one amount
    # ("đạt 59,1% và bằng 65,4%") is not of the plan again (it compares with last year)
    attained = {id(d.actual_fig) for d in drafts if d.kind in ("attainment", "excess")}
    for d in drafts:
        scope = (d.sentence.start, d.sentence.end) if ahead else d.sentence.paragraph
        if last is not None and scope != (
            (last.sentence.start, last.sentence.end) if ahead else last.sentence.paragraph
        ):
            last = last if not ahead and _parts_continue(doc, last, d) else None
        p, a = d.percent_fig, d.actual_fig
        if p is None or p.percent is None or a is None or a.measure is None:
            continue
        tail = doc.fold[p.span_end : p.sentence.end]
        if d.kind in ("attainment", "excess") and K_PLAN_TAIL.match(
            doc.fold[p.end : p.sentence.end]
        ):
            last = d
        elif d.kind == "share":
            # "…, chiếm 70% tổng số. Khối C có 90 người, tương đương 12%": a share comes
            # between, and the bare percentage after it is a share too, of no plan
            last = None
        elif (
            d.kind is None
            and last is not None
            and last.actual_fig is not None
            and same_measure(last.actual_fig, a)
            and (
                K_ACHIEVED.search(doc.fold[p.clause : p.span_start])
                or K_CORRESPONDS.search(doc.fold[p.clause : p.span_start])
            )
            and _ELLIPSIS_END.match(tail)
            and id(a) not in attained
            and not bare_in_index_list(
                doc, p, doc.fold[p.clause : p.start], doc.fold[p.end : p.sentence.end]
            )
        ):
            d.kind, d.stated_percent = "attainment", p.percent.value
            attained.add(id(a))


_PLANS_KEPT = 8
_PART_OPENING = rx(r"\s*(?:trong\s+đó|bao\s+gồm|gồm)(?!\w)")


def _parts_continue(doc: Doc, last: Draft, d: Draft) -> bool:
    """Whether ``d``'s paragraph, right after ``last``'s, opens on a part marker (``Trong
    đó, thu nội địa …``): its parts continue the whole's paragraph."""
    if d.sentence.paragraph != last.sentence.paragraph + 1:
        return False
    start = doc.fold.rfind("\n", 0, d.sentence.start) + 1
    return _PART_OPENING.match(doc.fold, start) is not None


def _fitting_plans_before(doc: Doc, drafts: list[Draft]) -> None:
    """A bare ``đạt X%`` after an amount (no plan named, no kind read) is the attainment of
    a plan an earlier sentence of its paragraph sets out (a plan word before its amount; an
    amount assigned and its parts are no plan so named), when X is the amount of that
    plan's amount to its last written digit and of no other plan there (``Kế hoạch vốn năm
    là 800 tỷ đồng. Đến nay đã giải ngân 600 tỷ đồng, đạt 75%``): the plan's amount is its
    target, linked. Only the last
    :data:`_PLANS_KEPT` plans of the paragraph are looked at."""
    plans: list[Figure] = []
    paragraph = -1
    for d in drafts:
        if d.sentence.paragraph != paragraph:
            plans, paragraph = [], d.sentence.paragraph
        if (plan := _plan_or_part(doc, d, plans)) is not None:
            plans = [*plans[1 - _PLANS_KEPT :], plan]
            continue
        p = _bare_attainment(doc, d)
        if p is None or p.percent is None or d.actual_fig is None:
            continue
        a = d.actual_fig
        fit = [
            t
            for t in plans
            if t.sentence is not d.sentence
            and not _not_of_plan_before(doc, t, a)
            and same_measure(t, a)
            and (t.measure is not None or nouns_agree(doc, t, a))
            and _fits(d.actual, t.value, p.percent.value)
        ]
        if len(fit) == 1:
            d.kind, d.stated_percent = "attainment", p.percent.value
            d.target_fig, d.target = fit[0], fit[0].value


# "Trong đó 200 sinh viên …": a part of what is set out; "phát hiện 10 doanh nghiệp vi phạm":
# a finding among it (round 164)
_PART_MARK = rx(r"(?<!\w)(?:trong\s+đó|bao\s+gồm)(?!\w)")
_FINDING = rx(r"(?<!\w)phát\s+hiện(?!\w)")
_SPAN_YEARS = 20
"""The most years a span of years is read as naming (``2020-2025``: six)."""


def _years_named(text: str) -> set[int]:
    """The years folded ``text`` names, each of a span too (``nhiệm kỳ 2020-2025`` names 2023)."""
    years: set[int] = set()
    for m in PERIOD.finditer(text):
        first = int(m.group(1))
        last = int(m.group(2) or first)
        years.update(range(first, min(last, first + _SPAN_YEARS) + 1))
    return years


def _not_of_plan_before(doc: Doc, t: Figure, a: Figure) -> bool:
    """Whether the result ``a`` cannot be of the plan ``t`` an earlier sentence sets out.

    A part of the plan (a part marker before ``a`` in its sentence, none before ``t`` in
    its: ``… sẽ tuyển 500 sinh viên. Trong đó 200 sinh viên ngành kỹ thuật (40%)``; a part
    of a plan's part is of that part), a finding (``Qua kiểm tra, phát hiện 10 doanh nghiệp
    vi phạm (25%)``), or a result of another year than the plan's (each sentence names
    years before its figure, none in common: ``Theo kế hoạch năm 2042, huyện sẽ trồng 600 ha
    rừng. Năm 2041, huyện đã trồng được 480 ha, đạt 80%``; a year within a span the plan's
    sentence names is of it: ``nhiệm kỳ 2020-2025 … Đến năm 2023 …``). Round 164.
    """
    mine, theirs = (doc.fold[f.sentence.start : f.start] for f in (a, t))
    if _FINDING.search(mine) or (_PART_MARK.search(mine) and not _PART_MARK.search(theirs)):
        return True
    years, plan_years = _years_named(mine), _years_named(theirs)
    return bool(years) and bool(plan_years) and years.isdisjoint(plan_years)


def _plan_or_part(doc: Doc, d: Draft, plans: list[Figure]) -> Figure | None:
    """The amount of a plan ``d`` sets out (a plan word before it in its sentence), or of a
    part of the last plan of ``plans``: a bare amount (no percentage, no target) in the
    sentence right after that plan's, which opens with a part marker (``Trong đó, vốn tỉnh
    300 tỷ đồng``)."""
    t = d.target_fig
    if d.actual is None and t is not None and _counted(t):
        # a count set out by any word of a target ("giao xã A kết nạp 40 đảng viên"); money
        # by a plan word (an amount assigned, "giao cho các công trình", may be paid out)
        named = t.measure is None or PLAN_WORD.search(doc.fold, t.sentence.start, t.start)
        return t if named else None
    a = d.actual_fig
    if a is None or d.percent_fig is not None or d.target is not None or not plans:
        return None
    last = plans[-1].sentence
    opens = _PART_OPENING.match(doc.fold, d.sentence.start, a.start)
    after = d.sentence is last or last.end <= d.sentence.start <= last.end + 2
    return a if opens and after else None


def _counted(f: Figure) -> bool:
    """Whether ``f`` is an amount of money or a count with its noun (``50 đảng viên``)."""
    return f.measure != "%" and (f.measure is not None or f.noun_start is not None)


# "đã giải ngân 52 tỷ đồng, tương đương 40%": an amount a result verb gives; "còn lại",
# "chưa", "giảm", "trong đó" in its clause make it the rest, a cut or a part, of no plan
_RESULT_VERB = rx(r"(?<!\w)(?:giải\s+ngân|thực\s+hiện|thu|đạt)(?!\w)")
_NO_RESULT = rx(r"(?<!\w)(?:còn\s+lại|chưa|giảm|trong\s+đó)(?!\w)")


def _result_amount(doc: Doc, a: Figure) -> bool:
    """Whether the amount ``a`` is what its clause's result verb gives, nothing that
    makes it a rest, a cut or a part named in the clause."""
    lead = doc.fold[a.clause : a.start]
    return bool(_RESULT_VERB.search(lead)) and not _NO_RESULT.search(lead)


def _bare_attainment(doc: Doc, d: Draft) -> Figure | None:
    """The percentage of a draft read with no kind, said ``đạt X%`` (``bằng``, or
    ``tương đương`` after a result) right after an amount of money or a count with its noun
    and ending its clause: an attainment whose plan is not named."""
    p, a = d.percent_fig, d.actual_fig
    if d.kind not in (None, "attainment") or p is None or a is None or not _counted(a):
        return None
    lead = doc.fold[p.clause : p.span_start]
    if d.target is not None or not (
        K_ACHIEVED.search(lead) or (K_CORRESPONDS.search(lead) and _result_amount(doc, a))
    ):
        return None
    if a.measure is None and doc.fold[p.end : p.span_end].strip():
        return None  # a count's percentage with words of its own after it (a plan named)
    return p if _ELLIPSIS_END.match(doc.fold[p.span_end : p.sentence.end]) else None


def _find_metric(doc: Doc, d: Draft, topic_of: dict[int, int], phrases: Matcher | None) -> None:
    """The draft's metric: the one its noun phrase matches, or the one of the draft it
    inherits from when it has no noun of its own."""
    if d.actual_fig is None and d.target_fig is None and d.excess_fig is None:
        return
    if d.inherit is not None and d.noun_fig is None:
        d.metric = d.inherit.metric
        return
    noun = d.noun_fig
    if phrases is None or noun is None or noun.noun_start is None:
        return
    folded = doc.fold
    sentence = d.sentence
    near = near_scope(doc, d)
    if d.part_of is not None:
        near = near_scope(doc, d.part_of) + " " + near
    # the topic up to the end of the figure's clause: words of a later clause (a part's
    # "trong doanh nghiệp ngoài nhà nước") are no context of the figure's metric
    context = folded[topic_of.get(sentence.start, sentence.start) : _clause_end(doc, d)]
    after, shift = _expanded(doc, folded[noun.noun_start : sentence.end])
    found = phrases.match(after, near, context)
    if found is None and _assigned_without_verb(doc, d):
        found = phrases.match(after, near + MEMBERS_DEVELOPED, context)
    if found:
        d.metric, d.metric_len = found[0], max(1, found[1] - shift)
        if noun.qualifier != "trở lên":  # the statement ends with the metric's noun
            noun.tail_end = max(noun.end, noun.noun_start + d.metric_len)


def _clause_end(doc: Doc, d: Draft) -> int:
    """Where the clause of the draft's last figure ends (its sentence's end at most)."""
    figs = [f for f in (d.actual_fig, d.target_fig, d.excess_fig) if f is not None]
    return max(doc.clause_end(f.span_end, f.sentence.end) for f in figs)


def _assigned_without_verb(doc: Doc, d: Draft) -> bool:
    """Whether ``d`` is a target alone whose clause names a target before its figure with
    no verb of a result there (``Chỉ tiêu năm 2031 giao cho xã B là 25 đảng viên``): a
    target of members is then one of members to develop (admitted), as ``chỉ tiêu phát
    triển 25 đảng viên`` says."""
    t = d.target_fig
    if d.actual is not None or t is None or t is not d.noun_fig:
        return False
    lead = doc.fold[t.clause : t.start]
    if TARGET_CUE.search(lead) is None or MET_STRICT.search(lead) is not None:
        return False
    return COUNT_HELD.search(lead) is None


def _expanded(doc: Doc, after: str) -> tuple[str, int]:
    """``after`` with an abbreviation the text defines at its start written out in full
    (``ĐV mới, đạt 50%`` after ``đảng viên (ĐV)``: ``đảng viên mới, đạt 50%``), for the
    phrase book, and how many characters longer that made it."""
    m = _WORD.match(after)
    full = doc.abbreviations.get(m.group()) if m else None
    if m is None or full is None:
        return after, 0
    return full + after[m.end() :], len(full) - m.end()


_WORD = re.compile(r"[^\W\d_]+")


def _list_metrics(
    doc: Doc, drafts: list[Draft], topic_of: dict[int, int], phrases: Matcher | None
) -> None:
    """Bare figures that take their metric from what they list under: the heading of a list
    ("kết nạp cao so với chỉ tiêu: xã A 14/12, xã B 9/10"), or the target before them in the
    sentence ("phấn đấu kết nạp 600 đảng viên, mỗi năm 120 đảng viên")."""
    previous: Draft | None = None
    for d in drafts:
        if previous is not None and previous.sentence is not d.sentence:
            previous = None
        if d.metric is None and phrases is not None:
            fig = d.actual_fig or d.target_fig
            if (
                previous is not None
                and previous.metric is not None
                and d.actual is None
                and previous.actual is None
                and fig is not None
                and previous.target_fig is not None
                and nouns_agree(doc, previous.target_fig, fig)
            ):
                d.metric = previous.metric
            elif fig is not None and fig.noun_start is None and fig.measure is None:
                found = _heading_metric(doc, fig, topic_of, phrases)
                if found is not None:
                    d.metric, d.heading_metric = found, True
        previous = d


def _heading_metric(
    doc: Doc, fig: Figure, topic_of: dict[int, int], phrases: Matcher
) -> str | None:
    """The metric the heading of a figure's list names (the words before the last ':')."""
    sentence = fig.sentence
    colon = doc.text.rfind(":", sentence.start, fig.start)
    if colon >= 0 and not doc.text[colon + 1 : fig.start].strip(" ("):
        # "…: Đảng bộ Công an thành phố: 66/58": the item's own colon, the heading's before
        colon = doc.text.rfind(":", sentence.start, colon)
    if colon < 0:
        return None
    folded = doc.fold
    heading = folded[sentence.start : colon]
    context = folded[topic_of.get(sentence.start, sentence.start) : sentence.end]
    for w in list(re.finditer(r"[^\W\d_]+", heading))[-12:]:
        found = phrases.match(heading[w.start() :] + " ", heading, context)
        if found:
            return found[0]
    return None


def _totals_take_metric(drafts: list[Draft]) -> None:
    """A stated total takes the metric its parts share ("…, tổng cộng 950 đảng viên")."""
    parts: dict[int, list[Draft]] = {}
    for e in drafts:
        if e.part_of is not None and e.part_rule == "sum_equal":
            parts.setdefault(id(e.part_of), []).append(e)
    for d in drafts:
        if d.metric is None:
            metrics = {e.metric for e in parts.get(id(d), [])}
            if len(metrics) == 1:
                d.metric = metrics.pop()


def _merge_early_targets(doc: Doc, drafts: list[Draft], topic_of: dict[int, int]) -> None:
    """A target stated in the sentence before its result (same metric, same unit, same
    paragraph) joins that result and is marked merged."""

    def unit(d: Draft) -> str | None:
        u = unit_for(doc, d, topic_of.get(d.sentence.start, d.sentence.start))
        if u is None or (u.code is None and fold(u.text).startswith(fold("toàn "))):
            return None
        return u.code or fold(u.text)

    def same_unit(e: Draft, d: Draft) -> bool:
        if unit(e) == unit(d):
            return True
        ue = unit_for(doc, e, topic_of.get(e.sentence.start, e.sentence.start))
        ud = unit_for(doc, d, topic_of.get(d.sentence.start, d.sentence.start))
        return ue is not None and ud is not None and _whole_of_named(ue.text, ud.text)

    for i, d in enumerate(drafts):
        if d.actual is None and d.target is not None and d.metric and not d.merged:
            for e in itertools.islice(drafts, i + 1, None):
                if e.sentence.paragraph != d.sentence.paragraph:
                    break
                if (
                    e.metric == d.metric
                    and e.actual is not None
                    and e.target is None
                    and same_unit(e, d)
                    and not _term_target_of_a_year(doc, d, e)
                    and not _each_year(doc, e)
                ):
                    e.target_fig, e.target = d.target_fig, d.target
                    d.merged = True
                    break


def _term_target_of_a_year(doc: Doc, target: Draft, result: Draft) -> bool:
    """Whether ``target`` is a whole term's (``Nhiệm kỳ 2030-2035, … phấn đấu kết nạp 250``)
    and ``result`` one year's (a year written in its sentence, no term): no pair."""
    if _target_period(doc, target, _term_of(doc, target)) != "term":
        return False
    sentence = result.sentence
    if _term_of(doc, result) is not None:
        return False
    return any(t.year and not t.comparison for t in doc.times_in(sentence.start, sentence.end))


def _each_year(doc: Doc, result: Draft) -> bool:
    """Whether ``result``'s figure is said of every year before it in its sentence (``Trong
    đó mỗi năm … kết nạp 90 đảng viên``): the pace a plan before it sets, no result of it."""
    f = result.actual_fig
    if f is None:
        return False
    return YEARLY.search(doc.fold, result.sentence.start, f.start) is not None


_WHOLE_KIND = rx(r"^toàn\s+(?:đảng\s+bộ\s+)?(\w+(?:\s+\w+)?)$")


def _whole_of_named(whole: str, named: str) -> bool:
    """Whether ``whole`` (``toàn tỉnh``) is the unit ``named`` just before it, a place of that
    kind (``Đảng bộ tỉnh Hòa Lâm``, ``tỉnh Hòa Lâm``), a result of the whole of that unit."""
    m = _WHOLE_KIND.match(fold(whole).strip())
    kind = PLACE.match(fold(named))
    if m is None or kind is None:
        return False
    return " ".join(kind.group("kind").split()) == " ".join(m.group(1).split())


# things counted one by one, whose plan is a whole number ("26 hợp tác xã", "8 dự án")
_WHOLE_THINGS = rx(
    r"(?:doanh\s+nghiệp|hợp\s+tác\s+xã|tổ\s+hợp\s+tác|htx|thth|dự\s+án|công\s+trình"
    r"|đảng\s+viên|chi\s+bộ|tổ\s+chức\s+đảng|căn\s+nhà|ngôi\s+nhà|nhà\s+vệ\s+sinh"
    r"|nhà\s+tình\s+nghĩa"
    r"|nhà\s+đại\s+đoàn\s+kết|công\s+đoàn\s+cơ\s+sở|cđcs|(?:hội|đoàn)\s+viên"
    r"|(?:thanh\s+)?thiếu\s+nhi|lớp|đv|hộ|người|lao\s+động|cán\s+bộ|học\s+viên"
    r"|xã(?!\s+hội)|phường|thị\s+trấn|thôn)(?!\w)"
)


# "số mô hình được giúp đỡ là 45", "số đảng viên kết nạp đạt 30": the things counted named
# before the number, as the subject of its clause
_WHOLE_SUBJECT = rx(
    r"(?<!\w)số\s+(?:lượng\s+)?(?P<thing>[^\W\d_]+(?:\s+[^\W\d_]+){0,14}?)"
    r"\s+(?:là|đạt)\s*$"
)


def _counts_whole_things(doc: Doc, f: Figure | None) -> bool:
    """Whether ``f`` counts things one by one (its noun one of :data:`_WHOLE_THINGS`, or
    named before it as the subject ``số …  là``; its number written whole, with no scale
    word nor currency): a plan of it is a whole number."""
    if f is None or f.kind != "count" or f.measure is not None:
        return False
    if not re.fullmatch(r"[\d.]+", f.written.strip()):
        return False
    if f.noun_start is not None:
        return _WHOLE_THINGS.match(doc.fold, f.noun_start) is not None
    m = _WHOLE_SUBJECT.search(doc.fold, f.clause, f.start)
    return m is not None and _WHOLE_THINGS.match(doc.fold, m.start("thing")) is not None


# "hoàn thành 17/21 chỉ tiêu", "có 7/7 thôn đạt chuẩn", "4/6 chi hội xếp loại khá": things
# counted against their total (criteria met, places, party or mass-organisation bodies that
# reach a standard, sports of a games), never a result against its target
_COUNTED_OF_TOTAL = rx(
    r"\s*(?:chỉ\s+tiêu|tiêu\s+chí|thôn|làng|ấp|bản|buôn|xã|phường|thị\s+trấn|khu\s+phố"
    r"|tổ\s+dân\s+phố|khu\s+dân\s+cư|chi\s+bộ|đảng\s+bộ|tổ\s+chức\s+cơ\s+sở\s+đảng"
    # "đơn vị máu": units of blood given, a measure, not bodies of all
    r"|tổ\s+chức\s+đảng|đơn\s+vị(?!\s+máu)|trường|hợp\s+tác\s+xã|htx|huyện|quận|cơ\s+quan"
    r"|công\s+đoàn\s+cơ\s+sở|chi\s+đoàn|chi\s+hội|đoàn\s+cơ\s+sở|hội\s+cơ\s+sở"
    # "thi đấu 12/30 môn": the sports of a games taken part in, of all
    r"|môn(?:\s+thể\s+thao|\s+thi(?:\s+đấu)?)?)(?!\w)"
)
# "đoàn thi đấu 12/30 môn, 85/260 nội dung": the events of a games, of all, when the sentence
# says they are competed in ("hoàn thành 12/12 nội dung trình …" are items done, of a plan)
_CONTESTED_EVENTS = rx(r"\s*nội\s+dung(?!\w)")
_CONTEST_LEAD = rx(r"(?<!\w)(?:thi\s+đấu|tranh\s+tài)(?!\w)")
# a fraction a result against its target again: bodies founded, members admitted
_FOUNDED_LEAD = rx(r"(?:thành\s+lập|kết\s+nạp|phát\s+triển)(?!\w)")


def _places_of_quota(doc: Doc, f: Figure) -> bool:
    """Whether the fraction ``f`` is of ten places or more filled of a quota (``tuyển sinh
    được 96/130 chỉ tiêu``: :data:`~kpitools.extract.context_kinds.INTAKE_BEFORE`; two thirds stay
    a proportion, and so do "công tác tuyển sinh có 18/25 trường …")."""
    return (
        f.values[1] >= 10
        and INTAKE_BEFORE.search(doc.fold, max(f.clause, f.start - 40), f.start) is not None
        and QUOTA_AFTER.match(doc.fold, f.end) is not None
    )


def _counted_of_total(doc: Doc, d: Draft) -> bool:
    """Whether the draft's fraction counts things against their total (``đạt 11/19 tiêu
    chí``, ``8/9 xã đạt chuẩn``): a coverage, no result against a target. The thing
    counted is named right after the fraction, the part is at most the whole, and no verb
    of founding or admitting stands before it in its clause (``thành lập mới 5/6 chi bộ``;
    ten places or more filled of a quota, :func:`_places_of_quota`),
    nor a plan named after its percentage (``xây dựng 3/4 trường đạt chuẩn, đạt 75% kế
    hoạch``) unless a target rate follows it (:data:`_RATE_AIMED`: ``… so với mục tiêu
    90%``)."""
    f = d.actual_fig
    if f is None or f.kind != "pair" or len(f.values) != 2 or f.values[0] > f.values[1]:
        return False
    if not _counted_things(doc, f):
        return False
    if _FOUNDED_LEAD.search(doc.fold, f.clause, f.start) is not None or _places_of_quota(doc, f):
        return False
    p = d.percent_fig
    tail = "" if p is None else doc.fold[p.end : p.sentence.end]
    return K_PLAN_TAIL.match(tail) is None or _RATE_AIMED.match(tail) is not None


# "… đạt 88% so với mục tiêu đề ra trên 80%": the rate the share is held against, no plan met
_RATE_AIMED = rx(r"[^%;.]{0,60}?\d[\d.,]*\s*%")


def _counted_things(doc: Doc, f: Figure) -> bool:
    """Whether the fraction ``f`` is followed by things counted against their total
    (:data:`_COUNTED_OF_TOTAL`), or by events in a sentence of a games
    (:data:`_CONTESTED_EVENTS`)."""
    if _COUNTED_OF_TOTAL.match(doc.fold, f.end, f.sentence.end) is not None:
        return True
    return (
        _CONTESTED_EVENTS.match(doc.fold, f.end, f.sentence.end) is not None
        and _CONTEST_LEAD.search(doc.fold, f.sentence.start, f.start) is not None
    )


# "…, đạt 30% so với mục tiêu 50%": a percentage right after a target word is the rate
# aimed at, never a stated part of a fraction before it
_TARGET_RATE_LEAD = rx(
    r"(?<!\w)(?:mục\s+tiêu|chỉ\s+tiêu|kế\s+hoạch)(?:\s+(?:là|đề\s+ra|đặt\s+ra))?\s*$"
)


def _target_rate(doc: Doc, d: Draft) -> bool:
    """Whether the draft's percentage, of no kind read, is written right after a target word
    (``so với mục tiêu 50%``): the rate aimed at, not a coverage of the draft's fraction."""
    p = d.percent_fig
    if d.kind is not None or p is None:
        return False
    return _TARGET_RATE_LEAD.search(doc.fold, p.clause, p.start) is not None


def _find_kind(doc: Doc, d: Draft, catalog: MetricCatalog | None) -> None:
    """The kind of what the draft states and its signed percentage; a target derived from
    an exact actual and its excess; a fraction of things counted against their total is a
    coverage (:func:`_counted_of_total`), unless its percentage is a target rate
    (:func:`_target_rate`)."""
    _find_stated_kind(doc, d, catalog)
    if (
        d.kind in (None, "attainment")
        and d.excess_fig is None
        and not _target_rate(doc, d)
        and _counted_of_total(doc, d)
    ):
        d.kind = "coverage"
    _excess_read_as_plan(doc, d)


# "…, đạt 125%, vượt kế hoạch đề ra là 80 triệu đồng": the amount after the plan beaten,
# written after the attainment, may be the plan or the excess over it
_BEATEN_IS = rx(
    rf"(?<!\w)vượt(?:\s+mức)?\s+{PLAN_NOUNS}"
    r"(?:\s+[^\W\d_]+){0,3}?\s+là\s*$"
)


def _excess_read_as_plan(doc: Doc, d: Draft) -> None:
    """An amount after ``vượt kế hoạch … là``, written after the result's stated attainment,
    is the excess over the plan, not the plan, when the attainment is the result over the
    result less that amount and not over the amount itself (``đạt 500 triệu đồng, đạt 125%,
    vượt kế hoạch đề ra là 100 triệu đồng``: 500 of 400 is 125 %): the plan is derived."""
    t, p = d.target_fig, d.percent_fig
    if d.kind != "attainment" or t is None or p is None or t.start < p.end or t.qualifier:
        return
    if _BEATEN_IS.search(doc.fold, max(t.clause, t.start - 60), t.start) is None:
        return
    a, amount = single(d.actual), single(t.value)
    if a is None or amount is None or not 0 < amount < a or d.stated_percent is None:
        return
    if _fits(a, amount, d.stated_percent) or not _fits(a, a - amount, d.stated_percent):
        return
    d.excess_fig, d.target_fig, d.target, d.derived = t, None, a - amount, True


# "vượt chỉ tiêu 45 phòng học đề ra", "trồng 930 ha, vượt mức 800 ha huyện giao": the figure
# after the plan or level beaten is that plan, when the words that set it out follow its noun
_BEATEN_PLAN_LEAD = rx(r"(?<!\w)vượt\s+(?:(?:mức\s+)?(?:chỉ\s+tiêu|kế\s+hoạch|mục\s+tiêu)|mức)\s*$")
_SET_OUT_AFTER = rx(
    r"(?:\s+[^\W\d_]+){0,4}?\s+(?:đã\s+)?(?:được\s+giao|đặt\s+ra|đề\s+ra|giao)(?!\w)"
)


def _plan_set_out_beaten(doc: Doc, f: Figure) -> bool:
    """Whether the excess figure ``f`` is the plan beaten: right after ``vượt chỉ tiêu`` (a
    plan's name), its noun followed by words that set it out (``vượt chỉ tiêu 45 phòng
    học đề ra``, not ``vượt chỉ tiêu 6 đảng viên``)."""
    lead = doc.fold[max(f.clause, f.start - 40) : f.start]
    return (
        _BEATEN_PLAN_LEAD.search(lead) is not None
        and _SET_OUT_AFTER.match(doc.fold, f.end, f.sentence.end) is not None
    )


def _unnamed_excess_of_another(doc: Doc, d: Draft) -> None:
    """A bare ``vượt X%`` (no plan written after it) right after an attainment of a named
    plan that it contradicts (``đạt 108,2% kế hoạch huyện giao, vượt 3,5%``: 8,2 is no 3,5)
    is not that plan's excess but a rise over something unnamed (last year, most often):
    read as a growth with no base, no claim and no check against the plan."""
    first = d.twin_of
    if d.kind != "excess" or first is None or first.kind != "attainment":
        return
    e, a = d.percent_fig, first.percent_fig
    if e is None or a is None or e.percent is None or a.percent is None:
        return
    if plan_of(doc, e) or not plan_of(doc, a) or e.qualifier or a.qualifier:
        return
    slack = Decimal(5) / 10 ** (a.percent.decimals + 1) + Decimal(5) / 10 ** (
        e.percent.decimals + 1
    )
    if abs(a.percent.value - 100 - e.percent.value) > slack:
        d.kind, d.target, d.target_fig, d.derived = "growth", None, None, False


# "vượt 4 chỉ tiêu, đạt 10 chỉ tiêu": how many indicators or goals were exceeded, no excess
# of a result over its plan
_INDICATORS_COUNTED = rx(r"\s*(?:chỉ\s+tiêu|tiêu\s+chí|mục\s+tiêu|nhiệm\s+vụ)(?!\w)")


def _counts_indicators(doc: Doc, d: Draft, f: Figure) -> bool:
    """Whether the excess figure ``f`` counts indicators or goals exceeded (``trong 24 chỉ
    tiêu, đã vượt 4 chỉ tiêu``): its noun and the draft's actual's are indicators, so it is
    no excess count (``kết nạp 47 đảng viên, vượt 2 chỉ tiêu`` is 2 above the target)."""
    a = d.actual_fig
    return a is not None and all(
        _INDICATORS_COUNTED.match(doc.fold, g.end, g.sentence.end) is not None for g in (a, f)
    )


def _find_stated_kind(doc: Doc, d: Draft, catalog: MetricCatalog | None) -> None:
    """The kind of what the draft states and its signed percentage; a target derived from
    an exact actual and its excess."""
    if catalog is not None and d.metric is not None and d.metric in catalog:
        d.whole_target = catalog.kind(d.metric) == "count"
    else:
        d.whole_target = _counts_whole_things(doc, d.actual_fig)
    if d.percent_fig is not None:
        kind, sign = percent_kind(doc, d, catalog)
        above = pair_above_all(doc, d) if kind is None else None
        if above == "pair":
            d.percent_fig = None
            return
        kind = above or kind
        d.kind = kind
        assert d.percent_fig.percent is not None
        d.stated_percent = sign * d.percent_fig.percent.value
        excess_count_beside_percent(doc, d)
    elif d.excess_fig is not None and (
        _plan_set_out_beaten(doc, d.excess_fig) or plan_compared_with(doc, d, d.excess_fig)
    ):
        d.target, d.target_fig, d.excess_fig = d.excess_fig.value, d.excess_fig, None
    elif d.excess_fig is not None and _counts_indicators(doc, d, d.excess_fig):
        d.excess_fig = None
    elif d.excess_fig is not None:
        d.kind = "excess_count"
        a, excess = single(d.actual), single(d.excess_fig.value)
        # "gần 1.300 ha, vượt 300 ha so với cam kết": an approximate result over an exact
        # excess gives the plan; over an approximate one ("vượt hơn 300 ha") it does not
        exact = not d.actual_fig or not d.actual_fig.qualifier or not d.excess_fig.qualifier
        if d.target is None and a is not None and excess is not None and exact:
            d.target = a - excess
            d.derived = True


def _fits(actual: Value | None, target: Value | None, percent: Decimal | None) -> bool:
    """Whether ``percent`` is ``actual`` of ``target`` to its last written digit."""
    a, t = single(actual), single(target)
    if a is None or t is None or percent is None or t <= 0:
        return False
    exponent = percent.as_tuple().exponent
    unit = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
    return abs(a * 100 / t - percent) < unit


def _fraction_takes_its_percent(drafts: list[Draft]) -> None:
    """Give a fraction the one of two percentages of two plans that it gives (``đạt
    30.500/28.000 triệu đồng, đạt 150,25% kế hoạch tỉnh giao và đạt 108,93% kế hoạch
    huyện``: 108,93 % is the fraction's; 150,25 % is of the other plan, its target implied),
    when the first read with it does not fit and the second, read with no target, does."""
    for d, e in itertools.pairwise(drafts):
        f = d.actual_fig
        if (
            f is None
            or f.kind != "pair"
            or e.sentence is not d.sentence
            or e.target is not None
            or e.actual != d.actual
            or (d.kind, e.kind) != ("attainment", "attainment")
        ):
            continue
        if not _fits(d.actual, d.target, d.stated_percent) and _fits(
            d.actual, d.target, e.stated_percent
        ):
            d.percent_fig, e.percent_fig = e.percent_fig, d.percent_fig
            d.stated_percent, e.stated_percent = e.stated_percent, d.stated_percent


# "so với cùng kỳ (năm 2040)", "so với năm trước / năm ngoái / năm 2040": a past base
_PAST_BASE = rx(
    rf"(?<!\w)(?:{COMPARE_WORDS})?(?:{SAME_PERIOD}|{COMPARE_WORDS}(?:{LAST_YEAR}|năm\s+\d{{4}}))(?!\w)"
)
# what a clause of a fraction before it may say: up to the figure before it, or a stop
_FRACTION_CLAUSE_STOP = rx(r"[;:,]|(?<!\w)(?:và|còn|đạt)(?!\w)")
# how far from a fraction a growth percentage of its two amounts may be written
_GROWTH_REACH = 80
# the fraction's own clause after it, to the next stop
_FRACTION_TAIL = rx(r"[^;:,.]{0,80}")


def _past_fractions(doc: Doc, drafts: list[Draft]) -> set[int]:
    """The ids of the fractions of two amounts of one measure, with no percentage of their
    own, that compare with the past: ``sản lượng 96,4 triệu tấn, tăng 20,2% (96,4/80,2
    triệu tấn)`` (a growth percentage beside it gives what the fraction gives, 96,4 / 80,2
    − 1, to its last written digit) or ``…, cao hơn 15% so với năm trước (96,4/80,2 triệu
    tấn)`` (the words from a growth percentage to the fraction name a past base and no
    plan). Neither is a result against a plan. A fraction that takes the growth as its own
    percentage (``đạt 62,4/60 ha, tăng 4%``) is not one of them: a margin over the plan."""
    out: set[int] = set()
    # each sentence's drafts, found once: a growth and its fraction share a sentence, so a
    # text of thousands of fractions is not read against all the others' drafts
    by_sentence: dict[int, list[Draft]] = {}
    for e in drafts:
        by_sentence.setdefault(id(e.sentence), []).append(e)
    for d in drafts:
        f = d.actual_fig
        if f is None or f.kind != "pair" or d.percent_fig is not None or len(f.values) != 2:
            continue
        a, b = f.values
        if b <= 0:
            continue
        growth = (a / b - 1) * 100
        same = by_sentence[id(d.sentence)]
        figures = _sentence_figures(same, d.sentence)
        for e in same:
            g = e.percent_fig
            if e.kind != "growth" or e.sentence is not d.sentence or g is None:
                continue
            fits = (
                e.stated_percent is not None
                and abs(g.start - f.end) < _GROWTH_REACH
                and _written_fit(growth, e.stated_percent)
            )
            after = g.end <= f.start and not any(g.end <= h.start < f.start for h in figures)
            if fits or (after and _past_clause(doc, g.end, f)):
                out.add(id(d))
                break
    return out


def _aimed(doc: Doc, d: Draft) -> bool:
    """Whether the draft reads a fraction an aim sets out (:func:`aimed_fraction`) as a
    result over its plan; a count of units out of all (a coverage: ``phấn đấu 6/6 xã đạt
    chuẩn``) is left as it is."""
    f = d.actual_fig
    return f is not None and f.kind == "pair" and d.kind != "coverage" and aimed_fraction(doc, f)


def _past_clause(doc: Doc, start: int, f: Figure) -> bool:
    """Whether the words from ``start`` (a growth percentage's end) to the fraction ``f``
    name a past base and neither they nor the fraction's tail name a plan."""
    lead = doc.fold[start : f.start]
    tail = _FRACTION_TAIL.match(doc.fold, f.end)
    return (
        _FRACTION_CLAUSE_STOP.search(lead) is None
        and _PAST_BASE.search(lead) is not None
        and not PLAN_WORD.search(lead)
        and not (tail and PLAN_WORD.search(tail.group()))
    )


def _sentence_figures(drafts: list[Draft], sentence: object) -> list[Figure]:
    """The figures the drafts of ``sentence`` read."""
    return [
        g
        for e in drafts
        if e.sentence is sentence
        for g in (e.actual_fig, e.target_fig, e.percent_fig, e.excess_fig)
        if g is not None
    ]


def _written_fit(value: Decimal, written: Decimal) -> bool:
    """Whether ``value`` rounds to ``written`` at its last written digit."""
    exponent = written.as_tuple().exponent
    unit = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
    return abs(value - written) <= unit / 2 + unit / 100


def _plan_amount(doc: Doc, d: Draft) -> bool:
    """Whether the draft's target is an amount a plan word sets out ("giao dự toán thu
    ngân sách: huyện A 150 tỷ đồng") or a sentence opens striving for ("Phấn đấu, thu
    ngân sách đạt 150 tỷ đồng")."""
    f = d.target_fig
    if f is None or f.measure is None or f.measure == "%":
        return False
    before = doc.fold[f.sentence.start : f.start]
    return PLAN_WORD.search(before) is not None or STRIVE_OPENING.match(before) is not None


def _exceeds_whole(d: Draft) -> bool:
    """Whether the draft is a part (``trong đó …``) larger than its whole: kept, so that the
    audit shows it (``khoảng 9,4 triệu lượt khách … Trong đó, khách quốc tế … 1.195 triệu
    lượt``: a decimal comma printed as a thousands dot). A part or whole that is
    approximate must exceed it by more than :data:`APPROXIMATE_FACTOR`."""
    whole = d.part_of
    if whole is None or not isinstance(d.actual, Decimal) or not isinstance(whole.actual, Decimal):
        return False
    figs = [f for f in (d.actual_fig, whole.actual_fig) if f is not None]
    factor = APPROXIMATE_FACTOR if any(f.qualifier for f in figs) else Decimal(1)
    return d.actual > whole.actual * factor


def _unsummed_wholes(drafts: list[Draft]) -> set[int]:
    """The ids of the wholes whose parts do not add up to them.

    The parts are listed as what the whole consists of (``gồm``: two or more, every figure
    exact and followed by its noun); such a whole is kept with its parts, so that the audit
    shows the sum (``tổng số 520 người, gồm 120 …, 310 … và 80 …``: 510).
    """
    parts: dict[int, list[Draft]] = {}
    wholes: dict[int, Draft] = {}
    for e in drafts:
        if e.part_of is not None and e.part_rule == "sum_equal":
            parts.setdefault(id(e.part_of), []).append(e)
            wholes[id(e.part_of)] = e.part_of
    out = set()
    for key, listed in parts.items():
        drafted = (wholes[key], *listed)
        if len(listed) < 2 or any(
            f is None or f.qualifier or f.noun_start is None
            for f in (d.actual_fig for d in drafted)
        ):
            continue
        values = [d.actual for d in drafted if isinstance(d.actual, Decimal)]
        if len(values) == len(drafted) and sum(values[1:], Decimal(0)) != values[0]:
            out.add(key)
    return out


def _bare_fraction(d: Draft) -> bool:
    """Whether the draft's result is a fraction (result/plan) with no noun after it."""
    return d.actual_fig is not None and d.actual_fig.kind == "pair" and d.noun_fig is None


def _fraction_list_heads(drafts: list[Draft]) -> set[int]:
    """The ids of the fractions with no noun that a later such fraction of their sentence
    follows in a list (``xã A 4/6; xã B 5/7``): the list's first item, kept as the later
    items that inherit from it are."""
    return {
        id(d.inherit)
        for d in drafts
        if d.inherit is not None and _bare_fraction(d) and _bare_fraction(d.inherit)
    }


def _keeps(d: Draft, *, plan_amount: bool = False, list_head: bool = False) -> bool:
    """Whether the draft is a KPI statement (``plan_amount``: its target is an amount a
    plan sets out; ``list_head``: a fraction a list's later fractions follow)."""
    keep = (
        d.metric is not None
        or d.target is not None
        or (d.percent_fig is not None and (d.kind is not None))
        or d.excess_fig is not None
    )
    if d.subject is not None and d.kind is None and d.target is None:
        keep = False
    if (
        d.actual is None
        and d.target_fig is not None
        and d.target_fig.set_out
        and not d.metric
        and not plan_amount
    ):
        keep = False  # "được giao quản lý 300 hộ": a target only when it counts a metric
    if _bare_fraction(d):
        keep = keep and (
            d.inherit is not None or list_head or d.percent_fig is not None or d.heading_metric
        )
    return keep


def _record(doc: Doc, d: Draft, topic: int, catalog: MetricCatalog | None) -> dict[str, Any]:
    """The fields of a kept draft's statement (with the draft and its span in the text)."""
    text = doc.text
    unit = unit_for(doc, d, topic)
    if (
        d.total_after
        and unit is not None
        and (d.actual_fig is None or unit.start < d.actual_fig.clause)
    ):
        unit = None  # the sum of several units' figures is none of theirs
    year, as_of = time_for(doc, d, topic)
    term = _term_of(doc, d)
    if term is not None and not any(
        t.year and not t.comparison for t in doc.times_in(d.sentence.start, d.anchor)
    ):
        year = None  # a whole-term figure is of no one year
    start, end = _span(text, d)
    link = None
    if d.target_fig is not None and d.target_fig.sentence is not d.sentence:
        link = (d.target_fig.span_start, d.target_fig.span_end)
    record = {
        "draft": d,
        "start": start,
        "end": end,
        "text": text[start:end],
        "metric": d.metric,
        "label": _label(doc, d, catalog),
        "unit": unit.text if unit else None,
        "unit_code": unit.code if unit else None,
        "unit_rows": unit.units if unit else (),
        "unit_later": None if unit else unit_named_before(doc, d.sentence, d.anchor),
        "year": year,
        "as_of": as_of,
        "actual": d.actual,
        "target": d.target,
        "stated_percent": d.stated_percent,
        "stated_kind": d.kind,
        "qualifier": _qualifier(d),
        "stated": d.percent_fig.written
        if d.percent_fig
        else (text[d.excess_fig.start : d.excess_fig.span_end] if d.excess_fig else None),
        "excess": single(d.excess_fig.value) if d.excess_fig else None,
        "term": term,
        "target_period": _target_period(doc, d, term, year) if d.target is not None else None,
        "implied_target": implied_target(d.actual, d.target, d.stated_percent, d.kind),
        "link_span": link,
        "measure": _measure_of(d),
    }
    record.update(draft_checks(d, doc))
    return record


def _term_of(doc: Doc, d: Draft) -> str | None:
    """The term of a whole-term figure named before it in its sentence (``2020-2025``, or
    ``nhiệm kỳ`` without years), else None."""
    found = list(TERM.finditer(doc.fold[d.sentence.start : d.anchor]))  # "^": the sentence's
    if not found:
        return None
    m = found[-1]
    return f"{m.group('a')}-{m.group('b')}" if m.group("a") else "nhiệm kỳ"


def _target_period(doc: Doc, d: Draft, term: str | None, year: int | None = None) -> str | None:
    """``annual`` or ``term`` for a target: "mỗi năm 120" or a year is annual, a target of a
    term sentence is the term's, and so is a goal set for a year after the result's (``…
    đạt 52 triệu đồng (mục tiêu đến năm 2035 đạt 60 triệu đồng)`` of ``year`` 2034)."""
    fig = d.target_fig
    if fig is not None:
        lead = doc.fold[fig.clause : fig.start]
        if YEARLY.search(lead):
            return "annual"
        by_year = [int(m.group(1)) for m in BY_YEAR.finditer(lead)]
        if d.actual_fig is not None and year is not None and by_year and by_year[-1] > year:
            return "term"
        if fig.sentence is not d.sentence:  # a target stated elsewhere: its own sentence's
            before = doc.fold[fig.sentence.start : fig.start]
            if YEARLY.search(before):
                return "annual"
            if TERM.search(before):
                return "term"
    if term is not None:
        return "term"
    if any(t.year and not t.comparison for t in doc.times_in(d.sentence.start, d.sentence.end)):
        return "annual"
    # "Nghị quyết Đại hội … nhiệm kỳ 2020 - 2025 phấn đấu kết nạp 600": the congress's term
    at = fig or d.actual_fig or d.excess_fig or d.percent_fig
    if at is not None and CONGRESS_TERM.search(doc.fold[d.sentence.start : at.start]):
        return "term"
    return None


def implied_target(
    actual: Value | None, target: Value | None, percent: Decimal | None, kind: str | None
) -> Decimal | None:
    """The target a stated percentage implies when none is written: actual / percent
    (``vượt X%``: actual / (100 + X) %), to 2 decimals; None otherwise.

    >>> implied_target(Decimal(32), None, Decimal(106), "attainment")
    Decimal('30.19')
    >>> implied_target(Decimal(115), None, Decimal(15), "excess")
    Decimal('100.00')
    """
    if target is not None or not isinstance(actual, Decimal) or percent is None:
        return None
    if kind not in ("attainment", "excess"):
        return None
    base = percent + 100 if kind == "excess" else percent
    if base <= 0:
        return None
    return percent_of(actual, base, 2)  # exact: a figure of any length is read


def _span(text: str, d: Draft) -> tuple[int, int]:
    """Where the statement is in the text: its figures and subject, and a closing bracket
    that belongs to them."""
    shown = [f for f in d.figures if f.sentence is d.sentence]  # a linked target is apart
    if d.twin_of is not None and d.percent_fig is not None:
        shown = [d.percent_fig]  # its figures are the first statement's; show its own part
    start = min([f.span_start for f in shown] + ([d.subject[0]] if d.subject else []))
    end = max([f.span_end for f in shown] + ([d.subject[1]] if d.subject else []))
    if text.count("(", start, end) > text.count(")", start, end) and text[end : end + 1] == ")":
        end += 1
    return start, end


def _measure_of(d: Draft) -> str | None:
    """The unit of a money statement as written (``tỷ đồng``), else None."""
    for f in (d.actual_fig, d.target_fig, d.excess_fig):
        if f is not None and f.measure is not None:
            return f.measure
    return None


_NOT_SUBJECT = STOP | {"ước", "dự", "khoảng", "gần", "hơn", "lũy", "luỹ", "năm", "tháng", "quý"}


def _money_label(doc: Doc, d: Draft, measure: str) -> str:
    """What a money figure counts, from the words that open its clause up to the first
    word that is no noun ("Thu ngân sách trên địa bàn … đạt 11,55 tỷ đồng": ``Thu ngân
    sách (tỷ đồng)``), without the units named there; the unit alone when they name
    nothing."""
    fig = d.actual_fig or d.target_fig or d.excess_fig
    assert fig is not None
    lead = doc.text[fig.clause : fig.start]
    for u in reversed(doc.units_in(fig.clause, fig.start)):
        lead = lead[: u.start - fig.clause] + lead[u.end - fig.clause :]
    # a target: the words just before it ("dự toán thu ngân sách là 500 tỷ đồng")
    trimmed = _words_before(lead) if d.actual_fig is None else _subject_words(lead)
    if not trimmed:  # an item of a list: what its heading's plan is of
        colon = doc.text.rfind(":", fig.sentence.start, fig.start)
        plans = list(PLAN_WORD.finditer(doc.fold, fig.sentence.start, max(colon, 0)))
        if colon >= 0 and plans:
            trimmed = _subject_words(doc.text[plans[-1].end() : colon])
    return f"{trimmed} ({measure})" if trimmed else measure


_PLAN_PARTS = frozenset({"dự", "toán", "kế", "hoạch", "chỉ", "tiêu", "mục", "quyết", "đề", "giao"})


def _words_before(lead: str) -> str:
    """The words that end ``lead`` back to the first that is no noun or names the plan
    ("Nghị quyết đề ra mỗi năm thu ngân sách": ``thu ngân sách``; at most six)."""
    words: list[str] = []
    for word in reversed(re.sub(r"(?:\s|^)(?:là|:)\s*$", "", lead).split()):
        w = word.strip(",;:()")
        if not w.isalpha() or w.lower() in _NOT_SUBJECT or w.lower() in _PLAN_PARTS:
            break
        words.insert(0, w)
        if len(words) == 6:
            break
    return " ".join(words)


def _subject_words(lead: str) -> str:
    """The words that open ``lead`` up to the first that is no noun (at most eight)."""
    words: list[str] = []
    for w in re.finditer(r"\S+", lead):
        word = w.group().strip(",;:()")
        if not word or word.lower() in _NOT_SUBJECT or not word.isalpha():
            break
        words.append(word)
        if len(words) == 8:
            break
    return re.sub(r"^(?:[Tt]rong đó|[Rr]iêng|[Cc]òn|[Vv]à)\s*", "", " ".join(words))


def _qualifier(d: Draft) -> str | None:
    for f in (d.actual_fig, d.percent_fig, d.target_fig, d.excess_fig):
        if f is not None and f.qualifier:
            return f.qualifier
    return None


def _label(doc: Doc, d: Draft, catalog: MetricCatalog | None) -> str:
    if d.metric is not None:
        return catalog.label(d.metric) if catalog is not None else d.metric
    measure = _measure_of(d)
    if measure is not None and measure != "%" and d.subject is None:
        return _money_label(doc, d, measure)
    if d.inherit is not None and d.noun_fig is None:
        return _label(doc, d.inherit, catalog)
    text = doc.text
    if d.subject is not None:
        s, e = d.subject
        kept = text[s:e]
        for u in reversed([u for u in doc.units_in(s, e) if u.end <= e]):
            kept = kept[: u.start - s] + kept[u.end - s :]
        kept = re.sub(r"\s+(?:của|tại|ở)\s*$", "", " ".join(kept.split()))
        return " ".join(kept.split()[:8]).strip(" ,;:(")
    noun = d.noun_fig
    words = text[noun.noun_start : noun.noun_end] if noun and noun.noun_start is not None else ""
    first = d.figures[0] if d.figures else None
    verb = ""
    if first is not None:
        verbs = list(LABEL_VERBS.finditer(doc.fold, first.clause, first.start))
        if verbs:
            verb = text[verbs[-1].start() : verbs[-1].end()]
    return " ".join(w for w in (verb, words) if w)


# a unit per something after a figure, not a plan after a slash ("502 ha/KH 490 ha")
_PER_THING = re.compile(
    r"\s*(?:[^\W\d_]+\s+){0,2}[^\W\d_]+\s*/\s*"
    r"(?!(?:kh|kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu|dự\s+toán)(?!\w))[^\W\d_]",
    re.I,
)


def _per_something(doc: Doc, f: Figure) -> bool:
    """Whether ``f`` is an amount per something (``hồ sơ/máy/ngày``, ``tấn/ha``)."""
    if f.measure is not None and "/" in f.measure:
        return True
    return _PER_THING.match(doc.text, f.end, min(f.sentence.end, f.end + 40)) is not None


def _unpair_rates(doc: Doc, drafts: list[Draft]) -> None:
    """Take the target from a draft whose result is a rate per something and plan is not.

    ``phải đạt tiến độ 200 hồ sơ/máy/ngày, mỗi đơn vị có 3 máy nên phải đạt chỉ tiêu 600 hồ
    sơ``: a quota per machine and day is no result of a unit's quota of a day (nor the other
    way round); an amount per something is compared only with one per the same.
    """
    for d in drafts:
        a, t = d.actual_fig, d.target_fig
        if a is None or t is None or a is t or a.kind != "count" or t.kind != "count":
            continue
        if _per_something(doc, a) != _per_something(doc, t):
            d.target_fig, d.target = None, None


def _breakdowns(catalog: MetricCatalog | None) -> dict[str, str]:
    if catalog is None:
        return {}
    df = catalog.metrics
    return {c: b for c, b in zip(df["code"], df["breakdown_of"], strict=True) if b}
