"""Round 122: aims written as fractions, a rate under 100 with the plan's own margin after it,
and a plan taken from another measure's sentence.

Invented sentences (other wording, figures and measures than the evaluation passages), read
as the extraction tests read them.
"""

from __future__ import annotations

from decimal import Decimal

from reading import figure_set

B = Decimal(10) ** 9


def _no_claim_on(text: str, actual: Decimal) -> bool:
    return not any(
        a == actual and (t is not None or k in ("attainment", "excess"))
        for a, t, _, k in figure_set(text)
    )


# --------------------------------------------------------------------------- aims as fractions


def test_a_fraction_after_will_is_an_aim_not_a_result() -> None:
    text = "Năm 2042, nhà máy sẽ sản xuất đạt 18.000 tấn/16.000 tấn theo kế hoạch."
    assert figure_set(text) == set()


def test_a_fraction_striven_for_is_an_aim() -> None:
    text = "Năm 2042, xã phấn đấu trồng 420/400 ha rừng."
    assert figure_set(text) == set()
    money = "Ngành phấn đấu thu ngân sách 1.250/1.100 tỷ đồng, đạt 113,6% dự toán."
    assert _no_claim_on(money, 1_250 * B)


def test_a_fraction_expected_or_aimed_at_is_an_aim() -> None:
    expected = "Huyện dự kiến hoàn thành 62/55 km kênh mương nội đồng trong năm 2042."
    assert figure_set(expected) == set()
    opened = "Mục tiêu năm 2042, tỉnh đạt 240/200 xã đạt chuẩn nông thôn mới."
    assert figure_set(opened) == set()


def test_an_aim_goes_on_into_the_next_clause_with_dong_thoi() -> None:
    text = (
        "Công ty sẽ tập trung khai thác vượt 4% kế hoạch năm, đồng thời thu mua đạt 9.000 "
        "tấn/8.000 tấn theo kế hoạch."
    )
    assert _no_claim_on(text, Decimal(9_000))


def test_a_fraction_done_after_the_aim_word_stays_a_result() -> None:
    done = "Năm 2041, thành phố đã trồng được 420/400 ha rừng, đạt 105% kế hoạch."
    assert figure_set(done) == {(Decimal(420), Decimal(400), Decimal(105), "attainment")}
    striven = "Năm 2041, tỉnh phấn đấu và đã trồng 420/400 ha rừng."
    assert (Decimal(420), Decimal(400), None, None) in figure_set(striven)
    foreseen = "Dự kiến đến 31/12, nông trường sẽ khai thác được 2.150/2.000 tấn."
    assert (Decimal(2_150), Decimal(2_000), None, None) in figure_set(foreseen)


def test_striving_in_an_earlier_clause_is_no_aim_of_the_fraction() -> None:
    effort = "Năm 2041, nhờ phấn đấu quyết liệt, xã trồng 420/400 ha rừng."
    assert (Decimal(420), Decimal(400), None, None) in figure_set(effort)
    met = "Năm 2041, huyện hoàn thành mục tiêu đề ra với 38/35 km đường giao thông."
    assert (Decimal(38), Decimal(35), None, None) in figure_set(met)
    apart = "Dự kiến năm 2042 có thêm 5 xã đạt chuẩn; năm 2041 huyện đã đạt 240/200 xã."
    assert (Decimal(240), Decimal(200), None, None) in figure_set(apart)


def test_units_counted_out_of_all_after_an_aim_stay_a_coverage() -> None:
    text = "Năm 2043, huyện phấn đấu xây dựng 5/6 xã đạt chuẩn nông thôn mới nâng cao."
    assert figure_set(text) == {(Decimal(5), Decimal(6), None, "coverage")}
    indicators = "Cả năm dự kiến đạt và vượt 14/15 chỉ tiêu so với kế hoạch."
    assert figure_set(indicators) == {(Decimal(14), Decimal(15), None, "coverage")}


# --------------------------------------------------------------------------- đạt X%, vượt … Y%


def test_a_rate_under_100_with_the_plan_s_margin_after_it_is_read_once() -> None:
    text = "Năm 2041, huyện trồng 1.260 ha rừng, đạt 92%, vượt chỉ tiêu 2%."
    assert figure_set(text) == {(Decimal(92), None, Decimal(2), "excess")}
    given = "Năm 2041, huyện trồng 1.260 ha rừng, đạt 92%, vượt chỉ tiêu huyện giao 2%."
    assert figure_set(given) == {(Decimal(92), None, Decimal(2), "excess")}
    counted = "Năm 2041, toàn huyện có 4.850 hộ dùng nước sạch, đạt 96%, vượt kế hoạch 1%."
    assert figure_set(counted) == {(Decimal(96), None, Decimal(1), "excess")}


def test_a_rate_under_100_with_a_margin_in_points_is_no_attainment() -> None:
    text = "Năm 2041, huyện trồng 1.260 ha rừng, đạt 92%, vượt chỉ tiêu 2 điểm phần trăm."
    assert _no_claim_on(text, Decimal(1_260))


def test_a_named_rate_with_the_plan_s_margin_stays_a_rate() -> None:
    text = "Năm 2041, tỷ lệ thu gom rác thải đạt 88%, vượt kế hoạch 3%."
    assert figure_set(text) == {
        (None, None, Decimal(88), "rate"),
        (Decimal(88), None, Decimal(3), "excess"),
    }


def test_an_attainment_with_another_measure_s_plan_after_it_stays_one() -> None:
    text = "Năm 2041, doanh thu đạt 540 tỷ đồng, đạt 92%, vượt chỉ tiêu lợi nhuận 5%."
    assert (540 * B, None, Decimal(92), "attainment") in figure_set(text)
    above = "Năm 2041, huyện trồng 1.260 ha rừng, đạt 108%, vượt chỉ tiêu 8%."
    assert figure_set(above) == {
        (Decimal(1_260), None, Decimal(108), "attainment"),
        (Decimal(1_260), None, Decimal(8), "excess"),
    }
    named = "Năm 2041, doanh thu đạt 540 tỷ đồng, đạt 92% kế hoạch, vượt chỉ tiêu 2%."
    assert (540 * B, None, Decimal(92), "attainment") in figure_set(named)


# ------------------------------------------------------------------- another measure's amount

_HALF_YEAR = (
    "Lũy kế 6 tháng, doanh thu thuần của công ty đạt 612 tỷ đồng, giảm 8%. {other} Năm nay, "
    "công ty đặt mục tiêu doanh thu 1.530 tỷ đồng. Như vậy, công ty đã hoàn thành 40% kế hoạch "
    "doanh thu."
)


def test_financial_income_named_through_its_activity_is_no_revenue_of_the_plan() -> None:
    for other in (
        "Doanh thu hoạt động tài chính đạt 21 tỷ đồng, gấp 2 lần cùng kỳ.",
        "Doanh thu từ hoạt động tài chính đạt 21 tỷ đồng.",
    ):
        found = figure_set(_HALF_YEAR.format(other=other))
        assert (612 * B, 1_530 * B, Decimal(40), "attainment") in found
        assert _no_claim_on(_HALF_YEAR.format(other=other), 21 * B)


def test_revenue_of_the_business_stays_revenue() -> None:
    text = (
        "Doanh thu hoạt động kinh doanh đạt 612 tỷ đồng. Năm nay, công ty đặt mục tiêu doanh "
        "thu 1.530 tỷ đồng. Như vậy, công ty đã hoàn thành 40% kế hoạch doanh thu."
    )
    assert (612 * B, 1_530 * B, Decimal(40), "attainment") in figure_set(text)
