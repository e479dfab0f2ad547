"""A plan's next item written as a sentence of its own, set against a past year's result.

``Năm 2041, công ty lập kế hoạch kinh doanh với doanh thu 900 tỷ đồng, tăng 20% so với thực
hiện năm 2040. Lợi nhuận sau thuế đạt 60 tỷ đồng, tăng 40% so với thực hiện năm 2040.``: the
second sentence names no plan, but its amount is the plan's next item, not a result — its
growth is over the realized figure (``thực hiện``) of the year before, the wording of a plan.
:func:`plan_going_on` tells such an amount; the sentence grammar reads it as a target
(:func:`~kpitools.extract.figure_roles.role_in_clause`) and the part-year pass sets a
quarter's result against it (:func:`~kpitools.extract.part_year.link_part_year_amounts`).
"""

from __future__ import annotations

from kpitools.extract.amounts import FULL_STOP, head_of_sentence
from kpitools.textfold import rx

# "lập kế hoạch", "đặt mục tiêu", "xây dựng kế hoạch", "đề ra chỉ tiêu", "đưa ra kế hoạch":
# a plan set out by a verb
PLAN_SET_OUT_WORDS = (
    r"(?<!\w)(?:(?:đặt|lập|xây\s+dựng)(?:\s+ra)?|(?:đề|đưa)\s+ra)\s+"
    r"(?:kế\s+hoạch|mục\s+tiêu|chỉ\s+tiêu)"
)
PLAN_SET_OUT = rx(rf"{PLAN_SET_OUT_WORDS}(?!\w)")
# "…, tăng 40% so với thực hiện năm 2040": the growth over a named year's realized figure,
# right after the amount
_OVER_DONE_AFTER = rx(
    r"\s*,\s*(?:tăng|giảm)(?:\s+(?:khoảng|gần|hơn|trên))?\s+\d[\d.,]*\s*%\s+so\s+với"
    r"\s+(?:kết\s+quả\s+|mức\s+)?thực\s+hiện(?:\s+(?:của\s+)?năm)?\s+(?:19|20)\d\d(?!\w)"
)
# the words before the amount: its measure, maybe "đạt", "là", "dự kiến", a qualifier …
_MEASURE_LEAD = rx(
    r"\W*(?:[^\W\d_]+\s+){1,6}?(?:(?:dự\s+kiến\s+)?(?:đạt|là)\s+)?"
    r"(?:(?:khoảng|gần|hơn|trên)\s+)?"
)
# … and no part of the year, year, estimate or word of a result among them
_RESULT_IN_LEAD = rx(
    r"(?<!\w)(?:quý|tháng|nửa|lũy|luỹ|ước|thực|kết|đã|được|năm|trong|riêng|còn)(?!\w)"
)
_REACH = 400
"""How far (characters) back the sentence before is looked for."""


def plan_going_on(folded: str, start: int, end: int) -> bool:
    """Whether the amount ``folded[start:end]`` (its unit included) goes on with a plan.

    It opens its sentence after its measure only (:data:`_MEASURE_LEAD`: no figure, year,
    part of the year or word of a result), its growth over the realized figure of a named
    year right after it (``…, tăng 40% so với thực hiện năm 2040``), and the sentence right
    before, in the same paragraph, sets out a plan (:data:`PLAN_SET_OUT`). A result of the
    year compared with the year before's ``thực hiện`` is written so too: the plan's
    sentence right before is what tells the two apart.
    """
    head = head_of_sentence(folded, start)
    if head == 0 or folded[head - 2 : head] != ". ":
        return False  # the text's or a line's first sentence: no plan's sentence before
    lead = folded[head:start]
    if not _MEASURE_LEAD.fullmatch(lead) or _RESULT_IN_LEAD.search(lead):
        return False
    if _OVER_DONE_AFTER.match(folded, end) is None:
        return False
    before = max(0, head - 2 - _REACH)
    stops = [m.end() for m in FULL_STOP.finditer(folded, before, head - 2)]
    low = stops[-1] if stops else before
    if not stops and before > 0:
        return False  # a sentence longer than the reach: not looked into
    return PLAN_SET_OUT.search(folded, low, head) is not None
