"""Parameter checks: a bad notebook or report parameter stops at once with a clear message."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import polars as pl
import pytest
import yaml

import kpitools as kt

ROOT = Path(__file__).resolve().parents[2]
KPIS = pl.DataFrame({"year": [2021, 2022, 2023]})


def test_a_year_with_data_passes_and_others_say_which_years_have_data() -> None:
    assert kt.check_year(KPIS, 2023) == 2023
    with pytest.raises(
        kt.ParameterError, match="year 2030 has no data; years with data: 2021–2023"
    ):
        kt.check_year(KPIS, 2030)
    for bad in ("2023", 2023.0, True, None):
        with pytest.raises(kt.ParameterError, match="whole number"):
            kt.check_year(KPIS, bad)


def test_years_are_sorted_and_unique_and_empty_means_all() -> None:
    assert kt.check_years(KPIS, [2023, 2021, 2023]) == [2021, 2023]
    assert kt.check_years(KPIS, []) == [2021, 2022, 2023]
    with pytest.raises(kt.ParameterError, match="list of years"):
        kt.check_years(KPIS, "2023")
    with pytest.raises(kt.ParameterError, match="empty"):
        kt.check_years(KPIS.clear(), [])


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_two_languages_pass(lang: str) -> None:
    assert kt.check_lang(lang) == lang


@pytest.mark.parametrize("bad", ["fr", "VI", "", None, 1])
def test_any_other_language_is_a_parameter_error(bad: object) -> None:
    with pytest.raises(kt.ParameterError, match="vi, en"):
        kt.check_lang(bad)


def test_units_resolve_by_code_or_any_form_of_the_name(dataset: kt.Dataset) -> None:
    for given in ("017", "Đông Anh", "huyện Đông Anh", "dong anh"):
        assert kt.check_unit(dataset.registry, given, year=2023) == "017"
    for given in ("017", "huyện Đông Anh", "huyen dong anh"):  # no date needed
        assert kt.check_unit(dataset.registry, given) == "017"
    with pytest.raises(kt.ParameterError, match="did you mean 017 Đông Anh"):
        kt.check_unit(dataset.registry, "Dong Anhh", year=2023)
    with pytest.raises(kt.ParameterError, match="must be text"):
        kt.check_unit(dataset.registry, 17)


def test_a_name_of_two_periods_resolves_on_the_reports_date(dataset: kt.Dataset) -> None:
    """ "Dong Anh" is district 017 to 2025-06-30 and xã 00454 from 2025-07-01."""
    reg = dataset.registry
    assert kt.check_unit(reg, "Dong Anh", year=2023) == "017"
    assert kt.check_unit(reg, "Dong Anh", year=[2019, 2020, 2021, 2022, 2023]) == "017"
    assert kt.check_unit(reg, "Dong Anh", year=(2025, 2026)) == "00454"  # the latest year
    assert kt.check_unit(reg, "Dong Anh", at="2025-06-30") == "017"
    assert kt.check_unit(reg, "Dong Anh", at=dt.date(2025, 7, 1)) == "00454"
    # without a date the name is ambiguous: both candidates and their dates are named
    with pytest.raises(kt.ParameterError, match=r"017 huyện Đông Anh \(to 2025-06-30\)"):
        kt.check_unit(reg, "Dong Anh")
    # the parameters file that names it
    profile = yaml.safe_load((ROOT / "parameters" / "profile-dong-anh-en.yaml").read_text())
    assert kt.check_unit(reg, profile["unit"], year=profile["years"]) == "017"
    # a unit not in force in the report's year says when it ceased
    with pytest.raises(kt.ParameterError, match="017 Đông Anh ceased on 2025-06-30"):
        kt.check_unit(reg, "017", year=2026)


def test_a_name_ambiguous_on_the_date_lists_the_candidates() -> None:
    reg = kt.UnitRegistry.from_frame(
        pl.DataFrame(
            {
                "code": ["01", "00004", "00005", "00006"],
                "name": ["Hà Nội", "Ba Đình", "Ba Đình", "Ba Đình"],
                "level": ["city", "commune", "commune", "commune"],
                "type": ["thành phố", "phường", "xã", "phường"],
                "parent": [None, "01", "01", "01"],
                "valid_from": [None, "2025-07-01", "2025-07-01", None],
                "valid_to": [None, None, None, "2025-06-30"],
            }
        )
    )
    assert kt.check_unit(reg, "Ba Dinh", year=2024) == "00006"
    with pytest.raises(kt.ParameterError, match="ambiguous") as err:
        kt.check_unit(reg, "Ba Dinh", year=2026)
    assert "00004" in str(err.value) and "00005" in str(err.value)
    assert "00006" not in str(err.value)  # not a unit on the day
    assert kt.check_unit(reg, "xã Ba Đình", year=2026) == "00005"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"year": "2023"}, "year must be"),
        ({"year": []}, "year must be"),
        ({"year": [2023, True]}, "year must be"),
        ({"year": 2023, "at": "2023-12-31"}, "not both"),
        ({"at": "31/12/2023"}, "at must be a date"),
    ],
)
def test_bad_dates_of_a_unit_are_parameter_errors(
    dataset: kt.Dataset, options: dict[str, Any], message: str
) -> None:
    with pytest.raises(kt.ParameterError, match=message):
        kt.check_unit(dataset.registry, "Dong Anh", **options)


def test_metrics_resolve_by_code_or_label_and_empty_means_all(dataset: kt.Dataset) -> None:
    catalog = dataset.catalog
    assert kt.check_metrics(catalog, ["admissions", "Kết nạp đảng viên mới"]) == [
        "admissions",
        "admissions",
    ]
    assert kt.check_metrics(catalog, []) == catalog.codes
    with pytest.raises(kt.ParameterError, match="list of metric codes"):
        kt.check_metrics(catalog, "admissions")
    with pytest.raises(kt.ParameterError, match="unknown metric 'admisions'"):
        kt.check_metrics(catalog, ["admisions"])


def test_every_parameter_error_is_a_kpitools_error_and_a_value_error() -> None:
    with pytest.raises(kt.KpiToolsError):
        kt.check_lang("fr")
    with pytest.raises(ValueError):
        kt.check_lang("fr")
