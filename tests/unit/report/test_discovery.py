"""Parameter sets found, checked against their notebooks, and sharded before any kernel starts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kpitools.errors import ParameterError
from kpitools.report import Outcome, discover, notebooks_by_kind, run_batch, shard, validate


def run(nbs: Path, pars: Path, out: Path, **kw) -> dict[str, Outcome]:
    reports = discover(pars, nbs)
    outcomes = run_batch(reports, out, notebooks=notebooks_by_kind(nbs), **kw)
    return {o.report.name: o for o in outcomes}


def test_parameters_are_checked_against_the_notebook(root: Path, tmp_path: Path) -> None:
    (tmp_path / "city-typo.yaml").write_text("yeer: 2023\n")
    (tmp_path / "city-type.yaml").write_text("year: '2023'\n")
    (tmp_path / "city-unit.yaml").write_text("year: 2023\nunit: Dong Anhh\n")
    (tmp_path / "city-code.yaml").write_text("year: 2023\nunit: 17\n")
    (tmp_path / "city-lang.yaml").write_text("year: 2023\nlang: fr\n")
    (tmp_path / "city-ok.yaml").write_text("year: 2023\nunit: '017'\n")
    kinds = notebooks_by_kind(root / "notebooks")
    problems = {r.name: validate(r, kinds[r.kind]) for r in discover(tmp_path, root / "notebooks")}
    assert "city-typo.yaml: unknown parameter 'yeer'" in problems["city-typo"][0]
    assert "parameter 'year' must be int, not str '2023'" in problems["city-type"][0]
    assert "unknown unit 'Dong Anhh'; did you mean 017 Đông Anh" in problems["city-unit"][0]
    assert 'unit codes are text: write them in quotes, e.g. "017"' in problems["city-code"][0]
    assert "parameter 'lang' must be 'vi' or 'en'" in problems["city-lang"][0]
    assert problems["city-ok"] == []


def test_batch_grid_and_names_that_escape(root: Path, tmp_path: Path) -> None:
    (tmp_path / "batch.yaml").write_text(
        "reports:\n"
        "  - report: city\n"
        "    name: 'city-{year}-{lang}'\n"
        "    grid: {year: [2022, 2023], lang: [vi, en]}\n"
        "  - report: city\n"
        "    name: '../../etc/{year}'\n"
        "    grid: {year: [2024]}\n"
    )
    reports = discover(tmp_path, root / "notebooks")
    names = [r.name for r in reports]
    assert names == sorted(
        ["city-2022-vi", "city-2022-en", "city-2023-vi", "city-2023-en", "../../etc/2024"]
    )
    kinds = notebooks_by_kind(root / "notebooks")
    escape = next(r for r in reports if r.name.startswith(".."))
    assert "would be written outside the output folder" in validate(escape, kinds["city"])[0]
    assert all(isinstance(r.parameters["year"], int) for r in reports)


def test_unknown_kinds_and_duplicates_name_the_file(root: Path, tmp_path: Path) -> None:
    (tmp_path / "atlas-1.yaml").write_text("year: 2023\n")
    (tmp_path / "batch.yaml").write_text("- {report: nope, name: x}\n")
    with pytest.raises(ParameterError) as err:
        discover(tmp_path, root / "notebooks")
    assert "atlas-1.yaml: no notebook" in str(err.value)
    assert "batch.yaml, entry 1: no notebook declares report kind 'nope'" in str(err.value)


def test_shards_split_a_batch_without_overlap(root: Path) -> None:
    reports = discover(root / "parameters", root / "notebooks")
    parts = [shard(reports, f"{i}/3") for i in (1, 2, 3)]
    names = [r.name for part in parts for r in part]
    assert sorted(names) == sorted(r.name for r in reports)
    assert len(set(names)) == len(names)
    with pytest.raises(ParameterError, match="--shard must look like 1/4"):
        shard(reports, "4/3")


def test_help_and_import_do_not_load_heavy_libraries() -> None:
    code = (
        "import sys, kpitools.cli\n"
        "try:\n    kpitools.cli.main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('altair', 'papermill', 'nbconvert', 'polars') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
    assert "usage: kpitools" in out.stdout
    _ = os
