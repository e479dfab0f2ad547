"""The batch runner: parameter validation, fresh and shared kernels, failures, reruns, shards."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from kpitools.report import Outcome, discover, notebooks_by_kind, run_batch

BIN = Path(sys.executable).parent

PROBE = """
import json, os, polars as pl, altair as alt
state = {
    "pid": os.getpid(),
    "leaked": "LEAK" in globals(),
    "rows": pl.Config.state().get("POLARS_FMT_MAX_ROWS"),
    "renderer": alt.renderers.active,
    "cwd": os.getcwd(),
}
print("STATE " + json.dumps(state))
if step == "dirty":
    LEAK = 1
    pl.Config.set_tbl_rows(3)
    alt.renderers.enable("json")
    os.chdir("/")
elif step == "raise":
    raise ValueError("probe failed on purpose")
elif step == "die":
    os._exit(3)
elif step == "sleep":
    import time
    print("going to sleep", flush=True)
    time.sleep(600)
"""


def make_project(tmp: Path, params: dict[str, str]) -> tuple[Path, Path]:
    """A notebooks folder with a probe notebook of kind 'probe', and parameter files."""
    nbs, pars = tmp / "notebooks", tmp / "parameters"
    nbs.mkdir()
    pars.mkdir()
    nb = new_notebook(
        cells=[
            new_code_cell(
                'step: str = "clean"  # what the probe does\nyear: int = 2023  # a year',
                metadata={"tags": ["parameters"]},
            ),
            new_code_cell(PROBE),
        ],
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "kpitools": {"report": "probe", "title": "Probe"},
        },
    )
    nbformat.write(nb, nbs / "probe.ipynb")
    for name, text in params.items():
        (pars / f"{name}.yaml").write_text(text, encoding="utf-8")
    return nbs, pars


def states(out: Path, name: str) -> dict:
    nb = json.loads((out / "notebooks" / f"{name}.ipynb").read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        for o in cell.get("outputs", []):
            for line in "".join(o.get("text", "")).splitlines():
                if line.startswith("STATE "):
                    return json.loads(line[6:])
    raise AssertionError(f"no state printed by {name}")


def run(nbs: Path, pars: Path, out: Path, **kw) -> dict[str, Outcome]:
    reports = discover(pars, nbs)
    outcomes = run_batch(reports, out, notebooks=notebooks_by_kind(nbs), **kw)
    return {o.report.name: o for o in outcomes}


@pytest.mark.slow
@pytest.mark.parametrize("fresh", [True, False], ids=["fresh-kernels", "shared-kernel"])
def test_reports_of_one_worker_see_nothing_of_each_other(tmp_path: Path, fresh: bool) -> None:
    nbs, pars = make_project(
        tmp_path, {"probe-a": "step: dirty\n", "probe-b": "step: clean\n", "probe-c": "step: x\n"}
    )
    out = tmp_path / "out"
    results = run(nbs, pars, out, workers=1, fresh_kernels=fresh)
    assert [o.status for o in results.values()] == ["ok", "ok", "ok"]
    a, b, c = (states(out, n) for n in ("probe-a", "probe-b", "probe-c"))
    if fresh:  # the default: each report ran in a kernel process of its own
        assert len({a["pid"], b["pid"], c["pid"]}) == 3
    else:  # --shared-kernel: the same kernel process ran all three, start-up paid once
        assert a["pid"] == b["pid"] == c["pid"]
    # ...and the second report saw none of what the first one changed
    default_rows = a["rows"]
    for s in (b, c):
        assert s["leaked"] is False
        assert s["rows"] == default_rows
        assert s["renderer"] == "default"
        assert Path(s["cwd"]) == nbs.resolve()


@pytest.mark.slow
def test_failures_are_reported_and_do_not_stop_the_batch(tmp_path: Path) -> None:
    nbs, pars = make_project(
        tmp_path,
        {
            "probe-1-raise": "step: raise\n",
            "probe-2-die": "step: die\n",
            "probe-3-after": "step: clean\n",
            "probe-4-bad": "step: clean\nyeer: 2023\n",
        },
    )
    out = tmp_path / "out"
    results = run(nbs, pars, out, workers=1)
    raised = results["probe-1-raise"]
    assert raised.status == "failed"
    assert (
        "cell 2 of probe.ipynb: ValueError" in raised.error
        and "ValueError: probe failed on purpose" in raised.error
    )
    # the executed notebook is kept, with the failing cell marked by papermill
    kept = (out / "notebooks" / "probe-1-raise.ipynb").read_text(encoding="utf-8")
    assert "papermill-error-cell-tag" in kept and "probe failed on purpose" in kept
    assert not (out / "probe-1-raise.html").exists()
    died = results["probe-2-die"]
    assert died.status == "failed" and "DeadKernelError" in died.error
    # a new kernel took over
    assert results["probe-3-after"].status == "ok"
    assert (out / "probe-3-after.html").exists()
    bad = results["probe-4-bad"]
    assert bad.status == "invalid"
    assert "probe-4-bad.yaml: unknown parameter 'yeer'" in bad.error
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "probe failed on purpose" in index and 'href="probe-3-after.html"' in index
    assert not list(out.rglob("*.part*"))


@pytest.mark.slow
def test_unchanged_reports_are_skipped_until_something_changes(tmp_path: Path) -> None:
    nbs, pars = make_project(tmp_path, {"probe-a": "step: clean\n", "probe-b": "step: x\n"})
    out = tmp_path / "out"
    first = run(nbs, pars, out, workers=2)
    assert {o.status for o in first.values()} == {"ok"}
    stamp = (out / "probe-a.html").stat().st_mtime_ns
    again = run(nbs, pars, out, workers=2)
    assert {o.status for o in again.values()} == {"skipped"}
    assert (out / "probe-a.html").stat().st_mtime_ns == stamp
    (pars / "probe-b.yaml").write_text("step: y\n")
    third = run(nbs, pars, out, workers=2)
    assert (third["probe-a"].status, third["probe-b"].status) == ("skipped", "ok")
    forced = run(nbs, pars, out, workers=1, force=True)
    assert {o.status for o in forced.values()} == {"ok"}


def city_run(tmp_path: Path, *, workers: int) -> tuple[list[str], Path]:
    """``kpitools run`` of six city reports (2019-2024) into ``tmp_path/out``."""
    params = tmp_path / "parameters"
    params.mkdir()
    for year in range(2019, 2025):
        (params / f"city-{year}.yaml").write_text(f"year: {year}\n")
    out = tmp_path / "out"
    cmd = [str(BIN / "kpitools"), "run", "--parameters", str(params), "--out", str(out)]
    return [*cmd, "--workers", str(workers)], out


def terminated_after_a_page(
    cmd: list[str], root: Path, out: Path, env: dict[str, str] | None = None
) -> tuple[int, str]:
    """Run ``cmd``, SIGTERM it once a page is written; its exit status and output."""
    # Output to a file, not a pipe: the test waits for kpitools, not for every process that
    # may still hold the pipe (a kernel being shut down on a loaded machine).
    log = out.parent / "run.log"
    with log.open("w") as sink:
        proc = subprocess.Popen(
            cmd, cwd=root, stdout=sink, stderr=subprocess.STDOUT, text=True, env=env
        )
        deadline = time.time() + 120
        while not list(out.glob("*.html")) and time.time() < deadline:
            time.sleep(0.05)
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
    return proc.returncode, log.read_text(encoding="utf-8")


@pytest.mark.slow
def test_an_interrupted_run_leaves_no_half_file_and_a_rerun_finishes(
    root: Path, tmp_path: Path
) -> None:
    cmd, out = city_run(tmp_path, workers=1)
    returncode, output = terminated_after_a_page(cmd, root, out)
    # one line says what happened, no traceback; the status is 128 + SIGTERM
    assert returncode == 143, output
    assert "Traceback" not in output and "exception" not in output, output
    assert "kpitools run: interrupted (SIGTERM) with " in output
    written = sorted(p.name for p in out.glob("city-*.html"))
    assert 1 <= len(written) < 6, output
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.count('class="kt-interrupted"') == 6 - len(written)
    for page in out.glob("city-*.html"):
        assert page.read_text(encoding="utf-8").rstrip().endswith("</html>")
    rerun = subprocess.run(cmd, cwd=root, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert f"{len(written)} unchanged" in rerun.stdout
    assert len(list(out.glob("city-*.html"))) == 6
    assert not [p for p in out.rglob("*") if ".part" in p.name]


@pytest.mark.slow
def test_stop_kills_the_kernel_even_when_its_shutdown_fails(monkeypatch) -> None:
    from kpitools.report import Worker

    worker = Worker(fresh=False)  # a shared kernel is shut down gracefully, and may fail to
    worker.start()
    process = worker.km.provisioner.process

    async def broken(*args, **kwargs):
        raise RuntimeError("the event loop was interrupted")

    monkeypatch.setattr(worker.km, "shutdown_kernel", broken)
    with pytest.raises(RuntimeError, match="interrupted"):
        worker.stop()
    assert process.poll() is not None  # the kernel is gone all the same
    assert worker.km is None


@pytest.mark.slow
def test_report_timeout_stops_a_long_report_naming_its_cell(tmp_path: Path) -> None:
    nbs, pars = make_project(tmp_path, {"probe-a-slow": "step: sleep\n", "probe-b": "step: x\n"})
    out = tmp_path / "out"
    cmd = [str(BIN / "kpitools"), "run", "--parameters", str(pars), "--notebooks", str(nbs)]
    cmd += ["--out", str(out), "--workers", "1", "--report-timeout", "5"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "kernels: " in done.stdout.splitlines()[0]
    line = next(x for x in done.stdout.splitlines() if x.startswith("probe-a-slow "))
    assert "failed" in line
    assert "cell 2 of probe.ipynb: the report ran longer than its time limit (5 s)" in line
    # the executed notebook is kept up to the cell it was stopped in, with what it printed
    kept = json.loads((out / "notebooks" / "probe-a-slow.ipynb").read_text(encoding="utf-8"))
    printed = "".join(
        "".join(o.get("text", "")) for c in kept["cells"] for o in c.get("outputs", [])
    )
    assert "going to sleep" in printed
    # the next report in the same worker ran in a kernel of its own
    assert (out / "probe-b.html").exists()


ENVIRONMENT = """
import os
from pathlib import Path

def parent(pid):
    status = Path(f"/proc/{pid}/status").read_text()
    return int(next(x for x in status.splitlines() if x.startswith("PPid:")).split()[1])

worker = int(os.environ["JPY_PARENT_PID"])
names = ["KPITOOLS_TEST_MARK", "OPENBLAS_NUM_THREADS", "JE_ARROW_MALLOC_CONF", "_RJEM_MALLOC_CONF"]
print("ENV", json.dumps({n: os.environ.get(n) for n in names}))
print("WORKER", worker, parent(worker))
"""


@pytest.mark.slow
def test_workers_forked_from_one_process_give_kernels_the_runs_environment(
    tmp_path: Path, monkeypatch
) -> None:
    from kpitools.report.forkserver import fork_unavailable

    if fork_unavailable():
        pytest.skip(fork_unavailable())
    monkeypatch.setenv("KPITOOLS_TEST_MARK", "the caller's")
    for name in ("OPENBLAS_NUM_THREADS", "JE_ARROW_MALLOC_CONF", "_RJEM_MALLOC_CONF"):
        monkeypatch.delenv(name, raising=False)
    nbs, pars = make_project(tmp_path, {f"probe-{i}": f"step: s{i}\n" for i in range(4)})
    nb = nbformat.read(nbs / "probe.ipynb", as_version=4)
    nb.cells.append(new_code_cell("import json\n" + ENVIRONMENT))
    nbformat.write(nb, nbs / "probe.ipynb")
    out = tmp_path / "out"
    outcomes = run(nbs, pars, out, workers=2, force=True)
    assert {o.status for o in outcomes.values()} == {"ok"}
    workers, parents = set(), set()
    for name in outcomes:
        executed = json.loads((out / "notebooks" / f"{name}.ipynb").read_text("utf-8"))
        text = "".join(
            "".join(x.get("text", "")) for c in executed["cells"] for x in c.get("outputs", [])
        )
        env = json.loads(text.split("ENV ", 1)[1].splitlines()[0])
        # the kernels see the caller's environment, not the settings the workers load with
        assert env == {
            "KPITOOLS_TEST_MARK": "the caller's",
            "OPENBLAS_NUM_THREADS": None,
            "JE_ARROW_MALLOC_CONF": None,
            "_RJEM_MALLOC_CONF": None,
        }
        worker, parent = map(int, text.split("WORKER ", 1)[1].split()[:2])
        workers.add(worker)
        parents.add(parent)
    # two workers, forked from one process that is not the caller
    assert len(workers) == 2
    (base,) = parents
    assert base != os.getpid()
    assert not Path(f"/proc/{base}").exists()  # it ended with the run


def _marked(mark: str) -> list[int]:
    """Processes of this user whose environment holds ``mark``."""
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            with contextlib.suppress(OSError):
                if mark.encode() in (proc / "environ").read_bytes():
                    found.append(int(proc.name))
    return found


@pytest.mark.slow
def test_sigterm_to_a_run_of_two_workers_leaves_no_process_behind(
    root: Path, tmp_path: Path
) -> None:
    import uuid

    cmd, out = city_run(tmp_path, workers=2)
    mark = f"KPITOOLS_TEST_MARK=run-{uuid.uuid4()}"
    env = {**os.environ, mark.split("=")[0]: mark.split("=")[1]}
    returncode, output = terminated_after_a_page(cmd, root, out, env)
    assert returncode == 143, output
    assert "Traceback" not in output, output
    deadline = time.time() + 15  # the workers and kernels end as the run does
    while _marked(mark) and time.time() < deadline:
        time.sleep(0.1)
    assert _marked(mark) == []
    assert not [p for p in out.rglob("*") if ".part" in p.name]
