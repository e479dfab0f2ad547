"""Round 94 of the extraction rules (issue 17): each rule with a positive and a negative case
on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from reading import find

QUARTER_AND_PLAN = (
    "Trong quý I/2039, công ty cổ phần Sông Mây ghi nhận doanh thu thuần đạt 2.170 tỷ đồng và "
    "lợi nhuận trước thuế 310 tỷ đồng, lần lượt tăng 8% và 11% so với cùng kỳ.\n\n"
    "Cả năm 2038, doanh thu thuần của công ty đạt 8.300 tỷ đồng, tăng 4% so với năm 2037.\n\n"
    "Năm 2039, công ty đặt mục tiêu doanh thu thuần 9.650 tỷ đồng và lợi nhuận trước thuế "
    "1.400 tỷ đồng. Như vậy, sau quý đầu, công ty đã thực hiện {}."
)


def test_a_named_plans_percentage_takes_the_pair_it_fits() -> None:
    # 2.170 / 9.650 = 22,49 % -> 22,5 %; the year before's 8.300 gives 86 %
    statements = find(QUARTER_AND_PLAN.format("22,5% kế hoạch doanh thu"), money=True)
    (s,) = [s for s in statements if s.stated == "22,5%"]
    assert (s.actual, s.target, s.stated_kind, s.verdict) == (
        2_170_000_000_000,
        9_650_000_000_000,
        "attainment",
        "consistent",
    )
    assert not [c for c in statements if c.actual == 2_170_000_000_000 and c.stated is None]
    assert not [c for c in statements if c.actual == 8_300_000_000_000 and c.stated != "4%"]


def test_a_named_plans_percentage_no_pair_fits_keeps_its_reading() -> None:
    statements = find(QUARTER_AND_PLAN.format("30% kế hoạch doanh thu"), money=True)
    (s,) = [s for s in statements if s.stated == "30%"]
    assert (s.actual, s.target) == (8_300_000_000_000, None)
    (pair,) = [c for c in statements if c.actual == 2_170_000_000_000]
    assert (pair.target, pair.stated) == (9_650_000_000_000, None)


def test_a_percentage_after_an_amount_restated_in_another_currency_is_the_amounts() -> None:
    text = (
        "Niên độ 2040, doanh thu của tập đoàn đạt gần 41.500 tỷ đồng, tương đương 1,6 tỷ USD, "
        "vượt 9% kế hoạch."
    )
    statements = find(text, money=True)
    (s,) = [s for s in statements if s.stated == "9%"]
    assert (s.actual, s.target, s.stated_kind, s.qualifier) == (
        41_500_000_000_000,
        None,
        "excess",
        "gần",
    )
    assert not [s for s in statements if s.actual == 1_600_000_000 and s.stated]


def test_a_percentage_after_an_amount_of_another_measure_in_another_currency_stays_its() -> None:
    # a second amount of its own (no "tương đương"): the percentage is the export's
    text = (
        "Niên độ 2040, doanh thu của tập đoàn đạt 41.500 tỷ đồng, xuất khẩu 1,6 tỷ USD, đạt 92% "
        "kế hoạch."
    )
    (s,) = [s for s in find(text, money=True) if s.stated == "92%"]
    assert (s.actual, s.target, s.stated_kind) == (1_600_000_000, None, "attainment")


def test_a_fraction_after_the_noun_of_a_rank_is_no_pair() -> None:
    for text in (
        "Năm 2040, thành phố có 1.200 doanh nghiệp mới, đạt hạng 5/63 về chuyển đổi số.",
        "Năm 2040, thu ngân sách của tỉnh đạt 4.100 tỷ đồng; tỉnh đạt hạng 5/63 về chỉ số cải "
        "cách hành chính.",
    ):
        assert not [s for s in find(text, money=True) if s.target == 63], text


def test_a_fraction_before_hang_muc_stays_a_pair() -> None:
    # "hạng mục" (items of works) after the fraction, no rank before it
    (s,) = find("Năm 2040, huyện đã hoàn thành 5/63 hạng mục công trình.")
    assert (s.actual, s.target) == (5, 63)
