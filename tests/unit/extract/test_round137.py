"""Round 137 of the extraction rules (issue 17): a percentage of a period given to an amount
of a shorter one, last year's result set against this year's target, and a plan written with
its verb after the percentage of it (``mục tiêu đón …``), on invented text (never the
evaluation set's figures or sentences)."""

from __future__ import annotations

from reading import find


def _read(text: str) -> list[tuple[object, object, object, object]]:
    """(actual, target, stated percentage, kind) of every statement."""
    return [(s.actual, s.target, s.stated_percent, s.stated_kind) for s in find(text)]


def _percent_of(text: str, percent: int) -> list[tuple[object, object, object, object]]:
    return [r for r in _read(text) if r[2] == percent]


# ------------------------------------------------------------ a percentage of another period


def test_months_percentage_is_not_the_quarters() -> None:
    # the quarter named a paragraph before the amount: was 61,5 billion taking 62 % of 300
    text = (
        "Trong quý III, công ty Minh Long lỗ 4 tỷ đồng.\n\n"
        "Doanh thu của Minh Long đạt 61,5 tỷ đồng, giảm 12% so với cùng kỳ.\n\n"
        "Năm nay, Minh Long đặt kế hoạch doanh thu 300 tỷ đồng. Sau 9 tháng, công ty đã "
        "hoàn thành 62% chỉ tiêu doanh thu."
    )
    assert (61_500_000_000, None, -12, "growth") in _read(text)
    assert _percent_of(text, 62) == []


def test_months_percentage_is_not_the_months() -> None:
    # was 61,5 billion, the month's, taking the ten months' 62 %
    text = (
        "Trong tháng 10, doanh thu của Minh Long đạt 61,5 tỷ đồng, giảm 12% so với cùng kỳ. "
        "Sau 10 tháng, công ty đã hoàn thành 62% kế hoạch doanh thu năm."
    )
    assert _read(text) == [(61_500_000_000, None, -12, "growth")]


def test_back_reference_is_to_the_sentence_right_before() -> None:
    # "Với kết quả này" after the ten months' total: was the month's 0,42 million taking 77 %
    # of 6 million (the ten months' 4,6 is not given it either: left)
    text = (
        "Riêng tháng 10, tỉnh Hòa Bắc đón 0,42 triệu lượt khách quốc tế, tăng 5% so với "
        "cùng kỳ. Tính chung 10 tháng năm 2041, lượng khách quốc tế đến tỉnh đạt 4,6 triệu "
        "lượt, tăng 9%. Với kết quả này, tỉnh đã hoàn thành khoảng 77% mục tiêu đón 6 triệu "
        "lượt khách quốc tế trong năm 2041."
    )
    assert _read(text) == [(420_000, None, 5, "growth"), (4_600_000, None, 9, "growth")]


def test_back_reference_without_a_plan_amount_keeps_the_total() -> None:
    text = (
        "Riêng tháng 10, tỉnh Hòa Bắc đón 0,42 triệu lượt khách quốc tế, tăng 5% so với "
        "cùng kỳ. Tính chung 10 tháng năm 2041, lượng khách quốc tế đến tỉnh đạt 4,6 triệu "
        "lượt, tăng 9%. Với kết quả này, tỉnh đã hoàn thành khoảng 77% mục tiêu năm."
    )
    assert _percent_of(text, 77) == [(4_600_000, None, 77, "attainment")]


# near-misses: these keep their reading


def test_months_total_before_the_months_words_keeps_its_percentage() -> None:
    # a month named between the nine months' words and the amount: the amount is cumulative
    text = (
        "Lũy kế 9 tháng, công ty Minh Long đạt doanh thu 240 tỷ đồng. Riêng tháng 9, công "
        "ty lãi 3 tỷ đồng. Lợi nhuận sau thuế tăng 20% lên 21 tỷ đồng. Năm nay, Minh Long "
        "đặt kế hoạch lợi nhuận sau thuế 30 tỷ đồng. Như vậy, sau 9 tháng, công ty đã hoàn "
        "thành 70% kế hoạch lợi nhuận năm."
    )
    assert _percent_of(text, 70) == [(21_000_000_000, 30_000_000_000, 70, "attainment")]


def test_percentage_naming_no_period_keeps_its_amount() -> None:
    text = (
        "Doanh thu của Minh Long đạt 61,5 tỷ đồng, giảm 12% so với cùng kỳ. Công ty đã hoàn "
        "thành 21% chỉ tiêu doanh thu năm."
    )
    assert _percent_of(text, 21) == [(61_500_000_000, None, 21, "attainment")]


def test_months_amount_with_its_own_percentage() -> None:
    text = (
        "Trong tháng 10, doanh thu du lịch của tỉnh Hòa Bắc đạt 150 tỷ đồng, bằng 8% kế hoạch năm."
    )
    assert _read(text) == [(150_000_000_000, None, 8, "attainment")]


def test_back_reference_right_after_the_months_amount() -> None:
    text = (
        "Riêng tháng 10, tỉnh Hòa Bắc đón 0,42 triệu lượt khách quốc tế, tăng 5% so với "
        "cùng kỳ. Với kết quả này, tỉnh đã hoàn thành 7% mục tiêu năm."
    )
    assert _percent_of(text, 7) == [(420_000, None, 7, "attainment")]


# ------------------------------------------------------- last year's result, this year's aim


def test_last_years_result_is_not_this_years_actual() -> None:
    # was 120 billion set against 200 billion
    for when in ("trong năm nay", "trong năm tới"):
        text = (
            "Chuỗi nhà thuốc Tâm An lãi khoảng 120 tỷ đồng năm 2041 và đặt mục tiêu gần "
            f"200 tỷ đồng {when}."
        )
        assert _read(text) == [(None, 200_000_000_000, None, None)]


def test_this_years_plan_beside_last_years_growth_is_read() -> None:
    text = (
        "Năm 2042, chuỗi nhà thuốc Tâm An đặt mục tiêu lãi 200 tỷ đồng, tăng 60% so với năm 2041."
    )
    assert _read(text) == [(None, 200_000_000_000, 60, "growth")]


def test_result_of_this_year_keeps_its_target() -> None:
    text = (
        "Năm 2042, chuỗi siêu thị Sao Mai ghi nhận doanh thu 820 tỷ đồng trong năm nay, "
        "vượt mục tiêu 800 tỷ đồng."
    )
    assert _read(text) == [(820_000_000_000, 800_000_000_000, None, None)]


# ------------------------------------------------------ the plan's verb after the percentage


def test_plan_with_its_verb_after_the_percentage_is_linked() -> None:
    # was 4,1 million with 70 % and no target
    text = (
        "Trong 9 tháng đầu năm 2041, tỉnh Hòa Bắc đón gần 4,1 triệu lượt khách, tăng 12% "
        "so với cùng kỳ và hoàn thành gần 70% mục tiêu đón 6 triệu lượt trong cả năm."
    )
    assert _percent_of(text, 70) == [(4_100_000, 6_000_000, 70, "attainment")]
