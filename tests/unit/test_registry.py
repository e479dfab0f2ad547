"""Tests for kpitools.names: name keys, the unit registry and its validation."""

from __future__ import annotations

import dataclasses
import itertools
import pickle
import unicodedata
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

from kpitools.errors import KpiDataError
from kpitools.registry import (
    LEVELS,
    Unit,
    UnitNotInForceError,
    UnitRegistry,
    UnknownUnitError,
    read_registry,
)
from kpitools.textfold import name_key, nfc, strip_diacritics

REPO = Path(__file__).resolve().parents[2]
UNITS_CSV = REPO / "data" / "units.csv"
DATA = Path(__file__).resolve().parents[2] / "tests" / "data"

# From DESIGN.md: Hanoi's 30 district-level units and their official codes.
DISTRICTS = {
    "001": "Ba Đình", "002": "Hoàn Kiếm", "003": "Tây Hồ", "004": "Long Biên",
    "005": "Cầu Giấy", "006": "Đống Đa", "007": "Hai Bà Trưng", "008": "Hoàng Mai",
    "009": "Thanh Xuân", "016": "Sóc Sơn", "017": "Đông Anh", "018": "Gia Lâm",
    "019": "Nam Từ Liêm", "020": "Thanh Trì", "021": "Bắc Từ Liêm", "250": "Mê Linh",
    "268": "Hà Đông", "269": "Sơn Tây", "271": "Ba Vì", "272": "Phúc Thọ",
    "273": "Đan Phượng", "274": "Hoài Đức", "275": "Quốc Oai", "276": "Thạch Thất",
    "277": "Chương Mỹ", "278": "Thanh Oai", "279": "Thường Tín", "280": "Phú Xuyên",
    "281": "Ứng Hòa", "282": "Mỹ Đức",
}  # fmt: skip


@cache
def registry() -> UnitRegistry:
    return read_registry(UNITS_CSV)


def small(names: dict[str, str]) -> UnitRegistry:
    """A registry of the city plus the given code → name districts."""
    return UnitRegistry.from_frame(
        pl.DataFrame(
            {
                "code": ["01", *names],
                "name": ["Hà Nội", *names.values()],
                "level": ["city"] + ["district"] * len(names),
                "parent": [None] + ["01"] * len(names),
            }
        )
    )


# --- name keys ---------------------------------------------------------------------------


def test_nfc_composes() -> None:
    assert nfc(unicodedata.normalize("NFD", "Ứng Hòa")) == "Ứng Hòa"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Đông Anh", "Dong Anh"), ("Ứng Hòa", "Ung Hoa"), ("ĐỐNG ĐA", "DONG DA"), ("", "")],
)
def test_strip_diacritics(text: str, expected: str) -> None:
    assert strip_diacritics(text) == expected
    assert strip_diacritics(unicodedata.normalize("NFD", text)) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hòa", "Hoà"),
        ("Thủy", "Thuỷ"),
        ("Hóa", "Hoá"),
        ("Ứng Hòa", "ứng hoà"),
        ("huyện Đông Anh", "Đông Anh"),
        ("HUYỆN ĐÔNG ANH", "Đông Anh"),
        ("Huyen Dong Anh", "Dong Anh"),
        ("Q. Ba Đình", "Ba Đình"),
        ("Q.Ba Đình", "Ba Đình"),
        ("Thị xã Sơn Tây", "Sơn Tây"),
        ("TX. Sơn Tây", "Sơn Tây"),
        ("TP Hà Nội", "Hà Nội"),
        ("tp. Hà Nội", "Hà Nội"),
        ("Thành phố Hà Nội", "Hà Nội"),
        ("\u00a0Đông\u00a0\u00a0Anh.", "Đông Anh"),
        ("(huyện Đông Anh)", "Đông Anh"),
        ("Đông\u200bAnh", "ĐôngAnh"),
        ("\u00d0ông Anh", "Đông Anh"),  # Icelandic eth left by old encodings
    ],
)
def test_name_key_equal(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Hòa", "Hóa"), ("Hòa", "Hoa"), ("Đông", "Đống"), ("Quân", "Quận"), ("Ba Đình", "Ba Dinh")],
)
def test_name_key_with_diacritics_tells_apart(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)
    assert name_key(a, diacritics=False) == name_key(b, diacritics=False)


def test_name_key_keeps_words_that_only_look_like_prefixes() -> None:
    assert name_key("Quân khu Thủ đô", diacritics=False) == "khu thu do"  # loose: no marks
    assert name_key("Quân khu Thủ đô") == name_key("quân khu thủ đô")
    assert name_key("Huyện") == name_key("huyện")  # nothing left after a prefix: kept
    assert name_key("Thanh Trì", diacritics=False) == "thanh tri"
    assert name_key("Hà Đông", diacritics=False) == "ha dong"


def test_name_key_without_diacritics_is_ascii_for_vietnamese() -> None:
    for name in DISTRICTS.values():
        assert name_key(name, diacritics=False).isascii()


# Text as names are written: Vietnamese letters with their marks in either form, other
# scripts and marks, digits, punctuation, spaces.
NAMES = st.text(
    alphabet=st.sampled_from(
        [
            *"aăâeêioôơuưyđĐ AQHTPXhuyện.-,()0123456789_",
            *"\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b",
            *"ðÐßﬁ\u0483\u05b0\u0e31ا日\u00a0Å",
        ]
    )
)


@given(st.one_of(NAMES, st.text()))
def test_the_fast_name_keys_are_the_character_by_character_ones(text: str) -> None:
    from kpitools import textfold as names

    decomposed = unicodedata.normalize("NFD", text)
    assert names.strip_diacritics(text) == names._strip_each(decomposed.translate(names._PLAIN_D))
    assert names._move_tones(text) == names._move_each(decomposed)
    assert names.name_keys(text) == tuple(
        names._key(text, diacritics=d, drop_prefix=p) for d, p in ((1, 0), (1, 1), (0, 0), (0, 1))
    )


@settings(deadline=None)  # a loaded CI machine can take 200 ms over one example
@given(st.text())
def test_name_key_ignores_normalization_form(text: str) -> None:
    for form in ("NFC", "NFD", "NFKC"):
        if form == "NFKC" and unicodedata.normalize("NFKC", text) != nfc(text):
            continue
        assert name_key(unicodedata.normalize(form, text)) == name_key(text)


# --- resolve against the real registry -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Đông Anh", "017"),
        ("huyện Đông Anh", "017"),
        ("Dong Anh", "017"),
        ("ĐÔNG ANH", "017"),
        ("dong anh", "017"),
        (unicodedata.normalize("NFD", "Đông Anh"), "017"),
        ("  Đông\u00a0Anh ", "017"),
        ("Ứng Hoà", "281"),
        ("Ứng Hòa", "281"),
        ("Ung Hoa", "281"),
        ("Thị xã Sơn Tây", "269"),
        ("quận Hoàn Kiếm", "002"),
        ("TP Hà Nội", "01"),
        ("Hà Nội", "01"),
        ("017", "017"),
        (" 017 ", "017"),
        ("17", "017"),
        ("01", "01"),
        ("250", "250"),
        ("01-K", "01-K"),
        ("01-k", "01-K"),
        ("Các đảng bộ trực thuộc khác", "01-K"),
    ],
)
def test_resolve_real_registry(text: str, code: str) -> None:
    assert registry().resolve(text, at="2023-12-31") == code


@pytest.mark.parametrize(
    ("text", "at", "code"),
    [
        ("Đông Anh", "2026-12-31", "00454"),
        ("Dong Anh", "2025-07-01", "00454"),
        ("Đông Anh", "2025-06-30", "017"),
        ("xã Đông Anh", None, "00454"),
        ("Xa Dong Anh", "2025-12-31", "00454"),
        ("huyện Đông Anh", None, "017"),
        ("Phường Ba Đình", None, "00004"),
        ("P. Ba Đình", "2026-01-01", "00004"),
        ("quận Ba Đình", None, "001"),
        ("Ba Đình", "2024-12-31", "001"),
        ("Sơn Tây", "2026-06-30", "09574"),
        ("thị xã Sơn Tây", None, "269"),
        ("00454", "2026-12-31", "00454"),
        ("1", "2026-12-31", "01"),  # 001 has ceased: only one width fits that day
    ],
)
def test_resolve_real_registry_by_date(text: str, at: str | None, code: str) -> None:
    assert registry().resolve(text, at=at) == code


def test_every_name_resolves_to_its_own_code() -> None:
    reg = registry()
    for unit in map(lambda row: reg.unit(row[0], at=row[1]), _code_days(reg)):
        assert reg.resolve(unit.name, at=unit.valid_to or unit.valid_from) == unit.code
        assert reg.resolve(unit.code) == unit.code


def _code_days(reg: UnitRegistry) -> list[tuple[str, object]]:
    """Each row's code and a day it is in force."""
    return [(u.code, u.valid_to or u.valid_from) for u in reg._rows]


PREFIXES = {
    "quận": ["quận", "Quận", "Q.", "quan"],
    "huyện": ["huyện", "Huyện", "H.", "huyen"],
    "thị xã": ["thị xã", "Thị xã", "TX."],
    "thành phố": ["thành phố", "Thành phố", "TP.", "TP"],
    "xã": ["xã", "Xã", "xa", "XÃ"],
    "phường": ["phường", "Phường", "P.", "phuong"],
}
TRANSFORMS = {
    "nfd": lambda s: unicodedata.normalize("NFD", s),
    "upper": str.upper,
    "strip": strip_diacritics,
    "spaces": lambda s: s.replace(" ", "  "),
}


@st.composite
def spellings(draw: st.DrawFn) -> tuple[str, str]:
    reg = registry()
    code, day = draw(st.sampled_from(_code_days(reg)))
    kind = reg.unit(code, at=day).type
    steps = draw(st.lists(st.sampled_from([*TRANSFORMS, "prefix"]), unique=True))
    text = reg.name(code, at=day)
    for step in steps:
        if step != "prefix":
            text = TRANSFORMS[step](text)
        elif kind in PREFIXES:
            text = f"{draw(st.sampled_from(PREFIXES[kind]))} {text}"
    return code, text, day


@given(spellings())
def test_resolve_any_spelling(case: tuple[str, str, object]) -> None:
    code, text, day = case
    assert registry().resolve(text, at=day) == code


def test_unknown_name_suggests_close_units() -> None:
    with pytest.raises(UnknownUnitError) as info:
        registry().resolve("Dong Anhh")
    err = info.value
    assert isinstance(err, KeyError)
    assert err.name == "Dong Anhh"
    assert err.suggestions[0] == "017 Đông Anh"
    assert 1 <= len(err.suggestions) <= 3
    assert str(err).startswith("unknown unit 'Dong Anhh'; did you mean 017 Đông Anh")


def test_unknown_message_shape() -> None:
    with pytest.raises(UnknownUnitError) as info:
        small({"017": "Đông Anh"}).resolve("Dong Anhh")
    assert str(info.value) == "unknown unit 'Dong Anhh'; did you mean 017 Đông Anh?"
    with pytest.raises(UnknownUnitError) as info:
        small({"017": "Đông Anh"}).resolve("zzzzzz")
    assert str(info.value) == "unknown unit 'zzzzzz'"
    assert info.value.suggestions == []


def test_hostile_name_is_escaped_in_message() -> None:
    hostile = "<img src=x onerror=alert(1)>\n"
    with pytest.raises(UnknownUnitError) as info:
        registry().resolve(hostile)
    message = str(info.value)
    assert "\n" not in message
    assert repr(hostile) in message
    assert info.value.name == hostile


def test_long_name_is_shortened_in_message() -> None:
    with pytest.raises(UnknownUnitError) as info:
        registry().resolve("x" * 10_000)
    assert len(str(info.value)) < 120


def test_resolve_needs_text() -> None:
    with pytest.raises(TypeError, match="must be str"):
        registry().resolve(17)  # type: ignore[arg-type]


def test_ambiguous_without_diacritics_lists_both() -> None:
    reg = small({"A1": "Hòa Bình", "A2": "Hóa Bình"})
    assert reg.resolve("Hòa Bình") == "A1"
    assert reg.resolve("Hoà Bình") == "A1"
    assert reg.resolve("hóa bình") == "A2"
    with pytest.raises(UnknownUnitError) as info:
        reg.resolve("Hoa Binh")
    err = info.value
    assert err.ambiguous
    assert err.suggestions == ["A1 Hòa Bình", "A2 Hóa Bình"]
    assert "A1 Hòa Bình" in str(err)
    assert "A2 Hóa Bình" in str(err)
    assert str(err).startswith("ambiguous unit 'Hoa Binh'")


def test_same_name_twice_is_ambiguous() -> None:
    reg = small({"A1": "Đông Anh", "A2": "Đông Anh"})
    with pytest.raises(UnknownUnitError, match="A1 Đông Anh and A2 Đông Anh"):
        reg.resolve("Đông Anh")


def test_full_name_wins_over_prefix_removal() -> None:
    reg = small({"Q1": "Quân sự Thành phố", "S1": "Sự Thành Phố"})
    assert reg.resolve("Quan su Thanh pho") == "Q1"
    assert reg.resolve("quân sự thành phố") == "Q1"
    assert reg.resolve("Su Thanh Pho") == "S1"


def test_numeric_codes_prefer_the_widest_width() -> None:
    reg = small({"017": "Đông Anh"})
    assert reg.resolve("17") == "017"
    assert reg.resolve("1") == "01"  # no 3-digit "001" here, so the city
    with pytest.raises(UnknownUnitError):
        reg.resolve("0017")  # leading zeros written out are taken literally


def test_a_failed_lookup_is_remembered_with_its_suggestions(monkeypatch) -> None:
    """Each distinct unknown text is looked up (and its close names searched) once; later
    lookups raise an equal error from memory."""
    from kpitools.registry.matching import CloseMatches

    reg = small({"017": "Đông Anh", "001": "Ba Đình", "019": "Nam Từ Liêm"})
    calls: list[str] = []
    search = CloseMatches.__call__

    def counted(self: CloseMatches, word: str, n: int, cutoff: float) -> list[str]:
        calls.append(word)
        return search(self, word, n, cutoff)

    monkeypatch.setattr(CloseMatches, "__call__", counted)
    errors = []
    for text in ["Dong Anhh", "zzzz", "Dong Anhh", "zzzz", "Dong Anhh"]:
        with pytest.raises(UnknownUnitError) as info:
            reg.resolve(text)
        errors.append(info.value)
    assert calls == ["dong anhh", "zzzz"]
    assert [str(e) for e in errors] == [
        "unknown unit 'Dong Anhh'; did you mean 017 Đông Anh?",
        "unknown unit 'zzzz'",
    ] * 2 + ["unknown unit 'Dong Anhh'; did you mean 017 Đông Anh?"]
    assert errors[0] is not errors[2]
    assert (errors[2].name, errors[2].suggestions, errors[2].ambiguous) == (
        "Dong Anhh",
        ["017 Đông Anh"],
        False,
    )


def test_an_ambiguous_lookup_is_remembered_as_ambiguous() -> None:
    reg = small({"A1": "Hòa Bình", "A2": "Hóa Bình"})
    for _ in range(2):
        with pytest.raises(UnknownUnitError) as info:
            reg.resolve("Hoa Binh")
        assert info.value.ambiguous
        assert info.value.suggestions == ["A1 Hòa Bình", "A2 Hóa Bình"]


_KEY_LETTERS = st.text("abcdhinot ", max_size=9)


@given(
    keys=st.lists(_KEY_LETTERS, max_size=40, unique=True),
    word=_KEY_LETTERS,
    n=st.integers(1, 5),
    cutoff=st.sampled_from([0.0, 0.3, 0.6, 0.8, 1.0]),
)
def test_close_matches_are_difflibs(keys: list[str], word: str, n: int, cutoff: float) -> None:
    import difflib

    from kpitools.registry.matching import CloseMatches

    keys = sorted(keys)
    assert CloseMatches(keys)(word, n, cutoff) == difflib.get_close_matches(word, keys, n, cutoff)


def test_close_matches_of_the_real_registry_are_difflibs() -> None:
    import difflib

    reg = registry()
    keys = reg._names[1]
    for code in reg.codes():
        word = name_key(reg.name(code) + "x", diacritics=False)
        assert reg._close(word, 3, 0.6) == difflib.get_close_matches(word, keys, n=3, cutoff=0.6)


def test_unknown_error_pickles() -> None:
    err = UnknownUnitError("x", ["017 Đông Anh"], ambiguous=True)
    back = pickle.loads(pickle.dumps(err))
    assert (back.name, back.suggestions, back.ambiguous) == ("x", ["017 Đông Anh"], True)


# --- registry contents and queries ---------------------------------------------------------


def test_real_registry_contents() -> None:
    reg = registry()
    assert len(reg.codes(at="2023-12-31")) == 32
    assert len(reg.codes(at="2025-07-01", level="commune")) == 126
    assert reg.codes(level="district") == sorted(DISTRICTS)
    for code, name in DISTRICTS.items():
        assert reg.name(code) == name
        assert reg.parent(code) == "01"
    assert reg.level("01") == "city"
    assert reg.parent("01") is None
    assert reg.level("01-K") == "affiliated"
    assert "01-K" in reg
    assert "17" not in reg
    assert 17 not in reg
    types = reg.units.filter(pl.col("level") == "district").get_column("type").value_counts()
    assert dict(types.iter_rows()) == {"quận": 12, "huyện": 17, "thị xã": 1}


def test_real_registry_schema_and_nfc() -> None:
    units = registry().units
    assert units.columns[:8] == [
        "code", "name", "level", "type", "parent", "valid_from", "valid_to", "note",
    ]  # fmt: skip
    assert units.schema["valid_from"] == pl.Date
    assert units.schema["code"] == pl.String
    assert all(nfc(n) == n for n in units.get_column("name"))
    note = registry().units.filter(pl.col("code") == "01-K").item(0, "note")
    assert "sector blocs, armed forces" in note


def test_exists() -> None:
    reg = registry()
    assert not reg.exists("019", 2013)
    assert reg.exists("019", 2014)
    assert reg.exists("017", 2025)
    assert not reg.exists("017", 2026)
    assert reg.exists("01", 1990)
    assert reg.exists("01", 2100)


def test_children_and_codes_by_year() -> None:
    reg = registry()
    assert len(reg.children("01", year=2023)) == 31
    assert reg.children("01") == [c for c in reg.codes() if c != "01"]
    assert "019" not in reg.children("01", year=2010)
    assert reg.children("01", year=2026) == sorted(["01-K", *reg.codes(level="commune")])
    assert reg.children("01", at="2025-06-30") == sorted([*DISTRICTS, "01-K"])
    assert reg.children("017") == []
    assert len(reg.codes(level="district", year=2023)) == 30
    assert len(reg.codes(level="district", year=2007)) == 13  # before Hà Tây and Mê Linh
    with pytest.raises(ValueError, match="unknown level 'town'"):
        reg.codes(level="town")


def test_lookups_by_code_reject_names_with_a_hint() -> None:
    reg = registry()
    with pytest.raises(UnknownUnitError, match="did you mean 017 Đông Anh"):
        reg.name("17")
    for method in (reg.level, reg.parent, reg.children):
        with pytest.raises(UnknownUnitError):
            method("999")
    with pytest.raises(UnknownUnitError):
        reg.exists("999", 2023)


def test_registry_is_frozen_and_comparable() -> None:
    reg = registry()
    with pytest.raises(dataclasses.FrozenInstanceError):
        reg.units = reg.units  # type: ignore[misc]
    assert reg == UnitRegistry(reg.units)
    other = dataclasses.replace(reg, units=reg.units.head(3))
    assert len(other) == 3
    assert other != reg
    assert repr(reg) == f"UnitRegistry({reg.units.height} units)"


def test_from_frame_normalizes_without_mutating_input() -> None:
    frame = pl.DataFrame(
        {
            "Code": [" 01 ", "017"],
            "NAME": ["Hà Nội", unicodedata.normalize("NFD", "Đông Anh")],
            "level": ["city", "district"],
            "parent": ["", "01"],
            "valid_to": [None, "2025-06-30"],
            "extra": [1, 2],
        }
    )
    before = frame.clone()
    reg = UnitRegistry.from_frame(frame.lazy())
    assert_frame_equal(frame, before)
    assert reg.codes() == ["01", "017"]
    assert reg.name("017") == "Đông Anh"
    assert reg.parent("01") is None
    assert reg.units.columns[-1] == "extra"
    assert reg.units.schema["valid_to"] == pl.Date


def test_from_frame_rejects_numeric_codes() -> None:
    frame = pl.DataFrame({"code": [1, 17], "name": ["a", "b"], "level": ["city", "district"]})
    with pytest.raises(KpiDataError) as info:
        UnitRegistry.from_frame(frame.with_columns(parent=pl.lit(None)), source="x.xlsx")
    assert "x.xlsx, row 1, column 'code': must be text" in str(info.value)


# --- registry validation -------------------------------------------------------------------


def problems(name: str) -> list[str]:
    path = DATA / name
    with pytest.raises(KpiDataError) as info:
        read_registry(path)
    lines = [str(issue) for issue in info.value.issues]
    assert all(line.startswith(f"{path}") for line in lines)
    return [line.removeprefix(f"{path}, ") for line in lines]


def test_missing_column() -> None:
    found = problems("registry_missing_column.csv")
    assert len(found) == 1
    assert found[0].startswith("row 1, column 'parent': missing required column")


def test_empty_code() -> None:
    assert problems("registry_empty_code.csv") == ["row 3, column 'code': empty code"]


def test_duplicate_code() -> None:
    assert problems("registry_duplicate_code.csv") == [
        "row 5, column 'code': code 017 is also on row 3, for a period that overlaps this row's "
        "(always / always); give the rows of one code periods that do not overlap (value '017')"
    ]


def test_bad_level() -> None:
    assert problems("registry_bad_level.csv") == [
        f"row 3, column 'level': unknown level; expected one of {', '.join(LEVELS)} (value 'huyện')"
    ]


def test_bad_parent() -> None:
    assert problems("registry_bad_parent.csv") == [
        "row 3, column 'parent': parent is not a code in this registry (value '1')"
    ]


def test_bad_date() -> None:
    assert problems("registry_bad_date.csv") == [
        "row 3, column 'valid_from': not a date; write it as YYYY-MM-DD (value '01/04/2014')"
    ]


def test_dates_reversed() -> None:
    assert problems("registry_dates_reversed.csv") == [
        "row 3, column 'valid_from': valid_from is after valid_to (2014-04-01) "
        "(value datetime.date(2025, 6, 30))"
    ]


def test_parent_loop() -> None:
    assert problems("registry_parent_loop.csv") == [
        "row 2, column 'parent': the parent chain loops: A → B → A"
    ]


def test_short_row() -> None:
    found = problems("registry_short_row.csv")
    assert found == [
        "row 3: the row has 2 fields but the header has 4; "
        "put text that contains commas in double quotes"
    ]


def test_every_problem_is_listed() -> None:
    assert problems("registry_many_problems.csv") == [
        "row 3, column 'valid_to': not a date; write it as YYYY-MM-DD (value '2025-06-31')",
        "row 4, column 'code': code 017 is also on row 3, for a period that overlaps this row's "
        "(always / always); give the rows of one code periods that do not overlap (value '017')",
        "row 5, column 'code': empty code",
        f"row 6, column 'level': unknown level; expected one of {', '.join(LEVELS)} (value 'quận')",
        "row 7, column 'parent': parent is not a code in this registry (value '99')",
        "row 7, column 'valid_from': valid_from is after valid_to (2019-12-31) "
        "(value datetime.date(2020, 1, 1))",
    ]


def test_unquoted_commas_in_note_are_joined_with_a_warning() -> None:
    path = DATA / "registry_note_commas.csv"
    with pytest.warns(UserWarning, match="row 3 had more fields"):
        reg = read_registry(path)
    assert reg.units.filter(pl.col("code") == "01-K").item(0, "note") == (
        "sector blocs, armed forces"
    )


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "units.csv"
    path.write_bytes(b"code,name,level,parent\n01,H\xe0 N\xf4i,city,\n")  # Latin-1
    with pytest.raises(KpiDataError, match="not UTF-8"):
        read_registry(path)


def test_empty_file_and_header_only(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(KpiDataError, match="the file is empty"):
        read_registry(empty)
    header = tmp_path / "header.csv"
    header.write_text("code,name,level,parent\n", encoding="utf-8")
    with pytest.raises(KpiDataError, match="no units"):
        read_registry(header)


def test_bom_blank_lines_and_padding(tmp_path: Path) -> None:
    path = tmp_path / "units.csv"
    path.write_text(
        "\ufeffCode , Name,Level,Parent,\n01,Hà Nội,city,,\n\n017 , Đông Anh ,district,01,\n",
        encoding="utf-8",
    )
    reg = read_registry(path)
    assert reg.codes() == ["01", "017"]
    assert reg.name("017") == "Đông Anh"


# --- units that change over time ----------------------------------------------------------

JUNE, JULY = date(2025, 6, 30), date(2025, 7, 1)


def dated(
    rows: list[tuple[object, ...]], links: list[tuple[str, ...]] | None = None
) -> UnitRegistry:
    """A registry of (code, name, level, type, parent, valid_from, valid_to) rows."""
    frame = pl.DataFrame(
        rows,
        schema=["code", "name", "level", "type", "parent", "valid_from", "valid_to"],
        orient="row",
    )
    if links is None:
        return UnitRegistry.from_frame(frame)
    return UnitRegistry.from_frame(
        frame,
        links=pl.DataFrame(
            links, schema=["old_code", "new_code", "relation", "effective"], orient="row"
        ),
    )


HANOI = [
    ("01", "Hà Nội", "city", "thành phố", None, None, None),
    ("017", "Đông Anh", "district", "huyện", "01", None, "2025-06-30"),
    ("016", "Sóc Sơn", "district", "huyện", "01", None, "2025-06-30"),
    ("00454", "Đông Anh", "commune", "thị trấn", "017", None, "2025-06-30"),
    ("00457", "Xuân Nộn", "commune", "xã", "017", None, "2025-06-30"),
    ("00454", "Đông Anh", "commune", "xã", "01", "2025-07-01", None),
    ("00466", "Phúc Thịnh", "commune", "xã", "01", "2025-07-01", None),
    ("00004", "Trúc Bạch", "ward", "phường", "001", None, "2025-06-30"),
    ("001", "Ba Đình", "district", "quận", "01", None, "2025-06-30"),
    ("00004", "Ba Đình", "commune", "phường", "01", "2025-07-01", None),
    ("25001", "Bạch Long Vĩ", "commune", "đặc khu", "01", "2025-07-01", None),
]
HANOI_LINKS = [
    ("00454", "00454", "full", "2025-07-01"),
    ("00457", "00454", "partial", "2025-07-01"),
    ("00457", "00466", "partial", "2025-07-01"),
]


def test_a_code_on_several_rows_is_a_unit_per_period() -> None:
    reg = dated(HANOI)
    assert reg.name("00004", at="2020-01-01") == "Trúc Bạch"
    assert reg.name("00004", at=JULY) == "Ba Đình"
    assert reg.name("00004") == "Ba Đình"  # without a date: the latest row
    assert reg.level("00004", at=JUNE) == "commune"  # 'ward' is read as 'commune'
    assert reg.parent("00454", at=JUNE) == "017" and reg.parent("00454", at=JULY) == "01"
    assert reg.parent("00454") == "01"
    assert reg.exists("00454", 2025) and reg.exists("017", 2025) and not reg.exists("017", 2026)
    assert [u.valid_to for u in reg.versions("00454")] == [JUNE, None]
    assert reg.unit("00454", at=JUNE).type == "thị trấn"
    assert reg.children("017", at=JUNE) == ["00454", "00457"]
    assert reg.children("017", year=2026) == []
    assert reg.children("01", at=JULY) == ["00004", "00454", "00466", "25001"]
    assert reg.codes(level="district", at=JULY) == []
    assert reg.codes(level="commune", year=2025).count("00454") == 1
    assert len(reg) == len(HANOI)


def test_the_levels() -> None:
    assert LEVELS == ("province", "city", "district", "affiliated", "commune", "basic")
    assert dated(HANOI).units.filter(pl.col("code") == "00004")["level"].to_list() == [
        "commune",
        "commune",
    ]


@pytest.mark.parametrize(
    ("text", "at", "code"),
    [
        ("Đông Anh", "2023-12-31", "017"),  # district and town: the district's name first?
        ("huyện Đông Anh", "2023-12-31", "017"),
        ("thị trấn Đông Anh", "2023-12-31", "00454"),
        ("xã Đông Anh", "2026-12-31", "00454"),
        ("Xa Dong Anh", "2026-12-31", "00454"),
        ("Đông Anh", "2026-12-31", "00454"),
        ("phường Ba Đình", "2026-12-31", "00004"),
        ("Phuong Ba Dinh", "2026-12-31", "00004"),
        ("quận Ba Đình", "2024-01-01", "001"),
        ("Ba Đình", "2024-01-01", "001"),
        ("Trúc Bạch", "2024-01-01", "00004"),
        ("đặc khu Bạch Long Vĩ", None, "25001"),
        ("Đặc Khu Bach Long Vi", JULY, "25001"),
        ("tỉnh Hà Nội", None, "01"),  # a prefix of another type is ignored
    ],
)
def test_names_resolve_on_their_date(text: str, at: object, code: str) -> None:
    reg = dated(HANOI)
    if code == "017" and text == "Đông Anh":
        with pytest.raises(UnknownUnitError) as info:  # the district and the town, both
            reg.resolve(text, at=at)
        assert info.value.ambiguous
        assert info.value.suggestions == ["017 huyện Đông Anh", "00454 thị trấn Đông Anh"]
        assert str(info.value).endswith("give the type (huyện, thị trấn…) or the code")
        return
    assert reg.resolve(text, at=at) == code


def test_an_ambiguous_name_lists_every_unit_with_its_dates() -> None:
    reg = dated([r for r in HANOI if r[0] != "00454" or r[3] == "xã"])
    with pytest.raises(UnknownUnitError) as info:
        reg.resolve("Đông Anh")
    assert str(info.value) == (
        "ambiguous unit 'Đông Anh': it matches 017 huyện Đông Anh (to 2025-06-30) and "
        "00454 xã Đông Anh (from 2025-07-01); give a date, the type (huyện, xã…) or the code"
    )
    assert reg.resolve("Đông Anh", at="2023-12-31") == "017"
    assert reg.resolve("Đông Anh", at=date(2026, 12, 31)) == "00454"


def test_a_ceased_unit_names_its_successors() -> None:
    reg = dated(HANOI, HANOI_LINKS)
    with pytest.raises(UnitNotInForceError) as info:
        reg.resolve("huyện Đông Anh", at="2026-12-31")
    err = info.value
    assert str(err) == (
        "017 Đông Anh ceased on 2025-06-30; its area is now in 00454 Đông Anh (part), "
        "00466 Phúc Thịnh (part)"
    )  # derived from its communes' links: 00457 went partly to each
    assert (err.code, err.at, err.successors) == ("017", date(2026, 12, 31), ["00454", "00466"])
    assert err.detail.startswith("ceased on 2025-06-30") and not err.ambiguous
    assert isinstance(err, UnknownUnitError) and isinstance(err, KeyError)
    assert str(reg.not_in_force("00457", JULY)) == (
        "00457 Xuân Nộn ceased on 2025-06-30; its area is now in 00454 Đông Anh (part), "
        "00466 Phúc Thịnh (part)"
    )
    assert str(reg.not_in_force("00466", JUNE)) == (
        "00466 Phúc Thịnh starts on 2025-07-01; before, its area was in 00457 Xuân Nộn (part)"
    )
    assert reg.successors("00457") == [("00454", "partial"), ("00466", "partial")]
    assert reg.predecessors("00454") == [("00454", "full"), ("00457", "partial")]
    with pytest.raises(UnitNotInForceError) as bare:
        dated(HANOI).unit("017", at=JULY)
    assert str(bare.value) == "017 Đông Anh ceased on 2025-06-30"  # no links: no successors
    again = pickle.loads(pickle.dumps(err))
    assert (str(again), again.code, again.successors) == (str(err), err.code, err.successors)


def test_a_code_reused_in_a_gap_says_both() -> None:
    reg = dated([("01", "A", "city", None, None, None, "2019-12-31"),
                 ("01", "B", "city", None, None, "2021-01-01", None)])  # fmt: skip
    assert str(reg.not_in_force("01", "2020-06-01")) == (
        "01 A ceased on 2019-12-31; the code is used again from 2021-01-01 by B"
    )


def test_names_of_several_units_none_in_force() -> None:
    reg = dated([("01", "X", "city", None, None, None, None),
                 ("011", "Hòa An", "district", None, "01", None, "2020-12-31"),
                 ("012", "Hòa An", "district", None, "01", None, "2021-12-31")])  # fmt: skip
    with pytest.raises(UnitNotInForceError) as info:
        reg.resolve("Hòa An", at="2023-01-01")
    assert str(info.value) == (
        "no unit 'Hòa An' on 2023-01-01: it names 011 Hòa An (to 2020-12-31) and "
        "012 Hòa An (to 2021-12-31)"
    )
    assert info.value.code is None


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        ("17", None, "017"),  # only a district code fits
        ("4", None, "unknown unit '4'; did you mean 00004 Ba Đình?"),  # never 5 digits
        ("454", None, "unknown unit '454'; did you mean 00454 Đông Anh?"),
        ("1", None, "ambiguous unit '1': it matches 01 Hà Nội and 001 Ba Đình; write the "
                    "code with its leading zeros"),
        ("1", "2026-01-01", "01"),  # 001 ceased: one width fits on that day
        ("1", "2024-01-01", "ambiguous unit '1'"),
        ("0017", None, "unknown unit '0017'"),  # leading zeros written out are literal
        ("00454", "2024-01-01", "00454"),
    ],
)  # fmt: skip
def test_the_width_rule(text: str, at: str | None, expected: str) -> None:
    reg = dated(HANOI)
    if not expected.startswith(("unknown", "ambiguous")):
        assert reg.resolve(text, at=at) == expected
        return
    with pytest.raises(UnknownUnitError) as info:
        reg.resolve(text, at=at)
    assert str(info.value).startswith(expected)


def test_a_bad_date_is_a_parameter_error() -> None:
    from kpitools.errors import ParameterError

    with pytest.raises(ParameterError, match="at must be a date"):
        dated(HANOI).resolve("017", at="31/12/2023")
    assert dated(HANOI).resolve("017", at=datetime(2020, 1, 1, 12)) == "017"


def test_overlapping_periods_of_a_code_are_an_error_naming_both_rows() -> None:
    frame = pl.DataFrame(
        [("01", "A", "city", None, None, None),
         ("011", "B", "district", "01", None, "2025-06-30"),
         ("011", "C", "district", "01", "2025-06-30", None)],
        schema=["code", "name", "level", "parent", "valid_from", "valid_to"], orient="row",
    )  # fmt: skip
    with pytest.raises(KpiDataError) as info:
        UnitRegistry.from_frame(frame, source="units.csv")
    assert [str(i) for i in info.value.issues] == [
        "units.csv, row 4, column 'code': code 011 is also on row 3, for a period that "
        "overlaps this row's (… to 2025-06-30 / 2025-06-30 to …); give the rows of one code "
        "periods that do not overlap (value '011')"
    ]
    ok = frame.with_columns(pl.Series("valid_from", [None, None, "2025-07-01"]))
    assert len(UnitRegistry.from_frame(ok).versions("011")) == 2


def test_a_parent_loop_through_a_later_row_is_found() -> None:
    frame = pl.DataFrame(
        [("A", "A", "city", None, None, "2019-12-31"),
         ("A", "A", "city", "B", "2020-01-01", None),
         ("B", "B", "district", "A", None, None)],
        schema=["code", "name", "level", "parent", "valid_from", "valid_to"], orient="row",
    )  # fmt: skip
    with pytest.raises(
        KpiDataError, match="row 2, column 'parent': the parent chain loops: A → B → A"
    ):
        UnitRegistry.from_frame(frame)


def test_links_are_checked() -> None:
    reg = dated(HANOI)
    with pytest.raises(KpiDataError) as info:
        reg.with_links(pl.DataFrame({"old_code": ["017", None], "new_code": ["00454", "x"],
                                     "relation": ["whole", "full"],
                                     "effective": ["2025-07-01", "1/7/2025"]}))  # fmt: skip
    assert [str(i) for i in info.value.issues] == [
        "<links>, row 2, column 'relation': unknown relation; expected full or partial "
        "(value 'whole')",
        "<links>, row 3, column 'old_code': empty old_code",
        "<links>, row 3, column 'effective': not a date; write it as YYYY-MM-DD (value '1/7/2025')",
    ]
    with pytest.raises(KpiDataError, match="column 'relation': missing required column"):
        reg.with_links(pl.DataFrame({"old_code": ["a"], "new_code": ["b"], "effective": ["x"]}))
    columns = ["old_code", "new_code", "relation", "effective"]
    linked = reg.with_links(pl.DataFrame(HANOI_LINKS, orient="row", schema=columns))
    assert linked != reg and linked == dated(HANOI, HANOI_LINKS)
    assert linked.links is not None and linked.links.schema["effective"] == pl.Date
    assert linked.with_links(None) == reg


def test_read_registry_takes_links(tmp_path: Path) -> None:
    path = tmp_path / "units.csv"
    dated(HANOI).units.write_csv(path)
    links = pl.read_csv(REPO / "data" / "links.csv", infer_schema=False)
    reg = read_registry(UNITS_CSV, links=links)
    assert "its area is now in 00454 Đông Anh (part)" in str(reg.not_in_force("017", JULY))
    assert read_registry(path).versions("00454")[0].type == "thị trấn"


def test_lifetime_years_has_a_row_per_period() -> None:
    from kpitools.registry import lifetime_years

    reg = dated(HANOI)
    years = reg.units.filter(pl.col("code") == "00454").select(*lifetime_years()).rows()
    assert years == [(0, 2025), (2025, 9999)]  # both touch 2025: count distinct codes


# Random registries: codes on one to three periods, names shared between units and reused.
_BREAKS = [date(2019, 1, 1), date(2021, 7, 1), date(2025, 7, 1)]
_NAMES = ["Đông Anh", "Ba Đình", "Hòa An", "Tân Phú", "Mê Linh"]


@st.composite
def registries(draw: st.DrawFn) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = [("01", "Thành phố", "city", None, None, None, None)]
    for code in draw(st.lists(st.sampled_from(["011", "012", "00101", "00102", "00103"]),
                              min_size=1, max_size=5, unique=True)):  # fmt: skip
        cuts = sorted(draw(st.sets(st.sampled_from(_BREAKS), max_size=2)))
        edges = [None, *cuts, None]
        for start, end in itertools.pairwise(edges):
            if draw(st.booleans()) or start is None:  # some periods left empty (a gap)
                name = draw(st.sampled_from(_NAMES))
                last = end - timedelta(days=1) if end is not None else None
                rows.append((code, name, "district", None, "01", start, last))
    return rows


@settings(max_examples=150, deadline=None)
@given(registries(), st.sampled_from(_NAMES), st.dates(date(2018, 1, 1), date(2027, 12, 31)))
def test_a_name_resolves_to_the_unit_of_its_day_or_lists_all(
    rows: list[tuple[object, ...]], name: str, day: date
) -> None:
    reg = dated(rows)
    named = [Unit(*r) for r in rows if r[1] == name]  # type: ignore[arg-type]
    if not named:
        with pytest.raises(UnknownUnitError):
            reg.resolve(name, at=day)
        return
    valid = sorted({u.code for u in named if u.valid_on(day)})
    if len(valid) == 1:
        assert reg.resolve(name, at=day) == valid[0]
    elif valid:
        with pytest.raises(UnknownUnitError) as info:
            reg.resolve(name, at=day)
        assert info.value.ambiguous
        assert sorted(s.split()[0] for s in info.value.suggestions) == valid
    else:
        with pytest.raises(UnitNotInForceError) as info:
            reg.resolve(name, at=day)
        assert not info.value.ambiguous
    ever = sorted({u.code for u in named})
    if len(ever) == 1:
        assert reg.resolve(name) == ever[0]
        assert reg.resolve(strip_diacritics(name).upper(), at=day if valid else None) == ever[0]
    else:
        with pytest.raises(UnknownUnitError) as info:
            reg.resolve(name)
        assert sorted(s.split()[0] for s in info.value.suggestions) == ever


# --- many names at once ------------------------------------------------------------------

# Texts keyed by polars (letters, digits, spaces) and by Python (everything else).
_KEY_TEXTS = st.one_of(
    NAMES,
    st.text(alphabet=st.sampled_from([*"aăâeêioôơuưyđĐ AQHTPXhuyện0123456789", *"ÀÁẠẢÃÈÉỲỸ"])),
    st.builds(
        " ".join,
        st.lists(st.sampled_from(["xã", "XA", "Xã", "phường", "Phuong", "thị", "trấn", "tỉnh",
                                  "TP", "Huyện", "quận", "Quân", "Đông", "Anh", "Hòa", "Hoà",
                                  "thành", "phố", "đặc", "khu", "Tinh", "tx", "", "1"]),
                 max_size=5),
    ),
)  # fmt: skip


@settings(deadline=None)
@given(st.lists(_KEY_TEXTS, max_size=8))
def test_the_keys_of_a_column_are_those_of_each_text(texts: list[str]) -> None:
    from kpitools.textfold import name_keys_frame, name_keys_typed

    frame = name_keys_frame(pl.Series(texts, dtype=pl.String))
    assert frame.rows() == [(*name_keys_typed(t)[0], name_keys_typed(t)[1]) for t in texts]


def test_the_keys_of_a_column_keep_nulls_and_order() -> None:
    from kpitools.textfold import name_keys_frame

    frame = name_keys_frame(pl.Series(["Ba Đình", None, "Ba Đình", "Q. Ba Đình"]))
    assert frame["bare"].to_list() == ["ba đinh̀", None, "ba đinh̀", "ba đinh̀"]
    assert frame["full"][3] == "q. ba đinh̀"


_TYPES = [None, "huyện", "quận", "xã", "phường", "thị trấn"]


def _spellings(name: str) -> list[str]:
    return [name, strip_diacritics(name), name.upper(), f"xã {name}", f"Huyện {name}",
            f"PHUONG {strip_diacritics(name)}", f" {name}  ", unicodedata.normalize("NFD", name),
            f"{name}!"]  # fmt: skip


_QUERY_TEXTS = st.one_of(
    st.sampled_from(_NAMES).flatmap(lambda n: st.sampled_from(_spellings(n))),
    st.sampled_from(["01", "011", "11", "1", "012", " 00101 ", "101", "4", "00102", "Zzz",
                     "Dong Anhh", "", "  ", "thành phố", "01-k"]),
)  # fmt: skip


def _answer(reg: UnitRegistry, text: str | None, day: date | None) -> tuple[object, ...]:
    """What resolve says: the code, or the error's message, suggestions, ambiguity, code."""
    if text is None:
        return (None, None, None, None, None)
    try:
        return (reg.resolve(text, at=day), None, None, None, None)
    except UnknownUnitError as exc:
        code = exc.code if isinstance(exc, UnitNotInForceError) else None
        return (None, str(exc), exc.suggestions, exc.ambiguous, code)


_SAID = ("code", "error", "candidates", "ambiguous", "not_in_force")


@settings(max_examples=150, deadline=None)
@given(
    registries(),
    st.data(),
    st.lists(
        st.tuples(
            st.one_of(st.none(), _QUERY_TEXTS),
            st.one_of(st.none(), st.dates(date(2017, 1, 1), date(2027, 12, 31))),
        ),
        max_size=12,
    ),
)
def test_resolve_many_agrees_with_resolve(
    rows: list[tuple[object, ...]], data: st.DataObject, asked: list[tuple[object, ...]]
) -> None:
    typed = [(*r[:3], data.draw(st.sampled_from(_TYPES)), *r[4:]) for r in rows]
    links = [("011", "00101", "partial", "2025-07-01"), ("011", "00102", "full", "2025-07-01")]
    codes = {r[0] for r in typed}
    reg = dated(typed, [link for link in links if {link[0], link[1]} <= codes])
    texts = [t for t, _ in asked]
    days = [d for _, d in asked]
    out = reg.resolve_many(texts, at=days)
    assert out.columns == ["text", "at", *_SAID]
    assert out["text"].to_list() == texts and out["at"].to_list() == days
    fresh = dated(typed, [link for link in links if {link[0], link[1]} <= codes])
    expected = [_answer(fresh, t, d) for t, d in asked]
    assert out.select(_SAID).rows() == expected
    undated = reg.resolve_many(pl.Series(texts, dtype=pl.String))
    assert undated.select(_SAID).rows() == [_answer(fresh, t, None) for t in texts]


def test_resolve_many_on_the_bundled_registry() -> None:
    links = pl.read_csv(REPO / "data" / "links.csv", infer_schema=False)
    reg = read_registry(UNITS_CSV, links=links)
    names = reg.units["name"].to_list()
    texts = [s for n in names for s in _spellings(n)] + reg.units["code"].to_list()
    for day in (None, date(2023, 12, 31), date(2025, 6, 30), JULY, date(2026, 12, 31)):
        out = reg.resolve_many(texts, at=day)
        assert out.select(_SAID).rows() == [_answer(reg, t, day) for t in texts]


def test_a_ceased_unit_is_told_the_same_whatever_was_asked_before() -> None:
    rows = [
        ("01", "Thành phố", "city", None, None, None, None),
        ("011", "Ba Đình", "district", None, "01", None, date(2018, 12, 31)),
        ("011", "Đông Anh", "district", None, "01", date(2019, 1, 1), date(2021, 6, 30)),
    ]
    later = "011 Đông Anh ceased on 2021-06-30"  # the code's last row
    for first in (date(2019, 1, 1), None):
        reg = dated(rows)
        if first is not None:  # asked first in another range of days
            with pytest.raises(UnitNotInForceError, match="Ba Đình ceased on 2018-12-31"):
                reg.resolve("Ba Dinh", at=first)
        with pytest.raises(UnitNotInForceError) as info:
            reg.resolve("Ba Dinh", at=date(2022, 1, 1))
        assert str(info.value) == later


def test_resolve_many_says_why_per_row() -> None:
    reg = dated(HANOI, HANOI_LINKS)
    out = reg.resolve_many(
        ["huyện Đông Anh", "Đông Anh", "Đông Anh", "Xuân Nộn", "Nowhere", None],
        at=["2023-12-31", "2026-12-31", None, "2026-01-01", "2026-01-01", "2026-01-01"],
    )
    assert out["code"].to_list() == ["017", "00454", None, None, None, None]
    assert out["error"][2].startswith("ambiguous unit 'Đông Anh': it matches")
    assert out["error"][3].startswith("00457 Xuân Nộn ceased on 2025-06-30; its area is now in")
    assert out["candidates"][3].to_list() == ["00454", "00466"]
    assert out["error"][4] == "unknown unit 'Nowhere'"
    assert out["candidates"][4].to_list() == []
    assert out["not_in_force"].to_list() == [None, None, None, "00457", None, None]
    assert out["ambiguous"].to_list() == [None, None, True, False, False, None]
    assert out.row(5) == (None, date(2026, 1, 1), None, None, None, None, None)
    assert out.schema["candidates"] == pl.List(pl.String)


def test_resolve_many_takes_dates_in_every_form() -> None:
    reg = dated(HANOI)
    want = ["016", "00466"]
    texts = ["Sóc Sơn", "Phuc Thinh"]
    for at in (
        [date(2024, 1, 1), date(2026, 1, 1)],
        ["2024-01-01", "2026-01-01"],
        pl.Series([date(2024, 1, 1), date(2026, 1, 1)]),
        pl.Series([datetime(2024, 1, 1, 12), datetime(2026, 1, 1)]),
    ):
        assert reg.resolve_many(texts, at=at)["code"].to_list() == want
    assert reg.resolve_many(["Sóc Sơn"] * 2, at="2024-01-01")["code"].to_list() == ["016"] * 2
    assert reg.resolve_many([], at=[]).height == 0


def test_resolve_many_rejects_bad_arguments() -> None:
    from kpitools.errors import ParameterError

    reg = dated(HANOI)
    with pytest.raises(TypeError, match="must be str, not int"):
        reg.resolve_many(["Đông Anh", 17])  # type: ignore[list-item]
    with pytest.raises(ParameterError, match="one per text"):
        reg.resolve_many(["Đông Anh"], at=[JULY, JULY])
    with pytest.raises(ParameterError, match="at must be a date"):
        reg.resolve_many(["Đông Anh"], at=["July"])
    with pytest.raises(TypeError, match="must be text"):
        reg.resolve_many(pl.Series([17]))
