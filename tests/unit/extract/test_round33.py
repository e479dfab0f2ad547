"""Round 33 of the extraction rules (issue 17): the words before a colon that already state a
percentage of a plan report a result and set no targets; an average (an amount per head or
per unit) bounds none of the figures listed under it — each a general rule of report
wording, tested on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from reading import find


def pairs(text: str) -> list[tuple[object, object]]:
    """(actual, target) of the statements of ``text``, money read."""
    return [(s.actual, s.target) for s in find(text, money=True)]


def parts(text: str) -> list[tuple[object, object]]:
    """(actual, part rule) of the statements of ``text`` marked as parts of a total."""
    return [(s.actual, s.part_rule) for s in find(text, money=True) if s.part_of is not None]


# ------------------------------------ a colon after a percentage of a plan heads no targets


def test_a_colon_after_a_stated_percentage_of_a_plan_heads_no_target() -> None:
    text = (
        "Thu nhập bình quân của hợp tác xã 8,2 triệu đồng/người/tháng, bằng 103 % kế hoạch; "
        "riêng tổ dịch vụ: 9,5 triệu đồng/người/tháng, bằng 104 % kế hoạch."
    )
    found = find(text, money=True)
    assert [s.target for s in found] == [None, None]
    assert [s.verdict for s in found] == ["unchecked", "unchecked"]


def test_a_colon_after_words_that_set_a_plan_still_heads_targets() -> None:
    text = (
        "Hợp tác xã giao chỉ tiêu thu nhập bình quân: tổ dịch vụ 9,5 triệu "
        "đồng/người/tháng; tổ trồng trọt 7,4 triệu đồng/người/tháng."
    )
    assert [t for _, t in pairs(text)] == [9_500_000, 7_400_000]


# ------------------------------------------ an average bounds none of the figures under it


def test_a_figure_under_an_amount_per_unit_is_no_part_of_it() -> None:
    assert (
        parts(
            "Năng suất lúa bình quân 6,1 tấn/ha, bằng 102 % kế hoạch; trong đó vùng "
            "ven sông 6,8 tấn/ha."
        )
        == []
    )
    assert (
        parts(
            "Thu nhập bình quân 8,2 triệu đồng/người/tháng, bằng 103 % kế hoạch; trong "
            "đó tổ dịch vụ 9,5 triệu đồng/người/tháng."
        )
        == []
    )


def test_a_figure_under_a_total_amount_is_still_a_part_of_it() -> None:
    text = (
        "Doanh thu của hợp tác xã 120 tỷ đồng, bằng 102% kế hoạch; trong đó khối dịch vụ "
        "150 tỷ đồng."
    )
    assert parts(text) == [(150_000_000_000, "at_most")]


# ----------------------------------------- a second change joined by "và" is no target


def test_a_second_change_joined_to_a_first_is_no_target() -> None:
    text = (
        "Lợi nhuận của công ty đạt trên 900 tỷ đồng, tăng 300 tỷ đồng so với kế hoạch và "
        "tăng 150 tỷ đồng so với năm 2023."
    )
    assert all(t != 150_000_000_000 for _, t in pairs(text))


def test_a_plan_after_a_change_is_still_the_target() -> None:
    text = (
        "Lợi nhuận của công ty đạt 900 tỷ đồng, tăng 300 tỷ đồng so với năm 2023, kế hoạch "
        "750 tỷ đồng."
    )
    assert pairs(text) == [(900_000_000_000, 750_000_000_000)]


# ------------------------------ a count of persons against a plan of a noun of its own


def test_a_count_of_persons_whose_percentage_fits_joins_the_plan_before_it() -> None:
    text = (
        "Năm 2025, Đảng bộ phường đề ra chỉ tiêu kết nạp 80 đảng viên; đến cuối năm đã kết "
        "nạp 92 người, đạt 115% kế hoạch."
    )
    found = [(s.actual, s.target, s.verdict) for s in find(text, money=True) if s.actual]
    assert found == [(92, 80, "consistent")]


def test_a_count_of_persons_whose_percentage_does_not_fit_stays_apart() -> None:
    text = (
        "Năm 2025, Đảng bộ phường đề ra chỉ tiêu kết nạp 80 đảng viên; đến cuối năm đã kết "
        "nạp 92 người, đạt 125% kế hoạch."
    )
    assert all(t is None for a, t in pairs(text) if a is not None)


# --------------------------------- the figure said with "với" right after a plan's percentage


def test_an_amount_said_with_the_plan_after_its_percentage_is_the_result() -> None:
    text = "Cả năm, sản lượng khai thác đá vượt 6% kế hoạch với 3,18 triệu tấn."
    found = [(s.actual, s.stated) for s in find(text, money=True) if s.stated]
    assert found == [(3_180_000, "6%")]


def test_a_count_of_something_else_said_with_the_plan_is_no_result() -> None:
    text = "Cả năm, sản lượng khai thác đá đạt 105% kế hoạch với 120 công nhân."
    assert [s.actual for s in find(text, money=True) if s.stated] == [None]


# ------------------------- a second percentage after a plan named with its period in months


def test_a_second_percentage_after_a_plan_of_some_months_is_of_the_same_result() -> None:
    text = (
        "Sản xuất gạch 6 tháng đạt 3,20 triệu viên, bằng 97,5% kế hoạch 6 tháng và 48,2% "
        "kế hoạch năm."
    )
    found = [(s.actual, s.stated) for s in find(text, money=True) if s.stated]
    assert found == [(3_200_000, "97,5%"), (3_200_000, "48,2%")]


def test_a_second_percentage_of_a_plan_of_another_measure_is_not() -> None:
    text = (
        "Doanh thu 6 tháng đạt 320 tỷ đồng, bằng 97,5% kế hoạch doanh thu 6 tháng và 48,2% "
        "kế hoạch lợi nhuận."
    )
    assert [s.stated for s in find(text, money=True) if s.actual is not None] == ["97,5%"]


# ------------------------------------ a percentage of the plan after a contrast conjunction


def test_a_percentage_after_a_contrast_is_the_results() -> None:
    text = "Lợi nhuận của hợp tác xã đạt 410 tỷ đồng, nhưng chỉ đạt 93,4% kế hoạch."
    found = [(s.actual, s.stated) for s in find(text, money=True) if s.stated]
    assert found == [(410_000_000_000, "93,4%")]


def test_a_percentage_after_a_contrast_naming_another_measure_is_not() -> None:
    text = "Lợi nhuận của hợp tác xã đạt 410 tỷ đồng, nhưng doanh thu chỉ đạt 93,4% kế hoạch."
    assert [s.actual for s in find(text, money=True) if s.stated] == [None]
