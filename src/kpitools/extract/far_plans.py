"""Whether a plan written far from a result may still be that result's plan.

Round 116. Round 110's far-plan pass (:func:`~kpitools.extract.plans.link_plan_amounts`) takes
a plan written up to 2,400 characters from a percentage when the figures give the percentage
exactly; at that distance the figures are nearly the only evidence, so a plan of another
unit, a later time or another measure that happens to fit must not be taken:

* units of different kinds (``huyện Tân Phú … đạt 104,6% kế hoạch`` against ``tỉnh đặt mục
  tiêu …``), a firm and its group (``công ty`` against ``tập đoàn``), a segment or a
  subsidiary named before the result's measure (:mod:`kpitools.extract.plan_subjects`);
* a plan of a later year named by its place in time (``Năm tới, thành phố đặt mục tiêu …``);
* another measure of the same unit word: the verb before each amount (``giải quyết việc làm
  cho 1.040 lao động`` against ``đào tạo nghề cho 1.000 lao động``) or the words that name
  what each counts (``2.600 ha rừng`` against ``2.500 ha đất lúa``) not written in the
  other's sentence (:mod:`kpitools.extract.part_counts`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kpitools.extract.amounts import head_of_sentence
from kpitools.extract.part_counts import counted_words, sentence_of, verb_before, words_of
from kpitools.extract.plan_subjects import levels_apart, part_named_first
from kpitools.textfold import rx

if TYPE_CHECKING:
    from kpitools.extract.amounts import Amount

# "Tập đoàn Hoa Sen", "tổng công ty", "công ty": the kind of firm a sentence names
_FIRM_KIND = rx(r"(?<!\w)(tập\s+đoàn|tổng\s+công\s+ty|(?<!tổng\s)công\s+ty)(?!\w)")
# "năm tới", "sang năm", "năm tiếp theo", "giai đoạn tới": a later time named by its place
_LATER_TIME = rx(
    r"(?<!\w)(?:(?:năm|giai\s+đoạn|niên\s+độ)\s+(?:tới|sau|tiếp\s+theo|kế\s+tiếp)|sang\s+năm)(?!\w)"
)


def _firms(folded: str, start: int, end: int) -> set[str]:
    """The kinds of firm ``folded[start:end]`` names (``tổng công ty`` is not ``công ty``)."""
    return {" ".join(m.group(1).split()) for m in _FIRM_KIND.finditer(folded, start, end)}


def _firms_apart(folded: str, a: Amount, plan: Amount) -> bool:
    """Whether the sentences of ``a`` and ``plan``, up to each, name firms of other kinds only."""
    mine = _firms(folded, head_of_sentence(folded, a.start), a.start)
    theirs = _firms(folded, head_of_sentence(folded, plan.start), plan.start)
    return bool(mine and theirs) and not mine & theirs


def _other_measure(folded: str, a: Amount, plan: Amount) -> bool:
    """Whether ``a`` and ``plan`` are named as two measures of one unit word.

    Each verb before an amount (:func:`~kpitools.extract.part_counts.verb_before`), when both
    are named, and each's words of what it counts
    (:func:`~kpitools.extract.part_counts.counted_words`) must be written in the other's
    sentence. ``là 7.320 lao động`` names no verb: the plan's ``đưa`` is not asked of it.
    """
    mine, theirs = (
        words_of(folded, *sentence_of(folded, a)),
        words_of(folded, *sentence_of(folded, plan)),
    )
    verbs = verb_before(folded, a), verb_before(folded, plan)
    if None not in verbs and (verbs[0] not in theirs or verbs[1] not in mine):
        return True
    return not (counted_words(folded, a) <= theirs and counted_words(folded, plan) <= mine)


def far_apart(folded: str, a: Amount, plan: Amount) -> bool:
    """Whether the far ``plan`` is of another unit, time or measure than the result ``a``.

    See the module's text. ``folded``: the folded window both amounts are read in.

    >>> from kpitools.extract.amounts import amounts_in
    >>> t = "quý i, xã a đã trồng 2.600 ha rừng. năm nay, xã a đặt mục tiêu trồng 2.500 ha rừng."
    >>> a, plan = amounts_in(t, 0, len(t))
    >>> far_apart(t, a, plan)
    False
    >>> t = "quý i, xã a đã trồng 2.600 ha rừng. năm nay, xã a đặt mục tiêu chuyển đổi 2.500 ha."
    >>> a, plan = amounts_in(t, 0, len(t))
    >>> far_apart(t, a, plan)
    True
    """
    if levels_apart(folded, a, plan) or _firms_apart(folded, a, plan):
        return True
    if part_named_first(folded, a):
        return True
    if _LATER_TIME.search(folded, head_of_sentence(folded, plan.start), plan.start):
        return True
    return _other_measure(folded, a, plan)
