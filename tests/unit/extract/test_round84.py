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


UNITS_OVER_TARGET = "Có 12 đơn vị vượt chỉ tiêu cả năm 2041, vượt 64%."
COOPERATIVES_FOUNDED = "Năm 2041 huyện thành lập mới 12 hợp tác xã, vượt 20% kế hoạch."


def test_a_count_of_units_over_their_target_has_no_excess_of_its_own() -> None:
    assert _pairs(UNITS_OVER_TARGET) == []


def test_units_a_result_counts_keep_their_excess() -> None:
    (s,) = find(COOPERATIVES_FOUNDED)
    assert s.actual == 12 and s.stated_kind == "excess"


UNSIGNED_IN_A_LIST = (
    "Các chi cục đều vượt chỉ tiêu năm 2041: Chi cục Bắc Sơn (vượt 64%), Chi cục Tân Hòa "
    "(vượt 21), Chi cục Đông Hà (vượt 9%)."
)
COUNTS_IN_A_LIST = (
    "Các xã đều vượt kế hoạch năm 2041: xã Bắc Sơn kết nạp 21 đảng viên (vượt 64%), xã Tân "
    "Hòa kết nạp 12 đảng viên (vượt 9%)."
)


def test_a_bare_number_among_bracketed_percentages_is_no_result() -> None:
    assert _pairs(UNSIGNED_IN_A_LIST) == []


def test_counts_with_their_nouns_in_such_a_list_keep_their_excess() -> None:
    assert [a for a, _ in _pairs(COUNTS_IN_A_LIST)] == [21, 12]


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
    "Theo báo cáo, tổng kế hoạch vốn năm 2042 được duyệt của 12 xã là 125 tỷ đồng, tăng 6,7% "
    "so với kế hoạch năm 2041."
)
RESULT_OVER_PLAN = (
    "Năm 2042, tổng công ty Sông Mây đạt doanh thu 125 tỷ đồng, tăng 6,7% so với kế hoạch năm 2042."
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
    "Sau 5 ngày ra quân, các điều tra viên của tỉnh Bắc Sơn đã thu thập thông tin được hơn "
    "3.100 hộ{}, đạt gần 18% kế hoạch."
)
WHERE_THEY_BELONG = SURVEY.format(" thuộc 420 địa bàn điều tra")


def test_a_count_after_thuoc_is_what_the_things_counted_belong_to() -> None:
    assert [s.actual for s in find(WHERE_THEY_BELONG) if s.actual is not None] == [3100]


def test_a_count_without_thuoc_keeps_its_attainment() -> None:
    (s,) = find("Năm 2041, huyện Tân Hòa xây dựng được 420 nhà văn hóa, đạt 84% kế hoạch.")
    assert s.actual == 420 and s.stated_kind == "attainment"


AIM_DUE_BY_A_DATE = " Cục Thống kê phấn đấu đến 20/5 sẽ cơ bản hoàn thành thu thập thông tin tại"
AIM_DUE_BY_A_DATE += " gần 17.500 hộ."
DONE_BY_A_DATE = " Đến 20/5 đã cơ bản hoàn thành thu thập thông tin tại gần 17.500 hộ."


def test_an_aim_due_by_a_date_is_the_plan_of_a_result_before_it() -> None:
    (s, _) = find(SURVEY.format("") + AIM_DUE_BY_A_DATE)
    assert (s.actual, s.target) == (3100, 17500)


def test_work_done_by_a_date_is_no_plan() -> None:
    (s,) = find(SURVEY.format("") + DONE_BY_A_DATE)
    assert (s.actual, s.target) == (3100, None)


UNITS_BY_KIND = """Kết quả vận động quỹ năm 2041 của các huyện như sau:

STT

{}

Chỉ tiêu giao

Kết quả vận động

Tỉ lệ %

Cấp huyện

650.000.000

662.000.000

102

1

Bắc Sơn

400.000.000

452.000.000

113

2

Thị xã Tân Hòa

250.000.000

210.000.000

84
"""


def test_a_table_of_units_named_by_their_kinds_reads_each_numbered_row() -> None:
    rows = [(s.unit, s.actual, s.target) for s in find(UNITS_BY_KIND.format("Huyện, thị xã"))]
    assert rows == [
        ("Bắc Sơn", 452_000_000, 400_000_000),
        ("Thị xã Tân Hòa", 210_000_000, 250_000_000),
    ]


def test_a_table_whose_first_column_names_no_units_is_not_read_so() -> None:
    assert find(UNITS_BY_KIND.format("Ghi chú")) == []


UNITS_A_ROW_A_LINE = """Kết quả vận động quỹ năm 2041:

STT Tên đơn vị Kết quả năm 2041
Kế hoạch
{scale}
Thực hiện
{scale}
Tỷ lệ %
1 2 3 4 5
1 Huyện Bắc Sơn 420.000 462.000 110
2 Huyện Tân Hòa 300.000 255.000 85
"""


def test_a_table_of_units_a_row_a_line_applies_its_scale() -> None:
    found = find(UNITS_A_ROW_A_LINE.format(scale="(1.000 đồng)"))
    assert [(s.unit, s.actual, s.target, s.stated) for s in found] == [
        ("Huyện Bắc Sơn", 462_000_000, 420_000_000, "110%"),
        ("Huyện Tân Hòa", 255_000_000, 300_000_000, "85%"),
    ]


def test_a_table_of_units_in_another_scale_keeps_its_figures() -> None:
    found = find(UNITS_A_ROW_A_LINE.format(scale="(triệu đồng)"))
    assert [(s.actual, s.target) for s in found] == [(462_000, 420_000), (255_000, 300_000)]


COLLECTED = "Năm 2041, tỷ lệ thu gom rác thải của huyện Tân Hòa đạt 97%, khoảng 120 tấn/ngày "
COLLECTED += "(đạt mục tiêu Nghị quyết là 99%)."
RESPECTIVE_TARGETS = (
    "Năm 2041, 95% chi bộ và 85% đảng viên hoàn thành tốt nhiệm vụ, trong đó 18% đảng viên "
    "hoàn thành xuất sắc (chỉ tiêu tương ứng là 90%, 80% và 15%)."
)


def _rate_pairs(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.target) for s in find(text) if s.measure == "%" and s.target]


def test_a_rate_against_the_target_rate_in_brackets_after_its_amount() -> None:
    assert _rate_pairs(COLLECTED) == [(97, 99)]


def test_a_bracket_of_respective_target_rates_gives_none_its_first() -> None:
    assert (18, 90) not in _rate_pairs(RESPECTIVE_TARGETS)


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
