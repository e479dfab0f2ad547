"""The grammar of KPI sentences for :mod:`kpitools.extract`: figures, their roles, and how
they combine into statements.

A *figure* is a number the text states: a pair ``852/453``, a range ``từ 150 đến 170``, a
percentage ``188,1%`` or a count ``13``. Its role comes from the words of its clause: an
actual, a target (``chỉ tiêu …``), a whole (``trên tổng số …``), an excess (``vượt chỉ tiêu
20 …``) or a modifier (``của 50/50 đảng bộ``, skipped). Targets, wholes, excesses and
percentages then join the actual they belong to; what is left is a statement.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any, Protocol

from kpitools.extract.amounts import (
    APART_MEASURES,
    MEASURE_NAMES,
    approximate_checks,
    plan_kind,
)
from kpitools.extract.notes import Segment, noted, seg
from kpitools.extract.text import NUM, PLAN_NOUNS, Doc, Sentence, UnitMention, resolve_month
from kpitools.numbers import Percent, check_percent, parse_number, parse_percent
from kpitools.textfold import fold, rx, words_rx

if TYPE_CHECKING:
    from kpitools.catalog import MetricCatalog

Value = Decimal | tuple[Decimal, Decimal]


class Matcher(Protocol):
    def match(self, after: str, near: str, context: str) -> tuple[str, int] | None: ...


# --------------------------------------------------------------------------- figures

_B = r"(?<![\w.,/\-])"  # a number starts here
_E = r"(?![\w/]|[.,]\d)"  # and ends here
# the scale word of a range ("11-12 triệu lượt khách": millions), not of an amount of money
_RANGE_MAG = (
    r"(?:\s+(?P<mag>nghìn|ngàn|triệu|tỷ|tỉ)(?!\w)(?!\s*(?:nghìn|ngàn|triệu|tỷ|tỉ|đồng|usd)))?"
)
_RANGE = rx(
    rf"(?<!\w)từ\s+(?P<a>{NUM})\s*(?P<pa>%)?\s*(?:đến|tới|-|–|—)\s*(?P<b>{NUM})\s*(?P<pb>%)?{_E}"
    + _RANGE_MAG
)
_DASH_RANGE = rx(rf"{_B}(?P<a>{NUM})\s*[-–—]\s*(?P<b>{NUM}){_E}(?!\s*%)" + _RANGE_MAG)
_PAIR = rx(rf"{_B}(?P<a>{NUM})\s*/\s*(?P<b>{NUM}){_E}(?!\s*/\s*\d)")
_PERCENT = rx(rf"{_B}(?P<a>{NUM})\s*(?:%|phần\s+trăm(?!\w))")
# a range of rates ("5,1 - 5,2%", "từ 36,1 - 36,6%", "từ 6% đến 7%"): a planned rate, a
# figure of its own that only a rate stated before it takes as its target
_RATE_RANGE = rx(
    rf"(?:(?<!\w)từ\s+(?P<a>{NUM})\s*%?\s*(?:đến|tới|-|–|—)"
    rf"|{_B}(?P<a2>{NUM})\s*%?\s*[-–—])\s*(?P<b>{NUM})\s*%"
)
# a measure glued to its number ("285.000ha", "642,5ha", "32km", "9.100m"): the number ends there
_GLUED_UNIT = r"(?=(?:ha|km2?|km²|m2|m3|m²|m³|m|kg|tấn)(?!\w))"
_COUNT = rx(
    rf"{_B}(?P<a>{NUM})(?:\s+(?P<mag>nghìn|ngàn|triệu|tỷ|tỉ)(?!\w))?(?:{_E}|{_GLUED_UNIT})(?!\s*%)"
)
# money: "11,55 tỷ đồng", "1,5 nghìn tỷ đồng", "2.300 triệu đồng", "10.000.000đ", "1,2 tỷ USD"
# ("522 tỷ triệu đồng": a scale word left over from an edit, the first one is read)
_MONEY = rx(
    rf"{_B}(?P<a>{NUM})(?:\s*(?P<mag>nghìn|ngàn|triệu|tỷ|tỉ)"
    r"(?:\s+(?P<mag2>tỷ|tỉ)|(?<=t[ỷỉ])\s+triệu(?=\s*đồng(?!\w)))?)?"
    r"(?:\s*(?P<cur>đồng|đ|vnđ|vnd|usd|\$|đô\s+la(?:\s+mỹ)?|(?<=[ỷỉun]\s)dồng)(?!\w)"
    # "gần 48 nghìn tỉ, bằng 138,7% dự toán": a thousand billion with no currency is đồng
    r"|(?(mag2)(?=\s*(?:[,.;:)]|$))|(?!)))"
    # "triệu đồng/người/năm": per head; not "tỷ đồng/dự toán 1.800 tỷ đồng" (against a plan)
    r"(?P<per>(?:\s*/\s*(?!(?:dự|kế|chỉ|mục|kh|ct)(?!\w))[^\W\d_]+(?!\w)){1,3})?"
)
# a range of money: "(1.000-1.100 nghìn tỷ đồng)", "từ 1,5 đến 2 tỷ đồng": both ends in đồng
_MONEY_RANGE = rx(
    rf"(?:(?<!\w)từ\s+|{_B})(?P<a>{NUM})\s*(?:[-–—]|\s(?:đến|tới)\s)\s*(?P<b>{NUM})\s*"
    r"(?P<mag>nghìn|ngàn|triệu|tỷ|tỉ)(?:\s+(?P<mag2>tỷ|tỉ))?\s*(?P<cur>đồng|usd)(?!\w)(?P<per>)"
)
# a range of money with both ends written with their unit: "từ 1,5 tỷ đồng đến 2 tỷ đồng"
_MONEY_RANGE_UNITS = rx(
    rf"(?<!\w)từ\s+(?P<a>{NUM})\s*(?P<mag>nghìn|ngàn|triệu|tỷ|tỉ)(?:\s+(?P<mag2>tỷ|tỉ))?"
    r"\s*(?P<cur>đồng|usd)\s+(?:đến|tới)\s+"
    rf"(?P<b>{NUM})\s*(?P=mag)(?(mag2)\s+(?P=mag2))\s*(?P=cur)(?!\w)(?P<per>)"
)
# a pair of amounts each written with its unit: "(300 tỷ đồng/500 tỷ đồng)"
_MONEY_PAIR = rx(
    rf"{_B}(?P<a>{NUM})\s*(?P<mag>nghìn|ngàn|triệu|tỷ|tỉ)(?:\s+(?P<mag2>tỷ|tỉ))?\s*(?P<cur>đồng|usd)"
    rf"\s*/\s*(?P<b>{NUM})\s*(?P=mag)(?(mag2)\s+(?P=mag2))\s*(?P=cur)(?!\w)(?P<per>)"
)
_CURRENCY = {"usd": "USD", "$": "USD", "đô la": "USD", "đô la mỹ": "USD"}
_WORD = re.compile(r"[ \t]*([^\W\d_]+)")
# compared with their tone marks: folded, "đảng" (Party) would be "đang" (currently)
_STOP = frozenset(
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
_QUALIFIER = rx(r"(?<!\w)(trên|gần|hơn|khoảng)\s+$")
_UPWARDS = rx(r"\s*trở\s+lên(?!\w)")
_OF = rx(r"(?<!\w)của\s*$")
_WHOLE = rx(r"(?:(?<!\w)(?:trên|trong)\s+(?:tổng\s+)?số|(?<!\w)trên\s+tổng|\d\s+trên)\s*$")
_EXCESS = rx(
    r"(?<!\w)vượt(?:\s+mức)?(?:\s+(?:chỉ\s+tiêu|kế\s+hoạch|dự\s+toán))?"
    r"(?:\s+(?:đề\s+ra|được\s+giao|giao))?\s*$"
)
_TARGET_END = rx(
    r"(?<!\w)(?:(?:chỉ\s+tiêu|kế\s+hoạch|mục\s+tiêu|dự\s+toán)"
    r"(?:\s+(?:kế\s+hoạch|đề\s+ra|được\s+giao|giao|năm|cả\s+năm|là))*\s*(?:là|:)?"
    # "gần chạm mục tiêu năm 2025 là 1,3 tỷ USD": an aim of the year named, then its figure
    r"|(?:chỉ\s+tiêu|mục\s+tiêu)\s+(?:của\s+)?năm\s+(?:19|20)\d{2}\s+là)\s*$"
)
_TARGET_START = rx(
    r"^\s*(?:với\s+)?(?:chỉ\s+tiêu|mục\s+tiêu|kế\s+hoạch\s+đề\s+ra|phấn\s+đấu"
    r"|kế\s+hoạch(?=\s+(?:năm|cả\s+năm|kết\s+nạp|phát\s+triển)(?!\w)))"
)
# "Chỉ tiêu … có mục tiêu là 450 tỷ đồng nhưng huyện đã thực hiện được 470 tỷ đồng": after
# the target's figure, a word of a result opens the result
_RESULT_AFTER_FIGURE = rx(
    r"\d[^\d]*(?<!\w)(?:nhưng|song|kết\s+quả|đã\s+thực\s+hiện|thực\s+hiện\s+được|đã\s+đạt"
    r"|đạt\s+được)(?!\w)[^\d]*$"
)
# "Nghị quyết Đại hội đề ra mỗi năm kết nạp 1.500 …", "được giao 400": a target set out
_SET_OUT = rx(
    r"(?<!\w)(?:đề\s+ra|được\s+giao|giao)(?:\s+[^\W\d_]+){0,4}\s*(?:là|:)?"
    r"(?:\s+(?:hơn|trên|gần|khoảng))?\s*$"
)
# "… phấn đấu kết nạp 600 đảng viên, mỗi năm 120": a yearly figure of a target sentence
_EACH_YEAR = rx(r"(?<!\w)(?:mỗi|hằng|hàng)\s+năm(?:\s+[^\W\d_]+){0,3}\s*(?:từ\s+)?$")
_TARGET_CUE = rx(
    r"(?<!\w)(?:phấn\s+đấu|đề\s+ra|chỉ\s+tiêu|mục\s+tiêu|kế\s+hoạch|nghị\s+quyết|"
    r"được\s+giao|giao)(?!\w)"
)
_MET_STRICT = rx(r"(?<!\w)(?:đạt|vượt|hoàn\s+thành|kết\s+quả)(?!\w)")
_MET_WORDS = rx(r"(?<!\w)(?:đạt|vượt|hoàn\s+thành|kết\s+quả|thực\s+hiện|được|qua)(?!\w)")
_NUMBER_END = re.compile(r"\d\s*$")
# nouns of counts that are no target even when a resolution sets them out ("Nghị quyết đề
# ra 25 chỉ tiêu", "3 khâu đột phá")
_COUNTED_PLANS = rx(
    r"(?:chỉ\s+tiêu|tiêu\s+chí|mục\s+tiêu|nhiệm\s+vụ|khâu|chương\s+trình|giải\s+pháp|"
    r"đột\s+phá|nội\s+dung)(?!\w)"
)
# a whole-term figure: "Trong nhiệm kỳ 2020-2025, …", "cả nhiệm kỳ", "Nhiệm kỳ qua, …"
_TERM = rx(
    r"(?:(?<!\w)(?:trong|cả|suốt|qua|sau|hết)\s+(?:\d+\s+năm\s+)?(?:của\s+)?|^[\s(]*)"
    r"nhiệm\s+kỳ(?:\s+(?P<a>(?:19|20)\d{2})\s*[-–—]\s*(?P<b>(?:19|20)\d{2}))?(?!\w)"
)
_YEARLY = rx(r"(?<!\w)(?:mỗi|hằng|hàng)\s+năm(?!\w)")
# the congress of a term, whose resolution sets the term's targets
_CONGRESS_TERM = rx(
    r"(?<!\w)đại\s+hội(?!\w)[^.;:]{0,80}?nhiệm\s+kỳ\s+(?:19|20)\d{2}\s*[-–—]\s*(?:19|20)\d{2}"
    r"(?!\w)"
)
_STRIVE = rx(r"(?<!\w)phấn\s+đấu(?!\w)")
# "; dự toán thu phí và lệ phí là 40 tỷ đồng": a clause opening with a plan word, set out
# with "là" and no word of a result
_PLAN_ITEM = rx(
    r"(?:^[\s(]*|(?<!\w)(?:,|;|và)\s+)(?:và\s+)?(?:tổng\s+)?(?:dự\s+toán|kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu)"
    r"(?:\s+(?!(?:đạt|thực|kết|được|đã|ước|lũy|luỹ|còn)(?!\w))[^\W\d_]+){1,8}\s+là\s*$"
)
# "đặt kế hoạch kinh doanh với tổng doanh thu 500 tỷ đồng": a plan set out with what it counts
_SET_PLAN_WITH = rx(
    r"(?<!\w)đặt\s+(?:ra\s+)?(?:kế\s+hoạch|mục\s+tiêu|chỉ\s+tiêu)(?:\s+[^\W\d_]+){0,4}?"
    r"\s+với\s+(?:[^\W\d_]+\s+){1,5}$"
)
# "được giao chỉ tiêu kết nạp 400 đảng viên": a target word a few words before the number,
# unless it is met ("hoàn thành vượt chỉ tiêu kết nạp 1.236 …" states a result)
_TARGET_WORDS = rx(
    r"(?<!\w)(?:chỉ\s+tiêu|mục\s+tiêu|kế\s+hoạch|dự\s+toán)(?:\s+[^\W\d_]+){1,3}?\s*(?:là|:)?"
    r"(?:\s+(?:trên|hơn|gần|khoảng|tối\s+thiểu|ít\s+nhất))?\s*$"
)
# "tổng kế hoạch vốn đầu tư công năm nay 1.200 tỷ đồng": the plan of capital named at
# length, its amount right after the name (no word of a result between)
_CAPITAL_PLAN = rx(
    r"(?<!\w)kế\s+hoạch\s+vốn(?:\s+[^\W\d_]+){0,5}?(?:\s+năm\s+\d{4})?\s*(?:là|:)?\s*$"
)
# "mục tiêu doanh thu (…", "kế hoạch lợi nhuận cả năm (…": a plan named by what it counts
_PLAN_NAMED = rx(r"(?<!\w)(?:chỉ\s+tiêu|mục\s+tiêu|kế\s+hoạch|dự\s+toán)(?:\s+[^\W\d_]+){1,5}\s*$")
_PLAN_WORD = rx(r"(?<!\w)(?:dự\s+toán|kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu|nghị\s+quyết)(?!\w)")
_MET_BEFORE = rx(r"(?<!\w)(?:vượt|hoàn\s+thành|đạt|vượt\s+mức|thực\s+hiện)\s*$")
# "Để đạt mục tiêu đón 21,2 triệu lượt khách": a plan aimed at, not met
_PURPOSE_MET = rx(r"(?<!\w)(?:để|nhằm)\s+(?:đạt|hoàn\s+thành|vượt)(?:\s+được)?\s*$")
_COMPARE_NEXT = rx(r"^\s*so\s+với(?!\w)")

# "32.011 tỷ đồng, hoàn thành đúng dự toán của Trung ương và đạt 94% dự toán của tỉnh giao":
# one plan met, the percentage of the other one follows
_MET_OTHER_PLAN = (
    r"hoàn\s+thành(?:\s+(?:đúng|vượt))?\s+(?:dự\s+toán|kế\s+hoạch|chỉ\s+tiêu)"
    r"(?:\s+(?:của|trung\s+ương|tỉnh|thành\s+phố|huyện|xã|phường|năm|được|giao))*\s+và"
)
# the base of a growth just stated ("tăng 16,7% so với năm 2024 và vượt 7,9% kế hoạch"): the
# year compared with only after "so với (cùng kỳ) năm", never a year opening a clause
_PAST_BASE = (
    r"so\s+(?:với\s+)?(?:cùng\s+kỳ\s+)?năm\s+(?:trước|ngoái|(?:19|20)\d{2}(?!\d))"
    r"|so\s+(?:với\s+)?cùng\s+kỳ|(?:cùng\s+kỳ\s+)?năm\s+(?:trước|ngoái)|kỳ\s+trước"
)
# the year of "so với cùng kỳ năm 2024" left after the growth's span ("… cùng kỳ năm")
_COMPARED_YEAR = re.compile(r"\s*(?:19|20)\d{2}(?!\d)")
_YEAR_WORD_END = rx(r"(?<!\w)(?:so\s+(?:với\s+)?)?(?:cùng\s+kỳ\s+)?năm\s*$")
# a multiple of last year's figure ("tăng 1,8 lần so với cùng kỳ và đạt 135% kế hoạch")
_MULTIPLE_OF_PAST = (
    rf"(?:gấp|tăng)\s+(?:(?:khoảng|gần|hơn|trên)\s+)?(?:{NUM})\s+lần\s+(?:so\s+(?:với\s+)?)?"
    r"(?:cùng\s+kỳ|năm\s+(?:trước|ngoái))(?:\s+năm\s+(?:trước|ngoái|(?:19|20)\d{2}(?!\d)))?"
)
# words allowed between a statement and the percentage that belongs to it
_CONNECTORS = rx(
    rf"^[\s(]*(?:[-–]\s)?(?:(?:(?:tăng|giảm)\s+(?:đến|tới|nhẹ|mạnh|trưởng)|đạt|bằng|vượt|tăng|giảm|cao|thấp|chiếm|hoàn\s+thành|(?:và\s+)?thực\s+hiện|chạm\s+mốc|mức|chỉ\s+tiêu|kế\s+hoạch|"
    r"được|là|thêm|tương\s+đương|tương\s+ứng|với|khoảng|trên|gần|hơn|đã|và|so\s+với|so|"
    r"mục\s+tiêu|dự\s+toán|nghị\s+quyết|cả\s+năm|năm|chỉ|mới|ước|cũng|đều|tới|"
    rf"(?:tỷ|tỉ)\s+lệ\s+đạt|đạt\s+(?:tỷ|tỉ)\s+lệ|đề\s+ra|tổng\s+(?:số|thu)|{_MET_OTHER_PLAN}|{_PAST_BASE}"
    rf"|{_MULTIPLE_OF_PAST})[\s(]*)*$"
)
_K_EXCESS = rx(
    r"(?<!\w)vượt(?:\s+mức)?(?:\s+(?:chỉ\s+tiêu|kế\s+hoạch|mục\s+tiêu|dự\s+toán|nghị\s+quyết)"
    # "vượt chỉ tiêu lợi nhuận sau thuế 20%": the plan named by its measure, then the excess
    r"(?:\s+(?:doanh\s+thu|lợi\s+nhuận|lãi(?!\s+suất)|thu\s+ngân\s+sách|thu\s+nội\s+địa"
    r"|xuất\s+khẩu)(?:\s+(?:trước\s+thuế|sau\s+thuế|ròng|thuần|gộp|hợp\s+nhất))?)?)?"
    r"(?:\s+(?:đề\s+ra|được\s+giao|giao|cả\s+năm|năm))*\s*(?:khoảng|gần|hơn|trên|tới)?\s*$"
)
_K_GROWTH = rx(
    r"(?<!\w)(tăng|giảm|cao\s+hơn|thấp\s+hơn)(?:\s+(?:thêm|đến|tới|trưởng))?\s*(?:khoảng|gần|hơn|trên)?\s*$"
)
_DECREASE = (fold("giảm"), fold("thấp hơn"))
# "cao hơn 8%", "thấp hơn 5%": a comparison, "hơn" is no qualifier of the number
_COMPARATIVE = rx(r"(?<!\w)(?:cao|thấp|nhiều|ít)\s+$")
# "tương ứng 15,56% kế hoạch": an attainment when the plan follows, else unread
_K_CORRESPONDS = rx(
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
_BARE_EXCESS = rx(r"(?<!\w)vượt\s*$")
_K_GROWTH_TAIL = rx(
    r"^\s*(?:so\s+(?:với\s+)?(?:cùng\s+kỳ|năm|(?:cuối|đầu)\s+(?:năm|nhiệm\s+kỳ|kỳ)"
    r"|cùng\s+thời\s+điểm|kỳ\s+trước|trước|nhiệm\s+kỳ\s+trước|(?:tuần|tháng|quý)\s+(?:trước|liền\s+kề))"
    r"|(?:cùng\s+kỳ|năm\s+trước|năm\s+ngoái)(?!\w))"
)
# "vượt kế hoạch 5% so với cùng kỳ": a plan and last year both named — unread
_PLAN_IN_LEAD = rx(r"(?<!\w)(?:chỉ\s+tiêu|kế\s+hoạch|mục\s+tiêu|dự\s+toán|nghị\s+quyết)(?!\w)")
_K_SHARE = rx(r"(?<!\w)(?:chiếm|đóng\s+góp)(?:\s+(?:tỷ|tỉ)\s+lệ)?\s*(?:khoảng|gần|hơn|trên)?\s*$")
_K_TARGET = rx(r"(?<!\w)(?:phấn\s+đấu|mục\s+tiêu|chỉ\s+tiêu|đề\s+ra)(?!\w)")
_K_RATE = rx(r"(?<!\w)(?:tỷ|tỉ)\s+(?:lệ|suất)(?!\w)")
_K_ACHIEVED = rx(
    r"(?:^[\s(]*|(?<!\w)(?:đạt|bằng|hoàn\s+thành|thực\s+hiện|được|chạm\s+mốc)"
    r"(?:\s+(?:(?:tỷ|tỉ)\s+lệ|mức|tới))?\s*(?:khoảng|gần|hơn|trên)?\s*)$"
)
# "đạt tỷ lệ 81% dự toán … giao và 77% dự toán …": the second percentage of a plan, joined to
# the first by "và" without a verb of its own, is what the first is
# (after an attainment, "đạt/bằng X%", with no measure named: "vượt 42% kế hoạch doanh thu
# và 66% kế hoạch lợi nhuận" is another measure's)
_K_SECOND_OF_PLAN = rx(
    r"(?<!\w)(?:đạt|bằng)(?:\s+(?:tỷ|tỉ)\s+lệ)?\s*(?:(?:khoảng|gần|hơn|trên)\s*)?[\d.,]+\s*%\s*"
    rf"(?:so\s+với\s+)?{PLAN_NOUNS}(?P<words>(?:\s+[^\W\d_]+){{0,8}})\s*,?\s+và\s*$"
)
# "vượt 32% dự toán Trung ương giao và 27% dự toán tỉnh giao": a second excess, its verb shared
_K_SECOND_OF_EXCESS = rx(
    r"(?<!\w)vượt\s*(?:(?:khoảng|gần|hơn|trên)\s*)?[\d.,]+\s*%\s*"
    rf"(?:so\s+với\s+)?{PLAN_NOUNS}(?P<words>(?:\s+[^\W\d_]+){{0,8}})\s*,?\s+và\s*$"
)
_K_EQUALS = rx(r"(?<!\w)bằng\s*(?:khoảng|gần|hơn|trên)?\s*$")
_PLAN_NAMED_NEXT = (
    # "đạt 45%/tổng kế hoạch", "50%/KH": the plan after a slash
    r"^\s*(?:/\s*(?:tổng\s+)?)?(?:so\s+(?:với\s+)?)?"
    r"(?:kế\s+hoạch|chỉ\s+tiêu|kh|ct|mục\s+tiêu|nghị\s+quyết|dự\s+toán|kịch\s+bản"
    # "bằng 63% so với số vốn Thủ tướng Chính phủ giao": the capital assigned is the plan;
    # so is "mức Thủ tướng Chính phủ giao" (the level assigned)
    # and "tổng mức vốn do Thủ tướng Chính phủ giao", "tổng vốn được giao" (the whole of it)
    r"|(?:tổng\s+)?(?:số\s+)?(?:vốn|mức)(?:\s+(?!giao)[^\W\d_]+){0,6}?\s+(?:được\s+)?giao"
    # "chiếm 25% khoản phân bổ của tỉnh": the sum allocated is the plan
    r"|(?:khoản|số\s+vốn|vốn)\s+(?:được\s+)?phân\s+bổ)(?!\w)"
)
_K_PLAN_NAMED_TAIL = rx(_PLAN_NAMED_NEXT)
_K_PLAN_TAIL = rx(
    _PLAN_NAMED_NEXT
    + r"|^\s*,\s*(?:vượt|đạt)\s+(?:chỉ\s+tiêu|mục\s+tiêu|kế\s+hoạch|nghị\s+quyết)(?!\w)"
    # "tương đương 50% diện tích theo kế hoạch": the planned measure named before the plan
    + r"|^\s*(?:diện\s+tích|sản\s+lượng|số\s+lượng|khối\s+lượng)\s+(?:theo\s+)?kế\s+hoạch(?!\w)"
    # "(…, đạt 207,6%) dự toán.": the bracket closed before the plan that ends the sentence
    r"|^\s*\)\s*(?:kế\s+hoạch|chỉ\s+tiêu|kh|dự\s+toán)(?:\s+[^\W\d_]+){0,3}\s*(?:[.;]|$)"
)
_K_TOTAL_TAIL = rx(r"^\s*(?:so\s+với\s+|trên\s+|của\s+)?tổng(?:\s+số)?(?!\w)")
_TAIL = rx(
    r"\s*(?:so\s+(?:với\s+)?)?(?:(?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu|cùng\s+kỳ|tổng\s+số|kh|ct|"
    r"nghị\s+quyết|dự\s+toán)(?:\s+(?:năm\s+trước|cả\s+năm|năm|đề\s+ra|được\s+giao|giao|"
    r"đảng\s+viên|pháp\s+lệnh|trung\s+ương|hđnd|tỉnh|thành\s+phố)){0,4}|"
    r"năm\s+trước|kỳ\s+trước|cùng\s+thời\s+điểm)(?!\w)"
)
_CONNECTOR_SUFFIX = rx(
    r"(?:(?<!\w)(?:đạt|bằng|vượt|tăng|giảm|cao|thấp|chiếm|hoàn\s+thành|được|là|thêm|với|khoảng|"
    r"trên|gần|hơn|đã|mức|chỉ\s+tiêu|kế\s+hoạch)[\s(]*)+$"
)
_PART_MARKER = rx(r"(?<!\w)(trong\s+số\s+đó|trong\s+đó|bao\s+gồm|gồm)(?!\w)")
_TOTAL_LEAD = rx(r"(?<!\w)(?:tổng\s+cộng|tổng\s+số|tổng|cộng)\s*(?:là|:)?\s*$")
_SUBJECT_TRIM = rx(r"^\s*(?:trong\s+đó|trong\s+số\s+đó|riêng|còn|và|cụ\s+thể)[\s,]*")
_LABEL_VERBS = words_rx(
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


_FIGURE_KINDS = {"money": "count", "money_range": "range", "money_pair": "pair"}


def scan(doc: Doc) -> list[Figure]:
    """Every figure of the body, in text order; masked numbers are not figures."""
    folded, text = doc.fold, doc.text
    taken = bytearray(len(folded) + 1)
    figures: list[Figure] = []

    def free(start: int, end: int) -> bool:
        return not any(taken[start:end]) and not doc.masked(start, end)

    def take(span: tuple[int, int]) -> None:
        taken[span[0] : span[1]] = b"\x01" * (span[1] - span[0])

    money = (
        [
            ("money_pair", _MONEY_PAIR),
            ("money_range", _MONEY_RANGE_UNITS),
            ("money_range", _MONEY_RANGE),
            ("money", _MONEY),
        ]
        if doc.money
        else []
    )
    for kind, pattern in (
        *money,
        ("rate_range", _RATE_RANGE),
        ("range", _RANGE),
        ("range", _DASH_RANGE),
        ("pair", _PAIR),
        ("percent", _PERCENT),
        ("count", _COUNT),
    ):
        for m in pattern.finditer(folded, 0, doc.limit):
            number_start = m.start("a") if m.start("a") >= 0 else m.start("a2")
            if not free(number_start, m.end()):
                continue
            sentence = _sentence_of(doc, m.start())
            if sentence is None or m.end() > sentence.end:
                continue
            read = _figure_values(kind, m, text)
            if read is None:
                take(m.span())  # a range of percentages: read no figure from it
                continue
            take(m.span())
            fig = _figure(doc, _FIGURE_KINDS.get(kind, kind), m, sentence, *read)
            fig.measure = _money_measure(doc, kind, m, fig)
            figures.append(fig)
    figures.sort(key=lambda f: f.start)
    for fig in figures:
        _describe(doc, fig)
    return figures


# "Thu ngân sách được trên 6 tỷ, đạt 180%": billions with no currency, of a money measure
_MONEY_SUBJECT = rx(
    r"(?<!\w)(?:thu\s+ngân\s+sách|tổng\s+thu|thu\s+nội\s+địa|chi\s+ngân\s+sách|doanh\s+thu"
    r"|lợi\s+nhuận|nộp\s+ngân\s+sách|giải\s+ngân|vốn\s+đầu\s+tư)(?!\w)"
)
_CLAUSE_CLOSE = re.compile(r"\s*(?:[,;.)]|$)")


def _money_measure(doc: Doc, kind: str, m: re.Match[str], fig: Figure) -> str | None:
    """The unit of an amount as written (``tỷ đồng``), None for a figure that is no amount."""
    if kind in ("money", "money_range", "money_pair"):
        return _measure(m)
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
    return bool(_MONEY_SUBJECT.search(doc.fold, fig.clause, fig.start))


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


# a capitalised word right before a number, as a name of numbered things ("Lô 17")
_LABEL_BEFORE = re.compile(r"(?<!\w)([A-ZĐ][^\W\d_]*) $")
_LABEL_WINDOW = 120


def _numbered_label(text: str, start: int) -> bool:
    """Whether the number at ``start`` follows a capitalised word that names another number
    nearby too (``dự án Lô 17, Lô 10/11 và Lô 12``): a series of names, no figures."""
    m = _LABEL_BEFORE.search(text, max(0, start - 20), start)
    if m is None:
        return False
    word = re.escape(m.group(1))
    low, high = max(0, start - _LABEL_WINDOW), start + _LABEL_WINDOW
    named = re.finditer(rf"(?<!\w){word} \d", text[low:high])
    return sum(1 for _ in named) > 1


def _figure_values(
    kind: str, m: re.Match[str], text: str
) -> tuple[tuple[Decimal, ...], Percent | None] | None:
    """The numbers a match of ``kind`` states, and its percentage if it is one (None for a
    range of percentages, or one that falls, ``09-1``, which is no figure)."""
    if kind == "rate_range":
        low = parse_number(m.group("a") or m.group("a2"))
        return (low, parse_number(m.group("b"))), None
    if kind == "money_range":
        scale = parse_number(f"1 {m.group('mag')}") * (10**9 if m.group("mag2") else 1)
        low, high = _range_ends(parse_number(m.group("a")), parse_number(m.group("b")))
        return (low * scale, high * scale), None
    if kind == "range":
        low, high = parse_number(m.group("a")), parse_number(m.group("b"))
        if m.groupdict().get("pa") or m.groupdict().get("pb") or low > high:
            return None  # a range of percentages, or a code ("Lô 09-1"): no figure
        scale = parse_number(f"1 {m.group('mag')}") if m.group("mag") else Decimal(1)
        return (low * scale, high * scale), None
    if kind == "pair":
        if _numbered_label(text, m.start("a")):
            return None  # "Lô 17, Lô 10/11": the name of a numbered thing
        return (parse_number(m.group("a")), parse_number(m.group("b"))), None
    if kind == "money_pair":
        scale = parse_number(f"1 {m.group('mag')}") * (10**9 if m.group("mag2") else 1)
        return (parse_number(m.group("a")) * scale, parse_number(m.group("b")) * scale), None
    if kind == "percent":
        percent = parse_percent(m.group("a"))
        return (percent.value,), percent
    mag = m.group("mag")
    value = parse_number(text[m.start("a") : m.end("a")] + (f" {mag}" if mag else ""))
    if m.groupdict().get("mag2"):  # "1,5 nghìn tỷ đồng": a thousand billion
        value *= 10**9
    return (value,), None


def _range_ends(low: Decimal, high: Decimal) -> tuple[Decimal, Decimal]:
    """The ends of a range of money in the scale written after it; a low end above the high
    one, that a thousandth of puts just below it, is written in the scale a thousand times
    smaller (``1.000.000-1.200 nghìn tỷ đồng``: 1.000.000 tỷ, 1.000 nghìn tỷ, to 1.200 nghìn
    tỷ)."""
    if low > high and high / 10 < low / 1000 <= high:
        return low / 1000, high
    return low, high


def _measure(m: re.Match[str]) -> str:
    """The unit of a money figure as written, folded to one spelling: ``tỷ đồng``, ``nghìn
    tỷ đồng``, ``triệu đồng``, ``đồng``, ``triệu USD`` …"""
    cur = " ".join((m.group("cur") or "đồng").split())
    currency = _CURRENCY.get(cur, "đồng")
    mags = [{"ngàn": "nghìn", "tỉ": "tỷ"}.get(g, g) for g in (m.group("mag"), m.group("mag2")) if g]
    per = "".join(f"/{w}" for w in re.findall(r"[^\W\d_]+", m.group("per") or ""))
    return " ".join([*mags, currency + per])


def _describe(doc: Doc, fig: Figure) -> None:
    """The noun after a figure, its qualifier, tail words and role."""
    folded = doc.fold
    sentence = fig.sentence
    lead = folded[fig.clause : fig.start]
    q = _QUALIFIER.search(lead)
    if q and q.group(1) == fold("hơn") and _COMPARATIVE.search(lead[: q.start(1)]):
        q = None
    if q and not (q.group(1) == fold("trên") and _WHOLE.search(lead)):
        fig.qualifier = doc.text[fig.clause + q.start(1) : fig.clause + q.end(1)].lower()
        fig.qual_start = fig.clause + q.start(1)
    pos = _after_number(doc, fig)
    if (up := _UPWARDS.match(folded, pos)) and up.end() <= sentence.end:
        fig.qualifier = fig.qualifier or "trở lên"
        pos = up.end()
    fig.tail_end = pos
    if fig.kind in ("percent", "rate_range"):
        fig.role = fig.kind
        return
    outer = lead
    if not lead.strip() and fig.clause > 0 and doc.text[fig.clause - 1] == "(":
        outer = folded[doc.clause_start(fig.clause - 1, sentence.start) : fig.clause - 1]
    fig.role = _role(fig, lead, outer)
    if fig.role == "target" and _result_with_own_percent(doc, fig, lead):
        fig.role = "actual"
    if _no_result(doc, fig, lead):
        fig.role = "modifier"
    elif (
        fig.role == "actual"
        and fig.kind in ("count", "range")
        and _PLAN_IN_BRACKET.search(
            folded, max(sentence.start, fig.start - 120), fig.qual_start or fig.start
        )
    ):
        fig.role = "bracket_plan"  # a target, joined after the percentages
    if (
        fig.role == "actual"
        and fig.kind != "pair"
        and (
            _sets_target(
                folded[sentence.start : fig.start],
                lead,
                folded[fig.noun_start or fig.end : sentence.end],
                folded[fig.noun_end or fig.end : sentence.end],
            )
            or _heading_target(doc, fig)
        )
    ):
        fig.role, fig.set_out = "target", True


# "… như gạo đạt gần 200 tấn, vượt 20% kế hoạch": a verb of a result right before a figure
_RESULT_VERB_END = rx(r"(?<!\w)đạt\s*(?:(?:gần|khoảng|hơn|trên)\s*)?$")


def _result_with_own_percent(doc: Doc, fig: Figure, lead: str) -> bool:
    """Whether a figure read as a target by a plan named earlier in its clause is a result:
    reached (``đạt`` right before it) and followed by its own percentage of the plan
    (``các mặt hàng đều vượt kế hoạch như gạo đạt 200 tấn, vượt 20% kế hoạch, chè đạt
    50 tấn …``): never the target of the next item's amount."""
    return (
        _RESULT_VERB_END.search(lead) is not None
        and not _STRIVE.search(lead)
        and not _aimed(lead)
        and _attained_after(doc.fold, fig)
    )


# "bằng 93,2% kế hoạch năm 2025 (130.000 lao động)": the plan's figure in brackets after it
_PLAN_IN_BRACKET = rx(
    r"\d\s*%\s*(?:so\s+(?:với\s+)?)?(?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu|dự\s+toán|nghị\s+quyết)"
    r"(?:\s+[^\W_]+){0,9}\s*(?:\(\s*(?:(?:kh|ct|mt|dt)\s*:\s*)?|\s[-–]\s+)$"
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


# "7/9 công ty ghi nhận doanh thu tăng": a count of units out of all of them, no result
# against a target ("Xã A kết nạp 14/12 đảng viên" counts members, and stays a pair; Party
# organisations, "có 40/40 chi bộ triển khai", are what Party reports count, and stay too)
_UNITS_COUNTED = rx(
    r"\s+(?:doanh\s+nghiệp|công\s+ty|đơn\s+vị|địa\s+phương|tỉnh|thành\s+phố|bộ|ngành|"
    r"ngân\s+hàng|hợp\s+tác\s+xã|xã|phường|huyện|quận|trường)(?!\w)"
)
# what may stand before such a count in its clause: no verb of a result, "có" at most
_UNITS_LEAD = rx(r"^[\s(:\-–]*(?:(?:trong\s+đó|riêng|còn|cả|đã|có|chỉ|mới)\s+)*$")
_PERCENT_NEXT = re.compile(r"\s*[(,]?\s*(?:\w+\s+){0,2}\d[\d.,]*\s*%")
# "1/8 chi cục đạt dưới 50% dự toán": units counted by a threshold they reach or miss
_THRESHOLD_AFTER = rx(
    r"\s+(?:[^\W\d_]+\s+){1,4}?(?:(?:chỉ\s+|mới\s+)?đạt\s+)(?:từ|dưới|trên)\s+"
    rf"(?:{NUM})\s*%"
)


def _units_out_of_all(doc: Doc, fig: Figure, lead: str) -> bool:
    """Whether the fraction ``fig`` counts units out of all of them (``có 5/9 doanh nghiệp
    có lãi cao hơn``): the units are named right after it, no verb of a result comes
    before it in its clause, and no percentage follows it (``5/9 xã (56%)`` keeps its
    reading); or the units are counted by a threshold they reach or miss (``1/8 chi cục đạt
    dưới 50% dự toán``), whatever they are called."""
    end = fig.sentence.end
    return (
        (
            _UNITS_COUNTED.match(doc.fold, fig.end, end) is not None
            or _THRESHOLD_AFTER.match(doc.fold, fig.end, end) is not None
        )
        and _UNITS_LEAD.match(lead) is not None
        and _PERCENT_NEXT.match(doc.fold, fig.end, fig.sentence.end) is None
    )


def _no_result(doc: Doc, fig: Figure, lead: str) -> bool:
    """Whether a figure read as a result or an excess is neither: more than last year
    ("vượt 20 đảng viên so với cùng kỳ"), a multiple ("gấp 2,1 lần so với cùng kỳ"), an
    excess aimed at ("hướng mốc vượt kế hoạch 2 triệu tấn"), a change since a base ("tăng
    1.172 xã so với cuối năm 2021") or a count of units out of all (:func:`_units_out_of_all`)."""
    folded, end = doc.fold, fig.sentence.end
    if fig.role not in ("actual", "excess"):
        return False
    if fig.kind == "pair":
        return _units_out_of_all(doc, fig, lead)
    if _MULTIPLE_LEAD.search(lead) and _MULTIPLE.match(folded, fig.start, end):
        return True
    if fig.role == "excess":
        past = _K_GROWTH_TAIL.match(folded[fig.noun_end or fig.end : end])
        return bool(past or _AIM_EXCESS.search(lead) or _measure_over(doc, fig, lead))
    return bool(
        _K_GROWTH.search(lead) and _K_GROWTH_TAIL.match(folded[fig.noun_end or fig.tail_end : end])
    )


def _after_number(doc: Doc, fig: Figure) -> int:
    """Where the words that belong to a figure end: the noun after a number (up to four
    words, which become the figure's noun), the tail words after a percentage."""
    folded = doc.fold
    sentence = fig.sentence
    pos = fig.end
    if fig.kind == "percent":
        if (t := _TAIL.match(folded, pos)) and t.end() <= sentence.end:
            pos = t.end()
        return pos
    words: list[tuple[int, int]] = []
    while len(words) < 4:
        w = _WORD.match(folded, pos)
        if not w or w.end(1) > sentence.end or doc.text[w.start(1) : w.end(1)].lower() in _STOP:
            break
        words.append(w.span(1))
        pos = w.end(1)
    if words:
        fig.noun_start, fig.noun_end = words[0][0], words[-1][1]
    return pos


# a figure planned ("dự kiến trồng gần 1,7 triệu cây") in a sentence that names the plan
# before it and the result after it ("…, kết quả thực hiện đạt 1.131.000 cây")
_PLANNED = rx(r"(?<!\w)dự\s+kiến(?:\s+[^\W\d_]+){0,2}?\s*(?:(?:gần|khoảng|hơn|trên)\s*)?$")
_RESULT_LATER = rx(r"(?<!\w)kết\s+quả(?!\w)")


# "Năm nay, công ty lên kế hoạch kinh doanh với doanh thu dự kiến đạt 900 tỷ đồng; lợi nhuận
# ước đạt 90 tỷ đồng": the figures of a plan drawn up, the verbs of forecasts after it
_PLAN_DRAWN = rx(
    r"(?<!\w)(?:lên|đặt(?:\s+ra)?|xây\s+dựng|thông\s+qua)\s+kế\s+hoạch(?:\s+[^\W\d_]+){0,3}?"
    r"\s+với(?!\w)"
)
_FORECAST_END = rx(
    r"(?<!\w)(?:dự\s+kiến|ước(?:\s+tính)?)(?:\s+(?:đạt|là|ở\s+mức))?"
    r"\s*(?:(?:gần|khoảng|hơn|trên)\s*)?$"
)
_RESULT_SINCE_PLAN = rx(
    r"(?<!\w)(?:đã|lũy\s+kế|luỹ\s+kế|thực\s+hiện\s+được|kết\s+quả|nhưng|song|như\s+vậy)(?!\w)"
)

_COMPARED_SPAN = rx(r"(?<!\w)so\s+với[^,;]*")


def _drawn_plan_figure(before: str, lead: str) -> bool:
    """Whether a figure after a forecast verb (``dự kiến đạt``, ``ước đạt``) is a figure of
    the plan its sentence says was drawn up (:data:`_PLAN_DRAWN`) with no result since."""
    if not _FORECAST_END.search(lead):
        return False
    drawn = next(reversed(list(_PLAN_DRAWN.finditer(before))), None)
    if drawn is None:
        return False
    # "giảm 1% so với doanh thu đã thực hiện năm trước": a past result compared, no result since
    since = _COMPARED_SPAN.sub(" ", before[drawn.end() :])
    return not _RESULT_SINCE_PLAN.search(since)


def _sets_target(before: str, lead: str, after: str = "", after_number: str = "") -> bool:
    """Whether a count is a target by the words before it in its sentence: a yearly figure
    of a sentence that sets targets ("phấn đấu … 600, mỗi năm 120"), or a figure a
    resolution or plan sets out ("Nghị quyết … đề ra mỗi năm kết nạp 1.500")."""
    if _drawn_plan_figure(before, lead):
        return True
    if (m := _SET_OUT.search(lead)) and not _MET_BEFORE.search(lead[: m.start()]):
        if _COUNTED_PLANS.match(after) or _reached_after_assigned(lead[m.start() :]):
            return False
        cue = _TARGET_CUE.search(before[: len(before) - len(lead) + m.start() + 1] + " ")
        if cue or fold("đề ra") in lead[m.start() :] or fold("giao") in lead[m.start() :]:
            return not _MET_STRICT.search(before[: len(before) - len(lead) + m.start()])
    if _PLANNED.search(lead) and _PLAN_WORD.search(before) and _RESULT_LATER.search(after):
        return True  # "theo kế hoạch, … dự kiến trồng 1,7 triệu cây, kết quả thực hiện đạt …"
    if _plan_opened(before, lead, after):
        return True
    if _yearly_duty(before, lead, after_number):
        return True  # "Hằng năm, Đảng bộ xã A phải kết nạp từ 40 đảng viên trở lên"
    if _EACH_YEAR.search(lead):
        if lead.rstrip().endswith(fold("từ")) and _UPWARDS.match(after_number):
            return True  # "Hàng năm kết nạp mới từ 25 đảng viên trở lên": a norm set
        cues = list(_TARGET_CUE.finditer(before))
        return bool(cues) and not _MET_WORDS.search(before[: cues[0].start()])
    return False


# "Theo kế hoạch năm 2022, xã A kết nạp 40 đảng viên, kết quả kết nạp được 45": a sentence
# that opens with the plan it follows, its figure right after a plain verb, a result after it
_PLAN_OPENING = rx(r"^\s*theo\s+(?:kế\s+hoạch|chỉ\s+tiêu|nghị\s+quyết)(?!\w)")
_PLAIN_VERB_END = rx(r"(?<!\w)(?:kết\s+nạp|phát\s+triển|thành\s+lập)(?:\s+mới)?\s*$")
_RESULT_SAID = rx(r"(?<!\w)(?:kết\s+quả|đã|thực\s+hiện(?:\s+[^\W\d_]+){0,2}?\s+được)(?!\w)")


def _plan_opened(before: str, lead: str, after: str) -> bool:
    """Whether a figure is the plan's in a sentence opening with ``Theo kế hoạch`` (or
    ``chỉ tiêu``, ``nghị quyết``): right after a plain verb (``kết nạp``, not ``kết nạp
    được``), no word of a result before it, a word of one after it (``kết quả``, ``đã``,
    ``thực hiện được``)."""
    return bool(
        _PLAN_OPENING.search(before)
        and _PLAIN_VERB_END.search(lead)
        and not _RESULT_SINCE_PLAN.search(before)
        and not _MET_STRICT.search(before)
        and _RESULT_SAID.search(after)
    )


# "… phải kết nạp từ 40 đảng viên", "phải thu ít nhất 9 tỷ đồng": a duty's figure
_DUTY = rx(r"(?<!\w)phải(?:\s+[^\W\d_]+){1,3}?(?:\s+(?:từ|ít\s+nhất|tối\s+thiểu))?\s*$")
_YEARLY_IN = rx(r"(?<!\w)(?:mỗi|hằng|hàng)\s+năm(?!\w)")


def _yearly_duty(before: str, lead: str, after_number: str) -> bool:
    """Whether a figure is what a unit must reach each year: right after ``phải`` and its
    verb (at most three words) in a sentence that says ``mỗi năm`` before it, or with ``trở
    lên`` after it. A cost borne (``năm qua phải chi 3 tỷ đồng``) is neither."""
    if not _DUTY.search(lead):
        return False
    return bool(_YEARLY_IN.search(before) or _UPWARDS.match(after_number))


# "… toàn địa bàn được giao đạt 12,3 tỷ USD": the area assigned, the figure reached
_REACHED_END = rx(r"(?<!\w)(?:đạt|thực\s+hiện|thu\s+được|kết\s+nạp\s+được)\s*$")


def _reached_after_assigned(words: str) -> bool:
    """Whether the words from ``giao`` to a figure end with a verb of a result (``được giao
    đạt 12,3 tỷ USD``) and name no plan or aim between (``được giao kế hoạch đạt 150``,
    ``giao phấn đấu đạt 150`` set targets): the figure is reached, not assigned."""
    return bool(_REACHED_END.search(words)) and not (
        _PLAN_WORD.search(words) or _STRIVE.search(words)
    )


def _heading_target(doc: Doc, fig: Figure) -> bool:
    """A bare count in a list under a heading that sets targets ("giao chỉ tiêu kết nạp
    đảng viên: huyện A 150; huyện B 110"): each item is a unit's target."""
    sentence = fig.sentence
    colon = doc.text.rfind(":", sentence.start, fig.start)
    if colon >= 0:
        heading = doc.fold[sentence.start : colon]
        if _TARGET_CUE.search(heading) and not _MET_WORDS.search(heading):
            # a bare count, or one with its noun and no verb of its own ("xã A 150 đảng viên")
            return fig.noun_start is None or not _ITEM_VERB.search(doc.fold[colon : fig.start])
    return _assigned_to_units(doc, fig)


# "giao chỉ tiêu kết nạp đảng viên cho huyện A 150 đảng viên, huyện B 110 đảng viên"
_ASSIGNED_TO = rx(r"(?<!\w)giao\s+(?:chỉ\s+tiêu|kế\s+hoạch)(?:\s+[^\W\d_]+){0,6}?\s+cho(?!\w)")
_ITEM_VERB = rx(r"(?<!\w)(?:kết\s+nạp|phát\s+triển|thành\s+lập|đạt|vượt|được|đã)(?!\w)")


def _assigned_to_units(doc: Doc, fig: Figure) -> bool:
    """A figure of the units a target is assigned to (``giao chỉ tiêu … cho huyện A 150
    đảng viên, huyện B 110``): after ``giao chỉ tiêu … cho``, with no word of a result
    before the assignment nor a verb between it and the figure."""
    lead = doc.fold[fig.sentence.start : fig.start]
    found = list(_ASSIGNED_TO.finditer(lead))
    if not found or _MET_WORDS.search(lead[: found[-1].start()]):
        return False
    return not _ITEM_VERB.search(lead[found[-1].end() :])


def _target_word(lead: str, pattern: re.Pattern[str]) -> re.Match[str] | None:
    """A target word of ``lead`` that is not the noun of a count ("9 chỉ tiêu vượt")."""
    for m in pattern.finditer(lead):
        if not _NUMBER_END.search(lead[: m.start()]):
            return m
    return None


# "vượt mục tiêu Chính phủ giao 65 tỷ USD", "vượt mục tiêu phấn đấu 26.000 tỷ đồng", "vượt
# xa mức được giao là 17.726 tỷ đồng": the amount of the plan named by who set it or as
# striven for (not "vượt kế hoạch 2 triệu tấn", an excess)
_BEAT_NAMED_PLAN = rx(
    r"(?<!\w)vượt\s+(?:mức\s+)?(?:mục\s+tiêu|chỉ\s+tiêu|kế\s+hoạch|dự\s+toán)\s+"
    r"(?:phấn\s+đấu|(?:của\s+)?(?:chính\s+phủ|thủ\s+tướng(?:\s+chính\s+phủ)?|trung\s+ương"
    r"|quốc\s+hội|hđnd(?:\s+tỉnh)?|hội\s+đồng\s+nhân\s+dân(?:\s+tỉnh)?|tỉnh|thành\s+phố)"
    r"(?:\s+(?:đã\s+)?(?:giao|đề\s+ra))?)\s*(?:là\s*)?$"
    r"|(?<!\w)vượt(?:\s+xa)?\s+mức\s+(?:được\s+)?giao(?:\s+là)?\s*$"
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
_PERCENT_OF_MEASURE_PLAN = rx(
    rf"%\s*(?:so\s+(?:với\s+)?)?{PLAN_NOUNS}\s+(?:tổng\s+)?"
    r"(?:doanh\s+thu|lợi\s+nhuận|lãi(?!\s+suất)|thu\s+ngân\s+sách|thu\s+nội\s+địa|xuất\s+khẩu)"
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
    of a result in the name (``phần kế hoạch vốn đã được giải ngân đạt …`` is a result)."""
    m = _CAPITAL_PLAN.search(lead)
    return m is not None and not (
        _MET_WORDS.search(lead, m.start()) or _RESULT_AFTER_TARGET.search(lead, m.start())
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
_FALLING = rx(r"(?<!\w)(?:còn|giảm(?:\s+xuống)?(?:\s+còn)?)\s*$")


# "đạt 105% kế hoạch và 3 triệu cây …": the plan a percentage is of, not a plan of the next
_OF_PERCENT = rx(r"%\s*(?:so\s+(?:với\s+)?)?$")


def _met_before(lead: str) -> bool:
    """Whether a plan named at the end of ``lead`` is met ("đạt mục tiêu"), not aimed at
    ("Để đạt mục tiêu …")."""
    return bool(_MET_BEFORE.search(lead)) and not _PURPOSE_MET.search(lead)


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


def _role(fig: Figure, lead: str, outer: str) -> str:
    """The role of a number from the words before it in its clause (``lead``) or, for a
    number opening a bracket, before the bracket (``outer``)."""
    if _OF.search(lead):
        return "modifier"
    if _WHOLE.search(lead) or _WHOLE.search(outer):
        return "whole"
    if fig.kind == "pair":
        # "chiếm khoảng 1/3 toàn tỉnh": a share written as a fraction, no result
        return "modifier" if _K_SHARE.search(lead) else "actual"
    if _BEAT_NAMED_PLAN.search(lead):
        return "target"
    if _counted_plan_in_bracket(fig, lead, outer):
        return "beaten_plan"  # "vượt kế hoạch đề ra (5.000 căn)": the plan, not the excess
    if _EXCESS.search(lead) or _EXCESS.search(outer):
        return "excess"
    if (
        _target_word(lead, _TARGET_END)
        or _target_word(outer, _TARGET_END)
        or (_TARGET_START.search(lead) and not _RESULT_AFTER_FIGURE.search(lead))
        or _STRIVE.search(lead)
        or _SET_PLAN_WITH.search(lead)
        or _PLAN_ITEM.search(lead)
        or _aimed(lead)
        or (
            (m := _target_word(lead, _TARGET_WORDS))
            and not _met_before(lead[: m.start()])
            and not _OF_PERCENT.search(lead[: m.start()])
        )
        or _PLAN_IS.search(lead)
        or _PERCENT_OF_MEASURE_PLAN.search(lead)
        or _capital_plan(lead)
        or _PLAN_IN_NAME.search(lead)
        or (lead.strip(" (") == "" and _PLAN_PERCENT.search(outer))
        or (  # "46% mục tiêu doanh thu (38.185 tỷ đồng)": the amount of the plan named
            lead.strip(" (") == ""
            and (m := _target_word(outer, _PLAN_NAMED))
            and not _MET_BEFORE.search(outer[: m.start()])
        )
    ):
        return "target"
    if lead.strip(" (") == "" and outer is not lead and _BEATEN_PLAN.search(outer):
        return "beaten_plan"
    return "actual"


# --------------------------------------------------------------------------- statements


def _same_measure(a: Figure, b: Figure) -> bool:
    """Whether two figures count in the same way: both money of one currency, or neither
    money (an amount never pairs with a count of people or things)."""
    if a.measure is None or b.measure is None:
        return a.measure is None and b.measure is None
    return a.measure.split()[-1] == b.measure.split()[-1]


def _nouns_agree(doc: Doc, a: Figure, b: Figure) -> bool:
    if not _same_measure(a, b):
        return False
    if a.noun_start is None or b.noun_start is None or a.noun_end is None or b.noun_end is None:
        return True
    x = doc.fold[a.noun_start : a.noun_end].split()
    y = doc.fold[b.noun_start : b.noun_end].split()
    n = min(len(x), len(y), 2)
    return x[:n] == y[:n]


def _unit_before(doc: Doc, sentence: Sentence, pos: int) -> str | None:
    """The unit named last before ``pos`` in the sentence (its code, else its text)."""
    names = doc.units_in(sentence.start, pos)
    return (names[-1].code or names[-1].text) if names else None


def assemble(doc: Doc, figures: list[Figure]) -> list[Draft]:
    """Join the figures of each sentence into drafts of statements."""
    drafts: list[Draft] = []
    by_sentence: dict[int, list[Figure]] = {}
    for f in figures:
        by_sentence.setdefault(f.sentence.start, []).append(f)
    previous: list[Figure] = []
    for figs in by_sentence.values():
        drafts.extend(_assemble_sentence(doc, figs, previous))
        previous = figs
    return drafts


def _assemble_sentence(doc: Doc, figs: list[Figure], previous: list[Figure]) -> list[Draft]:
    sentence = figs[0].sentence
    _excess_as_qualifier(doc, figs)
    _amounts_of_counts(doc, figs)
    _change_amounts(doc, figs)
    _within_targets(doc, figs)
    drafts = _actual_drafts(doc, sentence, figs)
    # targets stated apart from their actual join the nearest actual counting the same thing
    for f in figs:
        if f.role == "target":
            _attach_target(doc, sentence, f, drafts, figs)
    drafts.sort(key=lambda d: d.anchor)
    for f in figs:
        if f.role in ("whole", "excess"):
            _attach_whole_or_excess(f, drafts, figs)
    for f in figs:
        if f.role == "percent" and not _growth_statement(doc, f, figs, previous, drafts):
            _attach_percent(doc, f, figs, drafts)
        elif f.role == "rate_range":
            _rate_against_range(doc, f, figs)
    _attach_plans_after(doc, figs, drafts)
    _respective_attainments(doc, figs, drafts)
    _respective_growths(doc, figs, drafts)
    _amount_said_last(doc, figs, drafts)
    _growth_to_amount(doc, figs, drafts)
    _attach_exceeded_plans(doc, figs, drafts)
    _split_other_plans(doc, figs, drafts)
    _plan_after_bare_percent(doc, drafts)
    return sorted(drafts, key=lambda d: d.anchor)


def _plan_after_bare_percent(doc: Doc, drafts: list[Draft]) -> None:
    """Give a bare percentage the amount of its plan named by its measure right after it.

    ``Như vậy, công ty đạt 60% kế hoạch lợi nhuận 2.000 tỷ đồng``
    (:data:`_PERCENT_OF_MEASURE_PLAN`): a percentage with neither result nor plan of its own
    takes the amount that stands alone as a draft of a target; its result is looked for
    before the sentence (:func:`~kpitools.extract.targets.link_named_plans`).
    """
    alone = [t for t in drafts if t.target_fig is not None and len(t.figures) == 1]
    for d in [d for d in drafts if d.percent_fig is not None]:
        p = d.percent_fig
        if p is None or d.actual is not None or d.target is not None or d.rate_of:
            continue
        t = next((t for t in alone if t.anchor > p.end), None)
        if t is None or t.target_fig is None:
            continue
        f = t.target_fig
        if not _PERCENT_OF_MEASURE_PLAN.fullmatch(doc.fold, p.end - 1, f.qual_start or f.start):
            continue
        d.target_fig, d.target, f.owner = f, t.target, d
        drafts.remove(t)
        alone.remove(t)


def _growth_statement(
    doc: Doc, f: Figure, figs: list[Figure], previous: list[Figure], drafts: list[Draft]
) -> bool:
    """Whether the percentage ``f`` was taken as a growth set against a plan's rate: against
    the rate in brackets after it, by the margin written between them, or against the plan
    opening the next sentence (each made its statement)."""
    return (
        _growth_against_bracket(doc, f, figs, previous)
        or _growth_by_margin(doc, f, figs, previous)
        or _plan_of_growth_before(doc, f, previous, drafts)
    )


# "So với mục tiêu được giao là 7% thì …": a sentence opening with the plan's rate the growth of
# the sentence before is set against
_COMPARED_PLAN_OPENING = rx(
    r"^\W*so\s+(?:với\s+)?(?:mức\s+)?(?:mục\s+tiêu|kế\s+hoạch|kịch\s+bản|chỉ\s+tiêu)"
    r"(?:\s+(?!đạt|vượt|tăng(?!\s+trưởng)|giảm)[^\W\d_]+){0,6}\s*(?:là|:)\s*$"
)
_GROWTH_LEAD = rx(r"(?<!\w)tăng\s*(?:khoảng|gần|hơn|trên)?\s*$")


def _plan_of_growth_before(
    doc: Doc, f: Figure, previous: list[Figure], drafts: list[Draft]
) -> bool:
    """A plan's rate opening a sentence (``So với mục tiêu được giao là 7% thì …``) set against
    the one percentage of the sentence before in the paragraph when that is a growth (``tăng
    7,8% so với năm trước``) of the same size (half to twice the plan's): a statement of the
    growth against the plan; whether it made one."""
    if f.kind != "percent" or f.qualifier is not None or f.clause != f.sentence.start:
        return False
    if not _COMPARED_PLAN_OPENING.match(doc.fold[f.sentence.start : f.span_start]):
        return False
    rates = [g for g in previous if g.kind == "percent"]
    if len(rates) != 1 or rates[0].sentence.paragraph != f.sentence.paragraph:
        return False
    growth = rates[0]
    if growth.qualifier is not None or not _GROWTH_LEAD.search(
        doc.fold, growth.clause, growth.span_start
    ):
        return False
    if not f.values[0] / 2 < growth.values[0] < f.values[0] * 2:
        return False
    d = Draft(growth.sentence, actual_fig=growth, actual=growth.value, target_fig=f, target=f.value)
    f.owner = d
    growth.measure = f.measure = "%"
    drafts.append(d)
    return True


def _attach_plans_after(doc: Doc, figs: list[Figure], drafts: list[Draft]) -> None:
    """Plans in brackets, joined after the percentages are placed (see the two below)."""
    for f in figs:
        if f.role == "bracket_plan":
            f.role = "target"
            _attach_bracket_plan(doc, f, figs, drafts)
        elif f.role == "beaten_plan":
            f.role = "target"
            _attach_beaten_plan(doc, f, figs, drafts)


# "… đạt lần lượt 500 tỷ đồng và 40 tỷ đồng, lần lượt hoàn thành 80% và 50% kế hoạch năm"
# "… 500 tỷ đồng (+5%) và 40 tỷ đồng (+26%), tương ứng hoàn thành …": a signed change in
# brackets right after each amount
_SIGNED_CHANGE = r"(?:\s*\(\s*[+\-−]\s*[\d.,]+\s*%\s*\))?"
_JOINED = rx(rf"^{_SIGNED_CHANGE}\s*(?:,|và)\s*$")
_RESPECTIVE = rx(r"(?<!\w)lần\s+lượt(?!\w)")
# "doanh thu đạt 500 tỷ đồng, lợi nhuận đạt 40 tỷ đồng, lần lượt …": the second amount with
# its own measure and verb
_NEXT_AMOUNT = rx(
    r"^\s*(?:,|và|,\s*và)\s*(?:[^\W\d_]+\s+){1,6}?(?:ước\s+)?(?:đạt|là|ghi\s+nhận)\s*$"
)
# "lần lượt tăng 12% và 25% so với cùng kỳ": two growths said respectively, between the
# amounts and their attainments
_GROWTH_PAIR = rx(
    rf"(?:lần\s+lượt\s+)?(?:tăng|giảm)\s+(?:{NUM})\s*%\s+và\s+(?:{NUM})\s*%\s+so\s+với\s+"
    r"(?:cùng\s+kỳ|năm\s+trước|năm\s+ngoái)(?:\s+năm)?(?:\s+(?:trước|ngoái|(?:19|20)\d\d))?"
)
_RESPECTIVE_VERB = rx(
    rf"^{_SIGNED_CHANGE}\s*,?\s*(?:{_GROWTH_PAIR.pattern}\s*,\s*)?(?:và\s+)?(?:đã\s+)?"
    r"(?:(?:lần\s+lượt|tương\s+ứng)\s+)?(?P<verb>hoàn\s+thành|đạt|thực\s+hiện|bằng|vượt)"
    r"(?:\s+được)?(?:\s+(?:lần\s+lượt|tương\s+ứng))?\s*$"
)
_PLAN_NEXT = rx(r"^\s*(?:so\s+(?:với\s+)?)?(?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu|dự\s+toán)(?!\w)")


def _respective_attainments(doc: Doc, figs: list[Figure], drafts: list[Draft]) -> None:
    """Two amounts and then two attainments of a plan, said ``lần lượt`` (respectively):
    each amount takes the percentage in its place (``doanh thu và lợi nhuận đạt lần lượt 500
    tỷ đồng và 40 tỷ đồng, lần lượt hoàn thành 80% và 50% kế hoạch năm``)."""
    figs = [f for f in figs if not _signed_change(doc, f) and not _in_growth_pair(doc, f)]
    for a1, a2, p1, p2 in zip(figs, figs[1:], figs[2:], figs[3:], strict=False):
        if not _respective_run(doc, a1, a2, p1, p2):
            continue
        verb = _RESPECTIVE_VERB.match(doc.fold[a2.end : p1.span_start])
        kind = "excess" if verb and verb.group("verb") == fold("vượt") else "attainment"
        for a, p in ((a1, p1), (a2, p2)):
            d, own = a.owner, p.owner
            assert d is not None and own is not None
            d.percent_fig, p.owner, d.respective, d.respective_kind = p, d, True, kind
            if own in drafts and own is not a1.owner and own is not a2.owner:
                drafts.remove(own)


_SIGNED_CHANGE_AT = rx(r"\(\s*[+\-−]\s*$")


_RESPECTIVE_GROWTH = rx(
    r"^\s*,\s*(?:(?:lần\s+lượt|tương\s+ứng)\s+tăng|tăng\s+(?:lần\s+lượt|tương\s+ứng))\s*$"
)


def _respective_growths(doc: Doc, figs: list[Figure], drafts: list[Draft]) -> None:
    """Two amounts and then two growths said respectively (``lợi nhuận trước thuế đạt 620 tỷ
    đồng và lợi nhuận sau thuế 540 tỷ đồng, tương ứng tăng 11% và 19% so với cùng kỳ``):
    each amount takes the growth in its place (the second amount had taken both)."""
    figs = [f for f in figs if not _signed_change(doc, f)]
    for a1, a2, g1, g2 in zip(figs, figs[1:], figs[2:], figs[3:], strict=False):
        if not _respective_growth_run(doc, a1, a2, g1, g2):
            continue
        d1, d2, old = a1.owner, a2.owner, g2.owner
        assert d1 is not None and d2 is not None
        d1.percent_fig, g1.owner, d2.percent_fig, g2.owner = g1, d1, g2, d2
        for d in (d1, d2):
            d.respective, d.respective_kind = True, "growth"
        if old is not None and old is not d1 and old is not d2 and old in drafts:
            drafts.remove(old)


def _amounts_joined(fold_: str, a1: Figure, a2: Figure) -> bool:
    """Whether two amounts of a respective run follow each other: joined by a conjunction,
    or the second right after the first (its own measure and verb between)."""
    between = fold_[a1.end : a2.span_start]
    return bool(_JOINED.match(between) or _NEXT_AMOUNT.match(between))


def _respective_growth_run(doc: Doc, a1: Figure, a2: Figure, g1: Figure, g2: Figure) -> bool:
    """Whether ``a1 a2 g1 g2`` are two amounts and their growths said respectively."""
    fold_ = doc.fold
    if not all(f.sentence is a1.sentence for f in (a2, g1, g2)):
        return False
    if (a1.kind, a2.kind, g1.kind, g2.kind) != ("count", "count", "percent", "percent"):
        return False
    if a1.measure is None or not _same_measure(a1, a2) or g1.qualifier or g2.qualifier:
        return False
    d1, d2 = a1.owner, a2.owner
    if d1 is None or d2 is None or d1 is d2 or d1.actual_fig is not a1 or d2.actual_fig is not a2:
        return False
    if d1.percent_fig is not None or d1.target is not None or d2.target is not None:
        return False
    return bool(
        _amounts_joined(fold_, a1, a2)
        and _RESPECTIVE_GROWTH.match(fold_[a2.end : g1.span_start])
        and _JOINED.match(fold_[g1.end : g2.span_start])
        and _K_GROWTH_TAIL.match(fold_[g2.end : g2.sentence.end])
    )


def _in_growth_pair(doc: Doc, f: Figure) -> bool:
    """Whether the percentage ``f`` is one of two growths said respectively
    (:data:`_GROWTH_PAIR`), skipped in a respective run of attainments after them."""
    if f.kind != "percent":
        return False
    low = max(f.sentence.start, f.start - 40)
    m = _GROWTH_PAIR.search(doc.fold, low, min(f.sentence.end, f.end + 80))
    return m is not None and m.start() <= f.start < m.end()


def _signed_change(doc: Doc, f: Figure) -> bool:
    """Whether ``f`` is a percentage in brackets with its sign, right after an amount
    (``500 tỷ đồng (+5%)``): a change beside the amount, skipped in a respective run."""
    return (
        f.kind == "percent"
        and _SIGNED_CHANGE_AT.search(doc.fold, max(0, f.start - 4), f.start) is not None
        and doc.fold.startswith(")", f.end)
    )


def _took_first(d2: Draft, p1: Figure, e1: Draft) -> bool:
    """Whether the second amount's draft ``d2`` took the first percentage ``p1`` as its own.

    ``đạt lần lượt 500 tỷ đồng và 40 tỷ đồng, hoàn thành 80% và 50%``: with no ``lần
    lượt`` after the amounts, 80 % was read as the nearest amount's; the run gives it back.
    """
    return e1 is d2 and d2.percent_fig is p1


def _respective_run(doc: Doc, a1: Figure, a2: Figure, p1: Figure, p2: Figure) -> bool:
    """Whether ``a1 a2 p1 p2`` are two amounts and their attainments said respectively."""
    fold_ = doc.fold
    if not all(f.sentence is a1.sentence for f in (a2, p1, p2)):
        return False
    if a1.kind != "count" or a2.kind != "count" or p1.kind != "percent" or p2.kind != "percent":
        return False
    if a1.measure is None or not _same_measure(a1, a2) or p1.qualifier or p2.qualifier:
        return False
    d1, d2, e1, e2 = a1.owner, a2.owner, p1.owner, p2.owner
    if d1 is None or d2 is None or e1 is None or e2 is None or d1 is d2 or e1 is e2:
        return False
    took = _took_first(d2, p1, e1)
    for d, f in ((d1, a1), (d2, a2)):
        if d.actual_fig is not f or d.target is not None:
            return False
        if d.percent_fig is not None and not (took and d is d2):
            return False
    if (e1.actual is not None and not took) or (
        e2.actual is not None and not (took and e2.actual_fig is a2)
    ):
        return False
    return bool(
        _amounts_joined(fold_, a1, a2)
        and _JOINED.match(fold_[p1.end : p2.span_start])
        and _RESPECTIVE_VERB.match(fold_[a2.end : p1.span_start])
        and _RESPECTIVE.search(fold_, a1.sentence.start, p1.start)
        and _PLAN_NEXT.match(fold_[p2.end : p2.end + 40])
    )


def _attach_beaten_plan(doc: Doc, f: Figure, figs: list[Figure], drafts: list[Draft]) -> None:
    """A plan in brackets after ``vượt mục tiêu …`` is the target of the count before it.

    ``chỉ số SAIDI … chỉ còn 230 phút, vượt mục tiêu kế hoạch đầu năm (233 phút)``: 230
    against 233, when the count before it is a result of no target or percentage, counts the
    same thing (the same noun, neither or both money) and beats the plan as the words say
    (above it; below it for a figure that fell, ``còn``, ``giảm``). Else a target on its own.
    """
    a = next((g for g in reversed(figs) if g.start < f.start and g.role == "actual"), None)
    d = a.owner if a is not None else None
    if (
        a is not None
        and d is not None
        and d.actual_fig is a
        and d.target is None
        and (d.percent_fig is None or _percent_of_beaten(d.percent_fig, a, f))
        and _beats(doc, a, f)
    ):
        _target_of(f, d, drafts)
    else:
        _target_of(f, None, drafts)


def _percent_of_beaten(p: Figure, a: Figure, f: Figure) -> bool:
    """Whether the percentage ``p``, after the plan ``f`` in brackets, is the result ``a``
    against it ("vượt kế hoạch đề ra (5.000 căn), tương đương hơn 103%", or "(5.000 căn,
    tăng trên 3%)"): it comes after the plan and the figures give it, within a unit of its
    last whole digit on the side its qualifier allows."""
    if p.start < f.end or p.percent is None or p.qualifier not in (None, "hơn", "trên", "gần"):
        return False
    a_value, t_value = _single(a.value), _single(f.value)
    if a_value is None or not t_value:
        return False
    exact = a_value * 100 / t_value
    low = p.percent.value - (1 if p.qualifier == "gần" else 0)
    high = p.percent.value + (0 if p.qualifier == "gần" else 1)
    # as an attainment (103 %) or as the excess over the plan (3 %)
    return low <= exact < high or low <= exact - 100 < high


def _target_of(f: Figure, d: Draft | None, drafts: list[Draft]) -> None:
    """The plan figure ``f`` as the target of ``d``, or (None) as a target on its own."""
    if d is None:
        d = Draft(f.sentence)
        drafts.append(d)
    d.target_fig, d.target = f, f.value
    f.owner = d


def _beats(doc: Doc, a: Figure, f: Figure) -> bool:
    """Whether the count ``a`` beats the plan ``f`` as ``vượt`` says (see above)."""
    if a.kind != "count" or f.kind != "count" or not _same_measure(a, f):
        return False
    if a.noun_start is None or f.noun_start is None:
        return False
    mine, plan = (doc.fold[g.noun_start : g.noun_end].split() for g in (a, f))
    if mine[: len(plan)] != plan:
        return False  # "1.250 doanh nghiệp thành lập mới" and "(1.100 doanh nghiệp)" agree
    falling = _FALLING.search(doc.fold, a.clause, a.start) is not None
    return a.values[0] < f.values[0] if falling else a.values[0] > f.values[0]


def _attach_bracket_plan(doc: Doc, f: Figure, figs: list[Figure], drafts: list[Draft]) -> None:
    """A plan's figure in brackets after the percentage of that plan ("đạt 121.190 người …,
    bằng 93,2% kế hoạch năm 2025 (130.000 lao động)") is the target of the percentage's
    result (of the same measure: no amount for a count) when the percentage fits them; else
    it is a target on its own."""
    d = _bracket_plan_owner(doc, f, figs)
    if d is not None:
        _target_of(f, d, drafts)
        d.rate_of = False  # "đạt 80% (trong số 625 tỷ đồng …)": of the plan, not a population
    else:
        # not the plan of that percentage (last year's figure, a fraction): on its own
        _target_of(f, None, drafts)


def _bracket_plan_owner(doc: Doc, f: Figure, figs: list[Figure]) -> Draft | None:
    """The draft whose percentage right before the plan's figure ``f`` (in brackets) fits
    its result against ``f``, when that draft has no target yet; else None."""
    p = next((g for g in reversed(figs) if g.start < f.start and g.kind == "percent"), None)
    d = p.owner if p is not None else None
    if (
        d is not None
        and p is not None
        and d.percent_fig is p
        and d.actual_fig is not None
        and d.target is None
        and d.actual_fig.kind == "count"
        and f.kind in ("count", "range")
        and _same_measure(d.actual_fig, f)
        and (
            _fitted_end(p, d.actual_fig.values[0], f) is not None
            or _dashed_plan_near(doc, p, d.actual_fig.values[0], f)
        )
    ):
        return d
    return None


def _second_bracket_plan(doc: Doc, f: Figure) -> bool:
    """Whether ``f``, a target no result before it took, is a plan's figure in brackets
    right after the percentage of that plan (``bằng 95% kế hoạch tỉnh giao (526 tỷ đồng),
    bằng 90% kế hoạch huyện giao (555 tỷ đồng)``): joined once the percentages are placed."""
    low = max(f.sentence.start, f.start - 120)
    return f.kind == "count" and _PLAN_IN_BRACKET.search(doc.fold, low, f.start) is not None


_DASH_BEFORE = re.compile(r"\s[-–]\s+$")
_NEAR_PLAN = Decimal("0.02")


def _dashed_plan_near(doc: Doc, p: Figure, actual: Decimal, plan: Figure) -> bool:
    """Whether ``plan``, set after its plan's name with a dash (``tăng 6% so với kế hoạch -
    50 tỷ đồng``), is the plan of the percentage ``p`` though the percentage does not quite
    fit it: the plan the percentage implies (as an attainment or as an excess) is within 2 %
    of it, so the audit, not the pairing, says the percentage is off."""
    if p.percent is None or plan.kind != "count" or not plan.values[0] or not actual:
        return False
    if not _DASH_BEFORE.search(doc.fold, max(p.end, plan.start - 4), plan.start):
        return False
    written = plan.values[0]
    for share in (p.percent.value, p.percent.value + 100):
        if share and abs(actual * 100 / share - written) <= written * _NEAR_PLAN:
            return True
    return False


def _fitted_end(p: Figure, actual: Decimal, plan: Figure) -> Decimal | None:
    """The figure of the plan ``plan`` the percentage ``p`` is of: its one figure when the
    percentage fits it; of a range (``kế hoạch năm (11-12 triệu lượt)``) the end it fits,
    rounded or cut at its last digit (the audit then says which), the low end first."""
    if plan.kind != "range":
        if p.percent is None or not plan.values[0]:
            return None
        check = check_percent(p.percent, actual, plan.values[0])
        fits = check.consistent or check.truncated or _fits_percent(p, actual, plan.values[0])
        return plan.values[0] if fits else None
    if p.percent is None:
        return None
    for end in plan.values:
        check = check_percent(p.percent, actual, end)
        if end and (check.consistent or check.truncated):
            return end
    return None


def _fits_percent(p: Figure, actual: Decimal, target: Decimal) -> bool:
    """Whether the percentage ``p`` is ``actual`` of ``target`` (or the excess over it) at
    the precision it was written: the report's own figure is the evidence of the pairing."""
    if p.percent is None or not target:
        return False
    excess = Percent(p.percent.value + 100, p.percent.decimals, p.percent.text)
    return any(bool(check_percent(q, actual, target).consistent) for q in (p.percent, excess))


# "khu vực dịch vụ tăng 7,2% (kế hoạch tăng 9 - 10%)", "chiếm 43,8% (kế hoạch từ 36,1 -
# 36,6%)", "tăng 5,3% so với kế hoạch, tăng từ 7,2 - 7,8%", "đạt 21% cao hơn so với kế hoạch
# là 6 - 7%": the planned range of the rate just stated
_RANGE_TARGET_LEAD = rx(
    r"^\s*[,;]?\s*(?P<cmp>cao\s+hơn|thấp\s+hơn|vượt|tiệm\s+cận)?\s*\(?\s*(?:so\s+với\s+)?"
    r"(?:kế\s+hoạch|mục\s+tiêu|chỉ\s+tiêu|kịch\s+bản)(?:\s+(?:tăng\s+trưởng|đề\s+ra|đặt\s+ra|giao))?"
    r"\s*(?:,\s*)?(?:là|:|tăng|giảm)?\s*$"
)


def _rate_against_range(doc: Doc, r: Figure, figs: list[Figure]) -> None:
    """A planned range of rates right after a rate stated on its own (a growth, share or
    rate with no result, no target and no other figure between): the rate becomes the
    actual (``measure`` ``%``) and the range its target, when the figures fit the words
    (``cao hơn``, ``vượt`` above the range, ``thấp hơn`` below it)."""
    previous = [f for f in figs if f.start < r.start]
    if not previous or previous[-1].kind != "percent" or previous[-1].owner is None:
        return
    rate = previous[-1]
    d = rate.owner
    assert d is not None
    if d.actual is not None or d.target is not None or d.percent_fig is not rate:
        return
    # "bằng 28,5% GRDP (kế hoạch …)": after the population the rate is of, if it has one
    m = _RANGE_TARGET_LEAD.match(doc.fold[rate.end : r.start])
    if m is None and d.rate_of and d.subject:
        m = _RANGE_TARGET_LEAD.match(doc.fold[max(rate.end, d.subject[1]) : r.start])
    if m is None or not r.values[0] < r.values[1]:
        return
    cmp = " ".join((m.group("cmp") or "").split())
    value = rate.values[0]
    if (cmp in (fold("cao hơn"), fold("vượt")) and value <= r.values[1]) or (
        cmp == fold("thấp hơn") and value >= r.values[0]
    ):
        return
    d.actual_fig, d.actual, d.percent_fig = rate, rate.value, None
    d.target_fig, d.target = r, r.value
    r.owner = d
    rate.measure = r.measure = "%"


def _excess_as_qualifier(doc: Doc, figs: list[Figure]) -> None:
    """``vượt`` before the first result of a sentence qualifies it ("Thu ngân sách vượt
    704.500 tỷ đồng", "kết nạp vượt 1.200 đảng viên": more than it), unless a plan follows
    ("vượt 20 đảng viên so với kế hoạch" is an excess without its result)."""
    for f in figs:
        if f.role == "actual":
            return
        if f.role != "excess" or f.kind != "count":
            continue
        lead = doc.fold[f.clause : f.start]
        m = _BARE_EXCESS.search(lead)
        after = doc.fold[f.noun_end or f.end : f.sentence.end]
        if m is None or _K_PLAN_TAIL.match(after) or _target_word(lead, _TARGET_CUE):
            return
        f.role, f.qualifier, f.qual_start = "actual", "vượt", f.clause + m.start()
        return


# "… 74.000 tỷ đồng, bao gồm thu … là 17.500 tỷ đồng": a part of the target just set out
_PART_LEAD = rx(r"^[^;]*(?<!\w)(?:bao\s+gồm|gồm|trong\s+đó)(?!\w)")
# "… lên hơn 30.000 tỷ đồng, tăng thêm khoảng 5.000 tỷ đồng": the target raised, by how much
_RAISED = rx(r"(?<!\w)(?:lên|tăng(?:\s+thêm)?|giảm)(?:\s+(?:mức|từ|khoảng|gần|hơn|trên))*\s*$")
# "… điều chỉnh chỉ tiêu tổng thu … lên hơn 30.000": a target word before a raise in its clause
_TARGET_RAISED = rx(r"(?<!\w)(?:chỉ\s+tiêu|mục\s+tiêu|kế\s+hoạch|dự\s+toán)(?!\w)[^,;]*$")
_RESULT_SINCE = rx(
    r"(?<!\w)(?:đạt|vượt|hoàn\s+thành|kết\s+quả|(?<!vốn\s)thực\s+hiện|được|qua|đã|ước"
    r"|hiện\s+nay|đến\s+nay|lũy\s+kế|luỹ\s+kế)(?!\w)"
)
# "… được giao hơn 15.640 tỷ đồng; trong đó vốn …": a semicolon before the part marker
_PART_AFTER_STOP = rx(r"^[^;]*;\s*(?:bao\s+gồm|gồm|trong\s+đó)(?!\w)")


def _within_targets(doc: Doc, figs: list[Figure]) -> None:
    """Figures that say more about a target of their sentence are no results: a part of it
    ("phấn đấu thu 74.000 tỷ đồng, bao gồm thu … 17.500 tỷ đồng"), the target raised or by
    how much ("mục tiêu thành lập mới 300 doanh nghiệp, nâng tổng số … lên 2.300",
    "điều chỉnh chỉ tiêu … lên hơn 30.000 tỷ đồng, tăng thêm 5.000 tỷ đồng"), when no word
    of a result comes between (``đạt``, ``được``, ``đã``, ``kết quả`` …)."""
    folded = doc.fold
    parts: set[int] = set()
    for i, f in enumerate(figs):
        if f.role != "actual" or f.kind == "pair":
            continue
        lead = folded[f.clause : f.start]
        if _MILESTONE.search(lead):
            f.role = "modifier"
            continue
        raised = _RAISED.search(lead)
        cue = _TARGET_RAISED.search(folded[f.sentence.start : f.start]) if raised else None
        if (
            raised
            and cue
            and not _RESULT_SINCE.search(folded, f.sentence.start + cue.end(), f.start)
        ):
            f.role = _raised_role(raised)
            continue
        target = next((g for g in reversed(figs[:i]) if g.role != "percent"), None)
        if target is None or target.role != "target" or not _same_measure(target, f):
            continue
        between = folded[target.end : f.start]
        plain = not _RESULT_SINCE.search(between) and ";" not in between
        if _attained_after(folded, f):
            continue  # "trong đó thu nội địa 4.000 tỷ đồng, đạt 100% kế hoạch": a result
        if _part_of_target(folded, figs, target, f) or (plain and id(target) in parts):
            f.role = "target"
            parts.add(id(f))
        elif raised and plain:
            f.role = _raised_role(raised)


# ", đạt 100% kế hoạch" right after a figure: the attainment of a result; ", vượt 20% kế
# hoạch" its excess; ", đạt 70%;" with no plan named, before the clause ends
_ATTAINED_NEXT = rx(
    r"^(?:\s+[^\W\d_]+){0,3}\s*,?\s*(?:(?P<verb>đạt|bằng)|vượt)\s+"
    rf"(?:gần\s+|hơn\s+|trên\s+|khoảng\s+)?(?:{NUM})\s*%\s*(?:(?:so\s+với\s+)?"
    r"(?:kế\s+hoạch|dự\s+toán|chỉ\s+tiêu|mục\s+tiêu|kh)(?!\w)|(?(verb)(?:[;,)]|\.(?!\d)|$)|(?!)))"
)


def _attained_after(folded: str, f: Figure) -> bool:
    """Whether ``f`` is followed by its own attainment of a plan: a result, never a part
    of a target (``…, trong đó thu nội địa 4.000 tỷ đồng, đạt 100% kế hoạch``)."""
    return _ATTAINED_NEXT.match(folded[f.end : f.end + 80]) is not None


def _part_of_target(folded: str, figs: list[Figure], target: Figure, f: Figure) -> bool:
    """Whether ``f`` is a part of the target just set out: a part marker after the target
    (``… 74.000 tỷ đồng, bao gồm thu … 17.500 tỷ đồng``, also after a semicolon, ``được giao
    hơn 15.640 tỷ đồng; trong đó vốn …``), or after the target before it whose part
    ``target`` is (``đạt hơn 99.500 tỷ đồng gồm thu nội địa 45.000 tỷ đồng, thu … 50.100 tỷ
    đồng``: the second part of the list), with no word of a result between."""
    between = folded[target.end : f.start]
    if _RESULT_SINCE.search(between):
        return False
    if _PART_LEAD.search(between) or _PART_AFTER_STOP.search(between):
        return True
    if ";" in between:
        return False
    k = next((j for j, g in enumerate(figs) if g is target), 0)
    whole = next((g for g in reversed(figs[:k]) if g.role != "percent"), None)
    if whole is None or whole.role != "target" or not _same_measure(whole, f):
        return False
    lead = folded[whole.end : target.start]
    return _PART_LEAD.search(lead) is not None and not _RESULT_SINCE.search(lead)


# "… đạt gần 2,4 triệu tỷ đồng, tăng gần 422.000 tỷ đồng (tương đương tăng gần 22% so với
# dự toán …)": by how much the figure before changed, no result of its own
_CHANGE_BY = rx(
    r"\s*(?:tăng|giảm|cao\s+hơn|thấp\s+hơn)(?:\s+thêm)?(?:\s+(?:gần|hơn|trên|khoảng))?\s*$"
)


def _change_amounts(doc: Doc, figs: list[Figure]) -> None:
    """An amount a result or a plan changed by (``tăng``/``giảm``/``cao hơn``/``thấp hơn``
    opening its clause, right after a figure of the same measure in the sentence) is no
    result: a percentage after it is the
    change of that result, in percent (``tăng gần 422.000 tỷ đồng (tương đương tăng gần
    22% so với dự toán)``)."""
    before: Figure | None = None
    for f in figs:
        if f.role == "percent":
            continue
        if (
            before is not None
            and f.role == "actual"
            and before.role in ("actual", "target")
            and f.measure not in (None, "%")
            and _same_measure(before, f)
            and _CHANGE_BY.match(doc.fold, f.clause, f.start)
        ):
            f.role = "modifier"
        before = f


def _raised_role(raised: re.Match[str]) -> str:
    """The role of a figure after ``lên`` (the target raised to it: a target) or ``tăng``,
    ``giảm`` (by how much it changed: no figure of its own)."""
    return "target" if raised.group().lstrip().startswith(fold("lên")) else "modifier"


# "tiến rất gần mốc 30.000 tỷ đồng": a milestone, no result
# ("vượt mốc", "đạt mốc", "cán mốc", "lên mốc" 800.000 tỷ đồng: reached, a result)
_MILESTONE = rx(
    r"(?<!\w)(?<!vượt\s)(?<!đạt\s)(?<!cán\s)(?<!qua\s)(?<!lên\s)(?<!chạm\s)(?:mốc|ngưỡng)"
    r"(?:\s+(?:trên|gần|hơn|khoảng))?\s*$"
)


# "15 nhà đại đoàn kết trị giá 750 triệu đồng": the worth of the things counted before it
_WORTH = rx(
    r"(?<!\w)(?:(?:tổng\s+)?(?:trị\s+giá|kinh\s+phí|số\s+tiền|giá\s+trị)|với)"
    r"(?:\s+(?:là|khoảng|gần|hơn|trên|hỗ\s+trợ))?\s*$"
)


_PROJECTS = rx(r"dự\s+án(?!\w)")


def _amounts_of_counts(doc: Doc, figs: list[Figure]) -> None:
    """An amount that is the worth of a count before it in its clause ("xây dựng 15 nhà
    trị giá 750 triệu đồng", "trao 120 suất quà với tổng kinh phí 60 triệu đồng") is no
    result of its own: a percentage after it is the count's. Not the worth of projects
    (``5 dự án mới trị giá 41,2 triệu USD …, đạt 12,4% mục tiêu``): their worth is the
    capital an investment plan counts."""
    for i, f in enumerate(figs):
        if f.measure is None or f.role != "actual" or f.measure == "%":
            continue
        counted = any(
            g.clause == f.clause
            and g.kind == "count"
            and g.measure is None
            and not _PROJECTS.match(doc.fold, g.noun_start or g.end)
            for g in figs[:i]
        )
        if counted and _WORTH.search(doc.fold[f.clause : f.span_start]):
            f.role = "modifier"


def _actual_drafts(doc: Doc, sentence: Sentence, figs: list[Figure]) -> list[Draft]:
    """A draft for each actual of the sentence (a pair states the target too)."""
    drafts: list[Draft] = []
    for f in figs:
        if f.role != "actual":
            continue
        d = Draft(sentence, actual_fig=f)
        f.owner = d
        if f.kind == "pair":
            d.actual, d.target = f.values[0], f.values[1]
            d.target_fig = None
        else:
            d.actual = f.value
        if f.noun_start is None and f.measure is None and not _COMPARE_NEXT.match(doc.fold, f.end):
            previous = [x for x in drafts if x.anchor < f.start]
            d.inherit = previous[-1] if previous else None
        drafts.append(d)
    return drafts


def _attach_target(
    doc: Doc, sentence: Sentence, f: Figure, drafts: list[Draft], figs: list[Figure]
) -> None:
    """A target joins the one nearest actual without a target that counts the same thing
    in the same unit; else it is a draft of its own."""
    unit = _unit_before(doc, sentence, f.start)
    candidates = [
        d
        for d in drafts
        if d.target is None
        and d.actual_fig is not None
        and d.actual_fig.kind != "pair"
        and _nouns_agree(doc, d.actual_fig, f)
        and _unit_before(doc, sentence, d.anchor) in (unit, None)
        and not _apart_by_semicolon(doc, d, f)
        and not _bracketed_part(doc, d.actual_fig, f.start)
        and not _listed_part(doc, f, d.actual_fig)
        and _plan_beyond_percent(doc, d.actual_fig, f, figs) is None
        and _later_percent_plan(doc, d.actual_fig, f, figs) is None
        and not _other_year_or_kind(doc, d.actual_fig, f, figs)
        and not _other_measure(doc, d.actual_fig, f)
        and not (
            _listed_with_target(doc, d.actual_fig, f)
            and not _own_percent_fits(doc, d.actual_fig, f, figs)
        )
    ]
    if candidates:
        distances = sorted((abs(d.anchor - f.start), i) for i, d in enumerate(candidates))
        if len(distances) == 1 or distances[0][0] != distances[1][0]:
            d = candidates[distances[0][1]]
            d.target_fig, d.target = f, f.value
            f.owner = d
            return
    if _second_bracket_plan(doc, f):
        f.role = "bracket_plan"  # joined after the percentages are placed
        return
    d = Draft(sentence, target_fig=f, target=f.value)
    f.owner = d
    drafts.append(d)


_SEMICOLON_OR_STOP = re.compile(r";|\.(?!\d)")
# a word of a result after a target ("…, kết quả kết nạp được 171", "…, ước đạt 3 triệu tấn")
_RESULT_AFTER_TARGET = rx(r"(?<!\w)(?:ước|lũy\s+kế|luỹ\s+kế|còn|đã|mới|đến\s+nay)(?!\w)")
_ALONG_WITH = rx(r"(?<!\w)cùng(?:\s+với)?\s*$")
_TWO_WORDS_BEFORE = rx(r"([^\W\d_]+\s+[^\W\d_]+)\s*$")


def _listed_with_target(doc: Doc, a: Figure, f: Figure) -> bool:
    """Whether ``a``, after the target ``f`` in its sentence, is another figure of the plan.

    ``đặt mục tiêu khai thác 3,4 triệu tấn than, than tiêu thụ trên 3 triệu tấn`` and ``kế
    hoạch khai thác 3,4 triệu tấn, cùng 80.000 tấn …`` list a second planned figure: with
    no word of a result between the two (``đạt``, ``được``, ``đã``, ``kết quả``, ``ước`` …), and
    ``cùng`` right before ``a`` or the verb before the target not said again (``kế hoạch
    kết nạp 150, toàn tỉnh kết nạp 171`` states a result), ``a`` is not its result.
    """
    if f.end > a.start:
        return False
    between = doc.fold[f.span_end : a.span_start]
    if _MET_WORDS.search(between) or _RESULT_AFTER_TARGET.search(between):
        return False
    if _ALONG_WITH.search(between):
        return True  # "…, cùng 80.000 tấn than lộ vỉa": one more figure of the plan
    low = max(f.sentence.start, f.span_start - 40)
    verb = _TWO_WORDS_BEFORE.search(doc.fold, low, f.span_start)
    return verb is None or " ".join(verb.group(1).split()) not in " ".join(between.split())


def _own_percent_fits(doc: Doc, a: Figure, f: Figure, figs: list[Figure]) -> bool:
    """Whether the result ``a``, after the target ``f``, is followed by its own percentage of
    a plan (:func:`_attained_after`) that is ``a`` of ``f`` at the precision written
    (``kế hoạch vốn … 1.200 tỷ đồng, giải ngân 300 tỷ đồng, đạt 25% kế hoạch``): the
    report's own figures pair them, however the words between read."""
    if f.end > a.start or len(a.values) != 1 or len(f.values) != 1:
        return False
    if not _attained_after(doc.fold, a):
        return False
    p = next((g for g in figs if g.kind == "percent" and g.start >= a.end), None)
    return p is not None and _fits_percent(p, a.values[0], f.values[0])


# ", vượt mục tiêu phấn đấu thu 100.000 tỉ đồng": a plan exceeded in a clause of its own
_EXCEEDED_PLAN_CLAUSE = rx(
    r",\s*(?:và\s+)?(?:đã\s+)?(?:vượt|hoàn\s+thành)\s+(?:mức\s+)?"
    r"(?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu|nghị\s+quyết)(?:\s+[^\W\d_]+){0,4}\s*(?:là|:)?\s*$"
)


def _plan_beyond_percent(doc: Doc, a: Figure, f: Figure, figs: list[Figure]) -> Figure | None:
    """The percentage between the result ``a`` and a target ``f`` after it that names a
    plan of its own, when ``f`` is the object of a verb of its own and the percentage does
    not fit ``f`` (``đạt 5.200 tỉ đồng, đạt 130% dự toán … giao …, vượt mục tiêu phấn đấu
    thu 5.000 tỉ đồng``: 130 % is of the budget, 5.000 is the goal exceeded); else None.
    Such a target is no plan of that percentage: the result is set against it apart."""
    if f.start < a.start or len(f.values) != 1 or len(a.values) != 1:
        return None
    fold_ = doc.fold
    for p in figs:
        if not (a.end <= p.start and p.end <= f.start and p.kind == "percent"):
            continue
        if not _K_PLAN_NAMED_TAIL.match(fold_[p.end : f.start]) or p.percent is None:
            continue
        lead = fold_[p.end : (f.qual_start if f.qual_start is not None else f.start)]
        if _EXCEEDED_PLAN_CLAUSE.search(lead) and not _fits_percent(p, a.values[0], f.values[0]):
            return p
    return None


# "… và bằng 25% kế hoạch năm (8.000 tỷ đồng)": the plan in brackets after its words
_BRACKET_AFTER_PLAN = rx(
    r"^\s*(?:so\s+với\s+)?(?:kế\s+hoạch|dự\s+toán|chỉ\s+tiêu|mục\s+tiêu)[^(),;.\d]{0,40}\(\s*$"
)


def _later_percent_plan(doc: Doc, a: Figure, f: Figure, figs: list[Figure]) -> Figure | None:
    """The last of two or more percentages between the result ``a`` and a target ``f`` in
    brackets right after that percentage's plan (``đạt 105% kế hoạch quý và bằng 25% kế
    hoạch năm (8.000 tỷ đồng)``): the plan of that percentage, not of the first; else None."""
    ps = [p for p in figs if a.end <= p.start and p.end <= f.start and p.kind == "percent"]
    if len(ps) < 2 or not _BRACKET_AFTER_PLAN.match(doc.fold[ps[-1].end : f.start]):
        return None
    return ps[-1]


# a year the words before a figure give it ("năm 2026 phấn đấu đón", "mục tiêu năm 2030");
# not the year compared with ("so với năm 2024", "cùng kỳ năm 2024")
_OWN_YEAR = rx(r"(?<!với\s)(?<!kỳ\s)(?<!\w)năm\s+(20\d\d)(?!\d)")


# the origin a count of visitors, goods or capital names: two origins are two things
_ORIGIN = rx(r"(?<!\w)(?:quốc\s+tế|nội\s+địa|trong\s+nước|nước\s+ngoài)(?!\w)")


# a place written with its kind and a capitalised name ("huyện Long Hải"); not the one that
# assigned a plan ("chỉ tiêu tỉnh Bình An giao")
_PLACE_KIND = re.compile(
    r"(?<!\w)(?:huyện|quận|thị xã|thành phố|tỉnh|xã|phường|thị trấn|đặc khu)((?:\s+\w+){1,4})"
)
_ASSIGNED = rx(r"^\s*(?:đã\s+)?giao(?!\w)")


def _place_before(text: str, start: int, end: int) -> str | None:
    """The last place named with its kind in ``text[start:end]`` (see above), its name."""
    names = []
    for m in _PLACE_KIND.finditer(text, start, end):
        words = list(itertools.takewhile(lambda w: w[:1].isupper(), m.group(1).split()))
        after = m.start(1) + len(" ".join(words)) + 1
        if words and not _ASSIGNED.match(fold(text[after : after + 12])):
            names.append(" ".join(words))
    return names[-1] if names else None


def _year_before(doc: Doc, start: int, end: int) -> str | None:
    """The last year named in ``doc.fold[start:end]`` as the year of what follows."""
    years = _OWN_YEAR.findall(doc.fold, start, end)
    return years[-1] if years else None


# "4 tỷ USD vào năm 2040", "900 triệu USD của năm 2026": the year a figure is of, right after it
_YEAR_AFTER = rx(r"\s*(?:vào|của|trong|đến)?\s*năm\s+(20\d\d)(?!\d)")


def _year_after(doc: Doc, f: Figure) -> str | None:
    """The year written right after the figure ``f`` (its noun or unit between), if any."""
    m = _YEAR_AFTER.match(doc.fold, f.noun_end or f.span_end, f.sentence.end)
    return m.group(1) if m else None


def _other_year_or_kind(doc: Doc, a: Figure, f: Figure, figs: list[Figure]) -> bool:
    """Whether the target ``f`` is of another year than the result ``a`` (``Năm 2025, … đón
    5 triệu lượt khách, năm 2026 phấn đấu đón 6 triệu``; ``đạt 4 tỷ USD vào năm 2040, …
    so với mục tiêu 900 triệu USD của năm 2026``: the year right after a figure is its own)
    or counts another kind of the same thing (``5 triệu lượt khách quốc tế, mục tiêu đón 20
    triệu lượt khách nội địa``): no target of that result."""
    before = [g for g in figs if g.end <= f.start and g is not a]
    floor = max([g.span_end for g in before if g.start > a.start] or [a.span_end])
    low = f.sentence.start if f.start < a.start else floor
    theirs = _year_after(doc, f) or _year_before(doc, low, f.start)
    mine = _year_after(doc, a) or _year_before(doc, a.sentence.start, a.start)
    if theirs is not None and mine is not None and theirs != mine:
        return True
    place = _place_before(doc.text, low, f.start)
    own = _place_before(doc.text, a.sentence.start, a.start)
    if place is not None and own is not None and place != own:
        return True
    if a.noun_end is None or f.noun_end is None:
        return False
    x = _ORIGIN.search(doc.fold, a.start, a.noun_end)
    y = _ORIGIN.search(doc.fold, f.start, f.noun_end)
    return x is not None and y is not None and x.group() != y.group()


def _measure_named(doc: Doc, f: Figure) -> str | None:
    """The measure (:data:`MEASURE_NAMES`) named last before ``f`` in its sentence."""
    named = list(_MEASURE_WORDS.finditer(doc.fold, f.sentence.start, f.span_start))
    return MEASURE_NAMES[" ".join(named[-1].group().split())] if named else None


def _other_measure(doc: Doc, a: Figure, f: Figure) -> bool:
    """Whether the money amounts ``a`` (a result) and ``f`` (a target) are of two measures
    that are never each other's plan (:data:`APART_MEASURES`).

    Each is of the measure named last before it in its sentence: ``phấn đấu doanh thu đạt
    800 tỷ đồng, đạt lợi nhuận 90 tỷ đồng`` sets two plans, and ``doanh thu đạt 500 tỷ đồng,
    bằng 80% kế hoạch (625 tỷ đồng) và lợi nhuận đạt 40 tỷ đồng`` puts the revenue plan
    before the profit: no amount of one measure is the target of another's.
    """
    if a.measure is None or f.measure is None:
        return False
    mine, theirs = _measure_named(doc, a), _measure_named(doc, f)
    return mine != theirs and {mine, theirs} <= APART_MEASURES


def _attach_exceeded_plans(doc: Doc, figs: list[Figure], drafts: list[Draft]) -> None:
    """A target left on its own by :func:`_plan_beyond_percent` is set against the result
    before its percentages, in a statement with no percentage; one left by
    :func:`_later_percent_plan` is the target of that percentage's statement when the
    percentage fits it."""
    for d in list(drafts):
        f = d.target_fig
        if f is None or d.actual_fig is not None or d.percent_fig is not None:
            continue
        for a in reversed([g for g in figs if g.end <= f.start and g.role == "actual"]):
            if a.owner is None:
                continue
            if _plan_beyond_percent(doc, a, f, figs) is not None:
                d.actual_fig, d.actual = a, a.value
                break
            p = _later_percent_plan(doc, a, f, figs)
            if p is not None:
                _join_later_percent(p, f, d, drafts)
                break


def _join_later_percent(p: Figure, f: Figure, d: Draft, drafts: list[Draft]) -> None:
    """The target ``f`` (alone in ``d``) joins the statement of the percentage ``p`` when
    that statement has a result and no target, and ``p`` fits them."""
    owner = p.owner
    if owner is None or owner.target is not None or owner.percent_fig is not p:
        return
    actual = _single(owner.actual)
    if actual is None or len(f.values) != 1 or not _fits_percent(p, actual, f.values[0]):
        return
    owner.target_fig, owner.target, f.owner = f, f.value, owner
    drafts.remove(d)


# the kinds of plan the words before a target or after a percentage name: a budget
# assigned (dự toán) and a goal striven for (mục tiêu phấn đấu) are two plans
def _split_other_plans(doc: Doc, figs: list[Figure], drafts: list[Draft]) -> None:
    """A target named as another kind of plan than its statement's percentage, which the
    percentage does not fit, is set against the result apart.

    ``đạt 6.000 tỷ đồng, bằng 130% dự toán Trung ương giao (mục tiêu phấn đấu 5.000 tỷ
    đồng)``: 130 % is of the budget, 5.000 the goal; the link is uncertain, so the audit
    does not check the percentage against the goal: two statements, the result with its
    percentage and the result against the goal.
    """
    for d in list(drafts):
        a, t, p = d.actual_fig, d.target_fig, d.percent_fig
        if a is None or t is None or p is None or p.percent is None or d.twin_of is not None:
            continue
        if not (a.sentence is t.sentence is p.sentence) or len(t.values) != 1:
            continue
        if len(a.values) != 1 or _fits_percent(p, a.values[0], t.values[0]):
            continue
        before = [g for g in figs if g.end <= t.start and g is not t]
        lead = doc.fold[before[-1].span_end if before else t.sentence.start : t.start]
        high = t.start if t.start > p.end else p.sentence.end
        tail = re.split(r"[(,;.]", doc.fold[p.end : min(high, p.end + 40)], maxsplit=1)[0]
        mine, theirs = plan_kind(tail), plan_kind(lead)
        if mine is None or theirs is None or mine == theirs:
            continue
        d.target_fig, d.target = None, None
        drafts.append(Draft(d.sentence, actual_fig=a, actual=a.value, target_fig=t, target=t.value))
        t.owner = drafts[-1]


def _bracketed_part(doc: Doc, a: Figure, before: int) -> bool:
    """Whether ``a`` is in brackets after a figure of its sentence, closed before
    ``before`` ("121.190 người (40.938 lao động nữ), … (130.000 lao động)": a part, whose
    plan the later figure is not)."""
    text, start = doc.text, a.sentence.start
    opened = text.rfind("(", start, a.start)
    if opened == -1 or text.find(")", opened, a.start) != -1:
        return False
    closed = text.find(")", a.end, before)
    return closed != -1 and any(c.isdigit() for c in text[start:opened])


# "dự toán … là 900 tỷ đồng, trong đó …", "…, với những khoản chủ yếu: …": the parts follow
_PARTS_FOLLOW = rx(
    r"(?<!\w)(?:bao\s+gồm|gồm|trong\s+đó|(?:các|những)\s+khoản(?:\s+[^\W\d_]+){0,3}\s*:)"
)


def _listed_part(doc: Doc, target: Figure, a: Figure) -> bool:
    """Whether ``a`` is an item of the parts listed after the target ``target`` of its
    sentence (``dự toán năm là 900 tỷ đồng, với những khoản chủ yếu: thuế đạt 300 tỷ đồng``):
    a part of a whole, whatever its verb, is no result against it."""
    return target.end <= a.start and _PARTS_FOLLOW.search(doc.fold, target.end, a.start) is not None


# a result word after a sentence's "phấn đấu" ("…; kết quả kết nạp được 171")
_RESULT_AFTER_STRIVE = rx(r"(?<!\w)(?:kết\s+quả|thực\s+hiện\s+được|đã|ước)(?!\w)")


def _striven_list(doc: Doc, start: int, target: int, actual: int) -> bool:
    """Whether a figure after a ``;`` is one more item of a list of targets striven for
    ("phấn đấu thu ngân sách đạt hơn 340 tỷ đồng, …; thu nhập bình quân đầu người đạt 85
    triệu đồng"), not the result of the target before it: a ``phấn đấu`` in the sentence
    (from ``start``) before the target and no result word since."""
    ends = [m.end() for m in _STRIVE.finditer(doc.fold, start, target)]
    return bool(ends) and not _RESULT_AFTER_STRIVE.search(doc.fold, ends[-1], actual)


def _apart_by_semicolon(doc: Doc, d: Draft, f: Figure) -> bool:
    """Whether a target ``f`` in another clause (a ``;`` between) is not the target of the
    actual of ``d``, whose clause states a percentage of its own that ``f`` puts off by more
    than half ("Mục tiêu … 2 tháng cuối năm 13.049 tỷ đồng; cả năm ước đạt 82.166 tỷ đồng,
    bằng 151% dự toán": 630 %, so the percentage names another plan). A target that comes
    near the percentage stays, so that the audit can check it."""
    lo, hi = sorted((d.anchor, f.start))
    if ";" not in doc.text[lo:hi]:
        return False
    if f.start < d.anchor and _striven_list(doc, d.sentence.start, f.start, d.anchor):
        return True
    after = doc.fold[d.anchor : d.sentence.end]
    end = _SEMICOLON_OR_STOP.search(after)
    stated = _PERCENT.search(after, 0, end.start() if end else len(after))
    actual, target = _single(d.actual), f.values[0] if len(f.values) == 1 else None
    if stated is None or actual is None or not target:
        return stated is not None
    percent = parse_percent(stated.group("a")).value
    if not percent:
        return True
    return not Decimal("0.67") <= 100 * actual / target / percent <= Decimal("1.5")


def _attach_whole_or_excess(f: Figure, drafts: list[Draft], figs: list[Figure]) -> None:
    """A whole (as the target) or an excess joins the last draft with an actual before it.

    Not a whole that only the last of two percentages after that actual fits (``thu 500 tỷ
    đồng, đạt 125% chỉ tiêu năm và đạt 80% (trong số 625 tỷ đồng …``): it is the base of
    that percentage, not of the first.
    """
    before = [d for d in drafts if d.anchor < f.start and d.actual is not None]
    if not before or (before[-1].actual_fig and not _same_measure(before[-1].actual_fig, f)):
        return
    d = before[-1]
    if f.role == "whole" and d.actual_fig is not None and _later_base(d.actual_fig, f, figs):
        f.role = "bracket_plan"  # joined after the percentages are placed
        return
    if f.role == "whole" and d.target is None:
        d.target_fig, d.target = f, f.value
        f.owner = d
    elif f.role == "excess" and d.excess_fig is None:
        d.excess_fig = f
        f.owner = d


def _later_base(a: Figure, f: Figure, figs: list[Figure]) -> bool:
    """Whether of two or more percentages between the result ``a`` and the figure ``f``,
    only the last fits ``a`` against ``f`` (the report's own figures say whose base it is)."""
    ps = [p for p in figs if a.end <= p.start and p.end <= f.start and p.kind == "percent"]
    if len(ps) < 2 or len(a.values) != 1 or len(f.values) != 1:
        return False
    actual, target = a.values[0], f.values[0]
    last = ps[-1].percent
    if last is None or not target:
        return False
    check = check_percent(last, actual, target)  # rounded or cut, as reports write it
    return bool(check.consistent or check.truncated) and not any(
        _fits_percent(p, actual, target) for p in ps[:-1]
    )


# "đã hoàn thành tương ứng 60% doanh thu và 70% lợi nhuận": the plans named by their measure
_COMPLETED_LEAD = rx(
    r"(?<!\w)hoàn\s+thành(?:\s+(?:được|tương\s+ứng|lần\s+lượt))*\s*(?:khoảng|gần|hơn|trên)?\s*$"
)
_AND_LEAD = rx(r"^\s*(?:,|và)\s*(?:khoảng|gần|hơn|trên)?\s*$")


def _completed_measure(doc: Doc, p: Figure, figs: list[Figure], drafts: list[Draft]) -> bool:
    """A percentage completed of a measure named right after it, with no plan word
    (``đã hoàn thành tương ứng 60% doanh thu và 70% lợi nhuận sau thuế``): the attainment of
    that measure's plan, a draft of its own (its result and plan are linked later); also the
    next percentage joined by ``và`` to such a one. Whether it made one."""
    if not _MEASURE_WORDS.match(doc.fold, p.end + 1) or doc.fold[p.end : p.end + 1] != " ":
        return False
    lead = doc.fold[p.clause : p.span_start]
    before = [f for f in figs if f.end <= p.start and f.sentence is p.sentence]
    prior = before[-1] if before else None
    joined = (
        prior is not None
        and prior.owner is not None
        and prior.owner.respective
        and prior.owner.actual is None
        and _AND_LEAD.match(_past_measure(doc, prior, p.span_start))
    )
    if not (joined or _COMPLETED_LEAD.search(lead)):
        return False
    d = Draft(p.sentence, percent_fig=p)
    d.respective = True  # an attainment, read as one whatever the words before
    p.owner = d
    drafts.append(d)
    return True


def _past_measure(doc: Doc, f: Figure, end: int) -> str:
    """The folded words between the measure named right after ``f`` and ``end``."""
    m = _MEASURE_WORDS.match(doc.fold, f.end + 1)
    start = m.end() if m else f.end
    kind = _MEASURE_KIND_AFTER.match(doc.fold, start)
    return doc.fold[kind.end() if kind else start : end]


_MEASURE_KIND_AFTER = rx(r"\s*(?:trước\s+thuế|sau\s+thuế|gộp|thuần|hợp\s+nhất)(?!\w)")


# "Với kết quả gần 2,1 triệu lượt khách, ngành du lịch đã đạt 48% kế hoạch …": the result
# opening the sentence after "với", the attainment in the clause after it
_OPENING_WITH = rx(r"^[\s(]*với\s+(?:kết\s+quả\s+|tổng\s+số\s+)?(?:(?:khoảng|gần|hơn|trên)\s+)?$")
_MET_AFTER_OPENING = rx(
    r"^\s*,(?:\s+[^\W\d_]+){0,6}?\s+(?:đã\s+|mới\s+|chỉ\s+)*(?:đạt|hoàn\s+thành|bằng)"
    r"(?:\s+(?:khoảng|gần|hơn|trên))?\s*$"
)


def _join_opening_with(doc: Doc, p: Figure, figs: list[Figure]) -> bool:
    """Join an attainment of a plan to the result that opens its sentence after ``với``
    (:data:`_OPENING_WITH`) when only the subject and the verb of the attainment stand
    between them and the result has no percentage yet; whether it did."""
    before = [f for f in figs if f.start < p.start]
    if not before or not _K_PLAN_TAIL.match(doc.fold[p.end : p.end + 60]):
        return False
    f, d = before[0], before[0].owner
    if len(before) > 1 and not (len(before) == 2 and before[1].owner is d):
        return False
    if d is None or d.actual_fig is not f or d.percent_fig is not None or f.kind == "percent":
        return False
    fold_ = doc.fold
    if not _OPENING_WITH.match(fold_[p.sentence.start : f.start]):
        return False
    if not _MET_AFTER_OPENING.match(fold_[f.span_end : p.start]):
        return False
    d.percent_fig, p.owner = p, d
    return True


def _attach_percent(doc: Doc, p: Figure, figs: list[Figure], drafts: list[Draft]) -> None:
    # "chiếm khoảng 48% tổng thu": a share of a total, not the share of a population
    tail = doc.fold[p.end : p.end + 60]
    if _completed_measure(doc, p, figs, drafts):
        return
    if not (_TAIL.match(doc.fold, p.end) or _K_TOTAL_TAIL.match(tail) or _K_PLAN_TAIL.match(tail)):
        # "gần 100% chi bộ hoàn thành nhiệm vụ": the share of the population named after it
        d = _rate_of_draft(doc, p)
        if d is not None:
            drafts.append(d)
            return
    if _growth_against(doc, p, figs) or _rate_against(doc, p, figs, drafts):
        return
    if _bracket_fraction(doc, p, figs):
        return
    if _join_previous(doc, p, figs, drafts) or _second_plan(doc, p, figs, drafts):
        return
    if _join_opening_with(doc, p, figs):
        return
    # a percentage with a subject of its own: "tỷ lệ đảng viên trẻ chiếm 40,2%"
    d = _own_subject_draft(doc, p)
    if d is not None:
        drafts.append(d)


# "tỷ lệ giải ngân là 40% (20/50 tỷ đồng)": the fraction in brackets right after the percent
_OPEN_BRACKET = re.compile(r"^\s*\(\s*$")
# "đạt 40% kế hoạch vốn giao (20/50 tỷ đồng)": the fraction in brackets after the plan named
_FRACTION_AFTER_PLAN = rx(
    r"^\s*(?:so\s+(?:với\s+)?)?(?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu|dự\s+toán|nghị\s+quyết)"
    r"(?:\s+[^\W\d_]+){0,9}\s*\(\s*$"
)


def _bracket_fraction(doc: Doc, p: Figure, figs: list[Figure]) -> bool:
    """Join the percentage of a plan to the fraction in brackets right after the plan's name
    (``đạt 40% kế hoạch vốn giao (20/50 tỷ đồng) và đạt 50% kế hoạch Trung ương giao (20/40
    tỷ đồng)``) or right after the percentage (``tỷ lệ giải ngân là 40% (20/50 tỷ đồng)``)
    when the fraction gives it: the fraction is the percentage's result and plan,
    written as evidence; whether it did. The figure stated before the percentage keeps no
    percentage of a plan the fraction names."""
    g = next((f for f in figs if f.start >= p.end), None)
    if g is None or g.kind != "pair" or g.owner is None or g.owner.actual_fig is not g:
        return False
    between = doc.fold[p.end : g.start]
    if g.owner.percent_fig is not None or not (
        _FRACTION_AFTER_PLAN.match(between) or _OPEN_BRACKET.match(between)
    ):
        return False
    if p.percent is None or not g.values[1]:
        return False
    check = check_percent(p.percent, g.values[0], g.values[1])  # rounded or cut: the audit's
    if not (check.consistent or check.truncated or _fits_percent(p, g.values[0], g.values[1])):
        return False
    g.owner.percent_fig, p.owner = p, g.owner
    return True


# words that open no population after a percentage ("đạt tới 274% chỉ sau 6 tháng")
_NOT_POPULATION = _STOP | {"chỉ", "sau", "mới", "nhờ", "do", "bởi", "cần", "phải"}


_ASSIGNER_TAIL = rx(
    r"\s*(?:(?:do|của)\s+)?(?:chính\s+phủ|thủ\s+tướng(?:\s+chính\s+phủ)?|trung\s+ương|quốc\s+hội"
    r"|hđnd(?:\s+tỉnh)?|hội\s+đồng\s+nhân\s+dân(?:\s+tỉnh)?|tỉnh|thành\s+phố|bộ)\s+"
    r"(?:đã\s+)?(?:giao|đề\s+ra)(?!\w)"
)


def _rate_of_draft(doc: Doc, p: Figure) -> Draft | None:
    """A draft of the percentage of the population named after it (up to six words not
    starting with a stop word), or None when no word follows it."""
    folded = doc.fold
    if _ASSIGNER_TAIL.match(folded, p.span_end, p.sentence.end):
        return None  # "mục tiêu 8% Chính phủ giao": who set the rate, no population
    words: list[tuple[int, int]] = []
    pos = p.span_end
    while len(words) < 6:
        w = _WORD.match(folded, pos)
        if not w or w.end(1) > p.sentence.end:
            break
        if not words and doc.text[w.start(1) : w.end(1)].lower() in _NOT_POPULATION:
            break
        words.append(w.span(1))
        pos = w.end(1)
    if not words:
        return None
    d = Draft(p.sentence, percent_fig=p)
    d.subject = (words[0][0], words[-1][1])
    d.rate_of = True
    p.owner = d
    return d


# "đạt 100% (mục tiêu đại hội là 90%)", ", chỉ tiêu 90%": the target of the rate before it
_RATE_TARGET_LEAD = rx(
    r"^[\s,;(/]*(?:so\s+(?:với\s+)?)?(?:mục\s+tiêu|chỉ\s+tiêu|kế\s+hoạch"
    r"|kịch\s+bản(?:\s+tăng\s+trưởng)?(?:\s*\(\s*[^\W\d_]+\s*\))?)"
    r"(?:\s+(?!đạt|vượt|tăng|giảm)[^\W\d_]+){0,4}?\s*(?:là|đề\s+ra|:)?\s*$"
)
# ", vượt chỉ tiêu được giao (93%)": the target rate, the rate above (or below) it (a rate
# per year, "11%/năm, cao hơn so với mục tiêu 5%", too)
_RATE_TARGET_CMP = rx(
    r"^(?:\s*/\s*năm)?[\s,;(]*(?P<cmp>vượt|cao\s+hơn|thấp\s+hơn)\s+(?P<vs>so\s+với\s+)?(?:mức\s+)?"
    r"(?:mục\s+tiêu|chỉ\s+tiêu|kế\s+hoạch|nghị\s+quyết)"
    r"(?:\s+(?!đạt|vượt|tăng|giảm)[^\W\d_]+){0,4}?\s*(?P<set>là|:)?\s*"
    r"(?:\(\s*(?:dưới|không\s+quá|tối\s+đa)?)?\s*$"
)


# "… đạt 45,8%, trong khi mục tiêu đề ra là 50%", "… là 39,51%, trong khi đó mục tiêu cần
# đạt vào cuối năm 2025 là 80%", "mới chỉ đạt 39,5% vẫn còn khoảng cách rất xa so với mục
# tiêu 80%": the target rate the rate is set against
_RATE_WHILE_TARGET = rx(
    r"^[\s,;]*(?:trong\s+khi(?:\s+đó)?|(?:vẫn\s+)?còn\s+(?:khoảng\s+)?cách(?:\s+rất)?(?:\s+xa)?"
    r"\s+so\s+với)\s+(?:mục\s+tiêu|chỉ\s+tiêu|kế\s+hoạch)"
    r"(?:\s+(?!tăng|giảm|vượt)[^\W_]+){0,8}?\s*(?:là|đề\s+ra|:)?\s*$"
)
# "… đạt 45%, chưa đạt chỉ tiêu đề ra là 50%": a target rate the rate falls short of
_RATE_SHORT_OF_TARGET = rx(
    r"^[\s,;]*(?:nhưng\s+|song\s+)?(?:vẫn\s+|mới\s+)?(?:chưa|không)\s+đạt(?:\s+được)?\s+"
    r"(?:mục\s+tiêu|chỉ\s+tiêu|kế\s+hoạch)(?:\s+(?!tăng|giảm|vượt)[^\W_]+){0,8}?\s*"
    r"(?:là|đề\s+ra|:)?\s*$"
)


# a rate that is good when it falls: short of its target when above it
_FALLING_RATE = rx(
    r"(?<!\w)(?:còn|giảm|nghèo|thất\s+nghiệp|suy\s+dinh\s+dưỡng|nợ\s+xấu|tử\s+vong|tai\s+nạn"
    r"|lạm\s+phát|sinh\s+con|bỏ\s+học|ô\s+nhiễm|tái\s+nghèo)(?!\w)"
)


def _short_of_target(doc: Doc, rate: Figure, p: Figure) -> bool | None:
    """Whether ``p`` is a target rate the rate is said not to reach: True when it is above
    the rate, None when the rate reaches it all the same (``đạt 45%, chưa đạt chỉ tiêu là
    40%``: the words contradict the figures; not for a rate that is good when it falls,
    ``tỷ lệ hộ nghèo``), False when ``p`` is no such target."""
    if not _RATE_SHORT_OF_TARGET.fullmatch(doc.fold[rate.end : p.span_start]):
        return False
    if p.values[0] > rate.values[0]:
        return True
    if _FALLING_RATE.search(doc.fold, rate.sentence.start, rate.start):
        return False
    return None


# "(mục tiêu 70%)" right after a percentage: a bracketed target rate
_BRACKET_TARGET = rx(r"^\s*\(\s*(?:mục\s+tiêu|chỉ\s+tiêu|kế\s+hoạch|kịch\s+bản)")
# "(KBTT: 8,16%)", "(KH: 8%)": a plan named by its abbreviation in brackets
_ABBREVIATED_PLAN = re.compile(r"\s*\(\s*([A-ZĐ]{2,8})\s*:?\s*")
_PLAN_ABBREVIATIONS = frozenset({"KH", "CT", "MT", "NQ"})
ABBREVIATION_WINDOW = 3000
"""How far (characters) before its use a plan's abbreviation may be defined."""


def _abbreviated_plan(doc: Doc, start: int, end: int) -> bool:
    """Whether ``doc.text[start:end]`` opens a bracket with a plan's abbreviation.

    ``KH`` (kế hoạch) and the like, or one the text defined before in brackets after a plan
    word (``kịch bản tăng trưởng (KBTT)`` … ``(KBTT: 8,16%)``).
    """
    m = _ABBREVIATED_PLAN.fullmatch(doc.text, start, end)
    if m is None:
        return False
    if m.group(1) in _PLAN_ABBREVIATIONS:
        return True
    defined = rx(
        r"(?<!\w)(?:kịch\s+bản|kế\s+hoạch|mục\s+tiêu|chỉ\s+tiêu)[^()]{0,40}\(\s*"
        + re.escape(fold(m.group(1)))
        + r"\s*\)"
    )
    return defined.search(doc.fold, max(0, start - ABBREVIATION_WINDOW), start) is not None


# "Tăng trưởng GRDP … ước đạt 6,9% (kịch bản tăng trưởng: 7,87%)": a growth rate is a rate
_K_GROWTH_RATE = rx(r"(?<!\w)tăng\s+trưởng(?!\w)")


_RATES_IN_BRACKETS = re.compile(r"%\s*\(\s*[^\W\d_]+[^()]{0,20}?\d[\d.,]*\s*%\s*\)")


def _rate_named(doc: Doc, rate: Figure, p: Figure) -> bool:
    """Whether a rate is named as one (``tỷ lệ``) in its item (from the last ``;`` of its
    sentence) or, when the target after it is in brackets ("Khối bộ, ngành đạt 63,47% (mục
    tiêu 70%)"), in its sentence or the sentence before it in its paragraph."""
    sentence = rate.sentence
    item = doc.text.rfind(";", sentence.start, rate.start) + 1 or sentence.start
    if _K_RATE.search(doc.fold[item : rate.start]):
        return True
    if not (
        _BRACKET_TARGET.match(doc.fold[rate.end : p.start])
        or _abbreviated_plan(doc, rate.end, p.span_start)
    ):
        return False
    i = bisect.bisect_left(doc.sentences, sentence.start, key=lambda s: s.start)
    start = sentence.start
    # the sentence before; two before when that one is a list of rates with their plans in
    # brackets too ("… ước đạt 9,2% (KBTT: 10,1%). Khu vực dịch vụ ước đạt 6,8% (KBTT: …")
    for back in (1, 2):
        before = doc.sentences[i - back] if i - back >= 0 else None
        if before is None or before.paragraph != sentence.paragraph:
            break
        start = before.start
        if not _RATES_IN_BRACKETS.search(doc.fold, before.start, before.end):
            break
    lead = doc.fold[start : rate.start]
    return bool(_K_RATE.search(lead) or _K_GROWTH_RATE.search(lead))


def _rate_beyond_target(doc: Doc, between: str, rate: Figure, p: Figure) -> bool:
    """Whether ``p`` is the target rate a rate is said to be above or below ("đạt 94,2%,
    vượt chỉ tiêu được giao (93%)"), the figures fitting the words; a bare ``vượt chỉ tiêu
    0,2%`` is a margin, not a target (more than half the rate is asked of a target). A rate
    that is good when it falls beats a ceiling above it (``Tỷ lệ hộ nghèo giảm còn 2,1%,
    vượt chỉ tiêu Nghị quyết đề ra (dưới 2,5%)``)."""
    m = _RATE_TARGET_CMP.fullmatch(between)
    if m is None:
        return False
    r, t = rate.values[0], p.values[0]
    cmp = " ".join(m.group("cmp").split())
    if cmp == fold("thấp hơn"):
        return t >= r
    if cmp == fold("vượt") and _FALLING_RATE.search(doc.fold, rate.sentence.start, rate.start):
        return r <= t < r * 2
    # "vượt so với Nghị quyết đề ra là 40%", "cao hơn so với mục tiêu 5%": a target set out
    # or compared with, not a margin
    if m.group("set") or fold("đề ra") in m.group(0) or m.group("vs"):
        return t <= r
    return r / 2 < t <= r


# ", bằng 172,73% so với Nghị quyết": the attainment of the rate before it
_RATE_ATTAINMENT_LEAD = rx(r"^[\s,(]*(?:đạt|bằng|hoàn\s+thành|tương\s+đương)\s*$")


# "vượt kịch bản tăng trưởng của Thành phố 7,59%", "cao hơn mục tiêu tăng trưởng đề ra là 7%",
# "vượt mục tiêu đề ra (8%)": the growth rate a plan or scenario set, compared with the growth
# stated before it; or set beside it after a comma ("tăng trưởng đạt 6,1%, kịch bản đề ra là
# 7%")
_GROWTH_TARGET_LEAD = rx(
    r"(?:(?<!\w)(?P<cmp>vượt|cao\s+hơn|thấp\s+hơn|so\s+với|bằng)\s+|^\s*,\s*)(?:mức\s+)?"
    r"(?P<plan>kịch\s+bản|(?:mục\s+tiêu|kế\s+hoạch|chỉ\s+tiêu)(?P<named>\s+tăng\s+trưởng)?)"
    r"(?:\s+(?!đạt|vượt|giảm|tăng(?!\s+trưởng))[^\W\d_]+){0,6}?\s*(?:là|:)?\s*\(?\s*$"
)
# "kế hoạch đề ra là 7%": a plan's figure set out
_SET_AS = rx(r"(?<!\w)(?:là|:)\s*\(?\s*$")
# the subject of a growth rate: "Tốc độ tăng trưởng kinh tế (GRDP) ước đạt 8,5%"
_GROWTH_SUBJECT = rx(r"(?<!\w)(?:tăng\s+trưởng|tốc\s+độ\s+tăng)(?!\w)")


def _growth_of(doc: Doc, f: Figure | None) -> bool:
    """Whether ``f`` is a growth rate stated on its own (no amount, no qualifier)."""
    owner = f.owner if f is not None else None
    if f is None or owner is None or owner.actual is not None or owner.rate_of:
        return False
    if owner.percent_fig is not f or f.qualifier is not None:
        return False
    lead = doc.fold[f.clause : f.start]
    return bool(
        _K_GROWTH.search(lead) or _GROWTH_SUBJECT.search(doc.fold[f.sentence.start : f.start])
    )


def _plausible_target(m: re.Match[str], growth: Decimal, target: Decimal) -> bool:
    """Whether the comparison's words fit the figures: a plan named as a growth plan or a
    scenario fits any; a bare plan (``vượt mục tiêu 8%``, which may also be a margin) only
    when above or below as the words say and more than half the growth."""
    if m.group("cmp") is None:
        # set beside the growth with no comparison: a growth plan, a scenario or a plan
        # set out with "là", of the growth's size (from half to twice it)
        beside = m.group("named") or fold("kịch") in m.group("plan") or _SET_AS.search(m.group(0))
        return bool(beside) and growth / 2 < target < growth * 2
    if m.group("named") or fold("kịch") in m.group("plan"):
        return True
    cmp = " ".join(m.group("cmp").split())
    if cmp == fold("thấp hơn"):
        return target >= growth
    if cmp in (fold("vượt"), fold("cao hơn")):
        return growth / 2 < target <= growth
    return False


# "thấp hơn 2,5% so với": a margin stated against the plan after it
_MARGIN_LEAD = rx(r"(?<!\w)(?:thấp\s+hơn|cao\s+hơn|vượt)\s*(?:khoảng|gần|hơn|trên)?\s*$")
_MARGIN_TAIL = rx(r"^\s*so\s+với(?!\w)")


def _margin_disagrees(doc: Doc, margin: Figure, growth: Figure, p: Figure) -> bool:
    """Whether the margin stated between a growth rate and the plan's rate disagrees with them.

    ``tăng 6,5%, thấp hơn 2,5% so với kịch bản tăng trưởng 9%`` fits (9 − 6,5 = 2,5 points);
    ``tăng 6,5%, thấp hơn 3,1% so với kịch bản tăng trưởng 9%`` does not, in points nor
    relative to the plan: the scenario is another figure's (the whole economy's, say).
    """
    if margin.kind != "percent" or margin.percent is None or not p.values[0]:
        return False
    if not (
        _MARGIN_LEAD.search(doc.fold, margin.sentence.start, margin.span_start)
        and _MARGIN_TAIL.match(doc.fold[margin.end : p.start])
    ):
        return False
    stated = margin.percent
    half = Decimal(5) / Decimal(10) ** (stated.decimals + 1)
    gap = abs(p.values[0] - growth.values[0])
    relative = 100 * gap / p.values[0]
    return abs(gap - stated.value) > half and abs(relative - stated.value) > half


def _growth_against(doc: Doc, p: Figure, figs: list[Figure]) -> bool:
    """A growth rate against the growth rate its plan or scenario set, stated after it in
    its sentence ("GRDP tăng 7,63%, vượt kịch bản tăng trưởng 7,59%"): the growth becomes the
    actual (``measure`` ``%``) and the plan's rate its target; whether it did."""
    before = [f for f in figs if f.start < p.start and f.sentence is p.sentence]
    if not before or p.qualifier is not None or p.kind != "percent":
        return False
    m = _GROWTH_TARGET_LEAD.search(doc.fold[before[-1].span_end : p.start])
    growth = next((f for f in before if f.kind == "percent"), None)
    if m is None or growth is None or not _growth_of(doc, growth):
        return False
    if not _plausible_target(m, growth.values[0], p.values[0]):
        return False
    if before[-1] is not growth and _margin_disagrees(doc, before[-1], growth, p):
        return False
    owner = growth.owner
    assert owner is not None
    owner.actual_fig, owner.actual, owner.percent_fig = growth, growth.value, None
    owner.target_fig, owner.target = p, p.value
    p.owner = owner
    growth.measure = p.measure = "%"
    return True


# "…, chưa đạt kế hoạch đề ra (kế hoạch tăng 9,5%)": a plan's growth rate in brackets
# after words that say whether the growth before it met it
_PLAN_RATE_BRACKET = rx(
    r"(?<!\w)(?P<cmp>chưa\s+đạt|không\s+đạt|vượt|đạt)\s+(?:kế\s+hoạch|mục\s+tiêu|chỉ\s+tiêu)"
    r"(?:\s+(?:đề|đặt|giao|ra|năm|đã|được))*\s*(?:\(\s*(?:kế\s+hoạch|mục\s+tiêu|chỉ\s+tiêu|kh)"
    r"\s*(?:là|:)?|(?P<set>là|:))\s*(?:tăng(?:\s+trưởng)?)?\s*$"
)
# "Tuy chưa đạt kế hoạch …": a sentence that goes on about the figure of the one before
_CONCESSION = rx(r"^\W*(?:và\s+)?(?:tuy|dù|mặc\s+dù|tuy\s+nhiên)(?!\w)")
# "chưa đạt mục tiêu đề ra là trên 8%": a floor the growth is said not to reach
_FLOOR = ("trên", "hơn")


def _growth_against_bracket(
    doc: Doc, p: Figure, figs: list[Figure], previous: list[Figure]
) -> bool:
    """A growth rate against the plan's rate in brackets after words that say whether it
    met it (``GRDP ước tăng 8,4%, chưa đạt kế hoạch đề ra (kế hoạch tăng 9,5%)``), also when
    those words open the next sentence (``… tăng 8,4% so với năm 2024. Tuy chưa đạt kế
    hoạch đề ra (kế hoạch tăng 9,5%), …``): the growth becomes the actual and the plan's
    rate its target, when the figures agree with the words; whether it did."""
    before = [f for f in figs if f.start < p.start]
    floor = before[-1].span_end if before else p.sentence.start
    lead = doc.fold[floor : p.span_start]
    m = _PLAN_RATE_BRACKET.search(lead)
    if m is None or p.kind != "percent":
        return False
    if p.qualifier is not None and not (m.group("set") and fold(p.qualifier) in _FLOOR):
        return False
    if not before:
        rates = [f for f in previous if f.kind == "percent"]
        if not _CONCESSION.match(lead) or len(rates) != 1:
            return False
        before = rates
    growth = before[-1]
    if growth.kind != "percent" or not _growth_of(doc, growth):
        return False
    met = " ".join(m.group("cmp").split()) in (fold("vượt"), fold("đạt"))
    if met != (growth.values[0] >= p.values[0]):
        return False
    owner = growth.owner
    assert owner is not None
    owner.actual_fig, owner.actual, owner.percent_fig = growth, growth.value, None
    owner.target_fig, owner.target = p, p.value
    p.owner, p.role = owner, "target"
    growth.measure = p.measure = "%"
    return True


# "đạt 9,3%, tăng 0,3% so với kế hoạch đề ra (9%)": a growth, its margin over a plan's rate
_MARGIN_AFTER_GROWTH = rx(r"^\s*,\s*(?P<cmp>tăng|cao\s+hơn|vượt|thấp\s+hơn)\s*$")
_MARGIN_PLAN_TAIL = rx(
    r"^\s*so\s+(?:với\s+)?(?:mức\s+)?(?P<plan>kịch\s+bản|kế\s+hoạch|mục\s+tiêu|chỉ\s+tiêu)"
    r"(?:\s+(?!đạt|vượt|tăng(?!\s+trưởng)|giảm|so)[^\W\d_]+){0,6}\s*:?\s*\(?\s*"
)
# the margin's plan named with nothing after it: its rate is written before
_MARGIN_PLAN_END = rx(r"^\s*(?:[.;]|$)")


def _margin_fits(cmp: str, growth: Decimal, target: Decimal, margin: Percent) -> bool:
    """Whether the growth is above (``tăng``, ``cao hơn``, ``vượt``) or below (``thấp
    hơn``) the plan's rate by the margin, in points or relative to the plan, rounded."""
    if (growth > target) != (" ".join(cmp.split()) != fold("thấp hơn")) or not target:
        return False
    half = Decimal(5) / Decimal(10) ** (margin.decimals + 1)
    gap = abs(growth - target)
    return abs(gap - margin.value) <= half or abs(100 * gap / target - margin.value) <= half


def _margin_plan_rate(
    doc: Doc, m: re.Match[str], margin: Figure, figs: list[Figure], previous: list[Figure]
) -> Figure | None:
    """The plan's rate a margin is stated against: the next figure, right after the plan
    named (``so với kế hoạch đề ra (9%)``), or, when nothing follows the plan named, the one
    percentage of the sentence before in the paragraph that names that plan too."""
    end = margin.end + m.end()
    after = [f for f in figs if f.start >= end]
    if after:
        f = after[0]
        return f if f.span_start == end and f.kind == "percent" else None
    if not _MARGIN_PLAN_END.match(doc.fold[end : end + 2]):
        return None
    rates = [f for f in previous if f.kind == "percent"]
    if len(rates) != 1:
        return None
    before = rates[0].sentence
    if before.paragraph != margin.sentence.paragraph:
        return None
    plan = rx(r"(?<!\w)" + r"\s+".join(m.group("plan").split()) + r"(?!\w)")
    return rates[0] if plan.search(doc.fold, before.start, before.end) else None


def _growth_by_margin(doc: Doc, f: Figure, figs: list[Figure], previous: list[Figure]) -> bool:
    """A growth rate against a plan's rate it is said to be above or below by a margin
    (``tăng trưởng đạt 9,3%, tăng 0,3% so với kế hoạch đề ra (9%)``, or ``… so với kịch bản.``
    after a sentence setting the scenario's rate): when the margin fits the two rates, the
    growth becomes the actual and the plan's rate its target; whether it did."""
    i = figs.index(f)
    if i == 0 or f.kind != "percent" or f.percent is None or f.qualifier is not None:
        return False
    growth = figs[i - 1]
    lead = _MARGIN_AFTER_GROWTH.match(doc.fold[growth.span_end : f.span_start])
    tail = _MARGIN_PLAN_TAIL.match(doc.fold[f.end : f.sentence.end])
    if lead is None or tail is None or growth.kind != "percent" or not _growth_of(doc, growth):
        return False
    t = _margin_plan_rate(doc, tail, f, figs[i + 1 :], previous)
    if t is None or t.qualifier is not None:
        return False
    if not _margin_fits(lead.group("cmp"), growth.values[0], t.values[0], f.percent):
        return False
    owner = growth.owner
    assert owner is not None
    owner.actual_fig, owner.actual, owner.percent_fig = growth, growth.value, None
    owner.target_fig, owner.target = t, t.value
    f.owner, f.role = None, "margin"
    if t.sentence is f.sentence:
        t.owner, t.role = owner, "target"
    growth.measure = t.measure = "%"
    return True


def _rate_against(doc: Doc, p: Figure, figs: list[Figure], drafts: list[Draft]) -> bool:
    """A percentage about the rate stated just before it ("tỷ lệ … đạt 100% (mục tiêu đại
    hội là 90%)", "tỷ lệ … đạt 95%, bằng 172,73% so với Nghị quyết"): the rate becomes the
    actual of a statement (``measure`` ``%``) with the target or the attainment; whether it
    did."""
    previous = [f for f in figs if f.start < p.start]
    if not previous or previous[-1].kind != "percent":
        return False
    rate = previous[-1]
    margin = len(previous) > 1 and _margin_between(doc, previous[-2], rate, p)
    if margin:
        rate = previous[-2]  # "còn 2,5%, thấp hơn 1,5% so với mục tiêu 4%"
    owner = rate.owner
    if owner is None or owner.subject is None or owner.actual is not None:
        return False
    sentence = p.sentence
    if rate.sentence is not sentence or not _rate_named(doc, rate, p):
        return False
    # "Tỷ lệ bao phủ … đạt 94,5% dân số, đạt 100,5% chỉ tiêu giao": a rate of the population
    # named after it, its attainment after that
    after = max(rate.span_end, owner.subject[1]) if owner.rate_of else rate.span_end
    between = doc.fold[after : p.span_start]
    short = _short_of_target(doc, rate, p)
    if p.qualifier is None and (
        margin
        or _RATE_TARGET_LEAD.fullmatch(between)
        or _abbreviated_plan(doc, after, p.span_start)
        or _RATE_WHILE_TARGET.fullmatch(doc.fold[rate.end : p.span_start])
        or short is not False
        or _rate_beyond_target(doc, between, rate, p)
    ):
        d = owner
        d.actual_fig, d.actual, d.percent_fig = rate, rate.value, None
        d.target_fig, d.target = p, p.value
        d.contradicted = short is None
        p.owner = d
    elif _RATE_ATTAINMENT_LEAD.fullmatch(between) and _K_PLAN_TAIL.match(
        doc.fold[p.end : sentence.end]
    ):
        d = Draft(p.sentence, actual_fig=rate, actual=rate.value, percent_fig=p)
        d.subject = owner.subject
        p.owner = d
        drafts.append(d)
    else:
        return False
    rate.measure = p.measure = "%"
    return True


# "… còn 2,5%, thấp hơn 1,5% so với mục tiêu 4% …": a rate, the margin, the target
_GAP_LEAD = rx(r"^(?:\s*/\s*năm)?\s*,\s*(?:cao|thấp)\s+hơn\s*$")
_GAP_PLAN = rx(
    r"^\s*so\s+với\s+(?:mức\s+)?(?:mục\s+tiêu|chỉ\s+tiêu|kế\s+hoạch|nghị\s+quyết)"
    r"(?:\s+(?!đạt|vượt|tăng|giảm)[^\W\d_]+){0,4}?\s*(?:là|:)?\s*$"
)


def _margin_between(doc: Doc, rate: Figure, margin: Figure, p: Figure) -> bool:
    """Whether ``margin`` is the gap between ``rate`` and the target ``p`` said with it
    (``còn 2,5%, thấp hơn 1,5% so với mục tiêu 4%``), the figures agreeing: the rate is
    above (``cao hơn``) or below (``thấp hơn``) the target by the margin, to its rounding."""
    if rate.kind != "percent" or rate.sentence is not p.sentence or margin.qualifier:
        return False
    lead = _GAP_LEAD.match(doc.fold[rate.span_end : margin.span_start])
    if lead is None or not _GAP_PLAN.match(doc.fold[margin.end : p.span_start]):
        return False
    r, m, t = rate.values[0], margin.values[0], p.values[0]
    gap = r - t if fold("cao") in lead.group() else t - r
    return abs(gap - m) <= Decimal("0.05") + m / 100


# "đạt 72,5% kế hoạch vốn Thủ tướng Chính phủ giao và đạt 68,1% kế hoạch vốn tỉnh giao": the
# words between an attainment of one plan and a second percentage of another plan
_MEASURE_WORDS = words_rx(MEASURE_NAMES)
_SECOND_PLAN_LEAD = rx(
    r"^\s*(?:/\s*(?:tổng\s+)?)?(?:so\s+(?:với\s+)?)?"
    r"(?:kế\s+hoạch|dự\s+toán|chỉ\s+tiêu|mục\s+tiêu|kh|kịch\s+bản|khoản\s+(?:được\s+)?phân\s+bổ)"
    r"(?:\s+[^\W\d_]+){0,9}?"
    # the period the plan is of: "kịch bản tăng trưởng 9 tháng đầu năm 2025"
    r"(?:\s+\d{1,2}\s+tháng(?:\s+đầu\s+năm)?(?:\s+(?:19|20)\d\d)?)?"
    r"\s*[,;]?\s*(?:(?:và\s+)?(?:đạt|bằng|vượt)|và)"
    # "đạt hơn 53% so với kế hoạch … giao và hơn 47% so với kế hoạch …": its qualifier
    r"(?:\s+(?:khoảng|gần|hơn|trên))?\s*$"
)


def _second_plan(doc: Doc, p: Figure, figs: list[Figure], drafts: list[Draft]) -> bool:
    """A second attainment of the same result, of another plan named after the first, with a
    verb of its own ("đạt 72,5% kế hoạch … giao và đạt 68,1% kế hoạch vốn tỉnh giao"): a
    statement with the result and no target; whether it made one. Not when the words name
    a measure (``… kế hoạch doanh thu và đạt 66% kế hoạch lợi nhuận``: another result)."""
    previous = [f for f in figs if f.start < p.start and f.sentence is p.sentence]
    if not previous or previous[-1].kind != "percent" or previous[-1].owner is None:
        return False
    q, owner = previous[-1], previous[-1].owner
    if owner.actual is None or owner.target is not None or owner.percent_fig is not q:
        return False
    between = doc.fold[q.end : p.start]
    if not _SECOND_PLAN_LEAD.match(between) or _MEASURE_WORDS.search(between):
        return False
    if not _K_PLAN_TAIL.match(doc.fold[p.end : p.sentence.end]):
        return False
    d = Draft(owner.sentence, actual_fig=owner.actual_fig, actual=owner.actual, percent_fig=p)
    d.twin_of = owner
    p.owner = d
    drafts.append(d)
    return True


# the most parts read in one bracket after a result ("(trong đó: khách quốc tế …, khách
# nội địa …)")
_BRACKET_PARTS = 4


def _past_bracketed_part(doc: Doc, previous: list[Figure], p: Figure) -> list[Figure]:
    """``previous`` without its last figures when they are parts in one bracket right after
    the result before them, the bracket closed before ``p`` ("đạt 121.190 người (40.938 lao
    động nữ), bằng 93,2% kế hoạch", "đạt 3.000 lượt khách (trong đó: khách quốc tế 250
    lượt, khách nội địa 2.750 lượt) bằng 30% kế hoạch": the percentage is the result's)."""
    if len(previous) < 2:
        return previous
    text, f = doc.text, previous[-1]
    opened = text.rfind("(", p.sentence.start, f.start)
    inside = [h for h in previous if h.start > opened]
    if opened == -1 or len(inside) == len(previous) or len(inside) > _BRACKET_PARTS:
        return previous
    g = previous[-len(inside) - 1]
    if not g.sentence is f.sentence is p.sentence or text.find(")", opened, f.start) != -1:
        return previous
    if text.find(")", f.end, p.start) == -1 or text.find("(", f.end, p.start) != -1:
        return previous
    owner = g.owner
    if owner is None or owner.actual_fig is not g or owner.percent_fig is not None:
        return previous
    if any(c in text[g.span_end : opened] for c in ",;:") or g.kind != "count":
        return previous
    return previous[: -len(inside)]


# "1.500 tỷ đồng, tương đương 4 tỷ đồng mỗi ngày, tăng 16%": the amount restated per day
_RESTATED_LEAD = rx(r"(?<!\w)(?:tương\s+đương|tương\s+ứng|bình\s+quân)(?:\s+[^\W\d_]+){0,2}\s*$")
_PER_PERIOD = rx(r"\s*(?:/|(?:mỗi|một|trên)\s+)(?:ngày|tuần|tháng)(?!\w)\s*[-–,]?")


def _past_per_period(doc: Doc, placed: list[Figure], p: Figure) -> tuple[list[Figure], int]:
    """``placed`` without its last figure when that figure restates the amount before it per
    day, week or month (``tương đương 4 tỷ đồng mỗi ngày``): a percentage after it is the
    amount's; and where the words before ``p`` start then (0 when nothing was left out)."""
    if len(placed) < 2 or placed[-1].kind == "percent" or placed[-2].kind == "percent":
        return placed, 0
    f = placed[-1]
    m = _PER_PERIOD.match(doc.fold, f.span_end)
    if m is None or m.end() > p.start or not _RESTATED_LEAD.search(doc.fold, f.clause, f.start):
        return placed, 0
    # the amount restated: the figure before, past one in brackets ("(gần 60 triệu USD)")
    g = next((h for h in reversed(placed[:-1]) if not _bracketed_part(doc, h, f.start)), f)
    if not _same_measure(g, f) or g.sentence is not p.sentence:
        return placed, 0
    return placed[:-1], m.end()


def _past_restatement(doc: Doc, placed: list[Figure], p: Figure) -> tuple[list[Figure], int]:
    """``placed`` past a restatement of its last amount (:func:`_past_per_period`, else
    :func:`_past_population_share`), and where the words before ``p`` start then."""
    placed, cut = _past_per_period(doc, placed, p)
    return (placed, cut) if cut else _past_population_share(doc, placed, p)


# "210.500 người, tương đương 21,5% lực lượng lao động": a figure said as a share of its
# population right after it
_SHARE_LEAD = rx(
    r"^\s*,?\s*(?:tương\s+đương|tương\s+ứng|bằng|chiếm)(?:\s+(?:khoảng|gần|hơn|trên))?\s*$"
)


def _past_population_share(doc: Doc, placed: list[Figure], p: Figure) -> tuple[list[Figure], int]:
    """``placed`` without its last figure when that figure restates the count before it as a
    share of a population, in a clause of its own (``đạt 210.500 người, tương đương 21,5%
    lực lượng lao động trong độ tuổi, đạt 102,4% kế hoạch``): the attainment after it is
    the count's; and where the words before ``p`` start then (0 when nothing was left out).
    """
    if len(placed) < 2 or placed[-1].kind != "percent":
        return placed, 0
    rate, g = placed[-1], placed[-2]
    owner, own = rate.owner, g.owner
    if owner is None or not owner.rate_of or own is None or own.actual_fig is not g:
        return placed, 0
    if own.percent_fig is not None or not _SHARE_LEAD.match(doc.fold[g.span_end : rate.start]):
        return placed, 0
    comma = doc.fold.find(",", rate.end, p.start)
    if comma < 0 or not _K_PLAN_TAIL.match(doc.fold[p.end : p.sentence.end]):
        return placed, 0
    return placed[:-1], comma + 1


def _past_growth_base(doc: Doc, previous: list[Figure], p: Figure) -> tuple[list[Figure], int]:
    """``previous`` without its last figure when that figure is the base of the growth
    before it, in brackets after the period it is of (:data:`_GROWTH_BASE`: "đạt 1,2 triệu
    lượt, tăng 10% so với cùng kỳ (1,1 triệu lượt), đạt 30% kế hoạch": the percentage after
    the bracket is the result's, never the base's), and where the words before ``p`` start."""
    floor = p.clause
    if len(previous) >= 2 and previous[-2].kind == "percent":
        m = _GROWTH_BASE.match(doc.fold, previous[-2].end, p.start)
        if m is not None and m.start("n") == previous[-1].start and m.end() <= p.start:
            return previous[:-1], max(floor, m.end())
    if previous and previous[-1].span_end > floor:
        floor = min(previous[-1].span_end, p.start)
    return previous, floor


def _join_previous(doc: Doc, p: Figure, figs: list[Figure], drafts: list[Draft]) -> bool:
    """Join the percentage to the draft of the figure just before it when only connecting
    words stand between them (a second percentage makes a twin draft); whether it did."""
    placed = [f for f in figs if f.start < p.start and f.owner is not None]
    placed, cut = _past_restatement(doc, placed, p)
    previous, floor = _past_growth_base(doc, _past_bracketed_part(doc, placed, p), p)
    floor = max(floor, cut)
    lead = _lead_from(doc, floor, p.start)
    if not (previous and _CONNECTORS.fullmatch(lead)):
        return False
    if _apart(doc, previous[-1], p, figs):
        return False
    owner = previous[-1].owner
    assert owner is not None
    if _growth_beside_pair(doc, p, owner, lead):
        # "79,3%/ chỉ tiêu 80%, tăng 10,6% so với cuối năm 2021": a growth of the result,
        # a statement of its own — not the percentage of the pair
        d = Draft(owner.sentence, actual_fig=owner.actual_fig, actual=owner.actual, percent_fig=p)
        d.beside = owner
        p.owner = d
        drafts.append(d)
        return True
    if _plan_percent_after_growth(doc, owner, p, lead):
        return True
    if owner.percent_fig is None:
        owner.percent_fig = p
        p.owner = owner
        return True
    if owner.actual is None:
        if (
            owner.subject is not None
            and not owner.rate_of
            and (_K_GROWTH.search(lead) or _plan_after_growth(doc, owner, p, lead))
        ):
            # "thu ngân sách đạt 103,4% kế hoạch, tăng 6,2% so với năm trước": the growth
            # of the same subject beside its attainment, a statement of its own
            d = Draft(owner.sentence, percent_fig=p)
            d.subject = owner.subject
            p.owner = d
            drafts.append(d)
            return True
        return False
    if _rate_after_fraction(doc, owner, p):
        return False
    # a second percentage about the same figures; of another plan than the first one's
    # ("104% dự toán Trung ương giao (500 tỷ đồng) và đạt 98% dự toán tỉnh giao"), not of
    # the first plan's amount
    first = owner.percent_fig
    own_plan = first is None or "" in (_plan_of(doc, first), _plan_of(doc, p))
    own_plan = own_plan or (first is not None and _plan_of(doc, first) == _plan_of(doc, p))
    own_plan = own_plan and not _bracketed_plan_after(doc, p)
    twin = Draft(
        owner.sentence,
        actual_fig=owner.actual_fig,
        target_fig=owner.target_fig if own_plan else None,
        actual=owner.actual,
        target=owner.target if own_plan else None,
        inherit=owner.inherit,
        percent_fig=p,
    )
    twin.twin_of = owner
    p.owner = twin
    drafts.append(twin)
    return True


def _plan_percent_after_growth(doc: Doc, owner: Draft, p: Figure, lead: str) -> bool:
    """Give the pair of a result and its plan the attainment or excess said after the growth
    beside it (:func:`_growth_beside_pair`); whether it did.

    ``Lãi đạt 336 tỷ đồng, tăng 8% so với năm trước và vượt 12% so với kế hoạch 300 tỷ
    đồng``: the 12 % is of the pair (336 against 300), not of the growth's statement.
    """
    pair = owner.beside
    if pair is None or pair.percent_fig is not None or pair.target is None:
        return False
    if not (_K_EXCESS.search(lead) or _K_ACHIEVED.search(lead)):
        return False
    if not _K_PLAN_TAIL.match(doc.fold[p.end : p.end + 80]):
        return False
    pair.percent_fig, p.owner = p, pair
    return True


def _plan_after_growth(doc: Doc, owner: Draft, p: Figure, lead: str) -> bool:
    """Whether ``p`` is an excess or attainment of a plan said right after a growth of the
    same subject (``Con số trên tăng 9% so với cùng kỳ, vượt 12% kế hoạch năm``)."""
    q = owner.percent_fig
    if q is None or not _K_GROWTH.search(doc.fold, q.clause, q.start):
        return False
    verb = _K_EXCESS.search(lead) or _K_ACHIEVED.search(lead)
    return verb is not None and bool(_K_PLAN_TAIL.match(doc.fold[p.end : p.end + 80]))


def _lead_from(doc: Doc, floor: int, end: int) -> str:
    """The folded text from ``floor`` to ``end`` without the year of a comparison cut at
    ``floor`` ("… so với cùng kỳ năm| 2024 và đạt 107,9%")."""
    year = _COMPARED_YEAR.match(doc.fold, floor, end)
    if year and _YEAR_WORD_END.search(doc.fold, max(0, floor - 30), floor):
        floor = year.end()
    return doc.fold[floor:end]


# a comparison with another's figure ("cao hơn bình quân chung cả nước (73,5%)")
_COMPARED_WITH = rx(r"(?<!\w)(?:cao\s+hơn|thấp\s+hơn|bình\s+quân|trung\s+bình|mức\s+chung)(?!\w)")


def _share_of_figure(doc: Doc, f: Figure, g: Figure) -> bool:
    """Whether the percentage ``g`` restates ``f`` right before it as a share of a population
    (``210.500 người, tương đương 21,5% lực lượng lao động``): read, and no bar between."""
    owner = g.owner
    return (
        owner is not None
        and owner.rate_of
        and bool(_SHARE_LEAD.match(doc.fold[f.span_end : g.start]))
    )


def _apart(doc: Doc, f: Figure, p: Figure, figs: list[Figure]) -> bool:
    """Whether something stands between ``f`` and the percentage ``p`` that makes them no
    statement together: a percentage left unread, a comparison with another's figure, or an
    amount masked (money not read:
    "400 lao động với mức lương 16,6 triệu đồng/người/tháng, tăng 8% so kế hoạch") that is
    not the worth of ``f``."""
    if any(
        g.kind == "percent" and f.start < g.start < p.start and not _share_of_figure(doc, f, g)
        for g in figs
    ):
        return True
    if _with_amount_of_count(doc, f, figs):
        return True
    bracket = p.clause > 0 and doc.text[p.clause - 1] == "("
    if bracket and _COMPARED_WITH.search(doc.fold, f.span_end, p.clause):
        return True  # "…, cao hơn bình quân chung cả nước (73,5%)": another's figure
    m = None if doc.money else _MONEY.search(doc.fold, f.start, p.start)
    # the worth of the count ("15 nhà trị giá 750 triệu đồng, đạt 150%") stands aside
    return m is not None and _WORTH.search(doc.fold, f.start, m.start()) is None


# "đón 5 triệu lượt khách với doanh thu 7.000 tỷ đồng": an amount said with a count (its noun
# right before "với"; not a rank, "Xếp hạng số 5 là tỉnh A với …")
_COUNTED_NOUN = re.compile(r"(?:\s+[^\W\d_]+){1,3}\s+")
_RANK_BEFORE = rx(r"(?<!\w)(?:số|thứ|hạng|top)\s*$")
_WITH_AMOUNT = rx(
    r"(?<!\w)với\s+(?:tổng\s+)?(?:doanh\s+thu|tổng\s+thu|giá\s+trị)(?:\s+[^\W\d_]+){0,3}?"
    r"\s*(?:(?:ước\s+)?(?:đạt|là)\s*)?(?:khoảng|gần|hơn|trên)?\s*$"
)


def _with_amount_of_count(doc: Doc, f: Figure, figs: list[Figure]) -> bool:
    """Whether ``f`` is an amount said with a count before it in its clause (``đón 5 triệu
    lượt khách với doanh thu hơn 7.000 tỷ đồng, đạt 80% kế hoạch năm``): a percentage after
    it may be the count's as well as the amount's, so it is neither's."""
    m = _WITH_AMOUNT.search(doc.fold, f.clause, f.span_start)
    if f.measure is None or m is None:
        return False
    return any(
        g.kind == "count"
        and g.measure is None
        and g.clause == f.clause
        and _COUNTED_NOUN.fullmatch(doc.fold, g.end, m.start())
        and not _RANK_BEFORE.search(doc.fold, g.clause, g.span_start)
        for g in figs
    )


def _rate_after_fraction(doc: Doc, owner: Draft, p: Figure) -> bool:
    """Whether a plan is named up to ``p`` after a fraction whose own percentage named none
    ("98/120 xã (đạt 81,7%), vượt 1,7% so với mục tiêu (80%)", "… (89,7%), vượt mục tiêu đề
    ra (85%)"): the fraction's ratio is its
    percentage, the further one is about the rate and a target rate, not about the whole
    ("43/40 đảng viên, đạt 107,5% kế hoạch, vượt 7,5%" stays a twin)."""
    first = owner.percent_fig
    if owner.actual_fig is None or owner.actual_fig.kind != "pair" or first is None:
        return False
    named = _PLAN_WORD.search(doc.fold, first.span_end, p.span_end)
    return _plan_of(doc, first) == "" and named is not None


def _growth_beside_pair(doc: Doc, p: Figure, owner: Draft, lead: str) -> bool:
    """Whether ``p`` is a growth over a past time (``tăng 10,6% so với cuối năm 2021``)
    joined to a result that already has its target and no percentage."""
    if owner.percent_fig is not None or owner.actual is None or owner.target is None:
        return False
    tail = doc.fold[p.end : p.sentence.end]
    return bool(_K_GROWTH.search(lead)) and bool(_K_GROWTH_TAIL.match(tail))


# "…, đạt 2.500 tỷ đồng.": the amount reached, said last in its sentence
_AMOUNT_LAST = rx(r",\s*(?:ước\s+)?(?:đạt|thu\s+được)\s*(?:khoảng|gần|hơn|trên)?\s*$")
_SENTENCE_END = rx(r"\s*(?:[.;!]|$)")


def _amount_said_last(doc: Doc, figs: list[Figure], drafts: list[Draft]) -> None:
    """The amount said last in a sentence whose subject is a measure of plans (``Thu ngân
    sách 9 tháng vượt 2% dự toán và tăng 30% so với cùng kỳ, đạt 1.020 tỷ đồng.``) is the
    result of the percentage of a plan stated with that subject before it, when only
    percentages stand between them."""
    last = figs[-1]
    if last.kind != "count" or last.measure is None or last.owner is None:
        return
    own = last.owner
    if own.figures != [last] or not _SENTENCE_END.match(doc.fold, last.span_end):
        return
    percents = [f for f in figs[:-1] if f.kind == "percent"]
    if len(percents) != len(figs) - 1 or not percents:
        return
    if not _AMOUNT_LAST.search(doc.fold, percents[-1].span_end, last.span_start):
        return
    for d in {id(p.owner): p.owner for p in percents if p.owner is not None}.values():
        if d.actual_fig is None and d.target is None and d.subject and _said_of_plan(doc, d):
            d.actual_fig, d.actual = last, last.value
            if own in drafts:
                drafts.remove(own)
            last.owner = d


# "lợi nhuận tăng 18% lên 300 tỷ đồng": the amount a growth brought the measure to
_TO_AMOUNT = rx(r"\s+(?:lên|xuống)(?:\s+(?:mức|khoảng|gần|hơn|trên))*\s*")
_GROWTH_VERB_END = rx(r"(?<!\w)(?:tăng|giảm)(?:\s+(?:khoảng|gần|hơn|trên))?\s*$")


def _growth_to_amount(doc: Doc, figs: list[Figure], drafts: list[Draft]) -> None:
    """A growth followed by the amount it brought the measure to (``lợi nhuận tăng 18% lên
    300 tỷ đồng``) is that amount's growth: the amount, in no statement of its own with a
    percentage or a target, is the growth's result."""
    for p, f in itertools.pairwise(figs):
        own, d = p.owner, f.owner
        if p.kind != "percent" or f.kind != "count" or f.measure is None:
            continue
        if own is None or d is None or own is d or own.actual is not None or own.target is not None:
            continue
        if d.actual_fig is not f or d.percent_fig is not None or d.target is not None:
            continue
        to = _TO_AMOUNT.match(doc.fold, p.end, f.start)
        if (
            to is None
            or to.end() != f.start
            or not _GROWTH_VERB_END.search(doc.fold, p.clause, p.start)
        ):
            continue
        d.percent_fig, p.owner = p, d
        if own in drafts and own.figures == [p]:
            drafts.remove(own)


def _said_of_plan(doc: Doc, d: Draft) -> bool:
    """Whether the draft's subject names a measure of plans and its percentage a plan."""
    assert d.subject is not None and d.percent_fig is not None
    named = _MEASURE_WORDS.search(doc.fold, *d.subject)
    tail = doc.fold[d.percent_fig.end : d.percent_fig.end + 80]
    return named is not None and bool(_K_PLAN_TAIL.match(tail))


def _own_subject_draft(doc: Doc, p: Figure) -> Draft | None:
    """A draft of the percentage whose subject is the words before its verb in its clause
    (None when they hold no word)."""
    clause_lead = doc.fold[p.clause : p.start]
    verb = _CONNECTOR_SUFFIX.search(clause_lead)
    cut = verb.start() if verb else len(clause_lead)
    trimmed = _SUBJECT_TRIM.match(clause_lead[:cut])
    skip = trimmed.end() if trimmed else 0
    while skip < cut and clause_lead[skip] in " (":
        skip += 1
    if not re.search(r"[^\W\d_]", clause_lead[skip:cut]):
        return None
    d = Draft(p.sentence, percent_fig=p)
    d.subject = (p.clause + skip, p.clause + len(clause_lead[:cut].rstrip()))
    p.owner = d
    return d


# --------------------------------------------------------------------------- context


def topics(doc: Doc, figures: list[Figure]) -> dict[int, int]:
    """Where the topic of each sentence begins (by sentence start).

    A topic runs from a sentence that names its own unit or time (before its first figure)
    or begins a paragraph, over the sentences that follow it in the paragraph.
    """
    first_figure: dict[int, int] = {}
    for f in figures:
        first_figure.setdefault(f.sentence.start, f.start)
    out: dict[int, int] = {}
    current = 0
    paragraph = -1
    for s in doc.sentences:
        limit = first_figure.get(s.start, s.end)
        names_own = any(not t.comparison for t in doc.times_in(s.start, limit)) or bool(
            doc.units_in(s.start, limit)
        )
        if s.paragraph != paragraph or names_own:
            current = s.start
            paragraph = s.paragraph
        out[s.start] = current
    return out


def _regions(doc: Doc, sentence: Sentence) -> list[tuple[int, int, str, int]]:
    """Part lists of a sentence: (start, end, marker, marker start) up to ';' or the end."""
    out = []
    for m in _PART_MARKER.finditer(doc.fold, sentence.start, sentence.end):
        if doc.text[m.end() : m.end() + 3].strip().startswith(":"):
            # "trong đó: A …; B …; C …": a list of items up to the sentence's end
            out.append((m.start(), sentence.end, m.group(1), m.start()))
            continue
        end = doc.text.find(";", m.end(), sentence.end)
        out.append((m.start(), sentence.end if end < 0 else end, m.group(1), m.start()))
    return out


_UNIT_WORDS = (
    r"(?:đảng\s+bộ|đảng\s+ủy|đảng\s+uỷ|chi\s+bộ|công\s+an|bộ\s+chỉ\s+huy|ban|khối|"
    r"huyện|quận|thị\s+xã|thành\s+phố|tỉnh|xã|phường|thị\s+trấn|đặc\s+khu)(?!\w)"
)
_ITEM_COMMA = rx(rf",\s*(?:riêng\s+|còn\s+|và\s+)?{_UNIT_WORDS}")
# the unit an item of a list opens with, as written: "Đảng bộ Công an tỉnh kết nạp 12",
# "riêng huyện B mới kết nạp 9", "xã C 14/12", "phường D (15/12)"
_WRITTEN_UNIT = rx(
    rf"[\s\-–•+]*(?:(?:riêng|còn|và|trong\s+đó|cụ\s+thể|như)(?!\w)[\s,:]*)?"
    rf"(?P<u>{_UNIT_WORDS}[^,;:()\d]*?)"
    r"(?=\s+(?:đã\s+|mới\s+|chỉ\s+)?(?:kết\s+nạp|đạt|có|được|vượt|hoàn\s+thành|thực\s+hiện|"
    r"phát\s+triển|giao|là)(?!\w)|\s*:?\s*\(?\s*\d)"
)
_WHOLE_UNIT = rx(
    r"(?<!\w)toàn\s+(?:đảng\s+bộ(?:\s+(?:tỉnh|huyện|thành\s+phố|xã|phường))?|tỉnh|"
    r"huyện|thành\s+phố|xã(?!\s+hội)|phường|ngành|quân)(?!\w)"  # "toàn xã hội": society
)


def _item(doc: Doc, sentence: Sentence, pos: int) -> tuple[int, int]:
    """The item of a list that holds ``pos``: from the last ';', ':', part marker or ', <unit
    word>' before it to the next ';' or ', <unit word>' (else the sentence)."""
    text = doc.text
    start = max(
        sentence.start,
        text.rfind(";", sentence.start, pos) + 1,
        text.rfind(":", sentence.start, pos) + 1,
    )
    if start > sentence.start and text[start - 1] == ":" and not text[start:pos].strip(" ("):
        # "xã A: 14/12; xã B: 9/10": a colon between an item's name and its figure
        start = max(
            sentence.start,
            text.rfind(";", sentence.start, start - 1) + 1,
            text.rfind(":", sentence.start, start - 1) + 1,
        )
    for m in _PART_MARKER.finditer(doc.fold, start, pos):
        start = m.end()
    for m in _ASSIGNED_TO.finditer(doc.fold, start, pos):  # "giao chỉ tiêu … cho huyện A 150"
        start = m.end()
    for m in _ITEM_COMMA.finditer(doc.fold, start, pos):
        start = m.start() + 1
    end = text.find(";", pos, sentence.end)
    end = sentence.end if end < 0 else end
    if comma := _ITEM_COMMA.search(doc.fold, pos, end):
        end = comma.start()
    colon = text.find(":", pos, end)
    if colon >= 0:
        end = colon
    if marker := _PART_MARKER.search(doc.fold, pos, end):
        end = marker.start()
    return start, end


_PLACE = rx(
    r"^(?:(?:đảng\s+bộ|đảng\s+ủy|đảng\s+uỷ)\s+)?"
    r"(?P<kind>huyện|quận|thị\s+xã|thành\s+phố|tỉnh|xã|phường|thị\s+trấn|đặc\s+khu)\s+"
)


def _name_end(text: str) -> str:
    """A place written as its kind and name, without the words after the name.

    A place's name is capitalised words (``tỉnh Hòa Lâm đã giải ngân``, ``đặc khu Phú Quốc
    đón gần``: the name ends before the lower-case verb), its Party committee's too
    (``Đảng bộ xã Tân Lập phấn đấu``). Other units keep their words
    (``Đảng bộ Công an tỉnh``, ``Bộ Chỉ huy Quân sự``).
    """
    kind = _PLACE.match(fold(text))
    if kind is None:
        return text
    words = text[kind.end() :].split()
    name = list(itertools.takewhile(lambda w: w[:1].isupper(), words))
    return text if not name else text[: kind.end()] + " ".join(name)


def _written_unit(doc: Doc, start: int, pos: int) -> UnitMention | None:
    """The unit an item opens with, kept as written (not a registry name: no code)."""
    m = _WRITTEN_UNIT.match(doc.fold, start, pos + 1)
    if m is None:
        return None
    text = _name_end(doc.text[m.start("u") : m.end("u")].rstrip())
    words = text.split()
    if len(words) < 2 or not any(w[0].isupper() for w in words[1:]):
        return None
    return UnitMention(m.start("u"), m.start("u") + len(text), text, None, ())


def _opening_unit(doc: Doc, sentence: Sentence, pos: int) -> UnitMention | None:
    """The unit a sentence opens with, as written: at its start, or right after the time
    phrase it opens with (``Trong năm 2024 Đảng bộ xã Tân Lập kết nạp …``)."""
    written = _written_unit(doc, sentence.start, pos)
    if written is not None:
        return written
    for t in doc.times_in(sentence.start, pos)[:2]:
        if not doc.text[t.end : t.end + 1].isspace():
            continue
        written = _written_unit(doc, t.end, pos)
        if written is not None:
            return written
    return None


def _unit_for(doc: Doc, d: Draft, topic: int) -> UnitMention | None:
    pos = d.anchor
    sentence = d.sentence
    regions = [(s, e) for s, e, *_ in _regions(doc, sentence)]

    def applies(u: UnitMention) -> bool:
        return all(not (s <= u.start < e and not s <= pos < e) for s, e in regions)

    item_start, item_end = _item(doc, sentence, pos)
    if item_start > sentence.start:
        # an item of a list: its own unit, registry name or as written, before the rest
        own = doc.units_in(item_start, pos)
        if own:
            return own[-1]
        written = _written_unit(doc, item_start, pos)
        if written is not None:
            return written
    before = [u for u in doc.units_in(topic, pos) if applies(u)]
    if before:
        return before[-1]
    end = max(f.span_end for f in d.figures) if d.figures else pos
    after = [u for u in doc.units_in(end, max(end, item_end)) if applies(u)]
    if after:
        return after[0]
    if item_start == sentence.start:
        written = _opening_unit(doc, sentence, pos)
        if written is not None:
            return written
    whole = list(_WHOLE_UNIT.finditer(doc.fold, sentence.start, pos))
    if whole:
        m = whole[-1]
        return UnitMention(m.start(), m.end(), doc.text[m.start() : m.end()], None, ())
    return None


def _time_for(doc: Doc, d: Draft, topic: int) -> tuple[int | None, dt.date | None]:
    pos = d.anchor
    sentence = d.sentence
    before = [t for t in doc.times_in(topic, pos) if not t.comparison]
    after = [t for t in doc.times_in(pos + 1, sentence.end) if not t.comparison]
    phrase = before[-1] if before else (after[0] if after else None)
    year = None
    if phrase is not None:
        year = phrase.year or (phrase.as_of.year if phrase.as_of else None)
    if year is None:
        years = [t.year for t in before if t.year]
        last = bisect.bisect_left(doc.report_years, (pos, -1)) - 1  # sorted by position
        year = years[-1] if years else (doc.report_years[last][1] if last >= 0 else None)
    as_of = None
    if phrase is not None:
        as_of = phrase.as_of if phrase.as_of else (resolve_month(phrase, year) if year else None)
    return year, as_of


# --------------------------------------------------------------------------- meaning


def _percent_kind(doc: Doc, d: Draft, catalog: MetricCatalog | None) -> tuple[str | None, int]:
    """The kind of the draft's percentage and its sign (-1 for a decrease)."""
    p = d.percent_fig
    assert p is not None
    if d.respective:
        return d.respective_kind, 1
    folded = doc.fold
    lead = folded[p.clause : p.start]
    if p.qual_start is not None:
        lead = folded[p.clause : p.qual_start]
    tail = folded[p.end : p.sentence.end]
    if (settled := _settled_kind(doc, d, p, lead, tail)) is not None:
        return settled
    if said := _said_kind(lead, tail):
        return _said_in_context(doc, d, said, tail)
    if _K_CORRESPONDS.search(lead) or _shares_verb(lead):
        return ("attainment" if _K_PLAN_TAIL.match(tail) else None), 1
    if _second_of_plan(doc, p, lead, _K_SECOND_OF_EXCESS) and _K_PLAN_TAIL.match(tail):
        return "excess", 1
    achieved = bool(_K_ACHIEVED.search(lead) or _second_of_plan(doc, p, lead))
    achieved = achieved or not lead.strip(" (")
    if achieved and (
        _K_PLAN_TAIL.match(tail) or _plan_met_before(doc, p) or _parallel_plan(doc, p)
    ):
        return "attainment", 1
    if _K_RATE.search(lead) or (_K_EQUALS.search(lead) and _K_TOTAL_TAIL.match(tail)):
        return ("attainment" if _disbursement_rate(doc, d, tail) else "rate"), 1
    if achieved:
        kind = _achieved_kind(d, tail, catalog) or _attainment_said_as_excess(doc, d, tail)
        kind = kind or ("attainment" if _members_admitted(doc, d) else None)
        return kind or _disbursed_share(doc, d, lead, tail), 1
    return None, 1


# "phát triển 120 hội viên mới", "kết nạp 80 đoàn viên": members newly admitted, a count a
# plan sets (never a rate of all members)
_MEMBER_NOUN = rx(r"(?:hội\s+viên|đoàn\s+viên|đảng\s+viên)(?!\w)")
_ADMITTED = rx(
    r"(?<!\w)(?:kết\s+nạp|phát\s+triển)(?:\s+(?:mới|được|thêm))*"
    r"(?:\s+(?:khoảng|gần|hơn|trên))?\s*$"
)


def _members_admitted(doc: Doc, d: Draft) -> bool:
    """Whether the draft's actual counts members admitted (``phát triển 120 hội viên``): a
    bare ``đạt 105%`` after it is then of the plan of admissions, whatever the metric."""
    f = d.actual_fig
    if f is None or f.kind != "count" or f.noun_start is None:
        return False
    return bool(
        _MEMBER_NOUN.match(doc.fold, f.noun_start)
        and _ADMITTED.search(doc.fold, max(f.clause, f.start - 40), f.start)
    )


# a percentage alone in brackets ("(bằng 85%)", "(84%)") and the percentages of earlier
# items in brackets with what they are of ("(91% so với cùng kỳ năm trước)")
_BARE_BRACKET_LEAD = rx(r"^\s*\(?\s*(?:bằng\s*)?$")
_BARE_BRACKET_TAIL = re.compile(r"^\s*\)")
_BRACKETED_PERCENT = rx(rf"\(\s*(?:bằng\s+)?(?:{NUM})\s*%\s*([^()]*)\)")
_SAME_PERIOD_BEFORE = rx(r"^(?:so\s+với\s+)?cùng\s+kỳ(?!\w)")


def _settled_kind(
    doc: Doc, d: Draft, p: Figure, lead: str, tail: str
) -> tuple[str | None, int] | None:
    """The kind of a percentage settled before its words are read: of a rate the draft is
    of, or none for a bare one in a list of indexes (:func:`_bare_in_index_list`)."""
    if d.rate_of:
        return ("target" if _K_TARGET.search(lead) else "rate"), 1
    if _bare_in_index_list(doc, p, lead, tail):
        return None, 1
    return None


def _bare_in_index_list(doc: Doc, p: Figure, lead: str, tail: str) -> bool:
    """Whether the percentage ``p``, alone in brackets after an item's amount, is in a list
    whose last earlier item with a named percentage compares with the same period of last
    year (``Thu A đạt 900 tỷ đồng (91% so với cùng kỳ năm trước); Thu B đạt 250 tỷ đồng
    (bằng 85%)``): an index like the others, no attainment of a plan."""
    if not (_BARE_BRACKET_LEAD.match(lead) and _BARE_BRACKET_TAIL.match(tail)):
        return False
    named = [
        m.group(1)
        for m in _BRACKETED_PERCENT.finditer(doc.fold, p.sentence.start, p.start)
        if m.group(1).strip()
    ]
    return bool(named) and _SAME_PERIOD_BEFORE.match(named[-1].strip()) is not None


# "…, đạt 107%, vượt 7% so với dự toán": the same attainment said again as an excess
# of the plan it names
_EXCESS_OF_PLAN_NEXT = rx(
    r"^\s*,\s*vượt(?:\s+(?:khoảng|gần|hơn|trên))?\s+(?P<n>[\d.,]+)\s*%\s*(?:so\s+với\s+)?"
    r"(?:kế\s+hoạch|dự\s+toán|chỉ\s+tiêu|mục\s+tiêu)(?!\w)"
)


def _attainment_said_as_excess(doc: Doc, d: Draft, tail: str) -> str | None:
    """The attainment of a bare ``đạt X%`` after an amount when the excess of a plan said
    right after it is the same figure (``đạt 640 tỷ đồng, đạt 107%, vượt 7% so với dự
    toán``: 107 % of the budget, within a point); else None (``đạt 6 tỷ đồng, đạt 180%.``
    names no plan)."""
    p, m = d.percent_fig, _EXCESS_OF_PLAN_NEXT.match(tail)
    if m is None or p is None or p.percent is None or d.actual is None or d.target is not None:
        return None
    try:
        excess = parse_number(m.group("n"))
    except ValueError:
        return None
    return "attainment" if abs(p.percent.value - 100 - excess) <= 1 else None


_DISBURSED_IN = rx(r"(?<!\w)giải\s+ngân(?!\w)")
_CLAUSE_END_TAIL = rx(r"^\s*(?:[.;]|$)")


_PART_OPENS = rx(r"(?<!\w)trong\s+đó(?!\w)")
_BARE_REACHED = rx(r"^\s*,?\s*đạt\s*$")
_CLAUSE_OR_BRACKET_END = rx(r"^\s*(?:[.;)]|$)")


def _disbursed_share(doc: Doc, d: Draft, lead: str, tail: str) -> str | None:
    """``attainment`` for a bare ``đạt X%`` that ends its clause (or bracket) right after an
    amount disbursed in that clause (``cả tỉnh giải ngân 500 tỷ đồng, đạt 62,5%``): the
    share of the capital plan disbursed; else None, and None for a part of a whole."""
    f = d.actual_fig
    if f is None or f.measure is None or d.target is not None or d.percent_fig is None:
        return None
    if not (_BARE_REACHED.match(lead) and _CLAUSE_OR_BRACKET_END.match(tail)):
        return None
    if doc.fold[f.end : d.percent_fig.clause].strip(" ,"):
        return None  # words between the amount and the percentage's clause
    if _PART_OPENS.search(doc.fold, f.sentence.start, f.start):
        return None  # a part's percentage may be of its whole ("trong đó …, đạt 70%")
    found = _DISBURSED_IN.search(doc.fold, f.clause, f.start)
    return "attainment" if found else None


def _disbursement_rate(doc: Doc, d: Draft, tail: str) -> bool:
    """Whether ``đạt tỷ lệ X%`` ends the clause right after an amount disbursed (``Giải ngân
    vốn đầu tư công đạt 2,4 nghìn tỷ đồng, đạt tỷ lệ 31%.``), or a disbursement rate with the
    amount disbursed and the plan in brackets after it: the disbursement rate, the share of
    the capital plan disbursed, an attainment."""
    f = d.actual_fig
    if f is not None and f.kind == "pair" and d.percent_fig is not None:
        # "tỷ lệ giải ngân là 40% (200/500 tỷ đồng)": the amount disbursed of the plan
        p = d.percent_fig
        return _DISBURSED_IN.search(doc.fold, p.sentence.start, p.start) is not None
    if f is None or f.measure is None or d.target is not None or not _CLAUSE_END_TAIL.match(tail):
        return False
    return _DISBURSED_IN.search(doc.fold, f.sentence.start, f.start) is not None


def _second_of_plan(
    doc: Doc, p: Figure, lead: str, said: re.Pattern[str] = _K_SECOND_OF_PLAN
) -> bool:
    """Whether ``lead`` ends with an attainment of a plan and ``và`` (see above; with
    ``said`` :data:`_K_SECOND_OF_EXCESS`, an excess); for a clause opened by ``, và`` (``đạt
    96% dự toán Trung ương giao, và 92% dự toán tỉnh giao``), the clause before it."""
    if lead.strip() == "và":
        lead = doc.fold[max(p.sentence.start, p.clause - 160) : p.start]
    m = said.search(lead)
    return m is not None and not _MEASURE_WORDS.search(m.group("words"))


# "vượt kế hoạch năm, đạt 100,82%": the plan met named in the clause before the percentage
_K_PLAN_MET_BEFORE = rx(
    r"(?<!\w)(?:vượt|hoàn\s+thành)(?:\s+mức)?\s+(?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu|dự\s+toán"
    r"|nghị\s+quyết)(?:\s+(?:năm|cả\s+năm|đề\s+ra|được\s+giao|giao|(?:19|20)\d{2}))*\s*,\s*$"
)


def _exceeded_under(doc: Doc, p: Figure) -> bool:
    """Whether ``p`` is an attainment under 100 % said of a plan exceeded just before it
    (``vượt kế hoạch năm, đạt 90%``): the words contradict the figure. Not for a qualified
    percentage (``gần 100%``)."""
    if p.percent is None or p.qualifier is not None or p.percent.value >= 100:
        return False
    m = _K_PLAN_MET_BEFORE.search(doc.fold, max(0, p.clause - 80), p.clause)
    if m is None or not m.group().startswith(fold("vượt")):
        return False
    # the same plan: none named after the percentage, or the one exceeded
    plan = " ".join(re.sub(r"^vượt(?:\s+mức)?\s+", "", m.group().rstrip(" ,")).split())
    tail = _plan_of(doc, p)
    return not tail or plan.startswith(tail) or tail.startswith(plan)


def _plan_met_before(doc: Doc, p: Figure) -> bool:
    """Whether the clause before ``p``'s names a plan met or exceeded (``vượt kế hoạch năm,
    đạt 100,82%``): the percentage after it is the attainment of that plan."""
    return _K_PLAN_MET_BEFORE.search(doc.fold, max(0, p.clause - 80), p.clause) is not None


# "…, bằng 20% kế hoạch năm và tăng 8% so với cùng kỳ. Vốn cấp huyện đạt 30 nghìn tỷ đồng,
# bằng 22% và tăng 9%": a part said as its whole was, the plan word left out
_PARALLEL_PLAN = rx(
    rf"(?<!\w)bằng\s+(?:{NUM})\s*%\s+(?:kế\s+hoạch|dự\s+toán)(?:\s+[^\W\d_]+){{0,3}}\s+và\s+"
    rf"(?:tăng|giảm)\s+(?:{NUM})\s*%"
)
_PARALLEL_TAIL = rx(rf"\s*và\s+(?:tăng|giảm)\s+(?:{NUM})\s*%")
_PARALLEL_WINDOW = 400


def _parallel_plan(doc: Doc, p: Figure) -> bool:
    """Whether ``p``, said ``bằng X% và tăng Y%`` with no plan word, follows within
    :data:`_PARALLEL_WINDOW` characters a percentage said the same way of a plan (``bằng 20%
    kế hoạch năm và tăng 8%``): the attainment of the same kind of plan."""
    fold_ = doc.fold
    if not _K_EQUALS.search(fold_, p.clause, p.start) or not _PARALLEL_TAIL.match(fold_, p.end):
        return False
    return _PARALLEL_PLAN.search(fold_, max(0, p.clause - _PARALLEL_WINDOW), p.clause) is not None


# "So với kế hoạch năm, doanh thu tăng 5%": the comparison with a plan opens the sentence
_FRONTED_PLAN = rx(
    r"\s*so\s+với\s+(?:chỉ\s+tiêu\s+|mục\s+tiêu\s+)?"
    r"(?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu|dự\s+toán|nghị\s+quyết)(?!\w)[^,;.%]{0,40},"
)
_COMPARED_AGAIN = rx(r"(?<!\w)so\s+với(?!\w)")


def _fronted_plan(doc: Doc, p: Figure) -> bool:
    """Whether the sentence of the growth ``p`` opens with a comparison with a plan (``So
    với kế hoạch năm 2025, doanh thu tăng 5%``) and names no other base before ``p``: the
    growth is the excess over that plan."""
    m = _FRONTED_PLAN.match(doc.fold, p.sentence.start, p.start)
    return m is not None and _COMPARED_AGAIN.search(doc.fold, m.end(), p.start) is None


def _said_in_context(
    doc: Doc, d: Draft, said: tuple[str, int], tail: str
) -> tuple[str | None, int]:
    """The kind the words name, read with the draft's figures around it."""
    p = d.percent_fig
    assert p is not None
    if said[0] == "unread":
        return None, 1
    above_plan = _follows_target(doc, d, p) or _fronted_plan(doc, p)
    if said[0] == "growth" and not _K_GROWTH_TAIL.match(tail) and above_plan:
        return "excess", said[1]
    if said[0] == "excess" and p.qualifier in ("trên", "hơn") and p.values[0] == 100:
        # "vượt trên 100% kế hoạch": above the plan, or more than twice it — unread
        return None, 1
    return said


# "thực hiện được 42% kế hoạch doanh thu và 66% kế hoạch lợi nhuận": one verb, two plans
_K_SECOND_PLAN = rx(
    rf"(?P<n>{NUM})\s*%\s*(?:so\s+(?:với\s+)?)?"
    r"(?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu|dự\s+toán|khoản\s+(?:được\s+)?phân\s+bổ)"
    r"(?:\s+[^\W\d_]+){1,4}\s*,?\s+và\s*$"
)


# "đạt 116% so với cùng kỳ năm 2024 và 112% so với chỉ tiêu" (or "tương đương 116% …"): an
# index to last year, then the attainment of the plan sharing its verb
_K_AFTER_INDEX = rx(
    rf"(?<!\w)(?:đạt|bằng|tương\s+đương|tương\s+ứng)\s*(?:khoảng|gần|hơn|trên)?\s*(?:{NUM})\s*%\s*so\s+(?:với\s+)?"
    r"(?:cùng\s+kỳ|năm\s+trước)(?:\s+năm)?(?:\s+(?:19|20)\d{2})?\s*,?\s+và\s*$"
)


def _shares_verb(lead: str) -> bool:
    """Whether a percentage after ``và`` shares the verb of an attainment of another plan
    just before it in its clause (the verb an attainment's: ``đạt``, ``thực hiện được``,
    ``tương đương``), or of an index to last year (``đạt 116% so với cùng kỳ và 112% …``)."""
    if _K_AFTER_INDEX.search(lead):
        return True
    m = _K_SECOND_PLAN.search(lead)
    if m is None:
        return False
    # "tương đương 50,1% so với dự toán đầu năm và 46,7% kế hoạch điều chỉnh"
    first = lead[: m.start("n")]
    return bool(_K_ACHIEVED.search(first) or _K_CORRESPONDS.search(first) or _K_SHARE.search(first))


def _follows_target(doc: Doc, d: Draft, p: Figure) -> bool:
    """Whether a growth percentage is of the target stated just before it, after the result
    ("vượt mục tiêu đề ra (8,3 triệu tỷ đồng, tăng trên 15,6%)": above the target)."""
    a, t = d.actual_fig, d.target_fig
    if a is None or t is None or t.sentence is not p.sentence or not a.start < t.start < p.start:
        return False
    between = doc.fold[t.span_end : p.span_start].lstrip(" ,")
    return bool(_CONNECTORS.fullmatch(between))


def _said_kind(lead: str, tail: str) -> tuple[str, int] | None:
    """The kind (and sign) of a percentage that the words around it name: an excess, a
    growth or decrease, a share or a target."""
    if e := _K_EXCESS.search(lead):
        if _K_GROWTH_TAIL.match(tail):
            # "vượt 5% so với cùng kỳ năm 2024": above last year, a growth — never an excess
            return ("unread" if _PLAN_IN_LEAD.search(e.group()) else "growth"), 1
        return "excess", 1
    if g := _K_GROWTH.search(lead):
        sign = -1 if " ".join(g.group(1).split()) in _DECREASE else 1
        # "cao hơn 19,1% so với dự toán": above the plan; "tăng 216%, vượt chỉ tiêu" is a
        # growth beside a plan met, not an excess of it
        if _K_PLAN_NAMED_TAIL.match(tail):
            return "excess", sign
        return "growth", sign
    if _K_GROWTH_TAIL.match(tail):
        return "growth", 1
    if _K_SHARE.search(lead):
        # "chiếm 25% khoản phân bổ", "chiếm 40% kế hoạch vốn": the share of a plan reached
        return ("attainment" if _K_PLAN_NAMED_TAIL.match(tail) else "share"), 1
    if any(not _AFTER_PERCENT.search(lead, 0, m.start()) for m in _K_TARGET.finditer(lead)):
        return "target", 1
    return None


# "đạt 125% chỉ tiêu năm và đạt 80%": the plan word of a percentage before, not a target's
_AFTER_PERCENT = rx(r"%\s*(?:so\s+(?:với\s+)?)?$")


def _achieved_kind(d: Draft, tail: str, catalog: MetricCatalog | None) -> str | None:
    """The kind of a percentage that is achieved ("đạt 95%"), from what follows it, the
    draft's figures and the kind of its metric."""
    if _K_TOTAL_TAIL.match(tail):
        return "coverage"
    if d.actual is None:
        # "kế hoạch lợi nhuận (439 tỷ đồng), đạt tới 274%": the attainment of that plan
        return "attainment" if d.target_fig is not None and d.percent_fig is not None else None
    metric_kind = None
    if catalog is not None and d.metric is not None and d.metric in catalog:
        metric_kind = catalog.kind(d.metric)
    if metric_kind == "coverage":
        return "coverage"
    if d.target is not None or metric_kind == "count":
        return "attainment"
    return None


def _single(v: Value | None) -> Decimal | None:
    return v if isinstance(v, Decimal) else None


def _checked_target(d: Draft) -> Decimal | None:
    """The target a draft's percentage is checked against: its one figure, or the end of a
    planned range the percentage is of (:func:`_fitted_end`)."""
    t, a, plan, p = _single(d.target), _single(d.actual), d.target_fig, d.percent_fig
    if t is None and a is not None and plan is not None and plan.kind == "range" and p:
        return _fitted_end(p, a, plan)
    return t


#: the significant digits from which a figure hedged by a qualifier ("khoảng 65.739 căn") is
#: still checked at the percentage's precision: the hedge cannot move it by a point
_PRECISE_DIGITS = 5


def _precise(f: Figure) -> bool:
    """Whether ``f`` is one count written to at least :data:`_PRECISE_DIGITS` significant
    digits, not a round figure (``khoảng 65.739`` is, ``khoảng 65.700`` is not)."""
    if f.kind != "count" or f.value is None or not isinstance(f.value, Decimal) or not f.value:
        return False
    digits = f.value.normalize().as_tuple().digits
    return len(digits) >= _PRECISE_DIGITS


def _checks(d: Draft, doc: Doc | None = None) -> dict[str, Any]:
    """Consistency of the stated figure with the draft's numbers."""
    out: dict[str, Any] = {
        "computed_percent": None,
        "consistent": None,
        "truncated": False,
        "verdict": None,
        "note": None,
        "note_data": None,
    }
    a, t = _single(d.actual), _checked_target(d)
    approximate = any(
        f is not None and f.qualifier and not _precise(f)
        for f in (d.actual_fig, d.target_fig, d.excess_fig)
    )
    p = d.percent_fig
    counted = d.excess_fig if d.kind == "excess_count" else None
    if special := (
        _words_against_figures(d, doc, a, t)
        or (counted is not None and _excess_count_checks(d, counted, a, t, approximate=approximate))
        or _growth_checks(doc, d, a)
    ):
        out.update(special)
        return out
    if p is None or p.percent is None:
        if a is not None and t is not None and t != 0:
            from kpitools.numbers import percent_of

            out["computed_percent"] = percent_of(a, t, 1)
        return out
    if d.kind not in ("attainment", "coverage", "excess"):
        reasons = {
            "growth": "growth_base",
            "share": "share_whole",
            "rate": "rate_whole",
            "target": "target_percent",
        }
        out.update(verdict="unchecked", **noted(seg(reasons.get(d.kind or "", "kind_unknown"))))
        return out
    if t is None and doc is not None and (twin := _twin_checks(d, doc)):
        out.update(twin)
        return out
    if (
        a is not None
        and t is None
        and d.whole_target
        and d.kind in ("attainment", "excess")
        and not approximate
        and a == a.to_integral_value()
        and p.qualifier is None
    ):
        found = _whole_target_checks(d, _signed(d, p.percent), a)
        if found:
            out.update(found)
            return out
    if a is None or t is None or t == 0:
        out.update(
            verdict="unchecked", **noted(seg("no_target" if d.kind != "coverage" else "no_whole"))
        )
        return out
    if approximate:
        out.update(_approximate_checks(d, _signed(d, p.percent), p.qualifier, a, t))
        return out
    out.update(_percent_checks(d, _signed(d, p.percent), p.qualifier, a, t))
    return out


# "tăng 40% so với lũy kế cùng kỳ năm 2024 (811.400 lượt)": the base of a growth, written
# in brackets right after the period it is of
_GROWTH_BASE = rx(
    # "tăng 10% (tăng 260 tỷ đồng) so với cùng kỳ (đạt 2.600 tỷ đồng)": the increase between
    r"(?:\s*\(\s*(?:tương\s+(?:đương|ứng)\s+)?tăng(?:\s+thêm)?\s+[\d.,]+(?:\s+[^\W\d_]+){0,3}\s*\))?"
    r"\s*so\s+với\s+(?:(?:lũy|luỹ)\s+kế\s+)?(?:cùng\s+kỳ|năm\s+trước|năm\s+ngoái"
    r"|năm\s+(?:19|20)\d\d)"
    r"(?:\s+năm)?(?:\s+(?:trước|ngoái|(?:19|20)\d\d))?\s*\(\s*(?:đạt\s+|là\s+)?"
    rf"(?P<n>{NUM})(?:\s+(?P<mag>nghìn|ngàn|triệu|tỷ|tỉ))?\s+(?P<word>[^\W\d_]+)\s*\)"
)


def _growth_checks(doc: Doc | None, d: Draft, a: Decimal | None) -> dict[str, Any]:
    """The check of a growth against its base in brackets (:data:`_GROWTH_BASE`), {} when
    none is written: the base counts what the actual counts (the same currency, or the same
    word after a count), no figure is qualified, and the growth is wrong only when neither
    rounding nor cutting the figures' growth gives it (``tăng 30%`` of 3.170 to 4.120 holds:
    30,0 %)."""
    f, p = d.actual_fig, d.percent_fig
    if doc is None or d.kind != "growth" or a is None or not a or f is None or p is None:
        return {}
    percent = p.percent
    if percent is None or f.qualifier or p.qualifier:
        return {}
    m = _GROWTH_BASE.match(doc.fold, p.end, p.sentence.end)
    if m is None or not _counts_alike(doc, f, m.group("word")):
        return _growth_by_checks(doc, f, p, a)
    base = parse_number(m.group("n") + (f" {m.group('mag')}" if m.group("mag") else ""))
    if not base or base == a:
        return {}  # "(đạt 5.600 tỷ đồng)": the result written again, no base
    check = check_percent(Percent(100 + percent.value, percent.decimals, percent.text), a, base)
    assert check.exact is not None
    ok = bool(check.consistent or check.truncated)
    return {
        "computed_percent": check.computed - 100 if check.computed is not None else None,
        "consistent": ok,
        "verdict": "consistent" if ok else "inconsistent",
        **noted(seg("growth_of_base", a=a, base=base, exact=f"{check.exact - 100:.6g}")),
    }


# "tăng 280% (tăng 300 tỉ đồng)": the increase itself, in brackets right after the growth
_GROWTH_BY = rx(
    r"\s*\(\s*(?:tương\s+(?:đương|ứng)\s+)?tăng(?:\s+thêm)?\s+"
    rf"(?P<n>{NUM})(?:\s+(?P<mag>nghìn|ngàn|triệu|tỷ|tỉ))?\s+(?P<word>[^\W\d_]+)\s*\)"
)


# "…, tăng 90% so với cùng kỳ, tương ứng thêm 130 tỷ đồng", "tăng 35%, tương đương thêm 40 tỷ
# đồng": the increase written after the growth's comparison, no brackets
_GROWTH_BY_AFTER = rx(
    r"(?:\s+so\s+với\s+(?:cùng\s+kỳ|năm\s+trước|năm\s+ngoái)(?:\s+năm)?"
    r"(?:\s+(?:trước|ngoái|(?:19|20)\d\d))?)?\s*,\s*"
    r"(?:tương\s+(?:đương|ứng)(?:\s+với)?\s+(?:tăng\s+)?thêm|tăng\s+thêm)\s+"
    rf"(?P<n>{NUM})(?:\s+(?P<mag>nghìn|ngàn|triệu|tỷ|tỉ))?\s+(?P<word>[^\W\d_]+)(?!\s*%)"
)
# between a figure and its growth: nothing but the verb, or its attainment of a plan before
# ("đạt A, vượt 2% dự toán và tăng 30% so với cùng kỳ")
_GROWTH_NEXT = rx(
    rf"\s*[,;]?\s*(?:(?:đạt|bằng|vượt)\s+(?:{NUM})\s*%(?:\s+(?!tăng)[^\W\d_]+){{0,6}}\s*,?\s*)?"
    r"(?:và\s+)?tăng(?:\s+(?:thêm|đến|tới|mạnh))?\s*"
)


def _half_unit(number: str, value: Decimal) -> Decimal:
    """Half the last written digit of ``number`` (``300`` → 0,5; ``52,5`` → 0,05), in the
    units of ``value``, the number read with its scale (``300 tỉ`` in đồng)."""
    written = parse_number(number)
    decimals = len(number.rsplit(",", 1)[1]) if "," in number else 0
    return Decimal(5).scaleb(-decimals - 1) * (value / written if written else 1)


def _growth_by_checks(doc: Doc, f: Figure, p: Figure, a: Decimal) -> dict[str, Any]:
    """The check of a growth against the increase written after it (:data:`_GROWTH_BY`):
    the base is the actual less the increase; wrong only when no actual and increase within
    half their last written digit give the growth, rounded or cut (``đạt 118,45 tỉ đồng``
    after ``tăng 80% (tăng 53 tỉ đồng)`` holds: 52,5-53,5 on 65-66)."""
    m = _GROWTH_BY.match(doc.fold, p.end, p.sentence.end) or _GROWTH_BY_AFTER.match(
        doc.fold, p.end, p.sentence.end
    )
    percent = p.percent
    number = re.match(NUM, doc.fold[f.start : f.end])
    if m is None or percent is None or number is None or percent.value <= 0:
        return {}
    if not _counts_alike(doc, f, m.group("word")) or not _GROWTH_NEXT.fullmatch(
        doc.fold[f.span_end : p.start]
    ):
        return {}  # the growth of the figure right before it only ("đạt A, tăng X%")
    by = parse_number(m.group("n") + (f" {m.group('mag')}" if m.group("mag") else ""))
    if not 0 < by < a:
        return {}
    ha, hb = _half_unit(number.group(), a), _half_unit(m.group("n"), by)
    low = 100 * (by - hb) / (a + ha - by + hb)
    high = 100 * (by + hb) / (a - ha - by - hb) if a - ha - by - hb > 0 else low + 10**6
    step = Decimal(1).scaleb(-percent.decimals)
    ok = low <= percent.value + step and high >= percent.value - step / 2
    exact = 100 * by / (a - by)
    return {
        "consistent": ok,
        "verdict": "consistent" if ok else "inconsistent",
        **noted(seg("growth_of_increase", a=a, by=by, exact=f"{exact:.6g}")),
    }


def _counts_alike(doc: Doc, f: Figure, word: str) -> bool:
    """Whether a figure followed by ``word`` counts what ``f`` counts: the currency of an
    amount (``tỷ đồng``), else the first word of ``f``'s noun (``lượt``)."""
    if f.measure is not None:
        return fold(f.measure.split()[-1]) == word
    if f.noun_start is None or f.noun_end is None:
        return False
    noun = doc.fold[f.noun_start : f.noun_end].split()
    return bool(noun) and noun[0] == word


def _words_against_figures(
    d: Draft, doc: Doc | None, a: Decimal | None, t: Decimal | None
) -> dict[str, Any]:
    """The check of words the figures contradict, {} when none do: a rate said short of a
    target it reaches (``đạt 45%, chưa đạt chỉ tiêu là 40%``), a plan said exceeded at under
    100 % (``vượt kế hoạch năm, đạt 90%``)."""
    if d.contradicted and a is not None and t is not None:
        note = noted(seg("short_but_reached", a=a, t=t))
    elif (
        doc is not None
        and (p := d.percent_fig) is not None
        and p.percent is not None
        and d.kind == "attainment"
        and _exceeded_under(doc, p)
    ):
        note = noted(seg("exceeded_under", stated=p.percent.value))
    else:
        return {}
    return {"consistent": False, "verdict": "inconsistent", **note}


#: How far an approximate figure (``khoảng``, ``gần``, ``hơn``, ``trên``) may be from the true
#: one before the audit calls its percentage contradicted: a factor of 2 each way.
APPROXIMATE_FACTOR = Decimal(2)


def far_off(stated: Decimal, decimals: int, qual: str | None, exact: Decimal) -> bool:
    """Whether figures that are only approximate still contradict the stated percentage: the
    exact percentage of the figures as written, moved by :data:`APPROXIMATE_FACTOR` either way,
    cannot round to the stated one (``trên``/``hơn``/``trở lên`` only bound it from below).

    >>> far_off(Decimal(1), 0, None, Decimal("0.0636"))  # khoảng 350 of 550.000, "1%"
    True
    >>> far_off(Decimal(80), 0, "gần", Decimal("79.1"))
    False
    """
    half = Decimal(5) / Decimal(10) ** (decimals + 1)
    if stated - half <= 0 or exact <= 0:
        return False
    too_low = exact * APPROXIMATE_FACTOR < stated - half
    too_high = exact / APPROXIMATE_FACTOR > stated + half
    return too_low or (too_high and qual not in ("trên", "hơn", "trở lên"))


def _approximate_checks(
    d: Draft, percent: Percent, qual: str | None, a: Decimal, t: Decimal
) -> dict[str, Any]:
    """Approximate figures are not checked at the percentage's precision, but one that they
    contradict by more than a factor of 2 ("khoảng 350 cây" of 550.000, "tương đương 1%") is
    inconsistent."""
    stated = percent.value + (100 if d.kind == "excess" else 0)
    exact = a * 100 / t
    if not far_off(stated, percent.decimals, qual, exact):
        return {"verdict": "unchecked", **noted(seg("approximate"))}
    lead = seg("percent", a=a, t=t, exact=f"{exact:.6g}")
    return {
        "computed_percent": float(round(exact, percent.decimals)),
        "consistent": False,
        "verdict": "inconsistent",
        **noted(lead, seg("far_off", stated=stated)),
    }


def _signed(d: Draft, percent: Percent) -> Percent:
    """The stated percentage with its sign ("thấp hơn 5% so với dự toán": 100 - 5)."""
    if d.stated_percent is not None and d.stated_percent < 0:
        return Percent(d.stated_percent, percent.decimals, percent.text)
    return percent


def _twin_checks(d: Draft, doc: Doc) -> dict[str, Any]:
    """An attainment and an excess stated of the same figures ("đạt 115,5% kế hoạch, vượt
    15,5%") must say the same: attainment = 100 + excess, within what each one's rounding
    allows; {} when the draft is not such a second percentage, a qualifier blurs them or
    they name two plans ("104% dự toán Trung ương, vượt 6% dự toán tỉnh")."""
    first = d.twin_of
    if first is None or first.percent_fig is None or d.percent_fig is None:
        return {}
    pair = {first.kind: first.percent_fig, d.kind: d.percent_fig}
    attained, excess = pair.get("attainment"), pair.get("excess")
    if attained is None or excess is None or attained.qualifier or excess.qualifier:
        return {}
    tails = {_plan_of(doc, f) for f in (attained, excess)} - {""}
    if len(tails) > 1:
        return {}
    assert attained.percent is not None and excess.percent is not None
    a, e = attained.percent, excess.percent
    slack = (Decimal(5) / 10 ** (a.decimals + 1)) + (Decimal(5) / 10 ** (e.decimals + 1))
    ok = abs(a.value - 100 - e.value) <= slack
    return {
        "consistent": ok,
        "verdict": "consistent" if ok else "inconsistent",
        **noted(seg("twin", attained=a.value, excess=e.value, total=100 + e.value)),
    }


def _bracketed_plan_after(doc: Doc, p: Figure) -> bool:
    """Whether the percentage ``p`` names its plan and that plan's figure opens a bracket
    right after (``và bằng 80% kế hoạch huyện đề ra (750 tỷ đồng)``): a plan of its own,
    never the first percentage's."""
    bracket = doc.text.find("(", p.end, min(p.sentence.end, p.end + 80))
    return bracket >= 0 and _PLAN_IN_BRACKET.search(doc.fold, p.start, bracket + 1) is not None


def _plan_of(doc: Doc, p: Figure) -> str:
    """The plan a percentage's tail names, folded, without ``so với`` ("" for none)."""
    tail = doc.fold[p.end : p.span_end]
    return " ".join(re.sub(r"^\s*so\s+với", "", tail).split())


def _whole_target_checks(d: Draft, percent: Percent, a: Decimal) -> dict[str, Any]:
    """A percentage of a count that no whole-number target gives ("32 đảng viên, đạt 106% kế
    hoạch": 32/30 is 106,7 %, 32/31 is 103,2 %): inconsistent; {} when one does."""
    stated = percent.value + (100 if d.kind == "excess" else 0)
    if stated <= 0 or a <= 0:
        return {}
    half = Decimal(5) / Decimal(10) ** (percent.decimals + 1)
    # the targets whose percentage can round to the stated one, and a neighbour each side
    low = int(a * 100 / (stated + half)) - 1
    high = int(a * 100 / max(stated - half, half)) + 2
    if high - low > 1000:
        return {}
    nearest: list[Segment] = []
    for t in range(max(low, 1), high + 1):
        check = check_percent(Percent(stated, percent.decimals, percent.text), a, Decimal(t))
        if check.consistent:
            return {}
        if check.computed is not None and len(nearest) < 3:
            name = "nearest" if nearest else "nearest_first"
            nearest.append(seg(name, a=a, t=t, computed=check.computed))
    return {
        "consistent": False,
        "verdict": "inconsistent",
        **noted(seg("no_whole_target", stated=stated), *nearest),
    }


def _excess_count_checks(
    d: Draft, excess_fig: Figure, a: Decimal | None, t: Decimal | None, *, approximate: bool
) -> dict[str, Any]:
    """Whether the actual less the target is the stated excess ("vượt 20 đảng viên")."""
    excess = _single(excess_fig.value)
    if a is None or excess is None or approximate:
        return {"verdict": "unchecked", **noted(seg("approx_or_missing"))}
    if d.derived:
        return {"verdict": "unchecked", **noted(seg("target_derived", a=a, excess=excess, t=t))}
    if t is None:
        return {}
    ok = a - t == excess
    return {
        "consistent": ok,
        "verdict": "consistent" if ok else "inconsistent",
        **noted(seg("difference", a=a, t=t, diff=a - t)),
    }


def _percent_checks(
    d: Draft, percent: Percent, qual: str | None, a: Decimal, t: Decimal
) -> dict[str, Any]:
    """Whether 100 × actual / target is the stated percentage (with an excess, 100 more),
    as the qualifier of the percentage allows."""
    stated = percent
    if d.kind == "excess":
        stated = Percent(100 + stated.value, stated.decimals, stated.text)
    check = check_percent(stated, a, t)
    out: dict[str, Any] = {"computed_percent": check.computed}
    exact = check.exact
    assert exact is not None
    lead = [seg("percent", a=a, t=t, exact=f"{exact:.6g}")]
    if d.kind == "excess":
        lead.append(seg("excess_means", percent=percent.value, stated=stated.value))
    if qual in ("trên", "hơn", "trở lên"):
        ok = exact > stated.value if qual != "trở lên" else exact >= stated.value
        out.update(
            consistent=ok,
            verdict="consistent" if ok else "inconsistent",
            **noted(*lead, seg("qualifier", qual=qual)),
        )
    elif qual == "gần":
        # "gần 100%": a little under it; the figures reaching it contradict the qualifier
        ok = exact < stated.value
        out.update(
            consistent=ok,
            verdict="consistent" if ok else "inconsistent",
            **noted(
                *lead,
                seg("qualifier", qual=qual)
                if ok
                else seg("not_under", stated=stated.value, qual=qual),
            ),
        )
    elif qual:
        out.update(approximate_checks(lead, qual, exact, stated.value))
    else:
        verdict = "consistent" if check.consistent else "inconsistent"
        if check.truncated:
            verdict = "truncated"
        out.update(
            consistent=check.consistent,
            truncated=check.truncated,
            verdict=verdict,
            **noted(*lead, seg("computed", computed=check.computed)),
        )
    return out


def _near_scope(doc: Doc, d: Draft) -> str:
    figs = [f for f in (d.actual_fig, d.target_fig, d.excess_fig) if f is not None]
    if not figs:
        return ""
    start = min(f.clause for f in figs)
    end = max(doc.clause_end(f.span_end, f.sentence.end) for f in figs)
    if ":" in doc.text[d.sentence.start : start]:  # a list under a heading: the heading too
        start = d.sentence.start
    return doc.fold[start:end]


def interpret(
    doc: Doc,
    figures: list[Figure],
    drafts: list[Draft],
    *,
    phrases: Matcher | None,
    catalog: MetricCatalog | None,
) -> list[dict[str, Any]]:
    """Give each draft its metric, unit, time, kind and checks; drop what is not a KPI."""
    topic_of = topics(doc, figures)
    _link_parts(doc, drafts, lambda total, part: _same_kind(doc, total, part))
    for d in drafts:
        _find_metric(doc, d, topic_of, phrases)
    _totals_take_metric(drafts)
    _list_metrics(doc, drafts, topic_of, phrases)
    breakdown = _breakdowns(catalog)
    _link_parts(
        doc,
        drafts,
        lambda total, part: (
            total.metric is not None and breakdown.get(part.metric or "") == total.metric
        ),
    )
    _merge_early_targets(doc, drafts, topic_of)
    kept = [d for d in drafts if not d.merged]
    for d in kept:
        _find_kind(doc, d, catalog)
    _elliptic_plans(doc, kept)
    _elliptic_plans(doc, kept[::-1], ahead=True)
    out: list[dict[str, Any]] = []
    for d in kept:
        if _keeps(d, plan_amount=_plan_amount(doc, d)) or _exceeds_whole(d):
            out.append(_record(doc, d, topic_of.get(d.sentence.start, d.sentence.start), catalog))
    return out


_ELLIPSIS_END = rx(r"^\s*(?:[,;.)…]|và(?!\w)|$)")


def _elliptic_plans(doc: Doc, drafts: list[Draft], *, ahead: bool = False) -> None:
    """An amount's "bằng X%" with no plan written, after an amount's attainment (or excess:
    "vượt 20% dự toán …; thu từ dầu thô đạt 250 tỷ đồng, đạt 59,1%") of a plan in the same
    paragraph, is of the same kind of plan ("tổng thu … đạt 61,4% dự toán. Trong
    đó, thu nội địa đạt 297,9 nghìn tỷ đồng, bằng 62,9% và tăng 59,9%"). With ``ahead``
    (``drafts`` in reverse order), one before such an attainment in the same sentence, as
    the first item of a list ("Thu ngân sách được trên 6 tỷ, đạt 180%; giá trị sản xuất đạt
    75 tỷ đồng, bằng 100,4% kế hoạch; …")."""
    last: Draft | None = None
    # amounts with an attainment or excess already: a second bare percentage of one amount
    # ("đạt 59,1% và bằng 65,4%") is not of the plan again (it compares with last year)
    attained = {id(d.actual_fig) for d in drafts if d.kind in ("attainment", "excess")}
    for d in drafts:
        scope = (d.sentence.start, d.sentence.end) if ahead else d.sentence.paragraph
        if last is not None and scope != (
            (last.sentence.start, last.sentence.end) if ahead else last.sentence.paragraph
        ):
            last = None
        p, a = d.percent_fig, d.actual_fig
        if p is None or p.percent is None or a is None or a.measure is None:
            continue
        tail = doc.fold[p.span_end : p.sentence.end]
        if d.kind in ("attainment", "excess") and _K_PLAN_TAIL.match(
            doc.fold[p.end : p.sentence.end]
        ):
            last = d
        elif (
            d.kind is None
            and last is not None
            and last.actual_fig is not None
            and _same_measure(last.actual_fig, a)
            and (
                _K_ACHIEVED.search(doc.fold[p.clause : p.span_start])
                or _K_CORRESPONDS.search(doc.fold[p.clause : p.span_start])
            )
            and _ELLIPSIS_END.match(tail)
            and id(a) not in attained
            and not _bare_in_index_list(
                doc, p, doc.fold[p.clause : p.start], doc.fold[p.end : p.sentence.end]
            )
        ):
            d.kind, d.stated_percent = "attainment", p.percent.value
            attained.add(id(a))


def _find_metric(doc: Doc, d: Draft, topic_of: dict[int, int], phrases: Matcher | None) -> None:
    """The draft's metric: the one its noun phrase matches, or the one of the draft it
    inherits from when it has no noun of its own."""
    if d.actual_fig is None and d.target_fig is None and d.excess_fig is None:
        return
    if d.inherit is not None and d.noun_fig is None:
        d.metric = d.inherit.metric
        return
    noun = d.noun_fig
    if phrases is None or noun is None or noun.noun_start is None:
        return
    folded = doc.fold
    sentence = d.sentence
    near = _near_scope(doc, d)
    if d.part_of is not None:
        near = _near_scope(doc, d.part_of) + " " + near
    context = folded[topic_of.get(sentence.start, sentence.start) : sentence.end]
    found = phrases.match(folded[noun.noun_start : sentence.end], near, context)
    if found:
        d.metric, d.metric_len = found
        if noun.qualifier != "trở lên":  # the statement ends with the metric's noun
            noun.tail_end = max(noun.end, noun.noun_start + d.metric_len)


def _list_metrics(
    doc: Doc, drafts: list[Draft], topic_of: dict[int, int], phrases: Matcher | None
) -> None:
    """Bare figures that take their metric from what they list under: the heading of a list
    ("kết nạp cao so với chỉ tiêu: xã A 14/12, xã B 9/10"), or the target before them in the
    sentence ("phấn đấu kết nạp 600 đảng viên, mỗi năm 120 đảng viên")."""
    previous: Draft | None = None
    for d in drafts:
        if previous is not None and previous.sentence is not d.sentence:
            previous = None
        if d.metric is None and phrases is not None:
            fig = d.actual_fig or d.target_fig
            if (
                previous is not None
                and previous.metric is not None
                and d.actual is None
                and previous.actual is None
                and fig is not None
                and previous.target_fig is not None
                and _nouns_agree(doc, previous.target_fig, fig)
            ):
                d.metric = previous.metric
            elif fig is not None and fig.noun_start is None and fig.measure is None:
                found = _heading_metric(doc, fig, topic_of, phrases)
                if found is not None:
                    d.metric, d.heading_metric = found, True
        previous = d


def _heading_metric(
    doc: Doc, fig: Figure, topic_of: dict[int, int], phrases: Matcher
) -> str | None:
    """The metric the heading of a figure's list names (the words before the last ':')."""
    sentence = fig.sentence
    colon = doc.text.rfind(":", sentence.start, fig.start)
    if colon >= 0 and not doc.text[colon + 1 : fig.start].strip(" ("):
        # "…: Đảng bộ Công an thành phố: 66/58": the item's own colon, the heading's before
        colon = doc.text.rfind(":", sentence.start, colon)
    if colon < 0:
        return None
    folded = doc.fold
    heading = folded[sentence.start : colon]
    context = folded[topic_of.get(sentence.start, sentence.start) : sentence.end]
    for w in list(re.finditer(r"[^\W\d_]+", heading))[-12:]:
        found = phrases.match(heading[w.start() :] + " ", heading, context)
        if found:
            return found[0]
    return None


def _totals_take_metric(drafts: list[Draft]) -> None:
    """A stated total takes the metric its parts share ("…, tổng cộng 950 đảng viên")."""
    parts: dict[int, list[Draft]] = {}
    for e in drafts:
        if e.part_of is not None and e.part_rule == "sum_equal":
            parts.setdefault(id(e.part_of), []).append(e)
    for d in drafts:
        if d.metric is None:
            metrics = {e.metric for e in parts.get(id(d), [])}
            if len(metrics) == 1:
                d.metric = metrics.pop()


def _merge_early_targets(doc: Doc, drafts: list[Draft], topic_of: dict[int, int]) -> None:
    """A target stated in the sentence before its result (same metric, same unit, same
    paragraph) joins that result and is marked merged."""

    def unit(d: Draft) -> str | None:
        u = _unit_for(doc, d, topic_of.get(d.sentence.start, d.sentence.start))
        if u is None or (u.code is None and fold(u.text).startswith(fold("toàn "))):
            return None
        return u.code or fold(u.text)

    def same_unit(e: Draft, d: Draft) -> bool:
        if unit(e) == unit(d):
            return True
        ue = _unit_for(doc, e, topic_of.get(e.sentence.start, e.sentence.start))
        ud = _unit_for(doc, d, topic_of.get(d.sentence.start, d.sentence.start))
        return ue is not None and ud is not None and _whole_of_named(ue.text, ud.text)

    for i, d in enumerate(drafts):
        if d.actual is None and d.target is not None and d.metric and not d.merged:
            for e in itertools.islice(drafts, i + 1, None):
                if e.sentence.paragraph != d.sentence.paragraph:
                    break
                if (
                    e.metric == d.metric
                    and e.actual is not None
                    and e.target is None
                    and same_unit(e, d)
                ):
                    e.target_fig, e.target = d.target_fig, d.target
                    d.merged = True
                    break


_WHOLE_KIND = rx(r"^toàn\s+(?:đảng\s+bộ\s+)?(\w+(?:\s+\w+)?)$")


def _whole_of_named(whole: str, named: str) -> bool:
    """Whether ``whole`` (``toàn tỉnh``) is the unit ``named`` just before it, a place of that
    kind (``Đảng bộ tỉnh Hòa Lâm``, ``tỉnh Hòa Lâm``), a result of the whole of that unit."""
    m = _WHOLE_KIND.match(fold(whole).strip())
    kind = _PLACE.match(fold(named))
    if m is None or kind is None:
        return False
    return " ".join(kind.group("kind").split()) == " ".join(m.group(1).split())


# things counted one by one, whose plan is a whole number ("26 hợp tác xã", "8 dự án")
_WHOLE_THINGS = rx(
    r"(?:doanh\s+nghiệp|hợp\s+tác\s+xã|htx|dự\s+án|công\s+trình|đảng\s+viên|chi\s+bộ"
    r"|tổ\s+chức\s+đảng|căn\s+nhà|ngôi\s+nhà)(?!\w)"
)


def _counts_whole_things(doc: Doc, f: Figure | None) -> bool:
    """Whether ``f`` counts things one by one (its noun one of :data:`_WHOLE_THINGS`, its
    number written whole, with no scale word nor currency): a plan of it is a whole number."""
    if f is None or f.kind != "count" or f.measure is not None or f.noun_start is None:
        return False
    if not re.fullmatch(r"[\d.]+", f.written.strip()):
        return False
    return _WHOLE_THINGS.match(doc.fold, f.noun_start) is not None


def _find_kind(doc: Doc, d: Draft, catalog: MetricCatalog | None) -> None:
    """The kind of what the draft states and its signed percentage; a target derived from
    an exact actual and its excess."""
    if catalog is not None and d.metric is not None and d.metric in catalog:
        d.whole_target = catalog.kind(d.metric) == "count"
    else:
        d.whole_target = _counts_whole_things(doc, d.actual_fig)
    if d.percent_fig is not None:
        kind, sign = _percent_kind(doc, d, catalog)
        d.kind = kind
        assert d.percent_fig.percent is not None
        d.stated_percent = sign * d.percent_fig.percent.value
    elif d.excess_fig is not None:
        d.kind = "excess_count"
        a, excess = _single(d.actual), _single(d.excess_fig.value)
        exact = not d.actual_fig or not d.actual_fig.qualifier
        if d.target is None and a is not None and excess is not None and exact:
            d.target = a - excess
            d.derived = True


def _plan_amount(doc: Doc, d: Draft) -> bool:
    """Whether the draft's target is an amount a plan word sets out ("giao dự toán thu
    ngân sách: huyện A 150 tỷ đồng")."""
    f = d.target_fig
    if f is None or f.measure is None or f.measure == "%":
        return False
    return _PLAN_WORD.search(doc.fold[f.sentence.start : f.start]) is not None


def _exceeds_whole(d: Draft) -> bool:
    """Whether the draft is a part (``trong đó …``) larger than its whole: kept, so that the
    audit shows it (``khoảng 9,4 triệu lượt khách … Trong đó, khách quốc tế … 1.195 triệu
    lượt``: a decimal comma printed as a thousands dot). A part or whole that is
    approximate must exceed it by more than :data:`APPROXIMATE_FACTOR`."""
    whole = d.part_of
    if whole is None or not isinstance(d.actual, Decimal) or not isinstance(whole.actual, Decimal):
        return False
    figs = [f for f in (d.actual_fig, whole.actual_fig) if f is not None]
    factor = APPROXIMATE_FACTOR if any(f.qualifier for f in figs) else Decimal(1)
    return d.actual > whole.actual * factor


def _keeps(d: Draft, *, plan_amount: bool = False) -> bool:
    """Whether the draft is a KPI statement (``plan_amount``: its target is an amount a
    plan sets out)."""
    keep = (
        d.metric is not None
        or d.target is not None
        or (d.percent_fig is not None and (d.kind is not None))
        or d.excess_fig is not None
    )
    if d.subject is not None and d.kind is None and d.target is None:
        keep = False
    if (
        d.actual is None
        and d.target_fig is not None
        and d.target_fig.set_out
        and not d.metric
        and not plan_amount
    ):
        keep = False  # "được giao quản lý 300 hộ": a target only when it counts a metric
    if d.actual_fig is not None and d.actual_fig.kind == "pair" and d.noun_fig is None:
        keep = keep and (d.inherit is not None or d.percent_fig is not None or d.heading_metric)
    return keep


def _record(doc: Doc, d: Draft, topic: int, catalog: MetricCatalog | None) -> dict[str, Any]:
    """The fields of a kept draft's statement (with the draft and its span in the text)."""
    text = doc.text
    unit = _unit_for(doc, d, topic)
    if (
        d.total_after
        and unit is not None
        and (d.actual_fig is None or unit.start < d.actual_fig.clause)
    ):
        unit = None  # the sum of several units' figures is none of theirs
    year, as_of = _time_for(doc, d, topic)
    term = _term_of(doc, d)
    if term is not None and not any(
        t.year and not t.comparison for t in doc.times_in(d.sentence.start, d.anchor)
    ):
        year = None  # a whole-term figure is of no one year
    start, end = _span(text, d)
    link = None
    if d.target_fig is not None and d.target_fig.sentence is not d.sentence:
        link = (d.target_fig.span_start, d.target_fig.span_end)
    record = {
        "draft": d,
        "start": start,
        "end": end,
        "text": text[start:end],
        "metric": d.metric,
        "label": _label(doc, d, catalog),
        "unit": unit.text if unit else None,
        "unit_code": unit.code if unit else None,
        "unit_rows": unit.units if unit else (),
        "year": year,
        "as_of": as_of,
        "actual": d.actual,
        "target": d.target,
        "stated_percent": d.stated_percent,
        "stated_kind": d.kind,
        "qualifier": _qualifier(d),
        "stated": d.percent_fig.written
        if d.percent_fig
        else (text[d.excess_fig.start : d.excess_fig.span_end] if d.excess_fig else None),
        "excess": _single(d.excess_fig.value) if d.excess_fig else None,
        "term": term,
        "target_period": _target_period(doc, d, term) if d.target is not None else None,
        "implied_target": implied_target(d.actual, d.target, d.stated_percent, d.kind),
        "link_span": link,
        "measure": _measure_of(d),
    }
    record.update(_checks(d, doc))
    return record


def _term_of(doc: Doc, d: Draft) -> str | None:
    """The term of a whole-term figure named before it in its sentence (``2020-2025``, or
    ``nhiệm kỳ`` without years), else None."""
    found = list(_TERM.finditer(doc.fold[d.sentence.start : d.anchor]))  # "^": the sentence's
    if not found:
        return None
    m = found[-1]
    return f"{m.group('a')}-{m.group('b')}" if m.group("a") else "nhiệm kỳ"


def _target_period(doc: Doc, d: Draft, term: str | None) -> str | None:
    """``annual`` or ``term`` for a target: "mỗi năm 120" or a year is annual, a target of a
    term sentence is the term's."""
    fig = d.target_fig
    if fig is not None:
        lead = doc.fold[fig.clause : fig.start]
        if _YEARLY.search(lead):
            return "annual"
        if fig.sentence is not d.sentence:  # a target stated elsewhere: its own sentence's
            before = doc.fold[fig.sentence.start : fig.start]
            if _YEARLY.search(before):
                return "annual"
            if _TERM.search(before):
                return "term"
    if term is not None:
        return "term"
    if any(t.year and not t.comparison for t in doc.times_in(d.sentence.start, d.sentence.end)):
        return "annual"
    # "Nghị quyết Đại hội … nhiệm kỳ 2020 - 2025 phấn đấu kết nạp 600": the congress's term
    at = fig or d.actual_fig or d.excess_fig or d.percent_fig
    if at is not None and _CONGRESS_TERM.search(doc.fold[d.sentence.start : at.start]):
        return "term"
    return None


def implied_target(
    actual: Value | None, target: Value | None, percent: Decimal | None, kind: str | None
) -> Decimal | None:
    """The target a stated percentage implies when none is written: actual / percent
    (``vượt X%``: actual / (100 + X) %), to 2 decimals; None otherwise.

    >>> implied_target(Decimal(32), None, Decimal(106), "attainment")
    Decimal('30.19')
    >>> implied_target(Decimal(115), None, Decimal(15), "excess")
    Decimal('100.00')
    """
    if target is not None or not isinstance(actual, Decimal) or percent is None:
        return None
    if kind not in ("attainment", "excess"):
        return None
    base = percent + 100 if kind == "excess" else percent
    if base <= 0:
        return None
    return (actual * 100 / base).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _span(text: str, d: Draft) -> tuple[int, int]:
    """Where the statement is in the text: its figures and subject, and a closing bracket
    that belongs to them."""
    shown = [f for f in d.figures if f.sentence is d.sentence]  # a linked target is apart
    if d.twin_of is not None and d.percent_fig is not None:
        shown = [d.percent_fig]  # its figures are the first statement's; show its own part
    start = min([f.span_start for f in shown] + ([d.subject[0]] if d.subject else []))
    end = max([f.span_end for f in shown] + ([d.subject[1]] if d.subject else []))
    if text.count("(", start, end) > text.count(")", start, end) and text[end : end + 1] == ")":
        end += 1
    return start, end


def _measure_of(d: Draft) -> str | None:
    """The unit of a money statement as written (``tỷ đồng``), else None."""
    for f in (d.actual_fig, d.target_fig, d.excess_fig):
        if f is not None and f.measure is not None:
            return f.measure
    return None


_NOT_SUBJECT = _STOP | {"ước", "dự", "khoảng", "gần", "hơn", "lũy", "luỹ", "năm", "tháng", "quý"}


def _money_label(doc: Doc, d: Draft, measure: str) -> str:
    """What a money figure counts, from the words that open its clause up to the first
    word that is no noun ("Thu ngân sách trên địa bàn … đạt 11,55 tỷ đồng": ``Thu ngân
    sách (tỷ đồng)``), without the units named there; the unit alone when they name
    nothing."""
    fig = d.actual_fig or d.target_fig or d.excess_fig
    assert fig is not None
    lead = doc.text[fig.clause : fig.start]
    for u in reversed(doc.units_in(fig.clause, fig.start)):
        lead = lead[: u.start - fig.clause] + lead[u.end - fig.clause :]
    # a target: the words just before it ("dự toán thu ngân sách là 500 tỷ đồng")
    trimmed = _words_before(lead) if d.actual_fig is None else _subject_words(lead)
    if not trimmed:  # an item of a list: what its heading's plan is of
        colon = doc.text.rfind(":", fig.sentence.start, fig.start)
        plans = list(_PLAN_WORD.finditer(doc.fold, fig.sentence.start, max(colon, 0)))
        if colon >= 0 and plans:
            trimmed = _subject_words(doc.text[plans[-1].end() : colon])
    return f"{trimmed} ({measure})" if trimmed else measure


_PLAN_PARTS = frozenset({"dự", "toán", "kế", "hoạch", "chỉ", "tiêu", "mục", "quyết", "đề", "giao"})


def _words_before(lead: str) -> str:
    """The words that end ``lead`` back to the first that is no noun or names the plan
    ("Nghị quyết đề ra mỗi năm thu ngân sách": ``thu ngân sách``; at most six)."""
    words: list[str] = []
    for word in reversed(re.sub(r"(?:\s|^)(?:là|:)\s*$", "", lead).split()):
        w = word.strip(",;:()")
        if not w.isalpha() or w.lower() in _NOT_SUBJECT or w.lower() in _PLAN_PARTS:
            break
        words.insert(0, w)
        if len(words) == 6:
            break
    return " ".join(words)


def _subject_words(lead: str) -> str:
    """The words that open ``lead`` up to the first that is no noun (at most eight)."""
    words: list[str] = []
    for w in re.finditer(r"\S+", lead):
        word = w.group().strip(",;:()")
        if not word or word.lower() in _NOT_SUBJECT or not word.isalpha():
            break
        words.append(word)
        if len(words) == 8:
            break
    return re.sub(r"^(?:[Tt]rong đó|[Rr]iêng|[Cc]òn|[Vv]à)\s*", "", " ".join(words))


def _qualifier(d: Draft) -> str | None:
    for f in (d.actual_fig, d.percent_fig, d.target_fig, d.excess_fig):
        if f is not None and f.qualifier:
            return f.qualifier
    return None


def _label(doc: Doc, d: Draft, catalog: MetricCatalog | None) -> str:
    if d.metric is not None:
        return catalog.label(d.metric) if catalog is not None else d.metric
    measure = _measure_of(d)
    if measure is not None and measure != "%" and d.subject is None:
        return _money_label(doc, d, measure)
    if d.inherit is not None and d.noun_fig is None:
        return _label(doc, d.inherit, catalog)
    text = doc.text
    if d.subject is not None:
        s, e = d.subject
        kept = text[s:e]
        for u in reversed([u for u in doc.units_in(s, e) if u.end <= e]):
            kept = kept[: u.start - s] + kept[u.end - s :]
        kept = re.sub(r"\s+(?:của|tại|ở)\s*$", "", " ".join(kept.split()))
        return " ".join(kept.split()[:8]).strip(" ,;:(")
    noun = d.noun_fig
    words = text[noun.noun_start : noun.noun_end] if noun and noun.noun_start is not None else ""
    first = d.figures[0] if d.figures else None
    verb = ""
    if first is not None:
        verbs = list(_LABEL_VERBS.finditer(doc.fold, first.clause, first.start))
        if verbs:
            verb = text[verbs[-1].start() : verbs[-1].end()]
    return " ".join(w for w in (verb, words) if w)


# --------------------------------------------------------------------------- parts


def _link_parts(doc: Doc, drafts: list[Draft], related: Callable[[Draft, Draft], bool]) -> None:
    """Mark parts of a stated total: "… 1.236 đảng viên, trong đó Đông Anh 500, …"."""
    # a twin (a second percentage about the same figures) is no second part or total; nor is
    # a rate, which its parts may exceed ("tăng trưởng … 6,9%. Trong đó: công nghiệp 10,68%")
    actual = [
        d
        for d in drafts
        if d.actual is not None
        and d.actual_fig is not None
        and d.twin_of is None
        and d.actual_fig.measure != "%"
    ]
    anchors = [d.anchor for d in actual]  # in text order, as the drafts are
    sentences = {d.sentence.start: d.sentence for d in actual}
    for sentence in sentences.values():
        for start, end, marker, at in _regions(doc, sentence):
            sentence_initial = not doc.fold[sentence.start : at].strip(" ,")
            lo = bisect.bisect_left(anchors, start)
            hi = bisect.bisect_left(anchors, end, lo)
            inside = [d for d in actual[lo:hi] if d.part_of is None]
            across = sentence_initial and _states_figures(doc, sentences, sentence)
            for total in _before(actual, bisect.bisect_left(anchors, at)):
                if total.sentence is not sentence and not (
                    across and total.sentence.paragraph == sentence.paragraph
                ):
                    break
                parts = [d for d in inside if d is not total and related(total, d)]
                if not parts:
                    continue
                units = [_plain_unit(doc, d) for d in parts]
                disjoint = len(parts) >= 2 and None not in units and len(set(units)) == len(units)
                consists = fold("gồm") in marker
                if disjoint or (consists and len(parts) >= 2):
                    rule = "sum_equal" if consists else "sum_at_most"
                else:
                    rule = "at_most"
                for d in parts:
                    d.part_of, d.part_rule = total, rule
                break
    _link_totals_after(doc, actual)


def _states_figures(doc: Doc, sentences: dict[int, Sentence], sentence: Sentence) -> bool:
    """Whether the sentence right before ``sentence`` states a figure (a draft's actual).

    A sentence opening with ``Trong đó,`` divides what the sentence before it names: after a
    sentence with no figure (``Trong tổng vốn năm 2025, phần lớn … . Trong đó, …``) its
    parts are of that sentence's noun, not of a figure further back.
    """
    i = bisect.bisect_left(doc.sentences, sentence.start, key=lambda s: s.start) - 1
    return i >= 0 and doc.sentences[i].start in sentences


def _before(items: list[Draft], end: int) -> Iterator[Draft]:
    """``items[:end]``, last first, without copying them."""
    return (items[i] for i in range(end - 1, -1, -1))


def _link_totals_after(doc: Doc, actual: list[Draft]) -> None:
    """Mark parts of a total stated after them: "Đông Anh 500, Gia Lâm 400, tổng cộng 900
    đảng viên" (two parts or more, each of its own unit)."""
    by_sentence: dict[int, list[Draft]] = {}
    for d in actual:
        by_sentence.setdefault(id(d.sentence), []).append(d)
    for d in actual:
        assert d.actual_fig is not None
        lead = doc.fold[d.actual_fig.clause : d.actual_fig.start]
        if not _TOTAL_LEAD.search(lead):
            continue
        parts = [
            e
            for e in by_sentence[id(d.sentence)]
            if e.sentence is d.sentence
            and e.anchor < d.anchor
            and e.part_of is None
            and _same_kind(doc, d, e)
        ]
        units = [_plain_unit(doc, e) for e in parts]
        if len(parts) >= 2 and None not in units and len(set(units)) == len(units):
            d.total_after = True
            for e in parts:
                e.part_of, e.part_rule = d, "sum_equal"


def _breakdowns(catalog: MetricCatalog | None) -> dict[str, str]:
    if catalog is None:
        return {}
    df = catalog.metrics
    return {c: b for c, b in zip(df["code"], df["breakdown_of"], strict=True) if b}


def _same_kind(doc: Doc, total: Draft, part: Draft) -> bool:
    assert total.actual_fig is not None and part.actual_fig is not None
    if part.inherit is not None and part.actual_fig.noun_start is None:
        return True
    return _nouns_agree(doc, total.actual_fig, part.actual_fig)


def _plain_unit(doc: Doc, d: Draft) -> str | None:
    """The unit named in the draft's own clause, if any (parts of a list name theirs)."""
    assert d.actual_fig is not None
    clause = d.actual_fig.clause
    names = doc.units_in(clause, d.actual_fig.start)
    if names:
        return names[-1].code or names[-1].text
    # a unit the registry does not know, kept as written ("xã Tân Lập kết nạp 14")
    written = _written_unit(doc, clause, d.actual_fig.start)
    return written.text if written is not None else None
