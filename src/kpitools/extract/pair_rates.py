"""A rate said right after a result set against its target, that their figures give.

``Chỉ tiêu đào tạo nghề năm 2041 là 960, nhưng mới tuyển được 720 chỉ tiêu (tỷ lệ 75%)``:
the grammar reads the result against its target and the bracket as a rate of its own; the
rate is the attainment of that target when the two figures give it at its written precision.
:func:`rates_of_pairs` runs after the sentence grammar's passes. A fraction with its rate or
share listed right after an attainment of the same shape (``… 8/20, tỷ lệ 40% so với kế
hoạch; đặt vòng 82/160, tỷ lệ 51,25%``) is read as that attainment's sibling
(:func:`rates_of_listed_pairs`).
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.notes import noted, seg
from kpitools.extract.quota_admissions import QUOTA_IS
from kpitools.extract.target_words import PLAN_NOUN
from kpitools.extract.text import NUM, PLAN_NOUNS
from kpitools.numbers import check_percent, parse_percent
from kpitools.textfold import fold, rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement
    from kpitools.numbers import Consistency

# between the pair and the rate: a bracket opening, or a comma and "đạt"
_RATE_AFTER = rx(r"\s*(?:\(|,\s*(?:đạt\s+)?)\s*$")
# the rate's figure right after "tỷ lệ" ("tỷ lệ nữ 80%" is a rate of something else)
_RATE_WORDS = rx(r"^(?:tỷ|tỉ)\s+lệ\s+\d")
_NEAR = Decimal("0.5")
"""How far (in points) a rate written after the pair may be from the pair's ratio and still be
read with it, as its attainment left unchecked."""
# "Xã có kế hoạch trồng rừng 2.300 cây; tới tháng 9 trồng 1.840 cây": the plan's word right
# before the pair's span, which opens at the plan's amount (a few words of what it is of between)
_PLAN_RIGHT_BEFORE = rx(rf"(?<!\w){PLAN_NOUNS}(?:\s+[^\W\d_]+){{0,3}}\s*(?:là\s*)?$")


def rates_of_pairs(statements: Sequence[Statement], text: str, folded: str) -> list[Statement]:
    """The statements, each pair followed by a rate its figures give read with it.

    A pair: an exact result and a target with nothing stated, of no kind (not a coverage,
    ``35/48 thôn, tỷ lệ 72,9%``: a share of all, no target), with a plan or quota word in
    its span or a quota named right before it (``chỉ tiêu … là Q nhưng chỉ tuyển được A``).
    A rate: a statement of a rate alone (``tỷ lệ X%``, no result, no target) opened right
    after the pair by a bracket or a comma (and ``đạt``). ``folded`` is ``text`` folded.
    A pair the grammar read with such a rate in its own span (``…, đạt tỉ lệ 75%``) is
    read alike (:func:`_with_own_rate`).
    """
    out = [_with_own_rate(s, folded) for s in statements]
    dropped: set[int] = set()
    for i, s in enumerate(out[:-1]):
        r = out[i + 1]
        if (
            not _pair(s, folded)
            or r.stated_kind != "rate"
            or r.actual is not None
            or r.target is not None
        ):
            continue
        if r.stated is None or r.qualifier is not None or not 0 <= r.start - s.end <= 12:
            continue
        if not _RATE_AFTER.match(folded[s.end : r.start]) or not _RATE_WORDS.match(
            folded[r.start : r.end]
        ):
            continue
        assert isinstance(s.actual, Decimal) and isinstance(s.target, Decimal)
        check = check_percent(parse_percent(r.stated), s.actual, s.target)
        if not check.consistent and not _near(check, r.stated_percent):
            continue
        out[i] = dataclasses.replace(
            s,
            end=r.end,
            text=text[s.start : r.end],
            stated=r.stated,
            stated_percent=r.stated_percent,
            stated_kind="attainment",
            **_verdict(check),  # type: ignore[arg-type]
        )
        dropped.add(i + 1)
    return [s for j, s in enumerate(out) if j not in dropped]


def _verdict(check: Consistency) -> dict[str, object]:
    """The check's fields for the pair's rate.

    A rate off the pair's ratio is read with the pair but left unchecked, never flagged: it
    may be of another day or base, no proof of a slip.
    """
    if not check.consistent:
        return {"consistent": None, "verdict": "unchecked"}
    return {
        "computed_percent": check.computed,
        "consistent": True,
        "truncated": check.truncated,
        "verdict": "truncated" if check.truncated else "consistent",
        **noted(seg("computed", computed=check.computed)),
    }


def _near(check: Consistency, stated: Decimal | None) -> bool:
    """Whether a rate off the pair's figures is within :data:`_NEAR` points of their ratio."""
    return stated is not None and check.exact is not None and abs(check.exact - stated) <= _NEAR


def _pair(s: Statement, folded: str) -> bool:
    return s.stated is None and s.stated_kind is None and _planned_pair(s, folded, s.end)


def _planned_pair(s: Statement, folded: str, end: int) -> bool:
    """Whether ``s`` is an exact result against a target of a plan.

    With a plan or quota word in its span up to ``end``, or named right before it.
    """
    return (
        (
            # a plan or quota in the pair's own span ("12/40 cơ sở vi phạm (tỷ lệ 30%)" has
            # none: the writer's rate of the two figures, no target met)
            PLAN_NOUN.search(folded, s.start, end) is not None
            or _PLAN_RIGHT_BEFORE.search(folded, max(0, s.start - 60), s.start) is not None
            or QUOTA_IS.search(folded, max(0, s.start - 120), s.start) is not None
        )
        and isinstance(s.actual, Decimal)
        and isinstance(s.target, Decimal)
        and s.target > 0
        and s.exact
        and s.qualifier is None
    )


# a pair's own rate closing its span: "…, đạt tỉ lệ 107,15%", "… (tỷ lệ 75%)"
_OWN_RATE = rx(r"(?:\(|,\s*(?:đạt\s+)?)\s*(?:tỷ|tỉ)\s+lệ\s+\d[\d.,]*\s*%\)?\s*$")


def _with_own_rate(s: Statement, folded: str) -> Statement:
    """``s`` as an attainment when it is a pair of a plan read with its own rate.

    When its two figures give the rate as written, or within :data:`_NEAR` points (then
    left unchecked).
    """
    if s.stated_kind != "rate" or s.stated is None:
        return s
    rate = _OWN_RATE.search(folded, s.start, s.end)
    if rate is None or not _planned_pair(s, folded, rate.start()):
        return s
    assert isinstance(s.actual, Decimal) and isinstance(s.target, Decimal)
    check = check_percent(parse_percent(s.stated), s.actual, s.target)
    if not check.consistent and not _near(check, s.stated_percent):
        return s
    return dataclasses.replace(s, stated_kind="attainment", **_verdict(check))  # type: ignore[arg-type]


# between two items of a list: a separator and the next item's name, or a sentence going on
# with the parts of the one before ("… so với kế hoạch năm. Trong đó: triệt sản: 81/100")
_LIST_GAP = rx(r"^(?:\s*[;,]|\s*\.\s*trong\s+đó\s*[:,]?)[^.;\n\d%]{0,60}$")
_FRACTION = rx(rf"(?:{NUM})\s*/\s*(?:{NUM})")
# the word a fraction counts, right after it ("45/90 người")
_COUNTED = rx(rf"(?:{NUM})\s*/\s*(?:{NUM})\s+([^\W\d_]+)")
_NOT_COUNTED = frozenset(fold(w) for w in ("tỷ", "tỉ", "chiếm", "đạt", "bằng", "so"))
# the word that says a fraction's percentage, right before it ("8/20 tỷ lệ 40%", "…, chiếm 81%")
_SAID = rx(r"(?<!\w)(tỷ\s+lệ|tỉ\s+lệ|chiếm|đạt|bằng)\s*(?::\s*)?\d[\d.,]*\s?%")


def rates_of_listed_pairs(
    statements: Sequence[Statement], text: str, folded: str
) -> list[Statement]:
    """The statements, each fraction's rate or share listed after an attainment read as one.

    ``Triệt sản thực hiện 8/20, tỷ lệ 40% so với kế hoạch; đặt vòng thực hiện 82/160, tỷ lệ
    51,25%``: a statement of a fraction (``A/B`` written, no qualifier) with a rate or share
    its two figures give at its written precision is an attainment of its own figures when
    the statement right before it, ending at most a separator and a name's words before it
    (:data:`_LIST_GAP`), is an attainment of a fraction whose stated percentage its figures
    give: the items of one list are of one kind. The items are taken in order, so a list's
    third item follows its second.
    """
    out = list(statements)
    order = sorted(range(len(out)), key=lambda j: out[j].start)
    parts = False  # the items follow a "Trong đó" after the attainment: its parts
    for prev_j, j in itertools.pairwise(order):
        prev, s = out[prev_j], out[j]
        gap = _listed_after(prev, s, folded)
        parts = gap is not None and (parts or _PARTS.search(gap) is not None)
        if gap is None or not (parts or _item_lead(prev, folded) == _item_lead(s, folded)):
            continue  # "triệt sản thực hiện 8/20 …; sinh con thứ ba 30/600 tỷ lệ 5%": no item
        assert isinstance(s.actual, Decimal) and isinstance(s.target, Decimal)
        check = check_percent(parse_percent(s.stated or ""), s.actual, s.target)
        if check.consistent:
            # a share already checked keeps its note; a rate left unchecked is checked
            checked = {} if s.verdict == "consistent" else _verdict(check)
            out[j] = dataclasses.replace(
                s,
                stated_kind="attainment",
                **checked,  # type: ignore[arg-type]
            )
    return out


def _listed_after(prev: Statement, s: Statement, folded: str) -> str | None:
    """The gap between ``prev`` and ``s`` when ``s`` may be an item listed after ``prev``."""
    if not (
        _listed_attainment(prev, folded)
        and _fraction_rate(s, folded)
        and prev.end <= s.start
        and s.target != prev.actual  # "300/400 …, đạt 75% kế hoạch; 120/300 nữ": a share
        and _counted(prev, folded) in (None, _counted(s, folded))
        and _said(prev, folded) == _said(s, folded)  # "…, đạt 90% kế hoạch; …, chiếm 15%"
    ):
        return None
    gap = folded[prev.end : s.start]
    return gap if _LIST_GAP.match(gap) else None


# the items said alike: the word right before each fraction ("triệt sản thực hiện 8/20 …;
# đặt vòng tránh thai thực hiện 82/160", "triệt sản: 8/20; đặt vòng: 82/160")
_ITEM_LEAD = rx(r"([^\W\d_]+|:)\s*$")
_PARTS = rx(r"(?<!\w)trong\s+đó(?!\w)")


def _item_lead(s: Statement, folded: str) -> str | None:
    """The word (or colon) right before the fraction of ``s``."""
    fraction = _FRACTION.search(folded, s.start, s.end)
    if fraction is None:
        return None
    m = _ITEM_LEAD.search(folded, max(0, fraction.start() - 40), fraction.start())
    return None if m is None else m.group(1)


def _fraction_rate(s: Statement, folded: str) -> bool:
    return (
        s.stated_kind in ("rate", "share")
        and s.stated is not None
        and s.qualifier is None
        and isinstance(s.actual, Decimal)
        and isinstance(s.target, Decimal)
        and s.target > 0
        and _FRACTION.search(folded, s.start, s.end) is not None
    )


def _listed_attainment(s: Statement, folded: str) -> bool:
    return (
        s.stated_kind == "attainment"
        and s.verdict == "consistent"
        and s.target is not None
        and _FRACTION.search(folded, s.start, s.end) is not None
    )


def _said(s: Statement, folded: str) -> str | None:
    """The word that says ``s``'s percentage (``tỷ lệ``, ``chiếm``, ``đạt``), if one does."""
    m = _SAID.search(folded, s.start, s.end)
    return None if m is None else " ".join(m.group(1).replace("tỉ", "tỷ").split())


def _counted(s: Statement, folded: str) -> str | None:
    """The word ``s``'s fraction counts (``người``), if one stands right after it."""
    m = _COUNTED.search(folded, s.start, s.end)
    if m is None or m.group(1) in _NOT_COUNTED:
        return None
    return m.group(1)
