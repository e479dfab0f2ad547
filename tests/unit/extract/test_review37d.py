"""Review D of rounds 158 and 159: near-misses their rules read wrong before the fixes.

Invented texts. Round 158 (``plans_above.py``): a plan above of last year (``Năm ngoái``) or
of a whole sector (``toàn ngành``) is no plan of a firm's quarter below. Round 159
(``referred_plans.py``): a quarter's or a month's result is not the year's result a plan is
said of, nor is last year's or a term's plan this year's, nor a plan the results are
said to pass (or miss) and do not.
"""

from __future__ import annotations

from decimal import Decimal

from reading import find

B = Decimal(10) ** 9


def _pairs(text: str) -> set[tuple[object, object]]:
    return {(s.actual, s.target) for s in find(text, money=True) if s.target is not None}


def test_last_year_s_plan_above_is_no_plan_of_this_year_s_quarter() -> None:
    text = (
        "Năm ngoái, công ty đặt kế hoạch doanh thu 900 tỷ đồng.\nThị trường vẫn khó khăn.\n"
        "Quý I năm nay, công ty đạt doanh thu 230 tỷ đồng, tăng 10% so với cùng kỳ."
    )
    assert (230 * B, 900 * B) not in _pairs(text)


def test_this_year_s_plan_above_still_reads() -> None:
    text = (
        "Năm nay, công ty đặt kế hoạch doanh thu 900 tỷ đồng.\nThị trường vẫn khó khăn.\n"
        "Quý I năm nay, công ty đạt doanh thu 230 tỷ đồng, tăng 10% so với cùng kỳ."
    )
    assert (230 * B, 900 * B) in _pairs(text)


def test_a_sector_s_plan_above_is_no_firm_s_plan() -> None:
    text = (
        "Năm 2041, toàn ngành dệt may đặt mục tiêu kim ngạch xuất khẩu 45 tỷ USD.\n"
        "Thị trường vẫn khó khăn.\nQuý I/2041, Công ty Sao Mai đạt kim ngạch xuất khẩu 23 "
        "triệu USD, tăng 10% so với cùng kỳ."
    )
    assert not [s for s in find(text, money=True) if s.actual and s.target]


def test_a_quarter_s_result_is_not_the_year_s_said_against_its_plan() -> None:
    text = (
        "Quý IV/2041, công ty đạt lợi nhuận sau thuế 300 tỷ đồng. Kết quả này giúp công ty "
        "vượt kế hoạch lợi nhuận sau thuế 1.000 tỷ đồng."
    )
    assert (300 * B, 1000 * B) not in _pairs(text)


def test_a_month_s_budget_is_not_the_year_s_said_against_its_estimate() -> None:
    text = (
        "Tháng 11/2041, tổng thu ngân sách đạt 1.410 tỷ đồng. Kết quả này chưa đạt dự toán thu "
        "ngân sách 5.900 tỷ đồng cả năm."
    )
    assert (1410 * B, 5900 * B) not in _pairs(text)


def test_last_year_s_plan_said_of_this_year_s_results_is_not_theirs() -> None:
    text = (
        "Năm 2041, công ty đạt doanh thu 3.260 tỷ đồng. Kết quả này vượt kế hoạch doanh thu "
        "3.000 tỷ đồng của năm trước."
    )
    assert (3260 * B, 3000 * B) not in _pairs(text)


def test_the_year_s_result_said_against_its_plan_still_reads() -> None:
    text = (
        "Năm 2041, công ty đạt doanh thu 3.260 tỷ đồng. Kết quả này vượt kế hoạch doanh thu "
        "3.000 tỷ đồng của năm 2041."
    )
    assert (3260 * B, 3000 * B) in _pairs(text)


def test_a_term_s_plan_said_of_the_year_s_results_is_not_theirs() -> None:
    for tail in ("đề ra cho giai đoạn 2041-2045", "của cả giai đoạn", "của nhiệm kỳ"):
        text = (
            "Năm 2041, công ty đạt doanh thu 3.260 tỷ đồng. Kết quả này vượt mục tiêu doanh thu "
            f"3.000 tỷ đồng {tail}."
        )
        assert (3260 * B, 3000 * B) not in _pairs(text), tail


def test_a_result_said_to_pass_its_plan_but_below_it_is_not_its() -> None:
    passed = (
        "Năm 2041, công ty đạt doanh thu 2.260 tỷ đồng. Kết quả này vượt kế hoạch doanh thu "
        "3.000 tỷ đồng."
    )
    missed = (
        "Năm 2041, công ty đạt doanh thu 3.260 tỷ đồng. Kết quả này chưa đạt kế hoạch doanh thu "
        "3.000 tỷ đồng."
    )
    assert (2260 * B, 3000 * B) not in _pairs(passed)
    assert (3260 * B, 3000 * B) not in _pairs(missed)


def test_a_sentence_saying_one_plan_passed_and_one_missed_still_reads() -> None:
    text = (
        "Năm 2041, công ty đạt doanh thu 2.260 tỷ đồng, lợi nhuận trước thuế 215 tỷ đồng. Kết quả "
        "này vượt mục tiêu lợi nhuận trước thuế 180 tỷ đồng nhưng chưa đạt mục tiêu doanh thu "
        "3.000 tỷ đồng."
    )
    assert {(2260 * B, 3000 * B), (215 * B, 180 * B)} <= _pairs(text)
