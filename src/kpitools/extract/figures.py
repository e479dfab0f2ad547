"""Figures and their roles for :mod:`kpitools.extract.grammar`: the patterns a figure is read
with, :class:`Figure` and :class:`Draft`, :func:`scan`, and the role a figure's words give it
(an actual, a target, a whole, an excess or a modifier), read from the words of its clause in
:mod:`kpitools.extract.figure_roles`.

The patterns of the numbers themselves and the values a match states are in
:mod:`kpitools.extract.numerals`.

The words before a figure that set it out as a target (a plan or resolution that sets it
out, a yearly norm, a heading that assigns targets) are read in
:mod:`kpitools.extract.target_words`; the figures read as a result that are none (units
counted out of all, ranks, labels, dates, sizes, restated changes, totals brought) in
:mod:`kpitools.extract.non_results`.

The patterns and helpers here are shared by the other modules of the grammar
(:mod:`kpitools.extract.assembly`, :mod:`kpitools.extract.percentages`,
:mod:`kpitools.extract.kinds`, :mod:`kpitools.extract.consistency`,
:mod:`kpitools.extract.records`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from kpitools.extract.amounts import MEASURE_NAMES
from kpitools.extract.figure_roles import (
    WHOLE,
    plan_after_slash,
    role_from_lead,
    role_in_clause,
    under_plan_attained,
)
from kpitools.extract.non_results import (
    container_counted,
    counted_by_threshold,
    dotted_date,
    label_numeral,
    listed_round,
    past_value,
    ranked,
    restated_change,
    share_of_time,
    size_of_counted,
    slashed_occasion,
    stock_before_planned_cut,
    top_rank,
    total_brought,
    units_out_of_all,
    unsigned_percent,
)
from kpitools.extract.numerals import (
    COUNT,
    COUNT_COMPOUND,
    COUNT_HALF,
    COUNT_SPACED,
    DASH_RANGE,
    MONEY,
    MONEY_COMPOUND,
    MONEY_HALF,
    MONEY_PAIR,
    MONEY_PAIR_BOTH,
    MONEY_PAIR_ONCE,
    MONEY_PAIR_SCALED,
    MONEY_RANGE,
    MONEY_RANGE_UNITS,
    MONEY_SPACED,
    MONEY_THOUSANDS,
    NOUN_PAIR,
    PAIR,
    PERCENT,
    PERCENT_SPACED,
    PERCENT_UNSIGNED,
    RANGE,
    RATE_RANGE,
    UNIT_PAIR,
    money_unit,
    people_among_people,
    values_or_noted,
    whole_people,
)
from kpitools.extract.past_bases import (
    COMPARE_WITH_WORDS,
    COMPARE_WORDS,
    LAST_PERIOD,
    LAST_YEAR,
    NAMED_YEAR_WORDS,
    OF_YEAR,
    PAST_YEAR,
    PRIOR_PERIOD,
    SAME_PERIOD,
    SHORT_BASES,
    YEAR_DIGITS,
)
from kpitools.extract.target_words import (
    AIM_WORDS,
    PLAN_WORDS,
    UPWARDS,
    heading_target,
    sets_target,
)
from kpitools.extract.text import NUM, PLAN_NOUNS, Doc, Sentence
from kpitools.numbers import Percent
from kpitools.textfold import fold, rx, words_rx

Value = Decimal | tuple[Decimal, Decimal]


class Matcher(Protocol):
    def match(self, after: str, near: str, context: str) -> tuple[str, int] | None: ...


# --------------------------------------------------------------------------- figures

# ("m3", "km2": a square or cubic measure keeps its power)
WORD = re.compile(r"[ \t]*([^\W\d_]+(?:(?<=m)[23²³](?!\w))?)")
# compared with their tone marks: folded, "đảng" (Party) would be "đang" (currently)
STOP = frozenset(
    w
    for w in [
        "so",
        "với",
        "và",
        "đạt",
        "vượt",
        "tăng",
        "giảm",
        "chiếm",
        "bằng",
        "là",
        "được",
        "đã",
        "đang",
        "sẽ",
        "có",
        "cho",
        "theo",
        "trên",
        "từ",
        "đến",
        "tới",
        "vào",
        "thuộc",
        "để",
        "của",
        "tại",
        "ở",
        "trong",
        "nhưng",
        "hoặc",
        "nên",
        "thì",
        "mà",
        "này",
        "đó",
        "khi",
        "lên",
        "ra",
        "về",
        "như",
        "cùng",
        "còn",
        "trở",
        "hết",
        "nhằm",
        "gồm",
        "mỗi",
        "các",
        "những",
        "nhiều",
        "với",
        "trực",
        "tiếp",
        "thường",
        "xuyên",
    ]
)
# "khoảng trên 100.000 tỷ đồng": a bound said to be about, the bound's word the qualifier
_QUALIFIER = rx(r"(?<!\w)(?:khoảng\s+(?=(?:trên|gần|hơn)\s))?(trên|gần|hơn|khoảng)\s+$")
# "thấp hơn 0,35 điểm phần trăm so với kế hoạch và 1,12 điểm phần trăm so với năm trước":
# a rate's difference from another (its plan, a past year), no result nor plan
_RATE_POINTS = rx(r"\s*điểm\s+(?:phần\s+trăm|%)(?!\w)")
_COMPARATIVE_LEAD = rx(r"(?<!\w)(?:(?:cao|thấp)\s+hơn|kém)(?!\w)")
# "khai thác được 72,38 tấn so với 57,9 tấn giao": the figure compared with, named as the
# plan by the words after its noun
_COMPARED_LEAD = rx(r"(?<!\w)so\s+với\s*$")
_ASSIGNED_AFTER = rx(
    r"\s*(?:[^\W\d_]+\s+){1,3}?(?:(?:được\s+|đã\s+)?(?:giao|đề\s+ra)|theo\s+kế\s+hoạch)(?!\w)"
)
# "tỷ lệ bao phủ chiếm 91,4% (dân số 612.300 người)": the population a share is of, in
# brackets after it, no result
_BASE_IN_BRACKET = rx(
    r"%\s*\(\s*(?:trên\s+)?(?:tổng\s+)?dân\s+số(?:\s+[^\W\d_]+){0,3}?\s*(?:là\s*|:\s*)?$"
)
# a whole-term figure: "Trong nhiệm kỳ 2020-2025, …", "cả nhiệm kỳ", "Nhiệm kỳ qua, …"
TERM = rx(
    r"(?:(?<!\w)(?:trong|cả|suốt|qua|sau|hết)\s+(?:\d+\s+năm\s+)?(?:của\s+)?|^[\s(]*)"
    r"nhiệm\s+kỳ(?:\s+(?P<a>(?:19|20)\d{2})\s*[-–—]\s*(?P<b>(?:19|20)\d{2}))?(?!\w)"
)
# the congress of a term, whose resolution sets the term's targets
CONGRESS_TERM = rx(
    r"(?<!\w)đại\s+hội(?!\w)[^.;:]{0,80}?nhiệm\s+kỳ\s+(?:19|20)\d{2}\s*[-–—]\s*(?:19|20)\d{2}"
    r"(?!\w)"
)
COMPARE_NEXT = rx(r"^\s*so\s+với(?!\w)")

# "32.011 tỷ đồng, hoàn thành đúng dự toán của Trung ương và đạt 94% dự toán của tỉnh giao":
# one plan met, the percentage of the other one follows
_MET_OTHER_PLAN = (
    r"hoàn\s+thành(?:\s+(?:đúng|vượt))?\s+(?:dự\s+toán|kế\s+hoạch|chỉ\s+tiêu)"
    r"(?:\s+(?:của|trung\s+ương|tỉnh|thành\s+phố|huyện|xã|phường|năm|được|giao))*\s+và"
)
# the base of a growth just stated ("tăng 16,7% so với năm 2024 và vượt 7,9% kế hoạch"): the
# year compared with only after "so với (cùng kỳ) năm", never a year opening a clause
_PAST_BASE = (
    # round 117: "so với 2040" (the year alone, before the next verb or a joint); before
    # "so với cùng kỳ", which CONNECTORS would keep, the year left over
    rf"{COMPARE_WORDS}(?:{SAME_PERIOD}\s+)?{YEAR_DIGITS}(?!\d|[.,]\d)"
    r"(?=\s*(?:[,;(]|$|(?:và|đạt|bằng|hoàn|thực|vượt|chỉ|mới)(?!\w)))"
    rf"|{COMPARE_WORDS}(?:{SAME_PERIOD}\s+)?(?:{LAST_YEAR}(?:\s+đó)?|{NAMED_YEAR_WORDS}(?!\d))"
    rf"|{COMPARE_WORDS}{SAME_PERIOD}|(?:{SAME_PERIOD}\s+)?{LAST_YEAR}|{PRIOR_PERIOD}"
    # "so với 6 tháng đầu năm 2040", "so với 11 tháng của năm 2040", "so với quý I/2040"
    rf"|{COMPARE_WORDS}(?:(?:\d{{1,2}}|sáu|chín)\s+tháng(?:\s+đầu)?(?:\s+của)?(?:\s+năm)?\s+"
    rf"|quý\s+[ivx]{{1,3}}\s*(?:/\s*|năm\s+)){YEAR_DIGITS}(?!\d)"
    # round 117: "so với năm trước đó" (in the second alternative: never "năm trước đó"
    # without "so", a past year's own result), "so với nửa đầu năm ngoái", "so với 6 tháng
    # đầu năm trước", "so với năm học trước", "so với vụ trước"
    rf"|{COMPARE_WORDS}(?:(?:nửa|(?:\d{{1,2}}|sáu|chín)\s+tháng)\s+(?:đầu|cuối)(?:\s+của)?"
    rf"|quý\s+[ivx]{{1,3}}(?:\s+của)?)\s+{LAST_YEAR}(?:\s+đó)?"
    rf"|{COMPARE_WORDS}(?:năm\s+học|niên\s+vụ|mùa\s+vụ|vụ)\s+(?:trước|{LAST_YEAR})"
)
# the year of "so với cùng kỳ năm 2024" left after the growth's span ("… cùng kỳ năm")
COMPARED_YEAR = re.compile(r"\s*(?:19|20)\d{2}(?!\d)")
YEAR_WORD_END = rx(rf"(?<!\w)(?:{COMPARE_WORDS})?(?:{SAME_PERIOD}(?:\s+năm)?|năm)\s*$")
# a multiple of last year's figure ("tăng 1,8 lần so với cùng kỳ và đạt 135% kế hoạch")
# (round 120: in words, "gấp đôi năm trước", "tăng gấp rưỡi so với cùng kỳ")
_MULTIPLE_OF_PAST = (
    rf"(?:(?:gấp|tăng)\s+(?:(?:khoảng|gần|hơn|trên)\s+)?(?:{NUM})\s+lần"
    rf"|(?:tăng\s+)?(?:(?:khoảng|gần|hơn)\s+)?gấp\s+(?:đôi|rưỡi|ba|bốn))\s+(?:{COMPARE_WORDS})?"
    rf"{LAST_PERIOD}(?:\s+(?:năm\s+)?(?:trước|ngoái|{YEAR_DIGITS}(?!\d)))?"
)
# "kế hoạch tỉnh giao": the level that set the plan, named before the verb of giving it
_GIVER = (
    r"\s+(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã|phường|trung\s+ương|chính\s+phủ"
    r"|cấp\s+trên|địa\s+phương)"
)
_PLAN_GIVER = rf"(?:{_GIVER})?"
# how a change went: "tăng mạnh", "tăng ngoạn mục", "giảm sâu"
_CHANGE_ADVERB = r"(?:nhẹ|mạnh|ngoạn\s+mục|đột\s+biến|vọt|sâu|đáng\s+kể)"
# "cao nhất từ trước đến nay", "mức cao nhất kể từ khi thành lập": a record over the past
# said of the result, with no figure of its own (round 120)
_RECORD = (
    r"(?:cao|lớn)\s+nhất\s+(?:từ\s+trước\s+(?:đến|tới)\s+nay|kể\s+từ\s+(?:khi\s+)?thành\s+lập"
    r"|trong\s+lịch\s+sử(?:\s+hoạt\s+động)?|(?:trong\s+)?(?:nhiều|\d{1,2})\s+năm"
    r"(?:\s+(?:qua(?!\s+đó(?!\w))|gần\s+đây|trở\s+lại\s+đây))?)"
)
# "qua đó", "nhờ đó", "từ đó": what the result brought about (round 117)
THEREBY = r"(?:qua|nhờ|từ)\s+đó"
# words allowed between a statement and the percentage that belongs to it; each step of the
# repetition is atomic (``(?>…)``, Python 3.11) and ends at a word's end, so a lead that fails
# is not tried again in every split of its words ("so với" as "so" + "với", "so với năm
# trước" as "so với" + "năm trước"): linear, not exponential, in the lead's length (review of
# session 32). The first alternative that matches is kept, so the longer phrases come first.
CONNECTORS = rx(
    r"^[\s(]*(?:[-–]\s)?(?:(?>(?:"
    rf"{_MET_OTHER_PLAN}|{_PAST_BASE}|{_MULTIPLE_OF_PAST}|{PLAN_WORDS}{_PLAN_GIVER}\s+giao"
    rf"|so\s+(?:với\s+)?{PLAN_WORDS}\s+giao|{_RECORD}"
    # round 117: "…, qua đó hoàn thành 61% kế hoạch", "cơ bản hoàn thành", "không chỉ bằng",
    # "vẫn đạt": the result's own consequence or hedge
    rf"|{THEREBY}|cơ\s+bản|không\s+chỉ|vẫn"
    r"|(?:tỷ|tỉ)\s+lệ\s+đạt|(?:đạt|chiếm|bằng)\s+(?:tỷ|tỉ)\s+lệ|đề\s+ra|tổng\s+(?:số|thu)"
    rf"|(?:tăng|giảm)\s+(?:đến|tới|{_CHANGE_ADVERB}|trưởng)|đạt|bằng|vượt|tăng|giảm|cao|thấp"
    r"|chiếm|hoàn\s+thành|(?:và\s+)?thực\s+hiện|chạm\s+mốc|tiến\s+sát|mốc|mức|chỉ\s+tiêu"
    r"|kế\s+hoạch|được|là|thêm|tương\s+đương|tương\s+ứng|với|khoảng|trên|gần|hơn|đã|và|so"
    r"|mục\s+tiêu|dự\s+toán|nghị\s+quyết|cả\s+năm|năm|chỉ|mới|ước|cũng|đều|tới|nhưng|song"
    r")(?!\w))[\s(]*)*$"
)
K_EXCESS = rx(
    # "cao hơn kế hoạch 12%": above the plan named first, the excess after it
    rf"(?<!\w)(?:vượt(?:\s+mức)?|cao\s+hơn(?=\s+{PLAN_WORDS}(?!\w)))(?:\s+{PLAN_WORDS}"
    # "vượt chỉ tiêu lợi nhuận sau thuế 20%": the plan named by its measure, then the excess
    r"(?:\s+(?:doanh\s+thu|lợi\s+nhuận|lãi(?!\s+suất)|thu\s+ngân\s+sách|thu\s+nội\s+địa"
    r"|xuất\s+khẩu)(?:\s+(?:trước\s+thuế|sau\s+thuế|ròng|thuần|gộp|hợp\s+nhất))?)?)?"
    rf"(?:\s+đề\s+ra|{_PLAN_GIVER}\s+(?:được\s+)?giao|\s+cả\s+năm|\s+năm)*"
    r"\s*(?:khoảng|gần|hơn|trên|tới)?\s*$"
)
K_GROWTH = rx(
    r"(?<!\w)(tăng|giảm|cao\s+hơn|thấp\s+hơn)(?:\s+(?:thêm|đến|tới|trưởng))?\s*(?:khoảng|gần|hơn|trên)?\s*$"
)
DECREASE = (fold("giảm"), fold("thấp hơn"))
# "cao hơn 8%", "thấp hơn 5%": a comparison, "hơn" is no qualifier of the number
_COMPARATIVE = rx(r"(?<!\w)(?:cao|thấp|nhiều|ít)\s+$")
# "tương ứng 15,56% kế hoạch": an attainment when the plan follows, else unread
K_CORRESPONDS = rx(
    r"(?<!\w)(?:tương\s+ứng|tương\s+đương)(?:\s+(?:với|mức|(?:tỷ|tỉ)\s+lệ))?\s*(?:khoảng|gần|hơn|trên)?\s*$"
)
# "gấp 2,1 lần", "tăng hơn 5 lần": a multiple of another figure, never a result
_MULTIPLE = rx(rf"(?:{NUM})\s+lần(?!\w)")
_MULTIPLE_LEAD = rx(r"(?<!\w)(?:gấp|tăng|giảm|bằng)(?:\s+(?:khoảng|gần|hơn|trên))?\s*$")
# "hướng mốc vượt kế hoạch 2 triệu tấn", "dự kiến vượt …": an excess aimed at or expected
_AIM_EXCESS = rx(
    r"(?<!\w)(?:hướng(?:\s+(?:tới|đến))?(?:\s+(?:mốc|mục\s+tiêu))?|sẽ|có\s+thể|dự\s+kiến"
    r"|nhằm|để)\s+vượt(?!\w)"
)
# "Thu ngân sách vượt 704.500 tỷ đồng": "vượt" opening a clause's only result qualifies it
BARE_EXCESS = rx(r"(?<!\w)vượt\s*$")
_GROWTH_TAIL = (
    rf"^\s*(?:{COMPARE_WORDS}(?:{SAME_PERIOD}|năm|(?:cuối|đầu)\s+(?:năm|nhiệm\s+kỳ|kỳ)"
    rf"|cùng\s+thời\s+điểm|{PRIOR_PERIOD}|trước|nhiệm\s+kỳ\s+trước|(?:tuần|tháng|quý)\s+(?:trước|liền\s+kề)"
    # "so với tháng 8", "so với cuối quý II": a month or quarter named by its number
    r"|(?:cuối\s+)?(?:tháng|quý)\s+(?:\d{1,2}|[ivx]{1,4})(?!\w|[.,]\d))"
    rf"|(?:{LAST_PERIOD}|{SHORT_BASES})(?!\w)"
    # "so với số lượng lao động xuất cảnh của năm 2040": the same measure named, of a past year
    r"|so\s+với\s+<total>(?:(?!(?:kế|chỉ|mục|dự|nghị|tổng|kh|ct)(?!\w))[^\W\d_]+\s+){1,6}?"
    rf"(?:của\s+)?(?:{PAST_YEAR}|{SAME_PERIOD})(?!\w))"
)
K_GROWTH_TAIL = rx(_GROWTH_TAIL.replace("<total>", ""))
# after a rise's own word ("tăng 9,1% so với tổng mức lưu chuyển năm 2040"), the same measure
# may be named as its total of a past year ("tổng" then no plan word); after no such word,
# "chiếm 25% so với tổng thu năm 2040" is a share and "bằng 112% …" an index, no growth
K_RISE_TAIL = rx(_GROWTH_TAIL.replace("<total>", r"(?:tổng\s+)?"))
# "512 tỷ đồng (+34% YoY)", "(- 4% so với cùng kỳ)": a change in brackets written with its
# sign, the amount's growth (or fall) when the base is named after it ("YoY", "svck": on the
# same period of last year); a bare "(+5%)" stays unread (a minus glued to its number, "-4%",
# makes no figure)
_SIGNED_IN_BRACKET = rx(r"\(\s*([+\-−])\s*$")


def signed_growth(doc: Doc, p: Figure) -> int:
    """The sign written before the percentage ``p`` in brackets, its base named after it
    (``(+34% YoY)``: 1, ``(- 4% svck)``: -1): a change of the amount before; else 0."""
    m = _SIGNED_IN_BRACKET.search(doc.fold, max(0, p.start - 4), p.start)
    if p.kind != "percent" or m is None:
        return 0
    if not K_GROWTH_TAIL.match(doc.fold[p.end : p.sentence.end]):
        return 0
    return 1 if m.group(1) == "+" else -1


K_TARGET = rx(r"(?<!\w)(?:phấn\s+đấu|mục\s+tiêu|chỉ\s+tiêu|đề\s+ra)(?!\w)")
K_RATE = rx(r"(?<!\w)(?:tỷ|tỉ)\s+(?:lệ|suất)(?!\w)")
K_ACHIEVED = rx(
    # "tiến sát mốc 60% chỉ tiêu": close to reaching it
    r"(?:^[\s(]*|(?<!\w)(?:đạt|bằng|hoàn\s+thành|thực\s+hiện|được|chạm\s+mốc|tiến\s+sát(?:\s+mốc)?)"
    r"(?:\s+(?:(?:tỷ|tỉ)\s+lệ|mức|tới))?\s*(?:khoảng|gần|hơn|trên)?\s*"
    # "hoàn thành với 97% kế hoạch": reached, with the percentage after "với"
    r"|(?<!\w)(?:đạt|hoàn\s+thành)(?:\s+[^\W\d_]+){0,2}\s+với\s*(?:khoảng|gần|hơn|trên)?\s*)$"
)
# "đạt tỷ lệ 81% dự toán … giao và 77% dự toán …": the second percentage of a plan, joined to
# the first by "và" without a verb of its own, is what the first is
# (after an attainment, "đạt/bằng X%", with no measure named: "vượt 42% kế hoạch doanh thu
# và 66% kế hoạch lợi nhuận" is another measure's)
# "… dự toán Trung ương giao (693 tỷ đồng) và 76,4% …": the first plan's amount in brackets
_PLAN_AMOUNT_ASIDE = r"(?:\s*\(\s*[\d.,]+\s*[^\W\d_]*(?:\s+[^\W\d_]+){0,3}\s*\))?"
# the period a plan is of, written with a figure: "kế hoạch 6 tháng", "kế hoạch 9 tháng đầu năm"
_PLAN_PERIOD = r"(?:\s+\d{1,2}\s+tháng(?:\s+đầu\s+năm)?)?"
#: "… và quyết tâm đạt 100% chỉ tiêu từ nay đến cuối năm": an aim set out, no second result
#: (round 120); no plan's name runs through it (review of session 32)
AIMED = rf"(?:quyết\s+tâm|phấn\s+đấu|nỗ\s+lực|cố\s+gắng|hướng\s+tới|{AIM_WORDS})"
#: round 121: the period a plan is of, by its number ("kế hoạch phát hành quý 3", "dự toán
#: năm 2041 giao", "kế hoạch tháng 9/2041"), then only its giver; no "và" before it (``kế
#: hoạch và quý 4 đạt 35%`` is another period's result)
NUMBERED_PLAN_PERIOD = (
    rf"(?:\s+(?!(?:và|{AIMED})(?!\w))[^\W\d_]+){{0,6}}?\s+(?:năm\s+(?:19|20)\d\d|(?:quý|tháng)\s+"
    r"(?:\d{1,2}|[ivx]{1,4})(?:\s*/\s*(?:19|20)\d\d)?)(?!\w|/|[.,]\d)"
    rf"(?:(?:\s+(?!(?:và|{AIMED})(?!\w))[^\W\d_]+){{0,4}}?\s+(?:giao|đề\s+ra|đặt\s+ra))?"
)
#: the measure planned, named before the plan's noun: "đạt 96% sản lượng kế hoạch"
PLANNED_MEASURE = (
    r"(?:(?:diện\s+tích|sản\s+lượng|số\s+lượng|khối\s+lượng|công\s+suất)\s+(?:theo\s+)?)"
)
K_SECOND_OF_PLAN = rx(
    r"(?<!\w)(?:đạt|bằng)(?:\s+(?:tỷ|tỉ)\s+lệ)?\s*(?:(?:khoảng|gần|hơn|trên)\s*)?[\d.,]+\s*%\s*"
    rf"(?:so\s+với\s+)?{PLANNED_MEASURE}?(?:{PLAN_NOUNS}|nghị\s+quyết)"
    rf"(?P<words>(?:\s+[^\W\d_]+){{0,8}}{_PLAN_PERIOD}|{NUMBERED_PLAN_PERIOD})"
    rf"{_PLAN_AMOUNT_ASIDE}\s*,?\s+và\s*$"
)
# "vượt 32% dự toán Trung ương giao và 27% dự toán tỉnh giao": a second excess, its verb shared
K_SECOND_OF_EXCESS = rx(
    r"(?<!\w)vượt\s*(?:(?:khoảng|gần|hơn|trên)\s*)?[\d.,]+\s*%\s*"
    rf"(?:so\s+với\s+)?(?:{PLAN_NOUNS}|nghị\s+quyết)(?P<words>(?:\s+[^\W\d_]+){{0,8}})"
    rf"{_PLAN_AMOUNT_ASIDE}\s*,?\s+và\s*$"
)
# "đạt 120% so với nghị quyết HĐND xã 131% so với kế hoạch huyện giao": a second plan's
# percentage written right after the first plan's name, no word between (a table's row)
BARE_SECOND_LEAD = rx(
    rf"^\s*(?:so\s+(?:với\s+)?)?{PLAN_WORDS}"
    r"(?:\s+(?!(?:tăng|giảm|cao|thấp|vượt|đạt|bằng|và|với|so|chiếm|là)(?!\w))[^\W\d_]+){0,6}\s*$"
)
_COMPARED_PLAN_NEXT = rx(rf"\s*%\s*so\s+(?:với\s+)?{PLAN_WORDS}(?!\w)")


def compared_plan_next(doc: Doc, p: Figure) -> bool:
    """Whether the percentage ``p`` is compared with a plan right after it (``131% so với
    kế hoạch huyện giao``)."""
    return (
        _COMPARED_PLAN_NEXT.match(doc.fold, doc.fold.find("%", p.start), p.sentence.end) is not None
    )


K_EQUALS = rx(r"(?<!\w)bằng\s*(?:khoảng|gần|hơn|trên)?\s*$")
# "bằng 70% so yêu cầu", "hoàn thành 45% so với dự kiến": what was required or planned
REQUIRED = r"(?<=so\s)(?:yêu\s+cầu|dự\s+kiến)|(?<=với\s)(?:yêu\s+cầu|dự\s+kiến)"
_PLAN_NAMED_NEXT = (
    # "đạt 45%/tổng kế hoạch", "50%/KH": the plan after a slash
    # "đạt 47% tổng kế hoạch vốn": the whole plan of capital (not "31% tổng dự toán thu
    # cả nước", a share of a larger whole's plan); "đạt 96% trên dự toán được giao": over
    # the plan (round 120)
    r"^\s*(?:/\s*(?:tổng\s+)?)?(?:so\s+(?:với\s+)?|trên\s+(?=(?:kế\s+hoạch|dự\s+toán|chỉ\s+tiêu)(?!\w)))?"
    r"(?:tổng\s+(?=kế\s+hoạch\s+vốn(?!\w)))?"
    # "đạt 45% so với số kế hoạch vốn tỉnh giao": the number planned, the plan itself
    r"(?:(?<=với\s)số\s+(?=kế\s+hoạch|chỉ\s+tiêu))?"
    r"(?:kế\s+hoạch|chỉ\s+tiêu|kh|ct|nq|mục\s+tiêu|nghị\s+quyết|dự\s+toán|kịch\s+bản"
    rf"|{REQUIRED}"
    # "đạt 35% so với nhiệm vụ chi": the budget's duty of spending (or collecting) assigned
    r"|nhiệm\s+vụ\s+(?:chi|thu)"
    # "bằng 63% so với số vốn Thủ tướng Chính phủ giao": the capital assigned is the plan;
    # so is "mức Thủ tướng Chính phủ giao" (the level assigned)
    # and "tổng mức vốn do Thủ tướng Chính phủ giao", "tổng vốn được giao" (the whole of it)
    r"|(?:tổng\s+)?(?:số\s+|nguồn\s+)?(?:vốn|mức)(?:\s+(?!giao)[^\W\d_]+){0,6}?\s+(?:được\s+)?giao"
    # "chiếm 25% khoản phân bổ của tỉnh": the sum allocated is the plan
    r"|(?:khoản|số\s+vốn|vốn)\s+(?:được\s+)?phân\s+bổ"
    # "bằng 80% hạn mức vay vốn do ủy ban tỉnh giao": a ceiling approved or assigned
    r"|hạn\s+mức(?:\s+[^\W\d_]+){0,8}?\s+(?:được\s+|do\s+)(?:[^\W\d_]+\s+){0,5}?"
    r"(?:phê\s+duyệt|giao)(?!\w)"
    # "đạt 47% so với HĐND xã giao": what a council or a higher level assigned
    r"|(?:hđnd|ubnd|trung\s+ương|tỉnh|thành\s+phố|huyện|quận)(?:\s+(?:tỉnh|thành\s+phố|huyện"
    r"|quận|xã|phường))?\s+(?:đã\s+)?giao"
    # "đạt 104% Ban Thường vụ Quận ủy giao", "bằng 98% Đảng ủy phường giao": what a Party
    # committee (or its standing board) assigned
    r"|(?:ban\s+thường\s+vụ\s+)?(?:tỉnh|thành|huyện|quận|thị|đảng)\s+ủy(?:\s+[^\W\d_]+){0,2}?"
    r"\s+(?:đã\s+)?giao)(?!\w)"
)
K_PLAN_NAMED_TAIL = rx(_PLAN_NAMED_NEXT)
K_PLAN_TAIL = rx(
    _PLAN_NAMED_NEXT
    + r"|^\s*,\s*(?:vượt|đạt)\s+(?:chỉ\s+tiêu|mục\s+tiêu|kế\s+hoạch|nghị\s+quyết)(?!\w)"
    # "tương đương 50% diện tích theo kế hoạch": the planned measure named before the plan
    # ("bằng 96% so với công suất kế hoạch năm": compared with it, or a capacity planned)
    + r"|^\s*(?:so\s+với\s+)?(?:diện\s+tích|sản\s+lượng|số\s+lượng|khối\s+lượng|công\s+suất)"
    r"\s+(?:theo\s+)?kế\s+hoạch(?!\w)"
    # "(…, đạt 207,6%) dự toán.": the bracket closed before the plan that ends the sentence
    r"|^\s*\)\s*(?:kế\s+hoạch|chỉ\s+tiêu|kh|dự\s+toán)(?:\s+[^\W\d_]+){0,3}\s*(?:[.;]|$)"
)
K_TOTAL_TAIL = rx(r"^\s*(?:so\s+với\s+|trên\s+|của\s+)?tổng(?:\s+số)?(?!\w)")
TAIL = rx(
    rf"\s*(?:{COMPARE_WORDS})?(?:(?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu|{SAME_PERIOD}|tổng\s+số|kh|ct|nq|"
    rf"nghị\s+quyết|dự\s+toán)(?:\s+(?:{LAST_YEAR}|cả\s+năm|năm|đề\s+ra|được\s+giao|giao|"
    r"đảng\s+viên|pháp\s+lệnh|trung\s+ương|hđnd|tỉnh|thành\s+phố)){0,4}|"
    r"(?:hđnd|ubnd)(?:\s+(?:tỉnh|thành\s+phố|huyện|quận|xã|phường))?\s+giao|"
    rf"{LAST_YEAR}(?:\s+đó)?|{PRIOR_PERIOD}|cùng\s+thời\s+điểm|{SHORT_BASES})(?!\w)"
)
CONNECTOR_SUFFIX = rx(
    r"(?:(?<!\w)(?:đạt|bằng|vượt|tăng|giảm|cao|thấp|chiếm|hoàn\s+thành|được|là|thêm|với|khoảng|"
    r"trên|gần|hơn|đã|mức|chỉ\s+tiêu|kế\s+hoạch)[\s(]*)+$"
)
PART_MARKER = rx(r"(?<!\w)(trong\s+số\s+đó|trong\s+đó|bao\s+gồm|gồm)(?!\w)")
TOTAL_LEAD = rx(r"(?<!\w)(?:tổng\s+cộng|tổng\s+số|tổng|cộng)\s*(?:là|:)?\s*$")
SUBJECT_TRIM = rx(r"^\s*(?:trong\s+đó|trong\s+số\s+đó|riêng|còn|và|cụ\s+thể)[\s,]*")
LABEL_VERBS = words_rx(
    (
        "kết nạp",
        "thành lập",
        "phát triển",
        "cài đặt",
        "chuẩn hóa",
        "trình",
        "triển khai",
        "khen thưởng",
        "kỷ luật",
        "đào tạo",
        "bồi dưỡng",
        "kiện toàn",
        "giải thể",
        "xóa tên",
        "khai trừ",
        "tặng",
        "trao",
        "hoàn thành",
    )
)


@dataclass(eq=False)
class Figure:
    kind: str  # pair, range, percent, count
    start: int
    end: int
    values: tuple[Decimal, ...]
    written: str
    sentence: Sentence
    clause: int
    percent: Percent | None = None
    qualifier: str | None = None
    qual_start: int | None = None
    noun_start: int | None = None
    noun_end: int | None = None
    tail_end: int | None = None
    role: str = "actual"
    owner: Draft | None = None
    set_out: bool = False  # a target by the words of its sentence or list heading
    measure: str | None = None  # a money figure's unit as written ("tỷ đồng"); values in đồng

    @property
    def span_start(self) -> int:
        return self.qual_start if self.qual_start is not None else self.start

    @property
    def span_end(self) -> int:
        return self.tail_end if self.tail_end is not None else self.end

    @property
    def value(self) -> Value:
        if self.kind in ("range", "rate_range"):
            return (self.values[0], self.values[1])
        return self.values[0]


@dataclass(eq=False)
class Draft:
    """A statement being assembled."""

    sentence: Sentence
    actual_fig: Figure | None = None
    target_fig: Figure | None = None
    percent_fig: Figure | None = None
    excess_fig: Figure | None = None
    actual: Value | None = None
    target: Value | None = None
    inherit: Draft | None = None
    subject: tuple[int, int] | None = None  # a standalone percentage's subject
    metric: str | None = None
    metric_len: int = 0
    kind: str | None = None
    stated_percent: Decimal | None = None
    part_of: Draft | None = None
    part_rule: str | None = None
    rate_of: bool = False  # a percentage of the population named after it ("100% chi bộ …")
    twin_of: Draft | None = None  # a second percentage about the figures of this draft
    contradicted: bool = False  # said short of a target its figures reach ("chưa đạt")
    derived: bool = False  # the target is the actual less the excess ("vượt 20 …")
    merged: bool = False  # a target given to the result stated after it
    total_after: bool = False  # a total stated after its parts ("…, tổng cộng 900 …")
    heading_metric: bool = False  # the metric is the heading's of a list ("…: xã A 14/12")
    whole_target: bool = False  # the metric counts people or things: a target is whole
    respective: bool = False  # an attainment paired in order ("lần lượt hoàn thành X% và Y%")
    respective_kind: str = "attainment"  # "excess" when said "lần lượt vượt X% và Y%"
    beside: Draft | None = None  # the pair a growth of this draft's result is said beside

    @property
    def figures(self) -> list[Figure]:
        figs = [self.actual_fig, self.target_fig, self.percent_fig, self.excess_fig]
        return [f for f in figs if f is not None]

    @property
    def anchor(self) -> int:
        own = [f.start for f in self.figures if f.sentence is self.sentence]
        return min(own) if own else min(f.start for f in self.figures)

    @property
    def noun_fig(self) -> Figure | None:
        for f in (self.actual_fig, self.target_fig, self.excess_fig):
            if f is not None and f.noun_start is not None:
                return f
        return None


_FIGURE_KINDS = {
    "money": "count",
    "money_compound": "count",
    "count_compound": "count",
    "money_spaced": "count",
    "count_spaced": "count",
    "percent_spaced": "percent",
    "percent_unsigned": "percent",
    "money_thousands": "count",
    "money_half": "count",
    "count_half": "count",
    "money_range": "range",
    "money_pair": "pair",
    "money_pair_full": "pair",
}


def scan(doc: Doc) -> list[Figure]:
    """Every figure of the body, in text order; masked numbers are not figures."""
    folded = doc.fold
    taken = bytearray(len(folded) + 1)
    figures: list[Figure] = []

    def free(start: int, end: int) -> bool:
        return not any(taken[start:end]) and not doc.masked(start, end)

    def take(span: tuple[int, int]) -> None:
        taken[span[0] : span[1]] = b"\x01" * (span[1] - span[0])

    money = (
        [
            ("money_pair", MONEY_PAIR),
            ("money_pair", MONEY_PAIR_ONCE),
            ("money_pair_full", MONEY_PAIR_BOTH),
            ("money_pair_full", MONEY_PAIR_SCALED),
            ("money_range", MONEY_RANGE_UNITS),
            ("money_range", MONEY_RANGE),
            ("money_compound", MONEY_COMPOUND),
            ("money_half", MONEY_HALF),
            ("money_thousands", MONEY_THOUSANDS),
            ("money_spaced", MONEY_SPACED),
            ("money", MONEY),
        ]
        if doc.money
        else []
    )
    for kind, pattern in (
        *money,
        ("rate_range", RATE_RANGE),
        ("range", RANGE),
        ("range", DASH_RANGE),
        ("count_compound", COUNT_COMPOUND),
        ("count_half", COUNT_HALF),
        ("count_spaced", COUNT_SPACED),
        ("pair", UNIT_PAIR),
        ("pair", NOUN_PAIR),
        ("pair", PAIR),
        ("percent_spaced", PERCENT_SPACED),
        ("percent_unsigned", PERCENT_UNSIGNED),
        ("percent", PERCENT),
        ("count", COUNT),
    ):
        for m in pattern.finditer(folded, 0, doc.limit):
            number_start = m.start("a") if m.start("a") >= 0 else m.start("a2")
            if not free(number_start, m.end()):
                continue
            if kind == "percent_unsigned" and _INDEX_BEFORE.search(
                folded, max(0, m.start() - 60), m.start()
            ):
                continue  # "chỉ số giá … đạt 104,5 kế hoạch": the index's own value, maybe
            sentence = _sentence_of(doc, m.start())
            if sentence is None or m.end() > sentence.end:
                continue
            read = values_or_noted(doc, kind, m, number_start)
            if read is None:
                take(m.span())  # a range of percentages, or a figure unread: no figure
                continue
            take(m.span())
            fig = _figure(doc, _FIGURE_KINDS.get(kind, kind), m, sentence, *read)
            fig.measure = _money_measure(doc, kind, m, fig)
            figures.append(fig)
    figures.sort(key=lambda f: f.start)
    for fig in figures:
        _describe(doc, fig)
        whole_people(doc, fig)
    people_among_people(doc, figures)
    return figures


# "Chỉ số giá tiêu dùng bình quân đạt 104,5 kế hoạch", "giá bán đạt 23,45 kế hoạch", "điểm
# PCI đạt 68,5 …": an index, a price or a score whose value a number with no sign may be, not
# a percentage of its plan (:data:`PERCENT_UNSIGNED` read there only after other measures);
# "giá trị sản xuất" is a value, no price
_INDEX_BEFORE = rx(
    r"(?<!\w)(?:chỉ\s+số|giá(?!\s+trị)|điểm|hệ\s+số|lãi\s+suất|cpi|iip|pci)(?!\w)"
    r"[^,;.()]{0,40}$"
)


# "Thu ngân sách được trên 6 tỷ, đạt 180%": billions with no currency, of a money measure
_MONEY_SUBJECT = rx(
    r"(?<!\w)(?:thu\s+ngân\s+sách|tổng\s+thu|thu\s+nội\s+địa|chi\s+ngân\s+sách|doanh\s+thu"
    r"|lợi\s+nhuận|nộp\s+ngân\s+sách|giải\s+ngân|vốn\s+đầu\s+tư)(?!\w)"
)
_CLAUSE_CLOSE = re.compile(r"\s*(?:[,;.)]|$)")


_MONEY_KINDS = (
    "money",
    "money_compound",
    "money_half",
    "money_thousands",
    "money_spaced",
    "money_range",
    "money_pair",
    "money_pair_full",
)


def _money_measure(doc: Doc, kind: str, m: re.Match[str], fig: Figure) -> str | None:
    """The unit of an amount as written (``tỷ đồng``), None for a figure that is no amount."""
    if kind in _MONEY_KINDS:
        return money_unit(m)
    if kind == "count" and doc.money and _bare_billions(doc, m, fig):
        return "tỷ đồng"
    return None


def _bare_billions(doc: Doc, m: re.Match[str], fig: Figure) -> bool:
    """Whether a count written ``N tỷ`` with no word after it (the clause ends) is an amount
    in đồng: its clause names a money measure (``thu ngân sách``, ``doanh thu``, ``giải
    ngân`` …) before it. ``6 tỷ`` of anything else stays a count."""
    if fold(m.group("mag") or "") not in (fold("tỷ"), fold("tỉ")):
        return False
    if not _CLAUSE_CLOSE.match(doc.fold, m.end()):
        return False
    return bool(_MONEY_SUBJECT.search(doc.fold, fig.clause, fig.start)) or _plan_bracket_of_money(
        doc, fig
    )


# "… 410 tỷ đồng, bằng 164% kế hoạch (250 tỷ)": a plan's amount in brackets
_PLAN_BRACKET_OPEN = rx(rf"(?<!\w){PLAN_NOUNS}(?:\s+[^\W\d_]+){{0,4}}\s*\(\s*$")
_BILLION_DONG = rx(r"(?<!\w)(?:tỷ|tỉ)\s+đồng(?!\w)")


def _plan_bracket_of_money(doc: Doc, fig: Figure) -> bool:
    """Whether ``N tỷ`` opens a bracket right after a plan's name, in a sentence whose
    result before it is written in ``tỷ đồng`` (``lợi nhuận 410 tỷ đồng, bằng 164% kế hoạch
    (250 tỷ)``): the plan's amount, in the same currency."""
    low = max(fig.sentence.start, fig.start - 60)
    return (
        _PLAN_BRACKET_OPEN.search(doc.fold, low, fig.start) is not None
        and _BILLION_DONG.search(doc.fold, fig.sentence.start, fig.start) is not None
    )


def _sentence_of(doc: Doc, pos: int) -> Sentence | None:
    try:
        return doc.sentence_at(pos)
    except ValueError:
        return None


def _figure(
    doc: Doc,
    kind: str,
    m: re.Match[str],
    sentence: Sentence,
    values: tuple[Decimal, ...],
    percent: Percent | None,
) -> Figure:
    """The figure of a match, written as the text has it (a percentage from its number on)."""
    text = doc.text
    start = m.start()
    fig = Figure(
        kind,
        start,
        m.end(),
        values,
        text[m.start("a") : m.end()].strip() if kind == "percent" else text[start : m.end()],
        sentence,
        doc.clause_start(start, sentence.start),
        percent=percent,
    )
    if percent is not None:
        fig.percent = Percent(percent.value, percent.decimals, fig.written)
    return fig


# "Chương trình mục tiêu quốc gia là 935 tỷ đồng": a programme's name, no target word
_PROGRAMME_NAME = rx(r"(?<!\w)chương\s+trình\s+mục\s+tiêu(?!\w)")


def _describe(doc: Doc, fig: Figure) -> None:
    """The noun after a figure, its qualifier, tail words and role."""
    folded = doc.fold
    sentence = fig.sentence
    lead = folded[fig.clause : fig.start]
    q = _QUALIFIER.search(lead)
    if q and q.group(1) == fold("hơn") and _COMPARATIVE.search(lead[: q.start(1)]):
        q = None
    if q and not (q.group(1) == fold("trên") and WHOLE.search(lead)):
        fig.qualifier = doc.text[fig.clause + q.start(1) : fig.clause + q.end(1)].lower()
        fig.qual_start = fig.clause + q.start()
    pos = _after_number(doc, fig)
    if (up := UPWARDS.match(folded, pos)) and up.end() <= sentence.end:
        fig.qualifier = fig.qualifier or "trở lên"
        pos = up.end()
    fig.tail_end = pos
    if fig.kind in ("percent", "rate_range"):
        fig.role = fig.kind
        return
    outer = lead
    if not lead.strip() and fig.clause > 0 and doc.text[fig.clause - 1] == "(":
        outer = folded[doc.clause_start(fig.clause - 1, sentence.start) : fig.clause - 1]
    # the words before a qualifier say the role: "… được giao là gần 200 tỷ đồng" as "… là"
    bare = lead if fig.qual_start is None else lead[: fig.qual_start - fig.clause]
    bare = _PROGRAMME_NAME.sub(lambda m: " " * len(m.group()), bare)
    fig.role = role_in_clause(doc, fig, lead, role_from_lead(fig, bare, outer))
    if _no_result(doc, fig, lead) or _rate_gap_or_base(doc, fig, lead) or top_rank(fig, lead):
        fig.role = "modifier"
    elif (
        fig.role == "actual"
        and fig.kind in ("count", "range")
        and PLAN_IN_BRACKET.search(
            folded, max(sentence.start, fig.start - 160), fig.qual_start or fig.start
        )
    ):
        fig.role = "bracket_plan"  # a target, joined after the percentages
    if (
        fig.role == "actual"
        and fig.kind != "pair"
        and (
            sets_target(
                folded[sentence.start : fig.start],
                lead,
                folded[fig.noun_start or fig.end : sentence.end],
                folded[fig.noun_end or fig.end : sentence.end],
                money=fig.measure is not None,
            )
            or heading_target(doc, fig)
            or _quoted_resolution(doc, fig)
        )
        and not under_plan_attained(doc, fig, lead)
        and not plan_after_slash(doc, fig)
    ):
        fig.role, fig.set_out = "target", True
    elif (
        fig.role == "actual"
        and _COMPARED_LEAD.search(bare)
        and _ASSIGNED_AFTER.match(folded, fig.end)
    ):
        fig.role = "target"  # "so với 57,9 tấn giao": the plan compared with


def _rate_gap_or_base(doc: Doc, fig: Figure, lead: str) -> bool:
    """Whether ``fig`` counts percentage points after a comparative in its clause (``thấp
    hơn 0,35 điểm phần trăm so với kế hoạch``): the gap between two rates, not a result (a
    fall of ``giảm 1,2 điểm phần trăm`` may be one); or is the population a share is of,
    in brackets after it (:data:`_BASE_IN_BRACKET`)."""
    start = fig.qual_start or fig.start
    if _BASE_IN_BRACKET.search(doc.fold, max(fig.sentence.start, start - 60), start):
        return True
    return _RATE_POINTS.match(doc.fold, fig.end) is not None and bool(
        _COMPARATIVE_LEAD.search(lead)
    )


# a resolution or plan named, its words then quoted: "Nghị quyết Đại hội lần thứ X “Mỗi
# năm kết nạp 300 đảng viên”" (not a title after "về": "Nghị quyết về “…”")
_RESOLUTION_QUOTED = rx(
    r"(?<!\w)(?:nghị\s+quyết|chỉ\s+thị|kế\s+hoạch|chương\s+trình\s+hành\s+động)(?!\w)"
    r"[^.,;:“”\"]{0,100}?(?<!về)(?<!về\s)[“\"][^”\"]*$"
)


def _quoted_resolution(doc: Doc, fig: Figure) -> bool:
    """Whether a figure is quoted from a resolution or plan named right before the quote,
    in the same clause (``Thực hiện Nghị quyết Đại hội lần thứ X “Bình quân hằng năm kết
    nạp 300 đảng viên”``): what it sets, a target."""
    start = max(fig.sentence.start, fig.start - 200)
    return _RESOLUTION_QUOTED.search(doc.fold[start : fig.start]) is not None


# "bằng 93,2% kế hoạch năm 2025 (130.000 lao động)": the plan's figure in brackets after it
PLAN_IN_BRACKET = rx(
    rf"\d\s*%\s*(?:so\s+(?:với\s+)?)?{PLAN_WORDS}"
    # "… kế hoạch Tổng công ty Cấp nước (SDW) giao năm 2031 (…": an abbreviation's brackets
    # "… kế hoạch của Sở NN&PTNT giao (…": an office's abbreviation joined by "&"
    r"(?:\s+[^\W_]+(?:&[^\W_]+)?|\s*\([^\W\d_]{2,10}\)){0,16}\s*(?:\(\s*(?:(?:kh|ct|mt|dt|nq|kế\s+hoạch|chỉ\s+tiêu)\s*:\s*|"
    # "… 104% dự toán (NQ cả năm 800 tỷ đồng)": the plan's abbreviation and its year
    r"(?:kh|nq)\s+(?:cả\s+)?năm\s*:?\s*|"
    # "… kế hoạch năm 2041 (KH 12.070 tỷ đồng)": the abbreviation with no colon
    r"(?:kh|ct)\s+|"
    # "… 52% kế hoạch năm (thu hút 2,8 tỷ USD)", "(dự kiến trồng 22.000 cây)": the plan's verb
    r"(?:thu\s+hút|thu|đón|kết\s+nạp|phát\s+triển|giải\s+ngân|xuất\s+khẩu|dự\s+kiến"
    # "(dự kiến đạt 35.000 cây)": a forecast of the result, no plan
    r"(?!\s+(?:đạt|là|sẽ|còn|khoảng|ước)(?!\w))(?:\s+[^\W\d_]+){0,2})\s+)?|\s[-–]\s+)$"
)


# ", lợi nhuận sau thuế vượt 700 tỷ đồng": another measure's amount, more than it ("vượt" as
# "hơn"), not an excess of the amount before
_MEASURE_OVER = rx(
    r"^\W*(?:"
    + "|".join(sorted((re.escape(w) for w in MEASURE_NAMES), key=len, reverse=True))
    + r")(?:\s+(?:trước\s+thuế|sau\s+thuế|ròng|hợp\s+nhất|thuần))?\s+vượt\s*$"
)


def _measure_over(doc: Doc, fig: Figure, lead: str) -> bool:
    """Whether the excess ``fig`` is another measure's amount after one in its sentence.

    ``Doanh thu đạt 900 tỷ đồng, lợi nhuận vượt 70 tỷ đồng``: 70 is the profit (``vượt`` as
    ``hơn``); ``Thu ngân sách vượt 700 tỷ đồng`` opens its sentence and keeps its reading.
    """
    if not _MEASURE_OVER.search(lead):
        return False
    before = doc.fold[fig.sentence.start : max(fig.sentence.start, fig.start - len(lead))]
    return any(ch.isdigit() for ch in before)


# "giành 6 và 7 HCV tại 2 kỳ đại hội trước": results of earlier editions, none of the plan
# now (in the figure's clause)
_PAST_EDITION = rx(
    r"[^,;.:()%]{0,40}?(?<!\w)(?:tại|ở|trong)\s+(?:(?:\d+|hai|ba|các)\s+)?(?:kỳ|mùa\s+giải|lần)"
    r"(?:\s+[^\W\d_]+){0,3}?\s+trước(?!\w)"
)


def _no_result(doc: Doc, fig: Figure, lead: str) -> bool:
    """Whether a figure read as a result or an excess is neither: more than last year
    ("vượt 20 đảng viên so với cùng kỳ"), a multiple ("gấp 2,1 lần so với cùng kỳ"), an
    excess aimed at ("hướng mốc vượt kế hoạch 2 triệu tấn"), a change since a base ("tăng
    1.172 xã so với cuối năm 2021"), a growth restated as an amount ("tương ứng tăng thêm 1.200
    tỷ đồng"), a count of units out of all (:func:`units_out_of_all`), two targets
    written as a pair after ``chỉ tiêu tương ứng`` (one for each figure before) or the size
    of the containers counted right before it (:func:`size_of_counted`), or a result of
    earlier editions (:data:`_PAST_EDITION`); a target of one of two rounds listed
    (``chỉ tiêu 120 tân binh đợt 1 và 30 tân binh đợt 2``) is none either."""
    folded, end = doc.fold, fig.sentence.end
    if fig.role not in ("actual", "excess"):
        return fig.role == "target" and (listed_round(doc, fig) or label_numeral(doc, fig, lead))
    if fig.kind == "pair":
        return (
            units_out_of_all(doc, fig, lead)
            or ranked(doc, fig)
            or _RESPECTIVE_TARGETS.search(lead) is not None
            or slashed_occasion(fig, lead)
            or share_of_time(doc, fig)
        )
    if restated_change(doc, fig, lead) or counted_by_threshold(doc, fig, lead):
        return True
    if (
        unsigned_percent(doc, fig)
        or container_counted(fig, lead)
        or stock_before_planned_cut(doc, fig, lead)
        or past_value(doc, fig, lead)
    ):
        return True
    if fig.role == "actual" and _PAST_EDITION.match(folded, fig.end, end):
        return True
    if total_brought(doc, fig, lead) or bracketed_base(doc, fig) or listed_round(doc, fig):
        return True
    if label_numeral(doc, fig, lead) or dotted_date(fig, lead) or size_of_counted(doc, fig, lead):
        return True
    if _MULTIPLE_LEAD.search(lead) and _MULTIPLE.match(folded, fig.start, end):
        return True
    if fig.role == "excess":
        past = K_GROWTH_TAIL.match(folded[fig.noun_end or fig.end : end])
        return bool(past or _AIM_EXCESS.search(lead) or _measure_over(doc, fig, lead))
    return bool(K_GROWTH.search(lead)) and _change_since_base(doc, fig)


def _change_since_base(doc: Doc, fig: Figure) -> bool:
    """Whether the base of a change follows ``fig`` (``tăng 1.172 xã so với cuối năm
    2021``), past the change's percentage in brackets or a unit it is counted per."""
    folded, end = doc.fold, fig.sentence.end
    after = fig.noun_end or fig.tail_end
    # "tăng 310 tỷ đồng (tương ứng 12,5%) so với cùng kỳ": the change's percentage in brackets
    if after is not None and (m := _CHANGE_PERCENT_BRACKET.match(folded, after, end)):
        after = m.end()
    # "tăng 4 triệu/ha so với năm 2040": a change per unit, its money word left out
    if after is not None and (m := _PER_UNIT.match(folded, after, end)):
        after = m.end()
    return bool(K_GROWTH_TAIL.match(folded[after:end]))


_PER_UNIT = re.compile(r"\s*/\s*[^\W\d_]+")


# "(tương ứng 12,5%)", "(tương đương tăng 12,5%)": a change's percentage in brackets after it
_CHANGE_PERCENT_BRACKET = rx(
    rf"\s*\(\s*(?:tương\s+ứng|tương\s+đương|hay|bằng)?\s*(?:tăng|giảm)?\s*(?:{NUM})\s*%\s*\)"
)


# "(kế hoạch lần lượt là 900/80 người)": two targets, one for each figure before, no fraction
_RESPECTIVE_TARGETS = rx(
    r"(?<!\w)(?:chỉ\s+tiêu|kế\s+hoạch|mục\s+tiêu)(?:\s+[^\W\d_]+){0,2}?\s+"
    r"(?:tương\s+ứng|lần\s+lượt)(?:\s+là)?\s*$"
)
# "… 5.200 hội viên, so với cùng kỳ năm trước (4.900 hội viên)": the figure compared with, in
# brackets right after the period it is of
_BASE_BRACKET = rx(rf"(?<!\w)(?:{_PAST_BASE})(?:\s+(?:19|20)\d\d)?\s*\(\s*$")


def bracketed_base(doc: Doc, fig: Figure) -> bool:
    """Whether ``fig`` is in brackets right after the past period a result is compared with
    (``so với cùng kỳ năm trước (4.900 hội viên)``): the base, no result of its own."""
    start = fig.qual_start if fig.qual_start is not None else fig.start
    return _BASE_BRACKET.search(doc.fold, max(fig.sentence.start, start - 60), start) is not None


# the noun between the numbers of a pair (:data:`NOUN_PAIR`)
_INNER_NOUN = rx(rf"(?:{NUM})\s*([^\W\d_]+(?:\s+[^\W\d_]+){{0,3}})\s*/")


def _after_number(doc: Doc, fig: Figure) -> int:
    """Where the words that belong to a figure end: the noun after a number (up to four
    words, which become the figure's noun), the tail words after a percentage."""
    folded = doc.fold
    sentence = fig.sentence
    pos = fig.end
    if fig.kind == "percent":
        if (t := TAIL.match(folded, pos)) and t.end() <= sentence.end:
            pos = t.end()
        return pos
    if fig.kind == "pair" and (inner := _INNER_NOUN.match(folded, fig.start)) is not None:
        fig.noun_start, fig.noun_end = inner.span(1)  # "45 đảng viên/50 chỉ tiêu"
        return pos
    words: list[tuple[int, int]] = []
    while len(words) < 4:
        w = WORD.match(folded, pos)
        if not w or w.end(1) > sentence.end or doc.text[w.start(1) : w.end(1)].lower() in STOP:
            break
        words.append(w.span(1))
        pos = w.end(1)
    if words:
        fig.noun_start, fig.noun_end = words[0][0], words[-1][1]
        if (per := _PER_WORD.match(folded, pos)) and per.end() <= sentence.end:
            pos = per.end()  # "61 tạ/ha": the unit per area is the figure's words too
    return pos


# a unit per something right after a figure's unit: "/ha", "/người"
_PER_WORD = re.compile(r"/[^\W\d_]+")


FALLING = rx(r"(?<!\w)(?:còn|giảm(?:\s+xuống)?(?:\s+còn)?)\s*$")


# ------------------------------------------------- shared with the other modules of the grammar


# "đạt 72,5% kế hoạch vốn Thủ tướng Chính phủ giao và đạt 68,1% kế hoạch vốn tỉnh giao": the
# words between an attainment of one plan and a second percentage of another plan
MEASURE_WORDS = words_rx(MEASURE_NAMES)


def single(v: Value | None) -> Decimal | None:
    return v if isinstance(v, Decimal) else None


# "tăng 40% so với lũy kế cùng kỳ năm 2024 (811.400 lượt)": the base of a growth, written
# in brackets right after the period it is of
GROWTH_BASE = rx(
    # "tăng 10% (tăng 260 tỷ đồng) so với cùng kỳ (đạt 2.600 tỷ đồng)": the increase between
    r"(?:\s*\(\s*(?:tương\s+(?:đương|ứng)\s+)?tăng(?:\s+thêm)?\s+[\d.,]+(?:\s+[^\W\d_]+){0,3}\s*\))?"
    rf"\s*{COMPARE_WITH_WORDS}(?:(?:lũy|luỹ)\s+kế\s+)?"
    # "so với số lượng lao động xuất cảnh của năm 2040 (…)": the measure named before the period
    r"(?:(?!(?:kế|chỉ|mục|dự|nghị|tổng|kh|ct)(?!\w))[^\W\d_]+\s+){0,6}?(?:của\s+)?"
    rf"(?:{LAST_PERIOD}|{NAMED_YEAR_WORDS}){OF_YEAR}\s*\(\s*(?:đạt\s+|là\s+)?"
    # "(10T/2040: 26.253,5 tỷ đồng)", "(năm 2040: …)": the period compared with, as a label
    r"(?:(?:[^\W\d_]+\s+)?[^\s():]*\d[^\s():]*\s*:\s*"
    # "(tháng 9/2040, lượng khách lưu trú là 2.760 lượt)": the period, then its measure named;
    # no part of it ("trong đó", "riêng"), nor its change ("tăng thêm")
    r"|(?:[^\W\d_]+\s+)?[^\s():,]*\d[^\s():,]*\s*,(?P<named>(?:\s+(?!(?:trong|riêng|tăng|thêm"
    r"|giảm|gồm|ngoài|chiếm|còn)(?!\w))[^\W\d_]+){1,10}?)\s+(?:là|đạt)\s+)?"
    rf"(?P<n>{NUM})(?:\s+(?P<mag>nghìn|ngàn|triệu|tỷ|tỉ))?\s+(?P<word>[^\W\d_]+)"
    r"(?:\s+[^\W\d_]+){0,2}\s*\)"
)


def bracketed_plan_after(doc: Doc, p: Figure) -> bool:
    """Whether the percentage ``p`` names its plan and that plan's figure opens a bracket
    right after (``và bằng 80% kế hoạch huyện đề ra (750 tỷ đồng)``): a plan of its own,
    never the first percentage's."""
    bracket = doc.text.find("(", p.end, min(p.sentence.end, p.end + 80))
    return bracket >= 0 and PLAN_IN_BRACKET.search(doc.fold, p.start, bracket + 1) is not None


def plan_of(doc: Doc, p: Figure) -> str:
    """The plan a percentage's tail names, folded, without ``so với`` ("" for none)."""
    tail = doc.fold[p.end : p.span_end]
    return " ".join(re.sub(r"^\s*so\s+với", "", tail).split())
