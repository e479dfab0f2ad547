"""A result's margin over its plan written in the result's own unit: the plan it gives.

``Năm 2041, sản lượng đạt 42 triệu tấn, tăng 2 triệu tấn so với kế hoạch``: the result less
the margin is the plan (40 triệu tấn), as ``vượt 2 triệu tấn so với kế hoạch`` already reads
in the sentence grammar, which takes ``tăng`` over a plan only with the plan's percentage
after it (a rise over a plan with no percentage is read nowhere else). Only the margin
written right after the result, maybe past one comparison with a past period (``…, tăng 9%
so với cùng kỳ, tăng 2 triệu tấn so với kế hoạch``), in the result's unit, over a plan
named with no year of its own. :func:`link_unit_margins` adds the pairs no statement reads;
it runs after the passes of :func:`kpitools.extract.document.link_document`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.amounts import MONEY_WORDS, PART_OF_YEAR, Amount, amounts_in, clause_head
from kpitools.extract.excess_targets import LOOSE_BEFORE, margin_over_plan
from kpitools.extract.periods import period_named
from kpitools.extract.text import NUM
from kpitools.textfold import rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement

_WORD = r"[^\W\d_]+(?:/[^\W\d_]+)?"
# "42 triệu tấn (so với cùng kỳ tăng 9%), tăng 2 triệu tấn so với kế hoạch đề ra."
_MARGIN_OVER_PLAN = rx(
    rf"(?<![\w.,/])(?P<n>{NUM})\s*(?P<unit>{_WORD}(?:\s+{_WORD}){{0,5}}?)"
    # one comparison with a past period between, by a percentage or an amount
    r"(?:\s*,\s*(?:tăng|giảm)\s+\d[\d.,]*\s*(?:%|[^\W\d_]+(?:/[^\W\d_]+)?(?:\s+[^\W\d_]+){0,2}?)"
    r"\s+so\s+(?:với\s+)?(?:cùng\s+kỳ|năm\s+trước|năm\s+(?:19|20)\d\d)"
    r"(?:\s+năm\s+(?:trước|(?:19|20)\d\d))?)?"
    # "61,2 tạ/ha tăng 0,7 tạ/ha so với kế hoạch": the margin may follow with no comma (the
    # separator carries its own trailing space: two bare ``\s*`` would split one run of
    # spaces and line ends every way, quadratic on such a run)
    r"\s*(?:(?:,|và)\s*)?(?:tăng|cao\s+hơn|nhiều\s+hơn)(?:\s+thêm)?\s+"
    rf"(?P<e>{NUM})\s*(?P<eunit>{_WORD}(?:\s+{_WORD}){{0,2}}?)"
    r"\s+so\s+với\s+(?:chỉ\s+tiêu|kế\s+hoạch|mục\s+tiêu|dự\s+toán)"
    # the plan's own words, no year or figure: "kế hoạch năm 2040", "… năm trước", "… năm
    # sau", "… năm tới" are another year's
    r"(?:\s+(?!trước|ngoái|sau|tới)[^\W\d_]+){0,5}?(?=\s*(?:[,.;(]|và(?!\w)|$))"
)
# the figure before the margin is a result, not a plan set out, assigned, revised or needed,
# nor a forecast
_NOT_A_RESULT = rx(
    r"(?<!\w)(?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu|dự\s+toán|dự\s+kiến|phấn\s+đấu|đặt\s+ra"
    r"|đề\s+ra|dự\s+báo|dự\s+phóng|kỳ\s+vọng|điều\s+chỉnh|bổ\s+sung|cần(?!\s+thơ)"
    # "được giao", "tỉnh giao": assigned; "bàn giao", "giao hàng", "giao dịch": done; "giao
    # thông" (roads) and "Cần Thơ" (a city): no plan word
    r"|(?<!bàn\s)giao(?!\s+(?:dịch|hàng|nhận|thương|lưu|thông))"
    r"|tổng\s+mức\s+đầu\s+tư)(?!\w)"
)
# a plan's name as the unit: "vượt 2 chỉ tiêu" counts indicators, no margin of a result
_PLAN_UNIT = rx(r"^(?:chỉ\s+tiêu|kế\s+hoạch|mục\s+tiêu|tiêu\s+chí|nhiệm\s+vụ|%)")
# "420 tỷ VNĐ", "420.000 đ": đồng, as the sentence grammar reads them
_DONG = frozenset({"vnđ", "vnd", "đ"})
_REACH = 400
"""How far back (characters) the result's sentence is read for a plan's word."""


def link_unit_margins(
    statements: Sequence[Statement],
    text: str,
    folded: str,
    *,
    end: int,
    file: str,
    money: bool,
) -> list[Statement]:
    """The statements, with the pair of a result and the plan its margin in its unit gives.

    The result is exact, the first figure of its clause and no plan's (no plan or forecast
    word in its sentence before it, no qualifier right before it); the margin, after ``tăng``,
    ``cao hơn`` or ``nhiều hơn`` (maybe with no comma before it), is exact, written in the
    first words of the result's unit (``2 triệu tấn`` of ``42 triệu tấn xi măng``), smaller
    than the result, and over a plan named (``so với kế hoạch …``). Money only when
    ``money``. A result a statement already pairs with a target is left as it is.
    ``folded`` is ``text`` folded; only what starts before ``end`` is read.
    """
    paired = {s.actual for s in statements if s.target is not None}
    added: list[Statement] = []
    for m in _MARGIN_OVER_PLAN.finditer(folded, 0, end):
        pair = _pair_of(folded, m, money=money)
        if pair is None or pair[0] in paired:
            continue
        paired.add(pair[0])
        actual, excess, measure, period = pair
        added.append(
            margin_over_plan(
                file,
                text,
                (m.start("n"), m.end("eunit")),
                (actual, excess),
                label=" ".join(text[m.start("unit") : m.end("unit")].split()),
                stated=" ".join(text[m.start("e") : m.end("eunit")].split()),
                measure=measure,
                period=period,
            )
        )
    if not added:
        return list(statements)
    return sorted([*statements, *added], key=lambda s: s.start)


def _pair_of(
    folded: str, m: re.Match[str], *, money: bool
) -> tuple[Decimal, Decimal, str | None, str | None] | None:
    """The result, margin (in units, money in đồng), money measure and period ``m`` reads.

    None unless the margin is of the result's unit (``tỷ đồng``: the measure, spelt as the
    sentence grammar spells it). The period is ``annual`` when the sentence or the plan's
    words name the whole year and no part of it (``quý``, ``tháng``), else None.
    """
    unit, eunit = m.group("unit").split(), m.group("eunit").split()
    if unit[: len(eunit)] != eunit or _PLAN_UNIT.match(m.group("eunit")):
        return None
    opened = clause_head(folded, m.start(), max(0, m.start() - _REACH))
    if _NOT_A_RESULT.search(folded, opened, m.start()) or LOOSE_BEFORE.search(
        folded, opened, m.start()
    ):
        return None
    clause = max(opened, folded.rfind(",", opened, m.start()) + 1)
    if re.search(r"\d", folded[clause : m.start()]):
        return None  # another figure before it in its clause: which one rises, unknown
    n, e = _amount(folded, m, "n", "unit"), _amount(folded, m, "e", "eunit")
    if n is None or e is None or not 0 < e.value < n.value:
        return None
    currency = "đồng" if n.unit[1] in _DONG else MONEY_WORDS.get(n.unit[1])
    if currency is not None and not money:
        return None
    measure = " ".join(w for w in (n.unit[0], currency) if w) if currency else None
    whole = period_named(folded, opened, m.end()) == "year"
    part = PART_OF_YEAR.search(folded, opened, m.end())
    period = "annual" if whole and part is None else None
    return n.value, e.value, measure, period


def _amount(folded: str, m: re.Match[str], n: str, unit: str) -> Amount | None:
    """The amount ``m`` writes in groups ``n`` and ``unit`` (all its scale words), normalized."""
    found = amounts_in(folded, m.start(n), m.end(unit))
    if not found or found[0].start != m.start(n):
        return None
    a = found[0]
    whole = a.value.to_integral_value()
    return Amount(a.start, a.end, whole if a.value == whole else a.value.normalize(), a.unit)
