"""Reports found in ``parameters/`` and checked before any kernel starts."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import itertools
import json
import os
import unicodedata
from collections.abc import Iterable, Iterator
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
    "period_start": (str, dt.date),
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
    #: why the report cannot run (a parameter file that cannot be read, an unknown kind):
    #: it is ``invalid``, and the others run
    problem: str | None = None

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
    """A report notebook: its kind, title, declared parameters and kernel.

    ``tagged`` is false for a notebook without a ``parameters`` cell: papermill injects the
    parameters at its top, and any parameter is taken. ``kernel`` and ``language`` are
    those of its kernelspec (empty when it names none: python3, as papermill runs it).
    """

    path: Path
    kind: str
    title: str
    parameters: dict[str, dict[str, Any]] = field(default_factory=dict)
    tagged: bool = True
    kernel: str = ""
    language: str = ""


def notebooks_by_kind(notebooks: Path) -> dict[str, NotebookInfo]:
    """Every notebook in ``notebooks`` that declares a report kind in its metadata.

    Raises ``ParameterError`` naming both notebooks when two declare one kind.
    """
    found: dict[str, NotebookInfo] = {}
    for nb in sorted(notebooks.resolve().glob("*.ipynb")):
        doc = json.loads(nb.read_text(encoding="utf-8"))
        metadata = doc.get("metadata", {})
        meta = metadata.get("kpitools", {})
        if "report" in meta:
            kind = _nfc(str(meta["report"]))
            if kind in found:
                raise ParameterError(
                    f"{found[kind].path} and {nb} both declare report kind {kind!r}: "
                    "a kind names one notebook"
                )
            spec = metadata.get("kernelspec") or {}
            language = str(
                spec.get("language") or metadata.get("language_info", {}).get("name") or ""
            )
            declared = declared_parameters(doc) if language in ("", "python") else {}
            tagged = _parameters_cell(doc) is not None
            found[kind] = NotebookInfo(
                nb,
                kind,
                meta.get("title", nb.stem),
                declared,
                tagged,
                str(spec.get("name") or ""),
                language,
            )
    return found


def _parameters_cell(doc: dict[str, Any]) -> str | None:
    """The source of the first cell tagged ``parameters`` (as papermill finds it), or None."""
    for cell in doc.get("cells", []):
        if cell.get("cell_type") == "code" and "parameters" in cell.get("metadata", {}).get(
            "tags", []
        ):
            source = cell.get("source", "")
            return source if isinstance(source, str) else "".join(source)
    return None


def declared_parameters(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    r"""Names, types, defaults and help of a notebook's ``parameters`` cell, parsed as Python.

    Every assignment at the top of the cell declares its names, as the kernel will run it:
    ``x: str | None = None``, ``a, b = 1, 2``, ``x = 1; y = 2``, string annotations
    (``n: "int" = 3``) and values over several lines. ``type`` is the annotation's type
    (``str`` for ``str | None`` and ``Optional[str]``), ``optional`` whether ``None``
    (``null``) is allowed, ``default`` the value when it is a literal (else None) and
    ``help`` the comment at the end of its line. papermill's own inspection reads the cell
    line by line with a pattern and misses the first three forms. Magics (``%...``) and
    lines that are not Python are skipped, as papermill's inspection skips them (the
    kernel reports them when it runs the cell).

    Examples
    --------
    >>> cell = {"cell_type": "code", "metadata": {"tags": ["parameters"]},
    ...         "source": 'x: str | None = None  # a name\na, b = 1, 2; c: "int" = 3'}
    >>> p = declared_parameters({"cells": [cell]})
    >>> p["x"]
    {'type': 'str', 'optional': True, 'default': None, 'help': 'a name'}
    >>> p["b"]["default"], p["c"]["type"]
    (2, 'int')
    """
    import ast

    source = _parameters_cell(doc)
    if source is None:
        return {}
    lines = source.splitlines()
    code = "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in lines)
    out: dict[str, dict[str, Any]] = {}
    for node in _statements(code):
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            pairs = [(node.target.id, node.value)]
            typ, optional = _annotation(node.annotation)
        elif isinstance(node, ast.Assign):
            pairs = [p for target in node.targets for p in _targets(target, node.value)]
            typ, optional = "", True
        else:
            continue
        help_ = _line_comment(lines[node.end_lineno - 1] if node.end_lineno else "")
        for name, value in pairs:
            default = _literal(value)
            out[name] = {
                "type": typ,
                "optional": optional or (default is None and typ == ""),
                "default": default,
                "help": help_,
            }
    return out


def _statements(code: str) -> list[Any]:
    """The statements of ``code``; lines that are not Python are skipped (the kernel says)."""
    import ast

    try:
        return ast.parse(code).body
    except SyntaxError:
        pass
    lines, body, start = code.splitlines(), [], 0
    while start < len(lines):
        for end in range(start + 1, len(lines) + 1):
            try:
                tree = ast.parse("\n".join(lines[start:end]))
            except SyntaxError:
                continue
            for node in tree.body:
                body.append(ast.increment_lineno(node, start))
            start = end
            break
        else:
            start += 1  # this line begins nothing that parses: skip it
    return body


def _targets(target: Any, value: Any) -> list[tuple[str, Any]]:
    """``(name, value node)`` of an assignment's target: a name, or a tuple unpacked."""
    import ast

    if isinstance(target, ast.Name):
        return [(target.id, value)]
    if isinstance(target, ast.Tuple | ast.List):
        values = (
            value.elts if isinstance(value, ast.Tuple | ast.List) else [None] * len(target.elts)
        )
        if len(values) != len(target.elts):
            values = [None] * len(target.elts)
        return [p for t, v in zip(target.elts, values, strict=True) for p in _targets(t, v)]
    return []


def _literal(node: Any) -> Any:
    import ast

    if node is None:
        return None
    try:
        return ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return None


def _annotation(node: Any) -> tuple[str, bool]:
    """The type name an annotation checks (``int``, ``str``...) and whether None is allowed."""
    import ast

    if isinstance(node, ast.Constant) and isinstance(node.value, str):  # n: "int"
        try:
            node = ast.parse(node.value, mode="eval").body
        except SyntaxError:
            return "", True
    if isinstance(node, ast.Constant) and node.value is None:
        return "", True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):  # str | None
        parts = [_annotation(node.left), _annotation(node.right)]
        named = [t for t, _ in parts if t]
        none = any(_is_none(n) for n in (node.left, node.right))
        return (named[0] if len(named) == 1 else ""), none or any(o for _, o in parts)
    if isinstance(node, ast.Subscript):
        head = ast.unparse(node.value).rsplit(".", 1)[-1]
        if head == "Optional":
            return _annotation(node.slice)[0], True
        if head == "Union" and isinstance(node.slice, ast.Tuple):
            named = [t for t, _ in map(_annotation, node.slice.elts) if t]
            none = any(_is_none(n) for n in node.slice.elts)
            return (named[0] if len(named) == 1 else ""), none
        return head, False  # list[int]: a list
    if isinstance(node, ast.Name | ast.Attribute):
        return ast.unparse(node).rsplit(".", 1)[-1], False
    return "", True


def _is_none(node: Any) -> bool:
    import ast

    return isinstance(node, ast.Constant) and node.value is None


def _line_comment(line: str) -> str | None:
    """The comment at the end of a line of code (``# help``), as papermill reads help."""
    import io
    import tokenize

    try:
        for tok in tokenize.generate_tokens(io.StringIO(line).readline):
            if tok.type == tokenize.COMMENT:
                return tok.string.lstrip("#").strip() or None
    except (tokenize.TokenError, SyntaxError):
        return None
    return None


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


def kind_of(stem: str, kinds: Iterable[str]) -> str | None:
    """The report kind a parameter file's name (without ``.yaml``) names, or None.

    ``<kind>--<name>`` names its kind explicitly; otherwise the longest declared kind that
    is the whole name or followed by ``-`` (so a kind may contain ``-``: ``city-overview-2023``
    is of kind ``city-overview`` when that kind exists, else of kind ``city``).

    Examples
    --------
    >>> kind_of("city-overview-2023", ["city", "city-overview"])
    'city-overview'
    >>> kind_of("city--overview-2023", ["city", "city-overview"])
    'city'
    >>> kind_of("atlas-1", ["city"]) is None
    True
    """
    known = set(kinds)
    if "--" in stem:
        kind = stem.split("--", 1)[0]
        return kind if kind in known else None
    fits = [k for k in known if stem == k or stem.startswith(k + "-")]
    return max(fits, key=len) if fits else None


def discover(parameters: Path, notebooks: Path) -> list[Report]:
    """Every report of ``parameters`` (files and batch grids), sorted by name.

    One bad parameter file never stops the others: a file that is not valid YAML or not a
    mapping, of an unknown kind, a bad ``batch.yaml`` entry, or a report name another file
    also makes (names that differ only in case are one file on Windows and macOS) gives a
    report with a :attr:`Report.problem` naming the file, which :func:`run_batch` marks
    ``invalid``. Raises ``ParameterError`` when two notebooks declare one kind.
    """
    kinds = notebooks_by_kind(notebooks)
    reports: list[Report] = []
    nowhere = notebooks.resolve() / "(no notebook)"

    def bad(name: str, kind: str, origin: Path, problem: str) -> Report:
        info = kinds.get(kind)
        notebook, title = (info.path, info.title) if info else (nowhere, "")
        return Report(name, kind, notebook, {}, origin, title, problem)

    for f in sorted(parameters.glob("*.yaml")):
        if f.name == BATCH_FILE:
            reports.extend(_batch_reports(f, kinds, bad))
            continue
        name = _nfc(f.stem)  # macOS spells file names decomposed (NFD)
        kind = kind_of(name, kinds)
        if kind is None:
            wanted = name.split("--", 1)[0] if "--" in name else name.split("-", 1)[0]
            reports.append(
                bad(
                    name,
                    wanted,
                    f,
                    f"{f}: no notebook in {notebooks} declares report kind {wanted!r} "
                    f"(known: {', '.join(sorted(kinds)) or 'none'})",
                )
            )
            continue
        try:
            params = _load_yaml(f) or {}
        except ParameterError as exc:
            reports.append(bad(name, kind, f, str(exc)))
            continue
        if not isinstance(params, dict):
            reports.append(
                bad(name, kind, f, f"{f}: must be a mapping of parameter names to values")
            )
            continue
        info = kinds[kind]
        reports.append(Report(name, kind, info.path, params, f, info.title))
    reports = _same_file_names(reports)
    return sorted(reports, key=lambda r: r.name)


def _batch_reports(path: Path, kinds: dict[str, NotebookInfo], bad: Any) -> list[Report]:
    """The reports of a batch file; a bad one (or a file that cannot be read) is one problem."""
    try:
        return list(_expand_batch(path, kinds))
    except ParameterError as exc:
        return [bad(_nfc(path.stem), "", path, str(exc))]


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _same_file_names(reports: list[Report]) -> list[Report]:
    """The reports, a second one of a name (case ignored) made invalid, naming the first."""
    import dataclasses

    seen: dict[str, Report] = {}
    out = []
    for r in reports:
        key = _nfc(r.name).casefold()
        if key in seen:
            other = seen[key]
            how = (
                ""
                if other.name == r.name
                else f" (as {other.name!r}: the same file where case is ignored)"
            )
            problem = f"{r.origin}: report name {r.name!r} is also made by {other.origin}{how}"
            r = dataclasses.replace(r, problem=problem)
        seen.setdefault(key, r)
        out.append(r)
    return out


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


#: ``find_path``'s answers while :func:`paths_found_once` is in force (None: not kept)
_FOUND: dict[tuple[str, str], Path] | None = None


@contextlib.contextmanager
def paths_found_once() -> Iterator[None]:
    """Within: each file parameter is looked for once, however many reports name it.

    The reports of a batch name the same few files; each search reads the project's
    configuration on the way up (~3 ms), which made most of a batch's checks. What is
    found is forgotten when the block ends (a file may appear before the next run).
    """
    global _FOUND
    saved, _FOUND = _FOUND, {}
    try:
        yield
    finally:
        _FOUND = saved


def _find_path(path: str | os.PathLike[str], start: Path) -> Path:
    from kpitools.io.dataset import find_path

    if _FOUND is None:
        return find_path(path, start=start)
    key = (os.fspath(path), os.fspath(start))
    if key not in _FOUND:
        _FOUND[key] = find_path(path, start=start)
    return _FOUND[key]


def input_files(report: Report, info: NotebookInfo) -> list[Path]:
    """The files a report reads, resolved as the notebook will resolve them.

    An entry of ``data`` may be a path or a mapping ``{path: ..., sheet: ..., year: ...}``
    of a path and its read options (:data:`DATA_OPTIONS`).
    """
    params = _effective(report, info)
    files: list[Path] = []
    for key in FILE_PARAMETERS:
        value = params.get(key)
        for item in value if isinstance(value, list) else [value]:
            path = _path_of(item)
            if isinstance(path, str | os.PathLike) and str(path):  # "": none (a backcast)
                files.append(_find_path(path, report.notebook.parent))
    if "links" not in params and isinstance(params.get("units"), str | os.PathLike):
        # load_dataset reads the links.csv beside the registry by default: it is an input too
        beside = _find_path(params["units"], report.notebook.parent).with_name("links.csv")
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


def _type_problem(key: str, value: Any, typ: str, optional: bool = False) -> str | None:
    allowed = _TYPES.get(typ)
    if key == "data" and isinstance(value, dict):
        return None  # one entry with its read options, as load_dataset takes it
    if value is None and optional:
        return None  # null for ``x: str | None``
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
        if key not in declared and not info.tagged:
            continue  # no parameters cell: papermill injects any parameter at the top
        if key not in declared:
            yield (
                f"unknown parameter {key!r} for {info.path.name} (it takes: {', '.join(declared)})"
            )
            continue
        problem = _type_problem(
            key, value, declared[key]["type"], declared[key].get("optional", False)
        )
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
            from kpitools.registry import UnknownUnitError

            registry = _registry(str(_find_path(params["units"], report.notebook.parent)))
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
    if report.problem is not None:
        return [report.problem]
    where = str(report.origin) + ("" if report.origin.stem == report.name else f" [{report.name}]")
    problems = []
    if (problem := name_problem(report.name)) is not None:
        problems.append(f"report name {report.name!r} {problem}")
    if (problem := kernel_problem(info)) is not None:
        return [f"{where}: {problem}"]
    problems.extend(_parameter_problems(report, info))
    if not problems:
        problems = _input_problems(report, info)
    return [f"{where}: {p}" for p in problems]


def kernel_problem(info: NotebookInfo) -> str | None:
    """Why a notebook's kernel cannot run its reports here, or None.

    A notebook runs in the kernel its kernelspec names (python3 when it names none), as
    papermill runs it: a kernel that is not installed, or a non-Python notebook that names
    no kernel, makes its reports invalid, never run in python3.
    """
    if info.language not in ("", "python") and not info.kernel:
        return f"{info.path.name} is a {info.language} notebook whose kernelspec names no kernel"
    if not info.kernel or info.kernel in ("python3", "python"):
        return None  # ipykernel's own, always there
    installed = _installed_kernels()
    if info.kernel in installed:
        return None
    what = f" ({info.language})" if info.language else ""
    return (
        f"{info.path.name} asks for kernel {info.kernel!r}{what}, which is not installed "
        f"here (installed: {', '.join(sorted(installed))}; `jupyter kernelspec list`)"
    )


@functools.lru_cache(maxsize=1)
def _installed_kernels() -> frozenset[str]:
    from jupyter_client.kernelspec import KernelSpecManager

    return frozenset(KernelSpecManager().find_kernel_specs())


@functools.lru_cache(maxsize=8)
def _registry(path: str) -> Any:
    from kpitools.registry import read_registry

    return read_registry(path)
