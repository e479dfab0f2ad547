"""Figures read as a result that are none, for :func:`kpitools.extract.figures._no_result`:
a count of units out of all of them or of units that reach a threshold (``7/9 công ty``,
``3 xã đạt trên 90% kế hoạch``), a rank (``lọt top 3``, ``xếp 4/30 phường``), a change
restated as an amount (``tương ứng tăng thêm 1.200 tỷ đồng``), the number a thing is named
by (``khu dân cư số 3``, ``hồ sơ mức 4``), the size of the containers counted right before
it (``85 đơn vị 450 ml``), a date (``tới hết 14.7``, ``đợt 3/2``) and the total an increment
brings (``thu thêm 120 tỷ đồng, nâng tổng thu cả năm lên 2.400 tỷ đồng``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kpitools.extract.past_bases import (
    COMPARE_WITH_WORDS,
    LAST_YEAR,
    NAMED_YEAR_WORDS,
    PAST_YEAR,
    SAME_PERIOD,
)
from kpitools.extract.target_words import AIM_WORDS, MET_VERBS, TARGET_CUE
from kpitools.extract.text import NUM, PLAN_NOUNS, Doc
from kpitools.textfold import fold, rx

if TYPE_CHECKING:
    from kpitools.extract.figures import Figure

# "7/9 công ty ghi nhận doanh thu tăng": a count of units out of all of them, no result
# against a target ("Xã A kết nạp 14/12 đảng viên" counts members, and stays a pair; Party
# organisations, "có 40/40 chi bộ triển khai", are what Party reports count, and stay too)
_UNITS_COUNTED = rx(
    r"\s+(?:doanh\s+nghiệp|công\s+ty|đơn\s+vị|địa\s+phương|tỉnh|thành\s+phố|bộ|ngành|"
    r"ngân\s+hàng|hợp\s+tác\s+xã|xã|phường|huyện|quận|trường|"
    r"khu\s+vực|vùng|lĩnh\s+vực|nhóm\s+ngành|nhóm\s+hàng|mặt\s+hàng|sản\s+phẩm)(?!\w)"
)
# what may stand before such a count in its clause: no verb of a result, "có" at most
_UNITS_LEAD = rx(r"^[\s(:\-–]*(?:(?:trong\s+đó|riêng|còn|cả|đã|có|chỉ|mới)\s+)*$")
_PERCENT_NEXT = re.compile(r"\s*[(,]?\s*(?:\w+\s+){0,2}\d[\d.,]*\s*%")
# "1/8 chi cục đạt dưới 50% dự toán": units counted by a threshold they reach or miss
_THRESHOLD_AFTER = rx(
    r"\s+(?:[^\W\d_]+\s+){1,4}?(?:(?:chỉ\s+|mới\s+)?đạt\s+)(?:từ|dưới|trên)\s+"
    rf"(?:{NUM})\s*%"
)
# "…; 7/19 doanh nghiệp, đạt 36,84% kế hoạch": the units done, then the plan's percentage
_PLAN_ATTAINED_AFTER = rx(
    rf"(?:\s+[^\W\d_]+){{1,4}}\s*,\s*(?:đạt|bằng)\s+(?:{NUM})\s*%\s*(?:so\s+với\s+)?"
    r"(?:kh|kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu|dự\s+toán|nghị\s+quyết)(?!\w)"
)

# "5 khoản phí đạt tốt (trên 30% kế hoạch năm)", "3 xã đạt trên 90% kế hoạch": a count of
# units or items that reach a threshold, no result of the count
_ITEMS_COUNTED = rx(r"\s+khoản(?!\w)")
_COUNT_THRESHOLD = rx(
    r"(?:[\s,]+[^\W\d_]+){0,6}?\s+(?:chỉ\s+|mới\s+)?đạt(?:\s+[^\W\d_]+)?\s*\(?\s*"
    rf"(?:từ|dưới|trên)\s+(?:{NUM})\s*%"
)


# "Có 4 trường hoàn thành kế hoạch, trong đó A (vượt 7%), B (vượt 3%)": units counted by a
# target they met or passed, each unit's percentage its own
_COUNT_MET = rx(
    r"(?:\s+(?:đã|đều))?\s+(?:vượt|đạt|hoàn\s+thành)(?:\s+và\s+vượt)?\s+"
    rf"{PLAN_NOUNS}(?!\w)"
)


# "tỉ lệ thôn có từ 3 tổ an ninh trở lên là 74%": a threshold in the name of a rate, the
# rate after it
_RATE_NAME = rx(r"(?<!\w)(?:tỷ|tỉ)\s+lệ(?!\w)")
_THRESHOLD_LEAD = rx(r"(?<!\w)(?:trên|từ|dưới|tối\s+thiểu|ít\s+nhất)\s*$")
_RATE_AFTER_NAME = rx(rf"[^\d,;.%]{{0,30}}?(?<!\w)(?:đạt|là|chiếm)\s+(?:{NUM})\s*%")


def _threshold_in_rate_name(doc: Doc, fig: Figure, lead: str) -> bool:
    """Whether ``fig`` is a threshold named in a rate's name (:data:`_RATE_NAME`, then
    ``trên``/``từ``/``dưới`` right before it, the rate's percentage right after it)."""
    return (
        _RATE_NAME.search(lead) is not None
        and _THRESHOLD_LEAD.search(doc.fold, fig.clause, fig.start) is not None
        and _RATE_AFTER_NAME.match(doc.fold, fig.end, fig.sentence.end) is not None
    )


def counted_by_threshold(doc: Doc, fig: Figure, lead: str) -> bool:
    """Whether the count ``fig`` counts units or items (named right after it) that reach or
    miss a threshold (:data:`_COUNT_THRESHOLD`): the percentage is the threshold's; or, with
    no verb of a result before it in its clause, units that met or passed their target
    (:data:`_COUNT_MET`): the percentages after it are the units' own, none the count's; or
    is a threshold in a rate's name (:func:`_threshold_in_rate_name`)."""
    if _threshold_in_rate_name(doc, fig, lead):
        return True
    folded, end = doc.fold, fig.sentence.end
    units = _UNITS_COUNTED.match(folded, fig.end, end)
    named = units or _ITEMS_COUNTED.match(folded, fig.end, end)
    if fig.kind != "count" or fig.measure is not None or named is None:
        return False
    if _COUNT_THRESHOLD.match(folded, fig.end, end) is not None:
        return True
    return (
        units is not None
        and _UNITS_LEAD.match(lead) is not None
        and _COUNT_MET.match(folded, units.end(), end) is not None
    )


def units_out_of_all(doc: Doc, fig: Figure, lead: str) -> bool:
    """Whether the fraction ``fig`` counts units out of all of them (``có 5/9 doanh nghiệp
    có lãi cao hơn``): the units are named right after it, no verb of a result comes
    before it in its clause, and no percentage follows it (``5/9 xã (56%)`` keeps its
    reading, as ``7/19 doanh nghiệp, đạt 36,84% kế hoạch`` does); or the units are counted
    by a threshold they reach or miss (``1/8 chi cục đạt dưới 50% dự toán``), whatever they
    are called."""
    end = fig.sentence.end
    return (
        (
            _UNITS_COUNTED.match(doc.fold, fig.end, end) is not None
            or _THRESHOLD_AFTER.match(doc.fold, fig.end, end) is not None
        )
        and _UNITS_LEAD.match(lead) is not None
        and _PERCENT_NEXT.match(doc.fold, fig.end, fig.sentence.end) is None
        and _PLAN_ATTAINED_AFTER.match(doc.fold, fig.end, fig.sentence.end) is None
    )


# "lọt top 3", "vào tốp 10": a rank among others, neither a result nor a target
_TOP_LEAD = rx(r"(?<!\w)(?:top|tốp)\s*$")


def top_rank(fig: Figure, lead: str) -> bool:
    """Whether ``fig`` is the rank of a ``top`` (``mục tiêu là lọt top 3 toàn đoàn``): a count
    with no measure right after ``top`` or ``tốp``."""
    return fig.kind == "count" and fig.measure is None and _TOP_LEAD.search(lead) is not None


# "xếp 4/30 phường", "đứng vị trí 6/21 xã", "xếp hạng 3/17 cơ sở, sau hai phường …, và 2/9
# đơn vị …": a rank among units, said by its verb or noun before it in its sentence
_RANK_WORD = rx(r"(?<!\w)(?:(?<!sắp\s)xếp|đứng|vị\s+trí|vị\s+thứ|thứ\s+hạng|xếp\s+hạng)(?!\w)")
# "mức tăng trưởng cao 9/34 tỉnh", "thứ 2/12 huyện", "đạt hạng 3/63": a place among units,
# said by an ordinal, a comparative or the noun of a rank right before the fraction
_RANK_RIGHT_BEFORE = rx(r"(?<!\w)(?:(?:cao|thấp)(?:\s+thứ)?|thứ|hạng(?:\s+thứ)?)\s*$")
# what may stand between the rank word and the fraction: names, other ranks, no result
_RANK_GAP = rx(r"(?:(?!\d\s*%|đạt|thực\s+hiện|hoàn\s+thành)[^;])*")


def ranked(doc: Doc, fig: Figure) -> bool:
    """Whether the fraction ``fig`` is a rank among units (``xếp 4/30 phường``, the second of
    ``xếp hạng 3/17 cơ sở, sau hai phường Bắc và Nam, và 2/9 đơn vị``): a rank word before it in its
    sentence with no percentage, result verb or semicolon between, or an ordinal, a
    comparative or ``hạng`` right before it (``cao thứ 9/34 tỉnh``, ``đạt hạng 3/63``), and a
    rank no larger than the count it is out of."""
    a, b = fig.values[0], fig.values[-1]
    if not (0 < a <= b) or a != a.to_integral_value() or b != b.to_integral_value():
        return False
    start = fig.sentence.start
    if _RANK_RIGHT_BEFORE.search(doc.fold, max(start, fig.span_start - 30), fig.span_start):
        return True
    words = list(_RANK_WORD.finditer(doc.fold, start, fig.span_start))
    gap = words[-1].end() if words else -1
    return gap >= 0 and _RANK_GAP.fullmatch(doc.fold, gap, fig.span_start) is not None


# "tăng 9% so với năm trước, tương ứng tăng thêm 1.200 tỷ đồng": a growth restated as the
# amount added, never a result
_RESTATED_CHANGE = rx(
    r"(?<!\w)tương\s+(?:ứng|đương)(?:\s+(?:với|mức))?\s+(?:tăng|giảm)(?:\s+thêm)?"
    r"\s*(?:khoảng|gần|hơn|trên)?\s*$"
)

# "tăng 5% so với năm 2023 tương ứng 400 tấn", "giảm 2% so với cùng kỳ, tương đương 13 tỷ
# đồng": a change over a past period restated as the amount it comes to
_RESTATED_PERCENT = rx(
    rf"(?<!\w)(?:tăng|giảm)\s+(?:khoảng\s+|gần\s+|hơn\s+|trên\s+)?(?:{NUM})\s*%\s+so\s+với"
    r"(?:[^\d;%]|(?<!\d)(?:19|20)\d\d(?!\d)){0,40}?[\s,]+tương\s+(?:ứng|đương)(?:\s+(?:với|mức))?"
    r"\s*(?:khoảng|gần|hơn|trên)?\s*$"
)
_RESTATED_WINDOW = 120
# "tăng 6,2% (318 tấn), đạt …": a change's percentage restated as an amount in brackets
_RESTATED_IN_BRACKET = rx(
    rf"(?<!\w)(?:tăng|giảm)\s+(?:khoảng\s+|gần\s+|hơn\s+|trên\s+)?(?:{NUM})\s*%\s*\(\s*"
    r"(?:tương\s+(?:ứng|đương)(?:\s+(?:với|mức))?\s*)?(?:khoảng|gần|hơn|trên)?\s*$"
)
_BRACKET_CLOSE = re.compile(r"[^\W\d_]*(?:\s+[^\W\d_]+){0,2}\s*\)")


# "So với cùng kỳ năm 2040, số thu này tăng 12,5 tỷ đồng": a change over a past period
# named first in its sentence ("So với số liệu của tháng trước,", "So với số liệu báo cáo
# kỳ trước (ngày 4/5),": named at length, a word of the past last or nearly, no plan)
_PAST_PERIOD_FIRST = rx(
    rf"\W*{COMPARE_WITH_WORDS}(?:{SAME_PERIOD}(?:\s+{PAST_YEAR})?|{PAST_YEAR}"
    r"|(?:(?!(?:kế|chỉ|mục|dự|nghị|kịch)\s)[^\W\d_]+\s+){1,6}?"
    rf"(?:{SAME_PERIOD}|trước|ngoái)(?:\s+(?:đó|{NAMED_YEAR_WORDS}))?(?:\s*\([^()]{{0,30}}\))?)\s*,"
)
_CHANGE_END = rx(r"(?<!\w)(?:tăng|giảm)(?:\s+thêm)?\s*(?:khoảng|gần|hơn|trên)?\s*$")
# "…, giảm 35 hộ, đạt 105% kế hoạch": the plan reached right after the change (its unit
# words between) makes the change the result ("bằng 61% kế hoạch" may be the total's)
_PLAN_PERCENT_NEXT = rx(
    rf"^(?:\s*[^\W\d_]+){{0,2}}\s*,\s*(?:đạt|hoàn\s+thành)\s+(?:khoảng\s+|gần\s+)?"
    rf"(?:{NUM})\s*%\s*(?:kế\s+hoạch|kh(?!\w)|chỉ\s+tiêu)"
)


def restated_change(doc: Doc, fig: Figure, lead: str) -> bool:
    """Whether ``fig`` restates as an amount a change written before it (see above), or the
    change's percentage in brackets right before it (``tăng 6,2% (318 tấn)``: the amount
    alone in the bracket), or is a change after a past period its sentence opens with (unless
    a percentage of the plan follows it)."""
    if _RESTATED_CHANGE.search(lead):
        return True
    if (
        _CHANGE_END.search(lead)
        and _PAST_PERIOD_FIRST.match(doc.fold, fig.sentence.start)
        and not _PLAN_PERCENT_NEXT.match(doc.fold[fig.end : fig.sentence.end])
    ):
        return True
    low = max(fig.sentence.start, fig.span_start - _RESTATED_WINDOW)
    if _RESTATED_PERCENT.search(doc.fold, low, fig.span_start) is not None:
        return True
    return (
        _RESTATED_IN_BRACKET.search(doc.fold, low, fig.span_start) is not None
        and _BRACKET_CLOSE.match(doc.fold, fig.end, fig.sentence.end) is not None
    )


# "hồ sơ dịch vụ công mức 4", "cơ sở cấp độ 2": the level a thing is of, named by a
# digit after a noun and the level word ("ở mức 2.000 tỷ đồng" is an amount: a verb before)
_LEVEL_LEAD = rx(
    r"(?<!\w)(?!(?:ở|về|lên|xuống|đạt|còn|là|với|có|tới|đến|bằng|giữ)\s)[^\W\d_]+"
    r"\s+(?:mức|mức\s+độ|cấp\s+độ)\s*$"
)


# "Chi bộ Khu dân cư số 3 kết nạp …", "tổ số 5": the number a thing is named by, after a
# noun and "số" ("tổng số 50", "có số 12", "đạt số 9" are counts: a verb or "tổng" before)
_NUMBERED_LEAD = rx(
    r"(?<!\w)(?!(?:tổng|có|là|với|con|các|những|một|đạt|được|còn|lên|về|ở|tại|và)\s)"
    r"[^\W\d_]+\s+số\s*$"
    # "khu vực 2 có số …", "giai đoạn 2, phấn đấu …", "900 đối tượng 4": a region, a phase, a class
    r"|(?<!\w)(?:khu\s+vực|tiểu\s+khu|phân\s+khu|giai\s+đoạn|đợt|đối\s+tượng)\s*$"
)
# "3 sao", "khách sạn 5 sao": the stars a thing is graded with
_STARS_AFTER = rx(r"\s*sao(?!\w)")
# "Sông Lam 2 cũng …": a capitalised word right before a name's numeral, an adverb after it
_CAPITALISED_BEFORE = re.compile(r"(?<!\w)[^\W\d_]+ $")
_ADVERB_AFTER = rx(r"\s+(?:cũng|đã|đang|vẫn|sẽ)(?!\w)")


def label_numeral(doc: Doc, fig: Figure, lead: str) -> bool:
    """Whether ``fig`` is a level's digit after a noun (``hồ sơ mức 4``: no noun after it),
    a grade in stars (``xếp hạng 3 sao``), the number a thing is named by (``khu dân cư số
    3``) or the numeral of a name (``nhà máy Sông Lam 2 cũng đạt …``: right after a
    capitalised word, an adverb of a verb after it): no figure of a result (one or two
    digits, no qualifier nor measure)."""
    written = fig.written.strip()
    if fig.kind != "count" or fig.qualifier is not None or fig.measure is not None:
        return False
    if len(written) == 1 and fig.noun_start is None and _LEVEL_LEAD.search(lead) is not None:
        return True
    if len(written) == 1 and _STARS_AFTER.match(doc.fold, fig.end) is not None:
        return True  # "sản phẩm OCOP được xếp hạng 3 sao": a grade, no count
    if len(written) <= 2 and _NUMBERED_LEAD.search(lead) is not None:
        return True
    if len(written) <= 2 and fig.noun_start is None and _numbered_road(doc, fig):
        return True
    named = _CAPITALISED_BEFORE.search(doc.text, max(0, fig.start - 30), fig.start)
    if len(written) > 2 or named is None or not named.group()[0].isupper():
        return False
    if _ADVERB_AFTER.match(doc.fold, fig.end) is not None:
        return True
    # "tham dự Asian Cup 12, đội tuyển …", "Tại SEA Games 41, mục tiêu …": the numeral of an
    # event attended, held or set in, a comma after it
    before = doc.text[max(fig.clause, fig.start - 60) : fig.start]
    return doc.fold.startswith(",", fig.end) and _EVENT_NAMED.search(before) is not None


# the words before the name of an event one takes part in or holds (its words capitalised)
# "đoạn tránh Quốc lộ 14 trong năm …": a name of two words, the first
# capitalised (not opening the sentence), and its numeral, no noun after it
_TWO_WORD_NAME = re.compile(r"(?<=[^\W\d_] )[^\W\d_a-zđ][^\W\d_]* [^\W\d_A-ZĐ][^\W\d_]* $")


def _numbered_road(doc: Doc, fig: Figure) -> bool:
    """Whether ``fig`` is the numeral of a name of two words before it (see above)."""
    low = max(fig.clause, fig.start - 40)
    named = _TWO_WORD_NAME.search(doc.text, low, fig.start)
    return named is not None and named.group()[0].isupper()


_EVENT_NAMED = re.compile(
    r"(?<!\w)(?:[Tt]ham dự|[Dd]ự|[Đđ]ăng cai|[Tt]ổ chức|[Tt]ại)\s+(?:(?:kỳ|giải|đại hội)\s+)?"
    r"(?:[A-ZĐ][^\W\d_]*\s+){1,4}$"
)


# "thu được 412 đơn vị máu, trong đó 85 đơn vị 450 ml": the size of each thing counted, written
# right after a count of containers, no result
_CONTAINERS_COUNTED = rx(
    r"(?<![\d.,/])\d[\d.]*\s+(?:đơn\s+vị|túi|chai|lọ|bình|hộp|gói|bao|thùng|can|bịch)\s*$"
)
_SIZE_UNIT = rx(r"(?:ml|cc|lít|kg|gam|gram)(?!\w)")


def size_of_counted(doc: Doc, fig: Figure, lead: str) -> bool:
    """Whether ``fig`` is the size of the containers counted right before it (``85 đơn vị
    450 ml``, ``40 bao 50 kg``): a volume or weight with no word between."""
    if fig.kind != "count" or fig.qualifier is not None or fig.noun_start is None:
        return False
    return (
        _SIZE_UNIT.match(doc.fold, fig.noun_start) is not None
        and _CONTAINERS_COUNTED.search(lead) is not None
    )


# "giải ngân tới hết 14.7 được 38% vốn giao": a day and month with a dot after "tới", no amount
_DATE_LEAD = rx(r"(?<!\w)(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?$")
_DOTTED_DAY_MONTH = re.compile(r"(\d{1,2})\.(\d{1,2})")


def dotted_date(fig: Figure, lead: str) -> bool:
    """Whether ``fig`` is a date written ``14.7`` after ``đến``/``tới`` (a day of at most 31,
    a month of at most 12, no unit nor noun after it): the time of a result, no result."""
    m = _DOTTED_DAY_MONTH.fullmatch(fig.written.strip())
    if m is None or fig.kind != "count" or fig.measure is not None or fig.noun_start is not None:
        return False
    day, month = int(m.group(1)), int(m.group(2))
    return 1 <= day <= 31 and 1 <= month <= 12 and _DATE_LEAD.search(lead) is not None


# "tặng huy hiệu đợt 3/2", "nhân dịp 2/9": the day and month of an occasion, no fraction
_OCCASION_LEAD = rx(r"(?<!\w)(?:đợt|dịp|ngày)(?:\s+lễ)?\s*$")
_SLASHED_DAY_MONTH = re.compile(r"(\d{1,2})\s*/\s*(\d{1,2})")


def slashed_occasion(fig: Figure, lead: str) -> bool:
    """Whether the pair ``fig`` is a day and month (``3/2``: a day of at most 31, a month of
    at most 12, no noun after it) right after ``đợt``, ``dịp`` or ``ngày``: the date of an
    occasion, no result over its plan."""
    m = _SLASHED_DAY_MONTH.fullmatch(fig.written.strip())
    if m is None or fig.noun_start is not None or fig.measure is not None:
        return False
    day, month = int(m.group(1)), int(m.group(2))
    return 1 <= day <= 31 and 1 <= month <= 12 and _OCCASION_LEAD.search(lead) is not None


# "qua 2/3 quãng đường", "sau 1/2 nhiệm kỳ": a share of a way or a term gone by, a figure of
# speech for time, no result over a plan
_TIME_GONE_BY = rx(
    r"\s+(?:chặng\s+đường|quãng\s+đường|chặng|nhiệm\s+kỳ|thời\s+gian|thời\s+hạn|giai\s+đoạn)(?!\w)"
)


def share_of_time(doc: Doc, fig: Figure) -> bool:
    """Whether the pair ``fig`` is a half, third or quarter (``3/4``, ``1/2``: at most 4 below
    the line, less above it) of a way or a term right after it (:data:`_TIME_GONE_BY`)."""
    a, b = fig.values[0], fig.values[-1]
    if not (0 < a < b <= 4) or fig.written.count("/") != 1:
        return False
    return _TIME_GONE_BY.match(doc.fold, fig.end, fig.sentence.end) is not None


# "…, thu thêm 120 tỷ đồng, nâng tổng thu cả năm lên 2.400 tỷ đồng": a clause that brings a
# total to a figure, after an increment written in the clause before
_BRINGS_TOTAL = rx(r"\s*(?:qua\s+đó\s+|từ\s+đó\s+|để\s+)?nâng(?!\w)")
_INCREMENT = rx(rf"(?<!\w)thêm\s+(?:(?:khoảng|gần|hơn|trên)\s+)?(?:{NUM})(?!\d)[^,;]*[,;]\s*$")


def total_brought(doc: Doc, fig: Figure, lead: str) -> bool:
    """Whether ``fig`` is the total an increment brings (``thu thêm 120 tỷ đồng, nâng tổng
    thu cả năm lên 2.400 tỷ đồng``): its clause opens with ``nâng`` right after a clause
    with ``thêm N`` that a word of a target comes before; the total is no result against
    the increment.
    """
    if _BRINGS_TOTAL.match(lead) is None:
        return False
    low = max(fig.sentence.start, fig.clause - 100)
    m = _INCREMENT.search(doc.fold, low, fig.clause)
    # the increment is a target's ("phấn đấu thu thêm …"), not a result's ("có thêm 4 xã")
    return m is not None and TARGET_CUE.search(doc.fold, fig.sentence.start, m.start()) is not None


# "A (vượt 42%), B (vượt 17), C (vượt 9%)": a bare number in a list of units' bracketed
# percentages, the percent sign left out; no count
_BARE_IN_BRACKET = rx(r"\(\s*(?P<verb>vượt|đạt|tăng|giảm)\s+$")
_BRACKET_SHUT = re.compile(r"\s*\)")


def unsigned_percent(doc: Doc, fig: Figure) -> bool:
    """Whether the count ``fig`` (no noun) is alone in a bracket after a verb of a change or
    an attainment (``(vượt 17)``) in a sentence with another bracket of the same verb and a
    percentage (``(vượt 42%)``): a percentage written without its sign, no result."""
    folded, sentence = doc.fold, fig.sentence
    lead = _BARE_IN_BRACKET.search(folded, max(sentence.start, fig.start - 12), fig.start)
    if fig.kind != "count" or fig.noun_start is not None or lead is None:
        return False
    if _BRACKET_SHUT.match(folded, fig.end, sentence.end) is None:
        return False
    sibling = rx(rf"\(\s*{lead.group('verb')}\s+(?:{NUM})\s*%\s*\)")
    return sibling.search(folded, sentence.start, sentence.end) is not None


# "khảo sát được 1.640 hộ thuộc 57 thôn": the places the counted things belong to
_BELONGS_TO = rx(rf"(?:{NUM})\s+[^\W\d_]+(?:\s+[^\W\d_]+){{0,3}}\s+thuộc\s+(?:(?:các|cả)\s+)?$")


def container_counted(fig: Figure, lead: str) -> bool:
    """Whether the count ``fig`` comes right after ``thuộc`` that follows a count in its
    clause (``1.640 hộ thuộc 57 thôn``): what the things counted belong to, no result."""
    return fig.kind == "count" and _BELONGS_TO.search(lead) is not None


# "giao 120 tân binh đợt 1 và 30 tân binh đợt bổ sung": a round of a result named after its
# count (and its noun, which may take the round's word in), another round listed with it
_ROUND = r"đợt\s+(?:\d{1,2}|[ivx]{1,4}|một|hai|ba|đầu|cuối|bổ\s+sung|tiếp\s+theo)(?!\w)"
_ROUND_AFTER = rx(r"(?:\s+[^\W\d_]+){0,3}?\s+" + _ROUND)
_NEXT_ROUND = rx(r"\s*(?:,\s*)?(?:và|,)\s+(?:" + NUM + r")(?:\s+[^\W\d_]+){0,3}?\s+" + _ROUND)
# the round before with a count of its own: "hoàn thành giao quân đợt 1, và 150 tân binh
# đợt 2" lists no two counts
_ROUND_BEFORE = rx(
    r"(?<![\d.,])(?:"
    + NUM
    + r")(?:\s+[^\W\d_]+){0,3}?\s+"
    + _ROUND
    + r"\s*(?:,\s*(?:và\s+)?|và\s+)$"
)


def listed_round(doc: Doc, fig: Figure) -> bool:
    """Whether ``fig`` counts one of two rounds of a result listed together (``120 tân binh
    đợt 1 và 30 tân binh đợt bổ sung``): a part of the result, none of them the result of
    its plan (their total is, where the text states it: ``tổng cộng 150 tân binh``)."""
    folded, end = doc.fold, fig.sentence.end
    m = _ROUND_AFTER.match(folded, fig.end, end)
    if m is None:
        return False
    if _NEXT_ROUND.match(folded, m.end(), end):
        return True
    start = fig.qual_start if fig.qual_start is not None else fig.start
    before = folded[max(fig.sentence.start, start - 60) : start]
    return _ROUND_BEFORE.search(before) is not None


# "đang rà soát hơn 5.300 thủ tục, các sở có kế hoạch cắt giảm 3.140": the stock, then in
# the same sentence (no figure between) the plan to cut part of it; the stock is no result
# of that plan
_CUT = r"(?:cắt\s+giảm|cắt|giảm|bãi\s+bỏ|loại\s+bỏ|đơn\s+giản\s+hóa)"
_PLANNED_CUT_AFTER = rx(
    r"[^\d.;!?]{0,80}?,\s*(?:[^\W\d_]+\s+){0,4}?(?:đã\s+)?(?:có\s+)?"
    rf"(?:kế\s+hoạch|dự\s+kiến)(?:\s+sẽ)?\s+{_CUT}(?:\s*,\s*{_CUT})?"
    rf"\s+(?:khoảng\s+|gần\s+|hơn\s+)?(?:{NUM})(?![\d%])(?!\s*%)"
)
# "đã cắt giảm 2.900 thủ tục, dự kiến cắt giảm 3.140": cuts done against the plan, a result
_CUT_DONE = rx(rf"(?<!\w){_CUT}(?!\w)")


# "sở dự kiến đơn giản hóa 86 thủ tục": the cut planned, no result (not "giảm" alone:
# "dự kiến cả năm giảm 1.200 hộ nghèo" is the year's result estimated)
_PLANNED_CUT_LEAD = rx(
    r"(?<!\w)(?:dự\s+kiến|kế\s+hoạch)(?:\s+sẽ)?\s+(?:cắt\s+giảm|cắt|bãi\s+bỏ|đơn\s+giản\s+hóa)"
    r"(?:\s*,\s*(?:cắt\s+giảm|đơn\s+giản\s+hóa))?\s*(?:khoảng|gần|hơn|trên)?\s*$"
)


def stock_before_planned_cut(doc: Doc, fig: Figure, lead: str) -> bool:
    """Whether the count ``fig`` is a cut planned (:data:`_PLANNED_CUT_LEAD`) or is followed,
    in its sentence with no figure between, by a plan to cut (``dự kiến cắt giảm N``, ``có
    kế hoạch cắt giảm N``): the stock a part of is to be cut, no result against the plan (a
    count of cuts, a cut verb before it, is one)."""
    if fig.role != "actual":
        return False
    if _PLANNED_CUT_LEAD.search(doc.fold, max(fig.sentence.start, fig.start - 80), fig.start):
        return True  # from before the clause: "dự kiến sẽ đơn giản hóa, cắt giảm N"
    return (
        _PLANNED_CUT_AFTER.match(doc.fold, fig.end, fig.sentence.end) is not None
        and _CUT_DONE.search(lead) is None
    )


# "đạt 6,4 tấn/ha, so với năm trước là 5,9 tấn/ha": after a result, the figure of a past
# year it is compared with, no result ("cao hơn năm trước là 0,5" is a margin, not this)
_PAST_VALUE_LEAD = rx(
    rf"(?<!\w)(?:so\s+)?với\s+(?:{SAME_PERIOD}\s+)?(?:{NAMED_YEAR_WORDS}(?!\d)|{LAST_YEAR})"
    r"\s*(?:là|:)\s*$"
)
# a figure that is no bare year: the result stated before the past year's value
_STATED_BEFORE = rx(r"(?<![\w.,])(?!(?:19|20)\d\d(?!\d|[.,]\d))\d")


def past_value(doc: Doc, fig: Figure, lead: str) -> bool:
    """Whether ``fig`` is the value of a past year its result, stated before it in its
    sentence, is compared with (not "so với năm trước là 320 …" that opens a sentence)."""
    if fig.role != "actual" or (m := _PAST_VALUE_LEAD.search(lead)) is None:
        return False
    return _STATED_BEFORE.search(doc.fold, fig.sentence.start, fig.clause + m.start()) is not None


# "…, đồng thời sẽ thu mua đạt 15.000 tấn/12.000 tấn theo kế hoạch", "phấn đấu trồng 420/400
# ha", "dự kiến hoàn thành 45/40 km": a fraction an aim sets out, the amount aimed at over the
# plan, no result over it; "mục tiêu" only as an aim is set ("với mục tiêu", "Mục tiêu năm
# 2042,"), not met ("hoàn thành mục tiêu và 23/24 chỉ tiêu")
_FRACTION_AIM = rx(
    rf"(?<!\w)(?:sẽ|phấn\s+đấu|{AIM_WORDS}|"
    r"(?:(?:với|đặt(?:\s+ra)?|nhằm|hướng\s+tới)\s+)?mục\s+tiêu)(?!\w)"
)
# the aim opening a sentence or its part ("Dự kiến hết năm, …", "Mục tiêu năm 2042, …")
_AIM_OPENING = rx(r"(?:theo\s+)?(?:dự\s+kiến|phấn\s+đấu|mục\s+tiêu)(?!\w)")
# a clause that goes on with the aims of the clause before ("…, đồng thời thu mua …")
_AIM_GOES_ON = rx(r"\s*(?:đồng\s+thời|và|cùng\s+với\s+đó)(?!\w)")
# "mục tiêu" met or compared with, no aim set, up to three words between ("thực hiện tốt mục
# tiêu", "hoàn thành các mục tiêu", "thực hiện thắng lợi mục tiêu")
_GOAL_MET = rx(rf"(?<!\w)(?:{MET_VERBS}|so\s+với)(?:\s+[^\W\d_]+){{0,3}}\s*$")
# a result said after the aim: done, reached, estimated, so far, or set against it
_AIM_DONE = rx(
    r"(?<!\w)(?:được|đã|kết\s+quả|thực\s+tế|ước|đến\s+nay|tới\s+nay|hiện\s+nay|lũy\s+kế|"
    r"luỹ\s+kế|nhưng|song|tuy\s+nhiên)(?!\w)"
)
#: how far (characters) before a fraction the word of its aim is looked for
_AIM_REACH = 300


def aimed_fraction(doc: Doc, fig: Figure) -> bool:
    """Whether the fraction ``fig`` (``X/Y``) is an aim over its plan: a word of an aim
    (:data:`_FRACTION_AIM`: ``sẽ``, ``phấn đấu``, ``dự kiến``, ``kỳ vọng``, ``mục tiêu`` not
    met) in its clause, or in an earlier one of its sentence (up to a semicolon) when the
    sentence opens with the aim or the fraction's clause goes on with the aims before
    (``đồng thời``); no word of a result (:data:`_AIM_DONE`: ``được``, ``đã``, ``ước`` …)
    between them (``sẽ khai thác được 11.300/10.350 tấn`` is a result foreseen, as a
    report counts it; ``Nhờ phấn đấu, xã trồng 420/400 ha`` a result)."""
    folded = doc.fold
    start = folded.rfind(";", fig.sentence.start, fig.start) + 1 or fig.sentence.start
    while start < fig.start and not folded[start].isalnum():
        start += 1
    clause = max(start, fig.clause)
    from_part = _AIM_OPENING.match(folded, start) or _AIM_GOES_ON.match(folded, clause)
    low = max(start if from_part else clause, fig.start - _AIM_REACH)
    cues = [
        m
        for m in _FRACTION_AIM.finditer(folded, low, fig.start)
        if m.group().split()[0] != fold("mục")
        or not _GOAL_MET.search(folded, max(start, m.start() - 40), m.start())
    ]
    return bool(cues) and _AIM_DONE.search(folded, cues[-1].end(), fig.start) is None
