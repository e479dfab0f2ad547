"""Round 114: pairs with nothing stated (an amount against a plan, no percentage written).

Invented sentences (other wording, figures and measures than the evaluation passages), each of
the shape of a cause of the wrong pairs the once-only scorings counted, read as the extraction
tests read them.
"""

from __future__ import annotations

from decimal import Decimal

from reading import figure_set

B = Decimal(10) ** 9


def _pairs(text: str) -> set[tuple[object, object]]:
    return {(a, t) for a, t, _, _ in figure_set(text) if a is not None and t is not None}


def test_a_district_s_amount_is_no_result_of_the_province_s_plan() -> None:
    text = (
        "Sau 9 tháng, huyện Tân Phú thu ngân sách được 320 tỷ đồng. Năm 2041, tỉnh đặt mục "
        "tiêu thu ngân sách 12.000 tỷ đồng."
    )
    assert _pairs(text) == set()
    assert (None, 12_000 * B, None, None) in figure_set(text)
    ward = (
        "Quý III, phường Đông Hà giải ngân 46 tỷ đồng vốn đầu tư. Năm 2042, thành phố đặt "
        "kế hoạch giải ngân 2.100 tỷ đồng vốn đầu tư."
    )
    assert _pairs(ward) == set()


def test_the_same_level_keeps_its_pair() -> None:
    district = (
        "Sau 9 tháng, huyện Tân Phú thu ngân sách được 320 tỷ đồng. Năm 2041, huyện đặt mục "
        "tiêu thu ngân sách 450 tỷ đồng."
    )
    assert _pairs(district) == {(320 * B, 450 * B)}
    province = (
        "Sau 9 tháng, toàn tỉnh thu ngân sách được 9.320 tỷ đồng. Năm 2041, tỉnh đặt mục "
        "tiêu thu ngân sách 12.000 tỷ đồng."
    )
    assert _pairs(province) == {(9_320 * B, 12_000 * B)}
    # "Xã hội" of a department's name names no commune
    department = (
        "Theo Sở Lao động - Thương binh và Xã hội, sau 9 tháng, nguồn vốn vay giải quyết việc "
        "làm đã giải ngân 46 tỷ đồng. Năm 2041, tỉnh đặt kế hoạch giải ngân 80 tỷ đồng."
    )
    assert _pairs(department) == {(46 * B, 80 * B)}


def test_a_segment_or_item_named_before_its_measure_is_no_result_of_the_whole_s_plan() -> None:
    segment = (
        "Sau 9 tháng, mảng bán lẻ mang về doanh thu 700 tỷ đồng. Năm 2041, tập đoàn đặt mục "
        "tiêu doanh thu 4.000 tỷ đồng."
    )
    assert _pairs(segment) == set()
    item = (
        "Quý IV, doanh thu thuần của hãng đạt 2.300 tỷ đồng, chủ yếu là doanh thu bán thép "
        "với giá trị hơn 1.900 tỷ đồng. Năm 2041, hãng đặt mục tiêu 8.000 tỷ đồng doanh thu."
    )
    assert (1_900 * B, 8_000 * B) not in _pairs(item)


def test_the_whole_s_amount_keeps_its_pair_beside_a_reason() -> None:
    text = (
        "Lũy kế 6 tháng, doanh thu thuần đạt 1.540 tỷ đồng, chủ yếu nhờ giá bán tăng. Năm "
        "2041, công ty đặt kế hoạch doanh thu thuần 3.200 tỷ đồng."
    )
    assert _pairs(text) == {(1_540 * B, 3_200 * B)}


def test_a_later_figure_of_a_plan_s_list_is_no_result_of_the_first() -> None:
    parent = (
        "Tại đại hội cổ đông, tập đoàn đặt mục tiêu lợi nhuận hợp nhất trước thuế 520 tỷ đồng, "
        "lợi nhuận trước thuế công ty mẹ 410 tỷ đồng, cổ tức 12%."
    )
    assert _pairs(parent) == set()
    assert (None, 520 * B, None, None) in figure_set(parent)
    port = (
        "Theo kế hoạch năm 2043, hãng đặt mục tiêu sản lượng vận chuyển đạt 12,4 triệu tấn, "
        "sản lượng xếp dỡ qua cảng đạt 31,2 triệu tấn, doanh thu đạt 9.500 tỷ đồng."
    )
    assert _pairs(port) == set()


def test_a_result_after_a_plan_in_its_sentence_keeps_its_pair() -> None:
    done = "Năm 2041, công ty đặt kế hoạch doanh thu 500 tỷ đồng, đã thực hiện được 520 tỷ đồng."
    assert _pairs(done) == {(520 * B, 500 * B)}
    so_far = "Năm 2041, tỉnh đặt mục tiêu đón 5 triệu lượt khách, đến nay đón 5,3 triệu lượt khách."
    assert _pairs(so_far) == {(Decimal(5_300_000), Decimal(5_000_000))}
    finished = (
        "Năm 2041, nhà máy được giao kế hoạch sản xuất 640 nghìn tấn clinker, với việc hoàn "
        "thành 650 nghìn tấn clinker, nhà máy đã vượt kế hoạch."
    )
    assert _pairs(finished) == {(Decimal(650_000), Decimal(640_000))}
