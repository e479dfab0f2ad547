"""Derived measures: the seed's own percentages, attainment invariants, bands, pace, terms,
shares, reconciliation and roll-ups, on the bundled data and on small hand-made frames."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

from kpitools.errors import KpiDataError
from kpitools.io import Dataset, load_dataset
from kpitools.measures import (
    DEFAULT_BANDS,
    TERMS,
    Bands,
    Term,
    attainment,
    attainment_note,
    consistency,
    latest_year,
    movers,
    pace,
    periods,
    rank_within_year,
    reconcile,
    rollup,
    share_of_parent,
    status,
    structure_label,
    structures,
    target_stretch,
    term_attainment,
    term_rows,
    variance,
    with_measures,
    with_periods,
    yoy_change,
)
from kpitools.registry import UnitRegistry

DATA = Path(__file__).resolve().parents[2] / "data"
SEED_SOURCE = "000_75537393c0b30eb1.txt"
PANEL_METRICS = [
    "admissions",
    "admissions_nonstate",
    "mass_org_members_nonstate",
    "mass_orgs_nonstate",
    "party_orgs_nonstate",
]


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return load_dataset(
        [DATA / "hanoi_2023_seed.csv", DATA / "demo_panel.csv"],
        units=DATA / "units.csv",
        catalog=DATA / "metrics.csv",
    )


@pytest.fixture(scope="module")
def kpis(ds: Dataset) -> pl.DataFrame:
    """2019–2024: the districts' panel and the real city figures of 2023.

    The bundled panel has since gained 2025 (split at the reform) and 2026, and the city's
    own synthetic rows; these tests were written for the district years without them (the
    split years are tested on the whole panel and on hand-built frames below).
    """
    own = (pl.col("unit_code") == "01") & (pl.col("source") == "synthetic")
    return ds.kpis.filter(pl.col("year") <= 2024, ~own)


@pytest.fixture(scope="module")
def registry(ds: Dataset) -> UnitRegistry:
    return ds.registry


@pytest.fixture(scope="module")
def seed(kpis: pl.DataFrame) -> pl.DataFrame:
    return kpis.filter(pl.col("source") == SEED_SOURCE)


def one(df: pl.DataFrame, **where: object) -> dict[str, object]:
    """The only row of ``df`` matching ``where``."""
    rows = df.filter(**where)
    assert rows.height == 1, rows
    return rows.row(0, named=True)


def pure(func, df: pl.DataFrame, **options: object) -> pl.DataFrame:
    """Call a frame helper and check it returned a new frame and left its input alone."""
    before = df.clone()
    out = func(df, **options)
    assert out is not df
    assert_frame_equal(df, before)
    return out


# --------------------------------------------------------------------------- consistency


def test_seed_percentages_are_reproduced_from_their_numbers(seed: pl.DataFrame) -> None:
    out = pure(consistency, seed)
    stated = {
        "party_orgs_nonstate": ("158%", 158.0),
        "admissions_nonstate": ("188,1%", 188.1),
        "admissions": ("106.82%", 106.82),
    }
    for metric, (text, percent) in stated.items():
        row = one(out, metric=metric)
        assert row["stated_percent"] == text
        assert row["computed_percent"] == percent
        assert row["consistent"] is True
        assert row["consistency_note"] == "consistent"
    # 93,3 % of all members: the whole is not in the seed, so there is nothing to check.
    row = one(out, metric="members_app")
    assert (row["consistent"], row["consistency_note"]) == (None, "no target")
    # Rows that state nothing get no verdict.
    assert out.filter(pl.col("stated_percent").is_null())["consistency_note"].null_count() == (
        out.filter(pl.col("stated_percent").is_null()).height
    )


@pytest.mark.parametrize(
    ("stated", "note"),
    [
        ("158%", "consistent"),
        ("157%", "truncated"),  # 157.97 cut, not rounded
        ("159%", "inconsistent"),
        ("158,0%", "consistent"),  # 157.971... at one decimal
        ("157,97%", "consistent"),
        ("157,9%", "truncated"),
        ("1.58%", "inconsistent"),
        ("abc%", "unreadable"),
    ],
)
def test_stated_percent_checked_at_its_own_precision(stated: str, note: str) -> None:
    df = pl.DataFrame({"actual": [109.0], "target": [69.0], "stated_percent": [stated]})
    row = consistency(df).row(0, named=True)
    assert row["consistency_note"] == note
    assert row["consistent"] is {"consistent": True, "unreadable": None}.get(note, False)


def test_wrong_seed_figures_are_flagged(seed: pl.DataFrame) -> None:
    wrong = seed.with_columns(
        stated_percent=pl.col("metric").replace_strict(
            {
                "party_orgs_nonstate": "159%",
                "admissions_nonstate": "188,0%",
                "admissions": "106.81%",
            },
            default=pl.col("stated_percent"),
        )
    )
    out = consistency(wrong)
    assert one(out, metric="party_orgs_nonstate")["consistency_note"] == "inconsistent"
    assert one(out, metric="admissions_nonstate")["consistency_note"] == "truncated"
    assert one(out, metric="admissions_nonstate")["computed_percent"] == 188.1
    assert one(out, metric="admissions")["consistency_note"] == "truncated"
    assert (
        out.filter(pl.col("consistency_note") != "no target")["consistent"].to_list() == [False] * 3
    )


def test_consistency_with_missing_numbers() -> None:
    df = pl.DataFrame(
        {
            "actual": [5.0, None, 5.0, 5.0],
            "target": [0.0, 4.0, None, 4.0],
            "stated_percent": ["10%", "10%", "10%", "  "],
        }
    )
    out = consistency(df)
    assert out["consistency_note"].to_list() == ["no target", "no target", "no target", None]
    assert out["computed_percent"].to_list() == [None] * 4


# --------------------------------------------------------------------------- attainment


def test_attainment_null_with_a_reason() -> None:
    df = pl.DataFrame(
        {
            "actual": [109.0, 5.0, 5.0, None, 5.0, float("nan"), 1e308, 12.0],
            "target": [69.0, None, 0.0, 4.0, float("nan"), 4.0, 1e-10, 12.0],
        }
    )
    out = pure(with_measures, df)
    assert out["attainment_note"].to_list() == [
        None,
        "no target",
        "target is 0",
        "no actual",
        "no target",
        "no actual",
        "out of range",
        None,
    ]
    assert out["attainment"].is_null().to_list() == [False, *[True] * 6, False]
    assert out["attainment"][0] == 109 / 69
    assert out["status"].to_list() == ["exceeded", *["no target"] * 6, "met"]
    for column in ("attainment", "variance"):
        values = out[column].drop_nulls()
        assert values.is_finite().all(), column
    assert out["variance"].to_list()[:2] == [40.0, None]


def test_attainment_of_integer_columns() -> None:
    df = pl.DataFrame({"actual": [3, 5, 1], "target": [4, 0, None]})
    out = df.select(attainment(), attainment_note(), variance())
    assert out.rows() == [(0.75, None, -1), (None, "target is 0", 5), (None, "no target", None)]


_SPECIAL = [0.0, -0.0, 1.0, 5e-324, 2.2250738585072014e-308, 1e-300, 1e300, 1.7976931348623157e308]
_NUMBER = st.one_of(
    st.none(),
    st.sampled_from(_SPECIAL),
    st.floats(allow_nan=False, allow_infinity=False),
)


@given(st.lists(st.tuples(_NUMBER, _NUMBER), min_size=1, max_size=30))
def test_attainment_invariants(pairs: list[tuple[float | None, float | None]]) -> None:
    df = pl.DataFrame(
        {"actual": [a for a, _ in pairs], "target": [t for _, t in pairs]},
        schema={"actual": pl.Float64, "target": pl.Float64},
    )
    out = with_measures(df)
    labels = DEFAULT_BANDS.labels
    for r in out.iter_rows(named=True):
        a, t, att, var = r["actual"], r["target"], r["attainment"], r["variance"]
        if att is None:
            assert r["attainment_note"] is not None
            assert a is None or t is None or t == 0 or not math.isfinite(a / t)
            assert r["status"] == DEFAULT_BANDS.missing
            continue
        assert r["attainment_note"] is None
        assert math.isfinite(att)
        assert att == a / t
        assert r["status"] == DEFAULT_BANDS.band(att)
        if var is not None:
            assert math.isfinite(var)
            assert var == a - t
            if t > 0:
                # actual above target <=> attainment above 1 (up to rounding at exactly 1)
                if att > 1:
                    assert var > 0
                elif att < 1:
                    assert var < 0
                if var == 0:
                    assert att == 1
    rated = out.filter(pl.col("attainment").is_not_null()).sort("attainment")
    ranks = [labels.index(s) for s in rated["status"]]
    assert ranks == sorted(ranks), "status must not go down as attainment goes up"


@given(
    st.lists(
        st.floats(min_value=-10, max_value=10, allow_nan=False), min_size=1, max_size=5, unique=True
    ),
    st.lists(st.one_of(st.none(), st.floats(-20, 20, allow_nan=False)), min_size=1, max_size=20),
)
def test_status_agrees_with_band_for_any_edges(edges: list[float], values: list[float]) -> None:
    edges = sorted(edges)
    labels = tuple(f"b{i}" for i in range(len(edges) + 1))
    bands = Bands(edges=tuple(edges), labels=labels, labels_vi=labels)
    df = pl.DataFrame({"attainment": values}, schema={"attainment": pl.Float64})
    got = df.select(status(bands=bands))["status"].to_list()
    assert got == [bands.band(v) for v in values]
    ordered = [
        s for _, s in sorted((v, s) for v, s in zip(values, got, strict=True) if v is not None)
    ]
    assert [labels.index(s) for s in ordered] == sorted(labels.index(s) for s in ordered)


# --------------------------------------------------------------------------- bands


def test_default_bands_are_documented_values() -> None:
    assert DEFAULT_BANDS.edges == (0.9, 1.0, 1.2)
    assert DEFAULT_BANDS.labels == ("behind", "near", "met", "exceeded")
    values = [0.0, 0.8999, 0.9, 0.9999, 1.0, 1.1999, 1.2, 1.881, None, float("nan")]
    expected = ["behind", "behind", "near", "near", "met", "met", "exceeded", "exceeded"]
    expected += ["no target", "no target"]
    assert [DEFAULT_BANDS.band(v) for v in values] == expected
    df = pl.DataFrame({"attainment": values}, schema={"attainment": pl.Float64})
    assert df.select(status())["status"].to_list() == expected


def test_custom_bands() -> None:
    strict = DEFAULT_BANDS.replace(edges=[0.95, 1.0, 1.5])
    assert strict is not DEFAULT_BANDS
    assert DEFAULT_BANDS.edges == (0.9, 1.0, 1.2)
    assert strict.edges == (0.95, 1.0, 1.5)  # a list is stored as a tuple
    df = pl.DataFrame({"actual": [93.0, 97.0, 140.0, 150.0], "target": [100.0] * 4})
    out = with_measures(df, bands=strict)
    assert out["status"].to_list() == ["behind", "near", "met", "exceeded"]
    two = Bands(edges=(1.0,), labels=("not met", "met"), labels_vi=("chưa đạt", "đạt"))
    assert with_measures(df, bands=two)["status"].to_list() == ["not met"] * 2 + ["met"] * 2
    assert two.display("not met") == "chưa đạt"
    assert two.display("met", lang="en") == "met"
    with pytest.raises(dataclasses.FrozenInstanceError):
        strict.edges = (1.0, 2.0, 3.0)  # type: ignore[misc]


def test_band_display() -> None:
    assert DEFAULT_BANDS.display("behind") == "chậm"
    assert DEFAULT_BANDS.display("no target") == "không có chỉ tiêu"
    assert DEFAULT_BANDS.display("no target", lang="en") == "no target"
    with pytest.raises(ValueError, match="unknown band 'late'"):
        DEFAULT_BANDS.display("late")
    with pytest.raises(ValueError, match="lang"):
        DEFAULT_BANDS.display("met", lang="fr")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"edges": (1.0, 0.9, 1.2)}, "strictly increasing"),
        ({"edges": (0.9, 0.9, 1.2)}, "strictly increasing"),
        ({"edges": (0.9, float("nan"), 1.2)}, "finite"),
        ({"edges": (0.9, 1.0, float("inf"))}, "finite"),
        ({"edges": (0.9, "1", 1.2)}, "finite"),
        ({"edges": (0.9, 1.0)}, "2 edges need 3 labels"),
        ({"edges": (), "labels": ("all",), "labels_vi": ("tất cả",)}, "at least one edge"),
        ({"labels": ("a", "b", "c")}, "3 edges need 4 labels"),
        ({"labels_vi": ("a", "b", "c", "d", "e")}, "3 edges need 4 labels"),
        ({"labels": ("a", "b", "b", "c")}, "differ"),
        ({"labels": ("a", "b", "no target", "c")}, "differ"),
        ({"edges": 0.9}, "tuple"),
    ],
)
def test_bands_validation(changes: dict[str, object], message: str) -> None:
    with pytest.raises((ValueError, TypeError), match=message):
        Bands(**changes)  # type: ignore[arg-type]
    with pytest.raises((ValueError, TypeError), match=message):
        DEFAULT_BANDS.replace(**changes)


# --------------------------------------------------------------------------- year over year


def _series(years: list[int], actual: list[float | None], target=None, unit="017") -> pl.DataFrame:
    n = len(years)
    return pl.DataFrame(
        {
            "unit_code": [unit] * n,
            "metric": ["admissions"] * n,
            "year": years,
            "target": target if target is not None else [None] * n,
            "actual": actual,
        },
        schema={
            "unit_code": pl.String,
            "metric": pl.String,
            "year": pl.Int32,
            "target": pl.Float64,
            "actual": pl.Float64,
        },
    )


def test_yoy_change_with_gaps_in_years() -> None:
    df = pl.concat(
        [
            _series([2022, 2019, 2020, 2023], [90.0, 100.0, 0.0, 120.0]),
            _series([2020, 2021], [50.0, 40.0], unit="001"),
        ]
    )
    out = pure(yoy_change, df)
    assert out.columns == [*df.columns, "actual_prev", "yoy_change", "yoy_pct"]
    assert_frame_equal(out.select(df.columns), df)  # rows in the input's order
    # 017 has no 2021: 2022 is not compared with 2020.
    assert out["actual_prev"].to_list() == [None, None, 100.0, 90.0, None, 50.0]
    assert out["yoy_change"].to_list() == [None, None, -100.0, 30.0, None, -10.0]
    assert out["yoy_pct"].to_list() == [None, None, -1.0, pytest.approx(1 / 3), None, -0.2]
    zero = _series([2020, 2021], [0.0, 7.0])
    assert yoy_change(zero)["yoy_pct"].to_list() == [None, None]  # from 0: no relative change
    assert yoy_change(zero)["yoy_change"].to_list() == [None, 7.0]
    targets = yoy_change(_series([2020, 2021], [1.0, 1.0], target=[10.0, 12.0]), value="target")
    assert targets["yoy_pct"].to_list() == [None, pytest.approx(0.2)]


def test_yoy_change_on_the_panel(kpis: pl.DataFrame) -> None:
    out = yoy_change(kpis)
    assert out.height == kpis.height
    a = {y: one(kpis, unit_code="017", metric="admissions", year=y)["actual"] for y in (2023, 2024)}
    row = one(out, unit_code="017", metric="admissions", year=2024)
    assert row["yoy_change"] == a[2024] - a[2023]
    assert one(out, unit_code="017", metric="admissions", year=2019)["actual_prev"] is None


# --------------------------------------------------------------------------- target stretch


def test_target_stretch() -> None:
    df = _series(
        [2021, 2022, 2024, 2025], [100.0, 0.0, 80.0, 10.0], target=[90.0, 110.0, 5.0, 96.0]
    )
    out = pure(target_stretch, df)
    assert out.columns == [*df.columns, "stretch"]
    assert out["stretch"].to_list() == [None, 1.1, None, 1.2]  # 2024 follows a 0, no 2023


def test_target_stretch_on_the_panel(kpis: pl.DataFrame) -> None:
    out = target_stretch(kpis)
    row = one(out, unit_code="001", metric="party_orgs_nonstate", year=2024)
    prev = one(kpis, unit_code="001", metric="party_orgs_nonstate", year=2023)["actual"]
    assert row["stretch"] == row["target"] / prev


# --------------------------------------------------------------------------- rank


def test_rank_ties_nulls_and_levels() -> None:
    df = pl.DataFrame(
        {
            "unit_code": ["a", "b", "c", "d", "e", "k", "01"],
            "year": [2023] * 7,
            "metric": ["m"] * 7,
            "level": ["district"] * 5 + ["affiliated", "city"],
            "target": [100.0, 100.0, 100.0, None, 0.0, 10.0, 100.0],
            "actual": [90.0, 120.0, 90.0, 5.0, 3.0, 50.0, 101.0],
        }
    )
    out = pure(rank_within_year, df)
    assert out["attainment"].to_list()[:3] == [0.9, 1.2, 0.9]
    assert out["rank"].to_list() == [2, 1, 2, None, None, 1, 1]
    assert out.schema["rank"] == pl.Int32
    together = rank_within_year(df, level=False)
    assert together["rank"].to_list() == [4, 2, 4, None, None, 1, 3]
    by_actual = rank_within_year(df, by="actual", descending=False)
    assert "attainment" not in by_actual.columns
    assert by_actual["rank"].to_list() == [3, 5, 3, 2, 1, 1, 1]
    with pytest.raises(ValueError, match="cannot rank by 'share'"):
        rank_within_year(df, by="share")


def test_rank_uses_an_existing_attainment_column() -> None:
    df = pl.DataFrame(
        {
            "year": [2023, 2023],
            "metric": ["m", "m"],
            "level": ["district"] * 2,
            "target": [100.0, 100.0],
            "actual": [10.0, 20.0],
            "attainment": [2.0, 1.0],  # e.g. term attainment, not this year's
        }
    )
    assert rank_within_year(df)["rank"].to_list() == [1, 2]
    lazy = rank_within_year(df.lazy())
    assert isinstance(lazy, pl.LazyFrame)
    assert lazy.collect()["rank"].to_list() == [1, 2]


def test_rank_across_years_and_metrics(kpis: pl.DataFrame) -> None:
    out = rank_within_year(kpis.filter(pl.col("source") == "synthetic"))
    per_group = out.group_by("year", "metric", "level").agg(
        pl.col("rank").min().alias("best"), pl.col("rank").max().alias("worst"), pl.len()
    )
    assert (per_group["best"] == 1).all()
    assert (per_group["worst"] <= per_group["len"]).all()
    assert per_group.filter(level="district")["len"].unique().to_list() == [30]


# --------------------------------------------------------------------------- share of parent


def test_share_of_parent_uses_the_citys_own_figure(kpis: pl.DataFrame, registry) -> None:
    out = pure(share_of_parent, kpis, registry=registry)
    assert_frame_equal(out.select(kpis.columns), kpis)
    year = out.filter(year=2023, metric="admissions")
    districts = year.filter(pl.col("level") != "city")
    assert districts["share_basis"].unique().to_list() == ["parent"]
    for r in districts.iter_rows(named=True):
        assert r["share"] == r["actual"] / 10479
    assert districts["share"].sum() == pytest.approx(1.0, abs=1e-12)  # reconciles in 2023
    city = one(year, unit_code="01")
    assert (city["share"], city["share_basis"]) == (None, None)


def test_share_of_parent_sums_to_one_without_the_citys_figure(kpis: pl.DataFrame, registry) -> None:
    out = share_of_parent(kpis, registry=registry).filter(pl.col("year") != 2023)
    assert out["share_basis"].unique().to_list() == ["sum"]
    sums = out.group_by("year", "metric").agg(pl.col("share").sum())
    assert sums.height == 5 * 5  # 2019–2022 and 2024, five metrics
    for total in sums["share"]:
        assert total == pytest.approx(1.0, abs=1e-12)
    r = one(out, unit_code="017", year=2024, metric="admissions")
    total = kpis.filter(year=2024, metric="admissions")["actual"].sum()
    assert r["share"] == r["actual"] / total


def test_share_of_parent_lazy_and_unknown_units(registry) -> None:
    df = pl.DataFrame(
        {
            "unit_code": ["001", "017", "999", "01-K"],
            "year": [2024] * 4,
            "metric": ["m"] * 4,
            "actual": [30.0, 10.0, 5.0, None],
        }
    )
    lazy = share_of_parent(df.lazy(), registry=registry)
    assert isinstance(lazy, pl.LazyFrame)
    out = lazy.collect()
    assert_frame_equal(out, share_of_parent(df, registry=registry))
    assert out["share"].to_list() == [0.75, 0.25, None, None]
    assert out["share_basis"].to_list() == ["sum", "sum", None, "sum"]


# --------------------------------------------------------------------------- pace


def _dated(dates: list[dt.date], actual: list[float], target: list[float | None]) -> pl.DataFrame:
    return pl.DataFrame(
        {"year": [d.year for d in dates], "as_of": dates, "actual": actual, "target": target},
        schema={"year": pl.Int32, "as_of": pl.Date, "actual": pl.Float64, "target": pl.Float64},
    )


def test_pace_of_the_city_admissions(seed: pl.DataFrame) -> None:
    out = pure(pace, seed)
    row = one(out, metric="admissions")
    assert row["as_of"] == dt.date(2023, 11, 30)
    assert row["elapsed"] == 334 / 365
    assert row["expected_to_date"] == pytest.approx(9810 * 334 / 365, rel=1e-12)
    assert row["projected"] == pytest.approx(10479 * 365 / 334, rel=1e-12)
    assert round(row["projected"]) == 11452
    assert row["pace"] == pytest.approx(10479 / (9810 * 334 / 365), rel=1e-12)
    # the 88 students were counted on the same day, but have no plan figure
    students = one(out, metric="admissions_hs_students")
    assert (students["pace"], students["expected_to_date"]) == (None, None)
    assert students["projected"] == pytest.approx(88 * 365 / 334, rel=1e-12)
    year_end = out.filter(pl.col("as_of") == dt.date(2023, 12, 31))
    assert year_end.height == 9
    assert (year_end["elapsed"] == 1.0).all()
    for column in ("expected_to_date", "pace", "projected"):
        assert year_end[column].null_count() == year_end.height


def test_pace_in_a_leap_year_and_at_the_edges() -> None:
    dates = [
        dt.date(2024, 11, 30),
        dt.date(2024, 2, 29),
        dt.date(2023, 2, 28),
        dt.date(2024, 12, 31),
        dt.date(2023, 1, 1),
    ]
    out = pace(_dated(dates, [10.0] * 5, [20.0] * 5))
    assert out["elapsed"].to_list() == [335 / 366, 60 / 366, 59 / 365, 1.0, 1 / 365]
    assert out["projected"][0] == pytest.approx(10 * 366 / 335, rel=1e-12)
    assert out["pace"][3] is None
    # as_of outside the plan year: after it counts as year-end, before it gives no pace.
    odd = pl.DataFrame(
        {
            "year": [2023, 2023, 2023],
            "as_of": [dt.date(2024, 2, 1), dt.date(2022, 12, 31), None],
            "actual": [5.0, 5.0, 5.0],
            "target": [10.0, 10.0, 10.0],
        },
        schema={"year": pl.Int32, "as_of": pl.Date, "actual": pl.Float64, "target": pl.Float64},
    )
    out = pace(odd)
    assert out["elapsed"].to_list() == [1.0, 0.0, None]
    assert out["projected"].to_list() == [None, None, None]  # never inf
    assert out["pace"].to_list() == [None, None, None]
    assert out["expected_to_date"].to_list() == [None, 0.0, None]


# --------------------------------------------------------------------------- term


def test_term_attainment_over_the_demo_years(kpis: pl.DataFrame) -> None:
    out = pure(term_attainment, kpis)
    panel = kpis.filter(unit_code="001", metric="admissions").filter(
        pl.col("year").is_between(2020, 2025)
    )
    row = one(out, unit_code="001", metric="admissions")
    assert panel["year"].sort().to_list() == [2020, 2021, 2022, 2023, 2024]
    assert row["actual"] == panel["actual"].sum()
    assert row["target"] == panel["target"].sum() == row["yearly_target_sum"]
    assert row["attainment"] == row["actual"] / row["target"]
    assert (row["years"], row["last_year"], row["complete"]) == (5, 2024, False)
    assert (row["term_start"], row["term_end"]) == (2020, 2025)
    assert (row["unit_name"], row["level"], row["source"]) == ("Ba Đình", "district", "synthetic")
    assert not out["complete"].any()  # 2025 is in no file
    city = one(out, unit_code="01", metric="admissions")
    assert (city["years"], city["source"]) == (1, SEED_SOURCE)
    assert one(out, unit_code="01", metric="members_app")["attainment_note"] == "no target"
    assert out.height == 31 * 5 + 11


def test_term_attainment_with_term_targets(kpis: pl.DataFrame) -> None:
    term_targets = pl.DataFrame(
        {
            "unit_code": ["001", "002"],
            "metric": ["admissions", "admissions"],
            "term_target": [1500, 0],
        }
    )
    out = term_attainment(kpis.lazy(), term_targets=term_targets)
    assert isinstance(out, pl.DataFrame)
    row = one(out, unit_code="001", metric="admissions")
    assert row["target"] == 1500.0
    assert row["attainment"] == row["actual"] / 1500
    assert row["yearly_target_sum"] != 1500.0
    zero = one(out, unit_code="002", metric="admissions")
    assert (zero["attainment"], zero["attainment_note"]) == (None, "target is 0")
    other = one(out, unit_code="003", metric="admissions")
    assert other["target"] == other["yearly_target_sum"]
    complete = term_attainment(kpis, start=2020, end=2024)
    assert one(complete, unit_code="001", metric="admissions")["complete"] is True


def test_term_attainment_edge_cases() -> None:
    df = _series([2020, 2021, 2022], [10.0, 20.0, None], target=[10.0, None, 10.0])
    row = term_attainment(df).row(0, named=True)
    assert (row["actual"], row["target"], row["attainment_note"]) == (30.0, None, "no target")
    assert "source" not in term_attainment(df).columns
    with pytest.raises(ValueError, match="term_target"):
        term_attainment(df, term_targets=pl.DataFrame({"unit_code": ["017"], "metric": ["m"]}))
    twice = pl.DataFrame(
        {"unit_code": ["017"] * 2, "metric": ["admissions"] * 2, "term_target": [1.0, 2.0]}
    )
    with pytest.raises(ValueError, match="more than one row"):
        term_attainment(df, term_targets=twice)
    with pytest.raises(ValueError, match="start before it ends"):
        term_attainment(df, start=2025, end=2020)


# --------------------------------------------------------------------------- reconcile


def test_the_panel_reconciles_with_the_real_2023_figures(kpis: pl.DataFrame, registry) -> None:
    out = pure(reconcile, kpis, registry=registry).filter(
        pl.col("metric").is_in(PANEL_METRICS), year=2023
    )
    assert out.height == 5
    assert (out["unit_code"] == "01").all()
    assert out["difference"].to_list() == [0.0] * 5
    assert out["target_difference"].to_list() == [0.0] * 5
    assert out["children_reported"].to_list() == [31] * 5
    assert out["children_expected"].to_list() == [31] * 5
    assert out["missing"].to_list() == [[]] * 5
    assert out["reconciled"].all()
    assert not out["as_of_mismatch"].any()
    assert one(out, metric="admissions")["parent_actual"] == 10479


def test_reconcile_without_a_parent_figure(kpis: pl.DataFrame, registry) -> None:
    out = reconcile(kpis.lazy(), registry=registry)
    other = out.filter(pl.col("year") != 2023)
    assert other.height == 5 * 5
    assert other["reconciled"].null_count() == other.height
    assert (other["children_reported"] == 31).all()
    only_city = one(out, year=2023, metric="admissions_business_owners")
    assert (only_city["children_reported"], only_city["reconciled"]) == (0, None)
    assert len(only_city["missing"]) == 31


def test_reconcile_finds_a_missing_unit(kpis: pl.DataFrame, registry) -> None:
    gone = one(kpis, unit_code="017", year=2023, metric="admissions")["actual"]
    perturbed = kpis.filter(~((pl.col("unit_code") == "017") & (pl.col("metric") == "admissions")))
    out = reconcile(perturbed, registry=registry)
    row = one(out, year=2023, metric="admissions")
    assert row["missing"] == ["017"]
    assert (row["children_reported"], row["children_expected"]) == (30, 31)
    assert row["difference"] == -gone
    assert row["reconciled"] is False
    assert one(out, year=2023, metric="party_orgs_nonstate")["reconciled"] is True
    assert one(out, year=2021, metric="admissions")["missing"] == ["017"]


def test_reconcile_measures_a_changed_figure(kpis: pl.DataFrame, registry) -> None:
    changed = kpis.with_columns(
        actual=pl.when(
            (pl.col("unit_code") == "001")
            & (pl.col("metric") == "party_orgs_nonstate")
            & (pl.col("year") == 2023)
        )
        .then(pl.col("actual") + 3)
        .otherwise(pl.col("actual")),
        as_of=pl.when((pl.col("unit_code") == "002") & (pl.col("metric") == "admissions"))
        .then(dt.date(2023, 12, 31))
        .otherwise(pl.col("as_of")),
    )
    out = reconcile(changed, registry=registry).filter(year=2023)
    row = one(out, metric="party_orgs_nonstate")
    assert (row["difference"], row["missing"], row["reconciled"]) == (3.0, [], False)
    row = one(out, metric="admissions")
    assert (row["difference"], row["as_of_mismatch"]) == (0.0, True)


@settings(deadline=None)  # ~12 ms a call, but other work on the machine makes one slow
@given(
    drop=st.sets(st.integers(0, 999), max_size=300),
    undated=st.sets(st.integers(0, 999), max_size=50),
)
def test_reconcile_counts_units_as_the_registry_does(kpis, registry, drop, undated) -> None:
    """Expected, reported and missing units and date mismatches, row by row from the
    registry, for panels with rows left out and dates removed."""
    rows = kpis.with_row_index("i").filter(~(pl.col("i") % 1000).is_in(list(drop)))
    rows = rows.with_columns(
        as_of=pl.when((pl.col("i") % 1000).is_in(list(undated))).then(None).otherwise("as_of")
    ).drop("i")
    out = reconcile(rows, registry=registry)
    by_key = {(r["unit_code"], r["year"], r["metric"]): r for r in rows.iter_rows(named=True)}
    for r in out.iter_rows(named=True):
        expected = registry.children(r["unit_code"], year=r["year"])
        reported = [c for c in expected if (c, r["year"], r["metric"]) in by_key]
        assert r["children_expected"] == len(expected)
        assert r["children_reported"] == len(reported)
        assert r["missing"] == sorted(set(expected) - set(reported))
        own = by_key.get((r["unit_code"], r["year"], r["metric"]))
        dates = [by_key[(c, r["year"], r["metric"])]["as_of"] for c in reported]
        parent_date = own["as_of"] if own else None
        assert r["as_of_mismatch"] == (
            parent_date is not None and any(d != parent_date for d in dates)
        )


def test_reconcile_of_chosen_parents_is_their_part_of_the_whole(kpis, registry) -> None:
    whole = reconcile(kpis, registry=registry)
    assert_frame_equal(
        reconcile(kpis, registry=registry, parents=["01"]),
        whole.filter(pl.col("unit_code") == "01"),
    )
    with pytest.raises(ValueError, match="not codes of the registry: 99"):
        reconcile(kpis, registry=registry, parents=["99"])


# --------------------------------------------------------------------------- rollup


def test_rollup_of_the_city(kpis: pl.DataFrame, seed: pl.DataFrame, registry) -> None:
    out = pure(rollup, kpis, registry=registry, unit="01")
    assert out.columns == kpis.columns
    assert out.schema == kpis.schema
    y2023 = rollup(kpis, registry=registry, unit="01", year=2023)
    assert_frame_equal(y2023, seed.sort("year", "metric"))  # the city's own rows
    y2024 = rollup(kpis, registry=registry, unit="01", year=2024)
    assert y2024["metric"].to_list() == sorted(PANEL_METRICS)
    assert (y2024["source"] == "synthetic").all()
    assert (y2024["note"] == "sum of 31 units").all()
    assert (y2024["unit_code"] == "01").all() and (y2024["unit_name"] == "Hà Nội").all()
    assert (y2024["level"] == "city").all()
    panel = kpis.filter(year=2024).group_by("metric").agg(pl.col("actual", "target").sum())
    assert_frame_equal(
        y2024.select("metric", "actual", "target"), panel.sort("metric"), check_row_order=True
    )
    assert sorted(out["year"].unique().to_list()) == list(range(2019, 2025))


def test_rollup_keeps_extra_columns_and_units_without_children(
    kpis: pl.DataFrame, registry
) -> None:
    measured = with_measures(kpis)
    out = rollup(measured, registry=registry, unit="01", year=2022)
    assert out.columns == measured.columns
    assert out["attainment"].null_count() == out.height  # not computed for summed rows
    district = rollup(kpis, registry=registry, unit="017")
    assert_frame_equal(district, kpis.filter(unit_code="017").sort("year", "metric"))
    real = kpis.filter(pl.col("source") != "synthetic")
    no_panel = rollup(real.filter(pl.col("unit_code") != "01"), registry=registry, unit="01")
    assert no_panel.is_empty()


# --------------------------------------------------------------------------- frames in and out


@pytest.mark.parametrize(
    ("func", "options"),
    [
        (with_measures, {}),
        (yoy_change, {}),
        (target_stretch, {}),
        (rank_within_year, {}),
        (pace, {}),
        (share_of_parent, {"registry": None}),
    ],
    ids=lambda x: getattr(x, "__name__", ""),
)
def test_lazy_in_lazy_out(func, options: dict[str, object], kpis: pl.DataFrame, registry) -> None:
    if "registry" in options:
        options = {"registry": registry}
    eager = pure(func, kpis, **options)
    lazy = func(kpis.lazy(), **options)
    assert isinstance(lazy, pl.LazyFrame)
    assert_frame_equal(lazy.collect(), eager)
    assert_frame_equal(eager.select(kpis.columns), kpis)  # rows keep their order


def test_latest_year(kpis: pl.DataFrame) -> None:
    assert latest_year(kpis) == 2024
    with pytest.raises(ValueError, match="empty"):
        latest_year(kpis.clear())


# --------------------------------------------------------------------------- 2025, the split year
# Hand-built: three districts (to 2025-06-30) and four new units (from 2025-07-01) under the
# city; 2024 by district, 2025 first half by district and second half by new unit, 2026 by new
# unit. The city has its own rows, equal to the sum of its units in every period.

D = dt.date
H1 = (D(2025, 1, 1), D(2025, 6, 30))
H2 = (D(2025, 7, 1), D(2025, 12, 31))
OLD = {"001": ("Ba Đình", "quận"), "002": ("Hoàn Kiếm", "quận"), "017": ("Đông Anh", "huyện")}
NEW = {
    "00004": ("Ba Đình", "phường"),
    "00008": ("Hoàn Kiếm", "phường"),
    "00454": ("Đông Anh", "xã"),
    "00457": ("Phúc Thịnh", "xã"),
}
#: year, period_start, as_of and the units reporting, for each period of the panel
SPLIT_PERIODS = [
    (2024, None, D(2024, 12, 31), OLD),
    (2025, H1[0], H1[1], OLD),
    (2025, H2[0], H2[1], NEW),
    (2026, None, D(2026, 12, 31), NEW),
]


def split_registry() -> UnitRegistry:
    codes = ["01", *OLD, *NEW]
    return UnitRegistry.from_frame(
        pl.DataFrame(
            {
                "code": codes,
                "name": ["Hà Nội", *(n for n, _ in OLD.values()), *(n for n, _ in NEW.values())],
                "level": ["city", *["district"] * 3, *["ward"] * 4],
                "type": ["thành phố", *(t for _, t in OLD.values()), *(t for _, t in NEW.values())],
                "parent": [None, *["01"] * 7],
                "valid_from": [None, None, None, None, *["2025-07-01"] * 4],
                "valid_to": [None, *["2025-06-30"] * 3, None, None, None, None],
            }
        )
    )


def split_panel(figures: list[tuple[float, float | None]] | None = None) -> pl.DataFrame:
    """The panel; ``figures`` (actual, target) go to the units' rows in turn (cycled)."""
    rows: list[dict[str, object]] = []
    n = 0
    for year, start, as_of, units in SPLIT_PERIODS:
        total, total_target = 0.0, 0.0
        for code, (name, _) in units.items():
            actual, target = (
                figures[n % len(figures)] if figures else (90.0 + 7 * n % 40, 100.0 + n)
            )
            n += 1
            total += actual
            total_target = None if target is None or total_target is None else total_target + target
            level = "district" if code in OLD else "commune"
            rows.append(
                {
                    "unit_code": code,
                    "unit_name": name,
                    "level": level,
                    "year": year,
                    "period_start": start,
                    "as_of": as_of,
                    "metric": "admissions",
                    "target": target,
                    "actual": actual,
                    "source": "synthetic",
                }
            )
        rows.append(
            {
                "unit_code": "01",
                "unit_name": "Hà Nội",
                "level": "city",
                "year": year,
                "period_start": start,
                "as_of": as_of,
                "metric": "admissions",
                "target": total_target,
                "actual": total,
                "source": "synthetic",
            }
        )
    return pl.DataFrame(rows)


@pytest.fixture(scope="module")
def split() -> pl.DataFrame:
    return split_panel()


@pytest.fixture(scope="module")
def split_reg() -> UnitRegistry:
    return split_registry()


def _spans(rows: list[dict[str, object]]) -> list[tuple[dt.date, dt.date]]:
    """Each row's period as the docs define it, worked out here on its own."""
    starts: dict[int, set[dt.date]] = {}
    for r in rows:
        starts.setdefault(r["year"], set()).add(r["period_start"] or D(r["year"], 1, 1))
    spans = []
    for r in rows:
        year = r["year"]
        start = r["period_start"] or D(year, 1, 1)
        later = [s for s in starts[year] if s > start]
        until = min(later) - dt.timedelta(days=1) if later else D(year, 12, 31)
        spans.append((start, min(max(until, r["as_of"] or until), D(year, 12, 31))))
    return spans


def test_periods_of_the_split_year(split: pl.DataFrame) -> None:
    got = periods(split)
    assert got.select("year", "label", "rows").rows() == [
        (2024, "2024", 4),
        (2025, "1/1–30/6/2025", 4),
        (2025, "1/7–31/12/2025", 5),
        (2026, "2026", 5),
    ]
    assert periods(split, year=2025, lang="en")["label"].to_list() == [
        "1 Jan–30 Jun 2025",
        "1 Jul–31 Dec 2025",
    ]
    spans = with_periods(split).select("period_from", "period_to").unique().sort(pl.all()).rows()
    assert spans[1:3] == [H1, H2]


def test_structure_label_names_each_structure(split: pl.DataFrame, split_reg) -> None:
    assert structure_label(split, split_reg, year=2025) == (
        "3 quận, huyện · 1/1–30/6/2025 | 4 phường, xã · 1/7–31/12/2025"
    )
    assert structure_label(split, split_reg, year=2025, period=H2[0], lang="en") == (
        "4 commune-level units (2 phường, 2 xã) · 1 Jul–31 Dec 2025"
    )
    assert structure_label(split, year=2024) == "3 đơn vị cấp huyện · 2024"  # from `level`
    assert structure_label(split, split_reg, year=2030) == ""
    table = structures(split, split_reg)
    assert table.select("label", "units", "structure").rows() == [
        ("2024", 3, "3 quận, huyện"),
        ("1/1–30/6/2025", 3, "3 quận, huyện"),
        ("1/7–31/12/2025", 4, "4 phường, xã"),
        ("2026", 4, "4 phường, xã"),
    ]


def test_rank_never_ranks_districts_with_new_units(split: pl.DataFrame) -> None:
    ranked = pure(rank_within_year, split, level=False)
    for (year, start), part in ranked.group_by("year", "period_start"):
        # each period ranks its own units from 1 (the city included, level=False)
        assert (part["rank"].min(), part["rank"].max() <= part.height) == (1, True), (year, start)
    h1 = ranked.filter(pl.col("period_start") == H1[0])
    assert set(h1["unit_code"]) == {"01", *OLD}
    # without period_start, 2025 would have been one ranking of 9 rows
    assert ranked.drop("period_start").height == split.height
    assert (
        rank_within_year(split.drop("period_start"), level=False).filter(year=2025)["rank"].max()
        == 9
    )


def test_share_of_parent_per_period(split: pl.DataFrame, split_reg) -> None:
    shared = pure(share_of_parent, split, registry=split_reg)
    for start in (H1[0], H2[0]):
        part = shared.filter(pl.col("period_start") == start, pl.col("unit_code") != "01")
        assert part["share"].sum() == pytest.approx(1.0)
        assert set(part["share_basis"]) == {"parent"}


def test_yoy_across_the_break_stays_null_with_a_reason(split: pl.DataFrame, split_reg) -> None:
    out = pure(yoy_change, split, registry=split_reg)
    notes = {
        (r["unit_code"], r["year"], r["period_start"]): r["yoy_note"]
        for r in out.iter_rows(named=True)
    }
    assert notes[("001", 2025, H1[0])] == "other period the year before"  # half vs whole year
    assert notes[("00004", 2025, H2[0])] == "no row the year before"  # a new unit
    assert notes[("00004", 2026, None)] == "other period the year before"
    assert notes[("01", 2026, None)] == "other period the year before"
    assert out.filter(pl.col("year") >= 2025)["yoy_change"].null_count() == 14
    # a whole year after a whole year still compares, and says nothing
    again = split_panel().with_columns(year=pl.col("year") + 1)
    both = pl.concat([split.filter(year=2026), again.filter(year=2027)])
    moved = yoy_change(both, registry=split_reg).filter(year=2027)
    assert moved["yoy_note"].null_count() == moved.height
    assert moved["actual_prev"].null_count() == 0
    # no registry, no period_start: as before, the code alone and no note
    assert "yoy_note" not in yoy_change(split.drop("period_start")).columns


def test_a_reused_code_is_matched_to_the_unit_of_the_rows_date() -> None:
    """00004 was phường Trúc Bạch to 2025-06-30 and is Phường Ba Đình from 2025-07-01."""
    try:
        reg = UnitRegistry.from_frame(
            pl.DataFrame(
                {
                    "code": ["01", "001", "00004", "00004"],
                    "name": ["Hà Nội", "Ba Đình", "Trúc Bạch", "Ba Đình"],
                    "level": ["city", "district", "ward", "ward"],
                    "parent": [None, "01", "001", "01"],
                    "valid_from": [None, None, None, "2025-07-01"],
                    "valid_to": [None, "2025-06-30", "2025-06-30", None],
                }
            )
        )
    except KpiDataError:
        pytest.skip("this registry does not take a code twice yet")
    years = pl.DataFrame(
        {
            "unit_code": ["00004"] * 3,
            "metric": ["m"] * 3,
            "year": [2023, 2024, 2025],
            "period_start": pl.Series([None] * 3, dtype=pl.Date),
            "as_of": [D(2023, 12, 31), D(2024, 12, 31), D(2025, 12, 31)],
            "actual": [10.0, 6.0, 7.0],
        }
    )
    # whole years one year apart, but in 2025 the code stands for another unit
    got = yoy_change(years, registry=reg)["yoy_note"].to_list()
    assert got == ["no row the year before", None, "other unit the year before"]
    assert yoy_change(years)["yoy_note"].to_list()[2] is None  # no registry: the code alone
    halves = pl.DataFrame(
        {
            "unit_code": ["00004"] * 3,
            "metric": ["m"] * 3,
            "year": [2024, 2025, 2025],
            "period_start": [None, H1[0], H2[0]],
            "as_of": [D(2024, 12, 31), H1[1], H2[1]],
            "actual": [10.0, 6.0, 7.0],
            "target": [10.0, 6.0, 7.0],
            "source": ["synthetic"] * 3,
        }
    )
    shares = share_of_parent(halves, registry=reg).select("share_basis", "share").rows()
    assert shares == [("sum", 1.0)] * 3
    # the old ward is under its district, the new unit under the city
    recon = reconcile(halves, registry=reg)
    assert recon.select("unit_code", "period_from").rows() == [
        ("001", D(2024, 1, 1)),
        ("001", H1[0]),
        ("01", H2[0]),
    ]


def test_target_stretch_and_movers_do_not_cross_the_break(split: pl.DataFrame) -> None:
    stretched = pure(target_stretch, split)
    assert stretched.filter(pl.col("year") >= 2025)["stretch"].null_count() == 14
    assert movers(split, year=2025).is_empty()
    assert movers(split, year=2026).is_empty()


def test_pace_over_the_period(split: pl.DataFrame, split_reg) -> None:
    assert pace(split)["elapsed"].to_list() == [1.0] * split.height  # every period complete
    first_half = split.filter(~(pl.col("period_start") == H2[0]).fill_null(False))
    # without the second half or a registry, the first half is half of a year-long period
    h1 = pace(first_half).filter(pl.col("period_start") == H1[0])
    assert h1["elapsed"].to_list() == [pytest.approx(181 / 365)] * 4
    # the registry knows the districts ended on 30/6; the city goes on
    dated = pace(first_half, registry=split_reg).filter(pl.col("period_start") == H1[0])
    assert dict(dated.select("unit_code", "elapsed").rows()) == pytest.approx(
        {"001": 1.0, "002": 1.0, "017": 1.0, "01": 181 / 365}
    )
    sept = split.filter(pl.col("period_start") == H2[0]).with_columns(as_of=D(2025, 9, 30))
    row = pace(sept).row(0, named=True)
    assert row["elapsed"] == pytest.approx(92 / 184)
    assert row["projected"] == pytest.approx(row["actual"] * 184 / 92)


def test_reconcile_per_period(split: pl.DataFrame, split_reg) -> None:
    out = pure(reconcile, split, registry=split_reg)
    assert out.select("year", "period_from", "children_expected", "reconciled").rows() == [
        (2024, D(2024, 1, 1), 3, True),
        (2025, H1[0], 3, True),
        (2025, H2[0], 4, True),
        (2026, D(2026, 1, 1), 4, True),
    ]
    assert out.columns[-2:] == ["period_from", "period_to"]
    gone = split.filter(~((pl.col("unit_code") == "00454") & (pl.col("year") == 2025)))
    row = one(reconcile(gone, registry=split_reg), year=2025, period_from=H2[0])
    assert (row["missing"], row["reconciled"]) == (["00454"], False)
    assert one(reconcile(gone, registry=split_reg), year=2025, period_from=H1[0])["reconciled"]


def test_rollup_sums_each_period_apart(split: pl.DataFrame, split_reg) -> None:
    units = split.filter(pl.col("unit_code") != "01")
    city = pure(rollup, units, registry=split_reg, unit="01")
    assert city.columns == split.columns
    assert_frame_equal(
        city.select("year", "period_start", "actual", "target"),
        split.filter(pl.col("unit_code") == "01").select(
            "year", "period_start", "actual", "target"
        ),
    )
    assert city["note"].to_list() if "note" in city.columns else True
    assert rollup(units, registry=split_reg, unit="01", year=2025).height == 2


def test_terms_of_the_split_year(split: pl.DataFrame, split_reg) -> None:
    assert [t.label for t in TERMS] == ["2020–2025", "2025–2030"]
    old, new = (term_attainment(split, term=t, registry=split_reg) for t in TERMS)
    assert set(old["unit_code"]) == {"01", *OLD}
    assert set(new["unit_code"]) == {"01", *NEW}
    city = split.filter(pl.col("unit_code") == "01")
    assert (
        one(old, unit_code="01")["actual"]
        == city.filter(pl.col("year") == 2024)["actual"].sum()
        + one(city, year=2025, period_start=H1[0])["actual"]
    )
    assert (
        one(new, unit_code="01")["actual"]
        == city.filter(pl.col("year") == 2026)["actual"].sum()
        + one(city, year=2025, period_start=H2[0])["actual"]
    )
    assert one(new, unit_code="00004")["years"] == 2  # 2025 (second half) and 2026
    assert_frame_equal(term_attainment(split, start=2020, end=2025, registry=split_reg), old)
    # a whole-year 2025 row counts in both terms: 2025 ends one and begins the other
    whole = split.filter(pl.col("year") != 2025).vstack(
        split.filter(pl.col("unit_code") == "01", year=2026).with_columns(
            year=pl.lit(2025, pl.Int64), as_of=D(2025, 12, 31)
        )
    )
    for term in TERMS:
        assert 2025 in term_rows(whole, term=term, registry=split_reg)["year"].to_list()
    # ... but the registry's dates win: a district is not in 2025–2030, whatever its rows say
    late = split.filter(pl.col("unit_code") == "001", year=2024).with_columns(
        year=pl.lit(2026, pl.Int64), as_of=D(2026, 12, 31)
    )
    assert term_rows(late, term=TERMS[1], registry=split_reg).is_empty()
    assert term_rows(late, term=TERMS[1]).height == 1  # no registry: its rows decide
    # a whole year beside its halves would count days twice
    with pytest.raises(ValueError, match="overlapping days"):
        term_attainment(pl.concat([split, whole.filter(year=2025)]), term=TERMS[0])


def test_term_of_years_and_bad_terms() -> None:
    assert Term.of_years(2025, 2030) is TERMS[1]
    assert Term.of_years(2015, 2020).starts == D(2015, 1, 1)
    with pytest.raises(ValueError, match="start before it ends"):
        Term(2025, 2020, D(2025, 1, 1), D(2020, 1, 1))
    with pytest.raises(ValueError, match="fall in its years"):
        Term(2020, 2025, D(2019, 1, 1), D(2025, 1, 1))


# hypothesis: random figures, rows left out; nothing ever combines two periods

_FIGURE = st.tuples(
    st.integers(0, 10_000).map(float), st.one_of(st.none(), st.integers(1, 10_000).map(float))
)
_DROPS = st.sets(st.integers(0, 17), max_size=8)


def _dropped(figures, drop) -> pl.DataFrame:
    return split_panel(figures).with_row_index("i").filter(~pl.col("i").is_in(list(drop))).drop("i")


@settings(deadline=None)  # builds frames: slow on a busy machine
@given(figures=st.lists(_FIGURE, min_size=1, max_size=9), drop=_DROPS)
def test_ranks_compare_only_rows_of_one_period(figures, drop) -> None:
    panel = _dropped(figures, drop)
    ranked = rank_within_year(panel, level=False).with_columns(attainment().alias("a"))
    rows = list(ranked.iter_rows(named=True))
    spans = _spans(rows)
    for r, span in zip(rows, spans, strict=True):
        if r["a"] is None:
            assert r["rank"] is None
            continue
        better = [
            o
            for o, other in zip(rows, spans, strict=True)
            if o["year"] == r["year"] and other == span and o["a"] is not None and o["a"] > r["a"]
        ]
        assert r["rank"] == 1 + len(better)


@settings(deadline=None)  # builds frames: slow on a busy machine
@given(figures=st.lists(_FIGURE, min_size=1, max_size=9), drop=_DROPS)
def test_reconcile_adds_only_units_of_the_parents_period(figures, drop) -> None:
    reg = split_registry()
    panel = _dropped(figures, drop)
    out = reconcile(panel, registry=reg)
    rows = list(panel.iter_rows(named=True))
    dated = list(zip(rows, _spans(rows), strict=True))
    for r in out.iter_rows(named=True):
        span = (r["period_from"], r["period_to"])
        both = [u for u, s in dated if u["year"] == r["year"] and s == span]
        mine = [u for u in both if u["unit_code"] != "01"]
        assert r["children_actual"] == (sum(u["actual"] for u in mine) if mine else None)
        # the units in force between the period's start and the last day a figure was taken
        until = min(span[1], max(u["as_of"] for u in both))
        expected = {**(OLD if span[0] <= H1[1] else {}), **(NEW if until >= H2[0] else {})}
        assert set(r["missing"]) | {u["unit_code"] for u in mine} == set(expected)
        assert not set(r["missing"]) & {u["unit_code"] for u in mine}


@settings(deadline=None)  # builds frames: slow on a busy machine
@given(figures=st.lists(_FIGURE, min_size=1, max_size=9), drop=_DROPS)
def test_term_sums_are_the_sums_of_the_rows_they_cover(figures, drop) -> None:
    reg = split_registry()
    panel = _dropped(figures, drop)
    for term in TERMS:
        covered = term_rows(panel, term=term, registry=reg)
        got = term_attainment(panel, term=term, registry=reg)
        for r in got.iter_rows(named=True):
            mine = covered.filter(pl.col("unit_code") == r["unit_code"])
            assert r["actual"] == mine["actual"].sum()  # integers: exact
            targets = mine["target"].to_list()
            assert r["target"] == (None if None in targets else sum(targets))
        # 2025: the first half (taken on 30/6) in 2020–2025, the second half in 2025–2030
        halves = covered.filter(year=2025)["period_start"].to_list()
        assert set(halves) <= {H1[0] if term is TERMS[0] else H2[0]}
    # each row is in exactly one term: 2025 is split, the other years are in one term only
    assert sum(term_rows(panel, term=t, registry=reg).height for t in TERMS) == panel.height


def test_the_bundled_panel_reconciles_in_each_period_of_2025(ds: Dataset) -> None:
    out = reconcile(ds.kpis, registry=ds.registry, parents=["01"]).filter(
        pl.col("year") >= 2025, metric="admissions"
    )
    assert out.select("period_from", "children_expected", "reconciled").rows() == [
        (H1[0], 31, True),  # 30 districts and the other affiliated committees
        (H2[0], 127, True),  # 126 new units and the other affiliated committees
        (D(2026, 1, 1), 127, True),
    ]
    assert structure_label(ds.kpis, ds.registry, year=2025) == (
        "30 quận, huyện, thị xã; 1 khối · 1/1–30/6/2025 | 126 phường, xã; 1 khối · 1/7–31/12/2025"
    )


_UNIT_COLUMNS = ["code", "name", "level", "parent", "valid_from", "valid_to"]


def _units(*rows: tuple[str | None, ...]) -> UnitRegistry:
    """A registry of rows (code, name, level, parent, valid_from, valid_to)."""
    return UnitRegistry.from_frame(pl.DataFrame(list(rows), schema=_UNIT_COLUMNS, orient="row"))


def _figures(codes: list[str], as_of: list[dt.date], actual: list[float]) -> pl.DataFrame:
    """KPI rows of one metric, a year per row (that of its as_of), target = actual."""
    return pl.DataFrame(
        {
            "unit_code": codes,
            "year": [d.year for d in as_of],
            "as_of": as_of,
            "metric": ["m"] * len(codes),
            "target": actual,
            "actual": actual,
            "source": ["x"] * len(codes),
        }
    )


def test_a_rollup_of_a_reused_code_is_named_as_the_unit_of_its_period() -> None:
    # 00004: phường Trúc Bạch (under 001) to 2025-06-30, Phường Ba Đình (under 01) after;
    # 001-C1 is under 00004 all along, on a row for each of its periods
    reg = _units(
        ("01", "Hà Nội", "city", None, None, None),
        ("001", "Ba Đình", "district", "01", None, "2025-06-30"),
        ("00004", "Trúc Bạch", "commune", "001", None, "2025-06-30"),
        ("00004", "Ba Đình", "commune", "01", "2025-07-01", None),
        ("001-C1", "Chi bộ 1", "basic", "00004", None, "2025-06-30"),
        ("001-C1", "Chi bộ 1", "basic", "00004", "2025-07-01", None),
    )
    as_of = [D(2023, 12, 31), D(2025, 12, 31), D(2026, 12, 31)]
    rows = _figures(["001-C1"] * 3, as_of, [1.0, 2.0, 3.0]).with_columns(
        unit_name=pl.lit("Chi bộ 1"), level=pl.lit("basic")
    )
    out = rollup(rows, registry=reg, unit="00004")
    assert out.select("year", "unit_name", "level", "actual").rows() == [
        (2023, "Trúc Bạch", "commune", 1.0),  # not the latest name of the code
        (2025, "Ba Đình", "commune", 2.0),  # the whole of 2025: the latest row in it
        (2026, "Ba Đình", "commune", 3.0),
    ]
    # the organization is one expected unit in 2025, though two of its rows touch the year
    recon = reconcile(rows, registry=reg)
    assert recon.select("unit_code", "year", "children_expected", "missing").rows() == [
        ("00004", 2023, 1, []),
        ("00004", 2025, 1, []),
        ("00004", 2026, 1, []),
    ]


def test_a_figure_goes_to_the_parent_of_its_as_of_day() -> None:
    """X is under district 001 to 2025-06-30 and under Phường Ba Đình 00004 from 2025-07-01;
    a 2025 figure taken on 30/6 (no period_start: its period is the year) is 001's."""
    reg = _units(
        ("01", "Hà Nội", "city", None, None, None),
        ("001", "Ba Đình", "district", "01", None, "2025-06-30"),
        ("00004", "Ba Đình", "commune", "01", "2025-07-01", None),
        ("X", "Chi bộ", "basic", "001", None, "2025-06-30"),
        ("X", "Chi bộ", "basic", "00004", "2025-07-01", None),
    )
    as_of = [D(2025, 6, 30), D(2025, 6, 30), D(2026, 12, 31)]
    rows = _figures(["X", "001", "X"], as_of, [3.0, 6.0, 4.0])
    shares = share_of_parent(rows, registry=reg)
    assert shares.select("unit_code", "year", "parent", "share", "share_basis").rows() == [
        ("X", 2025, "001", 0.5, "parent"),  # not 00004, which began on 1/7
        ("001", 2025, "01", 1.0, "sum"),
        ("X", 2026, "00004", 1.0, "sum"),
    ]
    recon = reconcile(rows, registry=reg).filter(year=2025)
    assert recon.select("unit_code", "children_actual", "children_expected").rows() == [
        ("001", 3.0, 1),
        ("01", 6.0, 1),
    ]
    assert rollup(rows, registry=reg, unit="00004")["actual"].to_list() == [4.0]
