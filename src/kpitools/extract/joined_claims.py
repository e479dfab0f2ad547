"""One claim of a result read twice, once with its percentage and once with its plan.

``Trong đó, thu nội địa 4.400 tỷ đồng …`` (the plan's parts), then ``thu nội địa đạt 3.520
tỷ đồng, đạt 80% dự toán``: the part's plan linked by its name and the percentage written
beside the result are two halves of one claim (3.520 of 4.400 is 80 %), not two claims.
Called by :func:`kpitools.extract.parts.link_listed_parts`.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.amounts import Amount
from kpitools.extract.linking import percent_of
from kpitools.numbers import Percent, check_percent

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement

# how far (characters) before a part's amount its statement may start ("gần 3.520 tỷ")
_LEAD_REACH = 16


def starts_of(statements: Sequence[LinkableStatement]) -> tuple[list[int], list[int]]:
    """The statements' starts in order, and their indices in that order.

    The index :func:`percent_of_part` looks a part's statement up in.
    """
    order = sorted(range(len(statements)), key=lambda i: statements[i].start)
    return [statements[i].start for i in order], order


def percent_of_part(
    statements: Sequence[LinkableStatement],
    index: tuple[list[int], list[int]],
    part: Amount,
    plan: Amount,
) -> int | None:
    """The statement (its index) of the part's amount with a percentage ``plan`` gives.

    Its attainment or excess fits the part against ``plan``, and it has no target, or a
    target linked from elsewhere that its percentage does not fit; None when there is none.
    ``thu nội địa đạt 3.520 tỷ đồng, đạt 80% dự toán`` and the plan's part 4.400: the
    statement of 3.520 with its 80 %; never one whose percentage the plan does not give
    (``…, đạt 60% dự toán``: of another plan, the part's pair stays a claim of its own).
    """
    starts, order = index
    lo = bisect.bisect_left(starts, part.start - _LEAD_REACH)
    hi = bisect.bisect_right(starts, part.start)
    for i in order[lo:hi]:
        s = statements[i]
        if s.actual != part.value or s.stated_kind not in ("attainment", "excess"):
            continue
        p = percent_of(s)
        if p is None or not isinstance(s.actual, Decimal) or not _fits(p, s.actual, plan.value):
            continue
        if s.target is None:
            return i
        linked = s.link_start is not None and isinstance(s.target, Decimal)
        if linked and not _fits(p, s.actual, s.target):  # type: ignore[arg-type]
            return i  # a plan of another scope linked before, which the figures disprove
    return None


def _fits(p: Percent, actual: Decimal, target: Decimal) -> bool:
    """Whether ``p`` is ``actual`` over ``target``, rounded or cut at its precision."""
    if target <= 0:
        return False
    return check_percent(p, actual, target).fits
