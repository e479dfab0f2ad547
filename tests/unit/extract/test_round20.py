"""Round 20 of the extraction rules (issue 17): in lists that give each item its own amount
and percentage, an item's amount is never the target of the next item's, each as a general
rule of report wording, tested on invented text (never the evaluation set's figures or
sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import claimed_pairs as _pairs
from reading import claims

BILLION = Decimal(10) ** 9


# --------------------------------------------------------------------------- wrong claims


def test_an_item_reached_with_its_own_excess_is_no_target_of_the_next() -> None:
    text = (
        "Trong quý, nhiều mặt hàng cao hơn hẳn kế hoạch như gạo đạt gần 240 tấn, vượt 35% "
        "kế hoạch, chè Tân Lạc đạt gần 60 tấn, vượt 12% kế hoạch."
    )
    assert _pairs(text) == [(Decimal(240), None), (Decimal(60), None)]


def test_a_plan_named_before_the_amount_it_sets_stays_its_target() -> None:
    text = "Kế hoạch năm giao 400 tấn; đến nay thu mua được 380 tấn, đạt 95% kế hoạch."
    assert _pairs(text) == [(Decimal(380), Decimal(400))]


def test_a_part_with_its_own_attainment_is_no_target_of_the_next_part() -> None:
    text = (
        "Tổng vốn đã giải ngân là 700 tỷ đồng, đạt 70% kế hoạch giao (1.000 tỷ đồng); trong "
        "đó, nguồn vốn tỉnh quản lý là 250 tỷ đồng, đạt 50%; nguồn vốn huyện quản lý là "
        "450 tỷ đồng, đạt 90%."
    )
    assert _pairs(text) == [
        (700 * BILLION, 1000 * BILLION),
        (250 * BILLION, None),
        (450 * BILLION, None),
    ]


def test_a_part_of_a_target_stays_a_target() -> None:
    text = (
        "Năm nay tỉnh phấn đấu thu ngân sách 9.000 tỷ đồng, trong đó thu nội địa 7.000 tỷ "
        "đồng; đến nay đã thu được 8.100 tỷ đồng, đạt 90% dự toán."
    )
    pairs = _pairs(text)
    assert (Decimal(7000) * BILLION, None) not in pairs
    assert all(a != 7000 * BILLION for a, _ in pairs)


def test_units_counted_by_a_threshold_they_miss_are_no_pair() -> None:
    text = (
        "Có 11/12 đội thu đạt từ 60% dự toán. Riêng 1/12 đội thu đạt dưới 60% dự toán: "
        "Đội thu số 5 (48,2%)."
    )
    assert _pairs(text) == []


def test_a_fraction_of_members_with_its_attainment_stays_a_pair() -> None:
    assert _pairs("Xã Tân Hòa kết nạp 15/12 đảng viên đạt trên 100% chỉ tiêu.") == [
        (Decimal(15), Decimal(12))
    ]


# --------------------------------------------------------------------------- misses


def test_a_second_plan_in_brackets_after_its_percentage_is_its_target() -> None:
    text = (
        "Năm qua, thu ngân sách trên địa bàn đạt 600 tỷ đồng, bằng 96% kế hoạch tỉnh giao "
        "(625 tỷ đồng), bằng 80% kế hoạch huyện giao (750 tỷ đồng), bằng 110% so với cùng kỳ."
    )
    assert _pairs(text) == [(600 * BILLION, 625 * BILLION), (600 * BILLION, 750 * BILLION)]


def test_a_second_plan_the_percentage_does_not_fit_is_not_joined() -> None:
    text = (
        "Năm qua, thu ngân sách trên địa bàn đạt 600 tỷ đồng, bằng 96% kế hoạch tỉnh giao "
        "(625 tỷ đồng), bằng 70% kế hoạch huyện giao (750 tỷ đồng)."
    )
    assert (600 * BILLION, 750 * BILLION) not in _pairs(text)


# --------------------------------------------------------------------------- restatements


def test_a_rounded_lead_restated_exactly_with_its_percentages_is_one_statement() -> None:
    text = (
        "Sáu tháng đầu năm, tổng thu ngân sách đạt hơn 5.000 tỷ đồng, đạt 61,5% dự toán.\n\n"
        "Cụ thể, tổng thu ngân sách sáu tháng đầu năm là 5.012,37 tỷ đồng, đạt 61,5% dự toán."
    )
    assert [a for a, _ in _pairs(text)] == [Decimal("5012.37") * BILLION]


def test_a_pair_repeated_with_the_same_amount_stays_twice() -> None:
    text = (
        "Sáu tháng đầu năm, tổng thu ngân sách đạt khoảng 5.012 tỷ đồng, đạt 61,5% dự toán.\n\n"
        "Cụ thể, tổng thu ngân sách sáu tháng đầu năm là 5.012 tỷ đồng, đạt 61,5% dự toán."
    )
    assert [a for a, _ in _pairs(text)] == [5012 * BILLION, 5012 * BILLION]


def test_a_rounded_amount_on_the_wrong_side_of_its_qualifier_stays() -> None:
    text = (
        "Sáu tháng đầu năm, tổng thu ngân sách đạt hơn 5.020 tỷ đồng, đạt 61,5% dự toán.\n\n"
        "Cụ thể, tổng thu ngân sách sáu tháng đầu năm là 5.012,37 tỷ đồng, đạt 61,5% dự toán."
    )
    assert len(_pairs(text)) == 2


# --------------------------------------------------------------------------- kinds


def test_a_bare_bracketed_percentage_in_a_list_of_indexes_is_no_attainment() -> None:
    text = (
        "Quý I, các khoản thu gồm: Thu từ hộ kinh doanh đạt 800 tỷ đồng (93,5% so với cùng "
        "kỳ năm trước); Thu phí đạt 120 tỷ đồng (bằng 88,1%); Thu từ xổ số đạt 30 tỷ đồng "
        "(81,2%); Thu từ đất đạt 500 tỷ đồng (bằng 30,5% dự toán và 90% cùng kỳ)."
    )
    assert [(s.actual, s.stated) for s in claims(text, money=True)] == [(500 * BILLION, "30,5%")]


def test_a_bare_bracketed_percentage_after_attainments_stays_one() -> None:
    text = (
        "Quý I, tổng thu đạt 900 tỷ đồng, đạt 30% dự toán; trong đó thu nội địa đạt 600 tỷ "
        "đồng (bằng 31%)."
    )
    assert (600 * BILLION, "31%") in [(s.actual, s.stated) for s in claims(text, money=True)]


def test_a_qualified_plan_in_brackets_after_its_percentage_is_the_target() -> None:
    text = "Vốn chuyển tiếp đã giải ngân 360 tỷ đồng, đạt 72% kế hoạch (trên 500 tỷ đồng)."
    assert _pairs(text) == [(360 * BILLION, 500 * BILLION)]


def test_a_qualified_bracket_figure_the_percentage_does_not_fit_stays_apart() -> None:
    text = "Vốn chuyển tiếp đã giải ngân 360 tỷ đồng, đạt 50% kế hoạch (trên 500 tỷ đồng)."
    assert (360 * BILLION, 500 * BILLION) not in _pairs(text)


def test_a_capital_plan_named_at_length_is_the_target_its_percentage_fits() -> None:
    text = "Tổng kế hoạch vốn đầu tư công 2.000 tỷ đồng, giải ngân 450 tỷ đồng, đạt 22,5% kế hoạch."
    assert _pairs(text) == [(450 * BILLION, 2000 * BILLION)]


def test_a_capital_plan_the_percentage_does_not_fit_is_not_paired() -> None:
    text = "Tổng kế hoạch vốn đầu tư công 2.000 tỷ đồng, giải ngân 450 tỷ đồng, đạt 40% kế hoạch."
    assert _pairs(text) == [(450 * BILLION, None)]


def test_capital_disbursed_named_with_the_plan_word_is_a_result() -> None:
    text = "Phần kế hoạch vốn đã được giải ngân đạt 450 tỷ đồng, đạt 22,5% kế hoạch."
    assert all(t is None for _, t in _pairs(text))
    assert [a for a, _ in _pairs(text)] == [450 * BILLION]


def test_a_bare_percentage_after_an_amount_disbursed_is_its_attainment() -> None:
    [s] = claims("Năm trước, cả huyện giải ngân 240 tỷ đồng, đạt 80,5%.", money=True)
    assert (s.actual, s.stated_kind) == (240 * BILLION, "attainment")


def test_a_bare_percentage_after_an_amount_collected_is_its_plan_s_attainment() -> None:
    # unread until round 141 (test_round141.py): a bare đạt X% ending its clause after a sum
    found = claims("Năm trước, cả huyện thu ngân sách 240 tỷ đồng, đạt 80,5%.", money=True)
    assert [(s.actual, s.target, s.stated_kind) for s in found] == [
        (240 * 10**9, None, "attainment")
    ]


def test_a_second_percentage_with_its_own_bracketed_plan_never_takes_the_first() -> None:
    text = (
        "Năm qua, thu ngân sách trên địa bàn đạt 600 tỷ đồng, bằng 96% kế hoạch được tỉnh "
        "giao (625 tỷ đồng) và bằng 80% kế hoạch huyện đề ra (750 tỷ đồng)."
    )
    assert _pairs(text) == [(600 * BILLION, 625 * BILLION), (600 * BILLION, 750 * BILLION)]


def test_a_second_percentage_its_bracketed_plan_does_not_fit_stays_unchecked() -> None:
    text = (
        "Năm qua, thu ngân sách trên địa bàn đạt 600 tỷ đồng, bằng 96% kế hoạch được tỉnh "
        "giao (625 tỷ đồng) và bằng 70% kế hoạch huyện đề ra (750 tỷ đồng)."
    )
    assert [s.verdict for s in claims(text, money=True)] == ["consistent", "unchecked"]
