"""What the document-level passes share about statements: keys, percentages, links.

The unit a statement is of (:func:`unit_key`), the percentage it states (an excess as 100 +
X, :func:`percent_of`) and whether an amount agrees with it, the statement that holds an
amount, a percentage given its result and checked (:func:`with_result`), a result set
against a plan with no percentage (:func:`against_plan`), and a statement flagged
inconsistent (:func:`flagged_statement`).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from kpitools.extract.amounts import Amount, clause_head, kind_named_back
from kpitools.extract.grammar import implied_target
from kpitools.extract.notes import Segment, noted, seg
from kpitools.extract.stated_checks import cut_above_floor
from kpitools.extract.text import NUM
from kpitools.numbers import Percent, check_percent, parse_percent
from kpitools.textfold import fold, rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement


class StartIndex:
    """Statements' indices in order of their starts (a pass's input need not be in order).

    Those starting in a range are found in logarithmic time, not by a scan of them all.
    """

    def __init__(self, statements: Sequence[Any]) -> None:
        self.order = sorted(range(len(statements)), key=lambda i: statements[i].start)
        self.starts = [statements[i].start for i in self.order]

    def between(self, low: int, high: int) -> list[int]:
        """The indices of the statements starting from ``low`` up to ``high``, by start."""
        return self.order[bisect.bisect_left(self.starts, low) : bisect.bisect(self.starts, high)]


NEIGHBOURS = 3
"""How many fitting targets on each side of a result are looked at."""


def unit_key(s: LinkableStatement) -> str | None:
    """The unit a statement is of, for linking.

    Its code, else its name as written (folded), else None for the document's own unit
    (none named, or ``toàn …``).
    """
    if s.unit_code is not None:
        return s.unit_code
    if s.unit is None:
        return None
    name = fold(s.unit)
    return None if name.startswith(fold("toàn ")) else re.sub(r"\s+", " ", name)


def percent_of(result: LinkableStatement) -> Percent | None:
    """The stated percentage of ``result`` as a percentage of its target (an excess as 100 + it)."""
    if result.stated is None or result.stated_percent is None:
        return None
    try:
        p = parse_percent(result.stated)
    except ValueError:
        return None
    if result.stated_kind == "excess":
        return Percent(p.value + 100, p.decimals, p.text)
    return p


def agrees(result: LinkableStatement, target: Decimal) -> bool:
    """Whether the stated percentage of ``result`` is its actual of ``target``."""
    p = percent_of(result)
    assert isinstance(result.actual, Decimal)
    if p is None or target == 0:
        return False
    return bool(check_percent(p, result.actual, target).consistent)


def flagged_statement(s: LinkableStatement, finding: str, **fields: object) -> LinkableStatement:
    """``s`` marked inconsistent, its note the audit's ``finding`` (``extract.note.<finding>``)."""
    return dataclasses.replace(
        s,
        consistent=False,
        verdict="inconsistent",
        **noted(seg(finding, **fields)),  # type: ignore[arg-type]
    )


def actual_qualifier(c: LinkableStatement) -> str | None:
    """The qualifier of ``c``'s figure, not of its own percentage.

    A result read with its growth (``doanh thu đạt 2.600 tỷ đồng, tăng gần 4%``) carries the
    growth's ``gần``: taken as a result elsewhere, its figure is exact. The qualifier is
    dropped only when in ``c``'s span it stands before percentages alone.
    """
    if c.qualifier is None or c.stated_kind is None:
        return c.qualifier
    word = re.escape(fold(c.qualifier))
    before = [m.group(1) for m in re.finditer(rf"(?<!\w){word}\s+(?:{NUM})(\s*%)?", fold(c.text))]
    return None if before and all(before) else c.qualifier


def with_result(
    s: LinkableStatement, c: LinkableStatement, target: Decimal | None
) -> LinkableStatement:
    """The percentage ``s`` with the result ``c`` as its actual, and its check."""
    assert isinstance(c.actual, Decimal)
    checks: dict[str, object] = {"verdict": "unchecked"}
    lead: list[Segment] = [seg("actual_linked", a=f"{c.actual:f}", text=c.text)]
    p = percent_of(s)
    if p is None and target:
        checks.update(noted(*lead))  # a result against its target, no percentage stated
    elif target is None or p is None or target == 0:
        checks.update(noted(*lead, seg("no_target")))
    else:
        check = check_percent(p, c.actual, target)
        assert check.exact is not None
        lead.append(seg("percent", a=f"{c.actual:f}", t=f"{target:f}", exact=f"{check.exact:.6g}"))
        checks["computed_percent"] = check.computed
        qual = s.qualifier or actual_qualifier(c)
        floor_cut = s.qualifier is None and cut_above_floor(qual, c.text, check)
        if (qual is not None or not c.exact) and not floor_cut:
            checks.update(noted(*lead, seg("qualifier_approximate", qual=qual or "≈")))
        else:
            checks.update(
                consistent=check.consistent,
                truncated=check.truncated,
                verdict="truncated"
                if check.truncated
                else ("consistent" if check.consistent else "inconsistent"),
                **noted(*lead, seg("computed", computed=check.computed)),
            )
    return dataclasses.replace(
        s,
        actual=c.actual,
        target=target,
        metric=s.metric or c.metric,
        label=c.label,
        unit=s.unit or c.unit,
        unit_code=s.unit_code or c.unit_code,
        year=s.year or c.year,
        as_of=s.as_of or c.as_of,
        qualifier=s.qualifier or actual_qualifier(c),
        exact=c.exact,
        measure=c.measure,
        implied_target=implied_target(c.actual, target, s.stated_percent, s.stated_kind),
        link_start=c.start,
        link_end=c.end,
        link_text=c.text,
        **checks,  # type: ignore[arg-type]
    )


def covering_statement(
    statements: Sequence[LinkableStatement], starts: list[int], a: Amount
) -> LinkableStatement | None:
    """The statement whose span holds the amount ``a``, if any (a few before it looked at)."""
    i = bisect.bisect_right(starts, a.start)
    for c in statements[max(0, i - NEIGHBOURS) : i][::-1]:
        if c.start <= a.start < c.end:
            return c
    return None


def same_scope(s: LinkableStatement, c: LinkableStatement | None) -> bool:
    """Whether an amount read in ``c`` (None: in no statement) may be the plan of ``s``.

    Read in a statement: of the same unit (or of none named, its sentence checked by
    :func:`_same_units`), and of the same year and metric where both are known. In none:
    only for a result of the document's own unit (no unit named).
    """
    if c is None:
        return unit_key(s) is None
    if unit_key(c) not in (None, unit_key(s)) and not _whole_of_kind(s, c):
        return False  # a plan of no unit named: its sentence was checked (_same_units)
    if None not in (c.year, s.year) and c.year != s.year:
        return False
    return None in (c.metric, s.metric) or c.metric == s.metric


_WHOLE_OF = rx(r"toàn\s+(\w+(?:\s+bộ)?)$")


def _whole_of_kind(s: LinkableStatement, c: LinkableStatement) -> bool:
    """Whether ``s`` is of the whole unit of a kind and ``c`` of a unit of that kind named.

    ``toàn tỉnh`` and ``tỉnh Hòa Bình``: the report's own unit, written two ways.
    """
    if not s.unit or not c.unit or s.unit_code is not None:
        return False
    m = _WHOLE_OF.match(" ".join(fold(s.unit).split()))
    own = " ".join(fold(c.unit).split())
    if m is None:
        return False
    if own.startswith(m.group(1) + " "):
        return True
    # "Ban Chỉ đạo … tỉnh Gia Lai", "Sở Tài chính tỉnh Hòa Bình": a body of the unit itself,
    # no unit of a lower kind named before it
    at = own.find(" " + m.group(1) + " ")
    return at > 0 and not _LOWER_UNIT.search(own, 0, at + 1)


# a unit of a kind below a province's, named before the province (a district's body)
_LOWER_UNIT = rx(r"(?<!\w)(?:huyện|quận|thị\s+xã|thành\s+phố|xã|phường|thị\s+trấn)(?!\w)")


def scope_or_giver(s: LinkableStatement, c: LinkableStatement | None, text: str) -> bool:
    """Whether the plan read in ``c`` may be the plan of ``s``.

    Of the same scope (:func:`~kpitools.extract.linking.same_scope`), or read with the unit
    that gave it as its unit when the percentage of ``s`` names that giver too (``huyện B giao
    mục tiêu 900 tỷ đồng … 80% mục tiêu huyện B giao``).
    """
    if same_scope(s, c):
        return True
    if c is None or not c.unit or c.target is None:
        return False
    giver = rx(rf"(?<!\w){re.escape(fold(c.unit))}\s+(?:đã\s+)?giao(?!\w)")
    own = fold(text[max(0, c.start - len(c.unit) - 40) : c.end])
    return bool(giver.search(own)) and bool(giver.search(fold(text[s.start : s.end + 80])))


def plan_scope(
    s: LinkableStatement,
    c: LinkableStatement | None,
    text: str,
    at: tuple[str, str, Amount, tuple[int, int]],
) -> bool:
    """Whether a plan amount read in ``c`` (None: in no statement) may be the plan of ``s``.

    An amount no statement reads is of the units its own sentence names, which
    :func:`~kpitools.extract.plans._same_units` has checked against the result's: it is
    taken when the percentage of ``s`` agrees with it (the evidence), never linked unfitting
    to be checked. ``at``: the window read, folded, the plan amount in it and the result's
    span, for a result of no unit named (:func:`_scope_named_back`).
    """
    return c is None or scope_or_giver(s, c, text) or _scope_named_back(s, c, at)


def _scope_named_back(
    s: LinkableStatement, c: LinkableStatement, at: tuple[str, str, Amount, tuple[int, int]]
) -> bool:
    """Whether a plan read with a unit named is the plan of ``s``, of no unit named.

    ``Năm 2041, thành phố Bình Lâm được giao kế hoạch vốn 9.000 tỷ đồng. … Đến 30/9, thành
    phố giải ngân 4.100 tỷ đồng, đạt 45,6% kế hoạch``: the result names the plan's unit back
    by its kind alone (:func:`~kpitools.extract.amounts.kind_named_back`); the year and the
    metric, where both are known, are the same.
    """
    if unit_key(s) is not None or unit_key(c) is None:
        return False
    if None not in (c.year, s.year) and c.year != s.year:
        return False
    if None not in (c.metric, s.metric) and c.metric != s.metric:
        return False
    window, folded, plan, result = at
    return kind_named_back(window, clause_head(folded, plan.start, 0), plan, result)


PROGRAMME_TOLERANCE = Decimal("0.05")
"""How far (relative) a qualified result's percentage of a programme's aim may be from the
stated one ("hơn 2,6 triệu cây, đạt 131,5%": 130 % of two million, for 2,63 million)."""


def fits_programme(s: LinkableStatement, aim: Decimal) -> bool:
    """Whether the stated percentage of ``s`` fits its actual against ``aim``."""
    if s.qualifier is None and s.exact:
        return agrees(s, aim)
    p = percent_of(s)
    assert isinstance(s.actual, Decimal)
    if p is None or aim == 0:
        return False
    computed = 100 * s.actual / aim
    if s.stated_kind == "excess" and p.value > 100 and actual_qualifier(s) is None:
        return _fits_excess(computed - 100, p.value - 100)
    if abs(computed - p.value) <= PROGRAMME_TOLERANCE * p.value:
        return True
    # "đạt hơn 40% kế hoạch" of a plan it is 43,8 % of: the floor holds, not far above it
    floor = s.qualifier in ("hơn", "trên") and actual_qualifier(s) is None
    return floor and p.value <= computed <= FLOOR_REACH * p.value


def fits_hedged(s: LinkableStatement, aim: Decimal) -> bool:
    """Whether the stated percentage of ``s`` fits ``aim`` within a qualified figure's hedge.

    :func:`fits_programme` as if ``s`` were inexact: for a plan written approximately, or
    one read from another sentence.
    """
    return fits_programme(dataclasses.replace(s, exact=False), aim)


_EXCESS_HEDGE = Decimal("0.5")
"""The least hedge (percentage points) of an excess stated on a qualified figure."""


def _fits_excess(over: Decimal, stated: Decimal) -> bool:
    """Whether a result ``over`` per cent above a plan fits an excess of ``stated`` per cent.

    Within :data:`PROGRAMME_TOLERANCE` of the excess itself (at least
    :data:`_EXCESS_HEDGE`), not of the whole, for an exact result (a floor, ``trên 2,6 triệu
    cây``, may stand well below what its excess was reckoned on): ``vượt 6% kế hoạch`` of
    942 against a plan of about 900 (4,7 % above it) is 104,7 % of 106 %, within the hedge
    of the whole, but no excess of 6 %: the plan is another one (another period's).
    """
    return abs(over - stated) <= max(PROGRAMME_TOLERANCE * stated, _EXCESS_HEDGE)


FLOOR_REACH = Decimal("1.1")
"""How far above a floor (``hơn 40%``) the percentage of a plan may lie (relative) and the
floor still be said of it."""


def reaches_floor(s: LinkableStatement, plan: Decimal) -> bool:
    """Whether the actual of ``s`` against ``plan`` reaches the floor its percentage states.

    ``đạt trên 75% kế hoạch năm``, met within a hedge by two plans (75,0 % and 71,4 %): the
    one below the floor even at the written precision is not the plan.
    """
    p = percent_of(s)
    assert isinstance(s.actual, Decimal)
    if p is None or plan == 0:
        return False
    half = Decimal(5) / Decimal(10) ** (p.decimals + 1)
    return 100 * s.actual / plan >= p.value - half


#: The fields of a stated percentage and its check, cleared for a statement built without one
NO_PERCENT: dict[str, Any] = {
    "stated": None,
    "stated_percent": None,
    "stated_kind": None,
    "computed_percent": None,
    "implied_target": None,
    "excess": None,
    "truncated": False,
}


def _plain(value: Decimal | tuple[Decimal, ...]) -> str:
    """A target as a note writes it: ``1500``, or a range's ends ``1500–1600``."""
    if isinstance(value, tuple):
        return "–".join(f"{v:f}" for v in value)
    return f"{value:f}"


def against_plan(
    s: LinkableStatement, plan: Amount, source: str, **changes: Any
) -> LinkableStatement:
    """A result-versus-target statement of ``s``'s figure and the plan, no percentage.

    ``changes`` are further fields of the statement (a listed part's own span and figure).
    """
    span = source[plan.start : plan.end]
    target = changes.pop("target", plan.value)
    fields: dict[str, Any] = {
        "target": target,
        "target_period": "annual",
        **NO_PERCENT,
        "consistent": None,
        "verdict": "unchecked",
        "link_start": plan.start,
        "link_end": plan.end,
        "link_text": span,
        **noted(seg("linked", t=_plain(target), text=span), seg("no_percent")),
        **changes,
    }
    return dataclasses.replace(s, **fields)


def amount(s: LinkableStatement) -> bool:
    """Whether ``s`` states an amount of a measure (not a rate) as its actual."""
    return isinstance(s.actual, Decimal) and s.measure is not None and s.measure != "%"
