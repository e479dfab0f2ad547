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


CHANGE_RATE = (
    "Năm 2041 toàn ngành thu 2.345.678 triệu đồng, đạt 52,31% kế hoạch giao. Trong đó, thu "
    "phí bắt buộc 1.940.112 triệu đồng, tăng 150.210 triệu đồng. Thu phí tự nguyện 3.214 "
    "triệu đồng, tăng 512 triệu đồng (18,95%) so với cùng kỳ năm trước."
)
BARE_BRACKET = "Năm 2041 thu phí tự nguyện đạt 3.214 triệu đồng (95%)."


def test_a_bracketed_percentage_after_a_change_is_its_rate() -> None:
    (s,) = [s for s in find(CHANGE_RATE) if s.stated_percent == Decimal("18.95")]
    assert s.stated_kind == "growth"


def test_a_bracketed_percentage_after_an_amount_is_not_a_change() -> None:
    assert all(s.stated_kind != "growth" for s in find(BARE_BRACKET))


SHARE_OF_COUNT = (
    "Năm 2041 số hộ văn hóa có trên 4.120 hộ, tỷ lệ 31,52%, đạt 98,71% chỉ tiêu phân bổ."
)
NAMED_RATE = "Năm 2041 tỷ lệ hộ văn hóa đạt 31,52%, đạt 98,71% chỉ tiêu phân bổ."


def test_a_bare_rate_after_a_count_takes_no_attainment() -> None:
    assert all(s.actual != Decimal("31.52") for s in find(SHARE_OF_COUNT))


def test_a_named_rate_keeps_its_attainment() -> None:
    assert any(
        s.actual == Decimal("31.52") and s.stated_percent == Decimal("98.71")
        for s in find(NAMED_RATE)
    )


AMOUNT_COMMA_WITH_COUNT = (
    "Đến cuối năm 2041, tổng dư nợ trên địa bàn trên 4.512 tỷ đồng, với 121.345 lượt khách "
    "hàng còn dư nợ, đạt 98,5% kế hoạch năm."
)
COUNT_COMMA_WITH_COUNT = "Năm 2041 có 12 hợp tác xã, với 800 thành viên, đạt 80% kế hoạch."


def test_a_count_said_with_an_amount_after_a_comma_leaves_the_amount_its_plan() -> None:
    (s,) = [s for s in find(AMOUNT_COMMA_WITH_COUNT) if s.stated_percent == Decimal("98.5")]
    assert s.actual == Decimal("4512000000000")


def test_two_counts_with_a_comma_are_left_as_read() -> None:
    (s,) = [s for s in find(COUNT_COMMA_WITH_COUNT) if s.stated_percent == Decimal("80")]
    assert s.actual == Decimal("800")


LEVEL_NAMED_BY_PLAN = (
    "Năm 2041 doanh số cho vay đạt 512 tỷ đồng, tăng 41 tỷ đồng so với năm 2040; tổng dư nợ "
    "gần 2.104 tỷ đồng, tăng hơn 150 tỷ đồng so với năm 2040; tỷ lệ tăng trưởng tín dụng đạt "
    "7,6%, hoàn thành 97,9% kế hoạch dư nợ."
)
LEVEL_OF_PLAN_UNNAMED = LEVEL_NAMED_BY_PLAN.replace("kế hoạch dư nợ", "kế hoạch năm")


def _attained(text: str) -> Decimal | None:
    (s,) = [s for s in find(text) if s.stated_percent == Decimal("97.9")]
    return s.actual


def test_a_growth_rates_plan_named_by_a_measure_goes_to_the_level_it_names() -> None:
    assert _attained(LEVEL_NAMED_BY_PLAN) == Decimal("2104000000000")


def test_a_growth_rates_plan_of_no_measure_goes_to_the_first_level() -> None:
    assert _attained(LEVEL_OF_PLAN_UNNAMED) == Decimal("512000000000")


def _verdict(text: str) -> str | None:
    (s,) = find(text)
    return s.verdict


def test_a_whole_result_against_a_plan_with_decimals_may_be_rounded() -> None:
    assert _verdict("Năm 2041 cây đậu các loại thực hiện 07/2,56 ha, bằng 280%KH.") == "unchecked"


def test_a_whole_result_beyond_its_rounding_stays_inconsistent() -> None:
    text = "Năm 2041 cây đậu các loại thực hiện 07/2,56 ha, bằng 320%KH."
    assert _verdict(text) == "inconsistent"
