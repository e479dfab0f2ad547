"""Review fixes of session 34, fixer F: whitespace before a respective verb, and two growths
after amounts with no ``lần lượt``, on invented text (never the evaluation set's figures or
sentences)."""

from __future__ import annotations

from reading import figure_set as _read

from kpitools.extract import percentages, respective
from kpitools.textfold import fold

_HEAD = "Năm 2042, doanh thu đạt 820 tỷ đồng, lợi nhuận đạt 96 tỷ đồng, "
_PAIR_HEAD = "Năm 2042, doanh thu và lợi nhuận của công ty lần lượt đạt 820 tỷ đồng và 96 tỷ đồng, "
_REVENUE, _PROFIT = 820_000_000_000, 96_000_000_000


# ------------------------------- 1. the leads before a respective verb, written possessively


def test_the_lead_of_a_respective_verb_reads_as_before_whatever_its_spaces() -> None:
    # "\s*,?\s*" was two quantifiers of spaces side by side: quadratic on a long run that
    # fails (4,000 spaces 3.8 s); each run of spaces is now taken whole, once
    verb = respective._RESPECTIVE_VERB
    for lead in (" ", ", ", "  ,   ", " ,", ",", "   "):
        for tail in ("lần lượt hoàn thành ", "đạt lần lượt ", "so với kế hoạch năm bằng "):
            m = verb.match(fold(lead + tail))
            assert m is not None, lead + tail
    m = verb.match(fold(" (+5% so với cùng kỳ) , tương ứng vượt "))
    assert m is not None and m.group("verb") == fold("vượt")
    for lead in (" " * 5_000, " " * 2_500 + "," + " " * 2_500, " , , ", " và , "):
        assert verb.match(fold(lead + "x")) is None
        assert verb.match(fold(lead + ", , hoàn thành ")) is None
    share = percentages._SHARE_LEAD
    for lead in (" ", " , ", ",", "   ,  "):
        assert share.match(fold(lead + "tương đương khoảng ")) is not None, lead
    assert share.match(" " * 5_000 + "x") is None


# ------------------------ 2. two growths after two amounts, with no "lần lượt": one each


def test_two_growths_over_one_base_after_two_amounts_are_one_each_in_order() -> None:
    # was: the profit took both growths (one amount, two growths over one base)
    for head in (_HEAD, _PAIR_HEAD):
        for base in ("so với cùng kỳ", "so với năm trước", "so với cùng kỳ năm 2041"):
            text = head + f"tăng 12% và 15% {base}."
            assert _read(text) == {
                (_REVENUE, None, 12, "growth"),
                (_PROFIT, None, 15, "growth"),
            }, text
    # the base closing its clause before a run of attainments (those left unread, as before)
    text = _HEAD + "tăng 12% và 15% so với cùng kỳ, lần lượt hoàn thành 61% và 58% kế hoạch."
    read = _read(text)
    assert {(_REVENUE, None, 12, "growth"), (_PROFIT, None, 15, "growth")} <= read
    assert (_PROFIT, None, 12, "growth") not in read


def test_two_growths_over_one_base_never_both_one_amounts() -> None:
    # three amounts for two growths, or one amount: whose they are is unknown, none read
    for text in (
        "Năm 2042, doanh thu đạt 820 tỷ đồng, lợi nhuận đạt 96 tỷ đồng, chi phí 80 tỷ đồng, "
        "tăng 12% và 15% so với cùng kỳ.",
        "Năm 2042, lợi nhuận đạt 96 tỷ đồng, tăng 12% và 15% so với cùng kỳ.",
        "Năm 2042, lợi nhuận đạt 96 tỷ đồng, tăng 12% và 15% so với cùng kỳ, vượt kế hoạch.",
        # two falls: neither read (the sign of the second is not written)
        _HEAD + "giảm 12% và 15% so với cùng kỳ.",
    ):
        read = _read(text)
        assert not [r for r in read if r[2] in (12, -12, 15, -15)], text


def test_two_growths_over_two_bases_stay_the_last_amounts() -> None:
    # "so với cùng kỳ và năm 2040": one growth over each base, both the one amount's
    for head in (_HEAD, "Năm 2042, lợi nhuận đạt 96 tỷ đồng, "):
        for base in ("so với cùng kỳ và năm 2040", "so với cùng kỳ, và so với năm 2040"):
            text = head + f"tăng 12% và 15% {base}."
            assert _read(text) == {
                (_PROFIT, None, 12, "growth"),
                (_PROFIT, None, 15, "growth"),
            }, text


def test_two_growths_said_respectively_and_a_lone_growth_are_unchanged() -> None:
    assert _read(_HEAD + "lần lượt tăng 12% và 15% so với cùng kỳ.") == {
        (_REVENUE, None, 12, "growth"),
        (_PROFIT, None, 15, "growth"),
    }
    assert _read(_HEAD + "tăng 12% so với cùng kỳ.") == {(_PROFIT, None, 12, "growth")}
