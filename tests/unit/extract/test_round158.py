"""Round 158: a year's plan written paragraphs above a part of the year's result.

Invented texts (other firms, figures and measures than the evaluation passages). In an
article on one firm, the year's plan set out first (``Các chỉ tiêu khác gồm doanh thu …``)
is the plan of the quarter's or the half year's result read paragraphs below with its growth:
the part-year pass sets it against the plan, no percentage. Near-misses: a round-up naming
two firms by their letters or after their titles (a plan above is another firm's, also for
the dated results' pass), a plan of the next year (also in the result's paragraph), a plan
of another measure, another firm named in words in the plan's paragraph or in the heading
of the result's section.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from reading import find

from kpitools.extract.plans_above import one_firm_above, plan_above_fits

B = Decimal(10) ** 9

PLAN = (
    "Đầu năm 2041, đại hội đồng cổ đông thông qua kế hoạch chia cổ tức 15%. Các chỉ tiêu "
    "khác gồm doanh thu {revenue} tỷ đồng, lợi nhuận sau thuế {profit} tỷ đồng.\n\n"
)
BETWEEN = "Năm 2040, công ty đạt doanh thu 2.100 tỷ đồng.\n\n"


def _pairs(text: str) -> set[tuple[object, object]]:
    return {
        (s.actual, s.target) for s in find(text, money=True) if None not in (s.actual, s.target)
    }


def test_the_plan_two_paragraphs_above_is_the_quarter_s_plan_in_one_firm_s_article() -> None:
    text = (
        PLAN.format(revenue="2.400", profit="600")
        + BETWEEN
        + "Theo kết quả kinh doanh quý II/2041, Công ty Sao Mai đạt doanh thu thuần 510 tỷ đồng, "
        "giảm 12% so với cùng kỳ; lợi nhuận sau thuế 6 tháng đạt 280 tỷ đồng, tăng 5% so với "
        "cùng kỳ."
    )
    pairs = _pairs(text)
    assert (510 * B, 2400 * B) in pairs
    assert (280 * B, 600 * B) in pairs


def test_a_firm_named_by_its_letters_on_both_sides_is_one_firm() -> None:
    text = (
        "Đầu năm 2041, cổ đông KLM thông qua kế hoạch chia cổ tức 12%. Các chỉ tiêu khác gồm "
        "doanh thu 980 tỷ đồng, lợi nhuận trước thuế 140 tỷ đồng.\n\nCổ phiếu KLM tăng 20% từ "
        "đầu năm.\n\nTrong quý I/2041, KLM ghi nhận doanh thu 215 tỷ đồng, tăng 7% so với cùng kỳ."
    )
    assert (215 * B, 980 * B) in _pairs(text)


def test_a_round_up_s_plan_above_is_another_firm_s() -> None:
    letters = (
        "Đầu năm 2041, cổ đông KLM thông qua kế hoạch chia cổ tức 12%. Các chỉ tiêu khác gồm "
        "doanh thu 980 tỷ đồng.\n\nTrong quý I/2041, PQR ghi nhận doanh thu 215 tỷ đồng, tăng "
        "7% so với cùng kỳ."
    )
    titles = (
        "Đầu năm 2041, Công ty Sao Mai thông qua kế hoạch chia cổ tức 12%. Các chỉ tiêu khác "
        "gồm doanh thu 980 tỷ đồng.\n\n" + BETWEEN + "Trong quý I/2041, Công ty Bình Minh ghi "
        "nhận doanh thu 215 tỷ đồng, tăng 7% so với cùng kỳ."
    )
    for text in (letters, titles):
        assert not any(a == 215 * B for a, _ in _pairs(text)), text


def test_the_dated_results_pass_takes_no_other_firm_s_plan_above() -> None:
    tickers = (
        "Năm 2041, Chứng khoán AAB đặt kế hoạch lợi nhuận sau thuế 900 tỷ đồng.\n\nChứng khoán "
        "CCD quý II/2041 có lợi nhuận sau thuế 210 tỷ đồng, tăng 9% so với cùng kỳ."
    )
    titles = (
        "Công ty Sao Mai đặt kế hoạch doanh thu 2.000 tỷ đồng cho năm 2041.\n\nCông ty Bình "
        "Minh đạt doanh thu 300 tỷ đồng trong quý I/2041, tăng 7% so với cùng kỳ."
    )
    assert not _pairs(tickers)
    assert not _pairs(titles)


def test_next_year_s_plan_is_no_plan_of_this_year_s_quarter() -> None:
    above = (
        "Đầu năm 2042, đại hội đồng cổ đông thông qua kế hoạch chia cổ tức 15%. Các chỉ tiêu "
        "khác gồm doanh thu 2.400 tỷ đồng.\n\nNăm 2041, công ty đạt doanh thu 2.100 tỷ đồng.\n\n"
        "Theo kết quả kinh doanh quý IV/2041, công ty đạt doanh thu thuần 510 tỷ đồng, giảm 12% "
        "so với cùng kỳ."
    )
    same_paragraph = (
        "Đầu năm 2042, đại hội đồng cổ đông thông qua kế hoạch chia cổ tức 15%. Các chỉ tiêu "
        "khác gồm doanh thu 2.400 tỷ đồng. Theo kết quả kinh doanh quý IV/2041, công ty đạt "
        "doanh thu thuần 510 tỷ đồng, giảm 12% so với cùng kỳ."
    )
    for text in (above, same_paragraph):
        assert (510 * B, 2400 * B) not in _pairs(text), text


def test_another_measure_s_plan_above_is_not_taken() -> None:
    text = (
        "Đầu năm 2041, đại hội đồng cổ đông thông qua kế hoạch chia cổ tức 15%. Các chỉ tiêu "
        "khác gồm lợi nhuận sau thuế 600 tỷ đồng.\n\n" + BETWEEN + "Theo kết quả kinh doanh "
        "quý II/2041, công ty đạt doanh thu thuần 510 tỷ đồng, giảm 12% so với cùng kỳ."
    )
    assert not any(a == 510 * B for a, _ in _pairs(text))


def test_a_plan_paragraph_naming_another_firm_in_words_is_another_firm_s() -> None:
    text = (
        "Dẫn đầu là Chứng khoán Hồng Lam, đã vượt kế hoạch lợi nhuận năm (700 tỷ đồng) sau 6 "
        "tháng.\n\nChứng khoán Bích Ngọc ghi nhận lợi nhuận sau thuế quý 2 đạt 350 tỷ đồng, "
        "tăng 8% so với cùng kỳ."
    )
    assert not any(a == 350 * B for a, _ in _pairs(text))


def test_a_section_under_another_firm_s_heading_is_that_firm_s() -> None:
    text = (
        "Nhựa Sao Mai: lãi kỷ lục\nNăm 2041, công ty đặt kế hoạch doanh thu 5.000 tỷ đồng.\n"
        "Nhựa Bình Minh: doanh thu tăng mạnh\nTrong quý 2/2041, doanh thu thuần đạt 1.990 tỷ "
        "đồng, tăng 19% so với cùng kỳ."
    )
    assert not _pairs(text)
    one_firm = text.replace("Nhựa Bình Minh", "Nhựa Sao Mai")
    assert (1990 * B, 5000 * B) in _pairs(one_firm)


def test_letters_of_a_currency_or_a_quarter_name_no_firm() -> None:
    text = "Năm 2041, AAB đặt kế hoạch 9 tỷ USD.\n\nQuý III/2041, AAB đạt 2 tỷ USD."
    assert one_firm_above(text, 30, len(text) - 5)
    assert not one_firm_above(text.replace("Quý III/2041, AAB", "CCD"), 30, len(text) - 20)


@settings(max_examples=30, deadline=None)
@given(
    revenue=st.integers(min_value=1_000, max_value=9_000),
    share=st.integers(min_value=5, max_value=45),
    plan_year=st.integers(min_value=2030, max_value=2048),
)
def test_a_quarter_takes_the_plan_above_only_of_its_own_year(
    revenue: int, share: int, plan_year: int
) -> None:
    # a share near the dividend's 10 % written in the plan's window reads as a percentage of the
    # plan stated and not linked, and the pair is refused (an older guard; round 164 saw it)
    assume(not 9 <= share <= 11)
    quarter = revenue * share // 100
    written = f"{revenue:,}".replace(",", ".")
    text = (
        f"Đầu năm {plan_year}, đại hội đồng cổ đông thông qua kế hoạch chia cổ tức 10%. Các chỉ "
        f"tiêu khác gồm doanh thu {written} tỷ đồng.\n\n"
        + f"Theo kết quả kinh doanh quý II/2040, công ty đạt doanh thu thuần {quarter} tỷ đồng, "
        "giảm 3% so với cùng kỳ."
    )
    paired = (Decimal(quarter) * B, Decimal(revenue) * B) in _pairs(text)
    assert paired == (plan_year == 2040)
    at = text.index(f"thuần {quarter} tỷ")
    assert plan_above_fits(text, text.index("doanh thu"), at) == (plan_year == 2040)


def _plan_year_after_amount(result_period: str) -> str:
    return (
        "Về kinh doanh, Sông Hồng đặt mục tiêu doanh thu thuần và lợi nhuận sau thuế lần lượt "
        "đạt 912.000 tỷ đồng và 61.000 tỷ trong năm 2041. "
        f"Lũy kế {result_period}, doanh thu thuần hợp nhất đạt 401.000 tỷ đồng, tăng 18% so với "
        "cùng kỳ năm trước."
    )


def test_a_plan_s_year_written_after_its_amount_is_the_plan_s_year() -> None:
    # lost on merging round 158 (the year after the amount was taken as the result's)
    rows = {(s.actual, s.target) for s in find(_plan_year_after_amount("6 tháng đầu năm"))}
    assert (401_000 * B, 912_000 * B) in rows


def test_a_result_of_another_year_than_the_plan_written_after_its_amount() -> None:
    rows = {(s.actual, s.target) for s in find(_plan_year_after_amount("6 tháng đầu năm 2040"))}
    assert (401_000 * B, 912_000 * B) not in rows
