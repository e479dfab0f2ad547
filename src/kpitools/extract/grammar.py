"""The grammar of KPI sentences for :mod:`kpitools.extract`: figures, their roles, and how
they combine into statements.

A *figure* is a number the text states: a pair ``852/453``, a range ``từ 150 đến 170``, a
percentage ``188,1%`` or a count ``13``. Its role comes from the words of its clause: an
actual, a target (``chỉ tiêu …``), a whole (``trên tổng số …``), an excess (``vượt chỉ tiêu
20 …``) or a modifier (``của 50/50 đảng bộ``, skipped). Targets, wholes, excesses and
percentages then join the actual they belong to; what is left is a statement.

The grammar, by kind:

* figures and their roles (:mod:`kpitools.extract.figures`): the patterns a figure is read
  with, :class:`~kpitools.extract.figures.Figure` and
  :class:`~kpitools.extract.figures.Draft`, :func:`scan`, and the helpers the other modules
  share; the words before a figure that set it out as a target, in
  :mod:`kpitools.extract.target_words`;
* drafts and their assembly (:mod:`kpitools.extract.assembly`): :func:`assemble`, with the
  percentages of a sentence joined to their drafts in :mod:`kpitools.extract.percentages`;
* where and what a draft states (:mod:`kpitools.extract.kinds`): its topic, unit, time and
  the kind of its percentage;
* the checks of a draft's stated percentages (:mod:`kpitools.extract.consistency`):
  :data:`APPROXIMATE_FACTOR`, :func:`far_off`;
* interpretation into records (:mod:`kpitools.extract.records`): :func:`interpret`,
  :func:`implied_target`.

This module is the entry point: it re-exposes what the rest of the package uses.
"""

from __future__ import annotations

from kpitools.extract.assembly import assemble
from kpitools.extract.consistency import APPROXIMATE_FACTOR, far_off
from kpitools.extract.figures import Draft, Figure, Matcher, Value, scan
from kpitools.extract.kinds import topics
from kpitools.extract.records import implied_target, interpret

__all__ = [
    "APPROXIMATE_FACTOR",
    "Draft",
    "Figure",
    "Matcher",
    "Value",
    "assemble",
    "far_off",
    "implied_target",
    "interpret",
    "scan",
    "topics",
]
