"""Review 35a: wrong readings of round 141's bare ``đạt X%`` after a sum, and of its two sums.

Invented sentences (the reviewer's texts, none from the evaluation passages): a bare
percentage after a sum that is an index over an earlier, smaller figure or a past base; a
share, structure or ratio; a price; a plan, forecast, negation or supposition; an item of a
list whose base is the same period (``đạt`` as well as ``bằng``); two sums against a plan of
another year. Each must read no claim; the readings round 141 made stay.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reading import claim_set, each_reads, none_reads

B = Decimal(10) ** 9


# ------------------------------------------- 1. an index over an earlier, smaller figure


@pytest.mark.parametrize(
    "text",
    [
        "Tổng thu ngân sách năm 2040 là 800 tỷ đồng. Năm 2041, tổng thu ngân sách đạt 920 tỷ "
        "đồng, đạt 115%.",
        "Vốn điều lệ 500 tỷ đồng, vốn chủ sở hữu 800 tỷ đồng, đạt 160%.",
        # the past base named before the sum
        "So với cùng kỳ năm trước, doanh thu 9 tháng đạt 300 tỷ đồng, đạt 115%.",
    ],
)
def test_an_index_over_an_earlier_figure_or_a_past_base_is_no_attainment(text: str) -> None:
    none_reads(text)


@settings(max_examples=30, deadline=None)
@given(
    base=st.integers(min_value=200, max_value=900),
    hundredths=st.integers(min_value=10_100, max_value=20_000),
)
def test_a_smaller_figure_before_that_fits_the_percentage_reads_none(
    base: int, hundredths: int
) -> None:
    reached = Decimal(base) * hundredths / 10_000
    written = f"{reached.quantize(Decimal('0.01'))}".replace(".", ",")
    percent = f"{100 * Decimal(written.replace(',', '.')) / base:.0f}"
    text = (
        f"Năm 2040, tổng thu ngân sách là {base} tỷ đồng. Năm 2041, tổng thu ngân sách đạt "
        f"{written} tỷ đồng, đạt {percent}%."
    )
    none_reads(text)


# ------------------------------------------------------- 2. shares, structures and ratios


@pytest.mark.parametrize(
    "text",
    [
        "Cơ cấu giá trị sản xuất: nông nghiệp 1.500 tỷ đồng, đạt 12%; công nghiệp 9.000 tỷ "
        "đồng, đạt 70%; dịch vụ 2.000 tỷ đồng, đạt 18%.",
        # shares adding up to 100 with no heading
        "Năm 2041, khu vực nhà nước 1.500 tỷ đồng, đạt 25%; khu vực ngoài nhà nước 4.500 tỷ "
        "đồng, đạt 75%.",
        "Năm 2041, nợ xấu của các tổ chức tín dụng trên địa bàn là 940 tỷ đồng, đạt 1,8%.",
        "Năm 2041, dư nợ tín dụng xanh đạt 1.200 tỷ đồng, đạt 4,5%.",
        "Năm 2041, công ty chi trả cổ tức 150 tỷ đồng (đạt 15%).",
        "Lợi nhuận gộp đạt 120 tỷ đồng, đạt 22%.",
    ],
)
def test_a_share_structure_or_ratio_after_a_sum_is_no_attainment(text: str) -> None:
    none_reads(text)


# ----------------------------------------------------------------------------- 3. prices


@pytest.mark.parametrize(
    "text",
    [
        "Năm 2041, giá cà phê nhân xô bình quân 95.000 đồng/kg, đạt 120%.",
        "Giá vàng đạt 80 triệu đồng/lượng, đạt 103%.",
        "Giá bán bình quân 12 triệu đồng/tấn đạt 108%.",
        # money per thing with no "giá" written
        "Năm 2041, hạt điều thô bán ra 32.000 đồng/kg, đạt 110%.",
    ],
)
def test_a_price_s_bare_percentage_is_no_attainment(text: str) -> None:
    none_reads(text)


def test_money_per_head_keeps_its_attainment() -> None:
    each_reads(
        {
            "Năm 2041, thu nhập bình quân đạt 65 triệu đồng/người/năm, đạt 98%.": (
                65 * 10**6,
                98,
                "attainment",
            ),
        }
    )


# ------------------------------------- 4. a plan, forecast, negation or supposition


@pytest.mark.parametrize(
    "text",
    [
        "Kế hoạch thu ngân sách năm 2042 là 900 tỷ đồng, đạt 105%.",
        "Mục tiêu đến năm 2045 thu ngân sách đạt 900 tỷ đồng, đạt 105%.",
        "Dự kiến thu ngân sách năm 2042 đạt 900 tỷ đồng, đạt 105%.",
        "Thu ngân sách năm 2041 chưa đạt 900 tỷ đồng, đạt 85%.",
        "Nếu thu ngân sách được 900 tỷ đồng, đạt 105%.",
        "Năm 2042, phấn đấu thu ngân sách 900 tỷ đồng (đạt 105%).",
    ],
)
def test_a_plan_s_amount_a_forecast_or_a_sum_not_reached_is_no_result(text: str) -> None:
    none_reads(text)


def test_round_141_s_readings_stay() -> None:
    each_reads(
        {
            # the plan named before a comma, the result after it
            "Năm 2041, thu ngân sách không đạt kế hoạch, chỉ được 800 tỷ đồng, đạt 89%.": (
                800 * B,
                89,
                "attainment",
            ),
            "Năm 2041, lợi nhuận trước thuế 713 tỷ đồng, đạt 101%.": (713 * B, 101, "attainment"),
            "Năm 2041, cả tỉnh giải ngân 500 tỷ đồng, đạt 62,5%.": (
                500 * B,
                Decimal("62.5"),
                "attainment",
            ),
            "Năm 2041, thu ngân sách vượt mục tiêu, đạt 930 tỷ đồng, đạt 103%.": (
                930 * B,
                103,
                "attainment",
            ),
            "Năm 2041, giá trị sản xuất công nghiệp đạt 930 tỷ đồng, đạt 103%.": (
                930 * B,
                103,
                "attainment",
            ),
        }
    )
    assert claim_set(
        "Năm 2041, thu ngân sách đạt 22,71 tỷ đồng, đạt 87,52%; chi ngân sách 20 tỷ đồng, đạt 90%."
    ) == {
        (Decimal("22.71") * B, None, Decimal("87.52"), "attainment"),
        (20 * B, None, 90, "attainment"),
    }
    # two attainments adding up to 99 by chance: their sums give no one whole
    assert claim_set(
        "Năm 2041, doanh thu đạt 500 tỷ đồng, đạt 52%; lợi nhuận 40 tỷ đồng, đạt 47%."
    ) == {(500 * B, None, 52, "attainment"), (40 * B, None, 47, "attainment")}


# ---------------------------------- 5. a list's base carried to a bare "đạt" as to "bằng"


@pytest.mark.parametrize(
    "text",
    [
        "Năm 2041, thu nội địa đạt 5.200 tỷ đồng, bằng 112% so với cùng kỳ; thuế thu nhập cá "
        "nhân 420 tỷ đồng, đạt 108,1%; lệ phí trước bạ 260 tỷ đồng, đạt 91,5%.",
        "Thu ngân sách 6 tháng ước đạt 6.150 tỷ đồng, đạt 112% so với cùng kỳ; thuế thu nhập cá "
        "nhân ước đạt 385 tỷ đồng, đạt 118,2%.",
    ],
)
def test_a_bare_item_of_a_list_compared_with_last_year_is_no_attainment(text: str) -> None:
    none_reads(text)


def test_a_bare_reach_after_an_item_of_the_same_period_takes_its_base() -> None:
    # the first item names the plan, the second the same period: the third's is the second's
    assert claim_set(
        "Năm 2041, diện tích lúa đạt 1.200 ha, đạt 97% kế hoạch; trồng rừng 40 ha, đạt 103% so"
        " với cùng kỳ; trồng cây phân tán 600 ha, đạt 108%."
    ) == {(1200, None, 97, "attainment")}


# ---------------------------------------------- 6. two sums against a plan of another year


@pytest.mark.parametrize(
    "text",
    [
        "Năm 2041, doanh thu đạt 820 tỷ đồng và lợi nhuận 61 tỷ đồng, hoàn thành 102% và 95% kế "
        "hoạch năm 2045.",
        "Năm 2041, doanh thu đạt 820 tỷ đồng và lợi nhuận 61 tỷ đồng, đạt 102% và 95% so với kế "
        "hoạch năm 2040.",
        # with "lần lượt" as well
        "Năm 2041, doanh thu và lợi nhuận lần lượt đạt 820 tỷ đồng và 61 tỷ đồng, hoàn thành "
        "102% và 95% kế hoạch năm 2045.",
        "Năm 2041, doanh thu đạt 820 tỷ đồng và lợi nhuận 61 tỷ đồng, hoàn thành lần lượt 102% "
        "và 95% kế hoạch năm 2045.",
    ],
)
def test_two_sums_against_a_plan_of_another_year_read_none(text: str) -> None:
    none_reads(text)


def test_two_sums_against_the_year_s_plan_stay_paired() -> None:
    for year in ("", " 2041"):
        assert claim_set(
            "Năm 2041, doanh thu đạt 820 tỷ đồng và lợi nhuận 61 tỷ đồng, hoàn thành 102% và 95%"
            f" kế hoạch năm{year}."
        ) == {(820 * B, None, 102, "attainment"), (61 * B, None, 95, "attainment")}
