"""A whole year's result with no percentage, set against the year's plan written apart.

``Cả năm 2041, lợi nhuận sau thuế của công ty đạt 101 tỷ đồng.`` and, in another sentence or
paragraph, ``Năm 2041, công ty đặt kế hoạch lợi nhuận sau thuế 95 tỷ đồng.``: the result is
the plan's, no percentage. :func:`~kpitools.extract.part_year.link_part_year_amounts` reads
it with the amounts of part of a year (its checks of measure, unit, owner, rival plans) when
:func:`whole_year_result` says the amount is the plan's whole year.
"""

from __future__ import annotations

from decimal import Decimal

from kpitools.extract.amounts import (
    PART_OF_YEAR,
    Amount,
    clause_head,
    end_of_sentence,
    head_of_sentence,
)
from kpitools.extract.past_bases import SAME_PERIOD
from kpitools.extract.text import PLAN_NOUNS, years_named
from kpitools.textfold import rx

# "ước cả năm", "dự kiến cả năm đạt", "kế hoạch năm 2041": no result, a forecast or a plan;
# "so với năm 2040", "cùng kỳ": a base; "giai đoạn", "nhiệm kỳ": years of a term; "đến nay",
# "lũy kế" (not "lũy kế trong năm 2041", the year's sum): the year so far; "sẽ", "có thể",
# "phải", "cần", "nếu": a result ahead or asked for; "đối thủ", "đối tác": another owner's
_NO_RESULT = rx(
    r"(?<!\w)(?:ước|dự\s+kiến|dự\s+báo|dự\s+phóng|kỳ\s+vọng|phấn\s+đấu|mục\s+tiêu|kế\s+hoạch"
    rf"|chỉ\s+tiêu|dự\s+toán|so\s+với|{SAME_PERIOD}|giai\s+đoạn|nhiệm\s+kỳ|đến\s+năm|nửa|đầu\s+năm"
    r"|lũy\s+kế(?!\s+trong\s+năm)|tính\s+đến|đến\s+nay|hiện\s+nay|sẽ|có\s+thể|phải|cần|nếu"
    r"|đối\s+thủ|đối\s+tác)(?!\w)"
)
# "…, tăng 150 tỷ đồng so với kế hoạch": the result's own words put its plan
_AGAINST_PLAN = rx(rf"(?<!\w)so\s+với\s+{PLAN_NOUNS}(?!\w)")
_PLAN_REACH = 400
"""How far (characters) past its amount a plan's or result's sentence is read."""

# "Để đạt mục tiêu … cả năm, …", "Nhằm hoàn thành kế hoạch năm …": an aim still ahead, so the
# year is not over and a figure "of the year" is one to date
_AIM_AHEAD = rx(r"\s*(?:để|nhằm)(?!\w)")

WHOLE_YEAR_SPAN = (Decimal("0.5"), Decimal("1.5"))
"""How far from the plan (shares of it, low and high) a whole year's result may be."""
RESTATED_SHARE = Decimal("0.005")
"""How far from the plan a whole year's result may be (share of the plan) to be its result:
a year's result is near its plan; an amount far off it is of another scope. Within
:data:`RESTATED_SHARE` of it, the amount is the plan said again, rounded (``quy mô vốn đầu tư
công năm 2041 lên tới hơn 156.000 tỷ đồng`` for a plan of 156.000,99 billion): no result."""


def whole_year_result(
    folded: str, a: Amount, planned: tuple[Amount, Decimal], year: int | None
) -> bool:
    """Whether the amount ``a`` is the whole result of ``year``, of the plan ``planned``.

    ``planned`` is the plan's amount and its figure. The clause of ``a`` names ``year``
    before it (``năm 2041``), and no other year, no part of the year (``quý``, ``tháng``,
    ``tuần``, ``nửa``, ``đầu năm``), forecast, plan, base, term, the year to date, a result
    ahead or another owner (:data:`_NO_RESULT`); its sentence does not set it against a plan
    of its own (``tăng 150 tỷ đồng so với kế hoạch``); it is within :data:`WHOLE_YEAR_SPAN`
    of the plan, and not the plan restated (:data:`RESTATED_SHARE`). The plan's sentence
    names ``year`` too (``Năm tới, …`` sets out another year's plan), and does not open on
    an aim still ahead (:data:`_AIM_AHEAD`: ``Để đạt mục tiêu đón 16,5 triệu lượt khách cả
    năm, …``): the year's figure is then one to date.
    """
    plan, floor = planned
    plan_head = head_of_sentence(folded, plan.start)
    if year is None or floor <= 0 or _AIM_AHEAD.match(folded, plan_head):
        return False
    if str(year) not in years_named(
        folded, plan_head, end_of_sentence(folded, plan.end, _PLAN_REACH)
    ):
        return False
    if _AGAINST_PLAN.search(folded, a.end, end_of_sentence(folded, a.end, _PLAN_REACH)):
        return False
    head = clause_head(folded, a.start, 0)
    low, high = WHOLE_YEAR_SPAN
    return (
        years_named(folded, head, a.start) == {str(year)}
        and PART_OF_YEAR.search(folded, head, a.start) is None
        and _NO_RESULT.search(folded, head, a.start) is None
        and low * floor <= a.value <= high * floor
        and abs(a.value - floor) > RESTATED_SHARE * floor
    )
