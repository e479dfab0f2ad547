"""The charts' helpers that read a chart's few rows in Python instead of in polars queries.

A fresh kernel pays for each kind of polars query the first time it runs one, so a
chart's description and its period axis read small frames in Python (or skip the work
when no year is split). These tests hold them to the polars definitions they replace.
"""

from __future__ import annotations

import datetime as dt

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from kpitools.charts import accessibility, periods
from kpitools.measures import period_label, with_periods
from kpitools.numbers import format_percent
from kpitools.vocab import word


def _extremes_by_query(rows: pl.DataFrame, name: str, lang: str) -> list[str]:
    """The description's extremes as polars queries work them out (the definition)."""
    said: list[str] = []
    year = None
    if "year" in rows.columns and rows.height:
        years = rows["year"].unique().sort().to_list()
        if len(years) > 1:
            said.append(word("display.describe.years", lang, years=f"{years[0]}–{years[-1]}"))
        counts = rows.group_by("year").agg(pl.col(name).n_unique().alias("n"))
        several = counts.filter(pl.col("n") > 1)["year"].to_list()
        year = max(several) if several else years[-1]
        rows = rows.filter(pl.col("year") == year)
    if rows.height:
        best = rows.sort("attainment", descending=True, maintain_order=True).row(0, named=True)
        worst = rows.sort("attainment", maintain_order=True).row(0, named=True)
        fields = {
            "year": year if year is not None else "",
            "best": best[name],
            "best_att": format_percent(best["attainment"], lang=lang),
            "worst": worst[name],
            "worst_att": format_percent(worst["attainment"], lang=lang),
        }
        key = "extremes" if rows[name].n_unique() > 1 else "one"
        said.append(word(f"display.describe.{key}", lang, **fields))
    return said


_ROW = st.tuples(
    st.sampled_from(["Ba Vì", "Tây Hồ", "Sóc Sơn", "Đông Anh"]),
    st.sampled_from([2019, 2023, 2024, 2025]),
    # ties are common: a stable sort keeps the first of equals, and so must the rewrite
    st.sampled_from([0.0, 0.5, 0.85, 1.0, 1.25, 2.094]),
)


@settings(deadline=None, max_examples=200)
@given(rows=st.lists(_ROW, max_size=12), lang=st.sampled_from(["vi", "en"]), by_year=st.booleans())
def test_extremes_are_those_the_queries_find(rows, lang, by_year):
    df = pl.DataFrame(
        rows,
        schema={"unit_name": pl.String, "year": pl.Int64, "attainment": pl.Float64},
        orient="row",
    )
    if not by_year:
        df = df.drop("year")
    assert accessibility._extremes(df, "unit_name", lang) == _extremes_by_query(
        df, "unit_name", lang
    )


def test_extremes_name_the_latest_year_that_compares_units():
    df = pl.DataFrame(
        {
            "unit_name": ["Ba Vì", "Tây Hồ", "Ba Vì", "Tây Hồ", "Mê Linh"],
            "year": [2023, 2023, 2024, 2024, 2025],  # 2025: one unit left alone
            "attainment": [0.9, 1.2, 1.1, 1.1, 3.0],
        }
    )
    said = accessibility._extremes(df, "unit_name", "en")
    tied = format_percent(1.1, lang="en")  # a tie: the first of equals is both
    assert said == [
        word("display.describe.years", "en", years="2023–2025"),
        word(
            "display.describe.extremes",
            "en",
            year=2024,
            best="Ba Vì",
            best_att=tied,
            worst="Ba Vì",
            worst_att=tied,
        ),
    ]
    assert said == _extremes_by_query(df, "unit_name", "en")


# --- the period axis: no work when no year is split ----------------------------------------

_START = st.sampled_from([None, (1, 1), (7, 1), (4, 1)])


def _frame(draws: list[tuple[int, tuple[int, int] | None, bool]]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "unit_code": [f"{i:03d}" for i in range(len(draws))],
            "year": [y for y, _, _ in draws],
            "period_start": [dt.date(y, *s) if s else None for y, s, _ in draws],
            "as_of": [dt.date(y, 12, 31) if late else None for y, _, late in draws],
            "actual": [1.0] * len(draws),
        },
        schema_overrides={"period_start": pl.Date, "as_of": pl.Date},
    )


def _labels_by_query(df: pl.DataFrame, lang: str) -> list[str]:
    """Every period's label, as the axis works them out (the definition of 'split')."""
    keys = with_periods(df).select("year", "period_from", "period_to").unique().sort(pl.all())
    return [period_label(y, a, b, lang=lang) for y, a, b in keys.iter_rows()]


@settings(deadline=None, max_examples=150)
@given(
    draws=st.lists(
        st.tuples(st.sampled_from([2024, 2025, 2026]), _START, st.booleans()),
        min_size=1,
        max_size=8,
    ),
    worked_out=st.booleans(),
    lang=st.sampled_from(["vi", "en"]),
)
def test_whole_periods_is_every_label_a_year(draws, worked_out, lang):
    df = _frame(draws)
    if worked_out:  # periods already worked out on the table (as trend_chart does)
        df = with_periods(df)
    labels = _labels_by_query(df, lang)
    whole = all(label.isdigit() for label in labels)  # a whole year is labelled by its year
    assert periods._whole_periods(df) == whole
    out, axis = periods.with_period_labels(df, lang)
    if whole:
        assert axis == []
        assert out.equals(df.drop("period_from", "period_to", strict=False))
    else:
        assert axis and "period" in out.columns


def test_whole_periods_reads_worked_out_periods_as_they_are():
    # a first half that starts on 1/1 is not its whole year once the table has a second half
    df = with_periods(_frame([(2025, None, False), (2025, (7, 1), False)]))
    assert not periods._whole_periods(df.head(1))
    assert periods._whole_periods(_frame([(2025, None, False), (2024, (1, 1), True)]))
