"""A part of the year named before a firm's code in brackets: ``(Mã: IMP)``, ``(HoSE: DXG)``.

``Theo báo cáo tài chính quý II/2041, CTCP Sao Mai (HoSE: SMA) ghi nhận doanh thu thuần đạt
633 tỷ đồng``: the colon of the code ends no clause, so the quarter named before it is the
amount's (the sentence grammar's clause, :func:`~kpitools.extract.amounts.clause_head`, starts
after any colon). :func:`part_before_code` tells it, for the part-year pass
(:func:`~kpitools.extract.part_year.link_part_year_amounts`).
"""

from __future__ import annotations

import re

from kpitools.extract.amounts import PART_OF_YEAR, YEAR, Amount, clause_head
from kpitools.extract.half_year import HALF_YEAR

# a code and the bracket closing it, right after the colon: "IMP)", "DXG )"
_CODE_CLOSED = re.compile(r"[^\W_]{2,6}\s*\)")
_LABEL_CHARS = 25
"""The most characters between the bracket and the colon (``mã chứng khoán``, ``HoSE``)."""


def part_before_code(folded: str, head: int, a: Amount, year: int | None = None) -> bool:
    """Whether ``a``'s clause starts after a code's colon and a part of the year is named before.

    ``head``: where ``a``'s clause starts (after ``(HoSE: ``). The bracket opens at most
    :data:`_LABEL_CHARS` characters before the colon and closes right after a code of two to
    six letters or digits; the clause before the bracket names a quarter, a month, a week or
    the first half (``Theo báo cáo tài chính hợp nhất nửa năm, …``) before it, and names no
    year but ``year`` (the plan's, when known): ``Trong quý IV/2040, CTCP … (HoSE: SMA) …`` is
    no part of 2041 (the clause's own year check, :func:`~kpitools.extract.amounts.of_year`,
    reads only after the colon).
    """
    if head < 2 or folded[head - 2] != ":" or not _CODE_CLOSED.match(folded, head):
        return False
    bracket = folded.rfind("(", max(0, head - 2 - _LABEL_CHARS), head)
    if bracket < 0 or ")" in folded[bracket:head]:
        return False
    start = clause_head(folded, bracket, 0)
    years = {m.group() for m in YEAR.finditer(folded, start, bracket)}
    if year is not None and years and str(year) not in years:
        return False
    return bool(
        PART_OF_YEAR.search(folded, start, bracket) or HALF_YEAR.search(folded, start, bracket)
    )
