"""Round 51 of the extraction rules (issue 17): invented first-users' sentences that must give
no claim or no audit finding (a plan alone, growth, shares, rankings, dates, coverage fractions,
parts within their whole, a qualified percentage its exact figures agree with), each on
invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

import pytest
from reading import find

from kpitools.extract import Statement, audit_statements

NO_CLAIM = [
    # a plan alone
    "Năm 2034, Đảng bộ xã Tân Lộc phấn đấu kết nạp 45 đảng viên mới.",
    "Chỉ tiêu năm 2035 của Hội Nông dân huyện là phát triển 620 hội viên.",
    "Huyện đoàn đặt mục tiêu kết nạp 1.150 đoàn viên trong năm tới.",
    "Kế hoạch giao cho các chi bộ là thành lập 7 chi bộ mới ở doanh nghiệp tư nhân.",
    (
        "Liên đoàn Lao động tỉnh phấn đấu phát triển 3.400 đoàn viên công đoàn, "
        "thành lập 25 công đoàn cơ sở."
    ),
    "Công ty đặt kế hoạch doanh thu 1.240 tỷ đồng cho năm 2035.",
    # growth
    "Số đảng viên của Đảng bộ phường Đông Hòa tăng 6% so với năm trước.",
    "Số hội viên Hội Cựu chiến binh tăng 12,5% so với cùng kỳ.",
    "Doanh thu quý III của công ty tăng 18% so với cùng kỳ năm trước, đạt 415 tỷ đồng.",
    "Số đoàn viên mới kết nạp giảm 4% so với năm 2033.",
    # shares
    "Đảng viên nữ chiếm 38% tổng số đảng viên của đảng bộ.",
    "Đoàn viên là người dân tộc thiểu số chiếm 27,4% số đoàn viên toàn huyện.",
    "Trong số 212 hội viên mới, có 64 hội viên là nữ, chiếm 30,2%.",
    "Đảng viên có trình độ đại học chiếm tỷ lệ 71% trong toàn đảng bộ.",
    # rankings
    "Đảng bộ xã Phú Mỹ xếp thứ 3 trong 28 đảng bộ cơ sở của huyện.",
    "Công đoàn ngành Giáo dục đứng thứ 2 toàn tỉnh về số đoàn viên mới.",
    "Chi bộ thôn Đồng Xanh được xếp loại hoàn thành xuất sắc nhiệm vụ, đứng đầu 14 chi bộ.",
    # dates
    "Ngày 12/8/2034, Đảng bộ xã tổ chức lễ kết nạp 9 đảng viên mới.",
    "Từ ngày 1/3 đến 30/6/2035, Hội Phụ nữ xã tổ chức đợt ra quân phát triển hội viên.",
    "Đại hội Đảng bộ huyện nhiệm kỳ 2035-2040 diễn ra từ ngày 14 đến 16/7.",
    # coverage fractions
    "Có 41/43 tổ chức cơ sở đảng đã tổ chức hội nghị kiểm điểm.",
    "18/22 chi bộ trực thuộc đã sinh hoạt chuyên đề theo hướng dẫn.",
    "Đã có 9/12 xã thành lập chi hội nông dân nghề nghiệp.",
    "100% chi bộ đã quán triệt nghị quyết đến từng đảng viên.",
    "97% đảng viên tham gia học tập nghị quyết.",
    "Có 5/6 công đoàn cơ sở được xếp loại vững mạnh.",
    # counts without plan
    "Trong năm, toàn đảng bộ kết nạp 53 đảng viên, chuyển chính thức cho 47 đảng viên.",
    "Hội Cựu chiến binh xã hiện có 318 hội viên, sinh hoạt ở 9 chi hội.",
    "Năm 2034, Huyện đoàn kết nạp 780 đoàn viên, trao 140 suất học bổng.",
    (
        "Công đoàn cơ sở đã thăm hỏi 56 đoàn viên có hoàn cảnh khó khăn "
        "với tổng số tiền 84 triệu đồng."
    ),
    # a company's plan called expected, and growth of two amounts in turn
    "Năm 2035, công ty dự kiến doanh thu đạt 2.600 tỷ đồng, lợi nhuận 180 tỷ đồng.",
    "Doanh thu và lợi nhuận quý I lần lượt tăng 9% và 14% so với cùng kỳ.",
]
NO_FINDING = [
    # parts within their whole
    (
        "Toàn đảng bộ kết nạp 64 đảng viên, trong đó có 21 đảng viên nữ "
        "và 12 đảng viên là đoàn viên thanh niên."
    ),
    "Toàn huyện có 52 tổ chức cơ sở đảng, trong đó 31 đảng bộ cơ sở và 21 chi bộ cơ sở.",
    (
        "Hội phát triển 430 hội viên mới, trong đó các hội cơ sở xã kết nạp 290 hội viên, "
        "các hội cơ sở thị trấn kết nạp 140 hội viên."
    ),
    "Doanh thu 9 tháng đạt 2.150 tỷ đồng, trong đó doanh thu xuất khẩu 870 tỷ đồng.",
    (
        "Các đảng bộ xã kết nạp 120 đảng viên, chiếm 60% số đảng viên kết nạp "
        "của toàn huyện là 200 đảng viên."
    ),
    "Các chi bộ thôn kết nạp 17 đảng viên, các chi bộ trường học kết nạp 6 đảng viên, cả xã 23.",
]
QUALIFIED_THAT_HOLD = [
    # a qualified percentage that its exact figures agree with
    "Kết nạp 118 đảng viên, đạt gần 99% kế hoạch 120 đảng viên.",
    "Phát triển 1.036 đoàn viên, vượt hơn 3% chỉ tiêu 1.000 đoàn viên.",
    "Doanh thu đạt 1.512 tỷ đồng, bằng khoảng 108% kế hoạch năm 1.400 tỷ đồng.",
    "Kết nạp 205 hội viên, đạt trên 102% chỉ tiêu được giao là 200 hội viên.",
    "Lợi nhuận 9 tháng đạt 331 tỷ đồng, hoàn thành gần 83% kế hoạch cả năm 400 tỷ đồng.",
]


def _target_claims(text: str) -> list[Statement]:
    """The statements of ``text`` that claim a result against a target: an attainment or an
    excess, or an actual paired with a target that is not a whole it covers."""
    return [
        s
        for s in find(text, money=True)
        if s.stated_kind in ("attainment", "excess", "excess_count")
        or (s.actual is not None and s.target is not None and s.stated_kind != "coverage")
    ]


def _findings(text: str) -> list[str]:
    """The audit verdicts of ``text`` that flag a statement."""
    audit = audit_statements(find(text, money=True))
    return [v for v in (audit["verdict"] if len(audit) else []) if v == "inconsistent"]


@pytest.mark.parametrize("text", NO_CLAIM)
def test_sentences_with_no_result_against_a_target_give_no_claim(text: str) -> None:
    assert _target_claims(text) == []
    assert _findings(text) == []


@pytest.mark.parametrize("text", NO_FINDING + QUALIFIED_THAT_HOLD)
def test_parts_within_their_whole_and_qualified_percentages_that_hold_raise_no_finding(
    text: str,
) -> None:
    assert _findings(text) == []


@pytest.mark.parametrize("text", QUALIFIED_THAT_HOLD)
def test_a_qualified_percentage_its_figures_agree_with_is_not_inconsistent(text: str) -> None:
    verdicts = [s.verdict for s in find(text, money=True) if s.stated_kind is not None]
    assert verdicts
    assert "inconsistent" not in verdicts


# ------------------------------ a fraction of mass-organisation bodies (base trade unions,
# youth cells, association branches) counted against their total is a coverage


@pytest.mark.parametrize(
    "text",
    [
        "Có 4/6 chi hội được xếp loại khá.",
        "Đã có 11/12 chi đoàn tổ chức sinh hoạt chủ điểm.",
        "Có 7/9 công đoàn cơ sở đã tổ chức đại hội.",
    ],
)
def test_a_fraction_of_mass_organisation_bodies_is_a_coverage(text: str) -> None:
    [s] = [s for s in find(text) if s.target is not None]
    assert s.stated_kind == "coverage"


def test_bodies_founded_as_a_fraction_stay_a_result_against_the_plan() -> None:
    text = "Năm 2036, huyện thành lập mới 5/6 công đoàn cơ sở trong doanh nghiệp."
    [s] = [s for s in find(text) if s.target is not None]
    assert (s.actual, s.target, s.stated_kind) == (5, 6, None)


# ------------------------------ a percentage of a plan after two or more named parts of the
# whole's own noun (``trong đó`` + a short name + a count) is the whole's


def _stated_on(text: str) -> list[tuple[object, str | None]]:
    return [(s.actual, s.stated) for s in find(text) if s.stated is not None]


@pytest.mark.parametrize(
    "text",
    [
        (
            "Năm 2036, hội mở 30 lớp, trong đó tập trung 12 lớp, lưu động 10 lớp và 8 lớp "
            "trực tuyến, đạt 120% kế hoạch."
        ),
        "Năm 2036, hội mở 30 lớp, trong đó tập trung 12 lớp và 18 lớp buổi tối, đạt 120% kế hoạch.",
    ],
)
def test_a_plan_percentage_after_named_parts_is_the_wholes(text: str) -> None:
    assert _stated_on(text) == [(30, "120%")]


@pytest.mark.parametrize(
    "text",
    [
        # one part only: not a list of kinds of the whole
        "Năm 2036, hội mở 30 lớp, trong đó lưu động 12 lớp, đạt 110% kế hoạch.",
        # the parts count another noun than the whole's
        "Năm 2036, hội mở 30 lớp, trong đó tập trung 12 học viên và 18 học viên buổi tối, "
        "đạt 110% kế hoạch.",
    ],
)
def test_a_percentage_after_one_part_or_parts_of_another_noun_is_not_the_wholes(
    text: str,
) -> None:
    assert all(actual != 30 for actual, _ in _stated_on(text))


# ------------------------------ parts named as groups of bodies (``các chi bộ …``) are
# disjoint parts of their whole: together they may not exceed it


def test_groups_of_bodies_that_together_exceed_their_whole_are_flagged() -> None:
    text = (
        "Năm 2036, toàn huyện kết nạp 140 đảng viên, trong đó các đảng bộ xã kết nạp "
        "95 đảng viên và các chi bộ doanh nghiệp kết nạp 70 đảng viên."
    )
    assert _findings(text) == ["inconsistent"]


@pytest.mark.parametrize(
    "text",
    [
        # within their whole
        "Năm 2036, toàn huyện kết nạp 140 đảng viên, trong đó các đảng bộ xã kết nạp "
        "95 đảng viên và các chi bộ doanh nghiệp kết nạp 45 đảng viên.",
        # one group inside the other's name: they may overlap, no sum is checked
        "Năm 2036, toàn huyện kết nạp 140 đảng viên, trong đó các chi bộ thôn kết nạp "
        "95 đảng viên và các chi bộ thôn miền núi kết nạp 70 đảng viên.",
    ],
)
def test_groups_within_their_whole_or_nested_raise_no_finding(text: str) -> None:
    assert _findings(text) == []
