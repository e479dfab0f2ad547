"""Round 81 of the extraction rules (issue 17): each rule with a positive and a negative case
on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

PLANS_AFTER = (
    "Năm 2041, hợp tác xã đạt doanh thu 1.020 tỷ đồng, lợi nhuận 37 tỷ đồng. So với kế hoạch"
    " năm 2041 là doanh thu 1.200 tỷ đồng và lợi nhuận 40 tỷ đồng, hợp tác xã hoàn thành lần"
    " lượt 85% và 93% kế hoạch."
)
GROWTHS_AFTER = PLANS_AFTER.replace("hoàn thành lần lượt", "tăng lần lượt")
OTHER_KIND = PLANS_AFTER.replace("lợi nhuận 37", "lợi nhuận sau thuế 37").replace(
    "lợi nhuận 40", "lợi nhuận trước thuế 40"
)


def _claims(text: str) -> list[tuple[Decimal | None, object, Decimal | None]]:
    return [(s.actual, s.target, s.stated_percent) for s in find(text) if s.actual is not None]


def test_plans_after_their_results_take_the_percentages_in_turn() -> None:
    found = find(PLANS_AFTER)
    claims = [(s.actual, s.target, s.stated_percent, s.verdict) for s in found]
    assert claims == [
        (Decimal(1020 * 10**9), Decimal(1200 * 10**9), Decimal(85), "consistent"),
        (Decimal(37 * 10**9), Decimal(40 * 10**9), Decimal(93), "consistent"),
    ]
    assert all(s.link_text for s in found)


def test_growths_after_plans_are_no_attainment() -> None:
    assert not any(p is not None for _, _, p in _claims(GROWTHS_AFTER))


def test_a_plan_of_another_kind_of_profit_takes_no_result() -> None:
    assert _claims(OTHER_KIND) == []


def test_plans_after_their_results_are_money_left_out_without_money() -> None:
    assert find(PLANS_AFTER, money=False) == []


PARTS_THEN_GOALS = (
    "Năm 2041, xã gieo trồng 830 ha. Trong đó, trồng lúa 610 ha, rau màu 220 ha. Cùng với đó,"
    " sản lượng đạt 5.400 tấn, trong đó trồng lúa 4.100 tấn, rau màu 1.300 tấn. Kế hoạch năm"
    " 2041 gieo trồng 850 ha, trong đó rau màu 250 ha và trồng lúa 600 ha."
)
# the goals' sentence opens on no plan: another year's results, not goals
PARTS_THEN_RESULTS = PARTS_THEN_GOALS.replace("Kế hoạch năm 2041 gieo", "Năm 2040 xã gieo")
# the goals' sentence opens on a plan, of the next year: no goals of these parts
PARTS_THEN_NEXT_GOALS = PARTS_THEN_GOALS.replace("Kế hoạch năm 2041", "Kế hoạch năm 2042")


def test_listed_parts_take_the_goals_listed_by_their_names_and_units() -> None:
    found = {(s.label, s.actual, s.target) for s in find(PARTS_THEN_GOALS) if s.actual is not None}
    assert found == {
        ("rau màu", Decimal(220), Decimal(250)),
        ("trồng lúa", Decimal(610), Decimal(600)),
    }


def test_listed_parts_take_no_results_listed_in_another_year() -> None:
    assert _claims(PARTS_THEN_RESULTS) == []
    assert _claims(PARTS_THEN_NEXT_GOALS) == []


CAPITAL_COLON = (
    "Nguồn vốn đầu tư công năm 2041: 512,4 tỷ đồng, đã thực hiện 260 tỷ"
    " đồng, đạt 50,7% kế hoạch, thanh toán 240 tỷ đồng, đạt 46,8% kế hoạch."
)
# a percentage its result and the capital's amount do not give
CAPITAL_COLON_OFF = CAPITAL_COLON.replace("50,7%", "52,7%")


def test_the_capital_after_a_colon_is_the_plan_of_the_attainments_after_it() -> None:
    claims = _claims(CAPITAL_COLON)
    assert [(a, t) for a, t, _ in claims] == [
        (Decimal(260 * 10**9), Decimal("512.4") * 10**9),
        (Decimal(240 * 10**9), Decimal("512.4") * 10**9),
    ]


def test_the_capital_is_no_plan_of_a_percentage_it_does_not_give() -> None:
    (first, *_) = _claims(CAPITAL_COLON_OFF)
    assert first[1] is None
