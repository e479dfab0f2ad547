"""No module binds a top-level name twice: the later binding silently replaces the earlier for
every function of the module, so a rule written with the first never runs as written (round
92's ``_PART_OF_YEAR`` in ``extract/amounts.py`` was shadowed by an older one of the same name)."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "kpitools"


def _top_level_names(tree: ast.Module) -> list[str]:
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.append(node.name)
        elif isinstance(node, ast.Assign):
            names += [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and node.value is not None
        ):
            names.append(node.target.id)
    return names


def test_no_module_binds_a_top_level_name_twice() -> None:
    twice = {}
    for path in sorted(SRC.rglob("*.py")):
        counts = Counter(_top_level_names(ast.parse(path.read_text(encoding="utf-8"))))
        again = sorted(name for name, n in counts.items() if n > 1)
        if again:
            twice[str(path.relative_to(SRC))] = again
    assert twice == {}


def test_a_second_binding_is_found() -> None:
    tree = ast.parse("A = 1\ndef f():\n    return A\nA = 2\nclass C: ...\n")
    assert Counter(_top_level_names(tree))["A"] == 2
