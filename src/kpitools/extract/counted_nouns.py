"""One count written in two nouns: Party admissions, as the masses admitted and as members.

Round 165. ``Đảng bộ huyện kết nạp 84 quần chúng ưu tú vào Đảng, đạt 70% kế hoạch`` and, in
another paragraph, ``phấn đấu kết nạp 120 đảng viên``: one count of admissions, written as the
people admitted (``quần chúng``, ``quần chúng ưu tú``) or as the members they become
(``đảng viên``, ``đảng viên mới``, ``đồng chí``). The plan's amount counts what the result
counts when both follow the verb of admission (``kết nạp``, ``kết nạp được``, ``kết nạp
mới``): the masses trained, introduced or proposed (``bồi dưỡng 200 quần chúng``, ``giới
thiệu 60 quần chúng``) are no admissions and stay apart. Persons and workers stay apart as
round 42 keeps them (``330 người đi làm việc ở nước ngoài`` takes no plan of ``600 lao
động``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kpitools.extract.amounts import has_qualifier
from kpitools.extract.linking import agrees
from kpitools.textfold import rx

if TYPE_CHECKING:
    from kpitools.extract.amounts import Amount
    from kpitools.extract.statements import Statement as LinkableStatement

# the nouns admissions are counted in, right after the number
_ADMITTED_NOUN = rx(r"\s*(?:quần\s+chúng|đồng\s+chí|đảng\s+viên)(?!\w)")
# "kết nạp", "kết nạp được", "kết nạp mới", "đã kết nạp thêm": the verb of admission, right
# before the number (a qualifier may stand between)
_ADMITTING = rx(
    r"(?<!\w)kết\s+nạp(?:\s+(?:được|mới|thêm))*\s+(?:(?:khoảng|gần|hơn|trên|được)\s+)?$"
)
_VERB_REACH = 40
"""How far (characters) before a number its verb of admission is looked for."""


def _noun(folded: str, a: Amount) -> str | None:
    """The noun of admissions ``a`` counts (its first word), None if it counts none."""
    m = _ADMITTED_NOUN.match(folded, a.end - len(a.unit[1]))
    if m is None or a.unit[0]:
        return None
    admitted = _ADMITTING.search(folded, max(0, a.start - _VERB_REACH), a.start)
    return m.group().split()[0] if admitted else None


def admitted_alike(folded: str, plan: Amount, result: Amount) -> bool:
    """Whether ``plan`` and ``result`` count Party admissions in two of its nouns.

    See the module's text. ``folded``: the folded text both amounts are read in.

    >>> from kpitools.extract.amounts import amounts_in
    >>> t = "xã a kết nạp 14 quần chúng ưu tú vào đảng. xã a phấn đấu kết nạp 20 đảng viên."
    >>> result, plan = amounts_in(t, 0, len(t))
    >>> admitted_alike(t, plan, result)
    True
    >>> t = "xã a bồi dưỡng 14 quần chúng ưu tú. xã a phấn đấu kết nạp 20 đảng viên."
    >>> result, plan = amounts_in(t, 0, len(t))
    >>> admitted_alike(t, plan, result)
    False
    """
    mine, theirs = _noun(folded, result), _noun(folded, plan)
    return None not in (mine, theirs) and mine != theirs


def other_noun_fit(s: LinkableStatement, folded: str, plan: Amount, result: Amount) -> bool:
    """Whether ``plan`` is a plan of ``s``'s admissions counted in another of their nouns.

    Only when the figures give the percentage of ``s`` as written, with no hedge of the plan
    or the percentage (:func:`admitted_alike`; a noun of its own is weaker evidence than
    the same noun, so ``kết nạp 113 quần chúng …, đạt trên 38,1%`` is not of ``phấn đấu kết
    nạp trên 290 đảng viên``, 38,97 %).
    """
    return (
        s.qualifier is None
        and s.exact
        and admitted_alike(folded, plan, result)
        and agrees(s, plan.value)
        and not has_qualifier(folded, plan)
    )
