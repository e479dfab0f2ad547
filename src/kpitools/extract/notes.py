"""The audit's notes as data, written in either language.

A note (``100 × 852 / 453 = 188.079 → 188.1``) is kept as a list of segments, each a word
of the vocabulary (``extract.note.<name>``) and its fields, in the ``note_data`` column as
JSON. Numbers are kept as plain digits (``188.079``) and written in the language's format
when the note is rendered: ``188,079 → 188,1`` in Vietnamese. The ``note`` column holds the
note rendered in English, as it always did.

Examples
--------
>>> data = note_data(seg("percent", a=852, t=453, exact="188.079"), seg("computed", computed=188.1))
>>> note_text(data, "en"), note_text(data, "vi")
('100 × 852 / 453 = 188.079 → 188.1', '100 × 852 / 453 = 188,079 → 188,1')
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from decimal import Decimal
from typing import Any, TypeVar

from kpitools.numbers import format_number
from kpitools.vocab import check_lang, word

Segment = tuple[str, dict[str, str]]
"""One part of a note: its word (``extract.note.<name>``) and the fields that fill it."""

TEXT_FIELDS: frozenset[str] = frozenset(
    {"text", "qual", "target_qual", "unit", "units", "code", "name", "term", "year", "date"}
)
"""Fields quoted as written (a ``date`` ISO, written ``dd/mm/yyyy`` in Vietnamese; ``units``
labels ending `` (part)`` for a part of a unit); every other field is a number in plain digits.
"""

_PART = " (part)"

_S = TypeVar("_S", bound=Any)

_PLAIN = re.compile(r"-?(\d+)(?:\.(\d+))?")


def seg(name: str, /, **fields: object) -> Segment:
    """A segment of a note: the word ``extract.note.<name>`` and its fields, as text.

    A ``Decimal`` field is written with ``str`` (plain digits as read); pass a string to
    choose the digits (``f"{x:.6g}"``).
    """
    return name, {k: str(v) for k, v in fields.items()}


def note_data(*segments: Segment) -> str:
    """The segments as the JSON of a ``note_data`` cell."""
    return json.dumps([[n, f] for n, f in segments], ensure_ascii=False, separators=(",", ":"))


def noted(*segments: Segment) -> dict[str, str]:
    """``note`` (in English) and ``note_data`` of a statement or check, from its segments."""
    data = note_data(*segments)
    return {"note": note_text(data, "en"), "note_data": data}


def unchecked(s: _S, reason: str, **fields: object) -> _S:
    """The statement ``s`` left unchecked, its note giving ``reason`` for the computed value.

    ``reason`` is a word of ``extract.note`` saying why the check cannot be trusted
    (``approximate``, ``target_approximate``, ``actual_approximate``), filled with
    ``fields``.
    """
    kept = [(n, f) for n, f in json.loads(s.note_data or "[]") if n != "computed"]
    return dataclasses.replace(
        s,
        consistent=None,
        truncated=False,
        verdict="unchecked",
        **noted(*kept, seg(reason, **fields)),
    )


def _number(text: str, lang: str) -> str:
    if lang == "en":
        return text  # plain digits, as the English notes always were
    m = _PLAIN.fullmatch(text)
    if m is None:
        return text.replace(".", ",")
    return format_number(Decimal(text), lang=lang, decimals=len(m.group(2) or ""))


def note_text(data: str | None, lang: str, *, default: str | None = None) -> str:
    """The note of a ``note_data`` cell written in ``lang`` (``default`` when there is none).

    Examples
    --------
    >>> note_text(note_data(seg("no_target")), "vi")
    'không có chỉ tiêu để đối chiếu'
    >>> note_text(None, "vi", default="as written")
    'as written'
    """
    lang = check_lang(lang)
    if not data:
        return default or ""
    out = []
    for name, fields in json.loads(data):
        filled = {k: _field(k, v, lang) for k, v in fields.items()}
        out.append(word(f"extract.note.{name}", lang, **filled))
    return "".join(out)


def _field(name: str, value: str, lang: str) -> str:
    if name not in TEXT_FIELDS:
        return _number(value, lang)
    if lang == "en":
        return value
    if name == "date" and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return dt.date.fromisoformat(value).strftime("%d/%m/%Y")
    if name == "units":
        return value.replace(_PART, word("extract.note.part_label", lang))
    return value
