"""Round 136 of the extraction rules (issue 17): one plan word for two percentages said
respectively after two amounts, the percentages introduced by ``tương đương`` (as by ``lần
lượt hoàn thành``), and a third amount listed before the pair, on invented text (never the
evaluation set's figures or sentences)."""

from __future__ import annotations

from reading import find


def _read(text: str) -> list[tuple[object, object, object, object]]:
    """(actual, target, stated percentage, kind) of the statements with a percentage."""
    return [
        (s.actual, s.target, s.stated_percent, s.stated_kind)
        for s in find(text)
        if s.stated_percent is not None
    ]


_HEAD = "Năm 2041, doanh thu và lợi nhuận trước thuế của công ty Sao Nam lần lượt đạt "
_PAIR = "820 tỷ đồng và 96 tỷ đồng, "

# ------------------------------------------------------------------------------- the rule


def test_two_equivalents_of_one_plan_each_take_their_amount() -> None:
    assert _read(_HEAD + _PAIR + "tương đương 104% và 112% kế hoạch cả năm.") == [
        (820_000_000_000, None, 104, "attainment"),
        (96_000_000_000, None, 112, "attainment"),
    ]


def test_the_respective_word_after_the_verb_reads_the_same() -> None:
    text = (
        "Năm 2041, doanh thu và lợi nhuận trước thuế đạt lần lượt 820 tỷ đồng và 96 tỷ đồng, "
        "tương đương với 104% và 112% kế hoạch năm."
    )
    assert _read(text) == [
        (820_000_000_000, None, 104, "attainment"),
        (96_000_000_000, None, 112, "attainment"),
    ]


# ------------------------------------------------------------------------------ near-misses


def test_three_amounts_for_two_percentages_read_nothing() -> None:
    # which two of the three the percentages are of is not said; was 96 and 80 taking them
    for verb in ("lần lượt hoàn thành", "tương đương"):
        text = (
            "Năm 2041, doanh thu, lợi nhuận trước thuế và chi phí của công ty lần lượt đạt "
            f"820 tỷ đồng, 96 tỷ đồng và 80 tỷ đồng, {verb} 104% và 112% kế hoạch năm."
        )
        assert _read(text) == []


def test_equivalents_with_no_plan_are_not_attainments() -> None:
    # "tương đương 104% và 112% so với cùng kỳ": no plan after them, no attainment
    read = _read(_HEAD + _PAIR + "tương đương 104% và 112% so với cùng kỳ.")
    assert not [r for r in read if r[3] == "attainment"]


def test_shares_of_a_total_are_not_attainments() -> None:
    read = _read(_HEAD + _PAIR + "tương đương 4% và 12% tổng doanh thu toàn ngành.")
    assert not [r for r in read if r[3] == "attainment"]


def test_three_equivalents_for_two_amounts_read_nothing() -> None:
    assert _read(_HEAD + _PAIR + "tương đương 104%, 112% và 95% kế hoạch năm.") == []
