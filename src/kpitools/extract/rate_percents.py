"""Percentages said of a rate, for :mod:`kpitools.extract.percentages`.

:func:`rate_of_draft` makes a draft of the rate of the population named after a percentage;
:func:`of_a_rate_or_growth` reads a percentage against the rate stated just before it: its
target (a resolution's floor or ceiling, a target in brackets or under an abbreviated plan,
a rate said to be above, below or short of its target, the gap between the two), or the
attainment of a plan after a rate and its fall or rise.
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal

from kpitools.extract.figures import (
    K_PLAN_TAIL,
    K_RATE,
    STOP,
    WORD,
    Draft,
    Figure,
)
from kpitools.extract.growth_targets import GROWTH_SUBJECT, growth_against
from kpitools.extract.listed_parts import (
    FALLING_RATE,
    K_GROWTH_RATE,
    RATE_ATTAINMENT_LEAD,
    growth_rate_attains,
    level_attains,
    levels_of,
    population_rate_attains,
    rate_draft,
    rate_target_lead,
    share_of_count,
)
from kpitools.extract.text import Doc
from kpitools.textfold import fold, rx

# words that open no population after a percentage ("đạt tới 274% chỉ sau 6 tháng")
_NOT_POPULATION = STOP | {"chỉ", "sau", "mới", "nhờ", "do", "bởi", "cần", "phải"}


_ASSIGNER_TAIL = rx(
    r"\s*(?:(?:do|của)\s+)?(?:chính\s+phủ|thủ\s+tướng(?:\s+chính\s+phủ)?|trung\s+ương|quốc\s+hội"
    r"|hđnd(?:\s+tỉnh)?|hội\s+đồng\s+nhân\s+dân(?:\s+tỉnh)?|tỉnh|thành\s+phố|bộ)\s+"
    r"(?:đã\s+)?(?:giao|đề\s+ra)(?!\w)"
)


_COMPARISON_TAIL = rx(r"\s*(?:cao|thấp)\s+hơn(?!\w)")

# "vượt chỉ tiêu 93% đề ra", "mục tiêu 8% đặt ra": the rate a plan set, no population
_SET_TAIL = rx(r"\s*(?:đã\s+)?(?:đề|đặt)\s+ra(?!\w)")


def rate_of_draft(doc: Doc, p: Figure) -> Draft | None:
    """A draft of the percentage of the population named after it (up to six words not
    starting with a stop word), or None when no word follows it."""
    folded = doc.fold
    if _ASSIGNER_TAIL.match(folded, p.span_end, p.sentence.end):
        return None  # "mục tiêu 8% Chính phủ giao": who set the rate, no population
    if _SET_TAIL.match(folded, p.span_end, p.sentence.end):
        return None  # "vượt chỉ tiêu 93% đề ra": the plan's rate, no population
    if _COMPARISON_TAIL.match(folded, p.span_end, p.sentence.end):
        return None  # "tỷ lệ 45% cao hơn so với năm 2040": a comparison, no population
    words: list[tuple[int, int]] = []
    pos = p.span_end
    while len(words) < 6:
        w = WORD.match(folded, pos)
        if not w or w.end(1) > p.sentence.end:
            break
        if not words and doc.text[w.start(1) : w.end(1)].lower() in _NOT_POPULATION:
            break
        words.append(w.span(1))
        pos = w.end(1)
    if not words:
        return None
    d = Draft(p.sentence, percent_fig=p)
    d.subject = (words[0][0], words[-1][1])
    d.rate_of = True
    p.owner = d
    return d


# "là 92,5% (Nghị quyết Đại hội đạt 90% trở lên)", "là 0,5%, so với Nghị quyết Đại hội là
# dưới 1%": the resolution's floor or ceiling for the rate, a qualifier of its own allowed
_RATE_RESOLUTION_LEAD = rx(
    r"^[\s,;(]*(?:so\s+với\s+)?(?:chỉ\s+tiêu\s+|mục\s+tiêu\s+)?nghị\s+quyết"
    r"(?:\s+(?!tăng|giảm|vượt|đạt|là|ít|tối)[^\W\d_]+){0,8}?\s*"
    r"(?:là|đề\s+ra|:|(?P<reach>(?:ít\s+nhất\s+|tối\s+thiểu\s+)?(?:phải\s+)?đạt)|ít\s+nhất"
    r"|tối\s+thiểu)?\s*(?:dưới|không\s+quá|tối\s+đa)?\s*$"
)


def _resolution_target(between: str, p: Figure) -> bool:
    """Whether ``p`` is the floor or ceiling a resolution sets for the rate before it (see
    :data:`_RATE_RESOLUTION_LEAD`); after ``đạt`` only with a floor's qualifier (``đạt 90%
    trở lên``): ``so với nghị quyết đạt 90%`` is an attainment."""
    m = _RATE_RESOLUTION_LEAD.fullmatch(between)
    return m is not None and (m.group("reach") is None or p.qualifier is not None)


# ", vượt chỉ tiêu được giao (93%)": the target rate, the rate above (or below) it (a rate
# per year, "11%/năm, cao hơn so với mục tiêu 5%", too; and a rate with its base named,
# "4% so với tổng số hội viên của Hội, vượt chỉ tiêu (3%)", whose base's owner may be left
# after the base is read: "của Hội, vượt …")
_RATE_TARGET_CMP = rx(
    r"^(?:\s*/\s*năm)?(?:\s*(?:(?:so\s+với\s+)?tổng\s+số|(?:[^\W\d_]+\s+){0,2}của)"
    r"(?:\s+[^\W\d_]+){0,8}?(?=\s*,))?"
    # "đạt (và vượt) chỉ tiêu đề ra là 90%": a target the rate is said to meet
    r"[\s,;(]*(?P<cmp>vượt|cao\s+hơn|thấp\s+hơn|(?P<met>(?:đạt|hoàn\s+thành)(?:\s+và\s+vượt)?))"
    r"\s+(?P<vs>so\s+với\s+)?(?:mức\s+)?"
    # "vượt KH là 9%": the plan's abbreviation
    r"(?:mục\s+tiêu|chỉ\s+tiêu|kế\s+hoạch|nghị\s+quyết|kh(?!\w))"
    r"(?:\s+(?!đạt|vượt|tăng|giảm)[^\W\d_]+){0,4}?\s*(?P<set>là|:)?\s*"
    r"(?:\(\s*(?:dưới|không\s+quá|tối\s+đa)?)?\s*$"
)


# "… đạt 45,8%, trong khi mục tiêu đề ra là 50%", "… là 39,51%, trong khi đó mục tiêu cần
# đạt vào cuối năm 2025 là 80%", "mới chỉ đạt 39,5% vẫn còn khoảng cách rất xa so với mục
# tiêu 80%": the target rate the rate is set against
_RATE_WHILE_TARGET = rx(
    r"^[\s,;]*(?:trong\s+khi(?:\s+đó)?|(?:vẫn\s+)?còn\s+(?:khoảng\s+)?cách(?:\s+rất)?(?:\s+xa)?"
    r"\s+so\s+với)\s+(?:mục\s+tiêu|chỉ\s+tiêu|kế\s+hoạch)"
    r"(?:\s+(?!tăng|giảm|vượt)[^\W_]+){0,8}?\s*(?:là|đề\s+ra|:)?\s*$"
)

# "… đạt 45%, chưa đạt chỉ tiêu đề ra là 50%": a target rate the rate falls short of
_RATE_SHORT_OF_TARGET = rx(
    r"^[\s,;]*(?:nhưng\s+|song\s+)?(?:vẫn\s+|mới\s+)?(?:chưa|không)\s+đạt(?:\s+được)?\s+"
    r"(?:mục\s+tiêu|chỉ\s+tiêu|kế\s+hoạch)(?:\s+(?!tăng|giảm|vượt)[^\W_]+){0,8}?\s*"
    r"(?:là|đề\s+ra|:)?\s*$"
)


def _short_of_target(doc: Doc, rate: Figure, p: Figure) -> bool | None:
    """Whether ``p`` is a target rate the rate is said not to reach: True when it is above
    the rate, None when the rate reaches it all the same (``đạt 45%, chưa đạt chỉ tiêu là
    40%``: the words contradict the figures; not for a rate that is good when it falls,
    ``tỷ lệ hộ nghèo``), False when ``p`` is no such target."""
    if not _RATE_SHORT_OF_TARGET.fullmatch(doc.fold[rate.end : p.span_start]):
        return False
    if p.values[0] > rate.values[0]:
        return True
    if FALLING_RATE.search(doc.fold, rate.sentence.start, rate.start):
        return False
    return None


# "(mục tiêu 70%)" right after a percentage: a bracketed target rate
_BRACKET_TARGET = rx(r"^\s*\(\s*(?:mục\s+tiêu|chỉ\s+tiêu|kế\s+hoạch|kịch\s+bản)")

# "(KBTT: 8,16%)", "(KH: 8%)": a plan named by its abbreviation in brackets
_ABBREVIATED_PLAN = re.compile(r"\s*\(\s*([A-ZĐ]{2,8})\s*:?\s*")

_PLAN_ABBREVIATIONS = frozenset({"KH", "CT", "MT", "NQ"})

ABBREVIATION_WINDOW = 3000
"""How far (characters) before its use a plan's abbreviation may be defined."""


def _abbreviated_plan(doc: Doc, start: int, end: int) -> bool:
    """Whether ``doc.text[start:end]`` opens a bracket with a plan's abbreviation.

    ``KH`` (kế hoạch) and the like, or one the text defined before in brackets after a plan
    word (``kịch bản tăng trưởng (KBTT)`` … ``(KBTT: 8,16%)``).
    """
    m = _ABBREVIATED_PLAN.fullmatch(doc.text, start, end)
    if m is None:
        return False
    if m.group(1) in _PLAN_ABBREVIATIONS:
        return True
    defined = rx(
        r"(?<!\w)(?:kịch\s+bản|kế\s+hoạch|mục\s+tiêu|chỉ\s+tiêu)[^()]{0,40}\(\s*"
        + re.escape(fold(m.group(1)))
        + r"\s*\)"
    )
    return defined.search(doc.fold, max(0, start - ABBREVIATION_WINDOW), start) is not None


_RATES_IN_BRACKETS = re.compile(r"%\s*\(\s*[^\W\d_]+[^()]{0,20}?\d[\d.,]*\s*%\s*\)")


# "tăng 6,5% (mục tiêu tăng 7%)", "tăng trưởng đạt 6,5% (kế hoạch 7%)", "tăng trưởng bình
# quân 6,5%/năm (nghị quyết đề ra 7%/năm)": a growth's target growth in brackets after it
_GROWTH_TARGET_BRACKET = rx(
    r"^(?:\s*/\s*năm)?\s*\(\s*(?:mục\s+tiêu|chỉ\s+tiêu|kế\s+hoạch|nghị\s+quyết)"
    r"(?:\s+(?!đạt|vượt|tăng|giảm)[^\W\d_]+){0,4}?"
    r"\s*(?:là|đề\s+ra|:)?\s*(?:tăng(?:\s+trưởng)?|đạt)?\s*$"
)

_GROWTH_VERB_END = rx(r"(?<!\w)tăng\s*(?:khoảng|gần|hơn|trên)?\s*$")


def _growth_target(doc: Doc, rate: Figure, between: str) -> bool:
    """Whether ``between`` opens the bracketed target growth of the growth ``rate`` (``tăng
    6,5% (mục tiêu tăng 7%)``): the rate said as a growth (``tăng`` right before it, or
    ``tăng trưởng`` or ``tốc độ tăng`` in its clause)."""
    if _GROWTH_TARGET_BRACKET.fullmatch(between) is None:
        return False
    lead = doc.fold[rate.clause : rate.start]
    if _GROWTH_VERB_END.search(lead) or K_GROWTH_RATE.search(lead):
        return True
    # "tốc độ tăng tổng sản phẩm (GRDP) ước đạt 7,85% (kế hoạch là 7,5%)": a growth's rate
    # named before it, a bracket (an abbreviation) closing the clause before at most
    start = rate.clause
    if doc.fold[max(rate.sentence.start, start - 2) : start].strip().endswith(")"):
        opened = doc.fold.rfind("(", rate.sentence.start, start)
        start = doc.clause_start(opened, rate.sentence.start) if opened >= 0 else start
    return GROWTH_SUBJECT.search(doc.fold, start, rate.start) is not None


# a rate, or a weight in a structure ("tỷ trọng khu vực dịch vụ đạt 41,5% (mục tiêu 45%)"),
# or the forest cover, a rate by its name ("độ che phủ rừng đạt 58,3%")
_RATE_OR_WEIGHT = rx(r"(?<!\w)(?:(?:tỷ|tỉ)\s+(?:lệ|suất|trọng)|độ\s+che\s+phủ)(?!\w)")


def _rate_named(doc: Doc, rate: Figure, p: Figure) -> bool:
    """Whether a rate is named as one (``tỷ lệ``, ``tỷ trọng``) in its item (from the last
    ``;`` of its sentence) or, when the target after it is in brackets ("Khối bộ, ngành đạt
    63,47% (mục tiêu 70%)"), in its sentence or the sentence before it in its paragraph."""
    sentence = rate.sentence
    item = doc.text.rfind(";", sentence.start, rate.start) + 1 or sentence.start
    if _RATE_OR_WEIGHT.search(doc.fold[item : rate.start]):
        return True
    if _growth_target(doc, rate, doc.fold[rate.span_end : p.span_start]):
        return True
    if not (
        _BRACKET_TARGET.match(doc.fold[rate.end : p.start])
        or _abbreviated_plan(doc, rate.end, p.span_start)
    ):
        return False
    i = bisect.bisect_left(doc.sentences, sentence.start, key=lambda s: s.start)
    start = sentence.start
    # the sentence before; two before when that one is a list of rates with their plans in
    # brackets too ("… ước đạt 9,2% (KBTT: 10,1%). Khu vực dịch vụ ước đạt 6,8% (KBTT: …")
    for back in (1, 2):
        before = doc.sentences[i - back] if i - back >= 0 else None
        if before is None or before.paragraph != sentence.paragraph:
            break
        start = before.start
        if not _RATES_IN_BRACKETS.search(doc.fold, before.start, before.end):
            break
    lead = doc.fold[start : rate.start]
    return bool(K_RATE.search(lead) or K_GROWTH_RATE.search(lead))


def _rate_beyond_target(doc: Doc, between: str, rate: Figure, p: Figure) -> bool:
    """Whether ``p`` is the target rate a rate is said to be above or below ("đạt 94,2%,
    vượt chỉ tiêu được giao (93%)"), the figures fitting the words; a bare ``vượt chỉ tiêu
    0,2%`` is a margin, not a target (more than half the rate is asked of a target); one said
    met (``đạt chỉ tiêu đề ra là 90%``) is at or below the rate, above half of it. A rate
    that is good when it falls beats a ceiling above it (``Tỷ lệ hộ nghèo giảm còn 2,1%,
    vượt chỉ tiêu Nghị quyết đề ra (dưới 2,5%)``)."""
    m = _RATE_TARGET_CMP.fullmatch(between)
    if m is None:
        return False
    r, t = rate.values[0], p.values[0]
    cmp = " ".join(m.group("cmp").split())
    if cmp == fold("thấp hơn"):
        return t >= r
    falling = FALLING_RATE.search(doc.fold, rate.sentence.start, rate.start) is not None
    if m.group("met"):  # a target met lies on the rate's good side of it, not far off
        return r <= t < r * 2 if falling else r / 2 < t <= r
    if cmp == fold("vượt") and falling:
        return r <= t < r * 2
    # "vượt so với Nghị quyết đề ra là 35%", "cao hơn so với mục tiêu 5%": a target compared
    # with, not a margin; "vượt chỉ tiêu kế hoạch là 0,5%" with no "so với" may be either, a
    # margin when the rate would be more than twice its target
    if m.group("vs"):
        return t <= r
    return r / 2 < t <= r


def of_a_rate_or_growth(doc: Doc, p: Figure, figs: list[Figure], drafts: list[Draft]) -> bool:
    """Whether ``p`` was read as the attainment of a rate's fall, a growth's target or a
    percentage about the rate before it (the first that reads it)."""
    return (
        _fall_against_plan(doc, p, figs, drafts)
        or _rise_then_plan(doc, p, figs, drafts)
        or growth_against(doc, p, figs)
        or _rate_against(doc, p, figs, drafts)
    )


# "tỷ lệ hộ nghèo 4,2%, giảm 3,15% so với cuối năm 2040, đạt 210% KH": a rate, its fall
# since a past time, the fall's attainment of the planned fall
_FALL_LEAD = rx(r"^\s*,\s*giảm\s*$")

_FALL_ATTAINED = rx(r"^\s*so\s+với(?:\s+(?:[^\W\d_]+|(?:19|20)\d\d)){1,5}\s*,\s*(?:đạt|bằng)\s*$")


def _rate_and_change(p: Figure, figs: list[Figure]) -> tuple[Figure, Figure, Draft] | None:
    """The two percentages right before ``p`` in its sentence when they are a rate (its
    draft naming a subject, no actual yet) and an unqualified change of it, with the rate's
    draft; None otherwise."""
    previous = [f for f in figs if f.start < p.start and f.sentence is p.sentence]
    if len(previous) < 2 or not all(f.kind == "percent" for f in previous[-2:]):
        return None
    rate, change = previous[-2], previous[-1]
    owner = rate.owner
    if owner is None or owner.subject is None or owner.actual is not None or change.qualifier:
        return None
    return rate, change, owner


def _fall_against_plan(doc: Doc, p: Figure, figs: list[Figure], drafts: list[Draft]) -> bool:
    """A percentage of a plan over 100 after a rate and its fall since a past time
    (:data:`_FALL_ATTAINED`: ``tỷ lệ hộ nghèo 4,2%, giảm 3,15% so với cuối năm 2040, đạt
    210% KH``): the fall's attainment of the planned fall (a rate to bring down cannot reach
    more than its plan by being higher), a draft of its own; whether it made one."""
    if p.percent is None or p.percent.value <= 100 or p.qualifier is not None:
        return False
    if (found := _rate_and_change(p, figs)) is None:
        return False
    rate, fall, owner = found
    if not _FALL_LEAD.match(doc.fold[rate.span_end : fall.span_start]):
        return False
    if not (
        _FALL_ATTAINED.match(doc.fold[fall.end : p.span_start])
        and K_PLAN_TAIL.match(doc.fold[p.end : p.sentence.end])
    ):
        return False
    return rate_draft(p, fall, owner, drafts)


# "tỷ lệ xã có chợ đạt 57%, tăng 8% so với năm trước và đạt 103% kế hoạch": a rate, its
# rise, then the plan's percentage (only a rise: after a fall the plan is for the fall, see
# :func:`_fall_against_plan`)
_RISE_LEAD = rx(r"^\s*,\s*tăng\s*$")

_RISE_THEN_PLAN = rx(
    r"^\s*(?:so\s+với\s+(?:cùng\s+kỳ\s+)?năm\s+(?:trước|ngoái|(?:19|20)\d\d)\s*)?"
    r"(?:,\s*)?và\s+(?:hoàn\s+thành|đạt)\s*(?:gần|khoảng|hơn|trên)?\s*$"
)


def _rise_then_plan(doc: Doc, p: Figure, figs: list[Figure], drafts: list[Draft]) -> bool:
    """A percentage of a plan after a rate named as one and its rise (:data:`_RISE_LEAD`,
    :data:`_RISE_THEN_PLAN`): the rate's attainment, a draft of its own; whether it made one."""
    if (found := _rate_and_change(p, figs)) is None:
        return False
    rate, rise, owner = found
    if not (
        _RISE_LEAD.match(doc.fold[rate.span_end : rise.span_start])
        and _RISE_THEN_PLAN.match(doc.fold[rise.end : p.span_start])
        and K_PLAN_TAIL.match(doc.fold[p.end : p.sentence.end])
        and _rate_named(doc, rate, p)
    ):
        return False
    return rate_draft(p, rate, owner, drafts)


def _rate_against(doc: Doc, p: Figure, figs: list[Figure], drafts: list[Draft]) -> bool:
    """A percentage about the rate stated just before it ("tỷ lệ … đạt 100% (mục tiêu đại
    hội là 90%)", "tỷ lệ … đạt 95%, bằng 172,73% so với Nghị quyết"): the rate becomes the
    actual of a statement (``measure`` ``%``) with the target or the attainment; whether it
    did."""
    previous = [f for f in figs if f.start < p.start]
    if not previous or previous[-1].kind != "percent":
        return False
    rate = previous[-1]
    margin = len(previous) > 1 and _gap_before(doc, previous[-2], rate, p)
    if margin:
        rate = previous[-2]  # "còn 2,5%, thấp hơn 1,5% so với mục tiêu 4%"
    owner = rate.owner
    if owner is None or owner.subject is None or owner.actual is not None:
        return False
    sentence = p.sentence
    # "đạt 11,2%, cao hơn … là 0,7% (mục tiêu 11,2%)": the bracket named after the gap
    named = _rate_named(doc, rate, p) or (margin and _rate_named(doc, previous[-1], p))
    if rate.sentence is not sentence:
        return False
    if not named:
        return not margin and (
            growth_rate_attains(doc, rate, p, drafts)
            or population_rate_attains(doc, rate, p, drafts)
        )
    # "Tỷ lệ bao phủ … đạt 94,5% dân số, đạt 100,5% chỉ tiêu giao": a rate of the population
    # named after it, its attainment after that
    after = max(rate.span_end, owner.subject[1]) if owner.rate_of else rate.span_end
    between = doc.fold[after : p.span_start]
    short = _short_of_target(doc, rate, p)
    resolution = _resolution_target(between, p)
    if (p.qualifier is None or resolution) and (
        margin
        or resolution
        or rate_target_lead(doc, between, rate)
        or _growth_target(doc, rate, between)
        or _abbreviated_plan(doc, after, p.span_start)
        or _RATE_WHILE_TARGET.fullmatch(doc.fold[rate.end : p.span_start])
        or short is not False
        or _rate_beyond_target(doc, between, rate, p)
    ):
        d = owner
        d.actual_fig, d.actual, d.percent_fig = rate, rate.value, None
        d.target_fig, d.target = p, p.value
        d.contradicted = short is None
        p.owner = d
    elif share_of_count(doc, rate, previous):
        return False
    elif (
        RATE_ATTAINMENT_LEAD.fullmatch(between)
        and K_PLAN_TAIL.match(doc.fold[p.end : sentence.end])
        and (levels := levels_of(doc, rate, previous))
    ):
        return level_attains(doc, rate, p, levels)
    elif RATE_ATTAINMENT_LEAD.fullmatch(between) and K_PLAN_TAIL.match(
        doc.fold[p.end : sentence.end]
    ):
        return rate_draft(p, rate, owner, drafts)
    else:
        return False
    rate.measure = p.measure = "%"
    return True


# "… còn 2,5%, thấp hơn 1,5% so với mục tiêu 4% …": a rate, the margin, the target
_GAP_LEAD = rx(r"^(?:\s*/\s*năm)?\s*,\s*(?:cao|thấp)\s+hơn\s*$")

_GAP_PLAN = rx(
    r"^\s*so\s+với\s+(?:mức\s+)?(?:mục\s+tiêu|chỉ\s+tiêu|kế\s+hoạch|nghị\s+quyết)"
    r"(?:\s+(?!đạt|vượt|tăng|giảm)[^\W\d_]+){0,4}?\s*(?:là|:)?\s*$"
)


# "đạt 11,2%, cao hơn mức tăng trưởng của giai đoạn 2031-2035 là 0,7% (mục tiêu 11,2%)": the
# gap to a past period's rate, its words naming no plan
_PAST_GAP_LEAD = rx(
    r"^\s*,\s*(?:cao|thấp)\s+hơn\s+(?:so\s+với\s+)?(?:mức\s+|tốc\s+độ\s+)?"
    r"(?:(?!kế\s+hoạch|mục\s+tiêu|chỉ\s+tiêu|nghị\s+quyết|dự\s+toán)[^\W\d_]+\s+){0,5}"
    r"(?:giai\s+đoạn|năm|nhiệm\s+kỳ|cùng\s+kỳ)[\s\d\-–/]*(?:là\s*)?$"
)


def _gap_before(doc: Doc, rate: Figure, gap: Figure, p: Figure) -> bool:
    """Whether ``gap`` is a gap said after ``rate``: to the target ``p`` (see
    :func:`_margin_between`) or to a past period's rate (:data:`_PAST_GAP_LEAD`), its
    bracket of a target then the rate's."""
    if _margin_between(doc, rate, gap, p):
        return True
    return (
        rate.kind == "percent"
        and rate.sentence is p.sentence
        and gap.qualifier is None
        and _PAST_GAP_LEAD.match(doc.fold[rate.span_end : gap.span_start]) is not None
        and _BRACKET_TARGET.match(doc.fold[gap.end : p.start]) is not None
    )


def _margin_between(doc: Doc, rate: Figure, margin: Figure, p: Figure) -> bool:
    """Whether ``margin`` is the gap between ``rate`` and the target ``p`` said with it
    (``còn 2,5%, thấp hơn 1,5% so với mục tiêu 4%``), the figures agreeing: the rate is
    above (``cao hơn``) or below (``thấp hơn``) the target by the margin, to its rounding."""
    if rate.kind != "percent" or rate.sentence is not p.sentence or margin.qualifier:
        return False
    lead = _GAP_LEAD.match(doc.fold[rate.span_end : margin.span_start])
    if lead is None or not _GAP_PLAN.match(doc.fold[margin.end : p.span_start]):
        return False
    r, m, t = rate.values[0], margin.values[0], p.values[0]
    gap = r - t if fold("cao") in lead.group() else t - r
    return abs(gap - m) <= Decimal("0.05") + m / 100
