"""What the review of round 83 found (session 25), each with a case it mends and one it
keeps, on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from reading import find


def _pairs(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.target) for s in find(text, money=True) if s.actual is not None]


# a contribution named as an aside within a result's own clause: the result stands
def test_a_contribution_said_as_an_aside_keeps_the_result() -> None:
    text = (
        "Năm 2041, thị xã thu phí 630 tỷ đồng, với sự đóng góp đáng kể của bến xe, đạt 105%"
        " dự toán 600 tỷ đồng."
    )
    (s,) = find(text, money=True)
    assert (s.stated_kind, s.verdict) == ("attainment", "consistent")
    text = (
        "Năm 2041, doanh số đạt 2.472 tỷ đồng, với đóng góp phần lớn từ khối bán lẻ, vượt 3%"
        " so với kế hoạch 2.400 tỷ đồng."
    )
    (s,) = find(text, money=True)
    assert (s.stated_kind, s.verdict) == ("excess", "consistent")


def test_a_contribution_to_a_plan_in_its_clause_is_still_no_result() -> None:
    text = (
        "Năm 2041, kế hoạch doanh số là 870 tỷ đồng, với đóng góp của chi nhánh Bắc Hà đạt"
        " 240 tỷ đồng."
    )
    assert _pairs(text) == []


# a fraction written as one figure, or a quota's result named as such, is no quota
def test_a_result_of_quotas_written_as_a_fraction_stays_paired() -> None:
    assert _pairs("Năm 2041, số chỉ tiêu hoàn thành là 23/26 chỉ tiêu.") == [(23, 26)]
    assert _pairs("Năm 2041, kết quả thực hiện chỉ tiêu giao quân là 212/190 tân binh.") == [
        (212, 190)
    ]


def test_a_quota_named_then_a_result_against_another_is_still_dropped() -> None:
    text = (
        "Khoa Thủy sản cũng báo số sinh viên nhập học là 120 cao gấp 4 lần so với chỉ tiêu đã"
        " được phê duyệt là 30; có 84 sinh viên nhập học khoa Chăn nuôi nhưng chỉ tiêu chỉ là"
        " 26 gấp hơn 3 lần."
    )
    assert [s for s in find(text) if s.actual == 30] == []


# a rate after a pair is its attainment only of a plan or quota, and only "tỷ lệ X%"
def test_a_rate_after_a_pair_of_no_plan_is_no_attainment() -> None:
    for text in (
        "Năm 2041, đoàn thanh tra phát hiện 18/60 quầy hàng vi phạm (tỷ lệ 30%).",
        "Năm 2041, toàn xã có 210/300 hộ dùng nước sạch, tỷ lệ 70%.",
        "Năm 2041, nhà máy tuyển 210/300 kỹ sư (tỷ lệ nữ 70%).",
    ):
        assert all(s.stated_kind != "attainment" for s in find(text)), text


def test_a_rate_after_a_result_against_a_named_quota_is_still_its_attainment() -> None:
    text = "Năm 2041, chỉ tiêu đào tạo nghề là 960 nhưng chỉ tuyển được 720 học viên (tỷ lệ 75%)."
    (s,) = find(text)
    assert (s.actual, s.target, s.stated_kind, s.verdict) == (720, 960, "attainment", "consistent")


# those admitted and then not enrolled, or admitted in one way only, are no result
def test_those_admitted_but_not_enrolled_are_no_result_against_the_quota() -> None:
    for text in (
        "Năm 2041, học viện tuyển 850 chỉ tiêu, nhưng có 170 thí sinh trúng tuyển không nhập học.",
        "Năm 2041, học viện tuyển 850 chỉ tiêu nhưng có 170 em trúng tuyển thẳng.",
        "Năm 2041, học viện tuyển 850 chỉ tiêu nhưng có 170 thí sinh trúng tuyển chưa nhập học.",
    ):
        assert _pairs(text) == [], text


def test_those_enrolled_after_the_quota_are_still_its_result() -> None:
    text = "Năm 2041, học viện tuyển 850 chỉ tiêu nhưng mới có 610 em nhập học."
    assert _pairs(text) == [(610, 850)]


# a quota named is linked only to a result of what it counts, in its own year, and the
# share of a whole that is not the quota stays a share
def test_a_quota_of_one_measure_is_not_the_plan_of_another() -> None:
    text = "Năm 2041, chỉ tiêu giao quân là 240. Xã đã nạo vét 276 km kênh, đạt 115% chỉ tiêu."
    assert all(s.target is None for s in find(text) if s.actual == 276)


def test_a_quota_of_another_year_is_not_linked() -> None:
    text = (
        "Năm 2040, chỉ tiêu tuyển sinh là 3.200. Năm 2041, số trúng tuyển là 3.680, đạt 115%"
        " chỉ tiêu."
    )
    assert all(s.target is None for s in find(text) if s.actual == 3680)


WHOLE = "Năm 2041, tổng chỉ tiêu đào tạo trình độ tiến sĩ của các viện trên cả nước là 1.400. "


def test_a_share_of_a_larger_whole_or_of_a_part_stays_a_share() -> None:
    for tail in (
        "Viện B tuyển được 560 chỉ tiêu, chiếm 40% tổng chỉ tiêu của cả nước.",
        "Trong đó có 560 nghiên cứu sinh nữ (chiếm 40% tổng chỉ tiêu).",
    ):
        (s,) = [s for s in find(WHOLE + tail) if s.actual == 560]
        assert (s.target, s.stated_kind) == (None, "share"), tail


def test_a_quota_is_still_linked_to_its_own_measure_and_year() -> None:
    text = WHOLE + "Tuy nhiên, các viện chỉ tuyển được 560 chỉ tiêu (chiếm 40% tổng chỉ tiêu)."
    (s,) = [s for s in find(text) if s.actual == 560]
    assert (s.target, s.stated_kind, s.verdict) == (1400, "attainment", "consistent")
    text = (
        "Năm 2041, chỉ tiêu nạo vét kênh là 240 km. Xã đã nạo vét 276 km kênh, đạt 115% chỉ tiêu."
    )
    (s,) = [s for s in find(text) if s.actual == 276]
    assert (s.target, s.verdict) == (240, "consistent")


# "vượt hơn 100%" of a pair not double its target is a claim to check, not one to drop
def test_a_pair_said_above_all_but_not_double_is_flagged() -> None:
    (s,) = find("Năm 2041, hợp tác xã kết nạp 77/40 xã viên, vượt hơn 100% kế hoạch.")
    assert (s.actual, s.target, s.stated_kind, s.verdict) == (77, 40, "excess", "inconsistent")


def test_a_pair_said_above_all_and_double_keeps_no_percentage() -> None:
    (s,) = find("Năm 2041, hợp tác xã kết nạp 83/40 xã viên, vượt hơn 100% kế hoạch.")
    assert (s.actual, s.target, s.stated) == (83, 40, None)


# a plan written approximately, linked within its hedge: not flagged for missing it exactly
APPROX = "Công ty đặt mục tiêu khoảng 5 tỷ kWh trong quý IV."


def test_an_excess_of_a_hedged_plan_within_the_links_hedge_is_not_flagged() -> None:
    text = (
        "Quý IV năm 2041, công ty phát được 5,21 tỷ kWh, vượt 4,6% so với kế hoạch đặt ra. "
        + APPROX
    )
    (s,) = [s for s in find(text, money=True) if s.actual is not None]
    assert (s.target, s.verdict) == (5_000_000_000, "unchecked")


def test_an_excess_of_a_hedged_plan_it_gives_exactly_is_still_consistent() -> None:
    text = (
        "Quý IV năm 2041, công ty phát được 5,2 tỷ kWh, vượt 4% so với kế hoạch đặt ra. " + APPROX
    )
    (s,) = [s for s in find(text, money=True) if s.actual is not None]
    assert (s.target, s.verdict) == (5_000_000_000, "consistent")


# the quotas set against their admissions are looked up, not scanned: each read, in order
def test_quotas_run_together_are_each_read_in_the_order_of_the_text() -> None:
    text = " ".join(
        f"Khoa K{i} tuyển {50 + i} chỉ tiêu nhưng mới có {30 + i} học viên nhập học."
        + (" Xã kết nạp 45/50 hội viên." if i % 3 == 0 else "")
        for i in range(30)
    )
    found = find(text)
    assert [s.start for s in found] == sorted(s.start for s in found)
    quotas = [(s.actual, s.target) for s in found if s.label == "học viên"]
    assert quotas == [(30 + i, 50 + i) for i in range(30)]
    assert len(found) == 30 + 10
