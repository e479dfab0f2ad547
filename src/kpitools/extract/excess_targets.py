"""A count's excess over each of its plans, written as a count: one target for each.

``Năm 2041, xã giảm 212 hộ nghèo, vượt 40 hộ so với chỉ tiêu tỉnh giao và vượt 15 hộ so
với chỉ tiêu huyện giao``: the result less each excess is that plan's target (172 and 197),
as the set reads an excess written as a count (the sentence grammar reads the first one).
A fall of poor households since a past year, ``số hộ nghèo giảm 212 hộ so với năm 2040,
vượt 40 hộ so với tỉnh giao``, is the result a target of poverty reduction counts: a plan
of households brought out of poverty. :func:`link_counted_excesses` adds the pairs no
statement reads; it runs after the passes of :func:`kpitools.extract.document.link_document`.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.amounts import head_of_sentence
from kpitools.extract.notes import noted, seg
from kpitools.extract.plans_after import bare_statement
from kpitools.numbers import parse_number
from kpitools.textfold import rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement

_WHOLE = r"\d{1,3}(?:\.\d{3})+(?![\d,])|\d+(?![\d.,])"
# the plan an excess is over: a plan word and a few words of it, or the level that gave it
_PLAN = (
    r"(?:(?:chỉ\s+tiêu|kế\s+hoạch|mục\s+tiêu)(?:\s+[^\W\d_]+){0,4}?"
    r"|(?:tỉnh|huyện|thành\s+phố|xã|trung\s+ương|cấp\s+trên)\s+giao)"
)
# "212 hộ nghèo (so với năm 2040), vượt 40 hộ so với …, vượt 15 hộ so với …"
_COUNT_OVER_PLANS = rx(
    rf"(?<![\d.,])(?P<n>{_WHOLE})\s+(?P<noun>[^\W\d_]+)(?P<more>(?:\s+[^\W\d_]+){{0,3}}?)"
    r"(?P<since>\s+so\s+với\s+(?:năm\s+(?:19|20)\d\d|năm\s+trước|cùng\s+kỳ))?"
    rf"(?P<excesses>(?:\s*(?:,|và)\s*vượt\s+(?:{_WHOLE})\s+(?P=noun)\s+so\s+với\s+{_PLAN}"
    r"(?=\s*(?:[,.;]|và(?!\w)|$)))+)"
)
_EXCESS = rx(
    rf"vượt\s+(?P<e>{_WHOLE})\s+(?P<u>[^\W\d_]+)\s+so\s+với\s+{_PLAN}(?=\s*(?:[,.;]|và(?!\w)|$))"
)
LOOSE_BEFORE = rx(
    r"(?<!\w)(?:hơn|trên|gần|khoảng|ước|xấp\s+xỉ|gần\s+như|tới|tối\s+thiểu|ít\s+nhất)\s*$"
)
"""A figure written loosely (``hơn 212``, ``ước khoảng 42 triệu tấn``), read at the end of
the text before it: a plan from its margin would be loose too."""
# "… hộ nghèo … giảm 212 hộ so với năm 2040": a fall of poor households since a past year
_POVERTY_FALL = rx(r"(?<!\w)nghèo(?!\w).*(?<!\w)giảm\s*$")
# money or a scale: an amount, whose excess may be over another figure (not read here)
_AMOUNT_WORDS = rx(r"(?<!\w)(?:tỷ|tỉ|triệu|nghìn|ngàn|trăm|đồng|usd|%)(?!\w)")


def link_counted_excesses(
    statements: Sequence[Statement], text: str, folded: str, *, end: int, file: str
) -> list[Statement]:
    """The statements, with the pair of a count and each plan it passes by a written count.

    The count is exact (not ``hơn 212``) and of things (no money or scale word), its
    excesses written right after it with the same unit word (``vượt 40 hộ``), each over a
    plan named (a plan word or ``tỉnh giao``) and smaller than the count. A count compared
    with a past year first is read only as a fall of poor households (the sentence names
    ``nghèo`` before ``giảm``). A pair a statement already reads is not added. ``folded`` is
    ``text`` folded; only what starts before ``end`` is read.
    """
    have = {(s.actual, s.target) for s in statements}
    added: list[Statement] = []
    for m in _COUNT_OVER_PLANS.finditer(folded, 0, end):
        opened = head_of_sentence(folded, m.start())  # a dot of "1.300" ends no sentence
        before = folded[max(opened, m.start() - 80) : m.start()]
        if LOOSE_BEFORE.search(before) or _AMOUNT_WORDS.search(
            folded, m.start("noun"), m.end("more")
        ):
            continue
        if m.group("since") and not _POVERTY_FALL.search(folded[opened : m.start()]):
            continue
        count = parse_number(m.group("n"))
        for e in _EXCESS.finditer(folded, m.start("excesses"), m.end("excesses")):
            excess = parse_number(e.group("e"))
            if not 0 < excess < count or (count, count - excess) in have:
                continue
            have.add((count, count - excess))
            span = (m.start("n"), m.end("since") if m.group("since") else m.end("more"))
            label = " ".join(text[m.start("noun") : m.end("more")].split())
            stated = " ".join(text[e.start("e") : e.end("u")].split())
            added.append(
                margin_over_plan(file, text, span, (count, excess), label=label, stated=stated)
            )
    if not added:
        return list(statements)
    return sorted([*statements, *added], key=lambda s: s.start)


def margin_over_plan(
    file: str,
    text: str,
    span: tuple[int, int],
    figures: tuple[Decimal, Decimal],
    *,
    label: str,
    stated: str,
    measure: str | None = None,
    period: str | None = "annual",
) -> Statement:
    """A result at ``span`` of ``text`` against the plan its margin gives (result − margin).

    ``figures`` are the result and its margin; ``stated`` the margin as written.
    """
    actual, excess = figures
    target = actual - excess
    return bare_statement(
        file,
        text,
        span,
        actual=actual,
        target=target,
        excess=excess,
        measure=measure,
        label=label,
        stated=stated,
        stated_kind="excess_count",
        target_period=period,
        exact=False,
        consistent=None,
        verdict="unchecked",
        **noted(seg("target_derived", a=f"{actual:f}", excess=f"{excess:f}", t=f"{target:f}")),
    )
