"""No module of ``src/kpitools`` imports an underscored name from another module of the
package, nor reads one through a module it imported: a name another module uses is part of its
module's interface, so it is public (finding S4 of the code review; in session 29 some 270 such
names lost their underscore in ``extract/`` and elsewhere). Names used only inside their own
module stay private."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"

# An error the report worker catches from its template; a public exception class would have
# to be exported under KpiToolsError (tests/unit/test_package.py), and this one never leaves
# the report package.
ALLOWED = {("kpitools.report.worker", "kpitools.report.forkserver._TemplateError")}


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _is_module(dotted: str) -> bool:
    path = SRC.joinpath(*dotted.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _source(node: ast.ImportFrom, package: str) -> str:
    if not node.level:
        return node.module or ""
    parts = package.split(".")
    base = parts[: len(parts) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def private_uses(text: str, module: str, *, is_package: bool = False) -> list[str]:
    """The underscored names ``text`` (the module ``module``) takes from other modules of
    kpitools, by import or as an attribute of a module it imported, each as ``module.name``."""
    tree = ast.parse(text)
    package = module if is_package else module.rpartition(".")[0]
    found: list[str] = []
    modules: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            source = _source(node, package)
            if source.split(".")[0] != "kpitools" or source == module:
                continue
            for alias in node.names:
                if _private(alias.name):
                    found.append(f"{source}.{alias.name}")
                elif _is_module(f"{source}.{alias.name}"):
                    modules[alias.asname or alias.name] = f"{source}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("kpitools.") and alias.asname:
                    modules[alias.asname] = alias.name
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in modules
            and _private(node.attr)
        ):
            found.append(f"{modules[node.value.id]}.{node.attr}")
    return found


def test_no_module_takes_a_private_name_from_another() -> None:
    found = set()
    for path in sorted((SRC / "kpitools").rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        is_package = parts[-1] == "__init__"
        module = ".".join(parts[:-1] if is_package else parts)
        text = path.read_text(encoding="utf-8")
        found |= {(module, name) for name in private_uses(text, module, is_package=is_package)}
    assert sorted(found - ALLOWED) == []


def test_a_private_import_and_a_private_attribute_are_found() -> None:
    text = (
        "from __future__ import annotations\n"
        "from kpitools.extract.amounts import MEASURE_NAMES, _hidden\n"
        "from kpitools.extract import figures\n"
        "from .text import _split\n"
        "def f():\n"
        "    from kpitools.numbers import __doc__\n"
        "    return figures._role(1), figures.Figure, MEASURE_NAMES\n"
    )
    assert sorted(private_uses(text, "kpitools.extract.kinds")) == [
        "kpitools.extract.amounts._hidden",
        "kpitools.extract.figures._role",
        "kpitools.extract.text._split",
    ]
