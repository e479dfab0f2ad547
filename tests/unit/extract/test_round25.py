"""Round 25 of the extraction rules (issue 17): a yearly duty read as a target, the whole of a
place joined with its named committee's target, a bare attainment after the count it is of,
and a year's plan written as a range — each as a general rule of report wording, tested on
invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find


def _read(text: str) -> list[tuple[object, object, str | None]]:
    """(actual, target, unit) of every statement of ``text``, money read."""
    return [(s.actual, s.target, s.unit) for s in find(text, money=True)]


# ------------------------------------------------- a duty each year, then the whole's result


def _duty_then_result(whole: str) -> str:
    return (
        "Hằng năm, Đảng bộ xã Tân Lập phải kết nạp từ 60 đảng viên trở lên. Sau bảy tháng, "
        f"{whole} đã kết nạp 25 đảng viên."
    )


def test_a_yearly_duty_is_a_target_joined_with_the_whole_of_that_place() -> None:
    assert _read(_duty_then_result("toàn xã")) == [(Decimal(25), Decimal(60), "toàn xã")]


def test_the_whole_of_another_kind_of_place_takes_no_such_target() -> None:
    assert _read(_duty_then_result("toàn tỉnh")) == [
        (None, Decimal(60), "Đảng bộ xã Tân Lập"),
        (Decimal(25), None, "toàn tỉnh"),
    ]


def test_a_cost_borne_is_no_yearly_duty() -> None:
    text = "Năm qua, hợp tác xã phải chi 3 tỷ đồng để sửa đường, đạt 75% kế hoạch."
    assert [(a, t) for a, t, _ in _read(text)] == [(3 * Decimal(10) ** 9, None)]


# ------------------------------------------------ a bare attainment after the count it is of


def _attainment(text: str, kind: str = "attainment") -> list[tuple[object, object, object, object]]:
    """(actual, target, stated percent, implied target) of the statements of ``text`` whose
    percentage is of ``kind`` (attainments by default)."""
    return [
        (s.actual, s.target, s.stated_percent, s.implied_target)
        for s in find(text, money=True)
        if s.stated_kind == kind
    ]


def _count_then_percent(plan: str, between: str = "") -> str:
    return (
        f"Trong năm, chi bộ thôn Đông kết nạp 12 quần chúng ưu tú vào Đảng.{between} "
        f"Với kết quả này, xã Tân Lập hoàn thành 80% {plan}."
    )


def test_a_bare_attainment_takes_the_count_stated_just_before() -> None:
    assert _attainment(_count_then_percent("chỉ tiêu")) == [
        (Decimal(12), None, Decimal(80), Decimal(15))
    ]


def test_a_plan_named_by_its_measure_takes_no_such_count() -> None:
    assert _attainment(_count_then_percent("chỉ tiêu thu ngân sách")) == [
        (None, None, Decimal(80), None)
    ]


def test_a_count_two_sentences_before_is_not_taken() -> None:
    text = _count_then_percent("chỉ tiêu", " Công tác này được quan tâm.")
    assert _attainment(text) == [(None, None, Decimal(80), None)]


# ------------------------------------------------------- a year's plan written as a range

BILLION = Decimal(10) ** 9


def _months_then_plan(plan: str) -> list[tuple[object, object]]:
    text = (
        "Tính chung 8 tháng năm 2025, thu ngân sách của huyện đạt 700 tỷ đồng, tăng 4% so "
        f"với cùng kỳ.\nNăm 2025, huyện đặt mục tiêu thu ngân sách {plan}."
    )
    return [(a, t) for a, t, _ in _read(text) if a is not None and t is not None]


def test_a_part_year_result_is_set_against_a_plan_range() -> None:
    both = (900 * BILLION, 1000 * BILLION)
    assert _months_then_plan("900-1.000 tỷ đồng") == [(700 * BILLION, both)]
    assert _months_then_plan("từ 900 tỷ đồng đến 1.000 tỷ đồng") == [(700 * BILLION, both)]


def test_a_range_too_wide_or_of_two_scales_is_no_plan() -> None:
    assert _months_then_plan("900-2.000 tỷ đồng") == []
    assert _months_then_plan("từ 900 triệu đồng đến 1.000 tỷ đồng") == []


def test_a_loose_quarter_amount_is_set_against_a_plan_range() -> None:
    text = (
        "Quý I, doanh thu đạt 300 tỷ đồng. Năm nay, công ty đặt mục tiêu doanh thu từ 1.200 "
        "tỷ đồng đến 1.300 tỷ đồng."
    )
    pairs = [(a, t) for a, t, _ in _read(text) if a is not None and t is not None]
    assert pairs == [(300 * BILLION, (1200 * BILLION, 1300 * BILLION))]


# --------------------------------------- abbreviated measures, and a later quarter's result


def _cumulative_then_plan(measure: str, plan: str) -> list[tuple[object, object, object, object]]:
    return _attainment(
        f"Lũy kế 9 tháng, công ty ghi nhận {measure} đạt 700 tỷ đồng. Như vậy, công ty đã "
        f"hoàn thành 70% kế hoạch {plan} năm."
    )


def test_an_abbreviated_measure_is_the_result_of_its_plan() -> None:
    expected = [(700 * BILLION, None, Decimal(70), 1000 * BILLION)]
    assert _cumulative_then_plan("LNST", "lợi nhuận") == expected
    assert _cumulative_then_plan("DTT", "doanh thu") == expected


def test_an_abbreviated_measure_is_not_the_result_of_another_plan() -> None:
    assert _cumulative_then_plan("LNST", "doanh thu") == [(None, None, Decimal(70), None)]


def _quarter_then_percent(quarter: str, period: str = "Như vậy") -> list[object]:
    text = (
        f"Riêng {quarter}, lợi nhuận đạt 300 tỷ đồng, tăng 10% so với cùng kỳ. {period}, công "
        "ty đã hoàn thành 80% kế hoạch lợi nhuận năm."
    )
    return [a for a, _, _, _ in _attainment(text)]


def test_a_quarter_s_result_is_taken_by_a_percentage_of_no_period_or_the_first() -> None:
    assert _quarter_then_percent("quý III") == [300 * BILLION]
    assert _quarter_then_percent("quý I", "Sau 3 tháng") == [300 * BILLION]


def test_a_later_quarter_s_result_is_not_taken_by_a_percentage_of_months_to_date() -> None:
    assert _quarter_then_percent("quý III", "Sau 9 tháng") == [None]


# ------------------------------------------- a percentage whose measure is named before it


def _year_then_excess(amounts: str, measure: str) -> list[object]:
    text = (
        f"Năm qua, xí nghiệp mang về {amounts}. Trong khi doanh thu đi ngang, {measure} vượt "
        "20% kế hoạch năm."
    )
    return [a for a, _, _, _ in _attainment(text, "excess")]


def test_an_excess_takes_the_amount_its_measure_names_right_after() -> None:
    both = "900 tỷ đồng doanh thu thuần cùng 80 tỷ đồng lợi nhuận sau thuế"
    assert _year_then_excess(both, "lãi sau thuế") == [80 * BILLION]
    assert _year_then_excess(both, "lợi nhuận") == [80 * BILLION]


def test_an_excess_takes_no_amount_of_another_kind_or_measure() -> None:
    gross = "900 tỷ đồng doanh thu thuần cùng 80 tỷ đồng lợi nhuận gộp"
    assert _year_then_excess(gross, "lợi nhuận sau thuế") == [None]
    assert _year_then_excess("80 tỷ đồng lợi nhuận sau thuế", "xuất khẩu") == [None]


# ------------------------------------------------------- the amount a measure changed to


def _changed_then_percent(measure: str) -> list[object]:
    text = (
        f"Nửa đầu năm, {measure} của xưởng giảm 25%, còn 50 tỷ đồng. Như vậy, xưởng mới hoàn "
        "thành 40% kế hoạch lợi nhuận năm."
    )
    return [a for a, _, _, _ in _attainment(text)]


def test_the_amount_a_measure_changed_to_is_its_result() -> None:
    assert _changed_then_percent("lợi nhuận ròng") == [50 * BILLION]


def test_the_amount_another_measure_changed_to_is_not_taken() -> None:
    assert _changed_then_percent("doanh thu") == [None]


# ---------------------------------------- a month's percentage the months' percentage denies


def _month_and_months(month_percent: str, months_plan: str = "kế hoạch năm") -> list[object]:
    text = (
        f"Doanh thu du lịch tháng 5 ước đạt 200 tỷ đồng, bằng {month_percent} kế hoạch năm. "
        f"Tính chung 5 tháng, doanh thu du lịch đạt 800 tỷ đồng, bằng 25,5% {months_plan}."
    )
    return [s.verdict for s in find(text, money=True) if s.stated_kind == "attainment"]


def test_a_month_s_percentage_the_months_deny_is_flagged() -> None:
    assert _month_and_months("25%") == ["inconsistent", "unchecked"]


def test_a_month_s_percentage_the_months_allow_or_of_another_plan_is_not_flagged() -> None:
    assert _month_and_months("6,5%") == ["unchecked", "unchecked"]
    assert _month_and_months("25%", "dự toán") == ["unchecked", "unchecked"]


# ------------------------------------------- members admitted, then a bare attainment


def test_members_admitted_then_a_bare_percentage_is_an_attainment() -> None:
    text = "Năm 2025, Hội Nông dân xã phát triển 120 hội viên mới, đạt 105%."
    assert _attainment(text) == [(Decimal(120), None, Decimal(105), Decimal("114.29"))]


def test_members_counted_then_a_bare_percentage_is_no_attainment() -> None:
    assert _attainment("Năm 2025, Hội Nông dân xã có 1.200 hội viên, đạt 95%.") == []


# ------------------------------------------- a rate set against a target with a margin


def _rates(text: str) -> list[tuple[object, object]]:
    return [(a, t) for a, t, _ in _read(text) if a is not None and t is not None]


def test_a_rate_per_year_compared_with_a_target_is_set_against_it() -> None:
    text = "Tỷ suất sinh lời của quỹ đạt 11%/năm, cao hơn so với mục tiêu 5%."
    assert _rates(text) == [(Decimal(11), Decimal(5))]


def test_a_rate_its_margin_and_target_are_read_when_they_agree() -> None:
    text = "Tỉ lệ hộ nghèo của xã còn 2,5%, thấp hơn {m}% so với mục tiêu 4% của xã."
    assert _rates(text.format(m="1,5")) == [(Decimal("2.5"), Decimal(4))]
    assert _rates(text.format(m="2,5")) == []


# --------------------------------------- an excess of a plan named by its measure before it


def _excess_of_plan(plan: str) -> list[tuple[object, object, object, object]]:
    text = f"Năm 2025, doanh thu của công ty đạt 500 tỷ đồng, vượt {plan} 25%."
    return _attainment(text, "excess")


def test_an_excess_of_a_plan_named_by_its_measure_takes_that_measure_s_result() -> None:
    expected = [(500 * BILLION, None, Decimal(25), 400 * BILLION)]
    assert _excess_of_plan("chỉ tiêu doanh thu") == expected
    assert _excess_of_plan("kế hoạch doanh thu") == expected


def test_an_excess_of_another_measure_s_plan_takes_no_result() -> None:
    assert _excess_of_plan("chỉ tiêu lợi nhuận") == [(None, None, Decimal(25), None)]
