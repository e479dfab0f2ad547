"""The figures a percentage passes over to reach the result it is of, for
:mod:`kpitools.extract.percentages`: parts in a bracket right after the result (``đạt 3.000
lượt (trong đó: …) bằng 30% kế hoạch``), parts listed after ``trong đó`` (bare counts, kinds
of the whole named in a word or two, or parts that add up to the whole; parts that add up to
more than the whole leave the percentage to the whole when a round plan says so, else to
neither), and a count said with an amount of money (``cho vay 90 tỷ đồng với 300 khách hàng,
đạt 50% kế hoạch``); and a count's share said with a bare ``tỷ lệ`` (``có 4.100 hộ, tỷ lệ
12,5%, đạt 98% chỉ tiêu``), no rate of a plan; the level a growth rate's plan is of
(``Tổng dư nợ đạt 1.250 tỷ đồng, …, tỷ lệ tăng trưởng 10,6%, hoàn thành 100% kế hoạch``);
and the attainment of a growth rate named by its speed (``Tốc độ tăng … đạt 9,6% (đạt
104,3% Nghị quyết)``), the rate its actual. And the parts listed after a total that are another
total's (:data:`PARTS_APART`), and the totals a list after ``trong đó`` may divide
(:func:`in_reach`), for the part checks of :mod:`kpitools.extract.records`.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from decimal import Decimal

from kpitools.extract.figures import K_GROWTH_TAIL, K_PLAN_TAIL, Draft, Figure
from kpitools.extract.text import NAMED_YEAR, Doc, Sentence
from kpitools.numbers import Percent, check_percent
from kpitools.textfold import rx

ROUND_PLAN = 10
"""A plan derived from a count and its percentage is round when a multiple of this."""

# the most parts read in one bracket after a result ("(trong đó: khách quốc tế …, khách
# nội địa …)")
_BRACKET_PARTS = 4


def past_bracketed_part(doc: Doc, previous: list[Figure], p: Figure) -> list[Figure]:
    """``previous`` without its last figures when they are parts in one bracket right after
    the result before them, the bracket closed before ``p`` ("đạt 121.190 người (40.938 lao
    động nữ), bằng 93,2% kế hoạch", "đạt 3.000 lượt khách (trong đó: khách quốc tế 250
    lượt, khách nội địa 2.750 lượt) bằng 30% kế hoạch": the percentage is the result's)."""
    if len(previous) < 2:
        return previous
    text, f = doc.text, previous[-1]
    opened = text.rfind("(", p.sentence.start, f.start)
    inside = [h for h in previous if h.start > opened]
    if opened == -1 or len(inside) == len(previous) or len(inside) > _BRACKET_PARTS:
        return previous
    g = previous[-len(inside) - 1]
    if not g.sentence is f.sentence is p.sentence or text.find(")", opened, f.start) != -1:
        return previous
    if text.find(")", f.end, p.start) == -1 or text.find("(", f.end, p.start) != -1:
        return previous
    owner = g.owner
    if owner is None or owner.actual_fig is not g or owner.percent_fig is not None:
        return previous
    between = text[g.span_end : opened]
    if g.kind != "count" or (
        any(c in between for c in ",;:") and not _comma_then_part(doc, between, opened)
    ):
        return previous
    return previous[: -len(inside)]


# ", trong đó (có) 120 nữ, đạt 105% kế hoạch": parts listed after a whole, no bracket
_LISTED_PART = rx(r"[,;]\s*(?:trong\s+(?:số\s+)?đó|(?:bao\s+)?gồm)(?!\w)\s*[,:]?\s*")
# the part's figure right after the marker, with no verb of its own ("có 120 nữ")
_BARE_PART = rx(r"(?:có\s+)?(?:(?:khoảng|gần|hơn|trên)\s+)?$")
# the next bare part of the list ("… 20 nữ và 9 người dân tộc"): the words of the part before
# it, then a comma or "và"
_NEXT_PART = rx(r"(?:\s*[^\W\d_]+){0,4}\s*(?:,|và)\s*(?:có\s+)?(?:(?:khoảng|gần|hơn|trên)\s+)?$")


# "cho vay 90 tỷ đồng với 300 khách hàng, đạt 50% kế hoạch" (a comma before "với" or not): a
# count said with the result ("với"), right after it in its clause
_WITH_COUNT = rx(r"^\s*,?\s*với\s+(?:(?:khoảng|gần|hơn|trên)\s+)?$")


def past_accompanying_count(doc: Doc, previous: list[Figure], p: Figure) -> list[Figure]:
    """``previous`` past a count said with an amount of money before it (:data:`_WITH_COUNT`):
    the percentage of a plan after ``cho vay 90 tỷ đồng với 300 khách hàng`` is the
    amount's, when it has none of its own and no break stands between them."""
    if len(previous) < 2 or not K_PLAN_TAIL.match(doc.fold[p.end : p.sentence.end]):
        return previous
    f, g = previous[-1], previous[-2]
    if f.kind != "count" or f.measure is not None or g.measure in (None, "%"):
        return previous  # two counts ("12 hợp tác xã với 800 thành viên"): which, unsaid
    if g.sentence is not p.sentence:
        return previous
    owner = g.owner
    if owner is None or owner.actual_fig is not g or owner.percent_fig is not None:
        return previous
    if not _WITH_COUNT.match(doc.fold[g.span_end : f.qual_start or f.start]):
        return previous
    return previous[:-1]


# the last part ended by a comma before the percentage: with none ("… và 700 ha rừng sản
# xuất đạt 110% kế hoạch") the percentage is that part's, after its own verb
_PART_ENDED = re.compile(r"[^,;()]*[,;]")


def _counts_alike(whole: Figure, inside: list[Figure]) -> bool:
    """Whether the whole and its parts are all counts of things, or all amounts of money two
    or more of which add up to the whole (``500 tỷ đồng, gồm 300 tỷ đồng … và 200 tỷ đồng
    …``; one amount after ``gồm`` may be a part with a plan of its own)."""
    figs = (whole, *inside)
    if any(h.kind != "count" or h.measure == "%" for h in figs):
        return False
    if all(h.measure is None for h in figs):
        return True
    if len(inside) < 2 or any(h.measure is None or h.qualifier for h in figs):
        return False
    values = [h.value for h in figs]
    if not all(isinstance(v, Decimal) for v in values):
        return False
    return sum(values[1:], Decimal(0)) == values[0]


def past_listed_part(doc: Doc, previous: list[Figure], p: Figure) -> list[Figure]:
    """``previous`` past the parts listed after the whole before them.

    ``tuyển mới 460 người, trong đó có 120 nữ, đạt 105% kế hoạch``: the percentage ``p`` of
    a plan after parts listed in the whole's sentence (``trong đó``, no bracket) is the
    whole's when the parts are bare counts (``có 120 nữ``, no verb of their own, no
    percentage nor amount of money among them) and the whole, a count, has no percentage of
    its own.
    """
    tail = doc.fold[p.end : p.sentence.end]
    if len(previous) < 2 or not (K_PLAN_TAIL.match(tail) or K_GROWTH_TAIL.match(tail)):
        return previous
    marker = None
    for found in _LISTED_PART.finditer(doc.fold, p.sentence.start, p.start):
        marker = found  # the last
    if marker is None or "(" in doc.fold[marker.start() : p.start]:
        return previous
    inside = [h for h in previous if h.start > marker.start()]
    # a growth already taken by the whole after its parts (see _exhaustive_parts)
    taken = [h for h in inside if h.kind == "percent"]
    inside = [h for h in inside if h.kind != "percent"]
    if not inside or len(inside) + len(taken) == len(previous) or len(inside) > _BRACKET_PARTS:
        return previous
    g = previous[-len(inside) - len(taken) - 1]
    owner = g.owner
    if (
        g.sentence is not p.sentence
        or not _counts_alike(g, inside)
        or not _PART_ENDED.match(doc.fold, inside[-1].span_end, p.start)
        or owner is None
        or owner.actual_fig is not g
        or any(c in doc.fold[g.span_end : marker.start()] for c in ",;:()")
    ):
        return previous
    if _exhaustive_parts(doc, g, marker.end(), inside) and all(h.owner is owner for h in taken):
        return [*previous[: -len(inside) - len(taken)], *taken]
    if taken or owner.percent_fig is not None or not K_PLAN_TAIL.match(tail):
        return previous
    if _parts_over_whole(doc, g, inside):
        fits = _gives_round_plan(doc, p, g) and not _gives_round_plan(doc, p, inside[-1])
        return previous[: -len(inside)] if fits else []
    if _bare_parts(doc, marker.end(), inside) or _named_parts(doc, g, marker.end(), inside):
        return previous[: -len(inside)]
    return previous


# between two parts of a list: the words after the first, a comma or "và", the next's name
_LISTED_NEXT = rx(r"(?:\s*[^\W\d_]+){0,6}\s*(?:,|và)(?:\s*[^\W\d_]+){0,4}\s*$")
_LISTED_FIRST = rx(r"(?:\s*[^\W\d_]+){0,4}\s*$")
# parts that add up to the whole: a hundredth below it (parts rounded) to a thousandth above
_SHORT_OF_WHOLE = Decimal("0.99")
_OVER_WHOLE = Decimal("1.001")


def _exhaustive_parts(doc: Doc, whole: Figure, opened: int, inside: list[Figure]) -> bool:
    """Whether the parts listed from ``opened`` add up to the whole before them (``đón 1.250
    lượt, trong đó khách nội địa là 1.200 lượt, khách quốc tế 50 lượt, tăng 9%, đạt 60%
    kế hoạch``): two or more counts of the whole's noun, named by a few words each, whose sum
    is the whole within a hundredth (below it) or a thousandth (above it); the percentages
    after the last part are then the whole's, as after a bracket of parts."""
    noun = _noun_of(doc, whole)
    if len(inside) < 2 or noun is None or any(_noun_of(doc, h) not in (noun, None) for h in inside):
        return False
    if not _LISTED_FIRST.fullmatch(doc.fold, opened, inside[0].span_start):
        return False
    pairs = itertools.pairwise(inside)
    if not all(_LISTED_NEXT.fullmatch(doc.fold, h.end, k.span_start) for h, k in pairs):
        return False
    total, parts = whole.value, [h.value for h in inside]
    if any(h.qualifier for h in inside) or not isinstance(total, Decimal):
        return False
    summed = sum((v for v in parts if isinstance(v, Decimal)), Decimal(0))
    return total * _SHORT_OF_WHOLE <= summed <= total * _OVER_WHOLE


def _parts_over_whole(doc: Doc, whole: Figure, inside: list[Figure]) -> bool:
    """Whether the parts listed after the whole, two or more counts of its own noun, add up to
    more than it (``64 buổi, trong đó … 11 buổi, lưu động 5 buổi và 50 buổi trực tuyến``):
    no breakdown of it as written, so the percentage after the last part may be either's."""
    noun = _noun_of(doc, whole)
    if len(inside) < 2 or noun is None or any(_noun_of(doc, h) != noun for h in inside):
        return False
    total, parts = whole.value, [h.value for h in inside]
    if any(h.qualifier for h in (whole, *inside)) or not isinstance(total, Decimal):
        return False
    summed = sum((v for v in parts if isinstance(v, Decimal)), Decimal(0))
    return summed > total * _OVER_WHOLE


# "…, vượt 28% kế hoạch": an excess, whose plan a round-plan test would read as 100 + P
_EXCESS_BEFORE = rx(r"(?<!\w)vượt(?:\s+(?:khoảng|gần|hơn|trên))?\s*$")


def _gives_round_plan(doc: Doc, p: Figure, count: Figure) -> bool:
    """Whether a round plan (:data:`ROUND_PLAN`) gives the count ``count`` the attainment
    ``p`` as written (``64 buổi``, ``đạt 128%``: a plan of 50); never for an excess."""
    low = max(0, p.span_start - 30)
    if p.percent is None or _EXCESS_BEFORE.search(doc.fold, low, p.span_start):
        return False
    return round_plan_fits(p.percent, count.value)


def round_plan_fits(p: Percent, count: object) -> bool:
    """Whether a round plan (a multiple of :data:`ROUND_PLAN`) gives ``count`` the
    percentage ``p`` as written.

    >>> from kpitools.numbers import parse_percent
    >>> round_plan_fits(parse_percent("128%"), Decimal(64)), round_plan_fits(
    ...     parse_percent("128%"), Decimal(50))
    (True, False)
    """
    if p.value <= 0 or not isinstance(count, Decimal) or count <= 0:
        return False
    plan = (100 * count / p.value / ROUND_PLAN).to_integral_value() * ROUND_PLAN
    return plan > 0 and bool(check_percent(p, count, plan).consistent)


def _bare_parts(doc: Doc, opened: int, inside: list[Figure]) -> bool:
    """Whether the parts listed from ``opened`` are bare counts (``có 120 nữ và 9 người dân
    tộc``): no words before the first, a few words and a comma or ``và`` between them."""
    if not _BARE_PART.fullmatch(doc.fold, opened, inside[0].qual_start or inside[0].start):
        return False
    pairs = itertools.pairwise(inside)
    return all(
        _NEXT_PART.fullmatch(doc.fold, h.span_end, k.qual_start or k.start) for h, k in pairs
    )


# a part named by one or two words before its count ("trong đó tập trung 8 lớp, lưu động 3
# lớp"): the name, with no figure nor punctuation
_PART_NAME = rx(r"(?:\s*[^\W\d_]+){0,2}\s*$")
# between two named parts: the words after the first (its noun), a comma or "và", the name of
# the next
_NAMED_NEXT = rx(r"(?:\s*[^\W\d_]+){1,4}\s*(?:,|và)(?:\s*[^\W\d_]+){0,2}\s*$")


def _noun_of(doc: Doc, f: Figure) -> str | None:
    """The first word of the noun written after the count ``f``, if any."""
    if f.noun_start is None or f.noun_end is None:
        return None
    words = doc.fold[f.noun_start : f.noun_end].split()
    return words[0] if words else None


def _named_parts(doc: Doc, whole: Figure, opened: int, inside: list[Figure]) -> bool:
    """Whether the parts listed from ``opened`` are two or more counts of the whole's own noun,
    each named by at most two words (``40 lớp, trong đó tập trung 8 lớp, lưu động 3 lớp và
    29 lớp trực tuyến, đạt 110% kế hoạch``): kinds of the whole, whose plan the percentage
    after them is of."""
    noun = _noun_of(doc, whole)
    if len(inside) < 2 or noun is None or any(_noun_of(doc, h) != noun for h in inside):
        return False
    if not _PART_NAME.fullmatch(doc.fold, opened, inside[0].qual_start or inside[0].start):
        return False
    pairs = itertools.pairwise(inside)
    return all(_NAMED_NEXT.fullmatch(doc.fold, h.end, k.qual_start or k.start) for h, k in pairs)


# "… 520 đơn vị máu, (trong đó 60 đơn vị tiểu cầu), đạt 104% kế hoạch": a part marker opening the
# bracket after a comma
_PART_BRACKET = rx(r"\(\s*(?:trong\s+đó|bao\s+gồm|gồm)(?!\w)")


def _comma_then_part(doc: Doc, between: str, opened: int) -> bool:
    """Whether only a comma stands before the bracket at ``opened``, which a part marker
    opens (``520 đơn vị máu, (trong đó 60 …)``): the bracket's figures are still parts."""
    return between.strip() == "," and _PART_BRACKET.match(doc.fold, opened) is not None


# "có trên 4.100 hộ, tỷ lệ 12,5%, đạt 98% chỉ tiêu": a bare "tỷ lệ" opening the clause
# after a count with its noun, the count's share of its population
_BARE_RATE_LEAD = rx(r"^\s*(?:tỷ|tỉ)\s+lệ\s*$")
_COUNTED_CLAUSE_END = rx(r"^\s+[^\W\d_]+(?:\s+[^\W\d_]+)?\s*,\s*$")


def share_of_count(doc: Doc, rate: Figure, previous: list[Figure]) -> bool:
    """Whether ``rate`` is said with a bare ``tỷ lệ`` right after a count and its noun
    (:data:`_BARE_RATE_LEAD`): the count's share, so an attainment after it is not the
    rate's."""
    before = [f for f in previous if f.end <= rate.start and f.sentence is rate.sentence]
    if not before or not _BARE_RATE_LEAD.match(doc.fold[rate.clause : rate.start]):
        return False
    count = before[-1]
    return count.kind == "count" and bool(
        _COUNTED_CLAUSE_END.match(doc.fold[count.end : rate.clause])
    )


# "Tăng trưởng GRDP … ước đạt 6,9% (kịch bản tăng trưởng: 7,87%)": a growth rate is a rate
K_GROWTH_RATE = rx(r"(?<!\w)tăng\s+trưởng(?!\w)")


def _growth_of_level(doc: Doc, rate: Figure, previous: list[Figure]) -> bool:
    """Whether ``rate`` is the growth rate of a level stated before it in its sentence
    (``Tổng dư nợ đạt 1.250 tỷ đồng, …, tỷ lệ tăng trưởng 10,6%, hoàn thành 100% kế
    hoạch``): the plan after it is the level's, not the rate's."""
    if not K_GROWTH_RATE.search(doc.fold, rate.clause, rate.start):
        return False
    return any(f.kind != "percent" and f.sentence is rate.sentence and f.measure for f in previous)


def level_attains(doc: Doc, rate: Figure, p: Figure, previous: list[Figure]) -> bool:
    """Whether the percentage ``p`` of a plan after the growth ``rate`` of a level was given to
    the level.

    The level is the first amount of the sentence (:func:`_growth_of_level`), when its
    statement has no percentage or target yet.
    """
    levels = [
        f for f in previous if f.kind != "percent" and f.sentence is rate.sentence and f.measure
    ]
    level = _level_named(doc, p, levels) or levels[0]
    d = level.owner
    if d is None or d.actual_fig is not level or d.percent_fig is not None or d.target is not None:
        return False
    d.percent_fig, p.owner = p, d
    return True


# "đạt 72,4 triệu USD, chiếm tỷ trọng 31,6%, đạt 58,2% kế hoạch": a share of the amount
# right before it, in a clause of its own; the plan after the share is the amount's
_WEIGHT_LEAD = rx(r"^\s*chiếm(?:\s+(?:tỷ|tỉ)\s+(?:trọng|lệ))?(?:\s+(?:khoảng|gần|hơn|trên))?\s*$")
_AMOUNT_CLAUSE_END = rx(r"^(?:\s+[^\W\d_]+){0,2}\s*,\s*$")


def _weighed_level(doc: Doc, rate: Figure, previous: list[Figure]) -> list[Figure]:
    """The amount ``rate`` is the share of (``… 72,4 triệu USD, chiếm tỷ trọng 31,6%``): the
    figure right before it in its sentence, a clause before it; none when the rate is
    named otherwise (``tỷ lệ giải ngân chiếm 31,6%``)."""
    if not _WEIGHT_LEAD.match(doc.fold[rate.clause : rate.start]):
        return []
    before = [f for f in previous if f.end <= rate.start and f.sentence is rate.sentence]
    if not before or before[-1].kind == "percent" or not before[-1].measure:
        return []
    level = before[-1]
    return [level] if _AMOUNT_CLAUSE_END.match(doc.fold[level.end : rate.clause]) else []


def levels_of(doc: Doc, rate: Figure, previous: list[Figure]) -> list[Figure]:
    """The figures a plan after ``rate`` may be of, not the rate: the amount it is the
    share of (:func:`_weighed_level`), or those before the growth rate of a level
    (:func:`_growth_of_level`); none when it is neither."""
    weighed = _weighed_level(doc, rate, previous)
    return weighed or (previous if _growth_of_level(doc, rate, previous) else [])


_PLAN_OF_NOUN = rx(r"\s*(?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu)\s+([^\W\d_]+\s+[^\W\d_]+)")


def _level_named(doc: Doc, p: Figure, levels: list[Figure]) -> Figure | None:
    """The level whose item (from the last ``;`` before it) names the measure the plan of
    ``p`` is named by (``…; tổng dư nợ 2.100 tỷ đồng, …; tỷ lệ tăng trưởng 7%, hoàn thành
    98% kế hoạch dư nợ``: the debt, not the lending of the first item), if any."""
    m = _PLAN_OF_NOUN.match(doc.fold, p.end)
    if m is None:
        return None
    for f in levels:
        item = doc.fold.rfind(";", f.sentence.start, f.start) + 1 or f.sentence.start
        if m.group(1) in doc.fold[item : f.start]:
            return f
    return None


# ", bằng 172,73% so với Nghị quyết": the attainment of the rate before it
RATE_ATTAINMENT_LEAD = rx(r"^[\s,(]*(?:đạt|bằng|hoàn\s+thành|tương\s+đương)\s*$")


# "Tốc độ tăng giá trị sản xuất đạt 9,6%": a growth rate named by its speed
_SPEED_OF_GROWTH = rx(r"(?<!\w)tốc\s+độ\s+tăng(?!\w)")


def growth_rate_attains(doc: Doc, rate: Figure, p: Figure, drafts: list[Draft]) -> bool:
    """A plan's attainment said right after a growth rate named by its speed (``Tốc độ tăng
    giá trị sản xuất bình quân đạt 9,6% (đạt 104,3% Nghị quyết)``, ``tốc độ tăng trưởng là
    9,6%, đạt 100,4% kế hoạch``): the rate is the actual of the attainment; whether it is.
    A growth said of an amount (``doanh thu tăng 9,6%, đạt 104% kế hoạch``) is not."""
    owner, item = rate.owner, doc.text.rfind(";", rate.sentence.start, rate.start) + 1
    if owner is None or owner.actual is not None:
        return False
    speeds = list(_SPEED_OF_GROWTH.finditer(doc.fold, item or rate.sentence.start, rate.start))
    speed = speeds[-1] if speeds else None
    # "Tốc độ tăng trưởng đạt 8%, thu ngân sách tăng 9,6%, đạt 104% kế hoạch": another figure
    # between the speed and the rate, the rate is that other subject's growth
    if speed is None or "%" in doc.fold[speed.end() : rate.start]:
        return False
    if not (
        RATE_ATTAINMENT_LEAD.fullmatch(doc.fold[rate.span_end : p.span_start])
        and K_PLAN_TAIL.match(doc.fold[p.end : p.sentence.end])
    ):
        return False
    # "Tốc độ tăng trưởng doanh thu đạt 13,5%, hoàn thành 102% kế hoạch doanh thu": the plan
    # named is of the measure whose growth the rate is, an amount's, not the rate's
    if _plan_of_the_measure(doc, p, speed.end(), rate.start):
        return False
    return rate_draft(p, rate, owner, drafts)


# "kế hoạch kinh tế - xã hội", "chỉ tiêu kinh tế đề ra": the plan of the economy, no measure
_ECONOMY = rx(r"kinh\s+tế")


def _plan_of_the_measure(doc: Doc, p: Figure, start: int, end: int) -> bool:
    """Whether the plan named after ``p`` (:data:`_PLAN_OF_NOUN`) names a measure written as
    whole words in ``doc.fold[start:end]`` (``doanh thu``); the economy (:data:`_ECONOMY`,
    ``tăng trưởng kinh tế … đạt 102% kế hoạch kinh tế - xã hội``) is no measure."""
    plan = _PLAN_OF_NOUN.match(doc.fold, p.end)
    if plan is None or _ECONOMY.fullmatch(plan.group(1)):
        return False
    words = r"\s+".join(map(re.escape, plan.group(1).split()))
    return re.search(rf"(?<!\w){words}(?!\w)", doc.fold[start:end]) is not None


# "92% hộ gia đình đạt danh hiệu gia đình văn hóa, đạt 105% chỉ tiêu huyện giao": the words
# of the population after the rate, then the attainment (no figure between)
_POPULATION_THEN_ATTAINED = rx(
    r"^[^\W\d_]+(?:[ \u201c\u201d\"'-]+[^\W\d_]+){0,20}[\s\u201d\"']*,\s*đạt\s*$"
)
# a figure (a year named aside) or "chiếm" before the rate in its item: a share of another
_FIGURE_BEFORE_RATE = rx(r"\d|(?<!\w)chiếm(?!\w)")
# "đạt 105% chỉ tiêu huyện giao", "… kế hoạch đề ra": a plan someone set for the rate (a bare
# "đạt 101% kế hoạch" after an unnamed share stays unread: round 3); between the plan and
# "giao" only who set it and its year ("kế hoạch vốn huyện giao" is another measure's plan)
_PLAN_ASSIGNED_TAIL = rx(
    r"^\s*(?:so\s+với\s+)?(?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu|nghị\s+quyết)"
    r"(?:\s+(?:năm\s+(?:19|20)\d\d|cấp\s+trên|trung\s+ương|tỉnh|thành\s+phố|huyện|quận|thị\s+xã"
    r"|xã|phường|thị\s+trấn|hđnd|ubnd|đảng\s+ủy|(?:tỉnh|thành|huyện|quận|thị)\s+ủy|đảng\s+bộ"
    # "chỉ tiêu Nghị quyết đề ra", "… năm 2041 của huyện giao", "… Sở Y tế giao"
    r"|nghị\s+quyết|đại\s+hội|của|do|sở(?:\s+(?!giao|đề)[^\W\d_]+){1,3}?)(?!\w)){0,4}?"
    r"\s+(?:được\s+|đã\s+)?(?:giao|đề\s+ra)(?!\w)"
)
# a rate that is good when it falls: short of its target when above it
FALLING_RATE = rx(
    r"(?<!\w)(?:còn|giảm|nghèo|thất\s+nghiệp|suy\s+dinh\s+dưỡng|nợ\s+xấu|tử\s+vong|tai\s+nạn"
    r"|lạm\s+phát|sinh\s+con|bỏ\s+học|ô\s+nhiễm|tái\s+nghèo)(?!\w)"
)
# "không còn nhà tạm", "thoát nghèo": words of a falling rate turned into a rising one
_RISING_TURNED = rx(r"(?<!\w)(?:không\s+còn|thoát\s+nghèo)(?!\w)")
_YEAR_NAMED = rx(r"(?<!\w)năm\s+(?:19|20)\d\d(?!\d)")


def population_rate_attains(doc: Doc, rate: Figure, p: Figure, drafts: list[Draft]) -> bool:
    """A plan's attainment said after a rate of the population named right after it
    (``có 92% hộ gia đình đạt danh hiệu gia đình văn hóa, đạt 105% chỉ tiêu huyện giao``): the
    rate is the actual, the plan's rate the target the attainment gives (at most 100); whether
    it is."""
    owner = rate.owner
    if owner is None or not owner.rate_of or owner.actual is not None or p.qualifier:
        return False
    if rate.percent is None or p.percent is None or p.percent.value <= 0:
        return False
    if rate.percent.value > p.percent.value:  # the target rate would be above 100 %
        return False
    # "có 5.000 người tham gia, chiếm 22% lao động …, đạt 101% kế hoạch": the rate is a share
    # of the count before it, whose attainment the percentage may be
    item = doc.fold.rfind(";", rate.sentence.start, rate.start) + 1 or rate.sentence.start
    if _FIGURE_BEFORE_RATE.search(_YEAR_NAMED.sub(" ", doc.fold[item : rate.start])):
        return False
    # "còn 3% hộ nghèo, đạt 120% chỉ tiêu": a rate good when it falls attains its plan when
    # below it, so the plan's rate is not the rate over the attainment
    if FALLING_RATE.search(_RISING_TURNED.sub(" ", doc.fold[item : p.span_start])):
        return False
    if not (
        _POPULATION_THEN_ATTAINED.match(doc.fold[rate.span_end : p.span_start].strip())
        and _PLAN_ASSIGNED_TAIL.match(doc.fold[p.end : p.sentence.end])
    ):
        return False
    return rate_draft(p, rate, owner, drafts)


def rate_draft(p: Figure, actual: Figure, owner: Draft, drafts: list[Draft]) -> bool:
    """A draft of the rate ``actual`` (of ``owner``'s subject) with the percentage ``p``
    about it, added to ``drafts``; True."""
    d = Draft(p.sentence, actual_fig=actual, actual=actual.value, percent_fig=p)
    d.subject = owner.subject
    p.owner = d
    drafts.append(d)
    actual.measure = p.measure = "%"
    return True


# "đạt 96% (mục tiêu nhiệm kỳ là 85%)", ", chỉ tiêu 85%": the target of the rate before it
_RATE_TARGET_LEAD = rx(
    r"^[\s,;(/]*(?:so\s+(?:với\s+)?)?(?:mục\s+tiêu|chỉ\s+tiêu|kế\s+hoạch"
    r"|kịch\s+bản(?:\s+tăng\s+trưởng)?(?:\s*\(\s*[^\W\d_]+\s*\))?)"
    # "(chỉ tiêu năm 2041 đề ra là 90%)": the year of the target named (see rate_target_lead)
    r"(?:\s+(?:(?!đạt|vượt|tăng|giảm)[^\W\d_]+|(?P<year>(?:19|20)\d\d)(?!\d))){0,4}?"
    r"\s*(?:là|đề\s+ra|:)?\s*$"
)
_UNTIL = rx(r"(?<!\w)(?:đến|tới)(?!\w)")
# a growth, or a period shorter than the year, before the rate
_GROWTH_OR_PART_OF_YEAR = rx(
    r"(?<!\w)(?:tăng\s+trưởng|tăng|giảm|tháng|quý|tuần|lũy\s+kế|từ\s+đầu\s+năm)(?!\w)"
)


def rate_target_lead(doc: Doc, between: str, rate: Figure) -> bool:
    """Whether the words between ``rate`` and the percentage after it name that percentage
    the rate's target (:data:`_RATE_TARGET_LEAD`); a target of a year named
    (``tỷ lệ … đạt 83% (chỉ tiêu năm 2041 đề ra là 90%)``) only for a level over a whole
    year: a growth, or a rate of some months, against the year's target is no statement."""
    m = _RATE_TARGET_LEAD.fullmatch(between)
    if m is None or m.group("year") is None:
        return m is not None
    # "(mục tiêu đến năm 2045 là 90%)", "(chỉ tiêu năm 2040 …)": a target of another year
    own = [y.group(1) for y in NAMED_YEAR.finditer(doc.fold, rate.sentence.start, rate.start)]
    # "Tỷ lệ … đạt 86% (chỉ tiêu năm 2041 …)": a rate naming no year of its own keeps it
    if own[-1:] not in ([], [m.group("year")]) or _UNTIL.search(between, 0, m.start("year")):
        return False
    return not _GROWTH_OR_PART_OF_YEAR.search(doc.fold, rate.sentence.start, rate.start)


PARTS_APART = 10
"""How many times a total every part of a list may be before the list is taken for another
total's parts, when one of them is written with decimals (no decimal comma printed as a dot):
``sản xuất 16,8 triệu kWh. Trong đó, điện thương phẩm 1.050,5 triệu kWh``."""


def could_divide(doc: Doc, total: Draft, parts: list[Draft]) -> list[Draft]:
    """``parts``, or none when they are another total's (see :data:`PARTS_APART`)."""
    whole = total.actual
    if not isinstance(whole, Decimal) or whole <= 0:
        return parts
    far = [d for d in parts if isinstance(d.actual, Decimal) and d.actual > whole * PARTS_APART]
    decimals = any(
        d.actual_fig and "," in doc.text[d.actual_fig.start : d.actual_fig.end] for d in far
    )
    return [] if decimals and len(far) == len(parts) else parts


def figures_before(doc: Doc, sentences: dict[int, Sentence], sentence: Sentence) -> bool:
    """Whether the sentence right before ``sentence`` states a figure (a draft's actual).

    A sentence opening with ``Trong đó,`` divides what the sentence before it names: after a
    sentence with no figure (``Trong tổng vốn năm 2025, phần lớn … . Trong đó, …``) its
    parts are of that sentence's noun, not of a figure further back.
    """
    return _start_before(doc, sentence) in sentences


def _start_before(doc: Doc, sentence: Sentence) -> int:
    """Where the sentence right before ``sentence`` starts (-1 for the first)."""
    i = bisect.bisect_left(doc.sentences, sentence.start, key=lambda s: s.start) - 1
    return doc.sentences[i].start if i >= 0 else -1


def in_reach(
    totals: Iterator[Draft], sentence: Sentence, across: bool, units_before: int | None
) -> Iterator[Draft]:
    """The totals a part list of ``sentence`` may divide, nearest first: those of its own
    sentence, and those of its paragraph when the list opens the sentence (``across``); but
    after a sentence that counts units as a fraction (``units_before``, where it starts:
    ``… 1.900 m3 đất. Có 7/9 tổ đã vào vụ. Trong đó, tổ 2 …``) only that sentence's, the
    list naming those units, not parts of an amount further back."""
    for total in totals:
        if total.sentence is not sentence and not (
            across
            and total.sentence.paragraph == sentence.paragraph
            and units_before in (None, total.sentence.start)
        ):
            return
        yield total


def fraction_before(doc: Doc, fractions: set[int], sentence: Sentence) -> int | None:
    """Where the sentence right before ``sentence`` starts if a fraction of units counted is
    one of its results (``fractions``: the starts of such sentences), else None."""
    start = _start_before(doc, sentence)
    return start if start in fractions else None


def bracket_close(doc: Doc, start: int, at: int, end: int) -> int:
    """Where a part list opened at ``at`` inside a bracket ends: the bracket's close, when
    it closes before ``end`` (``1.240 người (trong đó 415 nữ), bằng … (năm trước là 3.002
    người)``: the list is the bracket's, not the figures after it); else ``end``."""
    if _open_bracket(doc, start, at) < 0:
        return end
    close = doc.text.find(")", at, end)
    return end if close < 0 else close


def _open_bracket(doc: Doc, lo: int, at: int) -> int:
    """Where the bracket opened after ``lo`` and still open at ``at`` opens (-1 if none)."""
    opened = doc.text.rfind("(", lo, at)
    return opened if opened >= 0 and doc.text.find(")", opened, at) < 0 else -1


# the words before a bracket that a figure and its unit end: "4.410 người (", "820 tấn thóc ("
_FIGURE_BEFORE_BRACKET = rx(r"\d(?:\s*[^\W\d_]+){0,4}\s*$")


def bracket_of_figure(doc: Doc, f: Figure, since: int) -> bool:
    """Whether ``f`` stands in a bracket opened after ``since`` right after another figure
    and its unit (``Tỉnh A: 4.410 người (1.602 nữ)``): a part of that item, no item of the
    list."""
    opened = _open_bracket(doc, since, f.start)
    if opened < 0:
        return False
    lo = max(since, opened - 40)
    return _FIGURE_BEFORE_BRACKET.search(doc.fold, lo, opened) is not None


def closed_bracket_before(doc: Doc, f: Figure, at: int) -> bool:
    """Whether ``f`` stands in a bracket closed before the list marker at ``at`` (``8.240
    người (3.115 nữ), gồm …``, ``… (năm trước là 3.002 người), gồm …``): a part or a base of
    another figure, never the whole the list divides."""
    if _open_bracket(doc, f.sentence.start, f.start) < 0:
        return False
    return doc.text.find(")", f.end, at) >= 0


# "…, Tỉnh C 1.120 người và các tỉnh khác": the list names some parts, the others uncounted
_OTHERS_UNCOUNTED = rx(
    r"(?<!\w)(?:và|cùng)\s+(?:các|một\s+số|những)\s+(?:[^\W\d_]+\s+){0,3}khác(?!\w)"
)


def others_uncounted(doc: Doc, parts: list[Draft], end: int) -> bool:
    """Whether the list of ``parts`` ends, before ``end``, with the others named and not
    counted (:data:`_OTHERS_UNCOUNTED`, no figure after): its parts then add up to at most
    the whole, not to it."""
    last = max(d.actual_fig.end for d in parts if d.actual_fig is not None)
    m = _OTHERS_UNCOUNTED.search(doc.fold, last, end)
    return m is not None and not any(c.isdigit() for c in doc.text[m.end() : end])
