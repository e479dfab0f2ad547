"""A parent unit against its units: its own figure reconciled with their sum, or rolled up.

:func:`rollup` gives a unit's own rows, else the sum of its units' rows.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from kpitools.measures.calendar import (
    MATCHED_COLUMNS,
    PERIOD_COLUMNS,
    PERIOD_FROM,
    PERIOD_TO,
    has_period_starts,
    overlaps,
    with_internal_period,
    with_registry_rows,
)
from kpitools.measures.ratios import ENGINE, Frame, nan_as_null, sum_or_null
from kpitools.registry import UnitRegistry


def reconcile(
    kpis: Frame, *, registry: UnitRegistry, parents: Sequence[str] | None = None
) -> pl.DataFrame:
    """Compare each parent's own figure with the sum of its units, per year, period and metric.

    ``parents`` (codes) limits the comparison to those parents, which is much less work on
    a national table than every parent of it.

    Returns one row per parent × year × metric where the parent has a figure or a unit
    does: ``parent_actual`` / ``children_actual`` (and the same for targets), ``difference``
    (children − parent) and ``target_difference``, ``children_reported`` /
    ``children_expected`` (units of the registry that existed that year), ``missing`` (the
    codes of expected units without a row) and ``reconciled`` (sums of actuals equal, sums
    of targets equal where both are known, and no unit missing). ``as_of_mismatch`` is True
    when some unit's ``as_of`` differs from the parent's. ``reconciled`` is null when there
    is nothing to compare (no figure of the parent's own, or none of its units). ``source``
    is ``synthetic`` when any figure compared is, else the parent's source.

    Only rows of the same period are compared (see :func:`with_periods`): in 2025 the
    city's first half is compared with its districts' first half and its second half with
    the new units' second half, never a sum of the two structures. A unit's parent and the
    units expected are those of the registry in that period (a unit that ceased on
    2025-06-30 is not expected in the second half; a reused code is matched to the unit
    valid then). When the table has a ``period_start`` column, the result ends with
    ``period_from`` and ``period_to``.

    Examples
    --------
    >>> ds = load_dataset(["data/demo_panel.csv", "data/hanoi_2023_seed.csv"],
    ...                   units="data/units.csv", catalog="data/metrics.csv")
    >>> check = reconcile(ds.kpis.filter(pl.col("year") == 2023), registry=ds.registry,
    ...                   parents=["01"])
    >>> admissions = check.filter(pl.col("metric") == "admissions")
    >>> admissions.select("parent_actual", "children_actual", "reconciled").row(0)
    (10479.0, 10479.0, True)
    >>> check.filter(pl.col("metric") == "members_app").select(
    ...     "children_expected", "children_reported", "reconciled").row(0)
    (31, 0, None)
    """
    df = kpis.collect(engine=ENGINE) if isinstance(kpis, pl.LazyFrame) else kpis
    has_periods = has_period_starts(df.columns)
    df = with_internal_period(df)
    matched = with_registry_rows(df.lazy(), registry).collect(engine=ENGINE)
    known = set(registry.units["code"].to_list())
    all_parents = set(registry.units["parent"].drop_nulls().to_list())
    if parents is not None:
        if unknown := [c for c in parents if c not in known]:
            raise ValueError(f"parents: not codes of the registry: {', '.join(unknown)}")
        chosen = set(parents)
        keep = pl.col("unit_code").is_in(list(chosen)) | pl.col("_parent").is_in(list(chosen))
        matched = matched.filter(keep).with_columns(
            pl.when(pl.col("_parent").is_in(list(chosen))).then(pl.col("_parent")).alias("_parent")
        )
        df = matched.drop(*MATCHED_COLUMNS)
        all_parents &= chosen
    keys = ["parent", "year", "metric", *PERIOD_COLUMNS]
    children = matched.rename({"_parent": "parent"}).filter(pl.col("parent").is_not_null())
    own = df.select(
        pl.col("unit_code").alias("parent"),
        "year",
        "metric",
        *PERIOD_COLUMNS,
        pl.col("actual").alias("parent_actual"),
        pl.col("target").alias("parent_target"),
        pl.col("as_of").alias("parent_as_of"),
        pl.col("source").alias("_parent_source"),
    )
    sums = (
        children.join(own.select(*keys, "parent_as_of"), on=keys, how="left")
        .group_by(keys)
        .agg(
            nan_as_null("actual").sum().alias("children_actual"),
            sum_or_null("target").alias("children_target"),
            pl.col("unit_code").sort().alias("_reported"),
            # a unit's date differs from its parent's (a missing date differs from any)
            pl.col("as_of").ne_missing(pl.col("parent_as_of")).any().alias("_as_of_differs"),
            (pl.col("source") == "synthetic").any().alias("_children_synthetic"),
            pl.col("as_of").max().alias("_children_as_of"),
        )
    )
    out = (
        pl.concat([own.select(keys), sums.select(keys)])
        .unique()
        .filter(pl.col("parent").is_in(sorted(all_parents)))
        .join(own, on=keys, how="left")
        .join(sums, on=keys, how="left")
    )
    # The units of the registry that existed in each period (at some time in it), by parent.
    lifetimes = registry.units.filter(pl.col("parent").is_not_null()).select(
        pl.col("code").alias("_child"), "parent", "valid_from", "valid_to"
    )
    # ... up to the latest day a figure compared was taken (a first half taken on 30/6
    # expects no unit that began on 1/7, even when no second-half row tells its end)
    until = pl.min_horizontal(PERIOD_TO, pl.max_horizontal("parent_as_of", "_children_as_of"))
    expected = (
        out.select("parent", "year", *PERIOD_COLUMNS, until.alias("_until"))
        .unique()
        .join(lifetimes, on="parent")
        .filter(
            overlaps(
                pl.col(PERIOD_FROM), pl.col("_until"), pl.col("valid_from"), pl.col("valid_to")
            )
        )
        .group_by("parent", "year", *PERIOD_COLUMNS)
        .agg(pl.col("_child").unique().sort().alias("_expected"))
    )
    none: pl.Expr = pl.lit([], pl.List(pl.String))
    out = out.join(expected, on=["parent", "year", *PERIOD_COLUMNS], how="left").with_columns(
        pl.col("_expected").fill_null(none),
        pl.col("_reported").fill_null(none),
    )
    extra = out.select(
        pl.col("_expected").list.len().cast(pl.Int32).alias("children_expected"),
        pl.col("_reported").list.len().cast(pl.Int32).alias("children_reported"),
        pl.col("_expected").list.set_difference("_reported").list.sort().alias("missing"),
        (pl.col("parent_as_of").is_not_null() & pl.col("_as_of_differs").fill_null(False)).alias(
            "as_of_mismatch"
        ),
    )
    result = (
        pl.concat(
            [out.drop("_expected", "_as_of_differs", "_reported", "_children_as_of"), extra],
            how="horizontal",
        )
        .rename({"parent": "unit_code"})
        .with_columns(
            pl.when(
                pl.col("_children_synthetic").fill_null(False)
                | (pl.col("_parent_source") == "synthetic").fill_null(False)
            )
            .then(pl.lit("synthetic"))
            .otherwise(pl.coalesce("_parent_source", pl.lit("sum of units")))
            .alias("source")
        )
        .drop("_children_synthetic", "_parent_source")
        .with_columns(
            (pl.col("children_actual") - nan_as_null("parent_actual")).alias("difference"),
            (pl.col("children_target") - nan_as_null("parent_target")).alias("target_difference"),
        )
        .with_columns(
            pl.when(pl.col("difference").is_null() | (pl.col("children_reported") == 0))
            .then(None)
            .otherwise(
                (pl.col("difference") == 0)
                & (pl.col("missing").list.len() == 0)
                & pl.col("target_difference").fill_null(0).eq(0)
            )
            .alias("reconciled")
        )
        .sort("year", PERIOD_FROM, PERIOD_TO, "metric", "unit_code")
    )
    if has_periods:
        # the period goes last, so a table without periods keeps its columns as they were
        return result.rename({PERIOD_FROM: "period_from", PERIOD_TO: "period_to"}).select(
            pl.exclude("period_from", "period_to"), "period_from", "period_to"
        )
    return result.drop(*PERIOD_COLUMNS)


def _named_in(registry: UnitRegistry, code: str, rows: pl.DataFrame) -> pl.DataFrame:
    """The name and level of ``code`` in each period of ``rows`` (a code may be reused).

    The registry row in force in the period (the latest such, as :func:`with_registry_rows`
    takes), else the code's latest row.
    """
    periods = rows.select(*PERIOD_COLUMNS).unique(maintain_order=True)
    versions = registry.versions(code)
    names, levels = [], []
    for start, end in periods.iter_rows():
        inside = [
            u
            for u in versions
            if (u.valid_from is None or u.valid_from <= end)
            and (u.valid_to is None or start <= u.valid_to)
        ]
        names.append((inside or versions)[-1].name)
        levels.append((inside or versions)[-1].level)
    return periods.with_columns(
        pl.Series("unit_name", names, dtype=pl.String), pl.Series("level", levels, dtype=pl.String)
    )


def rollup(
    kpis: pl.DataFrame, *, registry: UnitRegistry, unit: str, year: int | None = None
) -> pl.DataFrame:
    """The figures of ``unit``: its own rows, else the sum of its units' rows.

    For each year × metric where ``unit`` has no row of its own, its units' figures are
    added up (target null unless every unit has one). Summed rows carry
    ``source = "synthetic"`` when any part is synthetic, else ``"sum of units"``; ``note``
    (if the table has that column) says how many units were added up, ``as_of`` is the
    latest of theirs, and other columns are null. ``year`` keeps one year. The result has
    the input's columns, sorted by year, period and metric.

    Units are added up per period (see :func:`with_periods`), never across two: in 2025
    the first half sums the districts and the second half the new units. A unit is one
    of ``unit``'s when the registry gives it that parent in the row's period, and a sum
    carries the name and level ``unit`` had in its period (a code may be reused).

    Examples
    --------
    >>> ds = load_dataset(["data/demo_panel.csv"], units="data/units.csv",
    ...                   catalog="data/metrics.csv")
    >>> city = rollup(ds.kpis, registry=ds.registry, unit="01", year=2023)
    >>> city.filter(pl.col("metric") == "admissions").select(
    ...     "unit_name", "target", "actual", "source", "note").row(0)
    ('Hà Nội', 9810.0, 10479.0, 'synthetic', 'sum of 31 units')
    """
    if year is not None:
        kpis = kpis.filter(pl.col("year") == year)
    schema = kpis.schema
    keys = ["year", "metric", *PERIOD_COLUMNS]
    work = with_internal_period(kpis)
    own = work.filter(pl.col("unit_code") == unit)
    parts = (
        with_registry_rows(work.lazy(), registry)
        .filter(pl.col("_parent") == unit)
        .drop(*MATCHED_COLUMNS)
        .collect(engine=ENGINE)
    )
    source = (
        pl.when((pl.col("source") == "synthetic").any())
        .then(pl.lit("synthetic"))
        .otherwise(pl.lit("sum of units"))
    )
    carried = [pl.col("period_start").max()] if "period_start" in schema else []
    summed = (
        parts.join(own.select(keys), on=keys, how="anti")
        .group_by(keys)
        .agg(
            nan_as_null("actual").sum().alias("actual"),
            sum_or_null("target").alias("target"),
            pl.col("as_of").max(),
            *carried,
            source.alias("source"),
            pl.format("sum of {} units", pl.len()).alias("note"),
        )
        .with_columns(
            unit_code=pl.lit(unit), period_from=pl.col(PERIOD_FROM), period_to=pl.col(PERIOD_TO)
        )
    )
    summed = summed.join(_named_in(registry, unit, summed), on=PERIOD_COLUMNS, how="left")
    summed = summed.select(
        pl.col(c) if c in summed.columns else pl.lit(None, dtype).alias(c)
        for c, dtype in schema.items()
    ).cast(schema)
    own = own.drop(*PERIOD_COLUMNS)
    both = pl.concat([own, summed])
    return (
        with_internal_period(both)
        .sort("year", PERIOD_FROM, PERIOD_TO, "metric", maintain_order=True)
        .drop(*PERIOD_COLUMNS)
    )
