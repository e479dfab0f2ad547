"""Round 70 of the extraction rules (issue 17): a plan read with its unit named, the result
naming that unit back by its kind alone, with a positive and a negative case on invented
text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

NAMED_BACK = (
    "Năm 2041, Thành phố Cần Thơ được Thủ tướng Chính phủ giao kế hoạch vốn hơn 52.000 tỷ "
    "đồng.\n\nĐến hết ngày 31/8, Thành phố Cần Thơ đã giải ngân được 21.000 tỷ đồng, đạt trên "
    "40% kế hoạch. Ước đến hết ngày 30/9/2041, thành phố giải ngân đạt xấp xỉ 24.600 tỷ đồng, "
    "tương đương 47,2% kế hoạch."
)


def _plans_of(text: str, stated: str) -> list[object]:
    return [s.target for s in find(text) if s.stated == stated]


def test_a_result_naming_the_plans_unit_back_by_its_kind_takes_the_plan() -> None:
    assert _plans_of(NAMED_BACK, "47,2%") == [Decimal("52000e9")]


def test_a_result_naming_another_kind_or_none_takes_no_plan_of_a_named_unit() -> None:
    # on the rule's boundary: the city named back takes the plan (above), a district or no
    # unit at all does not
    assert _plans_of(NAMED_BACK, "47,2%") == [Decimal("52000e9")]
    assert _plans_of(NAMED_BACK.replace("thành phố giải", "huyện giải"), "47,2%") == [None]
    assert _plans_of(NAMED_BACK.replace(", thành phố giải", ", giải"), "47,2%") == [None]


SENT_ABROAD = (
    "Đến tháng 6/2041, toàn tỉnh có 150 người đi xuất khẩu lao động, đạt 60% kế hoạch.\n\n"
    "Năm 2041, toàn tỉnh phấn đấu xuất khẩu 250 lao động."
)


def test_people_counted_as_what_the_plan_counts_take_the_plan() -> None:
    assert _plans_of(SENT_ABROAD, "60%") == [250]


def test_people_counted_as_something_else_take_no_plan() -> None:
    # on the rule's boundary: the plan's noun right after the verb (above) is taken; five
    # words on, or after a comma, it is not
    far = SENT_ABROAD.replace(
        "người đi xuất khẩu lao động", "người xuất khẩu theo hợp đồng lao động"
    )
    apart = SENT_ABROAD.replace("người đi xuất khẩu lao động", "người, phần lớn là lao động")
    assert _plans_of(SENT_ABROAD, "60%") == [250]
    assert _plans_of(far, "60%") == [None]
    assert _plans_of(apart, "60%") == [None]


ONE_MILLION = (
    "Mục tiêu một triệu hợp tác xã đến năm 2041 đã không đạt được khi tính đến hết 31/12/2041, "
    "cả nước có 620.000 hợp tác xã đang hoạt động, đạt 62% mục tiêu."
)


def test_one_of_a_scale_written_in_a_word_is_a_plan_amount() -> None:
    assert _plans_of(ONE_MILLION, "62%") == [Decimal("1e6")]


def test_a_scale_with_no_number_word_is_no_plan_amount() -> None:
    # on the rule's boundary: "một triệu" is a million (above), "hàng triệu" no amount
    assert _plans_of(ONE_MILLION, "62%") == [Decimal("1e6")]
    assert _plans_of(ONE_MILLION.replace("một triệu", "hàng triệu"), "62%") == [None]
