"""Small counts suppressed before figures leave the machine."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import polars as pl

from kpitools.members.count import DEFAULT_AGE_EDGES, member_metrics
from kpitools.registry import UnitRegistry


def suppress_small(
    kpis: pl.DataFrame,
    *,
    threshold: int,
    registry: UnitRegistry | None = None,
    metrics: Iterable[str] | None = None,
) -> pl.DataFrame:
    """Hide counts from 1 to ``threshold - 1`` so that a shared report cannot single anyone out.

    A hidden ``actual`` becomes null and ``note`` says ``fewer than {threshold}
    (suppressed)`` (after the note the row had, such as a backcast's); zeros stay. So that
    a hidden count cannot be recovered by subtraction, more counts are hidden (secondary
    suppression) until none is alone in its group: the units under one parent (with
    ``registry``), and the breakdowns that add up to admissions (women + men; the age
    bands). ``metrics`` limits which metrics are suppressed (default: the counts of
    people, i.e. every metric of :func:`member_metrics`).

    Examples
    --------
    >>> df = pl.DataFrame({"unit_code": ["a", "b"], "year": [2024, 2024],
    ...                    "metric": ["admissions"] * 2, "actual": [3.0, 40.0],
    ...                    "note": [None, None]})
    >>> suppress_small(df, threshold=5)["actual"].to_list()
    [None, 40.0]
    """
    if isinstance(threshold, bool) or not isinstance(threshold, int) or threshold < 1:
        raise ValueError(f"threshold must be a whole number ≥ 1, not {threshold!r}")
    people = (
        set(metrics)
        if metrics is not None
        else set(member_metrics(age_edges=DEFAULT_AGE_EDGES))
        | {m for m in kpis["metric"].unique().to_list() if m.startswith("admissions_age_")}
    )
    frame = kpis.with_row_index("_i")
    actual = frame["actual"].to_list()
    rows = frame.select("_i", "unit_code", "year", "metric").rows()
    hide = {
        i
        for (i, _, _, m), a in zip(rows, actual, strict=True)
        if m in people and a is not None and 0 < a < threshold
    }
    _hide_the_alone(_groups(rows, people, registry), hide, actual)
    note = f"fewer than {threshold} (suppressed)"
    mark = pl.col("_i").is_in(sorted(hide))
    if "note" not in frame.columns:
        frame = frame.with_columns(note=pl.lit(None, pl.String))
    return frame.with_columns(
        pl.when(mark).then(None).otherwise(pl.col("actual")).alias("actual"),
        # A note already there (a backcast, a crosswalk) is kept: the suppression is added.
        pl.when(mark)
        .then(
            pl.when(pl.col("note").is_null() | (pl.col("note") == ""))
            .then(pl.lit(note))
            .otherwise(pl.concat_str(pl.col("note"), pl.lit(f"; {note}")))
        )
        .otherwise(pl.col("note"))
        .alias("note"),
    ).drop("_i")


def _groups(
    rows: list[tuple[Any, ...]], people: set[str], registry: UnitRegistry | None
) -> dict[tuple[Any, ...], list[int]]:
    """The rows (by index) of each group whose counts add up to a figure that is shown.

    The groups: the units under one parent (with ``registry``), women and men, the age
    bands.
    """
    groups: dict[tuple[Any, ...], list[int]] = {}
    parent_of = (lambda c: registry.parent(c) if c in registry else None) if registry else None
    for i, unit, year, metric in rows:
        if metric not in people:
            continue
        if parent_of is not None and parent_of(unit) is not None:
            groups.setdefault(("siblings", parent_of(unit), year, metric), []).append(i)
        if metric in ("admissions_female", "admissions_male"):
            groups.setdefault(("sex", unit, year), []).append(i)
        if metric.startswith("admissions_age_"):
            groups.setdefault(("age", unit, year), []).append(i)
    return groups


def _hide_the_alone(
    groups: dict[tuple[Any, ...], list[int]], hide: set[int], actual: list[Any]
) -> None:
    """Add to ``hide`` until no group has exactly one hidden count.

    Secondary suppression: the smallest other non-zero count of such a group is hidden too
    (the first row on a tie).
    """
    changed = True
    while changed:
        changed = False
        for members in groups.values():
            hidden = [i for i in members if i in hide]
            if len(hidden) != 1:
                continue
            others = [i for i in members if i not in hide and actual[i]]
            if others:
                hide.add(min(others, key=lambda i: (actual[i], i)))
                changed = True
