"""Round 56 of the extraction rules (issue 17): readings that abstain on loose evidence — a
percentage after parts that add up to more than their whole, a percentage of a plan of
another measure than the result's — and the audit's checks of money parts; each rule with a
positive and a negative case on invented text (never the evaluation set's figures or
sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

M = Decimal(10) ** 6


def _claimed(text: str) -> list[tuple[object, object, object, object]]:
    """(actual, target, stated percent, stated kind) of the statements of ``text`` that pair
    figures or state a percentage, money read."""
    return [
        (s.actual, s.target, s.stated_percent, s.stated_kind)
        for s in find(text, money=True)
        if s.actual is not None and (s.target is not None or s.stated_percent is not None)
    ]


# ------------------------------------------------- parts that add up to more than the whole

PARTS_OVER_WHOLE = (
    "Sáu tháng đầu năm 2041, Sở Lao động tỉnh Đông Hà đã tổ chức được {whole} buổi tư vấn "
    "nghề, trong đó tổ chức buổi tại trường được {first} buổi, lưu động 5 buổi và {last} buổi "
    "được tổ chức trực tuyến, đạt {pct}% so với kế hoạch."
)


def test_parts_over_the_whole_leave_the_percentage_to_the_whole_by_a_round_plan() -> None:
    # 11 + 5 + 50 = 66 > 64; 64 / 128 % = 50, a round plan; 50 / 128 % is none
    assert _claimed(PARTS_OVER_WHOLE.format(whole=64, first=11, last=50, pct=128)) == [
        (Decimal(64), None, Decimal(128), "attainment")
    ]


def test_parts_over_the_whole_leave_the_percentage_to_none_with_no_round_plan() -> None:
    # 8 + 5 + 54 = 67 > 66; 66 / 120 % = 55 and 54 / 120 % = 45: plans, neither round
    assert _claimed(PARTS_OVER_WHOLE.format(whole=66, first=8, last=54, pct=120)) == []


def test_a_percentage_after_parts_short_of_the_whole_stays_the_last_part_s() -> None:
    # 11 + 5 + 46 = 62 < 64: round 54's reading is kept
    assert _claimed(PARTS_OVER_WHOLE.format(whole=64, first=11, last=46, pct=128)) == [
        (Decimal(46), None, Decimal(128), "attainment")
    ]


# ------------------------------------------------- a plan of another measure

TWO_PLANS = (
    "Đến hết tháng 9/2041, diện tích trồng rừng mới của tỉnh Đông Hà đạt 3.120 ha (tương "
    "đương 6,2 triệu cây); số cây trồng phân tán đạt 8,4 triệu cây, bằng 41% so với kế hoạch "
    "{first} và 62% so với kế hoạch {second} của tỉnh."
)


def _of_trees(text: str) -> list[object]:
    return [p for a, _, p, _ in _claimed(text) if a == Decimal("8.4") * M]


def test_a_first_plan_of_another_measure_takes_no_result() -> None:
    text = TWO_PLANS.format(first="trồng rừng mới", second="trồng cây phân tán")
    assert _of_trees(text) == [Decimal(62)]


def test_a_first_plan_of_the_result_s_measure_keeps_it() -> None:
    text = TWO_PLANS.format(first="trồng cây phân tán", second="trồng rừng mới")
    assert Decimal(41) in _of_trees(text)
