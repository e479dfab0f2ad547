"""Round 71 of the extraction rules (issue 17): the year's floor aimed at after a result of
part of the year is not the plan its percentage is of, unless the figures fit it or refute
it; a positive and a negative case on invented text (never the evaluation set's figures or
sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

FLOOR_AFTER = (
    "Sáu tháng đầu năm 2041, toàn huyện kết nạp 52 quần chúng ưu tú vào Đảng, đạt trên "
    "41,3% so với kế hoạch. Trong đó có 30% là nữ.\n\n"
    "Năm 2041, Đảng bộ huyện phấn đấu kết nạp trên 120 đảng viên trở lên."
)


def _of(text: str, stated: str) -> list[tuple[object, object]]:
    return [(s.target, s.link_start) for s in find(text) if s.stated == stated]


def test_a_floor_aimed_at_after_the_result_is_not_its_percentages_plan() -> None:
    # 52 of 120 is 43,3 %: a plan above 120 may give 41,3 %, or may not; the plan is unwritten
    ((target, link),) = _of(FLOOR_AFTER, "41,3%")
    assert target is None and link is None
    (s,) = [s for s in find(FLOOR_AFTER) if s.stated == "41,3%"]
    assert s.implied_target is not None


def test_a_floor_the_figures_fit_or_refute_is_still_linked() -> None:
    # on the rule's boundary: the same floor is taken when the percentage fits its figure,
    # or when it is above what any plan above the floor allows (the audit's finding), and an
    # exact plan after the result is taken as before
    fits = FLOOR_AFTER.replace("trên 41,3%", "43,3%")
    assert _of(fits, "43,3%")[0][0] == Decimal(120)
    refuted = FLOOR_AFTER.replace("trên 41,3%", "48,5%")
    ((target, link),) = _of(refuted, "48,5%")
    assert target == Decimal(120) and link is not None
    (s,) = [s for s in find(refuted) if s.stated == "48,5%"]
    assert s.consistent is False
    exact = FLOOR_AFTER.replace("trên 120 đảng viên trở lên", "126 đảng viên")
    assert _of(exact, "41,3%")[0][0] == Decimal(126)
    # a whole year's result takes the year's floor aimed at after it
    whole = FLOOR_AFTER.replace("Sáu tháng đầu năm 2041", "Năm 2041")
    assert _of(whole, "41,3%")[0][0] == Decimal(120)
    # and a floor set before the result, for the year it counts towards, is taken
    head, _, aim = FLOOR_AFTER.partition("\n\n")
    assert _of(f"{aim}\n\n{head}", "41,3%")[0][0] == Decimal(120)


DETAILED = (
    "Số đảng viên mới của Đảng bộ xã Hòa Lạc đều vượt kế hoạch năm, cụ thể như kế hoạch năm "
    "2040 phát triển 30 đảng viên và kết quả cuối cùng là 36 đảng viên mới được kết nạp."
)


def _pairs(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.target) for s in find(text) if s.actual is not None]


def test_a_plan_opening_a_detailing_clause_is_the_plan() -> None:
    assert _pairs(DETAILED) == [(36, 30)]
    assert _pairs(DETAILED.replace("cụ thể như", "cụ thể là")) == [(36, 30)]
    assert _pairs(DETAILED.replace("cụ thể như", "cụ thể,")) == [(36, 30)]


def test_a_plan_after_another_opener_is_not_read_as_opening_its_clause() -> None:
    # on the rule's boundary: `cụ thể (như|là)` opens the clause (above); a comparison
    # (`tương tự như`) does not, and its figures stay apart
    assert _pairs(DETAILED) == [(36, 30)]
    assert (36, 30) not in _pairs(DETAILED.replace("cụ thể như", "tương tự như"))
