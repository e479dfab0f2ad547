"""What reviews of rounds 72–75 found (session 23), each with a case it mends and one it
keeps, on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

from reading import find

from kpitools.extract import linking, shares


def _growths(text: str) -> list[str | None]:
    return [s.verdict for s in find(text) if s.stated_kind == "growth"]


# counts are exact: a growth of whole persons or households no rounding explains is flagged
GROWTH_OF_COUNTS = "Năm 2041 xã kết nạp 52 đảng viên, tăng 15% so với năm trước (46 đảng viên)."
GROWTH_OF_HOUSEHOLDS = "Năm 2041 xã có 12 hộ thoát nghèo, tăng 30% so với năm trước (10 hộ)."
# an amount written with its scale (12 tỷ) is rounded: 11,5 to 12,5 over 9,5 to 10,5
GROWTH_OF_ROUNDED_AMOUNTS = (
    "Năm 2041 doanh thu đạt 12 tỷ đồng, tăng 30% so với năm trước (10 tỷ đồng)."
)
GROWTH_OF_COUNTS_RIGHT = (
    "Năm 2041 xã kết nạp 52 đảng viên, tăng 13% so với năm trước (46 đảng viên)."
)


def test_a_growth_of_counts_allows_no_rounding() -> None:
    assert _growths(GROWTH_OF_COUNTS) == ["inconsistent"]
    assert _growths(GROWTH_OF_HOUSEHOLDS) == ["inconsistent"]


def test_a_growth_of_counts_that_holds_or_of_scaled_amounts_is_not_flagged() -> None:
    assert _growths(GROWTH_OF_COUNTS_RIGHT) == ["consistent"]
    assert _growths(GROWTH_OF_ROUNDED_AMOUNTS) == ["consistent"]


# a capitalised noun at a sentence's start names no programme
PLAN_AT_START = "Dự án trồng 20 ha rừng đạt 50% kế hoạch."
PROGRAMME_WITHIN = (
    "Năm 2041, phường trồng thêm 6.000 cây theo Đề án trồng 5 triệu cây xanh đô thị giai "
    "đoạn 2041-2045 của thành phố, đạt 100% kế hoạch."
)


def test_a_capital_at_a_sentences_start_names_no_programme() -> None:
    assert [s.actual for s in find(PLAN_AT_START)] == [20]


def test_a_programme_named_within_a_sentence_is_still_no_figure() -> None:
    assert Decimal("5e6") not in [s.actual for s in find(PROGRAMME_WITHIN)]


# plans' rates in brackets after rates, one of which is 100 % or more: no pair out of order
RATES_WITH_A_FULL_ONE = (
    "Năm 2041, 92% chi bộ đạt trong sạch, vững mạnh; 90% đảng viên hoàn thành tốt nhiệm vụ, "
    "100% tổ chức cơ sở đảng được kiểm tra (chỉ tiêu tương ứng là 85%, 95%)."
)
RATES_IN_ORDER = (
    "Năm 2041, 94% chi bộ đạt trong sạch, vững mạnh, 88% đảng viên hoàn thành tốt nhiệm vụ "
    "(chỉ tiêu tương ứng là 90%, 85%)."
)


def _pairs(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.target) for s in find(text) if s.target is not None]


def test_rates_with_one_of_100_percent_are_not_paired_out_of_order() -> None:
    assert _pairs(RATES_WITH_A_FULL_ONE) == []


def test_rates_under_100_percent_are_still_paired_in_order() -> None:
    assert _pairs(RATES_IN_ORDER) == [(94, 90), (88, 85)]


def test_statements_are_looked_up_by_start_whatever_their_order() -> None:
    unsorted = [SimpleNamespace(start=s) for s in (1052, 65, 300, 70)]
    index = linking.StartIndex(unsorted)
    assert [unsorted[i].start for i in index.between(60, 310)] == [65, 70, 300]
    assert index.between(1053, 2000) == []


# the whole of listed classes: looked for no further than a sentence's bound (a line with
# no sentence end made each share read the rest of the line)
CLASSES = (
    "Theo kết quả phân loại năm 2041, trong tổng số 150 HTX, có 40 HTX khá, giỏi (chiếm "
    "26,7%), 90 HTX trung bình (chiếm 45%), 20 HTX yếu"
)
FILLER = ", cùng các tổ hợp tác" * (shares.MAX_SENTENCE_CHARS // 10)


def _shares(text: str) -> list[str | None]:
    return [s.verdict for s in find(text) if s.stated_kind == "share"]


def test_a_count_past_a_sentences_bound_does_not_spoil_the_whole_of_classes() -> None:
    assert _shares(CLASSES + FILLER + ", 7 HTX mới.") == ["consistent", "inconsistent"]


def test_a_count_within_the_sentence_still_does() -> None:
    assert _shares(CLASSES + ", 7 HTX mới.") == ["unchecked", "unchecked"]


# a growth rate named by its speed takes the attainment after it only when no other figure
# stands between the speed and the rate (round 75)
SPEED_THEN_AMOUNT = "Tốc độ tăng trưởng kinh tế đạt 8%, thu ngân sách tăng 9,6%, đạt 104% kế hoạch."
SPEED_OF_ITS_RATE = "Năm 2041, tốc độ tăng trưởng là 8,46%, đạt 100,7% kế hoạch."


def _attained(text: str) -> list[object]:
    return [s.actual for s in find(text) if s.stated_kind == "attainment"]


def test_an_amounts_growth_after_another_speed_takes_no_attainment() -> None:
    assert _attained(SPEED_THEN_AMOUNT) == [None]


def test_a_rate_named_by_its_speed_still_does() -> None:
    assert _attained(SPEED_OF_ITS_RATE) == [Decimal("8.46")]


# a forecast in brackets after a plan's percentage is no plan (round 75)
FORECAST_IN_BRACKET = (
    "Năm 2041, phường đã trồng 31.420 cây, đạt tỷ lệ 89,8% so kế hoạch (dự kiến đạt 35.000 cây)."
)
PLAN_IN_BRACKET = (
    "Năm 2041, phường đã trồng 31.420 cây, đạt tỷ lệ 142,8% so kế hoạch (dự kiến trồng 22.000 cây)."
)


def test_a_forecast_in_brackets_is_no_target() -> None:
    assert [(s.actual, s.target) for s in find(FORECAST_IN_BRACKET)] == [(31420, None)]


def test_a_plan_in_brackets_still_is() -> None:
    assert [(s.actual, s.target) for s in find(PLAN_IN_BRACKET)] == [(31420, 22000)]
