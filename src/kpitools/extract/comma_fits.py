"""A comma before three digits read by the percentage written beside it (round 101).

Vietnamese writes ``1,5`` for one and a half and ``1.250`` for a thousand, but company news
often writes ``4,625 tỷ đồng`` for 4.625 billion. A page whose own figures say which (a
padded ``1,250``, decimals written with points) is read so when it is prepared
(:func:`kpitools.extract.text.prepare`); a page that does not say is read the Vietnamese
way. This pass lets the figures of one statement decide what the page does not: a stated
percentage that fails against a result and a plan of which exactly one is written with one
comma before three digits, and that the thousands reading of that figure gives (rounded, at
the percentage's precision), takes that reading. When the thousands reading gives the
percentage only cut, not rounded, neither reading is sure: the statement is left unchecked,
its note saying why.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.amounts import amounts_in
from kpitools.extract.linking import percent_of
from kpitools.extract.notes import noted, seg, unchecked
from kpitools.numbers import check_percent
from kpitools.textfold import fold

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement

__all__ = ["read_comma_fits"]

# one comma before three digits, nothing else of the number around it ("4,625")
_ONE_COMMA = re.compile(r"(?<![\d.,])\d{1,3},\d{3}(?![\d]|[.,]\d)")
_THOUSAND = Decimal(1000)


def read_comma_fits(statements: Sequence[LinkableStatement], text: str) -> list[LinkableStatement]:
    """The statements, a failed percentage that a comma's thousands reading gives read so.

    ``doanh thu 925 tỷ đồng, bằng 20% kế hoạch năm (4,625 tỷ đồng)`` in a page that does
    not say how it writes its numbers: read as a decimal the plan is 4,625 billion and 20 %
    fails (20.000 %); read with a thousands comma it is 4.625 billion and 20 % is exactly
    925 / 4.625. Only an attainment or an excess whose check failed, its result and plan
    exact numbers of which exactly one is written with one comma before three digits (both
    so written, the two readings give one ratio and say nothing).
    """
    return [_refit(s, text) for s in statements]


def _refit(s: LinkableStatement, text: str) -> LinkableStatement:
    p = percent_of(s)
    if s.verdict != "inconsistent" or s.stated_kind not in ("attainment", "excess") or not p:
        return s
    if not isinstance(s.actual, Decimal) or not isinstance(s.target, Decimal):
        return s
    if s.target <= 0 or s.actual <= 0:
        return s
    target_span = (s.link_start, s.link_end) if s.link_start is not None else (s.start, s.end)
    actual_comma = _comma_written(text, s.start, s.end, s.actual)
    target_comma = _comma_written(text, *target_span, s.target)  # type: ignore[arg-type]
    if (actual_comma is None) == (target_comma is None):
        return s
    actual = s.actual * _THOUSAND if actual_comma else s.actual
    target = s.target * _THOUSAND if target_comma else s.target
    check = check_percent(p, actual, target)
    written = actual_comma or target_comma
    if check.truncated:
        return unchecked(s, "comma_two_readings")
    if not check.consistent or check.exact is None:
        return s
    return dataclasses.replace(
        s,
        actual=actual,
        target=target,
        computed_percent=check.computed,
        consistent=True,
        truncated=False,
        verdict="consistent",
        **noted(  # type: ignore[arg-type]
            seg("comma_thousands", text=written),
            seg("percent", a=f"{actual:f}", t=f"{target:f}", exact=f"{check.exact:.6g}"),
            seg("computed", computed=check.computed),
        ),
    )


def _comma_written(text: str, start: int, end: int, value: Decimal) -> str | None:
    """The number written for ``value`` in ``text[start:end]``, or None.

    Only a number written with one comma before three digits (``4,625 tỷ``) is returned.
    """
    if _ONE_COMMA.search(text, start, end) is None:  # the common case, no fold
        return None
    folded = fold(text[start:end])
    for a in amounts_in(folded, 0, len(folded)):
        if a.value != value or not a.unit[0]:
            continue
        m = _ONE_COMMA.match(folded, a.start)
        if m is not None:
            return m.group()
    return None
