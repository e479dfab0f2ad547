"""Round 165: a percentage of a plan whose amount is written elsewhere, counted in another noun.

Invented texts (other districts, communes, figures and plans than the evaluation passages).

* ``Đảng bộ huyện … kết nạp 84 quần chúng ưu tú vào Đảng, đạt 70% kế hoạch`` and, in another
  paragraph, ``phấn đấu kết nạp 120 đảng viên``: admissions counted as the masses admitted
  and as members are one count; the plan is linked when the figures give the percentage as
  written, no hedge on either side.
* A unit named with its province in brackets (``Đảng bộ huyện Yên Lạc (Vĩnh Phúc) kết nạp``)
  is the statement's unit, as without the brackets.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from reading import find

from kpitools.extract import audit_statements

LATER_PLAN = (
    "Từ đầu năm đến nay, Đảng bộ huyện Yên Lạc kết nạp {done} quần chúng ưu tú vào Đảng, "
    "đạt {pct}% kế hoạch tỉnh giao.\n\n"
    "Có kết quả trên là do Huyện ủy tích cực chỉ đạo công tác tạo nguồn. Được biết, năm "
    "2031, Đảng bộ huyện Yên Lạc phấn đấu kết nạp {plan} đảng viên."
)


def _result(text: str) -> tuple[Decimal | None, str | None]:
    """The target and verdict of the one statement of ``text`` with a stated percentage."""
    [s] = [s for s in find(text) if s.stated_percent is not None]
    return s.target, s.verdict


# --------------------------------------------------------------------------- admissions


def test_masses_admitted_take_the_plan_in_members_written_later() -> None:
    text = LATER_PLAN.format(done=84, pct=70, plan=120)
    assert _result(text) == (Decimal(120), "consistent")


def test_masses_admitted_keep_the_plan_in_members_written_before() -> None:
    # read so before the round as well (the plan's statement is linked by its metric)
    text = (
        "Năm 2032, Đảng ủy xã Tân Lập phấn đấu kết nạp 45 đảng viên.\n\n"
        "Sau 9 tháng, Đảng ủy xã Tân Lập đã kết nạp được 36 quần chúng vào Đảng, đạt 80% "
        "kế hoạch năm."
    )
    assert _result(text) == (Decimal(45), "consistent")


def test_members_admitted_keep_the_plan_in_masses() -> None:
    # read so before the round as well
    text = (
        "Năm 2032, Đảng ủy xã Tân Lập phấn đấu kết nạp 45 quần chúng ưu tú vào Đảng.\n\n"
        "Sau 9 tháng, Đảng ủy xã Tân Lập đã kết nạp 36 đảng viên mới, đạt 80% kế hoạch năm."
    )
    assert _result(text) == (Decimal(45), "consistent")


def test_the_audit_reads_the_linked_plan() -> None:
    found = find(LATER_PLAN.format(done=84, pct=70, plan=120))
    rows = audit_statements(found).to_dicts()
    assert [(r["stated"], r["expected"], r["verdict"]) for r in rows] == [
        ("70%", 70.0, "consistent")
    ]


def test_a_percentage_the_plan_does_not_give_is_left_unlinked() -> None:
    # 84 / 120 = 70 %, not 75 %: with another noun, only the figures say the plan is its own
    assert _result(LATER_PLAN.format(done=84, pct=75, plan=120)) == (None, "unchecked")


def test_a_hedged_percentage_is_not_linked_to_a_floor_in_members() -> None:
    # 84 / 120 = 70 %, "trên 67,1%" holds, but neither figure gives the other
    text = (
        "Trong 6 tháng đầu năm 2031, Huyện ủy Yên Lạc đã bồi dưỡng, kết nạp 84 quần chúng ưu "
        "tú vào Đảng, đạt trên 67,1% so với kế hoạch.\n\n"
        "Năm 2031, Đảng bộ huyện phấn đấu kết nạp trên 120 đảng viên trở lên."
    )
    assert _result(text)[0] is None


def test_masses_trained_are_no_plan_of_admissions() -> None:
    text = (
        "Năm 2031, Đảng bộ huyện Yên Lạc phấn đấu bồi dưỡng 120 quần chúng ưu tú. "
        "Đảng bộ huyện Yên Lạc kết nạp 84 đảng viên, đạt 70% kế hoạch."
    )
    assert _result(text) == (None, "unchecked")


def test_masses_introduced_are_no_result_of_admissions() -> None:
    text = (
        "Năm 2031, Đảng bộ huyện Yên Lạc phấn đấu kết nạp 120 đảng viên.\n\n"
        "Các chi bộ đã giới thiệu 84 quần chúng ưu tú, đạt 70% kế hoạch."
    )
    assert all(s.target is None for s in find(text) if s.actual == 84)


@settings(max_examples=25, deadline=None)
@given(plan=st.integers(min_value=20, max_value=400), share=st.integers(min_value=30, max_value=99))
def test_linked_exactly_when_the_figures_give_the_percentage(plan: int, share: int) -> None:
    done = plan * share // 100
    if done < 1:
        return
    exact = Decimal(100 * done) / plan
    pct = int((exact + Decimal("0.5")).to_integral_value(rounding="ROUND_FLOOR"))
    target, verdict = _result(LATER_PLAN.format(done=done, pct=pct, plan=plan))
    assert (target, verdict) == (Decimal(plan), "consistent")
    off = pct + 3 if pct < 97 else pct - 3
    target, _ = _result(LATER_PLAN.format(done=done, pct=off, plan=plan))
    assert target is None


# --------------------------------------------------------------------------- units


def test_a_unit_with_its_province_in_brackets_is_the_statements() -> None:
    text = "Từ đầu năm đến nay, Đảng bộ huyện Yên Lạc (Vĩnh Phúc) kết nạp 84 đảng viên, đạt 70%."
    [s] = find(text)
    assert s.unit == "Đảng bộ huyện Yên Lạc"


def test_the_bracketed_province_does_not_keep_the_plan_from_the_result() -> None:
    text = LATER_PLAN.format(done=84, pct=70, plan=120).replace(
        "huyện Yên Lạc kết nạp", "huyện Yên Lạc (Vĩnh Phúc) kết nạp"
    )
    assert _result(text) == (Decimal(120), "consistent")


def test_a_count_in_brackets_after_a_unit_is_no_province() -> None:
    text = "Đảng bộ xã Tân Lập (12 chi bộ) kết nạp 9 đảng viên, đạt 90% kế hoạch."
    assert all(s.unit != "Đảng bộ xã Tân Lập" or s.actual != 12 for s in find(text))


# --------------------------------------------------------------------------- workers


def test_persons_sent_abroad_still_take_no_plan_of_workers() -> None:
    # round 42's rule stands: persons of no named kind take no plan of workers
    text = (
        "Tính đến hết tháng 10/2031, tỉnh đã đưa 960 người đi làm việc ở nước ngoài, đạt 101% "
        "kế hoạch năm.\n\n"
        "Năm 2031, tỉnh đặt mục tiêu đưa 950 lao động đi làm việc ở nước ngoài."
    )
    assert _result(text) == (None, "unchecked")
