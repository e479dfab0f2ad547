"""KPI measures: pure functions over polars frames and expressions.

Expression builders (``attainment``, ``variance``, ``status``...) compose inside
``with_columns``; frame helpers take the long table first, options keyword-only, and return
a new frame. Nothing here mutates its input, and no measure ever yields ``inf`` or ``NaN``:
a ratio whose denominator is missing or zero is null, with the reason in a ``*_note`` column.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from math import isfinite
from typing import TypeVar

import polars as pl

from kpitools.numbers import NumberFormatError, check_percent
from kpitools.registry import UnitRegistry, lifetime_years
from kpitools.vocab import check_lang, word

Frame = pl.DataFrame | pl.LazyFrame
#: A frame helper returns the kind of frame it was given.
FrameT = TypeVar("FrameT", pl.DataFrame, pl.LazyFrame)

#: Why a ratio is null.
NO_TARGET = "no target"
ZERO_TARGET = "target is 0"
NO_ACTUAL = "no actual"
OUT_OF_RANGE = "out of range"


def _clean(column: str | pl.Expr) -> pl.Expr:
    """A numeric column with NaN read as missing (null)."""
    expr = pl.col(column) if isinstance(column, str) else column
    return expr.fill_nan(None)


def _finite(expr: pl.Expr) -> pl.Expr:
    """``expr`` where it is finite, else null: no measure yields ``inf`` or ``NaN``."""
    return pl.when(expr.is_finite()).then(expr)


def _ratio(num: pl.Expr, den: pl.Expr) -> pl.Expr:
    """``num / den``; null when either is missing (null or NaN), den is 0 or it overflows."""
    num, den = _clean(num), _clean(den)
    return _finite(
        pl.when(den.is_null() | (den == 0) | num.is_null()).then(None).otherwise(num / den)
    )


def attainment(actual: str = "actual", target: str = "target") -> pl.Expr:
    """The ratio actual / target (1.0 = 100 %); null when the target is missing or 0.

    Also null when the actual is missing or the ratio is too large for a float;
    :func:`attainment_note` says why. Never ``inf`` or ``NaN``.

    Examples
    --------
    >>> df = pl.DataFrame({"actual": [109.0, 5.0, 5.0], "target": [69.0, None, 0.0]})
    >>> df.select(attainment().round(4))["attainment"].to_list()
    [1.5797, None, None]
    """
    return _ratio(pl.col(actual), pl.col(target)).alias("attainment")


def attainment_note(actual: str = "actual", target: str = "target") -> pl.Expr:
    """Why attainment is null, else null.

    One of ``no target`` (null or NaN), ``target is 0``, ``no actual`` and ``out of range``
    (the ratio overflows a float).

    Examples
    --------
    >>> df = pl.DataFrame({"actual": [1.0, 1.0, None, 1e308, 2.0],
    ...                    "target": [None, 0.0, 4.0, 1e-10, 4.0]})
    >>> df.select(attainment_note())["attainment_note"].to_list()
    ['no target', 'target is 0', 'no actual', 'out of range', None]
    """
    t, a = _clean(target), _clean(actual)
    return (
        pl.when(t.is_null())
        .then(pl.lit(NO_TARGET))
        .when(t == 0)
        .then(pl.lit(ZERO_TARGET))
        .when(a.is_null())
        .then(pl.lit(NO_ACTUAL))
        .when(~(a / t).is_finite())
        .then(pl.lit(OUT_OF_RANGE))
        .otherwise(None)
        .alias("attainment_note")
    )


def variance(actual: str = "actual", target: str = "target") -> pl.Expr:
    """The difference actual − target (null when either is missing, or it overflows).

    Examples
    --------
    >>> pl.DataFrame({"actual": [852.0], "target": [453.0]}).select(variance()).item()
    399.0
    """
    return _finite(_clean(actual) - _clean(target)).alias("variance")


@dataclass(frozen=True)
class Bands:
    """Status bands over attainment.

    ``edges`` are the lower bounds of every band but the first, as fractions (1.0 = 100 %),
    strictly increasing; ``labels`` name the ``len(edges) + 1`` bands from lowest to highest
    (``labels_vi`` in Vietnamese). A value equal to an edge belongs to the band above it.
    With the defaults, attainment < 90 % is ``behind``, 90 % to < 100 % ``near``, 100 % to
    < 120 % ``met`` and ≥ 120 % ``exceeded``. A missing attainment is ``missing``.

    Examples
    --------
    >>> Bands().band(0.95), Bands().band(1.0), Bands().band(1.58)
    ('near', 'met', 'exceeded')
    >>> strict = Bands().replace(edges=(0.95, 1.0, 1.5))
    >>> strict.band(0.93)
    'behind'
    >>> Bands(edges=(1.0,), labels=("not met", "met"), labels_vi=("chưa đạt", "đạt")).band(1.2)
    'met'
    """

    edges: tuple[float, ...] = (0.9, 1.0, 1.2)
    labels: tuple[str, ...] = ("behind", "near", "met", "exceeded")
    missing: str = "no target"
    labels_vi: tuple[str, ...] = field(
        default=tuple(word(f"band.{b}", "vi") for b in ("behind", "near", "met", "exceeded"))
    )
    missing_vi: str = word("band.no target", "vi")

    def __post_init__(self) -> None:
        for name in ("edges", "labels", "labels_vi"):
            value = getattr(self, name)
            if isinstance(value, str) or not isinstance(value, tuple | list):
                raise TypeError(f"band {name} must be a tuple, got {value!r}")
            object.__setattr__(self, name, tuple(value))
        if not self.edges:
            raise ValueError("bands need at least one edge")
        for edge in self.edges:
            if isinstance(edge, bool) or not isinstance(edge, int | float) or not isfinite(edge):
                raise ValueError(f"band edges must be finite numbers, got {self.edges}")
        if any(b <= a for a, b in zip(self.edges, self.edges[1:], strict=False)):
            raise ValueError(f"band edges must be strictly increasing, got {self.edges}")
        for labels, missing in ((self.labels, self.missing), (self.labels_vi, self.missing_vi)):
            if len(labels) != len(self.edges) + 1:
                raise ValueError(
                    f"{len(self.edges)} edges need {len(self.edges) + 1} labels, got {labels}"
                )
            if len(set(labels)) != len(labels) or missing in labels:
                raise ValueError(
                    f"band labels must differ from each other and from {missing!r}, got {labels}"
                )

    def replace(self, **changes: object) -> Bands:
        """A copy with some fields changed (validated again)."""
        return replace(self, **changes)  # type: ignore[arg-type]

    def band(self, value: float | None) -> str:
        """The label of one attainment value (``missing`` for None or NaN)."""
        if value is None or value != value:
            return self.missing
        i = sum(1 for e in self.edges if value >= e)
        return self.labels[i]

    def display(self, label: str, *, lang: str = "vi") -> str:
        """A band label (English, as in ``labels``) in ``lang`` (``"vi"`` or ``"en"``).

        Examples
        --------
        >>> Bands().display("exceeded"), Bands().display("no target", lang="en")
        ('vượt', 'no target')
        """
        check_lang(lang)
        if label == self.missing:
            return self.missing if lang == "en" else self.missing_vi
        if label not in self.labels:
            raise ValueError(f"unknown band {label!r}; expected one of {self.labels}")
        return label if lang == "en" else self.labels_vi[self.labels.index(label)]


DEFAULT_BANDS = Bands()
"""The default bands: behind < 90 % ≤ near < 100 % ≤ met < 120 % ≤ exceeded.

Examples
--------
>>> DEFAULT_BANDS.edges, DEFAULT_BANDS.labels
((0.9, 1.0, 1.2), ('behind', 'near', 'met', 'exceeded'))
>>> DEFAULT_BANDS.band(0.89), DEFAULT_BANDS.band(1.2)
('behind', 'exceeded')
"""


def status(attainment: str = "attainment", *, bands: Bands = DEFAULT_BANDS) -> pl.Expr:
    """The status band of each attainment value (see :class:`Bands`).

    Examples
    --------
    >>> pl.DataFrame({"attainment": [0.5, 0.95, 1.1, 1.881, None]}).select(status())[
    ...     "status"].to_list()
    ['behind', 'near', 'met', 'exceeded', 'no target']
    """
    a = _clean(attainment)
    expr = pl.lit(bands.labels[-1])
    for edge, label in reversed(list(zip(bands.edges, bands.labels, strict=False))):
        expr = pl.when(a < edge).then(pl.lit(label)).otherwise(expr)
    return pl.when(a.is_null()).then(pl.lit(bands.missing)).otherwise(expr).alias("status")


def with_measures(kpis: FrameT, *, bands: Bands = DEFAULT_BANDS) -> FrameT:
    """Add ``attainment``, ``attainment_note``, ``variance`` and ``status``.

    Works on a ``DataFrame`` or a ``LazyFrame`` with ``actual`` and ``target`` columns;
    ``bands`` sets the status bands.

    Examples
    --------
    >>> df = pl.DataFrame({"actual": [109.0, 13.0], "target": [69.0, None]})
    >>> with_measures(df).columns
    ['actual', 'target', 'attainment', 'attainment_note', 'variance', 'status']
    >>> with_measures(df).select("attainment_note", "variance", "status").rows()
    [(None, 40.0, 'exceeded'), ('no target', None, 'no target')]
    """
    return kpis.with_columns(attainment(), attainment_note(), variance()).with_columns(
        status(bands=bands)
    )


_KEY = ("unit_code", "metric")


def _names(kpis: pl.DataFrame | pl.LazyFrame) -> list[str]:
    return kpis.collect_schema().names()


def _previous(kpis: FrameT, columns: dict[str, str]) -> FrameT:
    """Join each row with the same unit and metric one year earlier (row order kept)."""
    lazy = kpis.lazy()
    prev = lazy.select(
        *_KEY, (pl.col("year") + 1).alias("year"), *[pl.col(c).alias(a) for c, a in columns.items()]
    )
    out = lazy.join(prev, on=[*_KEY, "year"], how="left", maintain_order="left")
    return out if isinstance(kpis, pl.LazyFrame) else out.collect()


def yoy_change(kpis: FrameT, *, value: str = "actual") -> FrameT:
    """Year-over-year change of ``value`` for each unit and metric.

    Adds ``{value}_prev`` (the figure one year earlier, null when that year is missing:
    a gap in the years is never bridged), ``yoy_change`` (difference) and ``yoy_pct``
    (relative change as a fraction; null when the previous figure is missing or 0).

    Examples
    --------
    >>> df = pl.DataFrame({"unit_code": ["017"] * 3, "metric": ["admissions"] * 3,
    ...                    "year": [2021, 2022, 2024], "actual": [100.0, 120.0, 90.0]})
    >>> yoy_change(df)["yoy_pct"].to_list()
    [None, 0.2, None]
    """
    prev = f"{value}_prev"
    out = _previous(kpis, {value: prev})
    return out.with_columns(
        _finite(_clean(value) - _clean(prev)).alias("yoy_change"),
        _ratio(pl.col(value) - pl.col(prev), pl.col(prev)).alias("yoy_pct"),
    )


def target_stretch(kpis: FrameT) -> FrameT:
    """Target this year divided by the actual of the year before (``stretch``).

    A stretch of 1.1 asks for 10 % more than was achieved last year; null when either
    figure is missing or last year's actual was 0.

    Examples
    --------
    >>> df = pl.DataFrame({"unit_code": ["017"] * 2, "metric": ["admissions"] * 2,
    ...                    "year": [2022, 2023], "target": [90.0, 110.0],
    ...                    "actual": [100.0, 120.0]})
    >>> target_stretch(df)["stretch"].to_list()
    [None, 1.1]
    """
    tmp = "_actual_prev_year"
    out = _previous(kpis, {"actual": tmp})
    return out.with_columns(_ratio(pl.col("target"), pl.col(tmp)).alias("stretch")).drop(tmp)


def rank_within_year(
    kpis: FrameT, *, by: str = "attainment", descending: bool = True, level: bool = True
) -> FrameT:
    """Rank units within each year and metric (1 = best); ties share the better rank.

    Units are ranked among units of the same ``level`` unless ``level=False``. Rows whose
    ``by`` value is null get a null rank. When ``by="attainment"`` and the frame has no
    such column, attainment is computed (and kept); an existing column is used as it is.

    Examples
    --------
    >>> df = pl.DataFrame({"year": [2023] * 4, "metric": ["m"] * 4, "level": ["district"] * 4,
    ...                    "actual": [90.0, 120.0, 90.0, 5.0],
    ...                    "target": [100.0, 100.0, 100.0, None]})
    >>> rank_within_year(df)["rank"].to_list()
    [2, 1, 2, None]
    """
    names = _names(kpis)
    if by not in names:
        if by != "attainment":
            raise ValueError(f"cannot rank by {by!r}: no such column")
        kpis = kpis.with_columns(attainment())
    group = ["year", "metric", *(["level"] if level else [])]
    return kpis.with_columns(
        _clean(by).rank("min", descending=descending).over(group).cast(pl.Int32).alias("rank")
    )


def share_of_parent(kpis: FrameT, *, registry: UnitRegistry) -> FrameT:
    """Each unit's share of its parent's figure (``actual``) for the year and metric.

    The denominator is the parent's own figure when the data has a row for it, otherwise
    the sum over the parent's units present in the data (so those shares add up to 1);
    ``share_basis`` says which (``parent`` / ``sum``). Units without a parent in
    ``registry`` (the city) and units unknown to it get a null share and basis.

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
    codes = registry.codes()
    parents = pl.LazyFrame(
        {"unit_code": codes, "parent": [registry.parent(c) for c in codes]},
        schema={"unit_code": pl.String, "parent": pl.String},
    )
    keys = ["parent", "year", "metric"]
    lazy = kpis.lazy()
    with_parent = lazy.join(parents, on="unit_code", how="left", maintain_order="left")
    own = lazy.select(
        pl.col("unit_code").alias("parent"), "year", "metric", pl.col("actual").alias("_parent_own")
    )
    sums = with_parent.group_by(keys).agg(_clean("actual").sum().alias("_parent_sum"))
    out = (
        with_parent.join(own, on=keys, how="left", maintain_order="left")
        .join(sums, on=keys, how="left", maintain_order="left")
        .with_columns(
            pl.when(pl.col("parent").is_null())
            .then(None)
            .when(_clean("_parent_own").is_not_null())
            .then(pl.lit("parent"))
            .otherwise(pl.lit("sum"))
            .alias("share_basis"),
        )
        .with_columns(
            _ratio(
                pl.col("actual"),
                pl.when(pl.col("share_basis") == "parent")
                .then(pl.col("_parent_own"))
                .when(pl.col("share_basis") == "sum")
                .then(pl.col("_parent_sum")),
            ).alias("share")
        )
        .drop("_parent_own", "_parent_sum")
    )
    return out if isinstance(kpis, pl.LazyFrame) else out.collect()


def _days_in_year(year: pl.Expr) -> pl.Expr:
    leap = ((year % 4 == 0) & (year % 100 != 0)) | (year % 400 == 0)
    return pl.when(leap).then(366).otherwise(365)


def pace(kpis: FrameT) -> FrameT:
    """Progress for figures taken before the end of their year.

    Adds ``elapsed`` (share of the year elapsed at ``as_of``, counting the as-of day, so
    30/11/2023 is 334/365 and 30/11/2024 is 335/366; 1.0 for figures taken on or after
    31 December, 0.0 for figures dated before the year began), ``expected_to_date``
    (target × elapsed, assuming even progress through the year), ``pace`` (actual /
    expected_to_date) and ``projected`` (actual / elapsed, the year-end figure if the pace
    holds). The last three are null for year-end figures, where attainment already says
    everything, and wherever their denominator is missing or 0.

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
    day = (pl.col("as_of") - pl.date(year, 1, 1)).dt.total_days() + 1
    elapsed = (day.cast(pl.Float64) / _days_in_year(year)).clip(0.0, 1.0)
    partial = pl.col("elapsed") < 1.0
    return kpis.with_columns(elapsed.alias("elapsed")).with_columns(
        pl.when(partial)
        .then(_finite(_clean("target") * pl.col("elapsed")))
        .alias("expected_to_date"),
        pl.when(partial)
        .then(_ratio(pl.col("actual"), pl.col("target") * pl.col("elapsed")))
        .alias("pace"),
        pl.when(partial).then(_ratio(pl.col("actual"), pl.col("elapsed"))).alias("projected"),
    )


def _sum_or_null(column: str) -> pl.Expr:
    """The sum of a column in a group; null when any value is missing."""
    c = _clean(column)
    return pl.when(c.is_null().any()).then(None).otherwise(c.sum())


def _source(column: str = "source") -> pl.Expr:
    """One source for a group of rows: ``synthetic`` if any is, else the only one."""
    c = pl.col(column)
    return (
        pl.when((c == "synthetic").any())
        .then(pl.lit("synthetic"))
        .when(c.n_unique() == 1)
        .then(c.first())
        .otherwise(pl.lit("several sources"))
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
    from ``term_targets`` (columns ``unit_code``, ``metric``, ``term_target``; one row per
    unit and metric) when it has one, else it is the sum of the yearly targets of the
    years present (null if any of them is missing). ``years`` counts the years with data
    and ``complete`` says whether every year of the term is there; ``attainment`` is null
    (with ``attainment_note``) when no target is known. ``unit_name``, ``level`` and
    ``source`` (``synthetic`` if any year is) are carried over when the input has them.

    Examples
    --------
    >>> df = pl.DataFrame({"unit_code": ["017"] * 2, "metric": ["m"] * 2, "year": [2020, 2021],
    ...                    "target": [100.0, 100.0], "actual": [90.0, 130.0]})
    >>> term_attainment(df).select("actual", "target", "attainment", "years", "complete").row(0)
    (220.0, 200.0, 1.1, 2, False)
    """
    if start > end:
        raise ValueError(f"the term must start before it ends, got {start}–{end}")
    names = _names(kpis)
    carried = [pl.col(c).first() for c in ("unit_name", "level") if c in names]
    if "source" in names:
        carried.append(_source().alias("source"))
    agg = (
        kpis.lazy()
        .filter(pl.col("year").is_between(start, end))
        .group_by("unit_code", "metric")
        .agg(
            *carried,
            pl.when(_clean("actual").is_null().all())
            .then(None)
            .otherwise(_clean("actual").sum())
            .alias("actual"),
            _sum_or_null("target").alias("yearly_target_sum"),
            pl.col("year").n_unique().cast(pl.Int32).alias("years"),
            pl.col("year").max().alias("last_year"),
        )
    )
    if term_targets is not None:
        need = {"unit_code", "metric", "term_target"}
        if lacking := need - set(_names(term_targets)):
            raise ValueError(f"term_targets lacks the column(s) {', '.join(sorted(lacking))}")
        tt = term_targets.lazy().select("unit_code", "metric", "term_target").collect()
        if tt.select("unit_code", "metric").is_duplicated().any():
            raise ValueError("term_targets has more than one row for a unit and metric")
        agg = agg.join(
            tt.lazy().with_columns(pl.col("term_target").cast(pl.Float64)),
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


def reconcile(
    kpis: Frame, *, registry: UnitRegistry, parents: Sequence[str] | None = None
) -> pl.DataFrame:
    """Compare each parent's own figure with the sum of its units, per year and metric.

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
    df = kpis.collect() if isinstance(kpis, pl.LazyFrame) else kpis
    parent_of = {c: registry.parent(c) for c in registry.codes()}
    if parents is not None:
        if unknown := [c for c in parents if c not in registry]:
            raise ValueError(f"parents: not codes of the registry: {', '.join(unknown)}")
        chosen = set(parents)
        family = [c for c, p in parent_of.items() if c in chosen or p in chosen]
        df = df.filter(pl.col("unit_code").is_in(family))
        parent_of = {c: p if p in chosen else None for c, p in parent_of.items()}
    keys = ["parent", "year", "metric"]
    children = df.with_columns(
        pl.col("unit_code")
        .replace_strict(parent_of, default=None, return_dtype=pl.String)
        .alias("parent")
    ).filter(pl.col("parent").is_not_null())
    own = df.select(
        pl.col("unit_code").alias("parent"),
        "year",
        "metric",
        pl.col("actual").alias("parent_actual"),
        pl.col("target").alias("parent_target"),
        pl.col("as_of").alias("parent_as_of"),
        pl.col("source").alias("_parent_source"),
    )
    sums = (
        children.join(own.select(*keys, "parent_as_of"), on=keys, how="left")
        .group_by(keys)
        .agg(
            _clean("actual").sum().alias("children_actual"),
            _sum_or_null("target").alias("children_target"),
            pl.col("unit_code").sort().alias("_reported"),
            # a unit's date differs from its parent's (a missing date differs from any)
            pl.col("as_of").ne_missing(pl.col("parent_as_of")).any().alias("_as_of_differs"),
            (pl.col("source") == "synthetic").any().alias("_children_synthetic"),
        )
    )
    parents = sorted({p for p in parent_of.values() if p})
    out = (
        pl.concat([own.select(keys), sums.select(keys)])
        .unique()
        .filter(pl.col("parent").is_in(parents))
        .join(own, on=keys, how="left")
        .join(sums, on=keys, how="left")
    )
    # The units of the registry that existed in each year (at some time in it), by parent.
    lifetimes = registry.units.filter(pl.col("parent").is_not_null()).select(
        pl.col("code").alias("_child"), "parent", *lifetime_years()
    )
    expected = (
        out.select("parent", "year")
        .unique()
        .join(lifetimes, on="parent")
        .filter(pl.col("year").is_between(pl.col("first"), pl.col("last")))
        .group_by("parent", "year")
        .agg(pl.col("_child").sort().alias("_expected"))
    )
    none: pl.Expr = pl.lit([], pl.List(pl.String))
    out = out.join(expected, on=["parent", "year"], how="left").with_columns(
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
    return (
        pl.concat([out.drop("_expected", "_as_of_differs", "_reported"), extra], how="horizontal")
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
            (pl.col("children_actual") - _clean("parent_actual")).alias("difference"),
            (pl.col("children_target") - _clean("parent_target")).alias("target_difference"),
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
        .sort("year", "metric", "unit_code")
    )


def consistency(kpis: pl.DataFrame, *, stated: str = "stated_percent") -> pl.DataFrame:
    """Check stated percentages against their numbers.

    A stated percentage is consistent when it equals 100 × actual / target rounded half-up
    to the number of decimals it was written with (``"158%"`` for 109/69 = 157.97…), in
    exact decimal arithmetic. Adds ``computed_percent`` (at the stated precision),
    ``consistent`` (null when there is nothing to check) and ``consistency_note``:
    ``consistent``, ``inconsistent``, ``truncated`` (the stated figure is the exact value
    cut, not rounded), ``no target`` (nothing to check against: target or actual missing,
    or target 0) or ``unreadable``; null where nothing is stated.

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
        value: float | None = None
        flag: bool | None = None
        note: str | None = None
        if text is not None and str(text).strip():
            try:
                check = check_percent(str(text), _dec(a), _dec(t))
            except NumberFormatError:
                note = "unreadable"
            else:
                value = None if check.computed is None else float(check.computed)
                flag = check.consistent
                if flag is None:
                    note = NO_TARGET
                elif flag:
                    note = "consistent"
                else:
                    note = "truncated" if check.truncated else "inconsistent"
        computed.append(value)
        flags.append(flag)
        notes.append(note)
    return kpis.with_columns(
        pl.Series("computed_percent", computed, dtype=pl.Float64),
        pl.Series("consistent", flags, dtype=pl.Boolean),
        pl.Series("consistency_note", notes, dtype=pl.String),
    )


def _dec(x: float | None) -> Decimal | None:
    return None if x is None else Decimal(repr(x))


def rollup(
    kpis: pl.DataFrame, *, registry: UnitRegistry, unit: str, year: int | None = None
) -> pl.DataFrame:
    """The figures of ``unit``: its own rows, else the sum of its units' rows.

    For each year × metric where ``unit`` has no row of its own, its units' figures are
    added up (target null unless every unit has one). Summed rows carry
    ``source = "synthetic"`` when any part is synthetic, else ``"sum of units"``; ``note``
    (if the table has that column) says how many units were added up, ``as_of`` is the
    latest of theirs, and other columns are null. ``year`` keeps one year. The result has
    the input's columns, sorted by year and metric.

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
    own = kpis.filter(pl.col("unit_code") == unit)
    parts = kpis.filter(pl.col("unit_code").is_in(registry.children(unit)))
    source = (
        pl.when((pl.col("source") == "synthetic").any())
        .then(pl.lit("synthetic"))
        .otherwise(pl.lit("sum of units"))
    )
    summed = (
        parts.join(own.select("year", "metric"), on=["year", "metric"], how="anti")
        .group_by("year", "metric")
        .agg(
            _clean("actual").sum().alias("actual"),
            _sum_or_null("target").alias("target"),
            pl.col("as_of").max(),
            source.alias("source"),
            pl.format("sum of {} units", pl.len()).alias("note"),
        )
        .with_columns(
            unit_code=pl.lit(unit),
            unit_name=pl.lit(registry.name(unit)),
            level=pl.lit(registry.level(unit)),
        )
    )
    summed = summed.select(
        pl.col(c) if c in summed.columns else pl.lit(None, dtype).alias(c)
        for c, dtype in kpis.schema.items()
    ).cast(kpis.schema)
    return pl.concat([own, summed]).sort("year", "metric", maintain_order=True)


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
    "metrics_in",
    "movers",
    "pace",
    "rank_within_year",
    "reconcile",
    "rollup",
    "share_of_parent",
    "status",
    "subset",
    "target_stretch",
    "term_attainment",
    "variance",
    "with_measures",
    "yoy_change",
]


def movers(kpis: pl.DataFrame, *, year: int, bands: Bands = DEFAULT_BANDS) -> pl.DataFrame:
    """How each unit's attainment moved from the year before to ``year``, per metric.

    Returns ``unit_code``, ``unit_name``, ``metric``, ``attainment``, ``attainment_prev``
    and ``change`` (in fractions: 0.12 = 12 percentage points), sorted by metric and
    ``change`` descending; units without both years' attainment are left out.

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
    prev = measured.filter(pl.col("year") == year - 1).select(
        *_KEY, pl.col("attainment").alias("attainment_prev")
    )
    return (
        measured.filter(pl.col("year") == year)
        .join(prev, on=list(_KEY), how="inner")
        .with_columns(_finite(pl.col("attainment") - pl.col("attainment_prev")).alias("change"))
        .filter(pl.col("change").is_not_null())
        .select(
            "unit_code", "unit_name", "metric", "attainment", "attainment_prev", "change", "source"
        )
        .sort(["metric", "change"], descending=[False, True])
    )


def subset(
    kpis: FrameT,
    *,
    year: int | None = None,
    years: Sequence[int] | None = None,
    units: Sequence[str] | None = None,
    metrics: Sequence[str] | None = None,
    level: str | None = None,
) -> FrameT:
    """The rows of the given year(s), unit codes, metric codes and level (``None`` = all).

    Examples
    --------
    >>> df = pl.DataFrame({"unit_code": ["001", "017"], "year": [2023, 2024],
    ...                    "metric": ["admissions"] * 2, "level": ["district"] * 2})
    >>> subset(df, year=2024)["unit_code"].to_list()
    ['017']
    """
    conditions = []
    if year is not None:
        conditions.append(pl.col("year") == year)
    if years is not None:
        conditions.append(pl.col("year").is_in(list(years)))
    if units is not None:
        conditions.append(pl.col("unit_code").is_in(list(units)))
    if metrics is not None:
        conditions.append(pl.col("metric").is_in(list(metrics)))
    if level is not None:
        conditions.append(pl.col("level") == level)
    return kpis.filter(*conditions) if conditions else kpis


def metrics_in(kpis: pl.DataFrame, *, order: Sequence[str] = ()) -> list[str]:
    """The metric codes present, in ``order`` (e.g. the catalog's) and then alphabetically.

    Examples
    --------
    >>> df = pl.DataFrame({"metric": ["members", "deaths", "admissions", "members"]})
    >>> metrics_in(df, order=["admissions", "members", "removals"])
    ['admissions', 'members', 'deaths']
    """
    present = set(kpis["metric"].unique().to_list())
    known = [m for m in order if m in present]
    return known + sorted(present - set(known))
