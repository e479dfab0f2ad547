"""Parameter sets found, checked against their notebooks, and sharded before any kernel starts."""

from __future__ import annotations

import keyword
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kpitools.errors import ParameterError
from kpitools.report import Outcome, discover, notebooks_by_kind, run_batch, shard, validate


def run(nbs: Path, pars: Path, out: Path, **kw) -> dict[str, Outcome]:
    reports = discover(pars, nbs)
    outcomes = run_batch(reports, out, notebooks=notebooks_by_kind(nbs), **kw)
    return {o.report.name: o for o in outcomes}


def test_parameters_are_checked_against_the_notebook(root: Path, tmp_path: Path) -> None:
    (tmp_path / "city-typo.yaml").write_text("yeer: 2023\n")
    (tmp_path / "city-type.yaml").write_text("year: '2023'\n")
    (tmp_path / "city-unit.yaml").write_text("year: 2023\nunit: Dong Anhh\n")
    (tmp_path / "city-code.yaml").write_text("year: 2023\nunit: 17\n")
    (tmp_path / "city-lang.yaml").write_text("year: 2023\nlang: fr\n")
    (tmp_path / "city-ok.yaml").write_text("year: 2023\nunit: '017'\n")
    kinds = notebooks_by_kind(root / "notebooks")
    problems = {r.name: validate(r, kinds[r.kind]) for r in discover(tmp_path, root / "notebooks")}
    assert "city-typo.yaml: unknown parameter 'yeer'" in problems["city-typo"][0]
    assert "parameter 'year' must be int, not str '2023'" in problems["city-type"][0]
    assert "unknown unit 'Dong Anhh'; did you mean 017 Đông Anh" in problems["city-unit"][0]
    assert 'unit codes are text: write them in quotes, e.g. "017"' in problems["city-code"][0]
    assert "parameter 'lang' must be 'vi' or 'en'" in problems["city-lang"][0]
    assert problems["city-ok"] == []


def test_batch_grid_and_names_that_escape(root: Path, tmp_path: Path) -> None:
    (tmp_path / "batch.yaml").write_text(
        "reports:\n"
        "  - report: city\n"
        "    name: 'city-{year}-{lang}'\n"
        "    grid: {year: [2022, 2023], lang: [vi, en]}\n"
        "  - report: city\n"
        "    name: '../../etc/{year}'\n"
        "    grid: {year: [2024]}\n"
    )
    reports = discover(tmp_path, root / "notebooks")
    names = [r.name for r in reports]
    assert names == sorted(
        ["city-2022-vi", "city-2022-en", "city-2023-vi", "city-2023-en", "../../etc/2024"]
    )
    kinds = notebooks_by_kind(root / "notebooks")
    escape = next(r for r in reports if r.name.startswith(".."))
    assert "would be written outside the output folder" in validate(escape, kinds["city"])[0]
    assert all(isinstance(r.parameters["year"], int) for r in reports)


def test_unknown_kinds_and_bad_files_name_the_file_and_stop_no_other(
    root: Path, tmp_path: Path
) -> None:
    (tmp_path / "atlas-1.yaml").write_text("year: 2023\n")
    (tmp_path / "batch.yaml").write_text("- {report: nope, name: x}\n")
    (tmp_path / "city-broken.yaml").write_text("year: [2023\n")
    (tmp_path / "city-list.yaml").write_text("- 2023\n")
    (tmp_path / "city-2023.yaml").write_text("year: 2023\n")
    reports = {r.name: r for r in discover(tmp_path, root / "notebooks")}
    assert "atlas-1.yaml: no notebook" in reports["atlas-1"].problem
    assert "batch.yaml, entry 1: no notebook declares report kind 'nope'" in (
        reports["batch"].problem
    )
    assert "city-broken.yaml: not valid YAML" in reports["city-broken"].problem
    assert "city-list.yaml: must be a mapping" in reports["city-list"].problem
    assert reports["city-2023"].problem is None
    bad = [r for r in reports.values() if r.problem]  # run alone: no kernel is needed
    outcomes = run_batch(bad, tmp_path / "out", notebooks=notebooks_by_kind(root / "notebooks"))
    assert {o.report.name: o.status for o in outcomes} == dict.fromkeys(
        ["atlas-1", "batch", "city-broken", "city-list"], "invalid"
    )
    assert all(o.error == reports[o.report.name].problem for o in outcomes)


def test_shards_split_a_batch_without_overlap(root: Path) -> None:
    reports = discover(root / "parameters", root / "notebooks")
    parts = [shard(reports, f"{i}/3") for i in (1, 2, 3)]
    names = [r.name for part in parts for r in part]
    assert sorted(names) == sorted(r.name for r in reports)
    assert len(set(names)) == len(names)
    with pytest.raises(ParameterError, match="--shard must look like 1/4"):
        shard(reports, "4/3")


def test_help_and_import_do_not_load_heavy_libraries() -> None:
    code = (
        "import sys, kpitools.cli\n"
        "try:\n    kpitools.cli.main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('altair', 'papermill', 'nbconvert', 'polars') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
    assert "usage: kpitools" in out.stdout
    _ = os


def test_vietnamese_report_names_work_in_nfc(root: Path, tmp_path: Path) -> None:
    import unicodedata

    name = "city-hồ-sơ-đông-anh"
    decomposed = unicodedata.normalize("NFD", name)  # as macOS spells file names
    (tmp_path / f"{decomposed}.yaml").write_text("year: 2023\n", encoding="utf-8")
    (report,) = discover(tmp_path, root / "notebooks")
    assert report.name == name and report.html_name == f"{name}.html"
    assert validate(report, notebooks_by_kind(root / "notebooks")["city"]) == []


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("index", "would overwrite the batch's index.html"),
        ("INDEX", "would overwrite the batch's index.html"),
        ("a/b", "contains the path separator '/': it would be written outside the output folder"),
        ("a\\b", "contains the path separator '\\\\'"),
        ("..", "must start with a letter or a digit"),
        (".hidden", "must start with a letter or a digit"),
        ("a\nb", "contains the control character U+000A"),
        ("a\u200bb", "contains the control character U+200B"),
        ("a b", "contains ' ': use letters (of any language), digits, '.', '-' and '_' only"),
        ("a#b", "contains '#'"),
        ("con", "starts with 'con', a reserved name on Windows"),
        ("LPT1.2023", "starts with 'LPT1', a reserved name on Windows"),
        ("city.", "ends with '.'"),
        ("đ" * 101, "is too long (202 bytes in UTF-8; at most 200)"),
        ("", "is empty"),
    ],
)
def test_names_that_cannot_be_files_say_why(name: str, problem: str) -> None:
    from kpitools.report.discovery import name_problem

    assert problem in (name_problem(name) or "")


@pytest.mark.parametrize(
    "name", ["city-2023", "hồ-sơ-Đông-Anh", "a.b_c-1", "console", "city-2023-en"]
)
def test_names_that_can_be_files(name: str) -> None:
    from kpitools.report.discovery import name_problem

    assert name_problem(name) is None


def test_names_that_differ_only_in_case_are_one_file(root: Path, tmp_path: Path) -> None:
    (tmp_path / "city-2023.yaml").write_text("year: 2023\n")
    (tmp_path / "batch.yaml").write_text(
        "- {report: city, name: 'City-{year}', grid: {year: [2023]}}\n"
    )
    first, second = discover(tmp_path, root / "notebooks")
    assert first.name == "City-2023" and first.problem is None
    assert "report name 'city-2023' is also made by" in second.problem
    assert "(as 'City-2023': the same file where case is ignored)" in second.problem


def test_a_report_named_index_is_invalid(root: Path, tmp_path: Path) -> None:
    (tmp_path / "batch.yaml").write_text("- {report: city, name: 'index', grid: {year: [2023]}}\n")
    (report,) = discover(tmp_path, root / "notebooks")
    (problem,) = validate(report, notebooks_by_kind(root / "notebooks")["city"])
    assert problem.endswith("report name 'index' would overwrite the batch's index.html")


def test_data_entries_carry_read_options(root: Path, tmp_path: Path) -> None:
    from kpitools.report.discovery import input_files

    seed = "data/hanoi_2023_seed.csv"
    (tmp_path / "city-ok.yaml").write_text(
        "year: 2023\n"
        f"data: [{{path: {seed}, sheet: 'Biểu 01', year: 2023, as_of: 2023-11-30}}, "
        "data/demo_panel.csv]\n",
        encoding="utf-8",
    )
    (tmp_path / "city-key.yaml").write_text(f"data: [{{path: {seed}, sheeet: 'Biểu 01'}}]\n")
    (tmp_path / "city-nopath.yaml").write_text("data: [{sheet: 1}]\n")
    (tmp_path / "city-missing.yaml").write_text("data: [{path: bieu-01.xlsx, sheet: 1}]\n")
    (tmp_path / "city-type.yaml").write_text(f"data: [{{path: {seed}, year: '2023'}}]\n")
    (tmp_path / "city-units.yaml").write_text("units: [{path: data/units.csv}]\n")
    (tmp_path / "city-one.yaml").write_text(f"data: {{path: {seed}, layout: long}}\n")
    info = notebooks_by_kind(root / "notebooks")["city"]
    reports = {r.name: r for r in discover(tmp_path, root / "notebooks")}
    problems = {name: validate(r, info) for name, r in reports.items()}
    assert problems["city-ok"] == problems["city-one"] == []
    assert input_files(reports["city-one"], info)[0] == root / seed
    files = input_files(reports["city-ok"], info)
    assert files[:2] == [root / seed, root / "data" / "demo_panel.csv"]
    (key,) = problems["city-key"]
    assert key.endswith(
        "parameter 'data', entry 1: unknown key 'sheeet' "
        "(an entry takes path, sheet, year, as_of, layout, decimal, source, period_start)"
    )
    assert "parameter 'data', entry 1: needs 'path', the file to read" in problems["city-nopath"][0]
    assert "'bieu-01.xlsx' not found in" in problems["city-missing"][0]
    assert "parameter 'data', entry 1: 'year' must be int, not '2023'" in problems["city-type"][0]
    assert "parameter 'units' must be str, not list" in problems["city-units"][0]


def test_data_entry_options_are_in_the_fingerprint(root: Path, tmp_path: Path) -> None:
    from kpitools.report import fingerprint
    from kpitools.report.discovery import input_files

    info = notebooks_by_kind(root / "notebooks")["city"]
    digests = []
    for sheet in ("Biểu 01", "Biểu 02"):
        (tmp_path / "city-x.yaml").write_text(
            f"data: [{{path: data/demo_panel.csv, sheet: '{sheet}'}}]\n", encoding="utf-8"
        )
        (report,) = discover(tmp_path, root / "notebooks")
        files = input_files(report, info)
        assert files == [root / "data" / "demo_panel.csv", *files[1:]]
        digests.append(fingerprint(report, files, show_code=False))
    assert digests[0] != digests[1]


def test_data_entry_options_are_those_load_dataset_takes() -> None:
    from kpitools.io.dataset import READ_OPTIONS
    from kpitools.report.discovery import DATA_OPTIONS

    assert set(DATA_OPTIONS) == set(READ_OPTIONS)


def test_a_unit_name_is_read_in_the_reports_year_and_links_are_an_input(tmp_path: Path) -> None:
    # "Dong Anh" is huyện 017 to 2025-06-30 and xã 00454 from 2025-07-01 (data/units.csv)
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    from kpitools.report.discovery import NotebookInfo, Report, input_files, validate

    root = Path(__file__).resolve().parents[3]
    nb = tmp_path / "profile.ipynb"
    cell = new_code_cell('unit = "017"\nyears = []\nunits = "data/units.csv"\nbackcast = ""')
    cell.metadata["tags"] = ["parameters"]
    nbformat.write(new_notebook(cells=[cell]), nb)
    units = str(root / "data" / "units.csv")
    info = NotebookInfo(
        nb,
        "profile",
        "Profile",
        {
            "unit": {"type": "str", "default": "017"},
            "years": {"type": "list", "default": []},
            "units": {"type": "str", "default": units},
            "backcast": {"type": "str", "default": ""},
        },
    )

    def report(**params: object) -> Report:
        return Report("p", "profile", nb, params, tmp_path / "p.yaml")

    assert validate(report(unit="Dong Anh", years=[2023]), info) == []
    assert validate(report(unit="Dong Anh", years=[2026]), info) == []
    [problem] = validate(report(unit="Dong Anh"), info)
    assert "ambiguous unit 'Dong Anh'" in problem and "00454" in problem
    files = input_files(report(unit="017"), info)
    assert root / "data" / "links.csv" in files  # read by load_dataset beside the registry


# --------------------------------------------------------------------------- notebooks as papermill


def notebook(
    folder: Path, kind: str, source: str | None, *, kernelspec: dict | None = None, name: str = ""
) -> Path:
    """A report notebook of ``kind`` whose parameters cell is ``source`` (None: no such cell)."""
    import json

    cells = [{"cell_type": "code", "metadata": {}, "source": "print(1)", "outputs": []}]
    if source is not None:
        tagged = {"cell_type": "code", "metadata": {"tags": ["parameters"]}, "outputs": []}
        cells.insert(0, {**tagged, "source": source})
    meta = {"kpitools": {"report": kind}}
    if kernelspec is not None:
        meta["kernelspec"] = kernelspec
    doc = {"cells": cells, "metadata": meta, "nbformat": 4, "nbformat_minor": 5}
    path = folder / f"{name or kind}.ipynb"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_parameters_cells_are_read_as_the_python_the_kernel_runs(tmp_path: Path) -> None:
    source = (
        "x: str | None = None  # a name or nothing\n"
        "a, b = 1, 2\n"
        "c = 3; d: 'int' = 4\n"
        "e: Optional[float] = None\n"
        "f: list = [1,\n"
        "           2]  # over two lines\n"
        "%config InlineBackend.figure_format = 'svg'\n"
        "g: int = 7  # type: the help\n"
    )
    nbs = tmp_path / "nbs"
    nbs.mkdir()
    notebook(nbs, "p", source)
    declared = notebooks_by_kind(nbs)["p"].parameters
    assert list(declared) == ["x", "a", "b", "c", "d", "e", "f", "g"]
    assert declared["x"] == {
        "type": "str",
        "optional": True,
        "default": None,
        "help": "a name or nothing",
    }
    assert (declared["a"]["default"], declared["b"]["default"]) == (1, 2)
    assert (declared["c"]["default"], declared["d"]["type"], declared["d"]["default"]) == (
        3,
        "int",
        4,
    )
    assert declared["e"]["type"] == "float" and declared["e"]["optional"]
    assert declared["f"] == {
        "type": "list",
        "optional": False,
        "default": [1, 2],
        "help": "over two lines",
    }
    pars = tmp_path / "pars"
    pars.mkdir()
    (pars / "p-null.yaml").write_text("x: null\ne: null\nd: 5\n")
    (pars / "p-bad.yaml").write_text("d: five\ng: null\n")
    kinds = notebooks_by_kind(nbs)
    problems = {r.name: validate(r, kinds["p"]) for r in discover(pars, nbs)}
    assert problems["p-null"] == []  # null for an optional parameter
    assert "parameter 'd' must be int, not str 'five'" in problems["p-bad"][0]
    assert "parameter 'g' must be int, not NoneType None" in problems["p-bad"][1]


@settings(max_examples=60, deadline=None)
@given(
    names=st.lists(
        st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True).filter(
            lambda n: n not in keyword.kwlist and not keyword.issoftkeyword(n)
        ),
        min_size=1,
        max_size=4,
        unique=True,
    ),
    values=st.lists(
        st.one_of(
            st.integers(),
            st.text(max_size=5),
            st.none(),
            st.lists(st.integers(), max_size=3),
            st.booleans(),
        ),
        min_size=4,
        max_size=4,
    ),
    layout=st.sampled_from(["lines", "semicolons", "tuple"]),
)
def test_any_layout_of_literal_assignments_declares_each_name(
    names: list[str], values: list, layout: str
) -> None:
    from kpitools.report.discovery import declared_parameters

    pairs = list(zip(names, values, strict=False))
    if layout == "lines":
        source = "\n".join(f"{n} = {v!r}  # help of {n}" for n, v in pairs)
    elif layout == "semicolons":
        source = "; ".join(f"{n} = {v!r}" for n, v in pairs)
    else:
        source = f"{', '.join(n for n, _ in pairs)}, = {', '.join(repr(v) for _, v in pairs)},"
    cell = {"cell_type": "code", "metadata": {"tags": ["parameters"]}, "source": source}
    declared = declared_parameters({"cells": [cell]})
    assert {n: d["default"] for n, d in declared.items()} == dict(pairs)
    if layout == "lines":
        assert all(declared[n]["help"] == f"help of {n}" for n, _ in pairs)


def test_a_notebook_without_a_parameters_cell_takes_any_parameter(tmp_path: Path) -> None:
    nbs, pars = tmp_path / "nbs", tmp_path / "pars"
    nbs.mkdir()
    pars.mkdir()
    notebook(nbs, "plain", None)
    (pars / "plain-a.yaml").write_text("anything: 1\nelse: [x]\n")
    info = notebooks_by_kind(nbs)["plain"]
    assert not info.tagged and info.parameters == {}
    (report,) = discover(pars, nbs)
    assert validate(report, info) == []


def test_kinds_may_contain_dashes_and_one_kind_names_one_notebook(tmp_path: Path) -> None:
    from kpitools.report.discovery import kind_of

    nbs, pars = tmp_path / "nbs", tmp_path / "pars"
    nbs.mkdir()
    pars.mkdir()
    notebook(nbs, "city", "year: int = 2023")
    notebook(nbs, "city-overview", "year: int = 2023")
    for name in ("city-overview-2023", "city--overview-2024", "city-2025", "city-overview"):
        (pars / f"{name}.yaml").write_text("year: 2023\n")
    kinds = {r.name: r.kind for r in discover(pars, nbs)}
    assert kinds == {
        "city-overview-2023": "city-overview",
        "city--overview-2024": "city",
        "city-2025": "city",
        "city-overview": "city-overview",
    }
    assert kind_of("cityscape-1", ["city"]) is None
    notebook(nbs, "city", "year: int = 2023", name="another")
    with pytest.raises(ParameterError) as err:
        notebooks_by_kind(nbs)
    first, second = nbs.resolve() / "another.ipynb", nbs.resolve() / "city.ipynb"
    assert str(err.value).startswith(f"{first} and {second} both declare report kind 'city'")


def test_a_notebook_runs_in_its_own_kernel_or_is_invalid_saying_why(tmp_path: Path) -> None:
    from kpitools.report.discovery import _installed_kernels, kernel_problem

    nbs = tmp_path / "nbs"
    nbs.mkdir()
    python3 = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook(nbs, "py", "x = 1", kernelspec=python3)
    notebook(nbs, "unnamed", "x = 1", kernelspec={"language": "python"})
    notebook(nbs, "r", "x <- 1", kernelspec={"name": "ir", "display_name": "R", "language": "R"})
    notebook(nbs, "julia", "x = 1", kernelspec={"language": "julia"})
    kinds = notebooks_by_kind(nbs)
    assert kernel_problem(kinds["py"]) is None
    assert kernel_problem(kinds["unnamed"]) is None  # python3, as papermill runs it
    installed = ", ".join(sorted(_installed_kernels()))
    assert kernel_problem(kinds["r"]) == (
        f"r.ipynb asks for kernel 'ir' (R), which is not installed here (installed: "
        f"{installed}; `jupyter kernelspec list`)"
    )
    assert kernel_problem(kinds["julia"]) == (
        "julia.ipynb is a julia notebook whose kernelspec names no kernel"
    )
    pars = tmp_path / "pars"
    pars.mkdir()
    (pars / "r-1.yaml").write_text("x: 2\n")
    (report,) = discover(pars, nbs)
    (problem,) = validate(report, kinds["r"])
    assert problem.startswith(f"{pars / 'r-1.yaml'}: r.ipynb asks for kernel 'ir' (R)")


def test_a_line_that_is_not_python_is_skipped_as_papermill_skips_it() -> None:
    from kpitools.report.discovery import declared_parameters

    source = "a = 1\n= 2  # broken (papermill's complex_parameters.ipynb has one)\nb: int = 3\n"
    cell = {"cell_type": "code", "metadata": {"tags": ["parameters"]}, "source": source}
    declared = declared_parameters({"cells": [cell]})
    assert {n: d["default"] for n, d in declared.items()} == {"a": 1, "b": 3}
