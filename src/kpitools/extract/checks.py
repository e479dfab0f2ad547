"""Drops and checks: statements another reading of the text contradicts, left out or flagged.

Left out: a headline's pairing the body does not make (:func:`drop_mispaired_headlines`), a
result-and-plan pair a later percentage states again (:func:`drop_repeated_pairs`), a rounded
amount restated exactly (:func:`drop_rounded_restatements`), a count no whole plan gives its
percentage (:func:`drop_unfitting_counts`), an excess in points of a rate read as a count's
(:func:`drop_rate_point_excesses`), a pair whose result its clause sets as a plan
(:func:`drop_planned_results`), a percentage of a plan of another measure than the result's
(:func:`drop_results_of_other_plans`). What another reading flags and keeps (a headline
qualifier the body contradicts, a month's amount or percentage its months deny, two
percentages of one budget) is in :mod:`kpitools.extract.flags`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.amounts import (
    SCALES,
    amounts_in,
    sets_out_plan,
)
from kpitools.extract.linking import percent_of
from kpitools.extract.listed_parts import round_plan_fits
from kpitools.extract.notes import noted, seg, unchecked
from kpitools.extract.records import implied_target
from kpitools.extract.target_words import FORECAST_WORDS
from kpitools.extract.text import NUM, PLAN_NOUNS
from kpitools.numbers import check_percent, parse_number
from kpitools.textfold import fold, rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement


# --------------------------------------------------------------------------- headlines

_HEADLINE_LENGTH = 250


def _claim(s: LinkableStatement) -> bool:
    return isinstance(s.actual, Decimal) and s.stated_kind in ("attainment", "excess")


def drop_mispaired_headlines(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements without a headline's pairing of one figure with another's percentage.

    A headline (the first line, short, with no full stop at its end) that states ``đón 22,7
    triệu lượt khách, đạt 135% kế hoạch năm`` while the body says the 22,7 million ``vượt
    8% kế hoạch năm`` and gives the 135 % to another figure (``gần 1,59 triệu lượt khách
    quốc tế … đạt 135% kế hoạch năm``) pairs what the body does not: its statement is left
    out (precision first). A headline the body agrees with, or does not contradict, stays.
    """
    end = text.find("\n")
    if end < 0 or end > _HEADLINE_LENGTH or text[:end].rstrip().endswith((".", "!", "?")):
        return list(statements)
    body = [c for c in statements if c.start > end and _claim(c)]
    out = []
    for s in statements:
        if s.end <= end and _claim(s) and _mispaired(s, body):
            continue
        out.append(s)
    return out


def _mispaired(s: LinkableStatement, body: Sequence[LinkableStatement]) -> bool:
    """Whether the body gives ``s``'s figure another percentage, and ``s``'s to another."""
    other_percent = any(c.actual == s.actual and c.stated_percent != s.stated_percent for c in body)
    other_figure = any(c.stated_percent == s.stated_percent and c.actual != s.actual for c in body)
    return other_percent and other_figure


# --------------------------------------------------------------------------- restatements

# the qualifiers of a rounded amount and on which side of it the exact amount lies
_ROUNDED_SIDE = {"hơn": 1, "trên": 1, "gần": -1, "khoảng": 0, "xấp xỉ": 0}
_ROUNDING = Decimal("0.01")


def drop_repeated_pairs(statements: Sequence[LinkableStatement]) -> list[LinkableStatement]:
    """The statements without a result-and-plan pair a later percentage states again.

    ``… doanh thu đạt 900 tỷ đồng, tăng 5% so với cùng kỳ. … kế hoạch doanh thu 2.000 tỷ
    đồng … Như vậy, công ty đã hoàn thành 45% kế hoạch doanh thu``: the pair read with no
    percentage (900 against 2.000) is the attainment that refers back to its result, and is
    left out — unless the result is written again between them (a lead's pair, then the
    body's own figure and its percentage, are two statements). Statements are indexed by
    their figures, so the pass stays linear.
    """
    stated: dict[tuple[object, object], list[int]] = {}
    mentions: dict[object, list[int]] = {}
    for c in statements:
        if c.actual is not None:
            mentions.setdefault(c.actual, []).append(c.start)
        if c.actual is not None and c.stated is not None and c.stated_kind in _PLAN_KINDS:
            # a percentage that writes its result itself is a statement of its own
            own = any(a.value == c.actual for a in amounts_in(fold(c.text), 0, len(c.text)))
            stated.setdefault((c.actual, c.target), []).append(-1 if own else c.start)
    return [s for s in statements if not _restated_later(s, stated, mentions)]


_PLAN_KINDS = ("attainment", "excess")


def _restated_later(
    s: LinkableStatement,
    stated: dict[tuple[object, object], list[int]],
    mentions: dict[object, list[int]],
) -> bool:
    """Whether the pair ``s`` (no percentage) is stated again by a later percentage.

    With no other statement of its result between (see :func:`drop_repeated_pairs`).
    """
    if s.stated is not None or s.actual is None or s.target is None:
        return False
    starts = stated.get((s.actual, s.target), [])
    later = [p for p in starts if p > s.end]
    if not later or -1 in starts:
        return False
    first = min(later)
    return not any(s.end < m < first for m in mentions[s.actual])


def drop_rounded_restatements(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements without a rounded amount the text restates exactly with its percentages.

    A lead that says ``thu ngân sách đạt hơn 5.000 tỷ đồng, đạt 61,5% dự toán`` and a body
    that says ``… là 5.012,37 tỷ đồng, đạt 61,5% dự toán`` state one result twice: the
    rounded claim (qualified, no target) is left out when another claim states the same
    percentage, as written and of the same kind, of an exact amount of the same measure
    within 1 % of it, on the side its qualifier says. Claims are indexed by their stated
    percentage, so the pass stays linear in the text.
    """
    del text  # the statements carry what the rule reads
    exact: dict[tuple[str | None, str | None], list[LinkableStatement]] = {}
    for c in statements:
        if _claim(c) and c.qualifier is None and c.exact:
            exact.setdefault((c.stated, c.stated_kind), []).append(c)
    return [s for s in statements if not _restated_exactly(s, exact)]


def _restated_exactly(
    s: LinkableStatement,
    exact: dict[tuple[str | None, str | None], list[LinkableStatement]],
) -> bool:
    side = _ROUNDED_SIDE.get(s.qualifier or "")
    if side is None or not _claim(s) or s.target is not None or not isinstance(s.actual, Decimal):
        return False
    rounded = s.actual
    for c in exact.get((s.stated, s.stated_kind), []):
        if not isinstance(c.actual, Decimal) or c.measure != s.measure or c.actual <= 0:
            continue
        gap = c.actual - rounded
        if gap != 0 and abs(gap) <= _ROUNDING * c.actual and gap * side >= 0:
            return True
    return False


# --------------------------------------------------------------------------- unfitting counts

_LEADING_NUMBER = re.compile(NUM)


def drop_unfitting_counts(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, a count's percentage no whole plan gives left without the count.

    Only when another figure of its clause may be what it is of.

    ``khoan được 9.100 m, hoàn thành 5 giếng (đạt 118,6% kế hoạch)``: a plan of wells is a
    whole number, and no whole number gives 5 wells 118,6 % of it (4 gives 125 %), so the
    percentage is of the other figure of the clause (no percentage between them); its
    result is dropped (precision first) and the percentage stays, unchecked. Only a count
    written as it is (no scale word, no decimals, no hedge) with its own percentage and no
    plan is tested: 5 wells at 125 % stay, and a count alone in its clause keeps the
    percentage (the audit's finding when no whole plan gives it).
    """
    return [
        _without_result(s) if _no_whole_plan(s) and _figure_before(s, text) else s
        for s in statements
    ]


# "khởi tố 252 vụ, 611 bị can, vượt 26% chỉ tiêu": the count before, its noun and a comma
_COUNT_BEFORE = rx(rf"(?<![\d.,])(?P<n>{NUM})\s+[^\W\d_]+(?:\s+[^\W\d_]+){{0,2}}\s*,\s*$")


def retarget_round_plan_counts(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, a percentage written after two counts given to the one it fits.

    ``khởi tố 252 vụ, 611 bị can, vượt 26% chỉ tiêu``: the percentage is read with the
    count right before it; when the count before that (its own noun, a comma between, in
    the same clause) is given the percentage exactly by a round plan (252 / 126 % = 200)
    and the nearer count by none (611 / 126 % = 484,9), it is the earlier count's. When
    both or neither fit a round plan, the reading is left as it was. Only whole counts
    with no plan, measure nor qualifier are looked at.
    """
    out: list[LinkableStatement] = []
    for s in statements:
        found = _count_before(s, text)
        if found is None or _round_plan_fits(s, s.actual) or not _round_plan_fits(s, found[0]):
            out.append(s)
            continue
        earlier, start = found
        out.append(
            dataclasses.replace(
                s,
                start=start,
                text=text[start : s.end],
                actual=earlier,
                implied_target=implied_target(earlier, None, s.stated_percent, s.stated_kind),
            )
        )
    return out


def _count_before(s: LinkableStatement, text: str) -> tuple[Decimal, int] | None:
    """The whole count right before the count of ``s`` (see above) and its start, or None."""
    actual = _plain_count(s)
    if actual is None or actual != actual.to_integral_value():
        return None
    low = max(0, s.start - 60, *(text.rfind(c, 0, s.start) + 1 for c in ".;:()\n"))
    m = _COUNT_BEFORE.search(fold(text[low : s.start]))
    if m is None:
        return None
    n = parse_number(m.group("n"))
    return (n, low + m.start("n")) if n and n > 0 and n == n.to_integral_value() else None


def _round_plan_fits(s: LinkableStatement, count: object) -> bool:
    """Whether a round plan (:func:`round_plan_fits`) gives ``count`` the percentage of ``s``."""
    p = percent_of(s)
    return p is not None and round_plan_fits(p, count)


# "…, đạt 2,4%, vượt 0,4% so với chỉ tiêu": a rate, then its excess over the target rate
_RATE_THEN_EXCESS = rx(
    rf"(?<!\w)(?:đạt|là|chiếm)\s+(?P<rate>{NUM})\s*%\s*[,;]?\s*(?:và\s+)?vượt"
    r"(?:\s+(?:khoảng|gần|hơn|trên))?\s*$"
)
_EXCESS_AFTER_RATE = rx(
    rf"\s*[,;]?\s*(?:và\s+)?vượt(?:\s+(?:khoảng|gần|hơn|trên))?\s+(?:{NUM})\s*%"
)
_RATE_WINDOW = 60
_RESPECTIVELY = rx(r"(?<!\w)(?:lần\s+lượt|tương\s+ứng)\s+(?:[^\W\d_]+\s+){0,2}$")


def drop_rate_point_excesses(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements without a rate and its excess in points read as a count's.

    ``kết nạp 9 đoàn viên, đạt 2,4%, vượt 0,4% so với chỉ tiêu``: a percentage under 100 %
    right before an excess in percent is a rate, and the excess is of it (0,4 points above
    the target rate), not of the count before them: neither is the count's attainment or
    excess, and both are dropped (precision first). After 100 % or more (``đạt 112%, vượt
    12%``) both are kept. Only statements with no target are looked at.
    """
    return [s for s in statements if not _rate_with_point_excess(s, text)]


def _rate_with_point_excess(s: LinkableStatement, text: str) -> bool:
    """Whether ``s`` is the rate or the excess of a rate and its excess (see above)."""
    if s.target is not None or s.stated is None or s.stated_kind not in ("excess", "attainment"):
        return False
    at = text.find(s.stated, s.start, s.end)
    if at < 0:
        return False
    if s.stated_kind == "attainment":
        after = _EXCESS_AFTER_RATE.match(fold(text[at + len(s.stated) : at + _RATE_WINDOW]))
        if _RESPECTIVELY.search(fold(text[max(0, at - _RATE_WINDOW) : at])):
            return False  # "lần lượt bằng 90% và vượt 10%": of two figures, in turn
        return after is not None and s.stated_percent is not None and s.stated_percent < 100
    m = _RATE_THEN_EXCESS.search(fold(text[max(0, at - _RATE_WINDOW) : at]))
    return m is not None and parse_number(m.group("rate")) < 100


# the rest of a count of bodies that admitted, founded or developed the count after it, no
# comma between ("18 chi bộ kết nạp được", "5 tổ chức cơ sở đảng phát triển"): its subject
_SUBJECT_OF_ADMISSION = rx(
    r"[^\W\d_]*(?:\s+[^\W\d_]+){0,5}?\s+(?:kết\s+nạp|phát\s+triển|thành\s+lập)"
    r"(?:\s+(?:mới|được|thêm))*\s*(?:khoảng|gần|hơn|trên)?\s*"
)
# a figure with its unit word ("9.100 m"), not a year nor a period ("9 tháng đầu năm")
_UNIT_FIGURE = rx(
    rf"(?<![\d.,])(?!(?:19|20)\d\d(?!\d))(?!(?:{NUM})\s*(?:tháng|năm|quý|tuần|ngày)(?!\w))"
    rf"(?:{NUM})\s*[^\W\d_]"
)


def _figure_before(s: LinkableStatement, text: str) -> bool:
    """Whether the clause of ``s`` holds another figure before it, no percentage between.

    The clause reaches back to a semicolon, a colon, a bracket opened or closed (a figure
    in an aside closed before it is the aside's) or the sentence's start.
    """
    floor = max(0, s.start - 200)
    low = max(floor, *(text.rfind(c, floor, s.start) + 1 for c in ".;:()\n"))
    lead = text[low : s.start]
    figures = list(_UNIT_FIGURE.finditer(fold(lead)))
    if not figures or "%" in lead[figures[-1].end() :]:
        return False
    # "có 16 chi bộ kết nạp 61 đảng viên": the bodies that admitted the count, no rival
    return _SUBJECT_OF_ADMISSION.fullmatch(fold(lead), figures[-1].end()) is None


def _plain_count(s: LinkableStatement) -> Decimal | None:
    """The actual of ``s``, a percentage of a number with no plan, measure nor qualifier."""
    if (
        s.stated_kind not in ("attainment", "excess")
        or s.target is not None
        or s.link_text is not None
        or s.measure is not None
        or s.qualifier is not None
        or not isinstance(s.actual, Decimal)
    ):
        return None
    return s.actual


def _no_whole_plan(s: LinkableStatement) -> bool:
    """Whether ``s`` is a count whose stated percentage no whole plan gives (see above)."""
    actual = _plain_count(s)
    if actual is None or actual <= 0:
        return False
    m = _LEADING_NUMBER.match(s.text)
    p = percent_of(s)
    if m is None or p is None or p.value <= 0 or parse_number(m.group()) != actual:
        return False
    unit = Decimal(10) ** -p.decimals
    low, high = p.value - unit / 2, p.value + unit  # rounded half up, or cut
    most = int(100 * actual / low) if low > 0 else 0
    return most < 1 or 100 * actual / most >= high


def _without_result(s: LinkableStatement) -> LinkableStatement:
    """The percentage ``s`` with no result: nothing to check it against."""
    return dataclasses.replace(
        s,
        actual=None,
        implied_target=None,
        computed_percent=None,
        consistent=None,
        verdict="unchecked",
        **noted(seg("no_target")),  # type: ignore[arg-type]
    )


without_result = _without_result
"""A percentage with no result (the passes of :mod:`kpitools.extract.planned_claims` and
:mod:`kpitools.extract.carried_bases` use it too)."""


# --------------------------------------------------------------------------- planned results


def drop_planned_results(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements without a pair whose result is an amount its own clause sets as a plan.

    ``công ty đặt mục tiêu 700 tỷ đồng doanh thu, kế hoạch lợi nhuận ước tính đạt 50 tỷ
    đồng``: both amounts are plans, so the pair the sentence grammar may read (50 against
    700) is left out (precision first). Only pairs with no percentage and no link.
    """
    return [s for s in statements if not _result_is_planned(s, text)]


def _result_is_planned(s: LinkableStatement, text: str) -> bool:
    """Whether the result of the pair ``s``, written after its target, is set out as a plan.

    A plan word after the target's amount, and no result word after it.
    """
    if s.stated_percent is not None or s.target is None or s.link_start is not None:
        return False
    if not isinstance(s.actual, Decimal) or not isinstance(s.target, Decimal):
        return False
    folded = fold(text[s.start : s.end])
    amounts = amounts_in(folded, 0, len(folded))
    target = next((a for a in amounts if a.value == s.target), None)
    actual = next((a for a in amounts if a.value == s.actual), None)
    if target is None or actual is None or actual.start < target.end:
        return False
    return sets_out_plan(folded, actual, target.end)


# ------------------------------------------------------------ a plan's amount after it

_PLAN_ENDS = rx(rf"(?<!\w){PLAN_NOUNS}\s*$")
_WORDS_ONLY = rx(r"^\s*(?:[^\W\d_]+\s+){0,4}$")
_AFTER_PLAN = 80
"""How far (characters) after a percentage's plan word its amount is looked for."""


def retarget_plans_written_after(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, a percentage that ends on its plan word given the amount after it.

    ``lãi 90 tỷ đồng, đạt 60% so với kế hoạch lãi 150 tỷ đồng và 45% so với kế hoạch lãi
    200 tỷ đồng``: a percentage read against another amount that it does not fit, its plan
    word followed (a few words between, no figure) by an amount it fits exactly, takes that
    amount as its plan. Only an exact, unqualified result whose check failed; the three
    figures agreeing are the evidence.
    """
    out = list(statements)
    for i, s in enumerate(statements):
        if not _retargetable(s):
            continue
        plan = _plan_after(s, text)
        if plan is not None:
            out[i] = _retargeted(s, plan)
    return out


def _retargetable(s: LinkableStatement) -> bool:
    return (
        s.stated_kind == "attainment"
        and s.verdict == "inconsistent"
        and isinstance(s.actual, Decimal)
        and isinstance(s.target, Decimal)
        and s.qualifier is None
        and s.exact
        and _PLAN_ENDS.search(fold(s.text)) is not None
    )


def _plan_after(s: LinkableStatement, text: str) -> Decimal | None:
    """The amount written right after ``s``'s plan word, when its percentage fits it."""
    folded = fold(text[s.end : s.end + _AFTER_PLAN])
    found = amounts_in(folded, 0, len(folded))
    p = percent_of(s)
    if not found or p is None or _WORDS_ONLY.match(folded[: found[0].start]) is None:
        return None
    plan = found[0].value
    actual = s.actual
    assert isinstance(actual, Decimal)
    if plan <= 0 or plan == s.target or not check_percent(p, actual, plan).consistent:
        return None
    return plan


def _retargeted(s: LinkableStatement, target: Decimal) -> LinkableStatement:
    """``s`` checked against ``target`` (see :func:`retarget_plans_written_after`)."""
    p = percent_of(s)
    assert p is not None and isinstance(s.actual, Decimal)
    check = check_percent(p, s.actual, target)
    assert check.exact is not None
    lead = [seg("percent", a=f"{s.actual:f}", t=f"{target:f}", exact=f"{check.exact:.6g}")]
    return dataclasses.replace(
        s,
        target=target,
        link_start=None,
        link_end=None,
        link_text=None,
        computed_percent=check.computed,
        consistent=check.consistent,
        truncated=check.truncated,
        verdict="truncated" if check.truncated else "consistent",
        implied_target=None,
        **noted(*lead, seg("computed", computed=check.computed)),  # type: ignore[arg-type]
    )


# ------------------------------------------------------------ a plan's unit slipped

_SLIP_CLOSE = Decimal("0.02")
"""How close (a share of the stated percentage) a qualified result read against the plan in
its own unit must come to the percentage for the plan's unit to be read as a slip."""


def read_slipped_plan_units(
    statements: Sequence[LinkableStatement],
) -> list[LinkableStatement]:
    """The statements, a plan whose unit slipped read in the result's unit.

    A plan written in a unit a power of a thousand off the result's is read in the result's
    unit when that gives the stated percentage. ``thu 1.520 tỷ đồng, bằng 95% kế hoạch năm
    là 1.600 đồng``: 1.520 billion đồng of 1.600 đồng is no percentage a report would write;
    read in billions, as the result, the plan gives the 95 % written, so the unit is a slip
    and the plan 1.600 tỷ đồng (said in the note); the verdict is ``unchecked``, since the
    figures as written do not agree. The two amounts of one noun, their scale
    words different (``tỷ`` and none, ``triệu`` and ``nghìn``), in the statement's own text;
    an exact result must fit the percentage at its precision, a qualified one within
    :data:`_SLIP_CLOSE` of it.
    """
    out = list(statements)
    for i, s in enumerate(statements):
        factor = _slip_factor(s)
        if factor is not None:
            out[i] = _slip_read(s, factor)
    return out


def _scale(words: str) -> int:
    n = 1
    for w in words.split():
        n *= SCALES.get(w, 1)
    return n


def _slip_factor(s: LinkableStatement) -> int | None:
    """The power of a thousand the plan of ``s`` is to be multiplied by, if its unit slipped."""
    if s.stated_kind not in ("attainment", "excess") or s.link_start is not None:
        return None
    if not isinstance(s.actual, Decimal) or not isinstance(s.target, Decimal) or s.target <= 0:
        return None
    p = percent_of(s)
    folded = fold(s.text)
    found = amounts_in(folded, 0, len(folded))
    actual = next((a for a in found if a.value == s.actual), None)
    plan = next((a for a in found if a.value == s.target and a is not actual), None)
    if p is None or actual is None or plan is None or actual.unit[1] != plan.unit[1]:
        return None
    factor, rest = divmod(_scale(actual.unit[0]), _scale(plan.unit[0]))
    if factor < 1000 or rest:
        return None
    check = check_percent(p, s.actual / factor, s.target)
    if check.consistent:
        return factor
    close = abs(s.actual * 100 / (s.target * factor) - p.value) <= p.value * _SLIP_CLOSE
    return factor if close and (s.qualifier is not None or not s.exact) else None


def _slip_read(s: LinkableStatement, factor: int) -> LinkableStatement:
    """``s`` with its plan read in its result's unit (see :func:`read_slipped_plan_units`)."""
    p = percent_of(s)
    assert p is not None and isinstance(s.actual, Decimal) and isinstance(s.target, Decimal)
    target = s.target * factor
    check = check_percent(p, s.actual, target)
    assert check.exact is not None
    written = f"{s.target:f}"
    lead = seg("unit_slip", text=written, t=f"{target:f}")
    if not check.consistent:  # a qualified result, close to its percentage
        return dataclasses.replace(
            s,
            target=target,
            verdict="unchecked",
            consistent=None,
            computed_percent=None,
            **noted(lead, seg("approximate")),  # type: ignore[arg-type]
        )
    # the report's figures, as written, do not agree: the reading is given, not checked
    return dataclasses.replace(
        s,
        target=target,
        computed_percent=check.computed,
        consistent=None,
        truncated=False,
        verdict="unchecked",
        **noted(  # type: ignore[arg-type]
            lead,
            seg("percent", a=f"{s.actual:f}", t=f"{target:f}", exact=f"{check.exact:.6g}"),
            seg("computed", computed=check.computed),
        ),
    )


# ------------------------------------------------------------ a rate target's margin

_RATE_TARGET_REACH = 600
"""How far (characters) before an amount's margin over its plan a rate's margin over the
same plan wording is looked for."""
# the plan a margin is over, named after it: "vượt 4% so với chỉ tiêu (được giao)"
_MARGIN_PLAN = rx(rf"%\s*(?:so\s+với\s+)?({PLAN_NOUNS})")
# the rest of the plan's phrase, its giver: "… chỉ tiêu| được giao", "… chỉ tiêu| Bộ giao"
_PLAN_REST = re.compile(r"[^,;.()\n]*")
# an amount's clause turning back to the measure just read: "Về số tiền, …", "về tiền …"
_BACK_REFERENCE = rx(r"(?<!\w)về\s+(?:số\s+)?tiền(?!\w)[^;]*$")
# a sentence ending between the rate's margin and the amount's: another subject may start
_SENTENCE_END = re.compile(r"[.!?]\s")


def drop_margins_of_rate_targets(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements but an amount's excess over a plan when the passage's plans are rates.

    ``… 1.240 hồ sơ (đạt 91,2%), vượt 1,2% so với chỉ tiêu được giao. Về số tiền, thu hồi
    trên 830 tỷ đồng, vượt 3% so với chỉ tiêu được giao``: the plan the rate before was set
    against is a rate, so the second margin is that of the money's rate, in points or
    relative (no one can tell), not the amount's excess over an amount assigned (precision
    first). An amount's excess with no target, its plan phrase (with its giver) written as a
    rate's excess over the same plan was in the sentences just before
    (:data:`_RATE_TARGET_REACH`), and the amount's clause of the same sentence or turned back
    to the measure (``Về số tiền``): ``Thu ngân sách … đạt 1.200 tỷ đồng, vượt 20% so với chỉ
    tiêu được giao`` in a sentence of its own is another measure's excess and stays.
    """
    rates: list[tuple[int, str]] = []
    out: list[LinkableStatement] = []
    for s in statements:
        plan = _margin_plan(s, text)
        if plan is not None and s.measure == "%":
            rates.append((s.end, plan))
        elif (
            plan is not None
            and s.target is None
            and s.measure not in (None, "%")
            and any(_same_measure(text, end, s.start) for end, p in rates if p == plan)
        ):
            continue
        out.append(s)
    return out


def _same_measure(text: str, end: int, start: int) -> bool:
    """Whether the amount at ``start`` goes on with the measure of the rate before it.

    The rate's margin ends at ``end``; the amount is close after it, in its sentence or in
    a clause turned back to it (``Về số tiền``).
    """
    if not end <= start < end + _RATE_TARGET_REACH:
        return False
    ends = [m.end() for m in _SENTENCE_END.finditer(text, end, start)]
    if not ends:
        return True
    return _BACK_REFERENCE.search(fold(text[ends[-1] : start])) is not None


def _margin_plan(s: LinkableStatement, text: str) -> str | None:
    """The plan phrase (folded, with its giver) after the excess of ``s``, or None."""
    if s.stated_kind != "excess" or s.stated is None:
        return None
    m = _MARGIN_PLAN.search(fold(s.text))
    if m is None:
        return None
    rest = _PLAN_REST.match(text, s.start + m.end(1))
    phrase = fold(text[s.start + m.start(1) : rest.end() if rest else s.start + m.end(1)])
    return " ".join(phrase.split())


# ------------------------------------------------------------ an aim's own percentage

# "…, phấn đấu cả năm đạt 900 tỷ đồng, bằng 100% kế hoạch": the percentage right after an
# amount aimed at is that aim's share of the plan
_AIM_THEN_PERCENT = rx(
    rf"(?<!\w)phấn\s+đấu(?!\w)[^;.%]*?(?:{NUM})[^\d;.%]{{0,20}}?,\s*(?:đạt|bằng)\s+"
    rf"(?:{NUM})\s*%[^\d;.%]*$"
)


def drop_aims_read_as_results(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, a percentage of an aim's amount not read as a result's.

    ``Quý IV ước đạt 300 tỷ đồng, phấn đấu cả năm đạt 900 tỷ đồng, bằng 100% kế hoạch``: the
    percentage follows the aimed amount and says how it stands to the plan; the result
    written before the aim is not its actual. Only a pair whose check fails, the aim
    (``phấn đấu``) after the result's figure and the percentage right after the aim's.
    """
    return [_without_result(s) if _aim_percent(s) else s for s in statements]


def _aim_percent(s: LinkableStatement) -> bool:
    if s.stated_kind != "attainment" or s.verdict != "inconsistent":
        return False
    if not isinstance(s.actual, Decimal) or not isinstance(s.target, Decimal):
        return False
    folded = fold(s.text)
    m = _AIM_THEN_PERCENT.search(folded)
    return m is not None and m.start() > 0


# ------------------------------------------------------------ an analyst's forecast

# "XYZS dự báo … DTT đạt 4.300 tỷ đồng (+6% …, 104% kế hoạch năm)", "chúng tôi dự phóng …":
# figures a named forecaster expects (a firm's initials, or the writer), not results
_FORECASTER = re.compile(
    r"(?:(?<![\w.])[A-ZĐ]{2,6}|(?<!\w)[Cc]húng tôi)\s+(?:đã\s+|cũng\s+)?"
    rf"{FORECAST_WORDS}(?!\w)"
)
_FORECAST_REACH = 300
"""How far (characters) before a statement its sentence's forecaster is looked for."""


def drop_forecasts(statements: Sequence[LinkableStatement], text: str) -> list[LinkableStatement]:
    """The statements but those in a sentence whose figures a named forecaster expects.

    ``ABCS dự phóng lợi nhuận trước thuế cả năm đạt 1.200 tỷ đồng (+20% YoY), bằng 110% kế
    hoạch``: an analyst's forecast (:data:`_FORECASTER`) of a result, no result stated.
    A forecast said with no forecaster before it (``Dự báo cả năm, thu ngân sách đạt …``,
    ``Sở Tài chính cho biết dự báo …``: the reporting body's own estimate) is kept.
    """
    return [s for s in statements if not _forecast(s, text)]


def _forecast(s: LinkableStatement, text: str) -> bool:
    low = max(0, s.start - _FORECAST_REACH)
    head = max(text.rfind(". ", low, s.start) + 1, text.rfind("\n", low, s.start) + 1, low)
    return _FORECASTER.search(text, head, s.start) is not None


# "phát hiện 45 vụ, 198 đối tượng (vượt 12% chỉ tiêu)", "7.586 cuộc có 99.974 lượt người dự
# (đạt 105% chỉ tiêu)": another count right before the result's, its own word after it, joined
# by a comma (up to five words of the first's between) or "có" right after its word ("12 xã
# vùng cao đã có 315 hộ": the first names where, the verb is the second's); not a year, a
# date's number, nor what a unit has ("Xã B có 3 thôn, 420 hộ tham gia …": the scene), nor
# a span of time ("Trong 6 tháng đầu năm, 1.250 lao động …", :data:`_SPANS_OF_TIME`)
_OTHER_COUNT_BEFORE = rx(
    r"(?<![\d.,/-])(?<!năm\s)(?<!ngày\s)(?<!tháng\s)(?<!quý\s)(?<!có\s)(?!(?:19|20)\d\d(?!\d))"
    rf"(?:{NUM})\s+([^\W\d_]+)(?:(?:\s+[^\W\d_]+){{0,5}}?\s*,|\s+có)\s*$"
)
_TWO_COUNTS_REACH = 80


def drop_second_of_two_counts(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements but a percentage given to the second of two counts before it.

    ``… đã phát hiện 45 vụ, 198 đối tượng (vượt 12% chỉ tiêu)``: the plan may be of either
    count (the cases or the people), and the text does not say which; an attainment or excess
    with no target, the count before it of another word (``vụ``, ``đối tượng``), the two joined
    by a comma or ``có`` only, is no claim. A span of time is no first count (``Trong 6
    tháng đầu năm, 1.250 lao động …``).
    """
    return [s for s in statements if not _second_of_two_counts(s, text)]


def _second_of_two_counts(s: LinkableStatement, text: str) -> bool:
    if (
        s.target is not None
        or s.link_start is not None
        or s.measure is not None
        or s.stated_kind not in ("attainment", "excess")
        or not isinstance(s.actual, Decimal)
    ):
        return False
    own = re.match(rf"\s*(?:{NUM})\s+([^\W\d_]+)", fold(s.text))
    if own is None:
        return False
    before = fold(text[max(0, s.start - _TWO_COUNTS_REACH) : s.start])
    m = _OTHER_COUNT_BEFORE.search(before)
    return (
        m is not None
        and m.group(1) != own.group(1)
        and m.group(1) not in SCALES
        and m.group(1) not in _SPANS_OF_TIME
    )


_SPANS_OF_TIME = frozenset(("giờ", "ngày", "tuần", "tháng", "quý", "năm"))
"""Words of a span of time: ``Trong 6 tháng đầu năm, 1.250 lao động …`` counts no first
thing the plan could be of, only the time the second took."""


# "… lên khoảng 820 tỷ đồng, với đóng góp chính từ chi nhánh B dự kiến đạt 310 tỷ đồng": what
# one unit brings to the amount before it, a part of it, no result against it
_CONTRIBUTION = rx(r"(?<!\w)với\s+(?:sự\s+)?đóng\s+góp(?!\w)")


def drop_contributions(statements: Sequence[LinkableStatement]) -> list[LinkableStatement]:
    """The statements but a result read against the amount it contributes to.

    ``với đóng góp … từ`` between the two, in the statement's own span: the target before
    it, the result after it in the same clause, and no percentage stated (``…, với đóng
    góp lớn của thuế đất, đạt 104% dự toán …`` is a result with an aside in it).
    """
    return [s for s in statements if not _contribution(s)]


def _contribution(s: LinkableStatement) -> bool:
    if s.actual is None or s.target is None or s.link_start is not None:
        return False
    if s.stated_percent is not None:
        return False
    text = fold(s.text)
    m = _CONTRIBUTION.search(text)
    if m is None or not any(c.isdigit() for c in text[: m.start()]):
        return False
    after = text[m.end() :]
    return "," not in after and ";" not in after and any(c.isdigit() for c in after)


# ------------------------------------------------------------ two plans of two measures

# "…, bằng 30% so với kế hoạch trồng rừng và 46% so với kế hoạch trồng cây phân tán": two
# percentages after one result, each of a plan named by what it measures
_PLAN_OF_MEASURE = r"(?:so\s+với\s+)?(?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu)\s+"
_MEASURE_WORDS = r"[^\W\d_]+(?:\s+[^\W\d_]+){0,3}"
_TWO_MEASURED_PLANS = rx(
    rf"(?:{NUM})\s*%\s*{_PLAN_OF_MEASURE}(?P<first>{_MEASURE_WORDS})\s*,?\s*và\s+"
    rf"(?:đạt\s+|bằng\s+)?(?:{NUM})\s*%\s*{_PLAN_OF_MEASURE}(?P<second>{_MEASURE_WORDS})"
)
# words after a plan's name that say who set it, for when or how, not what it measures
_NO_MEASURE_WORD = frozenset(
    fold(
        "của cả năm quý tháng đầu kỳ giao đề ra được đặt đã về điều chỉnh bổ sung tỉnh huyện xã"
        " thành phố quận thị trung ương hđnd ubnd thủ tướng chính phủ nghị quyết và cho các"
    ).split()
)
_LAST_PERCENT = rx(rf"(?:{NUM})\s*%(?!.*\d\s*%)")


def drop_results_of_other_plans(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, a percentage of a plan of another measure not read as the result's.

    ``số cây trồng phân tán đạt 56 triệu cây, bằng 30% so với kế hoạch trồng rừng mới và
    46% so với kế hoạch trồng cây phân tán``: of the two plans named after the result, the
    second names only words of the result's clause and the first names others; the first
    percentage is of another result (the forest's, said before), not of this one. When
    both plans, or neither, are named in the result's clause, the reading is kept.
    """
    return [_without_result(s) if _of_other_plan(s, text) else s for s in statements]


def _measure_named(words: str) -> list[str]:
    """The words of a plan's name that say what it measures: up to the first that does not."""
    named: list[str] = []
    for w in words.split():
        if w in _NO_MEASURE_WORD:
            break
        named.append(w)
    return named


def _of_other_plan(s: LinkableStatement, text: str) -> bool:
    if s.stated_kind not in ("attainment", "excess") or s.target is not None:
        return False
    if not isinstance(s.actual, Decimal) or s.link_start is not None:
        return False
    folded = fold(text[s.start : s.end + 160])
    last = _LAST_PERCENT.search(folded, 0, s.end - s.start)
    m = _TWO_MEASURED_PLANS.match(folded, last.start()) if last else None
    if m is None:
        return False
    first, second = _measure_named(m.group("first")), _measure_named(m.group("second"))
    if not first or not second or first == second:
        return False
    low = max(0, s.start - 400)  # a bounded look back: linear in the text
    head = max(low - 1, *(text.rfind(c, low, s.start) for c in (". ", ";", "\n"))) + 1
    clause = set(fold(text[head : s.start]).split()) | set(folded[: m.start()].split())
    return set(second) <= clause and not set(first) <= clause


# ------------------------------------------------------------ a fraction's whole, no plan

_FRACTION_OPENS = rx(rf"(?:{NUM})\s*/\s*(?:{NUM})(?![\d/])")


def drop_wholes_read_as_plans(statements: Sequence[LinkableStatement]) -> list[LinkableStatement]:
    """The statements, a fraction's whole not read as the plan of an attainment above 100 %.

    ``đã làm xong 45/90 căn nhà, đạt 150% kế hoạch``: the part is less than the whole after
    the slash, the percentage above 100, so the whole is no plan of it (the plan is 30): the
    percentage is left with the part alone and the target it implies.
    """
    return [_without_whole(s) if _whole_read_as_plan(s) else s for s in statements]


def _whole_read_as_plan(s: LinkableStatement) -> bool:
    if s.stated_kind != "attainment" or s.verdict != "inconsistent":
        return False
    p = percent_of(s)
    if p is None or p.value <= 100 or not isinstance(s.actual, Decimal):
        return False
    if not isinstance(s.target, Decimal) or not 0 < s.actual < s.target:
        return False
    return _FRACTION_OPENS.match(s.text) is not None


def _without_whole(s: LinkableStatement) -> LinkableStatement:
    """The percentage ``s`` with its result and no target: the target it implies."""
    return dataclasses.replace(
        s,
        target=None,
        implied_target=implied_target(s.actual, None, s.stated_percent, s.stated_kind),
        computed_percent=None,
        consistent=None,
        verdict="unchecked",
        **noted(seg("no_target")),  # type: ignore[arg-type]
    )


# ------------------------------------------------------------ a result rounded to its scale

_SCALED_DIGITS = 2
"""At most this many significant digits, one after a decimal comma, make a scaled amount
(``5,6 tỷ``) a rounded one."""


_ROUNDED_WINDOW = 300
"""How far (characters) before a percentage its result is looked for as written."""


def check_rounded_actuals(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, a failed check that the rounding of a scaled result explains undone.

    ``xuất khẩu 3,4 tỷ USD, đạt 67,8% kế hoạch (5 tỷ USD)``: 3,4 tỷ is rounded to a hundred
    million (3,35 to 3,45 gives 67,0 to 69,0 %), so the percentage written may be of the
    exact figure: unchecked, not inconsistent. Only amounts written with a scale word, a
    decimal comma and at most :data:`_SCALED_DIGITS` significant digits (``20 tỷ`` may be
    exact), written in the percentage's statement
    or up to :data:`_ROUNDED_WINDOW` characters before it.
    """
    return [
        unchecked(s, "actual_approximate") if _rounding_explains(s, text) else s for s in statements
    ]


def _rounding_explains(s: LinkableStatement, text: str) -> bool:
    p = percent_of(s)
    if s.verdict != "inconsistent" or s.stated_kind != "attainment" or p is None:
        return False
    if not isinstance(s.actual, Decimal) or not isinstance(s.target, Decimal) or s.target <= 0:
        return False
    folded = fold(text[max(0, s.start - _ROUNDED_WINDOW) : s.end])
    written = [a for a in amounts_in(folded, 0, len(folded)) if a.value == s.actual and a.unit[0]]
    number = _LEADING_NUMBER.match(folded, written[-1].start) if written else None
    if number is None:
        return False
    digits = number.group().replace(".", "").replace(",", "").lstrip("0")
    if "," not in number.group() or not digits or len(digits) > _SCALED_DIGITS:
        return False
    shown = parse_number(number.group())
    if shown <= 0:
        return False
    half = s.actual / shown * Decimal(5).scaleb(-_decimals(number.group()) - 1)
    low = 100 * (s.actual - half) / s.target
    high = 100 * (s.actual + half) / s.target
    return low <= p.value <= high


def _decimals(number: str) -> int:
    """The decimals of a number written with a comma for its decimal point (``5,6``: 1)."""
    return len(number.rsplit(",", 1)[1]) if "," in number else 0


# ------------------------------------------------------------ amounts still needed

# "cần giải ngân thêm 400 tỷ đồng để đạt 100% kế hoạch vốn tỉnh giao và 600 tỷ đồng để …":
# amounts needed to reach plans, each its own, never a result and its plan
_TO_REACH = rx(r"(?<!\w)để\s+(?:đạt|hoàn\s+thành)(?!\w)")


# "chỉ cần thêm khoảng 700 triệu USD", "phải huy động thêm": an amount still needed
_NEEDED_BEFORE = rx(
    r"(?<!\w)(?:cần|phải)\s+(?:[^\W\d_]+\s+){0,3}?thêm(?:\s+(?:khoảng|gần|hơn|trên))?\s*$"
)


def drop_needed_pairs(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements less a pair of two amounts needed to reach plans.

    ``cần giải ngân thêm 400 tỷ đồng để đạt 100% kế hoạch vốn tỉnh giao và 600 tỷ đồng để
    hoàn thành kế hoạch của huyện``: the words ``để đạt`` (``để hoàn thành``) between a
    pair's two amounts, no percentage of its own, make each an amount still needed (a
    range, ``để đạt mục tiêu 47-48 tỷ USD``, is an aim's and is kept). So does ``cần thêm``
    right before the first (``chỉ cần thêm 700 triệu USD trong quý IV là hoàn thành mục
    tiêu 5 tỷ USD``): the amount is what is missing, never a result.
    """
    return [s for s in statements if not _needed_pair(s, text)]


def _needed_pair(s: LinkableStatement, text: str) -> bool:
    if s.stated is not None or not isinstance(s.actual, Decimal):
        return False
    if not isinstance(s.target, Decimal):
        return False
    lead = fold(text[max(0, s.start - 50) : s.start])
    return _TO_REACH.search(fold(s.text)) is not None or _NEEDED_BEFORE.search(lead) is not None


# ------------------------------------------------------------ an excess beyond its result


def drop_impossible_excesses(
    statements: Sequence[LinkableStatement],
) -> list[LinkableStatement]:
    """The statements less an excess count larger than its result (no plan is below zero).

    ``có 90 trạm (trong đó … loại ba 4 trạm), vượt 12 trạm so với kế hoạch``: read with the
    last count of the bracket, the plan would be 4 − 12; the excess is of another figure.
    """
    return [s for s in statements if not _impossible_excess(s)]


def _impossible_excess(s: LinkableStatement) -> bool:
    return (
        s.stated_kind == "excess_count"
        and isinstance(s.actual, Decimal)
        and isinstance(s.target, Decimal)
        and s.target <= 0
    )


# "theo Đề án trồng 5 triệu cây xanh …", "Chương trình 1 triệu tấn …": a programme named by its
# figure (its noun capitalised within a sentence, after a word; at most one word between): a
# capital at a sentence's start ("Dự án trồng 20 ha rừng đạt 50% kế hoạch") names nothing
_PROGRAMME_NAMED = re.compile(
    r"(?<=[^\W\d_]\s)(?:Đề án|Chương trình|Phong trào|Cuộc vận động|Dự án)"
    r"(?:\s+(?!(?:đạt|là|có|được|đã|với|này|đó|cho|của|tại|ở|và|thì)\s)[^\W\d_]+)?\s+$"
)


def drop_programme_names(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements without those read from a programme's name.

    ``… trồng 6.000 cây theo Đề án trồng 5 triệu cây xanh giai đoạn 2041-2045, đạt 100% kế
    hoạch``: the figure after a programme's capitalised noun (and at most one word) names
    the programme; it is no result nor plan of the text, and a statement that starts at it
    is dropped. A lower-case plan (``kế hoạch trồng 300 cây``, ``dự án trồng 20 ha``) keeps
    its reading, and so does a result of the programme (``vùng Đề án đạt 900 ha``).
    """
    return [
        s
        for s in statements
        if _PROGRAMME_NAMED.search(text, max(0, s.start - 40), s.start) is None
    ]
