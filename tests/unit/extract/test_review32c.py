"""Review of session 32, fixer C: ``Mức chi trên …`` is no pronoun for the amount before.

Invented sentences, read as the extraction tests read them: the exact claims each gives, and
the readings that must not happen.
"""

from __future__ import annotations

from decimal import Decimal

from reading import find

B = Decimal(10) ** 9


def _claims(text: str) -> set[tuple[object, object, Decimal | None, str | None]]:
    return {
        (s.actual, s.target, s.stated_percent, s.stated_kind)
        for s in find(text, money=True)
        if s.actual is not None
    }


def test_tren_after_a_measure_s_verb_is_per_or_in_not_the_figure_above() -> None:
    # "mức chi trên đầu người" (spending per head), "mức thu trên địa bàn" (revenue in a
    # place): neither names the amount of the sentence before
    assert (
        _claims(
            "Năm 2041, thu ngân sách đạt 800 tỷ đồng. Mức chi trên đầu người đạt 120% kế hoạch."
        )
        == set()
    )
    assert (
        _claims(
            "Năm 2041, thu ngân sách đạt 800 tỷ đồng. Mức thu trên địa bàn xã A bằng 90% dự toán."
        )
        == set()
    )
    assert (
        _claims(
            "Quý III, tổng chi ngân sách huyện đạt 515 tỷ đồng. Mức chi trên mỗi học sinh vượt 8% "
            "dự toán."
        )
        == set()
    )


def test_tren_right_before_the_result_s_verb_still_names_the_figure_above() -> None:
    assert _claims(
        "Năm 2041, tổng chi ngân sách đạt 615 tỷ đồng. Mức chi trên đạt 92% dự toán."
    ) == {(615 * B, None, 92, "attainment")}


def test_the_verb_of_the_pronoun_must_fit_the_measure_of_the_amount() -> None:
    # a revenue named "mức chi", a spending named "mức thu", a revenue named "mức giải ngân"
    assert (
        _claims("Năm 2041, thu ngân sách đạt 800 tỷ đồng. Mức chi này bằng 90% dự toán.") == set()
    )
    assert (
        _claims("Cả năm, chi ngân sách địa phương đạt 1.340 tỷ đồng. Mức thu đó bằng 97% dự toán.")
        == set()
    )
    assert (
        _claims("Năm 2041, doanh thu của quỹ đạt 260 tỷ đồng. Mức giải ngân này bằng 75% kế hoạch.")
        == set()
    )
    # the verb fits: read as before
    assert _claims("Năm 2041, huyện thu được 1.800 tỷ đồng. Mức thu này bằng 104% dự toán.") == {
        (1_800 * B, None, 104, "attainment")
    }
    assert _claims(
        "Năm 2041, tổng chi ngân sách xã đạt 96 tỷ đồng. Mức chi đó bằng 88% dự toán."
    ) == {(96 * B, None, 88, "attainment")}
    # "thực hiện" names the result of any measure
    assert _claims(
        "Năm 2041, doanh thu đạt 1.640 tỷ đồng. Mức thực hiện này bằng 71% kế hoạch."
    ) == {(1_640 * B, None, 71, "attainment")}
