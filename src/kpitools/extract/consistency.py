"""The checks of a draft's stated percentages for :mod:`kpitools.extract.grammar`: whether a
percentage agrees with its figures, a growth with its base, a twin with its pair, and an
approximate figure with the exact one (:data:`APPROXIMATE_FACTOR`, :func:`far_off`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import ROUND_FLOOR, Decimal
from typing import Any

from kpitools.extract.amounts import SCALES, amounts_in, clause_head
from kpitools.extract.assembly import fitted_end
from kpitools.extract.figures import GROWTH_BASE, Draft, Figure, plan_of, single
from kpitools.extract.growth_changes import change_checks
from kpitools.extract.kinds import exceeded_under
from kpitools.extract.notes import Segment, noted, seg
from kpitools.extract.past_bases import COMPARE_WITH_WORDS, OF_YEAR, PAST_PERIOD
from kpitools.extract.sentence_fractions import (
    fraction_before_checks,
    item_start,
    names_another_scope,
    plan_after_checks,
)
from kpitools.extract.stated_checks import FLOORS, stated_checks, under_floor_target
from kpitools.extract.text import NUM, Doc
from kpitools.numbers import (
    Percent,
    check_percent,
    parse_number,
    round_half_up,
    try_parse_number,
)
from kpitools.textfold import fold, rx


def _checked_target(d: Draft) -> Decimal | None:
    """The target a draft's percentage is checked against: its one figure, or the end of a
    planned range the percentage is of (:func:`fitted_end`)."""
    t, a, plan, p = single(d.target), single(d.actual), d.target_fig, d.percent_fig
    if t is None and a is not None and plan is not None and plan.kind == "range" and p:
        return fitted_end(p, a, plan)
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


def draft_checks(d: Draft, doc: Doc | None = None) -> dict[str, Any]:
    """Consistency of the stated figure with the draft's numbers."""
    out: dict[str, Any] = {
        "computed_percent": None,
        "consistent": None,
        "truncated": False,
        "verdict": None,
        "note": None,
        "note_data": None,
    }
    a, t = single(d.actual), _checked_target(d)
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
        or _written_change_checks(doc, d)
        or _whole_of_rate(d, a)
        or _rate_of_fraction(d, doc, a, t, approximate)
        or fraction_before_checks(d, doc)
        or plan_after_checks(d, doc)
        or _plan_not_the_fraction(d, doc, a, t)
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
        out.update(
            _floor_target_checks(d, p.percent, p.qualifier, a, t)
            or _approximate_checks(d, _signed(d, p.percent), p.qualifier, a, t)
        )
        return out
    out.update(_exact_checks(d, p.percent, p.qualifier, a, t, estimated=_estimated(doc, d)))
    return out


def _exact_checks(
    d: Draft,
    percent: Percent,
    qual: str | None,
    a: Decimal,
    t: Decimal,
    *,
    estimated: bool = False,
) -> dict[str, Any]:
    """The checks of exact figures; an inconsistency a rounded whole result explains
    (:func:`_rounded_whole_fits`) is left unchecked as approximate, and one the rounding
    of figures with decimals explains (:func:`_rounded_decimals_fit`), both figures' when
    the percentage is hedged or the result ``estimated`` (:func:`_estimated`)."""
    checked = _percent_checks(d, _signed(d, percent), qual, a, t)
    if checked.get("verdict") == "inconsistent" and (
        _rounded_whole_fits(d, percent, a, t)
        or _rounded_decimals_fit(d, percent, a, t, hedged=qual is not None or estimated)
    ):
        return {"verdict": "unchecked", **noted(seg("approximate"))}
    return checked


#: an estimate said before a result or its percentage (``ước đạt``, ``ước thu``, ``dự kiến``)
ESTIMATE = rx(r"(?<!\w)(?:ước|dự\s+kiến)(?!\w)")


def _estimated(doc: Doc | None, d: Draft) -> bool:
    """Whether the result or the percentage of ``d`` is said to be an estimate
    (:data:`ESTIMATE` in the clause before the percentage): its figures are read as a
    hedged percentage's, both widened (the set leaves ``ước đạt`` of a plan that needs its
    own rounding without a finding)."""
    f, p = d.actual_fig, d.percent_fig
    if doc is None or f is None or p is None:
        return False
    start = max(p.sentence.start, doc.fold.rfind(";", 0, f.start) + 1)
    return ESTIMATE.search(doc.fold, start, p.start) is not None


def _rounded_decimals_fit(
    d: Draft, percent: Percent, a: Decimal, t: Decimal, *, hedged: bool = False
) -> bool:
    """Whether an attainment of a result written with decimals (``9,37 tỷ đồng`` of ``6,1
    tỷ đồng``) gives the percentage stated, rounded half-up, once the result may lie
    anywhere within half its last written digit (:func:`rounding_gives`); the plan,
    a figure set rather than measured, is taken as written, and a cut is no fit (the set
    flags both): ``54,2 tỷ đồng/81,7 tỷ đồng, đạt 66,2%`` is reached only with 81,7 widened
    too, or as a cut of 54,15 / 81,7 = 66,28 %. A ``hedged`` percentage (``gần 66,2%``) is
    read as before, both figures widened and a cut a fit: its hedge is what is checked."""
    if d.kind != "attainment" or d.actual_fig is None:
        return False
    texts = _written_numbers(d.actual_fig, d.target_fig)
    if texts is None:
        return False
    if hedged:
        return any("," in n for n in texts) and ratio_within_rounding(
            percent, (a, texts[0]), (t, texts[1])
        )
    written = d.actual_fig.written
    result = written.split("/", 1)[0] if d.target_fig is None else written
    return "," in texts[0] and rounding_gives(percent, result, a, t)


def _written_numbers(actual: Figure, target: Figure | None) -> tuple[str, str] | None:
    """The numbers a result and its plan are written with, as written: each its figure's
    first, or a fraction's two (``9,425 tỷ đồng/8 tỷ đồng``: the plan no figure of its own)."""
    if target is None:
        if actual.kind != "pair":
            return None
        numbers = [re.match(NUM, fold(side).strip()) for side in actual.written.split("/", 1)]
    else:
        numbers = [re.match(NUM, fold(f.written)) for f in (actual, target)]
    if len(numbers) != 2 or numbers[0] is None or numbers[1] is None:
        return None
    return numbers[0].group(), numbers[1].group()


def _rounded_whole_fits(d: Draft, percent: Percent, a: Decimal, t: Decimal) -> bool:
    """Whether a result written as a whole number against a plan written with decimals
    (``7/2,56 ha, bằng 280%``: the result likely rounded) gives the attainment stated once
    the result's rounding (half a unit either way) is allowed for."""
    if d.kind != "attainment" or a != a.to_integral_value() or t == t.to_integral_value():
        return False
    if t <= 0:
        return False
    low, high = (a - Decimal("0.5")) * 100 / t, (a + Decimal("0.5")) * 100 / t
    return low <= percent.value <= high


def _growth_checks(doc: Doc | None, d: Draft, a: Decimal | None) -> dict[str, Any]:
    """The check of a growth against its base in brackets (:data:`GROWTH_BASE`), {} when
    none is written: the base counts what the actual counts (the same currency, or the same
    word after a count), no figure is qualified, and the growth is wrong only when neither
    rounding nor cutting the figures' growth gives it (``tăng 30%`` of 3.170 to 4.120 holds:
    30,0 %)."""
    f, p = d.actual_fig, d.percent_fig
    if doc is None or d.kind != "growth" or a is None or not a or f is None or p is None:
        return {}
    percent = p.percent
    if percent is not None and (over_month := _month_base_checks(doc, f, p, a)):
        return over_month
    if percent is None or f.qualifier or p.qualifier:
        return {}
    m = GROWTH_BASE.match(doc.fold, p.end, p.sentence.end)
    if m is None or not _counts_alike(doc, f, m.group("word")) or not _base_named_alike(doc, p, m):
        return _growth_by_checks(doc, f, p, a) or _signed_change_checks(doc, f, p, a)
    base = parse_number(m.group("n") + (f" {m.group('mag')}" if m.group("mag") else ""))
    if not base or base == a:
        return {}  # "(đạt 5.600 tỷ đồng)": the result written again, no base
    index = _INDEX_VERB.search(doc.fold, max(p.sentence.start, p.span_start - 12), p.span_start)
    # "giảm 1,8% so với năm 2040 (3,93 nghìn tấn)": a fall is checked with its sign
    signed = percent if index else _signed(d, percent)
    checks = (
        _index_checks(percent, a, base)
        if index
        else _rise_checks(signed, a, base, "growth_of_base")
    )
    number = re.match(NUM, doc.fold[f.start : f.end])
    if checks["verdict"] != "inconsistent" or number is None:
        return checks
    written = ((a, number.group()), (base, m.group("n")))
    if not ratio_within_rounding(signed, *written, less=0 if index else 100):
        return checks
    return {**checks, "consistent": True, "truncated": False, "verdict": "consistent"}


def _written_change_checks(doc: Doc | None, d: Draft) -> dict[str, Any]:
    """A growth (or a rate of growth, ``tỷ lệ tăng đạt X%``) against the change, levels or
    base its sentence writes beside it (:func:`~kpitools.extract.growth_changes.change_checks`)."""
    if doc is None or d.kind not in ("growth", "rate") or d.percent_fig is None:
        return {}
    return change_checks(doc, d.percent_fig)


def _base_named_alike(doc: Doc, p: Figure, m: re.Match[str]) -> bool:
    """Whether the measure a growth's base names in its bracket (``(tháng 9/2040, lượng
    khách lưu trú là 2.760 lượt)``) is the growth's own: its first two words past ``tổng``,
    ``số`` or ``lượng`` stand before the growth in its sentence (``khách quốc tế đạt 1.980
    lượt``, a part, does not)."""
    words = [w for w in (m.group("named") or "").split() if w not in _BASE_HEAD_SKIPPED]
    if not words:
        return True
    head = r"\s+".join(re.escape(w) for w in words[:2])
    named = re.compile(rf"(?<!\w){head}(?!\w)")
    return named.search(doc.fold, p.sentence.start, p.start) is not None


_BASE_HEAD_SKIPPED = frozenset(("tổng", "số", "lượng", "giá", "trị"))


def as_written(
    percent: Percent, a: Decimal, texts: Iterable[str | None], t: Decimal, *, hedged: bool = False
) -> bool:
    """Whether ``percent`` of a result ``a`` against a plan ``t`` linked from elsewhere is
    what the two give once the result, written with a decimal comma in one of ``texts``, may
    lie anywhere within half its last digit, rounded half-up (a cut is no fit: the set flags
    it); the plan, a figure set rather than measured, is taken as written
    (:func:`rounding_gives`).

    ``đạt 20,1 tỷ đồng`` of ``37 tỷ đồng``, ``54,4%``: any result that rounds to 20,1 (20,05
    to 20,15) gives 54,19 to 54,46 %, so the figures as written do not contradict it; ``5,1
    triệu cây`` of ``3,6 triệu``, ``143,5%``, does (140,3 to 143,1 %). A ``hedged``
    percentage (``gần 54,1%``) may be a cut as well: the hedge, not the figures, is read.
    """
    found = next((n for x in texts if x and (n := _number_of(x, a)) is not None), None)
    if found is None or "," not in found[0]:
        return False
    result, amount = found
    if hedged:
        return ratio_within_rounding(percent, (a, result), (t, f"{t:f}"))  # no comma: exact
    return rounding_gives(percent, amount, a, t)


def _number_of(text: str, value: Decimal) -> tuple[str, str] | None:
    """The number ``value`` is written with in ``text`` (its scale read), folded, and the
    whole amount as written (``2 tỷ 421 triệu đồng``), or None."""
    folded = fold(text)
    for x in amounts_in(folded, 0, len(folded)):
        if x.value == value and (m := re.match(NUM, folded[x.start : x.end])) is not None:
            return m.group(), folded[x.start : x.end]
    return None


def ratio_within_rounding(
    percent: Percent, a: tuple[Decimal, str], base: tuple[Decimal, str], *, less: int = 0
) -> bool:
    """Whether ``100 × a / base − less`` gives ``percent``, rounded or cut, with ``a`` and
    ``base`` anywhere within half their last written digit (each with the text it is
    written as). A number with no decimal comma is taken exact, a count above all (``46 đảng
    viên``), unless ``less`` is not 0 and it is written with its scale: a growth of ``12 tỷ``
    over ``10 tỷ`` allows 11,5 to 12,5 over 9,5 to 10,5.

    ``18,43`` over ``12,07`` grows by 52,69 %, but 18,434 over 12,065 by 52,79 %: ``tăng
    52,8%`` holds (``less`` 100, a growth); ``9,37`` of ``6,12`` is 153,10 %, but 9,374 of
    6,115 is 153,30 %: ``đạt 153,3%`` holds (an attainment or an index).
    """
    (av, _), (bv, _) = a, base
    ha, hb = (
        half_unit(text, v) if "," in text or (less and v != parse_number(text)) else Decimal(0)
        for v, text in (a, base)
    )
    if bv - hb <= 0:
        return False
    low, high = 100 * (av - ha) / (bv + hb) - less, 100 * (av + ha) / (bv - hb) - less
    step = Decimal(1).scaleb(-percent.decimals)
    v = percent.value
    near = (v - step / 2, v + step) if v >= 0 else (v - step, v + step / 2)
    return low <= near[1] and high >= near[0]


def _rise_checks(
    percent: Percent, a: Decimal, base: Decimal, note: str, **fields: object
) -> dict[str, Any]:
    """The check of a rise of ``percent`` from ``base`` to ``a``: wrong only when neither
    rounding nor cutting the figures' growth gives it; the note ``note`` with ``fields``."""
    check = check_percent(Percent(100 + percent.value, percent.decimals, percent.text), a, base)
    assert check.exact is not None
    ok = check.fits
    cut = bool(check.truncated and not check.consistent)
    return {
        "computed_percent": check.computed - 100 if check.computed is not None else None,
        "consistent": ok,
        "truncated": cut,
        "verdict": "truncated" if cut else ("consistent" if ok else "inconsistent"),
        **noted(seg(note, **fields, a=a, base=base, exact=f"{check.exact - 100:.6g}")),
    }


# "…, tăng khoảng 5% so với tháng 4": a growth over a month named by its number
_OVER_MONTH = rx(r"\s*so\s+với\s+tháng\s+(?P<m>\d{1,2})(?!\d|[.,]\d)")
_MONTH_REACH = 400
"""How far (characters) before a growth's sentence the amount of the month compared with
may be written."""


def _month_base_checks(doc: Doc, f: Figure, p: Figure, a: Decimal) -> dict[str, Any]:
    """The check of a rise over a month named by its number against that month's amount.

    ``Xuất khẩu tháng 4 đạt 312 triệu USD. Sang tháng 5, con số này tăng lên hơn 470 triệu
    USD, tăng khoảng 5% so với tháng 4``: the one amount of ``f``'s scale and word written in
    the paragraph before the growth's sentence, in a clause naming that month, is the base
    (and nothing else of that unit stands between). Exact figures are checked as a growth
    over a base in brackets is; approximate ones (``hơn``, ``khoảng``) only when too far
    (:func:`far_off`: a rise of at least 50 % said to be 5 %). A rise only.
    """
    m = _OVER_MONTH.match(doc.fold, p.end, p.sentence.end)
    percent = p.percent
    if (
        m is None
        or percent is None
        or percent.value <= 0
        or _K_FALL.search(doc.fold, p.clause, p.start)
    ):
        return {}
    base = _month_amount(doc, f, m.group("m"))
    if base is None or not 0 < base < a:
        return {}
    if not (f.qualifier or p.qualifier):
        return _rise_checks(percent, a, base, "growth_of_month", month=m.group("m"))
    exact = 100 * (a / base - 1)
    note = seg("growth_of_month", month=m.group("m"), a=a, base=base, exact=f"{exact:.6g}")
    if not far_off(percent.value, percent.decimals, p.qualifier, exact):
        return {"verdict": "unchecked", **noted(note, seg("approximate_after"))}
    return {
        "computed_percent": _rounded(exact, percent.decimals),
        "consistent": False,
        "verdict": "inconsistent",
        **noted(note, seg("far_off", stated=percent.value)),
    }


def _rounded(exact: Decimal, decimals: int) -> float:
    """``exact`` rounded half up to ``decimals`` places (exactly: a figure of any length)."""
    return float(round_half_up(exact, decimals))


_K_FALL = rx(r"(?<!\w)(?:giảm|thấp\s+hơn)(?!\w)")


def _month_amount(doc: Doc, f: Figure, month: str) -> Decimal | None:
    """The amount of month ``month`` written before ``f``'s sentence, in its paragraph.

    Of ``f``'s scale and word; the last amount of that unit before the sentence, its clause
    naming the month (``tháng 4``, ``tháng 4-2041``, ``tháng 4/2041``) and no months to date.
    """
    start = f.sentence.start
    low = max(0, start - _MONTH_REACH)
    low = max(low, doc.fold.rfind("\n", low, start) + 1)
    own = amounts_in(doc.fold, f.span_start, f.span_end)
    if not own or not own[0].unit[1]:
        return None
    unit = own[0].unit
    alike = [b for b in amounts_in(doc.fold, low, start) if b.unit == unit]
    if not alike:
        return None
    b = alike[-1]
    head = clause_head(doc.fold, b.start, max(low, b.start - 160))
    named = any(m.group(1) == month for m in _MONTH_NAMED.finditer(doc.fold, head, b.start))
    if not named or _TO_DATE.search(doc.fold, head, b.start):
        return None  # "từ đầu năm đến tháng 4": the months to date, no month's figure
    return b.value


# "tháng 4", "tháng 4-2041": a month named by its number
_MONTH_NAMED = rx(r"(?<!\w)tháng\s+(\d{1,2})(?!\d|[.,]\d)")
_TO_DATE = rx(r"(?<!\w)(?:đến|tới|lũy\s+kế|luỹ\s+kế|đầu\s+năm)(?!\w)")


# "bằng 130,5% so với năm 2040 (10.881 lao động)": the result as an index of the base
_INDEX_VERB = rx(r"(?<!\w)bằng\s*$")


def _index_checks(percent: Percent, a: Decimal, base: Decimal) -> dict[str, Any]:
    """The check of an index (``bằng 130,5% so với năm 2040 (10.881 lao động)``) against its
    base in brackets: rounded or cut from 100 × result / base; a cut figure is flagged as
    truncated, as an attainment's is."""
    check = check_percent(percent, a, base)
    assert check.exact is not None
    return {
        "computed_percent": check.computed,
        "consistent": check.consistent,
        "truncated": check.truncated,
        "verdict": "truncated"
        if check.truncated
        else ("consistent" if check.consistent else "inconsistent"),
        **noted(seg("index_of_base", a=a, base=base, exact=f"{check.exact:.6g}")),
    }


# "tăng 280% (tăng 300 tỉ đồng)": the increase itself, in brackets right after the growth
_GROWTH_BY = rx(
    r"\s*\(\s*(?:tương\s+(?:đương|ứng)\s+)?tăng(?:\s+thêm)?\s+"
    rf"(?P<n>{NUM})(?:\s+(?P<mag>nghìn|ngàn|triệu|tỷ|tỉ))?\s+(?P<word>[^\W\d_]+)\s*\)"
)


# "…, tăng 90% so với cùng kỳ, tương ứng thêm 130 tỷ đồng", "tăng 35%, tương đương thêm 40 tỷ
# đồng": the increase written after the growth's comparison, no brackets
_GROWTH_BY_AFTER = rx(
    rf"(?:\s+{COMPARE_WITH_WORDS}{PAST_PERIOD}{OF_YEAR})?\s*,\s*"
    r"(?:tương\s+(?:đương|ứng)(?:\s+với)?\s+(?:tăng\s+)?thêm|tăng\s+thêm)\s+"
    rf"(?P<n>{NUM})(?:\s+(?P<mag>nghìn|ngàn|triệu|tỷ|tỉ))?\s+(?P<word>[^\W\d_]+)(?!\s*%)"
)
# between a figure and its growth: nothing but the verb, or its attainment of a plan before
# ("đạt A, vượt 2% dự toán và tăng 30% so với cùng kỳ")
_GROWTH_NEXT = rx(
    rf"\s*[,;]?\s*(?:(?:đạt|bằng|vượt)\s+(?:{NUM})\s*%(?:\s+(?!tăng)[^\W\d_]+){{0,6}}\s*,?\s*)?"
    r"(?:và\s+)?tăng(?:\s+(?:thêm|đến|tới|mạnh))?\s*"
)


# "tăng 2,1% (+1,15 tạ/ha)", "giảm 4,5% (-78 ha)": the change itself, signed, in brackets
_SIGNED_CHANGE = rx(
    rf"\s*\(\s*(?P<sign>[+\-–])\s*(?P<n>{NUM})(?:\s+(?P<mag>nghìn|ngàn|triệu|tỷ|tỉ))?\s+"
    r"(?P<word>[^\W\d_]+)(?:\s*/\s*[^\W\d_]+)?\s*\)"
)
# between a figure (its unit per something ended) and its change: the verb alone
_CHANGE_NEXT = rx(r"(?:\s*/\s*[^\W\d_]+)?\s*[,;]?\s*(?:và\s+)?(?P<verb>tăng|giảm)\s*")


def _signed_change_checks(doc: Doc, f: Figure, p: Figure, a: Decimal) -> dict[str, Any]:
    """The check of a change in percent against the signed change in units after it.

    ``năng suất đạt 48,2 tạ/ha, giảm 4% (-2 tạ/ha)``: the base is 50,2 and 2 of it is
    3,98 %; a rise (``tăng 4% (+2 tạ/ha)``) is of the actual less the change. Wrong only
    when no actual and change within half their last written digit give the percentage,
    rounded or cut. The sign must agree with the verb right before the percentage, the
    change count what the figure counts, and neither be qualified.
    """
    m = _SIGNED_CHANGE.match(doc.fold, p.end, p.sentence.end)
    verb = _CHANGE_NEXT.fullmatch(doc.fold[f.span_end : p.start])
    number = re.match(NUM, doc.fold[f.start : f.end])
    percent = p.percent
    if m is None or verb is None or number is None or percent is None or percent.value <= 0:
        return {}
    fall = verb.group("verb") == fold("giảm")
    if fall != (m.group("sign") != "+") or not _counts_alike(doc, f, m.group("word")):
        return {}
    by = try_parse_number(m.group("n") + (f" {m.group('mag')}" if m.group("mag") else ""))
    if by is None or by <= 0 or (not fall and by >= a):
        return {}
    bounds = _change_bounds(a, by, number.group(), m.group("n"), fall)
    return _change_verdict(*bounds, percent, "fall_of_decrease" if fall else "growth_of_increase")


def _change_bounds(
    a: Decimal, by: Decimal, a_text: str, by_text: str, fall: bool
) -> tuple[Decimal, Decimal, Decimal, Decimal, Decimal]:
    """(low, high, exact) of the percentage a change ``by`` gives on ``a`` (after a fall: of
    ``a + by``), the figures anywhere within half their last written digit; and ``a``, ``by``."""
    ha, hb = half_unit(a_text, a), half_unit(by_text, by)
    if fall:
        low = 100 * (by - hb) / (a + ha + by - hb)
        high = 100 * (by + hb) / (a - ha + by + hb)
        return low, high, 100 * by / (a + by), a, by
    low = 100 * (by - hb) / (a + ha - by + hb)
    high = 100 * (by + hb) / (a - ha - by - hb) if a - ha - by - hb > 0 else low + 10**6
    return low, high, 100 * by / (a - by), a, by


def _change_verdict(
    low: Decimal,
    high: Decimal,
    exact: Decimal,
    a: Decimal,
    by: Decimal,
    percent: Percent,
    note: str,
) -> dict[str, Any]:
    """The verdict of a stated change in percent between ``low`` and ``high``, rounded or cut."""
    step = Decimal(1).scaleb(-percent.decimals)
    ok = low <= percent.value + step and high >= percent.value - step / 2
    return {
        "consistent": ok,
        "verdict": "consistent" if ok else "inconsistent",
        **noted(seg(note, a=a, by=by, exact=f"{exact:.6g}")),
    }


def half_unit(number: str, value: Decimal) -> Decimal:
    """Half the last written digit of ``number`` (``300`` → 0,5; ``52,5`` → 0,05), in the
    units of ``value``, the number read with its scale (``300 tỉ`` in đồng)."""
    written = parse_number(number)
    decimals = len(number.rsplit(",", 1)[1]) if "," in number else 0
    return Decimal(5).scaleb(-decimals - 1) * (value / written if written else 1)


#: an amount written in parts (``2 tỷ 421 triệu``): group ``n`` its last number, ``scale``
#: the scale word after it
_COMPOUND = rx(
    rf"(?:(?:{NUM})\s*(?:nghìn|ngàn|triệu|tỷ|tỉ)\s+)+(?P<n>{NUM})\s*(?P<scale>nghìn|ngàn|triệu)?"
)


def written_half(written: str, value: Decimal) -> Decimal | None:
    """Half the last written digit of an amount written ``written`` (its numbers and scale
    words), in the units of ``value``, the amount read; None for a written zero or no number.

    ``20,1`` → 0,05; ``300 tỉ`` → half a tỉ; ``2 tỷ 421 triệu`` → half a triệu: the last
    number's digit, not the first's.
    """
    folded = fold(written).lstrip()
    compound = _COMPOUND.match(folded)
    if compound is not None:
        n, scale = compound.group("n"), compound.group("scale")
        digits = len(n.rsplit(",", 1)[1]) if "," in n else 0
        return Decimal(5).scaleb(-digits - 1) * SCALES.get(scale or "", 1)
    number = re.match(NUM, folded)
    if number is None or not parse_number(number.group()):
        return None
    return half_unit(number.group(), value)


def rounding_gives(percent: Percent, written: str, a: Decimal, t: Decimal) -> bool:
    """Whether a result written ``written`` (its amount as written: ``20,1``, ``1.283 tỷ
    đồng``, ``2 tỷ 421 triệu``), anywhere within half its last written digit
    (:func:`written_half`), gives ``percent`` of the plan ``t`` as written, rounded half-up.

    The one rounding predicate of the audit: the plan, a figure set rather than measured, is
    taken as written, and a cut is no fit (the set flags both); ``a`` plus the half is no
    fit either (it rounds to the next digit). ``58 tỷ đồng`` of ``60,5 tỷ``, ``95,8%``: 57,5
    to 58,5 give 95,04 to 96,69 %, so the figures do not contradict it; ``1.283 tỷ`` of
    ``3.800 tỷ``, ``33,7%``: 1.282,5 to 1.283,5 give 33,750 to 33,776 %, always 33,8
    half-up. Which results are widened (one with decimals only, a measured one) is the
    caller's choice.
    """
    half = written_half(written, a)
    if t <= 0 or half is None:
        return False
    low, high = 100 * (a - half) / t, 100 * (a + half) / t
    half_step = Decimal(5).scaleb(-percent.decimals - 1)
    return low < percent.value + half_step and high > percent.value - half_step


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
    ha, hb = half_unit(number.group(), a), half_unit(m.group("n"), by)
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
    target it reaches (``đạt 45%, chưa đạt chỉ tiêu là 40%``), a target said nearly reached
    that the result is above (:func:`_nearly_but_over`), a plan said exceeded at under 100 %
    (``vượt kế hoạch năm, đạt 90%``)."""
    if d.contradicted and a is not None and t is not None:
        note = noted(seg("short_but_reached", a=a, t=t))
    elif doc is not None and a is not None and t is not None and _nearly_but_over(d, doc, a, t):
        note = noted(seg("nearly_but_over", a=a, t=t))
    elif (
        doc is not None
        and (p := d.percent_fig) is not None
        and p.percent is not None
        and d.kind == "attainment"
        and exceeded_under(doc, p)
    ):
        note = noted(seg("exceeded_under", stated=p.percent.value))
    else:
        return {}
    return {"consistent": False, "verdict": "inconsistent", **note}


# "chừng 7,3 triệu tấn, gần đạt kế hoạch 7,1 triệu tấn": said nearly reached, in words
# that open the target's own clause right after the result (no semicolon, no "không chỉ",
# "chưa" or "mà đã vượt" around them)
_NEARLY_REACHED = rx(
    r"^\s*(?:[^\W\d_]+(?:\s+[^\W\d_]+)*\s*)?,\s*gần\s+đạt(?!\w)(?:(?!vượt|(?<!\w)mà(?!\w))[^\d;%])*$"
)
_NEARLY_OVER = Decimal("1.01")


def _nearly_but_over(d: Draft, doc: Doc, a: Decimal, t: Decimal) -> bool:
    """Whether the words from the result to its target after it say the target is nearly
    reached (``gần đạt``) while the result, less half its last written digit, is above it
    by more than 1 %; only with no percentage stated."""
    f, g = d.actual_fig, d.target_fig
    if f is None or g is None or d.percent_fig is not None or g.start < f.end:
        return False
    if _NEARLY_REACHED.match(doc.fold[f.end : g.start]) is None:
        return False
    number = re.match(NUM, doc.fold[f.start : f.end])
    return number is not None and a - half_unit(number.group(), a) > t * _NEARLY_OVER


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


def _floor_cut(d: Draft, percent: Percent, qual: str | None, a: Decimal, t: Decimal) -> bool:
    """Whether the percentage of an actual written as a floor, its other figures exact, is cut
    (:func:`~kpitools.extract.stated_checks.cut_above_floor`)."""
    f, others = d.actual_fig, (d.target_fig, d.excess_fig)
    if qual is not None or d.kind == "excess" or f is None or f.qualifier not in FLOORS:
        return False
    if any(g is not None and g.qualifier for g in others):
        return False
    return bool(check_percent(percent, a, t).truncated)


_LEADING_NUM = re.compile(rf"\s*({NUM})")


def _floor_short(d: Draft, percent: Percent, qual: str | None, a: Decimal, t: Decimal) -> bool:
    """Whether a floor amount, below one unit of its last digit more, cannot reach its share.

    ``trên 1.237 tỷ đồng, bằng 12,5% kế hoạch (10.000 tỷ đồng)``: an amount written to its
    last digit as a floor lies below one more of that digit (1.238), so its share is below
    12,38 %, which does not round to 12,5 %. Only a floor (``trên``, ``hơn``) whose last
    written digit is not nought (``hơn 1.200`` may stand for a rounder figure), the
    percentage with no qualifier and the other figures exact.
    """
    f, others = d.actual_fig, (d.target_fig, d.excess_fig)
    if qual is not None or d.kind == "excess" or f is None or f.qualifier not in FLOORS:
        return False
    if any(g is not None and g.qualifier for g in others):
        return False
    m = _LEADING_NUM.match(f.written)
    if m is None or m.group(1).endswith("0"):
        return False
    unit = 2 * half_unit(m.group(1), a)
    half = Decimal(5).scaleb(-percent.decimals - 1)
    return (a + unit) * 100 / t <= percent.value - half


def _floor_over(d: Draft, percent: Percent, qual: str | None, a: Decimal, t: Decimal) -> bool:
    """Whether a floor amount's attainment, as written, is already above the stated one.

    ``trên 1.460 ha, đạt 41% kế hoạch (2.000 ha)``: more than 1.460 of 2.000 is more than 73
    %, which 41 % is neither a rounding nor a cut of. Only an attainment of a floor
    (``trên``, ``hơn``), the percentage with no qualifier and the other figures exact.
    """
    f, others = d.actual_fig, (d.target_fig, d.excess_fig)
    if qual is not None or d.kind != "attainment" or f is None or f.qualifier not in FLOORS:
        return False
    if any(g is not None and g.qualifier for g in others):
        return False
    least = (a * 100 / t).scaleb(percent.decimals).to_integral_value(rounding=ROUND_FLOOR)
    return least.scaleb(-percent.decimals) > percent.value


_TARGET_FLOORS = (*FLOORS, "trở lên")
"""The qualifiers that make a target a floor: the true target is above its figure."""


def _floor_target_checks(
    d: Draft, percent: Percent, qual: str | None, a: Decimal, t: Decimal
) -> dict[str, Any]:
    """An attainment of a target written as a floor (``trên 300``), its actual exact: the
    true percentage is below the one of the figures as written, so a percentage written at
    or above that one, or a floor percentage (``trên 41%``) not below it, is inconsistent;
    else unchecked. The check a target stated in a later sentence gets
    (:mod:`~kpitools.extract.targets`). {} when the draft is not such an attainment."""
    f, g = d.actual_fig, d.target_fig
    if d.kind != "attainment" or f is None or f.qualifier or g is None or d.excess_fig:
        return {}
    if g.qualifier not in _TARGET_FLOORS or qual not in (None, *FLOORS) or t <= 0:
        return {}
    exact = a * 100 / t
    bad = under_floor_target(percent, qual, exact)
    lead = (
        seg("percent", a=a, t=t, exact=f"{exact:.6g}"),
        seg("target_qualified", target_qual=g.qualifier, t=t),
    )
    if not bad:
        return {"verdict": "unchecked", **noted(*lead)}
    tail = seg("so_not_qual", qual=qual, percent=percent.value) if qual else None
    return {
        "computed_percent": _rounded(exact, percent.decimals),
        "consistent": False,
        "verdict": "inconsistent",
        **noted(*lead, tail or seg("so_not", percent=percent.value)),
    }


def _approximate_checks(
    d: Draft, percent: Percent, qual: str | None, a: Decimal, t: Decimal
) -> dict[str, Any]:
    """Approximate figures are not checked at the percentage's precision, but one that they
    contradict by more than a factor of 2 ("khoảng 350 cây" of 550.000, "tương đương 1%") is
    inconsistent."""
    stated = percent.value + (100 if d.kind == "excess" else 0)
    exact = a * 100 / t
    if _floor_cut(d, percent, qual, a, t):
        check = check_percent(percent, a, t)
        return {
            "computed_percent": check.computed,
            "consistent": False,
            "truncated": True,
            "verdict": "truncated",
            **noted(
                seg("percent", a=a, t=t, exact=f"{exact:.6g}"),
                seg("computed", computed=check.computed),
            ),
        }
    lead = seg("percent", a=a, t=t, exact=f"{exact:.6g}")
    if _floor_short(d, percent, qual, a, t):
        return {
            "computed_percent": _rounded(exact, percent.decimals),
            "consistent": False,
            "verdict": "inconsistent",
            **noted(lead, seg("floor_short", stated=stated)),
        }
    if _floor_over(d, percent, qual, a, t):
        return {
            "computed_percent": _rounded(exact, percent.decimals),
            "consistent": False,
            "verdict": "inconsistent",
            **noted(lead, seg("floor_over", stated=stated)),
        }
    if not far_off(stated, percent.decimals, qual, exact):
        return {"verdict": "unchecked", **noted(seg("approximate"))}
    return {
        "computed_percent": _rounded(exact, percent.decimals),
        "consistent": False,
        "verdict": "inconsistent",
        **noted(lead, seg("far_off", stated=stated)),
    }


def _signed(d: Draft, percent: Percent) -> Percent:
    """The stated percentage with its sign ("thấp hơn 5% so với dự toán": 100 - 5)."""
    if d.stated_percent is not None and d.stated_percent < 0:
        return Percent(d.stated_percent, percent.decimals, percent.text)
    return percent


# "vượt 4% kế hoạch 2 tháng và bằng 58% kế hoạch quý 1": the period a plan is of, after
# its word (months counted, a quarter, a month, a year)
_PLAN_PERIOD = rx(
    r"\s*(?:so\s+với\s+)?(?:kế\s+hoạch|chỉ\s+tiêu|dự\s+toán|mục\s+tiêu|kh)\s+(?:của\s+)?"
    r"(?:(?P<months>\d+)\s+tháng|(?P<quarter>quý)|(?P<month>tháng)"
    r"|(?:cả\s+)?(?P<year>năm)(?!\s+(?:trước|ngoái)))(?!\w)"
)


def _plan_period(doc: Doc, p: Figure) -> str:
    """The period of the plan a percentage names (``kế hoạch quý 1``: ``quarter``; ``kế
    hoạch 2 tháng``: ``2 months``), "" for none named."""
    m = _PLAN_PERIOD.match(doc.fold, p.end)
    if m is None:
        return ""
    if m.group("months"):
        return f"{int(m.group('months'))} months"
    return next(k for k in ("quarter", "month", "year") if m.group(k))


def _twin_checks(d: Draft, doc: Doc) -> dict[str, Any]:
    """An attainment and an excess stated of the same figures ("đạt 115,5% kế hoạch, vượt
    15,5%") must say the same: attainment = 100 + excess, within what each one's rounding
    allows; {} when the draft is not such a second percentage, a qualifier blurs them or
    they name two plans ("104% dự toán Trung ương, vượt 6% dự toán tỉnh") or the plans of
    two periods ("vượt 7% kế hoạch 2 tháng, bằng 69% kế hoạch quý 1")."""
    first = d.twin_of
    if first is None or first.percent_fig is None or d.percent_fig is None:
        return {}
    pair = {first.kind: first.percent_fig, d.kind: d.percent_fig}
    attained, excess = pair.get("attainment"), pair.get("excess")
    if attained is None or excess is None or attained.qualifier or excess.qualifier:
        return {}
    tails = {plan_of(doc, f) for f in (attained, excess)} - {""}
    if len(tails) > 1 or len({_plan_period(doc, f) for f in (attained, excess)} - {""}) > 1:
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


def _whole_of_rate(d: Draft, a: Decimal | None) -> dict[str, Any]:
    """A rate of things counted whole (``12 xã đạt chuẩn, đạt tỷ lệ 40,68%``) that no whole
    number of them gives (12/29 is 41,38 %, 12/30 is 40 %): inconsistent; {} when one does,
    or the count is no whole one."""
    p = d.percent_fig
    if d.kind != "rate" or a is None or not d.whole_target or p is None or p.qualifier:
        return {}
    if p.percent is None:
        return {}
    if a != a.to_integral_value() or single(d.target) is not None:
        return {}
    return _whole_target_checks(d, p.percent, a)


# what may follow a share of a fraction without naming another whole
_WHOLE_AFTER = rx(r"\s*(?:tổng\s+)?(?:số\s+)?(?P<word>[^\W\d_]+)")
_NO_WHOLE = frozenset(
    fold(w) for w in ("và", "so", "trong", "tăng", "giảm", "với", "đạt", "là", "bằng", "do", "vì")
)


def _rate_of_fraction(
    d: Draft, doc: Doc | None, a: Decimal | None, t: Decimal | None, approximate: bool
) -> dict[str, Any]:
    """A rate or share stated right after the fraction it is of (``117/140 nhà, đạt tỷ lệ
    86,43%``: 117/140 is 83,57 %; ``15/23 trường đạt chuẩn, chiếm tỷ lệ 65,29%``) checked
    against that fraction, as a coverage; {} for any other rate, figures with a qualifier,
    a rate with another figure between it and the fraction (``8/9 xã …, 5/6 trường …, đạt
    tỷ lệ 70%``: the rate may be of the later one), a share that names a whole of another
    noun than the fraction's (``12/15 huyện …, chiếm 35% tổng diện tích``), or a rate or
    share of another scope (``… 117/140 nhà …, đạt tỷ lệ 86% tổng số nhà toàn tỉnh``)."""
    p, f = d.percent_fig, d.actual_fig
    if d.kind not in ("rate", "share") or f is None or f.kind != "pair":
        return {}
    if p is None or p.percent is None:
        return {}
    if a is None or t is None or not t or approximate or p.qualifier or doc is None:
        return {}
    if f.end > p.span_start or any(c.isdigit() for c in doc.text[f.end : p.span_start]):
        return {}
    if not _whole_matches_fraction(doc, d, f, p):
        return {}
    return _exact_checks(d, p.percent, None, a, t)


def _whole_matches_fraction(doc: Doc, d: Draft, f: Figure, p: Figure) -> bool:
    """Whether the words after a rate's or share's percentage name no whole, or no scope but
    the fraction's own and, after a share, the fraction's noun (``64/90 trường …, chiếm 71%
    tổng số trường``; not ``huyện có 15/23 trường …, chiếm 12% tổng số trường đạt chuẩn
    của tỉnh``, nor ``117/140 nhà …, đạt tỷ lệ 86% tổng số nhà toàn tỉnh``)."""
    m = _WHOLE_AFTER.match(doc.fold, p.end)
    if m is None or m.group("word") in _NO_WHOLE:
        return True
    noun = re.match(r"\s*([^\W\d_]+)", doc.fold[f.end : f.end + 40])
    if d.kind == "share" and (noun is None or noun.group(1) != m.group("word")):
        return False
    return not names_another_scope(doc, item_start(doc, d, f.start), f.start, p.end)


# a plan named right after a percentage ("đạt 92% kế hoạch năm", "… so với chỉ tiêu")
_PLAN_NAMED = rx(
    r"\s*(?:so\s+với\s+)?(?:kế\s+hoạch|kh|chỉ\s+tiêu|dự\s+toán|nghị\s+quyết|mục\s+tiêu)(?!\w)"
)


# "huyện có 23/31 …": the fraction counts what there is, of all there are
_HAS = rx(r"(?<!\w)có\s*$")
# "… đạt tỷ lệ 80% so với mục tiêu": the percentage named the fraction's rate
_RATE_NAMED = rx(r"(?<!\w)(?:tỷ|tỉ)\s+lệ\s+(?:\w+\s+)?$")


def _plan_not_the_fraction(
    d: Draft, doc: Doc | None, a: Decimal | None, t: Decimal | None
) -> dict[str, Any]:
    """A percentage of a plan after a fraction of things there are, a part no larger than
    its whole (``huyện có 23/31 hợp tác xã …, đạt 92% kế hoạch năm``: 23 of the 31
    cooperatives, the 92 % of a plan not written): unchecked, not checked against the
    fraction; {} for a fraction of things done (``sửa được 23/31 cây cầu, đạt …% chỉ
    tiêu``: the result of its plan), whose noun is the plan's (``23/25 chỉ tiêu``), of money
    (``7,215 tỷ/4,8 tỷ đồng``) or a result over its plan (``có 36/30 …``), a rate named
    (``có 23/31 thôn …, đạt tỷ lệ 80% so với mục tiêu``: the fraction's own), and when the
    figures give the percentage (``có 25/25 bếp ăn …, đạt 100% kế hoạch năm``: the whole is
    then the plan)."""
    f, p = d.actual_fig, d.percent_fig
    if doc is None or f is None or f.kind != "pair" or f.measure is not None or p is None:
        return {}
    if d.kind not in ("attainment", "excess", "coverage") or p.percent is None:
        return {}
    if a is None or t is None or not t or a > t or not _PLAN_NAMED.match(doc.fold, p.end):
        return {}
    if _PLAN_NAMED.match(doc.fold, f.end) or not _HAS.search(doc.fold, f.start - 12, f.start):
        return {}
    if _RATE_NAMED.search(doc.fold, f.end, p.span_start):
        return {}
    if _exact_checks(d, p.percent, p.qualifier, a, t).get("verdict") == "consistent":
        return {}
    return {"verdict": "unchecked", **noted(seg("plan_not_fraction"))}


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
    excess = single(excess_fig.value)
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
    out.update(stated_checks(lead, qual, check, stated.value, explain_under=True))
    return out


def near_scope(doc: Doc, d: Draft) -> str:
    figs = [f for f in (d.actual_fig, d.target_fig, d.excess_fig) if f is not None]
    if not figs:
        return ""
    start = min(f.clause for f in figs)
    end = max(doc.clause_end(f.span_end, f.sentence.end) for f in figs)
    if ":" in doc.text[d.sentence.start : start]:  # a list under a heading: the heading too
        start = d.sentence.start
    return doc.fold[start:end]
