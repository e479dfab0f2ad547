"""Round 14 of the extraction rules (issue 17): the wrong claims and the misses of batch
``2026-12-04d`` (provincial budgets and disbursement, among others), each as a general rule
of report wording, tested on invented text (never the evaluation set's figures or
sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import attainments, find

BILLION = Decimal(10) ** 9


# --------------------------------------------------------------------------- wrong claims


def test_a_rate_that_counts_more_than_the_amount_paid_is_not_its_attainment() -> None:
    text = (
        "Đến ngày 30/6, tỉnh đã giải ngân 300 tỷ đồng, nếu tính cả khối lượng hoàn thành "
        "chưa thanh toán thì tỷ lệ giải ngân đạt khoảng 26% kế hoạch."
    )
    assert attainments(text) == [(None, None, "26%", "unchecked")]


def test_a_rate_that_leaves_out_an_added_plan_keeps_the_amount_paid() -> None:
    text = (
        "Đến ngày 30/6, tỉnh đã giải ngân 300 tỷ đồng, nếu không tính kế hoạch vốn bổ sung "
        "thì tỷ lệ giải ngân đạt khoảng 26% kế hoạch."
    )
    assert attainments(text) == [(300 * BILLION, None, "26%", "unchecked")]


# --------------------------------------------------------------------------- misses


def _pairs(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.target) for s in find(text) if s.target is not None]


def test_a_growth_with_its_scenario_set_beside_it_after_a_comma() -> None:
    text = (
        "Chín tháng, tốc độ tăng trưởng kinh tế của tỉnh đạt 7,2%, kịch bản đề ra là 8,1%; "
        "thu ngân sách đạt 60% dự toán."
    )
    assert _pairs(text) == [(Decimal("7.2"), Decimal("8.1"))]


def test_a_figure_beside_a_growth_that_is_no_plan_of_its_size_is_left() -> None:
    text = "Chín tháng, tốc độ tăng trưởng kinh tế của tỉnh đạt 7,2%, kế hoạch đề ra là 30%."
    assert _pairs(text) == []
    text = "Chín tháng, tốc độ tăng trưởng kinh tế của tỉnh đạt 7,2%, kế hoạch vốn 8%."
    assert _pairs(text) == []


def test_a_growth_against_the_plan_it_beats_by_a_margin_that_fits() -> None:
    text = (
        "Tốc độ tăng trưởng kinh tế (GRDP) của tỉnh đạt 9,3%, tăng 0,3% so với kế hoạch đề "
        "ra (9%), cao hơn 1,1% so với cùng kỳ năm trước (8,2%)."
    )
    assert _pairs(text) == [(Decimal("9.3"), Decimal("9"))]


def test_a_growth_against_the_scenario_of_the_sentence_before_by_its_margin() -> None:
    text = (
        "Theo kịch bản tăng trưởng quý I, tỉnh phấn đấu tăng 9%. Tốc độ tăng trưởng kinh tế "
        "(GRDP) của tỉnh trong quý I đạt 9,3%, tăng 0,3% so với kịch bản."
    )
    assert _pairs(text) == [(Decimal("9.3"), Decimal("9"))]


def test_a_margin_that_does_not_fit_leaves_the_growth_alone() -> None:
    text = (
        "Tốc độ tăng trưởng kinh tế (GRDP) của tỉnh đạt 9,3%, tăng 1,5% so với kế hoạch đề ra (9%)."
    )
    assert _pairs(text) == []
    text = (
        "Theo kế hoạch, tỉnh phấn đấu tăng 9%. Tốc độ tăng trưởng kinh tế (GRDP) của tỉnh "
        "trong quý I đạt 9,3%, tăng 0,3% so với kịch bản."
    )
    assert _pairs(text) == []


def test_a_growth_short_of_a_floor_set_out_in_the_concession_after_it() -> None:
    text = (
        "Cả năm, thành phố giữ được đà tăng trưởng GRDP 6,9% trong bối cảnh còn nhiều khó "
        "khăn. Và mặc dù chưa đạt mục tiêu đề ra là trên 8%, thành phố vẫn phấn đấu."
    )
    assert _pairs(text) == [(Decimal("6.9"), Decimal("8"))]


def test_a_growth_that_reaches_the_floor_said_unmet_is_left() -> None:
    text = (
        "Cả năm, thành phố giữ được đà tăng trưởng GRDP 8,9% trong bối cảnh còn nhiều khó "
        "khăn. Và mặc dù chưa đạt mục tiêu đề ra là trên 8%, thành phố vẫn phấn đấu."
    )
    assert _pairs(text) == []


def test_a_scale_word_left_over_in_an_amount_reads_the_first_scale() -> None:
    text = (
        "Đến hết tháng 9, kết quả giải ngân vốn đầu tư đạt 600 tỷ triệu đồng, bằng 60% kế "
        "hoạch. Trong đó, nguồn vốn kéo dài giải ngân được 80 tỷ đồng, đạt 70%."
    )
    assert attainments(text) == [
        (600 * BILLION, None, "60%", "unchecked"),
        (80 * BILLION, None, "70%", "unchecked"),
    ]


def test_a_part_s_bare_percentage_after_a_whole_of_no_plan_stays_unread() -> None:
    text = (
        "Đến hết tháng 9, kết quả giải ngân vốn đầu tư đạt 600 tỷ triệu đồng, tăng 20% so "
        "với cùng kỳ. Trong đó, nguồn vốn kéo dài giải ngân được 80 tỷ đồng, đạt 70%."
    )
    assert attainments(text) == []


def test_an_equivalent_bare_percentage_of_a_part_after_a_plan_s_attainment() -> None:
    text = (
        "Vốn đầu tư công giải ngân đạt 900 tỷ đồng, tương ứng 90% kế hoạch; trong đó, vốn "
        "ngân sách Trung ương giải ngân đạt 100 tỷ đồng, hoàn thành khoảng 80% kế hoạch; vốn "
        "ngân sách địa phương đạt 800 tỷ đồng, tương đương 92%."
    )
    assert (800 * BILLION, None, "92%", "unchecked") in attainments(text)


def test_an_equivalent_percentage_of_a_total_named_stays_a_share() -> None:
    text = (
        "Vốn đầu tư công giải ngân đạt 900 tỷ đồng, tương ứng 90% kế hoạch; trong đó, vốn "
        "ngân sách Trung ương giải ngân đạt 100 tỷ đồng, hoàn thành khoảng 80% kế hoạch; vốn "
        "ngân sách địa phương đạt 800 tỷ đồng, tương đương 89% tổng vốn đã giải ngân."
    )
    assert [a for a in attainments(text) if a[0] == 800 * BILLION] == []


def test_a_percentage_after_an_amount_said_with_a_count_is_neither_s() -> None:
    text = (
        "Sáu tháng đầu năm, ngành du lịch của tỉnh ước đón trên 5 triệu lượt du khách với "
        "doanh thu hơn 7.000 tỷ đồng, đạt gần 80% kế hoạch năm."
    )
    assert [a for a in attainments(text) if a[0] is not None] == []


def test_an_amount_after_a_rank_keeps_its_percentage() -> None:
    text = "Xếp hạng số 5 là tỉnh A với tổng thu đạt 700 tỷ đồng, vượt 30% dự toán."
    assert attainments(text) == [(700 * BILLION, None, "30%", "unchecked")]


def test_a_sentence_opening_with_the_plan_s_rate_takes_the_growth_before() -> None:
    text = (
        "Giá trị tổng sản phẩm trên địa bàn tỉnh đạt trên 300.000 tỉ đồng (tăng 8,7% so với "
        "năm trước). So với mục tiêu được giao là 8% thì tỉnh thuộc nhóm tăng cao."
    )
    assert _pairs(text) == [(Decimal("8.7"), Decimal("8"))]


def test_a_plan_s_rate_far_from_the_growth_before_is_left() -> None:
    text = (
        "Giá trị tổng sản phẩm trên địa bàn tỉnh đạt trên 300.000 tỉ đồng (tăng 8,7% so với "
        "năm trước). So với mục tiêu được giao là 30% thì còn xa."
    )
    assert _pairs(text) == []


# --------------------------------------------------------------------------- audit


def _flagged(text: str) -> list[str]:
    from kpitools.extract import audit_statements

    audit = audit_statements(find(text, money=True))
    return [r["text"] for r in audit.to_dicts() if r["verdict"] == "inconsistent"]


def test_a_share_that_cannot_be_of_the_whole_its_siblings_fit_is_flagged() -> None:
    text = (
        "Tổng thu ngân sách trên địa bàn tỉnh đạt hơn 50.000 tỷ đồng, bằng 60% dự toán. Thu "
        "nội địa đạt 30.000 tỷ đồng, chiếm khoảng 60% tổng thu. Thu từ dầu thô đạt 12.500 tỷ "
        "đồng (chiếm 25%) và thu từ hoạt động xuất nhập khẩu đạt 7.000 tỷ đồng (chiếm 15%)."
    )
    assert _flagged(text) == ["7.000 tỷ đồng (chiếm 15%)"]


def test_shares_that_fit_or_a_whole_only_one_sibling_fits_are_not_flagged() -> None:
    text = (
        "Tổng thu ngân sách trên địa bàn tỉnh đạt 50.000 tỷ đồng, bằng 60% dự toán. Thu nội "
        "địa đạt 30.000 tỷ đồng, chiếm 60% tổng thu. Thu từ dầu thô đạt 12.500 tỷ đồng "
        "(chiếm 25%) và thu từ hoạt động xuất nhập khẩu đạt 7.000 tỷ đồng (chiếm 14%)."
    )
    assert _flagged(text) == []
    text = (
        "Tổng thu ngân sách trên địa bàn tỉnh đạt 50.000 tỷ đồng, bằng 60% dự toán. Thu nội "
        "địa đạt 30.000 tỷ đồng, chiếm 55% tổng thu cả vùng. Thu từ dầu thô đạt 12.500 tỷ "
        "đồng (chiếm 25%) và thu từ hoạt động xuất nhập khẩu đạt 7.000 tỷ đồng (chiếm 16%)."
    )
    assert _flagged(text) == []
