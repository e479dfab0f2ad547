"""Round 124 of the extraction rules (issue 17): the audit in the percentage's own sentence,
on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from reading import audit_rows, find

from kpitools.extract import audit_statements


def _flagged(text: str) -> list[tuple[str, str, float | None]]:
    found = find(text)
    rows = audit_statements(found).to_dicts() if found else []
    return [
        (r["stated"], r["verdict"], r["expected"])
        for r in rows
        if r["verdict"] in ("inconsistent", "truncated")
    ]


# --------------------------------------------------------------------------- fractions before


def test_a_rate_after_a_fraction_past_another_item_s_fraction_isaudit_rows() -> None:
    # 23 of 31 is 74,19 %; the 12/12 is the schools' item, before the semicolon
    text = (
        "Năm 2041, huyện có 12/12 trường đạt chuẩn; 23/31 hợp tác xã được xếp loại khá "
        "trở lên (đạt tỷ lệ 79%)."
    )
    assert audit_rows(text, "rate") == [("79%", "inconsistent", 74.0)]
    assert audit_rows(text.replace("79%", "74,2%"), "rate") == [("74,2%", "consistent", 74.2)]


def test_a_plan_s_percentage_after_a_fraction_of_scaled_amounts_isaudit_rows() -> None:
    # 7,215 of 4,8 (tỷ, no currency written) is 150,31 %
    text = "Năm 2041, quỹ vận động được 7,215 tỷ/4,8 tỷ đạt 162% chỉ tiêu được giao."
    (s,) = find(text)
    assert (s.actual, s.target, s.stated_kind) == (None, None, "attainment")
    assert audit_rows(text, "attainment") == [("162%", "inconsistent", 150.0)]
    kept = text.replace("162%", "150%")
    assert audit_rows(kept, "attainment") == [("150%", "consistent", 150.0)]


def test_a_rate_of_a_part_in_a_whole_named_tong_so_isaudit_rows() -> None:
    # 8.437 of 61.902 ha is 13,63 %; the whole's scope (toàn tỉnh) named before the fraction
    text = (
        "Năm 2041, diện tích cà phê tái canh của toàn tỉnh là 8.437 ha trong tổng số 61.902 ha "
        "cà phê, chiếm 14,1% diện tích cà phê toàn tỉnh."
    )
    assert audit_rows(text, "rate") == [("14,1%", "inconsistent", 13.6)]


def test_a_share_cut_from_the_second_of_two_fractions_is_truncated() -> None:
    # 391 of 1.940 is 20,155 %: 20,2 rounded, 20,1 cut; the whole (1940) reads as a year
    text = (
        "Năm 2040 trường tuyển được 512/1420 chỉ tiêu (chiếm 36,06%), năm 2041 tuyển được "
        "391/1940 chỉ tiêu (chiếm 20,1%)."
    )
    assert audit_rows(text, "share") == [("20,1%", "truncated", 20.2)]


def test_a_fraction_s_whole_read_as_one_figure_is_checked_as_the_fraction() -> None:
    # the draft takes 412 as its result; the percentage is of 318 in 412 (77,18 %)
    text = (
        "Năm 2041, xã đã giải quyết 318 đơn/ tổng số 412 đơn thư khiếu nại theo quy định số 8 "
        "của tỉnh, đạt 81% kế hoạch."
    )
    assert audit_rows(text, "attainment") == [("81%", "inconsistent", 77.0)]


def test_percentages_not_of_the_fraction_before_them_are_not_flagged() -> None:
    for text in (
        # another figure between the fractions and the rate: of either, or both
        "Năm 2041, huyện có 8/9 xã đạt chuẩn, 5/6 trường đạt chuẩn, đạt tỷ lệ 70%.",
        # a whole of another noun, or of a scope the clause does not name
        "Năm 2041, có 12/15 huyện đạt chuẩn nông thôn mới, chiếm 35% tổng diện tích tự nhiên.",
        "Năm 2041, huyện có 23/31 hợp tác xã được xếp loại khá, đạt 86% số hợp tác xã của tỉnh.",
        "Năm 2041, diện tích cà phê tái canh là 8.437 ha trong tổng số 61.902 ha cà phê, "
        "chiếm 14,1% diện tích cà phê toàn tỉnh.",
        # hedged figures
        "Năm 2041, có khoảng 318/412 đơn được giải quyết, đạt 81%.",
        "Năm 2041, có 318/412 đơn được giải quyết, đạt khoảng 81%.",
        # a growth, a rate named by its own noun, another item after a semicolon
        "Năm 2041, xã có 318/412 hộ dùng nước sạch, tăng 12% so với năm 2040.",
        "Năm 2041, xã đã tiêm 318/412 liều, tỷ lệ bao phủ đạt 96%.",
        "Năm 2041, 23/31 xã về đích nông thôn mới; tỷ lệ hộ nghèo còn 3,2%.",
        # another figure between
        "Năm 2041, có 318/412 đơn được giải quyết, trong đó 40 đơn khiếu nại, đạt 81%.",
        # a second plan's percentage after the first: the fraction may be of either
        "Năm 2041, thu ngân sách ước đạt 52.340/47.800 triệu đồng, đạt 141,5% kế hoạch tỉnh "
        "giao và đạt 109,5% kế hoạch huyện.",
        # a period's number and its year
        "Công ty sẽ tạm ứng cổ tức đợt 1/2041 bằng tiền mặt với tỷ lệ 12%.",
    ):
        assert _flagged(text) == [], text


def test_a_cut_is_flagged_unless_the_result_s_own_rounding_gives_the_percentage() -> None:
    # 23,87 of 412,6 is 5,7853 %: 5,8 rounded, 5,7 cut; 23,865 to 23,875 still give 5,8
    text = (
        "Năm 2041, giá trị nộp ngân sách đạt 23,87 tỷ đồng, hoàn thành 5,7% so với kế hoạch "
        "nộp ngân sách 412,6 tỷ đồng."
    )
    assert audit_rows(text, "attainment") == [("5,7%", "truncated", 5.8)]
    # 23,9 of 412,6 is 5,7925 % (5,79), but 23,85 to 23,95 give 5,780 to 5,805: 5,78 fits
    within = text.replace("23,87", "23,9").replace("5,7%", "5,78%")
    assert audit_rows(within, "attainment") == [("5,78%", "unchecked", None)]
    # a fraction's result the same way: 7,43 of 2,1 tỷ is 353,81 %
    fraction = "Năm 2041, quỹ vận động được 7,43 tỷ/2,1 tỷ đạt 353,5% chỉ tiêu được giao."
    assert audit_rows(fraction, "attainment") == [("353,5%", "inconsistent", 353.8)]


# --------------------------------------------------------------------------- a plan after


def test_a_percentage_of_the_plan_named_after_it_with_its_amount_isaudit_rows() -> None:
    # 18,42 of 241,3 tỷ is 7,634 %
    text = (
        "Năm 2041, giá trị nộp ngân sách của công ty mới chỉ đạt 18,42 tỷ đồng, hoàn thành "
        "7,9% so với kế hoạch nộp ngân sách 241,3 tỷ đồng của năm 2041."
    )
    (s,) = [s for s in find(text) if s.stated_kind == "attainment"]
    assert (s.actual, s.target) == (18420000000, None)
    assert audit_rows(text, "attainment") == [("7,9%", "inconsistent", 7.6)]
    # 7,634 % cut to one decimal; 18,415 to 18,425 give 7,632 to 7,636 %, 7,6 rounded: cut
    assert audit_rows(text.replace("7,9%", "7,63%"), "attainment") == [
        ("7,63%", "consistent", 7.63)
    ]
    bracket = text.replace("kế hoạch nộp ngân sách 241,3", "kế hoạch năm (241,3").replace(
        "đồng của năm 2041.", "đồng)."
    )
    assert audit_rows(bracket, "attainment") == [("7,9%", "inconsistent", 7.6)]


def test_a_plan_of_another_measure_or_a_hedged_one_after_the_percentage_is_not_read() -> None:
    for text in (
        "Năm 2041, doanh thu đạt 820 tỷ đồng, hoàn thành 41% kế hoạch lợi nhuận (95 tỷ đồng).",
        "Năm 2041, doanh thu đạt 820 tỷ đồng, hoàn thành 41% kế hoạch (khoảng 2.000 tỷ đồng).",
        "Năm 2041, doanh thu đạt khoảng 820 tỷ đồng, hoàn thành 41% kế hoạch (2.000 tỷ đồng).",
        "Năm 2041, doanh thu đạt 820 tỷ đồng, hoàn thành 41% kế hoạch (2.000 triệu USD).",
        "Năm 2041, doanh thu đạt 820 tỷ đồng, bằng 41% kế hoạch (2.000 tỷ đồng) và 39% kế "
        "hoạch điều chỉnh.",
    ):
        assert _flagged(text) == [], text
