"""Round 53 of the extraction rules (issue 17): a percentage of a plan given the plan's amount
written elsewhere where the linking failed, and target-only pairs of figures that are not a
result and a plan of one thing; each rule with a positive and a negative case on invented
text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import claimed_pairs, find

B = Decimal(10) ** 9
M = Decimal(10) ** 6


def _pairs_of(text: str, actual: Decimal) -> list[object]:
    """The targets claimed for ``actual`` in ``text`` (None: a claim with no target)."""
    return [t for a, t in claimed_pairs(text) if a == actual]


# --------------------------------------------------------------------------- an aim's year

AIM_OF_YEAR = (
    "Sáu tháng đầu năm 2041, kim ngạch xuất khẩu của tỉnh ước đạt 312 triệu USD, đạt 60% "
    "kế hoạch. Tỉnh phấn đấu năm {year} kim ngạch xuất khẩu đạt 520 triệu USD."
)


def test_an_aim_naming_its_year_before_its_verb_is_the_plan() -> None:
    assert _pairs_of(AIM_OF_YEAR.format(year=2041), 312 * M) == [520 * M]


def test_an_aim_of_another_year_is_not_the_plan() -> None:
    assert _pairs_of(AIM_OF_YEAR.format(year=2042), 312 * M) == [None]


# --------------------------------------------------------------------------- rival plans

ONE_PLAN = (
    "Quý I/2041, công ty đạt doanh thu thuần 410 tỷ đồng. "
    "Năm 2041, công ty đặt mục tiêu doanh thu thuần 1.800 tỷ đồng."
)
TWO_PLANS = (
    "Quý I/2041, công ty đạt doanh thu thuần 410 tỷ đồng. Năm 2041, công ty đặt kế hoạch "
    "doanh thu thuần 1.800 tỷ đồng; Hội đồng quản trị phấn đấu năm 2041 doanh thu thuần đạt "
    "2.000 tỷ đồng."
)


def test_a_quarter_amount_is_set_against_the_one_plan_of_its_measure() -> None:
    assert _pairs_of(ONE_PLAN, 410 * B) == [1800 * B]


def test_a_quarter_amount_is_set_against_neither_of_two_plans_of_its_measure() -> None:
    assert _pairs_of(TWO_PLANS, 410 * B) == []


# --------------------------------------------------------------------------- the plan beside

EXCESS_AFTER_PLAN = (
    "Năm 2041, Công ty Sao Mai đạt lợi nhuận trước thuế hơn 412,6 tỷ đồng, tăng 12% so với "
    "năm 2040 và vượt {plan}khoảng 3,2%. Năm 2041, công ty đặt kế hoạch doanh thu 3.100 tỷ "
    "đồng và lợi nhuận trước thuế 400 tỷ đồng."
)
EXCESS_IN_BRACKETS = (
    "Năm 2041, tổng công ty về đích sớm chỉ tiêu sản lượng cả năm là 4,5 triệu tấn, cả năm "
    "đạt 5,04 triệu tấn, vượt 0,54 triệu tấn (vượt 12%) {after}."
)


def test_a_plan_named_between_the_verb_and_the_percentage_is_linked() -> None:
    text = EXCESS_AFTER_PLAN.format(plan="kế hoạch đề ra ")
    assert _pairs_of(text, Decimal("412.6") * B) == [400 * B]


def test_an_excess_naming_no_plan_takes_no_plan_amount() -> None:
    assert _pairs_of(EXCESS_AFTER_PLAN.format(plan=""), Decimal("412.6") * B) == [None]


def test_a_plan_named_after_the_bracket_of_the_percentage_is_linked() -> None:
    text = EXCESS_IN_BRACKETS.format(after="kế hoạch năm")
    assert _pairs_of(text, Decimal("5.04") * M) == [Decimal("4.5") * M]


def test_a_comparison_after_the_bracket_takes_no_plan_amount() -> None:
    text = EXCESS_IN_BRACKETS.format(after="so với cùng kỳ")
    assert _pairs_of(text, Decimal("5.04") * M) == [None]


# --------------------------------------------------------------------------- lists of plans

NAMED_ITEMS = (
    "Niên độ 2041, hợp tác xã ước đạt doanh thu 96 tỷ đồng, hoàn thành 120% kế hoạch.\n\n"
    "Đầu niên độ 2041, hợp tác xã đặt mục tiêu sản lượng 2.000 tấn, tăng 10%; {items}"
)


def test_named_items_after_a_plan_are_plans() -> None:
    items = "doanh thu 80 tỷ đồng, tăng 12%; và lợi nhuận sau thuế 10 tỷ đồng, tăng 20%."
    assert _pairs_of(NAMED_ITEMS.format(items=items), 96 * B) == [80 * B]


def test_named_items_stating_results_are_no_plans() -> None:
    items = "doanh thu đạt 80 tỷ đồng, bằng 95% cùng kỳ; lợi nhuận 10 tỷ đồng."
    assert _pairs_of(NAMED_ITEMS.format(items=items), 96 * B) == [None]


PARTS_OF_PLAN = (
    "Sáu tháng đầu năm 2041, xã trồng được 36 nghìn cây keo, đạt 72% kế hoạch. {plan} "
    "gồm: 50 nghìn cây keo và {rest} nghìn cây bạch đàn."
)


def test_parts_listed_after_a_plan_are_plans() -> None:
    text = PARTS_OF_PLAN.format(plan="Năm 2041, theo kế hoạch, xã trồng 90 nghìn cây,", rest=40)
    assert _pairs_of(text, 36 * 10**3) == [50 * 10**3]


def test_parts_listed_after_a_result_are_no_plans() -> None:
    text = PARTS_OF_PLAN.format(plan="Năm 2040, xã đã trồng 85 nghìn cây,", rest=35)
    assert _pairs_of(text, 36 * 10**3) == [None]


BARE_BILLIONS = (
    "Năm 2041, công ty đặt kế hoạch {revenue}lợi nhuận sau thuế đạt 300 tỷ, tăng 20%. Chín "
    "tháng, lợi nhuận sau thuế ước đạt 390 tỷ đồng, vượt 30% kế hoạch lợi nhuận năm."
)


def test_bare_billions_take_the_currency_of_their_sentence() -> None:
    text = BARE_BILLIONS.format(revenue="doanh thu 2.400 tỷ đồng, tăng 15%; ")
    assert _pairs_of(text, 390 * B) == [300 * B]


def test_bare_billions_alone_in_their_sentence_stay_without_currency() -> None:
    assert _pairs_of(BARE_BILLIONS.format(revenue=""), 390 * B) == [None]


# --------------------------------------------------------------------------- a share of a plan

AIM_SHORT_OF_PLAN = (
    "Mười tháng năm 2041, giá trị sản xuất công nghiệp ước đạt hơn 600 nghìn tỷ đồng, bằng "
    "80% kế hoạch năm. Theo đó, tỉnh sẽ phấn đấu đưa giá trị sản xuất công nghiệp đạt 720 "
    "nghìn tỷ đồng, tăng 8% so với cùng kỳ và bằng {share}% kế hoạch năm."
)


def test_an_aim_said_to_be_the_whole_plan_is_the_plan() -> None:
    text = AIM_SHORT_OF_PLAN.format(share=100)
    assert _pairs_of(text, 600 * 10**12) == [720 * 10**12]


def test_an_aim_said_to_be_a_share_of_the_plan_is_not_the_plan() -> None:
    text = AIM_SHORT_OF_PLAN.format(share=96)
    assert _pairs_of(text, 600 * 10**12) == [None]


# --------------------------------------------------------------------------- a pair's percentage

PAIR_THEN_PERCENT = (
    "Sáu tháng đầu năm 2041, doanh thu của công ty đạt 340 tỷ đồng, tăng 8% so với cùng kỳ."
    "\n\nNăm 2041, công ty đặt mục tiêu doanh thu 800 tỷ đồng. Như vậy, công ty đã hoàn thành "
    "{percent} kế hoạch."
)


def _percent_rows(text: str) -> list[tuple[object, object, object]]:
    return [(s.actual, s.target, s.stated) for s in find(text, money=True) if s.target]


def test_a_bare_percentage_fitting_a_pair_of_its_plan_takes_the_pair() -> None:
    rows = _percent_rows(PAIR_THEN_PERCENT.format(percent="42,5%"))
    assert rows == [(None, 800 * B, None), (340 * B, 800 * B, "42,5%")]


def test_a_bare_percentage_not_fitting_the_pair_leaves_it() -> None:
    rows = _percent_rows(PAIR_THEN_PERCENT.format(percent="khoảng 30%"))
    assert (340 * B, 800 * B, None) in rows
    assert not any(stated for _, _, stated in rows)


# --------------------------------------------------------------------------- amounts still needed

NEEDED = (
    "Theo hiệp hội, chỉ cần thêm khoảng 700 triệu USD trong quý IV là ngành có thể hoàn thành "
    "mục tiêu 5 tỷ USD của năm 2041."
)
REACHED = (
    "Theo hiệp hội, trong quý IV năm 2041 ngành đạt khoảng 700 triệu USD là hoàn thành mục "
    "tiêu 650 triệu USD của quý."
)


def test_an_amount_still_needed_is_no_result_of_the_plan() -> None:
    assert claimed_pairs(NEEDED) == []


def test_an_amount_reached_before_the_plan_it_meets_is_its_result() -> None:
    assert claimed_pairs(REACHED) == [(700 * M, 650 * M)]


# --------------------------------------------------------------------------- listed companies

TWO_BANKS = (
    "Đứng đầu là Ngân hàng TMCP Sông Hồng (HoSE: SHA). Quý 4/2041, ngân hàng lãi trước thuế "
    "9.100 tỷ đồng.\nĐứng thứ hai là Ngân hàng TMCP Bến Thành (HoSE: BTB). So với kế hoạch lợi "
    "nhuận 24.000 tỷ đồng đề ra hồi đầu năm, ngân hàng này mới thực hiện được gần 90%."
)
ONE_BANK = (
    "Ngân hàng TMCP Bến Thành (HoSE: BTB) công bố kết quả. Quý 4/2041, ngân hàng lãi trước "
    "thuế 6.100 tỷ đồng.\nNăm 2041, ngân hàng (HoSE: BTB) đặt kế hoạch lợi nhuận trước thuế "
    "24.000 tỷ đồng."
)


def test_a_quarter_amount_of_one_listed_company_is_not_set_against_anothers_plan() -> None:
    assert _pairs_of(TWO_BANKS, 9100 * B) == []


def test_a_quarter_amount_is_set_against_the_plan_of_its_own_ticker() -> None:
    assert _pairs_of(ONE_BANK, 6100 * B) == [24000 * B]


# ------------------------------------------------------------------ an index of a past year

WORKERS = (
    "Năm 2041 tỉnh đưa 14.200 lao động đi làm việc ở nước ngoài, đạt 118,3 % kế hoạch được "
    "giao (12.000 lao động), bằng 130,5 % so với {base}."
)


def _stated_with(text: str, field: str) -> list[tuple[object, object]]:
    """Each statement's percentage as written, with one more of its fields."""
    return [(s.stated, getattr(s, field)) for s in find(text)]


def test_a_percentage_of_a_measure_of_a_past_year_is_no_attainment() -> None:
    text = WORKERS.format(base="số lao động xuất cảnh của năm 2040")
    assert _stated_with(text, "stated_kind") == [("118,3 %", "attainment"), ("130,5 %", "growth")]


def test_a_percentage_of_a_plan_of_the_year_stays_an_attainment() -> None:
    text = "Sáu tháng năm 2041 tỉnh đón 233.000 lượt khách quốc tế, đạt 78,2% so với KH năm 2041."
    assert _stated_with(text, "stated_kind") == [("78,2%", "attainment")]


INDEX = (
    "Năm 2041 tỉnh đưa 14.200 lao động đi làm việc ở nước ngoài, {verb}% so với số lao động "
    "của năm 2040 (10.881 lao động)."
)


def test_an_index_is_checked_against_its_base_in_brackets() -> None:
    assert _stated_with(INDEX.format(verb="bằng 130,5"), "verdict") == [("130,5%", "consistent")]
    assert _stated_with(INDEX.format(verb="bằng 130,49"), "verdict") == [
        ("130,49%", "inconsistent")
    ]


def test_a_growth_is_checked_as_a_rise_over_its_base() -> None:
    assert _stated_with(INDEX.format(verb="tăng 30,5"), "verdict") == [("30,5%", "consistent")]


# --------------------------------------------------------------------------- a body of the unit

BLOOD = (
    "Trong năm 2041, Ban Chỉ đạo vận động hiến máu tình nguyện {unit} phấn đấu tiếp nhận "
    "12.000 đơn vị máu. Từ đầu năm đến nay, toàn tỉnh đã tiếp nhận trên 4.250 đơn vị máu, đạt "
    "trên 35% so với kế hoạch đề ra."
)


def test_the_plan_of_a_body_of_the_province_is_the_whole_provinces() -> None:
    assert _pairs_of(BLOOD.format(unit="tỉnh Sông Mây"), 4250) == [12000]


def test_the_plan_of_a_body_of_a_district_is_not_the_whole_provinces() -> None:
    assert _pairs_of(BLOOD.format(unit="huyện Đồi Cát tỉnh Sông Mây"), 4250) == [None]


# --------------------------------------------------------------------------- a part of the months

PART_OF_MONTHS = (
    "Sáu tháng đầu năm 2041, công ty có doanh thu 2.100 tỷ đồng, tăng 9% so với cùng kỳ. Trong "
    "đó, {part}, tăng 5% so với cùng kỳ. Năm 2041, công ty đặt mục tiêu doanh thu 4.000 tỷ đồng."
)


def test_a_part_of_the_months_result_is_not_set_against_the_years_plan() -> None:
    text = PART_OF_MONTHS.format(part="riêng dịp Tết, công ty có doanh thu 300 tỷ đồng")
    assert _pairs_of(text, 2100 * B) == [4000 * B]
    assert _pairs_of(text, 300 * B) == []


def test_a_quarter_opened_as_a_part_is_set_against_the_years_plan() -> None:
    text = PART_OF_MONTHS.format(part="quý II công ty có doanh thu 1.200 tỷ đồng")
    assert _pairs_of(text, 1200 * B) == [4000 * B]


# --------------------------------------------------------------------------- done under the plan


def _attainment_rows(text: str) -> list[tuple[object, object, object]]:
    return [(s.actual, s.target, s.stated) for s in find(text) if s.stated_kind == "attainment"]


def test_an_area_done_under_the_plan_with_its_own_attainment_is_a_result() -> None:
    text = "Năm 2041 diện tích trồng theo kế hoạch giao là 300 ha, đạt 40% kế hoạch."
    assert _attainment_rows(text) == [(300, None, "40%")]


def test_a_target_set_under_the_plan_stays_a_target() -> None:
    text = "Năm 2041 diện tích trồng theo kế hoạch giao là 300 ha, tăng 40% so với năm trước."
    assert [(s.actual, s.target) for s in find(text)] == [(None, 300)]


# --------------------------------------------------------------------------- apart by a semicolon

SEMICOLON = "Kế hoạch năm 2041 trồng 750 ha, đạt 40%; dân tự trồng {after} ha."


def test_a_figure_after_a_semicolon_that_puts_off_the_plans_percentage_is_anothers() -> None:
    assert _attainment_rows(SEMICOLON.format(after=900)) == [(None, 750, "40%")]


def test_a_figure_after_a_semicolon_that_fits_the_plans_percentage_is_its_result() -> None:
    assert _attainment_rows(SEMICOLON.format(after=300)) == [(300, 750, "40%")]
