"""The version of kpitools, read once from the installed package's metadata.

``pyproject.toml`` is the one place the version is written; nothing imports the package's
``__init__`` for it.
"""

from __future__ import annotations

import functools


@functools.cache
def version() -> str:
    """The installed distribution's version (``"0+unknown"`` when run from an uninstalled tree).

    Examples
    --------
    >>> version().count(".") >= 1
    True
    """
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as distribution_version

    try:
        return distribution_version("kpitools")
    except PackageNotFoundError:  # pragma: no cover - a source tree on sys.path, not installed
        return "0+unknown"
