"""A percentage checked against a fraction its sentence writes before it with words between.

Round 118 checked a rate or share stated right after the fraction a draft took as its figures
(:func:`kpitools.extract.consistency._rate_of_fraction`). A percentage whose draft took no
figure at all is checked here against the one fraction written before it in its clause,
when nothing but words (or masked figures: a date, a document's number) lies between:

- ``318 đơn/ tổng số 412 đơn … theo quy định số 8 …, đạt 81%`` (a whole named ``tổng số``,
  the document's number masked);
- ``12/12 trường …; 23/31 hợp tác xã … (đạt tỷ lệ 79%)`` (an earlier fraction before a
  semicolon is another item's);
- ``7,215 tỷ/4,8 tỷ đạt 162% chỉ tiêu`` (a scale and no currency);
- ``8.437 ha trong tổng số 61.902 ha cà phê, chiếm 14,1% diện tích cà phê``.

Not read: a qualifier on the fraction or the percentage (``khoảng``, ``gần`` …), any other
number or percentage between them or between the fraction and the last percentage before it
(``8/9 xã …, 5/6 trường …, đạt tỷ lệ 70%``: the rate may be of both), sides of other nouns
(``341 vụ/657 bị can``), a rate or share whose percentage names a whole other than the
fraction's (``chiếm 35% tổng diện tích tự nhiên``), a part over its whole. The result may lie
anywhere within half its last written digit; the whole, the plan, is taken as written.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from kpitools.extract.amounts import SCALES
from kpitools.extract.figures import Draft, Figure
from kpitools.extract.notes import noted, seg
from kpitools.extract.stated_checks import stated_checks
from kpitools.extract.text import NUM, Doc
from kpitools.numbers import Percent, check_percent, parse_number
from kpitools.textfold import fold, rx

_SCALE = r"(?:tỷ|tỉ|triệu|nghìn|ngàn)"
_WORD = r"[^\W\d_]+"
# a side's number, its scale and at most two words of its unit ("hồ sơ", "tỷ đồng", "ha")
_SIDE_A = rf"(?<![\d.,/])(?P<a>{NUM})(?:\s*(?P<sa>{_SCALE})(?!\w))?(?P<na>(?:\s*{_WORD}){{0,2}}?)"
_SIDE_B = rf"(?P<b>{NUM})(?![\d/]|[.,]\d)(?:\s*(?P<sb>{_SCALE})(?!\w))?"
_FRACTION = rx(
    rf"{_SIDE_A}\s*(?:/\s*(?:tổng\s+số\s+)?|\s+(?:trong|trên)\s+tổng\s+số\s+){_SIDE_B}"
    rf"(?P<nb>(?:\s*{_WORD}){{0,3}})"
)
# a qualifier before the fraction hedges it
_HEDGED = rx(r"(?:khoảng|xấp\s+xỉ|gần|hơn|trên|dưới|ngót|chừng|ước|tới|đến)\s*$")
_NUMBER = re.compile(NUM)
# the highest number of a period before its year (a month's); a whole read as a year after a
# larger number is a whole (``287/1930 chỉ tiêu``)
_PERIODS = 12
# what may follow a rate's or share's percentage without naming a whole: nothing, a
# bracket, a comparison, or the whole written as the fraction's noun (below)
_WHOLE_AFTER = rx(
    r"\s*(?:tổng\s+)?(?:(?:số|diện\s+tích|số\s+lượng)\s+)?(?P<words>(?:\s*" + _WORD + r"){0,3})"
)
_NO_WHOLE = rx(r"(?:và|so|trong|tăng|giảm|với|đạt|là|bằng|do|vì|kế|chỉ|dự|mục|kh)(?!\w)")
# a scope named after a whole ("… của tỉnh", "toàn quốc", "cả nước", "trên địa bàn tỉnh"):
# its word must be the clause's
_SCOPE = rx(
    r"(?<!\w)(?:của\s+(?:cả\s+|toàn\s+)?|toàn\s+|cả\s+|trên\s+(?:địa\s+bàn|cả|toàn)\s+)"
    r"(?P<scope>" + _WORD + r")"
)
# where the words after a percentage end: a mark of the clause, a figure
_WORDS_END = re.compile(r"[,;.:()%\d]")
# a rate named by its own noun between the fraction and its percentage ("tỷ lệ bao phủ")
_NAMED_RATE = rx(r"(?<!\w)(?:tỷ|tỉ)\s+(?:lệ|trọng)\s+(?!(?:đạt|là|bằng|chiếm)(?!\w))" + _WORD)
_PLAN_AFTER = rx(r"\s*(?:(?:kế\s+hoạch|kh|chỉ\s+tiêu|dự\s+toán|mục\s+tiêu)(?!\w)|[).,;]|$)")


def item_start(doc: Doc, d: Draft, end: int) -> int:
    """Where the percentage's item begins: its sentence, or the last semicolon before it."""
    start = d.sentence.start
    cut = doc.fold.rfind(";", start, end)
    return cut + 1 if cut >= 0 else start


def _another_percentage_after(doc: Doc, d: Draft, pos: int) -> bool:
    """Whether another percentage follows in the item, no fraction before it.

    The fraction may then be of either (``40/36 tỷ đồng, đạt 165% kế hoạch tỉnh và đạt 111%
    kế hoạch huyện``).
    """
    cut = doc.fold.find(";", pos, d.sentence.end)
    end = cut if cut >= 0 else d.sentence.end
    later = doc.fold.find("%", pos, end)
    return later >= 0 and "/" not in doc.fold[pos:later]


def _unmasked_numbers(doc: Doc, start: int, end: int) -> bool:
    return any(not doc.masked(m.start(), m.end()) for m in _NUMBER.finditer(doc.fold, start, end))


def _side(number: str, scale: str | None) -> Decimal:
    value = parse_number(number)
    return value * SCALES[scale] if scale else value


def _plain(x: Decimal) -> Decimal:
    """``x`` with no trailing zeros and no exponent (``7,215 tỷ`` as 7215000000)."""
    return x.quantize(Decimal(1)) if x == x.to_integral_value() else x.normalize()


def _names_another_whole(doc: Doc, start: int, pos: int, m: re.Match[str]) -> bool:
    """Whether the words after a rate's or share's percentage name another whole.

    A whole other than the fraction's (its unit, or the words written after its whole), or a
    scope its clause (from ``start``) does not name (``… 86% số hợp tác xã của tỉnh`` after a
    district's).
    """
    after = _WHOLE_AFTER.match(doc.fold, pos)
    words = after.group("words").split() if after else []
    if not words or _NO_WHOLE.match(words[0]):
        return False
    own = (m.group("na") + " " + m.group("nb")).split()
    if not own or words[0] not in own:
        return True
    return names_another_scope(doc, start, m.start(), pos)


def names_another_scope(doc: Doc, start: int, before: int, pos: int) -> bool:
    """Whether the words after ``pos`` name a scope the clause's words before do not.

    The words after run to the clause's next mark; the clause's are those from ``start`` to
    ``before`` (``huyện có 15/23 trường …, chiếm 12% tổng số trường đạt chuẩn quốc gia của
    tỉnh``: the province's whole, not the district's).
    """
    stop = _WORDS_END.search(doc.fold, pos, pos + 120)
    scope = _SCOPE.search(doc.fold, pos, stop.start() if stop else pos + 120)
    return scope is not None and scope.group("scope") not in doc.fold[start:before].split()


def _fraction_before(d: Draft, doc: Doc, p: Figure) -> tuple[int, re.Match[str]] | None:
    """The one fraction before the percentage in its item, and where the item begins.

    None when there is none, or it is hedged, a date or a period's number, or another number
    or percentage stands between it and the percentage or the last percentage before it.
    """
    start = item_start(doc, d, p.span_start)
    found = list(_FRACTION.finditer(doc.fold, start, p.span_start))
    if not found:
        return None
    m = found[-1]
    if d.actual_fig is not None and not m.start() <= d.actual_fig.start < m.end():
        return None  # a figure of its own, not one of the fraction's sides (read as one figure)
    if doc.masked(m.start(), m.start("b") - 1) or _HEDGED.search(doc.fold, start, m.start()):
        return None  # a date or a document's number
    if doc.masked(m.start("b"), m.end("b")) and parse_number(m.group("a")) <= _PERIODS:
        return None  # a period's number and its year (đợt 1/2040, quý 2/2041)
    last_percent = doc.fold.rfind("%", start, m.start())
    if _unmasked_numbers(doc, max(start, last_percent + 1), m.start()):
        return None
    if "%" in doc.fold[m.end() : p.span_start] or _unmasked_numbers(doc, m.end("b"), p.span_start):
        return None
    if _NAMED_RATE.search(doc.fold, m.end(), p.span_start):
        return None
    return start, m


def _sides(m: re.Match[str]) -> tuple[Decimal, Decimal] | None:
    """The fraction's two figures, in one scale; None for sides of other nouns."""
    na, nb = m.group("na").split(), m.group("nb").split()
    if (na and nb and na[0] != nb[0] and not m.group("sa")) or (
        m.group("sa") and not m.group("sb")
    ):
        return None
    scale = m.group("sb")
    a, b = _side(m.group("a"), m.group("sa") or scale), _side(m.group("b"), scale)
    return (a, b) if a > 0 and b > 0 else None


def fraction_before_checks(d: Draft, doc: Doc | None) -> dict[str, Any]:
    """The check of a percentage its draft holds alone against the fraction before it.

    See the module's doc; {} when there is none to read.
    """
    p = d.percent_fig
    if doc is None or p is None or p.percent is None or p.qualifier:
        return {}
    if d.kind not in ("rate", "share", "attainment", "coverage"):
        return {}
    if d.target_fig is not None or d.target is not None:
        return {}
    found = _fraction_before(d, doc, p)
    sides = _sides(found[1]) if found else None
    if found is None or sides is None or _another_percentage_after(doc, d, p.end):
        return {}
    (start, m), (a, b) = found, sides
    if d.kind == "attainment":
        if not _PLAN_AFTER.match(doc.fold, p.end):
            return {}
    elif a > b or _names_another_whole(doc, start, p.end, m):
        return {}
    return _checked(p.percent, m.group("a"), a, b)


# --------------------------------------------------------------------------- a plan after

# a plan named after its percentage, with its own amount: the plan's noun, words of no figure
# (the measure, the period, the giver), then the amount, bare or in brackets
_PLAN_AMOUNT = rx(
    rf"\s*(?:so\s+với\s+)?(?:kế\s+hoạch|dự\s+toán|chỉ\s+tiêu|mục\s+tiêu)(?!\w)"
    rf"(?P<words>(?:\s+{_WORD}){{0,6}}?)\s*(?:là\s+|\(\s*)?(?P<b>{NUM})(?![\d/]|[.,]\d)"
    rf"\s*(?P<unit>(?:{_SCALE}\s+)?{_WORD})"
)
# the words that may stand between the plan's noun and its amount besides the measure's own
_PLAN_WORDS = frozenset(
    [
        "năm",
        "cả",
        "quý",
        "tháng",
        "được",
        "giao",
        "đã",
        "đề",
        "ra",
        "đặt",
        "của",
        "tỉnh",
        "huyện",
        "thành",
        "phố",
    ]
)


def plan_after_checks(d: Draft, doc: Doc | None) -> dict[str, Any]:
    """The check of a result's percentage against the plan named after it with its amount.

    ``… đạt 18,42 tỷ đồng, hoàn thành 7,9% so với kế hoạch nộp ngân sách 241,3 tỷ đồng``:
    the plan's amount in the result's unit, the words between the plan's noun and it naming
    the period or giver, or the measure as the clause named it before the result. Not read:
    a plan of another measure (``… 41% kế hoạch lợi nhuận (95 tỷ đồng)`` after a revenue),
    a hedged figure, another percentage after it in the item or between it and its result
    (``bằng 96% kế hoạch tỉnh (625 tỷ đồng) và bằng 70% kế hoạch huyện (750 tỷ đồng)`` stays
    unchecked, as round 20 decided).
    """
    p, f = d.percent_fig, d.actual_fig
    if doc is None or p is None or p.percent is None or p.qualifier or f is None:
        return {}
    if d.kind != "attainment" or d.target is not None or d.target_fig is not None:
        return {}
    a = d.actual
    if f.qualifier or f.measure is None or f.kind != "count" or not isinstance(a, Decimal):
        return {}
    if f.sentence is not d.sentence or _another_percentage_after(doc, d, p.end):
        return {}
    if "%" in doc.fold[f.end : p.span_start]:
        return {}  # a second plan's percentage: its bracket may not be its plan (round 20)
    m = _PLAN_AMOUNT.match(doc.fold, p.end)
    if m is None or " ".join(m.group("unit").split()) != " ".join(fold(f.measure).split()):
        return {}
    before = doc.fold[item_start(doc, d, f.start) : f.start].split()
    if any(w not in _PLAN_WORDS and w not in before for w in m.group("words").split()):
        return {}
    scale = m.group("unit").split()[0]
    b = _side(m.group("b"), scale if scale in SCALES else None)
    return _checked(p.percent, f.written, a, b)


def _checked(percent: Percent, written: str, a: Decimal, b: Decimal) -> dict[str, Any]:
    """The verdict of ``percent`` of ``a`` against ``b``.

    ``written``: the result as written, whose rounding is allowed for.
    """
    check = check_percent(percent, a, b)
    if check.exact is None:
        return {}
    from kpitools.extract.consistency import rounding_gives  # consistency imports this module

    number = re.match(NUM, fold(written).lstrip())
    widened = number is not None and "," in number.group()
    if not check.consistent and widened and rounding_gives(percent, written, a, b):
        return {"verdict": "unchecked", **noted(seg("approximate"))}
    lead = [seg("percent", a=_plain(a), t=_plain(b), exact=f"{check.exact:.6g}")]
    return {"computed_percent": check.computed} | stated_checks(lead, None, check, percent.value)
