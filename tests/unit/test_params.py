"""Parameter checks: a bad notebook or report parameter stops at once with a clear message."""

from __future__ import annotations

import polars as pl
import pytest

import kpitools as kt

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
        assert kt.check_unit(dataset.registry, given) == "017"
    with pytest.raises(kt.ParameterError, match="did you mean 017 Đông Anh"):
        kt.check_unit(dataset.registry, "Dong Anhh")
    with pytest.raises(kt.ParameterError, match="must be text"):
        kt.check_unit(dataset.registry, 17)


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
