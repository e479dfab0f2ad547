"""Round 63 of the extraction rules (issue 17): each with a positive and a negative case on
invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

MARGIN_SAID_WITH_IS = (
    "Năm 2041 tỷ lệ trẻ em đến lớp là 41,25% vượt chỉ tiêu kế hoạch là 3,12%, "
    "(cao hơn năm trước là 2,11%)."
)
FULL_RATE_AND_MARGIN = "Năm 2041 tỷ lệ trẻ em đến lớp đạt 100%, vượt chỉ tiêu kế hoạch là 0,07%."
TARGET_SAID_WITH_IS = "Năm 2041 tỷ lệ trẻ em đến lớp đạt 97,5%, vượt chỉ tiêu kế hoạch là 95%."


def test_a_margin_over_the_plan_said_with_la_is_no_target() -> None:
    for text in (MARGIN_SAID_WITH_IS, FULL_RATE_AND_MARGIN):
        statements = find(text)
        assert all(s.target is None for s in statements)
        assert all(s.stated_kind != "target" for s in statements)


def test_a_target_rate_said_with_la_after_vuot_is_kept() -> None:
    (s,) = [s for s in find(TARGET_SAID_WITH_IS) if s.target is not None]
    assert (s.actual, s.target) == (Decimal("97.5"), Decimal("95"))


OCCASION = (
    "Năm 2041 chi bộ kết nạp 03 đảng viên mới, đạt 60% kế hoạch; làm thủ tục đề nghị tặng "
    "Huy hiệu Đảng đợt 3/2 cho 04 đồng chí."
)
COUNTED_PAIR = "Năm 2041 chi bộ đề nghị tặng Huy hiệu đợt này cho 3/2 đồng chí."


def test_a_day_and_month_after_dot_is_no_fraction() -> None:
    assert all(s.actual != Decimal("3") or s.target is None for s in find(OCCASION))


def test_a_pair_of_a_counted_noun_stays_a_fraction() -> None:
    assert any((s.actual, s.target) == (3, 2) for s in find(COUNTED_PAIR))
