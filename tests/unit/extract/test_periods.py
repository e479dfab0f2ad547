"""The period keys of :mod:`kpitools.extract.periods`: one scheme for every reader."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kpitools.extract.periods import (
    MONTHS_COUNTED,
    ROMAN_QUARTERS,
    one_part_named,
    part_key,
    period_named,
)
from kpitools.textfold import fold

_ROMAN = {v: k for k, v in ROMAN_QUARTERS.items()}


def _named(text: str) -> tuple[str | None, str | None]:
    folded = fold(text)
    return one_part_named(folded, 0, len(folded)), period_named(folded, 0, len(folded))


@given(st.integers(1, 4), st.booleans())
def test_a_quarter_in_roman_or_arabic_numerals_has_one_key(n: int, roman: bool) -> None:
    numeral = _ROMAN[str(n)].upper() if roman else str(n)
    key = f"q{n}"
    assert part_key(fold(numeral), None, None) == key
    assert _named(f"Riêng quý {numeral}, xưởng may xuất 80 lô hàng") == (key, key)


@given(st.integers(1, 12), st.booleans())
def test_a_month_has_the_key_of_its_number(n: int, padded: bool) -> None:
    written = f"{n:02d}" if padded else str(n)
    assert _named(f"Trong tháng {written}, bến xe đón 9.000 lượt hành khách") == (f"m-{n}",) * 2
    assert part_key(None, None, str(n)) == f"m-{n}"


@given(st.integers(2, 11))
def test_months_counted_are_no_single_part(n: int) -> None:
    text = f"Sau {n} tháng, bến xe đón 71.000 lượt hành khách"
    assert _named(text) == (None, "months")
    assert MONTHS_COUNTED.search(fold(text)) is not None
    assert part_key(None, str(n), None) == f"m{n}-"


def test_the_last_three_months_are_the_fourth_quarter() -> None:
    assert _named("Ba tháng cuối năm, hợp tác xã bán 40 tấn chè") == ("q4", "q4")


def test_a_date_names_no_period_of_its_own() -> None:
    assert _named("Đến ngày 31 tháng 12, trạm bơm tưới 600 ha") == (None, None)


def test_the_whole_year_and_nothing() -> None:
    assert _named("Cả năm, nhà máy nước cấp 12 triệu m3") == (None, "year")
    assert _named("Năm 2041, nhà máy nước cấp 12 triệu m3") == (None, "year")
    assert _named("Nhà máy nước cấp 12 triệu m3") == (None, None)


def test_the_last_part_named_is_the_key() -> None:
    assert _named("Quý I bán 3 tấn, quý III bán 5 tấn") == ("q3", "q3")
