"""Round 90 of the extraction rules (issue 17): each rule with a positive and a negative case
on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

from kpitools.extract import audit_statements, statements_frame

MONTH_PLAN = (
    "Tháng 2 năm 2041, Tổng công ty Gốm An Phú cho biết đã sản xuất vượt mức với 7.315 tấn "
    "gạch (bằng 103% kế hoạch tháng, 108% so với cùng kỳ). Năm 2041 khối sản xuất phía bắc "
    "có mục tiêu sản xuất là 88.000 tấn gạch và 40.000 tấn men."
)


def test_a_percentage_of_a_months_plan_takes_no_years_amount() -> None:
    (s,) = [s for s in find(MONTH_PLAN) if s.stated_kind == "attainment"]
    assert s.actual == 7315 and s.target is None


def test_a_percentage_of_the_years_plan_still_takes_it() -> None:
    text = MONTH_PLAN.replace("kế hoạch tháng", "kế hoạch năm")
    (s,) = [s for s in find(text) if s.stated_kind == "attainment"]
    assert s.actual == 7315 and s.target == 88000


KEPT_CEILING = (
    "Tỷ lệ hộ nghèo đa chiều của tỉnh Kim Sơn trong năm là {}%, cả năm 2041 duy trì mục "
    "tiêu {}3%; tỷ lệ hộ cận nghèo là 2,6%."
)


def test_a_rate_under_a_ceiling_kept_for_the_year_is_paired() -> None:
    paired = [s for s in find(KEPT_CEILING.format("1,87", "dưới ")) if s.target is not None]
    assert [(s.actual, s.target) for s in paired] == [(Decimal("1.87"), 3)]


def test_a_rate_over_its_ceiling_or_beside_no_bound_is_not_paired() -> None:
    for rate, bound in (("3,87", "dưới "), ("1,87", "")):
        assert all(s.target is None for s in find(KEPT_CEILING.format(rate, bound)))


BASE_NAMED_IN_BRACKET = (
    "Trong quý I/2041, số thợ mộc của tỉnh Kim Sơn được cử đi các tỉnh là 2.947 người, bằng "
    "{}% so với cùng kỳ năm 2040 (quý I/2040, số thợ mộc được cử đi các tỉnh là 3.212 người)."
)


def _growth_verdicts(text: str) -> list[str]:
    audit = audit_statements(statements_frame(find(text)))
    return audit.filter(audit["check"] == "growth")["verdict"].to_list()


def test_an_index_cut_against_a_base_named_in_brackets_is_flagged() -> None:
    assert _growth_verdicts(BASE_NAMED_IN_BRACKET.format("91,74")) == ["truncated"]


def test_an_index_rounded_against_a_base_named_in_brackets_holds() -> None:
    assert _growth_verdicts(BASE_NAMED_IN_BRACKET.format("91,75")) == ["consistent"]


PLACES_FILLED = "Năm 2041 trường Cao đẳng Hòa Bình chỉ tuyển sinh được {} chỉ tiêu (chiếm {}%)."


def test_a_fraction_of_places_filled_is_the_quotas_attainment() -> None:
    (s,) = find(PLACES_FILLED.format("512/1.640", "31,2"))
    assert (s.actual, s.target, s.stated_kind) == (512, 1640, "attainment")


def test_three_quarters_of_the_places_stay_a_proportion() -> None:
    (s,) = find(PLACES_FILLED.format("3/4", "75"))
    assert s.stated_kind != "attainment"
