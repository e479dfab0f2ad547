"""Explore KPIs in JupyterLab: pick a metric, a year and units, and every view follows.

:func:`explorer` builds the whole thing from a :class:`~kpitools.io.Dataset` or KPI files:
controls for metric, year, units, status thresholds and language; a ranked chart, the
heatmap, the trend of the selected units and a ranking table, all updated in place; a data
loader (path or upload) whose validation errors are listed inside the explorer while the
previous data stays loaded; and export of the current view (table as CSV / Excel, chart as
PNG / SVG). Clicking a unit in the ranked chart or the heatmap selects it everywhere.

The module has two layers. The pure one needs no front end: an :class:`ExplorerState`
(small, frozen) and a :class:`Panel` (the data, split by metric once) go into functions
that return the charts and the table (:func:`views`, :func:`view_chart`,
:func:`view_table`, :func:`snapshot`, :func:`table_frame`, :func:`export_files`). The
widget layer (:class:`Explorer`) keeps one state, and on each change rebuilds only the
views in sight whose inputs changed. This is the only module of kpitools that uses
ipywidgets, and it imports it (and Altair's ``JupyterChart``, which needs anywidget) only
when a widget is built.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import functools
import html
import io
import tempfile
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polars as pl

from kpitools import params
from kpitools.catalog import check_lang
from kpitools.errors import DataIssue, KpiDataError, ParameterError, show_value
from kpitools.io import Dataset, find_path, load_dataset, read_kpi_file
from kpitools.measures import DEFAULT_BANDS, Bands, rank_within_year, rollup, with_measures
from kpitools.names import UnitRegistry, UnknownUnitError

if TYPE_CHECKING:
    import altair as alt

    from kpitools.notebook import Html
    from kpitools.tables import Table

#: The charts of the explorer, in the order they are shown.
CHARTS = ("ranked", "heatmap", "trend")
#: Export formats: the table's and the chart's.
TABLE_FORMATS = ("csv", "xlsx")
CHART_FORMATS = ("png", "svg")
#: Name of the point selection of units in the ranked chart and the heatmap; the units
#: drawn as chosen are the list parameter ``unit_marked``.
SELECTION = "unit"
MARKED = f"{SELECTION}_marked"

_WIDGETS_MISSING = (
    "the KPI explorer needs ipywidgets and anywidget (for Altair's JupyterChart): "
    "pip install 'ipywidgets>=8.1' 'anywidget>=0.9', then restart the kernel"
)

_WORDS: dict[str, dict[str, str]] = {
    "title": {"vi": "Khám phá chỉ tiêu", "en": "KPI explorer"},
    "metric": {"vi": "Chỉ số", "en": "Metric"},
    "year": {"vi": "Năm", "en": "Year"},
    "units": {"vi": "Đơn vị", "en": "Units"},
    "lang": {"vi": "Ngôn ngữ", "en": "Language"},
    "clear": {"vi": "Bỏ chọn", "en": "Clear"},
    "bands": {"vi": "Ngưỡng trạng thái (% đạt)", "en": "Status thresholds (% attained)"},
    "hint": {
        "vi": "Bấm vào một đơn vị trên biểu đồ xếp hạng hoặc bản đồ nhiệt để chọn, "
        "Shift + bấm để chọn thêm; Ctrl + bấm trong danh sách để bỏ một đơn vị.",
        "en": "Click a unit in the ranking or the heatmap to select it, shift-click to add "
        "one; ctrl-click in the list to drop one.",
    },
    "file": {"vi": "Tệp dữ liệu", "en": "Data file"},
    "load": {"vi": "Nạp", "en": "Load"},
    "upload": {"vi": "Tải tệp lên", "en": "Upload"},
    "chart": {"vi": "Biểu đồ", "en": "Chart"},
    "folder": {"vi": "Thư mục", "en": "Folder"},
    "folder_hint": {"vi": "để trống: chỉ tải về", "en": "empty: download only"},
    "export": {"vi": "Xuất", "en": "Export"},
    "ranked": {"vi": "Xếp hạng", "en": "Ranking"},
    "heatmap": {"vi": "Bản đồ nhiệt", "en": "Heatmap"},
    "trend": {"vi": "Xu hướng", "en": "Trend"},
    "problems": {
        "vi": "{n} lỗi trong {file}; dữ liệu đang xem vẫn được giữ nguyên:",
        "en": "{n} problem(s) in {file}; the data shown before stays loaded:",
    },
    "more": {"vi": "… và {n} lỗi khác", "en": "… and {n} more"},
    "where_file": {"vi": "Tệp", "en": "File"},
    "where_row": {"vi": "Dòng", "en": "Row"},
    "where_column": {"vi": "Cột", "en": "Column"},
    "where_value": {"vi": "Giá trị", "en": "Value"},
    "where_message": {"vi": "Lỗi", "en": "Problem"},
    "loaded": {"vi": "Đã nạp {n} dòng từ {file}.", "en": "Loaded {n} rows from {file}."},
    "no_units": {
        "vi": "không có dòng nào của các đơn vị thuộc {parent}",
        "en": "no rows for the units of {parent}",
    },
    "bad_bands": {"vi": "Ngưỡng không hợp lệ: {e}", "en": "Thresholds not valid: {e}"},
    "failed": {
        "vi": "Không cập nhật được ({e}); vẫn giữ lựa chọn trước.",
        "en": "Could not update ({e}); the previous view stays.",
    },
    "saved": {"vi": "Đã lưu:", "en": "Saved:"},
    "download": {"vi": "Tải về:", "en": "Download:"},
    "nothing": {"vi": "Chưa chọn định dạng nào.", "en": "No format chosen."},
}

_CSS = """<style>
.kt-explorer table.kt-table { border-collapse: collapse; font-size: .92rem; margin: .5rem 0; }
.kt-explorer table.kt-table caption { text-align: left; font-weight: 600; padding: .3rem 0; }
.kt-explorer table.kt-table th, .kt-explorer table.kt-table td {
  border-bottom: 1px solid #ddd; padding: .25rem .6rem; text-align: right; }
.kt-explorer table.kt-table td:nth-child(2), .kt-explorer table.kt-table th:nth-child(2) {
  text-align: left; }
.kt-explorer tr.kt-empty td { color: #666; font-style: italic; text-align: left; }
.kt-explorer tr.kt-status-behind td { background: #fbe3d6; }
.kt-explorer tr.kt-status-near td { background: #fdf0d5; }
.kt-explorer tr.kt-status-met td { background: #dff2ec; }
.kt-explorer tr.kt-status-exceeded td { background: #dbeaf5; }
.kt-explorer .kt-synthetic-notice { background: #fff4e0; border-left: 4px solid #e69f00;
  padding: .4rem .8rem; margin: .3rem 0; color: #5a3b00; }
.kt-explorer .kt-problems { border-left: 4px solid #d55e00; background: #fbe3d6;
  padding: .4rem .8rem; margin: .3rem 0; }
.kt-explorer .kt-problems table td, .kt-explorer .kt-problems table th {
  padding: .1rem .5rem; text-align: left; vertical-align: top; }
.kt-explorer .kt-ok { color: #00684a; }
</style>"""


def word(key: str, lang: str) -> str:
    """A word of the explorer's interface in ``lang``.

    Examples
    --------
    >>> word("year", "en")
    'Year'
    """
    return _WORDS[key][check_lang(lang)]


# --------------------------------------------------------------------------- pure layer


@dataclass(frozen=True, eq=False)
class Panel:
    """The rows an explorer shows: the units directly under ``parent``, split by metric
    once, and the parent's own figures (or its units' sums, see
    :func:`kpitools.measures.rollup`) as the reference line of the trend.

    Build one with :meth:`from_dataset`; it never changes (loading data makes a new one).
    """

    dataset: Dataset
    parent: str
    metrics: tuple[str, ...]
    _rows: dict[str, pl.DataFrame] = field(repr=False)
    _reference: dict[str, pl.DataFrame] = field(repr=False)
    _years: dict[str, tuple[int, ...]] = field(repr=False)
    _codes: dict[str, frozenset[str]] = field(repr=False)
    units: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_dataset(cls, dataset: Dataset, *, parent: str | None = None) -> Panel:
        """Split ``dataset`` for exploring the units of ``parent`` (default: the city).

        Raises ``KpiDataError`` when no row belongs to a unit of ``parent``.

        Examples
        --------
        >>> panel = Panel.from_dataset(load_dataset(["data/demo_panel.csv"]))
        >>> panel.parent, len(panel.units), panel.years("admissions")[-1]
        ('01', 31, 2024)
        """
        registry = dataset.registry
        parent = _root(registry) if parent is None else registry.resolve(parent)
        kpis = dataset.kpis
        rows = kpis.filter(pl.col("unit_code").is_in(registry.children(parent)))
        if rows.is_empty():
            file = ", ".join(str(f) for f in dataset.files) or None
            raise KpiDataError(
                DataIssue(_WORDS["no_units"]["en"].format(parent=registry.name(parent)), file=file)
            )
        order = {code: i for i, code in enumerate(dataset.catalog.codes)}
        by_metric = {
            str(k[0]): part for k, part in rows.partition_by("metric", as_dict=True).items()
        }
        metrics = tuple(sorted(by_metric, key=lambda m: (order.get(m, len(order)), m)))
        reference = rollup(kpis, registry=registry, unit=parent)
        by_reference = {
            str(k[0]): part for k, part in reference.partition_by("metric", as_dict=True).items()
        }
        names = dict(rows.select("unit_code", "unit_name").unique("unit_code").iter_rows())
        units = tuple((f"{names[c] or c} ({c})", c) for c in sorted(names))
        return cls(
            dataset=dataset,
            parent=parent,
            metrics=metrics,
            _rows=by_metric,
            _reference=by_reference,
            _years={m: tuple(sorted(set(f["year"].to_list()))) for m, f in by_metric.items()},
            _codes={m: frozenset(f["unit_code"].to_list()) for m, f in by_metric.items()},
            units=units,
        )

    def rows(self, metric: str) -> pl.DataFrame:
        """The units' rows of ``metric``, every year (an empty frame for an unknown one)."""
        return self._rows.get(metric, self.dataset.kpis.clear())

    def reference(self, metric: str) -> pl.DataFrame:
        """The parent's figures of ``metric``, one row per year."""
        return self._reference.get(metric, self.dataset.kpis.clear())

    def years(self, metric: str) -> tuple[int, ...]:
        """The years with unit rows of ``metric``, oldest first."""
        return self._years.get(metric, ())

    def present(self, metric: str, units: Iterable[str]) -> tuple[str, ...]:
        """The codes of ``units`` that have rows of ``metric``, in the order given."""
        codes = self._codes.get(metric, frozenset())
        return tuple(u for u in units if u in codes)

    def name(self, code: str) -> str:
        """A unit's display name."""
        return self.dataset.registry.name(code)


def _root(registry: UnitRegistry) -> str:
    cities = registry.codes(level="city")
    if not cities:
        raise ParameterError("the unit registry has no unit of level 'city'; pass parent=")
    return cities[0]


@dataclass(frozen=True)
class ExplorerState:
    """What the explorer shows: a metric, a year, the selected units (codes), the
    language and the status bands. Frozen; :meth:`replace` returns a copy.

    Examples
    --------
    >>> s = ExplorerState(metric="admissions", year=2023)
    >>> s.replace(units=("017",)).units, s.units
    (('017',), ())
    """

    metric: str
    year: int
    units: tuple[str, ...] = ()
    lang: str = "vi"
    bands: Bands = DEFAULT_BANDS

    def __post_init__(self) -> None:
        if isinstance(self.units, str) or not isinstance(self.units, tuple | list):
            raise TypeError(f"units must be a tuple of unit codes, not {self.units!r}")
        object.__setattr__(self, "units", tuple(dict.fromkeys(self.units)))
        check_lang(self.lang)

    def replace(self, **changes: Any) -> ExplorerState:
        """A copy with some fields changed."""
        return dataclasses.replace(self, **changes)


def start_state(
    panel: Panel,
    *,
    metric: str | None = None,
    year: int | None = None,
    selected: Sequence[str] = (),
    lang: str = "vi",
    bands: Bands = DEFAULT_BANDS,
) -> ExplorerState:
    """The first state of an explorer, with every choice checked.

    ``metric`` is a code or label (default: the first metric of the catalog with unit
    rows), ``year`` defaults to the metric's latest, ``selected`` are unit codes or any
    form of their names. A bad value raises ``ParameterError`` with a clear message.

    Examples
    --------
    >>> panel = Panel.from_dataset(load_dataset(["data/demo_panel.csv"]))
    >>> start_state(panel, selected=["Dong Anh"], lang="en")
    ExplorerState(metric='admissions', year=2024, units=('017',), lang='en', bands=Bands(...))
    """
    lang = params.check_lang(lang)
    catalog, registry = panel.dataset.catalog, panel.dataset.registry
    if metric is None:
        code = panel.metrics[0]
    else:
        try:
            code = metric if metric in panel.metrics else catalog.resolve(metric)
        except KeyError as exc:
            raise ParameterError(str(exc).strip('"')) from None
        if code not in panel.metrics:
            raise ParameterError(
                f"metric {code!r} has no rows for the units of {panel.name(panel.parent)}; "
                f"metrics with rows: {', '.join(panel.metrics)}"
            )
    years = panel.years(code)
    if year is None:
        year = years[-1]
    elif isinstance(year, bool) or not isinstance(year, int) or year not in years:
        raise ParameterError(
            f"year {year!r} has no rows of {code!r}; years with data: {years[0]}–{years[-1]}"
        )
    if isinstance(selected, str):
        selected = [selected] if selected else []
    codes = []
    for unit in selected:
        try:
            codes.append(registry.resolve(unit))
        except UnknownUnitError as exc:
            raise ParameterError(str(exc)) from None
    return ExplorerState(metric=code, year=year, units=tuple(codes), lang=lang, bands=bands)


def fit_state(panel: Panel, state: ExplorerState) -> ExplorerState:
    """``state`` made valid for ``panel``: a metric it has (else its first), a year with
    rows of that metric (else the latest one before it, else the earliest) and only the
    units it has.

    Examples
    --------
    >>> panel = Panel.from_dataset(load_dataset(["data/demo_panel.csv"]))
    >>> fit_state(panel, ExplorerState(metric="nope", year=2030, units=("017", "999")))
    ExplorerState(metric='admissions', year=2024, units=('017',), lang='vi', bands=Bands(...))
    """
    metric = state.metric if state.metric in panel.metrics else panel.metrics[0]
    years = panel.years(metric)
    year = state.year
    if year not in years:
        before = [y for y in years if y <= year]
        year = before[-1] if before else years[0]
    known = {code for _, code in panel.units}
    units = tuple(u for u in state.units if u in known)
    if (metric, year, units) == (state.metric, state.year, state.units):
        return state
    return state.replace(metric=metric, year=year, units=units)


@dataclass(frozen=True)
class Views:
    """The charts and the table of one state."""

    ranked: alt.TopLevelMixin
    heatmap: alt.TopLevelMixin
    trend: alt.TopLevelMixin
    table: Table

    def chart(self, kind: str) -> alt.TopLevelMixin:
        """The chart called ``kind`` (one of :data:`CHARTS`)."""
        if kind not in CHARTS:
            raise ValueError(f"chart must be one of {', '.join(CHARTS)}, not {kind!r}")
        chart: alt.TopLevelMixin = getattr(self, kind)
        return chart


def view_chart(panel: Panel, state: ExplorerState, kind: str) -> alt.TopLevelMixin:
    """One chart of the explorer for ``state``: ``ranked`` (units ranked by attainment in
    the year, selected units outlined), ``heatmap`` (attainment by unit and year) or
    ``trend`` (the selected units over the years against the parent's rate; the parent
    itself when none is selected). The ranked chart and the heatmap carry the point
    selection :data:`SELECTION`.

    Examples
    --------
    >>> panel = Panel.from_dataset(load_dataset(["data/demo_panel.csv"]))
    >>> state = start_state(panel, year=2023, selected=["017"])
    >>> spec = view_chart(panel, state, "ranked").to_dict()
    >>> [p["name"] for p in spec["params"]], spec["params"][1]["value"]
    (['unit', 'unit_marked'], ['017'])
    """
    from kpitools import charts

    catalog = panel.dataset.catalog
    rows = panel.rows(state.metric)
    chosen = list(panel.present(state.metric, state.units))
    common: dict[str, Any] = {"catalog": catalog, "lang": state.lang, "bands": state.bands}
    if kind == "ranked":
        return charts.ranked_chart(
            rows,
            metric=state.metric,
            year=state.year,
            menu=False,
            highlight=chosen,
            select=SELECTION,
            **common,
        )
    if kind == "heatmap":
        return charts.heatmap_chart(
            rows, metric=state.metric, sort="latest", highlight=chosen, select=SELECTION, **common
        )
    if kind == "trend":
        reference = panel.reference(state.metric)
        if chosen:
            return charts.trend_chart(
                rows, metric=state.metric, units=chosen, reference=reference, **common
            )
        return charts.trend_chart(reference, metric=state.metric, units=[panel.parent], **common)
    raise ValueError(f"chart must be one of {', '.join(CHARTS)}, not {kind!r}")


def view_table(panel: Panel, state: ExplorerState) -> Table:
    """The units ranked by attainment in the state's year (numbers formatted in its
    language); only the selected units when there are any, with their rank among all.

    Examples
    --------
    >>> panel = Panel.from_dataset(load_dataset(["data/demo_panel.csv"]))
    >>> table = view_table(panel, start_state(panel, year=2023, selected=["017", "001"]))
    >>> table.frame.select("Đơn vị", "Thực hiện").rows()
    [('Đông Anh', '469'), ('Ba Đình', '188')]
    """
    return _only_units(panel, state, _ranking(panel, state))


def _ranking(panel: Panel, state: ExplorerState) -> Table:
    from kpitools.tables import ranking_table

    return ranking_table(
        panel.rows(state.metric),
        catalog=panel.dataset.catalog,
        year=state.year,
        metric=state.metric,
        lang=state.lang,
        bands=state.bands,
    )


def _only_units(panel: Panel, state: ExplorerState, table: Table) -> Table:
    """The rows of ``table`` (a ranking) of the selected units; all when none is."""
    from kpitools.tables import header

    chosen = panel.present(state.metric, state.units)
    if not chosen:
        return table
    names = {panel.name(c) for c in chosen}
    keep = [n in names for n in table.frame[header("unit", state.lang)].to_list()]
    return table.replace(
        frame=table.frame.filter(pl.Series(keep, dtype=pl.Boolean)),
        status=tuple(s for s, k in zip(table.status, keep, strict=False) if k),
        synthetic=tuple(s for s, k in zip(table.synthetic, keep, strict=False) if k),
    )


def views(panel: Panel, state: ExplorerState) -> Views:
    """Every chart and the table of ``state`` (what the explorer shows, without widgets)."""
    ranked, heatmap, trend = (view_chart(panel, state, kind) for kind in CHARTS)
    return Views(ranked=ranked, heatmap=heatmap, trend=trend, table=view_table(panel, state))


def snapshot(panel: Panel, state: ExplorerState) -> Html:
    """The view of ``state`` as one static block: the ranking and the trend drawn as SVG
    by vl-convert, and the table. No JavaScript, so it shows in any viewer, offline, in a
    papermill run and in a saved notebook.

    Examples
    --------
    >>> panel = Panel.from_dataset(load_dataset(["data/demo_panel.csv"]))
    >>> str(snapshot(panel, start_state(panel, year=2023))).count("<svg")
    2
    """
    from kpitools.notebook import Html

    charts = "".join(
        f'<div class="kt-snapshot-{kind}">'
        f"{_chart_bytes(view_chart(panel, state, kind), 'svg').decode('utf-8')}</div>"
        for kind in ("ranked", "trend")
    )
    table = view_table(panel, state)._repr_html_()
    css = _CSS.replace(".kt-explorer", ".kt-snapshot")
    return Html(f'<div class="kt-snapshot">{css}{charts}{table}</div>')


def table_frame(panel: Panel, state: ExplorerState) -> pl.DataFrame:
    """The rows of the table as numbers, for export: rank, unit, year, metric, target,
    actual, attainment, variance, status and source.

    Examples
    --------
    >>> panel = Panel.from_dataset(load_dataset(["data/demo_panel.csv"]))
    >>> table_frame(panel, start_state(panel, year=2023, selected=["017"])).row(0)[:4]
    (20, '017', 'Đông Anh', 'district')
    """
    rows = panel.rows(state.metric).filter(pl.col("year") == state.year)
    ranked = rank_within_year(with_measures(rows, bands=state.bands), level=False).sort(
        ["rank", "unit_code"], nulls_last=True
    )
    chosen = panel.present(state.metric, state.units)
    if chosen:
        ranked = ranked.filter(pl.col("unit_code").is_in(list(chosen)))
    columns = [
        "rank",
        "unit_code",
        "unit_name",
        "level",
        "year",
        "metric",
        "target",
        "actual",
        "attainment",
        "variance",
        "status",
        "source",
    ]
    return ranked.select(c for c in columns if c in ranked.columns)


def _chart_bytes(chart: alt.TopLevelMixin, fmt: str) -> bytes:
    # vl-convert renders offline; PNG at twice the size for print and slides
    if fmt == "png":
        out = io.BytesIO()
        chart.save(out, format="png", scale_factor=2)
        return out.getvalue()
    text = io.StringIO()
    chart.save(text, format="svg")
    return text.getvalue().encode("utf-8")


def export_files(
    panel: Panel,
    state: ExplorerState,
    *,
    chart: str = "ranked",
    formats: Iterable[str] = ("csv", "png"),
) -> dict[str, bytes]:
    """The current view as files, by name: the table (:func:`table_frame`) as ``csv``
    (UTF-8) or ``xlsx``, the chart ``chart`` as ``png`` or ``svg`` (drawn by vl-convert,
    no browser or network needed).

    Examples
    --------
    >>> panel = Panel.from_dataset(load_dataset(["data/demo_panel.csv"]))
    >>> files = export_files(panel, start_state(panel, year=2023), formats=["csv", "svg"])
    >>> sorted(files), files["admissions-2023.csv"][:10]
    (['admissions-2023.csv', 'ranked-admissions-2023.svg'], b'rank,unit_')
    """
    formats = list(dict.fromkeys(formats))
    unknown = [f for f in formats if f not in TABLE_FORMATS + CHART_FORMATS]
    if unknown:
        raise ValueError(
            f"unknown export format(s) {', '.join(map(repr, unknown))}; "
            f"use {', '.join(TABLE_FORMATS + CHART_FORMATS)}"
        )
    chosen = panel.present(state.metric, state.units)
    stem = "-".join([state.metric, str(state.year), *chosen])
    files: dict[str, bytes] = {}
    if any(f in TABLE_FORMATS for f in formats):
        frame = table_frame(panel, state)
        if "csv" in formats:
            files[f"{stem}.csv"] = frame.write_csv().encode("utf-8")
        if "xlsx" in formats:
            out = io.BytesIO()
            frame.write_excel(out, worksheet=state.metric[:31])
            files[f"{stem}.xlsx"] = out.getvalue()
    if any(f in CHART_FORMATS for f in formats):
        drawn = view_chart(panel, state, chart)
        for fmt in CHART_FORMATS:
            if fmt in formats:
                files[f"{chart}-{stem}.{fmt}"] = _chart_bytes(drawn, fmt)
    return files


def save_files(files: dict[str, bytes], folder: str | Path) -> list[Path]:
    """Write ``files`` into ``folder`` (made if missing), each atomically."""
    from kpitools._atomic import atomic_path

    saved = []
    for name, content in files.items():
        path = Path(folder).expanduser() / Path(name).name
        with atomic_path(path) as tmp:
            tmp.write_bytes(content)
        saved.append(path)
    return saved


def problems_html(issues: Sequence[DataIssue], *, lang: str = "vi", limit: int = 50) -> str:
    """Data problems as an HTML list a reader can act on: file, row, column, value and
    what is wrong (every value escaped).

    Examples
    --------
    >>> problems_html([DataIssue("not a number", file="a.csv", row=3, column="actual",
    ...                          value="<b>")], lang="en").count("&lt;b&gt;")
    1
    """
    e = html.escape
    files = sorted({i.file for i in issues if i.file}) or ["?"]
    heads = "".join(
        f"<th>{e(word(k, lang))}</th>"
        for k in ("where_file", "where_row", "where_column", "where_value", "where_message")
    )
    body = "".join(
        "<tr>"
        f"<td>{e(Path(i.file).name if i.file else '')}</td>"
        f"<td>{'' if i.row is None else i.row}</td>"
        f"<td>{e(i.column or '')}</td>"
        f"<td>{'' if i.value is None else '<code>' + e(show_value(i.value)) + '</code>'}</td>"
        f"<td>{e(i.message)}</td>"
        "</tr>"
        for i in issues[:limit]
    )
    more = (
        f"<p>{e(word('more', lang).format(n=len(issues) - limit))}</p>"
        if len(issues) > limit
        else ""
    )
    title = word("problems", lang).format(
        n=len(issues), file=", ".join(Path(f).name for f in files)
    )
    return (
        f'<div class="kt-problems" role="alert"><strong>{e(title)}</strong>'
        f"<table><thead><tr>{heads}</tr></thead><tbody>{body}</tbody></table>{more}</div>"
    )


# --------------------------------------------------------------------------- widgets


def _widgets() -> tuple[Any, Any]:
    """ipywidgets and Altair's JupyterChart, or a clear ImportError."""
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
    """The explorer's widgets a user (or a test) acts on."""

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
                self.messages.value = _CSS + (
                    f'<div class="kt-problems kt-failed" role="alert">'
                    f"{html.escape(word('failed', self._state.lang).format(e=_short(exc)))}</div>"
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
        """Change the state as the controls do (e.g. ``update(year=2022)``) and redraw
        what depends on the change; returns the new state."""
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
        """Show ``state``: the controls follow it, and each view in sight is rebuilt only
        when its inputs changed (the chosen units alone only move an outline, a Vega
        parameter). The chart in the hidden tab is brought up to date when it is opened."""
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
            self.table.value = _CSS + table._repr_html_()
            self._table_key = table_key
        notice_key = (self._data, state.metric, state.lang, state.year)
        if notice_key != self._notice_key:
            from kpitools.notebook import synthetic_notice

            year_rows = self._panel.rows(state.metric).filter(pl.col("year") == state.year)
            self.notice.value = _CSS + synthetic_notice(year_rows, lang=state.lang).html
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
        self.title.value = f"<h3>{html.escape(word('title', lang))}</h3>"
        self.hint.value = f"<small>{html.escape(word('hint', lang))}</small>"
        c.metric.description = word("metric", lang)
        c.year.description = word("year", lang)
        c.units.description = word("units", lang)
        c.clear.description = word("clear", lang)
        c.lang.description = word("lang", lang)
        self._bands_label.value = word("bands", lang)
        for i, box in enumerate(c.bands):
            box.description = f"{bands.display(bands.labels[i + 1], lang=lang)} ≥"
        c.path.description = word("file", lang)
        c.path.placeholder = "data/my_kpis.xlsx"
        c.load.description = word("load", lang)
        c.upload.description = word("upload", lang)
        c.chart.description = word("chart", lang)
        chosen = c.chart.value or CHARTS[0]
        c.chart.options = [(word(k, lang), k) for k in CHARTS]
        c.chart.value = chosen
        self.tabs.titles = (word("ranked", lang), word("heatmap", lang))
        c.folder.description = word("folder", lang)
        c.folder.placeholder = word("folder_hint", lang)
        c.export.description = word("export", lang)

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
        """Thresholds typed in percent; until they increase, a message says so and the
        bands shown stay (the next threshold typed may make them valid)."""
        edges = tuple(box.value / 100 for box in self.controls.bands)
        try:
            bands = self._state.bands.replace(edges=edges)
        except (TypeError, ValueError) as exc:
            self.messages.value = _CSS + (
                '<div class="kt-problems kt-bad-bands" role="alert">'
                f"{html.escape(word('bad_bands', self._state.lang).format(e=exc))}</div>"
            )
            return
        if "kt-bad-bands" in self.messages.value:
            self.messages.value = ""
        self.update(bands=bands)

    def _on_pick(self, change: dict[str, Any]) -> None:
        """A click in a chart: its units become the selection (an empty one is ignored,
        so redrawing a chart never clears what was chosen)."""
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
        """Replace the data with one KPI file (CSV, Excel or Parquet), checked against the
        registry and catalog. On problems the list is shown in the explorer, the data
        stays as it was, and the result is False."""
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
            self.messages.value = _CSS + problems_html(exc.issues, lang=lang)
            return False
        self._panel = panel
        self._data += 1
        self._options_panel = None
        self._render(fit_state(panel, self._state))
        done = word("loaded", lang).format(n=kpis.height, file=found.name)
        self.messages.value = f'{_CSS}<p class="kt-ok">{html.escape(done)}</p>'
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
        """Export the current view (see :func:`export_files`); save it in ``folder`` when
        given, and offer every file as a download link in the explorer."""
        lang = self._state.lang
        files = export_files(self._panel, self._state, chart=chart, formats=formats)
        self.last_export = files
        if not files:
            self.exported.value = f"<p>{html.escape(word('nothing', lang))}</p>"
            return files
        parts = []
        if folder:
            saved = save_files(files, folder)
            items = "".join(f"<li><code>{html.escape(str(p))}</code></li>" for p in saved)
            parts.append(f"<p>{html.escape(word('saved', lang))}</p><ul>{items}</ul>")
        links = " ".join(_download_link(name, content) for name, content in files.items())
        parts.append(f"<p>{html.escape(word('download', lang))} {links}</p>")
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
    """Empty a chart's selection on the Python side, as the browser reports it after
    drawing the chart anew (JupyterChart keeps it in ``_vl_selections``)."""
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
    units: str | Path = "data/units.csv",
    catalog: str | Path = "data/metrics.csv",
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
        The unit registry and metric catalog, when ``data`` is not a Dataset.
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
        for an unknown metric, unit or language, or a year without data.
    ImportError
        when ipywidgets or anywidget is missing (with the command that installs them).
    """
    _widgets()  # fail before any work when the front-end packages are missing
    if isinstance(data, Dataset):
        dataset = data
    elif isinstance(data, pl.DataFrame):
        from kpitools.catalog import read_catalog
        from kpitools.names import read_registry

        dataset = Dataset(data, read_registry(find_path(units)), read_catalog(find_path(catalog)))
    else:
        dataset = load_dataset(data, units=units, catalog=catalog)
    try:
        panel = Panel.from_dataset(dataset, parent=parent)
    except UnknownUnitError as exc:
        raise ParameterError(str(exc)) from None
    state = start_state(panel, metric=metric, year=year, selected=selected, lang=lang, bands=bands)
    return Explorer(panel, state, offline=offline)
