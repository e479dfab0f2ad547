"""Round 148: a percentage of a plan written before its amount.

Invented sentences (other wording, figures, measures and units than the evaluation passages):
``hoàn thành X% kế hoạch, với (tổng số tiền giải ngân) N tỷ đồng`` (the amount the plan is
reached with) and a disbursement rate named as such before ``tương ứng N tỷ đồng``. Each
reading test gives its exact claim; the near-misses (a base after ``so với``, a topic after
``đối với``, another thing ``cùng với``, another measure, a plan written before in the
sentence, a count, a rate of anything but disbursed capital) must give none.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from reading import claim_set, each_reads, none_reads

B = Decimal(10) ** 9


def test_the_amount_after_voi_is_the_result_of_the_percentage_before_it() -> None:
    cases = {
        "Năm 2041, hợp tác xã đã hoàn thành 94% kế hoạch được giao, với tổng số tiền giải "
        "ngân 27 tỷ đồng.": (27 * B, 94, "attainment"),
        "Năm 2041, tổng công ty hoàn thành 103% kế hoạch sản xuất kinh doanh với tổng doanh "
        "thu hơn 87 nghìn tỷ đồng, chiếm 30% thị phần.": (87000 * B, 103, "attainment"),
        "Năm 2041, doanh thu xổ số chỉ đạt gần 76% so với kế hoạch đề ra với trên 31 tỷ "
        "đồng; các đại lý không hoàn thành.": (31 * B, 76, "attainment"),
        "Năm 2041, công ty đã thực hiện 88% kế hoạch doanh thu, với 2.140 tỷ đồng.": (
            2140 * B,
            88,
            "attainment",
        ),
    }
    each_reads(cases)


def test_the_amount_after_voi_stays_unread_when_it_is_not_the_result() -> None:
    none_reads(
        # a base compared with, a topic, another thing
        "Năm 2041, doanh thu đạt 102% kế hoạch so với 1.100 tỷ đồng năm trước.",
        "Năm 2041, thu ngân sách đạt 105% dự toán, đối với 300 tỷ đồng thu tiền sử dụng đất "
        "thì chỉ đạt 60%.",
        "Năm 2041, huyện hoàn thành 90% kế hoạch, cùng với 12 tỷ đồng vốn xã hội hóa.",
        # another measure than the plan's
        "Năm 2041, công ty hoàn thành 95% kế hoạch lợi nhuận, với doanh thu 1.200 tỷ đồng.",
        "Năm 2041, doanh thu đạt 92% kế hoạch, với 40 tỷ đồng lợi nhuận.",
        # a count is no amount reached
        "Năm 2041, xã hoàn thành 96% kế hoạch, với 12 công trình.",
    )


def test_a_plan_written_before_in_the_sentence_is_left_to_the_linking_passes() -> None:
    text = (
        "Năm 2041, công ty đặt chỉ tiêu lợi nhuận sau thuế đạt 700 tỷ đồng, 6 tháng công ty "
        "thực hiện 45% chỉ tiêu với 330 tỷ đồng."
    )
    assert (330 * B, None, 45, "attainment") not in claim_set(text)


def test_a_disbursement_rate_comes_to_the_amount_after_tuong_ung() -> None:
    cases = {
        "Năm 2041, tỷ lệ giải ngân vốn đầu tư công của tỉnh đạt 58%, tương ứng 7.300 tỷ đồng.": (
            7300 * B,
            58,
            "attainment",
        ),
        "Huyện Ea Kar vừa thống kê đạt tỷ lệ 81,4% giải ngân vốn đầu tư công cả năm 2041, "
        "tương ứng với tổng khối lượng thực hiện gần 214,5 tỷ đồng đối với 37 công trình.": (
            Decimal("214.5") * B,
            Decimal("81.4"),
            "attainment",
        ),
    }
    each_reads(cases)


def test_other_rates_and_counts_after_tuong_ung_stay_unread() -> None:
    none_reads(
        "Năm 2041, tỷ lệ hộ nghèo còn 2,1%, tương đương 1.350 hộ.",
        "Năm 2041, tỷ lệ giải ngân vốn đầu tư công của tỉnh đạt 58%, tương ứng 120 dự án.",
        "Năm 2041, tỷ lệ bao phủ bảo hiểm y tế đạt 93%, tương ứng 1.200 tỷ đồng.",
    )


@settings(max_examples=25, deadline=None)
@given(
    percent=st.integers(min_value=30, max_value=140),
    amount=st.integers(min_value=11, max_value=9_999),
)
def test_the_amount_after_voi_takes_the_percentage_before_it(percent: int, amount: int) -> None:
    text = f"Năm 2041, công ty hoàn thành {percent}% kế hoạch được giao, với {amount} tỷ đồng."
    assert claim_set(text) == {(amount * B, None, percent, "attainment")}


def test_the_amount_said_after_the_percentage_may_end_its_clause_only() -> None:
    cases = {
        "Năm 2041, thu ngân sách đạt 104% dự toán, đạt trên 8.215 tỷ đồng, là huyện dẫn đầu "
        "tỉnh.": (8215 * B, 104, "attainment"),
        "Kết quả nổi bật của huyện là thu ngân sách năm 2041 đạt 106% dự toán tỉnh giao, đạt "
        "trên 915 tỷ đồng, là một trong những huyện có số thu cao trong 12 huyện.": (
            915 * B,
            106,
            "attainment",
        ),
    }
    each_reads(cases)
    none_reads(
        # a part after "trong đó", another measure, a growth of its own
        "Năm 2041, thu ngân sách đạt 104% dự toán, trong đó thu nội địa 6.100 tỷ đồng, thu từ "
        "đất 900 tỷ đồng.",
        "Năm 2041, doanh thu đạt 104% kế hoạch, lợi nhuận 130 tỷ đồng, dẫn đầu ngành.",
    )
    text = "Năm 2041, thu ngân sách đạt 104% dự toán, đạt 8.215 tỷ đồng, tăng 6% so với năm 2040."
    assert (8215 * B, None, 104, "attainment") not in claim_set(text)
