"""A named plan's percentage given the pair it fits, in place of a result it does not (issue 17).

``Quý đầu, doanh thu đạt 2.170 tỷ đồng. … Năm 2039, doanh thu năm trước đạt 8.300 tỷ đồng.
… Công ty đặt mục tiêu doanh thu 9.650 tỷ đồng. … Như vậy, công ty đã thực hiện 22,5%
kế hoạch doanh thu``: the percentage took the nearest result of its measure (8.300, the year
before), which neither alone nor against the plan written gives 22,5 %, while the quarter's
result was set against that plan with no percentage (2.170 of 9.650 is 22,5 %). The figures
are the evidence: the percentage takes the pair it fits, and the pair, which says less, is
dropped. :func:`link_disproved_results` runs in
:func:`kpitools.extract.document.link_document`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.amounts import PLAN_AMOUNT_WINDOW, clause_names, plan_measure
from kpitools.extract.bare_plans import names_measure, triple_fits
from kpitools.extract.linking import StartIndex, with_result
from kpitools.textfold import fold

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement


def link_disproved_results(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, each named plan's percentage given the pair it fits, if its result does not.

    ``s`` states an attainment of a plan named by its measure (``22,5% kế hoạch doanh
    thu``), its actual linked from another sentence, and no target, or a linked target that
    its figures disprove. A result set against a plan with no percentage (up to
    :data:`~kpitools.extract.amounts.PLAN_AMOUNT_WINDOW` characters before ``s``), whose
    clause and whose plan's clause both name that measure, and whose figures give the
    percentage while ``s``'s actual against that plan does not, is its result and plan —
    when only one such pair does. Never for a percentage of an unnamed plan, nor when the
    result linked fits.
    """
    index = StartIndex(statements)
    out: list[LinkableStatement | None] = list(statements)
    for i, s in enumerate(statements):
        measure = plan_measure(s, text) if _disproved(s) else None
        if measure is None:
            continue
        near = index.between(max(0, s.start - PLAN_AMOUNT_WINDOW), s.start)
        fitting = [j for j in near if _fits_pair(s, statements[j], text, measure)]
        if len(fitting) != 1 or out[fitting[0]] is None:
            continue
        c = statements[fitting[0]]
        assert isinstance(c.target, Decimal)
        out[i] = with_result(bare_percentage(s), c, c.target)
        out[fitting[0]] = None
    return [s for s in out if s is not None]


def _disproved(s: LinkableStatement) -> bool:
    """Whether ``s`` is a plan's attainment with a linked result and no target that fits."""
    return (
        s.stated_kind == "attainment"
        and s.stated is not None
        and isinstance(s.actual, Decimal)
        and s.link_start is not None
        and s.link_start < s.start
        and "actual_linked" in (s.note_data or "")
        and (s.target is None or s.consistent is False)
    )


def _fits_pair(s: LinkableStatement, c: LinkableStatement, text: str, measure: str) -> bool:
    """Whether ``c``, a result against a named plan, is the claim ``s``'s figures give."""
    if not (
        c.stated is None
        and c.link_start is not None
        and isinstance(c.actual, Decimal)
        and isinstance(c.target, Decimal)
        and c.actual != s.actual
        and s.target in (None, c.target)
        and c.end <= s.start
        and c.link_start < s.start
    ):
        return False
    if not (names_measure(c, text, measure) and clause_names(text, c.link_start, measure)):
        return False
    approximate = s.qualifier is not None or c.qualifier is not None or not c.exact
    ours = triple_fits(s, c.target, approximate=approximate)
    return not ours and triple_fits(
        dataclasses.replace(s, actual=c.actual), c.target, approximate=approximate
    )


def bare_percentage(s: LinkableStatement) -> LinkableStatement:
    """``s`` without the result and target linked to it, its own qualifier kept."""
    own = s.qualifier is not None and f"{fold(s.qualifier)} {fold(s.stated or '')}" in fold(s.text)
    return dataclasses.replace(
        s,
        actual=None,
        target=None,
        qualifier=s.qualifier if own else None,
        consistent=None,
        truncated=False,
        computed_percent=None,
        implied_target=None,
    )
