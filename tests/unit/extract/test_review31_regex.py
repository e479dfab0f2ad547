"""The audit's "nearly reached" words (``consistency._NEARLY_REACHED``) are read in time
linear in their length: a code review of session 31 found the pattern's words could be split
at every letter, so a sentence of a dozen words with no ``, gần đạt`` took minutes (invented
text)."""

from __future__ import annotations

from reading import find

from kpitools.extract.consistency import _NEARLY_REACHED


def test_words_with_no_nearly_reached_are_read_at_once() -> None:
    # with the old pattern each extra word doubled the time: 60 words would never finish
    words = " " + " ".join(["khách quốc tế đến tham quan"] * 60)
    assert _NEARLY_REACHED.match(words) is None
    text = (
        "Quý I tỉnh đón 500 lượt khách quốc tế đến tham quan và mục tiêu năm nay đón "
        "2.000 lượt khách quốc tế đến tham quan"
    )
    # the quarter's count against the year's aim (round 109), read at once
    assert [(s.actual, s.target) for s in find(text)] == [(500, 2000)]


def test_nearly_reached_still_read() -> None:
    assert _NEARLY_REACHED.match(" triệu tấn, gần đạt kế hoạch ") is not None
    assert _NEARLY_REACHED.match(", gần đạt kế hoạch ") is not None
    assert _NEARLY_REACHED.match(" tấn; gần đạt kế hoạch ") is None
    assert _NEARLY_REACHED.match(" tấn, gần đạt và vượt kế hoạch ") is None
