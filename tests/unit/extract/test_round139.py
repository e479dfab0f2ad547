"""Round 139 of the extraction rules (issue 17): parts that exceed their whole, the forests
by their use (protection, special use, production) as a family of parts that never overlap;
on invented text (never the evaluation set's figures or sentences)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from reading import audit_rows, find

from kpitools.extract import audit_statements
from kpitools.extract.parts import listed_parts_over


def _over(text: str) -> list[tuple[Decimal, tuple[Decimal, ...]]]:
    return [(p.whole, p.parts) for p in listed_parts_over(text)]


@pytest.mark.parametrize(
    ("text", "whole", "parts"),
    [
        (
            "Năm 2041, tỉnh trồng mới 5.320 ha rừng, đạt 88,7% kế hoạch, trong đó rừng phòng "
            "hộ 610 ha, rừng sản xuất 4.790 ha.",
            5320,
            (610, 4790),
        ),
        (
            "Diện tích rừng được giao khoán bảo vệ là 12.400 ha, trong đó: rừng đặc dụng 3.100 "
            "ha; rừng phòng hộ 4.200 ha và rừng sản xuất 5.250 ha.",
            12400,
            (3100, 4200, 5250),
        ),
        (
            # the first two kinds named together, one part
            "Huyện đã trồng 2.150 ha rừng tập trung, trong đó rừng phòng hộ, đặc dụng 320 ha, "
            "rừng sản xuất 1.900 ha.",
            2150,
            (320, 1900),
        ),
        (
            # the kinds lead the list, another work follows them
            "Năm 2041, tỉnh trồng 3.460 ha rừng, trong đó rừng sản xuất 3.050 ha, rừng phòng hộ "
            "470 ha, khoanh nuôi tái sinh 1.200 ha.",
            3460,
            (3050, 470),
        ),
    ],
)
def test_forests_by_their_use_that_exceed_their_whole_are_read(
    text: str, whole: int, parts: tuple[int, ...]
) -> None:
    assert _over(text) == [(Decimal(whole), tuple(Decimal(p) for p in parts))]


def test_forests_over_their_whole_are_flagged_by_the_audit() -> None:
    text = (
        "Năm 2041, tỉnh trồng mới 5.320 ha rừng, đạt 88,7% kế hoạch, trong đó rừng phòng hộ "
        "610 ha, rừng sản xuất 4.790 ha."
    )
    assert audit_rows(text, "sum") == [("5.320", "inconsistent", None)]
    (row,) = [r for r in audit_statements(find(text)).to_dicts() if r["check"] == "sum"]
    assert "610 + 4790 = 5400" in row["note"]


@pytest.mark.parametrize(
    "text",
    [
        # the parts within the whole
        "Năm 2041, tỉnh trồng mới 5.320 ha rừng, đạt 88,7% kế hoạch, trong đó rừng phòng hộ "
        "530 ha, rừng sản xuất 4.790 ha.",
        # parts not exhaustive, short of the whole
        "Diện tích rừng được giao khoán bảo vệ là 12.400 ha, trong đó rừng phòng hộ 4.200 ha "
        "và rừng sản xuất 5.250 ha.",
        # the whole or a part hedged
        "Tỉnh trồng được khoảng 5.300 ha rừng, trong đó rừng phòng hộ 610 ha, rừng sản xuất "
        "4.790 ha.",
        "Tỉnh trồng được 5.320 ha rừng, trong đó rừng phòng hộ khoảng 610 ha, rừng sản xuất "
        "gần 4.790 ha.",
        # rounded by their scale word, within half their last digits
        "Tỉnh có 5,3 nghìn ha rừng trồng mới, trong đó rừng phòng hộ 0,6 nghìn ha, rừng sản "
        "xuất 4,74 nghìn ha.",
        # a part of another measure (trees, not hectares)
        "Tỉnh trồng 5.320 ha rừng, trong đó rừng phòng hộ 610.000 cây, rừng sản xuất 4.790 ha.",
        # the parts' plans, not their results
        "Tỉnh trồng 5.320 ha rừng, trong đó kế hoạch rừng phòng hộ 610 ha, rừng sản xuất 4.790 ha.",
        # a part given as a share
        "Tỉnh trồng 5.320 ha rừng, trong đó rừng phòng hộ chiếm 61%, rừng sản xuất 4.790 ha.",
        # a list that may leave kinds out, or of another period
        "Tỉnh trồng 5.320 ha rừng, chủ yếu là rừng sản xuất 4.790 ha và rừng phòng hộ 610 ha.",
        "Năm 2041, tỉnh trồng 1.320 ha rừng. Trong đó, giai đoạn 2036-2040 rừng phòng hộ 610 "
        "ha, rừng sản xuất 4.790 ha.",
        # another measure, year or running total in an item
        "Tỉnh trồng 5.320 ha rừng, trong đó rừng phòng hộ 610 ha, chăm sóc 4.790 ha rừng sản xuất.",
        "Tỉnh trồng 5.320 ha rừng, trong đó rừng phòng hộ 610 ha, rừng sản xuất 4.790 ha năm 2040.",
        "Tỉnh trồng 5.320 ha rừng, trong đó rừng phòng hộ 610 ha, lũy kế rừng sản xuất 4.790 ha.",
        # one kind twice (two owners of production forest): not two kinds
        "Tỉnh trồng 5.320 ha rừng, trong đó rừng sản xuất của doanh nghiệp 4.100 ha, rừng sản "
        "xuất của hộ dân 1.300 ha.",
    ],
)
def test_forests_that_may_fit_their_whole_are_not_read(text: str) -> None:
    assert _over(text) == []
