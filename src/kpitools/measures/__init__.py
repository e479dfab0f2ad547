"""KPI measures: pure functions over polars frames and expressions.

Expression builders (``attainment``, ``variance``, ``status``...) compose inside
``with_columns``; frame helpers take the long table first, options keyword-only, and return
a new frame. Nothing here mutates its input, and no measure ever yields ``inf`` or ``NaN``:
a ratio whose denominator is missing or zero is null, with the reason in a ``*_note`` column.
"""

from __future__ import annotations

from kpitools.measures.calendar import (
    period_label,
    periods,
    structure_label,
    structures,
    with_periods,
)
from kpitools.measures.calendar import whole_years as whole_years
from kpitools.measures.compare import NO_PREVIOUS as NO_PREVIOUS
from kpitools.measures.compare import OTHER_PERIOD as OTHER_PERIOD
from kpitools.measures.compare import OTHER_UNIT as OTHER_UNIT
from kpitools.measures.compare import (
    movers,
    pace,
    rank_within_year,
    share_of_parent,
    target_stretch,
    yoy_change,
)
from kpitools.measures.parents import reconcile, rollup
from kpitools.measures.ratios import (
    DEFAULT_BANDS,
    Bands,
    attainment,
    attainment_note,
    consistency,
    status,
    variance,
    with_measures,
)
from kpitools.measures.ratios import NO_ACTUAL as NO_ACTUAL
from kpitools.measures.ratios import NO_TARGET as NO_TARGET
from kpitools.measures.ratios import OUT_OF_RANGE as OUT_OF_RANGE
from kpitools.measures.ratios import ZERO_TARGET as ZERO_TARGET
from kpitools.measures.ratios import Frame as Frame
from kpitools.measures.ratios import FrameT as FrameT
from kpitools.measures.select import latest_year, metrics_in, subset
from kpitools.measures.terms import TERMS, Term, term_attainment, term_rows

__all__ = [
    "DEFAULT_BANDS",
    "TERMS",
    "Bands",
    "Term",
    "attainment",
    "attainment_note",
    "consistency",
    "latest_year",
    "metrics_in",
    "movers",
    "pace",
    "period_label",
    "periods",
    "rank_within_year",
    "reconcile",
    "rollup",
    "share_of_parent",
    "status",
    "structure_label",
    "structures",
    "subset",
    "target_stretch",
    "term_attainment",
    "term_rows",
    "variance",
    "with_measures",
    "with_periods",
    "yoy_change",
]
