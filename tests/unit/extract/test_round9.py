"""Round 9 of the extraction rules (issue 17): the families of wrong claims and misses of the
ninth batch, each as a general rule of report wording, tested on invented text (never the
evaluation set's)."""

from __future__ import annotations

from decimal import Decimal

from reading import claims, find


def test_a_year_before_a_comma_is_no_actual() -> None:
    text = (
        "Năm 2025, ngành du lịch tỉnh Bình An ước đón trên 12 triệu lượt khách, tăng 5,2% so "
        "với cùng kỳ 2024, đạt 102,4% kế hoạch."
    )
    [s] = claims(text)
    assert s.actual == Decimal("12000000")
    assert s.stated_percent == Decimal("102.4")


def test_a_decimal_amount_that_starts_like_a_year_is_still_read() -> None:
    [s] = claims("Sản lượng lúa của xã Tân Lộc đạt 2024,5 tấn, đạt 101% kế hoạch.")
    assert s.actual == Decimal("2024.5")


def test_the_second_part_of_a_goal_is_no_result_against_it() -> None:
    text = (
        "Tỉnh Bình An đề ra mục tiêu phấn đấu tổng thu ngân sách năm 2025 đạt hơn 89.000 tỷ "
        "đồng gồm thu nội địa 40.000 tỷ đồng, thu từ hoạt động xuất nhập khẩu 49.000 tỷ đồng "
        "(ngoài ra còn các khoản khác hơn 3.100 tỷ đồng)."
    )
    assert claims(text) == []


def test_a_part_after_a_semicolon_is_no_result_against_its_whole() -> None:
    text = (
        "Năm 2025, tổng vốn đầu tư công của tỉnh Bình An được giao hơn 9.640 tỷ đồng; trong "
        "đó vốn thực hiện dự án là 8.804 tỷ đồng."
    )
    assert claims(text) == []


def test_a_result_after_a_goal_and_its_parts_is_still_read() -> None:
    text = (
        "Tỉnh Bình An phấn đấu thu ngân sách năm 2025 đạt 9.000 tỷ đồng, gồm thu nội địa 5.000 "
        "tỷ đồng, thu xuất nhập khẩu 4.000 tỷ đồng. Kết quả, thu nội địa đã đạt 5.500 tỷ đồng, "
        "bằng 110% dự toán."
    )
    got = [(s.actual, s.stated_percent) for s in claims(text)]
    assert (Decimal("5500000000000"), Decimal("110")) in got


def test_a_thousand_billion_without_currency_is_money() -> None:
    text = "Thu nội địa của tỉnh Bình An đạt gần 52 nghìn tỉ, bằng 131,5% dự toán Trung ương giao."
    [s] = claims(text)
    assert s.actual == Decimal("52000000000000")
    assert s.qualifier == "gần"


def test_a_single_scale_word_without_currency_stays_a_count() -> None:
    [s] = claims("Tỉnh Bình An đã trồng được 1,4 tỷ cây xanh, đạt 140% kế hoạch.")
    assert s.actual == Decimal("1400000000")


def test_an_amount_a_result_grew_by_is_no_result() -> None:
    text = (
        "Sở Tài chính ước thu ngân sách tỉnh Bình An cả năm đạt gần 24.000 tỷ đồng, tăng gần "
        "4.200 tỷ đồng (tương đương tăng gần 21% so với dự toán năm)."
    )
    [s] = claims(text)
    assert (s.actual, s.stated_percent, s.stated_kind) == (
        Decimal("24000000000000"),
        Decimal("21"),
        "excess",
    )


def test_a_count_grown_by_leaves_the_attainment_to_the_count() -> None:
    text = (
        "Năm 2025, Đảng bộ xã Tân Lộc kết nạp 120 đảng viên, tăng 20 đảng viên so với năm "
        "trước, đạt 110% kế hoạch."
    )
    assert [(s.actual, s.stated_percent) for s in claims(text)] == [(Decimal(120), Decimal(110))]


def test_the_lead_repeating_the_body_is_two_statements() -> None:
    # the annotation rule settled in session 7: a figure stated in the lead and again in the
    # body is stated twice (round 9 kept only the body's)
    text = (
        "(ABC) - Quý I/2025, tỉnh Bình An thu ngân sách đạt 12.345 tỷ đồng, bằng 30,5% dự "
        "toán Trung ương giao.\n\n"
        "Tại phiên họp, Giám đốc Sở Tài chính cho biết thu ngân sách nhà nước trên địa bàn "
        "tỉnh Bình An đạt 12.345 tỷ đồng, bằng 30,5% dự toán Trung ương giao."
    )
    lead, body = sorted(claims(text), key=lambda s: s.start)
    assert lead.end < text.index("\n") < body.start
    assert (lead.actual, lead.stated_percent) == (body.actual, body.stated_percent)


def test_a_lead_with_another_qualifier_or_figure_stays() -> None:
    text = (
        "Đến cuối tháng 11, tỉnh Bình An đã giải ngân gần 6.000 tỷ đồng, đạt trên 57% kế "
        "hoạch vốn.\n\n"
        "Theo Sở Tài chính, tỉnh Bình An đã giải ngân gần 6.000 tỷ đồng, đạt hơn 57% kế hoạch "
        "vốn tỉnh giao. Riêng xã Tân Lộc giải ngân 120 tỷ đồng, đạt 80% kế hoạch."
    )
    assert len(claims(text)) == 3


BUDGETS = (
    "Tổng thu ngân sách 10 tháng năm 2025 của tỉnh Bình An thực hiện 12.966 tỷ đồng, đạt "
    "104,24% dự toán Trung ương giao và 85,63% dự toán tỉnh giao (Trung ương giao: {c} tỷ "
    "đồng; HĐND tỉnh giao 15.142 tỷ đồng).\n\nLũy kế năm 2025 ước đạt 14.535 tỷ đồng, tăng "
    "17% dự toán Trung ương giao, đạt 96% dự toán HĐND tỉnh giao."
)


def test_a_budget_named_by_its_owner_takes_the_owners_amount() -> None:
    got = {(s.actual, s.stated_percent): s.target for s in claims(BUDGETS.format(c="12.439"))}
    b = Decimal(10**9)
    assert got == {
        (12966 * b, Decimal("104.24")): 12439 * b,
        (12966 * b, Decimal("85.63")): 15142 * b,
        (14535 * b, Decimal(17)): 12439 * b,
        (14535 * b, Decimal(96)): 15142 * b,
    }


def test_an_owners_amount_that_does_not_agree_is_not_linked() -> None:
    # the central budget written 11.000: neither 104,24 % nor 17 % fits it
    got = {(s.actual, s.stated_percent): s.target for s in claims(BUDGETS.format(c="11.000"))}
    b = Decimal(10**9)
    assert got[(12966 * b, Decimal("104.24"))] is None
    assert got[(14535 * b, Decimal(17))] is None
    assert got[(12966 * b, Decimal("85.63"))] == 15142 * b


def test_a_budget_in_the_clause_before_a_semicolon_is_the_plan() -> None:
    text = (
        "Dự toán thu ngân sách năm 2025 là gần 19,7 nghìn tỷ đồng; trong đó, thực hiện thu 9 "
        "tháng năm 2025 đạt hơn 19,2 nghìn tỷ đồng, đạt gần 98% dự toán năm."
    )
    [s] = claims(text)
    assert s.target == Decimal("19700000000000")


def test_a_budget_before_a_semicolon_the_percentage_does_not_fit_is_not_linked() -> None:
    text = (
        "Dự toán thu ngân sách năm 2025 là 25 nghìn tỷ đồng; thực hiện thu 9 tháng năm 2025 "
        "đạt 19,2 nghìn tỷ đồng, đạt 98% dự toán năm."
    )
    [s] = claims(text)
    assert s.target is None


GROWTH = (
    "Tăng trưởng GRDP 9 tháng của tỉnh Bình An ước đạt 6,4% (kịch bản tăng trưởng (KBTT): "
    "7,5%). Trong đó: khu vực dịch vụ ước đạt 7,1% (KBTT: 8,2%); công nghiệp ước đạt 10,2% "
    "(KBTT: 11,4%). Năm 2025 tăng trưởng GRDP ước đạt 7,3% (kế hoạch là 8%)."
)


def test_growth_rates_against_the_scenario_in_brackets() -> None:
    got = [(s.actual, s.target) for s in claims(GROWTH)]
    assert got == [
        (Decimal("6.4"), Decimal("7.5")),
        (Decimal("7.1"), Decimal("8.2")),
        (Decimal("10.2"), Decimal("11.4")),
        (Decimal("7.3"), Decimal("8")),
    ]


def test_sector_growth_above_the_total_is_no_part_exceeding_its_whole() -> None:
    assert [s for s in find(GROWTH) if s.part_of is not None] == []


def test_a_bracket_that_names_no_plan_is_no_target() -> None:
    for bracket in ("(TP: 7,5%)", "(cùng kỳ: 7,5%)", "(KBTT: 7,5%)"):
        text = f"Tăng trưởng GRDP 9 tháng của tỉnh Bình An ước đạt 6,4% {bracket}."
        assert claims(text) == [], bracket


def test_a_rate_against_its_plan_abbreviated_kh() -> None:
    [s] = claims("Tỷ lệ hộ nghèo của tỉnh Bình An còn 2,1% (KH: 2,5%).")
    assert (s.actual, s.target) == (Decimal("2.1"), Decimal("2.5"))


PROFITS = (
    "Trong quý III/2025, Tổng công ty Hòa Phong có lợi nhuận gộp đạt 2.998 tỷ đồng, tăng "
    "9,7% so với cùng kỳ năm trước.\n\n"
    "Với kết quả có được, Hòa Phong đã hoàn thành 86% kế hoạch doanh thu và vượt 5% mục tiêu "
    "lợi nhuận {kind} đề ra cho năm 2025."
)


def test_a_plan_of_pre_tax_profit_takes_no_gross_profit() -> None:
    got = [s for s in find(PROFITS.format(kind="trước thuế")) if s.stated_kind == "excess"]
    assert [s.actual for s in got] == [None]


def test_a_plan_of_the_same_kind_of_profit_takes_it() -> None:
    got = [s for s in find(PROFITS.format(kind="gộp")) if s.stated_kind == "excess"]
    assert [s.actual for s in got] == [Decimal("2998000000000")]
