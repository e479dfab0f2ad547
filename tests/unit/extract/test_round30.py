"""Round 30 of the extraction rules (issue 17): indicators counted as exceeded are no excess
count; a vulgar fraction is a share, no result against its target; thousands of billions
and billions written together are one amount; … — each a general rule of report wording,
tested on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from reading import find

from kpitools.extract import Statement


def claims(text: str) -> list[Statement]:
    """The statements of ``text`` a user reads as target-versus-result claims (a support)."""
    return [s for s in find(text, money=True) if s.support is not None]


# ------------------------------------------ indicators exceeded are no excess of a result


@pytest.mark.parametrize(
    "text",
    [
        "Trong 20 chỉ tiêu, phường đã thực hiện vượt 7 chỉ tiêu, đạt 11 chỉ tiêu.",
        "Năm 2022 xã đạt 15 chỉ tiêu, vượt 4 chỉ tiêu so với nghị quyết.",
        "Huyện hoàn thành 12 tiêu chí, vượt 3 tiêu chí.",
    ],
)
def test_indicators_exceeded_are_no_excess_count(text: str) -> None:
    assert [s for s in find(text) if s.stated_kind == "excess_count"] == []
    assert claims(text) == []


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Năm 2024, Đảng bộ xã kết nạp 38 đảng viên mới, vượt 3 chỉ tiêu.", (38, 35)),
        ("Năm nay phường kết nạp 26 đảng viên, vượt chỉ tiêu 4 đảng viên.", (26, 22)),
    ],
)
def test_a_count_of_people_above_its_target_stays_an_excess_count(
    text: str, pair: tuple[int, int]
) -> None:
    [s] = claims(text)
    assert s.stated_kind == "excess_count"
    assert (s.actual, s.target) == tuple(Decimal(v) for v in pair)


# ------------------------------------------------------ a vulgar fraction is a share


@pytest.mark.parametrize(
    "text",
    [
        "Thu ngân sách của tỉnh đạt khoảng 1/3 tổng thu của cả vùng.",
        "Số hộ khá giàu chiếm hơn 1/2 số hộ toàn xã.",
        "Diện tích lúa chất lượng cao chiếm gần 2/3 diện tích gieo cấy.",
        "Số đảng viên trẻ bằng 1/4 tổng số đảng viên của chi bộ.",
    ],
)
def test_an_approximate_vulgar_fraction_is_no_pair(text: str) -> None:
    assert claims(text) == []
    assert [s for s in find(text) if s.target is not None] == []


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Năm 2023 xã kết nạp 4/5 đảng viên, đạt 80% kế hoạch.", (4, 5)),
        ("Thành lập mới 2/3 chi bộ trong doanh nghiệp ngoài nhà nước.", (2, 3)),
        ("Chi bộ kết nạp gần 18/20 đảng viên theo kế hoạch.", (18, 20)),
    ],
)
def test_a_fraction_with_no_approximation_or_a_large_whole_stays_a_pair(
    text: str, pair: tuple[int, int]
) -> None:
    [s] = claims(text)
    assert (s.actual, s.target) == tuple(Decimal(v) for v in pair)


# ------------------------------------------ thousands of billions and billions together


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Thu ngân sách năm 2023 đạt 12 nghìn 450 tỷ đồng, bằng 95% kế hoạch.", 12_450),
        ("Tổng chi ngân sách đạt 3 ngàn 75 tỷ đồng, đạt 88% dự toán.", 3_075),
    ],
)
def test_thousands_of_billions_and_billions_are_one_amount(text: str, amount: int) -> None:
    [s] = claims(text)
    assert s.actual == Decimal(amount) * 10**9


def test_an_amount_in_thousands_of_billions_alone_is_read_as_before() -> None:
    [s] = claims("Thu ngân sách năm 2023 đạt 12 nghìn tỷ đồng, bằng 95% kế hoạch.")
    assert s.actual == Decimal(12_000) * 10**9


# ------------------------------- a bare excess that its plan's attainment contradicts


def test_a_bare_excess_that_contradicts_the_attainment_is_no_excess_of_its_plan() -> None:
    text = (
        "Năm 2023, thu ngân sách của phường đạt 25,6 tỷ đồng, bằng 108,2% kế hoạch huyện "
        "giao, vượt 3,5%."
    )
    kinds = [(s.stated_percent, s.stated_kind, s.verdict) for s in find(text, money=True)]
    assert (Decimal("108.2"), "attainment", "unchecked") in kinds
    assert (Decimal("3.5"), "growth", "unchecked") in kinds
    assert [s for s in find(text, money=True) if s.verdict == "inconsistent"] == []


@pytest.mark.parametrize(
    ("text", "kind", "verdict"),
    [
        # the excess agrees with the attainment: the same plan's, checked
        (
            "Năm 2023, thu ngân sách của phường đạt 25,6 tỷ đồng, bằng 108,2% kế hoạch "
            "huyện giao, vượt 8,2%.",
            "excess",
            "consistent",
        ),
        # the excess names its plan: a disagreement the audit shows
        (
            "Năm 2023, thu ngân sách của phường đạt 25,6 tỷ đồng, bằng 108,2% kế hoạch, "
            "vượt 3,5% kế hoạch.",
            "excess",
            "inconsistent",
        ),
        (
            "Năm 2024, Đảng bộ xã kết nạp 54 đảng viên, đạt 108% chỉ tiêu, vượt 8%.",
            "excess",
            "consistent",
        ),
    ],
)
def test_an_excess_that_agrees_or_names_its_plan_stays_an_excess(
    text: str, kind: str, verdict: str
) -> None:
    second = [s for s in find(text, money=True) if s.stated_kind not in ("attainment", None)]
    assert [(s.stated_kind, s.verdict) for s in second] == [(kind, verdict)]


# -------------------------------------- a decimal comma with a stray space after it


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Năm 2023, thu ngân sách của xã ước đạt 31, 45 tỷ đồng, bằng 104,5% kế hoạch.", "31.45e9"),
        ("Sản lượng khai thác năm nay là 3, 15 triệu tấn, đạt 102% kế hoạch.", "3.15e6"),
        ("Tổng vốn giải ngân được khoảng 7, 5 tỷ đồng, đạt 61% kế hoạch vốn.", "7.5e9"),
    ],
)
def test_a_stray_space_after_a_decimal_comma_keeps_one_amount(text: str, amount: str) -> None:
    [s] = claims(text)
    assert s.actual == Decimal(amount)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Năm 2021, 22 triệu lượt khách đến tỉnh, đạt 90% kế hoạch.", "22e6"),
        ("Hỗ trợ mỗi hộ 3, 5 hoặc 7 triệu đồng; tổng kinh phí đạt 95% kế hoạch.", None),
    ],
)
def test_a_comma_between_numbers_elsewhere_stays_a_list(text: str, amount: str | None) -> None:
    actuals = [s.actual for s in claims(text)]
    assert Decimal("3.5e6") not in actuals
    assert amount is None or actuals == [Decimal(amount)]


# ---------------------- a resolution's quoted target, "phát triển" members, "chiếm tỷ lệ"

_QUOTED = (
    "Thực hiện Nghị quyết Đại hội Đảng bộ huyện lần thứ XX “Bình quân hằng năm phát triển "
    "450 đảng viên”; theo đó, các cấp ủy đã xây dựng kế hoạch. Từ đầu năm 2022 đến nay, "
    "toàn Đảng bộ huyện kết nạp được 412 đảng viên, {verb} 91,56% so với chỉ tiêu Nghị quyết."
)


@pytest.mark.parametrize("verb", ["chiếm tỷ lệ", "đạt tỷ lệ", "đạt", "bằng tỷ lệ"])
def test_a_quoted_resolution_target_is_linked_to_the_years_admissions(verb: str) -> None:
    [s] = claims(_QUOTED.format(verb=verb))
    assert (s.actual, s.target, s.verdict) == (Decimal(412), Decimal(450), "consistent")
    assert s.metric == "admissions"


@pytest.mark.parametrize(
    "text",
    [
        "Nghị quyết Đại hội lần thứ XX đề ra “mỗi năm kết nạp 120 đảng viên mới”.",
        "Thực hiện Kế hoạch số 12-KH/ĐU “phấn đấu kết nạp 35 đảng viên”, các chi bộ đã rà soát.",
    ],
)
def test_a_figure_quoted_from_a_resolution_or_plan_is_a_target(text: str) -> None:
    assert [(s.actual, s.target is not None) for s in find(text)] == [(None, True)]


@pytest.mark.parametrize(
    "text",
    [
        # a title after "về" sets nothing
        "Thực hiện Nghị quyết số 05-NQ/HU về “Phát triển 300 ha lúa chất lượng cao”, năm "
        "2023 huyện đạt 280 ha.",
        # a quote with no resolution named before it
        "Năm 2023, xã kết nạp 25 đảng viên “trẻ”.",
    ],
)
def test_other_quotes_set_no_target(text: str) -> None:
    assert claims(text) == []
    assert [s for s in find(text) if s.target is not None] == []


def test_members_developed_are_members_admitted() -> None:
    [s] = claims("Năm 2023, Đảng bộ xã phát triển được 18 đảng viên mới, đạt 90% kế hoạch.")
    assert (s.metric, s.actual) == ("admissions", Decimal(18))
    [t] = find("Nghị quyết đề ra mỗi năm phát triển 40 đảng viên.")
    assert (t.metric, t.target) == ("admissions", Decimal(40))


def test_a_share_with_chiem_ty_le_and_no_plan_stays_a_share() -> None:
    [s] = find("Toàn Đảng bộ có 1.240 đảng viên nữ, chiếm tỷ lệ 38,5%.")
    assert (s.actual, s.stated_kind, s.support) == (Decimal(1240), "share", None)


# ------------------------------------------- a second result against the same plan named

_TWO_RESULTS = (
    "Tổng kế hoạch vốn đầu tư công năm 2022 là 3.400 triệu đồng; giải ngân đến 20/01/2023 là "
    "3.100 triệu đồng, đạt 91% kế hoạch vốn{sep} giải ngân đến 31/01/2023 là "
    "{second} triệu đồng, đạt {percent}% {plan}."
)


@pytest.mark.parametrize(("second", "percent"), [("3.230", "95"), ("3.260", "96")])
def test_a_second_result_of_the_same_plan_named_takes_that_plan(second: str, percent: str) -> None:
    text = _TWO_RESULTS.format(sep=", ước", second=second, percent=percent, plan="kế hoạch vốn")
    pairs = [(s.actual, s.target, s.verdict) for s in claims(text)]
    target = Decimal(3400) * 10**6
    assert pairs == [
        (Decimal(3100) * 10**6, target, "consistent"),
        (Decimal(second.replace(".", "")) * 10**6, target, "consistent"),
    ]


@pytest.mark.parametrize(
    ("sep", "percent", "plan"),
    [
        (", ước", "91", "kế hoạch vốn"),  # 3.230 / 3.400 is no 91 %: another plan
        (", ước", "95", "kế hoạch tỉnh giao"),  # another plan named
        (". Ước", "95", "kế hoạch vốn"),  # another sentence
    ],
)
def test_a_second_percentage_of_another_plan_or_sentence_keeps_no_target(
    sep: str, percent: str, plan: str
) -> None:
    text = _TWO_RESULTS.format(sep=sep, second="3.230", percent=percent, plan=plan)
    second = [s for s in claims(text) if s.actual == Decimal(3230) * 10**6]
    assert [(s.target, s.verdict) for s in second] == [(None, "unchecked")]


# --------------------------------- a second plan's percentage, by "và" or bare, "nghị quyết"


@pytest.mark.parametrize(
    "text",
    [
        "Tổng thu ngân sách gần 8,2 tỷ đồng đạt 120,5% so với nghị quyết HĐND xã 131,2% so "
        "với kế hoạch huyện giao.",
        "Tổng thu ngân sách đạt 8,2 tỷ đồng, đạt 120,5% so với nghị quyết HĐND xã và 131,2% "
        "so với kế hoạch huyện giao.",
        "Tổng thu ngân sách đạt 8,2 tỷ đồng, đạt 120,5% so với nghị quyết HĐND xã và đạt "
        "131,2% so với kế hoạch huyện giao.",
        "Tổng thu ngân sách 8,2 tỷ đồng đạt 120,5% so dự toán tỉnh giao 131,2% so kế hoạch huyện.",
    ],
)
def test_a_second_plans_percentage_of_one_amount_is_its_own_attainment(text: str) -> None:
    found = [(s.actual, s.stated_percent, s.stated_kind) for s in claims(text)]
    amount = Decimal("8.2") * 10**9
    assert found == [
        (amount, Decimal("120.5"), "attainment"),
        (amount, Decimal("131.2"), "attainment"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # compared with last year, not a plan
        "Tổng thu ngân sách đạt 8,2 tỷ đồng, đạt 120,5% so với dự toán 31,2% so với cùng kỳ.",
        # a verb of change between: a growth
        "Tổng thu ngân sách đạt 8,2 tỷ đồng, đạt 120,5% so với nghị quyết tăng 31,2% so với "
        "kế hoạch.",
    ],
)
def test_a_bare_percentage_after_a_plan_not_compared_with_a_plan_is_no_attainment(
    text: str,
) -> None:
    second = [s for s in find(text, money=True) if s.stated_percent == Decimal("31.2")]
    assert [s.stated_kind for s in second] in (["growth"], ["excess"])


# -------------------------------------------- a plan assigned by a named body, elsewhere


@pytest.mark.parametrize(
    ("assigned", "stated", "verdict"),
    [
        ("được tỉnh giao thu ngân sách 520 tỷ đồng", "đạt 105% dự toán được giao", "consistent"),
        ("được Trung ương giao thu ngân sách là 520 tỷ đồng", "vượt 5% dự toán", "consistent"),
        ("được UBND tỉnh giao thu ngân sách 520 tỷ đồng", "đạt 105% dự toán", "consistent"),
    ],
)
def test_a_plan_assigned_by_a_named_body_in_another_sentence_is_linked(
    assigned: str, stated: str, verdict: str
) -> None:
    text = f"Năm 2023, huyện {assigned}. Đến hết năm, huyện thu được 546 tỷ đồng, {stated}."
    [s] = claims(text)
    assert (s.actual, s.target, s.verdict) == (
        Decimal(546) * 10**9,
        Decimal(520) * 10**9,
        verdict,
    )


def test_an_amount_received_is_no_plan_assigned() -> None:
    text = (
        "Năm 2023, huyện được tỉnh hỗ trợ 520 tỷ đồng. Đến hết năm, huyện thu được 546 tỷ "
        "đồng, đạt 105% dự toán được giao."
    )
    assert [(s.target, s.verdict) for s in claims(text)] == [(None, "unchecked")]


# -------------------------------------------------- a fraction with its unit glued on


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Năm 2023, trồng rừng được 45/40ha đạt 112,5%.", ("45", "40")),
        ("Diện tích chuyển đổi cây trồng được 2,5/2ha đạt 125%.", ("2.5", "2")),
        ("Năm 2023, làm mới 12/10km đường giao thông nông thôn, đạt 120% kế hoạch.", ("12", "10")),
    ],
)
def test_a_fraction_with_a_glued_unit_is_a_result_against_its_plan(
    text: str, pair: tuple[str, str]
) -> None:
    [s] = claims(text)
    assert (s.actual, s.target, s.verdict) == (Decimal(pair[0]), Decimal(pair[1]), "consistent")


def test_a_glued_fraction_that_its_percentage_contradicts_is_flagged() -> None:
    [s] = claims("Năm 2023, trồng rừng được 45/40ha đạt 115%.")
    assert s.verdict == "inconsistent"


def test_a_fraction_glued_to_another_word_is_no_figure() -> None:
    assert claims("Theo Quyết định 45/40hb của UBND, đạt 112,5%.") == []


# ---------------------------------- a weight in a structure against its bracketed target


@pytest.mark.parametrize(("value", "target"), [("41,5", "45"), ("46", "45")])
def test_a_weight_against_its_bracketed_target_is_a_rate_against_its_target(
    value: str, target: str
) -> None:
    text = f"Năm 2023, tỷ trọng khu vực dịch vụ đạt {value}% (mục tiêu {target}%)."
    [s] = claims(text)
    assert (s.actual, s.target) == (
        Decimal(value.replace(",", ".")),
        Decimal(target),
    )


def test_a_weight_with_no_bracketed_target_stays_a_share() -> None:
    text = "Năm 2023, tỷ trọng khu vực dịch vụ chiếm 41,5%, tăng 2% so với năm trước."
    assert claims(text) == []


# ------------------------------- a rate against the floor or ceiling a resolution sets


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Năm 2023, tỉ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên là 92,5% (Nghị quyết "
            "Đại hội đạt 90% trở lên).",
            ("92.5", "90"),
        ),
        (
            "Năm 2023, tỉ lệ chi bộ hoàn thành tốt nhiệm vụ trở lên là 88%, so với Nghị quyết "
            "Đại hội Đảng bộ xã ít nhất đạt 85% trở lên.",
            ("88", "85"),
        ),
        (
            "Năm 2023, tỉ lệ đảng viên không hoàn thành nhiệm vụ là 0,5%, so với Nghị quyết "
            "Đại hội là dưới 1%.",
            ("0.5", "1"),
        ),
    ],
)
def test_a_rate_against_its_resolutions_floor_or_ceiling_is_a_pair(
    text: str, pair: tuple[str, str]
) -> None:
    [s] = claims(text)
    assert (s.actual, s.target) == (Decimal(pair[0]), Decimal(pair[1]))


def test_a_rate_and_a_bare_percentage_of_the_resolution_is_no_target() -> None:
    # "so với nghị quyết đạt 90%" says how much of the resolution was reached
    text = "Năm 2023, tỉ lệ giải ngân là 45%, so với nghị quyết đạt 90%."
    assert [s for s in find(text) if s.target == Decimal(90)] == []


# ------------------------------------------ a growth against its bracketed target growth


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Năm 2023, GRDP tăng 6,5% (mục tiêu 7%).", ("6.5", "7")),
        ("Năm 2023, tăng trưởng GRDP đạt 6,5% (mục tiêu tăng 7%).", ("6.5", "7")),
        ("Năm 2023, GRDP tăng 7,5% (kế hoạch tăng 7%).", ("7.5", "7")),
    ],
)
def test_a_growth_against_its_bracketed_target_growth_is_a_pair(
    text: str, pair: tuple[str, str]
) -> None:
    [s] = claims(text)
    assert (s.actual, s.target) == (Decimal(pair[0]), Decimal(pair[1]))


@pytest.mark.parametrize(
    "text",
    [
        # a fall is no growth target's
        "Năm 2023, số hộ nghèo giảm 6,5% (mục tiêu 7%).",
        # a growth beside last year's figure in brackets
        "Năm 2023, GRDP tăng 6,5% (năm 2022 tăng 7%).",
    ],
)
def test_other_brackets_after_a_change_set_no_target(text: str) -> None:
    assert [s for s in find(text) if s.target is not None] == []


# ------------------------------------------------------- people are counted whole


@pytest.mark.parametrize(
    ("text", "actual"),
    [
        ("Năm 2023, toàn Đảng bộ kết nạp 1,380 đảng viên, đạt 92% kế hoạch.", 1380),
        ("Năm 2024, Hội Nông dân phát triển 12,450 hội viên mới, đạt 103% kế hoạch.", 12450),
        ("Năm 2024, thành phố kết nạp 2,046 đoàn viên, đạt 102,3% kế hoạch.", 2046),
    ],
)
def test_a_count_of_people_with_a_comma_before_three_digits_is_whole(
    text: str, actual: int
) -> None:
    [s] = claims(text)
    assert s.actual == Decimal(actual)


@pytest.mark.parametrize(
    ("text", "actual"),
    [
        ("Năm 2023, sản lượng đạt 1,380 tấn, đạt 92% kế hoạch.", "1.38"),
        ("Năm 2023, thu ngân sách đạt 36,415 tỷ đồng, bằng 105% kế hoạch.", "36.415e9"),
    ],
)
def test_other_amounts_keep_their_decimal_comma(text: str, actual: str) -> None:
    [s] = claims(text)
    assert s.actual == Decimal(actual)
