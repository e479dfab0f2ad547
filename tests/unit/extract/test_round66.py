"""Round 66 of the extraction rules (issue 17): each with a positive and a negative case on
invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from reading import find

from kpitools.extract import audit_statements


def _sums_flagged(text: str) -> list[str]:
    audit = audit_statements(find(text))
    flagged = audit.filter(audit["check"] == "sum", audit["verdict"] == "inconsistent")
    return flagged["stated"].to_list()


SECTORS = (
    "Năm 2041, tổng giá trị sản xuất của xã đạt 3.140,5 tỷ đồng, bằng 96,2% kế hoạch. Trong đó "
    "giá trị sản xuất nông nghiệp đạt 1.020,4 tỷ đồng, công nghiệp, xây dựng đạt 1.118,3 tỷ "
    "đồng, thương mại, dịch vụ đạt {} tỷ đồng."
)


def test_the_three_sectors_of_a_gross_output_add_up_to_it() -> None:
    assert _sums_flagged(SECTORS.format("995,8")) == ["3.140,5 tỷ đồng"]
    assert _sums_flagged(SECTORS.format("1.001,8")) == []


def test_the_three_sectors_of_a_grdp_need_not_add_up_to_it() -> None:
    grdp = SECTORS.replace("tổng giá trị sản xuất", "GRDP").replace("giá trị sản xuất ", "")
    assert _sums_flagged(grdp.format("995,8")) == []


PLANTED = (
    "Năm 2041, toàn huyện đã trồng được 1.540,6 ha rừng; trong đó, diện tích trồng theo kế "
    "hoạch giao là 410,2 ha, đạt 40,5% kế hoạch; dân tự trồng {} ha."
)


def test_what_is_planted_under_the_plan_and_by_people_adds_up_to_the_whole() -> None:
    assert _sums_flagged(PLANTED.format("1.120,4")) == ["1.540,6"]
    assert _sums_flagged(PLANTED.format("1.130,4")) == []


def test_planting_under_the_plan_and_elsewhere_is_not_every_kind() -> None:
    other = PLANTED.replace("dân tự trồng", "trồng phân tán")
    assert _sums_flagged(other.format("1.120,4")) == []
