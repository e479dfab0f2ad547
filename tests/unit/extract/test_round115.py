"""Round 115 of the extraction rules (issue 17): the audit of a growth against the change or
the base written beside it, on invented text (never the evaluation set's figures or
sentences)."""

from __future__ import annotations

from reading import find

from kpitools.extract import audit_statements


def _growths(text: str) -> list[tuple[str, str, float | None]]:
    """(stated, verdict, expected) of the audit's checked growth rows of ``text``."""
    found = find(text)
    rows = audit_statements(found).to_dicts() if found else []
    return [
        (r["stated"], r["verdict"], r["expected"])
        for r in rows
        if r["check"] in ("growth", "rate") and r["verdict"] != "unchecked"
    ]


# --------------------------------------------------------------------------- the change before


def test_a_change_then_its_growth_in_brackets() -> None:
    # 310 on 2.430 − 310 = 2.120 is 14,62 %, never 18 %
    text = "Năm 2041, sản lượng cá tra đạt 2.430 tấn, tăng 310 tấn (tăng 18%)."
    assert _growths(text) == [("18%", "inconsistent", 15.0)]
    kept = text.replace("(tăng 18%)", "so với năm 2040 (tăng 14,6%)")
    assert _growths(kept) == [("14,6%", "consistent", 14.6)]
    # a change over a plan, or over another period than the growth's, is not its change
    over_plan = text.replace("310 tấn (", "310 tấn so với kế hoạch (")
    assert _growths(over_plan) == []
    two_periods = text.replace(
        "310 tấn (tăng 18%)", "310 tấn so với năm 2040 (tăng 18% so với năm 2039)"
    )
    assert _growths(two_periods) == []
    # nor a change of another measure
    assert _growths(text.replace("310 tấn", "310 ha")) == []


def test_a_fall_then_its_percentage_said_the_same() -> None:
    # 800 from 5.200 + 800 = 6.000 is 13,3 %
    text = (
        "Vụ mùa năm 2041, diện tích lạc là 5.200 ha, giảm 800 ha, tương đương giảm 12% so với "
        "vụ trước."
    )
    assert _growths(text) == [("12%", "inconsistent", 13.0)]
    assert _growths(text.replace("giảm 12%", "giảm 13,3%")) == [("13,3%", "consistent", 13.3)]


def test_a_compound_change_then_its_rate_of_growth() -> None:
    # 215,1 on 2.115,3 − 215,1 = 1.900,2 is 11,32 %
    text = (
        "Đến 30/6/2041, dư nợ của quỹ đạt 2.115 tỷ 300 triệu đồng, tăng 215 tỷ 100 triệu đồng "
        "so với đầu năm, tỷ lệ tăng đạt 9,9%."
    )
    assert _growths(text) == [("9,9%", "inconsistent", 11.3)]


# --------------------------------------------------------------------------- the change after


def test_a_floor_level_with_a_signed_change_after_the_period() -> None:
    # more than 9.120 with 2.840 added: at most 2.840,5 / 6.279,5 = 45,2 %, never 61 %
    text = (
        "Năm 2041, toàn ngành thu được hơn 9.120 tỷ đồng, tăng 61% so với năm trước "
        "(+2.840 tỷ đồng)."
    )
    assert _growths(text) == [("61%", "inconsistent", 45.0)]
    # the floor allows any level above it: 45 % is some value's (9.152 gives 45,0 %)
    assert _growths(text.replace("61%", "44%")) == [("44%", "consistent", 45.0)]
    # an approximate level leaves the growth free: no check
    assert _growths(text.replace("hơn 9.120", "khoảng 9.120")) == []


def test_a_growth_only_cut_from_its_figures_is_truncated() -> None:
    # 440 on 2.214 − 440 = 1.774 is 24,80 % (24,77 to 24,84 within the figures' rounding):
    # 25 rounded, 24 only when cut
    text = (
        "Lũy kế 10 tháng, tiền thu phí đạt 2.214 tỷ đồng, đạt 81,5% kế hoạch năm và tăng 24% "
        "so với cùng kỳ năm 2040 (tăng 440 tỷ đồng)."
    )
    assert _growths(text) == [("24%", "truncated", 25.0)]
    assert _growths(text.replace("tăng 24%", "tăng 24,8%")) == [("24,8%", "consistent", 24.8)]


def test_a_fall_with_the_people_it_lost() -> None:
    # 1.597 from 52.403 + 1.597 = 54.000 is 2,957 % (2,9565 to 2,9583 within the figures'
    # rounding): 2,96 rounded, 2,95 cut, 2,7 neither
    text = (
        "Số hộ tham gia bảo hiểm là 52.403 hộ, đạt 98,2% kế hoạch năm, giảm 2,7% với 1.597 hộ "
        "so với cùng kỳ năm 2040."
    )
    assert _growths(text) == [("2,7%", "inconsistent", 3.0)]
    assert _growths(text.replace("2,7%", "2,95%")) == [("2,95%", "truncated", 2.96)]
    assert _growths(text.replace("2,7%", "2,96%")) == [("2,96%", "consistent", 2.96)]


# --------------------------------------------------------------------------- two levels


def test_a_fall_from_one_level_to_another() -> None:
    # 4.000 to 2.900 is a fall of 27,5 %
    text = "Năm 2041, lợi nhuận của tập đoàn giảm 30%, từ 4.000 tỷ xuống 2.900 tỷ đồng."
    assert _growths(text) == [("30%", "inconsistent", 28.0)]
    assert _growths(text.replace("giảm 30%", "giảm 27,5%")) == [("27,5%", "consistent", 27.5)]
    # the direction contradicting the verb: no reading
    assert _growths(text.replace("giảm 30%", "tăng 30%")) == []


def test_a_base_in_brackets_with_its_period_named_again() -> None:
    text = "Quý I/2041, doanh thu đạt 52 tỷ, tăng 30% so với năm 2040 (năm 2040 đạt 45 tỷ)."
    assert _growths(text) == [("30%", "inconsistent", 16.0)]
    # another period in the bracket: not the base
    assert _growths(text.replace("(năm 2040 đạt", "(năm 2039 đạt")) == []
