"""The synthetic demo panel: reproducible, labelled synthetic, and reconciled with 2023."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "make_demo_panel.py"
PANEL = REPO / "data" / "demo_panel.csv"
UNITS = REPO / "data" / "units.csv"
SEED = REPO / "data" / "hanoi_2023_seed.csv"

HEADER = [
    "unit_code",
    "unit_name",
    "level",
    "year",
    "as_of",
    "metric",
    "target",
    "actual",
    "source",
]
YEARS = [str(y) for y in range(2019, 2025)]
METRICS = {
    "admissions",
    "admissions_nonstate",
    "party_orgs_nonstate",
    "mass_orgs_nonstate",
    "mass_org_members_nonstate",
}


def run_script(out: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(out), *args],
        check=True,
        capture_output=True,
        text=True,
    )


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("panel") / "demo_panel.csv"
    run_script(out)
    return out


@pytest.fixture(scope="module")
def rows(fresh: Path) -> list[dict[str, str]]:
    return read_rows(fresh)[1]


@pytest.fixture(scope="module")
def cells(rows: list[dict[str, str]]) -> dict[tuple[str, str, str], tuple[int, int]]:
    """(unit_code, year, metric) -> (target, actual)."""
    return {
        (r["unit_code"], r["year"], r["metric"]): (int(r["target"]), int(r["actual"])) for r in rows
    }


def test_reruns_are_byte_identical(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "panel.csv", tmp_path / "b" / "panel.csv"
    result = run_script(first)
    run_script(second)
    assert first.read_bytes() == second.read_bytes()
    assert "930" in result.stdout and str(first) in result.stdout
    assert [p.name for p in first.parent.iterdir()] == ["panel.csv"]  # no temp file left


def test_seed_option_changes_the_draw_not_the_totals(tmp_path: Path, fresh: Path) -> None:
    other = tmp_path / "other.csv"
    run_script(other, "--seed", "7")
    assert other.read_bytes() != fresh.read_bytes()
    assert sums_2023(read_rows(other)[1]) == real_2023()


def test_committed_panel_equals_a_fresh_run(fresh: Path) -> None:
    assert PANEL.read_bytes() == fresh.read_bytes(), (
        "data/demo_panel.csv differs from the script's output: "
        "rerun scripts/make_demo_panel.py instead of editing it by hand"
    )


def test_header_and_plain_integer_figures(fresh: Path, rows: list[dict[str, str]]) -> None:
    header, _ = read_rows(fresh)
    assert header == HEADER
    assert "\r" not in fresh.read_text(encoding="utf-8")
    for r in rows:
        assert re.fullmatch(r"0|[1-9]\d*", r["target"]), r
        assert re.fullmatch(r"0|[1-9]\d*", r["actual"]), r


def test_every_row_is_synthetic(rows: list[dict[str, str]]) -> None:
    assert {r["source"] for r in rows} == {"synthetic"}


def real_2023() -> dict[str, tuple[int, int]]:
    """(target, actual) of the panel metrics for the whole city in 2023, from the seed."""
    _, seed = read_rows(SEED)
    return {
        r["metric"]: (int(r["target"]), int(r["actual"]))
        for r in seed
        if r["unit_code"] == "01" and r["year"] == "2023" and r["metric"] in METRICS
    }


def sums_2023(rows: list[dict[str, str]]) -> dict[str, tuple[int, int]]:
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in rows:
        if r["year"] == "2023":
            sums[r["metric"]][0] += int(r["target"])
            sums[r["metric"]][1] += int(r["actual"])
    return {m: (t, a) for m, (t, a) in sums.items()}


def test_2023_sums_equal_the_real_city_figures(rows: list[dict[str, str]]) -> None:
    real = real_2023()
    assert set(real) == METRICS
    assert real["admissions"] == (9810, 10479)  # the figure the report states
    assert sums_2023(rows) == real


def test_one_row_per_unit_year_metric(rows: list[dict[str, str]]) -> None:
    keys = [(r["unit_code"], r["year"], r["metric"]) for r in rows]
    assert len(rows) == 31 * 6 * 5
    assert len(set(keys)) == len(keys)
    assert {k[1] for k in keys} == set(YEARS)
    assert {k[2] for k in keys} == METRICS


def test_sorted_by_year_metric_unit(rows: list[dict[str, str]]) -> None:
    keys = [(r["year"], r["metric"], r["unit_code"]) for r in rows]
    assert keys == sorted(keys)


def test_units_are_the_registry_districts_and_01K(rows: list[dict[str, str]]) -> None:
    _, units = read_rows(UNITS)
    expected = {
        u["code"]: (u["name"], u["level"])
        for u in units
        if u["level"] == "district" or u["code"] == "01-K"
    }
    assert len(expected) == 31
    assert {r["unit_code"]: (r["unit_name"], r["level"]) for r in rows} == expected
    assert {"001", "017", "282", "01-K"} <= {r["unit_code"] for r in rows}  # zeros kept


def test_as_of_is_year_end_except_admissions_2023(rows: list[dict[str, str]]) -> None:
    for r in rows:
        if (r["metric"], r["year"]) == ("admissions", "2023"):
            assert r["as_of"] == "2023-11-30"
        else:
            assert r["as_of"] == f"{r['year']}-12-31"


def test_targets_are_at_least_one(cells: dict[tuple[str, str, str], tuple[int, int]]) -> None:
    assert min(t for t, _ in cells.values()) >= 1


def test_nonstate_admissions_within_admissions(
    cells: dict[tuple[str, str, str], tuple[int, int]],
) -> None:
    for (code, year, metric), (target, actual) in cells.items():
        if metric == "admissions_nonstate":
            total = cells[code, year, "admissions"]
            assert target <= total[0] and actual <= total[1], (code, year)


def test_mass_organizations_have_at_least_20_members(
    cells: dict[tuple[str, str, str], tuple[int, int]],
) -> None:
    for (code, year, metric), (target, actual) in cells.items():
        if metric == "mass_org_members_nonstate":
            orgs = cells[code, year, "mass_orgs_nonstate"]
            assert target >= 20 * orgs[0] and actual >= 20 * orgs[1], (code, year)
            assert (actual == 0) == (orgs[1] == 0), (code, year)


def test_city_totals_are_plausible(cells: dict[tuple[str, str, str], tuple[int, int]]) -> None:
    def city(metric: str, year: str, k: int) -> int:
        return sum(v[k] for (_, y, m), v in cells.items() if (y, m) == (year, metric))

    admissions = {y: city("admissions", y, 1) for y in YEARS}
    assert all(9_000 <= a <= 11_000 for a in admissions.values()), admissions
    assert max(admissions["2020"], admissions["2021"]) < admissions["2019"]  # COVID years
    for y in YEARS:
        per_org = city("mass_org_members_nonstate", y, 1) / city("mass_orgs_nonstate", y, 1)
        assert 40 <= per_org <= 90, (y, per_org)
    share_01k = cells["01-K", "2023", "admissions"][1] / admissions["2023"]
    assert 0.12 <= share_01k <= 0.22


def test_each_year_has_units_behind_and_far_ahead(
    cells: dict[tuple[str, str, str], tuple[int, int]],
) -> None:
    for year in YEARS:
        attainment = [a / t for (_, y, _), (t, a) in cells.items() if y == year]
        assert any(x < 0.9 for x in attainment), year
        assert any(x > 1.5 for x in attainment), year
