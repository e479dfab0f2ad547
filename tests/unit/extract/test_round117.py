"""Round 117: percent-only statements (an amount, its percentage of a plan, no plan written).

Invented sentences (other wording, figures, measures and units than the evaluation passages),
each of a family of wording the extractor missed, read as the extraction tests read them: the
exact claims each gives, and the near-misses that must give none.
"""

from __future__ import annotations

from decimal import Decimal

from reading import each_reads, none_reads

B = Decimal(10) ** 9
M = Decimal(10) ** 6


def test_the_base_of_a_growth_in_other_words_before_the_plan_s_percentage() -> None:
    cases = {
        "Sản lượng cà phê của huyện đạt 12.400 tấn, giảm 6% so với 2040 và chỉ đạt 88% kế hoạch.": (
            12_400,
            88,
            "attainment",
        ),
        "Kim ngạch nhập khẩu đạt 730 triệu USD, tăng 9,5% so với năm trước đó và bằng 104% "
        "kế hoạch năm.": (730 * M, 104, "attainment"),
        "Doanh thu thuần đạt 2.150 tỷ đồng, tăng 14% so với nửa đầu năm ngoái và hoàn thành "
        "47% kế hoạch năm.": (2_150 * B, 47, "attainment"),
        "Số học sinh nhập học đạt 5.320 em, tăng 3% so với năm học trước và đạt 101% chỉ tiêu.": (
            5_320,
            101,
            "attainment",
        ),
        "Lượng hàng qua cảng đạt 41,2 triệu tấn, tăng 4,1% so với cùng kỳ năm trước đó, đạt "
        "76% kế hoạch.": (Decimal("41.2") * M, 76, "attainment"),
        "Diện tích gieo trồng vụ đông đạt 18.600 ha, giảm 2% so với vụ trước và đạt 97% kế "
        "hoạch.": (18_600, 97, "attainment"),
        "Lợi nhuận trước thuế đạt 312 tỷ đồng, tăng 40% so với 2039 và vượt 4% kế hoạch.": (
            312 * B,
            4,
            "excess",
        ),
        "Tổng vốn huy động đạt 6.870 tỷ đồng, tăng 11% so với 6 tháng đầu năm trước, bằng 58% "
        "kế hoạch năm.": (6_870 * B, 58, "attainment"),
    }
    each_reads(cases)


def test_a_growth_s_base_takes_no_other_measure_s_or_share_s_percentage() -> None:
    none_reads(
        "Doanh thu đạt 500 tỷ đồng, tăng 12% so với 2040.",
        "Lãi ròng đạt 64 tỷ đồng, giảm 12% so với 2040 và chiếm 15% tổng lợi nhuận toàn ngành.",
        "Lãi ròng đạt 64 tỷ đồng, giảm 12% so với 2040; doanh thu đạt 81% kế hoạch.",
        "Doanh thu đạt 500 tỷ đồng, tăng 12% so với năm trước đó và lợi nhuận đạt 81% kế hoạch.",
        "Doanh thu quý III đạt 500 tỷ đồng, tăng 12% so với 2040, trong khi 9 tháng đạt 81% kế "
        "hoạch năm.",
    )


def test_what_the_result_brought_about_keeps_the_plan_s_percentage() -> None:
    cases = {
        "Năm 2041, sản lượng điện đạt 8.150 triệu kWh, cơ bản hoàn thành 100% kế hoạch đề ra.": (
            8_150 * M,
            100,
            "attainment",
        ),
        "Lũy kế 8 tháng, thu nội địa đạt 920 tỷ đồng, không chỉ bằng 76,5% dự toán năm mà còn "
        "tăng 12% so với cùng kỳ.": (920 * B, Decimal("76.5"), "attainment"),
        "Lãi ròng đạt 215 tỷ đồng, qua đó hoàn thành 61,4% kế hoạch năm.": (
            215 * B,
            Decimal("61.4"),
            "attainment",
        ),
        "Xuất khẩu đạt 312 triệu USD, nhờ đó vượt 8% kế hoạch năm.": (312 * M, 8, "excess"),
        "Toàn huyện trồng mới 430 ha rừng, qua đó đạt 107,5% kế hoạch.": (
            430,
            Decimal("107.5"),
            "attainment",
        ),
        "Lượng khách đạt 1,9 triệu lượt, từ đó hoàn thành 95% mục tiêu năm.": (
            Decimal("1.9") * M,
            95,
            "attainment",
        ),
        "Dù thị trường khó khăn, công ty tiêu thụ 86.000 tấn phân bón, vẫn đạt 92% kế hoạch năm.": (
            86_000,
            92,
            "attainment",
        ),
        "Tổng thu ngân sách năm 2041 ước đạt 11.900 tỷ đồng, cơ bản đạt 99% dự toán.": (
            11_900 * B,
            99,
            "attainment",
        ),
    }
    each_reads(cases)


def test_thereby_takes_no_other_measure_share_growth_or_quarter() -> None:
    none_reads(
        "Doanh thu đạt 1.730 tỷ đồng, qua đó lợi nhuận hoàn thành 44% kế hoạch năm.",
        "Doanh thu đạt 1.730 tỷ đồng, qua đó chiếm 44% tổng doanh thu toàn ngành.",
        "Doanh thu đạt 1.730 tỷ đồng, qua đó tăng 44% so với cùng kỳ.",
        "Doanh thu quý IV đạt 530 tỷ đồng, qua đó cả năm hoàn thành 97% kế hoạch.",
        "Công ty bán 2.300 xe, nhờ đó thị phần đạt 12%.",
        # a quarter's amount: the months counted so far meet the year's plan
        "Lãi ròng quý III tăng lên 210 tỷ đồng, qua đó hoàn thành 78% kế hoạch năm.",
    )
