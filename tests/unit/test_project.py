"""A project of your own: ``kpitools init``, the marker file, and where paths are found."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kpitools import project as kp
from kpitools.cli import _in_language, main
from kpitools.errors import ParameterError
from kpitools.io.dataset import find_path, load_dataset
from kpitools.project import (
    EXAMPLES,
    MARKER,
    PROJECT_ENV,
    Project,
    current_project,
    find_project,
    init_project,
    packaged,
)
from kpitools.report.discovery import discover


@pytest.fixture(autouse=True)
def _no_project_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PROJECT_ENV, raising=False)
    monkeypatch.setattr(kp, "_TOLD", set())


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return init_project(tmp_path_factory.mktemp("p") / "my-reports")


def test_init_makes_marker_data_examples_and_notebooks(made: Project) -> None:
    root = made.root
    assert sorted(p.name for p in root.iterdir()) == ["data", MARKER, "notebooks", "parameters"]
    assert (root / "data" / "README.md").read_text(encoding="utf-8").startswith("# Data")
    for name in ("units.csv", "links.csv", "metrics.csv", "metric_phrases.csv",
                 "demo_panel.csv", "hanoi_2023_seed.csv"):  # fmt: skip
        assert (root / "data" / name).read_bytes() == (packaged("data") / name).read_bytes()
    assert sorted((root / "data" / "reference" / "licenses").iterdir())  # notices go along
    assert sorted(p.name for p in made.parameters.iterdir()) == sorted([*EXAMPLES, "batch.yaml"])
    assert sorted(p.name for p in made.notebooks.iterdir()) == sorted(  # type: ignore[union-attr]
        p.name for p in packaged("notebooks").glob("*.ipynb")
    )
    assert made == Project.read(root) == find_project(root / "data" / "seed")
    assert (made.units, made.catalog, made.reports) == (
        root / "data" / "units.csv",
        root / "data" / "metrics.csv",
        root / "reports",
    )


def test_every_example_of_a_new_project_is_a_valid_report(made: Project) -> None:
    reports = discover(made.parameters, made.notebook_folder)
    kinds = {r.kind for r in reports}
    assert kinds == {"audit", "bridge", "city", "comparison", "profile"}
    assert all(r.notebook.parent == made.notebooks for r in reports)


def test_init_without_notebooks_uses_the_installed_ones(tmp_path: Path) -> None:
    p = init_project(tmp_path / "r", notebooks=False, lang="en")
    assert p.notebooks is None and p.notebook_folder == packaged("notebooks")
    assert not (p.root / "notebooks").exists()
    assert p.lang == "en"
    assert 'notebooks = ""' in (p.root / MARKER).read_text(encoding="utf-8")
    reports = discover(p.parameters, p.notebook_folder)
    english = _in_language(reports, p.lang)
    # a parameter file that sets lang keeps it; the others take the project's
    by_name = {r.name: r.parameters.get("lang") for r in english}
    assert by_name["city-2023"] == "vi"
    assert by_name["audit-seed"] == "en"
    assert by_name["profile-00376"] == "en"
    assert [r.parameters for r in _in_language(reports, "vi")] == [r.parameters for r in reports]


def test_init_refuses_a_project_a_file_or_a_folder_with_data(tmp_path: Path) -> None:
    init_project(tmp_path / "a")
    with pytest.raises(ParameterError, match="already a kpitools project"):
        init_project(tmp_path / "a")
    (tmp_path / "f").write_text("x")
    with pytest.raises(ParameterError, match="is a file"):
        init_project(tmp_path / "f")
    (tmp_path / "b" / "data").mkdir(parents=True)
    with pytest.raises(ParameterError, match="already has data"):
        init_project(tmp_path / "b")
    with pytest.raises(ParameterError, match="lang"):
        init_project(tmp_path / "c", lang="fr")
    assert not (tmp_path / "c").exists()


def test_an_init_that_fails_halfway_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(kp.shutil, "copyfile", full_disk)  # the disk fills up while copying
    with pytest.raises(OSError, match="No space"):
        init_project(tmp_path / "new")
    assert not (tmp_path / "new").exists()
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("kept")
    with pytest.raises(OSError, match="No space"):
        init_project(tmp_path / "mine")
    assert [p.name for p in (tmp_path / "mine").iterdir()] == ["notes.txt"]
    monkeypatch.undo()
    assert init_project(tmp_path / "mine").root == tmp_path / "mine"  # and again, done


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[project\nlang = 1", "not valid TOML"),
        ('[project]\nlang = "fr"', "project.lang must be one of vi, en"),
        ("[paths]\ndata = 3", "paths.data must be text"),
        ('paths = "x"', r"\[paths\] must be a table"),
    ],
)
def test_a_bad_marker_names_its_file(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / MARKER).write_text(text, encoding="utf-8")
    with pytest.raises(ParameterError, match=message) as info:
        find_project(tmp_path)
    assert str(tmp_path / MARKER) in str(info.value)


def test_paths_in_the_marker_are_relative_to_it(tmp_path: Path) -> None:
    (tmp_path / MARKER).write_text(
        '[paths]\ndata = "inputs"\nreports = "out/html"\nunits = "ref/reg.csv"\n', encoding="utf-8"
    )
    p = Project.read(tmp_path)
    assert p.units == tmp_path / "ref" / "reg.csv"
    assert p.catalog == tmp_path / "inputs" / "metrics.csv"
    assert p.reports == tmp_path / "out" / "html"
    assert p.notebooks == tmp_path / "notebooks" and p.lang == "vi"


def test_find_path_stops_at_the_project_root(tmp_path: Path) -> None:
    # a stray file above the project is not picked up
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "stray.csv").write_text("x")
    project = tmp_path / "work" / "proj"
    (project / "notebooks" / "deep").mkdir(parents=True)
    (project / MARKER).write_text("")
    (project / "data").mkdir()
    (project / "data" / "mine.csv").write_text("x")
    start = project / "notebooks" / "deep"
    assert find_path("data/mine.csv", start=start) == project / "data" / "mine.csv"
    with pytest.raises(FileNotFoundError, match="up to the project's") as info:
        find_path("data/stray.csv", start=start)
    assert str(project) in str(info.value)


def test_outside_a_project_only_the_start_folder_is_searched(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "stray.csv").write_text("x")
    (tmp_path / "a" / "b").mkdir(parents=True)
    with pytest.raises(FileNotFoundError, match="not in a kpitools project"):
        find_path("data/stray.csv", start=tmp_path / "a" / "b")
    assert find_path("data/stray.csv", start=tmp_path) == tmp_path / "data" / "stray.csv"


def test_outside_a_project_the_installed_reference_data_is_used_and_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = find_path("data/units.csv", start=tmp_path)
    assert found == packaged("data") / "units.csv"
    find_path("data/units.csv", start=tmp_path)
    err = capsys.readouterr().err
    assert err.count("using the copy installed with kpitools") == 1  # said once
    assert current_project(tmp_path).packaged


def test_the_project_of_the_environment_serves_notebooks_outside_it(
    made: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "installed" / "notebooks"
    elsewhere.mkdir(parents=True)
    (made.data / "only-here.csv").write_text("x")
    monkeypatch.setenv(PROJECT_ENV, str(made.root))
    assert find_path("data/only-here.csv", start=elsewhere) == made.data / "only-here.csv"
    assert current_project(elsewhere) == made


def test_load_dataset_in_a_project_reads_the_projects_registry(
    made: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(made.root / "parameters")
    ds = load_dataset(
        "data/hanoi_2023_seed.csv", units="data/units.csv", catalog="data/metrics.csv"
    )
    assert ds.files == (made.data / "hanoi_2023_seed.csv",)
    assert ds.kpis.height == 11


def test_load_dataset_outside_a_project_says_it_uses_the_installed_registry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    ds = load_dataset(
        packaged("data") / "hanoi_2023_seed.csv", units="data/units.csv", catalog="data/metrics.csv"
    )
    assert ds.kpis.height == 11
    err = capsys.readouterr().err
    assert "data/units.csv: not in this project" in err and "data/metrics.csv" in err


def _project_with_a_new_unit(tmp_path: Path) -> tuple[Project, Path]:
    p = init_project(tmp_path / "p", notebooks=False)
    with p.units.open("a", encoding="utf-8") as f:
        f.write("99,Đơn vị thử,district,quận,01,,,a unit only this project knows\n")
    kpis = p.data / "mine.csv"
    kpis.write_text(
        "unit_code,year,metric,target,actual\n99,2023,admissions,10,12\n", encoding="utf-8"
    )
    return p, kpis


def test_cli_commands_use_the_project_of_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    p, kpis = _project_with_a_new_unit(tmp_path)
    monkeypatch.chdir(p.root / "parameters")  # any folder inside the project
    assert main(["check", str(kpis)]) == 0
    out = capsys.readouterr()
    assert "1 clean" in out.out and "not in a kpitools project" not in out.err
    monkeypatch.chdir(tmp_path)  # outside: the installed registry does not know unit 99
    assert main(["check", str(kpis)]) == 1
    assert "using the units, catalog installed with kpitools" in capsys.readouterr().err
    given = ["--units", str(p.units), "--catalog", str(p.catalog)]
    assert main(["check", str(kpis), *given]) == 0  # all given: nothing installed to say
    assert "not in a kpitools project" not in capsys.readouterr().err


def test_cli_init(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", str(tmp_path / "r"), "--no-notebooks", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "kpitools run" in out
    p = find_project(tmp_path / "r")
    assert p is not None and p.notebooks is None and p.lang == "en"
    assert main(["init", str(tmp_path / "r")]) == 2
    assert "already a kpitools project" in capsys.readouterr().err


def test_run_outside_a_project_without_parameters_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["run"]) == 2
    assert "kpitools init DIR" in capsys.readouterr().err


def test_a_bad_marker_stops_a_command_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / MARKER).write_text("[project\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "x.csv"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kpitools check: ") and "not valid TOML" in err


def test_the_repository_is_a_project(root: Path) -> None:
    p = find_project(root / "notebooks")
    assert p is not None and p.root == root and p.notebooks == root / "notebooks"
    assert packaged() == root  # run from the source tree, the packaged files are the repo's
    assert os.environ.get(PROJECT_ENV) is None
