"""Round 21 of the extraction rules (issue 17): a plan named back by a pronoun sets no amount,
a part's own rate is not the rate of the whole before it, …, each as a general rule of report
wording, tested on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import claimed_pairs as _pairs
from reading import find

BILLION = Decimal(10) ** 9
MILLION = Decimal(10) ** 6


def _pairs_all(text: str) -> list[tuple[object, object]]:
    """(actual, target) of every statement of ``text`` with both, money read."""
    return [(s.actual, s.target) for s in find(text, money=True) if s.target is not None]


# --------------------------------------------------------------------------- wrong claims

_LAST_YEAR = (
    "Năm 2024, tỉnh đón 3 triệu lượt khách quốc tế, đạt 100% kế hoạch đề ra. Năm 2025 tỉnh "
    "đặt mục tiêu đón 4 triệu lượt khách quốc tế. "
)


def test_a_plan_named_back_by_a_pronoun_sets_no_amount() -> None:
    text = _LAST_YEAR + (
        "Mục tiêu đầy thách thức này khẳng định vị thế của tỉnh, đồng thời đóng góp vào tổng "
        "số 12 triệu lượt khách quốc tế của cả nước trong năm 2024."
    )
    assert _pairs(text) == [(3 * MILLION, None)]


def test_a_plan_named_back_with_its_own_verb_sets_its_amount() -> None:
    text = (
        "Năm 2024, tỉnh đón 3 triệu lượt khách quốc tế, đạt 100% kế hoạch đề ra. Mục tiêu "
        "đầy thách thức này là đạt 3 triệu lượt khách quốc tế."
    )
    assert _pairs(text) == [(3 * MILLION, 3 * MILLION)]


_DISBURSED = (
    "Đến hết tháng 12, toàn tỉnh giải ngân được trên 900 tỷ đồng, tương đương 75% kế hoạch. "
)


def test_a_part_opening_its_sentence_keeps_its_rate_to_itself() -> None:
    text = _DISBURSED + (
        "Trong đó, vốn ngân sách tỉnh tiếp tục dẫn đầu với tỷ lệ giải ngân đạt 98,5%."
    )
    assert _pairs(text) == [(900 * BILLION, None)]


def test_a_rate_of_the_whole_after_it_refers_back_to_it() -> None:
    text = _DISBURSED + "Như vậy, tỷ lệ giải ngân đạt 75% kế hoạch."
    assert _pairs(text) == [(900 * BILLION, None), (900 * BILLION, None)]


# --------------------------------------------------------------------------- misses


def test_an_aim_of_a_named_year_set_beside_a_result_is_its_target() -> None:
    text = (
        "Sáu tháng đầu năm, kim ngạch xuất khẩu chè lên đến 1,25 tỷ USD, tiến sát mục tiêu "
        "năm 2025 là 1,3 tỷ USD."
    )
    assert _pairs_all(text) == [(Decimal("1.25") * BILLION, Decimal("1.3") * BILLION)]


def test_the_capital_of_a_year_plan_is_no_target() -> None:
    text = (
        "Đến nay, vốn đầu tư công năm 2024 kéo dài đã giải ngân 120 tỷ đồng; giải ngân vốn "
        "kế hoạch năm 2025 là 500 tỷ đồng."
    )
    assert _pairs_all(text) == []
