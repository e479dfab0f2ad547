"""Round 31 of the extraction rules (issue 17): a bracketed percentage of an item named after
a fraction or count is the item's; … — each a general rule of report wording, tested on
invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from reading import checked, find

from kpitools.extract import Statement, audit_statements


def claims(text: str) -> list[Statement]:
    """The statements of ``text`` a user reads as target-versus-result claims (a support)."""
    return [s for s in find(text, money=True) if s.support is not None]


def flagged(text: str) -> list[str]:
    """The verdicts of the audit rows of ``text`` that flag something."""
    found = find(text, money=True)
    rows = audit_statements(found).to_dicts() if found else []
    return [r["verdict"] for r in rows if r["verdict"] in ("inconsistent", "truncated")]


# -------------------------------- a bracketed percentage of an item named after a fraction


@pytest.mark.parametrize(
    "text",
    [
        "Có 4/6 chi bộ đạt chỉ tiêu kết nạp là chi bộ thôn Đông (120%), chi bộ thôn Tây (100%).",
        "Có 3/5 khoản thu vượt dự toán là phí chợ (112,4%), phí bến bãi (131%) và lệ phí hộ "
        "tịch (104%); 2/5 khoản không đạt là thuế môn bài (91,2%), thu cho thuê đất (88%).",
        "Có 4 phường hoàn thành kế hoạch gồm phường Bắc (104,5%), phường Nam (101%).",
        "Có 2/3 tổ chức đạt chỉ tiêu phát triển hội viên: Hội Nông dân (118%), Hội Phụ nữ (109%).",
    ],
)
def test_an_items_bracketed_percentage_is_not_the_fractions(text: str) -> None:
    assert flagged(text) == []
    assert [s for s in find(text, money=True) if s.stated_percent is not None] == []


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Toàn huyện có 12/15 xã là xã đạt chuẩn nông thôn mới (80%).", "consistent"),
        ("Toàn huyện có 12/15 xã đạt chuẩn nông thôn mới (85%).", "inconsistent"),
        ("Đảng bộ kết nạp 45/50 đảng viên (đạt 90%).", "consistent"),
    ],
)
def test_a_fractions_own_bracketed_percentage_is_still_checked(text: str, verdict: str) -> None:
    [(_, _, _, v)] = checked(text)
    assert v == verdict


# ------------------------------------------- a result against its plan, the unit on both


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Năm 2023, diện tích trồng rừng mới 46,5 ha/50 ha, đạt 93% kế hoạch.", ("46.5", "50")),
        ("Xã gieo trồng 12.400ha/13.000ha lúa, đạt 95,4% kế hoạch.", ("12400", "13000")),
        ("Tổng đàn trâu bò 1.260 con/1.200 con, đạt 105% kế hoạch.", ("1260", "1200")),
        ("Năm 2022 xã kết nạp 18 đảng viên/20 đảng viên, đạt 90% chỉ tiêu.", ("18", "20")),
    ],
)
def test_a_fraction_with_its_unit_after_both_numbers_is_a_checked_pair(
    text: str, pair: tuple[str, str]
) -> None:
    [(actual, target, _, verdict)] = checked(text)
    assert (str(actual), str(target)) == pair
    assert verdict == "consistent"


@pytest.mark.parametrize(
    "text",
    [
        "Vốn đầu tư đạt 60% nguồn vốn giao (300 tỷ/500 tỷ đồng).",
        "Xe chạy 60 km/giờ trên đoạn đường này.",
    ],
)
def test_scale_words_and_rates_per_unit_are_no_unit_pair(text: str) -> None:
    assert [s for s in find(text, money=True) if str(s.target) == "500"] == []
    assert [s for s in find(text, money=True) if s.target is not None and s.actual == 60] == []


# ------------------------------------------------------- NQ abbreviates the resolution


def test_a_percentage_glued_to_nq_is_an_attainment_of_the_resolution() -> None:
    [(_, _, stated, verdict)] = checked(
        "Giá trị xuất khẩu 1.500 tỷ đồng/1.800 tỷ đồng, đạt 83,33%NQ."
    )
    assert (stated, verdict) == (Decimal("83.33"), "consistent")


def test_nq_as_a_word_of_its_own_is_no_plan() -> None:
    assert checked("Doanh thu dịch vụ 1.500 tỷ đồng, tăng 8% so với NQA năm trước.") == []


# ------------------------------------------- a percentage in the next item of a list


def test_a_percentage_after_a_semicolon_and_a_new_subject_is_not_the_figure_before() -> None:
    text = (
        "Đàn trâu bò 1.260 con/1.200 con, đạt 105%NQ; tỷ lệ hộ dùng nước hợp vệ sinh: ước đạt "
        "96%, đạt 101%NQ."
    )
    rows = checked(text)
    assert [(a, t, v) for a, t, _, v in rows] == [(Decimal(1260), Decimal(1200), "consistent")]


def test_a_percentage_after_a_semicolon_with_only_its_verb_is_the_figure_before() -> None:
    [s] = claims("Năm 2024, thu ngân sách xã đạt 45,5 tỷ đồng; đạt 105% dự toán.")
    assert s.actual == Decimal("45500000000")
    assert s.stated_kind == "attainment"


# ---------------------------------- a rise said after a result/plan fraction is its margin


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("Năm 2022, diện tích chè 62,4/60ha, tăng 4%; cây cà phê 44/40ha, tăng 10%.", ["4", "10"]),
        ("Đàn bò đạt 1.050/1.000 con, tăng 5%.", ["5"]),
    ],
)
def test_a_rise_the_fraction_gives_is_its_excess(text: str, stated: list[str]) -> None:
    rows = [s for s in claims(text) if s.stated_kind == "excess"]
    assert [str(s.stated_percent) for s in rows] == stated
    assert all(s.verdict == "consistent" for s in rows)


def test_a_rise_the_fraction_does_not_give_stays_a_growth() -> None:
    found = find("Năm 2022, diện tích chè 50/40ha, tăng 12%.", money=True)
    assert [s.stated_kind for s in found if s.stated_percent is not None] == ["growth"]
    assert not any(s.verdict == "inconsistent" for s in found)


# -------------------------------------- billions and millions with a decimal, one amount


def test_billions_and_decimal_millions_are_one_amount() -> None:
    [s] = claims("Năm 2023, vốn vay ủy thác tăng 12 tỷ 450,5 triệu đồng, đạt 180% kế hoạch.")
    assert s.actual == Decimal("12450500000")
    assert s.stated_kind == "attainment"


def test_a_decimal_after_billions_with_no_millions_is_not_joined() -> None:
    found = find("Năm 2023 thu 12 tỷ, 450,5 triệu đồng từ phí, đạt 90% kế hoạch.", money=True)
    assert Decimal("12450500000") not in {s.actual for s in found}


# ----------------------------- the bodies that admitted a count are no rival of that count


@pytest.mark.parametrize(
    ("text", "actual"),
    [
        ("Năm 2024, toàn huyện có 16 chi bộ kết nạp 61 đảng viên mới, vượt 0,3% chỉ tiêu.", 61),
        ("Năm 2024, có 12 tổ chức cơ sở đảng kết nạp được 23 đảng viên, đạt 106% kế hoạch.", 23),
        ("Năm 2023, 9 chi đoàn phát triển 47 đoàn viên mới, đạt 104,2% chỉ tiêu.", 47),
    ],
)
def test_a_count_after_the_bodies_that_admitted_it_keeps_its_percentage(
    text: str, actual: int
) -> None:
    [s] = claims(text)
    assert s.actual == Decimal(actual)
    assert s.verdict == "inconsistent"  # no whole-number target gives the percentage


@pytest.mark.parametrize(
    "text",
    [
        "Đội khoan được 9.100 m, hoàn thành 5 giếng (đạt 118,6% kế hoạch).",
        "Năm 2024 có 12 chi bộ, kết nạp được 23 đảng viên, đạt 106% kế hoạch.",
    ],
)
def test_a_rival_figure_before_still_leaves_the_percentage_unchecked(text: str) -> None:
    assert flagged(text) == []


# ------------------------------- households and people are counted whole: so is their plan


@pytest.mark.parametrize(
    "text",
    [
        "Năm 2023, Hội đã hỗ trợ 157 hộ hội viên vay vốn, đạt 183,1% kế hoạch.",
        "Năm 2023, xã giải quyết việc làm cho 211 người, đạt 117,6% kế hoạch.",
        "Năm 2023, phường đào tạo nghề cho 67 lao động, đạt 108,2% kế hoạch.",
    ],
)
def test_a_percentage_no_whole_plan_of_households_or_people_gives_is_flagged(text: str) -> None:
    assert flagged(text) == ["inconsistent"]


@pytest.mark.parametrize(
    "text",
    [
        "Năm 2023, Hội đã hỗ trợ 157 hộ hội viên vay vốn, đạt 130,8% kế hoạch.",
        "Năm 2023, xã giải quyết việc làm cho 211 người, đạt 105,5% kế hoạch.",
        "Năm 2023, xã giải quyết việc làm cho hơn 211 người, đạt 117,6% kế hoạch.",
    ],
)
def test_a_percentage_a_whole_plan_gives_or_a_hedged_count_is_not_flagged(text: str) -> None:
    assert flagged(text) == []


def test_things_named_before_their_number_are_counted_whole() -> None:
    text = "Năm 2023, số công trình măng non được hỗ trợ là 1.205, vượt 118,6% chỉ tiêu."
    assert flagged(text) == ["inconsistent"]


@pytest.mark.parametrize(
    "text",
    [
        "Năm 2023, số công trình măng non được hỗ trợ là 1.205, vượt 118,3% chỉ tiêu.",
        "Năm 2023, số vốn hỗ trợ đoàn viên là 1.205, vượt 118,6% chỉ tiêu.",
    ],
)
def test_a_fitting_percent_or_an_amount_named_before_is_not_flagged(text: str) -> None:
    assert flagged(text) == []


# ------------------------------------------ shares of a count of people checked, cut flagged

_SHARES = (
    "Năm 2023, Đảng bộ xã kết nạp 87 đảng viên mới. Trong đó, có 40 đảng viên trẻ, chiếm "
    "46%; 52 đảng viên có trình độ đại học, chiếm 59,8%; 16 đảng viên là công nhân, chiếm "
    "{p}."
)


@pytest.mark.parametrize(
    ("p", "verdicts"),
    [
        ("18,3%", ["truncated"]),  # 16 / 87 = 18,39 %: cut, not rounded
        ("22,4%", ["inconsistent"]),  # not the share of 87 the others fit
    ],
)
def test_a_share_of_a_count_of_people_is_checked_against_the_whole(
    p: str, verdicts: list[str]
) -> None:
    assert flagged(_SHARES.format(p=p)) == verdicts


@pytest.mark.parametrize("p", ["18,4%", "khoảng 18,3%"])
def test_a_rounded_or_hedged_share_of_people_is_not_flagged(p: str) -> None:
    assert flagged(_SHARES.format(p=p)) == []


# ----------------------------------- a plan named by the council or level that assigned it


@pytest.mark.parametrize(
    "text",
    [
        "Sáu tháng đầu năm, thu ngân sách xã đạt 12,4 tỷ đồng, đạt 47,3% so với HĐND xã giao.",
        "Năm 2024, thu ngân sách huyện đạt 412 tỷ đồng, đạt 104% so với tỉnh giao.",
        "Năm 2024, thu tiền đất đạt 61 tỷ đồng, đạt 88% so với UBND huyện giao.",
    ],
)
def test_a_percentage_of_what_a_council_or_level_assigned_is_an_attainment(text: str) -> None:
    [s] = claims(text)
    assert s.stated_kind == "attainment"


def test_two_plans_of_two_levels_are_no_twin_of_one_plan() -> None:
    text = (
        "Năm 2024, thu phí chợ 9,2 tỷ đồng, vượt 21,5% so với kế hoạch UBND tỉnh giao và "
        "đạt 96,1% so với HĐND xã giao."
    )
    assert flagged(text) == []


def test_a_comparison_with_another_place_is_no_plan() -> None:
    found = find("Năm 2024, thu ngân sách đạt 412 tỷ đồng, cao hơn 4% so với huyện Đông.")
    assert [s for s in found if s.stated_kind == "attainment"] == []


# ----------------------------- a bare attainment said before a growth over a past period


@pytest.mark.parametrize(
    "text",
    [
        "Năm 2024, thu ngân sách xã thu được 920 tỷ đồng, đạt 112,4%, tăng 8% so với cùng kỳ.",
        "Trong đó, thu phí, lệ phí được 3.120 tỷ đồng, đạt 97,2%, giảm 3% so với năm trước.",
    ],
)
def test_a_bare_attainment_before_a_growth_is_of_the_plan(text: str) -> None:
    kinds = [s.stated_kind for s in claims(text)]
    assert kinds == ["attainment"]


@pytest.mark.parametrize(
    "text",
    [
        "Năm 2023, phường tiếp nhận 800 hồ sơ, giải quyết 760 hồ sơ, đạt 95%, tăng 1% so với "
        "năm trước.",
        # (a lone bare percent after a sum of money is its attainment since round 141,
        # test_round141.py)
    ],
)
def test_a_share_of_an_earlier_number_is_no_attainment(
    text: str,
) -> None:
    assert [s for s in claims(text) if s.stated_kind == "attainment"] == []


# ------------------------ a bracketed share of the plan made up by a part after "trong đó"


def test_a_parts_bracketed_share_of_the_quota_is_no_attainment() -> None:
    text = (
        "Năm 2025, xã đã bàn giao 424 hồ sơ, trong đó chính thức là 400 hồ sơ, bổ sung là 24 "
        "(chiếm 6% so với chỉ tiêu)."
    )
    assert [s for s in claims(text) if s.stated_kind == "attainment"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Năm 2025, xã kết nạp 45 đảng viên, chiếm 90% so với chỉ tiêu.",
        "Năm 2025, huyện kết nạp 230 đảng viên, trong đó xã A kết nạp 36 đảng viên, chiếm 120% "
        "so với chỉ tiêu.",
    ],
)
def test_a_share_of_the_plan_said_of_a_whole_or_above_it_stays_an_attainment(text: str) -> None:
    assert "attainment" in [s.stated_kind for s in claims(text)]


# --------------------------------- the capital written right before the amount disbursed


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        (
            "Năm 2024, nguồn vốn xây dựng của xã là 40 tỷ đồng, đã giải ngân được 18,2 tỷ đồng, "
            "đạt 45,5% kế hoạch.",
            "consistent",
        ),
        (
            "Kế hoạch vốn năm 2024 của phường 12.400 triệu đồng, đã giải ngân 9.300 triệu đồng, "
            "đạt 75% kế hoạch.",
            "consistent",
        ),
        (
            "Năm 2024, nguồn vốn đầu tư của phường khoảng 40 tỷ đồng, đã giải ngân được 18,2 "
            "tỷ đồng, đạt 45,7% kế hoạch.",
            "unchecked",
        ),
    ],
)
def test_the_capital_before_the_amount_disbursed_is_its_plan(text: str, verdict: str) -> None:
    [s] = claims(text)
    assert s.target is not None and s.link_text is not None
    assert s.verdict == verdict


@pytest.mark.parametrize(
    "text",
    [
        "Năm 2024, thu ngân sách xã là 40 tỷ đồng, đã giải ngân được 18,2 tỷ đồng, đạt 45,5% "
        "kế hoạch.",
        "Năm 2024, nguồn vốn xây dựng của xã là 40 tỷ đồng, đã giải ngân được 18,2 tỷ đồng, "
        "đạt 60% kế hoạch.",
    ],
)
def test_no_capital_named_or_no_fit_leaves_the_percentage_alone(text: str) -> None:
    assert all(s.target is None for s in claims(text))


# ------------------------------ a bare attainment in a list whose other items name the plan


def test_a_bare_attainment_among_items_of_the_plan_is_of_the_plan() -> None:
    text = (
        "Năm 2024, diện tích lúa đạt 1.200 ha, đạt 97% kế hoạch; thu ngân sách 21 tỷ đồng, "
        "đạt 88%; trồng rừng 40 ha, đạt 105% kế hoạch."
    )
    assert [s.stated_kind for s in claims(text)] == ["attainment"] * 3


@pytest.mark.parametrize(
    "text",
    [
        # (a bare percent after a sum of money with no plan around is its attainment since
        # round 141, test_round141.py)
        # the bare one is the amount's share of the number before it
        "Năm 2024, vốn xây dựng trường học là 400 tỷ đồng. Huyện đã ký hợp đồng 380 tỷ đồng, "
        "đạt 95%. Đến nay đã giải ngân 200 tỷ đồng, đạt 50% kế hoạch.",
    ],
)
def test_a_bare_percent_with_no_plan_around_or_a_share_stays_unread(text: str) -> None:
    kinds = [(s.actual, s.stated_kind) for s in claims(text)]
    assert (Decimal("380000000000"), "attainment") not in kinds


def test_a_bare_percent_after_a_count_in_a_list_naming_no_plan_stays_unread() -> None:
    # no item of the list names the plan (review 35a: the case kept with a count, as a sum
    # of money reads its bare percentage since round 141)
    text = (
        "Năm 2024, diện tích lúa đạt 1.200 ha, tăng 3% so với cùng kỳ; trồng rừng 40 ha, đạt 88%."
    )
    assert claims(text) == []


# ------------------- two amounts in brackets with the scale on both, the currency once


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        (
            "Năm 2024, xã giải ngân đạt 45,2% nguồn vốn huyện giao (212,4 tỷ/470 tỷ đồng); đạt "
            "38,5% nguồn vốn xã giao (212,4 tỷ/552 tỷ đồng).",
            [("212400000000", "470000000000"), ("212400000000", "552000000000")],
        ),
        (
            "Thu phí 6 tháng đạt 101% (88,9 tỷ/88 tỷ đồng).",
            [("88900000000", "88000000000")],
        ),
    ],
)
def test_a_money_fraction_with_the_currency_once_is_checked(
    text: str, pairs: list[tuple[str, str]]
) -> None:
    rows = checked(text)
    assert [(a, t) for a, t, _, _ in rows] == [(Decimal(a), Decimal(t)) for a, t in pairs]
    assert all(v == "consistent" for *_, v in rows)


def test_two_scales_that_differ_are_no_money_fraction() -> None:
    found = find("Thu ngân sách đạt 101% (88 triệu/88 tỷ đồng).", money=True)
    assert [s for s in found if s.target is not None and s.actual is not None] == []


# ------------------------------- an amount set out, then what was done of it, and its percent


def test_an_amount_set_out_then_done_is_the_plan_of_the_percentage() -> None:
    text = (
        "Năm 2023, số thu giao các thôn, tổ dân phố thu là 9.800 triệu đồng, thực hiện đạt 9.200 "
        "triệu đồng, đạt 94% so với dự toán giao."
    )
    [(actual, target, _, verdict)] = checked(text)
    assert (actual, target, verdict) == (Decimal(9200000000), Decimal(9800000000), "consistent")


def test_an_amount_not_said_done_of_the_one_before_is_not_its_plan() -> None:
    text = (
        "Năm 2023, số thu giao các thôn, tổ dân phố thu là 9.800 triệu đồng, thu khác đạt 9.200 "
        "triệu đồng, đạt 94% so với dự toán giao."
    )
    assert checked(text) == []


def test_a_bare_attainment_right_after_its_amount_with_no_comma_is_in_the_list() -> None:
    text = (
        "Năm 2024, diện tích lúa đạt 96,7% kế hoạch, sản lượng ngô ước đạt 650,5 tấn đạt 97,5%; "
        "trồng rừng được 29,5/25 ha đạt 118% kế hoạch."
    )
    assert (Decimal("650.5"), "attainment") in [(s.actual, s.stated_kind) for s in claims(text)]
