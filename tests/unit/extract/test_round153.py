"""Round 153: a plan set for another part of the year is not the plan of a result's percentage.

Invented sentences (other wording, figures, measures and units than the evaluation passages):
a result of one month or half year with its percentage of a plan, then the plan of the next
month or of the rest of the year (``Trong tháng 6, … phấn đấu …``, ``Trong 6 tháng cuối năm,
… phấn đấu …``). That plan is not linked as the result's target; when it is itself said to be
a share of the same year's plan (``tương ứng 10,3% kế hoạch năm``), the year's plan it gives
checks the result's percentage. Near-misses: the year's plan written after a part of the year
(``…, phấn đấu năm 2041 …``, ``kế hoạch cả năm``) is still linked, and a percentage that fits
the year's plan the other part's plan gives is not flagged.

Also: a percentage after two counts of different words (``bắt giữ 31 vụ, 140 đối tượng (vượt
15% chỉ tiêu)``) is no claim, the text not saying which count the plan is of; a count after a
year, a date or ``có`` (what a unit has) is none of the two.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from reading import claim_set, find, none_reads

B = Decimal(10) ** 9


def _verdicts(text: str) -> list[str | None]:
    return [s.verdict for s in find(text, money=True) if s.actual is not None and s.stated]


def test_the_next_months_plan_is_not_the_target_of_this_months_result() -> None:
    text = (
        "Công ty A cho biết đã khai thác được 1.520,4 tấn chè búp tươi (tương ứng 9,8% kế "
        "hoạch năm) trong tháng 5 vừa qua. Trong tháng 6/2041, công ty phấn đấu khai thác "
        "1.600 tấn chè búp tươi."
    )
    assert claim_set(text) == {(Decimal("1520.4"), None, Decimal("9.8"), "attainment")}


def test_the_rest_of_the_years_plan_is_not_the_target_of_the_half_years_result() -> None:
    text = (
        "Trong 6 tháng đầu năm, tổng dư nợ của Ngân hàng huyện B đã thực hiện đạt trên 220 tỷ "
        "đồng, đạt 100% kế hoạch, tăng 9 tỷ đồng so với cùng kỳ năm trước. Trong 6 tháng cuối "
        "năm, Ngân hàng huyện B phấn đấu tổng dư nợ cho vay đạt trên 228 tỷ đồng."
    )
    assert claim_set(text) == {(220 * B, None, 100, "attainment")}


def test_a_plan_named_the_years_after_a_part_of_the_year_is_still_linked() -> None:
    year = (
        "Trong 6 tháng đầu năm, tổng dư nợ của Ngân hàng huyện B đã thực hiện đạt trên 220 tỷ "
        "đồng, đạt 100% kế hoạch. Năm nay, Ngân hàng huyện B phấn đấu tổng dư nợ cho vay đạt "
        "trên 228 tỷ đồng."
    )
    assert (220 * B, 228 * B, 100, "attainment") in claim_set(year)
    after_part = (
        "Trong 6 tháng đầu năm 2041, kim ngạch xuất khẩu của tỉnh ước đạt 420 triệu USD, đạt "
        "70% kế hoạch. Dự kiến 6 tháng cuối năm, kim ngạch xuất khẩu ước đạt 180 triệu USD, "
        "phấn đấu năm 2041 kim ngạch xuất khẩu đạt 600 triệu USD."
    )
    assert (420 * 10**6, 600 * 10**6, 70, "attainment") in claim_set(after_part)


def test_another_parts_plan_said_to_be_a_share_of_the_years_plan_checks_the_result() -> None:
    text = (
        "Công ty A cho biết đã khai thác được 1.520,4 tấn chè búp tươi (tương ứng 9,3% kế "
        "hoạch năm) trong tháng 5 vừa qua. Trong tháng 6/2041, công ty phấn đấu khai thác "
        "1.600 tấn chè búp tươi (tương ứng 10,3% kế hoạch năm)."
    )
    assert _verdicts(text) == ["inconsistent"]
    assert claim_set(text) == {(Decimal("1520.4"), None, Decimal("9.3"), "attainment")}


def _vn(x: Decimal | int) -> str:
    """``x`` written the Vietnamese way: points between thousands, a comma before decimals."""
    whole, _, frac = f"{x:,}".partition(".")
    return whole.replace(",", ".") + ("," + frac if frac else "")


@settings(max_examples=25, deadline=None)
@given(thousands=st.integers(min_value=2, max_value=90), share=st.integers(50, 120))
def test_a_result_that_fits_the_year_plan_the_other_part_gives_is_not_flagged(
    thousands: int, share: int
) -> None:
    plan = 1000 * thousands
    month, goal = thousands * share, thousands * (share + 7)  # 5 % to 12,7 % of the plan
    p_month = round(Decimal(100 * month) / plan, 2)
    p_goal = round(Decimal(100 * goal) / plan, 2)
    text = (
        f"Công ty A cho biết đã khai thác được {_vn(month)} tấn chè búp tươi (tương ứng "
        f"{_vn(p_month)}% kế hoạch năm) trong tháng 5 vừa qua. Trong tháng 6/2041, công ty "
        f"phấn đấu khai thác {_vn(goal)} tấn chè búp tươi (tương ứng {_vn(p_goal)}% kế hoạch "
        "năm)."
    )
    assert "inconsistent" not in _verdicts(text), text


def test_a_percentage_after_two_counts_of_different_words_is_no_claim() -> None:
    none_reads(
        "Trong năm 2041, phòng cảnh sát đã phát hiện, bắt giữ 31 vụ, 140 đối tượng (vượt 15% "
        "chỉ tiêu công tác năm).",
        "Công tác tuyên truyền được 4.210 cuộc có 65.300 lượt người dự (đạt 110% chỉ tiêu "
        "Nghị quyết).",
    )


def test_a_year_a_date_or_what_a_unit_has_is_no_first_count() -> None:
    cases = {
        "Năm 2041 toàn huyện có 2.840 lao động có việc làm ổn định (đạt 101,5% kế hoạch).": (
            2840,
            Decimal("101.5"),
            "attainment",
        ),
        "Tính đến ngày 15-8, toàn tỉnh đã có 92.400 hộ kinh doanh hoàn thành kê khai, đạt "
        "81,2% kế hoạch.": (92400, Decimal("81.2"), "attainment"),
        "Xã B có 3 thôn, 420 hộ tham gia mô hình, đạt 105% kế hoạch.": (420, 105, "attainment"),
        "Huyện đã kết nạp 120 đảng viên, đạt 105% chỉ tiêu.": (120, 105, "attainment"),
    }
    for text, (actual, percent, kind) in cases.items():
        assert claim_set(text) == {(actual, None, percent, kind)}, text
