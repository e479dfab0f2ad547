"""Reading a registry from a CSV file (or the bundled one)."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import polars as pl

from kpitools.errors import DataIssue, KpiDataError
from kpitools.registry.frame import frame_from_records, issue_order, links_or_raise, normalize
from kpitools.registry.units import UnitRegistry


def read_registry(
    path: str | os.PathLike[str], *, links: pl.DataFrame | None = None
) -> UnitRegistry:
    r"""Read a unit registry CSV (UTF-8) into a :class:`UnitRegistry`.

    Every cell is read as text so codes keep their leading zeros; cells are stripped and
    NFC-normalized, and empty cells are null. Columns: ``code``, ``name``, ``level``,
    ``parent`` (required; parent may be empty for a top unit), ``type``, ``valid_from``,
    ``valid_to``, ``note`` (optional); header names are matched ignoring case, other
    columns are kept. ``level`` must be one of :data:`LEVELS` (``ward``, the older word,
    is read as ``commune``); dates are ``YYYY-MM-DD``. A code may be on several rows when
    their periods [valid_from, valid_to] do not overlap: a unit whose parent changed on a
    date, or a code given to a new unit after the old one ceased (the 2025 reform reused
    commune and province codes). ``links`` is a links frame (see
    :meth:`UnitRegistry.with_links`).
    ``note`` is free text: if it is the last column and a row has extra fields because a
    note contains unquoted commas, they are joined back into the note with a warning.

    Raises
    ------
    KpiDataError
        Listing every problem with file, row (header = row 1), column and value: a missing
        required column, an empty code or name, a code on two rows whose periods overlap
        (naming both rows), an unknown level, a parent that is not a code of the file, a
        parent chain that loops, a bad date, valid_from after valid_to, a row of the
        wrong length; a bad links frame.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = Path(tmp) / "units.csv"
    ...     _ = path.write_text("code,name,level,parent\n01,Hà Nội,city,\n017,Đông Anh,"
    ...                         "district,01\n", encoding="utf-8")
    ...     reg = read_registry(path)
    >>> reg.codes(), reg.resolve("Dong Anh")
    (['01', '017'], '017')
    """
    source = os.fspath(path)
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise KpiDataError(
            DataIssue(
                f"not UTF-8 text (bad byte at offset {err.start}); save it as 'CSV UTF-8'",
                file=source,
            )
        ) from None
    try:
        records = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as err:
        raise KpiDataError(DataIssue(f"not a readable CSV file: {err}", file=source)) from None
    frame, row_numbers, issues = frame_from_records(records, source)
    units, more = normalize(frame, source, row_numbers)
    if issues or units is None:
        raise KpiDataError(sorted(issues + more, key=issue_order))
    return UnitRegistry._checked(
        units, links_or_raise(links, "<links>") if links is not None else None
    )
