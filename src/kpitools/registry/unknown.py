"""The errors of a lookup that finds no unit, or one not in force on the day asked."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from kpitools.errors import KpiToolsError, show_value
from kpitools.registry.frame import Unit


class UnknownUnitError(KpiToolsError, KeyError):
    r"""A unit name or code that the registry cannot resolve to exactly one unit.

    Attributes
    ----------
    name
        The text as given.
    suggestions
        Close or competing units as ``"code name"`` strings.
    ambiguous
        True when the text matches several units equally well.
    hint
        What would tell the units apart (ambiguous only); by default diacritics or the code.

    Examples
    --------
    >>> print(UnknownUnitError("Dong Anhh", ["017 Đông Anh"]))
    unknown unit 'Dong Anhh'; did you mean 017 Đông Anh?
    >>> print(UnknownUnitError("a\nb"))
    unknown unit 'a\nb'
    """

    # named where users import it from (kpitools.registry): tracebacks and pickles
    __module__ = "kpitools.registry"

    def __init__(
        self,
        name: str,
        suggestions: Iterable[str] = (),
        *,
        ambiguous: bool = False,
        hint: str | None = None,
    ) -> None:
        self.name = name
        self.suggestions = list(suggestions)
        self.ambiguous = ambiguous
        self.hint = hint
        super().__init__(name, self.suggestions)

    def __str__(self) -> str:
        shown = show_value(self.name)
        if self.ambiguous:
            hint = self.hint or "write the name with its diacritics or use the code"
            return f"ambiguous unit {shown}: it matches {' and '.join(self.suggestions)}; {hint}"
        if self.suggestions:
            *head, last = self.suggestions
            options = f"{', '.join(head)} or {last}" if head else last
            return f"unknown unit {shown}; did you mean {options}?"
        return f"unknown unit {shown}"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_unknown, (self.name, self.suggestions, self.ambiguous, self.hint))


def _rebuild_unknown(
    name: str, suggestions: list[str], ambiguous: bool, hint: str | None = None
) -> UnknownUnitError:
    return UnknownUnitError(name, suggestions, ambiguous=ambiguous, hint=hint)


class UnitNotInForceError(UnknownUnitError):
    """A unit looked up on a day when it did not exist: it had ceased, or not yet begun.

    A :class:`UnknownUnitError` (so code that catches those catches these), whose message
    says when and, with links, where the area went: "017 Đông Anh ceased on 2025-06-30;
    its area is now in …".

    Attributes
    ----------
    code
        The unit's code (None when the text named several units, none in force).
    at
        The day asked about.
    detail
        The message without the code and name ("ceased on 2025-06-30; …").
    unit
        The row the message speaks of (the last before ``at``, else the first after).
    successors
        The codes the unit's area went to, by the registry's links.

    Examples
    --------
    >>> err = UnitNotInForceError("017", "017 Đông Anh ceased on 2025-06-30", code="017")
    >>> print(err), isinstance(err, UnknownUnitError)
    017 Đông Anh ceased on 2025-06-30
    (None, True)
    """

    __module__ = "kpitools.registry"

    def __init__(
        self,
        name: str,
        message: str,
        *,
        code: str | None = None,
        at: date | None = None,
        detail: str | None = None,
        successors: Iterable[str] = (),
        unit: Unit | None = None,
    ) -> None:
        super().__init__(name, successors)
        self.message = message
        self.code = code
        self.unit = unit
        self.at = at
        self.detail = detail if detail is not None else message
        self.successors = list(successors)

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _rebuild_not_in_force,
            (self.name, self.message, self.code, self.at, self.detail, self.successors, self.unit),
        )


def _rebuild_not_in_force(
    name: str,
    message: str,
    code: str | None,
    at: date | None,
    detail: str,
    successors: list[str],
    unit: Unit | None = None,
) -> UnitNotInForceError:
    return UnitNotInForceError(
        name, message, code=code, at=at, detail=detail, successors=successors, unit=unit
    )
