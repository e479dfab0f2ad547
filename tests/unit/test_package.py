"""The package's public surface, its set-up files and its notebooks."""

from __future__ import annotations

import ast
import importlib
import importlib.metadata
import inspect
import json
import pkgutil
import re
import subprocess
import sys
import tomllib
import types
from pathlib import Path

import pytest
import yaml

import kpitools

# The public surface, written out: adding or removing a public name must change this list.
TOP_LEVEL = [
    "DEFAULT_BANDS",
    "LONG_SCHEMA",
    "TERMS",
    "Bands",
    "Comparability",
    "DataIssue",
    "Dataset",
    "KpiDataError",
    "KpiToolsError",
    "Links",
    "MemberExportError",
    "MetricCatalog",
    "MissingExtraError",
    "NumberFormatError",
    "ParameterError",
    "PdfUnavailable",
    "Project",
    "Table",
    "Term",
    "Unit",
    "UnitNotInForceError",
    "UnitRegistry",
    "UnknownMetricError",
    "UnknownUnitError",
    "UnreadableFileError",
    "__version__",
    "attainment",
    "attainment_note",
    "backcast_view",
    "bridge_figures",
    "bridge_table",
    "bullet_chart",
    "check_lang",
    "check_metrics",
    "check_percent",
    "check_unit",
    "check_year",
    "check_years",
    "comparability_table",
    "comparable_groups",
    "composition_chart",
    "consistency",
    "explore",
    "explorer",
    "extract",
    "find_path",
    "find_project",
    "findings",
    "format_number",
    "format_percent",
    "heatmap_chart",
    "init_project",
    "is_comparable",
    "kpi_table",
    "load_dataset",
    "member_kpis",
    "members",
    "metrics_in",
    "movers",
    "movers_table",
    "name_key",
    "pace",
    "pace_table",
    "parse_date",
    "parse_number",
    "parse_pair",
    "parse_percent",
    "period_label",
    "periods",
    "rank_history_table",
    "rank_within_year",
    "ranked_chart",
    "ranking_table",
    "ranking_tables",
    "read_backcast",
    "read_catalog",
    "read_crosswalk",
    "read_kpi_file",
    "read_kpis",
    "read_links",
    "read_registry",
    "read_targets",
    "reconcile",
    "reconciliation_chart",
    "report_header",
    "report_section",
    "rollup",
    "share_of_parent",
    "slope_chart",
    "status",
    "strip_diacritics",
    "structure_label",
    "structure_registry",
    "structures",
    "subset",
    "suppress_small",
    "synthetic_notice",
    "target_stretch",
    "term_attainment",
    "term_rows",
    "trend_chart",
    "unit_title",
    "variance",
    "with_measures",
    "with_periods",
    "write_kpis",
    "write_table",
    "yoy_change",
]
NAMESPACES = {
    "extract": [
        "AUDIT_SCHEMA",
        "CITY_WORDS",
        "STATED_KINDS",
        "STATEMENT_SCHEMA",
        "SUPPORTS",
        "VERDICTS",
        "Extraction",
        "KpiRows",
        "Phrase",
        "PhraseBook",
        "Statement",
        "Stop",
        "Unread",
        "UnreadFigureWarning",
        "audit_statements",
        "audit_table",
        "extract_file",
        "extract_statements",
        "highlight_html",
        "read_phrases",
        "read_report_text",
        "read_statements",
        "statements_frame",
        "statements_table",
        "statements_to_kpis",
    ],
    "members": [
        "BAD_ROW_KINDS",
        "DEFAULT_AGE_EDGES",
        "MEMBER_COLUMNS",
        "REFORM_DATE",
        "UNMAPPED",
        "BadRows",
        "BadRowsWarning",
        "Crosswalk",
        "MemberExportError",
        "MemberKpis",
        "UnmappedOrganizationsError",
        "member_kpis",
        "member_metrics",
        "period_splits",
        "read_crosswalk",
        "read_targets",
        "structure_registry",
        "suppress_small",
    ],
    "explore": [
        "CHARTS",
        "CHART_FORMATS",
        "MARKED",
        "SELECTION",
        "TABLE_FORMATS",
        "Controls",
        "Explorer",
        "ExplorerState",
        "Panel",
        "Views",
        "explorer",
        "export_files",
        "fit_state",
        "live_explorers",
        "problems_html",
        "save_files",
        "snapshot",
        "start_state",
        "table_frame",
        "view_chart",
        "view_table",
        "views",
        "word",
    ],
}


def test_the_public_names_are_exactly_the_listed_ones() -> None:
    assert kpitools.__all__ == sorted(TOP_LEVEL, key=lambda n: (not n.isupper(), n))
    for name in kpitools.__all__:
        assert getattr(kpitools, name) is not None, name
    for space, names in NAMESPACES.items():
        module = getattr(kpitools, space)
        assert isinstance(module, types.ModuleType) and module.__name__ == f"kpitools.{space}"
        assert sorted(module.__all__) == sorted(names), space
        for name in names:
            assert getattr(module, name) is not None, f"{space}.{name}"


def test_every_exported_function_and_class_has_a_runnable_example() -> None:
    missing = [
        f"{space}.{name}"
        for space, module in [("kt", kpitools)] + [(s, getattr(kpitools, s)) for s in NAMESPACES]
        for name in module.__all__
        if isinstance(obj := getattr(module, name), type) or inspect.isfunction(obj)
        if ">>> " not in (obj.__doc__ or "")
    ]
    assert missing == []


def test_unknown_names_raise_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        kpitools.nope  # noqa: B018


def _package_modules() -> list[types.ModuleType]:
    return [
        importlib.import_module(info.name)
        for info in pkgutil.walk_packages(kpitools.__path__, "kpitools.")
    ]


def test_every_error_kpitools_raises_stands_under_one_exported_base() -> None:
    errors = {
        obj
        for module in _package_modules()
        for name, obj in vars(module).items()
        if isinstance(obj, type)
        and issubclass(obj, Exception)
        and obj.__module__ == module.__name__
        and not name.startswith("_")
    }
    assert len(errors) >= 6
    for error in errors:
        # warnings are not errors: they need only be exported, so users can filter them
        assert issubclass(error, kpitools.KpiToolsError | Warning), error
        reachable = [kpitools, *(getattr(kpitools, s) for s in NAMESPACES)]
        assert any(getattr(m, error.__name__, None) is error for m in reachable), error


def test_the_version_comes_from_the_package_metadata_only(root: Path) -> None:
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert kpitools.__version__ == importlib.metadata.version("kpitools") == project["version"]
    for path in (root / "src" / "kpitools").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "from kpitools import __version__" not in text, path
        assert not re.search(r"^__version__\s*=", text, re.M), path


def test_imports_only_go_down() -> None:
    """No module imports the package's ``__init__`` or a layer above its own."""
    layers = {
        "kpitools.cli": 5,
        "kpitools.report": 4,
        "kpitools.explore": 4,
        "kpitools.charts": 3,
        "kpitools.tables": 3,
        "kpitools.display": 3,
        "kpitools.extract": 3,
        "kpitools.bridge": 3,
        "kpitools.comparability": 2,
        "kpitools.measures": 2,
        "kpitools.members": 2,
        "kpitools.io": 1,
        "kpitools.links": 1,
    }

    def layer(name: str) -> int:
        return next((v for k, v in layers.items() if name == k or name.startswith(k + ".")), 0)

    for module in _package_modules():
        if module.__name__ == "kpitools":
            continue
        tree = ast.parse(Path(module.__file__ or "").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                target = node.module
                if target == "kpitools":
                    # only namespaces of a lower layer ("from kpitools import params")
                    target = "kpitools." + node.names[0].name
                if target.startswith("kpitools."):
                    assert layer(target) <= layer(module.__name__), (module.__name__, target)


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


@pytest.mark.parametrize(
    ("file", "extras", "install"),
    [
        ("environment.yml", ("explore", "serve", "pdf"), "."),  # to use kpitools
        ("environment-dev.yml", None, "-e ."),  # to work on it: every extra
    ],
)
def test_environment_yml_names_the_same_dependencies_as_pyproject(
    root: Path, file: str, extras: tuple[str, ...] | None, install: str
) -> None:
    # conda-forge publishes some packages under other names than PyPI
    conda_names = {
        "nbconvert": "nbconvert-core",  # without pandoc and LaTeX
        "playwright": "playwright-python",
        "duckdb": "python-duckdb",
        "build": "python-build",
    }
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    groups = project["optional-dependencies"]
    chosen = [spec for name in extras or list(groups) for spec in groups[name]]
    wanted = {
        conda_names.get(name, name): version
        for name, version in _requirements(project["dependencies"] + chosen).items()
    }
    env = yaml.safe_load((root / file).read_text(encoding="utf-8"))
    assert env["channels"] == ["conda-forge"]
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    have = _requirements(conda)
    assert len(have) == len(conda)  # each package named once
    python = have.pop("python")
    have.pop("pip")
    assert have == wanted
    assert python == project["requires-python"]
    pip_part = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert pip_part == [install]


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
