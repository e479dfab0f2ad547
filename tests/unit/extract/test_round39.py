"""Round 39 of the extraction rules (issue 17): the audit's rules of report wording, each
tested on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

import pytest
from reading import find


def verdicts(text: str) -> list[tuple[str | None, str | None]]:
    """(stated, verdict) of the statements of ``text`` that state a percentage, money read."""
    return [(s.stated, s.verdict) for s in find(text, money=True) if s.stated]


# ------------------------------------ a percentage of a floor amount that only cutting gives


@pytest.mark.parametrize(
    "text",
    [
        "Đảng bộ phường kết nạp hơn 619 đảng viên, đạt 41,2% kế hoạch năm (1.500 đảng viên).",
        "Xã kết nạp trên 619 hội viên mới, đạt 41,2% chỉ tiêu 1.500 hội viên.",
        "Kế hoạch năm của quận là 1.500 đảng viên. Đến hết tháng 9, quận kết nạp hơn 619 đảng "
        "viên, đạt 41,2% kế hoạch.",
        "Thu ngân sách đạt hơn 2.318 tỷ đồng, bằng 7,72% dự toán năm (30.000 tỷ đồng).",
    ],
)
def test_a_floor_amounts_percentage_reached_only_by_cutting_is_truncated(text: str) -> None:
    # 619 of 1.500 is 41,27 %: above 619 the share rounds to 41,3 % at least
    assert verdicts(text) == [("41,2%" if "619" in text else "7,72%", "truncated")]


@pytest.mark.parametrize(
    "text",
    [
        # rounded from the floor: a qualified amount stays unchecked
        "Đảng bộ phường kết nạp hơn 619 đảng viên, đạt 41,3% kế hoạch năm (1.500 đảng viên).",
        # the floor is of the percentage, not of the amount
        "Đảng bộ phường kết nạp 619 đảng viên, đạt hơn 41,2% kế hoạch năm (1.500 đảng viên).",
        # an amount of about so much is no floor
        "Thu ngân sách đạt khoảng 2.318 tỷ đồng, bằng 7,72% dự toán năm (30.000 tỷ đồng).",
    ],
)
def test_no_cut_is_said_of_a_rounded_share_an_unfloored_amount_or_a_floored_percent(
    text: str,
) -> None:
    assert all(v != "truncated" for _, v in verdicts(text))


# --------------------------------------- communes and wards are counted whole: so are their plans


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("Đến cuối năm, huyện có 9 phường đạt chuẩn văn minh đô thị, vượt 7,5% kế hoạch.", "7,5%"),
        ("Trong năm, thêm 23 xã đạt chuẩn nông thôn mới, bằng 93% kế hoạch.", "93%"),
    ],
)
def test_a_percentage_of_communes_no_whole_plan_gives_is_inconsistent(
    text: str, stated: str
) -> None:
    assert verdicts(text) == [(stated, "inconsistent")]


@pytest.mark.parametrize(
    "text",
    [
        # 9 of 8 wards is 12,5 % above the plan
        "Đến cuối năm, huyện có 9 phường đạt chuẩn văn minh đô thị, vượt 12,5% kế hoạch.",
        # 23 of 24 communes is 96 %
        "Trong năm, thêm 23 xã đạt chuẩn nông thôn mới, bằng 96% kế hoạch.",
    ],
)
def test_a_percentage_of_communes_a_whole_plan_gives_is_not_flagged(text: str) -> None:
    assert all(v != "inconsistent" for _, v in verdicts(text))


# ------------------------------------- a rate of things counted whole needs a whole number of them


def test_a_rate_of_communes_no_whole_number_of_them_gives_is_inconsistent() -> None:
    # 12 of 29 communes is 41,38 %, 12 of 30 is 40 %: none gives 40,68 %
    text = "Huyện có 12 xã đạt chuẩn nông thôn mới, đạt tỷ lệ 40,68%."
    assert verdicts(text) == [("40,68%", "inconsistent")]


@pytest.mark.parametrize(
    "text",
    [
        # 12 of 30
        "Huyện có 12 xã đạt chuẩn nông thôn mới, đạt tỷ lệ 40%.",
        # a rate of the running total, not of the communes added this year
        "Năm nay có thêm 3 xã đạt chuẩn nông thôn mới, nâng tỷ lệ xã đạt chuẩn lên 57,14%.",
    ],
)
def test_a_rate_a_whole_number_gives_or_of_another_count_is_not_flagged(text: str) -> None:
    assert all(v != "inconsistent" for _, v in verdicts(text))
