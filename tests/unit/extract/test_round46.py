"""Round 46 of the extraction rules (issue 17), each tested on invented text (never the
evaluation set's figures or sentences)."""

from __future__ import annotations

from reading import attained, find

from kpitools.extract import audit_statements

# ------------------------------ a few kinds listed after "gồm", far short of their whole


def _sum_verdicts(text: str) -> list[str]:
    audit = audit_statements(find(text, money=True))
    return [v for c, v in zip(audit["check"], audit["verdict"], strict=True) if c == "sum"]


def test_a_few_kinds_named_among_a_whole_are_no_sum_of_it() -> None:
    text = (
        "Năm 2031, hội có tổng số 640 người (gồm 25 người ở ban điều hành, 40 người mới vào "
        "trong năm và 12 người ở nước ngoài)."
    )
    assert "inconsistent" not in _sum_verdicts(text)


def test_parts_near_their_whole_after_gom_are_still_summed() -> None:
    text = (
        "Năm 2031, hội có tổng số 640 người (gồm 250 người ở chi hội một, 340 người ở chi hội "
        "hai và 20 người ở chi hội ba)."
    )
    assert _sum_verdicts(text) == ["inconsistent"]


# ------------------------------ a bare "tương đương N%" after a share is a share, no
# attainment of the plan named earlier in the paragraph


def test_a_bare_percentage_after_a_share_is_no_attainment() -> None:
    text = (
        "Sáu tháng, tập đoàn Hòa An đạt doanh thu 4.200 tỷ đồng, hoàn thành 47% kế hoạch năm. "
        "Trong đó, khối bán lẻ đạt 1.900 tỷ đồng và khối bán buôn đạt 1.500 tỷ đồng, chiếm "
        "tỷ lệ 81% trong tổng doanh thu. Khối dịch vụ mang về 630 tỷ đồng, tương đương 15% và "
        "phần còn lại đến từ các hoạt động khác."
    )
    assert [p for _, _, p, _ in attained(text)] == [47]


def test_a_bare_percentage_right_after_an_attainment_stays_one() -> None:
    text = (
        "Sáu tháng, tập đoàn Hòa An đạt doanh thu 4.200 tỷ đồng, hoàn thành 47% kế hoạch năm; "
        "khối dịch vụ mang về 630 tỷ đồng, tương đương 45%."
    )
    assert [p for _, _, p, _ in attained(text)] == [47, 45]
