"""The explorer's widget layer (ipywidgets, and anywidget for the live charts)."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import functools
import html
import tempfile
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polars as pl

from kpitools import vocab
from kpitools._typing import PathLike
from kpitools.errors import DataIssue, KpiDataError, ParameterError
from kpitools.explore.state import (
    CHART_FORMATS,
    CHARTS,
    TABLE_FORMATS,
    WIDGETS_MISSING,
    ExplorerState,
    Panel,
    Views,
    css,
    export_files,
    fit_state,
    only_units,
    problems_html,
    save_files,
    start_state,
    views,
    year_ranking,
)
from kpitools.io.dataset import Dataset, find_path, load_dataset
from kpitools.io.readers import read_kpi_file
from kpitools.measures import DEFAULT_BANDS, Bands
from kpitools.numbers import format_percent
from kpitools.registry import UnknownUnitError

if TYPE_CHECKING:
    from kpitools.tables import Table


def _widgets() -> tuple[Any, Any]:
    """Import ipywidgets and anywidget, or raise a clear ImportError."""
    try:
        import anywidget
        import ipywidgets
    except ImportError as exc:
        raise ImportError(WIDGETS_MISSING) from exc
    return ipywidgets, anywidget


@dataclass
class Controls:
    """The explorer's widgets a user (or a test) acts on.

    Setting a control's ``value`` does what a user's choice does.

    Examples
    --------
    >>> ds = load_dataset(["data/demo_panel.csv"], units="data/units.csv",
    ...                   catalog="data/metrics.csv")
    >>> ex = explorer(ds, year=2023, lang="en", offline=False)
    >>> c = ex.controls
    >>> c.metric.value, c.year.value, [box.value for box in c.bands]
    ('admissions', 2023, [90.0, 100.0, 120.0])
    >>> c.units.value = ("001",)
    >>> ex.state.units
    ('001',)
    """

    metric: Any
    year: Any
    units: Any
    clear: Any
    lang: Any
    bands: tuple[Any, ...]
    path: Any
    load: Any
    upload: Any
    chart: Any
    formats: dict[str, Any]
    folder: Any
    export: Any
    search: Any = None


#: CSS of the explorer's dashboard: ranking (or heatmap) beside the trend and the table.
_DASHBOARD_CSS = """
.kt-explorer .kt-dash { display: grid; grid-template-columns: minmax(0, 5fr) minmax(0, 6fr);
  gap: 8px 16px; align-items: start; width: 100%; }
.kt-explorer .kt-dash > * { min-width: 0; }
@media (max-width: 1100px) { .kt-explorer .kt-dash { grid-template-columns: minmax(0, 1fr); } }
.kt-explorer .kt-tabs .widget-tab-contents, .kt-explorer .kt-tabs .lm-TabPanel-stackedPanel {
  overflow: auto; max-height: 1400px; }
.kt-explorer .kt-table-view { max-height: 640px; overflow: auto; }
.kt-explorer .kt-units select { min-height: 180px; }
.kt-explorer .kt-note:empty { display: none; }
.kt-explorer .kt-metric select { text-overflow: clip; }
.kt-explorer .kt-vega, .kt-explorer .kt-vega .vega-embed { display: block; width: 100%; }
.kt-explorer .kt-ranked, .kt-explorer .kt-trend { width: 100%; }
.kt-explorer .kt-dash .kt-tabs { width: 100%; }
.kt-explorer .vega-embed details { position: absolute; right: 0; }
"""

#: Live explorers by key: a new one with the same key replaces (and frees) the old one.
_LIVE: dict[str, weakref.ref[Explorer]] = {}


def live_explorers() -> list[Explorer]:
    """The explorers not yet closed (at most one per ``key``).

    Examples
    --------
    >>> ds = load_dataset(["data/demo_panel.csv"], units="data/units.csv",
    ...                   catalog="data/metrics.csv")
    >>> from kpitools.explore import explorer, live_explorers
    >>> ex = explorer(ds, year=2023, lang="en", offline=False, key="doc-live")
    >>> ex in live_explorers()
    True
    >>> ex.close()
    >>> ex in live_explorers()
    False
    """
    return [ex for ref in list(_LIVE.values()) if (ex := ref()) is not None and not ex.closed]


class Explorer:
    """The KPI explorer widget (see the module docstring); build it with :func:`explorer`.

    ``widget`` is the ipywidgets box to display (the explorer displays as it). ``state``
    is what is shown; :meth:`update` changes it as the controls do, :meth:`load` and
    :meth:`export` do what the loader and export rows do. ``controls`` are the widgets a
    user acts on, ``charts`` the live Vega chart of each chart (ranking and heatmap in the
    ``tabs``), ``table`` the table, and ``messages`` (loader), ``band_note`` (thresholds)
    and ``exported`` (export) the messages shown next to the control that caused them.

    A new explorer with the same ``key`` (say, the notebook run again) closes the old one.

    Examples
    --------
    >>> ds = load_dataset(["data/demo_panel.csv"], units="data/units.csv",
    ...                   catalog="data/metrics.csv")
    >>> ex = explorer(ds, year=2023, selected=["Đông Anh"], lang="en", offline=False)
    >>> ex
    Explorer(metric='admissions', year=2023, units=('017',), lang='en')
    >>> ex.update(year=2022).year, ex.controls.year.value
    (2022, 2022)
    >>> type(ex.widget).__name__, sorted(ex.charts), "Đông Anh" in ex.table.value
    ('VBox', ['heatmap', 'ranked', 'trend'], True)
    """

    #: Rows of the live charts kept for going back to an earlier choice.
    cache_size = 24

    def __init__(
        self, panel: Panel, state: ExplorerState, *, offline: bool = True, key: str = "explorer"
    ):
        w, _ = _widgets()
        from kpitools.explore.front import ChartView, HtmlView

        del offline  # the Vega library always comes from vl-convert's bundle, once per page
        self._w = w
        self._panel = panel
        self._data = 0  # counts the data loaded: part of every cached view's key
        self._state = fit_state(panel, state)
        self._syncing = False
        self._warming: asyncio.TimerHandle | None = None
        self._rev = 0
        #: rows, texts and packed datasets of the live charts, by key
        self._cache: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._table_key: tuple[Any, ...] | None = None
        self._rankings: OrderedDict[tuple[Any, ...], Table] = OrderedDict()
        self._notice_key: tuple[Any, ...] | None = None
        self._labels_lang: str | None = None
        self._options_panel: Panel | None = None
        self._options_key: tuple[Any, ...] | None = None
        #: messages by place, each drawn again in the new language on a switch
        self._notes: dict[str, Callable[[str], str] | None] = {}
        self.closed = False
        self.key = key
        self.last_export: dict[str, bytes] = {}
        self.charts = {kind: ChartView().add_class(f"kt-{kind}") for kind in CHARTS}
        for chart in self.charts.values():
            chart.on_pick(self._guard_pick)
        self.table = HtmlView().add_class("kt-table-view")
        self.messages = w.HTML().add_class("kt-messages").add_class("kt-note")
        self.band_note = w.HTML().add_class("kt-band-note").add_class("kt-note")
        self.notice = w.HTML().add_class("kt-notice")
        self.title = w.HTML()
        self.hint = w.HTML()
        self.exported = w.HTML().add_class("kt-exported").add_class("kt-note")
        self.controls = self._make_controls()
        self.widget = self._layout()
        self._render(self._state)
        self._connect()
        old = _LIVE.get(key)
        if old is not None and (previous := old()) is not None and previous is not self:
            previous.close()
        _LIVE[key] = weakref.ref(self)

    # ----- building

    def _make_controls(self) -> Controls:
        w = self._w
        wide = w.Layout(width="auto")
        bands = tuple(
            w.BoundedFloatText(
                min=0.0, max=10000.0, step=5.0, layout=w.Layout(width="190px")
            ).add_class(f"kt-band-{i}")
            for i in range(len(self._state.bands.edges))
        )
        return Controls(
            metric=w.Dropdown(layout=w.Layout(width="min(760px, 100%)")).add_class("kt-metric"),
            year=w.Dropdown(layout=w.Layout(width="170px")).add_class("kt-year"),
            units=w.SelectMultiple(rows=10, layout=w.Layout(width="320px")).add_class("kt-units"),
            clear=w.Button(icon="times", layout=wide, tooltip="").add_class("kt-clear"),
            lang=w.ToggleButtons(
                options=[("Tiếng Việt", "vi"), ("English", "en")],
                tooltips=["Tiếng Việt", "English"],
                style={"button_width": "90px"},
            ).add_class("kt-lang"),
            bands=bands,
            path=w.Text(layout=w.Layout(width="360px")).add_class("kt-path"),
            load=w.Button(icon="folder-open", layout=wide, tooltip="").add_class("kt-load"),
            upload=w.FileUpload(accept=".csv,.xlsx,.xlsm,.xls,.parquet", multiple=False).add_class(
                "kt-upload"
            ),
            chart=w.Dropdown(layout=w.Layout(width="230px")).add_class("kt-chart"),
            formats={
                f: w.Checkbox(
                    value=f in ("csv", "png"),
                    description=f.upper(),
                    indent=False,
                    layout=w.Layout(width="70px"),
                )
                for f in TABLE_FORMATS + CHART_FORMATS
            },
            folder=w.Text(layout=w.Layout(width="300px")).add_class("kt-folder"),
            export=w.Button(icon="download", layout=wide, tooltip="").add_class("kt-export"),
            search=w.Text(layout=w.Layout(width="320px"), continuous_update=True).add_class(
                "kt-unit-search"
            ),
        )

    def _layout(self) -> Any:
        w, c = self._w, self.controls
        row = functools.partial(w.HBox, layout=w.Layout(flex_flow="row wrap", align_items="center"))
        self._bands_label = w.Label()
        # the stylesheet comes once: a <style> sent with every table would make the browser
        # restyle the whole page on each change
        self._style = w.HTML(f"{css()}<style>{_DASHBOARD_CSS}</style>")
        choose = row([c.metric, c.year, c.lang])
        pick = row(
            [
                w.VBox([c.search, c.units]),
                c.clear,
                w.VBox([self._bands_label, *c.bands, self.band_note]),
            ]
        )
        loader = w.VBox([row([c.path, c.load, c.upload]), self.messages])
        export = w.VBox([row([c.chart, *c.formats.values(), c.folder, c.export]), self.exported])
        # ranking and heatmap share a place: only the one in view is brought up to date
        self.tabs = w.Tab(children=[self.charts["ranked"], self.charts["heatmap"]])
        self.tabs.add_class("kt-tabs")
        dash = w.Box([self.tabs, w.VBox([self.charts["trend"], self.table])])
        dash.add_class("kt-dash")
        box = w.VBox(
            [
                self._style,
                self.title,
                choose,
                pick,
                self.hint,
                self.notice,
                dash,
                loader,
                export,
            ]
        )
        return box.add_class("kt-explorer")

    def _connect(self) -> None:
        c = self.controls
        c.metric.observe(self._guard(self._on_metric), "value")
        c.year.observe(self._guard(self._on_year), "value")
        c.units.observe(self._guard(self._on_units), "value")
        c.search.observe(self._guard(lambda _: self._sync_unit_options()), "value")
        c.lang.observe(self._guard(self._on_lang), "value")
        for box in c.bands:
            box.observe(self._guard(self._on_bands), "value")
        c.clear.on_click(self._guard(lambda _: self.update(units=())))
        c.load.on_click(self._guard(lambda _: self.load(c.path.value)))
        c.upload.observe(self._guard(self._on_upload), "value")
        c.export.on_click(self._guard(lambda _: self._on_export(), place="export"))
        self.tabs.observe(self._guard(lambda _: self._render(self._state)), "selected_index")

    def _guard(self, handler: Callable[[Any], Any], place: str = "load") -> Callable[[Any], None]:
        """Run a widget callback; a failure becomes a message, never a traceback."""

        def run(arg: Any) -> None:
            if self._syncing or self.closed:
                return
            try:
                handler(arg)
            except Exception as exc:  # shown to the analyst; the previous view stays
                failure = _short(exc)
                self._note(
                    place,
                    lambda lang: (
                        '<div class="kt-problems kt-failed" role="alert">'
                        f"{html.escape(vocab.word('explore.failed', lang, e=failure))}</div>"
                    ),
                )

        return run

    def _guard_pick(self, unit: str, add: bool) -> None:
        self._guard(lambda _: self.pick(unit, add=add))(None)

    def _note(self, place: str, draw: Callable[[str], str] | None) -> None:
        """Show a message at ``place`` (``load``, ``bands``, ``export``), in the language shown."""
        self._notes[place] = draw
        target = {"load": self.messages, "bands": self.band_note, "export": self.exported}[place]
        _set(target, "value", "" if draw is None else draw(self._state.lang))

    # ----- state

    @property
    def state(self) -> ExplorerState:
        """What is shown now."""
        return self._state

    @property
    def panel(self) -> Panel:
        """The data explored now."""
        return self._panel

    @property
    def views(self) -> Views:
        """The current charts and table as static objects (built afresh)."""
        return views(self._panel, self._state)

    @property
    def rev(self) -> int:
        """The number of the state shown (each view marks it in the page once drawn)."""
        return self._rev

    def update(self, **changes: Any) -> ExplorerState:
        """Change the state as the controls do (e.g. ``update(year=2022)``); return it.

        What depends on the change is brought up to date.
        """
        before = self._state
        try:
            self._render(fit_state(self._panel, before.replace(**changes)))
        except Exception:
            self._state = before  # the controls go back to what is still shown
            self._sync_controls()
            raise
        if "kt-failed" in self.messages.value:
            self._note("load", None)  # it worked this time
        return self._state

    def pick(self, unit: str, *, add: bool = False) -> ExplorerState:
        """A click on ``unit`` in a chart: it becomes the selection.

        With ``add`` (a shift-click) it is added to the selection, or taken out of it.
        """
        units = self._state.units
        if add:
            chosen = tuple(u for u in units if u != unit) if unit in units else (*units, unit)
        else:
            chosen = (unit,)
        return self.update(units=chosen)

    def _render(self, state: ExplorerState) -> None:
        """Show ``state``: the controls follow it, and every view is brought up to date.

        The charts get only what changed: the year, the chosen units and the metric's
        label are parameters; new rows are sent only for another metric or bands (a
        metric's rows are packed once and kept). The views in sight come first; the chart
        in the closed tab last (the page draws it when it has nothing else to do).
        """
        from kpitools.explore import live

        self._state = state
        self._rev += 1
        rev = self._rev
        signals = live.signals(self._panel, state)
        hidden = "heatmap" if self.tabs.selected_index == 0 else "ranked"
        for kind in CHARTS:
            if kind != hidden:
                self._show_chart(kind, state, signals, rev)
        ranking_key = (self._data, state.metric, state.year, state.lang, state.bands)
        ranking = self._ranking(state)
        table_key = (*ranking_key, self._panel.present(state.metric, state.units))
        with self.table.hold_sync():
            if table_key != self._table_key:
                self.table.html = only_units(self._panel, state, ranking)._repr_html_()
                self._table_key = table_key
            self.table.rev = rev
        notice_key = (self._data, state.metric, state.lang, state.year)
        if notice_key != self._notice_key:
            from kpitools.display import synthetic_notice

            year_rows = self._panel.rows(state.metric).filter(pl.col("year") == state.year)
            self.notice.value = synthetic_notice(year_rows, lang=state.lang).html
            self._notice_key = notice_key
        # the controls last: the views' messages reach the page first (a language switch
        # relabels some twenty controls)
        self._sync_controls()
        self._show_chart(hidden, state, signals, rev)
        self._warm_later()

    def _warm_later(self) -> None:
        """Prepare what the next controls need while the kernel has nothing else to do.

        One piece at a time (the table in the other language, then a metric's rows), each in
        its own turn of the kernel's event loop, so that a control changed meanwhile waits
        at most one piece's work. Nothing without a running loop (no front end).
        """
        if self.closed:
            if self._warming is not None:
                self._warming.cancel()
                self._warming = None
            return
        if self._warming is not None:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        self._warming = loop.call_later(0.2, self._warm)

    def _ranking(self, state: ExplorerState) -> Table:
        """The table's ranking of ``state`` (kept for the last :attr:`cache_size` states)."""
        key = (self._data, state.metric, state.year, state.lang, state.bands)
        ranking = self._rankings.pop(key, None)
        if ranking is None:
            ranking = year_ranking(self._panel, state)
        self._rankings[key] = ranking
        while self._rankings and len(self._rankings) > self.cache_size:
            self._rankings.popitem(last=False)
        return ranking

    def _warm(self) -> None:
        self._warming = None
        if self.closed:
            return
        # first the table in the other language (its ranking is most of a switch's work)
        other = self._state.replace(lang="en" if self._state.lang == "vi" else "vi")
        if (self._data, other.metric, other.year, other.lang, other.bands) not in self._rankings:
            with contextlib.suppress(Exception):
                self._ranking(other)
                self._warm_later()
            return
        data, bands = self._data, self._state.bands
        for metric in self._panel.metrics[: self.cache_size // 2]:
            if ("packed", "rows", data, metric, bands) not in self._cache:
                with contextlib.suppress(Exception):  # the metric is made when chosen
                    for key in (("rows", data, metric, bands), ("trend", data, metric)):
                        self._packed(key)
                    self._packed(("reference", data, metric))
                    self._warm_later()
                return

    def _show_chart(
        self, kind: str, state: ExplorerState, signals: dict[str, Any], rev: int
    ) -> None:
        from kpitools.explore import live

        units = len(self._panel.units)
        # the spec depends on the bands' names, not on their thresholds
        spec_key = (kind, state.lang, _names(state.bands), units)
        rows_key = (self._data, state.metric, state.bands)
        data: dict[str, Any] = {
            "rows": (rows_key, functools.partial(self._packed, ("rows", *rows_key)))
        }
        if kind == "trend":
            # the trend draws no status: other thresholds send it nothing
            ref_key = (self._data, state.metric)
            data = {
                "rows": (ref_key, functools.partial(self._packed, ("trend", *ref_key))),
                "reference": (ref_key, functools.partial(self._packed, ("reference", *ref_key))),
            }
        self.charts[kind].show(
            spec_key,
            functools.partial(live.live_spec, kind, state.lang, state.bands, units=units),
            data,
            signals,
            rev,
        )

    def _cached(self, key: tuple[Any, ...], build: Callable[[], Any]) -> Any:
        """``build()``, kept under ``key`` for the last :attr:`cache_size` keys."""
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        value = self._cache[key] = build()
        while len(self._cache) > 3 * self.cache_size:
            self._cache.popitem(last=False)
        return value

    def _chart_rows(self, key: tuple[Any, ...]) -> list[dict[str, Any]]:
        """The ranking's and heatmap's rows of ``(data, metric, bands)``.

        The texts of a metric are made once; other thresholds only change the status.
        """
        from kpitools.explore import live

        data, metric, bands = key
        return self._cached(
            ("chart", *key),
            lambda: live.with_status(
                self._texts(data, metric), live.statuses(self._panel, metric, bands)
            ),
        )

    def _texts(self, data: int, metric: str) -> list[dict[str, Any]]:
        from kpitools.explore import live

        return self._cached(("texts", data, metric), lambda: live.text_rows(self._panel, metric))

    def _packed(self, key: tuple[Any, ...]) -> str:
        """A dataset of a live chart as sent to the page (packed once, sent again as it is).

        ``key``: ``("rows", data, metric, bands)``, ``("trend", data, metric)`` or
        ``("reference", data, metric)``.
        """
        from kpitools.explore import live
        from kpitools.explore.front import columns, pack, pack_columns

        def build() -> str:
            if key[0] == "rows":
                _, data, metric, bands = key
                texts = self._texts(data, metric)
                status = live.statuses(self._panel, metric, bands)
                return pack_columns(
                    len(texts),
                    self._cached(("columns", data, metric), lambda: columns(texts)),
                    columns([{"status_vi": vi, "status_en": en} for vi, en in status]),
                )
            if key[0] == "trend":
                return pack(live.trend_of(self._texts(key[1], key[2])))
            return pack(live.reference_rows(self._panel, key[2]))

        return str(self._cached(("packed", *key), build))

    def _sync_controls(self) -> None:
        """Set the controls to the state without their callbacks firing."""
        c, s, panel = self.controls, self._state, self._panel
        catalog = panel.dataset.catalog
        self._syncing = True
        try:
            if self._labels_lang != s.lang or self._options_panel is not panel:
                c.metric.options = [(catalog.label(m, lang=s.lang), m) for m in panel.metrics]
                self._relabel(s.lang)
            self._options_panel = panel
            self._sync_unit_options()
            _set(c.metric, "value", s.metric)
            years = [(str(y), y) for y in panel.years(s.metric)]
            if list(c.year.options) != years:
                c.year.options = years
            _set(c.year, "value", s.year)
            _set(c.units, "value", s.units)
            _set(c.lang, "value", s.lang)
            for box, edge in zip(c.bands, s.bands.edges, strict=False):
                if not self._notes.get("bands"):  # what the analyst typed stays while wrong
                    _set(box, "value", round(edge * 100, 6))
            if self._labels_lang != s.lang:
                self._labels_lang = s.lang
                for place, draw in list(self._notes.items()):
                    self._note(place, draw)
        finally:
            self._syncing = False

    def _sync_unit_options(self) -> None:
        """The unit list: sorted by name, filtered by the search text; chosen units stay."""
        from kpitools.charts import name_key
        from kpitools.explore.live import names_sorted

        c, s = self.controls, self._state
        words = name_key(c.search.value.strip())[0]
        key = (id(self._panel), words, s.units)
        if key == self._options_key and {o[1] for o in c.units.options} >= set(s.units):
            return
        options = [
            o
            for o in names_sorted(self._panel.units)
            if not words or words in name_key(o[0])[0] or o[1] in s.units
        ]
        syncing, self._syncing = self._syncing, True
        try:
            if list(c.units.options) != options:
                c.units.options = options
                _set(c.units, "value", tuple(u for u in s.units if u in {o[1] for o in options}))
            self._options_key = key
        finally:
            self._syncing = syncing

    def _relabel(self, lang: str) -> None:
        from kpitools.explore.live import say

        c, bands = self.controls, self._state.bands
        self.title.value = f"<h3>{html.escape(vocab.word('explore.title', lang))}</h3>"
        self.hint.value = f"<small>{html.escape(vocab.word('explore.hint', lang))}</small>"
        c.metric.description = vocab.word("explore.metric", lang)
        c.year.description = vocab.word("explore.year", lang)
        c.units.description = vocab.word("explore.units", lang)
        c.search.placeholder = say("search", lang)
        c.clear.description = vocab.word("explore.clear", lang)
        c.clear.tooltip = say("clear_tip", lang)
        c.lang.description = vocab.word("explore.lang", lang)
        self._bands_label.value = vocab.word("explore.bands", lang)
        for i, box in enumerate(c.bands):
            box.description = f"{bands.display(bands.labels[i + 1], lang=lang)} ≥"
        c.path.description = vocab.word("explore.file", lang)
        c.path.placeholder = "data/my_kpis.xlsx"
        c.load.description = vocab.word("explore.load", lang)
        c.load.tooltip = say("load_tip", lang)
        c.upload.description = vocab.word("explore.upload", lang)
        c.upload.tooltip = say("upload_tip", lang)
        c.chart.description = vocab.word("explore.chart", lang)
        chosen = c.chart.value or CHARTS[0]
        c.chart.options = [(vocab.word(f"explore.{k}", lang), k) for k in CHARTS]
        c.chart.value = chosen
        self.tabs.titles = (vocab.word("explore.ranked", lang), vocab.word("explore.heatmap", lang))
        c.folder.description = vocab.word("explore.folder", lang)
        c.folder.placeholder = vocab.word("explore.folder_hint", lang)
        c.export.description = vocab.word("explore.export", lang)
        c.export.tooltip = say("export_tip", lang)

    # ----- callbacks

    def _on_metric(self, change: dict[str, Any]) -> None:
        self.update(metric=change["new"])

    def _on_year(self, change: dict[str, Any]) -> None:
        self.update(year=change["new"])

    def _on_units(self, change: dict[str, Any]) -> None:
        shown = {o[1] for o in self.controls.units.options}
        # units filtered out of the list by the search stay chosen
        hidden = tuple(u for u in self._state.units if u not in shown)
        self.update(units=(*hidden, *change["new"]))

    def _on_lang(self, change: dict[str, Any]) -> None:
        self.update(lang=change["new"])

    def _on_bands(self, change: dict[str, Any]) -> None:
        """Thresholds typed in percent: the bands follow once the thresholds increase.

        Until they increase, a message beside them says so, with the thresholds as typed,
        and the bands shown stay (the next threshold typed may make them valid).
        """
        from kpitools.explore.live import say

        typed = tuple(box.value for box in self.controls.bands)
        try:
            bands = self._state.bands.replace(edges=tuple(v / 100 for v in typed))
        except (TypeError, ValueError):

            def draw(lang: str) -> str:
                shown = ", ".join(
                    format_percent(v / 100, lang=lang, decimals=_places(v)) for v in typed
                )
                said = html.escape(say("bad_bands", lang, edges=shown))
                return f'<div class="kt-problems kt-bad-bands" role="alert">{said}</div>'

            self._note("bands", draw)
            return
        self._note("bands", None)
        self.update(bands=bands)

    def _on_upload(self, change: dict[str, Any]) -> None:
        items = list(change["new"] or ())
        try:
            for item in items:
                self.load_bytes(item["name"], bytes(item["content"]))
        finally:
            if items:
                # emptied, so that the same file uploaded again is a change and loads again
                self._syncing = True
                try:
                    self.controls.upload.value = ()
                finally:
                    self._syncing = False

    def _on_export(self) -> None:
        c = self.controls
        formats = [f for f, box in c.formats.items() if box.value]
        with contextlib.suppress(OSError):  # already said beside the button
            self.export(chart=c.chart.value, formats=formats, folder=c.folder.value.strip() or None)

    # ----- data and export

    def load(self, path: str | Path) -> bool:
        """Replace the data with one KPI file (CSV, Excel or Parquet); True when loaded.

        The file is checked against the registry and catalog. On problems the list is
        shown beside the loader, the data stays as it was, and the result is False.
        """
        try:
            try:
                found = find_path(path)
            except FileNotFoundError:
                raise KpiDataError(DataIssue("file not found", file=str(path))) from None
            ds = self._panel.dataset
            kpis = read_kpi_file(found, registry=ds.registry, catalog=ds.catalog)
            panel = Panel.from_dataset(
                Dataset(kpis, ds.registry, ds.catalog, (found,)), parent=self._panel.parent
            )
        except KpiDataError as exc:
            issues = exc.issues
            self._note("load", lambda lang: problems_html(issues, lang=lang))
            return False
        self._panel = panel
        self._data += 1
        self._options_panel = None
        self._options_key = None
        self._render(fit_state(panel, self._state))
        n, name = kpis.height, found.name
        self._note(
            "load",
            lambda lang: (
                '<p class="kt-ok">'
                f"{html.escape(vocab.word('explore.loaded', lang, n=n, file=name))}</p>"
            ),
        )
        return True

    def load_bytes(self, name: str, content: bytes) -> bool:
        """:meth:`load` for an uploaded file: its bytes and its name."""
        with tempfile.TemporaryDirectory(prefix="kpitools-upload-") as tmp:
            path = Path(tmp) / Path(name).name
            path.write_bytes(content)
            ok = self.load(path)
            draw = self._notes.get("load")
            if draw is not None:
                hidden = html.escape(str(tmp)) + "/"
                # errors name the uploaded file, not the temporary copy
                self._note("load", lambda lang: draw(lang).replace(hidden, ""))
        return ok

    def export(
        self,
        *,
        chart: str = "ranked",
        formats: Iterable[str] = ("csv", "png"),
        folder: str | Path | None = None,
    ) -> dict[str, bytes]:
        """Export the current view (see :func:`export_files`); return the files by name.

        The files are saved in ``folder`` when given, and every file is offered as a
        download link beside the export button, where a failure is shown too.
        """
        from kpitools.explore.live import say

        files = export_files(self._panel, self._state, chart=chart, formats=formats)
        self.last_export = files
        if not files:
            self._note(
                "export", lambda lang: f"<p>{html.escape(vocab.word('explore.nothing', lang))}</p>"
            )
            return files
        saved: list[Path] = []
        if folder:
            try:
                saved = save_files(files, folder)
            except OSError as exc:
                failure = _short(exc)
                self._note(
                    "export",
                    lambda lang: (
                        '<div class="kt-problems kt-failed" role="alert">'
                        f"{html.escape(say('export_failed', lang, e=failure))}</div>"
                    ),
                )
                raise
        links = " ".join(_download_link(name, content) for name, content in files.items())

        def draw(lang: str) -> str:
            parts = []
            if saved:
                items = "".join(f"<li><code>{html.escape(str(p))}</code></li>" for p in saved)
                parts.append(
                    f"<p>{html.escape(vocab.word('explore.saved', lang))}</p><ul>{items}</ul>"
                )
            parts.append(f"<p>{html.escape(vocab.word('explore.download', lang))} {links}</p>")
            return "".join(parts)

        self._note("export", draw)
        return files

    # ----- lifetime and display

    def close(self) -> None:
        """Close every widget of the explorer (the page's views go away, the kernel frees them)."""
        if self.closed:
            return
        self.closed = True
        self._warm_later()  # nothing more to prepare
        self._cache.clear()
        _close_all(self.widget)
        ref = _LIVE.get(self.key)
        if ref is not None and ref() is self:
            del _LIVE[self.key]

    def static_html(self) -> str:
        """The default views as one static block: charts as inline SVG, the table as HTML.

        No JavaScript and no Vega library: what a batch HTML report or a viewer without a
        kernel shows in place of the live explorer.
        """
        from kpitools.explore import live

        s, panel = self._state, self._panel
        rows = self._chart_rows((self._data, s.metric, s.bands))
        signals = live.signals(panel, s)
        charts = []
        for kind in ("ranked", "trend"):
            data = {"rows": rows}
            if kind == "trend":
                data = {
                    "rows": live.trend_rows(panel, s.metric),
                    "reference": live.reference_rows(panel, s.metric),
                }
            spec = live.with_data(live.live_spec(kind, s.lang, s.bands), data, signals)
            charts.append(f'<div class="kt-static-{kind}">{live.static_svg(spec)}</div>')
        table = only_units(panel, s, year_ranking(panel, s))._repr_html_()
        return (
            f'<div class="kt-explorer-static">{css()}<style>{_DASHBOARD_CSS}</style>'
            f'<div class="kt-dash">{charts[0]}<div>{charts[1]}{table}</div></div></div>'
        )

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        bundle = self.widget._repr_mimebundle_(**kwargs)
        if isinstance(bundle, dict) and not self.closed:
            with contextlib.suppress(Exception):  # the static block is only a fallback
                bundle = {**bundle, "text/html": self.static_html()}
        return bundle

    def __repr__(self) -> str:
        s = self._state
        return f"Explorer(metric={s.metric!r}, year={s.year}, units={s.units}, lang={s.lang!r})"


def _names(bands: Bands) -> tuple[Any, ...]:
    return (bands.labels, bands.labels_vi, bands.missing, bands.missing_vi)


def _close_all(widget: Any) -> None:
    for child in getattr(widget, "children", ()):
        _close_all(child)
    with contextlib.suppress(Exception):
        widget.close()


def _places(value: float) -> int:
    """Decimals to write a typed percentage as typed (``92.5`` → 1)."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return len(text.split(".")[1]) if "." in text else 0


_MIME = {
    ".csv": "text/csv",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".png": "image/png",
    ".svg": "image/svg+xml",
}


def _download_link(name: str, content: bytes) -> str:
    mime = _MIME.get(Path(name).suffix, "application/octet-stream")
    data = base64.b64encode(content).decode("ascii")
    e = html.escape
    return f'<a download="{e(name)}" href="data:{mime};base64,{data}">{e(name)}</a>'


def _set(widget: Any, name: str, value: Any) -> None:
    """Set a trait only when it differs (every set is a message to the browser)."""
    if getattr(widget, name) != value:
        with contextlib.suppress(Exception):
            setattr(widget, name, value)


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}"


def explorer(
    data: Dataset | pl.DataFrame | str | Path | Sequence[str | Path],
    *,
    units: PathLike | None = None,
    catalog: PathLike | None = None,
    parent: str | None = None,
    metric: str | None = None,
    year: int | None = None,
    selected: Sequence[str] = (),
    lang: str = "vi",
    bands: Bands = DEFAULT_BANDS,
    offline: bool = True,
    key: str = "explorer",
) -> Explorer:
    """The KPI explorer for JupyterLab.

    Parameters
    ----------
    data
        A :class:`~kpitools.io.Dataset`, the long table, or KPI file path(s) read with
        :func:`~kpitools.io.load_dataset`.
    units, catalog
        The unit registry and metric catalog files; needed when ``data`` is not a Dataset.
    parent
        The unit whose units are explored (default: the city).
    metric, year, selected
        What is shown first: a metric code or label (default: the catalog's first with
        rows), a year (default: the metric's latest), unit codes or names (default: none).
    lang, bands
        Display language (``"vi"`` or ``"en"``) and status bands; both can be changed in
        the explorer.
    offline
        Kept for compatibility: the chart library always comes from vl-convert's offline
        bundle, sent once per page when the first chart asks for it.
    key
        A new explorer with the same key (the notebook run again) closes the old one.

    Raises
    ------
    ParameterError
        for an unknown metric, unit or language, a year without data, or files given
        without ``units`` and ``catalog``.
    ImportError
        when ipywidgets or anywidget is missing (with the command that installs them).

    Examples
    --------
    >>> ex = explorer(["data/demo_panel.csv"], units="data/units.csv",
    ...               catalog="data/metrics.csv", selected=["Dong Anh"], offline=False)
    >>> ex.state.metric, ex.state.year, ex.state.units
    ('admissions', 2026, ('00454',))
    >>> try:
    ...     explorer(ex.panel.dataset, year=2030, offline=False)
    ... except ParameterError as exc:
    ...     print(exc)
    year 2030 has no rows of 'admissions'; years with data: 2019–2026
    """
    _widgets()  # fail before any work when the front-end packages are missing
    if isinstance(data, Dataset):
        dataset = data
    elif units is None or catalog is None:
        raise ParameterError(
            "explorer: give units= and catalog= (the unit registry and metric catalog files) "
            "with KPI files or a frame, or pass a Dataset from kt.load_dataset"
        )
    elif isinstance(data, pl.DataFrame):
        from kpitools.catalog import read_catalog
        from kpitools.registry import read_registry

        dataset = Dataset(data, read_registry(find_path(units)), read_catalog(find_path(catalog)))
    else:
        dataset = load_dataset(data, units=units, catalog=catalog)
    try:
        panel = Panel.from_dataset(dataset, parent=parent)
    except UnknownUnitError as exc:
        raise ParameterError(str(exc)) from None
    state = start_state(panel, metric=metric, year=year, selected=selected, lang=lang, bands=bands)
    return Explorer(panel, state, offline=offline, key=key)
