"""Review fixes of session 31, fixer B: a half inside a compound scale, a ``gồm:`` list that
goes on past a semicolon, one sum row per whole, and the caches of the part-year counts.

Invented sentences (other wording and figures than the evaluation passages).
"""

from __future__ import annotations

from decimal import Decimal

from reading import find

from kpitools.extract import audit_statements
from kpitools.extract.parts import listed_parts_over


def _sums(text: str) -> list[tuple[str, str, str]]:
    """(whole, verdict, note) of each sum the audit flags in ``text``."""
    statements = find(text)
    flagged = ("inconsistent", "truncated")
    return [
        (row["stated"], row["verdict"], row["note"])
        for row in (audit_statements(statements).to_dicts() if statements else ())
        if row["check"] == "sum" and row["verdict"] in flagged
    ]


def test_a_half_inside_a_compound_scale_is_read_as_thousands_of_billions() -> None:
    found = find("Doanh thu đạt 2 nghìn rưỡi tỷ đồng, bằng 100% kế hoạch.", money=True)
    assert [(s.actual, s.stated_percent, s.stated_kind) for s in found] == [
        (Decimal(2_500_000_000_000), Decimal(100), "attainment")
    ]
    # a half of a count's scale, and of money with no larger scale after it, as before
    found = find("Năm 2041, tỉnh đón 3 triệu rưỡi lượt khách, đạt 100% kế hoạch.", money=True)
    assert [s.actual for s in found] == [Decimal(3_500_000)]
    found = find("Doanh thu đạt 61 tỉ rưỡi đồng, bằng 100% kế hoạch.", money=True)
    assert [s.actual for s in found] == [Decimal(61_500_000_000)]


def test_a_composed_list_going_on_past_a_semicolon_is_not_checked() -> None:
    for text in (
        "Năm 2041, tổng vốn đầu tư dự án là 800 tỷ đồng, gồm: vốn ngân sách 300 tỷ đồng, "
        "vốn vay 250 tỷ đồng; còn lại là vốn tự có của doanh nghiệp 250 tỷ đồng.",
        "Vụ đông 2041, xã gieo trồng 61,4 ha, gồm: lúa 30 ha, ngô 21 ha; rau màu các loại 10,4 ha.",
    ):
        assert listed_parts_over(text) == []
        assert _sums(text) == []
    # no item of the whole's unit after the semicolon: the list ends there, and is checked
    text = "Vụ đông 2041, xã gieo trồng 61,4 ha, gồm: lúa 30 ha, ngô 21 ha; năng suất tăng."
    assert [(p.whole, p.parts) for p in listed_parts_over(text)] == [
        (Decimal("61.4"), (Decimal(30), Decimal(21)))
    ]


def test_one_sum_row_for_a_whole_two_checks_read() -> None:
    text = (
        "Năm 2041, tòa án có 2.130 vụ án, gồm 1.320 vụ án cũ chuyển sang và 850 vụ án thụ lý mới."
    )
    assert _sums(text) == [("2.130", "inconsistent", "1320 + 850 = 2170; total = 2130")]
    assert [s.actual for s in find(text)].count(Decimal(2130)) == 1


def test_counts_of_part_of_a_year_read_many_times_keep_their_pairs() -> None:
    # the caches of part_counts read a window once for all its pairs: the pairs are the same
    one = (
        "Quý I xã tiếp nhận 120 hồ sơ đất đai. Năm nay xã đặt mục tiêu tiếp nhận 600 hồ sơ "
        "đất đai. "
    )
    pairs = {(s.actual, s.target) for s in find(one * 6) if s.actual and s.target}
    assert pairs == {(Decimal(120), Decimal(600))}
