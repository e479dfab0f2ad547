"""Read KPI figures out of Vietnamese report text, and check the report's own arithmetic.

:func:`extract_statements` finds each KPI statement of a text — ``852/453 đảng viên mới
(đạt 188,1%)``, ``kết nạp được 1.236 so với chỉ tiêu kế hoạch (1.200 đảng viên), đạt 103%``,
``vượt chỉ tiêu 20 đảng viên``, ``tăng 8,4% so với cùng kỳ`` … — and returns, for each, its
span, the metric (from the wording, through ``data/metric_phrases.csv``), the unit, the year
and as-of date, the actual, the target, the stated percentage and what kind of percentage it
is, and whether that percentage follows from the numbers.

How a text is read
------------------
* The text is NFC-normalized, line ends and spaces unified (NFD, CRLF, no-break and doubled
  spaces read alike); ``start``/``end`` index the text as given, ``text`` is normalized.
* A news page is read up to its trailer (``Tin cùng chuyên mục``, ``Ý kiến bạn đọc`` …);
  photo lines (``… - ảnh 1``) and the caption under them are skipped.
* Numbers follow :func:`kpitools.numbers.parse_number` (``46.148`` is 46148, ``188,1`` is
  188.1, ``106.82`` is 106.82). No figure is read from document numbers (``Nghị quyết 15``,
  ``Chỉ thị số 24-CT/TU``, ``Đề án 11``), dates, years and terms (``2020-2025``; a plain
  4-digit 19xx/20xx is always a year), durations, ordinals, photo numbers or money
  (``10.000.000đ``; pass ``money=True`` to read amounts), nor from number words (``Chi bộ
  bốn tốt``).
* A statement is an actual with its target (``109/69``, or a target in another clause), a
  whole (``trên tổng số …``), an excess or a percentage. A bare count (``13 chủ doanh
  nghiệp``) is a statement only when its wording is a metric of the phrase book, so ``5
  nhiệm vụ trọng tâm`` or ``6 phần mềm`` are not. A figure introduced by ``của`` qualifies the
  noun before it (``451.750 đảng viên của 50/50 đảng bộ``) and is not a statement.
* Percentages are labelled for what they are (:data:`STATED_KINDS`): ``attainment`` (``đạt
  X%`` of a target or plan), ``excess`` (``vượt X%``: 100 + X), ``excess_count`` (``vượt chỉ
  tiêu 20 đảng viên``), ``growth``, ``share``, ``rate``, ``coverage`` (a part of a whole, such
  as members who installed an app), ``target``; ``None`` when nothing is stated.
* The unit is the nearest one named before the figure in its topic (the sentences since the
  last that named a unit or a time), else the first after it in the sentence. Registry names
  count when capitalized; ``toàn thành phố``, ``Đảng bộ thành phố``, ``Thành ủy`` and
  ``Hà Nội`` are the city. The year and as-of date come from ``tính đến 30/11/2023``, ``đến
  hết tháng 11``, ``6 tháng đầu năm``, ``Tính riêng năm 2023`` in the topic, else from the
  report's year (a fronted ``Năm 2023,`` earlier, or ``tổng kết … năm 2023``).

Precision comes before recall: a sentence read in two ways yields nothing rather than a wrong
pair of numbers.

Examples
--------
>>> [s] = extract_statements("Năm 2023, toàn thành phố kết nạp 852/453 đảng viên (đạt 188,1%).")
>>> s.actual, s.target, s.stated_percent, s.stated_kind, s.consistent, s.year
(Decimal('852'), Decimal('453'), Decimal('188.1'), 'attainment', True, 2023)
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

import polars as pl

from kpitools._extract_grammar import assemble, interpret, scan
from kpitools._extract_text import CITY_WORDS, find_units, prepare, words_rx
from kpitools.catalog import MetricCatalog, check_lang, read_catalog
from kpitools.errors import DataIssue, KpiDataError
from kpitools.io import LONG_SCHEMA, PathLike, find_path
from kpitools.names import UnitRegistry, read_registry
from kpitools.notebook import Html
from kpitools.numbers import MISSING, format_number, format_percent
from kpitools.tables import Table

__all__ = [
    "AUDIT_SCHEMA",
    "CITY_WORDS",
    "STATED_KINDS",
    "STATEMENT_SCHEMA",
    "VERDICTS",
    "Extraction",
    "KpiRows",
    "Phrase",
    "PhraseBook",
    "Statement",
    "audit_statements",
    "audit_table",
    "extract_file",
    "extract_statements",
    "highlight_html",
    "read_phrases",
    "read_report_text",
    "read_statements",
    "statements_frame",
    "statements_table",
    "statements_to_kpis",
]

#: What a stated figure is; ``None`` when the statement states none.
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
#: Outcomes of a check, worst first.
VERDICTS: tuple[str, ...] = ("inconsistent", "truncated", "unchecked", "consistent")

#: Columns of :func:`statements_frame`. ``actual``/``target`` are null for a range, which is
#: in ``actual_range``/``target_range`` as ``[low, high]``.
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
    "part_of": pl.Int64(),
    "part_rule": pl.String(),
}

#: Columns of :func:`audit_statements`.
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
}

Value = Decimal | tuple[Decimal, Decimal]


# --------------------------------------------------------------------------- phrase book


@dataclass(frozen=True)
class Phrase:
    """One way a metric is worded (a row of ``metric_phrases.csv``)."""

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
        """Build from rows with ``metric``, ``noun`` and optional ``near``, ``context``,
        ``exclude``; problems are reported with ``source`` and the row (header = row 1)."""
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
        """The metric whose wording fits, and how many characters of ``after`` its noun
        takes; all three texts are folded (:func:`kpitools._extract_text.fold`)."""
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
    """Read a phrase book CSV (UTF-8): ``metric``, ``noun``, ``near``, ``context``,
    ``exclude``, ``note``; ``|`` separates alternatives and ``;`` groups that must all match.

    Examples
    --------
    >>> from kpitools._extract_text import fold
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


# --------------------------------------------------------------------------- statements


@dataclass(frozen=True)
class Statement:
    """One KPI statement found in a text (see the module docstring for how it is read)."""

    file: str
    start: int
    """Offset of the statement in the text as given (a ``str`` index)."""
    end: int
    text: str
    """The statement as read: NFC, one space between words."""
    metric: str | None
    label: str
    """The catalog's label of the metric, else a short label taken from the text."""
    unit: str | None
    """The unit as the text names it (``toàn thành phố``)."""
    unit_code: str | None
    year: int | None
    as_of: dt.date | None
    """When the figure was taken, if the text says (``tính đến 30/11/2023``)."""
    actual: Value | None
    target: Value | None
    """The target, or for coverage the whole; ``(low, high)`` for a range."""
    stated_percent: Decimal | None
    """The stated percentage as a number (negative for ``giảm``)."""
    stated_kind: str | None
    """One of :data:`STATED_KINDS`, or None when nothing is stated."""
    qualifier: str | None
    """``trên``, ``gần``, ``hơn``, ``khoảng`` or ``trở lên``, as written."""
    computed_percent: Decimal | None
    """100 × actual / target at the stated precision (rounded half up), else to 1 decimal."""
    consistent: bool | None
    stated: str | None = None
    """The stated figure as written (``188,1%``, ``20 đảng viên``)."""
    exact: bool = True
    """False when the actual or target is a range or qualified (``hơn 1.200``)."""
    excess: Decimal | None = None
    truncated: bool = False
    verdict: str | None = None
    """``consistent``, ``inconsistent``, ``truncated`` (cut, not rounded: wrong, but
    labelled), ``unchecked`` (stated, but nothing to check it against), or None."""
    note: str | None = None
    part_of: int | None = None
    """``start`` of the stated total this statement is a part of (``trong đó …``)."""
    part_rule: str | None = None
    """``sum_equal``, ``sum_at_most`` (the parts, disjoint, against the total) or
    ``at_most`` (each part against the total)."""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: numbers as int or float, a range as ``[low, high]``, dates ISO.

        Examples
        --------
        >>> [s] = extract_statements("Năm 2024 phấn đấu kết nạp từ 150 đến 170 đảng viên.")
        >>> s.to_dict()["target"], s.to_dict()["year"], s.to_dict()["stated_kind"]
        ([150, 170], 2024, None)
        """
        return {f.name: _json(getattr(self, f.name)) for f in fields(self)}


def _json(value: object) -> object:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, tuple):
        return [_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def extract_statements(
    text: str,
    *,
    file: str = "<text>",
    registry: UnitRegistry | None = None,
    phrases: PhraseBook | None = None,
    catalog: MetricCatalog | None = None,
    money: bool = False,
    city_words: Sequence[str] = CITY_WORDS,
) -> list[Statement]:
    """Find the KPI statements of a Vietnamese report text.

    Parameters
    ----------
    text
        The report, as read from its file (NFC or NFD, any line ends).
    file
        The name recorded in each statement's ``file``.
    registry
        Resolves unit names to codes; without it ``unit_code`` stays empty.
    phrases
        Maps wording to metric codes; without it ``metric`` stays empty and bare counts
        (no target, no percentage) are not statements.
    catalog
        Gives labels and each metric's kind (a ``coverage`` metric's ``đạt X%`` is a
        coverage, a ``count`` metric's an attainment).
    money
        Read money amounts (``10.000.000đ``, ``2 tỷ đồng``) as figures too.
    city_words
        Words that name the registry's city unit (default :data:`CITY_WORDS`).

    Examples
    --------
    >>> s = extract_statements("Huyện A kết nạp 1.155/1.000 đảng viên, vượt 15,5% kế hoạch.")
    >>> s[0].stated_kind, s[0].computed_percent, s[0].consistent
    ('excess', Decimal('115.5'), True)
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    doc = prepare(text, money=money)
    doc.units = find_units(doc, registry, city_words)
    figures = scan(doc)
    drafts = assemble(doc, figures)
    records = interpret(doc, figures, drafts, phrases=phrases, catalog=catalog)
    starts = {id(r["draft"]): doc.norm.original(r["start"], r["end"])[0] for r in records}
    out = []
    for r in records:
        draft = r.pop("draft")
        start, end = doc.norm.original(r.pop("start"), r.pop("end"))
        figs = [draft.actual_fig, draft.target_fig]
        exact = not any(
            f is not None and (f.qualifier or f.kind == "range") for f in figs
        ) and not (draft.extra.get("derived"))
        part_of = starts.get(id(draft.part_of)) if draft.part_of is not None else None
        out.append(
            Statement(
                file=file,
                start=start,
                end=end,
                exact=exact,
                part_of=part_of,
                part_rule=draft.part_rule if part_of is not None else None,
                **r,
            )
        )
    return out


def statements_frame(statements: Iterable[Statement]) -> pl.DataFrame:
    """Statements as a polars frame with the columns of :data:`STATEMENT_SCHEMA`.

    Examples
    --------
    >>> df = statements_frame(extract_statements("Toàn thành phố kết nạp 852/453 đảng viên."))
    >>> df.select("actual", "target", "computed_percent").row(0)
    (852.0, 453.0, 188.1)
    """
    rows = []
    for s in statements:
        row: dict[str, Any] = {}
        for name in STATEMENT_SCHEMA:
            if name in ("actual_range", "target_range"):
                value = getattr(s, name.removesuffix("_range"))
                row[name] = [float(v) for v in value] if isinstance(value, tuple) else None
                continue
            value = getattr(s, name)
            if isinstance(value, tuple):
                value = None
            elif isinstance(value, Decimal):
                value = float(value)
            row[name] = value
        rows.append(row)
    return pl.DataFrame(rows, schema=STATEMENT_SCHEMA, orient="row")


def _as_frame(statements: pl.DataFrame | Iterable[Statement]) -> pl.DataFrame:
    if isinstance(statements, pl.DataFrame):
        missing = [c for c in STATEMENT_SCHEMA if c not in statements.columns]
        if missing:
            raise ValueError(f"not a frame of statements: missing {', '.join(missing)}")
        return statements
    return statements_frame(statements)


# --------------------------------------------------------------------------- files


def read_report_text(path: PathLike) -> str:
    """The text of a report file (UTF-8, a BOM allowed), looked up like the data files.

    Raises
    ------
    FileNotFoundError
        The file is not found here or in a folder above.
    KpiDataError
        The file is not UTF-8 text.
    """
    found = find_path(path)
    try:
        return found.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise KpiDataError(
            DataIssue(
                f"not UTF-8 text (bad byte at offset {exc.start}); save it as UTF-8",
                file=str(path),
            )
        ) from None


@dataclass(frozen=True)
class Extraction:
    """The statements of one report file, with the text and the reference data used."""

    file: str
    text: str
    statements: tuple[Statement, ...]
    registry: UnitRegistry | None
    catalog: MetricCatalog | None
    files: tuple[Path, ...]
    """Every file read: the report, then the registry, catalog and phrase book."""

    @property
    def frame(self) -> pl.DataFrame:
        """The statements as a frame (:data:`STATEMENT_SCHEMA`)."""
        return statements_frame(self.statements)

    @property
    def name(self) -> str:
        return Path(self.file).name


def _load(value: Any, reader: Any, files: list[Path], **options: Any) -> Any:
    if value is None or not isinstance(value, str | os.PathLike):
        return value
    path = find_path(value)
    files.append(path)
    return reader(path, **options)


def extract_file(
    path: PathLike,
    *,
    units: PathLike | UnitRegistry | None = "data/units.csv",
    catalog: PathLike | MetricCatalog | None = "data/metrics.csv",
    phrases: PathLike | PhraseBook | None = "data/metric_phrases.csv",
    money: bool = False,
) -> Extraction:
    """Read one report file and extract its statements.

    ``units``, ``catalog`` and ``phrases`` are paths (looked up like
    :func:`kpitools.io.find_path`), loaded objects, or None to go without.

    Examples
    --------
    >>> ex = extract_file("data/seed/000_75537393c0b30eb1.txt")
    >>> ex.frame.select("metric", "actual", "target").row(0)
    ('items_submitted', 12.0, 12.0)
    """
    files = [find_path(path)]
    text = read_report_text(path)
    registry = _load(units, read_registry, files)
    cat = _load(catalog, read_catalog, files)
    book = _load(phrases, read_phrases, files, catalog=cat)
    found = extract_statements(
        text, file=str(path), registry=registry, phrases=book, catalog=cat, money=money
    )
    return Extraction(str(path), text, tuple(found), registry, cat, tuple(files))


def read_statements(
    paths: PathLike | Iterable[PathLike],
    *,
    units: PathLike | UnitRegistry | None = "data/units.csv",
    catalog: PathLike | MetricCatalog | None = "data/metrics.csv",
    phrases: PathLike | PhraseBook | None = "data/metric_phrases.csv",
    money: bool = False,
) -> pl.DataFrame:
    """The statements of one or more report files as one frame (:data:`STATEMENT_SCHEMA`).

    The reference files are read once for all the reports.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    files: list[Path] = []
    registry = _load(units, read_registry, files)
    cat = _load(catalog, read_catalog, files)
    book = _load(phrases, read_phrases, files, catalog=cat)
    found: list[Statement] = []
    for p in paths:
        found.extend(
            extract_statements(
                read_report_text(p),
                file=str(p),
                registry=registry,
                phrases=book,
                catalog=cat,
                money=money,
            )
        )
    return statements_frame(found)


# --------------------------------------------------------------------------- audit


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

    Examples
    --------
    >>> audit = audit_statements(extract_statements("kết nạp 852/453 đảng viên, đạt 188,0%"))
    >>> audit.select("check", "stated", "expected", "verdict").row(0)
    ('attainment', '188,0%', 188.1, 'truncated')
    """
    df = _as_frame(statements)
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
                verdict, note, added = "unchecked", "a part is not an exact figure", None
            else:
                added = sum((v for v in values if v is not None), Decimal(0))
                ok = added == whole if rule == "sum_equal" else added <= whole
                verdict = "consistent" if ok else "inconsistent"
                sign = "=" if rule == "sum_equal" else "≤"
                note = (
                    " + ".join(_plain(v) for v in values if v is not None)
                    + f" = {_plain(added)}; total {sign} {_plain(whole)}"
                )
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
                    "note": note,
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
                    "note": f"a part of “{total['text']}”: {_plain(value)} ≤ {_plain(whole)}"
                    if ok
                    else f"larger than its total “{total['text']}”: "
                    f"{_plain(value)} > {_plain(whole)}",
                }
            )
    return rows


# --------------------------------------------------------------------------- long rows


class KpiRows(NamedTuple):
    """Statements as rows of the long table, and those that could not be placed (why)."""

    kpis: pl.DataFrame
    """Columns of :data:`kpitools.io.LONG_SCHEMA`."""
    unplaced: pl.DataFrame
    """The statements (:data:`STATEMENT_SCHEMA`) with a ``reason`` column."""


def statements_to_kpis(
    statements: pl.DataFrame | Iterable[Statement],
    *,
    registry: UnitRegistry,
    source: str | None = None,
) -> KpiRows:
    """Turn statements into rows of the long table, ready for the notebooks.

    A row needs a metric, a unit of the registry that existed that year, a year and one
    exact actual figure; ``as_of`` defaults to 31 December, ``source`` to the file's name,
    ``note`` is the statement's text and ``stated_percent`` its attainment or coverage
    percentage as written. A statement that cannot be placed is returned in ``unplaced``
    with the reason, never dropped; so is the second statement of the same unit × year ×
    metric.

    Examples
    --------
    >>> from kpitools.names import read_registry
    >>> reg = read_registry(find_path("data/units.csv"))
    >>> found = extract_statements("Năm 2023, huyện Đông Anh kết nạp 520/400 đảng viên mới.",
    ...                            registry=reg)
    >>> rows = statements_to_kpis(found, registry=reg)
    >>> rows.unplaced.select("reason").item()
    'no metric: the wording is no metric of the phrase book'
    """
    df = _as_frame(statements)
    placed: list[dict[str, Any]] = []
    reasons: list[str | None] = []
    seen: dict[tuple[str, int, str], str] = {}
    for r in df.iter_rows(named=True):
        reason = _unplaceable(r, registry)
        key = (r["unit_code"], r["year"], r["metric"])
        if reason is None and key in seen:
            reason = f"the same unit, year and metric as {seen[key]!r}"
        reasons.append(reason)
        if reason is not None:
            continue
        seen[key] = r["text"]
        stated = r["stated"] if r["stated_kind"] in ("attainment", "coverage") else None
        placed.append(
            {
                "unit_code": r["unit_code"],
                "unit_name": registry.name(r["unit_code"]),
                "level": registry.level(r["unit_code"]),
                "year": r["year"],
                "as_of": r["as_of"] or dt.date(r["year"], 12, 31),
                "metric": r["metric"],
                "target": r["target"],
                "actual": r["actual"],
                "source": source or Path(r["file"]).name,
                "stated_percent": stated,
                "note": r["text"],
            }
        )
    kpis = pl.DataFrame(placed, schema=LONG_SCHEMA, orient="row")
    unplaced = df.with_columns(reason=pl.Series(reasons, dtype=pl.String)).filter(
        pl.col("reason").is_not_null()
    )
    return KpiRows(kpis, unplaced)


def _unplaceable(r: dict[str, Any], registry: UnitRegistry) -> str | None:
    if r["metric"] is None:
        return "no metric: the wording is no metric of the phrase book"
    if r["unit_code"] is None:
        return "no unit: the text names none near the statement"
    if r["unit_code"] not in registry.codes():
        return f"unit {r['unit_code']!r} is not in the registry"
    if r["year"] is None:
        return "no year: the text states none"
    if not registry.exists(r["unit_code"], r["year"]):
        return f"unit {r['unit_code']} did not exist in {r['year']}"
    if r["actual_range"] is not None or r["target_range"] is not None:
        return "a range, not one figure"
    if r["actual"] is None:
        return "no actual figure"
    if not r["exact"]:
        return f"an approximate figure ({r['qualifier'] or 'derived'})"
    return None


# --------------------------------------------------------------------------- display

_WORDS = {
    "vi": {
        "metric": "Chỉ số",
        "unit": "Đơn vị",
        "year": "Năm",
        "as_of": "Tính đến",
        "actual": "Thực hiện",
        "target": "Chỉ tiêu",
        "stated": "Báo cáo ghi",
        "kind": "Loại",
        "computed": "Tính lại",
        "check": "Khớp",
        "text": "Câu trong văn bản",
        "verdict": "Kết quả",
        "expected": "Theo số liệu",
        "note": "Ghi chú",
        "reason": "Lý do",
        "statements": "{n} số liệu được đánh dấu",
        "ignored": "Không đọc phần này (tin khác, bình luận).",
    },
    "en": {
        "metric": "Metric",
        "unit": "Unit",
        "year": "Year",
        "as_of": "As of",
        "actual": "Actual",
        "target": "Target",
        "stated": "Report says",
        "kind": "Kind",
        "computed": "Computed",
        "check": "Consistent",
        "text": "Sentence in the text",
        "verdict": "Verdict",
        "expected": "By the numbers",
        "note": "Note",
        "reason": "Reason",
        "statements": "{n} statements highlighted",
        "ignored": "This part is not read (other news, comments).",
    },
}
_KINDS = {
    "vi": {
        "attainment": "tỷ lệ đạt",
        "excess": "vượt (%)",
        "excess_count": "vượt (số)",
        "growth": "tăng trưởng",
        "share": "tỷ trọng",
        "rate": "tỷ lệ",
        "coverage": "độ bao phủ",
        "target": "chỉ tiêu (%)",
        "percent": "tỷ lệ",
        "sum": "tổng các phần",
        "part": "một phần",
    },
    "en": {
        "attainment": "attainment",
        "excess": "excess (%)",
        "excess_count": "excess (count)",
        "growth": "growth",
        "share": "share",
        "rate": "rate",
        "coverage": "coverage",
        "target": "target (%)",
        "percent": "percentage",
        "sum": "sum of parts",
        "part": "part of a total",
    },
}
_VERDICT_WORDS = {
    "vi": {
        "consistent": "✓ khớp",
        "inconsistent": "✗ không khớp",
        "truncated": "✗ cắt bớt, không làm tròn",
        "unchecked": "– không kiểm tra được",
    },
    "en": {
        "consistent": "✓ consistent",
        "inconsistent": "✗ inconsistent",
        "truncated": "✗ truncated, not rounded",
        "unchecked": "– cannot be checked",
    },
}
_STYLE = (
    "<style>"
    ".kt-text{white-space:pre-wrap;line-height:1.7;max-width:60rem;border-left:3px solid #ddd;"
    "padding:.2rem .8rem}"
    ".kt-text mark{background:#dbeaf5;border-radius:3px;padding:0 .1rem}"
    ".kt-text mark.kt-consistent{background:#dff2ec}"
    ".kt-text mark.kt-inconsistent,.kt-text mark.kt-truncated{background:#fbe3d6;"
    "outline:2px solid #c0392b}"
    ".kt-text mark.kt-unchecked{background:#fdf0d5}"
    ".kt-text .kt-ignored{color:#999}"
    "tr.kt-status-inconsistent td,tr.kt-status-truncated td{background:#fbe3d6}"
    "tr.kt-status-unchecked td{background:#fdf0d5}"
    "tr.kt-status-consistent td{background:#dff2ec}"
    "</style>"
)


def _fmt_value(value: float | None, lang: str) -> str:
    if value is None:
        return MISSING
    d = Decimal(repr(value)).normalize()
    decimals = max(0, -d.as_tuple().exponent)  # type: ignore[operator]
    return format_number(value, lang=lang, decimals=min(int(decimals), 4))


def _fmt_figure(single: float | None, pair: list[float] | None, lang: str) -> str:
    if pair is not None:
        return f"{_fmt_value(pair[0], lang)}–{_fmt_value(pair[1], lang)}"
    return _fmt_value(single, lang)


def _fmt_percent(value: float | None, stated: str | None, lang: str) -> str:
    if value is None:
        return ""
    decimals = 1
    if stated:
        m = re.search(r"\d+(?:[.,](\d+))?\s*%", stated)
        if m:
            decimals = len(m.group(1) or "")
    return format_percent(value / 100, lang=lang, decimals=decimals)


def _tooltip(r: dict[str, Any], lang: str) -> str:
    parts = [r["label"] or r["metric"] or ""]
    where = " ".join(str(x) for x in (r["unit"], r["year"]) if x)
    if where:
        parts.append(where)
    figures = _fmt_figure(r["actual"], r["actual_range"], lang)
    if r["target"] is not None or r["target_range"] is not None:
        figures += " / " + _fmt_figure(r["target"], r["target_range"], lang)
    parts.append(figures)
    if r["stated"]:
        kind = _KINDS[lang].get(r["stated_kind"] or "", "")
        parts.append(f"{r['stated']} ({kind})" if kind else r["stated"])
    if r["verdict"]:
        parts.append(_VERDICT_WORDS[lang][r["verdict"]])
    return " · ".join(p for p in parts if p)


def highlight_html(
    text: str, statements: pl.DataFrame | Iterable[Statement], *, lang: str = "vi"
) -> Html:
    """The text with every statement highlighted, its reading in a tooltip; all escaped.

    ``statements`` must come from this ``text`` (their offsets index it). Statements whose
    stated figure is inconsistent or truncated are outlined in red; the part of a news page
    that is not read (related stories, comments) is greyed out.

    Examples
    --------
    >>> text = "Kết nạp 852/453 đảng viên <mới> (đạt 188,0%)."
    >>> html_out = str(highlight_html(text, extract_statements(text)))
    >>> "&lt;mới&gt;" in html_out, 'class="kt-truncated"' in html_out
    (True, True)
    """
    check_lang(lang)
    df = _as_frame(statements).sort("start")
    doc = prepare(text)
    ignored_from = doc.norm.original(doc.limit, doc.limit)[0] if doc.limit < len(doc.text) else None
    out: list[str] = []
    pos = 0

    def plain(a: int, b: int) -> str:
        return html.escape(_display(text[a:b]))

    for r in df.iter_rows(named=True):
        start, end = r["start"], r["end"]
        if start < pos or end > len(text) or start >= end:
            continue  # overlapping or from another text
        out.append(plain(pos, start))
        verdict = r["verdict"] or "none"
        out.append(
            f'<mark class="kt-{html.escape(verdict)}" title="{html.escape(_tooltip(r, lang))}">'
            f"{plain(start, end)}</mark>"
        )
        pos = end
    if ignored_from is not None and ignored_from >= pos:
        out.append(plain(pos, ignored_from))
        note = html.escape(_WORDS[lang]["ignored"])
        out.append(
            f'<span class="kt-ignored" title="{note}">{plain(ignored_from, len(text))}</span>'
        )
    else:
        out.append(plain(pos, len(text)))
    caption = html.escape(_WORDS[lang]["statements"].format(n=df.height))
    return Html(f'{_STYLE}<p>{caption}</p><div class="kt-text">{"".join(out)}</div>')


def _display(text: str) -> str:
    """Text for display: NFC, ``\\n`` line ends."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def statements_table(
    statements: pl.DataFrame | Iterable[Statement], *, lang: str = "vi", caption: str = ""
) -> Table:
    """The statements formatted for reading, one row each, in text order.

    A ``reason`` column (the ``unplaced`` frame of :func:`statements_to_kpis`) is shown too.

    Examples
    --------
    >>> t = statements_table(extract_statements("kết nạp 852/453 đảng viên (đạt 188,1%)"))
    >>> t.frame.select("Thực hiện", "Chỉ tiêu", "Báo cáo ghi", "Tính lại", "Khớp").row(0)
    ('852', '453', '188,1%', '188,1%', '✓ khớp')
    """
    check_lang(lang)
    w, kinds = _WORDS[lang], _KINDS[lang]
    df = _as_frame(statements).sort("file", "start")
    columns = ("metric", "unit", "year", "as_of", "actual", "target", "stated", "kind")
    extra = ("reason",) if "reason" in df.columns else ()
    out: dict[str, list[str]] = {w[c]: [] for c in (*columns, "computed", "check", "text", *extra)}
    for r in df.iter_rows(named=True):
        out[w["metric"]].append(r["label"] or r["metric"] or "")
        out[w["unit"]].append(" ".join(x for x in (r["unit_code"], r["unit"]) if x))
        out[w["year"]].append(str(r["year"]) if r["year"] else "")
        as_of = r["as_of"]
        out[w["as_of"]].append(
            as_of.strftime("%d/%m/%Y" if lang == "vi" else "%Y-%m-%d") if as_of else ""
        )
        qualifier = f"{r['qualifier']} " if r["qualifier"] and not r["exact"] else ""
        out[w["actual"]].append(qualifier + _fmt_figure(r["actual"], r["actual_range"], lang))
        out[w["target"]].append(_fmt_figure(r["target"], r["target_range"], lang))
        out[w["stated"]].append(r["stated"] or "")
        out[w["kind"]].append(kinds.get(r["stated_kind"] or "", ""))
        out[w["computed"]].append(_fmt_percent(r["computed_percent"], r["stated"], lang))
        out[w["check"]].append(_VERDICT_WORDS[lang].get(r["verdict"] or "", ""))
        out[w["text"]].append(r["text"])
        if extra:
            out[w["reason"]].append(r["reason"] or "")
    return Table(
        pl.DataFrame(out, schema=dict.fromkeys(out, pl.String)),
        status=tuple(df["verdict"].to_list()),
        caption=caption,
        lang=lang,
    )


def audit_table(audit: pl.DataFrame, *, lang: str = "vi", caption: str = "") -> Table:
    """The audit of :func:`audit_statements` formatted for reading (its order is kept).

    Examples
    --------
    >>> found = extract_statements("kết nạp 852/453 đảng viên (đạt 188,0%)")
    >>> audit_table(audit_statements(found), lang="en").frame.row(0)[2:5]
    ('188,0%', '188.1', '✗ truncated, not rounded')
    """
    check_lang(lang)
    w, kinds = _WORDS[lang], _KINDS[lang]
    out: dict[str, list[str]] = {
        w[c]: [] for c in ("kind", "text", "stated", "expected", "verdict", "note")
    }
    for r in audit.iter_rows(named=True):
        out[w["kind"]].append(kinds.get(r["check"], r["check"] or ""))
        out[w["text"]].append(r["text"])
        out[w["stated"]].append(r["stated"] or "")
        out[w["expected"]].append(
            _fmt_value(r["expected"], lang) if r["expected"] is not None else ""
        )
        out[w["verdict"]].append(_VERDICT_WORDS[lang].get(r["verdict"], r["verdict"]))
        out[w["note"]].append(r["note"] or "")
    return Table(
        pl.DataFrame(out, schema=dict.fromkeys(out, pl.String)),
        status=tuple(audit["verdict"].to_list()),
        caption=caption,
        lang=lang,
    )
