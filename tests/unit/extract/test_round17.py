"""Round 17 of the extraction rules (issue 17): wrong claims and audit findings of plans
written elsewhere, each as a general rule of report wording, tested on invented text (never
the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

BILLION = Decimal(10) ** 9


def _attained(text: str) -> list[tuple[object, object, object, object]]:
    return [
        (s.actual, s.target, s.stated_percent, s.verdict)
        for s in find(text, money=True)
        if s.stated_kind == "attainment"
    ]


# --------------------------------------------------------------------------- wrong claims


_ISSUED = (
    "Kế hoạch vốn đầu tư công năm 2025 được Bộ Tài chính giao hơn 5.000 tỷ đồng. Đến hết "
    "tháng 9, các đơn vị đã giải ngân gần 2.250 tỷ đồng, đạt 52% kế hoạch {} giao."
)


def test_a_plan_named_with_who_set_it_is_linked_and_its_hedges_checked() -> None:
    # at most 2.250 of at least 5.000 is at most 45 %: 52 % cannot be
    [(actual, target, stated, verdict)] = _attained(_ISSUED.format("Bộ Tài chính"))
    assert (actual, target, stated) == (2250 * BILLION, 5000 * BILLION, Decimal(52))
    assert verdict == "inconsistent"


def test_a_plan_set_by_someone_else_is_not_linked() -> None:
    [(_, target, _, verdict)] = _attained(_ISSUED.format("Ủy ban nhân dân tỉnh"))
    assert target is None
    assert verdict == "unchecked"


def test_hedges_that_allow_the_percentage_leave_it_unchecked() -> None:
    # at most 2.250 of at least 5.000 allows 44 %: nothing to flag
    text = _ISSUED.format("Bộ Tài chính").replace("52%", "44%")
    [(_, target, _, verdict)] = _attained(text)
    assert target == 5000 * BILLION
    assert verdict == "unchecked"
