"""A dataset: the long table with its registry and catalog, found and loaded once."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import os
import pickle
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from kpitools._atomic import atomic_path
from kpitools._typing import PathLike
from kpitools.catalog import MetricCatalog, read_catalog
from kpitools.errors import DataIssue
from kpitools.io.readers import Layout, read_entries
from kpitools.registry import UnitRegistry, read_registry


@dataclass(frozen=True)
class Dataset:
    """The long table together with the registry and catalog it was checked against.

    ``notes`` say how the files were read without failing (a year taken from a form's
    title, text converted from a legacy encoding, a unit name matched without its
    diacritics...; see :func:`kpitools.io.readers.read_kpi_file_with_notes`): a notebook
    may show them.

    Examples
    --------
    >>> ds = load_dataset(["data/demo_panel.csv"], units="data/units.csv",
    ...                   catalog="data/metrics.csv")
    >>> ds.kpis.height, ds.synthetic, [f.name for f in ds.files]
    (2395, True, ['demo_panel.csv'])
    >>> ds.replace(ds.kpis.head(3)).kpis.height
    3
    """

    kpis: pl.DataFrame
    registry: UnitRegistry
    catalog: MetricCatalog
    files: tuple[Path, ...] = ()
    notes: tuple[DataIssue, ...] = ()

    @property
    def synthetic(self) -> bool:
        """Whether any row is invented data (``source == "synthetic"``)."""
        return bool((self.kpis["source"] == "synthetic").any())

    def replace(self, kpis: pl.DataFrame) -> Dataset:
        """A copy of this dataset with other rows."""
        return Dataset(kpis, self.registry, self.catalog, self.files, self.notes)


def find_path(path: PathLike, *, start: PathLike | None = None) -> Path:
    """Find a relative path from ``start`` (default: the working directory) up to its project.

    Notebooks run from the project's folder (papermill, ``kpitools run``) and from
    ``notebooks/`` (JupyterLab); looking upwards lets ``data/units.csv`` work in both. The
    search stops at the project's folder (the one with ``kpitools.toml``, see
    :mod:`kpitools.project`); outside a project only ``start`` is searched. A file found in
    neither that kpitools installs (``data/units.csv``, ``data/metrics.csv``...) is taken from
    its installed copy, and kpitools says so on stderr. Absolute paths are returned as they
    are.

    Examples
    --------
    >>> find_path("data/units.csv") == Path("data/units.csv").resolve()  # from the root
    True
    >>> find_path("data/units.csv", start="notebooks") == find_path("data/units.csv")
    True
    """
    from kpitools.project import packaged_fallback, search_folders

    p = Path(path).expanduser()
    if p.is_absolute():
        return p
    folders = search_folders(start)
    for folder in folders:
        if (folder / p).exists():
            return folder / p
    installed = packaged_fallback(p)
    if installed is not None:
        return installed
    where = (
        f"{folders[0]} or any folder above it up to the project's {folders[-1]}"
        if len(folders) > 1
        else f"{folders[0]} (not in a kpitools project: no kpitools.toml there or above)"
    )
    raise FileNotFoundError(f"{str(p)!r} not found in {where}")


#: The read options a data entry may give (those of :func:`read_kpi_file`).
READ_OPTIONS = ("layout", "year", "as_of", "source", "sheet", "decimal", "period_start")

#: A data file: its path, or a mapping with its ``path`` and its own read options.
DataEntry = PathLike | Mapping[str, Any]


def load_dataset(
    data: DataEntry | Sequence[DataEntry],
    *,
    units: PathLike,
    catalog: PathLike,
    links: PathLike | pl.DataFrame | bool | None = None,
    layout: Layout = "auto",
    year: int | None = None,
    as_of: dt.date | str | None = None,
    source: str | None = None,
    sheet: str | int | None = None,
    decimal: str | None = None,
    period_start: dt.date | str | None = None,
) -> Dataset:
    """Read the unit registry (``units``), the metric catalog (``catalog``) and the KPI files.

    ``links`` are the links between old and new units (a file that
    ``kpitools.links.read_links`` reads, or its frame) given to the registry, so that a row
    for a unit that had ceased names where its area went; by default ``links.csv`` beside
    ``units`` when there is one, ``False`` for none.

    Relative paths are looked up with :func:`find_path`; the other options are those of
    :func:`read_kpi_file`, for every file. An entry of ``data`` may also be a mapping with
    the file's ``path`` and its own options, which win over those given here, as a
    parameter file writes it: ``{"path": "bieu-01.xlsx", "sheet": "Biểu 01", "year": 2023}``
    (or ``"period_start": "01/07/2025"`` for a form of the second half of 2025).

    Examples
    --------
    >>> ds = load_dataset(["data/hanoi_2023_seed.csv"], units="data/units.csv",
    ...                   catalog="data/metrics.csv")
    >>> ds.kpis.filter(pl.col("metric") == "party_orgs_nonstate").select("actual", "target").row(0)
    (109.0, 69.0)
    >>> ds = load_dataset([{"path": "data/hanoi_2023_seed.csv", "layout": "long"}],
    ...                   units="data/units.csv", catalog="data/metrics.csv")
    >>> ds.kpis.height, ds.notes
    (11, ())
    """
    given = {"layout": layout, "year": year, "as_of": as_of, "source": source,
             "sheet": sheet, "decimal": decimal, "period_start": period_start}  # fmt: skip
    entries = [_entry(e, given) for e in _entry_list(data)]
    paths = (find_path(units), find_path(catalog), *(path for path, _ in entries))
    links_path = _links_path(links, paths[0])
    # A batch worker loads the same files for report after report: keep the last few
    # datasets, keyed by the files' identity (path, size, modification time) and the
    # options of each.
    files = (*paths, *([links_path] if links_path is not None else []))
    stats = tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in files)
    key: tuple[object, ...] = (stats, repr([options for _, options in entries]))
    if isinstance(links, pl.DataFrame):
        key = (*key, id(links))
    if (hit := _LOADED.get(key)) is not None and not isinstance(links, pl.DataFrame):
        return hit.replace(hit.kpis.clone())
    shared = None if isinstance(links, pl.DataFrame) else _shared_path(key)
    with _reading(shared):  # one process of a run reads; the others wait and load its copy
        if shared is not None and (hit := _read_shared(shared)) is not None:
            _LOADED[key] = hit
            return hit.replace(hit.kpis.clone())
        registry = read_registry(paths[0], links=_links_frame(links, links_path))
        metric_catalog = read_catalog(paths[1])
        kpis, notes = read_entries(entries, registry=registry, catalog=metric_catalog)
        dataset = Dataset(kpis, registry, metric_catalog, paths[2:], notes)
        _LOADED[key] = dataset
        if shared is not None:
            _write_shared(shared, dataset)
    while len(_LOADED) > 8:
        _LOADED.pop(next(iter(_LOADED)))
    return dataset.replace(kpis.clone())


#: A folder where datasets read by one process are kept for the next ones. ``kpitools run``
#: sets it, for the run only, to a private temporary folder: each report runs in a fresh
#: kernel, and the reports of a run read the same files again and again. Files are keyed by
#: the files' identity (path, size, modification time), the read options and kpitools' own
#: code, and only ever read from the folder the run made.
SHARED_CACHE_ENV = "KPITOOLS_DATASET_CACHE"


@functools.cache
def code_digest() -> str:
    """What a cached dataset depends on besides its files: kpitools' code and polars."""
    root = Path(__file__).resolve().parent.parent
    stats = sorted(
        (str(p.relative_to(root)), p.stat().st_size, p.stat().st_mtime_ns)
        for p in root.rglob("*.py")
    )
    return hashlib.sha256(repr((stats, pl.__version__)).encode()).hexdigest()


def _shared_path(key: tuple[object, ...]) -> Path | None:
    folder = os.environ.get(SHARED_CACHE_ENV, "")
    if not folder or not Path(folder).is_dir():
        return None
    digest = hashlib.sha256(repr((key, code_digest())).encode()).hexdigest()
    return Path(folder) / f"{digest}.pickle"


@contextlib.contextmanager
def _reading(path: Path | None) -> Iterator[None]:
    """Within: this process alone reads the dataset kept at ``path`` (None: no lock).

    The first kernels of a run start together and would each read the same files (~0.2 s
    of CPU each for the bundled data); with an exclusive lock on ``<path>.lock`` the first
    reads and keeps its copy while the others wait, then load that copy. The system drops
    the lock of a process that dies; where ``fcntl`` is missing (Windows) nothing waits.
    """
    try:
        import fcntl
    except ImportError:
        fcntl = None  # type: ignore[assignment]
    if path is None or fcntl is None:
        yield
        return
    try:
        handle = open(path.with_suffix(".lock"), "a")  # noqa: SIM115 (held for the block)
    except OSError:  # a folder that cannot be written: each process reads for itself
        yield
        return
    with handle:
        with contextlib.suppress(OSError):
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def _read_shared(path: Path) -> Dataset | None:
    """The dataset another process of this run read, or None (absent or unreadable)."""
    try:
        with path.open("rb") as f:
            found = pickle.load(f)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
        return None
    return found if isinstance(found, Dataset) else None


def _write_shared(path: Path, dataset: Dataset) -> None:
    """Keep the dataset for the run's next processes; a cache that cannot be written is none."""
    try:
        with atomic_path(path) as tmp:
            tmp.write_bytes(pickle.dumps(dataset, protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        return


def _links_path(links: PathLike | pl.DataFrame | bool | None, units: Path) -> Path | None:
    """The links file to read: the one given, else ``links.csv`` beside the registry."""
    if links is None or links is True:
        beside = units.with_name("links.csv")
        return beside if beside.is_file() else None
    if links is False or isinstance(links, pl.DataFrame):
        return None
    return find_path(links)


def _links_frame(links: object, path: Path | None) -> pl.DataFrame | None:
    if isinstance(links, pl.DataFrame):
        return links
    if path is None:
        return None
    from kpitools.links import read_links  # the links' reader (checks and parses them)

    return read_links(path).frame


def _entry_list(data: DataEntry | Sequence[DataEntry]) -> list[DataEntry]:
    if isinstance(data, str | os.PathLike | Mapping):
        return [data]
    return list(data)


def _entry(entry: DataEntry, given: dict[str, Any]) -> tuple[Path, dict[str, Any]]:
    """A data entry as (found path, its read options)."""
    if not isinstance(entry, Mapping):
        return find_path(entry), dict(given)
    unknown = sorted(set(entry) - {"path", *READ_OPTIONS})
    if "path" not in entry or unknown:
        what = f"unknown keys {', '.join(map(repr, unknown))}" if unknown else "no 'path'"
        raise ValueError(
            f"a data entry has {what}; it takes 'path' and any of {', '.join(READ_OPTIONS)}"
        )
    return find_path(entry["path"]), {**given, **{k: entry[k] for k in READ_OPTIONS if k in entry}}


_LOADED: dict[tuple[object, ...], Dataset] = {}
