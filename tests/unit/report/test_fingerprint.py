"""The cache key sees kpitools' own code and the versions of the libraries that make a page."""

from __future__ import annotations

from pathlib import Path

import pytest

import kpitools.report.html as html
from kpitools.report import Report, fingerprint


def test_an_upgrade_or_an_edit_of_kpitools_remakes_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    nb = tmp_path / "probe.ipynb"
    nb.write_text('{"cells": []}')
    report = Report("r", "probe", nb, {"year": 2023}, tmp_path / "probe-r.yaml")
    before = fingerprint(report, [], show_code=False)
    assert fingerprint(report, [], show_code=False) == before
    monkeypatch.setattr(html, "code_digest", lambda: "another polars")
    assert fingerprint(report, [], show_code=False) != before


def test_the_code_digest_covers_files_and_versions_not_bytecode(tmp_path: Path) -> None:
    package = tmp_path / "kpitools"
    (package / "report" / "templates").mkdir(parents=True)
    (package / "measures.py").write_text("x = 1\n")
    (package / "report" / "templates" / "index.html.j2").write_text("<html>")
    versions = {"polars": "2.1.0", "altair": "6.3.0", "nbconvert": "7.16"}
    first = html.digest_of_code(package, versions)
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "measures.cpython-311.pyc").write_bytes(b"\0")
    assert html.digest_of_code(package, versions) == first
    assert html.digest_of_code(package, {**versions, "polars": "2.2.0"}) != first
    (package / "report" / "templates" / "index.html.j2").write_text("<html lang=vi>")
    assert html.digest_of_code(package, versions) != first


def test_the_installed_code_is_digested_once_a_process() -> None:
    assert html.code_digest() == html.code_digest()
    assert len(html.code_digest()) == 32
