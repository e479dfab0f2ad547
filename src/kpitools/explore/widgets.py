"""The explorer's widget layer (ipywidgets and Altair's JupyterChart)."""

from __future__ import annotations

import base64
import contextlib
import functools
import html
import tempfile
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
    _WIDGETS_MISSING,
    CHART_FORMATS,
    CHARTS,
    MARKED,
    SELECTION,
    TABLE_FORMATS,
    ExplorerState,
    Panel,
    Views,
    _css,
    _only_units,
    _ranking,
    export_files,
    fit_state,
    problems_html,
    save_files,
    start_state,
    view_chart,
    views,
)
from kpitools.io.dataset import Dataset, find_path, load_dataset
from kpitools.io.readers import read_kpi_file
from kpitools.measures import DEFAULT_BANDS, Bands
from kpitools.registry import UnknownUnitError

if TYPE_CHECKING:
    import altair as alt

    from kpitools.tables import Table


def _widgets() -> tuple[Any, Any]:
    """Import ipywidgets and Altair's JupyterChart, or raise a clear ImportError."""
    try:
        import anywidget  # noqa: F401  (JupyterChart is an anywidget)
        import ipywidgets
        from altair.jupyter.jupyter_chart import JupyterChart
    except ImportError as exc:
        raise ImportError(_WIDGETS_MISSING) from exc
    return ipywidgets, JupyterChart


def _spec_params(spec: dict[str, Any]) -> frozenset[str]:
    return frozenset(p["name"] for p in spec.get("params", ()))


def _with_marked(spec: dict[str, Any], units: list[str]) -> dict[str, Any]:
    """``spec`` with the chosen units as the initial value of :data:`MARKED`."""
    if MARKED not in _spec_params(spec):
        return spec
    params = [{**p, "value": units} if p["name"] == MARKED else p for p in spec["params"]]
    return {**spec, "params": params}


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


class Explorer:
    """The KPI explorer widget (see the module docstring); build it with :func:`explorer`.

    ``widget`` is the ipywidgets box to display (the explorer displays as it). ``state``
    is what is shown; :meth:`update` changes it as the controls do, :meth:`load` and
    :meth:`export` do what the loader and export rows do. ``controls`` are the widgets a
    user acts on, ``charts`` the ``alt.JupyterChart`` of each chart (ranking and heatmap
    in the ``tabs``), ``table``, ``messages`` and ``exported`` HTML widgets.

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

    #: Chart specs kept for going back to an earlier choice (by chart and inputs).
    cache_size = 48

    def __init__(self, panel: Panel, state: ExplorerState, *, offline: bool = True):
        w, jupyter_chart = _widgets()
        if offline:
            # vega-embed from vl-convert's bundle, not a CDN: works without internet
            jupyter_chart.enable_offline()
        self._w = w
        self._panel = panel
        self._data = 0  # counts the data loaded: part of every cached view's key
        self._state = fit_state(panel, state)
        self._syncing = False
        self._shown: dict[str, tuple[Any, ...]] = {}
        self._params: dict[str, frozenset[str]] = {}
        self._specs: OrderedDict[tuple[Any, ...], tuple[alt.TopLevelMixin, dict[str, Any]]] = (
            OrderedDict()
        )
        self._table_key: tuple[Any, ...] | None = None
        self._ranking: tuple[tuple[Any, ...], Table] | None = None
        self._redraws = 0
        self._notice_key: tuple[Any, ...] | None = None
        self._labels_lang: str | None = None
        self._options_panel: Panel | None = None
        self.last_export: dict[str, bytes] = {}
        self.charts = {
            kind: jupyter_chart(
                None,
                embed_options={
                    "renderer": "svg",
                    "actions": {
                        "export": True,
                        "source": False,
                        "compiled": False,
                        "editor": False,
                    },
                },
            ).add_class(f"kt-{kind}")
            for kind in CHARTS
        }
        self.table = w.HTML().add_class("kt-table-view")
        self.messages = w.HTML().add_class("kt-messages")
        self.notice = w.HTML().add_class("kt-notice")
        self.title = w.HTML()
        self.hint = w.HTML()
        self.exported = w.HTML().add_class("kt-exported")
        self.controls = self._make_controls()
        self.widget = self._layout()
        self._render(self._state)
        self._connect()

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
            metric=w.Dropdown(layout=w.Layout(width="460px")).add_class("kt-metric"),
            year=w.Dropdown(layout=w.Layout(width="170px")).add_class("kt-year"),
            units=w.SelectMultiple(rows=8, layout=w.Layout(width="300px")).add_class("kt-units"),
            clear=w.Button(icon="times", layout=wide).add_class("kt-clear"),
            lang=w.ToggleButtons(
                options=[("Tiếng Việt", "vi"), ("English", "en")],
                style={"button_width": "90px"},
            ).add_class("kt-lang"),
            bands=bands,
            path=w.Text(layout=w.Layout(width="360px")).add_class("kt-path"),
            load=w.Button(icon="folder-open", layout=wide).add_class("kt-load"),
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
            export=w.Button(icon="download", layout=wide).add_class("kt-export"),
        )

    def _layout(self) -> Any:
        w, c = self._w, self.controls
        row = functools.partial(w.HBox, layout=w.Layout(flex_flow="row wrap", align_items="center"))
        self._bands_label = w.Label()
        choose = row([c.metric, c.year, c.lang])
        pick = row(
            [
                c.units,
                c.clear,
                w.VBox([self._bands_label, *c.bands]),
            ]
        )
        loader = row([c.path, c.load, c.upload])
        export = row([c.chart, *c.formats.values(), c.folder, c.export])
        # ranking and heatmap share a place: only the one in view is redrawn on a change
        self.tabs = w.Tab(children=[self.charts["ranked"], self.charts["heatmap"]])
        self.tabs.add_class("kt-tabs")
        charts = w.HBox(
            [self.tabs, w.VBox([self.charts["trend"], self.table])],
            layout=w.Layout(flex_flow="row wrap", align_items="flex-start"),
        )
        box = w.VBox(
            [
                self.title,
                choose,
                pick,
                self.hint,
                loader,
                self.messages,
                self.notice,
                charts,
                export,
                self.exported,
            ]
        )
        return box.add_class("kt-explorer")

    def _connect(self) -> None:
        c = self.controls
        c.metric.observe(self._guard(self._on_metric), "value")
        c.year.observe(self._guard(self._on_year), "value")
        c.units.observe(self._guard(self._on_units), "value")
        c.lang.observe(self._guard(self._on_lang), "value")
        for box in c.bands:
            box.observe(self._guard(self._on_bands), "value")
        c.clear.on_click(self._guard(lambda _: self.update(units=())))
        c.load.on_click(self._guard(lambda _: self.load(c.path.value)))
        c.upload.observe(self._guard(self._on_upload), "value")
        c.export.on_click(self._guard(lambda _: self._on_export()))
        self.tabs.observe(self._guard(lambda _: self._render(self._state)), "selected_index")

    def _guard(self, handler: Callable[[Any], Any]) -> Callable[[Any], None]:
        """Run a widget callback; a failure becomes a message, never a traceback."""

        def run(arg: Any) -> None:
            if self._syncing:
                return
            try:
                handler(arg)
            except Exception as exc:  # shown to the analyst; the previous view stays
                said = vocab.word("explore.failed", self._state.lang, e=_short(exc))
                self.messages.value = _css() + (
                    f'<div class="kt-problems kt-failed" role="alert">{html.escape(said)}</div>'
                )

        return run

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

    def update(self, **changes: Any) -> ExplorerState:
        """Change the state as the controls do (e.g. ``update(year=2022)``); return it.

        What depends on the change is redrawn.
        """
        before = self._state
        try:
            self._render(fit_state(self._panel, before.replace(**changes)))
        except Exception:
            self._state = before  # the controls go back to what is still shown
            self._sync_controls()
            raise
        if "kt-failed" in self.messages.value:
            self.messages.value = ""  # it worked this time
        return self._state

    def _render(self, state: ExplorerState) -> None:
        """Show ``state``: the controls follow it, and the views in sight are brought up to date.

        Each view is rebuilt only when its inputs changed (the chosen units alone only move
        an outline, a Vega parameter). The chart in the hidden tab is brought up to date
        when it is opened.
        """
        self._state = state
        self._sync_controls()
        chosen = list(self._panel.present(state.metric, state.units))
        inputs = (self._data, state.metric, state.lang, state.bands)
        keys = {
            "ranked": (*inputs, state.year),
            "heatmap": inputs,
            "trend": (*inputs, tuple(chosen)),
        }
        hidden = "heatmap" if self.tabs.selected_index == 0 else "ranked"
        for kind, key in keys.items():
            if kind == hidden:
                continue
            if self._shown.get(kind) != key:
                self._show(kind, key, chosen)
                continue
            pane = self.charts[kind]
            if MARKED in self._params.get(kind, ()) and list(pane.params.unit_marked) != chosen:
                pane.params.unit_marked = chosen
            if _picked(pane) not in ((), tuple(chosen)):
                # The chart still holds an earlier click: Vega reports a selection only
                # when it changes, so clicking that unit again would do nothing. Draw the
                # chart afresh (same spec, new mark), which empties its selection.
                self._redraws += 1
                spec = {**pane.spec, "usermeta": {"kpitools_redraw": self._redraws}}
                with pane.hold_sync():
                    pane.spec = spec
                    _forget_pick(pane)
        ranking_key = (*inputs, state.year)
        if self._ranking is None or self._ranking[0] != ranking_key:
            self._ranking = (ranking_key, _ranking(self._panel, state))
        table_key = (*ranking_key, tuple(chosen))
        if table_key != self._table_key:
            table = _only_units(self._panel, state, self._ranking[1])
            self.table.value = _css() + table._repr_html_()
            self._table_key = table_key
        notice_key = (self._data, state.metric, state.lang, state.year)
        if notice_key != self._notice_key:
            from kpitools.display import synthetic_notice

            year_rows = self._panel.rows(state.metric).filter(pl.col("year") == state.year)
            self.notice.value = _css() + synthetic_notice(year_rows, lang=state.lang).html
            self._notice_key = notice_key

    def _show(self, kind: str, key: tuple[Any, ...], chosen: list[str]) -> None:
        cached = self._specs.get((kind, *key))
        if cached is None:
            chart = view_chart(self._panel, self._state, kind)
            # the builders' specs are validated by their own tests; here speed counts
            cached = (chart, chart.to_dict(validate=False))
            self._specs[(kind, *key)] = cached
            while len(self._specs) > self.cache_size:
                self._specs.popitem(last=False)
        else:
            self._specs.move_to_end((kind, *key))
        chart, spec = cached
        spec = _with_marked(spec, chosen)
        pane = self.charts[kind]
        names = _spec_params(spec)
        with pane.hold_sync():
            if names != self._params.get(kind):
                # new parameters: JupyterChart registers them (and validates, once)
                pane.chart = chart
                self._params[kind] = names
                if SELECTION in names:
                    pane.selections.observe(self._guard(self._on_pick), SELECTION)
            pane.spec = spec
            if MARKED in names:
                pane.params.unit_marked = chosen
            _forget_pick(pane)  # a new drawing starts with no selection
        self._shown[kind] = key

    def _sync_controls(self) -> None:
        """Set the controls to the state without their callbacks firing."""
        c, s, panel = self.controls, self._state, self._panel
        catalog = panel.dataset.catalog
        self._syncing = True
        try:
            if self._labels_lang != s.lang or self._options_panel is not panel:
                c.metric.options = [(catalog.label(m, lang=s.lang), m) for m in panel.metrics]
                self._relabel(s.lang)
            if self._options_panel is not panel:
                c.units.options = list(panel.units)
            self._labels_lang, self._options_panel = s.lang, panel
            _set(c.metric, "value", s.metric)
            years = [(str(y), y) for y in panel.years(s.metric)]
            if list(c.year.options) != years:
                c.year.options = years
            _set(c.year, "value", s.year)
            _set(c.units, "value", s.units)
            _set(c.lang, "value", s.lang)
            for box, edge in zip(c.bands, s.bands.edges, strict=False):
                _set(box, "value", round(edge * 100, 6))
        finally:
            self._syncing = False

    def _relabel(self, lang: str) -> None:
        c, bands = self.controls, self._state.bands
        self.title.value = f"<h3>{html.escape(vocab.word('explore.title', lang))}</h3>"
        self.hint.value = f"<small>{html.escape(vocab.word('explore.hint', lang))}</small>"
        c.metric.description = vocab.word("explore.metric", lang)
        c.year.description = vocab.word("explore.year", lang)
        c.units.description = vocab.word("explore.units", lang)
        c.clear.description = vocab.word("explore.clear", lang)
        c.lang.description = vocab.word("explore.lang", lang)
        self._bands_label.value = vocab.word("explore.bands", lang)
        for i, box in enumerate(c.bands):
            box.description = f"{bands.display(bands.labels[i + 1], lang=lang)} ≥"
        c.path.description = vocab.word("explore.file", lang)
        c.path.placeholder = "data/my_kpis.xlsx"
        c.load.description = vocab.word("explore.load", lang)
        c.upload.description = vocab.word("explore.upload", lang)
        c.chart.description = vocab.word("explore.chart", lang)
        chosen = c.chart.value or CHARTS[0]
        c.chart.options = [(vocab.word(f"explore.{k}", lang), k) for k in CHARTS]
        c.chart.value = chosen
        self.tabs.titles = (vocab.word("explore.ranked", lang), vocab.word("explore.heatmap", lang))
        c.folder.description = vocab.word("explore.folder", lang)
        c.folder.placeholder = vocab.word("explore.folder_hint", lang)
        c.export.description = vocab.word("explore.export", lang)

    # ----- callbacks

    def _on_metric(self, change: dict[str, Any]) -> None:
        self.update(metric=change["new"])

    def _on_year(self, change: dict[str, Any]) -> None:
        self.update(year=change["new"])

    def _on_units(self, change: dict[str, Any]) -> None:
        self.update(units=tuple(change["new"]))

    def _on_lang(self, change: dict[str, Any]) -> None:
        self.update(lang=change["new"])

    def _on_bands(self, change: dict[str, Any]) -> None:
        """Thresholds typed in percent: the bands follow once the thresholds increase.

        Until they increase, a message says so and the bands shown stay (the next threshold
        typed may make them valid).
        """
        edges = tuple(box.value / 100 for box in self.controls.bands)
        try:
            bands = self._state.bands.replace(edges=edges)
        except (TypeError, ValueError) as exc:
            self.messages.value = _css() + (
                '<div class="kt-problems kt-bad-bands" role="alert">'
                f"{html.escape(vocab.word('explore.bad_bands', self._state.lang, e=exc))}</div>"
            )
            return
        if "kt-bad-bands" in self.messages.value:
            self.messages.value = ""
        self.update(bands=bands)

    def _on_pick(self, change: dict[str, Any]) -> None:
        """A click in a chart: its units become the selection.

        An empty one is ignored, so redrawing a chart never clears what was chosen.
        """
        picked = tuple(
            str(v["unit_code"]) for v in (change["new"].value or []) if v.get("unit_code")
        )
        if picked and picked != self._panel.present(self._state.metric, self._state.units):
            self.update(units=picked)

    def _on_upload(self, change: dict[str, Any]) -> None:
        for item in change["new"] or ():
            self.load_bytes(item["name"], bytes(item["content"]))

    def _on_export(self) -> None:
        c = self.controls
        formats = [f for f, box in c.formats.items() if box.value]
        self.export(chart=c.chart.value, formats=formats, folder=c.folder.value.strip() or None)

    # ----- data and export

    def load(self, path: str | Path) -> bool:
        """Replace the data with one KPI file (CSV, Excel or Parquet); True when loaded.

        The file is checked against the registry and catalog. On problems the list is
        shown in the explorer, the data stays as it was, and the result is False.
        """
        lang = self._state.lang
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
            self.messages.value = _css() + problems_html(exc.issues, lang=lang)
            return False
        self._panel = panel
        self._data += 1
        self._options_panel = None
        self._render(fit_state(panel, self._state))
        done = vocab.word("explore.loaded", lang, n=kpis.height, file=found.name)
        self.messages.value = f'{_css()}<p class="kt-ok">{html.escape(done)}</p>'
        return True

    def load_bytes(self, name: str, content: bytes) -> bool:
        """:meth:`load` for an uploaded file: its bytes and its name."""
        with tempfile.TemporaryDirectory(prefix="kpitools-upload-") as tmp:
            path = Path(tmp) / Path(name).name
            path.write_bytes(content)
            try:
                ok = self.load(path)
            finally:
                # errors name the uploaded file, not the temporary copy
                self.messages.value = self.messages.value.replace(html.escape(str(tmp)) + "/", "")
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
        download link in the explorer.
        """
        lang = self._state.lang
        files = export_files(self._panel, self._state, chart=chart, formats=formats)
        self.last_export = files
        if not files:
            self.exported.value = f"<p>{html.escape(vocab.word('explore.nothing', lang))}</p>"
            return files
        parts = []
        if folder:
            saved = save_files(files, folder)
            items = "".join(f"<li><code>{html.escape(str(p))}</code></li>" for p in saved)
            parts.append(f"<p>{html.escape(vocab.word('explore.saved', lang))}</p><ul>{items}</ul>")
        links = " ".join(_download_link(name, content) for name, content in files.items())
        parts.append(f"<p>{html.escape(vocab.word('explore.download', lang))} {links}</p>")
        self.exported.value = "".join(parts)
        return files

    # ----- display

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)

    def __repr__(self) -> str:
        s = self._state
        return f"Explorer(metric={s.metric!r}, year={s.year}, units={s.units}, lang={s.lang!r})"


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


def _picked(pane: Any) -> tuple[str, ...]:
    """The units of a chart's point selection (what was last clicked in it)."""
    selection = getattr(pane.selections, SELECTION, None)
    values = selection.value if selection is not None else None
    return tuple(str(v["unit_code"]) for v in values or () if v.get("unit_code"))


def _forget_pick(pane: Any) -> None:
    """Empty a chart's selection on the Python side, as the browser does on a new drawing.

    The browser reports it so after drawing the chart anew; JupyterChart keeps it in
    ``_vl_selections``.
    """
    empty: dict[str, Any] = {"value": None, "store": []}
    if SELECTION not in pane._vl_selections:
        return
    if pane._vl_selections[SELECTION] != empty:
        pane._vl_selections = {**pane._vl_selections, SELECTION: empty}
    if _picked(pane):
        from altair.utils.selection import PointSelection

        nothing = PointSelection(SELECTION, value=[], store=empty["store"])
        pane.selections._set_value(SELECTION, nothing)


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
        Load the chart library from vl-convert's bundle rather than the internet.

    Raises
    ------
    ParameterError
        for an unknown metric, unit or language, a year without data, or files given
        without ``units`` and ``catalog``.
    ImportError
        when ipywidgets or anywidget is missing (with the command that installs them).

    Examples
    --------
    ``offline=False`` below only spares the example loading the bundled chart library;
    in a notebook keep the default.

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
    return Explorer(panel, state, offline=offline)
