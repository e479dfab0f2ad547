"""KPI measures: pure functions over polars frames and expressions.

Expression builders (``attainment``, ``variance``, ``status``...) compose inside
``with_columns``; frame helpers take the long table first, options keyword-only, and return
a new frame. Nothing here mutates its input, and no measure ever yields ``inf`` or ``NaN``:
a ratio whose denominator is missing or zero is null, with the reason in a ``*_note`` column.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from math import isfinite
from typing import Any, Final, Literal, TypeVar

import polars as pl

from kpitools.numbers import NumberFormatError, check_percent
from kpitools.registry import UnitRegistry
from kpitools.vocab import check_lang, word

Frame = pl.DataFrame | pl.LazyFrame
#: A frame helper returns the kind of frame it was given.
FrameT = TypeVar("FrameT", pl.DataFrame, pl.LazyFrame)

#: The engine of the measures' own queries. KPI tables are small (hundreds or thousands of
#: rows): polars' in-memory engine answers them in half the time of the streaming one
#: (polars' default since 2.0), and a new process (each report's kernel) does not start
#: the streaming engine's executor for them.
_ENGINE: Final[Literal["in-memory"]] = "in-memory"

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

# --- periods -------------------------------------------------------------------------------
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
_PF, _PT = "_period_from", "_period_to"
_PERIOD = (_PF, _PT)


def _has_periods(names: Sequence[str]) -> bool:
    return "period_start" in names or "period_from" in names


def _with_period(kpis: FrameT) -> FrameT:
    """``kpis`` with the first and last day of each row's period (see the note above)."""
    names = _names(kpis)
    if "period_from" in names and "period_to" in names:
        # periods worked out on a larger table (see with_periods) are kept as they are
        return kpis.with_columns(pl.col("period_from").alias(_PF), pl.col("period_to").alias(_PT))
    if not _has_periods(names) or whole_years(kpis):
        return _whole_year_periods(kpis)
    year = pl.col("year")
    jan1, dec31 = pl.date(year, 1, 1), pl.date(year, 12, 31)
    lazy = kpis.lazy().with_columns(pl.coalesce(pl.col("period_start"), jan1).alias(_PF))
    starts = lazy.select("year", _PF).unique()
    following = (
        starts.join(starts, on="year", suffix="_next")
        .filter(pl.col(f"{_PF}_next") > pl.col(_PF))
        .group_by("year", _PF)
        .agg(pl.col(f"{_PF}_next").min().alias("_next"))
    )
    until = pl.coalesce(pl.col("_next") - pl.duration(days=1), dec31)
    end = pl.max_horizontal(until, pl.col("as_of")) if "as_of" in names else until
    out = (
        lazy.join(following, on=["year", _PF], how="left", maintain_order="left")
        .with_columns(pl.min_horizontal(end, dec31).alias(_PT))
        .drop("_next")
    )
    return out if isinstance(kpis, pl.LazyFrame) else out.collect(engine=_ENGINE)


def _whole_year_periods(kpis: FrameT) -> FrameT:
    year = pl.col("year")
    return kpis.with_columns(pl.date(year, 1, 1).alias(_PF), pl.date(year, 12, 31).alias(_PT))


def _lazy_with_period(kpis: Frame) -> pl.LazyFrame:
    """:func:`_with_period` of ``kpis`` as a lazy frame, worked out at once when cheap."""
    kept = {"period_from", "period_to"} <= set(_names(kpis))  # see _with_period
    if isinstance(kpis, pl.DataFrame) and not kept and whole_years(kpis):
        return _whole_year_periods(kpis).lazy()
    return _with_period(kpis.lazy())


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


def _overlaps(start: pl.Expr, end: pl.Expr, valid_from: pl.Expr, valid_to: pl.Expr) -> pl.Expr:
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
    if {"period_from", "period_to"} <= set(_names(kpis)):
        return kpis
    return _with_period(kpis).rename({_PF: "period_from", _PT: "period_to"})


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


_MATCHED = ("_parent", "_reg_level", "_type", "_vf", "_vt", "_uid")


def _matched(lazy: pl.LazyFrame, registry: UnitRegistry) -> pl.LazyFrame:
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
    fits = _overlaps(pl.col(_PF), pl.col(_PT), pl.col("_vf"), pl.col("_vt"))
    # the day the figure was taken: as_of, within the period (its end when not given)
    names = _names(lazy)
    day = pl.min_horizontal(pl.coalesce("as_of", _PT), _PT) if "as_of" in names else pl.col(_PT)
    on_day = _overlaps(day, day, pl.col("_vf"), pl.col("_vt"))
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
            *[pl.when(pl.col("_keep").is_not_null()).then(pl.col(c)).alias(c) for c in _MATCHED]
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
        _with_period(lazy)
        .group_by("year", _PF, _PT)
        .agg(pl.len().cast(pl.Int64).alias("rows"))
        .sort("year", _PF, _PT)
        .rename({_PF: "period_from", _PT: "period_to"})
        .collect(engine=_ENGINE)
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
    lazy = _lazy_with_period(kpis)
    names = _names(kpis)
    level = pl.col("level") if "level" in names else pl.lit(None, pl.String)
    if registry is not None:
        lazy = _matched(lazy, registry).with_columns(
            pl.coalesce("_reg_level", level).alias("_level")
        )
    else:
        lazy = lazy.with_columns(level.alias("_level"), pl.lit(None, pl.String).alias("_type"))
    rows = (
        lazy.filter(~pl.col("_level").eq_missing("city"))
        .select("year", "unit_code", _PF, _PT, "_level", "_type")
        .unique(["year", "unit_code", _PF, _PT], keep="first")
        .sort("year", _PF, _PT, "unit_code")
        .collect(engine=_ENGINE)
    )
    out: list[dict[str, object]] = []
    for (y, start, end), part in rows.group_by(["year", _PF, _PT], maintain_order=True):
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


def _names(kpis: pl.DataFrame | pl.LazyFrame) -> list[str]:
    return kpis.collect_schema().names()


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
    names = _names(kpis)
    lazy = kpis.lazy()
    if not _has_periods(names) and registry is None:
        prev = lazy.select(
            *_KEY,
            (pl.col("year") + 1).alias("year"),
            *[pl.col(c).alias(a) for c, a in columns.items()],
        )
        out = lazy.join(prev, on=[*_KEY, "year"], how="left", maintain_order="left")
        return out if isinstance(kpis, pl.LazyFrame) else out.collect(engine=_ENGINE)
    work = _lazy_with_period(kpis).with_columns(
        _part_of_year(_PF).alias("_pf_md"), _part_of_year(_PT).alias("_pt_md")
    )
    if registry is not None:
        work = _matched(work, registry)
    else:
        work = work.with_columns(pl.lit(None, pl.Int64).alias("_uid"))
    keys = [*_KEY, "year", "_pf_md", "_pt_md"]
    prev = work.select(
        *_KEY,
        (pl.col("year") + 1).alias("year"),
        "_pf_md",
        "_pt_md",
        pl.col("_uid").alias("_uid_prev"),
        pl.lit(True).alias("_found"),
        *[pl.col(c).alias(a) for c, a in columns.items()],
    )
    any_prev = (
        work.select(*_KEY, (pl.col("year") + 1).alias("year"))
        .unique()
        .with_columns(pl.lit(True).alias("_any_prev"))
    )
    other_unit = pl.col("_found").fill_null(False) & pl.col("_uid").ne_missing(pl.col("_uid_prev"))
    out = (
        work.join(prev, on=keys, how="left", maintain_order="left")
        .join(any_prev, on=[*_KEY, "year"], how="left", maintain_order="left")
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
            _PF,
            _PT,
            "_pf_md",
            "_pt_md",
            "_uid_prev",
            "_found",
            "_any_prev",
            *_MATCHED,
            strict=False,
        )
    )
    return out if isinstance(kpis, pl.LazyFrame) else out.collect(engine=_ENGINE)


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
        _finite(_clean(value) - _clean(prev)).alias("yoy_change"),
        _ratio(pl.col(value) - pl.col(prev), pl.col(prev)).alias("yoy_pct"),
    )
    if "_prev_note" in _names(out):
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
    out = out.with_columns(_ratio(pl.col("target"), pl.col(tmp)).alias("stretch")).drop(tmp)
    return out.drop("_prev_note") if "_prev_note" in _names(out) else out


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
    names = _names(kpis)
    if by not in names:
        if by != "attainment":
            raise ValueError(f"cannot rank by {by!r}: no such column")
        kpis = kpis.with_columns(attainment())
    group = ["year", "metric", *(["level"] if level else [])]
    rank = _clean(by).rank("min", descending=descending).cast(pl.Int32).alias("rank")
    if not _has_periods(names):
        return kpis.with_columns(rank.over(group))
    return _with_period(kpis).with_columns(rank.over(*group, *_PERIOD)).drop(*_PERIOD)


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
    keys = ["parent", "year", "metric", *_PERIOD]
    lazy = _lazy_with_period(kpis)
    with_parent = (
        _matched(lazy, registry).with_columns(pl.col("_parent").alias("parent")).drop(*_MATCHED)
    )
    own = lazy.select(
        pl.col("unit_code").alias("parent"),
        "year",
        "metric",
        *_PERIOD,
        pl.col("actual").alias("_parent_own"),
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
        .drop("_parent_own", "_parent_sum", *_PERIOD)
    )
    return out if isinstance(kpis, pl.LazyFrame) else out.collect(engine=_ENGINE)


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
    names = _names(kpis)
    year = pl.col("year")
    if not _has_periods(names) and registry is None:
        day = (pl.col("as_of") - pl.date(year, 1, 1)).dt.total_days() + 1
        elapsed = (day.cast(pl.Float64) / _days_in_year(year)).clip(0.0, 1.0)
        out = kpis.with_columns(elapsed.alias("elapsed"))
    else:
        lazy = _lazy_with_period(kpis)
        if registry is not None:  # a unit's plan ends when it ceases
            lazy = _matched(lazy, registry).with_columns(pl.min_horizontal(_PT, "_vt").alias(_PT))
        day = (pl.col("as_of") - pl.col(_PF)).dt.total_days() + 1
        span = (pl.col(_PT) - pl.col(_PF)).dt.total_days() + 1
        elapsed = pl.when(span > 0).then((day.cast(pl.Float64) / span).clip(0.0, 1.0))
        lazy = lazy.with_columns(elapsed.alias("elapsed")).drop(*_PERIOD, *_MATCHED, strict=False)
        out = lazy if isinstance(kpis, pl.LazyFrame) else lazy.collect(engine=_ENGINE)
    partial = pl.col("elapsed") < 1.0
    return out.with_columns(
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
        rows.select("unit_code", "metric", "year", _PF, _PT)
        .sort("unit_code", "metric", _PF, _PT)
        .with_columns(
            pl.col(_PT).shift().over("unit_code", "metric").alias("_prev_to"),
            pl.col("year").shift().over("unit_code", "metric").alias("_prev_year"),
        )
        .filter(pl.col(_PF) <= pl.col("_prev_to"))
        .head(1)
        .collect(engine=_ENGINE)
    )
    if clash.height:
        r = clash.row(0, named=True)
        raise ValueError(
            f"unit {r['unit_code']}, metric {r['metric']}: rows of {r['_prev_year']} and "
            f"{r['year']} cover overlapping days (up to {r['_prev_to']} and from "
            f"{r[_PF]}); a term adds each day once — keep the whole-year row or the "
            "half-year rows"
        )


def _term_rows(kpis: Frame, term: Term, registry: UnitRegistry | None) -> pl.LazyFrame:
    """The rows a term counts (see :func:`term_attainment`), with their period columns."""
    # the days a figure can cover end on its as_of (a first-half figure taken on 30/6
    # holds no day of a term that starts on 1/7)
    covered = pl.min_horizontal(_PT, "as_of") if "as_of" in _names(kpis) else pl.col(_PT)
    lazy = _lazy_with_period(kpis).filter(
        pl.col("year").is_between(term.first_year, term.last_year),
        _overlaps(pl.col(_PF), covered, pl.lit(term.starts), pl.lit(term.ends)),
    )
    if registry is not None:
        lazy = _matched(lazy, registry).filter(
            pl.col("_uid").is_null()
            | _overlaps(pl.lit(term.starts), pl.lit(term.ends), pl.col("_vf"), pl.col("_vt"))
        )
        lazy = lazy.drop(*_MATCHED)
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
    out = _term_rows(kpis, term, registry).drop(*_PERIOD)
    return out if isinstance(kpis, pl.LazyFrame) else out.collect(engine=_ENGINE)


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
    if _has_periods(_names(kpis)):
        _refuse_overlaps(rows)
    kpis = rows.drop(*_PERIOD)
    names = _names(kpis)
    carried = [pl.col(c).first() for c in ("unit_name", "level") if c in names]
    if "source" in names:
        carried.append(_source().alias("source"))
    agg = (
        kpis.lazy()
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
        tt = (
            term_targets.lazy().select("unit_code", "metric", "term_target").collect(engine=_ENGINE)
        )
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
        .collect(engine=_ENGINE)
    )


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
    df = kpis.collect(engine=_ENGINE) if isinstance(kpis, pl.LazyFrame) else kpis
    has_periods = _has_periods(df.columns)
    df = _with_period(df)
    matched = _matched(df.lazy(), registry).collect(engine=_ENGINE)
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
        df = matched.drop(*_MATCHED)
        all_parents &= chosen
    keys = ["parent", "year", "metric", *_PERIOD]
    children = matched.rename({"_parent": "parent"}).filter(pl.col("parent").is_not_null())
    own = df.select(
        pl.col("unit_code").alias("parent"),
        "year",
        "metric",
        *_PERIOD,
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
    until = pl.min_horizontal(_PT, pl.max_horizontal("parent_as_of", "_children_as_of"))
    expected = (
        out.select("parent", "year", *_PERIOD, until.alias("_until"))
        .unique()
        .join(lifetimes, on="parent")
        .filter(_overlaps(pl.col(_PF), pl.col("_until"), pl.col("valid_from"), pl.col("valid_to")))
        .group_by("parent", "year", *_PERIOD)
        .agg(pl.col("_child").unique().sort().alias("_expected"))
    )
    none: pl.Expr = pl.lit([], pl.List(pl.String))
    out = out.join(expected, on=["parent", "year", *_PERIOD], how="left").with_columns(
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
        .sort("year", _PF, _PT, "metric", "unit_code")
    )
    if has_periods:
        # the period goes last, so a table without periods keeps its columns as they were
        return result.rename({_PF: "period_from", _PT: "period_to"}).select(
            pl.exclude("period_from", "period_to"), "period_from", "period_to"
        )
    return result.drop(*_PERIOD)


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


def _named_in(registry: UnitRegistry, code: str, rows: pl.DataFrame) -> pl.DataFrame:
    """The name and level of ``code`` in each period of ``rows`` (a code may be reused).

    The registry row in force in the period (the latest such, as :func:`_matched`
    takes), else the code's latest row.
    """
    periods = rows.select(*_PERIOD).unique(maintain_order=True)
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
    keys = ["year", "metric", *_PERIOD]
    work = _with_period(kpis)
    own = work.filter(pl.col("unit_code") == unit)
    parts = (
        _matched(work.lazy(), registry)
        .filter(pl.col("_parent") == unit)
        .drop(*_MATCHED)
        .collect(engine=_ENGINE)
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
            _clean("actual").sum().alias("actual"),
            _sum_or_null("target").alias("target"),
            pl.col("as_of").max(),
            *carried,
            source.alias("source"),
            pl.format("sum of {} units", pl.len()).alias("note"),
        )
        .with_columns(unit_code=pl.lit(unit), period_from=pl.col(_PF), period_to=pl.col(_PT))
    )
    summed = summed.join(_named_in(registry, unit, summed), on=_PERIOD, how="left")
    summed = summed.select(
        pl.col(c) if c in summed.columns else pl.lit(None, dtype).alias(c)
        for c, dtype in schema.items()
    ).cast(schema)
    own = own.drop(*_PERIOD)
    both = pl.concat([own, summed])
    return _with_period(both).sort("year", _PF, _PT, "metric", maintain_order=True).drop(*_PERIOD)


def latest_year(kpis: pl.DataFrame) -> int:
    """The most recent year in the table (``ValueError`` when it is empty)."""
    if kpis.is_empty():
        raise ValueError("the KPI table is empty")
    return int(kpis["year"].max())  # type: ignore[arg-type]


__all__ = [
    "DEFAULT_BANDS",
    "TERMS",
    "Bands",
    "Term",
    "attainment",
    "attainment_note",
    "consistency",
    "latest_year",
    "metrics_in",
    "movers",
    "pace",
    "period_label",
    "periods",
    "rank_within_year",
    "reconcile",
    "rollup",
    "share_of_parent",
    "status",
    "structure_label",
    "structures",
    "subset",
    "target_stretch",
    "term_attainment",
    "term_rows",
    "variance",
    "with_measures",
    "with_periods",
    "yoy_change",
]


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
    if _has_periods(measured.columns):
        # the same part of the year, one year apart (see yoy_change)
        return (
            _previous(
                measured.filter(pl.col("year").is_between(year - 1, year)),
                {"attainment": "attainment_prev"},
            )
            .filter(pl.col("year") == year)
            .with_columns(_finite(pl.col("attainment") - pl.col("attainment_prev")).alias("change"))
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
