"""Round 91 of the extraction rules (issue 17): each rule with a positive and a negative case
on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from reading import find

from kpitools.extract import audit_statements, statements_frame

PLAN_THEN_RATE = (
    "Năm 2041 này, Công ty Gốm An Phú nhận kế hoạch 7.420 tấn, đến ngày 06/11 đã đạt 6.310 "
    "tấn, tỷ lệ {}%. Dự kiến đến cuối năm, Công ty thực hiện hơn 7.600 tấn."
)


def test_a_rate_after_a_result_against_the_plan_before_it_is_its_attainment() -> None:
    (s,) = [s for s in find(PLAN_THEN_RATE.format("85,04")) if s.stated is not None]
    assert (s.actual, s.target, s.stated_kind, s.verdict) == (
        6310,
        7420,
        "attainment",
        "consistent",
    )


def test_a_rate_a_little_off_the_pair_is_read_with_it_and_flagged() -> None:
    statements = find(PLAN_THEN_RATE.format("85,21"))
    (s,) = [s for s in statements if s.stated is not None]
    assert (s.target, s.stated_kind, s.verdict) == (7420, "attainment", "inconsistent")
    audit = audit_statements(statements_frame(statements))
    assert "inconsistent" in audit["verdict"].to_list()


def test_a_rate_far_from_the_pair_stays_a_rate_of_its_own() -> None:
    (s,) = [s for s in find(PLAN_THEN_RATE.format("78,21")) if s.stated is not None]
    assert s.stated_kind == "rate" and s.target is None


MARGIN_BESIDE_PERCENT = (
    "Năm 2041, Tổng công ty Gốm An Phú đã sản xuất được 84.512 tấn gạch, bằng 101,83% kế "
    "hoạch, vượt kế hoạch {} tấn."
)


def test_a_margin_over_the_plan_beside_its_percentage_gives_the_plan() -> None:
    (s,) = find(MARGIN_BESIDE_PERCENT.format("1.522"))
    assert (s.actual, s.target, s.stated_kind) == (84512, 82990, "attainment")


def test_a_margin_that_does_not_fit_the_percentage_gives_no_plan() -> None:
    (s,) = find(MARGIN_BESIDE_PERCENT.format("1.500"))
    assert s.target is None and s.stated_kind == "attainment"


RANGE_OF_RESOLUTION = (
    "Tổng doanh thu nhiệm kỳ 2036-2041 của Tổng công ty Gốm An Phú ước đạt 8.412 tỉ đồng "
    "(đạt mục tiêu Nghị quyết {} là từ 8.000 đến 9.500 tỉ đồng)."
)


def test_a_range_of_the_resolution_in_brackets_is_the_target() -> None:
    (s,) = find(RANGE_OF_RESOLUTION.format("đề ra"))
    assert s.actual == 8_412_000_000_000 and s.target == (8_000_000_000_000, 9_500_000_000_000)


def test_a_resolution_named_by_its_number_gives_no_target() -> None:
    text = (
        "Tổng doanh thu của Tổng công ty ước đạt 8.412 tỉ đồng, đạt mục tiêu Nghị quyết 12 đề ra."
    )
    assert all(s.target is None for s in find(text))


PLAN_OF_MINISTRY = (
    "Tính đến hết ngày 31/12 toàn Tổng công ty Gốm An Phú đã sản xuất được 84.512 tấn, và "
    "bằng 101,83% kế hoạch đăng ký với Bộ GD&ĐT ({})."
)


def test_a_plan_in_brackets_after_an_abbreviation_joined_by_and_is_taken() -> None:
    (s,) = find(PLAN_OF_MINISTRY.format("82.990 tấn"))
    assert (s.actual, s.target) == (84512, 82990)


def test_a_base_in_brackets_after_such_an_abbreviation_is_no_plan() -> None:
    (s,) = find(PLAN_OF_MINISTRY.format("cùng kỳ năm 2040 là 80.000 tấn"))
    assert s.target is None


def test_a_margin_over_the_plan_compared_with_is_an_excess() -> None:
    text = (
        "Năm 2041, Tổng công ty Gốm An Phú sản xuất được 84.512 tấn gạch, vượt so với {} 1.522 tấn."
    )
    (s,) = find(text.format("KH được Bộ giao"))
    assert (s.actual, s.target, s.stated_kind) == (84512, 82990, "excess_count")
    assert all(s.target != 1522 for s in find(text.format("kế hoạch")))
    assert all(s.target is None for s in find(text.format("cùng kỳ")))


SECOND_PLAN_MARGIN = (
    "Tính đến hết ngày 29/12, Tổng công ty Gốm An Phú sản xuất được 84.512 tấn gạch, đạt "
    "103,1% kế hoạch (KH) 2041 (KH đã điều chỉnh) và bằng 101,83% KH đăng ký với Bộ Xây "
    "dựng, vượt so với KH được Bộ giao {} tấn."
)


def test_a_margin_after_a_second_plans_percentage_gives_that_plan() -> None:
    found = [(s.stated, s.target) for s in find(SECOND_PLAN_MARGIN.format("1.522"))]
    assert ("101,83%", 82990) in found and ("103,1%", None) in found


def test_a_margin_that_fits_neither_percentage_gives_no_plan() -> None:
    assert all(s.target is None for s in find(SECOND_PLAN_MARGIN.format("1.200")))
