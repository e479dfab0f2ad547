"""The role the words before a figure give it in its clause, for :mod:`kpitools.extract.figures`.

:func:`role_from_lead` reads a number's role from the words before it in its clause (an actual, a
target, a whole, an excess or a modifier), and :func:`role_in_clause` the role as the rest of
its clause has it: a plan named after a slash or by its verb, a level expected or beaten, a
figure quoted from a resolution, a result with its own percentage or done under a plan.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from kpitools.extract.amounts import PERCENT_BEFORE
from kpitools.extract.continued_plans import PLAN_SET_OUT_WORDS, plan_going_on
from kpitools.extract.target_words import (
    ATTAINED_NEXT,
    MET_BEFORE,
    MET_WORDS,
    RANGE_OF_PLAN_NAMED,
    STRIVE,
)
from kpitools.extract.text import NUM, PLAN_NOUNS, Doc
from kpitools.numbers import parse_number
from kpitools.textfold import fold, rx

if TYPE_CHECKING:
    from kpitools.extract.figures import Figure


_OF = rx(r"(?<!\w)của\s*$")

# "đạt 640 hội viên, chưa kể 12 hội viên danh dự": an amount left out of the result, neither
# the result nor its plan
_LEFT_OUT = rx(r"(?<!\w)(?:chưa|không)\s+(?:tính|kể)(?:\s+(?:đến|tới))?\s*$")

# "còn kém chỉ tiêu 9 huy chương", "hụt kế hoạch 12 tỷ đồng": the shortfall from the plan,
# neither the result nor the plan ("thấp hơn mục tiêu đề ra là 64" names the plan)
_SHORT_OF = rx(
    r"(?<!\w)(?:kém|thiếu|hụt)\s+(?:so\s+với\s+)?(?:chỉ\s+tiêu|kế\s+hoạch|mục\s+tiêu"
    r"|dự\s+toán)(?:\s+(?:đề\s+ra|được\s+giao|giao))?(?:\s+đúng)?\s*$"
)

# "14 trên 20 xã": a count out of its whole; a year, a date or a range's end before "trên"
# is none ("năm 2041 trên 5.300 người", "giai đoạn 2036-2040 trên …", "tháng 6/2041 trên …":
# the period's figure, a floor)
WHOLE = rx(
    r"(?:(?<!\w)(?:trên|trong)\s+(?:tổng\s+)?số|(?<!\w)trên\s+tổng"
    r"|(?<!(?<![\d.,])(?:19|20)\d)(?<![/\-–]\d)(?<![/\-–]\d\d)(?<![/\-–]\d\d\d)\d\s+trên)\s*$"
)

# "vượt so với dự toán được tỉnh giao 40 cây": the margin over a plan compared with, only
# when the plan is named and who set it follows ("vượt so với kế hoạch 900 cây" names the
# plan itself, "vượt so với 40 cây năm trước" no plan); "không vượt …" states no excess
_EXCESS = rx(
    r"(?<!\w)(?<!không\s)(?<!chưa\s)vượt(?:\s+mức)?"
    r"(?:\s+(?:chỉ\s+tiêu|kế\s+hoạch|dự\s+toán|kh)"
    r"|\s+so\s+với\s+(?:chỉ\s+tiêu|kế\s+hoạch|dự\s+toán|kh)(?=\s+(?:được|giao|đề\s+ra)(?!\w)))?"
    r"(?:\s+(?:đề\s+ra|được(?:\s+[^\W\d_]+){0,2}?\s+giao|giao))?\s*$"
)

_TARGET_END = rx(
    rf"(?<!\w)(?:{PLAN_NOUNS}"
    # "chỉ tiêu nghị quyết giao là …": the plan named by the resolution that set it
    r"(?:\s+(?:kế\s+hoạch|nghị\s+quyết|đề\s+ra|đặt\s+ra|được\s+giao|giao|năm|cả\s+năm|là))*"
    r"\s*(?:là|:)?"
    # "(vượt mục tiêu là ít nhất 250.000 doanh nghiệp)": a floor after the copula
    r"(?:(?:(?<=là)|(?<=:))\s*(?:ít\s+nhất|tối\s+thiểu))?"
    # "ước đạt 40 tỷ đồng/KH giao 50 tỷ đồng", "40 tỷ đồng/KH 50 tỷ đồng": the plan's
    # abbreviation with a word of who assigned it, or right after a slash
    r"|(?:kh|ct)(?:\s+(?:năm|cả\s+năm))?\s+(?:được\s+)?(?:giao|đề\s+ra)\s*(?:là|:)?"
    # "gần chạm mục tiêu năm 2025 là 1,3 tỷ USD": an aim of the year named, then its figure;
    # "…; dự toán giao của năm 2041 là 1.800 cây": a plan given for the year named
    r"|(?:chỉ\s+tiêu|mục\s+tiêu)\s+(?:của\s+)?năm\s+(?:19|20)\d{2}\s+là"
    r"|(?:kế\s+hoạch|dự\s+toán)\s+(?:được\s+)?giao\s+(?:của\s+)?năm\s+(?:19|20)\d{2}\s+là"
    r"|(?<=/)\s*(?:kh|ct)(?:\s+(?:năm|cả\s+năm))?\s*:?)\s*$"
)

# "(Nghị quyết đề ra 2,8 triệu tấn)", "…, nghị quyết đề ra là 64%": the figure a resolution
# set, the resolution the subject of a clause after the sentence's first (a sentence that
# opens so may count what it set out: "Nghị quyết đề ra 25 chỉ tiêu, …")
_RESOLUTION_SETS = rx(
    r"^\s*(?:nghị\s+quyết|nq)(?:\s+[^\W\d_]+){0,4}?\s+(?:đề\s+ra|đặt\s+ra|giao)\s*(?:là|:)?\s*$"
)

# "cụ thể (như|là) kế hoạch năm 2041 …": a clause that details what was said before opens
# with its plan all the same
_TARGET_START = rx(
    r"^\s*(?:với\s+|cụ\s+thể(?:\s+(?:như|là))?[\s,:]+)?"
    r"(?:chỉ\s+tiêu|mục\s+tiêu|kế\s+hoạch\s+đề\s+ra|phấn\s+đấu"
    r"|kế\s+hoạch(?=\s+(?:năm|cả\s+năm|kết\s+nạp|phát\s+triển)(?!\w)))"
)

# "Chỉ tiêu … có mục tiêu là 450 tỷ đồng nhưng huyện đã thực hiện được 470 tỷ đồng": after
# the target's figure, a word of a result opens the result
_RESULT_AFTER_FIGURE = rx(
    r"\d[^\d]*(?<!\w)(?:nhưng|song|kết\s+quả|đã\s+thực\s+hiện|thực\s+hiện\s+được|đã\s+đạt"
    r"|đạt\s+được)(?!\w)[^\d]*$"
)

_NUMBER_END = re.compile(r"\d\s*$")

# "; dự toán thu phí và lệ phí là 40 tỷ đồng": a clause opening with a plan word, set out
# with "là" and no word of a result
_PLAN_ITEM = rx(
    rf"(?:^[\s(]*|(?<!\w)(?:,|;|và)\s+)(?:và\s+)?(?:tổng\s+)?{PLAN_NOUNS}"
    r"(?:\s+(?!(?:đạt|thực|kết|được|đã|ước|lũy|luỹ|còn)(?!\w))[^\W\d_]+){1,8}\s+là\s*$"
)

# "đặt kế hoạch kinh doanh với tổng doanh thu 500 tỷ đồng": a plan set out with what it counts;
# "lập", "xây dựng", "đề ra", "đưa ra" set one out alike
_SET_PLAN_WITH = rx(
    rf"{PLAN_SET_OUT_WORDS}(?:\s+[^\W\d_]+){{0,4}}?"
    r"\s+với\s+(?:[^\W\d_]+\s+){1,5}$"
)

# "được giao chỉ tiêu kết nạp 400 đảng viên": a target word a few words before the number,
# unless it is met ("hoàn thành vượt chỉ tiêu kết nạp 1.236 …" states a result)
_TARGET_WORDS = rx(
    rf"(?<!\w){PLAN_NOUNS}(?:\s+[^\W\d_]+){{1,3}}?"
    # "kế hoạch lợi nhuận trước thuế 300 tỷ đồng": a measure named with its kind of tax
    r"(?:\s+(?:trước|sau)\s+thuế)?\s*(?:là|:)?"
    r"(?:\s+(?:trên|hơn|gần|khoảng|tối\s+thiểu|ít\s+nhất))?\s*$"
)

# "chỉ tiêu trong nhiệm kỳ 2025 - 2030 kết nạp 60 đảng viên": a term's target, the term
# (and its years) named between the target word and what it counts
_TERM_PLAN = rx(
    r"(?<!\w)(?:chỉ\s+tiêu|mục\s+tiêu)\s+(?:(?:trong|của|cả|toàn)\s+)?nhiệm\s+kỳ"
    r"(?:\s+(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d)?(?:\s+[^\W\d_]+){1,3}?\s*(?:là|:)?\s*$"
)

# "tổng kế hoạch vốn đầu tư công năm nay 1.200 tỷ đồng": the plan of capital named at
# length, its amount right after the name (no word of a result between)
_CAPITAL_PLAN = rx(
    r"(?<!\w)kế\s+hoạch\s+vốn(?:\s+[^\W\d_]+){0,5}?(?:\s+năm\s+\d{4})?\s*(?:là|:)?\s*$"
)

# "kế hoạch vốn thực hiện các dự án …": what the capital is planned for, part of the name
_CAPITAL_PLAN_FOR = rx(r"(?<!\w)(kế\s+hoạch\s+vốn)\s+thực\s+hiện(?!\w)")

# "mục tiêu doanh thu (…", "kế hoạch lợi nhuận cả năm (…": a plan named by what it counts
_PLAN_NAMED = rx(rf"(?<!\w){PLAN_NOUNS}(?:\s+[^\W\d_]+){{1,5}}\s*$")

# "Để đạt mục tiêu đón 21,2 triệu lượt khách": a plan aimed at, not met
_PURPOSE_MET = rx(r"(?<!\w)(?:để|nhằm)\s+(?:đạt|hoàn\s+thành|vượt)(?:\s+được)?\s*$")

K_SHARE = rx(r"(?<!\w)(?:chiếm|đóng\s+góp)(?:\s+(?:tỷ|tỉ)\s+lệ)?\s*(?:khoảng|gần|hơn|trên)?\s*$")


# "đã thu mua 2.350 tấn trong tổng số sản lượng 2.500 tấn chè ước thu trong năm": the whole
# the result is counted in, its measure named, then said to be expected or planned
_AMONG_NAMED_WHOLE = rx(r"(?<!\w)trong\s+tổng\s+số(?:\s+(?!đó(?!\w))[^\W\d_]+){1,3}\s*$")

_EXPECTED_AFTER = rx(
    r"[^\d,;:()]*?(?<!\w)(?:ước(?:\s+tính)?|dự\s+kiến|theo\s+kế\s+hoạch)\s+"
    r"(?:thu|đạt|thu\s+hoạch|sản\s+xuất|là)(?!\w)"
)


def _expected_whole(doc: Doc, fig: Figure, lead: str) -> bool:
    """Whether ``fig`` is a whole named with its measure after ``trong tổng số`` and said to
    be expected or planned in the words after it (:data:`_AMONG_NAMED_WHOLE`,
    :data:`_EXPECTED_AFTER`): no result, the base of the result before it."""
    if not _AMONG_NAMED_WHOLE.search(lead):
        return False
    return _EXPECTED_AFTER.match(doc.fold, fig.end, fig.sentence.end) is not None


# "… chỉ tiêu kế hoạch như: sản lượng 31.420 tấn/KH 33.000 tấn": the plan written after a
# slash, the figure before it the result whatever plan words come before it
_SLASH_PLAN_AFTER = rx(r"(?:\s*[^\W\d_]+){0,3}?\s*/\s*(?:kh|kế\s+hoạch|chỉ\s+tiêu)\s*:?\s*\d")


def plan_after_slash(doc: Doc, fig: Figure) -> bool:
    """Whether the plan of ``fig`` is written right after it, after a slash
    (:data:`_SLASH_PLAN_AFTER`): ``fig`` is the result, not a target."""
    return _SLASH_PLAN_AFTER.match(doc.fold, fig.end, fig.sentence.end) is not None


def role_in_clause(doc: Doc, fig: Figure, lead: str, role: str) -> str:
    """The role the words before ``fig`` give it (``role``) as the rest of its clause reads
    it: a target that is a result with its own percentage, done under a plan or with its
    plan after a slash (:data:`_SLASH_PLAN_AFTER`); a result
    that is the expected whole of the result before it (:func:`_expected_whole`); an excess
    that is the level a rate beat (:data:`_LEVEL_BEATEN`)."""
    if role == "target" and (
        _result_with_own_percent(doc, fig, lead)
        or under_plan_attained(doc, fig, lead)
        or plan_after_slash(doc, fig)
        or _verb_plan_of_another_unit(doc, fig, lead)
    ):
        return "actual"
    if role == "actual" and _expected_whole(doc, fig, lead):
        return "whole"
    if role == "target" and (
        _expected_beside_plan(doc, fig, lead) or _plan_of_another_year(doc, fig, lead)
    ):
        return "modifier"
    if role == "excess" and _level_beaten(doc, fig, lead):
        return "target"
    if role == "actual" and _margin_over_plan(doc, fig, lead):
        return "excess"
    if role == "actual" and _plan_going_on(doc, fig):
        return "target"
    return role


def _plan_going_on(doc: Doc, fig: Figure) -> bool:
    """Whether the money figure ``fig``, opening its sentence, goes on with the plan the
    sentence before sets out (:func:`~kpitools.extract.continued_plans.plan_going_on`)."""
    if fig.measure is None or fig.kind != "count" or fig.clause != fig.sentence.start:
        return False
    end = fig.tail_end if fig.tail_end is not None else fig.end
    return plan_going_on(doc.fold, fig.start, end)


# "…, nhiều hơn 46 nhà so với kế hoạch": a margin over the plan written as a rise, as after "vượt"
_RISE_LEAD = rx(r"(?<!\w)(?:tăng|nhiều\s+hơn|cao\s+hơn)(?:\s+thêm)?\s*(?:khoảng|gần|hơn|trên)?\s*$")

_PLAN_COMPARED = rx(r"\s*so\s+với\s+(?:chỉ\s+tiêu|kế\s+hoạch|mục\s+tiêu|dự\s+toán|kh)(?!\w)")


# "…, bằng 127% kế hoạch năm": the percentage of the plan right after the margin
_PLAN_PERCENT_AFTER = rx(
    r"[^.;%]{0,30}?,\s*(?:đạt|bằng|hoàn\s+thành)(?:\s+[^\W\d_]+)?\s+\d[\d.,]*\s*%"
)


def _margin_over_plan(doc: Doc, fig: Figure, lead: str) -> bool:
    """Whether ``fig`` rises over the plan named right after it and its noun, the plan's
    percentage after it (``nhiều hơn 46 nhà so với kế hoạch, bằng 127% kế hoạch năm``): the
    margin, no result (the result is written before, the percentage its)."""
    if not _RISE_LEAD.search(lead):
        return False
    m = _PLAN_COMPARED.match(doc.fold, fig.noun_end or fig.tail_end or fig.end)
    return (
        m is not None and _PLAN_PERCENT_AFTER.match(doc.fold, m.end(), fig.sentence.end) is not None
    )


# "đạt 25% kế hoạch thu 5.460 tỷ đồng": a plan named by the verb of what it plans alone
_PERCENT_OF_VERB_PLAN = rx(
    rf"%\s*(?:so\s+(?:với\s+)?)?{PLAN_NOUNS}\s+(?:tổng\s+)?"
    r"(?:phát\s+hành|huy\s+động|tiếp\s+nhận|giải\s+ngân|sản\s+xuất|thu(?!\w))"
    r"(?:\s+(?:năm|cả\s+năm|đề\s+ra))?\s*(?:là|:)?\s*$"
)

# a number and the word or two after it (its unit; two when the first is a scale)
_NUMBER_AND_UNIT = re.compile(r"(?<![\d.,/])\d+(?:[.,]\d+)*\s+([^\W\d_]+)(?:\s+([^\W\d_]+))?")

_SCALE_WORDS = frozenset(fold(w) for w in ("tỷ", "tỉ", "triệu", "nghìn", "ngàn"))


_DONG = fold("đồng")


def _unit_of(m: re.Match[str] | None) -> str | None:
    """The unit a number counts, its scale set aside (``3 nghìn tỷ đồng`` and ``900 tỷ
    đồng`` are both money, and so is a bare ``3.000 tỷ``)."""
    if m is None:
        return None
    words = [w for w in (m.group(1), m.group(2)) if w and w not in _SCALE_WORDS]
    if m.group(1) in _SCALE_WORDS and (not words or words[0] == _DONG):
        return _DONG
    return words[0] if words else None


def _verb_plan_of_another_unit(doc: Doc, fig: Figure, lead: str) -> bool:
    """Whether ``fig``, after a plan named by its verb (``đạt 30% kế hoạch thu``), counts
    something no figure before the percentage counts (``thu 900 tấn …, đạt 30% kế hoạch
    thu 3 vụ``: seasons, no plan of tonnes)."""
    m = _PERCENT_OF_VERB_PLAN.search(lead)
    if m is None:
        return False
    results = list(_NUMBER_AND_UNIT.finditer(doc.fold, fig.sentence.start, fig.clause + m.start()))
    if not results:
        return False
    unit = _unit_of(_NUMBER_AND_UNIT.match(doc.fold, fig.start))
    return unit is None or all(_unit_of(r) != unit for r in results)


_PLAN_OF_YEAR = rx(
    r"(?<!\w)(?:kế\s+hoạch|dự\s+toán)\s+(?:được\s+)?giao\s+(?:của\s+)?năm\s+((?:19|20)\d{2})"
    r"\s+là\s*$"
)


def _plan_of_another_year(doc: Doc, fig: Figure, lead: str) -> bool:
    """Whether ``fig`` is the plan given for a year (``kế hoạch giao năm 2038 là …``) other
    than the year its text reports on: no target of this year's result."""
    m = _PLAN_OF_YEAR.search(lead)
    if m is None:
        return False
    last = bisect.bisect_left(doc.report_years, (fig.start, -1)) - 1
    return last >= 0 and doc.report_years[last][1] != int(m.group(1))


# "đạt 12,4 bác sĩ/vạn dân, vượt mức 11 bác sĩ/vạn dân": a rate above the level set, which
# is the rate's target (a rate per some people or area is never an excess written as a count)
_LEVEL_BEATEN = rx(r"(?<!\w)vượt\s+mức\s*$")

_RATE_UNIT = re.compile(r"\s*[^\W\d_]+(?:\s+[^\W\d_]+){0,2}\s*/\s*[^\W\d_]")

# "…, bằng 87% kế hoạch năm": a percentage of a plan named after it
_PERCENT_OF_PLAN_AFTER = rx(
    rf"(?:{NUM})\s*%\s*(?:so\s+với\s+)?(?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu)(?!\w)"
)


def _expected_beside_plan(doc: Doc, fig: Figure, lead: str) -> bool:
    """Whether ``fig`` is a level expected (:data:`_EXPECTED_LEVEL`) in a sentence whose
    percentage after it names a plan: the plan is another figure, the expectation none."""
    return (
        _EXPECTED_LEVEL.search(lead) is not None
        and _PERCENT_OF_PLAN_AFTER.search(doc.fold, fig.end, fig.sentence.end) is not None
    )


# "vượt mức 3 tạ/ha so với kế hoạch": the excess over a plan named after it
_COMPARED_AFTER = rx(r"[^,;.()]*?(?<!\w)so\s+với(?!\w)")


def _level_beaten(doc: Doc, fig: Figure, lead: str) -> bool:
    """Whether ``fig``, read as an excess after ``vượt mức``, is a rate (a unit per
    something right after it) compared with nothing after it and close to the result before
    it (:func:`_near_the_result`): the level beaten."""
    return (
        _LEVEL_BEATEN.search(lead) is not None
        and _RATE_UNIT.match(doc.fold, fig.end) is not None
        and _COMPARED_AFTER.match(doc.fold, fig.end, fig.sentence.end) is None
        and _near_the_result(doc, fig)
    )


_ANY_NUM = re.compile(NUM)


def _near_the_result(doc: Doc, fig: Figure) -> bool:
    """Whether ``fig`` is at least half the last figure before its clause (the result): a
    level beaten is near the result, an excess (``đạt 62,5 tạ/ha, vượt mức 2,5 tạ/ha``) not."""
    before = list(_ANY_NUM.finditer(doc.fold, fig.sentence.start, fig.clause))
    if not before:
        return False
    try:
        result = parse_number(before[-1].group())
    except ValueError:
        return False
    return bool(fig.values) and 2 * fig.values[0] >= result


# "… như gạo đạt gần 200 tấn, vượt 20% kế hoạch": a verb of a result right before a figure
_RESULT_VERB_END = rx(r"(?<!\w)đạt\s*(?:(?:gần|khoảng|hơn|trên)\s*)?$")

# "…, đạt 60% kế hoạch và vốn xã là 8 tỷ đồng, đạt 30% …": a plan named, then the next item
_NEXT_ITEM_IS = rx(r"%[^,;:()%]*?\svà\s[^,;:()%]*?\slà\s*(?:(?:gần|khoảng|hơn|trên)\s*)?$")


def _result_with_own_percent(doc: Doc, fig: Figure, lead: str) -> bool:
    """Whether a figure read as a target by a plan named earlier in its clause is a result:
    reached (``đạt`` right before it) and followed by its own percentage of the plan
    (``các mặt hàng đều vượt kế hoạch như gạo đạt 200 tấn, vượt 20% kế hoạch, chè đạt
    50 tấn …``), or the next item's amount after ``và … là`` (``…, đạt 60% kế hoạch và vốn
    xã là 8 tỷ đồng, đạt 30% …``): never the target of the next item's amount."""
    return (
        (_RESULT_VERB_END.search(lead) is not None or _NEXT_ITEM_IS.search(lead) is not None)
        and not STRIVE.search(lead)
        and not _aimed(lead)
        and attained_after(doc.fold, fig)
    )


def under_plan_attained(doc: Doc, fig: Figure, lead: str) -> bool:
    """Whether a figure is the part of a result done under a plan, with its own attainment
    of the plan after it (``diện tích trồng theo kế hoạch giao là 300 ha, đạt 40% kế
    hoạch``): a result, though a plan is named before it in its clause."""
    return _UNDER_PLAN.search(lead) is not None and attained_after(doc.fold, fig)


# "diện tích trồng theo kế hoạch giao là 300 ha, …": a measure of what is done under the plan
_UNDER_PLAN = rx(
    r"(?<!\w)[^\W\d_]+\s+theo\s+(?:kế\s+hoạch|chỉ\s+tiêu)(?:\s+[^\W\d_]+){0,3}?\s+là\s*$"
)


def target_word(lead: str, pattern: re.Pattern[str]) -> re.Match[str] | None:
    """A target word of ``lead`` that is not the noun of a count ("9 chỉ tiêu vượt")."""
    for m in pattern.finditer(lead):
        if not _NUMBER_END.search(lead[: m.start()]):
            return m
    return None


# "vượt mục tiêu Chính phủ giao 65 tỷ USD", "vượt mục tiêu phấn đấu 26.000 tỷ đồng", "vượt
# xa mức được giao là 17.726 tỷ đồng": the amount of the plan named by who set it or as
# striven for (not "vượt kế hoạch 2 triệu tấn", an excess)
# "…, không hoàn thành chỉ tiêu kết nạp 140 đảng viên": the plan a result before missed
_MISSED_NAMED_PLAN = rx(
    r"(?<!\w)(?:không|chưa)\s+(?:hoàn\s+thành|đạt)\s+(?:được\s+)?(?:chỉ\s+tiêu|mục\s+tiêu"
    r"|kế\s+hoạch)(?:\s+[^\W\d_]+){0,3}?\s*(?:là\s*)?$"
)

_BEAT_NAMED_PLAN = rx(
    rf"(?<!\w)vượt\s+(?:mức\s+)?{PLAN_NOUNS}\s+"
    r"(?:phấn\s+đấu|(?:của\s+)?(?:chính\s+phủ|thủ\s+tướng(?:\s+chính\s+phủ)?|trung\s+ương"
    r"|quốc\s+hội|hđnd(?:\s+tỉnh)?|hội\s+đồng\s+nhân\s+dân(?:\s+tỉnh)?|tỉnh|thành\s+phố)"
    r"(?:\s+(?:đã\s+)?(?:giao|đề\s+ra))?)\s*(?:là\s*)?$"
    r"|(?<!\w)vượt(?:\s+xa)?\s+mức\s+(?:được\s+)?giao(?:\s+là)?\s*$"
    # "vượt xa mục tiêu theo Nghị quyết Đại hội … đến năm 2025 là 1,765 tỷ USD", "vượt mục
    # tiêu được Quốc hội phê duyệt là 8,3 triệu tỷ đồng": the plan named by the document or
    # the body that set it, then its amount after "là"
    rf"|(?<!\w)vượt(?:\s+xa)?\s+(?:so\s+với\s+)?{PLAN_NOUNS}\s+"
    r"(?:(?:của|theo)\s+(?:nghị\s+quyết|kế\s+hoạch|chiến\s+lược|đề\s+án|chương\s+trình)"
    r"|được(?:\s+[^\W\d_]+){1,4}?\s+(?:giao|đề\s+ra|phê\s+duyệt|thông\s+qua))"
    # no margin's words in the gap ("… giao với mức vượt là 400 tỷ đồng", "… tăng thêm là")
    r"(?:\s+(?:(?!(?:vượt|tăng|giảm|thêm|hơn|với|mức|số|phần)(?!\w))[^\W\d_]+|(?:19|20)\d\d))"
    r"{0,14}?\s+là\s*$"
)

# "đạt tỷ lệ 91,4% kế hoạch vốn … giao năm 2025 là 120.353 tỷ đồng": the plan's amount
# after the percentage of it
_PLAN_IS = rx(
    rf"%\s*(?:so\s+(?:với\s+)?)?{PLAN_NOUNS}"
    r"(?:\s+[^\s,;:()%]+){0,9}?\s+(?:là|:)"
    # "… kế hoạch đề ra cho năm là đón 4,3 triệu lượt khách": the plan's verb after "là"
    r"(?:\s+(?:đón|thu|thu\s+hút|kết\s+nạp|phát\s+triển|giải\s+ngân|xuất\s+khẩu))?\s*$"
    # "… 91% tổng mức vốn do Bộ giao là 1.200 tỷ đồng": the capital assigned, then its amount
    r"|%\s*(?:so\s+(?:với\s+)?)?(?:tổng\s+)?(?:số\s+)?(?:mức\s+)?vốn(?:\s+[^\s,;:()%]+){0,8}?"
    r"\s+(?:được\s+)?giao\s+(?:là|:)\s*$"
)

# "vượt kế hoạch 52% (5.554 tỷ đồng)": the plan's amount in brackets after the percentage
_PLAN_PERCENT = rx(
    rf"(?<!\w){PLAN_NOUNS}\s+(?:(?:khoảng|gần|hơn|trên)\s+)?"
    rf"(?:{NUM})\s*%\s*$"
)

# "hoàn thành 60% kế hoạch lợi nhuận sau thuế 2.000 tỷ đồng", "bằng 70% so với mục tiêu lãi
# 900 tỷ": the amount of the plan a percentage is of, the plan named by its measure
# ("đạt 35% kế hoạch tiếp nhận 4.000 tấn", "bằng 8% kế hoạch huy động 90.000 tỷ đồng": or
# by the verb of what it plans)
PERCENT_OF_MEASURE_PLAN = rx(
    rf"%\s*(?:so\s+(?:với\s+)?)?{PLAN_NOUNS}\s+(?:tổng\s+)?"
    r"(?:doanh\s+thu|lợi\s+nhuận|lãi(?!\s+suất)|thu\s+ngân\s+sách|thu\s+nội\s+địa|xuất\s+khẩu"
    r"|phát\s+hành|huy\s+động|tiếp\s+nhận|giải\s+ngân|sản\s+xuất|thu(?!\w)|đón(?!\w))"
    r"(?:\s+(?:trước\s+thuế|sau\s+thuế|ròng|thuần|gộp|hợp\s+nhất))?"
    r"(?:\s+(?:năm|cả\s+năm|đề\s+ra))?\s*(?:là|:)?\s*$"
)


# "Chiến dịch … với mục tiêu nâng tổng vốn … được giải ngân đạt hơn 11.400 tỉ đồng": a figure
# an aim sets out in its clause, however many words after the aim (no result word between)
_AIM = rx(r"(?<!\w)(?:với|đặt(?:\s+ra)?|nhằm|hướng\s+tới)\s+mục\s+tiêu(?!\w)")

_RESULT_AFTER_AIM = rx(r"(?<!\w)(?:đã|kết\s+quả|thực\s+hiện\s+được|nhờ\s+đó)(?!\w)")


# "bằng 41% mục tiêu của Đề án “Xây dựng ít nhất 10.000 căn hộ …”": the plan's figure in
# the quoted name of the programme whose target the percentage right before it is of
_PLAN_IN_NAME = rx(
    r"%\s*(?:so\s+với\s+)?(?:chỉ\s+tiêu|mục\s+tiêu|kế\s+hoạch)\s+(?:của|theo)\s+"
    r"(?:đề\s+án|chương\s+trình|dự\s+án|kế\s+hoạch|nghị\s+quyết)(?:\s+[^\W\d_]+){0,3}\s*[“\"«]"
    r"(?:\s*[^\W\d_]+){0,8}?(?:\s+(?:ít\s+nhất|tối\s+thiểu|hơn|trên|khoảng))?\s*$"
)


def _capital_plan(lead: str) -> bool:
    """Whether ``lead`` ends naming a plan of capital (:data:`_CAPITAL_PLAN`) with no word
    of a result in the name (``phần kế hoạch vốn đã được giải ngân đạt …`` is a result);
    ``thực hiện`` right after the plan's name says what the capital is for (``kế hoạch vốn
    thực hiện ba dự án``), no result."""
    lead = _CAPITAL_PLAN_FOR.sub(r"\1", lead)
    m = _CAPITAL_PLAN.search(lead)
    return m is not None and not (
        MET_WORDS.search(lead, m.start()) or RESULT_AFTER_TARGET.search(lead, m.start())
    )


def _aimed(lead: str) -> bool:
    """Whether ``lead`` (a figure's clause before it) sets out an aim the figure is of."""
    m = _AIM.search(lead)
    return m is not None and not _RESULT_AFTER_AIM.search(lead, m.end())


# "… chỉ còn 230 phút, vượt mục tiêu kế hoạch đầu năm (233 phút)": the plan beaten, in
# brackets after its name
_BEATEN_PLAN = rx(
    r"(?<!\w)vượt\s+(?:mức\s+)?(?:mục\s+tiêu|kế\s+hoạch|chỉ\s+tiêu)(?:\s+[^\W\d_]+){0,5}\s*$"
)


# "đạt 105% kế hoạch và 3 triệu cây …": the plan a percentage is of, not a plan of the next


def _met_before(lead: str) -> bool:
    """Whether a plan named at the end of ``lead`` is met ("đạt mục tiêu"), not aimed at
    ("Để đạt mục tiêu …")."""
    return bool(MET_BEFORE.search(lead)) and not _PURPOSE_MET.search(lead)


def _counted_plan_in_bracket(fig: Figure, lead: str, outer: str) -> bool:
    """Whether ``fig`` is a count of things (a noun after it, no money) opening a bracket
    right after ``vượt kế hoạch …`` (:data:`_BEATEN_PLAN`): the plan beaten, whatever
    :data:`_EXCESS` says of the words."""
    return (
        fig.kind == "count"
        and fig.noun_start is not None
        and fig.measure is None
        and lead.strip(" (") == ""
        and outer is not lead
        and _BEATEN_PLAN.search(outer) is not None
    )


# "lãi ròng kỳ vọng đạt 390 tỷ đồng": the level a body expects to reach, its target
_EXPECTED_LEVEL = rx(
    r"(?<!\w)k[ỳì]\s+vọng(?:\s+sẽ)?\s+(?:đạt|là|ở\s+mức)(?:\s+(?:khoảng|gần|hơn|trên))?\s*$"
)


def role_from_lead(fig: Figure, lead: str, outer: str) -> str:
    """The role of a number from the words before it in its clause (``lead``) or, for a
    number opening a bracket, before the bracket (``outer``)."""
    if _OF.search(lead) or _LEFT_OUT.search(lead) or _SHORT_OF.search(lead):
        return "modifier"
    if WHOLE.search(lead) or WHOLE.search(outer):
        return "whole"
    if fig.kind == "pair":
        # "chiếm khoảng 1/3 toàn tỉnh": a share written as a fraction, no result
        return "modifier" if K_SHARE.search(lead) else "actual"
    if _BEAT_NAMED_PLAN.search(lead) or _MISSED_NAMED_PLAN.search(lead):
        return "target"
    if _counted_plan_in_bracket(fig, lead, outer):
        return "beaten_plan"  # "vượt kế hoạch đề ra (5.000 căn)": the plan, not the excess
    if _EXCESS.search(lead) or _EXCESS.search(outer):
        return "excess"
    if (
        target_word(lead, _TARGET_END)
        or target_word(outer, _TARGET_END)
        or (_TARGET_START.search(lead) and not _RESULT_AFTER_FIGURE.search(lead))
        or STRIVE.search(lead)
        or _SET_PLAN_WITH.search(lead)
        or _PLAN_ITEM.search(lead)
        or _aimed(lead)
        or (
            (m := target_word(lead, _TARGET_WORDS))
            and not _met_before(lead[: m.start()])
            and not PERCENT_BEFORE.search(lead[: m.start()])
        )
        or _PLAN_IS.search(lead)
        or _EXPECTED_LEVEL.search(lead)
        or (fig.kind == "range" and RANGE_OF_PLAN_NAMED.search(lead))
        or _TERM_PLAN.search(lead)
        or (fig.clause > fig.sentence.start and _RESOLUTION_SETS.search(lead))
        or PERCENT_OF_MEASURE_PLAN.search(lead)
        or _capital_plan(lead)
        or _PLAN_IN_NAME.search(lead)
        or (lead.strip(" (") == "" and _PLAN_PERCENT.search(outer))
        or (  # "46% mục tiêu doanh thu (38.185 tỷ đồng)": the amount of the plan named
            lead.strip(" (") == ""
            and (m := target_word(outer, _PLAN_NAMED))
            and not MET_BEFORE.search(outer[: m.start()])
        )
    ):
        return "target"
    if lead.strip(" (") == "" and outer is not lead and _BEATEN_PLAN.search(outer):
        return "beaten_plan"
    return "actual"


# ------------------------------------------------- shared with the other modules of the grammar


def attained_after(folded: str, f: Figure) -> bool:
    """Whether ``f`` is followed by its own attainment of a plan: a result, never a part
    of a target (``…, trong đó thu nội địa 4.000 tỷ đồng, đạt 100% kế hoạch``)."""
    return ATTAINED_NEXT.match(folded[f.end : f.end + 80]) is not None


# a word of a result after a target ("…, kết quả kết nạp được 171", "…, ước đạt 3 triệu tấn")
RESULT_AFTER_TARGET = rx(r"(?<!\w)(?:ước|lũy\s+kế|luỹ\s+kế|còn|đã|mới|đến\s+nay)(?!\w)")
