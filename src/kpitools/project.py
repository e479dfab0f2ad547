"""A kpitools project: a folder marked by ``kpitools.toml``, and the data kpitools ships.

Every command finds its project by looking for the marker file from the working directory
upwards; the marker says where the project keeps its data, parameters, notebooks and
reports, and its default language. Relative paths (in parameter files, on the command line,
in a notebook's parameters) are looked up from where they are used up to the project's
folder, never above it. Outside a project the reference data installed with kpitools (unit
registry, metric catalog, phrase book, demo panel, seed report) is used, and kpitools says so.

Examples
--------
>>> import tempfile
>>> project = init_project(Path(tempfile.mkdtemp()) / "my-reports")
>>> sorted(p.name for p in project.root.iterdir())
['data', 'kpitools.toml', 'notebooks', 'parameters']
>>> find_project(project.root / "data" / "seed") == project
True
>>> project.units.relative_to(project.root).as_posix(), project.lang
('data/units.csv', 'vi')
"""

from __future__ import annotations

import os
import shutil
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

from kpitools._atomic import write_text_atomic
from kpitools._typing import PathLike
from kpitools.errors import ParameterError
from kpitools.vocab import check_lang

#: The file that marks a project's folder.
MARKER = "kpitools.toml"

#: Set by ``kpitools run`` for the kernels it starts: the project a notebook works for when the
#: notebook itself lies outside it (the packaged notebooks of a project made ``--no-notebooks``).
PROJECT_ENV = "KPITOOLS_PROJECT"

#: The parameter files ``kpitools init`` copies: one report of each kind, in both languages.
EXAMPLES = (
    "audit-seed.yaml",
    "bridge-hanoi.yaml",
    "city-2023.yaml",
    "comparison-2023-en.yaml",
    "profile-dong-anh-en.yaml",
)

_BATCH_EXAMPLE = """\
# Reports made from grids: every combination of the listed values is one report.
# A new year or unit is one more value in a list. The full example that comes with kpitools
# (every district, 2019-2026) is parameters/batch.yaml of the kpitools repository.
reports:
  - report: profile
    name: "profile-{unit}"
    parameters:
      years: [2025, 2026]
    grid:
      unit: ["00376"]   # Sóc Sơn (from 1 July 2025); add codes or names of other units
"""

_TOML = """\
# A kpitools project. Every kpitools command run in this folder, or in any folder below it,
# uses the settings here; paths are relative to this file. See `kpitools init --help`.

[project]
# default language of the reports and tables ("vi" or "en"); a parameter file's `lang` wins
lang = "{lang}"

[paths]
data = "data"               # reference data (units.csv, metrics.csv, ...) and your KPI files
parameters = "parameters"   # one file per report, and batch.yaml grids
notebooks = "{notebooks}"   # the report notebooks; "" = those installed with kpitools
reports = "reports"         # where `kpitools run` writes the HTML reports and index.html
# units = "data/units.csv"              # unit registry (default: <data>/units.csv)
# catalog = "data/metrics.csv"          # metric catalog (default: <data>/metrics.csv)
# phrases = "data/metric_phrases.csv"   # phrase book of `kpitools extract`
"""


def packaged(path: PathLike = "") -> Path:
    """Where the files installed with kpitools are: ``data/``, ``notebooks/``, ``parameters/``.

    In an installed package they are under ``kpitools/_resources/`` (read through
    ``importlib.resources``); run from the repository's source tree, they are the
    repository's own folders.

    Examples
    --------
    >>> (packaged("data") / "units.csv").is_file()
    True
    >>> sorted(p.name for p in packaged("notebooks").glob("city*.ipynb"))
    ['city_overview.ipynb']
    """
    from importlib.resources import as_file, files

    resources = files("kpitools") / "_resources"
    if resources.is_dir():
        # a wheel installs real files, so the path stays valid after the context ends
        with as_file(resources) as base:
            return Path(base) / path
    tree = Path(__file__).resolve().parents[2]  # src/kpitools/project.py -> the repository
    return tree / path


@dataclass(frozen=True)
class Project:
    """A project's folder and what its ``kpitools.toml`` says.

    ``notebooks`` is None when the project uses the notebooks installed with kpitools.
    ``packaged`` is True for the stand-in kpitools uses outside any project: the installed
    reference data, example parameters and notebooks, with reports written to ``./reports``.

    Examples
    --------
    >>> here = find_project()  # the repository is a project
    >>> here.units.relative_to(here.root).as_posix(), here.notebook_folder.name, here.lang
    ('data/units.csv', 'notebooks', 'vi')
    """

    root: Path
    data: Path
    parameters: Path
    notebooks: Path | None
    reports: Path
    units: Path
    catalog: Path
    phrases: Path
    lang: str = "vi"
    packaged: bool = False

    @property
    def notebook_folder(self) -> Path:
        """The folder of the report notebooks: the project's own, or the installed ones."""
        return self.notebooks if self.notebooks is not None else packaged("notebooks")

    @classmethod
    def read(cls, root: PathLike) -> Project:
        """The project whose marker file is in ``root``.

        Raises ``ParameterError`` naming the file when it is not valid TOML or a setting
        has the wrong type.

        Examples
        --------
        >>> Project.read(packaged()).parameters.name
        'parameters'
        """
        root = Path(root).resolve()
        marker = root / MARKER
        try:
            doc = tomllib.loads(marker.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ParameterError(f"{marker}: not valid TOML: {exc}") from None
        settings = doc.get("project", {})
        paths = doc.get("paths", {})
        for name, table in (("project", settings), ("paths", paths)):
            if not isinstance(table, dict):
                raise ParameterError(f"{marker}: [{name}] must be a table")
        for key, value in paths.items():
            if not isinstance(value, str):
                raise ParameterError(f"{marker}: paths.{key} must be text, not {value!r}")
        try:
            lang = check_lang(settings.get("lang", "vi"))
        except ParameterError as exc:
            raise ParameterError(f"{marker}: project.{exc}") from None

        def at(key: str, default: str) -> Path:
            return root / paths.get(key, default)

        data = at("data", "data")
        notebooks = paths.get("notebooks", "notebooks")
        return cls(
            root=root,
            data=data,
            parameters=at("parameters", "parameters"),
            notebooks=root / notebooks if notebooks else None,
            reports=at("reports", "reports"),
            units=root / paths["units"] if "units" in paths else data / "units.csv",
            catalog=root / paths["catalog"] if "catalog" in paths else data / "metrics.csv",
            phrases=(
                root / paths["phrases"] if "phrases" in paths else data / "metric_phrases.csv"
            ),
            lang=lang,
        )


def find_project(start: PathLike | None = None) -> Project | None:
    """The project ``start`` (default: the working directory) lies in, or None.

    The nearest folder at or above ``start`` that holds ``kpitools.toml`` is the project's.

    Examples
    --------
    >>> find_project("/") is None
    True
    >>> find_project("notebooks").root == Path.cwd().resolve()  # the repository is one
    True
    """
    base = Path(start if start is not None else Path.cwd()).expanduser().resolve()
    for folder in (base, *base.parents):
        if (folder / MARKER).is_file():
            return Project.read(folder)
    return None


def current_project(start: PathLike | None = None) -> Project:
    """The project of ``start`` (or of ``$KPITOOLS_PROJECT``), else the installed stand-in.

    The stand-in reads the reference data, notebooks and example parameters installed with
    kpitools and writes reports to ``reports`` in the working directory.

    Examples
    --------
    >>> current_project("/").packaged
    True
    >>> current_project().packaged  # the repository is a project
    False
    """
    project = find_project(start)
    if project is None and (root := os.environ.get(PROJECT_ENV)):
        project = find_project(root)
    if project is not None:
        return project
    data = packaged("data")
    return Project(
        root=packaged(),
        data=data,
        parameters=packaged("parameters"),
        notebooks=None,
        reports=Path.cwd() / "reports",
        units=data / "units.csv",
        catalog=data / "metrics.csv",
        phrases=data / "metric_phrases.csv",
        packaged=True,
    )


def search_folders(start: PathLike | None = None) -> tuple[Path, ...]:
    """The folders a relative path is looked up in from ``start``, nearest first.

    Inside a project: ``start`` and each folder above it up to the project's folder, which
    is always last (a notebook installed elsewhere, run for the project, still finds the
    project's files). Outside a project: ``start`` alone.

    Examples
    --------
    >>> [p.name for p in search_folders("notebooks")] == ["notebooks", Path.cwd().name]
    True
    """
    base = Path(start if start is not None else Path.cwd()).expanduser().resolve()
    project = find_project(base)
    if project is None and (root := os.environ.get(PROJECT_ENV)):
        project = find_project(root)
    if project is None:
        return (base,)
    folders = [base, *base.parents]
    if project.root in folders:
        return tuple(folders[: folders.index(project.root) + 1])
    return (base, project.root)


_TOLD: set[str] = set()


def packaged_fallback(path: PathLike) -> Path | None:
    """The installed copy of ``path`` (``data/units.csv``...), said once on stderr; or None."""
    candidate = packaged(path)
    if not candidate.is_file() or Path(path).is_absolute():
        return None
    if str(path) not in _TOLD:
        _TOLD.add(str(path))
        print(
            f"kpitools: {Path(path).as_posix()}: not in this project; using the copy installed "
            f"with kpitools ({candidate})",
            file=sys.stderr,
        )
    return candidate


def init_project(
    folder: PathLike,
    *,
    notebooks: bool = True,
    lang: str = "vi",
) -> Project:
    """Make a project in ``folder``: its marker, data, example parameters and notebooks.

    ``folder`` is made if missing and must not hold a project already. ``data/`` gets the
    reference data installed with kpitools (unit registry, links, metric catalog, phrase
    book, the real seed figures, the synthetic demo panel, with their README and licences);
    ``parameters/`` one example report of each kind and a ``batch.yaml`` grid; ``notebooks/``
    a copy of the report notebooks to change at will; with ``notebooks=False`` none, and the
    installed notebooks are used. ``lang`` is the project's default language.

    Raises ``ParameterError`` when ``folder`` is a file or already a project.

    Examples
    --------
    >>> import tempfile
    >>> p = init_project(Path(tempfile.mkdtemp()) / "r", notebooks=False, lang="en")
    >>> p.notebooks is None, p.lang, sorted(f.name for f in p.parameters.iterdir())[:2]
    (True, 'en', ['audit-seed.yaml', 'batch.yaml'])
    """
    lang = check_lang(lang)
    root = Path(folder).expanduser().resolve()
    if root.exists() and not root.is_dir():
        raise ParameterError(f"{root}: is a file, not a folder")
    if (root / MARKER).exists():
        raise ParameterError(f"{root}: already a kpitools project ({MARKER} is there)")
    clash = [n for n in ("data", "parameters", "notebooks") if (root / n).exists()]
    if clash:
        raise ParameterError(f"{root}: already has {', '.join(clash)}; choose an empty folder")
    made_root = not root.exists()
    root.mkdir(parents=True, exist_ok=True)
    try:
        _fill(root, notebooks=notebooks)
        text = _TOML.format(lang=lang, notebooks="notebooks" if notebooks else "")
        write_text_atomic(root / MARKER, text)  # last: a project is there only when complete
    except BaseException:
        # a disk that fills up halfway leaves nothing behind, so init can simply be run again
        for name in ("data", "parameters", "notebooks"):
            shutil.rmtree(root / name, ignore_errors=True)
        if made_root:
            shutil.rmtree(root, ignore_errors=True)
        raise
    return Project.read(root)


def _fill(root: Path, *, notebooks: bool) -> None:
    ignore = shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints", "*.pyc")
    shutil.copytree(packaged("data"), root / "data", ignore=ignore)
    (root / "parameters").mkdir()
    for name in EXAMPLES:
        shutil.copyfile(packaged("parameters") / name, root / "parameters" / name)
    (root / "parameters" / "batch.yaml").write_text(_BATCH_EXAMPLE, encoding="utf-8")
    if notebooks:
        (root / "notebooks").mkdir()
        for nb in sorted(packaged("notebooks").glob("*.ipynb")):
            shutil.copyfile(nb, root / "notebooks" / nb.name)
