"""The audit of a growth against the change or the base written beside it, in its sentence.

``… đạt 2.430 tấn, tăng 310 tấn (tăng 18%)``: 310 on 2.120 is 14,6 %, which no value within
the rounding of the written figures makes 18 %. Read here (each only when the level, the
change or the base count the same thing, no plan stands in for the period compared with,
and both percentages name the same period when both do):

* the change before the percentage: ``A, tăng|giảm N [so với …] (tăng X%)``, ``…, tương
  đương giảm X%``, ``…, tỷ lệ tăng đạt X%``, ``…, đạt Y% kế hoạch (tăng X% …)``;
* the change after it: ``A[, đạt Y% …], tăng X% [so với …] (+N)``, ``(tăng N)``, ``–
  tương đương N``, ``giảm X% với N … so với …``;
* the two levels after it: ``giảm X%, từ B xuống A``, ``tăng X%, từ B lên A``;
* the base in brackets after the period, the period named again: ``A, tăng X% so với năm
  2040 (năm 2040 đạt B)``.

Each figure may lie anywhere within half its last written digit; ``hơn`` and ``trên`` bound
it from below only (``hơn 18.945`` and any level above it); ``gần``, ``khoảng`` and their
like leave it free, and the growth unchecked. A percentage that a rounding of some value in
those ranges gives is consistent; one that only cutting gives is ``truncated``; else
``inconsistent``.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from kpitools.extract.amounts import SCALES, Amount, amounts_in
from kpitools.extract.figures import Figure
from kpitools.extract.notes import noted, seg
from kpitools.extract.text import NUM, Doc
from kpitools.numbers import parse_number, round_half_up
from kpitools.textfold import rx

_QUAL = r"(?:hơn|trên|gần|khoảng|xấp\s+xỉ|chừng)"
# what a growth is compared with: words and years, no bracket, comma or percentage
_PERIOD = r"[^\W\d_]+(?:\s+(?:[^\W\d_]+|\d{1,2}/\d{4}|(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?))*?"
_VERB = r"tăng|giảm"
_LIKE = r"tương\s+(?:đương|ứng)(?:\s+với)?"

# between a change and the percentage after it (the change's noun first)
_CHANGE_THEN_PERCENT = rx(
    rf"(?P<noun>(?:\s+[^\W\d_]+){{0,3}}?)(?:\s+so\s+với\s+(?P<since>{_PERIOD}))?"
    r"(?:"
    rf"\s*\(\s*(?:(?P<v1>{_VERB})\s+)?"
    rf"|\s*,\s*(?:{_LIKE}\s+)?(?:tỷ|tỉ)\s+lệ\s+(?P<v2>{_VERB})(?:\s+(?:đạt|là))?\s+"
    rf"|\s*,\s*{_LIKE}\s+(?:(?:mức\s+)?(?P<v3>{_VERB})\s+)?"
    rf"|\s*,\s*(?:đạt|bằng)\s+(?:{NUM})\s*%(?:\s+[^\W\d_]+){{0,6}}\s*\(\s*(?P<v4>{_VERB})\s+"
    r")"
)
# between a level and the change after it
_LEVEL_THEN_CHANGE = rx(
    rf"(?P<noun>(?:\s+[^\W\d_]+){{0,3}}?)\s*,\s*(?P<verb>{_VERB})(?:\s+thêm)?\s*(?P<q>{_QUAL}\s+)?"
)
# between a level and the growth after it: its measure named, an attainment between
_LEVEL_THEN_PERCENT = rx(
    rf"(?P<noun>(?:\s+[^\W\d_]+){{0,8}}?)\s*,\s*"
    rf"(?:(?:đạt|bằng|vượt)\s+(?:{NUM})\s*%(?:\s+(?:[^\W\d_]+|(?:19|20)\d\d)){{0,10}}"
    r"(?:\s*\([^()%]*\))?\s*(?:,\s*|và\s+|,\s*và\s+))?"
    rf"(?:và\s+)?(?P<verb>{_VERB})\s*"
)
# between a growth and the change after it
_PERCENT_THEN_CHANGE = rx(
    rf"(?:\s+so\s+với\s+(?P<since>{_PERIOD}))?"
    r"(?:"
    rf"\s*\(\s*(?:(?P<sign>[+\-–])\s*|(?P<v1>{_VERB})(?:\s+thêm)?\s+"
    rf"|{_LIKE}\s+(?:(?P<v2>{_VERB})\s+)?(?:thêm\s+)?)"
    rf"|\s*[,\-–]\s*{_LIKE}\s+(?:(?P<v3>{_VERB})\s+)?(?:thêm\s+)?"
    r"|\s+với\s+"
    rf")(?P<q>{_QUAL}\s+)?"
)
# between a growth and the level it started from
_PERCENT_THEN_FROM = rx(rf"\s*,?\s*từ\s+(?:mức\s+)?(?P<q>{_QUAL}\s+)?")
_FROM_THEN_TO = rx(
    r"(?P<noun>(?:\s+[^\W\d_]+){0,2}?)\s+(?P<dir>lên|xuống)(?:\s+(?:còn|mức|đến|tới))?"
    rf"\s+(?P<q>{_QUAL}\s+)?"
)
# between a growth and its base in brackets, the period named again in them
_PERCENT_THEN_BASE = rx(
    rf"\s+so\s+với\s+(?P<since>{_PERIOD})\s*\(\s*(?P<again>{_PERIOD})\s*(?:đạt|là|:)\s+"
    rf"(?P<q>{_QUAL}\s+)?"
)
# words that end a level's noun, or say a change is of another kind
_NOT_NOUN = frozenset(
    (
        "tăng",
        "giảm",
        "so",
        "với",
        "lên",
        "xuống",
        "đạt",
        "là",
        "và",
        "từ",
        "còn",
        "tương",
        "trong",
        "đó",
        "riêng",
        "chiếm",
        "bằng",
        "vượt",
        "của",
        "mỗi",
        "trên",
        "hơn",
        "gần",
    )
)
_PLAN = rx(
    r"(?<!\w)(?:kế\s+hoạch|chỉ\s+tiêu|dự\s+toán|mục\s+tiêu|nghị\s+quyết|kh|bình\s+quân"
    r"|trung\s+bình|cả\s+nước|toàn\s+quốc|k[ỳì]\s+vọng|dự\s+báo)(?!\w)"
)
_MONEY = frozenset(("đồng", "usd", "đô", "euro", "yên", "nhân"))
_AMOUNT = rx(
    rf"(?P<n>{NUM})(?:\s+(?P<s1>nghìn|ngàn|triệu|tỷ|tỉ)"
    r"(?:\s+(?P<n2>\d{1,3}(?:,\d+)?)\s+(?P<s2>triệu|nghìn|ngàn))?)?"
)
_REACH = 320
"""How far (characters) before a percentage its level may be written."""


def change_checks(doc: Doc, p: Figure) -> dict[str, Any]:
    """The check of the growth ``p`` against what its sentence writes beside it.

    The change, the two levels or the base of the module's readings; {} when none is
    written so.
    """
    percent = p.percent
    if percent is None or p.qualifier or not percent.value:
        return {}
    low = max(p.sentence.start, p.start - _REACH)
    before = _figures(doc, low, p.start)
    after = _figures(doc, p.end, p.sentence.end)
    for reading in (_change_before, _change_after, _from_to, _base_after):
        found = reading(doc, p, before, after)
        if found is not None:
            kind, verb, level, other = found
            return _verdict(kind, verb == "giảm", level, other, percent.value, percent.decimals)
    return {}


# a number that is a percentage's ("100,13%"), or a year's ("năm 2040", "2018-2019")
_PERCENT_NUMBER = rx(rf"(?:{NUM})\s*%")
_YEAR = rx(r"(?:19|20)\d\d(?!\d|[.,]\d)")
_YEAR_BEFORE = rx(r"(?:(?<!\w)(?:năm|vụ|kỳ)\s+|[-–/]\s*)$")
_YEAR_AFTER = rx(r"\s*[-–/]\s*\d")


def _figures(doc: Doc, start: int, end: int) -> list[Amount]:
    """The amounts of ``doc.fold[start:end]`` whole, no percentage or year among them."""
    out = []
    for a in amounts_in(doc.fold, start, end):
        if a.end > end or not _AMOUNT.match(doc.fold, a.start):
            continue  # "một triệu": one of a scale, in a word
        if _PERCENT_NUMBER.match(doc.fold, a.start):
            continue
        year = _YEAR.match(doc.fold, a.start)
        if (
            year
            and not a.unit[0]
            and (
                _YEAR_BEFORE.search(doc.fold, max(0, a.start - 8), a.start)
                or _YEAR_AFTER.match(doc.fold, year.end())
            )
        ):
            continue
        out.append(a)
    return out


_INFINITY = Decimal("Infinity")
# the qualifiers that bound a figure from below (any other leaves it free: "gần 53 tỉ" is
# loose wording for an increase, which round 11 keeps unchecked)
_FLOOR_WORDS = frozenset(("hơn", "trên"))


class _Written:
    """A figure as written.

    Its value, the end of its number and scale words, the noun after them, and the range
    (``low``, ``high``) its rounding and qualifier leave it (``high`` may be infinite).
    """

    def __init__(self, doc: Doc, a: Amount, qual: str | None) -> None:
        m = _AMOUNT.match(doc.fold, a.start)
        assert m is not None
        self.value = a.value
        self.end = m.end()
        self.scale = m.group("s1") or ""
        word = re.match(r"\s+([^\W\d_]+)", doc.fold[self.end : self.end + 40])
        self.noun = word.group(1) if word and word.group(1) not in _NOT_NOUN else ""
        half = _half(m, a.value)
        q = " ".join((qual or "").split())
        self.low = a.value if q in _FLOOR_WORDS else Decimal(0) if q else a.value - half
        self.high = _INFINITY if q else a.value + half

    @property
    def free(self) -> bool:
        """Whether a qualifier leaves the figure unbounded both ways (``khoảng``)."""
        return self.low == 0 and self.high.is_infinite()

    def alike(self, other: _Written) -> bool:
        """Whether two figures count the same thing.

        The same noun, or the same scale of money with its currency written once
        (``35.080 tỷ đồng, tăng 3.700 tỷ (12%)``).
        """
        if self.noun and self.noun == other.noun:
            return True
        if self.scale and other.scale and not (self.noun and other.noun):
            return (self.noun or other.noun) in _MONEY or not (self.noun or other.noun)
        return False


Reading = tuple[str, str, "_Written", "_Written"]


def _half(m: re.Match[str], value: Decimal) -> Decimal:
    """Half the last written digit of an amount (:data:`_AMOUNT`), in its units.

    Of the smaller scale of a compound one (``331 tỷ 273 triệu``: half a million).
    """
    if m.group("s2"):
        return Decimal("0.5") * SCALES[m.group("s2")]
    number = m.group("n")
    written = parse_number(number)
    decimals = len(number.rsplit(",", 1)[1]) if "," in number else 0
    return Decimal(5).scaleb(-decimals - 1) * (value / written if written else 1)


def _qualifier(doc: Doc, a: Amount) -> str | None:
    m = re.search(rf"(?<!\w)({_QUAL})\s+$", doc.fold[max(0, a.start - 16) : a.start])
    return m.group(1) if m else None


def _same_period(first: str | None, second: str | None) -> bool:
    """Whether two comparisons name one period (either unnamed), and neither is a plan."""
    named = [" ".join(x.split()) for x in (first, second) if x]
    if any(_PLAN.search(x) for x in named):
        return False
    return len(set(named)) <= 1


def _change_before(
    doc: Doc, p: Figure, before: list[Amount], after: list[Amount]
) -> Reading | None:
    """``A, tăng N [so với …] (tăng X% [so với …])``: the level and the change before."""
    if len(before) < 2:
        return None
    level = _Written(doc, before[-2], _qualifier(doc, before[-2]))
    change = _Written(doc, before[-1], _qualifier(doc, before[-1]))
    head = _LEVEL_THEN_CHANGE.fullmatch(doc.fold, level.end, before[-1].start)
    tail = _CHANGE_THEN_PERCENT.fullmatch(doc.fold, change.end, p.start)
    if head is None or tail is None or not level.alike(change):
        return None
    verb = head.group("verb")
    said = next((tail.group(g) for g in ("v1", "v2", "v3", "v4") if tail.group(g)), verb)
    own = _PERIOD_AFTER.match(doc.fold, p.end)
    if said != verb or not _same_period(tail.group("since"), own.group("since") if own else None):
        return None
    return ("by", verb, level, change)


_PERIOD_AFTER = rx(rf"\s+so\s+với\s+(?P<since>{_PERIOD})(?=\s*[),;.]|\s*$)")


def _change_after(doc: Doc, p: Figure, before: list[Amount], after: list[Amount]) -> Reading | None:
    """``A[, đạt Y% …], tăng X% [so với …] (+N)``: the level before, the change after."""
    tail = _PERCENT_THEN_CHANGE.fullmatch(doc.fold, p.end, after[0].start) if after else None
    found = _level_before(doc, p, before) if tail is not None else None
    if tail is None or found is None:
        return None
    level, head = found
    change = _Written(doc, after[0], tail.group("q"))
    verb = head.group("verb")
    sign = tail.group("sign")
    said = next((tail.group(g) for g in ("v1", "v2", "v3") if tail.group(g)), None)
    if sign:
        said = "tăng" if sign == "+" else "giảm"
    if (said and said != verb) or not level.alike(change):
        return None
    rest = doc.fold[change.end : _clause_end(doc, change.end, p.sentence.end)]
    if rest.lstrip().startswith("/") or not _same_period(tail.group("since"), _since(rest)):
        return None
    return ("by", verb, level, change)


def _since(rest: str) -> str | None:
    """The period a change's clause compares with, after its noun (``… so với năm 2040``)."""
    m = re.search(r"(?<!\w)so\s+với\s+", rest)
    if m is None:
        return None
    return " ".join(rest[m.end() :].split()) or None


def _clause_end(doc: Doc, pos: int, end: int) -> int:
    m = re.compile(r"[,;.()]").search(doc.fold, pos, end)
    return m.start() if m else end


def _level_before(
    doc: Doc, p: Figure, before: list[Amount]
) -> tuple[_Written, re.Match[str]] | None:
    """The level a growth is of, and the words from it to the growth.

    The last amount before it, or the one before that with an attainment's bracket between
    (``hơn 950 tỷ đồng, đạt 108% dự toán (tăng 70 tỷ đồng), tăng 21%``); the words are
    :data:`_LEVEL_THEN_PERCENT`'s.
    """
    for a in before[-2:][::-1]:
        level = _Written(doc, a, _qualifier(doc, a))
        head = _LEVEL_THEN_PERCENT.fullmatch(doc.fold, level.end, p.start)
        if head is not None and not _NOT_LEVEL_NOUN.intersection(head.group("noun").split()):
            return level, head
    return None


# words that say the figure before a growth is not its level ("… trong đó nữ tăng 5%")
_NOT_LEVEL_NOUN = frozenset(("trong", "riêng", "chiếm", "so", "với", "gồm", "của", "mỗi"))


def _from_to(doc: Doc, p: Figure, before: list[Amount], after: list[Amount]) -> Reading | None:
    """``giảm X%, từ B xuống A``: the base and the level after the percentage."""
    if len(after) < 2:
        return None
    verb = re.search(rf"(?<!\w)({_VERB})\s*$", doc.fold[max(0, p.start - 12) : p.start])
    opened = _PERCENT_THEN_FROM.fullmatch(doc.fold, p.end, after[0].start)
    if verb is None or opened is None:
        return None
    base = _Written(doc, after[0], opened.group("q"))
    to = _FROM_THEN_TO.fullmatch(doc.fold, base.end, after[1].start)
    if to is None:
        return None
    base.noun = to.group("noun").split()[0] if to.group("noun").strip() else ""
    level = _Written(doc, after[1], to.group("q"))
    if not level.alike(base):  # the direction: checked with the figures (_possible)
        return None
    return ("from", verb.group(1), level, base)


def _base_after(doc: Doc, p: Figure, before: list[Amount], after: list[Amount]) -> Reading | None:
    """``A, tăng X% so với năm 2040 (năm 2040 đạt B)``: the base in brackets.

    Its period named again, as the one compared with.
    """
    m = _PERCENT_THEN_BASE.fullmatch(doc.fold, p.end, after[0].start) if after else None
    found = _level_before(doc, p, before) if m is not None else None
    if m is None or found is None:
        return None
    level, head = found
    if " ".join(m.group("since").split()) != " ".join(m.group("again").split()):
        return None
    if _PLAN.search(m.group("since")):
        return None
    base = _Written(doc, after[0], m.group("q"))
    close = re.match(r"(?:\s+[^\W\d_]+){0,2}\s*\)", doc.fold[base.end : base.end + 40])
    if close is None or not level.alike(base):
        return None
    return ("from", head.group("verb"), level, base)


def _verdict(
    kind: str, fall: bool, level: _Written, other: _Written, stated: Decimal, decimals: int
) -> dict[str, Any]:
    """The verdict of a change stated as ``stated`` % against the range the figures give."""
    if not _possible(kind, fall, level.value, other.value) or level.free or other.free:
        return {}
    low, high = _bounds(kind, fall, level, other)
    step = Decimal(1).scaleb(-decimals)
    v = abs(stated)
    rounded = low <= v + step / 2 and high >= v - step / 2
    cut = low < v + step and high >= v
    a = level.value
    if kind == "by":
        exact = 100 * other.value / (a + other.value if fall else a - other.value)
        note = seg(
            "fall_of_decrease" if fall else "growth_of_increase",
            a=a,
            by=other.value,
            exact=f"{exact:.6g}",
        )
    else:
        exact = 100 * (a / other.value - 1)
        note = seg("change_from_to", a=a, base=other.value, exact=f"{exact:.6g}")
    verdict = "consistent" if rounded else ("truncated" if cut else "inconsistent")
    return {
        "computed_percent": float(round_half_up(abs(exact), decimals)),
        "consistent": rounded,
        "truncated": verdict == "truncated",
        "verdict": verdict,
        **noted(note),
    }


def _possible(kind: str, fall: bool, a: Decimal, other: Decimal) -> bool:
    """Whether the figures can be such a change.

    A rise by less than the level, a change from a base above nought in the direction said.
    """
    if other <= 0:
        return False
    if kind == "by":
        return fall or other < a
    return a < other if fall else a > other


def _bounds(kind: str, fall: bool, level: _Written, other: _Written) -> tuple[Decimal, Decimal]:
    """The least and the most the change can be, in percent (the most may be infinite).

    Each change is monotonic in each figure: a rise by ``N`` on ``A`` (``N / (A − N)``) and a
    fall by it (``N / (A + N)``) grow with the change and shrink with the level; a rise from
    ``B`` to ``A`` grows with ``A``, a fall from it with ``B``.
    """
    a_lo, a_hi, o_lo, o_hi = level.low, level.high, other.low, other.high
    if kind == "by":
        if fall:
            return 100 * _ratio(o_lo, a_hi + o_lo, most=False), 100 * _ratio(
                o_hi, a_lo + o_hi, most=True
            )
        return 100 * _ratio(o_lo, a_hi - o_lo, most=False), 100 * _ratio(
            o_hi, a_lo - o_hi, most=True
        )
    if fall:
        return 100 * (1 - _ratio(a_hi, o_lo, most=True)), 100 * (1 - _ratio(a_lo, o_hi, most=False))
    return 100 * (_ratio(a_lo, o_hi, most=False) - 1), 100 * (_ratio(a_hi, o_lo, most=True) - 1)


def _ratio(x: Decimal, y: Decimal, *, most: bool) -> Decimal:
    """``x / y`` as a bound.

    The safe end (infinite for a most, 0 for a least) when the figures leave it open
    (``y`` not above 0, or both infinite).
    """
    if y <= 0 or (x.is_infinite() and y.is_infinite()):
        return _INFINITY if most else Decimal(0)
    return x / y
