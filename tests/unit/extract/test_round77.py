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
    text = "Năm 2041, xã thực hiện triệt sản 6/15 ca tỷ lệ 40,00% so với kế hoạch."
    assert (6, 15, "40,00%", "attainment") in _claims(text)


def test_a_fractions_rate_of_a_whole_stays_a_rate() -> None:
    claims = _claims("Năm 2041, xã có 6/15 thôn đạt chuẩn, tỷ lệ 40%.")
    assert all(kind != "attainment" for *_, kind in claims)


def test_a_rate_compared_higher_keeps_its_fraction() -> None:
    # "tỷ lệ 45,00% cao hơn so với năm 2040": a comparison after the rate, no population
    text = (
        "Năm 2041, xã đặt vòng tránh thai thực hiện 63/140 ca tỷ lệ 45,00% cao hơn so với năm 2040."
    )
    assert (63, 140, "45,00%", "rate") in _claims(text)
    assert (63, 140, None, None) not in _claims(text)


def test_a_rate_of_a_population_named_after_it_stays_so() -> None:
    claims = _claims("Năm 2041, xã có 60% hộ dân có nhà kiên cố.")
    assert (None, None, "60%", "rate") in claims


def test_an_amount_said_with_a_count_takes_no_attainment() -> None:
    # the percentage may be of the houses built as well as of the money: neither's
    text = (
        "Năm 2041, quỹ đã hỗ trợ xây dựng 9 căn nhà cho các hộ nghèo gặp khó khăn về nhà ở, "
        "với 540 triệu đồng, đạt 110% kế hoạch."
    )
    assert all(s.stated is None for s in find(text))
    paid = (
        "Năm 2041, huyện đã chi trả cho 4.100 người, với tổng số tiền hơn 9 tỷ đồng, đạt 98% "
        "kế hoạch."
    )
    assert all(s.stated is None for s in find(paid))


def test_an_amount_with_no_count_before_keeps_its_attainment() -> None:
    text = "Năm 2041, quỹ đã vận động được 540 triệu đồng, đạt 110% kế hoạch."
    assert (540_000_000, None, "110%", "attainment") in _claims(text)
