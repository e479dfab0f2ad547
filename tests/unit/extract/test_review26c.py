"""What the review of round 87 found (session 26), each with a case it mends and one it
keeps, on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find


def _pairs(text: str) -> list[tuple[object, object, object]]:
    return [(s.actual, s.target, s.stated_percent) for s in find(text) if s.actual is not None]


def _verdicts(text: str) -> list[str | None]:
    return [s.verdict for s in find(text, money=True) if s.target is not None]


# "gần đạt" only when it opens the target's own clause right after the result
NEARLY_BUT_BEATEN = (
    "Năm 2041, thu phí cảng biển khoảng 6,8 nghìn tỷ đồng, không chỉ gần đạt mà đã vượt mục "
    "tiêu 6,6 nghìn tỷ đồng."
)
NEARLY_OF_ANOTHER_ITEM = (
    "Năm 2041, tổng thu phí khoảng 6,8 nghìn tỷ đồng, vượt dự toán; riêng phí cảng biển gần "
    "đạt mục tiêu 6,6 nghìn tỷ đồng."
)
NOT_EVEN_NEARLY = (
    "Năm 2041, thu phí cảng biển khoảng 6,8 nghìn tỷ đồng, chưa gần đạt mục tiêu 6,6 nghìn tỷ đồng."
)
NEARLY_OF_ITS_OWN = (
    "Hết năm 2041, kho dự trữ có chừng 7,3 triệu tấn thóc, gần đạt kế hoạch 7,1 triệu tấn."
)


def test_nearly_reached_beaten_negated_or_of_another_item_is_not_flagged() -> None:
    for text in (NEARLY_BUT_BEATEN, NEARLY_OF_ANOTHER_ITEM, NOT_EVEN_NEARLY):
        assert "inconsistent" not in _verdicts(text), text


def test_nearly_reached_in_the_targets_own_clause_is_still_flagged() -> None:
    assert _verdicts(NEARLY_OF_ITS_OWN) == ["inconsistent"]


# a plan's percentage after a rate and its fall is the fall's, never the rate's
def _after_fall(plan: str) -> str:
    return f"Năm 2041, tỷ lệ trẻ suy dinh dưỡng còn 6,4%, giảm 0,9% và hoàn thành 130% {plan}."


def test_a_plan_after_a_rate_and_its_fall_is_not_the_rates() -> None:
    for plan in ("kế hoạch", "kế hoạch giảm suy dinh dưỡng"):
        assert all(a != Decimal("6.4") for a, _, _ in _pairs(_after_fall(plan))), plan


def test_a_plan_after_a_rate_and_its_rise_is_still_the_rates() -> None:
    for rise in ("tăng 8%", "tăng 8% so với năm trước"):
        text = f"Năm 2041, tỉ lệ xã có chợ văn minh là 57%, {rise} và đạt 103% kế hoạch."
        assert (Decimal(57), None, Decimal(103)) in _pairs(text), rise


# a change after a sentence-opening past period is the result when the plan reached follows it
def test_a_change_after_a_past_period_then_the_plan_reached_is_the_result() -> None:
    fall = "So với năm 2040, số trẻ bỏ học của huyện giảm 35 em, đạt 105% kế hoạch giảm bỏ học."
    rise = (
        "So với cùng kỳ năm trước, số thẻ bảo hiểm y tế cấp mới tăng 2.300 thẻ, đạt 91% kế hoạch."
    )
    assert _pairs(fall) == [(Decimal(35), None, Decimal(105))]
    assert _pairs(rise) == [(Decimal(2300), None, Decimal(91))]


def test_a_change_after_a_past_period_with_no_plan_reached_stays_no_result() -> None:
    for tail in (".", ", bằng 61% kế hoạch (kế hoạch 480 thẻ)."):
        text = (
            "Năm 2041, huyện cấp 290 thẻ bảo hiểm y tế. So với năm trước, số thẻ cấp mới tăng "
            f"40 thẻ{tail}"
        )
        assert all(a != Decimal(40) for a, _, _ in _pairs(text)), tail
