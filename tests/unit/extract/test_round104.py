"""Round 104 of the extraction rules (issue 17): a flagged percentage that the rounding of its
measured result explains, on invented text (never the evaluation set's figures or
sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find, flagged

from kpitools.extract import audit_statements

_MILLION = Decimal(1_000_000)
_BILLION = Decimal(1_000_000_000)


def _claims(text: str) -> list[tuple[object, object, object, object, object]]:
    return [
        (s.actual, s.target, s.stated_percent, s.stated_kind, s.verdict)
        for s in find(text)
        if s.stated_kind in ("attainment", "excess")
    ]


def test_a_whole_amount_of_money_stands_for_half_a_unit_either_way() -> None:
    # 309 / 726 = 42,56 % → 43, but 308,5 (which rounds to 309) gives 42,49 % → 42
    text = (
        "Năm 2041, doanh thu của công ty đạt 309 tỷ đồng, hoàn thành 42% kế hoạch năm "
        "(726 tỷ đồng)."
    )
    assert _claims(text) == [
        (309 * _BILLION, 726 * _BILLION, Decimal(42), "attainment", "unchecked")
    ]
    assert flagged(text) == []
    (s,) = find(text)
    assert "“309 tỷ đồng” is written rounded, 308.5 to 309.5" in (s.note or "")


def test_an_excess_over_a_plan_within_the_results_last_decimal() -> None:
    # 7,4 / 7,1 is an excess of 4,2 %, but 7,35 gives 3,52 % and 7,45 4,93 %: 3,6 % holds
    text = "Năm 2041, kim ngạch nhập khẩu đạt 7,4 tỷ USD, vượt 3,6% so với kế hoạch (7,1 tỷ USD)."
    assert _claims(text) == [
        (
            Decimal("7.4") * _BILLION,
            Decimal("7.1") * _BILLION,
            Decimal("3.6"),
            "excess",
            "unchecked",
        )
    ]
    assert flagged(text) == []


def test_a_fraction_of_a_measure_with_its_unit_after_the_plan() -> None:
    # one unit after both numbers: the result is in kWh too, so 308,5 million is allowed
    text = "Năm 2041, sản lượng điện đạt 309 triệu kWh/726 triệu kWh, đạt 42% KH."
    assert [c[-1] for c in _claims(text)] == ["unchecked"]
    assert flagged(text) == []


def test_a_count_of_things_is_exact_and_staysflagged() -> None:
    # 309 members of 726 are counted one by one: 42,56 % is 43, never 42
    text = "Năm 2041, xã kết nạp 309/726 đoàn viên, đạt 42%."
    assert _claims(text) == [(309, 726, Decimal(42), "attainment", "truncated")]
    assert flagged(text) == ["truncated"]


def test_a_percentage_that_needs_the_plans_rounding_too_staysflagged() -> None:
    # 270,5 / 340 = 79,56 % → 79,6: the written 79,5 needs a plan above 340 as well
    text = "Năm 2041, thu ngân sách của huyện đạt 271 tỷ đồng/340 tỷ đồng, đạt 79,5% dự toán."
    assert _claims(text) == [
        (271 * _BILLION, 340 * _BILLION, Decimal("79.5"), "attainment", "inconsistent")
    ]
    assert flagged(text) == ["inconsistent"]
    # and one the result's whole range misses by far, or a percentage of no measure written
    assert flagged(text.replace("79,5%", "77%")) == ["inconsistent"]


def test_a_whole_number_beside_decimals_of_its_measure_is_exact() -> None:
    # alone, 62,5 to 63,5 ha of 21 ha give 297,6 to 302,4 %: 301,9 % holds
    alone = "Năm 2041, diện tích khoanh nuôi rừng đạt 63/21 ha, đạt 301,9%."
    assert [c[-1] for c in _claims(alone)] == ["unchecked"]
    # a list that writes the decimals a figure has (5,6 ha) writes the 63 ha exact
    listed = (
        "Năm 2041, diện tích trồng mới đạt 5,6/5 ha, đạt 112%; diện tích khoanh nuôi rừng "
        "đạt 63/21 ha, đạt 301,9%."
    )
    assert [c[-1] for c in _claims(listed)] == ["consistent", "inconsistent"]
    assert flagged(listed) == ["inconsistent"]


_FLOOR = (
    "Sáu tháng đầu năm 2041, hợp tác xã có doanh thu 640 tỷ đồng, tăng 8% so với cùng kỳ, còn "
    "lãi sau thuế đạt hơn 540 triệu đồng, giảm 90% so với cùng kỳ. Kế hoạch năm 2041 của hợp "
    "tác xã là doanh thu 1.100 tỷ đồng và lợi nhuận sau thuế 45 tỷ đồng. Như vậy, hợp tác xã "
    "mới thực hiện 58% kế hoạch doanh thu và đạt hơn 1% kế hoạch lợi nhuận."
)


def test_a_floor_percentage_holds_up_to_its_next_written_digit() -> None:
    # "hơn 1%" of a share of 1,2 % (540 million of 45 billion): the floor cut, no finding
    assert _claims(_FLOOR) == [
        (640 * _BILLION, 1100 * _BILLION, Decimal(58), "attainment", "consistent"),
        (540 * _MILLION, 45 * _BILLION, Decimal(1), "attainment", "unchecked"),
    ]
    assert flagged(_FLOOR) == []


_PARTS_PARAGRAPH = (
    "Mười tháng năm 2041, huyện thu ngân sách 2.950 tỷ đồng; riêng các khoản thu từ đất đạt "
    "gần 1.300 tỷ đồng.\nCác khoản thu lớn đều tăng so với cùng kỳ.\nTrong đó, thu từ doanh "
    "nghiệp nhà nước tháng 10 là 160,5 tỷ đồng. Lũy kế 10 tháng năm 2041 là 1.320,4 tỷ đồng, "
    "đạt 98% dự toán."
)


def _qualifier_flags(text: str) -> list[str]:
    found = find(text)
    rows = audit_statements(found).to_dicts() if found else []
    return [r["text"] for r in rows if r["check"] == "qualifier" and r["verdict"] != "consistent"]


def test_a_sentence_of_a_paragraph_opening_with_trong_do_is_a_part() -> None:
    # the 1.320,4 continues the paragraph's part (one kind of receipt), not the lead's land
    # receipts: the lead's "gần 1.300" is not contradicted by it
    assert _qualifier_flags(_PARTS_PARAGRAPH) == []
    # a sentence of that paragraph that names a total is no part: still checked
    total = _PARTS_PARAGRAPH.replace("Lũy kế 10 tháng", "Tổng thu lũy kế 10 tháng")
    assert _qualifier_flags(total) == ["gần 1.300 tỷ đồng"]


def _sum_flags(text: str) -> list[str]:
    found = find(text)
    rows = audit_statements(found).to_dicts() if found else []
    return [
        r["text"].split(" Trong")[0]
        for r in rows
        if r["check"] == "sum" and r["verdict"] != "consistent"
    ]


def test_a_difference_between_two_plans_is_no_whole_of_the_parts_after_it() -> None:
    # "cao hơn … là 1.100 tỷ đồng" is by how much this year's budget exceeds last year's
    difference = (
        "Năm 2041, tỉnh được giao dự toán thu ngân sách 9.400 tỷ đồng, cao hơn dự toán năm "
        "2040 là 1.100 tỷ đồng. Trong đó, thu nội địa 6.200 tỷ đồng, thu từ hoạt động xuất "
        "nhập khẩu 3.200 tỷ đồng."
    )
    assert _sum_flags(difference) == []
    # a whole the parts exceed is still flagged
    over = (
        "Năm 2041, tỉnh được giao dự toán thu ngân sách 5.100 tỷ đồng. Trong đó, thu nội địa "
        "3.200 tỷ đồng, thu từ hoạt động xuất nhập khẩu 2.400 tỷ đồng."
    )
    assert _sum_flags(over) == ["5.100 tỷ đồng."]
