"""Attainment, variance and status: the ratios of actual to target, and their checks.

Also the stated percentages checked against their numbers (:func:`consistency`), and
the frame types and null reasons every measure shares.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from math import isfinite
from typing import Final, Literal, TypeVar

import polars as pl

from kpitools.numbers import NumberFormatError, check_percent
from kpitools.vocab import check_lang, word

Frame = pl.DataFrame | pl.LazyFrame


#: A frame helper returns the kind of frame it was given.
FrameT = TypeVar("FrameT", pl.DataFrame, pl.LazyFrame)


#: The engine of the measures' own queries. KPI tables are small (hundreds or thousands of
#: rows): polars' in-memory engine answers them in half the time of the streaming one
#: (polars' default since 2.0), and a new process (each report's kernel) does not start
#: the streaming engine's executor for them.
ENGINE: Final[Literal["in-memory"]] = "in-memory"


#: Why a ratio is null.
NO_TARGET = "no target"


ZERO_TARGET = "target is 0"


NO_ACTUAL = "no actual"


OUT_OF_RANGE = "out of range"


def nan_as_null(column: str | pl.Expr) -> pl.Expr:
    """A numeric column with NaN read as missing (null)."""
    expr = pl.col(column) if isinstance(column, str) else column
    return expr.fill_nan(None)


def finite_or_null(expr: pl.Expr) -> pl.Expr:
    """``expr`` where it is finite, else null: no measure yields ``inf`` or ``NaN``."""
    return pl.when(expr.is_finite()).then(expr)


def ratio(num: pl.Expr, den: pl.Expr) -> pl.Expr:
    """``num / den``; null when either is missing (null or NaN), den is 0 or it overflows."""
    num, den = nan_as_null(num), nan_as_null(den)
    return finite_or_null(
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
    return ratio(pl.col(actual), pl.col(target)).alias("attainment")


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
    t, a = nan_as_null(target), nan_as_null(actual)
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
    return finite_or_null(nan_as_null(actual) - nan_as_null(target)).alias("variance")


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
    a = nan_as_null(attainment)
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


SERIES_KEY = ("unit_code", "metric")


def column_names(kpis: pl.DataFrame | pl.LazyFrame) -> list[str]:
    """The frame's column names (a lazy frame's from its schema, without running it)."""
    return kpis.collect_schema().names()


def sum_or_null(column: str) -> pl.Expr:
    """The sum of a column in a group; null when any value is missing."""
    c = nan_as_null(column)
    return pl.when(c.is_null().any()).then(None).otherwise(c.sum())


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
