"""The audit: each stated percentage checked against its own figures."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import polars as pl

from kpitools.extract.notes import noted, seg
from kpitools.extract.phrases import AUDIT_SCHEMA, VERDICTS
from kpitools.extract.statements import Statement, as_frame
from kpitools.numbers import format_number


def _dec(x: float | None) -> Decimal | None:
    return None if x is None else Decimal(repr(x))


def _plain(d: Decimal) -> str:
    """A number as plain digits: 13, 188.1 (for notes)."""
    return format(d.normalize(), "f")


def audit_statements(statements: pl.DataFrame | Iterable[Statement]) -> pl.DataFrame:
    """Every check of every statement, inconsistencies first (:data:`AUDIT_SCHEMA`).

    Checks: a stated percentage against 100 × actual / target at its precision (``vượt X%``
    against 100 + X); an excess in people against actual − target; parts against their
    stated total (``gồm``: the sum must equal it; ``trong đó``: a part, or the sum of parts
    in different units, must not exceed it). ``verdict`` is ``inconsistent``, ``truncated``,
    ``unchecked`` (something is stated that the numbers cannot confirm) or ``consistent``.
    ``note`` says how, in English; ``note_data`` is the same note as data, which
    :func:`audit_table` (or :func:`kpitools.extract.notes.note_text`) writes in the
    report's language.

    Examples
    --------
    >>> audit = audit_statements(extract_statements("kết nạp 852/453 đảng viên, đạt 188,0%"))
    >>> audit.select("check", "stated", "expected", "verdict").row(0)
    ('attainment', '188,0%', 188.1, 'truncated')
    """
    df = as_frame(statements)
    rows: list[dict[str, Any]] = []
    for r in df.iter_rows(named=True):
        if r["verdict"] is None:
            continue
        kind = r["stated_kind"]
        expected = r["computed_percent"]
        stated_value = r["stated_percent"]
        if kind == "excess" and expected is not None:
            expected = float(Decimal(repr(expected)) - 100)
        if kind == "excess_count":
            stated_value = r["excess"]
            a, t = _dec(r["actual"]), _dec(r["target"])
            expected = float(a - t) if a is not None and t is not None and r["exact"] else None
        rows.append(
            {
                "file": r["file"],
                "start": r["start"],
                "end": r["end"],
                "text": r["text"],
                "check": kind,
                "stated": r["stated"],
                "stated_value": stated_value,
                "expected": expected,
                "verdict": r["verdict"],
                "note": r["note"],
                "note_data": r["note_data"],
            }
        )
    rows.extend(_part_checks(df))
    order = {v: i for i, v in enumerate(VERDICTS)}
    rows.sort(key=lambda r: (order.get(r["verdict"], len(order)), r["file"], r["start"]))
    return pl.DataFrame(rows, schema=AUDIT_SCHEMA, orient="row")


def _part_checks(df: pl.DataFrame) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    by_start = {(r["file"], r["start"]): r for r in df.iter_rows(named=True)}
    groups: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for r in df.iter_rows(named=True):
        if r["part_of"] is not None:
            groups.setdefault((r["file"], r["part_of"]), []).append(r)
    for key, parts in groups.items():
        total = by_start.get(key)
        if total is None or total["actual"] is None:
            continue
        whole = _dec(total["actual"])
        assert whole is not None
        rule = parts[0]["part_rule"]
        if rule in ("sum_equal", "sum_at_most"):
            values = [_dec(p["actual"]) for p in parts]
            if any(v is None for v in values) or not all(p["exact"] for p in parts):
                verdict, note, added = "unchecked", noted(seg("part_not_exact")), None
            else:
                added = sum((v for v in values if v is not None), Decimal(0))
                ok = added == whole if rule == "sum_equal" else added <= whole
                verdict = "consistent" if ok else "inconsistent"
                parts_said = [
                    seg("sum_more" if i else "sum_first", v=_plain(v))
                    for i, v in enumerate(v for v in values if v is not None)
                ]
                note = noted(*parts_said, seg(rule, sum=_plain(added), whole=_plain(whole)))
            rows.append(
                {
                    "file": total["file"],
                    "start": total["start"],
                    "end": max(p["end"] for p in [*parts, total]),
                    "text": " … ".join([total["text"], *(p["text"] for p in parts)]),
                    "check": "sum",
                    "stated": format_number(float(whole)),
                    "stated_value": float(whole),
                    "expected": None if added is None else float(added),
                    "verdict": verdict,
                    **note,
                }
            )
            continue
        for p in parts:
            value = _dec(p["actual"])
            if value is None:
                continue
            ok = value <= whole
            rows.append(
                {
                    "file": p["file"],
                    "start": p["start"],
                    "end": p["end"],
                    "text": p["text"],
                    "check": "part",
                    "stated": format_number(float(value)),
                    "stated_value": float(value),
                    "expected": float(whole),
                    "verdict": "consistent" if ok else "inconsistent",
                    **noted(
                        seg(
                            "part_of" if ok else "larger_than_total",
                            text=total["text"],
                            v=_plain(value),
                            whole=_plain(whole),
                        )
                    ),
                }
            )
    return rows
