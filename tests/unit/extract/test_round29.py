"""Round 29 of the extraction rules (issue 17): a fraction of things counted against their
total is a coverage, no result against a target; … — each a general rule of report
wording, tested on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reading import find

from kpitools.extract import Statement


def claims(text: str) -> list[Statement]:
    """The statements of ``text`` a user reads as target-versus-result claims (a support)."""
    return [s for s in find(text, money=True) if s.support is not None]


# ------------------------------------- things counted against their total are a coverage


@pytest.mark.parametrize(
    "text",
    [
        "Năm 2022, phường đã hoàn thành 17/21 chỉ tiêu.",
        "Đến nay xã Hòa Bình đạt 13/19 tiêu chí nông thôn mới.",
        "Toàn xã có 7/7 thôn đạt danh hiệu thôn văn hóa.",
        "Huyện có 4/4 làng được công nhận làng nghề.",
        "Có 6/8 xã đạt chuẩn quốc gia về y tế.",
        "Đã có 27/31 chỉ tiêu chủ yếu hoàn thành và vượt kế hoạch.",
        "Có 12/14 khu phố, tổ dân phố đạt chuẩn.",
        "Huyện hoàn thành 16/20 chỉ tiêu, đạt 80%.",
    ],
)
def test_a_fraction_of_things_counted_is_a_coverage_not_a_claim(text: str) -> None:
    assert claims(text) == []
    # read as a coverage (the whole kept as its target), or not at all
    assert all(s.stated_kind == "coverage" and s.support is None for s in find(text))
    assert any(s.stated_kind == "coverage" for s in find(text)) or text.startswith("Có 6/8")


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Nhiệm kỳ qua, huyện kết nạp được 96/100 đảng viên, đạt 96%.", (96, 100)),
        ("Toàn thành phố kết nạp 612/540 đảng viên.", (612, 540)),
        ("Năm nay kết nạp 31/40, đạt 77,5% kế hoạch.", (31, 40)),
        ("Thành lập mới 3/4 chi bộ trong doanh nghiệp.", (3, 4)),
    ],
)
def test_a_count_of_people_or_results_against_its_target_stays_a_pair(
    text: str, pair: tuple[int, int]
) -> None:
    [s] = claims(text)
    assert (s.actual, s.target) == tuple(Decimal(v) for v in pair)


def test_a_part_larger_than_its_whole_is_no_coverage() -> None:
    # more than the whole cannot be counted out of it: a result against its target
    [s] = claims("Kết quả đạt 9/8 chỉ tiêu.")
    assert s.stated_kind != "coverage"


_THINGS = ["chỉ tiêu", "tiêu chí", "thôn", "làng", "ấp", "xã", "phường", "chi bộ", "trường"]
_PEOPLE = ["đảng viên", "hội viên", "đoàn viên"]


@settings(derandomize=True, deadline=None, max_examples=40)
@given(
    whole=st.integers(min_value=2, max_value=60),
    data=st.data(),
    thing=st.sampled_from(_THINGS),
    people=st.sampled_from(_PEOPLE),
)
def test_family_things_against_their_total_and_people_against_a_target(
    whole: int, data: st.DataObject, thing: str, people: str
) -> None:
    part = data.draw(st.integers(min_value=1, max_value=whole))
    assert claims(f"Đến cuối năm, huyện có {part}/{whole} {thing} đạt chuẩn.") == []
    [s] = claims(f"Trong năm, huyện kết nạp {part}/{whole} {people} mới.")
    assert (s.actual, s.target) == (Decimal(part), Decimal(whole))


# ------------------------------ a plan met said of indicators is no percentage's plan after


def test_a_plan_exceeded_said_of_indicators_counted_flags_no_rate_after_it() -> None:
    text = (
        "Cả năm, thị xã hoàn thành 21/23 chỉ tiêu đạt và vượt kế hoạch đề ra, nhờ đó tăng "
        "trưởng kinh tế đạt 5,82%."
    )
    assert all(s.verdict != "inconsistent" for s in find(text, money=True))


def test_a_plan_exceeded_said_of_the_result_still_flags_an_attainment_under_100() -> None:
    [s] = find("Thu ngân sách đạt 420 tỷ đồng, vượt kế hoạch năm, đạt 93%.", money=True)
    assert s.verdict == "inconsistent"


# --------------------------------- a fraction takes the one of two plans' percentages it gives


def test_a_fraction_takes_the_percentage_of_the_plan_it_gives() -> None:
    text = (
        "Năm 2022, thu ngân sách của thị trấn được 31.200/26.000 triệu đồng, đạt 156% kế "
        "hoạch tỉnh giao và đạt 120% kế hoạch thị trấn."
    )
    [pair, other] = find(text, money=True)
    assert (pair.actual, pair.target, pair.stated_percent) == (
        Decimal(31200),
        Decimal(26000),
        Decimal(120),
    )
    assert pair.verdict == "consistent"
    assert (other.actual, other.target, other.stated_percent) == (Decimal(31200), None, 156)


def test_a_fraction_whose_first_percentage_fits_keeps_it() -> None:
    text = (
        "Năm 2022, thu ngân sách của thị trấn được 31.200/26.000 triệu đồng, đạt 120% kế "
        "hoạch thị trấn và đạt 156% kế hoạch tỉnh giao."
    )
    [pair, _] = find(text, money=True)
    assert (pair.stated_percent, pair.verdict) == (Decimal(120), "consistent")


# ----------------------------------------------- a growth restated as an amount is no result


def test_a_growth_restated_as_the_amount_added_takes_no_attainment() -> None:
    text = (
        "Cả năm, tổng công ty thu về 6.300 tỷ đồng doanh thu, cao hơn năm trước 8%, tương "
        "đương tăng 467 tỷ đồng, đạt 105% kế hoạch."
    )
    actuals = {s.actual for s in find(text, money=True) if s.stated_kind == "attainment"}
    assert actuals == {Decimal(6300) * 10**9}


def test_an_increase_with_no_restatement_is_still_read() -> None:
    text = "Cả năm, tổng công ty thu về 6.300 tỷ đồng doanh thu, đạt 105% kế hoạch."
    [s] = find(text, money=True)
    assert (s.actual, s.stated_percent) == (Decimal(6300) * 10**9, Decimal(105))


# ------------------------------------------- the level a plan changes to is no result


def test_the_level_a_plan_is_cut_to_is_no_result_of_its_percentage() -> None:
    text = (
        "Kế hoạch lãi trước thuế năm nay giảm 12%, còn 2.200 tỷ đồng. Quý đầu, lãi trước thuế "
        "tăng 30%. Như vậy, công ty mới làm được khoảng 30% kế hoạch lãi cả năm."
    )
    assert all(s.actual != Decimal(2200) * 10**9 for s in find(text, money=True))


def test_the_level_a_result_is_cut_to_is_still_its_result() -> None:
    text = (
        "Lãi trước thuế năm 2024 giảm 12%, còn 2.200 tỷ đồng. Như vậy, công ty làm được 95% kế "
        "hoạch lãi cả năm."
    )
    assert any(s.actual == Decimal(2200) * 10**9 for s in find(text, money=True))


# -------------------------------------- a plan set out after "vượt chỉ tiêu" is that plan


def test_a_plan_set_out_after_the_plan_beaten_is_the_target() -> None:
    [s] = find("Năm nay tỉnh xây mới 47 phòng học, vượt chỉ tiêu 45 phòng học đề ra.", money=True)
    assert (s.actual, s.target, s.stated_kind) == (Decimal(47), Decimal(45), None)


def test_a_count_after_the_plan_beaten_with_nothing_set_out_is_the_excess() -> None:
    [s] = find("Xã kết nạp 23 đảng viên, vượt chỉ tiêu 3 đảng viên.", money=True)
    assert (s.actual, s.target, s.stated_kind) == (Decimal(23), Decimal(20), "excess_count")


# ------------------------------------------ billions and millions written as one amount


@settings(derandomize=True, deadline=None, max_examples=30)
@given(
    billions=st.integers(min_value=1, max_value=999),
    millions=st.integers(min_value=1, max_value=999),
)
def test_family_billions_and_millions_are_one_amount(billions: int, millions: int) -> None:
    text = (
        f"Thu ngân sách của huyện sau 9 tháng được {billions} tỷ {millions} triệu đồng, bằng 90% "
        "dự toán."
    )
    [s] = find(text, money=True)
    assert s.actual == Decimal(billions) * 10**9 + Decimal(millions) * 10**6


def test_billions_alone_and_millions_alone_stay_as_they_were() -> None:
    [a] = find("Thu ngân sách đạt 152 tỷ đồng, đạt 90% dự toán.", money=True)
    [b] = find("Thu ngân sách đạt 318 triệu đồng, đạt 90% dự toán.", money=True)
    assert (a.actual, b.actual) == (Decimal(152) * 10**9, Decimal(318) * 10**6)


# ------------------------------------------------- an amount compared with is never a result


def test_an_amount_compared_with_is_no_result_of_a_later_percentage() -> None:
    text = (
        "Lãi ròng cả năm ước đạt 880 tỷ đồng.\n\nSo với mức lãi ròng 390 tỷ đồng của năm 2023, "
        "lãi năm nay tăng hơn gấp đôi. Như vậy, công ty đã vượt 15% kế hoạch lợi nhuận cả năm."
    )
    [s] = find(text, money=True)
    assert (s.actual, s.stated_kind) == (Decimal(880) * 10**9, "excess")  # never the base


def test_loose_wording_after_the_same_period_keeps_its_amount() -> None:
    text = (
        "Nửa đầu năm, doanh thu gần như không đổi so với cùng kỳ 1.730,5 tỷ đồng. Với kết quả "
        "này, công ty đã thực hiện được 45% kế hoạch doanh thu."
    )
    assert any(s.actual == Decimal("1730.5") * 10**9 for s in find(text, money=True))


# --------------------------------------- a period named before a count is no other figure


@pytest.mark.parametrize("period", ["9 tháng đầu năm", "Trong 6 tháng", "Sau 3 quý"])
def test_a_count_after_a_period_keeps_its_percentage_no_whole_plan_gives(period: str) -> None:
    text = f"{period}, các chi bộ đã kết nạp được 47 đảng viên, vượt 12,35% so với chỉ tiêu."
    [s] = find(text, money=True)
    assert (s.actual, s.verdict) == (Decimal(47), "inconsistent")


def test_a_count_after_another_figure_of_its_clause_still_loses_it() -> None:
    [s] = find("Khoan được 9.100 m, hoàn thành 5 giếng (đạt 118,6% kế hoạch).", money=True)
    assert s.actual is None
