"""The comparability rule, against hand-built crosswalks, and the bridge of figures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kpitools as kt
from kpitools.comparability import (
    BREAK_PROBLEMS,
    GROUP_KINDS,
    bridge_figures,
    comparable_groups,
    describe_breaks,
    is_comparable,
)
from kpitools.links import Links, read_links

ROOT = Path(__file__).resolve().parents[2]
DAY = dt.date(2025, 7, 1)
_TEXT = dict.fromkeys(("old_code", "new_code", "relation", "effective", "source"), pl.String)


def _links(rows: list[tuple[str, str, str]], day: str = "2025-07-01") -> Links:
    columns = list(zip(*rows, strict=True)) if rows else [(), (), ()]
    return Links.from_frame(
        pl.DataFrame(
            {
                "old_code": list(columns[0]),
                "new_code": list(columns[1]),
                "relation": list(columns[2]),
                "effective": [day] * len(rows),
                "source": ["NQ"] * len(rows),
            },
            schema=_TEXT,
        )
    )


# -- hand-built crosswalks: atoms of land, each in one old unit and one new unit ----------


class Crosswalk:
    """Old and new units as sets of atoms; links where they overlap, full when the old unit
    lies inside the new one. Codes are reused on both sides ("01" old and "01" new)."""

    def __init__(self, old_of: list[int], new_of: list[int]) -> None:
        self.old: dict[str, set[int]] = {}
        self.new: dict[str, set[int]] = {}
        for atom, (o, n) in enumerate(zip(old_of, new_of, strict=True)):
            self.old.setdefault(f"{o:02d}", set()).add(atom)
            self.new.setdefault(f"{n:02d}", set()).add(atom)
        rows = []
        for o, atoms in sorted(self.old.items()):
            targets = sorted(n for n, theirs in self.new.items() if atoms & theirs)
            relation = "full" if len(targets) == 1 else "partial"
            rows += [(o, n, relation) for n in targets]
        self.links = _links(rows)

    def atoms(self, old: list[str], new: list[str]) -> tuple[set[int], set[int]]:
        return (
            set().union(*(self.old[o] for o in old)),
            set().union(*(self.new[n] for n in new)),
        )

    def joins(self) -> list[tuple[list[str], list[str]]]:
        """The blocks of the join of the two partitions (computed on atoms, not links)."""
        block = list(range(max(a for s in self.old.values() for a in s) + 1))

        def find(a: int) -> int:
            while block[a] != a:
                a = block[a]
            return a

        for unit in [*self.old.values(), *self.new.values()]:
            first, *rest = sorted(unit)
            for a in rest:
                block[find(a)] = find(first)
        found: dict[int, tuple[list[str], list[str]]] = {}
        for side, units in ((0, self.old), (1, self.new)):
            for code, atoms in sorted(units.items()):
                found.setdefault(find(min(atoms)), ([], []))[side].append(code)
        return sorted(found.values())


@st.composite
def crosswalks(draw: st.DrawFn) -> Crosswalk:
    n = draw(st.integers(1, 16))
    old_of = draw(st.lists(st.integers(0, 7), min_size=n, max_size=n))
    new_of = draw(st.lists(st.integers(0, 7), min_size=n, max_size=n))
    return Crosswalk(old_of, new_of)


@settings(max_examples=150, deadline=None)
@given(crosswalks())
def test_the_groups_are_the_smallest_unions_with_equal_land(cw: Crosswalk) -> None:
    groups = comparable_groups(cw.links)
    found = sorted(zip(groups["old_codes"].to_list(), groups["new_codes"].to_list(), strict=True))
    assert found == cw.joins()
    assert groups["exact"].all()
    assert groups["group"].to_list() == list(range(1, groups.height + 1))
    for olds, news in found:
        old_atoms, new_atoms = cw.atoms(olds, news)
        assert old_atoms == new_atoms


@settings(max_examples=150, deadline=None)
@given(crosswalks(), st.data())
def test_a_set_compares_exactly_when_its_old_and_new_units_hold_the_same_land(
    cw: Crosswalk, data: st.DataObject
) -> None:
    olds = data.draw(st.lists(st.sampled_from(sorted(cw.old)), unique=True))
    news = data.draw(st.lists(st.sampled_from(sorted(cw.new)), unique=True))
    result = is_comparable(cw.links, olds, news)
    old_atoms, new_atoms = cw.atoms(olds, news)
    assert result.exact == (old_atoms == new_atoms) == bool(result)
    if not result.exact:
        assert result.message and str(result).startswith("not comparable: ")
        linked = set(cw.links.frame.select("old_code", "new_code").rows())
        for old, new, _, problem, _ in result.breaks.rows():
            assert (old, new) in linked  # each break is a link that crosses the sets
            assert (old in olds) != (new in news)
            assert problem in BREAK_PROBLEMS


@settings(max_examples=150, deadline=None)
@given(crosswalks(), st.data())
def test_any_union_of_groups_is_comparable(cw: Crosswalk, data: st.DataObject) -> None:
    groups = comparable_groups(cw.links).rows(named=True)
    chosen = data.draw(st.lists(st.sampled_from(groups), min_size=1))
    olds = sorted({o for g in chosen for o in g["old_codes"]})
    news = sorted({n for g in chosen for n in g["new_codes"]})
    assert is_comparable(cw.links, olds, news).exact


@settings(max_examples=150, deadline=None)
@given(crosswalks(), st.data())
def test_a_part_of_a_group_is_not_comparable(cw: Crosswalk, data: st.DataObject) -> None:
    groups = [g for g in comparable_groups(cw.links).rows(named=True) if len(g["new_codes"]) > 1]
    if not groups:
        return
    group = data.draw(st.sampled_from(groups))
    news = data.draw(
        st.lists(
            st.sampled_from(group["new_codes"]),
            min_size=1,
            max_size=len(group["new_codes"]) - 1,
            unique=True,
        )
    )
    olds = sorted({o for n in news for o in cw.links.predecessors(n)})
    result = is_comparable(cw.links, olds, news)
    assert not result.exact
    # what breaks it is a partial link: the part of an old unit that went elsewhere
    assert "partial" in result.breaks["relation"].to_list()


@settings(max_examples=150, deadline=None)
@given(crosswalks())
def test_by_new_and_by_old_agree_with_the_rule(cw: Crosswalk) -> None:
    for by in ("new", "old"):
        for row in comparable_groups(cw.links, by=by).rows(named=True):
            old_atoms, new_atoms = cw.atoms(row["old_codes"], row["new_codes"])
            assert row["exact"] == (old_atoms == new_atoms)
            assert row["kind"] in GROUP_KINDS
            assert (row["why"] == "exact") == row["exact"]


@settings(max_examples=150, deadline=None)
@given(crosswalks(), st.data())
def test_the_bridge_of_exact_groups_adds_up_the_same_figures(
    cw: Crosswalk, data: st.DataObject
) -> None:
    n = max(a for s in cw.old.values() for a in s) + 1
    figures = data.draw(st.lists(st.integers(0, 10**6), min_size=n, max_size=n))
    rows = [
        (code, year, float(sum(figures[a] for a in atoms)))
        for units, year in ((cw.old, 2024), (cw.new, 2026))
        for code, atoms in units.items()
    ]
    kpis = pl.DataFrame(rows, schema=["unit_code", "year", "actual"], orient="row").with_columns(
        metric=pl.lit("m"), year=pl.col("year").cast(pl.Int32)
    )
    bridge = bridge_figures(kpis, cw.links, old_year=2024, new_year=2026)
    assert bridge.height == len(cw.joins())
    assert bridge["old_actual"].to_list() == bridge["new_actual"].to_list()
    assert not bridge["estimated"].any() and (bridge["change"] == 0).all()
    assert bridge["source"].unique().to_list() == ["sum of units"]


# -- the rule on small, named cases -----------------------------------------------------


def _hong_ha() -> tuple[Links, dict[str, str]]:
    """Phường Hồng Hà takes parts of wards that are also split with other new wards."""
    links = _links(
        [
            ("00001", "00097", "full"),  # Phúc Xá, whole
            ("00091", "00097", "partial"),  # Phú Thượng
            ("00091", "00091", "partial"),
            ("00094", "00097", "partial"),  # Nhật Tân
            ("00094", "00103", "partial"),
            ("00103", "00103", "full"),
        ]
    )
    names = {
        "00001": "Phúc Xá",
        "00091": "Phú Thượng",
        "00094": "Nhật Tân",
        "00097": "Phường Hồng Hà",
        "00103": "Phường Tây Hồ",
    }
    return links, names


def test_the_message_names_the_parts_that_break_a_comparison() -> None:
    links, names = _hong_ha()
    result = is_comparable(links, ["00001", "00091", "00094"], ["00097"], names=names)
    assert result.message == (
        "00097 Phường Hồng Hà takes parts of 00091 Phú Thượng and 00094 Nhật Tân, which are "
        "split with 00091 Phú Thượng and 00103 Phường Tây Hồ"  # a mapping names both sides
    )
    vi = is_comparable(links, ["00001", "00091", "00094"], ["00097"], names=names, lang="vi")
    assert vi.message.startswith("00097 Phường Hồng Hà nhận một phần của 00091 Phú Thượng và")
    alone = is_comparable(links, ["00001"], ["00097"])
    assert (
        alone.message == "00097 takes parts of 00091 and 00094, which are not among the old units"
    )


def test_a_reused_code_is_two_units() -> None:
    links, _ = _hong_ha()
    # old 00091 and new 00091 are different units: the group holds both
    groups = comparable_groups(links)
    assert groups.select("old_codes", "new_codes").rows() == [
        (["00001", "00091", "00094", "00103"], ["00091", "00097", "00103"])
    ]


def test_an_old_unit_that_went_wholly_outside() -> None:
    links = _links(
        [("A", "X", "full"), ("B", "Y", "full"), ("C", "Y", "partial"), ("C", "Z", "partial")]
    )
    assert str(is_comparable(links, ["A", "B"], ["X"])) == (
        "not comparable: B went into Y, which is not among the new units"
    )
    assert str(is_comparable(links, ["C"], ["X"])).startswith(
        "not comparable: C went in parts into Y and Z, which are not among the new units; "
        "X takes the whole of A"
    )


def test_units_of_interest_without_links_and_outside_the_groups() -> None:
    links = _links([("A", "X", "full"), ("B", "X", "full"), ("C", "Y", "partial")])
    groups = comparable_groups(links, old=["A", "D"], new=["X"])
    assert groups.select("old_codes", "new_codes", "exact", "kind").rows() == [
        (["A", "B"], ["X"], False, "incomplete"),
        (["D"], [], False, "incomplete"),
    ]
    assert groups["why"].to_list() == ["B is not among the units given", "D has no link"]
    lone = comparable_groups(links).filter(pl.col("old_codes").list.first() == "C")
    assert lone["why"].item() == (
        "only a part of C is linked (to Y); where the rest went is not known"
    )
    assert comparable_groups(links, new=["Z"])["why"].to_list() == ["Z has no link"]


def test_describe_breaks_reads_the_rows_of_a_frame() -> None:
    links, names = _hong_ha()
    groups = comparable_groups(links, by="new", names=names)
    row = groups.filter(pl.col("new_codes").list.first() == "00097").row(0, named=True)
    assert describe_breaks(row["breaks"], names=names, effective=DAY) == row["why"]
    assert describe_breaks([], lang="vi") == "so sánh được chính xác"


def test_bad_arguments() -> None:
    links = _links([("A", "X", "full")])
    with pytest.raises(kt.ParameterError, match="by must be 'group', 'new', 'old'"):
        comparable_groups(links, by="district")
    with pytest.raises(kt.ParameterError, match="old must be a list of codes"):
        is_comparable(links, "A", ["X"])
    with pytest.raises(kt.ParameterError, match="codes must be text"):
        is_comparable(links, [1], ["X"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="links must be Links"):
        comparable_groups(links.frame)  # type: ignore[arg-type]
    two = Links.from_frame(
        pl.concat([links.frame, _links([("X", "Q", "full")], "2030-01-01").frame])
    )
    with pytest.raises(kt.ParameterError, match="say which with effective="):
        comparable_groups(two)
    assert comparable_groups(two, effective="2030-01-01")["old_codes"].to_list() == [["X"]]


# -- bridge_figures -------------------------------------------------------------------


def _kpis(rows: list[tuple[str, int, float, float | None]], **extra: list[object]) -> pl.DataFrame:
    frame = pl.DataFrame(
        rows, schema=["unit_code", "year", "actual", "target"], orient="row"
    ).with_columns(metric=pl.lit("admissions"), year=pl.col("year").cast(pl.Int32))
    return frame.with_columns(**{k: pl.Series(v) for k, v in extra.items()})


SPLIT = [("A", "X", "full"), ("B", "X", "partial"), ("B", "Y", "partial"), ("C", "Y", "full")]


def test_bridge_sums_exactly_and_keeps_targets_only_when_all_have_one() -> None:
    kpis = _kpis(
        [("A", 2024, 0.1, 1.0), ("B", 2024, 0.2, None), ("C", 2024, 0.3, 2.0),
         ("X", 2026, 0.3, 1.0), ("Y", 2026, 0.3, 2.0)]
    )  # fmt: skip
    row = bridge_figures(kpis, _links(SPLIT), old_year=2024, new_year=2026).row(0, named=True)
    assert row["old_actual"] == 0.6 and row["new_actual"] == 0.6  # 0.1+0.2+0.3, not 0.6000…1
    assert row["change"] == 0.0
    assert row["old_target"] is None and row["new_target"] == 3.0
    assert (row["old_period_start"], row["old_as_of"]) == (
        dt.date(2024, 1, 1),
        dt.date(2024, 12, 31),
    )
    assert row["source"] == "sum of units" and row["note"] is None


def test_bridge_says_which_units_have_no_figure() -> None:
    kpis = _kpis([("A", 2024, 1.0, None), ("X", 2026, 5.0, None)], source=["synthetic", "r"])
    row = bridge_figures(kpis, _links(SPLIT), old_year=2024, new_year=2026).row(0, named=True)
    assert row["old_missing"] == ["B", "C"] and row["new_missing"] == ["Y"]
    assert row["note"] == "no figures of B and C; no figures of Y"
    assert row["source"] == "synthetic"


def test_a_suppressed_figure_counts_as_missing() -> None:
    kpis = _kpis([("A", 2024, 1.0, 1.0), ("B", 2024, None, 1.0), ("C", 2024, 2.0, 1.0)])
    row = bridge_figures(kpis, _links(SPLIT), old_year=2024, new_year=2026).row(0, named=True)
    assert (row["old_actual"], row["old_target"], row["old_missing"]) == (3.0, None, ["B"])
    assert row["new_actual"] is None and row["change"] is None


def test_bridge_refuses_a_cut_group_and_estimates_with_shares() -> None:
    kpis = _kpis(
        [("A", 2024, 10.0, None), ("B", 2024, 30.0, None), ("C", 2024, 5.0, None),
         ("X", 2026, 25.0, None), ("Y", 2026, 20.0, None)]
    )  # fmt: skip
    links = _links(SPLIT)
    with pytest.raises(kt.ParameterError) as exc:
        bridge_figures(kpis, links, old_year=2024, new_year=2026, by="new")
    assert "X takes a part of B, which is split with Y" in str(exc.value)
    shares = pl.DataFrame({"old_code": ["B", "B"], "new_code": ["X", "Y"], "share": ["0,5", "0.5"]})
    est = bridge_figures(kpis, links, old_year=2024, new_year=2026, by="new", shares=shares)
    assert est.select("new_codes", "old_actual", "estimated", "source").rows() == [
        (["X"], 25.0, True, "estimated from shares"),
        (["Y"], 20.0, True, "estimated from shares"),
    ]
    assert est["note"].to_list() == ["old figures estimated from shares"] * 2
    # shares never touch an exact group
    exact = bridge_figures(kpis, links, old_year=2024, new_year=2026, shares=shares)
    assert exact["estimated"].to_list() == [False]


def test_every_problem_of_shares_is_named(tmp_path: Path) -> None:
    links = _links([*SPLIT, ("D", "Z", "partial"), ("D", "W", "partial")])
    kpis = _kpis([("A", 2024, 1.0, None)])
    path = tmp_path / "shares.csv"
    path.write_text(
        "old_code,new_code,share\n"
        "B,X,0.7\n"  # 2
        "B,Y,0.7\n"  # 3: B adds up to 1.4
        "A,X,0.5\n"  # 4: a full link's share is 1
        "C,Z,1\n"  # 5: not a link
        "D,Z,many\n"  # 6: not a number
        "D,W,1.5\n"  # 7: above 1
        "D,W,0.5\n",  # 8: the same link again
        encoding="utf-8",
    )
    with pytest.raises(kt.KpiDataError) as exc:
        bridge_figures(kpis, links, old_year=2024, new_year=2026, by="new", shares=path)
    found = [(i.row, i.column) for i in exc.value.issues]
    assert found == [
        (4, "share"), (5, "new_code"), (6, "share"), (7, "share"), (8, "new_code"), (None, "share")
    ]  # fmt: skip
    assert "the shares of B add up to 1.4, not 1" in str(exc.value)
    with pytest.raises(kt.KpiDataError, match="missing required column"):
        bridge_figures(kpis, links, old_year=2024, new_year=2026, by="new",
                       shares=pl.DataFrame({"old_code": ["B"], "new_code": ["X"]}))  # fmt: skip
    numbers = pl.DataFrame({"old_code": [1], "new_code": ["X"], "share": [1]})
    with pytest.raises(kt.KpiDataError, match="must be text"):
        bridge_figures(kpis, links, old_year=2024, new_year=2026, by="new", shares=numbers)
    partial = pl.DataFrame({"old_code": ["B", "B"], "new_code": ["X", "Y"], "share": [0.5, 0.5]})
    with pytest.raises(kt.ParameterError, match="no share is given for the partial links D → W"):
        bridge_figures(kpis, links, old_year=2024, new_year=2026, by="new", shares=partial)


def test_shares_of_a_third_add_up_to_one() -> None:
    links = _links([("B", "X", "partial"), ("B", "Y", "partial"), ("B", "Z", "partial")])
    third = pl.DataFrame({"old_code": ["B"] * 3, "new_code": ["X", "Y", "Z"], "share": [1 / 3] * 3})
    kpis = _kpis([("B", 2024, 300.0, None)])
    est = bridge_figures(kpis, links, old_year=2024, new_year=2026, by="new", shares=third)
    assert [round(v, 6) for v in est["old_actual"]] == [100.0] * 3


def test_bridge_keeps_the_two_halves_of_the_split_year_apart() -> None:
    # 2025: old unit 00004 for the first half, the new 00004 (another unit) for the second
    links = _links([("00004", "00004", "full"), ("00001", "00004", "full")])
    kpis = _kpis(
        [("00004", 2025, 7.0, None), ("00001", 2025, 3.0, None), ("00004", 2025, 12.0, None)],
        as_of=[dt.date(2025, 6, 30), dt.date(2025, 6, 30), dt.date(2025, 12, 31)],
        period_start=[dt.date(2025, 1, 1), dt.date(2025, 1, 1), dt.date(2025, 7, 1)],
    )
    row = bridge_figures(kpis, links, old_year=2025, new_year=2025).row(0, named=True)
    assert (row["old_actual"], row["new_actual"]) == (10.0, 12.0)
    assert row["old_as_of"] == dt.date(2025, 6, 30) and row["new_period_start"] == DAY


def test_bridge_refuses_what_it_cannot_tell_apart() -> None:
    links = _links([("A", "X", "full")])
    with pytest.raises(kt.ParameterError, match="old_year must be a year before the change"):
        bridge_figures(_kpis([]), links, old_year=2026, new_year=2026)
    with pytest.raises(kt.ParameterError, match="new_year must be a year from the change"):
        bridge_figures(_kpis([]), links, old_year=2024, new_year=2024)
    twice = _kpis(
        [("A", 2024, 1.0, None), ("A", 2024, 2.0, None)],
        as_of=[dt.date(2024, 11, 30), dt.date(2024, 12, 31)],
    )
    with pytest.raises(kt.ParameterError, match="cover several periods"):
        bridge_figures(twice, links, old_year=2024, new_year=2026)
    same = _kpis([("A", 2024, 1.0, None), ("A", 2024, 2.0, None)])
    with pytest.raises(kt.ParameterError, match="A has two rows of admissions in 2024"):
        bridge_figures(same, links, old_year=2024, new_year=2026)
    with pytest.raises(kt.ParameterError, match="no column actual"):
        bridge_figures(pl.DataFrame({"unit_code": ["A"], "year": [2024], "metric": ["m"]}),
                       links, old_year=2024, new_year=2026)  # fmt: skip
    unlinked = pl.DataFrame({"old_code": ["A"], "new_code": ["X"], "share": [1.0]})
    with pytest.raises(kt.ParameterError, match="Q has no link"):
        bridge_figures(_kpis([]), links, old_year=2024, new_year=2026, by=[["Q"]], shares=unlinked)


# -- Hà Nội's real links --------------------------------------------------------------

HANOI = ROOT / "data" / "reference" / "hanoi_links.csv"


@pytest.mark.skipif(not HANOI.exists(), reason="no reference data")
def test_hanoi_districts_that_compare_exactly() -> None:
    districts = read_links(ROOT / "data" / "links.csv")
    groups = comparable_groups(districts)
    assert groups["exact"].all()
    assert sorted(len(n) for n in groups["new_codes"]) == [3, 4, 5, 20, 94]  # 126 in all
    by_old = {tuple(o): len(n) for o, n in groups.select("old_codes", "new_codes").rows()}
    assert by_old[("016",)] == 5  # Sóc Sơn
    assert by_old[("272",)] == 3  # Phúc Thọ
    assert by_old[("281",)] == 4  # Ứng Hòa
    assert by_old[("269", "271", "275", "276")] == 20  # Sơn Tây, Ba Vì, Quốc Oai, Thạch Thất
    alone = comparable_groups(districts, by="old").filter("exact")["old_codes"].to_list()
    assert alone == [["016"], ["272"], ["281"]]
    city = is_comparable(districts, districts.frame["old_code"], districts.frame["new_code"])
    assert city.exact


@pytest.mark.skipif(not HANOI.exists(), reason="no reference data")
def test_hanoi_communes_form_35_exact_groups() -> None:
    communes = read_links(HANOI)
    groups = comparable_groups(communes)
    assert groups.height == 35 and groups["exact"].all()
    assert groups.filter(pl.col("kind") == "merged").height == 26
    hong_ha = comparable_groups(communes, by=[["00097"]]).row(0, named=True)
    assert not hong_ha["exact"] and hong_ha["why"].startswith("00097 takes parts of")
