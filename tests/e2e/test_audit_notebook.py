"""The audit notebook under papermill."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from notebook_outputs import html_outputs

from kpitools.extract import audit_statements, audit_table, extract_file, statements_table

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
SEED = DATA / "seed" / "000_75537393c0b30eb1.txt"


@pytest.mark.slow
def test_the_audit_notebook_runs_under_papermill(tmp_path: Path) -> None:
    from kpitools.report import Report, Worker, notebooks_by_kind

    notebook = ROOT / "notebooks" / "report_audit.ipynb"
    assert notebooks_by_kind(ROOT / "notebooks")["audit"].path == notebook
    worker = Worker()
    worker.start()
    try:
        out = tmp_path / "out.ipynb"
        report = Report("t", "audit", notebook, {"lang": "en"}, tmp_path / "p.yaml")
        assert worker.execute(report, out) is None
        nb = json.loads(out.read_text(encoding="utf-8"))
        out_vi = tmp_path / "out_vi.ipynb"
        assert worker.execute(replace(report, parameters={"lang": "vi"}), out_vi) is None
        nb_vi = json.loads(out_vi.read_text(encoding="utf-8"))
        bad = tmp_path / "bad.ipynb"
        error = worker.execute(
            Report("t", "audit", notebook, {"lang": "fr"}, tmp_path / "p.yaml"), bad
        )
    finally:
        worker.stop()
    outputs, outputs_vi = html_outputs(nb), html_outputs(nb_vi)
    seed = extract_file(
        SEED,
        units=DATA / "units.csv",
        catalog=DATA / "metrics.csv",
        phrases=DATA / "metric_phrases.csv",
    ).statements
    assert statements_table(seed, lang="en")._repr_html_() in outputs
    assert audit_table(audit_statements(seed), lang="en")._repr_html_() in outputs
    assert sum(h.count("<mark ") for h in outputs) == 11
    # a Vietnamese report: the audit's notes in Vietnamese, with decimal commas (issue 18)
    audit_vi = audit_table(audit_statements(seed), lang="vi")._repr_html_()
    assert audit_vi in outputs_vi
    assert "188,079 → 188,1" in audit_vi and "một phần của" in audit_vi
    assert "188.079" not in "".join(outputs_vi) and "a part of" not in "".join(outputs_vi)
    # the failing cell is named (its number follows the notebook's layout, which changes)
    assert error is not None and "ParameterError" in error
    assert re.search(r"cell \d+ of report_audit\.ipynb", error)
