"""Round 36 of the extraction rules (issue 17): each a general rule of report wording, tested
on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import attained, checked, claimed_pairs, find

# ------------------------------- a rate aimed at is no stated part of a fraction


def test_a_percentage_right_after_a_target_word_is_not_a_coverage_of_the_fraction() -> None:
    text = (
        "Cuối năm có thêm 3 tổ dân phố đạt chuẩn văn hóa, tổng cộng 12/40 tổ dân phố, đạt "
        "khoảng 30% so với mục tiêu 50% của nhiệm kỳ."
    )
    found = find(text)
    assert all(s.verdict != "inconsistent" for s in found)
    assert [s.stated for s in found if s.stated_kind == "coverage"] == ["30%"]


def test_a_percentage_of_a_fraction_with_no_target_word_before_it_stays_a_coverage() -> None:
    text = "Phường có 12/40 tổ dân phố đạt chuẩn văn hóa, đạt 35%."
    found = find(text)
    assert [(s.stated, s.verdict) for s in found if s.stated_kind == "coverage"] == [
        ("35%", "inconsistent")
    ]


# ------------------------------- a figure a condition supposes is no result


def test_an_amount_supposed_by_a_condition_is_no_result() -> None:
    text = (
        "Nếu quý IV phường thu thêm được 45 tỷ đồng thì số thu cả năm sẽ vượt dự toán được "
        "giao là 180 tỷ đồng."
    )
    assert claimed_pairs(text) == []


def test_the_same_amount_said_as_done_is_a_result_against_its_plan() -> None:
    text = (
        "Quý IV phường thu thêm được 45 tỷ đồng, số thu cả năm vượt dự toán được giao là "
        "180 tỷ đồng."
    )
    assert claimed_pairs(text) == [(45_000_000_000, 180_000_000_000)]


# ------------------------------- a round mark passed is not the amount


def test_a_round_mark_passed_with_a_bracketed_percentage_is_not_the_result() -> None:
    text = "Lần đầu tiên, số thu ngân sách của phường vượt ngưỡng 500 tỷ đồng (112% dự toán)."
    assert [a for a in attained(text) if a[0] is not None] == []


def test_an_amount_written_with_a_bracketed_percentage_is_the_result() -> None:
    text = "Năm nay, số thu ngân sách của phường đạt 560 tỷ đồng (112% dự toán)."
    assert attained(text) == [(560_000_000_000, None, 112, "unchecked")]


# ------------------------------- an amount given out so far, a plan adjusted, a remainder

ADJUSTED = (
    "Kế hoạch vốn trung hạn của sở là 620 tỷ đồng, sau khi điều chỉnh giảm còn 500 tỷ đồng, "
    "đến nay đã phân bổ hết cho các công trình là 440 tỷ đồng, đạt 88%{rest}."
)


def test_an_amount_given_out_so_far_is_the_result_against_the_adjusted_plan() -> None:
    assert checked(ADJUSTED.format(rest="")) == [
        (440_000_000_000, 500_000_000_000, 88, "consistent")
    ]


def test_an_amount_given_with_no_percentage_right_after_it_stays_the_plan() -> None:
    text = (
        "Năm nay ủy ban đã giao cho phường là 500 tỷ đồng vốn đầu tư công, phường đã giải ngân "
        "440 tỷ đồng, đạt 88%."
    )
    assert checked(text) == [(440_000_000_000, 500_000_000_000, 88, "consistent")]


def test_a_plan_named_once_is_not_replaced_without_an_adjustment() -> None:
    text = (
        "Kế hoạch vốn của sở là 620 tỷ đồng, đến nay đã phân bổ cho các công trình là "
        "434 tỷ đồng, đạt 70%."
    )
    assert checked(text) == [(434_000_000_000, 620_000_000_000, 70, "consistent")]


def test_a_remainder_that_does_not_make_up_the_plan_is_flagged() -> None:
    text = ADJUSTED.format(rest=", còn lại 70 tỷ đồng chưa phân bổ")
    found = [s for s in find(text, money=True) if s.verdict == "inconsistent"]
    assert [(s.actual, s.target) for s in found] == [(440_000_000_000, 500_000_000_000)]
    assert found[0].text.endswith("70 tỷ đồng")


def test_a_remainder_that_makes_up_the_plan_is_not_flagged() -> None:
    text = ADJUSTED.format(rest=", còn lại 60 tỷ đồng chưa phân bổ")
    assert checked(text) == [(440_000_000_000, 500_000_000_000, 88, "consistent")]


# ------------------------------- a rate beside the rate aimed for it


def rate_pairs(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.target) for s in find(text) if s.measure == "%" and s.target is not None]


def test_a_rise_beside_the_ceiling_aimed_for_it_is_a_rate_against_its_target() -> None:
    text = (
        "Giá dịch vụ bình quân của phường tăng 2,8% so với năm 2023, đạt mục tiêu đề ra "
        "(dưới 3,5%)."
    )
    assert rate_pairs(text) == [(Decimal("2.8"), Decimal("3.5"))]


def test_a_rate_beside_a_range_aimed_for_it_takes_the_range() -> None:
    text = "Tốc độ tăng thu nhập của xã ước đạt 9,4%, vượt chỉ tiêu nghị quyết (8 - 9%)."
    assert rate_pairs(text) == [(Decimal("9.4"), (Decimal(8), Decimal(9)))]


def test_a_rise_then_by_how_much_a_plan_is_beaten_is_no_rate_pair() -> None:
    text = "Doanh thu của hợp tác xã tăng 18% so với cùng kỳ, vượt kế hoạch năm gần 4%."
    assert rate_pairs(text) == []


def test_a_rate_the_words_put_on_the_wrong_side_of_its_target_is_no_pair() -> None:
    text = "Tỷ lệ lao động có việc làm của xã đạt 62%, cao hơn mục tiêu đề ra là 70%."
    assert rate_pairs(text) == []


def test_a_rate_opening_a_bracket_after_its_name_is_read_against_its_target() -> None:
    text = (
        "Có hai chỉ tiêu chưa đạt là tỷ lệ hộ dùng nước sạch (đạt 91% so với kế hoạch là "
        "95%) và tỷ lệ thu gom rác thải (88,5% so với kế hoạch là 90%)."
    )
    assert rate_pairs(text) == [(91, 95), (Decimal("88.5"), 90)]


def test_a_bracket_with_no_name_before_it_gives_no_rate_pair() -> None:
    text = "(Đạt 91% so với kế hoạch là 95%)."
    assert rate_pairs(text) == []
