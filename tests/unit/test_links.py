"""Links between two structures: reading, checking, successors and rolling up."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import polars as pl
import pytest
import xlsxwriter
from hypothesis import given, settings
from hypothesis import strategies as st

import kpitools as kt
from kpitools.links import LINK_COLUMNS, Links, read_links

ROOT = Path(__file__).resolve().parents[2]
HEADER = "old_code,new_code,relation,effective,source\n"
DAY = dt.date(2025, 7, 1)


def _write(tmp_path: Path, text: str, name: str = "links.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _links(rows: list[tuple[str, str, str]], day: str = "2025-07-01") -> Links:
    old, new, relation = zip(*rows, strict=True) if rows else ((), (), ())
    return Links.from_frame(
        pl.DataFrame(
            {
                "old_code": list(old),
                "new_code": list(new),
                "relation": list(relation),
                "effective": [day] * len(rows),
                "source": ["NQ 1656"] * len(rows),
            },
            schema=dict.fromkeys(
                ("old_code", "new_code", "relation", "effective", "source"), pl.String
            ),
        )
    )


def _problems(exc: pytest.ExceptionInfo[kt.KpiDataError]) -> list[tuple[int | None, str | None]]:
    return [(i.row, i.column) for i in exc.value.issues]


def test_a_csv_of_links_reads_into_a_typed_sorted_frame(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "\ufeffOld_Code , NEW_CODE,Relation,effective,source,note,extra\n"
        "00007,00008,Partial,01/07/2025,NQ 1656 Điều 1 khoản 4,Cống Vị,x\n"
        "00001,00097,FULL,2025-07-01,NQ 1656 Điều 1 khoản 14,,y\n"
        ",,,,,,\n"
        "00007,00025,partial,2025-07-01,NQ 1656,,\n",
    )
    links = read_links(path)
    assert links.frame.columns == list(LINK_COLUMNS)
    assert links.frame.schema["effective"] == pl.Date
    assert links.frame.rows() == [
        ("00001", "00097", "full", DAY, "NQ 1656 Điều 1 khoản 14", None),
        ("00007", "00008", "partial", DAY, "NQ 1656 Điều 1 khoản 4", "Cống Vị"),
        ("00007", "00025", "partial", DAY, "NQ 1656", None),
    ]
    assert repr(links) == "Links(3 links, effective 2025-07-01)"


def test_text_is_nfc(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "Nghị quyết Điều 1")
    path = _write(tmp_path, HEADER + f"001,00004,full,2025-07-01,{decomposed}\n")
    assert read_links(path).frame["source"].item() == "Nghị quyết Điều 1"


def test_every_problem_is_named_by_file_row_column_and_value(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        HEADER
        + "001,00004,whole,2025-07-01,NQ\n"  # 2: relation
        + ",00004,full,2025-07-01,NQ\n"  # 3: empty old code
        + "002,00008,full,31/06/2025,NQ\n"  # 4: no such date
        + "003,00008,full,,NQ\n"  # 5: empty date
        + "004,00008,full,2025-07-01,\n"  # 6: empty source
        + "005,00009,partial,2025-07-01,NQ\n"  # 7
        + "005,00009,partial,2025-07-01,NQ\n"  # 8: the same link again
        + "006,00010,full,2025-07-01,NQ\n"  # 9: full beside another link
        + "006,00011,partial,2025-07-01,NQ\n",  # 10
    )
    with pytest.raises(kt.KpiDataError) as exc:
        read_links(path)
    assert _problems(exc) == [
        (2, "relation"),
        (3, "old_code"),
        (4, "effective"),
        (5, "effective"),
        (6, "source"),
        (8, "new_code"),
        (9, "relation"),
    ]
    text = str(exc.value)
    assert (
        f"{path}, row 2, column 'relation': relation must be full or partial (value 'whole')"
        in text
    )
    assert "row 4, column 'effective': not a date; write it as 2025-07-01" in text
    assert "(value '31/06/2025')" in text
    assert "row 8, column 'new_code': the same link is on row 7 (value '00009')" in text
    assert (
        "row 9, column 'relation': the whole of 006 cannot go into 00010 when a part of it also "
        "goes elsewhere (row 10, 00011) (value 'full')"
    ) in text


def test_a_full_link_of_another_date_is_no_conflict() -> None:
    links = Links.from_frame(
        pl.DataFrame(
            {
                "old_code": ["a", "a"],
                "new_code": ["b", "c"],
                "relation": ["full", "full"],
                "effective": [dt.date(2010, 1, 1), DAY],
                "source": ["s", "s"],
            }
        )
    )
    assert links.effective_dates == (dt.date(2010, 1, 1), DAY)
    assert links.successors("a") == ["b", "c"]
    assert links.successors("a", effective="2025-07-01") == ["c"]


def test_missing_columns_and_a_column_twice(tmp_path: Path) -> None:
    with pytest.raises(kt.KpiDataError) as exc:
        read_links(_write(tmp_path, "old_code,new_code,old_code\n1,2,3\n"))
    assert _problems(exc) == [(1, "old_code"), (1, "relation"), (1, "effective"), (1, "source")]
    assert "column 'old_code': the column appears twice" in str(exc.value)
    assert "missing required column; the header has old_code, new_code" in str(exc.value)


def test_codes_must_be_text_in_a_frame() -> None:
    with pytest.raises(kt.KpiDataError, match="must be text so leading zeros survive"):
        Links.from_frame(
            pl.DataFrame(
                {"old_code": [17], "new_code": ["1"], "relation": ["full"],
                 "effective": [DAY], "source": ["s"]}
            )
        )  # fmt: skip


def test_files_that_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(kt.UnreadableFileError, match="file not found"):
        read_links(tmp_path / "nope.csv")
    with pytest.raises(kt.KpiDataError, match="the file is empty"):
        read_links(_write(tmp_path, "\n\n"))
    with pytest.raises(kt.UnreadableFileError, match="cannot read file"):
        read_links(_write(tmp_path, "not parquet", "links.parquet"))
    with pytest.raises(kt.UnreadableFileError, match="unsupported file type"):
        read_links(_write(tmp_path, "x", "links.json"))


def test_parquet_and_excel_read_the_same(tmp_path: Path) -> None:
    frame = pl.DataFrame(
        {
            "old_code": ["00001", "00007"],
            "new_code": ["00097", "00008"],
            "relation": ["full", "partial"],
            "effective": [DAY, DAY],
            "source": ["NQ", "NQ"],
        }
    )
    frame.write_parquet(tmp_path / "links.parquet")
    from_parquet = read_links(tmp_path / "links.parquet")
    xlsx = tmp_path / "links.xlsx"
    with xlsxwriter.Workbook(xlsx) as book:
        sheet = book.add_worksheet("links")
        sheet.write_row(0, 0, frame.columns)
        dates = book.add_format({"num_format": "dd/mm/yyyy"})
        for i, row in enumerate(frame.rows(), start=1):
            sheet.write_string(i, 0, row[0])
            sheet.write_string(i, 1, row[1])
            sheet.write_row(i, 2, row[2:3])
            sheet.write_datetime(i, 3, dt.datetime(2025, 7, 1), dates)
            sheet.write(i, 4, row[4])
    from_excel = read_links(xlsx, sheet="links")
    assert from_parquet == from_excel == Links(frame)
    assert from_parquet.__eq__(frame) is NotImplemented  # only Links equal Links


def test_successors_and_predecessors_keep_a_reused_code_apart() -> None:
    links = _links(
        [("00004", "00004", "full"), ("00001", "00004", "full"), ("00007", "00008", "full")]
    )
    assert links.successors("00004") == ["00004"]
    assert links.predecessors("00004") == ["00001", "00004"]
    assert links.successors("00008") == [] and links.predecessors("00001") == []


def test_codes_are_checked_against_the_registry_on_their_day(tmp_path: Path) -> None:
    registry = kt.UnitRegistry.from_frame(
        pl.DataFrame(
            {
                "code": ["01", "017", "00001", "00002"],
                "name": ["Hà Nội", "Đông Anh", "Đông Anh", "Phúc Thịnh"],
                "level": ["city", "district", "commune", "commune"],
                "parent": [None, "01", "01", "01"],
                "valid_from": [None, None, "2025-07-01", "2025-07-01"],
                "valid_to": [None, "2025-06-30", None, None],
            }
        )
    )
    path = _write(
        tmp_path,
        HEADER
        + "017,00001,partial,2025-07-01,NQ\n"
        + "017,00002,partial,2025-07-01,NQ\n"
        + "00001,00002,full,2026-01-01,NQ\n"  # 00001 is in force on 2025-12-31: fine
        + "018,00009,full,2025-07-01,NQ\n"  # neither is a unit
        + "017,00002,full,2024-01-01,NQ\n",  # 00002 is not in force yet
    )
    with pytest.raises(kt.KpiDataError) as exc:
        read_links(path, registry=registry)
    assert _problems(exc) == [(5, "old_code"), (5, "new_code"), (6, "new_code")]
    text = str(exc.value)
    assert (
        "row 5, column 'old_code': not a unit of the registry on 2025-06-30 (value '018')" in text
    )
    assert "row 6, column 'new_code': not in force on 2024-01-01 (value '00002')" in text
    good = HEADER + "017,00001,partial,2025-07-01,NQ\n017,00002,partial,2025-07-01,NQ\n"
    assert len(read_links(_write(tmp_path, good), registry=registry)) == 2


def test_at_picks_one_date() -> None:
    links = _links([("a", "b", "full")])
    assert links.at() == links
    with pytest.raises(kt.ParameterError, match="no links take effect on 2024-01-01"):
        links.at("2024-01-01")
    with pytest.raises(kt.ParameterError, match="effective must be a date"):
        links.at("soon")


def test_rolled_up_by_registry_uses_the_units_of_the_day_before() -> None:
    registry = kt.UnitRegistry.from_frame(
        pl.DataFrame(
            {
                "code": ["01", "001", "002", "00001", "00004", "00099", "001-C01"],
                "name": ["Hà Nội", "Ba Đình", "Hoàn Kiếm", "Phúc Xá", "Trúc Bạch", "Cũ", "Chi bộ"],
                "level": ["city", "district", "district", "ward", "ward", "ward", "basic"],
                "parent": [None, "01", "01", "001", "001", "002", "001"],
                "valid_to": [None, "2025-06-30", "2025-06-30", "2025-06-30", "2025-06-30",
                             "2019-12-31", None],
            }
        )
    )  # fmt: skip
    links = _links([("00001", "N1", "full"), ("00004", "N1", "full")])
    up = links.rolled_up(registry)
    assert up.frame.select("old_code", "new_code", "relation").rows() == [("001", "N1", "full")]
    assert up.frame["note"].item() == "from 00001 (full), 00004 (full)"
    assert links.rolled_up(registry, source="my note").frame["source"].item() == "my note"


def test_a_child_without_links_leaves_its_parent_partial() -> None:
    links = _links([("c1", "N1", "full")])
    up = links.rolled_up({"c1": "D", "c2": "D"})
    assert up.frame.select("old_code", "relation").rows() == [("D", "partial")]


def test_rolled_up_names_the_codes_without_a_parent() -> None:
    with pytest.raises(kt.ParameterError, match="no parent is given for the old units c2"):
        _links([("c1", "N1", "full"), ("c2", "N1", "full")]).rolled_up({"c1": "D"})
    with pytest.raises(TypeError):
        _links([("c1", "N1", "full")]).rolled_up(["c1"])  # type: ignore[arg-type]


@st.composite
def _structures(draw: st.DrawFn) -> tuple[list[int], list[int], list[int]]:
    """Atoms (bits of land), each in one old commune and one new unit; communes in districts."""
    n = draw(st.integers(1, 14))
    commune = draw(st.lists(st.integers(0, 6), min_size=n, max_size=n))
    new = draw(st.lists(st.integers(0, 5), min_size=n, max_size=n))
    district_of = draw(st.lists(st.integers(0, 2), min_size=7, max_size=7))
    return commune, new, district_of


def _overlap_links(olds: list[str], news: list[str]) -> Links:
    """The links of a hand-built crosswalk: one per overlap, full when the old unit lies
    inside the new one."""
    atoms: dict[str, set[str]] = {}
    for o, n in zip(olds, news, strict=True):
        atoms.setdefault(o, set()).add(n)
    rows = [
        (o, n, "full" if len(targets) == 1 else "partial")
        for o, targets in sorted(atoms.items())
        for n in sorted(targets)
    ]
    return _links(rows)


@settings(max_examples=200, deadline=None)
@given(_structures())
def test_rolled_up_links_are_the_overlaps_of_the_districts(
    structure: tuple[list[int], list[int], list[int]],
) -> None:
    commune, new, district_of = structure
    old = [f"c{c}" for c in commune]
    news = [f"n{n}" for n in new]
    parents = {f"c{c}": f"d{district_of[c]}" for c in set(commune)}
    rolled = _overlap_links(old, news).rolled_up(parents)
    direct = _overlap_links([parents[c] for c in old], news)
    assert rolled.frame.select("old_code", "new_code", "relation").equals(
        direct.frame.select("old_code", "new_code", "relation")
    )


HANOI = ROOT / "data" / "reference" / "hanoi_links.csv"


@pytest.mark.skipif(not HANOI.exists(), reason="no reference data")
def test_hanoi_district_links_are_derived_from_the_commune_links() -> None:
    communes = read_links(HANOI)
    units = pl.read_csv(ROOT / "data" / "reference" / "hanoi_units.csv", infer_schema=False)
    old = units.filter(pl.col("valid_to") == "2025-06-30", pl.col("level") != "district")
    districts = communes.rolled_up(dict(old.select("code", "parent").rows()))
    bundled = read_links(ROOT / "data" / "links.csv")
    columns = ["old_code", "new_code", "relation", "effective"]
    assert districts.frame.select(columns).equals(bundled.frame.select(columns))
    assert len(set(communes.frame["old_code"])) == 526
    assert len(set(communes.frame["new_code"])) == 126
    assert len(set(bundled.frame["old_code"])) == 30
    registry = kt.read_registry(ROOT / "data" / "reference" / "hanoi_units.csv")
    assert read_links(HANOI, registry=registry) == communes
    demo = kt.read_registry(ROOT / "data" / "units.csv")
    assert read_links(ROOT / "data" / "links.csv", registry=demo) == bundled
    assert communes.rolled_up(registry).frame.select(columns).equals(bundled.frame.select(columns))
