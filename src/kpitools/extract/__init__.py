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
  4-digit 19xx/20xx is always a year), durations, ordinals or photo numbers, nor from
  number words (``Chi bộ bốn tốt``). Money (``38,7 tỷ đồng``, ``1,5 nghìn tỷ đồng``) is read
  in đồng with its unit as written in ``measure``, and never pairs with a count of people or
  things; ``money=False`` masks it.
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

from kpitools.extract.audit import audit_statements
from kpitools.extract.display import audit_table, highlight_html, statements_table
from kpitools.extract.phrases import (
    AUDIT_SCHEMA,
    STATED_KINDS,
    STATEMENT_SCHEMA,
    SUPPORTS,
    VERDICTS,
    Phrase,
    PhraseBook,
    read_phrases,
)
from kpitools.extract.statements import (
    Extraction,
    KpiRows,
    Statement,
    UnreadFigureWarning,
    extract_file,
    extract_statements,
    read_report_text,
    read_statements,
    statements_frame,
    statements_to_kpis,
)
from kpitools.extract.text import CITY_WORDS, Stop, Unread

__all__ = [
    "AUDIT_SCHEMA",
    "CITY_WORDS",
    "STATED_KINDS",
    "STATEMENT_SCHEMA",
    "SUPPORTS",
    "VERDICTS",
    "Extraction",
    "KpiRows",
    "Phrase",
    "PhraseBook",
    "Statement",
    "Stop",
    "Unread",
    "UnreadFigureWarning",
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
