"""Round 17 of the extraction rules (issue 17): plans written elsewhere (named with who set
them, missed by a digit, allocated, listed in parts), spellings of a connector and of a sum,
and the audit of listed parts and shares over the raw amounts of a text, each as a general
rule of report wording, tested on invented text (never the evaluation set's figures or
sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import attained as _attained
from reading import find

BILLION = Decimal(10) ** 9


# --------------------------------------------------------------------------- wrong claims


_ISSUED = (
    "Kế hoạch vốn đầu tư công năm 2025 được Bộ Tài chính giao hơn 5.000 tỷ đồng. Đến hết "
    "tháng 9, các đơn vị đã giải ngân gần 2.250 tỷ đồng, đạt 52% kế hoạch {} giao."
)


def test_a_plan_named_with_who_set_it_is_linked_and_its_hedges_checked() -> None:
    # at most 2.250 of at least 5.000 is at most 45 %: 52 % cannot be
    [(actual, target, stated, verdict)] = _attained(_ISSUED.format("Bộ Tài chính"))
    assert (actual, target, stated) == (2250 * BILLION, 5000 * BILLION, Decimal(52))
    assert verdict == "inconsistent"


def test_a_plan_set_by_someone_else_is_not_linked() -> None:
    [(_, target, _, verdict)] = _attained(_ISSUED.format("Ủy ban nhân dân tỉnh"))
    assert target is None
    assert verdict == "unchecked"


def test_hedges_that_allow_the_percentage_leave_it_unchecked() -> None:
    # at most 2.250 of at least 5.000 allows 44 %: nothing to flag
    text = _ISSUED.format("Bộ Tài chính").replace("52%", "44%")
    [(_, target, _, verdict)] = _attained(text)
    assert target == 5000 * BILLION
    assert verdict == "unchecked"


_NEAR = (
    "Tổng kế hoạch vốn của tỉnh đến cuối tháng 9 là 5.010 tỷ đồng. Các chủ đầu tư đã giải "
    "ngân 2.080 tỷ đồng, đạt {} kế hoạch sau điều chỉnh."
)


def test_a_plan_a_percentage_with_decimals_misses_by_one_unit_is_linked_and_flagged() -> None:
    # 2.080 / 5.010 = 41,52 %: 41,6 % neither rounds nor cuts from it
    [(actual, target, stated, verdict)] = _attained(_NEAR.format("41,6%"))
    assert (actual, target, stated) == (2080 * BILLION, 5010 * BILLION, Decimal("41.6"))
    assert verdict == "inconsistent"


def test_a_whole_percentage_or_a_wider_miss_links_no_plan() -> None:
    for percent in ("41%", "41,8%"):  # 41 % is cut, not rounded: whole, too coarse
        [(_, target, _, verdict)] = _attained(_NEAR.format(percent))
        assert target is None
        assert verdict == "unchecked"


def test_a_nearly_fitting_plan_written_after_the_result_is_not_linked() -> None:
    first, second = _NEAR.format("41,6%").split(". ", 1)
    [(_, target, _, verdict)] = _attained(f"{second} {first}.")
    assert target is None
    assert verdict == "unchecked"


_ALLOCATED = (
    "Năm 2025, tổng vốn {} cho chương trình là trên 600 tỷ đồng. Đến hết tháng 9, kết quả "
    "giải ngân đạt trên 300 tỷ {}đồng, bằng {} kế hoạch."
)


def test_capital_allocated_is_a_plan_and_a_slipped_scale_is_read_as_written_once() -> None:
    for verb, slip in (("bố trí", ""), ("được giao", "triệu "), ("bố trí", "triệu ")):
        [(actual, target, _, _)] = _attained(_ALLOCATED.format(verb, slip, "50,1%"))
        assert (actual, target) == (300 * BILLION, 600 * BILLION)


def test_capital_allocated_that_the_percentage_does_not_fit_is_not_linked() -> None:
    for verb in ("bố trí", "sử dụng"):
        percent = "70,1%" if verb == "bố trí" else "50,1%"
        [(_, target, _, _)] = _attained(_ALLOCATED.format(verb, "", percent))
        assert target is None


# --------------------------------------------------------------------------- audit: parts


def _sums(text: str) -> list[tuple[object, str | None]]:
    from kpitools.extract import audit_statements

    found = find(text, money=True)
    rows = audit_statements(found).to_dicts() if found else []
    return [(r["stated"], r["verdict"]) for r in rows if r["check"] == "sum"]


def test_parts_of_one_family_that_add_up_to_more_than_their_whole_are_flagged() -> None:
    counts = (
        "Xã hiện có 1.200 cơ sở kinh tế, trong đó 350 doanh nghiệp, 880 hộ kinh doanh "
        "và 4 hợp tác xã."
    )
    money = (
        "Tổng thu ngân sách trong tháng đạt 2.400 tỷ đồng, trong đó thu nội địa đạt 2.100 "
        "tỷ đồng và thu từ xuất nhập khẩu đạt 320 tỷ đồng."
    )
    bracket = (
        "Vốn đầu tư toàn xã hội ước đạt 9.000 tỷ đồng (vốn nhà nước hơn 2.500 tỷ đồng, vốn "
        "ngoài nhà nước hơn 6.600 tỷ đồng)."
    )
    assert _sums(counts) == [("1.200", "inconsistent")]
    assert _sums(money) == [("2.400 tỷ đồng", "inconsistent")]
    assert _sums(bracket) == [("9.000 tỷ đồng", "inconsistent")]
    decimals = (
        "Vốn đăng ký đạt 9,5 tỷ USD, trong đó vốn khu vực nhà nước 3,5 tỷ USD và vốn ngoài "
        "nhà nước 6,5 tỷ USD."
    )
    assert _sums(decimals) == [("9,5 tỷ USD", "inconsistent")]
    # no statement claims a result against a target
    assert all(s.target is None and s.stated_kind is None for s in find(money, money=True))


def test_parts_that_may_overlap_or_are_hedged_or_fit_are_not_flagged() -> None:
    overlapping = "Đảng bộ có 1.200 đảng viên, trong đó 700 đảng viên nữ và 600 đảng viên trẻ."
    same_category = (
        "Thu ngân sách đạt 2.400 tỷ đồng, trong đó thu nội địa 2.100 tỷ đồng, thu nội địa "
        "từ đất 400 tỷ đồng."
    )
    hedged = (
        "Xã hiện có 1.200 cơ sở kinh tế, trong đó khoảng 350 doanh nghiệp và 880 hộ kinh doanh."
    )
    fitting = "Xã hiện có 1.200 cơ sở kinh tế, trong đó 350 doanh nghiệp và 840 hộ kinh doanh."
    for text in (overlapping, same_category, hedged, fitting):
        assert _sums(text) == []


# --------------------------------------------------------------------------- misses

_PARTS_RESULT = (
    "Trong 6 tháng đầu năm 2025, tỉnh đã đón 3,1 triệu lượt khách, tăng 12% so với cùng kỳ. "
    "Trong đó, khách quốc tế đạt 0,9 triệu lượt, khách nội địa đạt 2,2 triệu lượt.\n\n"
)
_PARTS_PLAN = (
    "Năm 2025, tỉnh đặt mục tiêu đón 7,8 triệu lượt khách. Trong đó có 2,4 triệu lượt {} "
    "và 5,4 triệu lượt {}."
)


def _pairs(text: str) -> list[tuple[object, object]]:
    return [
        (s.actual, s.target)
        for s in find(text, money=True)
        if s.actual is not None and s.target is not None
    ]


def test_the_parts_of_a_linked_result_take_the_plan_parts_of_their_kind() -> None:
    text = _PARTS_RESULT + _PARTS_PLAN.format("khách quốc tế", "khách nội địa")
    million = Decimal(10) ** 6
    assert _pairs(text) == [
        (Decimal("3.1") * million, Decimal("7.8") * million),
        (Decimal("0.9") * million, Decimal("2.4") * million),
        (Decimal("2.2") * million, Decimal("5.4") * million),
    ]


def test_parts_of_no_named_kind_or_of_an_unlinked_result_take_no_plan_part() -> None:
    million = Decimal(10) ** 6
    # the plan's parts name kinds of no family: only the whole is paired
    text = _PARTS_RESULT + _PARTS_PLAN.format("khách lưu trú", "khách trong ngày")
    assert _pairs(text) == [(Decimal("3.1") * million, Decimal("7.8") * million)]
    # the result is of a whole year: no plan is linked to it, so none to its parts
    text = _PARTS_RESULT.replace("Trong 6 tháng đầu năm 2025", "Năm 2024") + _PARTS_PLAN.format(
        "khách quốc tế", "khách nội địa"
    )
    assert _pairs(text) == []


# --------------------------------------------------------------------------- audit: shares

_SHARE = (
    "Thu ngân sách nhà nước đến cuối tháng 9 đạt 50.000 tỷ đồng, bằng 104% dự toán. "
    "{}thu nội địa chiếm {} với 41.000 tỷ đồng."
)


def _share(text: str) -> list[tuple[object, object, object]]:
    return [
        (s.actual, s.target, s.verdict) for s in find(text, money=True) if s.stated_kind == "share"
    ]


def test_a_share_opening_trong_do_is_checked_against_the_whole_before_it() -> None:
    # 41.000 of 50.000 is 82 %: 80 % is flagged, 82 % holds
    assert _share(_SHARE.format("Trong đó, ", "80%")) == [
        (41000 * BILLION, 50000 * BILLION, "inconsistent")
    ]
    assert _share(_SHARE.format("Trong đó, ", "82%")) == [
        (41000 * BILLION, 50000 * BILLION, "consistent")
    ]


def test_a_share_in_a_sentence_of_its_own_or_after_two_amounts_is_not_checked() -> None:
    assert _share(_SHARE.format("Riêng ", "80%")) == [(None, None, "unchecked")]
    two = _SHARE.replace("bằng 104% dự toán", "chi ngân sách đạt 30.000 tỷ đồng, bằng 70% dự toán")
    assert _share(two.format("Trong đó, ", "80%")) == [(None, None, "unchecked")]


def test_ti_le_spelled_with_i_joins_an_amount_to_its_attainment_as_ty_le_does() -> None:
    for spelling in ("tỉ lệ", "tỷ lệ"):
        text = f"Đến cuối tháng 9, số giải ngân là 1.300 tỷ đồng, đạt {spelling} 43,33% kế hoạch."
        [(actual, _, stated, _)] = _attained(text)
        assert (actual, stated) == (1300 * BILLION, Decimal("43.33"))


def test_a_rate_spelled_ti_le_with_no_plan_is_no_attainment() -> None:
    text = "Năm 2025, số hộ nghèo là 1.300 hộ, tỉ lệ hộ nghèo của huyện còn 2,1%."
    assert _attained(text) == []


_ASSIGNED = "Đến hết tháng 12, vốn giải ngân đạt 1.100 tỷ đồng, tương ứng 91,7% {}."


def test_the_whole_capital_assigned_names_a_plan_and_its_amount_after_la() -> None:
    text = _ASSIGNED.format("tổng mức vốn do Bộ Tài chính giao là 1.200 tỷ đồng")
    assert _attained(text) == [(1100 * BILLION, 1200 * BILLION, Decimal("91.7"), "consistent")]
    [(actual, target, _, _)] = _attained(_ASSIGNED.format("tổng vốn được giao"))
    assert (actual, target) == (1100 * BILLION, None)


def test_a_whole_capital_assigned_by_no_one_is_no_plan() -> None:
    assert _attained(_ASSIGNED.format("tổng vốn đầu tư toàn xã hội")) == []


_NO_CURRENCY = (
    "Năm 2025, công ty đặt mục tiêu 2.000 tỷ {} và 150 tỷ lợi nhuận sau thuế. Quý 1, doanh "
    "thu đạt 520 tỷ đồng, lợi nhuận sau thuế đạt 40 tỷ đồng. Như vậy, công ty đã hoàn thành "
    "26% kế hoạch doanh thu và 27% kế hoạch lợi nhuận."
)


def test_a_plan_of_billions_named_by_a_money_measure_is_of_dong() -> None:
    assert [(a, t) for a, t, _, _ in _attained(_NO_CURRENCY.format("doanh thu"))] == [
        (520 * BILLION, 2000 * BILLION),
        (40 * BILLION, 150 * BILLION),
    ]


def test_billions_of_another_thing_are_no_plan_of_dong() -> None:
    revenue = _attained(_NO_CURRENCY.format("kWh điện thương phẩm"))[0]
    assert revenue[1] is None


def test_parts_over_a_whole_are_read_across_the_chunks_the_text_is_folded_in() -> None:
    from kpitools.extract.parts import listed_parts_over

    body = (
        "Xã hiện có 1.200 cơ sở kinh tế, trong đó 350 doanh nghiệp, 880 hộ kinh doanh và 4 "
        "hợp tác xã."
    )
    filler = "Nội dung khác của báo cáo. " * 2000
    for at in range(32768 - 60, 32768 + 20, 3):
        text = filler[:at] + body + " " + filler
        [found] = listed_parts_over(text)
        assert text[found.start : found.whole_end].startswith("1.200")
