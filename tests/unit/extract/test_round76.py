"""Round 76 of the extraction rules (issue 17): each rule with a positive and a negative case
on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from reading import find

from kpitools.extract import audit_statements


def _part_flags(text: str) -> list[str]:
    rows = audit_statements(find(text)).to_dicts()
    return [r["text"] for r in rows if r["check"] == "part" and r["verdict"] == "inconsistent"]


# a fraction of another measure in the list says nothing of the whole: its parts are checked
OTHER_MEASURE = (
    "Năm 2041, toàn huyện kết nạp được 58 đảng viên, trong đó Hòa An 70, Tân Lộc 6, có 3/5 "
    "chi bộ đạt chuẩn."
)
# a fraction of the same measure with another whole: the figure before is no whole of the list
OTHER_WHOLE = (
    "Năm 2041, toàn huyện kết nạp được 58 đảng viên, trong đó nữ 19/60, gồm: Hòa An 70, Tân Lộc 6."
)


def test_a_fraction_of_another_measure_keeps_the_parts_check() -> None:
    assert _part_flags(OTHER_MEASURE) == ["70"]


def test_a_fraction_of_another_whole_still_names_none() -> None:
    assert _part_flags(OTHER_WHOLE) == []
