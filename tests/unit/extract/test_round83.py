"""Round 83 of the extraction rules (issue 17): each rule with a positive and a negative case
on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

from kpitools.extract import audit_statements, statements_frame

TWO_SCALES = "Năm 2041, nhà máy sản xuất được 3 tỷ 412,5 triệu kWh, đạt trên 95% kế hoạch đề ra."
TWO_SCALES_OF_MONEY = "Năm 2041, công ty nộp ngân sách 3 tỷ 412 triệu đồng, đạt 95% kế hoạch."


def test_a_count_in_two_scales_is_one_amount() -> None:
    (s,) = find(TWO_SCALES)
    assert s.actual == Decimal("3412500000")
    assert s.text.startswith("3 tỷ 412,5 triệu kWh")


def test_money_in_two_scales_is_no_count() -> None:
    (s,) = find(TWO_SCALES_OF_MONEY)
    assert s.actual == Decimal("3412000000")
    assert find(TWO_SCALES_OF_MONEY, money=False) == []


OUTPUT = "Năm 2041, nhà máy Bắc Sơn sản xuất được 12,4 triệu kWh, đạt 103% kế hoạch. Trong đó, "
ANOTHER_TOTALS_PART = OUTPUT + "điện thương phẩm toàn tỉnh là 860,5 triệu kWh, đạt 97% kế hoạch."
A_PART_OVER_ITS_TOTAL = OUTPUT + "điện mặt trời là 13,5 triệu kWh."


def _part_checks(text: str) -> list[str]:
    audit = audit_statements(statements_frame(find(text)))
    return audit.filter(audit["check"] == "part")["verdict"].to_list()


def test_parts_far_over_a_total_are_another_totals() -> None:
    assert _part_checks(ANOTHER_TOTALS_PART) == []


def test_a_part_a_little_over_its_total_is_still_flagged() -> None:
    assert _part_checks(A_PART_OVER_ITS_TOTAL) == ["inconsistent"]


HALF_YEAR = "Trong 6 tháng đầu năm 2041, Tổng công ty Sông Mây sản xuất được {} tỷ kWh, vượt 6% "
HALF_YEAR += (
    "so với kế hoạch đặt ra. Tổng công ty đặt mục tiêu phát khoảng 7 tỷ kWh trong 6 tháng {}."
)


def test_an_excess_that_does_not_fit_a_hedged_plan_takes_no_plan() -> None:
    (s, _) = find(HALF_YEAR.format("7,342", "cuối năm"))
    assert s.stated_kind == "excess"
    assert s.target is None and s.verdict != "inconsistent"


def test_an_excess_that_fits_a_hedged_plan_takes_it() -> None:
    (s, _) = find(HALF_YEAR.format("7,42", "đầu năm"))
    assert s.target == Decimal("7000000000")
    assert s.verdict == "consistent"


def test_a_pair_said_above_all_of_its_target_keeps_no_percentage() -> None:
    (s,) = find("Năm 2041, xã Tân Lập kết nạp 318/150 hội viên, vượt hơn 100% kế hoạch.")
    assert (s.actual, s.target) == (318, 150)
    assert s.stated is None and s.stated_kind is None


def test_a_pair_with_its_excess_written_keeps_it() -> None:
    (s,) = find("Năm 2041, xã Tân Lập kết nạp 318/150 hội viên, vượt 112% kế hoạch.")
    assert (s.stated_kind, s.verdict) == ("excess", "consistent")


QUOTA = "Năm 2041, chỉ tiêu tuyển sinh trình độ thạc sĩ là 4.620, tuy nhiên chỉ tuyển được 2.310 "


def test_a_rate_after_a_result_against_its_quota_is_its_attainment() -> None:
    (s,) = find(QUOTA + "chỉ tiêu (tỉ lệ 50%).")
    assert (s.actual, s.target, s.stated) == (2310, 4620, "50%")
    assert (s.stated_kind, s.verdict) == ("attainment", "consistent")


def test_a_rate_its_figures_do_not_give_stays_a_rate() -> None:
    pair, rate = find(QUOTA + "chỉ tiêu (tỉ lệ 40%).")
    assert pair.stated is None and rate.stated_kind == "rate"
    _, share = find("Năm 2041, số trường đạt chuẩn quốc gia là 212/280 trường, tỷ lệ 75,7%.")
    assert share.stated_kind == "rate"


def test_a_score_out_of_its_maximum_is_no_result_against_a_target() -> None:
    assert find("Năm 2041, có 14 thí sinh đạt điểm xét tuyển tuyệt đối 30/30.") == []


def test_a_fraction_after_another_use_of_the_word_stays_a_pair() -> None:
    (s,) = find("Năm 2041, số điểm trường đạt chuẩn là 12/15 điểm trường.")
    assert (s.actual, s.target) == (12, 15)


def test_a_quota_then_those_admitted_after_nhung_is_a_result_against_it() -> None:
    (s,) = find(
        "Năm 2041, ngành Hóa học tuyển 40 chỉ tiêu nhưng hiện mới có 23 thí sinh trúng tuyển."
    )
    assert (s.actual, s.target, s.stated) == (23, 40, None)


def test_a_quota_then_those_who_applied_is_no_result() -> None:
    text = "Năm 2041, trường tuyển sinh 1.460 chỉ tiêu nhưng có 5.210 thí sinh đăng ký dự tuyển."
    assert [s for s in find(text) if s.actual is not None] == []


QUOTAS = "Năm 2041, chỉ tiêu xét tuyển là 61.200; trong đó, chỉ tiêu ngành y là 5.300. "


def test_an_attainment_of_a_quota_takes_the_quota_named_before_that_gives_it() -> None:
    s = find(QUOTAS + "Số trúng tuyển là 70.380 đạt 115% chỉ tiêu.")[-1]
    assert (s.actual, s.target, s.verdict) == (70380, 61200, "consistent")
    assert s.link_text == "61.200"


def test_an_attainment_no_quota_gives_takes_none() -> None:
    s = find(QUOTAS + "Số trúng tuyển là 70.380 đạt 90% chỉ tiêu.")[-1]
    assert s.actual == 70380 and s.target is None


UNIVERSITY = "Năm 2041, chỉ tiêu đào tạo trình độ đại học là 8.400 nhưng chỉ tuyển được "


def test_a_quota_named_then_those_admitted_after_nhung_with_their_rate() -> None:
    (s,) = find(UNIVERSITY + "6.300 (tỷ lệ 75%).")
    assert (s.actual, s.target, s.stated, s.verdict) == (6300, 8400, "75%", "consistent")


def test_a_quota_named_then_a_share_admitted_is_no_count() -> None:
    assert [s for s in find(UNIVERSITY + "75% số đó.") if s.actual == 75] == []


def test_a_quota_named_is_no_result_against_the_next_quota() -> None:
    text = (
        "Ngành Địa chất cũng lấy số thí sinh trúng tuyển là 210 cao gấp 3 lần so với chỉ tiêu"
        " đã được xác định là 70; có 190 thí sinh trúng tuyển ngành Thủy văn nhưng chỉ tiêu"
        " chỉ là 60 gấp hơn 3 lần."
    )
    assert [s for s in find(text) if s.actual == 70] == []


def test_those_admitted_against_the_quota_after_them_stay_paired() -> None:
    text = "Năm 2041, số thí sinh trúng tuyển ngành Thủy văn là 190 nhưng chỉ tiêu chỉ là 60."
    assert [(s.actual, s.target) for s in find(text)] == [(190, 60)]


PLAN = "Năm 2041, chỉ tiêu doanh thu tăng hơn 12% lên gần 3.410 tỷ đồng"


def test_a_contribution_to_a_plan_is_no_result_against_it() -> None:
    text = PLAN + ", với đóng góp lớn nhất từ nhà máy Sông Mây dự kiến đạt 1.260 tỷ đồng."
    assert [s for s in find(text) if s.actual is not None] == []


def test_a_result_after_a_plan_with_no_contribution_stays_paired() -> None:
    text = "Năm 2041, chỉ tiêu doanh thu là 3.410 tỷ đồng; nhà máy Sông Mây đạt 1.260 tỷ đồng."
    (s,) = find(text)
    assert s.actual is not None and s.target is not None


MASTERS = (
    "Năm học 2041, tổng chỉ tiêu tuyển sinh trình độ thạc sĩ ở các trường trên cả nước là"
    " 6.240. Tuy nhiên, các trường chỉ tuyển được gần 2.180 chỉ tiêu (chiếm 35% "
)


def test_a_share_of_the_whole_quota_is_its_attainment() -> None:
    (s,) = find(MASTERS + "tổng chỉ tiêu).")
    assert (s.actual, s.target, s.stated_kind, s.verdict) == (
        2180,
        6240,
        "attainment",
        "consistent",
    )


def test_a_share_of_something_else_takes_no_quota() -> None:
    (s,) = find(MASTERS + "số thí sinh dự thi).")
    assert s.target is None and s.stated_kind != "attainment"
