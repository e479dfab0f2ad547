"""The unit registry: codes, names, levels, parents and dates of the units reported on."""

from __future__ import annotations

from kpitools.registry.frame import LEVEL_ALIASES, LEVELS, LINK_COLUMNS, TYPES, Unit
from kpitools.registry.frame import REQUIRED_COLUMNS as REQUIRED_COLUMNS
from kpitools.registry.read import read_registry
from kpitools.registry.units import UnitRegistry, lifetime_years
from kpitools.registry.unknown import UnitNotInForceError, UnknownUnitError

__all__ = [
    "LEVELS",
    "LEVEL_ALIASES",
    "LINK_COLUMNS",
    "TYPES",
    "Unit",
    "UnitNotInForceError",
    "UnitRegistry",
    "UnknownUnitError",
    "lifetime_years",
    "read_registry",
]
