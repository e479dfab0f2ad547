"""Round 163: the unseen batch's precision failures, each a general rule.

Invented texts (other provinces, figures and plans than the evaluation passages).

* Two percentages of one named plan that cannot both hold: when a plan written in the text
  gives one of them and not the other, the audit flags the one the written plan denies (the
  earlier as well as the later); when no plan is written, or the written plan gives neither,
  the later is flagged as before.
* ``Số vốn chưa phân bổ là 1.200 tỷ đồng (chiếm 2,4% kế hoạch …)``: what is not yet done,
  with its share of the plan, is a share, not an attainment.
* ``số giải ngân phát sinh trong tuần … là 4.120,5 tỷ đồng`` is one week's flow: it is not
  set against a plan written in another sentence (a percentage of the plan stated with it
  still is read).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from reading import find

from kpitools.extract import audit_statements

B = Decimal(10) ** 9

PLAN = (
    "Tổng kế hoạch vốn đầu tư công năm 2025 được Hội đồng nhân dân tỉnh giao là "
    "82.748,6 tỷ đồng.\n\n"
)


def _weeks(first: str, second: str, plan: str = "Hội đồng nhân dân tỉnh giao") -> str:
    return (
        "Số giải ngân từ đầu năm đến hết ngày 14/5/2025 là 20.400 tỷ đồng, đạt "
        f"{first}% kế hoạch {plan}.\n\n"
        "Số giải ngân từ đầu năm đến hết ngày 21/5/2025 là 30.120,5 tỷ đồng, đạt "
        f"{second}% kế hoạch {plan}."
    )


def _flagged(text: str) -> list[str]:
    """The stated percentages the audit flags in ``text``."""
    found = find(text, money=True)
    rows = audit_statements(found).to_dicts() if found else []
    return [r["stated"] for r in rows if r["verdict"] == "inconsistent"]


# --------------------------------------------------------------------------- one budget


def test_the_percentage_the_written_plan_denies_is_flagged_though_earlier() -> None:
    # 30.120,5 / 82.748,6 = 36,4 %: the later holds; 20.400 / 82.748,6 = 24,65 %, not 23,5 %
    assert _flagged(PLAN + _weeks("23,5", "36,4")) == ["23,5%"]


def test_the_flag_names_the_written_plan() -> None:
    found = find(PLAN + _weeks("23,5", "36,4"), money=True)
    [s] = [s for s in found if s.verdict == "inconsistent"]
    assert s.actual == Decimal("20400") * B
    assert "82748600000000" in (s.note or "")


def test_the_later_is_flagged_when_the_written_plan_gives_the_earlier() -> None:
    # 20.400 / 82.748,6 = 24,65 % -> 24,7 % holds; 30.120,5 at 38,1 % does not
    assert _flagged(PLAN + _weeks("24,7", "38,1")) == ["38,1%"]


def test_with_no_plan_written_the_later_is_flagged() -> None:
    assert _flagged(_weeks("23,5", "36,4")) == ["36,4%"]


def test_a_written_plan_that_gives_neither_leaves_the_later_flagged() -> None:
    assert _flagged(PLAN + _weeks("23,5", "38,1")) == ["38,1%"]


def test_a_plan_of_another_currency_decides_nothing() -> None:
    other = PLAN.replace("82.748,6 tỷ đồng", "82.748,6 triệu USD")
    assert _flagged(other + _weeks("23,5", "36,4")) == ["36,4%"]


@settings(max_examples=25, deadline=None)
@given(
    plan=st.integers(min_value=60_000, max_value=120_000),
    first=st.integers(min_value=150, max_value=300),
    step=st.integers(min_value=50, max_value=150),
)
def test_the_percentage_off_the_written_plan_is_the_one_flagged(
    plan: int, first: int, step: int
) -> None:
    """The later holds against the written plan and the earlier is 1,2 points off it."""
    p1, p2 = Decimal(first) / 1000, Decimal(first + step) / 1000
    a1, a2 = (plan * p1).quantize(Decimal(1)), (plan * p2).quantize(Decimal(1))
    written = (100 * a1 / plan).quantize(Decimal("0.1"), ROUND_HALF_UP) - Decimal("1.2")
    second = (100 * a2 / plan).quantize(Decimal("0.1"), ROUND_HALF_UP)

    def money(v: Decimal) -> str:
        return f"{int(v):,}".replace(",", ".")

    def pct(v: Decimal) -> str:
        return f"{v}".replace(".", ",")

    text = (
        f"Kế hoạch vốn năm 2030 được Thủ tướng Chính phủ giao là {money(Decimal(plan))} tỷ "
        "đồng.\n\n"
        f"Số giải ngân từ đầu năm đến hết ngày 10/6/2030 là {money(a1)} tỷ đồng, đạt "
        f"{pct(written)}% kế hoạch Thủ tướng Chính phủ giao.\n\n"
        f"Số giải ngân từ đầu năm đến hết ngày 30/6/2030 là {money(a2)} tỷ đồng, đạt "
        f"{pct(second)}% kế hoạch Thủ tướng Chính phủ giao."
    )
    assert _flagged(text) == [f"{pct(written)}%"]


# --------------------------------------------------------------------------- what is not yet done


def _kinds(text: str) -> set[tuple[object, object, object]]:
    return {(s.actual, s.target, s.stated_kind) for s in find(text, money=True) if s.actual}


def test_capital_not_yet_allocated_with_its_share_of_the_plan_is_a_share() -> None:
    text = (
        "Kế hoạch vốn năm 2025 của tỉnh là 50.000 tỷ đồng. Số vốn chưa phân bổ chi tiết là "
        "1.200 tỷ đồng (chiếm 2,4% kế hoạch vốn được giao)."
    )
    assert (1200 * B, None, "share") in _kinds(text)
    assert not [k for k in _kinds(text) if k[2] == "attainment"]


def test_capital_still_to_be_disbursed_is_a_share() -> None:
    text = (
        "Tổng vốn giao năm 2025 là 5.000 tỷ đồng. Vốn còn phải giải ngân 800 tỷ đồng "
        "(chiếm 16% kế hoạch vốn giao)."
    )
    assert (800 * B, None, "share") in _kinds(text)


def test_capital_disbursed_with_its_share_of_the_plan_is_still_an_attainment() -> None:
    text = (
        "Kế hoạch vốn năm 2025 là 5.000 tỷ đồng. Số vốn đã giải ngân là 2.000 tỷ đồng, chiếm "
        "40% kế hoạch."
    )
    assert (2000 * B, 5000 * B, "attainment") in _kinds(text)


def test_the_remaining_items_are_no_remainder() -> None:
    # "các khoản thu còn lại": the other items, done
    text = "Các khoản thu còn lại đạt 6.100 tỷ đồng, chiếm 82% dự toán."
    assert not [k for k in _kinds(text) if k[2] == "share"]


# --------------------------------------------------------------------------- a week's flow


WEEK = (
    "Số giải ngân từ đầu năm đến hết ngày 18/5/2025 là 30.120,5 tỷ đồng, đạt 35,1% kế "
    "hoạch Thủ tướng Chính phủ giao. Như vậy, số giải ngân phát sinh trong tuần 12-18/5/2025 "
    "là 4.120,5 tỷ đồng. Nếu không tính vốn dự phòng, số giải ngân đến hết ngày 18/5/2025 đạt "
    "36,4% kế hoạch Thủ tướng Chính phủ giao (82.748,6 tỷ đồng)."
)


def test_a_weeks_flow_is_not_set_against_a_plan_written_later() -> None:
    assert not [s for s in find(WEEK, money=True) if s.actual == Decimal("4120.5") * B]


def test_the_running_total_of_the_same_text_is_still_read() -> None:
    assert [s for s in find(WEEK, money=True) if s.actual == Decimal("30120.5") * B]


def test_a_weeks_flow_with_its_percentage_of_the_plan_is_read() -> None:
    text = "Trong tuần, tỉnh giải ngân 1.500 tỷ đồng, đạt 3% kế hoạch năm 2026 là 50.000 tỷ đồng."
    assert (1500 * B, 50000 * B, "attainment") in _kinds(text)


# --------------------------------------------------------------------------- a named plan far back


NAMED_PLAN = (
    "Theo báo cáo, tổng kế hoạch vốn đầu tư công năm 2031 đã được Thủ tướng Chính phủ giao cho "
    "tỉnh là 48.210,4 tỷ đồng; bao gồm: vốn ngân sách trung ương là 20.110,4 tỷ đồng và vốn "
    "ngân sách địa phương là 28.100 tỷ đồng.\n\n"
)
FILLER = (
    "Các sở, ngành đã rà soát danh mục dự án, hoàn thiện hồ sơ thủ tục đầu tư và tháo gỡ vướng "
    "mắc về mặt bằng. Nhiều chủ đầu tư đã chủ động xây dựng kế hoạch giải ngân chi tiết theo "
    "từng tháng, từng quý. Ủy ban nhân dân tỉnh yêu cầu các đơn vị tập trung chỉ đạo, đôn đốc "
    "nhà thầu đẩy nhanh tiến độ thi công.\n\n"
) * 4
LATER_PLAN = (
    "\n\nNếu không tính vốn dự phòng, số giải ngân đến hết ngày 30/6/2031 đạt 37,1% kế hoạch "
    "Thủ tướng Chính phủ giao (46.125,3 tỷ đồng)."
)


def _disbursed(percent: str, who: str = "Thủ tướng Chính phủ", plan: str = NAMED_PLAN) -> str:
    return (
        plan
        + FILLER
        + "Số giải ngân từ đầu năm đến hết ngày 30/6/2031 là 17.112,6 tỷ đồng, đạt "
        + f"{percent}% kế hoạch {who} giao."
        + LATER_PLAN
    )


def _disbursed_claim(text: str) -> tuple[object, object, object]:
    [s] = [s for s in find(text, money=True) if s.actual == Decimal("17112.6") * B]
    return s.target, s.stated_percent, s.verdict


def test_a_percentage_of_the_named_plan_takes_it_from_paragraphs_before() -> None:
    # 17.112,6 / 48.210,4 = 35,5 %; the plan more than 1.200 characters back
    assert _disbursed_claim(_disbursed("35,5")) == (
        Decimal("48210.4") * B,
        Decimal("35.5"),
        "consistent",
    )


def test_a_plan_named_by_another_assigner_is_not_taken() -> None:
    text = _disbursed("35,5", who="Hội đồng nhân dân tỉnh")
    assert _disbursed_claim(text)[0] is None


def test_a_named_plan_that_gives_no_percentage_is_not_taken() -> None:
    assert _disbursed_claim(_disbursed("33,5"))[0] is None


def test_two_plans_of_the_same_name_take_neither() -> None:
    adjusted = NAMED_PLAN.replace("48.210,4", "50.100").replace("Theo báo cáo", "Sau điều chỉnh")
    assert _disbursed_claim(_disbursed("35,5", plan=NAMED_PLAN + adjusted))[0] is None
