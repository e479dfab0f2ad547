"""Round 154: a disbursement rate is not linked to another unit's result, nor to a result
that states its own percentage of the same plan.

Invented sentences (other provinces, figures and wording than the evaluation passages): a
paragraph on one province's disbursed capital with its percentage of the plan, then a
paragraph on another province (``Về đầu tư công, Đắk Sơn …``) whose rate of disbursement
(``tỷ lệ giải ngân … của tỉnh đạt 48,3% kế hoạch``) has no amount. The rate is left with no
result. Near-misses, still linked: a rate counted without a supplementary plan (``Nếu không
tính kế hoạch giao bổ sung …``), a rate of a plan given by another level than the result's
(``kế hoạch tỉnh giao`` against ``kế hoạch Thủ tướng Chính phủ giao``), and a later
paragraph that names no other unit.
"""

from __future__ import annotations

from decimal import Decimal

from reading import claim_set

B = Decimal(10) ** 9

_HANOI_LIKE = (
    "Chủ tịch UBND tỉnh Bình Lâm cho biết, 9 tháng đầu năm 2041, kinh tế tỉnh tăng trưởng khá. "
    "Giải ngân vốn đầu tư công đạt 7.350 tỷ đồng, bằng 61,5% {plan}, cao hơn cùng kỳ.\n\n"
    "Về đầu tư công, {subject} coi đây là nhiệm vụ trọng tâm. Đến nay, tỷ lệ giải ngân vốn đầu "
    "tư công của tỉnh đạt 48,3% kế hoạch Thủ tướng Chính phủ giao."
)


def test_a_rate_in_a_paragraph_on_another_province_takes_no_earlier_result() -> None:
    text = _HANOI_LIKE.format(plan="dự toán năm", subject="Đắk Sơn")
    assert claim_set(text) == {(7350 * B, None, Decimal("61.5"), "attainment")}


def test_a_result_with_its_own_percentage_of_the_plan_is_not_the_rates() -> None:
    text = (
        "Đến hết tháng 10/2041, huyện đã giải ngân vốn đầu tư công được 820 tỷ đồng, đạt 61% kế "
        "hoạch được giao. Theo báo cáo, tỷ lệ giải ngân vốn đầu tư công của huyện đạt 66,5% kế "
        "hoạch được giao."
    )
    assert claim_set(text) == {(820 * B, None, 61, "attainment")}
    both = _HANOI_LIKE.format(plan="kế hoạch Trung ương giao", subject="Đắk Sơn")
    assert claim_set(both) == {(7350 * B, None, Decimal("61.5"), "attainment")}


def test_a_rate_recounted_or_of_another_plan_or_unit_still_takes_the_result() -> None:
    recounted = (
        "Đến hết ngày 20/11/2041, số giải ngân là 412.300 tỷ đồng, đạt 55,2% kế hoạch Thủ tướng "
        "Chính phủ giao.\n\nNếu không tính kế hoạch giao bổ sung sau ngày 30/9/2041 (21.400 tỷ "
        "đồng), ước tỷ lệ giải ngân đạt 56,7% kế hoạch Thủ tướng Chính phủ giao."
    )
    assert (412300 * B, None, Decimal("56.7"), "attainment") in claim_set(recounted)
    other_giver = (
        "Đến nay, huyện đã giải ngân vốn đầu tư công được 820 tỷ đồng, đạt 61% kế hoạch tỉnh "
        "giao. Tỷ lệ giải ngân vốn đầu tư công của huyện đạt 66,5% kế hoạch Thủ tướng Chính phủ "
        "giao."
    )
    assert (820 * B, None, Decimal("66.5"), "attainment") in claim_set(other_giver)
    same_province = _HANOI_LIKE.format(plan="dự toán năm", subject="tỉnh")
    assert (7350 * B, None, Decimal("48.3"), "attainment") in claim_set(same_province)
