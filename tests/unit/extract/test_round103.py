"""Round 103 of the extraction rules (issue 17): a result and its plan written as a fraction
with the scale and unit on both sides, on invented text (never the evaluation set's figures
or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find, flagged

_MILLION = Decimal(1_000_000)
_BILLION = Decimal(1_000_000_000)


def _claims(text: str) -> list[tuple[object, object, object, object, object]]:
    return [
        (s.actual, s.target, s.stated_percent, s.stated_kind, s.verdict)
        for s in find(text)
        if s.stated_kind in ("attainment", "growth")
    ]


def test_a_fraction_with_its_unit_on_both_sides_before_kh_is_result_against_plan() -> None:
    # "KH" is the plan: 52,5 of 50,0 million kWh is 105 %, not the 107 % written
    text = "Năm 2041, nhà máy phát 52,5 triệu kWh/50,0 triệu kWh, đạt 107% KH."
    assert _claims(text) == [
        (Decimal("52.5") * _MILLION, 50 * _MILLION, Decimal(107), "attainment", "inconsistent")
    ]
    assert flagged(text) == ["inconsistent"]


def test_a_percentage_within_the_rounding_of_the_fractions_figures_is_notflagged() -> None:
    # 30,4 / 36,2 = 83,98 %, but 30,45 / 36,2 = 84,12 %: the result's decimal allows 84,1
    # (since round 127 the plan is taken as written: 84,2, which needs 36,15, is flagged)
    text = "Năm 2041, nhà máy phát 30,4 triệu kWh/36,2 triệu kWh, đạt 84,1% KH."
    assert _claims(text) == [
        (
            Decimal("30.4") * _MILLION,
            Decimal("36.2") * _MILLION,
            Decimal("84.1"),
            "attainment",
            "unchecked",
        )
    ]
    assert flagged(text) == []


def test_no_plan_read_from_a_fraction_of_other_units_or_over_last_year() -> None:
    # another scale or word after the slash, or a growth after the fraction: no plan
    for text in (
        "Năm 2041, nhà máy phát 52,5 triệu kWh/50,0 nghìn kWh, đạt 105% KH.",
        "Năm 2041, nhà máy phát 52,5 triệu kWh/50,0 triệu tấn, đạt 105% KH.",
    ):
        assert [c[1] for c in _claims(text)] == [None]
    assert _claims(
        "Năm 2041, nhà máy phát 52,5 triệu kWh/50,0 triệu kWh, tăng 5% so với năm trước."
    ) == [(Decimal("52.5") * _MILLION, None, Decimal(5), "growth", "unchecked")]


_GROUP = (
    "Năm 2041, lợi nhuận sau thuế hợp nhất của tập đoàn đạt 420 tỷ đồng, bằng 105% kế "
    "hoạch. Trong đó, {owner} đạt 465 tỷ đồng lợi nhuận sau thuế, bằng 110% kế hoạch."
)


def test_a_parent_companys_figure_is_no_part_of_the_groups_consolidated_one() -> None:
    # the parent's 465 may exceed the group's 420 (intra-group dividends are taken out)
    found = find(_GROUP.format(owner="công ty mẹ"))
    assert [(s.actual, s.part_of) for s in found] == [
        (420 * _BILLION, None),
        (465 * _BILLION, None),
    ]
    assert flagged(_GROUP.format(owner="công ty mẹ")) == []


def test_a_subsidiarys_figure_stays_a_part_of_the_group() -> None:
    found = find(_GROUP.format(owner="công ty con Alpha"))
    assert [s.part_of is not None for s in found] == [False, True]
    assert flagged(_GROUP.format(owner="công ty con Alpha")) == ["inconsistent"]
