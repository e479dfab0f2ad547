"""The bundled reference data on the 2025 reorganization (``data/reference/``, the new units in
``data/units.csv``, ``data/links.csv``) and the script that rebuilds it from the upstream
snapshots (``scripts/build_reference.py``): invariants of the files, the script's transforms on
tiny fixtures in the upstream formats, and a rebuild from the real snapshots when they exist."""

from __future__ import annotations

import csv
import importlib.util
import re
import shutil
import subprocess
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"
REF = DATA / "reference"
FIXTURES = REPO / "tests" / "fixtures" / "reference"
SCRIPT = REPO / "scripts" / "build_reference.py"
EFFECTIVE = "2025-07-01"
LAST_OLD_DAY = "2025-06-30"
OUTPUTS = (
    "data/units.csv",
    "data/links.csv",
    "data/reference/hanoi_units.csv",
    "data/reference/hanoi_links.csv",
    "data/reference/vn_units.parquet",
    "data/reference/vn_links.parquet",
    "data/reference/PROVENANCE.md",
    "data/reference/licenses/dvhcvn-20250701.LICENSE",
    "data/reference/licenses/thanglequoc-vietnamese-provinces-database.LICENSE",
)


def _load_script():
    spec = importlib.util.spec_from_file_location("build_reference", SCRIPT)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["build_reference"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


br = _load_script()


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _derive(links: list[dict[str, str]], parent_of: dict[str, str]) -> set[tuple[str, str, str]]:
    """The contract's rule, written again here: D -> N is full iff every old commune of D has
    only full links, all to N."""
    per: dict[str, list[dict[str, str]]] = defaultdict(list)
    for k in links:
        per[parent_of[k["old_code"]]].append(k)
    out = set()
    for dist, ks in per.items():
        news = {k["new_code"] for k in ks}
        full = len(news) == 1 and all(k["relation"] == "full" for k in ks)
        out |= {(dist, n, "full" if full else "partial") for n in news}
    return out


# --- the bundled Hà Nội files ---------------------------------------------------------------


@pytest.fixture(scope="module")
def hanoi_units() -> list[dict[str, str]]:
    return _rows(REF / "hanoi_units.csv")


@pytest.fixture(scope="module")
def hanoi_links() -> list[dict[str, str]]:
    return _rows(REF / "hanoi_links.csv")


def test_hanoi_new_units_are_126_phuong_and_xa(hanoi_units):
    new = [r for r in hanoi_units if r["valid_from"] == EFFECTIVE]
    assert len(new) == 126
    assert sum(r["type"] == "phường" for r in new) == 51
    assert sum(r["type"] == "xã" for r in new) == 75
    for r in new:
        assert (r["level"], r["parent"], r["valid_to"]) == ("commune", "01", "")
        assert re.fullmatch(r"\d{5}", r["code"]), r
        assert not r["name"].lower().startswith(("phường ", "xã ")), r


def test_hanoi_old_units_are_30_districts_and_526_communes(hanoi_units):
    districts = {r["code"]: r for r in hanoi_units if r["level"] == "district"}
    assert len(districts) == 30
    assert all(
        re.fullmatch(r"\d{3}", c) and r["valid_to"] == LAST_OLD_DAY for c, r in districts.items()
    )
    old = [r for r in hanoi_units if r["level"] == "commune" and r["valid_to"] == LAST_OLD_DAY]
    assert len(old) == 526
    assert {r["type"] for r in old} == {"phường", "xã", "thị trấn"}
    assert all(r["parent"] in districts and re.fullmatch(r"\d{5}", r["code"]) for r in old)
    assert [r["code"] for r in hanoi_units if r["level"] == "city"] == ["01"]


def test_hanoi_names_are_nfc_and_codes_unique_per_period(hanoi_units):
    for r in hanoi_units:
        assert unicodedata.normalize("NFC", r["name"]) == r["name"].strip() == r["name"]
    keys = [(r["code"], r["valid_from"], r["valid_to"]) for r in hanoi_units]
    assert len(keys) == len(set(keys))
    # A reused code (00004 Trúc Bạch to 2025-06-30, Ba Đình from 2025-07-01) never overlaps.
    by_code = defaultdict(list)
    for r in hanoi_units:
        by_code[r["code"]].append(r)
    for rows in by_code.values():
        if len(rows) > 1:
            assert sorted((r["valid_from"], r["valid_to"]) for r in rows) == [
                ("", LAST_OLD_DAY),
                (EFFECTIVE, ""),
            ]


def test_hanoi_links_cover_every_unit_and_full_means_alone(hanoi_units, hanoi_links):
    old = {r["code"] for r in hanoi_units if r["level"] == "commune" and r["valid_to"]}
    new = {r["code"] for r in hanoi_units if r["valid_from"] == EFFECTIVE}
    assert {k["old_code"] for k in hanoi_links} == old
    assert {k["new_code"] for k in hanoi_links} == new
    per_old = defaultdict(list)
    for k in hanoi_links:
        per_old[k["old_code"]].append(k["relation"])
    for code, rels in per_old.items():
        assert set(rels) <= {"full", "partial"}
        assert "full" not in rels or rels == ["full"], code
    assert {k["effective"] for k in hanoi_links} == {EFFECTIVE}
    assert all(re.fullmatch(r"1656/NQ-UBTVQH15 Điều 1 khoản \d+", k["source"]) for k in hanoi_links)
    pairs = [(k["old_code"], k["new_code"]) for k in hanoi_links]
    assert len(pairs) == len(set(pairs))


def test_son_dong_follows_the_resolution_not_dvhcvn(hanoi_links):
    """dvhcvn links xã Sơn Đồng (Hoài Đức) to Đoài Phương; khoản 89 names xã Sơn Đông."""
    mine = {(k["new_code"], k["relation"]) for k in hanoi_links if k["old_code"] == "09859"}
    assert mine == {("09871", "full")}
    assert ("09613", "09616", "full") in {
        (k["old_code"], k["new_code"], k["relation"]) for k in hanoi_links
    }


def test_units_csv_keeps_its_rows_and_gains_the_126(hanoi_units):
    units = _rows(DATA / "units.csv")
    new = [r for r in units if r["valid_from"] == EFFECTIVE]
    assert new == [r for r in hanoi_units if r["valid_from"] == EFFECTIVE]
    before = [r for r in units if r["valid_from"] != EFFECTIVE]
    assert [r["code"] for r in before][:2] == ["01", "001"] and before[-1]["code"] == "01-K"
    districts = [r for r in before if r["level"] == "district"]
    assert districts == [r for r in hanoi_units if r["level"] == "district"]
    assert len(before) == 32


def test_links_csv_is_derived_from_the_commune_links(hanoi_units, hanoi_links):
    derived = _rows(DATA / "links.csv")
    parent_of = {r["code"]: r["parent"] for r in hanoi_units if r["valid_to"] == LAST_OLD_DAY}
    assert {(k["old_code"], k["new_code"], k["relation"]) for k in derived} == _derive(
        hanoi_links, parent_of
    )
    assert {k["effective"] for k in derived} == {EFFECTIVE}
    assert {k["source"] for k in derived} == {
        "derived from data/reference/hanoi_links.csv (1656/NQ-UBTVQH15)"
    }
    assert {k["old_code"] for k in derived} == {
        r["code"] for r in hanoi_units if r["level"] == "district"
    }


# --- the national files ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def vn_units() -> pl.DataFrame:
    return pl.read_parquet(REF / "vn_units.parquet")


@pytest.fixture(scope="module")
def vn_links() -> pl.DataFrame:
    return pl.read_parquet(REF / "vn_links.parquet")


def test_national_counts(vn_units):
    old = pl.col("valid_to") == pl.date(2025, 6, 30)
    provinces = vn_units.filter(pl.col("level").is_in(["province", "city"]))
    assert provinces.filter(old).height == 63
    assert provinces.filter(old & (pl.col("level") == "city")).height == 6  # Huế since 2025
    new_provinces = provinces.filter(pl.col("valid_from") >= pl.date(2025, 7, 1))
    assert new_provinces["code"].n_unique() == 34
    communes = vn_units.filter(pl.col("level") == "commune")
    assert communes.filter(pl.col("valid_from") >= pl.date(2025, 7, 1))["code"].n_unique() == 3321
    assert communes.filter(old).height == 10047
    assert vn_units.filter(pl.col("level") == "district").height == 696
    widths = {"province": 2, "city": 2, "district": 3, "commune": 5}
    for level, width in widths.items():
        lengths = vn_units.filter(pl.col("level") == level)["code"].str.len_chars().unique()
        assert lengths.to_list() == [width], level


def test_national_periods_of_a_code_never_overlap(vn_units):
    far = pl.date(9999, 12, 31)
    rows = vn_units.with_columns(
        pl.col("valid_from").fill_null(pl.date(1, 1, 1)), pl.col("valid_to").fill_null(far)
    ).sort("code", "valid_from")
    clash = rows.filter(
        (pl.col("code") == pl.col("code").shift(1))
        & (pl.col("valid_from") <= pl.col("valid_to").shift(1))
    )
    assert clash.is_empty(), clash
    assert (
        vn_units["name"]
        .map_elements(lambda s: unicodedata.normalize("NFC", s) == s, return_dtype=pl.Boolean)
        .all()
    )


def test_national_links(vn_units, vn_links):
    assert vn_links["effective"].unique().to_list() == [pl.Series([EFFECTIVE]).str.to_date()[0]]
    assert set(vn_links["relation"].unique()) == {"full", "partial"}
    provinces = vn_links.filter(pl.col("old_code").str.len_chars() == 2)
    assert provinces.height == 63 and provinces["old_code"].n_unique() == 63
    assert provinces["new_code"].n_unique() == 34 and set(provinces["relation"]) == {"full"}
    communes = vn_links.filter(pl.col("old_code").str.len_chars() > 2)
    old = vn_units.filter((pl.col("level") == "commune") & pl.col("valid_to").is_not_null())
    new = vn_units.filter((pl.col("level") == "commune") & pl.col("valid_from").is_not_null())
    assert set(old["code"]) <= set(communes["old_code"])
    assert set(communes["new_code"]) == set(new["code"])
    per_old = communes.group_by("old_code").agg(
        pl.len().alias("n"), (pl.col("relation") == "full").any().alias("full")
    )
    assert per_old.filter(pl.col("full") & (pl.col("n") > 1)).is_empty()


def test_national_hanoi_agrees_with_the_hanoi_files(vn_links, hanoi_links):
    new = {k["new_code"] for k in hanoi_links}
    mine = vn_links.filter(pl.col("new_code").is_in(list(new)) & (pl.col("old_code") != "01"))
    assert set(mine.select("old_code", "new_code", "relation", "source").iter_rows()) == {
        (k["old_code"], k["new_code"], k["relation"], k["source"]) for k in hanoi_links
    }


def test_provenance_names_sources_commits_and_licences():
    text = (REF / "PROVENANCE.md").read_text(encoding="utf-8")
    for needle in (
        "https://github.com/dvhcvn/20250701",
        "https://github.com/thanglequoc/vietnamese-provinces-database",
        "dd94887ce32324380bc5bb0a76fe39867dafc73b",
        "cd58063299585146ded3981f2272946ef19ced54",
        "2026-12-03",
        "MIT",
    ):
        assert needle in text
    for lic in (REF / "licenses").iterdir():
        assert lic.read_text(encoding="utf-8").startswith("MIT License")


# --- the script on tiny fixtures in the upstream formats -------------------------------------


def _fixture_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / "data").mkdir(parents=True)
    shutil.copy(FIXTURES / "units.csv", repo / "data" / "units.csv")
    return repo


def _build(repo: Path, dvhcvn: Path = FIXTURES / "dvhcvn", tlq: Path = FIXTURES / "thanglequoc"):
    args = ["--dvhcvn", str(dvhcvn), "--thanglequoc", str(tlq), "--repo", str(repo)]
    return br.main(args)


def test_build_on_fixtures(tmp_path, capsys):
    repo = _fixture_repo(tmp_path)
    assert _build(repo) == 0
    out = capsys.readouterr().out
    assert "Hà Nội links: 6; the relation (full / partial) agrees" in out
    assert "for 6; 1 cited another clause" in out  # 00037's record cites khoản 1 for Hồng Hà
    links = _rows(repo / "data" / "reference" / "hanoi_links.csv")
    assert [(k["old_code"], k["new_code"], k["relation"], k["source"][-7:]) for k in links] == [
        ("00001", "00097", "full", "khoản 2"),
        ("00004", "00004", "full", "khoản 1"),
        ("00037", "00097", "full", "khoản 2"),
        ("00040", "00004", "partial", "khoản 1"),
        ("00040", "00097", "partial", "khoản 2"),
        ("00103", "00103", "full", "khoản 3"),
    ]
    assert links[0]["note"] == "phường Phúc Xá → phường Hồng Hà"
    derived = {
        (k["old_code"], k["new_code"], k["relation"]) for k in _rows(repo / "data/links.csv")
    }
    assert derived == {
        ("001", "00004", "partial"),
        ("001", "00097", "partial"),
        ("002", "00004", "partial"),
        ("002", "00097", "partial"),
        ("003", "00103", "full"),
    }
    units = _rows(repo / "data" / "units.csv")
    assert [r["code"] for r in units] == [
        "01",
        "001",
        "002",
        "003",
        "01-K",
        "00004",
        "00097",
        "00103",
    ]
    vn = pl.read_parquet(repo / "data" / "reference" / "vn_units.parquet")
    # Đồng Nai: a province on 2025-07-01, a centrally-run city from 2026-04-30: two rows.
    dn = vn.filter(pl.col("code") == "75", pl.col("valid_from").is_not_null())
    assert dn.select("level", "type").rows() == [("province", "tỉnh"), ("city", "thành phố")]
    tb = vn.filter(pl.col("code") == "26248", pl.col("valid_from").is_not_null())
    assert tb["type"].to_list() == ["xã", "phường"]
    assert tb["valid_to"].to_list()[0] == pl.Series(["2026-04-29"]).str.to_date()[0]
    links = pl.read_parquet(repo / "data" / "reference" / "vn_links.parquet")
    island = links.filter(pl.col("old_code") == "318").row(0, named=True)
    assert (island["new_code"], island["relation"]) == ("11948", "full")


def test_build_is_deterministic_and_check_finds_a_stale_file(tmp_path, capsys):
    repo = _fixture_repo(tmp_path)
    _build(repo)
    first = {rel: (repo / rel).read_bytes() for rel in OUTPUTS}
    assert _build(repo) == 0
    assert {rel: (repo / rel).read_bytes() for rel in OUTPUTS} == first
    assert "wrote" not in capsys.readouterr().out.split("disagreements")[-1]
    check = ["--check", "--dvhcvn", str(FIXTURES / "dvhcvn"), "--thanglequoc"]
    check += [str(FIXTURES / "thanglequoc"), "--repo", str(repo)]
    assert br.main(check) == 0
    (repo / "data" / "links.csv").write_text("old_code\n", encoding="utf-8")
    assert br.main(check) == 1


def test_build_reads_a_bare_git_snapshot_like_a_working_tree(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    bare = {}
    for name in ("dvhcvn", "thanglequoc"):
        work = tmp_path / f"{name}-work"
        shutil.copytree(FIXTURES / name, work)
        git = ["git", "-C", str(work), "-c", "user.name=t", "-c", "user.email=t@t"]
        subprocess.run([*git[:3], "init", "-q"], check=True)
        subprocess.run([*git[:3], "add", "-A"], check=True)
        subprocess.run([*git, "commit", "-q", "-m", "fixture"], check=True)
        bare[name] = tmp_path / f"{name}.git"
        subprocess.run(["git", "clone", "-q", "--bare", str(work), str(bare[name])], check=True)
    a, b = _fixture_repo(tmp_path / "a"), _fixture_repo(tmp_path / "b")
    _build(a)
    _build(b, bare["dvhcvn"], bare["thanglequoc"])
    for rel in OUTPUTS:
        if rel.endswith("PROVENANCE.md"):
            continue  # names the commit of a git snapshot
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel


def test_unclear_records_are_reported_not_guessed(tmp_path, capsys):
    dv = tmp_path / "dvhcvn"
    shutil.copytree(FIXTURES / "dvhcvn", dv)
    merges = (dv / "mapping" / "merges.json").read_text(encoding="utf-8")
    (dv / "mapping" / "merges.json").write_text(
        merges.replace('"old_id": "00103",\n              "name": "Phường Quảng An",\n'
                       '              "type": "full"', '"old_id": "00103",\n'
                       '              "name": "Phường Quảng An",\n              "type": "some"'),
        encoding="utf-8",
    )  # fmt: skip
    repo = _fixture_repo(tmp_path)
    _build(repo, dv)
    out = capsys.readouterr().out
    assert "commune link 00103 -> 00103 unclear (some" in out
    assert "1 old communes have no link: ['00103']" in out
    assert "00103,00103" not in (repo / "data/reference/hanoi_links.csv").read_text(
        encoding="utf-8"
    )


# --- parsers (hypothesis) -------------------------------------------------------------------

WORDS = ["Hồng", "Hà", "Phúc", "Xá", "Trúc", "Bạch", "Đông", "Anh", "Kim", "Chung", "Tây", "Hồ"]
KINDS = ["phường", "xã", "thị trấn"]
MARKERS = {
    "toàn bộ diện tích tự nhiên, quy mô dân số của": "full",
    "một phần diện tích tự nhiên, quy mô dân số của": "partial",
    "một phần diện tích tự nhiên của": "partial",
    "một phần diện tích tự nhiên, toàn bộ quy mô dân số của": "partial",
    "phần còn lại của": "partial",
}
names = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join)
items = st.tuples(names, st.sampled_from(["", "Sóc Sơn", "Mê Linh"]))
segments = st.tuples(
    st.sampled_from(sorted(MARKERS)),
    st.sampled_from(KINDS),
    st.lists(items, min_size=1, max_size=4),
    st.booleans(),
)


def _segment_text(marker: str, kind: str, its: list[tuple[str, str]], after: bool) -> str:
    shown = [f"{n} (huyện {d})" if d else n for n, d in its]
    listed = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " và " + shown[-1]
    text = f"{marker} {'các ' if len(shown) > 1 else ''}{kind} {listed}"
    if after and marker.startswith("phần còn lại"):
        text += " sau khi sắp xếp theo quy định tại khoản 3 Điều này"
    return text


@given(st.lists(segments, min_size=1, max_size=4), st.sampled_from(["phường", "xã"]), names)
def test_parse_clause_reads_what_was_written(segs, kind, new_name):
    clause = "Sắp xếp " + ", ".join(_segment_text(*s) for s in segs)
    clause += f" thành {kind} mới có tên gọi là {kind} {new_name}."
    got_name, got = br.parse_clause(clause)
    assert got_name == f"{kind} {new_name}"
    want = [(n, d, MARKERS[marker], k) for marker, k, its, _ in segs for n, d in its]
    assert [(s.name, s.district, s.relation, s.kind) for s in got] == want


@given(st.sampled_from(br.COMMUNE_PREFIXES + br.DISTRICT_PREFIXES), names)
def test_split_prefix_round_trip(prefix, name):
    kind, got = br.split_prefix(f"{prefix} {name}", br.COMMUNE_PREFIXES + br.DISTRICT_PREFIXES)
    assert (kind, got) == (prefix.lower(), name)


@given(st.sampled_from(br.COMMUNE_PREFIXES), st.integers(1, 30))
def test_split_prefix_keeps_a_number_named(prefix, n):
    assert br.split_prefix(f"{prefix} {n}", br.COMMUNE_PREFIXES) == (
        prefix.lower(),
        f"{prefix} {n}",
    )


@given(names, st.sampled_from(["Hòa", "Hoà", "Thụy", "Thuỵ"]), st.sampled_from([" ", "  ", " - "]))
def test_name_key_ignores_tone_mark_place_case_and_dashes(name, word, sep):
    moved = {"Hòa": "Hoà", "Hoà": "Hòa", "Thụy": "Thuỵ", "Thuỵ": "Thụy"}[word]
    a = br.name_key(f"{name}{sep}{word}")
    assert a == br.name_key(f"{name.upper()} {moved}")
    assert a == br.name_key(unicodedata.normalize("NFD", f"{name} {word}"))


@given(st.lists(st.tuples(st.sampled_from("abcdef"), st.sampled_from("XYZ"), st.booleans()),
                min_size=1, max_size=12, unique_by=lambda t: (t[0], t[1])))  # fmt: skip
def test_derive_district_links_follows_the_rule(raw):
    parent_of = {c: "D1" if c in "abc" else "D2" for c in "abcdef"}
    links = [br.Link(o, n, "full" if f else "partial", "") for o, n, f in raw]
    got = {(k.old_code, k.new_code, k.relation) for k in br.derive_district_links(links, parent_of)}
    rows = [{"old_code": k.old_code, "new_code": k.new_code, "relation": k.relation} for k in links]
    assert got == _derive(rows, parent_of)


def test_resolution_clauses_reads_the_fixture():
    text = (FIXTURES / "dvhcvn" / "input" / "docs" / "1656_NQ-UBTVQH15.md").read_text("utf-8")
    clauses = br.resolution_clauses(text)
    assert sorted(clauses) == [1, 2, 3, 4]
    assert br.parse_clause(clauses[3])[0] == "phường Tây Hồ"
    assert br.parse_clause(clauses[4]) == ("", [])  # the count, not an arrangement


# --- the real snapshots ----------------------------------------------------------------------


def test_rebuild_from_the_real_snapshots_gives_the_bundled_files(tmp_path):
    if not (br.DEFAULT_DVHCVN.exists() and br.DEFAULT_THANGLEQUOC.exists()):
        pytest.skip(
            f"upstream snapshots not on this machine ({br.DEFAULT_DVHCVN}, "
            f"{br.DEFAULT_THANGLEQUOC}); see data/reference/PROVENANCE.md to rebuild"
        )
    repo = tmp_path / "repo"
    (repo / "data").mkdir(parents=True)
    shutil.copy(DATA / "units.csv", repo / "data" / "units.csv")
    assert br.main(["--repo", str(repo)]) == 0
    for rel in OUTPUTS:
        assert (repo / rel).read_bytes() == (REPO / rel).read_bytes(), rel
