"""The phrase book: report wording that names each metric."""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import polars as pl

from kpitools._typing import PathLike
from kpitools.catalog import MetricCatalog
from kpitools.errors import DataIssue, KpiDataError
from kpitools.textfold import words_rx

SUPPORTS: tuple[str, ...] = ("checked", "unconfirmed", "percent_only", "target_only")
"""What backs a target-versus-result claim (:attr:`Statement.support`), from most to least;
docs/extract.md ("How far to trust a claim") gives how often each was right on real text
the extractor had never seen."""

STATED_KINDS: tuple[str, ...] = (
    "attainment",
    "excess",
    "excess_count",
    "growth",
    "share",
    "rate",
    "coverage",
    "target",
)
"""What a stated figure is; a statement's ``stated_kind`` is ``None`` when it states none."""

VERDICTS: tuple[str, ...] = ("inconsistent", "truncated", "unchecked", "consistent")
"""Outcomes of a check, worst first."""

STATEMENT_SCHEMA: dict[str, pl.DataType] = {
    "file": pl.String(),
    "start": pl.Int64(),
    "end": pl.Int64(),
    "text": pl.String(),
    "metric": pl.String(),
    "label": pl.String(),
    "unit": pl.String(),
    "unit_code": pl.String(),
    "year": pl.Int32(),
    "as_of": pl.Date(),
    "actual": pl.Float64(),
    "target": pl.Float64(),
    "actual_range": pl.List(pl.Float64()),
    "target_range": pl.List(pl.Float64()),
    "stated": pl.String(),
    "stated_percent": pl.Float64(),
    "stated_kind": pl.String(),
    "qualifier": pl.String(),
    "exact": pl.Boolean(),
    "excess": pl.Float64(),
    "computed_percent": pl.Float64(),
    "consistent": pl.Boolean(),
    "truncated": pl.Boolean(),
    "verdict": pl.String(),
    "note": pl.String(),
    "note_data": pl.String(),
    "part_of": pl.Int64(),
    "part_rule": pl.String(),
    "term": pl.String(),
    "target_period": pl.String(),
    "implied_target": pl.Float64(),
    "link_start": pl.Int64(),
    "link_end": pl.Int64(),
    "link_text": pl.String(),
    "measure": pl.String(),
    "support": pl.String(),
}
"""Columns of :func:`statements_frame`, with their types.

``actual``/``target`` are null for a range, which is in ``actual_range``/``target_range`` as
``[low, high]``. ``note`` (English) and ``note_data`` (the note as data, for
:func:`kpitools.extract.notes.note_text`) say how the stated figure was checked.
"""

AUDIT_SCHEMA: dict[str, pl.DataType] = {
    "file": pl.String(),
    "start": pl.Int64(),
    "end": pl.Int64(),
    "text": pl.String(),
    "check": pl.String(),
    "stated": pl.String(),
    "stated_value": pl.Float64(),
    "expected": pl.Float64(),
    "verdict": pl.String(),
    "note": pl.String(),
    "note_data": pl.String(),
}
"""Columns of :func:`audit_statements`, with their types.

``note`` is in English; ``note_data`` is the same note as data, which
:func:`kpitools.extract.notes.note_text` writes in either language.
"""

Value = Decimal | tuple[Decimal, Decimal]


@dataclass(frozen=True)
class Phrase:
    """One way a metric is worded (a row of ``metric_phrases.csv``).

    ``noun`` matches the words right after a figure, each ``near`` group must have a word
    in the figure's clause, each ``context`` group one in its topic, and ``exclude`` must
    have none in the clause (see :class:`PhraseBook`).

    Examples
    --------
    >>> book = PhraseBook.from_rows([{"metric": "admissions", "noun": "đảng viên|đảng viên mới",
    ...                               "near": "kết nạp", "exclude": "xóa tên"}])
    >>> phrase = book.phrases[0]
    >>> phrase.metric, len(phrase.near), phrase.context, phrase.exclude is not None
    ('admissions', 1, (), True)
    >>> phrase.noun.match("đảng viên mới").group()
    'đảng viên mới'
    """

    metric: str
    noun: re.Pattern[str]
    near: tuple[re.Pattern[str], ...] = ()
    context: tuple[re.Pattern[str], ...] = ()
    exclude: re.Pattern[str] | None = None


def _groups(cell: str | None) -> tuple[re.Pattern[str], ...]:
    """``a|b;c`` → (a or b) and c."""
    if not cell or not cell.strip():
        return ()
    return tuple(words_rx(g.split("|")) for g in cell.split(";") if g.strip())


@dataclass(frozen=True)
class PhraseBook:
    """Which wording means which metric; the first phrase that matches wins.

    A phrase matches a figure when one of its ``noun`` alternatives begins the words after
    the figure, every ``near`` group has a word in the figure's clause, every ``context``
    group has a word in its topic (the sentence and the sentences before it that share its
    unit and time), and no ``exclude`` word is in the clause. Words compare case- and
    tone-mark-insensitively (``Thành ủy`` = ``thành uỷ``).

    Examples
    --------
    >>> book = PhraseBook.from_rows([{"metric": "admissions", "noun": "đảng viên",
    ...                               "near": "kết nạp"}])
    >>> book.match("đảng viên mới", "kết nạp 10 đảng viên mới", "")
    ('admissions', 9)
    """

    phrases: tuple[Phrase, ...]

    @classmethod
    def from_rows(
        cls,
        rows: Iterable[dict[str, str | None]],
        *,
        source: str = "<rows>",
        catalog: MetricCatalog | None = None,
    ) -> PhraseBook:
        """Build from rows with ``metric``, ``noun`` and optional columns.

        The optional columns are ``near``, ``context`` and ``exclude``. Problems are
        reported with ``source`` and the row (header = row 1).
        """
        phrases: list[Phrase] = []
        issues: list[DataIssue] = []
        for i, row in enumerate(rows, start=2):
            metric = (row.get("metric") or "").strip()
            noun = (row.get("noun") or "").strip()
            if not metric:
                issues.append(DataIssue("empty metric", file=source, row=i, column="metric"))
            elif catalog is not None and metric not in catalog:
                issues.append(
                    DataIssue(
                        "not a metric code of the catalog",
                        file=source,
                        row=i,
                        column="metric",
                        value=metric,
                    )
                )
            if not noun:
                issues.append(DataIssue("empty noun", file=source, row=i, column="noun"))
            if issues:
                continue
            exclude = (row.get("exclude") or "").strip()
            phrases.append(
                Phrase(
                    metric,
                    words_rx(noun.split("|")),
                    _groups(row.get("near")),
                    _groups(row.get("context")),
                    words_rx(exclude.split("|")) if exclude else None,
                )
            )
        if issues:
            raise KpiDataError(issues)
        return cls(tuple(phrases))

    def match(self, after: str, near: str, context: str) -> tuple[str, int] | None:
        """The metric whose wording fits, and how many characters of ``after`` its noun takes.

        All three texts are folded (:func:`kpitools.textfold.fold`); None when no phrase fits.
        """
        for p in self.phrases:
            m = p.noun.match(after)
            if not m:
                continue
            near_ok = all(g.search(near) for g in p.near)
            context_ok = all(g.search(context) for g in p.context)
            excluded = p.exclude is not None and p.exclude.search(near)
            if near_ok and context_ok and not excluded:
                return p.metric, m.end()
        return None


def read_phrases(path: PathLike, *, catalog: MetricCatalog | None = None) -> PhraseBook:
    """Read a phrase book CSV (UTF-8).

    Its columns are ``metric``, ``noun``, ``near``, ``context``, ``exclude`` and ``note``;
    ``|`` separates alternatives and ``;`` groups that must all match.

    Examples
    --------
    >>> from kpitools.textfold import fold
    >>> book = read_phrases(find_path("data/metric_phrases.csv"))
    >>> book.match(fold("chủ doanh nghiệp vào Đảng"), fold("kết nạp mới được 13 chủ"), "")
    ('admissions_business_owners', 16)
    """
    source = os.fspath(path)
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise KpiDataError(DataIssue(f"cannot read the phrase book: {exc}", file=source)) from exc
    except UnicodeDecodeError as exc:
        raise KpiDataError(
            DataIssue(f"not UTF-8 text (bad byte at offset {exc.start})", file=source)
        ) from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in ("metric", "noun") if c not in (reader.fieldnames or [])]
    if missing:
        raise KpiDataError(
            [DataIssue("missing required column", file=source, row=1, column=c) for c in missing]
        )
    return PhraseBook.from_rows(list(reader), source=source, catalog=catalog)
