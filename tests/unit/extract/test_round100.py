"""Round 100 of the extraction rules (issue 17): each rule with a positive and a negative case
on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

_B = 1_000_000_000  # a billion đồng


def _pairs(text: str) -> list[tuple[object, object, object, object]]:
    """The results set against a target: (actual, target, percent, kind)."""
    return [
        (s.actual, s.target, s.stated_percent, s.stated_kind)
        for s in find(text)
        if s.actual is not None and s.target is not None
    ]


# a quarter's pre-tax profit with its growth, the year's plan two paragraphs later
_QUARTER = (
    "Gạch men Hòa Bình vừa công bố báo cáo tài chính quý III. Theo đó, quý III doanh thu "
    "thuần đạt 88,4 tỷ đồng, tăng 6,2%; lợi nhuận trước thuế đạt 14,2 tỷ đồng, tăng 18,5% "
    "so với cùng kỳ năm trước.\n\n"
    "Công ty cho biết sản lượng tiêu thụ ở thị trường phía Bắc tăng mạnh.\n\n"
    "Năm 2041, công ty đặt kế hoạch lợi nhuận trước thuế 60 tỷ đồng.{after}"
)


def test_a_quarters_amount_read_with_its_growth_takes_the_years_plan() -> None:
    # 14,2 against 60 billion, no percentage; the growth statement stays; the revenue has
    # no plan of its own measure, so it takes none
    found = find(_QUARTER.format(after=""))
    assert (Decimal("14.2") * _B, Decimal(60 * _B), None, None) in _pairs(_QUARTER.format(after=""))
    assert any(s.actual == Decimal("14.2") * _B and s.stated_kind == "growth" for s in found)
    assert all(s.target is None for s in found if s.actual == Decimal("88.4") * _B)


def test_a_growths_amount_its_percentage_of_the_plan_written_is_left_alone() -> None:
    # 14,2 / 60 = 23,7 %: "24%" near the plan says how far that result got (read with no
    # figure); the pair may be that percentage's, so no pair without it is added
    text = _QUARTER.format(
        after=" Như vậy, công ty đã thực hiện được lần lượt 24% và 31% các chỉ tiêu lợi nhuận"
        " và sản lượng sau ba quý."
    )
    assert all(
        not (actual == Decimal("14.2") * _B and percent is None)
        for actual, _, percent, _ in _pairs(text)
    )


def test_a_growths_amount_of_one_of_two_companies_takes_no_plan() -> None:
    # two companies' revenues of the first quarter, one plan: whose, not known; and the
    # amount whose own clause names a plan is set against that plan by its sentence
    text = (
        "Quý I, Thép Lạc Sơn ghi nhận doanh thu thuần đạt 1.930 tỷ đồng, tăng 7% so với cùng "
        "kỳ. Cũng trong quý I, Thép Sông Mã có doanh thu thuần đạt 760 tỷ đồng, tăng 11% so "
        "với cùng kỳ.\n\n"
        "Năm 2041, Thép Sông Mã đặt mục tiêu doanh thu thuần 3.400 tỷ đồng."
    )
    assert _pairs(text) == []
    own = (
        "Quý II, doanh thu thuần của hãng đạt 640 tỷ đồng, tăng 9% so với cùng kỳ, vượt kế "
        "hoạch quý.\n\nNăm 2041, hãng đặt mục tiêu doanh thu thuần 2.700 tỷ đồng."
    )
    assert _pairs(own) == []


def test_a_plan_in_an_earlier_paragraph_is_no_plan_of_a_growths_amount() -> None:
    # the plan written above, in another paragraph (another firm's list item), then a
    # quarter's amount with its growth: not set against it
    text = (
        "Đứng đầu là Chứng khoán Ngọc Lan, đã vượt kế hoạch lợi nhuận năm (900 tỷ đồng) chỉ "
        "sau 6 tháng.\n\n"
        "Chứng khoán Phú Điền có doanh thu quý 2 đạt 1.050 tỷ đồng, tăng 12%, lợi nhuận sau "
        "thuế 610 tỷ đồng, tăng 4%."
    )
    assert all(actual != Decimal(610 * _B) for actual, *_ in _pairs(text))


def test_a_measure_named_right_after_an_amount_gives_its_kind() -> None:
    # "315 tỷ đồng lợi nhuận sau thuế": after tax, though profit is named again later with
    # no kind; so not set against the year's pre-tax plan
    text = (
        "Lũy kế 9 tháng, xí nghiệp Tân Phong đạt gần 2.100 tỷ đồng doanh thu thuần và hơn 315 "
        "tỷ đồng lợi nhuận sau thuế; tăng 12% về doanh thu và tăng 20% về lợi nhuận so với "
        "cùng kỳ năm trước.\n\n"
        "Năm 2041, xí nghiệp Tân Phong lên mục tiêu doanh thu thuần 2.900 tỷ đồng và lợi "
        "nhuận trước thuế là 400 tỷ đồng."
    )
    pairs = _pairs(text)
    assert all(actual != Decimal(315 * _B) for actual, *_ in pairs)
