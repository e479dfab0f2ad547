"""What the review of round 83 found (session 25), each with a case it mends and one it
keeps, on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from reading import find


def _pairs(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.target) for s in find(text, money=True) if s.actual is not None]


# a contribution named as an aside within a result's own clause: the result stands
def test_a_contribution_said_as_an_aside_keeps_the_result() -> None:
    text = (
        "Năm 2041, thị xã thu phí 630 tỷ đồng, với sự đóng góp đáng kể của bến xe, đạt 105%"
        " dự toán 600 tỷ đồng."
    )
    (s,) = find(text, money=True)
    assert (s.stated_kind, s.verdict) == ("attainment", "consistent")
    text = (
        "Năm 2041, doanh số đạt 2.472 tỷ đồng, với đóng góp phần lớn từ khối bán lẻ, vượt 3%"
        " so với kế hoạch 2.400 tỷ đồng."
    )
    (s,) = find(text, money=True)
    assert (s.stated_kind, s.verdict) == ("excess", "consistent")


def test_a_contribution_to_a_plan_in_its_clause_is_still_no_result() -> None:
    text = (
        "Năm 2041, kế hoạch doanh số là 870 tỷ đồng, với đóng góp của chi nhánh Bắc Hà đạt"
        " 240 tỷ đồng."
    )
    assert _pairs(text) == []
