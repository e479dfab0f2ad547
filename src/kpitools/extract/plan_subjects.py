"""Whose amount and whose plan: a result and a year's plan of different subjects.

Round 114. A pair with nothing stated has no percentage to confirm it, so the words that name whose
figure each is must not disagree:

* :func:`levels_apart`: ``Sau 9 tháng, huyện Tân Phú thu ngân sách 320 tỷ đồng`` and ``Năm
  2041, tỉnh đặt mục tiêu thu ngân sách 12.000 tỷ đồng``: a district's amount is no result of
  the province's plan (the sentences name units of two kinds);
* :func:`part_named_first`: ``mảng bán lẻ mang về doanh thu 700 tỷ đồng``, ``chủ yếu là
  doanh thu bán thép với giá trị 1.900 tỷ đồng``: a segment's or a breakdown item's amount,
  named before its measure, is no result of the whole's plan.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kpitools.extract.amounts import MEASURE_NAMES_RX, clause_head, head_of_sentence
from kpitools.textfold import rx

if TYPE_CHECKING:
    from kpitools.extract.amounts import Amount

# a unit's kind, alone or before its name ("huyện Tân Phú", "toàn tỉnh", "thị xã"); not
# "xã hội" (society: "Sở Lao động - Thương binh và Xã hội")
_UNIT_KIND = rx(
    r"(?<!\w)(huyện|quận|thị\s+xã|thành\s+phố|tỉnh|xã(?!\s+hội)|phường|thị\s+trấn)(?!\w)"
)


def _kinds(folded: str, start: int, end: int) -> set[str]:
    """The kinds of unit ``folded[start:end]`` names (``thị xã`` is not ``xã``)."""
    return {" ".join(m.group(1).split()) for m in _UNIT_KIND.finditer(folded, start, end)}


def levels_apart(folded: str, a: Amount, plan: Amount) -> bool:
    """Whether the sentences of ``a`` and ``plan`` name units of different kinds only.

    Each is read up to its amount: ``Sau 9 tháng, huyện Tân Phú thu ngân sách 320 tỷ đồng`` against
    ``Năm 2041, tỉnh đặt mục tiêu thu ngân sách 12.000 tỷ đồng`` (a district and the
    province). One naming none, or both a kind in common, may be of one unit.

    >>> from kpitools.extract.amounts import amounts_in
    >>> t = "quý i, huyện a thu 320 tỷ đồng. năm nay, tỉnh đặt mục tiêu thu 12.000 tỷ đồng."
    >>> a, plan = amounts_in(t, 0, len(t))
    >>> levels_apart(t, a, plan), levels_apart(t, plan, plan)
    (True, False)
    """
    mine = _kinds(folded, head_of_sentence(folded, a.start), a.start)
    theirs = _kinds(folded, head_of_sentence(folded, plan.start), plan.start)
    return bool(mine and theirs) and not mine & theirs


# a segment, a subsidiary, a branch or the main item of a breakdown, named before a measure:
# "mảng bán lẻ mang về doanh thu", "chủ yếu là doanh thu bán thép", "công ty con đạt lợi nhuận"
_PART_FIRST = rx(
    r"(?<!\w)(?:mảng|khối|phân\s+khúc|ngành\s+hàng|chi\s+nhánh|công\s+ty\s+(?:con|mẹ)"
    r"|chủ\s+yếu(?:\s+(?:là|từ|đến\s+từ|nhờ))?)(?!\w)"
)
_COMMA = rx(r",")


def part_named_first(folded: str, a: Amount) -> bool:
    """Whether the clause of ``a`` names a segment or an item before its measure.

    The measure is the one named last before ``a``: ``Sau 9 tháng, mảng bán lẻ mang về
    doanh thu 700 tỷ đồng``, ``…, chủ yếu là doanh thu bán thép với giá trị hơn 1.900 tỷ
    đồng``. The clause starts at its sentence's head or the last comma before that measure.

    >>> from kpitools.extract.amounts import amounts_in
    >>> t = "quý iv, doanh thu đạt 2.300 tỷ đồng, chủ yếu là doanh thu bán thép 1.900 tỷ đồng."
    >>> whole, item = amounts_in(t, 0, len(t))
    >>> part_named_first(t, whole), part_named_first(t, item)
    (False, True)
    """
    head = clause_head(folded, a.start, max(0, a.start - 200))
    named = list(MEASURE_NAMES_RX.finditer(folded, head, a.start))
    if not named:
        return False
    commas = [m.end() for m in _COMMA.finditer(folded, head, named[-1].start())]
    low = commas[-1] if commas else head
    return _PART_FIRST.search(folded, low, named[-1].start()) is not None
