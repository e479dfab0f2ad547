"""Altair chart builders. They return charts and never display them.

Every builder takes the long KPI table (or, for :func:`reconciliation_chart`, the output of
:func:`kpitools.measures.reconcile`) first and its options keyword-only; ``lang`` (``"vi"``
or ``"en"``) picks the labels from the metric catalog and the number locale Vega formats
with (``46.148`` and ``188,1%`` in Vietnamese). A chart that shows a synthetic row carries
:data:`SYNTHETIC_NOTE` as its subtitle; an empty selection gives :func:`empty_chart`.
Charts that compare units (heatmap, ranked, trend, slope) leave out rows of level
``city``: the city is the reference, not one of the units compared.

Where the reader may choose (the metric of :func:`heatmap_chart` with ``metric=None``, the
year of :func:`ranked_chart` with ``year=None``) the choice is a Vega parameter bound to a
dropdown, so it works in a static HTML file with no kernel.
"""

from __future__ import annotations

from kpitools.charts.accessibility import describe
from kpitools.charts.bullet import bullet_chart
from kpitools.charts.composition import composition_chart
from kpitools.charts.heatmap import heatmap_chart
from kpitools.charts.parts import (
    COUNT_FORMAT,
    FONT,
    LABEL_LIMIT,
    NUMBER_LOCALES,
    PERCENT_FORMAT,
    STATUS_COLORS,
    SYNTHETIC_NOTE,
    chart_config,
    config,
    empty_chart,
    status_colors,
    status_keys,
)
from kpitools.charts.ranked import ranked_chart
from kpitools.charts.reconciliation import reconciliation_chart
from kpitools.charts.rows import name_key
from kpitools.charts.slope import slope_chart
from kpitools.charts.trend import trend_chart

__all__ = [
    "COUNT_FORMAT",
    "FONT",
    "LABEL_LIMIT",
    "NUMBER_LOCALES",
    "PERCENT_FORMAT",
    "STATUS_COLORS",
    "SYNTHETIC_NOTE",
    "bullet_chart",
    "chart_config",
    "composition_chart",
    "config",
    "describe",
    "empty_chart",
    "heatmap_chart",
    "name_key",
    "ranked_chart",
    "reconciliation_chart",
    "slope_chart",
    "status_colors",
    "status_keys",
    "trend_chart",
]
