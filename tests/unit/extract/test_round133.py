"""Round 133 of the extraction rules (issue 17): a result's percentage of a plan that its
measure's one plan, written in another sentence, contradicts; on invented text (never the
evaluation set's figures or sentences)."""

from __future__ import annotations

from reading import audit_rows, find

_PLAN = (
    "Năm 2041, huyện được giao kế hoạch trồng 52.000 cây phân tán. Các xã đã chuẩn bị cây "
    "giống từ đầu năm.\n\n"
)
_RESULT = "Đến hết quý III, toàn huyện trồng được 31.000 cây, đạt 71% kế hoạch."


def test_a_percentage_its_one_plan_written_apart_contradicts_is_flagged() -> None:
    # 31.000 of 52.000 is 59,62 %, not 71 %: the passage's only plan of trees
    text = _PLAN + _RESULT
    (plan, s) = find(text)
    assert (plan.actual, plan.target) == (None, 52_000)
    assert (s.actual, s.target, s.stated, s.stated_kind) == (31_000, None, "71%", "attainment")
    assert s.verdict == "inconsistent"
    assert "52000" in (s.note or "") and "59.6154" in (s.note or "")
    assert audit_rows(text) == [("71%", "inconsistent", None)]


def test_a_percentage_of_tonnes_its_one_plan_before_contradicts_is_flagged() -> None:
    # 3.150 of 8.400 is 37,5 %, not 45 %
    text = (
        "Năm 2041, nhà máy đặt kế hoạch sản xuất 8.400 tấn phân bón. Giá nguyên liệu ổn "
        "định.\n\nSáu tháng đầu năm 2041, nhà máy sản xuất được 3.150 tấn, bằng 45% kế hoạch."
    )
    s = find(text)[-1]
    assert (s.actual, s.target, s.stated, s.stated_kind) == (3_150, None, "45%", "attainment")
    assert "37.5" in (s.note or "")
    assert audit_rows(text) == [("45%", "inconsistent", None)]


def test_a_percentage_the_plan_gives_is_linked_and_not_flagged() -> None:
    text = _PLAN + _RESULT.replace("71%", "59,6%")
    s = find(text)[-1]
    assert (s.actual, s.target) == (31_000, 52_000)
    assert audit_rows(text) == [("59,6%", "consistent", 59.6)]


def test_near_misses_are_not_flagged() -> None:
    cases = {
        # a plan of another year
        "year": _PLAN.replace("2041", "2040") + "Năm 2041, " + _RESULT[0].lower() + _RESULT[1:],
        # an estimate, or a hedged result
        "estimate": _PLAN + _RESULT.replace("trồng được", "ước trồng được"),
        "hedged": _PLAN + _RESULT.replace("được 31.000", "được khoảng 31.000"),
        # a growth, a share of another whole
        "growth": _PLAN + _RESULT.replace("đạt 71% kế hoạch", "tăng 71% so với cùng kỳ"),
        "share": _PLAN + _RESULT.replace("đạt 71% kế hoạch", "chiếm 71% tổng số cây giống"),
        # two plans of trees: which one?
        "two plans": _PLAN.replace("phân tán.", "phân tán, tỉnh giao chỉ tiêu 44.000 cây.")
        + _RESULT,
        # a part's percentage beside the whole's: each may be of its own plan
        "parts": _PLAN + _RESULT + " Trong đó, xã Đông trồng 9.000 cây, đạt 90% kế hoạch.",
        # within a point of the figures
        "within": _PLAN + _RESULT.replace("71%", "60,5%"),
    }
    for name, text in cases.items():
        assert "inconsistent" not in [v for _, v, _ in audit_rows(text)], name


def test_a_plan_of_another_measure_kind_or_level_is_not_read() -> None:
    result = (
        "\n\nQuý I, doanh thu hợp nhất của công ty đạt 180 tỷ đồng, hoàn thành 35% kế hoạch năm."
    )
    for plan in (
        "Năm 2041, công ty đặt kế hoạch lợi nhuận trước thuế 60 tỷ đồng.",
        "Năm 2041, công ty mẹ đặt kế hoạch doanh thu 600 tỷ đồng.",
        "Năm 2041, công ty đặt kế hoạch doanh thu 600 tỷ đồng, sau đó điều chỉnh còn 515 tỷ đồng.",
    ):
        assert "inconsistent" not in [v for _, v, _ in audit_rows(plan + result)], plan


# ------------------------------------------------------------ a named plan's bare percentage

_NAMED = (
    "Sáu tháng đầu năm 2041, lợi nhuận trước thuế của ngân hàng đạt 1.450 tỷ đồng. Ngân hàng "
    "đặt mục tiêu lợi nhuận trước thuế 4.000 tỷ đồng cho cả năm. Với kết quả này, ngân hàng đã "
    "thực hiện được 44% kế hoạch lợi nhuận năm."
)


def test_a_named_plan_s_percentage_its_measure_s_figures_contradict_is_flagged() -> None:
    # 1.450 of 4.000 is 36,25 %: the measure's one result and one plan, not 44 %
    (plan, s) = find(_NAMED)
    assert (plan.actual, plan.target) == (None, 4_000_000_000_000)
    assert (s.actual, s.target, s.stated, s.stated_kind) == (None, None, "44%", "attainment")
    assert "36.25" in (s.note or "")
    assert audit_rows(_NAMED) == [("44%", "inconsistent", None)]
    # the figures that give it are linked by the statement pass, and consistent
    fits = _NAMED.replace("44%", "36,3%")
    assert audit_rows(fits) == [("36,3%", "consistent", 36.3)]


def test_a_named_plan_s_percentage_is_not_flagged_against_another_plan() -> None:
    cases = {
        "another year": _NAMED.replace("cho cả năm", "cho năm 2042"),
        "revised": _NAMED.replace("cho cả năm", "sau khi điều chỉnh"),
        "hedged plan": _NAMED.replace("thuế 4.000", "thuế khoảng 4.000"),
        "estimate": _NAMED.replace("của ngân hàng đạt", "của ngân hàng ước đạt"),
        "another kind": _NAMED.replace("trước thuế 4.000", "sau thuế 4.000"),
    }
    for name, text in cases.items():
        assert "inconsistent" not in [v for _, v, _ in audit_rows(text)], name
