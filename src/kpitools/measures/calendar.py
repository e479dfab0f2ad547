"""Periods and structures: the period of each row, and the units each period compares.

A row's period lies within its year; how a period is written; which structure (set of
units: districts until mid-2025, communes and wards after) each period of a table compares.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import polars as pl

from kpitools.measures.ratios import ENGINE, Frame, FrameT, column_names
from kpitools.registry import UnitRegistry
from kpitools.vocab import check_lang, word

# A row's period is [period_from, period_to]. period_from is its period_start (empty or no
# such column: 1 January of its year). period_to is the day before the next period of the
# same year in the table starts (2025's first half ends on 30/6 when second-half rows start
# on 1/7), else 31 December — or the row's as_of if that is later (a whole-year row of 2025
# beside half-year ones is a period of its own). A figure taken before its period ends (on
# 30/11) belongs to the whole period: as_of is when it was taken. Rows are compared only
# within one year, metric and period, so 2025's first half by district and second half by
# new unit are two comparisons; rows of two structures cannot share a period, since a row's
# unit must be in force on its period_start.

#: The internal columns that hold a row's period while a measure works.
PERIOD_FROM, PERIOD_TO = "_period_from", "_period_to"


PERIOD_COLUMNS = (PERIOD_FROM, PERIOD_TO)


def has_period_starts(names: Sequence[str]) -> bool:
    """Whether a frame of these columns has periods: a ``period_start`` or worked-out ones."""
    return "period_start" in names or "period_from" in names


def with_internal_period(kpis: FrameT) -> FrameT:
    """``kpis`` with the first and last day of each row's period (see the note above)."""
    names = column_names(kpis)
    if "period_from" in names and "period_to" in names:
        # periods worked out on a larger table (see with_periods) are kept as they are
        return kpis.with_columns(
            pl.col("period_from").alias(PERIOD_FROM), pl.col("period_to").alias(PERIOD_TO)
        )
    if not has_period_starts(names) or whole_years(kpis):
        return _whole_year_periods(kpis)
    year = pl.col("year")
    jan1, dec31 = pl.date(year, 1, 1), pl.date(year, 12, 31)
    lazy = kpis.lazy().with_columns(pl.coalesce(pl.col("period_start"), jan1).alias(PERIOD_FROM))
    starts = lazy.select("year", PERIOD_FROM).unique()
    following = (
        starts.join(starts, on="year", suffix="_next")
        .filter(pl.col(f"{PERIOD_FROM}_next") > pl.col(PERIOD_FROM))
        .group_by("year", PERIOD_FROM)
        .agg(pl.col(f"{PERIOD_FROM}_next").min().alias("_next"))
    )
    until = pl.coalesce(pl.col("_next") - pl.duration(days=1), dec31)
    end = pl.max_horizontal(until, pl.col("as_of")) if "as_of" in names else until
    out = (
        lazy.join(following, on=["year", PERIOD_FROM], how="left", maintain_order="left")
        .with_columns(pl.min_horizontal(end, dec31).alias(PERIOD_TO))
        .drop("_next")
    )
    return out if isinstance(kpis, pl.LazyFrame) else out.collect(engine=ENGINE)


def _whole_year_periods(kpis: FrameT) -> FrameT:
    year = pl.col("year")
    return kpis.with_columns(
        pl.date(year, 1, 1).alias(PERIOD_FROM), pl.date(year, 12, 31).alias(PERIOD_TO)
    )


def lazy_with_internal_period(kpis: Frame) -> pl.LazyFrame:
    """:func:`with_internal_period` of ``kpis`` as a lazy frame, worked out at once when cheap."""
    kept = {"period_from", "period_to"} <= set(column_names(kpis))  # see with_internal_period
    if isinstance(kpis, pl.DataFrame) and not kept and whole_years(kpis):
        return _whole_year_periods(kpis).lazy()
    return with_internal_period(kpis.lazy())


def whole_years(kpis: pl.DataFrame | pl.LazyFrame) -> bool:
    """Whether every row of a frame is of its whole year (``period_start`` empty or 1/1).

    Each row's period is then 1/1–31/12 of its year (a row's ``as_of`` never ends a
    period after 31/12), which needs no join of the years' periods. A lazy frame is not
    looked into, nor one whose dates are not dates (their periods take the other type).
    """
    if not isinstance(kpis, pl.DataFrame) or "period_start" not in kpis.columns:
        return False
    if any(
        kpis.schema.get(c, pl.Date) not in (pl.Date, pl.Null) for c in ("period_start", "as_of")
    ):
        return False
    start = pl.col("period_start")
    whole = start.is_null() | (start == pl.date(pl.col("year"), 1, 1))
    # a row without a year ends on its as_of
    return bool(kpis.select(whole.all() & pl.col("year").is_not_null().all()).item())


def overlaps(start: pl.Expr, end: pl.Expr, valid_from: pl.Expr, valid_to: pl.Expr) -> pl.Expr:
    """[start, end] meets [valid_from, valid_to] (an open bound is null)."""
    return (valid_from.is_null() | (valid_from <= end)) & (valid_to.is_null() | (valid_to >= start))


def with_periods(kpis: FrameT) -> FrameT:
    """Add ``period_from`` and ``period_to``: the first and last day of each row's period.

    ``period_from`` is ``period_start`` (empty, or no such column: 1 January of the row's
    year). ``period_to`` is the day before the next period of the same year in the table
    starts, else 31 December, or the row's ``as_of`` if that is later: in 2025 the first
    half (from 1/1) ends on 30/6 when rows of the second half start on 1/7. A figure taken
    before its period ends (``as_of`` 30/11) is of the whole period. Every comparison of
    this module (rank, share, reconciliation, roll-up, year-over-year change, terms) stays
    within one year, metric and period.

    A period's end depends on the other rows of its year (a first half alone looks like a
    year taken on 30/6), so a view works them out once on the whole table and then picks
    rows: a frame that already has ``period_from`` and ``period_to`` keeps them, here and
    in every measure.

    Examples
    --------
    >>> import datetime as dt
    >>> df = pl.DataFrame({"year": [2024, 2025, 2025],
    ...     "period_start": [None, dt.date(2025, 1, 1), dt.date(2025, 7, 1)],
    ...     "as_of": [dt.date(2024, 11, 30), dt.date(2025, 6, 30), dt.date(2025, 12, 31)]})
    >>> [(str(a), str(b)) for a, b in with_periods(df).select("period_from", "period_to").rows()]
    [('2024-01-01', '2024-12-31'), ('2025-01-01', '2025-06-30'), ('2025-07-01', '2025-12-31')]
    """
    if {"period_from", "period_to"} <= set(column_names(kpis)):
        return kpis
    return with_internal_period(kpis).rename({PERIOD_FROM: "period_from", PERIOD_TO: "period_to"})


_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def period_label(year: int, start: date, end: date, *, lang: str = "vi") -> str:
    """How a period is written: the year alone when it is the whole year.

    Examples
    --------
    >>> import datetime as dt
    >>> period_label(2025, dt.date(2025, 1, 1), dt.date(2025, 6, 30))
    '1/1–30/6/2025'
    >>> period_label(2025, dt.date(2025, 7, 1), dt.date(2025, 12, 31), lang="en")
    '1 Jul–31 Dec 2025'
    >>> period_label(2023, dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    '2023'
    """
    check_lang(lang)
    if (start, end) == (date(year, 1, 1), date(year, 12, 31)):
        return str(year)
    if lang == "vi":
        head = f"{start.day}/{start.month}" + ("" if start.year == end.year else f"/{start.year}")
        return f"{head}–{end.day}/{end.month}/{end.year}"
    head = f"{start.day} {_MONTHS_EN[start.month - 1]}" + (
        "" if start.year == end.year else f" {start.year}"
    )
    return f"{head}–{end.day} {_MONTHS_EN[end.month - 1]} {end.year}"


def _registry_rows(registry: UnitRegistry) -> pl.LazyFrame:
    """Every row of the registry (a code may have several, at different dates)."""
    u = registry.units
    return u.lazy().select(
        pl.col("code").alias("unit_code"),
        pl.col("parent").alias("_parent"),
        pl.col("level").alias("_reg_level"),
        pl.col("type").alias("_type")
        if "type" in u.columns
        else pl.lit(None, pl.String).alias("_type"),
        pl.col("valid_from").alias("_vf"),
        pl.col("valid_to").alias("_vt"),
        pl.int_range(pl.len(), dtype=pl.Int64).alias("_uid"),
    )


MATCHED_COLUMNS = ("_parent", "_reg_level", "_type", "_vf", "_vt", "_uid")


def with_registry_rows(lazy: pl.LazyFrame, registry: UnitRegistry) -> pl.LazyFrame:
    """Each row (with its period columns) and the registry row of its unit in that period.

    A code may stand for different units at different dates (codes were reused in 2025):
    the registry row whose validity meets the row's period is taken (if several, the one
    in force on the row's ``as_of``, else the latest: a first half taken on 30/6 without
    a ``period_start`` is the unit of 30/6, not of the second half); a code without one
    keeps its only registry row, if it has one (so a table from before a registry's
    horizon still finds its units). Adds ``_parent``, ``_reg_level``, ``_type``, ``_vf``,
    ``_vt``, ``_uid`` (null for unknown codes).
    """
    units = _registry_rows(registry)
    if not registry.units.get_column("code").is_duplicated().any():
        # one row per code (a registry without reused codes): no date to choose by
        return lazy.join(units, on="unit_code", how="left", maintain_order="left")
    counts = units.group_by("unit_code").agg(pl.len().alias("_rows"))
    indexed = lazy.with_row_index("_row")
    fits = overlaps(pl.col(PERIOD_FROM), pl.col(PERIOD_TO), pl.col("_vf"), pl.col("_vt"))
    # the day the figure was taken: as_of, within the period (its end when not given)
    names = column_names(lazy)
    day = (
        pl.min_horizontal(pl.coalesce("as_of", PERIOD_TO), PERIOD_TO)
        if "as_of" in names
        else pl.col(PERIOD_TO)
    )
    on_day = overlaps(day, day, pl.col("_vf"), pl.col("_vt"))
    return (
        indexed.join(units, on="unit_code", how="left")
        .join(counts, on="unit_code", how="left")
        .with_columns(
            pl.when(fits | (pl.col("_rows") == 1)).then(pl.col("_uid")).alias("_keep"),
            on_day.fill_null(False).alias("_on_day"),
        )
        .sort(
            "_row",
            pl.col("_keep").is_null(),
            "_on_day",
            "_vf",
            descending=[False, False, True, True],
            nulls_last=True,
        )
        .unique("_row", keep="first", maintain_order=True)
        .with_columns(
            *[
                pl.when(pl.col("_keep").is_not_null()).then(pl.col(c)).alias(c)
                for c in MATCHED_COLUMNS
            ]
        )
        .drop("_row", "_rows", "_keep", "_on_day")
    )


def periods(kpis: Frame, *, year: int | None = None, lang: str = "vi") -> pl.DataFrame:
    """The periods of the table: one row per year and period, in order.

    Columns ``year``, ``period_from``, ``period_to`` (see :func:`with_periods`),
    ``label`` (:func:`period_label`) and ``rows``. A year with several periods (2025: the
    first half by district, the second half by new unit) has one row for each.

    Examples
    --------
    >>> import datetime as dt
    >>> df = pl.DataFrame({"year": [2024, 2025, 2025],
    ...     "period_start": [None, dt.date(2025, 1, 1), dt.date(2025, 7, 1)],
    ...     "as_of": [dt.date(2024, 12, 31), dt.date(2025, 6, 30), dt.date(2025, 12, 31)]})
    >>> periods(df)["label"].to_list()
    ['2024', '1/1–30/6/2025', '1/7–31/12/2025']
    """
    check_lang(lang)
    lazy = kpis.lazy()
    if year is not None:
        lazy = lazy.filter(pl.col("year") == year)
    out = (
        with_internal_period(lazy)
        .group_by("year", PERIOD_FROM, PERIOD_TO)
        .agg(pl.len().cast(pl.Int64).alias("rows"))
        .sort("year", PERIOD_FROM, PERIOD_TO)
        .rename({PERIOD_FROM: "period_from", PERIOD_TO: "period_to"})
        .collect(engine=ENGINE)
    )
    labels = [period_label(y, a, b, lang=lang) for y, a, b, _ in out.iter_rows()]
    return out.with_columns(pl.Series("label", labels, dtype=pl.String)).select(
        "year", "period_from", "period_to", "label", "rows"
    )


#: The order in which unit types are named in a structure (others after, alphabetically).
_TYPE_ORDER = (
    "tỉnh",
    "thành phố",
    "quận",
    "huyện",
    "thị xã",
    "phường",
    "xã",
    "thị trấn",
    "đặc khu",
)


_LEVEL_ORDER = ("province", "city", "district", "commune", "ward", "affiliated", "basic")


def _structure_text(units: pl.DataFrame, lang: str) -> str:
    """``30 quận, huyện, thị xã; 1 đảng bộ trực thuộc khác`` for units (level, type)."""
    parts = []
    levels = units["_level"].unique().to_list()
    order = {lv: i for i, lv in enumerate(_LEVEL_ORDER)}
    for lv in sorted(levels, key=lambda v: (order.get(v, len(order)), str(v))):
        group = units.filter(pl.col("_level").eq_missing(lv))
        n = group.height
        types = [t for t in group["_type"].to_list() if t]
        counted = {t: types.count(t) for t in types}
        known = {t: i for i, t in enumerate(_TYPE_ORDER)}
        names = sorted(counted, key=lambda t: (known.get(t, len(known)), t))
        key = "commune" if lv == "ward" else lv
        level_word = word(f"table.structure.{key}", lang, default="") or word(
            "table.structure.units", lang
        )
        if lang == "vi" and names and len(types) == n:
            parts.append(f"{n} {', '.join(names)}")
        elif names:
            detail = ", ".join(f"{counted[t]} {t}" for t in names)
            parts.append(f"{n} {level_word} ({detail})")
        else:
            parts.append(f"{n} {level_word}")
    return "; ".join(parts)


def structures(
    kpis: Frame, registry: UnitRegistry | None = None, *, lang: str = "vi"
) -> pl.DataFrame:
    """Which units each period of the table compares: one row per year and period.

    Columns ``year``, ``period_from``, ``period_to``, ``label`` (as :func:`periods`),
    ``units`` (how many) and ``structure``: the units counted by level and, with a
    ``registry``, by type — ``30 quận, huyện, thị xã`` or ``126 phường, xã``, in English
    ``30 district-level units (12 quận, 17 huyện, 1 thị xã)``. Rows of the ``city`` level
    are left out: the city is the reference, not one of the units compared. Without a
    registry the ``level`` column of the table is counted.

    Examples
    --------
    >>> df = pl.DataFrame({"unit_code": ["01", "001", "017"], "year": [2023] * 3,
    ...                    "level": ["city", "district", "district"]})
    >>> structures(df, lang="en").select("label", "units", "structure").row(0)
    ('2023', 2, '2 district-level units')
    """
    check_lang(lang)
    lazy = lazy_with_internal_period(kpis)
    names = column_names(kpis)
    level = pl.col("level") if "level" in names else pl.lit(None, pl.String)
    if registry is not None:
        lazy = with_registry_rows(lazy, registry).with_columns(
            pl.coalesce("_reg_level", level).alias("_level")
        )
    else:
        lazy = lazy.with_columns(level.alias("_level"), pl.lit(None, pl.String).alias("_type"))
    rows = (
        lazy.filter(~pl.col("_level").eq_missing("city"))
        .select("year", "unit_code", PERIOD_FROM, PERIOD_TO, "_level", "_type")
        .unique(["year", "unit_code", PERIOD_FROM, PERIOD_TO], keep="first")
        .sort("year", PERIOD_FROM, PERIOD_TO, "unit_code")
        .collect(engine=ENGINE)
    )
    out: list[dict[str, object]] = []
    for (y, start, end), part in rows.group_by(
        ["year", PERIOD_FROM, PERIOD_TO], maintain_order=True
    ):
        out.append(
            {
                "year": y,
                "period_from": start,
                "period_to": end,
                "label": period_label(int(y), start, end, lang=lang),
                "units": part.height,
                "structure": _structure_text(part, lang),
            }
        )
    schema: dict[str, Any] = {
        "year": rows.schema["year"],
        "period_from": pl.Date,
        "period_to": pl.Date,
        "label": pl.String,
        "units": pl.Int64,
        "structure": pl.String,
    }
    return pl.DataFrame(out, schema=schema)


def structure_label(
    kpis: Frame,
    registry: UnitRegistry | None = None,
    *,
    year: int,
    period: date | None = None,
    lang: str = "vi",
) -> str:
    """Which units ``year`` compares, and over which period: ``30 quận, huyện · 2023``.

    The structure of :func:`structures` and the period, for each period of the year (or
    the one starting on ``period``): ``30 quận, huyện, thị xã · 1/1–30/6/2025`` and
    ``126 phường, xã · 1/7–31/12/2025``, or in English ``30 district-level units (12 quận,
    17 huyện, 1 thị xã) · 1 Jan–30 Jun 2025``. A year with two periods gives both, joined
    by `` | ``; empty when the year has no rows of units.

    Examples
    --------
    >>> reg = UnitRegistry.from_frame(pl.DataFrame({"code": ["01", "001", "017"],
    ...     "name": ["Hà Nội", "Ba Đình", "Đông Anh"], "level": ["city", "district", "district"],
    ...     "type": ["thành phố", "quận", "huyện"], "parent": [None, "01", "01"]}))
    >>> df = pl.DataFrame({"unit_code": ["01", "001", "017"], "year": [2023] * 3,
    ...                    "level": ["city", "district", "district"]})
    >>> structure_label(df, reg, year=2023)
    '2 quận, huyện · 2023'
    >>> structure_label(df, reg, year=2023, lang="en")
    '2 district-level units (1 quận, 1 huyện) · 2023'
    >>> structure_label(df, year=2023, lang="en")
    '2 district-level units · 2023'
    """
    table = structures(kpis.lazy().filter(pl.col("year") == year), registry, lang=lang)
    if period is not None:
        table = table.filter(pl.col("period_from") == period)
    return " | ".join(f"{s} · {label}" for label, s in table.select("label", "structure").rows())
