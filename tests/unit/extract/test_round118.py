"""Round 118 of the extraction rules (issue 17): the audit's misses, on invented text (never
the evaluation set's figures or sentences)."""

from __future__ import annotations

from reading import audit_rows, find

# --------------------------------------------------------------------------- shares of fractions


def test_a_share_its_own_fraction_does_not_give_is_flagged() -> None:
    # 315 of 428 is 73,598 %
    text = "Năm 2041, toàn huyện có 315/428 hộ chăn nuôi được cấp giấy chứng nhận (chiếm 73,8%)."
    (s,) = find(text)
    assert (s.actual, s.target, s.stated_kind) == (315, 428, "share")
    assert audit_rows(text, "share") == [("73,8%", "inconsistent", 73.6)]
    assert audit_rows(text.replace("73,8%", "73,6%"), "share") == [("73,6%", "consistent", 73.6)]


def test_a_share_cut_from_its_fraction_is_truncated() -> None:
    # 58 of 74 is 78,378 %: 78,38 rounded, 78,37 cut
    text = "Năm 2041, huyện có 58/74 trạm y tế xã đạt chuẩn quốc gia, chiếm tỷ lệ 78,37%."
    assert audit_rows(text, "share") == [("78,37%", "truncated", 78.38)]
    kept = text.replace("78,37%", "78,38%")
    assert audit_rows(kept, "share") == [("78,38%", "consistent", 78.38)]


def test_a_share_of_the_fraction_s_noun_named_again_isaudit_rows() -> None:
    text = "Năm 2041, toàn tỉnh có 12/15 huyện đạt chuẩn nông thôn mới, chiếm 81% tổng số huyện."
    assert audit_rows(text, "share") == [("81%", "inconsistent", 80.0)]


def test_a_share_that_is_not_of_its_fraction_is_left_unchecked() -> None:
    # a whole of another noun named after the percentage
    other_whole = (
        "Năm 2041, toàn tỉnh có 12/15 huyện đạt chuẩn nông thôn mới, chiếm 35% tổng diện "
        "tích tự nhiên."
    )
    assert [v for _, v, _ in audit_rows(other_whole, "share")] == ["unchecked"]
    # a hedged percentage or fraction, another figure between them
    hedged = "Năm 2041, toàn tỉnh có 12/15 huyện đạt chuẩn nông thôn mới, chiếm gần 81%."
    assert [v for _, v, _ in audit_rows(hedged, "share") if v != "unchecked"] == []
    about = "Năm 2041, toàn tỉnh có khoảng 12/15 huyện đạt chuẩn, chiếm tỷ lệ 81%."
    assert [v for _, v, _ in audit_rows(about, "share") if v != "unchecked"] == []
    between = "Năm 2041, có 12/15 huyện và 40 xã đạt chuẩn nông thôn mới, chiếm tỷ lệ 81%."
    assert [v for _, v, _ in audit_rows(between, "share") if v != "unchecked"] == []
