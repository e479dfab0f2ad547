"""A figure restated rounded: ``1.145,7 tỷ đồng`` first, ``1.146 tỷ đồng`` in a later sentence.

A report often gives a figure exactly, then again rounded where it quotes the firm's own
account (``Giải trình về kết quả này, … doanh thu thuần của Công ty đạt 1.146 tỷ đồng``): one
result, set against the year's plan once. :func:`restates` tells the rounded one, for the
part-year pass (:func:`~kpitools.extract.part_year.link_part_year_amounts`).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal


def _quantum(value: Decimal) -> Decimal:
    """The place ``value`` is written to: ``10 ** n`` for its ``n`` last zeros, else a decimal's."""
    _sign, digits, exponent = value.normalize().as_tuple()
    return Decimal(1).scaleb(int(exponent)) if digits != (0,) else Decimal(1)


def restates(value: Decimal, figures: Iterable[object]) -> bool:
    """Whether ``value`` is one of ``figures`` written more finely, rounded to ``value``'s place.

    ``figures`` may hold other values (a range, None): those restate nothing.

    ``1146000000000`` restates ``1145700000000`` (rounded half-up to the billion); not
    ``1145000000000`` (the same place: another figure), nor a figure of another place's
    rounding (``1146500000000`` rounds to 1.147 billion).
    """
    if not value:
        return False
    quantum = _quantum(value)
    return any(
        isinstance(f, Decimal)
        and f != value
        and _quantum(f) < quantum
        and f.quantize(quantum, rounding=ROUND_HALF_UP) == value
        for f in figures
    )
