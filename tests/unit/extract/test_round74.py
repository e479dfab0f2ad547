"""Round 74 of the extraction rules (issue 17): each rule with a positive and a negative case
on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

# a rate's margin over its plan's rate: the rate's, never the count's before it
MARGIN = "Năm 2041, huyện đã giải quyết xong 2.140 hồ sơ, đạt 91,2% (tăng 1,2% so với chỉ tiêu)."
MARGIN_AFTER = (
    "Năm 2041, sở đã xử lý 3.270 đơn thư, đạt tỷ lệ 93,5%, tăng 0,7% so với năm 2040, "
    "vượt chỉ tiêu cấp trên giao 1,5%."
)
MARGIN_PLAN = (
    "Năm 2041, ngành đã hoàn thành 4.810 hồ sơ, đạt tỉ lệ 87,6%, cao hơn 0,8% so với chỉ tiêu "
    "được giao trên 86,8%."
)
SHORT = "Năm 2041, xã đã xử lý 1.250 hồ sơ, đạt tỷ lệ 72%; còn thiếu 2% so với chỉ tiêu."
# readings more than 1 % apart, or a qualified margin: no claim, and none for the count
APART = "Năm 2041, huyện đã thu được 61,5 tỷ đồng, đạt 42,3% (vượt 3,1% so với chỉ tiêu)."
QUALIFIED = "Năm 2041, huyện đã xử lý 2.140 hồ sơ, đạt 91,2% (vượt hơn 1% so với chỉ tiêu)."
# an attainment of 100 % or more, or an amount's own excess, keeps its reading
OVER = "Năm 2041, huyện trồng 5.500 cây, đạt 110%, vượt 10% so với kế hoạch."
AMOUNT = "Năm 2041, doanh thu đạt 1.200 tỷ đồng, vượt 8% so với kế hoạch."


def _claims(text: str) -> list[tuple[object, object, object]]:
    return [
        (s.actual, s.target, s.stated_percent)
        for s in find(text)
        if s.actual is not None and (s.target is not None or s.stated_kind == "excess")
    ]


def test_a_margin_after_a_rate_is_the_rates() -> None:
    assert _claims(MARGIN) == [(Decimal("91.2"), None, Decimal("1.2"))]
    assert _claims(MARGIN_AFTER) == [(Decimal("93.5"), None, Decimal("1.5"))]
    assert _claims(MARGIN_PLAN) == [(Decimal("87.6"), Decimal("86.8"), None)]
    assert _claims(SHORT) == [(72, 74, None)]


def test_a_margin_whose_readings_part_or_that_is_qualified_pairs_nothing() -> None:
    assert _claims(APART) == []
    assert _claims(QUALIFIED) == []


def test_an_attainment_or_an_amounts_excess_keeps_its_reading() -> None:
    assert [s.actual for s in find(OVER) if s.stated_kind in ("attainment", "excess")] != []
    assert 93.5 not in [s.actual for s in find(OVER)]
    assert _claims(AMOUNT) == [(1200000000000, None, 8)]


# a growth over a base in brackets, both amounts written to two decimals: their rounding
GROWTH_ROUNDED = (
    "Năm 2041 công ty ghi nhận lợi nhuận 11,52 tỷ đồng, tăng 55,6% so với năm trước (7,41 tỷ đồng)."
)
GROWTH_OFF = (
    "Năm 2041 công ty ghi nhận lợi nhuận 11,52 tỷ đồng, tăng 56,5% so với năm trước (7,41 tỷ đồng)."
)


def _verdicts(text: str, kind: str = "growth") -> list[str | None]:
    return [s.verdict for s in find(text) if s.stated_kind == kind]


def test_a_growth_within_its_amounts_rounding_holds() -> None:
    assert _verdicts(GROWTH_ROUNDED) == ["consistent"]


def test_a_growth_no_rounding_of_its_amounts_gives_is_flagged() -> None:
    assert _verdicts(GROWTH_OFF) == ["inconsistent"]


# a numbered class of trainees ("đối tượng 4") is a label, no result
CLASS_OF_TRAINEES = (
    "Năm 2041, Ban Chỉ huy quân sự xã tổ chức 9 lớp học cho đối tượng 4 và người có uy tín ở "
    "thôn, bản, đạt 100% kế hoạch năm."
)
TRAINEES = "Năm 2041, huyện đã bồi dưỡng kiến thức cho 40 đối tượng, đạt 80% kế hoạch."


def test_a_numbered_class_of_trainees_is_no_result() -> None:
    assert [s.actual for s in find(CLASS_OF_TRAINEES) if s.stated_kind == "attainment"] == [9]


def test_a_count_of_trainees_keeps_its_reading() -> None:
    assert [s.actual for s in find(TRAINEES) if s.stated_kind == "attainment"] == [40]


# a programme named by its figure (capitalised noun): no result nor plan
PROGRAMME = (
    "Năm 2041, phường trồng thêm 6.000 cây theo Đề án trồng 5 triệu cây xanh đô thị giai "
    "đoạn 2041-2045 của thành phố, đạt 100% kế hoạch."
)
PROGRAMME_RESULT = (
    "Năm 2041, diện tích cây ăn quả trong vùng Đề án đạt gần 900 ha, vượt 12% so với mục tiêu "
    "đề ra."
)
LOWER_PLAN = "Năm 2041, dự án trồng 20 ha rừng đạt 50% kế hoạch."


def test_a_programmes_name_is_no_result_nor_plan() -> None:
    found = find(PROGRAMME)
    assert Decimal("5e6") not in [s.actual for s in found] + [s.target for s in found]


def test_a_programmes_result_or_a_lower_case_plan_keeps_its_reading() -> None:
    assert [s.actual for s in find(PROGRAMME_RESULT) if s.stated_kind == "excess"] == [900]
    assert [s.actual for s in find(LOWER_PLAN) if s.stated_kind == "attainment"] == [20]


# a percentage with a floor ("đạt hơn 40% kế hoạch") linked to a plan written sentences after
# it, when the floor holds and the plan's share is not far above it
FLOOR = (
    "Đến ngày 1.12, các xã đã nạo vét được 2.300 m3 kênh mương, đạt hơn 40% kế hoạch. Năm nay, "
    "huyện có kế hoạch nạo vét 5.300 m3 kênh mương."
)
FLOOR_SHORT = FLOOR.replace("5.300", "6.300")  # 36,5 %: the floor does not hold
FLOOR_FAR = FLOOR.replace("5.300", "4.500")  # 51,1 %: far above the floor


def test_a_floor_that_holds_links_the_plan_written_after() -> None:
    (s,) = [s for s in find(FLOOR) if s.actual is not None]
    assert (s.target, s.verdict) == (5300, "unchecked")


def test_a_floor_that_fails_or_lies_far_below_links_nothing() -> None:
    assert [s.target for s in find(FLOOR_SHORT) if s.actual is not None] == [None]
    assert [s.target for s in find(FLOOR_FAR) if s.actual is not None] == [None]


# rates with their plans' rates in brackets right after them, in order
RATE_AND_PLAN = "Năm 2041, xã đã giải quyết xong 320 hồ sơ, đạt tỷ lệ 91,5% (chỉ tiêu 90%)."
RATES_AND_PLANS = (
    "Năm 2041, có 95% chi bộ, 85% đảng viên hoàn thành tốt nhiệm vụ (chỉ tiêu tương ứng là "
    "90%, 80%)."
)
# two plans' rates with no word saying they go in turn, or a rate not right before one plan
PLANS_NOT_IN_TURN = RATES_AND_PLANS.replace("tương ứng là ", "")
RATE_AWAY = "Năm 2041, có 95% chi bộ, 85% đảng viên hoàn thành tốt nhiệm vụ (chỉ tiêu 90%)."


def _pairs(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.target) for s in find(text) if s.target is not None]


def test_rates_are_paired_with_the_plans_rates_after_them() -> None:
    assert _pairs(RATE_AND_PLAN) == [(Decimal("91.5"), 90)]
    assert _pairs(RATES_AND_PLANS) == [(95, 90), (85, 80)]


def test_plans_rates_not_in_turn_or_after_other_words_pair_nothing() -> None:
    assert _pairs(PLANS_NOT_IN_TURN) == []
    assert _pairs(RATE_AWAY) == []


# an attainment of a result written with decimals: its rounding allowed before a flag (the
# plan's is not, since round 127: 11,52 of 7,41 reaches 155,6 % only with 7,405, a finding)
ATTAINMENT_ROUNDED = "Năm 2041 doanh thu đạt 11,5 tỷ đồng, đạt 155,6% kế hoạch (7,41 tỷ đồng)."
ATTAINMENT_OFF = ATTAINMENT_ROUNDED.replace("155,6%", "157,6%")
COUNT_OFF = "Năm 2041 kết nạp 852 đảng viên, đạt 188,2% kế hoạch (453 đảng viên)."


def test_an_attainment_within_its_amounts_rounding_is_not_flagged() -> None:
    assert _verdicts(ATTAINMENT_ROUNDED, "attainment") == ["unchecked"]


def test_an_attainment_beyond_rounding_or_of_whole_counts_is_flagged() -> None:
    assert _verdicts(ATTAINMENT_OFF, "attainment") == ["inconsistent"]
    assert _verdicts(COUNT_OFF, "attainment") == ["inconsistent"]


# an index of a base in brackets ("bằng X% so với năm trước (…)"): the amounts' rounding too
INDEX_ROUNDED = "Năm 2041 lợi nhuận đạt 11,52 tỷ đồng, bằng 155,6% so với năm trước (7,41 tỷ đồng)."
INDEX_OFF = INDEX_ROUNDED.replace("155,6%", "157,6%")


def test_an_index_within_its_amounts_rounding_holds() -> None:
    assert _verdicts(INDEX_ROUNDED) == ["consistent"]


def test_an_index_beyond_its_amounts_rounding_is_flagged() -> None:
    assert _verdicts(INDEX_OFF) == ["inconsistent"]
