"""later_percentages: a percentage's sentence is looked for within a reach, never folded whole.

A sentence of thousands of characters with a percentage every few words (``đạt lần lượt 1% và
2% kế hoạch, …``) was folded from the text's start for each of them: quadratic (0.5, 1.2, 3.0
s for 7.7, 15.5, 31 kB). With no sentence end within the reach there is no earlier sentence's
result to read, and the pass now skips it; the time is the benchmark's (no threshold here).
"""

from __future__ import annotations

from decimal import Decimal

from reading import claim_set

from kpitools.extract.later_percentages import _SENTENCE_BACK, _sentence_start

B = Decimal(10) ** 9


def test_no_sentence_end_within_the_reach_gives_no_start() -> None:
    text = "đạt lần lượt 1% và 2% kế hoạch, " * 100
    assert _sentence_start(text, len(text) - 10) is None
    assert _sentence_start("Doanh thu 5 tỷ đồng. Đạt 5% kế hoạch.", 21) == 21


def test_a_long_sentence_of_percentages_reads_no_pair() -> None:
    text = "Công ty đạt doanh thu 400 tỷ đồng. " + "đạt lần lượt 1% và 2% kế hoạch, " * 60
    assert len(text) - 40 > _SENTENCE_BACK
    assert not [c for c in claim_set(text) if c[0] is not None and c[1] is not None]


def test_the_respective_reading_within_the_reach_is_kept() -> None:
    text = (
        "Lũy kế 6 tháng đầu năm, doanh thu thuần của Công ty Sao Việt tăng 21% lên 4.416 tỷ "
        "đồng; lãi sau thuế đạt 618 tỷ đồng, tăng 6,2% so với cùng kỳ năm 2040.\n\n"
        "Năm 2041, Sao Việt đặt mục tiêu doanh thu là 9.600 tỷ đồng, tăng trưởng 11,5% so với "
        "năm 2040. Kế hoạch lãi sau thuế của công ty là 1.520 tỷ đồng, tăng trưởng 8% so với "
        "năm 2040.\n\nNhư vậy, công ty đã thực hiện được lần lượt 46% và 40,7% các chỉ tiêu "
        "doanh thu và lợi nhuận sau hai quý."
    )
    claims = claim_set(text)
    assert (4416 * B, 9600 * B, 46, "attainment") in claims
