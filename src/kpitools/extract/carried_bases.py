"""A bare ``bằng X%`` in a list takes the base the list's items before it named (issue 17).

``Thu nội địa ước đạt 5.200 tỷ đồng, bằng 20% dự toán và bằng 90% so với cùng kỳ; một số
khoản thu chủ yếu: thu từ khu vực ngoài quốc doanh 1.300 tỷ đồng, bằng 95,2% so với cùng
kỳ; thuế thu nhập cá nhân 420 tỷ đồng, bằng 108,1%; …``: the items of a list are written
alike, so a ``bằng`` with no base repeats the base of the last ``bằng`` before it that
names one — here the same period of the year before, not a plan. Such a percentage is read
with no result (it is no attainment). A bare ``đạt X%`` item is the same (review 35a): the
items may say ``đạt`` or ``bằng`` alike, so either takes and gives the base.
:func:`drop_carried_base_claims` runs in :func:`kpitools.extract.document.link_document`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.checks import without_result
from kpitools.extract.past_bases import COMPARE_WORDS, LAST_PERIOD
from kpitools.extract.text import NUM
from kpitools.textfold import fold, rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement

_REACH = 600
"""How far (characters) before a statement the list's earlier items are read."""

# "bằng 95,2%" and what follows it up to the end of its clause
_EQUALS = rx(rf"(?<!\w)(?:bằng|đạt)\s+(?:{NUM})\s*%(?P<base>[^;.\n]{{0,60}})")
# the base a "bằng" names: the same period (a year or a time before), or a plan
_SAME_PERIOD = rx(rf"^\s*(?:{COMPARE_WORDS})?{LAST_PERIOD}")
_NAMED_BASE = rx(
    r"^\s*(?:so\s+(?:với\s+)?)?(?:cùng\s+kỳ|năm|kỳ|tháng|quý|dự\s+toán|kế\s+hoạch|chỉ\s+tiêu"
    r"|mục\s+tiêu|kh|nq|nghị\s+quyết)(?!\w)"
)
_BARE_END = re.compile(r"\s*(?:[;.]|$)")
_SENTENCE_START = re.compile(r"[.!?]\s|\n")


def drop_carried_base_claims(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, a bare ``bằng X%`` whose list's base is the same period read with no result.

    ``s`` states an attainment ``bằng X%`` (or ``đạt X%``) and nothing after the percentage
    closes its clause (``;`` or the sentence's end); in its sentence, the last ``bằng`` or
    ``đạt`` before it that names a base names the same period (``so với cùng kỳ``, ``năm
    trước``).
    """
    return [without_result(s) if _carried(s, text) else s for s in statements]


def _carried(s: LinkableStatement, text: str) -> bool:
    if s.stated_kind != "attainment" or s.stated is None or s.target is not None:
        return False
    if not isinstance(s.actual, Decimal):
        return False
    own = re.search(rf"(?<!\w)(?:bằng|đạt)\s+{re.escape(fold(s.stated).strip())}\s*$", fold(s.text))
    if own is None or _BARE_END.match(text, s.end) is None:
        return False
    low = max(0, s.start - _REACH)
    head = max((m.end() for m in _SENTENCE_START.finditer(text, low, s.start)), default=low)
    folded = fold(text[head : s.start + own.start()])
    for m in reversed(list(_EQUALS.finditer(folded))):
        base = m.group("base")
        if _NAMED_BASE.match(base):
            return _SAME_PERIOD.match(base) is not None
    return False
