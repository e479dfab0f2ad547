"""Money read by default (issue 17): budget revenue, investment and export figures against
their estimate or plan ("thu ngân sách đạt 38,7 tỷ đồng, bằng 154% dự toán").

Every example is invented (real passages are in tests/eval/extract/). Precision first: an
amount never pairs with a count of people or things, and ``money=False`` masks amounts.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reading import find

from kpitools.cli import main
from kpitools.extract import Statement, statements_frame
from kpitools.extract.statements import as_frame
from kpitools.numbers import format_number

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "data"
D = Decimal


def claims(found: list[Statement]) -> list[Statement]:
    return [s for s in found if s.actual is not None and s.stated_kind != "growth"]


def test_budget_attainment_is_read_by_default_with_its_unit() -> None:
    # invented
    text = "Năm 2024, thu ngân sách nhà nước trên địa bàn đạt 38,7 tỷ đồng, bằng 154% dự toán."
    [s] = find(text)
    assert (s.actual, s.stated_percent, s.stated_kind) == (D("38.7e9"), D(154), "attainment")
    assert s.measure == "tỷ đồng"
    assert s.label == "thu ngân sách nhà nước (tỷ đồng)"
    assert s.year == 2024 and s.metric is None
    assert s.implied_target == (D("38.7e9") * 100 / 154).quantize(D("0.01"))
    assert s.verdict == "unchecked"  # no target written, an amount is no whole number


def test_money_false_masks_amounts() -> None:
    text = "Năm 2024, thu ngân sách đạt 38,7 tỷ đồng, bằng 154% dự toán."  # invented
    assert claims(find(text, money=False)) == []


def test_thousand_billions_are_one_amount() -> None:
    # invented: "1,5 nghìn tỷ đồng" is 1,5 × 10^12 đồng, not 1.500 counted in "tỷ đồng"
    [s, growth] = find(
        "Tổng thu ngân sách đạt 1,5 nghìn tỷ đồng, đạt 103,4% kế hoạch, tăng 6,2% so với năm trước."
    )
    assert (s.actual, s.measure, s.stated_percent) == (D("1.5e12"), "nghìn tỷ đồng", D("103.4"))
    assert (growth.stated_kind, growth.stated_percent) == ("growth", D("6.2"))
    # masked too when money is not read
    assert claims(find("Tổng thu ngân sách đạt 1,5 nghìn tỷ đồng, đạt 103,4%.", money=False)) == []


def test_million_dong_and_usd() -> None:
    # invented
    [s] = find("Giá trị sản xuất đạt 2.300 triệu đồng, đạt 95% kế hoạch.")
    assert (s.actual, s.measure, s.label) == (
        D(2_300_000_000),
        "triệu đồng",
        "Giá trị sản xuất (triệu đồng)",
    )
    for usd in ("1,2 tỷ USD", "1,2 tỷ $", "1,2 tỷ đô la Mỹ"):
        [u] = find(f"Kim ngạch xuất khẩu đạt {usd}, bằng 108% kế hoạch.")
        assert (u.actual, u.measure, u.stated_percent) == (D("1.2e9"), "tỷ USD", D(108))


def test_amount_against_written_estimate_is_checked() -> None:
    # invented: both amounts in đồng, whatever magnitude each is written with
    [s] = find("Thu ngân sách đạt 1.550 tỷ đồng so với dự toán 1,5 nghìn tỷ đồng, đạt 103,3%.")
    assert (s.actual, s.target, s.verdict) == (D("1.55e12"), D("1.5e12"), "consistent")


def test_excess_of_an_amount() -> None:
    [s] = find("Thu ngân sách đạt 520 tỷ đồng, vượt 15% so với kế hoạch.")  # invented
    assert (s.stated_kind, s.stated_percent, s.measure) == ("excess", D(15), "tỷ đồng")


def test_an_amount_never_takes_a_count_metric_or_target() -> None:
    # invented: the amount after a count of members is not a count of members
    found = find(
        "Năm 2024, kết nạp 136 đảng viên, đạt 113,3% chỉ tiêu; thu ngân sách đạt 38,7 tỷ "
        "đồng, bằng 154% dự toán."
    )
    [members, money] = claims(found)
    assert (members.metric, members.actual, members.measure) == ("admissions", D(136), None)
    assert (money.metric, money.actual, money.target) == (None, D("38.7e9"), None)
    # a target of people never pairs with an amount, nor an amount with people
    for text in (
        "Kế hoạch kết nạp 150 đảng viên, kinh phí thực hiện 3,5 tỷ đồng.",
        "Chỉ tiêu 3 tỷ đồng, kết nạp được 171 đảng viên.",
        "Hỗ trợ 120 hộ nghèo với tổng kinh phí 3,5 tỷ đồng.",
        "Năm 2024 kết nạp 40 đảng viên, trong đó 2 tỷ đồng.",
    ):
        for s in find(text):
            figures = {s.actual, s.target} - {None}
            amounts = {v for v in figures if isinstance(v, Decimal) and v >= 10**6}
            assert not amounts or figures == amounts, (text, s)


def test_money_negatives_stay_unread() -> None:
    # invented: shares, votes, coverage, document numbers and ranks beside an amount
    for text in (
        "Đồng chí A trúng cử với số phiếu đạt 99,27%; kinh phí bầu cử 2 tỷ đồng.",
        "Vốn ngân sách chiếm 20,8% tổng vốn đầu tư 300 tỷ đồng.",
        "Xã hoàn thành 16/19 chỉ tiêu, thu ngân sách 5 tỷ đồng theo Nghị quyết 21/2022.",
        "Huyện xếp thứ 2/40 về thu ngân sách với 120 tỷ đồng.",
    ):
        for s in find(text):
            assert s.stated_kind not in ("attainment", "excess"), (text, s)
            assert s.target is None or s.actual is None or s.measure is None, (text, s)


@settings(max_examples=60, deadline=None)
@given(
    whole=st.integers(1, 999_999),
    decimals=st.sampled_from([0, 1, 2, 3]),
    fraction=st.integers(0, 999),
    magnitude=st.sampled_from(
        [("tỷ đồng", 10**9), ("triệu đồng", 10**6), ("nghìn tỷ đồng", 10**12), ("đồng", 1)]
    ),
    percent=st.integers(50, 400),
    qualifier=st.sampled_from(["", "trên ", "hơn ", "gần ", "khoảng ", "ước "]),
)
def test_amounts_in_every_written_form(
    whole: int,
    decimals: int,
    fraction: int,
    magnitude: tuple[str, int],
    percent: int,
    qualifier: str,
) -> None:
    value = D(whole) + (D(fraction % 10**decimals) / 10**decimals if decimals else 0)
    written = format_number(value, decimals=decimals)  # 1.380 / 1,5 / 98,09
    word, scale = magnitude
    text = f"Thu ngân sách đạt {qualifier}{written} {word}, bằng {percent}% dự toán."
    [s] = claims(find(text))
    assert s.actual == D(written.replace(".", "").replace(",", ".")) * scale
    assert (s.measure, s.stated_percent, s.stated_kind) == (word, D(percent), "attainment")
    assert s.target is None


def test_frame_has_the_measure_and_older_frames_are_read() -> None:
    found = find("Thu ngân sách đạt 38,7 tỷ đồng, bằng 154% dự toán.")  # invented
    frame = statements_frame(found)
    assert frame["measure"].to_list() == ["tỷ đồng"]
    older = as_frame(frame.drop("measure", "note_data"))
    assert older.columns == frame.columns and older["measure"].to_list() == [None]


def test_cli_reads_money_unless_told_not_to(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "report.txt"
    report.write_text(
        "Năm 2024, thu ngân sách đạt 38,7 tỷ đồng, bằng 154% dự toán.\n", encoding="utf-8"
    )

    def run(*options: str) -> str:
        assert main(["extract", str(report), "--format", "csv", *options]) == 0
        return capsys.readouterr().out

    assert "tỷ đồng" in run() and "154%" in run("--money")
    assert "154%" not in run("--no-money")


def test_amounts_per_unit_of_a_list() -> None:
    # invented: each unit's amount against its own estimate; labels without the unit's name
    found = find(
        "Năm 2024, thu ngân sách toàn tỉnh đạt 1.250 tỷ đồng, đạt 105% dự toán, trong đó: "
        "huyện Đông Anh thu 150 tỷ đồng, đạt 110% dự toán; huyện Gia Lâm thu 90 tỷ đồng, đạt 95%."
    )
    assert [(s.unit_code, s.actual, s.stated_percent, s.label) for s in claims(found)] == [
        (None, D("1250e9"), D(105), "thu ngân sách toàn tỉnh (tỷ đồng)"),
        ("017", D("150e9"), D(110), "thu (tỷ đồng)"),
        ("018", D("90e9"), D(95), "thu (tỷ đồng)"),
    ]


def test_estimates_assigned_to_units_are_target_only() -> None:
    # invented: an amount a plan word sets out is a target of its unit, labelled by the plan
    found = find(
        "Năm 2025, tỉnh giao dự toán thu ngân sách: huyện Đông Anh 150 tỷ đồng; huyện Gia Lâm "
        "110 tỷ đồng."
    )
    assert [(s.unit_code, s.actual, s.target, s.label) for s in found] == [
        ("017", None, D("150e9"), "thu ngân sách (tỷ đồng)"),
        ("018", None, D("110e9"), "thu ngân sách (tỷ đồng)"),
    ]
    # without a plan word an amount handed over is no target
    assert find("Năm 2025, huyện được giao quản lý 300 tỷ đồng vốn.") == []


def test_amounts_per_head_are_their_own_measure() -> None:
    # invented: "triệu đồng/người/năm" is per head, never paired with a total amount
    [s] = find(
        "Năm 2024, thu nhập bình quân đầu người đạt 75 triệu đồng/người/năm, bằng 102% nghị quyết."
    )
    assert (s.actual, s.measure, s.stated_percent) == (
        D(75_000_000),
        "triệu đồng/người/năm",
        D(102),
    )
    found = find("Năm 2024, chỉ tiêu 70 tỷ đồng, thu nhập bình quân đạt 75 triệu đồng/người.")
    assert all(s.target is None or s.actual is None for s in found)
    found = find("Năm 2024, chỉ tiêu xuất khẩu 2 tỷ USD, kim ngạch đạt 40.000 tỷ đồng.")
    assert all(s.target is None or s.actual is None for s in found)


def test_tables_show_amounts_in_the_unit_written() -> None:
    # invented: the label says "(tỷ đồng)", so the figures are in tỷ đồng, in either language
    from kpitools.extract import statements_table

    found = find(
        "Năm 2024, thu ngân sách đạt 1.550 tỷ đồng so với dự toán 1,5 nghìn tỷ đồng, đạt 103,3%."
    )
    vi = statements_table(found).frame.select("Chỉ số", "Thực hiện", "Chỉ tiêu").row(0)
    assert vi == ("thu ngân sách (tỷ đồng)", "1.550", "1.500")
    en = statements_table(found, lang="en").frame.select("Actual", "Target").row(0)
    assert en == ("1,550", "1,500")
    [s] = find("Năm 2024, thu ngân sách đạt 38,7 tỷ đồng, bằng 154% dự toán.")
    assert s.actual == D("38.7e9")  # the statement itself keeps đồng
    assert statements_table([s]).frame["Thực hiện"].to_list() == ["38,7"]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Năm 2024, xây dựng 15 nhà đại đoàn kết trị giá 750 triệu đồng, đạt 150% kế hoạch.", 15),
        ("Năm 2024, trao 120 suất quà với tổng kinh phí 60 triệu đồng, đạt 100% kế hoạch.", 120),
        ("Năm 2024, tặng 30 sổ tiết kiệm với số tiền 90 triệu đồng, đạt 100% kế hoạch.", 30),
    ],
)
def test_the_worth_of_a_count_is_no_result(text: str, count: int) -> None:
    # invented: the amount is what the things counted are worth; the percentage is the
    # count's, as it was when amounts were masked
    [s] = claims(find(text))
    assert (s.actual, s.measure) == (D(count), None)
    assert [s.actual for s in claims(find(text, money=False))] == [D(count)]


def test_an_amount_alone_in_its_clause_is_a_result() -> None:
    # invented: no count before it, "tổng kinh phí 3,5 tỷ đồng" is the result
    [s] = claims(find("Năm 2024, tổng kinh phí 3,5 tỷ đồng, đạt 100% dự toán."))
    assert (s.actual, s.measure, s.label) == (D("3.5e9"), "tỷ đồng", "tổng kinh phí (tỷ đồng)")


# --------------------------------------------------------------------------- linked


@pytest.mark.parametrize(
    ("target", "result", "verdict"),
    [
        (
            "Năm 2024, dự toán thu ngân sách là 500 tỷ đồng.",
            "Năm 2024, thu ngân sách đạt 520 tỷ đồng, đạt 104% dự toán.",
            "consistent",
        ),
        (
            "Năm 2024, HĐND tỉnh giao dự toán thu ngân sách 500 tỷ đồng.",
            "Kết quả, thu ngân sách đạt 520 tỷ đồng, bằng 104% dự toán.",
            "consistent",
        ),
        (
            "Nghị quyết đề ra mỗi năm thu ngân sách 500 tỷ đồng.",
            "Năm 2024, thu ngân sách đạt 540 tỷ đồng, đạt 104% so với nghị quyết.",
            "inconsistent",  # 540 / 500 is 108 %
        ),
        (
            "Nghị quyết đề ra mỗi năm thu ngân sách 0,5 nghìn tỷ đồng.",
            "Năm 2024, thu ngân sách đạt 520 tỷ đồng, đạt 104% so với nghị quyết.",
            "consistent",  # magnitudes differ, đồng agree
        ),
    ],
)
def test_an_estimate_stated_elsewhere_is_linked(target: str, result: str, verdict: str) -> None:
    # invented: the amount a plan or resolution sets is the target of the result of the
    # same thing (its label) and currency
    found = find(f"{target}\n\n{result}")
    [s] = claims(found)
    assert (s.target, s.verdict, s.label) == (D("500e9"), verdict, "thu ngân sách (tỷ đồng)")
    assert s.link_text in ("500 tỷ đồng", "0,5 nghìn tỷ đồng")


@pytest.mark.parametrize(
    "result",
    [
        "Năm 2024, tổng vốn đầu tư đạt 520 tỷ đồng, đạt 104% kế hoạch.",  # another thing
        "Năm 2024, thu ngân sách đạt 52 triệu USD, đạt 104% dự toán.",  # another currency
        "Năm 2024, kết nạp 520 đảng viên, đạt 104% kế hoạch.",  # a count
        "Năm 2024, thu ngân sách đạt 520 tỷ đồng, tăng 4% so với cùng kỳ.",  # a growth
    ],
)
def test_an_estimate_is_not_linked_to_another_figure(result: str) -> None:
    # invented
    found = find(f"Năm 2024, dự toán thu ngân sách là 500 tỷ đồng.\n\n{result}")
    assert all(s.link_text is None and s.target != D("500e9") for s in claims(found))
