"""Errors: one base (:class:`KpiToolsError`) and problems that name the exact cell of an input."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

_MAX_VALUE_CHARS = 60
_MAX_LISTED = 50


def show_value(value: object) -> str:
    r"""Quote a user value for an error message: repr-escaped and shortened.

    Control characters and markup are escaped by ``repr`` so a hostile cell cannot
    forge extra message lines.

    Examples
    --------
    >>> show_value("Đông Anh")
    "'Đông Anh'"
    >>> show_value("a\nb")
    "'a\\nb'"
    """
    text = repr(value)
    if len(text) > _MAX_VALUE_CHARS:
        text = text[: _MAX_VALUE_CHARS - 1] + "…"
    return text


@dataclass(frozen=True)
class DataIssue:
    """One problem in one place of an input file.

    ``row`` is the row number a person sees in a spreadsheet or editor (the header row
    of a CSV is row 1), ``None`` when the problem concerns the whole file or a column.

    Examples
    --------
    >>> print(DataIssue("negative count", file="a.csv", row=3, column="actual", value="-5"))
    a.csv, row 3, column 'actual': negative count (value '-5')
    >>> print(DataIssue("missing required column", file="m.csv", column="kind"))
    m.csv, column 'kind': missing required column
    """

    message: str
    file: str | None = None
    row: int | None = None
    column: str | None = None
    value: object = None

    def __str__(self) -> str:
        where = self.file or "<data>"
        if self.row is not None:
            where += f", row {self.row}"
        if self.column is not None:
            where += f", column {self.column!r}"
        text = f"{where}: {self.message}"
        if self.value is not None:
            text += f" (value {show_value(self.value)})"
        return text


class KpiToolsError(Exception):
    """The base of every error kpitools raises on purpose: catch this one to catch them all.

    Each error also derives from the built-in it refines (``ValueError``, ``KeyError``), so
    code written against those keeps working.

    Examples
    --------
    >>> issubclass(KpiDataError, KpiToolsError) and issubclass(ParameterError, ValueError)
    True
    """


class KpiDataError(KpiToolsError, ValueError):
    """Raised when input data cannot be used; lists every problem found.

    Examples
    --------
    >>> err = KpiDataError([DataIssue("negative count", file="a.csv", row=3, column="actual",
    ...                              value="-5")])
    >>> print(err)
    1 problem in the input:
      a.csv, row 3, column 'actual': negative count (value '-5')
    """

    def __init__(self, issues: Iterable[DataIssue] | DataIssue):
        if isinstance(issues, DataIssue):
            issues = [issues]
        self.issues: tuple[DataIssue, ...] = tuple(issues)
        super().__init__(self._render())

    def _render(self) -> str:
        n = len(self.issues)
        lines = [f"{n} problem{'s' if n != 1 else ''} in the input:"]
        lines += [f"  {issue}" for issue in self.issues[:_MAX_LISTED]]
        if n > _MAX_LISTED:
            lines.append(f"  … and {n - _MAX_LISTED} more")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self._render()


class ParameterError(KpiToolsError, ValueError):
    """Raised when a notebook or report parameter is wrong; the message says how to fix it.

    Examples
    --------
    >>> check_year(pl.DataFrame({"year": [2022, 2023]}), 2030)
    Traceback (most recent call last):
        ...
    kpitools.errors.ParameterError: year 2030 has no data; years with data: 2022–2023
    """
