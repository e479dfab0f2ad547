"""What the review of round 85 found (session 26), each with a case it mends and one it
keeps, on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

from kpitools.extract import audit_statements, statements_frame


def _pairs(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.target) for s in find(text) if s.actual is not None]


def _attained(text: str) -> list[tuple[object, object, object]]:
    return [(s.actual, s.target, s.stated_percent) for s in find(text) if s.stated_percent]


def _flagged(text: str) -> list[str]:
    frame = audit_statements(statements_frame(find(text)))
    return [v for v in frame["verdict"].to_list() if v == "inconsistent"]


# a bare "tương đương X%" is the plan's attainment only after the clause's result: the rest
# unspent, a cut or a part of the result named in the amount's clause is no result
CAPITAL_PLAN = "Kế hoạch vốn năm 2041 là 640 tỷ đồng. "
UNSPENT_EQUAL = "Đến nay đã giải ngân 400 tỷ đồng, còn lại 240 tỷ đồng, tương đương 37,5%."
CUT_EQUAL = "Trong năm, vốn bị cắt giảm 64 tỷ đồng, tương đương 10%."
PART_EQUAL = (
    "Đến nay đã giải ngân 400 tỷ đồng, trong đó vốn ngân sách tỉnh 128 tỷ đồng, tương đương 20%."
)
NOT_YET_EQUAL = "Số vốn chưa giải ngân là 240 tỷ đồng, tương đương 37,5%."
RESULT_EQUAL = "Đến nay xã Phú Lâm đã giải ngân được 400 tỷ đồng, tương đương 62,5%."


def test_an_equal_share_of_a_rest_a_cut_or_a_part_is_no_attainment() -> None:
    for text in (UNSPENT_EQUAL, CUT_EQUAL, PART_EQUAL, NOT_YET_EQUAL):
        assert _attained(CAPITAL_PLAN + text) == []
        assert all(target is None for _, target in _pairs(CAPITAL_PLAN + text))


def test_an_equal_share_of_the_result_disbursed_is_still_its_attainment() -> None:
    assert _attained(CAPITAL_PLAN + RESULT_EQUAL) == [
        (Decimal(400_000_000_000), Decimal(640_000_000_000), Decimal("62.5"))
    ]
