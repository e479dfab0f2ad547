"""What the review of round 89 found (session 27), each with a case it mends and one it
keeps, on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from reading import find

from kpitools.extract import audit_statements, statements_frame


def _flags(text: str) -> list[str]:
    audit = audit_statements(statements_frame(find(text)))
    return [r["note"] for r in audit.iter_rows(named=True) if r["verdict"] == "inconsistent"]


def _pairs(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.target) for s in find(text) if s.target is not None]


def _results(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.stated_percent) for s in find(text) if s.stated_percent is not None]


# B1: a rate is checked against a fraction only when no other figure stands between them
RATE_AFTER_A_SECOND_FRACTION = (
    "Năm 2043, huyện có 11/12 trạm đạt chuẩn, đạt tỷ lệ 91,7%, 4/5 trường đạt chuẩn, đạt tỷ lệ 80%."
)
RATE_RIGHT_AFTER_ITS_FRACTION = "Năm 2043, huyện có 11/12 trạm đạt chuẩn, đạt tỷ lệ 95%."


def test_a_rate_after_a_second_fraction_is_not_checked_against_the_first() -> None:
    assert _flags(RATE_AFTER_A_SECOND_FRACTION) == []


def test_a_rate_right_after_its_fraction_is_still_checked() -> None:
    (note,) = _flags(RATE_RIGHT_AFTER_ITS_FRACTION)
    assert "11 / 12" in note
    assert _flags(RATE_RIGHT_AFTER_ITS_FRACTION.replace("95%", "91,7%")) == []
