"""Round 37 of the extraction rules (issue 17): each a general rule of report wording, tested
on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from reading import attained, checked, find

from kpitools.extract import audit_statements

# ------------------------------- a plan's abbreviation after a slash names the plan's amount


def test_an_estimate_then_the_plan_abbreviation_assigned_then_its_percentage() -> None:
    text = "Doanh thu dịch vụ của phường ước đạt 600 tỷ đồng/KH giao 750 tỷ đồng, đạt 80%KH."
    assert checked(text) == [(600_000_000_000, 750_000_000_000, 80, "consistent")]


def test_an_estimate_then_the_bare_plan_abbreviation_after_a_slash() -> None:
    text = "Doanh thu dịch vụ của phường ước đạt 600 tỷ đồng/KH 750 tỷ đồng, đạt 80%KH."
    assert checked(text) == [(600_000_000_000, 750_000_000_000, 80, "consistent")]


def test_two_amounts_after_a_slash_with_no_plan_named_pair_no_plan() -> None:
    text = "Doanh thu dịch vụ của phường ước đạt 600 tỷ đồng, chi phí 750 tỷ đồng, đạt 80%."
    assert all(target is None for _, target, _, _ in checked(text))


# ------------------------------- a sentence that opens striving sets out its first clause


def test_a_sentence_opening_with_striving_and_a_comma_sets_out_a_target() -> None:
    text = "Phấn đấu, doanh thu dịch vụ của phường năm 2024 đạt 800 tỷ đồng."
    found = find(text, money=True)
    assert [(s.actual, s.target) for s in found] == [(None, 800_000_000_000)]


def test_the_striven_amount_is_the_plan_a_later_percentage_of_the_year_plan_is_of() -> None:
    text = (
        "Phấn đấu, doanh thu dịch vụ của phường năm 2024 đạt 800 tỷ đồng. Lũy kế 9 tháng, "
        "doanh thu dịch vụ ước đạt 600 tỷ đồng, tăng 8% so với cùng kỳ; ước tính theo giá "
        "so sánh đạt 560 tỷ đồng, đạt 70% kế hoạch năm."
    )
    assert checked(text) == [(560_000_000_000, 800_000_000_000, 70, "consistent")]


def test_the_same_amount_with_no_striving_opening_is_no_target() -> None:
    text = "Năm 2024, doanh thu dịch vụ của phường đạt 800 tỷ đồng."
    assert [s.target for s in find(text, money=True)] in ([], [None])


def test_a_clause_after_another_figure_is_not_the_striving_one() -> None:
    text = "Phấn đấu, sau khi tăng 8%, doanh thu dịch vụ đạt 800 tỷ đồng."
    assert all(s.target is None for s in find(text, money=True))


# ------------------------------- an amount a result changed by, its past period named first


def test_a_change_over_a_past_period_after_a_copula_is_no_result() -> None:
    text = (
        "Tổng thu ngân sách của phường đạt 300 tỷ đồng, đạt 60% dự toán (cao hơn cùng kỳ năm "
        "trước là 40 tỷ đồng, tương đương 15%)."
    )
    assert attained(text) == [(300_000_000_000, None, 60, "unchecked")]


def test_a_part_with_a_bare_percentage_after_an_attainment_is_still_an_attainment() -> None:
    text = (
        "Tổng thu ngân sách của phường đạt 300 tỷ đồng, đạt 60% dự toán. Trong đó, thu nội "
        "địa đạt 250 tỷ đồng, bằng 62%."
    )
    assert attained(text) == [
        (300_000_000_000, None, 60, "unchecked"),
        (250_000_000_000, None, 62, "unchecked"),
    ]


# ------------------------------- a plan named as a part after a whole is not its target


def test_a_plan_named_after_a_part_marker_is_no_target_of_the_whole_before() -> None:
    text = (
        "Năm nay phường được cấp tổng vốn đầu tư công 900 tỷ đồng, trong đó, vốn tỉnh giao "
        "700 tỷ đồng."
    )
    assert checked(text) == []


def test_a_plan_named_after_a_result_with_no_part_marker_is_its_target() -> None:
    text = (
        "Năm nay phường giải ngân vốn đầu tư công 630 tỷ đồng, kế hoạch vốn tỉnh giao 700 tỷ đồng."
    )
    assert checked(text) == [(630_000_000_000, 700_000_000_000, None, None)]


# ------------------------------- money paid out, named before a word of assignment


def test_money_paid_out_named_before_the_assignment_with_its_percentage_is_a_result() -> None:
    text = (
        "Đến hết quý II, số vốn giải ngân theo quyết định giao của tỉnh là 450 tỷ đồng, đạt "
        "60% kế hoạch được giao."
    )
    assert attained(text) == [(450_000_000_000, None, 60, "unchecked")]


def test_a_plan_assigned_with_no_percentage_after_it_stays_the_plan() -> None:
    text = (
        "Kế hoạch vốn đầu tư công theo quyết định giao của tỉnh là 750 tỷ đồng; đến hết quý "
        "II, phường đã giải ngân 450 tỷ đồng."
    )
    assert checked(text) == [(450_000_000_000, 750_000_000_000, None, None)]


# ------------------------------- a percentage of the whole plan of capital


def test_a_percentage_of_the_whole_capital_plan_is_an_attainment() -> None:
    text = (
        "Đến hết tháng 7, phường giải ngân vốn đầu tư công được 180 tỷ đồng, đạt 45% tổng kế "
        "hoạch vốn năm của phường."
    )
    assert attained(text) == [(180_000_000_000, None, 45, "unchecked")]


def test_a_percentage_of_a_larger_whole_plan_is_no_attainment() -> None:
    text = (
        "Năm nay tổng thu ngân sách của tỉnh ước đạt 9.000 tỷ đồng, bằng 2,1% tổng dự toán "
        "thu của toàn quốc."
    )
    assert attained(text) == []


# ------------------------------- a bare percentage fits the plan an earlier sentence sets out


def test_a_bare_percentage_takes_the_plan_of_an_earlier_sentence_it_fits() -> None:
    text = (
        "Tổng kế hoạch vốn năm nay được tỉnh giao tại Quyết định số 12/QĐ-UBND là 800 tỷ "
        "đồng. Đến nay, phường đã giải ngân 600 tỷ đồng, đạt 75%."
    )
    assert checked(text) == [(600_000_000_000, 800_000_000_000, 75, "consistent")]
    linked = [s for s in find(text, money=True) if s.actual is not None]
    assert [s.link_text for s in linked] == ["800 tỷ đồng"]


def test_a_bare_percentage_that_does_not_fit_the_earlier_plan_takes_no_target() -> None:
    text = (
        "Tổng kế hoạch vốn năm nay được tỉnh giao là 800 tỷ đồng. Đến nay, phường đã giải "
        "ngân 600 tỷ đồng, đạt 70%."
    )
    assert checked(text) == []


def test_an_amount_assigned_with_no_plan_word_is_no_plan_for_a_bare_percentage() -> None:
    text = (
        "Tổng vốn năm nay được tỉnh giao là 800 tỷ đồng. Đến nay, phường đã giải ngân 600 tỷ "
        "đồng, đạt 75%."
    )
    assert checked(text) == []


# ------------------------------- a sentence whose subject is the plan


def test_the_amount_after_the_copula_of_a_plan_subject_is_the_plan() -> None:
    text = "Tổng kế hoạch vốn năm nay được tỉnh giao tại Quyết định số 12/QĐ-UBND là 800 tỷ đồng."
    assert [(s.actual, s.target) for s in find(text, money=True)] == [(None, 800_000_000_000)]


def test_a_plan_subject_with_a_word_of_a_result_before_the_copula_sets_no_plan() -> None:
    text = "Kế hoạch vốn năm nay của phường đã giải ngân là 600 tỷ đồng."
    assert all(s.target is None for s in find(text, money=True))


# ------------------------------- the parts of a plan, listed right after it


PLAN_AND_PARTS = (
    "Tổng kế hoạch vốn năm nay được tỉnh giao là 900 tỷ đồng. {opening}, vốn tỉnh 300 tỷ "
    "đồng, vốn phường 600 tỷ đồng. Đến nay, phường đã phân bổ 720 tỷ đồng, đạt 80%; trong "
    "đó, vốn tỉnh phân bổ 270 tỷ đồng, đạt 90%, vốn phường 450 tỷ đồng, đạt 75%."
)


def test_parts_listed_after_a_plan_are_the_plans_of_the_parts_after_the_result() -> None:
    assert checked(PLAN_AND_PARTS.format(opening="Trong đó")) == [
        (720_000_000_000, 900_000_000_000, 80, "consistent"),
        (270_000_000_000, 300_000_000_000, 90, "consistent"),
        (450_000_000_000, 600_000_000_000, 75, "consistent"),
    ]


def test_amounts_after_a_plan_with_no_part_marker_are_no_plans_of_parts() -> None:
    assert checked(PLAN_AND_PARTS.format(opening="Năm trước")) == [
        (720_000_000_000, 900_000_000_000, 80, "consistent")
    ]


# ------------------------------- a semicolon inside a breakdown in brackets


def test_a_breakdown_in_brackets_with_a_semicolon_leaves_the_percentage_to_the_whole() -> None:
    text = (
        "Các cụm công nghiệp của phường thu hút tổng vốn 150 tỷ đồng (vốn mới: 90 tỷ đồng; vốn "
        "thêm: 60 tỷ đồng), đạt 95% kế hoạch năm."
    )
    assert attained(text) == [(150_000_000_000, None, 95, "unchecked")]


def test_a_semicolon_outside_brackets_still_opens_the_next_item() -> None:
    text = (
        "Các cụm công nghiệp của phường thu hút tổng vốn 150 tỷ đồng; tỷ lệ lấp đầy của cụm B: "
        "đạt 95%."
    )
    assert attained(text) == []


# ------------------------------- a whole's attainment between its parts' attainments


WHOLE_AND_PARTS = (
    "Tổng kế hoạch vốn năm nay được tỉnh giao là 900 tỷ đồng. Trong đó, vốn tỉnh 300 tỷ "
    "đồng, vốn phường 600 tỷ đồng. Đến nay, phường đã phân bổ {whole} tỷ đồng, đạt {p}; "
    "trong đó, vốn tỉnh phân bổ 270 tỷ đồng, đạt 90%, vốn phường 480 tỷ đồng, đạt 80%."
)


def _weighted_flags(text: str) -> list[str | None]:
    audit = audit_statements(find(text, money=True))
    flagged = audit.filter(audit["verdict"] == "inconsistent")
    return [r["stated"] for r in flagged.to_dicts() if r["check"] == "sum"]


def test_a_whole_below_all_its_parts_attainments_is_flagged() -> None:
    assert _weighted_flags(WHOLE_AND_PARTS.format(whole="700", p="77,8%")) == ["77,8%"]


def test_a_whole_between_its_parts_attainments_is_not_flagged() -> None:
    assert _weighted_flags(WHOLE_AND_PARTS.format(whole="750", p="83,3%")) == []
