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

from kpitools.extract.amounts import SCALES
from kpitools.extract.notes import noted, seg
from kpitools.extract.plans_after import bare_statement
from kpitools.extract.text import NUM
from kpitools.numbers import try_parse_number
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
    r"\s*(?:,|và)\s*(?:tăng|cao\s+hơn|nhiều\s+hơn)(?:\s+thêm)?\s+"
    rf"(?P<e>{NUM})\s*(?P<eunit>{_WORD}(?:\s+{_WORD}){{0,2}}?)"
    r"\s+so\s+với\s+(?:chỉ\s+tiêu|kế\s+hoạch|mục\s+tiêu|dự\s+toán)"
    # the plan's own words, no year or figure: "kế hoạch năm 2040", "… năm trước" are
    # another year's
    r"(?:\s+(?!trước|ngoái)[^\W\d_]+){0,5}?(?=\s*(?:[,.;(]|và(?!\w)|$))"
)
# the figure before the margin is a result, not a plan set out or a forecast
_NOT_A_RESULT = rx(
    r"(?<!\w)(?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu|dự\s+toán|dự\s+kiến|phấn\s+đấu|đặt\s+ra"
    r"|đề\s+ra|dự\s+báo|dự\s+phóng|kỳ\s+vọng)(?!\w)"
)
# a result written loosely ("hơn 42 triệu tấn"): the plan from its margin would be loose too
_LOOSE = rx(r"(?<!\w)(?:hơn|trên|gần|khoảng|ước\s+khoảng|xấp\s+xỉ|gần\s+như|tới)\s*$")
# a plan's name as the unit: "vượt 2 chỉ tiêu" counts indicators, no margin of a result
_PLAN_UNIT = rx(r"^(?:chỉ\s+tiêu|kế\s+hoạch|mục\s+tiêu|tiêu\s+chí|nhiệm\s+vụ|%)")
_MONEY = frozenset({"đồng", "usd", "đô"})
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
    ``cao hơn`` or ``nhiều hơn``, is exact, written in the first words of the result's unit
    (``2 triệu tấn`` of ``42 triệu tấn xi măng``), smaller than the result, and over a plan
    named (``so với kế hoạch …``). Money only when ``money``. A result a statement already
    pairs with a target is left as it is. ``folded`` is ``text`` folded; only what starts
    before ``end`` is read.
    """
    paired = {s.actual for s in statements if s.target is not None}
    added: list[Statement] = []
    for m in _MARGIN_OVER_PLAN.finditer(folded, 0, end):
        pair = _pair_of(folded, m, money=money)
        if pair is None or pair[0] in paired:
            continue
        paired.add(pair[0])
        added.append(_over_plan(file, text, m, *pair))
    if not added:
        return list(statements)
    return sorted([*statements, *added], key=lambda s: s.start)


def _pair_of(
    folded: str, m: re.Match[str], *, money: bool
) -> tuple[Decimal, Decimal, Decimal, str | None] | None:
    """The result, plan, margin (in units, money in đồng) and money measure ``m`` reads.

    None unless the margin is of the result's unit (``tỷ đồng``: the measure).
    """
    unit, eunit = m.group("unit").split(), m.group("eunit").split()
    if unit[: len(eunit)] != eunit or _PLAN_UNIT.match(m.group("eunit")):
        return None
    floor = max(0, m.start() - _REACH)
    opened = max(folded.rfind(c, floor, m.start()) + 1 for c in ".!?\n;:") or floor
    if _NOT_A_RESULT.search(folded, opened, m.start()) or _LOOSE.search(folded, opened, m.start()):
        return None
    clause = max(opened, folded.rfind(",", opened, m.start()) + 1)
    if re.search(r"\d", folded[clause : m.start()]):
        return None  # another figure before it in its clause: which one rises, unknown
    n, e = try_parse_number(m.group("n")), try_parse_number(m.group("e"))
    if n is None or e is None or not 0 < e < n:
        return None
    scale = SCALES.get(unit[0], 1)
    is_money = any(w in _MONEY for w in unit[:3])
    if is_money and not money:
        return None
    measure = " ".join(eunit) if is_money else None
    return n * scale, (n - e) * scale, e * scale, measure


def _over_plan(
    file: str,
    text: str,
    m: re.Match[str],
    actual: Decimal,
    target: Decimal,
    excess: Decimal,
    measure: str | None,
) -> Statement:
    """The result ``m`` reads against the plan its margin gives (result − margin)."""
    return bare_statement(
        file,
        text,
        (m.start("n"), m.end("eunit")),
        actual=actual,
        target=target,
        excess=excess,
        measure=measure,
        label=" ".join(text[m.start("unit") : m.end("unit")].split()),
        stated=" ".join(text[m.start("e") : m.end("eunit")].split()),
        stated_kind="excess_count",
        target_period="annual",
        exact=False,
        consistent=None,
        verdict="unchecked",
        **noted(seg("target_derived", a=f"{actual:f}", excess=f"{excess:f}", t=f"{target:f}")),
    )
