"""Round 87 of the extraction rules (issue 17): each rule with a positive and a negative case
on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find


def _pairs(text: str) -> list[tuple[object, object, object]]:
    return [(s.actual, s.target, s.stated_percent) for s in find(text) if s.actual is not None]


GIVEN_CAPITAL_PAID_OUT = (
    "Năm 2041, phần vốn Trung ương giao giải ngân 5.412,7 tỷ đồng, đạt 58,3% kế hoạch; vốn "
    "huyện tự cân đối đã chi 316,4 tỷ đồng, đạt 37% kế hoạch."
)
SUM_GIVEN_TO_PAY_OUT = (
    "Năm 2041, huyện được giao giải ngân 5.412,7 tỷ đồng, đến nay đã giải ngân 316,4 tỷ đồng, "
    "đạt 5,8%."
)


def test_capital_given_then_paid_out_is_a_result_not_a_target() -> None:
    assert _pairs(GIVEN_CAPITAL_PAID_OUT) == [
        (Decimal("5412700000000"), None, Decimal("58.3")),
        (Decimal("316400000000"), None, Decimal(37)),
    ]


def test_a_sum_given_to_pay_out_stays_the_target() -> None:
    assert _pairs(SUM_GIVEN_TO_PAY_OUT) == [
        (Decimal("316400000000"), Decimal("5412700000000"), Decimal("5.8"))
    ]


def _weighed(lead: str) -> str:
    return (
        f"Năm 2041, kim ngạch xuất khẩu hàng thủ công đạt 72,4 triệu USD, {lead} 31,6%, đạt "
        "58,2% kế hoạch năm."
    )


def test_the_plan_after_an_amounts_share_is_the_amounts() -> None:
    for lead in ("chiếm tỷ trọng", "chiếm tỉ trọng khoảng"):
        assert _pairs(_weighed(lead)) == [(Decimal(72400000), None, Decimal("58.2"))]


def test_a_weight_named_as_the_subject_keeps_its_own_attainment() -> None:
    text = (
        "Năm 2041, tỷ trọng hàng thủ công trong kim ngạch xuất khẩu chiếm 31,6%, đạt 98,2% kế "
        "hoạch năm."
    )
    assert (Decimal("31.6"), None, Decimal("98.2")) in _pairs(text)
    assert all(a != Decimal(72400000) for a, _, _ in _pairs(text))


HEADLINE_THEN_PARTS = (
    "Chín tháng năm 2041, huyện đã giải ngân hơn 5.729 tỷ đồng vốn đầu tư công, đạt 57,4% kế "
    "hoạch.\nẢnh minh họa\n{opening}phần vốn Trung ương giao giải ngân 5.612,7 tỷ đồng, đạt "
    "58,3% kế hoạch; vốn huyện tự cân đối đã chi 116,4 tỷ đồng, đạt 37% kế hoạch.\n"
)


def _contradicted(opening: str) -> list[str]:
    text = HEADLINE_THEN_PARTS.format(opening=opening)
    return [s.text for s in find(text) if s.verdict == "inconsistent"]


def test_a_part_after_trong_do_does_not_contradict_the_leads_qualifier() -> None:
    assert _contradicted("Trong đó, ") == []


def test_a_figure_of_the_body_that_is_no_part_still_contradicts_it() -> None:
    assert _contradicted("Cụ thể, ") == ["hơn 5.729 tỷ đồng"]


def _nation_then(rate_sentence: str) -> str:
    return (
        "Hết tháng 10/2041, vốn đầu tư công của cả nước giải ngân được 312.418,3 tỷ đồng, tương "
        "đương 48,2% kế hoạch được giao. Nhiều tỉnh còn chậm so với mức chung.\n\n"
        f"{rate_sentence}"
    )


def _rate_actual(text: str) -> object:
    (s,) = [s for s in find(text) if s.stated_percent == Decimal("73.6")]
    return s.actual


def test_a_places_rate_after_the_nations_result_is_not_the_nations() -> None:
    for place in ("Bắc Hà", "Đông Sơn"):
        text = _nation_then(f"{place} dẫn đầu khu vực với tỷ lệ giải ngân đạt 73,6%.")
        assert _rate_actual(text) is None


def test_a_rate_naming_no_place_still_refers_to_the_result_before() -> None:
    text = _nation_then("Nếu không tính vốn bổ sung, tỷ lệ giải ngân đạt 73,6%.")
    assert _rate_actual(text) == Decimal("312418300000000")


def test_a_plan_named_at_length_before_its_bracketed_figure_is_the_target() -> None:
    text = (
        "Năm 2041, các huyện đã chi 512,4 tỷ đồng cho đường giao thông, bằng 40,1% kế hoạch vốn "
        "năm 2041 Hội đồng nhân dân tỉnh giao cho các huyện miền núi (1.277,8 tỷ đồng)."
    )
    assert _pairs(text) == [(Decimal("512400000000"), Decimal("1277800000000"), Decimal("40.1"))]


def _carried_over(plan: str) -> str:
    return (
        "Đến hết quý III/2041, thành phố bàn giao được 264 căn hộ tái định cư, được 44% chỉ "
        f"tiêu năm 2040 còn lại ({plan} căn hộ)."
    )


def test_a_plan_of_a_year_carried_over_in_brackets_is_the_target() -> None:
    for plan in ("gần 600", "600"):
        assert _pairs(_carried_over(plan)) == [(Decimal(264), Decimal(600), Decimal(44))]


def test_a_carried_over_plan_the_percentage_does_not_fit_is_not_linked() -> None:
    assert _pairs(_carried_over("gần 900")) == [(Decimal(264), None, Decimal(44))]


def _with_bracket(bracket: str) -> str:
    return (
        "Sáu tháng đầu năm 2041, phí tham quan thu 77 tỷ đồng, được 58% kế hoạch "
        f"({bracket} bằng 64% kế hoạch)."
    )


def test_a_past_periods_percentage_in_brackets_is_not_the_results() -> None:
    for bracket in ("so với cùng kỳ", "cùng kỳ năm 2040"):
        assert _pairs(_with_bracket(bracket)) == [(Decimal("77000000000"), None, Decimal(58))]


def test_a_second_percentage_of_the_result_stays_its_twin() -> None:
    text = "Sáu tháng đầu năm 2041, phí tham quan thu 77 tỷ đồng, được 58% kế hoạch, 64% dự toán."
    assert (Decimal("77000000000"), None, Decimal(64)) in _pairs(text)


def test_a_level_beaten_and_set_out_after_it_is_the_target() -> None:
    text = "Hết vụ đông 2041, nông dân xã trồng 930 ha ngô, vượt mức 800 ha huyện giao."
    assert _pairs(text) == [(Decimal(930), Decimal(800), None)]


def test_an_amount_over_the_plan_with_nothing_set_out_stays_the_excess() -> None:
    text = "Hết vụ đông 2041, nông dân xã trồng 890 ha ngô, vượt mức kế hoạch 90 ha."
    (s,) = find(text)
    assert (s.stated_kind, s.target) == ("excess_count", Decimal(800))


def _change_after(opening: str) -> str:
    return (
        "Năm 2041, các xã đã trả 417,5 nghìn tỷ đồng tiền vốn. "
        f"{opening}, số vốn đã trả tăng 53,5 nghìn tỷ đồng, bằng 61,8% kế hoạch vốn (kế hoạch "
        "675,6 nghìn tỷ đồng)."
    )


def test_a_change_after_a_past_period_named_first_is_no_result() -> None:
    for opening in ("So với cùng kỳ năm 2040", "So với năm trước"):
        assert all(a != Decimal("53500000000000") for a, _, _ in _pairs(_change_after(opening)))


def test_an_amount_after_tang_with_no_past_period_keeps_its_reading() -> None:
    assert (Decimal("53500000000000"), Decimal("675600000000000"), Decimal("61.8")) in _pairs(
        _change_after("Theo báo cáo")
    )


def test_a_threshold_in_a_rates_name_is_no_result() -> None:
    text = (
        "Năm 2041, tỉ lệ thôn có từ 3 tổ an ninh trở lên là 74%, tăng 9% so với năm trước và "
        "đạt 104% kế hoạch."
    )
    assert all(a != Decimal(3) for a, _, _ in _pairs(text))


def test_an_amount_after_tu_outside_a_rates_name_keeps_its_reading() -> None:
    text = "Năm 2041, tỉ lệ thôn có tổ an ninh là 74%, từ 300 tổ đạt 48% kế hoạch."
    assert _pairs(text) == [(Decimal(300), None, Decimal(48))]


def _exports(part: str, share: str) -> str:
    return (
        "Năm 2041, doanh thu du lịch của tỉnh đạt hơn 512 triệu USD, tăng 4,1% so với năm "
        f"trước. Trong đó, doanh thu lưu trú {part} triệu USD, tăng 2,2% so với năm trước, chiếm "
        f"{share}% trong tổng doanh thu du lịch; ăn uống hơn 193 triệu USD, tăng 6,8% so với năm "
        "trước và chiếm 37,73% trong tổng doanh thu du lịch; vận chuyển hơn 1 triệu USD, chiếm "
        "0,2% trong tổng doanh thu du lịch."
    )


def _share_verdict(text: str) -> str | None:
    (s,) = [s for s in find(text) if s.stated_kind == "share" and s.actual == Decimal(318000000)]
    return s.verdict


def test_a_share_keeps_its_amounts_qualifier_against_the_whole() -> None:
    assert _share_verdict(_exports("hơn 318", "62,27")) != "inconsistent"


def test_a_share_its_qualified_amount_cannot_give_is_still_flagged() -> None:
    assert _share_verdict(_exports("hơn 318", "64,9")) == "inconsistent"
    assert _share_verdict(_exports("318", "62,27")) == "inconsistent"


def _nearly(result: str) -> list[str | None]:
    text = (
        f"Hết năm 2041, kho dự trữ có chừng {result} triệu tấn thóc, gần đạt kế hoạch 7,1 "
        "triệu tấn."
    )
    return [s.verdict for s in find(text) if s.target is not None]


def test_a_target_said_nearly_reached_that_the_result_is_above_is_flagged() -> None:
    assert _nearly("7,3") == ["inconsistent"]


def test_a_target_nearly_reached_below_it_or_within_rounding_is_not_flagged() -> None:
    # 7,2 is above 7,1 by more than 1 %, but 7,15 (less half its last digit) is not
    for result in ("7,0", "7,16", "7,2"):
        assert "inconsistent" not in _nearly(result), result


def test_a_percentage_of_a_plan_said_closely_approached_is_the_results() -> None:
    text = "Năm 2041, hợp tác xã rau an toàn có 29 tổ viên, tiến sát mốc 70% chỉ tiêu huyện đề ra."
    assert _pairs(text) == [(Decimal(29), None, Decimal(70))]


def test_a_share_of_the_population_closely_approached_is_no_attainment() -> None:
    text = "Năm 2041, số hộ dùng nước sạch đạt 3.100 hộ, tiến sát mốc 60% dân số."
    assert all(s.stated_kind != "attainment" for s in find(text))


def _bracketed_fraction(done: str) -> list[tuple[object, object, object, str | None]]:
    text = f"Đến hết tháng 10/2041, xã mới thu được 63% ({done}/3.270 triệu đồng) tiền phí vệ sinh."
    return [(s.actual, s.target, s.stated_percent, s.verdict) for s in find(text) if s.target]


def test_a_fraction_right_after_a_percentage_it_does_not_give_is_its_evidence_flagged() -> None:
    assert _bracketed_fraction("2.140") == [
        (Decimal(2140), Decimal(3270), Decimal(63), "inconsistent")
    ]


def test_a_fraction_far_from_the_percentage_is_not_joined_to_it() -> None:
    assert all(p is None for _, _, p, _ in _bracketed_fraction("1.140"))


def test_a_near_fraction_after_the_plans_words_is_not_joined_to_it() -> None:
    text = "Đến hết tháng 10/2041, xã mới thu được 63% kế hoạch thu phí (2.140/3.270 triệu đồng)."
    assert all(s.stated_percent is None for s in find(text) if s.target == Decimal(3270))


def test_a_plan_after_a_named_rate_and_its_rise_is_the_rates() -> None:
    text = "Năm 2041, tỉ lệ bản có nhà văn hoá là 88%, tăng 6% và đạt khoảng 97% kế hoạch."
    assert (Decimal(88), None, Decimal(97)) in _pairs(text)


def test_a_plan_after_a_percentage_not_named_a_rate_and_a_rise_is_not_given_to_it() -> None:
    text = "Năm 2041, sản lượng chè búp của xã là 88%, tăng 6% và đạt khoảng 97% kế hoạch."
    assert all(a != Decimal(88) for a, _, _ in _pairs(text))
