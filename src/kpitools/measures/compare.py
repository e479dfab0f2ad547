"""Measures that compare a figure with another: the year before, other units, the time elapsed.

Year-over-year change, target stretch and movers; rank within a year and share of the
parent; pace for figures taken before the end of their period.
"""

from __future__ import annotations

import polars as pl

from kpitools.measures.calendar import (
    MATCHED_COLUMNS,
    PERIOD_COLUMNS,
    PERIOD_FROM,
    PERIOD_TO,
    has_period_starts,
    lazy_with_internal_period,
    with_internal_period,
    with_registry_rows,
)
from kpitools.measures.ratios import (
    DEFAULT_BANDS,
    ENGINE,
    SERIES_KEY,
    Bands,
    FrameT,
    attainment,
    column_names,
    finite_or_null,
    nan_as_null,
    ratio,
    with_measures,
)
from kpitools.registry import UnitRegistry

#: Why a row has no figure of the year before (``yoy_note``).
NO_PREVIOUS = "no row the year before"


OTHER_PERIOD = "other period the year before"


OTHER_UNIT = "other unit the year before"


def _part_of_year(column: str) -> pl.Expr:
    return pl.col(column).dt.month().cast(pl.Int32) * 100 + pl.col(column).dt.day().cast(pl.Int32)


def _previous(
    kpis: FrameT, columns: dict[str, str], *, registry: UnitRegistry | None = None
) -> FrameT:
    """Join each row with the same unit, metric and part of the year one year earlier.

    Without periods or a registry, the row of the same unit and metric one year earlier
    (row order kept). With them, the earlier row must cover the same part of its year
    (1/1–31/12 with 1/1–31/12, never a first half with a whole year) and, with a registry,
    be of the same unit (a reused code is another unit); ``_prev_note`` says why a row has
    none.
    """
    names = column_names(kpis)
    lazy = kpis.lazy()
    if not has_period_starts(names) and registry is None:
        prev = lazy.select(
            *SERIES_KEY,
            (pl.col("year") + 1).alias("year"),
            *[pl.col(c).alias(a) for c, a in columns.items()],
        )
        out = lazy.join(prev, on=[*SERIES_KEY, "year"], how="left", maintain_order="left")
        return out if isinstance(kpis, pl.LazyFrame) else out.collect(engine=ENGINE)
    work = lazy_with_internal_period(kpis).with_columns(
        _part_of_year(PERIOD_FROM).alias("_pf_md"), _part_of_year(PERIOD_TO).alias("_pt_md")
    )
    if registry is not None:
        work = with_registry_rows(work, registry)
    else:
        work = work.with_columns(pl.lit(None, pl.Int64).alias("_uid"))
    keys = [*SERIES_KEY, "year", "_pf_md", "_pt_md"]
    prev = work.select(
        *SERIES_KEY,
        (pl.col("year") + 1).alias("year"),
        "_pf_md",
        "_pt_md",
        pl.col("_uid").alias("_uid_prev"),
        pl.lit(True).alias("_found"),
        *[pl.col(c).alias(a) for c, a in columns.items()],
    )
    any_prev = (
        work.select(*SERIES_KEY, (pl.col("year") + 1).alias("year"))
        .unique()
        .with_columns(pl.lit(True).alias("_any_prev"))
    )
    other_unit = pl.col("_found").fill_null(False) & pl.col("_uid").ne_missing(pl.col("_uid_prev"))
    out = (
        work.join(prev, on=keys, how="left", maintain_order="left")
        .join(any_prev, on=[*SERIES_KEY, "year"], how="left", maintain_order="left")
        .with_columns(
            pl.when(pl.col("_found").is_null() & pl.col("_any_prev").is_null())
            .then(pl.lit(NO_PREVIOUS))
            .when(pl.col("_found").is_null())
            .then(pl.lit(OTHER_PERIOD))
            .when(other_unit)
            .then(pl.lit(OTHER_UNIT))
            .alias("_prev_note"),
            *[pl.when(~other_unit).then(pl.col(a)).alias(a) for a in columns.values()],
        )
        .drop(
            PERIOD_FROM,
            PERIOD_TO,
            "_pf_md",
            "_pt_md",
            "_uid_prev",
            "_found",
            "_any_prev",
            *MATCHED_COLUMNS,
            strict=False,
        )
    )
    return out if isinstance(kpis, pl.LazyFrame) else out.collect(engine=ENGINE)


def yoy_change(
    kpis: FrameT, *, value: str = "actual", registry: UnitRegistry | None = None
) -> FrameT:
    """Year-over-year change of ``value`` for each unit and metric.

    Adds ``{value}_prev`` (the figure one year earlier, null when that year is missing:
    a gap in the years is never bridged), ``yoy_change`` (difference) and ``yoy_pct``
    (relative change as a fraction; null when the previous figure is missing or 0).

    When the table has a ``period_start`` column or a ``registry`` is given, the figure
    of the year before must cover the same part of its year (a 2025 first half is not
    compared with the whole of 2024, nor a 2026 year with 2025's second half) and, with a
    registry, belong to the same unit (a code reused for a new unit after 2025-07-01 is
    another unit); ``yoy_note`` then says why a row has no previous figure: ``no row the
    year before``, ``other period the year before`` or ``other unit the year before``.

    Examples
    --------
    >>> df = pl.DataFrame({"unit_code": ["017"] * 3, "metric": ["admissions"] * 3,
    ...                    "year": [2021, 2022, 2024], "actual": [100.0, 120.0, 90.0]})
    >>> yoy_change(df)["yoy_pct"].to_list()
    [None, 0.2, None]
    >>> import datetime as dt
    >>> split = pl.DataFrame({"unit_code": ["01"] * 2, "metric": ["m"] * 2,
    ...     "year": [2024, 2025], "period_start": [None, dt.date(2025, 7, 1)],
    ...     "as_of": [None, dt.date(2025, 12, 31)], "actual": [100.0, 60.0]})
    >>> yoy_change(split).select("yoy_change", "yoy_note").row(1)
    (None, 'other period the year before')
    """
    prev = f"{value}_prev"
    out = _previous(kpis, {value: prev}, registry=registry)
    out = out.with_columns(
        finite_or_null(nan_as_null(value) - nan_as_null(prev)).alias("yoy_change"),
        ratio(pl.col(value) - pl.col(prev), pl.col(prev)).alias("yoy_pct"),
    )
    if "_prev_note" in column_names(out):
        out = out.with_columns(pl.col("_prev_note").alias("yoy_note")).drop("_prev_note")
    return out


def target_stretch(kpis: FrameT, *, registry: UnitRegistry | None = None) -> FrameT:
    """Target this year divided by the actual of the year before (``stretch``).

    A stretch of 1.1 asks for 10 % more than was achieved last year; null when either
    figure is missing or last year's actual was 0. The year before is matched as in
    :func:`yoy_change`: the same part of the year and, with a ``registry``, the same unit.

    Examples
    --------
    >>> df = pl.DataFrame({"unit_code": ["017"] * 2, "metric": ["admissions"] * 2,
    ...                    "year": [2022, 2023], "target": [90.0, 110.0],
    ...                    "actual": [100.0, 120.0]})
    >>> target_stretch(df)["stretch"].to_list()
    [None, 1.1]
    """
    tmp = "_actual_prev_year"
    out = _previous(kpis, {"actual": tmp}, registry=registry)
    out = out.with_columns(ratio(pl.col("target"), pl.col(tmp)).alias("stretch")).drop(tmp)
    return out.drop("_prev_note") if "_prev_note" in column_names(out) else out


def rank_within_year(
    kpis: FrameT, *, by: str = "attainment", descending: bool = True, level: bool = True
) -> FrameT:
    """Rank units within each year and metric (1 = best); ties share the better rank.

    Units are ranked among units of the same ``level`` unless ``level=False``, and only
    among rows of the same period (see :func:`with_periods`): in 2025 the districts of
    the first half and the new units of the second half are ranked apart, never together.
    Rows whose ``by`` value is null get a null rank. When ``by="attainment"`` and the
    frame has no such column, attainment is computed (and kept); an existing column is
    used as it is.

    Examples
    --------
    >>> df = pl.DataFrame({"year": [2023] * 4, "metric": ["m"] * 4, "level": ["district"] * 4,
    ...                    "actual": [90.0, 120.0, 90.0, 5.0],
    ...                    "target": [100.0, 100.0, 100.0, None]})
    >>> rank_within_year(df)["rank"].to_list()
    [2, 1, 2, None]
    """
    names = column_names(kpis)
    if by not in names:
        if by != "attainment":
            raise ValueError(f"cannot rank by {by!r}: no such column")
        kpis = kpis.with_columns(attainment())
    group = ["year", "metric", *(["level"] if level else [])]
    rank = nan_as_null(by).rank("min", descending=descending).cast(pl.Int32).alias("rank")
    if not has_period_starts(names):
        return kpis.with_columns(rank.over(group))
    return (
        with_internal_period(kpis)
        .with_columns(rank.over(*group, *PERIOD_COLUMNS))
        .drop(*PERIOD_COLUMNS)
    )


def share_of_parent(kpis: FrameT, *, registry: UnitRegistry) -> FrameT:
    """Each unit's share of its parent's figure (``actual``) for the year and metric.

    The denominator is the parent's own figure for the same period when the data has a
    row for it, otherwise the sum over the parent's units present in the data for that
    period (so those shares add up to 1); ``share_basis`` says which (``parent`` /
    ``sum``). A unit's parent is the one the registry gives it in the row's period (a
    parent can change at a date). Units without a parent in ``registry`` (the city) and
    units unknown to it get a null share and basis.

    Examples
    --------
    >>> reg = UnitRegistry.from_frame(pl.DataFrame({"code": ["01", "001", "017"],
    ...     "name": ["Hà Nội", "Ba Đình", "Đông Anh"], "level": ["city", "district", "district"],
    ...     "parent": [None, "01", "01"]}))
    >>> df = pl.DataFrame({"unit_code": ["001", "017"], "year": [2024, 2024],
    ...                    "metric": ["m", "m"], "actual": [30.0, 10.0]})
    >>> share_of_parent(df, registry=reg).select("share", "share_basis").rows()
    [(0.75, 'sum'), (0.25, 'sum')]
    """
    keys = ["parent", "year", "metric", *PERIOD_COLUMNS]
    lazy = lazy_with_internal_period(kpis)
    with_parent = (
        with_registry_rows(lazy, registry)
        .with_columns(pl.col("_parent").alias("parent"))
        .drop(*MATCHED_COLUMNS)
    )
    own = lazy.select(
        pl.col("unit_code").alias("parent"),
        "year",
        "metric",
        *PERIOD_COLUMNS,
        pl.col("actual").alias("_parent_own"),
    )
    sums = with_parent.group_by(keys).agg(nan_as_null("actual").sum().alias("_parent_sum"))
    out = (
        with_parent.join(own, on=keys, how="left", maintain_order="left")
        .join(sums, on=keys, how="left", maintain_order="left")
        .with_columns(
            pl.when(pl.col("parent").is_null())
            .then(None)
            .when(nan_as_null("_parent_own").is_not_null())
            .then(pl.lit("parent"))
            .otherwise(pl.lit("sum"))
            .alias("share_basis"),
        )
        .with_columns(
            ratio(
                pl.col("actual"),
                pl.when(pl.col("share_basis") == "parent")
                .then(pl.col("_parent_own"))
                .when(pl.col("share_basis") == "sum")
                .then(pl.col("_parent_sum")),
            ).alias("share")
        )
        .drop("_parent_own", "_parent_sum", *PERIOD_COLUMNS)
    )
    return out if isinstance(kpis, pl.LazyFrame) else out.collect(engine=ENGINE)


def _days_in_year(year: pl.Expr) -> pl.Expr:
    leap = ((year % 4 == 0) & (year % 100 != 0)) | (year % 400 == 0)
    return pl.when(leap).then(366).otherwise(365)


def pace(kpis: FrameT, *, registry: UnitRegistry | None = None) -> FrameT:
    """Progress for figures taken before the end of their period.

    Adds ``elapsed`` (share of the period elapsed at ``as_of``, counting the as-of day, so
    30/11/2023 is 334/365 and 30/11/2024 is 335/366; 1.0 for figures taken on or after
    its last day, 0.0 for figures dated before it began), ``expected_to_date``
    (target × elapsed, assuming even progress through the period), ``pace`` (actual /
    expected_to_date) and ``projected`` (actual / elapsed, the figure at the period's end
    if the pace holds). The last three are null for figures taken at the period's end,
    where attainment already says everything, and wherever their denominator is missing
    or 0.

    The period is the row's (see :func:`with_periods`): the year, or from its
    ``period_start`` to the day before the next period of the same year starts in the
    table (2025's first half ends on 30/6 when second-half rows start on 1/7), else to
    31 December — and, with a ``registry``, never past the day the unit ceased (a
    district's plan ended on 2025-06-30).

    Examples
    --------
    >>> import datetime as dt
    >>> df = pl.DataFrame({"year": [2023], "as_of": [dt.date(2023, 11, 30)],
    ...                    "actual": [10479.0], "target": [9810.0]})
    >>> row = pace(df).row(0, named=True)
    >>> round(row["elapsed"], 4), round(row["projected"])
    (0.9151, 11452)
    >>> h2 = pl.DataFrame({"year": [2025], "period_start": [dt.date(2025, 7, 1)],
    ...     "as_of": [dt.date(2025, 9, 30)], "actual": [50.0], "target": [100.0]})
    >>> round(pace(h2)["elapsed"].item(), 4)  # 92 of the half-year's 184 days
    0.5
    """
    names = column_names(kpis)
    year = pl.col("year")
    if not has_period_starts(names) and registry is None:
        day = (pl.col("as_of") - pl.date(year, 1, 1)).dt.total_days() + 1
        elapsed = (day.cast(pl.Float64) / _days_in_year(year)).clip(0.0, 1.0)
        out = kpis.with_columns(elapsed.alias("elapsed"))
    else:
        lazy = lazy_with_internal_period(kpis)
        if registry is not None:  # a unit's plan ends when it ceases
            lazy = with_registry_rows(lazy, registry).with_columns(
                pl.min_horizontal(PERIOD_TO, "_vt").alias(PERIOD_TO)
            )
        day = (pl.col("as_of") - pl.col(PERIOD_FROM)).dt.total_days() + 1
        span = (pl.col(PERIOD_TO) - pl.col(PERIOD_FROM)).dt.total_days() + 1
        elapsed = pl.when(span > 0).then((day.cast(pl.Float64) / span).clip(0.0, 1.0))
        lazy = lazy.with_columns(elapsed.alias("elapsed")).drop(
            *PERIOD_COLUMNS, *MATCHED_COLUMNS, strict=False
        )
        out = lazy if isinstance(kpis, pl.LazyFrame) else lazy.collect(engine=ENGINE)
    partial = pl.col("elapsed") < 1.0
    return out.with_columns(
        pl.when(partial)
        .then(finite_or_null(nan_as_null("target") * pl.col("elapsed")))
        .alias("expected_to_date"),
        pl.when(partial)
        .then(ratio(pl.col("actual"), pl.col("target") * pl.col("elapsed")))
        .alias("pace"),
        pl.when(partial).then(ratio(pl.col("actual"), pl.col("elapsed"))).alias("projected"),
    )


def movers(kpis: pl.DataFrame, *, year: int, bands: Bands = DEFAULT_BANDS) -> pl.DataFrame:
    """How each unit's attainment moved from the year before to ``year``, per metric.

    Returns ``unit_code``, ``unit_name``, ``metric``, ``attainment``, ``attainment_prev``
    and ``change`` (in fractions: 0.12 = 12 percentage points), sorted by metric and
    ``change`` descending; units without both years' attainment are left out, and so are
    rows whose year before covers another part of the year (2025's halves have no
    counterpart in 2024 or 2026; see :func:`yoy_change`).

    Examples
    --------
    >>> ds = load_dataset(["data/demo_panel.csv"], units="data/units.csv",
    ...                   catalog="data/metrics.csv")
    >>> moved = movers(ds.kpis, year=2023)
    >>> moved.columns
    ['unit_code', 'unit_name', 'metric', 'attainment', 'attainment_prev', 'change', 'source']
    >>> moved.select("unit_name", "metric", pl.col("change").round(3)).row(0)
    ('Thanh Trì', 'admissions', 1.047)
    """
    measured = with_measures(kpis, bands=bands)
    if has_period_starts(measured.columns):
        # the same part of the year, one year apart (see yoy_change)
        return (
            _previous(
                measured.filter(pl.col("year").is_between(year - 1, year)),
                {"attainment": "attainment_prev"},
            )
            .filter(pl.col("year") == year)
            .with_columns(
                finite_or_null(pl.col("attainment") - pl.col("attainment_prev")).alias("change")
            )
            .filter(pl.col("change").is_not_null())
            .select(
                "unit_code",
                "unit_name",
                "metric",
                "attainment",
                "attainment_prev",
                "change",
                "source",
            )
            .sort(["metric", "change"], descending=[False, True])
        )
    prev = measured.filter(pl.col("year") == year - 1).select(
        *SERIES_KEY, pl.col("attainment").alias("attainment_prev")
    )
    return (
        measured.filter(pl.col("year") == year)
        .join(prev, on=list(SERIES_KEY), how="inner")
        .with_columns(
            finite_or_null(pl.col("attainment") - pl.col("attainment_prev")).alias("change")
        )
        .filter(pl.col("change").is_not_null())
        .select(
            "unit_code", "unit_name", "metric", "attainment", "attainment_prev", "change", "source"
        )
        .sort(["metric", "change"], descending=[False, True])
    )
