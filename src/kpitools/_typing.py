"""Type aliases shared across kpitools."""

from __future__ import annotations

import os

#: A path given as text or as a path object.
PathLike = str | os.PathLike[str]
