"""The batch on a full or read-only disk, and interrupted: no kernel starts here.

A full disk is simulated by write functions that raise ``OSError(ENOSPC)``; the real thing
(a tiny tmpfs) is in ``tests/e2e/test_disk.py``.
"""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path
from typing import ClassVar

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

import kpitools.report.batch as batch
from kpitools._atomic import write_error_message, write_text_atomic
from kpitools.cli import main
from kpitools.errors import ParameterError
from kpitools.report import Outcome, Report
from kpitools.report.batch import check_output, run_batch
from kpitools.report.discovery import MANIFEST, NotebookInfo


def refused(code: int):
    def write(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    return write


@pytest.fixture
def project(tmp_path: Path) -> tuple[list[Report], dict[str, NotebookInfo]]:
    nb = tmp_path / "probe.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell("1")]), nb)
    info = NotebookInfo(nb, "probe", "Probe", {})
    reports = [Report(f"probe-{c}", "probe", nb, {}, tmp_path / f"probe-{c}.yaml") for c in "abc"]
    return reports, {"probe": info}


class FakeWorker:
    """A worker without a kernel: writes a page per report, or raises what it is told to."""

    raise_at: str | None = None
    raise_after_page_at: str | None = None

    def __init__(self, **kwargs) -> None:
        from kpitools.report.worker import kernel_mode

        self.mode = kernel_mode(kwargs.get("fresh"))  # as a real worker says it

    def start(self) -> None:
        pass

    def stop(self) -> None:
        pass

    def run(self, report: Report, out: Path, *, show_code: bool, files) -> Outcome:
        if report.name == self.raise_at:
            raise KeyboardInterrupt(15)
        page = write_text_atomic(out / report.html_name, "<html></html>")
        if report.name == self.raise_after_page_at:
            raise KeyboardInterrupt(15)
        return Outcome(report, "ok", 0.1, page)


@pytest.fixture
def fake_worker(monkeypatch: pytest.MonkeyPatch) -> type[FakeWorker]:
    monkeypatch.setattr(batch, "Worker", FakeWorker)
    monkeypatch.setattr(batch, "vega_assets", lambda: ("{}", ""))
    FakeWorker.raise_at = FakeWorker.raise_after_page_at = None
    return FakeWorker


def test_an_atomic_write_the_disk_refuses_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "x.html"
    page.write_text("old and whole")
    monkeypatch.setattr(Path, "write_text", refused(errno.ENOSPC))
    with pytest.raises(OSError) as err:
        write_text_atomic(page, "new")
    monkeypatch.undo()
    assert page.read_text() == "old and whole"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.html"]
    message = write_error_message(err.value, Path("reports") / "x.html")
    assert message == "no space left on device writing reports/x.html"


def test_the_manifest_and_index_the_disk_refuses_are_named_and_the_batch_goes_on(
    project, fake_worker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports, notebooks = project
    out = tmp_path / "out"
    monkeypatch.setattr(batch, "write_text_atomic", refused(errno.ENOSPC))
    monkeypatch.setattr(batch, "write_index", refused(errno.EROFS))
    unwritten: dict[Path, str] = {}
    outcomes = run_batch(
        reports, out, notebooks=notebooks, workers=1, unwritten=unwritten.__setitem__
    )
    assert [o.status for o in outcomes] == ["ok", "ok", "ok"]
    assert unwritten == {
        out / MANIFEST: f"no space left on device writing {out / MANIFEST}",
        out / "index.html": f"read-only file system writing {out / 'index.html'}",
    }
    with pytest.warns(RuntimeWarning) as caught:  # without a callback: warnings
        run_batch(reports, out, notebooks=notebooks, workers=1)
    assert sorted(str(w.message) for w in caught) == sorted(unwritten.values())


def test_a_manifest_written_later_is_no_problem(
    project, fake_worker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports, notebooks = project
    calls = []

    def first_fails(path, text):
        calls.append(path)
        if len(calls) == 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return write_text_atomic(path, text)

    monkeypatch.setattr(batch, "write_text_atomic", first_fails)
    unwritten: dict[Path, str] = {}
    run_batch(reports, tmp_path, notebooks=notebooks, workers=1, unwritten=unwritten.__setitem__)
    assert unwritten == {}
    assert set(json.loads((tmp_path / MANIFEST).read_text())) == {r.name for r in reports}


def test_an_interrupt_writes_the_index_with_unfinished_reports_marked(
    project, fake_worker, tmp_path: Path
) -> None:
    reports, notebooks = project
    fake_worker.raise_at = "probe-b"
    with pytest.raises(KeyboardInterrupt) as err:
        run_batch(reports, tmp_path, notebooks=notebooks, workers=1)
    assert err.value.args == (15,)  # the same interrupt goes on: the CLI reads the signal
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert 'href="probe-a.html"' in index
    assert index.count('class="kt-interrupted"') == 2
    assert set(json.loads((tmp_path / MANIFEST).read_text())) == {"probe-a"}


def test_a_page_written_just_before_the_interrupt_counts_as_done(
    project, fake_worker, tmp_path: Path
) -> None:
    # the interrupt lands after probe-b's page is renamed into place, before its outcome is
    # recorded: the index, the manifest and the next run must all agree with the disk
    reports, notebooks = project
    (tmp_path / "probe-c.html").write_text("<html>from an earlier run</html>")
    os.utime(tmp_path / "probe-c.html", ns=(0, 0))
    fake_worker.raise_after_page_at = "probe-b"
    with pytest.raises(KeyboardInterrupt):
        run_batch(reports, tmp_path, notebooks=notebooks, workers=1)
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert index.count('class="kt-interrupted"') == 1  # probe-c: its page is an old one
    assert set(json.loads((tmp_path / MANIFEST).read_text())) == {"probe-a", "probe-b"}
    fake_worker.raise_after_page_at = None
    statuses = [o.status for o in run_batch(reports, tmp_path, notebooks=notebooks, workers=1)]
    assert statuses == ["skipped", "skipped", "ok"]


def test_an_unwritable_output_folder_stops_the_batch_before_any_kernel(
    project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports, notebooks = project
    monkeypatch.setattr(batch.tempfile, "mkstemp", refused(errno.EACCES))
    monkeypatch.setattr(batch, "Worker", None)  # any use would fail
    with pytest.raises(ParameterError) as err:
        run_batch(reports, tmp_path / "out", notebooks=notebooks)
    assert str(err.value) == f"cannot write to {tmp_path / 'out'}{os.sep}: Permission denied"


def test_check_output_makes_the_folders(tmp_path: Path) -> None:
    check_output(tmp_path / "a" / "out")
    assert (tmp_path / "a" / "out" / "notebooks").is_dir()
    assert not list((tmp_path / "a").rglob("*.part"))


# --------------------------------------------------------------------------- the command


def run_args(root: Path, out: Path) -> list[str]:
    pars, nbs = root / "parameters", root / "notebooks"
    return ["run", "--parameters", str(pars), "--notebooks", str(nbs), "--out", str(out)]


def test_cli_read_only_output_is_one_line_and_status_2(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setattr(batch.tempfile, "mkstemp", refused(errno.EROFS))
    monkeypatch.setattr(batch, "run_batch", None)  # no kernel may start
    out = tmp_path / "reports"
    assert main(run_args(root, out)) == 2
    captured = capsys.readouterr()
    assert captured.err == f"kpitools run: cannot write to {out}/: Read-only file system\n"
    assert captured.out == ""


@pytest.mark.parametrize(
    ("signum", "status", "name"), [(15, 143, "SIGTERM"), (None, 130, "SIGINT")]
)
def test_cli_interrupt_is_one_line_and_the_signal_status(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, signum, status, name
) -> None:
    def interrupted(reports, out, *, progress, **kwargs):
        progress(1, len(reports), Outcome(reports[0], "ok", 1.0, out / "x.html"))
        raise KeyboardInterrupt(signum) if signum else KeyboardInterrupt

    monkeypatch.setattr(batch, "run_batch", interrupted)
    out = tmp_path / "reports"
    assert main([*run_args(root, out), "--workers", "1"]) == status
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"kpitools run: interrupted ({name}) with 1 of ")
    assert f"index: {out / 'index.html'}" in err


def test_cli_names_the_index_it_could_not_write(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    def full(reports, out, *, unwritten, **kwargs):
        unwritten(out / "index.html", f"no space left on device writing {out / 'index.html'}")
        return [
            Outcome(r, "failed", error=f"no space left on device writing {r.name}") for r in reports
        ]

    monkeypatch.setattr(batch, "run_batch", full)
    out = tmp_path / "reports"
    assert main(run_args(root, out)) == 1
    captured = capsys.readouterr()
    assert f"kpitools run: no space left on device writing {out / 'index.html'}" in captured.err
    assert captured.out.rstrip().endswith("invalid; index: not written")


class FakeWorkers:
    """The run's worker processes, started early, without processes: what they were given."""

    made: ClassVar[list[FakeWorkers]] = []

    def __init__(self, n: int, timeout: int, modules, report_timeout, fresh) -> None:
        self.n, self.jobs, self.ended = n, None, False
        FakeWorkers.made.append(self)

    def run(self, jobs, on_mode=None):
        self.jobs = [job[0].name for job in jobs]
        for report, out, *_ in jobs:
            yield Outcome(report, "ok", 0.1, write_text_atomic(out / report.html_name, "<p>"))

    def end(self) -> None:
        self.ended = True


@pytest.fixture
def early(monkeypatch: pytest.MonkeyPatch) -> list[FakeWorkers]:
    monkeypatch.setattr(batch, "Workers", FakeWorkers)
    monkeypatch.setattr(batch, "vega_assets", lambda: ("{}", ""))
    FakeWorkers.made = []
    return FakeWorkers.made


def test_workers_start_before_the_checks_and_get_what_the_checks_leave(
    project, early, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports, notebooks = project
    seen_by_checks: list[int] = []
    validate = batch.validate

    def checked(report, info):  # the workers are started when the checks run
        seen_by_checks.append(len(early))
        return ["bad on purpose"] if report.name == "probe-b" else validate(report, info)

    monkeypatch.setattr(batch, "validate", checked)
    outcomes = run_batch(reports, tmp_path, notebooks=notebooks, workers=2)
    assert [o.status for o in outcomes] == ["ok", "invalid", "ok"]
    assert seen_by_checks == [1, 1, 1]
    assert (early[0].n, early[0].jobs, early[0].ended) == (2, ["probe-a", "probe-c"], True)


def test_workers_started_early_for_nothing_are_ended(
    project, early, fake_worker, tmp_path: Path
) -> None:
    reports, notebooks = project
    run_batch(reports, tmp_path, notebooks=notebooks, workers=2)
    early.clear()
    # the pages are up to date, but --force and a missing page cannot be told apart from a
    # change before the checks: one of those starts them; a run with nothing to do does not
    statuses = [o.status for o in run_batch(reports, tmp_path, notebooks=notebooks, workers=2)]
    assert statuses == ["skipped"] * 3 and early == []
    (tmp_path / "probe-a.html").unlink()
    statuses = [o.status for o in run_batch(reports, tmp_path, notebooks=notebooks, workers=2)]
    assert statuses == ["ok", "skipped", "skipped"]
    assert (early[0].jobs, early[0].ended) == (["probe-a"], True)
    # one report to run: one worker, in this process (started after the checks, as before)
    early.clear()
    one = run_batch(reports[:1], tmp_path, notebooks=notebooks, workers=2, force=True)
    assert early == [] and one[0].status == "ok"


def test_workers_are_ended_when_the_checks_are_interrupted(
    project, early, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports, notebooks = project

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt(2)

    monkeypatch.setattr(batch, "validate", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run_batch(reports, tmp_path, notebooks=notebooks, workers=2, force=True)
    assert early[0].ended and early[0].jobs is None
