"""Drops and checks: statements another reading of the text contradicts, left out or flagged.

Left out: a headline's pairing the body does not make (:func:`drop_mispaired_headlines`), a
result-and-plan pair a later percentage states again (:func:`drop_repeated_pairs`), a rounded
amount restated exactly (:func:`drop_rounded_restatements`), a count no whole plan gives its
percentage (:func:`drop_unfitting_counts`), an excess in points of a rate read as a count's
(:func:`drop_rate_point_excesses`), a pair whose result its clause sets as a plan
(:func:`drop_planned_results`), a percentage of a plan of another measure than the result's
(:func:`drop_results_of_other_plans`). Flagged: a headline qualifier the body
contradicts (:func:`check_headline_qualifiers`), a month's amount larger than the months that
hold it (:func:`check_month_amounts`), a month's percentage of a plan that the months' own
denies (:func:`check_month_percentages`), two percentages of one named budget that cannot both
hold (:func:`check_one_budget`).
"""

from __future__ import annotations

import bisect
import dataclasses
import json
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.amounts import (
    _FULL_STOP,
    _MEASURE_NAMES,
    MEASURE_NAMES,
    PLAN_MEASURES,
    _Amount,
    _amounts,
    _head,
    _last_end,
    _sets_plan,
)
from kpitools.extract.linking import _NO_PERCENT, _amount, _flagged, _percent_of
from kpitools.extract.listed_parts import round_plan_fits
from kpitools.extract.notes import noted, seg
from kpitools.extract.records import implied_target
from kpitools.extract.text import NUM, PLAN_NOUNS
from kpitools.numbers import check_percent, parse_number, parse_percent
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
_ROUNDED_SIDE = {"hơn": 1, "trên": 1, "gần": -1, "khoảng": 0}
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
            own = any(a.value == c.actual for a in _amounts(fold(c.text), 0, len(c.text)))
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
    p = _percent_of(s)
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
    p = _percent_of(s)
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


# --------------------------------------------------------------------------- a month and its months

_IN_MONTH = rx(r"(?<!\w)(?:trong|của)\s+tháng(?!\w)(?!\s+(?:đầu|qua))")
_MONTHS = rx(r"(?<!\w)(\d{1,2})\s+tháng(?!\w)")
_MONTH_WINDOW = 1200


def _lead_of(text: str, s: LinkableStatement, floor: int) -> str:
    """The folded words of the sentence of ``s`` before its figure (from ``floor``)."""
    return fold(text[_last_end(_FULL_STOP, text, s.start, floor) : s.start])


def _line_floor(text: str, pos: int, reach: int) -> int:
    """The start of the line of ``pos``, or ``reach`` characters before it.

    The later of the two: a long line's start is no floor (linear in the text).
    """
    low = max(0, pos - reach)
    return text.rfind("\n", low, pos) + 1 or low


def _months_of(text: str, s: LinkableStatement) -> int | None:
    """The number of months a cumulative amount ``s`` is of, or None.

    Named earlier in its paragraph (``Tính chung 10 tháng …``).
    """
    floor = _line_floor(text, s.start, _MONTH_WINDOW)
    if _IN_MONTH.search(_lead_of(text, s, floor)):
        return None
    months = [int(m.group(1)) for m in _MONTHS.finditer(fold(text[floor : s.start]))]
    return months[-1] if months and months[-1] >= 2 else None


def check_month_amounts(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, a month's amount larger than the months that hold it flagged.

    ``Tổng thu … trong tháng ước đạt 783.700 tỷ đồng`` and, a paragraph on, ``Tính chung 10
    tháng đầu năm … Tổng thu … đạt 43.380,7 tỷ đồng``: one month cannot exceed the ten that
    hold it (a decimal comma printed as a thousands dot). The amounts have the same label and
    measure, are up to 1.200 characters apart, and the month's is larger (by more than
    :data:`kpitools.extract.grammar.APPROXIMATE_FACTOR` when either is approximate); the
    month's statement becomes inconsistent, with the cumulative amount in its note.
    """
    out = list(statements)
    amounts = [(i, c) for i, c in enumerate(statements) if _amount(c)]
    for i, s in amounts:
        floor = _line_floor(text, s.start, 300)
        if not _IN_MONTH.search(_lead_of(text, s, floor)):
            continue
        whole = next(
            (
                c
                for _, c in amounts
                if c is not s
                and abs(c.start - s.start) <= _MONTH_WINDOW
                and c.label == s.label
                and c.measure == s.measure
                and _subject(text, c) == _subject(text, s)
                and _months_of(text, c) is not None
                and _larger(s, c)
            ),
            None,
        )
        if whole is not None:
            assert isinstance(s.actual, Decimal) and isinstance(whole.actual, Decimal)
            months = _months_of(text, whole)
            out[i] = _flagged(
                s,
                "month_above_months",
                a=f"{s.actual:f}",
                t=f"{whole.actual:f}",
                months=months,
                text=whole.text,
            )
    return out


# "xuất khẩu tháng 4 ước đạt …": one month named before the figure (not "4 tháng")
_ONE_MONTH = rx(r"(?<![\w,.])tháng\s+(?:\d{1,2}|này)(?![\w/])")
_PLAN_AFTER = rx(
    r"^\s*(?:so\s+(?:với\s+)?)?((?:kế\s+hoạch|chỉ\s+tiêu|dự\s+toán|mục\s+tiêu)"
    r"(?:\s+(?:cả\s+)?năm)?)(?!\w)"
)
MONTH_PERCENT_FACTOR = Decimal(2)
"""How far (a factor) a month's percentage of the year's plan must be from the one the
months to date give it before it is flagged (both figures may be approximate)."""


def check_month_percentages(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, a month's percentage of a plan its months' percentage denies flagged.

    ``Doanh thu du lịch tháng 5 ước đạt 200 tỷ đồng, bằng 25% kế hoạch năm. Tính chung 5
    tháng, doanh thu du lịch đạt 800 tỷ đồng, bằng 25,5% kế hoạch năm``: of one plan, the
    month's 200 can only be a quarter of the months' percentage (about 6,4 %), not 25 %. Both
    are attainments of the same plan words, of the same measure named before them and the
    same unit of count, in one paragraph; the month's sentence names one month (``tháng 5``),
    the other's a number of months; the month's amount is the smaller and its percentage off
    by more than :data:`MONTH_PERCENT_FACTOR` either way. The month's statement is flagged.
    """
    out = list(statements)
    attained = sorted(
        ((c.start, i) for i, c in enumerate(statements) if _month_percent_key(c, text)),
    )
    starts = [start for start, _ in attained]
    for _, i in attained:
        s = statements[i]
        if _months_of_sentence(text, s) is not None or not _ONE_MONTH.search(_own_lead(text, s)):
            continue
        low = bisect.bisect_left(starts, s.start - _MONTH_WINDOW)
        high = bisect.bisect_right(starts, s.start + _MONTH_WINDOW)
        for _, j in attained[low:high]:  # neighbours only: linear in the text
            found = _months_denying(text, s, statements[j])
            if found is not None:
                out[i] = found
                break
    return out


def _own_lead(text: str, s: LinkableStatement) -> str:
    return _lead_of(text, s, _line_floor(text, s.start, 300))


def _months_of_sentence(text: str, s: LinkableStatement) -> int | None:
    months = [int(m.group(1)) for m in _MONTHS.finditer(_own_lead(text, s))]
    return months[-1] if months and months[-1] >= 2 else None


def _month_percent_key(s: LinkableStatement, text: str) -> str | None:
    """The plan words after the percentage of an attainment of an amount, or None."""
    if s.stated_kind != "attainment" or not isinstance(s.actual, Decimal) or not s.stated:
        return None
    at = s.text.rfind(s.stated)
    if at < 0 or s.actual <= 0:
        return None
    pos = s.start + at + len(s.stated)
    m = _PLAN_AFTER.match(fold(text[pos : pos + 40]))
    return " ".join(m.group(1).split()) if m else None


def _months_denying(
    text: str, s: LinkableStatement, c: LinkableStatement
) -> LinkableStatement | None:
    """``s`` flagged when the months' attainment ``c`` denies its percentage (see above)."""
    months = _months_of_sentence(text, c)
    if (
        months is None
        or abs(c.start - s.start) > _MONTH_WINDOW
        or "\n" in text[min(s.end, c.end) : max(s.start, c.start)]
        or c.measure != s.measure
        or _month_percent_key(c, text) != _month_percent_key(s, text)
        or not _measures_before(text, s)
        or _measures_before(text, s) != _measures_before(text, c)
    ):
        return None
    assert isinstance(s.actual, Decimal) and isinstance(c.actual, Decimal)
    mine, theirs = _percent_of(s), _percent_of(c)
    if mine is None or theirs is None or not s.actual < c.actual or theirs.value <= 0:
        return None
    expected = theirs.value * s.actual / c.actual
    if expected / MONTH_PERCENT_FACTOR <= mine.value <= expected * MONTH_PERCENT_FACTOR:
        return None
    return _flagged(
        s,
        "month_percent_of_months",
        stated=s.stated,
        a=f"{s.actual:f}",
        months=months,
        text=c.text,
        t=f"{c.actual:f}",
        stated2=c.stated,
        expected=f"{expected:.1f}",
    )


_SUBJECT_END = rx(r"(?<!\w)(?:trong\s+tháng|ước|đạt|là|được|có|tăng|giảm)(?!\w)")


def _subject(text: str, s: LinkableStatement) -> str:
    """The words that name what the amount ``s`` is of, folded.

    Its sentence's words before the first verb or ``trong tháng`` (``tổng thu từ hoạt động
    du lịch``).
    """
    floor = _line_floor(text, s.start, 300)
    lead = _lead_of(text, s, floor)
    end = _SUBJECT_END.search(lead)
    return " ".join(lead[: end.start() if end else len(lead)].split())


def _larger(month: LinkableStatement, whole: LinkableStatement) -> bool:
    """Whether the month's amount exceeds the cumulative one.

    By a factor of 2 when either is approximate.
    """
    assert isinstance(month.actual, Decimal) and isinstance(whole.actual, Decimal)
    factor = 1 if month.exact and whole.exact else 2
    return month.actual > whole.actual * factor


# --------------------------------------------------------------------------- headline qualifiers

HEADLINE_LINE = 400
"""The longest first line read as a headline (a title, or a lead run into one line)."""
SAME_HEADLINE_FIGURE = Decimal("0.05")
"""A headline's qualified figure and an exact one of the body are of the same figure when
they differ by at most 5 %."""
_HEADLINE_QUALIFIER = rx(r"(?<!\w)(trên|hơn|gần)\s*$")


def check_headline_qualifiers(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, and a flagged one for each headline qualifier the body contradicts.

    The first line (a title, or a lead) says ``doanh thu trên 38 nghìn tỷ đồng`` while the body
    gives the exact figure of the same unit word, ``37.850 tỷ đồng``: ``trên`` (and ``hơn``)
    needs the figure above the one written, ``gần`` below it. Only when every exact result
    of the body within :data:`SAME_HEADLINE_FIGURE` of the headline's figure, with the same
    word after it, contradicts the qualifier (one that agrees makes it the headline's
    figure, rounded), and no qualified figure of the body (``khoảng 2,06 nghìn hội viên``
    under ``Trên 2 nghìn hội viên``) agrees with it: the headline then repeats that one, and
    an exact figure near it is a part or another measure; and no figure of the body is the
    headline's own digits written without the qualifier (``trên 38 nghìn tỷ`` and ``38 nghìn
    tỷ``: the body rounds the same figure, it does not contradict it); the nearest is cited. The
    headline's figure becomes a statement of its own, ``inconsistent``, with no percentage
    (it claims no attainment).
    """
    line = text.find("\n")
    if not 0 < line <= HEADLINE_LINE:
        return list(statements)
    folded = fold(text[:line])
    body = [s for s in statements if s.start > line and _exact_amount(s)]
    rounded = [s for s in statements if s.start > line and _rounded_amount(s)]
    found: list[LinkableStatement] = []
    for a in _amounts(folded, 0, line):
        q = _HEADLINE_QUALIFIER.search(folded, max(0, a.start - 8), a.start)
        if q is None or not a.unit[1]:
            continue
        same = [
            s
            for s in body
            if _same_headline_figure(text, s, a)
            and not _other_company(text, line, s)
            and not _other_period(folded, text, line, s)
            and not _part_of_whole(text, line, s)
        ]
        near = [s for s in rounded if _same_headline_figure(text, s, a)]
        if any(_agrees_with(q.group(1), s.actual, a.value) for s in near):
            continue  # the body's own rounded figure agrees: the headline repeats that one
        if any(s.actual == a.value for s in same):
            continue  # the same digits written plainly: the body rounds them as well
        if same and not any(_agrees_with(q.group(1), s.actual, a.value) for s in same):
            nearest = min(same, key=lambda s: abs(s.actual - a.value))  # type: ignore[operator]
            found.append(_contradicted(nearest, a, q, text))
    return sorted([*statements, *found], key=lambda s: s.start) if found else list(statements)


# "MB", "BIDV", "FPT": a company or bank named by capitals (two or more)
_CAPITALS = re.compile(r"(?<!\w)[A-ZĐ]{2,}(?!\w)")
_OWN_SENTENCE = 300


def _other_company(text: str, line: int, s: LinkableStatement) -> bool:
    """Whether the sentence of ``s`` names another company than the headline's.

    By capitals: it names only companies the headline (up to ``line``) does not, while the
    headline names one.
    """
    own = set(_CAPITALS.findall(text[:line]))
    low = max(line, s.start - _OWN_SENTENCE)
    stop = max(text.rfind(". ", low, s.start), text.rfind("\n", low, s.start))
    named = set(_CAPITALS.findall(text[max(low, stop) : s.start]))
    return bool(own) and bool(named) and not named & own


_PART_MARKER = rx(r"(?<!\w)trong\s+đó(?!\w)")


def _part_of_whole(text: str, line: int, s: LinkableStatement) -> bool:
    """Whether ``s`` is a part of a whole, not the headline's figure.

    Its sentence names ``trong đó`` before it (``Trong đó, vốn A giải ngân 412,5 tỷ đồng``).
    """
    low = max(line, s.start - _OWN_SENTENCE)
    stop = max(text.rfind(". ", low, s.start), text.rfind("\n", low, s.start))
    return _PART_MARKER.search(fold(text[max(low, stop) : s.start])) is not None


# "quý II", "quý 3": a quarter named; "lũy kế", "6 tháng", "sáu tháng", "nửa đầu năm": a
# period of several quarters
_QUARTER = rx(r"(?<!\w)quý\s+(?:[ivx]+|\d)(?!\w)")
_SEVERAL_QUARTERS = rx(r"(?<!\w)(?:l[uũ][yỹ]\s+kế|(?:\d+|sáu|chín)\s+tháng|nửa\s+đầu\s+năm)(?!\w)")
_OWN_PARAGRAPH = 600


def _other_period(folded: str, text: str, line: int, s: LinkableStatement) -> bool:
    """Whether ``s`` is of a longer period than the quarter the headline names.

    The headline (``folded``) names a quarter, and the paragraph of ``s``, up to it, names a
    run of months or an accumulation and no quarter: the body's figure is of another period.
    """
    if _QUARTER.search(folded) is None:
        return False
    low = max(line, s.start - _OWN_PARAGRAPH)
    own = fold(text[max(low, text.rfind("\n", low, s.start)) : s.start])
    return _SEVERAL_QUARTERS.search(own) is not None and _QUARTER.search(own) is None


def _exact_amount(s: LinkableStatement) -> bool:
    return isinstance(s.actual, Decimal) and s.qualifier is None and s.actual > 0


def _rounded_amount(s: LinkableStatement) -> bool:
    return isinstance(s.actual, Decimal) and s.qualifier is not None and s.actual > 0


def _same_headline_figure(text: str, s: LinkableStatement, a: _Amount) -> bool:
    """Whether ``s``'s actual is the headline amount ``a``, said exactly.

    Within :data:`SAME_HEADLINE_FIGURE` of it, and written with the same word after it.
    """
    assert isinstance(s.actual, Decimal)
    if abs(s.actual - a.value) > SAME_HEADLINE_FIGURE * a.value:
        return False
    words = fold(text[s.start : s.end])
    own = [b for b in _amounts(words, 0, len(words)) if b.value == s.actual]
    return bool(own) and own[0].unit[1] == a.unit[1]


def _agrees_with(qualifier: str, actual: object, written: Decimal) -> bool:
    """Whether an exact figure agrees with ``qualifier written`` (``trên 38`` and 38,1)."""
    assert isinstance(actual, Decimal)
    return actual < written if qualifier == fold("gần") else actual > written


def _contradicted(
    s: LinkableStatement, a: _Amount, q: re.Match[str], text: str
) -> LinkableStatement:
    """The headline's figure ``a`` as a statement, flagged against the body's ``s``."""
    start = q.start(1)
    qual = text[start : q.end(1)]
    shown = text[a.start : a.end]
    assert isinstance(s.actual, Decimal)
    return dataclasses.replace(
        s,
        start=start,
        end=a.end,
        text=" ".join(text[start : a.end].split()),
        actual=a.value,
        target=None,
        qualifier=qual.lower(),
        exact=False,
        **_NO_PERCENT,
        part_of=None,
        part_rule=None,
        consistent=False,
        verdict="inconsistent",
        link_start=s.start,
        link_end=s.end,
        link_text=s.text,
        **noted(  # type: ignore[arg-type]
            seg("qualifier_contradicted", qual=qual, n=shown, text=s.text, a=f"{s.actual:f}")
        ),
    )


# --------------------------------------------------------------------------- one budget, two

ONE_BUDGET_WINDOW = 1200
"""How far (characters) before a percentage of a named budget the earlier one may be."""
ONE_BUDGET_SPREAD = Decimal("0.1")
"""Two percentages of one named budget are compared only when the budgets they imply are
within 10 % of each other (further apart, the words may name two budgets)."""
# "bằng 125% dự toán Trung ương giao": a budget named by who assigned it ("kế hoạch được
# giao" names no one: a company's plans of every measure are so written)
_NAMED_BUDGET = rx(
    r"^\s*(?:so\s+(?:với\s+)?)?((?:dự\s+toán|kế\s+hoạch|chỉ\s+tiêu)"
    r"(?:\s+(?!(?:đã\s+)?được\s+giao(?!\w))[^\W\d_]+){1,5}?\s+giao)(?!\w)"
)
_Implied = tuple[int, Decimal, Decimal]


def check_one_budget(statements: Sequence[LinkableStatement], text: str) -> list[LinkableStatement]:
    """The statements, a second percentage of one named budget that cannot hold flagged.

    ``Tổng thu 10 tháng đạt 6.000 tỷ đồng, bằng 120% dự toán Trung ương giao`` and later
    ``cả năm ước đạt 7.000 tỷ đồng, bằng 150% dự toán Trung ương giao``: the first puts the
    budget between 4.979 and 5.021 tỷ đồng, the second between 4.651 and 4.682; one budget
    cannot be both. Only for exact amounts of one currency, attainments of a budget named with
    who assigned it (``… giao``), in words the same, whose sentences name no differing
    measure, of one year (each year has its own plan), and budgets within
    :data:`ONE_BUDGET_SPREAD`; not when another percentage of either figure of that budget
    fits the other (a second reading of the budget, such as the plan without its later
    supplements). The later statement is flagged.
    """
    out = list(statements)
    groups: dict[tuple[str, str], list[_Implied]] = {}
    for i, s in enumerate(statements):
        key = _budget_key(s, text)
        if key is not None:
            groups.setdefault(key, []).append((i, *_implied_budget(s)))
    for members in groups.values():
        members.sort(key=lambda m: statements[m[0]].start)
        starts = [statements[m[0]].start for m in members]
        for k, later in enumerate(members):
            near = members[bisect.bisect_left(starts, starts[k] - ONE_BUDGET_WINDOW) : k + 1]
            earlier = next(
                (e for e in near if _cannot_both(statements, text, near, e, later)), None
            )
            if earlier is not None:
                out[later[0]] = _two_budgets(
                    statements[later[0]], statements[earlier[0]], later, earlier
                )
    return out


def _budget_key(s: LinkableStatement, text: str) -> tuple[str, str] | None:
    """The named budget and currency of an exact attainment of money, or None."""
    if (
        s.stated_kind != "attainment"
        or not isinstance(s.actual, Decimal)
        or not s.actual
        or s.qualifier is not None
        or not s.exact
        or s.measure is None
        or s.stated is None
        or not s.stated.endswith("%")
    ):
        return None
    at = s.text.rfind(s.stated)
    pos = s.start + (at if at >= 0 else 0) + len(s.stated)
    m = _NAMED_BUDGET.match(fold(text[pos : pos + 80]))
    return (" ".join(m.group(1).split()), s.measure.split()[-1]) if m else None


def _implied_budget(s: LinkableStatement) -> tuple[Decimal, Decimal]:
    """The budgets the stated percentage of ``s`` can round from (low, high)."""
    assert isinstance(s.actual, Decimal) and s.stated is not None
    p = parse_percent(s.stated)
    half = Decimal(5).scaleb(-p.decimals - 1)
    return s.actual * 100 / (p.value + half), s.actual * 100 / (p.value - half)


def _cannot_both(
    statements: Sequence[LinkableStatement],
    text: str,
    members: list[_Implied],
    e: _Implied,
    later: _Implied,
) -> bool:
    """Whether the earlier ``e`` and ``later`` imply budgets that cannot be one (see above)."""
    first, second = statements[e[0]], statements[later[0]]
    if first.start >= second.start or first.actual == second.actual:
        return False
    if first.year is not None and second.year is not None and first.year != second.year:
        return False  # a plan of each year, assigned by the same level
    if not (e[2] < later[1] or later[2] < e[1]):
        return False  # the ranges meet: one budget gives both
    if abs(e[1] - later[1]) > ONE_BUDGET_SPREAD * e[1] or not _same_measures(text, first, second):
        return False
    return not any(
        statements[m[0]].actual == statements[a[0]].actual
        and m is not a
        and not (m[2] < b[1] or b[2] < m[1])
        for a, b in ((e, later), (later, e))
        for m in members
    )


def _same_measures(text: str, a: LinkableStatement, b: LinkableStatement) -> bool:
    """Whether the sentences of ``a`` and ``b`` name no differing measure before them."""
    x, y = _measures_before(text, a), _measures_before(text, b)
    return not x or not y or x == y


def _measures_before(text: str, s: LinkableStatement) -> set[str]:
    """The measures named in the sentence of ``s`` before it.

    A total revenue is the budget's revenue (:data:`PLAN_MEASURES`).
    """
    low = max(0, s.start - 300)
    folded = fold(text[low : s.start])  # the window only: memory stays linear in the text
    head = _head(folded, len(folded), 0)
    named = (
        MEASURE_NAMES[" ".join(m.group().split())] for m in _MEASURE_NAMES.finditer(folded, head)
    )
    return {PLAN_MEASURES.get(m, m) if m == "tổng thu" else m for m in named}


def _two_budgets(
    s: LinkableStatement, other: LinkableStatement, mine: _Implied, theirs: _Implied
) -> LinkableStatement:
    """``s`` flagged: its percentage and ``other``'s imply two budgets."""
    return _flagged(
        s,
        "one_budget",
        stated=s.stated,
        low=f"{mine[1]:.0f}",
        high=f"{mine[2]:.0f}",
        text=other.text,
        low2=f"{theirs[1]:.0f}",
        high2=f"{theirs[2]:.0f}",
    )


# --------------------------------------------------------------------------- floors of lists

# "… ba đảng bộ hoàn thành trên 60% chỉ tiêu kết nạp, gồm: …": a list opens after it
_LIST_OPENS = rx(r"^[^.;:]{0,60}?(?:bao\s+gồm|gồm|như|cụ\s+thể)?\s*:")
# "riêng …", "còn …": an item set apart from the list, not one of it
_SET_APART = rx(r"(?<!\w)(?:riêng|còn|ngoài\s+ra|trừ)(?!\w)[^;]*$")
_FLOORS = frozenset(("trên", "hơn"))
_LIST_ITEMS = 30
"""How many statements after a floor its list is looked for in (keeps the pass linear)."""


def check_listed_floors(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, a floor a list's own items contradict flagged.

    ``Ba đảng bộ hoàn thành trên 60% chỉ tiêu kết nạp, gồm: … Đảng bộ A kết nạp 6 đảng
    viên, đạt 60%; …``: ``trên 60%`` says every listed unit is above 60 %, and an item at
    60 % or below says otherwise (the finding is the floor's statement). The list opens with
    a colon right after the floor and runs to the end of its sentence; an item set apart
    (``riêng …``) is not one of it.
    """
    out = list(statements)
    for i, h in enumerate(statements):
        p = _percent_of(h)
        if (
            h.stated_kind != "attainment"
            or h.actual is not None
            or h.qualifier not in _FLOORS
            or p is None
        ):
            continue
        opens = _LIST_OPENS.match(fold(text[h.end : h.end + 120]))
        if opens is None:
            continue
        low = h.end + opens.end()
        high = _sentence_end(text, low)
        below = [
            s
            for s in statements[i + 1 : i + 1 + _LIST_ITEMS]
            if low <= s.start < high and _at_most(s, p.value, text, low)
        ]
        if below:
            out[i] = _flagged(
                h,
                "floor_listed",
                percent=p.value,
                n=len(below),
                items="; ".join(text[s.start : s.end] for s in below[:3]),
            )
    return out


def _sentence_end(text: str, start: int) -> int:
    ends = [e for e in (text.find(". ", start), text.find("\n", start)) if e >= 0]
    return min(ends) if ends else len(text)


def _at_most(s: LinkableStatement, floor: Decimal, text: str, low: int) -> bool:
    """Whether the listed item ``s`` states an exact attainment not above ``floor``."""
    q = _percent_of(s)
    return (
        s.stated_kind == "attainment"
        and s.qualifier is None
        and q is not None
        and q.value <= floor
        and _SET_APART.search(fold(text[max(low, s.start - 80) : s.start])) is None
    )


# "…, đạt 88%, còn lại 70 tỷ đồng chưa giao": what is left of the plan, written right after
# the result's attainment
_LEFT_AFTER = rx(r"\s*,\s*còn\s+lại\s+(?=\d)")
_NUMERAL = re.compile(r"\d[\d.,]*\d|\d")


def check_written_remainders(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, a remainder that does not make up a result's plan flagged.

    ``… là 500 tỷ đồng, … đã giao … là 440 tỷ đồng, đạt 88%, còn lại 70 tỷ đồng chưa giao``
    (the remainder written right after the result and its percentage): 440 + 70 is not
    500, so the remainder (the finding's span) or a figure is wrong. Only
    after an exact result with a single plan of its own sentence, the remainder counted in
    the result's words; the figures are compared to their last written digits.
    """
    out = list(statements)
    for i, s in enumerate(statements):
        if not _remainder_checkable(s):
            continue
        left = _LEFT_AFTER.match(fold(text[s.end : s.end + 40]))
        if left is None:
            continue
        low = s.end + left.end()
        window = fold(text[low : low + 40])
        rest = next(iter(_amounts(window, 0, 40)), None)
        own_text = fold(text[s.start : s.end])
        own = {a.value: a for a in _amounts(own_text, 0, len(own_text))}
        actual, plan = own.get(s.actual), own.get(s.target)  # type: ignore[arg-type]
        if rest is None or rest.start != 0 or actual is None or plan is None:
            continue
        if rest.unit != actual.unit:
            continue
        written = (_last_digit(own_text, actual), _last_digit(window, rest))
        slack = (sum(written) + _last_digit(own_text, plan)) / 2
        if abs(actual.value + rest.value - plan.value) > slack:
            out[i] = _remainder_flagged(s, plan.value, text, (low, low + rest.end))
    return out


def _remainder_flagged(
    s: LinkableStatement, plan: Decimal, text: str, rest: tuple[int, int]
) -> LinkableStatement:
    """``s`` flagged, its span run on to the remainder at ``rest``.

    The remainder and ``s``'s result do not make up the plan.
    """
    assert isinstance(s.actual, Decimal)
    flagged = _flagged(
        s,
        "remainder",
        t=f"{plan:f}",
        a=f"{s.actual:f}",
        computed=f"{plan - s.actual:f}",
        stated=text[rest[0] : rest[1]],
    )
    return dataclasses.replace(flagged, end=rest[1], text=" ".join(text[s.start : rest[1]].split()))


def _last_digit(folded: str, a: _Amount) -> Decimal:
    """The value of the last written digit of the amount ``a`` (``27,5 tỷ`` → 0,1 tỷ)."""
    numeral = _NUMERAL.match(folded, a.start)
    if numeral is None:
        return Decimal(0)
    try:
        written = parse_number(numeral.group())
    except ValueError:
        return Decimal(0)
    digits = numeral.group().rsplit(",", 1)
    decimals = len(digits[1]) if len(digits) == 2 and len(digits[1]) != 3 else 0
    scale = a.value / written if written else Decimal(1)
    return scale * Decimal(1).scaleb(-decimals)


def _remainder_checkable(s: LinkableStatement) -> bool:
    """Whether ``s`` is an exact result against one plan of its own sentence.

    Its stated percentage, if any, agrees with the two.
    """
    return (
        isinstance(s.actual, Decimal)
        and isinstance(s.target, Decimal)
        and s.exact
        and s.link_start is None
        and s.verdict in (None, "consistent")
    )


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
    amounts = _amounts(folded, 0, len(folded))
    target = next((a for a in amounts if a.value == s.target), None)
    actual = next((a for a in amounts if a.value == s.actual), None)
    if target is None or actual is None or actual.start < target.end:
        return False
    return _sets_plan(folded, actual, target.end)


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
    found = _amounts(folded, 0, len(folded))
    p = _percent_of(s)
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
    p = _percent_of(s)
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
    r"(?:(?<![\w.])[A-ZĐ]{2,6}|(?<!\w)[Cc]húng tôi)\s+(?:đã\s+|cũng\s+)?dự\s+(?:báo|phóng)(?!\w)"
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
    p = _percent_of(s)
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
    return [_rounded_actual(s) if _rounding_explains(s, text) else s for s in statements]


def _rounding_explains(s: LinkableStatement, text: str) -> bool:
    p = _percent_of(s)
    if s.verdict != "inconsistent" or s.stated_kind != "attainment" or p is None:
        return False
    if not isinstance(s.actual, Decimal) or not isinstance(s.target, Decimal) or s.target <= 0:
        return False
    folded = fold(text[max(0, s.start - _ROUNDED_WINDOW) : s.end])
    written = [a for a in _amounts(folded, 0, len(folded)) if a.value == s.actual and a.unit[0]]
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


def _rounded_actual(s: LinkableStatement) -> LinkableStatement:
    """``s`` unchecked: its result is rounded to its scale (:func:`check_rounded_actuals`)."""
    kept = [(n, f) for n, f in json.loads(s.note_data or "[]") if n != "computed"]
    return dataclasses.replace(
        s,
        consistent=None,
        truncated=False,
        verdict="unchecked",
        **noted(*kept, seg("actual_approximate")),  # type: ignore[arg-type]
    )


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
