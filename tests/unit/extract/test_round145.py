"""Round 145: wrong claims — a plan's own rise read as a result's excess, and a bare ``bằng X%``
of a list whose base is the same period read as an attainment.

Invented sentences (other wording, figures, measures and units than the evaluation passages):
a plan set out and compared with an earlier plan (``tăng 18% so với kế hoạch năm 2043``), a
list of revenue items whose first ``bằng`` names the same period and whose later ones name
nothing, and the readings that must stay.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reading import claim_set

B = Decimal(10) ** 9


# ------------------------------------------------------------ a plan's rise over a plan


@pytest.mark.parametrize(
    "text",
    [
        "Năm 2044, kế hoạch lợi nhuận trước thuế của Công ty Minh Phát là 415 tỷ đồng, tăng 18%"
        " so với kế hoạch năm 2043.",
        "Công ty Hòa Bình điều chỉnh kế hoạch doanh thu mới dự kiến 2.380 tỷ đồng, tăng 9% so với"
        " mục tiêu ban đầu.",
        "Kế hoạch sản lượng năm 2044 của nhà máy là 1,8 triệu tấn, cao hơn 6% so với kế hoạch"
        " năm 2043.",
    ],
)
def test_a_plan_s_rise_over_another_plan_is_no_claim(text: str) -> None:
    assert claim_set(text) == set()


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # a result's rise over its plan
        (
            "Năm 2044, lợi nhuận trước thuế của Công ty Minh Phát đạt 415 tỷ đồng, tăng 18% so"
            " với kế hoạch.",
            (415 * B, None, Decimal(18), "excess"),
        ),
        # a plan named first, then a result's words before the amount
        (
            "Theo kế hoạch đề ra, đến hết quý III công ty đã thực hiện 980 tỷ đồng, tăng 5% so"
            " với kế hoạch.",
            (980 * B, None, Decimal(5), "excess"),
        ),
        # "vượt … so với mục tiêu ban đầu" after a plan word: a result's excess
        (
            "Năm 2044, công ty vượt chỉ tiêu đề ra khi đón 410 nghìn lượt khách, vượt 12% so với"
            " mục tiêu ban đầu.",
            (Decimal(410000), None, Decimal(12), "excess"),
        ),
        (
            "Khách quốc tế đến tỉnh đạt 1,2 triệu lượt, vượt 20% so với kế hoạch năm.",
            (Decimal(1200000), None, Decimal(20), "excess"),
        ),
    ],
)
def test_a_result_s_excess_over_its_plan_stays(
    text: str, claim: tuple[object, object, object, object]
) -> None:
    assert claim_set(text) == {claim}


# ------------------------------------------------------------ a list's carried base

_LIST = (
    "Thu ngân sách 6 tháng ước đạt 6.150 tỷ đồng, bằng 48% dự toán và bằng 112% so với cùng kỳ;"
    " trong đó: thu từ khu vực ngoài quốc doanh ước đạt 1.240 tỷ đồng, bằng 96,4% so với cùng"
    " kỳ; thuế thu nhập cá nhân ước đạt 385 tỷ đồng, bằng {p1}%; lệ phí trước bạ ước đạt 260 tỷ"
    " đồng, bằng {p2}%."
)


def test_a_bare_percentage_of_a_list_takes_the_same_period_named_before() -> None:
    assert claim_set(_LIST.format(p1="118,2", p2="91,5")) == {
        (6150 * B, None, Decimal(48), "attainment")
    }


@settings(max_examples=40, deadline=None)
@given(
    st.decimals(min_value=Decimal("20.0"), max_value=Decimal("180.0"), places=1),
    st.decimals(min_value=Decimal("20.0"), max_value=Decimal("180.0"), places=1),
)
def test_no_bare_percentage_of_the_list_is_an_attainment(p1: Decimal, p2: Decimal) -> None:
    text = _LIST.format(p1=str(p1).replace(".", ","), p2=str(p2).replace(".", ","))
    assert {c[2] for c in claim_set(text)} == {Decimal(48)}


def test_a_bare_percentage_after_a_plan_s_base_stays_an_attainment() -> None:
    # the last "bằng" before it that names a base names the budget: kept as read
    assert claim_set(
        "Thu ngân sách 6 tháng ước đạt 6.150 tỷ đồng, bằng 112% so với cùng kỳ; thu từ khu vực"
        " ngoài quốc doanh ước đạt 1.240 tỷ đồng, bằng 52,1% dự toán; thuế thu nhập cá nhân ước"
        " đạt 385 tỷ đồng, bằng 48,2%."
    ) == {
        (1240 * B, None, Decimal("52.1"), "attainment"),
        (385 * B, None, Decimal("48.2"), "attainment"),
    }
    # a percentage that names its own plan is its own
    assert claim_set(
        "Thu từ khu vực ngoài quốc doanh đạt 1.240 tỷ đồng, bằng 96,4% so với cùng kỳ; thuế thu"
        " nhập cá nhân ước đạt 385 tỷ đồng, bằng 48,2% dự toán."
    ) == {(385 * B, None, Decimal("48.2"), "attainment")}


# ------------------------------------------------------------ a foreign amount and its đồng


@pytest.mark.parametrize(
    "text",
    [
        "Lũy kế 9 tháng, Công ty Dệt Phú An ghi nhận doanh thu hơn 64 triệu USD và lãi sau thuế"
        " 3,5 triệu USD, quy đổi lần lượt là 1.540 tỷ đồng và 84 tỷ đồng. Năm 2044, công ty đặt"
        " kế hoạch doanh thu 2.100 tỷ đồng và lãi sau thuế 120 tỷ đồng. Như vậy, công ty đã hoàn"
        " thành 73% kế hoạch doanh thu và 70% kế hoạch lãi cả năm.",
        "Lũy kế 8 tháng, Công ty May Bình Tây ước đạt doanh thu hơn 52,4 triệu USD (~1.270 tỷ"
        " đồng). Năm 2044, công ty đặt kế hoạch doanh thu 1.900 tỷ đồng. Như vậy, công ty đã"
        " thực hiện 67% chỉ tiêu doanh thu.",
    ],
)
def test_a_plan_s_percentage_takes_no_foreign_amount_written_also_in_dong(text: str) -> None:
    assert claim_set(text) == set()


def test_a_foreign_amount_with_no_dong_value_is_still_taken() -> None:
    assert claim_set(
        "Lũy kế 9 tháng, Công ty Dệt Phú An ghi nhận doanh thu hơn 64 triệu USD. Năm 2044, công"
        " ty đặt kế hoạch doanh thu 90 triệu USD. Như vậy, công ty đã hoàn thành 71% kế hoạch"
        " doanh thu."
    ) == {(Decimal(64000000), Decimal(90000000), Decimal(71), "attainment")}
    # a rate of exchange in a later sentence is no value of the amount
    assert claim_set(
        "Lũy kế 9 tháng, Công ty Dệt Phú An ghi nhận doanh thu hơn 64 triệu USD. Như vậy, công ty"
        " đã hoàn thành 71% kế hoạch doanh thu. Tỷ giá quy đổi tương đương 25.000 đồng/USD."
    ) == {(Decimal(64000000), None, Decimal(71), "attainment")}
