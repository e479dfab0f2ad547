"""Blocks that notebooks show around their charts and tables: header, notices, footer."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from kpitools.errors import DataIssue
from kpitools.vocab import LANGS, word

#: The warning of :func:`synthetic_notice` (with ``{n}``, the rows), by display language.
SYNTHETIC_NOTICE = {lang: word("display.synthetic_notice", lang) for lang in LANGS}

#: kpitools' one stylesheet, shipped in the package (see :func:`stylesheet`).
STYLESHEET = Path(__file__).parent / "assets" / "kpitools.css"


@functools.cache
def stylesheet() -> str:
    """The kpitools stylesheet: reports, the index of a batch, the explorer and the audit.

    Blocks are styled by their ``kt-`` classes; page rules apply only under
    ``.kt-page`` (the ``<body>`` of a report or an index), so the sheet can be shown in
    a notebook without restyling the notebook itself.

    Examples
    --------
    >>> "tr.kt-status-behind td" in stylesheet()
    True
    """
    return STYLESHEET.read_text(encoding="utf-8")


@dataclass(frozen=True)
class Html:
    """A block of HTML for a notebook output (already escaped where it holds data)."""

    html: str

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html


def file_digest(path: str | Path, *, length: int = 12) -> str:
    """The first ``length`` hex digits of a file's SHA-256."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()[:length]


def synthetic_notice(kpis: pl.DataFrame, *, lang: str = "vi") -> Html:
    """A visible warning when any row shown is synthetic; empty otherwise.

    Rows are synthetic when their ``source`` is ``synthetic``; the warning counts them.

    Examples
    --------
    >>> ds = load_dataset(["data/demo_panel.csv"], units="data/units.csv",
    ...                   catalog="data/metrics.csv")
    >>> notice = synthetic_notice(ds.kpis, lang="en")
    >>> "kt-synthetic-notice" in notice.html, "2395 rows of synthetic data" in notice.html
    (True, True)
    >>> synthetic_notice(pl.DataFrame({"source": ["report.txt"]})).html
    ''
    """
    n = int((kpis["source"] == "synthetic").sum()) if "source" in kpis.columns else 0
    if not n:
        return Html("")
    text = html.escape(word("display.synthetic_notice", lang, n=n))
    return Html(f'<div class="kt-synthetic-notice" role="note"><strong>⚠</strong> {text}</div>')


def report_header(
    *,
    title: str,
    params: Mapping[str, object],
    files: tuple[Path, ...] | list[Path] = (),
    notes: Sequence[DataIssue] = (),
    lang: str = "vi",
    kind: str | None = None,
) -> Html:
    """The report's title, its parameters in words and the data files it read (with hashes).

    ``kind`` (``"city"``, ``"comparison"``, ``"profile"``, ``"audit"``) names the report
    above its title and says what it is about under it, in ``lang``; the header carries
    ``lang`` as its ``lang`` attribute (the page's ``<html lang>`` is taken from it).

    ``notes`` (a dataset's :attr:`~kpitools.io.Dataset.notes`) say how the files were read
    — a year taken from a form's title, a unit name matched without its diacritics — so a
    reader of the report sees every liberty taken; files are named without their folder.
    The footer line says when and by which kpitools version the report was made.

    Examples
    --------
    >>> header = report_header(title="Admissions 2023", params={"year": 2023, "unit": "017"},
    ...                        files=[Path("data/metrics.csv")], lang="en")
    >>> "<h1>Admissions 2023</h1>" in header.html, 'lang="en"' in header.html
    (True, True)
    >>> "City overview" in report_header(title="t", params={}, lang="en", kind="city").html
    True
    >>> "<code>year</code> = 2023" in header.html
    True
    >>> "<code>metrics.csv</code> sha256:" in header.html
    True
    >>> note = DataIssue("'Ba Đinh' read as 001 Ba Đình", file="/x/bieu.csv", row=4, column="unit")
    >>> "<li><code>bieu.csv</code>, row 4, column <code>unit</code>: &#x27;Ba Đinh&#x27; read" in (
    ...     report_header(title="t", params={}, notes=[note], lang="en").html)
    True
    """
    from kpitools._version import version

    w = {k: word(f"display.{k}", lang) for k in ("params", "data", "made", "by")}
    e = html.escape
    items = "".join(f"<li><code>{e(str(k))}</code> = {e(repr(v))}</li>" for k, v in params.items())
    data = "".join(
        f"<li><code>{e(Path(f).name)}</code> sha256:{file_digest(f)}</li>" for f in files
    )
    stamp = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    named, intro = "", ""
    if kind is not None:
        named = f'<p class="kt-kind">{e(word(f"display.report.{kind}", lang))}</p>'
        intro = f'<p class="kt-intro">{e(word(f"display.report.{kind}.intro", lang))}</p>'
    return Html(
        f'<header class="kt-header" lang="{e(lang)}">{named}<h1>{e(title)}</h1>{intro}'
        f"<p>{w['params']}:</p><ul>{items}</ul>"
        f"<p>{w['data']}:</p><ul>{data}</ul>{_notes_html(notes, lang)}"
        f'<p class="kt-made">{w["made"]} {e(stamp)} {w["by"]} {e(version())}</p></header>'
    )


def report_section(key: str, *, lang: str = "vi") -> Html:
    """A section of a report: its heading and the lead that says what it shows, in ``lang``.

    Report notebooks call it instead of holding prose in Markdown cells, so each report
    reads in one language. ``key`` names the section (``"results"``, ``"pace"``, ...:
    the ``display.section.*`` words of :mod:`kpitools.vocab`).

    Examples
    --------
    >>> print(report_section("pace", lang="en").html[:64])
    <section class="kt-section" lang="en"><h2 id="kt-pace">Pace</h2>
    >>> "Tiến độ" in report_section("pace").html
    True
    """
    e = html.escape
    heading = e(word(f"display.section.{key}", lang))
    lead = e(word(f"display.section.{key}.lead", lang))
    return Html(
        f'<section class="kt-section" lang="{e(lang)}"><h2 id="kt-{e(key)}">{heading}</h2>'
        f'<p class="kt-lead">{lead}</p></section>'
    )


def unit_title(name: str, type: str | None, *, lang: str = "vi") -> str:
    """A unit's name with its kind, in ``lang`` ("huyện Đông Anh", "Đông Anh rural district").

    The kind tells huyện Sóc Sơn from xã Sóc Sơn; a kind without a word is left out.

    Examples
    --------
    >>> unit_title("Đông Anh", "huyện"), unit_title("Đông Anh", "huyện", lang="en")
    ('huyện Đông Anh', 'Đông Anh rural district')
    >>> unit_title("Khối A", None, lang="en")
    'Khối A'
    """
    if not type:
        return name
    return word(f"display.unit_type.{type}", lang, default="{name}").format(name=name)


_NOTES_SHOWN = 50


def _notes_html(notes: Sequence[DataIssue], lang: str) -> str:
    """How the data was read, one item a note (at most 50, then how many more)."""
    if not notes:
        return ""
    e = html.escape
    items = []
    for note in notes[:_NOTES_SHOWN]:
        where = [f"<code>{e(Path(note.file).name)}</code>"] if note.file else []
        if note.row is not None:
            where.append(e(word("display.row", lang, n=note.row)))
        if note.column is not None:
            where.append(f"{e(word('display.column', lang))} <code>{e(str(note.column))}</code>")
        items.append(f"<li>{', '.join(where)}: {e(_note_text(note.message, lang))}</li>")
    if len(notes) > _NOTES_SHOWN:
        more = word("display.more_notes", lang, n=len(notes) - _NOTES_SHOWN)
        items.append(f"<li>{e(more)}</li>")
    return f'<p>{e(word("display.notes", lang))}:</p><ul class="kt-notes">{"".join(items)}</ul>'


#: The notes kpitools.io writes on how it read the data (their messages stay English for the
#: CLI and ``kpitools check``), each as a word of the vocabulary (``display.read.<key>``).
_READ_NOTES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), key)
    for pattern, key in (
        (r"year (?P<year>\d{4}) taken from the title", "year_title"),
        (r"as_of (?P<date>\d{4}-\d\d-\d\d) taken from the form's stated date", "as_of_date"),
        (r"as_of (?P<date>\d{4}-\d\d-\d\d) taken from the form's period", "as_of_period"),
        (r"period_start (?P<date>\d{4}-\d\d-\d\d) taken from the form", "period_start"),
        (r"(?P<value>.+) read as (?P<code>\S+) (?P<name>.+) \(diacritics differ\)", "loose_unit"),
        (
            r"text converted from (?P<encoding>.+) to Unicode "
            r"\(save it as 'CSV UTF-8' to avoid this\)",
            "legacy_encoding",
        ),
        (r"text normalized to NFC \(it had decomposed letters\)", "nfc"),
        (r"fields separated by tab", "separator_tab"),
        (r"fields separated by (?P<separator>'.')", "separator"),
        (r"text typed in a (?P<font>.+) font converted to Unicode", "legacy_font"),
        (r"column-number line under the header skipped", "column_numbers"),
        (r"line without figures skipped \(a group heading\)", "group_heading"),
    )
)


def _note_text(message: str, lang: str) -> str:
    """A note on how the data was read, in ``lang`` (a message not known: as it is).

    Examples
    --------
    >>> _note_text("period_start 2025-07-01 taken from the form", "vi")
    'ngày đầu kỳ (period_start) 01/07/2025 lấy từ biểu mẫu'
    >>> _note_text("period_start 2025-07-01 taken from the form", "en")
    'period_start 2025-07-01 taken from the form'
    """
    if lang == "en":
        return message
    for pattern, key in _READ_NOTES:
        m = pattern.fullmatch(message)
        if m is not None:
            fields = m.groupdict()
            if "date" in fields:
                fields["date"] = dt.date.fromisoformat(fields["date"]).strftime("%d/%m/%Y")
            return word(f"display.read.{key}", lang, **fields)
    return message
