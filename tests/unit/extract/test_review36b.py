"""Review of session 36's rounds 152 and 153 (reviewer-fixer B).

Invented texts, each a wrong reading or a lost one the rounds' rules made on ordinary text:

* round 153's audit check ``part_plan_denies`` flagged a result's share of the year's plan
  against another part's plan of another thing (another product, another verb, another
  measure in the same unit, another firm or factory, the group's plan, another year): the
  plan must now be of the same thing, said in the result's own words;
* round 153's ``drop_second_of_two_counts`` took a span of time (``Trong 6 tháng đầu năm,
  1.250 lao động …``) for a first count and dropped a plain claim;
* round 152's ``link_written_plan_percentages`` linked a percentage to the figures of another
  measure named before it in its clause (``lợi nhuận … chỉ bằng 70% kế hoạch`` to revenue
  figures), to a plan of the year when the percentage is of a quarter's plan, and to a
  result of another part of the year than the one its sentence names.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from reading import claim_set, find

B = Decimal(10) ** 9

_MONTH = (
    "Công ty A cho biết đã khai thác được 1.520,4 tấn mủ cao su (tương ứng 9,8% kế hoạch năm) "
    "trong tháng 5 vừa qua. "
)


def _verdicts(text: str) -> list[str | None]:
    return [s.verdict for s in find(text, money=True) if s.actual is not None and s.stated]


@pytest.mark.parametrize(
    "text",
    [
        # another product counted in the same unit
        _MONTH + "Trong tháng 6/2041, công ty phấn đấu sản xuất 500 tấn chè thành phẩm "
        "(tương ứng 12% kế hoạch năm).",
        # another thing done with the same product: sold, not tapped
        _MONTH + "Trong tháng 6/2041, công ty phấn đấu tiêu thụ 2.000 tấn mủ cao su (tương ứng "
        "12% kế hoạch năm).",
        # another firm's plan
        _MONTH + "Trong tháng 6, Công ty B phấn đấu khai thác 2.000 tấn mủ cao su (tương ứng "
        "12% kế hoạch năm).",
        # the group's plan, a share of the group's year
        _MONTH + "Trong tháng 6, toàn tập đoàn phấn đấu khai thác 20.000 tấn mủ cao su (tương "
        "ứng 12% kế hoạch năm của tập đoàn).",
        # another factory
        "Trong tháng 5, nhà máy A sản xuất được 1.520 tấn xi măng (tương ứng 9,8% kế hoạch "
        "năm). Trong tháng 6, nhà máy B phấn đấu sản xuất 2.000 tấn xi măng (tương ứng 12% kế "
        "hoạch năm).",
        # sold at home against exported
        "Trong tháng 5, công ty đã bán được 1.520 tấn gạo, đạt 9,8% kế hoạch năm. Trong tháng "
        "6, công ty phấn đấu xuất khẩu 2.000 tấn gạo (tương ứng 12% kế hoạch năm).",
        # revenue against a profit plan, both in tỷ đồng
        "Quý I, tổng công ty đạt doanh thu 1.520 tỷ đồng, bằng 19% kế hoạch năm. Trong quý II, "
        "tổng công ty phấn đấu đạt lợi nhuận 300 tỷ đồng (tương ứng 30% kế hoạch năm).",
        # December against the next year's January
        "Trong tháng 12/2040, nhà máy sản xuất được 1.520 tấn urê (tương ứng 9,8% kế hoạch "
        "năm). Trong tháng 1/2041, nhà máy phấn đấu sản xuất 2.000 tấn urê (tương ứng 12% kế "
        "hoạch năm).",
    ],
)
def test_another_things_part_plan_does_not_deny_a_result(text: str) -> None:
    assert "inconsistent" not in _verdicts(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Trong tháng 5/2041, Nhà máy Đạm Hà Bắc sản xuất được 1.520 tấn urê (tương ứng 9,8% kế "
        "hoạch năm). Trong tháng 6/2041, Nhà máy Đạm Hà Bắc phấn đấu sản xuất 2.000 tấn urê "
        "(tương ứng 12% kế hoạch năm).",
        "Quý I, tổng công ty đạt doanh thu 1.520 tỷ đồng, bằng 19% kế hoạch năm. Trong quý II, "
        "tổng công ty phấn đấu đạt doanh thu 2.000 tỷ đồng (tương ứng 30% kế hoạch năm).",
    ],
)
def test_the_same_things_part_plan_still_denies_a_result(text: str) -> None:
    assert _verdicts(text)[0] == "inconsistent", text


@pytest.mark.parametrize(
    ("text", "actual", "percent"),
    [
        (
            "Trong 6 tháng đầu năm, 1.250 lao động được giải quyết việc làm, đạt 52% kế hoạch.",
            1250,
            52,
        ),
        ("Sau 3 năm, 420 hộ đã thoát nghèo, vượt 5% chỉ tiêu.", 420, 5),
        (
            "Sau 10 ngày ra quân, 1.200 thanh niên đã lên đường nhập ngũ, đạt 100% chỉ tiêu.",
            1200,
            100,
        ),
        ("Trong 2 tuần, 900 học sinh đã nhập học, đạt 90% kế hoạch.", 900, 90),
    ],
)
def test_a_span_of_time_is_no_first_count(text: str, actual: int, percent: int) -> None:
    assert {(a, p) for a, _, p, _ in claim_set(text)} == {(actual, percent)}, text


_HALF = (
    "Sáu tháng đầu năm 2041, doanh thu thuần của công ty đạt 1.680 tỷ đồng, giảm 6% so với "
    "cùng kỳ. Năm nay, công ty đặt kế hoạch doanh thu thuần 2.400 tỷ đồng và lợi nhuận sau "
    "thuế 150 tỷ đồng. Cổ tức dự kiến 12%.\n\n"
)


@pytest.mark.parametrize(
    "last",
    [
        # the percentage's clause names profit before it: revenue's 70 % is no evidence
        "Tuy nhiên, với kết quả đạt được, lợi nhuận của công ty chỉ bằng 70% kế hoạch.",
        # it names the disbursement of investment capital
        "Tuy nhiên, tiến độ giải ngân vốn đầu tư công của công ty chỉ bằng 70% kế hoạch.",
        # a percentage of a quarter's plan, no quarter's plan written
        "Riêng quý II, công ty chỉ hoàn thành 70% kế hoạch quý.",
        # its sentence names the second quarter, the result's the first half
        "Riêng quý II, công ty chỉ hoàn thành 70% kế hoạch.",
    ],
)
def test_a_percentage_of_another_measure_or_part_takes_no_written_plan(last: str) -> None:
    rows = [r for r in claim_set(_HALF + last) if r[2] == 70]
    assert all(t is None for _, t, _, _ in rows), last


def test_the_percentage_naming_the_results_measure_is_still_linked() -> None:
    last = "Tuy nhiên, với kết quả đạt được, doanh thu của công ty chỉ bằng 70% kế hoạch."
    assert (1680 * B, 2400 * B, 70, "attainment") in claim_set(_HALF + last)
