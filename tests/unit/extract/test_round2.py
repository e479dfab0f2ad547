"""Issue 17, round 2: growth over last year, plans stated in another sentence, synonyms.

Every example is invented (marked ``# invented``); the real passages are in
tests/eval/extract/ and scored by scripts/eval_extract.py. Precision first: where a reading
is ambiguous, the tests check that nothing wrong is said.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reading import is_claim

from kpitools.extract import Statement, extract_statements

D = Decimal


def claims(text: str) -> list[Statement]:
    """The claims of ``text`` (see ``reading.is_claim``), read without reference data."""
    return [s for s in extract_statements(text) if is_claim(s)]


# --------------------------------------------------------------------------- growth


@pytest.mark.parametrize(
    "text",
    [
        # invented: every way of naming last year after "vượt"
        "Lũy kế 5 tháng, sản lượng đạt 17,7 triệu tấn, vượt 5% so với cùng kỳ năm 2024.",
        "Sản lượng đạt 17,7 triệu tấn, vượt 5% so với năm trước.",
        "Sản lượng đạt 17,7 triệu tấn, vượt 5% cùng kỳ năm ngoái.",
        "Sản lượng đạt 17,7 triệu tấn, vượt 5% so với cùng kỳ.",
        "Năm 2024 huyện kết nạp 120 đảng viên, vượt 6,5% so với năm 2023.",
        "Năm 2024 huyện kết nạp 120 đảng viên, vượt 20 đảng viên so với cùng kỳ năm 2023.",
    ],
)
def test_excess_over_last_year_is_growth(text: str) -> None:
    assert claims(text) == []  # invented


def test_excess_over_last_year_kind() -> None:
    found = extract_statements("Sản lượng đạt 17,7 triệu tấn, vượt 5% so với cùng kỳ năm 2024.")
    assert [(s.actual, s.stated_kind) for s in found] == [(D(17_700_000), "growth")]  # invented


def test_index_to_last_year_is_no_attainment() -> None:
    found = extract_statements("Huyện kết nạp 120 đảng viên, đạt 105% cùng kỳ năm ngoái.")
    assert [s.stated_kind for s in found] == ["growth"]  # invented


def test_plan_and_last_year_both_named_is_unread() -> None:
    # invented: "vượt kế hoạch 5% so với cùng kỳ" — which one is it of? Nothing is claimed.
    assert claims("Kết nạp 120 đảng viên, vượt kế hoạch 5% so với cùng kỳ.") == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # negative: an excess over the plan stays an excess (invented)
        ("Kết nạp 120 đảng viên, vượt 5% so với kế hoạch năm.", "excess"),
        ("Kết nạp 126/120 đảng viên, vượt 5% kế hoạch, tăng 8% so với cùng kỳ.", "excess"),
    ],
)
def test_excess_over_plan_stays(text: str, kind: str) -> None:
    assert kind in [s.stated_kind for s in extract_statements(text)]


def test_excess_count_over_plan_stays() -> None:
    found = extract_statements(
        "Năm 2024 huyện kết nạp 120 đảng viên, vượt 20 đảng viên so với kế hoạch."
    )
    assert [(s.actual, s.target) for s in found] == [(D(120), D(100))]  # invented


@settings(max_examples=40, deadline=None)
@given(
    st.integers(min_value=2, max_value=9_999),
    st.integers(min_value=1, max_value=99),
    st.sampled_from(
        [
            "so với cùng kỳ",
            "so với cùng kỳ năm 2024",
            "so với năm trước",
            "cùng kỳ năm ngoái",
            "so với năm ngoái",
        ]
    ),
)
def test_any_excess_over_last_year_claims_nothing(actual: int, pct: int, tail: str) -> None:
    text = f"Năm 2025, xã kết nạp {actual} đảng viên, vượt {pct}% {tail}."
    assert claims(text) == []


# --------------------------------------------------------------------------- plan amounts

TOURISM = (  # invented, after the shape of a tourism report
    "Quý I, khách quốc tế ước đạt 1,7 triệu lượt, đạt 20% so với kế hoạch năm. "
    "Tổng thu ước đạt 50.000 tỉ đồng, đạt 25% kế hoạch năm. "
    "Ngành du lịch đặt mục tiêu đón 8,5 triệu lượt khách quốc tế năm nay, "
    "hướng tới tổng thu 200.000 tỉ đồng."
)


def linked(text: str) -> list[tuple[Decimal, Decimal | None, str | None]]:
    return [
        (s.actual, s.target, s.link_text)  # type: ignore[misc]
        for s in extract_statements(text)
        if s.stated_kind in ("attainment", "excess")
    ]


def test_plan_amount_stated_later_is_linked() -> None:
    found = [s for s in extract_statements(TOURISM) if s.stated_kind == "attainment"]
    assert [(s.actual, s.target, s.link_text, s.verdict) for s in found] == [
        (D(1_700_000), D(8_500_000), "8,5 triệu lượt", "consistent"),
        (D(50_000 * 10**9), D(200_000 * 10**9), "200.000 tỉ đồng", "consistent"),
    ]
    first = found[0]
    assert TOURISM[first.link_start : first.link_end] == "8,5 triệu lượt"  # type: ignore[misc]


def test_plan_amount_stated_before_is_linked() -> None:
    text = (  # invented
        "Kế hoạch năm 2025, Tập đoàn sản xuất 40 triệu tấn than. "
        "Lũy kế 6 tháng, sản lượng đạt 21 triệu tấn, bằng 52,5% kế hoạch năm."
    )
    assert linked(text) == [(D(21_000_000), D(40_000_000), "40 triệu tấn")]


def test_plan_amount_count_without_scale() -> None:
    text = (  # invented
        "Nghị quyết đề ra mỗi năm kết nạp 1.500 đảng viên. "
        "Năm 2022 toàn Đảng bộ kết nạp 1.380 đảng viên, đạt 92% so với nghị quyết."
    )
    assert linked(text) == [(D(1380), D(1500), "1.500 đảng")]


@pytest.mark.parametrize(
    "text",
    [
        # negatives (invented): the percentage disagrees with the only amount (since round 3
        # another scale, another paragraph and a qualified result are linked when the
        # amount agrees: tests/unit/extract/test_round3.py)
        "Khách nội địa đạt 8,6 triệu lượt, đạt 19,1% kế hoạch năm. Mục tiêu đón 8,5 triệu lượt.",
        # another word after the scale
        "Khách đạt 1,7 triệu lượt, đạt 20% kế hoạch năm. Mục tiêu thu 8,5 triệu USD.",
        # a result, not a plan: a result word between the cue and the amount
        "Khách đạt 1,7 triệu lượt, đạt 20% kế hoạch năm. Kế hoạch tháng 5 đã đạt 8,5 triệu lượt.",
        # no plan word in its sentence
        "Khách đạt 1,7 triệu lượt, đạt 20% kế hoạch năm. Năm ngoái có 8,5 triệu lượt.",
        # a qualified plan amount the percentage does not fit (since round 7 one that fits
        # within 5 % is linked, unchecked: tests/unit/extract/test_round7.py)
        "Khách đạt 1,7 triệu lượt, đạt 20% kế hoạch năm. Mục tiêu đón trên 12 triệu lượt.",
        # growth, not a percentage of a plan
        "Khách đạt 1,7 triệu lượt, tăng 20% so với cùng kỳ. Mục tiêu đón 8,5 triệu lượt.",
    ],
)
def test_plan_amount_not_linked(text: str) -> None:
    assert all(t is None for _, t, _ in linked(text))


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=10, max_value=99_999),
    st.integers(min_value=101, max_value=400_000),
    st.booleans(),
)
def test_plan_amount_links_exactly_the_agreeing_amount(
    actual: int, target: int, wrong: bool
) -> None:
    from kpitools.numbers import format_number

    exact = Decimal(100 * actual) / Decimal(target)
    pct = exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    if wrong:
        pct += 3
    text = (
        f"Năm 2025, doanh thu đạt {format_number(D(actual))} tỷ đồng, "
        f"đạt {str(pct).replace('.', ',')}% kế hoạch năm. "
        f"Kế hoạch năm 2025 của công ty là {format_number(D(target))} tỷ đồng."
    )
    got = [t for a, t, _ in linked(text) if a == actual * 10**9]
    if wrong:  # a plan equal to the result (100 %) is linked too (round 8)
        assert all(t is None for t in got)
    else:
        assert got == [target * 10**9]


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=10, max_value=99_999),
    st.integers(min_value=101, max_value=400_000),
    st.booleans(),
    st.booleans(),
)
def test_plan_amount_of_a_count_later_or_before(
    actual: int, target: int, wrong: bool, before: bool
) -> None:
    from kpitools.numbers import format_number

    pct = (Decimal(100 * actual) / Decimal(target)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    if wrong:
        pct += 3
    result = (
        f"Quý I, khách quốc tế đạt {format_number(D(actual))} lượt, "
        f"đạt {str(pct).replace('.', ',')}% so với kế hoạch năm."
    )
    plan = f"Ngành du lịch đặt mục tiêu đón {format_number(D(target))} lượt khách năm nay."
    text = f"{plan} {result}" if before else f"{result} {plan}"
    got = [t for a, t, _ in linked(text) if a == actual]
    if wrong:  # a plan equal to the result (100 %) is linked too (round 8)
        assert all(t is None for t in got)
    else:
        assert got == [target]


@pytest.mark.parametrize(
    "text",
    [
        # invented negatives: the plan of another unit, of another year
        "Năm 2023 huyện Gia Lâm phấn đấu kết nạp 120 đảng viên. "
        "Năm 2023 huyện Đông Anh kết nạp 132 đảng viên, đạt 110% kế hoạch.",
        "Năm 2022 phấn đấu kết nạp 120 đảng viên. "
        "Năm 2023 kết nạp 132 đảng viên, đạt 110% kế hoạch.",
    ],
)
def test_plan_amount_of_another_scope_not_linked(text: str) -> None:
    assert all(t is None for _, t, _ in linked(text))


def test_plan_amount_of_the_same_named_unit_is_linked() -> None:
    text = (  # invented
        "Kế hoạch năm 2023 của huyện Đông Anh là kết nạp 120 đảng viên. "
        "Năm 2023 huyện Đông Anh kết nạp 132 đảng viên, đạt 110% kế hoạch."
    )
    assert [t for _, t, _ in linked(text)] == [D(120)]


# --------------------------------------------------------------------------- synonyms

HALF_YEAR = (  # invented, after the shape of a listed company's half-year report
    "Lũy kế 6 tháng, công ty đạt doanh thu thuần 6.000 tỷ đồng (tăng 14%), lãi trước thuế "
    "1.200 tỷ đồng (gấp đôi cùng kỳ). So với kế hoạch năm, công ty đã thực hiện được 40% kế "
    "hoạch doanh thu và 60% kế hoạch lợi nhuận."
)


def test_second_percentage_shares_the_verb_and_profit_is_lai() -> None:
    found = [(a, t, label) for a, t, label in linked(HALF_YEAR)]
    assert [a for a, _, _ in found] == [D(6000 * 10**9), D(1200 * 10**9)]
    [profit] = [s for s in extract_statements(HALF_YEAR) if s.stated == "60%"]
    assert (profit.stated_kind, profit.actual, profit.implied_target) == (
        "attainment",
        D(1200 * 10**9),
        D(2000 * 10**9),
    )
    assert profit.link_text == "1.200 tỷ đồng"


@pytest.mark.parametrize(
    "text",
    [
        # invented negatives: "lãi suất" is no profit
        "Lãi suất cho vay bình quân 1.200 tỷ đồng. Công ty đã thực hiện được 40% kế hoạch "
        "doanh thu và 60% kế hoạch lợi nhuận.",
        # two amounts that name profit and differ: which one? none
        "Lãi trước thuế 1.200 tỷ đồng, lãi sau thuế 960 tỷ đồng. Công ty đã thực hiện được "
        "40% kế hoạch doanh thu và 60% kế hoạch lợi nhuận.",
        # the amount is the plan, not a result
        "Kế hoạch lợi nhuận năm nay là 1.200 tỷ đồng. Công ty đã thực hiện được 40% kế "
        "hoạch doanh thu và 60% kế hoạch lợi nhuận.",
    ],
)
def test_profit_plan_without_a_sure_result(text: str) -> None:
    assert all(s.stated != "60%" or s.actual is None for s in extract_statements(text))


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # invented: an excess then "và": the second keeps no verb of its own — unread
        ("Công ty vượt 42% kế hoạch doanh thu và 66% kế hoạch lợi nhuận.", ["excess"]),
        # a comma cuts the clause, but the second percentage, with no word of its own and a
        # plan word after it, is listed after the first attainment and shares its verb
        # (round 155: the evaluation set reads "…, và gần 43% mục tiêu lãi trước thuế")
        (
            "Công ty đạt 42% kế hoạch doanh thu, và 66% kế hoạch lợi nhuận.",
            ["attainment", "attainment"],
        ),
        # growth then "và"
        ("Công ty tăng 42% so với cùng kỳ và 66% kế hoạch lợi nhuận.", ["growth"]),
    ],
)
def test_second_percentage_needs_an_attainment_before(text: str, kinds: list[str]) -> None:
    assert [s.stated_kind for s in extract_statements(text)] == kinds


def test_noun_pattern_synonyms() -> None:
    from kpitools.extract.amounts import noun_pattern
    from kpitools.textfold import fold

    assert noun_pattern("lợi nhuận").search(fold("Lãi sau thuế"))
    assert noun_pattern("lãi").search(fold("lợi nhuận trước thuế"))
    for other in ("lãi suất", "lãi vay", "lãi tiền gửi", "lãi tức", "doanh thu", "lãng phí"):
        assert not noun_pattern("lợi nhuận").search(fold(other)), other
    assert noun_pattern("doanh thu").search("doanh thu thuần")  # no synonyms: the word itself


def test_plan_amount_link_is_noted_and_raises_no_alarm() -> None:
    from kpitools.extract import audit_statements
    from kpitools.extract.notes import note_text

    found = extract_statements(TOURISM)
    [first, *_] = [s for s in found if s.link_text is not None]
    assert note_text(first.note_data, "vi").startswith("chỉ tiêu 8.500.000 lấy từ “8,5 triệu lượt”")
    audit = audit_statements(found)
    assert not audit.filter(audit["verdict"].is_in(["inconsistent", "truncated"])).height


def test_amount_result_not_read_when_money_is_masked() -> None:
    found = extract_statements(HALF_YEAR, money=False)  # invented
    assert all(s.stated != "60%" or s.actual is None for s in found)


@pytest.mark.parametrize(
    "text",
    [
        # invented negatives: the figures agree (500 / 1.000 = 50 %) but the plan is another
        # measure's
        "Doanh thu đạt 500 tỷ đồng, bằng 50% kế hoạch. Kế hoạch lợi nhuận năm nay là 1.000 "
        "tỷ đồng.",
        "Khách nội địa đạt 1,7 triệu lượt, đạt 20% kế hoạch năm. Ngành đặt mục tiêu đón 8,5 "
        "triệu lượt khách quốc tế.",
    ],
)
def test_plan_amount_of_another_measure_not_linked(text: str) -> None:
    assert all(t is None for _, t, _ in linked(text))


def test_plan_amount_of_a_measure_named_another_way_is_linked() -> None:
    text = (  # invented: "lãi trước thuế" and "lợi nhuận" are one measure
        "Lãi trước thuế 6 tháng đạt 500 tỷ đồng, bằng 50% kế hoạch năm. Mục tiêu lợi nhuận "
        "cả năm là 1.000 tỷ đồng."
    )
    assert [t for _, t, _ in linked(text)] == [D(1000 * 10**9)]


@pytest.mark.parametrize(
    "text",
    [
        # invented negatives: a figure after a percentage's plan word is no plan amount
        "Năm 2024 kết nạp 20 đảng viên, đạt 80% kế hoạch, năm 2023 có 25 đảng viên.",
        "Tổ 1 kết nạp 20 đảng viên, đạt 80% kế hoạch, tổ 2 kết nạp 25 đảng viên.",
        "Sản lượng đạt 2 triệu tấn, bằng 80% kế hoạch. Còn cảng B đạt 80% kế hoạch 2,5 triệu tấn.",
        # the plan of another year
        "Năm 2024 khách đạt 2 triệu lượt, bằng 80% kế hoạch. "
        "Năm 2023, kế hoạch đón 2,5 triệu lượt.",
    ],
)
def test_plan_amount_needs_a_plan_set_out(text: str) -> None:
    assert all(t is None for _, t, _ in linked(text))


@pytest.mark.parametrize(
    "text",
    [
        # invented negatives: the profit of another period is no result of this year's plan
        "Năm 2024, công ty lãi 1.000 tỷ đồng (gấp đôi năm 2023). Năm 2025, công ty đã thực "
        "hiện được 40% kế hoạch doanh thu và 60% kế hoạch lợi nhuận.",
        "Cùng kỳ năm trước, lãi trước thuế đạt 1.000 tỷ đồng. Năm nay công ty đã thực hiện "
        "được 40% kế hoạch doanh thu và 60% kế hoạch lợi nhuận.",
    ],
)
def test_amount_result_of_another_period(text: str) -> None:
    assert all(s.stated != "60%" or s.actual is None for s in extract_statements(text))


def test_plan_amount_of_an_earlier_period_not_linked() -> None:
    text = (  # invented: last year's plan, named so
        "Khách quốc tế đạt 1,7 triệu lượt, đạt 20% kế hoạch năm. Cùng kỳ năm trước, kế hoạch "
        "đón 8,5 triệu lượt."
    )
    assert all(t is None for _, t, _ in linked(text))
