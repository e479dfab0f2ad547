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
