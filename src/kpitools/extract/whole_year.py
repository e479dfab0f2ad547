"""A whole year's result with no percentage, set against the year's plan written apart.

``Cả năm 2041, lợi nhuận sau thuế của công ty đạt 101 tỷ đồng.`` and, in another sentence or
paragraph, ``Năm 2041, công ty đặt kế hoạch lợi nhuận sau thuế 95 tỷ đồng.``: the result is
the plan's, no percentage. :func:`~kpitools.extract.part_year.link_part_year_amounts` reads
it with the amounts of part of a year (its checks of measure, unit, owner, rival plans) when
:func:`whole_year_result` says the amount is the plan's whole year.
"""

from __future__ import annotations

from decimal import Decimal

from kpitools.extract.amounts import PART_OF_YEAR, Amount, clause_head, head_of_sentence
from kpitools.textfold import rx

# "Cả năm 2041", "Kết thúc năm 2041", "Tính chung năm 2041", "Năm 2041": the whole year named
_WHOLE_YEAR = rx(r"(?<!\w)năm\s+((?:19|20)\d\d)(?!\d)")

# "ước cả năm", "dự kiến cả năm đạt", "kế hoạch năm 2041": no result, a forecast or a plan;
# "so với năm 2040", "cùng kỳ": a base; "giai đoạn", "nhiệm kỳ": years of a term
_NO_RESULT = rx(
    r"(?<!\w)(?:ước|dự\s+kiến|dự\s+báo|dự\s+phóng|kỳ\s+vọng|phấn\s+đấu|mục\s+tiêu|kế\s+hoạch"
    r"|chỉ\s+tiêu|dự\s+toán|so\s+với|cùng\s+kỳ|giai\s+đoạn|nhiệm\s+kỳ|đến\s+năm|nửa|đầu\s+năm"
    r"|lũy\s+kế\s+từ|tính\s+đến)(?!\w)"
)

# "Để đạt mục tiêu … cả năm, …", "Nhằm hoàn thành kế hoạch năm …": an aim still ahead, so the
# year is not over and a figure "of the year" is one to date
_AIM_AHEAD = rx(r"\s*(?:để|nhằm)(?!\w)")

WHOLE_YEAR_SPAN = (Decimal("0.5"), Decimal("1.5"))
RESTATED_SHARE = Decimal("0.005")
"""How far from the plan a whole year's result may be (share of the plan) to be its result:
a year's result is near its plan; an amount far off it is of another scope. Within
:data:`RESTATED_SHARE` of it, the amount is the plan said again, rounded (``quy mô vốn đầu tư
công năm 2041 lên tới hơn 156.000 tỷ đồng`` for a plan of 156.000,99 billion): no result."""


def whole_year_result(
    folded: str, a: Amount, planned: tuple[Amount, Decimal], year: int | None
) -> bool:
    """Whether the amount ``a`` is the whole result of ``year``, whose plan is ``floor``.

    Its sentence names ``year`` before it, and no other year, no part of the year (``quý``,
    ``tháng``, ``tuần``, ``nửa``, ``đầu năm``), forecast, plan, base or term
    (:data:`_NO_RESULT`); it is within :data:`WHOLE_YEAR_SPAN` of the plan, and not the plan
    restated (:data:`RESTATED_SHARE`). Not when the plan's sentence opens on an aim still
    ahead (:data:`_AIM_AHEAD`: ``Để đạt mục tiêu đón 16,5 triệu lượt khách cả năm, …``): the
    year's figure is then one to date.
    """
    plan, floor = planned
    if year is None or floor <= 0 or _AIM_AHEAD.match(folded, head_of_sentence(folded, plan.start)):
        return False
    head = clause_head(folded, a.start, 0)
    years = {m.group(1) for m in _WHOLE_YEAR.finditer(folded, head, a.start)}
    low, high = WHOLE_YEAR_SPAN
    return (
        years == {str(year)}
        and PART_OF_YEAR.search(folded, head, a.start) is None
        and _NO_RESULT.search(folded, head, a.start) is None
        and low * floor <= a.value <= high * floor
        and abs(a.value - floor) > RESTATED_SHARE * floor
    )
