"""The audit: each stated percentage checked against its own figures."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from decimal import Decimal
from itertools import pairwise
from typing import Any

import polars as pl

from kpitools.extract.notes import noted, seg
from kpitools.extract.phrases import AUDIT_SCHEMA, VERDICTS
from kpitools.extract.statements import Statement, as_frame
from kpitools.numbers import format_number
from kpitools.textfold import fold, rx


def _dec(x: float | None) -> Decimal | None:
    return None if x is None else Decimal(repr(x))


def _plain(d: Decimal) -> str:
    """A number as plain digits: 13, 188.1 (for notes)."""
    return format(d.normalize(), "f")


def _check_of(r: dict[str, Any]) -> str | None:
    """The check a statement's verdict is of.

    Its stated kind; ``rate`` for a rate against its target rate (no percentage of its own);
    ``part`` for a month's amount set against the months that hold it; ``qualifier`` for a
    headline's qualified figure the body's exact one contradicts.
    """
    if (r["note_data"] or "").startswith('[["month_above_months"'):
        return "part"
    if (r["note_data"] or "").startswith('[["qualifier_contradicted"'):
        return "qualifier"
    if (r["note_data"] or "").startswith(
        (
            '[["parts_over"',
            '[["parts_all"',
            '[["parts_all_within"',
            '[["shares_all"',
            '[["remainder"',
        )
    ):
        return "sum"
    kind = r["stated_kind"]
    return kind if kind is not None or r["measure"] != "%" else "rate"


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
                "check": _check_of(r),
                "stated": r["stated"],
                "stated_value": stated_value,
                "expected": expected,
                "verdict": r["verdict"],
                "note": r["note"],
                "note_data": r["note_data"],
            }
        )
    rows.extend(_part_checks(df))
    rows.extend(_weighted_part_checks(df))
    rows.extend(_same_figure_checks(df))
    rows.extend(_two_year_plan_checks(df))
    order = {v: i for i, v in enumerate(VERDICTS)}
    rows.sort(key=lambda r: (order.get(r["verdict"], len(order)), r["file"], r["start"]))
    return pl.DataFrame(rows, schema=AUDIT_SCHEMA, orient="row")


def _wholes_and_parts(
    df: pl.DataFrame,
) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Each statement that other statements name as their whole (``part_of``), with them."""
    rows = list(df.iter_rows(named=True))
    by_start: dict[tuple[str, int], dict[str, Any]] = {}
    for r in rows:  # the statement read at a start, not a pair a later pass added there
        by_start.setdefault((r["file"], r["start"]), r)
    groups: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for r in rows:
        if r["part_of"] is not None:
            groups.setdefault((r["file"], r["part_of"]), []).append(r)
    return [(by_start[key], parts) for key, parts in groups.items() if key in by_start]


def _part_checks(df: pl.DataFrame) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    read = {(r["file"], r["start"]): r for r in reversed(df.rows(named=True))}
    starts = sorted(read)
    for total, parts in _wholes_and_parts(df):
        if total["actual"] is None:
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
                if added > whole * _BEYOND_PART and _within_whole_above(total, added, read, starts):
                    # the whole's parts listed in part, or the part's overstated: unchecked
                    verdict, parts_said = "unchecked", [seg("parts_beyond_part"), *parts_said]
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
            rows.append(_part_row(p, total, value, whole))
    return rows


_BEYOND_PART = Decimal("1.05")
"""How far above a part its listed parts must add up to be possibly the whole's parts (the
part then unchecked)."""


def _within_whole_above(
    total: dict[str, Any],
    added: Decimal,
    read: dict[tuple[str, int], dict[str, Any]],
    starts: list[tuple[str, int]],
) -> bool:
    """Whether ``added``, the sum of ``total``'s listed parts, fits under the whole above.

    The whole above is ``total``'s own whole, or that of the part read right before it when
    the two parts make up that whole (to a thousandth).

    ``… 330 ha; trong đó cây hàng năm 70 ha, cây lâu năm 260 ha, bao gồm 15 ha lúa, 40 ha
    rau, … 190 ha cà phê``: crops of both kinds listed after the last part, their sum well
    above that part (by more than :data:`_BEYOND_PART`; a sum just above it is the part's
    own, checked) and within the whole: perhaps the whole's parts in part, left unchecked.
    """
    key = (total["file"], total["start"])
    i = bisect.bisect_left(starts, key)
    before = read[starts[i - 1]] if i and starts[i - 1][0] == key[0] else None
    whole_at = total["part_of"]
    if whole_at is None and before is not None:
        whole_at = before["part_of"]
    outer = read.get((key[0], whole_at)) if whole_at is not None else None
    above = _dec(outer["actual"]) if outer is not None else None
    if above is None or added > above:
        return False
    if total["part_of"] is not None:
        return True
    # the part before and ``total`` make up the whole: ``total`` is its other part
    assert before is not None
    pair = (_dec(before["actual"]), _dec(total["actual"]))
    return None not in pair and abs(sum(x for x in pair if x) - above) <= above / 1000


SCALE_APART = 100
"""How many times a total written with a fraction of its unit a part may be before the two
are taken for figures of different units (``hơn 3,27 lượt khách`` for 3,27 million, ``trong
đó`` 97.000 of them): a scale word lost, not an inconsistency; the part is left unchecked.
A whole total (``9.400.000``) keeps its check."""


def _part_row(
    p: dict[str, Any], total: dict[str, Any], value: Decimal, whole: Decimal
) -> dict[str, Any]:
    """The check of a part against its total.

    Consistent when the part is at most it; unchecked when the part is :data:`SCALE_APART`
    times a total written with a fraction.
    """
    ok = value <= whole
    verdict = "consistent" if ok else "inconsistent"
    note = "part_of" if ok else "larger_than_total"
    fields: dict[str, object] = {}
    if whole != whole.to_integral_value() and value > whole * SCALE_APART:
        verdict, note, fields = "unchecked", "scale_apart", {"ratio": SCALE_APART}
    return {
        "file": p["file"],
        "start": p["start"],
        "end": p["end"],
        "text": p["text"],
        "check": "part",
        "stated": format_number(float(value)),
        "stated_value": float(value),
        "expected": float(whole),
        "verdict": verdict,
        **noted(seg(note, **fields, text=total["text"], v=_plain(value), whole=_plain(whole))),
    }


def _attainment_of_plan(r: dict[str, Any]) -> tuple[Decimal, Decimal] | None:
    """The plan and the stated attainment of a statement that states both, or None."""
    target, percent = _dec(r["target"]), _dec(r["stated_percent"])
    if r["stated_kind"] != "attainment" or target is None or percent is None:
        return None
    return target, percent


def _last_digit(x: Decimal) -> Decimal:
    """One unit of the last digit ``x`` is written to (``85.7``: 0.1; ``86``: 1)."""
    exponent = x.normalize().as_tuple().exponent
    return Decimal(1).scaleb(min(exponent, 0) if isinstance(exponent, int) else 0)


def _weighted_part_checks(df: pl.DataFrame) -> list[dict[str, Any]]:
    """A whole's attainment outside the range of its parts' attainments, flagged.

    When a whole's parts each state an attainment of their own plan and the parts' plans
    add up exactly to the whole's, the whole's attainment is the parts' weighted mean, so
    it lies between the lowest and highest of theirs (one unit of the last digit written
    allowed for rounding): ``kế hoạch 900, trong đó 300 và 600; đạt 80%; trong đó 90% và
    85%``: 80 % is below both.
    """
    if "part_of" not in df.columns:
        return []
    rows: list[dict[str, Any]] = []
    for total, parts in _wholes_and_parts(df):
        if len(parts) >= 2:
            row = _weighted_row(total, parts)
            if row is not None:
                rows.append(row)
    return rows


def _weighted_row(total: dict[str, Any], parts: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The flagged row of :func:`_weighted_part_checks` for one whole, or None."""
    whole = _attainment_of_plan(total)
    read = [_attainment_of_plan(p) for p in parts]
    if whole is None or any(x is None for x in read):
        return None
    pairs = [x for x in read if x is not None]
    if sum((t for t, _ in pairs), Decimal(0)) != whole[0]:
        return None
    percents = [q for _, q in pairs]
    low, high, stated = min(percents), max(percents), whole[1]
    slack = max(_last_digit(q) for q in [*percents, stated])
    if low - slack <= stated <= high + slack:
        return None
    return {
        "file": total["file"],
        "start": total["start"],
        "end": max(p["end"] for p in [*parts, total]),
        "text": " … ".join([total["text"], *(p["text"] for p in parts)]),
        "check": "sum",
        "stated": total["stated"],
        "stated_value": float(stated),
        "expected": None,
        "verdict": "inconsistent",
        **noted(
            seg("whole_outside_parts", whole=_plain(stated), low=_plain(low), high=_plain(high))
        ),
    }


SAME_FIGURE_TOLERANCE = Decimal("0.01")
"""Two results are of the same figure when they differ by at most 1 % (``hơn 100.000`` in a
headline and ``100.299`` in the body)."""
_PLAN_AFTER = rx(
    r"%\s*(?:so\s+(?:với\s+)?)?(dự\s+toán|kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu|nghị\s+quyết)(?!\w)"
)


def _plan_word(text: str) -> str | None:
    """The plan a statement's percentage is of (``dự toán``), as folded words."""
    m = _PLAN_AFTER.search(fold(text))
    return " ".join(m.group(1).split()) if m else None


def _same_figure(a: dict[str, Any], b: dict[str, Any]) -> bool:
    x, y = _dec(a["actual"]), _dec(b["actual"])
    if x is None or y is None or not x or a["measure"] != b["measure"]:
        return False
    return abs(x - y) <= SAME_FIGURE_TOLERANCE * max(x, y)


def _same_figure_checks(df: pl.DataFrame) -> list[dict[str, Any]]:
    """One figure stated as ``vượt X%`` of a plan and as ``bằng X%`` of the same plan.

    ``Hưng Yên thu ngân sách hơn 100.000 tỉ đồng, vượt 181% dự toán`` … ``đạt 100.299 tỉ
    đồng, bằng 181% dự toán``: the two cannot both hold (281 % against 181 % of one
    budget); the excess is flagged. Only for the same stated number, the same plan word,
    the same measure, and results within 1 % of each other.
    """
    rows: list[dict[str, Any]] = []
    cols = ("stated_kind", "stated_percent", "actual", "measure", "text")
    if any(c not in df.columns for c in cols):
        return rows
    stated = [
        r
        for r in df.iter_rows(named=True)
        if r["stated_kind"] in ("attainment", "excess") and r["stated_percent"] is not None
    ]
    # attainments by what must be shared: one look-up per excess (linear in the statements)
    attainments: dict[tuple[object, ...], list[dict[str, Any]]] = {}
    for r in stated:
        if r["stated_kind"] == "attainment" and (plan := _plan_word(r["text"])) is not None:
            attainments.setdefault((r["file"], r["stated_percent"], plan, r["measure"]), []).append(
                r
            )
    for e in (r for r in stated if r["stated_kind"] == "excess"):
        same = attainments.get(
            (e["file"], e["stated_percent"], _plan_word(e["text"]), e["measure"])
        )
        twin = next((a for a in same or () if _same_figure(a, e) and not _other_units(a, e)), None)
        if twin is None:
            continue
        percent = _dec(e["stated_percent"])
        assert percent is not None
        rows.append(
            {
                "file": e["file"],
                "start": e["start"],
                "end": e["end"],
                "text": e["text"],
                "check": "excess",
                "stated": e["stated"],
                "stated_value": e["stated_percent"],
                "expected": float(percent - 100),
                "verdict": "inconsistent",
                **noted(
                    seg(
                        "excess_or_attainment",
                        stated=e["stated"] or _plain(percent),
                        text=twin["text"],
                        excess=_plain(percent - 100),
                    )
                ),
            }
        )
    return rows


YEAR_PLAN_SPREAD = Decimal("1.5")
"""Two percentages of one figure against the year's plan contradict each other when the
attainments they state (``vượt X%`` is 100 + X) differ by more than this factor."""
_YEAR_PLAN_AFTER = rx(
    r"%\s*(?:so\s+(?:với\s+)?)?(?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu)\s+(?:cả\s+)?năm(?!\w)"
)


def _attained(r: dict[str, Any]) -> Decimal | None:
    """The attainment a statement states of the year's plan (``vượt 5%``: 105), or None."""
    p = _dec(r["stated_percent"])
    if p is None or p <= 0 or r["stated_kind"] not in ("attainment", "excess"):
        return None
    if not _YEAR_PLAN_AFTER.search(fold(r["text"])):
        return None
    return p + 100 if r["stated_kind"] == "excess" else p


def plans_disagree(first: Decimal, second: Decimal) -> bool:
    """Whether two attainments of one figure against one plan cannot both hold.

    >>> plans_disagree(Decimal(235), Decimal(105)), plans_disagree(Decimal(112), Decimal(110))
    (True, False)
    """
    low, high = sorted((first, second))
    return low > 0 and high > low * YEAR_PLAN_SPREAD


def _other_units(r1: dict[str, Any], r2: dict[str, Any]) -> bool:
    """Whether two statements name two different units.

    ``xã A … 28`` and ``xã B … 28`` are two figures that happen to be equal, not one. A
    whole (``toàn tỉnh``) may be the unit named elsewhere (``Tỉnh A``): no unit for this.
    """
    u1, u2 = (_named_unit(r) for r in (r1, r2))
    return u1 is not None and u2 is not None and u1 != u2


_PARTY_OF = rx(r"^(?:đảng\s+bộ|đảng\s+ủy|đảng\s+uỷ)\s+")
_WHOLE_OF = rx(r"^toàn(?!\w)")


def _named_unit(r: dict[str, Any]) -> str | None:
    """The unit a statement names, as its code or its folded name without ``Đảng bộ``."""
    if r.get("unit_code"):
        return str(r["unit_code"])
    unit = fold(r.get("unit") or "")
    if not unit or _WHOLE_OF.match(unit):
        return None
    return _PARTY_OF.sub("", unit)


def _two_year_plan_checks(df: pl.DataFrame) -> list[dict[str, Any]]:
    """One figure with two attainments of the year's plan that cannot both hold.

    ``khoảng 7,6 triệu lượt khách … vượt 135% kế hoạch năm`` and, of the same 7,6 triệu,
    ``vượt gần 5% mục tiêu năm``: one row spans both, with the later one's stated. Only for
    results within 1 % of each other, of the same measure, year, date and unit (when both name
    one), with attainments
    more than :data:`YEAR_PLAN_SPREAD` apart; statements are sorted once (n log n).
    """
    if any(c not in df.columns for c in ("measure", "year", "as_of")):
        return []
    said = [(a, r) for r in df.iter_rows(named=True) if (a := _attained(r)) is not None]
    said.sort(key=lambda x: (x[1]["file"], str(x[1]["measure"]), x[1]["actual"] or 0))
    rows: list[dict[str, Any]] = []
    for (a1, r1), (a2, r2) in pairwise(said):
        same = (r1["file"], r1["measure"], r1["year"], r1["as_of"]) == (
            r2["file"],
            r2["measure"],
            r2["year"],
            r2["as_of"],
        )
        if not same or _other_units(r1, r2) or not _same_figure(r1, r2):
            continue
        if not plans_disagree(a1, a2):
            continue
        first, later = sorted((r1, r2), key=lambda r: r["start"])
        rows.append(
            {
                "file": later["file"],
                "start": first["start"],
                "end": max(first["end"], later["end"]),
                "text": f"{first['text']} … {later['text']}",
                "check": later["stated_kind"],
                "stated": later["stated"],
                "stated_value": later["stated_percent"],
                "expected": None,
                "verdict": "inconsistent",
                **noted(seg("two_year_plans", text=first["text"], stated=first["stated"])),
            }
        )
    return rows
