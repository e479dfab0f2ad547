"""The shares of a structure (an economy's sectors) each set against the plan's share.

:func:`link_structure_shares`: ``nông nghiệp chiếm 38,2% (đạt 109,1% Nghị quyết); công
nghiệp chiếm 35,1% (đạt 108,3% Nghị quyết); dịch vụ chiếm 26,7% (đạt 104% Nghị
quyết)``: each share is the result its attainment is of, when the plan's shares the
percentages imply add up to the whole as the shares do.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.records import implied_target
from kpitools.extract.text import NUM
from kpitools.numbers import parse_number
from kpitools.textfold import fold, rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement

# "chiếm 35,1% (đạt 108,3% Nghị quyết": a share, then its attainment of the plan's share
_SHARE_ATTAINED = rx(
    rf"(?<!\w)chiếm\s+(?P<r>{NUM})\s*%\s*[(,]?\s*(?:đạt|bằng)\s+(?P<p>{NUM})\s*%\s*"
    r"(?:so\s+với\s+)?(?:nghị\s+quyết|kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu)(?!\w)"
)

WHOLE = Decimal(100)
"""What the shares of a structure, and the plan's shares, add up to."""
SUM_SLACK = Decimal("0.3")
"""How far (points) from :data:`WHOLE` the shares, or the plan's shares, may add up."""
_SHARES_REACH = 400
"""The most characters between two shares of one structure."""


def _share_of(s: LinkableStatement) -> tuple[Decimal, Decimal] | None:
    """The share and the attainment of the plan's share ``s`` states, or None."""
    if s.stated_kind != "attainment" or s.target is not None or s.stated_percent is None:
        return None
    matches = list(_SHARE_ATTAINED.finditer(fold(s.text)))
    if not matches:
        return None
    m = matches[-1]
    r, p = parse_number(m.group("r")), parse_number(m.group("p"))
    if p != s.stated_percent or not 0 < r < WHOLE or not p:
        return None
    return r, p


def _runs(statements: Sequence[LinkableStatement], text: str) -> list[list[int]]:
    """The indexes of the shares :func:`_share_of` reads, in runs of one sentence each."""
    runs: list[list[int]] = []
    last: LinkableStatement | None = None
    for i, s in enumerate(statements):
        if _share_of(s) is None:
            continue
        between = text[last.end : s.start] if last is not None else ""
        if (
            last is None
            or not 0 <= s.start - last.end <= _SHARES_REACH
            or ". " in between
            or "\n" in between
        ):
            runs.append([])
        runs[-1].append(i)
        last = s
    return runs


def _near_whole(total: Decimal) -> bool:
    """Whether ``total`` is the whole, within :data:`SUM_SLACK`."""
    return abs(total - WHOLE) <= SUM_SLACK


def _read_as(r: Decimal, p: Decimal, reverse: bool) -> Decimal:
    """The plan's share a share ``r`` and its attainment ``p`` give.

    ``r / p`` (the share against the plan's), or ``r × p`` when the attainment is the
    plan's against the share (``reverse``: a share meant to fall, beaten by staying below
    the plan's).
    """
    return r * p / WHOLE if reverse else r * WHOLE / p


def _unread(read: list[tuple[Decimal, Decimal]]) -> set[int]:
    """The indexes of the shares left without a result.

    None when the plan's shares add up to the whole read as ``R / P``; the one share whose
    attainment, read the other way, alone makes them add up; all when no reading does.
    """
    if _near_whole(sum((_read_as(r, p, False) for r, p in read), Decimal(0))):
        return set()
    fits = [
        j
        for j in range(len(read))
        if _near_whole(sum((_read_as(r, p, i == j) for i, (r, p) in enumerate(read)), Decimal(0)))
    ]
    return set(fits) if len(fits) == 1 else set(range(len(read)))


def _adding_up(shares: list[tuple[Decimal, Decimal]]) -> tuple[int, int] | None:
    """The bounds of the longest run of consecutive shares adding up to the whole, or None.

    Two or more shares; the first of the longest runs.

    A share of another measure in the sentence (``tỷ lệ đô thị hóa chiếm 41%``) is left
    out of the structure the others make.
    """
    best: tuple[int, int] | None = None
    lo, total = 0, Decimal(0)
    for hi, (r, _) in enumerate(shares):  # the shares are positive: one window, linear
        total += r
        while total > WHOLE + SUM_SLACK:
            total -= shares[lo][0]
            lo += 1
        # the window is the longest run ending at ``hi`` within the whole, and the largest
        if hi > lo and _near_whole(total) and (best is None or hi + 1 - lo > best[1] - best[0]):
            best = (lo, hi + 1)
    return best


def link_structure_shares(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, each share of a structure given as the result of its attainment.

    Two or more shares in one sentence, each ``chiếm R% (đạt P% Nghị quyết)`` and adding up
    to the whole (within :data:`SUM_SLACK`), are read against the plan's shares their
    attainments imply (``R / P``) when those add up to the whole too: each share is then its
    attainment's result. When they add up only with one attainment read as the plan's share
    against the share (``R × P``: a share meant to fall, such as farming's), that share has
    no result (which way its percentage goes the words do not say) and the others keep
    theirs; when no such reading adds up, none has. Shares that do not add up to the whole
    are left as read; of a sentence's shares, the longest run of consecutive ones that adds
    up is the structure (:func:`_adding_up`), the others left as read.
    """
    out = list(statements)
    for whole_run in _runs(statements, text):
        shares = [x for x in (_share_of(statements[i]) for i in whole_run) if x is not None]
        span = _adding_up(shares)
        if span is None:
            continue
        run, read = whole_run[span[0] : span[1]], shares[span[0] : span[1]]
        unread = _unread(read)
        for k, (i, (r, p)) in enumerate(zip(run, read, strict=True)):
            s = statements[i]
            if k in unread:
                out[i] = dataclasses.replace(s, actual=None, implied_target=None)
            else:
                out[i] = dataclasses.replace(
                    s,
                    actual=r,
                    measure="%",
                    implied_target=implied_target(r, None, p, "attainment"),
                )
    return out
