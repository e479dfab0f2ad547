"""Round 48 of the extraction rules (issue 17), each tested on invented text (never the
evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import attainments, find

D = Decimal

# ------------------------------ a headline's qualified figure of a quarter is not contradicted
# by a body figure of several months


def _flagged(text: str) -> list[str]:
    return [s.text for s in find(text, money=True) if s.verdict == "inconsistent"]


def test_a_figure_of_several_months_does_not_contradict_a_quarter_s_headline() -> None:
    text = (
        "Hãng XYZ lãi quý III hơn 70 tỷ đồng\nTheo báo cáo, hãng có thêm nhiều khách mới.\n\n"
        "Tính đến hết 9 tháng, hãng có lợi nhuận trước thuế đạt 68 tỷ đồng, bằng 80% kế hoạch."
    )
    assert _flagged(text) == []


def test_a_figure_of_the_same_quarter_still_contradicts_the_headline() -> None:
    text = (
        "Hãng XYZ lãi quý III hơn 70 tỷ đồng\nTheo báo cáo, hãng có thêm nhiều khách mới.\n\n"
        "Riêng quý III, hãng có lợi nhuận trước thuế đạt 68 tỷ đồng, bằng 30% kế hoạch."
    )
    assert _flagged(text) == ["hơn 70 tỷ đồng"]


# ------------------------------ a later amount of the measure's total ("tổng doanh thu") is
# the months-to-date result of a percentage of the measure's plan


def _attainments(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.stated) for s in find(text, money=True) if s.stated_kind == "attainment"]


def test_a_later_total_of_the_measure_is_the_result_of_its_plan() -> None:
    text = (
        "Quý II, hợp tác xã bán được hàng trị giá 300 tỷ đồng, tức doanh thu thuần đạt 300 tỷ "
        "đồng, tăng 10%. Gộp cả hai quý, hợp tác xã thu về 560 tỷ đồng tổng doanh thu cùng 40 tỷ "
        "đồng lợi nhuận. Tính ra, hợp tác xã làm được 56% kế hoạch doanh thu và 50% kế hoạch "
        "lợi nhuận."
    )
    assert (Decimal("560e9"), "56%") in _attainments(text)
    assert (Decimal("300e9"), "56%") not in _attainments(text)


def test_a_later_total_of_another_measure_is_not_taken() -> None:
    text = (
        "Quý II, hợp tác xã bán được hàng trị giá 300 tỷ đồng, tức doanh thu thuần đạt 300 tỷ "
        "đồng, tăng 10%. Gộp cả hai quý, hợp tác xã tốn 560 tỷ đồng tổng chi phí. Tính ra, hợp "
        "tác xã làm được 56% kế hoạch doanh thu."
    )
    assert (Decimal("560e9"), "56%") not in _attainments(text)


# ------------------------------ a percentage beside a sibling checked on a plan takes the
# plan set out beside the sibling's, and is checked on it


_SIBLING_PLANS = (
    "Hết 9 tháng, nhà máy có doanh thu 1.500 tỷ đồng, tăng 8%, và {measure} {profit} tỷ đồng. "
    "Kế hoạch năm 2031 của nhà máy gồm doanh thu 2.000 tỷ đồng và lợi nhuận trước thuế 150 tỷ "
    "đồng. Tính chung, nhà máy làm được 75% kế hoạch doanh thu và 60% kế hoạch {measure}."
)


def test_a_sibling_percentage_is_checked_on_the_plan_set_out_beside_its_sibling_s() -> None:
    found = attainments(_SIBLING_PLANS.format(measure="lợi nhuận trước thuế", profit="120"))
    assert (D("1500e9"), D("2000e9"), "75%", "consistent") in found
    assert (D("120e9"), D("150e9"), "60%", "inconsistent") in found


def test_a_sibling_percentage_of_a_measure_the_plans_do_not_name_takes_no_plan() -> None:
    found = attainments(_SIBLING_PLANS.format(measure="xuất khẩu", profit="120"))
    assert (D("1500e9"), D("2000e9"), "75%", "consistent") in found
    assert not any(t == D("150e9") for _, t, _, _ in found)


# ------------------------------ a place named with the abbreviation of "thành phố" ends its
# name before the verb after it


def test_a_city_abbreviated_ends_its_name_before_the_verb() -> None:
    # (round 49: "Đảng bộ TP" is the city's committee, as "Đảng bộ thành phố" is)
    text = "Năm 2031, Đảng ủy TP. Hòa Lâm phấn đấu kết nạp 50 quần chúng vào Đảng."
    assert [s.unit for s in find(text)] == ["Đảng ủy TP. Hòa Lâm"]


def test_a_district_written_in_full_still_ends_its_name_before_the_verb() -> None:
    text = "Năm 2031, Đảng bộ huyện Hòa Lâm phấn đấu kết nạp 50 quần chúng vào Đảng."
    assert [s.unit for s in find(text)] == ["Đảng bộ huyện Hòa Lâm"]


# ------------------------------ two amounts, then in turn an attainment and an excess, each
# with its own verb


def _kinds(text: str) -> list[tuple[object, object, object]]:
    return [
        (s.actual, s.stated, s.stated_kind)
        for s in find(text, money=True)
        if s.stated_kind in ("attainment", "excess")
    ]


def test_an_attainment_and_an_excess_in_turn_go_to_their_amounts() -> None:
    text = (
        "Mười tháng, hợp tác xã có doanh thu 500 tỷ đồng và lãi 50 tỷ đồng, lần lượt bằng 90% "
        "và vượt 10% kế hoạch."
    )
    assert _kinds(text) == [(D("500e9"), "90%", "attainment"), (D("50e9"), "10%", "excess")]


def test_a_rate_and_its_excess_in_points_not_in_turn_are_still_left_out() -> None:
    text = "Năm 2031, xã kết nạp 9 đoàn viên, đạt 2,4%, vượt 0,4% so với chỉ tiêu."
    assert _kinds(text) == []


# ------------------------------ a ceiling approved or assigned is the plan of a percentage


def test_a_percentage_of_an_approved_ceiling_is_an_attainment() -> None:
    text = "Năm 2031, quỹ vay được 600 tỷ đồng, bằng 80% hạn mức vay vốn do ủy ban tỉnh giao."
    assert _kinds(text) == [(D("600e9"), "80%", "attainment")]


def test_a_percentage_of_a_ceiling_nobody_set_stays_unread() -> None:
    text = "Năm 2031, quỹ vay được 600 tỷ đồng, bằng 80% hạn mức vay vốn."
    assert _kinds(text) == []


# ------------------------------ an item under a heading that names targets, followed by its
# own percentage of the plan, is a result


def test_an_item_with_its_own_attainment_under_a_heading_of_targets_is_a_result() -> None:
    text = (
        "Bên cạnh sản lượng, mọi chỉ tiêu của nhà máy đều khả quan: Doanh thu năm 2031 đạt "
        "2.100,5 tỷ đồng, bằng 105,2% kế hoạch."
    )
    assert _kinds(text) == [(D("2100.5e9"), "105,2%", "attainment")]


def test_items_under_a_heading_that_assigns_targets_stay_targets() -> None:
    text = "Năm 2031, tỉnh giao chỉ tiêu kết nạp đảng viên: huyện A 150; huyện B 110."
    assert [(s.actual, s.target) for s in find(text)] == [(None, D(150)), (None, D(110))]
