"""Round 109: counts of part of a year set against the year's plan of the same count.

Invented sentences (other wording, figures, units and measures than the evaluation passages).
"""

from __future__ import annotations

from decimal import Decimal

from kpitools.extract import extract_statements

CORNEA = (
    "Trong 9 tháng năm 2041, bệnh viện đã tiếp nhận hơn 3.400 ca ghép giác mạc. "
    "Năm 2041, bệnh viện đặt mục tiêu tiếp nhận 5.000 ca ghép giác mạc."
)
PASSENGERS = (
    "Sáu tháng đầu năm 2041, cảng hàng không đón 850 nghìn lượt hành khách, tăng 12% so với "
    "cùng kỳ.\nNăm 2041, cảng đặt mục tiêu đón 2 triệu lượt hành khách."
)


def _pairs(text: str) -> set[tuple[Decimal, Decimal, Decimal | None, str | None]]:
    return {
        (s.actual, s.target, s.stated_percent, s.stated_kind)
        for s in extract_statements(text)
        if s.actual is not None and s.target is not None
    }


def test_a_months_count_takes_the_years_plan_of_what_it_counts() -> None:
    assert _pairs(CORNEA) == {(Decimal(3400), Decimal(5000), None, None)}


def test_a_count_read_with_its_growth_takes_the_plan_in_another_scale() -> None:
    # thousands against millions of the same unit word; the growth statement stays
    assert _pairs(PASSENGERS) == {(Decimal(850_000), Decimal(2_000_000), None, None)}
    growth = [s for s in extract_statements(PASSENGERS) if s.stated_kind == "growth"]
    assert [(s.actual, s.stated_percent) for s in growth] == [(Decimal(850_000), Decimal(12))]


def test_no_pair_of_another_measure_verb_unit_or_a_stated_share() -> None:
    for before, after in (
        # another thing counted after the unit word
        ("5.000 ca ghép giác mạc.", "5.000 ca ghép thận."),
        # a measure named as the subject of "đạt" that the plan's sentence does not name
        ("đã tiếp nhận hơn 3.400 ca", "ca ghép từ người hiến sống đạt 3.400 ca"),
        # another verb counts it
        ("đã tiếp nhận hơn", "đã từ chối hơn"),
        # another unit word
        ("3.400 ca ghép giác mạc.", "3.400 lượt ghép giác mạc."),
        # the pair stated with its percentage
        ("ghép giác mạc. Năm", "ghép giác mạc (đạt 68%). Năm"),
    ):
        text = CORNEA.replace(before, after)
        assert text != CORNEA
        assert not _pairs(text), after


def test_no_pair_when_two_measures_share_the_unit_or_its_period() -> None:
    # two measures of one unit word in the result's sentence: which is the plan's, unknown
    shared = PASSENGERS.replace(
        "tăng 12% so với cùng kỳ.", "trong đó khách quốc tế đạt 120 nghìn lượt."
    )
    assert not _pairs(shared)
    # two values of the unit word for the same months: which is the plan's, unknown
    twice = CORNEA.replace(
        "giác mạc. Năm",
        "giác mạc. Trong 9 tháng năm 2041, bệnh viện nhận 900 ca ghép giác mạc. Năm",
    )
    assert not _pairs(twice)


def test_a_plan_written_twice_gives_its_result_one_pair() -> None:
    text = (
        "Hãng thông qua kế hoạch lợi nhuận trước thuế 80 tỷ đồng, giảm 10% so với năm 2040.\n\n"
        "Tại đại hội, cổ đông của hãng thông qua kế hoạch doanh thu 2.000 tỷ đồng và lợi nhuận "
        "trước thuế 80 tỷ đồng trong năm nay.\n\n"
        "Quý I, doanh thu thuần giảm 5% còn 420 tỷ đồng, trong khi lãi trước thuế tăng 30% so "
        "với cùng kỳ, đạt 14 tỷ đồng."
    )
    pairs = sorted(
        (s.actual, s.target)
        for s in extract_statements(text)
        if s.actual is not None and s.target is not None and s.stated_kind is None
    )
    b = Decimal(10) ** 9
    assert pairs == [(14 * b, 80 * b), (420 * b, 2000 * b)]
