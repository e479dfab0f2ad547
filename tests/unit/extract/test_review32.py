"""Review of session 32's rounds (fixer A): six readings the rounds 117-121 got wrong.

Invented sentences (other wording, figures, units and measures than the evaluation passages).
"""

from __future__ import annotations

from decimal import Decimal

from reading import figure_set, find

from kpitools.extract.figures import CONNECTORS

_claims = figure_set


def test_last_years_result_is_not_joined_to_this_years_amount() -> None:
    text = "Năm 2041, công ty đạt doanh thu 500 tỷ đồng, năm trước đó đạt 90% kế hoạch."
    assert _claims(text) == {(None, None, Decimal(90), "attainment")}
    # compared with last year, "so với" before it: the amount's growth, then its attainment
    text = "Năm 2041, doanh thu đạt 500 tỷ đồng, tăng 10% so với năm trước đó và đạt 90% kế hoạch."
    assert (Decimal(500) * 10**9, None, Decimal(90), "attainment") in _claims(text)


def test_connectors_read_each_step_once() -> None:
    # the repetition is atomic: a long lead that fails is not split again word by word
    # (the speed itself is measured in benchmarks/, no timing here)
    assert "(?>" in CONNECTORS.pattern
    text = (
        "Năm 2041, doanh thu đạt 500 tỷ đồng,"
        + " so với năm trước đó" * 40
        + " xyz đạt 80% kế hoạch."
    )
    assert not any(a is not None for a, *_ in _claims(text))
    # the longer phrase is tried first, so no reading is lost to a shorter one
    for lead in (
        "so với năm trước đó và",
        "so cùng kỳ 2040 và",
        "so với cùng kỳ năm ngoái, tăng trưởng",
        "lớn nhất trong 10 năm qua đó",
        "cao nhất trong nhiều năm qua và",
        "kế hoạch tỉnh giao và",
        "hoàn thành đúng dự toán của tỉnh và",
        "song vẫn đạt",
        "tăng gấp đôi so với cùng kỳ năm trước và đạt tỷ lệ",
    ):
        assert CONNECTORS.fullmatch(lead.replace(",", "")), lead
    for lead in ("năm trước đó đạt", "so với năm học này", "sovới"):
        assert not CONNECTORS.fullmatch(lead), lead


def test_an_aim_between_two_percentages_of_a_plan_ends_the_plans_name() -> None:
    text = (
        "Năm 2041, doanh thu 9 tháng đạt 800 tỷ đồng, bằng 80% kế hoạch năm quyết tâm "
        "quý IV đạt 100% kế hoạch."
    )
    found = _claims(text)
    assert (Decimal(800) * 10**9, None, Decimal(80), "attainment") in found
    assert not any(a is not None and p == 100 for a, _, p, _ in found)


def test_about_written_as_xap_xi_qualifies_an_amount_read_in_its_own_window() -> None:
    text = (
        "Doanh thu quý I đạt xấp xỉ 500 tỷ đồng. Kế hoạch năm 2041 của công ty là 2.000 tỷ "
        "đồng. Như vậy, công ty đã thực hiện được 25% kế hoạch năm."
    )
    (s,) = [s for s in find(text, money=True) if s.actual is not None]
    assert (s.actual, s.target, s.stated_percent) == (
        Decimal(500) * 10**9,
        Decimal(2000) * 10**9,
        25,
    )
    assert s.qualifier == "xấp xỉ"
    assert s.consistent is None


def test_a_share_over_a_budget_stays_a_share() -> None:
    text = (
        "Năm 2041, chi đầu tư phát triển 300 tỷ đồng, chiếm 30% trên dự toán chi ngân sách huyện."
    )
    assert _claims(text) == {(Decimal(300) * 10**9, None, Decimal(30), "share")}
    # reached over the budget: an attainment, as round 120 reads it
    text = text.replace("chiếm", "đạt")
    assert _claims(text) == {(Decimal(300) * 10**9, None, Decimal(30), "attainment")}


def test_months_up_to_one_are_no_single_month_for_what_the_result_brought() -> None:
    text = (
        "Tính đến tháng 9, công ty đạt doanh thu 700 tỷ đồng, qua đó hoàn thành 78% kế hoạch năm."
    )
    assert _claims(text) == {(Decimal(700) * 10**9, None, Decimal(78), "attainment")}
    # one month's amount, as before: its percentage is not that month's
    text = text.replace("Tính đến tháng 9, công ty đạt", "Trong tháng 9, công ty đạt")
    assert not any(a is not None for a, *_ in _claims(text))


def test_an_aim_spelled_ki_vong_ends_the_plans_name_too() -> None:
    """``AIMED`` takes its shared words from ``target_words.AIM_WORDS`` (``kì`` as ``kỳ``)."""
    for aim in ("kỳ vọng", "kì vọng"):
        text = (
            "Năm 2041, doanh thu 9 tháng đạt 640 tỷ đồng, bằng 80% kế hoạch năm "
            f"{aim} quý IV đạt 100% kế hoạch."
        )
        found = _claims(text)
        assert (Decimal(640) * 10**9, None, Decimal(80), "attainment") in found, aim
        assert not any(a is not None and p == 100 for a, _, p, _ in found), aim
