"""Issue 17: whole reports — targets stated elsewhere, lists of units, fractions, and their audit.

Every pattern of the issue has a test with an invented example (real passages are in
tests/eval/extract/, scored by scripts/eval_extract.py). Precision comes first: where a
reading is ambiguous the tests check that nothing wrong is said.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reading import find

from kpitools.extract import Statement, audit_statements
from kpitools.extract.grammar import implied_target
from kpitools.numbers import format_number

DATA = Path(__file__).resolve().parents[3] / "data"
D = Decimal


def results(found: list[Statement]) -> list[Statement]:
    return [s for s in found if s.actual is not None]


def flagged(found: list[Statement]) -> list[tuple[str, str]]:
    audit = audit_statements(found)
    bad = audit.filter(audit["verdict"].is_in(["inconsistent", "truncated"]))
    return list(zip(bad["text"], bad["verdict"], strict=True))


# --------------------------------------------------------------------------- 1. linking


RESOLUTION = (
    "Nghị quyết Đại hội đề ra mỗi năm kết nạp 1.500 đảng viên.\n\n"
    "Năm 2022 toàn Đảng bộ kết nạp 1.380 đảng viên, đạt 92% so với nghị quyết."
)


def test_a_target_stated_elsewhere_is_linked_with_both_spans() -> None:
    found = find(RESOLUTION)
    target = next(s for s in found if s.actual is None)
    [result] = results(found)
    assert (target.target, target.target_period, target.metric) == (D(1500), "annual", "admissions")
    assert (result.actual, result.target, result.year) == (D(1380), D(1500), 2022)
    assert result.verdict == "consistent" and result.implied_target is None
    # the evidence: the result's own span and the target's
    assert RESOLUTION[result.start : result.end] == "1.380 đảng viên, đạt 92% so với nghị quyết"
    assert result.link_text == "1.500 đảng viên"
    assert (result.link_start, result.link_end) == (target.start, target.end)
    assert RESOLUTION[result.link_start : result.link_end] == "1.500 đảng viên"
    assert "linked from" in (result.note or "")


def test_a_linked_target_that_disagrees_is_an_audit_finding() -> None:
    found = find(RESOLUTION.replace("92%", "95%"))
    [result] = results(found)
    assert (result.target, result.verdict) == (D(1500), "inconsistent")
    assert flagged(found) == [("1.380 đảng viên, đạt 95% so với nghị quyết", "inconsistent")]


def test_an_approximate_result_linked_is_unchecked() -> None:
    found = find(RESOLUTION.replace("kết nạp 1.380", "kết nạp hơn 1.380").replace("92%", "95%"))
    [result] = results(found)
    assert (result.target, result.verdict) == (D(1500), "unchecked")
    assert flagged(found) == []


def test_a_target_in_a_later_paragraph_and_its_qualifier() -> None:
    later = "Năm 2023, toàn Đảng bộ kết nạp {} đảng viên, đạt trên 41,2% so với kế hoạch.\n\n" + (
        "Năm 2023 phấn đấu kết nạp trên 300 đảng viên."
    )
    [ok] = results(find(later.format(124)))
    assert (ok.target, ok.verdict) == (D(300), "unchecked")  # 41,33 % > 41,2 %: not contradicted
    found = find(later.format(120))
    [bad] = results(found)
    # 120/300 = 40 %, and the target is above 300: the percentage is not above 41,2 %
    assert (bad.target, bad.verdict) == (D(300), "inconsistent")
    assert len(flagged(found)) == 1


def test_an_implied_target_picks_the_target_it_agrees_with() -> None:
    text = (
        "Kế hoạch năm 2023 của huyện Đông Anh là kết nạp 120 đảng viên. "
        "Năm 2023 huyện Đông Anh kết nạp 132 đảng viên, đạt 110% kế hoạch."
    )
    [r] = results(find(text))
    assert (r.unit_code, r.target, r.verdict) == ("017", D(120), "consistent")
    alone = "Năm 2023 huyện Đông Anh kết nạp 132 đảng viên, đạt 110% kế hoạch."
    [r] = results(find(alone))
    assert (r.target, r.implied_target, r.verdict) == (None, D("120.00"), "unchecked")


def test_no_link_across_units_or_when_targets_disagree() -> None:
    other_unit = (
        "Năm 2023 huyện Gia Lâm phấn đấu kết nạp 120 đảng viên. "
        "Năm 2023 huyện Đông Anh kết nạp 132 đảng viên, đạt 110% kế hoạch."
    )
    assert [s.target for s in results(find(other_unit))] == [None]
    two = (
        "Năm 2023 phấn đấu kết nạp 100 đảng viên.\n\nNăm 2023 phấn đấu kết nạp 200 đảng viên.\n\n"
        "Năm 2023 toàn Đảng bộ kết nạp 132 đảng viên, đạt 50% kế hoạch."
    )
    assert [s.target for s in results(find(two))] == [None]  # neither gives 50 %: no link
    other_year = (
        "Năm 2022 phấn đấu kết nạp 120 đảng viên.\n\n"
        "Năm 2023 toàn Đảng bộ kết nạp 132 đảng viên, đạt 110% kế hoạch."
    )
    assert [s.target for s in results(find(other_year))] == [None]


def test_a_percentage_without_a_plan_word_is_not_linked() -> None:
    text = (
        "Năm 2023 phấn đấu kết nạp 120 đảng viên.\n\n"
        "Năm 2023 toàn Đảng bộ kết nạp 132 đảng viên, tăng 10%."
    )
    assert [s.target for s in results(find(text))] == [None]


# --------------------------------------------------------------------------- 2. lists


LIST = (
    "Năm 2023 toàn tỉnh kết nạp 300 đảng viên, trong đó: Đảng bộ huyện Đông Anh kết nạp 40 "
    "đảng viên, đạt 80%; Đảng bộ Công an tỉnh kết nạp 12, đạt 100%; riêng huyện Gia Lâm mới "
    "kết nạp 9, đạt 30%."
)


def test_a_list_of_units_after_a_headline_figure() -> None:
    found = find(LIST)
    got = [(s.unit, s.unit_code, s.actual, s.stated_percent, s.implied_target) for s in found]
    assert got == [
        ("toàn tỉnh", None, D(300), None, None),
        ("huyện Đông Anh", "017", D(40), D(80), D("50.00")),
        ("Đảng bộ Công an tỉnh", None, D(12), D(100), D("12.00")),  # kept as written
        ("huyện Gia Lâm", "018", D(9), D(30), D("30.00")),
    ]
    assert {s.metric for s in found} == {"admissions"}
    assert all(s.part_of == found[0].start for s in found[1:])
    assert flagged(found) == []


def test_parts_of_a_list_that_exceed_their_whole_are_flagged() -> None:
    text = (
        "Năm 2023 toàn tỉnh kết nạp 50 đảng viên, trong đó: huyện Đông Anh kết nạp 40 đảng viên; "
        "huyện Gia Lâm kết nạp 20 đảng viên."
    )
    [(_, verdict)] = flagged(find(text))
    assert verdict == "inconsistent"


def test_fractions_per_unit_under_a_heading() -> None:
    text = (
        "Năm 2023 một số đảng bộ kết nạp cao so với chỉ tiêu: xã Minh Phú 14/12, xã Bắc Sơn 9/10."
    )
    found = find(text)
    got = [(s.metric, s.unit, s.actual, s.target, s.year) for s in found]
    assert got == [
        ("admissions", "xã Minh Phú", D(14), D(12), 2023),
        ("admissions", "xã Bắc Sơn", D(9), D(10), 2023),
    ]


def test_targets_assigned_to_a_list_of_units_are_target_only() -> None:
    text = (
        "Năm 2024 Thành ủy giao chỉ tiêu kết nạp đảng viên: huyện Đông Anh 150; huyện Gia Lâm 110; "
        "huyện Sóc Sơn 90."
    )
    found = find(text)
    got = [(s.unit_code, s.actual, s.target, s.metric, s.target_period) for s in found]
    assert got == [
        ("017", None, D(150), "admissions", "annual"),
        ("018", None, D(110), "admissions", "annual"),
        ("016", None, D(90), "admissions", "annual"),
    ]


def test_a_list_item_without_a_unit_of_its_own_is_the_headlines() -> None:
    text = "Năm 2023 huyện Đông Anh kết nạp 300 đảng viên, trong đó 120 đảng viên nữ."
    assert [s.unit_code for s in find(text)] == ["017", "017"]


# --------------------------------------------------------------------------- forms


def test_target_first_result_later() -> None:
    [s] = find("Kế hoạch năm 2021 kết nạp 150 đảng viên, kết quả kết nạp được 171 đảng viên.")
    assert (s.actual, s.target, s.year, s.computed_percent) == (D(171), D(150), 2021, D("114.0"))


def test_attainment_beside_growth() -> None:
    found = find("Năm 2023 thu ngân sách đạt 103,4% kế hoạch, tăng 6,2% so với năm trước.")
    assert [(s.stated_percent, s.stated_kind) for s in found] == [
        (D("103.4"), "attainment"),
        (D("6.2"), "growth"),
    ]


@pytest.mark.parametrize("before", ["", "Đại hội thảo luận nhiều nội dung. "])
def test_term_and_annual_targets_together(before: str) -> None:
    text = before + "Nhiệm kỳ 2020-2025 phấn đấu kết nạp 600 đảng viên, mỗi năm 120 đảng viên."
    got = [(s.actual, s.target, s.target_period, s.term) for s in find(text)]
    assert got == [(None, D(600), "term", "2020-2025"), (None, D(120), "annual", "2020-2025")]


def test_a_count_a_resolution_sets_out_is_no_target() -> None:
    found = find("Nghị quyết đề ra 25 chỉ tiêu, trong đó có 3 khâu đột phá.")
    assert [s for s in found if s.target is not None] == []


def test_a_yearly_norm_is_a_target() -> None:
    [s] = find("Hàng năm kết nạp mới từ 25 đảng viên trở lên.")
    assert (s.actual, s.target, s.target_period) == (None, D(25), "annual")


def test_counted_targets_are_not_target_cues() -> None:
    # "9 chỉ tiêu vượt và 35 chỉ tiêu đạt": no actual of 9 against a target of 35
    found = find("Có 9 chỉ tiêu vượt và 35 chỉ tiêu đạt so với Nghị quyết.")
    assert [(s.actual, s.target) for s in found if s.target is not None] == []


# --------------------------------------------------------------------------- 4. after 2025


def test_a_ward_after_the_2025_reorganization() -> None:
    [s] = find("Năm 2025, Đảng bộ phường Hà Đông kết nạp 45 đảng viên, đạt 112,5% chỉ tiêu.")
    assert (s.unit_code, s.year, s.implied_target, s.stated_kind) == (
        "09556",
        2025,
        D("40.00"),
        "attainment",
    )


def test_a_whole_term_figure_of_a_new_unit() -> None:
    text = (
        "Trong nhiệm kỳ 2020-2025, toàn Đảng bộ phường kết nạp được 103/105 đảng viên, đạt "
        "98,09% so với chỉ tiêu đề ra."
    )
    [s] = find(text)
    assert (s.actual, s.target, s.term, s.year, s.verdict) == (
        D(103),
        D(105),
        "2020-2025",
        None,
        "truncated",
    )


# --------------------------------------------------------------------------- 3. audit


def test_a_percentage_of_a_count_no_whole_target_gives() -> None:
    [s] = find("Năm 2025 Đảng bộ phường kết nạp 32 đảng viên, đạt 106% kế hoạch.")
    assert s.verdict == "inconsistent" and "no whole-number target" in (s.note or "")
    [ok] = find("Năm 2025 Đảng bộ phường kết nạp 32 đảng viên, đạt 107% kế hoạch.")
    assert ok.verdict == "unchecked"


def test_gan_contradicted_by_the_figures() -> None:
    [s] = find("Năm 2023 huyện Đông Anh kết nạp 120/120 đảng viên, đạt gần 100% kế hoạch.")
    assert s.verdict == "inconsistent"
    [ok] = find("Năm 2023 huyện Đông Anh kết nạp 119/120 đảng viên, đạt gần 100% kế hoạch.")
    assert ok.verdict == "consistent"


def test_the_seed_stays_right() -> None:
    text = (DATA / "seed" / "000_75537393c0b30eb1.txt").read_text(encoding="utf-8")
    found = find(text)
    checked = {s.stated: s.verdict for s in found if s.verdict == "consistent"}
    assert {"158%", "188,1%", "106.82%"} <= set(checked)
    assert flagged(found) == []


# --------------------------------------------------------------------------- hypothesis


def _vi(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 2_000_000), st.integers(1, 2_000_000))
def test_fractions_read_their_numbers(a: int, b: int) -> None:
    text = f"Năm 2023, huyện Đông Anh kết nạp {_vi(a)}/{_vi(b)} đảng viên."
    [s] = find(text)
    assert (s.actual, s.target) == (D(a), D(b))


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 50_000), st.integers(1, 50_000))
def test_a_rounded_percentage_of_a_fraction_is_consistent(a: int, b: int) -> None:
    stated = format_number(Decimal(100 * a) / Decimal(b), decimals=1)  # half up
    text = f"Năm 2023, huyện Đông Anh kết nạp {_vi(a)}/{_vi(b)} đảng viên, đạt {stated}%."
    [s] = find(text)
    assert s.verdict == "consistent"


@given(st.integers(1, 10_000), st.integers(1, 400))
def test_implied_target_times_percent_gives_the_actual(a: int, p: int) -> None:
    t = implied_target(D(a), None, D(p), "attainment")
    assert t is not None and abs(t * p / 100 - a) <= D("0.005") * p / 100 + D("0.01")


def test_what_is_no_target() -> None:
    # a figure "được giao" that counts no metric, a yearly figure of a report of results
    assert find("Năm 2023, xã được giao quản lý 300 hộ dân.") == []
    [s] = find("Nhiệm kỳ qua, thực hiện nghị quyết, bình quân mỗi năm kết nạp 300 đảng viên.")
    assert (s.actual, s.target, s.term) == (D(300), None, "nhiệm kỳ")
    [t] = find("Nghị quyết Đại hội nhiệm kỳ qua đề ra mỗi năm kết nạp 1.500 đảng viên.")
    assert (t.actual, t.target) == (None, D(1500))


def test_a_target_given_then_the_result_so_far() -> None:
    text = (
        "Năm 2023, huyện Đông Anh được giao chỉ tiêu kết nạp 400 đảng viên, đến nay đã kết nạp "
        "380 đảng viên."
    )
    [s] = find(text)
    assert (s.unit_code, s.actual, s.target, s.computed_percent) == ("017", D(380), D(400), D(95))


@pytest.mark.parametrize("words", ["mỗi năm", "hằng năm", "hàng năm"])
def test_yearly_words(words: str) -> None:
    found = find(f"Nghị quyết Đại hội đề ra {words} kết nạp 1.500 đảng viên.")
    assert [(s.target, s.target_period) for s in found] == [(D(1500), "annual")]


def test_the_cli_gives_the_link_and_its_check(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import json

    from kpitools.cli import main

    report = tmp_path / "r.txt"
    report.write_text(RESOLUTION.replace("92%", "95%"), encoding="utf-8")
    common = ["--units", str(DATA / "units.csv"), "--catalog", str(DATA / "metrics.csv")]
    common += ["--phrases", str(DATA / "metric_phrases.csv")]
    assert main(["extract", str(report), "--format", "json", "--audit", *common]) == 1
    target, result = json.loads(capsys.readouterr().out)
    assert (target["target"], target["target_period"], target["actual"]) == (1500, "annual", None)
    assert (result["target"], result["link_text"]) == (1500, "1.500 đảng viên")
    assert result["link_start"] == target["start"] and result["link_end"] == target["end"]
    assert result["checks"][0]["verdict"] == "inconsistent"
    assert "linked from" in result["checks"][0]["note"]
