"""The verdict of a stated percentage against the one its figures give.

:func:`stated_checks` checks a stated percentage against its actual and target, with what its
qualifier allows: an approximate one (``khoảng``, :func:`approximate_checks`) within
:data:`APPROXIMATE_SHARE`, a target written as a floor (:data:`FLOORS`) that the percentage
cannot be of (:func:`under_floor_target`) or that it is cut against, not rounded
(:func:`cut_above_floor`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from kpitools.extract.notes import Segment, noted, seg
from kpitools.extract.text import NUM
from kpitools.numbers import Consistency, Percent
from kpitools.textfold import fold

APPROXIMATE_SHARE = Decimal("0.1")
"""How far (a share of the stated figure) ``khoảng X%`` may be from the exact percentage."""


def far_from_about(exact: Decimal, stated: Decimal) -> bool:
    """Whether an exact percentage contradicts ``khoảng`` (about) ``stated``.

    More than a tenth of ``stated`` away from it does (``khoảng 90%`` is not 78 %; 86 %
    is about 90 %).

    >>> far_from_about(Decimal(78), Decimal(90)), far_from_about(Decimal(86), Decimal(90))
    (True, False)
    """
    return stated > 0 and abs(exact - stated) > stated * APPROXIMATE_SHARE


FLOORS = ("trên", "hơn")
"""The qualifiers that make an amount a floor: the true amount is above it."""
ABOUT = ("khoảng", "xấp xỉ")
"""The qualifiers of an amount near its figure on either side."""


def under_floor_target(percent: Percent, qual: str | None, exact: Decimal) -> bool:
    """Whether a stated percentage cannot be of a target written as a floor (``trên 300``).

    The true target is above its figure, so the true percentage is below ``exact`` (that of
    the figures as written): a floor percentage (``trên 41%``) must be below ``exact``, a
    plain one at most half a unit of its last digit above it.

    >>> under_floor_target(Percent(Decimal("41.2"), 1, "41,2%"), "trên", Decimal(40))
    True
    >>> under_floor_target(Percent(Decimal(40), 0, "40%"), None, Decimal(40))
    False
    """
    if qual in FLOORS:
        return exact <= percent.value
    half = Decimal(5).scaleb(-percent.decimals - 1)
    return qual is None and percent.value - half > exact


def cut_above_floor(qual: str | None, text: str, check: Consistency) -> bool:
    """Whether a percentage of an amount written as a floor is cut, not rounded.

    ``hơn 1.234 tỷ đồng, đạt 4,11% kế hoạch`` of 29.980: 1.234 gives 4,1160 %, so the true
    share, above it, rounds to at least 4,12 %; 4,11 % is reached only by cutting. The floor
    (``trên``, ``hơn``) must stand before an amount of ``text`` and before no percentage.
    """
    if qual not in FLOORS or not check.truncated:
        return False
    word = re.escape(fold(qual))
    signs = [m.group(1) for m in re.finditer(rf"(?<!\w){word}\s+(?:{NUM})(\s*%)?", fold(text))]
    return bool(signs) and not any(signs)


def approximate_checks(
    lead: Sequence[Segment], qual: str, exact: Decimal, stated: Decimal
) -> dict[str, Any]:
    """The checks of a percentage written with an approximate qualifier.

    ``khoảng`` (or any qualifier other than ``trên``, ``hơn``, ``gần``, ``trở lên``):
    inconsistent when ``khoảng`` is contradicted (:func:`far_from_about`), else unchecked.
    """
    if qual in ABOUT and far_from_about(exact, stated):
        return {
            "consistent": False,
            "verdict": "inconsistent",
            **noted(*lead, seg("not_about", stated=stated, qual=qual)),
        }
    return {"verdict": "unchecked", **noted(*lead, seg("qualifier_approximate", qual=qual))}


def stated_checks(
    lead: Sequence[Segment],
    qual: str | None,
    check: Consistency,
    stated: Decimal,
    *,
    explain_under: bool = False,
) -> dict[str, Any]:
    """The verdict of a stated percentage against the one its figures give.

    As its qualifier (``qual``, or None) allows:
    ``trên``, ``hơn``: the figures must give more (``trở lên``: at least as much); ``gần``:
    less (``explain_under``: an inconsistent one says that the figures reach it); other
    qualifiers: :func:`approximate_checks`; none: ``check`` (rounded, or cut: ``truncated``).
    """
    exact = check.exact
    assert exact is not None
    if qual in ("trên", "hơn", "trở lên"):
        ok = exact > stated if qual != "trở lên" else exact >= stated
        said = seg("qualifier", qual=qual)
    elif qual == "gần":
        ok = exact < stated
        under = explain_under and not ok
        said = seg("not_under", stated=stated, qual=qual) if under else seg("qualifier", qual=qual)
    elif qual:
        return approximate_checks(lead, qual, exact, stated)
    else:
        verdict = "consistent" if check.consistent else "inconsistent"
        return {
            "consistent": check.consistent,
            "truncated": check.truncated,
            "verdict": "truncated" if check.truncated else verdict,
            **noted(*lead, seg("computed", computed=check.computed)),
        }
    return {
        "consistent": ok,
        "verdict": "consistent" if ok else "inconsistent",
        **noted(*lead, said),
    }
