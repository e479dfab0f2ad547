"""Round 121: round 117's leftovers (``xấp xỉ`` as a qualifier).

Invented sentences (other wording, figures, measures and units than the evaluation passages),
each of a family of wording the extractor missed, read as the extraction tests read them: the
exact claims each gives, and the readings that must not happen.
"""

from __future__ import annotations

from decimal import Decimal

from reading import find, is_claim

B = Decimal(10) ** 9


def _readings(text: str) -> set[tuple[object, object, object, object, object]]:
    """(actual, target, stated percent, kind, qualifier) of each statement with an actual."""
    return {
        (s.actual, s.target, s.stated_percent, s.stated_kind, s.qualifier)
        for s in find(text, money=True)
        if s.actual is not None
    }


def test_xap_xi_hedges_the_percentage_of_a_plan_as_khoang_does() -> None:
    assert _readings("Sản lượng chè búp tươi cả năm đạt 61.800 tấn, bằng xấp xỉ 64% kế hoạch.") == {
        (61_800, None, 64, "attainment", "xấp xỉ")
    }
    assert _readings("Thu nội địa ước đạt 3.170 tỷ đồng, xấp xỉ 102% dự toán tỉnh giao.") == {
        (3_170 * B, None, 102, "attainment", "xấp xỉ")
    }
    assert _readings(
        "Vốn ngân sách huyện đã giải ngân 86 tỷ đồng, đạt Xấp xỉ 47% kế hoạch vốn giao."
    ) == {(86 * B, None, 47, "attainment", "xấp xỉ")}


def test_xap_xi_before_the_amount_is_its_qualifier_as_written() -> None:
    assert _readings(
        "Lãi trước thuế năm 2041 đạt xấp xỉ 640 tỷ đồng, tăng 6% so với cùng kỳ và đạt 93% "
        "kế hoạch năm."
    ) == {
        (640 * B, None, 6, "growth", "xấp xỉ"),
        (640 * B, None, 93, "attainment", "xấp xỉ"),
    }
    # the plan written: the result is no exact figure, and the qualifier says what the text says
    [s] = [
        s
        for s in find(
            "Kế hoạch năm 2041 là 900 tỷ đồng; doanh thu thực hiện xấp xỉ 870 tỷ đồng.", money=True
        )
        if is_claim(s)
    ]
    assert (s.actual, s.target, s.qualifier, s.exact) == (870 * B, 900 * B, "xấp xỉ", False)
    # a multiple of the plan, read from the folded text: its qualifier mapped back to the text's
    assert _readings("Lãi ròng quý IV đạt xấp xỉ 58 tỷ đồng, gấp 1,4 lần kế hoạch.") == {
        (58 * B, None, Decimal("140"), "attainment", "xấp xỉ")
    }


def test_xap_xi_before_a_growth_or_a_share_gives_no_attainment() -> None:
    assert _readings("Kim ngạch nhập khẩu đạt 515 triệu USD, tăng xấp xỉ 9% so với cùng kỳ.") == {
        (515 * 10**6, None, 9, "growth", "xấp xỉ")
    }
    assert _readings(
        "Doanh thu mảng dược phẩm đạt 410 tỷ đồng, chiếm xấp xỉ 28% tổng doanh thu."
    ) == {(410 * B, None, 28, "share", "xấp xỉ")}
    # "xấp xỉ bằng" a past year's level: no figure hedged, no plan's percentage taken by it
    assert all(
        s.stated_kind != "attainment" or s.actual is None
        for s in find(
            "Doanh thu đạt 1.120 tỷ đồng, xấp xỉ bằng cùng kỳ và đạt 84% kế hoạch năm.", money=True
        )
    )


def test_a_percentage_hedged_by_xap_xi_is_held_to_its_figures_as_khoang_is() -> None:
    [bad] = find(
        "Kế hoạch năm là 3.000 tỷ đồng, doanh thu đạt 2.250 tỷ đồng, bằng xấp xỉ 90% kế hoạch.",
        money=True,
    )
    assert (bad.actual, bad.target, bad.verdict) == (2_250 * B, 3_000 * B, "inconsistent")
    [near] = find(
        "Kế hoạch năm là 3.000 tỷ đồng, doanh thu đạt 2.680 tỷ đồng, bằng xấp xỉ 90% kế hoạch.",
        money=True,
    )
    assert (near.actual, near.target, near.verdict) == (2_680 * B, 3_000 * B, "unchecked")
