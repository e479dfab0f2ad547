"""KPIs counted from member exports: hand-checked counts, bad rows, crosswalk, privacy, scale."""

from __future__ import annotations

import datetime as dt
import re
import warnings
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

import kpitools as kt
from kpitools.io import LONG_SCHEMA
from kpitools.members import (
    BAD_ROW_KINDS,
    Crosswalk,
    MemberExportError,
    member_kpis,
    member_metrics,
    read_crosswalk,
    read_targets,
    structure_registry,
    suppress_small,
)
from kpitools.registry import read_registry

ROOT = Path(__file__).resolve().parents[3]
DATA = Path(__file__).resolve().parents[3] / "tests" / "data"
SMALL = DATA / "members_small.csv"
UNITS = DATA / "members_units.csv"
TARGETS = DATA / "members_targets.csv"
CROSSWALK = ROOT / "data" / "crosswalk_example.csv"
EXPORTED = "2024-12-31"
YEARS = [2022, 2023, 2024]


@pytest.fixture(scope="module")
def registry() -> kt.UnitRegistry:
    return read_registry(UNITS)


def counts(out, unit: str | None = None) -> dict[tuple[str, int, str], float]:
    frame = out if isinstance(out, pl.DataFrame) else out.kpis
    frame = frame if unit is None else frame.filter(pl.col("unit_code") == unit)
    return {
        (u, y, m): a
        for u, y, m, a in frame.select("unit_code", "year", "metric", "actual").iter_rows()
    }


# --------------------------------------------------------------------------- hand-checked

# members_small.csv, counted by hand. Ba Đình (001): T01, T02 admitted 2022; T03, T04 in
# 2023; T07 directly at the district, transferred out 31/12/2022; T09 since 1999; T03
# removed 15/09/2024. Hà Đông (268, in Hà Nội from 2008): T05 admitted 2005 (before the
# unit existed: no admission counted anywhere), died 2023; T10 removed 2022; T06 admitted
# 2024. T08 recorded at the city itself, admitted 2024.
HAND = {
    # unit: {metric: (2022, 2023, 2024)}
    "001": {
        "admissions": (2, 2, 0),
        "admissions_nonstate": (1, 1, 0),  # T01; T03
        "admissions_business_owners": (0, 1, 0),  # T03
        "admissions_hs_students": (1, 0, 0),  # T02
        "admissions_female": (1, 1, 0),  # T02; T04
        "admissions_male": (1, 1, 0),  # T01; T03
        "admissions_age_under_30": (1, 1, 0),  # T02 (18, born 30/11/2004); T04 (28)
        "admissions_age_30_44": (1, 0, 0),  # T01 (31)
        "admissions_age_45_59": (0, 1, 0),  # T03 (47: turns 48 the day after)
        "admissions_age_60_plus": (0, 0, 0),
        "members": (3, 5, 4),  # T01 T02 T09 | + T03 T04 | − T03
        "deaths": (0, 0, 0),
        "removals": (0, 0, 1),  # T03
        "transfers_out": (1, 0, 0),  # T07
    },
    "268": {
        "admissions": (0, 0, 1),  # T06
        "admissions_nonstate": (0, 0, 1),
        "admissions_business_owners": (0, 0, 0),
        "admissions_hs_students": (0, 0, 0),
        "admissions_female": (0, 0, 1),
        "admissions_male": (0, 0, 0),
        "admissions_age_under_30": (0, 0, 0),
        "admissions_age_30_44": (0, 0, 1),  # T06: 30 on the day
        "admissions_age_45_59": (0, 0, 0),
        "admissions_age_60_plus": (0, 0, 0),
        "members": (1, 0, 1),  # T05 | died | T06
        "deaths": (0, 1, 0),  # T05
        "removals": (1, 0, 0),  # T10 (khai trừ)
        "transfers_out": (0, 0, 0),
    },
}
HAND["01"] = {
    m: tuple(a + b for a, b in zip(HAND["001"][m], HAND["268"][m], strict=True))
    for m in HAND["001"]
}
for _metric, _extra in {
    "admissions": 1,
    "admissions_male": 1,
    "admissions_age_60_plus": 1,
    "members": 1,
}.items():  # T08, at the city itself, admitted 20/02/2024 aged 60
    a, b, c = HAND["01"][_metric]
    HAND["01"][_metric] = (a, b, c + _extra)


def test_hand_checked_export(registry) -> None:
    out = member_kpis(SMALL, registry=registry, exported=EXPORTED, years=YEARS)
    expected = {
        (unit, year, metric): float(value)
        for unit, metrics in HAND.items()
        for metric, values in metrics.items()
        for year, value in zip(YEARS, values, strict=True)
    }
    assert counts(out) == expected
    assert out.kpis.schema == pl.Schema(LONG_SCHEMA)
    assert_frame_equal(out.kpis, out.kpis.sort("year", "metric", "unit_code"))
    assert out.kpis.filter(pl.col("unit_code") == "01")["unit_name"].unique().to_list() == [
        "Hà Nội"
    ]
    assert set(out.kpis["as_of"].unique()) == {dt.date(y, 12, 31) for y in YEARS}
    assert out.kpis["source"].unique().to_list() == ["members_small.csv"]
    assert out.unattributed == {"outside": 0, "not existing": 1, "after as_of": 0}
    assert not out.bad_rows and out.bad_rows.rows == 10


def test_the_same_counts_from_parquet_excel_and_english_headers(registry, tmp_path) -> None:
    csv = member_kpis(SMALL, registry=registry, exported=EXPORTED, years=YEARS).kpis
    raw = pl.read_csv(SMALL, infer_schema=False)
    english = raw.rename(
        dict(
            zip(
                raw.columns,
                [
                    "member_id",
                    "unit_code",
                    "admission_date",
                    "birth_date",
                    "sex",
                    "business_owner",
                    "hs_student",
                    "nonstate",
                    "status",
                    "status_date",
                    "full name",
                ],
                strict=True,
            )
        )
    )
    parquet, xlsx = tmp_path / "m.parquet", tmp_path / "m.xlsx"
    english.write_parquet(parquet)
    raw.write_excel(xlsx)
    for path in (parquet, xlsx):
        other = member_kpis(path, registry=registry, exported=EXPORTED, years=YEARS).kpis
        assert_frame_equal(csv.drop("source"), other.drop("source"))


def test_as_of_cuts_the_last_year(registry) -> None:
    out = member_kpis(SMALL, registry=registry, exported=EXPORTED, as_of="30/06/2024", years=YEARS)
    got = counts(out)
    assert got["01", 2024, "admissions"] == 1  # T08 (20/02); T06 came in October
    assert got["268", 2024, "admissions"] == 0
    assert got["001", 2024, "members"] == 5  # T03 was removed in September, after as_of
    assert got["001", 2024, "removals"] == 0
    assert set(out.kpis.filter(pl.col("year") == 2024)["as_of"]) == {dt.date(2024, 6, 30)}
    assert out.unattributed["after as_of"] == 2  # T06's admission, T03's removal
    with pytest.raises(ValueError, match="years after as_of"):
        member_kpis(SMALL, registry=registry, exported=EXPORTED, as_of="2023-12-31", years=YEARS)


def test_only_the_chosen_metrics_and_their_columns(registry) -> None:
    out = member_kpis(
        SMALL,
        registry=registry,
        exported=EXPORTED,
        years=[2023],
        metrics=["admissions", "members"],
        levels=("city",),
    )
    assert counts(out) == {("01", 2023, "admissions"): 2.0, ("01", 2023, "members"): 5.0}
    frame = pl.read_csv(SMALL, infer_schema=False).select(
        "Mã đảng viên", "Mã tổ chức đảng", "Ngày vào Đảng"
    )
    assert counts(
        member_kpis(frame, registry=registry, exported=EXPORTED, years=[2023], levels=("city",))
    ) == {("01", 2023, "admissions"): 2.0}
    with pytest.raises(kt.KpiDataError, match="admissions_female needs sex"):
        member_kpis(frame, registry=registry, exported=EXPORTED, metrics=["admissions_female"])


def test_targets_are_joined_and_measures_work(registry, catalog) -> None:
    out = member_kpis(
        SMALL, registry=registry, exported=EXPORTED, years=YEARS, targets=TARGETS, catalog=catalog
    )
    kpis = kt.with_measures(out.kpis)
    row = kpis.filter(
        pl.col("unit_code") == "01", pl.col("year") == 2024, pl.col("metric") == "admissions"
    ).row(0, named=True)
    assert (row["actual"], row["target"], row["attainment"]) == (2.0, 5.0, 0.4)
    assert kpis.filter(pl.col("target").is_not_null()).height == 5
    rolled = kt.rollup(
        out.kpis.filter(pl.col("unit_code") != "01"), registry=registry, unit="01", year=2023
    )
    own = out.kpis.filter(pl.col("unit_code") == "01", pl.col("year") == 2023)
    assert_frame_equal(
        rolled.select("metric", "actual").sort("metric"),
        own.select("metric", "actual").sort("metric"),
    )  # nobody at 01 in 2023


def test_a_target_with_nothing_counted_is_an_error(registry) -> None:
    targets = read_targets(TARGETS, registry=registry)
    extra = pl.DataFrame(
        {"unit_code": ["268"], "year": [2021], "metric": ["admissions"], "target": [4.0]},
        schema=targets.schema,
    )
    with pytest.raises(kt.KpiDataError, match="268 × 2021 × admissions"):
        member_kpis(
            SMALL,
            registry=registry,
            exported=EXPORTED,
            years=YEARS,
            targets=pl.concat([targets, extra]),
        )


def test_targets_file_problems_name_row_and_column(registry, tmp_path) -> None:
    bad = tmp_path / "t.csv"
    bad.write_text(
        "mã đơn vị,năm,chỉ số,chỉ tiêu\n999,2024,admissions,3\n001,2024,admissions,"
        '"1,5"\n268,2007,admissions,2\n',
        encoding="utf-8",
    )
    with pytest.raises(kt.KpiDataError) as err:
        read_targets(bad, registry=registry)
    text = str(err.value)
    assert "row 2, column 'mã đơn vị': unknown unit '999'" in text
    assert "row 3, column 'chỉ tiêu': target: not a whole number (read as 1.5" in text
    assert "row 4, column 'mã đơn vị': unit 268 (Hà Đông) did not exist in 2007" in text
    # a catalog without the member metrics cannot hold the counts
    short = tmp_path / "metrics.csv"
    pl.read_csv(ROOT / "data" / "metrics.csv", infer_schema=False).filter(
        pl.col("code") != "admissions_female"
    ).write_csv(short)
    with pytest.raises(kt.KpiDataError, match="not in the catalog: admissions_female"):
        member_kpis(SMALL, registry=registry, exported=EXPORTED, catalog=kt.read_catalog(short))


def test_unrecognized_spellings_are_read_by_the_exact_parsers(registry, tmp_path) -> None:
    text = SMALL.read_text(encoding="utf-8")
    text = (
        text.replace("DV-T07,001,", "DV-T07,ba dinh,")  # a name, not a code ("1" is 01 or 001)
        .replace("DV-T04,001-C02,45000", "DV-T04,001-C02,2023-03-15 00:00:00")
        .replace(",Nữ,,,,Đang sinh hoạt", ",  NỮ ,,,, đang sinh hoạt ")
        .replace("12.12.2012,12.12.1982,Nam,,,,Khai trừ", "12/12/2012,1982-12-12,nam,, ,,Khai trừ")
    )
    path = tmp_path / "messy.csv"
    path.write_text(text, encoding="utf-8")
    out = member_kpis(path, registry=registry, exported=EXPORTED, years=YEARS)
    clean = member_kpis(SMALL, registry=registry, exported=EXPORTED, years=YEARS)
    assert counts(out) == counts(clean)


def test_spellings_first_seen_after_the_first_rows_are_read(registry, tmp_path) -> None:
    # Text columns are read by comparing with the spellings of the first 1000 rows; a known
    # spelling seen only later (NỮ, chính thức, Đã mất, X) must still count, not be a bad row.
    filler = [GOOD.format(n=n) for n in range(1200)]
    late = (
        "DV-L1,001-C01,15/03/2022,10/05/1990,NỮ,,,,chính thức,,",
        "DV-L2,001-C01,15/03/2022,10/05/1990,nữ,,,X,Đã mất,01/06/2023,",
    )
    usual = (
        "DV-L1,001-C01,15/03/2022,10/05/1990,Nữ,,,,Đang sinh hoạt,,",
        "DV-L2,001-C01,15/03/2022,10/05/1990,Nữ,,,x,Từ trần,01/06/2023,",
    )
    (tmp_path / "late").mkdir()
    (tmp_path / "usual").mkdir()
    out = member_kpis(
        with_rows(tmp_path / "late", *filler, *late), registry=registry, exported=EXPORTED
    )
    same = member_kpis(
        with_rows(tmp_path / "usual", *filler, *usual), registry=registry, exported=EXPORTED
    )
    assert not out.bad_rows
    assert counts(out) == counts(same)
    assert counts(out)[("001", 2023, "deaths")] == 1


def test_a_vocabulary_compares_what_it_has_seen_and_learns_the_rest() -> None:
    from kpitools.members.read import SEX_VALUES, Vocab

    vocab = Vocab.of(SEX_VALUES)  # F is 0, M is 1
    vocab.prime(["Nam", "Nữ"])
    frame = pl.DataFrame({"s": ["Nam", "Nữ", "NỮ", " nam", "?", None]})

    def read() -> list[int | None]:
        return frame.select(vocab.expr(pl.col("s"), pl.String).alias("i"))["i"].to_list()

    assert read() == [1, 0, None, None, None, None]
    assert vocab.learn(["NỮ", " nam", "?"]) == 2
    assert read() == [1, 0, 0, 1, None, None]
    assert vocab.learn(["Male", "FEMALE", "man", "woman", "Phụ nữ", "M", "F"]) == 7
    assert len(vocab.seen or {}) > 8  # now read by an Enum of every spelling: same answers
    assert read() == [1, 0, 0, 1, None, None]


# --------------------------------------------------------------------------- bad rows

GOOD = "DV-X{n},001-C01,15/03/2022,10/05/1990,Nam,,,x,Đang sinh hoạt,,"
BAD_ROWS = {
    "missing_id": ",001-C01,15/03/2022,10/05/1990,Nam,,,,Đang sinh hoạt,,",
    "duplicate_id": "DV-T01,001-C01,15/03/2022,10/05/1990,Nam,,,,Đang sinh hoạt,,",
    "missing_unit": "DV-X1,,15/03/2022,10/05/1990,Nam,,,,Đang sinh hoạt,,",
    "unknown_unit": "DV-X1,999-C09,15/03/2022,10/05/1990,Nam,,,,Đang sinh hoạt,,",
    "missing_admission_date": "DV-X1,001-C01,,10/05/1990,Nam,,,,Đang sinh hoạt,,",
    "unreadable_admission_date": "DV-X1,001-C01,31/02/2022,10/05/1990,Nam,,,,Đang sinh hoạt,,",
    "future_admission": "DV-X1,001-C01,02/01/2025,10/05/1990,Nam,,,,Đang sinh hoạt,,",
    "admission_before_1930": "DV-X1,001-C01,02/02/1930,10/05/1900,Nam,,,,Đang sinh hoạt,,",
    "missing_birth": "DV-X1,001-C01,15/03/2022,,Nam,,,,Đang sinh hoạt,,",
    "unreadable_birth": "DV-X1,001-C01,15/03/2022,năm 1990,Nam,,,,Đang sinh hoạt,,",
    "implausible_age": "DV-X1,001-C01,15/03/2022,16/03/2004,Nam,,,,Đang sinh hoạt,,",
    "bad_sex": "DV-X1,001-C01,15/03/2022,10/05/1990,?,,,,Đang sinh hoạt,,",
    "bad_flag": "DV-X1,001-C01,15/03/2022,10/05/1990,Nam,maybe,,,Đang sinh hoạt,,",
    "bad_status": "DV-X1,001-C01,15/03/2022,10/05/1990,Nam,,,,nghỉ,,",
    "status_without_date": "DV-X1,001-C01,15/03/2022,10/05/1990,Nam,,,,Từ trần,,",
    "unreadable_status_date": "DV-X1,001-C01,15/03/2022,10/05/1990,Nam,,,,Từ trần,hôm qua,",
    "status_before_admission": "DV-X1,001-C01,15/03/2022,10/05/1990,Nam,,,,Từ trần,14/03/2022,",
    "future_status": "DV-X1,001-C01,15/03/2022,10/05/1990,Nam,,,,Xóa tên,01/01/2025,",
}


def with_rows(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "export.csv"
    path.write_text(SMALL.read_text(encoding="utf-8") + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_every_kind_of_bad_row_has_a_test() -> None:
    assert set(BAD_ROWS) | {"unmapped_unit"} == set(BAD_ROW_KINDS)


@pytest.mark.parametrize("kind", list(BAD_ROWS))
def test_bad_rows_stop_by_default_and_name_the_row(registry, tmp_path, kind) -> None:
    path = with_rows(tmp_path, GOOD.format(n=0), BAD_ROWS[kind])
    with pytest.raises(MemberExportError) as err:
        member_kpis(path, registry=registry, exported=EXPORTED, years=YEARS)
    report = err.value.report
    if kind == "duplicate_id":  # both rows with the id are reported
        assert report.kinds() == {"duplicate_id": 2}
        assert [i.row for i in report.examples[kind]] == [2, 13]
    else:
        assert report.kinds() == {kind: 1}
        assert [i.row for i in report.examples[kind]] == [13]
    assert report.total == (2 if kind == "duplicate_id" else 1) and report.rows == 12
    text = str(err.value)
    assert f"{kind} — {BAD_ROW_KINDS[kind]}" in text and "row 13" in text
    assert not re.search(r"DV-[TX]\d", text), "member ids must never be printed"


def test_skipping_bad_rows_counts_without_them_and_says_so(registry, tmp_path) -> None:
    bad = [row.replace("DV-X1", f"DV-B{i}") for i, row in enumerate(BAD_ROWS.values())]
    path = with_rows(tmp_path, GOOD.format(n=0), *bad)
    with pytest.warns(UserWarning, match="cannot be used") as caught:
        out = member_kpis(path, registry=registry, exported=EXPORTED, years=YEARS, bad_rows="skip")
    clean = member_kpis(SMALL, registry=registry, exported=EXPORTED, years=YEARS)
    # DV-T01 is duplicated, so both its rows go; the good extra row (DV-X0) has exactly
    # T01's unit, dates, sex and groups, so it takes T01's place in every count.
    assert counts(out) == counts(clean)
    assert out.bad_rows.total == len(BAD_ROWS) + 1
    assert out.bad_rows.kinds()["duplicate_id"] == 2
    assert set(out.bad_rows.kinds()) == set(BAD_ROWS)
    assert not any(re.search(r"DV-[TXB]\d", str(w.message)) for w in caught)


def test_several_problems_in_one_row_are_each_counted(registry, tmp_path) -> None:
    path = with_rows(tmp_path, ",999,,,?,,,,nghỉ,,")
    with pytest.raises(MemberExportError) as err:
        member_kpis(path, registry=registry, exported=EXPORTED)
    assert err.value.report.kinds() == {
        "missing_id": 1,
        "unknown_unit": 1,
        "missing_admission_date": 1,
        "missing_birth": 1,
        "bad_sex": 1,
        "bad_status": 1,
    }
    assert err.value.report.total == 1


cell = {
    "Mã đảng viên": st.sampled_from(["DV-R1", "DV-R2", "DV-R3", "", None]),
    "Mã tổ chức đảng": st.sampled_from(["001-C01", "268-C01", "01", "1", "999", " ", None]),
    "Ngày vào Đảng": st.sampled_from(
        [
            "15/03/2022",
            "2005-01-01",
            "45000",
            "31/02/2022",
            "02/01/2025",
            "01/01/1920",
            "x",
            "",
            None,
        ]
    ),
    "Ngày sinh": st.sampled_from(
        ["10/05/1990", "1750-01-01", "16/03/2004", "01/01/2300", "năm 1990", None]
    ),
    "Giới tính": st.sampled_from(["Nam", " nữ ", "F", "?", None]),
    "Chủ doanh nghiệp": st.sampled_from(["x", "có", "", " ", "maybe", None]),
    "Tình trạng": st.sampled_from(["Đang sinh hoạt", "từ trần", "Xóa tên", "nghỉ", " ", None]),
    "Ngày thay đổi": st.sampled_from(
        ["14/03/2022", "20/08/2023", "01/01/2025", "01/01/1700", "hôm qua", None]
    ),
}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.fixed_dictionaries(cell), min_size=1, max_size=12))
def test_the_fast_check_and_the_detailed_check_agree(rows) -> None:
    registry = read_registry(UNITS)
    export = pl.DataFrame(rows, schema=dict.fromkeys(cell, pl.String))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = member_kpis(
            export, registry=registry, exported=EXPORTED, bad_rows="skip", years=[2022, 2023, 2024]
        )  # raises AssertionError if they disagree
    assert out.bad_rows.rows == len(rows)
    good = len(rows) - out.bad_rows.total
    admitted = out.kpis.filter(pl.col("unit_code") == "01", pl.col("metric") == "admissions")
    assert admitted["actual"].sum() <= good


def test_an_unreadable_status_date_of_an_active_member_is_not_a_bad_row(registry) -> None:
    # Found by the property test above: the fast check ignored it (the date is not used),
    # the detailed check, run because of the duplicate ids, reported it.
    row = dict.fromkeys(cell)
    row |= {
        "Mã đảng viên": "DV-R1",
        "Mã tổ chức đảng": "001-C01",
        "Ngày vào Đảng": "15/03/2022",
        "Ngày sinh": "10/05/1990",
        "Giới tính": "Nam",
        "Tình trạng": "Đang sinh hoạt",
    }
    late = row | {"Mã đảng viên": "DV-R2", "Ngày thay đổi": "hôm qua"}
    for rows in ([late], [row, row, late]):
        export = pl.DataFrame(rows, schema=dict.fromkeys(cell, pl.String))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            out = member_kpis(
                export, registry=registry, exported=EXPORTED, bad_rows="skip", years=YEARS
            )
        assert out.bad_rows.kinds() == ({"duplicate_id": 2} if len(rows) > 1 else {})


def test_empty_text_ids_in_a_frame_are_missing_ids(registry) -> None:
    # found by the property test above: a frame holds "" where a CSV holds null
    row = {"Mã tổ chức đảng": "001-C01", "Ngày vào Đảng": "15/03/2022", "Ngày sinh": "10/05/1990"}
    export = pl.DataFrame(
        [{"Mã đảng viên": "DV-R1", **row}, {"Mã đảng viên": "DV-R1", **row, "Ngày vào Đảng": ""},
         {"Mã đảng viên": "", **row}, {"Mã đảng viên": "", **row}],
        schema={"Mã đảng viên": pl.String, **dict.fromkeys(row, pl.String)},
    )  # fmt: skip
    with pytest.warns(UserWarning):
        out = member_kpis(export, registry=registry, exported=EXPORTED, bad_rows="skip")
    assert out.bad_rows.kinds() == {
        "missing_id": 2, "duplicate_id": 2, "missing_admission_date": 1}  # fmt: skip
    assert out.bad_rows.total == 4


def test_the_first_rows_of_each_kind_are_shown(registry, tmp_path) -> None:
    rows = [BAD_ROWS["unknown_unit"].replace("X1", f"Y{i}") for i in range(8)]
    with pytest.raises(MemberExportError) as err:
        member_kpis(with_rows(tmp_path, *rows), registry=registry, exported=EXPORTED)
    shown = err.value.report.examples["unknown_unit"]
    assert err.value.report.kinds() == {"unknown_unit": 8}
    assert [i.row for i in shown] == [12, 13, 14, 15, 16]
    assert shown[0].column == "Mã tổ chức đảng" and shown[0].value == "999-C09"


def test_export_problems_name_the_file(registry, tmp_path) -> None:
    with pytest.raises(kt.KpiDataError, match="file not found"):
        member_kpis(tmp_path / "none.csv", registry=registry)
    path = tmp_path / "x.csv"
    path.write_text("Mã đảng viên,Ngày sinh\nDV1,01/01/1990\n", encoding="utf-8")
    with pytest.raises(kt.KpiDataError) as err:
        member_kpis(path, registry=registry)
    assert "missing required column 'unit_code'" in str(err.value)
    assert "missing required column 'admission_date'" in str(err.value)


# --------------------------------------------------------------------------- roll-up


LEAVES = ["001-C01", "001-C02", "268-C01"]
member = st.tuples(
    st.sampled_from(LEAVES),
    st.dates(dt.date(1995, 1, 1), dt.date(2024, 12, 31)),
    st.integers(18, 70),
    st.sampled_from(["Nam", "Nữ"]),
    st.booleans(),
    st.sampled_from(["Đang sinh hoạt", "Từ trần", "Xóa tên", "Chuyển sinh hoạt đi"]),
    st.integers(0, 4000),
)


def export_of(members: list[tuple]) -> pl.DataFrame:
    rows = []
    for i, (unit, admitted, age, sex, nonstate, status, later) in enumerate(members):
        left = admitted + dt.timedelta(days=later)
        if status == "Đang sinh hoạt" or left > dt.date(2024, 12, 31):
            status, left = "Đang sinh hoạt", None
        born = dt.date(admitted.year - age - 1, 1, 1)
        rows.append(
            (
                f"P{i}",
                unit,
                admitted.strftime("%d/%m/%Y"),
                born.isoformat(),
                sex,
                "x" if nonstate else None,
                status,
                left.strftime("%d/%m/%Y") if left else None,
            )
        )
    return pl.DataFrame(
        rows,
        orient="row",
        schema=[
            "Mã đảng viên",
            "Mã tổ chức đảng",
            "Ngày vào Đảng",
            "Ngày sinh",
            "Giới tính",
            "Doanh nghiệp ngoài nhà nước",
            "Tình trạng",
            "Ngày thay đổi",
        ],
    )


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(member, min_size=1, max_size=40))
def test_every_unit_is_the_sum_of_its_parts(members) -> None:
    registry = read_registry(UNITS)
    out = member_kpis(
        export_of(members),
        registry=registry,
        exported=EXPORTED,
        years=range(2000, 2025),
        levels=("basic", "district", "city"),
    )
    # 2008 is counted in two periods: Hà Đông joined Hà Nội on 1 August 2008
    assert (
        out.kpis.filter(pl.col("year") == 2008)["period_start"].unique().to_list()
        == [
            dt.date(2008, 1, 1),
            dt.date(2008, 8, 1),
        ]
        or 2008 not in out.kpis["year"].to_list()
    )
    wide = out.kpis.pivot(on="unit_code", index=["year", "period_start", "metric"], values="actual")
    for parent, parts in {
        "001": ["001-C01", "001-C02"],
        "268": ["268-C01"],
        "01": ["001", "268"],
    }.items():
        rows = wide.filter(pl.col(parent).is_not_null())  # 268 exists from 2008 only
        total = pl.sum_horizontal(pl.col(p).fill_null(0) for p in parts)
        assert rows.filter(pl.col(parent) != total).is_empty(), parent
    # and every member is counted once (Hà Đông's only from 1/8/2008, when it joined Hà Nội)
    joined = dt.date(2008, 8, 1)
    admitted = sum(
        1
        for unit, day, *_ in members
        if day >= (joined if unit == "268-C01" else dt.date(2000, 1, 1))
    )
    city = out.kpis.filter(pl.col("unit_code") == "01", pl.col("metric") == "admissions")
    assert city["actual"].sum() == admitted


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(member, min_size=1, max_size=40),
    st.dictionaries(st.sampled_from(LEAVES), st.sampled_from([*LEAVES, "01-P01"])),
)
def test_the_crosswalk_never_loses_or_double_counts_a_member(members, moves) -> None:
    registry = read_registry(UNITS)
    moves = {old: new for old, new in moves.items() if old != new}
    rows = [(old, new, dt.date(2025, 7, 1)) for old, new in moves.items()]
    try:
        crosswalk = Crosswalk(
            pl.DataFrame(rows, orient="row", schema=["old_code", "new_code", "effective"])
        )
    except kt.KpiDataError:
        return  # a loop: refused, as it must be
    export = export_of(members)
    kwargs = dict(
        registry=registry,
        exported=EXPORTED,
        years=[2024],
        levels=("basic", "ward", "district", "city"),
        metrics=["members"],
    )
    before = counts(member_kpis(export, **kwargs))
    after = counts(member_kpis(export, crosswalk=crosswalk, structure="2025-07-01", **kwargs))
    where = crosswalk.mapping(at="2025-07-01")
    expected = dict.fromkeys([*LEAVES, "01-P01"], 0.0)
    for code in LEAVES:
        expected[where.get(code, code)] += before[code, 2024, "members"]
    assert {c: after.get((c, 2024, "members"), 0.0) for c in expected} == expected
    assert after["01", 2024, "members"] == before["01", 2024, "members"]


def test_the_example_crosswalk_on_the_synthetic_export(generated, national) -> None:
    crosswalk = read_crosswalk(CROSSWALK, registry=national)
    where = crosswalk.mapping(at="2025-07-01")
    assert where["001-C02"] == "00008" and where["016-C08"] == "017-C01"
    assert crosswalk.mapping(at="2022-01-01") == {"004-C08": "004-C07"}
    kwargs = dict(
        registry=national,
        exported="2025-12-31",
        within=["01"],
        levels=("basic", "commune", "district", "city"),
        years=[2024, 2025],
    )
    before = member_kpis(generated["parquet"], **kwargs)
    after = member_kpis(generated["parquet"], crosswalk=crosswalk, structure="2025-07-01", **kwargs)
    b, a = counts(before), counts(after)
    # 2025 in two periods; the first halves agree (the districts were there until 30/6)
    first_half = pl.col("period_start") == dt.date(2025, 1, 1)
    b1, a1 = counts(before.kpis.filter(first_half)), counts(after.kpis.filter(first_half))
    assert a1["01", 2025, "members"] == b1["01", 2025, "members"]
    # after 30/6, organizations under an abolished district reach the city only through the
    # crosswalk (which places them in the new units)
    second_half = pl.col("period_start") == dt.date(2025, 7, 1)
    b2, a2 = counts(before.kpis.filter(second_half)), counts(after.kpis.filter(second_half))
    assert a2["01", 2025, "members"] > b2["01", 2025, "members"]
    assert ("001", 2025, "members") not in b2  # Ba Đình ended on 30/6
    assert a["00004", 2024, "members"] == sum(
        b[c, 2024, "members"] for c in ("001-C01", "002-C01", "002-C06")
    )
    assert (
        a["017", 2024, "admissions"]
        == b["017", 2024, "admissions"] + b["016-C08", 2024, "admissions"]
    )
    assert a["001", 2024, "members"] == 0  # Ba Đình's members are in the new units
    # the structure's registry lets the new units have a series back in time
    assert after.registry.exists("00004", 2019) and not national.exists("00004", 2019)
    assert set(after.kpis["note"].unique()) == {"units as on 2025-07-01 (crosswalk)"}


def test_crosswalk_problems(national, tmp_path) -> None:
    path = tmp_path / "cw.csv"
    path.write_text(
        "old_code,new_code,effective,change\n001-C01,01-P01,2025-07-01,split\n"
        "001-C01,01-P02,2025-07-01,split\n001-C02,XYZ,2025-07-01,merged\n"
        "001-C03,01-P01,someday,renamed\n",
        encoding="utf-8",
    )
    with pytest.raises(kt.KpiDataError) as err:
        read_crosswalk(path, registry=national)
    text = str(err.value)
    assert "row 4, column 'new_code': not a code of the unit registry (value 'XYZ')" in text
    assert "row 5, column 'effective'" in text
    loop = pl.DataFrame(
        {"old_code": ["a", "b"], "new_code": ["b", "a"], "effective": [dt.date(2020, 1, 1)] * 2}
    )
    with pytest.raises(kt.KpiDataError, match="loop"):
        Crosswalk(loop)
    twice = pl.DataFrame(
        {"old_code": ["a", "a"], "new_code": ["b", "c"], "effective": [dt.date(2020, 1, 1)] * 2}
    )
    with pytest.raises(kt.KpiDataError, match="handed over once"):
        Crosswalk(twice)
    gone = Crosswalk(
        pl.DataFrame(
            {"old_code": ["001-C01"], "new_code": ["001"], "effective": [dt.date(2025, 7, 1)]}
        )
    )
    with pytest.raises(kt.KpiDataError, match="not in force"):
        structure_registry(national, gone, at="2025-07-01")


def test_members_of_units_gone_by_the_structure_date_are_bad_rows(registry, tmp_path) -> None:
    crosswalk = Crosswalk(
        pl.DataFrame(
            {"old_code": ["001-C01"], "new_code": ["01-P01"], "effective": [dt.date(2025, 7, 1)]}
        )
    )
    with pytest.raises(MemberExportError) as err:  # T07 is recorded at district 001
        member_kpis(
            SMALL, registry=registry, exported=EXPORTED, crosswalk=crosswalk, structure="2025-07-01"
        )
    assert err.value.report.kinds() == {"unmapped_unit": 1}
    assert err.value.report.examples["unmapped_unit"][0].row == 8


# --------------------------------------------------------------------------- generator


def test_the_generator_is_deterministic_and_labelled(
    generated, member_export_generator, tmp_path
) -> None:
    again = member_export_generator.generate(tmp_path, rows=20_000)
    for kind in ("csv", "units", "targets"):
        assert again[kind].read_bytes() == generated[kind].read_bytes()
    members = pl.read_parquet(generated["parquet"])
    assert members.height == 20_000 and members["member_id"].n_unique() == 20_000
    assert members["source"].unique().to_list() == ["synthetic"]
    units = pl.read_csv(generated["units"], infer_schema=False)
    assert units.filter(pl.col("level") == "district").height == 700
    assert units.filter((pl.col("level") == "city") & pl.col("parent").is_null()).height == 63
    years = members["admission_date"].dt.year()
    assert years.min() == 1950 and years.max() == 2025


def test_csv_and_parquet_exports_give_the_same_kpis(generated, national) -> None:
    kwargs = dict(registry=national, exported="2025-12-31", years=range(2015, 2026))
    a = member_kpis(generated["parquet"], **kwargs)
    b = member_kpis(generated["csv"], **kwargs)
    assert_frame_equal(a.kpis, b.kpis)
    assert set(a.kpis["source"]) == {"synthetic"}
    assert not a.bad_rows and a.unattributed == b.unattributed
    # 2025 in two periods: the events of organizations under a district from 1/7/2025 on
    # belong to no unit in force (their district ended on 30/6; no crosswalk places them)
    export = pl.read_parquet(generated["parquet"])
    day = dt.date(2025, 7, 1)
    late = export.filter(pl.col("unit_code").is_in(_under_districts(national)))
    direct = (
        late.filter(pl.col("admission_date") >= day).height
        + late.filter(pl.col("status") != "active", pl.col("status_date") >= day).height
    )
    assert a.unattributed == {"outside": 0, "not existing": direct, "after as_of": 0}


def _under_districts(registry: kt.UnitRegistry) -> list[str]:
    """The basic organizations whose district ended on 30/6/2025."""
    ended = set(registry.units.filter(pl.col("valid_to") == dt.date(2025, 6, 30))["code"])
    return sorted(c for c in registry.codes(level="basic") if registry.parent(c) in ended)


def test_counts_agree_with_a_direct_count(generated, national) -> None:
    out = member_kpis(
        generated["parquet"],
        registry=national,
        exported="2025-12-31",
        years=range(1950, 2026),
        metrics=["admissions", "members", "deaths"],
        levels=("city",),
    )
    province = {c: national.parent(national.parent(c)) for c in national.codes(level="basic")}
    members = pl.read_parquet(generated["parquet"]).with_columns(
        province=pl.col("unit_code").replace_strict(province)
    )
    # from 1/7/2025 an organization under an abolished district is in no unit in force
    stale = pl.col("unit_code").is_in(_under_districts(national))
    members = members.filter(~(stale & (pl.col("admission_date") >= dt.date(2025, 7, 1))))
    admitted = members.group_by("province", pl.col("admission_date").dt.year().alias("y")).len()
    got = counts(out)
    # 2025 is counted in two periods (1/1–30/6, 1/7–31/12): a year's admissions are their sum
    yearly = out.kpis.group_by("unit_code", "year", "metric").agg(pl.col("actual").sum())
    got |= {(u, y, m): a for u, y, m, a in yearly.filter(pl.col("metric") != "members").iter_rows()}
    for province, year, n in admitted.iter_rows():
        assert got[province, year, "admissions"] == n
    end_2010 = (
        members.filter(
            (pl.col("admission_date") <= dt.date(2010, 12, 31))
            & (pl.col("status_date").is_null() | (pl.col("status_date") > dt.date(2010, 12, 31)))
        )
        .group_by("province")
        .len()
    )
    for province, n in end_2010.iter_rows():
        assert got[province, 2010, "members"] == n


def test_streaming_gives_the_same_answer(generated, national) -> None:
    kwargs = dict(registry=national, exported="2025-12-31", years=range(2019, 2026))
    a = member_kpis(generated["csv"], streaming=True, **kwargs)
    b = member_kpis(generated["csv"], streaming=False, **kwargs)
    assert_frame_equal(a.kpis, b.kpis)


# --------------------------------------------------------------------------- privacy


def test_small_counts_are_suppressed_with_their_complements(registry) -> None:
    out = member_kpis(SMALL, registry=registry, exported=EXPORTED, years=YEARS)
    shared = suppress_small(out.kpis, threshold=3, registry=registry)
    hidden = shared.filter(pl.col("actual").is_null())
    assert hidden["note"].unique().to_list() == ["fewer than 3 (suppressed)"]
    assert shared.filter(
        pl.col("actual").is_not_null() & (pl.col("actual") > 0) & (pl.col("actual") < 3)
    ).is_empty()
    # 001 and 268 are the parts of 01: if one of them is hidden, so is the other
    for (year, metric), group in hidden.group_by(["year", "metric"]):
        units = set(group["unit_code"])
        assert (
            units.isdisjoint({"001", "268"})
            or {"001", "268"} <= units
            or out.kpis.filter(
                pl.col("year") == year,
                pl.col("metric") == metric,
                pl.col("unit_code").is_in(["001", "268"] if "001" in units else ["001"]),
                pl.col("actual") == 0,
            ).height
            > 0
        )
    assert (
        shared.filter(pl.col("actual") == 0).height == out.kpis.filter(pl.col("actual") == 0).height
    )  # zeros are shown
    with pytest.raises(ValueError, match="threshold"):
        suppress_small(out.kpis, threshold=0)


def test_every_member_metric_is_in_the_bundled_catalog(catalog) -> None:
    assert [m for m in member_metrics() if m not in catalog] == []
    # other age bands are other metrics, which a catalog must add
    assert [m for m in member_metrics(age_edges=(25,)) if m not in catalog] == [
        "admissions_age_under_25",
        "admissions_age_25_plus",
    ]


def test_no_warning_for_clean_exports(registry) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        member_kpis(SMALL, registry=registry, exported=EXPORTED, years=YEARS)


def test_members_command_writes_kpis_and_never_prints_an_id(tmp_path) -> None:
    import subprocess
    import sys
    from pathlib import Path

    out = tmp_path / "kpis.csv"
    proc = subprocess.run(
        [
            str(Path(sys.executable).parent / "kpitools"),
            "members",
            str(DATA / "members_small.csv"),
            "--units",
            str(DATA / "members_units.csv"),
            "--out",
            str(out),
            "--years",
            "2022-2023",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    kpis = kt.load_dataset(
        [out], units=DATA / "members_units.csv", catalog=ROOT / "data" / "metrics.csv"
    ).kpis
    assert set(kpis["year"].to_list()) == {2022, 2023}
    ids = pl.read_csv(DATA / "members_small.csv", infer_schema=False)["Mã đảng viên"].to_list()
    written = out.read_text(encoding="utf-8") + proc.stdout + proc.stderr
    assert not [i for i in ids if i in written]


@pytest.mark.parametrize("skip", [False, True])
def test_the_members_command_names_its_flag_and_prints_each_problem_once(
    tmp_path, capsys, skip
) -> None:
    from kpitools.cli import main

    path = with_rows(tmp_path, BAD_ROWS["unreadable_admission_date"])
    out = tmp_path / "kpis.csv"
    argv = ["members", str(path), "--units", str(UNITS), "--out", str(out)]
    argv += ["--exported", EXPORTED, "--catalog", str(ROOT / "data" / "metrics.csv")]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the command prints; it does not warn
        status = main(argv + ["--skip-bad-rows"] * skip)
    err = capsys.readouterr().err
    assert status == (0 if skip else 1) and out.exists() == skip
    assert err.count("row 12, column 'Ngày vào Đảng'") == 1, err
    assert err.count("cannot be used") == 1
    assert "bad_rows" not in err
    assert ("--skip-bad-rows" in err) != skip  # the hint only where it helps
    assert not re.search(r"DV-[TX]\d", err)


def test_the_python_error_keeps_its_python_hint(registry, tmp_path) -> None:
    path = with_rows(tmp_path, BAD_ROWS["unreadable_admission_date"])
    with pytest.raises(MemberExportError, match="pass bad_rows='skip' to count") as err:
        member_kpis(path, registry=registry, exported=EXPORTED, years=YEARS)
    assert "--skip-bad-rows" in err.value.explain("--skip-bad-rows")
    assert "bad_rows=" not in err.value.explain("--skip-bad-rows")


def test_a_name_of_units_of_two_periods_is_read_on_the_export_day(tmp_path) -> None:
    # "Ba Đình" is quận 001 to 2025-06-30 and Phường Ba Đình 00004 from 2025-07-01
    units = tmp_path / "units.csv"
    units.write_text(
        UNITS.read_text(encoding="utf-8") + "00004,Ba Đình,commune,phường,01,2025-07-01,,\n",
        encoding="utf-8",
    )
    registry = read_registry(units)
    named = tmp_path / "named.csv"
    named.write_text(
        SMALL.read_text(encoding="utf-8").replace("DV-T07,001,", "DV-T07,ba dinh,"),
        encoding="utf-8",
    )
    assert "ba dinh" in named.read_text(encoding="utf-8")
    out = member_kpis(named, registry=registry, exported=EXPORTED, years=YEARS)
    clean = member_kpis(SMALL, registry=registry, exported=EXPORTED, years=YEARS)
    assert counts(out) == counts(clean)  # read as 001, the unit of the export's day
