"""Statements read from report text, from files, and as rows of the long table."""

from __future__ import annotations

import datetime as dt
import gc
import os
import re
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

import polars as pl

from kpitools._typing import PathLike
from kpitools.catalog import MetricCatalog, read_catalog
from kpitools.errors import DataIssue, KpiDataError
from kpitools.extract.capital_plans import link_capital_plans
from kpitools.extract.document import link_document
from kpitools.extract.excess_targets import link_counted_excesses
from kpitools.extract.grammar import Value, assemble, interpret, scan
from kpitools.extract.notes import Segment, noted, seg
from kpitools.extract.pair_rates import rates_of_listed_pairs, rates_of_pairs
from kpitools.extract.part_goals import link_part_goals
from kpitools.extract.parts import ListedParts, listed_parts_over
from kpitools.extract.phrases import STATEMENT_SCHEMA, PhraseBook, read_phrases
from kpitools.extract.plan_multiples import plan_multiples
from kpitools.extract.plans_after import link_plans_after_results
from kpitools.extract.quota_admissions import (
    drop_quotas_read_as_results,
    link_named_quotas,
    link_quota_admissions,
)
from kpitools.extract.referred_plans import link_plans_said_of_results
from kpitools.extract.round_lists import link_round_lists
from kpitools.extract.rounded_results import within_result_rounding
from kpitools.extract.shares import named_count_shares
from kpitools.extract.table_rows import (
    TableRow,
    heading_metric,
    row_checks,
    table_rows,
    unit_and_metric,
)
from kpitools.extract.text import (
    CITY_WORDS,
    Normalized,
    Stop,
    Unread,
    dated_code,
    find_units,
    prepare,
)
from kpitools.extract.unit_margins import link_unit_margins
from kpitools.io.dataset import find_path
from kpitools.io.schema import LONG_SCHEMA
from kpitools.numbers import (
    Consistency,
    check_percent,
    parse_percent,
    percent_of,
    round_half_up,
)
from kpitools.registry import UnitRegistry, read_registry
from kpitools.textfold import fold, rx

# --------------------------------------------------------------------------- statements


@dataclass(frozen=True, slots=True)  # slots: no dict of its own per statement (memory)
class Statement:
    """One KPI statement found in a text (see the module docstring for how it is read).

    Examples
    --------
    >>> s, = extract_statements("Năm 2023, huyện Đông Anh kết nạp 852/453 đảng viên "
    ...                         "(đạt 188,1%).", registry=read_registry("data/units.csv"))
    >>> s.unit_code, s.year, s.actual, s.target, s.stated, s.computed_percent, s.consistent
    ('017', 2023, Decimal('852'), Decimal('453'), '188,1%', Decimal('188.1'), True)
    """

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
    """``trên``, ``gần``, ``hơn``, ``khoảng``, ``trở lên`` or ``vượt`` (``vượt 704.500 tỷ đồng``:
    more than it), as written."""
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
    """How the stated figure was checked, in English (``100 × 852 / 453 = 188.079 → 188.1``)."""
    note_data: str | None = None
    """The note as data (JSON segments), for writing it in either language with
    :func:`kpitools.extract.notes.note_text`."""
    part_of: int | None = None
    """``start`` of the stated total this statement is a part of (``trong đó …``)."""
    part_rule: str | None = None
    """``sum_equal``, ``sum_at_most`` (the parts, disjoint, against the total) or
    ``at_most`` (each part against the total)."""
    term: str | None = None
    """The term a whole-term figure is of (``2020-2025``; ``nhiệm kỳ`` when no years are
    written); its ``year`` is then None unless the sentence names one."""
    target_period: str | None = None
    """Of a target: ``annual`` (``mỗi năm 120``, ``năm 2024``) or ``term`` (``nhiệm kỳ
    2020-2025 phấn đấu kết nạp 600``)."""
    implied_target: Decimal | None = None
    """actual / stated percentage when no target is written (``vượt X%``: actual /
    (100 + X) %), to 2 decimals: derived, never read from the text."""
    link_start: int | None = None
    """Where the target was read when it is stated elsewhere in the text (another
    sentence: a resolution, a plan); with ``link_end`` and ``link_text`` its evidence."""
    link_end: int | None = None
    link_text: str | None = None
    measure: str | None = None
    """The unit of a money figure as written (``tỷ đồng``, ``triệu đồng``, ``nghìn tỷ
    đồng``, ``triệu USD``); its ``actual``, ``target`` and ``excess`` are then in the
    currency's base unit (đồng, USD). None for counts and percentages."""

    @property
    def support(self) -> str | None:
        """What backs this statement as a target-versus-result claim (:data:`SUPPORTS`).

        ``checked``: its stated percentage (or excess, ``vượt chỉ tiêu 20 đảng viên``)
        agrees with its actual and target; ``unconfirmed``: it has all three, and they
        disagree or cannot be checked (a qualified figure, a target derived from the stated
        excess); ``percent_only``: an actual and a stated attainment, the target not written
        (``implied_target``); ``target_only``: an actual paired with a target, nothing
        stated to confirm the pairing. None: not such a claim (a target alone, a growth,
        a share, a coverage). Whether the target came from another sentence is ``link_start``.

        Examples
        --------
        >>> [s] = extract_statements("Toàn thành phố kết nạp 852/453 đảng viên (đạt 188,1%).")
        >>> s.support
        'checked'
        >>> [s] = extract_statements("Huyện A kết nạp 40 đảng viên, đạt 80% chỉ tiêu.")
        >>> s.support, s.implied_target
        ('percent_only', Decimal('50.00'))
        """
        if self.actual is None:
            return None
        if self.target is None:
            return "percent_only" if self.stated_kind in _OF_A_TARGET else None
        if self.stated_kind not in (None, *_OF_A_TARGET, "excess_count"):
            return None
        if self.stated is None:
            return "target_only"
        return "checked" if self.consistent else "unconfirmed"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: numbers as int or float, a range as ``[low, high]``, dates ISO.

        Examples
        --------
        >>> [s] = extract_statements("Năm 2024 phấn đấu kết nạp từ 150 đến 170 đảng viên.")
        >>> s.to_dict()["target"], s.to_dict()["year"], s.to_dict()["stated_kind"]
        ([150, 170], 2024, None)
        """
        out = {f.name: _json(getattr(self, f.name)) for f in fields(self)}
        return {**out, "support": self.support}


_OF_A_TARGET = ("attainment", "excess")
"""Stated kinds that measure an actual against its target (:attr:`Statement.support`)."""


def _json(value: object) -> object:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, tuple):
        return [_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class UnreadFigureWarning(UserWarning):
    """A figure of a report text in no number format (``12.723.4``), left unread.

    No statement rests on it; :class:`~kpitools.extract.text.Unread` says where it is. A
    money amount whose commas both group thousands and mark decimals (``1,591,3 nghìn tỷ
    đồng``) has one reading only: it is read so (``1.591,3``), and the warning says so.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     found = extract_statements("Trồng 1.234.5/2.000 ha rừng, đạt 61,7% kế hoạch.")
    >>> found, caught[0].category.__name__
    ([], 'UnreadFigureWarning')
    """


def extract_statements(
    text: str,
    *,
    file: str = "<text>",
    registry: UnitRegistry | None = None,
    phrases: PhraseBook | None = None,
    catalog: MetricCatalog | None = None,
    money: bool = True,
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
        Read money amounts (``10.000.000đ``, ``38,7 tỷ đồng``, ``1,5 nghìn tỷ đồng``) as
        figures (the default): ``thu ngân sách đạt 38,7 tỷ đồng, bằng 154% dự toán`` is a
        statement, in đồng, with its unit as written in ``measure``. ``False`` masks them.
    city_words
        Words that name the registry's city unit (default :data:`CITY_WORDS`).

    Examples
    --------
    >>> s = extract_statements("Huyện A kết nạp 1.155/1.000 đảng viên, vượt 15,5% kế hoạch.")
    >>> s[0].stated_kind, s[0].computed_percent, s[0].consistent
    ('excess', Decimal('115.5'), True)
    """
    found, _, unread = _read(
        text,
        file=file,
        registry=registry,
        phrases=phrases,
        catalog=catalog,
        money=money,
        city_words=city_words,
    )
    for u in unread:  # a figure in no number format is not read, and said
        warnings.warn(f"{file}: {u}", UnreadFigureWarning, stacklevel=2)
    return found


def _statements_of(
    records: list[dict[str, Any]], text: str, registry: UnitRegistry | None, file: str
) -> tuple[list[Statement], dict[int, tuple[str, str | None]]]:
    """The statements of the sentence grammar's records, each record's draft taken out.

    Also the units named after the statements, by the offset where each statement begins.
    """
    starts = {id(r["draft"]): r["start"] for r in records}
    out = []
    later: dict[int, tuple[str, str | None]] = {}
    for r in records:
        draft = r.pop("draft")
        # a name of units of two periods is the unit of the statement's date
        r["unit_code"] = dated_code(
            r.pop("unit_rows"), r["unit_code"], r["year"], r["as_of"], registry
        )
        start, end = r.pop("start"), r.pop("end")
        if (u := r.pop("unit_later")) is not None:
            later[start] = (u.text, dated_code(u.units, u.code, r["year"], r["as_of"], registry))
        link = r.pop("link_span")
        if link is not None:
            r["link_start"], r["link_end"] = link
            r["link_text"] = text[link[0] : link[1]]
        figs = [draft.actual_fig, draft.target_fig]
        exact = (
            not any(f is not None and (f.qualifier or f.kind == "range") for f in figs)
            and not draft.derived
        )
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
    return out, later


# the length of text (characters) from which :func:`_read` runs the cycle collector after the
# sentence grammar (a full collection takes milliseconds; a short text's drafts weigh little)
COLLECT_ABOVE = 100_000


def _read(
    text: str,
    *,
    file: str,
    registry: UnitRegistry | None,
    phrases: PhraseBook | None,
    catalog: MetricCatalog | None,
    money: bool,
    city_words: Sequence[str],
) -> tuple[list[Statement], Stop | None, tuple[Unread, ...]]:
    """The statements of a text (see :func:`extract_statements`), and more.

    Also where reading stopped and the figures in no number format (not read).
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    doc = prepare(text, money=money)
    doc.units = find_units(doc, registry, city_words)
    figures = scan(doc)
    drafts = assemble(doc, figures)
    records = interpret(doc, figures, drafts, phrases=phrases, catalog=catalog)
    # the document passes read the normalized text (NFC, spaces unified), so NFD and NFC
    # texts read alike; offsets go back to the text as given at the end
    out, later = _statements_of(records, doc.text, registry, file)
    # the figures, drafts and records are not read again: freed before the passes' peak. A
    # figure and its draft refer to each other, so only the cycle collector frees them, when
    # it next runs: for a long text (megabytes of drafts) it is run here, once
    del figures, drafts, records
    if len(text) >= COLLECT_ABOVE:
        gc.collect()
    linked = link_document(out, doc.text, money=money)
    linked = _with_parts_over(linked, doc.text, end=doc.limit, file=file, money=money)
    linked = _with_table_rows(
        linked, doc.text, doc.fold, end=doc.limit, file=file, book=(phrases, catalog)
    )
    linked = _with_named_shares(linked, doc.text, end=doc.limit, file=file)
    linked = _with_plan_multiples(linked, doc.text, doc.fold, end=doc.limit, file=file)
    if money:  # the plans and results it reads are sums of money
        linked = link_plans_after_results(linked, doc.text, doc.fold, end=doc.limit, file=file)
        linked = link_plans_said_of_results(linked, doc.text, doc.fold, end=doc.limit, file=file)
    linked = link_part_goals(linked, doc.text, doc.fold, end=doc.limit, file=file)
    linked = link_capital_plans(linked, doc.text, doc.fold)
    linked = link_quota_admissions(linked, doc.text, doc.fold, end=doc.limit, file=file)
    linked = rates_of_pairs(linked, doc.text, doc.fold)
    linked = rates_of_listed_pairs(linked, doc.text, doc.fold)
    linked = link_named_quotas(drop_quotas_read_as_results(linked, doc.fold), doc.text, doc.fold)
    linked = within_result_rounding(linked, doc.text, doc.fold)
    linked = link_round_lists(linked, doc.text, doc.fold, end=doc.limit, file=file)
    linked = link_counted_excesses(linked, doc.text, doc.fold, end=doc.limit, file=file)
    linked = link_unit_margins(linked, doc.text, doc.fold, end=doc.limit, file=file, money=money)
    del out  # each statement moved below is then the only one of its span in memory
    _give_units_named_before(linked, later)
    if not doc.norm.same_offsets():
        for i, s in enumerate(linked):
            linked[i] = _as_given(s, doc.norm)
    return linked, doc.stopped_at, tuple(doc.unread)


def _give_units_named_before(
    statements: list[Statement], later: dict[int, tuple[str, str | None]]
) -> None:
    """Give the unit its bare level noun refers to to each statement with no unit.

    The subject written as a bare noun of a level refers to a unit named just before
    (:func:`kpitools.extract.kinds.unit_named_before`); given after the document's
    passes: for the reader, never to link or pair.
    """
    if not later:
        return
    for i, s in enumerate(statements):
        if s.unit is None and s.unit_code is None and s.start in later:
            unit, code = later[s.start]
            statements[i] = replace(s, unit=unit, unit_code=code)


def _as_given(s: Statement, norm: Normalized) -> Statement:
    """``s`` with its offsets (span, link, whole) in the text as given, not the normalized."""
    start, end = norm.original(s.start, s.end)
    moved: dict[str, int | None] = {"start": start, "end": end}
    if s.link_start is not None and s.link_end is not None:
        moved["link_start"], moved["link_end"] = norm.original(s.link_start, s.link_end)
    if s.part_of is not None:
        moved["part_of"] = norm.original(s.part_of, s.part_of + 1)[0]
    return replace(s, **moved)  # type: ignore[arg-type]


_UNREAD_FIELDS: dict[str, Any] = {
    "metric": None,
    "label": "",
    "unit": None,
    "unit_code": None,
    "year": None,
    "as_of": None,
    "actual": None,
    "target": None,
    "stated_percent": None,
    "stated_kind": None,
    "qualifier": None,
    "computed_percent": None,
    "consistent": None,
}
"""The fields a statement read from the text's layout, not its grammar, leaves empty."""


def _insert(
    out: list[Statement], text: str, span: tuple[int, int], *, file: str, **fields: Any
) -> None:
    """Insert into ``out``, in text order, a statement of ``text[span]`` with ``fields``."""
    start, end = span
    at = next((i for i, c in enumerate(out) if c.start > start), len(out))
    words = " ".join(text[start:end].split())
    statement = Statement(
        file=file, start=start, end=end, text=words, **{**_UNREAD_FIELDS, **fields}
    )
    out.insert(at, statement)


def _parts_note(p: ListedParts) -> str:
    """The note's opening for the listed parts ``p``: over the whole, or all of its kinds."""
    if not p.exhaustive:
        return "parts_over"
    if p.rounded:
        return "shares_all"
    return "parts_all_within" if p.within else "parts_all"


_SUM_RULES = ("sum_equal", "sum_at_most")


def _with_parts_over(
    statements: list[Statement], text: str, *, end: int, file: str, money: bool
) -> list[Statement]:
    """``statements`` with a statement for each whole its listed parts add up to more than.

    See :func:`~kpitools.extract.parts.listed_parts_over`; in text order, with no plan and
    no percentage, its verdict ``inconsistent`` and the sum in its note.
    """
    out = list(statements)
    # wholes whose parts an earlier pass already adds up (``gồm`` read by part_links): one
    # sum row per whole, that pass's
    summed = {s.part_of for s in statements if s.part_of is not None and s.part_rule in _SUM_RULES}
    for p in listed_parts_over(text, end):
        if (p.measure is not None and not money) or any(p.start <= w < p.whole_end for w in summed):
            continue
        added = sum(p.parts, Decimal(0))
        parts_said = [
            seg("sum_more" if i else "sum_first", v=_plain(v)) for i, v in enumerate(p.parts)
        ]
        note = noted(
            seg(_parts_note(p)),
            *parts_said,
            seg(
                "sum_not_whole" if p.exhaustive else "sum_more_than",
                sum=_plain(added),
                whole=_plain(p.whole),
            ),
        )
        _insert(
            out,
            text,
            (p.start, p.end),
            file=file,
            actual=p.whole,
            consistent=False,
            stated=_whole_as_written(text, p),
            verdict="inconsistent",
            measure=p.measure,
            note=note["note"],
            note_data=note["note_data"],
        )
    return out


def _with_table_rows(
    statements: list[Statement],
    text: str,
    folded: str,
    *,
    end: int,
    file: str,
    book: tuple[PhraseBook | None, MetricCatalog | None] = (None, None),
) -> list[Statement]:
    """``statements`` with a statement for each row of an indicator table no statement reads.

    See :mod:`kpitools.extract.table_rows`; in text order, the row's result against its
    plan, checked by the row's percentage when the table has a column of them. A unit's
    heading that names what is counted after a dash gives the metric, read by the phrase
    book (``book``: it and the catalog that labels the metric).
    """
    out = list(statements)
    rows: list[TableRow] = []
    for r in table_rows(text, folded, end):
        if any(c.start < r.end and r.start < c.end for c in out):
            continue
        rows.append(r)
        name, words = unit_and_metric(r.label) if r.unit else (r.label, "")
        metric = _heading_metric(words, book)
        _insert(
            out,
            text,
            (r.start, r.end),
            file=file,
            metric=metric,
            label=_table_label(r, metric, book[1]),
            unit=(name if metric else r.label) if r.unit else None,
            year=r.year,
            actual=r.actual,
            target=r.target,
            stated_percent=r.percent.value if r.percent else None,
            stated_kind="attainment" if r.percent else None,
            qualifier=r.actual_qualifier,
            stated=r.percent.text if r.percent else None,
            exact=r.actual_qualifier is None and r.target_qualifier is None,
            target_period="annual" if r.yearly else None,
            measure=r.measure,
            **row_checks(r),
        )
    _link_row_notes(out, rows, folded)
    return out


ROW_NOTE_REACH = 200
"""How far (characters) after a table row's percentage a note of that row may start."""
# "… đạt 426 tỷ đồng đạt 146,8% KH": a percentage of the plan named bare, at its end
_BARE_PLAN_END = rx(r"\s*(?:kh|kế\s+hoạch)\s*$")


def _link_row_notes(out: list[Statement], rows: list[TableRow], folded: str) -> None:
    """Give a note written in a table row's later cells the row's plan as its target.

    ``Nếu loại trừ …, đạt 410 tỷ đồng đạt 141% KH`` in the cells after a row of money whose
    plan is 290 tỷ đồng: the plan the note's percentage is of is the row's, when the note
    names the plan bare (``KH``, ``kế hoạch``), is an amount of the row's currency with no
    target, starts within :data:`ROW_NOTE_REACH` of the row with no row between, and its
    percentage agrees with that plan.
    """
    for i, s in enumerate(out):
        if (
            s.stated_kind != "attainment"
            or s.target is not None
            or not isinstance(s.actual, Decimal)
            or s.measure is None
            or s.stated is None
            or _BARE_PLAN_END.search(fold(s.text)) is None
        ):
            continue
        row = next((r for r in reversed(rows) if r.end <= s.start), None)
        if (
            row is None
            or row.measure is None
            or s.start - row.end > ROW_NOTE_REACH
            or not isinstance(row.target, Decimal)
            or row.measure.split()[-1] != s.measure.split()[-1]
        ):
            continue
        check = check_percent(parse_percent(s.stated), s.actual, row.target)
        if check.fits:
            out[i] = _row_note_linked(s, row, check)


def _row_note_linked(s: Statement, row: TableRow, check: Consistency) -> Statement:
    """``s`` with the plan of ``row`` as its target, checked."""
    assert isinstance(s.actual, Decimal) and isinstance(row.target, Decimal)
    t = f"{row.target:f}"
    lead = (
        seg("linked_lead", t=t, text=row.label),
        seg("percent", a=f"{s.actual:f}", t=t, exact=f"{check.exact:.6g}"),
        seg("computed", computed=check.computed),
    )
    return replace(
        s,
        target=row.target,
        year=s.year or row.year,
        target_period="annual" if row.yearly else s.target_period,
        implied_target=None,
        computed_percent=check.computed,
        consistent=check.consistent,
        truncated=check.truncated,
        verdict="truncated" if check.truncated else "consistent",
        link_start=row.start,
        link_end=row.end,
        link_text=" ".join(row.label.split()),
        **noted(*lead),  # type: ignore[arg-type]
    )


def _heading_metric(words: str, book: tuple[PhraseBook | None, MetricCatalog | None]) -> str | None:
    phrases = book[0]
    return heading_metric(words, phrases) if words and phrases is not None else None


def _table_label(r: TableRow, metric: str | None, catalog: MetricCatalog | None) -> str | None:
    """A row's label: its metric's (the catalog's), else its own when it names no unit."""
    if metric is not None:
        return catalog.label(metric) if catalog is not None else metric
    return None if r.unit else r.label


def _with_named_shares(
    statements: list[Statement], text: str, *, end: int, file: str
) -> list[Statement]:
    """``statements`` with a statement for each share in brackets of a count written before.

    See :func:`~kpitools.extract.shares.named_count_shares`; in text order, a ``share`` of
    the part against the whole its words name, checked at the share's precision.
    """
    out = list(statements)
    for n in named_count_shares(text, end):
        if any(c.start < n.end and n.start < c.end and c.stated for c in out):
            continue
        check = check_percent(n.percent, n.part, n.whole)
        lead = (
            seg("share_of_measure", a=f"{n.part:f}", t=f"{n.whole:f}", text=n.whole_text),
            seg("computed", computed=check.computed),
        )
        verdict = "consistent" if check.consistent else "inconsistent"
        note = noted(*lead)
        _insert(
            out,
            text,
            (n.start, n.end),
            file=file,
            actual=n.part,
            stated_percent=n.percent.value,
            stated_kind="share",
            computed_percent=check.computed,
            consistent=check.consistent,
            truncated=check.truncated,
            stated=n.percent.text,
            verdict="truncated" if check.truncated else verdict,
            note=note["note"],
            note_data=note["note_data"],
        )
    return out


def _with_plan_multiples(
    statements: list[Statement], text: str, folded: str, *, end: int, file: str
) -> list[Statement]:
    """``statements`` with a statement for each result said to be a multiple of its plan.

    See :func:`~kpitools.extract.plan_multiples.plan_multiples`; an attainment of 100 × N %, the
    plan derived (``implied_target``). A statement that already reads the amount as a plain
    result (``kết nạp 300 đảng viên``: its metric, unit and year, nothing stated, no target)
    takes the multiple; one that states or pairs anything else is left as it is.
    """
    out = list(statements)
    for p in plan_multiples(text, folded, end):
        percent = 100 * p.times
        if percent == percent.to_integral_value():
            percent = round_half_up(percent, 0)  # 1,6 lần: 160 %, not 160.0
        claim: dict[str, Any] = {
            "stated_percent": percent,
            "stated_kind": "attainment",
            "stated": p.times_text,
            "implied_target": percent_of(p.actual, percent, 2),
            "verdict": "unchecked",
            **noted(seg("plan_multiple", n=p.times_text, percent=percent), seg("no_target")),
        }
        read = [c for c in out if c.start < p.end and p.start < c.end and c.actual is not None]
        if not read:
            _insert(
                out,
                text,
                (p.start, p.end),
                file=file,
                actual=p.actual,
                qualifier=p.qualifier,
                exact=p.qualifier is None,
                measure=p.measure,
                **claim,
            )
        elif len(read) == 1 and _plain_result_of(read[0], p.actual):
            c = read[0]
            at = out.index(c)
            stop = max(c.end, p.end)
            words = " ".join(text[c.start : stop].split())
            out[at] = replace(c, end=stop, text=words, **claim)
    return out


def _plain_result_of(s: Statement, actual: Decimal) -> bool:
    """Whether ``s`` reads ``actual`` as a plain result: nothing stated, no target, no part."""
    return (
        s.actual == actual
        and s.target is None
        and s.stated_percent is None
        and s.stated_kind is None
        and s.excess is None
        and s.part_of is None
        and s.link_start is None
    )


def _whole_as_written(text: str, p: ListedParts) -> str:
    """The whole's amount as written: with its scale and currency, a count without its noun."""
    words = text[p.start : p.whole_end].split()
    return " ".join(words if p.measure is not None else words[:1])


def _plain(d: Decimal) -> str:
    """A number as plain digits (for notes)."""
    return format(d.normalize(), "f")


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


def as_frame(statements: pl.DataFrame | Iterable[Statement]) -> pl.DataFrame:
    """Statements as the frame of :data:`STATEMENT_SCHEMA` (a frame is checked, not copied)."""
    if isinstance(statements, pl.DataFrame):
        missing = [c for c in STATEMENT_SCHEMA if c not in statements.columns]
        if missing and set(missing) <= {"note_data", "measure", "support"}:
            # a frame of an older kpitools: its notes as written, no money read, no support
            return statements.with_columns(
                **{name: pl.lit(None, dtype=pl.String) for name in missing}
            ).select(list(STATEMENT_SCHEMA))
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

    Examples
    --------
    >>> read_report_text("data/seed/000_75537393c0b30eb1.txt")[:31]
    'Ngành Tổ chức xây dựng Đảng qua'
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
    """The statements of one report file, with the text and the reference data used.

    Examples
    --------
    >>> ex = extract_file("data/seed/000_75537393c0b30eb1.txt", units="data/units.csv",
    ...     catalog="data/metrics.csv", phrases="data/metric_phrases.csv")
    >>> ex.name, len(ex.statements), [p.name for p in ex.files][1:]
    ('000_75537393c0b30eb1.txt', 11, ['units.csv', 'metrics.csv', 'metric_phrases.csv'])
    >>> ex.stopped_at.line, ex.stopped_at.heading
    (46, 'Ý kiến bạn đọc')
    """

    file: str
    text: str
    statements: tuple[Statement, ...]
    registry: UnitRegistry | None
    catalog: MetricCatalog | None
    files: tuple[Path, ...]
    """Every file read: the report, then the registry, catalog and phrase book."""
    stopped_at: Stop | None = None
    """Where reading stopped, at the heading of a news page's trailer (``Ý kiến bạn đọc``,
    ``Tin cùng chuyên mục`` …); None when the whole text was read. ``str()`` of it is a
    one-line note: ``line 52 (offset 9120): read up to the heading 'Ý kiến bạn đọc'; …``."""
    unread: tuple[Unread, ...] = ()
    """Figures written in no number format (``12.723.4``), in the order of the text: none is
    read, so no statement rests on them; ``str()`` of each is a one-line note (``line 7
    (offset 410): '12.723.4' is not a number (…); not read``). ``kpitools extract`` prints
    them on stderr; :func:`extract_statements` warns (:class:`UnreadFigureWarning`)."""

    @property
    def frame(self) -> pl.DataFrame:
        """The statements as a frame (:data:`STATEMENT_SCHEMA`)."""
        return statements_frame(self.statements)

    @property
    def name(self) -> str:
        """The report file's name, without its folder."""
        return Path(self.file).name


def _found(path: PathLike, files: list[Path]) -> Path:
    """The file ``path`` names (looked up like :func:`kpitools.io.find_path`), noted in files."""
    found = find_path(path)
    files.append(found)
    return found


def _references(
    units: PathLike | UnitRegistry | None,
    catalog: PathLike | MetricCatalog | None,
    phrases: PathLike | PhraseBook | None,
    files: list[Path],
) -> tuple[UnitRegistry | None, MetricCatalog | None, PhraseBook | None]:
    """The registry, catalog and phrase book from what the caller gave.

    Each is read from the path given (in that order, each file noted in ``files``), kept
    when given loaded, None when None.
    """
    registry = (
        read_registry(_found(units, files)) if isinstance(units, str | os.PathLike) else units
    )
    cat = (
        read_catalog(_found(catalog, files)) if isinstance(catalog, str | os.PathLike) else catalog
    )
    book = (
        read_phrases(_found(phrases, files), catalog=cat)
        if isinstance(phrases, str | os.PathLike)
        else phrases
    )
    return registry, cat, book


def extract_file(
    path: PathLike,
    *,
    units: PathLike | UnitRegistry | None,
    catalog: PathLike | MetricCatalog | None,
    phrases: PathLike | PhraseBook | None,
    money: bool = True,
) -> Extraction:
    """Read one report file and extract its statements.

    ``units``, ``catalog`` and ``phrases`` are paths (looked up like
    :func:`kpitools.io.find_path`), loaded objects, or None to go without; the caller
    says which (the repository's are ``data/units.csv``, ``data/metrics.csv`` and
    ``data/metric_phrases.csv``).

    Examples
    --------
    >>> ex = extract_file("data/seed/000_75537393c0b30eb1.txt", units="data/units.csv",
    ...     catalog="data/metrics.csv", phrases="data/metric_phrases.csv")
    >>> ex.frame.select("metric", "actual", "target").row(0)
    ('items_submitted', 12.0, 12.0)
    """
    files = [find_path(path)]
    text = read_report_text(path)
    registry, cat, book = _references(units, catalog, phrases, files)
    found, stop, unread = _read(
        text,
        file=str(path),
        registry=registry,
        phrases=book,
        catalog=cat,
        money=money,
        city_words=CITY_WORDS,
    )
    return Extraction(str(path), text, tuple(found), registry, cat, tuple(files), stop, unread)


def read_statements(
    paths: PathLike | Iterable[PathLike],
    *,
    units: PathLike | UnitRegistry | None,
    catalog: PathLike | MetricCatalog | None,
    phrases: PathLike | PhraseBook | None,
    money: bool = True,
) -> pl.DataFrame:
    """The statements of one or more report files as one frame (:data:`STATEMENT_SCHEMA`).

    ``units``, ``catalog`` and ``phrases`` are as for :func:`extract_file`; the reference
    files are read once for all the reports.

    Examples
    --------
    >>> frame = read_statements(["data/seed/000_75537393c0b30eb1.txt"], units="data/units.csv",
    ...     catalog="data/metrics.csv", phrases="data/metric_phrases.csv")
    >>> frame.height, frame.filter(pl.col("consistent")).height
    (11, 3)
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    files: list[Path] = []
    registry, cat, book = _references(units, catalog, phrases, files)
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


# --------------------------------------------------------------------------- long rows


class KpiRows(NamedTuple):
    """Statements as rows of the long table, and those that could not be placed (why).

    Examples
    --------
    >>> ex = extract_file("data/seed/000_75537393c0b30eb1.txt", units="data/units.csv",
    ...     catalog="data/metrics.csv", phrases="data/metric_phrases.csv")
    >>> rows = statements_to_kpis(ex.statements, registry=ex.registry)
    >>> rows.kpis.select("unit_code", "metric", "actual", "target").row(0), rows.unplaced.height
    (('01', 'items_submitted', 12.0, 12.0), 0)
    """

    kpis: pl.DataFrame
    """Columns of :data:`kpitools.io.LONG_SCHEMA`."""
    unplaced: pl.DataFrame
    """The statements (:data:`STATEMENT_SCHEMA`) with a ``reason`` column (English) and
    ``reason_data`` (the reason as data: :func:`statements_table` writes it in its language)."""


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
    >>> from kpitools.registry import read_registry
    >>> reg = read_registry(find_path("data/units.csv"))
    >>> found = extract_statements("Năm 2023, huyện Đông Anh kết nạp 520/400 đảng viên mới.",
    ...                            registry=reg)
    >>> rows = statements_to_kpis(found, registry=reg)
    >>> rows.unplaced.select("reason").item()
    'no metric: the wording is no metric of the phrase book'
    """
    df = as_frame(statements)
    placed: list[dict[str, Any]] = []
    reasons: list[dict[str, str] | None] = []
    seen: dict[tuple[str, int, str], str] = {}
    for r in df.iter_rows(named=True):
        reason = _unplaceable(r, registry)
        key = (r["unit_code"], r["year"], r["metric"])
        if reason is None and key in seen:
            reason = [seg("same_as", text=repr(seen[key]))]
        reasons.append(None if reason is None else noted(*reason))
        if reason is not None:
            continue
        seen[key] = r["text"]
        stated = r["stated"] if r["stated_kind"] in ("attainment", "coverage") else None
        as_of = r["as_of"] or dt.date(r["year"], 12, 31)
        unit = registry.unit(r["unit_code"], at=as_of)  # the unit of that day (codes are reused)
        placed.append(
            {
                "unit_code": r["unit_code"],
                "unit_name": unit.name,
                "level": unit.level,
                "year": r["year"],
                "as_of": as_of,
                "metric": r["metric"],
                "target": r["target"],
                "actual": r["actual"],
                "source": source or Path(r["file"]).name,
                "stated_percent": stated,
                "note": r["text"],
            }
        )
    kpis = pl.DataFrame(placed, schema=LONG_SCHEMA, orient="row")
    unplaced = df.with_columns(
        reason=pl.Series([r and r["note"] for r in reasons], dtype=pl.String),
        reason_data=pl.Series([r and r["note_data"] for r in reasons], dtype=pl.String),
    ).filter(pl.col("reason").is_not_null())
    return KpiRows(kpis, unplaced)


def _unit_unplaceable(r: dict[str, Any], registry: UnitRegistry) -> list[Segment] | None:
    """Why the statement's unit cannot be placed in its year and on its date, if it cannot."""
    if r["unit_code"] is None and r["unit"] is not None and r["year"] is not None:
        return [seg("no_single_unit", unit=repr(r["unit"]), year=r["year"])]
    if r["unit_code"] is None:
        return [seg("no_unit")]
    if r["unit_code"] not in registry:
        return [seg("unit_unknown", code=repr(r["unit_code"]))]
    if r["year"] is None and r.get("term"):
        return [seg("whole_term", term=r["term"])]
    if r["year"] is None:
        return [seg("no_year")]
    code, year = r["unit_code"], r["year"]
    as_of = r["as_of"] or dt.date(year, 12, 31)
    if not registry.exists(code, year):
        return _not_in_force(registry, code, dt.date(year, 12, 31), seg("in_year", year=year))
    if not registry.exists_on(code, as_of):
        return _not_in_force(registry, code, as_of, seg("on_date", date=as_of.isoformat()))
    return None


#: The parts of a registry's ``not_in_force`` detail (``ceased on 2025-06-30; its area is
#: now in …``), each a word of the vocabulary.
_DETAIL_PARTS = tuple(
    (re.compile(pattern), name)
    for pattern, name in (
        (r"ceased on (?P<date>\d{4}-\d\d-\d\d)", "ceased"),
        (r"starts on (?P<date>\d{4}-\d\d-\d\d)", "starts"),
        (r"its area is now in (?P<units>.+)", "area_now"),
        (r"before, its area was in (?P<units>.+)", "area_before"),
        (r"the code is used again from (?P<date>\d{4}-\d\d-\d\d) by (?P<name>.+)", "reused"),
    )
)


def _detail(detail: str) -> list[Segment]:
    """The detail of a unit not in force as segments (as written when it is not known)."""
    out: list[Segment] = []
    for i, part in enumerate(detail.split("; ")):
        found = next(((m, n) for p, n in _DETAIL_PARTS if (m := p.fullmatch(part))), None)
        if found is None:
            return [seg("detail", text=detail)]
        said = seg(found[1], **found[0].groupdict())
        out += [seg("sep"), said] if i else [said]
    return out


def _not_in_force(registry: UnitRegistry, code: str, day: dt.date, when: Segment) -> list[Segment]:
    """``unit 017 (Đông Anh) did not exist in 2026: it ceased on 2025-06-30; …``."""
    err = registry.not_in_force(code, day)
    name = err.unit.name if err.unit is not None else registry.name(code)
    return [seg("not_in_force", code=code, name=name), when, *_detail(err.detail)]


def _unplaceable(r: dict[str, Any], registry: UnitRegistry) -> list[Segment] | None:
    if r["metric"] is None:
        return [seg("no_metric")]
    reason = _unit_unplaceable(r, registry)
    if reason is not None:
        return reason
    if r["actual_range"] is not None or r["target_range"] is not None:
        return [seg("a_range")]
    if r["actual"] is None:
        return [seg("no_actual")]
    if not r["exact"]:
        if r["qualifier"]:
            return [seg("approximate_figure", qual=r["qualifier"])]
        return [seg("derived_figure")]
    return None
