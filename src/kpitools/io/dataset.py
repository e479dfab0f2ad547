"""A dataset: the long table with its registry and catalog, found and loaded once."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from kpitools._typing import PathLike
from kpitools.catalog import MetricCatalog, read_catalog
from kpitools.io.readers import Layout, read_kpis
from kpitools.registry import UnitRegistry, read_registry


@dataclass(frozen=True)
class Dataset:
    """The long table together with the registry and catalog it was checked against.

    Examples
    --------
    >>> ds = load_dataset(["data/demo_panel.csv"], units="data/units.csv",
    ...                   catalog="data/metrics.csv")
    >>> ds.kpis.height, ds.synthetic, [f.name for f in ds.files]
    (930, True, ['demo_panel.csv'])
    >>> ds.replace(ds.kpis.head(3)).kpis.height
    3
    """

    kpis: pl.DataFrame
    registry: UnitRegistry
    catalog: MetricCatalog
    files: tuple[Path, ...] = ()

    @property
    def synthetic(self) -> bool:
        """Whether any row is invented data (``source == "synthetic"``)."""
        return bool((self.kpis["source"] == "synthetic").any())

    def replace(self, kpis: pl.DataFrame) -> Dataset:
        """A copy of this dataset with other rows."""
        return Dataset(kpis, self.registry, self.catalog, self.files)


def find_path(path: PathLike, *, start: PathLike | None = None) -> Path:
    """Find a relative path from ``start`` (default: the working directory) or its parents.

    Notebooks run from the repository root (papermill, ``kpitools run``) and from
    ``notebooks/`` (JupyterLab); looking upwards lets ``data/units.csv`` work in both.
    Absolute paths are returned as they are.

    Examples
    --------
    >>> find_path("data/units.csv") == Path("data/units.csv").resolve()  # from the root
    True
    >>> find_path("data/units.csv", start="notebooks") == find_path("data/units.csv")
    True
    """
    p = Path(path).expanduser()
    if p.is_absolute():
        return p
    base = Path(start or Path.cwd()).resolve()
    for folder in (base, *base.parents):
        if (folder / p).exists():
            return folder / p
    raise FileNotFoundError(f"{str(p)!r} not found in {base} or any folder above it")


def load_dataset(
    data: PathLike | Sequence[PathLike],
    *,
    units: PathLike,
    catalog: PathLike,
    layout: Layout = "auto",
    year: int | None = None,
    as_of: dt.date | str | None = None,
    source: str | None = None,
    sheet: str | int | None = None,
    decimal: str | None = None,
) -> Dataset:
    """Read the unit registry (``units``), the metric catalog (``catalog``) and the KPI files.

    Relative paths are looked up with :func:`find_path`; the other options are those of
    :func:`read_kpi_file`, for every file.

    Examples
    --------
    >>> ds = load_dataset(["data/hanoi_2023_seed.csv"], units="data/units.csv",
    ...                   catalog="data/metrics.csv")
    >>> ds.kpis.filter(pl.col("metric") == "party_orgs_nonstate").select("actual", "target").row(0)
    (109.0, 69.0)
    """
    files = [data] if isinstance(data, str | os.PathLike) else list(data)
    paths = (find_path(units), find_path(catalog), *(find_path(f) for f in files))
    # A batch worker loads the same files for report after report: keep the last few
    # datasets, keyed by the files' identity (path, size, modification time) and options.
    options = {"layout": layout, "year": year, "as_of": as_of, "source": source,
               "sheet": sheet, "decimal": decimal}  # fmt: skip
    key = (tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in paths), repr(options))
    if (hit := _LOADED.get(key)) is not None:
        return hit.replace(hit.kpis.clone())
    registry = read_registry(paths[0])
    metric_catalog = read_catalog(paths[1])
    kpis = read_kpis(
        paths[2:], registry=registry, catalog=metric_catalog, layout=layout, year=year,
        as_of=as_of, source=source, sheet=sheet, decimal=decimal,
    )  # fmt: skip
    dataset = Dataset(kpis, registry, metric_catalog, paths[2:])
    _LOADED[key] = dataset
    while len(_LOADED) > 8:
        _LOADED.pop(next(iter(_LOADED)))
    return dataset.replace(kpis.clone())


_LOADED: dict[tuple[object, ...], Dataset] = {}
