"""Round 127 of the extraction rules (issue 17): the audit of figures a plan was set in and of
results linked from other sentences, on invented text (never the evaluation set's figures or
sentences)."""

from __future__ import annotations

from reading import find

from kpitools.extract import audit_statements


def _checked(text: str, check: str) -> list[tuple[str, str, float | None]]:
    """(stated, verdict, expected) of the audit's rows of ``check`` in ``text``."""
    found = find(text)
    rows = audit_statements(found).to_dicts() if found else []
    return [(r["stated"], r["verdict"], r["expected"]) for r in rows if r["check"] == check]


# ------------------------------------------------------------ the written plan's rounding


def test_a_percentage_the_plan_s_rounding_alone_reaches_is_flagged() -> None:
    # 38,6 of 52,3 is 73,80 %; a result within 38,55 to 38,65 gives 73,71 to 73,90 % against
    # the plan as written: 73,6 % needs the plan above 52,3 as well (38,55 / 52,35 = 73,64 %)
    text = "Năm 2041, quỹ thu được 38,6 tỷ đồng/52,3 tỷ đồng, đạt 73,6% dự toán cả năm."
    (s,) = find(text)
    assert (s.actual, s.target, s.stated_kind) == (38_600_000_000, 52_300_000_000, "attainment")
    assert _checked(text, "attainment") == [("73,6%", "inconsistent", 73.8)]


def test_a_percentage_only_a_cut_of_the_result_s_rounding_reaches_is_flagged() -> None:
    # 12,4 of 18,5 is 67,03 %; the result's least value, 12,35, gives 66,757 %: 66,8 rounded
    # half-up, 66,7 only when cut (here the plan is read after the slash as a linked one)
    text = "Năm 2041, xí nghiệp sản xuất 12,4 nghìn tấn/18,5 nghìn tấn, đạt 66,7% kế hoạch."
    assert _checked(text, "attainment") == [("66,7%", "inconsistent", 67.0)]
    within = text.replace("66,7%", "66,8%")
    assert _checked(within, "attainment") == [("66,8%", "unchecked", 67.0)]


def test_a_percentage_the_result_s_own_rounding_reaches_is_not_flagged() -> None:
    # 7,3 of 8,1 is 90,12 %, but 7,35 of 8,1 is 90,74 %: the result written to a tenth
    text = "Năm 2041, xí nghiệp sản xuất 7,3 nghìn tấn/8,1 nghìn tấn, đạt 90,7% kế hoạch."
    assert _checked(text, "attainment") == [("90,7%", "unchecked", 90.1)]
    # a result hedged: the approximate figures' check, which a point and a half does not fail
    hedged = "Năm 2041, quỹ thu được khoảng 38,6 tỷ đồng/52,3 tỷ đồng, đạt 73,6% dự toán cả năm."
    assert _checked(hedged, "attainment") == [("73,6%", "unchecked", None)]


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
    assert _checked(text, "attainment") == [("54,1%", "inconsistent", 54.3)]
    within = text.replace("54,1%", "54,2%")
    assert _checked(within, "attainment") == [("54,2%", "unchecked", 54.3)]
