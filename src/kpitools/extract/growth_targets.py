"""A growth rate against the rate a plan set, for :mod:`kpitools.extract.percentages` and
:mod:`kpitools.extract.assembly`: a growth above or below a plan's growth rate written after
it (``vượt mục tiêu đề ra (8%)``, ``tăng trưởng đạt 6,1%, kịch bản đề ra là 7%``), the plan's
rate in brackets after the growth, and a growth said to be above or below its plan's rate by
a margin (``tăng trưởng đạt 9,3%, tăng 0,3% so với kế hoạch đề ra (9%)``), the margin checked
against the two rates.
"""

from __future__ import annotations

import re
from decimal import Decimal

from kpitools.extract.figures import COMPARE_NEXT, K_GROWTH, Draft, Figure
from kpitools.extract.text import Doc
from kpitools.numbers import Percent
from kpitools.textfold import fold, rx

# "vượt kịch bản tăng trưởng của tỉnh 6,85%", "cao hơn mục tiêu tăng trưởng đề ra là 6%",
# "vượt so với kế hoạch đề ra (6,4%)",
# "vượt mục tiêu đề ra (8%)": the growth rate a plan or scenario set, compared with the growth
# stated before it; or set beside it after a comma ("tăng trưởng đạt 6,1%, kịch bản đề ra là
# 7%")
_GROWTH_TARGET_LEAD = rx(
    # "không đạt được mục tiêu tăng trưởng 6,5%": a plan's rate the growth falls short of
    r"(?:(?<!\w)(?P<cmp>vượt|cao\s+hơn|thấp\s+hơn|so\s+với|bằng"
    r"|(?P<short>(?:không|chưa)\s+đạt(?:\s+được)?))\s+(?:so\s+với\s+)?|^\s*,\s*)"
    r"(?:mức\s+)?"
    r"(?P<plan>kịch\s+bản|kh(?!\w)|(?:mục\s+tiêu|kế\s+hoạch|chỉ\s+tiêu)(?P<named>\s+tăng\s+trưởng)?)"
    r"(?:\s+(?!đạt|vượt|giảm|tăng(?!\s+trưởng))[^\W\d_]+){0,6}?\s*(?:là|:)?\s*\(?\s*$"
)
# "kế hoạch đề ra là 7%": a plan's figure set out
_SET_AS = rx(r"(?<!\w)(?:là|:)\s*\(?\s*$")
# the subject of a growth rate: "Tốc độ tăng trưởng kinh tế (GRDP) ước đạt 8,5%"
GROWTH_SUBJECT = rx(r"(?<!\w)(?:tăng\s+trưởng|tốc\s+độ\s+tăng)(?!\w)")


def _growth_of(doc: Doc, f: Figure | None) -> bool:
    """Whether ``f`` is a growth rate stated on its own (no amount, no qualifier)."""
    owner = f.owner if f is not None else None
    if f is None or owner is None or owner.actual is not None or owner.rate_of:
        return False
    if owner.percent_fig is not f or f.qualifier is not None:
        return False
    lead = doc.fold[f.clause : f.start]
    return bool(
        K_GROWTH.search(lead) or GROWTH_SUBJECT.search(doc.fold[f.sentence.start : f.start])
    )


def _set_growth_target(growth: Figure, target: Figure) -> Draft:
    """Make the growth rate ``growth`` its statement's actual and the plan's rate ``target``
    its target (both in points, ``%``); the statement, for the caller to own ``target``."""
    owner = growth.owner
    assert owner is not None
    owner.actual_fig, owner.actual, owner.percent_fig = growth, growth.value, None
    owner.target_fig, owner.target = target, target.value
    growth.measure = target.measure = "%"
    return owner


def _plausible_target(m: re.Match[str], growth: Decimal, target: Decimal) -> bool:
    """Whether the comparison's words fit the figures: a plan named as a growth plan or a
    scenario fits any; a bare plan (``vượt mục tiêu 8%``, which may also be a margin) only
    when above or below as the words say and more than half the growth."""
    if m.group("cmp") is None:
        # set beside the growth with no comparison: a growth plan, a scenario or a plan
        # set out with "là", of the growth's size (from half to twice it)
        beside = m.group("named") or fold("kịch") in m.group("plan") or _SET_AS.search(m.group(0))
        return bool(beside) and growth / 2 < target < growth * 2
    if m.group("short"):
        # short of the plan's rate: below it, and a growth plan or scenario named ("chưa đạt
        # kế hoạch 9% về thu ngân sách" may be any measure's plan)
        named = m.group("named") or fold("kịch") in m.group("plan")
        return bool(named) and growth < target < growth * 2
    if m.group("named") or fold("kịch") in m.group("plan"):
        return True
    cmp = " ".join(m.group("cmp").split())
    if cmp == fold("thấp hơn"):
        return target >= growth
    if cmp in (fold("vượt"), fold("cao hơn")):
        return growth / 2 < target <= growth
    return False


# "GRDP tăng 8,4%, còn tỷ lệ đô thị hoá chưa đạt …": another rate is what falls short
_OTHER_RATE = rx(r"(?<!\w)(?:tỷ\s+lệ|tỷ\s+trọng|độ\s+che\s+phủ)(?!\w)")
# "… 9% của cả nhiệm kỳ", "… 9% về thu ngân sách", "… 9% giai đoạn 2046-2050", "… 9% bình
# quân": the plan's rate is another measure's or another period's
_OTHER_PLAN_AFTER = rx(
    r"\s*%?\s*\)?\s*(?:về|giai\s+đoạn|bình\s+quân|cả\s+nhiệm\s+kỳ"
    r"|của(?:\s+[^\W\d_]+){0,4}?\s+(?:nhiệm\s+kỳ|giai\s+đoạn))(?!\w)"
)


def _short_of_another(doc: Doc, growth: Figure, lead_start: int, p: Figure) -> bool:
    """Whether a growth "short of" a plan's rate (``chưa đạt mục tiêu tăng trưởng 9%``) is
    not that plan's: another rate is the subject between (``còn tỷ lệ đô thị hoá chưa
    đạt …``), or words after the rate name another measure or period (``… 9% của cả nhiệm
    kỳ``)."""
    return bool(
        _OTHER_RATE.search(doc.fold, growth.end, lead_start)
        or _OTHER_PLAN_AFTER.match(doc.fold, p.end, p.end + 60)
    )


# "thấp hơn 2,5% so với": a margin stated against the plan after it
_MARGIN_LEAD = rx(r"(?<!\w)(?:thấp\s+hơn|cao\s+hơn|vượt)\s*(?:khoảng|gần|hơn|trên)?\s*$")


def _margin_disagrees(doc: Doc, margin: Figure, growth: Figure, p: Figure) -> bool:
    """Whether the margin stated between a growth rate and the plan's rate disagrees with them.

    ``tăng 6,5%, thấp hơn 2,5% so với kịch bản tăng trưởng 9%`` fits (9 − 6,5 = 2,5 points);
    ``tăng 6,5%, thấp hơn 3,1% so với kịch bản tăng trưởng 9%`` does not, in points nor
    relative to the plan: the scenario is another figure's (the whole economy's, say).
    """
    if margin.kind != "percent" or margin.percent is None or not p.values[0]:
        return False
    if not (
        _MARGIN_LEAD.search(doc.fold, margin.sentence.start, margin.span_start)
        and COMPARE_NEXT.match(doc.fold[margin.end : p.start])
    ):
        return False
    stated = margin.percent
    half = Decimal(5) / Decimal(10) ** (stated.decimals + 1)
    gap = abs(p.values[0] - growth.values[0])
    relative = 100 * gap / p.values[0]
    return abs(gap - stated.value) > half and abs(relative - stated.value) > half


def growth_against(doc: Doc, p: Figure, figs: list[Figure]) -> bool:
    """A growth rate against the growth rate its plan or scenario set, stated after it in
    its sentence ("GRDP tăng 7,63%, vượt kịch bản tăng trưởng 7,59%"): the growth becomes the
    actual (``measure`` ``%``) and the plan's rate its target; whether it did."""
    before = [f for f in figs if f.start < p.start and f.sentence is p.sentence]
    if not before or p.qualifier is not None or p.kind != "percent":
        return False
    m = _GROWTH_TARGET_LEAD.search(doc.fold[before[-1].span_end : p.start])
    growth = next((f for f in before if f.kind == "percent"), None)
    if m is None or growth is None or not _growth_of(doc, growth):
        return False
    if not _plausible_target(m, growth.values[0], p.values[0]):
        return False
    if m.group("short") and _short_of_another(doc, growth, before[-1].span_end + m.start(), p):
        return False
    if before[-1] is not growth and _margin_disagrees(doc, before[-1], growth, p):
        return False
    p.owner = _set_growth_target(growth, p)
    return True


# "…, chưa đạt kế hoạch đề ra (kế hoạch tăng 9,5%)": a plan's growth rate in brackets
# after words that say whether the growth before it met it ("cao hơn kế hoạch đề ra (NQ
# tăng 9%)": higher than it, the resolution's rate)
_PLAN_RATE_BRACKET = rx(
    r"(?<!\w)(?P<cmp>chưa\s+đạt|không\s+đạt|vượt|đạt|cao\s+hơn|thấp\s+hơn)\s+"
    r"(?:kế\s+hoạch|mục\s+tiêu|chỉ\s+tiêu)(?:\s+(?:đề|đặt|giao|ra|năm|đã|được))*\s*"
    r"(?:\(\s*(?:kế\s+hoạch|mục\s+tiêu|chỉ\s+tiêu|kh|nq|nghị\s+quyết)"
    r"\s*(?:là|:)?|(?P<set>là|:))\s*(?:tăng(?:\s+trưởng)?)?\s*$"
)
# "Tuy chưa đạt kế hoạch …": a sentence that goes on about the figure of the one before
_CONCESSION = rx(r"^\W*(?:và\s+)?(?:tuy|dù|mặc\s+dù|tuy\s+nhiên)(?!\w)")
# "chưa đạt mục tiêu đề ra là trên 8%": a floor the growth is said not to reach
_FLOOR = ("trên", "hơn")


def growth_against_bracket(doc: Doc, p: Figure, figs: list[Figure], previous: list[Figure]) -> bool:
    """A growth rate against the plan's rate in brackets after words that say whether it
    met it (``GRDP ước tăng 8,4%, chưa đạt kế hoạch đề ra (kế hoạch tăng 9,5%)``), also when
    those words open the next sentence (``… tăng 8,4% so với năm 2024. Tuy chưa đạt kế
    hoạch đề ra (kế hoạch tăng 9,5%), …``): the growth becomes the actual and the plan's
    rate its target, when the figures agree with the words; whether it did."""
    before = [f for f in figs if f.start < p.start]
    floor = before[-1].span_end if before else p.sentence.start
    lead = doc.fold[floor : p.span_start]
    m = _PLAN_RATE_BRACKET.search(lead)
    if m is None or p.kind != "percent":
        return False
    if p.qualifier is not None and not (m.group("set") and fold(p.qualifier) in _FLOOR):
        return False
    if not before:
        rates = [f for f in previous if f.kind == "percent"]
        if not _CONCESSION.match(lead) or len(rates) != 1:
            return False
        before = rates
    growth = before[-1]
    if growth.kind != "percent" or not _growth_of(doc, growth):
        return False
    met = " ".join(m.group("cmp").split()) in (fold("vượt"), fold("đạt"), fold("cao hơn"))
    if met != (growth.values[0] >= p.values[0]):
        return False
    p.owner, p.role = _set_growth_target(growth, p), "target"
    return True


# "đạt 9,3%, tăng 0,3% so với kế hoạch đề ra (9%)": a growth, its margin over a plan's rate
_MARGIN_AFTER_GROWTH = rx(r"^\s*,\s*(?P<cmp>tăng|cao\s+hơn|vượt|thấp\s+hơn)\s*$")
_MARGIN_PLAN_TAIL = rx(
    r"^\s*so\s+(?:với\s+)?(?:mức\s+)?(?P<plan>kịch\s+bản|kế\s+hoạch|mục\s+tiêu|chỉ\s+tiêu)"
    r"(?:\s+(?!đạt|vượt|tăng(?!\s+trưởng)|giảm|so)[^\W\d_]+){0,6}\s*:?\s*\(?\s*"
)
# the margin's plan named with nothing after it: its rate is written before
_MARGIN_PLAN_END = rx(r"^\s*(?:[.;]|$)")


def _margin_fits(cmp: str, growth: Decimal, target: Decimal, margin: Percent) -> bool:
    """Whether the growth is above (``tăng``, ``cao hơn``, ``vượt``) or below (``thấp
    hơn``) the plan's rate by the margin, in points or relative to the plan, rounded."""
    if (growth > target) != (" ".join(cmp.split()) != fold("thấp hơn")) or not target:
        return False
    half = Decimal(5) / Decimal(10) ** (margin.decimals + 1)
    gap = abs(growth - target)
    return abs(gap - margin.value) <= half or abs(100 * gap / target - margin.value) <= half


def _margin_plan_rate(
    doc: Doc, m: re.Match[str], margin: Figure, figs: list[Figure], previous: list[Figure]
) -> Figure | None:
    """The plan's rate a margin is stated against: the next figure, right after the plan
    named (``so với kế hoạch đề ra (9%)``), or, when nothing follows the plan named, the one
    percentage of the sentence before in the paragraph that names that plan too."""
    end = margin.end + m.end()
    after = [f for f in figs if f.start >= end]
    if after:
        f = after[0]
        return f if f.span_start == end and f.kind == "percent" else None
    if not _MARGIN_PLAN_END.match(doc.fold[end : end + 2]):
        return None
    rates = [f for f in previous if f.kind == "percent"]
    if len(rates) != 1:
        return None
    before = rates[0].sentence
    if before.paragraph != margin.sentence.paragraph:
        return None
    plan = rx(r"(?<!\w)" + r"\s+".join(m.group("plan").split()) + r"(?!\w)")
    return rates[0] if plan.search(doc.fold, before.start, before.end) else None


def growth_by_margin(doc: Doc, f: Figure, figs: list[Figure], previous: list[Figure]) -> bool:
    """A growth rate against a plan's rate it is said to be above or below by a margin
    (``tăng trưởng đạt 9,3%, tăng 0,3% so với kế hoạch đề ra (9%)``, or ``… so với kịch bản.``
    after a sentence setting the scenario's rate): when the margin fits the two rates, the
    growth becomes the actual and the plan's rate its target; whether it did."""
    i = figs.index(f)
    if i == 0 or f.kind != "percent" or f.percent is None or f.qualifier is not None:
        return False
    growth = figs[i - 1]
    lead = _MARGIN_AFTER_GROWTH.match(doc.fold[growth.span_end : f.span_start])
    tail = _MARGIN_PLAN_TAIL.match(doc.fold[f.end : f.sentence.end])
    if lead is None or tail is None or growth.kind != "percent" or not _growth_of(doc, growth):
        return False
    t = _margin_plan_rate(doc, tail, f, figs[i + 1 :], previous)
    if t is None or t.qualifier is not None:
        return False
    if not _margin_fits(lead.group("cmp"), growth.values[0], t.values[0], f.percent):
        return False
    owner = _set_growth_target(growth, t)
    f.owner, f.role = None, "margin"
    if t.sentence is f.sentence:
        t.owner, t.role = owner, "target"
    return True
