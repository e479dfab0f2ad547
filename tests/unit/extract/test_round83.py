"""Round 83 of the extraction rules (issue 17): each rule with a positive and a negative case
on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

from reading import find

from kpitools.extract import audit_statements, kinds, numerals, quota_admissions, statements_frame
from kpitools.textfold import fold

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
    # the count's own pattern stops before a currency (money's patterns read it first, so
    # only the pattern itself shows the guard)
    assert numerals.COUNT_COMPOUND.search(fold(TWO_SCALES_OF_MONEY)) is None
    assert numerals.COUNT_COMPOUND.search(fold(TWO_SCALES)) is not None


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


QUARTER = "Quý III năm 2041, nhà máy thủy điện Nậm Sơn phát được {} triệu kWh, vượt 6% kế "
QUARTER += "hoạch quý. Nhà máy đặt mục tiêu phát khoảng 900 triệu kWh trong quý {}."


def test_an_excess_that_does_not_fit_a_hedged_plan_takes_no_plan() -> None:
    (s, _) = find(QUARTER.format("942", "IV"))
    assert s.stated_kind == "excess"
    assert s.target is None and s.verdict != "inconsistent"


def test_an_excess_that_fits_a_hedged_plan_takes_it() -> None:
    (s, _) = find(QUARTER.format("954", "III"))
    assert s.target == Decimal("900000000")
    assert s.verdict == "consistent"


def test_a_pair_said_above_all_of_its_target_keeps_no_percentage() -> None:
    (s,) = find("Năm 2041, hợp tác xã Đồng Tiến kết nạp 95/40 xã viên, vượt hơn 100% chỉ tiêu.")
    assert (s.actual, s.target) == (95, 40)
    assert s.stated is None and s.stated_kind is None


def test_a_pair_with_its_excess_written_keeps_it() -> None:
    (s,) = find("Năm 2041, hợp tác xã Đồng Tiến kết nạp 88/40 xã viên, vượt 120% chỉ tiêu.")
    assert (s.stated_kind, s.verdict) == ("excess", "consistent")


def _above_all(said: str, qualifier: str | None, percent: int) -> str | None:
    text = f"kết nạp 95/40 xã viên, {said} {qualifier or ''} {percent}% chỉ tiêu"
    start = text.index(f"{percent}%") if qualifier is None else text.index(qualifier)
    figure = SimpleNamespace(
        values=(Decimal(percent),), qualifier=qualifier, clause=text.index(said), span_start=start
    )
    draft = SimpleNamespace(actual=Decimal(95), target=Decimal(40), percent_fig=figure)
    return kinds.pair_above_all(SimpleNamespace(fold=fold(text)), draft)  # type: ignore[arg-type]


def test_only_above_all_of_the_target_said_with_vuot_and_a_floor_drops_the_percentage() -> None:
    # the percentage reader leaves no kind to these alone; each guard is checked on its own
    assert _above_all("vượt", "hơn", 100) == "pair"
    assert _above_all("vượt", None, 100) is None
    assert _above_all("đạt", "hơn", 100) is None
    assert _above_all("vượt", "hơn", 130) is None


QUOTA = "Năm 2041, chỉ tiêu đào tạo nghề của trung tâm là 960 nhưng mới tuyển được 720 học viên "


def test_a_rate_after_a_result_against_its_quota_is_its_attainment() -> None:
    (s,) = find(QUOTA + "(tỷ lệ 75%).")
    assert (s.actual, s.target, s.stated) == (720, 960, "75%")
    assert (s.stated_kind, s.verdict) == ("attainment", "consistent")


def test_a_rate_its_figures_do_not_give_stays_a_rate() -> None:
    pair, rate = find(QUOTA + "(tỷ lệ 60%).")
    assert pair.stated is None and rate.stated_kind == "rate"
    _, share = find("Năm 2041, số trạm y tế đạt chuẩn là 35/48 trạm, tỷ lệ 72,9%.")
    assert share.stated_kind == "rate"


def test_a_score_out_of_its_maximum_is_no_result_against_a_target() -> None:
    assert find("Năm 2041, có 9 học sinh đạt điểm thi tuyệt đối 10/10.") == []


def test_a_fraction_after_another_use_of_the_word_stays_a_pair() -> None:
    (s,) = find("Năm 2041, số thôn đạt chuẩn văn hóa là 17/21 thôn.")
    assert (s.actual, s.target) == (17, 21)


def test_a_quota_then_those_admitted_after_nhung_is_a_result_against_it() -> None:
    (s,) = find("Năm 2041, khoa Luật tuyển 60 chỉ tiêu nhưng mới có 35 học viên nhập học.")
    assert (s.actual, s.target, s.stated) == (35, 60, None)


def test_a_quota_then_those_who_applied_is_no_result() -> None:
    text = "Năm 2041, học viện tuyển sinh 380 chỉ tiêu nhưng có 1.150 học viên đăng ký dự tuyển."
    assert [s for s in find(text) if s.actual is not None] == []


QUOTAS = (
    "Năm 2041, chỉ tiêu tuyển mới của các trường nghề là 2.400; riêng chỉ tiêu nghề hàn là 310. "
)


def test_an_attainment_of_a_quota_takes_the_quota_named_before_that_gives_it() -> None:
    s = find(QUOTAS + "Số học viên nhập học là 2.880, đạt 120% chỉ tiêu.")[-1]
    assert (s.actual, s.target, s.verdict) == (2880, 2400, "consistent")
    assert s.link_text == "2.400"


def test_an_attainment_no_quota_gives_takes_none() -> None:
    s = find(QUOTAS + "Số học viên nhập học là 2.880, đạt 90% chỉ tiêu.")[-1]
    assert s.actual == 2880 and s.target is None


UNIVERSITY = "Năm 2041, chỉ tiêu bồi dưỡng cán bộ cơ sở là 1.250 nhưng mới tuyển được "


def test_a_quota_named_then_those_admitted_after_nhung_with_their_rate() -> None:
    (s,) = find(UNIVERSITY + "1.000 (tỷ lệ 80%).")
    assert (s.actual, s.target, s.stated, s.verdict) == (1000, 1250, "80%", "consistent")


def test_a_quota_named_then_a_share_admitted_is_no_count() -> None:
    assert [s for s in find(UNIVERSITY + "80% số đó.") if s.actual == 80] == []
    # the statement of the percentage already covers it, so only the pattern shows the guard
    assert quota_admissions._QUOTA_IS_BUT.search(fold(UNIVERSITY + "80% số đó.")) is None
    assert quota_admissions._QUOTA_IS_BUT.search(fold(UNIVERSITY + "1.000 học viên.")) is not None


def test_a_quota_named_is_no_result_against_the_next_quota() -> None:
    text = (
        "Khoa Nông học cũng báo số sinh viên nhập học là 132 cao gấp 4 lần so với chỉ tiêu đã"
        " được phê duyệt là 33; có 95 sinh viên nhập học khoa Lâm học nhưng chỉ tiêu chỉ là 30"
        " gấp hơn 3 lần."
    )
    assert [s for s in find(text) if s.actual == 33] == []


def test_those_admitted_against_the_quota_after_them_stay_paired() -> None:
    text = "Năm 2041, số sinh viên nhập học khoa Lâm học là 95 nhưng chỉ tiêu chỉ là 30."
    assert [(s.actual, s.target) for s in find(text)] == [(95, 30)]


PLAN = "Năm 2041, kế hoạch doanh số tăng khoảng 9% lên gần 870 tỷ đồng"


def test_a_contribution_to_a_plan_is_no_result_against_it() -> None:
    text = PLAN + ", với đóng góp chính từ chi nhánh Bắc Hà ước đạt 240 tỷ đồng."
    assert [s for s in find(text) if s.actual is not None] == []


def test_a_result_after_a_plan_with_a_contribution_as_an_aside_stays_paired() -> None:
    # the company's own result, the contribution an aside closed by a comma before it
    text = (
        "Năm 2041, kế hoạch doanh số là 870 tỷ đồng, với đóng góp của khối bán lẻ, công ty đạt"
        " 905 tỷ đồng."
    )
    (s,) = find(text)
    assert (s.actual, s.target) == (Decimal("905e9"), Decimal("870e9"))


MASTERS = (
    "Năm 2041, tổng chỉ tiêu đào tạo nghề nông nghiệp của tỉnh ở các trung tâm là 1.500. Đến"
    " hết năm, các trung tâm mới tuyển được 600 chỉ tiêu (chiếm 40% "
)


def test_a_share_of_the_whole_quota_is_its_attainment() -> None:
    (s,) = find(MASTERS + "tổng chỉ tiêu).")
    assert (s.actual, s.target, s.stated_kind, s.verdict) == (
        600,
        1500,
        "attainment",
        "consistent",
    )


def test_a_share_of_something_else_takes_no_quota() -> None:
    (s,) = find(MASTERS + "số hồ sơ nộp vào).")
    assert s.target is None and s.stated_kind != "attainment"
