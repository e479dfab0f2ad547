"""Round 76 of the extraction rules (issue 17): each rule with a positive and a negative case
on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

from kpitools.extract import audit_statements


def _part_flags(text: str) -> list[str]:
    rows = audit_statements(find(text)).to_dicts()
    return [r["text"] for r in rows if r["check"] == "part" and r["verdict"] == "inconsistent"]


# a fraction of another measure in the list says nothing of the whole: its parts are checked
OTHER_MEASURE = (
    "Năm 2041, toàn huyện kết nạp được 58 đảng viên, trong đó Hòa An 70, Tân Lộc 6, có 3/5 "
    "chi bộ đạt chuẩn."
)
# a fraction of the same measure with another whole: the figure before is no whole of the list
OTHER_WHOLE = (
    "Năm 2041, toàn huyện kết nạp được 58 đảng viên, trong đó nữ 19/60, gồm: Hòa An 70, Tân Lộc 6."
)


def test_a_fraction_of_another_measure_keeps_the_parts_check() -> None:
    assert _part_flags(OTHER_MEASURE) == ["70"]


def test_a_fraction_of_another_whole_still_names_none() -> None:
    assert _part_flags(OTHER_WHOLE) == []


# the shares of a structure, then a share of another measure in the same sentence: the
# structure's shares (consecutive, adding up to the whole) are read against the plan's
def _structure(services: str) -> str:
    return (
        "Năm 2041, tỷ trọng ngành nông nghiệp chiếm 41% (đạt 102,5% Nghị quyết); công nghiệp "
        f"chiếm 34,2% (đạt 100,6% Nghị quyết); dịch vụ chiếm {services}% (đạt 95,4% Nghị "
        "quyết); tỷ lệ đô thị hóa chiếm 38% (đạt 95% Nghị quyết)."
    )


def _shares(text: str) -> list[object]:
    return [s.actual for s in find(text) if s.stated_kind == "attainment"]


def test_a_run_of_shares_adding_up_is_read_beside_another_share() -> None:
    assert _shares(_structure("24,8"))[1:3] == [Decimal("34.2"), Decimal("24.8")]


def test_shares_adding_up_only_with_another_measures_are_not_read() -> None:
    # 41 + 21 + 38 = 100, but those shares are not consecutive, and no consecutive run
    # adds up: none is read against the plan's share (the first keeps its own reading)
    assert _shares(_structure("21"))[1:3] == [None, None]


# a fraction's percentage compared with the number registered: its attainment, checked even
# when the fraction does not give it (a slip flagged)
def _joined(percent: str, base: str) -> str:
    return (
        f"Hết quý III năm 2041, Chi bộ thôn Đông Hà đã kết nạp 45/60 quần chúng, đạt {percent}% "
        f"so với {base}."
    )


def _kinds_and_verdicts(text: str) -> list[tuple[object, str]]:
    rows = audit_statements(find(text)).to_dicts()
    return [(r["check"], r["verdict"]) for r in rows if r["check"] is not None]


def test_a_fractions_percentage_against_the_number_registered_is_checked() -> None:
    assert _kinds_and_verdicts(_joined("85", "số đăng ký năm 2041")) == [
        ("attainment", "inconsistent")
    ]
    assert _kinds_and_verdicts(_joined("75", "số lượng dự kiến năm 2041")) == [
        ("attainment", "consistent")
    ]


def test_a_fractions_percentage_against_last_year_stays_a_growth() -> None:
    assert ("attainment", "inconsistent") not in _kinds_and_verdicts(
        _joined("85", "cùng kỳ năm 2040")
    )
