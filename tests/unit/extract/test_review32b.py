"""Review of session 32's rounds, fixer B: a rate's margin no longer drops another measure's
excess, a goal met before a fraction is no aim, a plan's unit slip is left unchecked.

Invented sentences (other wording, figures, units and measures than the evaluation passages).
"""

from __future__ import annotations

from decimal import Decimal

from reading import claim_set, find

B = 10**9

RATE = (
    "Năm 2041, ngành thi hành án giải quyết xong 1.240 việc (đạt 91,2%), vượt 1,2% so với "
    "chỉ tiêu được giao."
)


def test_another_measures_excess_after_a_rates_margin_is_kept() -> None:
    budget = (
        " Thu ngân sách nhà nước trên địa bàn tỉnh đạt 1.200 tỷ đồng, vượt 20% so với chỉ tiêu "
        "được giao."
    )
    assert claim_set(RATE + budget) == {
        (Decimal("91.2"), None, Decimal("1.2"), "excess"),
        (1200 * B, None, Decimal(20), "excess"),
    }


def test_the_money_of_the_rates_measure_is_still_dropped() -> None:
    for money in (
        " Về số tiền, thu hồi trên 1.830 tỷ đồng, vượt 3% so với chỉ tiêu được giao.",
        " Về tiền, thu hồi trên 1.830 tỷ đồng, vượt 3% so với chỉ tiêu được giao.",
    ):
        assert {c[0] for c in claim_set(RATE + money)} == {Decimal("91.2")}, money
    # in the rate's own sentence: the same subject goes on
    same = RATE[:-1] + "; thu hồi trên 1.830 tỷ đồng, vượt 3% so với chỉ tiêu được giao."
    assert {c[0] for c in claim_set(same)} == {Decimal("91.2")}


def test_a_margin_over_another_givers_plan_is_not_the_rates() -> None:
    money = " Về số tiền, thu hồi trên 1.830 tỷ đồng, vượt 3% so với chỉ tiêu Bộ giao."
    assert (1830 * B, None, Decimal(3), "excess") in claim_set(RATE + money)


def test_a_fraction_after_a_goal_carried_out_well_is_a_result() -> None:
    for verb in ("thực hiện tốt", "thực hiện thắng lợi", "hoàn thành các", "đạt"):
        text = f"Năm 2041, Đảng bộ xã {verb} mục tiêu kép với 52/50 đảng viên mới được kết nạp."
        assert [(s.actual, s.target) for s in find(text)] == [(52, 50)], verb
    # a goal set is still an aim
    assert find("Năm 2041, Đảng bộ xã đặt mục tiêu kết nạp 52/50 đảng viên mới.") == []


def test_a_plans_unit_slip_is_read_but_left_unchecked() -> None:
    text = "Năm 2041, thu ngân sách 1.520 tỷ đồng, bằng 95% dự toán là 1.600 đồng."
    (s,) = find(text, money=True)
    assert (s.actual, s.target, s.stated_percent, s.stated_kind) == (
        1520 * B,
        1600 * B,
        Decimal(95),
        "attainment",
    )
    assert s.verdict == "unchecked" and s.consistent is None
    assert s.note is not None and "1600" in s.note


def test_an_excess_over_an_estimate_stays_the_amounts() -> None:
    # "dự toán" names an estimate of money, never a rate's own target: unlike "vượt chỉ tiêu
    # 2%" (the rate's margin), "vượt dự toán 2%" is the amount's excess (kept out on purpose
    # of kinds' list of a rate's plan words)
    rate = claim_set("Năm 2041, huyện trồng 1.260 ha rừng, đạt 92%, vượt chỉ tiêu 2%.")
    assert rate == {(Decimal(92), None, Decimal(2), "excess")}
    amount = claim_set("Năm 2041, huyện thu 1.260 tỷ đồng, đạt 92%, vượt dự toán 2%.")
    assert amount == {(1260 * B, None, Decimal(2), "excess")}
