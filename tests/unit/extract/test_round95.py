"""Round 95 of the extraction rules (issue 17): each rule with a positive and a negative case
on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from reading import find


def test_an_average_growth_rate_is_no_attainment() -> None:
    for text in (
        "Niên độ 2040, tập đoàn Hải Đăng lãi 2.450 tỷ đồng, đạt 92% kế hoạch, tốc độ tăng "
        "trưởng bình quân trong 4 niên độ gần nhất đạt 17,6%.",
        "Niên độ 2040, tập đoàn Hải Đăng lãi 2.450 tỷ đồng, đạt 92% kế hoạch; lợi nhuận tăng "
        "trưởng bình quân qua 6 kỳ báo cáo đạt 14,2%.",
    ):
        statements = find(text, money=True)
        (s,) = [s for s in statements if s.stated == "92%"]
        assert (s.actual, s.target, s.stated_kind) == (2_450_000_000_000, None, "attainment")
        assert [s.stated for s in statements] == ["92%"], text
