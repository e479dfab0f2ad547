"""Round 106: the part of a year an earlier sentence names, carried to the next sentences.

Invented sentences (other wording, figures and measures than the evaluation passages).
"""

from __future__ import annotations

from decimal import Decimal

from kpitools.extract import extract_statements

B = Decimal(10) ** 9

QUARTER = (
    "Trong quý III/2041, nhà máy đạt doanh thu 820 tỷ đồng, tăng 6% so với cùng kỳ. "
    "Lãi sau thuế đạt 61 tỷ đồng.\n"
    "Năm 2041, nhà máy đặt kế hoạch doanh thu 3.000 tỷ đồng và lãi sau thuế 240 tỷ đồng."
)


def _pairs(text: str) -> set[tuple[Decimal, Decimal, Decimal | None, str | None]]:
    return {
        (s.actual, s.target, s.stated_percent, s.stated_kind)
        for s in extract_statements(text)
        if s.actual is not None and s.target is not None
    }


def test_a_sentence_with_no_period_goes_on_with_the_quarter_before_it() -> None:
    assert _pairs(QUARTER) == {(820 * B, 3000 * B, None, None), (61 * B, 240 * B, None, None)}


def test_the_period_carries_over_sentences_that_name_no_time() -> None:
    text = (
        "Báo cáo quý III/2041 của nhà máy cho thấy kết quả khả quan. Doanh thu thuần giảm 5% "
        "còn 820 tỷ đồng. Lãi sau thuế đạt 61 tỷ đồng.\n"
        "Năm 2041, nhà máy đặt kế hoạch doanh thu thuần 3.000 tỷ đồng và lãi sau thuế 240 tỷ "
        "đồng."
    )
    assert _pairs(text) == {(820 * B, 3000 * B, None, None), (61 * B, 240 * B, None, None)}


def test_nine_months_carried_to_a_result_read_with_its_change() -> None:
    text = (
        "Lũy kế 9 tháng, công ty ghi nhận doanh thu hợp nhất 2.450 tỷ đồng, tăng 7% so với "
        "cùng kỳ. Lợi nhuận sau thuế giảm 3% còn 188 tỷ đồng.\n"
        "Công ty đặt chỉ tiêu năm 2041 gồm doanh thu 3.600 tỷ đồng và lợi nhuận sau thuế 260 "
        "tỷ đồng."
    )
    assert (188 * B, 260 * B, None, None) in _pairs(text)


def test_no_carry_past_a_base_a_part_a_plan_or_a_period_of_its_own() -> None:
    quarter_only = {(820 * B, 3000 * B, None, None)}
    for before, after in (
        ("Lãi sau thuế đạt 61", "Cùng kỳ năm trước, lãi sau thuế đạt 61"),  # a past period
        ("Lãi sau thuế đạt 61", "Trong đó, công ty con đạt lãi sau thuế 61"),  # a part
        ("61 tỷ đồng.", "61 tỷ đồng, gấp đôi quý II."),  # a period of its own after it
        ("Lãi sau thuế đạt 61", "Lãi sau thuế sẽ đạt 61"),  # to come
        ("lãi sau thuế 240", "lợi nhuận 240"),  # a kind the plan does not name
        ("tăng 6% so với cùng kỳ", "lũy kế 9 tháng đạt 2.100 tỷ đồng"),  # two periods
        ("61 tỷ đồng.", "61 tỷ đồng. Như vậy, nhà máy đã hoàn thành 25,4%."),  # its share
    ):
        text = QUARTER.replace(before, after)
        assert text != QUARTER
        assert _pairs(text) == quarter_only, after
    # a carrying sentence of what is to come carries no period of results
    plans = QUARTER.replace(
        "nhà máy đạt doanh thu 820 tỷ đồng, tăng 6% so với cùng kỳ", "nhà máy sẽ mở hai dây chuyền"
    )
    assert not _pairs(plans)
    # last year's quarter: no result of this year's plan
    assert not _pairs(QUARTER.replace("III/2041", "III/2040"))
