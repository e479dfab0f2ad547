"""The explorer without widgets: its panel, state and views, testable without a kernel."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polars as pl

from kpitools import vocab
from kpitools.errors import DataIssue, KpiDataError, ParameterError, show_value
from kpitools.io.dataset import Dataset
from kpitools.measures import DEFAULT_BANDS, Bands, rank_within_year, rollup, with_measures
from kpitools.registry import UnitRegistry, UnknownUnitError

if TYPE_CHECKING:
    import altair as alt

    from kpitools.display import Html
    from kpitools.tables import Table


CHARTS = ("ranked", "heatmap", "trend")
"""The charts of the explorer, in the order they are shown."""

TABLE_FORMATS = ("csv", "xlsx")
"""Export formats of the table (:func:`export_files`)."""

CHART_FORMATS = ("png", "svg")
"""Export formats of the chart (:func:`export_files`), drawn by vl-convert."""

SELECTION = "unit"
"""Name of the point selection of units in the ranked chart and the heatmap."""

MARKED = f"{SELECTION}_marked"
"""Name of the list parameter of the unit codes drawn as chosen (``unit_marked``)."""

WIDGETS_MISSING = (
    "the KPI explorer needs ipywidgets and anywidget (for Altair's JupyterChart): "
    "pip install 'ipywidgets>=8.1' 'anywidget>=0.9', then restart the kernel"
)


def css() -> str:
    """The kpitools stylesheet as a ``<style>`` element, for the explorer's HTML blocks."""
    from kpitools.display import stylesheet

    return f"<style>{stylesheet()}</style>"


def word(key: str, lang: str) -> str:
    """A word of the explorer's interface in ``lang``.

    ``key`` is that of ``explore.*`` in :mod:`kpitools.vocab`.

    Examples
    --------
    >>> word("year", "en")
    'Year'
    """
    return vocab.word(f"explore.{key}", lang)


@dataclass(frozen=True, eq=False)
class Panel:
    """The rows an explorer shows: the units directly under ``parent`` and the parent's own.

    The units' rows are split by metric once; the parent's own figures (or its units' sums,
    see :func:`kpitools.measures.rollup`) are the reference line of the trend.

    Build one with :meth:`from_dataset`; it never changes (loading data makes a new one).

    Examples
    --------
    >>> ds = load_dataset(["data/demo_panel.csv"], units="data/units.csv",
    ...                   catalog="data/metrics.csv")
    >>> panel = Panel.from_dataset(ds)
    >>> panel.metrics[:2], panel.units[0]
    (('admissions', 'admissions_nonstate'), ('Ba Đình (00004)', '00004'))
    >>> panel.rows("admissions").height, panel.years("admissions")
    (471, (2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026))
    >>> panel.reference("admissions").select("year", "actual").row(0)
    (2019, 10145.0)
    >>> panel.present("admissions", ["017", "999"]), panel.name("017")
    (('017',), 'Đông Anh')
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
        >>> ds = load_dataset(["data/demo_panel.csv"], units="data/units.csv",
        ...                   catalog="data/metrics.csv")
        >>> panel = Panel.from_dataset(ds)
        >>> panel.parent, len(panel.units), panel.years("admissions")[-1]
        ('01', 157, 2026)
        """
        registry = dataset.registry
        parent = _root(registry) if parent is None else registry.resolve(parent)
        kpis = dataset.kpis
        rows = kpis.filter(pl.col("unit_code").is_in(registry.children(parent)))
        if rows.is_empty():
            file = ", ".join(str(f) for f in dataset.files) or None
            raise KpiDataError(
                DataIssue(
                    vocab.word("explore.no_units", "en", parent=registry.name(parent)), file=file
                )
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
    """What the explorer shows: a metric, a year, the selected units, language and bands.

    The units are codes; the bands are the status bands. Frozen; :meth:`replace` returns
    a copy.

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
        vocab.check_lang(self.lang)

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
    >>> ds = load_dataset(["data/demo_panel.csv"], units="data/units.csv",
    ...                   catalog="data/metrics.csv")
    >>> panel = Panel.from_dataset(ds)
    >>> start_state(panel, selected=["Dong Anh"], lang="en")
    ExplorerState(metric='admissions', year=2026, units=('00454',), lang='en', bands=Bands(...))
    >>> start_state(panel, year=2024, selected=["Dong Anh"]).units  # the former huyện
    ('017',)
    """
    lang = vocab.check_lang(lang)
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
    day = dt.date(year, 12, 31)  # a name means the unit of that name in the chosen year
    for unit in selected:
        try:
            codes.append(registry.resolve(unit, at=day))
        except UnknownUnitError as exc:
            raise ParameterError(str(exc)) from None
    return ExplorerState(metric=code, year=year, units=tuple(codes), lang=lang, bands=bands)


def fit_state(panel: Panel, state: ExplorerState) -> ExplorerState:
    """``state`` made valid for ``panel``: a metric, a year and units that it has.

    The metric is kept if the panel has it (else its first), the year if it has rows of
    that metric (else the latest one before it, else the earliest), and only the units
    the panel has.

    Examples
    --------
    >>> ds = load_dataset(["data/demo_panel.csv"], units="data/units.csv",
    ...                   catalog="data/metrics.csv")
    >>> panel = Panel.from_dataset(ds)
    >>> fit_state(panel, ExplorerState(metric="nope", year=2030, units=("017", "999")))
    ExplorerState(metric='admissions', year=2026, units=('017',), lang='vi', bands=Bands(...))
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
    """The charts and the table of one state.

    Made by :func:`views`; :meth:`chart` picks a chart by name.

    Examples
    --------
    >>> ds = load_dataset(["data/demo_panel.csv"], units="data/units.csv",
    ...                   catalog="data/metrics.csv")
    >>> panel = Panel.from_dataset(ds)
    >>> shown = views(panel, start_state(panel, year=2023, lang="en"))
    >>> shown.chart("trend") is shown.trend
    True
    >>> type(shown.ranked).__name__, type(shown.trend).__name__
    ('LayerChart', 'FacetChart')
    >>> shown.chart("pie")
    Traceback (most recent call last):
        ...
    ValueError: chart must be one of ranked, heatmap, trend, not 'pie'
    """

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
    """One chart of the explorer for ``state``: ``ranked``, ``heatmap`` or ``trend``.

    ``ranked`` shows units ranked by attainment in the year, selected units outlined;
    ``heatmap`` attainment by unit and year; ``trend`` the selected units over the years
    against the parent's rate (the parent itself when none is selected). The ranked chart
    and the heatmap carry the point selection :data:`SELECTION`.

    Examples
    --------
    >>> ds = load_dataset(["data/demo_panel.csv"], units="data/units.csv",
    ...                   catalog="data/metrics.csv")
    >>> panel = Panel.from_dataset(ds)
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
    """The units ranked by attainment in the state's year, as a formatted table.

    Numbers are formatted in the state's language; only the selected units are shown when
    there are any, with their rank among all.

    Examples
    --------
    >>> ds = load_dataset(["data/demo_panel.csv"], units="data/units.csv",
    ...                   catalog="data/metrics.csv")
    >>> panel = Panel.from_dataset(ds)
    >>> table = view_table(panel, start_state(panel, year=2023, selected=["017", "001"]))
    >>> table.frame.select("Đơn vị", "Thực hiện").rows()
    [('Đông Anh', '469'), ('Ba Đình', '188')]
    """
    return only_units(panel, state, year_ranking(panel, state))


def year_ranking(panel: Panel, state: ExplorerState) -> Table:
    """The ranking of the state's year; of a split year (2025), its last period's.

    The table's structure line says which units and period it ranks, so the first half of
    a split year is never shown as the whole year (the ranked chart draws both halves).
    """
    from kpitools.tables import ranking_tables

    return ranking_tables(
        panel.rows(state.metric),
        catalog=panel.dataset.catalog,
        year=state.year,
        metric=state.metric,
        lang=state.lang,
        bands=state.bands,
        registry=panel.dataset.registry,
    )[-1]


def only_units(panel: Panel, state: ExplorerState, table: Table) -> Table:
    """The rows of ``table`` (a ranking) of the selected units; all when none is."""
    chosen = panel.present(state.metric, state.units)
    if not chosen:
        return table
    # by name, of the units with rows in that year: a unit of another year may share the
    # name of one ranked here (the xã Đông Anh of 2025 and the huyện of 2023)
    ranked = panel.rows(state.metric).filter(pl.col("year") == state.year)
    in_year = set(ranked["unit_code"].to_list())
    names = {panel.name(c) for c in chosen if c in in_year}
    keep = [n in names for n in table.frame[vocab.word("table.unit", state.lang)].to_list()]
    return table.replace(
        frame=table.frame.filter(pl.Series(keep, dtype=pl.Boolean)),
        status=tuple(s for s, k in zip(table.status, keep, strict=False) if k),
        synthetic=tuple(s for s, k in zip(table.synthetic, keep, strict=False) if k),
    )


def views(panel: Panel, state: ExplorerState) -> Views:
    """Every chart and the table of ``state`` (what the explorer shows, without widgets).

    Examples
    --------
    >>> ds = load_dataset(["data/demo_panel.csv"], units="data/units.csv",
    ...                   catalog="data/metrics.csv")
    >>> panel = Panel.from_dataset(ds)
    >>> shown = views(panel, start_state(panel, year=2023, selected=["017"], lang="en"))
    >>> shown.table.frame.row(0)
    ('20', 'Đông Anh', '469', '438', '107.1%', '31', 'met', 'synthetic')
    >>> [p["name"] for p in shown.heatmap.to_dict()["params"]]
    ['unit', 'unit_marked']
    """
    ranked, heatmap, trend = (view_chart(panel, state, kind) for kind in CHARTS)
    return Views(ranked=ranked, heatmap=heatmap, trend=trend, table=view_table(panel, state))


def snapshot(panel: Panel, state: ExplorerState) -> Html:
    """The view of ``state`` as one static block: the ranking, the trend and the table.

    The charts are drawn as SVG by vl-convert. No JavaScript, so it shows in any viewer,
    offline, in a papermill run and in a saved notebook.

    Examples
    --------
    >>> ds = load_dataset(["data/demo_panel.csv"], units="data/units.csv",
    ...                   catalog="data/metrics.csv")
    >>> panel = Panel.from_dataset(ds)
    >>> str(snapshot(panel, start_state(panel, year=2023))).count("<svg")
    2
    """
    from kpitools.display import Html

    charts = "".join(
        f'<div class="kt-snapshot-{kind}">'
        f"{_chart_bytes(view_chart(panel, state, kind), 'svg').decode('utf-8')}</div>"
        for kind in ("ranked", "trend")
    )
    table = view_table(panel, state)._repr_html_()
    return Html(f'<div class="kt-snapshot">{css()}{charts}{table}</div>')


def table_frame(panel: Panel, state: ExplorerState) -> pl.DataFrame:
    """The rows of the table as numbers, for export.

    Columns: rank, unit, year, metric, target, actual, attainment, variance, status and
    source.

    Examples
    --------
    >>> ds = load_dataset(["data/demo_panel.csv"], units="data/units.csv",
    ...                   catalog="data/metrics.csv")
    >>> panel = Panel.from_dataset(ds)
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
    """The chart drawn by vl-convert (offline); PNG at twice the size for print and slides."""
    import altair as alt
    import vl_convert

    spec = drawable(chart.to_dict(context={"pre_transform": False}))
    version = "_".join(alt.SCHEMA_VERSION.split(".")[:2])
    if fmt == "png":
        return bytes(vl_convert.vegalite_to_png(spec, vl_version=version, scale=2))
    return str(vl_convert.vegalite_to_svg(spec, vl_version=version)).encode("utf-8")


_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LONGEST = 1000


def drawable(value: Any) -> Any:
    r"""``value`` (a chart spec) with every string fit for vl-convert.

    vl-convert measures text as XML: a NUL or another character XML cannot hold (say in a
    unit name) makes it panic and abort the whole process, so such characters are drawn as
    U+FFFD, as a browser shows a NUL in an attribute. A label is measured again and again
    while it is cut to fit, which takes minutes for a 100 kB name: strings are cut at
    1,000 characters (far more than any label shows).

    Examples
    --------
    >>> spec = drawable({"title": "Nul\x00Name", "data": [{"n": "a" * 2000}, 1.5]})
    >>> spec["title"] == "Nul\ufffdName", len(spec["data"][0]["n"]), spec["data"][1]
    (True, 1001, 1.5)
    """
    if isinstance(value, str):
        value = _NOT_XML.sub("\ufffd", value)
        return value if len(value) <= _LONGEST else value[:_LONGEST] + "…"
    if isinstance(value, dict):
        return {drawable(k): drawable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [drawable(v) for v in value]
    return value


def export_files(
    panel: Panel,
    state: ExplorerState,
    *,
    chart: str = "ranked",
    formats: Iterable[str] = ("csv", "png"),
    bom: bool = True,
) -> dict[str, bytes]:
    """The current view as files, by name: the table and the chart ``chart``.

    The table (:func:`table_frame`) comes as ``csv`` (UTF-8 with a BOM, so Excel reads
    Vietnamese; ``bom=False``: without) or ``xlsx``, headers and status words in the
    state's language, numbers formatted for a spreadsheet (``kpitools.io.export``: in
    Excel, counts ``224.000``, attainment ``209,4%``, the year ``2023`` as a Vietnamese
    Excel shows them); the chart as ``png`` or ``svg`` (drawn by vl-convert, no browser or
    network needed).

    Examples
    --------
    >>> ds = load_dataset(["data/demo_panel.csv"], units="data/units.csv",
    ...                   catalog="data/metrics.csv")
    >>> panel = Panel.from_dataset(ds)
    >>> files = export_files(panel, start_state(panel, year=2023), formats=["csv", "svg"])
    >>> sorted(files), files["admissions-2023.csv"].decode("utf-8-sig")[:20]
    (['admissions-2023.csv', 'ranked-admissions-2023.svg'], 'Hạng,Mã đơn vị,Đơn v')
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
        from kpitools.io.export import csv_bytes, excel_bytes

        # text a spreadsheet would run as a formula: ' in the CSV, a text cell in Excel
        frame = table_frame(panel, state)
        if "csv" in formats:
            files[f"{stem}.csv"] = csv_bytes(frame, lang=state.lang, bom=bom)
        if "xlsx" in formats:
            files[f"{stem}.xlsx"] = excel_bytes(frame, lang=state.lang, sheet=state.metric)
    if any(f in CHART_FORMATS for f in formats):
        drawn = view_chart(panel, state, chart)
        for fmt in CHART_FORMATS:
            if fmt in formats:
                files[f"{chart}-{stem}.{fmt}"] = _chart_bytes(drawn, fmt)
    return files


#: What a spreadsheet reads as the start of a formula (OWASP's CSV-injection list).
_FORMULA_START = r"^[=+\-@\t\r]"


def inert_cells(frame: pl.DataFrame) -> pl.DataFrame:
    """The frame with every text cell that a spreadsheet would run as a formula shown as text.

    A unit name such as ``=HYPERLINK("http://…")`` opened from a CSV or Excel export would be
    a live formula; a leading ``'`` makes Excel and LibreOffice show it as it is written.

    Examples
    --------
    >>> inert_cells(pl.DataFrame({"unit": ["=1+1", "Đông Anh", "-2"], "n": [1, 2, 3]})).rows()
    [("'=1+1", 1), ('Đông Anh', 2), ("'-2", 3)]
    """
    return frame.with_columns(
        pl.when(pl.col(name).str.contains(_FORMULA_START))
        .then(pl.lit("'") + pl.col(name))
        .otherwise(pl.col(name))
        .alias(name)
        for name, dtype in frame.schema.items()
        if dtype == pl.String
    )


def save_files(files: dict[str, bytes], folder: str | Path) -> list[Path]:
    """Write ``files`` into ``folder`` (made if missing), each atomically.

    Returns the paths written. Only the last part of each name is used, so a name cannot
    lead outside ``folder``.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     saved = save_files({"../admissions-2023.csv": b"rank,unit_code"}, Path(tmp) / "out")
    ...     [(p.parent.name, p.name, p.read_bytes()) for p in saved]
    [('out', 'admissions-2023.csv', b'rank,unit_code')]
    """
    from kpitools._atomic import atomic_path

    saved = []
    for name, content in files.items():
        path = Path(folder).expanduser() / Path(name).name
        with atomic_path(path) as tmp:
            tmp.write_bytes(content)
        saved.append(path)
    return saved


_QUOTED_UNIT = re.compile(r"^unknown unit '(.*?)'(?:;|$)")


def _shown_value(issue: DataIssue) -> Any:
    """The value of a problem; an unknown unit's is the name or code in its message."""
    if issue.value is None and (found := _QUOTED_UNIT.match(issue.message)):
        return found.group(1)
    return issue.value


def _value_cell(issue: DataIssue) -> str:
    value = _shown_value(issue)
    return "" if value is None else f"<code>{html.escape(show_value(value))}</code>"


def problems_html(issues: Sequence[DataIssue], *, lang: str = "vi", limit: int = 50) -> str:
    """Data problems as an HTML list a reader can act on.

    Each row gives the file, row, column, value and what is wrong (every value escaped).

    Examples
    --------
    >>> problems_html([DataIssue("not a number", file="a.csv", row=3, column="actual",
    ...                          value="<b>")], lang="en").count("&lt;b&gt;")
    1
    """
    e = html.escape
    files = sorted({i.file for i in issues if i.file}) or ["?"]
    heads = "".join(
        f"<th>{e(vocab.word(f'explore.{k}', lang))}</th>"
        for k in ("where_file", "where_row", "where_column", "where_value", "where_message")
    )
    body = "".join(
        "<tr>"
        f"<td>{e(Path(i.file).name if i.file else '')}</td>"
        f"<td>{'' if i.row is None else i.row}</td>"
        f"<td>{e(i.column or '')}</td>"
        f"<td>{_value_cell(i)}</td>"
        f"<td>{e(i.message)}</td>"
        "</tr>"
        for i in issues[:limit]
    )
    more = (
        f"<p>{e(vocab.word('explore.more', lang, n=len(issues) - limit))}</p>"
        if len(issues) > limit
        else ""
    )
    title = vocab.word(
        "explore.problems", lang, n=len(issues), file=", ".join(Path(f).name for f in files)
    )
    return (
        f'<div class="kt-problems" role="alert"><strong>{e(title)}</strong>'
        f"<table><thead><tr>{heads}</tr></thead><tbody>{body}</tbody></table>{more}</div>"
    )
