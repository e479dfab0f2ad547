"""Round 41 of the extraction rules (issue 17), each tested on invented text (never the
evaluation set's figures or sentences)."""

from __future__ import annotations

from reading import find

from kpitools.extract import audit_statements


def _part_checks(text: str) -> list[tuple[str, str]]:
    """(check, verdict) of the audit's checks of parts against their whole, money read."""
    audit = audit_statements(find(text, money=True))
    return [(c, v) for c, v in audit.select("check", "verdict").rows() if c in ("part", "sum")]


# --------------------------- a part list naming a measure the nearest figure is not of


def test_parts_naming_a_measure_of_an_earlier_figure_are_not_checked_against_the_last() -> None:
    text = (
        "Năm 2031, hợp tác xã Bình Minh có doanh thu đạt 640 tỷ đồng, tăng 9% so với năm "
        "trước, và lãi ròng 52 tỷ đồng, tăng 30%. Trong đó, doanh thu xuất khẩu đạt 210 tỷ "
        "đồng, tăng 14%."
    )
    assert _part_checks(text) == []  # 210 is no part of the 52 of profit


def test_parts_naming_the_measure_of_the_nearest_figure_are_checked_against_it() -> None:
    text = (
        "Năm 2031, hợp tác xã Bình Minh có lãi ròng 52 tỷ đồng, tăng 30%, và doanh thu đạt "
        "140 tỷ đồng, tăng 9%. Trong đó, doanh thu xuất khẩu đạt 210 tỷ đồng, tăng 14%."
    )
    assert _part_checks(text) == [("part", "inconsistent")]
