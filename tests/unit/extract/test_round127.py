"""Round 127 of the extraction rules (issue 17): the audit of figures a plan was set in and of
results linked from other sentences, on invented text (never the evaluation set's figures or
sentences)."""

from __future__ import annotations

from reading import audit_rows, find

# ------------------------------------------------------------ the written plan's rounding


def test_a_percentage_the_plan_s_rounding_alone_reaches_is_flagged() -> None:
    # 38,6 of 52,3 is 73,80 %; a result within 38,55 to 38,65 gives 73,71 to 73,90 % against
    # the plan as written: 73,6 % needs the plan above 52,3 as well (38,55 / 52,35 = 73,64 %)
    text = "Năm 2041, quỹ thu được 38,6 tỷ đồng/52,3 tỷ đồng, đạt 73,6% dự toán cả năm."
    (s,) = find(text)
    assert (s.actual, s.target, s.stated_kind) == (38_600_000_000, 52_300_000_000, "attainment")
    assert audit_rows(text, "attainment") == [("73,6%", "inconsistent", 73.8)]


def test_a_percentage_only_a_cut_of_the_result_s_rounding_reaches_is_flagged() -> None:
    # 12,4 of 18,5 is 67,03 %; the result's least value, 12,35, gives 66,757 %: 66,8 rounded
    # half-up, 66,7 only when cut (here the plan is read after the slash as a linked one)
    text = "Năm 2041, xí nghiệp sản xuất 12,4 nghìn tấn/18,5 nghìn tấn, đạt 66,7% kế hoạch."
    assert audit_rows(text, "attainment") == [("66,7%", "inconsistent", 67.0)]
    within = text.replace("66,7%", "66,8%")
    assert audit_rows(within, "attainment") == [("66,8%", "unchecked", 67.0)]


def test_a_percentage_the_result_s_own_rounding_reaches_is_not_flagged() -> None:
    # 7,3 of 8,1 is 90,12 %, but 7,35 of 8,1 is 90,74 %: the result written to a tenth
    text = "Năm 2041, xí nghiệp sản xuất 7,3 nghìn tấn/8,1 nghìn tấn, đạt 90,7% kế hoạch."
    assert audit_rows(text, "attainment") == [("90,7%", "unchecked", 90.1)]
    # a result hedged: the approximate figures' check, which a point and a half does not fail
    hedged = "Năm 2041, quỹ thu được khoảng 38,6 tỷ đồng/52,3 tỷ đồng, đạt 73,6% dự toán cả năm."
    assert audit_rows(hedged, "attainment") == [("73,6%", "unchecked", None)]


def test_a_plan_linked_from_another_sentence_is_taken_as_written() -> None:
    # 20,1 of 37 is 54,32 %; a result within 20,05 to 20,15 gives 54,19 to 54,46 %: 54,2 is
    # within its rounding, 54,1 only a cut of 54,19
    text = (
        "Năm 2041, công ty đặt kế hoạch doanh thu 37 tỷ đồng. Hết năm, doanh thu của công ty "
        "đạt 20,1 tỷ đồng, bằng 54,1% kế hoạch."
    )
    (plan, s) = find(text)
    assert (s.actual, s.target, s.stated_kind) == (20_100_000_000, 37_000_000_000, "attainment")
    assert (plan.actual, plan.target) == (None, 37_000_000_000)
    assert audit_rows(text, "attainment") == [("54,1%", "inconsistent", 54.3)]
    within = text.replace("54,1%", "54,2%")
    assert audit_rows(within, "attainment") == [("54,2%", "unchecked", 54.3)]


# ------------------------------------------- a named plan's percentage, result and plan apart

_NAMED = (
    "Chín tháng đầu năm 2041, doanh thu thuần của nhà máy đạt {a} tỷ đồng, giá vốn tăng "
    "mạnh.\nChi phí bán hàng tăng 12%. Lợi nhuận sau thuế đạt 57 tỷ đồng.\nKế hoạch năm 2041 "
    "của nhà máy gồm doanh thu là {t} tỷ đồng và lợi nhuận sau thuế là 260 tỷ đồng. Sau chín "
    "tháng, nhà máy mới thực hiện được {p}% kế hoạch doanh thu và 22% kế hoạch lợi nhuận."
)
"""A named plan's percentage whose result (a paragraph before) and plan its measure links."""


def test_a_named_plan_s_percentage_its_linked_figures_give_only_cut_is_truncated() -> None:
    # 2.421 of 5.300 is 45,68 %; 2.420,5 to 2.421,5 give 45,670 to 45,689 %: 45,7 half-up
    text = _NAMED.format(a="2.421", t="5.300", p="45,6")
    revenue, profit = [s for s in find(text) if s.stated_kind == "attainment"]
    assert (revenue.actual, revenue.target) == (2_421_000_000_000, 5_300_000_000_000)
    assert (profit.actual, profit.target, profit.verdict) == (57 * 10**9, 260 * 10**9, "consistent")
    assert sorted(audit_rows(text, "attainment")) == [
        ("22%", "consistent", 22.0),
        ("45,6%", "truncated", 45.7),
    ]


def test_a_cut_the_linked_result_s_own_rounding_gives_rounded_is_not_flagged() -> None:
    # 73 of 80,5 is 90,68 % (90,6 cut), but 72,5 to 73,5 give 90,06 to 91,30 %
    text = _NAMED.format(a="73", t="80,5", p="90,6")
    revenue, _ = [s for s in find(text) if s.stated_kind == "attainment"]
    assert (revenue.actual, revenue.target) == (73_000_000_000, 80_500_000_000)
    assert sorted(audit_rows(text, "attainment")) == [
        ("22%", "consistent", 22.0),
        ("90,6%", "unchecked", 90.7),
    ]


def test_a_hedged_percentage_keeps_its_check_of_both_figures_rounding() -> None:
    # 'gần 73,6%' of 38,6 of 52,3 (73,71 to 73,90 % with the result's rounding): the hedge
    # is what is read, as before; so for a plan linked from another sentence
    text = "Năm 2041, quỹ thu được 38,6 tỷ đồng/52,3 tỷ đồng, đạt gần 73,6% dự toán cả năm."
    assert [v for _, v, _ in audit_rows(text, "attainment")] == ["unchecked"]
    linked = (
        "Năm 2041, công ty đặt kế hoạch doanh thu 37 tỷ đồng. Hết năm, doanh thu của công ty "
        "đạt 20,1 tỷ đồng, bằng gần 54,1% kế hoạch."
    )
    assert [v for _, v, _ in audit_rows(linked, "attainment")] == ["unchecked"]


def test_a_cut_of_a_plan_that_may_be_another_is_left_unchecked() -> None:
    plan = (
        "Kế hoạch năm 2041 của nhà máy gồm doanh thu là 5.300 tỷ đồng và lợi nhuận sau thuế là "
        "260 tỷ đồng."
    )
    text = _NAMED.format(a="2.421", t="5.300", p="45,6")
    assert text.count(plan) == 1
    others = {
        "a year the result's sentence does not name": plan.replace("2041", "2042"),
        "a revised plan": plan.replace("nhà máy gồm", "nhà máy, sau khi điều chỉnh, gồm"),
        "a hedged plan": plan.replace("doanh thu là 5.300", "doanh thu khoảng 5.300"),
        "the parent's plan": plan.replace("của nhà máy", "của công ty mẹ"),
    }
    for why, other in others.items():
        verdicts = dict((s, v) for s, v, _ in audit_rows(text.replace(plan, other), "attainment"))
        assert verdicts.get("45,6%") == "unchecked", why
    hedged = text.replace("đạt 2.421", "đạt hơn 2.421")
    assert dict((s, v) for s, v, _ in audit_rows(hedged, "attainment"))["45,6%"] == "unchecked"
