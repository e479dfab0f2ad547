"""Round 149 of the extraction rules (issue 17, point 3): the shares of parts that add up to a
whole written before them, checked against it; on invented text (never the evaluation set's
figures or sentences)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from reading import find, flagged

_GOAL = (
    "Mục tiêu tổng doanh thu của tập đoàn đến năm 2040 là 50.000 tỷ đồng. Trong đó, doanh thu "
    "nội địa 41.000 tỷ đồng (chiếm 80%), doanh thu xuất khẩu 9.000 tỷ đồng (chiếm 20%)."
)
_MEMBERS = (
    "Tổng số đảng viên mới kết nạp trong năm là 640 người, trong đó nữ 400 người, chiếm 60%; "
    "nam 240 người, chiếm 40%."
)


def _shares(text: str) -> list[tuple[str | None, str | None]]:
    return [(s.stated, s.verdict) for s in find(text) if s.stated_kind == "share"]


def test_shares_of_parts_adding_up_to_the_whole_before_them_are_checked() -> None:
    # 41.000 + 9.000 = 50.000 and 80 % + 20 % = 100 %: both are of the 50.000, 82 % and 18 %
    assert _shares(_GOAL) == [("80%", "inconsistent"), ("20%", "inconsistent")]
    (s, _) = [s for s in find(_GOAL) if s.stated_kind == "share"]
    assert "50000000000000" in (s.note or "") and "82" in (s.note or "")
    assert flagged(_GOAL) == ["inconsistent", "inconsistent"]
    # the shares the figures give are consistent
    right = _GOAL.replace("80%", "82%").replace("20%", "18%")
    assert _shares(right) == [("82%", "consistent"), ("18%", "consistent")]
    assert flagged(right) == []


def test_counted_parts_in_the_whole_sentence_are_checked() -> None:
    # 400 of 640 is 62,5 %, 240 of 640 is 37,5 %: a count, the whole in the parts' sentence
    assert _shares(_MEMBERS) == [("60%", "inconsistent"), ("40%", "inconsistent")]
    right = _MEMBERS.replace("60%", "62,5%").replace("40%", "37,5%")
    assert _shares(right) == [("62,5%", "consistent"), ("37,5%", "consistent")]


_BUDGET = (
    "Tổng thu ngân sách của huyện trong tháng 8 ước đạt 7.250 tỷ đồng, tăng 6% so với cùng kỳ. "
    "Trong đó, thu nội địa đạt 4.640 tỷ đồng; thu từ hoạt động xuất nhập khẩu đạt 2.610 tỷ "
    "đồng, chiếm 38% tổng thu."
)


def test_one_share_of_parts_adding_up_to_the_whole_is_checked() -> None:
    # 4.640 + 2.610 = 7.250: the one share is of it, 36 %, not 38 %
    assert _shares(_BUDGET) == [("38%", "inconsistent")]
    assert flagged(_BUDGET) == ["inconsistent"]
    assert _shares(_BUDGET.replace("38%", "36%")) == [("36%", "consistent")]
    for name, text in {
        # the parts leave some of the whole out
        "not the sum": _BUDGET.replace("4.640", "4.500"),
        # the share of a wider whole
        "wider whole": _BUDGET.replace("tổng thu.", "tổng thu cả nước."),
        # a part written with a qualifier
        "hedged part": _BUDGET.replace("đạt 4.640", "đạt hơn 4.640"),
        # another percentage in the parts' sentence: their percentages may be of other kinds
        "a growth beside": _BUDGET.replace("4.640 tỷ đồng;", "4.640 tỷ đồng, tăng 5%;"),
    }.items():
        assert "inconsistent" not in [v for _, v in _shares(text)], name
        assert flagged(text) == [], name


def test_shares_that_need_not_be_of_the_written_whole_are_left() -> None:
    cases = {
        # the parts do not add up to the whole: a list of the largest parts, of another whole
        "not the sum": _GOAL.replace("41.000", "40.000"),
        # the shares do not add up to 100 %: not all of one whole
        "not all": _GOAL.replace("(chiếm 80%)", "(chiếm 70%)"),
        # a whole or a part written with a qualifier
        "hedged whole": _GOAL.replace("là 50.000", "là khoảng 50.000"),
        "hedged part": _GOAL.replace("địa 41.000", "địa khoảng 41.000"),
        # one share alone
        "one share": _GOAL.replace(", doanh thu xuất khẩu 9.000 tỷ đồng (chiếm 20%)", ""),
        # the whole two sentences before the parts
        "far whole": _GOAL.replace(". Trong đó,", ". Lợi nhuận đạt 2.000 tỷ đồng. Trong đó,"),
        # the shares of a wider whole, named
        "wider whole": _GOAL.replace("(chiếm 80%)", "(chiếm 80% kim ngạch cả nước)").replace(
            "(chiếm 20%)", "(chiếm 20% kim ngạch cả nước)"
        ),
        # parts of another word than the whole's
        "other word": _MEMBERS.replace("640 người", "640 đảng viên"),
    }
    for name, text in cases.items():
        assert "inconsistent" not in [v for _, v in _shares(text)], name
        assert flagged(text) == [], name


def _tenths(part: int, whole: int) -> str:
    """100 × part / whole rounded half-up to a tenth, written with a decimal comma."""
    tenths = (part * 2000 + whole) // (2 * whole)
    return f"{tenths // 10},{tenths % 10}%"


def _dotted(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def test_parts_of_a_rate_count_take_no_share_of_it() -> None:
    # the whole is the count of a rate (0,81 %), and "chiếm tỷ lệ 0,35%" the rural group's own
    # rate: 1.300 + 3.900 = 5.200 says nothing of it
    text = (
        "Tỷ lệ thất nghiệp chung của tỉnh là 0,81%, tương đương với 5.200 người thất nghiệp. "
        "Trong đó, ở thành thị 3.900 người; ở khu vực nông thôn 1.300 người thất nghiệp, chiếm "
        "tỷ lệ 0,35%."
    )
    assert "inconsistent" not in [v for _, v in _shares(text)]
    assert flagged(text) == []


@given(
    first=st.integers(min_value=1, max_value=99_999),
    second=st.integers(min_value=1, max_value=99_999),
)
def test_shares_the_parts_give_are_never_flagged(first: int, second: int) -> None:
    # each share written as the parts give it, rounded half-up to a tenth, holds
    whole = first + second
    text = (
        f"Tổng số hộ được hỗ trợ trong năm là {_dotted(whole)} hộ. Trong đó, hộ nghèo "
        f"{_dotted(first)} hộ (chiếm {_tenths(first, whole)}), hộ cận nghèo {_dotted(second)} "
        f"hộ (chiếm {_tenths(second, whole)})."
    )
    assert flagged(text) == []
    assert [v for _, v in _shares(text)] == ["consistent", "consistent"]
