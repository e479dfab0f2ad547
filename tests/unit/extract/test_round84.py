"""Round 84 of the extraction rules (issue 17): each rule with a positive and a negative case
on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

from kpitools.extract import audit_statements, statements_frame

RATE_PER_PEOPLE = (
    "Năm 2041, tỷ lệ mắc sốt rét của huyện Tân Hòa là 27,45/100.000 dân, giảm 3% so với năm "
    "2040; tỷ suất tử vong trẻ dưới 1 tuổi là 12/1.000 trẻ đẻ sống."
)
CHILDREN_OUT_OF_A_ROUND_PLAN = (
    "Năm 2041, trạm y tế xã Tân Hòa đã tiêm cho 980/1.000 trẻ, đạt 98% kế hoạch."
)


def _pairs(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.target) for s in find(text) if s.actual is not None]


def test_a_rate_per_a_round_number_of_people_is_no_pair() -> None:
    assert all(target is None for _, target in _pairs(RATE_PER_PEOPLE))


def test_people_done_out_of_a_round_plan_stay_a_pair() -> None:
    assert (Decimal(980), Decimal(1000)) in _pairs(CHILDREN_OUT_OF_A_ROUND_PLAN)


UNITS_OVER_TARGET = "Có 7 trường hoàn thành kế hoạch tuyển sinh năm 2041, vượt 15%."
# a verb of a result before the count: the units are what was done, their excess the count's
COOPERATIVES_FOUNDED = (
    "Năm 2042, huyện Tân Hòa thành lập mới 14 hợp tác xã vượt kế hoạch năm, vượt 40%."
)


def test_a_count_of_units_over_their_target_has_no_excess_of_its_own() -> None:
    assert _pairs(UNITS_OVER_TARGET) == []


def test_units_a_result_counts_keep_their_excess() -> None:
    (s,) = find(COOPERATIVES_FOUNDED)
    assert s.actual == 14 and s.stated_kind == "excess"


UNSIGNED_IN_A_LIST = (
    "Các trường đều hoàn thành kế hoạch tuyển sinh năm 2041: Trường Bắc Sơn (vượt 17%), "
    "Trường Tân Hòa (vượt 31), Trường Đông Hà (vượt 6%)."
)
# a count with its noun in such a bracket is a count: the bracket does not shut after its
# number (a noun after it, no percentage written without its sign)
COUNTS_IN_A_LIST = (
    "Năm 2041, các xã đều vượt kế hoạch: xã Bắc Sơn kết nạp 21 đảng viên (vượt 4 đảng "
    "viên), xã Tân Hòa kết nạp 12 đảng viên (vượt 9%)."
)


def test_a_bare_number_among_bracketed_percentages_is_no_result() -> None:
    assert _pairs(UNSIGNED_IN_A_LIST) == []


def test_counts_with_their_nouns_in_such_a_list_keep_their_excess() -> None:
    found = [(s.actual, s.target, s.stated) for s in find(COUNTS_IN_A_LIST)]
    assert found == [(21, 17, "4 đảng viên"), (12, None, "9%")]


FUND = "Đến hết năm 2041, quỹ của huyện Tân Hòa vận động được 5,317 tỷ đồng/4 tỷ đồng, đạt "
FUND += "tỷ lệ {}% kế hoạch."


def _attainment_verdicts(text: str) -> list[str]:
    audit = audit_statements(statements_frame(find(text)))
    return audit.filter(audit["check"] == "attainment")["verdict"].to_list()


def test_a_fractions_percent_within_its_amounts_rounding_is_no_finding() -> None:
    assert _attainment_verdicts(FUND.format("132,94")) == ["unchecked"]


def test_a_fractions_percent_beyond_its_amounts_rounding_is_flagged() -> None:
    assert _attainment_verdicts(FUND.format("132,99")) == ["inconsistent"]


PLAN_ON_PAST_PLAN = (
    "Theo dự thảo, kế hoạch đầu tư công năm 2043 của huyện Tân Hòa là 48 tỷ đồng, tăng 9,2% "
    "so với kế hoạch năm 2042."
)
# the plan's words before the amount name the year of the plan compared with: no later plan
RESULT_OVER_PLAN = (
    "Năm 2042, theo báo cáo kế hoạch năm 2042 của công ty Sông Mây, doanh thu cả năm là 52 "
    "tỷ đồng, tăng 8,4% so với kế hoạch năm 2042."
)


def test_a_plan_grown_on_an_earlier_years_plan_is_no_excess() -> None:
    (s,) = find(PLAN_ON_PAST_PLAN)
    assert s.stated_kind == "growth"


def test_a_result_above_its_years_plan_stays_an_excess() -> None:
    (s,) = find(RESULT_OVER_PLAN)
    assert s.stated_kind == "excess"


CANAL = "Năm 2041, xã Tân Hòa có kế hoạch lắp đặt 2.400m kênh mương bê tông. Đến ngày 20/9, "
CANAL += "toàn xã đã lắp đặt được 840m, đạt {}% kế hoạch."


def test_a_measure_glued_to_its_number_takes_the_plan_written_so() -> None:
    (_, s) = find(CANAL.format(35))
    assert (s.actual, s.target, s.verdict) == (840, 2400, "consistent")


def test_a_glued_measure_takes_no_plan_its_percentage_does_not_fit() -> None:
    (_, s) = find(CANAL.format(52))
    assert s.actual == 840 and s.target is None


SURVEY = (
    "Đến hết tuần đầu, các tổ khảo sát của huyện Tân Hòa đã phỏng vấn được hơn 2.250 hộ{}, "
    "đạt gần 25% kế hoạch."
)
WHERE_THEY_BELONG = SURVEY.format(" thuộc 38 thôn, tổ dân phố")


def test_a_count_after_thuoc_is_what_the_things_counted_belong_to() -> None:
    assert [s.actual for s in find(WHERE_THEY_BELONG) if s.actual is not None] == [2250]


def test_a_count_without_thuoc_keeps_its_attainment() -> None:
    # a count after another count and its words, joined by other than "thuộc": its own
    text = "Năm 2041, huyện Tân Hòa đã trao 60 suất học bổng và 420 phần quà, đạt 84% kế hoạch."
    (s,) = find(text)
    assert s.actual == 420 and s.stated_kind == "attainment"


AIM_DUE_BY_A_DATE = " Ban chỉ đạo phấn đấu đến 15/7 hoàn thành phỏng vấn tại gần 9.200 hộ."
# the aim's words and its date, but its verb said done ("đã"): no plan
DONE_BY_A_DATE = " Ban chỉ đạo phấn đấu đến 15/7 đã hoàn thành phỏng vấn tại gần 9.200 hộ."


def test_an_aim_due_by_a_date_is_the_plan_of_a_result_before_it() -> None:
    (s, _) = find(SURVEY.format("") + AIM_DUE_BY_A_DATE)
    assert (s.actual, s.target) == (2250, 9200)


def test_work_done_by_a_date_is_no_plan() -> None:
    (s, *_) = find(SURVEY.format("") + DONE_BY_A_DATE)
    assert (s.actual, s.target) == (2250, None)


UNITS_BY_KIND = """Số học viên học nghề năm 2041 của các quận, phường:

STT

{}

Kế hoạch giao

Kết quả tuyển sinh

Tỷ lệ đạt

Khối quận

900

936

104

1

Quận Đông Hà

500

540

108

2

Phường Tây Lâm

400

396

99
"""
# under "Đơn vị", rows that name no unit (trades, not places) are no table of units
TRADES = UNITS_BY_KIND.replace("Quận Đông Hà", "Nghề may").replace("Phường Tây Lâm", "Nghề hàn")


def test_a_table_of_units_named_by_their_kinds_reads_each_numbered_row() -> None:
    rows = [(s.unit, s.actual, s.target) for s in find(UNITS_BY_KIND.format("Quận, phường"))]
    assert rows == [("Quận Đông Hà", 540, 500), ("Phường Tây Lâm", 396, 400)]


def test_a_table_whose_rows_name_no_units_is_not_read_so() -> None:
    assert find(TRADES.format("Đơn vị")) == []


UNITS_A_ROW_A_LINE = """Quỹ khuyến học của các phường năm 2041:

STT Tên đơn vị Kết quả thu quỹ
KH {scale}
TH {scale}
% so KH
1 Phường Đông Hà 120.000 150.000 125
2 Phường Tây Lâm 80.000 76.000 95
"""


def test_a_table_of_units_a_row_a_line_applies_its_scale() -> None:
    found = find(UNITS_A_ROW_A_LINE.format(scale="(nghìn đồng)"))
    assert [(s.unit, s.actual, s.target, s.stated) for s in found] == [
        ("Phường Đông Hà", 150_000_000, 120_000_000, "125%"),
        ("Phường Tây Lâm", 76_000_000, 80_000_000, "95%"),
    ]


def test_a_table_of_units_in_another_scale_keeps_its_figures() -> None:
    found = find(UNITS_A_ROW_A_LINE.format(scale="(triệu đồng)"))
    assert [(s.actual, s.target) for s in found] == [(150_000, 120_000), (76_000, 80_000)]


COLLECTED = "Năm 2041, tỷ lệ đường giao thông nông thôn được cứng hóa của huyện Tân Hòa đạt "
COLLECTED += "88%, khoảng 35 km (đạt chỉ tiêu đề ra là 90%)."
RESPECTIVE_TARGETS = (
    "Năm 2041, 92% thôn và 86% hộ đạt danh hiệu văn hóa, trong đó 12% hộ được khen thưởng "
    "(chỉ tiêu lần lượt là 90%, 85% và 10%)."
)


def _rate_pairs(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.target) for s in find(text) if s.measure == "%" and s.target]


def test_a_rate_against_the_target_rate_in_brackets_after_its_amount() -> None:
    assert _rate_pairs(COLLECTED) == [(88, 90)]


def test_a_bracket_of_respective_target_rates_gives_none_its_first() -> None:
    assert (12, 90) not in _rate_pairs(RESPECTIVE_TARGETS)


EARTHWORK = "Đến ngày 5/1/2041, {}xã nạo vét được 2,4 triệu m3 - đạt 80%{}."
RATES_AFTER_PLAN = (
    "Năm 2041, so với kế hoạch năm, tỷ lệ hộ nghèo giảm còn 3%, tỷ lệ trẻ em đến trường đạt 97%."
)


def test_a_cubic_measure_keeps_its_power_before_its_attainment() -> None:
    (s,) = find(EARTHWORK.format("", " kế hoạch"))
    assert (s.actual, s.stated_kind) == (2_400_000, "attainment")


def test_a_plan_compared_in_a_clause_before_makes_a_bare_percentage_its_attainment() -> None:
    (s,) = find(EARTHWORK.format("so với kế hoạch năm, ", ""))
    assert (s.actual, s.stated_kind) == (2_400_000, "attainment")


def test_a_percentage_with_no_plan_compared_or_of_a_rate_is_no_attainment() -> None:
    assert [s.stated_kind for s in find(EARTHWORK.format("", "")) if s.actual] == []
    assert "attainment" not in [s.stated_kind for s in find(RATES_AFTER_PLAN)]


TWO_PLANS = "Năm 2041, xã nạo vét được 24 nghìn m3 kênh mương, đạt 70% kế hoạch xã đề ra và {}."


def test_a_second_percentage_met_after_one_of_a_plan_is_an_attainment() -> None:
    kinds = [s.stated_kind for s in find(TWO_PLANS.format("đạt 130% kế hoạch huyện giao"))]
    assert kinds == ["attainment"] * 2


def test_a_plan_set_after_a_percentage_of_another_stays_a_target() -> None:
    kinds = [s.stated_kind for s in find(TWO_PLANS.format("chỉ tiêu huyện giao là 90%"))]
    assert kinds == ["attainment", "target"]


TWO_DAYS = "Năm 2041, ngày mở cổng đăng ký là 3/10 và ngày đóng cổng đăng ký là 8/10."
MEMBERS_OUT_OF_PLAN = "Năm 2041, trong ngày ra quân số hộ tham gia là 7/11, bằng 64% kế hoạch."


def test_a_day_named_by_what_happens_on_it_is_a_date() -> None:
    assert find(TWO_DAYS) == []


def test_a_fraction_after_another_noun_and_la_stays_a_pair() -> None:
    (s,) = find(MEMBERS_OUT_OF_PLAN)
    assert (s.actual, s.target) == (7, 11)
