"""Parts linked to the totals they divide, for :mod:`kpitools.extract.records`.

:func:`link_parts` marks the parts of a stated total (``… 1.236 đảng viên, trong đó Đông Anh
50 …``), in the items after a part list's first and up to the parts that already add up to
the whole, and the parts of a total stated after them; a rate or an amount per something is no
part, nor a part of another measure or unit than its total.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from decimal import Decimal

from kpitools.extract.amounts import MEASURE_NAMES, MEASURE_NAMES_RX
from kpitools.extract.assembly import nouns_agree
from kpitools.extract.figures import (
    PART_MARKER,
    TOTAL_LEAD,
    Draft,
    Figure,
)
from kpitools.extract.kinds import (
    group_name,
    part_regions,
    written_unit,
)
from kpitools.extract.listed_parts import (
    bracket_close,
    bracket_of_figure,
    closed_bracket_before,
    could_divide,
    figures_before,
    fraction_before,
    in_reach,
    others_uncounted,
)
from kpitools.extract.target_words import (
    PLAN_WORD,
)
from kpitools.extract.text import Doc
from kpitools.textfold import fold, rx

# --------------------------------------------------------------------------- parts


def link_parts(doc: Doc, drafts: list[Draft], related: Callable[[Draft, Draft], bool]) -> None:
    """Mark parts of a stated total: "… 1.236 đảng viên, trong đó Đông Anh 500, …"."""
    # a twin (a second percentage about the same figures) is no second part or total; nor is
    # a rate, which its parts may exceed ("tăng trưởng … 6,9%. Trong đó: công nghiệp 10,68%"),
    # nor an amount per head or per unit, an average ("7 triệu đồng/người/tháng; trong đó …")
    actual = [
        d
        for d in drafts
        if d.actual is not None
        and d.actual_fig is not None
        and d.twin_of is None
        and not _rate_measure(doc, d.actual_fig)
    ]
    anchors = [d.anchor for d in actual]  # in text order, as the drafts are
    sentences = {d.sentence.start: d.sentence for d in actual}
    fractions = {d.sentence.start for d in actual if d.actual_fig and d.actual_fig.kind == "pair"}
    for sentence in sentences.values():
        for start, region_end, marker, at in part_regions(doc, sentence):
            end = bracket_close(doc, sentence.start, at, region_end)
            sentence_initial = not doc.fold[sentence.start : at].strip(" ,")
            lo = bisect.bisect_left(anchors, start)
            hi = bisect.bisect_left(anchors, end, lo)
            inside = [
                d
                for d in actual[lo:hi]
                if d.part_of is None and not _allotted(doc, d, at) and not _core_figure(doc, d)
                if not _parent_figure(doc, d, start)
                if d.actual_fig is not None and not bracket_of_figure(doc, d.actual_fig, at)
            ]
            across = sentence_initial and figures_before(doc, sentences, sentence)
            counted = fraction_before(doc, fractions, sentence) if across else None
            totals = (
                t
                for t in _before(actual, bisect.bisect_left(anchors, at))
                if t.actual_fig is None or not closed_bracket_before(doc, t.actual_fig, at)
            )
            reach = in_reach(totals, sentence, across, counted)
            options = (
                (t, could_divide(doc, t, [d for d in inside if d is not t and related(t, d)]))
                for t in reach
                if _fractions_name(t, inside, related)
            )
            for total, parts in _named_total(doc, start, (o for o in options if o[1])):
                units = [_plain_unit(doc, d) for d in parts]
                disjoint = _distinct_units(units)
                consists = fold("gồm") in marker and not _some_kinds(total, parts)
                consists = consists and not others_uncounted(doc, parts, end)
                if disjoint or (consists and len(parts) >= 2):
                    rule = "sum_equal" if consists else "sum_at_most"
                else:
                    rule = "at_most"
                    siblings = _sibling_parts(doc, total, parts, (start, end), actual, anchors)
                    if siblings:
                        parts, rule = parts + siblings, "sum_at_most"
                    else:
                        parts = _up_to_exhausted(total, parts)
                whole = _figure_measure(doc, total, anchors, actual)
                for d in parts:
                    own = _figure_measure(doc, d, anchors, actual)
                    if _measure_listed_before(doc, total, d) or not _measures_agree(whole, own):
                        continue
                    d.part_of, d.part_rule = total, rule
    _link_totals_after(doc, actual)


def _fractions_name(
    total: Draft, parts: list[Draft], related: Callable[[Draft, Draft], bool]
) -> bool:
    """Whether a part written as a fraction of a whole (``trong đó nữ 21/640``: 21 of 640)
    names ``total`` as that whole; a list with no such part names none. A fraction's
    denominator is the whole its part is of, so a figure of another value before the list
    (the count of the last unit of a list before, ``…, Ba Vì 4. Trong đó, nữ 21/640, gồm:
    …``) is no whole of it: a part checked against it would be a false alarm. Only fractions
    that could be parts of ``total`` (``related``) count: one of another measure in the list
    (``…, 3/5 chi bộ đạt chuẩn``) says nothing of its whole."""
    return all(
        d.target == total.actual
        for d in parts
        if d is not total
        and d.actual_fig is not None
        and d.actual_fig.kind == "pair"
        and related(total, d)
    )


# "…, trong đó lợi nhuận cốt lõi đạt 2.050 tỷ đồng": the core figure (without one-off items),
# another measure of the whole that may exceed it, not a part of it
_CORE = rx(r"(?<!\w)cốt\s+lõi(?!\w)")


def _core_figure(doc: Doc, d: Draft) -> bool:
    """Whether the clause of ``d``'s figure names it a core figure (:data:`_CORE`)."""
    assert d.actual_fig is not None
    return _CORE.search(doc.fold, d.actual_fig.clause, d.actual_fig.start) is not None


# "…, lợi nhuận hợp nhất đạt 900 tỷ đồng. Trong đó, công ty mẹ đạt 950 tỷ đồng": the parent's
# own figure, which the group's consolidated one does not add up (intra-group sales and
# dividends are taken out of it), so it may exceed it: no part of it
_PARENT = rx(r"(?<!\w)công\s+ty\s+mẹ(?!\w)")


def _parent_figure(doc: Doc, d: Draft, start: int) -> bool:
    """Whether the list of parts (from ``start``) names the parent company (:data:`_PARENT`)
    before ``d``'s figure."""
    assert d.actual_fig is not None
    return _PARENT.search(doc.fold, start, d.actual_fig.start) is not None


# "Trong đó, vốn kế hoạch của tỉnh được bố trí 800 tỷ đồng, …": an amount allotted, a plan
_ALLOTTED = rx(r"(?<!\w)(?:phân\s+bổ|bố\s+trí|được\s+giao)(?:\s+(?:là|hơn|trên|gần|khoảng))?\s*$")


def _allotted(doc: Doc, d: Draft, at: int) -> bool:
    """Whether ``d``'s amount, after the part marker at ``at``, is allotted to a plan (the
    verb right before it, a plan word after the marker): a plan's amount, no part of a
    result."""
    a = d.actual_fig
    if a is None or a.start < at:
        return False
    return bool(_ALLOTTED.search(doc.fold, at, a.start) and PLAN_WORD.search(doc.fold, at, a.start))


_SOME_KINDS_SHARE = Decimal("0.5")
"""A list after ``gồm`` that comes to less than this share of its whole names some of its
kinds, not all of them."""


def _some_kinds(total: Draft, parts: list[Draft]) -> bool:
    """Whether the parts listed after ``gồm`` come to less than half of ``total`` (``đội xe
    có 240 chiếc, gồm 12 xe điện, 30 xe mới mua``: a few kinds named among all, whose sum is
    no check of the whole); their sum is then only at most the whole's."""
    whole = total.actual
    values = [d.actual for d in parts]
    if not isinstance(whole, Decimal) or not all(isinstance(v, Decimal) for v in values):
        return False
    return sum(v for v in values if isinstance(v, Decimal)) < _SOME_KINDS_SHARE * whole


# the first words of an item of a list: three words of letters
_LEAD_WORDS = re.compile(r"[\s,:;\-–•+]*((?:[^\W\d_]+\s+){2}[^\W\d_]+)(?!\w)")

_SIBLING_WHOLES = (None, "gần")
"""Qualifiers of a whole its sibling parts are summed against (at most the number written)."""


def _sibling_parts(
    doc: Doc,
    total: Draft,
    parts: list[Draft],
    region: tuple[int, int],
    actual: list[Draft],
    anchors: list[int],
) -> list[Draft]:
    """The parts of ``total`` in the items after a part list's first, when they are siblings.

    ``Trong đó, thu từ phí cảng đạt 60 tỷ đồng, …; thu từ phí bến đạt 25 tỷ đồng, …``: an
    item after a semicolon that opens with the same three words as the first item names a
    part beside it, not one inside it, so the parts are disjoint and their sum is at most
    the whole. One part to an item (the first's too), each of the whole's kind; the items
    end at the first that opens otherwise. Items opening only with the first item's first
    word are siblings too when the last of them names the others (``…; hàng khác 3
    tấn``). None when the whole is written as more than its number (``hơn``, ``khoảng``).
    """
    assert total.actual_fig is not None
    start, end = region
    if len(parts) != 1 or total.actual_fig.qualifier not in _SIBLING_WHOLES:
        return []
    opened = start + len(_marker_at(doc, start))
    scope = (end, parts[0].sentence.end, actual, anchors)
    head = _LEAD_WORDS.match(doc.fold, opened)
    out = _items_after(doc, total, scope, _same_words(head[1], 3)) if head else []
    first = _LEAD_WORD.match(doc.fold, opened) if head is None or not out else None
    if first is None:
        return out
    # "Trong đó, hàng rau 30 tấn …; hàng quả 18 tấn …; hàng khác 3 tấn": kinds of one measure
    # ending with the others (``khác``), each opening with the first item's word
    out = _items_after(doc, total, scope, _same_words(first[1], 1))
    return out if out and _ends_with_others(doc, out[-1]) else []


_LEAD_WORD = re.compile(r"[\s,:;\-–•+]*([^\W\d_]+)(?!\w)")

_OTHERS = rx(r"[\s,:;\-–•+]*[^\W\d_]+\s+khác(?!\w)")


def _same_words(words: str, n: int) -> Callable[[str], bool]:
    """A test of whether an item's folded text opens with the same three words as ``words``
    (``n`` 3, :data:`_LEAD_WORDS`) or the same first word (``n`` 1)."""
    want, pattern = words.split(), (_LEAD_WORDS if n == 3 else _LEAD_WORD)

    def opens(item: str) -> bool:
        m = pattern.match(item)
        return m is not None and m[1].split() == want

    return opens


def _ends_with_others(doc: Doc, d: Draft) -> bool:
    """Whether the item of the part ``d`` opens with a word and ``khác`` (the others)."""
    assert d.actual_fig is not None
    semi = doc.text.rfind(";", d.sentence.start, d.actual_fig.start)
    return semi >= 0 and _OTHERS.match(doc.fold, semi + 1) is not None


def _items_after(
    doc: Doc,
    total: Draft,
    scope: tuple[int, int, list[Draft], list[int]],
    opens: Callable[[str], bool],
) -> list[Draft]:
    """The parts of ``total`` in the items after semicolons from ``end`` (to the sentence's
    end) that ``opens`` accepts, up to the first it does not, one part each of the whole's
    kind; none when an accepted item holds another."""
    end, sentence_end, actual, anchors = scope
    out: list[Draft] = []
    while end < sentence_end and doc.text[end] == ";":
        nxt = doc.text.find(";", end + 1, sentence_end)
        nxt = sentence_end if nxt < 0 else nxt
        if not opens(doc.fold[end + 1 : nxt]):
            break
        lo = bisect.bisect_left(anchors, end)
        item = [d for d in actual[lo : bisect.bisect_left(anchors, nxt, lo)] if d.part_of is None]
        if len(item) != 1 or not same_kind(doc, total, item[0]):
            return []
        out.append(item[0])
        end = nxt
    return out


EXHAUSTED_SHARE = Decimal("0.98")
"""The share of a whole its first parts must reach (and not pass by more than the rest to 1)
for the items after them to be no parts: parts of kinds that overlap add up to more."""


def _up_to_exhausted(total: Draft, parts: list[Draft]) -> list[Draft]:
    """The parts of a list up to those that already add up to (about) the whole.

    ``làm mới 500 km đường, trong đó đường huyện 40 km, đường xã 458 km, bảo trì đường
    1.200 km``: the first two make up the whole, so the third item is another measure of
    the same thing, not a part of the whole (never larger than its total). Parts each within
    the whole only: a first part larger than it stays a part (a misprint to flag); parts
    well over the whole together (``nữ 120, đoàn viên 180`` of 250: kinds that overlap)
    stay parts.
    """
    whole = total.actual
    if not isinstance(whole, Decimal) or whole <= 0:
        return parts
    added = Decimal(0)
    for i, d in enumerate(parts):
        if i >= 2 and whole * EXHAUSTED_SHARE <= added <= whole * (2 - EXHAUSTED_SHARE):
            return parts[:i]
        if not isinstance(d.actual, Decimal) or d.actual > whole:
            return parts
        added += d.actual
    return parts


def _marker_at(doc: Doc, start: int) -> str:
    """The part marker that opens ``doc``'s text at ``start`` (folded), or ''."""
    m = PART_MARKER.match(doc.fold, start)
    return m.group(0) if m else ""


# a unit per something written right after a figure: "6,2 tấn/ha", "12 triệu đồng/người"
_PER_UNIT = re.compile(r"\s*(?:[^\W\d_]+\s+){0,2}[^\W\d_]+\s*/\s*[^\W\d_]")


def _rate_measure(doc: Doc, f: Figure) -> bool:
    """Whether ``f`` is a rate (``%``) or an amount per something (``tấn/ha``, ``triệu
    đồng/người/tháng``): the parts of such a figure are no shares of it and may exceed it."""
    if f.measure is not None and (f.measure == "%" or "/" in f.measure):
        return True
    return _PER_UNIT.match(doc.text, f.end, min(f.sentence.end, f.end + 40)) is not None


# the first two words of a part list's first item, after its marker: "trong đó, thu phí …"
_ITEM_NAME = re.compile(r"[\s,:;\-–•+]*([^\W\d_]+\s+[^\W\d_]+)(?!\w)")


def _named_total(
    doc: Doc, start: int, options: Iterator[tuple[Draft, list[Draft]]]
) -> list[tuple[Draft, list[Draft]]]:
    """The total a part list divides (with its parts), as one item or none.

    The nearest total with parts, unless the list's first item opens with two words that
    name a measure the nearest total's own words do not and an earlier total's do: ``doanh
    thu đạt 900 tỷ, lợi nhuận 80 tỷ. Trong đó, doanh thu bán lẻ đạt 300 tỷ``: the parts are
    not of the profit written last, and which of the earlier figures they divide the words
    do not settle, so they are linked to none (a part checked against the wrong whole
    would be a false alarm).
    """
    first = next(options, None)
    if first is None:
        return []
    m = _ITEM_NAME.match(doc.fold, start + len(_marker_at(doc, start)))
    if m is None:
        return [first]
    name = re.compile(rf"(?<!\w){re.escape(m.group(1))}(?!\w)")
    if _lead_names(doc, first[0], name) or not any(_lead_names(doc, t, name) for t, _ in options):
        return [first]
    return []


def _lead_names(doc: Doc, total: Draft, name: re.Pattern[str]) -> bool:
    """Whether the words of ``total``'s clause before its figure hold ``name``."""
    assert total.actual_fig is not None
    return name.search(doc.fold, total.actual_fig.clause, total.actual_fig.start) is not None


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
        if not TOTAL_LEAD.search(lead):
            continue
        parts = [
            e
            for e in by_sentence[id(d.sentence)]
            if e.sentence is d.sentence
            and e.anchor < d.anchor
            and e.part_of is None
            and same_kind(doc, d, e)
        ]
        units = [_plain_unit(doc, e) for e in parts]
        if _distinct_units(units):
            d.total_after = True
            for e in parts:
                e.part_of, e.part_rule = d, "sum_equal"


def same_kind(doc: Doc, total: Draft, part: Draft) -> bool:
    assert total.actual_fig is not None and part.actual_fig is not None
    if part.inherit is not None and part.actual_fig.noun_start is None:
        return True
    return nouns_agree(doc, total.actual_fig, part.actual_fig)


def _measure_listed_before(doc: Doc, whole: Draft, draft: Draft) -> bool:
    """Whether the part names a measure that the total's sentence names for an earlier item
    (cut at ``;`` or ``:``) and the total's own item does not, or names none when an earlier
    item is of a measure the total's is not (and not the words of the total's item).

    ``doanh thu 1.400 tỷ đồng, …; nộp ngân sách 42 tỷ đồng, … Trong đó, công ty mẹ doanh thu
    960 tỷ đồng``: the part is of the revenue listed first, not of the last item's payments;
    it is left a part of neither (which total it is of, the list does not say).
    """
    total, part = whole.actual_fig, draft.actual_fig
    if total is None or part is None or total.measure is None or part.measure is None:
        return False

    def named(start: int, end: int) -> set[str]:
        found = MEASURE_NAMES_RX.finditer(doc.fold, start, end)
        return {MEASURE_NAMES[" ".join(m.group().split())] for m in found}

    item = max(doc.fold.rfind(c, total.sentence.start, total.start) for c in ";:") + 1
    item = max(item, total.sentence.start)
    own, earlier = named(part.clause, part.start), named(total.sentence.start, item)
    mine = named(item, total.start)
    if not own:  # "Trong đó, công ty mẹ đạt 960 tỷ đồng": of which of the listed measures?
        lead = " ".join(doc.fold[item : total.start].split())
        return bool(earlier - mine) and lead not in " ".join(
            doc.fold[part.clause : part.start].split()
        )
    return bool(own & earlier) and not own & mine


_MEASURE_REACH = 200
"""How far before an amount (in characters, within its sentence) its measure's name is
looked for."""

_NAMES_JOINED = re.compile(r"\s*(?:,|và|,\s*và)\s*")

# "lợi nhuận trước thuế", "lợi nhuận sau thuế": which of the profits, when said
_TAX = rx(r"\s+(?:(?P<pre>trước)|sau)\s+thuế(?!\w)")
_TAX_OF = {"lntt": "pre", "lnst": "post", "lãi trước thuế": "pre", "lãi sau thuế": "post"}


def _measure_of_name(doc: Doc, m: re.Match[str]) -> tuple[str, str | None]:
    """The measure a name of :data:`MEASURE_NAMES` gives, with its tax (``pre``, ``post`` or
    None) when it is a profit said before or after tax."""
    name = " ".join(m.group().split())
    measure = MEASURE_NAMES[name]
    if measure != "lợi nhuận":
        return measure, None
    tax = _TAX.match(doc.fold, m.end())
    return measure, _TAX_OF.get(name) or (None if tax is None else "pre" if tax["pre"] else "post")


def _figure_measure(
    doc: Doc, d: Draft, anchors: list[int], actual: list[Draft]
) -> tuple[str, str | None] | None:
    """The measure ``d``'s amount is of, by the names before it in its sentence, or None.

    A name right after another qualifies it (``doanh thu xuất khẩu`` is a revenue). The last
    names before it, joined by ``và`` or commas, are said respectively of the amounts after
    them: ``doanh thu và lợi nhuận trước thuế đạt 900 tỷ đồng và 70 tỷ
    đồng``: the second amount is the profit (the amounts of ``actual`` between the names and
    it count its place). None when no name is written or the amount is past the names.
    """
    f = d.actual_fig
    assert f is not None
    start = max(f.sentence.start, f.start - _MEASURE_REACH)
    after = (
        MEASURE_NAMES_RX.match(doc.fold, f.end + 1) if doc.fold[f.end : f.end + 1] == " " else None
    )
    if after is not None:  # "8.000 tỷ đồng doanh thu"
        return _measure_of_name(doc, after)
    group: list[re.Match[str]] = []
    names_end = start
    for m in MEASURE_NAMES_RX.finditer(doc.fold, start, f.start):
        if group and not doc.fold[names_end : m.start()].strip():
            names_end = m.end()  # "doanh thu xuất khẩu": of the first's kind
            continue
        joined = group and _NAMES_JOINED.fullmatch(doc.fold, names_end, m.start())
        group = [*group, m] if joined else [m]
        names_end = m.end()
    if not group:
        return None
    lo = bisect.bisect_left(anchors, start)
    hi = bisect.bisect_left(anchors, f.start, lo)
    place = len(
        {
            e.actual_fig.start
            for e in actual[lo:hi]
            if e.actual_fig is not None and names_end <= e.actual_fig.start < f.start
        }
    )
    return _measure_of_name(doc, group[place]) if place < len(group) else None


def _measures_agree(
    whole: tuple[str, str | None] | None, part: tuple[str, str | None] | None
) -> bool:
    """Whether a part of the measure ``part`` may be a share of a whole of ``whole``: both
    named, they are one measure (a profit before tax and one after are two); a name missing
    on either side says nothing against it."""
    if whole is None or part is None:
        return True
    if whole[0] != part[0]:
        return False
    return None in (whole[1], part[1]) or whole[1] == part[1]


def _plain_unit(doc: Doc, d: Draft) -> str | None:
    """The unit named in the draft's own clause, if any (parts of a list name theirs)."""
    assert d.actual_fig is not None
    clause = d.actual_fig.clause
    names = doc.units_in(clause, d.actual_fig.start)
    if names:
        return names[-1].code or names[-1].text
    # a unit the registry does not know, kept as written ("xã Tân Lập kết nạp 14")
    written = written_unit(doc, clause, d.actual_fig.start)
    if written is not None:
        return written.text
    # a group of bodies ("các chi bộ trường học kết nạp 40"), kept folded
    return group_name(doc, clause, d.actual_fig.start)


def _distinct_units(units: list[str | None]) -> bool:
    """Whether two or more parts each name a unit or group of their own, none of them inside
    another's name (``các chi bộ thôn`` and ``các chi bộ thôn vùng cao`` may overlap)."""
    named = [u for u in units if u is not None]
    if len(units) < 2 or len(named) < len(units) or len(set(named)) < len(named):
        return False
    return not any(a != b and b.startswith(a + " ") for a in named for b in named)
