"""A round of work done in full, and the counts of what it did listed in the next sentence.

``Đến nay, xã đã hoàn thành đợt cấp phát thuốc cho người cao tuổi, đạt 100% kế hoạch.
Phát thuốc huyết áp cho 640 người; phát thuốc tiểu đường cho 215 người và phát vitamin cho
1.300 người.``: the percentage has no figure of its own in its sentence, and the next one
lists what the round did; the set reads each count at 100 % of its plan (the target each
count itself). :func:`link_round_lists` adds those statements; it runs after the passes of
:func:`kpitools.extract.document.link_document`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.notes import noted, seg
from kpitools.extract.plans_after import bare_statement
from kpitools.numbers import parse_number
from kpitools.textfold import rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement

# ", đạt 100% kế hoạch." ending its sentence: the round done in full, named before it
_FULL_PLAN_END = rx(
    r",\s*(?P<p>(?:đã\s+)?(?:đạt|hoàn\s+thành)\s+100\s*%\s*(?:so\s+với\s+)?"
    r"(?:kế\s+hoạch|chỉ\s+tiêu)(?:\s+(?:đề\s+ra|được\s+giao|giao|năm))?)\s*\.[^\S\n]+"
)
# the end of the listing sentence: a full stop before a space or the end (not "10.000")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")
# a word that makes the listing sentence no plain list of counts done
_NOT_A_COUNT = rx(
    r"%|(?<!\w)(?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu|dự\s+toán|đồng|usd|tăng|giảm|vượt"
    r"|dự\s+kiến|sẽ|tiếp\s+tục|thời\s+gian\s+tới|trong\s+đó)(?!\w)"
)
# the items of the list: split at semicolons and "và"
_ITEM_SPLIT = rx(r";|(?<!\w)và(?!\w)")
# an item: the verb, words of what it did, then one whole count and the words it counts
_ITEM = rx(
    r"^\s*(?P<verb>[^\W\d_]+)(?:[\s,]+[^\W\d_]+){0,10}?\s+(?:cho\s+)?"
    r"(?P<n>\d{1,3}(?:\.\d{3})+|\d+)\s+(?P<noun>[^\W\d_]+(?:\s+[^\W\d_]+){0,3})\s*$"
)


def link_round_lists(
    statements: Sequence[Statement], text: str, folded: str, *, end: int, file: str
) -> list[Statement]:
    """The statements, with one for each count listed after a round done in full.

    The percentage: exactly 100 % of a plan (``đạt 100% kế hoạch``), after a comma, ending
    a sentence that writes no figure of its own. The next sentence, in the same paragraph,
    starts at once and is a list of two or more items split by semicolons or ``và``, each
    the same verb (one the round's sentence writes, ``hoàn thành tiêm phòng …`` then
    ``Tiêm …``) and a whole count of what it did; no percentage, plan, money, change or
    later time. Each count is read at 100 % of its plan (the target it implies, itself);
    nothing is added where a statement already reads a figure of the list. ``folded`` is
    ``text`` folded; only what starts before ``end`` is read.
    """
    added: list[Statement] = []
    starts = sorted(s.start for s in statements)
    for m in _FULL_PLAN_END.finditer(folded, 0, end):
        opened = max(folded.rfind(".", 0, m.start()), folded.rfind("\n", 0, m.start())) + 1
        lead = folded[opened : m.start()]
        if any(c.isdigit() for c in lead):
            continue  # a figure of its own in the sentence: the percentage may be its
        stop = _SENTENCE_END.search(folded, m.end())
        close = stop.start() if stop else len(folded)
        if bisect.bisect_left(starts, m.end()) != bisect.bisect_left(starts, close):
            continue
        items = _items(folded, m.end(), close, set(lead.split()))
        for a, b, count, noun in items if len(items) >= 2 else ():
            added.append(_at_full_plan(file, text, (a, b), count, noun, m.span("p")))
    if not added:
        return list(statements)
    return sorted([*statements, *added], key=lambda s: s.start)


def _items(
    folded: str, start: int, close: int, lead_words: set[str]
) -> list[tuple[int, int, Decimal, str]]:
    """The items of the list ``folded[start:close]``: span, count and noun of each.

    Empty when the sentence is no plain list of counts (:data:`_NOT_A_COUNT`) or an item is
    not the verb the round's sentence writes (``lead_words``) with one count.
    """
    sentence = folded[start:close]
    if _NOT_A_COUNT.search(sentence):
        return []
    out: list[tuple[int, int, Decimal, str]] = []
    cuts = [start, *(x for sep in _ITEM_SPLIT.finditer(folded, start, close) for x in sep.span())]
    for a, b in zip(cuts[::2], [*cuts[1::2], close], strict=True):
        m = _ITEM.match(folded[a:b])
        if m is None or m.group("verb") not in lead_words:
            return []
        piece = folded[a:b]
        begin = a + len(piece) - len(piece.lstrip())
        noun = " ".join(piece[m.start("noun") : m.end("noun")].split())
        out.append((begin, a + len(piece.rstrip()), parse_number(m.group("n")), noun))
    return out


def _at_full_plan(
    file: str,
    text: str,
    span: tuple[int, int],
    count: Decimal,
    noun: str,
    percent: tuple[int, int],
) -> Statement:
    """The count at ``span`` read at 100 % of its plan, written at ``percent``."""
    written = " ".join(text[percent[0] : percent[1]].split())
    return bare_statement(
        file,
        text,
        span,
        actual=count,
        label=noun,
        stated="100%",
        stated_kind="attainment",
        stated_percent=Decimal(100),
        implied_target=count,
        consistent=None,
        verdict="unchecked",
        link_start=percent[0],
        link_end=percent[1],
        link_text=written,
        **noted(
            seg("actual_linked", a=f"{count:f}", text=" ".join(text[span[0] : span[1]].split())),
            seg("no_target"),
        ),
    )
