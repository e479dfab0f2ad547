"""Results referred back to, linked to the percentages that refer to them.

After the sentence grammar, :func:`link_referred_results` gives a percentage that refers back
to the result just stated — by a pronoun (``Con số này tương ứng 60,6% kế hoạch``, ``Với kết
quả này, công ty vượt 74% kế hoạch năm``) or as the rate of what that result measures (``tỷ
lệ giải ngân … đạt 59,7%``) — that result, and checks the percentage against the target it
implies. It runs in :func:`kpitools.extract.document.link_document` after the passes of
:mod:`kpitools.extract.targets` and shares their helpers for plans named by what they count.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.amounts import (
    CLAUSE_MARK,
    COMPARED,
    FULL_STOP,
    MEASURE_KIND,
    MEASURE_NAMES,
    MEASURE_NAMES_RX,
    MONEY_WORDS,
    PLAN_WORD_AFTER,
    SENTENCE_END,
    Amount,
    after_percent,
    amounts_in,
    as_result,
    clause_head,
    clause_names,
    group_scope,
    measure_beside,
    measure_kind,
    measure_of_amount,
    name_and_kind,
    part_opened,
    plan_measure,
    sets_out_plan,
    shifted,
    units_named,
)
from kpitools.extract.consistency import half_unit
from kpitools.extract.linking import (
    agrees,
    covering_statement,
    unit_key,
    with_result,
)
from kpitools.extract.named_plans import PLAN_RESULTS, converted, kind_fits, names
from kpitools.extract.result_kinds import other_kind_before
from kpitools.extract.result_periods import one_part_for_months
from kpitools.extract.stated_checks import ABOUT
from kpitools.extract.text import NUM, PLAN_NOUNS
from kpitools.textfold import fold, rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement

# --------------------------------------------------------------------------- referred results

REFERRED_WINDOW = 600
"""How far (characters) before a percentage the result it refers back to may end."""
# "Con số này tương ứng 60,6% kế hoạch": the figure just stated, named by a pronoun
_REFERRED = rx(
    r"(?<!\w)(?<!trong\s)(?:(?:con\s+số|số\s+liệu|kết\s+quả|mức|số)\s+(?:này|trên|đó)"
    # round 121: "Mức thu này …": the level named by the measure's verb (not a rise's); after
    # the verb "trên" is mostly "per" or "in" ("mức chi trên đầu người", "mức thu trên địa
    # bàn"), "the above" only right before a mark or the result's verb (review of session 32)
    r"|mức\s+(?P<verb>thu|chi|giải\s+ngân|thực\s+hiện)\s+"
    r"(?:này|đó|trên(?=\s*(?:[,.;:]|(?:đạt|bằng|vượt)(?!\w)))))(?!\w)"
)
# the words that name an amount as of each verb's measure (``thực hiện``: of any)
_VERB_MEASURES = {
    "thu": rx(r"(?<!\w)thu(?!\w)(?!\s+(?:hút|hồi|nhập|hoạch|gom|mua|thập|xếp)(?!\w))"),
    "chi": rx(r"(?<!\w)chi(?!\w)(?!\s+(?:nhánh|tiết|cục|bộ|hội|đoàn)(?!\w))"),
    "giải ngân": rx(r"(?<!\w)(?:giải\s+ngân|vốn)(?!\w)"),
}
# "với kết quả này, công ty vượt …": the pronoun in the clause right before a statement
_REFERRED_BEFORE = rx(
    r"(?<!\w)(?:với|từ|qua)\s+(?:con\s+số|số\s+liệu|kết\s+quả)\s+(?:này|trên|đó|đạt\s+được)"
    r"\s*,\s*$"
)
# "tỷ lệ giải ngân … ước đạt 59,7%": the rate of what the result before it measures
_RATE_OF = rx(r"(?<!\w)(?:tỷ|tỉ)\s+lệ\s+")


# a rate of a part or of another scope: "trong đó, tỷ lệ giải ngân vốn ngân sách trung ương"
_PART_WORDS = rx(r"(?<!\w)(?:trong\s+đó|trong\s+số|riêng|bao\s+gồm|gồm)(?!\w)")
_SCOPE_WORDS = rx(
    r"(?<!\w)(?:trong\s+đó|của|vốn|nguồn|dự\s+án|chương\s+trình|ngân\s+sách|các|nhóm"
    r"|bình\s+quân|trung\s+bình|cả\s+nước|toàn\s+quốc)(?!\w)"
)
# "tỷ lệ giải ngân vốn (đầu tư công) của tỉnh": the whole capital of the unit, no narrower
_WHOLE_SCOPE = rx(
    r"\s*(?:vốn(?:\s+đầu\s+tư(?:\s+công)?)?\s*)?"
    r"(?:của\s+(?:toàn\s+|cả\s+)?(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã|phường)(?!\w))?"
)

# "tỷ lệ giải ngân vốn kéo dài": capital of one kind, named by a word after ``vốn`` that is
# neither the whole capital's (``đầu tư``) nor a verb or time of the rate
_NARROW_CAPITAL = rx(
    r"\s*vốn\s+(?!(?:đầu|của|năm|đạt|mới|chỉ|ước|là|được|giải|cả|toàn|trong|tính|đến|lũy|luỹ"
    r"|từ|tháng|quý|đã|vẫn|còn|thấp|cao|chung)(?!\w))[^\W\d_]+"
)


def _referred_before(s: LinkableStatement, text: str) -> bool:
    """Whether a pronoun opens the clause right before the percentage ``s``.

    ``Với kết quả này, công ty vượt 74% kế hoạch năm``; only when the plan names no measure
    (a plan named by its measure is read by :func:`link_named_plans`, or by
    :func:`_named_amount_before`) and no other percentage is listed after it (several plans,
    each of its own measure).
    """
    lead = fold(text[max(0, s.start - 40) : s.start])
    return (
        _REFERRED_BEFORE.search(lead) is not None
        and plan_measure(s, text) is None
        and _MORE_PLANS_AFTER.match(fold(text[s.end : s.end + 80])) is None
    )


# "…, thực hiện 90% kế hoạch bốc xếp, 85% kế hoạch lưu kho và 95% doanh thu": more
# percentages of plans listed after the first, each of its own measure
_MORE_PLANS_AFTER = rx(
    rf"^[^.;%]{{0,40}}?(?:,|\svà)\s*(?:(?:khoảng|gần|hơn|trên)\s+)?(?:{NUM})\s*%"
)


def _referred_measure(lead: str) -> str | None:
    """The measure a percentage's words say it is the rate of (``tỷ lệ giải ngân``).

    By :data:`MEASURE_NAMES`; ``""`` for a figure named by a pronoun (``con số này``); None
    for a rate of a part (``trong đó``, ``riêng`` before it) or of a narrower scope (``tỷ lệ
    giải ngân vốn ngân sách trung ương``, ``… của các dự án``; not ``tỷ lệ giải ngân vốn đầu
    tư công của tỉnh``, the unit's whole capital).
    """
    if _REFERRED.search(lead):
        return ""
    for m in _RATE_OF.finditer(lead):
        named = MEASURE_NAMES_RX.match(lead, m.end())
        if named is None:
            continue
        rest = _WHOLE_SCOPE.match(lead, named.end())
        if (
            _PART_WORDS.search(lead, 0, m.start())
            or _SCOPE_WORDS.search(lead, rest.end() if rest else named.end())
            or _NARROW_CAPITAL.match(lead, named.end())
        ):
            return None
        return MEASURE_NAMES[" ".join(named.group().split())]
    return None


# "Có 12 địa phương đạt tỷ lệ giải ngân trên 70%": a count of units before the rate, which
# is then the threshold those units passed, not the rate of the whole
_UNIT_COUNT = (
    r"(?<![\w.,])\d+\s+(?:địa\s+phương|đơn\s+vị|tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã"
    r"|phường|bộ|ngành|cơ\s+quan|chủ\s+đầu\s+tư|dự\s+án|doanh\s+nghiệp)(?!\w)"
)
_UNITS_COUNTED = rx(_UNIT_COUNT + r"[^.;%]*?(?:tỷ|tỉ)\s+lệ\s")
# "Toàn tỉnh có 26 doanh nghiệp nộp ngân sách trên 50 tỷ đồng": units said to be there, counted
# before an amount, which is then the level each of them passed, not a total a pronoun names
# ("tổng giá trị của 10 doanh nghiệp đạt …" is their total)
_UNITS_COUNTED_BEFORE = rx(r"(?<!\w)có\s+" + _UNIT_COUNT)
_AND_ABOVE = rx(r"^\s*trở\s+lên(?!\w)")


def _measure_referred(s: LinkableStatement, text: str) -> str | None:
    """What the percentage ``s`` refers back to (see :func:`_referred_measure`), if anything.

    ``""`` also for a pronoun in the clause right before it (``Với kết quả này, công ty vượt
    74% kế hoạch``); None for a rate in a sentence that opens on a part (``Trong đó, vốn X …
    với tỷ lệ giải ngân đạt 97%``: the part's own rate), and for the rate of a count of units
    (``Có 12 địa phương đạt tỷ lệ giải ngân trên 70%``, :data:`_UNITS_COUNTED`).
    """
    if _UNITS_COUNTED.search(fold(s.text)):
        return None
    measure = _referred_measure(fold(s.text))
    if measure and part_opened(s, text):
        return None
    if measure is None and _referred_before(s, text):
        return ""
    return measure


def _referred_result(
    statements: Sequence[LinkableStatement], i: int, measure: str, text: str
) -> LinkableStatement | None:
    """The result ``statements[i]`` refers back to, if any.

    The nearest statement before it with a figure (up to :data:`REFERRED_WINDOW`
    characters), when its clause names the measure (for a rate) and ``statements[i]`` is
    of no other unit and names none that it does not name.
    """
    s = statements[i]
    for c in statements[max(0, i - PLAN_RESULTS) : i][::-1]:
        if s.start - c.end > REFERRED_WINDOW:
            return None
        if not isinstance(c.actual, Decimal) or c.start >= s.start:
            continue
        if not measure and _money_between(text, c.end, s.start):
            return None  # a pronoun names the figure stated last, not an earlier one
        if measure and not clause_names(text, c.start, measure):
            return None
        if measure and "attainment" not in (s.stated_kind, c.stated_kind):
            return None  # a rate of what was not said to be of a plan
        return None if _of_another_subject(s, c, measure, text) else c
    return None


def _of_another_subject(
    s: LinkableStatement, c: LinkableStatement, measure: str, text: str
) -> bool:
    """Whether the result ``c`` is of another unit, place or plan than the percentage ``s``.

    Another unit read or named by kind and name; the nation's whole before a place's rate
    (``cả nước đạt 48% …. Tỉnh Bắc Hà có tỷ lệ giải ngân đạt 71%``); a result with its own,
    other percentage of the plan (:func:`_own_percent_of_plan`); a later paragraph on another
    subject (:func:`_other_name_in_paragraph`).
    """
    if unit_key(s) not in (None, unit_key(c)):
        return True
    head = clause_head(text, s.start, max(0, s.start - 200))
    own = units_named(text, head, s.end)
    if own and not own <= units_named(text, max(0, c.start - 200), c.end):
        return True
    if measure and _of_the_nation(text, c) and _place_named(text[head : s.end]):
        return True
    return _own_percent_of_plan(c, s, text) or _other_name_in_paragraph(c, s, text)


# "… (không) tính …", "nếu loại trừ …", "trường hợp không tính …", "tách phần …": a condition
# that counts the plan or the result another way, so a second percentage of one result
_RECOUNTED = rx(
    r"(?<!\w)(?:nếu|trường\s+hợp|loại\s+trừ|không\s+(?:tính|kể)|tách|trừ\s+(?:đi|phần))(?!\w)"
)
# "% kế hoạch (vốn) Trung ương giao", "% dự toán HĐND tỉnh giao": the plan a percentage is of,
# and who gave it (up to the clause's end)
_PLAN_OF_PERCENT = rx(rf"^\s*(?:so\s+(?:với\s+)?)?({PLAN_NOUNS}|kh)(?!\w)([^,;.()\n]{{0,60}})")
_CENTRAL_GIVER = rx(r"(?<!\w)(?:trung\s+ương|thủ\s+tướng|chính\s+phủ|quốc\s+hội|bộ)(?!\w)")
_LOCAL_GIVER = rx(r"(?<!\w)(?:hđnd|ubnd|tỉnh|thành\s+phố|huyện|quận|xã|phường|địa\s+phương)(?!\w)")


def _plan_of_percent(s: LinkableStatement, text: str) -> tuple[str, str | None] | None:
    """The plan the percentage of ``s`` names after it, and the level that gave it.

    ``56,9% kế hoạch Thủ tướng Chính phủ giao``: (``kế hoạch``, ``central``); ``KH`` is
    ``kế hoạch``; None when no plan is named.
    """
    m = _PLAN_OF_PERCENT.match(after_percent(s, text))
    if m is None:
        return None
    noun = " ".join(m.group(1).split())
    central = _CENTRAL_GIVER.search(m.group(2)) is not None
    local = _LOCAL_GIVER.search(m.group(2)) is not None
    giver = "central" if central and not local else "local" if local and not central else None
    return ("kế hoạch" if noun == "kh" else noun), giver


def _own_percent_of_plan(c: LinkableStatement, s: LinkableStatement, text: str) -> bool:
    """Whether the result ``c`` states its own, other percentage of the plan ``s`` is of.

    ``Giải ngân vốn đầu tư công đạt 64.000 tỷ, trên 53% kế hoạch Trung ương giao.`` … ``tỉ lệ
    giải ngân … đạt 56,9% kế hoạch Thủ tướng Chính phủ giao``: one result is not 53 % and
    56,9 % of one plan, so the second is another result's. Only when the percentage names its
    plan (a bare rate, ``Đến hết niên độ, tỷ lệ giải ngân ước đạt khoảng 92%``, may be of
    another time or count: earlier rounds give it the result). Not when a condition between
    counts the plan or the result another way (``Nếu không tính kế hoạch … bổ sung …, ước tỷ
    lệ giải ngân đạt 59,7%``, :data:`_RECOUNTED`), nor when the plans differ: another noun
    (``dự toán``), or one given by the centre and the other locally.
    """
    if (
        c.stated_kind not in ("attainment", "excess")
        or c.stated_percent is None
        or s.stated_percent in (None, c.stated_percent)
        or _RECOUNTED.search(fold(text[c.end : s.end])) is not None
    ):
        return False
    theirs, mine = _plan_of_percent(c, text), _plan_of_percent(s, text)
    if theirs is None or mine is None or mine[0] != theirs[0]:
        return False
    return len({theirs[1], mine[1]} - {None}) <= 1


# a word of a name: capitalised, not all capitals (``UBND``, ``TP`` are kinds, not names)
_WORD = re.compile(r"[^\W\d_]+")


def _names(words: str) -> list[list[str]]:
    """The runs of two or more capitalised words in ``words`` (``Hà Tĩnh``, ``Phạm Anh Tuấn``).

    Outside brackets; words of a run are joined by spaces only, and all-capital words
    (``UBND``, ``TP.``) are no part of one.
    """
    plain = _BRACKETED.sub(lambda m: " " * len(m.group()), words)
    runs: list[list[str]] = []
    run: list[str] = []
    end = -1
    for m in _WORD.finditer(plain):
        w = m.group()
        named = w[:1].isupper() and not (len(w) > 1 and w.isupper())
        if named and run and plain[end : m.start()].isspace():
            run.append(w)
        else:
            if len(run) > 1:
                runs.append(run)
            run = [w] if named else []
        end = m.end()
    if len(run) > 1:
        runs.append(run)
    return runs


def _other_name_in_paragraph(c: LinkableStatement, s: LinkableStatement, text: str) -> bool:
    """Whether ``s`` is in a later paragraph than ``c`` that names what ``c``'s does not.

    ``Về đầu tư công, Hà Tĩnh xác định … Đến nay, tỉ lệ giải ngân vốn đầu tư công của tỉnh
    đạt 56,9% …`` after a paragraph on Hà Nội: a province, a district, a firm or a person
    named by capitalised words (:func:`_names`) in the percentage's paragraph before it, no
    two of whose words stand together in the result's paragraph, opens another subject.
    """
    if "\n" not in text[c.end : s.start]:
        return False
    opened = text.rfind("\n", 0, s.start) + 1
    low = text.rfind("\n", 0, c.start) + 1
    high = text.find("\n", c.end)
    theirs = fold(text[low : high if high >= 0 else len(text)])
    theirs = " ".join(_WORD.findall(theirs))
    for run in _names(text[opened : s.end]):
        pairs = [fold(f"{a} {b}") for a, b in itertools.pairwise(run)]
        if not any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", theirs) for p in pairs):
            return True
    return False


# "cả nước", "toàn quốc": a whole of the nation
_NATION = rx(r"(?<!\w)(?:cả\s+nước|toàn\s+quốc)(?!\w)")


def _place_named(words: str) -> bool:
    """Whether ``words`` name a place by two capitalised words (``Bắc Hà``, ``Đông Sơn``)."""
    split = words.split()
    return any(a[:1].isupper() and b[:1].isupper() for a, b in itertools.pairwise(split))


def _of_the_nation(text: str, c: LinkableStatement) -> bool:
    """Whether the clause of the result ``c`` names the nation's whole.

    ``tổng vốn đầu tư công cả nước đạt …``: a rate said after it of a place named (``Tỉnh
    Bắc Hà có tỷ lệ giải ngân đạt 71%``) is that place's, not the nation's.
    """
    head = clause_head(text, c.start, max(0, c.start - 200))
    return _NATION.search(fold(text[head : c.start])) is not None


# "… lên khoảng 1,triệu tỷ đồng": a figure whose digits the text lost, a scale word right
# after a separator; a pronoun after it names that figure, which cannot be read
_BROKEN_FIGURE = rx(r"\d[.,]\s*(?:nghìn|ngàn|triệu|tỷ|tỉ)(?!\w)")


def _plan_kind(s: LinkableStatement, text: str) -> str | None:
    """The kind of the measure the plan after a percentage of ``s`` names, if any.

    ``vượt 5% mục tiêu lợi nhuận trước thuế``: ``trước thuế``.
    """
    after = after_percent(s, text)
    lead = PLAN_WORD_AFTER.match(after)
    m = MEASURE_NAMES_RX.match(after, lead.end()) if lead else None
    k = MEASURE_KIND.match(after, m.end()) if m else None
    return " ".join(k.group(1).split()) if k else None


def _money_between(text: str, start: int, end: int) -> bool:
    """Whether a money amount is written in ``text[start:end]``.

    Not a change since a past time (``155.729,8 tỷ đồng về số tuyệt đối so với cùng kỳ``).
    """
    folded = fold(text[start:end])
    return any(
        a.unit[1] in MONEY_WORDS and not COMPARED.search(SENTENCE_END.split(folded[a.end :])[0])
        for a in amounts_in(folded, 0, len(folded))
    )


def _named_result(
    statements: Sequence[LinkableStatement], i: int, measure: str, text: str
) -> LinkableStatement | None:
    """The result a pronoun's percentage names by its plan's measure, if any.

    "Những con số này … vượt 52% mục tiêu lợi nhuận trước thuế": the nearest result before
    it (within :data:`REFERRED_WINDOW` characters) whose clause names that measure, of no
    other unit; None when the results that do give differing figures.
    """
    s = statements[i]
    kind = _plan_kind(s, text)
    found = [
        c
        for c in statements[max(0, i - PLAN_RESULTS) : i]
        if isinstance(c.actual, Decimal)
        and c.start < s.start
        and s.start - c.end <= REFERRED_WINDOW
        and clause_names(text, c.start, measure)
        and unit_key(s) in (None, unit_key(c))
        and kind_fits(text, c, measure, kind)
    ]
    if len({c.actual for c in found}) != 1:
        return None
    return found[-1]


def link_referred_results(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, each percentage that refers back to the result just stated given it.

    ``… đạt 553.250,4 tỷ đồng, tăng 2,4% so với cùng kỳ. Con số này tương ứng 60,6% kế
    hoạch`` (a pronoun: ``con số này``, ``số liệu trên``, ``kết quả này``) and ``… là 528.870,2
    tỷ đồng, đạt 57,9% kế hoạch. Nếu không tính kế hoạch bổ sung …, ước tỷ lệ giải ngân đạt
    59,7%`` (the rate of the measure the result's clause names, :data:`MEASURE_NAMES`; the
    result or the percentage must be of a plan) are attainments of that result: 553.250,4
    with 60,6 %, 528.870,2 with 59,7 % (the target implied; the result's span is the link).
    A rate that ``có thể đạt`` (may be reached, a forecast) is of no result stated.

    Only the nearest statement with a figure before the percentage is taken (up to
    :data:`REFERRED_WINDOW` characters), and only when the percentage names no unit the
    result's sentence does not. With a pronoun and no such statement, the one money amount
    of the sentence before (in no statement, no plan set out) is the result
    (``… đạt 6.930,573 tỷ đồng. Con số này tương đương với 123,6% kế hoạch``). A target
    whose sentence says the result a pronoun names met it (``Kết quả này không chỉ vượt
    mục tiêu phấn đấu 26.000 tỷ đồng``) takes that result as its actual. A percentage of a
    plan with no result takes the amount it comes to right after it (``đạt 45% kế hoạch,
    tương ứng 1.200 tỷ đồng``).
    """
    out = list(statements)
    ordered = sorted(statements, key=lambda c: c.start)
    scope = (ordered, [c.start for c in ordered])
    for i, s in enumerate(statements):
        if _beats_referred_target(s, text):
            c = _referred_result(statements, i, "", text)
            if c is not None and isinstance(s.target, Decimal):
                out[i] = with_result(s, c, s.target)
            continue
        if (
            s.actual is not None
            or s.target is not None
            or s.stated_kind not in ("attainment", "excess", "rate")
            or _of_the_past(s)
        ):
            continue
        c = (
            _amount_equivalent(s, text, scope)
            or _apposed_amount(s, text)
            or _named_amount_before(s, text, scope)
        )
        if c is not None:
            kind = "excess" if s.stated_kind == "excess" else "attainment"
            out[i] = with_result(dataclasses.replace(s, stated_kind=kind), c, None)
            continue
        measure = _measure_referred(s, text)
        if measure is None or (measure == "" and s.stated_kind == "rate"):
            continue
        if _MAY_REACH.search(fold(s.text)):
            continue  # a rate that may be reached later is a forecast, of no result stated
        c = _result_referred_to(statements, i, measure, text, scope)
        if c is None or _counts_other(text, c, s) or _next_percent_is_of(text, s, c):
            continue
        kind = "attainment" if s.stated_kind == "rate" else s.stated_kind
        out[i] = _with_bracketed_plan(dataclasses.replace(s, stated_kind=kind), c, text)
    return out


def _with_bracketed_plan(
    s: LinkableStatement, c: LinkableStatement, text: str
) -> LinkableStatement:
    """``s`` with ``c`` as its result, and the plan in brackets after its name as its target.

    When ``c``'s figure, rounded at its last written digit, may come from the percentage of
    that plan (``5,6 triệu`` for 56,4 % of 10 million), the check is left to no verdict.
    """
    plan = _bracketed_plan(s, c, text)
    if plan is not None and s.stated_percent is not None and _rounds_to(c, s, plan):
        c = dataclasses.replace(c, exact=False)
    return with_result(s, c, plan)


def _rounds_to(c: LinkableStatement, s: LinkableStatement, plan: Decimal) -> bool:
    """Whether the share ``s`` states of ``plan`` rounds to ``c``'s figure as written."""
    folded = fold(c.text)
    own = next(iter(amounts_in(folded, 0, len(folded))), None)
    written = re.match(NUM, folded[own.start :]) if own is not None else None
    if written is None or not isinstance(c.actual, Decimal) or s.stated_percent is None:
        return False
    share = s.stated_percent + (100 if s.stated_kind == "excess" else 0)
    return abs(share * plan / 100 - c.actual) <= half_unit(written.group(), c.actual)


# "… đạt 56% kế hoạch năm 2030 (10 triệu lượt khách)": the plan's figure in brackets right
# after the plan's name (its year or its giver allowed, nothing else)
_PLAN_NAME_BRACKET = rx(
    rf"%\s*(?:so\s+với\s+)?{PLAN_NOUNS}(?:\s+(?:cả\s+)?năm)?(?:\s+(?:19|20)\d\d)?"
    r"(?:\s+(?:được\s+)?giao)?\s*\(\s*"
)
_BRACKETED_NEAR = Decimal("0.05")
"""How far (relative) the plan a percentage implies may be from the plan in brackets."""


def _bracketed_plan(s: LinkableStatement, c: LinkableStatement, text: str) -> Decimal | None:
    """The plan's figure in brackets right after the plan's name of ``s``, if it is ``c``'s.

    ``Với kết quả này, lượng khách đạt 56% kế hoạch năm (10 triệu lượt)``: the figure of the
    same unit as ``c``'s result, closed by its bracket, and near the plan the percentage
    implies for ``c`` (within :data:`_BRACKETED_NEAR`: the audit then judges the percentage).
    """
    folded = fold(text[s.start : s.end + 60])
    opened = next((m.end() for m in _PLAN_NAME_BRACKET.finditer(folded)), None)
    if opened is None or s.stated_percent is None or not isinstance(c.actual, Decimal):
        return None
    plan = next(iter(amounts_in(folded, opened, len(folded))), None)
    own = next(iter(amounts_in(fold(c.text), 0, len(c.text))), None)
    if plan is None or own is None or plan.start != opened or plan.unit != own.unit:
        return None
    share = s.stated_percent + (100 if s.stated_kind == "excess" else 0)
    if not share or not plan.value:
        return None
    implied = c.actual * 100 / share
    return plan.value if abs(implied - plan.value) <= _BRACKETED_NEAR * plan.value else None


# "… cao hơn cùng kỳ năm 2030 (đạt 20% kế hoạch": the bracket opened after a past period
_PAST_BRACKET = rx(
    r"(?<!\w)(?:cùng\s+kỳ|năm\s+trước|năm\s+ngoái|kỳ\s+trước)(?:\s+(?:năm\s+)?(?:19|20)\d\d)?"
    r"\s*\([^()]*$"
)


def _of_the_past(s: LinkableStatement) -> bool:
    """Whether the stated percentage of ``s`` is in a bracket after a past period.

    ``Con số này cao hơn cùng kỳ năm 2030 (đạt 20% kế hoạch)`` gives last year's
    attainment, of no result this text states.
    """
    at = s.text.rfind(s.stated) if s.stated else -1
    return at > 0 and _PAST_BRACKET.search(fold(s.text[:at])) is not None


# "đến hết năm, tỷ lệ giải ngân có thể đạt 90%": a rate that may be reached, a forecast
_MAY_REACH = rx(r"(?<!\w)có\s+thể\s+(?:đạt|lên|tăng|vượt|chạm)(?!\w)")
# "nếu tính thêm khối lượng hoàn thành chưa thanh toán thì tỷ lệ giải ngân đạt …": the rate
# of the result with something added to it, not of the result written before (a plan added or
# left out — "nếu không tính kế hoạch bổ sung", "nếu tính cả dự toán …" — keeps the result)
_COUNTS_MORE = rx(
    r"(?<!\w)nếu\s+(?:tính|cộng|kể)\s+(?:thêm|cả|luôn)\s+"
    r"(?!(?:phần\s+)?(?:kế\s+hoạch|dự\s+toán|chỉ\s+tiêu|mục\s+tiêu|vốn\s+(?:được\s+)?giao)(?!\w))"
)
# "Nếu chỉ tính riêng kế hoạch vốn năm 2041, tỷ lệ giải ngân đạt 40%": the rate of one part
# counted on its own (its plan and what was done of it), not of the whole's result before;
# opening a clause or sentence of its own ("3.120 tỷ đồng (chỉ tính riêng vốn …)" qualifies
# the result in its brackets, whose rate follows)
_PART_ONLY = rx(r"(?:^|[.,;:])\s*(?:(?:còn|và)\s+)?(?:nếu\s+(?:chỉ\s+)?|chỉ\s+)tính\s+riêng(?!\w)")
_BRACKETED = rx(r"\([^()]*\)")


# "… 55% kế hoạch kinh doanh và 70% kế hoạch lợi nhuận": the next percentage's measure
_NEXT_PERCENT_PLAN = rx(
    rf"(?:\s*[^\W\d_]+){{0,5}}?\s*,?\s*và\s+(?:khoảng\s+|gần\s+|hơn\s+|trên\s+)?(?:{NUM})\s*%\s*"
    rf"(?:so\s+với\s+)?{PLAN_NOUNS}\s+([^\W\d_]+\s+[^\W\d_]+)"
)


def _next_percent_is_of(text: str, s: LinkableStatement, c: LinkableStatement) -> bool:
    """Whether the percentage after ``s`` (joined by ``và``) names the plan of ``c``'s measure.

    ``Với kết quả đó, … đạt 55% kế hoạch kinh doanh và 70% kế hoạch lợi nhuận``
    after a profit result: the profit's percentage is the second; the first, of a plan of
    no measure named, is not of that result (precision first: no result).
    """
    m = _NEXT_PERCENT_PLAN.match(fold(text[s.end : s.end + 80]))
    return m is not None and names(text, c, " ".join(m.group(1).split()))


def _counts_other(text: str, c: LinkableStatement, s: LinkableStatement) -> bool:
    """Whether a condition before the percentage ``s`` counts other than the result ``c``.

    ``…, nếu tính thêm khối lượng … thì tỷ lệ giải ngân đạt 30%``: the rate of more than
    ``c``; ``Nếu chỉ tính riêng kế hoạch vốn năm 2041, tỷ lệ giải ngân đạt 40%``: the rate
    of a part counted on its own, whose result is not ``c`` (that of the whole).
    """
    between = fold(text[min(c.end, s.start) : s.end])
    if _COUNTS_MORE.search(between) is not None:
        return True
    return _PART_ONLY.search(_BRACKETED.sub(" ", between)) is not None


def _result_referred_to(
    statements: Sequence[LinkableStatement],
    i: int,
    measure: str,
    text: str,
    scope: tuple[Sequence[LinkableStatement], list[int]],
) -> LinkableStatement | None:
    """The result the percentage ``statements[i]`` refers back to, if any.

    See :func:`link_referred_results`: by the measure its plan names, the nearest result,
    the amount disbursed before a disbursement rate, or the amount a pronoun names.
    """
    s = statements[i]
    named = plan_measure(s, text) if measure == "" else None
    c = (
        _named_result(statements, i, named, text)
        if named
        else _referred_result(statements, i, measure, text)
    )
    if c is None and measure == "giải ngân":
        c = _disbursed_before(s, text, scope)
    if c is None and measure == "":
        c = _amount_just_stated(s, text, scope)
        if c is not None and named and not clause_names(text, c.start, named):
            c = None
    if c is not None and measure == "" and not _fits_verb(s, c, text):
        return None
    return c


# the end of a clause, not a dot inside a number ("1.760")
_CLAUSE_END = re.compile(r"[,;()\n:]|\.(?!\d)")


def _fits_verb(s: LinkableStatement, c: LinkableStatement, text: str) -> bool:
    """Whether the result ``c`` is of the measure the verb of ``s``'s pronoun names.

    ``Mức chi này`` names an amount spent, not ``thu ngân sách đạt 800 tỷ đồng``: the words of
    the verb's measure (:data:`_VERB_MEASURES`) and of no other verb's in the clause of ``c``
    (or, when it names none, in its sentence before it). Any result for a pronoun with no
    verb or with ``thực hiện`` (review of session 32).
    """
    m = _REFERRED.search(fold(s.text))
    verb = " ".join(m.group("verb").split()) if m and m.group("verb") else None
    if verb not in _VERB_MEASURES:
        return True
    low = max(0, c.start - 200)
    folded = fold(text[low : c.start + 120])
    pos = c.start - low
    head = clause_head(folded, pos, 0)
    start = max([head, *(m.end() for m in _CLAUSE_END.finditer(folded, head, pos))])
    stop = _CLAUSE_END.search(folded, pos)
    end = stop.start() if stop else len(folded)
    named = {v for v, p in _VERB_MEASURES.items() if p.search(folded, start, end)}
    if not named:
        named = {v for v, p in _VERB_MEASURES.items() if p.search(folded, head, pos)}
    return named == {verb}


def _named_amount_before(
    s: LinkableStatement,
    text: str,
    scope: tuple[Sequence[LinkableStatement], list[int]],
) -> LinkableStatement | None:
    """The amount a pronoun before a percentage of a plan named by its measure names.

    ``… thu về 3.000 tỷ đồng doanh thu cùng 240 tỷ đồng lợi nhuận. Qua số liệu trên, đơn vị
    thực hiện được 50% kế hoạch doanh thu``: the amount of the sentence before (in no
    statement) with that measure named beside it (:func:`_amount_just_stated`). Only an
    attainment or an excess.
    """
    if s.stated_kind not in ("attainment", "excess"):
        return None
    if not _REFERRED_BEFORE.search(fold(text[max(0, s.start - 40) : s.start])):
        return None
    named = plan_measure(s, text)
    if not named:
        return None
    c = _amount_just_stated(s, text, scope, named)
    if c is None or other_kind_before(text, c, s, named):
        return None
    return c if _names_before_or_after(text, c, named) else None


def _names_before_or_after(text: str, c: LinkableStatement, noun: str) -> bool:
    """Whether ``c``'s clause names the measure ``noun`` before it, or right after its amount.

    ``… đạt 4.000 tỷ đồng doanh thu``: the measure named after the amount is its own.
    """
    after = fold(text[c.end : c.end + 40])
    named = MEASURE_NAMES_RX.match(after, 1) if after[:1] == " " else None
    if named is not None:
        return MEASURE_NAMES[" ".join(named.group().split())] == noun
    return clause_names(text, c.start, noun)


# ", tương đương 22.688 tỷ đồng", ", với giá trị 6.150 tỷ đồng", ", tương ứng với tổng khối
# lượng thực hiện 160 tỷ đồng": the amount a percentage before it comes to
_EQUIVALENT = rx(
    r"^(?:\s+(?:[^\W\d_]+|(?:19|20)\d\d(?!\d))){0,5}?\s*,?\s*(?:(?:tương\s+đương|tương\s+ứng)(?:\s+với)?"
    r"(?:\s+(?:tổng\s+)?(?:khối\s+lượng|giá\s+trị)(?:\s+thực\s+hiện)?)?"
    r"|với\s+(?:giá\s+trị|số\s+tiền|số\s+vốn)(?:\s+là)?)\s*"
    r"(?:(?:khoảng|gần|hơn|trên)\s+)?"
)
# "hoàn thành 100% kế hoạch, với tổng số tiền giải ngân 40 tỷ đồng", "… 45% chỉ tiêu với 351
# tỷ đồng lợi nhuận": the amount a percentage of a plan is reached with; not "so với …",
# "đối với …", "cùng với …" (a base, a topic, another thing)
_WITH_AMOUNT = rx(
    r"^(?:\s+(?:[^\W\d_]+|(?:19|20)\d\d(?!\d))){0,5}?\s*,?\s*(?<!\bso\s)(?<!\bđối\s)(?<!\bcùng\s)(?<!\w)(?P<with>với)\s+"
    r"(?:(?:tổng\s+)?(?:số\s+tiền|giá\s+trị|số\s+vốn)(?:\s+giải\s+ngân)?\s+"
    r"|(?P<measure>(?:tổng\s+)?doanh\s+thu|lợi\s+nhuận)(?:\s+(?:trước|sau)\s+thuế)?\s+)?"
    r"(?:là\s+)?(?:(?:khoảng|gần|hơn|trên)\s+)?"
)
# "vượt 12% so với dự toán, lên gần 1.120 tỷ đồng": the amount the result rose to
_RISEN_TO = rx(r"^\s*,\s*lên(?:\s+(?:mức|con\s+số))?\s+(?:(?:khoảng|gần|hơn|trên)\s+)?")
# "giải ngân gần 80% vốn đầu tư công": the share of the capital allocated that was disbursed
_DISBURSED = rx(r"(?<!\w)giải\s+ngân(?:\s+(?:được|đạt))?\s*$")
_CAPITAL = rx(r"^\s*(?:kế\s+hoạch\s+)?vốn(?!\w)")
# "tỷ lệ giải ngân vốn đầu tư công của tỉnh đạt 64%", "đạt tỷ lệ 72,2% giải ngân vốn đầu tư
# công": a rate named as the share of the capital disbursed
_PLAN_NOUN = rx(rf"(?<!\w){PLAN_NOUNS}(?!\w)")
_DISBURSAL_NAMED = rx(r"(?<!\w)tỷ\s+lệ\s+giải\s+ngân(?!\w)")
_DISBURSED_CAPITAL = rx(r"^\s*giải\s+ngân\s+(?:kế\s+hoạch\s+)?vốn(?!\w)")


def _disbursal_rate(s: LinkableStatement, text: str) -> bool:
    """Whether the rate ``s`` is the share of the capital allocated that was disbursed.

    ``giải ngân gần 80% vốn đầu tư công``, ``tỷ lệ giải ngân vốn … đạt 64%`` (the rate's own
    words name it before its percentage), ``đạt tỷ lệ 72,2% giải ngân vốn đầu tư công``.
    """
    percent = s.text.find("%")
    if percent < 0:
        return False
    after = fold(s.text[percent + 1 :])
    if _DISBURSAL_NAMED.search(fold(s.text[:percent])) or _DISBURSED_CAPITAL.match(after):
        return True
    before = fold(text[max(0, s.start - 40) : s.start])
    return _DISBURSED.search(before) is not None and _CAPITAL.match(after) is not None


def _amount_equivalent(
    s: LinkableStatement,
    text: str,
    scope: tuple[Sequence[LinkableStatement], list[int]],
) -> LinkableStatement | None:
    """The money amount a percentage of a plan with no result comes to, right after it.

    ``đạt 45% kế hoạch, tương đương 1.200 tỷ đồng``, ``giải ngân gần 80% vốn đầu tư công,
    tương đương 22.688 tỷ đồng`` (the share of the capital allocated disbursed is its
    attainment), ``đạt 61,5% kế hoạch, với giá trị 6.150 tỷ đồng``: the amount after
    ``tương đương`` / ``tương ứng`` / ``với giá trị`` is the result. Not for an
    excess (``vượt 5%, tương đương 120 tỷ đồng`` is the excess amount), nor a rate of
    anything but disbursed capital (``tỷ lệ hộ nghèo còn 2%, tương đương 1.200 hộ``).
    The amount a result rose to (``vượt 12% so với dự toán, lên 1.120 tỷ đồng``) is the
    result of an excess too.
    """
    if s.stated_kind == "rate":
        if not _disbursal_rate(s, text):
            return None
    elif s.stated_kind not in ("attainment", "excess"):
        return None
    high = min(len(text), s.end + 80)
    folded = fold(text[s.end : high])
    m = _RISEN_TO.match(folded)
    if m is None and s.stated_kind != "excess":
        m = _EQUIVALENT.match(folded) or _WITH_AMOUNT.match(folded)
    if m is None:
        return None
    amounts = [a for a in amounts_in(folded, m.end(), len(folded)) if a.start == m.end()]
    if not amounts or amounts[0].unit[1] not in MONEY_WORDS:
        return None
    if m.re is _WITH_AMOUNT and (
        not _with_own_measure(s, folded, m, amounts[0]) or _plan_written_before(s, text, scope)
    ):
        return None
    if covering_statement(*scope, shifted(amounts[0], s.end)) is not None:
        return None
    return as_result(s, amounts[0], folded, s.end, text, "")


def _with_own_measure(s: LinkableStatement, folded: str, m: re.Match[str], a: Amount) -> bool:
    """Whether the amount ``a`` after ``với`` (:data:`_WITH_AMOUNT`) is of the plan's measure.

    The measures named by the words of ``s``, after ``với`` and right after the amount are one
    at most (``hoàn thành 95% kế hoạch lợi nhuận, với doanh thu 1.200 tỷ đồng`` is of another
    measure).
    """
    plan_words = fold(s.text) + folded[: m.start("with")]
    named = {
        MEASURE_NAMES[" ".join(n.group().split())] for n in MEASURE_NAMES_RX.finditer(plan_words)
    }
    if m.group("measure"):
        named.add(MEASURE_NAMES[" ".join(m.group("measure").split())])
    after = MEASURE_NAMES_RX.match(folded, a.end + 1) if folded[a.end : a.end + 1] == " " else None
    if after is not None:
        named.add(MEASURE_NAMES[" ".join(after.group().split())])
    return len(named) <= 1


def _plan_written_before(
    s: LinkableStatement, text: str, scope: tuple[Sequence[LinkableStatement], list[int]]
) -> bool:
    """Whether the sentence of ``s`` sets out a plan before it (a target with no result).

    Within 300 characters: ``… lợi nhuận sau thuế đạt 800 tỷ đồng, 6 tháng công ty thực hiện
    45% chỉ tiêu với 351 tỷ đồng``: the plan is written, the linking passes' to join. Also a
    plan word followed by a money amount in that stretch, read or not (``đặt chỉ tiêu lợi
    nhuận đạt 700 tỷ đồng, …``).
    """
    ordered, starts = scope
    low = max(0, s.start - 300)
    head = max((m.end() for m in FULL_STOP.finditer(text, low, s.start)), default=low)
    first, last = bisect.bisect_left(starts, head), bisect.bisect_left(starts, s.start)
    if any(c.target is not None and c.actual is None for c in ordered[first:last]):
        return True
    folded = fold(text[head : s.start])
    plan = _PLAN_NOUN.search(folded)
    return plan is not None and any(
        a.unit[1] in MONEY_WORDS for a in amounts_in(folded, plan.end(), len(folded))
    )


# "…, một con số cao nhất từ trước tới nay, bằng 115% dự toán": the figure before, named again
_APPOSITION = rx(r"^(?:một|là)\s+(?:con\s+số|mức|kết\s+quả)(?!\w)")
_APPOSED_GAP = rx(r"\s*,\s*$")


def _apposed_amount(s: LinkableStatement, text: str) -> LinkableStatement | None:
    """The amount a percentage of a plan opened by an apposition names.

    ``… ước đạt gần 1.400 tỷ đồng, một con số cao nhất từ trước tới nay, bằng 115% dự toán``: the
    words ``một con số`` (``một mức``, ``là kết quả``) right after the amount and its comma
    name it again, so the percentage is of it. Only an amount in the same sentence, just
    before the comma.
    """
    if s.stated_kind not in ("attainment", "excess") or not _APPOSITION.match(fold(s.text)):
        return None
    low = max(0, s.start - 80)
    folded = fold(text[low : s.start])
    found = [a for a in amounts_in(folded, 0, len(folded)) if _APPOSED_GAP.match(folded, a.end)]
    if not found or not found[-1].unit[1]:
        return None
    return as_result(s, found[-1], folded, low, text, "")


# "Kết quả này không chỉ vượt mục tiêu phấn đấu 26.000 tỷ đồng": the result just stated
# against a target its sentence names
_REFERRED_BEATS = rx(
    r"^\W*(?:con\s+số|số\s+liệu|kết\s+quả|mức)\s+(?:này|trên|đó)(?!\w)[^.;:]*"
    r"(?<!\w)(?:vượt|đạt|hoàn\s+thành)(?!\w)[^.;:]*$"
)


def _beats_referred_target(s: LinkableStatement, text: str) -> bool:
    """Whether ``s`` is a target met by the result just stated.

    A target (no actual, no percentage) whose sentence opens with a pronoun for that result
    (``Kết quả này``) and says it met or beat it (``vượt``, ``đạt``, ``hoàn thành``).
    """
    if s.actual is not None or s.target is None or s.stated_kind is not None:
        return False
    if not isinstance(s.target, Decimal):
        return False
    head = max(0, s.start - 300)
    stop = max(head, *(m.end() for m in FULL_STOP.finditer(text, head, s.start)), head)
    return bool(_REFERRED_BEATS.search(fold(text[stop : s.start])))


def _amount_just_stated(
    s: LinkableStatement,
    text: str,
    scope: tuple[Sequence[LinkableStatement], list[int]],
    named: str | None = None,
) -> LinkableStatement | None:
    """The figure a pronoun names: the one money amount of the sentence just before ``s``.

    ``s`` is a percentage whose subject is a pronoun (``Con số này tương đương với 123,6% kế
    hoạch``); the amount is in no statement. When the percentage's plan names a measure
    (``named``) and the sentence gives several amounts, the one with that measure named right
    beside it (``… 4.000 tỷ đồng doanh thu và 300 tỷ đồng lợi nhuận``). None when the sentence
    has none or two differing ones, or a figure whose digits the text lost
    (:data:`_BROKEN_FIGURE`).
    """
    low = max(0, s.start - REFERRED_WINDOW)
    folded = fold(text[low : s.start])
    stops = _sentence_ends(folded)
    if not stops:
        return None
    start = stops[-2] if len(stops) > 1 else 0
    if len(stops) == 1 and low > 0:
        return None  # the sentence before is not wholly in the window
    if _BROKEN_FIGURE.search(folded, start, stops[-1]):
        return None  # a figure the text lost may be the one named
    found = [
        a
        for a in amounts_in(folded, start, stops[-1])
        if a.unit[1] in MONEY_WORDS
        and not sets_out_plan(folded, a, start)
        and not converted(folded, a)
        and not _no_total(folded, a, start)
        and not _restated_in_dollars(folded, a)
        and covering_statement(*scope, shifted(a, low)) is None
    ]
    if named and len({a.value for a in found}) > 1:
        # "… thu về 4.000 tỷ đồng doanh thu cùng 300 tỷ đồng lợi nhuận. Qua số liệu trên, … 40%
        # kế hoạch doanh thu": the amount its plan's measure is named beside
        found = [a for a in found if measure_beside(folded, a) == named]
    if len({a.value for a in found}) != 1:
        return None
    return as_result(s, found[-1], folded, low, text, "")


def _sentence_ends(folded: str) -> list[int]:
    """Where the sentences of ``folded`` end, a blank line counted as no sentence.

    ``… đạt 63,4 tỷ đồng.``, a blank line, ``Kết quả này bằng 86% dự toán``: the paragraph's
    break ends no sentence of its own, so the sentence before the pronoun's is the amount's
    (round 123).
    """
    ends: list[int] = []
    for m in FULL_STOP.finditer(folded):
        if ends and not folded[ends[-1] : m.start()].strip():
            ends[-1] = m.end()  # a blank line (or a stop right after a stop): one break
        else:
            ends.append(m.end())
    return ends


# "thu ngân sách tăng 32 tỷ đồng": an amount a measure rose or fell by
_CHANGED_BY = rx(r"(?<!\w)(?:tăng|giảm)(?:\s+(?:thêm|được))?\s+(?:(?:khoảng|gần|hơn|trên)\s+)?$")


def _no_total(folded: str, a: Amount, start: int) -> bool:
    """Whether the amount ``a`` (its sentence from ``start``) is no total a pronoun may name.

    A change (``tăng 32 tỷ đồng so với năm trước``: after ``tăng`` / ``giảm``, or compared in
    its own clause) or a level units counted before it passed (``có 26 doanh nghiệp nộp
    ngân sách trên 50 tỷ đồng``, :data:`_UNITS_COUNTED_BEFORE`; ``… 3 tỷ đồng trở lên``)
    (round 123).
    """
    clause = CLAUSE_MARK.search(folded, a.end)
    return bool(
        _CHANGED_BY.search(folded, max(start, a.start - 30), a.start)
        or COMPARED.search(folded, a.end, clause.start() if clause else len(folded))
        or _UNITS_COUNTED_BEFORE.search(folded, start, a.start)
        or _AND_ABOVE.match(folded[a.end : a.end + 20])
    )


# "58.300 tỷ đồng, tương đương hơn 2,3 tỷ USD": the amount in đồng restated in dollars (a
# few words of it between: "tăng 620 tỷ đồng so với năm trước, tương đương 24 triệu USD")
_RESTATED = rx(
    r"(?<!\w)đồng(?:\s+[^\W\d_]+){0,6}\s*,?\s*(?:tương\s+đương|tương\s+ứng)(?:\s+với)?\s+"
    r"(?:(?:khoảng|gần|hơn|trên)\s+)?$"
)


def _restated_in_dollars(folded: str, a: Amount) -> bool:
    """Whether ``a`` is in dollars, the amount in đồng right before it restated (round 123).

    Not the other way round (``1,6 tỷ USD, tương đương 40.000 tỷ đồng``: which of the two a
    pronoun after them names is not the same in every text, so both stay, and differ).
    """
    return (
        a.unit[1] == "usd" and _RESTATED.search(folded, max(0, a.start - 40), a.start) is not None
    )


# "giải ngân được 115 tỷ đồng", "giải ngân vốn đầu tư công 115 tỷ đồng" (the whole capital
# named, no narrower source)
_DISBURSED_AMOUNT = rx(
    r"(?<!\w)giải\s+ngân(?:\s+(?:được|đạt))*(?:\s+vốn(?:\s+đầu\s+tư(?:\s+công)?)?"
    r"(?:\s+(?:được|đạt))*)?(?:\s+(?:trên|gần|hơn|khoảng))?\s*$"
)


def _disbursed_before(
    s: LinkableStatement,
    text: str,
    scope: tuple[Sequence[LinkableStatement], list[int]],
) -> LinkableStatement | None:
    """The money amount disbursed earlier in the sentence of a disbursement rate ``s``.

    ``… tỉnh đã giải ngân đạt gần 16.000 tỷ đồng, nếu loại trừ …, tỷ lệ giải ngân của tỉnh
    đạt trên 57%``: a disbursement rate is the share of the capital planned that was
    disbursed, so it is the attainment of the amount written right after ``giải ngân`` (in no
    statement); None when the sentence has none or two that differ.
    """
    low = max(0, s.start - REFERRED_WINDOW)
    folded = fold(text[low : s.start])
    head = clause_head(folded, len(folded), 0)
    if head == 0 and low > 0:
        return None  # the sentence is not wholly in the window
    found = [
        a
        for a in amounts_in(folded, head, len(folded))
        if a.unit[1] in MONEY_WORDS
        and _DISBURSED_AMOUNT.search(folded, max(head, a.start - 40), a.start)
        and covering_statement(*scope, shifted(a, low)) is None
    ]
    if len({a.value for a in found}) != 1:
        return None
    return as_result(s, found[-1], folded, low, text, "")


# --------------------------------------------------------------------------- a lead's percentage

LEAD_LENGTH = 800
"""How long (characters) the first paragraph of a text may be to be read as its lead."""
LEAD_REACH = 1500
"""How far (characters) after the lead paragraph the amount of a lead's percentage may start."""
# kinds of a measure that make it another measure ("doanh thu hoạt động tài chính", "lợi
# nhuận gộp"): never the amount of a plan named by the measure alone
_OTHER_KINDS = frozenset({fold("gộp"), fold("tài chính")})


def link_lead_percentages(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, each percentage of a plan in the lead given its measure's amount.

    ``Sáu tháng, lợi nhuận trước thuế của công ty hoàn thành 45% kế hoạch năm.`` … (a
    paragraph later) ``Cụ thể, công ty ghi nhận 900 tỷ đồng lợi nhuận trước thuế``: a
    percentage in the text's first paragraph with no result and no target, its measure named
    before it or as its plan's (:func:`_lead_measure`), takes the money amount of that
    measure (and kind, ``trước thuế``, when the percentage names one) written in the
    :data:`LEAD_REACH` characters after the lead, when there is one such amount (one value;
    no plan set out; none already attained); the target is implied.
    """
    lead_end = text.find("\n")
    if not 0 < lead_end <= LEAD_LENGTH:
        return list(statements)
    out = list(statements)
    ordered = sorted(statements, key=lambda c: c.start)
    scope = (ordered, [c.start for c in ordered])
    body = (lead_end, fold(text[lead_end : lead_end + LEAD_REACH]))
    for i, s in enumerate(statements):
        named = _lead_measure(s, text) if s.end <= lead_end else None
        if named is None:
            continue
        c = _body_amount(s, text, body, named, scope)
        if c is not None and not one_part_for_months(text, c, s):
            out[i] = with_result(s, c, None)
    return out


def _lead_measure(s: LinkableStatement, text: str) -> tuple[str, str | None] | None:
    """The measure and kind a lead's percentage of a plan names, if it is one to link."""
    if s.actual is not None or s.target is not None or s.stated_kind not in _KINDS_OF_PLAN:
        return None
    folded = fold(s.text)
    percent = folded.rfind("%")
    if percent < 0 or not PLAN_WORD_AFTER.match(folded[percent + 1 :] + " "):
        return None
    m = MEASURE_NAMES_RX.search(folded, 0, percent)
    if m is None:
        measure = plan_measure(s, text)
        return (measure, None) if measure else None
    return name_and_kind(folded, m)[0]


_KINDS_OF_PLAN = ("attainment", "excess")


def _body_amount(
    s: LinkableStatement,
    text: str,
    body: tuple[int, str],
    named: tuple[str, str | None],
    scope: tuple[Sequence[LinkableStatement], list[int]],
) -> LinkableStatement | None:
    """The one money amount of the measure (and kind) ``named`` after the lead, as a result.

    ``body`` is where the text after the lead starts and that text folded.
    """
    low, folded = body
    found = []
    for a in amounts_in(folded, 0, len(folded)):
        measure, kind = measure_kind(folded, a)
        if a.unit[1] not in MONEY_WORDS or measure != named[0] or kind in _OTHER_KINDS:
            continue
        if named[1] is not None and kind != named[1]:
            continue
        covering = covering_statement(*scope, shifted(a, low))
        if sets_out_plan(folded, a, 0) or (
            covering is not None and covering.stated_kind in _KINDS_OF_PLAN
        ):
            return None  # a plan, or an amount with an attainment of its own: not the lead's
        found.append(a)
    if len({a.value for a in found}) != 1:
        return None
    return as_result(s, found[0], folded, low, text, "")


# --------------------------------------------------------------------------- restated pairs


def link_restated_percentages(
    statements: Sequence[LinkableStatement],
) -> list[LinkableStatement]:
    """The statements, a percentage restated with its result given the plan it was checked on.

    ``Quý III, tỉnh giải ngân 420 tỷ đồng, bằng 60% kế hoạch.`` (its plan, 700 tỷ đồng, found
    and agreeing) ``… Đến nay, kết quả giải ngân đạt 420 tỷ đồng, bằng 60% kế hoạch.``: the
    same result with the same percentage of a plan, left with no plan, takes the plan the
    first agreed with. One plan only; an exact result and an unqualified percentage, or one
    hedged alike in both places (``khoảng 420 tỷ đồng, đạt khoảng 60% kế hoạch`` written
    twice) whose percentage its linked plan gives as written.
    """
    checked: dict[tuple[Decimal, str, str | None, bool], set[Decimal]] = {}
    for c in statements:
        if _restatable(c) and isinstance(c.target, Decimal) and _checked_on_plan(c):
            assert isinstance(c.actual, Decimal) and c.stated is not None
            checked.setdefault((c.actual, c.stated, c.qualifier, c.exact), set()).add(c.target)
    out = list(statements)
    for i, s in enumerate(statements):
        if not _restatable(s) or s.target is not None or s.link_start is not None:
            continue
        assert isinstance(s.actual, Decimal) and s.stated is not None
        plans = checked.get((s.actual, s.stated, s.qualifier, s.exact), set())
        if len(plans) == 1:
            out[i] = with_result(s, s, next(iter(plans)))
    return out


def _restatable(s: LinkableStatement) -> bool:
    return (
        s.stated_kind == "attainment"
        and isinstance(s.actual, Decimal)
        and s.stated is not None
        and s.qualifier in (None, *ABOUT)
    )


def _checked_on_plan(c: LinkableStatement) -> bool:
    """Whether ``c`` agrees with its plan.

    Checked consistent, or (approximate figures) its plan linked from elsewhere and giving
    the percentage as written.
    """
    if c.qualifier is None and c.exact:
        return c.verdict == "consistent"
    assert isinstance(c.target, Decimal)
    return c.link_start is not None and agrees(c, c.target)


# --------------------------------------------------------------------------- sibling plans

SIBLING_REACH = 4
"""How many statements before and after a percentage its sibling may stand."""
# "… 60% kế hoạch| của doanh thu", "… 60% kế hoạch| năm lợi nhuận": the measure named after
# the plan word
_MEASURE_AFTER_PLAN = rx(r"\s*(?:năm\s+)?(?:về\s+|của\s+)?")


def link_sibling_plans(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, a percentage beside a sibling checked on a plan given that plan's pair.

    ``… đạt 55% kế hoạch doanh thu và 70% kế hoạch lợi nhuận``, the plans set out together
    in one sentence (``kế hoạch doanh thu 800 tỷ đồng và lợi nhuận 60 tỷ đồng``): when the
    first percentage has been linked to its plan and agrees with it, the second, of the same
    kind, in the same sentence, with its own result and no plan, takes the one amount of its
    own measure in the sentence that set out the first's plan — and is checked on it (a
    disagreement is then a finding). Both measures named, and different.
    """
    out = list(statements)
    for i, s in enumerate(statements):
        if not _lacks_plan(s):
            continue
        low, high = max(0, i - SIBLING_REACH), min(len(statements), i + SIBLING_REACH + 1)
        for c in statements[low:high]:
            plan = _sibling_plan(c, s, text)
            if plan is not None:
                linked = with_result(s, s, plan.value)
                out[i] = dataclasses.replace(
                    linked,
                    link_start=plan.start,
                    link_end=plan.end,
                    link_text=text[plan.start : plan.end],
                )
                break
    return out


def _lacks_plan(s: LinkableStatement) -> bool:
    return (
        s.stated_kind in _KINDS_OF_PLAN
        and isinstance(s.actual, Decimal)
        and s.target is None
        and s.stated is not None
        and s.measure is not None
        and s.measure.split()[-1] in MONEY_WORDS
    )


def _sibling_plan(c: LinkableStatement, s: LinkableStatement, text: str) -> Amount | None:
    """The amount of ``s``'s measure set out beside the plan ``c`` was checked on, or None."""
    if (
        c is s
        or c.verdict != "consistent"
        or c.stated_kind != s.stated_kind
        or not isinstance(c.target, Decimal)
        or c.link_start is None
        or c.link_end is None
        or FULL_STOP.search(text, min(c.end, s.end), max(c.start, s.start)) is not None
    ):
        return None
    own, other = _percent_measure(text, s), _percent_measure(text, c)
    if own is None or other is None or own == other:
        return None
    start = max(text.rfind(". ", 0, c.link_start) + 1, text.rfind("\n", 0, c.link_start) + 1)
    ends = [e for e in (text.find(". ", c.link_end), text.find("\n", c.link_end)) if e >= 0]
    end = min(ends, default=len(text))
    folded = fold(text[start:end])
    found = _money_by_measure(folded)
    mine, theirs = found.get(own, []), found.get(other, [])
    if len({a.value for a in mine}) != 1 or c.target not in {a.value for a in theirs}:
        return None
    plan_scope = group_scope(folded, clause_head(folded, mine[0].start, 0), mine[0].start)
    if plan_scope is not None and _result_scope(text, s) not in (None, plan_scope):
        return None  # "lợi nhuận sau thuế cổ đông công ty mẹ" against a consolidated plan
    return shifted(mine[0], start)


SCOPE_REACH = 1200
"""How far before a percentage (characters) the result it took is looked for, to read
whether it is a group's consolidated figure or its parent's (:func:`_result_scope`)."""


def _result_scope(text: str, s: LinkableStatement) -> str | None:
    """The group's scope the result of the percentage ``s`` is written with, or None.

    ``hợp`` (consolidated) or ``công`` (the parent's), read in the sentence of the last
    amount of its value within :data:`SCOPE_REACH` before ``s``, up to that amount.
    """
    low = max(0, s.start - SCOPE_REACH)
    folded = fold(text[low : s.start])
    written = [a for a in amounts_in(folded, 0, len(folded)) if a.value == s.actual]
    if not written:
        return None
    a = written[-1]
    return group_scope(folded, clause_head(folded, a.start, 0), a.start)


def _percent_measure(text: str, s: LinkableStatement) -> str | None:
    """The measure (:data:`MEASURE_NAMES`) the percentage ``s`` is of, if named.

    Named right after its plan word (``70% kế hoạch lợi nhuận``), else the last one named
    in its clause before it (``lợi nhuận đạt 90 tỷ đồng, … và vượt 5% kế hoạch``).
    """
    after = fold(text[s.end : s.end + 60])
    m = MEASURE_NAMES_RX.match(after, _MEASURE_AFTER_PLAN.match(after).end())  # type: ignore[union-attr]
    if m is None:
        floor = max(0, s.start - 200)
        head = max(floor, *(text.rfind(mark, floor, s.start) + 1 for mark in ("; ", ". ", "\n")))
        stated = s.text.find(s.stated or "%")
        named = list(MEASURE_NAMES_RX.finditer(fold(text[head : s.start + max(stated, 0)])))
        m = named[-1] if named else None
    return None if m is None else MEASURE_NAMES.get(" ".join(m.group().split()))


def _money_by_measure(folded: str) -> dict[str, list[Amount]]:
    """The money amounts of ``folded`` (a sentence) by the measure each is of."""
    found: dict[str, list[Amount]] = {}
    for a in amounts_in(folded, 0, len(folded)):
        named = measure_of_amount(folded, a) if a.unit[1] in MONEY_WORDS else None
        measure = MEASURE_NAMES.get(" ".join(named.split())) if named else None
        if measure is not None:
            found.setdefault(measure, []).append(a)
    return found
