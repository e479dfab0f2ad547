"""Round 112 of the extraction rules (issue 17): the audit's recall on parts listed after a
whole, on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

from kpitools.extract import audit_statements
from kpitools.extract.parts import listed_parts_over


def _sums(text: str) -> list[tuple[str, str, str]]:
    """(whole as written, verdict, note) of the audit's flagged sum checks of ``text``."""
    found = find(text)
    rows = audit_statements(found).to_dicts() if found else []
    return [
        (r["stated"], r["verdict"], r["note"])
        for r in rows
        if r["check"] == "sum" and r["verdict"] in ("inconsistent", "truncated")
    ]


def _over(text: str) -> list[tuple[Decimal, tuple[Decimal, ...]]]:
    return [(p.whole, p.parts) for p in listed_parts_over(text)]


# --------------------------------------------------------------------------- new families


def test_cases_old_and_new_cannot_add_up_to_more_than_their_whole() -> None:
    # 640 + 415 = 1.055 cases, listed as the old and the new of 1.040
    text = (
        "Năm 2041, tòa án huyện thụ lý 1.040 vụ án; trong đó, có 640 vụ án cũ chuyển sang "
        "và 415 vụ mới thụ lý trong năm 2041."
    )
    assert _over(text) == [(Decimal(1040), (Decimal(640), Decimal(415)))]
    assert _sums(text) == [
        (
            "1.040",
            "inconsistent",
            "the parts listed (which do not overlap) add up to more than the whole: 640 + 415 "
            "= 1055 > the whole 1040",
        )
    ]
    # the parts within the whole: nothing to flag
    assert _over(text.replace("415 vụ", "400 vụ")) == []


def test_work_in_the_province_and_outside_it_in_brackets() -> None:
    text = (
        "Trong năm 2041, huyện giải quyết việc làm cho 1.310 lao động (trong tỉnh là 905 lao "
        "động, ngoài tỉnh là 470 lao động)."
    )
    assert _over(text) == [(Decimal(1310), (Decimal(905), Decimal(470)))]


def test_trees_scattered_and_in_stands_after_gom() -> None:
    # a list opened by "gồm"; "hơn" raises a part, so the sum is above the whole all the more
    text = (
        "Năm 2041, tỉnh trồng được 51.200.000 cây, gồm 20 triệu cây phân tán và hơn 33 triệu "
        "cây tập trung."
    )
    assert _over(text) == [(Decimal(51_200_000), (Decimal(20_000_000), Decimal(33_000_000)))]


def test_sessions_by_their_form() -> None:
    text = (
        "Năm 2041, trung tâm tổ chức 52 phiên giao dịch việc làm, trong đó phiên định kỳ 30 "
        "phiên, lưu động 9 phiên và 15 phiên trực tuyến."
    )
    assert _over(text) == [(Decimal(52), (Decimal(30), Decimal(9), Decimal(15)))]


def test_parts_that_may_overlap_are_not_added() -> None:
    # women and union members may be the same people; cases that can be enforced and cases
    # already enforced are nested: no family names them, no sum is checked
    for text in (
        "Năm 2041, xã có 1.040 lao động, trong đó 640 lao động nữ và 415 đoàn viên.",
        "Năm 2041, chi cục có 1.040 việc phải thi hành, trong đó 840 việc có điều kiện thi "
        "hành, đã thi hành xong 615 việc.",
        # one part of a family twice: "cũ" and "chuyển sang" are the same category
        "Năm 2041, tòa thụ lý 1.040 vụ; trong đó 640 vụ cũ, 415 vụ chuyển sang.",
    ):
        assert _over(text) == [], text


# --------------------------------------------------------------------------- "gồm:" lists


def test_named_parts_after_gom_colon_must_make_up_their_whole() -> None:
    # 20,15 + 24,9 = 45,05 ha, not 45,2: more than the rounding of the figures (0,11)
    text = (
        "Năm 2041, diện tích chuyển đổi được hỗ trợ là 45,2 ha, gồm: Ngô 20,15 ha, Đậu tương "
        "24,9 ha."
    )
    assert _over(text) == [(Decimal("45.2"), (Decimal("20.15"), Decimal("24.9")))]
    # the parts read as results are checked as the whole's by their own rule: one row per
    # whole, that older check's (review of session 31)
    assert _sums(text) == [("45", "inconsistent", "20.15 + 24.9 = 45.05; total = 45.2")]
    # parts in brackets after their names, above the whole
    text = (
        "Năm 2041, vườn ươm sản xuất 7,2 triệu cây giống, bao gồm: Keo (4,15 triệu cây), "
        "Bạch đàn (2,3 triệu cây) và Lát (0,95 triệu cây)."
    )
    assert _over(text) == [
        (Decimal(7_200_000), (Decimal(4_150_000), Decimal(2_300_000), Decimal(950_000)))
    ]


def test_named_parts_that_may_be_rounded_or_partial_are_left() -> None:
    for text in (
        # within the rounding: 20,15 + 25,02 = 45,17, 0,03 from the whole, the figures 0,06
        "Năm 2041, diện tích chuyển đổi là 45,2 ha, gồm: Ngô 20,15 ha, Đậu tương 25,02 ha.",
        # no colon: the list may be another figure's
        "Năm 2041, diện tích chuyển đổi là 45,2 ha, gồm Ngô 20,15 ha, Đậu tương 24,9 ha.",
        # a list said to be partial
        "Năm 2041, diện tích chuyển đổi là 45,2 ha, gồm: chủ yếu Ngô 20,15 ha, Đậu 24,9 ha.",
        # a hedged part
        "Năm 2041, diện tích chuyển đổi là 45,2 ha, gồm: Ngô 20,15 ha, Đậu tương hơn 24,9 ha.",
        # the list ends at a semicolon: the clause after it is no part
        "Năm 2041, diện tích chuyển đổi là 45,2 ha, gồm: Ngô 20,15 ha, Đậu tương 25,05 ha; "
        "Lúa 10 ha.",
        # an item that is more than a name and its amount
        "Năm 2041, diện tích chuyển đổi là 45,2 ha, gồm: Ngô 20,15 ha, diện tích đã trồng xong "
        "được nghiệm thu 24,9 ha.",
    ):
        assert _over(text) == [], text
