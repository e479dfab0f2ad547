"""Round 11 of the extraction rules (issue 17): the wrong claims and the misses of batch
``2026-12-04a``, each as a general rule of report wording, tested on invented text (never the
evaluation set's)."""

from __future__ import annotations

from decimal import Decimal

from reading import claims, find, money_claims

BILLION = Decimal(10) ** 9


def test_a_figure_reached_in_an_area_assigned_is_a_result() -> None:
    # "được giao" names the area, "đạt" the figure reached: no target to set a part against
    text = (
        "Tổng kim ngạch xuất nhập khẩu toàn địa bàn được giao đạt 12,3 tỷ USD, tăng 4,1% so "
        "với năm 2024; kim ngạch có thuế đạt 6,2 tỷ USD."
    )
    assert money_claims(text) == []
    [growth] = [s for s in find(text, money=True) if s.stated_kind == "growth"]
    assert growth.actual == Decimal("12.3") * BILLION


def test_a_plan_assigned_then_reached_stays_a_target() -> None:
    text = "Tỉnh được giao kế hoạch đạt 150 tỷ đồng thu ngân sách; kết quả thu được 171 tỷ đồng."
    [s] = money_claims(text)
    assert (s.actual, s.target) == (171 * BILLION, 150 * BILLION)


def test_a_day_after_the_time_of_day_is_no_fraction() -> None:
    text = "Chiều 15/10, huyện Tân Phú tổng kết; lũy kế đến sáng 30/12 thu được gần 781 tỷ đồng."
    assert claims(text) == []
    assert claims("Năm 2025, huyện Tân Phú kết nạp 12/10 đảng viên.")[0].actual == 12
