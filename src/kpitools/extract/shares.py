"""Shares checked against their whole.

A share checked against the whole its sibling shares are of (:func:`check_shares_of_whole`), a
part's share against the part's whole (:func:`check_shares_of_parts`), a share opening
``Trong đó`` against the sentence before (:func:`check_shares_after_whole`), a bare rate of a
named measure as its share (:func:`check_measure_shares`), a bare rate after a fraction
(:func:`check_fraction_rates`), the shares of a list of classes (:func:`check_class_shares`,
:func:`check_shares_of_written_whole`), the shares of parts that add up to a whole written
before them (:func:`check_shares_of_summed_whole`), and the shares in brackets of a count
(:func:`named_count_shares`). The parts listed after a whole are in
:mod:`kpitools.extract.parts`.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from kpitools.extract.amounts import (
    FULL_STOP,
    MEASURE_NAMES,
    MEASURE_NAMES_RX,
    MONEY_WORDS,
    Amount,
    amounts_in,
    clause_head,
    has_qualifier,
    last_end,
    measure_beside,
    measure_of_amount,
)
from kpitools.extract.linking import amount, flagged_statement
from kpitools.extract.notes import Segment, noted, seg
from kpitools.extract.text import MAX_SENTENCE_CHARS, NUM
from kpitools.numbers import (
    Consistency,
    NumberFormatError,
    Percent,
    check_percent,
    parse_percent,
    try_parse_number,
)
from kpitools.textfold import fold, rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement


# --------------------------------------------------------------------------- shares of a whole

SHARE_WINDOW = 1500
"""How far (characters) before a share its whole may be stated."""

_QUALIFIER_SPREAD = Decimal("0.02")
"""How far an approximate amount (``khoảng``, ``hơn`` …) is taken to be from its figure."""

_OPENING_QUALIFIER = rx(r"^\W*(trên|hơn|gần|khoảng|ước)(?!\w)")

_SHARE_APPROXIMATE = rx(r"(?<!\w)(khoảng|gần|hơn|trên|xấp\s+xỉ)\s*$")

# how many units of its last digit a qualified share may be below and above the figure:
# "gần 30%" is nearly, so just under, 30 % (never above it beyond rounding); "hơn 30%" above
_SHARE_SLACK = {fold("gần"): (3, 0), fold("hơn"): (0, 3), fold("trên"): (0, 3)}


def _bounds(text: str, s: LinkableStatement) -> tuple[Decimal, Decimal]:
    """The amount of ``s`` as a range, by the word before it.

    ``hơn``/``trên``: up to 2 % more; ``gần``: up to 2 % less; ``khoảng``/``ước``: either way.
    A share whose text is its percentage alone (``hơn 318 triệu USD, …, chiếm 62,27%``)
    keeps its amount's qualifier.
    """
    assert isinstance(s.actual, Decimal)
    a, spread = s.actual, s.actual * _QUALIFIER_SPREAD
    m = _OPENING_QUALIFIER.match(fold(s.text))
    word = m.group(1) if m else None
    if word is None and s.qualifier and s.stated and s.text.startswith(s.stated):
        word = fold(s.qualifier)
    low = a - spread if word in (fold("gần"), fold("khoảng"), fold("ước")) else a
    high = a + spread if word in (fold("hơn"), fold("trên"), fold("khoảng"), fold("ước")) else a
    return low, high


def _share_fits(text: str, part: LinkableStatement, whole: LinkableStatement) -> bool:
    """Whether the share ``part`` states of ``whole`` can be its share.

    Rounded or cut at the percentage's decimals (one more unit either way when the
    percentage is approximate), the amounts' qualifiers respected (:func:`_bounds`).
    """
    assert part.stated is not None and part.stated_percent is not None
    p = parse_percent(part.stated)
    unit = Decimal(1).scaleb(-p.decimals)
    approximate = _SHARE_APPROXIMATE.search(
        fold(part.text[: max(0, part.text.find(part.stated.split("%")[0]))])
    )
    word = " ".join(approximate.group(1).split()) if approximate else None
    below, above = _SHARE_SLACK.get(word, (1, 1)) if word else (0, 0)
    low_p = p.value - unit / 2 - below * unit
    high_p = p.value + unit + above * unit
    a_low, a_high = _bounds(text, part)
    w_low, w_high = _bounds(text, whole)
    if w_low <= 0:
        return True
    return 100 * a_low / w_high < high_p and 100 * a_high / w_low > low_p


def _counted(s: LinkableStatement) -> bool:
    """Whether ``s`` is an amount of a measure, or a whole count of people or things.

    A count such as ``40 người`` may be a part or the whole of a share.
    """
    if amount(s):
        return True
    return (
        isinstance(s.actual, Decimal)
        and s.measure is None
        and s.actual == s.actual.to_integral_value()
        and s.actual > 0
    )


def _shares(statements: Sequence[LinkableStatement]) -> list[int]:
    return [
        i
        for i, s in enumerate(statements)
        if s.stated_kind == "share"
        and s.target is None
        and _counted(s)
        and s.stated is not None
        and s.stated_percent is not None
    ]


def check_shares_of_whole(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, a share that cannot be of the whole its siblings are of flagged.

    ``Tổng thu đạt 50.000 tỷ đồng …; thu nội địa đạt 30.000 tỷ đồng, chiếm 60%; thu từ dầu
    thô 12.500 tỷ đồng (chiếm 25%) và thu xuất nhập khẩu 7.000 tỷ đồng (chiếm 16%)``: two
    shares fit the 50.000 stated before them (rounded, qualifiers respected), so it is their
    whole, and 7.000 of it is 14 %, not 16 %. Only amounts of one measure; the whole is the
    one larger amount stated before the shares (up to :data:`SHARE_WINDOW` characters) that
    two of the other shares fit; none is flagged when two amounts would do.
    """
    out = list(statements)
    shares = _shares(statements)
    for i in shares:
        s = statements[i]
        siblings = [
            statements[j]
            for j in shares
            if j != i
            and statements[j].measure == s.measure
            and abs(statements[j].start - s.start) <= SHARE_WINDOW
        ]
        wholes = {
            c.actual: c
            for c in statements
            if _counted(c)
            and c.measure == s.measure
            and c.stated_kind != "share"
            and s.start - SHARE_WINDOW <= c.start < min([s.start, *(t.start for t in siblings)])
            and isinstance(c.actual, Decimal)
            and isinstance(s.actual, Decimal)
            and c.actual > s.actual
        }
        fitting = [
            w for w in wholes.values() if sum(_share_fits(text, t, w) for t in siblings) >= 2
        ]
        if len(fitting) == 1 and not _share_fits(text, s, fitting[0]):
            out[i] = _off_share(s, fitting[0])
        elif len(fitting) == 1 and _cut_share(text, s, fitting[0]):
            out[i] = _cut(s, fitting[0])
    return out


def check_shares_of_parts(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, a share stated by a part of a whole checked against that whole.

    ``kết nạp 50 đảng viên, trong đó 30 đảng viên là đoàn viên, chiếm 70%``: the part (30,
    linked to its whole, 50, as a part) states its share of it, which is 60 %, so 70 % is
    flagged; a share that fits (rounded, qualifiers respected) is marked consistent. Only a
    bare share (nothing after it in its clause but a full stop or bracket), or one naming the
    total the whole's sentence names (:func:`_names_its_total`), of a part of the same
    measure, whose whole is larger and states no share itself; a share checked already is
    left as it is.
    """
    out = list(statements)
    by_start = {c.start: c for c in statements if c.stated_kind != "share"}
    ordered = sorted(by_start.values(), key=lambda c: c.start)
    starts = [c.start for c in ordered]
    for i in _shares(statements):
        s = statements[i]
        whole = by_start.get(s.part_of) if s.part_of is not None else None
        if whole is None and s.verdict in (None, "unchecked"):
            whole = _listed_above(ordered, starts, text, s)
        if s.verdict not in (None, "unchecked") or whole is None or not _counted(whole):
            continue
        if whole.measure != s.measure or not isinstance(whole.actual, Decimal):
            continue
        assert isinstance(s.actual, Decimal) and s.stated is not None
        if whole.actual <= s.actual:
            continue
        if not (_BARE_SHARE_END.match(text, s.end) or _names_its_total(text, s, whole)):
            continue
        out[i] = _share_of_own_whole(text, s, whole)
    return out


# "…, trong đó:\n\n+ Thu nội địa": a list's mark, then its first item's bullet and name
_LIST_OPENED = rx(r"(?<!\w)trong\s+đó\s*:?\s*(?:[-+•]\s*)?[^\W\d_]+(?:\s+[^\W\d_]+){0,5}\s*$")


def _listed_above(
    ordered: Sequence[LinkableStatement], starts: list[int], text: str, s: LinkableStatement
) -> LinkableStatement | None:
    """The whole of the first item of a list, when the share ``s`` of money names its total.

    ``Tổng thu ngân sách đạt 7.210 tỷ đồng, bằng 102% dự toán, trong đó:`` then, on a line of
    its own, ``+ Thu nội địa 6.600 tỷ đồng (chiếm 91,5% tổng thu ngân sách)``: the list's
    lines are no sentence of the whole's, so the part is linked to none; the whole is the
    one amount written in the clause before the mark (its first statement), when the share
    names a total (:data:`_TOTAL_NAMED`).
    """
    if s.measure is None or _TOTAL_NAMED.match(fold(text[s.end : s.end + 80])) is None:
        return None
    low = max(0, s.start - SHARE_WINDOW)
    m = _LIST_OPENED.search(fold(text[low : s.start]))
    if m is None:
        return None
    mark = low + m.start()
    head = max(text.rfind(". ", low, mark), text.rfind("\n", low, mark)) + 1
    found = [
        c
        for c in ordered[bisect.bisect_left(starts, head) : bisect.bisect_left(starts, mark)]
        if isinstance(c.actual, Decimal) and c.measure == s.measure
    ]
    folded = fold(text[head:mark])
    written = {x.value for x in amounts_in(folded, 0, len(folded)) if x.unit[1] in MONEY_WORDS}
    if len({c.actual for c in found}) != 1 or written != {found[0].actual}:
        return None  # "…, chi ngân sách 4.980 tỷ đồng, trong đó:": which is the whole?
    return found[0]


# "(chiếm 93% tổng thu ngân sách)": a share naming the total it is of, then the bracket's end
_TOTAL_NAMED = rx(
    r"\s*(?:của\s+)?tổng\s+(?P<word>[^\W\d_]+)(?:\s+[^\W\d_]+){0,4}\s*\)?\s*(?:[.;,]|$)"
)


def _names_its_total(text: str, s: LinkableStatement, whole: LinkableStatement) -> bool:
    """Whether the share ``s`` names the total that ``whole``'s sentence names before it.

    ``Tổng thu ngân sách đạt 5.120 tỷ đồng, trong đó: thu nội địa 4.611 tỷ đồng (chiếm 88%
    tổng thu ngân sách)``: ``tổng thu`` both; a share of ``tổng vốn`` after a whole of
    ``tổng thu`` is of another total.
    """
    m = _TOTAL_NAMED.match(fold(text[s.end : s.end + 80]))
    if m is None:
        return False
    low = max(0, whole.start - 200)
    lead = fold(text[low : whole.start])
    lead = lead[max(lead.rfind(". "), lead.rfind("\n")) + 1 :]
    return re.search(rf"(?<!\w)tổng\s+{re.escape(m.group('word'))}(?!\w)", lead) is not None


def _share_of_own_whole(
    text: str, s: LinkableStatement, whole: LinkableStatement
) -> LinkableStatement:
    """``s``, a part's share, checked against the ``whole`` it is a part of."""
    assert isinstance(s.actual, Decimal) and isinstance(whole.actual, Decimal)
    assert s.stated is not None
    if not _share_fits(text, s, whole):
        return _off_share(s, whole, "share_of_own_whole")
    c = check_percent(parse_percent(s.stated), s.actual, whole.actual)
    return dataclasses.replace(
        s,
        computed_percent=c.computed,
        consistent=True,
        verdict="consistent",
        **noted(  # type: ignore[arg-type]
            seg("share_of_measure", a=f"{s.actual:f}", t=f"{whole.actual:f}", text=whole.text),
            seg("computed", computed=c.computed),
        ),
    )


# what may follow a bare share in its clause: a bracket, the clause's or sentence's end
_BARE_SHARE_END = re.compile(r"\s*\)?\s*(?:[.;,]|$)")


def _cut_share(text: str, s: LinkableStatement, whole: LinkableStatement) -> bool:
    """Whether the share ``s`` of ``whole`` is cut, not rounded.

    ``16 người, chiếm 18,3%`` of 87: 18,39 % rounds to 18,4 %. Only when both figures are
    exact and no hedge stands on the share.
    """
    assert s.stated is not None and isinstance(s.actual, Decimal)
    if _bounds(text, s) != (s.actual, s.actual) or not isinstance(whole.actual, Decimal):
        return False
    if _bounds(text, whole) != (whole.actual, whole.actual) or not whole.exact:
        return False
    head = fold(s.text[: max(0, s.text.find(s.stated.split("%")[0]))])
    if s.qualifier or whole.qualifier or _SHARE_APPROXIMATE.search(head):
        return False
    return check_percent(parse_percent(s.stated), s.actual, whole.actual).truncated


def _cut(s: LinkableStatement, whole: LinkableStatement) -> LinkableStatement:
    """``s`` marked truncated: its share of ``whole`` is cut at the written decimals."""
    assert isinstance(whole.actual, Decimal) and isinstance(s.actual, Decimal)
    c = check_percent(parse_percent(s.stated or ""), s.actual, whole.actual)
    return dataclasses.replace(
        s,
        computed_percent=c.computed,
        consistent=False,
        truncated=True,
        verdict="truncated",
        **noted(  # type: ignore[arg-type]
            seg("share_of_measure", a=f"{s.actual:f}", t=f"{whole.actual:f}", text=whole.text),
            seg("computed", computed=c.computed),
        ),
    )


def _off_share(
    s: LinkableStatement, whole: LinkableStatement, finding: str = "share_of_whole"
) -> LinkableStatement:
    """``s`` flagged: its part (its actual) is not the share it states of ``whole``.

    ``finding`` names the note: a whole its siblings fit, or the whole it is a part of.
    """
    assert isinstance(whole.actual, Decimal) and isinstance(s.actual, Decimal)
    return flagged_statement(
        s,
        finding,
        stated=s.stated,
        a=f"{s.actual:f}",
        t=f"{whole.actual:f}",
        text=whole.text,
        computed=f"{100 * s.actual / whole.actual:.2f}",
    )


# "chiếm 60% với 30.000 tỷ đồng", "chiếm 60%, tương đương 30.000 tỷ đồng": the part's
# amount written after its share
_SHARE_AMOUNT = rx(r"\s*,?\s*(?:với|là|tương\s+đương|tương\s+ứng)\s+(?:khoảng\s+|gần\s+|hơn\s+)?")

_OPENS_PARTS = rx(r"\W*trong\s+đó(?!\w)")


def check_shares_after_whole(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, a share opening ``Trong đó`` checked against the sentence before.

    ``Thu ngân sách đạt 50.000 tỷ đồng, bằng 104% dự toán. Trong đó, thu nội địa chiếm 80%
    với 41.000 tỷ đồng``: the share's amount written after it (``với``, ``tương đương``) is its
    part, and the one amount of the sentence before (of a statement, in the same currency,
    larger) is its whole: 41.000 of 50.000 is 82 %, not 80 %, so it is flagged; a share the
    figures give (qualifiers respected) is marked consistent. A sentence before with two
    amounts, or none, leaves the share as it is.
    """
    out = list(statements)
    ordered = sorted(statements, key=lambda c: c.start)
    starts = [c.start for c in ordered]
    for i, s in enumerate(statements):
        if s.stated_kind != "share" or s.target is not None or s.stated is None:
            continue
        # the window only is folded: memory stays linear in the text
        low = max(0, s.start - 2 * SHARE_WINDOW)
        folded = fold(text[low : s.end + _SHARE_AMOUNT_REACH])
        head = clause_head(folded, s.start - low, max(0, s.start - low - SHARE_WINDOW))
        part = _share_part(folded, head, s, low)
        if part is None or not _OPENS_PARTS.match(folded, head, s.start - low):
            continue
        if _of_another_whole(folded, s, low):
            continue
        whole = _whole_before(ordered, starts, (folded, low), head, part)
        if whole is None:
            continue
        assert isinstance(whole.actual, Decimal)
        shared = dataclasses.replace(
            s, actual=part.value, target=whole.actual, measure=whole.measure
        )
        if _share_fits(text, shared, whole):
            out[i] = dataclasses.replace(shared, consistent=True, verdict="consistent")
            continue
        out[i] = _off_share(shared, whole)
    return out


# "chiếm 40% kim ngạch cả nước", "đóng góp 40% vào mức tăng chung": the share of a wider
# whole, or of a change, not of the whole the sentence before states
_WIDER_WHOLE = rx(
    r"[^.;:!?\n]{0,40}?(?<!\w)(?:cả\s+nước|toàn\s+quốc|thế\s+giới|toàn\s+cầu"
    r"|(?:vào|cho)\s+(?:mức\s+|tốc\s+độ\s+)?tăng)(?!\w)"
)

# "chiếm 55% tổng số dự án": the share of a count, not of the money before it
_COUNT_WHOLE = rx(r"\s*(?:tổng\s+)?số(?:\s+lượng)?\s+(?!vốn|tiền|thu|chi)[^\W\d_]")


def _of_another_whole(folded: str, s: LinkableStatement, low: int) -> bool:
    """Whether the words after the share ``s`` name a wider whole, a change or a count.

    ``chiếm 40% kim ngạch cả nước``, ``đóng góp 40% vào mức tăng chung``, ``chiếm 55% tổng
    số dự án``: not the whole the sentence before states (``folded`` starts at ``low``).
    """
    assert s.stated is not None
    at = max(0, s.text.find(s.stated.split("%")[0]))
    pct = folded.find("%", s.start - low + at)
    if pct < 0:
        return False
    return bool(_WIDER_WHOLE.match(folded, pct + 1) or _COUNT_WHOLE.match(folded, pct + 1))


_SHARE_AMOUNT_REACH = 80
"""How far (characters) after a share its amount may end."""


def _share_amount(folded: str, end: int) -> Amount | None:
    """The money amount right after a share ending at ``end``, in ``folded``'s offsets.

    ``… chiếm 80% với 41.000 tỷ đồng``.
    """
    m = _SHARE_AMOUNT.match(folded, end)
    if m is None:
        return None
    amounts = amounts_in(folded, m.end(), min(len(folded), m.end() + 40))
    if not amounts or amounts[0].start != m.end() or amounts[0].unit[1] not in MONEY_WORDS:
        return None
    return amounts[0]


def _share_part(folded: str, head: int, s: LinkableStatement, low: int) -> Amount | None:
    """The money amount the share ``s`` is of, in the window ``folded`` from ``low``.

    Its own result when the sentence grammar read one (``thu nội địa đạt 4.100 tỷ đồng, chiếm
    82%``), else the amount written right after it (:func:`_share_amount`), else the one
    money amount of its sentence before it (``Trong đó, nguồn thu từ thuế là 4.100 tỷ đồng,
    đóng góp 82% tổng thu của huyện``). None when there is none, or when its sentence gives two
    money amounts before it (the share may be of both).
    """
    found = [a for a in amounts_in(folded, head, s.end - low) if a.unit[1] in MONEY_WORDS]
    if len(found) > 1:
        return None  # two parts before it: the share may be of both
    if s.actual is not None:
        word = fold(s.measure.split()[-1]) if s.measure else ""
        if not isinstance(s.actual, Decimal) or word not in MONEY_WORDS:
            return None
        return Amount(s.start - low, s.start - low, s.actual, ("", word))
    return _share_amount(folded, s.end - low) or (found[0] if found else None)


def _whole_before(
    ordered: Sequence[LinkableStatement],
    starts: list[int],
    window: tuple[str, int],
    head: int,
    part: Amount,
) -> LinkableStatement | None:
    """The one amount of statements in the sentence ending at ``head``, if it may be whole.

    Larger than ``part`` and in its currency. ``window``: the folded window and where it
    starts in the text (``head`` is in its offsets).
    """
    folded, off = window
    low = clause_head(folded, max(0, head - 2), max(0, head - SHARE_WINDOW)) + off
    currency = MONEY_WORDS[part.unit[1]]
    found = [
        c
        for c in ordered[bisect.bisect_left(starts, low) : bisect.bisect_left(starts, head + off)]
        if isinstance(c.actual, Decimal) and c.measure is not None and c.measure.endswith(currency)
    ]
    values = {c.actual for c in found}
    if len(values) != 1 or not any(isinstance(v, Decimal) and v > part.value for v in values):
        return None
    return found[0]


# --------------------------------------------------------------------------- shares of a measure

# "Khối bán lẻ góp 40% doanh thu của công ty, tương ứng doanh thu 400 tỷ đồng": a percentage
# followed by the name of a measure, the share of that measure's whole
_SHARE_OF_MEASURE = rx(r"\s*%\s*(?:tổng\s+)?")

MEASURE_SHARE_WINDOW = 1200
"""How far (characters) before a share of a measure the whole of that measure may be."""


def _measure_share_parts(
    s: LinkableStatement, text: str, scope: tuple[Sequence[LinkableStatement], list[int]]
) -> tuple[Decimal, LinkableStatement] | None:
    """The part and the whole a bare rate of a named measure is the share of, if read.

    The part: the one money amount of the rate's sentence of that measure (none of another
    statement's). The whole: the one figure of that measure stated before the sentence (up
    to :data:`MEASURE_SHARE_WINDOW` characters), larger than the part.
    """
    assert s.stated is not None
    at = max(0, s.text.find(s.stated.split("%")[0]))
    # the words right after the percentage first: the wide window only for a measure named
    near = fold(text[s.start : s.end + 60])
    m = _SHARE_OF_MEASURE.match(near, near.find("%", at)) if "%" in near[at:] else None
    named = MEASURE_NAMES_RX.match(near, m.end()) if m else None
    if named is None or _WIDER_WHOLE.match(near, named.end()):
        return None  # none, or the share of a wider whole ("… doanh thu cả nước")
    measure = MEASURE_NAMES[" ".join(named.group().split())]
    low = max(0, s.start - MEASURE_SHARE_WINDOW)
    folded = fold(text[low : min(len(text), s.end + 200)])
    pct = folded.find("%", s.start - low + at)
    head = clause_head(folded, s.start - low, 0)
    stop = FULL_STOP.search(folded, pct)
    end = stop.start() if stop else len(folded)
    parts = [
        a
        for a in amounts_in(folded, head, end)
        if a.unit[1] in MONEY_WORDS and measure_beside(folded, a) == measure
    ]
    if len(parts) != 1 or has_qualifier(folded, parts[0]):
        return None
    part = parts[0].value
    wholes: dict[object, LinkableStatement] = {}
    ordered, starts = scope
    for c in ordered[bisect.bisect_left(starts, low) : bisect.bisect_left(starts, low + head)]:
        if c.end > low + head or not isinstance(c.actual, Decimal):
            continue
        own = [a for a in amounts_in(folded, c.start - low, c.end - low) if a.value == c.actual]
        if not own or own[0].unit[1] != parts[0].unit[1] or c.actual <= part:
            continue
        if measure_of_amount(folded, own[0]) in _names_of(measure):
            wholes.setdefault(c.actual, c)
    if len(wholes) != 1:
        return None
    whole = next(iter(wholes.values()))
    return (part, whole) if whole.exact and not whole.qualifier else None


def _names_of(measure: str) -> set[str]:
    """The names (folded) of :data:`MEASURE_NAMES` that name ``measure``."""
    return {fold(n) for n, m in MEASURE_NAMES.items() if m == measure}


def check_measure_shares(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, each bare rate of a named measure checked as a share of its whole.

    ``Năm nay công ty đạt doanh thu 2.000 tỷ đồng. … Khối bán lẻ góp 40% doanh thu của
    công ty, tương ứng doanh thu 790 tỷ đồng``: the percentage followed by a measure's name is a
    share of that measure; its part is the one amount of the measure in its sentence, its
    whole the one figure of the measure stated before (exact), and the share is checked at
    its precision: 790 of 2.000 is 39,5 %, so 40 % is consistent, 39 % cut (flagged). Rates
    with a result of their own, qualified amounts, or two wholes are left as they are.
    """
    out = list(statements)
    ordered = sorted(statements, key=lambda c: c.start)
    scope = (ordered, [c.start for c in ordered])
    for i, s in enumerate(statements):
        if s.stated_kind != "rate" or s.actual is not None or s.stated is None or s.qualifier:
            continue
        found = _measure_share_parts(s, text, scope)
        if found is None:
            continue
        part, whole = found
        assert isinstance(whole.actual, Decimal)
        c = check_percent(parse_percent(s.stated), part, whole.actual)
        verdict = "truncated" if c.truncated else ("consistent" if c.consistent else "inconsistent")
        note = noted(
            seg("share_of_measure", a=f"{part:f}", t=f"{whole.actual:f}", text=whole.text),
            seg("computed", computed=c.computed),
        )
        out[i] = dataclasses.replace(
            s,
            stated_kind="share",
            actual=part,
            target=whole.actual,
            measure=whole.measure,
            computed_percent=c.computed,
            consistent=c.consistent,
            truncated=c.truncated,
            verdict=verdict,
            note=note["note"],
            note_data=note["note_data"],
        )
    return out


# "14.210/18.400 hộ (tỷ lệ", "516/690 trường, tỷ lệ", "70/72 thôn, tổ dân phố được công nhận
# (tỷ lệ": a fraction of units, then its rate
_FRACTION_BEFORE_RATE = rx(
    rf"(?<![\d.,/])(?P<a>{NUM})\s*/\s*(?P<b>{NUM})(?:,?\s+[^\W\d_]+){{1,10}}\s*[(,]\s*$"
)

# the rate of the fraction itself, no noun of its own ("tỷ lệ 77,2%", not "tỷ lệ hộ nghèo 9%")
_RATE_WORD = rx(r"tỷ\s+lệ\s*(?:là\s+|đạt\s+)?\d")

_FRACTION_REACH = 80
"""How far (characters) before a rate its fraction may start."""


def check_fraction_rates(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, each bare rate right after a fraction checked against it.

    ``đã có 14.210/18.400 hộ (tỷ lệ 77,22%)``: the rate (``tỷ lệ``, opening the statement) of
    the fraction of units written right before it, in its sentence, checked at its precision
    as 100 × 14.210 / 18.400 = 77,228: 77,23 % consistent, 77,22 % cut (flagged). Qualified
    rates, rates with a result of their own and fractions above one are left as they are.
    """
    out = list(statements)
    for i, s in enumerate(statements):
        if s.stated_kind != "rate" or s.actual is not None or s.stated is None or s.qualifier:
            continue
        if s.verdict != "unchecked" or not _RATE_WORD.match(fold(s.text)):
            continue
        low = max(0, s.start - _FRACTION_REACH)
        before = fold(text[low : s.start])
        m = _FRACTION_BEFORE_RATE.search(before[max(before.rfind(". "), 0) :])
        a, b = (try_parse_number(m.group(n)) for n in ("a", "b")) if m else (None, None)
        if a is None or b is None or not 0 < a <= b or (a <= 12 and 1900 <= b <= 2100):
            continue  # "quý 4/2041", "tháng 9/2041": a date, no fraction
        c = check_percent(parse_percent(s.stated), a, b)
        out[i] = _with_check(s, c, seg("rate_of_fraction", a=f"{a:f}", t=f"{b:f}"))
    return out


def _with_check(s: LinkableStatement, c: Consistency, lead: Segment) -> LinkableStatement:
    """``s`` with the check ``c`` of its percentage, its note ``lead`` and the computed one."""
    return dataclasses.replace(
        s,
        computed_percent=c.computed,
        consistent=c.consistent,
        truncated=c.truncated,
        verdict="truncated" if c.truncated else ("consistent" if c.consistent else "inconsistent"),
        **noted(lead, seg("computed", computed=c.computed)),  # type: ignore[arg-type]
    )


# ----------------------------------------------------- shares of the classes of a rating

CLASS_SHARE_GAP = 160
"""How far (characters) apart the shares of one list of classes may be."""

_LEADING_COUNT = re.compile(r"\s*(\d{1,3}(?:\.\d{3})*|\d+)\s+([^\W\d_]+)")


def _class_count(s: LinkableStatement) -> tuple[Decimal, str] | None:
    """The count a share's text opens with and the word after it (``15 đảng viên``).

    None unless the count is whole, the share unqualified and not yet checked.
    """
    if s.qualifier or s.stated is None or s.target is not None or s.verdict != "unchecked":
        return None
    m = _LEADING_COUNT.match(s.text)
    if m is None:
        return None
    count = Decimal(m.group(1).replace(".", ""))
    if isinstance(s.actual, Decimal) and s.actual != count:
        return None
    return count, fold(m.group(2))


def _class_runs(statements: Sequence[LinkableStatement], text: str) -> list[list[int]]:
    """Runs of three shares or more, each near the one before on its line, counting alike.

    Each share opens with a count of the same word (:func:`_class_count`).
    """
    runs: list[list[int]] = []
    run: list[int] = []
    word, end = "", -1
    for i, s in enumerate(statements):
        counted = _class_count(s) if s.stated_kind == "share" else None
        if counted is None:
            continue
        joins = (
            bool(run)
            and counted[1] == word
            and 0 <= s.start - end <= CLASS_SHARE_GAP
            and "\n" not in text[end : s.start]
        )
        if not joins:
            if len(run) >= 3:
                runs.append(run)
            run = []
        run.append(i)
        word, end = counted[1], s.end
    if len(run) >= 3:
        runs.append(run)
    return runs


def check_class_shares(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, each share of a list of classes that is cut, not rounded, flagged.

    ``… 15 đảng viên hoàn thành xuất sắc nhiệm vụ, chiếm 25%; 40 đảng viên hoàn thành tốt
    nhiệm vụ, chiếm 66,7%; 5 đảng viên hoàn thành nhiệm vụ, chiếm 8,3%``: shares that add up
    to 100 % are of the sum of their counts (60), written or not, so 40 of 60 (66,67 %) and 5
    of 60 (8,33 %) hold. Shares are flagged as cut only when every share of the list fits the
    sum, rounded or cut, and the shares add up to 100 % within a unit of their last decimal
    each: a list that does not fit says nothing.
    """
    out = list(statements)
    for run in _class_runs(statements, text):
        shares = [statements[i] for i in run]
        counts = [n for n, _ in filter(None, map(_class_count, shares))]
        percents = [parse_percent(s.stated or "") for s in shares]
        slack = sum((Decimal(1).scaleb(-p.decimals) for p in percents), Decimal(0))
        if abs(sum((p.value for p in percents), Decimal(0)) - 100) > slack:
            continue
        base = sum(counts, Decimal(0))
        checks = [check_percent(p, c, base) for p, c in zip(percents, counts, strict=True)]
        if not all(c.fits for c in checks):
            continue
        for i, s, c, n in zip(run, shares, checks, counts, strict=True):
            if c.truncated:
                out[i] = dataclasses.replace(
                    s,
                    computed_percent=c.computed,
                    consistent=False,
                    truncated=True,
                    verdict="truncated",
                    **noted(  # type: ignore[arg-type]
                        seg("share_of_classes", a=f"{n:f}", t=f"{base:f}"),
                        seg("computed", computed=c.computed),
                    ),
                )
    return out


# "trong tổng số 150 HTX, có": the whole of the classes listed after it, written
_WHOLE_BEFORE_CLASSES = rx(rf"trong\s+tổng\s+số\s+(?P<n>{NUM})\s+(?P<w>[^\W\d_]+)[\s,:]")

_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)|\n")

WHOLE_OF_CLASSES_REACH = 300
"""How far (characters) before a share of a class the whole of the classes may be written."""


def _written_whole(text: str, share: LinkableStatement) -> tuple[int, Decimal, str] | None:
    """The whole written before the share of a class, when its classes add up to it.

    ``trong tổng số 150 HTX, có 40 HTX khá (chiếm 26,7%), 90 HTX trung bình (chiếm 60%),
    20 HTX yếu``: the last whole of the share's count word (:func:`_class_count`) before it
    in its sentence, and the counts of that word from the whole to the sentence's end, two
    or more, adding up to it. Its start, value and words.
    """
    counted = _class_count(share)
    if counted is None:
        return None
    low = max(0, share.start - WHOLE_OF_CLASSES_REACH)
    folded = fold(text[low : share.start])
    wholes = [m for m in _WHOLE_BEFORE_CLASSES.finditer(folded) if m.group("w") == counted[1]]
    if not wholes or _SENTENCE_END.search(folded, wholes[-1].end()):
        return None
    m, start = wholes[-1], low + wholes[-1].start()
    # the sentence's end, looked for no further than a sentence's bound (a line with no end
    # would make each share read the rest of it)
    bound = min(len(text), share.end + MAX_SENTENCE_CHARS)
    end = _SENTENCE_END.search(text, share.end, bound)
    listed = fold(text[low + m.end() : end.start() if end else bound])
    count = re.compile(rf"(?<![\d.,/])({NUM})\s+{re.escape(counted[1])}(?!\w)")
    values = [try_parse_number(c.group(1)) for c in count.finditer(listed)]
    whole = try_parse_number(m.group("n"))
    if len(values) < 2 or None in values or sum(filter(None, values), Decimal(0)) != whole:
        return None
    return start, whole, " ".join(text[start : low + m.end("w")].split())


def check_shares_of_written_whole(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, each share of a class checked against the classes' written whole.

    ``Trong tổng số 150 HTX, có 40 HTX khá (chiếm 26,7%), 90 HTX trung bình (chiếm 45%), 20
    HTX yếu``: the counts add up to the whole written before them (:func:`_written_whole`),
    so each share is of it; one that does not fit (45 % for 90 of 150) is flagged, once
    another share of the whole fits.
    """
    out = list(statements)
    groups: dict[int, list[tuple[int, tuple[Decimal, Decimal, str], Consistency]]] = {}
    for i, s in enumerate(statements):
        counted = _class_count(s) if s.stated_kind == "share" else None
        if counted is None or (found := _written_whole(text, s)) is None:
            continue
        start, whole, words = found
        c = check_percent(parse_percent(s.stated or ""), counted[0], whole)
        groups.setdefault(start, []).append((i, (counted[0], whole, words), c))
    for group in groups.values():
        if not any(c.consistent for *_, c in group):
            continue
        for i, (n, whole, words), c in group:
            lead = seg("share_of_measure", a=f"{n:f}", t=f"{whole:f}", text=words)
            out[i] = _with_check(out[i], c, lead)
    return out


# ----------------------------------------------- a share of a count named by its words


class NamedShare(NamedTuple):
    """A count, its share in brackets, and the count written before that the share names."""

    start: int
    end: int
    part: Decimal
    whole: Decimal
    whole_text: str
    percent: Percent


# "186 hộ đạt danh hiệu … (bằng 69% so với hộ đăng ký)": a share of a whole named by its words
_NAMED_SHARE = re.compile(
    rf"\(\s*(?:bằng|chiếm)\s+(?P<p>{NUM})\s*%\s*so\s+với\s+(?:số\s+|tổng\s+số\s+)?"
    r"(?P<w>[^\W\d_]+(?:\s+[^\W\d_]+){1,5})\s*\)",
    re.IGNORECASE,
)

# the count a bracket follows, words alone between
_COUNT_BEFORE = re.compile(rf"(?<![\d.,])(?P<a>{NUM})\s+(?:[^\W\d_]+\s+){{1,14}}$")

NAMED_SHARE_REACH = 600
"""How far (characters) before the count the whole named by the share may be written."""


def named_count_shares(text: str, end: int | None = None) -> list[NamedShare]:
    """The shares in brackets of a count, of a count written before named by the same words.

    ``Toàn xã có 240 hộ đăng ký thi đua. Kết quả có 150 hộ đạt danh hiệu (bằng 62,5% so
    với hộ đăng ký)``: 150 of the 240 the words name. Only a bracket right after the count's
    words (no figure or mark between), and one count before in its paragraph (within
    :data:`NAMED_SHARE_REACH` characters) followed by the named words, larger than the part.
    """
    out: list[NamedShare] = []
    stop = len(text) if end is None else end
    for m in _NAMED_SHARE.finditer(text, 0, stop):
        lo = max(0, m.start() - 160)
        c = _COUNT_BEFORE.search(text, lo, m.start())
        if c is None:
            continue
        whole = _whole_named(text, c.start(), m.group("w"))
        if whole is None:
            continue
        part, (value, where) = try_parse_number(c.group("a")), whole
        if part is None or not 0 < part < value:
            continue
        try:
            percent = parse_percent(m.group("p") + "%")
        except NumberFormatError:
            continue  # "(bằng 1700.000% …)": in no number format
        out.append(NamedShare(c.start(), m.end(), part, value, where, percent))
    return out


def _whole_named(text: str, before: int, words: str) -> tuple[Decimal, str] | None:
    """The one count written before ``before`` in its paragraph followed by ``words``."""
    para = text.rfind("\n", 0, before) + 1
    lo = max(para, before - NAMED_SHARE_REACH)
    named = r"\s+".join(re.escape(w) for w in words.split())
    pattern = re.compile(rf"(?<![\d.,])({NUM})\s+{named}(?!\w)", re.IGNORECASE)
    found = list(pattern.finditer(text, lo, before))
    value = try_parse_number(found[0].group(1)) if len(found) == 1 else None
    if value is None:
        return None  # none, several, or a figure in no number format ("0000240.000")
    return value, " ".join(found[0].group(0).split())


# ------------------------------------------------ shares of parts that add up to a written whole


def _summed_share(s: LinkableStatement) -> bool:
    """Whether ``s`` is a share of an unstated whole, its own amount read and exact."""
    return (
        s.stated_kind == "share"
        and s.verdict == "unchecked"
        and s.target is None
        and s.qualifier is None
        and s.stated is not None
        and isinstance(s.actual, Decimal)
        and s.actual > 0
    )


def _part_word(folded: str, off: int, s: LinkableStatement) -> str | None:
    """The word after the amount of the share ``s`` in its own text (``tỷ đồng``: ``đồng``).

    ``folded``: the folded window of the text that starts at ``off``.
    """
    found = amounts_in(folded, s.start - off, s.end - off)
    words = {a.unit[1] for a in found if a.value == s.actual and a.unit[1]}
    return words.pop() if len(words) == 1 else None


def _sentence_head(text: str, pos: int) -> int:
    """Where the sentence around ``pos`` starts (after a full stop or a line's end)."""
    return last_end(FULL_STOP, text, pos, max(0, pos - MAX_SENTENCE_CHARS))


# "tỷ lệ thất nghiệp là 0,76%, tương đương với 6.014 người": the count of a rate, whose parts'
# percentages are rates of their own groups, not shares of it
_RATE_COUNT = rx(r"%\s*\)?\s*,?\s*(?:tương\s+(?:đương|ứng)|bằng|với)(?:\s+với)?\s*$")


def _summed_whole(
    folded: str, head: int, firsts: tuple[int, int], word: str, own: set[Decimal]
) -> tuple[Amount, list[Amount]] | None:
    """The whole the parts of the shares' sentence add up to, and the parts.

    ``folded``: the folded window from the sentence before the shares' to the end of theirs;
    ``head``: where the shares' sentence starts in it; ``firsts``: where the first share
    starts and how many shares there are; ``own``: the shares' amounts. The parts: the
    amounts of ``word`` in that sentence (after the whole when it is written there), two or
    more, each share's own amount one of them; the whole: an amount of ``word`` before the
    first share, in the sentence before or in theirs, its value the parts' sum exactly. None
    written with a qualifier; the last whole that fits. None either when the sentence holds a
    percentage of no share, or the whole is the count of a percentage written right before
    it (``0,76%, tương đương với 6.014 người``).
    """
    first, count = firsts
    if folded.count("%", head) != count:
        return None  # "tỷ lệ … ở thành thị là 1,46%": a percentage of another kind beside
    here = [a for a in amounts_in(folded, 0, len(folded)) if a.unit[1] == word]
    # the sums of the amounts of the shares' sentence from each amount on, last first
    sums: list[Decimal] = []
    for a in reversed(here):
        sums.append((sums[-1] if sums else Decimal(0)) + (a.value if a.start >= head else 0))
    sums.reverse()
    for k in reversed(range(len(here) - 1)):
        whole, parts = here[k], [a for a in here[k + 1 :] if a.start >= head]
        if whole.start >= first or len(parts) < 2 or sums[k + 1] != whole.value:
            continue
        if not own <= {a.value for a in parts}:
            continue
        if any(has_qualifier(folded, a) for a in (whole, *parts)):
            return None
        if _RATE_COUNT.search(folded, max(0, whole.start - 40), whole.start):
            return None  # "tỷ lệ thất nghiệp là 0,76%, tương đương 6.014 người": rates' counts
        return whole, parts
    return None


def check_shares_of_summed_whole(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, the shares of parts that add up to a whole written before checked.

    ``Mục tiêu tổng doanh thu đến năm 2040 là 50.000 tỷ đồng. Trong đó, doanh thu nội địa
    41.000 tỷ đồng (chiếm 80%), doanh thu xuất khẩu 9.000 tỷ đồng (chiếm 20%).`` and ``Tổng thu
    ngân sách tháng 5 đạt 5.000 tỷ đồng. Trong đó, thu nội địa đạt 3.100 tỷ đồng; thu xuất
    nhập khẩu đạt 1.900 tỷ đồng, chiếm 40% tổng thu.``: the amounts of the shares' sentence
    add up to the whole written before them (in the sentence before theirs or in theirs), so
    they are all of it and each share is of it: 41.000 of 50.000 is 82 %, not 80 %; 1.900 of
    5.000 is 38 %, not 40 %. Read in a sentence whose shares each have their own exact amount
    of one word (``đồng``, ``doanh nghiệp``), no qualifier and none naming a wider whole or a
    count (``chiếm 80% kim ngạch cả nước``); the parts (two or more) and the whole written
    with no qualifier; when every part has its share, the shares add up to 100 % (within a
    unit of their last decimal each). Each share is checked against the whole at the
    precision written (:func:`~kpitools.numbers.check_percent`). Only the two sentences are
    folded: memory stays linear in the text.
    """
    out = list(statements)
    sentences: dict[int, list[int]] = {}
    for i, s in enumerate(statements):
        if s.stated_kind == "share":
            sentences.setdefault(_sentence_head(text, s.start), []).append(i)
    for head, group in sentences.items():
        shares = [statements[i] for i in group]
        if not all(map(_summed_share, shares)):
            continue
        low = _sentence_head(text, max(0, head - 2)) if head > 0 else 0
        stop = FULL_STOP.search(text, max(s.end for s in shares))
        folded = fold(text[low : stop.start() if stop else len(text)])
        if any(_of_another_whole(folded, s, low) for s in shares):
            continue  # "chiếm 80% kim ngạch cả nước": a share of a wider whole
        words = {_part_word(folded, low, s) for s in shares}
        word = words.pop()
        firsts = (min(s.start for s in shares) - low, len(shares))
        own = {s.actual for s in shares if isinstance(s.actual, Decimal)}
        if words or word is None:
            continue
        if (found := _summed_whole(folded, head - low, firsts, word, own)) is None:
            continue
        whole, parts = found
        percents = [parse_percent(s.stated or "") for s in shares]
        slack = sum((Decimal(1).scaleb(-p.decimals) for p in percents), Decimal(0))
        spread = abs(sum((p.value for p in percents), Decimal(0)) - 100)
        if len(parts) == len(shares) and spread > slack:
            continue
        start = low + _sentence_head(folded, whole.start)
        said = " ".join(text[start : low + whole.end].split())
        for i, s, p in zip(group, shares, percents, strict=True):
            assert isinstance(s.actual, Decimal)
            lead = seg("share_of_measure", a=f"{s.actual:f}", t=f"{whole.value:f}", text=said)
            out[i] = _with_check(s, check_percent(p, s.actual, whole.value), lead)
    return out
