"""What the review of round 86 found (session 26), each with a case it mends and one it
keeps, on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

from kpitools.extract import audit_statements, statements_frame


def _read(text: str) -> list[tuple[object, object, object, object]]:
    return [
        (s.actual, s.target, s.stated_percent, s.stated_kind)
        for s in find(text)
        if s.actual is not None or s.target is not None
    ]


def _orchards(listed: str) -> str:
    return (
        "Năm 2041, tổng diện tích cây trồng của huyện Tân Hòa đạt 41.250 ha, đạt 91,2% so với "
        "kế hoạch. Trong đó, diện tích cây hàng năm 9.820 ha, đạt 60,4% so kế hoạch năm; "
        f"diện tích cây lâu năm 31.430 ha, đạt 100,3% so với kế hoạch năm, bao gồm {listed}."
    )


def _sum_checks(text: str) -> list[tuple[str, str]]:
    frame = audit_statements(statements_frame(find(text)))
    return frame.filter(frame["check"] == "sum").select(["stated", "verdict"]).rows()


# listed parts 11 % above their part and within the whole: shown, unchecked, never dropped
def test_parts_well_above_their_part_are_left_unchecked_not_dropped() -> None:
    text = _orchards("26.580 ha cà phê, 5.150 ha chè, 3.210 ha điều")
    assert _sum_checks(text) == [("31.430", "unchecked")]


def test_parts_just_above_their_part_are_still_flagged() -> None:
    text = _orchards("24.580 ha cà phê, 5.150 ha chè, 3.210 ha điều")
    assert _sum_checks(text) == [("31.430", "inconsistent")]


NEW_FIRMS_AGAINST_LAST_YEAR = (
    "Số hợp tác xã thành lập mới so với năm trước là 47 hợp tác xã, đạt 94% kế hoạch."
)
NEW_FIRMS_AGAINST_A_NAMED_YEAR = (
    "Năm 2041, số hợp tác xã thành lập mới so với năm 2040 là 47 hợp tác xã, đạt 94% kế hoạch."
)
PAST_VALUE_AFTER_A_RESULT = (
    "Năm 2041, thu nhập bình quân đạt 58 triệu đồng/người (so với năm 2040 là 52 triệu "
    "đồng/người), đạt 103% kế hoạch."
)


def test_a_result_led_by_a_comparison_with_a_past_year_is_read_again() -> None:
    for text in (NEW_FIRMS_AGAINST_LAST_YEAR, NEW_FIRMS_AGAINST_A_NAMED_YEAR):
        assert _read(text) == [(Decimal(47), None, Decimal(94), "attainment")]


def test_a_past_years_value_after_its_result_is_still_no_result() -> None:
    assert Decimal(52000000) not in [a for a, _, _, _ in _read(PAST_VALUE_AFTER_A_RESULT)]


def _scanned(change: str) -> str:
    return f"Năm 2041, phường đã số hóa 860 hồ sơ, {change}."


def test_a_change_against_what_was_expected_is_a_growth_again() -> None:
    assert _read(_scanned("giảm 7% so với dự kiến")) == [
        (Decimal(860), None, Decimal(-7), "growth")
    ]
    assert _read(_scanned("tăng 7% so với yêu cầu")) == [(Decimal(860), None, Decimal(7), "growth")]


def test_a_share_of_what_was_expected_stays_an_attainment() -> None:
    assert _read(_scanned("bằng 43% so với dự kiến")) == [
        (Decimal(860), None, Decimal(43), "attainment")
    ]


def _fund(year: int) -> str:
    return (
        "Năm 2041, quỹ bảo trợ trẻ em của phường huy động được 27,5 triệu đồng, bằng 55% kế "
        f"hoạch (kế hoạch giao năm {year} là 50 triệu đồng)."
    )


def test_a_plan_given_for_another_year_is_no_target() -> None:
    assert _read(_fund(2039)) == [(Decimal(27500000), None, Decimal(55), "attainment")]


def test_a_plan_given_for_the_year_reported_stays_the_target() -> None:
    assert _read(_fund(2041)) == [(Decimal(27500000), Decimal(50000000), Decimal(55), "attainment")]
