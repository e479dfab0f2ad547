"""Round 47 of the extraction rules (issue 17), each tested on invented text (never the
evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import checked

D = Decimal

# ------------------------------ two percentages of one amount, each written before its own
# plan: never crossed


def test_two_percentages_of_one_amount_take_their_own_plans() -> None:
    text = (
        "Hết 6 tháng, công ty có lãi 90 tỷ đồng, bằng 60% so với kế hoạch lãi 150 tỷ đồng "
        "vừa sửa và bằng 45% so với kế hoạch lãi 200 tỷ đồng ban đầu."
    )
    found = {(a, t, p, v) for a, t, p, v in checked(text)}
    assert (D("90e9"), D("150e9"), D(60), "consistent") in found
    assert (D("90e9"), D("200e9"), D(45), "consistent") in found
    assert not any(v == "inconsistent" for *_, v in found)


def test_two_percentages_that_fit_neither_plan_are_not_swapped() -> None:
    text = (
        "Hết 6 tháng, công ty có lãi 90 tỷ đồng, bằng 70% so với kế hoạch lãi 150 tỷ đồng "
        "vừa sửa và bằng 35% so với kế hoạch lãi 200 tỷ đồng ban đầu."
    )
    found = checked(text)
    assert (D("90e9"), D("150e9"), D(35), "consistent") not in found
    assert (D("90e9"), D("200e9"), D(70), "consistent") not in found
