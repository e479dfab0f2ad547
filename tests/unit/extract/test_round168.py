"""Round 168: plans worded so no pass read them, and excess wordings.

Invented texts (other companies, provinces, figures and plans than the evaluation passages).

* A result that is a multiple of its plan written in words or as an excess N times over:
  ``… đạt 4.210 tỷ đồng, gấp đôi kế hoạch năm`` (200 %), ``… gấp rưỡi chỉ tiêu`` (150 %),
  ``… đạt hơn 612.300 tỷ đồng, vượt hơn 4 lần kế hoạch`` (400 %, as the papers write it);
  a multiple of last year is no attainment.
* ``Đây là mức lợi nhuận cao nhất …, đồng thời vượt xa kế hoạch gần 64 tỷ đồng …``: the
  sentence opens on the level just stated and names its measure; the plan written after
  ``vượt kế hoạch`` with no measure of its own is that measure's plan, set against the
  amount of it in the sentence before.
* ``Bộ Tài chính đã giao Kho bạc Nhà nước nhiệm vụ phát hành … với tổng khối lượng 420.000
  tỷ đồng``: a task assigned with its amount sets out the plan a later ``bằng 36% kế hoạch
  năm`` is of.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from reading import find, read_money

from kpitools.extract import Statement

B = Decimal(10) ** 9

# --------------------------------------------------------------------------- multiples


def test_twice_the_plan_in_words_is_an_attainment_of_200() -> None:
    text = (
        "Năm 2025, tập đoàn ước tính doanh thu đạt 120.500 tỷ đồng, lợi nhuận đạt khoảng "
        "4.210 tỷ đồng, gấp đôi kế hoạch năm đã đặt ra."
    )
    assert (Decimal(4210) * B, None, "gấp đôi", "attainment") in read_money(text)


def test_nearly_twice_the_plan_after_the_amount_and_its_noun() -> None:
    text = "Công ty đã lãi 318 tỷ đồng trước thuế, gần gấp đôi kế hoạch năm khi mới hết hai quý."
    [row] = read_money(text)
    assert row == (Decimal(318) * B, None, "gấp đôi", "attainment")


def test_one_and_a_half_times_the_quota_in_words() -> None:
    [s] = [s for s in _found("Huyện trồng được 214.000 cây, gấp rưỡi chỉ tiêu.")]
    assert (s.actual, s.stated_percent, s.stated_kind) == (Decimal(214000), 150, "attainment")
    assert s.implied_target == Decimal("142666.67")


def test_a_plan_exceeded_n_times_is_n_times_the_plan() -> None:
    text = "Vốn đầu tư trong nước đạt hơn 612.300 tỷ đồng, vượt hơn 4 lần kế hoạch."
    [s] = _found(text)
    assert (s.actual, s.stated_percent, s.stated_kind) == (
        Decimal(612300) * B,
        400,
        "attainment",
    )


def test_exceeded_n_times_over_with_gap_written_too() -> None:
    [s] = _found("Doanh nghiệp đạt 96 tỷ đồng lợi nhuận, vượt gấp 3,2 lần chỉ tiêu năm.")
    assert (s.actual, s.stated_percent) == (Decimal(96) * B, 320)


def test_equal_to_n_times_the_plan_is_the_same_multiple() -> None:
    text = "Lợi nhuận quý I đạt gần 520 tỷ đồng, tương đương gần 5 lần mục tiêu cả năm."
    [s] = _found(text)
    assert (s.actual, s.stated_percent) == (Decimal(520) * B, 500)
    [s] = _found("Tỉnh trồng được 2,4 triệu cây, bằng 1,2 lần kế hoạch.")
    assert (s.actual, s.stated_percent) == (Decimal(2_400_000), 120)


def test_a_plan_raised_to_a_multiple_of_the_old_plan_is_no_attainment() -> None:
    for text in (
        "Đại hội cổ đông thông qua kế hoạch lợi nhuận trước thuế năm 2041 tăng từ 300 tỷ "
        "đồng lên 950 tỷ đồng, tương đương gấp 3,2 lần kế hoạch đã phê duyệt trước đó.",
        "Công ty nâng kế hoạch lợi nhuận năm 2041 lên 950 tỷ đồng, gấp 3,2 lần kế hoạch cũ.",
        "Năm 2041, công ty đặt mục tiêu lợi nhuận 950 tỷ đồng, gấp 3,2 lần kế hoạch năm trước.",
    ):
        assert _found(text) == [], text


def test_a_result_raised_to_a_multiple_of_the_plan_is_still_read() -> None:
    [s] = _found("Lợi nhuận tăng lên 512 tỷ đồng, gấp 2,4 lần kế hoạch.")
    assert s.stated_percent == 240


def test_twice_last_year_is_no_attainment() -> None:
    for text in (
        "Lợi nhuận đạt 512 tỷ đồng, gấp đôi cùng kỳ năm trước.",
        "Xuất khẩu đạt 2.300 triệu USD, vượt 2 lần so với cùng kỳ.",
        "Tỉnh đón 1.420 nghìn lượt khách, gấp rưỡi năm 2024.",
    ):
        assert all(kind != "attainment" for *_, kind in read_money(text)), text


def test_an_excess_in_percent_is_still_an_excess() -> None:
    text = "Lợi nhuận đạt 512 tỷ đồng, vượt 24% kế hoạch."
    assert read_money(text) == [(Decimal(512) * B, None, "24%", "excess")]


def test_twice_the_plan_with_no_amount_before_it_reads_nothing() -> None:
    assert read_money("Sáng kiến của ngành đã vượt gấp đôi chỉ tiêu đề ra.") == []


@settings(max_examples=30, deadline=None)
@given(
    amount=st.integers(min_value=11, max_value=99_999),
    times=st.integers(min_value=2, max_value=40),
    word=st.sampled_from(["gấp", "vượt", "vượt hơn", "gần gấp"]),
)
def test_n_times_the_plan_implies_the_amount_over_n(amount: int, times: int, word: str) -> None:
    text = f"Công ty đạt lợi nhuận {amount} tỷ đồng, {word} {times} lần kế hoạch năm."
    [s] = _found(text)
    assert s.stated_percent == 100 * times
    assert s.implied_target is not None
    assert abs(s.implied_target - Decimal(amount) * B / times) <= Decimal("0.01")


# --------------------------------------------------------------------------- the level named back

RESULT = (
    "Năm 2025, doanh thu thuần đạt 9.120 tỷ đồng, giảm 12% so với năm trước. Tuy vậy, công "
    "ty vẫn báo lợi nhuận sau thuế hơn 315,2 tỷ đồng, tăng 7%. "
)


def _pairs(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.target) for s in find(text, money=True) if s.actual and s.target]


def test_the_plan_after_a_level_named_back_takes_its_measure() -> None:
    text = RESULT + (
        "Đây là mức lợi nhuận cao nhất kể từ khi niêm yết vào năm 2012, đồng thời vượt xa kế "
        "hoạch gần 64 tỷ đồng đã trình chủ sở hữu."
    )
    assert _pairs(text) == [(Decimal("315.2") * B, Decimal(64) * B)]


def test_the_record_year_is_not_the_plans() -> None:
    text = RESULT + (
        "Đây là mức lợi nhuận cao nhất kể từ khi niêm yết vào năm 2012, đồng thời vượt xa kế "
        "hoạch gần 64 tỷ đồng đã trình chủ sở hữu."
    )
    [s] = [s for s in find(text, money=True) if s.actual and s.target]
    assert s.year != 2012


def test_a_level_said_below_its_plan() -> None:
    text = RESULT + "Đây là mức lợi nhuận cao nhất, nhưng thấp hơn kế hoạch 400 tỷ đồng."
    assert _pairs(text) == [(Decimal("315.2") * B, Decimal(400) * B)]


def test_a_level_of_another_measure_links_nothing() -> None:
    text = (
        RESULT
        + "Đây là mức doanh thu cao nhất từ trước tới nay, đồng thời vượt kế hoạch 300 tỷ đồng."
    )
    assert _pairs(text) == []


def test_a_plan_the_result_does_not_pass_is_not_linked() -> None:
    text = RESULT + "Đây là mức lợi nhuận cao nhất, đồng thời vượt kế hoạch 400 tỷ đồng."
    assert _pairs(text) == []


def test_two_plans_after_the_level_link_nothing() -> None:
    text = RESULT + (
        "Đây là mức lợi nhuận cao nhất, đồng thời vượt kế hoạch năm 2024 là 300 tỷ đồng và "
        "kế hoạch 2025 là 280 tỷ đồng."
    )
    assert _pairs(text) == []


def test_a_level_naming_no_measure_links_nothing() -> None:
    text = RESULT + "Đây là con số kỷ lục, đồng thời vượt kế hoạch 300 tỷ đồng."
    assert _pairs(text) == []


# --------------------------------------------------------------------------- a task assigned

ISSUE_TASK = (
    "Bộ Tài chính đã giao Kho bạc Nhà nước nhiệm vụ phát hành trái phiếu Chính phủ năm 2026 "
    "với tổng khối lượng 420.000 tỷ đồng.\n\n"
)
ISSUED = (
    "Lũy kế từ đầu năm đến ngày 15/6/2026, tổng khối lượng trái phiếu Chính phủ phát hành "
    "đạt 151.200 tỷ đồng, bằng {} kế hoạch năm."
)


def test_a_task_assigned_with_its_amount_is_the_plan_of_a_later_percentage() -> None:
    [s] = [s for s in find(ISSUE_TASK + ISSUED.format("36%"), money=True) if s.target]
    assert (s.actual, s.target, s.verdict) == (
        Decimal(151200) * B,
        Decimal(420000) * B,
        "consistent",
    )


def test_a_task_assigned_that_the_percentage_denies_is_not_linked() -> None:
    found = find(ISSUE_TASK + ISSUED.format("46%"), money=True)
    assert all(s.target is None for s in found if s.actual)


def test_a_task_done_is_no_plan() -> None:
    text = (
        "Tỉnh đã giao các sở nhiệm vụ rà soát, kết quả đã thu được 420.000 tỷ đồng.\n\n"
        + ISSUED.format("36%")
    )
    assert all(s.target is None for s in find(text, money=True) if s.actual)


def test_a_handover_is_no_task_assigned() -> None:
    text = (
        "Công ty bàn giao cho tỉnh nhiệm vụ vận hành với tổng giá trị 420.000 tỷ đồng.\n\n"
        + ISSUED.format("36%")
    )
    assert all(s.target is None for s in find(text, money=True) if s.actual)


def _found(text: str) -> list[Statement]:
    """The attainments of ``text``, money read."""
    return [s for s in find(text, money=True) if s.stated_kind == "attainment"]
