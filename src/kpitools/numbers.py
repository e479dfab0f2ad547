"""Read and write numbers as Vietnamese reports print them, exactly.

Reports mix conventions: ``10.479`` is ten thousand four hundred seventy-nine, ``188,1%``
has a decimal comma and ``106.82%`` a decimal point. Everything here works in
:class:`~decimal.Decimal` and :class:`~fractions.Fraction`, never in float, so a stated
figure can be checked to the last digit.

How a text is read when ``decimal`` is not given (Vietnamese first):

1. Both ``.`` and ``,`` present: the one that occurs last is the decimal separator and
   the other groups thousands, so ``1.234,5`` and ``1,234.5`` are both 1234.5.
2. One of them occurring more than once groups thousands: ``1.234.567``, ``1,234,567``.
3. A single ``,`` is a decimal comma: ``188,1`` is 188.1 and ``1,234`` is 1.234.
4. A single ``.`` followed by exactly 3 digits groups thousands (``10.479`` is 10479),
   unless the integer part is ``0`` or empty (``0.125`` is 0.125); followed by any other
   number of digits it is a decimal point (``106.82``, ``2.5``).

Spaces (also no-break, narrow no-break and thin spaces) only group thousands; in a number
grouped by spaces a ``.`` or ``,`` is the decimal separator. Groups are always checked:
the first has 1–3 digits, every other exactly 3, and a number uses one kind of grouping.
Pass ``decimal=","`` or ``decimal="."`` to fix the decimal separator for a whole source;
the other character then groups thousands.

A number may carry a sign (``+``, ``-`` or ``−``, maybe followed by a space) and a
magnitude word: ``nghìn`` or ``ngàn`` (thousand), ``triệu`` (million), ``tỷ`` or ``tỉ``
(billion), in any letter case, composed or decomposed: ``2,5 triệu`` is 2500000.
Rounding is half up, i.e. ties away from zero, as in Excel's ``ROUND``.

Examples
--------
>>> parse_number("10.479"), parse_number("188,1"), parse_number("106.82")
(Decimal('10479'), Decimal('188.1'), Decimal('106.82'))
>>> check_percent("188,1%", 852, 453).consistent
True
>>> format_number(46148)
'46.148'
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import Context, Decimal
from fractions import Fraction
from typing import NamedTuple

from kpitools.errors import KpiToolsError, show_value

__all__ = [
    "MISSING",
    "Consistency",
    "NumberFormatError",
    "Percent",
    "check_percent",
    "format_number",
    "format_percent",
    "parse_number",
    "parse_pair",
    "parse_percent",
    "percent_of",
    "round_half_up",
    "try_parse_number",
]

MISSING = "–"
"""What ``format_number`` and ``format_percent`` show for a missing value (an en dash)."""

_SPACES = "\u00a0\u2009\u202f"  # read as a plain space
_TO_SPACE = str.maketrans(dict.fromkeys(_SPACES, " "))
_STRAY = re.compile(r"[^0-9., ]")
_GROUP = re.compile(r"[., ]")
_DIGITS = re.compile(r"[0-9]+")
_WORD = re.compile(r"\s*(nghìn|ngàn|triệu|tỷ|tỉ)\Z", re.IGNORECASE)
_POWERS = {"nghìn": 3, "ngàn": 3, "triệu": 6, "tỷ": 9, "tỉ": 9}
_SEPARATORS = {"vi": (".", ","), "en": (",", ".")}  # (thousands, decimal)
_CONTEXT = Context(prec=50)


class NumberFormatError(KpiToolsError, ValueError):
    """Raised when a text is not a number; the message quotes the text and says why.

    Examples
    --------
    >>> try:
    ...     parse_number("1.23.4")
    ... except NumberFormatError as err:
    ...     print(err)
    cannot read '1.23.4' as a number: groups of thousands must have 3 digits
    """

    def __init__(self, text: object, reason: str, *, what: str = "a number") -> None:
        self.text = text
        self.reason = reason
        super().__init__(f"cannot read {show_value(text)} as {what}: {reason}")


class _Invalid(Exception):
    """Why a text is not a number; the public functions add the text itself."""


def _check_decimal(decimal: str | None) -> None:
    if decimal not in (None, ",", "."):
        raise ValueError(f"decimal must be ',', '.' or None, not {decimal!r}")


def _decimal_mark(text: str, decimal: str | None) -> str | None:
    """Which character of ``text`` (digits, ``.``, ``,`` and spaces) is the decimal one."""
    if decimal is not None:
        return decimal if decimal in text else None
    marks = [c for c in text if c in ".,"]
    if len(set(marks)) == 2 or marks == [","]:
        return marks[-1]
    if marks != ["."]:
        return None  # no mark, or one kind repeated: thousands
    whole, _, fraction = text.partition(".")
    thousands = len(fraction) == 3 and whole.strip("0") != "" and " " not in text
    return None if thousands else "."


def _read(text: str, decimal: str | None, *, words: bool = True) -> tuple[Decimal, int]:
    """Return the value of ``text`` and how many digits follow its decimal separator."""
    s = unicodedata.normalize("NFC", text).strip().translate(_TO_SPACE)
    if not s:
        raise _Invalid("the text is empty")
    sign = "-" if s[0] in "-\u2212" else ""
    if s[0] in "+-\u2212":
        s = s[1:].lstrip()
    power = 0
    if words and (word := _WORD.search(s)):
        power = _POWERS[word.group(1).lower()]
        s = s[: word.start()]
    if stray := _STRAY.search(s):
        raise _Invalid(f"unexpected character {stray.group()!r}")
    if not any(c.isdigit() for c in s):
        raise _Invalid("there are no digits")
    mark = _decimal_mark(s, decimal)
    whole, _, fraction = s.partition(mark) if mark else (s, "", "")
    if mark and not _DIGITS.fullmatch(fraction):
        raise _Invalid(f"only digits may follow the decimal separator {mark!r}")
    if len(set(_GROUP.findall(whole))) > 1:
        raise _Invalid("thousands are grouped with different separators")
    groups = _GROUP.split(whole)
    if len(groups) > 1 and not (1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])):
        raise _Invalid("groups of thousands must have 3 digits")
    digits = "".join(groups) + fraction
    exponent = power - len(fraction)
    # Padding with zeros keeps "2,5 triệu" as Decimal('2500000'), not Decimal('2.5E+6').
    number = sign + digits + "0" * exponent if exponent >= 0 else f"{sign}{digits}E{exponent}"
    return Decimal(number), len(fraction)


def parse_number(text: str | int | float | Decimal, *, decimal: str | None = None) -> Decimal:
    """Read a number as written in a report, exactly.

    Parameters
    ----------
    text
        The number as text (see the module docstring for the separator rules), or an
        ``int``, ``float`` (read through ``str``, so ``0.1`` is ``Decimal('0.1')``) or
        ``Decimal``.
    decimal
        ``","`` or ``"."`` to fix the decimal separator; ``None`` applies the rules.

    Raises
    ------
    NumberFormatError
        For text that is not one number, for ``bool``, NaN and infinities.

    Examples
    --------
    >>> parse_number("1.234,5"), parse_number("1,234.5"), parse_number("0.125")
    (Decimal('1234.5'), Decimal('1234.5'), Decimal('0.125'))
    >>> parse_number("2,5 triệu"), parse_number("−1 234")
    (Decimal('2500000'), Decimal('-1234'))
    >>> parse_number("1.234", decimal=".")
    Decimal('1.234')
    """
    _check_decimal(decimal)
    if isinstance(text, str):
        try:
            return _read(text, decimal)[0]
        except _Invalid as err:
            raise NumberFormatError(text, str(err)) from None
    if isinstance(text, bool) or not isinstance(text, int | float | Decimal):
        raise NumberFormatError(text, f"expected text or a number, not {type(text).__name__}")
    value = Decimal(str(text)) if isinstance(text, float) else Decimal(text)
    if not value.is_finite():
        raise NumberFormatError(text, "the number is not finite")
    return value


def try_parse_number(
    text: str | int | float | Decimal | None, *, decimal: str | None = None
) -> Decimal | None:
    """Like :func:`parse_number`, but return ``None`` for anything it cannot read.

    Examples
    --------
    >>> try_parse_number("12,34,5") is None, try_parse_number("12,5")
    (True, Decimal('12.5'))
    """
    _check_decimal(decimal)  # a wrong ``decimal`` is a bug in the caller, not in the data
    try:
        return parse_number(text, decimal=decimal)  # type: ignore[arg-type]
    except NumberFormatError:
        return None


class Percent(NamedTuple):
    """A percentage as stated in a report, with the precision it was written at.

    Examples
    --------
    >>> p = parse_percent("188,1%")
    >>> p.value, p.decimals, p.ratio
    (Decimal('188.1'), 1, Decimal('1.881'))
    """

    value: Decimal
    """The percent number: 188.1 for "188,1%"."""
    decimals: int
    """How many digits were written after the decimal separator."""
    text: str
    """The text as given."""

    @property
    def ratio(self) -> Decimal:
        """The value as a fraction of one: 1.881 for 188.1 %."""
        return _CONTEXT.scaleb(self.value, -2)


def parse_percent(text: str, *, decimal: str | None = None) -> Percent:
    """Read a percentage: a number, optional spaces and an optional ``%``.

    The separator rules are those of :func:`parse_number`; magnitude words are refused.

    Examples
    --------
    >>> parse_percent("106.82%")
    Percent(value=Decimal('106.82'), decimals=2, text='106.82%')
    >>> parse_percent("158 %").decimals
    0
    """
    _check_decimal(decimal)
    if not isinstance(text, str):
        raise NumberFormatError(text, "expected text", what="a percentage")
    try:
        value, decimals = _read(text.strip().removesuffix("%"), decimal, words=False)
    except _Invalid as err:
        raise NumberFormatError(text, str(err), what="a percentage") from None
    return Percent(value, decimals, text)


def parse_pair(text: str, *, decimal: str | None = None) -> tuple[Decimal, Decimal]:
    """Read "actual/target", with optional spaces around the slash.

    Examples
    --------
    >>> parse_pair("46.148 /24.320")
    (Decimal('46148'), Decimal('24320'))
    """
    _check_decimal(decimal)
    parts = text.split("/") if isinstance(text, str) else []
    if len(parts) != 2:
        raise NumberFormatError(text, "expected one '/' between two numbers", what="actual/target")
    values = []
    for name, part in zip(("actual", "target"), parts, strict=True):
        try:
            values.append(_read(part, decimal)[0])
        except _Invalid as err:
            raise NumberFormatError(text, f"in the {name}, {err}", what="actual/target") from None
    return values[0], values[1]


def _quantize(q: Fraction, decimals: int, *, truncate: bool = False) -> Decimal:
    """Round ``q`` exactly to ``decimals`` places: half away from zero, or toward zero."""
    if isinstance(decimals, bool) or not isinstance(decimals, int) or decimals < 0:
        raise ValueError(f"decimals must be an int >= 0, not {decimals!r}")
    k = math.floor(abs(q) * 10**decimals + (0 if truncate else Fraction(1, 2)))
    return Decimal(f"{'-' if q < 0 and k else ''}{k}E-{decimals}")


def round_half_up(value: int | float | Decimal, decimals: int) -> Decimal:
    """Round to ``decimals`` places, ties away from zero (``ROUND_HALF_UP``), exactly.

    Examples
    --------
    >>> round_half_up(Decimal("157.971"), 0), round_half_up(Decimal("-2.25"), 1)
    (Decimal('158'), Decimal('-2.3'))
    """
    return _quantize(Fraction(parse_number(value)), decimals)


def _missing(value: object) -> bool:
    return (
        value is None
        or (isinstance(value, float) and math.isnan(value))
        or (isinstance(value, Decimal) and value.is_nan())
    )


def _percent(actual: object, target: object) -> Fraction | None:
    """100 * actual / target exactly; None when either is missing or target is 0."""
    if _missing(actual) or _missing(target):
        return None
    t = parse_number(target)  # type: ignore[arg-type]
    if t == 0:
        return None
    return 100 * Fraction(parse_number(actual)) / Fraction(t)  # type: ignore[arg-type]


def percent_of(
    actual: int | float | Decimal | None, target: int | float | Decimal | None, decimals: int
) -> Decimal | None:
    """Return 100 × actual / target rounded half up to ``decimals`` places.

    ``None`` when ``actual`` or ``target`` is missing (None or NaN) or ``target`` is 0.

    Examples
    --------
    >>> percent_of(852, 453, 1), percent_of(10479, 9810, 2), percent_of(5, 0, 1)
    (Decimal('188.1'), Decimal('106.82'), None)
    """
    q = _percent(actual, target)
    return None if q is None else _quantize(q, decimals)


@dataclass(frozen=True)
class Consistency:
    """How a stated percentage compares with the one computed from actual and target."""

    stated: Percent
    exact: Decimal | None
    """100 × actual / target, unrounded (to 50 significant digits)."""
    computed: Decimal | None
    """``exact`` rounded half up to the stated number of decimals."""
    consistent: bool | None
    """Whether ``stated.value == computed``; None when there is no target."""
    truncated: bool
    """The stated figure is ``exact`` cut off, not rounded, at its precision (and so wrong)."""

    @property
    def fits(self) -> bool:
        """Whether the stated figure is ``exact`` rounded or cut off at its precision.

        The figures give it, as reports write it.

        Examples
        --------
        >>> check_percent("188,0%", 852, 453).fits
        True
        >>> check_percent("190%", 852, 453).fits
        False
        """
        return bool(self.consistent or self.truncated)


def check_percent(
    stated: str | Percent,
    actual: int | float | Decimal | None,
    target: int | float | Decimal | None,
    *,
    decimal: str | None = None,
) -> Consistency:
    """Check a stated percentage against actual and target, at the precision it was written.

    Examples
    --------
    >>> c = check_percent("106.82%", 10479, 9810)
    >>> c.computed, c.consistent
    (Decimal('106.82'), True)
    >>> c = check_percent("188,0%", 852, 453)
    >>> c.computed, c.consistent, c.truncated
    (Decimal('188.1'), False, True)
    """
    if not isinstance(stated, Percent):
        stated = parse_percent(stated, decimal=decimal)
    q = _percent(actual, target)
    if q is None:
        return Consistency(stated, None, None, None, False)
    computed = _quantize(q, stated.decimals)
    truncated = stated.value != computed and stated.value == _quantize(
        q, stated.decimals, truncate=True
    )
    exact = _CONTEXT.divide(Decimal(q.numerator), Decimal(q.denominator))
    return Consistency(stated, exact, computed, stated.value == computed, truncated)


def _separators(lang: str) -> tuple[str, str]:
    try:
        return _SEPARATORS[lang]
    except KeyError:
        raise ValueError(f"lang must be 'vi' or 'en', not {lang!r}") from None


def _format(value: Decimal, separators: tuple[str, str]) -> str:
    """Write a rounded ``value`` with all the decimals its exponent holds."""
    thousands, point = separators
    return f"{value:,f}".translate({ord(","): thousands, ord("."): point})


def format_number(
    value: int | float | Decimal | None, *, lang: str = "vi", decimals: int = 0
) -> str:
    """Write a number for a report, rounded half up; ``MISSING`` ("–") for None or NaN.

    Examples
    --------
    >>> format_number(46148), format_number(46148, lang="en")
    ('46.148', '46,148')
    >>> format_number(Decimal("1234.5"), decimals=1), format_number(None)
    ('1.234,5', '–')
    """
    separators = _separators(lang)
    if _missing(value):
        return MISSING
    return _format(round_half_up(value, decimals), separators)  # type: ignore[arg-type]


def format_percent(
    ratio: int | float | Decimal | None, *, lang: str = "vi", decimals: int = 1
) -> str:
    """Write a ratio (1.0 is 100 %) as a percentage, rounded half up, with no space before %.

    Examples
    --------
    >>> format_percent(Decimal("1.881")), format_percent(1.881, lang="en")
    ('188,1%', '188.1%')
    >>> format_percent(12.5)
    '1.250,0%'
    """
    separators = _separators(lang)
    if _missing(ratio):
        return MISSING
    percent = 100 * Fraction(parse_number(ratio))  # type: ignore[arg-type]
    return _format(_quantize(percent, decimals), separators) + "%"
