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
        "Huyện hiện có 14 cơ sở giáo dục nghề nghiệp, quy mô tuyển sinh năm 2041 trên 5.300 người."
    )
    assert all(target is None for _, target in _pairs(text))


def test_a_count_before_tren_is_still_out_of_its_whole() -> None:
    assert (14, 20) in _pairs("Năm 2041 xã có 14 trên 20 thôn đạt chuẩn văn hóa.")


def _claims(text: str) -> list[tuple[object, object, object, object]]:
    return [(s.actual, s.target, s.stated, s.stated_kind) for s in find(text)]


def test_a_fractions_rate_compared_with_the_plan_is_its_attainment() -> None:
    text = "Năm 2041, trạm tiêm phòng dại 18/24 con chó tỷ lệ 75,00% so với kế hoạch."
    assert (18, 24, "75,00%", "attainment") in _claims(text)


def test_a_fractions_rate_of_a_whole_stays_a_rate() -> None:
    # the fraction and its rate one statement, no plan named after it: a rate of the whole
    claims = _claims("Năm 2041, phường khám sàng lọc 12/30 người tỷ lệ 40%.")
    assert (12, 30, "40%", "rate") in claims
    assert all(kind != "attainment" for *_, kind in claims)


def test_a_rate_compared_higher_keeps_its_fraction() -> None:
    # "tỷ lệ 70,00% cao hơn so với năm 2040": a comparison after the rate, no population
    text = "Năm 2041, trạm khám sàng lọc 91/130 người tỷ lệ 70,00% cao hơn so với năm 2040."
    assert (91, 130, "70,00%", "rate") in _claims(text)
    assert (91, 130, None, None) not in _claims(text)


def test_a_rate_of_a_population_named_after_it_stays_so() -> None:
    claims = _claims("Năm 2041, xã có 60% hộ dân có nhà kiên cố.")
    assert (None, None, "60%", "rate") in claims


def test_an_amount_said_with_a_count_takes_no_attainment() -> None:
    # the percentage may be of the bridges mended as well as of the money: neither's
    text = (
        "Năm 2041, xã đã sửa 7 cây cầu dân sinh ở các thôn vùng cao, với 350 triệu đồng, "
        "đạt 104% kế hoạch."
    )
    assert all(s.stated is None for s in find(text))
    paid = (
        "Năm 2041, phòng đã trợ cấp cho 260 học sinh, với tổng kinh phí gần 1 tỷ đồng, đạt 97% "
        "kế hoạch."
    )
    assert all(s.stated is None for s in find(paid))


def test_an_amount_with_no_count_before_keeps_its_attainment() -> None:
    text = "Năm 2041, quỹ đã vận động được 540 triệu đồng, đạt 110% kế hoạch."
    assert (540_000_000, None, "110%", "attainment") in _claims(text)
    # a count in the sentence, but not right before the amount (a comma within the words
    # between): not the count the amount is said with
    text = (
        "Năm 2041, qua 12 đợt vận động ở các thôn, khu phố và trường học, với tổng số tiền "
        "540 triệu đồng, đạt 110% kế hoạch."
    )
    assert (540_000_000, None, "110%", "attainment") in _claims(text)
