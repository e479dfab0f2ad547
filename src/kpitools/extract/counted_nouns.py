"""One count written in two nouns: Party admissions, and people sent abroad to work.

Round 165. A plan amount counts what a result counts in another noun (the percentage of a plan
written with the result is then of that plan, when the figures give it as written):

* Party admissions. ``Đảng bộ huyện kết nạp 84 quần chúng ưu tú vào Đảng, đạt 70% kế hoạch`` and, in
another paragraph, ``phấn đấu kết nạp 120 đảng viên``: one count of admissions, written as the
people admitted (``quần chúng``, ``quần chúng ưu tú``) or as the members they become
(``đảng viên``, ``đảng viên mới``, ``đồng chí``). The plan's amount counts what the result
counts when both follow the verb of admission (``kết nạp``, ``kết nạp được``, ``kết nạp
mới``): the masses trained, introduced or proposed (``bồi dưỡng 200 quần chúng``, ``giới
thiệu 60 quần chúng``) are no admissions and stay apart.
* Workers counted as persons. ``đã đưa 960 người đi làm việc ở nước ngoài, đạt 101% kế hoạch``
  and ``đặt mục tiêu đưa 950 lao động đi làm việc ở nước ngoài``: persons and workers, each
  followed by the same three words (the first right after ``lao động``, the other at most two
  words after ``người``: ``người Việt Nam đi làm việc …``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kpitools.extract.amounts import has_qualifier
from kpitools.extract.linking import agrees
from kpitools.textfold import fold, rx

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


_PERSON = fold("người")
_WORKER = fold("lao")  # the first word of "lao động", as an amount keeps it
_WORDS = rx(r"[^\W\d_]+")
_PHRASE = 3
"""How many words after each noun must be the same."""


def _words_after(folded: str, start: int) -> list[str]:
    """The words of ``folded`` from ``start`` to the next punctuation, at most seven."""
    out: list[str] = []
    for m in _WORDS.finditer(folded, start, min(len(folded), start + 80)):
        if folded[start : m.start()].strip() or len(out) == 7:
            break
        out.append(m.group())
        start = m.end()
    return out


def workers_alike(folded: str, plan: Amount, result: Amount) -> bool:
    """Whether one of ``plan`` and ``result`` counts persons and the other workers.

    Each noun followed by the same three words (see the module's text).

    >>> from kpitools.extract.amounts import amounts_in
    >>> t = "xã đưa 96 người đi làm việc ở nước ngoài. mục tiêu đưa 95 lao động đi làm việc."
    >>> result, plan = amounts_in(t, 0, len(t))
    >>> workers_alike(t, plan, result)
    True
    >>> t = "xã có 96 người đi làm việc ở nước ngoài. mục tiêu đào tạo 95 lao động có việc làm."
    >>> result, plan = amounts_in(t, 0, len(t))
    >>> workers_alike(t, plan, result)
    False
    """
    nouns = {plan.unit[1]: plan, result.unit[1]: result}
    if set(nouns) != {_PERSON, _WORKER} or plan.unit[0] != result.unit[0]:
        return False
    workers = _words_after(folded, nouns[_WORKER].end)
    persons = _words_after(folded, nouns[_PERSON].end)
    if workers[:1] != [fold("động")]:
        return False
    phrase = workers[1 : 1 + _PHRASE]
    return len(phrase) == _PHRASE and any(persons[i : i + _PHRASE] == phrase for i in range(3))


def other_noun_fit(s: LinkableStatement, folded: str, plan: Amount, result: Amount) -> bool:
    """Whether ``plan`` is a plan of ``s``'s count written in another noun.

    Only when the figures give the percentage of ``s`` as written, with no hedge of the plan
    or the percentage (:func:`admitted_alike`; a noun of its own is weaker evidence than
    the same noun, so ``kết nạp 113 quần chúng …, đạt trên 38,1%`` is not of ``phấn đấu kết
    nạp trên 290 đảng viên``, 38,97 %).
    """
    return (
        s.qualifier is None
        and s.exact
        and (admitted_alike(folded, plan, result) or workers_alike(folded, plan, result))
        and agrees(s, plan.value)
        and not has_qualifier(folded, plan)
    )
