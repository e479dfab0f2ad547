"""Bad rows of a member export: counted by kind, with the first row numbers."""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from kpitools.errors import DataIssue, KpiDataError
from kpitools.members import read
from kpitools.members.read import BAD_ROW_KINDS

_EXAMPLES = 5  # rows listed per kind of bad row


@dataclass(frozen=True)
class BadRows:
    """The rows of an export that cannot be used: how many of each kind, and the first ones.

    ``examples`` holds, per kind, :class:`~kpitools.errors.DataIssue` objects naming the
    file, the row number (header = row 1) and the column; member ids are never shown.

    Examples
    --------
    With the example registry and export of :mod:`kpitools.members`:

    >>> try:
    ...     kt.members.member_kpis(export, registry=registry, exported="2024-12-31")
    ... except MemberExportError as exc:
    ...     report = exc.report
    >>> report.rows, report.total, report.kinds()
    (3, 1, {'unreadable_admission_date': 1})
    """

    file: str
    rows: int  # rows read
    counts: dict[str, int] = field(default_factory=dict)
    examples: dict[str, tuple[DataIssue, ...]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """Rows with at least one problem (a row may have several kinds)."""
        return self.counts.get("_rows", 0)

    def __bool__(self) -> bool:
        return self.total > 0

    def kinds(self) -> dict[str, int]:
        """Rows per kind, in the order of :data:`BAD_ROW_KINDS`."""
        return {k: self.counts[k] for k in BAD_ROW_KINDS if self.counts.get(k)}

    def issues(self) -> list[DataIssue]:
        """The example problems, kind by kind."""
        return [issue for kind in self.kinds() for issue in self.examples.get(kind, ())]

    def __str__(self) -> str:
        if not self:
            return f"{self.file}: no bad rows in {self.rows:,} rows"
        kinds = ", ".join(f"{n:,} {kind}" for kind, n in self.kinds().items())
        lines = [f"{self.file}: {self.total:,} of {self.rows:,} rows cannot be used ({kinds})"]
        for kind, n in self.kinds().items():
            shown = self.examples.get(kind, ())
            lines.append(f"  {kind} — {BAD_ROW_KINDS[kind]}: {n:,} rows; first {len(shown)}:")
            lines += [f"    {issue}" for issue in shown]
        return "\n".join(lines)


class MemberExportError(KpiDataError):
    """Raised when an export has bad rows and ``bad_rows="stop"``; ``report`` says which.

    Examples
    --------
    With the example registry and export of :mod:`kpitools.members`:

    >>> try:
    ...     kt.members.member_kpis(export, registry=registry, exported="2024-12-31")
    ... except MemberExportError as exc:
    ...     print(exc.report.issues()[0])
    <frame>, row 4, column 'Ngày vào Đảng': the admission date cannot be read (value '31/02/2023')
    """

    def __init__(self, report: BadRows):
        self.report = report
        super().__init__(report.issues())

    def explain(self, skip: str = "bad_rows='skip'") -> str:
        """The report and what to do, with ``skip`` the way to count without the bad rows.

        The message of the error says ``bad_rows='skip'`` (the argument of
        :func:`~kpitools.members.member_kpis`); the command line says ``--skip-bad-rows``.
        """
        return (
            f"{self.report}\nFix these rows, or pass {skip} to count without them (they are "
            "then reported, not used)."
        )

    def _render(self) -> str:
        return self.explain()


class BadRowsWarning(UserWarning):
    """Warned when an export's bad rows are skipped (``bad_rows="skip"``); says which.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     out = kt.members.member_kpis(export, registry=registry, exported="2024-12-31",
    ...                                  bad_rows="skip")
    >>> [w.category.__name__ for w in caught], out.bad_rows.total
    (['BadRowsWarning'], 1)
    """


# Which column a kind is about, to name it in messages (never the member id's value).
_KIND_COLUMN = {
    "missing_id": "member_id",
    "duplicate_id": "member_id",
    "missing_unit": "unit_code",
    "unknown_unit": "unit_code",
    "unmapped_unit": "unit_code",
    "missing_admission_date": "admission_date",
    "unreadable_admission_date": "admission_date",
    "future_admission": "admission_date",
    "admission_before_1930": "admission_date",
    "missing_birth": "birth_date",
    "unreadable_birth": "birth_date",
    "implausible_age": "birth_date",
    "bad_sex": "sex",
    "bad_flag": None,
    "bad_status": "status",
    "status_without_date": "status_date",
    "unreadable_status_date": "status_date",
    "status_before_admission": "status_date",
    "future_status": "status_date",
}


def flag_bit(bit: int) -> pl.Expr:
    """True for the counted keys (``key`` of :func:`read.count_keys`) that have ``bit`` set."""
    return (pl.col("key") // pl.lit(bit, pl.UInt64)) % 2 == 1


def report_bad_rows(
    src: read.Source, counts: pl.DataFrame, flagged: pl.DataFrame | None
) -> BadRows:
    """The :class:`BadRows` of an export from its key counts and its flagged rows."""
    # Every row gives one admission key (counted, after as_of, or bad): that is the row count.
    rows = int(counts.filter(~flag_bit(read.EXIT))["n"].sum() or 0)
    if flagged is None or flagged.is_empty():
        return BadRows(src.name, rows)
    by_kind: dict[str, int] = {}
    for mask, n in flagged.group_by("mask").len().iter_rows():
        for kind in read.kinds_of(int(mask)):
            by_kind[kind] = by_kind.get(kind, 0) + int(n)
    by_kind["_rows"] = flagged.height
    shown: dict[str, tuple[DataIssue, ...]] = {}
    for kind, found in read.bad_examples(src, flagged, per_kind=_EXAMPLES).items():
        column = _KIND_COLUMN[kind]
        if column == "birth_date" and "birth_date" not in src.columns:
            column = "birth_year"
        issues = []
        for row, cells in found:
            value = None if column in (None, "member_id") else cells.get(column)
            where = None if column is None else src.columns.get(column, column)
            issues.append(
                DataIssue(BAD_ROW_KINDS[kind], file=src.name, row=row, column=where, value=value)
            )
        shown[kind] = tuple(issues)
    return BadRows(src.name, rows, by_kind, shown)
