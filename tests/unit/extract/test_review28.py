"""The review of rounds 92 and 93 (issue 17): the reviewer's sentences (invented) with the
reading each rule must give, and the branches the round's tests left untested."""

from __future__ import annotations

from reading import find

from kpitools.extract import Statement


def _read(s: Statement) -> tuple[object, object, str | None, str | None, str | None]:
    return (s.actual, s.target, s.stated, s.stated_kind, s.verdict)


# B1: a rise on a past period is a flow's; its plan may be below last year's result


def test_a_flows_rise_on_a_past_period_leaves_the_percentage_to_the_flow() -> None:
    for text, flow, stated in (
        (
            "Thu ngân sách nhà nước trên địa bàn huyện đạt 12.500 tỷ đồng, tăng 3.100 tỷ đồng "
            "so với cùng kỳ, đạt 135% dự toán năm.",
            12_500_000_000_000,
            "135%",
        ),
        (
            "Doanh thu của công ty năm 2041 đạt 840 tỷ đồng, tăng 200 tỷ đồng so với năm 2040, "
            "hoàn thành 140% kế hoạch.",
            840_000_000_000,
            "140%",
        ),
    ):
        assert [_read(s) for s in find(text, money=True)] == [
            (flow, None, stated, "attainment", "unchecked")
        ], text


def test_a_stocks_rise_since_the_end_of_last_year_is_still_read() -> None:
    text = (
        "Cuối quý III, nguồn vốn ủy thác của hội đạt 46 tỷ đồng, tăng 9,2 tỷ đồng so với cuối "
        "năm 2040, hoàn thành 230% kế hoạch năm."
    )  # 46 / 2,3 = 20, under the 36,8 held at the end of 2040
    assert [_read(s) for s in find(text, money=True)] == [
        (9_200_000_000, None, "230%", "attainment", "unchecked")
    ]


# B2: "điểm" are also sites; a whole-number fraction is a score only with score words


def test_sites_counted_out_of_those_planned_stay_a_pair() -> None:
    (s,) = find("Huyện đã lắp đặt 8/10 điểm theo kế hoạch.")
    assert (s.actual, s.target) == (8, 10)
    (s,) = find("Đến nay, huyện đã xây dựng xong 4/5 điểm.")
    assert (s.actual, s.target) == (4, 5)


def test_sites_done_keep_their_percentage_of_the_plan() -> None:
    (s,) = find("Xã đã hoàn thành 18/20 điểm, đạt 90% kế hoạch.")
    assert _read(s) == (18, 20, "90%", "attainment", "consistent")


def test_a_whole_number_score_with_score_words_and_a_word_after_is_no_pair() -> None:
    # needs the words that may follow a score's "điểm" (_SCORE_TAIL: "với")
    text = "Năm 2040, cải cách hành chính của phường được chấm 8/10 điểm với nhiều mặt tiến bộ."
    assert not [s for s in find(text) if s.target == 10]


def test_a_decimal_score_is_one_whatever_word_follows() -> None:
    # "chuẩn" is no word of _SCORE_TAIL: only the decimal makes it a score
    text = "Năm 2040, hồ sơ năng lực của trung tâm được đánh giá đạt 3,5/5 điểm chuẩn quốc gia."
    assert not [s for s in find(text) if s.target == 5]


# B3: a bound in brackets that the fraction itself gives is its rate, qualified


def test_a_fractions_own_rate_qualified_in_brackets_stays_its() -> None:
    (s,) = find("Đến nay có 11/19 xã đạt chuẩn nông thôn mới (đạt trên 57%).")  # 57,9 %
    assert (s.actual, s.target, s.stated, s.verdict) == (11, 19, "57%", "consistent")
    (s,) = find("Đến nay có 11/19 xã đạt chuẩn nông thôn mới (đạt hơn 57% kế hoạch).")
    assert _read(s) == (11, 19, "57%", "attainment", "consistent")


# B4: the year's plan, set when a part of the year is named, is still the year's


def test_a_years_plan_set_early_in_the_year_is_still_the_years() -> None:
    text = (
        "Ngay từ quý I, xí nghiệp đặt kế hoạch cả năm sản xuất 5.000 nghìn sản phẩm. Đến hết "
        "tháng 9, xí nghiệp xuất xưởng 3.600 nghìn sản phẩm, đạt 72% KH năm."
    )
    (s,) = find(text)
    assert _read(s) == (3_600_000, 5_000_000, "72%", "attainment", "consistent")


def test_a_years_plan_revised_after_the_half_year_is_still_the_years() -> None:
    text = (
        "Sau 6 tháng đầu năm, công ty điều chỉnh kế hoạch năm xuống còn 5.000 tấn. Đến hết "
        "tháng 9, công ty xuất xưởng 3.600 tấn, đạt 72% kế hoạch năm."
    )
    (s,) = [s for s in find(text) if s.stated is not None]
    assert _read(s) == (3_600, 5_000, "72%", "attainment", "consistent")


# B5: a rise on a past year's total keeps no plan as its target


def test_a_rise_on_a_past_total_has_no_target_beside_the_pair() -> None:
    lead = (
        "Năm 2041, kim ngạch xuất khẩu của tỉnh ước 1.250 triệu USD, vượt mục tiêu đề ra "
        "(1.100 triệu USD, tăng 4% so với "
    )
    for base in ("tổng kim ngạch năm 2040).", "kim ngạch năm 2040)."):  # read alike
        statements = find(lead + base)
        (rise,) = [s for s in statements if s.stated == "4%"]
        assert (rise.actual, rise.target, rise.stated_kind) == (1_250_000_000, None, "growth")
        (pair,) = [s for s in statements if s.stated is None]
        assert (pair.actual, pair.target) == (1_250_000_000, 1_100_000_000)


def test_a_share_of_a_past_years_total_stays_a_share() -> None:
    text = "Năm 2041, thu ngân sách của huyện đạt 900 tỷ đồng, chiếm 25% so với tổng thu năm 2040."
    (s,) = find(text, money=True)
    assert (s.actual, s.stated, s.stated_kind) == (900_000_000_000, "25%", "share")


# T2: a plan written after the percentage decides by its fit, not the increase rule


def test_a_plan_written_after_the_percentage_of_a_stock_decides_whose_it_is() -> None:
    lead = (
        "Đến cuối năm, quỹ hỗ trợ phát triển hợp tác xã của tỉnh đạt 84,2 tỷ đồng, tăng 12,6 "
        "tỷ đồng so với đầu năm, đạt 140% kế hoạch phát triển"
    )
    assert [_read(s) for s in find(lead + " (60 tỷ đồng).", money=True)] == [
        (84_200_000_000, 60_000_000_000, "140%", "attainment", "consistent")
    ]
    (s, _) = find(lead + " (10 tổ chức).", money=True)
    assert _read(s) == (84_200_000_000, None, "140%", "attainment", "unchecked")


# The part of the year named before a plan (round 92's pattern) was shadowed by an older module
# name (``_PART_OF_YEAR``: bare ``quý``, ``tháng``, ``tuần``), so a half year's plan written
# ``nửa đầu năm`` was taken by a percentage of the year's plan


def test_a_half_years_plan_is_no_plan_of_a_percentage_of_the_years_plan() -> None:
    text = (
        "Kế hoạch nửa đầu năm 2041 của xí nghiệp là 5.000 tấn. Đến nay xí nghiệp đạt 3.600 tấn, "
        "đạt 72% KH năm."
    )
    assert [(s.actual, s.target, s.stated) for s in find(text) if s.stated] == [(3600, None, "72%")]
