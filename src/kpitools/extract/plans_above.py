"""A year's plan written paragraphs above a part of the year's result: of one firm or not.

``Năm 2041, đại hội đồng cổ đông thông qua kế hoạch doanh thu 900 tỷ đồng.`` … (other
paragraphs) … ``Quý II/2041, Công ty Sao Mai đạt doanh thu 210 tỷ đồng, tăng 8% so với cùng
kỳ.``: in an article on one firm, the plan set out first is the quarter's plan, however many
paragraphs lie between. In a round-up of several firms (``Chứng khoán AAA … vượt kế hoạch
lợi nhuận năm (900 tỷ đồng)`` … ``Chứng khoán BBB … lợi nhuận sau thuế 210 tỷ đồng``) a plan
above is another firm's. :func:`one_firm_above` tells the two for the part-year passes
(:func:`~kpitools.extract.part_year.link_part_year_amounts` and
:func:`~kpitools.extract.part_year.link_unstated_plans`, round 158), and
:func:`plan_above_fits` also asks that the result be of the plan's year.
"""

from __future__ import annotations

import itertools
import re

from kpitools.extract.amounts import YEAR
from kpitools.extract.past_bases import LAST_YEAR
from kpitools.extract.undated_results import FIRM_LETTERS, firms_named, proper_names
from kpitools.textfold import fold, fold_pattern

# "tỷ USD", "triệu VND", "(HOSE: SMV)": the letters of a currency or an exchange, no firm's
_NO_FIRM_LETTERS = frozenset({"USD", "VND", "EUR", "HOSE", "HoSE", "HNX", "UPCOM", "UPCoM"})
# a sentence's end: its next sentence's first word is capitalised as first, no name
_SENTENCE_END = re.compile(r"[.!?:]\s+")
# "Năm ngoái, công ty đặt kế hoạch …": a plan of last year (review D)
_LAST_YEAR = re.compile(fold_pattern(rf"(?<!\w){LAST_YEAR}(?!\w)"), re.IGNORECASE)
# "toàn ngành dệt may đặt mục tiêu …", "cả nước phấn đấu …": a sector's or the country's plan,
# no firm's (review D; not "doanh nghiệp đầu ngành thép", a firm)
_SECTOR = re.compile(
    fold_pattern(
        r"(?<!\w)(?:toàn\s+ngành|(?<!đầu\s)ngành\s+\w+|cả\s+nước|toàn\s+quốc|hiệp\s+hội)(?!\w)"
    ),
    re.IGNORECASE,
)


_PERIOD_WORDS = frozenset({"Quý", "Tháng", "Năm", "Nửa"})


def _firm_letters(name: str) -> bool:
    """Whether ``name`` may name a firm: no currency's or exchange's letters, no ``Quý III``."""
    return name not in _NO_FIRM_LETTERS and not all(
        w in _PERIOD_WORDS or set(w) <= set("IVX") for w in name.split()
    )


def _paragraph_names(raw: str, start: int, end: int) -> set[str]:
    """The proper names of the sentences of ``raw[start:end]`` (each read from its start)."""
    heads = [start] + [m.end() for m in _SENTENCE_END.finditer(raw, start, end)]
    ends = [*heads[1:], end]
    found = {
        n for head, stop in zip(heads, ends, strict=True) for n in proper_names(raw, head, stop)
    }
    return {n for n in found if _firm_letters(n)}


def one_firm_above(raw: str, plan_start: int, result_start: int) -> bool:
    r"""Whether a plan at ``plan_start`` may be the plan of the result at ``result_start``.

    In the result's paragraph, yes; in an earlier one, when from the plan's paragraph to the
    end of the result's the text names at most one firm after a title or as the subject of
    a verb of a result or a plan (:func:`~kpitools.extract.undated_results.firms_named`) and
    at most one by its letters (a ticker; a currency's, an exchange's or a Roman numeral are
    none), and the plan's paragraph and the result's name no proper names apart (``Chứng
    khoán Ngọc Lan …`` / ``Chứng khoán Phú Điền …``; either naming none agrees; one naming
    none takes the names of the nearest paragraph above it naming any, its section's).

    Examples
    --------
    >>> text = "Năm nay, công ty đặt kế hoạch lãi 90 tỷ đồng.\nQuý I, Công ty Sao Mai lãi 20 tỷ."
    >>> one_firm_above(text, 35, 70)
    True
    >>> one_firm_above("AAA đặt kế hoạch lãi 90 tỷ đồng.\nBBB lãi 20 tỷ đồng.", 22, 40)
    False
    """
    if _raised_later(raw, plan_start):
        return False  # the plan raised or cut later: which one the result is of, unknown
    if _owned_by_another(raw, plan_start, result_start):
        return False
    if "\n" not in raw[plan_start:result_start]:
        return True
    start = raw.rfind("\n", 0, plan_start) + 1
    stop = raw.find("\n", result_start)
    end = stop if stop >= 0 else len(raw)
    if _SECTOR.search(
        raw, _sentence_head(raw, plan_start), _figure_at(raw, plan_start)
    ) and firms_named(raw, raw.rfind("\n", 0, result_start) + 1, end):
        return False  # a sector's plan above, a firm's result (review D)
    letters = {w for w in FIRM_LETTERS.findall(raw, start, end) if _firm_letters(w)}
    if len(letters) > 1 or len(firms_named(raw, start, end)) > 1:
        return False
    ours = _names_up_from(raw, plan_start, 0)
    theirs = _names_up_from(raw, result_start, start)
    return not ours or not theirs or bool(ours & theirs)


# a figure that is no year nor a date's ("Năm 2041", "Quý I/2041", "ngày 30/6" are not)
_FIGURE = re.compile(r"(?<![\d/])(?!(?:19|20)\d\d(?!\d))\d(?![\d.,]*/)")
_FIGURE_REACH = 300


def _figure_at(raw: str, at: int) -> int:
    """Where the plan's amount at ``at`` (or the first after ``at``: a sentence's start) is.

    ``Năm 2041, toàn ngành dệt may đặt mục tiêu … 9.000 tỷ đồng`` given by its sentence's
    start (round 164): a sector named before the amount is read up to it.
    """
    m = _FIGURE.search(raw, at, min(len(raw), at + _FIGURE_REACH))
    return m.start() if m else at


# "nâng kế hoạch doanh thu lên 1.500 tỷ đồng", "điều chỉnh tăng chỉ tiêu lợi nhuận lên …",
# "hạ mục tiêu doanh thu xuống …": a plan changed after it was set out; its measure's words
_RAISED = re.compile(
    fold_pattern(
        r"(?<!\w)(?:nâng|hạ|điều\s+chỉnh(?:\s+(?:tăng|giảm))?)\s+(?:(?:tổng|mức)\s+)?"
        r"(?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu)(?P<words>(?:\s+\w+){0,6}?)"
        r"\s+(?:lên|xuống|thành)(?!\w)"
    ),
    re.IGNORECASE,
)
_RAISE_REACH = 1500


def _raised_later(raw: str, plan_start: int) -> bool:
    """Whether the plan at ``plan_start`` is raised or cut further on (round 164).

    ``Năm 2041, công ty đặt kế hoạch doanh thu 1.200 tỷ đồng.`` … ``đại hội đồng cổ đông
    thông qua việc nâng kế hoạch doanh thu lên 1.500 tỷ đồng``: a result read with no
    percentage may be of either plan. A change naming another measure (``nâng kế hoạch lợi
    nhuận lên …``) leaves a revenue plan as it is; one naming none changes any.
    """
    figure = _figure_at(raw, plan_start)
    lead = fold(raw[_sentence_head(raw, plan_start) : figure])
    for m in _RAISED.finditer(raw, figure, min(len(raw), figure + _RAISE_REACH)):
        words = fold(m.group("words")).split()[:2]
        if not words or " ".join(words) in lead:
            return True
    return False


# "kế hoạch lợi nhuận 240 tỷ đồng của tập đoàn mẹ Bình Minh": a plan's owner after a title in
# lower case (round 164; a capitalised title is read by ``firms_named``)
_OWNER_AFTER = re.compile(
    r"(?<![^\W_])của\s+(?:công\s+ty|tập\s+đoàn|tổng\s+công\s+ty|ngân\s+hàng)(?:\s+mẹ)?"
    r"((?:\s+[^\W\d_]+){1,5})"
)


def _owned_by_another(raw: str, plan_start: int, result_start: int) -> bool:
    """Whether the plan's owner named in its sentence is none of the result's firms.

    The owner after a title in lower case (:data:`_OWNER_AFTER`); the firms the result's
    paragraph names (``firms_named``), when it names any.

    ``Quý I/2041, Công ty Hòa Phát Nam đạt lợi nhuận 90 tỷ đồng …. Năm 2041, kế hoạch lợi
    nhuận 300 tỷ đồng của tập đoàn mẹ Bình Minh …``: another firm's plan.
    """
    head = _sentence_head(raw, plan_start)
    stop = _SENTENCE_END.search(raw, plan_start)
    owners = set()
    for m in _OWNER_AFTER.finditer(raw, head, stop.start() if stop else len(raw)):
        name = list(itertools.takewhile(lambda w: w[0].isupper(), m.group(1).split()))
        if name:
            owners.add(" ".join(name))
    if not owners:
        return False
    start = raw.rfind("\n", 0, result_start) + 1
    end = raw.find("\n", result_start)
    firms = firms_named(raw, start, end if end >= 0 else len(raw))
    return bool(firms) and owners.isdisjoint(firms)


def _names_up_from(raw: str, at: int, floor: int) -> set[str]:
    """The names of the paragraph at ``at``, or of the nearest above it naming any (to ``floor``).

    A section's heading or lead names its firm (``Nhựa Bình Minh: doanh thu tăng mạnh``); a
    paragraph under it that names none is of that firm.
    """
    head = raw.rfind("\n", 0, at) + 1
    stop = raw.find("\n", at)
    end = stop if stop >= 0 else len(raw)
    while True:
        names = _paragraph_names(raw, head, end)
        if names or head <= floor:
            return names
        end = head - 1
        head = raw.rfind("\n", 0, end) + 1


def plan_above_fits(raw: str, plan_start: int, result_start: int, *, part: bool = True) -> bool:
    """Whether a plan written before a result may be its year's plan, the result read with growth.

    Of the result's year: the last year named before the result is the last named up to the
    end of the plan's sentence (``Đầu năm 2042, … kế hoạch doanh thu 2.400 tỷ đồng. Theo kết
    quả quý IV/2041, doanh thu đạt 510 tỷ đồng``: next year's plan, not the quarter's;
    ``… đặt mục tiêu doanh thu 485.000 tỷ đồng trong năm 2041. Lũy kế 6 tháng …``: the
    plan's year written after its amount), or none is named up to there. In the result's
    paragraph; or above it, for a result of a ``part`` of the year (a quarter's, some
    months'), in one firm's text (:func:`one_firm_above`).

    Examples
    --------
    >>> text = "Năm 2042, công ty đặt kế hoạch lãi 90 tỷ đồng. Quý IV/2041, công ty lãi 20 tỷ."
    >>> plan_above_fits(text, 35, 70), plan_above_fits(text.replace("IV/2041", "I"), 35, 60)
    (False, True)
    """
    if plan_start > result_start:
        return True
    stop = _SENTENCE_END.search(raw, plan_start, result_start)
    told = stop.end() if stop else plan_start  # the plan's sentence names its year too
    if _LAST_YEAR.search(raw, _sentence_head(raw, plan_start), told):
        return False  # "Năm ngoái, … đặt kế hoạch …": last year's plan (review D)
    plan_year = _last_year(raw, 0, told)
    result_year = _last_year(raw, told, result_start) or plan_year
    if plan_year is not None and result_year != plan_year:
        return False
    if not part and "\n" in raw[plan_start:result_start]:
        return False  # a whole year's result: only the plan of its own paragraph
    return one_firm_above(raw, plan_start, result_start)


def _sentence_head(raw: str, at: int) -> int:
    """Where the sentence of ``at`` opens (read at most 300 characters back, in its line)."""
    low = max(raw.rfind("\n", 0, at) + 1, at - 300)
    heads = [m.end() for m in _SENTENCE_END.finditer(raw, low, at)]
    return heads[-1] if heads else low


def _last_year(raw: str, start: int, end: int) -> str | None:
    """The last year ``raw[start:end]`` names, if any."""
    found = None
    for m in YEAR.finditer(raw, start, end):
        found = m.group()
    return found
