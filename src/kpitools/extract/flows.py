"""Amounts of one week or one day set against a plan written in another sentence.

``Như vậy, số giải ngân phát sinh trong tuần là 3.500 tỷ đồng`` and, a sentence later, a
year's plan of 99.000 tỷ đồng: the week's flow is no progress toward the year's plan (the
running total is), and nothing in the text sets the two side by side.
:func:`drop_flows_against_plans` takes such a pairing out, unless a percentage of the plan
is stated with the amount (``trong tuần giải ngân 3.500 tỷ đồng, đạt 3,5% kế hoạch``: the
text says so).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.amounts import FULL_STOP, end_of_sentence, last_end
from kpitools.textfold import fold, rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement


# "phát sinh trong tuần", "trong tuần 19-25/6", "tuần qua", "trong ngày", "mỗi ngày": a flow
# of one week or one day
_ONE_WEEK_OR_DAY = rx(
    r"(?<!\w)(?:(?:trong|mỗi|một|hằng|hàng)\s+(?:tuần|ngày)"
    r"|tuần\s+(?:qua|này|trước|vừa\s+qua))(?!\w)"
)

# "từ đầu năm", "lũy kế", "đến hết …", "tính đến …": the running total, not the week's
_RUNNING = rx(r"(?<!\w)(?:từ\s+đầu\s+năm|l[uũ][yỹ]\s+kế|đến\s+hết|tính\s+đến|đến\s+nay)(?!\w)")

_LEAD_REACH = 200
"""How far before an amount (characters) its sentence's words are read."""


def drop_flows_against_plans(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements without a week's or a day's amount paired with a plan written apart.

    A statement with a result and a target, no stated percentage, its target linked from
    outside its sentence, whose sentence names one week or one day before its figure
    (:data:`_ONE_WEEK_OR_DAY`) and no running total (:data:`_RUNNING`).
    """
    return [s for s in statements if not _flow_against_plan(s, text)]


def _flow_against_plan(s: LinkableStatement, text: str) -> bool:
    if (
        not isinstance(s.actual, Decimal)
        or s.target is None
        or s.stated is not None
        or s.link_start is None
    ):
        return False
    floor = max(0, s.start - _LEAD_REACH)
    opening = last_end(FULL_STOP, text, s.start, floor)
    if (
        opening <= s.link_start < s.start
        or end_of_sentence(text, s.end, _LEAD_REACH) > s.link_start >= s.end
    ):
        return False  # the plan is written in the amount's own sentence
    lead = fold(text[opening : s.start])
    return _ONE_WEEK_OR_DAY.search(lead) is not None and _RUNNING.search(lead) is None
