"""What the review of round 90 found (session 27), each with a case it mends and one it
keeps, on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

from kpitools.extract import audit_statements, statements_frame


def _growth_verdicts(text: str) -> list[str]:
    audit = audit_statements(statements_frame(find(text)))
    return audit.filter(audit["check"] == "growth")["verdict"].to_list()


# a base in brackets names its measure after the period: a part of it, its change or one
# market is no base of the whole
VISITORS = (
    "Tháng 9/2041, lượng khách lưu trú tại huyện Tam Đồng đạt 4.180 lượt, bằng {}% so với "
    "cùng kỳ năm 2040 (tháng 9/2040, {} 4.000 lượt)."
)


def test_a_part_or_a_change_in_the_bracket_is_no_base() -> None:
    for named in (
        "trong đó khách quốc tế là",
        "lượng khách tăng thêm là",
        "riêng khách quốc tế đạt",
        "khách quốc tế đạt",
    ):
        assert _growth_verdicts(VISITORS.format("110", named)) == ["unchecked"], named


def test_the_measure_named_again_in_the_bracket_is_still_the_base() -> None:
    assert _growth_verdicts(VISITORS.format("104,5", "lượng khách lưu trú là")) == ["consistent"]
    assert _growth_verdicts(VISITORS.format("110", "lượng khách lưu trú là")) == ["inconsistent"]
