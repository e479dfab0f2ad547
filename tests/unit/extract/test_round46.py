"""Round 46 of the extraction rules (issue 17), each tested on invented text (never the
evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from reading import attained, checked, claim_rows, find

from kpitools.extract import audit_statements

D = Decimal

# ------------------------------ a few kinds listed after "gồm", far short of their whole


def _sum_verdicts(text: str) -> list[str]:
    audit = audit_statements(find(text, money=True))
    return [v for c, v in zip(audit["check"], audit["verdict"], strict=True) if c == "sum"]


def test_a_few_kinds_named_among_a_whole_are_no_sum_of_it() -> None:
    text = (
        "Năm 2031, hội có tổng số 640 người (gồm 25 người ở ban điều hành, 40 người mới vào "
        "trong năm và 12 người ở nước ngoài)."
    )
    assert "inconsistent" not in _sum_verdicts(text)


def test_parts_near_their_whole_after_gom_are_still_summed() -> None:
    text = (
        "Năm 2031, hội có tổng số 640 người (gồm 250 người ở chi hội một, 340 người ở chi hội "
        "hai và 20 người ở chi hội ba)."
    )
    assert _sum_verdicts(text) == ["inconsistent"]


# ------------------------------ a bare "tương đương N%" after a share is a share, no
# attainment of the plan named earlier in the paragraph


def test_a_bare_percentage_after_a_share_is_no_attainment() -> None:
    text = (
        "Sáu tháng, tập đoàn Hòa An đạt doanh thu 4.200 tỷ đồng, hoàn thành 47% kế hoạch năm. "
        "Trong đó, khối bán lẻ và khối bán buôn góp 3.400 tỷ đồng, chiếm 81% tổng doanh thu. "
        "Khối dịch vụ thu 630 tỷ đồng, tương đương 15%."
    )
    assert [p for _, _, p, _ in attained(text)] == [47]


def test_a_bare_percentage_right_after_an_attainment_stays_one() -> None:
    text = (
        "Sáu tháng, tập đoàn Hòa An đạt doanh thu 4.200 tỷ đồng, hoàn thành 47% kế hoạch năm; "
        "khối dịch vụ thu 630 tỷ đồng, tương đương 45%."
    )
    assert [p for _, _, p, _ in attained(text)] == [47, 45]


# ------------------------------ a running total that names the period's new ones is the
# period's result (its percentage is the total's, not the increment's)


def test_a_total_of_the_years_admissions_takes_the_percentage() -> None:
    text = (
        "Trong quý II/2031, Đảng ủy xã Hòa Bình kết nạp thêm 4 đảng viên, nâng tổng số đảng "
        "viên kết nạp trong năm lên 13 đồng chí, đạt 65% chỉ tiêu."
    )
    assert [(a, p) for a, _, p, _ in attained(text)] == [(13, 65)]


def test_a_total_of_all_members_leaves_the_percentage_to_the_admitted() -> None:
    text = (
        "Trong quý II/2031, Đảng ủy xã Hòa Bình kết nạp thêm 4 đảng viên, nâng tổng số đảng "
        "viên của Đảng bộ lên 613 đồng chí, đạt 40% chỉ tiêu."
    )
    assert [(a, p) for a, _, p, _ in attained(text)] == [(4, 40)]


# ------------------------------ "giao <a unit> kết nạp N": a count assigned, a target


def test_a_count_a_unit_is_given_to_admit_is_its_target() -> None:
    text = (
        "Năm 2031, thành phố giao xã Hòa Bình kết nạp 24 đảng viên. Đến hết tháng 9, xã kết "
        "nạp 15 đảng viên, đạt 60%."
    )
    assert checked(text) == [(15, 24, 60, "inconsistent")]


def test_a_count_handed_over_is_no_target() -> None:
    text = (
        "Năm 2031, xã Hòa Bình đã bàn giao 24 căn nhà. Đến hết tháng 9, xã kết nạp 15 đảng "
        "viên, đạt 60%."
    )
    assert checked(text) == []


# ------------------------------ two counts, the first with a place after its noun, then
# their attainments said respectively


def test_respective_attainments_after_a_count_with_its_place() -> None:
    text = (
        "Năm 2031, Công đoàn xã Hòa Bình thành lập 4 công đoàn cơ sở tại doanh nghiệp ngoài "
        "nhà nước, kết nạp 270 đoàn viên, đạt lần lượt 80% và 108% kế hoạch."
    )
    assert [(a, p) for a, _, p, _ in attained(text)] == [(4, 80), (270, 108)]


def test_respective_percentages_with_no_plan_named_are_not_read() -> None:
    text = (
        "Năm 2031, Công đoàn xã Hòa Bình thành lập 4 công đoàn cơ sở tại doanh nghiệp ngoài "
        "nhà nước, kết nạp 270 đoàn viên, đạt lần lượt 80% và 108%."
    )
    assert attained(text) == []


# ------------------------------ a count's bare "đạt X%" takes the plan of the same noun an
# earlier sentence of its paragraph sets out, when X fits it to its last digit


def test_a_bare_percentage_of_members_takes_the_plan_set_out_before() -> None:
    text = (
        "Năm 2031, Đảng ủy xã Hòa Bình đặt chỉ tiêu kết nạp 32 đảng viên. Đến hết tháng 10, "
        "xã đã kết nạp 24 đảng viên, đạt 75%."
    )
    assert checked(text) == [(24, 32, 75, "consistent")]


def test_a_bare_percentage_that_does_not_fit_the_plan_before_is_not_linked() -> None:
    text = (
        "Năm 2031, Đảng ủy xã Hòa Bình đặt chỉ tiêu kết nạp 32 đảng viên. Đến hết tháng 10, "
        "xã đã kết nạp 24 đảng viên, đạt 80%."
    )
    assert checked(text) == []


def test_a_bare_percentage_of_another_noun_takes_no_plan_of_members() -> None:
    text = (
        "Năm 2031, Đảng ủy xã Hòa Bình đặt chỉ tiêu kết nạp 32 đảng viên. Đến hết tháng 10, "
        "xã đã trồng 24 cây xanh, đạt 75%."
    )
    assert checked(text) == []


def test_a_bare_percentage_takes_a_count_a_unit_was_given_before() -> None:
    text = (
        "Năm 2031, thành phố giao xã Hòa Bình kết nạp 32 đảng viên. Đến hết tháng 10, xã đã "
        "kết nạp 24 đảng viên, đạt 75%."
    )
    assert checked(text) == [(24, 32, 75, "consistent")]


def test_a_bare_percentage_takes_no_amount_of_money_handed_over_before() -> None:
    text = (
        "Năm 2031, huyện đã giao cho các công trình 320 tỷ đồng. Đến hết tháng 10, huyện "
        "giải ngân 240 tỷ đồng, đạt 75%."
    )
    assert checked(text) == []


# ------------------------------ a target set out for another term is no target of a result
# of the term before, in its sentence or in another


def test_a_next_terms_target_in_the_same_sentence_is_not_the_results() -> None:
    text = (
        "Đảng bộ xã Hòa Bình đã kết nạp 640 đảng viên trong nhiệm kỳ 2025-2030, đạt 128% Nghị "
        "quyết; nhiệm kỳ 2030-2035 đặt chỉ tiêu kết nạp 700 đảng viên."
    )
    assert checked(text) == []


def test_a_next_terms_target_in_the_next_sentence_is_not_the_results() -> None:
    text = (
        "Nhiệm kỳ 2025-2030, Đảng bộ xã Hòa Bình kết nạp 640 đảng viên, đạt 128% Nghị quyết. "
        "Nhiệm kỳ 2030-2035, Đảng bộ xã Hòa Bình đặt chỉ tiêu kết nạp 700 đảng viên."
    )
    assert checked(text) == []


def test_the_same_terms_target_is_the_results() -> None:
    text = (
        "Đảng bộ xã Hòa Bình đã kết nạp 640 đảng viên trong nhiệm kỳ 2025-2030, đạt 128% chỉ "
        "tiêu Nghị quyết đề ra là 500 đảng viên."
    )
    assert checked(text) == [(640, 500, 128, "consistent")]


# ------------------------------ targets assigned in a list: a later item with a verb of its
# own ("…, thành lập 2 tổ chức đảng") is a target too


def test_a_later_item_of_targets_assigned_is_a_target() -> None:
    text = (
        "Năm 2031, xã Hòa Bình được giao chỉ tiêu kết nạp 25 đảng viên, thành lập 4 chi bộ. "
        "Đến hết tháng 9, xã đã thành lập 3 chi bộ, đạt 75%."
    )
    assert checked(text) == [(3, 4, 75, "consistent")]


def test_a_result_after_a_target_assigned_with_no_verb_stays_a_result() -> None:
    text = "Năm 2031, xã Hòa Bình được giao chỉ tiêu 25 đảng viên, kết nạp 30 đảng viên, đạt 120%."
    assert checked(text) == [(30, 25, 120, "consistent")]


# ------------------------------ a lead's percentage of a plan takes the one amount of its
# measure the body writes


def test_a_leads_percentage_takes_the_bodys_one_amount_of_its_measure() -> None:
    text = (
        "Nửa đầu năm 2031, lợi nhuận của công ty Hòa An mới bằng 45% kế hoạch cả năm.\n\n"
        "Báo cáo cho thấy doanh thu nửa năm là 7.200 tỷ đồng, lợi nhuận sau thuế là 900 tỷ "
        "đồng."
    )
    assert [(a, p) for a, _, p, _ in attained(text)] == [(Decimal("900000000000"), 45)]


def test_a_leads_percentage_with_two_amounts_of_its_measure_takes_none() -> None:
    text = (
        "Nửa đầu năm 2031, lợi nhuận của công ty Hòa An mới bằng 45% kế hoạch cả năm.\n\n"
        "Báo cáo cho thấy lợi nhuận quý II là 400 tỷ đồng; lũy kế nửa năm, lợi nhuận là 900 "
        "tỷ đồng."
    )
    assert [a for a, _, _, _ in attained(text)] == [None]


# ------------------------------ a probe of invented sentences in the style of a city's Party
# committee reports of communes and wards (2026): what each is read as, claims only (actual,
# target, kind, stated percent, verdict); a sentence with no claim is a negative case

_PROBE: list[tuple[str, list[tuple[object, ...]]]] = [
    (
        ("Năm 2026, Đảng ủy phường Tây Hồ kết nạp 42 đảng viên, đạt 105% chỉ tiêu thành phố giao."),
        [
            (42, None, "attainment", 105, "unchecked"),
        ],
    ),
    (
        ("Đảng bộ xã Sóc Sơn kết nạp được 1.250 đảng viên mới, bằng 96,2% kế hoạch."),
        [
            (1250, None, "attainment", D("96.2"), "unchecked"),
        ],
    ),
    (
        ("Đảng bộ phường Hoàn Kiếm kết nạp 38/35 đảng viên, đạt 108,6%."),
        [
            (38, 35, "attainment", D("108.6"), "consistent"),
        ],
    ),
    (
        ("6 tháng đầu năm 2026, Đảng ủy xã Thanh Trì kết nạp 27 đảng viên, đạt 54% chỉ tiêu năm."),
        [
            (27, None, "attainment", 54, "unchecked"),
        ],
    ),
    (
        (
            "Quý I/2026, toàn Đảng bộ phường Cầu Giấy kết nạp 15 đảng viên (chỉ tiêu cả năm "
            "60 đảng viên)."
        ),
        [
            (15, 60, None, None, None),
        ],
    ),
    (
        (
            "Nhiệm kỳ 2020 - 2025, Đảng bộ xã Đông Anh kết nạp 1,380 đảng viên, vượt 15% chỉ "
            "tiêu Nghị quyết đề ra."
        ),
        [
            (1380, None, "excess", 15, "unchecked"),
        ],
    ),
    (
        (
            "Nhiệm kỳ 2020–2025, Đảng bộ phường Ba Đình đã kết nạp 612 đảng viên, vượt chỉ "
            "tiêu đề ra (500 đảng viên)."
        ),
        [
            (612, 500, None, None, None),
        ],
    ),
    (
        (
            "Mục tiêu nhiệm kỳ 2025 - 2030, Đảng bộ xã Gia Lâm phấn đấu kết nạp từ 400 đảng "
            "viên trở lên."
        ),
        [],
    ),
    (
        ("Phấn đấu đến năm 2030, 100% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ."),
        [],
    ),
    (
        (
            "Năm 2026, Thành ủy giao chỉ tiêu kết nạp 12.000 đảng viên; đến hết quý II, toàn "
            "thành phố kết nạp được 5.400 đảng viên, đạt 45%."
        ),
        [
            (5400, 12000, "attainment", 45, "consistent"),
        ],
    ),
    (
        (
            "Đảng ủy phường Long Biên đã thành lập mới 3 tổ chức cơ sở đảng trong doanh "
            "nghiệp tư nhân, đạt 100% kế hoạch."
        ),
        [
            (3, None, "attainment", 100, "unchecked"),
        ],
    ),
    (
        ("Trong năm, xã Mê Linh thành lập 5 chi bộ, vượt 2 chi bộ so với chỉ tiêu."),
        [
            (5, 3, "excess_count", None, "unchecked"),
        ],
    ),
    (
        ("Đảng bộ phường Hà Đông thành lập được 4/5 tổ chức đảng theo kế hoạch, đạt 80%."),
        [
            (4, 5, "attainment", 80, "consistent"),
        ],
    ),
    (
        (
            "Công đoàn phường Thanh Xuân phát triển 1.500 đoàn viên công đoàn, đạt 125% chỉ "
            "tiêu Liên đoàn Lao động thành phố giao."
        ),
        [
            (1500, None, "attainment", 125, "unchecked"),
        ],
    ),
    (
        (
            "Liên đoàn Lao động xã Ba Vì thành lập 6 công đoàn cơ sở trong doanh nghiệp ngoài"
            " nhà nước, đạt 120% kế hoạch năm."
        ),
        [
            (6, None, "attainment", 120, "unchecked"),
        ],
    ),
    (
        (
            "Năm 2026, Hội Liên hiệp Phụ nữ phường Đống Đa kết nạp 320 hội viên mới, vượt 7% "
            "chỉ tiêu."
        ),
        [
            (320, None, "excess", 7, "unchecked"),
        ],
    ),
    (
        ("Đoàn Thanh niên xã Phúc Thọ phát triển mới 210 đoàn viên, đạt 84% kế hoạch."),
        [
            (210, None, "attainment", 84, "unchecked"),
        ],
    ),
    (
        ("Hội Nông dân xã Chương Mỹ kết nạp khoảng 150 hội viên, đạt gần 90% chỉ tiêu giao."),
        [
            (150, None, "attainment", 90, "unchecked"),
        ],
    ),
    (
        ("Hội Cựu chiến binh phường Hoàng Mai phát triển hơn 60 hội viên, đạt trên 100% kế hoạch."),
        [
            (60, None, "attainment", 100, "unchecked"),
        ],
    ),
    (
        ("Toàn Đảng bộ phường Nam Từ Liêm có 2.318 đảng viên, sinh hoạt tại 86 chi bộ."),
        [],
    ),
    (
        ("Tỷ lệ đảng viên được đánh giá hoàn thành tốt nhiệm vụ trở lên đạt 92,5%."),
        [],
    ),
    (
        ("Có 95% tổ chức cơ sở đảng được xếp loại hoàn thành tốt nhiệm vụ."),
        [],
    ),
    (
        (
            "Đảng bộ xã Thạch Thất có 45 chi bộ, trong đó 30 chi bộ nông thôn, 9 chi bộ "
            "trường học và 6 chi bộ cơ quan."
        ),
        [],
    ),
    (
        (
            "Đảng bộ phường Bồ Đề có 1.200 đảng viên, gồm 850 đảng viên ở chi bộ khu dân cư "
            "và 350 đảng viên ở các chi bộ khác."
        ),
        [],
    ),
    (
        (
            "Năm 2026, Đảng ủy xã Quốc Oai đặt chỉ tiêu kết nạp 50 đảng viên. Đến hết tháng "
            "9, xã đã kết nạp 41 đảng viên, đạt 82%."
        ),
        [
            (41, 50, "attainment", 82, "consistent"),
        ],
    ),
    (
        (
            "Chỉ tiêu kết nạp đảng viên năm 2026 của phường Yên Hòa là 30 đồng chí. 9 tháng, "
            "phường kết nạp 24 đồng chí."
        ),
        [
            (24, 30, None, None, None),
        ],
    ),
    (
        (
            "Thành phố giao Đảng bộ xã Sơn Tây chỉ tiêu 35 đảng viên; kết quả, xã kết nạp 37 "
            "đảng viên, đạt 105,7%."
        ),
        [
            (37, 35, "attainment", D("105.7"), "consistent"),
        ],
    ),
    (
        ("Đảng ủy phường Kim Liên kết nạp 22 đảng viên, đạt 110% so với chỉ tiêu (20 đảng viên)."),
        [
            (22, 20, "attainment", 110, "consistent"),
        ],
    ),
    (
        ("Đảng ủy xã Đan Phượng kết nạp 18 đảng viên, đạt 90% chỉ tiêu (20 đảng viên)."),
        [
            (18, 20, "attainment", 90, "consistent"),
        ],
    ),
    (
        ("Đảng ủy xã Hoài Đức kết nạp 18 đảng viên, đạt 95% chỉ tiêu (20 đảng viên)."),
        [
            (18, 20, "attainment", 95, "inconsistent"),
        ],
    ),
    (
        (
            "Toàn thành phố thành lập mới 156 công đoàn cơ sở, phát triển 21.300 đoàn viên, "
            "lần lượt đạt 104% và 106,5% kế hoạch."
        ),
        [
            (156, None, "attainment", 104, "unchecked"),
            (21300, None, "attainment", D("106.5"), "unchecked"),
        ],
    ),
    (
        (
            "Trong 6 tháng đầu năm 2026, các xã, phường kết nạp 3.210 đảng viên, tăng 12% so "
            "với cùng kỳ năm 2025."
        ),
        [],
    ),
    (
        (
            "Số đảng viên kết nạp trong quý II là 1.100 đồng chí, bằng 48% số kết nạp của cả "
            "6 tháng."
        ),
        [],
    ),
    (
        (
            "Đảng bộ phường Tương Mai kết nạp 14 đảng viên, trong đó 9 đảng viên là đoàn viên"
            " thanh niên."
        ),
        [],
    ),
    (
        (
            "Đảng bộ xã Phú Xuyên kết nạp 33 đảng viên; 100% chi bộ thôn có đảng viên là "
            "người dân tộc."
        ),
        [],
    ),
    (
        ("Tỷ lệ tổ dân phố có chi bộ đạt 100%."),
        [],
    ),
    (
        ("Năm 2025, Đảng bộ phường Định Công kết nạp 19 đảng viên, bằng 76% so với năm 2024."),
        [],
    ),
    (
        (
            "Đảng bộ xã Ứng Hòa có trên 1.500 đảng viên; năm 2026 kết nạp gần 60 đảng viên, "
            "đạt 120% chỉ tiêu."
        ),
        [
            (60, None, "attainment", 120, "unchecked"),
        ],
    ),
    (
        (
            "Đảng bộ phường Láng kết nạp 1.500 đảng viên trong nhiệm kỳ, đạt 100% chỉ tiêu "
            "Nghị quyết Đại hội."
        ),
        [
            (1500, None, "attainment", 100, "unchecked"),
        ],
    ),
    (
        (
            "Năm 2026, xã Thường Tín có 8 tổ chức đảng trong doanh nghiệp, tăng 2 tổ chức so "
            "với năm 2025."
        ),
        [],
    ),
    (
        ("Đảng ủy phường Việt Hưng đề ra mục tiêu kết nạp 45 đảng viên trong năm 2026."),
        [],
    ),
    (
        (
            "Đến 30/6/2026, Đảng ủy phường Việt Hưng đã kết nạp 20 đảng viên, đạt 44,4% kế "
            "hoạch năm."
        ),
        [
            (20, None, "attainment", D("44.4"), "unchecked"),
        ],
    ),
    (
        (
            "Công đoàn cơ sở công ty Minh Phát có 420 đoàn viên trên tổng số 450 lao động, "
            "đạt tỷ lệ 93,3%."
        ),
        [
            (420, 450, "rate", D("93.3"), "unchecked"),
        ],
    ),
    (
        ("Hội Chữ thập đỏ phường Phương Liệt phát triển 85 hội viên, đạt 170% chỉ tiêu."),
        [
            (85, None, "attainment", 170, "unchecked"),
        ],
    ),
    (
        (
            "Cả năm, Đoàn phường Khương Đình giới thiệu 25 đoàn viên ưu tú cho Đảng xem xét "
            "kết nạp, vượt 25% chỉ tiêu."
        ),
        [
            (25, None, "excess", 25, "unchecked"),
        ],
    ),
    (
        ("6 tháng, xã Bất Bạt kết nạp 9 đảng viên, đạt 45% kế hoạch năm (20 đảng viên)."),
        [
            (9, 20, "attainment", 45, "consistent"),
        ],
    ),
    (
        (
            "Đảng bộ xã Tây Phương có 62 chi bộ trực thuộc; 58/62 chi bộ được đánh giá hoàn "
            "thành tốt nhiệm vụ, đạt 93,5%."
        ),
        [
            (58, 62, "coverage", D("93.5"), "consistent"),
        ],
    ),
    (
        (
            "Năm 2026, các phường trên địa bàn kết nạp 2.500 đảng viên, các xã kết nạp 1.700 "
            "đảng viên."
        ),
        [],
    ),
    (
        (
            "Trong quý III/2026, Đảng ủy xã Kiều Phú kết nạp thêm 5 đảng viên, nâng tổng số "
            "đảng viên kết nạp trong năm lên 21 đồng chí, đạt 84% chỉ tiêu."
        ),
        [
            (21, None, "attainment", 84, "unchecked"),
        ],
    ),
    (
        (
            "Nhiệm kỳ qua, Đảng bộ phường Ô Chợ Dừa kết nạp 480 đảng viên (bình quân 96 đảng "
            "viên/năm)."
        ),
        [],
    ),
    (
        (
            "Năm 2026, toàn thành phố có 126 xã, phường thực hiện đạt và vượt chỉ tiêu kết "
            "nạp đảng viên."
        ),
        [],
    ),
    (
        (
            "Đảng ủy xã Yên Xuân kết nạp 10 đảng viên, đạt 50% chỉ tiêu được giao, thấp nhất "
            "trong khu vực."
        ),
        [
            (10, None, "attainment", 50, "unchecked"),
        ],
    ),
    (
        ("Đảng ủy phường Văn Miếu kết nạp 25 đảng viên, vượt 5 đảng viên so với chỉ tiêu."),
        [
            (25, 20, "excess_count", None, "unchecked"),
        ],
    ),
    (
        ("Đảng ủy phường Văn Miếu kết nạp 25 đảng viên, vượt 25% so với chỉ tiêu 20 đảng viên."),
        [
            (25, 20, "excess", 25, "consistent"),
        ],
    ),
    (
        ("Đảng ủy phường Văn Miếu kết nạp 25 đảng viên, vượt 20% so với chỉ tiêu 20 đảng viên."),
        [
            (25, 20, "excess", 20, "inconsistent"),
        ],
    ),
    (
        (
            "Hội Liên hiệp Thanh niên xã Minh Châu phát triển 1,200 hội viên, đạt 80% so với "
            "kế hoạch 1,500 hội viên."
        ),
        [
            (1200, 1500, "attainment", 80, "consistent"),
        ],
    ),
    (
        (
            "Năm 2026, Công đoàn phường Ngọc Hà thành lập 3 công đoàn cơ sở tại doanh nghiệp "
            "tư nhân, kết nạp 310 đoàn viên, đạt lần lượt 100% và 103%."
        ),
        [],
    ),
    (
        (
            "Đảng ủy xã Hòa Lạc kết nạp 14 đảng viên trong 9 tháng, trong khi cùng kỳ năm "
            "2025 kết nạp 11 đảng viên."
        ),
        [],
    ),
    (
        ("Kết quả, 86/88 tổ chức cơ sở đảng hoàn thành nhiệm vụ, chiếm 97,7%."),
        [
            (86, 88, "share", D("97.7"), "consistent"),
        ],
    ),
    (
        (
            "Nửa đầu năm 2026, Đảng bộ phường Hai Bà Trưng kết nạp 31 đảng viên, bằng 62% chỉ"
            " tiêu cả năm (50 đảng viên)."
        ),
        [
            (31, 50, "attainment", 62, "consistent"),
        ],
    ),
    (
        (
            "Đảng bộ phường Phú Thượng kết nạp 17 đảng viên, đạt 85% chỉ tiêu; thành lập 2 "
            "chi bộ doanh nghiệp, đạt 100% kế hoạch."
        ),
        [
            (17, None, "attainment", 85, "unchecked"),
            (2, None, "attainment", 100, "unchecked"),
        ],
    ),
    (
        ("Xã Nam Phù kết nạp 13 đảng viên, đạt 130%; xã Ngọc Hồi kết nạp 9 đảng viên, đạt 90%."),
        [
            (13, None, "attainment", 130, "unchecked"),
            (9, None, "attainment", 90, "unchecked"),
        ],
    ),
    (
        (
            "Năm 2026 Đảng ủy phường Tùng Thiện phấn đấu kết nạp trên 30 đảng viên, đến nay "
            "đã kết nạp 32 đảng viên."
        ),
        [
            (32, 30, None, None, None),
        ],
    ),
    (
        (
            "Đảng bộ xã Vân Đình kết nạp khoảng 1.500 đảng viên trong nhiệm kỳ 2020 - 2025, "
            "bằng 115% chỉ tiêu."
        ),
        [
            (1500, None, "attainment", 115, "unchecked"),
        ],
    ),
    (
        ("Số hội viên Hội Nông dân xã Đoài Phương đạt 3.400 người, chiếm 68% số hộ nông dân."),
        [],
    ),
    (
        (
            "Tổng số đoàn viên công đoàn của phường Xuân Phương là 8.200 người, tăng 600 "
            "người so với đầu nhiệm kỳ."
        ),
        [],
    ),
    (
        (
            "Quý I/2026, Liên đoàn Lao động thành phố thành lập 48 công đoàn cơ sở, đạt 24% "
            "kế hoạch năm; kết nạp 5.100 đoàn viên, đạt 21,3%."
        ),
        [
            (48, None, "attainment", 24, "unchecked"),
            (5100, None, "attainment", D("21.3"), "unchecked"),
        ],
    ),
    (
        ("Năm 2026, Thành ủy giao phường Thượng Cát kết nạp 28 đảng viên."),
        [],
    ),
    (
        (
            "Đảng ủy phường Thượng Cát đã kết nạp 30 đảng viên trong năm 2026, vượt chỉ tiêu "
            "thành phố giao."
        ),
        [],
    ),
    (
        ("Có 12/15 chi bộ kết nạp được đảng viên mới, đạt 80% số chi bộ."),
        [
            (12, 15, "coverage", None, None),
        ],
    ),
    (
        (
            "Năm 2026, Thành ủy giao phường Thượng Cát kết nạp 28 đảng viên. Đảng ủy phường "
            "Thượng Cát đã kết nạp 30 đảng viên trong năm 2026, vượt chỉ tiêu thành phố giao."
        ),
        [
            (30, 28, None, None, None),
        ],
    ),
    (
        (
            "Đảng ủy phường Việt Hưng đề ra mục tiêu kết nạp 45 đảng viên trong năm 2026. Đến"
            " 30/6/2026, Đảng ủy phường Việt Hưng đã kết nạp 20 đảng viên, đạt 44,4% kế hoạch"
            " năm."
        ),
        [
            (20, 45, "attainment", D("44.4"), "consistent"),
        ],
    ),
    (
        (
            "Năm 2026, thành phố giao xã Phù Đổng kết nạp 40 đảng viên. 9 tháng, xã kết nạp "
            "30 đảng viên, đạt 75%."
        ),
        [
            (30, 40, "attainment", 75, "consistent"),
        ],
    ),
    (
        (
            "Năm 2026, thành phố giao xã Phù Đổng kết nạp 40 đảng viên. 9 tháng, xã kết nạp "
            "30 đảng viên, đạt 70%."
        ),
        [
            (30, 40, "attainment", 70, "inconsistent"),
        ],
    ),
    (
        (
            "6 tháng đầu năm 2026, phường Định Công kết nạp thêm 5 đảng viên, nâng tổng số "
            "đảng viên của Đảng bộ lên 1.205 đồng chí."
        ),
        [],
    ),
    (
        (
            "Năm 2026, Công đoàn phường Ngọc Hà thành lập 3 công đoàn cơ sở tại doanh nghiệp "
            "tư nhân, kết nạp 310 đoàn viên, đạt lần lượt 100% và 103% kế hoạch."
        ),
        [
            (3, None, "attainment", 100, "unchecked"),
            (310, None, "attainment", 103, "unchecked"),
        ],
    ),
    (
        (
            "Năm 2025, toàn Đảng bộ kết nạp 1.050 đảng viên. Năm 2026, Thành ủy đặt mục tiêu "
            "kết nạp 1.200 đảng viên; 6 tháng đầu năm đã kết nạp 640 đảng viên, đạt 53,3%."
        ),
        [
            (640, 1200, "attainment", D("53.3"), "consistent"),
        ],
    ),
    (
        (
            "Đảng bộ phường Yên Sở: kết nạp 26/25 đảng viên, đạt 104%; thành lập 2/2 tổ chức "
            "đảng, đạt 100%; phát triển 150/120 đoàn viên công đoàn, đạt 125%."
        ),
        [
            (26, 25, "attainment", 104, "consistent"),
            (2, 2, "attainment", 100, "consistent"),
            (150, 120, "attainment", 125, "consistent"),
        ],
    ),
    (
        (
            "Cả nhiệm kỳ 2020-2025 kết nạp 6.500 đảng viên, vượt 8,3% chỉ tiêu (6.000 đảng "
            "viên); nhiệm kỳ 2025-2030 phấn đấu kết nạp 7.000 đảng viên."
        ),
        [
            (6500, 6000, "excess", D("8.3"), "consistent"),
        ],
    ),
    (
        (
            "Năm 2026, Đảng ủy xã Đại Thanh kết nạp 24 đảng viên (chỉ tiêu 20), đạt 120%; năm"
            " 2025 kết nạp 18 đảng viên, đạt 90%."
        ),
        [
            (24, 20, "attainment", 120, "consistent"),
            (18, None, "attainment", 90, "unchecked"),
        ],
    ),
    (
        (
            "Phường Phúc Lợi có trên 300 đảng viên; 6 tháng kết nạp 9 đảng viên, đạt 45% chỉ "
            "tiêu năm (20 đảng viên)."
        ),
        [
            (9, 20, "attainment", 45, "consistent"),
        ],
    ),
    (
        (
            "Tổng số tổ chức cơ sở đảng trong doanh nghiệp tư nhân của xã là 14, tăng 3 so "
            "với đầu năm, đạt 140% kế hoạch phát triển (10 tổ chức)."
        ),
        [
            (14, 10, "attainment", 140, "consistent"),
        ],
    ),
    (
        ("Hội Phụ nữ xã Liên Minh có 2.150 hội viên, đạt 85% tổng số phụ nữ trên địa bàn."),
        [],
    ),
    (
        (
            "Đến nay, 100% xã, phường đã thành lập được công đoàn cơ sở; 98% người lao động "
            "tham gia công đoàn."
        ),
        [],
    ),
    (
        (
            "Quý II/2026, Đảng ủy phường Hoàng Liệt kết nạp 7 đảng viên, lũy kế 6 tháng kết "
            "nạp 16 đảng viên, đạt 64% chỉ tiêu năm."
        ),
        [
            (16, None, "attainment", 64, "unchecked"),
        ],
    ),
    (
        (
            "Quý II/2026, Đảng ủy phường Hoàng Liệt kết nạp 7 đảng viên, lũy kế 6 tháng kết "
            "nạp 16 đảng viên, đạt 70% chỉ tiêu năm (25 đảng viên)."
        ),
        [
            (16, 25, "attainment", 70, "inconsistent"),
        ],
    ),
    (
        (
            "Công tác phát triển đảng viên: 6 tháng đầu năm 2026, toàn Đảng bộ thành phố kết "
            "nạp 6.120 đảng viên, đạt 51% kế hoạch năm; trong đó các đảng bộ phường kết nạp "
            "2.950 đảng viên, các đảng bộ xã kết nạp 3.170 đảng viên."
        ),
        [
            (6120, None, "attainment", 51, "unchecked"),
        ],
    ),
    (
        (
            "Kết quả kết nạp đảng viên của một số đơn vị: phường Ba Đình 35/40 (đạt 87,5%), "
            "phường Ngọc Hà 28/25 (đạt 112%), xã Đông Anh 50/45 (đạt 111,1%)."
        ),
        [
            (35, 40, "attainment", D("87.5"), "consistent"),
            (28, 25, "attainment", 112, "consistent"),
            (50, 45, "attainment", D("111.1"), "consistent"),
        ],
    ),
    (
        (
            "Đến nay, toàn thành phố có 1.230 tổ chức cơ sở đảng, trong đó 456 đảng bộ cơ sở "
            "và 774 chi bộ cơ sở."
        ),
        [],
    ),
    (
        (
            "Năm 2026, phấn đấu kết nạp trên 10.000 đảng viên; thành lập mới ít nhất 100 tổ "
            "chức đảng trong doanh nghiệp ngoài nhà nước."
        ),
        [],
    ),
    (
        (
            "Quý I/2026, toàn thành phố thành lập 18 tổ chức cơ sở đảng trong doanh nghiệp "
            "ngoài nhà nước, đạt 18% chỉ tiêu năm."
        ),
        [
            (18, None, "attainment", 18, "unchecked"),
        ],
    ),
    (
        (
            "Các công đoàn cơ sở đã phát triển được gần 4.000 đoàn viên, bằng 40% chỉ tiêu "
            "năm (10.000 đoàn viên)."
        ),
        [
            (4000, 10000, "attainment", 40, "unchecked"),
        ],
    ),
    (
        (
            "Đảng bộ phường Bạch Mai có 42 chi bộ trực thuộc với 1.856 đảng viên; năm 2026 "
            "kết nạp 21 đảng viên, vượt 5% chỉ tiêu."
        ),
        [
            (21, None, "excess", 5, "unchecked"),
        ],
    ),
    (
        (
            "Năm 2025, Đảng bộ xã Sóc Sơn kết nạp 48 đảng viên, đạt 120% chỉ tiêu; năm 2026, "
            "chỉ tiêu kết nạp là 45 đảng viên."
        ),
        [
            (48, None, "attainment", 120, "unchecked"),
        ],
    ),
    (
        ("Phường Cửa Nam kết nạp 12 đảng viên/chỉ tiêu 15 đảng viên, đạt 80%."),
        [
            (12, 15, "attainment", 80, "consistent"),
        ],
    ),
    (
        ("Tỷ lệ đảng viên kết nạp là đoàn viên thanh niên chiếm 65%."),
        [],
    ),
    (
        (
            "Hết quý II/2026, Hội Nông dân thành phố phát triển 8.500 hội viên mới, đạt 85% "
            "kế hoạch năm, tăng 12% so với cùng kỳ."
        ),
        [
            (8500, None, "attainment", 85, "unchecked"),
        ],
    ),
    (
        (
            "Đảng bộ phường Kiến Hưng đã kết nạp 1.050 đảng viên trong nhiệm kỳ 2020-2025, "
            "đạt 105% Nghị quyết; nhiệm kỳ 2025-2030 đặt chỉ tiêu kết nạp 1.100 đảng viên."
        ),
        [
            (1050, None, "attainment", 105, "unchecked"),
        ],
    ),
    (
        (
            "Năm 2026, xã Bát Tràng kết nạp 15 đảng viên, trong khi chỉ tiêu là 20 đảng viên,"
            " chỉ đạt 75%."
        ),
        [
            (15, 20, "attainment", 75, "consistent"),
        ],
    ),
    (
        (
            "Năm 2026, xã Bát Tràng kết nạp 15 đảng viên, trong khi chỉ tiêu là 20 đảng viên,"
            " chỉ đạt 70%."
        ),
        [
            (15, 20, "attainment", 70, "inconsistent"),
        ],
    ),
    (
        (
            "Năm 2026, số đảng viên được kết nạp ở phường Đại Mỗ là 26 người, vượt 30% so với"
            " chỉ tiêu giao (20 người)."
        ),
        [
            (26, 20, "excess", 30, "consistent"),
        ],
    ),
    (
        (
            "Năm 2026, số đảng viên được kết nạp ở phường Đại Mỗ là 26 người, vượt 20% so với"
            " chỉ tiêu giao (20 người)."
        ),
        [
            (26, 20, "excess", 20, "inconsistent"),
        ],
    ),
    (
        (
            "Năm 2026, toàn thành phố kết nạp khoảng 10.500 đảng viên, bằng khoảng 105% chỉ "
            "tiêu (10.000 đảng viên)."
        ),
        [
            (10500, 10000, "attainment", 105, "unchecked"),
        ],
    ),
    (
        ("Năm 2026, toàn thành phố kết nạp trên 10.500 đảng viên, vượt hơn 5% chỉ tiêu."),
        [
            (10500, None, "excess", 5, "unchecked"),
        ],
    ),
    (
        (
            "Đảng ủy phường Thanh Liệt kết nạp 16 đảng viên, đạt 80% chỉ tiêu; so với năm "
            "2025 tăng 4 đảng viên."
        ),
        [
            (16, None, "attainment", 80, "unchecked"),
        ],
    ),
    (
        ("Chi bộ thôn Đông kết nạp 3 đảng viên, là chi bộ có số đảng viên kết nạp cao nhất xã."),
        [],
    ),
    (
        (
            "Về xây dựng Đảng, sau 9 tháng của năm 2026, Đảng ủy phường Long Biên đã kết"
            " nạp 24 đảng viên mới, đạt 80% chỉ tiêu năm; chuyển đảng chính thức cho 19 đảng "
            "viên. Tổ chức 100% chi bộ sinh hoạt chuyên đề theo quy định. Đảng bộ hiện có 38 "
            "chi bộ với 2.140 đảng viên."
        ),
        [
            (24, None, "attainment", 80, "unchecked"),
        ],
    ),
    (
        (
            "Năm 2026, Đảng ủy xã Thanh Oai được giao chỉ tiêu kết nạp 30 đảng viên, thành "
            "lập 2 tổ chức đảng trong doanh nghiệp. Kết quả, đến ngày 30/9/2026 đã kết nạp 26"
            " đảng viên (đạt 86,7%), thành lập 1 tổ chức đảng (đạt 50%)."
        ),
        [
            (26, 30, "attainment", D("86.7"), "consistent"),
            (1, 2, "attainment", 50, "consistent"),
        ],
    ),
    (
        (
            "Trong nhiệm kỳ 2020 - 2025, Đảng bộ xã Hồng Vân kết nạp được 156 đảng viên, vượt"
            " 4% so với chỉ tiêu Đại hội (150 đảng viên). Bình quân mỗi năm kết nạp 31 đảng "
            "viên."
        ),
        [
            (156, 150, "excess", 4, "consistent"),
        ],
    ),
    (
        (
            "Công đoàn phường Hoàng Mai 6 tháng đầu năm thành lập mới 5 công đoàn cơ sở, kết "
            "nạp 412 đoàn viên; lũy kế toàn phường có 96 công đoàn cơ sở với 6.350 đoàn viên."
        ),
        [],
    ),
    (
        (
            "Năm 2026, thành phố đặt mục tiêu mỗi xã, phường kết nạp ít nhất 20 đảng viên; "
            "đến hết quý III có 98/126 xã, phường đạt chỉ tiêu này, chiếm 77,8%."
        ),
        [
            (98, 126, "share", D("77.8"), "consistent"),
        ],
    ),
    (
        (
            "Số tổ chức đảng trong doanh nghiệp ngoài nhà nước trên địa bàn xã là 7, chiếm "
            "khoảng 1/3 số doanh nghiệp có từ 30 lao động trở lên."
        ),
        [],
    ),
    (
        (
            "Quý I/2026 kết nạp 8 đảng viên; quý II kết nạp 11 đảng viên; 6 tháng kết nạp 19 "
            "đảng viên, đạt 47,5% kế hoạch năm (40 đảng viên)."
        ),
        [
            (19, 40, "attainment", D("47.5"), "consistent"),
        ],
    ),
    (
        (
            "Quý I/2026 kết nạp 8 đảng viên; quý II kết nạp 11 đảng viên; 6 tháng kết nạp 19 "
            "đảng viên, đạt 50% kế hoạch năm (40 đảng viên)."
        ),
        [
            (19, 40, "attainment", 50, "inconsistent"),
        ],
    ),
    (
        (
            "Kết quả đánh giá, xếp loại năm 2025: 92,3% tổ chức cơ sở đảng hoàn thành tốt "
            "nhiệm vụ trở lên (chỉ tiêu 90%); 95,1% đảng viên hoàn thành tốt nhiệm vụ trở lên"
            " (chỉ tiêu 90%)."
        ),
        [],
    ),
    (
        ("Phường Nghĩa Đô kết nạp 1,200 đoàn viên công đoàn, đạt 120% chỉ tiêu (1,000 đoàn viên)."),
        [
            (1200, 1000, "attainment", 120, "consistent"),
        ],
    ),
    (
        (
            "Đảng bộ xã Phúc Sơn kết nạp 12 đảng viên, bằng 60% so với cùng kỳ năm trước và "
            "đạt 48% kế hoạch."
        ),
        [
            (12, None, "attainment", 48, "unchecked"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "want"), _PROBE)
def test_the_probe_of_commune_and_ward_reports_is_read_as_checked(
    text: str, want: list[tuple[object, ...]]
) -> None:
    assert claim_rows(text) == want
