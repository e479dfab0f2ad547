"""Explore KPIs in JupyterLab: pick a metric, a year and units, and every view follows.

:func:`explorer` builds the whole thing from a :class:`~kpitools.io.Dataset` or KPI files:
controls for metric, year, units, status thresholds and language; a ranked chart, the
heatmap, the trend of the selected units and a ranking table, all updated in place; a data
loader (path or upload) whose validation errors are listed inside the explorer while the
previous data stays loaded; and export of the current view (table as CSV / Excel, chart as
PNG / SVG). Clicking a unit in the ranked chart or the heatmap selects it everywhere.
The charts are updated in place in the browser (:mod:`kpitools.explore.live` makes their
specs, :mod:`kpitools.explore.front` the widgets that hold them).

The module has two layers. The pure one needs no front end: an :class:`ExplorerState`
(small, frozen) and a :class:`Panel` (the data, split by metric once) go into functions
that return the charts and the table (:func:`views`, :func:`view_chart`,
:func:`view_table`, :func:`snapshot`, :func:`table_frame`, :func:`export_files`). The
widget layer (:class:`Explorer`) keeps one state, and on each change sends the views in
sight only what changed. This is the only module of kpitools that uses ipywidgets, and it
imports it (and anywidget) only when a widget is built.
"""

from __future__ import annotations

from kpitools.explore.state import (
    CHART_FORMATS,
    CHARTS,
    MARKED,
    SELECTION,
    TABLE_FORMATS,
    ExplorerState,
    Panel,
    Views,
    export_files,
    fit_state,
    problems_html,
    save_files,
    snapshot,
    start_state,
    table_frame,
    view_chart,
    view_table,
    views,
    word,
)
from kpitools.explore.widgets import Controls, Explorer, explorer, live_explorers

__all__ = [
    "CHARTS",
    "CHART_FORMATS",
    "MARKED",
    "SELECTION",
    "TABLE_FORMATS",
    "Controls",
    "Explorer",
    "ExplorerState",
    "Panel",
    "Views",
    "explorer",
    "export_files",
    "fit_state",
    "live_explorers",
    "problems_html",
    "save_files",
    "snapshot",
    "start_state",
    "table_frame",
    "view_chart",
    "view_table",
    "views",
    "word",
]
