"""KPIs counted straight from a member-registry export (one row per Party member).

:func:`member_kpis` turns an export — CSV, Parquet or Excel, Vietnamese or English headers
(:data:`MEMBER_COLUMNS`) — into rows of the long table (:data:`kpitools.io.LONG_SCHEMA`):
admissions per unit and year with breakdowns (non-state enterprises, business owners,
upper-secondary students, sex, age band), members at year end (the denominator of coverage
metrics) and departures (deaths, removals, transfers out), for the units of the registry at
the chosen levels and every unit above them. Joined with a targets file, the rows work with
every measure, chart and notebook of kpitools unchanged.

How members are counted
-----------------------
* A member counts in the unit of their row (any level: a basic organization, a district...)
  and in every unit above it, but only in the years when that unit and every unit between
  the two existed (the registry's ``valid_from`` / ``valid_to``): a unit's figure is the sum
  of its parts, and a unit has no figure for a year it did not exist. Events that fall
  outside are counted in :attr:`MemberKpis.unattributed`, never dropped silently.
* ``admissions``: members admitted in the year, up to ``as_of`` in the ``as_of`` year.
  Age bands use completed years at admission (``age_edges`` (30, 45, 60) give under 30,
  30–44, 45–59 and 60 or over); with only a year of birth, admission year − birth year.
* ``members``: admitted on or before the end of the year (or ``as_of``) and not died,
  removed or transferred out by then — the export's status and status date.
* ``deaths``, ``removals``, ``transfers_out``: by the year of the status date.
* **By period**: a year in which a unit of the registry starts or ends on another day than
  1 January is counted in parts (:func:`~kpitools.members.count.period_splits`): 2025,
  with the districts ending on 30 June and the new communes and wards starting on 1 July,
  is counted 1/1–30/6 (rows ``as_of`` 2025-06-30) and 1/7–31/12 (rows with
  ``period_start`` 2025-07-01), each unit over the part it existed and the city once per
  part; the long table then has a ``period_start`` column, as the KPI readers have it.
* A crosswalk (:func:`read_crosswalk`) moves every member to the unit that took theirs over
  by a chosen date, so a series over years compares like with like across merges, splits,
  renames and the 2025 abolition of the district level.
* A **backcast** (``backcast=REFORM_DATE``, with an organization map as the crosswalk)
  counts every member in the new commune-level unit their basic organization belongs to on
  the reference date, and reports only the units in force that day: 2019–2024 re-counted
  in the 126 units of Hà Nội, exactly (never apportioned), every row noted as a backcast.
  An organization of the export that the map does not place stops the count
  (:class:`UnmappedOrganizationsError`: how many, and the first codes) or, with
  ``unmapped="row"``, is counted in an :data:`UNMAPPED` row beside the new units. The map
  comes from the city committee's transfer decisions (see ``docs/members.md``).

Bad rows (:data:`BAD_ROW_KINDS`) are counted per kind and the first rows of each are shown
with their row number; by default they stop the computation (``bad_rows="stop"``), or the
computation goes on without them and says so (``"skip"``). Member ids never appear in a
message, a result or a log: only counts leave the query.

Examples
--------
The examples of this package use these small objects (the doctests have them ready): a
registry with one basic organization, an export of three members, one with an impossible
admission date, and a registry in which two basic organizations became a ward on 1 July
2025, with the crosswalk that says so.

>>> registry = UnitRegistry.from_frame(pl.DataFrame({
...     "code": ["01", "001", "001-C01"], "name": ["Hà Nội", "Ba Đình", "Chi bộ A"],
...     "level": ["city", "district", "basic"], "parent": [None, "01", "001"]}))
>>> export = pl.DataFrame({
...     "Mã đảng viên": ["DV1", "DV2", "DV3"], "Mã tổ chức đảng": ["001-C01"] * 3,
...     "Ngày vào Đảng": ["15/03/2022", "02/09/2023", "31/02/2023"],
...     "Ngày sinh": ["10/05/1990"] * 3})
>>> ward_registry = UnitRegistry.from_frame(pl.DataFrame({
...     "code": ["01", "001", "001-C01", "001-C02", "01-P01"],
...     "name": ["Hà Nội", "Ba Đình", "Chi bộ A", "Chi bộ B", "Phường X"],
...     "level": ["city", "district", "basic", "basic", "ward"],
...     "parent": [None, "01", "001", "001", "01"],
...     "valid_from": [None, None, None, None, "2025-07-01"],
...     "valid_to": [None, "2025-06-30", "2025-06-30", "2025-06-30", None]}))
>>> ward_crosswalk = Crosswalk(pl.DataFrame({
...     "old_code": ["001-C01", "001-C02"], "new_code": ["01-P01", "01-P01"],
...     "effective": [dt.date(2025, 7, 1)] * 2, "change": ["split"] * 2, "note": [None] * 2}))
>>> ward_crosswalk.mapping(at="2025-07-01")
{'001-C01': '01-P01', '001-C02': '01-P01'}
"""

from __future__ import annotations

from kpitools.io.readers import read_targets
from kpitools.members.backcast import REFORM_DATE, UNMAPPED, UnmappedOrganizationsError
from kpitools.members.badrows import BadRows, BadRowsWarning, MemberExportError
from kpitools.members.count import (
    DEFAULT_AGE_EDGES,
    MemberKpis,
    member_kpis,
    member_metrics,
    period_splits,
)
from kpitools.members.crosswalk import Crosswalk, read_crosswalk, structure_registry
from kpitools.members.privacy import suppress_small
from kpitools.members.read import BAD_ROW_KINDS, MEMBER_COLUMNS

__all__ = [
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
]
