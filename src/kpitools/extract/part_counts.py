"""Whether a count of part of a year counts what the year's plan of a count counts.

``Quý I, quỹ trao hơn 1.200 suất học bổng. … Năm nay, quỹ đặt mục tiêu trao 4.000 suất
học bổng``: the two amounts count one thing, named by the words after their unit word
(``học bổng``) and the measure a sentence names as the subject of ``đạt`` / ``là`` right
before the amount (``học viên nữ đạt trên 300 người``). :func:`same_counted` says so
for :func:`~kpitools.extract.part_year.link_part_year_amounts`, which sets the first against
the second with no percentage, as it does money amounts.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from kpitools.extract.amounts import (
    FULL_STOP,
    MONEY_WORDS,
    NOUN_STOP,
    PART_OF_YEAR,
    Amount,
    amounts_in,
    clause_around,
    head_of_sentence,
)
from kpitools.extract.carried_periods import share_written
from kpitools.textfold import fold, rx

# words that end the name of what is counted after a unit word ("lượt xe đến bến",
# "tấn gạo từ kho", "người tham gia, tăng …"), on top of NOUN_STOP's
_THING_STOP = frozenset(
    fold(w)
    for w in (
        *("đến", "từ", "cho", "gấp", "chiếm", "ước", "dự", "kiến", "mới", "thêm", "tương"),
        *("đương", "bình", "quân", "mỗi", "này", "trên", "dưới", "hơn", "gần", "khoảng"),
        *("toàn", "tỉnh", "huyện", "thành", "phố", "cả", "nước", "lên", "xuống", "còn"),
    )
)
_THING_WORDS = 3
"""How many words after a unit word may name what is counted."""
# units that count no thing: a time, a multiple, a place in a ranking
_NOT_COUNTS = frozenset(
    fold(w) for w in ("tháng", "năm", "ngày", "quý", "tuần", "giờ", "phút", "lần", "điểm", "bậc")
)
# "học viên nữ đạt trên 300 người", "sản lượng điện ước đạt 500 triệu kWh": a measure
# named as the subject of "đạt" / "là" right before the amount
_SUBJECT_BEFORE = rx(
    r"(?P<words>(?:[^\W\d_]+\s+){1,3}?)(?:ước\s+|dự\s+kiến\s+|đã\s+|chỉ\s+|mới\s+)*"
    r"(?:đạt|là)(?:\s+(?:được|khoảng|gần|hơn|trên|xấp\s+xỉ|tới|mức))*\s*$"
)
_WORD = re.compile(r"[^\W\d_]+")


def _thing_after(folded: str, a: Amount) -> list[str]:
    """The words after the unit word of ``a`` that name what it counts (up to three)."""
    kept: list[str] = []
    for m in re.finditer(r"[^\W\d_]+|\S", folded[a.end : a.end + 60]):
        w = m.group()
        if not w.isalpha() or w in NOUN_STOP or w in _THING_STOP or len(kept) == _THING_WORDS:
            break
        kept.append(w)
    return kept


def _subject_before(folded: str, a: Amount) -> list[str]:
    """The measure named as the subject of ``đạt`` / ``là`` right before ``a`` (its words)."""
    head = head_of_sentence(folded, a.start)
    m = _SUBJECT_BEFORE.search(folded, max(head, a.start - 60), a.start)
    if m is None:
        return []
    words = m.group("words").split()
    kept: list[str] = []
    for w in reversed(words):
        if w in NOUN_STOP or w in _THING_STOP:
            break
        kept.insert(0, w)
    return kept


# words skipped back from a count to the verb that counts it ("đã tiếp nhận được hơn 500",
# "đào tạo nghề cho 300"); the last words of a plan cue ("mục tiêu", "kế hoạch", "là")
_BEFORE_SKIPPED = frozenset(
    fold(w)
    for w in (
        *("hơn", "gần", "khoảng", "trên", "được", "đã", "mới", "chỉ", "cho", "thêm", "tới"),
        *("xấp", "xỉ", "ước", "tính", "đạt", "mức", "con", "số", "tổng", "cộng"),
    )
)
_CUE_LAST = frozenset(fold(w) for w in ("tiêu", "hoạch", "đấu", "toán", "là", "giao", "ra"))


def verb_before(folded: str, a: Amount) -> str | None:
    """The word right before ``a`` that says what is done to count it (``đón``, ``nghề``).

    Hedges and particles skipped (``đã đón gần``); None when a plan cue, a mark or a figure
    comes first (``mục tiêu 4.000 …``: no verb named).
    """
    head = head_of_sentence(folded, a.start)
    for w in reversed(
        re.findall(r"[^\W\d_]+|[^\w\s]|\d+", folded[max(head, a.start - 60) : a.start])
    ):
        if w in _BEFORE_SKIPPED:
            continue
        return w if w.isalpha() and w not in _CUE_LAST else None
    return None


# the caches below hold what one window's text gives each of its amounts and sentences, read
# once for all the window's (count, plan) pairs (a count-heavy text asked each many times)
_CACHED = 4096


@functools.lru_cache(maxsize=_CACHED)
def counted_words(folded: str, a: Amount) -> frozenset[str]:
    """The words that name what the count ``a`` counts, before and after it (folded)."""
    return frozenset(_subject_before(folded, a) + _thing_after(folded, a))


@functools.lru_cache(maxsize=_CACHED)
def words_of(folded: str, start: int, end: int) -> frozenset[str]:
    """The words of ``folded[start:end]``."""
    return frozenset(_WORD.findall(folded, start, end))


@functools.lru_cache(maxsize=_CACHED)
def _amounts_of(folded: str, start: int, end: int) -> tuple[Amount, ...]:
    """The amounts of ``folded[start:end]`` (:func:`amounts_in`)."""
    return tuple(amounts_in(folded, start, end))


@functools.lru_cache(maxsize=_CACHED)
def _period_of(period: Callable[[str, Amount], str | None], folded: str, a: Amount) -> str | None:
    """``period(folded, a)``, read once."""
    return period(folded, a)


def sentence_of(folded: str, a: Amount) -> tuple[int, int]:
    """Where the sentence of ``a`` starts and ends (its full stop, or the text's end)."""
    stop = FULL_STOP.search(folded, a.end)
    return head_of_sentence(folded, a.start), stop.start() if stop else len(folded)


def _one_measure(folded: str, a: Amount, words: frozenset[str]) -> bool:
    """Whether every count of ``a``'s unit word in its sentence counts ``words``.

    ``… tuyển 1.800 học viên, trong đó học viên nữ đạt trên 300 học viên``: two
    measures share the unit, so which one a plan of that unit is of, and which its result,
    is not read from the unit.
    """
    return all(
        counted_words(folded, b) == words
        for b in _amounts_of(folded, *sentence_of(folded, a))
        if b.unit[1] == a.unit[1] and b.start != a.start
    )


def is_count(a: Amount) -> bool:
    """Whether the amount ``a`` counts things (a unit word, no money, no time)."""
    word = a.unit[1]
    return bool(word) and word.isalpha() and word not in MONEY_WORDS and word not in _NOT_COUNTS


def same_counted(
    folded: str,
    a: Amount,
    plan: Amount,
    window: Sequence[Amount] = (),
    period: Callable[[str, Amount], str | None] | None = None,
) -> bool:
    """Whether the count ``a`` counts what the plan's count ``plan`` counts.

    The plan's clause names no part of the year (``… trong quý IV``: that part's plan);
    the same unit word after both (its scale read: ``640 nghìn lượt`` and ``3 triệu
    lượt`` may pair); the words that name what each counts (:func:`counted_words`: after the
    unit word, ``lượt xe khách``, or the subject of ``đạt`` / ``là`` before it), not
    none on either side, each all written in the other's sentence (``sản lượng điện`` is no
    ``sản lượng than``; ``học viên nữ`` no ``học viên``), as is the verb right before each
    (:func:`verb_before`: ``hỗ trợ vay vốn cho 400 lao động`` is no result of ``đào tạo
    nghề cho 5.000 lao động``); and in each sentence no other count
    of that unit word that counts something else (:func:`_one_measure`); no percentage
    written that may be its share of the plan (:func:`share_written`: the pair is stated
    with it); and, when ``period`` (the part of the year an amount is of) reads one for
    ``a``, no other value of its unit word for that part in ``window`` (``9 tháng, hội đạt
    42.000 hội viên … Hội viên trẻ 9 tháng đạt 6.000 hội viên``: which one the plan of
    ``hội viên`` is set against, unknown).
    """
    if not is_count(a) or a.unit[1] != plan.unit[1]:
        return False
    if PART_OF_YEAR.search(folded, *clause_around(folded, plan.start, plan.end)):
        return False  # "mục tiêu đón 4 triệu lượt khách trong quý IV": a quarter's plan
    mine, planned = counted_words(folded, a), counted_words(folded, plan)
    if not (mine and planned) or share_written(folded, a, plan):
        return False
    plan_words = words_of(folded, *sentence_of(folded, plan))
    my_words = words_of(folded, *sentence_of(folded, a))
    verbs = (verb_before(folded, a), verb_before(folded, plan))
    return (
        mine <= plan_words
        and planned <= my_words
        and verbs[0] in (None, *plan_words)
        and verbs[1] in (None, *my_words)
        and _one_measure(folded, a, mine)
        and _one_measure(folded, plan, planned)
        and _one_value_of_period(folded, a, window, period)
    )


def _one_value_of_period(
    folded: str,
    a: Amount,
    window: Sequence[Amount],
    period: Callable[[str, Amount], str | None] | None,
) -> bool:
    """Whether ``a`` is the one value of its unit word in ``window`` for its part of the year."""
    if period is None:
        return True
    key = _period_of(period, folded, a)
    if key is None:
        return True
    return {
        b.value for b in window if b.unit[1] == a.unit[1] and _period_of(period, folded, b) == key
    } == {a.value}
