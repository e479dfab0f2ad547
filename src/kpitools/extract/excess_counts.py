"""The plan an excess written as a count gives a percentage said beside it.

:func:`excess_count_beside_percent`: ``vượt 680 tấn so với kế hoạch, vượt khoảng 8% kế
hoạch`` or ``bằng 105,9% kế hoạch, vượt kế hoạch 540 cây``: the result less the margin is
the plan when the percentage fits it; :func:`plan_compared_with`: the figure after ``vượt so
với kế hoạch …`` that is the plan itself. Moved out of :mod:`kpitools.extract.records`, which
calls them while it settles a draft's kind.
"""

from __future__ import annotations

from kpitools.extract.figures import Draft, Figure, single
from kpitools.extract.percentages import fits_percent
from kpitools.extract.text import Doc
from kpitools.numbers import check_percent
from kpitools.textfold import rx

# "vượt gần 6% kế hoạch", "(vượt 6%) so với chỉ tiêu": a percentage over a plan named
_OVER_PLAN_NEXT = rx(
    r"\s*\)?\s*(?:so\s+với\s+)?(?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu|dự\s+toán|kh)(?!\w)"
)

# "đạt 128,4%, vượt chỉ tiêu được giao là 212 triệu đồng": the excess itself over a plan named
_PLAN_BEATEN = rx(
    r"(?<!\w)vượt\s+(?:mức\s+)?(?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu|dự\s+toán|kh)(?!\w)"
)


def excess_count_beside_percent(doc: Doc, d: Draft) -> None:
    """The plan an excess written both as a count and as a percentage gives.

    ``thu hoạch 9.180 tấn chè búp, vượt 680 tấn so với kế hoạch, vượt khoảng 8% kế hoạch đề
    ra``: 9.180 − 680 = 8.500 is the plan, taken when the result and the count are exact,
    the percentage names a plan right after it (not ``so với cùng kỳ``) and fits the plan
    at its written precision (108 %: 8 % over). An attainment fits as itself (``bằng 105,9%
    kế hoạch, vượt kế hoạch 540 cây``), also as the second percentage of the result, when
    the count comes after it (:func:`_twin_excess`). The plan may also be named before the
    count rather than after the percentage (``đạt 130%, vượt chỉ tiêu được giao là 192
    triệu đồng``).
    """
    f, e, p = d.actual_fig, d.excess_fig, d.percent_fig
    if e is None and d.twin_of is not None and d.kind == "attainment":
        e = _twin_excess(d.twin_of, p)
    if d.kind not in ("excess", "attainment") or d.target is not None or f is None or e is None:
        return
    if f.qualifier or p is None:
        return
    if not (
        _OVER_PLAN_NEXT.match(doc.fold, p.end, p.sentence.end)
        or (p.end <= e.start and _PLAN_BEATEN.search(doc.fold, p.end, e.start))
    ):
        return
    a, excess = single(d.actual), single(e.value)
    if e.qualifier or a is None or excess is None or not 0 < excess < a:
        return
    # an excess over the plan may be written as 108 % or as 8 %; an attainment only as itself
    if d.kind == "excess":
        fits = fits_percent(p, a, a - excess)
    else:
        fits = p.percent is not None and bool(check_percent(p.percent, a, a - excess).consistent)
    if fits:
        d.target, d.derived = a - excess, True


def _twin_excess(first: Draft, p: Figure | None) -> Figure | None:
    """The excess count of ``first`` when it comes after ``p``, or None.

    ``p`` is the percentage of a second plan said of the same result (``bằng 107% kế hoạch của
    xã, đạt 106% kế hoạch huyện giao, vượt 540 cây``): the margin may be of that second plan.
    """
    e = first.excess_fig
    return e if e is not None and p is not None and p.end <= e.start else None


# "vượt so với kế hoạch được giao 900 cây": the figure after a plan compared with
_COMPARED_LEAD = rx(r"(?<!\w)so\s+với\s+(?:chỉ\s+tiêu|kế\s+hoạch|dự\s+toán|kh)(?!\w)[^\d]*$")


def plan_compared_with(doc: Doc, d: Draft, f: Figure) -> bool:
    """Whether the excess figure ``f`` after ``vượt so với kế hoạch …`` is the plan itself.

    Half the result or more is the plan (``đạt 950 cây, vượt so với kế hoạch được giao 900
    cây``), no margin over it (``…, vượt so với kế hoạch được giao 50 cây`` is one).
    """
    a, e = single(d.actual), single(f.value)
    if a is None or e is None or e * 2 < a:
        return False
    return _COMPARED_LEAD.search(doc.fold, max(f.clause, f.start - 60), f.start) is not None
