"""KPI measures: pure functions over polars frames and expressions.

Expression builders (``attainment``, ``variance``, ``status``...) compose inside
``with_columns``; frame helpers take the long table first, options keyword-only, and return
a new frame. Nothing here mutates its input, and no measure ever yields ``inf`` or ``NaN``:
a ratio whose denominator is missing or zero is null, with the reason in a ``*_note`` column.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

import polars as pl

from kpitools.names import UnitRegistry
from kpitools.numbers import NumberFormatError, check_percent

Frame = pl.DataFrame | pl.LazyFrame

#: Why a ratio is null.
NO_TARGET = "no target"
ZERO_TARGET = "target is 0"
NO_ACTUAL = "no actual"


def _ratio(num: pl.Expr, den: pl.Expr) -> pl.Expr:
    return pl.when(den.is_null() | (den == 0) | num.is_null()).then(None).otherwise(num / den)


def attainment(actual: str = "actual", target: str = "target") -> pl.Expr:
    """actual / target as a fraction (1.0 = 100 %); null when the target is missing or 0.

    Examples
    --------
    >>> df = pl.DataFrame({"actual": [109.0, 5.0, 5.0], "target": [69.0, None, 0.0]})
    >>> df.select(attainment().round(4))["attainment"].to_list()
    [1.5797, None, None]
    """
    return _ratio(pl.col(actual), pl.col(target)).alias("attainment")


def attainment_note(actual: str = "actual", target: str = "target") -> pl.Expr:
    """Why attainment is null (``no target``, ``target is 0``, ``no actual``), else null."""
    t, a = pl.col(target), pl.col(actual)
    return (
        pl.when(t.is_null())
        .then(pl.lit(NO_TARGET))
        .when(t == 0)
        .then(pl.lit(ZERO_TARGET))
        .when(a.is_null())
        .then(pl.lit(NO_ACTUAL))
        .otherwise(None)
        .alias("attainment_note")
    )


def variance(actual: str = "actual", target: str = "target") -> pl.Expr:
    """actual − target (null when either is null).

    Examples
    --------
    >>> pl.DataFrame({"actual": [852.0], "target": [453.0]}).select(variance()).item()
    399.0
    """
    return (pl.col(actual) - pl.col(target)).alias("variance")


@dataclass(frozen=True)
class Bands:
    """Status bands over attainment.

    ``edges`` are the lower bounds of every band but the first, as fractions: with the
    defaults, attainment < 90 % is ``behind``, 90 % to < 100 % ``near``, 100 % to < 120 %
    ``met`` and ≥ 120 % ``exceeded``. A missing attainment is ``missing``.

    Examples
    --------
    >>> Bands().band(0.95), Bands().band(1.0), Bands().band(1.58)
    ('near', 'met', 'exceeded')
    >>> strict = Bands().replace(edges=(0.95, 1.0, 1.5))
    >>> strict.band(0.93)
    'behind'
    """

    edges: tuple[float, ...] = (0.9, 1.0, 1.2)
    labels: tuple[str, ...] = ("behind", "near", "met", "exceeded")
    missing: str = "no target"
    labels_vi: tuple[str, ...] = field(default=("chậm", "gần đạt", "đạt", "vượt"))
    missing_vi: str = "không có chỉ tiêu"

    def __post_init__(self) -> None:
        if list(self.edges) != sorted(self.edges) or len(set(self.edges)) != len(self.edges):
            raise ValueError(f"band edges must be strictly increasing, got {self.edges}")
        for labels in (self.labels, self.labels_vi):
            if len(labels) != len(self.edges) + 1:
                raise ValueError(
                    f"{len(self.edges)} edges need {len(self.edges) + 1} labels, got {labels}"
                )

    def replace(self, **changes: object) -> Bands:
        """A copy with some fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]

    def band(self, value: float | None) -> str:
        """The label of one attainment value."""
        if value is None or value != value:
            return self.missing
        i = sum(1 for e in self.edges if value >= e)
        return self.labels[i]

    def display(self, label: str, *, lang: str = "vi") -> str:
        """A band label in ``lang``."""
        if lang == "en":
            return label
        if label == self.missing:
            return self.missing_vi
        return self.labels_vi[self.labels.index(label)]


DEFAULT_BANDS = Bands()


def status(attainment: str = "attainment", *, bands: Bands = DEFAULT_BANDS) -> pl.Expr:
    """The status band of each attainment value (see :class:`Bands`).

    Examples
    --------
    >>> pl.DataFrame({"attainment": [0.5, 0.95, 1.1, 1.881, None]}).select(status())[
    ...     "status"].to_list()
    ['behind', 'near', 'met', 'exceeded', 'no target']
    """
    a = pl.col(attainment)
    expr = pl.when(a.is_null()).then(pl.lit(bands.missing))
    for edge, label in zip(bands.edges, bands.labels, strict=False):
        expr = expr.when(a < edge).then(pl.lit(label))
    return expr.otherwise(pl.lit(bands.labels[-1])).alias("status")


def with_measures(kpis: Frame, *, bands: Bands = DEFAULT_BANDS) -> Frame:
    """Add ``attainment``, ``attainment_note``, ``variance`` and ``status``."""
    return kpis.with_columns(attainment(), attainment_note(), variance()).with_columns(
        status(bands=bands)
    )


_KEY = ("unit_code", "metric")


def _previous(kpis: Frame, columns: dict[str, str]) -> Frame:
    """Join each row with the same unit and metric one year earlier."""
    prev = kpis.select(
        *_KEY, (pl.col("year") + 1).alias("year"), *[pl.col(c).alias(a) for c, a in columns.items()]
    )
    return kpis.join(prev, on=[*_KEY, "year"], how="left")


def yoy_change(kpis: Frame, *, value: str = "actual") -> Frame:
    """Year-over-year change of ``value`` for each unit and metric.

    Adds ``{value}_prev`` (the figure one year earlier, null when that year is missing),
    ``yoy_change`` (difference) and ``yoy_pct`` (relative change; null when the previous
    figure is missing or 0).

    Examples
    --------
    >>> df = pl.DataFrame({"unit_code": ["017"] * 3, "metric": ["admissions"] * 3,
    ...                    "year": [2021, 2022, 2024], "actual": [100.0, 120.0, 90.0]})
    >>> yoy_change(df).sort("year")["yoy_pct"].to_list()
    [None, 0.2, None]
    """
    prev = f"{value}_prev"
    out = _previous(kpis, {value: prev})
    return out.with_columns(
        (pl.col(value) - pl.col(prev)).alias("yoy_change"),
        _ratio(pl.col(value) - pl.col(prev), pl.col(prev)).alias("yoy_pct"),
    )


def target_stretch(kpis: Frame) -> Frame:
    """Target this year divided by the actual of the year before (``stretch``).

    A stretch of 1.1 asks for 10 % more than was achieved last year; null when either
    figure is missing or last year's actual was 0.
    """
    out = _previous(kpis, {"actual": "actual_prev_year"})
    return out.with_columns(
        _ratio(pl.col("target"), pl.col("actual_prev_year")).alias("stretch")
    ).drop("actual_prev_year")


def rank_within_year(
    kpis: Frame, *, by: str = "attainment", descending: bool = True, level: bool = True
) -> Frame:
    """Rank units within each year and metric (1 = best); ties share the better rank.

    Units are ranked among units of the same ``level`` unless ``level=False``. Rows whose
    ``by`` value is null get a null rank.
    """
    group = ["year", "metric", *(["level"] if level else [])]
    if isinstance(kpis, pl.LazyFrame) or by not in kpis.columns:
        kpis = kpis.with_columns(attainment()) if by == "attainment" else kpis
    return kpis.with_columns(
        pl.col(by).rank("min", descending=descending).over(group).cast(pl.Int32).alias("rank")
    )


def share_of_parent(kpis: Frame, *, registry: UnitRegistry) -> Frame:
    """Each unit's share of its parent's figure for the year and metric.

    The denominator is the parent's own figure when the data has one, otherwise the sum over
    the parent's units in the data; ``share_basis`` says which (``parent`` / ``sum``).
    """
    parents = pl.DataFrame(
        {"unit_code": registry.codes(), "parent": [registry.parent(c) for c in registry.codes()]},
        schema={"unit_code": pl.String, "parent": pl.String},
    )
    lazy = kpis.lazy()
    with_parent = lazy.join(parents.lazy(), on="unit_code", how="left")
    own = lazy.select(
        pl.col("unit_code").alias("parent"), "year", "metric", pl.col("actual").alias("_parent_own")
    )
    sums = with_parent.group_by("parent", "year", "metric").agg(
        pl.col("actual").sum().alias("_parent_sum")
    )
    out = (
        with_parent.join(own, on=["parent", "year", "metric"], how="left")
        .join(sums, on=["parent", "year", "metric"], how="left")
        .with_columns(
            pl.when(pl.col("parent").is_null())
            .then(None)
            .when(pl.col("_parent_own").is_not_null())
            .then(pl.lit("parent"))
            .otherwise(pl.lit("sum"))
            .alias("share_basis"),
        )
        .with_columns(
            _ratio(
                pl.col("actual"),
                pl.when(pl.col("share_basis") == "parent")
                .then(pl.col("_parent_own"))
                .otherwise(pl.col("_parent_sum")),
            ).alias("share")
        )
        .drop("_parent_own", "_parent_sum")
    )
    return out if isinstance(kpis, pl.LazyFrame) else out.collect()


def _days_in_year(year: pl.Expr) -> pl.Expr:
    leap = ((year % 4 == 0) & (year % 100 != 0)) | (year % 400 == 0)
    return pl.when(leap).then(366).otherwise(365)


def pace(kpis: Frame) -> Frame:
    """Progress for figures taken before the end of their year.

    Adds ``elapsed`` (share of the year elapsed at ``as_of``, counting the as-of day; 1.0
    for year-end figures), ``expected_to_date`` (target × elapsed, assuming even progress
    through the year), ``pace`` (actual / expected_to_date) and ``projected`` (actual /
    elapsed, the year-end figure if the pace holds). The last three are null for year-end
    figures, where attainment already says everything.

    Examples
    --------
    >>> import datetime as dt
    >>> df = pl.DataFrame({"year": [2023], "as_of": [dt.date(2023, 11, 30)],
    ...                    "actual": [10479.0], "target": [9810.0]})
    >>> row = pace(df).row(0, named=True)
    >>> round(row["elapsed"], 4), round(row["projected"])
    (0.9151, 11452)
    """
    year = pl.col("year")
    start = pl.date(year, 1, 1)
    day = (pl.col("as_of") - start).dt.total_days() + 1
    elapsed = pl.min_horizontal(day.cast(pl.Float64) / _days_in_year(year), pl.lit(1.0))
    partial = pl.col("elapsed") < 1.0
    return kpis.with_columns(elapsed.alias("elapsed")).with_columns(
        pl.when(partial).then(pl.col("target") * pl.col("elapsed")).alias("expected_to_date"),
        pl.when(partial)
        .then(_ratio(pl.col("actual"), pl.col("target") * pl.col("elapsed")))
        .alias("pace"),
        pl.when(partial).then(pl.col("actual") / pl.col("elapsed")).alias("projected"),
    )


def term_attainment(
    kpis: Frame,
    *,
    start: int = 2020,
    end: int = 2025,
    term_targets: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Cumulative attainment over a congress term, per unit and metric.

    Sums ``actual`` over the term's years present in the data. The term target is taken
    from ``term_targets`` (columns ``unit_code``, ``metric``, ``term_target``) when given,
    else it is the sum of the yearly targets. ``years`` counts the years with data and
    ``complete`` says whether every year of the term is there; ``attainment`` is null
    (with ``attainment_note``) when no target is known.
    """
    in_term = kpis.lazy().filter(pl.col("year").is_between(start, end))
    agg = in_term.group_by("unit_code", "metric").agg(
        pl.col("actual").sum().alias("actual"),
        pl.when(pl.col("target").is_null().any())
        .then(None)
        .otherwise(pl.col("target").sum())
        .alias("yearly_target_sum"),
        pl.col("year").n_unique().cast(pl.Int32).alias("years"),
        pl.col("year").max().alias("last_year"),
    )
    if term_targets is not None:
        agg = agg.join(
            term_targets.lazy().select("unit_code", "metric", "term_target"),
            on=["unit_code", "metric"],
            how="left",
        ).with_columns(pl.coalesce("term_target", "yearly_target_sum").alias("target"))
    else:
        agg = agg.with_columns(pl.col("yearly_target_sum").alias("target"))
    return (
        agg.with_columns(
            attainment(),
            attainment_note(),
            (pl.col("years") == end - start + 1).alias("complete"),
            pl.lit(start).alias("term_start"),
            pl.lit(end).alias("term_end"),
        )
        .sort("metric", "unit_code")
        .collect()
    )


def reconcile(kpis: Frame, *, registry: UnitRegistry) -> pl.DataFrame:
    """Compare each parent's own figure with the sum of its units, per year and metric.

    Returns one row per parent × year × metric where the parent has a figure or a unit
    does: ``parent_actual`` / ``children_actual`` (and the same for targets), ``difference``
    (children − parent), ``children_reported`` / ``children_expected`` (units of the
    registry that existed that year), ``missing`` (their codes) and ``reconciled`` (sums
    equal and no unit missing). Units whose ``as_of`` differs from the parent's are listed
    in ``as_of_mismatch``. ``reconciled`` is null when there is nothing to compare (no
    figure of the parent's own, or none of its units).
    """
    df = kpis.lazy().collect() if isinstance(kpis, pl.LazyFrame) else kpis
    parent_of = {c: registry.parent(c) for c in registry.codes()}
    children = df.with_columns(
        pl.col("unit_code").replace_strict(parent_of, default=None, return_dtype=pl.String).alias(
            "parent"
        )
    ).filter(pl.col("parent").is_not_null())
    sums = children.group_by("parent", "year", "metric").agg(
        pl.col("actual").sum().alias("children_actual"),
        pl.when(pl.col("target").is_null().any())
        .then(None)
        .otherwise(pl.col("target").sum())
        .alias("children_target"),
        pl.col("unit_code").sort().alias("_reported"),
        pl.col("as_of").alias("_as_of"),
    )
    own = df.select(
        pl.col("unit_code").alias("parent"),
        "year",
        "metric",
        pl.col("actual").alias("parent_actual"),
        pl.col("target").alias("parent_target"),
        pl.col("as_of").alias("parent_as_of"),
    )
    keys = pl.concat([own.select("parent", "year", "metric"), sums.select("parent", "year", "metric")]).unique()
    keys = keys.filter(pl.col("parent").is_in([p for p in set(parent_of.values()) if p]))
    out = keys.join(own, on=["parent", "year", "metric"], how="left").join(
        sums, on=["parent", "year", "metric"], how="left"
    )
    rows = []
    for r in out.iter_rows(named=True):
        expected = registry.children(r["parent"], year=r["year"])
        reported = r["_reported"] or []
        missing = sorted(set(expected) - set(reported))
        as_ofs = set(r["_as_of"] or [])
        rows.append(
            {
                "children_expected": len(expected),
                "children_reported": len(reported),
                "missing": missing,
                "as_of_mismatch": r["parent_as_of"] is not None
                and any(a != r["parent_as_of"] for a in as_ofs),
            }
        )
    extra = pl.DataFrame(
        rows,
        schema={
            "children_expected": pl.Int32,
            "children_reported": pl.Int32,
            "missing": pl.List(pl.String),
            "as_of_mismatch": pl.Boolean,
        },
    )
    return (
        pl.concat([out.drop("_reported", "_as_of"), extra], how="horizontal")
        .rename({"parent": "unit_code"})
        .with_columns(
            (pl.col("children_actual") - pl.col("parent_actual")).alias("difference"),
            (pl.col("children_target") - pl.col("parent_target")).alias("target_difference"),
        )
        .with_columns(
            pl.when(pl.col("parent_actual").is_null() | (pl.col("children_reported") == 0))
            .then(None)
            .otherwise(
                (pl.col("difference") == 0)
                & (pl.col("missing").list.len() == 0)
                & pl.col("target_difference").fill_null(0).eq(0)
            )
            .alias("reconciled")
        )
        .sort("year", "metric", "unit_code")
    )


def consistency(kpis: pl.DataFrame, *, stated: str = "stated_percent") -> pl.DataFrame:
    """Check stated percentages against their numbers.

    A stated percentage is consistent when it equals 100 × actual / target rounded half-up
    to the number of decimals it was written with (``"158%"`` for 109/69 = 157.97…).
    Adds ``computed_percent`` (at the stated precision), ``consistent`` (null when there is
    nothing to check) and ``consistency_note``: ``consistent``, ``inconsistent``,
    ``truncated`` (the stated figure is the exact value cut, not rounded), ``no target`` or
    ``unreadable``.

    Examples
    --------
    >>> df = pl.DataFrame({"actual": [109.0, 852.0, 10479.0], "target": [69.0, 453.0, 9810.0],
    ...                    "stated_percent": ["158%", "188,1%", "106.82%"]})
    >>> consistency(df).select("computed_percent", "consistent").rows()
    [(158.0, True), (188.1, True), (106.82, True)]
    """
    computed: list[float | None] = []
    flags: list[bool | None] = []
    notes: list[str | None] = []
    for text, a, t in zip(kpis[stated], kpis["actual"], kpis["target"], strict=True):
        if text is None or not str(text).strip():
            computed.append(None), flags.append(None), notes.append(None)
            continue
        try:
            check = check_percent(str(text), _dec(a), _dec(t))
        except NumberFormatError:
            computed.append(None), flags.append(None), notes.append("unreadable")
            continue
        computed.append(None if check.computed is None else float(check.computed))
        flags.append(check.consistent)
        if check.consistent is None:
            notes.append(NO_TARGET)
        elif check.consistent:
            notes.append("consistent")
        else:
            notes.append("truncated" if check.truncated else "inconsistent")
    return kpis.with_columns(
        pl.Series("computed_percent", computed, dtype=pl.Float64),
        pl.Series("consistent", flags, dtype=pl.Boolean),
        pl.Series("consistency_note", notes, dtype=pl.String),
    )


def _dec(x: float | None) -> Decimal | None:
    return None if x is None else Decimal(repr(x))


def latest_year(kpis: pl.DataFrame) -> int:
    """The most recent year in the table (``ValueError`` when it is empty)."""
    if kpis.is_empty():
        raise ValueError("the KPI table is empty")
    return int(kpis["year"].max())  # type: ignore[arg-type]


__all__ = [
    "DEFAULT_BANDS",
    "Bands",
    "attainment",
    "attainment_note",
    "consistency",
    "latest_year",
    "pace",
    "rank_within_year",
    "rollup",
    "reconcile",
    "share_of_parent",
    "status",
    "target_stretch",
    "term_attainment",
    "variance",
    "with_measures",
    "yoy_change",
]



def rollup(
    kpis: pl.DataFrame, *, registry: UnitRegistry, unit: str, year: int | None = None
) -> pl.DataFrame:
    """The figures of ``unit``: its own rows, and for each year × metric where it has no row
    of its own, the sum of its units (target null unless every unit has one).

    Summed rows carry ``source = "synthetic"`` when any part is synthetic, else
    ``"sum of units"``; ``note`` says how many units were added up. ``year`` keeps one year.
    """
    if year is not None:
        kpis = kpis.filter(pl.col("year") == year)
    own = kpis.filter(pl.col("unit_code") == unit)
    children = registry.children(unit)
    parts = kpis.filter(pl.col("unit_code").is_in(children))
    have = own.select("year", "metric")
    summed = (
        parts.join(have, on=["year", "metric"], how="anti")
        .group_by("year", "metric")
        .agg(
            pl.col("actual").sum(),
            pl.when(pl.col("target").is_null().any()).then(None).otherwise(pl.col("target").sum())
            .alias("target"),
            pl.col("as_of").max(),
            pl.when((pl.col("source") == "synthetic").any())
            .then(pl.lit("synthetic"))
            .otherwise(pl.lit("sum of units"))
            .alias("source"),
            pl.format("sum of {} units", pl.len()).alias("note"),
        )
        .with_columns(
            unit_code=pl.lit(unit),
            unit_name=pl.lit(registry.name(unit)),
            level=pl.lit(registry.level(unit)),
            stated_percent=pl.lit(None, pl.String),
        )
    )
    return pl.concat([own, summed.select(own.columns).cast(own.schema)]).sort("year", "metric")
