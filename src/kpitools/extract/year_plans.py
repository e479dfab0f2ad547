"""The year's plans a text sets out, read as target statements for the part-year pass.

The sentence grammar reads a plan as a target statement only in the wordings it knows; a
plan's list (``kế hoạch doanh thu và lợi nhuận sau thuế tương ứng là 900 tỷ đồng và 60 tỷ
đồng``, ``đặt mục tiêu doanh thu 900 tỷ đồng, lợi nhuận trước thuế 60 tỷ đồng``) or a plan
read as the figure of its own growth (``mục tiêu lợi nhuận 60 tỷ đồng, tăng 20% so với thực
hiện năm 2040``) is none. :func:`set_out_plans` reads each money amount a plan cue sets out,
with its measure and kind, as a target statement (not in the output) that
:func:`~kpitools.extract.part_year.link_part_year_amounts` sets part-year amounts against.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from kpitools.extract.amounts import (
    AMOUNT_JOINT,
    AMOUNT_QUALIFIER,
    FULL_STOP,
    MEASURE_JOINT,
    MEASURE_KIND,
    MEASURE_NAMES_RX,
    MONEY_WORDS,
    PART_OF_YEAR,
    PLAN_CUE,
    PROGRAMME_CHUNK,
    RESPECTIVE,
    YEAR,
    Amount,
    amounts_in,
    clause_around,
    head_of_sentence,
    measure_kind,
    name_and_kind,
    sets_out_plan,
    shifted,
)
from kpitools.extract.linking import covering_statement
from kpitools.extract.plans_after import bare_statement
from kpitools.extract.text import NUM
from kpitools.numbers import try_parse_number
from kpitools.textfold import fold, rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement


# "1,5 - 1,6 triệu lượt", "từ 80 tỷ đồng đến 85 tỷ đồng": a range's lower end, written
# with no scale of its own or with the upper end's, right before the upper end
_RANGE_LOW = rx(
    rf"(?<![\w.,])(?P<low>{NUM})(?P<words>(?:\s+[^\W\d_]+){{0,2}}?)\s*(?:[-–—]|đến|tới)\s*$"
)
RANGE_SPREAD = Decimal("1.5")
"""How much larger (a factor) a plan range's upper end may be than its lower end."""
NO_RANGE = (-1, Decimal(0))
"""What :func:`range_low` gives for a range that cannot be a plan's."""


def range_low(folded: str, a: Amount) -> tuple[int, Decimal] | None:
    """Where the range whose upper end is ``a`` starts and its lower end, scaled as ``a``.

    None when ``a`` ends no range; :data:`NO_RANGE` when it ends one that cannot be a
    plan's (a span of years: no unit word; a spread wider than :data:`RANGE_SPREAD`).
    """
    m = _RANGE_LOW.search(folded, max(0, a.start - 40), a.start)
    if m is None:
        return None
    number, *words = folded[a.start : a.end].split()
    if m.group("words").split() not in ([], words):
        return NO_RANGE  # "từ 900 triệu đồng đến 1,2 tỷ đồng": scales apart
    written, lower = try_parse_number(number), try_parse_number(m.group("low"))
    if written is None or lower is None:
        return None  # "2020-2025tấn": a figure that cannot be read is no range's end
    low = lower * a.value / written if written else Decimal(0)
    if not (a.unit[1] and 0 < low < a.value <= low * RANGE_SPREAD):
        return NO_RANGE
    return m.start(), low


class SetOutPlan(NamedTuple):
    """A plan amount set out in the text, as a target statement, with its measure and kind."""

    statement: LinkableStatement
    amount: Amount
    """The amount, in the text's coordinates."""
    measure: tuple[str | None, str | None]
    listed: tuple[int, int] | None
    """The span of the ``tương ứng`` / ``lần lượt`` list the amount is an item of, if any."""


# "giảm", "tăng", "lên", "ghi nhận", "thực hiện", "đạt được": a result's or a change's word in a
# plan's list of measures (a list of results or changes, not of plans)
_NOT_A_PLAN_LIST = rx(
    r"(?<!\w)(?:thực\s+hiện|ghi\s+nhận|tăng|giảm|lên|đạt\s+được|hoàn\s+thành|chiếm)(?!\w)"
)
# "900 - 950 tỷ đồng", "từ 2.000 tỷ đồng đến 2.400 tỷ đồng": the first end of a range, no plan
# amount of its own
RANGE_NEXT = rx(r"\s*(?:đến|tới|[-–—])\s*\d")
_SENTENCE_REACH = 400
"""How far (characters) after a plan cue its amounts are looked for (a sentence's length)."""


def set_out_plans(statements: Sequence[LinkableStatement], text: str) -> list[SetOutPlan]:
    """The money plans of a year ``text`` sets out that no target statement holds.

    An amount after a plan cue (:data:`~kpitools.extract.amounts.PLAN_CUE`) in its sentence,
    set out as a plan (:func:`~kpitools.extract.amounts.sets_out_plan`) of a named measure,
    of no part of the year, not qualified, or the next item of its list after the first
    item's verb (:func:`_next_item`); or an item of a list spread over the measures
    named between the cue and ``tương ứng`` / ``lần lượt`` (``kế hoạch doanh thu và lợi
    nhuận sau thuế tương ứng là 900 tỷ đồng và 60 tỷ đồng``: 900 billion of revenue, 60 of
    after-tax profit), as many amounts as measures; or an item of the next sentence going on
    with the list (:func:`_plans_going_on`). Its year is the first the plan's sentence names
    before it (before its first item, for an item of the next sentence). Not an amount read
    as a target statement already (the pass reads those), nor one a statement reads as a
    result set against a target.
    """
    if not statements:
        return []
    file = statements[0].file
    ordered = sorted(statements, key=lambda c: c.start)
    scope = (ordered, [c.start for c in ordered])
    out: list[SetOutPlan] = []
    seen: set[int] = set()
    for low in range(0, len(text), PROGRAMME_CHUNK):
        folded = fold(text[low : low + PROGRAMME_CHUNK + 2 * _SENTENCE_REACH])
        for cue in PLAN_CUE.finditer(folded, 0, min(len(folded), PROGRAMME_CHUNK)):
            items = _plans_after(folded, cue)
            going_on = _plans_going_on(folded, cue) if items else []
            if going_on and _names_again(folded, cue, going_on):
                going_on = []  # a measure's plan again, or its result: no item of the list
            going = {a.start for a, _, _ in going_on}
            for a, measure, listed in items + going_on:
                # a sentence going on is of the year its plan's sentence names before its items
                year_until = items[0][0].start if a.start in going else a.start
                at = shifted(a, low)
                if at.start in seen:
                    continue
                c = covering_statement(*scope, at)
                if c is not None and (c.actual != a.value or c.target is not None):
                    continue  # a target statement (read by the pass), or a result
                seen.add(at.start)
                lower = range_low(folded, a)
                if lower == NO_RANGE:
                    continue  # an end of a range that cannot be a plan's
                year = YEAR.search(folded, head_of_sentence(folded, cue.start()), year_until)
                s = bare_statement(
                    file,
                    text,
                    (at.start, at.end),
                    label=" ".join(w for w in measure if w),
                    year=int(year.group()) if year else None,
                    # "1.000 - 1.150 tỷ đồng lợi nhuận": the plan is the range, not its end
                    target=a.value if lower is None else (lower[1], a.value),
                    target_period="annual",
                )
                span = (listed[0] + low, listed[1] + low) if listed else None
                out.append(SetOutPlan(s, at, measure, span))
    return out


def _plans_after(
    folded: str, cue: re.Match[str]
) -> list[tuple[Amount, tuple[str | None, str | None], tuple[int, int] | None]]:
    """The money plan amounts the plan cue ``cue`` sets out in its sentence, with measures.

    See :func:`set_out_plans`; the list's span with an item of a respective list.
    """
    stop = FULL_STOP.search(folded, cue.end(), cue.end() + _SENTENCE_REACH)
    end = stop.start() if stop else min(len(folded), cue.end() + _SENTENCE_REACH)
    following = PLAN_CUE.search(folded, cue.end(), end)
    if following is not None:
        end = following.start()  # the next cue reads its own amounts
    amounts = [a for a in amounts_in(folded, cue.end(), end) if a.unit[1]]
    respective = RESPECTIVE.search(folded, cue.end(), end)
    if respective is not None:
        return _respective_items(folded, cue.end(), respective, amounts)
    out: list[tuple[Amount, tuple[str | None, str | None], tuple[int, int] | None]] = []
    for a in amounts:
        if a.unit[1] not in MONEY_WORDS:
            continue
        if not _plain_plan(folded, a, cue) and not (out and _next_item(folded, out[-1][0], a)):
            continue
        measure = measure_kind(folded, a)
        if measure[0] is not None:
            out.append((a, measure, None))
    return out


# "Lợi nhuận trước thuế 790 tỷ đồng, tăng 21%; lợi nhuận sau thuế 632 tỷ đồng": an item of a
# plan's list going on in the next sentence: a measure, its kinds, a plan's verb, the amount
# (its growth after it), joined to the next item by a comma, a semicolon or "và"; not a growth
# "so với cùng kỳ", a result's comparison (the sentence is then no item of a plan's list)
_ITEM_VERB = rx(r"(?P<aim>\s+dự\s+kiến)?(?:\s+(?P<verb>đạt|là))?\s*:?\s*")
_ITEM_GROWTH = rx(
    r"\s*,?\s*\(?\s*(?:tăng|giảm)(?:\s+trưởng)?(?:\s+(?:khoảng|gần|hơn|nhẹ))?\s+\d[\d.,]*\s*%"
    r"(?:\s+so\s+với\s+(?:năm\s+(?:trước|ngoái)"
    r"|(?:(?:kết\s+quả\s+)?thực\s+hiện\s+)?(?:năm\s+)?(?:19|20)\d\d))?\s*\)?"
)
_ITEM_JOINT = re.compile(r"\s*[,;]?\s*(?:và\s+)?")


def _item_head(folded: str, pos: int) -> re.Match[str] | None:
    """The verb (maybe empty) of the list item that names its measure at ``pos``, if one does.

    A measure (:data:`~kpitools.extract.amounts.MEASURE_NAMES`), up to two of its kinds
    (``lợi nhuận trước thuế hợp nhất``), then a plan's verb or none; the amount follows it.
    """
    name = MEASURE_NAMES_RX.match(folded, pos)
    if name is None:
        return None
    after = name.end()
    for _ in range(2):
        kind = MEASURE_KIND.match(folded, after)
        after = kind.end() if kind else after
    return _ITEM_VERB.match(folded, after)


def _item_end(folded: str, a: Amount) -> int:
    """Where the next item of a list may start after the item amount ``a``.

    Past its growth (``, tăng 21% so với năm 2040``) and the joint (a comma, a semicolon,
    ``và``).
    """
    growth = _ITEM_GROWTH.match(folded, a.end)
    joint = _ITEM_JOINT.match(folded, growth.end() if growth else a.end)
    return joint.end() if joint else a.end  # the joint may be empty: it always matches


def _names_again(
    folded: str,
    cue: re.Match[str],
    items: list[tuple[Amount, tuple[str | None, str | None], tuple[int, int] | None]],
) -> bool:
    """Whether the sentence of the plan cue ``cue`` names a measure and kind of ``items``.

    ``… đặt mục tiêu doanh thu 2.900 tỷ đồng, tăng 15%, lợi nhuận sau thuế 240 tỷ đồng. Lợi
    nhuận sau thuế 260 tỷ đồng.``: two plans of one measure (or a plan and its result), so
    the next sentence is no item of the first's list.
    """
    head = head_of_sentence(folded, cue.start())
    stop = FULL_STOP.search(folded, cue.end())
    named = set()
    for m in MEASURE_NAMES_RX.finditer(folded, head, stop.start() if stop else len(folded)):
        named.add(name_and_kind(folded, m)[0])
    return any(measure in named for _, measure, _ in items)


def _next_item(folded: str, prev: Amount, a: Amount) -> bool:
    """Whether the money amount ``a`` is the plan list's next item after the plan ``prev``.

    ``đặt kế hoạch doanh thu đạt 640 tỷ đồng và lợi nhuận sau thuế đạt 52 tỷ đồng``: the
    first item's verb kept :func:`~kpitools.extract.amounts.sets_out_plan` from reading the
    second (a result's word between the cue and it). Only a joint and ``a``'s measure with a
    plan's verb or none between (:func:`_item_head`); no range. Not after ``prev``'s growth
    (``…, tăng 15%, lợi nhuận … 240 tỷ đồng. Lợi nhuận … 260 tỷ đồng.``: which is the plan,
    the list's item or the next sentence's, is not known; round 128's tried rule).
    """
    if _ITEM_GROWTH.match(folded, prev.end):
        return False
    verb = _item_head(folded, _item_end(folded, prev))
    return verb is not None and verb.end() == a.start and not RANGE_NEXT.match(folded, a.end)


def _plans_going_on(
    folded: str, cue: re.Match[str]
) -> list[tuple[Amount, tuple[str | None, str | None], tuple[int, int] | None]]:
    """The money plans of the sentence after the plan cue ``cue``'s, a list of its plan's.

    ``Năm 2041, công ty đặt kế hoạch doanh thu 1.500 tỷ đồng, tăng 12%. Lợi nhuận trước thuế
    180 tỷ đồng, tăng 9%.``: the second sentence names no plan, but goes on with the first's
    list. Only when the next sentence, in the same paragraph, is all items of measures
    (:func:`_item_head`) each with its money amount, maybe its growth after it, and a plan's
    verb or none (``dự kiến``, ``là``; ``đạt`` only after ``dự kiến``): a verb of a result
    (``Lợi nhuận trước thuế đạt 42 tỷ đồng``, ``ước đạt``), a part of the year, a year
    named, a qualifier or any other word reads nothing. The caller reads it only after a
    sentence that sets out plans.
    """
    stop = FULL_STOP.search(folded, cue.end(), cue.end() + _SENTENCE_REACH)
    if stop is None or "\n" in stop.group() or stop.group()[0] != ".":
        return []
    end_stop = FULL_STOP.search(folded, stop.end(), stop.end() + _SENTENCE_REACH)
    tail = folded.rstrip()  # the text's last sentence: its stop has no space after it
    if end_stop is None and len(tail) > stop.end() + _SENTENCE_REACH:
        return []
    end = end_stop.start() if end_stop else len(tail) - tail.endswith(".")
    amounts = {a.start: a for a in amounts_in(folded, stop.end(), end)}
    out: list[tuple[Amount, tuple[str | None, str | None], tuple[int, int] | None]] = []
    pos, aimed = stop.end(), False
    while pos < end:
        verb = _item_head(folded, pos)
        if verb is None:
            return []
        aimed = aimed or verb.group("aim") is not None
        a = amounts.get(verb.end())
        if a is None or a.unit[1] not in MONEY_WORDS or (verb.group("verb") == "đạt" and not aimed):
            return []
        if RANGE_NEXT.match(folded, a.end):
            return []
        out.append((a, measure_kind(folded, a), None))
        pos = _item_end(folded, a)
    return out if pos == end else []


def _plain_plan(folded: str, a: Amount, cue: re.Match[str]) -> bool:
    """Whether ``a`` is set out as a plan of the whole year, unqualified and exact.

    Not with words in brackets between the cue and it (``kế hoạch tổng doanh thu (gồm tiêu
    thụ nội bộ) 9.000 tỷ đồng``: a measure of its own).
    """
    return (
        ")" not in folded[cue.end() : a.start]
        and sets_out_plan(folded, a, 0)
        and not AMOUNT_QUALIFIER.search(folded, max(0, a.start - 20), a.start)
        and PART_OF_YEAR.search(folded, *clause_around(folded, a.start, a.end)) is None
        and not RANGE_NEXT.match(folded, a.end)
    )


def _respective_items(
    folded: str, start: int, respective: re.Match[str], amounts: list[Amount]
) -> list[tuple[Amount, tuple[str | None, str | None], tuple[int, int] | None]]:
    """The items of a plan's list the measures before ``respective`` are spread over, in order.

    ``kế hoạch doanh thu và lợi nhuận trước thuế tương ứng là 900 tỷ đồng và 60 tỷ đồng``:
    only measures (:data:`~kpitools.extract.amounts.MEASURE_NAMES`, each maybe with its
    kind) and their joints between the cue and ``tương ứng``, no result's word; the amounts
    right after it, of money, joined by commas or ``và``, as many as the measures.
    """
    lead = folded[start : respective.start()]
    if _NOT_A_PLAN_LIST.search(lead) or PART_OF_YEAR.search(lead):
        return []
    names = list(MEASURE_NAMES_RX.finditer(folded, start, respective.start()))
    measures: list[tuple[str | None, str | None]] = []
    for i, m in enumerate(names):
        measure, after = name_and_kind(folded, m)
        if i + 1 < len(names) and not MEASURE_JOINT.fullmatch(folded, after, names[i + 1].start()):
            return []  # other words between two measures: no plain list of them
        measures.append(measure)
    if len(measures) < 2:
        return []
    items = [a for a in amounts if a.start >= respective.end()][: len(measures)]
    if len(items) != len(measures) or items[0].start != respective.end():
        return []
    for x, y in itertools.pairwise(items):
        if not AMOUNT_JOINT.fullmatch(folded, x.end, y.start):
            return []
    if any(a.unit[1] not in MONEY_WORDS for a in items):
        return []
    span = (items[0].start, items[-1].end)
    return [(a, m, span) for a, m in zip(items, measures, strict=True)]
