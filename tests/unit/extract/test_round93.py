"""Round 93 of the extraction rules (issue 17): each rule with a positive and a negative case
on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from reading import find

FUND_RISE = (
    "Đến cuối tháng 10, quỹ hỗ trợ nông dân của huyện đạt 84,2 tỷ đồng, tăng 12,6 tỷ đồng so "
    "với đầu năm, {}."
)


def test_a_percentage_no_stock_can_have_is_the_increases() -> None:
    # 84,2 / 3,15 = 26,7: a plan below the 71,6 held at the start of the year
    (s,) = [s for s in find(FUND_RISE.format("hoàn thành 315% kế hoạch năm"), money=True)]
    assert (s.actual, s.target, s.stated, s.stated_kind) == (
        12_600_000_000,
        None,
        "315%",
        "attainment",
    )


def test_a_percentage_of_a_growth_plan_is_the_increases() -> None:
    statements = find(FUND_RISE.format("đạt 90% kế hoạch tăng trưởng"), money=True)
    (s,) = [s for s in statements if s.stated is not None]
    assert (s.actual, s.target, s.stated, s.stated_kind) == (
        12_600_000_000,
        None,
        "90%",
        "attainment",
    )
    assert not [s for s in statements if s.actual == 84_200_000_000 and s.stated]


def test_a_percentage_the_stock_may_have_stays_the_stocks() -> None:
    # 84,2 / 0,9 = 93,6: above the 71,6 held before, a plan of the stock as well
    (s,) = [s for s in find(FUND_RISE.format("đạt 90% kế hoạch năm"), money=True) if s.stated]
    assert (s.actual, s.target, s.stated, s.stated_kind) == (
        84_200_000_000,
        None,
        "90%",
        "attainment",
    )


def test_a_score_out_of_its_scales_maximum_is_no_pair() -> None:
    for text in (
        "Năm 2040, phường được chấm 7,25/10 điểm; 45/52 thủ tục được giải quyết đúng hạn.",
        "Kết quả tự đánh giá của xã đạt 8/10 điểm, xếp loại khá.",
        "Chỉ số hài lòng của người dân đạt 72,5/100 điểm.",
    ):
        statements = find(text)
        assert not [s for s in statements if s.target in (5, 10, 100)], text
    (s,) = find("Năm 2040, phường được chấm 7,25/10 điểm; 45/52 thủ tục được giải quyết đúng hạn.")
    assert (s.actual, s.target) == (45, 52)


def test_a_fraction_before_other_words_after_diem_stays_a_pair() -> None:
    # "điểm trường" are places (school sites) done out of those planned; "điểm phần trăm"
    # are points of a rate; neither is a score
    (s,) = find("Huyện đã xây mới 7/10 điểm trường theo kế hoạch.")
    assert (s.actual, s.target) == (7, 10)
    (s,) = find("Năm 2040, huyện đã đưa vào sử dụng 18/20 điểm sinh hoạt cộng đồng.")
    assert (s.actual, s.target) == (18, 20)


BUDGET_PLAN = (
    "Năm 2041, dự toán thu ngân sách của tỉnh là 9.200 tỷ đồng. Trong đó, thu nội địa 4.400 "
    "tỷ đồng, thu từ hoạt động xuất nhập khẩu 4.800 tỷ đồng.\n\n"
    "Đến hết tháng 10, thu ngân sách đạt 7.100 tỷ đồng, đạt 77,2% dự toán. Trong đó, thu nội "
    "địa đạt 3.520 tỷ đồng, {}; thu từ hoạt động xuất nhập khẩu hơn 3.580 tỷ đồng, đạt 74,6% "
    "dự toán."
)


def test_a_parts_percentage_and_its_plans_part_are_one_claim() -> None:
    statements = find(BUDGET_PLAN.format("bằng 80% dự toán và tăng 12% so với cùng kỳ"), money=True)
    home = [s for s in statements if s.actual == 3_520_000_000_000 and s.stated_kind != "growth"]
    assert [(s.target, s.stated, s.stated_kind, s.verdict) for s in home] == [
        (4_400_000_000_000, "80%", "attainment", "consistent")
    ]
    # the other part's statement, which had no target, takes its part's plan (4.800) too
    trade = [s for s in statements if s.actual == 3_580_000_000_000]
    assert [(s.target, s.stated) for s in trade] == [(4_800_000_000_000, "74,6%")]


def test_a_parts_percentage_its_plans_part_does_not_give_stays_apart() -> None:
    statements = find(BUDGET_PLAN.format("bằng 60% dự toán"), money=True)  # 3.520 / 4.400: 80 %
    home = sorted(
        ((s.target, s.stated) for s in statements if s.actual == 3_520_000_000_000), key=str
    )
    assert home == [(4_400_000_000_000, None), (None, "60%")]


def test_a_bound_the_counted_things_met_is_not_the_fractions_percentage() -> None:
    text = "Cuối năm, huyện có 14/22 xã được công nhận an toàn thực phẩm (đạt trên 80% kế hoạch)."
    statements = find(text)
    (pair,) = [s for s in statements if s.actual == 14]
    assert (pair.target, pair.stated, pair.verdict) == (22, None, None)
    assert not [s for s in statements if s.actual is not None and s.stated == "80%"]


def test_a_fractions_own_percentage_in_brackets_stays_its() -> None:
    # 14/22 is 63,6 %: "trên 63%" is the fraction's own rate, cut and qualified
    for bracket, stated in (("đạt 64% kế hoạch", "64%"), ("đạt trên 63% kế hoạch", "63%")):
        text = f"Cuối năm, huyện có 14/22 xã được công nhận an toàn thực phẩm ({bracket})."
        (s,) = find(text)
        assert (s.actual, s.target, s.stated, s.verdict) == (14, 22, stated, "consistent")
