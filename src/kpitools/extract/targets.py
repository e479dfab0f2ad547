"""Targets stated in one place linked to the results stated in another.

A report often states a target once — ``Nghị quyết Đại hội đề ra mỗi năm kết nạp 1.500 đảng
viên``, ``Năm 2023 phấn đấu kết nạp trên 300 đảng viên`` — and the result elsewhere, with a
percentage *of that target*: ``… kết nạp 1.380 đảng viên, đạt 92% so với nghị quyết``. After
the sentence grammar, :func:`link_targets` gives such a result the target it refers to and
checks the percentage against it; the target's span is kept as the link's evidence
(``link_start``, ``link_end``, ``link_text``) beside the result's own span.

A result is linked only when

* it has an exact actual, an ``attainment`` or ``excess`` percentage, no target of its own,
  and its words name what the percentage is of (``nghị quyết``, ``kế hoạch``, ``chỉ tiêu``,
  ``mục tiêu``, ``dự toán``);
* a target-only statement of the same metric and the same unit (the same registry code, the
  same name as written, or both the document's own unit) fits its time: a yearly target
  (``mỗi năm``) any year's result, a target of a year that year's, a term target a
  whole-term result;
* the fitting targets nearest to it (up to three each side) agree: when they differ, the one
  the stated percentage gives is taken, and when none or several do, nothing is linked —
  precision first.

A percentage of a plan named by what it counts, with no result of its own, takes the result
stated before it that names the same thing
(:func:`~kpitools.extract.named_plans.link_named_plans`, in
:mod:`kpitools.extract.named_plans`): ``Doanh thu lũy kế đạt
17.565 tỷ đồng … đã hoàn thành khoảng 46% mục tiêu doanh thu (38.185 tỷ đồng)`` is 17.565
against 38.185 billion, with the result's span as the link's evidence.

A percentage that refers back to the result just stated — by a pronoun (``Con số này tương
ứng 60,6% kế hoạch``) or as the rate of what it measures (``tỷ lệ giải ngân … đạt 59,7%``) —
takes that result (:func:`~kpitools.extract.referred.link_referred_results`, in
:mod:`kpitools.extract.referred`), and a bare attainment of a plan that names
nothing it counts takes the count stated just before it (:func:`link_counted_results`: ``chi
bộ thôn Đông kết nạp 12 quần chúng ưu tú vào Đảng. Với kết quả này, xã hoàn thành 80% chỉ
tiêu``).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.amounts import BRACKETED_PLAN, FULL_STOP, OF_A_TARGET, plan_kind
from kpitools.extract.consistency import ESTIMATE, as_written
from kpitools.extract.linking import (
    NEIGHBOURS,
    StartIndex,
    agrees,
    fits_hedged,
    percent_of,
    unit_key,
    with_result,
)
from kpitools.extract.notes import noted, seg
from kpitools.extract.stated_checks import stated_checks, under_floor_target
from kpitools.extract.text import MAX_SENTENCE_CHARS, NUM, PLAN_NOUNS
from kpitools.numbers import check_percent, parse_number, try_parse_number
from kpitools.textfold import fold, fold_pattern, rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement


# --------------------------------------------------------------------------- targets stated apart

_YEARLY_BEFORE = rx(r"(?<!\w)(?:mỗi|hằng|hàng)\s+năm(?!\w)[^.;]{0,60}$")


# "Giai đoạn 2031-2035, … mỗi năm kết nạp 90": the years a yearly target is set for
_PERIOD_BEFORE = rx(
    r"(?<!\w)(?:giai\s+đoạn|nhiệm\s+kỳ)\s+(?P<a>(?:19|20)\d{2})\s*[-–—]\s*(?P<b>(?:19|20)\d{2})"
    r"(?!\w)[^.;]{0,160}$"
)


def _fits_yearly(s: LinkableStatement, t: LinkableStatement, text: str) -> bool:
    """Whether the target ``t`` fits the time of the result ``s`` (:func:`_fits_time`).

    A target set for each year (``mỗi năm``) fits a result of any year, unless its sentence
    names the period of years it is set for (``Giai đoạn 2031-2035, … mỗi năm kết nạp 90``):
    then only a result of one of those years, or of no year.
    """
    before = fold(text[max(0, t.start - 200) : t.start])
    yearly = bool(_YEARLY_BEFORE.search(before[-80:]))
    if not _fits_time(s, t, yearly):
        return False
    period = _PERIOD_BEFORE.search(before) if yearly else None
    return period is None or s.year is None or int(period["a"]) <= s.year <= int(period["b"])


def _key(s: LinkableStatement) -> str | None:
    """What a statement counts, for linking.

    Its metric, else for an amount its label (what it is of, folded) and currency
    (``~thu ngân sách|đồng``); None otherwise.
    """
    if s.metric is not None:
        return s.metric
    if s.measure is None or s.measure == "%":
        return None
    label = re.sub(r"\s*\([^()]*\)$", "", s.label)
    return f"~{fold(label)}|{s.measure.split()[-1]}" if label else None


def _fits_time(result: LinkableStatement, target: LinkableStatement, yearly: bool) -> bool:
    if target.target_period == "term" or (target.term and target.target_period != "annual"):
        return result.term is not None and (target.term in (None, "nhiệm kỳ", result.term))
    if result.term is not None:
        return False
    if yearly:
        return True
    return target.year == result.year  # of one year, or both of none written (one period)


def _estimated(result: LinkableStatement, text: str | None) -> bool:
    """Whether ``result`` is said to be an estimate (``ước đạt``, ``dự kiến``).

    :data:`~kpitools.extract.consistency.ESTIMATE` in its own words or, when ``text`` (the
    text its offsets index) is given, in its clause's words before it.
    """
    if ESTIMATE.search(fold(result.text)):
        return True
    if text is None:
        return False
    floor = max(0, result.start - 200)
    stops = [m.end() for m in FULL_STOP.finditer(text, floor, result.start)]
    start = max(text.rfind(";", floor, result.start) + 1, stops[-1] if stops else floor)
    return ESTIMATE.search(fold(text[start : result.start])) is not None


def _checked(
    result: LinkableStatement, target: LinkableStatement, text: str | None = None
) -> dict[str, object]:
    """The checks of a result against the target linked to it.

    ``text``: as :func:`_estimated`'s.
    """
    p = percent_of(result)
    a, t = result.actual, target.target
    assert isinstance(a, Decimal) and isinstance(t, Decimal)
    if p is None or t == 0:
        return {
            "verdict": "unchecked",
            **noted(seg("linked", t=f"{t:f}", text=target.text), seg("no_percent")),
        }
    check = check_percent(p, a, t)
    assert check.exact is not None
    exact = check.exact
    lead = (
        seg("linked_lead", t=f"{t:f}", text=target.text),
        seg("percent", a=f"{a:f}", t=f"{t:f}", exact=f"{exact:.6g}"),
    )
    out: dict[str, object] = {"computed_percent": check.computed}
    if not result.exact:
        out.update(verdict="unchecked", **noted(*lead, seg("actual_approximate")))
        return out
    qual = result.qualifier
    if target.qualifier in ("trên", "hơn", "trở lên"):
        # the target is above the number written: the true percentage is below ``exact``,
        # which the percent written may round up to (half a unit of its last digit)
        bad = under_floor_target(p, qual, exact)
        out.update(
            consistent=False if bad else None,
            verdict="inconsistent" if bad else "unchecked",
            **noted(
                *lead,
                seg("target_qualified", target_qual=target.qualifier, t=f"{t:f}"),
                *(
                    ()
                    if not bad
                    else (seg("so_not_qual", qual=qual, percent=p.value),)
                    if qual
                    else (seg("so_not", percent=p.value),)
                ),
            ),
        )
        return out
    if target.qualifier is not None or not target.exact:
        out.update(verdict="unchecked", **noted(*lead, seg("target_approximate")))
        return out
    out.update(stated_checks(lead, qual, check, p.value))
    estimated = _estimated(result, text)  # ``ước đạt``: read as hedged
    if (
        out.get("verdict") == "inconsistent"
        and result.stated_kind in ("attainment", "excess")
        and as_written(
            p, a, (result.text, result.link_text), t, hedged=qual is not None or estimated
        )
    ):
        # a result written to a coarse digit (``20,1 tỷ đồng``): within its rounding
        out.update(consistent=None, verdict="unchecked", **noted(*lead, seg("approximate_after")))
    return out


def link_targets(statements: Sequence[LinkableStatement], text: str) -> list[LinkableStatement]:
    """The statements, each result that refers to a target stated elsewhere linked to it.

    See the module docstring; the target statements stay as they are. ``text`` is the text
    the statements' offsets index (to see whether a target is yearly).
    """
    groups: dict[tuple[str, str | None], list[LinkableStatement]] = {}
    for s in statements:
        key = _key(s)
        if (
            s.actual is None
            and isinstance(s.target, Decimal)
            and key
            and s.stated_kind in (None, "growth")  # "doanh thu 750 tỷ đồng, tăng 10%": a goal
            and not _share_of_a_plan(s, text)
        ):
            groups.setdefault((key, unit_key(s)), []).append(s)
    if not groups:
        return list(statements)
    starts = {k: [t.start for t in v] for k, v in groups.items()}
    by_metric: dict[str, list[LinkableStatement]] = {}
    for (metric, _), targets in groups.items():
        by_metric.setdefault(metric, []).extend(targets)
    out: list[LinkableStatement] = []
    for s in statements:
        linked = _linked(s, groups, starts, text)
        if linked is s and unit_key(s) is None:
            linked = _of_the_unit_named_before(s, by_metric, text)
        if linked is s and unit_key(s) is None:
            linked = _of_the_one_target(s, by_metric, text)
        out.append(linked)
    return out


# "phấn đấu đến hết quý II kim ngạch đạt 1.900 triệu USD, tăng 14% so với cùng kỳ và đạt
# 47,5% kế hoạch năm": a goal said, with its own growth, to be a share of another plan
_SHARE_OF_PLAN_AFTER = rx(
    rf"^[^\d%]{{0,60}}?(?:{NUM})\s*(?:[^\W\d_]+\s*){{0,3}}"
    rf"(?:,\s*tăng(?:\s+trưởng)?\s+(?:khoảng\s+)?(?:{NUM})\s*%\s*so\s+với"
    r"(?:\s+(?:[^\W\d_]+|(?:19|20)\d\d)){1,6})?"
    rf"\s*(?:,\s*và|,|và)\s*(?:đạt|bằng)\s+(?:khoảng\s+)?(?P<p>{NUM})\s*%\s*(?:so\s+với\s+)?"
    rf"{PLAN_NOUNS}"
)


def _share_of_a_plan(t: LinkableStatement, text: str) -> bool:
    """Whether the goal ``t`` is said to be a share, not all, of a plan.

    Right after its amount, past its own growth (:data:`_SHARE_OF_PLAN_AFTER`): a part of
    the plan, no plan a result's percentage is of.
    """
    m = _SHARE_OF_PLAN_AFTER.match(fold(text[t.start : t.start + 250]))
    return m is not None and try_parse_number(m.group("p")) not in (None, Decimal(100))


_NAMED_UNIT_REACH = 300
"""How far (characters) before a result of no unit named the one unit's target may end."""


def _linkable(s: LinkableStatement) -> str | None:
    """What ``s`` counts (:func:`_key`), when it is a result to link; None otherwise.

    A result to link has a percentage of a target and no target of its own.
    """
    metric = _key(s)
    if (
        metric is None
        or s.target is not None
        or not isinstance(s.actual, Decimal)
        or s.stated_kind not in ("attainment", "excess")
        or not OF_A_TARGET.search(fold(s.text))
    ):
        return None
    return metric


def linked_to(
    s: LinkableStatement, t: LinkableStatement, text: str | None = None
) -> LinkableStatement:
    """``s`` with the target statement ``t`` as its target, linked, and checked.

    ``text``: the text the offsets index, to read an estimate said before ``s``.
    """
    return dataclasses.replace(
        s,
        target=t.target,
        target_period=t.target_period,
        implied_target=None,
        link_start=t.start,
        link_end=t.end,
        link_text=t.text,
        **_checked(s, t, text),  # type: ignore[arg-type]
    )


def link_year_targets_to_date(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, a result to a date set against the year's target stated just before.

    ``Năm 2041, Đảng bộ huyện phấn đấu kết nạp 150 đảng viên mới. Trong 3 tháng đầu năm,
    Đảng bộ huyện đã kết nạp được 37 quần chúng ưu tú``: 37 against 150, no percentage
    written. Linked only when the result has no percentage or target, is dated before the
    year's end (``as_of``) and below the target, and the one target-only statement of its
    metric, unit and year in the sentence right before it (its paragraph) is a year's; the
    result is the only one of its metric in its sentence.
    """
    out = list(statements)
    by_start = StartIndex(statements)
    for i, s in enumerate(statements):
        if (
            s.metric is None
            or s.stated_kind is not None
            or s.target is not None
            or not isinstance(s.actual, Decimal)
            or s.as_of is None
            or (s.as_of.month, s.as_of.day) == (12, 31)
        ):
            continue
        # the sentence's start and the one before it, looked for within a sentence's bound
        own = text.rfind(". ", max(0, s.start - MAX_SENTENCE_CHARS), s.start)
        low = max(0, own - MAX_SENTENCE_CHARS)
        before = text.rfind(". ", low, max(own, 0))
        before = before if before >= 0 else low - 1
        if own < 0 or "\n" in text[own : s.start]:
            continue
        plans = [
            t
            for t in (statements[k] for k in by_start.between(before + 1, own - 1))
            if t.metric == s.metric
            and before < t.start < own
            and "\n" not in text[t.start : own]
            and (t.actual is None or t.stated_kind is not None)
        ]
        mates = [
            c
            for c in (statements[k] for k in by_start.between(own + 1, s.end + 199))
            if c.metric == s.metric
        ]
        t = plans[0] if len(plans) == 1 else None
        if (
            t is None
            or t.actual is not None
            or not isinstance(t.target, Decimal)
            or t.target_period != "annual"
            or t.year != s.year
            or unit_key(s) not in (None, unit_key(t))
            or not s.actual < t.target
            or any(c is not s and _sentence_of(text, c.start) == own for c in mates)
        ):
            continue
        out[i] = linked_to(s, t, text)
    return out


def _sentence_of(text: str, at: int) -> int:
    """Where the sentence holding ``at`` starts: the ``. `` before it (-1 for the first)."""
    return text.rfind(". ", 0, at)


def _of_the_unit_named_before(
    s: LinkableStatement, by_metric: dict[str, list[LinkableStatement]], text: str
) -> LinkableStatement:
    """``s``, a result of no unit named, linked to the one target of a unit set just before.

    ``Năm 2023, Huyện ủy Tân Phước được giao chỉ tiêu kết nạp 70 đảng viên. Các chi bộ đã
    kết nạp được 84 đảng viên, đạt 120% chỉ tiêu``: the result's subject names no unit of
    the registry, so it is of the unit whose target the sentence before sets. Linked only
    when one target of the metric, of one value, ends within :data:`_NAMED_UNIT_REACH`
    characters before the result in its paragraph, fits its time, and agrees with its
    percentage (the report's own figure is the evidence).
    """
    metric = _linkable(s)
    if metric is None:
        return s
    near = [
        t
        for t in by_metric.get(metric, ())
        if s.start - _NAMED_UNIT_REACH <= t.end <= s.start and "\n" not in text[t.end : s.start]
    ]
    if len(near) != 1 or not isinstance(goal := near[0].target, Decimal):
        return s
    t = near[0]
    if not _fits_time(s, t, False) or not agrees(s, goal):
        return s
    return linked_to(s, t, text)


def _of_the_one_target(
    s: LinkableStatement, by_metric: dict[str, list[LinkableStatement]], text: str
) -> LinkableStatement:
    """``s``, a result of no unit named, linked to its text's one target.

    ``Năm 2030, Đảng bộ xã Tân Hòa phấn đấu kết nạp 45 đảng viên mới. … Sáu tháng đầu năm,
    xã đã kết nạp 18 đảng viên, đạt 40% kế hoạch``: the result names no unit of the
    registry, and the text sets one target of what it counts, before it, of the result's
    year (or of a result of no year), whose figures the percentage fits: it is that target.
    Not linked when the text sets targets of the metric of more than one value or of more
    than one unit, a term's target, or a target the percentage does not fit.
    """
    metric = _linkable(s)
    if metric is None or s.term is not None:
        return s
    targets = by_metric.get(metric, [])
    if len({t.target for t in targets}) != 1 or len({unit_key(t) for t in targets}) != 1:
        return s
    t = targets[0]
    if (
        t.end > s.start
        or s.year not in (None, t.year)
        or t.term is not None
        or t.target_period == "term"
        or not isinstance(t.target, Decimal)
        or not agrees(s, t.target)
    ):
        return s
    return linked_to(s, t, text)


def _near_implied(s: LinkableStatement, target: object) -> bool:
    """Whether ``target`` is within a factor of 2 of the target ``s``'s percentage implies.

    A target the stated percentage puts far away is another one (``toàn tỉnh kết nạp 1.230
    đảng viên, đạt 61,5% kế hoạch năm`` is no result against a district's ``mỗi năm kết nạp
    120 đảng viên trở lên``, though a floor only bounds the percentage from above).
    """
    p = percent_of(s)
    if p is None or p.value <= 0 or not isinstance(target, Decimal) or target <= 0:
        return True
    assert isinstance(s.actual, Decimal)
    implied = s.actual * 100 / p.value
    return target / 2 <= implied <= target * 2


def _other_plan_kind(s: LinkableStatement, t: LinkableStatement, text: str) -> bool:
    """Whether ``t`` is a plan of another kind than ``s``'s percentage names, unfitting.

    A goal striven for (``mục tiêu phấn đấu … gồm thu nội địa 38.000``) against ``đạt 61,4%
    dự toán``, when the percentage does not fit it: no plan of that percentage (precision
    first: the budget may be stated elsewhere).
    """
    assert isinstance(t.target, Decimal)
    if fits_hedged(s, t.target):
        return False
    low = max(0, t.start - MAX_SENTENCE_CHARS)  # its sentence, within a sentence's bound
    head = max(text.rfind(". ", low, t.start), text.rfind("\n", low, t.start), low - 1) + 1
    mine = plan_kind(fold(s.text))
    theirs = plan_kind(fold(text[head : t.start]))
    return None not in (mine, theirs) and mine != theirs


def _linked(
    s: LinkableStatement,
    groups: dict[tuple[str, str | None], list[LinkableStatement]],
    starts: dict[tuple[str, str | None], list[int]],
    text: str,
) -> LinkableStatement:
    metric = _linkable(s)
    if metric is None:
        return s
    key = (metric, unit_key(s))
    group = groups.get(key)
    if not group:
        return s
    i = bisect.bisect_left(starts[key], s.start)
    near = group[max(0, i - NEIGHBOURS) : i][::-1] + group[i : i + NEIGHBOURS]
    fitting = [t for t in near if _fits_yearly(s, t, text)]
    if not fitting:
        return s
    if len({t.target for t in fitting}) > 1:
        fitting = _one_target(s, fitting, text)
        if not fitting:
            return s
    target = min(fitting, key=lambda t: abs(t.start - s.start))
    if (
        not _near_implied(s, target.target)
        or _other_plan_kind(s, target, text)
        or _floor_aimed_after(s, target)
    ):
        return s
    return linked_to(s, target, text)


def _floor_aimed_after(s: LinkableStatement, t: LinkableStatement) -> bool:
    """Whether ``t`` is a floor aimed at after ``s``, a part of the year, not its plan.

    ``Sáu tháng đầu năm 2041 kết nạp 52 đảng viên, đạt trên 41,3% kế hoạch. … Năm 2041
    phấn đấu kết nạp trên 120 đảng viên``: the year's aim, a floor written after a result
    up to a date before the year's end, bounds what is striven for; a percentage that
    neither fits its figure nor is refuted by it (the plan may be any figure above it) is of
    a plan not written. Its own implied target stands. A whole year's result is still linked
    (the aim is the year's plan), and so is a percentage a plan above the floor cannot give
    (:func:`~kpitools.extract.stated_checks.under_floor_target`), for the audit.
    """
    p = percent_of(s)
    if t.qualifier not in ("trên", "hơn", "trở lên") or t.start < s.end or p is None:
        return False
    if s.as_of is None or (s.as_of.month, s.as_of.day) == (12, 31):
        return False  # a whole year's result (or of no date): the aim is its plan
    if not s.exact or not isinstance(t.target, Decimal) or t.target <= 0 or agrees(s, t.target):
        return False
    assert isinstance(s.actual, Decimal)
    return not under_floor_target(p, s.qualifier, s.actual * 100 / t.target)


def _one_target(
    s: LinkableStatement, fitting: list[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """Of targets of differing values, the one plan of ``s``'s percentage, or none.

    The amount in brackets right after the plan the percentage names is its plan (``đạt
    82% kế hoạch năm (50 tỷ đồng)``), whether or not the figures agree (a disagreement is
    then the audit's); else the targets whose figures agree with the percentage, when they
    have one value.
    """
    own = [t for t in fitting if _bracketed_after(s, t, text)]
    if len(own) == 1:
        return own
    agreeing = [t for t in fitting if isinstance(t.target, Decimal) and agrees(s, t.target)]
    return agreeing if len({t.target for t in agreeing}) == 1 else []


def _bracketed_after(s: LinkableStatement, t: LinkableStatement, text: str) -> bool:
    """Whether the target ``t`` is in brackets right after the plan ``s`` names."""
    if not s.end <= t.start <= s.end + 40 or any(c.isdigit() for c in text[s.end : t.start]):
        return False
    return BRACKETED_PLAN.search(fold(text[s.start : t.start])) is not None


# --------------------------------------------------------------------------- counted results

COUNT_REACH = 400
"""How far (characters) before a bare attainment the count it is of may end."""

# "… đạt 100% chỉ tiêu trong năm.", "… hoàn thành 95% kế hoạch đề ra;": a plan that names
# nothing it counts, at most its year or who set it, then the clause ends
_BARE_PLAN = rx(
    r"%\s*(?:so\s+(?:với\s+)?)?(?:chỉ\s+tiêu|kế\s+hoạch|nghị\s+quyết)"
    r"(?:\s+(?:(?:trong|của|cả)\s+)?năm(?:\s+\d{4})?|\s+đề\s+ra|\s+(?:được\s+)?giao)?"
    r"\s*(?:[.;,!?)]|$)"
)


def link_counted_results(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, each bare attainment of a plan given the count stated just before it.

    ``Chi bộ thôn Đông kết nạp 12 quần chúng ưu tú vào Đảng. Với kết quả này, xã hoàn thành
    80% chỉ tiêu.``: a
    percentage with no figure of its own, of a plan that names nothing it counts
    (:data:`_BARE_PLAN`), takes the result right before it — the statement just before,
    a count of a known metric (no money), exact, with no target or percentage of its own,
    in the same paragraph and the same or the sentence before. The target stays unwritten:
    the one the percentage implies is reported, marked derived.
    """
    out = list(statements)
    for i, s in enumerate(statements):
        if i == 0 or s.actual is not None or s.target is not None:
            continue
        if s.stated_kind != "attainment" or not _BARE_PLAN.search(fold(text[s.start : s.end + 40])):
            continue
        c = statements[i - 1]
        if _counted_before(c, s, text):
            out[i] = with_result(s, c, None)
    return out


def _counted_before(c: LinkableStatement, s: LinkableStatement, text: str) -> bool:
    """Whether ``c`` is a count the bare attainment ``s`` may be of."""
    if c.metric is None or c.measure not in (None, "") or s.metric not in (None, c.metric):
        return False
    if not isinstance(c.actual, Decimal) or not c.exact or c.target is not None:
        return False
    if c.stated_kind is not None or not 0 <= s.start - c.end <= COUNT_REACH:
        return False
    between = text[c.end : s.start]
    return "\n" not in between and len(FULL_STOP.findall(between + " ")) <= 1


# --------------------------------------------------------------------------- bracketed rates

# "… đạt 120% so với chỉ tiêu giao (chỉ tiêu là " before the plan's rate
_RATE_PLAN_BRACKET = rx(rf"\(\s*{PLAN_NOUNS}(?:\s+[^\W\d_]+){{0,3}}?\s*(?:là|:)?\s*$")
_RATE_PLAN_REACH = 60


def link_bracketed_rates(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, each attainment of a rate given the plan's rate in brackets after it.

    ``tỷ lệ hộ nghèo của xã giảm 2,4%, đạt 120% so với chỉ tiêu giao (chỉ tiêu là
    2%)``: the rate 2,4 against the planned 2, checked (120 %). The bracket must open
    with a plan's name within :data:`_RATE_PLAN_REACH` characters after the attainment, and
    hold the next statement, a rate stated as a target of the same figure.
    """
    out = list(statements)
    for i, s in enumerate(statements[:-1]):
        t = statements[i + 1]
        if (
            s.stated_kind != "attainment"
            or s.target is not None
            or s.measure != "%"
            or not isinstance(s.actual, Decimal)
            or t.stated_kind != "target"
            or t.actual != s.actual
            or not isinstance(t.stated_percent, Decimal)
            or not s.end <= t.start <= s.end + _RATE_PLAN_REACH
            or not _RATE_PLAN_BRACKET.search(fold(text[s.end : t.start]))
        ):
            continue
        plan = dataclasses.replace(t, target=t.stated_percent, qualifier=None, exact=True)
        out[i] = dataclasses.replace(
            s,
            target=t.stated_percent,
            target_period="annual",
            implied_target=None,
            link_start=t.start,
            link_end=t.end,
            link_text=t.text,
            **_checked(s, plan),  # type: ignore[arg-type]
        )
    return out


# --------------------------------------------------- a percentage after a list of counts

_LISTED_COUNT_REACH = 1500
"""How far (characters) either side of a target the counts of its noun may be written."""
_PERCENT_FIT = Decimal("0.02")
"""How close (relative) a percentage must come to a count's share of the target to be its."""
_YEAR_OPENING = rx(r"(?<!\w)năm\s+(?P<y>(?:19|20)\d{2})(?!\d)")


# a target's text that is a count and its noun alone: "1.500 hội viên"
_COUNT_NOUN = re.compile(rf"(?:{NUM})\s+([^\W\d_]+(?:\s+[^\W\d_]+){{0,2}})")


def _count_pattern(noun: str) -> re.Pattern[str]:
    """A count of ``noun`` opening a list of counts that ends with ``đạt N%`` and its clause."""
    return re.compile(
        rf"(?<![\d.,])(?P<a>{NUM})\s+{re.escape(fold(noun))}(?!\w)"
        rf"(?:\s*,\s*(?:{NUM})\s+[^\W\d_]+(?:\s+[^\W\d_]+){{0,3}})+"
        rf"\s*,\s*{fold_pattern('đạt')}\s+(?P<p>{NUM})\s*%(?=\s*(?:[.;\n]|$))"
    )


def _listed_count_target(s: LinkableStatement) -> str | None:
    """The noun of ``s`` when it is a yearly target of a count alone, else None."""
    if s.actual is not None or not isinstance(s.target, Decimal) or s.target <= 0:
        return None
    if s.stated_kind is not None or s.year is None or s.measure is not None:
        return None
    m = _COUNT_NOUN.fullmatch(s.text)
    return m.group(1) if m else None


def _year_of_line(folded: str, at: int) -> int | None:
    """The last year named on the line of ``at`` before it (``Năm 2030: …``), or None."""
    line = folded.rfind("\n", 0, at) + 1
    years = list(_YEAR_OPENING.finditer(folded, line, at))
    return int(years[-1].group("y")) if years else None


def link_listed_counts(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, with a result for a percentage after a list of counts.

    The percentage is of the first count when it fits that count's target stated nearby:

    ``Năm 2030: Kết nạp 1.380 đoàn viên, 12 chi đoàn, đạt 92%`` (the percentage may be of
    either count: the grammar reads none) and, within :data:`_LISTED_COUNT_REACH` characters,
    ``chỉ tiêu năm 2030 kết nạp 1.500 đoàn viên``: 1.380 of 1.500 is 92 %, so the
    percentage is of the members, linked and checked. Only when the first count names the
    target's noun, the year its line names (if any) is the target's, no statement reads the
    percentage already, and the percentage lies within :data:`_PERCENT_FIT` of the count's
    share (a close miss is then flagged, a far one is no evidence of whose it is).
    """
    out = list(statements)
    taken: list[tuple[int, int]] | None = None
    for t in statements:
        noun = _listed_count_target(t)
        if noun is None:
            continue
        if taken is None:
            taken = [(c.start, c.end) for c in statements]
        lo = max(0, t.start - _LISTED_COUNT_REACH)
        window = fold(text[lo : t.end + _LISTED_COUNT_REACH])
        for m in _count_pattern(noun).finditer(window):
            r = _listed_result(t, m, text, (window, lo), taken)
            if r is not None:
                out.append(r)
                taken.append((r.start, r.end))
    return out


def _listed_result(
    t: LinkableStatement,
    m: re.Match[str],
    text: str,
    window: tuple[str, int],
    taken: list[tuple[int, int]],
) -> LinkableStatement | None:
    """The result the count ``m`` matched gives against the target ``t``, or None.

    ``window`` is the folded text ``m`` matched in and where it starts in ``text``.
    """
    folded, lo = window
    start, end, p_at = m.start() + lo, m.end() + lo, m.start("p") + lo
    if any(a <= p_at < b for a, b in taken) or t.start <= start < t.end:
        return None
    if _year_of_line(folded, m.start()) not in (None, t.year):
        return None
    assert isinstance(t.target, Decimal)
    actual, stated = parse_number(m.group("a")), parse_number(m.group("p"))
    share = 100 * actual / t.target
    if abs(share - stated) > _PERCENT_FIT * stated:
        return None
    result = dataclasses.replace(
        t,
        start=start,
        end=end,
        text=" ".join(text[start:end].split()),
        actual=actual,
        stated_percent=stated,
        stated=text[p_at:end].strip(),
        stated_kind="attainment",
        exact=True,
        qualifier=None,
    )
    return linked_to(result, t, text)
