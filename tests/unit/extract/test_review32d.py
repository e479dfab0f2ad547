"""Review fixes of session 32, fixer D: audit readings that flagged unseen text falsely.

Invented sentences (other wording, figures and units than the evaluation passages).
"""

from __future__ import annotations

from reading import find

from kpitools.extract import audit_statements


def _checked(text: str, check: str) -> list[tuple[str, str]]:
    """(stated, verdict) of the audit's rows of ``check`` in ``text``."""
    found = find(text, money=True)
    rows = audit_statements(found).to_dicts() if found else []
    return [(r["stated"], r["verdict"]) for r in rows if r["check"] == check]


def test_a_share_of_the_fraction_s_noun_in_another_scope_is_not_checked() -> None:
    for text in (
        "Năm 2041, huyện có 15/23 trường đạt chuẩn quốc gia, chiếm 12% tổng số trường đạt "
        "chuẩn của tỉnh.",
        "Năm 2041, huyện có 9/14 hợp tác xã hoạt động hiệu quả, chiếm 26% tổng số hợp tác xã "
        "toàn tỉnh.",
        "Năm 2041, thị xã có 40/52 chợ được cải tạo, chiếm 8% tổng số chợ trên địa bàn tỉnh.",
        "Năm 2041, huyện có 15/23 trường đạt chuẩn, chiếm 3% tổng số trường cả nước.",
    ):
        assert _checked(text, "share") == [(text.split("chiếm ")[1].split()[0], "unchecked")]


def test_a_share_of_the_fraction_s_noun_in_its_own_scope_is_still_checked() -> None:
    text = "Năm 2041, huyện có 15/23 trường đạt chuẩn quốc gia, chiếm 62% tổng số trường."
    assert _checked(text, "share") == [("62%", "inconsistent")]  # 15 of 23 is 65,22 %
    scoped = "Năm 2041, toàn tỉnh có 15/23 trường đạt chuẩn, chiếm 62% tổng số trường toàn tỉnh."
    assert _checked(scoped, "share") == [("62%", "inconsistent")]
    assert _checked(text.replace("62%", "65,2%"), "share") == [("65,2%", "consistent")]


def test_a_plan_s_percentage_after_a_fraction_of_things_there_are_is_not_checked() -> None:
    # 23 of the 31 cooperatives is 74,19 %; the 92 % is of a plan the text does not give
    for text in (
        "Năm 2041, huyện có 23/31 hợp tác xã hoạt động hiệu quả, đạt 92% kế hoạch năm.",
        "Năm 2041, xã hiện có 23/31 cây cầu dân sinh kiên cố, đạt 92% so với chỉ tiêu nghị quyết.",
    ):
        (s,) = find(text, money=True)
        assert (s.actual, s.target, s.stated_kind) == (23, 31, "attainment")
        assert _checked(text, "attainment") == [("92%", "unchecked")]


def test_a_plan_s_percentage_after_a_fraction_of_things_done_is_checked() -> None:
    # the things done of the things planned: 23 of 31 bridges is 74,19 %
    text = "Năm 2041, xã đã sửa được 23/31 cây cầu dân sinh, đạt 92% so với chỉ tiêu nghị quyết."
    assert _checked(text, "attainment") == [("92%", "inconsistent")]


def test_a_plan_s_percentage_after_a_fraction_of_money_or_over_its_whole_is_checked() -> None:
    # 7,215 of 4,8 tỷ đồng is 150,31 %; 36 of 30 houses is 120 %
    money = "Năm 2041, quỹ vận động được 7,215 tỷ/4,8 tỷ đồng, đạt 162% chỉ tiêu được giao."
    assert _checked(money, "attainment") == [("162%", "inconsistent")]
    bare = "Năm 2041, quỹ vận động được 7,215 tỷ/4,8 tỷ đạt 162% chỉ tiêu được giao."
    assert _checked(bare, "attainment") == [("162%", "inconsistent")]
    over = "Năm 2041, xã có 36/30 nhà đại đoàn kết được xây, đạt 125% kế hoạch năm."
    assert _checked(over, "attainment") == [("125%", "inconsistent")]
    own = "Năm 2041, xã có 23/25 chỉ tiêu hoàn thành, đạt 95% chỉ tiêu nghị quyết."
    assert _checked(own, "attainment") == [("95%", "inconsistent")]  # 23 of 25 is 92 %


def test_a_fraction_s_own_rate_or_a_percentage_the_fraction_gives_is_still_checked() -> None:
    # a rate named before the percentage is the fraction's (23 of 31 is 74,19 %), compared
    # with the plan's rate; figures that give the percentage read the whole as the plan
    rate = (
        "Năm 2041, xã có 23/31 thôn được công nhận thôn văn hóa (đạt tỷ lệ 80% so với mục "
        "tiêu nghị quyết đề ra trên 70%)."
    )
    assert _checked(rate, "coverage") == [("80%", "inconsistent")]
    fits = "Năm 2041, huyện có 23/31 hợp tác xã hoạt động hiệu quả, đạt 74,2% kế hoạch năm."
    assert _checked(fits, "attainment") == [("74,2%", "consistent")]
    whole = "Năm 2041, huyện có 25/25 bếp ăn bán trú được kiểm tra, đạt 100% kế hoạch năm."
    assert _checked(whole, "attainment") == [("100%", "consistent")]


def test_a_rate_of_the_fraction_s_noun_in_another_scope_is_not_checked() -> None:
    # 117 of 140 houses is 83,57 %, 23 of 31 cooperatives 74,19 %: the wholes are the
    # province's, named after the noun (round 118's rate, round 124's rate past the words)
    for text in (
        "Năm 2041, xã có 117/140 nhà được sửa, đạt tỷ lệ 86% tổng số nhà toàn tỉnh.",
        "Năm 2041, huyện có 23/31 hợp tác xã được xếp loại khá, đạt 86% số hợp tác xã xếp "
        "loại khá trở lên của tỉnh.",
        "Năm 2041, huyện có 23/31 hợp tác xã được xếp loại khá, đạt tỷ lệ 86% số hợp tác xã "
        "trên địa bàn tỉnh.",
    ):
        assert _checked(text, "rate") == [("86%", "unchecked")]
    kept = "Năm 2041, xã có 117/140 nhà được sửa, đạt tỷ lệ 86%."
    assert _checked(kept, "rate") == [("86%", "inconsistent")]
