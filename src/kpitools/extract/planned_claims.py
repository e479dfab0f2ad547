"""A plan's amount read as a result: its percentage says how the plan stands (issue 17).

``Kế hoạch lợi nhuận năm 2043 là 260 tỷ đồng, tăng 12% so với kế hoạch năm trước``: the
amount is a plan (its clause names the plan just before it, with no word of a result
between), so the percentage after it compares that plan with another, or with the plan it
belongs to; it is no result against a plan. :func:`drop_planned_claims` runs in
:func:`kpitools.extract.document.link_document`.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.amounts import amounts_in, sets_out_plan
from kpitools.extract.checks import without_result
from kpitools.extract.text import NUM, PLAN_NOUNS
from kpitools.textfold import fold, rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement

# "tăng 12% so với kế hoạch …": a rise over a plan, how a new plan is compared with the old
# ("vượt 57% so với mục tiêu" stays a result's excess however its clause opens)
_RISE = rx(rf"(?<!\w)(?:tăng|cao\s+hơn)\s+(?:{NUM})\s*%\s*so\s+với\s+{PLAN_NOUNS}(?!\w)")

_REACH = 300
"""How far (characters) before a statement its amount's clause is read."""


def drop_planned_claims(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, a plan's rise over another plan read with no result.

    ``s`` states an excess written as a rise over a plan (``tăng 9% so với mục tiêu ban
    đầu``, ``cao hơn 6% so với kế hoạch``) with no target, its actual the first amount of
    its own span (not linked from elsewhere), and that amount's clause sets it out as a plan
    with no word of a result between (:func:`kpitools.extract.amounts.sets_out_plan`, no
    floor or approximation before the amount): the percentage is left with no result.
    ``vượt X%`` stays a result's excess (``… vượt chỉ tiêu đề ra khi đón 410 nghìn lượt
    khách, vượt 12% so với mục tiêu ban đầu``).
    """
    return [without_result(s) if _planned(s, text) else s for s in statements]


def _planned(s: LinkableStatement, text: str) -> bool:
    if s.stated_kind != "excess" or s.stated is None:
        return False
    if s.target is not None or s.link_start is not None or not isinstance(s.actual, Decimal):
        return False
    if _RISE.search(fold(s.text)) is None:
        return False
    low = max(0, s.start - _REACH)
    folded = fold(text[low : s.end])
    found = amounts_in(folded, s.start - low, len(folded))
    if not found or found[0].value != s.actual:
        return False
    return sets_out_plan(folded, found[0], 0)
