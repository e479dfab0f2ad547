"""A flagged percentage that the rounding of its measured result explains.

A result of a measured quantity is written rounded to its last digit: ``860 tỷ đồng`` stands
for 859,5 to 860,5 billion, ``11,3 tỷ USD`` for 11,25 to 11,35. A percentage of its plan
that some value in that range gives, rounded half-up at the percentage's decimals, with the
plan taken as written (a figure set, not measured), contradicts nothing: ``860 tỷ đồng`` of
``1.170 tỷ đồng`` written ``73%`` (859,5 gives 73,46 %) is left unchecked, not flagged, by
:func:`within_result_rounding`, the last pass over a text's statements.

Not widened: a count of things (``852/453 đảng viên``, ``1.200 lượt``), which is exact; a
figure with no measure written after it (``860 tỷ``); a qualified one (its qualifier is the
check's own reason); and the plan, so a percentage that needs the plan's rounding as well
(``335 tấn`` of ``410 tấn`` written ``81,5%``: 334,5 gives 81,59 %) stays flagged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.amounts import SCALES, Amount, amounts_in
from kpitools.extract.consistency import rounding_gives, written_half
from kpitools.extract.notes import unchecked
from kpitools.extract.text import NUM
from kpitools.numbers import Percent, parse_number, parse_percent
from kpitools.textfold import rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement

MEASURED_UNITS: frozenset[str] = frozenset(
    {
        # money
        "đồng",
        "usd",
        "đô",
        "euro",
        "eur",
        "yên",
        # mass, area, volume, length, energy and power
        "tấn",
        "tạ",
        "yến",
        "kg",
        "ha",
        "hecta",
        "héc-ta",
        "m2",
        "km2",
        "m3",
        "lít",
        "km",
        "kwh",
        "mwh",
        "gwh",
        "kw",
        "mw",
    }
)
"""The words after a number (and its scale) that name a measured quantity, folded: its last
written digit is a rounding. Any other word, a count of things above all, is taken exact."""

_REACH = 600
"""How far before a statement's end (characters, in its paragraph) its result is looked for."""

# the plan's side of a fraction written with one unit after both ("13.867/22.690 tỉ đồng")
_OVER = rx(rf"\s*/\s*(?:{NUM})\s*(?:(?:nghìn|ngàn|triệu|tỷ|tỉ)\s+)?(?P<unit>[^\W\d_][\w-]*\d?)")
# an amount written in parts, its first number's scale after it ("2 tỷ 421 triệu")
_COMPOUND_SCALE = rx(rf"(?:{NUM})\s*(nghìn|ngàn|triệu|tỷ|tỉ)\s+(?:{NUM})")
_FULL_STOP = re.compile(r"[.!?](?=\s)|\n")
_CHECK_NOTES = ('[["parts', '[["shares', '[["remainder', '[["month_above', '[["qualifier')


def within_result_rounding(
    statements: Sequence[Statement], text: str, folded: str
) -> list[Statement]:
    """The statements, a flagged percentage its measured result's rounding explains unchecked.

    See the module docstring; ``text`` and ``folded`` are the text the offsets index, as
    written and folded (of the same length).

    Examples
    --------
    >>> from kpitools.extract.statements import extract_statements
    >>> s, = extract_statements("Năm 2041, xã thu 860 tỷ đồng/1.170 tỷ đồng, đạt 73%.")
    >>> s.verdict, s.note.split(": ")[0].split(", ")[1]
    ('unchecked', '859.5 to 860.5')
    """
    out = list(statements)
    for i, s in enumerate(out):
        if (
            s.verdict not in ("inconsistent", "truncated")
            or s.stated_kind not in ("attainment", "excess")
            or s.stated is None
            or s.qualifier is not None
            or not s.exact
            or (s.note_data or "").startswith(_CHECK_NOTES)
            or not isinstance(s.actual, Decimal)
            or not isinstance(s.target, Decimal)
            or s.target <= 0
        ):
            continue
        written = _written_result(s, folded)
        if written is None:
            continue
        start, end, number = written
        half = written_half(folded[start:end], s.actual)
        if half is not None and _gives(s.stated, s.stated_kind, folded[start:end], s):
            # the range in the scale of the amount's first number (``2 tỷ 421 triệu``: tỷ)
            compound = _COMPOUND_SCALE.match(folded, start)
            scale = SCALES[compound.group(1)] if compound else s.actual / parse_number(number)
            shown = s.actual / scale
            out[i] = unchecked(
                s,
                "actual_rounding",
                text=" ".join(text[start:end].split()),
                low=f"{(shown - half / scale).normalize():f}",
                high=f"{(shown + half / scale).normalize():f}",
                stated=f"{parse_percent(s.stated.strip()).value:f}",
            )
    return out


def _written_result(s: Statement, folded: str) -> tuple[int, int, str] | None:
    """Where the result is written with its scale and measure, and its number as written.

    ``860 tỷ đồng`` and ``860``: the last amount of the result's value before the
    statement's end in its paragraph (:data:`_REACH`); None when its measure is none of
    :data:`MEASURED_UNITS`, a whole number beside decimals of its measure
    (:func:`_decimals_beside`), or not found.
    """
    floor = folded.rfind("\n", 0, s.start) + 1
    found = [
        x for x in amounts_in(folded, max(floor, s.end - _REACH), s.end) if x.value == s.actual
    ]
    if not found:
        return None
    x = found[-1]
    unit = _unit_of(folded, x)
    m = re.match(NUM, folded[x.start : x.end])
    if unit not in MEASURED_UNITS or m is None:
        return None
    if "," not in m.group() and _decimals_beside(folded, x, unit, floor):
        return None
    return x.start, x.end, m.group()


def _unit_of(folded: str, x: Amount) -> str:
    """The measure written after the amount ``x``, or after the plan it is written over."""
    if x.unit[1]:
        return x.unit[1]
    over = _OVER.match(folded, x.end)  # "13.867/22.690 tỉ đồng": the plan's unit is its too
    return over.group("unit") if over is not None else ""


def _decimals_beside(folded: str, x: Amount, unit: str, floor: int) -> bool:
    """Whether another amount of the measure ``unit`` in the sentence of ``x`` has decimals.

    ``… 3,4/3 ha đạt 113,3%; … 88/28 ha …``: a text that writes the decimals a figure has
    writes a whole one exact.
    """
    start = max(floor, x.start - _REACH)
    start = max((m.end() for m in _FULL_STOP.finditer(folded, start, x.start)), default=start)
    end = _FULL_STOP.search(folded, x.end, x.end + _REACH)
    others = amounts_in(folded, start, end.start() if end is not None else x.end + _REACH)
    return any(
        y.start != x.start
        and _unit_of(folded, y) == unit
        and (n := re.match(NUM, folded[y.start : y.end])) is not None
        and "," in n.group()
        for y in others
    )


def _gives(stated: str, kind: str | None, written: str, s: Statement) -> bool:
    """Whether the result of ``s``, written ``written``, gives ``stated`` of its target.

    Within the result's rounding (:func:`~kpitools.extract.consistency.rounding_gives`);
    an excess is over 100.
    """
    try:
        p = parse_percent(stated.strip())
    except ValueError:
        return False
    if kind == "excess":
        p = Percent(p.value + 100, p.decimals, p.text)
    assert isinstance(s.actual, Decimal) and isinstance(s.target, Decimal)
    return rounding_gives(p, written, s.actual, s.target)
