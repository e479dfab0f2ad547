"""The package's public surface, its set-up files and its notebooks."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

import kpitools


def test_all_lists_exactly_the_public_names() -> None:
    public = {n for n in dir(kpitools) if not n.startswith("_")} | {"__version__"}
    assert set(kpitools.__all__) == public
    assert kpitools.__all__ == sorted(kpitools.__all__, key=lambda n: (not n.isupper(), n))
    for name in kpitools.__all__:
        assert getattr(kpitools, name) is not None


def test_import_does_not_load_altair_papermill_or_nbconvert() -> None:
    code = (
        "import sys, kpitools; "
        "print(sorted(m for m in ('altair', 'papermill', 'nbconvert') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _requirements(specs: list[str]) -> dict[str, str]:
    out = {}
    for spec in specs:
        m = re.fullmatch(r"([A-Za-z0-9_.\-]+)\s*(.*)", spec.strip())
        assert m, spec
        out[m.group(1).lower().replace("_", "-")] = m.group(2).replace(" ", "")
    return out


def test_environment_yml_names_the_same_dependencies_as_pyproject(root: Path) -> None:
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = [spec for group in project["optional-dependencies"].values() for spec in group]
    wanted = _requirements(project["dependencies"] + extras)
    env = yaml.safe_load((root / "environment.yml").read_text(encoding="utf-8"))
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    have = _requirements(conda)
    python = have.pop("python")
    have.pop("pip")
    assert have == wanted
    assert python == project["requires-python"]
    pip_part = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert pip_part[-1] == "-e ."


def test_notebooks_are_committed_clean_with_a_parameters_cell(root: Path) -> None:
    notebooks = sorted((root / "notebooks").glob("*.ipynb"))
    assert notebooks
    for path in notebooks:
        nb = json.loads(path.read_text(encoding="utf-8"))
        code = [c for c in nb["cells"] if c["cell_type"] == "code"]
        assert all(not c["outputs"] and c["execution_count"] is None for c in code), path
        params = [c for c in code if "parameters" in c["metadata"].get("tags", [])]
        assert len(params) == 1 and code[0] is params[0], f"{path}: first code cell is parameters"
        for line in "".join(params[0]["source"]).splitlines():
            # literals only, each typed and explained (one "=": papermill reads it)
            assert re.fullmatch(r"\w+: \w+ = [^=]+  # [^=]+", line), f"{path}: {line!r}"


def test_every_parameter_file_names_a_report_notebook(root: Path) -> None:
    from kpitools.report import discover

    reports = discover(root / "parameters", root / "notebooks")
    assert {r.origin.name for r in reports} == {
        p.name for p in (root / "parameters").glob("*.yaml")
    }
