"""A plan's list in one sentence: a later figure of the list is no result of an earlier one.

Round 114. ``Tập đoàn đặt mục tiêu lợi nhuận hợp nhất trước thuế 520 tỷ đồng, lợi nhuận
trước thuế công ty mẹ 410 tỷ đồng`` and ``đặt mục tiêu sản lượng vận chuyển đạt 12,4 triệu
tấn, sản lượng xếp dỡ đạt 31,2 triệu tấn`` set out two plans each: the second figure is not a
result against the first, although its clause repeats the first's measure words or verb
(which the sentence grammar reads as a result said again).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kpitools.extract.amounts import amounts_in, sets_out_plan
from kpitools.textfold import rx

if TYPE_CHECKING:
    from kpitools.extract.amounts import Amount
    from kpitools.extract.figures import Figure

# words of a result (or of its period) between a plan and a later figure: "…, đã đạt",
# "…, lũy kế 9 tháng đạt", "…, với việc hoàn thành tấn than thứ …": the later figure is a
# result ("đạt" alone is also a plan's verb: "mục tiêu … đạt 12,4 triệu tấn, … đạt …")
_RESULT_BETWEEN = rx(
    r"(?<!\w)(?:đã|được|thực\s+hiện|kết\s+quả|lũy\s+kế|ước|hiện|còn|mới|nhưng|song|tuy|quý"
    r"|tháng|tính\s+đến|đến\s+nay|so\s+với|bằng|vượt|cùng\s+kỳ|hoàn\s+thành|ghi\s+nhận"
    r"|mang\s+về|thu\s+về|báo\s+lãi|về\s+đích|cán\s+đích)(?!\w)"
)
# the last word before a figure's number (its verb, "đạt" of "sản lượng … đạt 12,4 triệu tấn")
_LAST_WORD = re.compile(r"(\w+)\s*$")


# a verb or a hedge before a figure, no word naming what it is of
_FILLER = frozenset({"đạt", "là", "khoảng", "hơn", "trên", "gần", "sẽ", "ở", "mức"})


def _said_again(folded: str, target: Figure, actual: Figure) -> bool:
    """Whether the words naming ``actual`` (from the comma before it) all name ``target`` too.

    ``đặt mục tiêu doanh thu 80 tỷ đồng, doanh thu đạt 84 tỷ đồng``: the plan's own measure
    said again, so a result (round 44); ``lợi nhuận trước thuế công ty mẹ`` after ``lợi nhuận
    hợp nhất trước thuế`` names another scope, one more figure of the plan.
    """
    low = max(folded.rfind(",", target.span_end, actual.span_start) + 1, target.span_end)
    mine = {w for w in folded[low : actual.span_start].split() if w not in _FILLER}
    theirs = set(folded[target.sentence.start : target.span_start].split())
    return mine <= theirs


def _amount_at(folded: str, f: Figure) -> Amount | None:
    """The amount read at the figure ``f``'s number, if one is."""
    found = [a for a in amounts_in(folded, f.start, f.span_end + 1) if a.start == f.start]
    return found[0] if found else None


def one_more_plan(folded: str, target: Figure, actual: Figure) -> bool:
    """Whether ``actual``, after ``target`` in its sentence, is one more figure of its plan.

    The sentence sets out a plan at ``target`` (:func:`~kpitools.extract.amounts.sets_out_plan`);
    ``actual`` is one more of its figures when neither a semicolon nor a word of a result or
    a period stands between the two (``đến nay``, ``đã``, ``lũy kế``, ``quý``, ``ước`` …), and
    the sentence sets it out as a plan too (a list of measures after ``đặt mục tiêu``) or the
    word right before each number is the same (``… vận chuyển đạt 12,4 triệu tấn, sản lượng
    xếp dỡ đạt 31,2 triệu tấn``: the plan's verb said again). Not ``kế hoạch 500 tỷ đồng, đã
    thực hiện 520 tỷ đồng`` nor ``mục tiêu đạt 500 tỷ đồng, lũy kế 9 tháng đạt 420 tỷ đồng``.
    """
    if target.sentence is not actual.sentence or target.span_end > actual.span_start:
        return False
    floor = target.sentence.start
    t, a = _amount_at(folded, target), _amount_at(folded, actual)
    if t is None or a is None or not sets_out_plan(folded, t, floor, qualified=True):
        return False
    between = folded[target.span_end : actual.span_start]
    if ";" in between or _RESULT_BETWEEN.search(between):
        return False  # "kế hoạch vốn … là 3.400 triệu đồng; giải ngân đến 20/01 là 3.100 …"
    if _said_again(folded, target, actual):
        return False  # "đặt mục tiêu doanh thu 80 tỷ đồng, doanh thu đạt 84 tỷ đồng"
    if sets_out_plan(folded, a, floor, qualified=True):
        return True
    mine = _LAST_WORD.search(folded, max(floor, actual.span_start - 30), actual.span_start)
    theirs = _LAST_WORD.search(folded, max(floor, target.span_start - 30), target.span_start)
    return mine is not None and theirs is not None and mine.group(1) == theirs.group(1)
