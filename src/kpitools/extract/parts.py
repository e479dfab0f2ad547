"""Parts listed after a whole: checked against it, and linked to the parts of a plan.

The wholes whose listed parts add up to more than them, or whose shares of money listed in
full cannot add up to them (:func:`listed_parts_over`, :data:`PART_FAMILIES`), and the listed
parts of a result linked to the parts of its plan (:func:`link_listed_parts`). Shares checked
against their whole are in :mod:`kpitools.extract.shares`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.amounts import (
    MONEY_WORDS,
    Amount,
    amounts_in,
    clause_head,
    shifted,
)
from kpitools.extract.joined_claims import percent_of_part, starts_of
from kpitools.extract.linking import against_plan
from kpitools.extract.plans import with_plan
from kpitools.extract.rounded_results import MEASURED_UNITS
from kpitools.numbers import (
    parse_number,
)
from kpitools.textfold import fold, rx, words_rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement


# --------------------------------------------------------------------------- listed parts

# the mark after a whole that opens the list of its parts: ", trong đó", ". Trong đó,", "; trong
# đó, có", "(", ", gồm", "bao gồm:", "(bao gồm:" (the parts in the bracket)
_PARTS_MARK = rx(
    r"(?:[,;.:]\s*trong\s+đó\s*(?:,\s*)?(?:có\s+)?[,:]?|\s*\(\s*(?:bao\s+)?gồm\s*:|\s*\("
    r"|\s*[,:]?\s*(?:bao\s+)?gồm\s*:?)\s*"
)
# the words between a whole and the mark: a noun of a few words, no figure
_WHOLE_NOUN = rx(r"^(?:\s+[^\W\d_]+){0,6}$")
# the same, then the whole's own percentages after a comma ("…, đạt 52% dự toán và tăng 4%")
# ("…, so cùng kỳ tăng 8%")
_WHOLE_NOUN_THEN = rx(
    r"(?:\s+[^\W\d_]+){0,6}\s*,\s*(?:so\s+(?:với\s+)?cùng\s+kỳ\s+)?(?:đạt|bằng|vượt|tăng|giảm)(?!\w)"
)
# a comma between items, not in a number ("1,5 triệu") nor in the name of a sector
# ("công nghiệp, xây dựng", "thương mại, dịch vụ")
_PART_SEPARATOR = rx(
    r"\s*(?:[,;](?!\d|\s*(?:xây\s+dựng|dịch\s+vụ|đặc\s+dụng)(?!\w))\s*(?:và\s+)?|\s+và\s+)"
)
_PARTS_END = re.compile(r"[.!?)]\s|[.!?)]$|\)|\n")
_PART_QUALIFIER = rx(r"(?<!\w)(trên|hơn|gần|khoảng|xấp\s+xỉ|ước|dưới)\s*$")
_PARTS_WINDOW = 400

_VISITORS_BY_ORIGIN = (
    ("khách quốc tế", "khách du lịch quốc tế", "khách nước ngoài"),
    ("khách nội địa", "khách du lịch nội địa", "khách trong nước"),
)
_MONEY_BY_LEVEL = (
    ("ngân sách trung ương", "vốn trung ương", "nguồn trung ương"),
    ("ngân sách địa phương", "vốn địa phương", "nguồn địa phương"),
)
_SECTORS = (
    ("nông nghiệp", "nông lâm nghiệp", "nông - lâm", "nông lâm thủy sản"),
    ("công nghiệp - xây dựng", "công nghiệp, xây dựng", "công nghiệp và xây dựng"),
    (
        "thương mại - dịch vụ",
        "thương mại, dịch vụ",
        "thương mại và dịch vụ",
        "dịch vụ - thương mại",
        "khu vực dịch vụ",
        "ngành dịch vụ",
    ),
)
_PLANTING_BY_WHOM = (
    ("theo kế hoạch", "kế hoạch giao", "theo chỉ tiêu"),
    ("tự trồng", "dân tự", "nhân dân tự"),
)
_CASES_BY_AGE = (
    ("cũ", "chuyển qua", "chuyển sang", "tồn đọng"),
    ("mới phát sinh", "mới thụ lý", "thụ lý mới", "phát sinh mới"),
)
_WORK_BY_PLACE = (("ngoài tỉnh",), ("trong tỉnh", "tại tỉnh", "nội tỉnh"))
_TREES_BY_PLANTING = (("phân tán",), ("tập trung",))
_SCHOOLS_BY_OWNER = (("ngoài công lập", "tư thục", "dân lập"), ("công lập",))
_PLACES_BY_SETTLEMENT = (("thành thị",), ("nông thôn",))
_SESSIONS_BY_FORM = (("định kỳ",), ("lưu động",), ("trực tuyến", "online"))
# forests by their use, which the law keeps apart ("rừng phòng hộ, đặc dụng": the first two
# named together, read as the first)
_FORESTS_BY_USE = (("rừng phòng hộ",), ("rừng đặc dụng", "đặc dụng"), ("rừng sản xuất",))
PART_FAMILIES: tuple[tuple[tuple[str, ...], ...], ...] = (
    # budget revenue by source
    (("thu nội địa",), ("xuất nhập khẩu", "xuất khẩu, nhập khẩu", "hải quan"), ("dầu thô",)),
    # investment capital by ownership ("ngoài nhà nước" before "nhà nước")
    (("ngoài nhà nước",), ("khu vực nhà nước", "vốn nhà nước"), ("fdi", "nước ngoài")),
    # economic units by their form
    (("doanh nghiệp",), ("hộ kinh doanh",), ("hợp tác xã",)),
    # visitors by origin
    _VISITORS_BY_ORIGIN,
    # a budget or a plan of capital by its level
    _MONEY_BY_LEVEL,
    # the economy by its three sectors
    _SECTORS,
    # what was planted under the plan and what people planted on their own
    _PLANTING_BY_WHOM,
    # cases carried over from before and new ones ("vụ việc cũ chuyển qua", "vụ mới thụ lý")
    _CASES_BY_AGE,
    # work in the province and outside it ("ngoài tỉnh" first: it is no "trong tỉnh")
    _WORK_BY_PLACE,
    # trees planted scattered and in concentrated stands
    _TREES_BY_PLANTING,
    # schools by owner ("ngoài công lập" names "công lập" too)
    _SCHOOLS_BY_OWNER,
    # towns and countryside
    _PLACES_BY_SETTLEMENT,
    # job fairs and sessions held at set times, on the move, online
    _SESSIONS_BY_FORM,
    # forests for protection, special use and production
    _FORESTS_BY_USE,
)
"""Families of categories that never overlap: the sources of budget revenue, the owners of
investment capital, the forms of economic units, visitors by origin, cases old and new, work
in the province and outside it, trees scattered and in stands, schools public and not, towns
and countryside, sessions by their form (round 112), forests by their use (round 139). Parts
listed under a
whole, each of a different category of one family, are disjoint, so they cannot add up to
more than the whole (parts named otherwise, ``trong đó 400 nữ, 300 đoàn viên``, may overlap
and are not added)."""
EXHAUSTIVE_FAMILIES = frozenset(
    PART_FAMILIES.index(f) for f in (_VISITORS_BY_ORIGIN, _SECTORS, _PLANTING_BY_WHOM)
)
"""The families of :data:`PART_FAMILIES` whose categories, all listed, are the whole: every
visitor is international or domestic, all that is planted is planted under the plan or by
people on their own, and a gross output (:data:`_WHOLE_OF_SECTORS`) is that of the three
sectors (a GRDP is not: it holds the taxes on products too). Exact counts of all of them
add up to the whole; figures rounded by a unit or a decimal, to within half their last
digits."""
_EXACT_FAMILIES = frozenset({PART_FAMILIES.index(_VISITORS_BY_ORIGIN)})
"""The exhaustive families read only as exact counts (to the unit, no scale word)."""
_WHOLE_OF_SECTORS = rx(r"(?<!\w)giá\s+trị\s+sản\s+xuất(?!\w)")
"""The name of the whole the three sectors make up: a gross output (not a GRDP)."""
_FAMILY_WORDS = tuple(tuple(words_rx(names) for names in family) for family in PART_FAMILIES)


@dataclasses.dataclass(frozen=True)
class ListedParts:
    """A whole amount and the disjoint parts listed after it, which add up to more.

    With ``exhaustive``: the parts are all of the whole's kinds, counted exactly, and add up
    to another number.
    """

    start: int
    end: int
    whole_end: int
    """Where the whole's amount ends (``start``–``whole_end`` is the whole as written)."""
    whole: Decimal
    parts: tuple[Decimal, ...]
    measure: str | None
    """The money unit as written (``tỷ đồng``), None for counts."""
    exhaustive: bool = False
    """The parts are every kind of the whole (:data:`EXHAUSTIVE_FAMILIES`), counted exactly,
    and their sum is not the whole."""
    rounded: bool = False
    """With ``exhaustive``: the parts are every share of a sum of money
    (:data:`SHARE_FAMILIES`), and even as rounded or qualified cannot add up to it."""
    within: bool = False
    """With ``exhaustive``: the figures may be rounded, and their sum is off the whole by more
    than half the last digits of them all."""


def _category(folded: str, start: int, end: int) -> tuple[int, int] | None:
    """(family, category) of the item ``folded[start:end]``: the one category it names."""
    found = {
        (f, c)
        for f, family in enumerate(_FAMILY_WORDS)
        for c, words in enumerate(family)
        if words.search(folded, start, end)
    }
    if len(found) == 2 and len({f for f, _ in found}) == 1 and {c for _, c in found} == {0, 1}:
        found = {(f, 0) for f, _ in found}  # "ngoài nhà nước" names "nhà nước" too
    return next(iter(found)) if len(found) == 1 else None


def _item_ends(folded: str, start: int, stop: int) -> list[tuple[int, int]]:
    """The items of a list from ``start`` to ``stop``: split at commas, semicolons and và."""
    out, at = [], start
    for m in _PART_SEPARATOR.finditer(folded, start, stop):
        out.append((at, m.start()))
        at = m.end()
    out.append((at, stop))
    return [(a, b) for a, b in out if b > a]


def _parts_of(
    folded: str, whole: Amount, start: int, stop: int
) -> list[tuple[Amount, tuple[int, int]]] | None:
    """The parts listed from ``start`` to ``stop``, or None when an item is not a part.

    A part: one amount of ``whole``'s kind and one category, not hedged downwards; it ends
    where its item ends.
    """
    parts: list[tuple[Amount, tuple[int, int]]] = []
    for a, b in _item_ends(folded, start, stop):
        amounts = _amounts_of_item(folded, a, b)
        if parts and _percent_only(folded, a, b, amounts):
            continue  # "thu nội địa 900 tỷ đồng, đạt 60%": the part's own percentage
        category = _category(folded, a, b)
        if len(amounts) != 1 or category is None:
            return None
        x = amounts[0]
        hedge = _PART_QUALIFIER.search(folded, max(0, x.start - 12), x.start)
        if hedge and hedge.group(1) not in ("trên", "hơn", "ước"):
            return None
        if not _kind_of_part(folded, whole, x, (a, b), category):
            return None
        parts.append((dataclasses.replace(x, end=b), category))
    return parts


# a plan named before an item's amount ("trong đó kế hoạch rừng phòng hộ 610 ha"): the part's
# plan, another measure than the whole's result; not what was done under a plan ("trồng theo
# kế hoạch 410 ha", "theo chỉ tiêu", "kế hoạch giao": a kind of :data:`_PLANTING_BY_WHOM`)
_PLAN_IN_ITEM = rx(
    r"(?<!\w)(?<!theo\s)(?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu|dự\s+toán)(?!\w)(?!\s+giao(?!\w))"
)


def _kind_of_part(
    folded: str, whole: Amount, x: Amount, item: tuple[int, int], category: tuple[int, int]
) -> bool:
    """Whether ``x``, the amount of an item of ``category``, is a part of ``whole``.

    Of ``whole``'s kind and no plan; a forest's only when the item (``item``: its start and
    end) is its name and amount (:data:`_FOREST_ITEM`).
    """
    if not _same_kind_of_amount(whole, x) or _PLAN_IN_ITEM.search(folded, item[0], x.start):
        return False
    if category[0] != _FORESTS:
        return True
    return bool(_FOREST_ITEM.fullmatch(folded, item[0], x.start)) and not folded[
        x.end : item[1]
    ].strip(" )")


_FORESTS = PART_FAMILIES.index(_FORESTS_BY_USE)
# a forest's item: its kind named first and nothing else ("rừng phòng hộ, đặc dụng 320 ha");
# not "chăm sóc 900 ha rừng sản xuất", "lũy kế rừng sản xuất …", "… 900 ha năm 2040"
_FOREST_ITEM = rx(
    r"\s*(?:diện\s+tích\s+)?(?:rừng\s+)?(?:phòng\s+hộ|đặc\s+dụng|sản\s+xuất)"
    r"(?:\s*(?:,|và)\s*(?:rừng\s+)?(?:phòng\s+hộ|đặc\s+dụng|sản\s+xuất))?"
    r"\s*(?:(?:là|có|đạt)\s+)?(?:(?:trên|hơn|ước)\s+)?"
)


# a year named after "năm" ("… mới phát sinh trong năm 2041"), no amount of an item
_NAMED_YEAR = rx(r"(?<!\w)năm\s+$")


def _amounts_of_item(folded: str, start: int, end: int) -> list[Amount]:
    """The amounts of the item ``folded[start:end]``, a year named in it (``năm 2041``) aside."""
    return [
        x
        for x in amounts_in(folded, start, end)
        if x.unit != ("", "")
        or not (1900 <= x.value <= 2100 and x.value == int(x.value))
        or not _NAMED_YEAR.search(folded, max(0, x.start - 8), x.start)
    ]


# the numbers of a percentage ("đạt 60%", "tăng 5,2%"): a number with a "%" right after it
_PERCENT_AFTER = re.compile(r"[\d.,]*\s*%")
# "… so với cùng kỳ năm 2040": a year named in the clause of a percentage


def _percent_only(folded: str, start: int, end: int, amounts: Sequence[Amount]) -> bool:
    """Whether ``folded[start:end]`` states percentages and no other figure.

    ``đạt 60%``, ``tăng 3,5% so với cùng kỳ``: a clause of the item before it, no item of
    its own (``amounts``: the amounts read in it).
    """
    return "%" in folded[start:end] and all(
        not x.unit[0]
        and not x.unit[1]
        and (
            _PERCENT_AFTER.match(folded, x.end)
            or _NAMED_YEAR.search(folded, max(0, x.start - 8), x.start)
        )
        for x in amounts
    )


def _list_stop(folded: str, start: int) -> int:
    """Where the list opening at ``start`` ends, within :data:`_PARTS_WINDOW`.

    At its sentence's end, its line's, or a bracket closed that it did not open (``… tăng
    8% (kế hoạch 6%); thương mại …`` goes on).
    """
    limit = min(len(folded), start + _PARTS_WINDOW)
    for end in _PARTS_END.finditer(folded, start, limit):
        if not (folded[end.start()] == ")" and _in_brackets(folded, start, end.start())):
            return end.start()
    return limit


def _in_brackets(folded: str, low: int, pos: int) -> bool:
    """Whether ``pos`` stands inside a bracket opened after ``low``."""
    return folded.rfind("(", low, pos) > folded.rfind(")", low, pos)


def _listed_whole(folded: str, head: int, mark: int) -> Amount | None:
    """The whole before the mark at ``mark``: the last amount of the clause from ``head``.

    Its noun may come between (``2.400 tỷ đồng thu ngân sách, trong đó``), and then its own
    percentages (``1.200 tỷ đồng, đạt 52% dự toán (2.300 tỷ đồng) và tăng 4%; trong đó``),
    whose plans in brackets are no whole; nor is a difference (:data:`_DIFFERENCE_BEFORE`).
    """
    before = [x for x in amounts_in(folded, head, mark) if not _in_brackets(folded, head, x.start)]
    whole = next((x for x in reversed(before) if x.unit[1] or x.unit[0]), None)
    if whole is None or _DIFFERENCE_BEFORE.search(folded, head, whole.start) is not None:
        return None  # "cao hơn dự toán năm trước là 900 tỷ đồng": a difference, no whole
    gap = folded[whole.end : mark]
    if _WHOLE_NOUN.match(gap):
        return whole if whole is before[-1] else None
    clause = _WHOLE_NOUN_THEN.match(gap)
    later = [x for x in before if x.start >= whole.end]
    if clause is None or not _percent_only(folded, whole.end, mark, later):
        return None
    return whole


# a difference between two amounts named right before the figure in its clause
_DIFFERENCE_BEFORE = rx(r"(?<!\w)(?:cao|thấp|nhiều|ít)\s+hơn(?!\w)[^.;,()]{0,80}?(?:là|khoảng)\s*$")


def _same_kind_of_amount(whole: Amount, part: Amount) -> bool:
    """Money of one currency, a measure in its unit, counts of things, or the same word.

    Counts have no scale word; a measure (``ha``, ``tấn``) only matches its own unit.
    """
    money = whole.unit[1] in MONEY_WORDS or part.unit[1] in MONEY_WORDS
    if money:
        return whole.unit[1] == part.unit[1] and bool(whole.unit[0]) and bool(part.unit[0])
    if whole.unit[1] in MEASURED_UNITS or part.unit[1] in MEASURED_UNITS:
        return whole.unit[1] == part.unit[1]  # "5.320 ha … 610.000 cây": no part of it
    if not whole.unit[0] and not part.unit[0]:
        return True
    return whole.unit[1] == part.unit[1]


def _listed_after(folded: str, whole: Amount, m: re.Match[str]) -> ListedParts | None:
    """The parts listed after the mark ``m`` following ``whole``, if they add up to more."""
    stop = _list_stop(folded, m.end())
    parts = _parts_of(folded, whole, m.end(), stop)
    if parts is None:
        # "…, rừng sản xuất 106 ha, chăm sóc rừng 300 ha": the parts of one family that lead
        # the list, disjoint whatever follows them
        parts = _leading_parts(folded, whole, m.end(), stop)
    if len(parts) < 2:
        return None
    categories = [c for _, c in parts]
    if len({f for f, _ in categories}) != 1 or len(set(categories)) != len(categories):
        return None
    values = tuple(x.value for x, _ in parts)
    rounding = sum((_half_unit(folded, x) for x in (whole, *(x for x, _ in parts))), Decimal(0))
    if sum(values) <= whole.value + rounding:
        return None
    money = MONEY_WORDS.get(whole.unit[1])
    measure = " ".join(w for w in (whole.unit[0], money) if w) if money else None
    return ListedParts(whole.start, parts[-1][0].end, whole.end, whole.value, values, measure)


_WRITTEN_NUMBER = re.compile(r"\d[\d.,]*\d|\d")


def _last_unit(folded: str, x: Amount, *, zeros: bool = True) -> Decimal | None:
    """The unit of the last digit written of the amount ``x``, in its own terms, or None.

    ``5.013 tỷ đồng``: a tỷ; ``75.000 tỷ đồng``: a tỷ, or with ``zeros`` false (trailing
    zeros of a round figure counting for nothing) a thousand tỷ.
    """
    m = _WRITTEN_NUMBER.match(folded, x.start)
    written = parse_number(m.group()) if m else Decimal(0)
    if written <= 0:
        return None
    exponent = (written if zeros else written.normalize()).as_tuple().exponent
    if not isinstance(exponent, int):
        return None
    return x.value / written * Decimal(10) ** exponent


def _half_unit(folded: str, x: Amount) -> Decimal:
    """Half the unit of the last digit written of ``x`` when a scale word rounds it.

    ``5.013 tỷ đồng``: half a tỷ; 0 for a figure to the unit, which is exact.
    """
    unit = _last_unit(folded, x) if x.unit[0] else None
    return unit / 2 if unit is not None else Decimal(0)


def listed_parts_over(text: str, end: int | None = None) -> list[ListedParts]:
    """The wholes whose listed parts add up to more than them.

    ``Xã có 1.200 cơ sở kinh tế, trong đó 350 doanh nghiệp, 880 hộ kinh doanh`` (1.230 >
    1.200), ``thu 2.400 tỷ đồng, trong đó thu nội địa 2.100 tỷ đồng và thu từ xuất nhập khẩu
    320 tỷ đồng``, ``vốn đầu tư 9.000 tỷ đồng (vốn nhà nước hơn 2.500 tỷ đồng, vốn ngoài nhà
    nước hơn 6.600 tỷ đồng)``: a whole written exactly (or ``gần`` it), followed by ``trong
    đó`` or a bracket and two parts or more, each an amount of the whole's kind naming a
    different category of one family of :data:`PART_FAMILIES` (which never overlap), none
    hedged downwards (``gần``, ``khoảng``); only wholes before ``end`` (where reading
    stopped; None: the text's end). The whole's own percentages may stand before the mark
    (``thu 2.400 tỷ đồng, đạt 52% dự toán (4.600 tỷ đồng) và tăng 4%; trong đó …``), and
    each part's after it (``thu nội địa 2.100 tỷ đồng, đạt 50%``). Figures rounded by a
    scale word may be off by half a unit of their last digit: the parts must exceed the
    whole by more than these halves added. Read from the text, not from statements. Each
    mark is read once, in a bounded window: linear in the text.
    """
    out: list[ListedParts] = []
    margin = 2 * _PARTS_WINDOW + 20
    stop = len(text) if end is None else min(end, len(text))
    for at in range(0, stop, _PARTS_CHUNK):
        # a chunk folded at a time, with the windows around its marks: memory stays linear
        low = max(0, at - margin)
        folded = fold(text[low : min(stop, at + _PARTS_CHUNK + margin)])
        for m in _PARTS_MARK.finditer(folded, at - low):
            if m.start() >= at + _PARTS_CHUNK - low:
                break  # the next chunk's
            found = _parts_over_at(folded, m)
            if found is not None and (not out or out[-1].start != found.start + low):
                out.append(
                    dataclasses.replace(
                        found,
                        start=found.start + low,
                        end=found.end + low,
                        whole_end=found.whole_end + low,
                    )
                )
    return out


_PARTS_CHUNK = 1 << 15


def _parts_over_at(folded: str, m: re.Match[str]) -> ListedParts | None:
    """The whole before the mark ``m`` and its parts after it, if they add up to more."""
    head = clause_head(folded, m.start(), max(0, m.start() - _PARTS_WINDOW))
    # a number with no word after it ("năm 2024. Trong đó, …") is no whole
    whole = _listed_whole(folded, head, m.start())
    if whole is None:
        return None
    hedge = _PART_QUALIFIER.search(folded, max(0, whole.start - 12), whole.start)
    if hedge and hedge.group(1) not in ("gần", "ước"):
        return _over_a_floor(folded, whole, m, hedge.group(1)) or _shares_off(folded, whole, m)
    over = _listed_after(folded, whole, m)
    if over is None and (hedge is None or hedge.group(1) == "ước"):
        over = _all_kinds_short(folded, whole, m, head)
    if over is None and hedge is None:
        over = _composed_off(folded, whole, m, head)
    return over or _shares_off(folded, whole, m)


# "…, gồm:", "bao gồm:": the whole said to be made of the named parts that follow
_COMPOSED_OF = rx(r"(?<!\w)gồm\s*:\s*$")
# a part's name before its amount, or before the bracket its amount stands in ("Lạc 16,8
# ha", "Quế (2,5 triệu cây)"): words only, four at most
_PART_NAMED = rx(r"(?:[^\W\d_]+\s+){0,4}|[^\W\d_]+(?:\s+[^\W\d_]+){0,4}\s*\(\s*")
# a list that may leave parts out: "chủ yếu", "như", "một số", "các loại", an ellipsis
_SOME_OF = rx(r"(?<!\w)(?:chủ\s+yếu|như|một\s+số|các\s+loại)(?!\w)|…|\.\.\.")
_UNIT_WORDS_AFTER = 3
"""How many words an item may write after its amount (its unit's, a closing bracket)."""


def _composed_off(folded: str, whole: Amount, m: re.Match[str], head: int) -> ListedParts | None:
    """The named parts after ``gồm:`` when they add up to another number than ``whole``.

    ``diện tích chuyển đổi 45,2 ha, gồm: Ngô 20,15 ha, Đậu tương 24,9 ha``: 45,05, not
    45,2. The mark ends with a colon (``gồm 12 ha lúa, …`` with none may list the parts of
    another figure of its sentence); each item, up to the list's end or a semicolon, is a
    name of four words at most and one amount of the whole's unit word (a year aside), not
    hedged, nothing but a few words after it; no word says the list is partial (``chủ
    yếu``, ``như``, ``một số``, an ellipsis). Each figure may stand for half a unit of its
    last digit either way (:func:`_rounding_of`): the sum must miss the whole by more.
    """
    if _COMPOSED_OF.search(folded, m.start(), m.end()) is None or not whole.unit[1]:
        return None
    stop = _list_stop(folded, m.end())
    semicolon = folded.find(";", m.end(), stop)
    if semicolon >= 0 and any(
        a.unit[1] == whole.unit[1] for a in amounts_in(folded, semicolon, stop)
    ):
        return None  # "…; còn lại là vốn tự có 150 tỷ đồng": the list goes on past it
    stop = semicolon if semicolon >= 0 else stop
    if _SOME_OF.search(folded, head, stop):
        return None
    parts = [_named_part(folded, whole, a, b) for a, b in _item_ends(folded, m.end(), stop)]
    named = [x for x in parts if x is not None]
    if len(named) < 2 or len(named) != len(parts):
        return None
    slack = [_rounding_of(folded, x) for x in (whole, *named)]
    if any(h is None for h in slack):
        return None
    values = tuple(x.value for x in named)
    if abs(sum(values) - whole.value) <= sum((h for h in slack if h is not None), Decimal(0)):
        return None
    money = MONEY_WORDS.get(whole.unit[1])
    measure = " ".join(w for w in (whole.unit[0], money) if w) if money else None
    return ListedParts(
        whole.start, named[-1].end, whole.end, whole.value, values, measure, True, within=True
    )


def _named_part(folded: str, whole: Amount, start: int, end: int) -> Amount | None:
    """The amount of the item ``folded[start:end]`` when it is a named part of ``whole``."""
    amounts = _amounts_of_item(folded, start, end)
    if len(amounts) != 1 or amounts[0].unit[1] != whole.unit[1]:
        return None
    x = amounts[0]
    if _PART_QUALIFIER.search(folded, max(0, x.start - 12), x.start):
        return None
    if not _PART_NAMED.fullmatch(folded, start, x.start):
        return None
    after = folded[x.end : end].replace(")", " ").split()
    return x if len(after) <= _UNIT_WORDS_AFTER else None


def _rounding_of(folded: str, x: Amount) -> Decimal | None:
    """Half the unit of the last digit ``x`` is written to, trailing zeros not counted.

    A measure (``16,8 ha``: 0,05 ha) or a figure with a scale word (``2,5 triệu``: 50.000)
    is written rounded; a count of things to the unit (``16 xã``) is exact, and a round
    one (``1.200 người``) may be rounded to its last digit that is not a zero.
    """
    unit = _last_unit(folded, x, zeros=False)
    if unit is None:
        return None
    if x.unit[0] or x.unit[1] in MEASURED_UNITS or unit > 1:
        return unit / 2
    return Decimal(0)


def _over_a_floor(folded: str, whole: Amount, m: re.Match[str], said: str) -> ListedParts | None:
    """The parts after the mark ``m`` when they exceed the most a whole above a floor may be.

    ``hơn 4.120 tỷ đồng, trong đó công nghiệp - xây dựng hơn 2.310 tỷ đồng; thương mại -
    dịch vụ hơn 2.050 tỷ đồng``: ``hơn``, ``trên`` put the whole below one unit of its last
    digit more (4.121 tỷ), which the parts pass (:func:`_listed_after`).
    """
    unit = _last_unit(folded, whole, zeros=False) if said in ("hơn", "trên") else None
    if unit is None:
        return None
    over = _listed_after(folded, dataclasses.replace(whole, value=whole.value + unit), m)
    return dataclasses.replace(over, whole=whole.value) if over else None


SHARE_FAMILIES = frozenset({PART_FAMILIES.index(_MONEY_BY_LEVEL)})
"""The families of :data:`PART_FAMILIES` of money, all of whose shares, listed, are the
whole: a budget or a plan of capital is the central budget's share and the local one's."""


def _shares_off(folded: str, whole: Amount, m: re.Match[str]) -> ListedParts | None:
    """The shares after the mark ``m``, all of ``whole``'s, when they cannot add up to it.

    ``kế hoạch vốn năm 2041 hơn 5.210,4 tỷ đồng; trong đó vốn ngân sách trung ương hơn
    2.604 tỷ đồng và vốn ngân sách địa phương hơn 2.601 tỷ đồng``: the whole the one amount
    of its sentence, each share of :data:`SHARE_FAMILIES` once, nothing else listed, money
    (a whole in ``tỷ`` alone is in the shares' đồng); each figure read as the range
    it may stand for (rounded: half a unit of its last digit either way; ``hơn``, ``trên``:
    up to one unit above; ``gần``: up to one below; ``khoảng`` is not read), and the shares'
    sum out of the whole's range (5.205 to 5.207 against 5.210,4 to 5.210,5).
    """
    if not whole.unit[1] and whole.unit[0]:  # "giao hơn 6.200 tỷ; trong đó …": its parts' đồng
        whole = dataclasses.replace(whole, unit=(whole.unit[0], "đồng"))
    if whole.unit[1] not in MONEY_WORDS or (bounds := _written_range(folded, whole)) is None:
        return None
    low = max(0, m.start() - _PARTS_WINDOW)
    opened = max(folded.rfind(". ", low, m.start()), folded.rfind("\n", low, m.start())) + 1
    sums = [
        x
        for x in amounts_in(folded, max(low, opened), m.start())
        if x.unit[0] or x.unit[1] in MONEY_WORDS
    ]
    if len([x for x in sums if not _in_brackets(folded, opened, x.start)]) != 1:
        return None  # "đạt 900 tỷ đồng, bằng 90% kế hoạch là 1.000 tỷ đồng; trong đó": which?
    stop = _list_stop(folded, m.end())
    parts = _parts_of(folded, whole, m.end(), stop)
    if parts is None or len({f for _, (f, _) in parts}) != 1:
        return None
    family = parts[0][1][0]
    if family not in SHARE_FAMILIES or len({c for _, c in parts}) != len(PART_FAMILIES[family]):
        return None
    ranges = [_written_range(folded, x) for x, _ in parts]
    if len(parts) != len(PART_FAMILIES[family]) or any(r is None for r in ranges):
        return None
    least = sum((r[0] for r in ranges if r), Decimal(0))
    most = sum((r[1] for r in ranges if r), Decimal(0))
    if bounds[0] <= most and least <= bounds[1]:
        return None
    values = tuple(x.value for x, _ in parts)
    measure = " ".join(w for w in (whole.unit[0], MONEY_WORDS[whole.unit[1]]) if w)
    return ListedParts(
        whole.start, parts[-1][0].end, whole.end, whole.value, values, measure, True, True
    )


def _written_range(folded: str, x: Amount) -> tuple[Decimal, Decimal] | None:
    """The range the amount ``x`` may stand for, as written (see :func:`_shares_off`)."""
    hedge = _PART_QUALIFIER.search(folded, max(0, x.start - 12), x.start)
    said = hedge.group(1) if hedge else None
    unit = _last_unit(folded, x, zeros=False)
    if unit is None or said in ("khoảng", "xấp xỉ", "dưới"):
        return None
    if said in ("hơn", "trên"):
        return x.value, x.value + unit
    if said == "gần":
        return x.value - unit, x.value
    half = unit / 2 if x.unit[0] else Decimal(0)
    return x.value - half, x.value + half


def _all_kinds_short(folded: str, whole: Amount, m: re.Match[str], head: int) -> ListedParts | None:
    """The parts after the mark ``m``, every kind of ``whole``, when they miss its count.

    Every kind of :data:`EXHAUSTIVE_FAMILIES`, none hedged; the list read up to its first
    item that is no part. Counts of visitors exact, with no scale word (figures to the unit,
    no rounding): ``đón 12.450 lượt khách, trong đó khách nội địa 11.210 lượt, khách quốc tế
    1.238 lượt, tăng 9%``: 11.210 + 1.238 = 12.448, not 12.450. The other families' figures
    to within half the unit of each one's last digit: ``đã trồng 1.540,6 ha, trong đó trồng
    theo kế hoạch 410,2 ha; dân tự trồng 1.120,4 ha`` (1.530,6). The three sectors only of a
    gross output named in the whole's clause (from ``head``).
    """
    if whole.value <= 0 or (whole.unit[1] in MONEY_WORDS and not whole.unit[0]):
        return None
    stop = _list_stop(folded, m.end())
    parts = _leading_parts(folded, whole, m.end(), stop)
    families = {f for _, (f, _) in parts}
    if len(families) != 1 or not families <= EXHAUSTIVE_FAMILIES:
        return None
    (family,) = families
    if len({c for _, (_, c) in parts}) != len(parts) or len(parts) != len(PART_FAMILIES[family]):
        return None
    if family == PART_FAMILIES.index(_SECTORS) and not _WHOLE_OF_SECTORS.search(
        folded, head, m.start()
    ):
        return None
    values = tuple(x.value for x, _ in parts)
    figures = (whole, *(x for x, _ in parts))
    if family in _EXACT_FAMILIES:
        if any(x.unit[0] or x.value != int(x.value) for x in figures):
            return None
        slack = Decimal(0)
    else:
        units = [_last_unit(folded, x) for x in figures]
        if any(u is None for u in units):
            return None
        slack = sum((u / 2 for u in units if u is not None), Decimal(0))
    if abs(sum(values) - whole.value) <= slack:
        return None
    measure = None
    if whole.unit[1] in MONEY_WORDS:
        measure = " ".join(w for w in (whole.unit[0], MONEY_WORDS[whole.unit[1]]) if w)
    return ListedParts(
        whole.start,
        parts[-1][0].end,
        whole.end,
        whole.value,
        values,
        measure,
        exhaustive=True,
        within=family not in _EXACT_FAMILIES,
    )


def _leading_parts(
    folded: str, whole: Amount, start: int, stop: int
) -> list[tuple[Amount, tuple[int, int]]]:
    """The parts listed from ``start`` up to the first item that is no exact part.

    An exact part: one amount of ``whole``'s kind and one category, not hedged.
    """
    parts: list[tuple[Amount, tuple[int, int]]] = []
    for a, b in _item_ends(folded, start, stop):
        amounts = amounts_in(folded, a, b)
        if parts and _percent_only(folded, a, b, amounts):
            continue  # "trồng theo kế hoạch 410,2 ha, đạt 40%": the part's own percentage
        category = _category(folded, a, b)
        if (
            len(amounts) != 1
            or category is None
            or not _kind_of_part(folded, whole, amounts[0], (a, b), category)
        ):
            break
        x = amounts[0]
        hedge = _PART_QUALIFIER.search(folded, max(0, x.start - 12), x.start)
        if hedge and hedge.group(1) != "ước":
            break
        parts.append((dataclasses.replace(x, end=b), category))
    return parts


# --------------------------------------------------------------------------- parts of plans

# the parts of a figure listed after it: in its sentence after a comma, or opening the next
# ("… 2,4 triệu lượt khách, tăng 12%. Trong đó, khách quốc tế đạt …"); a dot between digits
# is a number's
_PARTS_LEAD = rx(
    r"(?:[^.!?\n]|\.(?=\d)){0,200}?(?:[,;]\s*|[.!?]\s+)trong\s+đó(?:\s+có)?\s*[,:]?\s*"
)
_PARTS_LEAD_REACH = 240
"""How far (characters) after a figure the mark of its parts may end."""
_PART_HEDGE = rx(r"(?<!\w)(trên|hơn|gần|khoảng|xấp\s+xỉ)\s*$")


def _categorised(folded: str, whole: Amount) -> dict[tuple[int, int], Amount]:
    """The parts listed after ``whole``, by category (see :data:`PART_FAMILIES`).

    An item names its category before or after its one amount, or in the item before it
    that has no amount (``khách quốc tế tiếp tục tăng mạnh, ước đạt 1,2 triệu lượt``);
    items of no category are passed over, and a category named twice is dropped.
    """
    m = _PARTS_LEAD.match(folded, whole.end)
    if m is None:
        return {}
    stop = _list_stop(folded, m.end())
    found: dict[tuple[int, int], list[Amount]] = {}
    carried = None
    for a, b in _item_ends(folded, m.end(), stop):
        amounts = amounts_in(folded, a, b)
        category = _category(folded, a, b) or (carried if len(amounts) == 1 else None)
        carried = category if not amounts else None
        if len(amounts) == 1 and category is not None and _of_whole(folded, whole, amounts[0]):
            found.setdefault(category, []).append(amounts[0])
    return {c: xs[0] for c, xs in found.items() if len(xs) == 1}


def _of_whole(folded: str, whole: Amount, part: Amount) -> bool:
    """Whether ``part`` counts what ``whole`` counts.

    The same currency, or a word of the two after the whole's scale (``2 triệu khách`` of
    ``9 triệu lượt khách``).
    """
    if whole.unit[1] in MONEY_WORDS or part.unit[1] in MONEY_WORDS:
        return whole.unit[1] == part.unit[1]
    after = re.findall(r"\w+", folded[whole.end - len(whole.unit[1]) : whole.end + 12])[:2]
    return bool(part.unit[1]) and part.unit[1] in after


def _parts_listed(
    text: str, start: int, end: int, value: Decimal
) -> dict[tuple[int, int], tuple[Amount, str | None]]:
    """The parts listed after the amount of ``value`` in ``text[start:end]``, by category.

    Each with its hedge (``trên``, ``gần`` …), in the text's offsets. Only the window from
    the amount to the end of its list is folded: memory stays linear in the text.
    """
    low = max(0, start - 20)
    folded = fold(text[low : end + _PARTS_LEAD_REACH + _PARTS_WINDOW])
    own = [a for a in amounts_in(folded, start - low, end - low) if a.value == value]
    if not own:
        return {}
    out = {}
    for category, part in _categorised(folded, own[0]).items():
        hedge = _PART_HEDGE.search(folded, max(0, part.start - 12), part.start)
        out[category] = (shifted(part, low), hedge.group(1) if hedge else None)
    return out


def _part_against(
    s: LinkableStatement, listed: tuple[Amount, str | None], plan: Amount, text: str
) -> LinkableStatement:
    """A result-versus-target statement of a listed part and the plan's part of its kind."""
    part, hedge = listed
    return against_plan(
        s,
        plan,
        text,
        start=part.start,
        end=part.end,
        text=" ".join(text[part.start : part.end].split()),
        actual=part.value,
        target_period="annual" if s.term is None else "term",
        qualifier=hedge,
        exact=hedge is None,
        part_of=None,
        part_rule=None,
    )


def link_listed_parts(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, and the listed parts of a result linked to a plan against its parts.

    The plan written elsewhere lists its parts of the same kinds as the result's.
    ``… đã đón 3,1 triệu lượt khách, đạt 40% kế hoạch năm. Trong đó, khách quốc tế đạt 0,9
    triệu lượt …`` with ``Năm 2025, tỉnh đặt mục tiêu đón 7,8 triệu lượt khách, trong đó có
    2,4 triệu lượt khách quốc tế``: 0,9 against 2,4 million. The result is linked to the plan
    already (by its percentage or by its words), and each part names one category of a
    family of :data:`PART_FAMILIES` that the plan's parts name once too; no percentage
    confirms the part's pair, so only parts listed right after both figures (``trong đó``)
    are read. Each result is read once, in a bounded window: linear in the text.
    """
    out = list(statements)
    done: set[tuple[int, int]] = set()
    index = starts_of(statements)
    for s in statements:
        if (
            s.link_start is None
            or s.link_end is None
            or not isinstance(s.target, Decimal)
            or not isinstance(s.actual, Decimal)
        ):
            continue
        planned = _parts_listed(text, s.link_start, s.link_end, s.target)
        if not planned:
            continue
        for category, listed in _parts_listed(text, s.start, s.end, s.actual).items():
            target = planned.get(category)
            if target is None or (listed[0].start, target[0].start) in done:
                continue
            done.add((listed[0].start, target[0].start))
            i = percent_of_part(out, index, listed[0], target[0])
            if i is not None:  # "thu nội địa đạt 3.520 tỷ đồng, đạt 80% dự toán": one claim
                out[i] = with_plan(out[i], target[0], text)
            else:
                out.append(_part_against(s, listed, target[0], text))
    return out
