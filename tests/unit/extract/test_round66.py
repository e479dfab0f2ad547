"""Round 66 of the extraction rules (issue 17): each with a positive and a negative case on
invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from reading import find

from kpitools.extract import audit_statements


def _sums_flagged(text: str) -> list[str]:
    audit = audit_statements(find(text))
    flagged = audit.filter(audit["check"] == "sum", audit["verdict"] == "inconsistent")
    return flagged["stated"].to_list()


SECTORS = (
    "Năm 2041, tổng giá trị sản xuất của xã đạt 3.140,5 tỷ đồng, bằng 96,2% kế hoạch. Trong đó "
    "giá trị sản xuất nông nghiệp đạt 1.020,4 tỷ đồng, công nghiệp, xây dựng đạt 1.118,3 tỷ "
    "đồng, thương mại, dịch vụ đạt {} tỷ đồng."
)


def test_the_three_sectors_of_a_gross_output_add_up_to_it() -> None:
    assert _sums_flagged(SECTORS.format("995,8")) == ["3.140,5 tỷ đồng"]
    assert _sums_flagged(SECTORS.format("1.001,8")) == []


def test_the_three_sectors_of_a_grdp_need_not_add_up_to_it() -> None:
    grdp = SECTORS.replace("tổng giá trị sản xuất", "GRDP").replace("giá trị sản xuất ", "")
    assert _sums_flagged(grdp.format("995,8")) == []


PLANTED = (
    "Năm 2041, toàn huyện đã trồng được 1.540,6 ha rừng; trong đó, diện tích trồng theo kế "
    "hoạch giao là 410,2 ha, đạt 40,5% kế hoạch; dân tự trồng {} ha."
)


def test_what_is_planted_under_the_plan_and_by_people_adds_up_to_the_whole() -> None:
    assert _sums_flagged(PLANTED.format("1.120,4")) == ["1.540,6"]
    assert _sums_flagged(PLANTED.format("1.130,4")) == []


def test_planting_under_the_plan_and_elsewhere_is_not_every_kind() -> None:
    other = PLANTED.replace("dân tự trồng", "trồng phân tán")
    assert _sums_flagged(other.format("1.120,4")) == []


FLOOR = (
    "Năm 2041, tổng giá trị sản xuất của huyện ước đạt hơn {} tỷ đồng, so cùng kỳ tăng 9,2% "
    "(kế hoạch tăng 7%). Trong đó, công nghiệp - xây dựng ước đạt hơn 2.310 tỷ đồng, so cùng "
    "kỳ tăng 8,1% (kế hoạch tăng 6,5%); thương mại - dịch vụ ước đạt hơn 2.050 tỷ đồng, so "
    "cùng kỳ tăng 11,3% (kế hoạch tăng 9%)."
)


def test_parts_above_the_most_a_whole_over_a_floor_may_be_are_flagged() -> None:
    assert _sums_flagged(FLOOR.format("3.120")) == ["3.120 tỷ đồng"]


def test_parts_within_a_whole_over_a_floor_are_not_flagged() -> None:
    assert _sums_flagged(FLOOR.format("4.359")) == []
    assert _sums_flagged(FLOOR.format("5.120")) == []


GROWTH = (
    "Năm 2041, tổng mức bán lẻ hàng hóa ước đạt 5.133,6 tỷ đồng, tăng {}% so với cùng kỳ năm "
    "trước (9T/2040: 4.177,3 tỷ đồng)."
)


def _growth_verdicts(text: str) -> list[str]:
    audit = audit_statements(find(text))
    return audit.filter(audit["check"] == "growth")["verdict"].to_list()


def test_a_growth_cut_from_a_labelled_base_in_brackets_is_flagged() -> None:
    assert _growth_verdicts(GROWTH.format("22,8")) == ["truncated"]
    assert _growth_verdicts(GROWTH.replace("9T/2040: ", "").format("22,8")) == ["truncated"]


def test_a_growth_rounded_from_a_labelled_base_in_brackets_holds() -> None:
    assert _growth_verdicts(GROWTH.format("22,9")) == ["consistent"]


def test_the_note_of_rounded_kinds_says_they_miss_by_more_than_their_rounding() -> None:
    audit = audit_statements(find(PLANTED.format("1.120,4")))
    (note,) = audit.filter(audit["check"] == "sum")["note"].to_list()
    assert note.startswith("the parts listed are every kind of the whole, yet add up to another")
    assert "counted exactly" not in note


FRACTION_RATE = "Năm 2041, toàn xã có {} hộ, tổ dân phố đạt danh hiệu văn hóa (tỷ lệ {}%)."


def _rate_verdicts(text: str) -> list[str]:
    audit = audit_statements(find(text))
    return audit.filter(audit["check"] == "rate")["verdict"].to_list()


def test_a_rate_right_after_a_fraction_is_checked_against_it() -> None:
    assert _rate_verdicts(FRACTION_RATE.format("4.210/5.390", "78,10")) == ["truncated"]
    assert _rate_verdicts(FRACTION_RATE.format("4.210/5.390", "88,11")) == ["inconsistent"]
    assert _rate_verdicts(FRACTION_RATE.format("4.210/5.390", "78,11")) == ["consistent"]


def test_a_rate_of_its_own_after_a_fraction_or_a_date_is_left_unchecked() -> None:
    own = "Năm 2041, có 9/12 thôn đạt chuẩn văn hóa, tỷ lệ hộ nghèo còn 4,2%."
    assert _rate_verdicts(own) == ["unchecked"]
    date = "Trong quý 4/2041 chi phí bán hàng thấp (tỷ lệ 21,9%) so với doanh thu."
    assert "inconsistent" not in _rate_verdicts(date)


FLOOR_ACTUAL = "Năm 2041, các xã đã trồng mới được trên 1.460/2.000 ha, đạt {}% kế hoạch."


def test_an_attainment_below_what_its_floor_amount_gives_is_inconsistent() -> None:
    (s,) = find(FLOOR_ACTUAL.format("41"))
    assert (s.qualifier, s.verdict) == ("trên", "inconsistent")


def test_an_attainment_a_floor_amount_may_reach_is_left_unchecked() -> None:
    (s,) = find(FLOOR_ACTUAL.format("73"))
    assert s.verdict == "unchecked"
    (s,) = find(FLOOR_ACTUAL.format("41").replace("trên ", "khoảng "))
    assert s.verdict == "unchecked"
