"""Round 107: precision on the wrong claims of the batches scored once in session 30.

Invented sentences (other wording, figures and measures than the evaluation passages).
"""

from __future__ import annotations

from decimal import Decimal

from kpitools.extract import extract_statements
from kpitools.extract.amounts import amounts_in
from kpitools.textfold import fold

M = Decimal(10) ** 6


def _claims(text: str) -> set[tuple[Decimal | None, Decimal | None, Decimal | None, str | None]]:
    return {(s.actual, s.target, s.stated_percent, s.stated_kind) for s in extract_statements(text)}


def test_a_plan_written_in_billions_and_millions_is_one_amount() -> None:
    text = (
        "Năm 2041, tổng vốn sự nghiệp của xã được giao 42 tỷ 500 triệu đồng. Đến ngày 5/11, "
        "xã đã giải ngân được 18 tỷ 240 triệu đồng, bằng 42,9% kế hoạch."
    )
    assert _claims(text) == {(18_240 * M, 42_500 * M, Decimal("42.9"), "attainment")}


def test_an_allocation_in_billions_and_millions_beside_its_disbursement() -> None:
    text = (
        "Huyện bố trí 18 tỷ 400 triệu đồng thực hiện 12 công trình, giải ngân 16 tỷ 100 triệu "
        "đồng, đạt 87,5% KH."
    )
    assert _claims(text) == {(16_100 * M, 18_400 * M, Decimal("87.5"), "attainment")}


def test_the_millions_of_a_compound_amount_are_no_amount_of_their_own() -> None:
    folded = fold("bố trí 7 tỷ 45 triệu đồng và 3 triệu 250 ngàn đồng, sản lượng 5 tỷ 20 triệu kWh")
    read = [(a.value, a.unit) for a in amounts_in(folded, 0, len(folded))]
    assert read == [
        (7_045 * M, ("tỷ", "đồng")),
        (Decimal(3_250_000), ("triệu", "đồng")),
        (5_000 * M, ("tỷ", "")),  # a count's compound is not money: read as before
        (20 * M, ("triệu", "kwh")),
    ]


B = Decimal(10) ** 9
EXPECTED_PLAN = (
    "Trong quý II/2041, hãng ghi nhận doanh thu thuần đạt 980 tỷ đồng. Năm nay, hãng đặt mục "
    "tiêu doanh thu thuần đạt 4.100 tỷ đồng. Lãi sau thuế dự kiến đạt 150 tỷ đồng, gấp 2 lần "
    "so với mức của năm trước. Như vậy, sau quý II, hãng hoàn thành 24% kế hoạch doanh thu và "
    "8% kế hoạch lợi nhuận cả năm."
)


def test_an_amount_expected_is_no_result_of_a_percentage_done() -> None:
    claims = _claims(EXPECTED_PLAN)
    assert (980 * B, 4_100 * B, Decimal(24), "attainment") in claims
    assert (150 * B, None, Decimal(8), "attainment") not in claims
    assert not any(actual == 150 * B for actual, *_ in claims)


def test_a_percentage_itself_expected_takes_the_amount_expected() -> None:
    text = (
        "Cả năm, lợi nhuận dự kiến đạt 160 tỷ đồng. Như vậy, công ty dự kiến hoàn thành 107% "
        "kế hoạch lợi nhuận."
    )
    assert _claims(text) == {(160 * B, None, Decimal(107), "attainment")}


def test_a_day_and_month_a_few_words_after_ngay_is_a_date_not_a_pair() -> None:
    text = "Trong hai ngày thi đấu 11 và 12/9, đoàn giành thêm 7 huy chương vàng."
    assert _claims(text) == set()


def test_a_fraction_after_ngay_with_its_noun_keeps_its_pair() -> None:
    text = "Qua ngày hội kết nạp 18/20 hội viên mới, đạt 90% kế hoạch."
    assert _claims(text) == {(Decimal(18), Decimal(20), Decimal(90), "attainment")}
    checked = "Trong ngày làm việc thứ hai, đoàn kiểm tra 20/22 xã, đạt 90,9%."
    assert _claims(checked) == {(Decimal(20), Decimal(22), Decimal("90.9"), "coverage")}


QUARTER_AND_PLAN = (
    "Quý I, doanh thu đạt 2.000 tỷ đồng, lợi nhuận sau thuế 130 tỷ đồng. Năm nay, công ty đặt "
    "mục tiêu doanh thu 9.000 tỷ đồng và lợi nhuận sau thuế 700 tỷ đồng. Sau quý I, doanh "
    "nghiệp đã hoàn thành gần 20% kế hoạch năm."
)


def test_a_part_year_amount_whose_hedged_percentage_is_written_is_not_set_out_without_it() -> None:
    claims = _claims(QUARTER_AND_PLAN)
    assert (130 * B, 700 * B, None, None) not in claims  # 18,6 %: "gần 20%" may be its
    assert (2_000 * B, 9_000 * B, None, None) in claims  # 22,2 %: not within two points


def test_an_excess_hedged_is_no_share_of_the_plan() -> None:
    text = QUARTER_AND_PLAN.replace("đã hoàn thành gần", "đã vượt gần")
    assert (130 * B, 700 * B, None, None) in _claims(text)


def test_a_quarter_s_plan_takes_no_amount_of_another_quarter() -> None:
    text = (
        "Trong quý III/2041, doanh thu của nhà máy ước đạt 580 tỷ đồng, lãi trước thuế 52 tỷ "
        "đồng.\n\nQuý IV/2041, nhà máy đặt kế hoạch doanh thu 640 tỷ đồng, lãi trước thuế 61 "
        "tỷ đồng."
    )
    claims = _claims(text)
    assert (None, 61 * B, None, None) in claims  # the quarter's plan, read as such
    assert not any(actual is not None and target == 61 * B for actual, target, *_ in claims)
