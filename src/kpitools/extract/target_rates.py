"""Rates set against the rate aimed for them, where no percentage of a plan says so.

A rise stated with the rise planned for it (:func:`link_planned_growths`), a rate stated beside
the rate aimed for it, in brackets or in the sentence (:func:`link_target_rates`), and a rate
compared with a target written before it with no figure of its own
(:func:`link_earlier_target_rates`): each also read as the rate against its target.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.linking import (
    NO_PERCENT,
    percent_of,
)
from kpitools.extract.notes import noted, seg
from kpitools.extract.text import NUM
from kpitools.numbers import check_percent, try_parse_number
from kpitools.textfold import fold, rx

if TYPE_CHECKING:
    from kpitools.extract.grammar import Value
    from kpitools.extract.statements import Statement as LinkableStatement


# --------------------------------------------------------------------------- planned growths

# "tăng 12,4% so với năm 2022 (kế hoạch 10%)", "… (kế hoạch tăng 7-7,5%)", "tăng 6,1% (NQ
# 5,5%)", "giảm 3% so cùng kỳ (KH giảm 2%)": the growth planned for the same figure, in
# brackets right after the growth and what it compares with, maybe past words that say the
# growth is above (``cao hơn``, ``vượt``) or below (``thấp hơn``, ``không đạt``) the plan
_PLANNED_GROWTH = rx(
    r"\s*(?:so\s+(?:với\s+)?(?:cùng\s+kỳ|năm\s+trước|năm\s+(?:19|20)\d{2})"
    r"(?:\s+năm\s+(?:trước|(?:19|20)\d{2}))?)?"
    r"(?:\s*,\s*(?:(?P<up>cao\s+hơn|vượt)|(?P<down>thấp\s+hơn|(?:không|chưa)\s+đạt))"
    r"\s+(?:so\s+với\s+)?(?:mục\s+tiêu|kế\s+hoạch)(?:\s+[^\W\d_]+){0,4}?)?"
    r"\s*\(\s*(?:kế\s+hoạch|mục\s+tiêu|chỉ\s+tiêu|nghị\s+quyết|kh|nq)(?!\w)"
    r"(?:\s+(?:đề\s+ra|năm|giao|(?P<whole>cả\s+năm)))?"
    rf"\s*(?:là|:)?\s*(?:tăng\s+|(?P<fall>giảm\s+))?(?P<a>{NUM})\s*%?(?:\s*[-–]\s*(?P<b>{NUM}))?"
    r"\s*%\s*\)"
)

PLANNED_GROWTH_REACH = 120
"""How far (characters) after a growth its planned growth in brackets may end."""


def link_planned_growths(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, each rise stated with the rise planned for it also read as a pair.

    ``Doanh thu dịch vụ lưu trú tăng 12,4% so với năm 2022 (kế hoạch 10%)``: the growth
    12,4 against the planned 10 (a range, ``(kế hoạch tăng 7-7,5%)``, is the target),
    with no percentage of the plan stated; the growth statement stays. Only a rise, its
    plan in brackets right after it and what it compares with (no other words between).
    """
    out = list(statements)
    for s in statements:
        if s.stated_kind != "growth" or s.target is not None or s.stated is None:
            continue
        if not isinstance(s.stated_percent, Decimal) or s.stated_percent == 0:
            continue
        after = fold(text[s.end : s.end + PLANNED_GROWTH_REACH])
        m = _PLANNED_GROWTH.match(after)
        target = _planned_growth_of(m, s.stated_percent) if m is not None else None
        if target is None:
            continue
        out.append(_rate_against(s, target))
    return out


def _planned_growth_of(m: re.Match[str], growth: Decimal) -> Value | None:
    """The planned growth ``m`` reads for ``growth``, signed (None: they disagree).

    A rise takes a plan of a rise (``(kế hoạch 10%)``, ``(NQ tăng 5,5%)``); a fall only a
    plan written as a fall (``(KH giảm 2%)``), read as negative. ``cao hơn``/``vượt`` before
    the bracket need the growth's size above the plan's, ``thấp hơn``/``không đạt`` below it
    (a fall of 3,4% passes a planned fall of 2%). A plan named the whole year's (``(KH cả
    năm 8%)``) is written beside a part of the year's growth: no pair.
    """
    target = _target_rate_of(m)
    if target is None or m.group("whole") or (growth < 0) != bool(m.group("fall")):
        return None
    # the sizes compared: a fall passes its plan by falling more ("giảm 3,4%, vượt kế hoạch
    # (KH giảm 2%)"), so the check comes before the fall's sign
    low, high = target if isinstance(target, tuple) else (target, target)
    if (m.group("up") and abs(growth) < high) or (m.group("down") and abs(growth) >= low):
        return None
    if growth < 0:
        target = (-target[1], -target[0]) if isinstance(target, tuple) else -target
    return target


def _target_rate_of(m: re.Match[str]) -> Value | None:
    """The target rate ``m`` reads: group ``a``, or the range ``a`` to ``b``.

    None when a figure is in no number format (``1700.000%``).
    """
    low = try_parse_number(m.group("a"))
    high = try_parse_number(m.group("b")) if m.group("b") else low
    if low is None or high is None:
        return None
    return (low, high) if m.group("b") else low


def _rate_against(s: LinkableStatement, target: Value) -> LinkableStatement:
    """``s``'s stated rate as the actual against ``target`` (:func:`_target_rate_of`).

    No percentage of the target is stated. A rate is no part of a whole: the pair is of none.
    """
    fields = {**NO_PERCENT, **noted(seg("no_percent"))}
    return dataclasses.replace(
        s,
        actual=s.stated_percent,
        target=target,
        measure="%",
        target_period="annual",
        consistent=None,
        verdict="unchecked",
        part_of=None,
        part_rule=None,
        **fields,
    )


# "CPI bình quân tăng 3,1% so với năm trước, thấp hơn mục tiêu đề ra là 4%", "tăng trưởng
# đạt 7,2%, vượt chỉ tiêu (6,5 - 7%)", "đạt 40% so với mục tiêu 55%": a rate beside the rate
# aimed for it, named by a plan word right after it
_TARGET_RATE = rx(
    r"\s*(?:so\s+với\s+(?:cùng\s+kỳ|năm\s+trước|năm\s+(?:19|20)\d{2})"
    r"(?:\s+(?:năm\s+)?(?:trước|(?:19|20)\d{2}))?)?"
    # "đạt 88%, khoảng 35 km (đạt chỉ tiêu đề ra là 90%)": the amount the rate is of, then
    # the target in brackets (not the words of the rate: "95% đảng viên hoàn thành tốt nhiệm
    # vụ (chỉ tiêu 90%)" may be of rates before it too)
    r"(?:\s*,?(?:\s+[^\W\d_]+){0,3}?\s+(?:(?:khoảng|gần|hơn|trên)\s+)?\d[\d.,]*\s*[^\W\d_]+"
    r"(?:\s*/\s*[^\W\d_]+)?(?=\s*\())?(?P<bracket>\s*\()?"
    r"\s*,?\s*(?:(?:dù|nhưng|và)\s+)?"
    r"(?P<verb>(?P<down>thấp\s+hơn)(?:\s+nhiều)?(?:\s+so)?(?:\s+với)?"
    # "vượt so với kế hoạch HĐND tỉnh giao (7 - 7,5%)": compared, so the plan, no margin
    r"|(?P<up>cao\s+hơn(?:\s+nhiều)?(?:\s+so)?(?:\s+với)?|vượt(?:\s+so\s+với)?)"
    r"|(?:không\s+)?đạt(?:\s+được)?|(?P<compared>so\s+với)"
    # "suốt năm 2041 vẫn giữ mục tiêu dưới 5%": a ceiling (or floor) kept for a period
    r"|(?:(?:cả|suốt|trong)\s+năm(?:\s+(?P<kept_in>(?:19|20)\d{2}))?\s+)?(?:vẫn\s+|tiếp\s+tục\s+)?"
    r"(?P<keep>duy\s+trì|giữ(?:\s+vững)?))?"
    r"\s*(?:mức\s+)?"
    r"(?:mục\s+tiêu|kế\s+hoạch|chỉ\s+tiêu|nghị\s+quyết)"
    # the plan's own words; no verb of its attainment ("so với nghị quyết đạt 90%")
    r"(?:\s+(?!(?:và|so|với|tăng|giảm|gần|hơn|khoảng|trên|dưới|đạt|bằng|vượt)(?!\w))"
    r"[^\W\d_]+){0,4}?"
    # "vượt kế hoạch (kế hoạch 6,5-7,5%)", "vượt chỉ tiêu đề ra (Chỉ tiêu năm 2041: 3%)": the
    # bracket names the plan again before its figure
    r"(?P<open>\s*(?:là|:|\((?:\s*(?:kế\s+hoạch|mục\s+tiêu|chỉ\s+tiêu|nghị\s+quyết|kh|nq)(?!\w)"
    r"(?:\s+năm(?:\s+(?:19|20)\d{2})?)?\s*:?)?))?"
    r"\s*(?:(?P<floor>không\s+)?(?P<q>khoảng|dưới|trên)\s+)?"
    rf"(?P<a>{NUM})\s*%?"
    rf"(?:\s*[-–]\s*(?P<b>{NUM}))?\s*%"
)


_BEYOND = fold("vượt")

# "tăng bình quân 19,3%, nghị quyết đề ra là 11,2%": the plan's own clause after the rate,
# the plan its subject, what it set after "là"
_SET_BESIDE = rx(
    r"\s*,\s*(?:nghị\s+quyết|kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu)(?:\s+[^\W\d_]+){0,3}?"
    r"\s+(?:đề\s+ra|đặt\s+ra|giao)\s+là\s*\d"
)

# the plan's rate closes its clause: "…, nghị quyết đề ra là 11,2%." (not "… là 90% số xã")
_CLAUSE_CLOSED = re.compile(r"\s*(?:[,.;)]|$)")


def _set_beside_fits(
    s: LinkableStatement, after_rate: str, m: re.Match[str], target: Value
) -> bool:
    """Whether the rate a plan set out in a clause of its own is the rate's plan.

    Only when the percentage closes its clause (``chỉ tiêu đặt ra là 90% số xã đạt chuẩn``
    is a share of the communes), and a growth's plan from half to twice it
    (:data:`_SET_BESIDE`).
    """
    if _CLAUSE_CLOSED.match(after_rate, m.end()) is None:
        return False
    if s.stated_kind != "growth":
        return True
    assert isinstance(s.stated_percent, Decimal)
    low, high = target if isinstance(target, tuple) else (target, target)
    return s.stated_percent / 2 < low and high < 2 * s.stated_percent


# a target rate in brackets that opens a list of them, one for each rate before
_LISTED_TARGETS = rx(rf"\s*%?\s*(?:,|và)\s*(?:{NUM})\s*%")


def _bracket_names_target(m: re.Match[str]) -> bool:
    """Whether the bracket ``m`` opens sets out a target, not by how much the rate passes it.

    ``(đạt chỉ tiêu 95%)`` or ``(chỉ tiêu 95%)`` does, and so does ``(vượt mục tiêu là ít
    nhất 25%)`` with its copula; ``(cao hơn kế hoạch 1,2%)`` says by how much, as it does out
    of brackets.
    """
    if not m.group("bracket"):
        return False
    if not (m.group("up") or m.group("down")):
        return True
    return _COPULA.search(m.string, m.end("verb"), m.start("a")) is not None


_COPULA = rx(r"(?<!\w)là(?!\w)|:")


def _direction_holds(s: LinkableStatement, m: re.Match[str], target: Value) -> bool:
    """Whether the rate of ``s`` is on the side of ``target`` (``m``'s) that its words say.

    Above it after ``cao hơn`` or ``vượt`` (never beside a ceiling, ``dưới``), below it
    after ``thấp hơn``: a rate the words contradict is not paired (precision first). After
    ``vượt`` not twice the figure or more: ``là 41% vượt chỉ tiêu kế hoạch là 3%`` says by
    how much.
    """
    assert isinstance(s.stated_percent, Decimal)
    low, high = target if isinstance(target, tuple) else (target, target)
    if m.group("keep"):
        return _within_kept_bound(s.stated_percent, m, low, high)
    if m.group("floor"):
        return False  # "vượt mục tiêu không dưới 95%": a bound turned round, not read here
    if m.group("up") and m.group("up").startswith(_BEYOND):  # "vượt", "vượt so với"
        return m.group("q") != "dưới" and high < s.stated_percent < 2 * high
    if m.group("up"):
        return m.group("q") != "dưới" and s.stated_percent > high
    if m.group("down"):
        return s.stated_percent < low
    return True


def _within_kept_bound(rate: Decimal, m: re.Match[str], low: Decimal, high: Decimal) -> bool:
    """Whether ``rate`` keeps the bound ``m`` names, and nothing else.

    Below its ceiling (``dưới 5%``, or at most ``không trên 5%``), above its floor (``trên
    80%``, or at least ``không dưới 80%``).
    """
    q = m.group("q")
    if m.group("floor"):
        return (q == "dưới" and rate >= high) or (q == "trên" and rate <= low)
    return (q == "dưới" and rate < low) or (q == "trên" and rate > high)


# "… giữ mục tiêu dưới 5% trong năm tới", "… cho giai đoạn sau": a bound kept for a later time
_LATER_PERIOD = rx(
    r"\s*(?:trong|cho|của|vào|đến)?\s*(?:năm|giai\s+đoạn|thời\s+gian|kỳ)\s+"
    r"(?:tới|sau|tiếp\s+theo|kế\s+tiếp)(?!\w)"
)


def _kept_for_another(s: LinkableStatement, m: re.Match[str]) -> bool:
    """Whether the bound ``m`` keeps is for another period than the rate of ``s``.

    Another year (``năm 2040 là 2,4%, cả năm 2041 duy trì …``) or a later time (``… trong
    năm tới``).
    """
    if not m.group("keep"):
        return False
    kept_in = m.group("kept_in")
    if kept_in is not None and s.year is not None and int(kept_in) != s.year:
        return True
    return _LATER_PERIOD.match(m.string, m.end()) is not None


def _bare_rate(s: LinkableStatement) -> bool:
    """Whether ``s`` states a rate above nought with no figure of its own against it.

    A growth, a rate or an attainment with no target (an attainment with no result
    either), the percentage of a coverage, or a rate or attainment its fraction gives (its
    whole is no target).
    """
    if s.stated is None or not isinstance(s.stated_percent, Decimal) or s.stated_percent <= 0:
        return False
    if s.stated_kind == "coverage":
        return True
    if s.stated_kind == "attainment" and s.actual is None and s.target is None:
        return True
    if s.stated_kind in ("rate", "attainment") and (
        isinstance(s.actual, Decimal) and isinstance(s.target, Decimal)
    ):
        # "kết nạp 240/360 …, đạt tỷ lệ 66,67%": the rate of a fraction, its whole no target
        # (read as an attainment too when no word names it a share)
        p = percent_of(s)
        return p is not None and bool(check_percent(p, s.actual, s.target).consistent)
    return s.stated_kind in ("growth", "rate") and s.target is None


def link_target_rates(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, each rate stated beside the rate aimed for it also read as a pair.

    ``Tỷ lệ hộ dùng nước sạch đạt 91%, thấp hơn mục tiêu đề ra là 95%``: the rate 91 against
    the target 95 (a range, ``vượt chỉ tiêu (6,5 - 7%)``, is the target), no percentage of
    the plan stated; the rate's statement stays. Only a rate with no figure of its own (an
    attainment with no result, a growth, a rate, or a coverage's percentage), the target's
    plan word right after it (past what a growth compares with), the target's figure a
    few words after that, after ``là``, a colon or a bracket unless the plan is introduced
    by ``so với`` (``vượt kế hoạch 6%`` says by how much). Not when the planned growth in
    brackets already pairs it.
    """
    out = list(statements)
    for i, s in enumerate(statements):
        count = _count_of_rate(s)
        if not count and not _bare_rate(s):
            continue
        assert s.stated is not None
        at = text.rfind(s.stated, s.start, s.end)
        at = s.end if at < 0 else at + len(s.stated)
        found = _target_beside(s, text, at, count=count)
        if found is None:
            continue
        m, target = found
        if count:  # the percentage is the rate, not the count's share of a plan
            out[i] = _rate_against(s, target)
        elif (m.group("verb") and s.stated_kind != "growth") or not _PLANNED_GROWTH.match(
            fold(text[at : at + PLANNED_GROWTH_REACH])
        ):
            out.append(_rate_against(s, target))
    return out


def _target_beside(
    s: LinkableStatement, text: str, at: int, *, count: bool
) -> tuple[re.Match[str], Value] | None:
    """The target rate written beside the rate of ``s``, and the match that reads it.

    ``at``: where the rate's percentage ends. None when no target is set beside it
    (:func:`link_target_rates` says when one is).
    """
    after_rate = fold(text[at : at + PLANNED_GROWTH_REACH])
    m = _TARGET_RATE.match(after_rate)
    if m is None or not (m.group("verb") or m.group("bracket") or _SET_BESIDE.match(after_rate)):
        return None  # a plan word right after the rate, no verb or bracket: none set beside it
    if count and not m.group("compared"):
        return None
    if not (m.group("open") or m.group("compared") or m.group("keep")) and not (
        _bracket_names_target(m)
    ):
        return None  # "vượt kế hoạch 6%", "cao hơn mục tiêu 2%": by how much, not the target
    after = at + m.end("a")
    if m.group("bracket") and _LISTED_TARGETS.match(fold(text[after : after + 40])):
        return None  # "(chỉ tiêu lần lượt là 70%, 65% và 12%)": each of its rate's own
    target = _target_rate_of(m)  # None: a figure in no number format ("1700.000%")
    if target is None or not _direction_holds(s, m, target) or _kept_for_another(s, m):
        return None
    if not (m.group("verb") or m.group("bracket")) and not _set_beside_fits(
        s, after_rate, m, target
    ):
        return None  # "chỉ tiêu đặt ra là 90% số xã đạt chuẩn": a share of another whole
    return m, target


def _count_of_rate(s: LinkableStatement) -> bool:
    """Whether ``s`` gives a count the percentage of a plan with no figure of the plan's own.

    ``2.190 trẻ được tiêm chủng đầy đủ (đạt 94,8% so với kế hoạch giao 92%)``: the grammar
    reads 94,8 % as the count's share of its plan; when the plan's figure right after is a
    percentage, the 94,8 % is a rate set against it, and the count takes no percentage.
    Only up to 100 %, as a share of the count's whole is.
    """
    return (
        s.stated_kind == "attainment"
        and s.target is None
        and isinstance(s.actual, Decimal)
        and s.measure in (None, "")
        and isinstance(s.stated_percent, Decimal)
        and 0 < s.stated_percent <= 100
    )


# ", thấp hơn so với chỉ tiêu nghị quyết đề ra.", ", vượt mục tiêu đề ra;": a rate said short
# of, or past, a target named with no figure of its own, its clause ending there
_UNWRITTEN_TARGET_RATE = rx(
    r"\s*,?\s*(?:(?:dù|nhưng|và)\s+)?(?:(?P<down>thấp\s+hơn|(?:chưa|không)\s+đạt)"
    r"|(?P<up>cao\s+hơn|vượt))(?:\s+so)?(?:\s+với)?\s+(?:mức\s+)?(?:mục\s+tiêu|chỉ\s+tiêu)"
    r"(?:\s+[^\W\d_]+){0,5}?\s*(?:[.;]|$)"
)

# "… đạt tỷ lệ 3% trở lên", "tỷ lệ … là 3%": a target written as a rate
_RATE_WRITTEN = rx(r"(?<!\w)tỷ\s+lệ(?!\w)")

# "chỉ tiêu … đạt tỷ lệ 3%", "mục tiêu đề ra là tỷ lệ …": a rate set out as a target
_RATE_SET_OUT = rx(r"(?<!\w)(?:chỉ\s+tiêu|mục\s+tiêu)(?!\w).*(?<!\w)tỷ\s+lệ(?!\w)")

_EARLIER_TARGET_REACH = 400
"""How far before a rate (in characters, one paragraph) its target rate may be written."""


def _shared_words(a: str, b: str) -> int:
    """How many words of two letters or more ``a`` and ``b`` share, ``tỷ lệ`` left out."""
    words = {w for w in fold(_RATE_WRITTEN.sub(" ", fold(a))).split() if len(w) > 1}
    return len({w for w in words if w.isalpha()} & set(fold(b).split()))


def _target_rate(t: LinkableStatement) -> bool:
    """Whether ``t`` sets out a rate above nought as a target.

    A target written as a rate, or a rate whose text names a target before the rate.
    """
    if not isinstance(t.stated_percent, Decimal) or t.stated_percent <= 0:
        return False
    if t.stated_kind == "target":
        return _RATE_WRITTEN.search(fold(t.text)) is not None
    return t.stated_kind == "rate" and _RATE_SET_OUT.search(fold(t.text)) is not None


def _earlier_target_fits(s: LinkableStatement, t: LinkableStatement, text: str) -> bool:
    """Whether ``t``, the statement right before the rate ``s``, is its target rate.

    A target rate (:func:`_target_rate`), in the same paragraph within
    :data:`_EARLIER_TARGET_REACH` characters, whose words share at least two with the
    rate's label besides ``tỷ lệ``.
    """
    return (
        _target_rate(t)
        and 0 <= s.start - t.end <= _EARLIER_TARGET_REACH
        and "\n" not in text[t.end : s.start]
        and _shared_words(s.label or "", t.text) >= 2
    )


def _named_rate(s: LinkableStatement) -> bool:
    """Whether ``s`` is a rate.

    Read as one, a coverage's percentage, or an attainment whose label names a rate
    (``tỷ lệ … đạt 6%, vượt chỉ tiêu``).
    """
    if s.stated_kind in ("rate", "coverage"):
        return True
    return s.stated_kind == "attainment" and _RATE_WRITTEN.search(fold(s.label or "")) is not None


def link_earlier_target_rates(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, each rate compared with a target written with no figure also paired.

    The rate is read against the target rate the statement before it sets out:

    ``Nghị quyết đề ra mỗi năm kết nạp hội viên mới đạt tỷ lệ 4% trở lên. Năm nay, tỷ lệ
    hội viên mới kết nạp chỉ đạt 3,1%, thấp hơn chỉ tiêu nghị quyết.``: the rate 3,1 against
    the target 4, linked; no percentage of the plan stated. Only a rate with no figure of its
    own (:func:`_named_rate`), the comparison ending its clause with no figure, the target
    rate the statement right before it (:func:`_earlier_target_fits`), and the rate on the
    side of it the words say.
    """
    out = list(statements)
    for i, s in enumerate(statements):
        if i == 0 or not _bare_rate(s) or not _named_rate(s):
            continue
        assert s.stated is not None
        at = text.rfind(s.stated, s.start, s.end)
        at = s.end if at < 0 else at + len(s.stated)
        m = _UNWRITTEN_TARGET_RATE.match(fold(text[at : at + PLANNED_GROWTH_REACH]))
        t = statements[i - 1]
        if m is None or not _earlier_target_fits(s, t, text):
            continue
        assert isinstance(s.stated_percent, Decimal) and isinstance(t.stated_percent, Decimal)
        if s.stated_percent == t.stated_percent or (
            (s.stated_percent < t.stated_percent) != bool(m.group("down"))
        ):
            continue
        out.append(_rate_against_statement(s, t))
    return out


def _rate_against_statement(s: LinkableStatement, t: LinkableStatement) -> LinkableStatement:
    """``s``'s stated rate as the actual against the target rate stated by ``t``, linked."""
    fields = {**NO_PERCENT, **noted(seg("no_percent"))}
    return dataclasses.replace(
        s,
        actual=s.stated_percent,
        target=t.stated_percent,
        measure="%",
        target_period=t.target_period or "annual",
        consistent=None,
        verdict="unchecked",
        part_of=None,
        part_rule=None,
        link_start=t.start,
        link_end=t.end,
        link_text=t.text,
        **fields,
    )
