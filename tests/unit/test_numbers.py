from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpitools.numbers import (
    MISSING,
    Consistency,
    NumberFormatError,
    Percent,
    check_percent,
    format_number,
    format_percent,
    parse_number,
    parse_pair,
    parse_percent,
    percent_of,
    round_half_up,
    try_parse_number,
)

D = Decimal


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # rule 1: both marks, the last one is decimal
        ("1.234,5", D("1234.5")),
        ("1,234.5", D("1234.5")),
        ("1.234.567,89", D("1234567.89")),
        # rule 2: one mark repeated groups thousands
        ("1.234.567", D("1234567")),
        ("1,234,567", D("1234567")),
        # rule 3: a single comma is decimal
        ("188,1", D("188.1")),
        ("1,234", D("1.234")),
        # rule 4: a single dot before 3 digits groups thousands, unless the whole part is 0
        ("10.479", D("10479")),
        ("1.234", D("1234")),
        ("0.125", D("0.125")),
        (".125", D("0.125")),
        ("106.82", D("106.82")),
        ("2.5", D("2.5")),
        ("1.2345", D("1.2345")),
        # spaces group thousands, and make the mark decimal
        ("1 234 567", D("1234567")),
        ("1\u00a0234", D("1234")),
        ("1\u202f234,5", D("1234.5")),
        ("1\u2009234.567", D("1234.567")),
        ("\u00a0 42 \u202f", D("42")),
        # signs and magnitude words
        ("+5", D("5")),
        ("-1.234", D("-1234")),
        ("\u22122,5", D("-2.5")),
        ("2,5 triệu", D("2500000")),
        ("2,5triệu", D("2500000")),
        ("3 nghìn", D("3000")),
        ("1,5 ngàn", D("1500")),
        ("1 tỷ", D("1000000000")),
        ("1,25 tỉ", D("1250000000")),
        ("2 TRIỆU", D("2000000")),
        ("1,2345 nghìn", D("1234.5")),
        ("158", D("158")),
    ],
)
def test_parse_number(text: str, expected: Decimal) -> None:
    result = parse_number(text)
    assert result == expected
    assert str(result) == str(expected)  # same exponent too: no 2.5E+6


def test_parse_number_nfd() -> None:
    assert parse_number(unicodedata.normalize("NFD", "2,5 triệu")) == D("2500000")
    assert parse_number(unicodedata.normalize("NFD", "1 Tỷ")) == D("1000000000")
    assert parse_number(unicodedata.normalize("NFD", "4 ngàn")) == D("4000")


@pytest.mark.parametrize(
    ("text", "decimal", "expected"),
    [
        ("1.234", ".", D("1.234")),
        ("1,234", ".", D("1234")),
        ("1,234", ",", D("1.234")),
        ("1.234", ",", D("1234")),
        ("1.234.567,5", ",", D("1234567.5")),
        ("1,234,567.5", ".", D("1234567.5")),
        ("0.125", ",", D("125")),
    ],
)
def test_parse_number_with_decimal(text: str, decimal: str, expected: Decimal) -> None:
    assert parse_number(text, decimal=decimal) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(7, D("7")), (0.1, D("0.1")), (2.5, D("2.5")), (D("1.50"), D("1.50")), (10**30, D(10**30))],
)
def test_parse_number_accepts_numbers(value: object, expected: Decimal) -> None:
    assert parse_number(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("1..2", "'1..2' as a number: groups of thousands must have 3 digits"),
        ("1.23.4", "'1.23.4'.*groups of thousands must have 3 digits"),
        ("12,34,5", "'12,34,5'.*groups of thousands must have 3 digits"),
        ("1234.567,5", "groups of thousands must have 3 digits"),
        ("12 34", "groups of thousands must have 3 digits"),
        (".123.456", "groups of thousands must have 3 digits"),
        ("1.234 567", "only digits may follow the decimal separator '.'"),
        ("1 234\u00a0567.000.1", "grouped with different separators"),
        ("5,", "only digits may follow the decimal separator ','"),
        ("1.234,5,6", "only digits may follow the decimal separator ','"),
        ("", "'' as a number: the text is empty"),
        ("  \u00a0", "the text is empty"),
        ("-", "there are no digits"),
        ("triệu", "there are no digits"),
        ("12abc", "unexpected character 'a'"),
        ("1e5", "unexpected character 'e'"),
        ("1\t234", r"unexpected character '\\t'"),
        ("+-5", "unexpected character '-'"),
        ("5%", "unexpected character '%'"),
        ("١٢", "unexpected character"),
    ],
)
def test_parse_number_errors(text: str, match: str) -> None:
    with pytest.raises(NumberFormatError, match=match):
        parse_number(text)
    assert try_parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "decimal", "match"),
    [
        ("1,5.3", ",", "only digits may follow the decimal separator ','"),
        ("1.2,3", ".", "only digits may follow the decimal separator '.'"),
        ("12.34", ",", "groups of thousands must have 3 digits"),
    ],
)
def test_parse_number_errors_with_decimal(text: str, decimal: str, match: str) -> None:
    with pytest.raises(NumberFormatError, match=match):
        parse_number(text, decimal=decimal)


@pytest.mark.parametrize(
    ("value", "match"),
    [
        (True, "True as a number: expected text or a number, not bool"),
        (None, "expected text or a number, not NoneType"),
        (float("nan"), "nan as a number: the number is not finite"),
        (float("inf"), "not finite"),
        (D("NaN"), "not finite"),
        (D("-Infinity"), "not finite"),
    ],
)
def test_parse_number_rejects_values(value: object, match: str) -> None:
    with pytest.raises(NumberFormatError, match=match):
        parse_number(value)  # type: ignore[arg-type]
    assert try_parse_number(value) is None  # type: ignore[arg-type]


def test_error_is_a_value_error_and_shortens_long_text() -> None:
    with pytest.raises(ValueError, match="…") as info:
        parse_number("9" * 50 + "x" * 50)
    assert isinstance(info.value, NumberFormatError)
    assert info.value.reason == "unexpected character 'x'"
    assert len(str(info.value)) < 120


def test_bad_decimal_argument_is_a_bug_not_data() -> None:
    with pytest.raises(ValueError, match=re.escape("decimal must be ',', '.' or None, not ';'")):
        try_parse_number("1", decimal=";")


@pytest.mark.parametrize(
    ("text", "value", "decimals"),
    [
        ("158%", D("158"), 0),
        ("188,1%", D("188.1"), 1),
        ("106.82%", D("106.82"), 2),
        ("93,3 %", D("93.3"), 1),
        ("188,10%", D("188.10"), 2),
        ("1.250,0%", D("1250.0"), 1),
        ("1.250%", D("1250"), 0),
        ("0.125%", D("0.125"), 3),
        ("-12,5%", D("-12.5"), 1),
        ("42", D("42"), 0),
        ("\u00a050\u00a0%\u00a0", D("50"), 0),
    ],
)
def test_parse_percent(text: str, value: Decimal, decimals: int) -> None:
    assert parse_percent(text) == Percent(value, decimals, text)


def test_percent_ratio() -> None:
    assert parse_percent("188,1%").ratio == D("1.881")
    assert parse_percent("158%").ratio == D("1.58")


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("12 triệu%", "'12 triệu%' as a percentage: unexpected character 't'"),
        ("%", "'%' as a percentage: the text is empty"),
        ("1..2%", "groups of thousands must have 3 digits"),
        ("5%%", "unexpected character '%'"),
    ],
)
def test_parse_percent_errors(text: str, match: str) -> None:
    with pytest.raises(NumberFormatError, match=match):
        parse_percent(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("109/69", (D(109), D(69))),
        ("46.148 /24.320", (D(46148), D(24320))),
        ("10.479/9.810", (D(10479), D(9810))),
        ("12 / 12", (D(12), D(12))),
        ("2,5 triệu/3 triệu", (D(2500000), D(3000000))),
    ],
)
def test_parse_pair(text: str, expected: tuple[Decimal, Decimal]) -> None:
    assert parse_pair(text) == expected


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("109", "'109' as actual/target: expected one '/' between two numbers"),
        ("1/2/3", "expected one '/'"),
        ("46.148/x", "in the target, unexpected character 'x'"),
        ("/5", "in the actual, the text is empty"),
    ],
)
def test_parse_pair_errors(text: str, match: str) -> None:
    with pytest.raises(NumberFormatError, match=match):
        parse_pair(text)


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (D("157.971"), 0, D("158")),
        (D("2.5"), 0, D("3")),
        (D("-2.5"), 0, D("-3")),
        (D("0.125"), 2, D("0.13")),
        (D("106.8195"), 2, D("106.82")),
        (D("-0.0001"), 2, D("0.00")),
        (7, 2, D("7.00")),
    ],
)
def test_round_half_up(value: Decimal, decimals: int, expected: Decimal) -> None:
    result = round_half_up(value, decimals)
    assert result == expected
    assert str(result) == str(expected)


def test_round_half_up_rejects_negative_decimals() -> None:
    with pytest.raises(ValueError, match="decimals must be an int >= 0, not -1"):
        round_half_up(D(1), -1)


@pytest.mark.parametrize(
    ("actual", "target", "decimals", "expected"),
    [
        (109, 69, 0, D("158")),
        (852, 453, 1, D("188.1")),
        (10479, 9810, 2, D("106.82")),
        (1, 8, 1, D("12.5")),
        (0.5, 4, 2, D("12.50")),
        (D("46148"), "24.320", 1, D("189.8")),
        (5, 0, 1, None),
        (5, None, 1, None),
        (None, 5, 1, None),
        (float("nan"), 5, 1, None),
        (5, float("nan"), 1, None),
    ],
)
def test_percent_of(actual: object, target: object, decimals: int, expected: object) -> None:
    assert percent_of(actual, target, decimals) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("stated", "actual", "target", "computed"),
    [
        ("158%", 109, 69, D("158")),
        ("188,1%", 852, 453, D("188.1")),
        ("106.82%", 10479, 9810, D("106.82")),
    ],
)
def test_check_percent_seed_figures(
    stated: str, actual: int, target: int, computed: Decimal
) -> None:
    result = check_percent(stated, actual, target)
    assert result.computed == computed
    assert result.consistent is True
    assert result.truncated is False
    assert result.exact is not None and round_half_up(result.exact, 4) == round_half_up(
        D(100 * actual) / D(target), 4
    )


def test_check_percent_inconsistent_and_truncated() -> None:
    wrong = check_percent("159%", 109, 69)
    assert (wrong.computed, wrong.consistent, wrong.truncated) == (D("158"), False, False)
    cut = check_percent("188,0%", 852, 453)  # 188.079… cut off, not rounded
    assert (cut.computed, cut.consistent, cut.truncated) == (D("188.1"), False, True)
    cut = check_percent("106.81%", 10479, 9810)  # 106.8195…
    assert (cut.consistent, cut.truncated) == (False, True)


def test_check_percent_without_target() -> None:
    result = check_percent(Percent(D("93.3"), 1, "93,3%"), 443812, None)
    assert result == Consistency(Percent(D("93.3"), 1, "93,3%"), None, None, None, False)
    assert check_percent("50%", 5, 0).consistent is None


def test_check_percent_exact_is_unrounded() -> None:
    assert check_percent("25%", 1, 4).exact == D(25)
    exact = check_percent("158%", 109, 69).exact
    assert exact is not None and str(exact).startswith("157.971014492753623188")


@pytest.mark.parametrize(
    ("value", "kwargs", "expected"),
    [
        (46148, {}, "46.148"),
        (46148, {"lang": "en"}, "46,148"),
        (D("1234.5"), {"decimals": 1}, "1.234,5"),
        (D("1234.5"), {"decimals": 1, "lang": "en"}, "1,234.5"),
        (1234567.891, {"decimals": 2}, "1.234.567,89"),
        (D("2.5"), {}, "3"),
        (-1234.5, {"decimals": 1}, "-1.234,5"),
        (D("-0.0001"), {"decimals": 2}, "0,00"),
        (12, {"decimals": 2}, "12,00"),
        (D("1E+3"), {}, "1.000"),
        (None, {}, MISSING),
        (float("nan"), {"lang": "en"}, "–"),
    ],
)
def test_format_number(value: object, kwargs: dict[str, object], expected: str) -> None:
    assert format_number(value, **kwargs) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("ratio", "kwargs", "expected"),
    [
        (1.881, {}, "188,1%"),
        (D("1.881"), {"lang": "en"}, "188.1%"),
        (12.5, {}, "1.250,0%"),
        (12.5, {"lang": "en"}, "1,250.0%"),
        (D("1.068195"), {"decimals": 2}, "106,82%"),
        (D("1.5797"), {"decimals": 0}, "158%"),
        (-0.125, {}, "-12,5%"),
        (None, {}, "–"),
        (float("nan"), {}, "–"),
    ],
)
def test_format_percent(ratio: object, kwargs: dict[str, object], expected: str) -> None:
    assert format_percent(ratio, **kwargs) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("formatter", [format_number, format_percent])
def test_unknown_lang(formatter: object) -> None:
    with pytest.raises(ValueError, match="lang must be 'vi' or 'en', not 'fr'"):
        formatter(1, lang="fr")  # type: ignore[operator]


# Property tests ----------------------------------------------------------------------

LANGS = st.sampled_from(["vi", "en"])
DECIMALS = st.integers(min_value=0, max_value=3)


def decimals_up_to(limit: int, max_places: int = 3) -> st.SearchStrategy[Decimal]:
    return st.integers(min_value=0, max_value=max_places).flatmap(
        lambda places: st.decimals(
            min_value=-limit, max_value=limit, places=places, allow_nan=False, allow_infinity=False
        )
    )


@given(x=decimals_up_to(10**12), lang=LANGS, d=DECIMALS)
def test_format_then_parse_number_round_trips(x: Decimal, lang: str, d: int) -> None:
    text = format_number(x, lang=lang, decimals=d)
    assert parse_number(text, decimal="," if lang == "vi" else ".") == round_half_up(x, d)


@given(x=decimals_up_to(10**12), d=DECIMALS)
def test_vietnamese_format_parses_without_a_hint(x: Decimal, d: int) -> None:
    assert parse_number(format_number(x, decimals=d)) == round_half_up(x, d)


@given(r=decimals_up_to(10**10, max_places=5), d=DECIMALS)
def test_format_then_parse_percent_round_trips(r: Decimal, d: int) -> None:
    stated = parse_percent(format_percent(r, decimals=d))
    assert stated.value == round_half_up(100 * r, d)
    assert stated.decimals == d


@given(
    actual=decimals_up_to(10**12),
    target=decimals_up_to(10**12).filter(lambda t: t != 0),
    d=DECIMALS,
)
def test_percent_of_matches_fraction_arithmetic(actual: Decimal, target: Decimal, d: int) -> None:
    q = 100 * Fraction(actual) / Fraction(target)
    with localcontext() as ctx:
        ctx.prec = 200  # wide enough that this reference rounds only once
        expected = (D(q.numerator) / D(q.denominator)).quantize(D(1).scaleb(-d), ROUND_HALF_UP)
    assert percent_of(actual, target, d) == expected


@given(
    actual=decimals_up_to(10**12),
    target=decimals_up_to(10**12),
    d=DECIMALS,
    gap=st.sampled_from(["/", " /", "/ ", " / "]),
)
def test_parse_pair_of_formatted_numbers(
    actual: Decimal, target: Decimal, d: int, gap: str
) -> None:
    text = format_number(actual, decimals=d) + gap + format_number(target, decimals=d)
    assert parse_pair(text) == (round_half_up(actual, d), round_half_up(target, d))


@given(st.text(alphabet=st.sampled_from("0123456789.,  \u00a0+-−%/xtriệu"), max_size=12))
def test_try_parse_number_never_raises_on_junk(text: str) -> None:
    result = try_parse_number(text)
    assert result is None or result.is_finite()
