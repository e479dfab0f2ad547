"""Round 125 of the extraction rules (issue 17): wrong claims whose plan is written, on
invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import claim_set

B = Decimal(10**9)
M = Decimal(10**6)

# --------------------------------------------------------------------------- capital of works


def test_the_capital_named_before_its_works_is_the_plan_of_the_amount_disbursed() -> None:
    cases = {
        # a programme's code in the capital's name, the works counted, both amounts hedged
        "Năm 2041, nguồn vốn Chương trình 30a trên 12 tỷ 500 triệu đồng thực hiện 8 công "
        "trình, giải ngân trên 10 tỷ đồng, đạt 80% KH.": (10 * B, Decimal("12.5") * B, 80),
        "Năm 2041, nguồn vốn sự nghiệp giáo dục của huyện Tân Lạc 4.000 triệu đồng thực "
        "hiện 3 dự án, đã giải ngân 3.000 triệu đồng, đạt 75% kế hoạch.": (
            3000 * M,
            4000 * M,
            75,
        ),
        # all of it disbursed: 100 % of an amount equal to the result
        "Năm 2041, nguồn vốn Chương trình 135 là 2.400 triệu đồng thực hiện 6 công trình, "
        "giải ngân 2.400 triệu đồng, đạt 100% kế hoạch.": (2400 * M, 2400 * M, 100),
        "Năm 2041, nguồn vốn ngân sách tỉnh 20 tỷ đồng để thực hiện 4 hạng mục, giải ngân "
        "được 15 tỷ đồng, đạt 75% kế hoạch.": (15 * B, 20 * B, 75),
        "Tổng vốn năm 2041 của xã Đông Sơn là 40 tỷ đồng, thực hiện 12 công trình, đã giải "
        "ngân 30 tỷ đồng, đạt 75% kế hoạch.": (30 * B, 40 * B, 75),
        # a revenue set aside for the works
        "Năm 2041, nguồn thu tiền sử dụng đất của huyện bổ sung 6 tỷ đồng thực hiện 3 gói "
        "thầu, giải ngân 4,5 tỷ đồng, đạt 75% KH.": (Decimal("4.5") * B, 6 * B, 75),
    }
    for text, (actual, target, percent) in cases.items():
        assert claim_set(text) == {(actual, target, percent, "attainment")}, text
    # not read: the plan stays implied where another figure, unit or plan stands between
    wrote = "Năm 2041, nguồn vốn Chương trình 135 là 10 tỷ đồng thực hiện 8 công trình, "
    refused = {
        # the percentage does not fit the capital: the plan is implied, as before
        wrote + "giải ngân 6 tỷ đồng, đạt 80% KH.": (6 * B, 80),
        # another result of the works between
        wrote + "5 công trình đã hoàn thành, giải ngân 8 tỷ đồng, đạt 80% KH.": (8 * B, 80),
        # more than the capital disbursed
        wrote + "giải ngân 12 tỷ đồng, đạt 120% KH.": (12 * B, 120),
        # a plan of a giver the capital is not
        wrote + "giải ngân 8 tỷ đồng, đạt 80% dự toán HĐND huyện giao.": (8 * B, 80),
        # another currency
        "Năm 2041, nguồn vốn ODA 10 triệu USD thực hiện 8 công trình, giải ngân 8 tỷ đồng, "
        "đạt 80% KH.": (8 * B, 80),
        # no capital named: an amount collected
        "Năm 2041, huyện thu 10 tỷ đồng thực hiện 8 công trình, giải ngân 8 tỷ đồng, đạt 80% KH.": (
            8 * B,
            80,
        ),
    }
    for text, (actual, percent) in refused.items():
        assert claim_set(text) == {(actual, None, percent, "attainment")}, text
