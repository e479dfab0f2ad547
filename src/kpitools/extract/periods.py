"""The period of a year a stretch of folded text names, as a key.

One key scheme for every pass that compares the periods of two figures: ``q2`` for a
quarter (``quý II``, ``quý 2``), ``m9-`` for some months counted from the start of the year
(``9 tháng``), ``m-7`` for one month (``tháng 7``) (:func:`part_key`). The readers:
:func:`one_part_named` (the last single quarter or month of a stretch) and
:func:`period_named` (that, else some months counted, else the whole year), for
:mod:`~kpitools.extract.assembly` and :mod:`~kpitools.extract.named_plans`.
:mod:`~kpitools.extract.carried_periods` and :mod:`~kpitools.extract.part_year` read the
parts with patterns of their own reach (a year after the part, ``nửa đầu năm``; any word
after ``quý``) and key them with :func:`part_key`.
"""

from __future__ import annotations

from kpitools.textfold import rx

#: A quarter written in Roman numerals, as its digit.
ROMAN_QUARTERS = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}


def part_key(quarter: str | None, months: str | None, month: str | None) -> str:
    """The key of a part of a year: a quarter, some months counted, or a month.

    ``q2`` for ``quý II`` or ``quý 2``, ``m6-`` for ``6 tháng``, ``m-7`` for ``tháng 7``.

    >>> part_key("ii", None, None), part_key(None, "9", None), part_key(None, None, "7")
    ('q2', 'm9-', 'm-7')
    """
    if quarter:
        return "q" + ROMAN_QUARTERS.get(quarter, quarter)
    return "m" + (months or "") + "-" + (month or "")


#: "nửa đầu năm", "nửa năm": the half year's words, a pattern to write into others (loose:
#: :data:`kpitools.extract.half_year.HALF_YEAR` is the strict one, no length of time)
HALF_YEAR_WORDS = r"nửa\s+(?:đầu\s+)?năm"
# "sau 9 tháng", "6 tháng đầu năm", "nửa đầu năm", "2 quý đầu năm", "lũy kế": months counted
# (not a date, "ngày 31 tháng 12", nor the last quarter, "3 tháng cuối năm": :data:`_ONE_PART`)
MONTHS_COUNTED = rx(
    r"(?<!\w)(?<!ngày\s)(?:(?:\d{1,2}|hai|ba|sáu|chín)\s+(?:tháng|quý)(?!\w)"
    rf"(?<!(?:3|a)\stháng(?=\s+cuối\s+năm))|{HALF_YEAR_WORDS}|lũy\s+kế|luỹ\s+kế)"
)
# "quý III", "quý 2", "tháng 10", "3 tháng cuối năm" (the fourth quarter): one quarter or one
# month (not "2 quý", "9 tháng")
_ONE_PART = rx(
    r"(?<!\d\s)(?<!\w)(?:quý\s+(?P<q>i{1,3}|iv|[1-4])|tháng\s+(?P<m>1[0-2]|0?[1-9])"
    r"|(?:3|ba)\s+tháng\s+cuối\s+(?P<last>năm))(?!\w)"
)
# "cả năm", "năm 2041", "năm nay": the whole year
_WHOLE_YEAR = rx(r"(?<!\w)(?:cả\s+năm|năm\s+(?:19|20)\d\d|năm\s+nay)(?!\w)")


def one_part_named(folded: str, start: int, end: int) -> str | None:
    """The last quarter or month ``folded[start:end]`` names on its own, as a key.

    >>> one_part_named("trong quý iv tỉnh phấn đấu", 0, 26), one_part_named("9 tháng", 0, 7)
    ('q4', None)
    >>> one_part_named("tháng 07 và 3 tháng cuối năm", 0, 9)
    'm-7'
    """
    found = list(_ONE_PART.finditer(folded, start, end))
    if not found:
        return None
    last = found[-1]
    if last.group("last"):
        return "q4"
    m = last.group("m")
    return part_key(last.group("q"), None, str(int(m)) if m else None)


def period_named(folded: str, start: int, end: int) -> str | None:
    """The period ``folded[start:end]`` names, as a key.

    One quarter or month (:func:`one_part_named`), else ``months`` (some months counted,
    :data:`MONTHS_COUNTED`), else ``year`` (``cả năm``, ``năm 2041``), else None.
    """
    part = one_part_named(folded, start, end)
    if part is not None:
        return part
    if MONTHS_COUNTED.search(folded, start, end):
        return "months"
    return "year" if _WHOLE_YEAR.search(folded, start, end) else None
