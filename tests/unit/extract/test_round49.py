"""Round 49 of the extraction rules (issue 17), each tested on invented text (never the
evaluation set's figures or sentences)."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import pytest
from reading import checked, claim_rows, find, is_claim

from kpitools.extract import audit_statements
from kpitools.extract.text import normalize

D = Decimal

# ------------------------------ thousands grouped with spaces are one number, read whole


def test_thousands_grouped_with_spaces_are_one_number() -> None:
    text = "Năm 2031, toàn huyện kết nạp 2 250 hội viên, đạt 90% chỉ tiêu (2 500 hội viên)."
    assert checked(text) == [(2250, 2500, 90, "consistent")]


def test_thousands_grouped_with_no_break_spaces_are_one_number() -> None:
    text = "Quỹ khuyến học vận động được 1\u00a0260\u00a0000\u00a0000 đồng, đạt 105% kế hoạch."
    assert [s.actual for s in find(text, money=True) if is_claim(s)] == [1260000000]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Số liệu các năm: 41 250 318 207\n", "41 250 318 207"),  # a row, no word after
        ("Tháng 7 100% hộ đã đóng góp.", "7 100%"),  # a percent after the group
        ("Sản lượng đạt 3 450,5 tấn.", "3 450,5"),  # a decimal after the group
        ("Ngày 2/9 150 thanh niên tình nguyện ra quân.", "9 150"),  # a date before it
        ("Cột\t12\t345\tđoàn viên", "12\n345"),  # cells apart by tabs: one a line
    ],
)
def test_groups_that_are_not_one_number_stay_apart(text: str, kept: str) -> None:
    assert kept in normalize(text).text


def test_a_spaced_group_keeps_its_offsets() -> None:
    text = "Kết nạp 1 250 đoàn viên."
    norm = normalize(text)
    assert "1250 đoàn" in norm.text
    assert len(norm.text) == len(text) - 1


# ------------------------------ the city's committee written with its abbreviation is the
# city's committee: its plan is the plan of "Đảng bộ Thành phố" later in the text


def _city_text(unit: str) -> str:
    return (
        f"Năm 2031, Đảng bộ {unit} đặt mục tiêu kết nạp 500 đảng viên trong năm. Hết quý III, "
        "Đảng bộ Thành phố đã kết nạp 420 đảng viên (bằng 84% kế hoạch)."
    )


@pytest.mark.parametrize("unit", ["TP Hòa An", "T.P Hòa An", "TP. Hòa An"])
def test_the_citys_committee_abbreviated_gives_the_plan(unit: str) -> None:
    assert checked(_city_text(unit)) == [(420, 500, 84, "consistent")]


@pytest.mark.parametrize("unit", ["Khối các cơ quan TP", "phường Hòa An", "TPHCM"])
def test_another_committee_gives_no_plan_to_the_city(unit: str) -> None:
    assert checked(_city_text(unit)) == []


# ------------------------------ a plan in brackets after a result is an aside: the parts
# after it ("trong đó …") are the result's parts, not the plan's


def test_parts_after_a_bracketed_plan_are_the_results_parts() -> None:
    text = (
        "Năm 2031, toàn huyện kết nạp 930 đảng viên (chỉ tiêu 1.000 đảng viên); trong đó Đảng "
        "bộ xã Lam Sơn kết nạp 610 đảng viên, Đảng bộ xã Hồng Phong kết nạp 420 đảng viên."
    )
    statements = find(text, money=True)
    assert [(s.actual, s.target) for s in statements] == [(930, 1000), (610, None), (420, None)]
    audit = audit_statements(statements)
    assert "inconsistent" in audit["verdict"]  # the parts exceed their whole


def test_parts_after_a_plan_in_brackets_with_no_result_stay_the_plans() -> None:
    text = (
        "Năm 2031, huyện phấn đấu kết nạp 1.000 đảng viên (kế hoạch của năm), trong đó các xã "
        "750 đảng viên."
    )
    assert [(s.actual, s.target) for s in find(text, money=True)] == [(None, 1000), (None, 750)]


# ------------------------------ a unit written before a verb of aim ("phấn đấu", "đề ra")
# ends before the verb


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        (
            "Năm 2031, Ban Chỉ đạo phong trào khuyến học tỉnh Hòa Lâm phấn đấu trao 900 suất "
            "học bổng.",
            "Ban Chỉ đạo phong trào khuyến học tỉnh Hòa Lâm",
        ),
        (
            "Năm 2031, Đảng bộ Khối các cơ quan TP đề ra chỉ tiêu kết nạp 500 đảng viên mới.",
            "Đảng bộ Khối các cơ quan TP",
        ),
    ],
)
def test_a_unit_ends_before_a_verb_of_aim(text: str, unit: str) -> None:
    assert [s.unit for s in find(text)] == [unit]


def test_a_name_with_a_word_of_such_a_verb_alone_keeps_its_words() -> None:
    text = "Năm 2031, Đảng bộ xã Đề Thám kết nạp 12 đảng viên, đạt 120% chỉ tiêu (10 đảng viên)."
    assert [s.unit for s in find(text)] == ["Đảng bộ xã Đề Thám"]


# ------------------------------ a table of units pasted one cell a line ("Đơn vị", "Chỉ
# tiêu", "Kết quả", "Tỷ lệ"): each row a unit's result against its plan


def _rows(text: str) -> list[tuple[object, ...]]:
    return [
        (s.unit, s.actual, s.target, s.stated_percent, s.verdict)
        for s in find(text)
        if s.actual is not None and s.target is not None
    ]


def test_a_table_of_units_gives_each_units_result_against_its_plan() -> None:
    text = (
        "Kết quả phát triển hội viên năm 2031\nĐơn vị\nChỉ tiêu\nKết quả\nTỷ lệ\n"
        "Hội Nông dân xã Lam Sơn\n40\n46\n115%\nHội Nông dân xã Hồng Phong\n50\n41\n92%"
    )
    assert _rows(text) == [
        ("Hội Nông dân xã Lam Sơn", 46, 40, 115, "consistent"),
        ("Hội Nông dân xã Hồng Phong", 41, 50, 92, "inconsistent"),
    ]


def test_a_table_of_units_with_no_percentage_pairs_result_and_plan() -> None:
    text = (
        "Đơn vị\nChỉ tiêu giao\nThực hiện\nĐảng bộ phường Vĩnh An\n18\n21\n"
        "Chi bộ Trường Tiểu học Bình Minh\n3\n3"
    )
    assert _rows(text) == [
        ("Đảng bộ phường Vĩnh An", 21, 18, None, "unchecked"),
        ("Chi bộ Trường Tiểu học Bình Minh", 3, 3, None, "unchecked"),
    ]


def test_rows_that_name_no_unit_are_left_out_of_a_table_of_units() -> None:
    text = "Đơn vị\nChỉ tiêu\nKết quả\nSố lớp bồi dưỡng mở mới\n12\n14"
    assert _rows(text) == []


# ------------------------------ a table pasted with tabs, one row a line: its cells read as
# one cell a line; a stray tab in a sentence stays a space


def test_a_table_of_units_pasted_with_tabs_is_read_by_rows() -> None:
    text = (
        "STT\tĐơn vị\tChỉ tiêu\tKết quả\tTỷ lệ\n"
        "1\tĐoàn Thanh niên phường Vĩnh An\t60\t66\t110%\n"
        "2\tĐoàn Thanh niên xã Bình Minh\t45\t36\t90%"
    )
    assert _rows(text) == [
        ("Đoàn Thanh niên phường Vĩnh An", 66, 60, 110, "consistent"),
        ("Đoàn Thanh niên xã Bình Minh", 36, 45, 90, "inconsistent"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Năm 2031, Đảng bộ xã Lam Sơn kết nạp\t36 đảng viên, đạt\t90% chỉ tiêu (40 đảng viên).",
        "\tNăm 2031, Đảng bộ xã Lam Sơn kết nạp 36 đảng viên, đạt 90% chỉ tiêu (40 đảng viên).",
    ],
)
def test_stray_tabs_in_a_sentence_are_spaces(text: str) -> None:
    assert checked(text) == [(36, 40, 90, "consistent")]


# ------------------------------ a probe of invented lines in the style of a city's Party
# committee reports after the 2025 reorganization (per-unit lines, numbered items, whole-term
# figures, merged units, mass organisations, odd writing of figures and names): what each is
# read as, claims only (actual, target, kind, stated percent, verdict); a line with no claim,
# or a fraction of criteria met read as a coverage, is a negative case

_PROBE: list[tuple[str, list[tuple[object, ...]]]] = [
    (
        "- Phường Yên Thủy: kết nạp 12/10 đảng viên (120%)",
        [(12, 10, "attainment", 120, "consistent")],
    ),
    ("+ Xã Bình Minh: 8 đảng viên, đạt 80% chỉ tiêu", [(8, None, "attainment", 80, "unchecked")]),
    (
        "1. Đảng bộ phường Đông Lạc kết nạp 15 đảng viên, đạt 75% chỉ tiêu năm.",
        [(15, None, "attainment", 75, "unchecked")],
    ),
    (
        (
            "Kết quả kết nạp đảng viên năm 2026 của một số đơn vị:\n- Phường Hòa Lạc: 14/12 "
            "đảng viên, đạt 116,7%;\n- Xã Tân Phú: 9/10 đảng viên, đạt 90%;\n- Xã Vân Hồ: 6/10 "
            "đảng viên, đạt 60%."
        ),
        [
            (14, 12, "attainment", D("116.7"), "consistent"),
            (9, 10, "attainment", 90, "consistent"),
            (6, 10, "attainment", 60, "consistent"),
        ],
    ),
    (
        (
            "Kết quả kết nạp đảng viên năm 2026 của một số đơn vị:\n- Phường Hòa Lạc: 14/12 "
            "đảng viên, đạt 126,7%;\n- Xã Tân Phú: 9/10 đảng viên, đạt 90%."
        ),
        [
            (14, 12, "attainment", D("126.7"), "inconsistent"),
            (9, 10, "attainment", 90, "consistent"),
        ],
    ),
    (
        "Nhiệm kỳ 2020–2025, Đảng bộ phường Kim Sơn kết nạp được 203/205 đảng viên, đạt 99,02%.",
        [(203, 205, "attainment", D("99.02"), "consistent")],
    ),
    (
        "Nhiệm kỳ 2020–2025, Đảng bộ phường Kim Sơn kết nạp được 203/205 đảng viên, đạt 95,02%.",
        [(203, 205, "attainment", D("95.02"), "inconsistent")],
    ),
    (
        (
            "Nhiệm kỳ 2020 - 2025, các đảng bộ xã Tân An, Tân Bình, Tân Hòa (nay là xã Tân "
            "Hưng) kết nạp 310 đảng viên, đạt 103,3% chỉ tiêu (300 đảng viên)."
        ),
        [(310, 300, "attainment", D("103.3"), "consistent")],
    ),
    (
        (
            "Nhiệm kỳ 2020 - 2025, Đảng bộ xã Đông Phong kết nạp 250 đảng viên, đạt 104% chỉ "
            "tiêu; nhiệm kỳ 2025 - 2030 phấn đấu kết nạp 300 đảng viên."
        ),
        [(250, None, "attainment", 104, "unchecked")],
    ),
    (
        (
            "Nhiệm kỳ 2025 - 2030, Đảng bộ phường Thạch Bàn phấn đấu kết nạp từ 350 đảng viên "
            "trở lên; nhiệm kỳ trước kết nạp 320 đảng viên."
        ),
        [],
    ),
    (
        (
            "Hội Cựu chiến binh phường Hòa Lạc kết nạp 45 hội viên mới, đạt 112,5% chỉ tiêu "
            "(40 hội viên)."
        ),
        [(45, 40, "attainment", D("112.5"), "consistent")],
    ),
    (
        "Hội Liên hiệp Phụ nữ xã Tân Phú kết nạp 120 hội viên, đạt 80% chỉ tiêu.",
        [(120, None, "attainment", 80, "unchecked")],
    ),
    (
        (
            "Hội Nông dân xã Vân Hồ vận động quỹ Hỗ trợ nông dân được 350 triệu đồng, đạt "
            "116,7% kế hoạch (300 triệu đồng)."
        ),
        [(350000000, 300000000, "attainment", D("116.7"), "consistent")],
    ),
    (
        (
            "Đoàn Thanh niên phường Kim Sơn kết nạp 86 đoàn viên, đạt 107,5% chỉ tiêu giao (80 "
            "đoàn viên)."
        ),
        [(86, 80, "attainment", D("107.5"), "consistent")],
    ),
    (
        "Công đoàn xã Đông Phong phát triển 640 đoàn viên công đoàn, đạt 128% chỉ tiêu.",
        [(640, None, "attainment", 128, "unchecked")],
    ),
    (
        (
            "Năm 2026, Liên đoàn Lao động thành phố phát triển 24.000 đoàn viên, đạt 96% kế "
            "hoạch (25.000 đoàn viên)."
        ),
        [(24000, 25000, "attainment", 96, "consistent")],
    ),
    (
        (
            "Năm 2026, Liên đoàn Lao động thành phố phát triển 24.000 đoàn viên, đạt 69% kế "
            "hoạch (25.000 đoàn viên)."
        ),
        [(24000, 25000, "attainment", 69, "inconsistent")],
    ),
    (
        "Thu đảng phí năm 2026 đạt 4,2 tỷ đồng, bằng 105% kế hoạch.",
        [(4200000000, None, "attainment", 105, "unchecked")],
    ),
    (
        (
            "Kết quả đánh giá năm 2026: 118/126 tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở "
            "lên, đạt 93,65%."
        ),
        [(118, 126, "coverage", D("93.65"), "consistent")],
    ),
    (
        (
            "Năm 2026, toàn thành phố kết nạp 11.200 đảng viên, đạt 93,3% chỉ tiêu (12.000 "
            "đảng viên); trong đó 126 đảng bộ xã, phường kết nạp 9.800 đảng viên, các đảng bộ "
            "trực thuộc khác kết nạp 1.400 đảng viên."
        ),
        [(11200, 12000, "attainment", D("93.3"), "consistent")],
    ),
    (
        (
            "Năm 2026, toàn thành phố kết nạp 11.200 đảng viên, đạt 93,3% chỉ tiêu (12.000 "
            "đảng viên); trong đó 126 đảng bộ xã, phường kết nạp 10.800 đảng viên, các đảng bộ "
            "trực thuộc khác kết nạp 1.400 đảng viên."
        ),
        [(11200, 12000, "attainment", D("93.3"), "consistent")],
    ),
    (
        unicodedata.normalize(
            "NFD", "Đảng bộ phường Yên Thủy kết nạp 42 đảng viên, đạt 105% chỉ tiêu (40 đảng viên)."
        ),
        [(42, 40, "attainment", 105, "consistent")],
    ),
    (
        unicodedata.normalize(
            "NFD", "Đảng bộ phường Yên Thủy kết nạp 42 đảng viên, đạt 115% chỉ tiêu (40 đảng viên)."
        ),
        [(42, 40, "attainment", 115, "inconsistent")],
    ),
    (
        (
            "Đảng bộ xã Tân Phú kết nạp\u00a042\u00a0đảng viên, "
            "đạt\u00a0105\u00a0% chỉ tiêu (40 đảng viên)."
        ),
        [(42, 40, "attainment", 105, "consistent")],
    ),
    (
        "Đảng bộ xã Tân Phú kết nạp 42 đảng viên, đạt 105 % chỉ tiêu (40 đảng viên).",
        [(42, 40, "attainment", 105, "consistent")],
    ),
    (
        "Đảng bộ xã Tân Phú kết nạp 42 đảng viên, đạt 105 phần trăm chỉ tiêu (40 đảng viên).",
        [(42, 40, "attainment", 105, "consistent")],
    ),
    (
        "Toàn thành phố kết nạp 1.500 đảng viên, đạt 125% chỉ tiêu (1.200 đảng viên).",
        [(1500, 1200, "attainment", 125, "consistent")],
    ),
    (
        "Toàn thành phố kết nạp 1,500 đảng viên, đạt 125% chỉ tiêu (1,200 đảng viên).",
        [(1500, 1200, "attainment", 125, "consistent")],
    ),
    (
        "Toàn thành phố kết nạp 1 500 đảng viên, đạt 125% chỉ tiêu (1 200 đảng viên).",
        [(1500, 1200, "attainment", 125, "consistent")],
    ),
    (
        'Đảng bộ Công ty "Sông Đà 12" kết nạp 6 đảng viên, đạt 120% chỉ tiêu (5 đảng viên).',
        [(6, 5, "attainment", 120, "consistent")],
    ),
    (
        "Đảng bộ Trường (THPT) Nguyễn Trãi kết nạp 6 đảng viên, đạt 60% chỉ tiêu (10 đảng viên).",
        [(6, 10, "attainment", 60, "consistent")],
    ),
    (
        (
            "Đảng bộ Tổng công ty Đầu tư phát triển hạ tầng đô thị và Dịch vụ môi trường số 3 "
            "thành phố kết nạp 18 đảng viên, đạt 90% chỉ tiêu (20 đảng viên)."
        ),
        [(18, 20, "attainment", 90, "consistent")],
    ),
    (
        "Chi bộ Khu dân cư số 7 kết nạp 2 đảng viên, đạt 100% chỉ tiêu (2 đảng viên).",
        [(2, 2, "attainment", 100, "consistent")],
    ),
    ("Năm 2027, Đảng bộ phường Kim Sơn phấn đấu kết nạp 40 đảng viên.", []),
    ("Năm 2026, Đảng bộ xã Tân Phú kết nạp 30 đảng viên, tăng 20% so với năm 2025.", []),
    ("Đảng viên nữ chiếm 38,5% tổng số đảng viên của Đảng bộ.", []),
    ("Phường Yên Thủy đứng thứ 3/126 xã, phường về kết quả kết nạp đảng viên.", []),
    ("Đến ngày 30/4, toàn Đảng bộ đã kết nạp 25 đảng viên.", []),
    ("Xã Vân Hồ đạt 17/19 tiêu chí nông thôn mới nâng cao.", [(17, 19, "coverage", None, None)]),
    ("Đến 30/6/2026, 98% đảng viên đã nộp đảng phí đúng quy định.", []),
    (
        "Xã Tân Phú có 15/18 chi bộ đạt chi bộ trong sạch, vững mạnh.",
        [(15, 18, "coverage", None, None)],
    ),
    ("Trong đó, 126/126 xã, phường đã tổ chức đại hội đảng bộ nhiệm kỳ 2025 - 2030.", []),
    (
        (
            "Đoàn viên công đoàn trên địa bàn xã có 2.400 người, chiếm 60% số lao động trong "
            "các doanh nghiệp."
        ),
        [],
    ),
    ("Năm 2026, thu đảng phí 5,6 tỷ đồng, tăng 8% so với năm 2025.", []),
    (
        "Kế hoạch năm 2026 kết nạp 80 đảng viên; kết quả kết nạp được 92 đảng viên, đạt 115%.",
        [(92, 80, "attainment", 115, "consistent")],
    ),
    (
        "Kế hoạch năm 2026 kết nạp 80 đảng viên; kết quả kết nạp được 92 đảng viên, đạt 125%.",
        [(92, 80, "attainment", 125, "inconsistent")],
    ),
    (
        (
            "Hội Nông dân thành phố kết nạp 3.200 hội viên, đạt 106,7% kế hoạch; trong đó hội "
            "viên nữ 1.100 người."
        ),
        [(3200, None, "attainment", D("106.7"), "unchecked")],
    ),
    (
        (
            "Năm 2026, Đoàn Thanh niên phường kết nạp 230 đoàn viên mới, vượt 15% chỉ tiêu "
            "(200 đoàn viên)."
        ),
        [(230, 200, "excess", 15, "consistent")],
    ),
    (
        (
            "Năm 2026, Đoàn Thanh niên phường kết nạp 230 đoàn viên mới, vượt 25% chỉ tiêu "
            "(200 đoàn viên)."
        ),
        [(230, 200, "excess", 25, "inconsistent")],
    ),
    (
        "Mặt trận Tổ quốc phường vận động Quỹ Vì người nghèo được 1,2 tỷ đồng, đạt 120% kế hoạch.",
        [(1200000000, None, "attainment", 120, "unchecked")],
    ),
    (
        (
            "Mặt trận Tổ quốc phường vận động Quỹ Vì người nghèo được 1,2 tỷ đồng, đạt 150% kế "
            "hoạch (800 triệu đồng)."
        ),
        [(1200000000, 800000000, "attainment", 150, "consistent")],
    ),
    (
        (
            "- Xã Minh Đức: 10/8 đảng viên (125%);\n- Xã Minh Tân: 7/8 đảng viên (87,5%);\n- "
            "Xã Minh Hòa: 5/8 đảng viên (72,5%)."
        ),
        [
            (10, 8, "attainment", 125, "consistent"),
            (7, 8, "attainment", D("87.5"), "consistent"),
            (5, 8, "attainment", D("72.5"), "inconsistent"),
        ],
    ),
    (
        (
            "Các đơn vị kết nạp vượt chỉ tiêu: phường Hòa Lạc (14/12), xã Tân Phú (11/10), xã "
            "Vân Hồ (9/8)."
        ),
        [(14, 12, None, None, None), (11, 10, None, None, None), (9, 8, None, None, None)],
    ),
    (
        "2. Đảng bộ xã Minh Đức: kết nạp 11 đảng viên/chỉ tiêu 10 đảng viên, đạt 110%.",
        [(11, 10, "attainment", 110, "consistent")],
    ),
    (
        (
            "a) Phường Hòa Lạc: kết nạp 9 đảng viên, đạt 90% chỉ tiêu; b) Xã Tân Phú: kết nạp "
            "12 đảng viên, đạt 120% chỉ tiêu."
        ),
        [(9, None, "attainment", 90, "unchecked"), (12, None, "attainment", 120, "unchecked")],
    ),
    (
        (
            "Năm 2026, 126 đảng bộ xã, phường kết nạp 9.800 đảng viên; trong đó 30 đảng bộ "
            "phường kết nạp 4.100, 96 đảng bộ xã kết nạp 5.700."
        ),
        [],
    ),
    ("Năm 2026, toàn thành phố có 126 xã, phường; trong đó 51 phường và 75 xã.", []),
    ("Năm 2026, toàn thành phố có 126 xã, phường; trong đó 61 phường và 75 xã.", []),
    (
        (
            "Toàn Đảng bộ có 2.140 đảng viên, sinh hoạt tại 86 chi bộ; năm 2026 kết nạp 64 "
            "đảng viên, đạt 106,7% chỉ tiêu."
        ),
        [(64, None, "attainment", D("106.7"), "unchecked")],
    ),
    ("Tỷ lệ thu đảng phí đạt 100% kế hoạch.", [(None, None, "attainment", 100, "unchecked")]),
    (
        "Đảng bộ phường kết nạp 24 đảng viên, đạt 120% chỉ tiêu năm, bằng 150% so với cùng kỳ.",
        [(24, None, "attainment", 120, "unchecked")],
    ),
    (
        "6 tháng đầu năm, Đảng bộ xã kết nạp 18 đảng viên, bằng 45% chỉ tiêu năm (40 đảng viên).",
        [(18, 40, "attainment", 45, "consistent")],
    ),
    (
        (
            "Năm 2026, Đảng bộ Khối các cơ quan thành phố kết nạp 420 đảng viên, đạt 105% chỉ "
            "tiêu (400 đảng viên), đứng thứ 2 trong các đảng bộ trực thuộc."
        ),
        [(420, 400, "attainment", 105, "consistent")],
    ),
    (
        (
            "Công đoàn cơ sở thành lập mới 35 công đoàn cơ sở, đạt 116,7% chỉ tiêu (30 công "
            "đoàn cơ sở)."
        ),
        [(35, 30, "attainment", D("116.7"), "consistent")],
    ),
    (
        (
            "Tổng số hội viên Hội Cựu chiến binh thành phố là 98.500, tăng 1.200 hội viên so "
            "với năm 2025."
        ),
        [],
    ),
    ("Năm 2026, 100% tổ chức cơ sở đảng được kiểm tra, giám sát theo kế hoạch.", []),
    ("Kết nạp 42 đảng viên (chỉ tiêu: 40), đạt 105%.", [(42, 40, "attainment", 105, "consistent")]),
    (
        "Kết nạp 42 đảng viên (chỉ tiêu: 40), đạt 115%.",
        [(42, 40, "attainment", 115, "inconsistent")],
    ),
    (
        "Số đảng viên mới kết nạp: 42 đồng chí/40 chỉ tiêu, đạt 105%.",
        [(42, 40, "attainment", 105, "consistent")],
    ),
    (
        (
            "Đảng bộ xã Tân Phú (hợp nhất từ xã Tân An và xã Tân Bình) kết nạp 28 đảng viên, "
            "đạt 93,3% chỉ tiêu (30 đảng viên)."
        ),
        [(28, 30, "attainment", D("93.3"), "consistent")],
    ),
    (
        (
            "Trước sắp xếp, xã Tân An kết nạp 12 đảng viên, xã Tân Bình kết nạp 14 đảng viên; "
            "tổng 2 xã kết nạp 26 đảng viên, đạt 86,7% chỉ tiêu (30 đảng viên)."
        ),
        [(26, 30, "attainment", D("86.7"), "consistent")],
    ),
    (
        (
            "Năm 2026, Hội Liên hiệp Phụ nữ thành phố vận động 5.000 hội viên mới, đạt 83,3% "
            "chỉ tiêu 6.000 hội viên."
        ),
        [(5000, 6000, "attainment", D("83.3"), "consistent")],
    ),
    ("Đạt 92% kế hoạch về kết nạp đảng viên, xã Vân Hồ đứng đầu khu vực.", []),
    (
        "Năm 2026 kết nạp 92 đảng viên (kế hoạch 80), vượt 15% kế hoạch.",
        [(92, 80, "excess", 15, "consistent")],
    ),
    (
        "Năm 2026 kết nạp 92 đảng viên (kế hoạch 80), vượt 12 đảng viên so với kế hoạch.",
        [(92, 80, "excess_count", None, "consistent")],
    ),
]


@pytest.mark.parametrize(("text", "want"), _PROBE)
def test_the_second_probe_of_commune_and_ward_reports_is_read_as_checked(
    text: str, want: list[tuple[object, ...]]
) -> None:
    assert claim_rows(text) == want


def test_no_line_of_the_probe_claims_a_plan_alone_or_a_growth() -> None:
    negatives = [t for t, want in _PROBE if not want]
    assert len(negatives) >= 10
    for text in negatives:
        assert [s for s in find(text, money=True) if is_claim(s)] == []


def test_parts_within_their_whole_raise_no_finding() -> None:
    text = (
        "Năm 2031, 130 đảng bộ xã, phường kết nạp 7.400 đảng viên; trong đó 40 đảng bộ "
        "phường kết nạp 3.100, 90 đảng bộ xã kết nạp 4.300."
    )
    audit = audit_statements(find(text, money=True))
    assert "inconsistent" not in audit["verdict"]
