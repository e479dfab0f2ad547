"""Round 91 of the extraction rules (issue 17): each rule with a positive and a negative case
on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from reading import find

from kpitools.extract import audit_statements, statements_frame

PLAN_THEN_RATE = (
    "Hợp tác xã Đồng Lâm có kế hoạch ươm 4.800 cây giống trong năm 2041; tới cuối tháng 9 "
    "đã ươm 3.960 cây, tỷ lệ {}%. Cả năm, Hợp tác xã dự kiến ươm trên 5.000 cây."
)


def test_a_rate_after_a_result_against_the_plan_before_it_is_its_attainment() -> None:
    (s,) = [s for s in find(PLAN_THEN_RATE.format("82,5")) if s.stated is not None]
    assert (s.actual, s.target, s.stated_kind, s.verdict) == (
        3960,
        4800,
        "attainment",
        "consistent",
    )


def test_a_rate_a_little_off_the_pair_is_read_with_it_but_not_flagged() -> None:
    statements = find(PLAN_THEN_RATE.format("82,1"))
    (s,) = [s for s in statements if s.stated is not None]
    assert (s.target, s.stated_kind, s.verdict) == (4800, "attainment", "unchecked")
    audit = audit_statements(statements_frame(statements))
    assert "inconsistent" not in audit["verdict"].to_list()


def test_a_rate_far_from_the_pair_stays_a_rate_of_its_own() -> None:
    (near,) = [s for s in find(PLAN_THEN_RATE.format("82,1")) if s.stated is not None]
    (s,) = [s for s in find(PLAN_THEN_RATE.format("71,3")) if s.stated is not None]
    assert near.target == 4800
    assert s.stated_kind == "rate" and s.target is None


MARGIN_BESIDE_PERCENT = (
    "Trong năm 2041, Hợp tác xã Đồng Lâm ươm được 9.640 cây giống, bằng 105,93% kế hoạch, "
    "vượt kế hoạch {} cây."
)


def test_a_margin_over_the_plan_beside_its_percentage_gives_the_plan() -> None:
    (s,) = find(MARGIN_BESIDE_PERCENT.format("540"))
    assert (s.actual, s.target, s.stated_kind) == (9640, 9100, "attainment")


def test_a_margin_that_does_not_fit_the_percentage_gives_no_plan() -> None:
    (fits,) = find(MARGIN_BESIDE_PERCENT.format("540"))
    (s,) = find(MARGIN_BESIDE_PERCENT.format("500"))
    assert fits.target == 9100
    assert s.target is None and s.stated_kind == "attainment"


RANGE_OF_RESOLUTION = (
    "Cả giai đoạn 2036-2041, vốn đầu tư của Hợp tác xã Đồng Lâm ước đạt 612 tỉ đồng (nằm "
    "trong chỉ tiêu nghị quyết {} là từ 580 đến 650 tỉ đồng)."
)


def test_a_range_of_the_resolution_in_brackets_is_the_target() -> None:
    (s,) = find(RANGE_OF_RESOLUTION.format("đề ra"))
    assert s.actual == 612_000_000_000 and s.target == (580_000_000_000, 650_000_000_000)


def test_a_resolution_named_by_its_number_gives_no_target() -> None:
    (named,) = find(RANGE_OF_RESOLUTION.format("đề ra"))
    assert named.target is not None
    text = "Vốn đầu tư của Hợp tác xã ước đạt 612 tỉ đồng, hoàn thành chỉ tiêu Nghị quyết 07 đề ra."
    assert all(s.target is None for s in find(text))


PLAN_OF_OFFICE = (
    "Lũy kế đến 31/12, Hợp tác xã Đồng Lâm ươm được 9.640 cây giống, bằng 105,93% kế hoạch "
    "của Sở NN&PTNT giao ({})."
)


def test_a_plan_in_brackets_after_an_abbreviation_joined_by_and_is_taken() -> None:
    (s,) = find(PLAN_OF_OFFICE.format("9.100 cây"))
    assert (s.actual, s.target) == (9640, 9100)


def test_a_base_in_brackets_after_such_an_abbreviation_is_no_plan() -> None:
    (plan,) = find(PLAN_OF_OFFICE.format("9.100 cây"))
    (s,) = find(PLAN_OF_OFFICE.format("cùng kỳ năm 2040 là 8.700 cây"))
    assert plan.target == 9100 and s.target is None


def test_a_margin_over_the_plan_compared_with_is_an_excess() -> None:
    text = "Năm 2041, Hợp tác xã Đồng Lâm ươm được 9.640 cây giống, vượt so với {} 540 cây."
    (s,) = find(text.format("kế hoạch được huyện giao"))
    assert (s.actual, s.target, s.stated_kind) == (9640, 9100, "excess_count")
    # with no word of who set it, the figure after the plan's name is the plan itself
    assert all(s.stated_kind != "excess_count" for s in find(text.format("kế hoạch")))
    assert all(s.target is None for s in find(text.format("cùng kỳ")))


SECOND_PLAN_MARGIN = (
    "Cả năm 2041, Hợp tác xã Đồng Lâm ươm được 9.640 cây giống, bằng 107,1% kế hoạch năm của "
    "xã, và đạt 105,93% kế hoạch được huyện giao, vượt so với kế hoạch được huyện giao {} cây."
)


def test_a_margin_after_a_second_plans_percentage_gives_that_plan() -> None:
    found = [(s.stated, s.target) for s in find(SECOND_PLAN_MARGIN.format("540"))]
    assert ("105,93%", 9100) in found and ("107,1%", None) in found


def test_a_margin_that_fits_neither_percentage_gives_no_plan() -> None:
    fits = [s.target for s in find(SECOND_PLAN_MARGIN.format("540"))]
    assert 9100 in fits
    assert all(s.target is None for s in find(SECOND_PLAN_MARGIN.format("400")))
