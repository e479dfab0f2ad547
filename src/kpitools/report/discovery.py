"""Reports found in ``parameters/`` and checked before any kernel starts."""

from __future__ import annotations

import functools
import itertools
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kpitools.errors import KpiDataError, ParameterError
from kpitools.vocab import check_lang

BATCH_FILE = "batch.yaml"
MANIFEST = ".kpitools-manifest.json"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._\-]*")
#: Parameters whose values are files the report reads (their content is part of its hash).
FILE_PARAMETERS = ("data", "units", "catalog", "text", "phrases")
#: Parameters that name a unit (checked against the registry before any kernel starts).
UNIT_PARAMETERS = ("unit", "parent")


@dataclass(frozen=True)
class Report:
    """One report to make: a notebook and the parameters that drive it."""

    name: str
    kind: str
    notebook: Path
    parameters: dict[str, Any]
    origin: Path
    title: str = ""

    @property
    def html_name(self) -> str:
        """The name of the report's HTML file: ``<name>.html``."""
        return f"{self.name}.html"


@dataclass(frozen=True)
class Outcome:
    """What happened to one report: ``status`` is ok, failed, invalid or skipped."""

    report: Report
    status: str
    seconds: float = 0.0
    html: Path | None = None
    error: str | None = None
    inputs: tuple[tuple[str, str], ...] = ()

    @property
    def ok(self) -> bool:
        """True when the report is done: made now (``ok``) or already up to date (``skipped``)."""
        return self.status in ("ok", "skipped")


# --------------------------------------------------------------------------- discovery


@dataclass(frozen=True)
class NotebookInfo:
    """A report notebook: its kind, title and declared parameters (from papermill)."""

    path: Path
    kind: str
    title: str
    parameters: dict[str, dict[str, Any]] = field(default_factory=dict)


def notebooks_by_kind(notebooks: Path) -> dict[str, NotebookInfo]:
    """Every notebook in ``notebooks`` that declares a report kind in its metadata."""
    found = {}
    for nb in sorted(notebooks.resolve().glob("*.ipynb")):
        doc = json.loads(nb.read_text(encoding="utf-8"))
        meta = doc.get("metadata", {}).get("kpitools", {})
        if "report" in meta:
            found[meta["report"]] = NotebookInfo(
                nb, meta["report"], meta.get("title", nb.stem), _declared_parameters(doc)
            )
    return found


_PARAM_LINE = re.compile(r"^(\w+)\s*(?::\s*([\w\[\], ]+?))?\s*=\s*(.+?)\s*(?:#\s*(.*))?$")


def _declared_parameters(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Names, types, defaults and help of the ``parameters`` cell (``name: type = value  # help``).

    papermill's ``inspect_notebook`` does the same, but importing papermill costs ~2 s and
    this runs before any worker starts.
    """
    import ast

    for cell in doc.get("cells", []):
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            out = {}
            for line in "".join(cell["source"]).splitlines():
                m = _PARAM_LINE.match(line.strip())
                if m:
                    name, typ, value, help_ = m.groups()
                    try:
                        default = ast.literal_eval(value)
                    except (ValueError, SyntaxError):
                        default = None
                    out[name] = {"type": (typ or "").strip(), "default": default, "help": help_}
            return out
    return {}


def _load_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ParameterError(f"{path}: not valid YAML: {exc}") from None


def _expand_batch(path: Path, kinds: dict[str, NotebookInfo]) -> Iterator[Report]:
    """Reports of a batch file: a list of ``{report, name, grid, parameters}`` entries.

    ``grid`` maps parameter names to lists; every combination is one report, named by the
    ``name`` template (``"profile-{unit}-{year}"``); ``parameters`` are shared by all.
    """
    doc = _load_yaml(path) or []
    entries = doc.get("reports", []) if isinstance(doc, dict) else doc
    if not isinstance(entries, list):
        raise ParameterError(f"{path}: expected a list of reports (or 'reports: [...]')")
    for i, entry in enumerate(entries, start=1):
        where = f"{path}, entry {i}"
        if not isinstance(entry, dict) or "report" not in entry or "name" not in entry:
            raise ParameterError(f"{where}: each entry needs 'report' (a kind) and 'name'")
        kind = entry["report"]
        if kind not in kinds:
            raise ParameterError(
                f"{where}: no notebook declares report kind {kind!r} "
                f"(known: {', '.join(sorted(kinds)) or 'none'})"
            )
        grid = entry.get("grid") or {}
        shared = entry.get("parameters") or {}
        if not isinstance(grid, dict) or not all(isinstance(v, list) for v in grid.values()):
            raise ParameterError(f"{where}: 'grid' must map parameter names to lists")
        if not isinstance(shared, dict):
            raise ParameterError(f"{where}: 'parameters' must be a mapping")
        keys = list(grid)
        for combo in itertools.product(*(grid[k] for k in keys)):
            params = {**shared, **dict(zip(keys, combo, strict=True))}
            try:
                name = str(entry["name"]).format(**params)
            except (KeyError, IndexError, ValueError) as exc:
                raise ParameterError(f"{where}: name template {entry['name']!r}: {exc}") from None
            info = kinds[kind]
            yield Report(name, kind, info.path, params, path, info.title)


def discover(parameters: Path, notebooks: Path) -> list[Report]:
    """Every report of ``parameters`` (files and batch grids), sorted by name.

    Raises ``ParameterError`` naming the file for unreadable files, unknown kinds and
    duplicate report names.
    """
    kinds = notebooks_by_kind(notebooks)
    reports: list[Report] = []
    problems: list[str] = []
    for f in sorted(parameters.glob("*.yaml")):
        if f.name == BATCH_FILE:
            try:
                reports.extend(_expand_batch(f, kinds))
            except ParameterError as exc:
                problems.append(str(exc))
            continue
        kind = f.stem.split("-", 1)[0]
        if kind not in kinds:
            problems.append(
                f"{f}: no notebook in {notebooks} declares report kind {kind!r} "
                f"(known: {', '.join(sorted(kinds)) or 'none'})"
            )
            continue
        try:
            params = _load_yaml(f) or {}
        except ParameterError as exc:
            problems.append(str(exc))
            continue
        if not isinstance(params, dict):
            problems.append(f"{f}: must be a mapping of parameter names to values")
            continue
        info = kinds[kind]
        reports.append(Report(f.stem, kind, info.path, params, f, info.title))
    seen: dict[str, Report] = {}
    for r in reports:
        if r.name in seen:
            problems.append(
                f"{r.origin}: report name {r.name!r} is also made by {seen[r.name].origin}"
            )
        seen[r.name] = r
    if problems:
        raise ParameterError("\n".join(problems))
    return sorted(reports, key=lambda r: r.name)


# --------------------------------------------------------------------------- validation

_TYPES: dict[str, tuple[type, ...]] = {
    "int": (int,),
    "float": (int, float),
    "str": (str,),
    "bool": (bool,),
    "list": (list,),
    "dict": (dict,),
}


def _effective(report: Report, info: NotebookInfo) -> dict[str, Any]:
    defaults = {k: v["default"] for k, v in info.parameters.items()}
    return {**defaults, **report.parameters}


def input_files(report: Report, info: NotebookInfo) -> list[Path]:
    """The files a report reads, resolved as the notebook will resolve them."""
    from kpitools.io.dataset import find_path

    params = _effective(report, info)
    files: list[Path] = []
    for key in FILE_PARAMETERS:
        value = params.get(key)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str | os.PathLike):
                files.append(find_path(item, start=report.notebook.parent))
    return files


def validate(report: Report, info: NotebookInfo) -> list[str]:
    """Problems of one parameter set, found before any kernel starts."""
    where = str(report.origin) + ("" if report.origin.stem == report.name else f" [{report.name}]")
    problems = []
    if not _NAME.fullmatch(report.name):
        problems.append(
            f"{where}: report name {report.name!r} would be written outside the output folder "
            "(use letters, digits, '.', '-' and '_' only)"
        )
    declared = info.parameters
    for key, value in report.parameters.items():
        if key not in declared:
            problems.append(
                f"{where}: unknown parameter {key!r} for {info.path.name} "
                f"(it takes: {', '.join(declared)})"
            )
            continue
        typ = declared[key]["type"]
        allowed = _TYPES.get(typ)
        bad = allowed is not None and (
            not isinstance(value, allowed) or (typ in ("int", "float") and isinstance(value, bool))
        )
        if bad:
            hint = ""
            if key == "unit" and isinstance(value, int):
                hint = ' (unit codes are text: write them in quotes, e.g. "017")'
            problems.append(
                f"{where}: parameter {key!r} must be {typ}, not {type(value).__name__} "
                f"{value!r}{hint}"
            )
    if problems:
        return problems
    params = _effective(report, info)
    named = [k for k in UNIT_PARAMETERS if k in params]
    try:
        input_files(report, info)
        if named and isinstance(params.get("units"), str):
            from kpitools.io.dataset import find_path
            from kpitools.registry import UnknownUnitError

            registry = _registry(str(find_path(params["units"], start=report.notebook.parent)))
            for key in named:
                try:
                    registry.resolve(str(params[key]))
                except UnknownUnitError as exc:
                    problems.append(f"{where}: parameter {key!r}: {exc}")
    except (FileNotFoundError, KpiDataError) as exc:
        return [f"{where}: {exc}"]
    if params.get("lang") is not None:
        try:
            check_lang(params["lang"])
        except ParameterError:
            problems.append(
                f"{where}: parameter 'lang' must be 'vi' or 'en', not {params['lang']!r}"
            )
    return problems


@functools.lru_cache(maxsize=8)
def _registry(path: str) -> Any:
    from kpitools.registry import read_registry

    return read_registry(path)
