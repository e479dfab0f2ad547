"""Round 52 of the extraction rules (issue 17): fixes from a user's reading of the docs, each
with a positive and a negative case on invented text (never the evaluation set's figures or
sentences)."""

from __future__ import annotations

from reading import CATALOG, find

from kpitools.extract import audit_statements, statements_frame
from kpitools.extract.display import audit_table, statements_table

TARGET_ONLY = "Năm 2041 Hội Nông dân xã phấn đấu phát triển trên 260 hội viên."
QUALIFIED_ACTUAL = "Năm 2041 Hội Nông dân xã phát triển trên 270 hội viên, vượt kế hoạch 250."
INDICATOR_ROWS = "Chi bộ thôn Bắc năm 2041\nChỉ tiêu: 40\nKết quả: 46\nĐạt: 115%\n"
INDICATOR_ROWS_NO_PERCENT = "Chi bộ thôn Bắc năm 2041\nChỉ tiêu: 40\nKết quả: 46\n"
ADMITTED = "Năm 2041 Đảng bộ xã Hòa Lạc kết nạp 18 đảng viên, đạt 90% kế hoạch 20 đảng viên."


def _row(text: str, lang: str = "vi") -> dict[str, str]:
    return statements_table(find(text), lang=lang, catalog=CATALOG).frame.row(0, named=True)


def test_a_target_qualifier_stands_before_the_target() -> None:
    row = _row(TARGET_ONLY)
    assert row["Chỉ tiêu"] == "trên 260"
    assert not row["Thực hiện"].startswith("trên")


def test_an_actual_qualifier_stays_before_the_actual() -> None:
    row = _row(QUALIFIED_ACTUAL)
    assert row["Thực hiện"].startswith("trên ")
    assert not row["Chỉ tiêu"].startswith("trên")


def _notes(text: str, lang: str) -> list[str]:
    shown = audit_table(audit_statements(statements_frame(find(text))), lang=lang).frame
    return [n for n in shown[shown.columns[-1]].to_list() if n]


def test_an_indicator_row_note_has_a_separator_in_both_languages() -> None:
    (vi,) = _notes(INDICATOR_ROWS, "vi")
    (en,) = _notes(INDICATOR_ROWS, "en")
    assert "cột thực hiện): 100 × 46 / 40" in vi
    assert "the result's): 100 × 46 / 40" in en


def test_an_indicator_row_without_percentage_keeps_its_own_note() -> None:
    statements = find(INDICATOR_ROWS_NO_PERCENT)
    notes = [s.note for s in statements if s.note]
    assert notes and all("): " not in n and "); " in n for n in notes)


def test_english_table_labels_a_catalog_metric_in_english() -> None:
    row = _row(ADMITTED, "en")
    assert row["Metric"] == CATALOG.label("admissions", lang="en")
    assert _row(ADMITTED)["Chỉ số"] == CATALOG.label("admissions")


def test_without_a_catalog_the_read_label_is_shown() -> None:
    (s,) = find(ADMITTED)
    row = statements_table([s], lang="en").frame.row(0, named=True)
    assert row["Metric"] == s.label


PLAN_FIRST = (
    "Nghị quyết năm 2042 đề ra phấn đấu phát triển trên 500 hội viên. "
    "Năm 2042 Hội Nông dân xã phát triển 210 hội viên, đạt trên 43,5% kế hoạch."
)
PLAN_LATER = (
    "Năm 2042 Hội Nông dân xã phát triển 210 hội viên, đạt trên 43,5% kế hoạch. "
    "Nghị quyết năm 2042 đề ra phấn đấu phát triển trên 500 hội viên."
)


def _checked(text: str) -> list[tuple[object, object, str | None, str | None]]:
    return [(s.actual, s.target, s.qualifier, s.verdict) for s in find(text) if s.stated]


def test_a_floor_percentage_of_a_floor_target_written_before_is_checked() -> None:
    first, later = _checked(PLAN_FIRST), _checked(PLAN_LATER)
    assert first == [(210, 500, "trên", "inconsistent")]
    assert [v for *_, v in later] == ["inconsistent"]
    rows = statements_table(find(PLAN_FIRST), catalog=CATALOG).frame.to_dicts()
    (row,) = [r for r in rows if r["Báo cáo ghi"]]
    assert (row["Thực hiện"], row["Chỉ tiêu"]) == ("210", "trên 500")


def test_a_percentage_a_floor_target_allows_is_not_flagged() -> None:
    below = PLAN_FIRST.replace("trên 43,5%", "trên 41,5%")
    lower = PLAN_FIRST.replace("trên 43,5%", "40%")  # the true plan may be above 500
    assert [v for *_, v in _checked(below)] == ["unchecked"]
    assert [v for *_, v in _checked(lower)] == ["unchecked"]
    assert [v for *_, v in _checked(PLAN_FIRST.replace("trên 43,5%", "42%"))] == ["consistent"]
    approximate = PLAN_FIRST.replace("phát triển 210", "phát triển gần 210")
    assert [v for *_, v in _checked(approximate)] != ["inconsistent"]


def test_a_unit_heading_naming_what_it_counts_gives_the_unit_metric_and_year() -> None:
    text = (
        "Chi bộ khu phố Nam - phát triển đảng viên năm 2043\nChỉ tiêu: 12\nKết quả: 15\nĐạt: 125%\n"
    )
    (s,) = find(text)
    assert (s.unit, s.metric, s.year, s.verdict) == (
        "Chi bộ khu phố Nam",
        "admissions",
        2043,
        "consistent",
    )


def test_a_heading_after_a_dash_naming_no_metric_stays_whole() -> None:
    text = "Xã Hòa Phú - huyện Đông Sơn năm 2043\nChỉ tiêu: 12\nKết quả: 15\nĐạt: 125%\n"
    (s,) = find(text)
    assert (s.unit, s.metric) == ("Xã Hòa Phú - huyện Đông Sơn năm 2043", None)


def test_a_bare_excess_that_agrees_with_the_attainment_before_it_is_that_plans() -> None:
    text = "Năm 2043 xã thu ngân sách 336 triệu đồng, đạt 112% kế hoạch, vượt 12%."
    kinds = [(s.stated, s.stated_kind, s.verdict) for s in find(text, money=True)]
    assert ("12%", "excess", "consistent") in kinds


def test_a_bare_excess_that_contradicts_the_attainment_is_not_flagged() -> None:
    # reports also write a bare "vượt" for a rise over the year before: no false alarm
    text = "Năm 2043 xã thu ngân sách 336 triệu đồng, đạt 112% kế hoạch, vượt 15,5%."
    verdicts = [s.verdict for s in find(text, money=True)]
    assert "inconsistent" not in verdicts
