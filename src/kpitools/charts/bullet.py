"""The bullet chart: actual against target, one row per metric or per unit."""

from __future__ import annotations

import altair as alt
import polars as pl

from kpitools.catalog import MetricCatalog
from kpitools.charts.build import layer_views, unchecked_builder
from kpitools.charts.parts import (
    COUNT_FORMAT,
    PERCENT_FORMAT,
    chart_title,
    empty_chart,
    independent,
    status_keys,
    styled,
)
from kpitools.charts.rows import finite_columns, finite_number, has_synthetic
from kpitools.measures import (
    DEFAULT_BANDS,
    Bands,
    attainment,
    status,
)
from kpitools.vocab import check_lang, word


def _prior_values(kpis: pl.DataFrame, prior: pl.DataFrame | str | None) -> list[float | None]:
    if prior is None:
        return [None] * kpis.height
    if isinstance(prior, str):
        if prior not in kpis.columns:
            raise ValueError(f"prior={prior!r} is not a column of the table")
        return [finite_number(v) for v in kpis[prior].to_list()]
    keys = [k for k in ("unit_code", "metric") if k in kpis.columns and k in prior.columns]
    if not keys or "actual" not in prior.columns:
        raise ValueError("a prior frame needs 'actual' and the key columns unit_code or metric")
    prev = prior.select(*keys, pl.col("actual").alias("_prior"))
    if prev.select(keys).is_duplicated().any():
        raise ValueError(f"the prior frame has more than one row for some {' and '.join(keys)}")
    joined = kpis.select(keys).join(prev, on=keys, how="left", maintain_order="left")
    return [finite_number(v) for v in joined["_prior"].to_list()]


def _bullet_data(
    kpis: pl.DataFrame,
    priors: list[float | None],
    *,
    catalog: MetricCatalog,
    lang: str,
    bands: Bands,
    row: str,
) -> pl.DataFrame:
    """One row per bullet: its figures, band edges, the end of its scale and its heading.

    Columns: the figures, the band edges ``b0``…``bN`` (null without a target), the end
    ``top`` of the row's scale and its ``heading``.
    """
    if row not in kpis.columns:
        raise ValueError(f"row={row!r} is not a column of the table")
    df = finite_columns(kpis, ["actual", "target"]).with_columns(
        pl.when(pl.col("target") != 0).then(pl.col("target")).alias("target"),
        pl.Series("prior", priors, dtype=pl.Float64),
    )
    target = pl.col("target")
    most = pl.max_horizontal(
        pl.col("actual").fill_null(0.0),
        pl.col("prior").fill_null(0.0),
        target.fill_null(0.0) * max(bands.edges[-1], 1.0),
    )
    edges = [f"b{i}" for i in range(len(bands.edges) + 1)]
    display = {k: bands.display(k, lang=lang) for k in status_keys(bands)}
    texts = {c: pl.col(c).cast(pl.String).fill_null("") for c in df.columns}
    if "metric" in df.columns:
        names = {m: catalog.label(m, lang=lang) for m in df["metric"].unique().drop_nulls()}
        texts["metric"] = pl.col("metric").replace_strict(names, default="", return_dtype=pl.String)
    context = [c for c in ("metric", "unit_name", "year") if c in df.columns and c != row]
    df = df.with_columns(attainment(), texts[row].alias("label")).with_columns(
        status(bands=bands).replace_strict(display, return_dtype=pl.String),
        pl.when(target.is_not_null()).then(pl.lit(0.0)).alias("b0"),
        *[(target * edge).alias(f"b{i}") for i, edge in enumerate(bands.edges, 1)],
        pl.when(most > 0).then(most * 1.05).otherwise(pl.lit(1.0)).alias("top"),
    )
    headings = _headings(
        df["label"].to_list(),
        list(df.select(texts[c] for c in context).iter_rows()) if context else [()] * df.height,
        _synthetic_rows(df),
    )
    shown = [c for c in ("unit_name", "year") if c in df.columns and c != row]
    numbers = ["actual", "target", "prior", "attainment", *edges, "top"]
    return finite_columns(df.select("label", *shown, *numbers, "status"), numbers).with_columns(
        pl.Series("heading", headings, dtype=pl.String)
    )


def _headings(
    labels: list[str], contexts: list[tuple[str, ...]], synthetic: list[bool]
) -> list[str]:
    """Distinct row headings (a facet draws one row per heading).

    Each is the label, then, for rows that share it, the metric, unit or year that tell
    them apart, and `` *`` if synthetic.
    """
    groups: dict[str, list[int]] = {}
    for i, label in enumerate(labels):
        groups.setdefault(label, []).append(i)
    headings: list[str] = []
    for i, label in enumerate(labels):
        same = groups[label]
        parts = [
            part
            for j, part in enumerate(contexts[i])
            if part and len({contexts[k][j] for k in same}) > 1
        ]
        heading = " · ".join([label, *parts])
        star = " *" if synthetic[i] else ""
        final, n = heading + star, 2
        while final in headings:
            final, n = f"{heading} ({n}){star}", n + 1
        headings.append(final)
    return headings


def _greys(n: int) -> list[str]:
    """``n`` shades of grey, darkest first (the band furthest below target)."""
    steps = [round(0x99 + (0xE6 - 0x99) * i / max(n - 1, 1)) for i in range(n)]
    return [f"#{s:02x}{s:02x}{s:02x}" for s in steps]


def _synthetic_rows(df: pl.DataFrame) -> list[bool]:
    if "source" not in df.columns:
        return [False] * df.height
    return (df["source"] == "synthetic").fill_null(False).to_list()


@unchecked_builder
def bullet_chart(
    kpis: pl.DataFrame,
    *,
    catalog: MetricCatalog,
    lang: str = "vi",
    bands: Bands = DEFAULT_BANDS,
    row: str = "metric",
    prior: pl.DataFrame | str | None = None,
    title: str = "",
    width: int = 460,
) -> alt.TopLevelMixin:
    """Bullet graphs (Stephen Few): one row per metric (or per unit with ``row="unit_name"``).

    Each row has its own scale: grey bands at the status edges (shades of one hue), a dark
    bar for the actual figure and a black tick at the target. Rows without a target (or
    with a target of 0) show the bar only. ``prior`` adds a white diamond at last year's
    figure: the name of a column of ``kpis`` (e.g. ``actual_prev`` from
    :func:`kpitools.measures.yoy_change`) or a frame of last year's rows, matched on
    ``unit_code`` and ``metric``. Tooltips give unit, year, actual, target, attainment and
    status. Rows are kept in the order given; a synthetic row's label ends in `` *``.

    The chart is one layered chart over one dataset, faceted by row with independent x
    scales, so the spec stays small however many rows there are.

    Examples
    --------
    >>> df = pl.DataFrame({"metric": ["party_orgs_nonstate"], "actual": [109.0],
    ...                    "target": [69.0], "source": ["seed.txt"]})
    >>> from kpitools.catalog import MetricCatalog
    >>> cat = MetricCatalog.from_frame(pl.DataFrame({"code": ["party_orgs_nonstate"],
    ...     "label_vi": ["Tổ chức Đảng"], "label_en": ["Party orgs"], "unit_vi": ["tổ chức"],
    ...     "unit_en": ["organizations"], "kind": ["count"]}))
    >>> spec = bullet_chart(df, catalog=cat).to_dict()
    >>> spec["config"]["locale"]["number"]["decimal"]
    ','
    >>> [r["b1"] for r in spec["datasets"][spec["data"]["name"]]]
    [62.1]
    """
    check_lang(lang)
    if kpis.is_empty():
        return empty_chart(lang=lang, title=title)
    synthetic = has_synthetic(kpis) or (isinstance(prior, pl.DataFrame) and has_synthetic(prior))
    data = _bullet_data(
        kpis, _prior_values(kpis, prior), catalog=catalog, lang=lang, bands=bands, row=row
    )
    tooltip = [
        alt.Tooltip(
            "label:N", title=word("chart.metric" if row == "metric" else "chart.unit", lang)
        )
    ]
    tooltip += [
        alt.Tooltip(f"{column}:N", title=word(f"chart.{key}", lang))
        for column, key in (("unit_name", "unit"), ("year", "year"))
        if column in data.columns
    ]
    tooltip += [
        alt.Tooltip("actual:Q", title=word("chart.actual", lang), format=COUNT_FORMAT),
        alt.Tooltip("target:Q", title=word("chart.target", lang), format=COUNT_FORMAT),
        alt.Tooltip("attainment:Q", title=word("chart.attainment", lang), format=PERCENT_FORMAT),
        alt.Tooltip("status:N", title=word("chart.status", lang)),
    ]
    if prior is not None:
        tooltip.append(alt.Tooltip("prior:Q", title=word("chart.prior", lang), format=COUNT_FORMAT))

    # One scale per row from 0 to ``top``; the invisible point at ``top`` sets its end.
    scale = alt.Scale(zero=True, nice=False)
    axis = alt.Axis(format=COUNT_FORMAT, tickMinStep=1)

    def x(field: str) -> alt.X:
        return alt.X(f"{field}:Q", title=None, scale=scale, axis=axis)

    edges = [f"b{i}" for i in range(len(bands.edges) + 1)]
    layers = [
        # Null edges (no target) are not drawn: Vega-Lite filters invalid x values.
        alt.Chart().mark_bar(size=26, color=shade).encode(x=x(start), x2=alt.X2(end))
        for start, end, shade in zip(edges, [*edges[1:], "top"], _greys(len(edges)), strict=True)
    ]
    layers.append(alt.Chart().mark_bar(size=10, color="#333333").encode(x=x("actual")))
    layers.append(alt.Chart().mark_tick(thickness=3, size=24, color="black").encode(x=x("target")))
    if prior is not None:
        layers.append(
            alt.Chart()
            .mark_point(
                shape="diamond", filled=True, fill="white", stroke="black", size=70, opacity=1
            )
            .encode(x=x("prior"))
        )
    layers.append(alt.Chart().mark_point(opacity=0).encode(x=x("top")))
    chart = layer_views(
        *layers, data=data, width=width, height=26, encoding=alt.SharedEncoding(tooltip=tooltip)
    ).facet(
        row=alt.Row(
            "heading:N",
            title=None,
            sort=data["heading"].to_list(),
            header=alt.Header(
                labelAngle=0,
                labelOrient="top",
                labelAnchor="start",
                labelAlign="left",
                labelLimit=width,
                labelPadding=-6,  # the label sits just above its bar
            ),
        ),
        spacing=14,
        title=chart_title(title, synthetic, lang),
        resolve=independent("x"),
    )
    return styled(chart, lang)
