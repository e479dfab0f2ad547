"""Review of rounds 160 and 162 (session 37, reviewer-fixer C): regressions on invented text.

Round 162 read a fraction's rate or share listed right after an attainment of a fraction as an
attainment too (``triệt sản thực hiện 9/20 tỷ lệ 45% so với kế hoạch; đặt vòng thực hiện 90/160
tỷ lệ 56,25%``). A share said with another word than the attainment's (``…, đạt 90% kế hoạch;
… 180/1.200 đảng viên, chiếm 15%``), or a rate of another thing not listed alike (``…; sinh con
thứ ba 30/600 tỷ lệ 5%``), is no item of that list and keeps its kind, as before round 162.
Round 162's ``Theo kế hoạch … sẽ`` plan is the figure's of the clause of ``sẽ`` only; round
160's qualifier before a respective percentage stays on the pair that takes it.
"""

from __future__ import annotations

from decimal import Decimal

from reading import find


def _rows(text: str) -> set[tuple[object, object, str | None, object]]:
    return {(s.actual, s.target, s.stated_kind, s.stated_percent) for s in find(text)}


def test_a_share_said_with_another_word_than_the_attainment_stays_a_share() -> None:
    text = (
        "Năm 2041, huyện Tam Nông kết nạp 45/50 đảng viên, đạt 90% kế hoạch; số đảng viên là "
        "người dân tộc thiểu số 180/1.200 đảng viên, chiếm 15%."
    )
    rows = _rows(text)
    assert (45, 50, "attainment", 90) in rows
    assert (180, 1200, "share", 15) in rows


def test_a_share_after_a_money_attainment_stays_a_share() -> None:
    text = (
        "Năm 2041, huyện Cờ Đỏ giải ngân vốn đầu tư công 450/600 tỷ đồng, đạt 75% kế hoạch; tỷ lệ "
        "hộ nghèo 120/4.000 hộ, chiếm 3%."
    )
    rows = _rows(text)
    assert not any(r[:2] == (120, 4000) and r[2] == "attainment" for r in rows)


def test_items_said_alike_still_follow_the_attainment() -> None:
    text = (
        "Năm 2041, huyện Phù Mỹ thực hiện các biện pháp tránh thai: triệt sản thực hiện 12/30 "
        "tỷ lệ 40% so với kế hoạch; đặt vòng tránh thai thực hiện 99/180 tỷ lệ 55%."
    )
    assert (99, 180, "attainment", Decimal(55)) in _rows(text)


# Round 162 read any figure after a `Theo kế hoạch …` opening as the plan's when `sẽ` stood
# anywhere between the opening and it; `sẽ` says what its own clause will do, so a later
# clause's count (the school's pupils, last year's result) is no plan.


def test_se_of_an_earlier_clause_sets_no_plan_of_a_later_clause_s_count() -> None:
    text = (
        "Theo kế hoạch, Trường THPT Lê Lợi sẽ khai giảng vào ngày 5/9, năm nay trường có 1.200 "
        "học sinh. Đến nay có 900 học sinh đã nhập học, đạt 75%."
    )
    assert not any(s.target == 1200 for s in find(text))
    text = (
        "Theo kế hoạch, năm 2041 huyện Đức Cơ sẽ trồng 600 ha rừng, năm 2040 huyện trồng 500 ha. "
        "Đến nay, huyện trồng được 400 ha, đạt 80%."
    )
    assert not any(s.actual == 400 and s.target == 500 for s in find(text))


def test_se_in_the_figure_s_own_clause_still_sets_the_plan() -> None:
    text = (
        "Theo kế hoạch, trong năm 2041, huyện Đức Cơ sẽ trồng mới 600 ha rừng. Đến nay, huyện "
        "đã trồng được 450 ha, đạt 75%."
    )
    assert (450, 600, "attainment", 75) in _rows(text)
    # a list's later item, no words of its own, takes the first item's `sẽ`
    text = (
        "Theo kế hoạch năm 2041, huyện Đức Cơ sẽ trồng 300 ha keo, 200 ha thông. Đến nay, huyện "
        "đã trồng được 150 ha thông, đạt 75%."
    )
    assert (150, 200, "attainment", 75) in _rows(text)


# An item follows the attainment when it is said alike (the same word right before its
# fraction: `thực hiện`, a label's colon) or is one of the parts after `Trong đó`; a rate of
# another thing listed after it (`sinh con thứ ba 30/600 tỷ lệ 5%`) is no attainment.


def test_a_rate_of_another_thing_listed_after_an_attainment_stays_a_rate() -> None:
    text = (
        "Năm 2041, huyện Krông Pa triệt sản thực hiện 8/20 tỷ lệ 40% so với kế hoạch; sinh con "
        "thứ ba 30/600 tỷ lệ 5%."
    )
    rows = _rows(text)
    assert (8, 20, "attainment", 40) in rows
    assert (30, 600, "rate", 5) in rows


def test_labelled_items_and_parts_still_follow_the_attainment() -> None:
    text = (
        "Năm 2041, huyện Krông Pa thực hiện các biện pháp tránh thai: triệt sản: 8/20 tỷ lệ 40% "
        "so với kế hoạch; đặt vòng tránh thai: 99/180 tỷ lệ 55%."
    )
    assert (99, 180, "attainment", 55) in _rows(text)
    text = (
        "Năm 2041, toàn tỉnh thực hiện 20.000/40.000 người, chiếm 50% so với kế hoạch năm. Trong "
        "đó: triệt sản: 30/60 người, chiếm 50%; vòng tránh thai có 2.200/4.400 người, chiếm 50%."
    )
    rows = _rows(text)
    assert (30, 60, "attainment", 50) in rows
    assert (2200, 4400, "attainment", 50) in rows


# Round 160 let a qualifier stand before either of two percentages said respectively; the
# pairs read before them took the percentage but not its qualifier, so `gần 47%` was read and
# checked as an exact 47%.


def test_a_qualified_respective_percentage_keeps_its_qualifier_on_a_pair() -> None:
    text = (
        "Sau 6 tháng, Công ty Minh Phát đạt doanh thu 2.340 tỷ đồng, lợi nhuận 556 tỷ đồng so với "
        "kế hoạch doanh thu 5.000 tỷ đồng và lợi nhuận 1.200 tỷ đồng. Như vậy, công ty đã hoàn "
        "thành lần lượt gần 47% và hơn 46% kế hoạch."
    )
    read = {
        (s.actual, s.stated_percent): (s.qualifier, s.verdict)
        for s in find(text, money=True)
        if s.stated_kind == "attainment"
    }
    assert read[(2340 * 10**9, 47)] == ("gần", "unchecked")
    assert read[(556 * 10**9, 46)] == ("hơn", "unchecked")
