"""A measure narrowed by ``của`` and a name: a segment's, or the plan's own firm's.

``Lợi nhuận sau thuế quý 4 của MWG đạt 2.086 tỷ đồng`` names the firm whose profit it is, and
when the year's plan names that firm (``Năm 2041, MWG đặt mục tiêu lợi nhuận sau thuế …``) the
quarter's amount is the firm's whole result, no segment's (``doanh thu của Bách Hóa Xanh``
against ``MWG đặt mục tiêu doanh thu …`` stays a part's). :func:`segment_words` are the words
that narrow a measure before its amount (read by
:func:`~kpitools.extract.part_year._of_segment`); :func:`plan_owner_named` tells a ``của``
naming the plan's firm, for the part-year pass
(:func:`~kpitools.extract.part_year.link_part_year_amounts`).
"""

from __future__ import annotations

import re
from decimal import Decimal

from kpitools.extract.amounts import (
    FULL_STOP,
    MEASURE_NAMES_RX,
    Amount,
    clause_head,
    head_of_sentence,
    measure_kind,
)
from kpitools.extract.carried_periods import plan_share_written
from kpitools.textfold import fold, rx

_REVENUE = fold("doanh thu")
# a revenue's two words of kind that say one figure: net ("thuần") and consolidated ("hợp nhất")
_NET_CONSOLIDATED = frozenset({fold("thuần"), fold("hợp nhất")})
_OWNER_WORD = rx(r"của")
# the name after "của" ends at the period, a verb of a result, a figure or a mark
_NAME_END = rx(
    r"\s+(?:quý|tháng|năm|nửa|đạt|là|ghi|lập|giảm|tăng|chỉ|mới|đã|vẫn|ước|trong|sau|cao|thấp"
    r"|thu|lãi|lỗ|có|được)(?!\w)|\s*[\d,;:.()\n]"
)
# a name owned, compared or served, not the plan's firm: "sở hữu Bách Hóa Xanh", "hơn PNJ",
# "công ty mẹ của Bách Hóa Xanh", "cho Bách Hóa Xanh"
_OWNED_BEFORE = rx(
    r"(?:(?<!\w)(?:(?:mẹ|con)\s+của|sở\s+hữu|mua(?:\s+lại)?|hơn|với|cho|như|thuộc"
    r"|gấp(?:\s+\w+)?))\s*$"
)
_OWNED_REACH = 30
"""How far back from a name its word of owning or comparing is looked for."""
_NEXT_WORD = re.compile(r"\s*(\S)")
_NAME_WORDS = 6
"""The most words a firm's name after ``của`` is read with."""
_SHARE_SLACK = Decimal(1)
"""How far (points) a percentage of a plan may be from the amount's share and still be it."""


def whole_firm_s(
    window: tuple[str, str], a: Amount, plan: Amount, segment: re.Pattern[str]
) -> bool:
    """Whether the measure before ``a`` is the whole firm's, for the year's ``plan``.

    No word of ``segment`` narrows it (:func:`segment_words`), or each is ``của`` before the
    plan's firm (:func:`plan_owner_named`) and no percentage of a plan in the window is the
    amount's share of the plan (``… Viglacera đã hoàn thành 65% và 76% mục tiêu``: the pair is
    that percentage's, stated apart; it is not read without it).
    """
    words = segment_words(window[1], a, segment)
    if not words:
        return True
    return all(plan_owner_named(window, w, plan) for w in words) and not plan_share_written(
        window[1], a, plan, hedged=False, slack=_SHARE_SLACK
    )


def segment_words(folded: str, a: Amount, segment: re.Pattern[str]) -> list[re.Match[str]]:
    """The words of ``segment`` between the last measure named before ``a`` and ``a``.

    Within ``a``'s clause (200 characters back at most); none when no measure is named.
    """
    head = clause_head(folded, a.start, max(0, a.start - 200))
    named = list(MEASURE_NAMES_RX.finditer(folded, head, a.start))
    if not named:
        return []
    return list(segment.finditer(folded, named[-1].end(), a.start))


def plan_owner_named(window: tuple[str, str], word: re.Match[str], plan: Amount) -> bool:
    """Whether ``word`` is ``của`` before a name the sentence of ``plan`` names too.

    ``window``: the text and its folded form (of one length; ``word`` and ``plan`` are of the
    folded). The name: the words after ``của`` up to the period, a verb or a figure, its first
    with a capital (``của MWG``, ``của Dược phẩm Sao Mai``); the plan's sentence must name all
    of it, and no longer name it begins (``Sao Mai`` is not ``Sao Mai Xanh``).
    """
    raw, folded = window
    if _OWNER_WORD.fullmatch(word.group()) is None:
        return False
    start = word.end() + 1  # one space after "của"
    if start >= len(raw) or not raw[start].isupper() or not raw[word.end()].isspace():
        return False
    end = _NAME_END.search(folded, start, min(len(raw), start + 80))
    words = raw[start : end.start() if end else start].split()[:_NAME_WORDS]
    if not words:
        return False
    first = head_of_sentence(folded, plan.start)
    stop = FULL_STOP.search(folded, plan.end)
    # the whole name, not the start of a longer one ("Sao Mai" in "Sao Mai Xanh"), and not one
    # owned, compared or served ("MWG, đơn vị sở hữu Bách Hóa Xanh, đặt …", "gấp đôi PNJ")
    sentence = raw[first : stop.start() if stop else len(raw)]
    for m in re.finditer(rf"(?<!\w){re.escape(' '.join(words))}(?!\w)", sentence):
        after = _NEXT_WORD.match(sentence, m.end())
        at = first + m.start()
        if not (after and after[1].isupper()) and not _OWNED_BEFORE.search(
            folded, max(first, at - _OWNED_REACH), at
        ):
            return True
    return False


def alike(folded: str, a: Amount, plan: Amount, kind: tuple[str | None, str | None] | None) -> bool:
    """Whether ``a`` is a revenue net and ``plan`` consolidated, or the other way round.

    ``doanh thu thuần quý II đạt 2.791 tỷ đồng`` and ``kế hoạch … doanh thu hợp nhất đạt
    12.500 tỷ đồng``: the press gives a group's consolidated net revenue by either word, so the
    quarter's amount is of the plan's measure (for the part-year pass only; a profit's
    ``thuần`` and ``hợp nhất`` stay apart: an operating profit is not the group's). ``kind``:
    the plan's measure and kind when read otherwise (an item of a plan's list).
    """
    (m, k), (n, j) = measure_kind(folded, a), kind or measure_kind(folded, plan)
    return m == n == _REVENUE and {k, j} == _NET_CONSOLIDATED
