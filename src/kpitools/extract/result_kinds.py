"""Whether the result a pronoun names is of the kind a percentage of a plan is of.

Used by :mod:`kpitools.extract.referred` when a percentage of a plan named by its measure
(``Với kết quả đạt được, công ty đã thực hiện được 38% mục tiêu lợi nhuận``) takes the
amount of the sentence just before: when the percentage names no kind of the measure and
the results before it give it two (``lợi nhuận trước thuế`` in one sentence, ``lợi nhuận
sau thuế`` in the next), which of them the percentage is of is not said, and none is taken
(precision first).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kpitools.extract.amounts import (
    APART_KINDS,
    CLAUSE_MARKS,
    FULL_STOP,
    MEASURE_KIND,
    after_percent,
    last_end,
    noun_pattern,
)
from kpitools.textfold import fold

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement

_REACH = 400
"""How far (characters) back a sentence's head is looked for: bounded, so linear."""


# "… trước thuế gần 161 tỷ đồng", "… sau thuế đạt 74": a figure in the kind's clause
_FIGURE_AFTER = re.compile(r"[^\d,;.\n]{0,40}\d")


def _kinds(folded: str, noun: str, *, stated: bool = False) -> set[str]:
    """The kinds ``folded`` gives ``noun`` (``trước thuế``, ``sau thuế`` …).

    ``stated``: only kinds of the measure planned (not :data:`APART_KINDS`) with a figure
    after them in their clause (a result stated, not a measure defined).
    """
    out = set()
    for m in noun_pattern(noun).finditer(folded):
        k = MEASURE_KIND.match(folded, m.end())
        if k is None:
            continue
        kind = " ".join(k.group(1).split())
        if not stated or (kind not in APART_KINDS and _FIGURE_AFTER.match(folded, k.end())):
            out.add(kind)
    return out


def other_kind_before(text: str, c: LinkableStatement, s: LinkableStatement, noun: str) -> bool:
    """Whether results of two kinds of ``noun`` stand before ``s``, which names no kind.

    ``c`` is the result taken, its clause giving ``noun`` one kind; the sentence before
    ``c``'s gives ``noun`` another. ``s`` names no kind of ``noun`` after its percentage.
    """
    if _kinds(after_percent(s, text)[:60], noun):
        return False
    floor = max(0, c.start - _REACH)
    clause = max(floor, *(text.rfind(m, floor, c.start) + 1 for m in CLAUSE_MARKS))
    own = _kinds(fold(text[clause : c.start]), noun)
    if len(own) != 1:
        return False
    head = last_end(FULL_STOP, text, c.start, floor)
    before = last_end(FULL_STOP, text, max(0, head - 1), max(0, head - _REACH))
    return bool(_kinds(fold(text[before:head]), noun, stated=True) - own)
