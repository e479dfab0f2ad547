"""Round 92 of the extraction rules (issue 17): each rule with a positive and a negative case
on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from reading import find

from kpitools.extract import audit_statements, statements_frame

TRADE_ABOVE_GOAL = (
    "Năm 2041, tổng mức lưu chuyển hàng hóa của huyện ước 3,9 nghìn tỷ đồng, vượt mục tiêu "
    "đề ra (3,4 nghìn tỷ đồng, tăng {})."
)


def test_a_rise_on_a_past_total_after_a_bracketed_plan_is_a_growth() -> None:
    statements = find(TRADE_ABOVE_GOAL.format("9,1% so với tổng mức lưu chuyển năm 2040"))
    assert not [s for s in statements if s.stated_kind == "excess"]
    (rise,) = [s for s in statements if s.stated == "9,1%"]
    assert (rise.actual, rise.target, rise.stated_kind) == (3_900_000_000_000, None, "growth")
    (pair,) = [s for s in statements if s.stated is None]
    assert (pair.actual, pair.target) == (3_900_000_000_000, 3_400_000_000_000)
    audit = audit_statements(statements_frame(statements))
    assert "inconsistent" not in audit["verdict"].to_list()


def test_a_rise_after_the_plan_with_no_past_base_is_still_its_excess() -> None:
    (s,) = [s for s in find(TRADE_ABOVE_GOAL.format("trên 14,7%")) if s.stated is not None]
    assert (s.actual, s.target, s.stated, s.stated_kind, s.verdict) == (
        3_900_000_000_000,
        3_400_000_000_000,
        "14,7%",
        "excess",
        "consistent",
    )


YEAR_PERCENT_AFTER_PART_PLAN = (
    "{} xí nghiệp may Hòa Bình {} {} nghìn sản phẩm. Đến hết tháng 9, xí nghiệp xuất xưởng "
    "3.600 nghìn sản phẩm, đạt 72% KH năm."
)


def test_a_percentage_of_the_years_plan_takes_no_half_years_plan() -> None:
    for plan in ("2.400", "5.000"):  # fitting the percentage or not
        text = YEAR_PERCENT_AFTER_PART_PLAN.format(
            "Kế hoạch 6 tháng đầu năm 2041,", "sản xuất", plan
        )
        (s,) = [s for s in find(text) if s.stated is not None]
        assert (s.actual, s.target, s.stated, s.stated_kind) == (
            3_600_000,
            None,
            "72%",
            "attainment",
        )


def test_a_percentage_of_the_years_plan_still_takes_the_years_plan() -> None:
    text = YEAR_PERCENT_AFTER_PART_PLAN.format("Năm 2041,", "đặt kế hoạch sản xuất", "5.000")
    (s,) = [s for s in find(text) if s.stated is not None]
    assert (s.actual, s.target, s.stated, s.stated_kind, s.verdict) == (
        3_600_000,
        5_000_000,
        "72%",
        "attainment",
        "consistent",
    )
