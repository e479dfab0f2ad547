"""A worker on a full or read-only disk: the report fails in one line, no half file stays.

papermill and the export are replaced by stand-ins: no kernel starts here.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

import kpitools.report.worker as worker_module
from kpitools.report import Report, Worker
from kpitools.report.forkserver import fork_unavailable


def full_disk(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.fixture
def report(tmp_path: Path) -> Report:
    return Report("hồ-sơ", "probe", tmp_path / "probe.ipynb", {}, tmp_path / "probe-x.yaml")


@pytest.fixture
def out(tmp_path: Path) -> Path:
    out = tmp_path / "reports"
    (out / "notebooks").mkdir(parents=True)
    (out / "notebooks" / "hồ-sơ.ipynb").write_text('{"the": "last complete run"}')
    return out


def leftovers(out: Path) -> list[str]:
    return [p.name for p in out.rglob("*") if ".part" in p.name]


def test_a_notebook_the_disk_cuts_short_is_never_kept(
    report: Report, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def half_written(self, report: Report, output: Path) -> str | None:
        output.write_text('{"cells": [')  # papermill's write, cut short by the full disk
        full_disk()
        return None

    monkeypatch.setattr(Worker, "execute", half_written)
    outcome = Worker().run(report, out, show_code=False, files=[])
    assert outcome.status == "failed"
    assert outcome.error == f"no space left on device writing {out}/notebooks/hồ-sơ.ipynb"
    assert (out / "notebooks" / "hồ-sơ.ipynb").read_text() == '{"the": "last complete run"}'
    assert leftovers(out) == []


def test_a_page_the_disk_refuses_fails_its_report(
    report: Report, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def executed(self, report: Report, output: Path) -> str | None:
        with open(output, "w") as f:  # not Path.write_text: the disk refuses that one
            f.write('{"cells": []}')
        return None

    monkeypatch.setattr(Worker, "execute", executed)
    monkeypatch.setattr(worker_module, "export_html", lambda nb, **kw: "<html></html>")
    monkeypatch.setattr(Path, "write_text", full_disk)
    outcome = Worker().run(report, out, show_code=False, files=[])
    monkeypatch.undo()
    assert (outcome.status, outcome.html) == ("failed", None)
    assert outcome.error == f"no space left on device writing {out}/hồ-sơ.html"
    assert (out / "notebooks" / "hồ-sơ.ipynb").read_text() == '{"cells": []}'
    assert not (out / "hồ-sơ.html").exists()
    assert leftovers(out) == []


def test_a_refused_write_is_no_kernel_failure(
    report: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import papermill

    monkeypatch.setattr(Worker, "_kernel_for", lambda self, report: None)
    monkeypatch.setattr(papermill, "execute_notebook", full_disk)
    with pytest.raises(OSError) as err:
        Worker().execute(report, tmp_path / "x.ipynb")
    assert err.value.errno == errno.ENOSPC
    monkeypatch.setattr(papermill, "execute_notebook", lambda *a, **k: 1 / 0)
    assert Worker().execute(report, tmp_path / "x.ipynb") == "ZeroDivisionError: division by zero"


@pytest.mark.slow
@pytest.mark.skipif(fork_unavailable() is not None, reason=str(fork_unavailable()))
def test_workers_started_for_no_job_end_at_once_leaving_no_process() -> None:
    """A run's workers and template, started before its checks, are ended while they import
    when the checks leave nothing to run (the template is not waited for to finish)."""
    import signal

    import psutil

    before = {p.pid for p in psutil.Process().children(recursive=True)}  # e.g. a test's browser
    started = worker_module.Workers(2, timeout=60, modules=["json"])
    template, parent = started.template.process, started.procs[0]
    ours = [p for p in psutil.Process().children(recursive=True) if p.pid not in before and
            "resource_tracker" not in " ".join(p.cmdline())]  # fmt: skip
    started.end()
    assert template.returncode == -signal.SIGTERM  # ended importing, not done and then ended
    assert parent.exitcode in (-signal.SIGTERM, 128 + signal.SIGTERM)
    assert not [p for p in ours if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
