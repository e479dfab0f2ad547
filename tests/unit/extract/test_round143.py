"""Round 143: term targets — a goal set for a later year, a plan named by who set it, a floor
after the copula, a resolution as the subject of its clause — and the units of wards.

Invented sentences (other wording, figures, measures and units than the evaluation passages):
the readings each rule adds, and the readings that must not happen.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st
from reading import find
from reading import money_pairs as _pairs

M = Decimal(10) ** 6
B = Decimal(10) ** 9


def test_a_goal_set_for_a_later_year_is_the_target_of_a_result_compared_with_it() -> None:
    assert _pairs(
        "Năm 2034, thu nhập bình quân đầu người đạt 52 triệu đồng (mục tiêu Nghị quyết đến năm"
        " 2035 đạt 60 triệu đồng)."
    ) == {(52 * M, 60 * M, None, None)}
    assert _pairs(
        "Năm 2034, thu nhập bình quân đầu người đạt 52 triệu đồng (mục tiêu đến năm 2035 là 60"
        " triệu đồng)."
    ) == {(52 * M, 60 * M, None, None)}
    assert _pairs(
        "Xuất khẩu là điểm sáng, ước cả năm 2031 kim ngạch xuất khẩu hơn 3 tỷ USD, vượt xa so với"
        " mục tiêu theo Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX đến năm 2035 là 2,4 tỷ USD."
    ) == {(3 * B, Decimal("2.4") * B, None, None)}
    [s] = find(
        "Năm 2034, sản lượng lúa của huyện đạt 190.000 tấn (mục tiêu Nghị quyết đến năm 2035"
        " đạt 210.000 tấn)."
    )
    assert (s.year, s.target_period) == (2034, "term")


def test_no_pair_with_a_later_goal_the_text_does_not_compare() -> None:
    for text in (
        # a goal of its own clause, after a semicolon
        "Năm 2034, toàn tỉnh đón 5 triệu lượt khách; đến năm 2035 phấn đấu đón 6 triệu lượt khách.",
        # an aim striven for, no word comparing it with the result
        "Năm 2034, toàn tỉnh đón 5 triệu lượt khách, phấn đấu đến năm 2035 đón 6 triệu lượt khách.",
        # the next year's plan
        "Năm 2034, toàn tỉnh đón 5 triệu lượt khách, năm 2035 phấn đấu đón 6 triệu lượt khách.",
        # a goal for a year before the result's
        "Năm 2036, toàn tỉnh đón 5 triệu lượt khách, vượt mục tiêu đến năm 2035 là 4 triệu lượt"
        " khách.",
    ):
        assert _pairs(text) == set(), text


@given(mine=st.integers(2030, 2040), theirs=st.integers(2026, 2045))
def test_a_deadline_pairs_only_a_result_of_its_year_or_before(mine: int, theirs: int) -> None:
    text = (
        f"Năm {mine}, sản lượng lúa của huyện đạt 190.000 tấn (mục tiêu Nghị quyết đến năm"
        f" {theirs} đạt 210.000 tấn)."
    )
    expected = {(Decimal(190000), Decimal(210000), None, None)} if theirs >= mine else set()
    assert _pairs(text) == expected


def test_a_plan_named_by_the_document_or_body_that_set_it() -> None:
    assert _pairs(
        "Năm 2030, tổng thu ngân sách của tỉnh đạt 52.000 tỷ đồng, vượt mục tiêu được Quốc hội"
        " phê duyệt là 48.000 tỷ đồng."
    ) == {(52000 * B, 48000 * B, None, None)}
    assert _pairs(
        "Năm 2022, kim ngạch xuất khẩu ước đạt 2,49 tỷ USD, là năm thứ 2 liên tiếp vượt xa mục"
        " tiêu theo Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIX đến năm 2025 là 1,765 tỷ USD."
    ) == {(Decimal("2.49") * B, Decimal("1.765") * B, None, None)}


def test_a_floor_after_the_target_s_copula() -> None:
    assert _pairs(
        "Năm 2034, có khoảng 12.000 hộ được vay vốn (vượt mục tiêu là ít nhất 10.000 hộ)."
    ) == {(Decimal(12000), Decimal(10000), None, None)}
    assert _pairs(
        "Năm 2034, có khoảng 12.000 hộ được vay vốn, vượt mục tiêu là tối thiểu 10.000 hộ."
    ) == {(Decimal(12000), Decimal(10000), None, None)}
    # no copula: by how much the plan is passed, not the plan
    for text in (
        "Năm 2034, có 12.000 hộ được vay vốn, vượt mục tiêu ít nhất 1.000 hộ.",
        "Năm 2034, có 12.000 hộ được vay vốn, vượt kế hoạch ít nhất 1.000 hộ.",
    ):
        assert _pairs(text) == set(), text


def test_a_resolution_as_the_subject_of_its_clause_sets_the_target() -> None:
    assert _pairs(
        "Tổng sản lượng lúa 5 năm của huyện đạt 1,9 triệu tấn (Nghị quyết đề ra 2,1 triệu tấn)."
    ) == {(Decimal("1.9") * M, Decimal("2.1") * M, None, None)}
    assert _pairs(
        "Giai đoạn 2031-2035, tổng sản lượng lúa của huyện đạt 1,9 triệu tấn (Nghị quyết Đại hội"
        " đề ra 2,1 triệu tấn)."
    ) == {(Decimal("1.9") * M, Decimal("2.1") * M, None, None)}
    # a resolution carried out, no figure of its own
    assert _pairs("Thực hiện nghị quyết đề ra, năm 2034 huyện đạt 1,9 triệu tấn lúa.") == set()


def test_a_rate_s_plan_in_a_clause_of_its_own_after_it() -> None:
    assert _pairs("Năm 2034, giá trị sản xuất tăng 14,2%, nghị quyết đề ra là 12,5%.") == {
        (Decimal("14.2"), Decimal("12.5"), None, None)
    }
    for text in (
        # another year's plan
        "Năm 2034, tỷ lệ che phủ rừng đạt 46%, chỉ tiêu năm 2035 là 50%.",
        # the resolution's aim for a later year, a verb before its figure
        "Năm 2034, tỷ lệ che phủ rừng đạt 46%, nghị quyết đề ra là nâng lên 50% vào năm 2040.",
    ):
        assert _pairs(text) == set(), text


def test_wards_after_2025_resolve_in_ha_noi_and_stay_as_written_elsewhere() -> None:
    """A check of the units (no change of this round): a Hà Nội ward of 2025-07-01 takes its
    registry code; a ward the registry does not hold keeps its name and no code."""
    [s] = find("Năm 2026, Đảng bộ phường Hà Đông kết nạp 45 đảng viên, đạt 112,5% chỉ tiêu.")
    assert (s.unit, s.unit_code, s.actual, s.stated_percent) == (
        "phường Hà Đông",
        "09556",
        Decimal(45),
        Decimal("112.5"),
    )
    [s] = find("Năm 2026, Đảng bộ phường Rạch Giá kết nạp 52 đảng viên, đạt 104% chỉ tiêu.")
    assert s.unit is not None and "Rạch Giá" in s.unit and s.unit_code is None
    rows = find(
        "Năm 2026, một số đảng bộ kết nạp cao so với chỉ tiêu: phường Hà Đông 14/12, xã Sóc Sơn"
        " 9/10, phường Rạch Giá 11/10."
    )
    assert {(s.unit_code, s.actual, s.target) for s in rows} == {
        ("09556", Decimal(14), Decimal(12)),
        ("00376", Decimal(9), Decimal(10)),
        (None, Decimal(11), Decimal(10)),
    }


def test_a_list_under_a_heading_of_results_short_of_their_plans() -> None:
    # "… thấp hơn kế hoạch là:": results set against their plans, not a heading of targets
    assert _pairs(
        "Những địa phương có tổ chức lễ phát động nhưng trồng thực tế thấp hơn kế hoạch là: xã"
        " An Hòa (trồng 120 cây trong chỉ tiêu 2.000 cây), xã Bình Lợi (trồng 340 cây trong chỉ"
        " tiêu 900 cây)."
    ) == {
        (Decimal(120), Decimal(2000), None, None),
        (Decimal(340), Decimal(900), None, None),
    }
    # each item a result, no target
    found = find("Các địa phương có số kết nạp thấp hơn kế hoạch: xã Tân An 12, xã Tân Lập 9.")
    assert [(s.actual, s.target) for s in found] == [(Decimal(12), None), (Decimal(9), None)]
    # a heading that assigns the targets keeps them
    found = find(
        "Năm 2041, Thành ủy giao chỉ tiêu kết nạp đảng viên: phường Hà Đông 50; phường Tây Hồ 30."
    )
    assert [(s.actual, s.target) for s in found] == [(None, Decimal(50)), (None, Decimal(30))]
