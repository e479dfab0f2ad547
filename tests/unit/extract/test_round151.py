"""Round 151: two amounts and their two percentages of a plan, said ``tương ứng``; a
percentage of a plan written without its sign; the plan's noun misspelt.

Invented sentences (other wording, figures, measures and companies than the evaluation
passages): ``A và B, tương ứng hoàn thành X% và Y% kế hoạch``, ``A và B, tăng tương ứng x% và
y%, hoàn thành X% và Y% kế hoạch`` (``tương ứng`` as ``lần lượt``, respectively), and each amount
with its change in brackets said in words (``(giảm 7% so với cùng kỳ)``, ``(tăng trưởng
12%)``) before the run. Each reading test gives the claims exactly; the near-misses (an
equivalent amount after ``tương ứng``, a rate, a share, a comparison with last year, a plan
of another year) must give no attainment. A number with decimals right after ``đạt``/``bằng``
and right before a plan's noun is a percentage whose ``%`` was left out (``đạt 76,4 kế
hoạch``); a whole number there (``đạt 12 kế hoạch``: a count), a small one, or another noun
after it reads nothing. The plan's noun as reports misspell it (``kế hoach``, ``kế họach``,
``kết hoạch``; ``dự toàn``, ``tự toán`` right after a percentage) names the plan as ``kế
hoạch`` or ``dự toán`` does.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from reading import claim_set

from kpitools.extract.text import prepare

B = Decimal(10) ** 9


def _attained(text: str) -> set[tuple[object, object]]:
    return {(a, p) for a, _, p, k in claim_set(text) if k in ("attainment", "excess")}


def test_tuong_ung_before_the_verb_pairs_the_amounts_and_percentages_in_order() -> None:
    cases = {
        "Chín tháng năm 2041, doanh thu và lợi nhuận của tổng công ty đạt 6.200 tỷ đồng và "
        "430 tỷ đồng, tương ứng hoàn thành 71% và 83% kế hoạch năm.": {
            (6200 * B, 71),
            (430 * B, 83),
        },
        "Năm 2041, hai huyện kết nạp 120 đảng viên và 95 đảng viên, tương ứng đạt 105% và 90% "
        "chỉ tiêu.": {(120, 105), (95, 90)},
    }
    for text, expected in cases.items():
        assert _attained(text) == expected, text


def test_tuong_ung_after_the_growth_verb_pairs_the_attainments_after_it() -> None:
    text = (
        "Nửa đầu năm 2041, doanh thu đạt 2.340 tỷ đồng và 1.870 tỷ đồng, tăng tương ứng 12% và "
        "19%, hoàn thành 48,2% và 52,6% kế hoạch năm."
    )
    assert _attained(text) == {(2340 * B, Decimal("48.2")), (1870 * B, Decimal("52.6"))}
    text = (
        "Năm 2041, mảng bán lẻ ghi nhận doanh thu và lợi nhuận trước thuế đạt 9.120 tỷ đồng và "
        "640 tỷ đồng, tăng tương ứng 8% và 15% so với cùng kỳ, tương đương 102% và 97% kế "
        "hoạch năm."
    )
    assert _attained(text) == {(9120 * B, 102), (640 * B, 97)}


def test_a_change_in_brackets_said_in_words_stays_beside_its_amount() -> None:
    text = (
        "Năm 2041, công ty ghi nhận doanh thu thuần đạt 5.400 tỷ đồng (giảm 6,5% so với cùng "
        "kỳ), và lợi nhuận sau thuế đạt 310 tỷ đồng (tăng trưởng 21,4%), tương ứng hoàn thành "
        "96,0% kế hoạch doanh thu thuần và 58,2% kế hoạch lợi nhuận sau thuế."
    )
    assert _attained(text) == {(5400 * B, Decimal("96.0")), (310 * B, Decimal("58.2"))}
    text = (
        "Năm 2041, doanh thu và lợi nhuận lần lượt đạt 760 tỷ đồng (tăng 9%) và 84 tỷ đồng "
        "(giảm 4% so với cùng kỳ), hoàn thành 101% và 87% kế hoạch năm."
    )
    assert _attained(text) == {(760 * B, 101), (84 * B, 87)}
    growths = {(a, p) for a, _, p, k in claim_set(text) if k == "growth"}
    assert growths <= {(760 * B, 9), (84 * B, -4)}


def test_tuong_ung_reads_no_attainment_where_no_plan_is_named() -> None:
    for text in (
        # equivalent amounts, a rate, a share, a comparison with last year
        "Năm 2041, doanh thu đạt 4.500 tỷ đồng và lợi nhuận 510 tỷ đồng, tương ứng 7.300 tỷ "
        "đồng và 600 tỷ đồng.",
        "Năm 2041, thu ngân sách đạt 4.500 tỷ đồng và chi 3.100 tỷ đồng, tương ứng tỷ lệ 58% và "
        "49%.",
        "Năm 2041, thu ngân sách đạt 4.500 tỷ đồng và chi 3.100 tỷ đồng, tương ứng chiếm 58% và "
        "49% tổng thu chi.",
        "Năm 2041, xuất khẩu đạt 4.500 triệu USD và nhập khẩu 5.100 triệu USD, tương ứng bằng "
        "95% và 102% so với cùng kỳ.",
        # the plan of a year the sentence does not name before the amounts
        "Sáu tháng, doanh thu đạt 4.500 tỷ đồng và 510 tỷ đồng, tương ứng hoàn thành 58,5% và "
        "59,4% kế hoạch năm 2045.",
    ):
        assert _attained(text) == set(), text


@settings(max_examples=25, deadline=None)
@given(
    first=st.integers(min_value=100, max_value=9_999),
    second=st.integers(min_value=10, max_value=99),
    p1=st.integers(min_value=20, max_value=140),
    p2=st.integers(min_value=20, max_value=140),
)
def test_each_amount_takes_the_percentage_in_its_place(
    first: int, second: int, p1: int, p2: int
) -> None:
    written = f"{first:,}".replace(",", ".")  # "1.900": a bare "1900" is a year
    text = (
        f"Năm 2041, doanh thu và lợi nhuận đạt {written} tỷ đồng và {second} tỷ đồng, tương ứng "
        f"hoàn thành {p1}% và {p2}% kế hoạch năm."
    )
    assert _attained(text) == {(first * B, p1), (second * B, p2)}


def test_a_percentage_of_a_plan_without_its_sign_is_read() -> None:
    cases = {
        "Năm 2041, bảo hiểm xã hội tỉnh thu được 1.420,5 tỷ đồng (đạt 76,4 kế hoạch năm 2041), "
        "chi trả 880 tỷ đồng.": (Decimal("1420.5") * B, Decimal("76.4")),
        "Năm 2041, số người tham gia bảo hiểm y tế là 1.215.300 người (đạt 97,42 kế hoạch tỉnh "
        "giao).": (1215300, Decimal("97.42")),
        "Năm 2041, huyện gieo trồng được 610 ha đạt 100,25 KH.": (610, Decimal("100.25")),
        "Năm 2041, thu ngân sách xã ước đạt 18 tỷ đồng, bằng 104,6 dự toán.": (
            18 * B,
            Decimal("104.6"),
        ),
    }
    for text, expected in cases.items():
        assert _attained(text) == {expected}, text


def test_a_number_without_a_sign_is_no_percentage_unless_it_has_decimals() -> None:
    for text in (
        "Năm 2041, xã đạt 12 kế hoạch đề ra.",  # a count of plans
        "Năm 2041, huyện thu 40 tỷ đồng, đạt 3,5 kế hoạch.",  # too small to be an attainment
        "Năm 2041, giá trị đạt 12,5 kế toán.",  # no plan's noun
        "Năm 2041, huyện thu 40 tỷ đồng, tăng 12,5 kế hoạch.",  # no verb of an attainment
    ):
        assert {p for _, _, p, _ in claim_set(text)} <= {None}, text


@settings(max_examples=25, deadline=None)
@given(whole=st.integers(min_value=10, max_value=250), tenth=st.integers(min_value=0, max_value=9))
def test_the_unsigned_percentage_reads_as_written(whole: int, tenth: int) -> None:
    text = f"Năm 2041, huyện thu được 45 tỷ đồng, đạt {whole},{tenth} kế hoạch năm."
    assert _attained(text) == {(45 * B, Decimal(f"{whole}.{tenth}"))}


def test_the_plan_misspelt_names_the_plan() -> None:
    cases = {
        "Năm 2041, doanh thu đạt 2.400 tỷ đồng, tăng 14% so với năm trước và đạt 103% so với "
        "kết hoạch.": (2400 * B, 103),
        "Năm 2041, doanh thu đạt trên 1.200 tỷ đồng, bằng 101,5% kế hoach năm.": (
            1200 * B,
            Decimal("101.5"),
        ),
        "Năm 2041, công ty tiêu thụ được 34.500 tấn cao su, bằng 104% kế họach năm.": (
            34500,
            104,
        ),
        "Năm 2041, tổng thu ngân sách huyện thực hiện 1.250.400 triệu đồng, đạt 102,5% dự toàn "
        "tỉnh giao.": (1250400 * 10**6, Decimal("102.5")),
        "Năm 2041, thu từ nhà máy 2.100 tỷ đồng, bằng 48,2% tự toán năm.": (
            2100 * B,
            Decimal("48.2"),
        ),
    }
    for text, expected in cases.items():
        assert _attained(text) == {expected}, text


def test_the_folded_text_keeps_its_length_with_the_plan_spelt_right() -> None:
    for text in ("so với kết hoạch năm", "bằng 104% kế họach", "vượt kế hoach 2 triệu tấn"):
        doc = prepare(text)
        assert len(doc.fold) == len(text)
        assert "kế" in doc.fold and "hoạch" in doc.fold
    assert "dự toán" in prepare("đạt 101,3% dự toàn thành phố giao").fold
    assert "dự toán" in prepare("bằng 46,7% tự toán năm").fold
    # elsewhere "dự toàn" is words of their own: "tham dự toàn quốc"
    assert prepare("đoàn tham dự toàn quốc").fold == "đoàn tham dự toàn quốc"
