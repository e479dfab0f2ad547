"""Round 90 of the extraction rules (issue 17): each rule with a positive and a negative case
on invented text (never the evaluation set's figures or sentences), written in layouts of
their own (the review of round 90, session 27)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

from kpitools.extract import audit_statements, statements_frame

# the year's plan set out first, the month's result after it
MONTH_PLAN = (
    "Xí nghiệp May Bình Khánh đặt kế hoạch năm 2041 là 5.100 nghìn sản phẩm. Riêng trong "
    "tháng 8, xí nghiệp xuất xưởng 412 nghìn sản phẩm, đạt {} và tăng 5% so với tháng 7."
)


def _attained(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.target) for s in find(text) if s.stated_kind == "attainment"]


def test_a_percentage_of_a_months_plan_takes_no_years_amount() -> None:
    assert _attained(MONTH_PLAN.format("96% KH tháng")) == [(412_000, None)]


def test_a_percentage_of_the_years_plan_still_takes_it() -> None:
    # fails when a percentage is taken for a month's whatever plan it names ("KH năm")
    assert _attained(MONTH_PLAN.format("8,1% KH năm")) == [(412_000, 5_100_000)]


# the rate after its period, the bound kept after it with "tiếp tục"
KEPT_CEILING = (
    "Tỷ lệ lao động chưa có việc làm của huyện Yên Hòa năm 2041 chỉ còn {}%, tiếp tục duy "
    "trì mục tiêu {}5%."
)


def _pairs(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.target) for s in find(text) if s.target is not None]


def test_a_rate_under_a_ceiling_kept_for_the_year_is_paired() -> None:
    assert _pairs(KEPT_CEILING.format("4,35", "dưới ")) == [(Decimal("4.35"), 5)]


def test_a_rate_over_its_ceiling_or_under_its_floor_is_not_paired() -> None:
    # each fails when a kept bound is paired whatever side of it the rate is on
    assert _pairs(KEPT_CEILING.format("5,35", "dưới ")) == []
    assert _pairs(KEPT_CEILING.format("4,35", "không dưới ")) == []


# the result first, the growth with "tăng" and "cùng kỳ", the base named in the bracket
BASE_NAMED_IN_BRACKET = (
    "Cả năm 2041 có 1.302 người học nghề tại Trung tâm dạy nghề Yên Hòa tốt nghiệp, tăng "
    "{}% so với cùng kỳ (năm 2040, người học nghề tốt nghiệp là 1.241 người)."
)


def _growth_verdicts(text: str) -> list[str]:
    audit = audit_statements(statements_frame(find(text)))
    return audit.filter(audit["check"] == "growth")["verdict"].to_list()


def test_a_growth_cut_against_a_base_named_in_brackets_is_flagged() -> None:
    assert _growth_verdicts(BASE_NAMED_IN_BRACKET.format("4,91")) == ["truncated"]
    assert _growth_verdicts(BASE_NAMED_IN_BRACKET.format("6")) == ["inconsistent"]


def test_a_growth_rounded_against_a_base_named_in_brackets_holds() -> None:
    assert _growth_verdicts(BASE_NAMED_IN_BRACKET.format("4,92")) == ["consistent"]


# the share after a comma, with no verb of its own
PLACES_FILLED = (
    "Kết thúc năm học 2041, trường Trung cấp Hòa Yên tuyển mới được {} chỉ tiêu, tỷ lệ {}%."
)


def test_a_fraction_of_places_filled_is_the_quotas_attainment() -> None:
    (s, *_) = find(PLACES_FILLED.format("287/410", "70"))
    assert (s.actual, s.target, s.stated_kind) == (287, 410, "attainment")


def test_three_quarters_of_the_places_stay_a_proportion() -> None:
    (s, *_) = find(PLACES_FILLED.format("3/4", "75"))
    assert (s.actual, s.target, s.stated_kind) == (3, 4, "coverage")
