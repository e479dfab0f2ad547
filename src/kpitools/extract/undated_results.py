"""What the words of an undated result allow it to be set against: one period, one firm.

A result of some months or a quarter whose year the text does not write (``Nửa đầu năm,
doanh thu của công ty đạt 640 tỷ đồng, tăng 12% so với cùng kỳ.``) is set against the year's
plan written after it by :func:`~kpitools.extract.part_year.link_unstated_plans` (round 150).
Nothing dates it, so its words and the plan's must: :func:`one_period` (no past period named
before the result, no plan of a part of the year or of years ahead) and :func:`firms_agree`
(no other firm named on the plan's side). From the review of session 36.
"""

from __future__ import annotations

import re

from kpitools.extract.amounts import Amount, head_of_sentence, past_named
from kpitools.extract.periods import HALF_YEAR_WORDS
from kpitools.textfold import rx

# "Trong 6 tháng cuối năm, … đặt kế hoạch", "quý IV đặt mục tiêu", "nửa cuối năm": a part's plan
_PART_OF_PLAN = rx(rf"(?<!\w)(?:quý|tháng|tuần|nửa\s+(?:đầu|cuối)\s+năm|{HALF_YEAR_WORDS})(?!\w)")
_WHOLE_YEAR_NAMED = rx(r"(?<!\w)cả\s+năm(?!\w)")
# "Đến năm 2030, …", "giai đoạn 2026-2030", "nhiệm kỳ": a plan of years ahead, no year's
_LONG_TERM = rx(
    r"(?<!\w)(?:(?:đến|tới|vào)\s+năm\s+(?:19|20)\d\d|giai\s+đoạn|nhiệm\s+kỳ"
    r"|(?:19|20)\d\d\s*[-–—]\s*(?:19|20)\d\d)(?!\w)"
)


def one_period(folded: str, actual: Amount, plan: Amount) -> bool:
    """Whether the undated result ``actual`` and the year's ``plan`` are of one period.

    No past period named before the result in its sentence (``6 tháng đầu năm trước``,
    ``Quý 1 năm ngoái``); a plan of the year, not of a part of it (``Trong 6 tháng cuối năm,
    công ty đặt kế hoạch …``, unless ``cả năm`` follows the part) nor of years ahead (``Đến
    năm 2030``, ``giai đoạn 2026-2030``).
    """
    if past_named(folded, head_of_sentence(folded, actual.start), actual.start):
        return False  # "6 tháng đầu năm trước", "Quý 1 năm ngoái", "Cùng kỳ năm trước, …"
    plan_head = head_of_sentence(folded, plan.start)
    parts = list(_PART_OF_PLAN.finditer(folded, plan_head, plan.start))
    if parts and not _WHOLE_YEAR_NAMED.search(folded, parts[-1].end(), plan.end + 30):
        return False
    return not _LONG_TERM.search(folded, plan_head, plan.start)


def long_term(folded: str, plan: Amount) -> bool:
    """Whether the plan's sentence names years ahead before the plan.

    ``Đến năm 2035``, ``Giai đoạn 2026-2030``, ``nhiệm kỳ``: a goal of a later year or of
    several, no year's plan; two years in a row (``niên độ tài chính 2020 - 2021``) are one
    fiscal year.
    """
    for m in _LONG_TERM.finditer(folded, head_of_sentence(folded, plan.start), plan.start):
        years = _YEARS.findall(m.group())
        if len(years) < 2 or int(years[1]) - int(years[0]) > 1:
            return True
    return False


_YEARS = re.compile(r"(?:19|20)\d\d")


# "Tập đoàn Dệt may Việt Nam (Vinatex)", "(MSH)": a firm named in brackets after its full name;
# "TCM đặt mục tiêu": one named by its letters
_FIRM_BRACKETED = re.compile(r"\(([A-Z][A-Za-z0-9]{1,15})\)")
FIRM_LETTERS = re.compile(r"(?<![^\W_])[A-Z]{3,5}(?![^\W_])")


def firms_agree(raw: str, actual: tuple[int, int], plan: tuple[int, int]) -> bool:
    """Whether the result's sentence ``actual`` and the plan's ``plan`` may be of one firm.

    ``Tập đoàn Dệt may Việt Nam (Vinatex) báo cáo doanh thu … quý 1 … TCM đặt mục tiêu doanh
    thu …``: a round-up of firms; the result's, named in brackets, is not among those the
    plan's sentence names; nor the firms named in words (``doanh thu của Sông Lam …`` and
    ``Hồng Hà đặt kế hoạch …``: :func:`proper_names`). Either naming none agrees.
    """
    theirs = set(_FIRM_BRACKETED.findall(raw, *actual))
    ours = set(_FIRM_BRACKETED.findall(raw, *plan)) | set(FIRM_LETTERS.findall(raw, *plan))
    if theirs and ours and not theirs & ours:
        return False
    theirs, ours = proper_names(raw, *actual), proper_names(raw, *plan)
    return not theirs or not ours or bool(theirs & ours)


_WORD = re.compile(r"[^\W\d_]+")
# capitalised as titles are, no name of their own ("Công ty", "Tập đoàn", "Ngân hàng", "Sở …")
_TITLE_WORDS = frozenset(
    (
        *("Công", "Tổng", "Tập", "Ngân", "Nhà", "Đảng", "Tỉnh", "Thành", "Huyện", "Xã"),
        *("Phường", "Sở", "Bộ", "Ban", "Ủy", "Hội", "Quỹ", "Cục", "Chi", "Trung", "Hiệp"),
        *("Đại", "Quốc", "Chính", "Hợp", "Doanh", "Theo", "Trong", "Năm", "Quý", "Tháng"),
    )
)


def proper_names(raw: str, start: int, end: int) -> set[str]:
    """The proper names of ``raw[start:end]`` (a sentence).

    Its brackets' and letters', its runs of two or more capitalised words (``Sao Mai``,
    ``Bình Minh``, ``Hà Nội``) and its capitalised words after the first that no title
    capitalises (``Masan``).
    """
    names = set(_FIRM_BRACKETED.findall(raw, start, end)) | set(
        FIRM_LETTERS.findall(raw, start, end)
    )
    runs: list[list[str]] = []
    last = -1
    for m in _WORD.finditer(raw, start, end):
        if not m.group()[0].isupper():
            runs.append([])
        elif runs and runs[-1] and raw[last : m.start()] == " ":
            runs[-1].append(m.group())
        else:
            runs.append([m.group()])
        last = m.end()
    for i, run in enumerate(runs):
        if len(run) > 1:
            names.add(" ".join(run))
        elif run and i and run[0] not in _TITLE_WORDS and len(run[0]) > 2:
            names.add(run[0])  # the sentence's first word alone is capitalised as first
    return names


# "Công ty Sao Mai", "Tập đoàn Bình Minh": a firm's title, its name after it
_FIRM_TITLE = re.compile(
    r"(?<![^\W_])(?:Công\s+ty|Tập\s+đoàn|Ngân\s+hàng)(?:\s+(?:cổ\s+phần|CP|TNHH))?"
)
# "Vinamilk có doanh thu …", "Masan đặt kế hoạch …": a name as the subject of a result or a plan
_SUBJECT_VERB = re.compile(
    r"\s+(?:có|đạt|ghi\s+nhận|báo\s+lãi|đặt|đề\s+ra|lên\s+kế\s+hoạch)(?![^\W_])"
)
_NAME_WORD = re.compile(r"\s+([^\W\d_]+)")
_LAST_WORDS = re.compile(r"(?:[^\W\d_]+\s+){0,3}[^\W\d_]+$")
_NAME_WORDS = 4


def firms_apart(raw: str, actual: tuple[int, int], plan: tuple[int, int]) -> bool:
    """Whether the result's sentence ``actual`` and the plan's ``plan`` name two firms.

    Each names a firm after its title (``Công ty Sao Mai`` and ``Công ty Bình Minh``) or as
    the subject of its verb (``Vinamilk có doanh thu …`` and ``Masan đặt kế hoạch …``), and
    none is the other's. Letters alone (``HPA``, ``VOC``) are left out: an abbreviation of a
    name the other side may write in words.
    """
    theirs, ours = firms_named(raw, *actual), firms_named(raw, *plan)
    return bool(theirs) and bool(ours) and not theirs & ours


def firms_named(raw: str, start: int, end: int) -> set[str]:
    """The firms ``raw[start:end]`` names after a title or as a subject (:func:`firms_apart`)."""
    found: set[str] = set()
    for m in _FIRM_TITLE.finditer(raw, start, end):
        words: list[str] = []
        at = m.end()
        while len(words) < _NAME_WORDS and (w := _NAME_WORD.match(raw, at, end)):
            if not w.group(1)[0].isupper():
                break
            words.append(w.group(1))
            at = w.end()
        if words:
            found.add(" ".join(words))
    for m in _SUBJECT_VERB.finditer(raw, start, end):
        lead = _LAST_WORDS.search(raw, max(start, m.start() - 60), m.start())
        run = [] if lead is None else lead.group().split()
        name: list[str] = []
        for word in reversed(run):
            if not word[0].isupper() or word in _TITLE_WORDS:
                break
            name.insert(0, word)
        if name and len(name[-1]) > 2 and not name[-1].isupper():
            found.add(" ".join(name))
    return found
