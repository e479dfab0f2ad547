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


def _claims(text: str) -> set[tuple[object, object, object, object]]:
    """(actual, target, stated percent, kind) of each claim with an actual."""
    return {
        (s.actual, s.target, s.stated_percent, s.stated_kind)
        for s in find(text, money=True)
        if is_claim(s) and s.actual is not None
    }


def test_a_second_plan_s_percentage_after_a_first_plan_named_with_its_period() -> None:
    cases = {
        # the first plan's quarter by number, the second the year's
        "Quỹ đã cho vay mới 3.460 tỷ đồng, hoàn thành 58% kế hoạch cho vay quý 2 và đạt 21% "
        "kế hoạch cho vay của năm 2041.": (3_460 * B, 58, 21),
        # the year by number, the second plan bare after "và", of a quarter
        "Tổng khối lượng trái phiếu phát hành đạt 27.300 tỷ đồng, tương ứng đạt 18,6% kế hoạch "
        "năm 2041 và 66,5% kế hoạch quý I/2041.": (27_300 * B, Decimal("18.6"), Decimal("66.5")),
        # the year, then the plan's giver
        "Thu ngân sách thị trấn cả năm đạt 19 tỷ đồng, đạt 121,4% so với dự toán năm 2041 "
        "giao và đạt 103,7% so với dự toán thị xã giao.": (
            19 * B,
            Decimal("121.4"),
            Decimal("103.7"),
        ),
        # the measure planned named before the first plan's noun
        "Lượng nước sạch cung cấp đạt 6.120 nghìn m3, đạt 97% sản lượng kế hoạch Sở giao và "
        "đạt 52,6% kế hoạch cả năm.": (6_120_000, 97, Decimal("52.6")),
    }
    for text, (actual, first, second) in cases.items():
        assert _claims(text) == {
            (actual, None, first, "attainment"),
            (actual, None, second, "attainment"),
        }, text


def test_a_second_percentage_of_another_period_or_measure_takes_not_the_first_amount() -> None:
    cases = {
        # another period's result: "và quý 4 đạt", "và lũy kế 8 tháng đạt", "và năm … đạt"
        "Doanh thu quý 3 đạt 640 tỷ đồng, bằng 27% kế hoạch và quý 4 đạt 31% kế hoạch.": (
            640 * B,
            27,
        ),
        "Doanh thu tháng 8 đạt 75 tỷ đồng, bằng 104% kế hoạch tháng 8 và lũy kế 8 tháng đạt "
        "69% kế hoạch năm.": (75 * B, 104),
        "Doanh thu tháng 8 đạt 75 tỷ đồng, bằng 104% kế hoạch tháng 8/2041 và năm 2041 đạt 69% "
        "kế hoạch.": (75 * B, 104),
        # another measure or subject after the first plan's year
        "Doanh thu đạt 815 tỷ đồng, hoàn thành 57% kế hoạch năm 2041 và lợi nhuận đạt 44% kế "
        "hoạch.": (815 * B, 57),
        "Thu ngân sách huyện đạt 275 tỷ đồng, bằng 86% dự toán năm 2041 và thu ngân sách xã "
        "đạt 93% dự toán.": (275 * B, 86),
        # the plan named by a measure between the two percentages: not told apart, not read
        "Quỹ đã giải ngân 3.460 tỷ đồng, hoàn thành 58% kế hoạch giải ngân quý 2 và đạt 21% "
        "kế hoạch giải ngân của năm 2041.": (3_460 * B, 58),
    }
    for text, (actual, first) in cases.items():
        assert _claims(text) == {(actual, None, first, "attainment")}, text


def test_a_level_named_by_its_measure_s_verb_refers_to_the_amount_before() -> None:
    assert _claims(
        "Năm 2041, thu ngân sách trên địa bàn huyện đạt 1.760 tỷ đồng. Mức thu này tương ứng "
        "108% dự toán tỉnh giao và 97% dự toán HĐND huyện giao."
    ) == {(1_760 * B, None, 108, "attainment"), (1_760 * B, None, 97, "attainment")}
    assert _claims(
        "Đến ngày 30/11, thành phố đã giải ngân 640 tỷ đồng vốn đầu tư công. Mức giải ngân này "
        "bằng 71% kế hoạch vốn."
    ) == {(640 * B, None, 71, "attainment")}
    # two amounts before it: the level is not told, nothing read with an amount
    assert (
        _claims(
            "Năm 2041, thu ngân sách đạt 1.760 tỷ đồng, chi ngân sách 1.420 tỷ đồng. Mức chi này "
            "bằng 93% dự toán."
        )
        == set()
    )
