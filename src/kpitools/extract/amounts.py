"""What the document-level passes read in the text around a statement.

The amounts written in folded text (:class:`Amount`: figure, scale and currency), the
measures they are of (:data:`MEASURE_NAMES`, :data:`MEASURE_SYNONYMS`), the sentence, clause
and paragraph they stand in, the years they are of, and whether their words set them out as
a plan (:func:`sets_out_plan`) or a result (:func:`as_result`). Shared by the pass modules (see
:mod:`kpitools.extract.document`); the sentence grammar reads :data:`MEASURE_NAMES`,
:data:`APART_MEASURES` and :func:`plan_kind` from here too. The verdict of a stated percentage
against its figures is in :mod:`kpitools.extract.stated_checks`.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.past_bases import PAST_PERIOD, SAME_PERIOD
from kpitools.extract.target_words import FORECAST_WORDS
from kpitools.extract.text import NUM, PLAN_NOUNS, written_qualifier
from kpitools.numbers import parse_number, round_half_up
from kpitools.textfold import fold, fold_pattern, rx, words_rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement


# --------------------------------------------------------------------------- plan and measure words

OF_A_TARGET = rx(r"(?<!\w)(?:nghị\s+quyết|kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu|dự\s+toán|kh|ct)(?!\w)")
NOUN_STOP = frozenset(
    fold(w)
    for w in [
        *("và", "của", "năm", "cả", "sau", "trong", "đã", "đề", "ra", "được", "giao", "so"),
        *("với", "chỉ", "là", "tại", "ở", "thì", "nhưng", "đạt", "vượt", "tăng", "giảm", "bằng"),
    ]
)
CLAUSE_MARKS = ",;.()\n:"


def noun_of(words: str) -> str | None:
    """The first two words of ``words`` up to a word that names no thing (folded)."""
    kept: list[str] = []
    for w in words.split():
        if len(kept) == 2 or not w.isalpha() or w in NOUN_STOP:
            break
        kept.append(w)
    return " ".join(kept) or None


def measure_completed(s: LinkableStatement, after: str) -> bool:
    """Whether ``s`` is an attainment written as a bare percentage before its measure.

    ``hoàn thành 60% doanh thu``: the plan is the measure's; ``after`` is the folded text
    from the end of ``s``.
    """
    return (
        s.stated_kind == "attainment"
        and s.text.rstrip().endswith("%")
        and after[:1] == " "
        and MEASURE_NAMES_RX.match(after, 1) is not None
    )


MEASURE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "lợi nhuận": (r"lãi(?!\s+(?:suất|vay|tiền|tức|phạt))", r"lnst", r"lntt"),
    "lãi": (r"lợi\s+nhuận", r"lnst", r"lntt"),
    "doanh thu": (r"dtt",),
}
"""Other words for what a plan counts, as patterns of folded text: a plan of ``lợi nhuận``
(profit) is met by a result written ``lãi trước thuế`` (and the other way round), not by
``lãi suất``, ``lãi vay``, ``lãi tiền gửi``, ``lãi tức`` or ``lãi phạt``. Only words that
always mean the same measure in a report are listed."""


def noun_pattern(noun: str) -> re.Pattern[str]:
    """A pattern of folded text for ``noun`` as a whole word or any of its synonyms.

    Examples
    --------
    >>> bool(noun_pattern("lợi nhuận").search("lãi trước thuế gần"))
    True
    >>> bool(noun_pattern("lợi nhuận").search("lãi suất cho vay"))
    False
    """
    words = [re.escape(noun), *(fold_pattern(w) for w in MEASURE_SYNONYMS.get(noun, ()))]
    return re.compile(rf"(?<!\w)(?:{'|'.join(words)})(?!\w)")


def clause_names(text: str, pos: int, noun: str) -> bool:
    """Whether the clause that ends at ``pos`` names ``noun`` (or a synonym) before it."""
    floor = max(0, pos - 200)  # a clause is short: look back a bounded stretch
    start = max(floor, *(m.end() for m in CLAUSE_MARK.finditer(text, floor, pos)), floor)
    return noun_pattern(noun).search(fold(text[start:pos])) is not None


# a mark that ends a clause: not a dot between two letters, inside a name ("Cty.Sao")
CLAUSE_MARK = re.compile(r"[,;()\n:]|(?<![^\W\d_])\.|\.(?![^\W\d_])")


_BUDGET = rx(r"(?<!\w)dự\s+toán(?!\w)")
_GOAL = rx(r"(?<!\w)(?:mục\s+tiêu|phấn\s+đấu)(?!\w)")


def plan_kind(words: str) -> str | None:
    """``budget`` or ``goal`` by the plan the folded ``words`` name (None: neither or both).

    >>> plan_kind("đạt 61,4% dự toán"), plan_kind("mục tiêu phấn đấu"), plan_kind("kế hoạch")
    ('budget', 'goal', None)
    """
    budget, goal = bool(_BUDGET.search(words)), bool(_GOAL.search(words))
    return None if budget == goal else "budget" if budget else "goal"


# --------------------------------------------------------------------------- amounts and plans

PLAN_AMOUNT_WINDOW = 1200
"""How far (characters, within the paragraph) from a percentage its plan amount may be."""
_DONG_SPELLINGS = frozenset({"đ", "dồng"})
SCALES = {"nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}
_SCALED = rx(
    # "một triệu doanh nghiệp": one of a scale, written in a word
    rf"(?<![\w.,/])(?P<a>{NUM}|một(?=\s+(?:nghìn|ngàn|triệu|tỷ|tỉ)(?!\w)))(?![\d%])"
    r"(?:\s*(?P<mag>nghìn|ngàn|triệu|tỷ|tỉ)(?!\w)"
    # ("2.400 m3", "840m", "12.000m3": a square or cubic measure, its power kept, is a
    # measure of its own, not "m"; a measure glued to its number is the word a spaced one has)
    r"(?:\s+(?P<mag2>tỷ|tỉ)(?!\w))?)?(?:\s+(?P<noun>k?m[23²³](?!\w)|[^\W\d_]+)"
    r"|(?P<glued>k?m[23²³]|ha|km|kg|tấn|m)(?!\w))?"
    r"(?!\s*%)"
)
# "kịch bản cơ sở", "phương án kinh doanh khả quan": one of a company's named scenario plans
_SCENARIO_NAME = (
    r"(?:kịch\s+bản|phương\s+án)(?:\s+kinh\s+doanh)?\s+(?P<scenario>"
    # "phương án cơ sở hạ tầng", "… cơ sở vật chất": a base of another kind, no scenario
    r"cơ\s+sở(?!\s+(?:hạ\s+tầng|vật\s+chất|dữ\s+liệu)(?!\w))"
    r"|khả\s+quan|thận\s+trọng|tích\s+cực|tham\s+vọng)(?!\w)"
)
SCENARIO = rx(_SCENARIO_NAME)
# the bodies of the state that assign a plan, named in full ("Thủ tướng Chính phủ", "Hội đồng
# nhân dân tỉnh", "Ủy ban nhân dân thành phố"), the level written after them
_ASSIGNER = (
    r"(?:thủ\s+tướng(?:\s+chính\s+phủ)?|chính\s+phủ|quốc\s+hội"
    r"|(?:hội\s+đồng|ủy\s+ban|uỷ\s+ban)\s+nhân\s+dân(?:\s+(?:tỉnh|thành\s+phố|huyện|xã|phường))?"
    r"|(?:hđnd|ubnd)(?:\s+(?:tỉnh|thành\s+phố|huyện|xã|phường))?)"
)
# who passes a plan: a council or the shareholders' meeting
_PASSER = (
    r"(?<!\w)(?:hội\s+đồng\s+nhân\s+dân|hđnd|quốc\s+hội|đại\s+hội\s+đồng\s+cổ\s+đông|đhđcđ"
    r"|cổ\s+đông)(?!\w)"
)
# a plan set out before its amount, in the amount's sentence ("đặt mục tiêu đón", "hướng tới")
PLAN_CUE = rx(
    r"(?<!\w)(?:mục\s+tiêu|kế\s+hoạch|chỉ\s+tiêu|dự\s+toán|phấn\s+đấu|hướng\s+tới|đề\s+ra"
    # "được giao", "được Trung ương giao", "được UBND tỉnh giao": assigned, the assigner between
    r"|được(?:\s+[^\W\d_]+){0,3}?\s+giao|phân\s+bổ|bố\s+trí"
    # "được Hội đồng nhân dân tỉnh giao là", "đã được Thủ tướng Chính phủ giao": a longer
    # assigner, a body of the state named in full
    rf"|được\s+{_ASSIGNER}\s+giao"
    # "Bộ Tài chính đã giao Kho bạc Nhà nước nhiệm vụ phát hành … với tổng khối lượng": a
    # task assigned, who is given it between (round 168)
    r"|(?<!bàn\s)(?<!chuyển\s)giao(?:\s+cho)?(?:\s+[^\W\d_]+){0,5}?\s+nhiệm\s+vụ"
    # "Hội đồng nhân dân tỉnh quyết nghị thông qua", "được HĐND tỉnh thông qua", "cổ đông …
    # đã thông qua": a plan a council or the shareholders passed
    rf"|{_PASSER}(?:\s+[^\W\d_]+){{0,3}}?\s+(?:đã\s+)?(?:quyết\s+nghị\s+)?thông\s+qua)(?!\w)"
    # "Theo phương án thận trọng, lãi trước thuế dự kiến đạt …": a named scenario's plan
    # framed as a scenario ("theo", "trong", "ở", "với", or opening a clause): not "Nhờ
    # phương án tích cực, …" (proactive measures)
    r"|(?:^|(?<=(?<!\w)theo\s)|(?<=(?<!\w)trong\s)|(?<=(?<!\w)ở\s)|(?<=(?<!\w)với\s)"
    rf"|(?<=[,.;:(])|(?<=[,.;:(]\s)){_SCENARIO_NAME}(?:\s*,)?"
)
# words of a result between the cue and the amount: the amount is a result, not the plan
_RESULT_WORDS = rx(
    r"(?<!\w)(?:đạt|thực\s+hiện|hoàn\s+thành|kết\s+quả|lũy\s+kế|luỹ\s+kế|ước|bằng|vượt|chiếm"
    r"|tăng|giảm|đã(?!\s+(?:được\s+)?(?:giao|đề|đặt|xác|phê|ban|thông|điều|nêu))"
    rf"(?!\s+được\s+{_ASSIGNER}\s+(?:giao|thông\s+qua)))(?!\w)"
)
# "việc sắp xếp 120 đơn vị sự nghiệp (ĐVSN) phải được hoàn thành": the amount due, its
# obligation right after what it counts (an abbreviation of it in brackets allowed)
_MUST_BE_DONE = rx(
    r"(?:\s+[^\W\d_]+){0,3}(?:\s*\([^\W\d_]{1,8}\))?\s+(?:phải|cần)\s+(?:được\s+)?"
    r"(?:hoàn\s+thành|thực\s+hiện\s+xong)(?!\w)"
)
# the amount in brackets right after a plan's name is that plan's amount
BRACKETED_PLAN = rx(
    rf"(?<!\w){PLAN_NOUNS}(?:\s+(?!tăng|giảm|đạt)[^\W\d_]+){{0,5}}"
    r"\s*\(\s*$"
)
# the verb of the plan itself: "phấn đấu đạt", "mục tiêu (phấn đấu) là đạt"
_PLAN_VERB = rx(
    # "được giao thực hiện trồng 550 ha": the work assigned, right after the verb of assigning
    r"(?<=giao)\s+thực\s+hiện(?!\w)"
    # "phấn đấu đến 30/6 sẽ cơ bản hoàn thành": the date the plan is due, then its verb
    r"|\s*(?:phấn\s+đấu\s+)?(?:(?:đến|trước)\s+(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}"
    r"(?:\s*/\s*\d{4})?\s+)?(?:là\s+|sẽ\s+)?(?:cơ\s+bản\s+)?(?:đạt|hoàn\s+thành"
    # "chỉ tiêu là giảm 6% xuống còn 2,4 triệu tấn": a plan set as a fall to an amount
    r"|giảm(?:\s+\d[\d.,]*\s*%)?\s+(?:để\s+|xuống\s+)?còn"
    # "kế hoạch (huyện) giao thực hiện …": the work the plan assigns, no result
    r"|(?:[^\W\d_]+\s+){0,3}?giao\s+thực\s+hiện)(?!\w)"
)
# "phấn đấu doanh thu du lịch của tỉnh đạt 37.500 tỷ đồng": the aim's verb after the
# measure it names
_AIM_CUE = rx(r"phấn\s+đấu|mục\s+tiêu|k[ỳì]\s+vọng")
# (a year may stand among the words: "phấn đấu năm 2041 doanh thu đạt …")
_AIMED_VERB = rx(r"(?:\s+(?:[^\W\d_]+|(?:19|20)\d\d)){1,10}?\s+(?:là\s+|sẽ\s+)?đạt(?!\w)")
# "kế hoạch kinh doanh với chỉ tiêu lợi nhuận dự kiến đạt 40 tỷ đồng": after any plan word,
# the measure it names and an expected verb set out the plan's amount
_PLANNED_VERB = rx(r"(?:\s+[^\W\d_]+){1,10}?\s+dự\s+kiến(?:\s+là)?\s+(?:đạt|ở\s+mức)(?!\w)")


# "phấn đấu năm 2041 đón 78 nghìn lượt khách, với doanh thu đạt 135 tỷ đồng": a later item
# of an aim's list, its measure and its verb after a comma
_LISTED_AIM = rx(
    r",\s*(?:với\s+)?(?:[^\W\d_]+\s+){1,6}?đạt"
    r"(?:\s+(?:khoảng|gần|hơn|trên|xấp\s+xỉ))?\s*$"
)


def _aimed_verb(lead: str, pos: int, *, aim: bool = True) -> re.Match[str] | None:
    """The verb of an aim after the measure it names (``phấn đấu doanh thu … đạt``).

    After a plan word that names no aim (``kế hoạch``, ``chỉ tiêu``), only an expected verb
    (``… lợi nhuận dự kiến đạt``). None when a word of a result comes between (``mục tiêu
    …, tỉnh đã thu đạt`` states a result).
    """
    m = (_AIMED_VERB if aim else _PLANNED_VERB).match(lead, pos)
    if m is None and not aim:
        measured = _PLAN_MEASURE_VERB.match(lead, pos)
        if measured is not None:
            return measured  # a measure's words and the plan's verb, no result between
        m = _PLAN_RESPECTIVE_VERB.match(lead, pos)
    if m is None or _RESULT_WORDS.search(lead, pos, m.end() - 3):
        return None
    return m


# "kế hoạch doanh thu đạt 90 tỷ đồng": a plan word, the measure it names, then its verb
_PLAN_MEASURE_VERB = rx(
    # "kế hoạch kinh doanh năm 2041 với doanh thu đạt …": the plan's measure after "với"
    r"(?:(?:\s+kinh\s+doanh|\s+doanh\s+thu\s+và\s+lợi\s+nhuận)?(?:\s+năm\s+\d{4})?\s+với)?"
    r"\s+(?:tổng\s+)?(?:doanh\s+thu|lợi\s+nhuận|sản\s+lượng|thu\s+ngân\s+sách|kim\s+ngạch)"
    r"(?:\s+(?:trước\s+thuế|sau\s+thuế|thuần|hợp\s+nhất|xuất\s+khẩu))?"
    # "kế hoạch lợi nhuận ước tính đạt …": the plan's amount as estimated
    r"(?:\s+(?:ước\s+tính|dự\s+kiến))?\s+đạt(?!\w)"
)
# "kế hoạch doanh thu và lợi nhuận lần lượt đạt 90 và 9 tỷ đồng": a plan word, the measures
# it names, then the verb that spreads its amounts over them in order
_PLAN_RESPECTIVE_VERB = rx(
    r"(?:\s+[^\W\d_]+){0,12}?\s+lần\s+lượt\s+(?:là\s+|sẽ\s+)?(?:đạt|ở\s+mức|là)(?!\w)"
)
# "xấp xỉ" too: a window folded on its own does not read it as "khoảng" (review of session 32)
AMOUNT_QUALIFIER = rx(
    r"(?<!\w)(?:trên|gần|hơn|khoảng|xấp\s+xỉ|tối\s+thiểu|ít\s+nhất|trở\s+lên)\s*$"
)
SENTENCE_END = re.compile(r"[.!?;:]\s|\n")
FULL_STOP = re.compile(r"[.!?]\s|\n")
PERCENT_BEFORE = rx(r"%\s*(?:so\s+(?:với\s+)?)?$")
# a unit named by its kind and a capitalised name ("huyện Gia Lâm", "Đảng bộ phường Kim Long")
_UNIT_NAMED = re.compile(
    r"(?<!\w)(?:[Đđ]ảng bộ|[Hh]uyện|[Qq]uận|[Tt]hị xã|[Tt]hành phố|[Tt]ỉnh|[Xx]ã|[Pp]hường"
    r"|[Tt]hị trấn|[Đđ]ặc khu)\s+((?:[A-ZĐ\u00c0-\u1ef8][^\W\d_]*\s*)+)"
)


@dataclasses.dataclass(frozen=True)
class Amount:
    """A number written with its scale and the word after it, in a text's coordinates."""

    start: int
    end: int
    value: Decimal
    unit: tuple[str, str]  # (scale words, first word after them), folded


def amounts_in(folded: str, start: int, end: int) -> list[Amount]:
    """The numbers of ``folded[start:end]`` with their scale and the word after it."""
    out = []
    for m in _SCALED.finditer(folded, start, end):
        try:
            value = Decimal(1) if m.group("a") == "một" else parse_number(m.group("a"))
        except ValueError:
            continue
        mags = [g for g in (m.group("mag"), m.group("mag2")) if g]
        for g in mags:
            value *= SCALES[g]
        if mags and value == value.to_integral_value():
            value = round_half_up(value, 0)  # exact: no context's precision to overflow
        scale = " ".join("tỷ" if g == "tỉ" else "nghìn" if g == "ngàn" else g for g in mags)
        noun = (m.group("noun") or m.group("glued") or "").translate(_POWERS)
        if scale and noun in _DONG_SPELLINGS:
            noun = "đồng"  # "17.726 tỷ đ", "913.216,2 tỷ dồng": đồng abbreviated or mistyped
        elif scale == "tỷ" and noun == "triệu" and _SLIPPED_SCALE.match(folded, m.end()):
            noun = "đồng"  # "trên 52 tỷ triệu đồng": no amount is so written, a slip of tỷ
        elif noun == "người" and _WORKERS.match(folded, m.end()):
            noun = "lao"  # "800 người lao động" counts what "800 lao động" counts
        end = m.end()
        if scale and m.group("noun") and _DONG_MEASURE.match(folded, m.start("noun")):
            # "2.000 tỷ doanh thu": a sum of đồng named by its measure, which follows it
            noun, end = "đồng", m.start("noun") - 1
        out.append(Amount(m.start("a"), end, value, (scale, noun)))
    return _shared_currency(folded, _compounds(folded, out))


# "42 tỷ 500 triệu đồng", "3 triệu 250 nghìn đồng": a whole of the larger scale, then fewer
# than a thousand of the next one with the currency: one amount, of the larger scale
_COMPOUND = rx(r"\d{1,3}(?:\.\d{3})*\s+(?:tỷ|tỉ|triệu)\s+\d{1,3}(?:,\d+)?\s+(?:triệu|nghìn|ngàn)")
_NEXT_SCALE = {"tỷ": "triệu", "triệu": "nghìn"}


def _compounds(folded: str, amounts: list[Amount]) -> list[Amount]:
    """The amounts, a compound one (``42 tỷ 500 triệu đồng``) read as one, not two."""
    out: list[Amount] = []
    for b in amounts:
        a = out[-1] if out else None
        m = None if a is None else _COMPOUND.match(folded, a.start)
        if (
            a is not None
            and m is not None
            and a.unit[1] == ""
            and _NEXT_SCALE.get(a.unit[0]) == b.unit[0]
            and b.unit[1] in MONEY_WORDS
            and b.start < m.end() <= b.end
        ):
            out[-1] = Amount(a.start, b.end, a.value + b.value, (a.unit[0], b.unit[1]))
        else:
            out.append(b)
    return out


_POWERS = str.maketrans("²³", "23")
_SLIPPED_SCALE = rx(r"\s+đồng(?!\w)")
_WORKERS = rx(r"\s+lao\s+động(?!\w)")
# measures counted in đồng, named right after a scale with no currency ("150 tỷ lợi nhuận")
_DONG_MEASURE = words_rx(
    (
        "doanh thu",
        "lợi nhuận",
        "lãi trước thuế",
        "lãi sau thuế",
        "lãi ròng",
        "thu ngân sách",
        "thu nội địa",
        "chi ngân sách",
    )
)
_SHARED_CURRENCY_GAP = rx(r"^\s*(?:,|và)\s+(?:[^\W\d_]+\s+){0,5}?$")


def _shared_currency(folded: str, amounts: list[Amount]) -> list[Amount]:
    """The amounts, one written with a scale and no currency taking the next one's.

    ``doanh thu 150 tỷ và lợi nhuận 12 tỷ đồng``: the currency written once after the last
    of two amounts of one scale, joined by ``và`` or a comma and a few words, is both's.
    """
    out = list(amounts)
    for i, (a, b) in enumerate(itertools.pairwise(amounts)):
        if not a.unit[0] or a.unit[1] in MONEY_WORDS or b.unit[1] not in MONEY_WORDS:
            continue
        if a.unit[0] != b.unit[0]:
            continue
        gap = folded[a.start : b.start]
        after = gap[gap.find(a.unit[0]) + len(a.unit[0]) :]
        if _SHARED_CURRENCY_GAP.match(after):
            end = a.start + len(folded[a.start : a.end].rsplit(None, 1)[0])  # not the word
            out[i] = dataclasses.replace(a, end=end, unit=(a.unit[0], b.unit[1]))
    return _sentence_currency(folded, out)


def _sentence_currency(folded: str, amounts: list[Amount]) -> list[Amount]:
    """The amounts, one of billions written with no word after it taking its sentence's currency.

    ``kế hoạch doanh thu 28.000 tỷ đồng; lợi nhuận sau thuế 1.100 tỷ, tăng 31%``: a bare
    ``tỷ`` before a mark or a conjunction is money, in the one currency the sentence's other
    amounts of billions are written in (none, or two currencies: left as written). Alone in
    brackets right after a plan's name (``hoàn thành chỉ tiêu lợi nhuận năm (54 tỷ)``), it
    takes the one currency of all the billions read (``folded``: the window around a
    percentage) when its sentence has none.
    """
    out = list(amounts)
    billions = [b for b in amounts if b.unit[0].endswith("tỷ") and b.unit[1] in MONEY_WORDS]
    everywhere = {b.unit[1] for b in billions}
    for i, a in enumerate(amounts):
        if not a.unit[0].endswith("tỷ") or a.unit[1] or not _BARE_SCALE_END.match(folded, a.end):
            continue
        head = head_of_sentence(folded, a.start)
        stop = FULL_STOP.search(folded, a.end)
        end = stop.start() if stop else len(folded)
        currencies = {b.unit[1] for b in billions if head <= b.start < end}
        if not currencies and _plan_bracket_alone(folded, a):
            currencies = everywhere
        if len(currencies) == 1:
            out[i] = dataclasses.replace(a, unit=(a.unit[0], currencies.pop()))
    return out


def _plan_bracket_alone(folded: str, a: Amount) -> bool:
    """Whether ``a`` stands alone in brackets after a plan's name (``lợi nhuận năm (54 tỷ)``)."""
    return folded[a.end : a.end + 1] == ")" and (
        BRACKETED_PLAN.search(folded, max(0, a.start - 80), a.start) is not None
    )


# a bare scale word ends its figure: a mark, a conjunction or the text's end after it
_BARE_SCALE_END = rx(r"\s*(?:[,;.)]|và(?!\w)|$)")


# "kịch bản tích cực của Chứng khoán ABC", "chuyên gia dự báo": a forecaster's scenario, no plan
_FORECAST = rx(rf"(?<!\w)(?:{FORECAST_WORDS}|chứng\s+khoán|chuyên\s+gia|phân\s+tích)(?!\w)")


def scenario_of(folded: str, pos: int) -> str | None:
    """The scenario (:data:`SCENARIO`) the sentence names last before ``pos``, its words.

    None for a forecaster's (``Theo kịch bản tích cực của Chứng khoán ABC, …``: words of a
    forecast or a forecaster in the sentence before ``pos``), and None too when the sentence
    names no scenario before ``pos``: :func:`sets_out_plan` reads both alike (a scenario cue
    whose scenario this does not return sets out no plan).
    """
    head = head_of_sentence(folded, pos)
    found = list(SCENARIO.finditer(folded, head, pos))
    if not found or _FORECAST.search(folded, head, pos):
        return None
    return " ".join(found[-1].group("scenario").split())


def head_of_sentence(folded: str, pos: int) -> int:
    """Where the sentence around ``pos`` starts (after a full stop or a line end)."""
    stops = [m.end() for m in FULL_STOP.finditer(folded, max(0, pos - 400), pos)]
    return stops[-1] if stops else max(0, pos - 400)


def end_of_sentence(folded: str, pos: int, reach: int) -> int:
    """Where the sentence of ``pos`` ends: its full stop within ``reach`` characters, else there."""
    stop = FULL_STOP.search(folded, pos, pos + reach)
    return stop.start() if stop else min(len(folded), pos + reach)


# "lợi nhuận hợp nhất", "riêng công ty mẹ": a group's consolidated figures or its parent's
_GROUP_SCOPE = rx(r"(?<!\w)(hợp\s+nhất|công\s+ty\s+mẹ)(?!\w)")


def group_scope(folded: str, start: int, end: int) -> str | None:
    """The last of a group's scopes (:data:`_GROUP_SCOPE`) ``folded[start:end]`` names."""
    last = None
    for m in _GROUP_SCOPE.finditer(folded, start, end):
        last = m.group(1).split()[0]
    return last


def clause_head(folded: str, pos: int, floor: int) -> int:
    """Where the sentence (or clause after ``;``/``:``) around ``pos`` starts."""
    return last_end(SENTENCE_END, folded, pos, floor)


# how far back from a figure its sentence's start is looked for: a short reach first, then
# the longest sentence read (text.MAX_SENTENCE_CHARS), so a long line costs each figure no
# more than that (a search from the paragraph's start made a long line quadratic)
_HEAD_REACHES = (200, 2000)


def last_end(pattern: re.Pattern[str], text: str, pos: int, floor: int) -> int:
    """Where the last match of ``pattern`` between ``floor`` and ``pos`` ends.

    ``floor`` if there is none, or the start of the longest reach if none is within it.
    """
    low = pos
    for reach in _HEAD_REACHES:
        low = max(floor, pos - reach)
        ends = [m.end() for m in pattern.finditer(text, low, pos)]
        if ends:
            return ends[-1]
        if low == floor:
            break
    return low


# "So với mức lãi ròng 390 tỷ đồng của năm trước, …": an amount compared with, a base
# (a level named: "so với cùng kỳ 1.730,5 tỷ đồng" is loose wording of a result)
_BASE_BEFORE = rx(r"(?<!\w)so\s+(?:với\s+)?(?:mức|con\s+số)\s+(?:[^\W\d_]+\s+){0,5}?$")


def compared_with(folded: str, a: Amount) -> bool:
    """Whether ``a`` is the base something is compared with, never a result.

    ``So với mức lãi ròng 390 tỷ đồng của năm trước, …``: a level named after ``so với``.
    """
    low = max(clause_head(folded, a.start, max(0, a.start - 200)), a.start - 80)
    return _BASE_BEFORE.search(folded, low, a.start) is not None


def units_named(text: str, start: int, end: int) -> set[str]:
    """The units named by kind and name in ``text[start:end]`` (names only, folded).

    A name is its capitalised words (the pattern's letter range also holds lower-case
    letters with marks: ``tỉnh đã đón`` names no unit).
    """
    out = set()
    for m in _UNIT_NAMED.finditer(text, start, end):
        words = list(itertools.takewhile(lambda w: w[:1].isupper(), m.group(1).split()))
        if words:
            out.add(fold(" ".join(words)))
    return out


# a unit's kind, before its name ("thị xã Bình Lâm") or alone ("thị xã đã giải ngân")
_UNIT_KIND = re.compile(
    r"(?<!\w)(huyện|quận|thị xã|thành phố|tỉnh|(?<!thị )xã|phường|thị trấn)\s+(\w)", re.I
)


def kind_named_back(window: str, head: int, a: Amount, result: tuple[int, int]) -> bool:
    """Whether the result names the one unit of the plan's sentence back by its kind alone.

    ``Theo kế hoạch, thị xã Bình Lâm bố trí 300 tỷ đồng …`` and ``Đến nay, thị xã đã giải
    ngân …``: the plan's sentence names one unit, by kind and name, before the amount; the
    result's sentence names that kind with no name after it (a word in lower case), and no
    unit by name.
    """
    kinds = {m.group(1).lower() for m in _UNIT_KIND.finditer(window, head, a.start)}
    named = [m for m in _UNIT_KIND.finditer(window, head, a.start) if m.group(2).isupper()]
    if len(named) != 1 or len(kinds) != 1:
        return False
    kind = named[0].group(1).lower()
    back = [m for m in _UNIT_KIND.finditer(window, *result) if m.group(1).lower() == kind]
    return bool(back) and all(m.group(2).islower() for m in back)


def same_unit(a: Amount, b: Amount) -> bool:
    """Whether two amounts count the same thing.

    The same word after them (``đồng``, ``lượt``; the scales may differ, ``553 nghìn tỷ
    đồng`` and ``913.216,2 tỷ đồng``, as the values are in units), or the same scale and no
    word.
    """
    return a.unit == b.unit or (bool(a.unit[1]) and a.unit[1] == b.unit[1])


# "250 doanh nghiệp (DN)": the words counted, then their initials in brackets
_WORDS_THEN_BRACKET = rx(
    r"(?P<words>[^\W\d_]+(?:\s+[^\W\d_]+){1,3})\s*\(\s*(?P<abbr>[^\W\d_]{2,5})\s*\)"
)


def _abbreviated_as(folded: str, a: Amount, b: Amount) -> bool:
    """Whether ``a`` counts what ``b`` names by initials given in brackets after ``a``'s words.

    ``250 doanh nghiệp (DN) …, … 80 DN``: the words after ``a`` are followed by the
    abbreviation ``b`` is written with, made of their first letters.
    """
    m = _WORDS_THEN_BRACKET.match(folded, a.end - len(a.unit[1]))
    if m is None or m.group("abbr") != b.unit[1]:
        return False
    return "".join(w[0] for w in m.group("words").split()) == m.group("abbr")


def _people_as(folded: str, a: Amount, b: Amount) -> bool:
    """Whether ``a`` counts people as what ``b`` counts, the noun written after its verb.

    ``150 người đi xuất khẩu lao động`` and ``xuất khẩu 250 lao động``: people counted,
    then, up to three words on and before any punctuation, the two words ``b`` counts.
    """
    if a.unit[1] != "người" or b.unit[1] in ("", "người"):
        return False
    noun = re.split(r"[^\w\s]", folded[b.end - len(b.unit[1]) : b.end + 40], maxsplit=1)[0]
    counted = noun.split()[:2]
    after = re.split(r"[^\w\s]", folded[a.end : a.end + 60], maxsplit=1)[0].split()[:5]
    return len(counted) == 2 and any(after[i : i + 2] == counted for i in range(len(after) - 1))


def counts_alike(folded: str, a: Amount, b: Amount) -> bool:
    """Whether the plan amount ``a`` counts what the result ``b`` counts.

    The same word (:func:`same_unit`), its initials (:func:`_abbreviated_as`) or people
    counted as it (:func:`_people_as`).
    """
    return same_unit(a, b) or _abbreviated_as(folded, a, b) or _people_as(folded, b, a)


# --------------------------------------------------------------------------- measures

MEASURE_NAMES: dict[str, str] = {
    "doanh thu": "doanh thu",
    "tổng doanh thu": "doanh thu",
    "lợi nhuận": "lợi nhuận",
    "lãi trước thuế": "lợi nhuận",
    "lãi sau thuế": "lợi nhuận",
    "lãi ròng": "lợi nhuận",
    "lnst": "lợi nhuận",
    "lntt": "lợi nhuận",
    "dtt": "doanh thu",
    "tổng thu": "tổng thu",
    "thu ngân sách": "thu ngân sách",
    "tổng thu ngân sách": "thu ngân sách",
    "thu nội địa": "thu nội địa",
    "chi ngân sách": "chi ngân sách",
    "xuất khẩu": "xuất khẩu",
    "nhập khẩu": "nhập khẩu",
    "giải ngân": "giải ngân",
    "vốn đầu tư": "vốn đầu tư",
    "khách quốc tế": "khách quốc tế",
    "khách nội địa": "khách nội địa",
}
"""Names of measures a report's plans and results are of, each with its measure (synonyms
share one). A plan amount whose clause names one measure is not the plan of a result whose
clause names another (``kế hoạch lợi nhuận 1.000 tỷ đồng`` is no plan of ``doanh thu đạt 500
tỷ đồng, bằng 50% kế hoạch``, though the figures agree)."""
MEASURE_NAMES_RX = words_rx(MEASURE_NAMES)
APART_MEASURES = frozenset({"doanh thu", "lợi nhuận", "xuất khẩu", "nhập khẩu"})
"""Measures of :data:`MEASURE_NAMES` that are never each other's plan, even in one sentence
(a company's revenue and its profit; exports and imports). Others may be: a disbursement is
set against the capital planned (``vốn đầu tư`` and ``giải ngân``)."""
_CLAUSE_END = re.compile(r"[,;.()\n:]")


def clause_around(folded: str, start: int, end: int) -> tuple[int, int]:
    """The clause(s) holding ``folded[start:end]``, cut at the nearest clause marks.

    At most 200 characters before and 120 after.
    """
    floor = max(0, start - 200)
    head = max(floor, *(m.end() for m in _CLAUSE_END.finditer(folded, floor, start)), floor)
    tail = _CLAUSE_END.search(folded, end, min(len(folded), end + 120))
    return head, tail.start() if tail else min(len(folded), end + 120)


def measures_named(folded: str, start: int, end: int) -> set[str]:
    """The measures named in the clause(s) of ``folded[start:end]`` (see MEASURE_NAMES)."""
    head, stop = clause_around(folded, start, end)
    return {
        MEASURE_NAMES[" ".join(m.group().split())]
        for m in MEASURE_NAMES_RX.finditer(folded, head, stop)
    }


PLAN_MEASURES: dict[str, str] = {"giải ngân": "vốn đầu tư", "tổng thu": "thu ngân sách"}
"""Measures whose plan is named by another measure: the plan of a disbursement is the
investment capital allocated (``đã giải ngân hơn 7.500 tỉ đồng, đạt 36% kế hoạch`` and
``tổng vốn đầu tư công được phân bổ … gần 21.000 tỉ đồng``); the plan of a total revenue is
the budget's revenue (``tổng thu đạt 130 tỷ đồng, vượt 30% dự toán`` and ``dự toán thu ngân
sách được giao là 100 tỷ đồng``)."""


def same_measure(named: set[str], folded: str, a: Amount) -> bool:
    """Whether the amount ``a`` names no measure other than the result's ``named``.

    Or the measure their plan is named by (:data:`PLAN_MEASURES`). An amount with a measure
    named right after it (``40 tỷ đồng lợi nhuận``) is of that one only.
    """
    after = MEASURE_NAMES_RX.match(folded, a.end + 1) if folded[a.end : a.end + 1] == " " else None
    right = after or _measure_right_before(folded, a.start)
    own = (
        {MEASURE_NAMES[" ".join(right.group().split())]}
        if right
        else measures_named(folded, a.start, a.end)
    )
    if not (named and own) or own == named:
        return True
    return own <= named | {PLAN_MEASURES[m] for m in named if m in PLAN_MEASURES}


def _measure_right_before(folded: str, start: int) -> re.Match[str] | None:
    """The measure named right before the amount at ``start``, only a space or a verb between.

    A plan's verb may stand between (``kế hoạch doanh thu đạt 90 tỷ đồng``), and a word
    that qualifies the amount (``mục tiêu doanh thu gần 90 tỷ đồng``).
    ``kế hoạch doanh thu 2.000 tỷ đồng và lợi nhuận 300 tỷ đồng``: each amount is of the
    measure written just before it, not of every measure its clause names.
    """
    last = None
    for m in MEASURE_NAMES_RX.finditer(folded, max(0, start - 30), start):
        last = m
    if last is None or _MEASURE_TO_AMOUNT.fullmatch(folded, last.end(), start) is None:
        return None
    return last


# between a measure and its amount: the year it is of ("doanh thu cả năm nay là", "lợi nhuận
# năm 2031 đạt"), a verb of the plan or result, then a qualifier
_MEASURE_TO_AMOUNT = rx(
    r"(?:\s+(?:cả\s+)?năm(?:\s+(?:nay|(?:19|20)\d\d))?)?"
    r"(?:\s*(?:(?:đạt|là)\s+)?(?:(?:gần|khoảng|hơn|trên)\s+)?|\s*(?:đạt|là)\s*)"
)


# --------------------------------------------------------------------------- periods

YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# "năm 2040", "niên vụ 2040-2041": a year or a span of years a sentence is of
PERIOD = rx(r"(?<!\d)((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)\d\d))?(?!\d)")


def period_of(m: re.Match[str]) -> str:
    """The period a match of :data:`PERIOD` names: ``2040``, or ``2040-2041`` for a span."""
    return m.group(1) + (f"-{m.group(2)}" if m.group(2) else "")


COMPARED = rx(rf"(?<!\w)(?:so\s+với|so(?=\s+năm)|{SAME_PERIOD})(?!\w)")
_PAST = rx(rf"(?<!\w){PAST_PERIOD}(?!\w)")


def _years(folded: str, start: int, end: int) -> set[str]:
    """The years ``folded[start:end]`` is of: those not compared with (``so với năm 2024``)."""
    return {
        m.group()
        for m in YEAR.finditer(folded, start, end)
        if not COMPARED.search(folded, max(start, m.start() - 25), m.start())
    }


# "nhiệm kỳ 2020-2025", "giai đoạn 2026–2030": the term a sentence or a figure is of
TERM_YEARS = rx(
    r"(?<!\w)(?:nhiệm\s+kỳ|giai\s+đoạn)\s+((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})(?!\d)"
)


def _terms(folded: str, start: int, end: int) -> set[tuple[str, str]]:
    """The terms (their two years) ``folded[start:end]`` names."""
    return {(m.group(1), m.group(2)) for m in TERM_YEARS.finditer(folded, start, end)}


def past_named(folded: str, start: int, end: int) -> bool:
    """Whether ``folded[start:end]`` names a past period (not ``so với cùng kỳ``: a base)."""
    return any(
        not COMPARED.search(folded, max(start, m.start() - 12), m.start())
        for m in _PAST.finditer(folded, start, end)
    )


def same_period(folded: str, amount: Amount, result: tuple[int, int]) -> bool:
    """Whether the sentence of ``amount`` is of the period of the result's sentence.

    ``result`` is the (start, end) of the result's sentence. No earlier period may be named
    before the amount (``cùng kỳ năm trước, lãi … 1.000 tỷ đồng``), nor another year
    (``Năm 2024, …`` against ``Năm 2025, …``) or another term (``nhiệm kỳ 2025-2030``
    against ``nhiệm kỳ 2020-2025``).
    """
    head = clause_head(folded, amount.start, 0)
    if past_named(folded, head, amount.start):
        return False  # not "so với cùng kỳ": the base of a change stated before it
    own, theirs = _years(folded, head, amount.start), _years(folded, *result)
    if own and theirs and own.isdisjoint(theirs):
        return False
    # "nhiệm kỳ 2025-2030 đặt chỉ tiêu …" is no plan of a result of the term 2020-2025
    own_terms, their_terms = _terms(folded, head, amount.start), _terms(folded, *result)
    if own_terms and their_terms and own_terms.isdisjoint(their_terms):
        return False
    if _year_plan_against_part(folded, amount, result[1]):
        return False
    return not _month_plan_against_year(folded, amount, result[1])


# "đạt 96% KH quý", "vượt 4% chỉ tiêu tháng": the percentage of a month's or a quarter's plan
_PLAN_OF_MONTH = rx(
    r"(?<!\w)(?:kế\s+hoạch|kh|chỉ\s+tiêu|mục\s+tiêu)(?:\s+của)?\s+(?:tháng|quý)(?!\w)"
)
# "tháng 9", "tháng Hai", "quý III": one month or quarter named; "6 tháng đầu năm", "(12
# tháng)" count months and name none
_MONTH_OR_QUARTER = rx(
    r"(?<!\w)(?:tháng\s+(?:\d{1,2}(?!\d)|giêng|hai|ba|tư|năm|sáu|bảy|tám|chín|mười|chạp)"
    r"|quý\s+(?:[ivx]+|[1-4])(?!\w))"
)


def _month_plan_against_year(folded: str, amount: Amount, end: int) -> bool:
    """Whether a percentage of a month's plan ending the result at ``end`` meets a year's amount.

    ``4.250 thùng, vượt 6% KH tháng`` is of the month's plan: an amount whose sentence
    names no month or quarter (``mục tiêu 6 tháng đầu năm 2041 là 26.000 thùng``, ``kế
    hoạch năm 2041 là 51.000 thùng``) is not it; one of the quarter (``… 900 triệu kWh
    trong quý III``) may be.
    """
    m = _PLAN_OF_MONTH.search(folded, max(0, end - 12), end + 10)
    if m is None or m.end() <= end:
        return False
    return not _MONTH_OR_QUARTER.search(folded, *sentence_span(folded, amount))


# "đạt 72% KH năm", "bằng 64% kế hoạch cả năm": the percentage of the year's plan
_YEAR_PLAN = rf"(?<!\w)(?:{PLAN_NOUNS}|kh)(?:\s+của)?\s+(?:cả\s+)?năm(?!\w)"
_PLAN_OF_WHOLE_YEAR = rx(_YEAR_PLAN)
# "6 tháng đầu năm 2041", "9 tháng", "quý II", "nửa đầu năm": a part of the year (twelve
# months are a year), with the year it is of (not the bare words of :data:`PART_OF_YEAR`)
_YEAR_PART = rx(
    r"(?<!\w)(?:(?:[1-9]|1[01])\s+tháng|quý\s+(?:[ivx]+|[1-4])|nửa\s+(?:đầu|cuối)\s+năm)(?!\w)"
    r"(?:\s+(?:đầu|cuối)\s+năm)?(?:\s*(?:/|năm)\s*(?:19|20)\d\d(?!\d))?"
)
# "kế hoạch cả năm", "chỉ tiêu năm", "cả năm": the plan named the year's after the part
_YEAR_NAMED = rx(rf"{_YEAR_PLAN}|(?<!\w)cả\s+năm(?!\w)")


def _year_plan_against_part(folded: str, amount: Amount, end: int) -> bool:
    """Whether a percentage of the year's plan ending the result at ``end`` meets a part's plan.

    ``… 3.600 tấn, đạt 72% KH năm`` takes no amount whose clause names a part of the year
    before it (``Kế hoạch 6 tháng đầu năm là 2.400 tấn``, ``quý III đặt chỉ tiêu 900 tấn``),
    whether or not its figures fit the percentage, unless the plan is named the year's after
    the part (``Ngay từ quý I, … đặt kế hoạch cả năm 5.000 tấn``: the year's plan, set early).
    """
    if _PLAN_OF_WHOLE_YEAR.search(folded, max(0, end - 12), end + 10) is None:
        return False
    head = clause_head(folded, amount.start, 0)
    parts = list(_YEAR_PART.finditer(folded, head, amount.start))
    return bool(parts) and _YEAR_NAMED.search(folded, parts[-1].end(), amount.start) is None


def of_year(folded: str, amount: Amount, year: int | None) -> bool:
    """Whether the years named before ``amount`` in its sentence (if any) include ``year``.

    ``Năm 2026, công ty đặt kế hoạch …`` is no plan of a result of 2025.
    """
    own = _years(folded, clause_head(folded, amount.start, 0), amount.start)
    return year is None or not own or str(year) in own


def other_sentence(folded: str, a: Amount, b: Amount) -> bool:
    """Whether a full stop (or a line end) comes between the amounts ``a`` and ``b``."""
    lo, hi = (a.end, b.start) if a.start < b.start else (b.end, a.start)
    return FULL_STOP.search(folded, lo, hi) is not None


# --------------------------------------------------------------------------- plans set out

# "mục tiêu (rất khó) này", "kế hoạch đó", "chỉ tiêu nói trên": a plan named back
_PLAN_NAMED_BACK = rx(r"(?:\s+(?!là(?!\w))[^\W\d_]+){0,4}?\s+(?:này|đó|nói\s+trên)(?!\w)")


# "Kế hoạch lãi trước thuế năm nay giảm 12%, còn 900 tỷ đồng", "mục tiêu lãi giảm 12% xuống
# còn 900 tỷ đồng": the level a plan changes to
# "mục tiêu lãi trước thuế tăng 20%, đạt 60 tỷ đồng", "lợi nhuận được kỳ vọng tăng đến 3 lần,
# đạt 82 tỷ đồng": the level reached after the change, after a comma
_PLAN_CHANGED_TO = rx(
    rf"(?P<words>(?:\s+[^\W\d_]+){{0,8}}?)\s+(?:dự\s+kiến\s+)?(?:tăng|giảm)\s+(?:(?:đến|tới)\s+)?"
    rf"(?:{NUM})\s*(?:%|lần(?!\w))"
    r"[^,;.\d]{0,40}?(?:(?:,\s*|\s+)(?:lên|còn|xuống)(?:\s+mức)?|,\s*đạt)"
    r"(?:\s+(?:khoảng|gần|hơn|trên))?\s*$"
)
# "không hoàn thành kế hoạch do lợi nhuận giảm 5% xuống còn …": a cause, a link or a verb of
# a result between the plan word and the change opens a clause of its own, a result's
_CHANGE_OF_ANOTHER_CLAUSE = rx(
    r"(?<!\w)(?:do|vì|nhờ|khi|bởi|nên|nhưng|song|mà|không|chưa|đạt|vượt|hoàn\s+thành"
    r"|thực\s+hiện|đã)(?!\w)"
)


def _plan_changed_to(lead: str, pos: int) -> bool:
    """Whether the plan word ending at ``pos`` is changed by a percentage to the next amount.

    See :data:`_PLAN_CHANGED_TO` (the amount right after ``lead``); the words between the two
    must open no clause of their own.
    """
    m = _PLAN_CHANGED_TO.match(lead, pos)
    return m is not None and _CHANGE_OF_ANOTHER_CLAUSE.search(m.group("words")) is None


# "công ty kỳ vọng doanh thu 8.800 tỷ đồng", "lãi ròng kỳ vọng đạt 95 tỷ đồng": what a body
# hopes to reach, an aim set out as a plan is; not the noun ("vượt kỳ vọng", "như kỳ vọng",
# "chưa đạt kỳ vọng": a result measured against hopes)
_HOPED = rx(r"(?<!\w)k[ỳì]\s+vọng(?!\w)")
_HOPE_AS_NOUN = rx(
    r"(?<!\w)(?:vượt(?:\s+(?:xa|qua|ngoài))?|như|hơn|đạt|mức|với|của|so\s+với|dưới|kém|trên"
    r"|sát|ngoài|thấp\s+hơn|cao\s+hơn)\s*$"
)


def _hopes(lead: str) -> list[re.Match[str]]:
    """The verbs ``kỳ vọng`` of ``lead`` (:data:`_HOPED`), not the noun after a comparison."""
    return [m for m in _HOPED.finditer(lead) if not _HOPE_AS_NOUN.search(lead, 0, m.start())]


def sets_out_plan(folded: str, a: Amount, floor: int, *, qualified: bool = False) -> bool:
    """Whether the sentence of ``a`` sets out a plan just before it, with no result between.

    A verb right after the plan word is the plan's own (``Mục tiêu phấn đấu là đạt tổng sản
    lượng 968.580 tấn``); with ``qualified``, a floor or an approximation before the amount
    (``đặt mục tiêu đón trên 9,1 triệu lượt``) is allowed. A plan of nothing (``kế hoạch
    năm 2041 00 ha``) is none.
    """
    if a.value <= 0:
        return False
    clause = clause_head(folded, a.start, floor)
    if _named_item_of_plans(folded, a, clause, floor, qualified=qualified) or _part_of_plan(
        folded, a, clause, floor, qualified=qualified
    ):
        return True
    head = _labelled_head(folded, _list_item_head(folded, a, clause, floor))
    lead = folded[head : a.start]
    if BRACKETED_PLAN.search(lead):
        return True  # "đạt 56,6% kế hoạch Thủ tướng Chính phủ giao (913.216,2 tỷ đồng)"
    if _MUST_BE_DONE.match(folded, a.end) and not _RESULT_WORDS.search(lead.rsplit(",", 1)[-1]):
        return True  # "việc sắp xếp 120 đơn vị phải được hoàn thành": what is due
    cues = sorted([*PLAN_CUE.finditer(lead), *_hopes(lead)], key=lambda m: m.start())
    if (
        not cues
        or (not qualified and AMOUNT_QUALIFIER.search(lead))
        # "chuyên gia dự báo theo kịch bản tích cực, …": a forecaster's scenario
        or (SCENARIO.match(cues[-1].group()) and scenario_of(folded, a.start) is None)
    ):
        return False
    if PERCENT_BEFORE.search(lead, 0, _run_start(lead, cues)):
        return False  # "đạt 80% kế hoạch, tổ 2 … 25": the plan word is a percentage's
    if _plan_changed_to(lead, cues[-1].end()):
        return True
    back = _PLAN_NAMED_BACK.match(lead, cues[-1].end())
    if back is not None:
        # "Mục tiêu rất khó này cũng góp vào tổng số …": a plan stated before, named
        # by a pronoun, sets no amount of its own unless its verb follows ("… này là đạt")
        return _PLAN_VERB.match(lead, back.end()) is not None
    verb = _PLAN_VERB.match(lead, cues[-1].end())
    if verb is None:
        verb = _cued_verb(lead, cues[-1])
    return _RESULT_WORDS.search(lead, verb.end() if verb else cues[-1].end()) is None


def _cued_verb(lead: str, cue: re.Match[str]) -> re.Match[str] | None:
    """The plan's verb after the measure ``cue`` names, or after a later item of an aim's list.

    ``phấn đấu đón 78 nghìn lượt khách, với doanh thu đạt 135 tỷ đồng``: the items before
    the last hold no word of a result.
    """
    aim = _AIM_CUE.match(cue.group()) is not None
    verb = _aimed_verb(lead, cue.end(), aim=aim)
    if verb is None and aim:
        verb = _LISTED_AIM.search(lead, cue.end())
        if verb is not None and _RESULT_WORDS.search(lead, cue.end(), verb.start()):
            return None
    return verb


def _run_start(lead: str, cues: list[re.Match[str]]) -> int:
    """Where the run of plan words that ends with the last of ``cues`` starts.

    ``đạt 90% mục tiêu kế hoạch …`` names one plan in two words, both the percentage's.
    """
    k = len(cues) - 1
    while k > 0 and not lead[cues[k - 1].end() : cues[k].start()].strip():
        k -= 1
    return cues[k].start()


# "Mục tiêu năm: …", "Kế hoạch 2025: …": a plan's name as the label of what follows
_PLAN_LABEL = rx(
    rf"\W*{PLAN_NOUNS}(?:\s+(?:[^\W\d_]+|(?:19|20)\d\d)){{0,3}}"
    r"\s*:\s*$"
)


def _labelled_head(folded: str, head: int) -> int:
    """The head of the label when the clause at ``head`` follows a plan's name and a colon.

    ``Mục tiêu năm: 500 tỷ đồng doanh thu, 40 tỷ đồng lợi nhuận``: the amounts after the
    colon are the plan's, as if the label opened their clause; else ``head``.
    """
    if folded[head - 2 : head] != ": ":
        return head
    label = clause_head(folded, head - 2, max(0, head - 60))
    return label if _PLAN_LABEL.match(folded, label, head) else head


def _list_item_head(folded: str, a: Amount, head: int, floor: int) -> int:
    """The head of the clause before ``a`` when ``a`` is the next item of a list of plans.

    ``a`` opens a clause after ``;`` with no word of a result in it (``Theo kế hoạch năm
    2025, … trồng mới 12.400ha rừng; 2,5 triệu cây phân tán``); else ``head``.
    """
    if folded[head - 2 : head] != "; " or folded[head : a.start].strip() or head - 2 <= floor:
        return head
    end = SENTENCE_END.search(folded, a.end)
    if _RESULT_WORDS.search(folded, a.end, end.start() if end else len(folded)):
        return head
    return clause_head(folded, head - 2, floor)


# an item of a list named before its amount: a few words, its verb last ("; doanh thu",
# "; và lợi nhuận sau thuế đạt", "; tuyển sinh đào tạo nghề cho")
_ITEM_NAME = rx(r"(?:và\s+)?(?:[^\W\d_]+\s+){1,8}")
_ITEM_VERB = rx(r"(?:đạt|là)\s+$")
# a result's words after an item's amount (a growth of a plan is not one: "tăng 20%")
_RESULT_AFTER_ITEM = rx(
    r"(?<!\w)(?:đạt|thực\s+hiện|hoàn\s+thành|kết\s+quả|lũy\s+kế|luỹ\s+kế|ước|bằng|vượt|chiếm"
    r"|đã)(?!\w)"
)


def _named_item_of_plans(folded: str, a: Amount, head: int, floor: int, *, qualified: bool) -> bool:
    """Whether ``a`` is an item, named before it, of a list whose clause before sets a plan.

    ``HTX đặt mục tiêu sản lượng 1.200 tấn, tăng 10%; doanh thu 45 tỷ đồng; và lợi nhuận
    6 tỷ đồng``: each item after ``;`` names its measure (or the work, ``tuyển sinh cho``)
    in a few words and no figure, period or result word, no result follows its amount, and
    an amount of the clause before is a plan (itself, or an item of the same list).
    """
    if folded[head - 2 : head] != "; " or head - 2 <= floor:
        return False
    lead = folded[head : a.start]
    verb = _ITEM_VERB.search(lead)
    name = lead[: verb.start()] if verb else lead
    if (
        not _ITEM_NAME.fullmatch(name)
        or _RESULT_WORDS.search(name)
        or PART_OF_YEAR.search(name)
        or PLAN_CUE.search(name)
        or (not qualified and AMOUNT_QUALIFIER.search(lead))
    ):
        return False
    end = SENTENCE_END.search(folded, a.end)
    stop = end.start() if end else len(folded)
    cue = PLAN_CUE.search(folded, a.end, stop)  # "…, phấn đấu đưa tỷ lệ … đạt 65%": another plan
    if _RESULT_AFTER_ITEM.search(folded, a.end, cue.start() if cue else stop):
        return False
    return _opens_on_plan(folded, clause_head(folded, head - 2, floor), head - 2, floor, qualified)


def _opens_on_plan(folded: str, start: int, end: int, floor: int, qualified: bool) -> bool:
    """Whether the first amount with a word after it in ``folded[start:end]`` is a plan.

    One amount only: an item's plan is its list's, and the list's first clause sets it (so
    a list of many items is read once down to its head, not once per amount).
    """
    first = next((b for b in amounts_in(folded, start, end) if b.unit[1]), None)
    return first is not None and sets_out_plan(folded, first, floor, qualified=qualified)


# "…, gồm:", "bao gồm:": the parts of the amount before follow the colon
_PARTS_FOLLOW = rx(r"(?<!\w)(?:bao\s+)?gồm\s*:\s*$")


def _part_of_plan(folded: str, a: Amount, head: int, floor: int, *, qualified: bool) -> bool:
    """Whether ``a`` is a part, listed after ``gồm:``, of a plan amount set out before it.

    ``Theo kế hoạch, năm 2041 xã trồng 90 nghìn cây, gồm: 50 nghìn cây keo và 40 nghìn cây
    bạch đàn``: each part counts a share of the plan, so is a plan of its own, when no word
    of a result stands from the colon to it.
    """
    if not _PARTS_FOLLOW.search(folded, max(floor, head - 12), head) or head - 2 <= floor:
        return False
    if _RESULT_WORDS.search(folded, head, a.start) or (
        not qualified and AMOUNT_QUALIFIER.search(folded, head, a.start)
    ):
        return False
    colon = folded.rindex(":", 0, head)
    return _opens_on_plan(folded, clause_head(folded, colon, floor), colon, floor, qualified)


def paragraph(text: str, start: int, end: int, width: int = PLAN_AMOUNT_WINDOW) -> tuple[int, int]:
    """The window around ``start``–``end``: ``width`` characters each side.

    It crosses paragraph ends (a report states its plan in one paragraph and its weekly
    figures in the next ones) and is cut at the nearest line end within its edges.
    """
    low = max(0, start - width)
    if low > 0:
        low = text.find("\n", low, start) + 1 or low
    high = min(len(text), end + width)
    if high < len(text):
        nl = text.rfind("\n", end, high)
        high = nl if nl >= 0 else high
    return low, high


def shifted(a: Amount, by: int) -> Amount:
    """``a`` with its offsets moved by ``by`` (from a window's to the text's)."""
    return dataclasses.replace(a, start=a.start + by, end=a.end + by)


def measure_beside(folded: str, a: Amount) -> str | None:
    """The measure named right after the amount ``a`` or right before it, if any."""
    after = MEASURE_NAMES_RX.match(folded, a.end + 1) if folded[a.end : a.end + 1] == " " else None
    m = after or _measure_right_before(folded, a.start)
    return MEASURE_NAMES[" ".join(m.group().split())] if m else None


def has_qualifier(folded: str, a: Amount) -> bool:
    """Whether the amount ``a`` is written with a qualifier (``trên 9,1 triệu``)."""
    return AMOUNT_QUALIFIER.search(folded, max(0, a.start - 20), a.start) is not None


# --------------------------------------------------------------------------- what a statement names

_PART_OPENS = rx(r"\W*(?:trong\s+đó|riêng|đối\s+với)(?!\w)")


def part_opened(s: LinkableStatement, text: str) -> bool:
    """Whether the sentence of ``s`` opens on a part or a topic of its own (``Đối với``).

    ``Trong đó``, ``Riêng``, ``Đối với vốn vay, …``.

    ``… giải ngân đạt trên 700 tỷ đồng, bằng 80% kế hoạch. Trong đó, vốn ngân sách tỉnh có
    tỷ lệ giải ngân đạt 95%``: the rate is the part's, not the rate of the whole just stated.
    """
    low = max(0, s.start - 200)
    lead = fold(text[low : s.start])
    head = clause_head(lead, len(lead), 0)
    if head == 0 and low > 0:
        return False  # the sentence opens further back than the window
    return _PART_OPENS.match(lead, head) is not None


def plan_measure(s: LinkableStatement, text: str) -> str | None:
    """The measure the plan after a percentage of ``s`` names, if any.

    ``vượt 52% mục tiêu lợi nhuận trước thuế``: ``lợi nhuận``, by :data:`MEASURE_NAMES`.
    """
    after = after_percent(s, text)
    lead = PLAN_WORD_AFTER.match(after)
    m = MEASURE_NAMES_RX.match(after, lead.end()) if lead else None
    return MEASURE_NAMES[" ".join(m.group().split())] if m else None


def after_percent(s: LinkableStatement, text: str) -> str:
    """The folded words after the stated percentage of ``s``.

    The last one its text holds (``đã hoàn thành 86% kế hoạch doanh thu và vượt 5% mục tiêu
    lợi nhuận`` states 5 %).
    """
    at = s.text.rfind(s.stated) if s.stated and s.stated.endswith("%") else -1
    percent = s.text.find("%", max(at, 0))
    return fold(text[s.start + percent + 1 : s.end + 60]) if percent >= 0 else ""


# --------------------------------------------------------------------------- an amount's measure

# "lợi nhuận trước thuế", "lợi nhuận gộp", "doanh thu thuần": the kind of a measure named
# ("lợi nhuận khác", "thu nhập khác": the other items, a kind of their own; "doanh thu (từ)
# hoạt động tài chính": the financial income, as "doanh thu tài chính" is)
MEASURE_KIND = rx(
    r"\s*(?:(?:từ\s+)?hoạt\s+động\s+(?=tài\s+chính|khác))?"
    r"(trước\s+thuế|sau\s+thuế|gộp|thuần|tài\s+chính|hợp\s+nhất|khác)(?!\w)"
)


# "% mục tiêu lợi nhuận trước thuế", "% kế hoạch doanh thu": a plan named by its measure
PLAN_WORD_AFTER = rx(rf"^\s*(?:so\s+(?:với\s+)?)?{PLAN_NOUNS}\s+")


MONEY_WORDS = {"đồng": "đồng", "usd": "USD"}
LEAD_QUALIFIER = rx(r"(?<!\w)(trên|gần|hơn|khoảng|xấp\s+xỉ)\s*$")


# "Với kết quả có được, …", "Như vậy, …": a paragraph about the figures just stated
BACK_REFERENCE = rx(r"^\W*(?:với\s+kết\s+quả|như\s+vậy|qua\s+đó|từ\s+kết\s+quả|cụ\s+thể)(?!\w)")


APART_KINDS = frozenset({fold("tài chính"), fold("gộp"), fold("khác")})
"""Kinds of :data:`MEASURE_KIND` that name another measure than the bare one (``doanh thu
tài chính`` is no revenue planned, ``lợi nhuận gộp`` no profit planned, ``lợi nhuận khác``
the other items)."""


# a mark that ends a clause (:data:`CLAUSE_MARKS`), not a number's decimal comma ("doanh
# thu thuần giảm 38,5% về còn 474 tỷ đồng": 474 is still revenue)
_CLAUSE_MARK_OUTSIDE_NUMBERS = re.compile(r"[;()\n:.]|(?<!\d),|,(?!\d)")


def measure_of_amount(folded: str, a: Amount) -> str | None:
    """The measure name (:data:`MEASURE_NAMES`) an amount of ``folded`` is of, if any.

    The one written right after it (``450 tỷ đồng doanh thu``), else the last named before
    it in its clause (``doanh thu 450 tỷ đồng và lợi nhuận 30 tỷ đồng``: 30 is profit).
    """
    after = MEASURE_NAMES_RX.match(folded, a.end + 1) if folded[a.end : a.end + 1] == " " else None
    if after is not None:
        return after.group()
    floor = max(0, a.start - 200)
    start = last_end(_CLAUSE_MARK_OUTSIDE_NUMBERS, folded, a.start, floor)
    named = list(MEASURE_NAMES_RX.finditer(folded, start, a.start))
    if not named:
        named = _named_before_aside(folded, start, floor) or _named_before_equal(folded, a)
    if not named and _BARE_RESULT_VERB.match(folded, start, a.start):
        # "lợi nhuận giảm 4%, đạt 110 tỷ đồng": a clause of its verb alone goes on the
        # sentence's subject, the measure its clause before names
        head = max([floor, *(m.end() for m in SENTENCE_END.finditer(folded, floor, start))])
        named = list(MEASURE_NAMES_RX.finditer(folded, head, start))[-1:]
        if named and not _CHANGE_AFTER_SUBJECT.match(folded, named[0].end(), start):
            named = []  # "doanh thu từ hoạt động tài chính tăng": a part, not the subject
    return named[-1].group() if named else None


# "doanh thu đạt 12 triệu USD, tương đương 290 tỷ đồng", "… 12 triệu USD (290 tỷ đồng)": the
# amount converted into another currency, right after it
_EQUAL_AFTER_MONEY = rx(
    r"\d[\d.,]*\s*(?:nghìn|ngàn|triệu|tỷ|tỉ)?\s*(?:usd|đồng)\s*"
    r"(?:,\s*tương\s+đương(?:\s+với)?|\()\s*$"
)


def _named_before_equal(folded: str, a: Amount) -> list[re.Match[str]]:
    """The measure of the money amount that ``a`` restates in another currency, if any.

    ``doanh thu đạt 12 triệu USD, tương đương 290 tỷ đồng``: 290 billion is revenue too,
    the measure named in the clause of the amount before it.
    """
    m = _EQUAL_AFTER_MONEY.search(folded, max(0, a.start - 60), a.start)
    if m is None:
        return []
    floor = max(0, m.start() - 200)
    start = max(floor, *(folded.rfind(c, floor, m.start()) + 1 for c in CLAUSE_MARKS))
    return list(MEASURE_NAMES_RX.finditer(folded, start, m.start()))[-1:]


def _named_before_aside(folded: str, start: int, floor: int) -> list[re.Match[str]]:
    """The measure named right before a bracketed aside that ends at ``start``, if any.

    ``doanh thu thuần (trừ phí dịch vụ) là 800 tỷ đồng``: the aside does not end the clause,
    so 800 is of ``doanh thu``; the words inside the brackets name no measure of it.
    """
    if start < 1 or folded[start - 1] != ")":
        return []
    opened = folded.rfind("(", floor, start - 1)
    if opened < 0:
        return []
    low = max(floor, *(folded.rfind(m, floor, opened) + 1 for m in CLAUSE_MARKS))
    named = list(MEASURE_NAMES_RX.finditer(folded, low, opened))
    return named[-1:]


# "lợi nhuận ròng chỉ giảm 4%": the measure as the subject of its change, two words between
_CHANGE_AFTER_SUBJECT = rx(r"(?:\s+[^\W\d_]+){0,2}?\s+(?:tăng|giảm)(?!\w)")


# ", đạt 110 tỷ đồng" / ", lên mức hơn 2.000 tỷ đồng": a clause of a result verb alone
_BARE_RESULT_VERB = rx(
    r"\s*(?:chỉ\s+)?(?:đạt|lên|còn)(?:\s+mức)?(?:\s+(?:khoảng|gần|hơn|trên))?\s*$"
)


def as_result(
    s: LinkableStatement, amount: Amount, folded: str, low: int, text: str, noun: str
) -> LinkableStatement:
    """``s`` with the amount ``amount`` (money, or a count) as its result.

    ``amount`` was found in ``folded``, the window of ``text`` from ``low``; the result takes
    its span, value, qualifier and measure, and ``noun`` opens its label.
    """
    q = LEAD_QUALIFIER.search(folded, max(0, amount.start - 12), amount.start)
    a = shifted(amount, low)
    money = MONEY_WORDS.get(a.unit[1])
    measure = " ".join(w for w in (a.unit[0], money) if w) if money else None
    return dataclasses.replace(
        s,
        start=a.start,
        end=a.end,
        text=text[a.start : a.end],
        actual=a.value,
        target=None,
        label=f"{noun} ({measure})".strip() if measure else noun or s.label,
        qualifier=written_qualifier(text, q, 1, low),
        exact=q is None,
        measure=measure,
    )


PROGRAMME_CHUNK = 1 << 16


def thing_counted(folded: str, a: Amount) -> str | None:
    """What the amount ``a`` counts, in the words after its unit word (``lượt khách``)."""
    return noun_of(re.sub(r"[^\w\s]", " . ", folded[a.end : a.end + 40]))


PART_OF_YEAR = rx(r"(?<!\w)(?:quý|tháng|tuần)(?!\w)")


def sentence_span(folded: str, a: Amount) -> tuple[int, int]:
    """Where the sentence (or clause) of the amount ``a`` starts, and its full stop (or the end)."""
    head = clause_head(folded, a.start, 0)
    stop = FULL_STOP.search(folded, a.end)
    return head, stop.start() if stop else len(folded)


def name_and_kind(folded: str, m: re.Match[str]) -> tuple[tuple[str, str | None], int]:
    """The measure and kind the measure's name ``m`` (:data:`MEASURE_NAMES_RX`) names.

    ``lợi nhuận trước thuế``: (``lợi nhuận``, ``trước thuế``), the kind the one written right
    after the name; where they end.
    """
    k = MEASURE_KIND.match(folded, m.end())
    measure = MEASURE_NAMES[" ".join(m.group().split())]
    return (measure, " ".join(k.group(1).split()) if k else None), k.end() if k else m.end()


def measure_kind(folded: str, a: Amount) -> tuple[str | None, str | None]:
    """The measure (:data:`MEASURE_NAMES`) the amount ``a`` is of and its kind, if named.

    ``lợi nhuận sau thuế 120 tỷ đồng``, ``120 tỷ đồng lợi nhuận sau thuế``: (``lợi nhuận``,
    ``sau thuế``); the kind is the one written right after the measure's name.
    """
    listed = listed_measure(folded, a)
    if listed is not None:
        return listed
    name = measure_of_amount(folded, a) or _bracketed_measure(folded, a)
    if name is None:
        return None, None
    after = folded[a.end + 1 : a.end + 1 + len(name)] == name
    # the name right after the amount is its own, not a later one (``752 tỷ đồng lợi nhuận
    # sau thuế; tăng 24% về lợi nhuận``)
    at = a.end + 1 if after else folded.rfind(name, max(0, a.start - 200), a.start)
    k = MEASURE_KIND.match(folded, at + len(name)) if at >= 0 else None
    kind = " ".join(k.group(1).split()) if k else _NAMED_KINDS.get(" ".join(name.split()))
    if kind is None and at >= 0 and not after:
        kind = _kind_of_pair(folded, at + len(name), a)
    return MEASURE_NAMES.get(" ".join(name.split())), kind


_NAMED_KINDS = {
    fold("lãi trước thuế"): fold("trước thuế"),
    fold("lãi sau thuế"): fold("sau thuế"),
    fold("lãi ròng"): fold("sau thuế"),  # net profit is after tax
}
"""The kind a name of :data:`MEASURE_NAMES` carries in its own words."""


# "tương ứng là", "lần lượt đạt", "lần lượt ở mức": amounts spread over measures named before
RESPECTIVE = rx(r"(?<!\w)(?:tương\s+ứng|lần\s+lượt)(?:\s+(?:là|đạt|ở\s+mức|sẽ\s+đạt))?\s*(?=\d)")
# the joint between two amounts of a list: a comma or "và", nothing else
AMOUNT_JOINT = re.compile(r"\s*(?:,\s*và|,|và)\s*")
# the joint between two measures named before "tương ứng": a comma or "và"
MEASURE_JOINT = rx(r"\s*(?:,\s*và|,|và)\s+")
# what may stand between the last measure of a list and "lần lượt": its verb alone, after
# the firm whose they are ("doanh thu, lợi nhuận của tập đoàn lần lượt là …"; not of a part
# of it, "… của công ty mẹ tương ứng là" (round 102), nor of its owners, "lãi ròng của cổ
# đông công ty" (round 105))
_OWNER = (
    r"của\s+(?:tổng\s+)?(?:tập\s+đoàn|công\s+ty|doanh\s+nghiệp|ngân\s+hàng|đơn\s+vị"
    r"|hợp\s+tác\s+xã|nhà\s+máy|xưởng)(?!\s+(?:mẹ|con)(?!\w))(?:\s+[^\W\d_]+){0,2}\s+"
)
_LIST_VERB = rx(rf"\s*(?:{_OWNER})?(?:(?:đạt|là|ở\s+mức|ước\s+đạt)\s*)?")
_LIST_CLAUSE_END = re.compile(r"[;:]")


def listed_measure(folded: str, a: Amount) -> tuple[str | None, str | None] | None:
    """The measure and kind of ``a`` by its place in a list said respectively, if it is one.

    ``lợi nhuận trước thuế và lợi nhuận sau thuế lần lượt đạt 350 tỷ đồng và 290 tỷ
    đồng``: 350 is the pre-tax profit, 290 the after-tax one (the last name before each is
    the after-tax one). The measures (each maybe with its kind) joined only by commas or
    ``và``, right before ``lần lượt`` / ``tương ứng`` (its verb alone between), in its
    clause; the amounts right after it joined only by commas or ``và``, as many as the
    measures. None when ``a`` is no item of such a list.
    """
    head = head_of_sentence(folded, a.start)
    head = max([head, *(m.end() for m in _LIST_CLAUSE_END.finditer(folded, head, a.start))])
    resp = None
    for m in RESPECTIVE.finditer(folded, head, a.start + 1):
        resp = m
    if resp is None or resp.end() > a.start:
        return None
    run = _list_places(folded, head, resp.start())
    starts = _list_items(folded, resp.end(), len(run)) if len(run) > 1 else []
    if len(starts) != len(run) or a.start not in starts:
        return None
    return run[starts.index(a.start)]


def _list_places(folded: str, head: int, end: int) -> list[tuple[str | None, str | None]]:
    """The measures and kinds of a list, in order, ending right before ``end``.

    Its verb alone between the last and ``end``, the measures joined only by commas or
    ``và``; read back from ``end`` to ``head``.
    """
    run: list[tuple[str | None, str | None]] = []
    for m in reversed(list(MEASURE_NAMES_RX.finditer(folded, head, end))):
        kinds, after = _kinds_after(folded, m.end())
        if not (_LIST_VERB if not run else MEASURE_JOINT).fullmatch(folded, after, end):
            break
        name = " ".join(m.group().split())
        run[:0] = [(MEASURE_NAMES.get(name), k or _NAMED_KINDS.get(name)) for k in kinds]
        end = m.start()
    return run


def _list_items(folded: str, start: int, n: int) -> list[int]:
    """The starts of the amounts right after ``start``, joined only by commas or ``và``.

    Up to ``n + 1`` of them (one more than the list's places tells a longer list).
    """
    items: list[Amount] = []
    for b in amounts_in(folded, start, min(len(folded), start + 300)):
        if not b.unit[1] or len(items) > n:
            break
        if items and not AMOUNT_JOINT.fullmatch(folded, items[-1].end, b.start):
            break
        if not items and b.start != start:
            return []
        items.append(b)
    return [b.start for b in items]


def _kinds_after(folded: str, at: int) -> tuple[list[str | None], int]:
    """The kinds written right after a measure's name at ``at``, in order, and their end.

    ``lợi nhuận trước thuế và sau thuế``, ``lợi nhuận trước và sau thuế``: two kinds;
    ``doanh thu thuần``: one; ``doanh thu``: none (``[None]``).
    """
    pair = _KIND_PAIR.match(folded, at)
    if pair is not None:
        return [f"{pair.group(1)} {fold('thuế')}", f"{pair.group(2)} {fold('thuế')}"], pair.end()
    kinds: list[str | None] = []
    end = at
    while (k := MEASURE_KIND.match(folded, end)) is not None:
        kinds.append(" ".join(k.group(1).split()))
        end = k.end()
        joint = MEASURE_JOINT.match(folded, end)
        if joint is None or MEASURE_KIND.match(folded, joint.end() - 1) is None:
            break
        end = joint.end() - 1
    return kinds or [None], end


# "lợi nhuận trước và sau thuế lần lượt đạt 200 và 160 tỷ đồng": two kinds, in order
_KIND_PAIR = rx(r"\s*(trước|sau)(?:\s+thuế)?\s+và\s+(trước|sau)\s+thuế(?!\w)")


def _kind_of_pair(folded: str, at: int, a: Amount) -> str | None:
    """The kind of the amount ``a`` after a measure named with two kinds at ``at``.

    ``lợi nhuận trước và sau thuế … 200 … và 160``: the first kind for the first amount
    after them, the second for a later one.
    """
    m = _KIND_PAIR.match(folded, at)
    if m is None or m.end() > a.start:
        return None
    later = any(c.isdigit() for c in folded[m.end() : a.start])
    return f"{m.group(2) if later else m.group(1)} {fold('thuế')}"


def _bracketed_measure(folded: str, a: Amount) -> str | None:
    """The measure of a plan's amount in brackets after the plan's name, if named.

    ``doanh thu thuần đạt 8.000 tỷ đồng, hoàn thành 80% kế hoạch (10.000 tỷ đồng)``: the
    last measure its sentence names before it.
    """
    head = clause_head(folded, a.start, max(0, a.start - 300))
    if not BRACKETED_PLAN.search(folded, head, a.start):
        return None
    named = list(MEASURE_NAMES_RX.finditer(folded, head, a.start))
    return named[-1].group() if named else None
