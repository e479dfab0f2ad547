"""Extracted statements shown: highlighted text and tables."""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import polars as pl

from kpitools.catalog import MetricCatalog
from kpitools.display import Html, stylesheet
from kpitools.extract.notes import note_text
from kpitools.extract.statements import Statement, as_frame
from kpitools.extract.text import prepare
from kpitools.numbers import MISSING, format_number, format_percent
from kpitools.tables import Table
from kpitools.vocab import check_lang, word


def _fmt_value(value: float | None, lang: str) -> str:
    if value is None:
        return MISSING
    d = Decimal(repr(value)).normalize()
    decimals = max(0, -d.as_tuple().exponent)  # type: ignore[operator]
    return format_number(value, lang=lang, decimals=min(int(decimals), 4))


_SCALES = {"nghìn": 10**3, "triệu": 10**6, "tỷ": 10**9}


def _measure_scale(measure: str | None) -> int:
    """How many of the currency's base unit one unit of a money ``measure`` is.

    ``tỷ đồng``: 10⁹, ``nghìn tỷ đồng``: 10¹², ``đồng``, ``%`` or None: 1.

    >>> _measure_scale("nghìn tỷ đồng"), _measure_scale("triệu đồng/người"), _measure_scale(None)
    (1000000000000, 1000000, 1)
    """
    scale = 1
    for w in (measure or "").split()[:-1]:
        scale *= _SCALES.get(w, 1)
    return scale


def _fmt_figure(single: float | None, pair: list[float] | None, lang: str, scale: int = 1) -> str:
    """A figure as written in its measure (money: in ``tỷ đồng`` when the text says so)."""
    if pair is not None:
        low, high = _scaled(pair[0], scale), _scaled(pair[1], scale)
        return f"{_fmt_value(low, lang)}–{_fmt_value(high, lang)}"
    return _fmt_value(_scaled(single, scale), lang)


def _scaled(value: float | None, scale: int) -> float | None:
    return value if value is None or scale == 1 else float(Decimal(repr(value)) / scale)


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
        kind = word(f"extract.kind.{r['stated_kind']}", lang, default="")
        parts.append(f"{r['stated']} ({kind})" if kind else r["stated"])
    if r["verdict"]:
        parts.append(word(f"extract.verdict.{r['verdict']}", lang))
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
    df = as_frame(statements).sort("start")
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
        note = html.escape(word("extract.ignored", lang))
        out.append(
            f'<span class="kt-ignored" title="{note}">{plain(ignored_from, len(text))}</span>'
        )
    else:
        out.append(plain(pos, len(text)))
    caption = html.escape(word("extract.statements", lang, n=df.height))
    return Html(
        f'<style>{stylesheet()}</style><p>{caption}</p><div class="kt-text">{"".join(out)}</div>'
    )


def _display(text: str) -> str:
    r"""Text for display: NFC, ``\n`` line ends."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def statements_table(
    statements: pl.DataFrame | Iterable[Statement],
    *,
    lang: str = "vi",
    caption: str = "",
    catalog: MetricCatalog | None = None,
) -> Table:
    """The statements formatted for reading, one row each, in text order.

    With a ``catalog``, a metric of it is labelled in ``lang`` (its ``label_en`` in English);
    without one, or for a metric it lacks, the label read with the statement is shown.

    A ``reason`` column (the ``unplaced`` frame of :func:`statements_to_kpis`) is shown too,
    in ``lang`` (from its ``reason_data``).

    Examples
    --------
    >>> t = statements_table(extract_statements("kết nạp 852/453 đảng viên (đạt 188,1%)"))
    >>> t.frame.select("Thực hiện", "Chỉ tiêu", "Báo cáo ghi", "Tính lại", "Khớp").row(0)
    ('852', '453', '188,1%', '188,1%', '✓ khớp')
    """
    check_lang(lang)
    df = as_frame(statements).sort("file", "start")
    columns = ("metric", "unit", "year", "as_of", "actual", "target", "stated", "kind")
    extra = ("reason",) if "reason" in df.columns else ()
    w = {c: word(f"extract.{c}", lang) for c in (*columns, "computed", "check", "text", *extra)}
    out: dict[str, list[str]] = {h: [] for h in w.values()}
    for r in df.iter_rows(named=True):
        out[w["metric"]].append(_metric_label(r, catalog, lang))
        out[w["unit"]].append(" ".join(x for x in (r["unit_code"], r["unit"]) if x))
        out[w["year"]].append(str(r["year"]) if r["year"] else (r.get("term") or ""))
        as_of = r["as_of"]
        out[w["as_of"]].append(
            as_of.strftime("%d/%m/%Y" if lang == "vi" else "%Y-%m-%d") if as_of else ""
        )
        qualifier = f"{r['qualifier']} " if r["qualifier"] and not r["exact"] else ""
        scale = _measure_scale(r.get("measure"))  # money in the unit written (its label says)
        actual = _fmt_figure(r["actual"], r["actual_range"], lang, scale)
        target = _fmt_figure(r["target"], r["target_range"], lang, scale)
        floor = _target_floor(r)
        if floor:  # a target written as a floor, the actual exact (its check's note says)
            target = f"{floor} {target}"
        elif target and not _has_actual(r):
            target = qualifier + target  # a target's qualifier stands before the target
        else:
            actual = qualifier + actual
        out[w["actual"]].append(actual)
        if not target and r.get("implied_target") is not None:
            # derived, never read: actual / stated percentage
            implied = _scaled(r["implied_target"], scale)
            target = "≈" + format_number(implied, lang=lang, decimals=2)
        out[w["target"]].append(target)
        out[w["stated"]].append(r["stated"] or "")
        out[w["kind"]].append(word(f"extract.kind.{r['stated_kind']}", lang, default=""))
        out[w["computed"]].append(_fmt_percent(r["computed_percent"], r["stated"], lang))
        out[w["check"]].append(word(f"extract.verdict.{r['verdict']}", lang, default=""))
        out[w["text"]].append(r["text"])
        if extra:
            reason = note_text(r.get("reason_data"), lang, default=r["reason"] or "")
            out[w["reason"]].append(reason)
    return Table(
        pl.DataFrame(out, schema=dict.fromkeys(out, pl.String)),
        status=tuple(df["verdict"].to_list()),
        caption=caption,
        lang=lang,
    )


def _metric_label(r: dict[str, Any], catalog: MetricCatalog | None, lang: str) -> str:
    metric = r["metric"]
    if catalog is not None and metric and metric in catalog:
        return catalog.label(metric, lang=lang)
    return r["label"] or metric or ""


def _target_floor(r: dict[str, Any]) -> str | None:
    """The qualifier of a target written as a floor, as the statement's check noted it."""
    for name, fields in json.loads(r.get("note_data") or "[]"):
        if name == "target_qualified":
            return str(fields["target_qual"])
    return None


def _has_actual(r: dict[str, Any]) -> bool:
    return r["actual"] is not None or bool(r["actual_range"])


def audit_table(audit: pl.DataFrame, *, lang: str = "vi", caption: str = "") -> Table:
    """The audit of :func:`audit_statements` formatted for reading (its order is kept).

    Its notes are written in ``lang``, numbers in that language's format (from the
    ``note_data`` column; a frame without it shows ``note`` as it is).

    Examples
    --------
    >>> found = extract_statements("kết nạp 852/453 đảng viên (đạt 188,0%)")
    >>> audit_table(audit_statements(found), lang="en").frame.row(0)[2:6]
    ('188,0%', '188.1', '✗ truncated, not rounded', '100 × 852 / 453 = 188.079 → 188.1')
    >>> audit_table(audit_statements(found), lang="vi").frame.row(0)[5]
    '100 × 852 / 453 = 188,079 → 188,1'
    """
    check_lang(lang)
    w = {c: word(f"extract.{c}", lang) for c in ("kind", "text", "stated", "expected", "verdict")}
    w["note"] = word("extract.note", lang)
    out: dict[str, list[str]] = {h: [] for h in w.values()}
    for r in audit.iter_rows(named=True):
        out[w["kind"]].append(word(f"extract.kind.{r['check']}", lang, default=r["check"] or ""))
        out[w["text"]].append(r["text"])
        out[w["stated"]].append(r["stated"] or "")
        out[w["expected"]].append(
            _fmt_value(r["expected"], lang) if r["expected"] is not None else ""
        )
        out[w["verdict"]].append(
            word(f"extract.verdict.{r['verdict']}", lang, default=r["verdict"] or "")
        )
        out[w["note"]].append(note_text(r.get("note_data"), lang, default=r["note"] or ""))
    return Table(
        pl.DataFrame(out, schema=dict.fromkeys(out, pl.String)),
        status=tuple(audit["verdict"].to_list()),
        caption=caption,
        lang=lang,
    )
