"""Where and what a draft states for :mod:`kpitools.extract.grammar`: the topic, unit and time
of a draft, and the kind of its percentage (an attainment of a plan, an excess, a growth, a
share …); the kind its words name read with the figures around it is settled in
:mod:`kpitools.extract.context_kinds`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.amounts import PERCENT_BEFORE, amounts_in, sets_out_plan
from kpitools.extract.context_kinds import (
    COMPARED_AGAIN,
    PART_OPENS,
    rate_and_margin,
    said_in_context,
)
from kpitools.extract.figure_roles import K_SHARE
from kpitools.extract.figures import (
    BARE_EXCESS,
    BARE_SECOND_LEAD,
    DECREASE,
    K_ACHIEVED,
    K_CORRESPONDS,
    K_EQUALS,
    K_EXCESS,
    K_GROWTH,
    K_GROWTH_TAIL,
    K_PLAN_NAMED_TAIL,
    K_PLAN_TAIL,
    K_RATE,
    K_SECOND_OF_EXCESS,
    K_SECOND_OF_PLAN,
    K_TARGET,
    K_TOTAL_TAIL,
    MEASURE_WORDS,
    PART_MARKER,
    REQUIRED,
    Draft,
    Figure,
    compared_plan_next,
    plan_of,
    signed_growth,
    single,
)
from kpitools.extract.past_bases import (
    COMPARE_WITH_WORDS,
    COMPARE_WORDS,
    LAST_PERIOD,
    NAMED_YEAR_WORDS,
    PAST_PERIOD,
    SAME_PERIOD,
    YEAR_DIGITS,
)
from kpitools.extract.target_words import (
    ASSIGNED_TO,
    PAID_OUT,
    PLAN_WORD,
    RATE_PLAN_WORDS,
    TARGETS_MET,
)
from kpitools.extract.text import (
    NUM,
    PLAN_NOUNS,
    Doc,
    Sentence,
    TimePhrase,
    UnitMention,
    resolve_month,
)
from kpitools.numbers import parse_number
from kpitools.textfold import fold, rx

if TYPE_CHECKING:
    from kpitools.catalog import MetricCatalog


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


def part_regions(doc: Doc, sentence: Sentence) -> list[tuple[int, int, str, int]]:
    """Part lists of a sentence: (start, end, marker, marker start) up to ';' or the end."""
    out = []
    for m in PART_MARKER.finditer(doc.fold, sentence.start, sentence.end):
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
    rf"(?P<u>{_UNIT_WORDS}[^,;:()\d]*?(?:\s+số\s+\d{{1,3}})?)"
    # "Đảng bộ huyện Yên Lạc (Vĩnh Phúc) kết nạp": the province in brackets after the name
    r"(?=(?:\s*\([^()\d]{1,40}\))?\s*:?\s+(?:đã\s+|mới\s+|chỉ\s+)?"
    r"(?:kết\s+nạp|đạt|có|được|vượt|hoàn\s+thành|thực\s+hiện|"
    r"thành\s+lập|"
    r"phát\s+triển|giao|là|phấn\s+đấu|đề\s+ra)(?!\w)|\s*:?\s*\(?\s*\d)"
)
_GROUP_VERB = (
    r"(?:(?:đã|mới|chỉ)\s+)?(?:kết\s+nạp|đạt|có|được|thành\s+lập|phát\s+triển)(?:\s+được)?"
    r"(?:\s+(?:khoảng|gần|hơn|trên))?"
)
# a group of bodies an item of a list names, in lower case ("các đảng bộ xã kết nạp 150",
# "những chi bộ trường học 40"): a part of a whole, no unit of the registry; its verb, if
# any, then its figure follow it
_GROUP_NAME = rx(
    rf"(?<!\w)(?:các|những)\s+{_UNIT_WORDS}[^,;:()\d]*?(?=\s*:?\s*(?:{_GROUP_VERB})?\s*$)"
)
# "Đảng ủy phường được Thành ủy giao chỉ tiêu …": the unit between is the giver
_PASSIVE_GIVER_BEFORE = rx(r"(?<!\w)được\s+$")
_GIVES_AFTER = rx(r"\s+giao(?!\w)")
# a clause's subject written as the bare noun of a level: "phường đã kết nạp", "Đảng bộ xã
# kết nạp" (the name, when written, comes after it and is capitalised)
_BARE_LEVEL = rx(
    r"\s*(?:(?:đảng\s+bộ|đảng\s+ủy|đảng\s+uỷ)\s+)?(?P<level>huyện|quận|xã(?!\s+hội)|phường)"
    r"(?=\s+(?:đã|đến|tính|trong|năm|mới|kết\s+nạp|phát\s+triển|thành\s+lập|đạt|có)(?!\w))"
)
# a level and its name (capitalised: :func:`_name_end`): "phường Tây Đình", "xã Tân Lập"
_LEVEL_NAMED = rx(
    r"(?<!\w)(?:(?:đảng\s+bộ|đảng\s+ủy|đảng\s+uỷ)\s+)?(?P<level>huyện|quận|xã|phường)\s+(?=\w)"
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
    start = _unit_heading(doc, sentence, start)
    for m in PART_MARKER.finditer(doc.fold, start, pos):
        start = m.end()
    for m in ASSIGNED_TO.finditer(doc.fold, start, pos):  # "giao chỉ tiêu … cho huyện A 150"
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
    if marker := PART_MARKER.search(doc.fold, pos, end):
        end = marker.start()
    return start, end


def _unit_heading(doc: Doc, sentence: Sentence, start: int) -> int:
    """Where an item opens whose unit is written before a colon (``- Đảng bộ xã A: kết nạp
    44 …;``): the unit's name, from the ';', ':' or line before it, when nothing else is
    written there; else ``start`` as it is."""
    text = doc.text
    if start <= sentence.start or text[start - 1] != ":":
        return start
    head = max(
        sentence.start,
        text.rfind(";", sentence.start, start - 1) + 1,
        text.rfind(":", sentence.start, start - 1) + 1,
        text.rfind("\n", sentence.start, start - 1) + 1,
    )
    named = _UNIT_HEAD.fullmatch(doc.fold, head, start - 1)
    return (
        head
        if named and any(w[:1].isupper() for w in text[head : start - 1].split()[2:])
        else start
    )


# "- Đảng bộ phường A" before a colon: a unit's name alone, heading its item
_UNIT_HEAD = rx(rf"[\s\-–•+]*{_UNIT_WORDS}[^,;:()\d]*")


PLACE = rx(
    r"^(?:(?:đảng\s+bộ|đảng\s+ủy|đảng\s+uỷ)\s+)?"
    r"(?P<kind>huyện|quận|thị\s+xã|thành\s+phố|t\.\s?p\.?|tp\.?|tỉnh|xã|phường|thị\s+trấn|đặc\s+khu)"
    r"\s+"
)


def _name_end(text: str) -> str:
    """A place written as its kind and name, without the words after the name.

    A place's name is capitalised words (``tỉnh Hòa Lâm đã giải ngân``, ``đặc khu Phú Quốc
    đón gần``: the name ends before the lower-case verb), its Party committee's too
    (``Đảng bộ xã Tân Lập phấn đấu``). Other units keep their words
    (``Đảng bộ Công an tỉnh``, ``Bộ Chỉ huy Quân sự``).
    """
    kind = PLACE.match(fold(text))
    if kind is None:
        return text
    words = text[kind.end() :].split()
    name = list(itertools.takewhile(lambda w: w[:1].isupper(), words))
    return text if not name else text[: kind.end()] + " ".join(name)


def written_unit(doc: Doc, start: int, pos: int) -> UnitMention | None:
    """The unit an item opens with, kept as written (not a registry name: no code)."""
    m = _WRITTEN_UNIT.match(doc.fold, start, pos + 1)
    if m is None:
        return None
    text = _name_end(doc.text[m.start("u") : m.end("u")].rstrip())
    words = text.split()
    if len(words) < 2 or not any(w[0].isupper() for w in words[1:]):
        return None
    return UnitMention(m.start("u"), m.start("u") + len(text), text, None, ())


def group_name(doc: Doc, start: int, pos: int) -> str | None:
    """The group of bodies named right before the figure at ``pos`` in the clause from
    ``start`` (:data:`_GROUP_NAME`), folded, if any."""
    found = None
    for m in _GROUP_NAME.finditer(doc.fold, start, pos):
        found = m  # the last
    return " ".join(found.group().split()) if found is not None else None


def _opening_unit(doc: Doc, sentence: Sentence, pos: int) -> UnitMention | None:
    """The unit a sentence opens with, as written: at its start, or right after the time
    phrase it opens with (``Trong năm 2024 Đảng bộ xã Tân Lập kết nạp …``)."""
    written = written_unit(doc, sentence.start, pos)
    if written is not None:
        return written
    for t in doc.times_in(sentence.start, pos)[:2]:
        if not doc.text[t.end : t.end + 1].isspace():
            continue
        written = written_unit(doc, t.end, pos)
        if written is not None:
            return written
    return None


def _giver(doc: Doc, u: UnitMention) -> bool:
    """Whether ``u`` is named as who assigned (``… được Thành ủy giao …``), not whose the
    figure is."""
    if not _PASSIVE_GIVER_BEFORE.search(doc.fold, max(0, u.start - 8), u.start):
        return False
    return _GIVES_AFTER.match(doc.fold, u.end) is not None


def unit_for(doc: Doc, d: Draft, topic: int) -> UnitMention | None:
    pos = d.anchor
    sentence = d.sentence
    regions = [(s, e) for s, e, *_ in part_regions(doc, sentence)]

    def applies(u: UnitMention) -> bool:
        return not _giver(doc, u) and all(
            not (s <= u.start < e and not s <= pos < e) for s, e in regions
        )

    item_start, item_end = _item(doc, sentence, pos)
    if item_start > sentence.start:
        # an item of a list: its own unit, registry name or as written, before the rest
        own = [u for u in doc.units_in(item_start, pos) if not _giver(doc, u)]
        if own:
            return own[-1]
        written = written_unit(doc, item_start, pos)
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


def unit_named_before(doc: Doc, sentence: Sentence, pos: int) -> UnitMention | None:
    """The unit a clause's subject written as a bare common noun of a level (``phường``,
    ``Đảng bộ xã`` with no name after it) refers to: the one unit of that level the
    sentence before, in the same paragraph, names (``Đảng ủy phường Tây Đình giao … . Đến
    ngày 30/9, phường đã kết nạp …``); None when it names none or several. Given to a
    statement with no unit only after the document's passes, so it links nothing."""
    start = doc.clause_start(pos, sentence.start)
    bare = _BARE_LEVEL.match(doc.fold, start, pos)
    if bare is None:
        return None
    i = bisect.bisect_left(doc.sentences, sentence.start, key=lambda s: s.start) - 1
    if i < 0 or doc.sentences[i].paragraph != sentence.paragraph:
        return None
    level = re.sub(r"\s+", " ", bare.group("level"))
    before = doc.sentences[i]
    named = doc.units_in(before.start, before.end)
    found = {
        fold(m.text): m
        for m in named
        if any(u.type is not None and fold(u.type) == level for u in m.units)
    }
    for m in _LEVEL_NAMED.finditer(doc.fold, before.start, before.end):
        if m.group("level") != level or not doc.text[m.end()].isupper():
            continue
        if any(m.start() <= u.start <= m.end() for u in named):
            continue  # a registry name, kept above
        written = _name_end(doc.text[m.start() : min(before.end, m.end() + 60)])
        if len(written) > m.end() - m.start():
            end = m.start() + len(written)
            found.setdefault(fold(written), UnitMention(m.start(), end, written, None, ()))
    return found.popitem()[1] if len(found) == 1 else None


# "… đạt 110% kế hoạch năm 2025": the year of the plan a percentage is of
_PLAN_OF_YEAR = rx(rf"(?<!\w){PLAN_NOUNS}(?:\s+[^\W\d_]+){{0,3}}?\s*$")


def time_for(doc: Doc, d: Draft, topic: int) -> tuple[int | None, dt.date | None]:
    pos = d.anchor
    sentence = d.sentence
    before = [t for t in doc.times_in(topic, pos) if not t.comparison]
    after = [t for t in doc.times_in(pos + 1, sentence.end) if not t.comparison]
    if _plan_year_after(doc, sentence, before, after):
        before = []  # the plan's year, not an earlier sentence's, is the statement's
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


def _plan_year_after(
    doc: Doc, sentence: Sentence, before: list[TimePhrase], after: list[TimePhrase]
) -> bool:
    """Whether the first time phrase after a draft in its sentence is the year of a plan
    (``đạt 110% kế hoạch năm 2025``) and no time phrase of the sentence comes before it
    (``Năm 2024, …. Xã A kết nạp 55 đảng viên, đạt 110% kế hoạch năm 2025``: 2025)."""
    if not after or after[0].year is None or any(t.start >= sentence.start for t in before):
        return False
    return _PLAN_OF_YEAR.search(doc.fold, sentence.start, after[0].start) is not None


# --------------------------------------------------------------------------- meaning


# a growth rate averaged over years ("tốc độ tăng trưởng bình quân …", "tăng trưởng bình quân
# trong 4 niên độ …"): a rate of growth, not a share of a plan, whatever verb gives it
_AVERAGE_GROWTH = rx(
    r"(?<!\w)(?:tốc\s+độ\s+)?tăng(?:\s+trưởng)?(?:\s+[^\W\d_]+){0,3}?\s+bình\s+quân(?!\w)"
    r"|(?<!\w)tốc\s+độ\s+tăng(?:\s+trưởng)?\s+[^,;]{0,40}?bình\s+quân(?!\w)"
)


def _worded_kind(doc: Doc, d: Draft, lead: str, tail: str) -> tuple[str | None, int] | None:
    """The kind the words around the percentage name (:func:`_said_kind`), or none for a
    growth rate averaged over years with no plan named right after it (``tốc độ tăng trưởng
    bình quân trong 4 niên độ đạt 17,6%``: no share of a plan); ``None`` when they settle
    nothing."""
    if said := _said_kind(lead, tail):
        return said_in_context(doc, d, said, tail)
    if _AVERAGE_GROWTH.search(lead) and not K_PLAN_TAIL.match(tail):
        return None, 1
    return None


def percent_kind(doc: Doc, d: Draft, catalog: MetricCatalog | None) -> tuple[str | None, int]:
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
    if (worded := _worded_kind(doc, d, lead, tail)) is not None:
        return worded
    if K_CORRESPONDS.search(lead) or _shares_verb(lead):
        return ("attainment" if K_PLAN_TAIL.match(tail) else None), 1
    if _second_of_plan(doc, p, lead, K_SECOND_OF_EXCESS) and K_PLAN_TAIL.match(tail):
        return "excess", 1
    achieved = bool(K_ACHIEVED.search(lead) or _second_of_plan(doc, p, lead))
    achieved = achieved or not lead.strip(" (")
    if achieved and (
        K_PLAN_TAIL.match(tail)
        or _plan_met_before(doc, p)
        or _parallel_plan(doc, p)
        or _COMPARED_PLAN_LEAD.search(lead)
        or _plan_compared_before(doc, p, lead, tail)
    ):
        return "attainment", 1
    if K_RATE.search(lead) or (K_EQUALS.search(lead) and K_TOTAL_TAIL.match(tail)):
        attained = _disbursement_rate(doc, d, tail) or _admission_rate(doc, d, tail)
        attained = attained or _fraction_rate_of_plan(d, tail)
        return ("attainment" if attained else "rate"), 1
    if achieved:
        kind = _achieved_kind(d, tail, catalog) or _attainment_said_as_excess(doc, d, tail)
        kind = kind or ("attainment" if _members_admitted(doc, d) or _fund_raised(doc, d) else None)
        kind = kind or _attainment_before_growth(doc, d, lead, tail)
        kind = kind or _attainment_in_plan_list(doc, d, lead, tail)
        return kind or _money_of_plan(doc, d, lead, tail), 1
    return None, 1


# "đạt tỷ lệ 91,2%, vượt chỉ tiêu Quốc hội giao": a plan met or exceeded, said in the clause
# after the percentage with no figure of its own
_PLAN_MET_AFTER = rx(rf"^\s*,\s*(?:vượt|đạt)\s+{RATE_PLAN_WORDS}(?!\w)[^\d%,;.]*(?:[,;.]|$)")
# "đạt 92%, vượt chỉ tiêu 2%", "…, vượt kế hoạch huyện giao 0,5 điểm phần trăm": the plan
# exceeded by a margin of its own, the words between only the plan's (not "vượt chỉ tiêu lợi
# nhuận 5%", another measure's); "vượt dự toán 2%" is the amount's excess (RATE_PLAN_WORDS)
_PLAN_EXCEEDED_BY = rx(
    rf"^\s*,\s*(?:đạt\s+và\s+)?vượt\s+(?:mức\s+)?{RATE_PLAN_WORDS}"
    r"(?:\s+(?:đề|đặt|ra|được|giao|năm|cả|của|tỉnh|huyện|xã|thành\s+phố|trung\s+ương|là)(?!\w)){0,4}"
    rf"\s+(?:(?:khoảng|gần|hơn|trên)\s+)?(?:{NUM})\s*(?:%|điểm(?:\s+phần\s+trăm)?(?!\w))"
)


def _under_plan_met(p: Figure, tail: str) -> bool:
    """Whether ``p`` is under 100 % and the clause after it says a plan was met or exceeded
    (``đã giải quyết 2.450 vụ án, đạt tỷ lệ 91,2%, vượt chỉ tiêu Quốc hội giao``), or exceeded
    by a margin of its own (``trồng 1.260 ha rừng, đạt 92%, vượt chỉ tiêu 2%``): no share of
    that plan (91,2 % of a plan is not above it), but a rate whose own target the plan is
    (the margin the rate's excess, read apart)."""
    return (
        p.percent is not None
        and p.percent.value < 100
        and (_PLAN_MET_AFTER.match(tail) is not None or _PLAN_EXCEEDED_BY.match(tail) is not None)
    )


# a figure (a year aside) in the plan's clause: "tỷ lệ 40% so với kế hoạch 50%" compares
# the rate with a plan's rate, "… kế hoạch 12 ca" names another plan than the fraction's whole
_FIGURE_IN_CLAUSE = rx(r"^[^,;(]*?(?<!năm\s)(?<![\d/.,])\d")


def _fraction_rate_of_plan(d: Draft, tail: str) -> bool:
    """Whether the rate is that of a result written against its plan as a fraction, the
    plan named after the rate (``đặt vòng 45/60 ca, tỷ lệ 75% so với kế hoạch``) and no
    figure after the plan's words in the clause: the plan's attainment, not a rate of a
    whole."""
    a = d.actual_fig
    if a is None or a.kind != "pair" or (m := K_PLAN_TAIL.match(tail)) is None:
        return False
    return not _FIGURE_IN_CLAUSE.match(tail[m.end() :])


# "là 41,2% vượt chỉ tiêu kế hoạch là 3,1%": a percentage said after a rate's excess over
# its plan, less than half the rate, is the margin (a target so far below would not be
# beaten by the rate's words alone), never a target rate
_MARGIN_OVER_PLAN = rx(
    rf"(?P<rate>{NUM})\s*%\s*,?\s*vượt\s+(?:mức\s+)?{PLAN_NOUNS}"
    r"(?:\s+(?!đạt|vượt|tăng|giảm|so(?!\w))[^\W\d_]+){0,4}?\s*(?:là|:)\s*$"
)


def _margin_over_plan(doc: Doc, p: Figure) -> bool:
    """Whether ``p`` is the margin of the rate before it over its plan, said with ``là``
    (:data:`_MARGIN_OVER_PLAN`): below half the rate, so no target of it."""
    m = _MARGIN_OVER_PLAN.search(doc.fold, max(p.sentence.start, p.start - 120), p.start)
    if m is None:
        return False
    try:
        return p.values[0] * 2 < parse_number(m.group("rate"))
    except ValueError:
        return False


# "… 3.214 triệu đồng, tăng 512 triệu đồng (18,95%) so với cùng kỳ": a percentage alone in
# brackets right after a change's amount is the change's rate, never an attainment
_CHANGE_THEN_BRACKET = rx(
    rf"(?<!\w)(?P<verb>tăng|giảm)(?:\s+(?:thêm|khoảng|gần|hơn|trên))*\s*(?:{NUM})"
    r"(?:\s+[^\W\d_]+){0,3}\s*\(\s*$"
)
_BRACKET_CLOSES = re.compile(r"\s*\)")


def _rate_of_change(doc: Doc, p: Figure) -> int:
    """The sign of the change whose amount is right before the percentage ``p`` alone in
    brackets (:data:`_CHANGE_THEN_BRACKET`): 1 for ``tăng``, -1 for ``giảm``; else 0."""
    m = _CHANGE_THEN_BRACKET.search(doc.fold, max(p.sentence.start, p.start - 80), p.start)
    if m is None or not _BRACKET_CLOSES.match(doc.fold, p.end):
        return 0
    return 1 if m.group("verb") == fold("tăng") else -1


# "phát triển 120 hội viên mới", "kết nạp 80 đoàn viên": members newly admitted, a count a
# plan sets (never a rate of all members)
_MEMBER_NOUN = rx(r"(?:hội\s+viên|đoàn\s+viên|đảng\s+viên)(?!\w)")
_ADMITTED = rx(
    r"(?<!\w)(?:kết\s+nạp|phát\s+triển)(?:\s+(?:mới|được|thêm))*"
    r"(?:\s+(?:khoảng|gần|hơn|trên))?\s*$"
)


# "thành lập mới 33 công đoàn cơ sở": bodies newly founded, a count a plan sets likewise
_BODY_NOUN = rx(
    r"(?:(?:công\s+đoàn|cđ)\s+cơ\s+sở|cđcs|tổ\s+chức\s+(?:cơ\s+sở\s+)?đảng|chi\s+bộ|chi\s+hội)(?!\w)"
)
_FOUNDED = rx(r"(?<!\w)thành\s+lập(?:\s+(?:mới|được|thêm))*(?:\s+(?:khoảng|gần|hơn|trên))?\s*$")


def _members_admitted(doc: Doc, d: Draft) -> bool:
    """Whether the draft's actual counts members admitted (``phát triển 120 hội viên``),
    bodies founded (``thành lập mới 33 công đoàn cơ sở``) or the best members introduced to
    the Party (``giới thiệu 40 đoàn viên ưu tú``): a bare ``đạt 105%`` after it is then of
    the plan of admissions, foundings or introductions, whatever the metric."""
    f = d.actual_fig
    if f is None or f.kind != "count" or f.noun_start is None:
        return False
    low = max(f.clause, f.start - 40)
    return bool(
        (
            _MEMBER_NOUN.match(_noun_written_out(doc, f.noun_start))
            and _ADMITTED.search(doc.fold, low, f.start)
        )
        or (_BODY_NOUN.match(doc.fold, f.noun_start) and _FOUNDED.search(doc.fold, low, f.start))
        or (_BEST_NOUN.match(doc.fold, f.noun_start) and _INTRODUCED.search(doc.fold, low, f.start))
    )


def _noun_written_out(doc: Doc, start: int) -> str:
    """The folded words from ``start``, an abbreviation the text defines there written out
    (``ĐV`` after ``đảng viên (ĐV)``: ``đảng viên``)."""
    words = doc.fold[start : start + 40]
    head = _FIRST_WORD.match(words)
    full = doc.abbreviations.get(head.group()) if head else None
    return words if head is None or full is None else full + words[head.end() :]


_FIRST_WORD = re.compile(r"[^\W\d_]+")


def _admission_rate(doc: Doc, d: Draft, tail: str) -> bool:
    """Whether ``đạt tỷ lệ X%`` ends the clause right after its own count of members admitted
    or bodies founded (``kết nạp 40 đảng viên, đạt tỷ lệ 80%.``): the share of the plan of
    admissions reached, an attainment."""
    f, p = d.actual_fig, d.percent_fig
    if f is None or p is None or f.sentence is not p.sentence or d.target is not None:
        return False
    return _CLAUSE_OR_BRACKET_END.match(tail) is not None and _members_admitted(doc, d)


# "giới thiệu 40 đoàn viên ưu tú": the best members introduced to the Party, a count a plan
# of the Youth Union or an association sets likewise
_BEST_NOUN = rx(r"(?:đoàn\s+viên|hội\s+viên|quần\s+chúng)\s+ưu\s+tú(?!\w)")
_INTRODUCED = rx(r"(?<!\w)giới\s+thiệu(?:\s+(?:mới|được|thêm))*(?:\s+(?:khoảng|gần|hơn|trên))?\s*$")


# "hội vận động quỹ khuyến học được 35 triệu đồng, đạt 118%": money raised for a fund, an amount
# a plan sets likewise
_RAISING = rx(r"(?<!\w)(?:vận\s+động|quyên\s+góp|ủng\s+hộ|huy\s+động)(?!\w)")
_FUND = rx(r"(?<!\w)quỹ(?!\w)")


def _fund_raised(doc: Doc, d: Draft) -> bool:
    """Whether the draft's actual is money raised for a fund (``vận động quỹ khuyến học được 35
    triệu đồng``, ``vận động được 35 triệu đồng quỹ khuyến học``): a bare ``đạt 118%`` after it is
    then of the fund's plan. A verb of raising in the amount's clause before it, the fund
    named between that verb and the percentage."""
    f, p = d.actual_fig, d.percent_fig
    if f is None or p is None or f.measure is None or d.target is not None:
        return False
    verb = _RAISING.search(doc.fold, max(f.clause, f.start - 60), f.start)
    return verb is not None and _FUND.search(doc.fold, verb.end(), p.start) is not None


# a percentage alone in brackets ("(bằng 85%)", "(84%)") and the percentages of earlier
# items in brackets with what they are of ("(91% so với cùng kỳ năm trước)")
_BARE_BRACKET_LEAD = rx(r"^\s*\(?\s*(?:bằng\s*)?$")
_BARE_BRACKET_TAIL = re.compile(r"^\s*\)")
_BRACKETED_PERCENT = rx(rf"\(\s*(?:bằng\s+)?(?:{NUM})\s*%\s*([^()]*)\)")
_SAME_PERIOD_BEFORE = rx(rf"^(?:{COMPARE_WITH_WORDS})?{SAME_PERIOD}(?!\w)")


def _settled_kind(
    doc: Doc, d: Draft, p: Figure, lead: str, tail: str
) -> tuple[str | None, int] | None:
    """The kind of a percentage settled before its words are read: of a rate the draft is
    of or said with its margin after it (:func:`rate_and_margin`), a change written with
    its sign (:func:`signed_growth`), or none for a bare one in a list of indexes
    (:func:`bare_in_index_list`); a rate, or none, for one under 100 % before a plan met or
    exceeded (:func:`_under_plan_met`)."""
    if d.rate_of:
        return ("target" if K_TARGET.search(lead) else "rate"), 1
    if rate_and_margin(doc, p, "rate"):
        return "rate", 1
    if _margin_over_plan(doc, p):
        return None, 1
    if sign := signed_growth(doc, p) or _rate_of_change(doc, p):
        return "growth", sign
    if bare_in_index_list(doc, p, lead, tail):
        return None, 1
    if K_ACHIEVED.search(lead) and _under_plan_met(p, tail):
        return ("rate" if K_RATE.search(lead) else None), 1
    return None


def bare_in_index_list(doc: Doc, p: Figure, lead: str, tail: str) -> bool:
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
    rf"{PLAN_NOUNS}(?!\w)"
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


_CLAUSE_END_TAIL = rx(r"^\s*(?:[.;]|$)")


_BARE_REACHED = rx(r"^\s*,?\s*đạt\s*$")
_CLAUSE_OR_BRACKET_END = rx(r"^\s*(?:[.;)]|$)")


def _money_of_plan(doc: Doc, d: Draft, lead: str, tail: str) -> str | None:
    """``attainment`` for a bare ``đạt X%`` that ends its clause (or bracket) right after an
    amount of money in that clause: disbursed (``cả tỉnh giải ngân 500 tỷ đồng, đạt 62,5%``,
    the share of the capital plan disbursed), or any other sum (``thu ngân sách 22 tỷ đồng,
    đạt 88%;``, ``lợi nhuận 713 tỉ đồng, đạt 101%``: a sum reached is set against its plan or
    estimate; a share of a whole is said ``chiếm``) unless a larger number written before it
    fits it as the percentage (``… là 13.804 tỷ đồng. … phân bổ 13.092 tỷ đồng, đạt 94,8%``:
    a share of that whole, or a plan the percentage is read against elsewhere); else None,
    and None for a part of a whole (``trong đó …``) or where :func:`_bare_money_refused`
    reads no plan behind the sum."""
    f, p = d.actual_fig, d.percent_fig
    if f is None or f.measure is None or d.target is not None or p is None:
        return None
    if not (_BARE_REACHED.match(lead) and _CLAUSE_OR_BRACKET_END.match(tail)):
        return _money_reached(doc, d, f, p, tail)
    if doc.fold[f.end : p.clause].strip(" ,("):
        return None  # words between the amount and the percentage's clause
    if tail.lstrip().startswith(")") and not _BRACKET_ITEM_END.match(tail):
        return None  # "(đạt 95%) kế hoạch sản xuất được …": a clause goes on after it
    if PART_OPENS.search(doc.fold, f.sentence.start, f.start):
        return None  # a part's percentage may be of its whole ("trong đó …, đạt 70%")
    if _bare_money_refused(doc, f, p):
        return None
    if PAID_OUT.search(doc.fold, f.clause, f.start):
        return "attainment"
    return None if _share_of_earlier(doc, d, across=True) else "attainment"


# "… 31,4 tỷ đồng đạt 96,2%.", "… 31,4 tỷ đồng (đạt 96,2%),", "…, đạt 96,2%, trong đó …": a
# bare percentage right after a sum, with no comma, in brackets, or before the sum's parts
_MONEY_REACHED = rx(r"^\s*(?:,\s*|\(\s*)?đạt\s*$")
_MONEY_ITEM_END = rx(r"^\s*(?:[.;]|\)\s*(?:[.;,…]|$)|,\s*trong\s+đó(?!\w)|$)")


def _money_reached(doc: Doc, d: Draft, f: Figure, p: Figure, tail: str) -> str | None:
    """``attainment`` for a bare ``đạt X%`` right after the sum ``f`` written with no comma
    (``thu ngân sách được 5,6 tỷ đồng đạt 98,5%.``), in brackets (``giải ngân 105 tỷ đồng
    (đạt 8,7%),``) or before the sum's parts (``…, đạt 164,5%, trong đó …``), on the terms
    of :func:`_money_of_plan`; else None."""
    start = p.qual_start if p.qual_start is not None else p.start
    if not _MONEY_REACHED.match(doc.fold[f.end : start]) or not _MONEY_ITEM_END.match(tail):
        return None
    if PART_OPENS.search(doc.fold, f.sentence.start, f.start) or _bare_money_refused(doc, f, p):
        return None
    return None if _share_of_earlier(doc, d, across=True) else "attainment"


# what makes a bare "đạt X%" after a sum no attainment of a plan (review 35a): a past base
# named before the sum ("So với cùng kỳ năm trước, doanh thu … đạt 300 tỷ đồng, đạt 115%";
# one after a percentage is that percentage's, see _opens_base)
_PAST_BASE = rx(rf"(?<!\w){COMPARE_WORDS}(?:{PAST_PERIOD}|{NAMED_YEAR_WORDS})(?!\w)")
# a composition, share or ratio named in the item or its list's heading ("Cơ cấu …: nông
# nghiệp 1.500 tỷ đồng, đạt 12%", "nợ xấu … 940 tỷ đồng, đạt 1,8%", a dividend, a margin)
_SHARE_WORDS = rx(
    r"(?<!\w)(?:cơ\s+cấu|t[ỷỉ]\s+trọng|chiếm|t[ỷỉ]\s+lệ|nợ\s+xấu|dư\s+nợ|cổ\s+tức"
    r"|biên\s+(?:lợi\s+nhuận|lãi)|(?:lợi\s+nhuận|lãi)\s+gộp)(?!\w)"
)
_BARE_SHARE = rx(rf"(?<!\w)(?:đạt|chiếm)\s+(?P<n>{NUM})\s*%\s*(?=[;.,)]|$)")
# a price ("giá cà phê … 95.000 đồng/kg"; not "giá trị", "đánh giá") or money per thing
_PRICE = rx(r"(?<!đánh\s)(?<!\w)giá(?!\w)(?!\s+trị)")
_PER_THING = rx(
    r"/\s*(?:kg|tấn|tạ|yến|lượng|chỉ|lít|m2|m3|m²|m³|ha|sào|con|cái|chiếc|thùng|bao"
    r"|kwh|km|mét|cổ\s+phiếu|cp|sản\s+phẩm)(?!\w)"
)
# a hope, forecast or supposition in the sum's clause, or the sum not reached
_HOPED = rx(r"(?<!\w)(?:dự\s+kiến|dự\s+báo|mục\s+tiêu|phấn\s+đấu|nếu|giả\s+sử)(?!\w)")
_NOT_REACHED = rx(
    r"(?<!\w)(?:chưa|không)\s+(?:đạt|được|tới|đến)(?:\s+(?:mức|khoảng|gần|hơn|trên))?\s*$"
)


def _bare_money_refused(doc: Doc, f: Figure, p: Figure) -> bool:
    """Whether a bare ``đạt X%`` after the sum ``f`` is no attainment of a plan, whatever
    :func:`_money_of_plan` and :func:`_money_reached` read: a past base named before the sum
    in its sentence (an index), a composition, share or ratio named in the item or its
    list's heading (:data:`_SHARE_WORDS`), bare percentages of the list adding up to 100
    (shares), a price or money per thing (an index over a past price), a plan or hope set
    out at the sum (:func:`~kpitools.extract.amounts.sets_out_plan`, :data:`_HOPED`) or
    the sum not reached (``chưa đạt 900 tỷ đồng``)."""
    fold_, s = doc.fold, f.sentence
    low = max(s.start, f.start - _LIST_WINDOW)
    if any(_opens_base(fold_, low, m.start()) for m in _PAST_BASE.finditer(fold_, low, f.start)):
        return True
    item = max(low, fold_.rfind(";", low, f.start) + 1)
    heading = fold_.rfind(":", low, f.start)
    if _SHARE_WORDS.search(fold_, item, p.start) or (
        heading >= 0 and _SHARE_WORDS.search(fold_, low, heading)
    ):
        return True
    if _shares_of_one_whole(fold_, low, min(s.end, p.end + _LIST_WINDOW)):
        return True
    if _PRICE.search(fold_, f.clause, f.start) or _PER_THING.search(fold_, f.start, p.start):
        return True
    if _HOPED.search(fold_, f.clause, f.start) or _NOT_REACHED.search(fold_[item : f.start]):
        return True
    # the plan set out in the sum's own clause ("Kế hoạch thu … là 900 tỷ đồng"), not one
    # named before a comma ("không đạt kế hoạch, chỉ được 800 tỷ đồng": the result)
    own = [a for a in amounts_in(fold_, f.start, f.end) if a.start == f.start]
    return bool(own) and sets_out_plan(fold_, own[0], f.clause)


def _shares_of_one_whole(folded: str, start: int, end: int) -> bool:
    """Whether the bare ``đạt``/``chiếm Y%`` of ``folded[start:end]`` add up to 100 (± 1) as
    shares do: three or more, or two whose amounts just before them (within 80 characters)
    give one whole (``khu vực nhà nước 1.500 tỷ đồng, đạt 25%; khu vực ngoài nhà nước 4.500
    tỷ đồng, đạt 75%``; not ``doanh thu 500 tỷ đồng, đạt 52%; lợi nhuận 40 tỷ đồng, đạt
    47%``, two plans)."""
    shares = list(_BARE_SHARE.finditer(folded, start, end))
    values = [_percent_value(m.group("n")) for m in shares]
    if len(shares) < 2 or abs(sum(values, Decimal(0)) - 100) > 1:
        return False
    if len(shares) > 2:
        return True
    wholes = []
    for m, v in zip(shares, values, strict=True):
        amounts = amounts_in(folded, max(start, m.start() - 80), m.start())
        if not amounts or not v or not amounts[-1].value:
            return False
        wholes.append(amounts[-1].value * 100 / v)
    return abs(wholes[0] - wholes[1]) <= Decimal("0.02") * max(wholes)


def _opens_base(folded: str, floor: int, pos: int) -> bool:
    """Whether the past base at ``pos`` is said of what follows (``So với cùng kỳ năm trước,
    doanh thu …``), not of a percentage before it in its clause (``…, tăng 13,99% so với năm
    2020; … thu được 519,6 tỷ đồng, đạt 100,5%``: that growth's own base)."""
    head = max(floor, *(folded.rfind(c, floor, pos) + 1 for c in ",;:"))
    return "%" not in folded[head:pos]


def _percent_value(written: str) -> Decimal:
    try:
        return parse_number(written)
    except ValueError:
        return Decimal(0)


# ", tăng 9% so với cùng kỳ": a growth over a past period said right after
_GROWTH_NEXT = rx(
    rf"^\s*,\s*(?:tăng|giảm)\s+(?:(?:khoảng|gần|hơn|trên)\s+)?(?:{NUM})\s*%\s*"
    rf"{COMPARE_WORDS}(?:{PAST_PERIOD}|{NAMED_YEAR_WORDS})(?!\w)"
)


def _attainment_before_growth(doc: Doc, d: Draft, lead: str, tail: str) -> str | None:
    """``attainment`` for a bare ``đạt X%`` right after an amount when a growth over a past
    period follows it (``thu được 920 tỷ đồng, đạt 112,4%, tăng 8% so với cùng kỳ``): the
    comparison with last year said apart, the bare one is with the plan; else None."""
    f = d.actual_fig
    if f is None or d.target is not None or d.percent_fig is None or f.kind != "count":
        return None
    if not (_BARE_REACHED.match(lead) and _GROWTH_NEXT.match(tail)):
        return None
    if doc.fold[f.span_end : d.percent_fig.clause].strip(" ,"):
        return None  # words between the amount and the percentage's clause
    return None if _share_of_earlier(doc, d) else "attainment"


# "…, đạt 97% kế hoạch; thu ngân sách 21 tỷ đồng, đạt 88%; …": an item's percentage of its
# plan, the plan word written
_LISTED_PLAN_PERCENT = rx(
    rf"(?<!\w)(?:đạt|bằng)\s*(?:(?:khoảng|gần|hơn|trên)\s+)?(?:{NUM})\s*%\s*(?:so\s+với\s+)?"
    r"(?:kế\s+hoạch|kh|dự\s+toán|chỉ\s+tiêu|nghị\s+quyết)(?!\w)"
)
_LIST_WINDOW = 300
_ITEM_END = rx(r"^\s*(?:[.;,]|$)")
# "trồng rừng 420 ha (bằng 105%);": the item's bare percentage in brackets after its amount
# (its unit per year or per head, "90 người/năm", left after the noun)
_BRACKET_REACHED = rx(r"^(?:\s*/\s*[^\W\d_]+)?\s*\(\s*(?:đạt|bằng)\s*$")
_BRACKET_ITEM_END = rx(r"^\s*\)\s*(?:[.;,…]|$)")


def _ends_item(doc: Doc, f: Figure, p: Figure, tail: str) -> bool:
    """Whether the percentage ``p`` ends its item right after the item's amount ``f``, bare
    (``trồng rừng 40 ha, đạt 105%;``) or alone in brackets (``40 ha (bằng 105%);``)."""
    if _BRACKET_REACHED.match(doc.fold[f.span_end : p.start]):
        return _BRACKET_ITEM_END.match(tail) is not None
    # the words after the amount ("… 650 tấn đạt 97%": the amount in the percentage's clause)
    after = doc.fold[max(f.span_end, p.clause) : p.start]
    if not (_BARE_REACHED.match(after) and _ITEM_END.match(tail)):
        return False
    return not doc.fold[f.span_end : p.clause].strip(" ,")


def _attainment_in_plan_list(doc: Doc, d: Draft, lead: str, tail: str) -> str | None:
    """``attainment`` for a bare ``đạt X%`` that ends an item right after its amount, in a
    list whose items before it (within :data:`_LIST_WINDOW` characters of its paragraph)
    or after it in its sentence give their percentage of the plan with the plan named
    (``diện tích lúa đạt 97% kế hoạch; thu ngân sách 21 tỷ đồng, đạt 88%; trồng rừng 40
    ha, đạt 105% kế hoạch``): the plan word left out; else None. An item of a later
    sentence is not enough (``…, đạt 180%. Giá trị sản xuất …, bằng 100,4% kế hoạch``).
    """
    f, p = d.actual_fig, d.percent_fig
    if f is None or p is None or d.target is not None or f.kind != "count":
        return None
    if not _ends_item(doc, f, p, tail) or _share_of_earlier(doc, d):
        return None
    if p.percent is not None and p.percent.value < 100 and _PLAN_PASSED_NEXT.match(tail):
        return None  # "(đạt 40%), vượt chỉ tiêu": under 100 %, so not of the plan passed
    if f.measure is None and _SCALE_WORD.search(f.written):
        return None  # "6 tỷ" with no currency (money not read): what it counts is unknown
    start = doc.paragraphs[f.sentence.paragraph][0]
    low = max(start, p.start - _LIST_WINDOW)
    if (
        _LISTED_PLAN_PERCENT.search(doc.fold, low, p.start)
        or _LISTED_PLAN_PERCENT.search(doc.fold, p.end, p.sentence.end)
        or TARGETS_MET.search(doc.fold, low, f.start)
    ):
        return "attainment"
    return None


_SCALE_WORD = rx(r"(?<!\w)(?:nghìn|ngàn|triệu|tỷ|tỉ)(?!\w)")
# "…), vượt chỉ tiêu.": the item's plan passed, with no figure of its own
_PLAN_PASSED_NEXT = rx(
    r"^\s*\)?\s*,\s*(?:hoàn\s+thành\s+)?vượt\s+(?:mức\s+)?(?:kế\s+hoạch|kh|chỉ\s+tiêu)"
    r"(?:\s+(?:đề\s+ra|được\s+giao|giao))?\s*(?:[.;]|$)"
)


_NUMBER = re.compile(NUM)


def _share_of_earlier(doc: Doc, d: Draft, *, across: bool = False) -> bool:
    """Whether the draft's percentage is its amount's share of a larger number written
    before it in its paragraph (``across``: or in the paragraphs before, and any other
    number, a smaller one the base of an index: ``Tổng thu … năm 2040 là 800 tỷ đồng. …
    đạt 920 tỷ đồng, đạt 115%``), up to :data:`_LIST_WINDOW` characters back (``nhận 800
    hồ sơ, giải quyết 760 hồ sơ, đạt 95%``); the numbers compared as written."""
    f, p = d.actual_fig, d.percent_fig
    written = _NUMBER.match(doc.text, f.start) if f is not None else None
    if f is None or p is None or p.percent is None or written is None:
        return False
    try:
        a = parse_number(written.group())
    except ValueError:
        return False
    unit = Decimal(1).scaleb(-p.percent.decimals)
    start = 0 if across else doc.paragraphs[f.sentence.paragraph][0]
    for m in _NUMBER.finditer(doc.text, max(start, f.start - _LIST_WINDOW), f.start):
        try:
            n = parse_number(m.group())
        except ValueError:
            continue
        if (n != a if across else n > a) and n and abs(100 * a / n - p.percent.value) < unit:
            return True
    return False


def _disbursement_rate(doc: Doc, d: Draft, tail: str) -> bool:
    """Whether ``đạt tỷ lệ X%`` ends the clause right after an amount disbursed (``Giải ngân
    vốn đầu tư công đạt 2,4 nghìn tỷ đồng, đạt tỷ lệ 31%.``), or a disbursement rate with the
    amount disbursed and the plan in brackets after it: the disbursement rate, the share of
    the capital plan disbursed, an attainment."""
    f = d.actual_fig
    if f is not None and f.kind == "pair" and d.percent_fig is not None:
        # "tỷ lệ giải ngân là 40% (200/500 tỷ đồng)": the amount disbursed of the plan
        p = d.percent_fig
        return PAID_OUT.search(doc.fold, p.sentence.start, p.start) is not None
    if f is None or f.measure is None or d.target is not None or not _CLAUSE_END_TAIL.match(tail):
        return False
    return PAID_OUT.search(doc.fold, f.sentence.start, f.start) is not None


def _second_of_plan(
    doc: Doc, p: Figure, lead: str, said: re.Pattern[str] = K_SECOND_OF_PLAN
) -> bool:
    """Whether ``lead`` ends with an attainment of a plan and ``và`` (see above; with
    ``said`` :data:`K_SECOND_OF_EXCESS`, an excess); for a clause opened by ``, và`` (``đạt
    96% dự toán Trung ương giao, và 92% dự toán tỉnh giao``), the clause before it."""
    if lead.strip() == "và":
        lead = doc.fold[max(p.sentence.start, p.clause - 160) : p.start]
    m = said.search(lead)
    if m is None and said is K_SECOND_OF_PLAN:
        m = _bare_second_of_plan(doc, p, lead)
    return m is not None and not MEASURE_WORDS.search(m.group("words"))


# "đạt 120% so với nghị quyết HĐND xã 131% …": the first attainment, its plan named, then
# the percentage with no word between
_K_FIRST_OF_PLANS = rx(
    r"(?<!\w)(?:đạt|bằng)\s*(?:(?:khoảng|gần|hơn|trên)\s*)?[\d.,]+\s*%(?P<words>[^%\d]*)$"
)


def _bare_second_of_plan(doc: Doc, p: Figure, lead: str) -> re.Match[str] | None:
    """The attainment of a plan right before ``p`` when ``p`` follows its plan's name with no
    word of its own and is compared with another plan (:data:`BARE_SECOND_LEAD`)."""
    m = _K_FIRST_OF_PLANS.search(lead)
    if m is None or not BARE_SECOND_LEAD.match(m.group("words")):
        return None
    return m if compared_plan_next(doc, p) else None


# "vượt kế hoạch năm, đạt 100,82%": the plan met named in the clause before the percentage
_K_PLAN_MET_BEFORE = rx(
    r"(?<!\w)(?:vượt|hoàn\s+thành)(?:\s+mức)?\s+(?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu|dự\s+toán"
    r"|nghị\s+quyết)(?:\s+(?:năm|cả\s+năm|đề\s+ra|được\s+giao|giao|(?:19|20)\d{2}))*\s*,\s*$"
)


# "25/27 chỉ tiêu đạt và vượt kế hoạch đề ra, …": the plan met is the indicators' counted
# just before it, not that of a percentage in the next clause
_K_INDICATORS_MET = rx(r"\d+(?:\s*/\s*\d+)?\s+(?:chỉ\s+tiêu|tiêu\s+chí)(?:\s+[^\W\d_]+){0,4}?\s*$")


def _plan_met_for(doc: Doc, p: Figure) -> re.Match[str] | None:
    """The plan met or exceeded named in the clause before ``p``'s (``vượt kế hoạch năm, đạt
    100,82%``), unless it is said of indicators counted right before it (``25/27 chỉ tiêu
    đạt và vượt kế hoạch, …``)."""
    m = _K_PLAN_MET_BEFORE.search(doc.fold, max(0, p.clause - 80), p.clause)
    if m is None or _K_INDICATORS_MET.search(doc.fold, max(0, m.start() - 60), m.start()):
        return None
    return m


# what may open the clause of a percentage said of the plan exceeded before it: a verb of
# the result at most, no subject of its own ("…, diện tích tiêu đạt 93%" is another item's)
_K_OWN_SUBJECT = rx(
    r"\s*(?:và\s+)?(?:ước\s+)?(?:(?:chỉ\s+|mới\s+)?(?:đạt|bằng|tương\s+đương|hoàn\s+thành)"
    r"(?:\s+được)?)?\s*$"
)


def exceeded_under(doc: Doc, p: Figure) -> bool:
    """Whether ``p`` is an attainment under 100 % said of a plan exceeded just before it
    (``vượt kế hoạch năm, đạt 90%``): the words contradict the figure. Not for a qualified
    percentage (``gần 100%``)."""
    if p.percent is None or p.qualifier is not None or p.percent.value >= 100:
        return False
    m = _plan_met_for(doc, p)
    if m is None or not m.group().startswith(fold("vượt")):
        return False
    if _K_OWN_SUBJECT.match(doc.fold, p.clause, p.qual_start or p.start) is None:
        return False  # "…, diện tích tiêu đạt 93%": the clause names a subject of its own
    # the same plan: none named after the percentage, or the one exceeded
    plan = " ".join(re.sub(r"^vượt(?:\s+mức)?\s+", "", m.group().rstrip(" ,")).split())
    tail = plan_of(doc, p)
    return not tail or plan.startswith(tail) or tail.startswith(plan)


def _plan_met_before(doc: Doc, p: Figure) -> bool:
    """Whether the clause before ``p``'s names a plan met or exceeded (``vượt kế hoạch năm,
    đạt 100,82%``): the percentage after it is the attainment of that plan."""
    return _plan_met_for(doc, p) is not None


# "…, bằng 20% kế hoạch năm và tăng 8% so với cùng kỳ. Vốn cấp huyện đạt 30 nghìn tỷ đồng,
# bằng 22% và tăng 9%": a part said as its whole was, the plan word left out
_PARALLEL_PLAN = rx(
    rf"(?<!\w)(?:bằng|đạt|vượt)\s+(?:{NUM})\s*%\s+(?:so\s+với\s+)?(?:kế\s+hoạch|dự\s+toán)"
    rf"(?:\s+[^\W\d_]+){{0,3}}\s+và\s+(?:tăng|giảm)\s+(?:{NUM})\s*%"
)
_PARALLEL_TAIL = rx(rf"\s*và\s+(?:tăng|giảm)\s+(?:{NUM})\s*%")
# "…, đạt 52% và tăng 21%": an item said the same way with no plan word, a link of the chain
_PARALLEL_BARE = rx(rf"(?<!\w)(?:bằng|đạt)\s+(?:{NUM})\s*%{_PARALLEL_TAIL.pattern}")
_PARALLEL_VERB = rx(r"(?<!\w)(?:bằng|đạt)\s*(?:khoảng|gần|hơn|trên)?\s*$")
_PARALLEL_WINDOW = 400
_PARALLEL_LINKS = 6


def _parallel_plan(doc: Doc, p: Figure) -> bool:
    """Whether ``p``, said ``bằng X% và tăng Y%`` (or ``đạt …``) with no plan word, follows
    within :data:`_PARALLEL_WINDOW` characters a percentage said the same way of a plan
    (``bằng 20% kế hoạch năm và tăng 8%``, ``vượt 7% dự toán và tăng 25%``), or items said
    the same way that do, each within that reach of the one before (up to
    :data:`_PARALLEL_LINKS`): the attainment of the same kind of plan."""
    fold_ = doc.fold
    if not _PARALLEL_VERB.search(fold_, p.clause, p.start):
        return False
    if not _PARALLEL_TAIL.match(fold_, p.end):
        return False
    end = p.clause
    for _ in range(_PARALLEL_LINKS):
        low = max(0, end - _PARALLEL_WINDOW)
        if _PARALLEL_PLAN.search(fold_, low, end) is not None:
            return True
        bare = [m.start() for m in _PARALLEL_BARE.finditer(fold_, low, end)]
        if not bare:
            return False
        end = bare[0]
    return False


# "… và so dự toán địa phương giao đạt 23%": the plan compared with, named before the verb
# of the percentage
_COMPARED_PLAN_LEAD = rx(
    rf"(?<!\w)so\s+(?:với\s+)?{PLAN_NOUNS}"
    r"(?:\s+[^\W\d_]+){0,3}?\s+(?:được\s+)?giao\s+(?:đạt|bằng)\s*(?:(?:khoảng|gần|hơn|trên)\s*)?$"
)


# "…, so với kế hoạch năm, xã nạo vét được …, đạt 80%": a clause comparing with the plan,
# before the attainments it says of
_COMPARED_CLAUSE = rx(rf"so\s+với\s+{PLAN_NOUNS}(?!\w)[^,;.%]{{0,40}},")
# "Kết quả thực hiện tương ứng với kế hoạch là: 14 km đường (57,5%); 320 ha rừng (80%)": a
# list of amounts whose bracketed percentages are of the plan its lead names (no full stop
# between the lead's colon and the percentage)
_LIST_AGAINST_PLAN = rx(
    r"(?:so|tương\s+ứng)\s+với\s+(?:kế\s+hoạch|chỉ\s+tiêu|dự\s+toán)(?:\s+[^\W\d_]+){0,2}?"
    r"\s*(?:gồm|như|là)?\s*:(?:[^.!?\n]|\.(?=\d))*$"
)
# how far back from a percentage its comparing clause is looked for (a sentence with no full
# stop would otherwise be read again from its start for each percentage)
_COMPARED_REACH = 300


def _plan_compared_before(doc: Doc, p: Figure, lead: str, tail: str) -> bool:
    """Whether a clause of the sentence of the bare ``đạt X%`` ``p`` opens with a comparison
    with a plan (``…, so với kế hoạch năm, xã nạo vét được …, đạt 80%``), in the same part of
    the sentence (no ``;`` between), no other base named after it before ``p``: the percentage
    is of that plan. A rate (``tỷ lệ … đạt 92%``) or a share of a total (``đạt 60% tổng số
    hộ``) stays what it is."""
    if K_RATE.search(lead) or K_TOTAL_TAIL.match(tail):
        return False
    folded = doc.fold
    start = max(p.sentence.start, p.start - _COMPARED_REACH)
    if not lead.strip(" (") and _LIST_AGAINST_PLAN.search(folded, start, p.start):
        return True  # "… so với kế hoạch như sau: 285 ha đậu tương (24%); …"
    start = max(start, folded.rfind(";", start, p.start) + 1)
    for m in _COMPARED_CLAUSE.finditer(folded, start, p.start):
        lo = max(p.sentence.start, m.start() - 20)
        before = folded[lo : m.start()].rstrip()
        if (before or lo > p.sentence.start) and before[-1:] not in (",", ":", "(", ";"):
            continue
        return COMPARED_AGAIN.search(folded, m.end(), p.start) is None
    return False


def pair_above_all(doc: Doc, d: Draft) -> str | None:
    """What a pair said above all of its target (``là 318/150, vượt hơn 100%``) states.

    ``pair`` when the result is more than twice the target: no attainment of 100 %, nor an
    excess of it; the pair stands with no percentage. ``excess`` when it is not (``298/150,
    vượt hơn 100%`` is 98,7 % over), so that the check can flag it. None when it is no such
    pair.
    """
    p = d.percent_fig
    said = (
        d.target is not None
        and p is not None
        and p.values[0] == 100
        and p.qualifier in ("trên", "hơn")
        and BARE_EXCESS.search(doc.fold, p.clause, p.span_start) is not None
    )
    if not said:
        return None
    a, t = single(d.actual), single(d.target)
    return "pair" if a is not None and t is not None and a > 2 * t else "excess"


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
    rf"{LAST_PERIOD}(?:\s+năm)?(?:\s+{YEAR_DIGITS})?\s*,?\s+và\s*$"
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
    return bool(K_ACHIEVED.search(first) or K_CORRESPONDS.search(first) or K_SHARE.search(first))


QUOTA_AFTER = rx(r"\s*chỉ\s+tiêu(?!\w)")


_OVER = rx(r"^\s*trên(?!\w)")
_K_EXPECTED_TAIL = rx(rf"^\s*so\s+(?:với\s+)?(?:{REQUIRED})(?!\w)")


def _said_kind(lead: str, tail: str) -> tuple[str, int] | None:
    """The kind (and sign) of a percentage that the words around it name: an excess, a
    growth or decrease, a share or a target."""
    if e := K_EXCESS.search(lead):
        if K_GROWTH_TAIL.match(tail):
            # "vượt 5% so với cùng kỳ năm 2024": above last year, a growth — never an excess
            return ("unread" if PLAN_WORD.search(e.group()) else "growth"), 1
        return "excess", 1
    if g := K_GROWTH.search(lead):
        sign = -1 if " ".join(g.group(1).split()) in DECREASE else 1
        # "cao hơn 19,1% so với dự toán": above the plan; "tăng 216%, vượt chỉ tiêu" is a
        # growth beside a plan met, not an excess of it
        # (but "giảm 9% so với dự kiến": a change against what was expected, a growth)
        if K_PLAN_NAMED_TAIL.match(tail) and not _K_EXPECTED_TAIL.match(tail):
            return "excess", sign
        return "growth", sign
    if K_GROWTH_TAIL.match(tail):
        return "growth", 1
    if K_SHARE.search(lead):
        # "chiếm 25% khoản phân bổ", "chiếm 40% kế hoạch vốn": the share of a plan reached
        # ("chiếm 30% trên dự toán chi": a share over the budget, no attainment)
        of_plan = K_PLAN_NAMED_TAIL.match(tail) and not _OVER.match(tail)
        return ("attainment" if of_plan else "share"), 1
    if _SECOND_ATTAINMENT.search(lead):
        return None
    if any(not PERCENT_BEFORE.search(lead, 0, m.start()) for m in K_TARGET.finditer(lead)):
        return "target", 1
    return None


# "đạt 90% so với mục tiêu Đại hội đề ra và bằng 85% …", "đạt 70% kế hoạch xã đề ra và
# đạt 130% kế hoạch huyện giao": a second percentage met, after a first of a plan; the plan's
# words before it set no target
_SECOND_ATTAINMENT = rx(
    rf"%\s*(?:so\s+với\s+)?{PLAN_NOUNS}(?!\w)[^%;.]{{0,60}}?\s+và\s+(?:đạt|bằng)\s*$"
)


# "đạt 125% chỉ tiêu năm và đạt 80%": the plan word of a percentage before, not a target's


def _achieved_kind(d: Draft, tail: str, catalog: MetricCatalog | None) -> str | None:
    """The kind of a percentage that is achieved ("đạt 95%"), from what follows it, the
    draft's figures and the kind of its metric."""
    if K_TOTAL_TAIL.match(tail):
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
