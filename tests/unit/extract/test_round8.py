"""Issue 17, round 8: families of misses and wrong readings left after round 7.

Every example is invented (marked ``# invented``); the real passages are in
tests/eval/extract/ and scored by scripts/eval_extract.py. Precision first: every positive
test has a negative twin.
"""

from __future__ import annotations

from decimal import Decimal

from reading import find

from kpitools.extract import audit_statements

D = Decimal


def attainments(text: str) -> list[tuple[object, object, str | None, str | None]]:
    """(actual, target, stated, verdict) of the attainments and excesses of ``text``."""
    return [
        (s.actual, s.target, s.stated, s.verdict)
        for s in find(text, money=True)
        if s.stated_kind in ("attainment", "excess")
    ]


def audit_rows(text: str) -> list[tuple[str, str]]:
    """(check, verdict) of the audit rows of ``text`` that are not consistent."""
    return [
        (r["check"], r["verdict"])
        for r in audit_statements(find(text, money=True)).to_dicts()
        if r["verdict"] in ("inconsistent", "truncated")
    ]


# --------------------------------------------------------------------------- parts


def test_a_sentence_opening_with_trong_do_divides_the_noun_of_a_sentence_with_no_figure() -> None:
    # invented: "Trong đó" divides the capital the sentence before names, not the 3.200
    # disbursed two sentences back; the 9.000 allocated is no part larger than it
    text = (
        "Tính đến ngày 30-6, các chủ đầu tư đã giải ngân hơn 3.200 tỉ đồng, đạt 35% kế hoạch. "
        "Trong tổng vốn đầu tư công năm 2025, phần lớn được giao cho các dự án cấp tỉnh. "
        "Trong đó, vốn phân bổ cho các dự án cấp tỉnh là gần 9.000 tỉ đồng."
    )
    assert audit_rows(text) == []


def test_a_sentence_opening_with_trong_do_after_figures_still_divides_them() -> None:
    # invented: the sentence right before states figures (of money); the part of visitors
    # two sentences back is still checked against its whole
    text = (
        "Năm 2025, tỉnh đón 4,1 triệu lượt khách, đạt 82% kế hoạch năm. Doanh thu du lịch đạt "
        "9.800 tỷ đồng, bằng 81% kế hoạch. Trong đó, khách quốc tế đạt khoảng 1.150 triệu lượt."
    )
    assert ("part", "inconsistent") in audit_rows(text)
