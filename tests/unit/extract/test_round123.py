"""Round 123: a percentage in the next sentence that refers back to the amount (``Kết quả này``).

Invented sentences (other wording, figures, measures and units than the evaluation passages),
each of a family of wording the extractor missed, read as the extraction tests read them: the
exact claims each gives, and the readings that must not happen.
"""

from __future__ import annotations

from decimal import Decimal

from reading import find

B = Decimal(10) ** 9


def _readings(text: str) -> set[tuple[object, object, object, object]]:
    """(actual, target, stated percent, kind) of each statement with a stated percentage."""
    return {
        (s.actual, s.target, s.stated_percent, s.stated_kind)
        for s in find(text, money=True)
        if s.stated_percent is not None
    }


def test_a_pronoun_after_a_paragraph_break_names_the_amount_just_before() -> None:
    assert _readings(
        "Năm 2041, thu ngân sách trên địa bàn huyện Tân Lạc đạt 318,5 tỷ đồng.\n\n"
        "Kết quả này bằng 104% dự toán tỉnh giao."
    ) == {(Decimal("318.5") * B, None, 104, "attainment")}
    assert _readings(
        "Sáu tháng đầu năm, tổng thu nội địa của thị xã đạt 92,4 tỷ đồng.\n\n"
        "Con số này tương ứng 61% dự toán tỉnh giao và 55% dự toán HĐND thị xã giao."
    ) == {
        (Decimal("92.4") * B, None, 61, "attainment"),
        (Decimal("92.4") * B, None, 55, "attainment"),
    }
    # the source named first, a blank line with spaces, two blank lines, a pronoun before
    assert _readings(
        "Nhờ sản xuất ổn định, doanh thu của công ty đã đạt 1.240 tỷ đồng.\n\n"
        "Theo báo cáo của công ty: kết quả này bằng 96% kế hoạch năm."
    ) == {(1_240 * B, None, 96, "attainment")}
    assert _readings(
        "Quý III, tiền thu từ đấu giá đất đạt 215 tỷ đồng.\n  \n"
        "Con số này bằng 72% kế hoạch cả năm."
    ) == {(215 * B, None, 72, "attainment")}
    assert _readings(
        "Năm 2041, tổng chi ngân sách xã đạt 41,2 tỷ đồng.\n\n\nKết quả này đạt 97,5% dự toán."
    ) == {(Decimal("41.2") * B, None, Decimal("97.5"), "attainment")}
    assert _readings(
        "Lũy kế 9 tháng, công ty ghi nhận lợi nhuận trước thuế 86 tỷ đồng.\n\n"
        "Với kết quả này, công ty đã vượt 8% kế hoạch năm."
    ) == {(86 * B, None, 8, "excess")}
    # a total of the units counted is a total
    assert _readings(
        "Năm 2041, tổng doanh thu của 12 doanh nghiệp thuộc tổng công ty ước đạt 8.420 tỷ đồng. "
        "Con số này bằng 103% kế hoạch năm."
    ) == {(8_420 * B, None, 103, "attainment")}


def test_a_pronoun_names_no_amount_further_back_nor_a_change_nor_a_level_passed() -> None:
    unread = {(None, None, 104, "attainment")}
    # a sentence between, or a paragraph between
    assert (
        _readings(
            "Năm 2041, thu ngân sách trên địa bàn huyện đạt 318,5 tỷ đồng. Huyện tập trung chống "
            "thất thu ở các xã vùng cao.\n\nKết quả này bằng 104% dự toán tỉnh giao."
        )
        == unread
    )
    assert (
        _readings(
            "Năm 2041, thu ngân sách trên địa bàn huyện đạt 318,5 tỷ đồng.\n\nHuyện đã tổ chức "
            "nhiều đợt kiểm tra thuế.\n\nKết quả này bằng 104% dự toán tỉnh giao."
        )
        == unread
    )
    # two measures' amounts: which one?
    assert (
        _readings(
            "Năm 2041, công ty đạt doanh thu 1.240 tỷ đồng và lợi nhuận 96 tỷ đồng.\n\n"
            "Kết quả này bằng 104% kế hoạch năm."
        )
        == unread
    )
    # an amount risen by, compared, or a level units counted before it passed
    assert (
        _readings(
            "Năm 2041, thu ngân sách trên địa bàn huyện tăng 32 tỷ đồng so với năm trước.\n\n"
            "Kết quả này bằng 104% dự toán tỉnh giao."
        )
        == unread
    )
    assert (
        _readings(
            "Năm 2041, toàn tỉnh có 26 doanh nghiệp nộp ngân sách trên 50 tỷ đồng. "
            "Con số này bằng 104% kế hoạch."
        )
        == unread
    )
    assert (
        _readings(
            "Năm 2041, mỗi xã của huyện thu ngân sách đạt 3 tỷ đồng trở lên. "
            "Kết quả này bằng 104% kế hoạch."
        )
        == unread
    )


def test_an_amount_in_dong_restated_in_dollars_is_one_amount_for_a_pronoun() -> None:
    assert _readings(
        "Năm 2041, doanh thu của tập đoàn đạt 58.300 tỷ đồng, tương đương hơn 2,3 tỷ USD. "
        "Kết quả này vượt 6% so với kế hoạch năm."
    ) == {(58_300 * B, None, 6, "excess")}
    assert _readings(
        "Lũy kế 10 tháng, lợi nhuận trước thuế của ngân hàng đạt 9.120 tỷ đồng, tương ứng với "
        "khoảng 360 triệu USD. Con số này bằng 87% kế hoạch năm."
    ) == {(9_120 * B, None, 87, "attainment")}
    assert _readings(
        "Năm 2041, lợi nhuận của công ty đạt 730 tỷ đồng, tương đương gần 29 triệu USD. "
        "Với kết quả này, công ty hoàn thành 91% kế hoạch năm."
    ) == {(730 * B, None, 91, "attainment")}


def test_no_restatement_read_where_the_amount_referred_to_is_not_the_only_one() -> None:
    unread = {(None, None, 112, "attainment")}
    # dollars first, restated in đồng: which one the pronoun names is not read
    assert (
        _readings(
            "Kim ngạch xuất khẩu năm 2041 của tỉnh đạt 1,6 tỷ USD, tương đương khoảng 40.000 tỷ "
            "đồng. Kết quả này bằng 112% kế hoạch."
        )
        == unread
    )
    # a second amount in đồng, a second measure in dollars, a restated second measure
    assert (
        _readings(
            "Năm 2041, doanh thu của công ty đạt 4.620 tỷ đồng, tương đương 380 tỷ đồng mỗi tháng. "
            "Kết quả này bằng 112% kế hoạch."
        )
        == unread
    )
    assert (
        _readings(
            "Năm 2041, doanh thu của công ty đạt 4.620 tỷ đồng, xuất khẩu đạt 182 triệu USD. "
            "Kết quả này bằng 112% kế hoạch."
        )
        == unread
    )
    assert (
        _readings(
            "Năm 2041, doanh thu đạt 4.620 tỷ đồng, tương đương 182 triệu USD; lợi nhuận đạt "
            "310 tỷ đồng. Kết quả này bằng 112% kế hoạch."
        )
        == unread
    )
    # a rise restated in dollars is a rise still
    assert (
        _readings(
            "Năm 2041, doanh thu tăng 620 tỷ đồng so với năm trước, tương đương 24 triệu USD. "
            "Kết quả này bằng 112% kế hoạch."
        )
        == unread
    )
