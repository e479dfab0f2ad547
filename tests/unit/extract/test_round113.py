"""Round 113: rates against a plan's rate beside them, and percentages of a plan in lists.

Invented sentences (other wording, figures, units and measures than the evaluation passages).
"""

from __future__ import annotations

from decimal import Decimal

from reading import find, paired_or_attained

CHILDREN = (
    "Đến nay, xã đang theo dõi 2.310 trẻ em dưới 5 tuổi. Trong đó có 2.190 trẻ được tiêm "
    "chủng đầy đủ (đạt 94,8% so với kế hoạch giao 92%). Có 2.100 trẻ được cân đo định kỳ, "
    "đạt 91% so với chỉ tiêu 95%."
)

HOUSEHOLDS = (
    "Năm 2041, có 12.604/12.980 hộ được công nhận hộ sạch đẹp (đạt tỷ lệ 97,1% so với mục "
    "tiêu đề ra trên 95%)."
)


_claims = paired_or_attained


def test_a_rate_beside_a_plans_rate_is_read_against_it_not_given_to_the_count() -> None:
    assert _claims(CHILDREN) == {
        (Decimal("94.8"), Decimal(92), None, None),
        (Decimal(91), Decimal(95), None, None),
    }


def test_a_count_keeps_its_percentage_of_a_plan_with_no_rate_written() -> None:
    # the plan's figure not a percentage, or none: the count's share of its plan, as before
    for before, after in (
        ("so với kế hoạch giao 92%)", "so với kế hoạch giao)"),
        ("so với kế hoạch giao 92%)", "so với kế hoạch, tăng 3% so với cùng kỳ)"),
        ("so với kế hoạch giao 92%)", "so với kế hoạch và 102% so với cùng kỳ)"),
    ):
        text = CHILDREN.replace(before, after)
        assert text != CHILDREN
        found = _claims(text)
        assert (Decimal(2190), None, Decimal("94.8"), "attainment") in found, after
        assert not any(a == Decimal("94.8") for a, *_ in found), after


def test_a_fractions_rate_read_as_an_attainment_is_set_against_the_plans_rate() -> None:
    found = _claims(HOUSEHOLDS)
    assert (Decimal("97.1"), Decimal(95), None, None) in found
    # the fraction stays a fraction: 12.604 of 12.980 households, no plan of 95 households
    assert not any(t == Decimal(95) and a != Decimal("97.1") for a, t, *_ in found)


FINES = (
    "Năm 2041, đội quản lý thị trường kiểm tra 210 cơ sở, xử phạt 64 cơ sở với tổng số tiền "
    "385 triệu đồng, vượt 28% chỉ tiêu được giao."
)


def _percent_claims(text: str, *, money: bool = True) -> list[tuple[object, Decimal | None]]:
    return [
        (s.actual, s.stated_percent)
        for s in find(text, money=money)
        if s.stated_kind in ("attainment", "excess")
    ]


def test_a_percentage_after_a_total_sum_said_with_a_count_is_the_sums() -> None:
    assert _percent_claims(FINES) == [(Decimal(385_000_000), Decimal(28))]
    # money masked: the count does not take the sum's percentage
    assert _percent_claims(FINES, money=False) == []


def test_the_worth_of_a_count_or_a_sum_after_a_comma_keeps_its_reading() -> None:
    # the worth of what is counted: the count's, as before (round 6)
    worth = FINES.replace("với tổng số tiền", "với tổng kinh phí")
    assert _percent_claims(worth) == [(Decimal(64), Decimal(28))]
    # a sum after a comma: which figure the percentage is of, unsaid (round 77)
    apart = FINES.replace("64 cơ sở với", "64 cơ sở, với")
    assert _percent_claims(apart) == []


ROUND = (
    "Đến nay, xã đã hoàn thành đợt cấp phát thuốc cho người cao tuổi, đạt 100% kế hoạch. "
    "Phát thuốc huyết áp cho 640 người; phát thuốc tiểu đường cho 215 người và phát vitamin "
    "cho 1.300 người."
)


def _round_counts(text: str) -> list[tuple[object, object, Decimal | None, object]]:
    return [
        (s.actual, s.target, s.stated_percent, s.implied_target)
        for s in find(text)
        if s.stated_kind == "attainment"
    ]


def test_a_round_done_in_full_gives_each_count_listed_next_its_percentage() -> None:
    assert _round_counts(ROUND) == [
        (Decimal(640), None, Decimal(100), Decimal(640)),
        (Decimal(215), None, Decimal(100), Decimal(215)),
        (Decimal(1300), None, Decimal(100), Decimal(1300)),
    ]


def test_no_count_takes_the_rounds_percentage_without_its_guards() -> None:
    for before, after in (
        # not exactly 100 %
        ("đạt 100% kế hoạch", "đạt 98% kế hoạch"),
        # a figure of the round's own in its sentence
        ("cho người cao tuổi,", "cho 2.155 người cao tuổi,"),
        # the list opens with a time and another verb than the round's sentence writes
        ("Phát thuốc huyết áp cho 640", "Tính đến cuối tháng, khám cho 640"),
        # a later time, a plan, a percentage or money in the list
        ("phát vitamin cho", "thời gian tới sẽ phát vitamin cho"),
        ("cho 215 người", "cho 215 người (đạt 90%)"),
        ("cho 1.300 người.", "cho 1.300 người, trị giá 40 triệu đồng."),
        # one item only
        ("cho 640 người; phát thuốc tiểu đường cho 215 người và phát vitamin cho", "cho"),
        # another paragraph
        ("kế hoạch. Phát", "kế hoạch.\nPhát"),
    ):
        text = ROUND.replace(before, after)
        assert text != ROUND, after
        assert not any(a in (640, 215, 1300) for a, *_ in _round_counts(text)), after


POOR = (
    "Năm 2041, số hộ nghèo của xã giảm 212 hộ so với năm 2040, vượt 40 hộ so với tỉnh giao, "
    "vượt 15 hộ so với chỉ tiêu huyện giao."
)


def _excess_pairs(text: str) -> set[tuple[object, object, object]]:
    return {
        (s.actual, s.target, s.excess)
        for s in find(text)
        if s.stated_kind == "excess_count" and s.target is not None
    }


def test_each_excess_written_as_a_count_gives_its_plan_a_target() -> None:
    expected = {
        (Decimal(212), Decimal(172), Decimal(40)),
        (Decimal(212), Decimal(197), Decimal(15)),
    }
    assert _excess_pairs(POOR) == expected
    # the count read as the result, no past year: the grammar's first pair and the second
    plain = (
        "Năm 2041, xã giảm 212 hộ nghèo, vượt 40 hộ so với chỉ tiêu tỉnh giao và vượt 15 hộ so "
        "với chỉ tiêu huyện giao."
    )
    assert _excess_pairs(plain) == expected


def test_no_target_from_an_excess_of_another_kind_of_change_or_a_loose_count() -> None:
    for before, after in (
        # a rise of something else since a past year: the excess may be over the level
        ("số hộ nghèo của xã giảm 212 hộ", "số hộ kinh doanh của xã tăng 212 hộ"),
        # a loose count
        ("giảm 212 hộ", "giảm hơn 212 hộ"),
        # an excess of another unit word
        ("vượt 15 hộ so", "vượt 15 khẩu so"),
        # an excess larger than the count
        ("vượt 15 hộ so", "vượt 315 hộ so"),
    ):
        text = POOR.replace(before, after)
        assert text != POOR, after
        found = _excess_pairs(text)
        assert not any(t == Decimal(197) for _, t, _ in found), after
    # money: an amount's excess is not read here
    money = (
        "Năm 2041, lợi nhuận đạt 2.150 tỷ đồng, vượt 300 tỷ so với kế hoạch, vượt 120 tỷ so "
        "với chỉ tiêu."
    )
    assert not _excess_pairs(money)
