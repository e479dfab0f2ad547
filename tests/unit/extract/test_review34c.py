"""Review fixes of session 34, fixer C: several amounts, then several percentages of two
kinds (a growth and an attainment of a plan), on invented text (never the evaluation set's
figures or sentences)."""

from __future__ import annotations

from reading import find

_HEAD = "Năm 2042, doanh thu đạt 820 tỷ đồng, lợi nhuận đạt 96 tỷ đồng, "
_PAIR_HEAD = "Năm 2042, doanh thu và lợi nhuận của công ty lần lượt đạt 820 tỷ đồng và 96 tỷ đồng, "
_THREE_HEAD = (
    "Năm 2042, doanh thu, lợi nhuận và chi phí lần lượt đạt 820 tỷ đồng, 96 tỷ đồng và 80 tỷ đồng, "
)
_REVENUE, _PROFIT, _COST = 820_000_000_000, 96_000_000_000, 80_000_000_000


def _read(text: str) -> set[tuple[object, object, object, object]]:
    """(actual, target, stated percentage, kind) of the statements with a percentage."""
    return {
        (s.actual, s.target, s.stated_percent, s.stated_kind)
        for s in find(text, money=True)
        if s.stated_percent is not None
    }


# -------------------------------------------- 1. a growth and an attainment after two amounts


def test_a_growth_and_an_attainment_after_two_amounts_are_the_last_ones() -> None:
    # no sign that either is the first amount's; the growth never read as an attainment
    for tail in (
        "tăng 12% và đạt 61% kế hoạch.",
        "tăng 12% so với cùng kỳ và bằng 61% kế hoạch.",
    ):
        for head in (_HEAD, _PAIR_HEAD):
            assert _read(head + tail) == {
                (_PROFIT, None, 12, "growth"),
                (_PROFIT, None, 61, "attainment"),
            }, head + tail


def test_two_growths_said_respectively_are_not_the_last_amounts() -> None:
    # "lần lượt tăng 12% và 15%": never both the profit's, never an attainment
    for tail in ("lần lượt tăng 12% và 15%.", "lần lượt tăng 12% và 15% so với cùng kỳ."):
        read = _read(_HEAD + tail)
        assert not [r for r in read if r[3] != "growth"], tail
        assert not {(_PROFIT, None, 12, "growth"), (_PROFIT, None, 15, "growth")} <= read, tail


# ------------------------------------ 2. two growths and two attainments, each its own amount


def test_two_growths_then_two_attainments_each_take_their_amount() -> None:
    # was: the attainments read, the two growths left with no amount
    for verb in ("lần lượt tăng", "tăng lần lượt"):
        for head in (_HEAD, _PAIR_HEAD):
            text = (
                head + f"{verb} 12% và 15% so với cùng kỳ, lần lượt hoàn thành 61% và 58% kế hoạch."
            )
            assert _read(text) == {
                (_REVENUE, None, 12, "growth"),
                (_REVENUE, None, 61, "attainment"),
                (_PROFIT, None, 15, "growth"),
                (_PROFIT, None, 58, "attainment"),
            }, text


def test_two_growths_then_two_excesses_or_equivalents_each_take_their_amount() -> None:
    text = _HEAD + "lần lượt tăng 12% và 15% so với cùng kỳ, lần lượt vượt 6% và 8% kế hoạch."
    assert _read(text) == {
        (_REVENUE, None, 12, "growth"),
        (_REVENUE, None, 6, "excess"),
        (_PROFIT, None, 15, "growth"),
        (_PROFIT, None, 8, "excess"),
    }
    text = _HEAD + "lần lượt tăng 12% và 15% so với cùng kỳ, tương đương 61% và 58% kế hoạch năm."
    assert _read(text) == {
        (_REVENUE, None, 12, "growth"),
        (_REVENUE, None, 61, "attainment"),
        (_PROFIT, None, 15, "growth"),
        (_PROFIT, None, 58, "attainment"),
    }


def test_two_growths_alone_leave_no_growth_without_its_amount() -> None:
    # was: a third statement, the first growth once more with no amount
    assert _read(_HEAD + "lần lượt tăng 12% và 15% so với cùng kỳ.") == {
        (_REVENUE, None, 12, "growth"),
        (_PROFIT, None, 15, "growth"),
    }


def test_counts_that_differ_give_no_attainment_to_an_amount() -> None:
    for tail in (
        # three attainments for two amounts: the growths only (their count agrees)
        "lần lượt tăng 12% và 15% so với cùng kỳ, lần lượt hoàn thành 61%, 58% và 70% kế hoạch.",
        # three growths for two amounts: nothing given to an amount
        "lần lượt tăng 12%, 15% và 9% so với cùng kỳ, lần lượt hoàn thành 61% và 58% kế hoạch.",
        # one attainment for two amounts
        "lần lượt tăng 12% và 15% so với cùng kỳ, hoàn thành 61% kế hoạch.",
    ):
        read = _read(_HEAD + tail)
        assert not [r for r in read if r[3] != "growth" and r[0] is not None], tail
    read = _read(
        _HEAD
        + "lần lượt tăng 12%, 15% và 9% so với cùng kỳ, lần lượt hoàn thành 61% và 58% kế hoạch."
    )
    assert not [r for r in read if r[0] is not None]


def test_three_amounts_for_two_growths_read_no_growth_of_an_amount() -> None:
    # whose the two growths are is not said; was 96 and 80 taking them
    for tail in (
        "lần lượt tăng 12% và 15% so với cùng kỳ.",
        "lần lượt tăng 12% và 15% so với cùng kỳ, lần lượt hoàn thành 61% và 58% kế hoạch.",
    ):
        read = _read(_THREE_HEAD + tail)
        assert not [r for r in read if r[0] is not None], tail
