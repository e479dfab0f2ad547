"""Complexity as a ratchet: no function above 15 (ruff's C901 in CI), and the few above 10
are listed in ``pyproject.toml`` under ``[tool.kpitools.complexity]`` with their number,
which may only go down. Likewise no module of ``src/kpitools`` above 1,500 lines but the few
listed under ``[tool.kpitools.long-modules]``, whose length may only go down (a module near
the limit is split by topic before a tuning round adds rules to it)."""

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


MAX_MODULE_LINES = 1500


def long_modules(src: Path, limit: int = MAX_MODULE_LINES) -> dict[str, int]:
    """The modules under ``src`` longer than ``limit`` lines, with their length."""
    lengths = {
        path.relative_to(src).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in sorted(src.rglob("*.py"))
    }
    return {path: n for path, n in lengths.items() if n > limit}


def test_no_module_is_longer_than_the_limit_but_the_listed_ones(root: Path) -> None:
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    listed = config["tool"]["kpitools"]["long-modules"]
    found = {f"src/kpitools/{p}": n for p, n in long_modules(root / "src" / "kpitools").items()}
    for path, n in found.items():
        allowed = listed.get(path)
        assert allowed is not None, f"{path} has {n} lines > {MAX_MODULE_LINES}; split it by topic"
        assert n <= allowed, f"{path} grew from {allowed} to {n} lines"
    for path in listed:
        assert path in found, f"{path} is now within {MAX_MODULE_LINES} lines: remove its entry"
    assert not any(p.startswith("src/kpitools/extract/") for p in listed)


def test_a_module_past_the_limit_is_found(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "short.py").write_text("x = 1\n" * MAX_MODULE_LINES, encoding="utf-8")
    (tmp_path / "pkg" / "long.py").write_text("x = 1\n" * (MAX_MODULE_LINES + 1), encoding="utf-8")
    assert long_modules(tmp_path) == {"pkg/long.py": MAX_MODULE_LINES + 1}
