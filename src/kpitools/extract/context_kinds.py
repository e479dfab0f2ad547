"""The kind a percentage's words name, read with the figures around it.

For :mod:`kpitools.extract.kinds`: :func:`said_in_context` settles the kind of a percentage
whose words alone would mislead: a rate and its margin, a plan fronted or compared before, a
rise or fall against a past year's plan, a share of a quota or of places filled, a growth after
a fraction or a target, 100 % said above or met.
"""

from __future__ import annotations

from decimal import Decimal

from kpitools.extract.amounts import YEAR
from kpitools.extract.figure_roles import K_SHARE
from kpitools.extract.figures import (
    CONNECTORS,
    K_RISE_TAIL,
    Draft,
    Figure,
)
from kpitools.extract.target_words import PLAN_WORDS
from kpitools.extract.text import (
    GROWTH_VERB_END,
    NUM,
    PLAN_NOUNS,
    Doc,
)
from kpitools.numbers import Percent, check_percent, parse_number
from kpitools.textfold import rx

# "giải quyết xong 400 việc, đạt tỷ lệ 82,5%, vượt 1,5% so với kế hoạch": a rate below 100
# then its margin over a target rate ("vượt chỉ tiêu giao 0,5%", "cao hơn 0,5% so với chỉ
# tiêu"): the rate is of a whole (the cases to settle), not of a plan of the amount before it
_RATE_AND_MARGIN = rx(
    rf"(?:tỷ|tỉ)\s+lệ\s+(?:(?:khoảng|gần|hơn|trên)\s*)?(?P<rate>{NUM})\s*%\s*,\s*"
    r"(?:vượt|cao\s+hơn)\s+(?:"
    rf"(?:so\s+với\s+)?{PLAN_NOUNS}(?:\s+[^\W\d_]+){{0,4}}?\s*(?:là\s*)?(?P<after>{NUM})\s*%"
    rf"|(?P<before>{NUM})\s*%\s*so\s+với\s+{PLAN_NOUNS})"
)


def rate_and_margin(doc: Doc, p: Figure, role: str) -> bool:
    """Whether ``p`` is the rate (``role`` ``"rate"``) or the margin (``"margin"``) of a rate
    below 100 said with ``tỷ lệ`` and its margin over a target after it (:data:`_RATE_AND_MARGIN`):
    the rate is no attainment of the amount before it, and the margin no excess of it."""
    low = max(p.sentence.start, p.start - 120)
    for m in _RATE_AND_MARGIN.finditer(doc.fold, low, min(p.sentence.end, p.end + 120)):
        at = m.start("rate") if role == "rate" else max(m.start("after"), m.start("before"))
        if at == p.start:
            return p.values[0] < 100 if role == "rate" else _below_100(m.group("rate"))
    return False


def _below_100(written: str) -> bool:
    try:
        return parse_number(written) < 100
    except ValueError:
        return False


PART_OPENS = rx(r"(?<!\w)trong\s+đó(?!\w)")


# "So với kế hoạch năm, doanh thu tăng 5%": the comparison with a plan opens the sentence
_FRONTED_PLAN = rx(
    r"\s*so\s+với\s+(?:chỉ\s+tiêu\s+|mục\s+tiêu\s+)?"
    rf"{PLAN_WORDS}(?!\w)[^,;.%]{{0,40}},"
)

COMPARED_AGAIN = rx(r"(?<!\w)so\s+với(?!\w)")


def _fronted_plan(doc: Doc, p: Figure) -> bool:
    """Whether the sentence of the growth ``p`` opens with a comparison with a plan (``So
    với kế hoạch năm 2025, doanh thu tăng 5%``) and names no other base before ``p``: the
    growth is the excess over that plan."""
    m = _FRONTED_PLAN.match(doc.fold, p.sentence.start, p.start)
    return m is not None and COMPARED_AGAIN.search(doc.fold, m.end(), p.start) is None


def said_in_context(doc: Doc, d: Draft, said: tuple[str, int], tail: str) -> tuple[str | None, int]:
    """The kind the words name, read with the draft's figures around it."""
    p = d.percent_fig
    assert p is not None
    if said[0] == "unread" or _share_of_quota(doc, d, said[0]):
        return None, 1
    if said[0] == "excess" and rate_and_margin(doc, p, "margin"):
        return None, 1
    if said[0] == "attainment" and _share_left_undone(doc, d, p):
        return "share", 1
    if said[0] == "growth" and _attained_fraction(doc, d, p):
        return "attainment", 1
    if said[0] == "share" and _places_filled(doc, d, p):
        return "attainment", 1
    above_plan = (
        _follows_target(doc, d, p) or _fronted_plan(doc, p) or _margin_of_fraction(doc, d, p)
    )
    # "vượt chỉ tiêu (700 tấn, tăng 6% so với tổng sản lượng năm trước)": a rise on a past
    # base stays a growth, never an excess of the plan written before it
    if said[0] == "growth" and not K_RISE_TAIL.match(tail) and above_plan:
        return "excess", said[1]
    if said[0] == "excess" and _plan_on_past_plan(doc, d, p):
        return "growth", said[1]
    if said[0] == "excess" and said[1] < 0 and d.target is None:
        # "thấp hơn 6% so với kế hoạch" with no plan written: a shortfall, no attainment
        return None, 1
    if said[0] == "excess" and p.values[0] == 100 and _above_or_met(doc, p):
        # "vượt trên 100% kế hoạch": above the plan, or more than twice it; "12 đơn vị đạt và
        # vượt 100% kế hoạch": the plans met, none exceeded by all of it — unread
        return None, 1
    return said


# "kế hoạch vốn năm 2042 được duyệt là 120 tỷ đồng, tăng 6% so với kế hoạch năm 2041": a
# plan grown on an earlier year's plan, no excess; the amount is set by a plan's words
_PAST_PLAN_TAIL = rx(
    rf"\s*so\s+với\s+{PLAN_NOUNS}(?:\s+[^\W\d_]+){{0,3}}?\s+(?:(?:của\s+)?năm\s+)?"
    r"(?P<year>(?:19|20)\d\d)(?!\d)"
)

_AMOUNT_PLANNED = rx(
    rf"(?<!\w)(?:{PLAN_NOUNS}|(?:được\s+)?(?:phê\s+duyệt|duyệt|giao|phân\s+bổ))(?!\w)"
    # nothing said done between the plan's words and the amount
    r"(?:(?!đạt|thực\s+hiện|hoàn\s+thành|vượt|ước|giải\s+ngân|tăng|giảm|thu\s+được"
    r"|chi\s+được|[;%])[^;%])*$"
)


def _plan_on_past_plan(doc: Doc, d: Draft, p: Figure) -> bool:
    """Whether a rise or fall said against a plan of a year (``tăng 6% so với kế hoạch năm
    2041``) after an amount is the amount's growth on that plan: the amount a plan by the
    words before it in its sentence (``kế hoạch vốn … là``, ``được giao là``, nothing said
    done after them), any year those words name later than the plan's compared with."""
    a = d.actual_fig
    if a is None or a.kind == "pair" or a.sentence is not p.sentence or a.start > p.start:
        return False
    folded = doc.fold
    m = _PAST_PLAN_TAIL.match(folded, p.end, p.sentence.end)
    if m is None or not GROWTH_VERB_END.search(folded, p.clause, p.qual_start or p.start):
        return False
    planned = _AMOUNT_PLANNED.search(folded, a.sentence.start, a.start)
    if planned is None:
        return False
    years = [int(y) for y in YEAR.findall(folded, planned.start(), a.start)]
    return all(y > int(m.group("year")) for y in years)


# "đạt và vượt 100%": met or beyond the plan, a plan reached, not doubled
_MET_OR_BEYOND = rx(r"(?<!\w)đạt\s+và\s+vượt\s*$")


def _above_or_met(doc: Doc, p: Figure) -> bool:
    """Whether ``p`` (100 %) is said above (``vượt trên 100%``) or as met or beyond
    (``đạt và vượt 100%``): no excess of all of a plan."""
    if p.qualifier in ("trên", "hơn"):
        return True
    low = max(p.clause, p.span_start - 20)
    return _MET_OR_BEYOND.search(doc.fold, low, p.span_start) is not None


# "… 120 tỷ đồng chưa được giải ngân, chiếm 4% kế hoạch": what is not yet done, a remainder
_NOT_YET = rx(r"(?<!\w)(?:chưa|còn\s+lại)(?!\w)")

# "Số vốn chưa phân bổ là 120 tỷ đồng", "vốn còn phải giải ngân 120 tỷ đồng": the subject is
# what is not yet done ("còn lại" not: "các khoản thu còn lại" are the other items, done); not
# when a deed follows before the amount ("vốn chưa giải ngân năm trước chuyển sang đã giải
# ngân 300 tỷ đồng": what was left, now done)
_UNDONE_SUBJECT = rx(
    r"(?<!\w)(?:chưa(?:\s+được)?(?:\s+thực\s+hiện)?|còn\s+phải)\s+(?:phân\s+bổ|giải\s+ngân"
    r"|thực\s+hiện|thu|sử\s+dụng|quyết\s+toán|bố\s+trí|triển\s+khai)(?!\w)"
    r"(?:(?!(?<!\w)(?:đã|nay|nhưng|giải\s+ngân|thu|thực\s+hiện|đạt)(?!\w))[^,;:()]){0,80}$"
)


def _share_left_undone(doc: Doc, d: Draft, p: Figure) -> bool:
    """Whether the amount a share of a plan (``chiếm 4% kế hoạch``) is said of is what is
    not yet done: ``còn 120 tỷ đồng chưa được giải ngân, chiếm 4% kế hoạch`` or ``Số vốn
    chưa phân bổ là 120 tỷ đồng (chiếm 4% kế hoạch)`` is the part of the plan left, no
    attainment of it."""
    a = d.actual_fig
    if a is None or a.sentence is not p.sentence or a.end > p.start:
        return False
    if _NOT_YET.search(doc.fold, a.end, p.start) is not None:
        return True
    low = max(a.sentence.start, a.span_start - 120)
    return _UNDONE_SUBJECT.search(doc.fold, low, a.span_start) is not None


def _share_of_quota(doc: Doc, d: Draft, kind: str) -> bool:
    """Whether a ``chiếm X% so với chỉ tiêu`` in brackets is the share of the plan that a
    part listed after ``trong đó`` makes up (``trong đó chính thức 400, bổ sung 24 (chiếm
    6% so với chỉ tiêu)``), not an attainment: under 100 %, the part after another."""
    p, f = d.percent_fig, d.actual_fig
    if kind != "attainment" or p is None or p.percent is None or f is None:
        return False
    if p.percent.value >= 100 or not K_SHARE.search(doc.fold, p.clause, p.start):
        return False
    opened = p.clause > 0 and doc.text[p.clause - 1] == "("
    part = PART_OPENS.search(doc.fold, f.sentence.start, f.start)
    return opened and part is not None and "," in doc.fold[part.end() : f.start]


# "đã tuyển dụng được 96/130 chỉ tiêu": places of a quota filled, the verb right before the
# fraction ("không tuyển được …" is none) and the quota right after it
INTAKE_BEFORE = rx(
    r"(?<!\w)(?<!không\s)(?<!chưa\s)tuyển(?:\s+(?:sinh|dụng|mới|quân))?\s+(?:được|đạt)\s*$"
)

# "… 96/130 chỉ tiêu được giao, bằng 73,8%", "… 96/130 chỉ tiêu (tỷ lệ 73,8%)": the quota's
# words, then the clause of its share
_QUOTA_THEN_SHARE = rx(r"\s*chỉ\s+tiêu(?:\s+(?!và(?!\w))[^\W\d_]+){0,4}?\s*[(,]\s*$")


def _places_filled(doc: Doc, d: Draft, p: Figure) -> bool:
    """Whether the share ``p`` in the clause right after a fraction of places filled
    (``tuyển được 96/130 chỉ tiêu, bằng 73,8%``) is the quota's attainment: the fraction
    gives it."""
    a, actual, target = d.actual_fig, d.actual, d.target
    if a is None or a.kind != "pair" or p.percent is None or p.sentence is not a.sentence:
        return False
    if not isinstance(actual, Decimal) or not isinstance(target, Decimal) or not target:
        return False
    if not _QUOTA_THEN_SHARE.fullmatch(doc.fold, a.end, p.clause):
        return False
    if not INTAKE_BEFORE.search(doc.fold, max(a.clause, a.start - 40), a.start):
        return False
    return check_percent(p.percent, actual, target).fits


def _margin_of_fraction(doc: Doc, d: Draft, p: Figure) -> bool:
    """Whether a growth said right after a result written against its plan as a fraction is
    the margin over that plan, which its figures give (``chè 62,4/60ha, tăng 4%``: 62,4 /
    60 = 104 %); a rise the fraction does not give stays a growth."""
    a, actual, target = d.actual_fig, d.actual, d.target
    if a is None or a.kind != "pair" or d.target_fig not in (None, a) or p.percent is None:
        return False
    if not isinstance(actual, Decimal) or not isinstance(target, Decimal) or not target:
        return False
    if p.sentence is not a.sentence:
        return False
    if not CONNECTORS.fullmatch(doc.fold[a.span_end : p.span_start].lstrip(" ,")):
        return False
    q = p.percent
    excess = Percent(q.value + 100, q.decimals, q.text)
    return bool(check_percent(excess, actual, target).consistent)


# ", đạt ": a bare attained percentage after a fraction, a few words of its unit between
_ATTAINED_AFTER = rx(r"^[^\W\d_]*(?:[ ,]+[^\W\d_]+){0,4}?[ ,]+đạt\s*$")


# "so với số đăng ký", "so với số lượng dự kiến": compared with the number registered or
# planned, the fraction's second number, whatever the percentage is
_REGISTERED_AFTER = rx(
    r"\s*so\s+với\s+số(?:\s+lượng)?\s+(?:đã\s+)?(?:đăng\s+ký|dự\s+kiến|kế\s+hoạch|chỉ\s+tiêu)"
    r"(?!\w)"
)


def _attained_fraction(doc: Doc, d: Draft, p: Figure) -> bool:
    """Whether a bare ``đạt X%`` compared with a year (a growth's words) right after a result
    written against its plan as a fraction is the fraction's own ratio (``kết nạp 320/560
    đảng viên, đạt 57,1% so với số đăng ký năm 2041``: 320 / 560 = 57,1 %), the plan's
    attainment; a percentage the fraction does not give stays a growth, unless the words
    compare it with the number registered or planned (:data:`_REGISTERED_AFTER`): the
    attainment still, checked (and flagged) against the fraction."""
    a, actual, target = d.actual_fig, d.actual, d.target
    if a is None or a.kind != "pair" or d.target_fig not in (None, a) or p.percent is None:
        return False
    if not isinstance(actual, Decimal) or not isinstance(target, Decimal) or not target:
        return False
    if p.sentence is not a.sentence or p.percent.value >= 100:
        return False
    if not _ATTAINED_AFTER.match(doc.fold[a.span_end : p.span_start]):
        return False
    if _REGISTERED_AFTER.match(doc.fold, p.span_end, p.sentence.end):
        return True  # the number registered or planned: the attainment, checked
    return bool(check_percent(p.percent, actual, target).consistent)


def _follows_target(doc: Doc, d: Draft, p: Figure) -> bool:
    """Whether a growth percentage is of the target stated just before it, after the result
    ("vượt mục tiêu đề ra (8,3 triệu tỷ đồng, tăng trên 15,6%)": above the target)."""
    a, t = d.actual_fig, d.target_fig
    if a is None or t is None or t.sentence is not p.sentence or not a.start < t.start < p.start:
        return False
    between = doc.fold[t.span_end : p.span_start].lstrip(" ,")
    return bool(CONNECTORS.fullmatch(between))
