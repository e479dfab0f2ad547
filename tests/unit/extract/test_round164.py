"""Round 164: wrong readings of older passes that session 37's reviewers found.

Invented texts (other provinces, firms, schools, measures and years than the evaluation
passages and the reviewers' own).

* A percentage of a budget named by who assigned it (``… kế hoạch Thủ tướng Chính phủ
  giao``) takes the owner's amount only when the amount's sentence names no other year than
  the result's (``link_budget_owners``): last year's plan of the same name is not this year's.
* A sector's or the country's plan in a paragraph above is no plan of a firm's quarter, also
  when the part-year pass hands the plan's sentence start rather than its amount
  (``plans_above.one_firm_above``).
* A bare percentage after a count or an amount is the attainment of a plan set out in an
  earlier sentence only when it is no part of that plan (``Trong đó …``), no finding among
  what it set out (``phát hiện …``) and not of another year (``records._fitting_plans_before``).
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from reading import find

B = Decimal(10) ** 9


def _pairs(text: str) -> set[tuple[object, object]]:
    return {(s.actual, s.target) for s in find(text, money=True) if s.target is not None}


# --------------------------------------------------------------------------- (a) budget owners


def _owned_plan(plan_year: int, result_year: int) -> str:
    return (
        f"Kế hoạch vốn năm {plan_year} được Thủ tướng Chính phủ giao là 6.000 tỷ đồng. "
        f"Năm {result_year}, tỉnh Kon Tum giải ngân 2.700 tỷ đồng, đạt 45% kế hoạch Thủ tướng "
        "Chính phủ giao."
    )


def test_last_year_s_owned_plan_is_no_plan_of_this_year_s_result() -> None:
    assert (2700 * B, 6000 * B) not in _pairs(_owned_plan(2040, 2041))


def test_the_owned_plan_of_the_result_s_year_still_reads() -> None:
    assert (2700 * B, 6000 * B) in _pairs(_owned_plan(2041, 2041))


def test_an_owned_plan_naming_no_year_still_reads() -> None:
    text = (
        "Kế hoạch vốn được Thủ tướng Chính phủ giao là 6.000 tỷ đồng. Năm 2041, tỉnh Kon Tum "
        "giải ngân 2.700 tỷ đồng, đạt 45% kế hoạch Thủ tướng Chính phủ giao."
    )
    assert (2700 * B, 6000 * B) in _pairs(text)


@settings(max_examples=15, deadline=None)
@given(st.integers(2030, 2049), st.integers(1, 5))
def test_an_owned_plan_of_another_year_is_never_read(year: int, back: int) -> None:
    assert (2700 * B, 6000 * B) not in _pairs(_owned_plan(year - back, year))


# --------------------------------------------------------------------------- (b) sector above


def _sector_above(subject: str) -> str:
    return (
        f"Năm 2041, {subject} đặt mục tiêu doanh thu 8.500 tỷ đồng.\nGiá nguyên liệu vẫn cao.\n"
        "Quý II/2041, Công ty Hoàng Long đạt doanh thu 1.900 tỷ đồng, tăng 12% so với cùng kỳ."
    )


def test_a_sector_s_plan_above_is_no_plan_of_a_firm_s_quarter() -> None:
    for subject in ("ngành gỗ", "toàn ngành gỗ", "hiệp hội gỗ"):
        assert (1900 * B, 8500 * B) not in _pairs(_sector_above(subject)), subject


def test_the_firm_s_own_plan_above_still_reads() -> None:
    assert (1900 * B, 8500 * B) in _pairs(_sector_above("công ty"))


def test_a_sector_named_after_the_plan_s_amount_is_no_sector_s_plan() -> None:
    text = (
        "Năm 2041, công ty đặt mục tiêu doanh thu 8.500 tỷ đồng, đứng đầu ngành gỗ.\nGiá "
        "nguyên liệu vẫn cao.\nQuý II/2041, Công ty Hoàng Long đạt doanh thu 1.900 tỷ đồng, "
        "tăng 12% so với cùng kỳ."
    )
    assert (1900 * B, 8500 * B) in _pairs(text)


# --------------------------------------------------------------------------- (e) plan before


def _rows(text: str) -> set[tuple[object, object, object]]:
    return {(s.actual, s.target, s.stated_kind) for s in find(text)}


def test_a_part_of_the_plan_is_not_its_attainment() -> None:
    for lead in ("Theo kế hoạch, năm 2043 học viện sẽ tuyển", "Chỉ tiêu tuyển sinh năm 2043 là"):
        text = f"{lead} 800 sinh viên. Trong đó 240 sinh viên ngành y (30%)."
        assert (240, 800, "attainment") not in _rows(text), lead


def test_a_finding_is_not_the_attainment_of_the_checks_planned() -> None:
    for lead in ("Theo kế hoạch, đoàn thanh tra sẽ kiểm tra", "Chỉ tiêu năm 2043 là kiểm tra"):
        text = f"{lead} 60 cơ sở. Qua kiểm tra, phát hiện 12 cơ sở vi phạm (20%)."
        assert (12, 60, "attainment") not in _rows(text), lead


def test_a_result_of_another_year_is_not_the_plan_s() -> None:
    for plan in (
        "Theo kế hoạch năm 2043, huyện sẽ trồng 500 ha rừng.",
        "Năm 2043, theo kế hoạch huyện sẽ trồng 500 ha rừng.",
    ):
        text = f"{plan} Năm 2042, huyện đã trồng được 350 ha, đạt 70%."
        assert (350, 500, "attainment") not in _rows(text), plan


def test_the_plan_s_own_year_and_its_parts_still_read() -> None:
    same_year = (
        "Theo kế hoạch năm 2043, huyện sẽ trồng 500 ha rừng. Năm 2043, huyện đã trồng được "
        "350 ha, đạt 70%."
    )
    assert (350, 500, "attainment") in _rows(same_year)
    parts = (
        "Kế hoạch vốn năm 2043 là 900 tỷ đồng. Trong đó, vốn tỉnh 300 tỷ đồng. Đến nay đã "
        "giải ngân 540 tỷ đồng, đạt 60%; trong đó, vốn tỉnh giải ngân 150 tỷ đồng, đạt 50%."
    )
    assert {(540 * B, 900 * B), (150 * B, 300 * B)} <= _pairs(parts)


# --------------------------------------------------------------------------- (d) raised plan


def _raised(change: str) -> str:
    return (
        "Năm 2041, công ty đặt kế hoạch doanh thu 1.600 tỷ đồng.\nQuý I/2041, công ty đạt "
        f"doanh thu 420 tỷ đồng, tăng 9% so với cùng kỳ.\nTháng 6/2041, công ty {change}."
    )


def test_a_plan_raised_later_is_no_plan_of_a_result_read_with_no_percentage() -> None:
    for change in (
        "nâng kế hoạch doanh thu lên 2.000 tỷ đồng",
        "điều chỉnh giảm chỉ tiêu doanh thu xuống 1.300 tỷ đồng",
        "nâng kế hoạch lên 2.000 tỷ đồng",
    ):
        assert (420 * B, 1600 * B) not in _pairs(_raised(change)), change


def test_a_plan_of_another_measure_raised_leaves_the_plan() -> None:
    assert (420 * B, 1600 * B) in _pairs(_raised("nâng kế hoạch lợi nhuận lên 200 tỷ đồng"))


def test_the_raised_plan_itself_still_reads() -> None:
    text = (
        "Năm 2041, công ty nâng kế hoạch doanh thu lên 2.000 tỷ đồng.\nQuý III/2041, công ty "
        "đạt doanh thu 520 tỷ đồng, tăng 9% so với cùng kỳ."
    )
    assert (520 * B, 2000 * B) in _pairs(text)


# --------------------------------------------------------------------------- (g) owner


def _owned_by(owner: str, firm: str = "Công ty Hòa Phát Nam") -> str:
    return (
        f"Quý I/2041, {firm} đạt lợi nhuận 90 tỷ đồng, tăng 5% so với cùng kỳ. Năm 2041, kế "
        f"hoạch lợi nhuận 300 tỷ đồng của {owner} được thông qua."
    )


def test_a_plan_of_an_owner_named_in_lower_case_is_not_another_firm_s() -> None:
    for owner in ("tập đoàn mẹ Bình Minh", "công ty Bình Minh", "ngân hàng Bình Minh"):
        assert (90 * B, 300 * B) not in _pairs(_owned_by(owner)), owner


def test_the_result_s_own_firm_s_plan_still_reads() -> None:
    assert (90 * B, 300 * B) in _pairs(_owned_by("tập đoàn mẹ Bình Minh", "Công ty Bình Minh"))
    assert (90 * B, 300 * B) in _pairs(_owned_by("công ty", "công ty"))


# --------------------------------------------------------------------------- (f) respective


_FIGURES = (
    "Năm 2041, Công ty Thành Đạt đặt kế hoạch doanh thu 4.000 tỷ đồng và lợi nhuận 900 tỷ "
    "đồng. 6 tháng đầu năm 2041, công ty đạt doanh thu 1.860 tỷ đồng, lợi nhuận 414 tỷ đồng. "
)


def _respective(lead: str) -> set[tuple[object, object, object]]:
    text = f"{_FIGURES}{lead}, công ty đã hoàn thành lần lượt 46,5% và 46% kế hoạch năm."
    return {
        (s.actual, s.target, s.stated_percent)
        for s in find(text, money=True)
        if s.stated_kind == "attainment"
    }


def test_respective_percentages_of_an_earlier_time_are_not_the_pairs() -> None:
    for lead in ("Cùng kỳ năm 2040", "Năm trước", "Năm 2040"):
        assert not _respective(lead), lead


def test_respective_percentages_of_the_pairs_time_still_read() -> None:
    for lead in ("Như vậy", "Trong 6 tháng đầu năm 2041"):
        assert (1860 * B, 4000 * B, Decimal("46.5")) in _respective(lead), lead
