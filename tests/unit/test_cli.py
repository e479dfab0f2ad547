"""The ``kpitools`` command: its exit statuses, as ``kpitools --help`` documents them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import kpitools as kt
from kpitools.cli import main


def data_options(root: Path) -> list[str]:
    data = root / "data"
    return [
        "--units",
        str(data / "units.csv"),
        "--catalog",
        str(data / "metrics.csv"),
        "--phrases",
        str(data / "metric_phrases.csv"),
    ]


def test_help_documents_every_exit_status(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    text = capsys.readouterr().out
    assert "exit status" in text
    for status in ("0", "1", "2"):
        assert f"  {status} " in text


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.strip() == f"kpitools {kt.__version__}"


def test_run_without_reports_or_with_a_bad_parameter_exits_2(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notebooks = str(root / "notebooks")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["run", "--parameters", str(empty), "--notebooks", notebooks]) == 2
    assert "no reports" in capsys.readouterr().err
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "nosuchkind-x.yaml").write_text("year: 2023\n", encoding="utf-8")
    assert main(["run", "--parameters", str(bad), "--notebooks", notebooks]) == 2
    assert "nosuchkind" in capsys.readouterr().err


def test_extract_exits_1_on_an_inconsistent_figure_and_2_on_unreadable_input(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Năm 2023 kết nạp 852/453 đảng viên (đạt 188,1%).\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_text("Năm 2023 kết nạp 852/453 đảng viên (đạt 198,1%).\n", encoding="utf-8")
    options = data_options(root)
    assert main(["extract", str(good), "--audit", *options]) == 0
    assert main(["extract", str(bad), "--audit", *options]) == 1
    assert main(["extract", str(bad), *options]) == 0  # without --audit nothing is judged
    assert main(["extract", str(tmp_path / "missing.txt"), *options]) == 2
    capsys.readouterr()


def test_members_exits_1_on_an_unusable_export(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["members", str(tmp_path / "missing.csv"), "--out", str(tmp_path / "out.csv")]
    assert main([*args, *data_options(root)[:4]]) == 1
    assert "kpitools members:" in capsys.readouterr().err
    assert not (tmp_path / "out.csv").exists()


def test_extract_says_where_a_news_page_trailer_stopped_reading(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "Năm 2023 kết nạp 852/453 đảng viên (đạt 188,1%).\n\nÝ kiến bạn đọc\nHay: 5/5.\n",
        encoding="utf-8",
    )
    assert main(["extract", str(page), "--format", "json", *data_options(root)]) == 0
    captured = capsys.readouterr()
    assert "read up to the heading 'Ý kiến bạn đọc'" in captured.err
    assert f"{page}: line 3" in captured.err
    assert '"5/5"' not in captured.out and "852" in captured.out


def test_a_run_leaves_the_project_variable_of_its_process_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # `kpitools run` tells its kernels the project through the environment; called in a
    # process (a notebook, a test), main() must not leave it behind
    from kpitools.project import PROJECT_ENV, current_project

    monkeypatch.delenv(PROJECT_ENV, raising=False)
    assert main(["run", "--parameters", str(tmp_path)]) == 2  # in the repository's project
    capsys.readouterr()
    assert PROJECT_ENV not in os.environ
    assert current_project("/").packaged
    monkeypatch.setenv(PROJECT_ENV, str(tmp_path))
    assert main(["run", "--parameters", str(tmp_path)]) == 2
    assert os.environ[PROJECT_ENV] == str(tmp_path)
