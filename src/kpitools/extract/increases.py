"""A plan's percentage said after the increase of a stock (issue 17).

``quỹ đạt 84 tỷ đồng, tăng 12 tỷ đồng so với đầu năm, hoàn thành 315% kế hoạch năm``: the
315 % is the increase's attainment when the words or the figures say so, never the stock's.
"""

from __future__ import annotations

from kpitools.extract.figures import Draft, Figure
from kpitools.extract.text import PLAN_NOUNS, Doc
from kpitools.textfold import rx

# ", tăng" / ", tăng thêm gần": the words between a stock and its increase
_INCREASE_LEAD = rx(r"\s*,?\s*tăng(?:\s+thêm)?\s*(?:gần|hơn|trên|khoảng)?\s*")
# " so với đầu năm, hoàn thành": the increase's base, a point the stock was held at (the
# start of the year, the end of the year before, a day), then the verb of the percentage,
# nothing else; never "so với cùng kỳ", "so với năm 2040": a flow's rise on a past period,
# whose plan may well be below last year's result
_SINCE_THEN_VERB = rx(
    r"(?:\s+so\s+với(?:\s+thời\s+điểm)?\s+(?:đầu\s+(?:năm|kỳ)(?:\s+(?:19|20)\d\d)?"
    r"|cuối\s+năm\s+(?:(?:19|20)\d\d|trước|ngoái)|(?:ngày\s+)?(?:31/12|0?1/0?1)(?:/(?:19|20)\d\d)?))?"
    r"\s*,?\s*(?:và\s+)?(?:đạt|bằng|hoàn\s+thành)(?:\s+được)?\s*"
)
# "kế hoạch tăng trưởng", "chỉ tiêu tăng thêm": a plan of the increase by its name
_PLAN_OF_INCREASE = rx(
    rf"\s*(?:so\s+với\s+)?(?:{PLAN_NOUNS}|kh)\s+(?:tăng\s+trưởng|tăng\s+thêm)(?!\w)"
)


def increase_before(doc: Doc, stock: Figure, p: Figure, figs: list[Figure]) -> Figure | None:
    """The increase of ``stock`` whose attainment the plan's percentage ``p`` is.

    ``84 tỷ đồng, tăng 12 tỷ đồng so với đầu năm, hoàn thành 315% kế hoạch``: the increase
    written between the two (a sum of money as the stock is, then a past time and the verb
    alone) is the one ``p`` is of when the plan is named as one of growth (``kế hoạch tăng
    trưởng``), or when the stock's plan by ``p`` would be below the stock held before the
    increase (84 / 3,15 = 26,7, under 84 - 12 = 72: no plan sets a stock below what it was).
    None when ``p`` may be the stock's (``…, đạt 90% kế hoạch``: 93,6 is above 72), and when
    the base is a past period (``so với cùng kỳ``: a flow, whose plan may be below last
    year's result).
    """
    if stock.kind != "count" or p.kind != "percent" or stock.sentence is not p.sentence:
        return None
    between = [f for f in figs if stock.end <= f.start and f.end <= p.start]
    if len(between) != 1 or _plan_written_after(doc, p, figs):
        return None
    inc = between[0]
    if inc.kind != "count" or inc.owner is not None or inc.measure != stock.measure:
        return None
    if stock.measure is None:  # sums of money only: "tăng 1,8 lần" is a multiple, no increase
        return None
    lead = _INCREASE_LEAD.fullmatch(doc.fold, stock.span_end, inc.start)
    if lead is None or not _SINCE_THEN_VERB.fullmatch(doc.fold, inc.span_end, p.start):
        return None
    held, rise, stated = stock.values[0], inc.values[0], p.values[0]
    if not (0 < rise < held and stated > 0):
        return None
    if _PLAN_OF_INCREASE.match(doc.fold, p.end):
        return inc
    return inc if held * 100 / stated < held - rise else None


def _plan_written_after(doc: Doc, p: Figure, figs: list[Figure]) -> bool:
    """Whether an amount follows ``p`` in its item: the plan written.

    ``đạt 140% kế hoạch (10 tổ chức)``: the plan's fit, not this rule, says whose ``p`` is.
    """
    end = doc.fold.find(";", p.end, p.sentence.end)
    end = p.sentence.end if end < 0 else end
    return any(f.kind == "count" and p.end <= f.start < end for f in figs)


def increase_draft(doc: Doc, stock: Figure, p: Figure, figs: list[Figure]) -> Draft | None:
    """A draft of the increase :func:`increase_before` finds, ``p`` its percentage.

    Its plan is not written; None when there is no such increase.
    """
    inc = increase_before(doc, stock, p, figs)
    if inc is None:
        return None
    d = Draft(p.sentence, actual_fig=inc, actual=inc.value, percent_fig=p)
    inc.owner = p.owner = d
    inc.role = "actual"
    return d
