"""A long text's drafts are freed before the document passes: a figure and its draft refer to
each other, so only the cycle collector frees them (``statements.COLLECT_ABOVE``)."""

from __future__ import annotations

import gc
from typing import Any

import pytest

from kpitools.extract import statements
from kpitools.extract.figures import Draft, Figure
from kpitools.extract.statements import COLLECT_ABOVE, extract_statements

# invented sentences: each gives a figure and its draft
SENTENCES = (
    "Năm 2040, xã Hòa Bình kết nạp {n} đảng viên, đạt {p}% chỉ tiêu. ",
    "Thu ngân sách 9 tháng đạt {n} tỷ đồng, bằng {p}% dự toán, tăng 5% so với cùng kỳ. ",
    "Kế hoạch năm 2041 kết nạp {n} đảng viên; kết quả kết nạp được {m}.\n",
)


def long_text(size: int) -> str:
    parts, k, total = [], 0, 0
    while total < size:
        s = SENTENCES[k % len(SENTENCES)].format(n=100 + k % 50, m=110 + k % 50, p=80 + k % 30)
        parts.append(s)
        total += len(s)
        k += 1
    return "".join(parts)


def _live(kind: type) -> int:
    return sum(isinstance(o, kind) for o in gc.get_objects())


def _drafts_before_passes(text: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    seen: dict[str, int] = {}
    real = statements.link_document

    def spy(out: Any, doc_text: str, **kw: Any) -> Any:
        seen["drafts"], seen["figures"] = _live(Draft), _live(Figure)
        return real(out, doc_text, **kw)

    monkeypatch.setattr(statements, "link_document", spy)
    gc.collect()
    gc.disable()  # the collector runs only where the extractor runs it
    try:
        found = extract_statements(text)
    finally:
        gc.enable()
    assert found, "the text must give statements"
    return seen


def test_a_long_texts_drafts_and_figures_are_freed_before_the_document_passes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = long_text(COLLECT_ABOVE + 2_000)
    assert _drafts_before_passes(text, monkeypatch) == {"drafts": 0, "figures": 0}


def test_a_short_text_is_read_without_a_collection(monkeypatch: pytest.MonkeyPatch) -> None:
    collections: list[int] = []
    monkeypatch.setattr(statements.gc, "collect", lambda *a: collections.append(1) or 0)
    extract_statements(long_text(2_000))
    assert collections == []
    extract_statements(long_text(COLLECT_ABOVE))
    assert collections == [1]
