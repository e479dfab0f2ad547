"""A half year's amount, named by its half and not its months, for the part-year pass.

``Lũy kế nửa đầu năm, công ty có gần 31 tỷ đồng lợi nhuận sau thuế.`` and, in another
sentence or paragraph, ``Năm 2041, công ty đặt kế hoạch lợi nhuận sau thuế 42 tỷ đồng.``: the
half year's amount is the plan's part-year result, no percentage, as ``6 tháng đầu năm`` is.
:func:`~kpitools.extract.part_year.link_part_year_amounts` names a part of the year before an
amount by :data:`~kpitools.extract.amounts.PART_OF_YEAR` (``quý``, ``tháng``, ``tuần``), which
has no half year; :func:`part_named_with_half` reads it there, and all the pass's other checks
(measure, smaller than the plan, year, owner, rival plans, growth) stay.
"""

from __future__ import annotations

from kpitools.extract.amounts import Amount
from kpitools.textfold import rx

# "nửa đầu năm", "nửa năm nay", "nửa năm qua", "nửa năm 2041": the first half, named; not
# "nửa cuối năm" (the half to come, as a rule a forecast), "một nửa năm 2040" (a half of a
# year's figure, no period), nor half a year as a length of time ("cách đây nửa năm", "hơn
# nửa năm hoạt động", "trong vòng nửa năm")
HALF_YEAR = rx(
    r"(?<!\w)(?<!một\s)(?<!hơn\s)(?<!gần\s)(?<!cách\sđây\s)(?<!vòng\s)(?<!chỉ\strong\s)"
    r"nửa\s+(?:đầu\s+năm|năm\s+(?:nay|qua|\d{4}))(?!\w)"
)


def part_named_with_half(folded: str, head: int, a: Amount) -> bool:
    """Whether ``a``'s clause names the first half before it, or a part after it with ``sau``.

    The half by :data:`HALF_YEAR` (from ``head``); after ``a``, any part of the year counted
    from its start (``sau nửa đầu năm``, ``sau 9 tháng đầu năm``: :data:`_AFTER_PART`), which
    the pass's months do not read.

    Example
    -------
    >>> from kpitools.extract.amounts import amounts_in
    >>> text = "lũy kế nửa đầu năm, công ty lãi 31 tỷ đồng"
    >>> part_named_with_half(text, 0, amounts_in(text, 0, len(text))[-1])
    True
    """
    return HALF_YEAR.search(folded, head, a.start) is not None or bool(
        _AFTER_PART.match(folded, a.end)
    )


# "lãi sau thuế 910 tỷ đồng sau nửa đầu năm", "… sau 9 tháng đầu năm": the part of the year
# named right after the amount with "sau" (``trong`` and ``của``: the pass's own
# ``_PERIOD_AFTER``); not "sau quý I" nor "sau 6 tháng" alone (after some months of what, not
# said), nor with a year after it (the year the pass checks is named before the amount)
_AFTER_PART = rx(r"\s+sau\s+(?:nửa\s+đầu\s+năm|\d{1,2}\s+tháng\s+đầu\s+năm)(?!\w)(?!\s*/?\s*\d)")
