"""Congress terms (nhiệm kỳ) and cumulative attainment over a term."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import polars as pl

from kpitools.measures.calendar import (
    MATCHED_COLUMNS,
    PERIOD_COLUMNS,
    PERIOD_FROM,
    PERIOD_TO,
    has_period_starts,
    lazy_with_internal_period,
    overlaps,
    with_registry_rows,
)
from kpitools.measures.ratios import (
    ENGINE,
    Frame,
    FrameT,
    attainment,
    attainment_note,
    column_names,
    nan_as_null,
    sum_or_null,
)
from kpitools.registry import UnitRegistry


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


@dataclass(frozen=True)
class Term:
    """A congress term (nhiệm kỳ): its plan years and the days it covers.

    ``first_year`` to ``last_year`` are the plan years summed; ``starts`` and ``ends`` the
    first and last day whose figures count. Hà Nội's terms meet in 2025: 2020–2025 ends on
    2025-06-30 (the last day of the district structure) and 2025–2030 starts on
    2025-07-01 (the new units' first day); see :func:`term_attainment` for how a 2025 row
    is counted.

    Examples
    --------
    >>> TERMS[0].label, TERMS[1].starts.isoformat()
    ('2020–2025', '2025-07-01')
    """

    first_year: int
    last_year: int
    starts: date
    ends: date

    def __post_init__(self) -> None:
        if self.first_year > self.last_year or self.starts > self.ends:
            raise ValueError(f"the term must start before it ends, got {self}")
        if not (self.first_year <= self.starts.year <= self.ends.year <= self.last_year):
            raise ValueError(f"the term's days must fall in its years, got {self}")

    @property
    def label(self) -> str:
        """``2020–2025``."""
        return f"{self.first_year}–{self.last_year}"

    @classmethod
    def of_years(cls, first_year: int, last_year: int) -> Term:
        """The term of these plan years: one of :data:`TERMS`, else 1 January to 31 December.

        Examples
        --------
        >>> Term.of_years(2020, 2025).ends.isoformat(), Term.of_years(2016, 2020).ends.isoformat()
        ('2025-06-30', '2020-12-31')
        """
        for term in TERMS:
            if (term.first_year, term.last_year) == (first_year, last_year):
                return term
        if first_year > last_year:
            raise ValueError(f"the term must start before it ends, got {first_year}–{last_year}")
        return cls(first_year, last_year, date(first_year, 1, 1), date(last_year, 12, 31))


#: The congress terms around the 2025 reorganization: 2020–2025 (to 2025-06-30, by
#: district) and 2025–2030 (from 2025-07-01, by commune and ward).
TERMS: tuple[Term, ...] = (
    Term(2020, 2025, date(2020, 1, 1), date(2025, 6, 30)),
    Term(2025, 2030, date(2025, 7, 1), date(2030, 12, 31)),
)


def _refuse_overlaps(rows: pl.LazyFrame) -> None:
    """Raise when two rows of one unit and metric cover overlapping days."""
    clash = (
        rows.select("unit_code", "metric", "year", PERIOD_FROM, PERIOD_TO)
        .sort("unit_code", "metric", PERIOD_FROM, PERIOD_TO)
        .with_columns(
            pl.col(PERIOD_TO).shift().over("unit_code", "metric").alias("_prev_to"),
            pl.col("year").shift().over("unit_code", "metric").alias("_prev_year"),
        )
        .filter(pl.col(PERIOD_FROM) <= pl.col("_prev_to"))
        .head(1)
        .collect(engine=ENGINE)
    )
    if clash.height:
        r = clash.row(0, named=True)
        raise ValueError(
            f"unit {r['unit_code']}, metric {r['metric']}: rows of {r['_prev_year']} and "
            f"{r['year']} cover overlapping days (up to {r['_prev_to']} and from "
            f"{r[PERIOD_FROM]}); a term adds each day once — keep the whole-year row or the "
            "half-year rows"
        )


def _term_rows(kpis: Frame, term: Term, registry: UnitRegistry | None) -> pl.LazyFrame:
    """The rows a term counts (see :func:`term_attainment`), with their period columns."""
    # the days a figure can cover end on its as_of (a first-half figure taken on 30/6
    # holds no day of a term that starts on 1/7)
    covered = (
        pl.min_horizontal(PERIOD_TO, "as_of")
        if "as_of" in column_names(kpis)
        else pl.col(PERIOD_TO)
    )
    lazy = lazy_with_internal_period(kpis).filter(
        pl.col("year").is_between(term.first_year, term.last_year),
        overlaps(pl.col(PERIOD_FROM), covered, pl.lit(term.starts), pl.lit(term.ends)),
    )
    if registry is not None:
        lazy = with_registry_rows(lazy, registry).filter(
            pl.col("_uid").is_null()
            | overlaps(pl.lit(term.starts), pl.lit(term.ends), pl.col("_vf"), pl.col("_vt"))
        )
        lazy = lazy.drop(*MATCHED_COLUMNS)
    return lazy


def term_rows(
    kpis: FrameT,
    *,
    start: int = 2020,
    end: int = 2025,
    term: Term | None = None,
    registry: UnitRegistry | None = None,
) -> FrameT:
    """The rows :func:`term_attainment` adds up for a term (same arguments).

    Examples
    --------
    >>> import datetime as dt
    >>> df = pl.DataFrame({"unit_code": ["01"] * 3, "metric": ["m"] * 3,
    ...     "year": [2024, 2025, 2025], "as_of": [None, dt.date(2025, 6, 30), None],
    ...     "period_start": [None, dt.date(2025, 1, 1), dt.date(2025, 7, 1)],
    ...     "actual": [10.0, 4.0, 6.0]})
    >>> term_rows(df, term=TERMS[0])["actual"].to_list(), term_rows(df, term=TERMS[1])[
    ...     "actual"].to_list()
    ([10.0, 4.0], [6.0])
    """
    term = term or Term.of_years(start, end)
    out = _term_rows(kpis, term, registry).drop(*PERIOD_COLUMNS)
    return out if isinstance(kpis, pl.LazyFrame) else out.collect(engine=ENGINE)


def term_attainment(
    kpis: Frame,
    *,
    start: int = 2020,
    end: int = 2025,
    term: Term | None = None,
    term_targets: pl.DataFrame | None = None,
    registry: UnitRegistry | None = None,
) -> pl.DataFrame:
    """Cumulative attainment over a congress term, per unit and metric.

    The term is ``term`` (one of :data:`TERMS`, say), else the plan years ``start`` to
    ``end`` (2020–2025 and 2025–2030 are the terms of :data:`TERMS`). Sums ``actual`` over
    the term's rows present in the data. The term target is taken
    from ``term_targets`` (columns ``unit_code``, ``metric``, ``term_target``; one row per
    unit and metric) when it has one, else it is the sum of the yearly targets of the
    rows counted (null if any of them is missing). ``years`` counts the years with data
    and ``complete`` says whether every year of the term is there; ``attainment`` is null
    (with ``attainment_note``) when no target is known. ``unit_name``, ``level`` and
    ``source`` (``synthetic`` if any year is) are carried over when the input has them.

    Which rows a term counts: those of its plan years whose period (see
    :func:`with_periods`) meets the term's days. The year the terms share, 2025, counts
    in each term only for the part of it the rows cover: a first-half row (to 2025-06-30)
    counts in 2020–2025 only, a second-half row (from 2025-07-01) in 2025–2030 only, and a
    row of the whole of 2025 — a unit whose rows do not split the year — in both. With a
    ``registry`` the unit's own dates decide as well: a district that ceased on 2025-06-30
    is only in 2020–2025 and a unit valid from 2025-07-01 only in 2025–2030, whatever its
    rows say; the city, valid throughout, is in both. Rows of one unit and metric whose
    periods overlap (a whole-year row beside a half-year one) are refused rather than
    added twice.

    Examples
    --------
    >>> df = pl.DataFrame({"unit_code": ["017"] * 2, "metric": ["m"] * 2, "year": [2020, 2021],
    ...                    "target": [100.0, 100.0], "actual": [90.0, 130.0]})
    >>> term_attainment(df).select("actual", "target", "attainment", "years", "complete").row(0)
    (220.0, 200.0, 1.1, 2, False)
    """
    if term is None:
        if start > end:
            raise ValueError(f"the term must start before it ends, got {start}–{end}")
        term = Term.of_years(start, end)
    start, end = term.first_year, term.last_year
    rows = _term_rows(kpis, term, registry)
    if has_period_starts(column_names(kpis)):
        _refuse_overlaps(rows)
    kpis = rows.drop(*PERIOD_COLUMNS)
    names = column_names(kpis)
    carried = [pl.col(c).first() for c in ("unit_name", "level") if c in names]
    if "source" in names:
        carried.append(_source().alias("source"))
    agg = (
        kpis.lazy()
        .group_by("unit_code", "metric")
        .agg(
            *carried,
            pl.when(nan_as_null("actual").is_null().all())
            .then(None)
            .otherwise(nan_as_null("actual").sum())
            .alias("actual"),
            sum_or_null("target").alias("yearly_target_sum"),
            pl.col("year").n_unique().cast(pl.Int32).alias("years"),
            pl.col("year").max().alias("last_year"),
        )
    )
    if term_targets is not None:
        need = {"unit_code", "metric", "term_target"}
        if lacking := need - set(column_names(term_targets)):
            raise ValueError(f"term_targets lacks the column(s) {', '.join(sorted(lacking))}")
        tt = term_targets.lazy().select("unit_code", "metric", "term_target").collect(engine=ENGINE)
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
        .collect(engine=ENGINE)
    )
