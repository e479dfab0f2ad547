"""Round 38 of the extraction rules (issue 17): a headline's qualified figure that the body
writes with the same digits and no qualifier is not contradicted; … — each a general rule of
report wording, tested on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from reading import find


def flagged(text: str) -> list[str]:
    """The texts of the statements of ``text`` the extractor flags inconsistent."""
    return [s.text for s in find(text, money=True) if s.verdict == "inconsistent"]


# ------------------------------- a headline's figure written again without its qualifier


@pytest.mark.parametrize(
    "text",
    [
        "Trên 3 nghìn hội viên mới trong năm\nCả năm, các chi hội kết nạp 3 nghìn hội viên, "
        "vượt 7% kế hoạch.",
        "Thu ngân sách quý II đạt hơn 2,6 nghìn tỷ đồng\nQuý II, thu ngân sách đạt 2,6 nghìn "
        "tỷ đồng, bằng 31% dự toán.",
    ],
)
def test_the_headlines_digits_written_plainly_are_no_contradiction(text: str) -> None:
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Trên 3 nghìn hội viên mới trong năm\nCả năm, các chi hội kết nạp 2.940 hội viên, "
        "vượt 7% kế hoạch.",
        "Thu ngân sách quý II đạt hơn 2,6 nghìn tỷ đồng\nQuý II, thu ngân sách đạt 2.570 tỷ "
        "đồng, bằng 31% dự toán.",
    ],
)
def test_a_body_figure_below_the_headlines_floor_is_still_flagged(text: str) -> None:
    [headline] = flagged(text)
    assert headline.startswith(("Trên", "hơn"))


def pairs(text: str) -> list[tuple[object, object]]:
    """(actual, target) of the statements of ``text`` that pair two figures."""
    return [(s.actual, s.target) for s in find(text, money=True) if s.target is not None]


# ---------------------------------------------------- a part among a whole of results


@pytest.mark.parametrize(
    "text",
    [
        "Chi đoàn có 4 đoàn viên xuất sắc trong tổng số 30 đoàn viên của xã.",
        "Đội giành 7 giải nhất trong tổng số 20 giải nhất của cả đoàn tại hội thi.",
        "Phường có 6 chi bộ trong số 25 chi bộ được xếp loại tốt.",
    ],
)
def test_a_part_among_a_whole_of_results_is_no_pair(text: str) -> None:
    assert pairs(text) == []


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Xã đã hoàn thành 14 công trình trong tổng số 30 công trình dự kiến trong năm.", (14, 30)),
        ("Đảng bộ kết nạp 45 đảng viên trên tổng số 50 đảng viên theo chỉ tiêu.", (45, 50)),
    ],
)
def test_a_whole_named_as_planned_or_after_tren_is_still_the_target(
    text: str, pair: tuple[int, int]
) -> None:
    assert pairs(text) == [pair]


# ------------------------------------------------ an amount left out of the result


@pytest.mark.parametrize(
    "text",
    [
        "Đảng bộ phường kết nạp 412 đảng viên, chưa kể 9 đảng viên chuyển đến (kế hoạch 420 "
        "đảng viên).",
        "Năm nay Hội có 640 hội viên mới, không tính 15 hội viên danh dự (kế hoạch 700 hội viên).",
    ],
)
def test_an_amount_left_out_is_not_the_result_its_plan_joins_the_one_before(text: str) -> None:
    [(actual, _)] = pairs(text)
    assert actual in (412, 640)


def test_a_count_up_to_a_date_is_still_the_result() -> None:
    text = "Tính đến cuối quý III, Hội kết nạp 640 hội viên mới (kế hoạch 700 hội viên)."
    assert pairs(text) == [(640, 700)]


# -------------------------------------------------- a day and month alone in brackets


@pytest.mark.parametrize(
    "text",
    [
        "Trong ngày diễn cuối của Liên hoan 5 (27/11), các chi hội kết nạp 86 hội viên.",
        "Tại hội nghị hôm qua (23/4), Đảng ủy phường kết nạp 15 đảng viên.",
    ],
)
def test_a_day_and_month_alone_in_brackets_is_a_date(text: str) -> None:
    assert pairs(text) == []


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Kết quả đạt 100% (9/9), kết nạp 12 đảng viên.", (9, 9)),
        ("Một số đảng bộ kết nạp thấp so với chỉ tiêu: phường Đông (2/7).", (2, 7)),
    ],
)
def test_a_fraction_in_brackets_after_no_day_word_keeps_its_pair(
    text: str, pair: tuple[int, int]
) -> None:
    assert pairs(text) == [pair]


def linked(text: str) -> list[tuple[object, str | None]]:
    """(actual, stated) of the statements of ``text`` whose result comes from another one."""
    return [(s.actual, s.stated) for s in find(text, money=True) if s.link_text is not None]


# --------------------------------------- a rate in a sentence that opens on a topic of its own


def test_a_rate_of_a_topic_opened_in_its_sentence_takes_no_earlier_result() -> None:
    text = (
        "Chương trình nông thôn mới giải ngân khoảng 640 tỷ đồng, đạt 52%. Đối với vốn vay "
        "ưu đãi, tỷ lệ giải ngân đạt 38,5%, cao hơn cùng kỳ."
    )
    assert linked(text) == []


def test_a_rate_without_a_topic_of_its_own_still_takes_the_result_before() -> None:
    text = (
        "Chương trình nông thôn mới giải ngân khoảng 640 tỷ đồng, đạt 52%. Đến cuối năm, tỷ "
        "lệ giải ngân đạt 71,5%, cao hơn cùng kỳ."
    )
    assert [stated for _, stated in linked(text)] == ["71,5%"]


# ------------------------------------------------ a box of linked stories inside the article

_BODY = (
    "Báo cáo sơ kết của Ban Tổ chức Quận ủy cho biết, trong 6 tháng đầu năm, các chi bộ "
    "trực thuộc kết nạp được 214 đảng viên, đạt 58,4% kế hoạch năm."
)


def test_a_box_of_linked_stories_inside_the_article_is_skipped_and_reading_goes_on() -> None:
    text = f"Quận kết nạp hơn 200 đảng viên\nTin liên quan\n • Một tiêu đề khác\n{_BODY}"
    assert [s.actual for s in find(text) if s.stated == "58,4%"] == [214]


@pytest.mark.parametrize(
    "trailer",
    ["Tin liên quan\n • Một tiêu đề khác\nBình luận\n", "Tin liên quan\n • Một tiêu đề\nXem\n"],
)
def test_a_box_of_linked_stories_at_the_end_still_ends_the_reading(trailer: str) -> None:
    text = f"Quận kết nạp hơn 200 đảng viên\n{trailer}{_BODY}"
    assert [s for s in find(text) if s.stated == "58,4%"] == []


def stated(text: str) -> list[tuple[object, str | None, str | None]]:
    """(actual, stated, kind) of the statements of ``text`` that state a percentage."""
    return [(s.actual, s.stated, s.stated_kind) for s in find(text) if s.stated is not None]


# ------------------------------------------ a percentage of what a Party committee assigned


@pytest.mark.parametrize(
    "text",
    [
        "Từ đầu năm đến nay, Đảng bộ quận kết nạp 318 đảng viên, bằng 106% Ban Thường vụ "
        "Quận ủy giao.",
        "Phường kết nạp 52 đảng viên, bằng 104% Đảng ủy phường giao.",
    ],
)
def test_a_percentage_of_what_a_party_committee_assigned_is_an_attainment(text: str) -> None:
    [(_, _, kind)] = stated(text)
    assert kind == "attainment"


def test_a_percentage_of_all_members_is_no_attainment() -> None:
    [(_, _, kind)] = stated("Phường kết nạp 52 đảng viên, bằng 12% tổng số đảng viên.")
    assert kind != "attainment"


# ----------------------------------------- a rate with its base named, then its target rate


@pytest.mark.parametrize(
    "text",
    [
        "Giai đoạn vừa qua, tỷ lệ kết nạp đảng viên mới trung bình mỗi năm đạt 4,2% so với "
        "tổng số đảng viên của Đảng bộ, vượt mục tiêu đại hội đề ra (3,5%).",
        "Giai đoạn vừa qua, tỷ lệ kết nạp ĐV mới trung bình mỗi năm đạt 4,2% so với tổng số ĐV "
        "của Đảng bộ phường, cao hơn mục tiêu đại hội đề ra (3,5%).",
    ],
)
def test_a_rate_with_its_base_named_is_set_against_the_target_rate_after(text: str) -> None:
    assert pairs(text) == [(Decimal("4.2"), Decimal("3.5"))]


def test_a_rate_with_its_base_named_and_a_margin_is_no_pair() -> None:
    text = (
        "Giai đoạn vừa qua, tỷ lệ kết nạp đảng viên mới trung bình mỗi năm đạt 4,2% so với "
        "tổng số đảng viên của Đảng bộ, vượt mục tiêu 0,7%."
    )
    assert pairs(text) == []
