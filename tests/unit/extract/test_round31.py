"""Round 31 of the extraction rules (issue 17): a bracketed percentage of an item named after
a fraction or count is the item's; … — each a general rule of report wording, tested on
invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

import pytest
from reading import checked, find

from kpitools.extract import Statement, audit_statements


def claims(text: str) -> list[Statement]:
    """The statements of ``text`` a user reads as target-versus-result claims (a support)."""
    return [s for s in find(text, money=True) if s.support is not None]


def flagged(text: str) -> list[str]:
    """The verdicts of the audit rows of ``text`` that flag something."""
    found = find(text, money=True)
    rows = audit_statements(found).to_dicts() if found else []
    return [r["verdict"] for r in rows if r["verdict"] in ("inconsistent", "truncated")]


# -------------------------------- a bracketed percentage of an item named after a fraction


@pytest.mark.parametrize(
    "text",
    [
        "Có 4/6 chi bộ đạt chỉ tiêu kết nạp là chi bộ thôn Đông (120%), chi bộ thôn Tây (100%).",
        "Có 3/5 khoản thu vượt dự toán là thu phí (112,4%), thu tiền đất (131%) và thu khác "
        "(104%); 2/5 khoản thu không đạt là thuế môn bài (91,2%), thu tại xã (88%).",
        "Có 4 phường hoàn thành kế hoạch gồm phường Bắc (104,5%), phường Nam (101%).",
        "Có 2/3 tổ chức đạt chỉ tiêu phát triển hội viên: Hội Nông dân (118%), Hội Phụ nữ (109%).",
    ],
)
def test_an_items_bracketed_percentage_is_not_the_fractions(text: str) -> None:
    assert flagged(text) == []
    assert [s for s in find(text, money=True) if s.stated_percent is not None] == []


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Toàn huyện có 12/15 xã là xã đạt chuẩn nông thôn mới (80%).", "consistent"),
        ("Toàn huyện có 12/15 xã đạt chuẩn nông thôn mới (85%).", "inconsistent"),
        ("Đảng bộ kết nạp 45/50 đảng viên (đạt 90%).", "consistent"),
    ],
)
def test_a_fractions_own_bracketed_percentage_is_still_checked(text: str, verdict: str) -> None:
    [(_, _, _, v)] = checked(text)
    assert v == verdict
