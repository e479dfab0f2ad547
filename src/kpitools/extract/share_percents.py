"""Percentages that may state a result's share of a plan: for the part-year pass's guard.

:func:`kpitools.extract.part_year._share_stated` keeps a result from being set against a
plan with no percentage when a percentage near them may be the result's share of the plan
(the pair stated, its percentage not linked). The plan's own change over the past year,
said right after its amount (``doanh thu 7.180 tỷ đồng, tăng 20% so với thực hiện năm
2025``), is no share of it, whatever its value; nor, since round 166, is any change said with
its verb (``tăng 22% so với cùng kỳ``: :func:`shares_not_grown`, which the guard asks).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kpitools.extract.numerals import PERCENT
from kpitools.textfold import rx

# ", tăng 20%", " (giảm khoảng 5%", ", tăng trưởng hơn 12%": a change said right after an amount
_CHANGE_AFTER = rx(
    r"\s*(?:[,(]\s*)?(?:tăng(?:\s+trưởng)?|giảm)(?:\s+(?:khoảng|gần|hơn|trên|xấp\s+xỉ))?\s*"
)


def shares_written(folded: str, plan_end: int) -> Iterator[re.Match[str]]:
    """The percentages of ``folded`` that may state a share of the plan ending at ``plan_end``.

    Each match of :data:`~kpitools.extract.numerals.PERCENT` but the plan's own change, said
    right after its amount (:data:`_CHANGE_AFTER`).
    """
    for m in PERCENT.finditer(folded):
        if m.start() < plan_end or not _CHANGE_AFTER.fullmatch(folded, plan_end, m.start()):
            yield m


# "tăng 22%", "giảm gần 5%", "lần lượt tăng 20,4% và 7,1%": a change said with its verb right
# before the percentage (the second of a pair too)
_CHANGE_BEFORE = rx(
    r"(?<!\w)(?:tăng(?:\s+trưởng)?|giảm)(?:\s+(?:khoảng|gần|hơn|trên|xấp\s+xỉ))?\s*"
    r"(?:\d[\d.,]*\s*%\s+và\s+)?$"
)
_CHANGE_REACH = 40
"""How far back from a percentage its change verb is looked for."""


def shares_not_grown(folded: str, plan_end: int) -> Iterator[re.Match[str]]:
    """The percentages of :func:`shares_written` but the changes said with their verb.

    ``doanh thu thuần đạt 633 tỷ đồng, tăng 22% so với cùng kỳ``: a growth over the past,
    never a share of the year's plan, whatever its value (a result's share is said with
    ``đạt``, ``hoàn thành``, ``bằng`` …, not with ``tăng`` or ``giảm``).
    """
    for m in shares_written(folded, plan_end):
        if not _CHANGE_BEFORE.search(folded, max(0, m.start() - _CHANGE_REACH), m.start()):
            yield m
