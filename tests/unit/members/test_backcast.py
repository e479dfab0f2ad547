"""Members backcast into the new units: hand-checked counts, totals, unmapped organizations,
bad map rows, the command and the synthetic generator's map."""

from __future__ import annotations

import csv
import datetime as dt
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kpitools as kt
from kpitools.members import (
    REFORM_DATE,
    UNMAPPED,
    UnmappedOrganizationsError,
    member_kpis,
    read_crosswalk,
    suppress_small,
)

ROOT = Path(__file__).resolve().parents[3]

# Two districts until 2025-06-30, their basic organizations, three new units from 2025-07-01.
UNITS = """code,name,level,type,parent,valid_from,valid_to,note
01,Hà Nội,city,thành phố,,,,
001,Ba Đình,district,quận,01,,2025-06-30,
002,Hoàn Kiếm,district,quận,01,,2025-06-30,
001-C01,Chi bộ A,basic,cơ sở,001,,2025-06-30,
001-C02,Chi bộ B,basic,cơ sở,001,,2025-06-30,
002-C01,Chi bộ C,basic,cơ sở,002,,2025-06-30,
002-C02,Chi bộ D,basic,cơ sở,002,,2025-06-30,
00004,Ba Đình,commune,phường,01,2025-07-01,,
00070,Hoàn Kiếm,commune,phường,01,2025-07-01,,
00082,Cửa Nam,commune,phường,01,2025-07-01,,
"""
ORGS = ["001-C01", "001-C02", "002-C01", "002-C02"]
NEW = ["00004", "00070", "00082"]
# 002-C02 is split between two decisions: to 00070 from the reform, to 00082 from 2026.
ORG_MAP = """org_code,new_unit_code,effective,source
001-C01,00004,2025-07-01,QĐ 01-QĐ/TU
001-C02,00004,2025-07-01,QĐ 01-QĐ/TU
002-C01,00082,2025-07-01,QĐ 02-QĐ/TU
002-C02,00070,2025-07-01,QĐ 02-QĐ/TU
002-C02,00082,2026-01-01,QĐ 09-QĐ/TU
"""
HEADER = ["Mã đảng viên", "Mã tổ chức đảng", "Ngày vào Đảng", "Tình trạng", "Ngày thay đổi"]
EXPORT = [  # id, organization, admitted, status, status date
    ("DV-B01", "001-C01", "15/03/2019", "Đang sinh hoạt", ""),
    ("DV-B02", "001-C02", "02/09/2020", "Đang sinh hoạt", ""),
    ("DV-B03", "001-C02", "10/10/2020", "Từ trần", "01/02/2023"),
    ("DV-B04", "002-C01", "05/05/2021", "Đang sinh hoạt", ""),
    ("DV-B05", "002-C02", "06/06/2024", "Đang sinh hoạt", ""),
    ("DV-B06", "002-C02", "07/07/2010", "Đang sinh hoạt", ""),
]
EXPORTED = "2025-12-31"


def write_csv(path: Path, header: list[str], rows: list[tuple[str, ...]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


@pytest.fixture
def files(tmp_path) -> dict[str, Path]:
    units = tmp_path / "units.csv"
    units.write_text(UNITS, encoding="utf-8")
    org_map = tmp_path / "org_map.csv"
    org_map.write_text(ORG_MAP, encoding="utf-8")
    export = write_csv(tmp_path / "export.csv", HEADER, EXPORT)
    return {"units": units, "org_map": org_map, "export": export}


def table(out, metric: str = "admissions") -> dict[tuple[str, int], float]:
    rows = out.kpis.filter(pl.col("metric") == metric)
    return {(u, y): a for u, y, a in rows.select("unit_code", "year", "actual").iter_rows()}


def backcast(files, **kwargs):
    registry = kt.read_registry(files["units"])
    org_map = read_crosswalk(files["org_map"], registry=registry)
    kwargs = {"exported": EXPORTED, "metrics": ["admissions", "members", "deaths"], **kwargs}
    return member_kpis(
        files["export"], registry=registry, crosswalk=org_map, backcast=REFORM_DATE, **kwargs
    )


def test_each_member_is_counted_in_the_new_unit_of_their_organization(files) -> None:
    out = backcast(files)
    got = table(out)
    # years before the reform by default; only the units in force on 2025-07-01
    assert sorted({y for _, y in got}) == list(range(2010, 2025))
    assert {u for u, _ in got} == {"01", *NEW}
    assert [got["00004", y] for y in (2019, 2020, 2021, 2024)] == [1, 2, 0, 0]
    assert [got["00082", y] for y in (2019, 2020, 2021, 2024)] == [0, 0, 1, 0]
    # 002-C02 is in 00070 on the reference date (it moves again only in 2026)
    assert [got["00070", y] for y in (2010, 2024)] == [1, 1]
    members = table(out, "members")
    assert members["00004", 2022] == 3 and members["00004", 2023] == 2  # B03 died in 2023
    assert table(out, "deaths")["00004", 2023] == 1
    # marked as a backcast, and exact
    assert set(out.kpis["note"]) == {
        "backcast: counted in the units of 2025-07-01 by each member's basic organization "
        "(organization map; exact, not apportioned)"
    }
    assert set(out.kpis["source"]) == {"export.csv"}
    # the new units have a series back in time in the registry of the result
    assert out.registry.exists("00004", 2019) and UNMAPPED not in out.registry
    assert out.unmapped == {}


def test_a_later_reference_date_takes_the_second_move(files) -> None:
    out = backcast(files, years=[2024])
    later = member_kpis(
        files["export"],
        registry=kt.read_registry(files["units"]),
        crosswalk=read_crosswalk(files["org_map"], registry=kt.read_registry(files["units"])),
        backcast="2026-01-01",
        exported="2026-01-31",
        years=[2024],
        metrics=["admissions"],
    )
    assert table(out)["00070", 2024] == 1 and table(out)["00082", 2024] == 0
    assert table(later)["00070", 2024] == 0 and table(later)["00082", 2024] == 1


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.sampled_from(ORGS), st.dates(dt.date(2019, 1, 1), dt.date(2024, 12, 31))),
        min_size=1,
        max_size=60,
    ),
    st.fixed_dictionaries({org: st.sampled_from(NEW) for org in ORGS}),
    st.dictionaries(st.sampled_from(ORGS), st.sampled_from(NEW)),
)
def test_backcast_totals_equal_the_city_totals(tmp_path_factory, members, first, later) -> None:
    tmp = tmp_path_factory.mktemp("hyp")
    units = tmp / "units.csv"
    units.write_text(UNITS, encoding="utf-8")
    rows = [(org, new, "2025-07-01") for org, new in first.items()]
    rows += [(org, new, "2026-03-01") for org, new in later.items() if new != first[org]]
    org_map = write_csv(tmp / "map.csv", ["org_code", "new_unit_code", "effective"], rows)
    export = write_csv(
        tmp / "export.csv",
        HEADER[:3],
        [(f"P{i}", org, day.strftime("%d/%m/%Y")) for i, (org, day) in enumerate(members)],
    )
    registry = kt.read_registry(units)
    kwargs = dict(registry=registry, exported=EXPORTED, years=range(2019, 2025))
    plain = table(member_kpis(export, **kwargs))
    back = table(
        member_kpis(
            export,
            crosswalk=read_crosswalk(org_map, registry=registry),
            backcast="2025-07-01",
            **kwargs,
        )
    )
    for year in range(2019, 2025):
        admitted = sum(1 for _, day in members if day.year == year)
        # every member counted once: the new units add up to the city, before and after
        assert sum(back[u, year] for u in NEW) == back["01", year] == plain["01", year] == admitted
        # and each in the unit of their organization on the reference date
        for unit in NEW:
            mine = sum(1 for org, day in members if day.year == year and first[org] == unit)
            assert back[unit, year] == mine


def test_organizations_the_map_does_not_place_stop_the_count(files, tmp_path) -> None:
    # 002-C01 left out of the map; a code no registry or map knows; one at the district
    lines = [line for line in ORG_MAP.splitlines() if not line.startswith("002-C01")]
    files["org_map"].write_text("\n".join(lines) + "\n", encoding="utf-8")
    extra = [("DV-X01", "CB-999", "01/01/2022", "Đang sinh hoạt", "")]
    extra += [("DV-X02", "002", "01/01/2022", "Đang sinh hoạt", "")]
    files["export"] = write_csv(tmp_path / "more.csv", HEADER, [*EXPORT, *extra])
    with pytest.raises(UnmappedOrganizationsError) as err:
        backcast(files)
    assert err.value.organizations == {"002-C01": 1, "CB-999": 1, "002": 1}
    text = str(err.value)
    assert "3 organizations of the export (3 members)" in text
    assert "002-C01 (1)" in text and "CB-999 (1)" in text and "unmapped='row'" in text
    assert not re.search(r"DV-[BX]\d", text)  # never a member id
    # counted in a visible row instead: the new units and that row add up to the city
    out = backcast(files, unmapped="row")
    got = table(out)
    assert got[UNMAPPED, 2021] == 1 and got[UNMAPPED, 2022] == 2
    for year in range(2019, 2025):
        assert sum(got[u, year] for u in [*NEW, UNMAPPED]) == got["01", year]
    assert out.unmapped == {"002-C01": 1, "CB-999": 1, "002": 1}
    assert out.registry.parent(UNMAPPED) == "01"


def test_outside_within_is_not_unmapped(files, tmp_path) -> None:
    units = files["units"].read_text(encoding="utf-8")
    units += "79,Hồ Chí Minh,city,thành phố,,,,\n790,Quận 1,district,quận,79,,2025-06-30,\n"
    files["units"].write_text(units, encoding="utf-8")
    rows = [*EXPORT, ("DV-Y01", "790", "01/01/2022", "Đang sinh hoạt", "")]
    files["export"] = write_csv(tmp_path / "two_cities.csv", HEADER, rows)
    with pytest.raises(UnmappedOrganizationsError, match="790"):
        backcast(files)
    out = backcast(files, within=["01"])
    assert out.unattributed["outside"] == 1 and "79" not in set(out.kpis["unit_code"])


def test_suppression_keeps_the_backcast_note(files) -> None:
    out = backcast(files)
    shared = suppress_small(out.kpis, threshold=2, registry=out.registry)
    hidden = shared.filter(pl.col("actual").is_null())
    assert hidden.height and all(
        n.startswith("backcast: ") and n.endswith("; fewer than 2 (suppressed)")
        for n in hidden["note"]
    )


def test_backcast_options(files) -> None:
    registry = kt.read_registry(files["units"])
    org_map = read_crosswalk(files["org_map"], registry=registry)
    with pytest.raises(ValueError, match="organization map"):
        member_kpis(files["export"], registry=registry, backcast="2025-07-01")
    with pytest.raises(ValueError, match="pass one of them"):
        member_kpis(
            files["export"],
            registry=registry,
            crosswalk=org_map,
            structure="2025-07-01",
            backcast="2025-07-01",
        )
    with pytest.raises(ValueError, match="unmapped"):
        backcast(files, unmapped="drop")
    with pytest.raises(ValueError, match="not in force"):
        backcast(files, within=["001"])


# --------------------------------------------------------------------------- the map file


def test_bad_map_rows_name_file_row_and_column(files) -> None:
    registry = kt.read_registry(files["units"])
    files["org_map"].write_text(
        "org_code,new_unit_code,effective,source\n"
        "001-C01,00004,2025-07-01,QĐ 1\n"
        ",00004,2025-07-01,\n"  # row 3: no organization
        "001-C02,99999,2025-07-01,\n"  # row 4: no such unit
        "002-C01,00070,2024-01-01,\n"  # row 5: the unit did not exist yet
        "002-C02,00070,mùng 1 tháng 7,\n"  # row 6: not a date
        "001-C01,00082,2025-07-01,\n",  # row 7: the same organization twice on one day
        encoding="utf-8",
    )
    with pytest.raises(kt.KpiDataError) as err:
        read_crosswalk(files["org_map"], registry=registry)
    text = str(err.value)
    name = str(files["org_map"])
    assert f"{name}, row 3, column 'old_code': empty code" in text
    assert f"{name}, row 4, column 'new_code': not a code of the unit registry" in text
    assert f"{name}, row 5, column 'new_code': the unit is not in force on the effective " in text
    assert f"{name}, row 6, column 'effective'" in text
    files["org_map"].write_text(
        "org_code,new_unit_code,effective\n001-C01,00004,2025-07-01\n001-C01,00082,2025-07-01\n",
        encoding="utf-8",
    )
    with pytest.raises(kt.KpiDataError, match="row 3: old code 001-C01 is also on row 2"):
        read_crosswalk(files["org_map"], registry=registry)
    files["org_map"].write_text("org_code,old_code,new_code,effective\n", encoding="utf-8")
    with pytest.raises(kt.KpiDataError, match="two columns for 'old_code'"):
        read_crosswalk(files["org_map"], registry=registry)


def test_the_map_keeps_its_sources(files) -> None:
    org_map = read_crosswalk(files["org_map"], registry=kt.read_registry(files["units"]))
    assert org_map.changes.columns == [
        "old_code",
        "new_code",
        "effective",
        "change",
        "source",
        "note",
    ]
    assert org_map.changes["source"][4] == "QĐ 09-QĐ/TU"
    assert org_map.codes == ORGS


# --------------------------------------------------------------------------- the command


def run_members(files, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            str(Path(sys.executable).parent / "kpitools"),
            "members",
            str(files["export"]),
            "--units",
            str(files["units"]),
            "--exported",
            EXPORTED,
            *args,
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def test_the_members_command_backcasts(files, tmp_path) -> None:
    out = tmp_path / "backcast.csv"
    proc = run_members(
        files, "--org-map", str(files["org_map"]), "--backcast", "--years", "2019-2024",
        "--out", str(out),
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    kpis = pl.read_csv(out, infer_schema=False)
    assert set(kpis["unit_code"]) == {"01", *NEW}
    assert set(kpis["year"]) == {str(y) for y in range(2019, 2025)}
    assert all(n.startswith("backcast: counted in the units of 2025-07-01") for n in kpis["note"])
    # an organization left out: an error that names it and the option, never a member
    files["org_map"].write_text(
        "\n".join(line for line in ORG_MAP.splitlines() if "001-C02" not in line) + "\n",
        encoding="utf-8",
    )
    proc = run_members(files, "--org-map", str(files["org_map"]), "--backcast", "--out", str(out))
    assert proc.returncode == 1
    assert "001-C02 (2)" in proc.stderr and "--unmapped row" in proc.stderr
    proc = run_members(
        files, "--crosswalk", str(files["org_map"]), "--backcast", "2025-07-01",
        "--unmapped", "row", "--out", str(out),
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "2 members of 1 organizations" in proc.stderr and "001-C02 (2)" in proc.stderr
    assert UNMAPPED in set(pl.read_csv(out, infer_schema=False)["unit_code"])
    assert not re.search(r"DV-B\d", proc.stdout + proc.stderr + out.read_text("utf-8"))


# --------------------------------------------------------------------------- the generator


def test_the_generators_map_follows_the_links(generated, national, root) -> None:
    rows = list(csv.DictReader(generated["org_map"].open(encoding="utf-8")))
    assert {r["source"] for r in rows} == {"synthetic"}
    links: dict[str, set[str]] = {}
    for link in csv.DictReader((root / "data" / "links.csv").open(encoding="utf-8")):
        links.setdefault(link["old_code"], set()).add(link["new_code"])
    hanoi = [c for c in national.codes(level="basic") if national.parent(c) in links]
    first = {r["org_code"]: r["new_unit_code"] for r in rows if r["effective"] == "2025-07-01"}
    assert sorted(first) == sorted(hanoi)  # every organization of the 30 districts, once
    for r in rows:  # only into units its district's area went into
        assert r["new_unit_code"] in links[national.parent(r["org_code"])], r
    assert set(first.values()) == set().union(*links.values())  # every new unit gets some
    assert any(r["effective"] == "2026-01-01" for r in rows)  # some move twice


def test_the_synthetic_backcast_adds_up_to_the_city(generated, national) -> None:
    kwargs = dict(registry=national, exported="2025-12-31", within=["01"], metrics=["admissions"])
    org_map = read_crosswalk(generated["org_map"], registry=national)
    back = member_kpis(generated["parquet"], crosswalk=org_map, backcast=REFORM_DATE, **kwargs)
    plain = member_kpis(generated["parquet"], years=range(1950, 2025), **kwargs)
    b, p = table(back), table(plain)
    assert sorted({y for _, y in b}) == list(range(1950, 2025))
    new = national.codes(level="commune")
    assert len(new) == 126 and {u for u, _ in b} == {"01", "01-K", *new}
    for year in range(1950, 2025):
        assert b["01", year] == p["01", year]
        assert sum(b[u, year] for u in new) + b["01-K", year] == b["01", year]
    assert set(back.kpis["source"]) == {"synthetic"}


def test_a_parent_that_changes_at_a_date(tmp_path) -> None:
    # 001-C01 is under district 001 to 2025-06-30 and under ward 00004 from 2025-07-01
    units = tmp_path / "units.csv"
    units.write_text(UNITS + "001-C01,Chi bộ A,basic,cơ sở,00004,2025-07-01,,\n", encoding="utf-8")
    registry = kt.read_registry(units)
    export = write_csv(tmp_path / "export.csv", HEADER, EXPORT[:3])
    with pytest.raises(
        kt.KpiDataError, match=r"001-C01\. Members are counted with one parent per code"
    ):
        member_kpis(export, registry=registry, exported=EXPORTED)
    # a backcast takes the row in force on its date: no map row needed for 001-C01
    org_map = tmp_path / "map.csv"
    org_map.write_text("org_code,new_unit_code,effective\n001-C02,00004,2025-07-01\n", "utf-8")
    out = member_kpis(
        export,
        registry=registry,
        exported=EXPORTED,
        crosswalk=read_crosswalk(org_map, registry=registry),
        backcast=REFORM_DATE,
        metrics=["admissions"],
    )
    got = table(out)
    assert (got["00004", 2019], got["00004", 2020]) == (1, 2)


def test_a_renamed_unit_is_one_unit_over_all_its_years(tmp_path) -> None:
    # 001-C01 is "Chi bộ A" to 2021-12-31 and "Chi bộ A1" from 2022-01-01, under 001 both
    renamed = UNITS.replace(
        "001-C01,Chi bộ A,basic,cơ sở,001,,2025-06-30,\n",
        "001-C01,Chi bộ A,basic,cơ sở,001,,2021-12-31,\n"
        "001-C01,Chi bộ A1,basic,cơ sở,001,2022-01-01,2025-06-30,\n",
    )
    assert renamed != UNITS
    (tmp_path / "renamed.csv").write_text(renamed, encoding="utf-8")
    (tmp_path / "plain.csv").write_text(UNITS, encoding="utf-8")
    export = write_csv(tmp_path / "export.csv", HEADER, EXPORT)
    options: dict[str, Any] = {
        "exported": EXPORTED,
        "years": range(2019, 2025),
        "levels": ("basic", "district", "city"),
        "metrics": ["admissions", "members"],
    }
    got = member_kpis(export, registry=kt.read_registry(tmp_path / "renamed.csv"), **options)
    plain = member_kpis(export, registry=kt.read_registry(tmp_path / "plain.csv"), **options)
    # the member admitted in 2019 counts in 001-C01 from 2019, as with one row
    assert table(got) == table(plain)
    assert table(got, "members")["001-C01", 2019] == 1
    names = dict(got.kpis.select("unit_code", "unit_name").unique().iter_rows())
    assert names["001-C01"] == "Chi bộ A1"  # the latest name
    assert got.unattributed == plain.unattributed


DAYS = [dt.date(2020, 1, 1), dt.date(2025, 7, 1), dt.date(2026, 1, 1)]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from("abcde"), st.sampled_from("abcdeXY"), st.sampled_from(DAYS)),
        max_size=10,
    ),
    st.sampled_from([dt.date(2019, 1, 1), *DAYS, dt.date(2030, 1, 1)]),
)
def test_a_code_goes_where_its_latest_change_and_the_next_ones_take_it(rows, day) -> None:
    from kpitools.members import Crosswalk

    frame = pl.DataFrame(rows, orient="row", schema=["old_code", "new_code", "effective"])
    try:
        crosswalk = Crosswalk(frame)
    except kt.KpiDataError as exc:  # refused only for a reason the rules give
        text = str(exc)
        assert "same effective date" in text or "loop" in text or "both" in text
        return

    def where(code: str, depth: int = 0) -> str:  # by the definition, recursively
        assert depth < 10
        done = [(e, n) for o, n, e in rows if o == code and e <= day]
        return code if not done else where(max(done)[1], depth + 1)

    assert crosswalk.mapping(at=day) == {
        o: where(o) for o in dict.fromkeys(o for o, _, e in rows if e <= day)
    }
