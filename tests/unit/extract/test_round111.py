"""Round 111: precision (readings still loose on invented probes, the wrong claims of six new
batches).

Invented sentences (other wording, figures and measures than the evaluation passages), read as
the extraction tests read them.
"""

from __future__ import annotations

from decimal import Decimal

from reading import figure_set

B = Decimal(10) ** 9


# --------------------------------------------------------------------------- kỳ vọng


def test_an_amount_hoped_for_is_no_result_of_a_plan_s_percentage() -> None:
    text = (
        "Hội đồng quản trị kỳ vọng lãi trước thuế 420 tỷ đồng, doanh thu 5.100 tỷ đồng. Như "
        "vậy, sau nửa năm, công ty đã thực hiện 45% mục tiêu lợi nhuận."
    )
    assert figure_set(text) == {(None, None, Decimal(45), "attainment")}
    verb = (
        "Lợi nhuận cả năm kỳ vọng đạt 95 tỷ đồng; 9 tháng, công ty đã thực hiện 71% kế hoạch "
        "lợi nhuận."
    )
    assert figure_set(verb) == {(None, None, Decimal(71), "attainment")}


def test_an_amount_hoped_for_is_the_plan_of_a_result_written_after_it() -> None:
    text = (
        "Năm 2041, công ty kỳ vọng doanh thu 8.800 tỷ đồng. Lũy kế 9 tháng, doanh thu đạt "
        "2.728 tỷ đồng. Như vậy, doanh nghiệp này mới hoàn thành 31% chỉ tiêu doanh thu."
    )
    assert figure_set(text) == {(2_728 * B, 8_800 * B, Decimal(31), "attainment")}


def test_a_result_above_hopes_stays_a_result() -> None:
    # "vượt kỳ vọng": hopes as a noun, a result measured against them
    text = (
        "Năm 2041, doanh thu của hãng vượt kỳ vọng với 1.050 tỷ đồng. Như vậy, hãng đã hoàn "
        "thành 105% kế hoạch doanh thu."
    )
    assert figure_set(text) == {(1_050 * B, None, Decimal(105), "attainment")}


# --------------------------------------------------------------------------- đạt tỷ lệ X%


def test_a_rate_under_a_plan_it_exceeds_is_no_attainment_of_that_plan() -> None:
    text = "Tòa án đã giải quyết 2.450 vụ án, đạt tỷ lệ 91,2%, vượt chỉ tiêu Quốc hội giao."
    assert figure_set(text) == {(Decimal(2_450), None, Decimal("91.2"), "rate")}
    money = "Ngân hàng đã xử lý 340 tỷ đồng nợ xấu, đạt tỷ lệ 68%, vượt kế hoạch."
    assert figure_set(money) == {(340 * B, None, Decimal(68), "rate")}
    bare = "Năm 2041, xã đã giải quyết 240 hồ sơ, đạt 92%, vượt chỉ tiêu huyện giao."
    assert not any(kind == "attainment" for _, _, _, kind in figure_set(bare))


def test_an_attainment_above_a_plan_exceeded_stays_one() -> None:
    text = "Năm 2041, huyện trồng 1.260 ha rừng, đạt 105%, vượt kế hoạch."
    assert figure_set(text) == {(Decimal(1_260), None, Decimal(105), "attainment")}


# --------------------------------------------------------------------------- growth rates


def test_a_growth_rate_is_no_result_of_the_plan_of_the_measure_it_is_the_growth_of() -> None:
    revenue = "Tốc độ tăng trưởng doanh thu đạt 13,5%, hoàn thành 102% kế hoạch doanh thu năm."
    assert not any(a is not None for a, _, _, _ in figure_set(revenue))
    retail = "Tốc độ tăng tổng mức bán lẻ hàng hóa đạt 12,8%, bằng 107% kế hoạch tổng mức bán lẻ."
    assert not any(a is not None for a, _, _, _ in figure_set(retail))


def test_a_growth_rate_keeps_the_attainment_of_its_own_plan() -> None:
    # the set's reading (seven passages of eight): the rate is the actual of the percentage
    text = "Năm 2041, tốc độ tăng trưởng GRDP của huyện ước đạt 7,4%, đạt 102% kế hoạch đề ra."
    assert figure_set(text) == {(Decimal("7.4"), None, Decimal(102), "attainment")}


# --------------------------------------------------------------------------- rưỡi


def test_half_of_a_scale_after_a_whole_of_it_is_read() -> None:
    money = "Đến 30/9, Chi cục Thuế thu ngân sách trên 46 tỉ rưỡi đồng, đạt 81% dự toán năm."
    assert figure_set(money) == {(Decimal(46_500_000_000), None, Decimal(81), "attainment")}
    visitors = "Năm 2041, tỉnh đón 3 triệu rưỡi lượt khách, đạt 106% kế hoạch."
    assert figure_set(visitors) == {(Decimal(3_500_000), None, Decimal(106), "attainment")}
    workers = "Khu công nghiệp thu hút 2 nghìn rưỡi lao động, đạt 83% kế hoạch."
    assert figure_set(workers) == {(Decimal(2_500), None, Decimal(83), "attainment")}
    plan = (
        "Năm 2041, huyện được giao dự toán thu ngân sách 96 tỉ rưỡi đồng. Đến 30/6, huyện thu "
        "được 48,25 tỷ đồng, đạt 50% dự toán."
    )
    assert (48_250 * B // 1000, 96_500 * B // 1000, Decimal(50), "attainment") in figure_set(plan)


def test_half_after_no_scale_word_is_no_part_of_an_amount() -> None:
    text = "Cuộc họp kéo dài đến 9 giờ rưỡi, xã thu 4 tỷ đồng, đạt 80% kế hoạch."
    assert figure_set(text) == {(4 * B, None, Decimal(80), "attainment")}


# --------------------------------------------------------------------------- a plan raised


def test_an_amount_added_to_a_plan_is_no_result_against_the_plan_it_raises() -> None:
    area = (
        "Do nhu cầu tăng, huyện đăng ký thêm 500 ha so với chỉ tiêu được giao, nâng tổng chỉ "
        "tiêu trồng rừng năm 2041 lên 3.200 ha."
    )
    assert figure_set(area) == {(None, Decimal(3_200), None, None)}
    capital = (
        "Tỉnh bổ sung 1.200 tỷ đồng so với kế hoạch vốn đã giao, nâng tổng kế hoạch vốn đầu tư "
        "công năm 2041 lên 9.800 tỷ đồng."
    )
    assert figure_set(capital) == {(None, 9_800 * B, None, None)}


def test_a_result_beside_a_plan_raised_keeps_its_excess() -> None:
    text = (
        "Năm 2041, huyện trồng được 3.350 ha rừng, vượt 150 ha so với chỉ tiêu, nâng tổng diện "
        "tích rừng trồng lên 21.000 ha."
    )
    assert (Decimal(3_350), Decimal(3_200), None, "excess_count") in figure_set(text)
