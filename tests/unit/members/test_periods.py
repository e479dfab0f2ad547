"""Members counted by period: a year in which units start or end is counted in its parts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpitools.cli import main
from kpitools.io.dataset import load_dataset
from kpitools.members import member_kpis
from kpitools.members.count import period_splits
from kpitools.registry import read_registry

ROOT = Path(__file__).resolve().parents[3]
CATALOG = ROOT / "data" / "metrics.csv"
REFORM = dt.date(2025, 7, 1)
H1, H2 = dt.date(2025, 1, 1), REFORM

# A city with two districts until 30/6/2025 and two new wards from 1/7/2025; each has a
# basic organization. (Ward codes of five digits, district codes of three.)
UNITS = """code,name,level,type,parent,valid_from,valid_to
01,Hà Nội,city,thành phố,,,
001,Ba Đình,district,quận,01,,2025-06-30
002,Hoàn Kiếm,district,quận,01,,2025-06-30
001-C01,Chi bộ A,basic,cơ sở,001,,
002-C01,Chi bộ B,basic,cơ sở,002,,
00004,Phường Ba Đình,commune,phường,01,2025-07-01,
00070,Phường Hoàn Kiếm,commune,phường,01,2025-07-01,
00004-C01,Chi bộ C,basic,cơ sở,00004,2025-07-01,
00070-C01,Chi bộ D,basic,cơ sở,00070,2025-07-01,
"""
OLD_ORGS, NEW_ORGS = ("001-C01", "002-C01"), ("00004-C01", "00070-C01")
PARENT = {"001-C01": "001", "002-C01": "002", "00004-C01": "00004", "00070-C01": "00070"}
COLUMNS = ["Mã đảng viên", "Mã tổ chức đảng", "Ngày vào Đảng", "Tình trạng", "Ngày thay đổi"]


@pytest.fixture(scope="module")
def units(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("units") / "units.csv"
    path.write_text(UNITS, encoding="utf-8")
    return path


def _export(members: list[tuple[str, dt.date, dt.date | None]]) -> pl.DataFrame:
    rows = [
        (
            f"M{i}",
            org,
            day.strftime("%d/%m/%Y"),
            "Từ trần" if left else "Đang sinh hoạt",
            left.strftime("%d/%m/%Y") if left else None,
        )
        for i, (org, day, left) in enumerate(members)
    ]
    return pl.DataFrame(rows, orient="row", schema=COLUMNS)


def _day(lo: dt.date, hi: dt.date) -> st.SearchStrategy[dt.date]:
    return st.dates(min_value=lo, max_value=hi)


# A member of an old organization: admitted and (maybe) dead while its district was there;
# one of a new organization: both from 1/7/2025.
old_member = st.tuples(
    st.sampled_from(OLD_ORGS), _day(dt.date(2025, 1, 1), dt.date(2025, 6, 30))
).flatmap(
    lambda t: st.tuples(st.just(t[0]), st.just(t[1]), st.none() | _day(t[1], dt.date(2025, 6, 30)))
)
new_member = st.tuples(st.sampled_from(NEW_ORGS), _day(REFORM, dt.date(2025, 12, 31))).flatmap(
    lambda t: st.tuples(st.just(t[0]), st.just(t[1]), st.none() | _day(t[1], dt.date(2025, 12, 31)))
)


def test_the_reform_cuts_2025_in_two(units: Path) -> None:
    assert period_splits(read_registry(units)) == (REFORM,)
    assert period_splits(read_registry(units), until=dt.date(2025, 6, 30)) == ()


def test_a_split_year_round_trips_through_the_cli_and_load_dataset(
    units: Path, tmp_path: Path
) -> None:
    export = tmp_path / "export.csv"
    _export(
        [
            ("001-C01", dt.date(2024, 3, 1), None),
            ("001-C01", dt.date(2025, 2, 1), None),
            ("002-C01", dt.date(2025, 6, 30), dt.date(2025, 6, 30)),  # admitted, died that day
            ("00004-C01", dt.date(2025, 7, 1), None),
            ("00070-C01", dt.date(2025, 12, 31), None),
        ]
    ).write_csv(export)
    out = tmp_path / "kpis.csv"
    argv = ["members", str(export), "--units", str(units), "--catalog", str(CATALOG)]
    argv += ["--out", str(out), "--exported", "2025-12-31", "--levels", "district,commune,city"]
    argv += ["--years", "2024-2025"]
    assert main(argv) == 0
    # read back as any KPI file: no refusal (no district row after 30/6)
    ds = load_dataset([str(out)], units=str(units), catalog=str(CATALOG), links=False)
    got = {
        (u, y, ps, a, m): v
        for u, y, ps, a, m, v in ds.kpis.select(
            "unit_code", "year", "period_start", "as_of", "metric", "actual"
        ).iter_rows()
    }
    end_h1, end = dt.date(2025, 6, 30), dt.date(2025, 12, 31)
    # 2024: a whole year (no period_start in the file; read as 1 January)
    assert got["01", 2024, dt.date(2024, 1, 1), dt.date(2024, 12, 31), "admissions"] == 1
    written = pl.read_csv(out, schema_overrides={"unit_code": pl.String}, try_parse_dates=True)
    assert written.filter(pl.col("year") == 2024)["period_start"].is_null().all()
    # 2025, first half: the districts and the city, as of 30/6
    assert got["001", 2025, H1, end_h1, "admissions"] == 1
    assert got["002", 2025, H1, end_h1, "admissions"] == 1
    assert got["002", 2025, H1, end_h1, "deaths"] == 1
    assert got["01", 2025, H1, end_h1, "admissions"] == 2
    assert got["01", 2025, H1, end_h1, "members"] == 2
    # second half: the new wards and the city, from 1/7
    assert got["00004", 2025, H2, end, "admissions"] == 1
    assert got["00070", 2025, H2, end, "admissions"] == 1
    assert got["01", 2025, H2, end, "admissions"] == 2
    # no district in the second half, no ward in the first
    rows = ds.kpis.filter(pl.col("year") == 2025)
    assert not rows.filter(
        pl.col("unit_code").is_in(["001", "002"]), pl.col("period_start") == H2
    ).height
    assert not rows.filter(
        pl.col("unit_code").is_in(["00004", "00070"]), pl.col("period_start") == H1
    ).height


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(old_member, max_size=15), st.lists(new_member, max_size=15))
def test_every_member_is_counted_once_per_period(units: Path, old, new) -> None:
    members = [*old, *new]
    if not members:
        return
    out = member_kpis(
        _export(members),
        registry=read_registry(units),
        exported="2025-12-31",
        years=[2025],
        levels=("district", "commune", "city"),
        metrics=["admissions", "deaths", "members"],
    )
    assert out.unattributed == {"outside": 0, "not existing": 0, "after as_of": 0}
    kpis = out.kpis
    assert set(kpis["period_start"].to_list()) == {H1, H2}

    def value(unit: str, start: dt.date, metric: str) -> float:
        row = kpis.filter(
            pl.col("unit_code") == unit, pl.col("period_start") == start, pl.col("metric") == metric
        )
        return float(row["actual"].sum()) if row.height else 0.0

    for start, orgs, ends in ((H1, OLD_ORGS, dt.date(2025, 6, 30)), (H2, NEW_ORGS, None)):
        inside = [m for m in members if m[0] in orgs]
        # each unit of the period: its own organization's members, exactly
        for org in orgs:
            mine = [m for m in inside if m[0] == org]
            assert value(PARENT[org], start, "admissions") == len(mine)
            assert value(PARENT[org], start, "deaths") == sum(m[2] is not None for m in mine)
        # the city: every member of the period once, and the sum of its units
        assert value("01", start, "admissions") == len(inside)
        units_of = [PARENT[o] for o in orgs]
        for metric in ("admissions", "deaths", "members"):
            assert value("01", start, metric) == sum(value(u, start, metric) for u in units_of)
        # rows of a unit that ended say so by their date
        assert kpis.filter(pl.col("period_start") == start)["as_of"].unique().to_list() == [
            ends or dt.date(2025, 12, 31)
        ]
    # members at the end of the first half: admitted, not dead by 30/6
    assert value("01", H1, "members") == sum(1 for m in old if m[2] is None)


def test_a_years_target_is_not_given_to_a_half(units: Path) -> None:
    from kpitools.errors import KpiDataError

    export = _export([("001-C01", dt.date(2025, 2, 1), None)])
    targets = pl.DataFrame(
        {"unit_code": ["01"], "year": [2025], "metric": ["admissions"], "target": [10.0]}
    )
    with pytest.raises(KpiDataError, match=r"year counted in periods.*01 × 2025 × admissions"):
        member_kpis(
            export,
            registry=read_registry(units),
            exported="2025-12-31",
            metrics=["admissions"],
            targets=targets,
        )
    # a target of a whole year is joined as before
    export = _export([("001-C01", dt.date(2024, 2, 1), None)])
    out = member_kpis(
        export,
        registry=read_registry(units),
        exported="2025-12-31",
        years=[2024, 2025],
        metrics=["admissions"],
        targets=targets.with_columns(year=pl.lit(2024)),
    )
    row = out.kpis.filter(pl.col("unit_code") == "01", pl.col("year") == 2024)
    assert row.select("period_start", "actual", "target").rows() == [(None, 1.0, 10.0)]
