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

Also: a percentage of the centre's budget written without ``giao`` (``đạt 21,4% dự toán Trung
ương``) takes the amount the text gives the centre (``được Trung ương giao là 2.860 tỷ
đồng``), as ``dự toán Trung ương giao`` does; a local level's budget without ``giao``
(``dự toán tỉnh``, also the province's own budget) does not.
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


def test_the_centres_budget_named_without_giao_takes_the_centres_amount() -> None:
    text = (
        "Thu nội địa tháng 2/2041 trên địa bàn tỉnh được hơn 612 tỷ đồng, đạt 21,4% dự toán "
        "Trung ương, đạt 21,1% dự toán HĐND tỉnh giao.\n\nNăm 2041, dự toán thu nội địa trên "
        "địa bàn tỉnh được Trung ương giao là 2.860 tỷ đồng, HĐND tỉnh giao 2.900 tỷ đồng."
    )
    assert claim_set(text) == {
        (612 * B, 2860 * B, Decimal("21.4"), "attainment"),
        (612 * B, 2900 * B, Decimal("21.1"), "attainment"),
    }


def test_a_local_budget_named_without_giao_takes_no_owners_amount() -> None:
    text = (
        "Thu ngân sách của huyện được hơn 95 tỷ đồng, đạt 40% dự toán tỉnh, đạt 39,6% dự toán "
        "huyện giao.\n\nNăm 2041, dự toán thu của huyện được tỉnh giao là 237,5 tỷ đồng, huyện "
        "giao 240 tỷ đồng."
    )
    assert (95 * B, None, 40, "attainment") in claim_set(text)
