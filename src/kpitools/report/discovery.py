"""Reports found in ``parameters/`` and checked before any kernel starts."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
import os
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kpitools.errors import KpiDataError, ParameterError
from kpitools.vocab import check_lang

BATCH_FILE = "batch.yaml"
MANIFEST = ".kpitools-manifest.json"
INDEX = "index.html"
#: Parameters whose values are files the report reads (their content is part of its hash).
FILE_PARAMETERS = ("data", "units", "catalog", "links", "backcast", "text", "phrases")
#: Read options a ``data`` entry may carry besides its ``path`` (as ``load_dataset`` takes them).
DATA_OPTIONS: dict[str, tuple[type, ...]] = {
    "sheet": (str, int),
    "year": (int,),
    "as_of": (str, dt.date),
    "layout": (str,),
    "decimal": (str,),
    "source": (str,),
}
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
    """What happened to one report: ``status`` is ok, failed, invalid, skipped or interrupted."""

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
            kind = _nfc(str(meta["report"]))
            found[kind] = NotebookInfo(
                nb, kind, meta.get("title", nb.stem), _declared_parameters(doc)
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
        kind = _nfc(str(entry["report"]))
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
                name = _nfc(str(entry["name"]).format(**params))
            except (KeyError, IndexError, ValueError) as exc:
                raise ParameterError(f"{where}: name template {entry['name']!r}: {exc}") from None
            info = kinds[kind]
            yield Report(name, kind, info.path, params, path, info.title)


def discover(parameters: Path, notebooks: Path) -> list[Report]:
    """Every report of ``parameters`` (files and batch grids), sorted by name.

    Raises ``ParameterError`` naming the file for unreadable files, unknown kinds and
    report names that would write the same file (names that differ only in case are one
    file on Windows and macOS).
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
        name = _nfc(f.stem)  # macOS spells file names decomposed (NFD)
        kind = name.split("-", 1)[0]
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
        reports.append(Report(name, kind, info.path, params, f, info.title))
    problems.extend(_same_file_names(reports))
    if problems:
        raise ParameterError("\n".join(problems))
    return sorted(reports, key=lambda r: r.name)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _same_file_names(reports: list[Report]) -> Iterator[str]:
    seen: dict[str, Report] = {}
    for r in reports:
        key = _nfc(r.name).casefold()
        if key in seen:
            other = seen[key]
            how = (
                ""
                if other.name == r.name
                else f" (as {other.name!r}: the same file where case is ignored)"
            )
            yield f"{r.origin}: report name {r.name!r} is also made by {other.origin}{how}"
        seen.setdefault(key, r)


# --------------------------------------------------------------------------- validation

_WINDOWS_RESERVED = frozenset(
    {
        "CON",
        "PRN",
        "AUX",
        "NUL",
        *(f"COM{i}" for i in range(1, 10)),
        *(f"LPT{i}" for i in range(1, 10)),
    }
)
#: File systems allow 255 bytes; temporary names add up to ~40 to a report's name.
_MAX_NAME_BYTES = 200


def _bad_character(name: str) -> str | None:
    for c in name:
        category = unicodedata.category(c)
        if c in "/\\":
            return (
                f"contains the path separator {c!r}: it would be written outside the output folder"
            )
        if category in ("Cc", "Cf", "Zl", "Zp"):
            return f"contains the control character U+{ord(c):04X}"
        if not (c.isalnum() or category.startswith("M") or c in "._-"):
            return f"contains {c!r}: use letters (of any language), digits, '.', '-' and '_' only"
    return None


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot name a report's files, or None when it can.

    A report's name is the name of its files in the output folder, on any system: letters of
    any language (Vietnamese included), digits, ``.``, ``-`` and ``_``, starting with a letter
    or digit, and not ``index`` (the batch's own page).

    Examples
    --------
    >>> name_problem("hồ-sơ-đông-anh") is None
    True
    >>> print(name_problem("../etc/2024"))
    contains the path separator '/': it would be written outside the output folder
    >>> print(name_problem("Index"))
    would overwrite the batch's index.html
    """
    base = name.split(".", 1)[0]
    checks = (
        (not name, "is empty"),
        (True, _bad_character(name)),
        (not name[:1].isalnum(), "must start with a letter or a digit"),
        (name.endswith("."), "ends with '.', which Windows drops from file names"),
        (base.upper() in _WINDOWS_RESERVED, f"starts with {base!r}, a reserved name on Windows"),
        (name.casefold() == "index", f"would overwrite the batch's {INDEX}"),
        (
            len(name.encode()) > _MAX_NAME_BYTES,
            f"is too long ({len(name.encode())} bytes in UTF-8; at most {_MAX_NAME_BYTES})",
        ),
    )
    return next((message for bad, message in checks if bad and message), None)


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


def _path_of(item: Any) -> Any:
    """The path of one file-parameter entry: a path, or a mapping's ``path`` (``data``)."""
    return item.get("path") if isinstance(item, dict) else item


def input_files(report: Report, info: NotebookInfo) -> list[Path]:
    """The files a report reads, resolved as the notebook will resolve them.

    An entry of ``data`` may be a path or a mapping ``{path: ..., sheet: ..., year: ...}``
    of a path and its read options (:data:`DATA_OPTIONS`).
    """
    from kpitools.io.dataset import find_path

    params = _effective(report, info)
    files: list[Path] = []
    for key in FILE_PARAMETERS:
        value = params.get(key)
        for item in value if isinstance(value, list) else [value]:
            path = _path_of(item)
            if isinstance(path, str | os.PathLike) and str(path):  # "": none (a backcast)
                files.append(find_path(path, start=report.notebook.parent))
    if "links" not in params and isinstance(params.get("units"), str | os.PathLike):
        # load_dataset reads the links.csv beside the registry by default: it is an input too
        beside = find_path(params["units"], start=report.notebook.parent).with_name("links.csv")
        if beside.is_file():
            files.append(beside)
    return files


def _report_day(params: dict[str, Any]) -> dt.date | None:
    """The day a report's unit names are read on: 31 December of its (latest) year."""

    def plain(y: object) -> int | None:
        ok = isinstance(y, int) and not isinstance(y, bool) and 1 <= y <= 9999
        return y if ok else None  # type: ignore[return-value]

    years = params.get("years")
    many = [y for y in map(plain, years) if y is not None] if isinstance(years, list) else []
    year = max(many) if many else plain(params.get("year"))
    return None if year is None else dt.date(year, 12, 31)


def _type_problem(key: str, value: Any, typ: str) -> str | None:
    allowed = _TYPES.get(typ)
    if key == "data" and isinstance(value, dict):
        return None  # one entry with its read options, as load_dataset takes it
    bad = allowed is not None and (
        not isinstance(value, allowed) or (typ in ("int", "float") and isinstance(value, bool))
    )
    if not bad:
        return None
    hint = ""
    if key == "unit" and isinstance(value, int):
        hint = ' (unit codes are text: write them in quotes, e.g. "017")'
    return f"parameter {key!r} must be {typ}, not {type(value).__name__} {value!r}{hint}"


def _entry_problems(key: str, value: Any) -> Iterator[str]:
    """Problems of the mapping entries of a file parameter (``data: [{path: ..., sheet: ...}]``)."""
    if key not in FILE_PARAMETERS:
        return
    for i, item in enumerate(value if isinstance(value, list) else [value], start=1):
        if not isinstance(item, dict):
            continue
        if key != "data":
            yield f"parameter {key!r}, entry {i}: only 'data' entries take read options"
            continue
        for problem in _data_entry_problems(item):
            yield f"parameter 'data', entry {i}: {problem}"


def _data_entry_problems(entry: dict[Any, Any]) -> Iterator[str]:
    takes = ", ".join(["path", *DATA_OPTIONS])
    if not isinstance(entry.get("path"), str):
        yield f"needs 'path', the file to read (an entry takes {takes})"
    for option, value in entry.items():
        types = DATA_OPTIONS.get(option)
        if option == "path":
            continue
        if types is None:
            yield f"unknown key {option!r} (an entry takes {takes})"
        elif not isinstance(value, types) or isinstance(value, bool):
            yield f"{option!r} must be {' or '.join(t.__name__ for t in types)}, not {value!r}"


def _parameter_problems(report: Report, info: NotebookInfo) -> Iterator[str]:
    declared = info.parameters
    for key, value in report.parameters.items():
        if key not in declared:
            yield (
                f"unknown parameter {key!r} for {info.path.name} (it takes: {', '.join(declared)})"
            )
            continue
        problem = _type_problem(key, value, declared[key]["type"])
        if problem is not None:
            yield problem
        else:
            yield from _entry_problems(key, value)


def _input_problems(report: Report, info: NotebookInfo) -> list[str]:
    """Problems of what the parameters point to: files, units, the language."""
    params = _effective(report, info)
    named = [k for k in UNIT_PARAMETERS if k in params]
    problems = []
    try:
        input_files(report, info)
        if named and isinstance(params.get("units"), str):
            from kpitools.io.dataset import find_path
            from kpitools.registry import UnknownUnitError

            registry = _registry(str(find_path(params["units"], start=report.notebook.parent)))
            day = _report_day(params)
            for key in named:
                try:
                    registry.resolve(str(params[key]), at=day)
                except UnknownUnitError as exc:
                    problems.append(f"parameter {key!r}: {exc}")
    except (FileNotFoundError, KpiDataError) as exc:
        return [str(exc)]
    if params.get("lang") is not None:
        try:
            check_lang(params["lang"])
        except ParameterError:
            problems.append(f"parameter 'lang' must be 'vi' or 'en', not {params['lang']!r}")
    return problems


def validate(report: Report, info: NotebookInfo) -> list[str]:
    """Problems of one parameter set, found before any kernel starts."""
    where = str(report.origin) + ("" if report.origin.stem == report.name else f" [{report.name}]")
    problems = []
    if (problem := name_problem(report.name)) is not None:
        problems.append(f"report name {report.name!r} {problem}")
    problems.extend(_parameter_problems(report, info))
    if not problems:
        problems = _input_problems(report, info)
    return [f"{where}: {p}" for p in problems]


@functools.lru_cache(maxsize=8)
def _registry(path: str) -> Any:
    from kpitools.registry import read_registry

    return read_registry(path)
