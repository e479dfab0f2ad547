"""Complexity as a ratchet: no function above 15 (ruff's C901 in CI), and the few above 10
are listed in ``pyproject.toml`` under ``[tool.kpitools.complexity]`` with their number,
which may only go down."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

RUFF = Path(sys.executable).parent / "ruff"


def measured(root: Path) -> dict[str, dict[str, int]]:
    out = subprocess.run(
        [
            str(RUFF),
            "check",
            "--no-cache",
            "--select",
            "C901",
            "--output-format",
            "json",
            "--config",
            "lint.mccabe.max-complexity=10",
            "src",
            "scripts",
            "benchmarks",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    found: dict[str, dict[str, int]] = {}
    for item in json.loads(out.stdout):
        m = re.fullmatch(r"`(.+)` is too complex \((\d+) > 10\)", item["message"])
        assert m, item["message"]
        path = Path(item["filename"]).resolve().relative_to(root).as_posix()
        found.setdefault(path, {})[m.group(1)] = int(m.group(2))
    return found


def test_functions_above_ten_are_listed_and_only_shrink(root: Path) -> None:
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    listed = config["tool"]["kpitools"]["complexity"]
    found = measured(root.resolve())
    for path, functions in found.items():
        for name, n in functions.items():
            allowed = listed.get(path, {}).get(name)
            assert allowed is not None, f"{path}: {name} has complexity {n} > 10; simplify it"
            assert n <= allowed, f"{path}: {name} grew from {allowed} to {n}"
    for path, functions in listed.items():
        for name, allowed in functions.items():
            n = found.get(path, {}).get(name)
            assert n == allowed, (
                f"{path}: {name} is now {n or '≤ 10'} (listed {allowed}): lower the entry in "
                "pyproject.toml's [tool.kpitools.complexity], or remove it"
            )
    assert max((allowed for fs in listed.values() for allowed in fs.values()), default=0) <= 15
