"""Round 77 of the extraction rules (issue 17): wrong claims of tuned text grouped by the
pattern that causes them, each rule with a positive and a negative case on invented text
(never the evaluation set's figures or sentences)."""

from __future__ import annotations

from reading import find


def _pairs(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.target) for s in find(text) if s.actual is not None]


def test_a_year_before_tren_is_no_count_out_of_a_whole() -> None:
    # "năm 2041 trên 5.300 người": the year's figure, a floor, not 14 out of 5.300
    text = (
        "Huyện hiện có 14 cơ sở giáo dục nghề nghiệp, quy mô tuyển sinh năm 2041 trên 5.300 "
        "người."
    )
    assert all(target is None for _, target in _pairs(text))


def test_a_count_before_tren_is_still_out_of_its_whole() -> None:
    assert (14, 20) in _pairs("Năm 2041 xã có 14 trên 20 thôn đạt chuẩn văn hóa.")
