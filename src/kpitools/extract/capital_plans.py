"""The capital named before a colon, its amount the plan of the attainments after it.

``Nguồn vốn đầu tư công năm 2041: 512,4 tỷ đồng, đã thực hiện 260 tỷ đồng,
đạt 50,7% kế hoạch, thanh toán 240 tỷ đồng, đạt 46,8% kế hoạch.``: the amount right after the
colon is the capital planned (``kế hoạch vốn`` left unsaid); each attainment of a bare
``kế hoạch`` after it in its sentence whose percentage its result and that amount give is set
against it. :func:`link_capital_plans` runs after the sentence grammar's passes.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.amounts import FULL_STOP, MONEY_WORDS, amounts_in
from kpitools.extract.notes import noted, seg
from kpitools.numbers import Consistency, check_percent, parse_percent
from kpitools.textfold import rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement

# "… vốn …: A tỷ đồng,": the capital named in the words before a colon (no figure but a
# year, no percentage), an amount right after it and a comma
_CAPITAL_COLON = rx(
    r"(?<!\w)vốn(?!\w)(?:[^\d.;:!?\n%]|\d{4}(?!\d)|\d{1,2}/\d{4})*:\s*"
    r"(?=\d)(?P<amount>[^,;.]*(?:[.,]\d[^,;.]*)*),\s"
)
# "đạt 25% kế hoạch", "đạt 25% kế hoạch năm 2041": a plan of no measure, maybe of a year
_BARE_PLAN = rx(r"%\s*kế\s+hoạch(?:\s+năm\s+(?P<year>\d{4}))?\s*(?:[,;.]|$)")
# between the capital's amount and the result: a verb of spending the capital, and no
# change of the amount, other measure or clause after a semicolon
_CAPITAL_VERB = rx(r"(?<!\w)(?:thực\s+hiện|giải\s+ngân|thanh\s+toán)(?!\w)")
_NOT_CAPITALS = rx(
    r";|(?<!\w)(?:tăng|giảm|so\s+với|dư\s+nợ|cho\s+vay|doanh\s+thu|thu\s+ngân\s+sách"
    r"|lợi\s+nhuận|huy\s+động)(?!\w)"
)
_REACH = 400
"""How far (characters) before an attainment the colon of its capital may be."""


def _capital_before(
    folded: str, s: LinkableStatement, year: str | None
) -> tuple[int, int, Decimal] | None:
    """The amount after the colon of a capital before ``s`` in its sentence, if any.

    With ``year`` (the plan ``s`` attains names it), the words before the colon must name
    that year too: ``Vốn năm 2041: A, …, đạt X% kế hoạch năm 2041``, not ``… năm 2040``.
    """
    low = max(0, s.start - _REACH)
    stops = [m.end() for m in FULL_STOP.finditer(folded, low, s.start)]
    head = stops[-1] if stops else low
    found = [m for m in _CAPITAL_COLON.finditer(folded, head, s.start)]
    if len(found) != 1:
        return None
    m = found[0]
    if year is not None and re.search(rf"(?<!\d){year}(?!\d)", _capital_name(folded, m)) is None:
        return None
    amounts = amounts_in(folded, m.start("amount"), m.end("amount"))
    if len(amounts) != 1 or amounts[0].unit[1] not in MONEY_WORDS:
        return None
    a = amounts[0]
    if folded[a.end : m.end("amount")].strip():
        return None  # words after the amount: not the capital's sum alone
    between = folded[m.end() : s.start]
    if _CAPITAL_VERB.search(between) is None or _NOT_CAPITALS.search(between) is not None:
        return None  # "Nguồn vốn huy động: A, dư nợ cho vay B, đạt …": B is no capital spent
    return a.start, a.end, a.value


def _capital_name(folded: str, m: re.Match[str]) -> str:
    """The words of a capital before its amount (:data:`_CAPITAL_COLON`), the colon with them."""
    return folded[m.start() : m.start("amount")]


def link_capital_plans(
    statements: Sequence[LinkableStatement], text: str, folded: str
) -> list[LinkableStatement]:
    """The statements, each attainment of a bare plan after a capital's colon given its plan.

    Only an exact money result with no target whose percentage is of ``kế hoạch`` alone and
    agrees with the capital's amount (see above); ``folded`` is ``text`` folded.
    """
    out = list(statements)
    for i, s in enumerate(out):
        plan_word = _plain_attainment(s, folded)
        if plan_word is None:
            continue
        capital = _capital_before(folded, s, plan_word.group("year"))
        if capital is None:
            continue
        start, end, plan = capital
        assert isinstance(s.actual, Decimal) and s.stated is not None
        check = check_percent(parse_percent(s.stated), s.actual, plan)
        if not check.consistent:
            continue
        out[i] = checked_link(s, text, (start, end), plan, check)
    return out


def checked_link(
    s: LinkableStatement,
    text: str,
    span: tuple[int, int],
    plan: Decimal,
    check: Consistency,
    **fields: object,
) -> LinkableStatement:
    """``s`` against ``plan``, written at ``span`` of ``text``: linked and checked.

    Its percentage agrees with the two (``check``); ``fields`` are further fields to set.
    """
    written = text[span[0] : span[1]]
    return dataclasses.replace(
        s,
        target=plan,
        computed_percent=check.computed,
        consistent=True,
        truncated=check.truncated,
        verdict="truncated" if check.truncated else "consistent",
        implied_target=None,
        link_start=span[0],
        link_end=span[1],
        link_text=written,
        **noted(  # type: ignore[arg-type]
            seg("linked", t=f"{plan:f}", text=written), seg("computed", computed=check.computed)
        ),
        **fields,  # type: ignore[arg-type]
    )


def _plain_attainment(s: LinkableStatement, folded: str) -> re.Match[str] | None:
    """The plan words after the percentage of ``s``, if they name no measure (:data:`_BARE_PLAN`).

    Only for an exact money attainment of no target.
    """
    if s.target is not None or s.stated_kind != "attainment" or s.stated is None:
        return None
    if not isinstance(s.actual, Decimal) or s.qualifier is not None or not s.exact:
        return None
    if s.measure is None or not re.search(r"đồng|USD", s.measure):
        return None
    pct = folded.rfind("%", s.start, s.end + 1)
    return _BARE_PLAN.match(folded, pct) if pct >= 0 else None
