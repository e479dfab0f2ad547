"""The synthetic demo panel: reproducible, labelled synthetic, reconciled with the city in every
period, and split in 2025 between the districts and the new commune-level units."""

from __future__ import annotations

import csv
import importlib.util
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from types import ModuleType

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
    "period_start",
    "as_of",
    "metric",
    "target",
    "actual",
    "source",
]
WHOLE_YEARS = [str(y) for y in range(2019, 2025)]
FIRST_HALF = ("2025", "2025-01-01")
SECOND_HALF = ("2025", "2025-07-01")
PERIODS = [(y, "") for y in WHOLE_YEARS] + [FIRST_HALF, SECOND_HALF, ("2026", "")]
METRICS = {
    "admissions",
    "admissions_nonstate",
    "party_orgs_nonstate",
    "mass_orgs_nonstate",
    "mass_org_members_nonstate",
}
Period = tuple[str, str]  # (year, period_start)
Cells = dict[tuple[str, Period, str], tuple[int, int]]


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


def period(row: dict[str, str]) -> Period:
    return row["year"], row["period_start"]


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_demo_panel", SCRIPT)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("panel") / "demo_panel.csv"
    run_script(out)
    return out


@pytest.fixture(scope="module")
def rows(fresh: Path) -> list[dict[str, str]]:
    return read_rows(fresh)[1]


@pytest.fixture(scope="module")
def cells(rows: list[dict[str, str]]) -> Cells:
    """(unit_code, period, metric) -> (target, actual)."""
    return {
        (r["unit_code"], period(r), r["metric"]): (int(r["target"]), int(r["actual"])) for r in rows
    }


@pytest.fixture(scope="module")
def registry() -> list[dict[str, str]]:
    return read_rows(UNITS)[1]


def districts_and_others(registry: list[dict[str, str]]) -> dict[str, tuple[str, str]]:
    return {
        u["code"]: (u["name"], u["level"])
        for u in registry
        if u["level"] == "district" or u["code"] == "01-K"
    }


def new_units(registry: list[dict[str, str]]) -> dict[str, tuple[str, str]]:
    return {
        u["code"]: (u["name"], u["level"])
        for u in registry
        if u["level"] == "commune" and u["parent"] == "01" and u["valid_from"] == "2025-07-01"
    }


def test_reruns_are_byte_identical(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "panel.csv", tmp_path / "b" / "panel.csv"
    result = run_script(first)
    run_script(second)
    assert first.read_bytes() == second.read_bytes()
    n = len(read_rows(first)[1])
    assert f"wrote {n} synthetic rows" in result.stdout and str(first) in result.stdout
    assert [p.name for p in first.parent.iterdir()] == ["panel.csv"]  # no temp file left


def test_seed_option_changes_the_draw_not_the_totals(tmp_path: Path, fresh: Path) -> None:
    other = tmp_path / "other.csv"
    run_script(other, "--seed", "7")
    assert other.read_bytes() != fresh.read_bytes()
    assert sums(read_rows(other)[1], ("2023", "")) == real_2023()


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


def sums(rows: list[dict[str, str]], of: Period) -> dict[str, tuple[int, int]]:
    """The sums of the city's units (the city's own row left out) in one period."""
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in rows:
        if period(r) == of and r["unit_code"] != "01":
            out[r["metric"]][0] += int(r["target"])
            out[r["metric"]][1] += int(r["actual"])
    return {m: (t, a) for m, (t, a) in out.items()}


def test_2023_sums_equal_the_real_city_figures(rows: list[dict[str, str]]) -> None:
    real = real_2023()
    assert set(real) == METRICS
    assert real["admissions"] == (9810, 10479)  # the figure the report states
    assert sums(rows, ("2023", "")) == real
    # the city's 2023 row is the seed's real one, never a synthetic copy
    assert not [r for r in rows if r["unit_code"] == "01" and r["year"] == "2023"]


@pytest.mark.parametrize("of", [p for p in PERIODS if p != ("2023", "")])
def test_every_other_period_has_a_city_row_equal_to_the_sum(
    rows: list[dict[str, str]], cells: Cells, of: Period
) -> None:
    city = {m: cells["01", of, m] for m in METRICS}
    assert sums(rows, of) == city
    assert {r["level"] for r in rows if r["unit_code"] == "01"} == {"city"}


def test_one_row_per_unit_period_metric(
    rows: list[dict[str, str]], registry: list[dict[str, str]]
) -> None:
    keys = [(r["unit_code"], period(r), r["metric"]) for r in rows]
    assert len(set(keys)) == len(keys)
    assert sorted({k[1] for k in keys}) == sorted(PERIODS)
    assert {k[2] for k in keys} == METRICS
    n_new = len(new_units(registry))
    assert n_new == 126
    # 6 whole years and the first half by 31 units, the second half and 2026 by 127, a city
    # row for every period but 2023
    assert len(rows) == 5 * (31 * 7 + 127 * 2 + 8)


def test_sorted_by_period_metric_unit(rows: list[dict[str, str]]) -> None:
    keys = [(r["year"], r["period_start"], r["metric"], r["unit_code"]) for r in rows]
    assert keys == sorted(keys)


def test_units_follow_the_structure_of_their_period(
    rows: list[dict[str, str]], registry: list[dict[str, str]]
) -> None:
    old, new = districts_and_others(registry), new_units(registry)
    assert len(old) == 31
    city = {"01": ("Hà Nội", "city")}
    for of in PERIODS:
        shown = {r["unit_code"]: (r["unit_name"], r["level"]) for r in rows if period(r) == of}
        expected = {**(old if of <= FIRST_HALF else new | {"01-K": old["01-K"]})}
        if of != ("2023", ""):
            expected |= city
        assert shown == expected, of
    assert {"001", "017", "282", "01-K"} <= {r["unit_code"] for r in rows}  # zeros kept


def test_2025_is_split_at_the_reform(
    rows: list[dict[str, str]], registry: list[dict[str, str]]
) -> None:
    halves = {(r["period_start"], r["as_of"]) for r in rows if r["year"] == "2025"}
    assert halves == {("2025-01-01", "2025-06-30"), ("2025-07-01", "2025-12-31")}
    first = {r["unit_code"] for r in rows if period(r) == FIRST_HALF}
    second = {r["unit_code"] for r in rows if period(r) == SECOND_HALF}
    assert first & second == {"01", "01-K"}  # no district after June, no new unit before July
    assert second - {"01", "01-K"} == set(new_units(registry))


def test_every_unit_exists_on_its_rows_dates(
    rows: list[dict[str, str]], registry: list[dict[str, str]]
) -> None:
    lifetimes: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for u in registry:
        lifetimes[u["code"]].append((u["valid_from"] or "0000", u["valid_to"] or "9999"))
    for r in rows:
        start = r["period_start"] or f"{r['year']}-01-01"
        assert any(a <= start and r["as_of"] <= b for a, b in lifetimes[r["unit_code"]]), r


def test_as_of_is_the_period_end_except_admissions_2023(rows: list[dict[str, str]]) -> None:
    for r in rows:
        if (r["metric"], r["year"]) == ("admissions", "2023"):
            assert r["as_of"] == "2023-11-30"
        elif period(r) == FIRST_HALF:
            assert r["as_of"] == "2025-06-30"
        else:
            assert r["as_of"] == f"{r['year']}-12-31"
            assert r["period_start"] in ("", "2025-07-01")


def test_targets_are_at_least_one_where_the_city_can_give_every_unit_one(
    rows: list[dict[str, str]],
) -> None:
    for r in rows:
        if r["level"] == "commune" and r["metric"] == "party_orgs_nonstate":
            assert int(r["target"]) >= 0  # the city plans fewer such organizations than units
        else:
            assert int(r["target"]) >= 1, r
    zeros = [r for r in rows if r["target"] == "0"]
    assert zeros and all(r["level"] == "commune" for r in zeros)


def test_nonstate_admissions_within_admissions(cells: Cells) -> None:
    for (code, of, metric), (target, actual) in cells.items():
        if metric == "admissions_nonstate":
            total = cells[code, of, "admissions"]
            assert target <= total[0] and actual <= total[1], (code, of)


def test_mass_organizations_have_at_least_20_members(cells: Cells) -> None:
    for (code, of, metric), (target, actual) in cells.items():
        if metric == "mass_org_members_nonstate":
            orgs = cells[code, of, "mass_orgs_nonstate"]
            assert target >= 20 * orgs[0] and actual >= 20 * orgs[1], (code, of)
            assert (actual == 0) == (orgs[1] == 0), (code, of)


def test_city_totals_are_plausible(cells: Cells) -> None:
    def city(metric: str, of: Period, k: int) -> int:
        return sum(v[k] for (c, p, m), v in cells.items() if (p, m) == (of, metric) and c != "01")

    admissions = {y: city("admissions", (y, ""), 1) for y in [*WHOLE_YEARS, "2026"]}
    admissions["2025"] = city("admissions", FIRST_HALF, 1) + city("admissions", SECOND_HALF, 1)
    assert all(9_000 <= a <= 11_500 for a in admissions.values()), admissions
    assert max(admissions["2020"], admissions["2021"]) < admissions["2019"]  # COVID years
    assert city("admissions", FIRST_HALF, 1) < city("admissions", SECOND_HALF, 1)
    for of in PERIODS:
        per_org = city("mass_org_members_nonstate", of, 1) / city("mass_orgs_nonstate", of, 1)
        assert 40 <= per_org <= 90, (of, per_org)
    for of in (("2023", ""), SECOND_HALF, ("2026", "")):
        share_01k = cells["01-K", of, "admissions"][1] / city("admissions", of, 1)
        assert 0.12 <= share_01k <= 0.22, of


def test_each_period_has_units_behind_and_far_ahead(cells: Cells) -> None:
    for of in PERIODS:
        attainment = [a / t for (c, p, _), (t, a) in cells.items() if p == of and t and c != "01"]
        assert any(x < 0.9 for x in attainment), of
        assert any(x > 1.5 for x in attainment), of


def test_history_does_not_depend_on_the_later_periods(generator: ModuleType) -> None:
    # The draws of 2019-2024 come first: the district figures of those years are those the
    # panel had before 2025 was added (two of them, pinned).
    rows = generator.generate(generator.DEFAULT_SEED)
    by = {(r[0], r[3], r[6]): (r[7], r[8]) for r in rows}
    assert by["017", "2023", "admissions"] == ("438", "469")
    assert by["001", "2019", "admissions"] == ("283", "252")


def test_new_units_share_the_weights_of_the_districts_they_came_from(
    generator: ModuleType, tmp_path: Path
) -> None:
    links = tmp_path / "links.csv"
    links.write_text(
        "old_code,new_code,relation,effective,source\n"
        "017,90001,partial,2025-07-01,test\n"
        "017,90002,partial,2025-07-01,test\n"
        "016,90002,full,2025-07-01,test\n",
        encoding="utf-8",
    )
    new = [{"code": c} for c in ("90001", "90002", "90003", "01-K")]
    weights = generator.new_unit_weights(links, new)
    size_017, size_016 = generator.WEIGHTS["017"][0], generator.WEIGHTS["016"][0]
    assert weights["90001"][0] == size_017 / 2
    assert weights["90002"][0] == size_017 / 2 + size_016
    assert weights["90003"][1] == 1.0  # no district links to it: a mean share
    assert weights["01-K"] == generator.WEIGHTS["01-K"]
