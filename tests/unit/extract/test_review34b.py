"""Review of session 33's rounds 129–132, fixer B: the readings kept when two patterns were
made linear, on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from reading import find


def _claims(text: str) -> list[tuple[object, object, object, object]]:
    """(actual, target, stated percentage, kind) of the statements with a result."""
    return [
        (s.actual, s.target, s.stated_percent, s.stated_kind)
        for s in find(text)
        if s.actual is not None
    ]


_PROFIT = "Chín tháng, lãi sau thuế của công ty đạt 412 tỷ đồng"


def test_a_level_approached_with_is_or_a_colon_is_still_read_apart() -> None:
    # the clause's end no longer backtracks over a run of spaces; "là" and ":" still read
    for approached in ("tiệm cận mức là", "tiến sát mục tiêu năm là", "gần chạm"):
        text = f"{_PROFIT}, vượt 3% so với mục tiêu cơ sở và {approached} 450 tỷ đồng."
        assert _claims(text) == [
            (412_000_000_000, None, 3, "excess"),
            (412_000_000_000, 450_000_000_000, None, None),
        ], approached
