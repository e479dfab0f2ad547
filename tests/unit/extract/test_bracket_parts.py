"""Parts listed in a bracket after ``(bao gồm: …)``, checked against their whole (session 38).

The unseen batch ``2026-12-08a`` held ``… là 1.004.599,6 tỷ đồng (bao gồm: vốn NSTW là …, vốn
NSĐP là …)`` whose parts add up to less: the parts reader took ``…, bao gồm: …`` but not the
same list in a bracket. Invented texts, other figures and names than the set's.
"""

from __future__ import annotations

from decimal import Decimal

import polars as pl
from hypothesis import assume, given
from hypothesis import strategies as st
from reading import find

from kpitools.extract import audit_statements
from kpitools.extract.parts import listed_parts_over


def _text(whole: str, first: str, second: str, some: str = "") -> str:
    return (
        f"Tổng vốn tỉnh đã phân bổ chi tiết là {whole} tỷ đồng (bao gồm: {some}vốn ODA "
        f"là {first} tỷ đồng, vốn đối ứng là {second} tỷ đồng)."
    )


def test_parts_in_a_bracket_that_miss_their_whole_are_flagged() -> None:
    found = find(_text("8.420,5", "3.100,2", "5.310,1"))
    rows = audit_statements(found).filter(pl.col("check") == "sum")
    row = rows.row(0, named=True)
    assert (row["stated"], row["verdict"]) == ("8.420,5 tỷ đồng", "inconsistent")
    assert "= 8410300000000 ≠ the whole 8420500000000" in row["note"]


def test_parts_in_a_bracket_that_add_up_are_not_flagged() -> None:
    found = find(_text("8.410,3", "3.100,2", "5.310,1"))
    assert "inconsistent" not in audit_statements(found)["verdict"].to_list()


def test_a_bracket_s_list_said_partial_is_not_checked() -> None:
    # "chủ yếu": the main parts only, which may add up to less than the whole
    assert listed_parts_over(_text("8.420,5", "3.100,2", "5.310,1", some="chủ yếu ")) == []


_TENTHS = st.integers(min_value=1_001, max_value=900_000).filter(lambda n: n % 10 != 0)


@given(_TENTHS, _TENTHS, st.sampled_from([0, 0, -2, 2]) | st.integers(min_value=2, max_value=5_000))
def test_a_bracket_s_parts_are_read_whatever_their_figures(a: int, b: int, off: int) -> None:
    # figures in tenths of a tỷ, the last digit not 0: each may stand for half a tenth either
    # way, so the parts must miss the whole by more than 0,15 tỷ
    def written(tenths: int) -> str:
        return f"{tenths // 10:,}".replace(",", ".") + f",{tenths % 10}"

    whole = a + b + off
    assume(whole % 10 != 0)
    found = listed_parts_over(_text(written(whole), written(a), written(b)))
    if whole == a + b:
        assert found == []
    else:
        assert [(p.whole, p.parts) for p in found] == [
            (Decimal(whole) * 10**8, (Decimal(a) * 10**8, Decimal(b) * 10**8))
        ]
