"""Round 40 of the extraction rules (issue 17), each tested on invented text (never the
evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from reading import checked, find

from kpitools.extract import audit_statements

# ---------------------------- a rate said short of a target whose rate an earlier sentence sets


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Nghị quyết Đại hội Đảng bộ phường đề ra chỉ tiêu hằng năm kết nạp đảng viên mới đạt "
            "tỷ lệ 3% trở lên. Năm 2026, tỷ lệ kết nạp đảng viên mới của phường chỉ đạt 2,4%, "
            "chưa đạt chỉ tiêu của Nghị quyết.",
            (Decimal("2.4"), Decimal("3")),
        ),
        (
            "Chi hội cựu chiến binh thôn Đông đặt chỉ tiêu kết nạp hội viên mới đạt tỷ lệ 5% "
            "mỗi năm. Năm 2030, tỷ lệ kết nạp hội viên mới của chi hội đạt 6,5%, cao hơn mục "
            "tiêu của chi hội.",
            (Decimal("6.5"), Decimal("5")),
        ),
    ],
)
def test_a_rate_compared_with_an_unwritten_target_takes_the_target_rate_set_before(
    text: str, pair: tuple[Decimal, Decimal]
) -> None:
    found = [s for s in find(text, money=True) if s.actual is not None and s.target is not None]
    assert [(s.actual, s.target) for s in found] == [pair]
    assert found[0].link_text is not None and "tỷ lệ" in found[0].link_text


@pytest.mark.parametrize(
    "text",
    [
        # the words say below, the figures say above: no pair
        "Nghị quyết đề ra chỉ tiêu hằng năm kết nạp đảng viên mới đạt tỷ lệ 3% trở lên. Năm "
        "2026, tỷ lệ kết nạp đảng viên mới của phường đạt 3,6%, chưa đạt chỉ tiêu của Nghị quyết.",
        # the earlier rate is of something else
        "Nghị quyết đề ra chỉ tiêu tỷ lệ hộ dùng nước sạch đạt 95%. Năm 2026, tỷ lệ kết nạp "
        "đảng viên mới của phường chỉ đạt 2,4%, chưa đạt chỉ tiêu của Nghị quyết.",
        # another paragraph
        "Nghị quyết đề ra chỉ tiêu hằng năm kết nạp đảng viên mới đạt tỷ lệ 3% trở lên.\n\n"
        "Năm 2026, tỷ lệ kết nạp đảng viên mới của phường chỉ đạt 2,4%, chưa đạt chỉ tiêu.",
    ],
)
def test_no_earlier_target_rate_is_taken_against_the_words_or_of_another_thing(
    text: str,
) -> None:
    assert checked(text) == []


# ------------------------------------- rows of an indicator table written one cell a line


def _table(head_plan: str, head_done: str, rows: list[list[str]], *, percent: bool) -> str:
    head = ["TT", "Chỉ tiêu", "Đơn vị", head_plan, head_done] + (["Tỷ lệ %"] if percent else [])
    cells = head + [c for row in rows for c in row]
    return "Kết quả thực hiện một số chỉ tiêu của phường:\n\n" + "\n\n".join(cells) + "\n"


def test_a_tables_rows_read_the_result_against_the_plan_and_check_their_percentage() -> None:
    text = _table(
        "Kế hoạch năm 2030",
        "Thực hiện năm 2030",
        [
            ["1", "Kết nạp đảng viên mới", "người", "40", "46", "115"],
            ["2", "Thành lập chi bộ mới", "chi bộ", "8", "7", "87,5"],
            ["3", "Kết nạp hội viên mới", "người", "300", "331", "110"],
        ],
        percent=True,
    )
    assert checked(text) == [
        (Decimal("46"), Decimal("40"), Decimal("115"), "consistent"),
        (Decimal("7"), Decimal("8"), Decimal("87.5"), "consistent"),
        # 331 / 300 is 110,33 %: written 110, rounded
        (Decimal("331"), Decimal("300"), Decimal("110"), "consistent"),
    ]
    cut = text.replace("\n\n331\n\n110", "\n\n332\n\n110")  # 110,67 %: only cutting gives 110
    assert [v for *_, v in checked(cut)][-1] == "truncated"


def test_a_tables_row_keeps_a_plan_range_and_qualifiers_unchecked() -> None:
    text = _table(
        "Kế hoạch",
        "Ước thực hiện",
        [
            ["1", "Tỷ lệ đoàn viên được tập huấn", "%", "70-75", "76"],
            ["2", "Tỷ lệ tổ chức cơ sở đảng hoàn thành nhiệm vụ", "%", "Trên 90", "93,5"],
        ],
        percent=False,
    )
    assert checked(text) == [
        (Decimal("76"), (Decimal("70"), Decimal("75")), None, "unchecked"),
        (Decimal("93.5"), Decimal("90"), None, "unchecked"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a result in words, an empty unit cell: the cells do not line up, nothing is read
        _table(
            "Kế hoạch năm 2030",
            "Thực hiện năm 2030",
            [["1", "Kết nạp đảng viên mới", "người", "40", "Vượt"], ["2", "Số chi bộ", "9", "10"]],
            percent=False,
        ),
        # the plan of one year, the result of another: no pair
        _table(
            "Kế hoạch năm 2031",
            "Thực hiện năm 2030",
            [["1", "Kết nạp đảng viên mới", "người", "40", "46"]],
            percent=False,
        ),
        # no column of labels heads the figures
        "Kế hoạch\n\nThực hiện\n\nKết nạp đảng viên mới\n\nngười\n\n40\n\n46\n",
    ],
)
def test_no_row_is_read_when_the_cells_or_the_header_do_not_fit(text: str) -> None:
    assert checked(text) == []


# ------------------------------ parts after a part marker, split by semicolons, named alike


def _sums(text: str) -> list[tuple[str, str]]:
    """(check, verdict) of the audit's sums of ``text``, money read."""
    audit = audit_statements(find(text, money=True))
    return [(c, v) for c, v in audit.select("check", "verdict").rows() if c == "sum"]


def test_sibling_items_after_a_semicolon_are_parts_whose_sum_the_whole_bounds() -> None:
    text = (
        "Năm 2030, tổng thu của cảng đạt gần 80 tỷ đồng, bằng 101% kế hoạch. Trong đó, thu "
        "từ phí cảng biển đạt 60 tỷ đồng, đạt 100% kế hoạch; thu từ phí cảng cạn đạt 25 tỷ "
        "đồng, bằng 102% kế hoạch."
    )
    assert _sums(text) == [("sum", "inconsistent")]  # 60 + 25 is more than nearly 80
    fits = text.replace("25 tỷ", "15 tỷ")
    assert _sums(fits) == [("sum", "consistent")]


@pytest.mark.parametrize(
    "text",
    [
        # the second item opens otherwise: it may lie inside the first
        "Năm 2030, tổng thu của cảng đạt gần 80 tỷ đồng, bằng 101% kế hoạch. Trong đó, thu từ "
        "phí cảng biển đạt 60 tỷ đồng, đạt 100% kế hoạch; riêng tiền thuê bến đạt 25 tỷ đồng, "
        "bằng 102% kế hoạch.",
        # a whole written as more than its number bounds no sum
        "Năm 2030, tổng thu của cảng đạt hơn 80 tỷ đồng, bằng 101% kế hoạch. Trong đó, thu từ "
        "phí cảng biển đạt 60 tỷ đồng, đạt 100% kế hoạch; thu từ phí cảng cạn đạt 25 tỷ "
        "đồng, bằng 102% kế hoạch.",
    ],
)
def test_items_that_open_otherwise_or_a_whole_above_its_number_are_not_summed(
    text: str,
) -> None:
    assert _sums(text) == []


# ------------------------- a floor amount whose share one more of its last digit cannot reach


def _verdicts(text: str) -> list[tuple[str | None, str | None]]:
    return [(s.stated, s.verdict) for s in find(text, money=True) if s.stated]


@pytest.mark.parametrize(
    "text",
    [
        "Đảng bộ xã kết nạp trên 47 đảng viên, đạt 98% kế hoạch năm (50 đảng viên).",
        "Thu ngân sách của phường đạt hơn 1.237 tỷ đồng, bằng 12,5% dự toán năm (10.000 tỷ đồng).",
    ],
)
def test_a_floor_amounts_share_beyond_one_more_of_its_last_digit_is_inconsistent(
    text: str,
) -> None:
    assert [v for _, v in _verdicts(text)] == ["inconsistent"]


@pytest.mark.parametrize(
    "text",
    [
        # 47 to 48 of 50 is 94 % to 96 %: 95 % may be rounded from it
        "Đảng bộ xã kết nạp trên 47 đảng viên, đạt 95% kế hoạch năm (50 đảng viên).",
        # a round floor may stand for a figure further above it
        "Đảng bộ xã kết nạp trên 40 đảng viên, đạt 86% kế hoạch năm (50 đảng viên).",
        # the percentage has a floor of its own
        "Đảng bộ xã kết nạp trên 47 đảng viên, đạt trên 98% kế hoạch năm (50 đảng viên).",
    ],
)
def test_a_share_a_floor_may_reach_a_round_floor_or_a_qualified_share_is_not_flagged(
    text: str,
) -> None:
    assert all(v != "inconsistent" for _, v in _verdicts(text))


# ----------------------------- a change in percent against the signed change in units after it


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        (
            "Năng suất lúa của xã ước đạt 48,2 tạ/ha, giảm 4% (-2 tạ/ha) so với năm trước.",
            "consistent",
        ),
        (
            "Năng suất lúa của xã ước đạt 48,2 tạ/ha, giảm 6% (-2 tạ/ha) so với năm trước.",
            "inconsistent",
        ),
        (
            "Sản lượng cá của phường đạt 1.050 tấn, tăng 5% (+50 tấn) so với năm trước.",
            "consistent",
        ),
        (
            "Sản lượng cá của phường đạt 1.050 tấn, tăng 7% (+50 tấn) so với năm trước.",
            "inconsistent",
        ),
    ],
)
def test_a_change_in_percent_is_checked_against_the_signed_change_beside_it(
    text: str, verdict: str
) -> None:
    assert [v for _, v in _verdicts(text)] == [verdict]


@pytest.mark.parametrize(
    "text",
    [
        # the sign disagrees with the verb
        "Năng suất lúa của xã ước đạt 48,2 tạ/ha, giảm 6% (+2 tạ/ha) so với năm trước.",
        # the change counts something else
        "Năng suất lúa của xã ước đạt 48,2 tạ/ha, giảm 6% (-2 ha) so với năm trước.",
    ],
)
def test_a_change_of_another_sign_or_thing_checks_nothing(text: str) -> None:
    assert [v for _, v in _verdicts(text)] == ["unchecked"]


# ------------------------------------ a growth with the resolution's growth in brackets after it


def test_a_growth_takes_the_resolutions_growth_in_brackets_as_its_target() -> None:
    text = (
        "Giá trị sản xuất của xã ước đạt 900 tỷ đồng, tăng 9,2% so với năm trước (nghị quyết "
        "đề ra 8%). Trong đó, công nghiệp ước đạt 600 tỷ đồng, tăng 7,5% so với năm trước (nghị "
        "quyết đề ra 6%)."
    )
    pairs = [(s.actual, s.target) for s in find(text, money=True) if s.measure == "%"]
    assert pairs == [(Decimal("9.2"), Decimal("8")), (Decimal("7.5"), Decimal("6"))]
    # the part's amount is checked against the whole's amount, never against its growth
    audit = audit_statements(find(text, money=True))
    assert "inconsistent" not in audit["verdict"].to_list()


def test_a_resolution_named_in_brackets_with_no_growth_is_no_target() -> None:
    text = (
        "Giá trị sản xuất của xã ước đạt 900 tỷ đồng, tăng 9,2% so với năm trước (nghị quyết 12)."
    )
    assert checked(text) == []


# ---------------------------- a growth against a plan's growth: a resolution's, per year, a range


def _rate_pairs(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.target) for s in find(text, money=True) if s.measure == "%"]


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Tăng trưởng kinh tế của phường năm 2030 ước đạt 7,15%, vượt so với mục tiêu đề ra "
            "(6,4%).",
            (Decimal("7.15"), Decimal("6.4")),
        ),
        (
            "Giai đoạn 2026-2030, kinh tế của xã tăng trưởng bình quân 6,35%/năm (nghị quyết "
            "đề ra 7%/năm).",
            (Decimal("6.35"), Decimal("7")),
        ),
        (
            "Giai đoạn 2026-2030, kinh tế của xã tăng trưởng bình quân 6,35%/năm (chỉ tiêu đã "
            "đề ra là 7 đến 7,5%/năm).",
            (Decimal("6.35"), (Decimal("7"), Decimal("7.5"))),
        ),
    ],
)
def test_a_growth_takes_its_plans_growth_written_per_year_by_a_resolution_or_as_a_range(
    text: str, pair: tuple[object, object]
) -> None:
    assert _rate_pairs(text) == [pair]


@pytest.mark.parametrize(
    "text",
    [
        # a margin over the plan, not the plan's growth
        "Tăng trưởng kinh tế của phường năm 2030 ước đạt 7,15%, vượt so với mục tiêu đề ra 0,5%.",
        # the country's average is no plan
        "Giai đoạn 2026-2030, kinh tế của xã tăng trưởng bình quân 6,35%/năm (bình quân cả "
        "huyện là 7 đến 7,5%/năm).",
    ],
)
def test_a_growth_takes_no_margin_or_average_as_its_plan(text: str) -> None:
    assert _rate_pairs(text) == []


# ------------------------- a percentage after a list of counts, of the first count's target


_LISTED = (
    "Năm 2030: Kết nạp 1.384 hội viên, 12 chi hội, đạt {p}%\n\n"
    "Năm 2030, Hội giao chỉ tiêu kết nạp mới 1.500 hội viên."
)


@pytest.mark.parametrize(("percent", "verdict"), [("92,3", "consistent"), ("92,1", "inconsistent")])
def test_a_percentage_after_a_list_of_counts_is_of_the_first_counts_target_nearby(
    percent: str, verdict: str
) -> None:
    found = checked(_LISTED.format(p=percent))
    stated = Decimal(percent.replace(",", "."))
    assert found == [(Decimal("1384"), Decimal("1500"), stated, verdict)]


@pytest.mark.parametrize(
    "text",
    [
        # another year's line
        _LISTED.format(p="92,3").replace("Năm 2030:", "Năm 2031:"),
        # a percentage far from the first count's share: no evidence it is of that count
        _LISTED.format(p="75"),
    ],
)
def test_no_listed_count_is_linked_in_another_year_or_far_from_its_share(text: str) -> None:
    assert [c for c in checked(text) if c[0] is not None] == []


# ------------------------------------------------ shares of the classes of a rating, cut


_RATED = (
    "Kết quả xếp loại năm 2030: {a} đảng viên được xếp loại hoàn thành xuất sắc nhiệm vụ "
    "(chiếm {pa}%); {b} đảng viên được xếp loại hoàn thành tốt nhiệm vụ (chiếm {pb}%); {c} đảng "
    "viên được xếp loại hoàn thành nhiệm vụ (chiếm {pc}%)."
)


def test_shares_of_classes_that_add_up_to_a_whole_are_of_the_sum_of_their_counts() -> None:
    # 12 + 31 + 5 = 48: 31 / 48 = 64,58 %, written cut; 5 / 48 = 10,42 % holds
    text = _RATED.format(a=12, pa="25", b=31, pb="64,5", c=5, pc="10,4")
    assert [v for _, v in _verdicts(text)] == ["unchecked", "truncated", "unchecked"]
    rounded = _RATED.format(a=12, pa="25", b=31, pb="64,6", c=5, pc="10,4")
    assert "truncated" not in [v for _, v in _verdicts(rounded)]


@pytest.mark.parametrize(
    "text",
    [
        # the shares do not add up to a whole: their base is not the sum of the counts
        _RATED.format(a=12, pa="20", b=31, pb="51,6", c=5, pc="8,3"),
        # one share fits no base the counts give: the list says nothing
        _RATED.format(a=12, pa="30", b=31, pb="59,5", c=5, pc="10,5"),
    ],
)
def test_shares_of_classes_that_miss_a_whole_or_their_sum_are_not_flagged(text: str) -> None:
    assert "truncated" not in [v for _, v in _verdicts(text)]


# ------------------------------- a share in brackets of a count named by its words before


def _shares(text: str) -> list[tuple[object, str | None, str | None]]:
    return [
        (s.actual, s.stated, s.verdict) for s in find(text, money=True) if s.stated_kind == "share"
    ]


@pytest.mark.parametrize(("percent", "verdict"), [("64", "truncated"), ("65", "consistent")])
def test_a_share_in_brackets_is_of_the_count_its_words_name_before(
    percent: str, verdict: str
) -> None:
    # 150 of 232 is 64,66 %: 65 rounded, 64 cut
    text = (
        "Năm 2030, phường có 232 thanh niên đăng ký tham gia tình nguyện. Đến cuối năm, 150 "
        f"thanh niên hoàn thành chương trình (bằng {percent}% so với thanh niên đăng ký)."
    )
    assert _shares(text) == [(Decimal("150"), f"{percent}%", verdict)]


@pytest.mark.parametrize(
    "text",
    [
        # two counts the words name: no evidence which is the whole
        "Năm 2029 có 210 thanh niên đăng ký, năm 2030 có 232 thanh niên đăng ký tình nguyện. "
        "Đến cuối năm, 150 thanh niên hoàn thành chương trình (bằng 64% so với thanh niên đăng "
        "ký).",
        # no count the words name
        "Năm 2030, phường có 232 thanh niên tham gia tình nguyện. Đến cuối năm, 150 thanh niên "
        "hoàn thành chương trình (bằng 64% so với thanh niên đăng ký).",
    ],
)
def test_a_share_whose_words_name_no_single_count_before_is_not_read(text: str) -> None:
    assert _shares(text) == []


# ------------------------- an estimate under a heading that names a plan is a result


def test_an_estimate_under_a_heading_naming_a_plan_is_a_result() -> None:
    text = (
        "Báo cáo kế hoạch phát triển kinh tế - xã hội năm 2031 nêu rõ: thu ngân sách của phường "
        "ước đạt 412.500 triệu đồng, bằng 121% kế hoạch."
    )
    found = [s for s in find(text, money=True) if s.stated == "121%"]
    assert [(s.actual, s.target) for s in found] == [(Decimal("412500000000"), None)]


def test_amounts_listed_under_a_heading_that_assigns_targets_stay_targets() -> None:
    text = (
        "Giao chỉ tiêu thu ngân sách năm 2031: phường A 412.500 triệu đồng; phường B 300.000 "
        "triệu đồng."
    )
    found = find(text, money=True)
    assert [(s.actual, s.target) for s in found] == [
        (None, Decimal("412500000000")),
        (None, Decimal("300000000000")),
    ]


# --------------------------------------------- a result said to be a multiple of its plan


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Vốn huy động xây dựng nông thôn mới của xã đạt 640 tỷ đồng, gấp 1,6 lần nghị quyết "
            "đề ra.",
            (Decimal("640000000000"), Decimal("160"), Decimal("400000000000.00")),
        ),
        (
            "Năm 2030, phường kết nạp 36 đoàn viên, gấp 1,2 lần chỉ tiêu được giao.",
            (Decimal("36"), Decimal("120"), Decimal("30.00")),
        ),
    ],
)
def test_a_multiple_of_the_plan_is_an_attainment_of_a_hundred_times_it(
    text: str, expected: tuple[Decimal, Decimal, Decimal]
) -> None:
    found = [s for s in find(text, money=True) if s.stated and "lần" in s.stated]
    assert [(s.actual, s.stated_percent, s.implied_target) for s in found] == [expected]


def test_a_multiple_of_last_year_is_no_attainment() -> None:
    text = "Doanh thu du lịch của xã đạt 640 tỉ đồng, gấp 1,6 lần cùng kỳ năm trước."
    assert [s for s in find(text, money=True) if s.stated_kind == "attainment"] == []


def test_a_result_the_grammar_reads_takes_the_multiple_of_its_plan() -> None:
    # the grammar reads the admissions (metric, year); the multiple adds the attainment
    text = "Năm 2031, đảng bộ xã kết nạp 45 đảng viên, gấp 1,5 lần chỉ tiêu được giao."
    [s] = find(text)
    assert (s.metric, s.year, s.actual) == ("admissions", 2031, Decimal("45"))
    assert (s.stated_percent, s.stated_kind, s.implied_target) == (
        Decimal("150"),
        "attainment",
        Decimal("30.00"),
    )
    assert s.support == "percent_only" and s.stated == "1,5 lần"


def test_a_result_with_a_claim_of_its_own_keeps_it_beside_a_multiple() -> None:
    # a multiple of last year leaves the plain result plain; a result already checked
    # against its plan is not given a second attainment
    [plain] = find("Năm 2031, đảng bộ xã kết nạp 45 đảng viên, gấp 1,5 lần năm trước.")
    assert plain.stated_kind is None and plain.actual == Decimal("45")
    [paired] = find("Năm 2031, đảng bộ xã kết nạp 45/30 đảng viên, gấp 1,5 lần chỉ tiêu.")
    assert (paired.target, paired.stated) == (Decimal("30"), None)


def test_a_tables_result_of_part_of_the_year_and_its_th_kh_column_are_read() -> None:
    cells = ["TT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2030", "Ước TH 6 tháng", "TH/KH (%)"]
    cells += ["1", "Kết nạp đảng viên mới", "người", "120", "70", "58,3"]
    text = "\n".join(cells) + "\n"
    assert checked(text) == [(Decimal("70"), Decimal("120"), Decimal("58.3"), "consistent")]
    # a column of notes after the result's is no percentage
    noted = text.replace("TH/KH (%)", "Ghi chú").replace("\n58,3\n", "\nđạt tiến độ\n")
    assert checked(noted) == [(Decimal("70"), Decimal("120"), None, "unchecked")]
