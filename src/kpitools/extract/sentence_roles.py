"""The roles of a sentence's figures, settled before :func:`kpitools.extract.assembly.assemble`
joins them: an excess read as a qualifier, parts within a target, amounts a change comes to,
running totals, plans adjusted to, figures of a supposition, amounts that count what a count
before them counts.
"""

from __future__ import annotations

import re

from kpitools.extract.figure_roles import attained_after, target_word
from kpitools.extract.figures import (
    BARE_EXCESS,
    K_PLAN_TAIL,
    MEASURE_WORDS,
    Figure,
    bracketed_base,
)
from kpitools.extract.percentages import (
    WORTH,
    same_measure,
    total_sum_of_count,
)
from kpitools.extract.target_words import PLAN_NOUN, TARGET_CUE
from kpitools.extract.text import NUM, PLAN_NOUNS, Doc
from kpitools.textfold import fold, rx


def excess_as_qualifier(doc: Doc, figs: list[Figure]) -> None:
    """``vượt`` before the first result of a sentence qualifies it ("Thu ngân sách vượt
    704.500 tỷ đồng", "kết nạp vượt 1.200 đảng viên": more than it), unless a plan follows
    ("vượt 20 đảng viên so với kế hoạch" is an excess without its result)."""
    for f in figs:
        if f.role == "actual":
            return
        if f.role != "excess" or f.kind != "count":
            continue
        lead = doc.fold[f.clause : f.start]
        m = BARE_EXCESS.search(lead)
        after = doc.fold[f.noun_end or f.end : f.sentence.end]
        if m is None or K_PLAN_TAIL.match(after) or target_word(lead, TARGET_CUE):
            return
        f.role, f.qualifier, f.qual_start = "actual", "vượt", f.clause + m.start()
        return


# "… 74.000 tỷ đồng, bao gồm thu … là 17.500 tỷ đồng": a part of the target just set out
_PART_LEAD = rx(r"^[^;]*(?<!\w)(?:bao\s+gồm|gồm|trong\s+đó)(?!\w)")
# "… lên hơn 30.000 tỷ đồng, tăng thêm khoảng 5.000 tỷ đồng": the target raised, by how much
_RAISED = rx(r"(?<!\w)(?:lên|tăng(?:\s+thêm)?|giảm)(?:\s+(?:mức|từ|khoảng|gần|hơn|trên))*\s*$")
# "… điều chỉnh chỉ tiêu tổng thu … lên hơn 30.000": a target word before a raise in its clause
_TARGET_RAISED = rx(rf"(?<!\w){PLAN_NOUNS}(?!\w)(?=[^,;]*$)")
_RESULT_SINCE = rx(
    r"(?<!\w)(?:đạt|vượt|hoàn\s+thành|kết\s+quả|(?<!vốn\s)thực\s+hiện|được|qua|đã|ước"
    r"|hiện\s+nay|đến\s+nay|lũy\s+kế|luỹ\s+kế)(?!\w)"
)
# "… được giao hơn 15.640 tỷ đồng; trong đó vốn …": a semicolon before the part marker
_PART_AFTER_STOP = rx(r"^[^;]*;\s*(?:bao\s+gồm|gồm|trong\s+đó)(?!\w)")


# "đặt kế hoạch doanh thu 1.000 tỷ đồng và lợi nhuận trước thuế 30 tỷ đồng": the next
# measure's amount of the same plan, named right after "và" or a comma
_NEXT_MEASURE_PLAN = rx(
    r"\s*(?:,\s*(?:và\s+)?|và\s+)(?:"
    + MEASURE_WORDS.pattern
    + r")(?:\s+(?:trước|sau)\s+thuế)?\s*(?:là\s*)?$"
)


def within_targets(doc: Doc, figs: list[Figure]) -> None:
    """Figures that say more about a target of their sentence are no results: a part of it
    ("phấn đấu thu 74.000 tỷ đồng, bao gồm thu … 17.500 tỷ đồng"), the target raised or by
    how much ("mục tiêu thành lập mới 300 doanh nghiệp, nâng tổng số … lên 2.300",
    "điều chỉnh chỉ tiêu … lên hơn 30.000 tỷ đồng, tăng thêm 5.000 tỷ đồng"), when no word
    of a result comes between (``đạt``, ``được``, ``đã``, ``kết quả`` …); an amount of the
    next measure right after a money target (:data:`_NEXT_MEASURE_PLAN`) is a target too."""
    folded = doc.fold
    parts: set[int] = set()
    for i, f in enumerate(figs):
        if f.role != "actual" or f.kind == "pair":
            continue
        lead = folded[f.clause : f.start]
        if _no_figure_of_its_own(folded, figs, i, lead) or _adjusted_plan(folded, figs, i, lead):
            continue
        raised = _RAISED.search(lead)
        if raised and _target_raised(folded, f):
            f.role = _raised_role(raised)
            continue
        target = next((g for g in reversed(figs[:i]) if g.role != "percent"), None)
        if target is None or target.role != "target" or not same_measure(target, f):
            continue
        between = folded[target.end : f.start]
        plain = not _RESULT_SINCE.search(between) and ";" not in between
        if attained_after(folded, f):
            continue  # "trong đó thu nội địa 4.000 tỷ đồng, đạt 100% kế hoạch": a result
        if _part_of_target(folded, figs, target, f) or (plain and id(target) in parts):
            f.role = "target"
            parts.add(id(f))
        elif target.measure and _NEXT_MEASURE_PLAN.match(between):
            f.role = "target"  # "… kế hoạch doanh thu 1.000 tỷ đồng và lợi nhuận 30 tỷ đồng"
        elif raised and plain:
            f.role = _raised_role(raised)


# "Các chỉ tiêu … đều khả quan khi doanh thu tăng 10% lên 500 tỷ đồng": a link word after the
# target word opens a clause of its own, and the figure raised there is a result's
_CLAUSE_LINK = rx(r"(?<!\w)(?:do|vì|nhờ|khi|bởi|nên|nhưng|song|mà)(?!\w)")


def _target_raised(folded: str, f: Figure) -> bool:
    """Whether a target word comes before the raise to ``f`` in its sentence (``điều chỉnh chỉ
    tiêu … lên 30.000``), with no word of a result (:data:`_RESULT_SINCE`) or link word
    (:data:`_CLAUSE_LINK`) after it."""
    cue = _TARGET_RAISED.search(folded[f.sentence.start : f.start])
    if cue is None:
        return False
    since = f.sentence.start + cue.end()
    return not _RESULT_SINCE.search(folded, since, f.start) and not _CLAUSE_LINK.search(
        folded, since, f.start
    )


def _aside_of_result(folded: str, figs: list[Figure], target: Figure) -> bool:
    """Whether ``target`` is set in brackets after a result of its measure (``kết nạp 930
    hội viên (chỉ tiêu 1.000 hội viên); trong đó …``): an aside, the parts after it the
    result's, not the target's."""
    k = next((j for j, g in enumerate(figs) if g is target), 0)
    result = next((g for g in reversed(figs[:k]) if g.role != "percent"), None)
    if result is None or result.role != "actual" or not same_measure(result, target):
        return False
    lead = folded[result.end : target.start]
    return "(" in lead and ")" not in lead[lead.rindex("(") :]


def _part_of_target(folded: str, figs: list[Figure], target: Figure, f: Figure) -> bool:
    """Whether ``f`` is a part of the target just set out: a part marker after the target
    (``… 74.000 tỷ đồng, bao gồm thu … 17.500 tỷ đồng``, also after a semicolon, ``được giao
    hơn 15.640 tỷ đồng; trong đó vốn …``), or after the target before it whose part
    ``target`` is (``đạt hơn 99.500 tỷ đồng gồm thu nội địa 45.000 tỷ đồng, thu … 50.100 tỷ
    đồng``: the second part of the list), with no word of a result between."""
    between = folded[target.end : f.start]
    if _RESULT_SINCE.search(between) or _aside_of_result(folded, figs, target):
        return False
    if _PART_LEAD.search(between) or _PART_AFTER_STOP.search(between):
        return True
    if ";" in between:
        return False
    k = next((j for j, g in enumerate(figs) if g is target), 0)
    whole = next((g for g in reversed(figs[:k]) if g.role != "percent"), None)
    if whole is None or whole.role != "target" or not same_measure(whole, f):
        return False
    lead = folded[whole.end : target.start]
    return _PART_LEAD.search(lead) is not None and not _RESULT_SINCE.search(lead)


# "… đạt gần 2,4 triệu tỷ đồng, tăng gần 422.000 tỷ đồng (tương đương tăng gần 22% so với
# dự toán …)": by how much the figure before changed, no result of its own
_CHANGE_BY = rx(
    r"[\s(]*(?:tăng|giảm|cao\s+hơn|thấp\s+hơn)(?:\s+thêm)?"
    # "(thấp hơn cùng kỳ năm trước là 12 tỷ đồng, …)": the past period compared named first
    r"(?:\s+(?:so\s+với\s+)?(?:cùng\s+kỳ(?:\s+năm\s+(?:trước|ngoái|(?:19|20)\d{2}))?"
    r"|năm\s+(?:trước|ngoái|(?:19|20)\d{2}))\s+là)?"
    r"(?:\s+(?:gần|hơn|trên|khoảng))?\s*$"
)


def change_amounts(doc: Doc, figs: list[Figure]) -> None:
    """An amount a result or a plan changed by (``tăng``/``giảm``/``cao hơn``/``thấp hơn``
    opening its clause, right after a figure of the same currency in the sentence; a count
    with its change in percent in brackets after it, ``tăng 40 hội viên (5%)``) is no
    result: a percentage after it is the
    change of that result, in percent (``tăng gần 422.000 tỷ đồng (tương đương tăng gần
    22% so với dự toán)``); a bare percentage in brackets right after it is no attainment.
    A base in brackets (:func:`~kpitools.extract.figures.bracketed_base`) is passed over."""
    before: Figure | None = None
    for k, f in enumerate(figs):
        if f.role == "percent" or (f.role == "modifier" and bracketed_base(doc, f)):
            continue
        bracketed = _CHANGE_PERCENT_AFTER.match(doc.fold, f.end)
        if (
            before is not None
            and (f.measure not in (None, "%") or bracketed)
            and _same_currency(before, f)
            and _changed_by(doc.fold, f, before)
        ):
            f.role = "modifier"
            if bracketed and k + 1 < len(figs) and figs[k + 1].role == "percent":
                figs[k + 1].role = "modifier"  # the change in percent
        before = f


# "…, tăng 40 hội viên (5%)": a count changed by, its change in percent in brackets right
# after it
_CHANGE_PERCENT_AFTER = rx(rf"(?:\s+[^\W\d_]+){{0,3}}\s*\(\s*(?:{NUM})\s*%\s*\)")


# "…, cao hơn 40 tỷ đồng so với kế hoạch và cao hơn 25 tỷ đồng so với năm trước": a second
# change, joined by "và" in the clause of the first
_AND_CHANGE_BY = rx(
    r"(?<!\w)và\s+(?:tăng|giảm|cao\s+hơn|thấp\s+hơn)(?:\s+thêm)?(?:\s+(?:gần|hơn|trên|khoảng))?\s*$"
)


def _changed_by(folded: str, f: Figure, before: Figure) -> bool:
    """Whether ``f``, after the figure ``before``, is the amount a figure changed by: a
    result with a change word opening its clause, or, right after a first change, one after
    ``và`` that joins a second change to it (the plan the first is set against names no
    target of the second)."""
    if f.role == "actual" and before.role in ("actual", "target"):
        return _CHANGE_BY.match(folded, f.clause, f.start) is not None
    if f.role not in ("actual", "target") or before.role != "modifier":
        return False
    return _AND_CHANGE_BY.search(folded, max(f.clause, f.start - 40), f.start) is not None


def _same_currency(a: Figure, b: Figure) -> bool:
    """Whether two figures are money of one currency, an amount per head counting as its
    currency (``9,5 triệu đồng/người``, then ``giảm 0,3 triệu đồng``: the change of it)."""
    if a.measure is None or b.measure is None:
        return a.measure is None and b.measure is None
    return a.measure.split()[-1].split("/")[0] == b.measure.split()[-1].split("/")[0]


# "thành lập được 57 chi hội, nâng tổng số lên 610 chi hội": the total the new ones bring
# (what is totalled may be named with its body: "nâng tổng số đảng viên của Đảng bộ phường lên")
_RUNNING_TOTAL = rx(r"(?<!\w)nâng\s+tổng\s+số(?:\s+[^\W\d_]+){0,7}\s+lên\s*$")
# "nâng tổng số đảng viên kết nạp trong năm lên 21": a total of the period's new ones, named
# by the verb of the count added or by its period, is the period's result, no stock
_TOTAL_OF_ADDED = rx(
    r"(?<!\w)(?:kết\s+nạp|thành\s+lập|phát\s+triển|từ\s+đầu\s+năm|trong\s+năm|lũy\s+kế|luỹ\s+kế)(?!\w)"
)
# the count a running total follows: members admitted or bodies founded in the period
_ADDED = rx(r"(?<!\w)(?:kết\s+nạp|thành\s+lập|phát\s+triển)(?:\s+(?:mới|được|thêm))*\s*$")


def _running_total(folded: str, figs: list[Figure], i: int) -> bool:
    """Whether ``figs[i]`` is the total an actual just before it in its sentence brings the
    count to (``kết nạp được 120 hội viên, nâng tổng số hội viên lên 4.310``): a stock, no
    result of the period; a percentage after it is of the count added. Only members
    admitted and bodies founded (:data:`_ADDED`), whose plans are of the year's new ones; a
    total of units that meet a standard (``có thêm 20 xã đạt chuẩn, nâng tổng số … lên
    150 xã, đạt 102% kế hoạch``) is what its plan counts; so is a total that names the
    period's new ones (:data:`_TOTAL_OF_ADDED`)."""
    f = figs[i]
    before = next((g for g in reversed(figs[:i]) if g.role != "percent"), None)
    return (
        before is not None
        and before.role == "actual"
        and before.sentence is f.sentence
        and _ADDED.search(folded, before.clause, before.start) is not None
        and (total := _RUNNING_TOTAL.search(folded, before.end, f.start)) is not None
        and _TOTAL_OF_ADDED.search(total.group()) is None
    )


# "số thu vượt mốc 500 tỷ đồng (112% dự toán)": a round mark passed, the bracketed
# percentage of an amount not written
_MARK_PASSED = rx(r"(?<!\w)vượt\s+(?:mốc|ngưỡng)\s*$")
_BRACKET_PERCENT = rx(r"\s*\(\s*(?:khoảng|gần|hơn|trên|đạt|bằng)?\s*\d[\d.,]*\s*%")


# "kế hoạch vốn là 620 tỷ đồng, sau khi điều chỉnh giảm còn 500 tỷ đồng": the plan adjusted
_ADJUSTED_TO = rx(
    r"(?<!\w)điều\s+chỉnh(?:\s+[^\W\d_]+){0,5}?\s+(?:còn|lên|thành)"
    r"(?:\s+(?:khoảng|gần|hơn|trên))?\s*$"
)


def _adjusted_plan(folded: str, figs: list[Figure], i: int, lead: str) -> bool:
    """Whether ``figs[i]`` is a plan as adjusted (``kế hoạch … là 620 tỷ đồng, sau khi điều
    chỉnh giảm còn 500 tỷ đồng``): a target word earlier in its sentence, ``điều chỉnh …
    còn`` (or ``lên``, ``thành``) right before it. It becomes the target, and the plan it
    replaces, the target before it in its sentence, no figure of its own."""
    f = figs[i]
    if not _ADJUSTED_TO.search(lead) or not PLAN_NOUN.search(folded, f.sentence.start, f.clause):
        return False
    f.role = "target"
    replaced = next((g for g in reversed(figs[:i]) if g.role != "percent"), None)
    if replaced is not None and replaced.role == "target" and replaced.sentence is f.sentence:
        replaced.role = "modifier"
    return True


# "nếu tháng cuối đạt 3 tỷ USD thì cả năm sẽ vượt …": a figure supposed, no result
_IF_OPEN = rx(r"(?<!\w)nếu(?!\w)")
_THEN = rx(r"(?<!\w)thì(?!\w)")


def _supposed(folded: str, f: Figure) -> bool:
    """Whether ``f`` is in the clause of a condition (``nếu … thì``): after ``nếu`` in its
    sentence with no comma, semicolon or ``thì`` between, and with ``thì`` after it in its
    sentence. What a condition supposes is no result."""
    opened = next(reversed(list(_IF_OPEN.finditer(folded, f.sentence.start, f.start))), None)
    if opened is None:
        return False
    between = folded[opened.end() : f.start]
    if "," in between or ";" in between or _THEN.search(between):
        return False
    return _THEN.search(folded, f.end, f.sentence.end) is not None


def _no_figure_of_its_own(folded: str, figs: list[Figure], i: int, lead: str) -> bool:
    """Whether ``figs[i]`` (``lead`` the text of its clause before it) is no result: a
    milestone neared (:data:`_MILESTONE`), a running total (:func:`_running_total`), an
    amount a condition supposes (:func:`_supposed`), or a round mark passed with the
    percentage of the amount not written in brackets after it (:data:`_MARK_PASSED`). Such a
    figure is made a modifier."""
    f = figs[i]
    if (
        _MILESTONE.search(lead)
        or _running_total(folded, figs, i)
        or _supposed(folded, f)
        or (_MARK_PASSED.search(lead) and _BRACKET_PERCENT.match(folded, f.end))
    ):
        f.role = "modifier"
        return True
    return False


def _raised_role(raised: re.Match[str]) -> str:
    """The role of a figure after ``lên`` (the target raised to it: a target) or ``tăng``,
    ``giảm`` (by how much it changed: no figure of its own)."""
    return "target" if raised.group().lstrip().startswith(fold("lên")) else "modifier"


# "tiến rất gần mốc 30.000 tỷ đồng": a milestone, no result
# ("vượt mốc", "đạt mốc", "cán mốc", "lên mốc" 800.000 tỷ đồng: reached, a result)
_MILESTONE = rx(
    r"(?<!\w)(?<!vượt\s)(?<!đạt\s)(?<!cán\s)(?<!qua\s)(?<!lên\s)(?<!chạm\s)(?:mốc|ngưỡng)"
    r"(?:\s+(?:trên|gần|hơn|khoảng))?\s*$"
)


_PROJECTS = rx(r"dự\s+án(?!\w)")


def amounts_of_counts(doc: Doc, figs: list[Figure]) -> None:
    """An amount that is the worth of a count before it in its clause ("xây dựng 15 nhà
    trị giá 750 triệu đồng", "trao 120 suất quà với tổng kinh phí 60 triệu đồng") is no
    result of its own: a percentage after it is the count's. Not the worth of projects
    (``5 dự án mới trị giá 41,2 triệu USD …, đạt 12,4% mục tiêu``): their worth is the
    capital an investment plan counts. Nor a total sum said with the count
    (:func:`total_sum_of_count`)."""
    for i, f in enumerate(figs):
        if f.measure is None or f.role != "actual" or f.measure == "%":
            continue
        counted = any(
            g.clause == f.clause
            and g.kind == "count"
            and g.measure is None
            and not _PROJECTS.match(doc.fold, g.noun_start or g.end)
            for g in figs[:i]
        )
        worth = WORTH.search(doc.fold[f.clause : f.span_start])
        if counted and worth and not total_sum_of_count(doc, f, figs):
            f.role = "modifier"
