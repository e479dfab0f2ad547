"""Round 46 of the extraction rules (issue 17), each tested on invented text (never the
evaluation set's figures or sentences)."""

from __future__ import annotations

from reading import attained, checked, find

from kpitools.extract import audit_statements

# ------------------------------ a few kinds listed after "gồm", far short of their whole


def _sum_verdicts(text: str) -> list[str]:
    audit = audit_statements(find(text, money=True))
    return [v for c, v in zip(audit["check"], audit["verdict"], strict=True) if c == "sum"]


def test_a_few_kinds_named_among_a_whole_are_no_sum_of_it() -> None:
    text = (
        "Năm 2031, hội có tổng số 640 người (gồm 25 người ở ban điều hành, 40 người mới vào "
        "trong năm và 12 người ở nước ngoài)."
    )
    assert "inconsistent" not in _sum_verdicts(text)


def test_parts_near_their_whole_after_gom_are_still_summed() -> None:
    text = (
        "Năm 2031, hội có tổng số 640 người (gồm 250 người ở chi hội một, 340 người ở chi hội "
        "hai và 20 người ở chi hội ba)."
    )
    assert _sum_verdicts(text) == ["inconsistent"]


# ------------------------------ a bare "tương đương N%" after a share is a share, no
# attainment of the plan named earlier in the paragraph


def test_a_bare_percentage_after_a_share_is_no_attainment() -> None:
    text = (
        "Sáu tháng, tập đoàn Hòa An đạt doanh thu 4.200 tỷ đồng, hoàn thành 47% kế hoạch năm. "
        "Trong đó, khối bán lẻ đạt 1.900 tỷ đồng và khối bán buôn đạt 1.500 tỷ đồng, chiếm "
        "tỷ lệ 81% trong tổng doanh thu. Khối dịch vụ mang về 630 tỷ đồng, tương đương 15% và "
        "phần còn lại đến từ các hoạt động khác."
    )
    assert [p for _, _, p, _ in attained(text)] == [47]


def test_a_bare_percentage_right_after_an_attainment_stays_one() -> None:
    text = (
        "Sáu tháng, tập đoàn Hòa An đạt doanh thu 4.200 tỷ đồng, hoàn thành 47% kế hoạch năm; "
        "khối dịch vụ mang về 630 tỷ đồng, tương đương 45%."
    )
    assert [p for _, _, p, _ in attained(text)] == [47, 45]


# ------------------------------ a running total that names the period's new ones is the
# period's result (its percentage is the total's, not the increment's)


def test_a_total_of_the_years_admissions_takes_the_percentage() -> None:
    text = (
        "Trong quý II/2031, Đảng ủy xã Hòa Bình kết nạp thêm 4 đảng viên, nâng tổng số đảng "
        "viên kết nạp trong năm lên 13 đồng chí, đạt 65% chỉ tiêu."
    )
    assert [(a, p) for a, _, p, _ in attained(text)] == [(13, 65)]


def test_a_total_of_all_members_leaves_the_percentage_to_the_admitted() -> None:
    text = (
        "Trong quý II/2031, Đảng ủy xã Hòa Bình kết nạp thêm 4 đảng viên, nâng tổng số đảng "
        "viên của Đảng bộ lên 613 đồng chí, đạt 40% chỉ tiêu."
    )
    assert [(a, p) for a, _, p, _ in attained(text)] == [(4, 40)]


# ------------------------------ "giao <a unit> kết nạp N": a count assigned, a target


def test_a_count_a_unit_is_given_to_admit_is_its_target() -> None:
    text = (
        "Năm 2031, thành phố giao xã Hòa Bình kết nạp 24 đảng viên. Đến hết tháng 9, xã kết "
        "nạp 15 đảng viên, đạt 60%."
    )
    assert checked(text) == [(15, 24, 60, "inconsistent")]


def test_a_count_handed_over_is_no_target() -> None:
    text = (
        "Năm 2031, xã Hòa Bình đã bàn giao 24 căn nhà. Đến hết tháng 9, xã kết nạp 15 đảng "
        "viên, đạt 60%."
    )
    assert checked(text) == []


# ------------------------------ two counts, the first with a place after its noun, then
# their attainments said respectively


def test_respective_attainments_after_a_count_with_its_place() -> None:
    text = (
        "Năm 2031, Công đoàn xã Hòa Bình thành lập 4 công đoàn cơ sở tại doanh nghiệp ngoài "
        "nhà nước, kết nạp 270 đoàn viên, đạt lần lượt 80% và 108% kế hoạch."
    )
    assert [(a, p) for a, _, p, _ in attained(text)] == [(4, 80), (270, 108)]


def test_respective_percentages_with_no_plan_named_are_not_read() -> None:
    text = (
        "Năm 2031, Công đoàn xã Hòa Bình thành lập 4 công đoàn cơ sở tại doanh nghiệp ngoài "
        "nhà nước, kết nạp 270 đoàn viên, đạt lần lượt 80% và 108%."
    )
    assert attained(text) == []


# ------------------------------ a count's bare "đạt X%" takes the plan of the same noun an
# earlier sentence of its paragraph sets out, when X fits it to its last digit


def test_a_bare_percentage_of_members_takes_the_plan_set_out_before() -> None:
    text = (
        "Năm 2031, Đảng ủy xã Hòa Bình đặt chỉ tiêu kết nạp 32 đảng viên. Đến hết tháng 10, "
        "xã đã kết nạp 24 đảng viên, đạt 75%."
    )
    assert checked(text) == [(24, 32, 75, "consistent")]


def test_a_bare_percentage_that_does_not_fit_the_plan_before_is_not_linked() -> None:
    text = (
        "Năm 2031, Đảng ủy xã Hòa Bình đặt chỉ tiêu kết nạp 32 đảng viên. Đến hết tháng 10, "
        "xã đã kết nạp 24 đảng viên, đạt 80%."
    )
    assert checked(text) == []


def test_a_bare_percentage_of_another_noun_takes_no_plan_of_members() -> None:
    text = (
        "Năm 2031, Đảng ủy xã Hòa Bình đặt chỉ tiêu kết nạp 32 đảng viên. Đến hết tháng 10, "
        "xã đã trồng 24 cây xanh, đạt 75%."
    )
    assert checked(text) == []
