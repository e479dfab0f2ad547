"""What the review of round 90 found (session 27), each with a case it mends and one it
keeps, on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

from kpitools.extract import audit_statements, statements_frame


def _growth_verdicts(text: str) -> list[str]:
    audit = audit_statements(statements_frame(find(text)))
    return audit.filter(audit["check"] == "growth")["verdict"].to_list()


# a base in brackets names its measure after the period: a part of it, its change or one
# market is no base of the whole
VISITORS = (
    "Tháng 9/2041, lượng khách lưu trú tại huyện Tam Đồng đạt 4.180 lượt, bằng {}% so với "
    "cùng kỳ năm 2040 (tháng 9/2040, {} 4.000 lượt)."
)


def test_a_part_or_a_change_in_the_bracket_is_no_base() -> None:
    for named in (
        "trong đó khách quốc tế là",
        "lượng khách tăng thêm là",
        "riêng khách quốc tế đạt",
        "khách quốc tế đạt",
    ):
        assert _growth_verdicts(VISITORS.format("110", named)) == ["unchecked"], named


def test_the_measure_named_again_in_the_bracket_is_still_the_base() -> None:
    assert _growth_verdicts(VISITORS.format("104,5", "lượng khách lưu trú là")) == ["consistent"]
    assert _growth_verdicts(VISITORS.format("110", "lượng khách lưu trú là")) == ["inconsistent"]


# a percentage of a month's plan: months counted ("12 tháng", "6 tháng cuối năm") name no
# month, so the amount of their sentence is no plan of it; a month named is
WATER = "Tháng 10/2041, nhà máy nước Hồng Lạc cấp được 2.850 nghìn m3 nước, đạt {}. {}"
YEAR_OF_MONTHS = "Năm 2041 (12 tháng) nhà máy đặt kế hoạch cấp 100.000 nghìn m3 nước."
HALF_YEAR = "Kế hoạch 6 tháng cuối năm 2041 của nhà máy là 18.000 nghìn m3 nước."
MONTH_NAMED = "Kế hoạch tháng 10 của nhà máy là 3.000 nghìn m3 nước."


def _attained_pairs(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.target) for s in find(text) if s.stated_kind == "attainment"]


def test_months_counted_name_no_month_for_a_months_plan() -> None:
    for plan in ("95% kế hoạch tháng", "95% KH của tháng"):
        for then in (YEAR_OF_MONTHS, HALF_YEAR):
            assert _attained_pairs(WATER.format(plan, then)) == [(2_850_000, None)], then


def test_a_month_named_still_gives_a_months_plan() -> None:
    pairs = _attained_pairs(WATER.format("95% kế hoạch tháng", MONTH_NAMED))
    assert pairs == [(2_850_000, 3_000_000)]


# a bound kept is paired with a rate of its own period only, and "không dưới" is a floor
CHILDREN = "{} tỷ lệ trẻ suy dinh dưỡng của huyện Tam Đồng là {}%, {} mục tiêu {}5%{}."
VACCINATED = "Tỷ lệ trẻ em tiêm chủng đủ liều của huyện Tam Đồng là {}%, giữ mục tiêu {}90%."


def _rate_pairs(text: str) -> list[tuple[object, object]]:
    return [(s.actual, s.target) for s in find(text) if s.target is not None]


def test_a_bound_kept_for_another_year_or_a_later_time_is_not_paired() -> None:
    for text in (
        CHILDREN.format("Năm 2040", "4,2", "suốt năm 2041 vẫn giữ", "dưới ", ""),
        CHILDREN.format("Năm 2040", "4,2", "cả năm 2041 duy trì", "dưới ", ""),
        CHILDREN.format("Năm 2041", "4,2", "duy trì", "dưới ", " trong năm tới"),
        CHILDREN.format("Năm 2041", "4,2", "giữ vững", "dưới ", " cho giai đoạn sau"),
    ):
        assert _rate_pairs(text) == [], text


def test_a_bound_kept_for_the_rates_own_year_is_still_paired() -> None:
    for keep in ("suốt năm 2041 vẫn giữ", "cả năm 2041 duy trì", "giữ vững"):
        text = CHILDREN.format("Năm 2041", "4,2", keep, "dưới ", "")
        assert _rate_pairs(text) == [(Decimal("4.2"), 5)], keep


def test_no_less_than_is_a_floor() -> None:
    assert _rate_pairs(VACCINATED.format("88,5", "không dưới ")) == []
    assert _rate_pairs(VACCINATED.format("91,5", "không dưới ")) == [(Decimal("91.5"), 90)]
    assert _rate_pairs(VACCINATED.format("91,5", "trên ")) == [(Decimal("91.5"), 90)]


# places of a quota filled: the verb of intake right before the fraction and the quota
# right after it; an intake named elsewhere in the clause leaves a coverage one
def _kinds(text: str) -> list[tuple[object, object, str | None]]:
    return [(s.actual, s.target, s.stated_kind) for s in find(text)]


def test_an_intake_named_away_from_the_fraction_leaves_a_coverage() -> None:
    assert _kinds("Đợt tuyển sinh năm 2041 có 23/31 trường đạt chuẩn quốc gia.") == [
        (23, 31, "coverage")
    ]
    assert _kinds("Xã Hòa Yên tuyển chọn 14/17 thôn làm điểm xây dựng nông thôn mới.") == [
        (14, 17, "coverage")
    ]


def test_places_filled_in_other_layouts_are_the_quotas_attainment() -> None:
    for text in (
        "Năm 2041 trường Trung cấp Hòa Yên đã tuyển dụng được 96/130 chỉ tiêu được giao, "
        "bằng 73,8%.",
        "Trường Trung cấp Hòa Yên tuyển được 96/130 chỉ tiêu (tỷ lệ 73,8%) trong năm 2041.",
    ):
        assert _kinds(text) == [(96, 130, "attainment")], text


def test_places_not_filled_or_no_intake_stay_a_share() -> None:
    for text in (
        "Năm 2041 trường Trung cấp Hòa Yên không tuyển được 96/130 chỉ tiêu (chiếm 73,8%).",
        "Trường Trung cấp Hòa Yên dành 96/130 chỉ tiêu (chiếm 73,8%) cho học sinh miền núi.",
    ):
        assert [k for _, _, k in _kinds(text)] != ["attainment"], text
