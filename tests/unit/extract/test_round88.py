"""Round 88 of the extraction rules (issue 17): each rule with a positive and a negative case
on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

from reading import find

from kpitools.extract import audit_statements, statements_frame


def _pairs(text: str) -> list[tuple[object, object, object]]:
    return [(s.actual, s.target, s.stated_percent) for s in find(text) if s.actual is not None]


def _flagged(text: str) -> list[str]:
    audit = audit_statements(statements_frame(find(text)))
    return audit.filter(audit["verdict"] == "inconsistent")["text"].to_list()


def _harbour(headline: str, rates: str) -> str:
    return (
        f"Cảng Tây Hòa: {headline} tấn cá sau hơn hai tháng\n\n"
        "Tính đến ngày 12/3/2041, lượng cá qua cảng Tây Hòa là 8,412 tấn, bằng 14% kế hoạch "
        f"tiếp nhận 60,000 tấn của cảng. {rates}"
    )


TWO_POINT_RATES = "Cá ngừ chiếm 61.2% sản lượng, tăng 4.35% so với cùng kỳ."
ONE_POINT_RATE = "Cá ngừ chiếm 61.2% sản lượng, tăng 4% so với cùng kỳ."


def test_commas_group_thousands_beside_a_headline_grouped_with_points() -> None:
    assert _pairs(_harbour("8.400", TWO_POINT_RATES)) == [
        (Decimal(8412), Decimal(60000), Decimal(14))
    ]


def test_commas_stay_decimal_without_two_rates_written_with_points() -> None:
    (actual, _, _) = _pairs(_harbour("8.400", ONE_POINT_RATE))[0]
    assert actual == Decimal("8.412")


def test_commas_stay_decimal_beside_points_of_another_order() -> None:
    (actual, _, _) = _pairs(_harbour("2.400.000", TWO_POINT_RATES))[0]
    assert actual == Decimal("8.412")


FEES = "Đến ngày 20/4/2041, Sở Tài chính đã thu 1.365 tỷ đồng phí hạ tầng, đạt 25% kế hoạch"


def test_the_plan_named_by_its_verb_gives_its_amount() -> None:
    assert _pairs(f"{FEES} thu 5.460 tỷ đồng.") == [
        (Decimal("1365000000000"), Decimal("5460000000000"), Decimal(25))
    ]


def test_a_count_after_the_plan_and_its_verb_is_no_plan() -> None:
    found = find(f"{FEES} thu 14 dự án.")
    assert [(s.actual, s.target) for s in found] == [(Decimal("1365000000000"), None)]


def _forests(between: str) -> str:
    return (
        "Năm 2041, huyện trồng được 640 ha rừng, đạt 32% kế hoạch."
        f"{between} Trong đó, tổ số 2 trồng được 1.150 ha, bằng 58% kế hoạch của tổ."
    )


def test_a_list_after_trong_do_divides_the_sentence_right_before_it() -> None:
    assert _flagged(_forests(" Đến nay 7/9 tổ trồng rừng đã vào vụ.")) == []


def test_a_part_larger_than_the_sentence_right_before_is_still_flagged() -> None:
    # the list divides the sentence of units right before it (900 ha), not the larger total
    # further back that names the list's first words (which would leave it linked to none)
    assert _flagged(
        "Năm 2041, huyện trồng rừng được 5.200 ha, bằng 80% kế hoạch. Đến nay 7/9 tổ đã có "
        "900 ha, đạt 40% kế hoạch. Trong đó, trồng rừng tổ số 2 được 1.150 ha, bằng 58% kế "
        "hoạch của tổ."
    )
    assert _flagged(_forests(""))


def _planted(opening: str, rest: str = "bằng 9% kế hoạch") -> list[tuple[object, object, object]]:
    return _pairs(f"{opening}, diện tích rừng trồng mới của huyện tăng thêm 180 ha, {rest}.")


def test_a_change_after_a_past_period_named_at_length_is_no_result() -> None:
    assert _planted("So với số liệu của tháng trước") == []
    assert _planted("So với số liệu báo cáo kỳ trước (ngày 4/5/2041)") == []


def test_a_change_after_a_plan_named_first_stays_a_result() -> None:
    assert _planted("So với kế hoạch của tháng trước") == [(Decimal(180), None, Decimal(9))]
    assert _planted("So với số liệu của tháng trước", "đạt 9% kế hoạch") == [
        (Decimal(180), None, Decimal(9))
    ]


def test_places_of_an_intake_given_are_the_quota_of_the_people_taken_in() -> None:
    assert _pairs(
        "Năm 2041, trường nghề được giao 300 chỉ tiêu tuyển sinh, đã tuyển được 280 học viên."
    ) == [(Decimal(280), Decimal(300), None)]


def test_indicators_given_are_no_quota_of_people() -> None:
    given = "Năm 2041, xã được giao 24 chỉ tiêu kinh tế - xã hội, đã tuyển 23 tân binh."
    assert _pairs(given) == []


def _indicators(columns: str) -> str:
    return (
        "Các chỉ tiêu chủ yếu của xã Bình Khê\n\n"
        f"Chỉ tiêuĐơn vị tính{columns}\n"
        "1 Số hộ nuôi cá lồng hộ 58 64\n"
        "2 Chiều dài kênh mương kiên cố km 12.5 14\n"
    )


def test_a_header_run_together_names_the_result_then_the_plan() -> None:
    assert _pairs(_indicators("Ước thực hiệnDự toán")) == [
        (Decimal(58), Decimal(64), None),
        (Decimal("12.5"), Decimal(14), None),
    ]


def test_a_past_result_before_a_later_plan_is_no_pair() -> None:
    assert _pairs(_indicators("Thực hiện 2040Kế hoạch 2041")) == []
