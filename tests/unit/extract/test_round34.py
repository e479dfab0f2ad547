"""Round 34 of the extraction rules (issue 17): each a general rule of report wording, tested
on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from reading import attainments, find

# ------------------------------- a bracketed bare percentage in a list that names its plan


def test_a_bracketed_bare_percentage_in_a_plan_list_is_an_attainment() -> None:
    text = (
        "Cả nhiệm kỳ, phường thực hiện vượt nhiều chỉ tiêu: sản lượng rau đạt 2.700 tấn "
        "(đạt 108% so với nghị quyết); trồng cây xanh 35 ha (bằng 117%); thu nhập bình "
        "quân 71 triệu đồng (đạt 101%)."
    )
    found = [(a, s) for a, _, s, _ in attainments(text)]
    assert found == [(2700, "108%"), (35, "117%"), (71_000_000, "101%")]


def test_a_bracketed_bare_percentage_with_no_plan_named_around_it_is_no_attainment() -> None:
    text = "Cả năm, sản lượng rau đạt 2.700 tấn (bằng 96%); trồng cây xanh 35 ha (bằng 117%)."
    assert attainments(text) == []


# ------------------------------- words before a list saying its targets were met or beaten


def test_a_bare_percentage_after_words_that_say_the_targets_were_beaten_is_an_attainment() -> None:
    text = (
        "Cả nhiệm kỳ, phường đã thực hiện vượt mức các chỉ tiêu đề ra. Trong năm năm, diện "
        "tích trồng hoa hơn 640 ha, đạt 128%; sản lượng cá 910 tấn."
    )
    assert [(a, s) for a, _, s, _ in attainments(text)] == [(640, "128%")]


def test_a_bare_percentage_after_words_that_name_no_target_met_is_no_attainment() -> None:
    text = (
        "Cả nhiệm kỳ, phường đã gặp nhiều trở ngại. Trong năm năm, diện tích trồng hoa "
        "hơn 640 ha, đạt 128%; sản lượng cá 910 tấn."
    )
    assert attainments(text) == []


# ----------------------------------------- "cao hơn" a plan, and a plan named with its giver


def test_above_a_plan_named_before_the_percentage_is_an_excess() -> None:
    assert attainments("Doanh thu dịch vụ đạt 3.150 tỷ đồng, cao hơn kế hoạch 5%.") == [
        (3_150_000_000_000, None, "5%", "unchecked")
    ]
    assert attainments("Doanh thu dịch vụ đạt 3.150 tỷ đồng, vượt kế hoạch quận giao 5%.") == [
        (3_150_000_000_000, None, "5%", "unchecked")
    ]


def test_above_with_no_plan_named_is_no_excess() -> None:
    assert attainments("Doanh thu dịch vụ đạt 3.150 tỷ đồng, cao hơn 5%.") == []
    # the excess in brackets after a rate is the rate's, not the amount's
    assert [
        s
        for a, _, s, _ in attainments(
            "Số thu bảo hiểm đạt 640 tỷ đồng, đạt tỷ lệ 31,5% (vượt chỉ tiêu giao 1,5%)."
        )
        if a is not None and s == "1,5%"
    ] == []


# ------------------------------ a whole year's percentage after a figure for part of the year


def test_a_whole_years_percentage_is_not_of_a_part_years_figure() -> None:
    text = (
        "Thu ngân sách 8 tháng đầu năm đạt 460 tỷ đồng, bằng 71% dự toán; ước cả năm đạt "
        "102% dự toán."
    )
    assert [(a, s) for a, _, s, _ in attainments(text)] == [
        (460_000_000_000, "71%"),
        (None, "102%"),
    ]


def test_a_whole_years_percentage_after_a_years_figure_stays_with_it() -> None:
    text = "Thu ngân sách năm nay đạt 460 tỷ đồng, bằng 71% dự toán; ước cả năm đạt 102% dự toán."
    assert [(a, s) for a, _, s, _ in attainments(text)] == [
        (460_000_000_000, "71%"),
        (460_000_000_000, "102%"),
    ]


# ---------------- a percentage of a plan goes to the result-over-plan pair that gives it


def test_a_percentage_of_a_plan_joins_the_earlier_pair_that_gives_it() -> None:
    text = "Năm nay, cây chè 25/20 ha, thu 310 tấn, tăng 25% so với kế hoạch; cây quế 9/9 ha."
    found = [(s.actual, s.target, s.stated, s.verdict) for s in find(text) if s.stated]
    assert found == [(25, 20, "25%", "consistent")]


def test_a_percentage_of_a_plan_the_pair_does_not_give_stays_with_the_nearer_figure() -> None:
    text = "Năm nay, cây chè 25/20 ha, thu 310 tấn, tăng 15% so với kế hoạch; cây quế 9/9 ha."
    found = [(s.actual, s.target, s.stated) for s in find(text) if s.stated]
    assert found == [(310, None, "15%")]


# ------------------------- a yearly figure in a list said to meet its targets is a result


def test_a_yearly_figure_in_a_list_said_to_meet_its_targets_is_a_result() -> None:
    text = (
        "Các chỉ tiêu của phường đều đạt và vượt như: đào tạo nghề mỗi năm cho 120 lao "
        "động/năm (bằng 112%); trồng rừng 40 ha (đạt 103% so với nghị quyết)."
    )
    assert [(a, s) for a, _, s, _ in attainments(text)] == [(120, "112%"), (40, "103%")]


def test_a_yearly_figure_striven_for_after_targets_met_stays_a_target() -> None:
    text = (
        "Các chỉ tiêu của phường đều đạt và vượt; nhiệm kỳ tới phấn đấu đào tạo nghề mỗi năm "
        "cho 90 lao động."
    )
    assert [(s.actual, s.target) for s in find(text)] == [(None, 90)]
