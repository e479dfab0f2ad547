"""Round 73 of the extraction rules (issue 17): each rule with a positive and a negative case
on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

# a fraction of the categories of a whole that have a property: a share, no result
REGIONS = "Năm 2041, cả 4/4 khu vực của huyện đều có số hộ kinh doanh mới tăng so với cùng kỳ."
FIELDS = "Trong số 12 ngành hàng, có 7/12 lĩnh vực có doanh số tăng so với năm 2040."
PRODUCTS = "Đến nay huyện có 40 hợp tác xã, 22/31 sản phẩm OCOP là của các hợp tác xã."
# the same fraction done by a verb, or with the plan's percentage after it, keeps its reading
PRODUCTS_MADE = "Năm 2041 huyện hoàn thiện 22/31 sản phẩm."
PRODUCTS_PLAN = "Năm 2041 có 22/31 sản phẩm đạt 3 sao, đạt 71% kế hoạch."
ADMITTED = "Năm 2041 Đảng bộ huyện kết nạp 88/90 đảng viên."
INDICATORS = "Năm 2041 huyện đạt 16/19 chỉ tiêu."

# a phase's number is no result
PHASE = (
    "Năm 2041 thành phố sẽ triển khai chương trình cải tạo nhà cũ giai đoạn 3, phấn đấu xong "
    "việc cải tạo cho 4.120 căn hộ còn lại (trong đó 310 căn đăng ký thêm)."
)
PHASE_RESULT = "Năm 2041, dự án giai đoạn 2 đã hoàn thành 40 km, đạt 80% kế hoạch."
SMALL_RESULT = "Năm 2041 tỉnh mới khởi công được 2, đạt 40% kế hoạch."


def _pairs(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.target) for s in find(text)]


def test_a_fraction_of_categories_with_a_property_is_no_result() -> None:
    assert _pairs(REGIONS) == []
    assert _pairs(FIELDS) == []
    assert _pairs(PRODUCTS) == []


def test_a_fraction_done_or_against_its_plan_keeps_its_reading() -> None:
    assert _pairs(PRODUCTS_MADE) == [(22, 31)]
    assert _pairs(PRODUCTS_PLAN) == [(22, 31)]
    assert _pairs(ADMITTED) == [(88, 90)]
    assert _pairs(INDICATORS) == [(16, 19)]


def test_the_number_of_a_phase_is_no_result() -> None:
    assert all(s.actual is None for s in find(PHASE))
    assert 4120 in [s.target for s in find(PHASE)]


def test_a_result_after_a_phase_or_a_small_result_keeps_its_reading() -> None:
    assert [s.actual for s in find(PHASE_RESULT)] == [40]
    assert [s.actual for s in find(SMALL_RESULT)] == [2]


# a count of part of a year against the year's plan of the same verb, particles aside
FOUNDED = (
    "Huyện Tân Lạc năm 2041 lấy mục tiêu thành lập mới 300 doanh nghiệp. Hết quý II, huyện "
    "mới thành lập được 120 doanh nghiệp, vốn đăng ký 95 tỷ đồng."
)
DISSOLVED = (
    "Huyện Tân Lạc năm 2041 lấy mục tiêu thành lập mới 300 doanh nghiệp. Hết quý II, huyện "
    "có 120 doanh nghiệp giải thể, vốn đăng ký 95 tỷ đồng."
)
COUNTED = (
    "Huyện Tân Lạc năm 2041 phấn đấu có thêm 300 doanh nghiệp. Hết quý II, huyện "
    "đã có thêm 120 doanh nghiệp, vốn đăng ký 95 tỷ đồng."
)


def test_a_count_of_part_of_the_year_with_the_plans_verb_is_set_against_it() -> None:
    assert (120, 300) in _pairs(FOUNDED)


def test_a_count_of_another_verb_or_a_weak_one_is_not() -> None:
    assert all(a is None for a, _ in _pairs(DISSOLVED))
    assert all(a is None for a, _ in _pairs(COUNTED))


# shares of classes whose counts add up to the whole written before them: each of it
CLASSES = (
    "Theo kết quả phân loại năm 2041, trong tổng số 150 HTX, có 40 HTX khá, giỏi (chiếm "
    "26,7%), 90 HTX trung bình (chiếm 45%), 20 HTX yếu."
)
CLASSES_OTHER_WHOLE = CLASSES.replace("tổng số 150", "tổng số 160")


def _verdicts(text: str) -> list[str | None]:
    return [s.verdict for s in find(text) if s.stated_kind == "share"]


def test_a_share_of_a_written_whole_its_classes_add_up_to_is_checked() -> None:
    assert _verdicts(CLASSES) == ["consistent", "inconsistent"]


def test_a_written_whole_the_classes_do_not_add_up_to_checks_nothing() -> None:
    assert _verdicts(CLASSES_OTHER_WHOLE) == ["unchecked", "unchecked"]


# cooperative groups are counted one by one: a plan of them is a whole number
GROUPS = "Xã Yên Phú năm 2041 có thêm 47 tổ hợp tác mới, đạt 103% kế hoạch năm."
GROUPS_WHOLE = "Xã Yên Phú năm 2041 có thêm 47 tổ hợp tác mới, đạt 102% kế hoạch năm."


def test_a_percentage_no_whole_plan_of_groups_gives_is_flagged() -> None:
    (s,) = find(GROUPS)
    assert s.verdict == "inconsistent"


def test_a_percentage_a_whole_plan_of_groups_gives_is_not() -> None:
    (s,) = find(GROUPS_WHOLE)
    assert s.verdict == "unchecked"


# a rate, then in brackets the points it passes its plan's rate by and that rate
POINTS_OVER = (
    "Năm 2041, công tác cấp giấy chứng nhận trên địa bàn huyện đạt 96,4% (vượt 0,4% theo chỉ "
    "tiêu đề ra là 96%)."
)
POINTS_OFF = POINTS_OVER.replace("vượt 0,4%", "vượt 0,6%")


def test_a_rate_with_its_points_over_the_plans_rate_is_set_against_it() -> None:
    assert _pairs(POINTS_OVER) == [(Decimal("96.4"), 96)]


def test_points_that_do_not_part_the_two_rates_pair_nothing() -> None:
    assert all(s.target is None for s in find(POINTS_OFF))


# an approximate result over an exact excess gives its plan; over an approximate one not
NEAR_OVER = "Năm 2041, tỉnh đã bàn giao gần 1.300 ha đất cho dự án, vượt 300 ha so với cam kết."
NEAR_OVER_NEAR = NEAR_OVER.replace("vượt 300 ha", "vượt hơn 300 ha")


def test_an_approximate_result_over_an_exact_excess_gives_the_plan() -> None:
    assert _pairs(NEAR_OVER) == [(1300, 1000)]


def test_an_approximate_result_over_an_approximate_excess_gives_none() -> None:
    assert all(t is None for _, t in _pairs(NEAR_OVER_NEAR))
