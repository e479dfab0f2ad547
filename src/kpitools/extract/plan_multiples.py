"""Results said to be a multiple of their plan.

``Tổng vốn đầu tư đạt 640 tỷ đồng, gấp 1,6 lần kế hoạch``: 640 billion đồng at 160 % of
the plan; ``… đạt 6.980 tỷ đồng, gấp đôi kế hoạch năm`` (the word for two) and ``… đạt hơn
852.500 tỷ đồng, vượt hơn 5 lần kế hoạch`` (a plan exceeded N times over is N times the
plan, as the papers write it: ``vượt 2,2 lần kế hoạch năm`` is 220 %) alike. The statements
are made by ``statements._with_plan_multiples``; a multiple of last year (``gấp đôi cùng
kỳ``, ``vượt 2 lần so với cùng kỳ``) is no attainment and is not read here.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from kpitools.extract.amounts import (
    MEASURE_NAMES,
    MEASURE_NAMES_RX,
    PLAN_MEASURES,
    SCALES,
    amounts_in,
    clause_head,
    head_of_sentence,
    sets_out_plan,
)
from kpitools.extract.past_bases import LAST_YEAR
from kpitools.extract.target_words import AIM_WORDS, FORECAST_WORDS, PLAN_NOUN
from kpitools.extract.text import NUM, PLAN_NOUNS, written_qualifier
from kpitools.numbers import parse_number
from kpitools.textfold import rx

# "… đạt 640 tỷ đồng, gấp 1,6 lần kế hoạch", "… tăng gấp 2 lần so với nghị quyết" (or "so
# kế hoạch", "với" left out): a result that is a multiple of its plan, an attainment of
# 100 × N %
#
# Also "(gấp tới 7 lần kế hoạch)" and "- gấp 2 lần so với kế hoạch" (a bracket or a dash for
# the comma), with up to five words of the noun ("tỷ đồng lợi nhuận trước thuế") and no verb
# or "và" among them. Since round 168 also the multiple in words ("gấp đôi kế hoạch năm",
# "gần gấp đôi kế hoạch", "gấp rưỡi chỉ tiêu": the set, re-annotated in session 29, reads
# them as 200 % and 150 %) and a plan exceeded N times ("vượt hơn 5 lần kế hoạch",
# "vượt gấp 3 lần chỉ tiêu")
_NOUN_WORD = r"(?!(?:và|tăng|giảm|đạt|vượt|bằng|so|với|trong|khi|của)(?!\w))[^\W\d_]+"
_TIMES_WORDS = {"đôi": Decimal(2), "rưỡi": Decimal("1.5"), "ba": Decimal(3), "bốn": Decimal(4)}
_PLAN_MULTIPLE = rx(
    rf"(?<![\d.,])(?:(?P<q>khoảng|gần|hơn|trên)\s+)?(?P<a>{NUM})"
    r"(?:\s+(?P<mag>nghìn|ngàn|triệu|tỷ|tỉ)(?!\w))?"
    rf"(?P<noun>(?:\s+{_NOUN_WORD}){{1,5}}?)\s*(?:,|\(|\s[-–])\s*"
    r"(?:(?:tăng\s+)?(?:(?:khoảng|gần|hơn)\s+)?gấp\s+"
    rf"(?:(?:tới|đến|khoảng|gần|hơn|trên)\s+)?(?:(?P<n>{NUM})\s+lần|(?P<w>đôi|rưỡi|ba|bốn))"
    r"|(?:vượt|bằng|tương\s+(?:đương|ứng)(?:\s+với)?)\s+(?:(?:khoảng|gần|hơn|trên)\s+)?(?:gấp\s+)?"
    rf"(?:(?:tới|đến|khoảng|gần|hơn|trên)\s+)?(?P<vn>{NUM})\s+lần)"
    rf"\s+(?:so\s+(?:với\s+)?)?(?:{PLAN_NOUNS}|nghị\s+quyết)(?!\w)"
)
_CURRENCIES = ("đồng", "usd")


# "kế hoạch … tăng từ 300 tỷ đồng lên 950 tỷ đồng", "nâng kế hoạch … lên": a plan raised to
# the amount right after
_RAISED_TO = rx(r"(?<!\w)lên\s*(?:(?:khoảng|gần|hơn|trên|mức)\s+)?$")


# how far back (characters) the plan set out before a multiple's amount is looked for
_PLAN_BACK = 300


def _a_plan(folded: str, m: re.Match[str]) -> bool:
    """Whether the amount before the multiple is itself a plan its sentence sets out.

    ``kế hoạch lợi nhuận năm 2041 tăng từ 400 tỷ đồng lên 1.250 tỷ đồng, gấp 3,1 lần kế
    hoạch đã phê duyệt``: a plan raised, set against the plan before it, no result.
    """
    floor = max(0, m.start() - _PLAN_BACK)  # a window: linear in a text of no full stop
    found = amounts_in(folded, m.start("a"), m.end("noun"))
    if found and sets_out_plan(folded, found[0], floor, qualified=True):
        return True
    head = clause_head(folded, m.start(), floor)
    raised = _RAISED_TO.search(folded, head, m.start())
    return raised is not None and PLAN_NOUN.search(folded, head, raised.start()) is not None


# "gấp đôi kế hoạch năm 2040", "vượt 5 lần so với kế hoạch năm trước", "gấp 2 lần kế hoạch
# lợi nhuận": the words naming the plan, up to the clause's end (review 38G)
_PLAN_TAIL = rx(r"[^,.;:()\n]{0,60}")
_EARLIER_PLAN = rx(rf"(?<!\w)(?:{LAST_YEAR}|kỳ\s+trước|trước\s+đó)(?!\w)")
_YEARS = rx(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# "Công ty dự kiến lợi nhuận năm nay đạt 512 tỷ đồng": a forecast, no result
_FORECAST = rx(rf"(?<!\w)(?:{AIM_WORDS}|{FORECAST_WORDS})(?!\w)")


def _measures(folded: str, start: int, end: int) -> set[str]:
    """The measures ``folded[start:end]`` names (:data:`MEASURE_NAMES`)."""
    found = MEASURE_NAMES_RX.finditer(folded, start, end)
    return {MEASURE_NAMES[" ".join(n.group().split())] for n in found}


def _another_plan(folded: str, m: re.Match[str]) -> bool:
    """Whether the multiple at ``m`` is of another plan than the result's, or of a forecast.

    The plan's words after its noun name an earlier one (``kế hoạch năm trước``, ``kế
    hoạch trước đó``), a year none of those before the amount in its sentence
    (``Năm 2041, … gấp đôi kế hoạch năm 2040``) or a measure none of those before the
    amount (``Doanh thu đạt 5.120 tỷ đồng, gấp 2 lần kế hoạch lợi nhuận``); or the
    amount's sentence forecasts it (``dự kiến``, ``dự báo``). Review 38G.
    """
    tail = _PLAN_TAIL.match(folded, m.end())
    after = (m.end(), tail.end() if tail else m.end())
    head = head_of_sentence(folded, m.start())
    if _EARLIER_PLAN.search(folded, *after) or _FORECAST.search(folded, head, m.start()):
        return True
    years, own_years = (set(_YEARS.findall(folded, *span)) for span in (after, (head, m.start())))
    if years and own_years and years.isdisjoint(own_years):
        return True
    named, own = _measures(folded, *after), _measures(folded, head, m.end("noun"))
    own |= {PLAN_MEASURES[x] for x in own if x in PLAN_MEASURES}
    return bool(named) and bool(own) and named.isdisjoint(own)


class PlanMultiple(NamedTuple):
    """A result and the multiple of its plan written after it."""

    start: int
    end: int
    actual: Decimal
    qualifier: str | None
    times: Decimal
    times_text: str
    measure: str | None


def plan_multiples(text: str, folded: str, end: int) -> list[PlanMultiple]:
    """The results of ``text`` (before ``end``) said to be a multiple of their plan.

    ``Tổng vốn đầu tư đạt 640 tỷ đồng, gấp 1,6 lần kế hoạch``: 640 billion đồng at 160 % of
    the plan (the plan itself, 400, derived). Only an amount (a count or money, its
    scale word and up to five words of its noun) right before a comma and ``gấp N lần``,
    ``gấp đôi`` or ``vượt N lần`` a plan's noun; a multiple of last year (``gấp 2 lần cùng
    kỳ``) is no attainment. ``folded`` is ``text`` folded, offsets alike.

    Examples
    --------
    >>> from kpitools.textfold import fold
    >>> t = "Lợi nhuận đạt 6.980 tỷ đồng, gấp đôi kế hoạch năm."
    >>> [(p.actual, p.times, p.times_text) for p in plan_multiples(t, fold(t), len(t))]
    [(Decimal('6980000000000'), Decimal('2'), 'gấp đôi')]
    """
    out: list[PlanMultiple] = []
    for m in _PLAN_MULTIPLE.finditer(folded, 0, end):
        group = next(g for g in ("n", "w", "vn") if m.group(g) is not None)
        word = m.group("w")
        times = _TIMES_WORDS[word] if word else parse_number(m.group(group))
        if times <= 1 or _a_plan(folded, m) or _another_plan(folded, m):
            continue
        value = parse_number(m.group("a"))
        mag = m.group("mag")
        noun = m.group("noun").split()
        measure = None
        if mag:
            value *= SCALES[mag]
            if noun[0] in _CURRENCIES:
                currency = text[m.start("noun") : m.end("noun")].split()[0]
                measure = f"{text[m.start('mag') : m.end('mag')]} {currency}"
        written = text[m.start(group) : m.end(group)]
        out.append(
            PlanMultiple(
                start=m.start(),
                end=m.end(),
                actual=value,
                qualifier=written_qualifier(text, m, "q"),
                times=times,
                times_text=f"gấp {written}" if word else f"{written} lần",
                measure=measure,
            )
        )
    return out
