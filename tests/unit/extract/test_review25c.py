"""What a review of round 84's first part found (session 25), each with a case it mends and
one it keeps, on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find


def _pairs(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.target) for s in find(text) if s.actual is not None]


# by how much a rate passes its plan, in brackets, is no target
OUTPUT_ABOVE_PLAN_BY = (
    "Năm 2041, tổng sản phẩm trên địa bàn huyện Tân Hòa tăng 8,5% (cao hơn kế hoạch 1,2%)."
)
HARVEST_ABOVE_AIM_BY = "Năm 2041, sản lượng chè của xã Bắc Sơn đạt 96% (cao hơn mục tiêu 3%)."
# a rise past a target set out after its copula, in brackets, is against that target
SAVERS_PAST_TARGET = (
    "Năm 2041, tỷ lệ hộ có sổ tiết kiệm của huyện Tân Hòa là 41% (vượt mục tiêu là ít nhất "
    "35% - 38%)."
)


def test_by_how_much_a_rate_passes_its_plan_in_brackets_is_no_target() -> None:
    assert (Decimal("8.5"), Decimal("1.2")) not in _pairs(OUTPUT_ABOVE_PLAN_BY)
    assert all(target is None for _, target in _pairs(HARVEST_ABOVE_AIM_BY))


def test_a_rate_past_a_target_after_its_copula_in_brackets_keeps_its_pair() -> None:
    assert (41, (35, 38)) in _pairs(SAVERS_PAST_TARGET)


# a length is no volume: 840m is not read against 2.400m3
DREDGE = "Năm 2041, xã Tân Hòa có kế hoạch nạo vét 2.400{} bùn đất kênh mương. Đến ngày 20/9, "
DREDGE += "toàn xã đã kiên cố hóa được 840{} kênh mương, đạt 35% kế hoạch."


def test_a_length_is_not_read_against_a_planned_volume() -> None:
    for volume, length in (("m3", "m"), (" m3", " m"), ("m³", "m"), (" m2", " m")):
        (_, s) = find(DREDGE.format(volume, length))
        assert (s.actual, s.target) == (840, None), volume


def test_a_volume_is_still_read_against_a_planned_volume() -> None:
    for volume in ("m3", " m3"):
        (_, s) = find(DREDGE.format(volume, volume))
        assert (s.actual, s.target, s.verdict) == (840, 2400, "consistent"), volume


# people a work was done for, out of a round plan, the attainment stated right after
INFORMED = "Năm 2041, xã Tân Hòa đã tuyên truyền phòng chống ma túy cho 4.000/10.000 người dân, "
INFORMED += "đạt 40% kế hoạch."
VACCINATED = (
    "Quý I năm 2041, trạm y tế xã Tân Hòa đã tiêm vắc xin cho 45/1.000 trẻ, đạt 4,5% kế hoạch."
)
INFORMED_NO_RATE = "Năm 2041, xã Bắc Sơn đã tuyên truyền pháp luật cho 3.000/10.000 người dân."
DOCTORS_PER_PEOPLE = "Năm 2041, số bác sĩ của huyện Tân Hòa đạt 11/10.000 dân, đạt 110% kế hoạch."


def test_people_done_out_of_a_round_plan_with_their_attainment_stay_a_pair() -> None:
    assert _pairs(INFORMED) == [(4000, 10000)]
    assert _pairs(VACCINATED) == [(45, 1000)]


def test_people_a_work_was_done_for_are_no_population() -> None:
    assert _pairs(INFORMED_NO_RATE) == [(3000, 10000)]


def test_a_rate_per_people_its_attainment_does_not_fit_is_still_no_pair() -> None:
    assert all(target != 10000 for _, target in _pairs(DOCTORS_PER_PEOPLE))


# a table of units is set off by the general names of its columns, not one report's words
TRAINEES = """Số học viên được đào tạo nghề năm 2041 của các địa phương:

TT

{unit}

{plan}

{done}

{percent}

1

Xã Bắc Sơn

300

318

106

2

Thị trấn Tân Hòa

250

230

92
"""
HEADS = (
    ("Địa phương", "KH", "TH", "% so KH"),
    ("Quận, phường", "Kế hoạch", "Kết quả đào tạo", "Tỷ lệ đạt"),
    ("Đơn vị", "Chỉ tiêu giao", "Thực hiện", "Tỉ lệ %"),
)


def test_a_table_of_units_is_read_under_the_general_names_of_its_columns() -> None:
    for unit, plan, done, percent in HEADS:
        text = TRAINEES.format(unit=unit, plan=plan, done=done, percent=percent)
        rows = [(s.unit, s.actual, s.target, s.stated) for s in find(text)]
        assert rows == [
            ("Xã Bắc Sơn", 318, 300, "106%"),
            ("Thị trấn Tân Hòa", 230, 250, "92%"),
        ], unit


def test_a_table_whose_result_column_is_no_result_is_not_read() -> None:
    text = TRAINEES.format(unit="Địa phương", plan="KH", done="Ghi chú", percent="% so KH")
    assert find(text) == []
