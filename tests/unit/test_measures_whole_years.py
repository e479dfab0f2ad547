"""The measures' shortcut for tables of whole years gives what the general way gives.

A row's period (``kpitools.measures.with_periods``) is worked out with a join of each
year's period starts; a table whose rows all cover their whole year (``period_start``
empty or 1 January, as every year but 2025 in the bundled data) takes a shortcut. These
tests compare both ways on random tables, and the measures built on them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

import kpitools as kt
from kpitools import measures

YEARS = [2023, 2024, 2025]
DAYS = [None, dt.date(2023, 11, 30), dt.date(2024, 1, 1), dt.date(2025, 6, 30), dt.date(2026, 2, 1)]


@st.composite
def tables(draw: Any) -> pl.DataFrame:
    n = draw(st.integers(0, 10))
    years = draw(st.lists(st.sampled_from([*YEARS, None]), min_size=n, max_size=n))
    starts = [
        draw(st.sampled_from([None, dt.date(y, 1, 1), dt.date(y, 7, 1)])) if y else None
        for y in years
    ]
    as_of = draw(st.lists(st.sampled_from(DAYS), min_size=n, max_size=n))
    return pl.DataFrame(
        {
            "unit_code": draw(st.lists(st.sampled_from(["001", "017"]), min_size=n, max_size=n)),
            "metric": ["m"] * n,
            "year": years,
            "period_start": starts,
            "as_of": as_of,
            "actual": draw(
                st.lists(st.sampled_from([None, 0.0, 5.0, 8.0]), min_size=n, max_size=n)
            ),
        },
        schema={
            "unit_code": pl.String,
            "metric": pl.String,
            "year": pl.Int32,
            "period_start": pl.Date,
            "as_of": pl.Date,
            "actual": pl.Float64,
        },
    )


def general(f: Any, *args: Any, **kwargs: Any) -> Any:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(measures, "whole_years", lambda kpis: False)
        return f(*args, **kwargs)


@settings(max_examples=150, deadline=None)
@given(tables())
def test_periods_of_whole_years_as_the_general_way(df: pl.DataFrame) -> None:
    got = measures.with_periods(df)
    assert_frame_equal(got, general(measures.with_periods, df))
    assert_frame_equal(kt.yoy_change(df), general(kt.yoy_change, df), check_column_order=True)


def test_the_shortcut_is_taken_for_whole_years_only() -> None:
    whole = pl.DataFrame(
        {"year": [2023, 2024], "period_start": [dt.date(2023, 1, 1), None]},
        schema={"year": pl.Int32, "period_start": pl.Date},
    )
    assert measures.whole_years(whole)
    assert not measures.whole_years(whole.lazy())
    half = whole.with_columns(pl.lit(dt.date(2024, 7, 1)).alias("period_start"))
    assert not measures.whole_years(half)
    no_year = whole.with_columns(pl.lit(None, pl.Int32).alias("year"))
    assert not measures.whole_years(no_year)  # such a row's period ends on its as_of
    stamped = whole.with_columns(pl.col("period_start").cast(pl.Datetime))
    assert not measures.whole_years(stamped)  # its periods are datetimes


def test_the_bundled_panel_measures_as_before(dataset: kt.Dataset) -> None:
    kpis = kt.with_measures(kt.subset(dataset.kpis, years=[2022, 2023, 2024]))
    reg = dataset.registry
    assert measures.whole_years(kpis)
    for f, kwargs in [
        (kt.yoy_change, {"registry": reg}),
        (kt.rollup, {"registry": reg, "unit": "01"}),
        (kt.pace, {"registry": reg}),
        (kt.rank_within_year, {}),
        (kt.with_periods, {}),
    ]:
        assert_frame_equal(f(kpis, **kwargs), general(f, kpis, **kwargs))
