"""The numbers of :mod:`kpitools.extract.figures`: the patterns a figure is matched with
(counts, fractions, ranges, percentages, amounts of money in their scales) and the values a
match states (:func:`_figure_values`), a figure in no number format noted where it is, and
counts of people whose commas group thousands read whole (:func:`whole_people`).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.text import COUNTED_NOUNS, Doc
from kpitools.extract.text import WRITTEN_NUM as NUM
from kpitools.numbers import (
    NumberFormatError,
    Percent,
    check_percent,
    parse_number,
    parse_percent,
)
from kpitools.textfold import fold, rx

if TYPE_CHECKING:
    from kpitools.extract.figures import Figure

_B = r"(?<![\w.,/\-])"  # a number starts here
_E = r"(?![\w/]|[.,]\d)"  # and ends here
# the scale word of a range ("11-12 triệu lượt khách": millions), not of an amount of money
_RANGE_MAG = (
    r"(?:\s+(?P<mag>nghìn|ngàn|triệu|tỷ|tỉ)(?!\w)(?!\s*(?:nghìn|ngàn|triệu|tỷ|tỉ|đồng|usd)))?"
)
RANGE = rx(
    rf"(?<!\w)từ\s+(?P<a>{NUM})\s*(?P<pa>%)?\s*(?:đến|tới|-|–|—)\s*(?P<b>{NUM})\s*(?P<pb>%)?{_E}"
    + _RANGE_MAG
)
DASH_RANGE = rx(rf"{_B}(?P<a>{NUM})\s*[-–—]\s*(?P<b>{NUM}){_E}(?!\s*%)" + _RANGE_MAG)
# a unit glued to a number ("88/28ha", "12km")
# a unit or a counted noun glued to the number ("20ha", "9quần chúng", "300con"): a typo
_GLUED_UNIT = (
    r"(?=(?:ha|km2?|km²|m2|m3|m²|m³|m|kg|tấn|con|người|lượt|hộ|đồng\s+chí|quần\s+chúng"
    r"|(?:đảng|đoàn|hội)\s+viên)(?!\w))"
)
# ("7.150/7.000 - 7.500 đảng viên": a result against a planned range, from 7.000 to 7.500)
PAIR = rx(
    rf"{_B}(?P<a>{NUM})\s*/\s*(?P<b>{NUM})"
    rf"(?:\s*[-–]\s*(?P<c>{NUM}){_E}|(?:{_E}|{_GLUED_UNIT})(?!\s*/\s*\d))"
)
# "kết nạp 45 đảng viên/50 chỉ tiêu": a pair with its noun between the numbers, the second
# named as the target
NOUN_PAIR = rx(
    rf"{_B}(?P<a>{NUM})\s+[^\W\d_]+(?:\s+[^\W\d_]+){{0,3}}\s*/\s*(?P<b>{NUM}){_E}"
    r"(?=\s+(?:chỉ\s+tiêu|kế\s+hoạch)(?!\w))"
)
# "46,5 ha/50 ha", "12.400ha/13.000ha", "1.200 con/1.000 con": a result against its plan, the
# same unit written after both numbers
# (a square or cubic measure keeps its power: "3.400 m3/4.000 m3", "12 km2/15 km2")
UNIT_PAIR = rx(
    rf"{_B}(?P<a>{NUM})\s*(?!(?:nghìn|ngàn|triệu|tỷ|tỉ|đồng)(?!\w))"
    r"(?P<u>[^\W\d_]+(?:(?<=m)[23])?(?:\s+[^\W\d_]+)?)\s*/\s*"
    rf"(?P<b>{NUM})\s*(?P=u)(?!\w)"
)
PERCENT = rx(rf"{_B}(?P<a>{NUM})\s*(?:%|phần\s+trăm(?!\w))")
# a range of rates ("5,1 - 5,2%", "từ 36,1 - 36,6%", "từ 6% đến 7%", "là 6 đến 7%"): a
# planned rate, a figure of its own that only a rate stated before it takes as its target
RATE_RANGE = rx(
    rf"(?:(?<!\w)(?:từ|(?<=(?<!\w)là\s))\s*(?P<a>{NUM})\s*%?\s*(?:đến|tới|-|–|—)"
    rf"|{_B}(?P<a2>{NUM})\s*%?\s*[-–—])\s*(?P<b>{NUM})\s*%"
)
# a measure glued to its number ("285.000ha", "642,5ha", "32km", "9.100m"): the number ends there
# ("549,3triệu kWh": a scale word glued to its number, as money's may be)
COUNT = rx(
    rf"{_B}(?P<a>{NUM})(?:\s*(?P<mag>nghìn|ngàn|triệu|tỷ|tỉ)(?!\w))?(?:{_E}|{_GLUED_UNIT})(?!\s*%)"
)
# money: "11,55 tỷ đồng", "1,5 nghìn tỷ đồng", "2.300 triệu đồng", "10.000.000đ", "1,2 tỷ USD"
# ("522 tỷ triệu đồng": a scale word left over from an edit, the first one is read)
MONEY = rx(
    rf"{_B}(?P<a>{NUM})(?:\s*(?P<mag>nghìn|ngàn|triệu|tỷ|tỉ)"
    r"(?:\s+(?P<mag2>tỷ|tỉ)|(?<=t[ỷỉ])\s+triệu(?=\s*đồng(?!\w)))?)?"
    # ("12 đồng chí", "300 đồng bào": comrades, compatriots, no money)
    r"(?:\s*(?P<cur>đồng(?!\s+(?:chí|bào)(?!\w))|đ|vnđ|vnd|usd|\$|đô\s+la(?:\s+mỹ)?"
    r"|(?<=[ỷỉun]\s)dồng)(?!\w)"
    # "gần 48 nghìn tỉ, bằng 138,7% dự toán": a thousand billion with no currency is đồng
    r"|(?(mag2)(?=\s*(?:[,.;:)]|$))|(?!))"
    # "9,5 triệu/người/tháng": millions per head with no currency are đồng
    r"|(?:(?<=triệu)|(?<=nghìn)|(?<=ngàn))(?=\s*/\s*người(?!\w)))"
    # "triệu đồng/người/năm": per head; not "tỷ đồng/dự toán 1.800 tỷ đồng" (against a plan)
    r"(?P<per>(?:\s*/\s*(?!(?:dự|kế|chỉ|mục|kh|ct|nq)(?!\w))[^\W\d_]+(?!\w)){1,3})?"
)
# "152 tỷ 318 triệu đồng": billions and millions written together, one amount (the millions
# may have a decimal: "12 tỷ 450,5 triệu đồng"; dollars too: "2 tỷ 140 triệu USD"); so are
# millions and thousands, "4 triệu 500 nghìn đồng"
MONEY_COMPOUND = rx(
    rf"{_B}(?P<a>\d{{1,3}}(?:\.\d{{3}})*)\s+(?:(?P<mag>tỷ|tỉ)|(?P<millions>triệu))"
    r"\s+(?P<b>\d{1,3}(?:,\d{1,3})?)\s+(?(millions)(?:nghìn|ngàn)|triệu)"
    r"\s*(?P<cur>đồng|đ|vnđ|vnd|usd)(?!\w)(?P<mag2>(?!))?(?P<per>(?!))?"
)
# the same of a count or measure: "3 tỷ 412,5 triệu kWh", "2 triệu 350 nghìn lượt" (one
# amount, not its last part)
COUNT_COMPOUND = rx(
    rf"{_B}(?P<a>\d{{1,3}}(?:\.\d{{3}})*)\s+(?:(?P<mag>tỷ|tỉ)|(?P<millions>triệu))"
    r"\s+(?P<b>\d{1,3}(?:,\d{1,3})?)\s+(?(millions)(?:nghìn|ngàn)|triệu)(?!\w)"
    r"(?!\s*(?:đồng|đ|vnđ|vnd|usd)(?!\w))"
)
# half of a scale after its whole: "79 tỉ rưỡi đồng" is 79,5 tỉ, "2 triệu rưỡi lượt khách" 2,5
# triệu ("rưỡi" is half of the unit before it; a whole number of that unit only); of
# thousands of billions: "2 nghìn rưỡi tỷ đồng" is 2.500 tỷ
MONEY_HALF = rx(
    rf"{_B}(?P<a>\d{{1,3}}(?:\.\d{{3}})*)\s+(?P<mag>nghìn|ngàn|triệu|tỷ|tỉ)\s+rưỡi"
    r"(?:\s+(?P<mag2>tỷ|tỉ)(?!\w))?\s*(?P<cur>đồng|đ|vnđ|vnd|usd)(?!\w)(?P<per>(?!))?"
)
# ("2 nghìn rưỡi tỷ đồng": half of a scale inside a larger one, 2.500 tỷ, not read)
COUNT_HALF = rx(
    rf"{_B}(?P<a>\d{{1,3}}(?:\.\d{{3}})*)\s+(?P<mag>nghìn|ngàn|triệu|tỷ|tỉ)\s+rưỡi(?!\w)"
    r"(?!\s*(?:đồng|đ|vnđ|vnd|usd|nghìn|ngàn|triệu|tỷ|tỉ)(?!\w))"
)
# thousands of billions and billions written together: "140 nghìn 250 tỷ đồng" is 140.250 tỷ
MONEY_THOUSANDS = rx(
    rf"{_B}(?P<a>\d{{1,3}})\s+(?:nghìn|ngàn)\s+(?P<b>\d{{1,3}})\s+(?P<mag>tỷ|tỉ)"
    r"\s*(?P<cur>đồng|đ|vnđ|vnd)(?!\w)(?P<mag2>(?!))?(?P<per>(?!))?"
)
# a decimal comma with a stray space after it, on a scale, right after a verb or qualifier of
# an amount: "đạt 31, 45 tỷ đồng", "là 3, 15 triệu tấn" (not "năm 2021, 22 triệu lượt")
_SPACED_LEAD = (
    r"(?:(?<=đạt\s)|(?<=là\s)|(?<=được\s)|(?<=khoảng\s)|(?<=gần\s)|(?<=hơn\s)|(?<=trên\s)"
    r"|(?<=còn\s)|(?<=thực\shiện\s))"
)
# its whole part may group thousands with points: "thực hiện 1.076, 31 tỷ đồng"
_SPACED_NUMBER = (
    rf"{_SPACED_LEAD}(?P<a>\d{{1,3}}(?:\.\d{{3}})*,\s\d{{1,3}})\s+(?P<mag>nghìn|ngàn|triệu|tỷ|tỉ)"
)
MONEY_SPACED = rx(
    rf"{_SPACED_NUMBER}\s*(?P<cur>đồng|đ|vnđ|vnd|usd)(?!\w)(?P<mag2>(?!))?(?P<per>(?!))?"
)
COUNT_SPACED = rx(rf"{_SPACED_NUMBER}(?!\w)")
# a percentage with a stray space after its decimal comma, two decimals after it, right after
# a verb or a rate's name: "đạt 64, 37%", "chiếm tỷ lệ 12, 48%" (not "các tổ 3, 15%": a list)
PERCENT_SPACED = rx(
    rf"(?:{_SPACED_LEAD}|(?<=bằng\s)|(?<=chiếm\s)|(?<=tỷ\slệ\s)|(?<=tỉ\slệ\s))"
    r"(?P<a>\d{1,3},\s\d{2})\s*%"
)
# a percentage of a plan written without its sign: "đạt 98,31 kế hoạch", "bằng 100,3 KH",
# "(đạt 73,3 kế hoạch năm 2041)": a number with decimals right after "đạt" or "bằng" and right
# before the plan's noun, a reading no count has ("đạt 3 chỉ tiêu": a count of targets); not
# where the plan's own figure follows ("đạt 245,5 kế hoạch 300 tỷ đồng": an amount of the
# plan's unit, its unit left out) nor "KH&CN" (science and technology)
PERCENT_UNSIGNED = rx(
    r"(?:(?<=đạt\s)|(?<=bằng\s))(?P<a>\d{2,3},\d{1,2})"
    r"(?=\s+(?:kế\s+hoạch|kh|dự\s+toán)(?![\w&])(?!\s*\d))"
)
# a range of money: "(1.000-1.100 nghìn tỷ đồng)", "từ 1,5 đến 2 tỷ đồng": both ends in đồng
MONEY_RANGE = rx(
    rf"(?:(?<!\w)từ\s+|{_B})(?P<a>{NUM})\s*(?:[-–—]|\s(?:đến|tới)\s)\s*(?P<b>{NUM})\s*"
    r"(?P<mag>nghìn|ngàn|triệu|tỷ|tỉ)(?:\s+(?P<mag2>tỷ|tỉ))?\s*(?P<cur>đồng|usd)(?!\w)(?P<per>)"
)
# a range of money with both ends written with their unit: "từ 1,5 tỷ đồng đến 2 tỷ đồng"
MONEY_RANGE_UNITS = rx(
    rf"(?<!\w)từ\s+(?P<a>{NUM})\s*(?P<mag>nghìn|ngàn|triệu|tỷ|tỉ)(?:\s+(?P<mag2>tỷ|tỉ))?"
    r"\s*(?P<cur>đồng|usd)\s+(?:đến|tới)\s+"
    rf"(?P<b>{NUM})\s*(?P=mag)(?(mag2)\s+(?P=mag2))\s*(?P=cur)(?!\w)(?P<per>)"
)
# a pair of amounts each written with its unit: "(300 tỷ đồng/500 tỷ đồng)"
MONEY_PAIR = rx(
    rf"{_B}(?P<a>{NUM})\s*(?P<mag>nghìn|ngàn|triệu|tỷ|tỉ)(?:\s+(?P<mag2>tỷ|tỉ))?\s*(?P<cur>đồng|usd)"
    rf"\s*/\s*(?P<b>{NUM})\s*(?P=mag)(?(mag2)\s+(?P=mag2))\s*(?P=cur)(?!\w)(?P<per>)"
)
# the same with the currency written once, after the second: "(376,5 tỷ/600 tỷ đồng)"
MONEY_PAIR_ONCE = rx(
    rf"{_B}(?P<a>{NUM})\s*(?P<mag>nghìn|ngàn|triệu|tỷ|tỉ)\s*/\s*(?P<b>{NUM})\s*(?P=mag)"
    r"\s*(?P<cur>đồng|usd)(?!\w)(?P<mag2>(?!))?(?P<per>)"
)
# an amount written in full over its plan, in đồng: "12.500.000đ/10.000.000đ" (the currency
# after both numbers), "3.120.450.000/2,5 tỷ đồng" (a scale word after the plan only)
MONEY_PAIR_BOTH = rx(
    rf"{_B}(?P<a>{NUM})\s*(?P<cur>đồng|đ|vnđ|vnd)\s*/\s*(?P<b>{NUM})\s*(?P=cur)(?!\w)"
    r"(?P<mag>(?!))?(?P<mag2>(?!))?(?P<per>)"
)
MONEY_PAIR_SCALED = rx(
    rf"{_B}(?P<a>\d{{1,3}}(?:\.\d{{3}}){{2,}})\s*(?:đồng|đ|vnđ|vnd)?\s*/\s*(?P<b>{NUM})\s*"
    r"(?P<scale>nghìn|ngàn|triệu|tỷ|tỉ)\s*(?P<cur>đồng|đ)(?!\w)(?P<mag>(?!))?(?P<mag2>(?!))?"
    r"(?P<per>)"
)
#: How far an amount in full may be from its plan, either way, for the two to be read as a
#: result over its plan: beyond it the scale is not decided and nothing is read
_FULL_PAIR_RATIO = Decimal(100)
_CURRENCY = {"usd": "USD", "$": "USD", "đô la": "USD", "đô la mỹ": "USD"}
# a capitalised word right before a number, as a name of numbered things ("Lô 17")
_LABEL_BEFORE = re.compile(r"(?<!\w)([A-ZĐ][^\W\d_]*) $")
_LABEL_WINDOW = 120
# the word right before a capitalised one (capitalised too: a name of several words)
_WORD_BEFORE = re.compile(r"(?<!\w)([^\W\d_]+) $")


def _numbered_label(text: str, start: int) -> bool:
    """Whether the number at ``start`` follows a capitalised word that names another number
    nearby too (``dự án Lô 17, Lô 10/11 và Lô 12``): a series of names, no figures."""
    m = _LABEL_BEFORE.search(text, max(0, start - 20), start)
    if m is None:
        return False
    before = _WORD_BEFORE.search(text, max(0, m.start() - 20), m.start())
    if before is not None and before.group(1)[0].isupper():
        return False  # "xã Vân Khê 22/20, xã Ngọc Khê 9/8": the last words of two names
    word = re.escape(m.group(1))
    low, high = max(0, start - _LABEL_WINDOW), start + _LABEL_WINDOW
    named = re.finditer(rf"(?<!\w){word} \d", text[low:high])
    return sum(1 for _ in named) > 1


# "khoảng 1/3", "hơn 1/2", "chiếm gần 2/3": a vulgar fraction said of a whole's share
_VULGAR_LEAD = rx(r"(?<!\w)(?:khoảng|chừng|gần|hơn|trên|xấp\s+xỉ|chiếm|bằng)\s*$")


def _vulgar_fraction(text: str, start: int, a: Decimal, b: Decimal) -> bool:
    """Whether the fraction ``a/b`` at ``start`` is a vulgar fraction of a whole (``khoảng
    1/3``, ``chiếm hơn 1/2``): its parts whole, the part below a whole of at most 10, an
    approximation or a share's verb right before it; no result against its target."""
    if not (0 < a < b <= 10) or a != a.to_integral_value() or b != b.to_integral_value():
        return False
    return _VULGAR_LEAD.search(fold(text[max(0, start - 16) : start])) is not None


def _pair_values(m: re.Match[str], text: str) -> tuple[tuple[Decimal, ...], None] | None:
    """The two numbers of a fraction; None for the name of a numbered thing (``Lô 17, Lô
    10/11``) or a vulgar fraction of a whole (``khoảng 1/3 số hộ``)."""
    if _numbered_label(text, m.start("a")):
        return None
    a, b = parse_number(m.group("a")), parse_number(m.group("b"))
    if _vulgar_fraction(text, m.start("a"), a, b) or _day_of_month(text, m, a, b):
        return None
    if _per_population(text, m, a, b) or _score_on_scale(text, m, a, b):
        return None
    if m.groupdict().get("c"):
        c = parse_number(m.group("c"))
        # a planned range rises, within twice its low end; else the fraction alone
        return ((a, b, c) if b < c <= 2 * b else (a, b)), None
    return (a, b), None


# "7,25/10 điểm", "8/10 điểm, xếp loại tốt": a score out of its scale's maximum, then "điểm"
# ending the figure (not "7/10 điểm trường": places; not "điểm phần trăm")
_SCORE_AFTER = rx(r"\s*điểm(?!\w)(?!\s*(?:phần\s+trăm|%))(?P<word>\s+[^\W\d_]+)?")
_SCORE_MAXIMA = frozenset(Decimal(n) for n in (4, 5, 10, 20, 100))
# words that may follow a score's "điểm" and name no place ("đạt 8/10 điểm với …")
_SCORE_TAIL = rx(r"\s+(?:với|trên|theo|và|xếp|đứng|tăng|giảm|cao|thấp|so)$")
# words that say a whole-number fraction before "điểm" is a score ("được chấm 8/10 điểm",
# "tự đánh giá đạt 18/20 điểm", "8/10 điểm, xếp loại khá"); without them "điểm" may be sites
# ("đã lắp đặt 8/10 điểm": points built out of those planned)
_SCORE_WORDS = rx(
    r"(?<!\w)(?:chấm|đánh\s+giá|chỉ\s+số|xếp\s+(?:loại|hạng)|điểm\s+số|thang\s+điểm"
    r"|điểm\s+(?:trung\s+bình|bình\s+quân))(?!\w)"
)
# how far (characters) before the fraction its score words are looked for, in its sentence
_SCORE_WORDS_REACH = 80
_SENTENCE_BREAK = re.compile(r"[.;!?]\s|\n")
_RANKED_AFTER = rx(r"\s*điểm\s*,?\s*(?:được\s+)?xếp\s+(?:loại|hạng)(?!\w)")


def _score_on_scale(text: str, m: re.Match[str], a: Decimal, b: Decimal) -> bool:
    """Whether the fraction ``a/b`` matched by ``m`` is a score on a scale (``3,75/5 điểm``):
    its second number a scale's maximum (4, 5, 10, 20, 100), the first no more, and ``điểm``
    right after it, ending the figure or followed by a word that names no place (``8/10
    điểm trường`` are sites done out of those planned). A decimal score is one whatever
    follows; a whole-number one only with score words near it (:data:`_SCORE_WORDS`:
    ``đã lắp đặt 8/10 điểm`` are sites)."""
    if b not in _SCORE_MAXIMA or a > b:
        return False
    after = _SCORE_AFTER.match(fold(text[m.end("b") : m.end("b") + 24]))
    if after is None:
        return False
    if a != a.to_integral_value():
        return True
    word = after.group("word")
    if word is not None and _SCORE_TAIL.match(word) is None:
        return False
    return _score_words_near(text, m)


def _score_words_near(text: str, m: re.Match[str]) -> bool:
    """Whether score words (:data:`_SCORE_WORDS`) stand before the fraction ``m`` in its
    sentence, or right after its ``điểm`` (``8/10 điểm, xếp loại khá``)."""
    before = text[max(0, m.start() - _SCORE_WORDS_REACH) : m.start()]
    breaks = list(_SENTENCE_BREAK.finditer(before))
    before = before[breaks[-1].end() :] if breaks else before
    after = fold(text[m.end("b") : m.end("b") + 40])
    return bool(_SCORE_WORDS.search(fold(before)) or _RANKED_AFTER.match(after))


# "39,5/100.000 dân", "14/1.000 trẻ sinh sống", "8/10.000 người dân": a rate per a round
# number of people, not a result out of a target
_PER_PEOPLE = rx(
    r"\s*(?:(?P<population>(?:người\s+)?dân(?:\s+số)?|(?:trẻ|ca)\s+(?:đẻ|sinh)(?:\s+sống)?)"
    r"|trẻ(?:\s+em)?|người|phụ\s+nữ)(?!\w)"
)
_ROUND_POPULATIONS = frozenset(Decimal(10) ** k for k in range(2, 7))


def _per_population(text: str, m: re.Match[str], a: Decimal, b: Decimal) -> bool:
    """Whether the fraction ``a/b`` matched by ``m`` is a rate per a round number of people
    (``39,5/100.000 dân``, ``14/1.000 trẻ đẻ sống``): its second number a power of ten from
    a hundred up, people named right after it, and the people a population (``dân``, live
    births, unless after ``cho``: the people a work was done for), or the first number no count
    of them (a decimal) or a twentieth of the second at most; ``980/1.000 trẻ`` may be
    children done out of a round target, and stays a pair, as does one the attainment stated
    right after gives (``45/1.000 trẻ, đạt 4,5% kế hoạch``)."""
    if b not in _ROUND_POPULATIONS:
        return False
    after = fold(text[m.end("b") : m.end("b") + 80])
    named = _PER_PEOPLE.match(after[:24])
    if named is None or _attainment_of(after[named.end() :], a, b):
        return False
    start = m.start("a")
    done_for = _DONE_FOR.search(fold(text[max(0, start - 8) : start])) is not None
    population = bool(named.group("population")) and not done_for
    return population or a != a.to_integral_value() or a * 20 <= b


# ", đạt 40% kế hoạch": the attainment stated right after a fraction and its people
_STATED_AFTER = rx(rf"\s*,?\s*(?:đạt|bằng)(?:\s+tỷ\s+lệ)?\s+(?P<p>{NUM})\s*%")
# "cho 4.000/10.000 người dân": the people a work was done for, a count, no population's rate
_DONE_FOR = rx(r"(?<!\w)cho\s*$")


def _attainment_of(after: str, a: Decimal, b: Decimal) -> bool:
    """Whether the folded ``after`` opens with an attainment that ``a/b`` gives (``, đạt
    40%`` after ``4.000/10.000 người dân``): the people done out of the number planned."""
    stated = _STATED_AFTER.match(after)
    if stated is None:
        return False
    try:
        return bool(check_percent(stated.group("p") + "%", a, b).consistent)
    except NumberFormatError:
        return False


# "ngày 1/5", "dịp lễ 30/4": a day and month after a word of a day
_DAY_LEAD = rx(r"(?<!\w)(?:ngày|quốc\s+khánh|lễ|dịp|tết)\s*$")
# "ngày đóng sổ đăng ký là 7/10": a day named by what happens on it, then its date; not
# "ngày hội số thôn tham gia là 9/12" (a count between) nor "vào 10/12 thôn, đạt 75%" (a
# counted noun or an attainment after)
_DAY_NAMED = rx(r"(?<!\w)(?<!số\s)ngày(?:\s+(?!số(?!\w))[^\W\d_]+){1,6}\s+(?:là|vào)\s*$")
_DAY_NAMED_NOT = rx(r"\s*(?:(?!(?:và|năm)(?!\w))[^\W\d_]|[,;]?\s*đạt(?!\w))")
# "(từ 01/6 đến 31/8/2041)", "từ 01/6 kết thúc 31/8/2041": the first day of a span whose
# last day is written with its year right after it
_SPAN_END = rx(
    r"\s*(?:-|–|đến|tới|kết\s+thúc|và\s+kết\s+thúc)\s*(?:(?:vào\s+)?ngày\s+)?"
    r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*(?:19|20)\d\d(?!\d)"
)


def _day_of_month(text: str, m: re.Match[str], a: Decimal, b: Decimal) -> bool:
    """Whether the fraction ``a/b`` matched by ``m`` is a date (``dịp lễ 30/4``): a day and a
    month after a word of a day, or before the last day of a span (:data:`_SPAN_END`)."""
    if not (0 < a <= 31 and 0 < b <= 12) or a != a.to_integral_value():
        return False
    start = m.start("a")
    if _DAY_LEAD.search(fold(text[max(0, start - 16) : start])) is not None:
        return True
    after = fold(text[m.end("b") : m.end("b") + 40])
    named = _DAY_NAMED.search(fold(text[max(0, start - 60) : start]))
    if named and not _DAY_NAMED_NOT.match(after):
        return True
    return _SPAN_END.match(after) is not None


def values_or_noted(
    doc: Doc, kind: str, m: re.Match[str], start: int
) -> tuple[tuple[Decimal, ...], Percent | None] | None:
    """:func:`_figure_values` of a match; a figure in no number format (``12.723.4``) is
    noted where it is and not read (None), unless it has one reading (:func:`_one_reading`)."""
    try:
        read = _figure_values(kind, m, doc.text)
    except NumberFormatError as err:  # said where, not read, no failure
        read = _one_reading(doc, kind, m, start)
        if read is None:
            doc.note_unread(start, m.end(), str(err.text), err.reason)
        return read
    if kind == "pair" and _SCORE_LEAD.search(doc.fold, max(0, m.start() - 50), m.start()):
        return None  # "đạt điểm thi tuyệt đối 10/10": a score out of its maximum
    if kind == "money" and _comma_among_points(doc.text, m):
        written = doc.text[m.start("a") : m.end("a")]
        doc.note_unread(start, m.end("a"), written, AMBIGUOUS_COMMA)
        return None
    return read


# "điểm thi 8,5/10", "điểm tuyệt đối 10/10": a score, no result against a target
_SCORE_LEAD = rx(
    r"(?<!\w)điểm(?:\s+(?:xét|tuyển|thi|tuyệt|đối|trung|bình|tối|đa|tổng|kết))*\s*(?:là\s+)?$"
)
AMBIGUOUS_COMMA = "two readings: a comma before three digits beside thousands grouped with points"
"""Why an amount such as ``7,250 triệu`` is left unread (:func:`_comma_among_points`)."""
# an amount with one comma before three digits ("7,250"), and one grouped with points
_THREE_AFTER_COMMA = re.compile(r"\d{1,3},\d{3}")
_POINT_GROUPED = rx(
    rf"{_B}(?P<a>\d{{1,3}}(?:\.\d{{3}})+)(?![\d]|[.,]\d)\s*(?P<mag>nghìn|ngàn|triệu|tỷ|tỉ)(?!\w)"
    r"(?:\s*(?P<cur>đồng|đ|usd)(?!\w))?"
)
AMBIGUITY_REACH = 400
"""How far (characters, on its line) a neighbour of an amount's scale word is looked for."""


def _comma_among_points(text: str, m: re.Match[str]) -> bool:
    """Whether the amount ``m`` matched is written with one comma before three digits, the
    last a zero (``7,250 triệu``: a decimal is seldom padded with one), beside an amount of
    the same scale word and currency grouped with points on its line (``31.400 triệu``), the
    comma's two readings apart: with a thousands comma it is of its neighbour's order (within
    ten times), as a decimal a thousandth of that. The points say a decimal, the padded zero
    and the neighbour say thousands: it is left unread, and said."""
    mag, written = m.group("mag"), m.group("a")
    if not mag or m.group("mag2") or not _THREE_AFTER_COMMA.fullmatch(written):
        return False
    if not written.endswith("0"):  # "7,256": no padded zero, a decimal as the style says
        return False
    lo = max(text.rfind("\n", 0, m.start()) + 1, m.start() - AMBIGUITY_REACH)
    hi = text.find("\n", m.end(), m.end() + AMBIGUITY_REACH)
    hi = m.end() + AMBIGUITY_REACH if hi < 0 else hi
    whole, cur = parse_number(written.replace(",", "")), m.group("cur") or ""
    for n in _POINT_GROUPED.finditer(text, lo, hi):
        if (fold(n.group("mag")), fold(n.group("cur") or "")) != (fold(mag), fold(cur)):
            continue
        near = parse_number(n.group("a"))
        if near / 10 <= whole <= near * 10:
            return True
    return False


# "1,591,3 nghìn tỷ": thousands grouped by commas, then a decimal comma (a group of one or
# two digits last); read with a thousands point, it is the one number the figure can be
_MIXED_COMMAS = re.compile(r"\d{1,3}(?:,\d{3})+,\d{1,2}")


def _one_reading(
    doc: Doc, kind: str, m: re.Match[str], start: int
) -> tuple[tuple[Decimal, ...], Percent | None] | None:
    """The values of an amount of :data:`_MIXED_COMMAS` read the one way it can be read
    (``1,591,3 nghìn tỷ đồng`` is 1.591,3 nghìn tỷ), said as read; None for any other
    figure in no number format, or another kind than a money amount."""
    if kind != "money":
        return None
    written = doc.text[start : m.end("a")]
    if not _MIXED_COMMAS.fullmatch(written):
        return None
    head, _, tail = written.rpartition(",")
    fixed = f"{head.replace(',', '.')},{tail}"
    patched = doc.text[:start] + fixed + doc.text[m.end("a") :]
    read = _figure_values(kind, m, patched)
    doc.note_unread(start, m.end("a"), written, "thousands and decimals both with commas", fixed)
    return read


def _figure_values(
    kind: str, m: re.Match[str], text: str
) -> tuple[tuple[Decimal, ...], Percent | None] | None:
    """The numbers a match of ``kind`` states, and its percentage if it is one (None for a
    range of percentages, or one that falls, ``09-1``, which is no figure)."""
    if kind == "rate_range":
        low = parse_number(m.group("a") or m.group("a2"))
        return (low, parse_number(m.group("b"))), None
    if kind in _SCALES_WRITTEN_OUT:
        return _money_values(kind, m), None
    if kind == "range":
        low, high = parse_number(m.group("a")), parse_number(m.group("b"))
        if m.groupdict().get("pa") or m.groupdict().get("pb") or low > high:
            return None  # a range of percentages, or a code ("Lô 09-1"): no figure
        scale = parse_number(f"1 {m.group('mag')}") if m.group("mag") else Decimal(1)
        return (low * scale, high * scale), None
    if kind == "pair":
        return _pair_values(m, text)
    if kind == "money_pair_full":
        return _full_pair_values(m)
    if kind == "money_pair":
        scale = parse_number(f"1 {m.group('mag')}") * (10**9 if m.group("mag2") else 1)
        return (parse_number(m.group("a")) * scale, parse_number(m.group("b")) * scale), None
    if kind in ("percent", "percent_spaced", "percent_unsigned"):
        percent = parse_percent(m.group("a").replace(", ", ","))
        return (percent.value,), percent
    mag = m.group("mag")
    number = text[m.start("a") : m.end("a")].replace(", ", ",")  # "31, 45 tỷ": a stray space
    value = parse_number(number + (f" {mag}" if mag else ""))
    if m.groupdict().get("mag2"):  # "1,5 nghìn tỷ đồng": a thousand billion
        value *= 10**9
    return (value,), None


def _full_pair_values(m: re.Match[str]) -> tuple[tuple[Decimal, ...], None] | None:
    """An amount in full over its plan, in đồng, the plan's scale word applied to the plan
    alone (``3.120.450.000/2,5 tỷ đồng``); None, nothing read, when the two are too far
    apart to be a result and its plan (the scale not decided)."""
    scale = parse_number(f"1 {m.group('scale')}") if m.groupdict().get("scale") else Decimal(1)
    a, b = parse_number(m.group("a")), parse_number(m.group("b")) * scale
    if b <= 0 or not 1 / _FULL_PAIR_RATIO <= a / b <= _FULL_PAIR_RATIO:
        return None
    return (a, b), None


_SCALES_WRITTEN_OUT = (
    "money_range",
    "money_compound",
    "money_thousands",
    "count_compound",
    "money_half",
    "count_half",
)


def _money_values(kind: str, m: re.Match[str]) -> tuple[Decimal, ...]:
    """The amounts, in đồng, of a range of money or of two scales written together (``152
    tỷ 318 triệu đồng``, ``140 nghìn 250 tỷ đồng``), or of a whole and a half of one (``79
    tỉ rưỡi đồng``)."""
    if kind in ("money_half", "count_half"):
        half = (parse_number(m.group("a")) * 2 + 1) * parse_number(f"1 {m.group('mag')}") / 2
        half *= 10**9 if kind == "money_half" and m.group("mag2") else 1  # "nghìn rưỡi tỷ"
        return (half.quantize(Decimal(1)) if half == half.to_integral_value() else half,)
    if kind in ("money_compound", "money_thousands", "count_compound"):
        high, low = parse_number(m.group("a")), parse_number(m.group("b"))
        if kind == "money_thousands":  # thousands of billions, and billions
            return ((high * 1000 + low) * 10**9,)
        if m.group("millions"):  # millions, and thousands
            return (high * 10**6 + low * 10**3,)
        return (high * 10**9 + low * 10**6,)
    scale = parse_number(f"1 {m.group('mag')}") * (10**9 if m.group("mag2") else 1)
    low, high = _range_ends(parse_number(m.group("a")), parse_number(m.group("b")))
    return (low * scale, high * scale)


def _range_ends(low: Decimal, high: Decimal) -> tuple[Decimal, Decimal]:
    """The ends of a range of money in the scale written after it; a low end above the high
    one, that a thousandth of puts just below it, is written in the scale a thousand times
    smaller (``1.000.000-1.200 nghìn tỷ đồng``: 1.000.000 tỷ, 1.000 nghìn tỷ, to 1.200 nghìn
    tỷ)."""
    if low > high and high / 10 < low / 1000 <= high:
        return low / 1000, high
    return low, high


def money_unit(m: re.Match[str]) -> str:
    """The unit of a money figure as written, folded to one spelling: ``tỷ đồng``, ``nghìn
    tỷ đồng``, ``triệu đồng``, ``đồng``, ``triệu USD`` …"""
    cur = " ".join((m.group("cur") or "đồng").split())
    currency = _CURRENCY.get(cur, "đồng")
    written = (m.group("mag"), m.groupdict().get("millions"), m.group("mag2"))
    mags = [{"ngàn": "nghìn", "tỉ": "tỷ"}.get(g, g) for g in written if g]
    per = "".join(f"/{w}" for w in re.findall(r"[^\W\d_]+", m.group("per") or ""))
    return " ".join([*mags, currency + per])


# "1,380 đảng viên": people are counted whole, so a comma before three digits groups them
_GROUPED_BY_COMMA = re.compile(r"\d{1,3}(?:,\d{3})+")
_PEOPLE_AFTER = rx(rf"\s*(?:{COUNTED_NOUNS})(?!\w)")


def whole_people(doc: Doc, fig: Figure) -> None:
    """Read a count of people written with a comma before three digits (``kết nạp 1,380
    đảng viên``) as a whole number: the comma groups thousands, no decimal of a person."""
    if fig.kind != "count" or fig.measure is not None:
        return
    if _GROUPED_BY_COMMA.fullmatch(fig.written.strip()) is None:
        return
    if _PEOPLE_AFTER.match(doc.fold, fig.end, fig.sentence.end) is not None:
        fig.values = (Decimal(fig.written.strip().replace(",", "")),)


# "1.402,736": thousands grouped with a point, then a comma before three digits
_POINT_THEN_COMMA = re.compile(r"\d{1,3}(?:\.\d{3})+,\d{3}")
_NO_NOUN_AFTER = re.compile(r"\s*(?:[,;.)]|$)")


def people_among_people(doc: Doc, figures: list[Figure]) -> None:
    """Read a bare figure ``1.402,736`` between counts of people grouped by commas as whole.

    ``tỉnh A với 614,902 người, …; tỉnh B là 1.402,736, …; tỉnh C là 1,377,140 người``:
    the list's counts group thousands with commas, so the comma of the bare figure between
    them (no word after it) groups thousands too. Only when the counts of people right before
    and after it in its sentence are read whole and the figure so read is of their order.
    """
    people = [
        f
        for f in figures
        if f.kind == "count"
        and _GROUPED_BY_COMMA.fullmatch(f.written.strip())
        and _PEOPLE_AFTER.match(doc.fold, f.end, f.sentence.end)
    ]
    for fig in figures:
        written = fig.written.strip()
        if fig.kind != "count" or fig.measure is not None:
            continue
        if not _POINT_THEN_COMMA.fullmatch(written) or not _NO_NOUN_AFTER.match(doc.fold, fig.end):
            continue
        before = [f for f in people if f.sentence is fig.sentence and f.end <= fig.start]
        after = [f for f in people if f.sentence is fig.sentence and f.start >= fig.end]
        if not before or not after:
            continue
        whole = Decimal(re.sub(r"[.,]", "", written))
        if all(n.values[0] / 10 <= whole <= n.values[0] * 10 for n in (before[-1], after[0])):
            fig.values = (whole,)
