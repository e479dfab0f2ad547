"""The ranked chart: units in order of attainment in one year."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Literal

import altair as alt
import polars as pl

from kpitools.catalog import MetricCatalog
from kpitools.charts.build import layer_views, unchecked_builder
from kpitools.charts.parts import (
    PERCENT_FORMAT,
    chart_title,
    empty_chart,
    rule_at_one,
    stacked_parts,
    status_legend,
    status_scale,
    styled,
    unit_picker,
    unit_tooltip,
    when_test,
    year_dropdown,
)
from kpitools.charts.periods import structure_lines, with_period_labels
from kpitools.charts.rows import (
    eager,
    has_synthetic,
    highlighted,
    in_period,
    measured,
    metric_code,
    targeted_years,
    units_only,
)
from kpitools.measures import (
    DEFAULT_BANDS,
    Bands,
    rank_within_year,
    with_periods,
)
from kpitools.registry import UnitRegistry
from kpitools.vocab import check_lang, word


def _ranked_menu(
    data: pl.DataFrame, period_labels: list[str], year: int | None, lang: str
) -> tuple[alt.Parameter, str]:
    """The dropdown of :func:`ranked_chart` and the field it filters: years, or periods."""
    if not period_labels:
        years = sorted(set(data["year"].to_list()))
        return year_dropdown("ranked_year", years, lang, year), "year"
    shown = [p for p in period_labels if p in set(data["period"].to_list())]
    latest = [p for p in shown if p.endswith(str(year))] if year is not None else []
    choice = alt.param(
        name="ranked_year",
        value=(latest or shown)[-1],
        bind=alt.binding_select(
            options=shown, labels=shown, name=f"{word('table.period', lang)}: "
        ),
    )
    return choice, "period"


@unchecked_builder
def ranked_chart(
    kpis: pl.DataFrame,
    *,
    catalog: MetricCatalog,
    metric: str,
    year: int | None = None,
    lang: str = "vi",
    bands: Bands = DEFAULT_BANDS,
    highlight: str | Sequence[str] | None = None,
    title: str = "",
    width: int = 420,
    menu: bool | None = None,
    select: str | None = None,
    period: dt.date | None = None,
    registry: UnitRegistry | None = None,
) -> alt.TopLevelMixin:
    """Units ranked by attainment in one year, best first, with a dashed rule at 100 %.

    Bars are coloured by status and labelled with the attainment; units without a target
    are listed last with the words "no target" in place of a bar. ``highlight`` (a unit
    code or exact name, or several) outlines that unit's bar and writes its label in bold.
    With ``menu=True`` (the default when ``year`` is None) a dropdown chooses among the
    years in which some unit has a target, starting at ``year`` (or the latest).

    ``select`` makes the chart report clicks to Python (``alt.JupyterChart``): a point
    selection of that name over ``unit_code`` (click a bar, shift-click adds one,
    double-click clears), and the outlined units become the list parameter
    ``<select>_marked``, which a front end may set (see :mod:`kpitools.explore`).

    Units are ranked only against units of the same period (see
    :func:`kpitools.measures.with_periods`): a year split into periods (2025: the first
    half by district, the second by new unit) is drawn as one ranking per period, one
    above the other, unless ``period`` (the first day of one) chooses one; the menu then
    lists the periods rather than the years. The subtitle says which units are ranked
    (``30 quận, huyện, thị xã · 2023``); a ``registry`` lets it name their types.

    Examples
    --------
    >>> from kpitools.catalog import MetricCatalog
    >>> cat = MetricCatalog.from_frame(pl.DataFrame({"code": ["m"], "label_vi": ["Chỉ số"],
    ...     "label_en": ["Metric"], "unit_vi": ["người"], "unit_en": ["people"],
    ...     "kind": ["count"]}))
    >>> df = pl.DataFrame({"unit_code": ["001", "017"], "unit_name": ["Ba Đình", "Đông Anh"],
    ...     "year": [2023, 2023], "metric": ["m", "m"], "target": [100.0, 100.0],
    ...     "actual": [95.0, 120.0], "source": ["synthetic"] * 2})
    >>> spec = ranked_chart(df, catalog=cat, metric="m", year=2023).to_dict()
    >>> spec["layer"][-1]["encoding"]["x"]["datum"]
    1.0
    """
    check_lang(lang)
    df = units_only(with_periods(kpis) if "period_start" in kpis.columns else kpis)
    code = metric_code(df, metric, catalog)
    label = catalog.label(code, lang=lang)
    menu = year is None if menu is None else menu
    heading = title or (label if menu else f"{label} – {year}")
    df = df.filter(pl.col("metric") == code)
    chosen = highlighted(df, highlight)
    lines = structure_lines(
        df if year is None or menu else df.filter(pl.col("year") == year), registry, lang, period
    )
    df = in_period(df, period)
    if year is not None and not menu:
        df = df.filter(pl.col("year") == year)
        starts = with_periods(df)["period_from"].unique().sort().to_list() if df.height else []
        if len(starts) > 1:
            options: dict[str, Any] = {"catalog": catalog, "metric": code, "year": year}
            options |= {"lang": lang, "bands": bands, "width": width, "registry": registry}
            parts = [
                # a selection's name is defined once: the first ranking carries it
                ranked_chart(
                    df,
                    **options,
                    highlight=chosen or None,
                    title=" ",
                    menu=False,
                    select=select if n == 0 else None,
                    period=start,
                )
                for n, start in enumerate(starts)
            ]
            return stacked_parts(parts, heading, lang)
    elif df.height:
        df = targeted_years(df, keep=year)  # a year nobody has a target for ranks nothing
        if df.is_empty():
            return empty_chart(lang=lang, title=heading, message="no_targets")
    if df.is_empty():
        return empty_chart(lang=lang, title=heading)
    df, period_labels = with_period_labels(df, lang)
    groups = ["year", *(["period"] if period_labels else [])]
    m = eager(rank_within_year(measured(df, bands=bands, lang=lang), level=False))
    m = m.sort(*groups, pl.col("attainment").is_null(), "rank", "unit_code").with_columns(
        pl.int_range(pl.len()).over(groups).cast(pl.Int32).alias("order"),
        pl.col("unit_code").is_in(chosen).alias("highlight"),
    )
    data = m.select(
        "unit_code",
        "unit_name",
        "year",
        "actual",
        "target",
        "attainment",
        "status_label",
        "rank",
        "order",
        "highlight",
        *(["period"] if period_labels else []),
    )
    top = max(1.1, float(data["attainment"].max() or 0.0) * 1.18)  # type: ignore[arg-type]
    x_scale = alt.Scale(domain=[0, round(top, 4)], nice=False)
    y = alt.Y("unit_name:N", title=None, sort=alt.EncodingSortField("order", op="min"))
    tooltip = unit_tooltip(lang, alt.Tooltip("rank:O", title=word("chart.rank", lang)))
    picker: list[alt.Parameter] = []
    marked = "datum.highlight"
    if select is not None:
        picker, marked = unit_picker(select, chosen)
    bars = (
        alt.Chart(data)
        .mark_bar(height={"band": 0.75})
        .encode(
            x=alt.X(
                "attainment:Q",
                scale=x_scale,
                title=word("chart.attainment", lang),
                axis=alt.Axis(format=".0%", grid=True),
            ),
            y=y,
            color=alt.Color(
                "status_label:N", scale=status_scale(bands, lang), legend=status_legend(lang)
            ),
            stroke=when_test(alt.StrokeValue, marked, "black", None),
            strokeWidth=when_test(alt.StrokeWidthValue, marked, 2, 0),
            tooltip=tooltip,
        )
        .transform_filter("isValid(datum.attainment)")
        .add_params(*picker)
    )

    def labels(bold: bool) -> list[alt.Chart]:
        weight: Literal["bold", "normal"] = "bold" if bold else "normal"
        which = marked if bold else ("!datum.highlight" if select is None else f"!({marked})")
        values = (
            alt.Chart(data)
            .mark_text(align="left", dx=4, fontSize=11, fontWeight=weight)
            .encode(
                x=alt.X("attainment:Q", scale=x_scale),
                y=y,
                text=alt.Text("attainment:Q", format=PERCENT_FORMAT),
                tooltip=tooltip,
            )
            .transform_filter(f"isValid(datum.attainment) && {which}")
        )
        no_target = (
            alt.Chart(data)
            .mark_text(
                align="left",
                dx=4,
                fontSize=11,
                color="#666666",
                fontStyle="italic",
                fontWeight=weight,
            )
            .encode(x=alt.XDatum(0), y=y, text=alt.Text("status_label:N"), tooltip=tooltip)
            .transform_filter(f"!isValid(datum.attainment) && {which}")
        )
        return [values, no_target]

    layers = [bars, *labels(bold=False), *labels(bold=True)]
    if menu:
        choice, field = _ranked_menu(data, period_labels, year, lang)
        layers = [layer.transform_filter(getattr(alt.datum, field) == choice) for layer in layers]
    chart = layer_views(
        *layers,
        rule_at_one("x"),
        width=width,
        height=alt.Step(18),
        title=chart_title(heading, has_synthetic(df), lang, lines),
    )
    if menu:
        chart = chart.add_params(choice)
    return styled(chart, lang)
